//! Distances between coordinates, one definition for every crate that compares places.

/// Mean Earth radius in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in kilometres between two points given in degrees.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_phi = (lat2 - lat1).to_radians();
    let d_lambda = (lon2 - lon1).to_radians();
    let a = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().atan2((1.0 - a).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_paris_london() {
        let km = haversine_km(48.8566, 2.3522, 51.5074, -0.1278);
        assert!((km - 343.5).abs() < 1.0, "{km}");
        assert_eq!(haversine_km(33.3, 44.4, 33.3, 44.4), 0.0);
        // Half the equator.
        let half = haversine_km(0.0, 0.0, 0.0, 180.0);
        assert!(
            (half - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6,
            "{half}"
        );
    }
}

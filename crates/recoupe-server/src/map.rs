//! The map, drawn on the server as SVG: country shapes bundled in the binary
//! (`assets/countries-50m.txt`, built from world-atlas / Natural Earth by
//! `tools/web/build_countries.sh`) in the Natural Earth projection, places as circles
//! sized by the documents that mention them. Nothing is fetched from anywhere.

use std::fmt::Write;
use std::sync::OnceLock;

use crate::markup::{escape, query_value};

const COUNTRIES: &str = include_str!("../assets/countries-50m.txt");

/// Projection units per radian.
const SCALE: f64 = 100.0;

/// Width / height of every map drawn.
const ASPECT: f64 = 2.0;

struct Country {
    name: String,
    /// Projected rings.
    rings: Vec<Vec<(f64, f64)>>,
    bbox: [f64; 4],
}

/// Natural Earth projection (Šavrič, Patterson, Jenny): x grows east, y grows south
/// (SVG's way).
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    let lambda = lon.clamp(-180.0, 180.0).to_radians();
    let phi = lat.clamp(-90.0, 90.0).to_radians();
    let p2 = phi * phi;
    let p4 = p2 * p2;
    let x = lambda
        * (0.870_700 - 0.131_979 * p2 + p4 * (-0.013_791 + p4 * (0.003_971 * p2 - 0.001_529 * p4)));
    let y =
        phi * (1.007_226 + p2 * (0.015_085 + p4 * (-0.044_475 + 0.028_874 * p2 - 0.005_916 * p4)));
    (x * SCALE, -y * SCALE)
}

fn world() -> &'static [Country] {
    static WORLD: OnceLock<Vec<Country>> = OnceLock::new();
    WORLD.get_or_init(|| parse(COUNTRIES))
}

/// Reads the bundled file (format in its header); malformed lines are skipped, and a
/// unit test checks that there are none.
fn parse(text: &str) -> Vec<Country> {
    let mut countries = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut fields = line.splitn(3, '\t');
        let (Some(_id), Some(name), Some(rings)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let mut projected = Vec::new();
        let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for ring in rings.split('|') {
            let numbers: Vec<i64> = ring.split(' ').filter_map(|n| n.parse().ok()).collect();
            let mut points = Vec::with_capacity(numbers.len() / 2);
            let (mut x, mut y) = (0i64, 0i64);
            for pair in numbers.chunks_exact(2) {
                x += pair[0];
                y += pair[1];
                let p = project(x as f64 / 100.0, y as f64 / 100.0);
                bbox = [
                    bbox[0].min(p.0),
                    bbox[1].min(p.1),
                    bbox[2].max(p.0),
                    bbox[3].max(p.1),
                ];
                points.push(p);
            }
            if points.len() >= 3 {
                projected.push(points);
            }
        }
        if !projected.is_empty() {
            countries.push(Country {
                name: name.to_string(),
                rings: projected,
                bbox,
            });
        }
    }
    countries
}

/// A place to draw.
#[derive(Debug, Clone)]
pub struct Point {
    pub key: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub documents: u64,
}

/// The view box around `points` (or the `focus` point), widened to the fixed aspect.
fn frame(points: &[(f64, f64)], focus: Option<(f64, f64)>) -> [f64; 4] {
    let (whole_w, whole_h) = (project(180.0, 0.0).0 * 2.0, project(0.0, -90.0).1 * 2.0);
    let whole = [-whole_w / 2.0, -whole_h / 2.0, whole_w, whole_h];
    let (mut x0, mut y0, mut x1, mut y1) = match focus {
        Some((x, y)) => (x - 12.0, y - 6.0, x + 12.0, y + 6.0),
        None if points.is_empty() => return whole,
        None => points.iter().fold(
            (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
            |(a, b, c, d), &(x, y)| (a.min(x), b.min(y), c.max(x), d.max(y)),
        ),
    };
    // A margin (wider on the right, where the labels go), and never closer than about
    // 20 degrees across.
    let pad_x = ((x1 - x0) * 0.08).max(8.0);
    let pad_y = ((y1 - y0) * 0.12).max(8.0);
    x0 -= pad_x;
    x1 += pad_x + (x1 - x0) * 0.12;
    y0 -= pad_y;
    y1 += pad_y;
    let (mut w, mut h) = (x1 - x0, y1 - y0);
    if w / h < ASPECT {
        let grow = h * ASPECT - w;
        x0 -= grow / 2.0;
        w += grow;
    } else {
        let grow = w / ASPECT - h;
        y0 -= grow / 2.0;
        h += grow;
    }
    if w >= whole[2] {
        return whole;
    }
    [x0, y0, w, h]
}

/// The map as an SVG element: countries, then places (largest first, so small circles stay
/// clickable on top), each a link to its documents; the `focus` place is outlined.
pub fn svg(points: &[Point], focus: Option<&str>, labels: usize) -> String {
    let projected: Vec<(f64, f64)> = points.iter().map(|p| project(p.lon, p.lat)).collect();
    let focus_at = focus.and_then(|key| {
        points
            .iter()
            .position(|p| p.key == key)
            .map(|i| projected[i])
    });
    let [vx, vy, vw, vh] = frame(&projected, focus_at);
    let mut out = String::with_capacity(256 * 1024);
    let _ = write!(
        out,
        "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{vx:.2} {vy:.2} {vw:.2} {vh:.2}\" \
         role=\"img\" aria-label=\"map of the places mentioned\">"
    );
    let _ = write!(
        out,
        "<rect class=\"sea\" x=\"{vx:.2}\" y=\"{vy:.2}\" width=\"{vw:.2}\" height=\"{vh:.2}\"/>"
    );
    let stroke = vw / 1400.0;
    let _ = write!(out, "<g class=\"land\" stroke-width=\"{stroke:.3}\">");
    for country in world() {
        let [x0, y0, x1, y1] = country.bbox;
        if x1 < vx || x0 > vx + vw || y1 < vy || y0 > vy + vh {
            continue;
        }
        out.push_str("<path d=\"");
        for ring in &country.rings {
            for (i, (x, y)) in ring.iter().enumerate() {
                let _ = write!(out, "{}{x:.2} {y:.2}", if i == 0 { 'M' } else { 'L' });
            }
            out.push('Z');
        }
        out.push_str("\"><title>");
        escape(&country.name, &mut out);
        out.push_str("</title></path>");
    }
    out.push_str("</g>");
    let most = points.iter().map(|p| p.documents).max().unwrap_or(1).max(1) as f64;
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| points[b].documents.cmp(&points[a].documents));
    let radius = |documents: u64| vw * (0.004 + 0.018 * (documents as f64 / most).sqrt());
    out.push_str("<g class=\"places\">");
    for &i in &order {
        let p = &points[i];
        let (x, y) = projected[i];
        let r = radius(p.documents);
        let class = if Some(p.key.as_str()) == focus {
            "place focus"
        } else {
            "place"
        };
        let _ = write!(
            out,
            "<a href=\"/search?place={}\" class=\"{class}\" data-key=\"",
            query_value(&p.key)
        );
        escape(&p.key, &mut out);
        let _ = write!(
            out,
            "\"><circle cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"{r:.2}\" stroke-width=\"{:.3}\"/><title>",
            stroke * 1.5
        );
        escape(&p.name, &mut out);
        let _ = write!(
            out,
            " — {} document{}</title></a>",
            p.documents,
            if p.documents == 1 { "" } else { "s" }
        );
    }
    out.push_str("</g><g class=\"labels\">");
    let font = vw / 70.0;
    // Labels for the biggest places, skipping any that would overlap one already placed.
    let mut placed: Vec<[f64; 4]> = Vec::new();
    for &i in &order {
        if placed.len() >= labels {
            break;
        }
        let p = &points[i];
        let (x, y) = projected[i];
        let r = radius(p.documents);
        let (lx, ly) = (x + r + font * 0.3, y + font * 0.35);
        let rect = [
            lx,
            ly - font,
            lx + font * 0.56 * p.name.chars().count() as f64,
            ly + font * 0.2,
        ];
        if placed
            .iter()
            .any(|o| rect[0] < o[2] && o[0] < rect[2] && rect[1] < o[3] && o[1] < rect[3])
        {
            continue;
        }
        placed.push(rect);
        let _ = write!(
            out,
            "<text x=\"{lx:.2}\" y=\"{ly:.2}\" font-size=\"{font:.2}\" stroke-width=\"{:.3}\">",
            font * 0.25
        );
        escape(&p.name, &mut out);
        out.push_str("</text>");
    }
    out.push_str("</g></svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_countries_all_parse() {
        let lines = COUNTRIES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .count();
        assert!(lines > 200, "{lines} countries");
        assert_eq!(world().len(), lines);
        assert!(world().iter().any(|c| c.name == "Lebanon"));
    }

    #[test]
    fn projection_is_centred_and_oriented() {
        let (x, y) = project(0.0, 0.0);
        assert!(x.abs() < 1e-9 && y.abs() < 1e-9);
        let (east, north) = project(35.5, 33.9); // Beirut
        assert!(east > 0.0 && north < 0.0);
    }

    #[test]
    fn names_are_escaped_and_places_link_to_their_documents() {
        let points = vec![Point {
            key: "geonames:1&2".into(),
            name: "<b>Beyrouth</b>".into(),
            lat: 33.9,
            lon: 35.5,
            documents: 3,
        }];
        let svg = svg(&points, None, 5);
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;b&gt;Beyrouth"));
        assert!(svg.contains("href=\"/search?place=geonames%3A1%262\""));
        assert!(svg.contains("Lebanon"));
    }
}

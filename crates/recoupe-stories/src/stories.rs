//! Whether two articles tell one story: a pairwise decision from their features alone
//! (content-word cosine with reference weights, shared entities weighted by specificity,
//! distance of their event dates), so that the same pair always gets the same answer
//! whatever else has arrived. Stories are the connected components of these links.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use recoupe_model::DocId;
use serde::{Deserialize, Serialize};

use crate::features::DocFeatures;

/// Settings of the story decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StoryConfig {
    /// Weight of the content-word cosine in the score (the rest goes to shared entities).
    pub term_weight: f64,
    /// Score from which two articles are one story.
    pub threshold: f64,
    /// Event dates closer than this (days) cost nothing.
    pub date_free_days: i64,
    /// Event dates further apart than this (days) halve the score; two articles whose
    /// sources give publication dates this far apart are never in one story (two strikes on
    /// the same base a year apart are two stories).
    pub date_veto_days: i64,
    /// Factor applied when both articles place their event on days (near their publication)
    /// and no two of those days are within `event_day_tolerance` of each other: two attacks
    /// in one region a week apart are two stories.
    pub event_day_factor: f64,
    pub event_day_tolerance: i64,
    /// Veto distance (days) between a given publication date and one inferred from a text.
    pub inferred_veto_days: i64,
    /// Two groups of articles merge only when the mean score over all their pairs reaches
    /// this (group-average linkage: keeps a chain of related stories apart).
    pub group_average: f64,
    /// Factor applied when the towns two articles are mostly about are further apart than
    /// `place_apart_km` and one of them never names the other's: a dockers' strike in one port
    /// and another in a port at the other end of the country the same day are two stories.
    pub place_factor: f64,
    pub place_apart_km: f64,
    /// Content words per article used as index keys.
    pub index_terms: usize,
    /// Entities weighing at least this are index keys.
    pub index_entity_weight: f64,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            term_weight: 0.6,
            // The middle of the range over which the shared corpus and every check corpus score
            // the same (0.12 to 0.18), not its edge: one more shared entity or a few words less
            // must not split a story.
            threshold: 0.15,
            group_average: 0.18,
            inferred_veto_days: 365,
            event_day_factor: 0.3,
            // A flood or a siege runs over several days, and follow-ups name other days of it
            // than the first report: three days apart is still one event.
            event_day_tolerance: 3,
            date_free_days: 10,
            date_veto_days: 60,
            place_factor: 0.5,
            place_apart_km: 150.0,
            index_terms: 12,
            index_entity_weight: 0.3,
        }
    }
}

/// Why two articles are (or are not) one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub a: DocId,
    pub b: DocId,
    /// The combined score compared with the threshold.
    pub score: f64,
    /// Cosine of the content-word vectors.
    pub similarity: f64,
    /// Weighted cosine of the entity sets.
    pub entity_similarity: f64,
    /// Shared entities, most specific first: `(name, weight)`.
    pub shared_entities: Vec<(String, f64)>,
    /// The two event dates and their distance in days, when both are known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<(NaiveDate, NaiveDate, i64)>,
    /// The factor the date distance applied (1 when close or unknown, 0 when vetoed).
    pub date_factor: f64,
    /// Content words contributing most to the similarity.
    pub shared_terms: Vec<String>,
    /// Days apart of the closest event days the two texts give (near their publication),
    /// when both give some.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_days_apart: Option<i64>,
    /// The towns the two articles are mostly about and their distance in km, when both have
    /// one and they differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places_apart: Option<(String, String, f64)>,
}

/// The main towns of two articles when they differ, with their distance, and whether that
/// sets them apart: far from each other, and one article never names the other's town.
fn places_apart(
    a: &DocFeatures,
    b: &DocFeatures,
    config: &StoryConfig,
) -> (Option<(String, String, f64)>, bool) {
    let (Some(x), Some(y)) = (&a.main_place, &b.main_place) else {
        return (None, false);
    };
    if x.key == y.key {
        return (None, false);
    }
    let km = recoupe_model::haversine_km(x.lat, x.lon, y.lat, y.lon);
    let names = |d: &DocFeatures, key: &str| d.entities.iter().any(|e| e.key == key);
    let apart = km > config.place_apart_km && (!names(a, &y.key) || !names(b, &x.key));
    (Some((x.name.clone(), y.name.clone(), km)), apart)
}

/// The days an article places its event on: day-precise dates of its text within two weeks
/// before its event date (or all of them when it has none).
fn event_days(d: &DocFeatures) -> Vec<NaiveDate> {
    d.dates
        .iter()
        .flat_map(|(a, b)| [*a, *b])
        .filter(|day| match d.anchor {
            Some(anchor) => {
                let gap = (anchor - *day).num_days();
                (-1..=14).contains(&gap)
            }
            None => true,
        })
        .collect()
}

/// Distance in days between the closest event days of two articles.
fn event_days_apart(a: &DocFeatures, b: &DocFeatures) -> Option<i64> {
    let (x, y) = (event_days(a), event_days(b));
    x.iter()
        .flat_map(|p| y.iter().map(move |q| (*p - *q).num_days().abs()))
        .min()
}

fn cosine_terms(a: &DocFeatures, b: &DocFeatures) -> (f64, Vec<(String, f64)>) {
    let (small, large) = if a.terms.len() <= b.terms.len() {
        (&a.terms, &b.terms)
    } else {
        (&b.terms, &a.terms)
    };
    let mut dot = 0.0;
    let mut parts = Vec::new();
    for (term, w) in small {
        if let Some(v) = large.get(term) {
            dot += w * v;
            parts.push((term.clone(), w * v));
        }
    }
    (dot, parts)
}

fn entity_similarity(a: &DocFeatures, b: &DocFeatures) -> (f64, Vec<(String, f64)>) {
    let weights_b: BTreeMap<&str, f64> = b
        .entities
        .iter()
        .map(|e| (e.key.as_str(), e.weight))
        .collect();
    let norm = |d: &DocFeatures| {
        d.entities
            .iter()
            .map(|e| e.weight * e.weight)
            .sum::<f64>()
            .sqrt()
    };
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return (0.0, Vec::new());
    }
    let mut dot = 0.0;
    let mut shared = Vec::new();
    for e in &a.entities {
        if let Some(w) = weights_b.get(e.key.as_str()) {
            dot += e.weight * w;
            shared.push((e.name.clone(), e.weight.min(*w)));
        }
    }
    shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    (dot / (na * nb), shared)
}

/// The date factor of two event dates.
pub fn date_factor(
    a: Option<NaiveDate>,
    b: Option<NaiveDate>,
    config: &StoryConfig,
) -> (f64, Option<i64>) {
    match (a, b) {
        (Some(x), Some(y)) => {
            let gap = (x - y).num_days().abs();
            let factor = if gap <= config.date_free_days {
                1.0
            } else if gap > config.date_veto_days {
                0.5
            } else {
                1.0 - 0.5 * (gap - config.date_free_days) as f64
                    / (config.date_veto_days - config.date_free_days).max(1) as f64
            };
            (factor, Some(gap))
        }
        _ => (1.0, None),
    }
}

/// The pairwise story decision with its evidence. Symmetric: the pair is ordered by id.
pub fn score_pair(x: &DocFeatures, y: &DocFeatures, config: &StoryConfig) -> Link {
    let (a, b) = if x.id <= y.id { (x, y) } else { (y, x) };
    let (similarity, mut term_parts) = cosine_terms(a, b);
    let (entity_similarity, shared_entities) = entity_similarity(a, b);
    let (mut factor, gap) = date_factor(a.anchor, b.anchor, config);
    let apart = event_days_apart(a, b);
    if apart.is_some_and(|days| days > config.event_day_tolerance) {
        factor *= config.event_day_factor;
    }
    let (places, far) = places_apart(a, b, config);
    if far {
        factor *= config.place_factor;
    }
    let score =
        factor * (config.term_weight * similarity + (1.0 - config.term_weight) * entity_similarity);
    term_parts.sort_by(|p, q| q.1.total_cmp(&p.1).then(p.0.cmp(&q.0)));
    Link {
        a: a.id.clone(),
        b: b.id.clone(),
        score,
        similarity,
        entity_similarity,
        shared_entities,
        dates: match (a.anchor, b.anchor, gap) {
            (Some(x), Some(y), Some(g)) => Some((x, y, g)),
            _ => None,
        },
        date_factor: factor,
        shared_terms: term_parts.into_iter().take(8).map(|p| p.0).collect(),
        event_days_apart: apart,
        places_apart: places,
    }
}

/// Whether a scored pair is one story.
pub fn is_link(link: &Link, config: &StoryConfig) -> bool {
    link.score >= config.threshold
}

/// Whether two articles can never be in one story: the publication dates their sources give
/// are further apart than `date_veto_days`, or one given and one inferred from the text are
/// more than `inferred_veto_days` apart (an inferred date can be a background date).
pub fn cannot_link(a: &DocFeatures, b: &DocFeatures, config: &StoryConfig) -> bool {
    let (Some(x), Some(y)) = (a.anchor, b.anchor) else {
        return false;
    };
    let gap = (x - y).num_days().abs();
    match (a.anchor_given, b.anchor_given) {
        (true, true) => gap > config.date_veto_days,
        (true, false) | (false, true) => gap > config.inferred_veto_days,
        (false, false) => false,
    }
}

/// Stories among `members` from their links: links are taken strongest first (ties by ids)
/// and join two groups unless that would put together two articles that [`cannot_link`].
/// Depends only on the set of members and links, not on the order they arrived in.
pub fn cluster(members: &[&DocFeatures], links: &[&Link], config: &StoryConfig) -> Vec<Vec<DocId>> {
    let mut members: Vec<&DocFeatures> = members.to_vec();
    members.sort_by(|a, b| a.id.cmp(&b.id));
    let index: BTreeMap<&DocId, usize> = members
        .iter()
        .enumerate()
        .map(|(i, d)| (&d.id, i))
        .collect();
    let mut links: Vec<&Link> = links
        .iter()
        .filter(|l| index.contains_key(&l.a) && index.contains_key(&l.b))
        .copied()
        .collect();
    links.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    let mut group: Vec<usize> = (0..members.len()).collect();
    let mut groups: BTreeMap<usize, Vec<usize>> =
        (0..members.len()).map(|i| (i, vec![i])).collect();
    for link in links {
        let (ga, gb) = (group[index[&link.a]], group[index[&link.b]]);
        if ga == gb {
            continue;
        }
        let (left, right) = (&groups[&ga], &groups[&gb]);
        let blocked = left.iter().any(|&i| {
            right
                .iter()
                .any(|&j| cannot_link(members[i], members[j], config))
        });
        if blocked {
            continue;
        }
        if left.len() * right.len() > 1 {
            let mut total = 0.0;
            for &i in left {
                for &j in right {
                    total += score_pair(members[i], members[j], config).score;
                }
            }
            if total / ((left.len() * right.len()) as f64) < config.group_average {
                continue;
            }
        }
        let (keep, gone) = (ga.min(gb), ga.max(gb));
        let moved = groups.remove(&gone).unwrap_or_default();
        for &i in &moved {
            group[i] = keep;
        }
        groups.entry(keep).or_default().extend(moved);
    }
    let mut out: Vec<Vec<DocId>> = groups
        .into_values()
        .map(|g| {
            let mut ids: Vec<DocId> = g.into_iter().map(|i| members[i].id.clone()).collect();
            ids.sort();
            ids
        })
        .collect();
    out.sort();
    out
}

/// Connected components of the links over `members`, each sorted, in order of first member.
pub fn components<'a>(
    members: impl IntoIterator<Item = &'a DocId>,
    links: impl IntoIterator<Item = (&'a DocId, &'a DocId)>,
) -> Vec<Vec<DocId>> {
    let ids: BTreeSet<&DocId> = members.into_iter().collect();
    let index: BTreeMap<&DocId, usize> = ids.iter().enumerate().map(|(i, d)| (*d, i)).collect();
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (a, b) in links {
        if let (Some(&i), Some(&j)) = (index.get(a), index.get(b)) {
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            if ri != rj {
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<DocId>> = BTreeMap::new();
    for (i, id) in ids.iter().enumerate() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push((*id).clone());
    }
    groups.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, published: &str, days: &[&str]) -> DocFeatures {
        let date = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("a date");
        let doc = DocFeatures {
            id: DocId(id.to_string()),
            label: None,
            outlet: None,
            published: Some(date(published)),
            words: 300,
            terms: BTreeMap::new(),
            entities: Vec::new(),
            dates: days.iter().map(|d| (date(d), date(d))).collect(),
            anchor: Some(date(published)),
            anchor_given: true,
            fingerprints: Vec::new(),
            figures: Vec::new(),
            statements: Vec::new(),
            main_place: None,
        };
        with_terms(
            doc,
            &["crue", "inondations", "torrent", "digue", "sinistres"],
        )
    }

    #[test]
    fn follow_ups_naming_days_three_apart_tell_one_event() {
        let config = StoryConfig::default();
        // The first report names the night of the flood; the follow-up five days later names
        // the day the rescuers finished, three days after it.
        // Each report tells it in its own words: three of five content words shared.
        let first = article("a", "2026-05-12", &["2026-05-11"]);
        let later = retold(article("b", "2026-05-16", &["2026-05-14"]));
        assert!(is_link(&score_pair(&first, &later, &config), &config));
        // A week apart, two floods in one valley are two events.
        let other = retold(article("c", "2026-05-19", &["2026-05-18"]));
        assert!(!is_link(&score_pair(&first, &other, &config), &config));
    }

    fn about(mut doc: DocFeatures, town: &str, lat: f64, lon: f64, names: &[&str]) -> DocFeatures {
        let key = |t: &str| format!("name:LOC:{}", t.to_lowercase());
        doc.main_place = Some(crate::features::MainPlace {
            key: key(town),
            name: town.to_string(),
            lat,
            lon,
        });
        doc.entities = std::iter::once(town)
            .chain(names.iter().copied())
            .map(|t| crate::features::EntityFeature {
                key: key(t),
                name: t.to_string(),
                label: recoupe_model::EntityType::LOC,
                weight: 1.0,
            })
            .collect();
        doc
    }

    /// Three of its five content words shared with [`article`]'s: another report of the same
    /// kind of event.
    fn retold(doc: DocFeatures) -> DocFeatures {
        with_terms(doc, &["crue", "inondations", "torrent", "pompiers", "quai"])
    }

    /// Two of its five content words shared with [`article`]'s: the same kind of event told
    /// in other words.
    fn reworded(doc: DocFeatures) -> DocFeatures {
        with_terms(doc, &["crue", "digue", "pompiers", "quai", "barrage"])
    }

    /// The document with these content words, of equal weight (a unit vector).
    fn with_terms(mut doc: DocFeatures, terms: &[&str]) -> DocFeatures {
        let weight = (1.0 / terms.len() as f64).sqrt();
        doc.terms = terms.iter().map(|t| (t.to_string(), weight)).collect();
        doc
    }

    #[test]
    fn issue13_the_same_kind_of_event_in_two_distant_towns_the_same_day_is_two_stories() {
        let config = StoryConfig::default();
        let port = about(
            article("a", "2026-05-12", &["2026-05-11"]),
            "Brest",
            48.39,
            -4.49,
            &[],
        );
        let far = |names: &[&str]| {
            about(
                reworded(article("b", "2026-05-12", &["2026-05-11"])),
                "Sète",
                43.40,
                3.69,
                names,
            )
        };
        // Far away, neither naming the other's town: two floods.
        let link = score_pair(&port, &far(&[]), &config);
        assert!(!is_link(&link, &config), "{link:?}");
        assert!(link.places_apart.is_some_and(|(_, _, km)| km > 800.0));
        // The same words about a town next door (a suburb) are the same story.
        let near = about(
            reworded(article("c", "2026-05-12", &["2026-05-11"])),
            "Guipavas",
            48.43,
            -4.40,
            &[],
        );
        assert!(is_link(&score_pair(&port, &near, &config), &config));
        // Two articles that each name both towns tell one story from its two ends.
        let port_too = about(
            article("e", "2026-05-12", &["2026-05-11"]),
            "Brest",
            48.39,
            -4.49,
            &["Sète"],
        );
        assert!(is_link(
            &score_pair(&far(&["Brest"]), &port_too, &config),
            &config
        ));
    }
}

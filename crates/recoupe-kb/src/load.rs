//! Builds a [`Reference`] from the embedded data files.

use std::collections::HashMap;
use std::sync::OnceLock;

use recoupe_model::PlaceKind;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::actors::{parse_actor_file, ActorIssue, ActorIssueKind};
use crate::key::{key, key_into, token_bound};

use crate::{Actor, Country, Entry, PlaceRecord, Reference};

mod embedded {
    pub const COUNTRIES_GEO: &str = include_str!("../../../resources/geo/countries.tsv");
    pub const COUNTRIES_FR: &str = include_str!("../../../resources/fr/countries.tsv");
    pub const DEMONYMS: &str = include_str!("../../../resources/fr/demonyms.tsv");
    pub const SUBDIVISIONS: &[u8] = include_bytes!("../../../resources/geo/subdivisions.tsv.zst");
    pub const PLACES_EXTRA: &str = include_str!("../../../resources/geo/places_extra.tsv");
    pub const DIVISION_NAMES: &str = include_str!("../../../resources/geo/division_names.tsv");
    pub const FIRST_NAMES: &[u8] =
        include_bytes!("../../../resources/fr/names/first_names.txt.zst");
    pub const SURNAMES: &[u8] = include_bytes!("../../../resources/fr/names/surnames.txt.zst");
    pub const VARIANTS: &[u8] = include_bytes!("../../../resources/fr/names/variants.tsv.zst");
    include!(concat!(env!("OUT_DIR"), "/actor_files.rs"));
}

/// A reference data file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}:{line}: {message}")]
    Malformed {
        file: &'static str,
        line: usize,
        message: String,
    },
    #[error("{file}: cannot decompress: {source}")]
    Decompress {
        file: &'static str,
        source: std::io::Error,
    },
}

fn malformed(file: &'static str, line: usize, message: String) -> LoadError {
    LoadError::Malformed {
        file,
        line,
        message,
    }
}

fn unzstd(file: &'static str, bytes: &[u8]) -> Result<String, LoadError> {
    // build.py writes the content size into the frame header: one exact allocation instead
    // of repeated growth.
    let raw = match zstd::zstd_safe::get_frame_content_size(bytes) {
        Ok(Some(size)) => {
            zstd::bulk::decompress(bytes, usize::try_from(size).unwrap_or(usize::MAX))
        }
        _ => zstd::decode_all(bytes),
    }
    .map_err(|source| LoadError::Decompress { file, source })?;
    String::from_utf8(raw).map_err(|e| malformed(file, 0, format!("not UTF-8: {e}")))
}

/// Non-comment, non-blank lines with their 1-based line numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l))
}

fn columns<'a>(
    file: &'static str,
    line: usize,
    text: &'a str,
    expected: usize,
) -> Result<Vec<&'a str>, LoadError> {
    let cols: Vec<&str> = text.split('\t').collect();
    if cols.len() != expected {
        return Err(malformed(
            file,
            line,
            format!(
                "expected {expected} columns, found {}: {text:?}",
                cols.len()
            ),
        ));
    }
    Ok(cols)
}

fn parse_opt_f64(file: &'static str, line: usize, s: &str) -> Result<Option<f64>, LoadError> {
    if s.is_empty() {
        return Ok(None);
    }
    s.parse()
        .map(Some)
        .map_err(|_| malformed(file, line, format!("bad coordinate {s:?}")))
}

fn parse_u64(file: &'static str, line: usize, s: &str) -> Result<u64, LoadError> {
    s.parse()
        .map_err(|_| malformed(file, line, format!("bad number {s:?}")))
}

/// GeoNames feature classes and codes the data uses, shared instead of allocated per place.
const FEATURE_CODES: &[&str] = &[
    "P", "PPL", "PPLC", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLX", "A", "ADM",
];

fn static_code(file: &'static str, line: usize, code: &str) -> Result<&'static str, LoadError> {
    FEATURE_CODES
        .iter()
        .find(|c| **c == code)
        .copied()
        .ok_or_else(|| malformed(file, line, format!("unknown feature code {code:?}")))
}

fn split_aliases(s: &str) -> Vec<String> {
    s.split('|')
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

fn load_countries() -> Result<Vec<Country>, LoadError> {
    const GEO: &str = "resources/geo/countries.tsv";
    const FR: &str = "resources/fr/countries.tsv";
    let mut countries: Vec<Country> = Vec::new();
    for (line, text) in data_lines(embedded::COUNTRIES_GEO) {
        let c = columns(GEO, line, text, 8)?;
        countries.push(Country {
            iso2: c[0].to_string(),
            iso3: c[1].to_string(),
            geonameid: c[2].parse().ok(),
            name_en: c[3].to_string(),
            name_fr: c[3].to_string(),
            aliases: Vec::new(),
            capital: c[4].to_string(),
            lat: parse_opt_f64(GEO, line, c[5])?,
            lon: parse_opt_f64(GEO, line, c[6])?,
            population: parse_u64(GEO, line, c[7])?,
        });
    }
    for (line, text) in data_lines(embedded::COUNTRIES_FR) {
        let c = columns(FR, line, text, 3)?;
        let entry = match countries.iter_mut().find(|x| x.iso2 == c[0]) {
            Some(entry) => entry,
            None => {
                // A country known to CLDR/world-countries but not to GeoNames: names only.
                countries.push(Country {
                    iso2: c[0].to_string(),
                    iso3: String::new(),
                    geonameid: None,
                    name_en: c[1].to_string(),
                    name_fr: c[1].to_string(),
                    aliases: Vec::new(),
                    capital: String::new(),
                    lat: None,
                    lon: None,
                    population: 0,
                });
                countries.last_mut().expect("just pushed")
            }
        };
        entry.name_fr = c[1].to_string();
        entry.aliases = split_aliases(c[2]);
    }
    countries.sort_by(|a, b| a.iso2.cmp(&b.iso2));
    if countries.len() > usize::from(u16::MAX) {
        return Err(malformed(
            GEO,
            0,
            format!("{} countries exceed the u16 index", countries.len()),
        ));
    }
    Ok(countries)
}

const PLACES_FILE: &str = "resources/geo/places.tsv.zst";

/// Parses one GeoNames place row (`row`: its 0-based data row, for messages).
fn parse_place_row(row: usize, text: &'static str) -> Result<PlaceRecord, LoadError> {
    const FILE: &str = PLACES_FILE;
    let bad = |message: String| malformed(FILE, 0, format!("data row {row}: {message}"));
    let c = columns(FILE, 0, text, 10).map_err(|e| bad(e.to_string()))?;
    let geonameid: u32 = c[0]
        .parse()
        .map_err(|_| bad(format!("bad geonameid {:?}", c[0])))?;
    Ok(PlaceRecord {
        geonameid: Some(geonameid),
        subdivision: None,
        extra_id: None,
        name_en: None,
        countries: Vec::new(),
        name: c[1].to_string(),
        alt_names: split_aliases(c[9]),
        country: c[2].to_string(),
        admin1: c[3].to_string(),
        kind: PlaceKind::City,
        feature_class: static_code(FILE, 0, c[4]).map_err(|e| bad(e.to_string()))?,
        feature_code: static_code(FILE, 0, c[5]).map_err(|e| bad(e.to_string()))?,
        lat: parse_opt_f64(FILE, 0, c[6]).map_err(|e| bad(e.to_string()))?,
        lon: parse_opt_f64(FILE, 0, c[7]).map_err(|e| bad(e.to_string()))?,
        population: parse_u64(FILE, 0, c[8]).map_err(|e| bad(e.to_string()))?,
        division_word: None,
    })
}

/// The little-endian u32 at `index` of a table of u32s.
fn u32_at(table: &[u8], index: usize) -> u32 {
    let at = index * 4;
    u32::from_le_bytes([table[at], table[at + 1], table[at + 2], table[at + 3]])
}

/// Every place of the reference: the GeoNames places (sorted by id), then the subdivisions
/// (sorted by code), then the hand-curated places (sorted by id).
///
/// The GeoNames rows stay text, embedded uncompressed, until a row is first asked for: a
/// document reaches a few hundred of the ~100,000 places, and decompressing and parsing them
/// all cost most of a process's start-up (about 0.6G instructions). build.rs checks every
/// row, so parsing one later cannot fail on the embedded data.
pub(crate) struct Places {
    /// places.tsv, uncompressed.
    text: &'static str,
    /// Per GeoNames row: byte offset of its line in `text`, geonameid (u32 LE each).
    rows: &'static [u8],
    parsed: Box<[OnceLock<Box<PlaceRecord>>]>,
    /// Subdivisions, then hand-curated places.
    rest: Vec<PlaceRecord>,
    /// How many of `rest` are subdivisions.
    subdivisions: usize,
    /// The loose-key entries of the GeoNames rows, and each country's byte range in them
    /// (build.rs).
    loose: &'static [u8],
    loose_countries: &'static [(&'static str, u32, u32)],
}

impl Places {
    fn new(
        text: &'static str,
        rows: &'static [u8],
        rest: Vec<PlaceRecord>,
        subdivisions: usize,
    ) -> Places {
        let count = rows.len() / 8;
        Places {
            text,
            rows,
            parsed: (0..count).map(|_| OnceLock::new()).collect(),
            rest,
            subdivisions,
            loose: embedded::LOOSE_INDEX,
            loose_countries: embedded::LOOSE_COUNTRIES,
        }
    }

    /// Number of GeoNames places (they come first).
    pub(crate) fn geonames_len(&self) -> usize {
        self.parsed.len()
    }

    pub(crate) fn len(&self) -> usize {
        self.parsed.len() + self.rest.len()
    }

    /// The text of GeoNames row `row`, without its line break.
    fn line(&self, row: usize) -> &'static str {
        let start = u32_at(self.rows, row * 2) as usize;
        let rest = &self.text[start..];
        &rest[..rest.find('\n').unwrap_or(rest.len())]
    }

    fn geonameid_at(&self, row: usize) -> u32 {
        u32_at(self.rows, row * 2 + 1)
    }

    /// The place of row `i` (GeoNames rows parsed on first use).
    ///
    /// # Panics
    /// When `i` is out of range, or the row is malformed (build.rs rejects such data).
    pub(crate) fn get(&self, i: usize) -> &PlaceRecord {
        match self.parsed.get(i) {
            Some(cell) => cell.get_or_init(|| {
                Box::new(
                    parse_place_row(i, self.line(i))
                        .unwrap_or_else(|e| panic!("embedded place data is malformed: {e}")),
                )
            }),
            None => &self.rest[i - self.parsed.len()],
        }
    }

    /// Every place, in row order (parsing every GeoNames row).
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = &PlaceRecord> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The GeoNames place with this id.
    pub(crate) fn by_geonameid(&self, geonameid: u32) -> Option<&PlaceRecord> {
        let (mut low, mut high) = (0, self.parsed.len());
        while low < high {
            let middle = low + (high - low) / 2;
            match self.geonameid_at(middle).cmp(&geonameid) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(self.get(middle)),
            }
        }
        None
    }

    /// The subdivisions, sorted by code.
    pub(crate) fn subdivisions(&self) -> &[PlaceRecord] {
        &self.rest[..self.subdivisions]
    }

    /// The hand-curated places, sorted by id.
    pub(crate) fn extra(&self) -> &[PlaceRecord] {
        &self.rest[self.subdivisions..]
    }

    /// The subdivisions, then the hand-curated places.
    pub(crate) fn not_geonames(&self) -> &[PlaceRecord] {
        &self.rest
    }
}

impl crate::loose::PlaceTable for Places {
    fn len(&self) -> usize {
        Places::len(self)
    }

    fn names_of(&self, row: usize, mut f: impl FnMut(&str)) {
        if row < self.parsed.len() {
            // name, then alternate names, read from the row's text: building a country's
            // loose index must not parse every place of the country
            let mut columns = self.line(row).split('\t');
            if let Some(name) = columns.nth(1) {
                f(name);
            }
            if let Some(alt) = columns.nth(7) {
                alt.split('|').filter(|a| !a.is_empty()).for_each(f);
            }
        } else {
            crate::loose::record_names(&self.rest[row - self.parsed.len()], f);
        }
    }

    fn precomputed_rows(&self) -> usize {
        self.parsed.len()
    }

    fn precomputed(&self, country: &str) -> &'static [u8] {
        self.loose_countries
            .binary_search_by(|(c, _, _)| (*c).cmp(country))
            .map_or(&[], |i| {
                let (_, start, end) = self.loose_countries[i];
                &self.loose[start as usize..end as usize]
            })
    }

    fn countries_of(&self, row: usize, mut f: impl FnMut(&str)) {
        if row < self.parsed.len() {
            if let Some(country) = self.line(row).split('\t').nth(2) {
                f(country);
            }
        } else {
            crate::loose::record_countries(&self.rest[row - self.parsed.len()], f);
        }
    }
}

/// The name index of the GeoNames places, computed by build.rs: lines `key TAB rows` sorted
/// by key bytes, rows by decreasing population, with the byte offset of each line.
pub(crate) struct PlaceIndex {
    text: &'static str,
    /// Byte offset of each line start (u32 LE each).
    lines: std::borrow::Cow<'static, [u8]>,
}

impl PlaceIndex {
    /// The index of `text` with its line offsets as build.rs wrote them.
    fn with_lines(text: &'static str, lines: &'static [u8]) -> PlaceIndex {
        PlaceIndex {
            text,
            lines: std::borrow::Cow::Borrowed(lines),
        }
    }

    #[cfg(test)]
    fn new(text: &'static str) -> PlaceIndex {
        let mut lines = Vec::new();
        let mut start = 0u32;
        for (i, b) in (0u32..).zip(text.bytes()) {
            if b == b'\n' {
                lines.extend_from_slice(&start.to_le_bytes());
                start = i + 1;
            }
        }
        PlaceIndex {
            text,
            lines: std::borrow::Cow::Owned(lines),
        }
    }

    fn line_start(&self, i: usize) -> usize {
        u32_at(&self.lines, i) as usize
    }

    fn line(&self, i: usize) -> &'static str {
        let rest = &self.text[self.line_start(i)..];
        &rest[..rest.find('\n').unwrap_or(rest.len())]
    }

    /// Rows of the places whose name or alternate name has this key.
    pub(crate) fn rows(&self, key: &str) -> impl Iterator<Item = u32> + '_ {
        let (mut low, mut high) = (0, self.len());
        let mut found = None;
        while low < high {
            let middle = low + (high - low) / 2;
            let rest = &self.text.as_bytes()[self.line_start(middle)..];
            let end = rest.iter().position(|&b| b == b'\t').unwrap_or(rest.len());
            match rest[..end].cmp(key.as_bytes()) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => {
                    found = Some(middle);
                    break;
                }
            }
        }
        found
            .map(|i| self.line(i))
            .and_then(|line| line.split_once('\t'))
            .map(|(_, rows)| rows)
            .into_iter()
            .flat_map(|rows| rows.split(','))
            .filter_map(|row| row.parse().ok())
    }

    pub(crate) fn len(&self) -> usize {
        self.lines.len() / 4
    }
}

/// (country, iso3166-2 category) → the word English writes after such a division's name.
fn load_division_names() -> Result<FxHashMap<(&'static str, &'static str), &'static str>, LoadError>
{
    const FILE: &str = "resources/geo/division_names.tsv";
    let mut words = FxHashMap::default();
    for (line, row) in data_lines(embedded::DIVISION_NAMES) {
        let c = columns(FILE, line, row, 3)?;
        if words.insert((c[0], c[1]), c[2]).is_some() {
            return Err(malformed(
                FILE,
                line,
                format!("{} {} listed twice", c[0], c[1]),
            ));
        }
    }
    Ok(words)
}

fn load_subdivisions(places: &mut Vec<PlaceRecord>) -> Result<(), LoadError> {
    const FILE: &str = "resources/geo/subdivisions.tsv.zst";
    let text = unzstd(FILE, embedded::SUBDIVISIONS)?;
    let words = load_division_names()?;
    let start = places.len();
    for (line, row) in data_lines(&text) {
        let c = columns(FILE, line, row, 8)?;
        let mut alt_names = split_aliases(c[4]);
        if !c[3].is_empty() && c[3] != c[2] && !alt_names.iter().any(|a| a == c[3]) {
            alt_names.insert(0, c[3].to_string());
        }
        places.push(PlaceRecord {
            geonameid: None,
            subdivision: Some(c[0].to_string()),
            extra_id: None,
            name_en: (!c[3].is_empty() && c[3] != c[2]).then(|| c[3].to_string()),
            countries: Vec::new(),
            name: c[2].to_string(),
            alt_names,
            country: c[1].to_string(),
            admin1: String::new(),
            kind: PlaceKind::Admin,
            feature_class: "A",
            feature_code: "ADM",
            lat: parse_opt_f64(FILE, line, c[5])?,
            lon: parse_opt_f64(FILE, line, c[6])?,
            population: 0,
            division_word: words.get(&(c[1], c[7])).map(|w| w.to_string()),
        });
    }
    // `subdivision` binary-searches this block.
    places[start..].sort_by(|a, b| a.subdivision.cmp(&b.subdivision));
    Ok(())
}

/// Appends the hand-curated places of `places_extra.tsv`, sorted by id.
fn load_extra_places(places: &mut Vec<PlaceRecord>) -> Result<(), LoadError> {
    const FILE: &str = "resources/geo/places_extra.tsv";
    let start = places.len();
    for (line, row) in data_lines(embedded::PLACES_EXTRA) {
        let c = columns(FILE, line, row, 7)?;
        let kind = match c[1] {
            "river" => PlaceKind::River,
            "area" => PlaceKind::Area,
            "admin" => PlaceKind::Admin,
            "other" => PlaceKind::Other,
            other => return Err(malformed(FILE, line, format!("unknown kind {other:?}"))),
        };
        let countries: Vec<String> = c[2]
            .split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect();
        places.push(PlaceRecord {
            geonameid: None,
            subdivision: None,
            extra_id: Some(c[0].to_string()),
            name: c[5].to_string(),
            name_en: None,
            alt_names: split_aliases(c[6]),
            country: countries.first().cloned().unwrap_or_default(),
            countries,
            admin1: String::new(),
            kind,
            feature_class: if kind == PlaceKind::Admin { "A" } else { "" },
            feature_code: if kind == PlaceKind::Admin { "ADM" } else { "" },
            lat: parse_opt_f64(FILE, line, c[3])?,
            lon: parse_opt_f64(FILE, line, c[4])?,
            population: 0,
            division_word: None,
        });
    }
    places[start..].sort_by(|a, b| a.extra_id.cmp(&b.extra_id));
    if let Some(w) = places[start..]
        .windows(2)
        .find(|w| w[0].extra_id == w[1].extra_id)
    {
        return Err(malformed(
            FILE,
            0,
            format!("duplicate id {:?}", w[0].extra_id),
        ));
    }
    Ok(())
}

/// Parses every actor KB file; the second list holds malformed lines, duplicate ids and
/// shared aliases.
pub(crate) fn load_actors(files: &[(&str, &str)]) -> (Vec<Actor>, Vec<ActorIssue>) {
    let mut actors: Vec<Actor> = Vec::new();
    let mut issues = Vec::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    for (file, text) in files {
        let (parsed, file_issues) = parse_actor_file(file, text);
        issues.extend(file_issues);
        for actor in parsed {
            if let Some(first) = ids.get(&actor.id) {
                let (file, line) = split_source(&actor.source_file);
                issues.push(ActorIssue {
                    file,
                    line,
                    kind: ActorIssueKind::DuplicateId,
                    message: format!("id {:?} already defined at {first}", actor.id),
                });
                continue;
            }
            ids.insert(actor.id.clone(), actor.source_file.clone());
            actors.push(actor);
        }
    }
    let mut owner: HashMap<String, usize> = HashMap::new();
    for (index, actor) in actors.iter().enumerate() {
        let mut own_keys: Vec<String> = std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .map(|n| key(n))
            .collect();
        own_keys.sort();
        own_keys.dedup();
        for k in own_keys {
            if let Some(&other) = owner.get(&k) {
                let (file, line) = split_source(&actor.source_file);
                issues.push(ActorIssue {
                    file,
                    line,
                    kind: ActorIssueKind::SharedAlias,
                    message: format!(
                        "{:?} ({}) shares the form {k:?} with {:?}",
                        actor.id, actor.name, actors[other].id
                    ),
                });
            } else {
                owner.insert(k, index);
            }
        }
    }
    (actors, issues)
}

fn split_source(source: &str) -> (String, usize) {
    match source.rsplit_once(':') {
        Some((file, line)) => (file.to_string(), line.parse().unwrap_or(0)),
        None => (source.to_string(), 0),
    }
}

fn load_name_set(file: &'static str, bytes: &[u8]) -> Result<FxHashSet<Box<str>>, LoadError> {
    let text = unzstd(file, bytes)?;
    Ok(data_lines(&text)
        .map(|(_, name)| key(name).into_boxed_str())
        .filter(|k| !k.is_empty())
        .collect())
}

/// Variant groups (spellings, most frequent first) and `key(spelling) → group`.
type Variants = (Vec<Vec<String>>, FxHashMap<Box<str>, u32>);

fn load_variants() -> Result<Variants, LoadError> {
    const FILE: &str = "resources/fr/names/variants.tsv.zst";
    let text = unzstd(FILE, embedded::VARIANTS)?;
    let mut map = FxHashMap::default();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for (line, row) in data_lines(&text) {
        let id = u32::try_from(groups.len())
            .map_err(|_| malformed(FILE, line, "too many variant groups".to_string()))?;
        for member in row.split('|') {
            // Groups are disjoint by construction (build.py); keep the first on a key clash.
            map.entry(key(member).into_boxed_str()).or_insert(id);
        }
        groups.push(row.split('|').map(str::to_string).collect());
    }
    Ok((groups, map))
}

fn load_demonyms(countries: &[Country]) -> Result<FxHashMap<Box<str>, u16>, LoadError> {
    const FILE: &str = "resources/fr/demonyms.tsv";
    let mut map = FxHashMap::default();
    for (line, row) in data_lines(embedded::DEMONYMS) {
        let c = columns(FILE, line, row, 2)?;
        let index = countries
            .binary_search_by(|x| x.iso2.as_str().cmp(c[1]))
            .map_err(|_| {
                malformed(
                    FILE,
                    line,
                    format!("unknown country {:?} for {:?}", c[1], c[0]),
                )
            })?;
        map.insert(key(c[0]).into_boxed_str(), index as u16);
    }
    Ok(map)
}

/// The name index of the small tables (actors, countries, subdivisions).
pub(crate) struct Shard {
    pub(crate) names: FxHashMap<Box<str>, Slot>,
    pub(crate) longest: usize,
}

impl Shard {
    pub(crate) fn entries(&self, key: &str) -> &[Entry] {
        self.names.get(key).map_or(&[], Slot::entries)
    }
}

/// Entries of one name key. Most keys name a single entry, which is stored inline to save
/// an allocation per key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Slot {
    One(Entry),
    Many(Vec<Entry>),
}

impl Slot {
    pub(crate) fn entries(&self) -> &[Entry] {
        match self {
            Slot::One(e) => std::slice::from_ref(e),
            Slot::Many(v) => v,
        }
    }
}

struct NameIndex {
    names: FxHashMap<Box<str>, Slot>,
    longest: usize,
    /// Reused key buffer: a key is only allocated when it is new to the index.
    buffer: String,
}

impl NameIndex {
    fn with_capacity(capacity: usize) -> NameIndex {
        let mut names = FxHashMap::default();
        names.reserve(capacity);
        NameIndex {
            names,
            longest: 1,
            buffer: String::new(),
        }
    }

    fn add(&mut self, name: &str, entry: Entry) {
        key_into(name, &mut self.buffer);
        if self.buffer.is_empty() {
            return;
        }
        self.longest = self.longest.max(token_bound(name));
        match self.names.get_mut(self.buffer.as_str()) {
            // One record's names are added consecutively, so a repeated key of the same
            // record is always the last entry.
            Some(slot @ Slot::One(_)) => {
                if let Slot::One(first) = *slot {
                    if first != entry {
                        *slot = Slot::Many(vec![first, entry]);
                    }
                }
            }
            Some(Slot::Many(entries)) => {
                if entries.last() != Some(&entry) {
                    entries.push(entry);
                }
            }
            None => {
                self.names
                    .insert(self.buffer.as_str().into(), Slot::One(entry));
            }
        }
    }
}

pub(crate) fn load_embedded() -> Result<Reference, LoadError> {
    let (actors, actor_issues) = load_actors(embedded::ACTOR_FILES);
    build(actors, actor_issues)
}

pub(crate) fn build(
    actors: Vec<Actor>,
    actor_issues: Vec<ActorIssue>,
) -> Result<Reference, LoadError> {
    let countries = load_countries()?;
    // Subdivisions then hand-curated places: both follow the GeoNames places.
    let mut subdivisions = Vec::new();
    load_subdivisions(&mut subdivisions)?;
    let subdivision_count = subdivisions.len();
    load_extra_places(&mut subdivisions)?;
    let place_index = PlaceIndex::with_lines(embedded::PLACE_INDEX, embedded::PLACE_INDEX_LINES);

    // Subdivisions follow the GeoNames places in `Reference::places`; their entries are
    // rebased once the number of GeoNames places is known.
    let mut index = NameIndex::with_capacity(32 * 1024);
    for (i, a) in actors.iter().enumerate() {
        let entry = Entry::Actor(i as u32);
        index.add(&a.name, entry);
        a.aliases.iter().for_each(|n| index.add(n, entry));
    }
    for (i, c) in countries.iter().enumerate() {
        let entry = Entry::Country(i as u16);
        // Aliases hold every indexed form, display names included: a display name that
        // is also a common word or first name (Dominique, Maurice) is left out by build.py.
        c.aliases.iter().for_each(|n| index.add(n, entry));
    }
    for (i, p) in subdivisions.iter().enumerate() {
        let entry = Entry::Place(i as u32);
        index.add(&p.name, entry);
        p.alt_names.iter().for_each(|n| index.add(n, entry));
        if let Some(n) = &p.name_en {
            index.add(n, entry);
        }
    }
    let country_by_iso2 = countries
        .iter()
        .enumerate()
        .map(|(i, c)| (c.iso2.clone(), i as u16))
        .collect();
    let actor_by_id = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i as u32))
        .collect();
    let demonyms = load_demonyms(&countries)?;
    let generic = generic_index(&actors, &countries, &demonyms);
    let first_names = load_name_set(
        "resources/fr/names/first_names.txt.zst",
        embedded::FIRST_NAMES,
    )?;
    let surnames = load_name_set("resources/fr/names/surnames.txt.zst", embedded::SURNAMES)?;
    let (variant_groups, variants) = load_variants()?;

    let places = Places::new(
        embedded::PLACES_TEXT,
        embedded::PLACE_ROWS,
        subdivisions,
        subdivision_count,
    );
    // A stale index (places.tsv rebuilt without rebuilding the crate) cannot happen with
    // cargo's rerun-if-changed, but would silently break every lookup: check one row.
    if places.geonames_len() > 0 {
        let first = places.get(0);
        if place_index.rows(&key(&first.name)).all(|row| row != 0) {
            return Err(malformed(
                PLACES_FILE,
                0,
                "the precomputed place index does not match the places".to_string(),
            ));
        }
    }
    let base = places.geonames_len() as u32;
    for slot in index.names.values_mut() {
        match slot {
            Slot::One(Entry::Place(i)) => *i += base,
            Slot::Many(entries) => entries.iter_mut().for_each(|e| {
                if let Entry::Place(i) = e {
                    *i += base;
                }
            }),
            Slot::One(_) => {}
        }
    }
    let small = Shard {
        names: index.names,
        longest: index.longest.max(embedded::PLACE_INDEX_LONGEST),
    };

    Ok(Reference {
        countries,
        country_by_iso2,
        places,
        actors,
        actor_by_id,
        actor_issues,
        small,
        place_index,
        demonyms,
        first_names,
        surnames,
        variants,
        variant_groups,
        loose: Default::default(),
        generic,
    })
}

/// Index of the state institutions by their name without their country's nationality
/// adjective (see [`Reference::generic_actor`]); the first actor of a key wins.
fn generic_index(
    actors: &[Actor],
    countries: &[Country],
    demonyms: &FxHashMap<Box<str>, u16>,
) -> FxHashMap<Box<str>, u32> {
    let mut out: FxHashMap<Box<str>, u32> = FxHashMap::default();
    for (i, a) in actors.iter().enumerate() {
        let Some(iso2) = a.country.as_deref().filter(|_| a.is_state_institution()) else {
            continue;
        };
        for form in std::iter::once(&a.name).chain(&a.aliases) {
            let k = key(form);
            let words: Vec<&str> = k.split(' ').collect();
            let own = |w: &&str| {
                demonyms
                    .get(*w)
                    .is_some_and(|&c| countries[c as usize].iso2 == iso2)
            };
            // a plural head describes rather than names ("forces armées marocaines",
            // "autorités marocaines"): only singular institution names are generic
            if words.len() < 2
                || words[0].ends_with('s')
                || words.iter().filter(|w| own(w)).count() != 1
            {
                continue;
            }
            let generic: Vec<&str> = words.into_iter().filter(|w| !own(w)).collect();
            out.entry(format!("{iso2}\t{}", generic.join(" ")).into_boxed_str())
                .or_insert(i as u32);
        }
    }
    out
}

/// The embedded actor KB files, for the validation test.
pub fn actor_files() -> &'static [(&'static str, &'static str)] {
    embedded::ACTOR_FILES
}

#[cfg(test)]
mod tests {
    use super::*;

    const IRAQ: &str =
        "# source: test\niraqi-army\tORG\tarmy\tIQ\t\tArmée irakienne\tIraqi Army|AI\n";
    const MORE: &str = "# source: test\n\
                        iraqi-army\tORG\tarmy\tIQ\t\tDuplicate\t\n\
                        amnesty\tORG\tngo\t\t\tAmnesty International\tAI\n";

    #[test]
    fn duplicate_ids_are_errors_and_shared_aliases_warnings() {
        let (actors, issues) = load_actors(&[("iraq.tsv", IRAQ), ("more.tsv", MORE)]);
        assert_eq!(
            actors.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            vec!["iraqi-army", "amnesty"]
        );
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert_eq!(
            (
                issues[0].kind.clone(),
                issues[0].file.as_str(),
                issues[0].line
            ),
            (ActorIssueKind::DuplicateId, "more.tsv", 2)
        );
        assert!(
            issues[0].message.contains("iraq.tsv:2"),
            "{}",
            issues[0].message
        );
        assert_eq!(
            (issues[1].kind.clone(), issues[1].line),
            (ActorIssueKind::SharedAlias, 3)
        );
        assert!(!issues[1].is_error());
    }

    /// The strings a visitor of a place's names or countries is given.
    fn collect(visit: impl FnOnce(&mut dyn FnMut(&str))) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        visit(&mut |s: &str| out.push(s.to_string()));
        out
    }

    /// The places read from their text (names, countries, ids) are those of the parsed
    /// records, row by row, for the whole gazetteer.
    #[test]
    fn places_read_in_place_equal_their_parsed_records() {
        use crate::loose::{record_countries, record_names, PlaceTable};
        let places = &crate::Reference::embedded().places;
        assert!(places.geonames_len() > 100_000, "{}", places.geonames_len());
        for row in 0..places.len() {
            let record = places.get(row);
            assert_eq!(
                collect(|f| places.names_of(row, f)),
                collect(|f| record_names(record, f)),
                "row {row}"
            );
            assert_eq!(
                collect(|f| places.countries_of(row, f)),
                collect(|f| record_countries(record, f)),
                "row {row}"
            );
            if let Some(id) = record.geonameid {
                assert!(std::ptr::eq(places.by_geonameid(id).unwrap(), record));
            }
        }
        assert!(places.by_geonameid(0).is_none());
        assert!(places.by_geonameid(u32::MAX).is_none());
    }

    #[test]
    fn place_index_rows_are_found_by_binary_search() {
        let index = PlaceIndex::new("alep\t3\nbagdad\t0,7\nparis\t1\n");
        assert_eq!(index.rows("bagdad").collect::<Vec<_>>(), vec![0, 7]);
        assert_eq!(index.rows("alep").collect::<Vec<_>>(), vec![3]);
        assert_eq!(index.rows("paris").collect::<Vec<_>>(), vec![1]);
        assert_eq!(index.rows("bag").count(), 0);
        assert_eq!(index.rows("").count(), 0);
        assert_eq!(index.len(), 3);
    }
}

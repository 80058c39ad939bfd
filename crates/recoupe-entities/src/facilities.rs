//! English names of facility and landform phrases ("mosquée Lakhmi" → "Lakhmi Mosque",
//! "centrale nucléaire de Zaporijjia" → "Zaporijjia Nuclear Power Plant"), from
//! `resources/fr/facility_names.tsv`.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::normalize::fold;

const FACILITY_NAMES: &str = include_str!("../../../resources/fr/facility_names.tsv");

/// What a facility head names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FacilityKind {
    /// A building or installation: a point, in the town it is in.
    Site,
    /// A border post or crossing: a site of its town, on the side of the report's country.
    Border,
    /// Islands, valleys, landforms: no single point.
    Area,
    /// A street or square: named after a person, a date or an idea ("boulevard de la
    /// Liberté"), never after the town it lies in, which is the town the document is about.
    Street,
}

/// A facility phrase read against the table: its English pattern, its kind, and the name
/// after the head ("Lakhmi", "Zaporijjia").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FacilityPhrase<'a> {
    pattern: &'static str,
    pub kind: FacilityKind,
    pub name: &'a str,
    /// The name came after "de" ("centrale nucléaire de Zaporijjia"): it may be the town
    /// the facility is in, where a name given directly ("mosquée Lakhmi") is its own.
    pub after_de: bool,
}

impl FacilityPhrase<'_> {
    /// The English name with `name` in the pattern's slot.
    pub fn english(&self, name: &str) -> String {
        self.pattern.replacen("{}", name, 1)
    }
}

struct Table {
    /// folded head (words joined by one space) → (pattern, kind)
    heads: HashMap<String, (&'static str, FacilityKind)>,
    longest: usize,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut heads = HashMap::default();
        let mut longest = 0;
        for line in FACILITY_NAMES.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(head), Some(pattern), Some(kind)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let kind = match kind.trim() {
                "area" => FacilityKind::Area,
                "street" => FacilityKind::Street,
                "border" => FacilityKind::Border,
                _ => FacilityKind::Site,
            };
            let head = fold(head.trim());
            longest = longest.max(head.split(' ').count());
            heads.insert(head, (pattern.trim(), kind));
        }
        Table { heads, longest }
    })
}

/// Elided and contracted forms of "de" that join a head to its name.
/// Lowercase Arabic articles that open a capitalised name ("camp d'al-Hol", "hôpital
/// d'el-Fasher").
const ARABIC_ARTICLES: &[&str] = &[
    "al-", "el-", "ad-", "ed-", "as-", "es-", "ar-", "er-", "an-", "at-", "az-", "ach-", "ech-",
];

/// Whether `rest` opens with a lowercase Arabic article glued to a capitalised name.
fn arabic_article_name(rest: &str) -> bool {
    ARABIC_ARTICLES.iter().any(|a| {
        rest.strip_prefix(a)
            .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
    })
}

const DE_FORMS: &[&str] = &["de la ", "de l'", "de l’", "du ", "des ", "de ", "d'", "d’"];

/// Reads `surface` ("mosquée Lakhmi", "Centrale nucléaire de Zaporijjia", "îles Kerkennah")
/// as a facility head of the table followed by a name, the longest head first.
pub(crate) fn facility_phrase(surface: &str) -> Option<FacilityPhrase<'_>> {
    let t = table();
    // byte offsets where each word ends
    let mut ends = Vec::new();
    for (k, c) in surface.char_indices() {
        if c == ' ' {
            ends.push(k);
        }
    }
    for words in (1..=t.longest.min(ends.len())).rev() {
        let head_end = ends[words - 1];
        let Some(&(pattern, kind)) = t.heads.get(&fold(&surface[..head_end])) else {
            continue;
        };
        let mut rest = &surface[head_end + 1..];
        let mut after_de = false;
        for de in DE_FORMS {
            if let Some(r) = rest.strip_prefix(de) {
                rest = r;
                after_de = true;
                break;
            }
        }
        // the name is capitalised ("mosquée Lakhmi", "vallée de Saas"): "camp de fortune"
        // is no named place
        if !rest.chars().next().is_some_and(char::is_uppercase) && !arabic_article_name(rest) {
            return None;
        }
        return Some(FacilityPhrase {
            pattern,
            kind,
            name: rest,
            after_de,
        });
    }
    None
}

const FEATURE_WORDS: &str = include_str!("../../../resources/geo/feature_words.tsv");

/// What a noun before a name says the named place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FeatureWord {
    /// "le fleuve Lualaba": a river, whatever else bears its name.
    River(&'static str),
    /// "le district de Macomia": an administrative division, named in English with the word.
    Division(&'static str),
    /// "la préfecture de X": a division only when the reference data knows no place X (the
    /// noun also names a town's administration: "la préfecture de Bafoussam" is an office).
    LackingDivision(&'static str),
    /// "nord", "midi": a point of the compass, which names no town ("gare du Nord").
    Compass,
}

fn feature_words() -> &'static HashMap<String, FeatureWord> {
    static TABLE: OnceLock<HashMap<String, FeatureWord>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words = HashMap::default();
        for line in FEATURE_WORDS.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t').map(str::trim);
            let (Some(noun), Some(kind), Some(english)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let word = match kind {
                "river" => FeatureWord::River(english),
                "compass" => FeatureWord::Compass,
                "admin-lacking" => FeatureWord::LackingDivision(english),
                _ => FeatureWord::Division(english),
            };
            words.insert(fold(noun), word);
        }
        words
    })
}

/// The feature noun `word`, singular or plural ("les districts de X et de Y").
fn feature(word: &str) -> Option<&'static FeatureWord> {
    let words = feature_words();
    let folded = fold(word);
    words.get(&folded).or_else(|| {
        folded
            .strip_suffix('s')
            .and_then(|singular| words.get(singular))
            .filter(|w| {
                matches!(
                    w,
                    FeatureWord::Division(_) | FeatureWord::LackingDivision(_)
                )
            })
    })
}

/// Whether `name` is a point of the compass ("Nord", "Midi"): "la gare du Nord" is no
/// station of a town called Nord.
pub(crate) fn is_compass_word(name: &str) -> bool {
    feature_words().get(&fold(name)) == Some(&FeatureWord::Compass)
}

/// The last word of `before` (the text up to a mention) when it is lowercase.
fn last_lowercase_word(before: &str) -> Option<&str> {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | '(' | ','))
        .next()?;
    (!word.is_empty() && word.chars().all(char::is_lowercase)).then_some(word)
}

/// The feature noun of `resources/geo/feature_words.tsv` right before the mention at `start`:
/// a river noun directly before the name ("le fleuve Lualaba"), a division noun before its
/// "de" ("le district de Macomia", "la province du Lualaba", "la région d'Agadez").
pub(crate) fn feature_word_before(text: &str, start: usize) -> Option<FeatureWord> {
    let before = text.get(..start)?;
    let before = before.strip_suffix(' ').unwrap_or(before);
    let words = feature_words();
    if let Some(w @ FeatureWord::River(_)) =
        last_lowercase_word(before).and_then(|w| words.get(&fold(w)))
    {
        return Some(*w);
    }
    division_before_de(before, 0)
}

/// Nouns of towns: a pronoun standing for one ("la ville de X … à celle de Y") names a town.
const SETTLEMENT_NOUNS: &[&str] = &[
    "ville", "villes", "village", "villages", "localite", "commune", "cite", "quartier",
];

/// How many words back a pronoun ("celle de X") looks for the noun it stands for: the
/// furthest place noun within reach heads the first of the two parallel phrases.
const ANAPHOR_REACH: usize = 16;

/// The division noun before the "de" that ends `before`: right before it ("le district de
/// Macomia"), before the first name of an enumeration ("les districts de Macomia et de
/// Chiúre"), or the noun a pronoun stands for ("dans la wilaya de Tizi Ouzou et dans celle
/// de Béjaïa").
fn division_before_de(before: &str, depth: u8) -> Option<FeatureWord> {
    let rest = DE_FORMS.iter().find_map(|de| {
        let rest = before.strip_suffix(de.trim_end())?;
        // a whole word "de", not the end of "monde"
        rest.ends_with(' ').then(|| rest.trim_end())
    })?;
    let last = last_lowercase_word(rest);
    if let Some(w @ (FeatureWord::Division(_) | FeatureWord::LackingDivision(_))) =
        last.and_then(feature)
    {
        return Some(*w);
    }
    if depth >= 4 {
        return None;
    }
    if matches!(last, Some("celle" | "celles" | "celui" | "ceux")) {
        // the nearest division noun of the clause before the pronoun
        let clause = rest
            .rsplit(['.', ';', ':', '!', '?', '\n'])
            .next()
            .unwrap_or(rest);
        return clause
            .split(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | ','))
            .rev()
            .skip(1)
            .take(ANAPHOR_REACH)
            .filter(|w| feature(w).is_some() || SETTLEMENT_NOUNS.contains(&fold(w).as_str()))
            .last()
            .and_then(|w| match feature(w) {
                Some(d @ (FeatureWord::Division(_) | FeatureWord::LackingDivision(_))) => Some(*d),
                _ => None,
            });
    }
    // "… de Macomia et de Chiúre", "… de Tizi Ouzou, de Béjaïa": back over the conjunction
    // and the capitalised name before it, to that name's own "de"
    let rest = rest
        .strip_suffix(" et")
        .or_else(|| rest.strip_suffix(" ou"))
        .or_else(|| rest.strip_suffix(','))?;
    let mut name_start = rest.len();
    loop {
        let head = rest[..name_start].trim_end();
        let k = head
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || c == '\'' || c == '’')
            .map_or(0, |(k, c)| k + c.len_utf8());
        if k == head.len() || !head[k..].chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        name_start = k;
    }
    if name_start == rest.len() {
        return None;
    }
    division_before_de(rest[..name_start].trim_end(), depth + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(surface: &str) -> Option<String> {
        facility_phrase(surface).map(|p| p.english(p.name))
    }

    #[test]
    fn issue13_facility_heads_give_english_names() {
        assert_eq!(
            english("mosquée Al-Nour").as_deref(),
            Some("Al-Nour Mosque")
        );
        assert_eq!(
            english("Centrale nucléaire de Tchernobyl").as_deref(),
            Some("Tchernobyl Nuclear Power Plant")
        );
        assert_eq!(
            english("aéroport international Léopold-Sédar-Senghor").as_deref(),
            Some("Léopold-Sédar-Senghor International Airport")
        );
        assert_eq!(english("îles Glénan").as_deref(), Some("Glénan Islands"));
        assert_eq!(english("lac Kivu").as_deref(), Some("Lake Kivu"));
        // capes and wadis keep their French name in English ("Cap Bon")
        assert_eq!(english("Cap Vert"), None);
        assert_eq!(
            english("camp de réfugiés de Kakuma").as_deref(),
            Some("Kakuma refugee camp")
        );
        assert_eq!(english("port d'Anvers").as_deref(), Some("Port of Anvers"));
    }

    #[test]
    fn a_name_opened_by_an_arabic_article_is_a_facility_name() {
        assert_eq!(
            english("camp d'al-Zaatar").as_deref(),
            Some("al-Zaatar camp")
        );
        assert_eq!(english("camp de fortune"), None);
    }

    #[test]
    fn hospital_heads_with_their_adjective_are_named_whole() {
        assert_eq!(
            english("hôpital provincial de Tamale").as_deref(),
            Some("Tamale Provincial Hospital")
        );
        assert_eq!(
            english("hôpital de district de Kisoro").as_deref(),
            Some("Kisoro District Hospital")
        );
        assert_eq!(
            english("centrale hydroélectrique de Kariba").as_deref(),
            Some("Kariba Hydroelectric Plant")
        );
        assert_eq!(
            english("camp de gendarmerie de Ségou").as_deref(),
            Some("Ségou gendarmerie camp")
        );
    }

    #[test]
    fn issue13_no_english_name_without_a_named_head() {
        assert_eq!(english("Kerman"), None);
        assert_eq!(english("camp de fortune"), None);
        assert_eq!(english("Saint-Louis du Sénégal"), None);
        assert_eq!(
            facility_phrase("hôpital Saint-Louis").map(|p| p.kind),
            Some(FacilityKind::Site)
        );
        assert_eq!(
            facility_phrase("vallée de la Bekaa").map(|p| p.kind),
            Some(FacilityKind::Area)
        );
    }
    #[test]
    fn issue13_feature_nouns_before_a_name() {
        let at = |text: &str, name: &str| feature_word_before(text, text.find(name).unwrap());
        assert_eq!(
            at("Les eaux du fleuve Sangha ont monté.", "Sangha"),
            Some(FeatureWord::River("River"))
        );
        assert_eq!(
            at("au bord de la rivière Ouémé", "Ouémé"),
            Some(FeatureWord::River("River"))
        );
        assert_eq!(
            at("dans le district de Chiúre, au nord", "Chiúre"),
            Some(FeatureWord::Division("District"))
        );
        assert_eq!(
            at("le gouverneur de la province du Sankuru", "Sankuru"),
            Some(FeatureWord::Division("Province"))
        );
        assert_eq!(
            at("dans la région d'Agadez", "Agadez"),
            Some(FeatureWord::Division("Region"))
        );
        assert_eq!(
            at("le territoire de Beni", "Beni"),
            Some(FeatureWord::Division("Territory"))
        );
        // a town's office, a town, a river's mouth: no feature noun of the table; "préfecture"
        // names a division only before a name the reference data lacks (the places stage
        // asks), a known town being the office's seat
        assert_eq!(
            at("la préfecture de Bafoussam", "Bafoussam"),
            Some(FeatureWord::LackingDivision("Prefecture"))
        );
        assert_eq!(at("la commune de Tillabéri", "Tillabéri"), None);
        assert_eq!(at("à Macomia, dans le nord", "Macomia"), None);
        assert_eq!(at("le fleuve de Tombouctou", "Tombouctou"), None);
        assert_eq!(at("Fleuve Congo", "Congo"), None);
    }

    #[test]
    fn issue13_division_nouns_over_enumerations_and_pronouns() {
        let at = |text: &str, name: &str| feature_word_before(text, text.find(name).unwrap());
        assert_eq!(
            at(
                "les districts de Mueda et de Nangade sont touchés",
                "Nangade"
            ),
            Some(FeatureWord::Division("District"))
        );
        assert_eq!(
            at("les régions de Ségou, de Mopti et d'Agadez", "Agadez"),
            Some(FeatureWord::Division("Region"))
        );
        assert_eq!(
            at(
                "vingt morts dans la province de Kaboul et trois dans celle de Herat",
                "Herat"
            ),
            Some(FeatureWord::Division("Province"))
        );
        // a pronoun standing for a town, an enumeration after a town: no division
        assert_eq!(
            at("dans la ville de Goma et dans celle de Bukavu", "Bukavu"),
            None
        );
        assert_eq!(at("près de Goma et de Bukavu", "Bukavu"), None);
        assert_eq!(
            at("reliant la ville de Kasumbalesa, dans la province du Haut-Katanga, à celle de Sakania", "Sakania"),
            None
        );
    }

    #[test]
    fn issue13_terminals_and_observatories_are_sites() {
        assert_eq!(english("terminal de Fos").as_deref(), Some("Fos terminal"));
        assert_eq!(
            english("observatoire de La Silla").as_deref(),
            Some("La Silla Observatory")
        );
    }

    #[test]
    fn issue13_compass_points_name_no_town() {
        assert!(is_compass_word("Nord"));
        assert!(is_compass_word("Midi"));
        assert!(is_compass_word("Est"));
        assert!(!is_compass_word("Namur"));
    }
}

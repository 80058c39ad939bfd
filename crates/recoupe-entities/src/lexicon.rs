//! French cue lists used by the recogniser, loaded from `resources/fr/*.txt` (embedded in the
//! binary). Every list is keyed by [`fold`]ed text so lookups are accent- and case-insensitive.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::normalize::fold;

const PERSON_TITLES: &str = include_str!("../../../resources/fr/person_titles.txt");
const ORG_HEADS: &str = include_str!("../../../resources/fr/org_heads.txt");
const LOC_CUES: &str = include_str!("../../../resources/fr/loc_cues.txt");
const MISC_CUES: &str = include_str!("../../../resources/fr/misc_cues.txt");
const PEOPLES: &str = include_str!("../../../resources/fr/peoples.txt");
const PARTICLES: &str = include_str!("../../../resources/fr/particles.txt");
const STOPWORDS_CAPS: &str = include_str!("../../../resources/fr/stopwords_caps.txt");
const PLACE_STOPLIST: &str = include_str!("../../../resources/fr/place_stoplist.txt");
const APPOSITION_NOUNS: &str = include_str!("../../../resources/fr/apposition_nouns.txt");
const SPORT_CUES: &str = include_str!("../../../resources/fr/sport_cues.txt");
/// Speech verbs of the attributions stage (read only here): their present forms after a
/// name are the sentence's verb, never an adjective of the name.
const SPEECH_VERBS: &str = include_str!("../../../resources/fr/speech_verbs.txt");
/// Spelled-out number words, shared with the quantity stage (read only here).
const NUMBERS: &str = include_str!("../../../resources/fr/numbers.txt");

/// How an organisation head noun may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgHead {
    /// Only starts a name when capitalised ("Front", "Mouvement").
    CapitalisedOnly,
    /// May also start a lowercase name completed by a nationality or a capitalised complement
    /// ("armée irakienne", "ministère de la Défense").
    AlsoLowercase,
    /// Lowercase use needs a "de" complement, a nationality is not enough: "forces de sécurité
    /// irakiennes" is a name, "forces irakiennes" a description.
    NeedsComplement,
}

/// All cue lists, folded.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Single-word titles ("général", "m.") and multi-word ones stored by their last word
    /// with the full folded phrase ("premier ministre").
    pub person_titles: HashSet<String>,
    pub org_heads: HashMap<String, OrgHead>,
    /// Words that make an unknown capitalised name an organisation wherever they occur in it.
    pub org_tails: HashSet<String>,
    /// Lowercase heads that also name a territory or a building ("la préfecture de X"): no
    /// name after a preposition of place or "de".
    pub org_also_territory: HashSet<String>,
    /// Nouns after which a capitalised name is an organisation ("l'agence X", "la chaîne X").
    pub org_appositions: HashSet<String>,
    /// Nouns after which "de X" names a media outlet ("au micro de X").
    pub media_before_de: HashSet<String>,
    /// Capitalised heads naming one institution alone ("le Parlement", "l'Assemblée").
    pub org_alone: HashSet<String>,
    /// Adjectives saying where a body acts or whom it serves ("locale", "loyale"): they end
    /// an organisation's name.
    pub org_relation_adjectives: HashSet<String>,
    /// Heads of a body kept abroad ("mission", "ambassade"): the country or town where it
    /// works belongs to its name.
    pub org_abroad: HashSet<String>,
    /// Peoples and communities: capitalised nouns are MISC, lowercase adjectives have no country.
    pub peoples: HashSet<String>,
    pub loc_before_de: HashSet<String>,
    /// Nouns after which "de X" names an administrative division, not the town X
    /// ("province", "gouverneur").
    pub admin_cues: HashSet<String>,
    pub loc_whole: HashSet<String>,
    /// Facility nouns that may take their name directly ("mosquée Saheb al-Zaman", "tour
    /// Eiffel"), the phrase being the place.
    pub loc_named: HashSet<String>,
    /// Facility heads of several words ("centre hospitalier", "maison d'arrêt"), each as its
    /// folded tokens: the phrase with its "de X" is the place, where the first word alone
    /// ("centre de Bamako", "maison de X") names none. Keyed by their first word: the
    /// recogniser asks at every word, and almost no word opens one.
    pub loc_compounds: HashMap<String, Vec<Vec<String>>>,
    /// Words of match reports ("championnat", "entraîneur"): with a score, a sports report.
    pub sport_words: HashSet<String>,
    /// Beginnings of verb forms whose object is an opponent ("battu", "renvers").
    pub sport_verbs: Vec<String>,
    /// Words right before a club, or before its "de" ("face", "contre", "vainqueur").
    pub sport_before: HashSet<String>,
    /// Lowercase generic nouns that may open a known geographic name ("mer Rouge").
    pub landforms: HashSet<String>,
    /// Words of other languages opening a place's name ("Deir", "Kafr", "Jabal"): an unknown
    /// name of several words they open is a place.
    pub toponym_first: HashSet<String>,
    /// Words of other languages closing a place's name ("Kalay", "Gaun").
    pub toponym_last: HashSet<String>,
    /// Nouns of a route whose two ends a hyphenated pair of names gives ("l'axe X-Y").
    pub route_pair: HashSet<String>,
    pub loc_prepositions: HashSet<String>,
    /// Adjectives of a numbered road ("nationale", "départementale").
    pub road_kinds: HashSet<String>,
    /// Letters naming a road with a number ("rn", "a", "n").
    pub road_codes: HashSet<String>,
    pub misc_heads: HashSet<String>,
    /// Nouns and participles after which a quoted title is a MISC name ("le film « X »",
    /// "intitulé « X »"), a name without quotes not.
    pub misc_before_quoted: HashSet<String>,
    /// Capitalised nouns opening a MISC name ("Constitution", "Coupe du monde").
    pub misc_cap_heads: HashSet<String>,
    /// Lowercase nouns forming a MISC name with the name after them ("tempête Daniel").
    pub misc_whole: HashSet<String>,
    pub particle_words: HashSet<String>,
    /// Attached prefixes without the hyphen ("al", "el", "ez").
    pub particle_prefixes: HashSet<String>,
    pub stopwords_caps: HashSet<String>,
    pub place_stoplist: HashSet<String>,
    /// Nouns that type an unknown name they follow in apposition: "X, un sous-traitant".
    pub apposition_org: HashSet<String>,
    /// Organisation nouns that type a name in apposition even without an article ("X,
    /// fabricant de…"): none of them describes a person.
    pub apposition_org_bare: HashSet<String>,
    pub apposition_loc: HashSet<String>,
    /// Words of spelled-out numbers ("vingt", "sept"): "Vingt-sept" opening a sentence is no name.
    pub number_words: HashSet<String>,
    /// Present third-person forms of the regular "-er" speech verbs ("affirme", "évoquent"),
    /// folded: after an organisation's name they are its verb ("le Collectif affirme").
    pub speech_present: HashSet<String>,
}

/// "affirme", "affirment" of each one-word "-er" lemma of `speech_verbs.txt`.
fn speech_present_forms() -> HashSet<String> {
    let mut out = HashSet::default();
    for (_, line) in entries(SPEECH_VERBS) {
        let lemma = line.split('\t').next().unwrap_or_default().trim();
        if lemma.contains(' ') {
            continue;
        }
        if let Some(stem) = fold(lemma).strip_suffix("er") {
            out.insert(format!("{stem}e"));
            out.insert(format!("{stem}ent"));
        }
    }
    out
}

/// Non-comment, non-empty lines of a resource file, paired with the current `[section]`.
fn entries(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    text.lines().filter_map(move |line| {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return None;
        }
        Some((section, line.trim()))
    })
}

/// The entries of a section as sequences of folded tokens, split as the tokeniser splits
/// them: at spaces and after an elided article ("maison d'arrêt" → maison, d', arret).
fn compounds_of(text: &str, wanted: &str) -> HashMap<String, Vec<Vec<String>>> {
    let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::default();
    let compounds = entries(text)
        .filter(|(section, _)| *section == wanted)
        .map(|(_, line)| {
            let folded = fold(line);
            let mut tokens = Vec::new();
            for word in folded.split_whitespace() {
                match word.split_once('\'') {
                    Some((elided, rest)) if !rest.is_empty() => {
                        tokens.push(format!("{elided}'"));
                        tokens.push(rest.to_string());
                    }
                    _ => tokens.push(word.to_string()),
                }
            }
            tokens
        })
        .filter(|tokens| tokens.len() >= 2);
    for tokens in compounds {
        by_first.entry(tokens[0].clone()).or_default().push(tokens);
    }
    by_first
}

fn set_of(text: &str, wanted: &str) -> HashSet<String> {
    entries(text)
        .filter(|(section, _)| *section == wanted)
        .map(|(_, line)| fold(line))
        .collect()
}

impl Lexicon {
    /// Builds the lexicon from the embedded resource files.
    pub fn embedded() -> Lexicon {
        let mut org_heads = HashMap::default();
        for (_, line) in entries(ORG_HEADS).filter(|(section, _)| section.is_empty()) {
            let mut fields = line.split('\t');
            let head = fold(fields.next().unwrap_or_default().trim());
            let kind = match fields.next().map(str::trim) {
                Some("lc") => OrgHead::AlsoLowercase,
                Some("lc+de") => OrgHead::NeedsComplement,
                _ => OrgHead::CapitalisedOnly,
            };
            org_heads.insert(head, kind);
        }
        let particle_prefixes = set_of(PARTICLES, "prefixes")
            .into_iter()
            .map(|p| p.trim_end_matches('-').to_string())
            .collect();
        Lexicon {
            person_titles: set_of(PERSON_TITLES, ""),
            org_heads,
            org_tails: set_of(ORG_HEADS, "tails"),
            org_also_territory: set_of(ORG_HEADS, "also-territory"),
            org_appositions: set_of(ORG_HEADS, "apposition"),
            media_before_de: set_of(ORG_HEADS, "media-before-de"),
            org_alone: set_of(ORG_HEADS, "alone"),
            org_relation_adjectives: set_of(ORG_HEADS, "relation-adjectives"),
            org_abroad: set_of(ORG_HEADS, "abroad"),
            peoples: set_of(PEOPLES, ""),
            loc_before_de: set_of(LOC_CUES, "before-de"),
            admin_cues: set_of(LOC_CUES, "admin"),
            loc_whole: set_of(LOC_CUES, "whole"),
            loc_named: set_of(LOC_CUES, "named"),
            loc_compounds: compounds_of(LOC_CUES, "whole-compound"),
            landforms: set_of(LOC_CUES, "landform"),
            toponym_first: set_of(LOC_CUES, "toponym-first"),
            toponym_last: set_of(LOC_CUES, "toponym-last"),
            route_pair: set_of(LOC_CUES, "route-pair"),
            sport_words: set_of(SPORT_CUES, "words"),
            sport_verbs: set_of(SPORT_CUES, "verbs").into_iter().collect(),
            sport_before: set_of(SPORT_CUES, "before"),
            loc_prepositions: set_of(LOC_CUES, "prepositions"),
            road_kinds: set_of(LOC_CUES, "road-kinds"),
            road_codes: set_of(LOC_CUES, "road-codes"),
            misc_heads: set_of(MISC_CUES, "before"),
            misc_before_quoted: set_of(MISC_CUES, "before-quoted"),
            misc_cap_heads: set_of(MISC_CUES, "heads"),
            misc_whole: set_of(MISC_CUES, "whole"),
            particle_words: set_of(PARTICLES, "words"),
            particle_prefixes,
            stopwords_caps: set_of(STOPWORDS_CAPS, ""),
            place_stoplist: set_of(PLACE_STOPLIST, ""),
            apposition_org: set_of(APPOSITION_NOUNS, "org"),
            apposition_org_bare: set_of(APPOSITION_NOUNS, "org-bare"),
            apposition_loc: set_of(APPOSITION_NOUNS, "loc"),
            number_words: entries(NUMBERS)
                .filter(|(section, _)| *section == "number_word")
                .filter_map(|(_, line)| line.split_whitespace().next().map(fold))
                .collect(),
            speech_present: speech_present_forms(),
        }
    }

    /// Whether `folded` is a spelled-out number ("vingt-sept", "dix-huit", "trois").
    pub fn is_number_word(&self, folded: &str) -> bool {
        !folded.is_empty()
            && folded
                .split('-')
                .all(|part| self.number_words.contains(part))
    }

    /// True when `folded` ("al-anbar", "ez-zor") starts with an attached Arabic article.
    pub fn has_article_prefix(&self, folded: &str) -> bool {
        match folded.split_once('-') {
            Some((prefix, rest)) => !rest.is_empty() && self.particle_prefixes.contains(prefix),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facility_compounds_are_filed_under_their_first_word() {
        let lex = Lexicon::embedded();
        let centre = &lex.loc_compounds["centre"];
        assert!(centre.iter().any(|c| c == &["centre", "de", "sante"]));
        assert!(lex.loc_compounds["maison"]
            .iter()
            .any(|c| c == &["maison", "d'", "arret"]));
        for (first, compounds) in &lex.loc_compounds {
            assert!(compounds.iter().all(|c| c.len() >= 2 && c[0] == *first));
        }
        // a word that opens no compound has no entry: the recogniser stops at one lookup
        assert!(!lex.loc_compounds.contains_key("de"));
    }

    #[test]
    fn lists_load_with_sections() {
        let lex = Lexicon::embedded();
        assert!(lex.person_titles.contains("general"));
        assert!(lex.person_titles.contains("premier ministre"));
        assert_eq!(lex.org_heads.get("armee"), Some(&OrgHead::AlsoLowercase));
        assert_eq!(lex.org_heads.get("front"), Some(&OrgHead::CapitalisedOnly));
        assert!(lex.speech_present.contains("affirme"));
        assert!(lex.speech_present.contains("evoquent"));
        assert!(lex.loc_before_de.contains("province"));
        assert!(lex.loc_whole.contains("vallee"));
        assert!(!lex.loc_before_de.contains("vallee"));
        assert!(lex.particle_words.contains("ibn"));
        assert!(lex.has_article_prefix("al-anbar"));
        assert!(!lex.has_article_prefix("etats-unis"));
        assert!(lex.stopwords_caps.contains("selon"));
        assert!(lex.is_number_word("vingt-sept"));
        assert!(lex.is_number_word("dix-huit"));
        assert!(!lex.is_number_word("saint-denis"));
        assert!(lex.apposition_org.contains("sous-traitant"));
        assert!(lex.toponym_first.contains("deir"));
        assert!(lex.toponym_last.contains("kalay"));
        assert!(lex.org_tails.contains("jaych"));
        assert!(lex.apposition_loc.contains("village"));
        assert!(lex.apposition_org_bare.contains("fabricant"));
        assert!(!lex.apposition_org_bare.contains("specialiste"));
    }
}

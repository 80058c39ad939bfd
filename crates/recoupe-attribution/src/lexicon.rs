//! Attribution knowledge loaded from `resources/fr/speech_verbs.txt` and
//! `resources/fr/attribution_cues.txt` (data, not code).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::words::{fold, lower, Word, WordKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    Say,
    Announce,
    Assert,
    Deny,
    Accuse,
    Hedge,
    Report,
    Write,
    Ask,
    Warn,
    /// Confirming or admitting a claim ("confirmer", "reconnaître"): polarity `confirm`.
    Confirm,
    /// Commenting ("commenter", "réagir", "s'exprimer"): under a refusal or a negation
    /// ("n'a pas souhaité commenter", "a refusé de réagir") a refusal to comment.
    Comment,
    /// Refusing ("refuser", "décliner", "s'abstenir"): never a cue by itself; it heads a
    /// refusal to comment ("s'est refusé à tout commentaire").
    Refuse,
    /// Seeing or hearing ("voir", "constater", "entendre"): with no clause, a cue only for a
    /// reporter or a witness ("un journaliste de l'AFP a vu la carcasse du véhicule").
    Witness,
}

impl VerbClass {
    fn parse(s: &str) -> Option<VerbClass> {
        Some(match s {
            "say" => VerbClass::Say,
            "announce" => VerbClass::Announce,
            "assert" => VerbClass::Assert,
            "deny" => VerbClass::Deny,
            "accuse" => VerbClass::Accuse,
            "hedge" => VerbClass::Hedge,
            "report" => VerbClass::Report,
            "write" => VerbClass::Write,
            "ask" => VerbClass::Ask,
            "warn" => VerbClass::Warn,
            "confirm" => VerbClass::Confirm,
            "comment" => VerbClass::Comment,
            "refuse" => VerbClass::Refuse,
            "witness" => VerbClass::Witness,
            _ => return None,
        })
    }
}

/// Whether a verb form is a past participle (needs an auxiliary to be a speech act:
/// "les résultats annoncés mercredi" is not one) or a finite/other form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Participle,
    Finite,
    /// The infinitive ("a tenu à rappeler que"): a cue only with its complement.
    Infinitive,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForm {
    pub class: VerbClass,
    pub kind: FormKind,
    /// The verb also has common non-speech senses ("confirmer son statut", "lancer une
    /// offensive"): it is a cue only with a clausal or quoted complement, or as an incise.
    pub weak: bool,
    /// A weak verb of opinion or appeal taking an object ("considérer X comme", "appeler
    /// à", "accuser"): a cue without complement when a person or body is its subject.
    pub opinion: bool,
    /// The verb is a cue only when its object is a claim noun ("rejeter les accusations",
    /// "balayer ces allégations"): `rejeter un projet de loi` says nothing.
    pub claim: bool,
    /// The lemma is pronominal ("s'emporter", "se féliciter"): it has no passive ("ont été
    /// emportés par la crue" is another verb).
    pub pronominal: bool,
    /// Words that must follow the form for multi-word verbs ("fait" + "état"), lowercase.
    pub tail: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}:{line}: {reason}")]
    Malformed {
        file: &'static str,
        line: usize,
        reason: String,
    },
}

/// Every list the stage uses, keyed by folded (lowercase, accentless) forms.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Verb forms by their first word, lowercase; a word that opens several verbs ("fait"
    /// in "fait état", "fait savoir", "fait part") holds each, longest tail first, the
    /// single-word form last.
    pub verbs: HashMap<String, Vec<VerbForm>>,
    pub according: Phrases,
    /// "selon" phrases that name no source ("selon son acronyme anglais", "selon les
    /// cas"): skipped before the `according` cues are looked for.
    pub not_according: Phrases,
    pub relay: Phrases,
    pub channels: Phrases,
    pub hedges: Phrases,
    pub unnamed: HashMap<String, ()>,
    /// Head nouns that name a person by office or role ("le chef caquiste", "le patron de
    /// l'organisation"): as a definite description they refer back to a person named before.
    pub person_roles: HashSet<String>,
    /// Offices one person holds at a time ("maire", "ministre"), folded, with the office
    /// each form names ("présidente" → "president", "bourgmestre" → "maire"): a person named
    /// with one office is not who a description by another refers to.
    pub offices: HashMap<String, String>,
    /// Occupations and situations of a person ("le céréalier", "la plaignante"): as a
    /// definite description they refer to the named person who has just spoken, or to one
    /// named with that word nearby; otherwise to an unnamed person.
    pub occupations: HashSet<String>,
    /// Head nouns that name an organisation ("cette force paramilitaire", "l'alliance",
    /// "le site"): as a definite description they refer back to an organisation named before.
    pub organisation_roles: HashSet<String>,
    /// Adjectives that may stand before the head noun ("le premier ministre", "le nouveau
    /// président"): skipped when looking for the head.
    pub premodifiers: HashSet<String>,
    /// Nouns for people who report for an outlet ("un correspondant de l'AFP"): the outlet
    /// in such a description is a link of the chain; in any other description ("un
    /// commandant des FDS") the organisation is the speaker's affiliation, not a channel.
    pub reporters: HashSet<String>,
    /// Phrases of the outlet's own judgement ("sans doute", "il est peu probable", "si
    /// l'on"): a sentence holding one is opinion, not an unsourced fact.
    pub opinions: Phrases,
    pub bylines: Vec<Vec<String>>,
    /// Nouns naming a claim ("accusations", "allégations", "responsabilité"): the object that
    /// makes a `:claim` verb ("rejeter") a denial.
    pub claim_nouns: HashSet<String>,
    /// Nouns of reports and hearsay ("informations", "témoignages", "rapport"): a present
    /// participle of saying right after one ("des informations faisant état de …") says
    /// what that noun says.
    pub report_nouns: HashSet<String>,
    /// What one declines to give ("tout commentaire", "aucune déclaration"): after a
    /// refusal or a negation, a refusal to comment.
    pub no_comment_objects: Phrases,
    /// Verb forms that may stand between a negation and a verb of commenting or what one
    /// declines to give ("n'a pas *voulu* commenter", "n'a *fait* aucun commentaire").
    pub no_comment_heads: HashSet<String>,
    /// Social networks and messaging platforms ("Telegram", "X"): a channel, never a link of
    /// a chain nor an antecedent.
    pub platforms: HashSet<String>,
    /// Nouns of a toll or count ("bilan", "chiffres"): with no source, not a speaker.
    pub toll_nouns: HashSet<String>,
    /// Documents and counts that have an author ("rapport", "résultats", "bilan"): "publié
    /// par X" after one names its author, the speaker, not a relay.
    pub authored_nouns: HashSet<String>,
    /// Nouns of public bodies that make a toll sourced ("le bilan des *autorités*").
    pub institutions: HashSet<String>,
    /// Nouns naming an event ("attaque", "grève", "séisme"), singular and plural, folded,
    /// from the events stage's triggers (`resources/fr/event_triggers.tsv`): what happened
    /// never speaks, so such a noun after a verb of saying is its object ("…, ont
    /// revendiqué l'attaque"), not its inverted subject.
    pub event_nouns: HashSet<String>,
}

const VERBS: &str = include_str!("../../../resources/fr/speech_verbs.txt");
const CUES: &str = include_str!("../../../resources/fr/attribution_cues.txt");
const EVENT_TRIGGERS: &str = include_str!("../../../resources/fr/event_triggers.tsv");

/// The one-word nouns of the event triggers (pos `n`), with their plural by rule; nouns of
/// participants ("manifestants", option `participant`) are people, who may speak, and are
/// left out. The file's own format is checked by the events stage.
fn event_nouns(triggers: &str) -> HashSet<String> {
    let mut nouns = HashSet::default();
    for line in triggers.lines() {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(phrase), Some(&"n")) = (cols.first(), cols.get(1)) else {
            continue;
        };
        if phrase.contains(' ') || cols.get(4).is_some_and(|o| o.contains("participant")) {
            continue;
        }
        let noun = fold(phrase);
        let plural = if noun.ends_with('s') || noun.ends_with('x') {
            noun.clone()
        } else if let Some(stem) = noun.strip_suffix("al") {
            format!("{stem}aux")
        } else if noun.ends_with("eau") {
            format!("{noun}x")
        } else {
            format!("{noun}s")
        };
        nouns.insert(plural);
        nouns.insert(noun);
    }
    nouns
}

impl Lexicon {
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut lex = Lexicon::parse(VERBS, CUES)
                .expect("embedded attribution lists are validated by tests");
            lex.event_nouns = event_nouns(EVENT_TRIGGERS);
            lex
        })
    }

    pub fn parse(verbs: &str, cues: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for (n, line) in verbs.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let bad = |reason: String| LexiconError::Malformed {
                file: "resources/fr/speech_verbs.txt",
                line: n + 1,
                reason,
            };
            if cols.len() < 2 || cols.len() > 3 {
                return Err(bad(format!(
                    "expected lemma<TAB>class[<TAB>forms], found {} columns",
                    cols.len()
                )));
            }
            let (class_name, weak, opinion, claim) = if let Some(c) = cols[1].strip_suffix(":weak")
            {
                (c, true, false, false)
            } else if let Some(c) = cols[1].strip_suffix(":opinion") {
                (c, true, true, false)
            } else if let Some(c) = cols[1].strip_suffix(":claim") {
                (c, false, false, true)
            } else {
                (cols[1], false, false, false)
            };
            let class = VerbClass::parse(class_name)
                .ok_or_else(|| bad(format!("unknown class `{}`", cols[1])))?;
            let pronominal = cols[0].starts_with("se ") || cols[0].starts_with("s'");
            let lemma = cols[0].trim_start_matches("se ").trim_start_matches("s'");
            let forms: Vec<(String, FormKind)> = if cols.len() == 3 {
                cols[2]
                    .split(',')
                    .map(|f| (f.trim().to_string(), irregular_kind(lemma, f.trim())))
                    .collect()
            } else if let Some((verb, rest)) = lemma.split_once(' ') {
                let Some(stem) = verb.strip_suffix("er") else {
                    return Err(bad(format!(
                        "`{lemma}` is not a regular -er verb: list its forms in a third column"
                    )));
                };
                regular_er(stem)
                    .into_iter()
                    .map(|(f, k)| (format!("{f} {rest}"), k))
                    .collect()
            } else if let Some(stem) = lemma.strip_suffix("er") {
                regular_er(stem)
            } else {
                return Err(bad(format!(
                    "`{lemma}` is not a regular -er verb: list its forms in a third column"
                )));
            };
            let mut forms = forms;
            forms.push((lemma.to_string(), FormKind::Infinitive));
            for (form, kind) in forms {
                let mut parts = form.split_whitespace().map(lower);
                let Some(head) = parts.next() else {
                    return Err(bad(format!("empty form in `{line}`")));
                };
                let tail: Vec<String> = parts.collect();
                let entry = lex.verbs.entry(head).or_default();
                // One entry per tail: the first line listing a form keeps it.
                if entry.iter().any(|f| f.tail == tail) {
                    continue;
                }
                entry.push(VerbForm {
                    class,
                    kind,
                    weak,
                    opinion,
                    claim,
                    pronominal,
                    tail,
                });
            }
        }
        for forms in lex.verbs.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.tail.len()));
        }
        for (n, line) in cues.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let words: Vec<String> = split_phrase(cols.get(1).copied().unwrap_or(""));
            let bad = |reason: String| LexiconError::Malformed {
                file: "resources/fr/attribution_cues.txt",
                line: n + 1,
                reason,
            };
            if words.is_empty() {
                return Err(bad("missing phrase".into()));
            }
            match cols[0] {
                "according" => lex.according.push(words, String::new()),
                "not_according" => lex.not_according.push(words, String::new()),
                "relay" => lex.relay.push(words, String::new()),
                "channel" => {
                    let value = cols
                        .get(2)
                        .ok_or_else(|| bad("channel needs a value column".into()))?;
                    lex.channels.push(words, value.to_string());
                }
                "hedge" => lex.hedges.push(words, String::new()),
                "unnamed" => {
                    lex.unnamed.insert(words.join(" "), ());
                }
                "role_person" => {
                    lex.person_roles.insert(words.join(" "));
                }
                "office" => {
                    let value = cols
                        .get(2)
                        .ok_or_else(|| bad("office needs a value column".into()))?;
                    lex.offices.insert(words.join(" "), fold(value));
                }
                "occupation" => {
                    lex.occupations.insert(words.join(" "));
                }
                "role_organisation" => {
                    lex.organisation_roles.insert(words.join(" "));
                }
                "opinion" => lex.opinions.push(words, String::new()),
                "reporter" => {
                    lex.reporters.insert(words.join(" "));
                }
                "premodifier" => {
                    lex.premodifiers.insert(words.join(" "));
                }
                "byline" => lex.bylines.push(words),
                "claim_noun" => {
                    lex.claim_nouns.insert(words.join(" "));
                }
                "report_noun" => {
                    lex.report_nouns.insert(words.join(" "));
                }
                "no_comment_object" => lex.no_comment_objects.push(words, String::new()),
                "platform" => {
                    lex.platforms.insert(words.join(" "));
                }
                "toll_noun" => {
                    lex.toll_nouns.insert(words.join(" "));
                }
                "authored_noun" => {
                    lex.authored_nouns.insert(words.join(" "));
                }
                "institution" => {
                    lex.institutions.insert(words.join(" "));
                }
                "no_comment_head" => {
                    lex.no_comment_heads.insert(words.join(" "));
                }
                other => return Err(bad(format!("unknown section `{other}`"))),
            }
        }
        for set in [
            &mut lex.according,
            &mut lex.not_according,
            &mut lex.relay,
            &mut lex.hedges,
            &mut lex.channels,
            &mut lex.opinions,
            &mut lex.no_comment_objects,
        ] {
            set.sort_longest_first();
        }
        Ok(lex)
    }
}

impl Lexicon {
    /// The single-word verb form `word` (lowercase), if it is one.
    pub fn verb(&self, word: &str) -> Option<&VerbForm> {
        self.verbs
            .get(word)
            .and_then(|forms| forms.iter().find(|f| f.tail.is_empty()))
    }

    /// Every verb whose form opens with `word` (lowercase), longest tail first.
    pub fn verbs_opening_with(&self, word: &str) -> &[VerbForm] {
        self.verbs.get(word).map_or(&[], Vec::as_slice)
    }
}

/// Phrases indexed by their first word, so that matching at a position costs one hash
/// lookup when nothing starts there.
#[derive(Debug, Default)]
pub struct Phrases {
    by_first: HashMap<String, Vec<(Vec<String>, String)>>,
    /// The lengths (bit `min(len, 63)`) and first bytes (bit of the byte) of the first
    /// words: most words of a sentence fail one of these tests, which cost less than
    /// hashing the word (the sets are asked at every word of every sentence).
    first_lengths: u64,
    first_bytes: [u64; 4],
}

/// The bit of a word's length in [`Phrases::first_lengths`].
fn length_bit(word: &str) -> u64 {
    1 << word.len().min(63)
}

impl Phrases {
    fn push(&mut self, words: Vec<String>, value: String) {
        if let Some(first) = words.first().cloned() {
            self.first_lengths |= length_bit(&first);
            if let Some(&b) = first.as_bytes().first() {
                self.first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
            self.by_first.entry(first).or_default().push((words, value));
        }
    }

    /// Whether some phrase may start with `word`: false only when none does.
    #[inline]
    fn may_start(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            // (no word is empty; were one, the table decides)
            None => true,
            Some(&b) => {
                self.first_lengths & length_bit(word) != 0
                    && self.first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0
            }
        }
    }

    /// Longest phrases first so that "cité par" wins over shorter overlaps.
    fn sort_longest_first(&mut self) {
        for list in self.by_first.values_mut() {
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
    }

    /// The longest phrase starting at word `i`, with its value.
    pub fn at(&self, words: &[Word], i: usize) -> Option<(&[String], &str)> {
        let first = words.get(i)?;
        // Every phrase starts with a word: punctuation costs no lookup.
        if !matches!(first.kind, WordKind::Word | WordKind::Elision) {
            return None;
        }
        if !self.may_start(&first.folded) {
            return None;
        }
        let candidates = self.by_first.get(&first.folded)?;
        candidates
            .iter()
            .find(|(p, _)| {
                p.len() <= words.len() - i && p.iter().zip(&words[i..]).all(|(a, w)| *a == w.folded)
            })
            .map(|(p, v)| (p.as_slice(), v.as_str()))
    }

    /// Whether the one-word phrase `word` is in the set.
    pub fn contains_word(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|l| l.iter().any(|(p, _)| p.len() == 1))
    }

    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// Splits a phrase the way `words::scan` splits text (elisions keep their apostrophe).
fn split_phrase(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in phrase.split_whitespace() {
        let folded = fold(w);
        if let Some(idx) = folded.find('\'') {
            if idx + 1 < folded.len() {
                out.push(folded[..=idx].to_string());
                out.push(folded[idx + 1..].to_string());
                continue;
            }
        }
        out.push(folded);
    }
    out
}

fn irregular_kind(lemma: &str, form: &str) -> FormKind {
    let f = fold(form);
    // Participles of the irregular verbs listed end like these; finite forms do not, except
    // "dit"/"écrit" which are both (treated as finite: "dit-il", "il dit").
    let participle_endings = [
        "u", "ue", "us", "ues", "i", "is", "ise", "ie", "ies", "te", "ts", "tes",
    ];
    // Listed -er verbs ("appelé", "appelées"): no finite form ends in -é(e)(s).
    let lower_form = form.to_lowercase();
    if ["é", "ée", "és", "ées"]
        .iter()
        .any(|e| lower_form.ends_with(e))
    {
        return FormKind::Participle;
    }
    // The other forms of an -er verb are finite, whatever their ending ("rejette").
    if f.ends_with("ant") || lemma.split(' ').next().is_some_and(|v| v.ends_with("er")) {
        return FormKind::Finite;
    }
    if participle_endings.iter().any(|e| f.ends_with(e)) && !f.ends_with("ient") {
        FormKind::Participle
    } else {
        FormKind::Finite
    }
}

fn regular_er(stem: &str) -> Vec<(String, FormKind)> {
    // Stems ending in g/c keep their sound before a/o: "fustigeait", "annonçait".
    let soft = if stem.ends_with('g') {
        format!("{stem}e")
    } else if let Some(s) = stem.strip_suffix('c') {
        format!("{s}ç")
    } else {
        stem.to_string()
    };
    let mut forms = vec![
        (format!("{stem}e"), FormKind::Finite),
        (format!("{stem}ent"), FormKind::Finite),
        (format!("{soft}ait"), FormKind::Finite),
        (format!("{soft}aient"), FormKind::Finite),
        (format!("{stem}era"), FormKind::Finite),
        (format!("{stem}eront"), FormKind::Finite),
        (format!("{stem}erait"), FormKind::Finite),
        (format!("{stem}eraient"), FormKind::Finite),
        (format!("{soft}ant"), FormKind::Finite),
    ];
    for ending in ["é", "ée", "és", "ées"] {
        forms.push((format!("{stem}{ending}"), FormKind::Participle));
    }
    // Stems with é before their last consonants take è in the present ("révéler" →
    // "révèle", "considérer" → "considère").
    if let Some(pos) = stem.rfind('é') {
        let after = &stem[pos + 'é'.len_utf8()..];
        if !after.is_empty() && after.chars().all(|c| !"aeiouyéèêë".contains(c)) {
            let grave = format!("{}è{}", &stem[..pos], after);
            for ending in ["e", "ent", "era", "eront", "erait", "eraient"] {
                forms.push((format!("{grave}{ending}"), FormKind::Finite));
            }
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_nouns_are_one_word_trigger_nouns_with_their_plural_but_no_participants() {
        let nouns = event_nouns(
            "# comment\nattaque\tn\tASSAULT\t-\nfrapper\tv\tASSAULT\t-\ncouvre-feu\tn\tOTHER\t-\nmanifestant\tn\tPROTEST\t-\tparticipant\ncoup d'état\tn\tOTHER\t-\ntribunal\tn\tOTHER\t-\n",
        );
        for n in [
            "attaque",
            "attaques",
            "couvre-feu",
            "couvre-feus",
            "tribunaux",
        ] {
            assert!(nouns.contains(n), "{n}: {nouns:?}");
        }
        for n in ["frapper", "manifestant", "manifestants", "coup"] {
            assert!(!nouns.contains(n), "{n}");
        }
        assert!(Lexicon::embedded().event_nouns.contains("greve"));
    }

    #[test]
    fn embedded_lists_parse() {
        let lex = Lexicon::embedded();
        assert!(lex.verbs.len() > 500, "{}", lex.verbs.len());
        assert_eq!(lex.verb("affirme").unwrap().kind, FormKind::Finite);
        assert_eq!(lex.verb("affirme").unwrap().class, VerbClass::Assert);
        assert_eq!(lex.verb("annoncé").unwrap().kind, FormKind::Participle);
        assert_eq!(lex.verb("fustigeait").unwrap().class, VerbClass::Accuse);
        assert_eq!(lex.verb("annonçait").unwrap().class, VerbClass::Announce);
        assert_eq!(lex.verb("prétendu").unwrap().class, VerbClass::Hedge);
        assert!(lex.unnamed.contains_key("source"));
        let words = crate::words::scan("d'après lui", 0, "d'après lui".len());
        assert_eq!(lex.according.at(&words, 0).map(|(p, _)| p.len()), Some(2));
        assert_eq!(lex.verb("révèle").unwrap().class, VerbClass::Announce);
        assert!(lex.verb("confirmé").unwrap().claim);
        assert!(!lex.verb("affirmé").unwrap().weak);
    }

    #[test]
    fn issue10_listed_forms_of_er_verbs_are_finite_and_participles_in_i_are_participles() {
        let lex = Lexicon::embedded();
        assert_eq!(lex.verb("rejette").unwrap().kind, FormKind::Finite);
        assert!(lex.verb("rejette").unwrap().claim);
        assert_eq!(lex.verb("rejette").unwrap().class, VerbClass::Deny);
        assert_eq!(lex.verb("allègue").unwrap().kind, FormKind::Finite);
        assert_eq!(lex.verb("démenti").unwrap().kind, FormKind::Participle);
        assert_eq!(lex.verb("confirmé").unwrap().class, VerbClass::Confirm);
        assert_eq!(lex.verb("refusé").unwrap().class, VerbClass::Refuse);
        assert!(lex.claim_nouns.contains("accusations"));
    }

    #[test]
    fn the_first_word_filter_lets_every_first_word_through() {
        // `may_start` only skips the table: it must accept every word a phrase opens with
        let lex = Lexicon::embedded();
        for set in [
            &lex.according,
            &lex.not_according,
            &lex.relay,
            &lex.channels,
            &lex.hedges,
            &lex.opinions,
            &lex.no_comment_objects,
        ] {
            assert!(!set.is_empty());
            for first in set.by_first.keys() {
                assert!(set.may_start(first), "{first}");
            }
        }
        // and it turns words away that no phrase opens with
        assert!(!lex
            .according
            .may_start("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"));
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let err = Lexicon::parse("# h\nfoo\n", "").unwrap_err();
        assert!(err.to_string().contains("speech_verbs.txt:2"), "{err}");
        let err = Lexicon::parse("dire\tsay\tdit\n", "nope\tx\n").unwrap_err();
        assert!(err.to_string().contains("attribution_cues.txt:1"), "{err}");
        let err = Lexicon::parse("venir\tsay\n", "").unwrap_err();
        assert!(err.to_string().contains("not a regular -er verb"), "{err}");
    }
}

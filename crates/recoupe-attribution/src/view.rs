//! The document as the stage sees it: its text, its entity mentions in text order, its
//! sentences and its own outlet.
//!
//! Speakers are resolved sentence by sentence against the mentions named before, so the
//! questions asked here ("the latest organisation before this offset", "the mentions
//! inside this phrase", "is this key ever a place") are answered by binary search, an
//! index by key and lazily grown lists of the mentions a question keeps, never by a scan
//! of every mention of the document: that would make a long document quadratic.

use std::cell::RefCell;

use recoupe_model::{Document, EntityMention, EntityType, Sentence, Span};
use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::Lexicon;
use crate::speakers::Gender;
use crate::words::{fold, Word};

/// A question about single mentions whose answers [`DocView::last_before`] remembers: it
/// names a predicate that depends on the mention only (and on the document).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Question {
    /// A mention of this type.
    Label(EntityType),
    /// An organisation that may be referred back to ([`DocView::is_antecedent`]).
    AntecedentOrganisation,
    /// A person, or an organisation of a gender compatible with this one, that may be
    /// referred back to ("ce dernier", "cette dernière").
    Latest(Gender),
    /// A mention that is no place whose folded name holds this noun ("le ministère").
    NameHolding(String),
    /// A person named with this role word nearby ("le président turc X").
    PersonWithRole(String),
    /// A person or organisation (of this gender) that opens its sentence as its subject,
    /// what a pronoun may refer back to.
    Subject(Option<Gender>),
}

/// The mentions (indices, in text order) for which a question holds, among the first
/// `scanned` mentions of the document.
#[derive(Debug, Default)]
struct Kept {
    scanned: usize,
    hits: Vec<usize>,
}

/// A document's text with its entity mentions in text order.
pub(crate) struct DocView<'d> {
    pub(crate) text: &'d str,
    /// Entity mentions in text order.
    pub(crate) entities: Vec<&'d EntityMention>,
    /// Indices into `entities` of the mentions of each entity key, in text order.
    by_key: HashMap<&'d str, Vec<usize>>,
    /// What [`DocView::last_before`] found so far, per question.
    kept: RefCell<HashMap<Question, Kept>>,
    /// Whether each entity key asked about has a mention that is the own outlet.
    own_outlet_keys: RefCell<HashMap<String, bool>>,
    /// The document's sentences, in text order (the text stage's segmentation).
    sentences: &'d [Sentence],
    /// The article's own outlet, folded to letters and digits: never a link of a chain.
    outlet_key: Option<String>,
    /// The initials of the outlet's capitalised words ("Agence Sahel Info" → "ASI"), when
    /// it has three or more: its acronym in the text.
    outlet_initials: Option<String>,
    /// Entity keys of social networks and messaging platforms named in the document.
    platform_keys: Vec<String>,
}

impl<'d> DocView<'d> {
    /// `entities` must be sorted by position.
    pub(crate) fn new(lex: &Lexicon, doc: &'d Document, entities: Vec<&'d EntityMention>) -> Self {
        let mut platform_keys: Vec<String> = Vec::new();
        for m in &entities {
            let surface = fold(&doc.text[m.span.start..m.span.end]);
            let kb_name = m.kb.as_ref().and_then(|k| k.name.as_deref()).map(fold);
            let platform = lex.platforms.contains(&surface)
                || kb_name.is_some_and(|n| lex.platforms.contains(&n));
            if platform && !platform_keys.contains(&m.entity) {
                platform_keys.push(m.entity.clone());
            }
        }
        let mut by_key: HashMap<&'d str, Vec<usize>> = HashMap::default();
        for (k, m) in entities.iter().enumerate() {
            by_key.entry(m.entity.as_str()).or_default().push(k);
        }
        DocView {
            platform_keys,
            text: &doc.text,
            entities,
            by_key,
            kept: RefCell::default(),
            own_outlet_keys: RefCell::default(),
            sentences: &doc.layers.sentences,
            outlet_key: doc
                .meta
                .outlet
                .as_deref()
                .map(alnum_key)
                .filter(|k| !k.is_empty()),
            outlet_initials: doc.meta.outlet.as_deref().and_then(initials),
        }
    }

    /// The mentions inside `span`, in text order.
    pub(crate) fn mentions_in(&self, span: Span) -> impl Iterator<Item = &&'d EntityMention> {
        // Mentions are sorted by start: only those starting inside the span can be in it.
        let from = self.entities.partition_point(|e| e.span.start < span.start);
        let to = self.entities.partition_point(|e| e.span.start <= span.end);
        self.entities[from..to.max(from)]
            .iter()
            .filter(move |e| span.contains(&e.span))
    }

    /// The mentions starting at or before `offset`, in text order: every mention that
    /// ends at or before `offset` is among them.
    pub(crate) fn up_to(&self, offset: usize) -> &[&'d EntityMention] {
        let n = self.entities.partition_point(|e| e.span.start <= offset);
        &self.entities[..n]
    }

    /// The mentions of entity `key`, in text order.
    pub(crate) fn mentions_of<'v>(
        &'v self,
        key: &str,
    ) -> impl DoubleEndedIterator<Item = &'d EntityMention> + 'v {
        self.by_key
            .get(key)
            .into_iter()
            .flatten()
            .map(|&k| self.entities[k])
    }

    /// Whether some mention of entity `key` is the article's own outlet.
    pub(crate) fn key_is_own_outlet(&self, key: &str) -> bool {
        if self.outlet_key.is_none() {
            return false;
        }
        if let Some(&own) = self.own_outlet_keys.borrow().get(key) {
            return own;
        }
        let own = self.mentions_of(key).any(|m| self.is_own_outlet(m));
        self.own_outlet_keys
            .borrow_mut()
            .insert(key.to_string(), own);
        own
    }

    /// Whether entity `key` has a mention of type `label` anywhere in the document.
    pub(crate) fn key_has_label(&self, key: &str, label: EntityType) -> bool {
        self.mentions_of(key).any(|m| m.label == label)
    }

    /// The latest mention of entity `key` ending at or before `offset`.
    pub(crate) fn last_of_key_before(&self, key: &str, offset: usize) -> Option<&'d EntityMention> {
        let at = self.by_key.get(key)?;
        let n = at.partition_point(|&k| self.entities[k].span.start <= offset);
        at[..n]
            .iter()
            .rev()
            .map(|&k| self.entities[k])
            .find(|m| m.span.end <= offset)
    }

    /// The mentions starting at or after `offset`, in text order.
    pub(crate) fn starting_from(&self, offset: usize) -> &[&'d EntityMention] {
        let k = self.entities.partition_point(|e| e.span.start < offset);
        &self.entities[k..]
    }

    /// The latest mention ending at or before `offset` for which `holds` is true. `holds`
    /// must depend on the mention only and be the predicate `question` names: the
    /// mentions it keeps are remembered per question, so a document's mentions are each
    /// tested once per question however many times it is asked.
    pub(crate) fn last_before(
        &self,
        offset: usize,
        question: Question,
        holds: impl Fn(&EntityMention) -> bool,
    ) -> Option<&'d EntityMention> {
        let n = self.up_to(offset).len();
        let mut kept = self.kept.borrow_mut();
        let kept = kept.entry(question).or_default();
        while kept.scanned < n {
            if holds(self.entities[kept.scanned]) {
                kept.hits.push(kept.scanned);
            }
            kept.scanned += 1;
        }
        let below = kept.hits.partition_point(|&k| k < n);
        kept.hits[..below]
            .iter()
            .rev()
            .map(|&k| self.entities[k])
            .find(|m| m.span.end <= offset)
    }

    /// Whether an organisation's name starts at this word ("à *Xinhua*").
    pub(crate) fn organisation_at(&self, word: &Word) -> bool {
        self.mention_starting_at(word.start)
            .is_some_and(|m| m.label == EntityType::ORG)
    }

    /// Where the sentence holding byte `offset` starts.
    pub(crate) fn sentence_start_before(&self, offset: usize) -> usize {
        let after = self.sentences.partition_point(|s| s.span.start <= offset);
        after
            .checked_sub(1)
            .map_or(0, |k| self.sentences[k].span.start)
    }

    /// The first mention (in text order) starting at byte `start`.
    pub(crate) fn mention_starting_at(&self, start: usize) -> Option<&'d EntityMention> {
        let k = self.entities.partition_point(|e| e.span.start < start);
        self.entities
            .get(k)
            .copied()
            .filter(|e| e.span.start == start)
    }

    /// Whether an entity key names a social network or messaging platform.
    pub(crate) fn is_platform(&self, key: &str) -> bool {
        self.platform_keys.iter().any(|k| k == key)
    }

    /// Whether a mention may be what a description or pronoun refers back to: not the
    /// article's own outlet, not a platform, not the agency credited in a dateline.
    pub(crate) fn is_antecedent(&self, mention: &EntityMention) -> bool {
        !self.is_own_outlet(mention)
            && !self.is_platform(&mention.entity)
            && !self.is_dateline_credit(mention)
    }

    /// "KYIV, Ukraine (AP) – …": the agency in parentheses before the dateline's dash
    /// wrote the dispatch; it is no antecedent of "l'organisme" or "l'agence".
    fn is_dateline_credit(&self, mention: &EntityMention) -> bool {
        let before = self.text[..mention.span.start].trim_end();
        let after = self.text[mention.span.end..].trim_start();
        before.ends_with('(')
            && after
                .strip_prefix(')')
                .is_some_and(|rest| rest.trim_start().starts_with(['\u{2013}', '\u{2014}', '-']))
    }

    pub(crate) fn is_own_outlet(&self, mention: &EntityMention) -> bool {
        let Some(outlet) = &self.outlet_key else {
            return false;
        };
        let key = alnum_key(&self.text[mention.span.start..mention.span.end]);
        let kb_key = mention
            .kb
            .as_ref()
            .and_then(|k| k.name.as_deref())
            .map(alnum_key)
            .unwrap_or_default();
        let matches =
            |k: &str| k.len() >= 2 && (outlet.starts_with(k) || k.starts_with(outlet.as_str()));
        // "l'ASI" in an article of the Agence Sahel Info.
        let surface = &self.text[mention.span.start..mention.span.end];
        let acronym = self
            .outlet_initials
            .as_deref()
            .is_some_and(|i| surface == i);
        matches(&key) || matches(&kb_key) || acronym
    }
}

/// The initials of a name's capitalised words, when there are three or more ("Agence Sahel
/// Info" → "ASI"; "Le Monde" has none worth matching).
fn initials(name: &str) -> Option<String> {
    let letters: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    (letters.chars().count() >= 3).then_some(letters)
}

pub(crate) fn alnum_key(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The latest organisation named before `offset`, the article's own outlet aside: what
/// "cette force paramilitaire" or "le communiqué de la société" refers back to.
pub(crate) fn last_organisation_before<'d>(
    view: &DocView<'d>,
    offset: usize,
) -> Option<&'d EntityMention> {
    view.last_before(offset, Question::AntecedentOrganisation, |m| {
        m.label == EntityType::ORG && view.is_antecedent(m)
    })
}

/// The latest mention of type `label` ending before `offset`.
pub(crate) fn last_mention_before<'d>(
    view: &DocView<'d>,
    offset: usize,
    label: EntityType,
) -> Option<&'d EntityMention> {
    view.last_before(offset, Question::Label(label), |m| m.label == label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::doc;

    #[test]
    fn own_outlet_matches_on_letters_and_digits() {
        assert_eq!(alnum_key("Le Monde.fr"), "lemondefr");
        let d = doc(
            "Le Monde a appris que l'AFP et Le Monde diplomatique enquêtent.",
            Some("Le Monde"),
            &[
                ("Le Monde", recoupe_model::EntityType::ORG, "org:lemonde"),
                ("AFP", recoupe_model::EntityType::ORG, "org:afp"),
            ],
        );
        let view = DocView::new(
            crate::Lexicon::embedded(),
            &d,
            d.layers.entities.iter().collect(),
        );
        assert!(view.is_own_outlet(view.entities[0]));
        assert!(!view.is_own_outlet(view.entities[1]));
        assert_eq!(
            last_organisation_before(&view, d.text.len()).map(|m| m.entity.as_str()),
            Some("org:afp")
        );
    }
}

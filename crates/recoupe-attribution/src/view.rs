//! The document as the stage sees it: its text, its entity mentions in text order, its
//! sentences and its own outlet.

use recoupe_model::{Document, EntityMention, EntityType, Sentence, Span};

use crate::lexicon::Lexicon;
use crate::words::{fold, Word};

/// A document's text with its entity mentions in text order.
pub(crate) struct DocView<'d> {
    pub(crate) text: &'d str,
    /// Entity mentions in text order.
    pub(crate) entities: Vec<&'d EntityMention>,
    /// The document's sentences, in text order (the text stage's segmentation).
    sentences: &'d [Sentence],
    /// The article's own outlet, folded to letters and digits: never a link of a chain.
    outlet_key: Option<String>,
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
        DocView {
            platform_keys,
            text: &doc.text,
            entities,
            sentences: &doc.layers.sentences,
            outlet_key: doc
                .meta
                .outlet
                .as_deref()
                .map(alnum_key)
                .filter(|k| !k.is_empty()),
        }
    }

    pub(crate) fn mentions_in(&self, span: Span) -> impl Iterator<Item = &&'d EntityMention> {
        self.entities.iter().filter(move |e| span.contains(&e.span))
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

    pub(crate) fn mention_starting_at(&self, start: usize) -> Option<&'d EntityMention> {
        self.entities
            .iter()
            .copied()
            .find(|e| e.span.start == start)
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
        matches(&key) || matches(&kb_key)
    }
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
    view.entities
        .iter()
        .rev()
        .filter(|m| m.span.end <= offset && m.label == EntityType::ORG)
        .find(|m| view.is_antecedent(m))
        .copied()
}

/// The latest mention of type `label` ending before `offset`.
pub(crate) fn last_mention_before<'d>(
    view: &DocView<'d>,
    offset: usize,
    label: EntityType,
) -> Option<&'d EntityMention> {
    view.entities
        .iter()
        .rev()
        .find(|m| m.span.end <= offset && m.label == label)
        .copied()
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

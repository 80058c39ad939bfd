//! Quotations across sentences: a quotation opened in an earlier sentence (`QuoteState`), a
//! sentence that continues the previous speaker's quotation, and the kind of a content
//! (direct, mixed, indirect) from its quotation marks.

use recoupe_model::{Attribution, AttributionKind, Polarity, Provenance, Span};

use crate::grammar::{quoted_mask, span_of, trim_range};
use crate::speakers::SpeakerRef;
use crate::words::{Word, WordKind};
use crate::STAGE;

/// A sentence that is one quotation right after a sentence with attributions continues
/// the previous speaker's words.
pub(crate) fn quote_continuation(
    words: &[Word],
    sentence: Span,
    inside_new_paragraph: bool,
    previous: Option<&Attribution>,
    last_speaker: Option<&SpeakerRef>,
) -> Option<Attribution> {
    let content = if is_quotation(words) {
        quote_inner(words).unwrap_or(sentence)
    } else if inside_new_paragraph {
        // A new paragraph inside a quotation opened before: the quotation goes on, up to
        // its closing mark.
        let end = words
            .iter()
            .position(|w| w.kind == WordKind::CloseQuote)
            .map_or(words.len() - 1, |k| k.saturating_sub(1));
        let (a, b) = trim_range(words, 0, end)?;
        span_of(words, a, b)
    } else {
        return None;
    };
    let (prev, last) = (previous?, last_speaker?);
    Some(Attribution {
        content,
        speaker: prev.speaker,
        speaker_entity: last.entity.clone(),
        speaker_unnamed: last.unnamed,
        cue: None,
        kind: AttributionKind::Direct,
        channel: prev.channel.clone(),
        via: prev.via.clone(),
        hedged: false,
        polarity: Polarity::Assert,
        provenance: Provenance::new(STAGE, "quote-continuation"),
    })
}

/// How many sentences a quotation may run on without closing before it is taken for a
/// missing closing mark.
const QUOTE_MAX_SENTENCES: usize = 10;

/// Whether the text is inside a quotation opened in an earlier sentence ("… il raconte :
/// « Nous étions … » spread over several sentences or paragraphs). Only typographic marks
/// count: straight quotes give no direction, and one missing in a long article would put
/// the rest of it inside a quotation. Nested openings count once (a closing mark is often
/// left out of "« … «dans un état critique»").
#[derive(Debug, Default)]
pub(crate) struct QuoteState {
    open: bool,
    sentences_inside: usize,
}

impl QuoteState {
    pub(crate) fn inside(&self) -> bool {
        self.open
    }

    /// Moves past a sentence's quotation marks.
    pub(crate) fn advance(&mut self, words: &[Word]) {
        for (k, w) in words.iter().enumerate() {
            match w.kind {
                // An opening mark right before a comma or the end closes ("Sénégal« ,").
                WordKind::OpenQuote => {
                    let closes = words
                        .get(k + 1)
                        .is_none_or(|n| matches!(n.kind, WordKind::Comma | WordKind::Stop));
                    self.open = !closes;
                }
                WordKind::CloseQuote => self.open = false,
                _ => {}
            }
        }
        if self.inside() {
            self.sentences_inside += 1;
            if self.sentences_inside > QUOTE_MAX_SENTENCES {
                *self = QuoteState::default();
            }
        } else {
            self.sentences_inside = 0;
        }
    }
}

/// A sentence that is a quotation of its own: it opens with a quotation mark and at least
/// four fifths of its (four or more) words are quoted. A short quoted subtitle is not.
fn is_quotation(words: &[Word]) -> bool {
    if !matches!(
        words.first().map(|w| w.kind),
        Some(WordKind::OpenQuote | WordKind::StraightQuote)
    ) {
        return false;
    }
    let quoted = quoted_mask(words);
    let (mut inside, mut total) = (0usize, 0usize);
    for (w, q) in words.iter().zip(&quoted) {
        if w.kind == WordKind::Word {
            total += 1;
            inside += *q as usize;
        }
    }
    total >= 4 && inside * 5 >= total * 4
}

/// The inside of a sentence that is one quotation.
fn quote_inner(words: &[Word]) -> Option<Span> {
    let first = words.first()?;
    let last_quote = words
        .iter()
        .rev()
        .find(|w| matches!(w.kind, WordKind::CloseQuote | WordKind::StraightQuote));
    let end = match last_quote {
        Some(q) if q.start > first.start => q.start,
        _ => words.last()?.end,
    };
    let start = words.get(1)?.start;
    (start < end).then(|| Span::new(start, end))
}

/// Direct when the whole content is one quotation, mixed when part of it is quoted, or when
/// a quoted fragment opening in lowercase is woven into the article's own clause ("a
/// dénoncé « une agression flagrante »", "un plan « digne de ce nom »").
pub(super) fn kind_of(words: &[Word], quoted: &[bool], from: usize, to: usize) -> AttributionKind {
    let inner_words: Vec<usize> = (from..=to)
        .filter(|&k| matches!(words[k].kind, WordKind::Word | WordKind::Elision))
        .collect();
    if inner_words.is_empty() {
        return AttributionKind::Indirect;
    }
    let quoted_count = inner_words.iter().filter(|&&k| quoted[k]).count();
    // A quotation opened before the sentence began counts as opened at its start.
    let opens_at_start = from == 0
        || matches!(
            words[from - 1].kind,
            WordKind::OpenQuote | WordKind::StraightQuote
        );
    let woven = from >= 2
        && matches!(words[from - 2].kind, WordKind::Word | WordKind::Elision)
        && !words[from].capitalised
        && matches!(words[from].kind, WordKind::Word | WordKind::Elision);
    if quoted_count == inner_words.len() && opens_at_start && !woven {
        AttributionKind::Direct
    } else if quoted_count > 0 {
        AttributionKind::Mixed
    } else {
        AttributionKind::Indirect
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::quoted_mask;
    use crate::testutil::{content, contents_and_speaker_keys, doc};
    use crate::words::scan;
    use recoupe_model::{AttributionKind, EntityType};

    #[test]
    fn multi_sentence_quote_keeps_its_speaker() {
        let d = doc(
            "« Les routes sont coupées », a déclaré Omar Saleh. « Nous manquons de carburant depuis une semaine. »",
            None,
            &[("Omar Saleh", EntityType::PER, "per:saleh")],
        );
        assert_eq!(
            d.layers.attributions.len(),
            2,
            "{:?}",
            d.layers.attributions
        );
        let b = &d.layers.attributions[1];
        assert_eq!(b.speaker_entity.as_deref(), Some("per:saleh"));
        assert_eq!(b.kind, AttributionKind::Direct);
    }

    #[test]
    fn kind_is_direct_only_for_a_whole_quotation() {
        let text = "« tout est calme » et « rien ne bouge » ici";
        let w = scan(text, 0, text.len());
        let q = quoted_mask(&w);
        assert_eq!(kind_of(&w, &q, 1, 3), AttributionKind::Direct);
        assert_eq!(kind_of(&w, &q, 1, w.len() - 1), AttributionKind::Mixed);
        assert_eq!(
            kind_of(&w, &q, w.len() - 1, w.len() - 1),
            AttributionKind::Indirect
        );
        // A lowercase fragment woven into the clause is mixed; a quoted sentence after a
        // colon stays direct.
        let text = "Le maire a dénoncé « une provocation » hier ; il a dit : « Nous tiendrons »";
        let w = scan(text, 0, text.len());
        let q = quoted_mask(&w);
        let at = |word: &str| w.iter().position(|x| x.folded == word).unwrap();
        assert_eq!(
            kind_of(&w, &q, at("une"), at("provocation")),
            AttributionKind::Mixed
        );
        assert_eq!(
            kind_of(&w, &q, at("nous"), at("tiendrons")),
            AttributionKind::Direct
        );
    }

    #[test]
    fn issue13_a_quotation_running_over_paragraphs_is_never_unsourced() {
        let d = doc(
            "Le maire Paul Ronan décrit la nuit : « L'eau est montée en dix minutes, nous avons évacué l'école.\nLes pompiers sont arrivés à l'aube. Personne n'a dormi. »\nLa route a rouvert mardi.",
            None,
            &[("Paul Ronan", EntityType::PER, "per:ronan")],
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(unsourced, vec!["La route a rouvert mardi."]);
        // The new paragraph inside the quotation goes on with the same speaker.
        let continued = d
            .layers
            .attributions
            .iter()
            .find(|a| content(&d, a).starts_with("Les pompiers"))
            .expect("continuation");
        assert_eq!(continued.speaker_entity.as_deref(), Some("per:ronan"));
        assert_eq!(continued.kind, AttributionKind::Direct);
    }

    #[test]
    fn issue13_each_paragraph_of_a_long_quotation_is_its_speaker_s() {
        // Paragraphs of two sentences each, inside one quotation opened in the first.
        let d = doc(
            "La directrice Anne Morel raconte : « Le toit a cédé vers minuit, les élèves dormaient.\nNous avons appelé les secours. Ils sont venus vite.\nLe gymnase est détruit. Les cours reprendront ailleurs.\nNous remercions les voisins. Ils ont tout donné. »\nLa commune a voté une aide.",
            None,
            &[("Anne Morel", EntityType::PER, "per:morel")],
        );
        let found = contents_and_speaker_keys(&d);
        for opening in [
            "Nous avons appelé",
            "Le gymnase est détruit",
            "Nous remercions",
        ] {
            assert!(
                found
                    .iter()
                    .any(|(c, s)| c.starts_with(opening) && *s == Some("per:morel")),
                "{opening}: {found:#?}"
            );
        }
        // The second sentence of a paragraph is part of that paragraph's statement.
        assert!(!found.iter().any(|(c, _)| c.starts_with("Ils sont venus")));
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(unsourced, vec!["La commune a voté une aide."]);
    }

    #[test]
    fn issue13_an_opening_mark_used_as_a_closing_one_closes() {
        let d = doc(
            "« Le scrutin est validé« , indique un arrêt du Conseil.\nLe nouveau président prêtera serment mardi.",
            None,
            &[],
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(
            unsourced,
            vec!["Le nouveau président prêtera serment mardi."]
        );
    }
}

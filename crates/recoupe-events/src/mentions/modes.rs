//! The modes a document names for the story record, and the words that only describe what
//! someone claims or denies (quoted accusations, a denied act).

use super::*;

/// Modes of category `event_type` that the document's sentences name anywhere ("les
/// assaillants étaient armés de machettes"), for the story record. A sentence that dates
/// something more than `RECALLED_DAYS` before `event_day` recalls an earlier event ("depuis
/// l'assassinat du président en 2021"): its modes are that event's. Words an accuser is
/// quoted with ("accusé d'avoir commis « un massacre »") are his description, not the
/// reports'.
pub(crate) fn document_modes(
    lex: &Lexicon,
    kb: &Reference,
    doc: &Document,
    event_type: EventType,
    event_day: Option<chrono::NaiveDate>,
) -> Vec<String> {
    let all = document_words(doc);
    let analyser = Analyser { lex, kb };
    let mut names: Vec<Span> = doc.layers.entities.iter().map(|m| m.span).collect();
    names.sort_by_key(|m| m.start);
    let mut modes = Vec::new();
    for sentence in &doc.layers.sentences {
        let words = words_of(&all, sentence.span);
        if words.is_empty() {
            continue;
        }
        let recalls = event_day.is_some_and(|event| {
            doc.layers.dates.iter().any(|d| {
                sentence.span.contains(&d.span)
                    && d.value
                        .as_deref()
                        .and_then(crate::record::last_day)
                        .is_some_and(|day| (event - day).num_days() > crate::record::RECALLED_DAYS)
            })
        });
        if recalls {
            continue;
        }
        // The same cues as the mentions read (`Analyser::find_cues`), so a mode is framed
        // here exactly when it is in the sentence's own event mentions.
        let first = names.partition_point(|m| m.start < sentence.span.start);
        let here: Vec<Span> = names[first..]
            .iter()
            .take_while(|m| m.start < sentence.span.end)
            .filter(|m| m.end <= sentence.span.end)
            .copied()
            .collect();
        let inside_name = |w: &Word| {
            here.iter()
                .any(|m| m.start <= w.span.start && w.span.end <= m.end)
        };
        let cues = analyser.find_cues(words, &inside_name);
        let framed = framed_words(words, &cues);
        let framed = |k: usize| framed[k];
        for mode in analyser.mode_cues(words, (0, words.len()), event_type, &framed) {
            if !modes.contains(&mode) {
                modes.push(mode);
            }
        }
    }
    modes
}

/// For each word of a sentence, whether it is framed by the sentence's cues (from
/// `Analyser::find_cues`): between quotation marks in a sentence that accuses someone, or in
/// the act someone denies having done. A framed word describes what is claimed or denied,
/// not how the event was done. One definition for the mentions and `document_modes`.
pub(super) fn framed_words(words: &[Word], cues: &[(usize, usize, Role)]) -> Vec<bool> {
    let accused = cues.iter().any(|c| c.2 != Role::Own);
    let quoted = inside_quotes(words);
    let denied_from = denied_act(words, cues.iter().map(|c| (c.1, c.2)));
    (0..words.len())
        .map(|k| (accused && quoted[k]) || denied_from.is_some_and(|d| k >= d))
        .collect()
}

/// The first word of an act someone denies having done ("a démenti avoir exécuté des
/// prisonniers", "nie d'avoir tiré"): from `(end of cue, role)` pairs, the word after the
/// infinitive "avoir" that follows a denial. What comes after describes the denied act, not
/// how the event was done.
pub(super) fn denied_act(
    words: &[Word],
    cues: impl Iterator<Item = (usize, Role)>,
) -> Option<usize> {
    cues.filter(|(_, role)| *role == Role::Deny)
        .find_map(|(end, _)| {
            let mut k = end;
            if words.get(k).is_some_and(|w| w.folded == "d'") {
                k += 1;
            }
            words
                .get(k)
                .is_some_and(|w| w.folded == "avoir")
                .then_some(k + 1)
        })
}

/// For each word of a sentence, whether it stands between quotation marks ("« un massacre
/// délibéré »"); straight quotes open and close in turn.
pub(super) fn inside_quotes(words: &[Word]) -> Vec<bool> {
    let mut inside = false;
    words
        .iter()
        .map(|w| {
            if w.kind == recoupe_model::TokenKind::Quote {
                inside = match w.folded.as_str() {
                    "«" | "“" => true,
                    "»" | "”" => false,
                    _ => !inside,
                };
                false
            } else {
                inside
            }
        })
        .collect()
}

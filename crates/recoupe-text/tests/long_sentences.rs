//! The guard against pathological input: no sentence longer than MAX_SENTENCE_TOKENS.

use recoupe_model::TokenKind;
use recoupe_text::{analyze, MAX_SENTENCE_TOKENS};

/// Token counts of each sentence of `text`.
fn sentence_lengths(text: &str) -> Vec<usize> {
    let a = analyze(text);
    a.sentences
        .iter()
        .map(|s| {
            a.tokens
                .iter()
                .filter(|t| s.span.start <= t.span.start && t.span.end <= s.span.end)
                .count()
        })
        .collect()
}

#[test]
fn a_text_without_punctuation_is_cut_into_bounded_sentences() {
    let words = [
        "les",
        "forces",
        "de",
        "sécurité",
        "ont",
        "bouclé",
        "le",
        "secteur",
    ];
    let text: Vec<&str> = words.iter().cycle().take(2_000).copied().collect();
    let text = text.join(" ");
    let lengths = sentence_lengths(&text);
    assert!(
        lengths.iter().all(|&n| n <= MAX_SENTENCE_TOKENS),
        "{lengths:?}"
    );
    // Every token is in exactly one piece, and pieces are as long as allowed.
    assert_eq!(lengths.iter().sum::<usize>(), 2_000);
    assert_eq!(lengths.len(), 2_000usize.div_ceil(MAX_SENTENCE_TOKENS));
    let a = analyze(&text);
    // Cut pieces are no headlines; the rest keeps the rule of a line without final
    // punctuation.
    let pieces = &a.sentences[..a.sentences.len() - 1];
    assert!(pieces.iter().all(|s| !s.headline));
    assert!(a
        .sentences
        .windows(2)
        .all(|p| p[0].span.end < p[1].span.start));
}

#[test]
fn an_overlong_sentence_is_cut_after_a_comma_of_its_second_half() {
    // Clauses of 10 tokens (9 words and a comma), 100 clauses: 1,000 tokens, then a period.
    let clause = "le convoi est reparti vers la frontière avant midi ,";
    let text = format!("{} fin.", vec![clause; 100].join(" "));
    let a = analyze(&text);
    let lengths = sentence_lengths(&text);
    assert!(lengths.len() > 1);
    assert!(
        lengths.iter().all(|&n| n <= MAX_SENTENCE_TOKENS),
        "{lengths:?}"
    );
    // Every piece but the last ends on a comma.
    for s in &a.sentences[..a.sentences.len() - 1] {
        assert!(
            text[..s.span.end].ends_with(','),
            "{:?}",
            &text[s.span.start..s.span.end]
        );
    }
    let last = a.sentences.last().unwrap();
    assert!(text[..last.span.end].ends_with('.'));
    assert!(a.tokens.iter().any(|t| t.kind == TokenKind::Punct));
}

#[test]
fn sentences_of_real_length_are_not_cut() {
    let sentence = "Le ministère de la Défense a annoncé mardi que les forces de sécurité \
        avaient bouclé le secteur, tandis que les autorités locales, citées par l'agence \
        officielle, affirmaient que le convoi venait de Syrie et qu'aucun civil n'avait été \
        blessé lors de l'opération menée dans la nuit.";
    let a = analyze(sentence);
    assert_eq!(a.sentences.len(), 1);
}

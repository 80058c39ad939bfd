//! The whole pipeline on arbitrary text: it never panics, and every span of every layer
//! lies inside the text on character boundaries.

use proptest::prelude::*;
use recoupe_model::{Document, Metadata, Origin, OriginKind, Span};

fn run(text: &str) -> Document {
    let pipeline = recoupe_pipeline::french_news().expect("the standard pipeline is valid");
    let mut doc = Document::new(
        text.to_string(),
        Metadata::new(Origin {
            kind: OriginKind::Text,
            path: "proptest".into(),
            record: None,
        }),
    );
    pipeline
        .run(&mut doc)
        .expect("the pipeline runs on any text");
    doc
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside the text"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on character boundaries"
    );
}

fn check(text: &str) {
    let doc = run(text);
    let t = &doc.text;
    let layers = &doc.layers;
    for s in &layers.sentences {
        assert_span(t, s.span, "sentence");
    }
    for m in &layers.entities {
        assert_span(t, m.span, "entity");
    }
    for p in &layers.places {
        assert_span(t, p.span, "place");
    }
    for d in &layers.dates {
        assert_span(t, d.span, "date");
    }
    for q in &layers.quantities {
        assert_span(t, q.span, "quantity");
    }
    for a in &layers.attributions {
        assert_span(t, a.content, "attribution content");
        for span in a.speaker.iter().chain(a.cue.iter()) {
            assert_span(t, *span, "attribution speaker/cue");
        }
    }
    for u in &layers.unsourced {
        assert_span(t, u.span, "unsourced");
    }
}

/// Pieces of French news text, recombined at random: the rules fire far more often on
/// these than on uniform random characters.
const PIECES: &[&str] = &[
    "Selon ",
    "l'agence ",
    "Reuters",
    ", ",
    ". ",
    "« ",
    " »",
    "\"",
    "a déclaré ",
    "a-t-il ajouté",
    "le ministre ",
    "Karim Haddad",
    "Deir ez-Zor",
    "al-Anbar",
    " que ",
    "citant ",
    "cité par ",
    "une source ",
    "sécuritaire",
    "aurait ",
    "seraient ",
    "10.000",
    "1 500",
    "une quinzaine ",
    "ce vendredi 18 janvier",
    "hier",
    "du 3 au 5 mars",
    " -- ",
    "BEYROUTH (Liban), ",
    "é",
    "É",
    "’",
    "\u{a0}",
    "\n",
    "—",
    "vie-publique.fr",
    "la mer Rouge",
    "Les Houthis",
    "avec AFP",
    "lui",
    "sans doute ",
    "M. ",
    "37e brigade",
    "Telegram ",
    "Tymur Tkachenko",
    "à ",
    "sur ",
    "qui ",
];

proptest! {
    // 48 cases by default (the whole pipeline per case); PROPTEST_CASES=N for a longer run.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48)
    ))]

    #[test]
    fn any_text_is_safe(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn recombined_news_pieces_are_safe(indices in prop::collection::vec(0..PIECES.len(), 0..80)) {
        let text: String = indices.iter().map(|&i| PIECES[i]).collect();
        check(&text);
    }
}

//! Property tests: the stages never panic, and every span lies on char boundaries inside
//! the text, in order and without overlap, whatever the input.

use chrono::NaiveDate;
use proptest::prelude::*;
use recoupe_model::{DateSource, Document, Metadata, Origin, OriginKind, Published, Span, Stage};
use recoupe_values::{DateStage, QuantityStage};

fn check_spans(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let mut previous_end = 0;
    for span in spans {
        prop_assert!(span.start < span.end, "empty span {span:?}");
        prop_assert!(
            span.slice(text).is_some(),
            "span {span:?} not on char boundaries of {text:?}"
        );
        prop_assert!(span.start >= previous_end, "overlapping spans in {text:?}");
        previous_end = span.end;
    }
    Ok(())
}

/// Pieces that exercise the rules, mixed with arbitrary text.
fn french_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("mardi ".to_string()),
        Just("ce vendredi 18 janvier ".to_string()),
        Just("1er mars ".to_string()),
        Just("du 3 au 5 mars ".to_string()),
        Just("de 2014 à 2017 ".to_string()),
        Just("il y a trois jours ".to_string()),
        Just("l'an dernier ".to_string()),
        Just("plus de 10.000 combattants ".to_string()),
        Just("1\u{a0}500 ".to_string()),
        Just("une quinzaine de ".to_string()),
        Just("des centaines de ".to_string()),
        Just("près d’un million d’".to_string()),
        Just("un mort ".to_string()),
        Just("entre 20 et ".to_string()),
        Just("31/02/2019 ".to_string()),
        Just("99 février ".to_string()),
        "\\PC{0,12}",
    ]
}

fn run(text: String, published: Option<NaiveDate>) -> Result<(), TestCaseError> {
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Text,
        path: "proptest".into(),
        record: None,
    });
    meta.published = published.map(|date| Published {
        date,
        source: DateSource::Metadata,
        inferred_from: None,
    });
    let mut doc = Document::new(text, meta);
    DateStage.run(&mut doc).expect("date stage never fails");
    QuantityStage
        .run(&mut doc)
        .expect("quantity stage never fails");
    let dates: Vec<Span> = doc.layers.dates.iter().map(|d| d.span).collect();
    let quantities: Vec<Span> = doc.layers.quantities.iter().map(|q| q.span).collect();
    check_spans(&doc.text, &dates)?;
    check_spans(&doc.text, &quantities)?;
    // the quantity stage reuses the Dates layer when present: same result as on its own
    let alone = recoupe_values::quantities::find_quantities(&doc.text);
    prop_assert_eq!(&doc.layers.quantities, &alone);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}", day in 0i64..40000) {
        let published = NaiveDate::from_ymd_opt(1950, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(day as u64)));
        run(text, published)?;
    }

    #[test]
    fn french_like_text_never_panics(pieces in prop::collection::vec(french_piece(), 0..20), with_date in any::<bool>()) {
        let published = with_date.then(|| NaiveDate::from_ymd_opt(2019, 3, 13)).flatten();
        run(pieces.concat(), published)?;
    }
}

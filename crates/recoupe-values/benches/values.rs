//! Throughput of the two stages on a synthetic report written for this bench.
//! Run: `cargo bench -p recoupe-values --bench values`.

use chrono::NaiveDate;
use recoupe_model::{DateSource, Document, Metadata, Origin, OriginKind, Published, Stage};
use recoupe_values::{DateStage, QuantityStage};

/// One paragraph with 5 dates and 5 quantities, repeated to article size.
const PARAGRAPH: &str = "Le ministère a annoncé mardi que plus de 1 200 soldats et une vingtaine de \
blindés avaient été déployés le 3 mars 2021, selon un bilan publié hier. L'attaque de la semaine \
dernière a fait un mort et 14 blessés, dont des enfants, à 30 km de la frontière. Le budget atteint \
2,5 milliards d'euros depuis 2019, contre environ 900 millions d'euros l'an dernier. Ils sont âgés de 20 ans. ";

fn document(repeats: usize) -> Document {
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Text,
        path: "bench".into(),
        record: None,
    });
    meta.published = Some(Published {
        date: NaiveDate::from_ymd_opt(2021, 3, 10).expect("valid date"),
        source: DateSource::Metadata,
        inferred_from: None,
    });
    Document::new(PARAGRAPH.repeat(repeats), meta)
}

fn main() {
    // The bench is meaningless if the stages stop finding things: check the counts first.
    let mut doc = document(1);
    DateStage.run(&mut doc).expect("dates run");
    QuantityStage.run(&mut doc).expect("quantities run");
    assert_eq!(doc.layers.dates.len(), 6, "{:#?}", doc.layers.dates);
    assert_eq!(
        doc.layers.quantities.len(),
        7,
        "{:#?}",
        doc.layers.quantities
    );
    divan::main();
}

#[divan::bench(args = [1, 10, 100])]
fn dates(bencher: divan::Bencher, repeats: usize) {
    let template = document(repeats);
    bencher
        .counter(divan::counter::BytesCount::new(template.text.len()))
        .with_inputs(|| template.clone())
        .bench_local_values(|mut doc| {
            DateStage.run(&mut doc).expect("dates run");
            doc.layers.dates.len()
        });
}

#[divan::bench(args = [1, 10, 100])]
fn quantities(bencher: divan::Bencher, repeats: usize) {
    let template = document(repeats);
    bencher
        .counter(divan::counter::BytesCount::new(template.text.len()))
        .with_inputs(|| template.clone())
        .bench_local_values(|mut doc| {
            QuantityStage.run(&mut doc).expect("quantities run");
            doc.layers.quantities.len()
        });
}

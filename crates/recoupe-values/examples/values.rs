//! Prints the dates and quantities the stages find, one input per line of stdin:
//! `[YYYY-MM-DD<TAB>]text` (the optional date is the publication date).
//!
//! `echo -e "2019-03-13\tIl est arrivé mardi avec 300 soldats." | cargo run -p recoupe-values --example values`

use std::io::BufRead;

use chrono::NaiveDate;
use recoupe_model::{DateSource, Document, Metadata, Origin, OriginKind, Published, Stage};
use recoupe_values::{DateStage, QuantityStage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let (published, text) = match line.split_once('\t') {
            Some((date, text)) => match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                Ok(date) => (Some(date), text.to_string()),
                Err(_) => (None, line.clone()),
            },
            None => (None, line.clone()),
        };
        let mut meta = Metadata::new(Origin {
            kind: OriginKind::Stdin,
            path: "-".into(),
            record: None,
        });
        meta.published = published.map(|date| Published {
            date,
            source: DateSource::Metadata,
            inferred_from: None,
        });
        let mut doc = Document::new(text, meta);
        DateStage.run(&mut doc)?;
        QuantityStage.run(&mut doc)?;
        println!("> {}", doc.text);
        if let Some(p) = doc
            .meta
            .published
            .filter(|p| p.source == DateSource::Inferred)
        {
            println!("  published (inferred) {}", p.date);
        }
        for d in &doc.layers.dates {
            println!(
                "  date {:?} = {:?} [{}]",
                doc.slice(d.span),
                d.value,
                d.provenance.rule
            );
        }
        for q in &doc.layers.quantities {
            println!(
                "  qty  {:?} = {:?} {:?} {:?}",
                doc.slice(q.span),
                q.value,
                q.qualifier,
                q.unit.as_deref().unwrap_or("")
            );
        }
    }
    Ok(())
}

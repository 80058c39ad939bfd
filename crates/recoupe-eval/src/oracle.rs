//! Documents whose layers are copied from the gold: a reference "system" for checking the
//! scorer itself (it must score 1.0 everywhere) and for seeing what a perfect run looks like.

use recoupe_model::{
    Attribution, DateMention, Document, EntityMention, Granularity, Layer, Nationality, Place,
    Provenance, Quantity, Span, Unsourced,
};

use crate::corpus::Corpus;
use crate::locate::{locate_gold, LocatedGold};

const STAGE: &str = "gold-oracle";

fn provenance() -> Provenance {
    Provenance::new(STAGE, "gold")
}

fn granularity(value: Option<&str>) -> Granularity {
    match value {
        Some(v) if v.contains('/') => Granularity::Interval,
        Some(v) if v.len() == 4 => Granularity::Year,
        Some(v) if v.len() == 7 => Granularity::Month,
        _ => Granularity::Day,
    }
}

/// Every article that has gold, with the scored layers filled from the gold (entity keys are
/// the gold ids) and marked produced. Gold items that cannot be placed are left out.
pub fn oracle_documents(corpus: &Corpus) -> Vec<Document> {
    let mut out = Vec::new();
    for article in &corpus.articles {
        let Some(id) = article.meta.external_id.as_deref() else {
            continue;
        };
        let Some(gold) = corpus.gold.get(id) else {
            continue;
        };
        let mut doc = Document::new(article.text.clone(), article.meta.clone());
        let located: LocatedGold = locate_gold(&doc.text, gold);
        let layers = &mut doc.layers;
        for (entity, span) in gold.entities.iter().zip(&located.entities) {
            let Ok(span) = span else { continue };
            layers.entities.push(EntityMention {
                span: *span,
                label: entity.label,
                kb: None,
                entity: entity.id.clone(),
                provenance: provenance(),
                evidence: Vec::new(),
            });
        }
        for (nationality, span) in gold.nationalities.iter().zip(&located.nationalities) {
            let Ok(span) = span else { continue };
            layers.nationalities.push(Nationality {
                span: *span,
                country: nationality.country.clone(),
                provenance: provenance(),
            });
        }
        for place in &gold.places {
            let first_mention = gold
                .entities
                .iter()
                .zip(&located.entities)
                .find(|(entity, span)| entity.id == place.id && span.is_ok())
                .and_then(|(_, span)| span.as_ref().ok().copied());
            let Some(span) = first_mention else { continue };
            layers.places.push(Place {
                span,
                entity: place.id.clone(),
                kb: None,
                name: place.name.clone(),
                country: place.country.clone(),
                kind: place.kind,
                lat: place.lat,
                lon: place.lon,
                provenance: provenance(),
                evidence: Vec::new(),
            });
        }
        for (date, span) in gold.dates.iter().zip(&located.dates) {
            let Ok(span) = span else { continue };
            layers.dates.push(DateMention {
                span: *span,
                value: date.value.clone(),
                granularity: granularity(date.value.as_deref()),
                relative: false,
                provenance: provenance(),
            });
        }
        for (quantity, span) in gold.quantities.iter().zip(&located.quantities) {
            let Ok(span) = span else { continue };
            layers.quantities.push(Quantity {
                span: *span,
                value: quantity.value,
                qualifier: quantity.qualifier,
                unit: quantity.unit.clone(),
                provenance: provenance(),
            });
        }
        for (attribution, span) in gold.attributions.iter().zip(&located.attributions) {
            let Ok(span) = span else { continue };
            // An unnamed speaker is the description as written: its last occurrence before
            // the content, else its first anywhere.
            let speaker = match (&attribution.speaker, attribution.speaker_text.as_deref()) {
                (None, Some(text)) if !text.is_empty() => doc.text[..span.start]
                    .rfind(text)
                    .or_else(|| doc.text.find(text))
                    .map(|start| Span::new(start, start + text.len())),
                _ => None,
            };
            layers.attributions.push(Attribution {
                content: *span,
                speaker,
                speaker_entity: attribution.speaker.clone(),
                speaker_unnamed: attribution.speaker.is_none(),
                cue: None,
                kind: attribution.kind,
                channel: None,
                via: attribution.via.clone(),
                hedged: attribution.hedged,
                polarity: recoupe_model::Polarity::Assert,
                provenance: provenance(),
            });
        }
        for span in located.unsourced.iter().flatten() {
            layers.unsourced.push(Unsourced {
                span: *span,
                provenance: provenance(),
            });
        }
        for layer in [
            Layer::Entities,
            Layer::Nationalities,
            Layer::Places,
            Layer::Dates,
            Layer::Quantities,
            Layer::Attributions,
            Layer::Unsourced,
        ] {
            doc.mark_produced(layer);
        }
        out.push(doc);
    }
    out
}

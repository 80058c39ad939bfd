//! Hand-built documents for the unit tests of every module: sentences split at line ends
//! and sentence stops, entity mentions given explicitly, so that the tests exercise this
//! stage alone.

use recoupe_model::{
    Attribution, Document, EntityMention, EntityType, Layer, Metadata, Origin, OriginKind,
    Provenance, Sentence, Span, Stage,
};

use crate::AttributionStage;

pub(crate) fn doc(
    text: &str,
    outlet: Option<&str>,
    entities: &[(&str, EntityType, &str)],
) -> Document {
    build(text, outlet, entities, false)
}

/// As `doc`, with the first line marked as the headline.
pub(crate) fn headed_doc(text: &str, entities: &[(&str, EntityType, &str)]) -> Document {
    build(text, None, entities, true)
}

fn build(
    text: &str,
    outlet: Option<&str>,
    entities: &[(&str, EntityType, &str)],
    headline: bool,
) -> Document {
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Text,
        path: "test".into(),
        record: None,
    });
    meta.outlet = outlet.map(str::to_string);
    let mut d = Document::new(text.to_string(), meta);
    // Sentences: split after ". " / "» " / newline, but not inside « ».
    let mut start = 0;
    let mut depth = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, c)) in bytes.iter().enumerate() {
        match c {
            '«' => depth += 1,
            '»' => depth -= 1,
            _ => {}
        }
        let next_is_space = bytes.get(n + 1).is_none_or(|(_, c)| c.is_whitespace());
        let ends = c == '\n' || (depth == 0 && matches!(c, '.' | '?' | '!') && next_is_space);
        if ends || n + 1 == bytes.len() {
            let end = if c == '\n' { i } else { i + c.len_utf8() };
            let s = text[start..end].trim();
            if !s.is_empty() {
                let offset = start + text[start..end].find(s).unwrap();
                d.layers.sentences.push(Sentence {
                    span: Span::new(offset, offset + s.len()),
                    headline: false,
                });
            }
            start = i + c.len_utf8();
        }
    }
    let mut cursor = 0;
    for (surface, label, key) in entities {
        let at = cursor + text[cursor..].find(surface).expect("entity in text");
        d.layers.entities.push(EntityMention {
            span: Span::new(at, at + surface.len()),
            label: *label,
            kb: None,
            entity: key.to_string(),
            provenance: Provenance::new("test", "given"),
            evidence: vec![],
        });
        cursor = at + surface.len();
    }
    if let Some(first) = d.layers.sentences.first_mut() {
        first.headline = headline;
    }
    d.mark_produced(Layer::Sentences);
    d.mark_produced(Layer::Entities);
    AttributionStage::new().run(&mut d).unwrap();
    d
}

pub(crate) fn content(d: &Document, a: &Attribution) -> String {
    d.slice(a.content).to_string()
}

/// The contents of every attribution of `d`, in order.
pub(crate) fn contents(d: &Document) -> Vec<String> {
    d.layers
        .attributions
        .iter()
        .map(|a| content(d, a))
        .collect()
}

/// The content of every attribution of `d` with its speaker's entity key, in order.
pub(crate) fn contents_and_speaker_keys(d: &Document) -> Vec<(String, Option<&str>)> {
    d.layers
        .attributions
        .iter()
        .map(|a| (content(d, a), a.speaker_entity.as_deref()))
        .collect()
}

/// The attribution whose content starts with `start` (the test fails naming the
/// attributions found when there is none).
pub(crate) fn starting<'d>(d: &'d Document, start: &str) -> &'d Attribution {
    d.layers
        .attributions
        .iter()
        .find(|a| content(d, a).starts_with(start))
        .unwrap_or_else(|| panic!("{start}: {:#?}", d.layers.attributions))
}

/// Each attribution of a document built from `text` and `entities`, as its content and its
/// speaker as written.
pub(crate) fn contents_and_speakers(
    text: &str,
    entities: &[(&str, EntityType, &str)],
) -> Vec<(String, Option<String>)> {
    found_in(&doc(text, None, entities))
}

/// Each attribution of `d` as its content and its speaker as written.
pub(crate) fn found_in(d: &Document) -> Vec<(String, Option<String>)> {
    d.layers
        .attributions
        .iter()
        .map(|a| (content(d, a), a.speaker.map(|s| d.slice(s).to_string())))
        .collect()
}

/// A content with its speaker as written, as `found_in` gives them.
pub(crate) fn pair(content: &str, speaker: &str) -> (String, Option<String>) {
    (content.to_string(), Some(speaker.to_string()))
}

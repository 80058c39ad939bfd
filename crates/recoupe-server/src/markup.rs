//! An article's text with every span marked, like displaCy: entities, nationalities,
//! dates and quantities inline with their type; attributions (speaker, cue, content) and
//! unsourced sentences as ranges around them.
//!
//! Spans overlap freely (a date inside a quotation, a quotation across two sentences, a
//! speaker that is also an entity), and HTML elements must nest. The marks are opened in
//! text order, outer kinds first; a mark that would cross the end of the one it opened in
//! is cut there and continued after it, so every piece nests and each keeps its mark's
//! `data-ref`. Every piece of text is escaped here, since this HTML reaches the page as is.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use recoupe_app::query::CopyOf;
use recoupe_model::{Document, Span};
use serde::Serialize;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than line breaks and tabs have no business in a
            // page; they are dropped rather than passed to the browser.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
}

/// The link to an entity's page.
pub fn entity_href(key: &str) -> String {
    format!("/entity/{}", path_segment(key))
}

/// A path segment with everything but letters and digits percent-encoded.
pub fn path_segment(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// A query-string value.
pub fn query_value(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Outer marks first when two start together and end together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Depth {
    /// A passage copied from or into another article: it may span several sentences.
    Copy = 0,
    Sentence = 1,
    Content = 2,
    Speaker = 3,
    Inline = 4,
}

struct Mark {
    span: Span,
    depth: Depth,
    /// Detail this mark opens, `data-ref`.
    reference: String,
    /// CSS classes (from a fixed vocabulary, never from the text).
    class: String,
    /// Hover text (escaped when written).
    title: String,
    /// Label shown after the text (displaCy's tag), for inline marks.
    tag: Option<String>,
}

/// One line of a detail: a label, a value and an optional link (always one of ours).
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub label: &'static str,
    pub value: String,
    pub href: Option<String>,
}

/// What clicking a mark shows.
#[derive(Debug, Clone, Serialize)]
pub struct Detail {
    pub reference: String,
    pub heading: String,
    pub kind: &'static str,
    pub fields: Vec<Field>,
    /// The evidence of the decision, as the stage recorded it.
    pub evidence: Vec<String>,
}

/// An attribution in the side panel.
#[derive(Debug, Clone, Serialize)]
pub struct AttributionRow {
    pub reference: String,
    pub speaker: Option<String>,
    pub speaker_href: Option<String>,
    pub unnamed: bool,
    pub content: String,
    pub kind: String,
    pub channel: Option<String>,
    /// Outlets or intermediaries, nearest first: name and link.
    pub via: Vec<(String, String)>,
    pub hedged: bool,
    /// `assert`, `deny`, `confirm` or `no_comment`.
    pub polarity: String,
}

/// An unsourced sentence in the side panel.
#[derive(Debug, Clone, Serialize)]
pub struct UnsourcedRow {
    pub reference: String,
    pub text: String,
}

/// An entity of the article, with its mentions counted.
#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    pub key: String,
    pub href: String,
    pub name: String,
    pub label: String,
    pub mentions: usize,
}

/// Another article this one shares copied passages with, in the side panel.
#[derive(Debug, Clone, Serialize)]
pub struct CopyRow {
    pub href: String,
    pub title: String,
    pub outlet: String,
    pub passages: usize,
    /// Share of this text, and of the other, inside the passages (percent).
    pub share: u32,
    pub other_share: u32,
    /// `this one`, `that one`, or empty when the dates do not tell.
    pub earlier: &'static str,
    /// `data-ref` of its first passage mark.
    pub first_ref: String,
}

/// The article page's content.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    /// The text, marked and escaped.
    pub html: String,
    pub details: Vec<Detail>,
    pub attributions: Vec<AttributionRow>,
    pub unsourced: Vec<UnsourcedRow>,
    pub entities: Vec<EntityRow>,
    pub copies: Vec<CopyRow>,
    /// Marks per kind, for the layer switches.
    pub counts: BTreeMap<&'static str, usize>,
    /// Spans that could not be shown (outside the text or not on a character boundary).
    pub skipped: usize,
}

const CLIP: usize = 220;

/// `text` trimmed and cut to `chars` characters, with an ellipsis when cut.
pub fn shorten(text: &str, chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(chars).collect();
    cut.push('…');
    cut
}

fn rule(stage: &str, rule: &str) -> Field {
    Field {
        label: "rule",
        value: format!("{stage} · {rule}"),
        href: None,
    }
}

fn field(label: &'static str, value: impl Into<String>) -> Field {
    Field {
        label,
        value: value.into(),
        href: None,
    }
}

/// A readable name for an entity key of this document: its first mention's text.
fn name_of(doc: &Document, key: &str) -> String {
    doc.layers
        .entities
        .iter()
        .find(|m| m.entity == key)
        .and_then(|m| {
            m.kb.as_ref()
                .and_then(|kb| kb.name.clone())
                .or_else(|| Some(doc.slice(m.span).to_string()))
        })
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| key.to_string())
}

/// Builds the marks, details and side panel of `doc`; `copies` are the articles it shares
/// copied passages with (from the cross-article layer), each passage marked in the text.
pub fn article_view(doc: &Document, copies: &[CopyOf]) -> ArticleView {
    let layers = &doc.layers;
    let mut marks: Vec<Mark> = Vec::new();
    let mut details: Vec<Detail> = Vec::new();
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();

    let mut copy_rows = Vec::new();
    for (i, c) in copies.iter().enumerate() {
        let other = c
            .other_title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| c.other.chars().take(12).collect());
        let outlet = c.other_outlet.clone().unwrap_or_default();
        let href = format!("/doc/{}", path_segment(&c.other));
        let earlier = match c.origin.as_deref() {
            Some(o) if o == doc.id.as_str() => "this one",
            Some(_) => "that one",
            None => "",
        };
        for (j, p) in c.passages.iter().enumerate() {
            let reference = format!("c{i}-{j}");
            marks.push(Mark {
                span: p.here,
                depth: Depth::Copy,
                reference: reference.clone(),
                class: "m k-copy".into(),
                title: format!(
                    "shared with {other}{}",
                    if outlet.is_empty() {
                        String::new()
                    } else {
                        format!(" ({outlet})")
                    }
                ),
                tag: None,
            });
            let mut fields = vec![
                Field {
                    label: "shared with",
                    value: other.clone(),
                    href: Some(href.clone()),
                },
                field("outlet", outlet.clone()),
                field("words", p.words.to_string()),
                field(
                    "there",
                    format!("bytes {}..{} of that text", p.there.start, p.there.end),
                ),
            ];
            if !earlier.is_empty() {
                fields.push(field("published first", earlier));
            }
            details.push(Detail {
                reference,
                heading: format!("copied passage · {}", shorten(doc.slice(p.here), 100)),
                kind: "copy",
                fields,
                evidence: Vec::new(),
            });
            *counts.entry("copy").or_default() += 1;
        }
        copy_rows.push(CopyRow {
            href,
            title: other,
            outlet,
            passages: c.passages.len(),
            share: (100.0 * c.share).round() as u32,
            other_share: (100.0 * c.other_share).round() as u32,
            earlier,
            first_ref: format!("c{i}-0"),
        });
    }

    for (i, u) in layers.unsourced.iter().enumerate() {
        let reference = format!("u{i}");
        marks.push(Mark {
            span: u.span,
            depth: Depth::Sentence,
            reference: reference.clone(),
            class: "m k-uns".into(),
            title: "asserted with no source".into(),
            tag: None,
        });
        details.push(Detail {
            reference,
            heading: shorten(doc.slice(u.span), 120),
            kind: "unsourced",
            fields: vec![
                field(
                    "reading",
                    "a factual sentence the article asserts with no source",
                ),
                rule(&u.provenance.stage, &u.provenance.rule),
            ],
            evidence: Vec::new(),
        });
        *counts.entry("unsourced").or_default() += 1;
    }

    let mut attributions = Vec::new();
    for (i, a) in layers.attributions.iter().enumerate() {
        let reference = format!("a{i}");
        let speaker = a.speaker.map(|s| doc.slice(s).to_string());
        let speaker_href = a.speaker_entity.as_deref().map(entity_href);
        let via: Vec<(String, String)> = a
            .via
            .iter()
            .map(|key| (name_of(doc, key), entity_href(key)))
            .collect();
        let kind = serde_json::to_value(a.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let polarity = serde_json::to_value(a.polarity)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let who = speaker.clone().unwrap_or_else(|| "no speaker named".into());
        let title = format!("{who} · {kind}{}", if a.hedged { " · hedged" } else { "" });
        let class = if a.hedged {
            "m k-quote hedged"
        } else {
            "m k-quote"
        };
        marks.push(Mark {
            span: a.content,
            depth: Depth::Content,
            reference: reference.clone(),
            class: class.into(),
            title: title.clone(),
            tag: None,
        });
        if let Some(span) = a.speaker {
            marks.push(Mark {
                span,
                depth: Depth::Speaker,
                reference: reference.clone(),
                class: "m k-spk".into(),
                title: format!("speaker of: {}", shorten(doc.slice(a.content), 80)),
                tag: None,
            });
        }
        if let Some(span) = a.cue {
            marks.push(Mark {
                span,
                depth: Depth::Speaker,
                reference: reference.clone(),
                class: "m k-cue".into(),
                title: format!("cue · {kind}"),
                tag: None,
            });
        }
        let mut fields = vec![Field {
            label: "speaker",
            value: who.clone(),
            href: speaker_href.clone(),
        }];
        if a.speaker_unnamed {
            fields.push(field("speaker is", "a description, not a name"));
        }
        if let Some(key) = &a.speaker_entity {
            fields.push(Field {
                label: "speaker entity",
                value: key.clone(),
                href: Some(entity_href(key)),
            });
        }
        fields.push(field("kind", kind.clone()));
        if let Some(cue) = a.cue {
            fields.push(field("cue", doc.slice(cue)));
        }
        if let Some(channel) = &a.channel {
            fields.push(field("channel", channel.clone()));
        }
        for (name, href) in &via {
            fields.push(Field {
                label: "via",
                value: name.clone(),
                href: Some(href.clone()),
            });
        }
        fields.push(field("polarity", polarity.clone()));
        fields.push(field("hedged", if a.hedged { "yes" } else { "no" }));
        fields.push(rule(&a.provenance.stage, &a.provenance.rule));
        details.push(Detail {
            reference: reference.clone(),
            heading: format!("{who} → « {} »", shorten(doc.slice(a.content), 120)),
            kind: "attribution",
            fields,
            evidence: Vec::new(),
        });
        attributions.push(AttributionRow {
            reference,
            speaker,
            speaker_href,
            unnamed: a.speaker_unnamed,
            content: shorten(doc.slice(a.content), CLIP),
            kind,
            channel: a.channel.clone(),
            via,
            hedged: a.hedged,
            polarity,
        });
        *counts.entry("attribution").or_default() += 1;
    }

    let mut entity_rows: BTreeMap<String, EntityRow> = BTreeMap::new();
    for (i, m) in layers.entities.iter().enumerate() {
        let reference = format!("e{i}");
        let label = m.label.as_str();
        let surface = doc.slice(m.span);
        let target =
            m.kb.as_ref()
                .and_then(|kb| kb.name.clone())
                .unwrap_or_else(|| m.entity.clone());
        let place = layers.places.iter().find(|p| p.entity == m.entity);
        marks.push(Mark {
            span: m.span,
            depth: Depth::Inline,
            reference: reference.clone(),
            class: format!("m k-ent t-{label}"),
            title: format!("{label} · {target}"),
            tag: Some(label.to_string()),
        });
        let mut fields = vec![
            field("type", label),
            Field {
                label: "entity",
                value: m.entity.clone(),
                href: Some(entity_href(&m.entity)),
            },
        ];
        if let Some(kb) = &m.kb {
            fields.push(field(
                "knowledge base",
                format!(
                    "{}:{}{}",
                    kb.kb,
                    kb.id,
                    kb.name
                        .as_deref()
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default()
                ),
            ));
        }
        let mut evidence = m.evidence.clone();
        if let Some(place) = place {
            let kind = serde_json::to_value(place.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            fields.push(field(
                "place",
                format!(
                    "{}{} · {kind}",
                    place.name,
                    place
                        .country
                        .as_deref()
                        .map(|c| format!(", {c}"))
                        .unwrap_or_default()
                ),
            ));
            if let (Some(lat), Some(lon)) = (place.lat, place.lon) {
                fields.push(Field {
                    label: "coordinates",
                    value: format!("{lat:.3}, {lon:.3}"),
                    href: Some(format!("/map?focus={}", query_value(&m.entity))),
                });
            } else {
                fields.push(field("coordinates", "not resolved"));
            }
            evidence.extend(place.evidence.iter().map(|e| format!("place: {e}")));
        }
        fields.push(rule(&m.provenance.stage, &m.provenance.rule));
        details.push(Detail {
            reference,
            heading: surface.to_string(),
            kind: "entity",
            fields,
            evidence,
        });
        let row = entity_rows
            .entry(m.entity.clone())
            .or_insert_with(|| EntityRow {
                key: m.entity.clone(),
                href: entity_href(&m.entity),
                name: m
                    .kb
                    .as_ref()
                    .and_then(|kb| kb.name.clone())
                    .unwrap_or_else(|| surface.to_string()),
                label: label.to_string(),
                mentions: 0,
            });
        row.mentions += 1;
        *counts.entry("entity").or_default() += 1;
    }

    for (i, n) in layers.nationalities.iter().enumerate() {
        let reference = format!("n{i}");
        marks.push(Mark {
            span: n.span,
            depth: Depth::Inline,
            reference: reference.clone(),
            class: "m k-nat".into(),
            title: format!("nationality · {}", n.country),
            tag: Some(n.country.clone()),
        });
        details.push(Detail {
            reference,
            heading: doc.slice(n.span).to_string(),
            kind: "nationality",
            fields: vec![
                field("country", n.country.clone()),
                rule(&n.provenance.stage, &n.provenance.rule),
            ],
            evidence: Vec::new(),
        });
        *counts.entry("nationality").or_default() += 1;
    }

    for (i, d) in layers.dates.iter().enumerate() {
        let reference = format!("d{i}");
        let value = d.value.clone().unwrap_or_else(|| "cannot be placed".into());
        let granularity = serde_json::to_value(d.granularity)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        marks.push(Mark {
            span: d.span,
            depth: Depth::Inline,
            reference: reference.clone(),
            class: "m k-date".into(),
            title: format!("date · {value}"),
            tag: Some("DATE".into()),
        });
        details.push(Detail {
            reference,
            heading: doc.slice(d.span).to_string(),
            kind: "date",
            fields: vec![
                field("value", value),
                field("granularity", granularity),
                field(
                    "reading",
                    if d.relative {
                        "relative to an anchor (publication or a date of the text)"
                    } else {
                        "written in full"
                    },
                ),
                rule(&d.provenance.stage, &d.provenance.rule),
            ],
            evidence: Vec::new(),
        });
        *counts.entry("date").or_default() += 1;
    }

    for (i, q) in layers.quantities.iter().enumerate() {
        let reference = format!("q{i}");
        let value = match q.value {
            recoupe_model::QuantityValue::Single(v) => format!("{v}"),
            recoupe_model::QuantityValue::Range([low, high]) => format!("{low} – {high}"),
        };
        let qualifier = serde_json::to_value(q.qualifier)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        marks.push(Mark {
            span: q.span,
            depth: Depth::Inline,
            reference: reference.clone(),
            class: "m k-qty".into(),
            title: format!(
                "quantity · {value}{}",
                q.unit
                    .as_deref()
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default()
            ),
            tag: Some("QTY".into()),
        });
        let mut fields = vec![field("value", value), field("qualifier", qualifier)];
        if let Some(unit) = &q.unit {
            fields.push(field("unit", unit.clone()));
        }
        fields.push(rule(&q.provenance.stage, &q.provenance.rule));
        details.push(Detail {
            reference,
            heading: doc.slice(q.span).to_string(),
            kind: "quantity",
            fields,
            evidence: Vec::new(),
        });
        *counts.entry("quantity").or_default() += 1;
    }

    let (html, skipped) = render(&doc.text, &marks);
    let mut entities: Vec<EntityRow> = entity_rows.into_values().collect();
    entities.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    let unsourced = layers
        .unsourced
        .iter()
        .enumerate()
        .map(|(i, u)| UnsourcedRow {
            reference: format!("u{i}"),
            text: shorten(doc.slice(u.span), CLIP),
        })
        .collect();
    ArticleView {
        html,
        details,
        attributions,
        unsourced,
        entities,
        copies: copy_rows,
        counts,
        skipped,
    }
}

/// A part of a mark still to be opened.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Piece {
    start: usize,
    longest_first: Reverse<usize>,
    depth: Depth,
    mark: usize,
}

/// The text with `marks` as nested elements; also the number of marks left out because
/// their span is empty, outside the text or not on character boundaries.
fn render(text: &str, marks: &[Mark]) -> (String, usize) {
    let mut out = String::with_capacity(text.len() * 3);
    let mut queue = BinaryHeap::new();
    let mut skipped = 0;
    for (index, mark) in marks.iter().enumerate() {
        let Span { start, end } = mark.span;
        if start >= end
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            skipped += 1;
            continue;
        }
        queue.push(Reverse(Piece {
            start,
            longest_first: Reverse(end),
            depth: mark.depth,
            mark: index,
        }));
    }
    // Open pieces: (end, mark).
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut opened = vec![false; marks.len()];
    let mut pos = 0;
    let close = |out: &mut String, end: usize, mark: usize| {
        let mark = &marks[mark];
        if end == mark.span.end {
            if let Some(tag) = &mark.tag {
                out.push_str("<span class=\"tag\">");
                escape(tag, out);
                out.push_str("</span>");
            }
        }
        out.push_str("</span>");
    };
    while let Some(Reverse(piece)) = queue.pop() {
        while let Some(&(end, mark)) = open.last() {
            if end > piece.start {
                break;
            }
            escape(&text[pos..end], &mut out);
            pos = end;
            close(&mut out, end, mark);
            open.pop();
        }
        escape(&text[pos..piece.start], &mut out);
        pos = piece.start;
        let mark = &marks[piece.mark];
        let limit = open.last().map_or(text.len(), |&(end, _)| end);
        let end = if mark.span.end > limit {
            queue.push(Reverse(Piece {
                start: limit,
                longest_first: Reverse(mark.span.end),
                depth: piece.depth,
                mark: piece.mark,
            }));
            limit
        } else {
            mark.span.end
        };
        out.push_str("<span class=\"");
        out.push_str(&mark.class);
        out.push_str("\" data-ref=\"");
        out.push_str(&mark.reference);
        out.push('"');
        if !opened[piece.mark] {
            opened[piece.mark] = true;
            out.push_str(" id=\"m-");
            out.push_str(&mark.reference);
            if mark.depth == Depth::Speaker {
                out.push_str("-s");
                out.push_str(&piece.mark.to_string());
            }
            out.push('"');
        }
        out.push_str(" title=\"");
        escape(&mark.title, &mut out);
        out.push_str("\">");
        open.push((end, piece.mark));
    }
    while let Some((end, mark)) = open.pop() {
        escape(&text[pos..end], &mut out);
        pos = end;
        close(&mut out, end, mark);
    }
    escape(&text[pos..], &mut out);
    (out, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, depth: Depth, reference: &str) -> Mark {
        Mark {
            span: Span::new(start, end),
            depth,
            reference: reference.into(),
            class: "m".into(),
            title: String::new(),
            tag: None,
        }
    }

    /// The text back from rendered HTML: tags dropped, entities decoded.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    /// Elements open and close in nested order.
    fn balanced(html: &str) -> bool {
        let mut depth = 0i32;
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            rest = &rest[at..];
            if rest.starts_with("</") {
                depth -= 1;
            } else {
                depth += 1;
            }
            if depth < 0 {
                return false;
            }
            rest = &rest[1..];
        }
        depth == 0
    }

    #[test]
    fn crossing_spans_are_cut_and_nest() {
        let text = "abcdefghij";
        let marks = vec![
            mark(0, 6, Depth::Content, "a0"),
            mark(4, 9, Depth::Inline, "e0"),
            mark(2, 3, Depth::Inline, "d0"),
        ];
        let (html, skipped) = render(text, &marks);
        assert_eq!(skipped, 0);
        assert!(balanced(&html), "{html}");
        assert_eq!(text_of(&html), text);
        // e0 is cut at the end of a0 and continued after it.
        assert_eq!(html.matches("data-ref=\"e0\"").count(), 2, "{html}");
        assert_eq!(html.matches("id=\"m-e0\"").count(), 1);
    }

    #[test]
    fn text_is_escaped_and_bad_spans_skipped() {
        let text = "<script>alert('é')</script> & \"x\"";
        let marks = vec![
            mark(0, 8, Depth::Inline, "e0"),
            mark(15, 16, Depth::Inline, "e1"),
        ];
        let (html, skipped) = render(text, &marks);
        // "é" is two bytes (15..17): 15..16 cuts it.
        assert_eq!(skipped, 1);
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert_eq!(text_of(&html), text);
    }

    #[test]
    fn identical_spans_nest_outer_first() {
        let text = "Hussein Qassem a dit";
        let marks = vec![
            mark(0, 14, Depth::Inline, "e0"),
            mark(0, 14, Depth::Speaker, "a0"),
        ];
        let (html, _) = render(text, &marks);
        let a = html.find("data-ref=\"a0\"").unwrap();
        let e = html.find("data-ref=\"e0\"").unwrap();
        assert!(a < e, "{html}");
        assert!(balanced(&html));
    }

    proptest::proptest! {
        #[test]
        fn any_spans_render_balanced_and_keep_the_text(
            text in "[a-zé<>&\" ]{0,40}",
            spans in proptest::collection::vec((0usize..45, 0usize..45, 0u8..4), 0..12),
        ) {
            let marks: Vec<Mark> = spans
                .iter()
                .enumerate()
                .map(|(i, &(a, b, d))| {
                    let depth = [Depth::Sentence, Depth::Content, Depth::Speaker, Depth::Inline][d as usize];
                    Mark {
                        span: Span { start: a.min(b), end: a.max(b) },
                        depth,
                        reference: format!("x{i}"),
                        class: "m".into(),
                        title: "t".into(),
                        tag: Some("T".into()),
                    }
                })
                .collect();
            let (html, _) = render(&text, &marks);
            proptest::prop_assert!(balanced(&html), "{}", html);
            let shown = text_of(&html).replace('T', "");
            proptest::prop_assert_eq!(shown, text.replace('T', ""));
        }
    }
}

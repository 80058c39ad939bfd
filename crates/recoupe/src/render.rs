//! Terminal rendering of one document: the text with its spans marked inline, then one
//! readable list per layer (`recoupe show`).

use std::fmt::Write as _;

use recoupe_app::query::{self, Statement};
use recoupe_model::{Document, Layer, Polarity, Span};

/// ANSI styling, switched off when stdout is not a terminal or `--color never`.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    pub fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    pub fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn label_color(label: &str) -> &'static str {
        match label {
            "PER" => "36",
            "ORG" => "33",
            "LOC" => "32",
            "MISC" => "35",
            "DATE" => "34",
            _ => "31",
        }
    }
}

struct Mark {
    span: Span,
    label: String,
}

/// The text with entity, date and quantity spans marked inline as `[text]LABEL`.
/// Overlapping spans keep the earliest, longest one so that the output stays readable.
pub fn marked_text(doc: &Document, style: Style) -> String {
    let mut marks: Vec<Mark> = Vec::new();
    marks.extend(doc.layers.entities.iter().map(|e| Mark {
        span: e.span,
        label: e.label.as_str().to_string(),
    }));
    marks.extend(doc.layers.dates.iter().map(|d| Mark {
        span: d.span,
        label: "DATE".into(),
    }));
    marks.extend(doc.layers.quantities.iter().map(|q| Mark {
        span: q.span,
        label: "QTY".into(),
    }));
    marks.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut out = String::with_capacity(doc.text.len() * 2);
    let mut cursor = 0;
    for mark in marks {
        if mark.span.start < cursor || mark.span.slice(&doc.text).is_none() {
            continue;
        }
        out.push_str(&doc.text[cursor..mark.span.start]);
        let code = Style::label_color(&mark.label);
        let inner = format!("[{}]", &doc.text[mark.span.start..mark.span.end]);
        out.push_str(&style.paint(code, &inner));
        out.push_str(&style.dim(&mark.label));
        cursor = mark.span.end;
    }
    out.push_str(&doc.text[cursor..]);
    out
}

fn quote(doc: &Document, span: Span, max_chars: usize) -> String {
    let s = doc.slice(span).replace('\n', " ");
    if s.chars().count() > max_chars {
        let cut: String = s.chars().take(max_chars).collect();
        format!("{cut}…")
    } else {
        s
    }
}

/// The full `recoupe show` report.
pub fn render_document(doc: &Document, explain: bool, style: Style) -> String {
    let mut out = String::new();
    let m = &doc.meta;
    let _ = writeln!(
        out,
        "{}",
        style.bold(&query::headline_of(m.title.as_deref(), &doc.text))
    );
    let _ = writeln!(out, "{} {}", style.dim("id:"), doc.id);
    if let Some(outlet) = &m.outlet {
        let _ = writeln!(out, "{} {outlet}", style.dim("outlet:"));
    }
    if let Some(url) = &m.url {
        let _ = writeln!(out, "{} {url}", style.dim("url:"));
    }
    if let Some(p) = &m.published {
        let source = p.provenance(&doc.text);
        let _ = writeln!(out, "{} {} ({source})", style.dim("published:"), p.date);
    }
    if let Some(lang) = &m.language {
        let _ = writeln!(
            out,
            "{} {} ({:.2})",
            style.dim("language:"),
            lang.code,
            lang.confidence
        );
    }
    let origin = match &m.origin.record {
        Some(r) => format!("{} ({})", m.origin.path, r),
        None => m.origin.path.clone(),
    };
    let _ = writeln!(out, "{} {origin}", style.dim("origin:"));
    let produced: Vec<&str> = doc.produced.iter().map(|l| l.name()).collect();
    let _ = writeln!(out, "{} {}", style.dim("layers:"), produced.join(", "));
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", marked_text(doc, style));

    if doc.has(Layer::Entities) {
        let _ = writeln!(
            out,
            "\n{} ({})",
            style.bold("Entities"),
            doc.layers.entities.len()
        );
        if !doc.layers.entities.is_empty() {
            let _ = writeln!(
                out,
                "  {}",
                style.dim(&format!(
                    "{:<4} {:<32} {}  {}",
                    "type", "as written", "entity key", "knowledge base"
                ))
            );
        }
        for e in &doc.layers.entities {
            let link =
                e.kb.as_ref()
                    .map(|k| format!("{}:{}", k.kb, k.id))
                    .unwrap_or_else(|| "unlinked".into());
            let _ = writeln!(
                out,
                "  {:<4} {:<32} {}  {}",
                e.label.as_str(),
                quote(doc, e.span, 32),
                style.dim(&e.entity),
                style.dim(&link)
            );
            if explain {
                let _ = writeln!(
                    out,
                    "       {} {}/{}",
                    style.dim("by"),
                    e.provenance.stage,
                    e.provenance.rule
                );
                for ev in &e.evidence {
                    let _ = writeln!(out, "       {} {ev}", style.dim("·"));
                }
            }
        }
    }
    if doc.has(Layer::Nationalities) && !doc.layers.nationalities.is_empty() {
        let list: Vec<String> = doc
            .layers
            .nationalities
            .iter()
            .map(|n| format!("{}→{}", doc.slice(n.span), n.country))
            .collect();
        let _ = writeln!(
            out,
            "\n{} {}",
            style.bold("Nationalities:"),
            list.join(", ")
        );
    }
    if doc.has(Layer::Places) {
        let _ = writeln!(
            out,
            "\n{} ({})",
            style.bold("Places"),
            doc.layers.places.len()
        );
        if !doc.layers.places.is_empty() {
            let _ = writeln!(
                out,
                "  {}",
                style.dim(&format!(
                    "{:<28} {:<24} {:<3} {:<8} lat, lon",
                    "as written", "place", "cc", "kind"
                ))
            );
        }
        for p in &doc.layers.places {
            let coords = match (p.lat, p.lon) {
                (Some(lat), Some(lon)) => format!("{lat:.3}, {lon:.3}"),
                _ => "unresolved".into(),
            };
            let _ = writeln!(
                out,
                "  {:<28} {:<24} {:<3} {:<8} {}",
                quote(doc, p.span, 28),
                p.name,
                p.country.as_deref().unwrap_or("-"),
                format!("{:?}", p.kind).to_lowercase(),
                coords
            );
            if explain {
                for ev in &p.evidence {
                    let _ = writeln!(out, "       {} {ev}", style.dim("·"));
                }
            }
        }
    }
    if doc.has(Layer::Dates) {
        let _ = writeln!(
            out,
            "\n{} ({})",
            style.bold("Dates"),
            doc.layers.dates.len()
        );
        if !doc.layers.dates.is_empty() {
            let _ = writeln!(
                out,
                "  {}",
                style.dim(&format!("{:<32} value", "as written"))
            );
        }
        for d in &doc.layers.dates {
            let _ = writeln!(
                out,
                "  {:<32} {}{}",
                quote(doc, d.span, 32),
                d.value.as_deref().unwrap_or("(cannot be placed)"),
                if d.relative { "  (relative)" } else { "" }
            );
        }
    }
    if doc.has(Layer::Quantities) {
        let _ = writeln!(
            out,
            "\n{} ({})",
            style.bold("Quantities"),
            doc.layers.quantities.len()
        );
        if !doc.layers.quantities.is_empty() {
            let _ = writeln!(
                out,
                "  {}",
                style.dim(&format!(
                    "{:<36} {:<10} qualifier unit",
                    "as written", "value"
                ))
            );
        }
        for q in &doc.layers.quantities {
            let value = match q.value {
                recoupe_model::QuantityValue::Single(v) => format!("{v}"),
                recoupe_model::QuantityValue::Range([a, b]) => format!("{a}–{b}"),
            };
            let _ = writeln!(
                out,
                "  {:<36} {:<10} {:<9} {}",
                quote(doc, q.span, 36),
                value,
                format!("{:?}", q.qualifier).to_lowercase(),
                q.unit.as_deref().unwrap_or("")
            );
        }
    }
    if doc.has(Layer::Attributions) {
        let _ = writeln!(
            out,
            "\n{} ({})",
            style.bold("Attributions"),
            doc.layers.attributions.len()
        );
        for position in 0..doc.layers.attributions.len() {
            let Some(st) = query::statement_in(doc, position, &mut |_| None) else {
                continue;
            };
            let _ = writeln!(
                out,
                "  {} {} {}",
                style.bold(&speaker_label(&st)),
                polarity_verb(st.polarity),
                quote(doc, doc.layers.attributions[position].content, 90)
            );
            let _ = writeln!(out, "      {}", style.dim(&statement_details(&st)));
        }
    }
    if doc.has(Layer::Unsourced) && !doc.layers.unsourced.is_empty() {
        let _ = writeln!(
            out,
            "\n{} ({})",
            style.bold("Unsourced statements"),
            doc.layers.unsourced.len()
        );
        for u in &doc.layers.unsourced {
            let _ = writeln!(out, "  {}", quote(doc, u.span, 100));
        }
    }
    out
}

/// How a polarity reads in a listing: a denial or a refusal to comment must never read
/// as the speaker stating the content.
pub fn polarity_verb(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::Assert => "→",
        Polarity::Deny => "DENIES →",
        Polarity::Confirm => "confirms →",
        Polarity::NoComment => "DECLINES TO COMMENT →",
    }
}

/// "Hussein Qassim (as “-t-il”)": the resolved speaker, and how the text names it when
/// that differs.
pub fn speaker_label(st: &Statement) -> String {
    let mut label = match (&st.speaker, &st.speaker_as_written) {
        (None, _) => "(no speaker)".to_string(),
        (Some(name), Some(written)) if !written.to_lowercase().contains(&name.to_lowercase()) => {
            format!("{name} (as “{written}”)")
        }
        (Some(name), _) => name.clone(),
    };
    if st.speaker_unnamed {
        label.push_str(" (unnamed)");
    }
    label
}

/// "cue “a démenti” · deny · reported · via Press TV ← AFP · channel television · HEDGED"
pub fn statement_details(st: &Statement) -> String {
    let mut details = Vec::new();
    if let Some(cue) = &st.cue {
        details.push(format!("cue “{}”", cue.replace('\n', " ")));
    }
    details.push(st.polarity.as_str().to_string());
    details.push(
        serde_json::to_value(st.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| format!("{:?}", st.kind).to_lowercase()),
    );
    if !st.via.is_empty() {
        let names: Vec<&str> = st.via.iter().map(|r| r.name.as_str()).collect();
        details.push(format!("via {}", names.join(" ← ")));
    }
    if let Some(channel) = &st.channel {
        details.push(format!("channel {channel}"));
    }
    if st.hedged {
        details.push("HEDGED".into());
    }
    details.join(" · ")
}

/// One statement of `recoupe claims`: its article (date, outlet, id, headline), who says
/// what, then how.
pub fn statement_lines(st: &Statement) -> String {
    let content: String = st.content.replace('\n', " ");
    format!(
        "{}  {}  {} — {}\n  {} {} {}\n      {}\n",
        st.published
            .map(|p| p.to_string())
            .unwrap_or_else(|| "(undated)".into()),
        st.outlet.as_deref().unwrap_or("(no outlet)"),
        &st.doc_id[..st.doc_id.len().min(12)],
        st.headline,
        speaker_label(st),
        polarity_verb(st.polarity),
        content,
        statement_details(st)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use recoupe_model::*;

    #[test]
    fn marks_spans_without_losing_text() {
        let meta = Metadata::new(Origin {
            kind: OriginKind::Text,
            path: "x".into(),
            record: None,
        });
        let text = "Frappes à Deir ez-Zor hier.";
        let mut doc = Document::new(text.into(), meta);
        let start = text.find("Deir").unwrap();
        doc.layers.entities.push(EntityMention {
            span: Span::new(start, start + "Deir ez-Zor".len()),
            label: EntityType::LOC,
            kb: None,
            entity: "name:LOC:deir ez zor".into(),
            provenance: Provenance::new("entities", "test"),
            evidence: vec![],
        });
        doc.mark_produced(Layer::Entities);
        let out = marked_text(&doc, Style { color: false });
        assert_eq!(out, "Frappes à [Deir ez-Zor]LOC hier.");
        let report = render_document(&doc, true, Style { color: false });
        assert!(report.contains("Entities (1)"));
        // issue 10: labelled columns
        assert!(report.contains("type as written"), "{report}");
        assert!(report.contains("by entities/test"));
    }

    #[test]
    fn issue13_show_names_the_words_an_inferred_publication_date_was_read_from() {
        let mut meta = Metadata::new(Origin {
            kind: OriginKind::Text,
            path: "x".into(),
            record: None,
        });
        let text = "Le conseil s'est réuni ce jeudi 4 juin pour voter le budget.";
        let start = text.find("ce jeudi").unwrap();
        meta.published = Some(Published {
            date: chrono::NaiveDate::from_ymd_opt(2026, 6, 4).unwrap(),
            source: DateSource::Inferred,
            inferred_from: Some(Span::new(start, start + "ce jeudi 4 juin".len())),
        });
        let doc = Document::new(text.into(), meta);
        let report = render_document(&doc, false, Style { color: false });
        assert!(
            report.contains("published: 2026-06-04 (inferred from the text: \"ce jeudi 4 juin\")"),
            "{report}"
        );
    }
}

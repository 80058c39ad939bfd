//! HTML pages: metadata from meta tags and JSON-LD, main content with dom_smoothie (a port
//! of Mozilla's Readability).
//!
//! Text decision: the document text is the extracted main content as plain text, one
//! paragraph (block element) per line, whitespace collapsed inside a paragraph (non-breaking
//! spaces kept, French typography relies on them). Readability usually drops the `<h1>`
//! headline from the content, while corpus articles start with their headline; so when the
//! body does not already start with the title, `title + "\n"` is prepended (switch off with
//! `IngestOptions::prepend_title`). The title is also kept in `Metadata::title`.

use std::collections::HashMap;

use chrono::NaiveDate;
use dom_query::{Document as Dom, NodeRef};
use serde_json::Value;

use crate::dates::parse_published;
use crate::error::ErrorReason;

/// What is extracted from one HTML page.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlPage {
    pub title: Option<String>,
    /// Main content as plain text, paragraphs separated by `\n` (title prepended, see the
    /// module documentation).
    pub text: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// `<html lang>` attribute, if any.
    pub lang_attribute: Option<String>,
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "button", "select", "textarea", "iframe",
    "canvas", "head", "title", "meta", "link", "input", "object", "embed",
];

/// Page furniture dropped when Readability finds no article and the whole body is used.
const BOILERPLATE: &[&str] = &["nav", "header", "footer", "aside", "form", "menu", "dialog"];

/// Elements that start and end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "pre",
    "address",
    "hr",
    "details",
    "summary",
    "body",
    "html",
    "center",
    "caption",
    "fieldset",
    "legend",
];

/// Extracts title, main text, outlet, URL and publication date from an HTML page.
/// `url_hint` (e.g. the WARC target URI) takes precedence over URLs found in the page.
pub fn extract_html(
    html: &str,
    url_hint: Option<&str>,
    prepend_title: bool,
) -> Result<HtmlPage, ErrorReason> {
    let dom = Dom::from(html);
    let meta = MetaTags::collect(&dom);
    let ld = JsonLd::collect(&dom);

    let url = url_hint
        .map(str::to_owned)
        .or_else(|| meta.get("og:url").map(str::to_owned))
        .or_else(|| {
            dom.select("link[rel=canonical]")
                .nodes()
                .iter()
                .find_map(|node| node.attr("href").map(|href| href.trim().to_owned()))
        })
        .or_else(|| ld.url.clone())
        .filter(|url| is_absolute_http(url));

    let outlet = meta
        .get("og:site_name")
        .map(str::to_owned)
        .or_else(|| ld.publisher.clone())
        .or_else(|| meta.get("application-name").map(str::to_owned))
        .or_else(|| url.as_deref().and_then(host_of))
        .map(|outlet| collapse_whitespace(&outlet))
        .filter(|outlet| !outlet.is_empty());

    let title = meta
        .get("og:title")
        .map(str::to_owned)
        .or_else(|| meta.get("twitter:title").map(str::to_owned))
        .or_else(|| ld.headline.clone())
        .or_else(|| {
            let title = collapse_whitespace(&dom.select("title").text());
            let h1 = dom
                .select("h1")
                .nodes()
                .first()
                .map(|node| collapse_whitespace(&node.text()));
            let title = clean_title_tag(&title, h1.as_deref(), outlet.as_deref());
            (!title.is_empty()).then_some(title)
        })
        .map(|title| collapse_whitespace(&title))
        .filter(|title| !title.is_empty());

    let published = published_date(&dom, &meta, &ld);
    let lang_attribute = dom
        .select("html")
        .nodes()
        .first()
        .and_then(|node| node.attr("lang"))
        .map(|lang| lang.trim().to_owned())
        .filter(|lang| !lang.is_empty());

    remove_furniture(&dom);
    let body = main_text(dom, url.as_deref()).filter(|text| !text.is_empty());
    let body = match body {
        Some(body) => body,
        None => fallback_text(html),
    };
    if body.trim().is_empty() {
        return Err(ErrorReason::Empty(
            "no article text could be extracted from the page",
        ));
    }
    let text = match &title {
        Some(title) if prepend_title && !starts_with_title(&body, title) => {
            format!("{title}\n{body}")
        }
        _ => body,
    };
    Ok(HtmlPage {
        title,
        text,
        outlet,
        url,
        published,
        lang_attribute,
    })
}

/// Converts an HTML fragment (feed item content) to plain text, one block per line.
pub fn html_fragment_to_text(html: &str) -> String {
    let dom = Dom::fragment(html);
    node_text(&dom.root(), &[])
}

/// Class/id tokens of page furniture that Readability's (English) patterns miss: French ad
/// slots, share bars, "lire aussi" boxes, cookie and newsletter prompts.
const FURNITURE_TOKENS: &[&str] = &[
    "pub",
    "publicite",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banniere",
    "cookie",
    "cookies",
    "newsletter",
    "partage",
    "share",
    "sharing",
    "social",
    "lire-aussi",
    "a-lire",
    "alire",
    "voir-aussi",
    "related",
    "outbrain",
    "taboola",
    "abonnement",
    "paywall",
];

/// Furniture blocks are short; a long block with such a class is more likely a wrapper of
/// the article itself (`class="article share-enabled"`), so it is kept.
const FURNITURE_MAX_CHARS: usize = 400;

fn is_furniture_token(token: &str) -> bool {
    let token = token.to_ascii_lowercase();
    FURNITURE_TOKENS.iter().any(|marker| {
        token == *marker
            || token.starts_with(&format!("{marker}-"))
            || token.starts_with(&format!("{marker}_"))
            || token.ends_with(&format!("-{marker}"))
            || token.ends_with(&format!("_{marker}"))
    })
}

/// Removes short elements whose class or id marks them as page furniture.
fn remove_furniture(dom: &Dom) {
    let selection = dom.select("[class], [id]");
    for node in selection.nodes() {
        let class = node.attr("class").unwrap_or_default();
        let id = node.attr("id").unwrap_or_default();
        let marked = class
            .split_whitespace()
            .chain(id.split_whitespace())
            .any(is_furniture_token);
        if marked && node.text().chars().count() <= FURNITURE_MAX_CHARS {
            node.remove_from_parent();
        }
    }
}

/// Whole lines that are labels of page furniture left inside the content.
const FURNITURE_LINES: &[&str] = &[
    "publicité",
    "publicite",
    "advertisement",
    "annonce",
    "lire aussi",
    "lire aussi :",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "partager",
    "partager :",
    "partager cet article",
];

fn is_furniture_line(line: &str) -> bool {
    let line = line.trim().to_lowercase();
    FURNITURE_LINES.contains(&line.as_str())
}

/// Readability's main content, as text.
fn main_text(dom: Dom, url: Option<&str>) -> Option<String> {
    let mut readability = dom_smoothie::Readability::with_document(dom, url, None).ok()?;
    let article = readability.parse().ok()?;
    let content = Dom::fragment(article.content.as_ref());
    let text = node_text(&content.root(), &[]);
    Some(
        text.lines()
            .filter(|line| !is_furniture_line(line))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// When Readability finds nothing, the `<article>`, `<main>` or `<body>` text without the
/// page furniture.
fn fallback_text(html: &str) -> String {
    let dom = Dom::from(html);
    remove_furniture(&dom);
    for selector in ["article", "main", "body"] {
        let selection = dom.select(selector);
        if let Some(node) = selection.nodes().first() {
            let text = node_text(node, BOILERPLATE);
            if !text.is_empty() {
                return text;
            }
        }
    }
    String::new()
}

/// `<title>` usually carries the site name ("Titre | Le Journal"): the page's `<h1>` is
/// used when the title starts with it, else a trailing segment naming the outlet is cut.
fn clean_title_tag(title: &str, h1: Option<&str>, outlet: Option<&str>) -> String {
    if let Some(h1) = h1.filter(|h1| h1.chars().count() >= 10) {
        if title.starts_with(h1) {
            return h1.to_owned();
        }
    }
    if let Some(outlet) = outlet {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some((head, tail)) = title.rsplit_once(separator) {
                if tail.trim().eq_ignore_ascii_case(outlet.trim()) && !head.trim().is_empty() {
                    return head.trim().to_owned();
                }
            }
        }
    }
    title.to_owned()
}

fn starts_with_title(body: &str, title: &str) -> bool {
    let first_line = body.lines().next().unwrap_or("");
    let normalise = |s: &str| collapse_whitespace(s).to_lowercase();
    let (first_line, title) = (normalise(first_line), normalise(title));
    !title.is_empty() && (first_line == title || first_line.starts_with(&title))
}

/// Meta tags keyed by lowercased `property`, `name` or `itemprop`; the first one wins.
struct MetaTags(HashMap<String, String>);

impl MetaTags {
    fn collect(dom: &Dom) -> MetaTags {
        let mut map = HashMap::new();
        for node in dom.select("meta").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content = content.trim();
            if content.is_empty() {
                continue;
            }
            for key_attribute in ["property", "name", "itemprop"] {
                if let Some(key) = node.attr(key_attribute) {
                    map.entry(key.trim().to_ascii_lowercase())
                        .or_insert_with(|| content.to_owned());
                }
            }
        }
        MetaTags(map)
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}

/// The useful parts of a page's JSON-LD: the first article-like object wins, otherwise
/// the first object carrying the field.
#[derive(Default)]
struct JsonLd {
    date_published: Option<String>,
    headline: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

impl JsonLd {
    fn collect(dom: &Dom) -> JsonLd {
        let mut objects = Vec::new();
        for node in dom.select("script[type]").nodes() {
            let is_ld = node
                .attr("type")
                .is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_ld {
                continue;
            }
            let raw = node.text();
            // Hand-written JSON-LD often has raw newlines or tabs inside strings, which
            // JSON forbids; they carry no meaning, so they become spaces before a retry.
            let value = serde_json::from_str::<Value>(&raw).or_else(|_| {
                let cleaned: String = raw
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                serde_json::from_str::<Value>(&cleaned)
            });
            if let Ok(value) = value {
                flatten_ld(value, &mut objects, 0);
            }
        }
        let article_like = |object: &serde_json::Map<String, Value>| {
            types_of(object).iter().any(|kind| {
                kind.ends_with("Article")
                    || matches!(kind.as_str(), "BlogPosting" | "LiveBlogPosting" | "Report")
            })
        };
        let mut ordered: Vec<&serde_json::Map<String, Value>> =
            objects.iter().filter(|o| article_like(o)).collect();
        ordered.extend(objects.iter().filter(|o| !article_like(o)));
        let first_string = |field: &str| {
            ordered
                .iter()
                .find_map(|object| string_field(object.get(field)?))
        };
        let publisher = ordered.iter().find_map(|object| {
            let publisher = object.get("publisher")?;
            let publisher = match publisher {
                Value::Array(items) => items.first()?,
                other => other,
            };
            match publisher {
                Value::Object(fields) => string_field(fields.get("name")?),
                Value::String(name) => Some(name.clone()),
                _ => None,
            }
        });
        JsonLd {
            date_published: first_string("datePublished"),
            headline: first_string("headline"),
            publisher,
            url: first_string("url"),
        }
    }
}

fn flatten_ld(value: Value, out: &mut Vec<serde_json::Map<String, Value>>, depth: usize) {
    // Graphs are shallow in practice; the bound protects against adversarial nesting.
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                flatten_ld(item, out, depth + 1);
            }
        }
        Value::Object(mut object) => {
            if let Some(graph) = object.remove("@graph") {
                flatten_ld(graph, out, depth + 1);
            }
            out.push(object);
        }
        _ => {}
    }
}

fn types_of(object: &serde_json::Map<String, Value>) -> Vec<String> {
    match object.get("@type") {
        Some(Value::String(kind)) => vec![kind.clone()],
        Some(Value::Array(kinds)) => kinds
            .iter()
            .filter_map(|k| k.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn string_field(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => text.trim().to_owned(),
        Value::Array(items) => items.first().and_then(Value::as_str)?.trim().to_owned(),
        Value::Object(fields) => fields.get("@id").and_then(Value::as_str)?.trim().to_owned(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// Publication date, from the most to the least specific evidence.
fn published_date(dom: &Dom, meta: &MetaTags, ld: &JsonLd) -> Option<NaiveDate> {
    const PRIMARY: &[&str] = &[
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "article:published",
    ];
    const SECONDARY: &[&str] = &[
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.issued",
        "dcterms.created",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "datepublished",
        "sailthru.date",
        "parsely-pub-date",
    ];
    let from_meta = |keys: &[&str]| keys.iter().find_map(|key| parse_published(meta.get(key)?));
    from_meta(PRIMARY)
        .or_else(|| ld.date_published.as_deref().and_then(parse_published))
        .or_else(|| from_meta(SECONDARY))
        .or_else(|| time_element_date(dom))
}

/// `<time datetime>`: one marked `pubdate` first, then the first inside `<article>`, then
/// the first anywhere.
fn time_element_date(dom: &Dom) -> Option<NaiveDate> {
    let date_of = |node: &NodeRef| {
        node.attr("datetime")
            .and_then(|value| parse_published(&value))
    };
    let all = dom.select("time[datetime]");
    all.nodes()
        .iter()
        .filter(|node| node.has_attr("pubdate"))
        .find_map(date_of)
        .or_else(|| {
            dom.select("article time[datetime]")
                .nodes()
                .iter()
                .find_map(date_of)
        })
        .or_else(|| all.nodes().iter().find_map(date_of))
}

fn is_absolute_http(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|parsed| matches!(parsed.scheme(), "http" | "https"))
}

/// Host of a URL without a leading `www.`, used as the outlet when the page names none.
pub fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_owned())
}

fn collapse_whitespace(text: &str) -> String {
    let mut builder = LineBuilder::default();
    builder.push_text(text);
    builder.current.trim_end().to_owned()
}

/// Walks a DOM subtree and renders its text, one block element per line. Uses an explicit
/// stack so deeply nested markup cannot overflow the call stack.
fn node_text(root: &NodeRef, extra_skipped: &[&str]) -> String {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        EndBlock,
    }
    let mut builder = LineBuilder::default();
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::EndBlock => {
                builder.break_line();
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            builder.push_text(&node.text());
            continue;
        }
        if node.is_element() {
            let name = node
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if SKIPPED.contains(&name.as_str()) || extra_skipped.contains(&name.as_str()) {
                continue;
            }
            if name == "br" {
                builder.break_line();
                continue;
            }
            if BLOCKS.contains(&name.as_str()) {
                builder.break_line();
                stack.push(Step::EndBlock);
            }
        } else if !(node.is_document() || node.is_fragment()) {
            // Comments, doctypes, processing instructions.
            continue;
        }
        let children = node.children();
        stack.extend(children.into_iter().rev().map(Step::Enter));
    }
    builder.finish()
}

/// Accumulates lines of text, collapsing runs of breaking whitespace into one space.
#[derive(Default)]
struct LineBuilder {
    out: String,
    current: String,
    pending_space: bool,
}

impl LineBuilder {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            // Non-breaking spaces are typographic (before `:` or in `10 000`) and kept.
            if c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' {
                self.pending_space = !self.current.is_empty();
            } else {
                if self.pending_space {
                    self.current.push(' ');
                    self.pending_space = false;
                }
                self.current.push(c);
            }
        }
    }

    fn break_line(&mut self) {
        let line = self
            .current
            .trim_matches(|c: char| c == '\u{a0}' || c == '\u{202f}' || c == ' ');
        if !line.is_empty() {
            if !self.out.is_empty() {
                self.out.push('\n');
            }
            self.out.push_str(line);
        }
        self.current.clear();
        self.pending_space = false;
    }

    fn finish(mut self) -> String {
        self.break_line();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_text_has_one_block_per_line() {
        let text = html_fragment_to_text(
            "<p>Premier   paragraphe<br>suite</p><div><p>Deuxième <b>paragraphe</b>.</p></div><script>var x;</script>",
        );
        assert_eq!(text, "Premier paragraphe\nsuite\nDeuxième paragraphe.");
    }

    #[test]
    fn non_breaking_spaces_are_kept() {
        let text = html_fragment_to_text("<p>Il a dit\u{a0}: «\u{a0}10\u{a0}000 morts\u{a0}»</p>");
        assert_eq!(text, "Il a dit\u{a0}: «\u{a0}10\u{a0}000 morts\u{a0}»");
    }

    #[test]
    fn site_name_is_cut_from_the_title_tag() {
        assert_eq!(
            clean_title_tag("Grève à la SNCB - La Gazette", None, Some("La Gazette")),
            "Grève à la SNCB"
        );
        assert_eq!(
            clean_title_tag(
                "Un titre assez long | Rubrique | Site",
                Some("Un titre assez long"),
                None
            ),
            "Un titre assez long"
        );
        assert_eq!(
            clean_title_tag("Pas de site - ici", None, Some("Autre")),
            "Pas de site - ici"
        );
    }

    #[test]
    fn json_ld_graph_date_is_used() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
             {"@type":"NewsArticle","headline":"Titre","datePublished":"2023-11-02T06:15:00+01:00",
              "publisher":{"@type":"Organization","name":"Le Quotidien"}}]}
            </script></head><body><article><p>Un texte assez long pour un article de presse.</p></article></body></html>"#;
        let page = extract_html(html, None, true).expect("page");
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2023, 11, 2));
        assert_eq!(page.outlet.as_deref(), Some("Le Quotidien"));
        assert_eq!(page.title.as_deref(), Some("Titre"));
    }
}

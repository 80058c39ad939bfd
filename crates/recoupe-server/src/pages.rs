//! Server-rendered pages (askama templates under `templates/`, escaped by default).
//! Each handler calls the same `recoupe-app` query as its API twin and shapes the result
//! for its template; links are built here, from keys percent-encoded.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::Uri;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use recoupe_app::browse::{self, EntityProfile, Timeline};
use recoupe_app::{query, SearchFilter, SearchPage};
use serde::Deserialize;

use crate::api::{search_filter, MAX_LIMIT};
use crate::error::ApiError;
use crate::markup::{self, entity_href, path_segment, query_value, shorten, ArticleView};
use crate::params::{check_range, clip, Params};
use crate::state::AppState;
use crate::{chart, map};

type Shared = State<Arc<AppState>>;

/// What the layout needs on every page.
pub struct Nav {
    pub active: &'static str,
    pub allow_ingest: bool,
    pub query: String,
}

impl Nav {
    fn new(state: &AppState, active: &'static str) -> Nav {
        Nav {
            active,
            allow_ingest: state.allow_ingest,
            query: String::new(),
        }
    }
}

/// A page error: the API error rendered as a page with its status.
pub struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(error: ApiError) -> PageError {
        PageError(error)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    nav: Nav,
    status: u16,
    title: String,
    parameter: String,
    reason: String,
}

pub fn error_page(error: ApiError) -> Response {
    let page = ErrorTemplate {
        nav: Nav {
            active: "",
            allow_ingest: false,
            query: String::new(),
        },
        status: error.status.as_u16(),
        title: error
            .status
            .canonical_reason()
            .unwrap_or("Error")
            .to_string(),
        parameter: error.parameter.clone().unwrap_or_default(),
        reason: error.reason.clone(),
    };
    match page.render() {
        Ok(html) => (error.status, Html(html)).into_response(),
        Err(_) => error.into_response(),
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        error_page(self.0)
    }
}

fn render(template: &impl Template) -> Result<Response, PageError> {
    template
        .render()
        .map(|html| Html(html).into_response())
        .map_err(|e| PageError(ApiError::internal(format!("rendering a page: {e}"))))
}

pub async fn not_found(uri: Uri) -> Response {
    let error = ApiError::no_route(&clip(uri.path()));
    if uri.path().starts_with("/api/") {
        error.into_response()
    } else {
        error_page(error)
    }
}

pub fn read_routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(search))
        .route("/search", get(search))
        .route("/doc/{id}", get(article))
        .route("/entities", get(entities))
        .route("/entity/{key}", get(entity))
        .route("/map", get(map_page))
        .route("/timeline", get(timeline))
        .route("/stories", get(stories))
        .route("/story/{id}", get(story))
}

pub fn write_routes() -> Router<Arc<AppState>> {
    Router::new().route("/entity/{key}/unmerge", post(unmerge))
}

fn path_param(
    value: Result<Path<String>, axum::extract::rejection::PathRejection>,
    name: &str,
) -> Result<String, ApiError> {
    let Path(value) = value.map_err(|e| ApiError::bad_parameter(name, e.body_text()))?;
    let value = value.trim().to_string();
    if value.is_empty() || value.chars().count() > crate::params::MAX_VALUE_CHARS {
        return Err(ApiError::bad_parameter(name, "empty or too long"));
    }
    Ok(value)
}

fn day(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

// ------------------------------------------------------------------ search

/// A facet value: a link adding (or, when active, removing) its filter.
pub struct FacetLink {
    pub label: String,
    pub count: u64,
    pub href: String,
    pub active: bool,
}

pub struct HitView {
    pub href: String,
    pub title: String,
    pub outlet: String,
    pub published: String,
    pub language: String,
    pub snippet: Vec<(String, bool)>,
}

/// An active filter, shown as a chip that removes it.
pub struct Chip {
    pub name: &'static str,
    pub value: String,
    pub remove: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchTemplate {
    nav: Nav,
    q: String,
    total: u64,
    total_exact: bool,
    ranked: u64,
    first: u64,
    last: u64,
    hits: Vec<HitView>,
    chips: Vec<Chip>,
    /// Filters to keep when the query box is submitted: (name, value).
    hidden: Vec<(&'static str, String)>,
    from: String,
    to: String,
    outlets: Vec<FacetLink>,
    years: Vec<FacetLink>,
    languages: Vec<FacetLink>,
    entities: Vec<FacetLink>,
    places: Vec<FacetLink>,
    sampled: u64,
    prev: String,
    next: String,
}

/// The search page's parameters, for building links that change one of them.
#[derive(Clone, Default)]
struct SearchLinks {
    pairs: Vec<(&'static str, String)>,
}

impl SearchLinks {
    fn of(filter: &SearchFilter) -> SearchLinks {
        let mut pairs = Vec::new();
        let mut add = |name: &'static str, value: Option<String>| {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                pairs.push((name, v));
            }
        };
        add("q", filter.query.clone());
        add("outlet", filter.outlet.clone());
        add("language", filter.language.clone());
        add("from", filter.from.map(|d| d.to_string()));
        add("to", filter.to.map(|d| d.to_string()));
        add("entity", filter.entity.clone());
        add("place", filter.place.clone());
        SearchLinks { pairs }
    }

    /// The link with `name` set to `value` (or removed), back to the first page.
    fn with(&self, name: &'static str, value: Option<&str>) -> String {
        let mut pairs: Vec<(&str, String)> = self
            .pairs
            .iter()
            .filter(|(n, _)| *n != name)
            .cloned()
            .collect();
        if let Some(value) = value {
            pairs.push((name, value.to_string()));
        }
        Self::href(&pairs)
    }

    fn href(pairs: &[(&str, String)]) -> String {
        if pairs.is_empty() {
            return "/search".into();
        }
        let query: Vec<String> = pairs
            .iter()
            .map(|(n, v)| format!("{n}={}", query_value(v)))
            .collect();
        format!("/search?{}", query.join("&"))
    }

    fn page(&self, offset: usize) -> String {
        let mut pairs = self.pairs.clone();
        if offset > 0 {
            pairs.push(("offset", offset.to_string()));
        }
        Self::href(&pairs)
    }
}

fn search_template(
    state: &AppState,
    filter: &SearchFilter,
    page: &SearchPage,
    names: &SearchNames,
) -> SearchTemplate {
    let links = SearchLinks::of(filter);
    let facet =
        |name: &'static str, current: Option<&str>, label: String, value: String, count: u64| {
            let active = current == Some(value.as_str());
            FacetLink {
                label,
                count,
                href: links.with(name, if active { None } else { Some(&value) }),
                active,
            }
        };
    let tallies = |name: &'static str,
                   current: Option<&str>,
                   list: &[recoupe_app::Tally]|
     -> Vec<FacetLink> {
        list.iter()
            .filter_map(|t| {
                let value = t.value.clone()?;
                Some(facet(name, current, value.clone(), value, t.count))
            })
            .collect()
    };
    let f = &page.facets;
    let mut years: Vec<FacetLink> = f
        .years
        .iter()
        .filter_map(|t| {
            let year = t.value.clone()?;
            let active = filter.from.map(|d| d.format("%Y").to_string()) == Some(year.clone())
                && filter.to.map(|d| d.format("%Y").to_string()) == Some(year.clone());
            let href = if active {
                let without = SearchLinks {
                    pairs: links
                        .pairs
                        .iter()
                        .filter(|(n, _)| *n != "from" && *n != "to")
                        .cloned()
                        .collect(),
                };
                without.with("from", None)
            } else {
                let mut pairs: Vec<(&str, String)> = links
                    .pairs
                    .iter()
                    .filter(|(n, _)| *n != "from" && *n != "to")
                    .cloned()
                    .collect();
                pairs.push(("from", format!("{year}-01-01")));
                pairs.push(("to", format!("{year}-12-31")));
                SearchLinks::href(&pairs)
            };
            Some(FacetLink {
                label: year,
                count: t.count,
                href,
                active,
            })
        })
        .collect();
    years.reverse();
    let keyed = |name: &'static str,
                 current: Option<&str>,
                 list: &[recoupe_store::FacetEntity]|
     -> Vec<FacetLink> {
        list.iter()
            .map(|e| {
                facet(
                    name,
                    current,
                    format!("{} · {}", e.name, e.label),
                    e.key.clone(),
                    e.documents,
                )
            })
            .collect()
    };
    let mut chips = Vec::new();
    for (name, value) in &links.pairs {
        if *name == "q" {
            continue;
        }
        let shown = match *name {
            "entity" => names.entity.clone().unwrap_or_else(|| value.clone()),
            "place" => names.place.clone().unwrap_or_else(|| value.clone()),
            _ => value.clone(),
        };
        chips.push(Chip {
            name,
            value: shown,
            remove: links.with(name, None),
        });
    }
    let first = if page.hits.is_empty() {
        0
    } else {
        page.offset + 1
    };
    let last = page.offset + page.hits.len() as u64;
    let prev = if filter.offset > 0 {
        links.page(filter.offset.saturating_sub(filter.limit))
    } else {
        String::new()
    };
    let next = if last < page.total && (filter.offset + filter.limit) <= crate::api::MAX_OFFSET {
        links.page(filter.offset + filter.limit)
    } else {
        String::new()
    };
    let mut nav = Nav::new(state, "search");
    nav.query = filter.query.clone().unwrap_or_default();
    SearchTemplate {
        q: filter.query.clone().unwrap_or_default(),
        total: page.total,
        total_exact: page.total_exact,
        ranked: page.ranked,
        first,
        last,
        hits: page
            .hits
            .iter()
            .map(|h| HitView {
                href: format!("/doc/{}", path_segment(&h.id)),
                title: h
                    .title
                    .clone()
                    .unwrap_or_else(|| format!("(untitled {})", &h.id[..h.id.len().min(8)])),
                outlet: h.outlet.clone().unwrap_or_default(),
                published: day(h.published),
                language: h.language.clone().unwrap_or_default(),
                snippet: h.snippet.iter().map(|p| (p.text.clone(), p.hit)).collect(),
            })
            .collect(),
        hidden: links
            .pairs
            .iter()
            .filter(|(n, _)| *n != "q")
            .cloned()
            .collect(),
        chips,
        from: day(filter.from),
        to: day(filter.to),
        outlets: tallies("outlet", filter.outlet.as_deref(), &f.outlets),
        languages: tallies("language", filter.language.as_deref(), &f.languages),
        years,
        entities: keyed("entity", filter.entity.as_deref(), &f.entities),
        places: keyed("place", filter.place.as_deref(), &f.places),
        sampled: f.sampled,
        prev,
        next,
        nav,
    }
}

/// Display names of the entity and place filters.
#[derive(Default)]
struct SearchNames {
    entity: Option<String>,
    place: Option<String>,
}

async fn search(State(state): Shared, RawQuery(raw): RawQuery) -> Result<Response, PageError> {
    let params = Params::parse(raw.as_deref(), crate::api::SEARCH_PARAMS)?;
    let filter = search_filter(&params, true)?;
    let wanted = filter.clone();
    let (page, names) = state
        .pool
        .run(move |store| {
            let page = browse::search_page(store, &wanted)?;
            let name = |key: &Option<String>| -> Result<Option<String>, ApiError> {
                match key {
                    Some(key) => Ok(query::entity(store, key)?.map(|e| e.name)),
                    None => Ok(None),
                }
            };
            let names = SearchNames {
                entity: name(&wanted.entity)?,
                place: name(&wanted.place)?,
            };
            Ok((page, names))
        })
        .await?;
    render(&search_template(&state, &filter, &page, &names))
}

// ------------------------------------------------------------------ article

#[derive(Template)]
#[template(path = "article.html")]
struct ArticleTemplate {
    nav: Nav,
    id: String,
    title: String,
    outlet: String,
    outlet_href: String,
    published: String,
    published_source: String,
    language: String,
    /// The source's URL when it is http(s); anything else is shown as text only.
    url: String,
    url_safe: bool,
    origin: String,
    view: ArticleView,
    switches: Vec<(&'static str, &'static str, usize)>,
    /// The story it belongs to: link, title, and a line of counts.
    story: Option<(String, String, String)>,
}

/// A URL from a source is a link only when it is plainly http or https.
pub fn safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

async fn article(
    State(state): Shared,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    Params::parse(raw.as_deref(), &[])?;
    let id = path_param(id, "id")?;
    let wanted = id.clone();
    let (doc, story, copies) = state
        .pool
        .run(move |store| {
            let Some(doc) = query::document(store, &wanted)? else {
                return Ok(None);
            };
            let story = query::story_of(store, &doc.id)?;
            let copies = query::copies_of(store, &doc.id)?;
            Ok(Some((doc, story, copies)))
        })
        .await?
        .ok_or_else(|| ApiError::not_found("id", format!("no document `{}`", clip(&id))))?;
    let view = markup::article_view(&doc, &copies);
    let count = |kind: &str| view.counts.get(kind).copied().unwrap_or(0);
    let switches = vec![
        ("entity", "entities", count("entity")),
        ("date", "dates", count("date")),
        ("quantity", "figures", count("quantity")),
        ("nationality", "nationalities", count("nationality")),
        ("attribution", "attributions", count("attribution")),
        ("unsourced", "unsourced", count("unsourced")),
        ("copy", "copied passages", count("copy")),
    ];
    let meta = &doc.meta;
    let url = meta.url.clone().unwrap_or_default();
    let template = ArticleTemplate {
        nav: Nav::new(&state, "search"),
        id: doc.id.to_string(),
        title: browse::headline_of(&doc),
        outlet_href: meta
            .outlet
            .as_deref()
            .map(|o| format!("/search?outlet={}", query_value(o)))
            .unwrap_or_default(),
        outlet: meta.outlet.clone().unwrap_or_default(),
        published: meta
            .published
            .map(|p| p.date.to_string())
            .unwrap_or_default(),
        published_source: meta
            .published
            .map(|p| p.provenance(&doc.text))
            .unwrap_or_default(),
        language: meta
            .language
            .as_ref()
            .map(|l| l.code.clone())
            .unwrap_or_default(),
        url_safe: safe_url(&url),
        url,
        origin: format!(
            "{}{}",
            meta.origin.path,
            meta.origin
                .record
                .as_deref()
                .map(|r| format!(" #{r}"))
                .unwrap_or_default()
        ),
        view,
        switches,
        story: story.map(|s| {
            (
                story_href(&s.id),
                s.title.clone(),
                format!(
                    "{} articles · {} independent sources{}{}",
                    s.articles,
                    s.independent_sources,
                    if s.single_source {
                        " · single source"
                    } else {
                        ""
                    },
                    if s.disagreeing {
                        format!(" · {} disagreements", s.disagreements)
                    } else {
                        String::new()
                    }
                ),
            )
        }),
    };
    render(&template)
}

// ------------------------------------------------------------------ entities

#[derive(Template)]
#[template(path = "entities.html")]
struct EntitiesTemplate {
    nav: Nav,
    /// (label, link, active)
    tabs: Vec<(&'static str, String, bool)>,
    rows: Vec<(String, String, String, u64, u64)>,
}

async fn entities(State(state): Shared, RawQuery(raw): RawQuery) -> Result<Response, PageError> {
    let params = Params::parse(raw.as_deref(), crate::api::ENTITIES_PARAMS)?;
    let label = params.choice("type", &["PER", "ORG", "LOC", "MISC"])?;
    let limit = params.number("limit", 1, MAX_LIMIT, 100)?;
    let wanted = label.clone();
    let list = state
        .pool
        .run(move |store| Ok(query::entities(store, wanted.as_deref(), limit)?))
        .await?;
    render(&EntitiesTemplate {
        nav: Nav::new(&state, "entities"),
        tabs: std::iter::once(("all", "/entities".to_string(), label.is_none()))
            .chain(["PER", "ORG", "LOC", "MISC"].into_iter().map(|t| {
                (
                    t,
                    format!("/entities?type={t}"),
                    label.as_deref() == Some(t),
                )
            }))
            .collect(),
        rows: list
            .iter()
            .map(|e| {
                (
                    entity_href(&e.key),
                    e.name.clone(),
                    e.label.as_str().to_string(),
                    e.mentions,
                    e.documents,
                )
            })
            .collect(),
    })
}

pub struct LinkRow {
    pub href: String,
    pub text: String,
    pub note: String,
}

pub struct SaidRow {
    pub doc_href: String,
    pub doc_title: String,
    pub date: String,
    pub speaker: String,
    pub speaker_href: String,
    pub content: String,
    pub hedged: bool,
    pub kind: String,
}

pub struct MergeRow {
    pub from_key: String,
    pub from_name: String,
    pub rule: String,
    pub explanation: String,
}

#[derive(Template)]
#[template(path = "entity.html")]
struct EntityTemplate {
    nav: Nav,
    key: String,
    key_segment: String,
    name: String,
    label: String,
    mentions: u64,
    documents_count: u64,
    documents_shown: usize,
    kb: String,
    aliases: Vec<(String, u64)>,
    merges: Vec<MergeRow>,
    chart: String,
    said: Vec<SaidRow>,
    said_of: Vec<SaidRow>,
    co_mentioned: Vec<LinkRow>,
    places: Vec<LinkRow>,
    map: String,
    documents: Vec<LinkRow>,
    others: Vec<LinkRow>,
    documents_read: usize,
    search_href: String,
    timeline_href: String,
}

fn entity_template(state: &AppState, p: &EntityProfile) -> EntityTemplate {
    let d = &p.detail;
    let key_q = query_value(&d.key);
    let said = p
        .said
        .iter()
        .map(|c| SaidRow {
            doc_href: format!("/doc/{}", path_segment(&c.doc_id)),
            doc_title: p
                .headlines
                .get(&c.doc_id)
                .cloned()
                .unwrap_or_else(|| c.doc_id.clone()),
            date: day(c.published),
            speaker: c.speaker.clone().unwrap_or_default(),
            speaker_href: String::new(),
            content: shorten(&c.content, 400),
            hedged: c.hedged,
            kind: serde_json::to_value(c.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
        })
        .collect();
    let said_of = p
        .said_of
        .iter()
        .map(|s| SaidRow {
            doc_href: format!("/doc/{}#m-a{}", path_segment(&s.doc_id), s.position),
            doc_title: s.title.clone().unwrap_or_else(|| s.doc_id.clone()),
            date: day(s.published),
            speaker: s
                .speaker
                .clone()
                .unwrap_or_else(|| "(no speaker named)".into()),
            speaker_href: s
                .speaker_key
                .as_deref()
                .map(entity_href)
                .unwrap_or_default(),
            content: shorten(&s.content, 400),
            hedged: s.hedged,
            kind: serde_json::to_value(s.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
        })
        .collect();
    let points: Vec<map::Point> = p
        .located
        .iter()
        .map(|pl| map::Point {
            key: pl.key.clone(),
            name: pl.name.clone(),
            lat: pl.lat,
            lon: pl.lon,
            documents: pl.documents,
        })
        .collect();
    let own_place = p
        .keys
        .iter()
        .find(|k| points.iter().any(|pt| &pt.key == *k))
        .cloned();
    EntityTemplate {
        nav: Nav::new(state, "entities"),
        key: d.key.clone(),
        key_segment: path_segment(&d.key),
        name: d.name.clone(),
        label: d.label.as_str().to_string(),
        mentions: d.mentions,
        documents_count: d.documents_total,
        documents_shown: d.documents.len().min(100),
        kb: d
            .kb
            .as_ref()
            .map(|k| {
                format!(
                    "{}:{}{}",
                    k.kb,
                    k.id,
                    k.name
                        .as_deref()
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default()
                )
            })
            .unwrap_or_default(),
        aliases: d
            .aliases
            .iter()
            .map(|a| (a.surface.clone(), a.count))
            .collect(),
        merges: d
            .merged_from
            .iter()
            .map(|m| MergeRow {
                from_key: m.from_key.clone(),
                from_name: m.from_name.clone().unwrap_or_default(),
                rule: m.rule.clone(),
                explanation: m
                    .evidence
                    .get("explanation")
                    .and_then(|e| e.as_str())
                    .map(str::to_string)
                    .unwrap_or_else(|| m.evidence.to_string()),
            })
            .collect(),
        chart: chart::bars(
            &p.by_month
                .iter()
                .map(|m| (m.month.clone(), m.mentions))
                .collect::<Vec<_>>(),
            "mentions",
            |period| Some(period_search(&key_q, period)),
        ),
        said,
        said_of,
        co_mentioned: d
            .co_mentioned
            .iter()
            .map(|c| LinkRow {
                href: entity_href(&c.key),
                text: c.name.clone(),
                note: format!("{} · {} doc.", c.label.as_str(), c.documents),
            })
            .collect(),
        places: p
            .located
            .iter()
            .map(|pl| LinkRow {
                href: format!("/search?place={}", query_value(&pl.key)),
                text: pl.name.clone(),
                note: format!(
                    "{}{} doc.",
                    pl.country
                        .as_deref()
                        .map(|c| format!("{c} · "))
                        .unwrap_or_default(),
                    pl.documents
                ),
            })
            .collect(),
        map: if points.is_empty() {
            String::new()
        } else {
            map::svg(&points, own_place.as_deref(), 8)
        },
        documents: d
            .documents
            .iter()
            .take(100)
            .map(|r| LinkRow {
                href: format!("/doc/{}", path_segment(&r.id)),
                text: p
                    .headlines
                    .get(&r.id)
                    .cloned()
                    .unwrap_or_else(|| r.id.clone()),
                note: day(r.published),
            })
            .collect(),
        others: d
            .other_matches
            .iter()
            .map(|k| LinkRow {
                href: entity_href(k),
                text: k.clone(),
                note: String::new(),
            })
            .collect(),
        documents_read: p.documents_read,
        search_href: format!("/search?entity={key_q}"),
        timeline_href: format!("/timeline?entity={key_q}"),
    }
}

/// Documents mentioning the entity in one period (`YYYY-MM` or `YYYY`).
fn period_search(key_q: &str, period: &str) -> String {
    let (from, to) = if period.len() == 4 {
        (format!("{period}-01-01"), format!("{period}-12-31"))
    } else {
        (format!("{period}-01"), period.to_string())
    };
    let last = if to.len() == 7 {
        // The month's last day, through the parser that reads `to`.
        crate::params::Params::parse(Some(&format!("to={to}")), &["to"])
            .ok()
            .and_then(|p| p.date("to", true).ok().flatten())
            .map(|d| d.to_string())
            .unwrap_or(to)
    } else {
        to
    };
    format!("/search?entity={key_q}&from={from}&to={last}")
}

async fn entity(
    State(state): Shared,
    key: Result<Path<String>, axum::extract::rejection::PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    Params::parse(raw.as_deref(), &[])?;
    let key = path_param(key, "key")?;
    let wanted = key.clone();
    let profile = state
        .pool
        .run(move |store| Ok(browse::entity_profile(store, &wanted)?))
        .await?
        .ok_or_else(|| ApiError::not_found("key", format!("no entity `{}`", clip(&key))))?;
    render(&entity_template(&state, &profile))
}

#[derive(Deserialize)]
struct UnmergeForm {
    from_key: String,
}

async fn unmerge(
    State(state): Shared,
    key: Result<Path<String>, axum::extract::rejection::PathRejection>,
    form: Result<Form<UnmergeForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, PageError> {
    let key = path_param(key, "key")?;
    let Form(form) = form.map_err(|e| ApiError::bad_parameter("from_key", e.body_text()))?;
    crate::api::undo(&state, form.from_key.trim().to_string()).await?;
    Ok(Redirect::to(&entity_href(&key)).into_response())
}

// ------------------------------------------------------------------ map

#[derive(Template)]
#[template(path = "map.html")]
struct MapTemplate {
    nav: Nav,
    svg: String,
    from: String,
    to: String,
    rows: Vec<LinkRow>,
    total: usize,
    focus_name: String,
}

async fn map_page(State(state): Shared, RawQuery(raw): RawQuery) -> Result<Response, PageError> {
    let params = Params::parse(raw.as_deref(), &["from", "to", "focus"])?;
    let from = params.date("from", false)?;
    let to = params.date("to", true)?;
    check_range(from, to)?;
    let focus = params.owned("focus");
    let places = state
        .pool
        .run(move |store| Ok(browse::map_places(store, from, to, 1000)?))
        .await?;
    let points: Vec<map::Point> = places
        .iter()
        .map(|p| map::Point {
            key: p.key.clone(),
            name: p.name.clone(),
            lat: p.lat,
            lon: p.lon,
            documents: p.documents,
        })
        .collect();
    let focus_name = focus
        .as_deref()
        .and_then(|k| places.iter().find(|p| p.key == k))
        .map(|p| p.name.clone())
        .unwrap_or_default();
    render(&MapTemplate {
        nav: Nav::new(&state, "map"),
        svg: map::svg(&points, focus.as_deref(), 14),
        from: day(from),
        to: day(to),
        total: places.len(),
        rows: places
            .iter()
            .take(200)
            .map(|p| LinkRow {
                href: format!("/search?place={}", query_value(&p.key)),
                text: p.name.clone(),
                note: format!(
                    "{}{}",
                    p.country
                        .as_deref()
                        .map(|c| format!("{c} · "))
                        .unwrap_or_default(),
                    p.documents
                ),
            })
            .collect(),
        focus_name,
    })
}

// ------------------------------------------------------------------ timeline

pub struct ItemView {
    pub date: String,
    pub from_text: bool,
    pub kind: &'static str,
    /// CSS class of the kind.
    pub kind_class: &'static str,
    pub text: String,
    pub speaker: String,
    pub hedged: bool,
    pub figure: String,
    pub doc_href: String,
    pub doc_title: String,
    pub outlet: String,
}

#[derive(Template)]
#[template(path = "timeline.html")]
struct TimelineTemplate {
    nav: Nav,
    name: String,
    entity_href: String,
    chart: String,
    /// Items grouped by year-month: (heading, items).
    groups: Vec<(String, Vec<ItemView>)>,
    count: usize,
    undated: usize,
    /// Which documents were read: "its 12 most recent documents", "its 3 articles".
    read_from: String,
}

fn timeline_template(state: &AppState, t: &Timeline) -> TimelineTemplate {
    let mut groups: Vec<(String, Vec<ItemView>)> = Vec::new();
    let mut months: Vec<(String, u64)> = Vec::new();
    for item in &t.items {
        let month = item.date.get(..7).unwrap_or(&item.date).to_string();
        match months.last_mut() {
            Some((m, n)) if *m == month => *n += 1,
            _ => months.push((month.clone(), 1)),
        }
        let view = ItemView {
            date: item.date.clone(),
            from_text: item.date_from == browse::DateFrom::Text,
            kind: match item.kind {
                browse::ItemKind::StatementBy => "said",
                browse::ItemKind::StatementAbout => "said of",
                browse::ItemKind::Figure => "figure",
                browse::ItemKind::Statement => "said",
            },
            kind_class: match item.kind {
                browse::ItemKind::StatementBy => "said",
                browse::ItemKind::StatementAbout => "said-of",
                browse::ItemKind::Figure => "figure",
                browse::ItemKind::Statement => "said",
            },
            text: shorten(&item.text, 500),
            speaker: item.speaker.clone().unwrap_or_default(),
            hedged: item.hedged,
            figure: item.figure.clone().unwrap_or_default(),
            doc_href: format!("/doc/{}", path_segment(&item.doc_id)),
            doc_title: item.title.clone().unwrap_or_else(|| item.doc_id.clone()),
            outlet: item.outlet.clone().unwrap_or_default(),
        };
        match groups.last_mut() {
            Some((heading, items)) if *heading == month => items.push(view),
            _ => groups.push((month, vec![view])),
        }
    }
    TimelineTemplate {
        nav: Nav::new(state, "timeline"),
        name: t.name.clone(),
        entity_href: match t.subject {
            browse::SubjectKind::Entity => entity_href(&t.key),
            browse::SubjectKind::Story => format!("/story/{}", path_segment(&t.key)),
        },
        chart: chart::bars(&months, "items", |_| None),
        count: t.items.len(),
        groups,
        undated: t.undated,
        read_from: match t.subject {
            browse::SubjectKind::Entity => {
                format!("its {} most recent documents", t.documents_read)
            }
            browse::SubjectKind::Story => format!("the story's {} articles", t.documents_read),
        },
    }
}

#[derive(Template)]
#[template(path = "timeline_pick.html")]
struct TimelinePickTemplate {
    nav: Nav,
    rows: Vec<LinkRow>,
}

async fn timeline(State(state): Shared, RawQuery(raw): RawQuery) -> Result<Response, PageError> {
    let params = Params::parse(raw.as_deref(), crate::api::TIMELINE_PARAMS)?;
    if params.owned("entity").is_none() && params.owned("story").is_none() {
        // No subject yet: offer the most mentioned entities.
        let list = state
            .pool
            .run(|store| Ok(query::entities(store, None, 40)?))
            .await?;
        return render(&TimelinePickTemplate {
            nav: Nav::new(&state, "timeline"),
            rows: list
                .iter()
                .map(|e| LinkRow {
                    href: format!("/timeline?entity={}", query_value(&e.key)),
                    text: e.name.clone(),
                    note: format!("{} · {} mentions", e.label.as_str(), e.mentions),
                })
                .collect(),
        });
    }
    let (subject, parameter, value) = crate::api::timeline_subject(&params)?;
    let t = state
        .pool
        .run(move |store| Ok(browse::timeline(store, &subject)?))
        .await?
        .ok_or_else(|| crate::api::timeline_not_found(parameter, &value))?;
    render(&timeline_template(&state, &t))
}

// ------------------------------------------------------------------ stories

pub struct StoryRow {
    pub href: String,
    pub title: String,
    pub dates: String,
    pub independent: u64,
    pub articles: u64,
    pub outlets: String,
    pub disagreements: u64,
    pub single_source: bool,
    pub disagreeing: bool,
    pub event_type: String,
}

#[derive(Template)]
#[template(path = "stories.html")]
struct StoriesTemplate {
    nav: Nav,
    by_articles: bool,
    /// (label, link, active)
    tabs: Vec<(&'static str, String, bool)>,
    rows: Vec<StoryRow>,
}

/// `first…last`, one day when they are the same, empty when unknown.
fn date_range(first: Option<chrono::NaiveDate>, last: Option<chrono::NaiveDate>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} … {b}"),
        (Some(a), None) | (None, Some(a)) => a.to_string(),
        (None, None) => String::new(),
    }
}

pub fn story_href(id: &str) -> String {
    format!("/story/{}", path_segment(id))
}

async fn stories(State(state): Shared, RawQuery(raw): RawQuery) -> Result<Response, PageError> {
    let params = Params::parse(raw.as_deref(), crate::api::STORIES_PARAMS)?;
    let filter = crate::api::story_filter(&params)?;
    let by_articles = filter.order == query::StoryOrder::Articles;
    let (disagreeing, several) = (filter.disagreeing, filter.min_articles >= 2);
    let wanted = filter.clone();
    let list = state
        .pool
        .run(move |store| Ok(query::stories(store, &wanted)?))
        .await?;
    render(&StoriesTemplate {
        nav: Nav::new(&state, "stories"),
        by_articles,
        tabs: vec![
            ("all", "/stories".to_string(), !disagreeing && !several),
            (
                "several articles",
                "/stories?min_articles=2".to_string(),
                several && !disagreeing,
            ),
            (
                "disagreeing",
                "/stories?disagreeing=true".to_string(),
                disagreeing,
            ),
        ],
        rows: list
            .iter()
            .map(|s| StoryRow {
                href: story_href(&s.id),
                title: s.title.clone(),
                dates: date_range(s.first_date, s.last_date),
                independent: s.independent_sources,
                articles: s.articles,
                outlets: s.outlets.join(", "),
                disagreements: s.disagreements,
                single_source: s.single_source,
                disagreeing: s.disagreeing,
                event_type: s.event_type.clone().unwrap_or_default(),
            })
            .collect(),
    })
}

pub struct MemberRow {
    pub href: String,
    pub title: String,
    pub date: String,
    pub outlet: String,
    pub label: String,
    /// Other publications: "2024-05-02 Le Soir".
    pub also: Vec<String>,
    /// Name of its copy group, when it has one.
    pub group: String,
}

pub struct GroupView {
    pub name: String,
    pub articles: Vec<LinkRow>,
    pub links: Vec<String>,
}

pub struct SourceLink {
    pub text: String,
    pub href: String,
}

pub struct ValueRow {
    pub shown: String,
    pub sources: Vec<SourceLink>,
    pub independent: usize,
    pub outlets: String,
    pub disagrees: bool,
    pub against: String,
}

pub struct FactView {
    pub name: String,
    pub disagreements: usize,
    pub values: Vec<ValueRow>,
    pub earlier: String,
}

pub struct StatementView {
    pub content: String,
    pub label: String,
    pub href: String,
}

pub struct SpeakerBlock {
    pub name: String,
    pub href: String,
    pub names: String,
    pub outlets: String,
    pub total: usize,
    pub statements: Vec<StatementView>,
}

#[derive(Template)]
#[template(path = "story.html")]
struct StoryTemplate {
    nav: Nav,
    id: String,
    title: String,
    dates: String,
    articles: u64,
    appearances: u64,
    outlets: usize,
    independent: u64,
    disagreements: u64,
    single_source: bool,
    disagreeing: bool,
    event: Option<recoupe_app::story::EventView>,
    members: Vec<MemberRow>,
    groups: Vec<GroupView>,
    facts: Vec<FactView>,
    speakers: Vec<SpeakerBlock>,
}

fn story_template(state: &AppState, v: &recoupe_app::story::StoryView) -> StoryTemplate {
    let d = &v.detail;
    let s = &d.summary;
    let label = |id: &str| {
        v.labels
            .get(id)
            .filter(|l| !l.is_empty())
            .cloned()
            .unwrap_or_else(|| id.chars().take(8).collect())
    };
    let group_name = |k: usize| format!("copy group {}", k + 1);
    let doc_href = |id: &str| format!("/doc/{}", path_segment(id));
    let members: Vec<MemberRow> = d
        .members
        .iter()
        .map(|m| {
            let first = m.appearances.first();
            MemberRow {
                href: doc_href(&m.id),
                title: m
                    .title
                    .clone()
                    .filter(|t| !t.trim().is_empty())
                    .or_else(|| v.headlines.get(&m.id).cloned())
                    .unwrap_or_else(|| format!("(untitled {})", label(&m.id))),
                date: first
                    .and_then(|a| a.published)
                    .map(|p| p.date.to_string())
                    .unwrap_or_default(),
                outlet: first.and_then(|a| a.outlet.clone()).unwrap_or_default(),
                label: label(&m.id),
                also: m
                    .appearances
                    .iter()
                    .skip(1)
                    .map(|a| {
                        format!(
                            "{} {}",
                            a.published.map(|p| p.date.to_string()).unwrap_or_default(),
                            a.outlet.as_deref().unwrap_or("")
                        )
                        .trim()
                        .to_string()
                    })
                    .collect(),
                group: v
                    .copy_groups
                    .iter()
                    .position(|g| g.articles.contains(&m.id))
                    .map(group_name)
                    .unwrap_or_default(),
            }
        })
        .collect();
    let outlet_of = |id: &str| {
        d.members
            .iter()
            .find(|m| m.id == id)
            .and_then(|m| m.appearances.first())
            .and_then(|a| a.outlet.clone())
            .unwrap_or_default()
    };
    let groups = v
        .copy_groups
        .iter()
        .enumerate()
        .map(|(k, g)| GroupView {
            name: group_name(k),
            articles: g
                .articles
                .iter()
                .map(|id| LinkRow {
                    href: doc_href(id),
                    text: label(id),
                    note: outlet_of(id),
                })
                .collect(),
            links: g
                .links
                .iter()
                .map(|l| {
                    format!(
                        "{} ⇄ {}: {} passage(s), {} words, {:.0}% / {:.0}% of the texts{}",
                        label(&l.a),
                        label(&l.b),
                        l.passages,
                        l.words,
                        100.0 * l.share_a,
                        100.0 * l.share_b,
                        l.origin
                            .as_deref()
                            .map(|o| format!(" · {} is the earlier", label(o)))
                            .unwrap_or_default()
                    )
                })
                .collect(),
        })
        .collect();
    let facts = v
        .facts
        .iter()
        .map(|f| FactView {
            name: f.name.clone(),
            disagreements: f.disagreements,
            values: f
                .values
                .iter()
                .map(|val| ValueRow {
                    shown: val.shown.clone(),
                    sources: val
                        .sources
                        .iter()
                        .map(|src| SourceLink {
                            text: src.text.clone(),
                            href: src.article.as_deref().map(doc_href).unwrap_or_default(),
                        })
                        .collect(),
                    independent: val.independent_sources,
                    outlets: val.outlets.join(", "),
                    disagrees: val.disagrees,
                    against: val.disagrees_with.join(", "),
                })
                .collect(),
            earlier: f
                .earlier
                .iter()
                .map(|e| format!("{} in {}", e.shown, label(&e.article)))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let speakers = v
        .speakers
        .iter()
        .map(|sp| SpeakerBlock {
            name: sp.name.clone(),
            href: entity_href(&sp.key),
            names: sp
                .names
                .iter()
                .filter(|n| **n != sp.name)
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
            outlets: sp.outlets.join(", "),
            total: sp.total,
            statements: sp
                .statements
                .iter()
                .map(|st| StatementView {
                    content: shorten(&st.content, 400),
                    label: label(&st.article),
                    href: doc_href(&st.article),
                })
                .collect(),
        })
        .collect();
    StoryTemplate {
        nav: Nav::new(state, "stories"),
        id: s.id.clone(),
        title: s.title.clone(),
        dates: date_range(s.first_date, s.last_date),
        articles: s.articles,
        appearances: s.appearances,
        outlets: s.outlets.len(),
        independent: s.independent_sources,
        disagreements: s.disagreements,
        single_source: s.single_source,
        disagreeing: s.disagreeing,
        event: v.event.clone(),
        members,
        groups,
        facts,
        speakers,
    }
}

async fn story(
    State(state): Shared,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, PageError> {
    Params::parse(raw.as_deref(), &[])?;
    let id = path_param(id, "id")?;
    let wanted = id.clone();
    let view = state
        .pool
        .run(move |store| Ok(recoupe_app::story::story_view(store, &wanted)?))
        .await?
        .ok_or_else(|| ApiError::not_found("id", format!("no story `{}`", clip(&id))))?;
    render(&story_template(&state, &view))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_web_urls_are_links() {
        assert!(safe_url("https://example.org/a?b=c"));
        assert!(safe_url("HTTP://example.org"));
        for url in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example",
            "https://example.org/\u{0}x",
            "https://exa mple.org",
        ] {
            assert!(!safe_url(url), "{url}");
        }
    }

    #[test]
    fn period_links_cover_the_whole_period() {
        assert_eq!(
            period_search("k", "2024-02"),
            "/search?entity=k&from=2024-02-01&to=2024-02-29"
        );
        assert_eq!(
            period_search("k", "2019"),
            "/search?entity=k&from=2019-01-01&to=2019-12-31"
        );
    }
}

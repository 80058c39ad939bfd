//! A store made of the demo corpus plus one hostile article, and requests against the
//! application in process (no socket), as a client would send them.
#![allow(dead_code)]

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use recoupe_app::Store;
use recoupe_server::{AppState, ServeConfig};
use tower::ServiceExt;

/// An article written to attack the pages: markup in every field a source controls.
pub const HOSTILE: &str = r#"{"id": "hostile-1", "url": "javascript:alert(1)", "outlet": "<b>Evil</b>\" onmouseover=\"alert(2)", "published": "2024-05-01", "text": "Attaque <script>alert('x')</script> à Beyrouth\nSelon le ministère de la Santé, <img src=x onerror=alert(3)> douze personnes ont été tuées à Beyrouth le 30 avril. « <a href=\"javascript:alert(4)\">Cliquez ici</a> », a déclaré Jean Dupont, porte-parole du ministère."}"#;

fn build(dir: &Path) -> PathBuf {
    let db = dir.join("store.db");
    let mut store = recoupe_app::open_store(&db).expect("store");
    recoupe_app::demo::run_demo(&mut store).expect("demo");
    let pipeline = recoupe_app::pipeline().expect("pipeline");
    let mut docs: Vec<_> = recoupe_ingest::read_reader(
        Cursor::new(HOSTILE.as_bytes().to_vec()),
        "hostile.jsonl",
        Some(recoupe_ingest::InputFormat::Jsonl),
        &recoupe_ingest::IngestOptions::default(),
    )
    .map(|d| d.expect("hostile article reads"))
    .collect();
    recoupe_app::ingest::annotate(&pipeline, &mut docs).expect("annotate");
    store.put_batch(&docs).expect("store hostile");
    db
}

/// The shared read-only store (built once per test binary).
pub fn store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, db) = STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = build(dir.path());
        (dir, db)
    });
    db
}

/// A fresh copy of the store, for tests that change it.
pub fn store_copy() -> (tempfile::TempDir, PathBuf) {
    let source = store();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("store.db");
    // The WAL holds committed pages too: checkpoint by opening through SQLite's backup
    // is overkill here; copying both files gives the same database.
    std::fs::copy(source, &db).expect("copy store");
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", source.display()));
        if side.exists() {
            std::fs::copy(&side, format!("{}{suffix}", db.display())).expect("copy wal");
        }
    }
    (dir, db)
}

pub fn config(db: &Path) -> ServeConfig {
    ServeConfig::new(db.to_path_buf())
}

pub fn app(config: ServeConfig) -> Router {
    recoupe_server::router(AppState::open(&config).expect("server state"))
}

pub fn read_only() -> Router {
    app(config(store()))
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| {
            panic!("not JSON ({e}): {}", &self.body[..self.body.len().min(300)])
        })
    }

    /// The parameter an error names.
    pub fn parameter(&self) -> Option<String> {
        self.json()["error"]["parameter"]
            .as_str()
            .map(str::to_string)
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

pub fn request(method: Method, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "127.0.0.1:8787")
}

pub async fn get(app: &Router, uri: &str) -> Reply {
    send(app, request(Method::GET, uri).body(Body::empty()).unwrap()).await
}

/// The id of the demo article of this source id.
pub async fn id_of(app: &Router, external: &str) -> String {
    let reply = get(app, &format!("/api/v1/documents/{external}")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()["id"].as_str().unwrap().to_string()
}

/// Adds two reports that the clustering pass merges (an acronym defined in one, used
/// alone in the other), and runs it. Returns the merged key.
pub fn add_acronym_merge(db: &Path) -> String {
    use recoupe_model::*;
    const LONG: &str = "name:ORG:frs dmkrtks srns";
    const SHORT: &str = "name:ORG:fds";
    let report = |external: &str, text: &str, mentions: &[(&str, &str)]| {
        let mut meta = Metadata::new(Origin {
            kind: OriginKind::Jsonl,
            path: "merges.jsonl".into(),
            record: Some(external.into()),
        });
        meta.external_id = Some(external.into());
        let mut doc = Document::new(text.to_string(), meta);
        doc.layers.entities = mentions
            .iter()
            .map(|(surface, key)| {
                let start = text.find(surface).expect("surface in text");
                EntityMention {
                    span: Span::new(start, start + surface.len()),
                    label: EntityType::ORG,
                    kb: None,
                    entity: key.to_string(),
                    provenance: Provenance::new("entities", "test"),
                    evidence: Vec::new(),
                }
            })
            .collect();
        doc.mark_produced(Layer::Entities);
        doc
    };
    let docs = vec![
        report(
            "merge-a",
            "Les Forces démocratiques syriennes (FDS) ont repris le village.",
            &[("Forces démocratiques syriennes", LONG), ("FDS", LONG)],
        ),
        report(
            "merge-b",
            "Les FDS ont affirmé que la ville était tombée.",
            &[("FDS", SHORT)],
        ),
    ];
    let mut store = recoupe_app::open_store(db).expect("store");
    store.put_batch(&docs).expect("put");
    let report = store.cluster_entities().expect("cluster");
    assert!(report.added >= 1, "{report:?}");
    SHORT.to_string()
}

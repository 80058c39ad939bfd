//! The entity counts kept as documents arrive (migration 0006) and the bounded entity
//! page built on them (issue 11: entity pages of a store of 100k articles).

use recoupe_store::*;

fn filled(n: u64) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("counts.db");
    let mut store = SqliteStore::open(&path).unwrap();
    store.set_story_layer(false);
    let docs: Vec<_> = (0..n).map(synthetic::document).collect();
    for batch in docs.chunks(64) {
        store.put_batch(batch).unwrap();
    }
    (dir, path)
}

/// (key, surface, label, mentions) and (key, month, mentions, documents), as kept and as
/// counted from the mentions themselves.
fn kept_and_counted(conn: &rusqlite::Connection) -> [Vec<(String, String, String, i64)>; 2] {
    let read = |sql: &str| -> Vec<(String, String, String, i64)> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    let kept = read(
        "SELECT entity_key, surface, label, mentions FROM entity_surfaces
         UNION ALL SELECT entity_key, month, CAST(documents AS TEXT), mentions FROM entity_months
         ORDER BY 1, 2, 3",
    );
    let counted = read(
        "SELECT entity_key, surface, label, count(*) FROM mentions GROUP BY 1, 2, 3
         UNION ALL
         SELECT m.entity_key, coalesce(substr(d.published, 1, 7), ''),
                CAST(count(DISTINCT m.doc_rowid) AS TEXT), count(*)
         FROM mentions m JOIN documents d USING (doc_rowid) GROUP BY 1, 2
         ORDER BY 1, 2, 3",
    );
    [kept, counted]
}

#[test]
fn issue11_entity_counts_are_kept_at_ingest_and_rebuilt_by_the_migration() {
    let (_dir, path) = filled(300);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let [kept, counted] = kept_and_counted(&conn);
    assert!(kept.len() > 20);
    assert_eq!(kept, counted);
    // A store of schema 5 gets them from its mentions.
    conn.execute_batch(
        "DROP TABLE entity_surfaces; DROP TABLE entity_months; DROP INDEX mentions_doc;
         ALTER TABLE documents DROP COLUMN published_from_start;
         ALTER TABLE documents DROP COLUMN published_from_end;
         DELETE FROM schema_migrations WHERE version >= 6; PRAGMA user_version = 5;",
    )
    .unwrap();
    drop(conn);
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SQLITE_SCHEMA_VERSION);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let [rebuilt, _] = kept_and_counted(&conn);
    assert_eq!(rebuilt, kept);
}

#[test]
fn issue11_an_entity_page_lists_the_newest_documents_of_every_entity_size() {
    let (_dir, path) = filled(400);
    let store = SqliteStore::open(&path).unwrap();
    let entities = store.top_entities(None, 1000).unwrap();
    let common = entities.first().unwrap();
    let rare = entities.iter().rev().find(|e| e.documents >= 3).unwrap();
    // The most common entity is in most documents: its newest are found walking the
    // documents newest first; asked for more documents than it has, or for a rarer
    // entity, they are read from its mentions. Every way gives the full listing, cut.
    assert!(common.documents * 2 > 400, "{common:?}");
    for entity in [common, rare] {
        let full = store.entity(&entity.key).unwrap().unwrap();
        let page = store.entity_page(&entity.key, 10).unwrap().unwrap();
        assert_eq!(page.documents_total, full.documents.len() as u64);
        assert_eq!(full.documents_total, full.documents.len() as u64);
        assert_eq!(page.documents.len(), full.documents.len().min(10));
        assert_eq!(page.documents[..], full.documents[..page.documents.len()]);
        assert_eq!(page.mentions, full.mentions);
        assert_eq!(page.name, full.name);
        let ids = store.documents_mentioning(&entity.key, 7).unwrap();
        let listed: Vec<&str> = full
            .documents
            .iter()
            .take(7)
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(ids, listed);
        let all = store.documents_mentioning(&entity.key, 100_000).unwrap();
        assert_eq!(all.len(), full.documents.len());
        assert!(all.iter().zip(&full.documents).all(|(a, d)| *a == d.id));
        let months = store.mentions_by_month(&entity.key).unwrap();
        let in_months: u64 = months.iter().map(|m| m.mentions).sum();
        assert!(in_months <= full.mentions && in_months > 0);
        assert!(months.windows(2).all(|w| w[0].month < w[1].month));
    }
    // Statements of an entity: by its keys only, newest first, at most the limit.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let speaker: String = conn
        .query_row(
            "SELECT speaker_key FROM attributions WHERE speaker_key IS NOT NULL
             GROUP BY speaker_key ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let claims = store.claims_of_entity(&speaker, 5).unwrap();
    assert!(!claims.is_empty() && claims.len() <= 5);
    assert!(claims
        .iter()
        .all(|c| c.speaker_key.as_deref() == Some(speaker.as_str())));
    assert!(claims.windows(2).all(|w| w[0].published >= w[1].published));
}

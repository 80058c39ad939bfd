-- recoupe store, schema 1: documents with their metadata and layers, the entity mentions,
-- attributions and places flattened for cross-article queries, and a full-text index.

CREATE TABLE documents (
    -- Integer key so the FTS5 index and the layer tables can point at a document cheaply.
    doc_rowid INTEGER PRIMARY KEY,
    -- Content hash (32 hex digits): identical text is the same document.
    id TEXT NOT NULL UNIQUE,
    external_id TEXT,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,              -- YYYY-MM-DD
    published_source TEXT,       -- metadata | inferred
    language TEXT,
    language_confidence REAL,
    cluster TEXT,
    ingested_at TEXT NOT NULL,   -- RFC 3339, UTC
    origin_kind TEXT NOT NULL,
    origin_path TEXT NOT NULL,
    origin_record TEXT,
    text TEXT NOT NULL,
    -- zstd-compressed JSON {"produced": [...], "tokens": "...", "layers": {...}}: the layers as
    -- the model serialises them, tokens excepted (compact runs, see src/layers_codec.rs).
    layers BLOB NOT NULL,
    schema_version INTEGER NOT NULL,
    -- Per-layer sizes, so stats and CSV export need not parse the layers JSON.
    n_sentences INTEGER NOT NULL,
    n_tokens INTEGER NOT NULL,
    n_entities INTEGER NOT NULL,
    n_nationalities INTEGER NOT NULL,
    n_places INTEGER NOT NULL,
    n_dates INTEGER NOT NULL,
    n_quantities INTEGER NOT NULL,
    n_attributions INTEGER NOT NULL,
    n_unsourced INTEGER NOT NULL,
    n_events INTEGER NOT NULL
);
CREATE INDEX documents_external_id ON documents(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX documents_published ON documents(published);

-- Clustered by entity key, so everything about one entity is one range scan and an insert
-- touches this one B-tree. No index by document: documents are never deleted one by one,
-- and the layers column holds each document's mentions anyway.
CREATE TABLE mentions (
    entity_key TEXT NOT NULL,
    doc_rowid INTEGER NOT NULL REFERENCES documents(doc_rowid),
    position INTEGER NOT NULL,   -- index in the document's entities layer
    start_byte INTEGER NOT NULL,
    end_byte INTEGER NOT NULL,
    label TEXT NOT NULL,
    surface TEXT NOT NULL,
    PRIMARY KEY (entity_key, doc_rowid, position)
) WITHOUT ROWID;

-- Every name an entity key is known by, folded (lowercase, no accents, punctuation as
-- spaces: "l'État islamique" -> "l etat islamique"): its surface forms and its
-- knowledge-base name. One row per distinct pair rather than an index entry per mention.
CREATE TABLE entity_names (
    name_folded TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    PRIMARY KEY (name_folded, entity_key)
) WITHOUT ROWID;

-- The knowledge-base link of each linked entity key, once per key (the first seen).
CREATE TABLE entity_links (
    entity_key TEXT PRIMARY KEY,
    kb TEXT NOT NULL,
    kb_id TEXT NOT NULL,
    kb_name TEXT
) WITHOUT ROWID;

CREATE TABLE attributions (
    doc_rowid INTEGER NOT NULL REFERENCES documents(doc_rowid),
    position INTEGER NOT NULL,   -- index in the document's attributions layer
    speaker TEXT,
    speaker_folded TEXT,
    speaker_key TEXT,
    speaker_unnamed INTEGER NOT NULL,
    content TEXT NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT,
    via TEXT NOT NULL,           -- JSON array of entity keys, nearest first
    hedged INTEGER NOT NULL
);
CREATE INDEX attributions_speaker_key ON attributions(speaker_key);

CREATE TABLE places (
    doc_rowid INTEGER NOT NULL REFERENCES documents(doc_rowid),
    entity_key TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    kind TEXT NOT NULL,
    lat REAL,
    lon REAL,
    kb TEXT,
    kb_id TEXT
);
CREATE INDEX places_entity_key ON places(entity_key);

-- External-content FTS5 index over title + text (the text is not stored twice).
-- remove_diacritics 2: "armee" finds "armée", "Etats-Unis" finds "États-Unis".
-- Both apostrophes are separators, so "l'armée" and "l’armée" index "l" + "armée".
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title,
    text,
    content = 'documents',
    content_rowid = 'doc_rowid',
    tokenize = "unicode61 remove_diacritics 2 separators '''’'"
);

-- No insert trigger: the store adds each document to the index with its own statement.
-- Inside a trigger the insert runs in a statement savepoint, and FTS5 flushes its pending
-- terms to a new on-disk segment at every savepoint: one segment per document, then
-- merges. That was 60% of the cost of an insert.
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.doc_rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.doc_rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_rowid, new.title, new.text);
END;

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
    -- JSON {"produced": [...], "layers": {...}}: the document's layers exactly as the model serialises them.
    layers TEXT NOT NULL,
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

CREATE TABLE mentions (
    doc_rowid INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
    start_byte INTEGER NOT NULL,
    end_byte INTEGER NOT NULL,
    label TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    surface TEXT NOT NULL,
    -- Lowercase, accents and punctuation removed: "l'État islamique" -> "l etat islamique".
    surface_folded TEXT NOT NULL,
    kb TEXT,
    kb_id TEXT,
    kb_name TEXT,
    kb_name_folded TEXT
);
CREATE INDEX mentions_entity_key ON mentions(entity_key);
CREATE INDEX mentions_surface_folded ON mentions(surface_folded);
CREATE INDEX mentions_doc ON mentions(doc_rowid);
CREATE INDEX mentions_kb_name_folded ON mentions(kb_name_folded) WHERE kb_name_folded IS NOT NULL;

CREATE TABLE attributions (
    doc_rowid INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
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
CREATE INDEX attributions_speaker_folded ON attributions(speaker_folded);
CREATE INDEX attributions_doc ON attributions(doc_rowid);

CREATE TABLE places (
    doc_rowid INTEGER NOT NULL REFERENCES documents(doc_rowid) ON DELETE CASCADE,
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
CREATE INDEX places_doc ON places(doc_rowid);

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

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.doc_rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.doc_rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_rowid, new.title, new.text);
END;

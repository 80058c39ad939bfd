-- recoupe store, schema 3: appearances. A text keeps its content-hash identity (one row of
-- `documents`, annotated once); every publication of it is an appearance: the outlet, URL,
-- publication date, the source's own id and the file and record it was read from. The
-- same text published by two outlets is one document with two appearances; reading the
-- very same record again adds nothing.

CREATE TABLE appearances (
    appearance_id INTEGER PRIMARY KEY,
    doc_rowid INTEGER NOT NULL REFERENCES documents(doc_rowid),
    -- What makes two readings the same publication: outlet, URL, source id and publication
    -- date when the source gives any of outlet, URL or id; otherwise the file and record.
    -- JSON array, compared as text.
    identity TEXT NOT NULL,
    external_id TEXT,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,              -- YYYY-MM-DD
    published_source TEXT,       -- metadata | inferred
    cluster TEXT,
    ingested_at TEXT NOT NULL,   -- RFC 3339, UTC
    origin_kind TEXT NOT NULL,
    origin_path TEXT NOT NULL,
    origin_record TEXT
);
CREATE UNIQUE INDEX appearances_identity ON appearances(doc_rowid, identity);
CREATE INDEX appearances_outlet ON appearances(outlet);

-- Every document stored before this migration has one appearance: its own metadata.
INSERT INTO appearances (doc_rowid, identity, external_id, url, outlet, title, published,
                         published_source, cluster, ingested_at, origin_kind, origin_path,
                         origin_record)
SELECT doc_rowid,
       CASE WHEN outlet IS NULL AND url IS NULL AND external_id IS NULL
            THEN json_array('record', origin_path, origin_record)
            ELSE json_array('publication', outlet, url, external_id,
                            CASE WHEN published_source = 'metadata' THEN published END)
       END,
       external_id, url, outlet, title, published, published_source, cluster, ingested_at,
       origin_kind, origin_path, origin_record
FROM documents ORDER BY doc_rowid;

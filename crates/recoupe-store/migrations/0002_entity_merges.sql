-- recoupe store, schema 2: cross-article entity merges. Each row says "entity key from_key
-- is the same real-world entity as to_key", by which rule and on what evidence (JSON).
-- Rows are never deleted: undoing a merge sets undone_at, and the clustering pass never
-- redoes a merge that was undone. The canonical key of an entity is found by following
-- active merges (undone_at IS NULL) from its key until a key with no active merge.

CREATE TABLE entity_merges (
    merge_id INTEGER PRIMARY KEY,
    from_key TEXT NOT NULL,
    to_key TEXT NOT NULL,
    rule TEXT NOT NULL,          -- acronym | kb-surface | skeleton
    evidence TEXT NOT NULL,      -- JSON object: surfaces, documents, explanation
    created_at TEXT NOT NULL,    -- RFC 3339, UTC
    undone_at TEXT               -- RFC 3339, UTC; NULL while the merge is active
);
-- A key merges into at most one other key at a time, so canonical keys are well defined.
CREATE UNIQUE INDEX entity_merges_active_from ON entity_merges(from_key) WHERE undone_at IS NULL;
CREATE INDEX entity_merges_to ON entity_merges(to_key);

-- Derived from the active merges and rebuilt whenever they change: every key that is
-- merged into another, with its canonical (root) key. Keys absent here are their own
-- canonical key. Queries join it to aggregate mentions of merged keys.
CREATE TABLE entity_canonical (
    entity_key TEXT PRIMARY KEY,
    canonical_key TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX entity_canonical_root ON entity_canonical(canonical_key);

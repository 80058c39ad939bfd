-- recoupe store, schema 6: counts of each entity key kept as documents arrive, so that an
-- entity's page costs the same whether it is named in ten documents or in all of them
-- (the workbench, issue 11). Documents and mentions are only ever added, never changed:
-- the transaction that stores a document adds its mentions to these counts.
--   entity_surfaces  mentions of a key by surface and label: the entity's name (its most
--                    frequent surface), type and aliases, and its number of mentions;
--   entity_months    mentions and documents of a key by month of publication ('' for
--                    documents without a date): the chart of mentions over time and the
--                    number of documents.
-- Counts are per key; an entity's are the sums over its key and the keys merged into it.
CREATE TABLE IF NOT EXISTS entity_surfaces (
    entity_key TEXT NOT NULL,
    surface TEXT NOT NULL,
    label TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity_key, surface, label)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entity_months (
    entity_key TEXT NOT NULL,
    month TEXT NOT NULL,         -- YYYY-MM of publication, '' when unknown
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    PRIMARY KEY (entity_key, month)
) WITHOUT ROWID;

-- The mentions, statements and places of a few documents: what an entity's newest
-- documents co-mention, what it says and where, in them.
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_rowid);
CREATE INDEX IF NOT EXISTS attributions_doc ON attributions(doc_rowid);
CREATE INDEX IF NOT EXISTS places_doc ON places(doc_rowid);

-- The counts of the documents stored before this schema.
DELETE FROM entity_surfaces;
INSERT INTO entity_surfaces (entity_key, surface, label, mentions)
SELECT entity_key, surface, label, count(*) FROM mentions GROUP BY entity_key, surface, label;
DELETE FROM entity_months;
INSERT INTO entity_months (entity_key, month, mentions, documents)
SELECT m.entity_key, coalesce(substr(d.published, 1, 7), ''), count(*), count(DISTINCT m.doc_rowid)
FROM mentions m JOIN documents d USING (doc_rowid)
GROUP BY m.entity_key, coalesce(substr(d.published, 1, 7), '');

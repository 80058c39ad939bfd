-- recoupe store, schema 5: work that a command must finish and an interrupted run left
-- undone. One row per pending task:
--   'cluster-entities'  set in the transaction that stores new documents, removed in the
--                       transaction that records a clustering pass; an ingest killed
--                       during clustering leaves it set, and the next ingest (or
--                       `recoupe merges --recluster`) runs the pass.
CREATE TABLE pending_work (
    task TEXT PRIMARY KEY,
    since TEXT NOT NULL    -- RFC 3339, UTC: when the task became pending
) WITHOUT ROWID;

-- A store upgraded with documents in it cannot tell whether its last clustering pass
-- finished: it is run once more (the pass is idempotent).
INSERT INTO pending_work (task, since)
SELECT 'cluster-entities', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE EXISTS (SELECT 1 FROM documents);

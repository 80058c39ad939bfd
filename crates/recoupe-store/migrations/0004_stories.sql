-- recoupe store, schema 4: the cross-article layer (crate recoupe-stories, records by
-- recoupe-events). Per article, what the layer keeps of it (features) and the keys it is
-- filed under; per pair, story links and copied passages; per story, its members with
-- why each belongs, its facts with every report, and its event record.
--
-- Decisions depend on the set of articles, not their order: a new article looks up its
-- candidates in story_keys, links and copies are pairwise, and the stories of the region
-- of links it touches are recomputed and rewritten.

-- recoupe_stories::DocFeatures of each document, zstd-compressed JSON.
CREATE TABLE story_features (
    doc_rowid INTEGER PRIMARY KEY REFERENCES documents(doc_rowid),
    features BLOB NOT NULL
);

-- The candidate index (recoupe_stories::index_keys): kind 0 term, 1 entity, 2 fingerprint;
-- key a stable 64-bit hash stored as a signed integer.
CREATE TABLE story_keys (
    kind INTEGER NOT NULL,
    key INTEGER NOT NULL,
    doc_rowid INTEGER NOT NULL,
    PRIMARY KEY (kind, key, doc_rowid)
) WITHOUT ROWID;

-- Pairs of articles of one story by the pairwise decision (a < b by content-hash id),
-- with the evidence (recoupe_stories::Link as JSON).
CREATE TABLE story_links (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    score REAL NOT NULL,
    link TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX story_links_b ON story_links(b, a);

-- Pairs of articles sharing copied passages (a < b by content-hash id), across stories too.
CREATE TABLE copies (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    share_a REAL NOT NULL,       -- share of a's words inside the passages
    share_b REAL NOT NULL,
    origin INTEGER,              -- the earlier-published of the two, when the dates tell
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX copies_b ON copies(b, a);

CREATE TABLE copy_passages (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    position INTEGER NOT NULL,
    a_start INTEGER NOT NULL,    -- byte span in a's text
    a_end INTEGER NOT NULL,
    b_start INTEGER NOT NULL,    -- byte span in b's text
    b_end INTEGER NOT NULL,
    words INTEGER NOT NULL,      -- words aligned exactly
    PRIMARY KEY (a, b, position)
) WITHOUT ROWID;

-- One row per story, singletons included. `id` is the smallest content-hash id of its
-- articles; `story` the recoupe_stories::Story (JSON), `event` the
-- recoupe_events::EventRecord (JSON) with its main fields as columns for filtering.
CREATE TABLE stories (
    story_rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    first_date TEXT,
    last_date TEXT,
    articles INTEGER NOT NULL,
    appearances INTEGER NOT NULL,
    outlets INTEGER NOT NULL,
    independent INTEGER NOT NULL,
    disagreements INTEGER NOT NULL,
    story TEXT NOT NULL,
    event TEXT,
    event_type TEXT,
    event_country TEXT,
    event_date TEXT,             -- first day of the record's date
    event_date_end TEXT          -- last day (same as event_date unless an interval)
);
CREATE INDEX stories_articles ON stories(articles);
CREATE INDEX stories_event_date ON stories(event_date) WHERE event_type IS NOT NULL;

-- Membership: each article's story, with the strongest link that puts it there (JSON
-- recoupe_stories::Link: similarity, shared entities, dates; NULL for a single article).
CREATE TABLE story_members (
    doc_rowid INTEGER PRIMARY KEY,
    story_rowid INTEGER NOT NULL,
    explanation TEXT
);
CREATE INDEX story_members_story ON story_members(story_rowid);

-- Facts of each story (recoupe_stories::Fact) and every report of them.
CREATE TABLE facts (
    story_rowid INTEGER NOT NULL,
    position INTEGER NOT NULL,   -- index in the story's facts
    fact_id TEXT NOT NULL,       -- <story id>/<fact key>
    key TEXT NOT NULL,           -- category or category@part
    category TEXT NOT NULL,
    part TEXT,
    part_name TEXT,
    articles INTEGER NOT NULL,
    disagreements INTEGER NOT NULL,
    PRIMARY KEY (story_rowid, position)
) WITHOUT ROWID;
CREATE INDEX facts_disagreeing ON facts(disagreements) WHERE disagreements > 0;

CREATE TABLE fact_reports (
    story_rowid INTEGER NOT NULL,
    fact_position INTEGER NOT NULL,
    position INTEGER NOT NULL,   -- index in the fact's reports
    doc_rowid INTEGER NOT NULL,
    start_byte INTEGER NOT NULL, -- the quantity mention
    end_byte INTEGER NOT NULL,
    value TEXT NOT NULL,         -- JSON number or [low, high]
    qualifier TEXT NOT NULL,
    earlier INTEGER NOT NULL,
    source_key TEXT,             -- cross-article key of the claimant
    source_name TEXT,
    PRIMARY KEY (story_rowid, fact_position, position)
) WITHOUT ROWID;
CREATE INDEX fact_reports_doc ON fact_reports(doc_rowid);

-- Actors and recipients of each story's event record, folded, for `events --actor`.
CREATE TABLE event_entities (
    story_rowid INTEGER NOT NULL,
    role TEXT NOT NULL,          -- actor | recipient | responsible
    entity_key TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    PRIMARY KEY (story_rowid, role, entity_key)
) WITHOUT ROWID;
CREATE INDEX event_entities_name ON event_entities(name_folded);
CREATE INDEX event_entities_key ON event_entities(entity_key);

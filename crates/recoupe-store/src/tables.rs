//! The store as tables for data tools: one table per kind of thing (documents, entity
//! mentions, places, attributions, stories, facts, copies, events), each a fixed list of typed columns.
//!
//! This registry is the one place a table is defined: `export --format csv --table NAME`
//! and `export --format parquet` (crate `recoupe-app`) both write [`TABLES`], and
//! docs/schema.md documents the same columns (a test checks that every column is
//! there). A new table is one more entry of [`TABLES`]: its columns, and either a
//! function giving its rows for one document (filled in a single pass over the store
//! shared by every such table) or a function giving all its rows from store queries.

use std::collections::HashMap;
use std::io::Write;

use chrono::{DateTime, NaiveDate, Utc};
use recoupe_events::{AcledRow, StoryContext, ACLED_COLUMNS};
use recoupe_model::{Document, KbLink, Layer, Layers, QuantityValue};

use crate::{EventFilter, FactFilter, Store, StoreError, StoryFilter};
use ColumnType::{Bool, Date, Float, Int, Text, TextList, Timestamp};

/// The type of a column. Each maps to one Arrow/Parquet type and one CSV rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 string.
    Text,
    /// 64-bit signed integer.
    Int,
    /// 64-bit float.
    Float,
    Bool,
    /// A day (Parquet `DATE`); `YYYY-MM-DD` in CSV.
    Date,
    /// A UTC instant with microseconds (Parquet `TIMESTAMP(MICROS, UTC)`); RFC 3339 in CSV.
    Timestamp,
    /// A list of strings (Parquet `LIST<STRING>`); a JSON array in CSV.
    TextList,
}

impl ColumnType {
    /// The name docs/schema.md gives the type.
    pub fn doc_name(self) -> &'static str {
        match self {
            ColumnType::Text => "string",
            ColumnType::Int => "int64",
            ColumnType::Float => "float64",
            ColumnType::Bool => "bool",
            ColumnType::Date => "date",
            ColumnType::Timestamp => "timestamp",
            ColumnType::TextList => "list<string>",
        }
    }
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub ty: ColumnType,
    /// Whether the column may be empty (null).
    pub nullable: bool,
}

const fn col(name: &'static str, ty: ColumnType) -> Column {
    Column {
        name,
        ty,
        nullable: false,
    }
}

const fn opt(name: &'static str, ty: ColumnType) -> Column {
    Column {
        name,
        ty,
        nullable: true,
    }
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(NaiveDate),
    Timestamp(DateTime<Utc>),
    TextList(Vec<String>),
}

impl Cell {
    fn text(value: &Option<String>) -> Cell {
        value.clone().map_or(Cell::Null, Cell::Text)
    }

    fn str(value: Option<&str>) -> Cell {
        value.map_or(Cell::Null, |v| Cell::Text(v.to_string()))
    }

    fn int(value: usize) -> Cell {
        Cell::Int(i64::try_from(value).unwrap_or(i64::MAX))
    }

    fn float(value: Option<f64>) -> Cell {
        value.map_or(Cell::Null, Cell::Float)
    }

    /// Whether the cell can stand in a column of type `ty`.
    pub fn fits(&self, column: &Column) -> bool {
        matches!(
            (self, column.ty),
            (Cell::Null, _)
                | (Cell::Text(_), ColumnType::Text)
                | (Cell::Int(_), ColumnType::Int)
                | (Cell::Float(_), ColumnType::Float)
                | (Cell::Bool(_), ColumnType::Bool)
                | (Cell::Date(_), ColumnType::Date)
                | (Cell::Timestamp(_), ColumnType::Timestamp)
                | (Cell::TextList(_), ColumnType::TextList)
        ) && (column.nullable || *self != Cell::Null)
    }

    /// The cell as written in CSV.
    pub fn csv(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Float(x) => x.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Timestamp(t) => t.to_rfc3339(),
            Cell::TextList(items) => serde_json::to_string(items).unwrap_or_default(),
        }
    }
}

/// One row: one cell per column, in the table's column order.
pub type Row = Vec<Cell>;

/// What the row functions of a table may need besides the documents.
pub struct Context {
    /// Every merged entity key with its canonical key (following chains of merges).
    canonical: HashMap<String, String>,
}

impl Context {
    /// Reads what the tables need from `store`: the active entity merges.
    pub fn of(store: &dyn Store) -> Result<Context, StoreError> {
        let direct: HashMap<String, String> = store
            .merges()?
            .into_iter()
            .map(|m| (m.from_key, m.to_key))
            .collect();
        let mut canonical = HashMap::with_capacity(direct.len());
        for key in direct.keys() {
            let mut root = key;
            // A chain is at most as long as the number of merges; a cycle (which the store
            // never records) would stop there instead of looping.
            for _ in 0..=direct.len() {
                match direct.get(root) {
                    Some(next) => root = next,
                    None => break,
                }
            }
            canonical.insert(key.clone(), root.clone());
        }
        Ok(Context { canonical })
    }

    /// The canonical key of an entity key: itself when it is not merged.
    pub fn canonical<'k>(&'k self, key: &'k str) -> &'k str {
        self.canonical.get(key).map_or(key, String::as_str)
    }
}

/// Receives the rows of a [`Rows::Store`] table one by one.
pub type RowCallback<'a> = &'a mut dyn FnMut(Row) -> Result<(), StoreError>;

/// Reads every row of a table from the store's queries.
pub type StoreRows = fn(&dyn Store, &Context, RowCallback<'_>) -> Result<(), StoreError>;

/// Where a table's rows come from.
#[derive(Clone, Copy)]
pub enum Rows {
    /// Rows derived from each document alone, appended to the vector; all such tables are
    /// filled in one pass over the store.
    PerDocument(fn(&Document, &Context, &mut Vec<Row>)),
    /// Rows read from the store's own queries, passed one by one to the sink.
    Store(StoreRows),
}

/// A table of the export.
#[derive(Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    /// One line on what a row is.
    pub row: &'static str,
    pub columns: &'static [Column],
    pub rows: Rows,
}

impl Table {
    pub fn column_names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.name).collect()
    }
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table")
            .field("name", &self.name)
            .field("columns", &self.column_names())
            .finish()
    }
}

/// Every table, in export order.
pub const TABLES: &[Table] = &[
    DOCUMENTS,
    MENTIONS,
    PLACES,
    ATTRIBUTIONS,
    STORIES,
    FACTS,
    COPIES,
    EVENTS,
];

/// The table named `name`, or an error listing the names.
pub fn table(name: &str) -> Result<&'static Table, StoreError> {
    TABLES
        .iter()
        .find(|t| t.name == name)
        .ok_or_else(|| StoreError::UnknownTable {
            name: name.to_string(),
            known: TABLES.iter().map(|t| t.name).collect::<Vec<_>>().join(", "),
        })
}

// ------------------------------------------------------------------------ documents

/// One row per stored document.
pub const DOCUMENTS: Table = Table {
    name: "documents",
    row: "one stored document (one text, identified by its content hash)",
    columns: &[
        col("id", Text),
        opt("external_id", Text),
        opt("url", Text),
        opt("outlet", Text),
        opt("title", Text),
        opt("published", Date),
        opt("published_source", Text),
        opt("language", Text),
        opt("language_confidence", Float),
        opt("cluster", Text),
        col("ingested_at", Timestamp),
        col("origin_kind", Text),
        col("origin_path", Text),
        opt("origin_record", Text),
        col("text_bytes", Int),
        opt("sentences", Int),
        opt("tokens", Int),
        opt("entities", Int),
        opt("nationalities", Int),
        opt("places", Int),
        opt("dates", Int),
        opt("quantities", Int),
        opt("attributions", Int),
        opt("unsourced", Int),
        opt("events", Int),
        col("text", Text),
    ],
    rows: Rows::PerDocument(document_rows),
};

fn layer_len(layers: &Layers, layer: Layer) -> usize {
    match layer {
        Layer::Sentences => layers.sentences.len(),
        Layer::Tokens => layers.tokens.len(),
        Layer::Entities => layers.entities.len(),
        Layer::Nationalities => layers.nationalities.len(),
        Layer::Places => layers.places.len(),
        Layer::Dates => layers.dates.len(),
        Layer::Quantities => layers.quantities.len(),
        Layer::Attributions => layers.attributions.len(),
        Layer::Unsourced => layers.unsourced.len(),
        Layer::Events => layers.events.len(),
    }
}

/// The name serde gives a unit enum variant ("metadata", "according_to").
fn serde_name<T: serde::Serialize>(value: &T) -> Cell {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => Cell::Text(name),
        Ok(other) => Cell::Text(other.to_string()),
        Err(_) => Cell::Null,
    }
}

fn document_rows(doc: &Document, _: &Context, rows: &mut Vec<Row>) {
    let meta = &doc.meta;
    let mut row = vec![
        Cell::Text(doc.id.to_string()),
        Cell::text(&meta.external_id),
        Cell::text(&meta.url),
        Cell::text(&meta.outlet),
        Cell::text(&meta.title),
        meta.published.map_or(Cell::Null, |p| Cell::Date(p.date)),
        meta.published.map_or(Cell::Null, |p| serde_name(&p.source)),
        Cell::str(meta.language.as_ref().map(|l| l.code.as_str())),
        Cell::float(meta.language.as_ref().map(|l| f64::from(l.confidence))),
        Cell::text(&meta.cluster),
        Cell::Timestamp(meta.ingested_at),
        serde_name(&meta.origin.kind),
        Cell::Text(meta.origin.path.clone()),
        Cell::text(&meta.origin.record),
        Cell::int(doc.text.len()),
    ];
    for layer in Layer::ALL {
        row.push(if doc.has(layer) {
            Cell::int(layer_len(&doc.layers, layer))
        } else {
            Cell::Null
        });
    }
    row.push(Cell::Text(doc.text.clone()));
    rows.push(row);
}

// ------------------------------------------------------------------------- mentions

/// One row per entity mention.
pub const MENTIONS: Table = Table {
    name: "mentions",
    row: "one mention of a named entity in a document",
    columns: &[
        col("doc_id", Text),
        col("position", Int),
        col("start", Int),
        col("end", Int),
        col("surface", Text),
        col("label", Text),
        col("entity_key", Text),
        col("canonical_key", Text),
        opt("kb", Text),
        opt("kb_id", Text),
        opt("kb_name", Text),
        col("rule", Text),
    ],
    rows: Rows::PerDocument(mention_rows),
};

fn kb_cells(kb: Option<&KbLink>) -> [Cell; 3] {
    match kb {
        Some(kb) => [
            Cell::Text(kb.kb.clone()),
            Cell::Text(kb.id.clone()),
            Cell::text(&kb.name),
        ],
        None => [Cell::Null, Cell::Null, Cell::Null],
    }
}

fn mention_rows(doc: &Document, context: &Context, rows: &mut Vec<Row>) {
    for (position, mention) in doc.layers.entities.iter().enumerate() {
        let mut row = vec![
            Cell::Text(doc.id.to_string()),
            Cell::int(position),
            Cell::int(mention.span.start),
            Cell::int(mention.span.end),
            Cell::Text(doc.slice(mention.span).to_string()),
            Cell::Text(mention.label.as_str().to_string()),
            Cell::Text(mention.entity.clone()),
            Cell::Text(context.canonical(&mention.entity).to_string()),
        ];
        row.extend(kb_cells(mention.kb.as_ref()));
        row.push(Cell::Text(mention.provenance.rule.clone()));
        rows.push(row);
    }
}

// --------------------------------------------------------------------------- places

/// One row per geocoded (or unresolved) place of a document.
pub const PLACES: Table = Table {
    name: "places",
    row: "one place of a document (one per distinct LOC entity), resolved or not",
    columns: &[
        col("doc_id", Text),
        col("position", Int),
        col("start", Int),
        col("end", Int),
        col("entity_key", Text),
        col("name", Text),
        opt("country", Text),
        col("kind", Text),
        opt("lat", Float),
        opt("lon", Float),
        opt("kb", Text),
        opt("kb_id", Text),
        opt("kb_name", Text),
        col("rule", Text),
    ],
    rows: Rows::PerDocument(place_rows),
};

fn place_rows(doc: &Document, _: &Context, rows: &mut Vec<Row>) {
    for (position, place) in doc.layers.places.iter().enumerate() {
        let mut row = vec![
            Cell::Text(doc.id.to_string()),
            Cell::int(position),
            Cell::int(place.span.start),
            Cell::int(place.span.end),
            Cell::Text(place.entity.clone()),
            Cell::Text(place.name.clone()),
            Cell::text(&place.country),
            serde_name(&place.kind),
            Cell::float(place.lat),
            Cell::float(place.lon),
        ];
        row.extend(kb_cells(place.kb.as_ref()));
        row.push(Cell::Text(place.provenance.rule.clone()));
        rows.push(row);
    }
}

// --------------------------------------------------------------------- attributions

/// One row per attributed statement.
pub const ATTRIBUTIONS: Table = Table {
    name: "attributions",
    row: "one statement a document attributes to a speaker",
    columns: &[
        col("doc_id", Text),
        col("position", Int),
        col("content", Text),
        col("content_start", Int),
        col("content_end", Int),
        opt("speaker", Text),
        opt("speaker_start", Int),
        opt("speaker_end", Int),
        opt("speaker_key", Text),
        opt("speaker_canonical_key", Text),
        col("speaker_unnamed", Bool),
        opt("cue", Text),
        col("kind", Text),
        col("polarity", Text),
        opt("channel", Text),
        col("via", TextList),
        col("hedged", Bool),
        col("rule", Text),
    ],
    rows: Rows::PerDocument(attribution_rows),
};

fn attribution_rows(doc: &Document, context: &Context, rows: &mut Vec<Row>) {
    for (position, a) in doc.layers.attributions.iter().enumerate() {
        rows.push(vec![
            Cell::Text(doc.id.to_string()),
            Cell::int(position),
            Cell::Text(doc.slice(a.content).to_string()),
            Cell::int(a.content.start),
            Cell::int(a.content.end),
            Cell::str(a.speaker.map(|s| doc.slice(s))),
            a.speaker.map_or(Cell::Null, |s| Cell::int(s.start)),
            a.speaker.map_or(Cell::Null, |s| Cell::int(s.end)),
            Cell::text(&a.speaker_entity),
            Cell::str(a.speaker_entity.as_deref().map(|k| context.canonical(k))),
            Cell::Bool(a.speaker_unnamed),
            Cell::str(a.cue.map(|c| doc.slice(c))),
            serde_name(&a.kind),
            Cell::Text(a.polarity.as_str().to_string()),
            Cell::text(&a.channel),
            Cell::TextList(a.via.clone()),
            Cell::Bool(a.hedged),
            Cell::Text(a.provenance.rule.clone()),
        ]);
    }
}

// -------------------------------------------------------------------------- stories

/// One row per story of the cross-article layer.
pub const STORIES: Table = Table {
    name: "stories",
    row: "one story: the articles reporting one event",
    columns: &[
        col("id", Text),
        col("title", Text),
        opt("first_date", Date),
        opt("last_date", Date),
        col("articles", Int),
        col("appearances", Int),
        col("outlets", TextList),
        col("independent_sources", Int),
        col("disagreements", Int),
        col("single_source", Bool),
        col("disagreeing", Bool),
        opt("event_type", Text),
    ],
    rows: Rows::Store(story_rows),
};

fn count(value: u64) -> Cell {
    Cell::Int(i64::try_from(value).unwrap_or(i64::MAX))
}

fn story_rows(store: &dyn Store, _: &Context, sink: RowCallback<'_>) -> Result<(), StoreError> {
    for s in store.stories(&StoryFilter::default())? {
        sink(vec![
            Cell::Text(s.id),
            Cell::Text(s.title),
            s.first_date.map_or(Cell::Null, Cell::Date),
            s.last_date.map_or(Cell::Null, Cell::Date),
            count(s.articles),
            count(s.appearances),
            Cell::TextList(s.outlets),
            count(s.independent_sources),
            count(s.disagreements),
            Cell::Bool(s.single_source),
            Cell::Bool(s.disagreeing),
            Cell::text(&s.event_type),
        ])?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------- facts

/// One row per report of a fact: the figure one article gives.
pub const FACTS: Table = Table {
    name: "facts",
    row: "one report of a fact of a story: the figure one article gives for it",
    columns: &[
        col("story_id", Text),
        col("fact_id", Text),
        col("category", Text),
        opt("part", Text),
        opt("part_name", Text),
        col("doc_id", Text),
        col("start", Int),
        col("end", Int),
        col("value_low", Float),
        col("value_high", Float),
        col("qualifier", Text),
        col("earlier", Bool),
        opt("source_key", Text),
        opt("source_name", Text),
        opt("outlet", Text),
        col("disagreeing", Bool),
    ],
    rows: Rows::Store(fact_rows),
};

fn fact_rows(store: &dyn Store, _: &Context, sink: RowCallback<'_>) -> Result<(), StoreError> {
    for row in store.facts(&FactFilter::default())? {
        let fact = &row.fact;
        for (i, report) in fact.reports.iter().enumerate() {
            let (low, high) = match report.value {
                QuantityValue::Single(x) => (x, x),
                QuantityValue::Range([low, high]) => (low, high),
            };
            let disagreeing = fact.disagreements.iter().any(|d| d.a == i || d.b == i);
            sink(vec![
                Cell::Text(row.story.clone()),
                Cell::Text(row.id.clone()),
                Cell::Text(fact.category.clone()),
                Cell::text(&fact.part),
                Cell::text(&fact.part_name),
                Cell::Text(report.doc.to_string()),
                Cell::int(report.span.start),
                Cell::int(report.span.end),
                Cell::Float(low),
                Cell::Float(high),
                serde_name(&report.qualifier),
                Cell::Bool(report.earlier),
                Cell::str(report.source.as_ref().map(|s| s.key.as_str())),
                Cell::str(report.source.as_ref().map(|s| s.name.as_str())),
                Cell::text(&report.outlet),
                Cell::Bool(disagreeing),
            ])?;
        }
    }
    Ok(())
}

// --------------------------------------------------------------------------- copies

/// One row per pair of articles sharing copied text.
pub const COPIES: Table = Table {
    name: "copies",
    row: "one pair of articles of a story that share copied text",
    columns: &[
        col("story_id", Text),
        col("doc_a", Text),
        col("doc_b", Text),
        col("share_a", Float),
        col("share_b", Float),
        opt("origin", Text),
        col("passages", Int),
        col("words", Int),
    ],
    rows: Rows::Store(copy_rows),
};

fn copy_rows(store: &dyn Store, _: &Context, sink: RowCallback<'_>) -> Result<(), StoreError> {
    for summary in store.stories(&StoryFilter::default())? {
        let Some(detail) = store.story(&summary.id)? else {
            continue;
        };
        for pair in &detail.story.copies {
            sink(vec![
                Cell::Text(summary.id.clone()),
                Cell::Text(pair.a.to_string()),
                Cell::Text(pair.b.to_string()),
                Cell::Float(pair.share_a),
                Cell::Float(pair.share_b),
                Cell::str(pair.origin.as_ref().map(|o| o.as_str())),
                Cell::int(pair.passages.len()),
                Cell::int(pair.passages.iter().map(|p| p.words).sum()),
            ])?;
        }
    }
    Ok(())
}

// --------------------------------------------------------------------------- events

/// Whether two strings are equal, in a const context.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn among(name: &str, names: &[&str]) -> bool {
    let mut i = 0;
    while i < names.len() {
        if same(name, names[i]) {
            return true;
        }
        i += 1;
    }
    false
}

/// The columns of [`ACLED_COLUMNS`] (names and order from `recoupe-events`), typed as
/// [`AcledRow`] types them: numbers, the flag, and the optional fields.
const fn acled_columns() -> [Column; ACLED_COLUMNS.len()] {
    const INTS: &[&str] = &["geo_precision", "sources", "independent_sources"];
    const FLOATS: &[&str] = &["lat", "lon", "fatalities_low", "fatalities_high"];
    const BOOLS: &[&str] = &["disputed"];
    const OPTIONAL: &[&str] = &[
        "date",
        "date_precision",
        "admin1",
        "location",
        "country",
        "lat",
        "lon",
        "geo_precision",
        "fatalities_low",
        "fatalities_high",
    ];
    let mut columns = [col("", Text); ACLED_COLUMNS.len()];
    let mut i = 0;
    while i < ACLED_COLUMNS.len() {
        let name = ACLED_COLUMNS[i];
        let ty = if among(name, INTS) {
            Int
        } else if among(name, FLOATS) {
            Float
        } else if among(name, BOOLS) {
            Bool
        } else {
            Text
        };
        columns[i] = Column {
            name,
            ty,
            nullable: among(name, OPTIONAL),
        };
        i += 1;
    }
    columns
}

const ACLED_TABLE_COLUMNS: [Column; ACLED_COLUMNS.len()] = acled_columns();

/// One row per event record of a story, in the ACLED-like columns of `recoupe-events`.
pub const EVENTS: Table = Table {
    name: "events",
    row: "the event record of one story, in ACLED-like columns",
    columns: &ACLED_TABLE_COLUMNS,
    rows: Rows::Store(event_rows),
};

/// One JSON value of an [`AcledRow`] as a cell of `column`.
fn acled_cell(value: Option<&serde_json::Value>, column: &Column) -> Cell {
    use serde_json::Value;
    match (value, column.ty) {
        (None | Some(Value::Null), _) => Cell::Null,
        (Some(Value::String(s)), _) => Cell::Text(s.clone()),
        (Some(Value::Bool(b)), _) => Cell::Bool(*b),
        (Some(Value::Number(n)), ColumnType::Int) => n.as_i64().map_or(Cell::Null, Cell::Int),
        (Some(Value::Number(n)), _) => n.as_f64().map_or(Cell::Null, Cell::Float),
        (Some(other), _) => Cell::Text(other.to_string()),
    }
}

fn event_rows(store: &dyn Store, _: &Context, sink: RowCallback<'_>) -> Result<(), StoreError> {
    for event in store.events(&EventFilter::default())? {
        let row: AcledRow = event.record.acled_row(&StoryContext {
            story_id: event.story.clone(),
            sources: usize::try_from(event.articles).unwrap_or(usize::MAX),
            independent_sources: usize::try_from(event.independent_sources).unwrap_or(usize::MAX),
        });
        let value = serde_json::to_value(&row).map_err(|e| StoreError::ExportTable {
            table: EVENTS.name,
            reason: e.to_string(),
        })?;
        sink(
            EVENTS
                .columns
                .iter()
                .map(|c| acled_cell(value.get(c.name), c))
                .collect(),
        )?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------- export

/// Where the rows of one table go (a CSV file, a Parquet file).
pub trait RowSink {
    /// Takes one row, whose cells fit the table's columns.
    fn write_row(&mut self, row: Row) -> Result<(), StoreError>;
    /// Writes what is buffered and closes the output.
    fn finish(&mut self) -> Result<(), StoreError>;
}

/// Writes `tables` to their sinks (one sink per table, in the same order) and finishes
/// each. Tables with rows per document are filled in one pass over the store. Returns
/// the number of rows written to each table.
pub fn export_tables(
    store: &dyn Store,
    tables: &[&Table],
    sinks: &mut [Box<dyn RowSink + '_>],
) -> Result<Vec<u64>, StoreError> {
    assert_eq!(tables.len(), sinks.len(), "one sink per table");
    let context = Context::of(store)?;
    let mut counts = vec![0u64; tables.len()];
    let per_document: Vec<usize> = (0..tables.len())
        .filter(|&i| matches!(tables[i].rows, Rows::PerDocument(_)))
        .collect();
    if !per_document.is_empty() {
        let mut rows = Vec::new();
        store.for_each_document(&mut |doc| {
            for &i in &per_document {
                let Rows::PerDocument(fill) = tables[i].rows else {
                    continue;
                };
                rows.clear();
                fill(&doc, &context, &mut rows);
                for row in rows.drain(..) {
                    check_row(tables[i], &row)?;
                    sinks[i].write_row(row)?;
                    counts[i] += 1;
                }
            }
            Ok(())
        })?;
    }
    for (i, table) in tables.iter().enumerate() {
        if let Rows::Store(read) = table.rows {
            let (sink, count) = (&mut sinks[i], &mut counts[i]);
            read(store, &context, &mut |row| {
                check_row(table, &row)?;
                *count += 1;
                sink.write_row(row)
            })?;
        }
    }
    for sink in sinks.iter_mut() {
        sink.finish()?;
    }
    Ok(counts)
}

/// A row that does not fit its table is a bug of the table's row function: refused
/// with the offending column rather than written as a shifted or mistyped row.
fn check_row(table: &Table, row: &Row) -> Result<(), StoreError> {
    let bad = |reason: String| StoreError::ExportTable {
        table: table.name,
        reason,
    };
    if row.len() != table.columns.len() {
        return Err(bad(format!(
            "a row has {} cells for {} columns",
            row.len(),
            table.columns.len()
        )));
    }
    for (cell, column) in row.iter().zip(table.columns) {
        if !cell.fits(column) {
            return Err(bad(format!(
                "column {} ({}{}) got {cell:?}",
                column.name,
                column.ty.doc_name(),
                if column.nullable { ", nullable" } else { "" }
            )));
        }
    }
    Ok(())
}

/// Writes a table as CSV: a header of the column names, then one record per row.
pub struct CsvSink<W: Write> {
    table: &'static str,
    csv: csv::Writer<W>,
}

impl<W: Write> CsvSink<W> {
    pub fn new(table: &Table, writer: W) -> Result<CsvSink<W>, StoreError> {
        let mut csv = csv::Writer::from_writer(writer);
        csv.write_record(table.column_names())
            .map_err(|e| StoreError::ExportTable {
                table: table.name,
                reason: format!("header: {e}"),
            })?;
        Ok(CsvSink {
            table: table.name,
            csv,
        })
    }
}

impl<W: Write> RowSink for CsvSink<W> {
    fn write_row(&mut self, row: Row) -> Result<(), StoreError> {
        self.csv
            .write_record(row.iter().map(Cell::csv))
            .map_err(|e| StoreError::ExportTable {
                table: self.table,
                reason: e.to_string(),
            })
    }

    fn finish(&mut self) -> Result<(), StoreError> {
        self.csv.flush().map_err(|e| StoreError::ExportTable {
            table: self.table,
            reason: e.to_string(),
        })
    }
}

/// Writes one table as CSV; returns the number of rows.
pub fn export_table_csv(
    store: &dyn Store,
    table: &Table,
    writer: &mut dyn Write,
) -> Result<u64, StoreError> {
    let mut sinks: Vec<Box<dyn RowSink + '_>> = vec![Box::new(CsvSink::new(table, writer)?)];
    Ok(export_tables(store, &[table], &mut sinks)?[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_names_and_column_names_are_unique() {
        let mut names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TABLES.len());
        for table in TABLES {
            let mut columns = table.column_names();
            columns.sort_unstable();
            columns.dedup();
            assert_eq!(columns.len(), table.columns.len(), "{}", table.name);
        }
    }

    #[test]
    fn unknown_table_names_the_known_ones() {
        let err = table("facts-and-figures").unwrap_err().to_string();
        assert!(err.contains("facts-and-figures"), "{err}");
        assert!(err.contains("documents, mentions"), "{err}");
        assert_eq!(table("places").unwrap().name, "places");
    }

    #[test]
    fn cells_fit_their_columns_only() {
        let text = col("a", ColumnType::Text);
        let maybe = opt("b", ColumnType::Int);
        assert!(Cell::Text("x".into()).fits(&text));
        assert!(!Cell::Null.fits(&text));
        assert!(!Cell::Int(1).fits(&text));
        assert!(Cell::Null.fits(&maybe));
        assert!(Cell::Int(3).fits(&maybe));
        assert!(!Cell::Float(3.0).fits(&maybe));
    }

    /// docs/schema.md lists every table with its columns, types and nullability, in order,
    /// and nothing else.
    #[test]
    fn schema_doc_lists_every_column() {
        let doc = include_str!("../../../docs/schema.md");
        for table in TABLES {
            let heading = format!("### `{}`:", table.name);
            let at = doc
                .find(&heading)
                .unwrap_or_else(|| panic!("docs/schema.md has no section {heading}"));
            let section = &doc[at + heading.len()..];
            let section = &section[..section.find("\n#").unwrap_or(section.len())];
            let documented: Vec<(String, String)> = section
                .lines()
                .filter_map(|line| {
                    let cells: Vec<&str> = line.split('|').map(str::trim).collect();
                    let name = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
                    Some((name.to_string(), cells.get(2)?.to_string()))
                })
                .collect();
            let expected: Vec<(String, String)> = table
                .columns
                .iter()
                .map(|c| {
                    let null = if c.nullable { ", null" } else { "" };
                    (c.name.to_string(), format!("{}{null}", c.ty.doc_name()))
                })
                .collect();
            assert_eq!(documented, expected, "docs/schema.md, table {}", table.name);
        }
    }

    /// The events table is the ACLED row of `recoupe-events`, column for column.
    #[test]
    fn events_columns_are_the_acled_columns() {
        assert_eq!(EVENTS.column_names(), ACLED_COLUMNS);
        let mut columns: Vec<String> = match serde_json::to_value(AcledRow {
            event_id: "s".into(),
            date: None,
            date_precision: None,
            event_type: "ASSAULT".into(),
            mode: String::new(),
            actor1: String::new(),
            actor2: String::new(),
            admin1: None,
            location: None,
            country: None,
            lat: Some(1.5),
            lon: None,
            geo_precision: Some(1),
            fatalities_low: Some(3.0),
            fatalities_high: None,
            sources: 2,
            independent_sources: 1,
            disputed: false,
        })
        .unwrap()
        {
            serde_json::Value::Object(map) => {
                let row: Row = EVENTS
                    .columns
                    .iter()
                    .map(|c| acled_cell(map.get(c.name), c))
                    .collect();
                check_row(&EVENTS, &row).unwrap();
                assert_eq!(row[10], Cell::Float(1.5));
                assert_eq!(row[12], Cell::Int(1));
                assert_eq!(row[15], Cell::Int(2));
                map.keys().cloned().collect()
            }
            other => panic!("{other}"),
        };
        let mut expected: Vec<String> = ACLED_COLUMNS.iter().map(|c| c.to_string()).collect();
        expected.sort_unstable();
        columns.sort_unstable();
        assert_eq!(columns, expected);
    }

    #[test]
    fn csv_cells() {
        assert_eq!(Cell::Null.csv(), "");
        assert_eq!(Cell::Float(0.1).csv(), "0.1");
        assert_eq!(Cell::Bool(true).csv(), "true");
        assert_eq!(
            Cell::Date(NaiveDate::from_ymd_opt(2024, 2, 9).unwrap()).csv(),
            "2024-02-09"
        );
        assert_eq!(
            Cell::TextList(vec!["a\"b".into(), "c".into()]).csv(),
            r#"["a\"b","c"]"#
        );
    }
}

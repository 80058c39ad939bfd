//! `export --format parquet|csv`: the store's tables ([`recoupe_store::tables::TABLES`])
//! written as Parquet files (one per table, for pandas, R, DuckDB, Spark) or one table as
//! CSV (for a spreadsheet). The tables and their columns are defined once, in the store
//! crate; this module only maps their column types to Arrow's.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder,
    StringBuilder, TimestampMicrosecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use recoupe_store::tables::{
    export_table_csv, export_tables, Cell, Column, ColumnType, Row, RowSink, Table, TABLES,
};
use recoupe_store::{Store, StoreError};

use crate::AppError;

/// Rows buffered before they are written as one Arrow record batch.
const BATCH_ROWS: usize = 4096;

/// The Arrow type of a column type.
pub fn arrow_type(ty: ColumnType) -> DataType {
    match ty {
        ColumnType::Text => DataType::Utf8,
        ColumnType::Int => DataType::Int64,
        ColumnType::Float => DataType::Float64,
        ColumnType::Bool => DataType::Boolean,
        ColumnType::Date => DataType::Date32,
        ColumnType::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        ColumnType::TextList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
    }
}

/// The Arrow schema of a table: one field per column, nullable as the column is.
pub fn arrow_schema(table: &Table) -> SchemaRef {
    Arc::new(Schema::new(
        table
            .columns
            .iter()
            .map(|c| Field::new(c.name, arrow_type(c.ty), c.nullable))
            .collect::<Vec<_>>(),
    ))
}

/// One Arrow builder per column type.
enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
    Timestamp(TimestampMicrosecondBuilder),
    TextList(ListBuilder<StringBuilder>),
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid day")
}

impl Builder {
    fn new(column: &Column) -> Builder {
        match column.ty {
            ColumnType::Text => Builder::Text(StringBuilder::new()),
            ColumnType::Int => Builder::Int(Int64Builder::new()),
            ColumnType::Float => Builder::Float(Float64Builder::new()),
            ColumnType::Bool => Builder::Bool(BooleanBuilder::new()),
            ColumnType::Date => Builder::Date(Date32Builder::new()),
            ColumnType::Timestamp => {
                Builder::Timestamp(TimestampMicrosecondBuilder::new().with_timezone("UTC"))
            }
            ColumnType::TextList => Builder::TextList(ListBuilder::new(StringBuilder::new())),
        }
    }

    /// Appends a cell; false when it does not fit the builder's type (the rows are
    /// checked against the columns before they get here).
    fn append(&mut self, cell: Cell) -> bool {
        match (self, cell) {
            (Builder::Text(b), Cell::Text(v)) => b.append_value(v),
            (Builder::Text(b), Cell::Null) => b.append_null(),
            (Builder::Int(b), Cell::Int(v)) => b.append_value(v),
            (Builder::Int(b), Cell::Null) => b.append_null(),
            (Builder::Float(b), Cell::Float(v)) => b.append_value(v),
            (Builder::Float(b), Cell::Null) => b.append_null(),
            (Builder::Bool(b), Cell::Bool(v)) => b.append_value(v),
            (Builder::Bool(b), Cell::Null) => b.append_null(),
            (Builder::Date(b), Cell::Date(v)) => {
                let days = (v - epoch()).num_days();
                match i32::try_from(days) {
                    Ok(days) => b.append_value(days),
                    Err(_) => return false,
                }
            }
            (Builder::Date(b), Cell::Null) => b.append_null(),
            (Builder::Timestamp(b), Cell::Timestamp(v)) => b.append_value(v.timestamp_micros()),
            (Builder::Timestamp(b), Cell::Null) => b.append_null(),
            (Builder::TextList(b), Cell::TextList(items)) => {
                for item in items {
                    b.values().append_value(item);
                }
                b.append(true);
            }
            (Builder::TextList(b), Cell::Null) => b.append(false),
            _ => return false,
        }
        true
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Float(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
            Builder::Timestamp(b) => Arc::new(b.finish()),
            Builder::TextList(b) => Arc::new(b.finish()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Builder::Text(b) => b.len(),
            Builder::Int(b) => b.len(),
            Builder::Float(b) => b.len(),
            Builder::Bool(b) => b.len(),
            Builder::Date(b) => b.len(),
            Builder::Timestamp(b) => b.len(),
            Builder::TextList(b) => b.len(),
        }
    }
}

/// Writes one table to a Parquet file (snappy-compressed), a record batch every
/// [`BATCH_ROWS`] rows.
pub struct ParquetSink {
    table: &'static Table,
    schema: SchemaRef,
    builders: Vec<Builder>,
    writer: Option<ArrowWriter<File>>,
}

impl ParquetSink {
    pub fn create(table: &'static Table, path: &Path) -> Result<ParquetSink, StoreError> {
        let fail = |reason: String| StoreError::ExportTable {
            table: table.name,
            reason: format!("{}: {reason}", path.display()),
        };
        let file = File::create(path).map_err(|e| fail(e.to_string()))?;
        let schema = arrow_schema(table);
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("recoupe {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = ArrowWriter::try_new(file, schema.clone(), Some(properties))
            .map_err(|e| fail(e.to_string()))?;
        Ok(ParquetSink {
            table,
            schema,
            builders: table.columns.iter().map(Builder::new).collect(),
            writer: Some(writer),
        })
    }

    fn fail(&self, reason: impl std::fmt::Display) -> StoreError {
        StoreError::ExportTable {
            table: self.table.name,
            reason: reason.to_string(),
        }
    }

    fn flush_batch(&mut self) -> Result<(), StoreError> {
        if self.builders.first().is_none_or(|b| b.len() == 0) {
            return Ok(());
        }
        let columns: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), columns).map_err(|e| self.fail(e))?;
        let table = self.table.name;
        let fail = |reason: String| StoreError::ExportTable { table, reason };
        let writer = self
            .writer
            .as_mut()
            .ok_or_else(|| fail("written after it was finished".into()))?;
        writer.write(&batch).map_err(|e| fail(e.to_string()))
    }
}

impl RowSink for ParquetSink {
    fn write_row(&mut self, row: Row) -> Result<(), StoreError> {
        for (i, cell) in row.into_iter().enumerate() {
            let Some(builder) = self.builders.get_mut(i) else {
                return Err(self.fail(format!("a row has more than {i} cells")));
            };
            if !builder.append(cell) {
                let column = self.table.columns[i].name;
                return Err(self.fail(format!("column {column} got a value of another type")));
            }
        }
        if self.builders.first().is_some_and(|b| b.len() >= BATCH_ROWS) {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), StoreError> {
        self.flush_batch()?;
        if let Some(writer) = self.writer.take() {
            writer.close().map_err(|e| self.fail(e))?;
        }
        Ok(())
    }
}

/// One table written by [`export_parquet`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TableFile {
    pub table: &'static str,
    pub path: PathBuf,
    pub rows: u64,
}

/// Writes every table of [`TABLES`] as `DIR/<table>.parquet` (the directory is created
/// when missing), in one pass over the store.
pub fn export_parquet(store: &dyn Store, dir: &Path) -> Result<Vec<TableFile>, AppError> {
    std::fs::create_dir_all(dir).map_err(|source| AppError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let tables: Vec<&'static Table> = TABLES.iter().collect();
    let paths: Vec<PathBuf> = tables
        .iter()
        .map(|t| dir.join(format!("{}.parquet", t.name)))
        .collect();
    let mut sinks: Vec<Box<dyn RowSink>> = Vec::with_capacity(tables.len());
    for (table, path) in tables.iter().zip(&paths) {
        sinks.push(Box::new(ParquetSink::create(table, path)?));
    }
    let counts = export_tables(store, &tables, &mut sinks)?;
    Ok(tables
        .iter()
        .zip(paths)
        .zip(counts)
        .map(|((table, path), rows)| TableFile {
            table: table.name,
            path,
            rows,
        })
        .collect())
}

/// The names of the tables, in export order.
pub fn table_names() -> Vec<&'static str> {
    TABLES.iter().map(|t| t.name).collect()
}

/// Writes the table named `name` as CSV; returns the number of rows.
pub fn export_csv_table(
    store: &dyn Store,
    name: &str,
    writer: &mut dyn Write,
) -> Result<u64, AppError> {
    let table = recoupe_store::tables::table(name)?;
    let rows = export_table_csv(store, table, writer)?;
    writer.flush().map_err(AppError::Output)?;
    Ok(rows)
}

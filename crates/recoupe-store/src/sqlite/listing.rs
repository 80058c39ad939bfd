//! Queries behind the command line's listings (`claims`, `entities`, suggestions when a
//! name matches nothing): statements located by document and position, so that the caller
//! can read everything the attributions layer says of them (cue, polarity, relays).

use rusqlite::params;
use serde::Serialize;

use super::{failed, SqliteStore};
use crate::{fold, StoreError};
use recoupe_model::EntityType;

/// One attributed statement: the document and the index of the attribution in its
/// attributions layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementAt {
    pub doc_id: String,
    pub position: usize,
}

impl SqliteStore {
    /// The keys of every entity `name` designates (a key, a surface form, a knowledge-base
    /// name) with every key merged into them.
    pub fn keys_named(&self, name: &str) -> Result<Vec<String>, StoreError> {
        let mut keys = Vec::new();
        for root in self.matching_keys(name)? {
            for key in self.group_members(&root)? {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        Ok(keys)
    }

    /// Statements whose speaker is `speaker` (as [`crate::Store::claims_by_speaker`]
    /// matches it: any key or name of the entity, or words of the speaker as written) and
    /// that reached the article through `via` (any key of the relay entity), newest first.
    /// A filter left `None` does not filter; both `None` lists nothing.
    pub fn statements(
        &self,
        speaker: Option<&str>,
        via: Option<&str>,
    ) -> Result<Vec<StatementAt>, StoreError> {
        if speaker.is_none() && via.is_none() {
            return Ok(Vec::new());
        }
        let _snapshot = self
            .conn
            .unchecked_transaction()
            .map_err(failed(&self.path, "read statements"))?;
        let json = |keys: Vec<String>| serde_json::to_string(&keys).unwrap_or_else(|_| "[]".into());
        let speaker_keys = match speaker {
            Some(name) => json(self.keys_named(name)?),
            None => "[]".into(),
        };
        let via_keys = match via {
            Some(name) => json(self.keys_named(name)?),
            None => "[]".into(),
        };
        let run = || -> rusqlite::Result<Vec<StatementAt>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT d.id, a.position
                 FROM attributions a JOIN documents d USING (doc_rowid)
                 WHERE (?5 = 0 OR a.speaker_key IN (SELECT value FROM json_each(?1))
                        OR a.speaker_key = ?2
                        OR (?3 <> '' AND (a.speaker_folded = ?3
                            OR ' ' || a.speaker_folded || ' ' LIKE '% ' || ?3 || ' %')))
                   AND (?6 = 0 OR EXISTS (SELECT 1 FROM json_each(a.via) v
                        WHERE v.value IN (SELECT value FROM json_each(?4))))
                 ORDER BY d.published DESC, d.id, a.position",
            )?;
            let rows = stmt.query_map(
                params![
                    speaker_keys,
                    speaker.unwrap_or_default().trim(),
                    speaker.map(fold).unwrap_or_default(),
                    via_keys,
                    speaker.is_some(),
                    via.is_some()
                ],
                |row| {
                    Ok(StatementAt {
                        doc_id: row.get(0)?,
                        position: row.get::<_, i64>(1)? as usize,
                    })
                },
            )?;
            rows.collect()
        };
        run().map_err(failed(&self.path, "read statements"))
    }

    /// Number of entities (keys merged into one count once), optionally of one type, as
    /// [`crate::Store::top_entities`] would list them all.
    pub fn count_entities(&self, label: Option<EntityType>) -> Result<u64, StoreError> {
        self.conn
            .query_row(
                "SELECT count(DISTINCT coalesce(c.canonical_key, k.entity_key))
                 FROM (SELECT DISTINCT entity_key FROM mentions WHERE ?1 IS NULL OR label = ?1) k
                 LEFT JOIN entity_canonical c USING (entity_key)",
                [label.map(EntityType::as_str)],
                |row| row.get(0),
            )
            .map_err(failed(&self.path, "count entities"))
    }

    /// Every known name of an entity (folded) with its canonical key, for suggestions.
    pub fn entity_names(&self) -> Result<Vec<(String, String)>, StoreError> {
        let run = || -> rusqlite::Result<Vec<(String, String)>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT n.name_folded, coalesce(c.canonical_key, n.entity_key)
                 FROM entity_names n LEFT JOIN entity_canonical c USING (entity_key)",
            )?;
            let rows = stmt.query_map([], |row| row.try_into())?;
            rows.collect()
        };
        run().map_err(failed(&self.path, "read entity names"))
    }
}

#[cfg(test)]
mod tests {
    use crate::synthetic;
    use crate::{SqliteStore, Store};

    #[test]
    fn statements_and_counts_agree_with_the_store_queries() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open(dir.path().join("s.db")).unwrap();
        let docs: Vec<_> = (0..40).map(synthetic::document).collect();
        store.put_batch(&docs).unwrap();
        let top = store.top_entities(None, 10_000).unwrap();
        assert_eq!(store.count_entities(None).unwrap(), top.len() as u64);
        let speaker = top
            .iter()
            .find(|e| e.label == recoupe_model::EntityType::PER)
            .expect("a person");
        let claims = store.claims_by_speaker(&speaker.name).unwrap();
        assert!(!claims.is_empty());
        let statements = store.statements(Some(&speaker.name), None).unwrap();
        assert_eq!(statements.len(), claims.len());
        assert!(store.statements(None, None).unwrap().is_empty());
        assert!(!store.entity_names().unwrap().is_empty());
    }
}

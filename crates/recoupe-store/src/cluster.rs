//! Cross-article alias clustering: which entity keys name the same real-world entity.
//!
//! The entities stage gives each mention a key that is already cross-article when it is
//! linked to reference data; unlinked names get a spelling-tolerant `name:TYPE:skeleton`
//! key. This pass proposes merges between keys the stage could not join, from evidence
//! found across the whole store, by three rules:
//!
//! - `acronym`: an unlinked key whose surfaces are all acronyms ("FDS") merges into the key
//!   of a long form whose initials spell it, when some stored document defines it as
//!   "Long Form (ACR)" or mentions both in one document;
//! - `kb-surface`: an unlinked key merges into the knowledge-base key that the same name
//!   (case and accents folded) is linked to in other documents, when the types agree;
//! - `skeleton`: an unlinked key merges with a key of the same type whose name has the
//!   same consonant skeleton once Arabic articles are dropped ("al-Qaem" / "Qaïm") and is
//!   within a small edit distance of it.
//!
//! Types are never crossed, except ORG ↔ MISC for an acronym defined in parentheses right
//! after its long form ("Règlement sanitaire international (RSI)"): a parenthetical
//! definition is strong evidence, and the ORG/MISC boundary is the least reliable one of
//! the recogniser (laws, programmes and bodies). PER and LOC are never crossed: a person
//! and a place sharing a name are different entities.
//!
//! Every decision is a pure function of the loaded data, so the pass is deterministic and,
//! given the merges it already made, proposes nothing new when run again.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use recoupe_model::EntityType;
use serde_json::json;

use crate::fold;
use crate::types::ClusterStep;

pub const RULE_ACRONYM: &str = "acronym";
pub const RULE_KB_SURFACE: &str = "kb-surface";
pub const RULE_SKELETON: &str = "skeleton";

/// One entity key as stored: its majority label, mention count, surfaces and documents.
#[derive(Debug, Clone)]
pub(crate) struct KeyInfo {
    pub label: EntityType,
    pub mentions: u64,
    /// Distinct surfaces as written, with counts.
    pub surfaces: BTreeMap<String, u64>,
    /// Row ids of the documents mentioning it.
    pub docs: BTreeSet<i64>,
}

/// One stored mention, for the position-based acronym evidence.
#[derive(Debug, Clone)]
pub(crate) struct MentionRow {
    pub key: String,
    pub start: usize,
    pub end: usize,
    pub surface: String,
}

/// Everything the pass reads.
pub(crate) struct Inputs {
    pub keys: BTreeMap<String, KeyInfo>,
    /// Mentions of documents holding at least one acronym-like mention, by document,
    /// sorted by start.
    pub mentions_by_doc: BTreeMap<i64, Vec<MentionRow>>,
    /// Texts of those documents.
    pub texts: HashMap<i64, String>,
    /// External document ids by row id, for the evidence.
    pub doc_ids: HashMap<i64, String>,
    /// Folded names (surfaces and knowledge-base names) of each key.
    pub names: Vec<(String, String)>,
    /// Active merges (from, to).
    pub active: Vec<(String, String)>,
    /// Undone merges (from, to): never proposed again.
    pub undone: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Proposal {
    pub from: String,
    pub to: String,
    pub rule: &'static str,
    pub evidence: serde_json::Value,
}

#[derive(Debug, Default)]
pub(crate) struct Plan {
    pub proposals: Vec<Proposal>,
    /// Keys with several equally good targets: left alone.
    pub ambiguous: u64,
    /// Merges not proposed because the same merge was undone before.
    pub kept_undone: u64,
}

/// Canonical keys under the active merges, updated as merges are proposed.
struct Roots {
    parent: HashMap<String, String>,
}

impl Roots {
    fn root<'a>(&'a self, key: &'a str) -> &'a str {
        let mut current = key;
        // Bounded: a corrupt table with a cycle must not hang the pass.
        for _ in 0..64 {
            match self.parent.get(current) {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    }
}

fn is_unlinked(key: &str) -> bool {
    key.starts_with("name:")
}

/// The letters of an acronym ("FDS", "O.N.U.", "RDC"), or `None` for anything else:
/// 2 to 8 capitals (digits allowed after the first), dots allowed between letters.
pub(crate) fn acronym_letters(surface: &str) -> Option<String> {
    let surface = surface.trim();
    let letters: String = surface.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    if !(2..=8).contains(&n) {
        return None;
    }
    let mut chars = letters.chars();
    let first = chars.next()?;
    if !first.is_uppercase() || !chars.all(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    let folded = fold(&letters).to_uppercase();
    (folded.chars().count() == n).then_some(folded)
}

/// French function words left out of the "content words" initials.
const FUNCTION_WORDS: &[&str] = &[
    "de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "a", "au", "aux", "pour", "sur",
    "par", "dans", "un", "une", "of", "the", "and", "for",
];

/// Initials a long form can be abbreviated to: of every word or of content words only,
/// counting hyphenated parts as words or not ("Paris Saint-Germain" → PSG).
pub(crate) fn initials(long_form: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for split_hyphens in [false, true] {
        let words: Vec<String> = long_form
            .split(|c: char| {
                c.is_whitespace() || c == '\'' || c == '’' || (split_hyphens && c == '-')
            })
            .map(fold)
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() < 2 {
            continue;
        }
        for content_only in [false, true] {
            let letters: String = words
                .iter()
                .filter(|w| !content_only || !FUNCTION_WORDS.contains(&w.as_str()))
                .filter_map(|w| w.chars().next())
                .collect::<String>()
                .to_uppercase();
            if letters.chars().count() >= 2 && !out.contains(&letters) {
                out.push(letters);
            }
        }
    }
    out
}

/// Whether an acronym of type `acronym` may merge into a long form of type `long`.
/// `strong`: the acronym was defined in parentheses right after the long form.
fn acronym_labels_agree(acronym: EntityType, long: EntityType, strong: bool) -> bool {
    acronym == long
        || (strong
            && matches!(
                (acronym, long),
                (EntityType::ORG, EntityType::MISC) | (EntityType::MISC, EntityType::ORG)
            ))
}

/// The byte offset where a long form defined by the parenthesised acronym at
/// `start..end` should end: "Long Form (ACR)" or "Long Form (2005) (ACR)".
fn definition_anchor(text: &str, start: usize, end: usize) -> Option<usize> {
    let before = text.get(..start)?.trim_end();
    let after = text.get(end..)?.trim_start();
    if !before.ends_with('(') || !after.starts_with(')') {
        return None;
    }
    let mut long_end = before[..before.len() - 1].trim_end();
    // One short parenthetical between the long form and its acronym ("(2005)").
    if let Some(inner) = long_end.strip_suffix(')') {
        let open = inner.rfind('(')?;
        if inner.len() - open > 24 {
            return None;
        }
        long_end = inner[..open].trim_end();
    }
    Some(long_end.len())
}

/// Arabic articles (written apart or with a hyphen) and the French elided article, dropped
/// before comparing skeletons.
const ARTICLES: &[&str] = &[
    "al", "el", "ez", "ad", "ed", "as", "es", "ach", "ech", "ash", "ar", "er", "an", "at", "et",
    "az", "ul", "l",
];

/// The folded name without its articles: "l'État islamique" → "etat islamique",
/// "al-Qaïm" → "qaim".
pub(crate) fn bare_name(name: &str) -> String {
    fold(name)
        .split(' ')
        .filter(|w| !w.is_empty() && !ARTICLES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w')
}

/// Consonant skeleton of a folded word: the transliteration variants of Arabic names differ
/// mostly in vowels and in digraphs (ch/sh, q/k, ou/u), so these are unified, doubled
/// consonants collapsed and a final "h" dropped. A leading vowel is kept as "a", except
/// before a doubled consonant, where it is an assimilated article ("Ezzor").
pub(crate) fn word_skeleton(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    if chars.len() > 3 && is_vowel(chars[0]) && !is_vowel(chars[1]) && chars[1] == chars[2] {
        i = 1;
    }
    let mut last = '\0';
    let mut first = true;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied().unwrap_or('\0');
        let (code, advance) = match (c, next) {
            ('s', 'c') if chars.get(i + 2) == Some(&'h') => ('s', 3),
            ('c' | 's', 'h') => ('s', 2),
            ('k', 'h') => ('k', 2),
            ('g', 'h') => ('g', 2),
            ('p', 'h') => ('f', 2),
            ('t', 'h') => ('t', 2),
            ('d', 'h') => ('d', 2),
            ('d', 'j') => ('j', 2),
            ('c', 'k') => ('k', 2),
            ('c', 'e' | 'i' | 'y') => ('s', 1),
            ('c' | 'q' | 'x', _) => ('k', 1),
            _ if is_vowel(c) => ('a', 1),
            _ => (c, 1),
        };
        i += advance;
        if code == 'a' {
            if first {
                out.push('a');
                last = 'a';
            } else if last != 'a' {
                last = '|';
            }
            first = false;
            continue;
        }
        first = false;
        if code == 'h' && i >= chars.len() && !out.is_empty() {
            continue;
        }
        if code != last {
            out.push(code);
            last = code;
        }
    }
    out
}

/// Skeleton of a bare name, word by word.
pub(crate) fn name_skeleton(bare: &str) -> String {
    bare.split(' ')
        .map(word_skeleton)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// How far two bare names may be apart and still be spellings of one name: one edit per
/// four letters of the shorter, at least one. "qaem"/"qaim" pass; "homs"/"hamas" do not.
fn close_spellings(a: &str, b: &str) -> Option<usize> {
    let shorter = a.chars().count().min(b.chars().count());
    let distance = edit_distance(a, b);
    (distance <= (shorter / 4).max(1)).then_some(distance)
}

fn documents_evidence(info: &KeyInfo, doc_ids: &HashMap<i64, String>) -> Vec<String> {
    info.docs
        .iter()
        .take(5)
        .filter_map(|d| doc_ids.get(d).cloned())
        .collect()
}

/// A key that may be merged away: unlinked, and not merged already.
fn mergeable<'a>(inputs: &'a Inputs, roots: &Roots) -> Vec<(&'a String, &'a KeyInfo)> {
    inputs
        .keys
        .iter()
        .filter(|(key, _)| is_unlinked(key) && roots.root(key) == key.as_str())
        .collect()
}

/// (label, skeleton) → (key, bare name, surface as written) of every stored surface.
type SkeletonIndex<'a> = HashMap<(EntityType, String), Vec<(&'a str, String, &'a str)>>;

/// Acronym letters → (long-form key, long form, document, defined in parentheses), each
/// tuple once, in the order the document-by-document reading first meets it.
type Definitions = BTreeMap<String, Vec<(String, String, i64, bool)>>;

struct Planner<'a, 'p> {
    inputs: &'a Inputs,
    roots: Roots,
    plan: Plan,
    progress: &'p mut dyn FnMut(ClusterStep, u64, u64),
}

/// The acronym evidence of one document: for every acronym mention (in text order), every
/// other mention whose initials spell it (in text order), with whether it is the long form
/// the acronym is defined by in parentheses.
///
/// Read pair by pair this is quadratic in the mentions of a document (a 5 MB document has
/// tens of thousands), so the long forms are indexed by letters first, and each tuple is
/// kept once: a repeated tuple changes nothing downstream (targets form a set; the
/// evidence is the first tuple of each target, or its first defined one), and tuples are
/// kept in the order of their first occurrence in the pairwise reading, so the evidence
/// is the same.
fn document_definitions(doc: i64, text: &str, mentions: &[MentionRow], out: &mut Definitions) {
    // Acronym mentions: (mention, letters, where a long form defined by it ends).
    let acronyms: Vec<(&MentionRow, String, Option<usize>)> = mentions
        .iter()
        .filter_map(|m| {
            let letters = acronym_letters(&m.surface)?;
            Some((m, letters, definition_anchor(text, m.start, m.end)))
        })
        .collect();
    if acronyms.is_empty() {
        return;
    }
    let wanted: BTreeSet<&str> = acronyms.iter().map(|(_, l, _)| l.as_str()).collect();
    // Letters → positions (into `mentions`) of the mentions whose initials spell them.
    let mut spelled: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut initials_of: HashMap<&str, Vec<String>> = HashMap::new();
    for (k, long) in mentions.iter().enumerate() {
        let spells = initials_of
            .entry(long.surface.as_str())
            .or_insert_with(|| initials(&long.surface));
        for letters in spells.iter() {
            if let Some(wanted) = wanted.get(letters.as_str()) {
                spelled.entry(wanted).or_default().push(k);
            }
        }
    }
    // Per letters: the distinct (key, surface) pairs of the long forms, their positions,
    // and the positions by end offset.
    struct Longs<'m> {
        pair_of: Vec<usize>,
        pairs: Vec<(&'m str, &'m str)>,
        positions: Vec<Vec<usize>>,
        by_end: HashMap<usize, Vec<usize>>,
        emitted: HashSet<(usize, bool)>,
        /// Pairs not yet emitted as "not defined".
        pending: Vec<usize>,
    }
    let mut longs: HashMap<&str, Longs<'_>> = HashMap::new();
    for (letters, at) in &spelled {
        let mut index: HashMap<(&str, &str), usize> = HashMap::new();
        let mut l = Longs {
            pair_of: Vec::with_capacity(at.len()),
            pairs: Vec::new(),
            positions: Vec::new(),
            by_end: HashMap::new(),
            emitted: HashSet::new(),
            pending: Vec::new(),
        };
        for (p, &k) in at.iter().enumerate() {
            let m = &mentions[k];
            let pair = (m.key.as_str(), m.surface.as_str());
            let id = *index.entry(pair).or_insert_with(|| {
                l.pairs.push(pair);
                l.positions.push(Vec::new());
                l.pending.push(l.pairs.len() - 1);
                l.pairs.len() - 1
            });
            l.pair_of.push(id);
            l.positions[id].push(p);
            l.by_end.entry(m.end).or_default().push(p);
        }
        longs.insert(letters, l);
    }
    for (m, letters, anchor) in &acronyms {
        let Some(l) = longs.get_mut(letters.as_str()) else {
            continue;
        };
        let at = &spelled[letters.as_str()];
        let own = (m.key.as_str(), m.surface.as_str());
        // (position among the long forms, pair, defined) of the tuples this acronym
        // mention adds, each at its first position.
        let mut new: Vec<(usize, usize, bool)> = Vec::new();
        if let Some(end) = anchor {
            for &p in l.by_end.get(end).into_iter().flatten() {
                let pair = l.pair_of[p];
                if l.pairs[pair] != own
                    && !l.emitted.contains(&(pair, true))
                    && !new.iter().any(|n| n.1 == pair && n.2)
                {
                    new.push((p, pair, true));
                }
            }
        }
        for &pair in &l.pending {
            if l.pairs[pair] == own {
                continue;
            }
            let first = l.positions[pair]
                .iter()
                .copied()
                .find(|&p| Some(mentions[at[p]].end) != *anchor);
            if let Some(p) = first {
                new.push((p, pair, false));
            }
        }
        new.sort_unstable();
        for (p, pair, defined) in new {
            l.emitted.insert((pair, defined));
            let long = &mentions[at[p]];
            out.entry(letters.clone()).or_default().push((
                long.key.clone(),
                long.surface.clone(),
                doc,
                defined,
            ));
        }
        let emitted = &l.emitted;
        l.pending.retain(|pair| !emitted.contains(&(*pair, false)));
    }
}

impl Planner<'_, '_> {
    fn undone_between(&self, from_root: &str, to_root: &str) -> bool {
        self.inputs.undone.iter().any(|(f, t)| {
            let (f, t) = (self.roots.root(f), self.roots.root(t));
            (f == from_root && t == to_root) || (f == to_root && t == from_root)
        })
    }

    /// Records `from` → `to` unless they are one entity already or the merge was undone.
    fn propose(&mut self, from: &str, to: &str, rule: &'static str, evidence: serde_json::Value) {
        let from_root = self.roots.root(from).to_string();
        let to_root = self.roots.root(to).to_string();
        if from_root == to_root {
            return;
        }
        if self.undone_between(&from_root, &to_root) {
            self.plan.kept_undone += 1;
            return;
        }
        self.roots.parent.insert(from_root.clone(), to_root.clone());
        self.plan.proposals.push(Proposal {
            from: from_root,
            to: to_root,
            rule,
            evidence,
        });
    }

    /// The one root among `targets` other than `from`'s; counts ambiguity.
    fn single_target(&mut self, from: &str, targets: &BTreeSet<String>) -> Option<String> {
        let own = self.roots.root(from).to_string();
        let roots: BTreeSet<String> = targets
            .iter()
            .map(|t| self.roots.root(t).to_string())
            .filter(|r| *r != own)
            .collect();
        match roots.len() {
            0 => None,
            1 => roots.into_iter().next(),
            _ => {
                self.plan.ambiguous += 1;
                None
            }
        }
    }

    fn acronyms(&mut self) {
        let inputs = self.inputs;
        let total = inputs.mentions_by_doc.len() as u64;
        // Acronym letters → (long-form key, long form, document, defined in parentheses).
        let mut definitions: Definitions = BTreeMap::new();
        for (done, (doc, mentions)) in inputs.mentions_by_doc.iter().enumerate() {
            (self.progress)(ClusterStep::Acronyms, done as u64, total);
            let Some(text) = inputs.texts.get(doc) else {
                continue;
            };
            document_definitions(*doc, text, mentions, &mut definitions);
        }
        (self.progress)(ClusterStep::Acronyms, total, total);
        let candidates = mergeable(inputs, &self.roots);
        let total = candidates.len() as u64;
        for (done, (key, info)) in candidates.into_iter().enumerate() {
            if done.is_multiple_of(256) {
                (self.progress)(ClusterStep::Acronyms, done as u64, total);
            }
            let letters: BTreeSet<String> = info
                .surfaces
                .keys()
                .map(|s| acronym_letters(s))
                .collect::<Option<_>>()
                .unwrap_or_default();
            if letters.is_empty() {
                continue;
            }
            let mut targets: BTreeSet<String> = BTreeSet::new();
            let mut chosen: BTreeMap<String, (String, i64, bool)> = BTreeMap::new();
            for letter in &letters {
                for (long_key, long_form, doc, defined) in
                    definitions.get(letter).into_iter().flatten()
                {
                    let Some(long_info) = inputs.keys.get(long_key) else {
                        continue;
                    };
                    // Without a definition, only an acronym used in the same document
                    // as the long form counts.
                    if !defined && !info.docs.contains(doc) {
                        continue;
                    }
                    if long_key == key
                        || !acronym_labels_agree(info.label, long_info.label, *defined)
                    {
                        continue;
                    }
                    targets.insert(long_key.clone());
                    let entry = chosen
                        .entry(self.roots.root(long_key).to_string())
                        .or_insert((long_form.clone(), *doc, *defined));
                    if *defined && !entry.2 {
                        *entry = (long_form.clone(), *doc, true);
                    }
                }
            }
            let Some(target) = self.single_target(key, &targets) else {
                continue;
            };
            let Some((long_form, doc, defined)) = chosen.get(&target).cloned() else {
                continue;
            };
            let acronym = info.surfaces.keys().next().cloned().unwrap_or_default();
            let doc_id = inputs.doc_ids.get(&doc).cloned().unwrap_or_default();
            let how = if defined {
                format!("defined as \"{long_form} ({acronym})\" in document {doc_id}")
            } else {
                format!("initials of \"{long_form}\", named in the same document {doc_id}")
            };
            self.propose(
                key,
                &target,
                RULE_ACRONYM,
                json!({
                    "acronym": acronym,
                    "long_form": long_form,
                    "document": doc_id,
                    "defined_in_parentheses": defined,
                    "explanation": how,
                }),
            );
        }
    }

    fn kb_surfaces(&mut self) {
        let inputs = self.inputs;
        let mut linked_by_name: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for (name, key) in &inputs.names {
            if !is_unlinked(key) {
                linked_by_name.entry(name).or_default().insert(key);
            }
        }
        let candidates = mergeable(inputs, &self.roots);
        let total = candidates.len() as u64;
        for (done, (key, info)) in candidates.into_iter().enumerate() {
            if done.is_multiple_of(256) {
                (self.progress)(ClusterStep::KbSurfaces, done as u64, total);
            }
            let mut targets: BTreeSet<String> = BTreeSet::new();
            let mut matched: Vec<(String, String)> = Vec::new();
            for surface in info.surfaces.keys() {
                let folded = fold(surface);
                // A surname alone ("Ba", "Faye") names different people across articles.
                if info.label == EntityType::PER && folded.split(' ').count() < 2 {
                    continue;
                }
                for linked in linked_by_name.get(folded.as_str()).into_iter().flatten() {
                    let Some(linked_info) = inputs.keys.get(*linked) else {
                        continue;
                    };
                    if linked_info.label != info.label {
                        continue;
                    }
                    targets.insert(linked.to_string());
                    matched.push((surface.clone(), linked.to_string()));
                }
            }
            let Some(target) = self.single_target(key, &targets) else {
                continue;
            };
            let (surface, linked) = matched
                .iter()
                .find(|(_, k)| self.roots.root(k) == target)
                .cloned()
                .unwrap_or_default();
            let linked_docs = inputs
                .keys
                .get(&linked)
                .map(|i| documents_evidence(i, &inputs.doc_ids))
                .unwrap_or_default();
            self.propose(
                key,
                &target,
                RULE_KB_SURFACE,
                json!({
                    "surface": surface,
                    "linked_key": linked,
                    "linked_in_documents": linked_docs,
                    "unlinked_in_documents": documents_evidence(info, &inputs.doc_ids),
                    "explanation": format!(
                        "\"{surface}\" is linked to {linked} in other documents ({})",
                        info.label.as_str()
                    ),
                }),
            );
        }
    }

    fn skeletons(&mut self) {
        let inputs = self.inputs;
        // (label, skeleton) → (key, bare name, surface)
        let mut by_skeleton: SkeletonIndex<'_> = HashMap::new();
        for (key, info) in &inputs.keys {
            for surface in info.surfaces.keys() {
                let bare = bare_name(surface);
                let skeleton = name_skeleton(&bare);
                // A one-letter skeleton says nothing; short ones are guarded by the edit distance.
                if skeleton.chars().filter(|c| *c != ' ').count() < 2 {
                    continue;
                }
                by_skeleton
                    .entry((info.label, skeleton))
                    .or_default()
                    .push((key, bare, surface));
            }
        }
        let rank = |key: &str| {
            inputs
                .keys
                .get(key)
                .map_or((0, std::cmp::Reverse(key.to_string())), |i| {
                    (i.mentions, std::cmp::Reverse(key.to_string()))
                })
        };
        let candidates = mergeable(inputs, &self.roots);
        let total = candidates.len() as u64;
        for (done, (key, info)) in candidates.into_iter().enumerate() {
            if done.is_multiple_of(256) {
                (self.progress)(ClusterStep::Skeletons, done as u64, total);
            }
            let own_rank = rank(key);
            let mut linked: BTreeSet<String> = BTreeSet::new();
            let mut unlinked: BTreeSet<String> = BTreeSet::new();
            let mut pairs: Vec<(String, String, String, usize, String)> = Vec::new();
            for surface in info.surfaces.keys() {
                let bare = bare_name(surface);
                let skeleton = name_skeleton(&bare);
                let Some(similar) = by_skeleton.get(&(info.label, skeleton.clone())) else {
                    continue;
                };
                for (other, other_bare, other_surface) in similar {
                    if *other == key.as_str() {
                        continue;
                    }
                    let Some(distance) = close_spellings(&bare, other_bare) else {
                        continue;
                    };
                    if is_unlinked(other) {
                        // Name keys merge into the better attested one only, so a group
                        // of spellings converges on one key.
                        if rank(other) <= own_rank {
                            continue;
                        }
                        unlinked.insert(other.to_string());
                    } else {
                        linked.insert(other.to_string());
                    }
                    pairs.push((
                        surface.clone(),
                        other.to_string(),
                        other_surface.to_string(),
                        distance,
                        skeleton.clone(),
                    ));
                }
            }
            let target = if !linked.is_empty() {
                self.single_target(key, &linked)
            } else {
                // Every candidate has the same skeleton as this key: take the best attested.
                unlinked
                    .iter()
                    .map(|k| self.roots.root(k).to_string())
                    .filter(|r| r != key)
                    .max_by_key(|r| rank(r))
            };
            let Some(target) = target else {
                continue;
            };
            let Some((surface, other, other_surface, distance, skeleton)) = pairs
                .iter()
                .find(|p| self.roots.root(&p.1) == target)
                .cloned()
            else {
                continue;
            };
            self.propose(
                key,
                &target,
                RULE_SKELETON,
                json!({
                    "surface": surface,
                    "matches": other_surface,
                    "matched_key": other,
                    "skeleton": skeleton,
                    "edit_distance": distance,
                    "documents": documents_evidence(info, &inputs.doc_ids),
                    "explanation": format!(
                        "\"{surface}\" and \"{other_surface}\" have the skeleton \"{skeleton}\" \
                         without articles, {distance} edit(s) apart"
                    ),
                }),
            );
        }
    }
}

/// The merges to add, given the stored keys and the merges made or undone before.
/// `progress` is told each step as it goes: (step, done, total).
pub(crate) fn plan(inputs: &Inputs, progress: &mut dyn FnMut(ClusterStep, u64, u64)) -> Plan {
    let roots = Roots {
        parent: inputs.active.iter().cloned().collect(),
    };
    let mut planner = Planner {
        inputs,
        roots,
        plan: Plan::default(),
        progress,
    };
    planner.acronyms();
    planner.kb_surfaces();
    planner.skeletons();
    planner.plan
}

/// Canonical key of every key merged into another, following active merges.
pub(crate) fn canonical_map(active: &[(String, String)]) -> Vec<(String, String)> {
    let roots = Roots {
        parent: active.iter().cloned().collect(),
    };
    active
        .iter()
        .map(|(from, _)| (from.clone(), roots.root(from).to_string()))
        .filter(|(from, root)| from != root)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_capitals_with_optional_dots() {
        assert_eq!(acronym_letters("FDS").as_deref(), Some("FDS"));
        assert_eq!(acronym_letters("O.N.U.").as_deref(), Some("ONU"));
        assert_eq!(acronym_letters("G7").as_deref(), Some("G7"));
        assert_eq!(acronym_letters("Daech"), None);
        assert_eq!(acronym_letters("E"), None);
        assert_eq!(acronym_letters("7G"), None);
    }

    #[test]
    fn initials_of_every_word_or_content_words() {
        assert!(initials("Forces démocratiques syriennes").contains(&"FDS".to_string()));
        assert!(initials("Organisation mondiale de la santé").contains(&"OMS".to_string()));
        assert!(initials("La France insoumise").contains(&"LFI".to_string()));
        assert!(initials("Paris Saint-Germain").contains(&"PSG".to_string()));
        assert!(initials("État islamique").contains(&"EI".to_string()));
        assert!(initials("Damas").is_empty());
    }

    #[test]
    fn definitions_sit_right_after_the_long_form() {
        let text = "les Forces démocratiques syriennes (FDS) ont";
        let start = text.find("FDS").unwrap();
        assert_eq!(
            definition_anchor(text, start, start + 3),
            Some(text.find(" (").unwrap())
        );
        let text = "le Règlement sanitaire international (2005) (RSI).";
        let start = text.find("RSI").unwrap();
        assert_eq!(
            definition_anchor(text, start, start + 3),
            Some(text.find(" (2005)").unwrap())
        );
        let text = "la coalition FDS a dit";
        let start = text.find("FDS").unwrap();
        assert_eq!(definition_anchor(text, start, start + 3), None);
    }

    #[test]
    fn skeletons_ignore_articles_vowels_and_digraphs() {
        let same = |a: &str, b: &str| name_skeleton(&bare_name(a)) == name_skeleton(&bare_name(b));
        assert!(same("al-Qaem", "Qaïm"));
        assert!(same("Deir ez-Zor", "Deir Ezzor"));
        assert!(same("Hachd al-Chaabi", "Hashd el-Shaabi"));
        assert!(same("l'État islamique", "Etat islamique"));
        assert!(!same("Homs", "Hama"));
        assert!(close_spellings("qaem", "qaim").is_some());
        assert!(close_spellings("homs", "hamas").is_none());
    }

    #[test]
    fn canonical_keys_follow_chains() {
        let active = vec![
            ("a".to_string(), "b".to_string()),
            ("b".to_string(), "c".to_string()),
        ];
        let mut map = canonical_map(&active);
        map.sort();
        assert_eq!(
            map,
            vec![
                ("a".to_string(), "c".to_string()),
                ("b".to_string(), "c".to_string())
            ]
        );
    }
}

//! Across articles: stories, copied passages, shared figures with their sources,
//! disagreements between reports and independent-source counts.
//!
//! # How it is organised
//! Every decision is taken from per-article [`DocFeatures`] computed once when the article
//! arrives ([`DocFeatures::of`]) with fixed reference weights (`resources/fr/word_df.tsv`),
//! never from corpus-wide statistics that change as articles arrive; pairwise decisions
//! ([`score_pair`], [`find_copies`]) are symmetric; stories are connected components of the
//! pairwise links; facts are computed from a story's articles taken in id order. So the
//! result depends on the set of articles, not on the order they came in.
//!
//! # What a store integration calls
//! On ingest of an annotated document:
//! 1. `let f = DocFeatures::of(&doc, &config)`; persist `f` (JSON) with the document, and
//!    its [`index_keys`] as rows `(kind, key, doc)` of an indexed table.
//! 2. Candidates: the documents sharing keys with `f` ([`CandidateIndex::lookup`], one
//!    `SELECT … WHERE key IN (…) GROUP BY doc, kind`), filtered by [`story_candidate`] and
//!    [`copy_candidate`].
//! 3. For each story candidate `c`: `score_pair(&f, &c, &config.stories)`; persist the link
//!    when [`is_link`]. For each copy candidate: `find_copies((&f, text), (&c, c_text),
//!    &config.copies)`; persist the pair and its passages.
//! 4. The story of the new document is the connected component of links containing it
//!    ([`components`]); rebuild it with [`build_story`] from its members' features, links and
//!    copies (ids of the stories it merged disappear: a story's id is its smallest member).
//!
//! [`StoryEngine`] does exactly this over any [`CandidateIndex`], with [`MemoryIndex`] for
//! evaluation and tests.

mod copies;
mod facts;
mod features;
mod index;
mod relays;
mod statements;
mod stories;
mod words;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use recoupe_model::{DocId, Document};
use serde::{Deserialize, Serialize};

pub use copies::{
    find_copies, find_copies_in, fingerprints, shared_count, CopyConfig, CopyPair, Passage,
};
pub use facts::{
    disjoint, figures_of, interval, link_facts, Disagreement, Fact, Figure, Report, Source, Support,
};
pub use features::{entity_key, entity_weight, main_place, DocFeatures, EntityFeature, MainPlace};
pub use index::{
    copy_candidate, copy_candidates, index_keys, story_candidate, CandidateIndex, Hits, IndexKey,
    KeyKind, MemoryIndex,
};
pub use statements::{by_speaker, SpeakerStatements, Statement};
pub use stories::{
    cannot_link, cluster, components, date_factor, is_link, score_pair, Link, StoryConfig,
};
pub use words::{fold, words, Reference, Word};

/// Settings of the layer. Defaults are the evaluated setting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub stories: StoryConfig,
    pub copies: CopyConfig,
}

/// A story: articles about one event, with why each belongs, what they copy from one
/// another, the figures they share and who says what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The smallest content-hash id of its articles (stable whatever the ingest order).
    pub id: DocId,
    /// Most weighty content words shared by its articles.
    pub title: String,
    pub articles: Vec<DocId>,
    /// Labels (source ids) of the articles, same order.
    pub labels: Vec<String>,
    pub outlets: Vec<String>,
    /// Earliest and latest event date of its articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<(NaiveDate, NaiveDate)>,
    /// Links between its articles (the evidence of each membership).
    pub links: Vec<Link>,
    pub copies: Vec<CopyPair>,
    /// Articles once copies are collapsed: groups of articles that share copied text count
    /// as one.
    pub independent_articles: usize,
    pub facts: Vec<Fact>,
    pub disagreements: usize,
    pub speakers: Vec<SpeakerStatements>,
}

/// Groups of articles sharing copied text: article → smallest id of its group.
pub fn copy_groups(members: &[DocId], copies: &[&CopyPair]) -> BTreeMap<DocId, DocId> {
    let groups = components(members, copies.iter().map(|c| (&c.a, &c.b)));
    let mut out = BTreeMap::new();
    for group in groups {
        let root = group[0].clone();
        for id in group {
            out.insert(id, root.clone());
        }
    }
    out
}

/// Builds a story from its members' features and the links and copies among them.
pub fn build_story(members: &[&DocFeatures], links: &[&Link], copies: &[&CopyPair]) -> Story {
    let mut members: Vec<&DocFeatures> = members.to_vec();
    members.sort_by(|a, b| a.id.cmp(&b.id));
    let ids: Vec<DocId> = members.iter().map(|m| m.id.clone()).collect();
    let id_set: BTreeSet<&DocId> = ids.iter().collect();
    let mut links: Vec<Link> = links
        .iter()
        .filter(|l| id_set.contains(&l.a) && id_set.contains(&l.b))
        .map(|l| (*l).clone())
        .collect();
    links.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
    let mut copies: Vec<&CopyPair> = copies
        .iter()
        .filter(|c| id_set.contains(&c.a) && id_set.contains(&c.b))
        .copied()
        .collect();
    copies.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
    let groups = copy_groups(&ids, &copies);
    let facts = link_facts(&members, &groups);
    let mut outlets: Vec<String> = members.iter().filter_map(|m| m.outlet.clone()).collect();
    outlets.sort();
    outlets.dedup();
    let anchors: Vec<NaiveDate> = members.iter().filter_map(|m| m.anchor).collect();
    let dates = anchors
        .iter()
        .min()
        .zip(anchors.iter().max())
        .map(|(a, b)| (*a, *b));
    // The title: content words weighing most summed over the articles.
    let mut weight: BTreeMap<&str, (f64, usize)> = BTreeMap::new();
    for m in &members {
        for (t, w) in &m.terms {
            let e = weight.entry(t.as_str()).or_default();
            e.0 += w;
            e.1 += 1;
        }
    }
    let mut top: Vec<(&str, (f64, usize))> = weight
        .into_iter()
        .filter(|(_, (_, n))| members.len() == 1 || *n >= 2)
        .collect();
    top.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0).then(a.0.cmp(b.0)));
    let title = top
        .iter()
        .take(5)
        .map(|(t, _)| *t)
        .collect::<Vec<_>>()
        .join(" ");
    let independent_articles = groups.values().collect::<BTreeSet<_>>().len();
    Story {
        id: ids[0].clone(),
        title,
        labels: members.iter().map(|m| m.display().to_string()).collect(),
        articles: ids,
        outlets,
        dates,
        links,
        copies: copies.into_iter().cloned().collect(),
        independent_articles,
        disagreements: facts.iter().map(|f| f.disagreements.len()).sum(),
        speakers: by_speaker(&members),
        facts,
    }
}

/// What adding one article changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Added {
    pub doc: DocId,
    /// The same text was already there: nothing changed.
    pub duplicate: bool,
    /// Story links made to earlier articles.
    pub links: Vec<Link>,
    /// Copy pairs found with earlier articles.
    pub copies: Vec<CopyPair>,
    /// The story it is in now.
    pub story: DocId,
    /// Candidates compared (story and copy comparisons).
    pub compared: usize,
}

struct Entry {
    features: DocFeatures,
    text: String,
}

/// The layer over an index: add articles one by one, read stories at any time.
pub struct StoryEngine<I: CandidateIndex = MemoryIndex> {
    config: Config,
    index: I,
    docs: BTreeMap<DocId, Entry>,
    links: BTreeMap<(DocId, DocId), Link>,
    adjacency: BTreeMap<DocId, BTreeSet<DocId>>,
    copies: BTreeMap<(DocId, DocId), CopyPair>,
}

impl StoryEngine<MemoryIndex> {
    pub fn new(config: Config) -> Self {
        StoryEngine::with_index(config, MemoryIndex::default())
    }
}

impl<I: CandidateIndex> StoryEngine<I> {
    pub fn with_index(config: Config, index: I) -> Self {
        StoryEngine {
            config,
            index,
            docs: BTreeMap::new(),
            links: BTreeMap::new(),
            adjacency: BTreeMap::new(),
            copies: BTreeMap::new(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Adds an annotated document.
    pub fn add(&mut self, doc: &Document) -> Added {
        let features = DocFeatures::of(doc, &self.config);
        self.add_features(features, doc.text.clone())
    }

    /// Adds an article from its features and text (what a store has persisted).
    pub fn add_features(&mut self, features: DocFeatures, text: String) -> Added {
        let id = features.id.clone();
        if self.docs.contains_key(&id) {
            return Added {
                story: self.story_id(&id),
                doc: id,
                duplicate: true,
                links: Vec::new(),
                copies: Vec::new(),
                compared: 0,
            };
        }
        let keys = index_keys(&features, &self.config);
        let candidates = self.index.lookup(&keys);
        let to_align = copy_candidates(&candidates, &self.config);
        let (mut new_links, mut new_copies, mut compared) = (Vec::new(), Vec::new(), 0);
        for (other, hits) in &candidates {
            let Some(entry) = self.docs.get(other) else {
                continue;
            };
            if story_candidate(hits) {
                compared += 1;
                let link = score_pair(&features, &entry.features, &self.config.stories);
                if is_link(&link, &self.config.stories) {
                    self.adjacency
                        .entry(link.a.clone())
                        .or_default()
                        .insert(link.b.clone());
                    self.adjacency
                        .entry(link.b.clone())
                        .or_default()
                        .insert(link.a.clone());
                    self.links
                        .insert((link.a.clone(), link.b.clone()), link.clone());
                    new_links.push(link);
                }
            }
            if to_align.contains(other) {
                compared += 1;
                if let Some(pair) = find_copies(
                    (&features, &text),
                    (&entry.features, &entry.text),
                    &self.config.copies,
                ) {
                    self.copies
                        .insert((pair.a.clone(), pair.b.clone()), pair.clone());
                    new_copies.push(pair);
                }
            }
        }
        self.index.insert(&id, &keys);
        self.docs.insert(id.clone(), Entry { features, text });
        Added {
            story: self.story_id(&id),
            doc: id,
            duplicate: false,
            links: new_links,
            copies: new_copies,
            compared,
        }
    }

    pub fn features(&self, id: &DocId) -> Option<&DocFeatures> {
        self.docs.get(id).map(|e| &e.features)
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Members of the story of `id`: its group in the clustering of its connected component
    /// of links.
    fn component(&self, id: &DocId) -> Vec<DocId> {
        let region = self.region(id);
        self.cluster_region(&region)
            .into_iter()
            .find(|g| g.contains(id))
            .unwrap_or_else(|| vec![id.clone()])
    }

    fn cluster_region(&self, region: &[DocId]) -> Vec<Vec<DocId>> {
        let features: Vec<&DocFeatures> = region
            .iter()
            .filter_map(|m| self.docs.get(m).map(|e| &e.features))
            .collect();
        let links = self.links_among(region);
        cluster(&features, &links, &self.config.stories)
    }

    /// The links between members of `members`, read from the adjacency of each (not a scan
    /// of every link).
    fn links_among(&self, members: &[DocId]) -> Vec<&Link> {
        let set: BTreeSet<&DocId> = members.iter().collect();
        let mut out = Vec::new();
        for a in members {
            for b in self.adjacency.get(a).into_iter().flatten() {
                if a < b && set.contains(b) {
                    if let Some(link) = self.links.get(&(a.clone(), b.clone())) {
                        out.push(link);
                    }
                }
            }
        }
        out
    }

    /// The connected component of links around `id`: what adding it may re-evaluate.
    fn region(&self, id: &DocId) -> Vec<DocId> {
        let mut seen: BTreeSet<DocId> = BTreeSet::new();
        let mut todo = vec![id.clone()];
        while let Some(next) = todo.pop() {
            if !seen.insert(next.clone()) {
                continue;
            }
            for n in self.adjacency.get(&next).into_iter().flatten() {
                if !seen.contains(n) {
                    todo.push(n.clone());
                }
            }
        }
        seen.into_iter().collect()
    }

    fn story_id(&self, id: &DocId) -> DocId {
        self.component(id)
            .into_iter()
            .next()
            .unwrap_or_else(|| id.clone())
    }

    /// The story of one article.
    pub fn story_of(&self, id: &DocId) -> Option<Story> {
        self.docs.get(id)?;
        let members = self.component(id);
        Some(self.build(&members))
    }

    fn build(&self, members: &[DocId]) -> Story {
        let features: Vec<&DocFeatures> = members
            .iter()
            .filter_map(|m| self.docs.get(m).map(|e| &e.features))
            .collect();
        let set: BTreeSet<&DocId> = members.iter().collect();
        let links = self.links_among(members);
        // Copies among the members, read from the pairs keyed by each member.
        let copies: Vec<&CopyPair> = members
            .iter()
            .flat_map(|m| {
                self.copies
                    .range((m.clone(), DocId(String::new()))..)
                    .take_while(move |((a, _), _)| a == m)
                    .map(|(_, c)| c)
            })
            .filter(|c| set.contains(&c.b))
            .collect();
        build_story(&features, &links, &copies)
    }

    /// Every story, singletons included, in order of id.
    pub fn stories(&self) -> Vec<Story> {
        let mut groups: Vec<Vec<DocId>> =
            components(self.docs.keys(), self.links.keys().map(|(a, b)| (a, b)))
                .iter()
                .flat_map(|region| self.cluster_region(region))
                .collect();
        groups.sort();
        groups.iter().map(|members| self.build(members)).collect()
    }

    /// Every copy pair, across stories too.
    pub fn copies(&self) -> impl Iterator<Item = &CopyPair> {
        self.copies.values()
    }

    /// Every story link.
    pub fn links(&self) -> impl Iterator<Item = &Link> {
        self.links.values()
    }
}

//! Adding one article to an in-memory index of N synthetic articles (stories, copies and
//! the candidate lookup; facts are rebuilt per story on read).
//! Run: `cargo bench -p recoupe-stories --bench add_article`.
//!
//! The synthetic archive is made of stories of five articles, each drawing most of its words
//! from its story's own vocabulary; the counts are checked before timing.

use std::cell::RefCell;

use recoupe_model::{Document, Metadata, Origin, OriginKind};
use recoupe_stories::{Config, StoryEngine};

const PER_STORY: usize = 5;
const FILLER: &[&str] = &[
    "le",
    "la",
    "les",
    "des",
    "une",
    "dans",
    "pour",
    "avec",
    "selon",
    "après",
    "avant",
    "sur",
    "ville",
    "région",
    "gouvernement",
    "autorités",
    "habitants",
    "mardi",
    "mercredi",
    "année",
];

/// A small deterministic generator (64-bit LCG), so that every run times the same archive.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// A pseudo-word that the reference table never saw, so that it weighs like a rare name.
fn word(n: u64) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ru", "te", "zo", "bar", "nel", "dos", "vik",
    ];
    let mut out = String::new();
    let mut n = n + 11;
    while n > 0 {
        out.push_str(SYLLABLES[(n % 10) as usize]);
        n /= 10;
    }
    out
}

fn article(story: usize, member: usize) -> Document {
    let mut rng = Lcg((story * 31 + member) as u64 + 7);
    let mut text = String::new();
    for i in 0..220 {
        let w = if i % 3 == 0 {
            FILLER[(rng.next() % FILLER.len() as u64) as usize].to_string()
        } else {
            word(story as u64 * 40 + rng.next() % 40)
        };
        text.push_str(&w);
        text.push(if i % 17 == 16 { '.' } else { ' ' });
    }
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Text,
        path: "bench".into(),
        record: None,
    });
    meta.external_id = Some(format!("s{story}-{member}"));
    Document::new(text, meta)
}

fn archive(n: usize) -> StoryEngine {
    let mut engine = StoryEngine::new(Config::default());
    for i in 0..n {
        engine.add(&article(i / PER_STORY, i % PER_STORY));
    }
    engine
}

fn main() {
    // The bench means nothing if the archive does not make the stories it should.
    let engine = archive(200);
    assert_eq!(engine.len(), 200);
    assert_eq!(engine.stories().len(), 200 / PER_STORY);
    divan::main();
}

#[divan::bench(args = [1_000, 10_000], sample_count = 20, sample_size = 5)]
fn add_one_article(bencher: divan::Bencher, n: usize) {
    let engine = RefCell::new(archive(n));
    let next = RefCell::new(0usize);
    bencher.bench_local(|| {
        let mut i = next.borrow_mut();
        *i += 1;
        // A new article of an existing story: it is compared, linked and clustered.
        let doc = article((*i * 7) % (n / PER_STORY), PER_STORY + *i);
        engine.borrow_mut().add(&doc).compared
    });
}

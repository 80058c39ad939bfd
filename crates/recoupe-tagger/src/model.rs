//! The trained model: sparse, quantised perceptron weights keyed by feature hash.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use crate::features::{extract_context, extract_word, lower_into, lowered, word_hash, Context};
use crate::Upos;

const MAGIC: &[u8; 6] = b"RCPT1\0";

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("tagger model is not a recoupe tagger model (bad magic bytes); rebuild it with recoupe-train-tagger")]
    BadMagic,
    #[error("tagger model is truncated at byte {0}")]
    Truncated(usize),
    #[error("tagger model I/O: {0}")]
    Io(#[from] std::io::Error),
}

/// Keys are already 64-bit hashes; hashing them again would only cost time.
#[derive(Default)]
pub(crate) struct PassThrough(u64);
impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
pub(crate) type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// A trained tagger. Weights are dense rows (one score per tag) for fast scoring, held in
/// the feature's own slot of the table: a feature costs one probe of memory, not a probe
/// and then a read of a separate array.
pub struct Tagger {
    rows: FeatureMap<[f32; Upos::COUNT]>,
    /// Tells taggers apart in the per-thread memory of word scores.
    id: u64,
}

/// Taggers made so far (each gets the next number as its id).
static TAGGERS: AtomicU64 = AtomicU64::new(0);

/// Words whose scores a thread remembers before it starts over.
const WORD_SCORES_CAPACITY: usize = 50_000;

/// The sum of the weights of the features of a word alone (see [`extract_word`]), by word
/// hash: news repeat their words, and these features are half of every position's.
struct WordScores {
    tagger: u64,
    scores: FeatureMap<(Box<str>, bool, [f32; Upos::COUNT])>,
}

thread_local! {
    static WORD_SCORES: std::cell::RefCell<WordScores> = std::cell::RefCell::new(WordScores {
        tagger: u64::MAX,
        scores: FeatureMap::default(),
    });
}

static EMBEDDED: OnceLock<Tagger> = OnceLock::new();
#[cfg(test)]
static EMBEDDED_BYTES: &[u8] = include_bytes!("../../../resources/models/fr-upos.bin");
/// The committed model inflated by build.rs: inflating it cost about as much as reading
/// its weights, at the start of every process that tags.
static EMBEDDED_RAW: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fr-upos.raw"));

impl Tagger {
    /// The model committed in `resources/models/fr-upos.bin`, decoded once.
    pub fn embedded() -> &'static Tagger {
        EMBEDDED.get_or_init(|| {
            Tagger::from_raw(EMBEDDED_RAW)
                .expect("the embedded tagger model is produced by recoupe-train-tagger and tested")
        })
    }

    pub(crate) fn from_rows(rows: FeatureMap<u32>, weights: Vec<f32>) -> Tagger {
        let rows = rows
            .into_iter()
            .map(|(key, row)| {
                let start = row as usize * Upos::COUNT;
                let mut w = [0.0f32; Upos::COUNT];
                w.copy_from_slice(&weights[start..start + Upos::COUNT]);
                (key, w)
            })
            .collect();
        Tagger::from_weights(rows)
    }

    fn from_weights(rows: FeatureMap<[f32; Upos::COUNT]>) -> Tagger {
        Tagger {
            rows,
            id: TAGGERS.fetch_add(1, Ordering::Relaxed),
        }
    }

    pub fn feature_count(&self) -> usize {
        self.rows.len()
    }

    /// Adds the weights of `features` into `scores`, in order.
    #[inline]
    fn add(&self, features: &[u64], scores: &mut [f32; Upos::COUNT]) {
        for f in features {
            if let Some(w) = self.rows.get(f) {
                for (s, w) in scores.iter_mut().zip(w) {
                    *s += *w;
                }
            }
        }
    }

    /// The tag of the position `ctx` describes. The word's own features are summed first,
    /// in the same order as always, so their sum can be remembered per word and the
    /// context's features added to it give exactly the scores of one pass over all.
    fn tag_position(&self, ctx: &Context<'_>, shape: &mut Vec<u8>, feats: &mut Vec<u64>) -> Upos {
        let mut scores = self.word_scores(ctx, shape, feats);
        feats.clear();
        extract_context(ctx, feats);
        self.add(feats, &mut scores);
        best(&scores)
    }

    /// The summed weights of the word's own features, from this thread's memory when the
    /// word was seen before (with the same sentence-initial flag).
    fn word_scores(
        &self,
        ctx: &Context<'_>,
        shape: &mut Vec<u8>,
        feats: &mut Vec<u64>,
    ) -> [f32; Upos::COUNT] {
        let compute = |shape: &mut Vec<u8>, feats: &mut Vec<u64>| {
            extract_word(ctx.word, ctx.lower, ctx.sentence_initial, shape, feats);
            let mut scores = [0.0f32; Upos::COUNT];
            self.add(feats, &mut scores);
            scores
        };
        let hash = word_hash(ctx.word, ctx.sentence_initial);
        WORD_SCORES.with(|memory| {
            let mut memory = memory.borrow_mut();
            if memory.tagger != self.id {
                memory.scores.clear();
                memory.tagger = self.id;
            }
            match memory.scores.get(&hash) {
                Some((word, initial, scores))
                    if **word == *ctx.word && *initial == ctx.sentence_initial =>
                {
                    return *scores;
                }
                // another word with the same hash keeps its place
                Some(_) => return compute(shape, feats),
                None => {}
            }
            let scores = compute(shape, feats);
            if memory.scores.len() >= WORD_SCORES_CAPACITY {
                memory.scores.clear();
            }
            memory
                .scores
                .insert(hash, (ctx.word.into(), ctx.sentence_initial, scores));
            scores
        })
    }

    /// Tags a sentence given as words (tokens as written).
    pub fn tag(&self, words: &[&str]) -> Vec<Upos> {
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut out);
        out
    }

    /// Tags a sentence into `out` (cleared first), reusing its allocation.
    pub fn tag_into(&self, words: &[&str], out: &mut Vec<Upos>) {
        out.clear();
        let lowers = lowered(words);
        let mut feats = Vec::with_capacity(24);
        let mut shape = Vec::with_capacity(16);
        for i in 0..words.len() {
            let ctx = context(words, &lowers, i, out);
            let tag = self.tag_position(&ctx, &mut shape, &mut feats);
            out.push(tag);
        }
    }

    /// The tag of word `i` of the sentence that `prefix` was [started](Prefix::start) on,
    /// tagging only as far as `i` (`None` past the sentence's end). `word(k)` gives word `k`
    /// as written; it is asked once per word, in order, and only up to `i + 2`.
    ///
    /// Decoding is greedy left to right and a position's features see only the two words
    /// after it, so the tags of a prefix are exactly those of the whole sentence ([`tag`](Self::tag)):
    /// a caller that needs the tag of the first words pays for those words only.
    pub fn tag_at<'w>(
        &self,
        prefix: &mut Prefix,
        i: usize,
        mut word: impl FnMut(usize) -> Cow<'w, str>,
    ) -> Option<Upos> {
        if i >= prefix.len {
            return None;
        }
        let Prefix {
            len,
            fed,
            words,
            lowers,
            tags,
            feats,
            shape,
        } = prefix;
        while tags.len() <= i {
            let k = tags.len();
            let need = (k + 3).min(*len);
            while *fed < need {
                if words.len() <= *fed {
                    words.push(String::new());
                    lowers.push(String::new());
                }
                let w = word(*fed);
                words[*fed].clear();
                words[*fed].push_str(&w);
                lower_into(&w, &mut lowers[*fed]);
                *fed += 1;
            }
            let ctx = context_of(&words[k], &lowers[..*fed], k, tags);
            let tag = self.tag_position(&ctx, shape, feats);
            tags.push(tag);
        }
        Some(tags[i])
    }

    /// Serialises the model: sparse, weights quantised to i16, deflate-compressed.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let max = self
            .rows
            .values()
            .flatten()
            .fold(0.0f32, |m, w| m.max(w.abs()))
            .max(1e-6);
        let scale = max / i16::MAX as f32;
        let mut keys: Vec<(&u64, &[f32; Upos::COUNT])> = self.rows.iter().collect();
        keys.sort_by_key(|(key, _)| **key);
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&scale.to_le_bytes());
        raw.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (key, w) in keys {
            let nonzero: Vec<(u8, i16)> = w
                .iter()
                .enumerate()
                .map(|(i, w)| (i as u8, (w / scale).round() as i16))
                .filter(|(_, q)| *q != 0)
                .collect();
            raw.extend_from_slice(&key.to_le_bytes());
            raw.push(nonzero.len() as u8);
            for (class, q) in nonzero {
                raw.push(class);
                raw.extend_from_slice(&q.to_le_bytes());
            }
        }
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&raw)?;
        Ok(enc.finish()?)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(bytes).read_to_end(&mut raw)?;
        Tagger::from_raw(&raw)
    }

    /// [`Tagger::from_bytes`] of the inflated bytes.
    fn from_raw(raw: &[u8]) -> Result<Tagger, ModelError> {
        if raw.len() < 14 || &raw[..6] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let scale = f32::from_le_bytes(raw[6..10].try_into().expect("4 bytes"));
        let n = u32::from_le_bytes(raw[10..14].try_into().expect("4 bytes")) as usize;
        let mut pos = 14;
        let mut rows = FeatureMap::default();
        rows.reserve(n);
        for _ in 0..n {
            let key_bytes = raw.get(pos..pos + 8).ok_or(ModelError::Truncated(pos))?;
            let key = u64::from_le_bytes(key_bytes.try_into().expect("8 bytes"));
            let nnz = *raw.get(pos + 8).ok_or(ModelError::Truncated(pos + 8))? as usize;
            pos += 9;
            let mut weights = [0.0f32; Upos::COUNT];
            for _ in 0..nnz {
                let entry = raw.get(pos..pos + 3).ok_or(ModelError::Truncated(pos))?;
                let class = (entry[0] as usize).min(Upos::COUNT - 1);
                let q = i16::from_le_bytes([entry[1], entry[2]]);
                weights[class] = q as f32 * scale;
                pos += 3;
            }
            rows.insert(key, weights);
        }
        Ok(Tagger::from_weights(rows))
    }
}

/// A sentence being tagged on demand by [`Tagger::tag_at`]; its buffers are reused from
/// one sentence to the next.
#[derive(Debug, Default)]
pub struct Prefix {
    /// Words in the sentence.
    len: usize,
    /// Words read so far (`words` and `lowers` hold them; entries past it are stale).
    fed: usize,
    words: Vec<String>,
    lowers: Vec<String>,
    tags: Vec<Upos>,
    feats: Vec<u64>,
    shape: Vec<u8>,
}

impl Prefix {
    /// Forgets the previous sentence and starts one of `len` words.
    pub fn start(&mut self, len: usize) {
        self.len = len;
        self.fed = 0;
        self.tags.clear();
    }

    /// Words in the current sentence.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

pub(crate) fn best(scores: &[f32; Upos::COUNT]) -> Upos {
    let mut best = 0;
    for i in 1..Upos::COUNT {
        if scores[i] > scores[best] {
            best = i;
        }
    }
    Upos::from_index(best)
}

pub(crate) fn context<'a>(
    words: &'a [&'a str],
    lowers: &'a [String],
    i: usize,
    tags: &[Upos],
) -> Context<'a> {
    context_of(words[i], lowers, i, tags)
}

/// The context of word `i` (`word`), given the lowercased words of the sentence (only
/// those up to `i + 2` are read).
fn context_of<'a>(word: &'a str, lowers: &'a [String], i: usize, tags: &[Upos]) -> Context<'a> {
    let at = |j: isize| -> &'a str {
        if j < 0 {
            "<s>"
        } else {
            lowers.get(j as usize).map(String::as_str).unwrap_or("</s>")
        }
    };
    let i_signed = i as isize;
    Context {
        word,
        lower: &lowers[i],
        prev_lower: at(i_signed - 1),
        prev2_lower: at(i_signed - 2),
        next_lower: at(i_signed + 1),
        next2_lower: at(i_signed + 2),
        prev_tag: i.checked_sub(1).and_then(|j| tags.get(j).copied()),
        prev2_tag: i.checked_sub(2).and_then(|j| tags.get(j).copied()),
        sentence_initial: i == 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_inflated_at_build_time_is_the_committed_one() {
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(EMBEDDED_BYTES)
            .read_to_end(&mut raw)
            .unwrap();
        assert_eq!(raw, EMBEDDED_RAW);
        let committed = Tagger::from_bytes(EMBEDDED_BYTES).unwrap();
        let words = ["Le", "ministre", "annonce", "une", "réforme", "."];
        assert_eq!(committed.tag(&words), Tagger::embedded().tag(&words));
    }

    #[test]
    fn embedded_model_tags_names_and_common_words() {
        let tagger = Tagger::embedded();
        let words = [
            "Selon",
            "le",
            "site",
            "al-Masdar",
            "News",
            ",",
            "l'",
            "armée",
            "syrienne",
            "a",
            "repris",
            "Deir",
            "ez-Zor",
            ".",
        ];
        let tags = tagger.tag(&words);
        assert_eq!(tags.len(), words.len());
        assert_eq!(tags[0], Upos::Adp, "{tags:?}");
        assert_eq!(tags[1], Upos::Det);
        assert_eq!(tags[7], Upos::Noun);
        assert_eq!(tags[11], Upos::Propn, "{tags:?}");
        assert_eq!(tags[13], Upos::Punct);
    }

    #[test]
    fn tags_asked_word_by_word_are_the_whole_sentence_tags() {
        let tagger = Tagger::embedded();
        let sentences: [&[&str]; 4] = [
            &[
                "Dans",
                "la",
                "nuit",
                ",",
                "les",
                "Forces",
                "spéciales",
                "ont",
                "quitté",
                "Gao",
                "pour",
                "Kidal",
                ".",
            ],
            &["Arrivé", "hier", "."],
            &["Selon"],
            &[
                "Le",
                "porte-parole",
                "du",
                "ministère",
                "de",
                "l'",
                "Intérieur",
                "a",
                "démenti",
                "toute",
                "arrestation",
                "à",
                "Tunis",
                "mardi",
                "soir",
                ".",
            ],
        ];
        // one buffer for every sentence: what a long sentence leaves must not leak into
        // the next, shorter one
        let mut prefix = Prefix::default();
        for words in sentences {
            let whole = tagger.tag(words);
            // in order, out of order, and past the end
            prefix.start(words.len());
            assert_eq!(prefix.len(), words.len());
            let last = words.len() - 1;
            assert_eq!(
                tagger.tag_at(&mut prefix, last, |k| Cow::Borrowed(words[k])),
                Some(whole[last])
            );
            for (i, &tag) in whole.iter().enumerate() {
                assert_eq!(
                    tagger.tag_at(&mut prefix, i, |k| Cow::Borrowed(words[k])),
                    Some(tag),
                    "{words:?} at {i}"
                );
            }
            assert_eq!(
                tagger.tag_at(&mut prefix, words.len(), |k| Cow::Borrowed(words[k])),
                None
            );
            for i in (0..words.len()).rev() {
                prefix.start(words.len());
                let mut asked = 0;
                let tag = tagger.tag_at(&mut prefix, i, |k| {
                    asked = asked.max(k + 1);
                    Cow::Borrowed(words[k])
                });
                assert_eq!(tag, Some(whole[i]), "{words:?} at {i} first");
                // only the words the features of 0..=i read
                assert_eq!(asked, (i + 3).min(words.len()));
            }
        }
    }

    /// Tags by one pass over all the features of each position, remembering nothing.
    fn tag_from_scratch(tagger: &Tagger, words: &[&str]) -> Vec<Upos> {
        let lowers = lowered(words);
        let (mut shape, mut feats, mut tags) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..words.len() {
            let ctx = context(words, &lowers, i, &tags);
            crate::features::extract(&ctx, &mut shape, &mut feats);
            let mut scores = [0.0f32; Upos::COUNT];
            tagger.add(&feats, &mut scores);
            tags.push(best(&scores));
        }
        tags
    }

    #[test]
    fn remembered_word_scores_tag_as_scoring_from_scratch() {
        let embedded = Tagger::embedded();
        let copy = Tagger::from_bytes(&embedded.to_bytes().unwrap()).unwrap();
        let sentences: [&[&str]; 3] = [
            &[
                "Selon", "la", "police", ",", "Selon", "a", "fui", "vers", "Selon", ".",
            ],
            &["Les", "blindés", "ont", "franchi", "la", "frontière", "."],
            &["Franchi", "hier", ",", "le", "fleuve", "déborde", "."],
        ];
        // twice each, and alternating taggers: a second tagger must not read the first
        // one's memory
        for _ in 0..2 {
            for words in sentences {
                for tagger in [embedded, &copy] {
                    assert_eq!(
                        tagger.tag(words),
                        tag_from_scratch(tagger, words),
                        "{words:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn serialisation_round_trips() {
        let tagger = Tagger::embedded();
        let bytes = tagger.to_bytes().unwrap();
        let back = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(back.feature_count(), tagger.feature_count());
        let words = ["Le", "ministre", "Jean", "Dupont", "a", "parlé", "."];
        assert_eq!(back.tag(&words), tagger.tag(&words));
    }

    #[test]
    fn each_feature_holds_its_stored_weights_in_its_own_slot() {
        // Read the stored model by hand and compare every row with the table's.
        let tagger = Tagger::embedded();
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(EMBEDDED_BYTES)
            .read_to_end(&mut raw)
            .unwrap();
        let scale = f32::from_le_bytes(raw[6..10].try_into().unwrap());
        let n = u32::from_le_bytes(raw[10..14].try_into().unwrap()) as usize;
        let mut pos = 14;
        for _ in 0..n {
            let key = u64::from_le_bytes(raw[pos..pos + 8].try_into().unwrap());
            let nnz = raw[pos + 8] as usize;
            pos += 9;
            let mut expected = [0.0f32; Upos::COUNT];
            for _ in 0..nnz {
                let q = i16::from_le_bytes([raw[pos + 1], raw[pos + 2]]);
                expected[raw[pos] as usize] = q as f32 * scale;
                pos += 3;
            }
            assert_eq!(tagger.rows[&key], expected, "feature {key:x}");
        }
        assert_eq!(tagger.feature_count(), n);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(Tagger::from_bytes(b"not a model").is_err());
        let good = Tagger::embedded().to_bytes().unwrap();
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(&good[..])
            .read_to_end(&mut raw)
            .unwrap();
        raw.truncate(raw.len() / 2);
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&raw).unwrap();
        let truncated = enc.finish().unwrap();
        assert!(matches!(
            Tagger::from_bytes(&truncated),
            Err(ModelError::Truncated(_))
        ));
    }
}

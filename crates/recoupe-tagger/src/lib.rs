//! A small, fast French part-of-speech tagger.
//!
//! Greedy left-to-right averaged perceptron over Universal Dependencies UPOS tags. The
//! entities stage uses it to tell proper nouns from capitalised common words (a
//! sentence-initial "Selon", a headline's capitalised nouns) where no list decides.
//!
//! The model is trained by `cargo run --release -p recoupe-tagger --bin recoupe-train-tagger`
//! from the UD French Sequoia and GSD treebanks in `../shared/ud` and committed as
//! `resources/models/fr-upos.bin` (held-out accuracy in `resources/models/fr-upos.txt`).
//! It is embedded in the binary, so tagging needs no file at run time.

pub mod conllu;
mod features;
mod model;
pub mod train;

pub use model::{ModelError, Prefix, Tagger};

/// Universal Dependencies part-of-speech tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    pub const COUNT: usize = 17;
    pub const ALL: [Upos; Upos::COUNT] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }

    pub fn from_index(i: usize) -> Upos {
        Upos::ALL[i.min(Upos::COUNT - 1)]
    }
}

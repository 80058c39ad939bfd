//! Statements: one sentence read into attributions. Each verb cue is read either as an
//! incise after its content ("…, a-t-il ajouté", "…, ont annoncé les autorités") or with its
//! speaker before it and its content after ("X a affirmé que …", "X a déclaré : « … »");
//! with no verb cue, "selon X" makes an according-to attribution. Here the content span,
//! the kind (direct, indirect, mixed) and the hedged flag are decided; speakers and chains
//! come from their modules.
//!
//! Where each rule lives:
//!
//! | module | concern |
//! |---|---|
//! | this one | the sentence read as a whole: which cues make statements, "selon" next to verbs |
//! | `verbs` | a verb cue made a statement: bare weak verbs, witnesses, tolls with no source, the chain |
//! | `clauses` | a verb's word ranges: incise or subject before, content start and end, passives, participles |
//! | `verb_speaker` | who speaks a verb when the phrase alone does not tell: "qui", participles, "Et d'ajouter" |
//! | `according` | "selon X" / "d'après X": where what X says lies, X named or described |
//! | `framed` | statements with no verb: "Pour X, « … »", "Un témoin : « … »", a headline's "(source)" |
//! | `hedging` | the hedged flag from the content's conditional |
//! | `quotations` | quotations across sentences, a sentence continuing one, direct / mixed / indirect |

use recoupe_model::Attribution;

use crate::chains::{according_chains, relay_links, AccordingChain};
use crate::cues::{find_cues, incises_in_quotations, CueKind, VerbCue};
use crate::grammar::quoted_mask;
use crate::lexicon::Lexicon;
use crate::speakers::{Seen, Speaker};
use crate::subjects::topic_head;
use crate::view::DocView;
use crate::words::Word;

mod according;
mod clauses;
mod framed;
mod hedging;
mod quotations;
mod verb_speaker;
mod verbs;

use according::relative_to_source;
use clauses::comme_contrast;
use framed::{framed_quotation, framed_view, headline_source};
pub(crate) use quotations::{quote_continuation, QuoteState};

/// What a sentence holds that every statement in it shares.
struct Reading<'a, 'd> {
    lex: &'a Lexicon,
    view: &'a DocView<'d>,
    words: &'a [Word],
    /// Which words are inside quotation marks.
    quoted: Vec<bool>,
    /// The head noun of "Quant au maire, il …".
    topic: Option<String>,
    /// The sentence says the claim is unconfirmed ("non confirmé", "sans preuve").
    hedged: bool,
    /// The first channel named outside quotations ("dans un communiqué").
    channel: Option<String>,
    /// Entities named by relays ("citant X"), in order of appearance.
    relays: Vec<String>,
    /// The "selon X" phrases.
    according: Vec<AccordingChain>,
}

/// A verb statement's word ranges before its speaker is resolved.
struct Parts {
    content: Option<(usize, usize)>,
    speaker: Option<(usize, usize)>,
    /// Words that start an outlet or platform the words went through.
    channel_words: Vec<usize>,
}

/// The attributions of one sentence; speakers found are pushed on `seen`.
pub(crate) fn analyse_sentence(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    headline: bool,
    seen: &mut Seen,
) -> Vec<Attribution> {
    let mut quoted = quoted_mask(words);
    incises_in_quotations(lex, words, &mut quoted);
    let cues = find_cues(lex, view.text, words, &quoted);
    if cues.is_empty() {
        let framed = if headline {
            headline_source(lex, view, words, seen)
        } else {
            framed_quotation(lex, view, words, &quoted, seen)
                .or_else(|| framed_view(lex, view, words, &quoted, seen))
        };
        return framed.into_iter().collect();
    }
    let hedged = (0..words.len()).any(|i| lex.hedges.at(words, i).is_some());
    let channel = (0..words.len())
        .filter(|&i| !quoted[i])
        .find_map(|i| lex.channels.at(words, i))
        .map(|(_, v)| v.to_string());
    let reading = Reading {
        lex,
        view,
        words,
        topic: topic_head(words),
        hedged,
        channel,
        relays: relay_links(lex, view, words, &quoted),
        according: according_chains(lex, view, words, &cues),
        quoted,
    };
    let has_according = !reading.according.is_empty();
    // Next to "selon X", a weak or opinion verb is part of what X reports ("Selon Press TV,
    // la Syrie et l'Irak espèrent rouvrir …"), not a second statement; a participle inside
    // the source phrase ("selon des informations révélées par la mairie") describes the
    // source.
    let in_source_phrase = |v: &VerbCue| {
        reading
            .according
            .iter()
            .any(|a| a.start < v.group_start && v.group_end < a.end)
    };
    let verb_cues: Vec<VerbCue> = cues
        .iter()
        .filter_map(|c| match c {
            CueKind::Verb(v) if !(in_source_phrase(v) || has_according && v.weak) => Some(*v),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    // "X prendrait en charge le coût, selon un document, mais la députée s'est refusée à
    // tout commentaire": a refusal states nothing, so it takes no "selon" phrase as its
    // own; the phrase keeps its statement.
    let only_refusals = verb_cues.iter().all(|v| v.refusal);
    if only_refusals {
        reading.according_statements(&mut out, seen, |_| true);
        reading.verb_statements(&verb_cues, &mut out, seen);
    } else {
        // "…, selon l'agence X, qui fait aussi état de trois blessés": the relative verb is
        // the source's second statement; the "selon" phrase keeps its own.
        // "Selon X, 21 bus …, et non 23 comme l'avait indiqué Y": Y said only the figure
        // set aside; X keeps its own statement.
        let contrast = verb_cues
            .iter()
            .any(|v| comme_contrast(words, v).1.is_some());
        let relative: Vec<usize> = reading
            .according
            .iter()
            .enumerate()
            .filter(|(_, a)| contrast || verb_cues.iter().any(|v| relative_to_source(words, a, v)))
            .map(|(n, _)| n)
            .collect();
        if !relative.is_empty() {
            reading.according_statements(&mut out, seen, |n| relative.contains(&n));
        }
        reading.verb_statements(&verb_cues, &mut out, seen);
    }
    out
}

/// The rule of a statement made by a participle after a comma that hangs on a verb of no
/// speech ("Le ministère a interdit la marche, invoquant des risques"): the main clause is
/// still the article's own statement of fact.
pub(crate) const PARTICIPLE_RULE: &str = "speech-verb-participle";

/// Remembers the speaker of the statement just pushed, with that statement's chain.
fn remember(speaker: Speaker, out: &[Attribution], seen: &mut Seen) {
    if let Some(mut r) = speaker.remember {
        r.via = out.last().map(|a| a.via.clone()).unwrap_or_default();
        r.channel = out.last().and_then(|a| a.channel.clone());
        r.at = out
            .last()
            .map(|a| a.speaker.unwrap_or(a.content).start)
            .unwrap_or_default();
        seen.push(r);
    }
}

//! Statements framed by their speaker with no verb of saying: a quotation after "Pour X,"
//! or a colon ("Un témoin : « … »"), a view after "Pour X," ("Pour les ONG, ce procès est un
//! test"), a headline closed by its source in parentheses ("… (bilan du ministère)").

use recoupe_model::{Attribution, AttributionKind, EntityType, Polarity, Provenance, Span};

use crate::grammar::{is_boundary, span_of, trim_range, AUXILIARIES, DETERMINERS};
use crate::lexicon::Lexicon;
use crate::speakers::{description_head, resolve_speaker, Seen, Speaker};
use crate::subjects::name_in_apposition;
use crate::view::DocView;
use crate::words::{Word, WordKind};
use crate::STAGE;

use super::hedging::framed_view_hedged;
use super::quotations::kind_of;
use super::remember;

/// How many words the speaker phrase of a quotation with no verb may have.
const FRAME_WORDS: usize = 12;

/// A quotation framed by its speaker with no verb of saying: "Pour l'entraîneur, Marc
/// Blanc, « … »", "Pour Sandrine, caissière : « … »", "Un pêcheur du port, la voix cassée :
/// « … »"; after "Pour X," also a clause weaving a quotation in ("Pour la maire, la réforme
/// « oublie les communes »": the whole clause). The speaker phrase must name a person or a
/// body, or be a description of a person.
pub(super) fn framed_quotation(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    quoted: &[bool],
    seen: &mut Seen,
) -> Option<Attribution> {
    let open = (1..words.len()).find(|&k| {
        matches!(words[k].kind, WordKind::OpenQuote | WordKind::StraightQuote)
            && words.get(k + 1).is_some_and(|_| quoted[k + 1])
    })?;
    let by_pour = words[0].folded == "pour";
    // "Pour X, le plan « chasse les habitants »": after "Pour X," the clause may weave a
    // quotation in; the phrase then ends at its first comma.
    let woven_comma = (by_pour
        && !matches!(words[open - 1].kind, WordKind::Comma | WordKind::Colon))
    .then(|| (1..open).find(|&k| words[k].kind == WordKind::Comma))
    .flatten();
    let woven = woven_comma.is_some();
    let mark = woven_comma.unwrap_or(open - 1);
    if !matches!(words[mark].kind, WordKind::Comma | WordKind::Colon)
        || quoted[..open].iter().any(|q| *q)
    {
        return None;
    }
    if !by_pour && words[mark].kind != WordKind::Colon {
        return None;
    }
    let from = usize::from(by_pour);
    if mark <= from || mark - from > FRAME_WORDS {
        return None;
    }
    // The phrase up to its first comma, with a name in apposition ("l'entraîneur, Marc
    // Blanc,"); what follows the comma ("la voix cassée") describes the moment.
    let first_comma = (from..mark).find(|&k| words[k].kind == WordKind::Comma);
    let to = match first_comma {
        Some(c) if c > from => name_in_apposition(view, words, c - 1).unwrap_or(c - 1),
        Some(_) => return None,
        None if woven => name_in_apposition(view, words, mark - 1).unwrap_or(mark - 1),
        None => mark - 1,
    };
    let phrase = &words[from..=to];
    if phrase.iter().any(|w| {
        AUXILIARIES.contains(&w.lower.as_str()) || is_boundary(w) && w.kind != WordKind::Comma
    }) {
        return None;
    }
    let span = span_of(words, from, to);
    // A person, or after "Pour" a body ("Pour l'ONU, « … »"); before a colon a body's name
    // is as often a heading ("Prix du jury : « Titre »").
    let names = view
        .mentions_in(span)
        .any(|m| m.label == EntityType::PER || (by_pour && m.label == EntityType::ORG));
    let person_noun = description_head(lex, phrase).is_some_and(|h| {
        lex.unnamed.contains_key(h.as_str())
            || lex.person_roles.contains(h.as_str())
            || lex.reporters.contains(h.as_str())
    });
    // "Un pêcheur du port : « … »": one person described, before a colon.
    let someone = !by_pour
        && matches!(words[from].folded.as_str(), "un" | "une")
        && words.get(from + 1).is_some_and(|w| !w.capitalised);
    // "Pour la première fois, « … »" names no one.
    if !names && !person_noun && !someone {
        return None;
    }
    let (cfrom, cto) = if woven {
        // The clause after the phrase (and the comma closing a name in apposition).
        let start = if words.get(to + 1).is_some_and(|w| w.kind == WordKind::Comma) {
            to + 2
        } else {
            to + 1
        };
        if start >= open {
            return None;
        }
        trim_range(words, start, words.len() - 1)?
    } else {
        let mut end = open + 1;
        while end + 1 < words.len() && quoted[end + 1] {
            end += 1;
        }
        trim_range(words, open + 1, end)?
    };
    // A quoted title ("« Dogman »") is no statement.
    if words_in(&words[cfrom..=cto]) < 3 {
        return None;
    }
    let speaker = resolve_speaker(lex, view, words, Some((from, to)), None, seen, None);
    let frame = Frame {
        content: span_of(words, cfrom, cto),
        cue: span_of(words, mark, mark),
        kind: kind_of(words, quoted, cfrom, cto),
        hedged: false,
        rule: "framed-quotation",
    };
    Some(frame.said_by(speaker, seen))
}

/// A view framed by its holder with no verb and no quotation: "Pour le politologue X, de
/// l'université Y, le résultat tient à …", "Pour les ONG, ce procès est un test". The
/// holder must name a person or a body, or describe a person or a body ("Pour la première
/// fois", "Pour un ménage moyen" name no one); what the clause after it says is theirs.
pub(super) fn framed_view(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    quoted: &[bool],
    seen: &mut Seen,
) -> Option<Attribution> {
    if words.first()?.folded != "pour" || quoted.iter().any(|q| *q) {
        return None;
    }
    let comma =
        (2..words.len().min(FRAME_WORDS + 2)).find(|&k| words[k].kind == WordKind::Comma)?;
    let (from, to) = (1, comma - 1);
    let phrase = &words[from..=to];
    if phrase
        .iter()
        .any(|w| AUXILIARIES.contains(&w.lower.as_str()) || is_boundary(w))
    {
        return None;
    }
    let span = span_of(words, from, to);
    // A person anywhere in the phrase ("l'historienne X"), a body only as its head ("Pour
    // la Cimade"; "Pour les sièges du Conseil général" is about the seats).
    let head_at = words[from..=to]
        .iter()
        .position(|w| !DETERMINERS.contains(&w.folded.as_str()))
        .map_or(from, |k| from + k);
    let names = view.mentions_in(span).any(|m| {
        m.label == EntityType::PER
            || m.label == EntityType::ORG && m.span.start <= words[head_at].start
    });
    let holder_noun = description_head(lex, phrase).is_some_and(|h| {
        let singular = h.strip_suffix('s').unwrap_or(&h);
        [h.as_str(), singular].iter().any(|n| {
            lex.unnamed.contains_key(*n)
                || lex.person_roles.contains(*n)
                || lex.reporters.contains(*n)
                || lex.organisation_roles.contains(*n)
                || lex.institutions.contains(*n)
        })
    });
    if !names && !holder_noun {
        return None;
    }
    // An apposition after the holder ("…, de l'université Y,", "…, interrogé par Z,",
    // "…, climatologue à Y,", "…, qui suit le dossier,") ends at the next comma.
    let mut start = comma + 1;
    let next = words.get(start)?;
    let apposition = next.kind == WordKind::Word
        && !next.capitalised
        && !DETERMINERS.contains(&next.folded.as_str())
        && !next.folded.starts_with("ce");
    if apposition {
        let close = (start + 1..words.len().min(start + FRAME_WORDS))
            .find(|&k| words[k].kind == WordKind::Comma)?;
        start = close + 1;
    }
    let (cfrom, cto) = trim_range(words, start, words.len() - 1)?;
    if words_in(&words[cfrom..=cto]) < 3 {
        return None;
    }
    let speaker = resolve_speaker(lex, view, words, Some((from, to)), None, seen, None);
    let frame = Frame {
        content: span_of(words, cfrom, cto),
        cue: span_of(words, 0, 0),
        kind: AttributionKind::AccordingTo,
        hedged: framed_view_hedged(words, cfrom, cto),
        rule: "framed-view",
    };
    Some(frame.said_by(speaker, seen))
}

/// How many words (not punctuation or quotation marks) a stretch holds.
fn words_in(words: &[Word]) -> usize {
    words
        .iter()
        .filter(|w| matches!(w.kind, WordKind::Word | WordKind::Elision))
        .count()
}

/// How many words a headline's source in parentheses may have.
const HEADLINE_SOURCE_WORDS: usize = 10;

/// A headline whose source closes it in parentheses: "Inondations : 40 morts (bilan du
/// ministère de l'Intérieur)", "Le barrage a cédé (gouverneur)". The parenthesis must name
/// a person or a body, or hold an institution or a role; "(vidéo)", "(Rhône)" do not.
pub(super) fn headline_source(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    seen: &mut Seen,
) -> Option<Attribution> {
    let last = words.len().checked_sub(1)?;
    if words[last].folded != ")" {
        return None;
    }
    let open = (0..last).rev().find(|&k| words[k].folded == "(")?;
    if open < 3 || last - open - 1 > HEADLINE_SOURCE_WORDS {
        return None;
    }
    let (from, to) = trim_range(words, open + 1, last - 1)?;
    let span = span_of(words, from, to);
    let names = view
        .mentions_in(span)
        .any(|m| matches!(m.label, EntityType::PER | EntityType::ORG));
    let described = words[from..=to].iter().any(|w| {
        lex.institutions.contains(w.folded.as_str()) || lex.person_roles.contains(w.folded.as_str())
    });
    if !names && !described {
        return None;
    }
    let (cfrom, cto) = trim_range(words, 0, open - 1)?;
    let speaker = resolve_speaker(lex, view, words, Some((from, to)), None, seen, None);
    let frame = Frame {
        content: span_of(words, cfrom, cto),
        cue: span_of(words, open, open),
        kind: AttributionKind::AccordingTo,
        hedged: false,
        rule: "headline-source",
    };
    Some(frame.said_by(speaker, seen))
}

/// A statement framed by its speaker with no verb of saying (a "Pour X," opening, a colon
/// before a quotation, a headline's source in parentheses): what it says, and how.
struct Frame {
    content: Span,
    cue: Span,
    kind: AttributionKind,
    hedged: bool,
    rule: &'static str,
}

impl Frame {
    /// The statement of `speaker`, remembered so that later pronouns and descriptions may
    /// refer back to it.
    fn said_by(self, speaker: Speaker, seen: &mut Seen) -> Attribution {
        let out = [Attribution {
            content: self.content,
            speaker: speaker.span,
            speaker_entity: speaker.entity.clone(),
            speaker_unnamed: speaker.unnamed,
            cue: Some(self.cue),
            kind: self.kind,
            channel: None,
            via: speaker.via.clone(),
            hedged: self.hedged,
            polarity: Polarity::Assert,
            provenance: Provenance::new(STAGE, self.rule),
        }];
        remember(speaker, &out, seen);
        let [attribution] = out;
        attribution
    }
}

#[cfg(test)]
mod tests {

    use crate::testutil::{content, contents_and_speaker_keys, doc};

    use recoupe_model::{AttributionKind, EntityType};

    #[test]
    fn issue13_quotations_framed_by_their_speaker_without_a_verb() {
        let d = doc(
            "Pour la gérante du camping, Julie Marchal, « personne n'avait prévu une crue pareille ».\nUne infirmière de garde, épuisée : « Nous avons manqué de brancards toute la nuit. »\nPour la première fois, « le marché » a fermé.\nPalmarès du jury : « Les Oubliés »",
            None,
            &[("Julie Marchal", EntityType::PER, "per:marchal")],
        );
        let found = contents_and_speaker_keys(&d);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            found[0],
            (
                "personne n'avait prévu une crue pareille".to_string(),
                Some("per:marchal")
            )
        );
        assert!(found[1].0.starts_with("Nous avons manqué de brancards"));
        assert!(d.layers.attributions[1].speaker_unnamed);
        assert_eq!(d.layers.attributions[0].kind, AttributionKind::Direct);
    }

    #[test]
    fn issue13_a_headline_closed_by_its_source_in_parentheses() {
        let d = crate::testutil::headed_doc(
            "Crues du Var : douze disparus (bilan de la préfecture maritime)\nLes recherches ont repris à l'aube.",
            &[],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "Crues du Var : douze disparus");
        assert_eq!(a.kind, AttributionKind::AccordingTo);
        // A parenthesis naming a place or a medium is no source.
        let d = crate::testutil::headed_doc(
            "Un bus tombe dans un ravin (vidéo)\nLe chauffeur a été blessé.",
            &[],
        );
        assert!(
            d.layers.attributions.is_empty(),
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue13_pour_x_then_a_clause_weaving_a_quotation_in() {
        let d = doc(
            "Pour la maire de Vienne, Claire Duval, la réforme « oublie les petites communes ».\nPour la première fois, le musée « ouvre ses portes la nuit ».",
            None,
            &[("Claire Duval", EntityType::PER, "per:duval")],
        );
        let found = contents_and_speaker_keys(&d);
        assert_eq!(
            found,
            vec![(
                "la réforme « oublie les petites communes".to_string(),
                Some("per:duval")
            )],
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(d.layers.attributions[0].kind, AttributionKind::Mixed);
    }

    #[test]
    fn issue13_a_view_framed_by_its_holder_without_verb_or_quotation() {
        let d = doc(
            "Pour l'historienne Maud Lefranc, de l'université de Caen, la réforme arrive trop tard.\nPour les syndicats, ce plan serait un recul.\nPour la première fois, le musée ouvre le soir.\nPour un couple avec deux enfants, la facture baisse de 8 %.\nPour les trois postes du conseil communal, la liste reste ouverte.",
            None,
            &[
                ("Maud Lefranc", EntityType::PER, "per:lefranc"),
                ("université de Caen", EntityType::ORG, "org:caen"),
                ("conseil communal", EntityType::ORG, "org:conseil"),
            ],
        );
        let found: Vec<(String, bool)> = d
            .layers
            .attributions
            .iter()
            .map(|a| (content(&d, a).to_string(), a.hedged))
            .collect();
        assert_eq!(
            found,
            vec![
                ("la réforme arrive trop tard".to_string(), false),
                ("ce plan serait un recul".to_string(), true)
            ]
        );
        let first = &d.layers.attributions[0];
        assert_eq!(first.speaker_entity.as_deref(), Some("per:lefranc"));
        assert_eq!(first.kind, AttributionKind::AccordingTo);
    }
}

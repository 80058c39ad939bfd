//! Chains: the outlets and intermediaries a statement passed through (`via`, nearest
//! first). "selon X citant Y" and "Y cité par X" (X relayed Y), relays anywhere in the
//! sentence ("citant l'agence Nour"), the outlet a speaker spoke to ("a déclaré à
//! Xinhua"), and the chain a speaker referred back to keeps from its last statement. The
//! article's own outlet and the speaker itself are never links.

use recoupe_model::EntityType;

use crate::cues::CueKind;
use crate::grammar::{
    is_adverb, is_boundary, span_of, trim_range, DETERMINERS, INDEFINITE, PHRASE_ENDS,
};
use crate::lexicon::Lexicon;
use crate::speakers::{description_head, Speaker};
use crate::subjects::{name_after_comma, name_in_apposition};
use crate::view::DocView;
use crate::words::{Word, WordKind};

/// Words between a speech verb and a name that make the name the outlet or platform the
/// words went through: "a déclaré à Xinhua", "a nié auprès de la chaîne Rudaw", "a indiqué
/// sur son compte Telegram"; not "a félicité les forces pour leur victoire sur Daech".
pub(crate) fn is_channel_phrase(lex: &Lexicon, between: &[Word]) -> bool {
    between
        .iter()
        .any(|x| matches!(x.folded.as_str(), "a" | "au" | "aux" | "sur" | "aupres"))
        && between.iter().all(|x| {
            matches!(
                x.folded.as_str(),
                "a" | "au"
                    | "aux"
                    | "sur"
                    | "aupres"
                    | "de"
                    | "du"
                    | "d'"
                    | "l'"
                    | "la"
                    | "le"
                    | "les"
                    | "son"
                    | "sa"
                    | "ses"
                    | "leur"
                    | "leurs"
            ) || lex.channels.contains_word(&x.folded)
                || is_adverb(x)
        })
}

/// A "selon X [citant Y]" phrase: cue index, end of the phrase, chain entities in order of
/// appearance, and the source phrase's word range.
pub(crate) struct AccordingChain {
    /// Index of the cue's first word.
    pub(crate) start: usize,
    /// Index just past the source phrase.
    pub(crate) end: usize,
    /// Entities of the phrase in chain order, the speaker's own last: "selon X citant Y"
    /// → [X, Y]; "selon un responsable cité par Y" → [Y].
    pub(crate) chain: Vec<String>,
    /// How many entries at the end of `chain` name the speaker (0: an unnamed or
    /// undescribed speaker, resolved from `speaker_phrase`).
    pub(crate) speaker_links: usize,
    /// Word range of the speaker's own phrase.
    pub(crate) speaker_phrase: Option<(usize, usize)>,
}

/// A statement with no chain of its own by a speaker referred back to ("la source a
/// ajouté", "a-t-il précisé") came through the same chain as that speaker's last one.
pub(crate) fn inherit_via(view: &DocView<'_>, via: Vec<String>, speaker: &Speaker) -> Vec<String> {
    match &speaker.remember {
        Some(previous) if via.is_empty() && !previous.via.is_empty() => {
            clean_via(view, previous.via.clone(), speaker.entity.as_deref())
        }
        _ => via,
    }
}

/// Removes the article's own outlet, platforms, the speaker itself and duplicates from a
/// chain.
pub(crate) fn clean_via(
    view: &DocView<'_>,
    via: Vec<String>,
    speaker: Option<&str>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in via {
        if Some(key.as_str()) == speaker || out.contains(&key) {
            continue;
        }
        // A platform is the channel the words were posted on, not a relay.
        let own = view.key_is_own_outlet(&key);
        if !own && !view.is_platform(&key) {
            out.push(key);
        }
    }
    out
}

/// The entities named by relays outside quotations ("citant X", "publiée par X"), in order
/// of appearance.
pub(crate) fn relay_links(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    quoted: &[bool],
) -> Vec<String> {
    let mut relay_entities: Vec<String> = Vec::new();
    for (i, &in_quote) in quoted.iter().enumerate() {
        if in_quote {
            continue;
        }
        // "a revendiqué l'attentat via son agence X", "sur Telegram via l'agence X": the
        // outlet a body speaks through ("via" and a determiner; "via Kigali" is a route).
        let via_outlet = words[i].folded == "via"
            && words
                .get(i + 1)
                .is_some_and(|n| DETERMINERS.contains(&n.folded.as_str()));
        let relay_len = relay_at(lex, words, i)
            .map(|p| p.len())
            .or(via_outlet.then_some(1));
        if let Some(len) = relay_len {
            let mut k = i + len;
            while let Some(w) = words.get(k) {
                if is_boundary(w) {
                    break;
                }
                if let Some(m) = view.mention_starting_at(w.start) {
                    // Right after "citant", a name is a source even when typed as a place
                    // (a site or agency named like a town).
                    let right_after = k == i + len;
                    if m.label == EntityType::ORG || m.label == EntityType::PER || right_after {
                        relay_entities.push(m.entity.clone());
                        break;
                    }
                }
                k += 1;
            }
        }
    }
    relay_entities
}

/// The "selon X" phrases of a sentence read into chains.
pub(crate) fn according_chains(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    cues: &[CueKind],
) -> Vec<AccordingChain> {
    cues.iter()
        .filter_map(|cue| match *cue {
            CueKind::According { start, end } => {
                Some(according_chain(lex, view, words, start, end))
            }
            CueKind::Verb(_) => None,
        })
        .collect()
}

/// One "selon X" phrase whose cue spans words `start..=end`.
fn according_chain(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    start: usize,
    end: usize,
) -> AccordingChain {
    let sentence_end = words.len() - 1;
    let k = source_phrase_end(lex, view, words, end);
    // "Selon Mosleh qui est le commandant … dans les Hachd": a relative clause
    // describes the source, it is no link of the chain.
    let np_end = (end + 1..k)
        .find(|&r| {
            r > end + 1
                && matches!(
                    words[r].folded.as_str(),
                    "qui" | "dont" | "lequel" | "laquelle" | "lesquels" | "lesquelles"
                )
                && lex.relay.at(words, r).is_none()
        })
        .unwrap_or(k)
        .saturating_sub(1);
    let np = trim_range(words, end + 1, np_end.max(end + 1).min(sentence_end));
    let (speaker_phrase, relay_phrase) = split_at_relay(lex, words, np);
    let links = |range: Option<(usize, usize)>, relayed: bool| -> Vec<String> {
        let Some((a, b)) = range else {
            return Vec::new();
        };
        view.mentions_in(span_of(words, a, b))
            .filter(|m| {
                m.label == EntityType::ORG
                    || m.label == EntityType::PER
                    // right after "citant", a name is a source even typed as a place
                    || (relayed && m.span.start == words[a].start)
            })
            .map(|m| m.entity.clone())
            .collect()
    };
    let relayed_speaker = relay_phrase.is_some();
    let mut chain = links(relay_phrase, false);
    // "selon un analyste de Bank of America": an unnamed person of an organisation;
    // the speaker phrase is resolved as a description (its organisation is an
    // affiliation, or for a reporter the chain)
    let described = speaker_phrase.is_some_and(|(a, b)| {
        INDEFINITE.contains(&words[a].folded.as_str())
            && !view
                .mentions_in(span_of(words, a, b))
                .any(|m| m.label == EntityType::PER)
    });
    let speaker_chain = if described {
        Vec::new()
    } else {
        links(speaker_phrase, relayed_speaker)
    };
    let speaker_links = speaker_chain.len();
    chain.extend(speaker_chain);
    AccordingChain {
        start,
        end: k,
        chain,
        speaker_links,
        speaker_phrase,
    }
}

/// Where the source phrase after "selon" ends (the index of its boundary): at the next
/// clause boundary, and on over a comma into a relay ("selon le quotidien La Meuse, citant
/// une source judiciaire, …", "selon Radio-Canada, qui cite un contremaître, …") or a
/// person's name in apposition ("selon le directeur financier, Marc Duhamel, …").
fn source_phrase_end(lex: &Lexicon, view: &DocView<'_>, words: &[Word], cue_end: usize) -> usize {
    let mut k = cue_end + 1;
    loop {
        while words.get(k).is_some_and(|w| !is_boundary(w)) && !next_source_at(words, k, cue_end) {
            k += 1;
        }
        let after_comma = words.get(k).is_some_and(|w| w.kind == WordKind::Comma);
        if after_comma && lex.relay.at(words, k + 1).is_some() {
            k += 1;
            // past the relay words, which hold no boundary
            k += lex.relay.at(words, k).map_or(0, |(p, _)| p.len());
            continue;
        }
        if after_comma {
            if let Some(name_end) = name_after_comma(view, words, k) {
                k = name_end + 1;
                continue;
            }
        }
        return k;
    }
}

/// Whether word `k` starts what follows a source phrase within its clause: another "selon"
/// ("… selon la police, … selon les syndicats" without the comma) or a second figure with
/// its own source ("9 000 selon la police et 70 000 selon les syndicats").
fn next_source_at(words: &[Word], k: usize, cue_end: usize) -> bool {
    let folded = words[k].folded.as_str();
    let figure_follows = words
        .get(k + 1)
        .is_some_and(|w| w.folded.starts_with(|c: char| c.is_ascii_digit()));
    k > cue_end + 1 && (folded == "selon" || matches!(folded, "et" | "ou") && figure_follows)
}

/// A relay inside a source phrase splits it into the speaker's phrase and the relay's:
/// "X citant Y" (Y spoke, X relayed) and "Y cité par X" (the same, passive).
#[allow(clippy::type_complexity)]
fn split_at_relay(
    lex: &Lexicon,
    words: &[Word],
    np: Option<(usize, usize)>,
) -> (Option<(usize, usize)>, Option<(usize, usize)>) {
    let Some((a, b)) = np else {
        return (None, None);
    };
    let relay =
        (a..=b).find_map(|r| relay_at(lex, words, r).map(|p| (r, p.len(), passive_relay(p))));
    let Some((r, len, passive)) = relay else {
        return (np, None);
    };
    let before = if r > a {
        trim_range(words, a, r - 1)
    } else {
        None
    };
    let after = if r + len <= b {
        trim_range(words, r + len, b)
    } else {
        None
    };
    // "selon les résultats publiés par la commission", "selon un rapport diffusé par
    // l'ONG X": a report or a count published by someone is that one's word, not a relay.
    let authored = passive
        && matches!(
            words[r].folded.as_str(),
            "publie"
                | "publiee"
                | "publies"
                | "publiees"
                | "diffuse"
                | "diffusee"
                | "diffuses"
                | "diffusees"
        );
    let report = || {
        before.is_some_and(|(x, y)| {
            description_head(lex, &words[x..=y]).is_some_and(|h| lex.authored_nouns.contains(&h))
        })
    };
    if authored && after.is_some() && report() {
        return (after, None);
    }
    if passive {
        (before, after)
    } else {
        (after, before)
    }
}

/// Whether a relay phrase names the relayer after it and the one who spoke before it: "Y
/// cité par X", "Y interrogé par X", "Y au micro de X" (a phrase ending in a preposition),
/// against "X citant Y".
fn passive_relay(phrase: &[String]) -> bool {
    phrase
        .last()
        .is_some_and(|w| matches!(w.as_str(), "par" | "de" | "d'"))
}

/// The relay phrase starting at word `r`. A passive one needs a name or a noun phrase after
/// it: "joint par l'agence X", "cité par Reuters" relay; "joint par téléphone" does not.
fn relay_at<'l>(lex: &'l Lexicon, words: &[Word], r: usize) -> Option<&'l [String]> {
    let (phrase, _) = lex.relay.at(words, r)?;
    if !passive_relay(phrase) {
        return Some(phrase);
    }
    let next = words.get(r + phrase.len())?;
    let opens_phrase = next.capitalised
        || DETERMINERS.contains(&next.folded.as_str())
        || INDEFINITE.contains(&next.folded.as_str());
    opens_phrase.then_some(phrase)
}

/// A subject phrase holding a passive relay ("le gouverneur, cité par la radio X", "le
/// vainqueur au micro de la chaîne Y") is its words before the relay: the one who spoke.
/// The relayer is a link of the chain (`relay_links`), not the speaker.
pub(crate) fn speaker_before_relay(
    lex: &Lexicon,
    words: &[Word],
    range: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let (a, b) = range?;
    let relay = (a + 1..=b).find(|&r| relay_at(lex, words, r).is_some_and(passive_relay));
    match relay {
        Some(r) => trim_range(words, a, r - 1).or(range),
        None => range,
    }
}

/// "L'agence X, citant le ministère, affirme …", "…, a rapporté l'agence X, citant le
/// ministère de la Santé": the words are the cited body's or person's, passed on by the one
/// citing. Given a speaker phrase `range`, an active relay ("citant", "qui cite") inside it
/// or right after it (past a comma) whose phrase names a person or an organisation: the
/// cited phrase (the speaker) and the citing one (a link of the chain). A cited phrase
/// naming no one leaves the speaker phrase as it is, unless it is a source an organisation
/// cites ("l'agence X, citant des sources locales").
pub(crate) fn cited_source(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    range: Option<(usize, usize)>,
) -> Option<((usize, usize), (usize, usize))> {
    let (a, b) = range?;
    let active = |r: usize| relay_at(lex, words, r).filter(|p| !passive_relay(p));
    let inside = (a + 1..=b).find(|&r| active(r).is_some());
    // Past the parenthesis of an acronym and a comma: "l'agence X (AX), citant …".
    let r = inside.or_else(|| {
        let mut k = b + 1;
        if words.get(k)?.folded == ")" {
            k += 1;
        }
        if words.get(k)?.kind == WordKind::Comma {
            k += 1;
        }
        active(k).map(|_| k)
    })?;
    let from = r + active(r)?.len();
    let mut to = from;
    while let Some(w) = words.get(to + 1) {
        if is_boundary(w) || PHRASE_ENDS.contains(&w.folded.as_str()) || w.folded == "qui" {
            break;
        }
        to += 1;
    }
    if inside.is_some() {
        to = to.min(b);
    }
    if let Some(end) = name_in_apposition(view, words, to) {
        to = end;
    }
    let cited = trim_range(words, from, to)?;
    let names = (cited.0..=cited.1).any(|k| {
        view.mention_starting_at(words[k].start)
            .is_some_and(|m| matches!(m.label, EntityType::PER | EntityType::ORG))
    });
    // "…, a rapporté l'agence X, citant une source municipale": an unnamed source the
    // outlet cites speaks too, the outlet a link of its chain (the shared gold's
    // "l'agence Tasnim, laquelle cite des sources bien informées").
    let unnamed_source = matches!(words[cited.0].folded.as_str(), "un" | "une" | "des" | "de")
        && words
            .get(cited.0 + 1)
            .is_some_and(|w| matches!(w.folded.as_str(), "source" | "sources"));
    let citer_end = if inside.is_some() {
        r.checked_sub(1)?
    } else {
        b
    };
    let citer = trim_range(words, a, citer_end)?;
    // Only a body passes on an unnamed source so ("Des élus, citant des sources locales,
    // évoquent …" stays the elected members' phrase).
    let citer_is_body = (citer.0..=citer.1).any(|k| {
        view.mention_starting_at(words[k].start)
            .is_some_and(|m| m.label == EntityType::ORG)
    });
    if !(names || unnamed_source && citer_is_body) {
        return None;
    }
    Some((cited, citer))
}

/// The outlet named after an inverted clitic, reached through a channel phrase: "…,
/// a-t-il déclaré à la chaîne al-Sumaria" (the index of its first word).
pub(crate) fn outlet_after_clitic(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    group_end: usize,
) -> Option<usize> {
    (group_end + 2..words.len())
        .take_while(|&k| !is_boundary(&words[k]))
        .find(|&k| {
            view.organisation_at(&words[k]) && is_channel_phrase(lex, &words[group_end + 1..k])
        })
}

/// "…, a confié l'un d'eux à l'agence Reuters": an outlet spoken to inside the speaker
/// phrase `from..=to` after an incise ends the phrase: the index of "à" and of the outlet.
pub(crate) fn outlet_spoken_to(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    from: usize,
    to: usize,
) -> Option<(usize, usize)> {
    (from + 1..=to)
        .filter(|&k| matches!(words[k].lower.as_str(), "à" | "au" | "auprès"))
        .find_map(|k| {
            (k + 1..=to)
                .find(|&m| view.organisation_at(&words[m]) && is_channel_phrase(lex, &words[k..m]))
                .map(|m| (k, m))
        })
}

/// "…, a annoncé l'armée dans un communiqué lu à la télévision nationale RTB": an outlet
/// named in the channel phrase right after a speaker phrase ending at `to`.
pub(crate) fn outlet_in_channel_phrase(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    to: usize,
) -> Option<usize> {
    let opens = words.get(to + 1).is_some_and(|w| {
        matches!(
            w.lower.as_str(),
            "dans" | "sur" | "à" | "au" | "lors" | "via" | "auprès"
        )
    });
    if !opens {
        return None;
    }
    let mut saw_channel = false;
    for m in to + 2..words.len() {
        let w = &words[m];
        if is_boundary(w) {
            return None;
        }
        saw_channel |= lex.channels.contains_word(&w.folded);
        if view.organisation_at(w) && (saw_channel || is_channel_phrase(lex, &words[to + 1..m])) {
            return Some(m);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{is_channel_phrase, split_at_relay, Lexicon};
    use crate::testutil::{content, doc};
    use crate::words::scan;
    use recoupe_model::EntityType;

    #[test]
    fn source_chain_nearest_first_without_own_outlet() {
        let d = doc(
            "Selon l'agence Nour citant le site Al-Wadi, une source sécuritaire a annoncé l'arrivée de renforts.",
            Some("nour"),
            &[
                ("Nour", EntityType::ORG, "org:nour"),
                ("Al-Wadi", EntityType::ORG, "org:wadi"),
            ],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "l'arrivée de renforts");
        assert!(a.speaker_unnamed);
        assert_eq!(a.speaker_entity, None);
        assert_eq!(d.slice(a.speaker.unwrap()), "une source sécuritaire");
        assert_eq!(
            a.via,
            vec!["org:wadi".to_string()],
            "own outlet Nour must be dropped"
        );
    }

    #[test]
    fn issue5_passive_relay_keeps_the_unnamed_speaker_and_chains_the_outlet() {
        let d = doc(
            "D'après un responsable de la sécurité cité par l'agence Nour, deux commandants se trouvaient dans la zone.",
            None,
            &[("Nour", EntityType::ORG, "org:nour")],
        );
        let a = &d.layers.attributions[0];
        assert_eq!(a.speaker_entity, None);
        assert!(a.speaker_unnamed);
        assert_eq!(a.via, vec!["org:nour".to_string()]);
    }

    #[test]
    fn issue5_addressee_outlet_and_platform_are_chain_links() {
        let d = doc(
            "Le maire, Karim Haddad, a déclaré à Al-Wadi que deux véhicules avaient été touchés.\n« Nous reconstruirons », a-t-il ajouté à la chaîne Al-Rafidain.\nIl a félicité les forces pour leur victoire sur les Brigades Al-Nasr.",
            None,
            &[
                ("Karim Haddad", EntityType::PER, "per:haddad"),
                ("Al-Wadi", EntityType::ORG, "org:wadi"),
                ("Al-Rafidain", EntityType::ORG, "org:rafidain"),
                ("Brigades Al-Nasr", EntityType::ORG, "org:nasr"),
            ],
        );
        let by_content = |start: &str| {
            d.layers
                .attributions
                .iter()
                .find(|a| content(&d, a).starts_with(start))
                .unwrap_or_else(|| {
                    panic!(
                        "no attribution starting {start:?}: {:#?}",
                        d.layers.attributions
                    )
                })
        };
        assert_eq!(
            by_content("deux véhicules").via,
            vec!["org:wadi".to_string()]
        );
        assert_eq!(
            by_content("Nous reconstruirons").via,
            vec!["org:rafidain".to_string()]
        );
    }

    #[test]
    fn issue5_affiliation_in_an_unnamed_description_is_no_chain_link() {
        let d = doc(
            "Un commandant des Brigades Al-Nasr a affirmé que la ligne tenait. Un correspondant de l'agence Nour a rapporté que les tirs avaient cessé.",
            None,
            &[
                ("Brigades Al-Nasr", EntityType::ORG, "org:nasr"),
                ("Nour", EntityType::ORG, "org:nour"),
            ],
        );
        assert_eq!(
            d.layers.attributions.len(),
            2,
            "{:#?}",
            d.layers.attributions
        );
        assert!(d.layers.attributions[0].via.is_empty());
        assert!(d.layers.attributions[0].speaker_unnamed);
        assert_eq!(d.layers.attributions[1].via, vec!["org:nour".to_string()]);
    }

    #[test]
    fn issue5_relative_clause_after_selon_is_no_chain_link() {
        let d = doc(
            "Selon Karim Haddad qui est le commandant de la région dans les Brigades Al-Nasr, les convois ont quitté la ville.",
            None,
            &[
                ("Karim Haddad", EntityType::PER, "per:haddad"),
                ("Brigades Al-Nasr", EntityType::ORG, "org:nasr"),
            ],
        );
        let a = &d.layers.attributions[0];
        assert_eq!(a.speaker_entity.as_deref(), Some("per:haddad"));
        assert!(a.via.is_empty(), "{:?}", a.via);
    }

    #[test]
    fn issue5_relay_after_a_comma_names_the_speaker_and_chains_the_outlet() {
        let d = doc(
            "D'après le quotidien Al-Wadi, citant une source judiciaire, les enquêteurs auraient saisi des documents.\nSelon la chaîne Al-Rafidain, qui cite un responsable local, la route est coupée.",
            None,
            &[
                ("Al-Wadi", EntityType::ORG, "org:wadi"),
                ("Al-Rafidain", EntityType::ORG, "org:rafidain"),
            ],
        );
        assert_eq!(
            d.layers.attributions.len(),
            2,
            "{:#?}",
            d.layers.attributions
        );
        let first = &d.layers.attributions[0];
        assert_eq!(
            content(&d, first),
            "les enquêteurs auraient saisi des documents"
        );
        assert_eq!(d.slice(first.speaker.unwrap()), "une source judiciaire");
        assert!(first.speaker_unnamed);
        assert_eq!(first.via, vec!["org:wadi".to_string()]);
        let second = &d.layers.attributions[1];
        assert_eq!(d.slice(second.speaker.unwrap()), "un responsable local");
        assert_eq!(second.via, vec!["org:rafidain".to_string()]);
    }

    #[test]
    fn issue5_trailing_channel_relative_subject_and_same_source() {
        let d = doc(
            "Des hommes armés ont attaqué la base, a annoncé l'armée dans un communiqué lu à la télévision Al-Rafidain.\n« Vingt assaillants ont été tués », affirme le texte, qui évoque « des pertes » parmi les supplétifs.\nTrois villages ont été évacués, selon la même source.",
            None,
            &[
                ("armée", EntityType::ORG, "org:army"),
                ("Al-Rafidain", EntityType::ORG, "org:rafidain"),
            ],
        );
        let all = &d.layers.attributions;
        assert!(all.len() >= 4, "{all:#?}");
        for a in all {
            assert_eq!(
                a.speaker_entity.as_deref(),
                Some("org:army"),
                "{}",
                content(&d, a)
            );
            assert_eq!(
                a.via,
                vec!["org:rafidain".to_string()],
                "{}",
                content(&d, a)
            );
        }
    }

    #[test]
    fn a_relay_splits_the_source_phrase_by_its_voice() {
        let lex = Lexicon::embedded();
        let text = "l'agence Nour citant un officier";
        let w = scan(text, 0, text.len());
        let (speaker, relay) = split_at_relay(lex, &w, Some((0, w.len() - 1)));
        assert_eq!(w[speaker.unwrap().0].folded, "un");
        assert_eq!(w[relay.unwrap().0].folded, "l'");
        let text = "un officier cité par l'agence Nour";
        let w = scan(text, 0, text.len());
        let (speaker, relay) = split_at_relay(lex, &w, Some((0, w.len() - 1)));
        assert_eq!(w[speaker.unwrap().0].folded, "un");
        assert_eq!(w[relay.unwrap().1].folded, "nour");
    }

    #[test]
    fn issue13_a_body_speaking_through_its_own_outlet_chains_it() {
        let d = doc(
            "Le Front du Nord a revendiqué l'embuscade par l'intermédiaire de son agence Sahar, affirmant avoir détruit « trois camions ».\nLe Front du Nord a revendiqué le raid via son agence Sahar.",
            None,
            &[
                ("Front du Nord", EntityType::ORG, "org:front"),
                ("Sahar", EntityType::ORG, "org:sahar"),
            ],
        );
        let all = &d.layers.attributions;
        assert!(!all.is_empty(), "{all:#?}");
        for a in all {
            assert_eq!(a.speaker_entity.as_deref(), Some("org:front"), "{all:#?}");
            assert_eq!(a.via, vec!["org:sahar".to_string()], "{all:#?}");
        }
    }

    #[test]
    fn issue13_an_outlet_that_cited_or_interviewed_the_subject_is_its_chain() {
        let d = doc(
            "Le préfet de la Drôme, cité par la radio Vallée FM, a affirmé que la route resterait ouverte.\n« Nous tiendrons le rythme », a glissé la capitaine au micro de la chaîne Sport Est.\nLa cheffe du service, interrogée par le Courrier du Sud, a assuré que les digues tiendraient.",
            None,
            &[
                ("Drôme", EntityType::LOC, "loc:drome"),
                ("Vallée FM", EntityType::ORG, "org:vallee"),
                ("Sport Est", EntityType::ORG, "org:sportest"),
                ("Courrier du Sud", EntityType::ORG, "org:courrier"),
            ],
        );
        let all = &d.layers.attributions;
        assert_eq!(all.len(), 3, "{all:#?}");
        let expected = [
            ("Le préfet de la Drôme", "org:vallee"),
            ("la capitaine", "org:sportest"),
            ("La cheffe du service", "org:courrier"),
        ];
        for (a, (speaker, outlet)) in all.iter().zip(expected) {
            assert_eq!(d.slice(a.speaker.unwrap()), speaker, "{}", content(&d, a));
            assert!(a.speaker_entity.is_none(), "{}", content(&d, a));
            assert_eq!(a.via, vec![outlet.to_string()], "{}", content(&d, a));
        }
    }

    #[test]
    fn issue13_joined_by_phone_is_no_relay() {
        let d = doc(
            "Selon un élu joint par téléphone, Paul Mercadier, la digue a cédé vers minuit.",
            None,
            &[("Paul Mercadier", EntityType::PER, "per:mercadier")],
        );
        let all = &d.layers.attributions;
        assert_eq!(all.len(), 1, "{all:#?}");
        assert_eq!(all[0].speaker_entity.as_deref(), Some("per:mercadier"));
        assert!(all[0].via.is_empty(), "{:?}", all[0].via);
    }

    #[test]
    fn issue13_the_own_outlet_by_its_acronym_is_no_link() {
        let d = doc(
            "Deux ponts ont été emportés, selon un élu joint par la RVO.\nLa crue a atteint quatre mètres, selon un technicien interrogé par Radio Berge.",
            Some("Radio Vallée Ouest"),
            &[
                ("RVO", EntityType::ORG, "org:rvo"),
                ("Radio Berge", EntityType::ORG, "org:berge"),
            ],
        );
        let all = &d.layers.attributions;
        assert_eq!(all.len(), 2, "{all:#?}");
        assert!(all[0].via.is_empty(), "{:?}", all[0].via);
        assert_eq!(all[1].via, vec!["org:berge".to_string()]);
    }

    #[test]
    fn channel_phrases_are_prepositions_determiners_and_channel_nouns() {
        let lex = Lexicon::embedded();
        let yes = "auprès de la chaîne";
        assert!(is_channel_phrase(lex, &scan(yes, 0, yes.len())));
        let no = "les forces pour leur victoire sur";
        assert!(!is_channel_phrase(lex, &scan(no, 0, no.len())));
    }

    #[test]
    fn issue13_a_platform_is_a_channel_not_a_relay_nor_an_antecedent() {
        let d = doc(
            "« Nous présentons nos excuses », a écrit sur X la compagnie Air Lac.\nLes rebelles ont publié une vidéo sur Telegram. « La ville est libre », a écrit le groupe.",
            None,
            &[
                ("X", EntityType::ORG, "org:x"),
                ("Air Lac", EntityType::ORG, "org:airlac"),
                ("Telegram", EntityType::ORG, "org:telegram"),
            ],
        );
        let first = &d.layers.attributions[0];
        assert_eq!(first.speaker_entity.as_deref(), Some("org:airlac"));
        assert!(first.via.is_empty(), "{:?}", first.via);
        assert_eq!(first.channel.as_deref(), Some("social_media"));
        let last = d.layers.attributions.last().unwrap();
        assert_ne!(last.speaker_entity.as_deref(), Some("org:telegram"));
    }
}

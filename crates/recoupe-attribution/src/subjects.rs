//! Subjects: the speaker phrase of a verb cue, as a word range: before the verb ("Le
//! ministre, Karim Haddad, a affirmé …"), after an incise verb ("…, a indiqué sur son
//! compte Telegram le gouverneur, Omar Saleh, précisant …"), the topic of "Quant au
//! maire, il …", and a person's name in apposition ("selon le directeur, Marc Duhamel, …").
//! Channel phrases crossed on the way are returned for the chain.

use recoupe_model::{EntityMention, EntityType};

use crate::chains::{outlet_in_channel_phrase, outlet_spoken_to};
use crate::grammar::{
    is_adverb, is_boundary, trim_range, AUXILIARIES, CONJUNCTIONS, DETERMINERS, OBJECT_PRONOUNS,
    PHRASE_ENDS, PREPOSITIONS, RELATIVES, TIME_NOUNS, WEEKDAYS,
};
use crate::lexicon::Lexicon;
use crate::view::DocView;
use crate::words::{Word, WordKind};

/// The head noun of a left-dislocated topic: "Quant au maire, il …" → "maire".
pub(crate) fn topic_head(words: &[Word]) -> Option<String> {
    if words.first()?.folded != "quant" {
        return None;
    }
    words[1..]
        .iter()
        .take(4)
        .find(|w| {
            w.kind == WordKind::Word
                && !matches!(w.folded.as_str(), "a" | "au" | "aux" | "la" | "le" | "les")
        })
        .map(|w| w.folded.clone())
}

/// The speaker phrase before a verb group: back to the clause boundary, without object
/// pronouns, leading conjunctions or adverbs; an apposition ("le maire, X,") is kept whole.
pub(crate) fn subject_before(
    words: &[Word],
    group_start: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let mut to = group_start.checked_sub(1)?;
    while to >= floor && to > 0 && OBJECT_PRONOUNS.contains(&words[to].folded.as_str()) {
        to -= 1;
    }
    if to < floor || is_boundary(&words[to]) {
        // "le maire de la ville, Vitali Klitschko, les a…": the subject is the apposition.
        if to > floor && words[to].kind == WordKind::Comma {
            let inner_end = to - 1;
            let mut k = inner_end;
            while k > floor && !is_boundary(&words[k - 1]) {
                k -= 1;
            }
            let mut from = k;
            // "L'entreprise, qui compte 90 salariés, invoque …": a relative clause
            // between commas describes the subject before it.
            let relative = matches!(words[k].folded.as_str(), "qui" | "dont");
            if relative && k >= floor + 2 && words[k - 1].kind == WordKind::Comma {
                let j = phrase_start(words, k - 2, floor);
                return if j < k - 1 {
                    trim_subject(words, j, k - 2)
                } else {
                    None
                };
            }
            if k >= floor + 2 && words[k - 1].kind == WordKind::Comma {
                let j = phrase_start(words, k - 2, floor);
                if j < k - 1 {
                    from = j;
                }
            }
            return trim_subject(words, from, inner_end);
        }
        return None;
    }
    trim_subject(words, phrase_start(words, to, floor), to)
}

/// The first word of the phrase ending at word `to`: back to a boundary, not below `floor`.
/// A parenthesis is part of the phrase whatever punctuation it holds ("Le Front de
/// libération (FDL, LF selon son sigle) a …").
fn phrase_start(words: &[Word], to: usize, floor: usize) -> usize {
    let mut from = to;
    let mut depth = usize::from(words[to].folded == ")");
    while from > floor && (depth > 0 || !is_boundary(&words[from - 1])) {
        match words[from - 1].folded.as_str() {
            ")" => depth += 1,
            "(" => depth = depth.saturating_sub(1),
            _ => {}
        }
        from -= 1;
    }
    from
}

fn trim_subject(words: &[Word], mut from: usize, mut to: usize) -> Option<(usize, usize)> {
    // Long segments contain a previous clause: "… au centre de Kiev et le maire de la ville".
    if to + 1 - from > 6 {
        if let Some(k) = (from..to).rev().find(|&k| {
            CONJUNCTIONS.contains(&words[k].folded.as_str())
                && words
                    .get(k + 1)
                    .is_some_and(|n| n.capitalised || DETERMINERS.contains(&n.folded.as_str()))
        }) {
            from = k + 1;
        }
    }
    // "a indiqué au Directeur général qu'il considérait …": the subject of the second verb
    // starts after the last "que".
    if let Some(k) = (from..to)
        .rev()
        .find(|&k| matches!(words[k].folded.as_str(), "que" | "qu'"))
    {
        from = k + 1;
    }
    while from <= to
        && (CONJUNCTIONS.contains(&words[from].folded.as_str())
            || is_adverb(&words[from])
            || RELATIVES.contains(&words[from].folded.as_str())
            || words[from].folded == "quant"
            || words[from].folded == "que"
            || words[from].folded == "qu'")
    {
        from += 1;
    }
    // "Le commandant s'est limité à annoncer que …", "Le ministre a tenu à rappeler que …":
    // the subject ends before the verb that governs the cue (not one inside a relative
    // clause: "le ministre qui a signé").
    if let Some(k) = (from + 1..=to).find(|&k| {
        let w = words[k].lower.as_str();
        let before = words[k - 1].folded.as_str();
        // "l'Est du pays" is a name, not "est".
        (AUXILIARIES.contains(&w) && !words[k].capitalised
            || matches!(w, "s'" | "se")
                && words
                    .get(k + 1)
                    .is_some_and(|n| AUXILIARIES.contains(&n.lower.as_str())))
            && !matches!(
                before,
                "qui" | "que" | "qu'" | "dont" | "lequel" | "laquelle"
            )
    }) {
        to = k - 1;
        while to > from && matches!(words[to].folded.as_str(), "ne" | "n'") {
            to -= 1;
        }
    }
    trim_range(words, from, to)
}

/// The speaker phrase after an incise verb ("…, a indiqué sur son compte Telegram le chef
/// de l'administration, Tymur Tkachenko, précisant…"), and the words that start outlets or
/// platforms named in channel phrases around it (links of the chain).
pub(crate) fn subject_after(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    after: usize,
) -> (Option<(usize, usize)>, Vec<usize>) {
    let mut channel_words = Vec::new();
    let Some(from) = skip_channel_phrases(lex, view, words, after, &mut channel_words) else {
        return (None, channel_words);
    };
    let mut to = from;
    while let Some(w) = words.get(to + 1) {
        // "…, Tymur Tkachenko, précisant que": a participle after a comma ends the phrase.
        let gerund_after_comma = w.folded.ends_with("ant") && words[to].kind == WordKind::Comma;
        // "…, lâche ce Syrien qui fond en larmes": a relative clause describes the speaker.
        let relative = w.folded == "qui" && to > from;
        if is_boundary(w)
            || PHRASE_ENDS.contains(&w.folded.as_str())
            || gerund_after_comma
            || relative
        {
            break;
        }
        to += 1;
    }
    if words.get(from).is_none_or(is_boundary) {
        return (None, channel_words);
    }
    if let Some((k, outlet)) = outlet_spoken_to(lex, view, words, from, to) {
        channel_words.push(outlet);
        to = k - 1;
    }
    channel_words.extend(outlet_in_channel_phrase(lex, view, words, to));
    if let Some(end) = name_in_apposition(view, words, to) {
        to = end;
    }
    (trim_range(words, from, to), channel_words)
}

/// Skips adverbs and prepositional channel phrases ("sur son compte Telegram") after an
/// incise verb: where the speaker phrase starts, if anything is left.
fn skip_channel_phrases(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    after: usize,
    channel_words: &mut Vec<usize>,
) -> Option<usize> {
    let mut k = after;
    loop {
        let w = words.get(k)?;
        // "…, ont affirmé mardi les représentants": the day is no part of the speaker.
        if is_adverb(w) || w.folded == "plus" || WEEKDAYS.contains(&w.folded.as_str()) {
            k += 1;
            continue;
        }
        // "…, a annoncé ce jeudi la direction", "a indiqué cette semaine le ministère".
        if matches!(w.folded.as_str(), "ce" | "cette")
            && words.get(k + 1).is_some_and(|n| {
                let n = n.folded.as_str();
                // not "ce dernier", "ce même", "ce premier": a speaker.
                WEEKDAYS.contains(&n)
                    || TIME_NOUNS.contains(&n) && !matches!(n, "meme" | "premier" | "dernier")
            })
        {
            k += 2;
            continue;
        }
        // "…, a indiqué à l'agence Belga, Luc Martin, le maire": the speaker after the
        // comma that closes a channel phrase.
        if w.kind == WordKind::Comma
            && k > after
            && !channel_words.is_empty()
            && words
                .get(k + 1)
                .is_some_and(|n| n.capitalised || DETERMINERS.contains(&n.folded.as_str()))
        {
            k += 1;
            continue;
        }
        if !PREPOSITIONS.contains(&w.folded.as_str()) {
            return Some(k);
        }
        k += 1;
        while let Some(x) = words.get(k) {
            if let Some(m) = view.mention_starting_at(x.start) {
                // "…, a martelé à la tribune Jeanne Morel", "dit dans un communiqué Marc
                // Lenoir": a person closing the clause ends the phrase of place or means and
                // is the speaker ("a déclaré à Jean Roux le maire": the maire speaks).
                let closes = words
                    .iter()
                    .skip(k)
                    .find(|y| y.start >= m.span.end)
                    .is_none_or(is_boundary);
                if m.label == EntityType::PER && closes {
                    return Some(k);
                }
                channel_words.push(k);
                while words.get(k).is_some_and(|y| y.end <= m.span.end) {
                    k += 1;
                }
                break;
            }
            // "sur son compte Telegram" is a channel; "sur franceinfo son porte-parole"
            // ends the channel at the possessive
            let channel_possessive =
                matches!(x.folded.as_str(), "son" | "sa" | "ses" | "leur" | "leurs")
                    && words
                        .get(k + 1)
                        .is_some_and(|n| lex.channels.contains_word(&n.folded));
            if is_boundary(x)
                || (DETERMINERS.contains(&x.folded.as_str())
                    && !channel_possessive
                    && k > after + 1)
            {
                break;
            }
            k += 1;
        }
    }
}

/// A title written before a person's name ("M.", "Mme", "Dr", "Me", "Pr").
fn is_title_abbreviation(w: &Word) -> bool {
    matches!(
        w.folded.as_str(),
        "m." | "mme" | "mme." | "dr" | "dr." | "me" | "pr" | "mgr"
    )
}

/// A person's name in apposition right after a description ending at `to` (", Tymur
/// Tkachenko,"; after a title or a rank: ", Mme Claire Besson", ", le lieutenant Marc
/// Kasereka"; past a short complement of place: "le porte-parole de l'armée dans la région,
/// le lieutenant …"): the index of the name's last word.
pub(crate) fn name_in_apposition(view: &DocView<'_>, words: &[Word], to: usize) -> Option<usize> {
    // A short complement ("dans la région") before the comma.
    let comma = (to + 1..=(to + 5).min(words.len().saturating_sub(1)))
        .take_while(|&k| k == to + 1 || !is_boundary(&words[k - 1]))
        .find(|&k| words[k].kind == WordKind::Comma)?;
    if comma > to + 1
        && !matches!(
            words[to + 1].folded.as_str(),
            "dans" | "de" | "du" | "en" | "a" | "au"
        )
    {
        return None;
    }
    // Up to three lowercase words of title or rank before the name ("le lieutenant").
    let (at, m) = name_after(view, words, comma, |label| label == EntityType::PER)?;
    let titled = words[comma + 1..at]
        .iter()
        .all(|w| w.kind == WordKind::Word && (!w.capitalised || is_title_abbreviation(w)));
    if !titled {
        return None;
    }
    Some(last_word_of(words, at, m))
}

/// The first name of an accepted label starting within the four words after `comma`: its
/// first word and the mention.
fn name_after<'d>(
    view: &DocView<'d>,
    words: &[Word],
    comma: usize,
    accept: impl Fn(EntityType) -> bool,
) -> Option<(usize, &'d EntityMention)> {
    (comma + 1..=comma + 4).find_map(|k| {
        let m = view.mention_starting_at(words.get(k)?.start)?;
        accept(m.label).then_some((k, m))
    })
}

/// The index of the last word of mention `m`, which starts at word `at`.
fn last_word_of(words: &[Word], at: usize, m: &EntityMention) -> usize {
    let mut end = at;
    while words.get(end + 1).is_some_and(|w| w.end <= m.span.end) {
        end += 1;
    }
    end
}

/// A name in apposition after the comma at `comma` in a source phrase, followed by a comma
/// or the sentence end: a person's, after up to three lowercase words of title ("…, le
/// docteur Paul Mumbere, qui …"), or a body's right after the comma ("selon la société
/// gestionnaire de l'aéroport, AeroNord."). The index of the name's last word.
pub(crate) fn name_after_comma(view: &DocView<'_>, words: &[Word], comma: usize) -> Option<usize> {
    let (at, m) = name_after(view, words, comma, |label| {
        matches!(label, EntityType::PER | EntityType::ORG)
    })?;
    // "selon le médecin-chef, le Dr Paul Mumbere": a title abbreviation may stand before it.
    let titled = words[comma + 1..at].iter().all(|w| {
        matches!(w.kind, WordKind::Word | WordKind::Elision)
            && (!w.capitalised || is_title_abbreviation(w))
    });
    if !titled || (at > comma + 1 && m.label != EntityType::PER) {
        return None;
    }
    let end = last_word_of(words, at, m);
    words
        .get(end + 1)
        .is_none_or(|w| matches!(w.kind, WordKind::Comma | WordKind::Stop))
        .then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{content, contents_and_speaker_keys, doc};
    use crate::words::scan;
    use recoupe_model::{AttributionKind, EntityType};

    #[test]
    fn issue13_a_person_after_a_phrase_of_place_or_means_is_the_incise_speaker() {
        let d = doc(
            "« Nous tiendrons jusqu'au bout », a lancé depuis l'estrade Anne Roux, déléguée syndicale.\nLe site restera fermé, dit dans une lettre Marc Vidal, directeur de l'usine.\nLa route est coupée, a indiqué à la radio Fréquence Sud, Paul Girard, le maire du village.\nLe pont a tenu, a déclaré à la chaîne Azur, précisant qu'il sera inspecté.",
            None,
            &[
                ("Anne Roux", EntityType::PER, "per:roux"),
                ("Marc Vidal", EntityType::PER, "per:vidal"),
                ("Fréquence Sud", EntityType::ORG, "org:fsud"),
                ("Paul Girard", EntityType::PER, "per:girard"),
                ("Azur", EntityType::ORG, "org:azur"),
            ],
        );
        let found = contents_and_speaker_keys(&d);
        assert!(
            found.contains(&("Nous tiendrons jusqu'au bout".to_string(), Some("per:roux"))),
            "{found:?}"
        );
        assert!(
            found.contains(&("Le site restera fermé".to_string(), Some("per:vidal"))),
            "{found:?}"
        );
        let route = d
            .layers
            .attributions
            .iter()
            .find(|a| content(&d, a) == "La route est coupée")
            .unwrap_or_else(|| panic!("{found:?}"));
        assert_eq!(route.speaker_entity.as_deref(), Some("per:girard"));
        assert_eq!(route.via, vec!["org:fsud".to_string()]);
        // A participle after the comma is no speaker.
        assert!(
            !found
                .iter()
                .any(|(c, k)| c == "Le pont a tenu" && k.is_some()),
            "{found:?}"
        );
    }

    #[test]
    fn issue13_names_in_apposition_to_a_source_and_a_day_before_the_speaker() {
        let d = doc(
            "Deux digues ont cédé, selon le chef du service des eaux, le capitaine Hugo Lenoir, qui déplore des dégâts importants.\nLe trafic est interrompu, selon l'exploitant du réseau, Ferrolux.\nLa mine fermera en 2027, ont affirmé jeudi les représentants du personnel.",
            None,
            &[
                ("Hugo Lenoir", EntityType::PER, "per:lenoir"),
                ("Ferrolux", EntityType::ORG, "org:ferrolux"),
            ],
        );
        let found = contents_and_speaker_keys(&d);
        assert_eq!(
            found,
            vec![
                ("Deux digues ont cédé".to_string(), Some("per:lenoir")),
                ("des dégâts importants".to_string(), Some("per:lenoir")),
                ("Le trafic est interrompu".to_string(), Some("org:ferrolux")),
                ("La mine fermera en 2027".to_string(), None),
            ],
            "{:#?}",
            d.layers.attributions
        );
        let last = d.layers.attributions.last().unwrap();
        assert_eq!(
            last.speaker.map(|s| d.slice(s)),
            Some("les représentants du personnel")
        );
        assert!(last.speaker_unnamed);
    }

    #[test]
    fn postposed_speaker_with_channel_and_apposition() {
        let d = doc(
            "« Deux personnes ont été blessées » dans le quartier, a indiqué sur son compte Telegram le gouverneur de la province, Omar Saleh, précisant que les secours étaient sur place.",
            None,
            &[
                ("Telegram", EntityType::ORG, "org:telegram"),
                ("Omar Saleh", EntityType::PER, "per:saleh"),
            ],
        );
        let a = &d.layers.attributions[0];
        assert_eq!(a.kind, AttributionKind::Mixed);
        assert_eq!(a.speaker_entity.as_deref(), Some("per:saleh"));
        assert_eq!(
            d.slice(a.speaker.unwrap()),
            "le gouverneur de la province, Omar Saleh"
        );
        // Issue 13: a platform is the channel the words were posted on, not a relay.
        assert!(a.via.is_empty(), "{:?}", a.via);
        assert_eq!(a.channel.as_deref(), Some("social_media"));
    }

    #[test]
    fn issue5_apposition_after_selon_names_the_speaker() {
        let d = doc(
            "Karim Haddad a quitté la réunion. Selon le directeur financier, Nabil Sarraf, la réorganisation coûtera cher.",
            None,
            &[
                ("Karim Haddad", EntityType::PER, "per:haddad"),
                ("Nabil Sarraf", EntityType::PER, "per:sarraf"),
            ],
        );
        let a = d.layers.attributions.last().unwrap();
        assert_eq!(content(&d, a), "la réorganisation coûtera cher");
        assert_eq!(a.speaker_entity.as_deref(), Some("per:sarraf"));
    }

    #[test]
    fn issue5_possessive_speaker_after_a_channel_and_unnamed_member_after_selon() {
        let d = doc(
            "« Le compte n'y est pas », a déclaré sur Al-Wadi son porte-parole, Nabil Sarraf, qui juge le texte « trop timide ».\nSelon un analyste des Brigades Al-Nasr, la ligne tiendra.",
            None,
            &[
                ("Al-Wadi", EntityType::ORG, "org:wadi"),
                ("Nabil Sarraf", EntityType::PER, "per:sarraf"),
                ("Brigades Al-Nasr", EntityType::ORG, "org:nasr"),
            ],
        );
        let first = &d.layers.attributions[0];
        assert_eq!(
            first.speaker_entity.as_deref(),
            Some("per:sarraf"),
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(first.via, vec!["org:wadi".to_string()]);
        let last = d.layers.attributions.last().unwrap();
        assert_eq!(content(&d, last), "la ligne tiendra");
        assert!(last.speaker_unnamed);
        assert_eq!(last.speaker_entity, None);
        assert!(
            last.via.is_empty(),
            "an affiliation is no chain link: {:?}",
            last.via
        );
    }

    fn phrase(text: &str, range: Option<(usize, usize)>) -> Option<String> {
        let w = scan(text, 0, text.len());
        range.map(|(a, b)| text[w[a].start..w[b].end].to_string())
    }

    #[test]
    fn subject_before_keeps_an_apposition_and_drops_a_leading_conjunction() {
        let text = "Le maire de la ville, Paul Ronan, a affirmé que";
        let w = scan(text, 0, text.len());
        let verb = w.iter().position(|x| x.folded == "a").unwrap();
        assert_eq!(
            phrase(text, subject_before(&w, verb, 0)).as_deref(),
            Some("Le maire de la ville, Paul Ronan")
        );
        let text = "Le pont a cédé et la préfète a indiqué que";
        let w = scan(text, 0, text.len());
        let verb = w.iter().rposition(|x| x.folded == "a").unwrap();
        assert_eq!(
            phrase(text, subject_before(&w, verb, 0)).as_deref(),
            Some("la préfète")
        );
    }

    #[test]
    fn topic_head_reads_quant_a() {
        let text = "Quant au maire, il a refusé";
        assert_eq!(
            topic_head(&scan(text, 0, text.len())).as_deref(),
            Some("maire")
        );
        let text = "Le maire a refusé";
        assert_eq!(topic_head(&scan(text, 0, text.len())), None);
    }
}

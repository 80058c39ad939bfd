//! The syntax around a trigger: verb groups, subjects to the left, agents and objects to the
//! right, the clause bounds, and the arguments (actors, recipients) these give.

use super::*;

/// Forms of "être" that make a participle passive ("a été frappé", "sont arrêtés").
pub(super) const ETRE: &[&str] = &[
    "est", "sont", "etait", "etaient", "sera", "seront", "serait", "seraient", "ete", "etre",
    "fut", "furent", "soit", "soient", "etant",
];
/// Forms of "avoir" before a participle.
pub(super) const AVOIR: &[&str] = &[
    "a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "ayant", "avoir", "eu",
];
/// Words that may stand between an auxiliary and its participle, or before a verb.
pub(super) const VERB_FILLERS: &[&str] = &[
    "ne",
    "n'",
    "pas",
    "plus",
    "jamais",
    "deja",
    "encore",
    "aussi",
    "egalement",
    "meme",
    "notamment",
    "ensuite",
    "finalement",
    "aussitot",
    "y",
    "en",
    "se",
    "s'",
    "l'",
    "le",
    "la",
    "les",
    "lui",
    "leur",
    "bien",
    "alors",
    "ainsi",
    "d'abord",
    "vraisemblablement",
    "apparemment",
    "probablement",
    "peut-etre",
    "violemment",
    "massivement",
    "directement",
    "delibere",
];
/// Prepositions that make the following name a complement, not a subject or object.
pub(super) const COMPLEMENT_PREPOSITIONS: &[&str] = &[
    "a", "au", "aux", "en", "dans", "sur", "par", "contre", "selon", "pour", "avec", "vers",
    "chez", "depuis", "pres", "entre", "sans", "apres", "avant", "d'apres", "envers", "face",
    "lors", "malgre", "parmi", "outre",
];
pub(super) const DETERMINERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
    "ces",
    "plusieurs",
    "deux",
    "trois",
];
/// Words that end the search for a subject to the left (a new clause starts after them).
pub(super) const LEFT_STOPS: &[&str] = &[
    "que", "qu'", "lorsque", "lorsqu'", "quand", "si", "mais", "car", "dont", "puisque", "tandis",
    "alors", "selon", "d'apres", "comme",
];
/// Words that end the search for an object to the right.
pub(super) const RIGHT_STOPS: &[&str] = &[
    "que", "qu'", "qui", "lorsque", "lorsqu'", "quand", "mais", "car", "dont", "puisque", "tandis",
    "alors", "selon", "d'apres", "apres", "avant", "et", "ou",
];
/// Participles that introduce the doer of a nominal event ("attaque menée par X").
pub(super) const AGENT_PARTICIPLES: &[&str] = &[
    "mene",
    "menee",
    "menes",
    "menees",
    "perpetre",
    "perpetree",
    "perpetres",
    "perpetrees",
    "commis",
    "commise",
    "commises",
    "lance",
    "lancee",
    "lances",
    "lancees",
    "orchestre",
    "orchestree",
    // "une embuscade tendue par X"
    "tendu",
    "tendue",
    "tendus",
    "tendues",
    "conduit",
    "conduite",
    "conduits",
    "conduites",
    "effectue",
    "effectuee",
    "effectues",
    "effectuees",
    "realise",
    "realisee",
    "tire",
    "tiree",
    "tires",
    "tirees",
    "organise",
    "organisee",
    "declenche",
    "declenchee",
    "execute",
    "executee",
    "prononce",
    "prononcee",
    "adopte",
    "adoptee",
    "depose",
    "deposee",
    "remporte",
    "remportee",
    "proclame",
    "proclames",
    "proclamee",
    "proclamees",
    "decretee",
    "decrete",
    "ordonne",
    "ordonnee",
    "votee",
    "votees",
    "approuvee",
    "approuvees",
];
/// Verbs whose subject did what their object noun names ("X a mené une attaque", "X a
/// remporté l'élection", "X a déclaré l'urgence sanitaire").
pub(super) const GOVERNING_VERBS: &[&str] = &[
    // "X et Y ont conclu un accord", "ont scellé une trêve"
    "conclu",
    "conclut",
    "concluent",
    "conclure",
    "scelle",
    "scellent",
    "sceller",
    "mene",
    "menent",
    "lance",
    "lancent",
    "perpetre",
    "commis",
    "commet",
    "conduit",
    "organise",
    "remporte",
    "remportent",
    "adopte",
    "adoptent",
    "declare",
    "proclame",
    "decrete",
    "decretent",
    "inaugure",
    "inaugurent",
    "prononce",
    "ordonne",
    "decide",
    "gagne",
    "signe",
    "signent",
    "depose",
    "votent",
    "vote",
    "ouvert",
    "ouvre",
    "declenche",
    "accepte",
    "acceptent",
    "approuve",
    "approuvent",
    "mener",
    "lancer",
    "declarer",
    "proclamer",
    "remporter",
];
/// Present participles of the governing verbs: after "en", a gerund whose subject is the
/// main clause's ("En déclarant l'urgence sanitaire, le directeur X a appelé…", "X a
/// répondu en lançant une offensive").
pub(super) const GERUND_GOVERNING_VERBS: &[&str] = &[
    "menant",
    "lancant",
    "perpetrant",
    "commettant",
    "conduisant",
    "organisant",
    "remportant",
    "adoptant",
    "declarant",
    "proclamant",
    "decretant",
    "inaugurant",
    "prononcant",
    "ordonnant",
    "decidant",
    "gagnant",
    "signant",
    "deposant",
    "votant",
    "ouvrant",
    "declenchant",
];
/// Participles after which "par X" names a claimant, not a doer ("revendiquée par X").
pub(super) const CLAIM_PARTICIPLE_STEMS: &[&str] = &[
    "revendique",
    "attribue",
    "impute",
    "accuse",
    "denonce",
    "condamne",
];
/// Words after "par" that mean the agent is a means, not a doer ("par balles", "par drone").
pub(super) const MEANS_AFTER_PAR: &[&str] =
    &["balle", "balles", "drone", "drones", "missile", "missiles"];
/// Whether a participant is named as what another is affiliated to: "affilié à X", "liés
/// à X", "proche de X".
pub(super) fn affiliation(words: &[Word], p: &Part) -> bool {
    (p.first.saturating_sub(4)..p.first).any(|k| {
        let w = words[k].folded.as_str();
        w.starts_with("affili")
            || matches!(w, "lie" | "lies" | "liee" | "liees" | "proche" | "proches")
    })
}

/// Forms of "appeler" that call for a protest ("appellent à la grève").
pub(super) const CALL_VERBS: &[&str] = &[
    "appelle",
    "appellent",
    "appele",
    "appeles",
    "appelait",
    "appelaient",
    "appeler",
];

/// The auxiliary before a verb form at `i`, skipping adverbs, negation and clitics.
pub(super) fn auxiliary_before(words: &[Word], i: usize) -> Option<usize> {
    let mut k = i;
    for _ in 0..5 {
        k = k.checked_sub(1)?;
        let w = words[k].folded.as_str();
        if ETRE.contains(&w) || AVOIR.contains(&w) {
            return Some(k);
        }
        if !VERB_FILLERS.contains(&w) {
            return None;
        }
    }
    None
}

/// "a été frappé", "sont arrêtés" (not the reflexive "s'est imposé").
pub(super) fn is_passive(words: &[Word], i: usize) -> bool {
    let Some(aux) = auxiliary_before(words, i) else {
        return false;
    };
    if !ETRE.contains(&words[aux].folded.as_str()) {
        return false;
    }
    let before = aux.checked_sub(1).map(|k| words[k].folded.as_str());
    !matches!(
        before,
        Some("s'" | "se" | "me" | "m'" | "te" | "t'" | "nous" | "vous")
    ) || words[aux].folded == "ete"
}

pub(super) fn is_complement(words: &[Word], p: &Part) -> bool {
    let mut k = p.first;
    for _ in 0..3 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        let w = words[prev].folded.as_str();
        if COMPLEMENT_PREPOSITIONS.contains(&w) {
            return true;
        }
        if !DETERMINERS.contains(&w) || matches!(w, "de" | "d'" | "du" | "des") {
            return false;
        }
        k = prev;
    }
    false
}

/// Whether words `from..at` (between a comma and a verb) are a common noun phrase that can
/// be the verb's subject: they start with an article or a count, hold no comma and no
/// participant ("91 personnes", "les agriculteurs", not "de son côté" nor "le 3 mars").
pub(super) fn common_subject(words: &[Word], parts: &[Part], from: usize, at: usize) -> bool {
    let first = &words[from];
    let starts = first.kind == recoupe_model::TokenKind::Number
        || matches!(
            first.folded.as_str(),
            "le" | "la" | "les" | "l'" | "un" | "une" | "des" | "plusieurs" | "deux" | "trois"
        );
    starts
        && words[from..at].iter().all(|w| w.is_wordlike())
        && !parts.iter().any(|p| p.first >= from && p.first < at)
        && !words[from + 1..at].iter().any(|w| {
            w.kind == recoupe_model::TokenKind::Number
                || w.folded.parse::<u32>().is_ok()
                || MONTHS.contains(&w.folded.as_str())
        })
}

/// Month names: "le 3 mars" between commas is a date, not a subject.
pub(super) const MONTHS: &[&str] = &[
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// The subject(s) before word `at`: the nearest participant in the clause that is no
/// complement, with one coordinated before it ("la Russie et l'Ukraine").
pub(super) fn subjects_left<'p>(words: &[Word], parts: &'p [Part], at: usize) -> Vec<&'p Part> {
    let mut out: Vec<&Part> = Vec::new();
    let mut k = skip_inserts(words, at);
    let mut seen = 0;
    while k > 0 && seen < 14 {
        k -= 1;
        seen += 1;
        let w = &words[k];
        if w.is_clause_break() || LEFT_STOPS.contains(&w.folded.as_str()) {
            break;
        }
        // "Kiev impute la frappe à la Russie, qui a nié": the subject of a relative clause
        // is its antecedent, right before "qui" (over a comma), even after a preposition;
        // with no named antecedent ("les hommes qui ont tiré") there is none to read.
        if w.folded == "qui" {
            // ("des combattants du groupe X, affilié à Y, qui ont ouvert le feu": the name
            // of an affiliation is no antecedent.)
            let antecedent = parts.iter().find(|p| {
                !p.place_only
                    && (p.last + 1 == k || (p.last + 2 == k && words[k - 1].is_comma()))
                    && !affiliation(words, p)
            });
            out.extend(antecedent);
            break;
        }
        // "Au lendemain du discours de X, 91 personnes ont été interpellées": a noun phrase
        // with its determiner or count between the comma and the verb is the subject; what
        // stands before the comma is an adverbial, not a second subject.
        if w.is_comma() && k + 1 < at && common_subject(words, parts, k + 1, at) {
            break;
        }
        if let Some(p) = parts.iter().find(|p| p.last == k) {
            if !p.place_only && !is_complement(words, p) && !followers_leader(words, p) {
                out.push(p);
                // One coordinated subject: "X et Y", "X, Y" (over Y's determiner).
                let mut b = p.first;
                while b > 0
                    && DETERMINERS.contains(&words[b - 1].folded.as_str())
                    && !matches!(words[b - 1].folded.as_str(), "de" | "d'" | "du" | "des")
                {
                    b -= 1;
                }
                let before = b.checked_sub(1).map(|b| &words[b]);
                if before.is_some_and(|b| b.folded == "et" || b.is_comma()) {
                    let q = b - 1;
                    let comma = words[q].is_comma();
                    // "L'opposant sénégalais, X": a nationality before a comma qualifies the
                    // apposition's head; it is no second subject.
                    if let Some(other) = parts.iter().rev().find(|o| {
                        o.last < q
                            && q - o.last <= 3
                            && !o.place_only
                            && !is_complement(words, o)
                            && !(comma && o.label.is_none())
                    }) {
                        out.push(other);
                    }
                }
                break;
            }
            k = p.first;
        }
    }
    out.reverse();
    out
}

/// Plural nouns of the people who follow a leader ("les paramilitaires du général X").
pub(super) const FOLLOWER_NOUNS: &[&str] = &[
    "paramilitaires",
    "combattants",
    "hommes",
    "forces",
    "troupes",
    "soldats",
    "milices",
    "miliciens",
    "partisans",
    "fideles",
    "rebelles",
    "jihadistes",
    "djihadistes",
    "militants",
    "insurges",
];

/// Whether person `p` is named as the leader of the subject group ("les paramilitaires du
/// général X ont attaqué", "les combattants de X"): the group did it, not the person.
pub(super) fn followers_leader(words: &[Word], p: &Part) -> bool {
    if p.label != Some(EntityType::PER) {
        return false;
    }
    let mut k = p.first;
    // Over a title or a rank ("général", "chef de guerre" is not needed: one word).
    for _ in 0..2 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        match words[prev].folded.as_str() {
            "de" | "d'" | "du" | "des" => {
                return prev
                    .checked_sub(1)
                    .is_some_and(|g| FOLLOWER_NOUNS.contains(&words[g].folded.as_str()));
            }
            w if w.chars().all(char::is_alphabetic) => k = prev,
            _ => return false,
        }
    }
    false
}

/// Words that open an apposition or a relative clause set between commas after a subject.
pub(super) const INSERT_OPENERS: &[&str] = &[
    "un", "une", "le", "la", "les", "l'", "des", "ce", "cet", "cette", "ces", "son", "sa", "ses",
    "leur", "leurs", "qui",
];

/// Where the search for a subject before word `at` starts: before the parentheses and the
/// appositions set between the subject and its verb ("les Forces de soutien rapide (FSR)
/// ont attaqué", "X, une coalition de milices formée en 2014, a accusé", "X, qui dément, a
/// accusé").
pub(super) fn skip_inserts(words: &[Word], at: usize) -> usize {
    let mut k = at;
    loop {
        let Some(prev) = k.checked_sub(1) else {
            return k;
        };
        let w = &words[prev];
        if w.kind == recoupe_model::TokenKind::Punct && w.folded == ")" {
            let open = (prev.saturating_sub(12)..prev)
                .rev()
                .find(|&j| matches!(words[j].folded.as_str(), "(" | ")"));
            match open {
                Some(j) if words[j].folded == "(" => k = j,
                _ => return k,
            }
        } else if w.is_comma() {
            let open = (prev.saturating_sub(25)..prev).rev().find(|&j| {
                words[j].is_comma()
                    || words[j].is_clause_break()
                    || LEFT_STOPS.contains(&words[j].folded.as_str())
            });
            match open {
                Some(j)
                    if words[j].is_comma()
                        && j + 1 < prev
                        && INSERT_OPENERS.contains(&words[j + 1].folded.as_str()) =>
                {
                    k = j
                }
                _ => return k,
            }
        } else {
            return k;
        }
    }
}

/// The participant after "par" following word `from` in the clause.
pub(super) fn agent_right<'p>(words: &[Word], parts: &'p [Part], from: usize) -> Option<&'p Part> {
    let mut k = from;
    while k < words.len() && k < from + 10 {
        let w = &words[k];
        if w.is_clause_break()
            || w.is_comma()
            || matches!(w.folded.as_str(), "que" | "qu'" | "dont" | "selon")
            || CLAIM_PARTICIPLE_STEMS
                .iter()
                .any(|c| w.folded.starts_with(c))
        {
            return None;
        }
        if w.folded == "par" {
            if words
                .get(k + 1)
                .is_some_and(|n| MEANS_AFTER_PAR.contains(&n.folded.as_str()))
            {
                return None;
            }
            // "par des djihadistes liés à Al-Qaïda": the name after "à" is an affiliation.
            return parts.iter().find(|p| {
                p.first > k
                    && p.first <= k + 6
                    && !p.place_only
                    && ((k + 1..p.first).all(|j| DETERMINERS.contains(&words[j].folded.as_str()))
                        || !is_complement(words, p))
            });
        }
        k += 1;
    }
    None
}

/// An agent and the agents coordinated with it: "par X et Y", "par X et par Y", over an
/// apposition that describes X ("par X, directeur de Z, et par le ministre W"). A title with
/// a nationality before a comma names its holder right after it ("le ministre syrien de
/// l'Intérieur, Y"): both are agents. A verb after "et" starts another clause ("menée par X
/// et revendiquée par Y").
pub(super) fn with_coordinated<'p>(
    words: &[Word],
    parts: &'p [Part],
    agent: &'p Part,
) -> Vec<&'p Part> {
    let mut out = vec![agent];
    let mut last = agent.last;
    loop {
        let plain = |w: &Word| {
            w.is_wordlike()
                && !w.participle
                && !AGENT_PARTICIPLES.contains(&w.folded.as_str())
                && !ETRE.contains(&w.folded.as_str())
                && !AVOIR.contains(&w.folded.as_str())
                && !matches!(w.folded.as_str(), "qui" | "que" | "qu'" | "dont" | "selon")
        };
        // The next participant within four plain words from `k`.
        let next_at = |k: usize| {
            parts.iter().find(|p| {
                p.first >= k
                    && p.first <= k + 4
                    && !p.place_only
                    && words[k..p.first].iter().all(plain)
            })
        };
        let mut k = last + 1;
        if words.get(k).is_some_and(Word::is_comma) {
            // A list, "par X, Y et Z": the next agent right after the comma.
            let listed = next_at(k + 1).filter(|p| {
                p.first <= k + 2
                    && words[p.last + 1..]
                        .iter()
                        .take(1)
                        .any(|w| w.is_comma() || w.folded == "et")
            });
            if let Some(p) = listed {
                if !out.iter().any(|o| o.entity == p.entity) {
                    out.push(p);
                }
                last = p.last;
                continue;
            }
            // An apposition after the agent, closed by the comma before "et".
            let Some(close) = (k + 1..words.len().min(k + 16))
                .take_while(|&j| words[j].is_comma() || plain(&words[j]))
                .find(|&j| words[j].is_comma())
            else {
                break;
            };
            k = close + 1;
        }
        if words.get(k).is_none_or(|w| w.folded != "et") {
            break;
        }
        k += 1;
        if words.get(k).is_some_and(|w| w.folded == "par") {
            k += 1;
        }
        let Some(next) = next_at(k) else {
            break;
        };
        if !out.iter().any(|o| o.entity == next.entity) {
            out.push(next);
        }
        last = next.last;
        // "le ministre syrien de l'Intérieur, Y": the holder named after the title.
        if next.label.is_none() {
            if let Some(holder) = (next.last + 1..words.len().min(next.last + 6))
                .take_while(|&j| words[j].is_wordlike() || words[j].is_comma())
                .find(|&j| words[j].is_comma())
                .and_then(|comma| {
                    parts
                        .iter()
                        .find(|p| p.first == comma + 1 && p.label == Some(EntityType::PER))
                })
            {
                if !out.iter().any(|o| o.entity == holder.entity) {
                    out.push(holder);
                }
                last = holder.last;
            }
        }
    }
    out
}

/// The first participant after word `from` reached before a clause break: the object.
pub(super) fn object_right<'p>(words: &[Word], parts: &'p [Part], from: usize) -> Option<&'p Part> {
    let mut k = from;
    while k < words.len() && k < from + 10 {
        let w = &words[k];
        if w.is_clause_break() || w.is_comma() || RIGHT_STOPS.contains(&w.folded.as_str()) {
            return None;
        }
        if let Some(p) = parts.iter().find(|p| p.first == k) {
            let prev = k
                .checked_sub(1)
                .map(|b| words[b].folded.as_str())
                .unwrap_or("");
            // "dans les rues de Bruxelles": a place after "de" completes a noun.
            let place_of_noun = p.label == Some(EntityType::LOC)
                && k > from
                && matches!(prev, "de" | "d'" | "du" | "des");
            if !p.place_only
                && !place_of_noun
                && !matches!(
                    prev,
                    "a" | "au" | "aux" | "selon" | "par" | "dans" | "en" | "avec" | "pour"
                )
            {
                return Some(p);
            }
            k = p.last + 1;
            continue;
        }
        k += 1;
    }
    None
}

/// The participant right after one of `preps` following word `from`, in the clause.
pub(super) fn after_word<'p>(
    words: &[Word],
    parts: &'p [Part],
    from: usize,
    preps: &[&str],
) -> Option<&'p Part> {
    let mut k = from;
    while k < words.len() && k < from + 10 {
        let w = &words[k];
        if w.is_clause_break() {
            return None;
        }
        if preps.contains(&w.folded.as_str()) {
            return parts
                .iter()
                .find(|p| p.first > k && p.first <= k + 5 && !p.place_only);
        }
        k += 1;
    }
    None
}

/// Actors and recipients of trigger `f`.
pub(super) fn arguments<'p>(
    words: &[Word],
    parts: &'p [Part],
    f: &Found,
    event_type: EventType,
    phrase: &Phrase,
    dated: &[bool],
) -> (Vec<&'p Part>, Vec<&'p Part>) {
    let patient_type = matches!(event_type, EventType::Coerce | EventType::Sanction);
    let mut actors: Vec<&Part> = Vec::new();
    let mut recipients: Vec<&Part> = Vec::new();
    if f.verbal {
        // "X condamné à cinq ans", "l'immeuble, frappé à l'aube": a participle with no
        // auxiliary is a passive too.
        let passive = is_passive(words, f.head)
            || (words[f.head].participle && auxiliary_before(words, f.head).is_none());
        let group_start = auxiliary_before(words, f.head).unwrap_or(f.first);
        let subjects = subjects_left(words, parts, group_start);
        if passive {
            if let Some(agent) = agent_right(words, parts, f.end) {
                actors.extend(with_coordinated(words, parts, agent));
            }
            if phrase.options.subject_is_actor {
                actors.extend(subjects);
            } else {
                recipients.extend(subjects);
            }
        } else if phrase.options.subject_is_patient {
            // "X a écopé de cinq ans": the subject undergoes the event.
            recipients.extend(subjects);
        } else {
            actors.extend(subjects);
            if let Some(object) = object_right(words, parts, f.end) {
                recipients.push(object);
            }
        }
    } else {
        // Nationality adjectives right after the noun: "frappe russe", "frappes aériennes
        // israéliennes".
        // After a disaster or a vote the adjective says where ("élections québécoises").
        let mut k = f.end;
        while event_type != EventType::Other && k < words.len() && k < f.end + 4 {
            match parts.iter().find(|p| p.first == k && p.label.is_none()) {
                Some(p) => {
                    if patient_type {
                        recipients.push(p)
                    } else {
                        actors.push(p)
                    }
                }
                None if words[k].folded.ends_with("ien")
                    || words[k].folded.ends_with("iens")
                    || words[k].folded.ends_with("ienne")
                    || words[k].folded.ends_with("iennes")
                    || matches!(words[k].folded.as_str(), "aerienne" | "aeriennes" | "aerien" | "aeriens" | "meurtrier" | "meurtriere" | "sanglant" | "sanglante" | "terroriste" | "jihadiste" | "djihadiste")
                    // "attaque de drone russe", "frappes de missiles russes"
                    || (matches!(words[k].folded.as_str(), "de" | "d'") && k == f.end)
                    || (k == f.end + 1 && words[k - 1].folded == "de" && words[k].kind == recoupe_model::TokenKind::Word && !parts.iter().any(|p| p.first == k)) =>
                    {}
                None => break,
            }
            k += 1;
        }
        // "<noun> de X": the doer or the one it was done to.
        if let Some(next) = words.get(f.end) {
            if matches!(next.folded.as_str(), "de" | "d'" | "du" | "des") {
                let start = f.end + 1;
                let skip_det = words
                    .get(start)
                    .is_some_and(|w| matches!(w.folded.as_str(), "la" | "l'" | "les" | "le"));
                let at = if skip_det { start + 1 } else { start };
                // "l'attentat de Kaboul": a city after the noun says where, even a capital.
                let city = |p: &Part| {
                    p.label == Some(EntityType::LOC) && !p.entity.starts_with("country:")
                };
                if let Some(p) = parts
                    .iter()
                    .find(|p| p.first == at && !p.place_only && !city(p))
                {
                    let patient = phrase.options.of_patient
                        || patient_type
                        || !matches!(
                            event_type,
                            EventType::Assault
                                | EventType::Protest
                                | EventType::Mobilize
                                | EventType::Threaten
                                | EventType::Aid
                        );
                    if patient {
                        recipients.push(p)
                    } else {
                        actors.push(p)
                    }
                }
            }
        }
        // "attaque menée par X", "… revendiquée par X" is a claim, not a fact.
        let mut k = f.end;
        while k < words.len() && k < f.end + 8 {
            let w = &words[k];
            if w.is_clause_break() || matches!(w.folded.as_str(), "que" | "qu'" | "dont" | "selon")
            {
                break;
            }
            if AGENT_PARTICIPLES.contains(&w.folded.as_str())
                && words.get(k + 1).is_some_and(|n| n.folded == "par")
            {
                // "motion déposée par les partis de gauche et votée par l'Assemblée": an
                // agent that is no named participant leaves the next one to be read.
                if let Some(agent) = agent_right(words, parts, k + 1) {
                    for a in with_coordinated(words, parts, agent) {
                        if !actors.iter().any(|b| b.entity == a.entity) {
                            actors.push(a);
                        }
                    }
                    break;
                }
            }
            k += 1;
        }
        // "Une motion de censure déposée par la gauche … a été votée, mercredi soir, par
        // l'Assemblée nationale": the noun that opens its clause is the subject of the
        // clause's passive verb, whose agent did it.
        if actors.is_empty() && opens_clause(words, f) {
            if let Some(agent) = main_passive_agent(words, parts, f.end) {
                actors.extend(with_coordinated(words, parts, agent));
            }
        }
        // "contre X", "visant X": the target.
        if let Some(target) = after_word(
            words,
            parts,
            f.end,
            &["contre", "visant", "ciblant", "encontre"],
        ) {
            if !recipients.iter().any(|r| r.entity == target.entity) {
                recipients.push(target);
            }
        }
        // A noun whose clause has a subject and the doer as its verb's subject: "X a lancé
        // une offensive", "X a mené une attaque".
        // "X a adopté une motion de censure", "X a procédé à l'arrestation": the same holds
        // for sanctions and arrests.
        if actors.is_empty() {
            // Four words before the noun, not counting those of a date.
            let mut from = f.first;
            let mut counted = 0;
            while from > 0 && counted < 4 {
                from -= 1;
                if !dated.get(from).copied().unwrap_or(false) {
                    counted += 1;
                }
            }
            // "X a déclaré que deux explosions…": a verb that opens a completive clause
            // governs the clause, not the noun inside it.
            let verb = (from..f.first)
                .rev()
                .take_while(|&k| {
                    !matches!(words[k].folded.as_str(), "que" | "qu'")
                        && !words[k].is_clause_break()
                })
                .find(|&k| GOVERNING_VERBS.contains(&words[k].folded.as_str()));
            if let Some(verb) = verb {
                let group = auxiliary_before(words, verb).unwrap_or(verb);
                if !is_passive(words, verb) {
                    actors.extend(subjects_left(words, parts, group));
                }
            }
        }
        if actors.is_empty() {
            if let Some(en) = gerund_before(words, f.first) {
                actors.extend(gerund_subject(words, parts, en, f.end));
            }
        }
    }
    // "X et Y appellent à la grève", "X a appelé à une journée de mobilisation": who calls
    // a protest organises it.
    if actors.is_empty() && !f.verbal && matches!(event_type, EventType::Protest) {
        let call = (f.first.saturating_sub(4)..f.first)
            .rev()
            .take_while(|&k| !words[k].is_clause_break() && !words[k].is_comma())
            .find(|&k| {
                CALL_VERBS.contains(&words[k].folded.as_str())
                    && words.get(k + 1).is_some_and(|w| w.folded == "a")
            });
        if let Some(verb) = call {
            let group = auxiliary_before(words, verb).unwrap_or(verb);
            actors.extend(subjects_left(words, parts, group));
        }
    }
    // "à l'appel des syndicats X, Y et Z": who called a protest organised it.
    if matches!(event_type, EventType::Protest | EventType::Mobilize) {
        let (start, end) = clause_bounds(words, f);
        if let Some(k) = (start + 2..end).find(|&k| {
            words[k].folded == "appel" && words[k - 1].folded == "l'" && words[k - 2].folded == "a"
        }) {
            // The list of organisers may run past an acronym's parenthesis.
            for p in callers(words, parts, k + 1, words.len()) {
                if !actors.iter().any(|a| a.entity == p.entity) {
                    actors.push(p);
                }
            }
        }
    }
    // "Le tribunal … de Dakar a condamné", "la police de X a interpellé": a court or a
    // police force convicts and arrests, not the country a city in its name stands for.
    if patient_type {
        actors.retain(|a| !(a.label == Some(EntityType::LOC) && a.entity != a.actor_key));
    }
    actors.dedup_by(|a, b| a.entity == b.entity);
    recipients.retain(|r| !actors.iter().any(|a| a.actor_key == r.actor_key));
    (actors, recipients)
}

/// The "en" of a gerund of a governing verb within four words before word `at`, in the
/// same clause ("en déclarant l'urgence", "en lançant une offensive").
pub(super) fn gerund_before(words: &[Word], at: usize) -> Option<usize> {
    (at.saturating_sub(4)..at)
        .rev()
        .take_while(|&k| !words[k].is_clause_break() && !words[k].is_comma())
        .find(|&k| {
            k > 0
                && words[k - 1].folded == "en"
                && GERUND_GOVERNING_VERBS.contains(&words[k].folded.as_str())
        })
        .map(|k| k - 1)
}

/// The subject of the gerund opening at word `en`: the main clause's. A gerund that opens
/// its clause ("En déclarant l'urgence, le directeur X a indiqué") has it right after the
/// comma that closes the gerund phrase; one after the main clause ("X a réagi en lançant
/// une offensive") before it.
pub(super) fn gerund_subject<'p>(
    words: &[Word],
    parts: &'p [Part],
    en: usize,
    from: usize,
) -> Vec<&'p Part> {
    let opens = en == 0 || words[en - 1].is_clause_break();
    if !opens {
        return subjects_left(words, parts, en);
    }
    let Some(comma) = (from..words.len())
        .take_while(|&k| !words[k].is_clause_break())
        .find(|&k| words[k].is_comma())
    else {
        return Vec::new();
    };
    parts
        .iter()
        .find(|p| {
            p.first > comma
                && p.first <= comma + 4
                && !p.place_only
                && words[comma + 1..p.first].iter().all(|w| {
                    w.is_wordlike()
                        && !matches!(
                            w.folded.as_str(),
                            "de" | "d'" | "du" | "des" | "selon" | "a" | "au" | "aux" | "par"
                        )
                })
        })
        .into_iter()
        .collect()
}

/// The participants named one after another from word `from` ("de la fédération X (X) et
/// des Jeunes Y, Z", "du front commun syndical X, Y et Z"): the first within a few words
/// (a common noun may describe them), then each next one over a comma or "et", its
/// preposition and determiner and a parenthesis (an acronym) after the previous one.
pub(super) fn callers<'p>(
    words: &[Word],
    parts: &'p [Part],
    from: usize,
    end: usize,
) -> Vec<&'p Part> {
    let mut out = Vec::new();
    let first = (from..end.min(from + 5))
        .take_while(|&k| words[k].is_wordlike())
        .find(|&k| parts.iter().any(|p| p.first == k));
    // "à l'appel de l'Intersyndicale des enseignants du secondaire (ISEMS)": a long name
    // of common words the entities layer did not take, followed by the acronym it did.
    let first = first.or_else(|| {
        let open = (from..end.min(from + 12))
            .take_while(|&k| words[k].is_wordlike() || words[k].folded == "(")
            .find(|&k| words[k].folded == "(")?;
        let p = parts.iter().find(|p| p.first == open + 1)?;
        words
            .get(p.last + 1)
            .is_some_and(|w| w.folded == ")")
            .then_some(open + 1)
    });
    let Some(mut k) = first else {
        return out;
    };
    let glue = |w: &Word| {
        w.is_comma()
            || matches!(
                w.folded.as_str(),
                "et" | "de" | "d'" | "du" | "des" | "la" | "le" | "les" | "l'"
            )
    };
    while k < end {
        if let Some(p) = parts.iter().find(|p| p.first == k && p.last < end) {
            if !p.place_only {
                out.push(p);
            }
            k = p.last + 1;
            // "(FDSEA 35)": an acronym in parentheses after the name.
            if words.get(k).is_some_and(|w| w.folded == "(") {
                match (k..end).find(|&j| words[j].folded == ")") {
                    Some(close) => k = close + 1,
                    None => break,
                }
            }
            continue;
        }
        if !glue(&words[k]) {
            break;
        }
        k += 1;
    }
    out
}

/// Whether a reported content opens with an infinitive whose subject is the speaker ("avoir
/// tué", "d'avoir mené", "n'avoir jamais frappé").
pub(super) fn infinitive_report(words: &[Word], content: Span) -> bool {
    words
        .iter()
        .filter(|w| w.span.start >= content.start && w.span.end <= content.end)
        .filter(|w| w.is_wordlike())
        .take(3)
        .any(|w| {
            matches!(
                w.folded.as_str(),
                "avoir" | "etre" | "d'avoir" | "d'etre" | "n'avoir" | "n'etre"
            )
        })
}

/// Whether the trigger noun opens its clause, after its determiners only ("Une motion de
/// censure …", "L'attaque …").
pub(super) fn opens_clause(words: &[Word], f: &Found) -> bool {
    let (start, _) = clause_bounds(words, f);
    f.first - start <= 2
        && words[start..f.first]
            .iter()
            .all(|w| DETERMINERS.contains(&w.folded.as_str()))
}

/// The agent of the first compound passive after word `from` in the clause whose
/// participle names doing ("a été votée, mercredi soir, par X", "a été menée par X"), over
/// one short insert between commas.
pub(super) fn main_passive_agent<'p>(
    words: &[Word],
    parts: &'p [Part],
    from: usize,
) -> Option<&'p Part> {
    let end = words.len().min(from + 30);
    let k = (from..end)
        .take_while(|&k| !words[k].is_clause_break())
        .find(|&k| {
            words[k].folded == "ete"
                && words
                    .get(k + 1)
                    .is_some_and(|w| AGENT_PARTICIPLES.contains(&w.folded.as_str()))
        })?;
    let mut after = k + 2;
    if words.get(after).is_some_and(Word::is_comma) {
        let close = (after + 1..words.len().min(after + 7)).find(|&j| words[j].is_comma())?;
        after = close + 1;
    }
    agent_right(words, parts, after)
}

/// The words of the clause around a trigger: the sentence, cut at semicolons, colons and
/// dashes.
pub(super) fn clause_bounds(words: &[Word], f: &Found) -> (usize, usize) {
    let mut start = f.first;
    while start > 0 && !words[start - 1].is_clause_break() {
        start -= 1;
    }
    let mut end = f.end;
    while end < words.len() && !words[end].is_clause_break() {
        end += 1;
    }
    if end < words.len() && words[end].folded == "." {
        end += 1;
    }
    (start, end.max(start + 1).min(words.len()))
}

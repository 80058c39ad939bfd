//! Triggers and cues of a sentence: the lexicon's phrases matched word by word, with the
//! readings that keep or weaken a match (negation, hedging, a recalled or occasional event).

use super::*;

/// Markers of a clause presenting the event as alleged, expected or possible.
pub(super) const HEDGES: &[&str] = &[
    "aurait",
    "auraient",
    "serait",
    "seraient",
    "pourrait",
    "pourraient",
    "presume",
    "presumee",
    "presumes",
    "presumees",
    "suppose",
    "supposee",
    "supposes",
    "imminent",
    "imminente",
    "imminents",
    "imminentes",
    "eventuel",
    "eventuelle",
    "eventuels",
    "possible",
    "possibles",
    "probable",
    "risque",
    "menace",
    "menacent",
    "craint",
    "craignent",
    "crainte",
    "prevu",
    "prevue",
    "prevus",
    "projet",
    "projette",
    "pretendu",
    "pretendue",
    "allegue",
    "alleguee",
    "ecarte",
    "ecartee",
    "ecartes",
    "exclu",
    "exclue",
    "exclut",
    "piste",
    "hypothese",
];
/// Negations before a noun or around a verb.
pub(super) const NEGATIONS: &[&str] =
    &["ne", "n'", "aucun", "aucune", "sans", "nul", "nulle", "ni"];
pub(super) fn matches_at(phrase: &Phrase, words: &[Word], i: usize) -> bool {
    phrase.words.iter().enumerate().all(|(k, alternatives)| {
        // Punctuation inside the phrase's reach ends the match.
        words
            .get(i + k)
            .is_some_and(|w| w.is_wordlike() && alternatives.contains(&w.folded))
    })
}

/// A `next` word within three words after the trigger, the words of a date in between not
/// counted: "ont bloqué ce lundi les accès au port" reads as "ont bloqué les accès".
pub(super) fn next_within(words: &[Word], dated: &[bool], end: usize, next: &[String]) -> bool {
    (end..words.len())
        .filter(|&k| !dated.get(k).copied().unwrap_or(false))
        .take(3)
        .any(|k| next.contains(&words[k].folded))
}

/// Articles and quantifiers before a participle that make it a noun naming people ("les
/// accusés", "d'autres accusés"); a count in words does too ("dix condamnés"), read from the
/// number words of `resources/fr/numbers.txt` (`people_determiner`).
pub(super) const PEOPLE_DETERMINERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "ces",
    "ses",
    "leurs",
    "plusieurs",
    "quelques",
    "certains",
    "autres",
    "nombreux",
];

/// Whether a folded word before a participle makes it a noun naming people: an article, a
/// quantifier or a number word ("et" joins number words, it counts nothing itself).
pub(super) fn people_determiner(folded: &str) -> bool {
    PEOPLE_DETERMINERS.contains(&folded)
        || (folded != "et"
            && recoupe_values::Lexicon::builtin()
                .number_words
                .contains(folded))
}

/// "a condamné l'ancien maire de la ville X à cinq ans de prison": a `next` word ("à")
/// further on, after the object, in the same clause, when a penalty follows it (a number, "la
/// réclusion", "une amende", "perpétuité"). "condamne l'attaque à Kaboul" names no penalty.
/// The object may be long ("18 des 21 accusés jugés pour « complot contre … » à des peines
/// de"): twenty words, a quotation mark not ending the clause.
pub(super) fn penalty_after(words: &[Word], end: usize, next: &[String]) -> bool {
    (end..words.len().min(end + 20))
        .take_while(|&k| !words[k].is_clause_break() && !words[k].is_comma())
        .any(|k| {
            next.contains(&words[k].folded)
                && words[k + 1..words.len().min(k + 4)].iter().any(|w| {
                    w.kind == recoupe_model::TokenKind::Number
                        || PENALTY_WORDS.contains(&w.folded.as_str())
                })
        })
}

/// Words that name a penalty after "condamné à".
pub(super) const PENALTY_WORDS: &[&str] = &[
    "an",
    "ans",
    "mois",
    "perpetuite",
    "reclusion",
    "prison",
    "amende",
    "peine",
    "peines",
    "mort",
    "travaux",
    "sursis",
];

/// Whether one of the phrase's `notnear` words stands right before the phrase matched at
/// word `i` or right after it, over one determiner ("marche arrière", "les propos attribués
/// à", "attribuer cette déclaration à").
pub(super) fn near_excluded(phrase: &Phrase, words: &[Word], i: usize) -> bool {
    if phrase.options.no_reflexive && reflexive_before(words, i) {
        return true;
    }
    if phrase.options.not_near.is_empty() {
        return false;
    }
    let mut end = i + phrase.words.len();
    if words
        .get(end)
        .is_some_and(|w| NEAR_DETERMINERS.contains(&w.folded.as_str()))
    {
        end += 1;
    }
    phrase.options.not_near.iter().any(|n| {
        i.checked_sub(1).is_some_and(|k| &words[k].folded == n)
            || words.get(end).is_some_and(|w| &w.folded == n)
    })
}

/// Whether the word at `i` is the verb of a pronominal construction: "se"/"s'" right
/// before it, or before the one auxiliary of être in front of it ("s'abat", "se sont
/// abattues", "s'était arrêté").
pub(super) fn reflexive_before(words: &[Word], i: usize) -> bool {
    let reflexive = |k: usize| matches!(words[k].folded.as_str(), "se" | "s'");
    match i.checked_sub(1) {
        Some(k) if reflexive(k) => true,
        Some(k) if ETRE.contains(&words[k].folded.as_str()) => {
            k.checked_sub(1).is_some_and(reflexive)
        }
        _ => false,
    }
}

/// Determiners a `notnear` word may follow.
pub(super) const NEAR_DETERMINERS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur",
    "leurs",
];

/// Nouns that name the remembrance of an earlier event: "le quatrième anniversaire de son
/// assassinat", "la commémoration du massacre".
pub(super) const RECALL_NOUNS: &[&str] = &[
    "anniversaire",
    "anniversaires",
    "commemoration",
    "commemorations",
    "memorial",
];

/// A trigger noun at `i` that names no particular event of the story: one of a kind ("à
/// chaque attaque", "après chaque massacre"), or an earlier one remembered ("l'anniversaire
/// de l'attentat").
pub(super) fn not_this_event(words: &[Word], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1) else {
        return false;
    };
    if words[prev].folded == "chaque" {
        return true;
    }
    // Back over the article or possessive, then "de", to the noun that governs it.
    let mut k = prev;
    if DETERMINERS.contains(&words[k].folded.as_str())
        && !matches!(words[k].folded.as_str(), "de" | "d'" | "du" | "des")
    {
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        k = before;
    }
    if !matches!(words[k].folded.as_str(), "de" | "d'" | "du" | "des") {
        return false;
    }
    k.checked_sub(1)
        .is_some_and(|n| RECALL_NOUNS.contains(&words[n].folded.as_str()))
}

/// Nouns of a fight between two sides that a protest can turn into ("affrontements",
/// "heurts", "échauffourées").
pub(super) const CLASH_WORDS: &[&str] = &["affrontement", "heurt", "echauffouree"];

/// The rule of a trigger mention. Besides strong/weak and verb/noun it says when the noun
/// names the participants ("manifestants": who, not what happened) and when it names what
/// came before the sentence's own event ("200 arrestations après des manifestations": the
/// arrests are the news, the protests their occasion). The record weighs both less.
pub(super) fn rule_name(
    weak: bool,
    verbal: bool,
    participant: bool,
    antecedent: bool,
) -> &'static str {
    match (antecedent, participant, weak, verbal) {
        (_, _, false, true) => "trigger-verb",
        (_, _, true, true) => "weak-trigger-verb",
        (true, _, false, false) => "antecedent-trigger-noun",
        (true, _, true, false) => "antecedent-weak-trigger-noun",
        (false, true, false, false) => "participant-trigger-noun",
        (false, true, true, false) => "participant-weak-trigger-noun",
        (false, false, false, false) => "trigger-noun",
        (false, false, true, false) => "weak-trigger-noun",
    }
}

/// Words that make the noun after them the occasion of another event: "après", "à la suite
/// de", "suite à", "au lendemain de", "en réaction à", "en représailles à".
pub(super) const OCCASION_WORDS: &[&str] =
    &["apres", "suite", "lendemain", "reaction", "represailles"];

/// A trigger noun at `i` governed by an occasion word, over determiners, numbers and a
/// length of time ("après deux jours de blocage", "à la suite des heurts").
pub(super) fn antecedent_noun(words: &[Word], i: usize) -> bool {
    let mut k = i;
    for _ in 0..5 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        let w = words[prev].folded.as_str();
        if OCCASION_WORDS.contains(&w) {
            return true;
        }
        let skippable = DETERMINERS.contains(&w)
            || matches!(
                w,
                "a" | "au"
                    | "aux"
                    | "quelques"
                    | "jours"
                    | "semaines"
                    | "mois"
                    | "heures"
                    | "nuits"
            )
            || w.bytes().all(|b| b.is_ascii_digit());
        if !skippable {
            return false;
        }
        k = prev;
    }
    false
}

/// A date written as a bound of a state that lasts: its start ("en grève depuis le 5
/// octobre", "une grève illimitée à partir de lundi", "à compter du 1er mars") or its end ("la
/// grève est reconduite jusqu'à lundi", "jusqu'au 12"). It dates when something began or will
/// start or stop, not the event reported.
pub(super) fn since_date(words: &[Word], date: Span) -> bool {
    let k = words.partition_point(|w| w.span.start < date.start);
    let from_words = |at: usize| {
        at + 1 < words.len()
            && words[at].folded == "a"
            && matches!(words[at + 1].folded.as_str(), "partir" | "compter")
    };
    // The date's own words may hold the bound ("à partir de lundi").
    if from_words(k) {
        return true;
    }
    let mut j = k;
    while let Some(prev) = j.checked_sub(1) {
        match words[prev].folded.as_str() {
            "le" | "la" | "l'" => j = prev,
            "depuis" | "jusqu'a" | "jusqu'au" => return true,
            "de" | "du" | "d'" => return prev.checked_sub(2).is_some_and(from_words),
            "a" | "au" => {
                return prev
                    .checked_sub(1)
                    .is_some_and(|n| matches!(words[n].folded.as_str(), "jusqu'" | "jusqu"))
            }
            _ => return false,
        }
    }
    false
}

pub(super) fn hedged_near(words: &[Word], f: &Found) -> bool {
    let from = f.first.saturating_sub(5);
    let to = words.len().min(f.end + 3);
    words[from..to]
        .iter()
        .any(|w| HEDGES.contains(&w.folded.as_str()))
}

pub(super) fn negated_before(words: &[Word], at: usize) -> bool {
    let from = at.saturating_sub(3);
    words[from..at]
        .iter()
        .any(|w| NEGATIONS.contains(&w.folded.as_str()))
}

pub(super) fn negated_near(words: &[Word], f: &Found) -> bool {
    if negated_before(words, f.first) {
        return true;
    }
    // "dément tout tir", "a démenti toute frappe".
    let from = f.first.saturating_sub(5);
    words[from..f.first].iter().any(|w| {
        w.folded.starts_with("dement")
            || w.folded.starts_with("ni") && w.folded.len() <= 5 && w.folded != "ni"
    }) && words[from..f.first]
        .iter()
        .any(|w| matches!(w.folded.as_str(), "tout" | "toute" | "tous" | "toutes"))
}

impl Analyser<'_> {
    pub(super) fn find_triggers(
        &self,
        text: &str,
        words: &[Word],
        dated: &[bool],
        inside_name: &dyn Fn(&Word) -> bool,
        parts_end_at: &dyn Fn(usize) -> bool,
        tags: &mut Option<recoupe_tagger::Prefix>,
    ) -> Vec<Found> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if !words[i].is_wordlike() || inside_name(&words[i]) {
                i += 1;
                continue;
            }
            let candidates = self.lex.trigger_index.starting_with(&words[i].folded);
            if candidates.is_empty() {
                i += 1;
                continue;
            }
            let matching: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&k| matches_at(&self.lex.triggers[k].phrase, words, i))
                .collect();
            if matching.is_empty() {
                i += 1;
                continue;
            }
            let longest = matching
                .iter()
                .map(|&k| self.lex.triggers[k].phrase.words.len())
                .max()
                .unwrap_or(1);
            let mut matching: Vec<usize> = matching
                .into_iter()
                .filter(|&k| self.lex.triggers[k].phrase.words.len() == longest)
                .collect();
            // "frappe" noun or verb: the tagger decides when both readings match.
            let has =
                |pos: Pos, m: &[usize]| m.iter().any(|&k| self.lex.triggers[k].phrase.pos == pos);
            if has(Pos::Verb, &matching)
                && (has(Pos::Noun, &matching) || has(Pos::Adjective, &matching))
            {
                let head = i + self.lex.triggers[matching[0]].phrase.head;
                let after_determiner = head.checked_sub(1).is_some_and(|k| {
                    DETERMINERS.contains(&words[k].folded.as_str())
                        || matches!(words[k].folded.as_str(), "cette" | "une" | "leur")
                });
                // Right after a subject pronoun or a named subject, the form is the verb
                // ("l'armée israélienne frappe").
                let after_subject = head.checked_sub(1).is_some_and(|k| {
                    matches!(
                        words[k].folded.as_str(),
                        "il" | "elle" | "ils" | "elles" | "on" | "qui"
                    ) || parts_end_at(k)
                });
                // The context decides most cases; the tagger (once per sentence) the rest.
                let verb = if auxiliary_before(words, head).is_some() {
                    true
                } else if after_determiner {
                    false
                } else if after_subject {
                    true
                } else {
                    let prefix = tags.get_or_insert_with(|| {
                        let mut prefix = recoupe_tagger::Prefix::default();
                        prefix.start(words.len());
                        prefix
                    });
                    let tag = Tagger::embedded().tag_at(prefix, head, |k| {
                        std::borrow::Cow::Borrowed(&text[words[k].span.start..words[k].span.end])
                    });
                    matches!(tag, Some(Upos::Verb | Upos::Aux))
                };
                matching.retain(|&k| (self.lex.triggers[k].phrase.pos == Pos::Verb) == verb);
            }
            let chosen = matching.into_iter().find(|&k| {
                let phrase = &self.lex.triggers[k].phrase;
                let head = i + phrase.head;
                let end = i + phrase.words.len();
                let opts = &phrase.options;
                let generic_noun =
                    matches!(phrase.pos, Pos::Noun | Pos::Fixed) && not_this_event(words, i);
                let accented =
                    opts.plain && !text[words[head].span.start..words[head].span.end].is_ascii();
                let excluded = near_excluded(phrase, words, i);
                // "les accusés", "18 des 21 accusés", "Onze condamnés": a participle after
                // an article or a count names the people (the defendants, the convicted),
                // not someone's act of accusing or condemning.
                let named_people = phrase.pos == Pos::Verb
                    && !self.lex.triggers[k].event_type.is_material()
                    && words[head].participle
                    && auxiliary_before(words, head).is_none()
                    && head.checked_sub(1).is_some_and(|p| {
                        words[p].kind == recoupe_model::TokenKind::Number
                            || people_determiner(&words[p].folded)
                    });
                (!opts.passive || is_passive(words, head))
                    && !named_people
                    && !generic_noun
                    && !accented
                    && !excluded
                    && (opts.prev.is_empty()
                        || i.checked_sub(opts.prev.len()).is_some_and(|from| {
                            words[from..i]
                                .iter()
                                .zip(&opts.prev)
                                .all(|(w, p)| &w.folded == p)
                        }))
                    && (opts.next.is_empty()
                        || next_within(words, dated, end, &opts.next)
                        || penalty_after(words, end, &opts.next))
            });
            match chosen {
                Some(k) => {
                    let phrase = &self.lex.triggers[k].phrase;
                    found.push(Found {
                        first: i,
                        end: i + phrase.words.len(),
                        head: i + phrase.head,
                        entry: k,
                        verbal: phrase.pos == Pos::Verb
                            || (phrase.pos == Pos::Adjective
                                && auxiliary_before(words, i + phrase.head).is_some()),
                    });
                    i += phrase.words.len();
                }
                None => i += 1,
            }
        }
        found
    }

    /// Responsibility cues of the sentence: (first word, end word, role).
    pub(super) fn find_cues(
        &self,
        words: &[Word],
        inside_name: &dyn Fn(&Word) -> bool,
    ) -> Vec<(usize, usize, Role)> {
        let mut cues = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if !words[i].is_wordlike() || inside_name(&words[i]) {
                i += 1;
                continue;
            }
            let best = self
                .lex
                .responsibility_index
                .starting_with(&words[i].folded)
                .iter()
                .copied()
                .filter(|&k| {
                    let phrase = &self.lex.responsibility[k].phrase;
                    matches_at(phrase, words, i) && !near_excluded(phrase, words, i)
                })
                .max_by_key(|&k| {
                    (
                        self.lex.responsibility[k].phrase.words.len(),
                        usize::MAX - k,
                    )
                });
            match best {
                Some(k) => {
                    let len = self.lex.responsibility[k].phrase.words.len();
                    let mut role = self.lex.responsibility[k].role;
                    let mut end = i + len;
                    // "se sont à nouveau accusées mutuellement", "s'accusent encore l'un
                    // l'autre": the adverb after the participle makes it mutual.
                    if role == Role::Accuse {
                        if let Some(m) = mutual_after(words, end) {
                            role = Role::Mutual;
                            end = m;
                        }
                    }
                    cues.push((i, end, role));
                    i = end;
                }
                None => i += 1,
            }
        }
        cues
    }

    /// PLOVER modes of category `event_type` the clause's words support.
    pub(super) fn mode_cues(
        &self,
        words: &[Word],
        clause: (usize, usize),
        event_type: EventType,
        skip: &dyn Fn(usize) -> bool,
    ) -> Vec<String> {
        let mut modes = Vec::new();
        let mut i = clause.0;
        while i < clause.1 {
            if skip(i) {
                i += 1;
                continue;
            }
            let best = self
                .lex
                .mode_index
                .starting_with(&words[i].folded)
                .iter()
                .copied()
                .filter(|&k| {
                    let cue = &self.lex.modes[k];
                    cue.event_type == event_type
                        && matches_at(&cue.phrase, words, i)
                        && !near_excluded(&cue.phrase, words, i)
                        && (!cue.phrase.options.passive || is_passive(words, i + cue.phrase.head))
                })
                .max_by_key(|&k| (self.lex.modes[k].phrase.words.len(), usize::MAX - k));
            match best {
                Some(k) => {
                    let cue = &self.lex.modes[k];
                    if !modes.contains(&cue.mode) {
                        modes.push(cue.mode.clone());
                    }
                    i += cue.phrase.words.len();
                }
                None => i += 1,
            }
        }
        modes
    }
}

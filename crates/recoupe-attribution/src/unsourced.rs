//! Sentences the article asserts with no source at all: statements (not questions, not
//! opinion in the outlet's own voice), without bylines, credit lines or agency datelines.

use recoupe_model::{Attribution, Provenance, Span, Unsourced};

use crate::grammar::{quoted_mask, DETERMINERS, WEEKDAYS};
use crate::lexicon::Lexicon;
use crate::words::fold;
use crate::words::{Word, WordKind};
use crate::STAGE;

/// The unsourced item of a sentence that holds no attribution, if it states a fact.
/// `span` is the sentence without its agency dateline (`after_dateline`).
pub(crate) fn unsourced_sentence(lex: &Lexicon, span: Span, words: &[Word]) -> Option<Unsourced> {
    unsourced_line(lex, span, words, false)
}

/// As `unsourced_sentence`, for a sentence that may be an intertitle (`is_intertitle`),
/// a fact of the article though shorter than a sentence (the guidelines count headlines).
pub(crate) fn unsourced_line(
    lex: &Lexicon,
    span: Span,
    words: &[Word],
    intertitle: bool,
) -> Option<Unsourced> {
    let statement = intertitle || is_statement(words);
    (statement && !is_opinion(lex, words) && !first_person(words)).then(|| Unsourced {
        span,
        provenance: Provenance::new(STAGE, "no-cue"),
    })
}

/// A headline whose statements all lie after a comma that closes a clause of its own
/// ("Ituri : au moins 27 civils tués, l'armée avance un bilan de 12 morts"): the words before
/// the comma are the article's own fact, unsourced, besides the sourced clause. Not when a
/// statement's content comes before its source ("… fait 20 morts, selon la police").
pub(crate) fn headline_fact_before_source(
    lex: &Lexicon,
    span: Span,
    words: &[Word],
    found: &[Attribution],
) -> Option<Unsourced> {
    let first = found
        .iter()
        .flat_map(|a| {
            [
                Some(a.content.start),
                a.speaker.map(|s| s.start),
                a.cue.map(|c| c.start),
            ]
        })
        .flatten()
        .min()?;
    let quoted = quoted_mask(words);
    let comma = words
        .iter()
        .enumerate()
        .rposition(|(i, w)| w.kind == WordKind::Comma && !quoted[i] && w.end <= first)?;
    let fact = unsourced_sentence(lex, span, &words[..comma])?;
    Some(Unsourced {
        provenance: Provenance::new(STAGE, "headline-fact"),
        ..fact
    })
}

/// A sentence in the outlet's own voice of judgement ("sans doute", "si l'on"), outside
/// quotes: opinion, not an asserted fact.
fn is_opinion(lex: &Lexicon, words: &[Word]) -> bool {
    let quoted = quoted_mask(words);
    (0..words.len()).any(|i| !quoted[i] && lex.opinions.at(words, i).is_some())
}

/// A sentence with "je" or "nous" as a subject outside quotation marks is someone's words
/// (a quotation whose marks were lost or opened sentences before: "Nous étions sur la route
/// quand la voiture a surgi."), never the article's own statement of fact.
fn first_person(words: &[Word]) -> bool {
    let quoted = quoted_mask(words);
    words.iter().enumerate().any(|(i, w)| {
        !quoted[i]
            && (matches!(w.folded.as_str(), "je" | "j'")
                || w.folded == "nous"
                    && words.get(i + 1).is_some_and(|n| {
                        matches!(n.kind, WordKind::Word | WordKind::Elision) && !n.capitalised
                    })
                    && i.checked_sub(1).is_none_or(|p| {
                        !matches!(words[p].folded.as_str(), "a" | "ont" | "avait" | "de")
                    }))
    })
}

/// A sentence's span without a leading agency dateline ("DEIR EZ-ZOR (Syrie), 30 septembre
/// (Xinhua) -- Le poste-frontière …" starts at "Le").
pub(crate) fn after_dateline(text: &str, span: Span, headline: bool) -> Span {
    let Some(sentence) = span.slice(text) else {
        return span;
    };
    let mut head_end = sentence.len().min(DATELINE_MAX_BYTES);
    while !sentence.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &sentence[..head_end];
    let Some((dash_at, dash)) = ["--", "\u{2014}", "\u{2013}", " - "]
        .iter()
        .filter_map(|d| head.find(d).map(|at| (at, *d)))
        .min_by_key(|(at, _)| *at)
    else {
        return span;
    };
    // The place opens the dateline in capitals: "BEYROUTH,", "DEIR EZ-ZOR (Syrie)"; or the
    // whole dateline is names, a date and the agency: "Lyon, 3 mars 2026 (APF) -",
    // "Grenoble –" (not in a headline, where "Nantes - Rennes" is a match).
    let first_word: String = sentence.chars().take_while(|c| c.is_alphabetic()).collect();
    let capitals = first_word.chars().count() >= 3 && first_word.chars().all(char::is_uppercase);
    // A live page's time stamp opens each entry the same way: "08h45 – Piquets devant …".
    let stamp = time_stamp(&sentence[..dash_at]);
    if !capitals && !stamp && (headline || !dateline_words(&sentence[..dash_at])) {
        return span;
    }
    let rest = &sentence[dash_at + dash.len()..];
    if !rest.trim_start().starts_with(|c: char| c.is_uppercase()) {
        return span;
    }
    let skipped = sentence.len() - rest.trim_start().len();
    if skipped >= sentence.len() {
        return span;
    }
    Span::new(span.start + skipped, span.end)
}

/// Whether the words before a dash are those of a dateline: capitalised names (the place,
/// its country, the agency), numbers, month and weekday names, "le", with at most
/// `DATELINE_MAX_WORDS` words and at least one name first.
fn dateline_words(head: &str) -> bool {
    let words: Vec<&str> = head
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let name = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    !words.is_empty()
        && words.len() <= DATELINE_MAX_WORDS
        && name(words[0])
        && words
            .iter()
            .all(|w| name(w) || w.chars().all(|c| c.is_ascii_digit()) || date_word(&fold(w)))
}

/// A dateline on a line of its own, with no dash and nothing after it: names, a date and
/// the agency ("Bakou, 19 février, AZERTAC", "DOHOUK (Irak), 17 nov."), the place or the
/// agency in capitals and a day's number among them.
fn dateline_alone(text: &str, words: &[Word]) -> bool {
    let (Some(first), Some(last)) = (
        words.iter().find(|w| w.kind == WordKind::Word),
        words.iter().rev().find(|w| w.kind == WordKind::Word),
    ) else {
        return false;
    };
    let start = words[0].start;
    let end = words[words.len() - 1].end;
    let shouting = |w: &Word| {
        let s = &text[w.start..w.end];
        s.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !s.chars().any(char::is_lowercase)
    };
    (shouting(first) || shouting(last))
        && text[start..end].chars().any(|c| c.is_ascii_digit())
        && dateline_words(&text[start..end])
}

/// A clock time standing alone: "08h45", "8 h 45", "14:32", "16h".
fn time_stamp(head: &str) -> bool {
    let compact: String = head.chars().filter(|c| !c.is_whitespace()).collect();
    let Some((hours, minutes)) = compact.split_once(['h', 'H', ':']) else {
        return false;
    };
    let digits = |part: &str, lengths: &[usize]| {
        lengths.contains(&part.len()) && part.chars().all(|c| c.is_ascii_digit())
    };
    digits(hours, &[1, 2]) && digits(minutes, &[0, 2])
}

/// A month or weekday name, or a word of a date ("1er", "le"), folded.
fn date_word(folded: &str) -> bool {
    matches!(
        folded,
        "er" | "le"
            | "janvier"
            | "fevrier"
            | "mars"
            | "avril"
            | "mai"
            | "juin"
            | "juillet"
            | "aout"
            | "septembre"
            | "octobre"
            | "novembre"
            | "decembre"
            // abbreviated in datelines: "17 nov.", "1er déc."
            | "janv"
            | "fevr"
            | "avr"
            | "juil"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    ) || WEEKDAYS.contains(&folded)
}

/// How many words a dateline without capitals may have ("Port-au-Prince, 16 novembre 2026
/// (APC)").
const DATELINE_MAX_WORDS: usize = 10;

/// How far into a sentence an agency dateline may end.
const DATELINE_MAX_BYTES: usize = 100;

/// A credit line ("A.S. avec AFP") or a listed byline ("Lire aussi", "Source :").
pub(crate) fn is_byline(lex: &Lexicon, text: &str, words: &[Word]) -> bool {
    let content_words = words
        .iter()
        .filter(|w| matches!(w.kind, WordKind::Word | WordKind::Elision))
        .count();
    // "A.S. avec AFP", "Jean Dupont avec agences": a credit line ending on its agency
    let credit = content_words <= 6
        && words
            .iter()
            .rposition(|w| w.folded == "avec")
            .is_some_and(|k| {
                k > 0
                    && words[k + 1..]
                        .iter()
                        .filter(|w| w.kind == WordKind::Word)
                        .all(|w| w.capitalised || w.folded == "agences")
                    && words[k + 1..].iter().any(|w| w.kind == WordKind::Word)
            });
    if credit {
        return true;
    }
    // "TF1 | Reportage X", "(Reportage X, rédigé par Y)", "Le 23 mai, par Jeanne Dupont",
    // "PRÉNOM NOM" under a photo: credits, not statements.
    let short = content_words <= 9;
    let piped = short && words.iter().any(|w| w.folded == "|");
    let report_credit = words.first().is_some_and(|w| w.folded == "(")
        && words.iter().any(|w| w.folded == "reportage");
    let signed = short
        && words
            .windows(3)
            .any(|t| t[0].kind == WordKind::Comma && t[1].folded == "par" && t[2].capitalised)
        && words.last().is_some_and(|w| w.capitalised);
    let letters: Vec<&str> = words
        .iter()
        .filter(|w| w.kind == WordKind::Word)
        .map(|w| &text[w.start..w.end])
        .collect();
    let capitals = (2..=6).contains(&letters.len())
        && letters.iter().all(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && w.chars().all(|c| !c.is_lowercase())
        });
    // "Par R.B/ Agences", "Par Jeanne Dupont", "Par notre correspondant à Lomé", "Par
    // Jeanne Dupont — 3 mars 2026" (the date after a dash counts no word of the credit).
    let by = words.first().is_some_and(|w| w.folded == "par");
    let author = by && {
        let before_dash = words
            .iter()
            .position(|w| matches!(&text[w.start..w.end], "—" | "–"))
            .map_or(words, |k| &words[..k]);
        let credit_words = before_dash
            .iter()
            .filter(|w| matches!(w.kind, WordKind::Word | WordKind::Elision))
            .count();
        let own_reporter = words
            .get(1)
            .is_some_and(|w| matches!(w.folded.as_str(), "notre" | "nos"))
            && words
                .get(2)
                .is_some_and(|w| lex.reporters.contains(w.folded.as_str()));
        credit_words <= 5
            && (words
                .get(1)
                .is_some_and(|w| w.capitalised && w.kind == WordKind::Word)
                || own_reporter)
    };
    if piped || report_credit || signed || capitals || author || dateline_alone(text, words) {
        return true;
    }
    // Dates and times make "Publié le 26 juillet à 20 h 58" longer than a credit line, and
    // "Publié le 3/02 à 9h47 | Mis à jour le 3/02 à 11h05" longer still.
    let limit = if words
        .first()
        .is_some_and(|w| matches!(w.folded.as_str(), "publie" | "mis"))
    {
        18
    } else {
        5
    };
    content_words <= limit
        && lex.bylines.iter().any(|phrase| {
            phrase.len() <= words.len()
                && phrase.iter().zip(words).all(|(p, w)| *p == w.folded)
                && words
                    .get(phrase.len())
                    .is_none_or(|w| matches!(w.kind, WordKind::Colon | WordKind::Word))
        })
}

/// A line of its own of two or three words that says what happened to something: a noun,
/// after at most a determiner, then an adjective, a participle or a verb, lowercase
/// ("Voyageurs bloqués", "L'opposition divisée", "Accusations mutuelles") — an intertitle
/// stating a fact. Page furniture is not: it opens on a preposition, a participle or a verb
/// ("Pour aller plus loin", "Mis à jour", "Partager cet article") or ends on a noun ("Temps de
/// lecture", "Les réactions"); nor is a name alone or a quoted play on words.
pub(crate) fn is_intertitle(text: &str, words: &[Word]) -> bool {
    let content: Vec<usize> = (0..words.len())
        .filter(|&k| matches!(words[k].kind, WordKind::Word | WordKind::Elision))
        .collect();
    if !(2..=INTERTITLE_MAX_WORDS).contains(&content.len())
        || content.len() + 1 < words.len()
        || !words[content[0]].capitalised
    {
        return false;
    }
    // Only words, and at most a closing mark that is not a full stop, a colon or a question.
    if words.len() > content.len()
        && !(content.last() == Some(&(words.len() - 2)) && words[words.len() - 1].folded == "!")
    {
        return false;
    }
    let first = content[0];
    let noun = if DETERMINERS.contains(&words[first].folded.as_str()) {
        content[1]
    } else {
        first
    };
    let last = *content.last().unwrap_or(&first);
    if noun >= last || words[last].capitalised || words[last].kind != WordKind::Word {
        return false;
    }
    let mut tags = None;
    let tag = |k: usize, tags: &mut crate::cues::Tags| {
        let prefix = tags.get_or_insert_with(|| {
            let mut prefix = recoupe_tagger::Prefix::default();
            prefix.start(words.len());
            prefix
        });
        recoupe_tagger::Tagger::embedded().tag_at(prefix, k, |i| {
            std::borrow::Cow::Borrowed(&text[words[i].start..words[i].end])
        })
    };
    use recoupe_tagger::Upos;
    let head = tag(noun, &mut tags);
    let predicate = tag(last, &mut tags);
    matches!(head, Some(Upos::Noun | Upos::Propn))
        && matches!(predicate, Some(Upos::Adj | Upos::Verb))
}

/// How many words an intertitle may have (longer lines are read as sentences).
const INTERTITLE_MAX_WORDS: usize = 3;

/// How many tokens an intertitle may have: its words, an elided article and a closing mark.
pub(crate) const INTERTITLE_MAX_TOKENS: usize = INTERTITLE_MAX_WORDS + 2;

/// A sentence that states something: enough words, not a question.
fn is_statement(words: &[Word]) -> bool {
    let n = words
        .iter()
        .filter(|w| matches!(w.kind, WordKind::Word))
        .count();
    let question = words.iter().any(|w| w.folded == "?");
    n >= 4 && !question
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{doc, headed_doc};
    use crate::words::scan;

    #[test]
    fn participle_without_auxiliary_is_not_a_cue_and_sentence_is_unsourced() {
        let d = doc(
            "Les résultats annoncés mercredi donnent une large avance au sortant.\nLa note de la banque centrale circule.",
            None,
            &[],
        );
        assert!(
            d.layers.attributions.is_empty(),
            "{:?}",
            d.layers.attributions
        );
        assert_eq!(d.layers.unsourced.len(), 2);
    }

    #[test]
    fn issue13_first_person_words_are_someone_s_not_the_article_s() {
        let d = doc(
            "Le bus a quitté la route vers midi.\nNous roulions au pas quand le pont a cédé.\nJ'ai vu le chauffeur sauter.\nLa ville a lancé un appel à nos lecteurs.",
            None,
            &[],
        );
        let found: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(
            found,
            vec![
                "Le bus a quitté la route vers midi.",
                "La ville a lancé un appel à nos lecteurs."
            ]
        );
    }

    #[test]
    fn bylines_are_neither_attributions_nor_statements() {
        let d = doc(
            "Les pluies ont inondé trois villages du sud.\nAvec AFP",
            None,
            &[],
        );
        assert_eq!(d.layers.unsourced.len(), 1);
        assert!(d.layers.attributions.is_empty());
    }

    #[test]
    fn issue13_a_byline_by_the_outlet_s_correspondent_or_with_a_date_after_a_dash() {
        let d = doc(
            "Par notre correspondante à Niamey\nPar Paul Martin — 2 juin 2026\nLe pont a été rouvert à la circulation.",
            None,
            &[],
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(unsourced, vec!["Le pont a été rouvert à la circulation."]);
    }

    #[test]
    fn issue5_unsourced_leaves_out_opinion_datelines_and_credit_lines() {
        let d = doc(
            "BEYROUTH (Liban), 12 mars (Nour) -- Le port a rouvert après trois semaines de travaux.\nLes armateurs devront sans doute attendre encore un mois avant de revenir.\nLes premiers navires sont arrivés mercredi à l'aube.\nK.H. avec AFP",
            None,
            &[],
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(
            unsourced,
            vec![
                "Le port a rouvert après trois semaines de travaux.",
                "Les premiers navires sont arrivés mercredi à l'aube.",
            ]
        );
    }

    #[test]
    fn issue5_dateline_cut_never_splits_a_character() {
        // A long first sentence with accents around the dateline window.
        let text = format!("{}é -- fin de la phrase écrite ici.", "É".repeat(60));
        let d = doc(&text, None, &[]);
        for u in &d.layers.unsourced {
            assert!(text.is_char_boundary(u.span.start));
        }
    }

    #[test]
    fn questions_and_short_lines_are_not_statements() {
        let q = "Le pont tiendra-t-il encore longtemps ?";
        assert!(!is_statement(&scan(q, 0, q.len())));
        let s = "Trois écoles ont fermé.";
        assert!(is_statement(&scan(s, 0, s.len())));
        let short = "Fin du match.";
        assert!(!is_statement(&scan(short, 0, short.len())));
    }

    #[test]
    fn issue13_a_live_page_entry_starts_after_its_time_stamp() {
        for (text, first) in [
            ("08h45 – Les grévistes bloquent le dépôt.", "Les"),
            ("14:32 - Le train de 14 heures est supprimé.", "Le"),
            ("9 h 05 — Les pompiers arrivent sur place.", "Les"),
        ] {
            let cut = after_dateline(text, Span::new(0, text.len()), false);
            assert!(cut.slice(text).unwrap().starts_with(first), "{text}");
        }
        // a score or a range before a dash is no time stamp
        let text = "3 - 1 pour les visiteurs à la pause.";
        let span = Span::new(0, text.len());
        assert_eq!(after_dateline(text, span, false), span);
    }

    #[test]
    fn a_dateline_needs_a_place_in_capitals() {
        let text = "Lundi -- une phrase sans lieu en capitales.";
        let span = Span::new(0, text.len());
        assert_eq!(after_dateline(text, span, false), span);
        let text = "GAO (Mali), 2 mai -- Le marché a rouvert.";
        let cut = after_dateline(text, Span::new(0, text.len()), false);
        assert_eq!(&text[cut.start..cut.end], "Le marché a rouvert.");
    }

    #[test]
    fn issue13_a_dateline_is_no_part_of_an_attributed_content() {
        let d = doc(
            "Titre de la dépêche\n\nLyon, 3 mars 2026 (APF) - Selon la préfecture, deux routes restent coupées.",
            None,
            &[],
        );
        let a = &d.layers.attributions;
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(d.slice(a[0].content), "deux routes restent coupées");
        assert_eq!(a[0].speaker.map(|s| d.slice(s)), Some("la préfecture"));
    }

    #[test]
    fn issue13_a_dateline_of_names_a_date_and_an_agency_before_a_hyphen() {
        let cut = |text: &str, headline: bool| {
            let c = after_dateline(text, Span::new(0, text.len()), headline);
            text[c.start..c.end].to_string()
        };
        // A place in lowercase letters, a date, an agency, then a spaced hyphen or a dash.
        assert_eq!(
            cut(
                "Tulle (Corrèze), 4 juin 2025 (APF) - Deux granges ont brûlé.",
                false
            ),
            "Deux granges ont brûlé."
        );
        assert_eq!(
            cut(
                "Saint-Flour – Les 300 élèves du collège ont été évacués.",
                false
            ),
            "Les 300 élèves du collège ont été évacués."
        );
        assert_eq!(
            cut(
                "Aurillac - Avec 12 sièges, la liste garde la mairie.",
                false
            ),
            "Avec 12 sièges, la liste garde la mairie."
        );
        // Not a headline ("Brest - Lorient : …"), not words of a clause before the dash, not
        // a hyphen inside a word.
        let headline = "Brest - Lorient : le derby reporté";
        assert_eq!(cut(headline, true), headline);
        let clause = "Le maire a démissionné - Une surprise pour tous.";
        assert_eq!(cut(clause, false), clause);
        let compound = "Saint-Flour a fermé ses écoles lundi.";
        assert_eq!(cut(compound, false), compound);
    }

    #[test]
    fn issue13_a_toll_with_no_source_is_the_articles_own_statement() {
        let d = doc(
            "Le dernier bilan provisoire fait état de 92 morts.\nLe dernier bilan des autorités faisait état de 95 morts.",
            None,
            &[],
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(
            unsourced,
            vec!["Le dernier bilan provisoire fait état de 92 morts."]
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue13_a_headline_states_its_fact_before_the_sourced_clause() {
        let d = headed_doc(
            "Crue de la Loire : trois villages évacués, la préfecture annonce un bilan de deux morts\nLes eaux montent depuis lundi.",
            &[],
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(
            unsourced,
            vec![
                "Crue de la Loire : trois villages évacués, la préfecture annonce un bilan de deux morts",
                "Les eaux montent depuis lundi."
            ]
        );
        assert_eq!(d.layers.attributions.len(), 1);
        // The content before its source is the statement's, not a fact of the article.
        let d = headed_doc(
            "La crue a fait deux morts, selon la préfecture\nLes eaux montent depuis lundi.",
            &[],
        );
        assert_eq!(d.layers.unsourced.len(), 1);
    }

    #[test]
    fn issue13_a_short_intertitle_stating_a_fact_is_unsourced_page_furniture_is_not() {
        let d = doc(
            "Les eaux montent depuis lundi dans la vallée.\n\nÉcoles fermées\n\nLes cours reprendront jeudi.\n\nMis à jour\nTemps de lecture\nPartager cet article\nLes réactions",
            None,
            &[],
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(
            unsourced,
            vec![
                "Les eaux montent depuis lundi dans la vallée.",
                "Écoles fermées",
                "Les cours reprendront jeudi."
            ]
        );
    }

    #[test]
    fn issue13_a_dateline_alone_and_a_long_update_stamp_are_not_statements() {
        let d = doc(
            "Tulle, 4 juin, APF\nLes pompiers ont maîtrisé le feu vers minuit.\nGAO (Mali), 2 déc.\nPublié le 4/06 à 8h12 | Mis à jour le 4/06 à 10h30\nLa route de Brive a rouvert.",
            None,
            &[],
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(
            unsourced,
            vec![
                "Les pompiers ont maîtrisé le feu vers minuit.",
                "La route de Brive a rouvert."
            ]
        );
    }

    #[test]
    fn issue13_credit_lines_are_not_statements() {
        let d = doc(
            "Par J.D. / Agences\nPublié le 3 mars à 10 h 12\nTéléLac | Reportage Jeanne Dupont\nPAUL RONAN\nLe 12 mai 2024, par Jeanne Dupont\nPar ailleurs, la route a été rouverte mardi.",
            None,
            &[],
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(
            unsourced,
            vec!["Par ailleurs, la route a été rouverte mardi."]
        );
    }
}

//! Language identification with whatlang, reported as ISO 639-1 codes.
//!
//! French is the language the pipeline analyses; other languages are still stored with
//! their code so that `Document::is_french` is false and the French stages skip them.

use recoupe_model::Language;

/// Bytes of text looked at: enough for a stable guess, and keeps detection cheap on long
/// articles.
const SAMPLE_BYTES: usize = 1200;

/// Languages considered. whatlang's cost is dominated by comparing the text with every
/// profile of its script (~40 for Latin script), whatever the text length; restricting it to
/// the languages that plausibly occur in a French-language news stream (and its sources)
/// makes detection ~3x cheaper. A text in another language still comes out non-French,
/// which is what the pipeline needs; its code may then be that of a neighbour.
const CANDIDATES: &[whatlang::Lang] = {
    use whatlang::Lang::*;
    &[
        Fra, Eng, Spa, Por, Ita, Deu, Nld, Cat, Ron, Pol, Tur, Rus, Ukr, Ara, Pes, Urd, Heb, Yid,
        Ell, Cmn, Jpn, Kor, Kat, Hye, Tha, Hin, Ben, Amh, Vie,
    ]
};

fn detector() -> &'static whatlang::Detector {
    static DETECTOR: std::sync::OnceLock<whatlang::Detector> = std::sync::OnceLock::new();
    DETECTOR.get_or_init(|| whatlang::Detector::with_allowlist(CANDIDATES.to_vec()))
}

/// Bytes of text the French pre-check reads: a few sentences hold enough function words.
const PRECHECK_BYTES: usize = 600;

/// Function words found in running French and rare as words of the other Latin-script
/// languages of the stream ("de", "la", "en", "un", "que" are shared with Spanish, Italian
/// or Portuguese and left out).
const FRENCH_WORDS: &[&str] = &[
    "les", "des", "est", "dans", "pour", "avec", "une", "sont", "cette", "été", "du", "au", "aux",
    "et", "le", "ont", "qui", "sur", "pas", "par", "ne", "ces", "elle", "ils", "mais", "leur",
    "selon", "était", "après", "à",
];

/// Function words of the neighbouring languages a French-looking sample must not be full of
/// (none of them a French word: "en", "on", "y", "non", "il" are left out).
const OTHER_WORDS: &[&str] = &[
    // English
    "the", "and", "of", "to", "is", "was", "that", "with", "for", "are", "by", "from",
    // Spanish, Portuguese, Catalan, Italian
    "el", "los", "las", "del", "con", "por", "para", "una", "o", "os", "do", "da", "em", "com",
    "não", "els", "amb", "per", "i", "di", "che", "della", "gli", "e", "sono",
    // German, Dutch
    "der", "die", "das", "und", "ist", "nicht", "mit", "het", "een", "van",
];

/// French recognised from its function words, without whatlang: a Latin-script sample where
/// French function words are frequent and those of the neighbouring languages rare.
/// Otherwise (false) whatlang decides.
fn clearly_french(text: &str) -> bool {
    let mut end = text.len().min(PRECHECK_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let mut words = 0usize;
    let mut french = 0usize;
    let mut other = 0usize;
    let mut lower = String::new();
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        // other scripts (Arabic, Cyrillic, Hebrew…) go to whatlang
        if word
            .chars()
            .any(|c| !c.is_ascii() && !('\u{c0}'..='\u{24f}').contains(&c))
        {
            return false;
        }
        words += 1;
        // no listed word is longer than 6 bytes ("était", "après")
        if word.len() > 6 {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        let is_french = FRENCH_WORDS.contains(&lower.as_str());
        french += usize::from(is_french);
        other += usize::from(!is_french && OTHER_WORDS.contains(&lower.as_str()));
    }
    words >= 40 && french * 8 >= words && french >= 6 * other.max(1)
}

/// Texts shorter than this (in characters) are too short for whatlang's trigram guess to be
/// trusted: "Le président est arrivé à Paris." can come out Italian or Dutch.
const SHORT_TEXT_CHARS: usize = 200;

/// Letters with diacritics that French uses and the neighbouring languages mostly do not.
const FRENCH_DIACRITICS: &str = "éèêëàâçîïôûùœÉÈÊÀÂÇÎÔÛŒ";

/// Letters with diacritics that French never uses (Spanish, Portuguese, Italian, German,
/// Dutch, Romanian, Catalan): evidence against French.
const FOREIGN_DIACRITICS: &str = "ñãõòìáíóúäößåøăâșțŀ";

/// A short text recognised as French from its function words and diacritics, before
/// whatlang's guess: at least two French function words, more than those of the
/// neighbouring languages, no letter French never uses, and a third function word or a
/// French diacritic.
fn short_french(text: &str) -> bool {
    if text.chars().count() >= SHORT_TEXT_CHARS {
        return false;
    }
    let mut french = 0usize;
    let mut other = 0usize;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        if FRENCH_WORDS.contains(&lower.as_str()) {
            french += 1;
        } else if OTHER_WORDS.contains(&lower.as_str()) {
            other += 1;
        }
    }
    // "â" is Romanian and Portuguese too, but French also has it: it only counts for.
    let foreign = text
        .chars()
        .any(|c| FOREIGN_DIACRITICS.contains(c) && !FRENCH_DIACRITICS.contains(c));
    let diacritic = text.chars().any(|c| FRENCH_DIACRITICS.contains(c));
    french >= 2 && french > other && !foreign && (french >= 3 || diacritic)
}

/// Identifies the language of `text`; `und` with confidence 0 when whatlang cannot tell.
///
/// Clearly French text (see [`clearly_french`]) is recognised from its function words at a
/// fraction of whatlang's cost, with the confidence whatlang gives such text (1).
pub fn identify(text: &str) -> Language {
    if clearly_french(text) {
        return Language {
            code: "fr".to_owned(),
            confidence: 1.0,
        };
    }
    if short_french(text) {
        return Language {
            code: "fr".to_owned(),
            confidence: 0.9,
        };
    }
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match detector().detect(&text[..end]) {
        Some(info) => Language {
            code: iso639_1(info.lang().code()).to_owned(),
            confidence: info.confidence() as f32,
        },
        None => undetermined(),
    }
}

pub fn undetermined() -> Language {
    Language {
        code: "und".to_owned(),
        confidence: 0.0,
    }
}

/// Language given by a source (sidecar, JSONL, feed, `<html lang>`): `fr-CA` → `fr`.
pub fn declared(code: &str) -> Option<Language> {
    let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    if primary.is_empty() || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let code = if primary.len() == 3 {
        iso639_1(&primary).to_owned()
    } else {
        primary
    };
    Some(Language {
        code,
        confidence: 1.0,
    })
}

/// Maps the ISO 639-3 codes whatlang uses to ISO 639-1 where one exists.
fn iso639_1(code3: &str) -> &str {
    match code3 {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "cym" => "cy",
        "gle" => "ga",
        "eus" => "eu",
        "glg" => "gl",
        "msa" => "ms",
        "swa" => "sw",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_are_told_apart() {
        let fr = identify("Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse.");
        assert_eq!(fr.code, "fr");
        assert!(fr.confidence > 0.5);
        let en = identify("The government announced on Tuesday a series of measures to support farmers hit by the drought.");
        assert_eq!(en.code, "en");
    }

    const FRENCH: &str = "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse. Selon le ministre, les aides seront versées dans les prochaines semaines aux exploitations qui ont perdu plus de la moitié de leur récolte. Les syndicats agricoles estiment que ces mesures ne sont pas suffisantes et demandent un report des échéances bancaires.";

    /// The same news paragraph in the Latin-script languages closest to French.
    const NEIGHBOURS: &[(&str, &str)] = &[
        ("en", "The government announced on Tuesday a series of measures to support farmers hit by the drought. According to the minister, the aid will be paid in the coming weeks to farms that have lost more than half of their harvest. The farming unions say that these measures are not enough and are asking for a postponement of bank repayments."),
        ("es", "El gobierno anunció el martes una serie de medidas para apoyar a los agricultores afectados por la sequía. Según el ministro, las ayudas se pagarán en las próximas semanas a las explotaciones que han perdido más de la mitad de su cosecha. Los sindicatos agrícolas consideran que estas medidas no son suficientes y piden un aplazamiento de los pagos bancarios."),
        ("it", "Il governo ha annunciato martedì una serie di misure per sostenere gli agricoltori colpiti dalla siccità. Secondo il ministro, gli aiuti saranno versati nelle prossime settimane alle aziende che hanno perso più della metà del loro raccolto. I sindacati agricoli ritengono che queste misure non siano sufficienti e chiedono un rinvio delle scadenze bancarie."),
        ("pt", "O governo anunciou na terça-feira uma série de medidas para apoiar os agricultores afetados pela seca. Segundo o ministro, os apoios serão pagos nas próximas semanas às explorações que perderam mais da metade da sua colheita. Os sindicatos agrícolas consideram que estas medidas não são suficientes e pedem um adiamento dos pagamentos bancários."),
        ("ca", "El govern va anunciar dimarts una sèrie de mesures per donar suport als agricultors afectats per la sequera. Segons el ministre, els ajuts es pagaran les properes setmanes a les explotacions que han perdut més de la meitat de la seva collita. Els sindicats agraris consideren que aquestes mesures no són suficients i demanen un ajornament dels pagaments bancaris."),
        ("de", "Die Regierung hat am Dienstag eine Reihe von Maßnahmen angekündigt, um die von der Dürre betroffenen Landwirte zu unterstützen. Nach Angaben des Ministers werden die Hilfen in den kommenden Wochen an Betriebe gezahlt, die mehr als die Hälfte ihrer Ernte verloren haben. Die Bauernverbände halten diese Maßnahmen für nicht ausreichend und fordern einen Aufschub der Bankraten."),
        ("nl", "De regering heeft dinsdag een reeks maatregelen aangekondigd om de door de droogte getroffen boeren te steunen. Volgens de minister wordt de steun in de komende weken uitbetaald aan bedrijven die meer dan de helft van hun oogst hebben verloren. De landbouwbonden vinden deze maatregelen niet voldoende en vragen om uitstel van de bankbetalingen."),
        ("ro", "Guvernul a anunțat marți o serie de măsuri pentru a-i sprijini pe agricultorii afectați de secetă. Potrivit ministrului, ajutoarele vor fi plătite în săptămânile următoare fermelor care au pierdut mai mult de jumătate din recoltă. Sindicatele agricole consideră că aceste măsuri nu sunt suficiente și cer amânarea ratelor bancare."),
    ];

    #[test]
    fn french_is_recognised_without_whatlang_and_agrees_with_it() {
        assert!(clearly_french(FRENCH));
        let whatlang = detector().detect(FRENCH).expect("whatlang tells");
        assert_eq!(whatlang.lang(), whatlang::Lang::Fra);
        assert_eq!(identify(FRENCH).code, "fr");
        assert_eq!(identify(FRENCH).confidence, 1.0);
    }

    #[test]
    fn neighbouring_languages_are_not_taken_for_french() {
        for (code, text) in NEIGHBOURS {
            assert!(!clearly_french(text), "{code} passed the French pre-check");
            assert_eq!(identify(text).code, *code, "{text}");
        }
    }

    #[test]
    fn listed_words_fit_the_length_cut() {
        assert!(FRENCH_WORDS.iter().chain(OTHER_WORDS).all(|w| w.len() <= 6));
    }

    #[test]
    fn short_or_mixed_text_goes_to_whatlang() {
        // too few words for the function-word vote
        assert!(!clearly_french("Le président est arrivé à Paris."));
        // French with a quotation in English: the vote is not clear-cut, whatlang decides
        let mixed: String = FRENCH
            .split_inclusive(". ")
            .zip(NEIGHBOURS[0].1.split_inclusive(". "))
            .map(|(fr, en)| format!("{en}{fr}"))
            .collect();
        assert!(!clearly_french(&mixed));
        // other scripts never take the shortcut
        assert!(!clearly_french(&format!("{FRENCH} قال المتحدث")));
    }

    /// On the shared corpus (skipped when absent), the shortcut decides exactly as whatlang
    /// does, confidence included.
    #[test]
    fn shortcut_matches_whatlang_on_the_shared_corpus() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/corpus/articles.jsonl"
        );
        let Ok(corpus) = std::fs::read_to_string(path) else {
            eprintln!("skipped: {path} absent");
            return;
        };
        let mut shortcut = 0;
        for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
            let record: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let text = record["text"].as_str().expect("text field");
            if clearly_french(text) {
                shortcut += 1;
                let mut end = text.len().min(SAMPLE_BYTES);
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let whatlang = detector().detect(&text[..end]).expect("whatlang tells");
                assert_eq!(whatlang.lang(), whatlang::Lang::Fra, "{text}");
                assert_eq!(whatlang.confidence(), 1.0, "{text}");
            }
        }
        eprintln!("{shortcut} articles took the shortcut");
        assert!(shortcut > 0, "no article of the corpus took the shortcut");
    }

    #[test]
    fn issue10_short_french_is_not_italian_or_dutch() {
        for text in [
            "Le président est arrivé à Paris.",
            "Les forces de sécurité ont été déployées dans la ville.",
            "Frappes sur Deir ez-Zor : le bilan s'alourdit",
            "Il a été tué dans une frappe, selon l'OSDH.",
            "Une explosion a fait trois morts à Bagdad.",
        ] {
            assert_eq!(identify(text).code, "fr", "{text}");
        }
        // short texts of the neighbouring languages keep whatlang's answer
        for (code, text) in [
            ("it", "Il presidente è arrivato a Parigi con la moglie."),
            ("es", "El presidente llegó a París con su esposa."),
            ("nl", "De president is met zijn vrouw in Parijs aangekomen."),
            ("en", "The president arrived in Paris with his wife."),
        ] {
            assert!(!short_french(text), "{text}");
            assert_eq!(identify(text).code, code, "{text}");
        }
    }

    #[test]
    fn declared_codes_are_normalised() {
        assert_eq!(declared("fr-CA").map(|l| l.code), Some("fr".to_owned()));
        assert_eq!(declared("fra").map(|l| l.code), Some("fr".to_owned()));
        assert_eq!(declared("  "), None);
    }
}

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

/// Identifies the language of `text`; `und` with confidence 0 when whatlang cannot tell.
pub fn identify(text: &str) -> Language {
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

    #[test]
    fn declared_codes_are_normalised() {
        assert_eq!(declared("fr-CA").map(|l| l.code), Some("fr".to_owned()));
        assert_eq!(declared("fra").map(|l| l.code), Some("fr".to_owned()));
        assert_eq!(declared("  "), None);
    }
}

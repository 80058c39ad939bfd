//! Place cues: facilities and landforms whose whole phrase is the place ("aéroport de
//! Bagdad", "vallée de l'Euphrate") and the nouns announcing an administrative division
//! ("province de X").

use recoupe_model::EntityType;

use super::words::is_de;
use super::{Cand, Recogniser, STRENGTH_CUE};
use crate::tokens::{SentenceRange, Tk};

impl Recogniser<'_> {
    /// Named facility or landform whose whole phrase is the place: "vallée de l'Euphrate",
    /// "aéroport de Bagdad" (lowercase head, "de", capitalised name).
    pub(super) fn place_whole_pattern(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
        text: &str,
    ) -> Option<Cand> {
        let head = &toks[i];
        if !self.lex.loc_whole.contains(&*head.folded) {
            return None;
        }
        let mut after = i + 1;
        if after >= s.end || !is_de(&toks[after].folded) {
            return None;
        }
        after += 1;
        if after < s.end
            && toks[after - 1].folded == "de"
            && matches!(toks[after].folded.as_ref(), "la" | "l'")
        {
            after += 1;
        }
        if after >= s.end
            || !toks[after].name_like
            || self.lex.stopwords_caps.contains(&*toks[after].folded)
        {
            return None;
        }
        let end = self.extend_caps(toks, after, s.end);
        let name = text.get(toks[after].span.start..toks[end - 1].span.end)?;
        Some(Cand {
            start: i,
            end,
            label: EntityType::LOC,
            strength: STRENGTH_CUE,
            hits: Vec::new(),
            rule: "place-whole",
            evidence: vec![format!("\"{}\" + name \"{name}\"", head.text)],
            weak: false,
            admin_cue: false,
        })
    }

    /// "province de X", "gouvernorat d'X": X names an administrative division.
    pub(super) fn admin_cue_before(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> bool {
        i >= s.start + 2
            && is_de(&toks[i - 1].folded)
            && matches!(
                toks[i - 2].folded.as_ref(),
                "province"
                    | "gouvernorat"
                    | "region"
                    | "departement"
                    | "district"
                    | "canton"
                    | "prefecture"
                    | "etat"
                    | "wilaya"
                    | "oblast"
            )
    }
}

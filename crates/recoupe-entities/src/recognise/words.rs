//! Word-level tests shared by the recognition rules.

use crate::tokens::Tk;

/// "de" and its contracted forms.
pub fn is_de(folded: &str) -> bool {
    matches!(folded, "de" | "du" | "des" | "d'")
}

/// Words of `toks[a..b]` joined by spaces (for reference lookups of a sub-sequence).
pub fn text_of(toks: &[Tk<'_>], a: usize, b: usize) -> String {
    toks[a..b]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A site's address with no scheme and no path ("vie-publique.fr", "www.lemonde.fr"): it
/// names the site. Full links, paths and e-mail addresses point to pages, not outlets.
pub fn is_bare_web_address(text: &str) -> bool {
    let host = text.strip_prefix("www.").unwrap_or(text);
    host.contains('.')
        && !host.contains(['/', '@', ':'])
        && host.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Lowercase word with a typical French adjective ending (agreeing forms included).
pub fn is_adjective(folded: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ale", "ales", "al", "aux", "ique", "iques", "ien", "ienne", "iens", "iennes", "aire",
        "aires", "ee", "ees", "ive", "ives", "if", "ifs", "elle", "elles", "el", "els", "ais",
        "aise", "aises", "ain", "aine", "ains", "aines", "iste", "istes", "ier", "iere", "iers",
        "ieres", "eure", "eures",
    ];
    const NOT: &[&str] = &[
        "mais",
        "jamais",
        "desormais",
        "frais",
        "pres",
        "apres",
        "entree",
        "armee",
        "annee",
        "journee",
        "soiree",
        "arrivee",
        "idee",
        "lieutenant",
        "demain",
        "main",
        "certain",
        "certaine",
        "certains",
        "certaines",
        "quel",
        "tel",
        "telle",
        "elle",
        "elles",
        "chaque",
        "lequel",
        "laquelle",
        "auquel",
        "duquel",
        "hier",
        "premier",
        "derniere",
        "dernier",
        "pays",
        "avait",
        "etais",
        "vais",
        "fais",
    ];
    folded.len() >= 4 && !NOT.contains(&folded) && ENDINGS.iter().any(|e| folded.ends_with(e))
}

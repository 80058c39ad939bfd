//! Generated news-like documents with every layer filled, for the insert benchmark, the
//! crash test's filler process and load tests of other backends. Document `n` is always
//! the same and differs from every other `n` (the number is in its headline), so the
//! generator can resume where a killed run stopped.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use recoupe_model::*;

const PEOPLE: &[(&str, &str)] = &[
    ("Jeanne Moreau-Lefèvre", "synthetic:per-moreau"),
    ("Karim Haddad", "synthetic:per-haddad"),
    ("Élodie Tremblay", "synthetic:per-tremblay"),
    ("Amadou Diallo", "synthetic:per-diallo"),
    ("Luc Vandenberghe", "synthetic:per-vandenberghe"),
    ("Nadia Benali", "synthetic:per-benali"),
];

const ORGANISATIONS: &[(&str, &str)] = &[
    ("le ministère de l'Intérieur", "synthetic:org-interieur"),
    ("l'Observatoire régional", "synthetic:org-observatoire"),
    ("la Croix-Rouge", "synthetic:org-croix-rouge"),
    ("l'agence de presse officielle", "synthetic:org-agence"),
];

const PLACES: &[(&str, &str, &str, f64, f64)] = &[
    ("Lyon", "synthetic:loc-lyon", "FR", 45.75, 4.85),
    ("Genève", "synthetic:loc-geneve", "CH", 46.2, 6.15),
    ("Liège", "synthetic:loc-liege", "BE", 50.63, 5.57),
    ("Québec", "synthetic:loc-quebec", "CA", 46.81, -71.21),
    ("Dakar", "synthetic:loc-dakar", "SN", 14.69, -17.44),
    ("Beyrouth", "synthetic:loc-beyrouth", "LB", 33.89, 35.5),
];

const OUTLETS: &[&str] = &["Le Quotidien", "La Gazette", "Radio Info", "L'Écho"];

const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const FILLERS: &[&str] = &[
    "Les habitants ont été invités à rester chez eux pendant la durée des opérations.",
    "Plusieurs routes d'accès au centre-ville restaient fermées à la circulation en fin de journée.",
    "La situation humanitaire continue de se dégrader, selon les organisations présentes sur place.",
    "Les écoles de la région rouvriront leurs portes dès la semaine prochaine, si les conditions le permettent.",
    "Un nouveau bilan devrait être communiqué dans la soirée par les autorités locales.",
    "Les discussions entre les différentes parties n'ont pas permis d'aboutir à un accord durable.",
];

/// A small deterministic generator (SplitMix64): the same `n` gives the same document.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

fn prov(stage: &str, rule: &str) -> Provenance {
    Provenance::new(stage, rule)
}

/// Appends text while recording the spans the layers point at.
struct Writer {
    text: String,
    layers: Layers,
}

impl Writer {
    /// The document of generator number `n`: the text trimmed and tokenised, every layer
    /// marked produced, and the metadata every synthetic article shares (French, published
    /// on `published`, ingested at a time that grows with `n`) added to `meta`.
    fn finish(
        mut self,
        mut meta: Metadata,
        n: u64,
        title: String,
        published: NaiveDate,
    ) -> Document {
        let text_len = self.text.trim_end().len();
        self.text.truncate(text_len);
        tokenize(&self.text, &mut self.layers.tokens);
        meta.title = Some(title);
        meta.published = Some(Published {
            date: published,
            source: DateSource::Metadata,
            inferred_from: None,
        });
        meta.language = Some(Language {
            code: "fr".into(),
            confidence: 0.97,
        });
        meta.ingested_at =
            DateTime::<Utc>::from_timestamp(1_790_000_000 + n as i64, 0).unwrap_or_default();
        let mut doc = Document::new(self.text, meta);
        doc.layers = self.layers;
        for layer in Layer::ALL {
            doc.mark_produced(layer);
        }
        doc
    }

    fn push(&mut self, piece: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(piece);
        Span::new(start, self.text.len())
    }

    fn entity(&mut self, surface: &str, label: EntityType, key: &str) -> Span {
        let span = self.push(surface);
        self.layers.entities.push(EntityMention {
            span,
            label,
            kb: Some(KbLink {
                kb: "synthetic".into(),
                id: key.trim_start_matches("synthetic:").into(),
                name: Some(surface.into()),
            }),
            entity: key.into(),
            provenance: prov("entities", "synthetic"),
            evidence: vec![format!("generated mention of {key}")],
        });
        span
    }

    fn place(&mut self, rng: &mut Rng) -> Span {
        let &(name, key, country, lat, lon) = rng.pick(PLACES);
        let span = self.entity(name, EntityType::LOC, key);
        if !self.layers.places.iter().any(|p| p.entity == key) {
            self.layers.places.push(Place {
                span,
                entity: key.into(),
                kb: Some(KbLink {
                    kb: "synthetic".into(),
                    id: key.into(),
                    name: None,
                }),
                name: name.into(),
                country: Some(country.into()),
                kind: PlaceKind::City,
                lat: Some(lat),
                lon: Some(lon),
                provenance: prov("places", "synthetic"),
                evidence: Vec::new(),
            });
        }
        span
    }

    fn date(&mut self, rng: &mut Rng, year: i32) {
        let day = 1 + rng.next() % 28;
        let month = rng.next() % 12;
        let span = self.push(&format!("le {day} {}", MONTHS[month as usize]));
        self.layers.dates.push(DateMention {
            span,
            value: Some(format!("{year}-{:02}-{day:02}", month + 1)),
            granularity: Granularity::Day,
            relative: true,
            provenance: prov("dates", "synthetic"),
        });
    }

    fn quantity(&mut self, rng: &mut Rng) {
        let value = 2 + rng.next() % 3000;
        let span = self.push(&format!("au moins {value} personnes"));
        self.layers.quantities.push(Quantity {
            span,
            value: QuantityValue::Single(value as f64),
            qualifier: Qualifier::MoreThan,
            unit: Some("personnes".into()),
            provenance: prov("quantities", "synthetic"),
        });
    }

    fn sentence(&mut self, start: usize) {
        let span = Span::new(start, self.text.len());
        self.layers.sentences.push(Sentence {
            span,
            headline: false,
        });
        self.push(" ");
    }
}

/// Document number `n`: about 3 KB of French-like news text with sentences, tokens,
/// entities, places, dates, quantities, attributions and unsourced sentences.
pub fn document(n: u64) -> Document {
    let mut rng = Rng(n.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED);
    let base = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default();
    let published = base + Duration::days((n % 2500) as i64);
    let year = published.format("%Y").to_string().parse().unwrap_or(2018);
    let mut w = Writer {
        text: String::with_capacity(3600),
        layers: Layers::default(),
    };

    let title = format!("Dépêche n° {n} : nouvelles tensions signalées");
    let headline = w.push(&title);
    w.layers.sentences.push(Sentence {
        span: headline,
        headline: true,
    });
    w.push("\n");

    while w.text.len() < 3000 {
        let start = w.text.len();
        // About one sentence in three is attributed, as in wire copy.
        match rng.next() % 8 {
            0 => {
                let &(person, key) = rng.pick(PEOPLE);
                let speaker = w.entity(person, EntityType::PER, key);
                let cue = w.push(" a déclaré");
                w.push(" ");
                let content_start = w.text.len();
                w.push("que ");
                w.quantity(&mut rng);
                w.push(" avaient été évacuées à ");
                w.place(&mut rng);
                w.push(" ");
                w.date(&mut rng, year);
                let content = Span::new(content_start, w.text.len());
                w.push(".");
                w.layers.attributions.push(Attribution {
                    content,
                    speaker: Some(speaker),
                    speaker_entity: Some(key.into()),
                    speaker_unnamed: false,
                    cue: Some(cue),
                    kind: AttributionKind::Indirect,
                    channel: None,
                    via: Vec::new(),
                    hedged: false,
                    polarity: recoupe_model::Polarity::Assert,
                    provenance: prov("attributions", "synthetic-indirect"),
                });
            }
            1 => {
                let cue = w.push("Selon");
                w.push(" ");
                let &(org, key) = rng.pick(ORGANISATIONS);
                let speaker = w.entity(org, EntityType::ORG, key);
                w.push(", ");
                let content_start = w.text.len();
                w.push("la situation serait toujours très tendue dans la région de ");
                w.place(&mut rng);
                let content = Span::new(content_start, w.text.len());
                w.push(".");
                w.layers.attributions.push(Attribution {
                    content,
                    speaker: Some(speaker),
                    speaker_entity: Some(key.into()),
                    speaker_unnamed: false,
                    cue: Some(cue),
                    kind: AttributionKind::AccordingTo,
                    channel: Some("communiqué".into()),
                    via: vec![ORGANISATIONS[3].1.into()],
                    hedged: true,
                    polarity: recoupe_model::Polarity::Assert,
                    provenance: prov("attributions", "synthetic-selon"),
                });
            }
            2 => {
                w.push("« ");
                let content = w.push("Nous ne céderons pas, l'armée restera mobilisée");
                w.push(" », a affirmé ");
                let &(person, key) = rng.pick(PEOPLE);
                let speaker = w.entity(person, EntityType::PER, key);
                w.push(".");
                w.layers.attributions.push(Attribution {
                    content,
                    speaker: Some(speaker),
                    speaker_entity: Some(key.into()),
                    speaker_unnamed: false,
                    cue: None,
                    kind: AttributionKind::Direct,
                    channel: None,
                    via: Vec::new(),
                    hedged: false,
                    polarity: recoupe_model::Polarity::Assert,
                    provenance: prov("attributions", "synthetic-direct"),
                });
            }
            3 | 4 => {
                let span_start = w.text.len();
                w.push("À ");
                w.place(&mut rng);
                w.push(", les équipes de ");
                let &(org, key) = rng.pick(ORGANISATIONS);
                w.entity(org, EntityType::ORG, key);
                w.push(" ont poursuivi leur travail auprès des habitants.");
                w.layers.unsourced.push(Unsourced {
                    span: Span::new(span_start, w.text.len()),
                    provenance: prov("attributions", "synthetic-unsourced"),
                });
            }
            _ => {
                let filler = *rng.pick(FILLERS);
                let span = w.push(filler);
                w.layers.unsourced.push(Unsourced {
                    span,
                    provenance: prov("attributions", "synthetic-unsourced"),
                });
            }
        }
        w.sentence(start);
    }
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Demo,
        path: "synthetic".into(),
        record: Some(n.to_string()),
    });
    meta.external_id = Some(format!("synthetic-{n}"));
    meta.url = Some(format!("https://example.org/depeche/{n}"));
    meta.outlet = Some((*rng.pick(OUTLETS)).to_string());
    w.finish(meta, n, title, published)
}

/// Everyday words of news copy, for the body of [`story_document`]s: drawn at random, so
/// that two articles share few word 5-grams unless one copies the other.
const GENERIC_WORDS: &[&str] = &[
    "les",
    "des",
    "une",
    "dans",
    "pour",
    "avec",
    "selon",
    "après",
    "avant",
    "depuis",
    "habitants",
    "autorités",
    "région",
    "village",
    "quartier",
    "route",
    "pont",
    "marché",
    "école",
    "hôpital",
    "police",
    "armée",
    "gouvernement",
    "ministre",
    "président",
    "opposition",
    "manifestants",
    "témoins",
    "secours",
    "bilan",
    "victimes",
    "blessés",
    "enquête",
    "procureur",
    "tribunal",
    "élections",
    "réforme",
    "budget",
    "grève",
    "syndicats",
    "accord",
    "négociations",
    "frontière",
    "réfugiés",
    "camp",
    "aide",
    "nourriture",
    "eau",
    "électricité",
    "pluies",
    "crue",
    "incendie",
    "explosion",
    "attaque",
    "assaillants",
    "véhicule",
    "nuit",
    "matin",
    "soirée",
    "semaine",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lundi",
    "mardi",
    "heures",
    "centre",
    "nord",
    "sud",
    "est",
    "ouest",
    "capitale",
    "province",
    "district",
    "commune",
    "maire",
    "gouverneur",
    "porte-parole",
    "communiqué",
    "déclaration",
    "conférence",
    "presse",
    "agence",
    "journal",
    "radio",
    "télévision",
    "réseaux",
    "sociaux",
    "vidéo",
    "images",
    "photos",
    "calme",
    "tension",
    "colère",
    "inquiétude",
    "prudence",
    "sécurité",
    "renforts",
    "patrouilles",
    "barrages",
    "contrôles",
    "arrestations",
    "suspects",
    "interpellés",
    "garde",
    "vue",
    "libérés",
    "condamnés",
    "peine",
    "prison",
    "amende",
    "appel",
    "décision",
    "mesure",
    "couvre-feu",
    "état",
    "urgence",
    "crise",
    "situation",
    "évolution",
    "lourd",
    "nouveau",
    "premier",
    "dernier",
    "grand",
    "petit",
    "local",
    "national",
    "international",
    "humanitaire",
    "sanitaire",
    "économique",
    "politique",
    "sociale",
    "longue",
    "courte",
    "difficile",
    "possible",
    "probable",
    "rapide",
    "lente",
    "forte",
    "faible",
    "ont",
    "été",
    "sont",
    "avait",
    "avaient",
    "sera",
    "seront",
    "doit",
    "devraient",
    "pourrait",
    "restent",
    "reste",
    "continue",
    "poursuit",
    "annonce",
    "affirme",
    "indique",
    "précise",
    "rapporte",
    "signale",
    "confirme",
    "dément",
    "évoque",
    "appelle",
    "demande",
];

/// Syllables of the names and rare words each story is about.
const SYLLABLES: &[&str] = &[
    "ka", "lo", "ri", "ma", "ne", "to", "vu", "sa", "di", "go", "ba", "ze", "mi", "ru", "fa", "te",
    "no", "ki", "pa", "lu", "do", "bi", "ye", "wa", "so", "ga", "ni", "ro",
];

fn coined(rng: &mut Rng, syllables: usize) -> String {
    (0..syllables).map(|_| *rng.pick(SYLLABLES)).collect()
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Articles per story in [`story_document`]: document `n` belongs to story `n / 5`;
/// a story keeps its first 1 to 5 of those (the others are single articles).
pub const STORY_SLOTS: u64 = 5;

/// Document number `n` of a corpus made of stories, for the cross-article layer's
/// benchmark: each story (documents `5s .. 5s + size`) has its own rare words, a person,
/// an organisation and a town, an event date and a death toll; its articles share those,
/// the second one copies the lead of the first, the fourth gives another toll; their
/// bodies are generic news words drawn at random. Entities, places, dates, quantities,
/// sentences and tokens are filled as the pipeline would; documents `n` beyond the size of
/// their story are single articles about a story of their own.
pub fn story_document(n: u64) -> Document {
    let slot = n % STORY_SLOTS;
    let mut story_rng = Rng((n / STORY_SLOTS).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x570);
    let size = 1 + story_rng.next() % STORY_SLOTS;
    let (story, member) = if slot < size {
        (n / STORY_SLOTS, slot)
    } else {
        // A story of its own: seeded apart from every grouped story.
        story_rng = Rng(n.wrapping_mul(0xD1B5_4A32_D192_ED03) ^ 0x5106);
        (u64::MAX - n, 0)
    };
    // Four syllables: some 600,000 words, so that two stories rarely share two of them.
    let vocabulary: Vec<String> = (0..24).map(|_| coined(&mut story_rng, 4)).collect();
    let person = format!(
        "{} {}",
        capitalised(&coined(&mut story_rng, 2)),
        capitalised(&coined(&mut story_rng, 3))
    );
    let organisation = format!("Front {}", capitalised(&coined(&mut story_rng, 3)));
    let town = capitalised(&coined(&mut story_rng, 3));
    let base = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default();
    let event_day = base + Duration::days((story_rng.next() % 2900) as i64);
    let toll = 3 + story_rng.next() % 60;
    let lead_words: Vec<&str> = (0..40)
        .map(|_| vocabulary[(story_rng.next() % 24) as usize].as_str())
        .collect();

    let mut rng = Rng(n.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0xB0D1);
    let published = event_day + Duration::days((member % 3) as i64);
    let mut w = Writer {
        text: String::with_capacity(3000),
        layers: Layers::default(),
    };
    let title = format!(
        "{} : {} {} à {town}",
        capitalised(&vocabulary[0]),
        vocabulary[1],
        vocabulary[2]
    );
    let headline = w.push(&title);
    w.layers.sentences.push(Sentence {
        span: headline,
        headline: true,
    });
    w.push("\n");
    let keys = [
        format!("synthetic:per-{story}"),
        format!("synthetic:org-{story}"),
        format!("synthetic:loc-{story}"),
    ];
    // The lead: the same words in the first two articles of a story (a copy).
    let start = w.text.len();
    let lead_seed = if member <= 1 { 0 } else { member };
    w.push("À ");
    let town_span = w.entity(&town, EntityType::LOC, &keys[2]);
    w.layers.places.push(Place {
        span: town_span,
        entity: keys[2].clone(),
        kb: Some(KbLink {
            kb: "synthetic".into(),
            id: keys[2].trim_start_matches("synthetic:").into(),
            name: None,
        }),
        name: town.clone(),
        country: Some("SN".into()),
        kind: PlaceKind::City,
        lat: Some(14.0 + (story % 100) as f64 / 100.0),
        lon: Some(-17.0 + (story % 37) as f64 / 100.0),
        provenance: prov("places", "synthetic"),
        evidence: Vec::new(),
    });
    w.push(", ");
    let day_text = format!(
        "le {} {}",
        event_day.format("%d"),
        MONTHS[event_day
            .format("%m")
            .to_string()
            .parse::<usize>()
            .unwrap_or(1)
            - 1]
    );
    let span = w.push(&day_text);
    w.layers.dates.push(DateMention {
        span,
        value: Some(event_day.format("%Y-%m-%d").to_string()),
        granularity: Granularity::Day,
        relative: true,
        provenance: prov("dates", "synthetic"),
    });
    w.push(", ");
    let reported = if member == 3 { toll + 7 } else { toll };
    let span = w.push(&format!("{reported} morts"));
    w.layers.quantities.push(Quantity {
        span,
        value: QuantityValue::Single(reported as f64),
        qualifier: Qualifier::Exact,
        unit: Some("morts".into()),
        provenance: prov("quantities", "synthetic"),
    });
    w.push(" selon ");
    w.entity(&organisation, EntityType::ORG, &keys[1]);
    w.push(" :");
    let mut lead_rng = Rng(story ^ (lead_seed << 32) ^ 0x1EAD);
    for (i, word) in lead_words.iter().enumerate() {
        w.push(" ");
        if i % 3 == 2 {
            w.push(rng_pick_generic(&mut lead_rng));
            w.push(" ");
        }
        w.push(word);
    }
    w.push(".");
    w.sentence(start);
    // The body: generic words with the story's words and names here and there.
    while w.text.len() < 2400 {
        let start = w.text.len();
        let words = 12 + rng.next() % 14;
        for i in 0..words {
            if i > 0 {
                w.push(" ");
            }
            match rng.next() % 10 {
                0 | 1 => {
                    let word = vocabulary[(rng.next() % 24) as usize].clone();
                    w.push(&word);
                }
                2 if i > 0 => {
                    if rng.next().is_multiple_of(2) {
                        w.entity(&person, EntityType::PER, &keys[0]);
                    } else {
                        w.entity(&town, EntityType::LOC, &keys[2]);
                    }
                }
                _ => {
                    w.push(rng_pick_generic(&mut rng));
                }
            }
        }
        w.push(".");
        w.sentence(start);
    }
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Demo,
        path: "synthetic-stories".into(),
        record: Some(n.to_string()),
    });
    meta.external_id = Some(format!("story-{n}"));
    meta.outlet = Some((*rng.pick(OUTLETS)).to_string());
    w.finish(meta, n, title, published)
}

fn rng_pick_generic(rng: &mut Rng) -> &'static str {
    let words: &'static [&'static str] = GENERIC_WORDS;
    words[(rng.next() % words.len() as u64) as usize]
}

/// Words (runs of letters and digits) and single punctuation marks.
fn tokenize(text: &str, tokens: &mut Vec<Token>) {
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            tokens.push(Token {
                span: Span::new(start, i),
                kind: TokenKind::Word,
            });
        }
        if !c.is_whitespace() {
            let kind = if c == '«' || c == '»' {
                TokenKind::Quote
            } else {
                TokenKind::Punct
            };
            tokens.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind,
            });
        }
    }
    if let Some(start) = word_start {
        tokens.push(Token {
            span: Span::new(start, text.len()),
            kind: TokenKind::Word,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{document, story_document, STORY_SLOTS};

    #[test]
    fn story_documents_share_their_story_and_are_well_formed() {
        let a = story_document(0);
        assert_eq!(a, story_document(0));
        // Story 0 has at least its first article; members of one story share the town.
        let size = (0..STORY_SLOTS)
            .take_while(|&n| {
                story_document(n)
                    .layers
                    .places
                    .iter()
                    .any(|p| p.entity == a.layers.places[0].entity)
            })
            .count();
        assert!(size >= 1);
        let other = story_document(STORY_SLOTS * 7);
        assert_ne!(other.layers.places[0].entity, a.layers.places[0].entity);
        for doc in [&a, &other] {
            assert!(doc.text.len() >= 2000);
            for span in doc
                .layers
                .entities
                .iter()
                .map(|e| e.span)
                .chain(doc.layers.quantities.iter().map(|q| q.span))
                .chain(doc.layers.tokens.iter().map(|t| t.span))
            {
                assert!(span.slice(&doc.text).is_some());
            }
        }
    }

    #[test]
    fn documents_are_deterministic_distinct_and_well_formed() {
        let a = document(7);
        assert_eq!(a, document(7));
        assert_ne!(a.id, document(8).id);
        assert!(a.text.len() >= 2900, "text is {} bytes", a.text.len());
        let l = &a.layers;
        assert!(!l.entities.is_empty() && !l.attributions.is_empty() && !l.tokens.is_empty());
        for span in l
            .entities
            .iter()
            .map(|e| e.span)
            .chain(l.sentences.iter().map(|s| s.span))
            .chain(l.tokens.iter().map(|t| t.span))
            .chain(l.attributions.iter().map(|a| a.content))
        {
            assert!(
                span.slice(&a.text).is_some(),
                "span {span:?} off char boundaries"
            );
        }
    }
}

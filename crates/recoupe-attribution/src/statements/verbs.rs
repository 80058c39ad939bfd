//! Statements made by verb cues: which cues say something (bare weak verbs need a speaker that
//! can speak, seeing is telling only for a witness, a toll with no source is the article's
//! own), the statement pushed with its kind, chain and hedged flag, and a quotation resumed
//! after its incise.

use recoupe_model::{Attribution, EntityType, Provenance};

use crate::chains::{cited_source, clean_via, inherit_via, AccordingChain};
use crate::cues::{complement_after, Tags, VerbCue};
use crate::grammar::{figure_after, span_of};
use crate::lexicon::VerbClass;
use crate::speakers::{description_head, resolve_speaker, Seen, Speaker};
use crate::words::{fold, Word, WordKind};
use crate::STAGE;

use super::clauses::comme_contrast;
use super::hedging::verb_content_hedged;
use super::quotations::kind_of;
use super::{remember, Parts, Reading, PARTICIPLE_RULE};

/// Whether the clause of a verb starting at `group_start` is an object relative: "que"
/// after a comma, then a short subject ("…, que les agriculteurs menacent de bloquer").
fn object_relative(words: &[Word], group_start: usize, floor: usize) -> bool {
    (floor..group_start).rev().take(6).any(|k| {
        matches!(words[k].folded.as_str(), "que" | "qu'")
            && k > 0
            && words[k - 1].kind == WordKind::Comma
            && words[k + 1..group_start]
                .iter()
                .all(|w| matches!(w.kind, WordKind::Word | WordKind::Elision))
    })
}

/// Where a participle's group starts once an object pronoun before it is counted ("…, la
/// qualifiant d'acte barbare", "…, les jugeant infondées"), never below `floor`.
fn participle_start(words: &[Word], group_start: usize, floor: usize) -> usize {
    match group_start.checked_sub(1) {
        Some(p)
            if p > floor
                && matches!(
                    words[p].folded.as_str(),
                    "le" | "la" | "les" | "l'" | "lui" | "leur"
                )
                && words[p - 1].kind == WordKind::Comma =>
        {
            p
        }
        _ => group_start,
    }
}

impl Reading<'_, '_> {
    pub(super) fn verb_statements(
        &self,
        cues: &[VerbCue],
        out: &mut Vec<Attribution>,
        seen: &mut Seen,
    ) {
        let words = self.words;
        // Part-of-speech tags, computed only if a cue needs them.
        let mut tags: Tags = None;
        // Where the clause of the next cue may start: just after the previous verb group.
        let mut floor = 0;
        // Where the clause of a cue that opened a relative clause between commas started.
        let mut relative_floor: Option<usize> = None;
        for cue in cues {
            // "Le ministère, qui a recensé 40 décès, a affirmé que …": right after the comma
            // closing a relative clause whose verb was a cue, the subject is the noun phrase
            // before that clause, not the relative's object.
            let subject_floor = relative_floor
                .take()
                .filter(|_| {
                    cue.group_start > 0 && words[cue.group_start - 1].kind == WordKind::Comma
                })
                .unwrap_or(floor);
            let complement = complement_after(words, cue.group_end);
            // "…, précisant que …": a present participle continues the speaker of the same
            // sentence; elsewhere ("confirmant ainsi la défaite") it is no statement.
            let participle = words[cue.verb].folded.ends_with("ant") && cue.clitic.is_none();
            // "les informations faisant état de …", "des tracts affirmant que …": a present
            // participle right after a noun phrase, with no comma, says what that noun says.
            let attached = participle
                .then(|| self.noun_before_participle(cue, floor))
                .flatten()
                .filter(|_| complement.is_some() || cue.group_end > cue.verb);
            let gerund = participle && attached.is_none();
            // "L'agence a revu ses chiffres en précisant que …": with no statement before it
            // in the sentence, a gerund says what the subject of the verb before it said.
            // "Le ministère avait interdit la manifestation, invoquant des « risques »", "Le
            // groupe a revendiqué l'attaque, affirmant avoir …": a participle after a comma
            // with its complement (or an object, for a verb of opinion) says what the subject
            // of the compound verb before it said.
            // "…, la qualifiant d'acte barbare": past an object pronoun.
            let participle_start = participle_start(words, cue.group_start, floor);
            let after_comma =
                participle_start > floor && words[participle_start - 1].kind == WordKind::Comma;
            // With no statement before it, the participle hangs on the sentence's first
            // compound verb even when a cue turned down there moved the floor past it ("Le
            // ministère a démenti, qualifiant ces accusations de …").
            let gerund_floor = if out.is_empty() { 0 } else { floor };
            let main_subject = (gerund
                && out.is_empty()
                && (complement.is_some_and(|c| c.clausal)
                    || after_comma && (complement.is_some() || cue.opinion)))
                .then(|| self.gerund_subject(participle_start, gerund_floor))
                .flatten();
            if gerund && main_subject.is_none() && (out.is_empty() || complement.is_none()) {
                continue;
            }
            let gerund = gerund && main_subject.is_none();
            let incise = !gerund
                && main_subject.is_none()
                && attached.is_none()
                && cue.agent.is_none()
                && self.is_incise(cue, complement, floor, &mut tags);
            // Verbs often not about speech ("lancer", "confirmer", "dévoiler") need a clause
            // or a quotation; opinion verbs taking an object ("considérer X comme", "appeler
            // à") count when a person or body is their subject.
            let bare = cue.weak && !incise && complement.is_none();
            if bare && !cue.opinion && cue.class != VerbClass::Witness {
                continue;
            }
            // "…, au sud de Paris, que les manifestants menacent de bloquer": a bare verb in
            // a relative clause on the noun before says nothing of its own.
            if bare && object_relative(words, cue.group_start, floor) {
                continue;
            }
            // A later verb cue in the same sentence ends this content.
            let next = cues
                .iter()
                .map(|c| c.group_start)
                .find(|&g| g > cue.group_end);
            let parts = if attached.is_some() {
                Parts {
                    speaker: attached,
                    ..self.forward_parts(cue, floor, true, next)
                }
            } else if let Some(par) = cue.agent {
                self.passive_parts(cue, floor, par, next)
            } else if incise {
                self.incise_parts(cue, floor)
            } else {
                let parts = self.forward_parts(cue, subject_floor, gerund, next);
                Parts {
                    speaker: main_subject.or(parts.speaker),
                    ..parts
                }
            };
            // "…, a rapporté l'agence X, citant le ministère": the ministry spoke, X
            // passed it on.
            let cited = if gerund || attached.is_some() || cue.agent.is_some() {
                None
            } else {
                cited_source(self.lex, self.view, words, parts.speaker)
            };
            let (parts, citer) = match cited {
                Some((source, citer)) => (
                    Parts {
                        speaker: Some(source),
                        ..parts
                    },
                    Some(citer),
                ),
                None => (parts, None),
            };
            // A bare verb turned down below leaves its clause to the next cue ("Les
            // éleveurs réclament un prix, a précisé la fédération": an incise on it).
            let clause_floor = floor;
            floor = cue.group_end + 1;
            relative_floor = (cue.group_start >= 2
                && words[cue.group_start - 1].folded == "qui"
                && words[cue.group_start - 2].kind == WordKind::Comma)
                .then_some(clause_floor);
            let Some((cfrom, cto)) = parts.content else {
                continue;
            };
            // "Le dernier bilan fait état de 92 morts": a toll with no source is the
            // article's own statement.
            if parts.speaker.is_some_and(|r| self.unsourced_toll(r)) {
                continue;
            }
            let speaker = self.verb_speaker(cue, incise, gerund, parts.speaker, out, seen);
            // "X a assuré que …, comme le rappelle le journal Y": Y relays X's statement; it
            // is the outer link of that statement's chain, not a speaker of its own.
            let (comme, contrast) = comme_contrast(words, cue);
            if comme.is_some() && contrast.is_none() {
                if let Some(last) = out.last_mut() {
                    if let Some(entity) = speaker.entity {
                        if last.speaker_entity.as_ref() != Some(&entity)
                            && !last.via.contains(&entity)
                        {
                            last.via.push(entity);
                        }
                    }
                    continue;
                }
            }
            let speaker = Speaker {
                span: if gerund && out.is_empty() {
                    None
                } else {
                    speaker.span
                },
                ..speaker
            };
            // The impersonal "on" ("peut-on lire", "l'on ajoute") names no source; "a-t-on
            // appris de sources diplomatiques" names it after "de".
            let impersonal = speaker.span.is_some_and(|sp| {
                matches!(
                    fold(&self.view.text[sp.start..sp.end]).as_str(),
                    "on" | "l'on" | "-t-on" | "-on"
                )
            });
            let source = self.learnt_from(cue).or_else(|| {
                speaker
                    .span
                    .filter(|_| impersonal)
                    .and_then(|sp| self.side_of_on(sp.start))
            });
            let speaker = match (impersonal, source) {
                (false, _) => speaker,
                (true, Some(range)) => {
                    resolve_speaker(self.lex, self.view, words, Some(range), None, seen, None)
                }
                (true, None) => continue,
            };
            // A verb that is often not about speech ("conclure", "confirmer", "appeler")
            // counts without a clause or quotation only when a named person or body, or a
            // described person ("certains experts"), is its subject.
            // So does a body described by its kind ("la police a imputé l'attaque à …",
            // "le syndicat réclame …", "la direction invoque …") that names no one before,
            // but for an act it announces ("le gouvernement a décrété des mesures"): a
            // figure it puts forward is a claim ("le syndicat revendique 900 grévistes").
            // A person by office or role ("le maire parle de 22 morts") too, and bodies
            // named in the plural ("les syndicats menacent de …"); not a group of people
            // by occupation ("les éleveurs réclament …": what they demand, not words).
            let described_person = speaker.remember.as_ref().is_some_and(|r| {
                r.unnamed
                    && r.head.as_deref().is_some_and(|h| {
                        let singular = h.strip_suffix('s').unwrap_or(h);
                        self.lex.unnamed.contains_key(h)
                            || self.lex.reporters.contains(h)
                            || self.lex.person_roles.contains(h)
                            || (cue.class != VerbClass::Announce
                                || figure_after(words, cue.group_end))
                                && [h, singular].iter().any(|b| {
                                    self.lex.institutions.contains(*b)
                                        || self.lex.organisation_roles.contains(*b)
                                })
                    })
            });
            // Seeing is telling only for a reporter or a witness.
            let witness = speaker.remember.as_ref().is_some_and(|r| {
                r.head.as_deref().is_some_and(|h| {
                    self.lex.reporters.contains(h) || matches!(h, "temoin" | "temoins")
                })
            });
            if bare && cue.class == VerbClass::Witness && !witness {
                floor = clause_floor;
                continue;
            }
            if bare && speaker.entity.is_none() && !described_person {
                floor = clause_floor;
                continue;
            }
            // "L'Insee, qui mesure le chômage": a bare verb of counting in a relative clause
            // describes its antecedent; "la France a comptabilisé 500 cas": a count needs a
            // body, not a country, as its author.
            let relative = cue.group_start > 0 && words[cue.group_start - 1].folded == "qui";
            let place = speaker
                .entity
                .as_deref()
                .is_some_and(|e| self.view.key_has_label(e, EntityType::LOC));
            if bare && cue.class == VerbClass::Report && (relative || place) {
                floor = clause_floor;
                continue;
            }
            let mut via = self.verb_chain(&parts.channel_words, &speaker, contrast.is_none());
            if let Some(citer) = citer {
                let relayer =
                    resolve_speaker(self.lex, self.view, words, Some(citer), None, seen, None);
                if let Some(e) = relayer.entity {
                    if speaker.entity.as_ref() != Some(&e)
                        && !via.contains(&e)
                        && !self.view.key_is_own_outlet(&e)
                    {
                        via.insert(0, e);
                    }
                }
            }
            let hedged = cue.class == VerbClass::Hedge
                || self.hedged
                || verb_content_hedged(words, &self.quoted, cfrom, cto, incise);
            out.push(Attribution {
                content: span_of(words, cfrom, cto),
                speaker: speaker.span,
                speaker_entity: speaker.entity.clone(),
                speaker_unnamed: speaker.unnamed,
                cue: Some(span_of(words, cue.group_start, cue.group_end)),
                kind: kind_of(words, &self.quoted, cfrom, cto),
                channel: self.channel.clone(),
                via,
                hedged,
                polarity: cue.polarity,
                provenance: Provenance::new(
                    STAGE,
                    if incise {
                        "speech-verb-incise"
                    } else if after_comma && main_subject.is_some() {
                        PARTICIPLE_RULE
                    } else {
                        "speech-verb"
                    },
                ),
            });
            // « A », a-t-il ajouté, « B »: the quotation resumed after the incise is a second
            // statement of the same speaker.
            let incise_end = parts
                .speaker
                .map_or(cue.group_end, |(_, e)| e.max(cue.group_end));
            if let Some((qfrom, qto)) = incise
                .then(|| self.resumed_quotation(incise_end, next))
                .flatten()
            {
                if let Some(first) = out.last() {
                    let resumed = Attribution {
                        content: span_of(words, qfrom, qto),
                        kind: kind_of(words, &self.quoted, qfrom, qto),
                        provenance: Provenance::new(STAGE, "speech-verb-incise-resumed"),
                        ..first.clone()
                    };
                    out.push(resumed);
                }
            }
            remember(speaker, out, seen);
        }
    }

    /// Whether a speaker phrase is a toll or count with no source inside ("le dernier
    /// bilan", "les chiffres"; not "le bilan des autorités", "les chiffres du ministère de
    /// la Santé"), outside any "selon".
    fn unsourced_toll(&self, (from, to): (usize, usize)) -> bool {
        let phrase = &self.words[from..=to];
        let toll = description_head(self.lex, phrase)
            .is_some_and(|h| self.lex.toll_nouns.contains(h.as_str()));
        toll && self.according.is_empty()
            && !phrase.iter().any(|w| {
                self.lex.institutions.contains(w.folded.as_str())
                    || self.lex.unnamed.contains_key(w.folded.as_str())
                    || self.lex.organisation_roles.contains(w.folded.as_str())
            })
            && !self
                .view
                .mentions_in(span_of(self.words, from, to))
                .any(|m| m.label != EntityType::MISC)
    }

    /// The chain of a verb statement, nearest first: outlets spoken to ("sur son compte
    /// Telegram"), links of the speaker's description, relays, then "selon X" next to the
    /// verb (last cited first); else the chain of the speaker referred back to.
    fn verb_chain(
        &self,
        channel_words: &[usize],
        speaker: &Speaker,
        with_according: bool,
    ) -> Vec<String> {
        let mut via: Vec<String> = Vec::new();
        for &k in channel_words {
            if let Some(m) = self.view.mention_starting_at(self.words[k].start) {
                if m.label == EntityType::ORG {
                    via.push(m.entity.clone());
                }
            }
        }
        via.extend(speaker.via.iter().cloned());
        via.extend(self.relays.iter().cloned());
        for AccordingChain { chain, .. } in self.according.iter().filter(|_| with_according) {
            via.extend(chain.iter().rev().cloned());
        }
        let via = clean_via(self.view, via, speaker.entity.as_deref());
        inherit_via(self.view, via, speaker)
    }
}

#[cfg(test)]
mod tests {

    use crate::testutil::{
        content, contents, contents_and_speakers, doc, found_in, pair, starting,
    };

    use recoupe_model::EntityType;

    #[test]
    fn issue13_a_participle_after_a_bare_denial_speaks_for_its_subject() {
        assert_eq!(
            contents_and_speakers(
                "La préfecture a démenti, qualifiant ces rumeurs de pure invention.",
                &[]
            ),
            vec![pair("ces rumeurs de pure invention", "La préfecture")]
        );
    }

    #[test]
    fn issue13_an_unnamed_source_cited_by_an_outlet_is_the_speaker() {
        assert_eq!(
            contents_and_speakers(
                "Trois maisons ont brûlé à Tyr, a rapporté l'agence Nour, citant une source locale.",
                &[("Nour", EntityType::ORG, "org:nour")]
            ),
            vec![pair("Trois maisons ont brûlé à Tyr", "une source locale")]
        );
    }

    #[test]
    fn issue13_a_gerund_with_que_speaks_for_the_subject_of_the_verb_before() {
        assert_eq!(
            contents_and_speakers(
                "La directrice, Anne Roy, a pris acte du vote tout en rappelant que le chantier reste à financer.\nLe comité a revu le calendrier en précisant que les travaux dureront un an.",
                &[("Anne Roy", EntityType::PER, "per:roy")]
            ),
            vec![
                pair("le chantier reste à financer", "La directrice, Anne Roy"),
                pair("les travaux dureront un an", "Le comité"),
            ]
        );
    }

    #[test]
    fn issue13_a_participle_after_et_shares_an_earlier_auxiliary() {
        let found = contents_and_speakers(
            "La brigade avait fouillé le quartier et annoncé un bilan de six morts.\nLes pillards ont brûlé les granges et emporté « tout le bétail », selon un voisin.",
            &[],
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "un bilan de six morts");
        assert_eq!(
            found[1],
            pair(
                "Les pillards ont brûlé les granges et emporté « tout le bétail",
                "un voisin"
            )
        );
    }

    #[test]
    fn issue13_a_bare_verb_in_an_object_relative_and_a_participle_in_a_source_phrase() {
        assert_eq!(
            contents_and_speakers(
                "Les rues ont été fermées près du stade, au nord de la ville, que les supporters menacent d'envahir, a indiqué la police.\nTrois bateaux ont coulé, selon des informations publiées par la capitainerie.",
                &[]
            ),
            vec![
                pair(
                    "Les rues ont été fermées près du stade, au nord de la ville, que les supporters menacent d'envahir",
                    "la police"
                ),
                pair("Trois bateaux ont coulé", "des informations"),
            ]
        );
    }

    #[test]
    fn issue13_the_communique_is_its_author_s_even_after_another_speaker() {
        let d = doc(
            "Dans un communiqué, l'Office des eaux a annoncé la coupure du réseau. « Nous sommes inquiets », a réagi le maire Paul Ronan. Selon le communiqué, la coupure durera trois jours.",
            None,
            &[
                ("Office des eaux", EntityType::ORG, "org:eaux"),
                ("Paul Ronan", EntityType::PER, "per:ronan"),
            ],
        );
        let last = d.layers.attributions.last().unwrap();
        assert_eq!(content(&d, last), "la coupure durera trois jours");
        assert_eq!(last.speaker_entity.as_deref(), Some("org:eaux"));
    }

    #[test]
    fn issue13_passive_verbs_that_say_nothing_are_not_statements() {
        let d = doc(
            "Le texte, lancé par les Jeunes verts et soutenu par le Parti du travail, a été adopté.\nDeux randonneurs ont été emportés par la crue du torrent.",
            None,
            &[("Parti du travail", EntityType::ORG, "org:pt")],
        );
        assert!(
            d.layers.attributions.is_empty(),
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(d.layers.unsourced.len(), 2);
    }

    #[test]
    fn issue13_the_reporter_as_witness() {
        let d = doc(
            "Un photographe de l'agence Nour a vu les blindés entrer dans la ville.\nLe maire a vu les dégâts mardi.",
            None,
            &[("Nour", EntityType::ORG, "org:nour")],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "les blindés entrer dans la ville");
        assert!(a.speaker_unnamed);
        assert_eq!(a.via, vec!["org:nour".to_string()]);
    }

    #[test]
    fn issue13_the_outlet_s_own_reporter_as_witness() {
        let d = doc(
            "Mardi soir, notre envoyée spéciale a vu des colonnes de camions quitter le port.",
            None,
            &[],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "des colonnes de camions quitter le port");
        assert!(a.speaker_unnamed);
        assert!(a.via.is_empty());
    }

    #[test]
    fn issue13_a_body_described_by_its_kind_blames_and_gives_reasons() {
        assert_eq!(
            contents_and_speakers(
                "La gendarmerie a imputé l'incendie à des chasseurs imprudents.\nLa direction invoque la hausse du prix de l'énergie.\nLa compagnie aérienne a présenté ses condoléances aux proches des passagers.",
                &[]
            ),
            vec![
                pair("l'incendie à des chasseurs imprudents", "La gendarmerie"),
                pair("la hausse du prix de l'énergie", "La direction"),
                pair("aux proches des passagers", "La compagnie aérienne"),
            ]
        );
        // Acts, not words: a decree, support for a bill, a claim reported in the passive.
        assert_eq!(
            contents_and_speakers(
                "Les autorités ont décrété l'état d'urgence dans trois provinces.\nLe Sénat a soutenu le projet de loi.\nL'explosion a été revendiquée par un groupe armé.",
                &[("Sénat", EntityType::ORG, "org:senat")]
            ),
            vec![]
        );
    }

    #[test]
    fn issue13_a_participle_after_a_comma_speaks_for_the_subject_of_the_compound_verb() {
        let d = doc(
            "La préfecture avait interdit le rassemblement, invoquant des « menaces sérieuses ».\nLe club a limogé son entraîneur, affirmant que les résultats étaient insuffisants.\nLe camion a percuté un mur à Lyon, tuant deux passants.",
            None,
            &[("Lyon", EntityType::LOC, "loc:lyon")],
        );
        assert_eq!(
            found_in(&d),
            vec![
                pair("menaces sérieuses", "La préfecture"),
                pair("les résultats étaient insuffisants", "Le club"),
            ]
        );
        // The main clauses are still the article's own facts.
        assert_eq!(d.layers.unsourced.len(), 3, "{:#?}", d.layers.unsourced);
    }

    #[test]
    fn issue13_the_cited_source_speaks_and_the_one_citing_it_is_its_link() {
        let d = doc(
            "Trois soldats ont été blessés, a rapporté la radio Kilima FM, citant le gouverneur Paul Amani.\nL'agence Sahara Info, citant le ministère de la Défense, affirme que la frontière est fermée.\nDes élus, citant des sources locales, évoquent une quarantaine de morts.",
            None,
            &[
                ("Kilima FM", EntityType::ORG, "org:kilima"),
                ("Paul Amani", EntityType::PER, "per:amani"),
                ("Sahara Info", EntityType::ORG, "org:sahara"),
                ("ministère de la Défense", EntityType::ORG, "org:defense"),
            ],
        );
        let all = &d.layers.attributions;
        assert_eq!(all.len(), 3, "{:#?}", found_in(&d));
        assert_eq!(all[0].speaker_entity.as_deref(), Some("per:amani"));
        assert_eq!(all[0].via, vec!["org:kilima".to_string()]);
        assert_eq!(all[1].speaker_entity.as_deref(), Some("org:defense"));
        assert_eq!(all[1].via, vec!["org:sahara".to_string()]);
        // Sources that are not named leave the speaker phrase whole.
        assert_eq!(
            d.slice(all[2].speaker.unwrap()),
            "Des élus, citant des sources locales"
        );
    }

    #[test]
    fn issue13_figures_held_to_counts_of_a_body_and_roles_speaking_by_object() {
        assert_eq!(
            contents_and_speakers(
                "La police s'en tient à un bilan de 12 morts.\nLe syndicat parle d'un « coup dur » pour la région.\nLe maire parle de 30 disparus.\nLes syndicats menacent de prolonger la grève.",
                &[]
            ),
            vec![
                pair("un bilan de 12 morts", "La police"),
                pair("coup dur » pour la région", "Le syndicat"),
                pair("30 disparus", "Le maire"),
                pair("de prolonger la grève", "Les syndicats"),
            ]
        );
        // What a group of people by occupation demands is their act; the incise names who
        // said it.
        assert_eq!(
            contents_and_speakers(
                "Les éleveurs réclament un prix plancher, a précisé la fédération.",
                &[]
            ),
            vec![pair(
                "Les éleveurs réclament un prix plancher",
                "la fédération"
            )]
        );
    }

    #[test]
    fn issue13_published_results_and_a_count_of_a_body_are_its_words() {
        let d = doc(
            "Selon les résultats publiés par la Commission électorale, le sortant l'emporte.\nL'Agence congolaise de presse a annoncé trois morts. Un précédent bilan de l'agence faisait état de deux morts.",
            None,
            &[
                ("Commission électorale", EntityType::ORG, "org:ce"),
                ("Agence congolaise de presse", EntityType::ORG, "org:acp"),
            ],
        );
        let a = starting(&d, "le sortant l'emporte");
        assert_eq!(a.speaker_entity.as_deref(), Some("org:ce"));
        assert!(a.via.is_empty(), "{:?}", a.via);
        assert_eq!(
            starting(&d, "deux morts").speaker_entity.as_deref(),
            Some("org:acp")
        );
    }

    #[test]
    fn issue13_a_reporter_witnessing_in_the_passive_and_a_description_by_another_office() {
        assert_eq!(
            contents_and_speakers(
                "Des tirs ont été entendus dans la nuit par des journalistes de l'AFP.\nLa voiture a été vue par des passants.",
                &[("AFP", EntityType::ORG, "org:afp")]
            ),
            vec![pair(
                "Des tirs ont été entendus dans la nuit",
                "des journalistes de l'AFP"
            )]
        );
        let d = doc(
            "Le député sortant, Marc Léger, a reconnu sa défaite.\nLe dépouillement durera trois jours, d'après le directeur du scrutin.",
            None,
            &[("Marc Léger", EntityType::PER, "per:leger")],
        );
        let a = starting(&d, "Le dépouillement");
        assert!(a.speaker_unnamed && a.speaker_entity.is_none(), "{a:#?}");
    }

    #[test]
    fn issue13_a_body_claiming_a_figure_speaks_but_not_when_it_decrees_a_length() {
        let d = doc(
            "Le collectif revendique pour sa part 4 500 marcheurs.\nLe gouvernement a décrété deux jours de deuil national.",
            None,
            &[],
        );
        let found = contents(&d);
        assert!(found.contains(&"4 500 marcheurs".to_string()), "{found:?}");
        assert!(!found.iter().any(|c| c.contains("deuil")), "{found:?}");
    }

    #[test]
    fn issue13_fearing_is_a_statement_of_who_fears() {
        assert_eq!(
            contents_and_speakers(
                "Les services de secours redoutent que le nombre de victimes augmente encore.\nLe syndicat redoute une vague de licenciements.",
                &[]
            ),
            vec![
                pair(
                    "le nombre de victimes augmente encore",
                    "Les services de secours"
                ),
                pair("une vague de licenciements", "Le syndicat"),
            ]
        );
    }
}

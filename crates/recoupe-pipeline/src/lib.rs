//! The recoupe pipeline: an ordered list of [`Stage`]s whose requirements are checked
//! once, when the pipeline is built, rather than discovered on the first document.
//!
//! A stage declares the layers it `requires` and `provides`; [`Pipeline::new`] refuses
//! an order in which a stage needs a layer that no earlier stage provides, or in which
//! two stages provide the same layer. Running the pipeline on a document then only
//! executes stages: French-only stages are skipped on documents identified as another
//! language (their layers are left "not produced", which eval and the JSON make visible).

use std::collections::BTreeSet;

use recoupe_model::{Document, Layer, Stage, StageError};
use serde::Deserialize;

/// Errors found when assembling a pipeline.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PipelineError {
    #[error("stage `{stage}` requires layer `{layer}`, but no earlier stage provides it (stages before it: {before})")]
    UnmetRequirement {
        stage: &'static str,
        layer: Layer,
        before: String,
    },
    #[error("layer `{layer}` is provided twice, by `{first}` and by `{second}`")]
    ProvidedTwice {
        layer: Layer,
        first: &'static str,
        second: &'static str,
    },
    #[error("unknown stage `{0}` in configuration (known stages: {1})")]
    UnknownStage(String, String),
}

/// User-facing configuration of which stages run (e.g. from a TOML/JSON file or flags).
/// Kept separate from [`Pipeline`], which holds the live stages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// Stage names to skip; their layers are reported as not produced.
    #[serde(default)]
    pub disable: Vec<String>,
}

/// The standard pipeline for French news, in order:
/// text → entities → places → dates → quantities → attributions → events.
pub fn french_news() -> Result<Pipeline, PipelineError> {
    french_news_configured(&PipelineConfig::default())
}

/// The standard pipeline without the stages `config` disables.
pub fn french_news_configured(config: &PipelineConfig) -> Result<Pipeline, PipelineError> {
    Pipeline::configured(standard_stages(), config)
}

/// The standard stages, in order.
pub fn standard_stages() -> Vec<Box<dyn Stage>> {
    vec![
        Box::new(recoupe_text::TextStage),
        Box::new(recoupe_entities::EntityStage::embedded()),
        Box::new(recoupe_entities::PlaceStage::embedded()),
        Box::new(recoupe_values::DateStage),
        Box::new(recoupe_values::QuantityStage),
        Box::new(recoupe_attribution::AttributionStage::new()),
        Box::new(recoupe_events::EventStage::new()),
    ]
}

/// An ordered, checked list of stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.stages.iter().map(|s| s.name()))
            .finish()
    }
}

impl Pipeline {
    /// Builds a pipeline, checking that every requirement is met by an earlier stage and
    /// that no layer is provided twice.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let mut provided: Vec<(Layer, &'static str)> = Vec::new();
        for stage in &stages {
            for &layer in stage.requires() {
                if !provided.iter().any(|(l, _)| *l == layer) {
                    let before: Vec<&str> = provided.iter().map(|(_, s)| *s).collect();
                    let mut before_names: Vec<&str> = Vec::new();
                    for name in before {
                        if !before_names.contains(&name) {
                            before_names.push(name);
                        }
                    }
                    return Err(PipelineError::UnmetRequirement {
                        stage: stage.name(),
                        layer,
                        before: if before_names.is_empty() {
                            "none".to_string()
                        } else {
                            before_names.join(", ")
                        },
                    });
                }
            }
            for &layer in stage.provides() {
                if let Some((_, first)) = provided.iter().find(|(l, _)| *l == layer) {
                    return Err(PipelineError::ProvidedTwice {
                        layer,
                        first,
                        second: stage.name(),
                    });
                }
                provided.push((layer, stage.name()));
            }
        }
        Ok(Pipeline { stages })
    }

    /// Builds a pipeline from `stages`, leaving out the ones the configuration disables.
    /// Disabling a stage others depend on is reported as an unmet requirement.
    pub fn configured(
        stages: Vec<Box<dyn Stage>>,
        config: &PipelineConfig,
    ) -> Result<Pipeline, PipelineError> {
        let known: Vec<&'static str> = stages.iter().map(|s| s.name()).collect();
        for name in &config.disable {
            if !known.contains(&name.as_str()) {
                return Err(PipelineError::UnknownStage(name.clone(), known.join(", ")));
            }
        }
        let kept = stages
            .into_iter()
            .filter(|s| !config.disable.iter().any(|d| d == s.name()))
            .collect();
        Pipeline::new(kept)
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Every layer this pipeline can produce on a French document.
    pub fn layers(&self) -> BTreeSet<Layer> {
        self.stages
            .iter()
            .flat_map(|s| s.provides().iter().copied())
            .collect()
    }

    /// Runs every stage on `doc`. French-only stages are skipped for documents in another
    /// language; a stage whose requirement was skipped is skipped too.
    pub fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let french = doc.is_french();
        for stage in &self.stages {
            if stage.french_only() && !french {
                continue;
            }
            if stage.requires().iter().any(|l| !doc.has(*l)) {
                continue;
            }
            stage.run(doc)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recoupe_model::{Language, Metadata, Origin, OriginKind, Sentence, Span};

    /// A real (if tiny) stage: one sentence per line.
    struct LineSentences;
    impl Stage for LineSentences {
        fn name(&self) -> &'static str {
            "lines"
        }
        fn requires(&self) -> &'static [Layer] {
            &[]
        }
        fn provides(&self) -> &'static [Layer] {
            &[Layer::Sentences]
        }
        fn french_only(&self) -> bool {
            false
        }
        fn run(&self, doc: &mut Document) -> Result<(), StageError> {
            let mut start = 0;
            for line in doc.text.split_inclusive('\n') {
                let end = start + line.trim_end().len();
                if end > start {
                    doc.layers.sentences.push(Sentence {
                        span: Span::new(start, end),
                        headline: false,
                    });
                }
                start += line.len();
            }
            doc.mark_produced(Layer::Sentences);
            Ok(())
        }
    }

    /// Counts sentences into events, to exercise requirements; French only.
    struct NeedsSentences;
    impl Stage for NeedsSentences {
        fn name(&self) -> &'static str {
            "needs-sentences"
        }
        fn requires(&self) -> &'static [Layer] {
            &[Layer::Sentences]
        }
        fn provides(&self) -> &'static [Layer] {
            &[Layer::Events]
        }
        fn run(&self, doc: &mut Document) -> Result<(), StageError> {
            doc.mark_produced(Layer::Events);
            Ok(())
        }
    }

    fn doc(text: &str, lang: &str) -> Document {
        let mut meta = Metadata::new(Origin {
            kind: OriginKind::Text,
            path: "t.txt".into(),
            record: None,
        });
        meta.language = Some(Language {
            code: lang.into(),
            confidence: 1.0,
        });
        Document::new(text.to_string(), meta)
    }

    #[test]
    fn refuses_a_stage_before_its_requirement() {
        let err =
            Pipeline::new(vec![Box::new(NeedsSentences), Box::new(LineSentences)]).unwrap_err();
        assert_eq!(
            err,
            PipelineError::UnmetRequirement {
                stage: "needs-sentences",
                layer: Layer::Sentences,
                before: "none".into()
            }
        );
        assert!(err.to_string().contains("requires layer `sentences`"));
    }

    #[test]
    fn refuses_a_layer_provided_twice() {
        let err =
            Pipeline::new(vec![Box::new(LineSentences), Box::new(LineSentences)]).unwrap_err();
        assert!(matches!(err, PipelineError::ProvidedTwice { .. }));
    }

    #[test]
    fn runs_in_order_and_skips_french_only_stages_for_other_languages() {
        let pipeline =
            Pipeline::new(vec![Box::new(LineSentences), Box::new(NeedsSentences)]).unwrap();
        let mut fr = doc("Une ligne.\nDeux lignes.", "fr");
        pipeline.run(&mut fr).unwrap();
        assert_eq!(fr.layers.sentences.len(), 2);
        assert!(fr.has(Layer::Events));

        let mut en = doc("One line.", "en");
        pipeline.run(&mut en).unwrap();
        assert!(en.has(Layer::Sentences));
        assert!(!en.has(Layer::Events), "French-only stage ran on English");
    }

    #[test]
    fn config_disables_stages_and_rejects_unknown_names() {
        let stages =
            || -> Vec<Box<dyn Stage>> { vec![Box::new(LineSentences), Box::new(NeedsSentences)] };
        let config = PipelineConfig {
            disable: vec!["needs-sentences".into()],
        };
        let p = Pipeline::configured(stages(), &config).unwrap();
        assert_eq!(p.stage_names(), vec!["lines"]);
        let bad = PipelineConfig {
            disable: vec!["nope".into()],
        };
        assert!(matches!(
            Pipeline::configured(stages(), &bad),
            Err(PipelineError::UnknownStage(..))
        ));
        let broken = PipelineConfig {
            disable: vec!["lines".into()],
        };
        assert!(matches!(
            Pipeline::configured(stages(), &broken),
            Err(PipelineError::UnmetRequirement { .. })
        ));
    }
}

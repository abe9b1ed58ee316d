//! Regimens, label facts and the evidence behind the dose warnings, from
//! `data/regimens.json` (embedded at build time, parsed once).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

const REGIMENS_JSON: &str = include_str!("../../data/regimens.json");

pub use crate::sources::Source;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub citation: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelDose {
    pub mg_per_kg: f64,
    pub every_weeks: u32,
    pub sources: Vec<Source>,
}

/// A place where the sources disagree, shown rather than resolved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    pub topic: String,
    pub text: String,
    pub sources: Vec<Source>,
}

/// A dose-level preset for the mg/kg input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    pub mg_per_kg: f64,
    /// The label dose (20 mg/kg, given every 3 weeks).
    pub label_dose: bool,
    /// Trials that used this dose level, with their intervals.
    pub used_in: String,
    pub sources: Vec<Source>,
}

/// Default vial presentation (editable).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VialPresentation {
    pub vial_mg: f64,
    pub volume_ml: f64,
    pub concentration_mg_per_ml: f64,
    pub editable: bool,
    pub note: String,
    pub sources: Vec<Source>,
}

/// An administration note shown with every result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelNote {
    pub code: String,
    pub text: String,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Label {
    pub dose: LabelDose,
    pub disagreements: Vec<Disagreement>,
    pub presets: Vec<Preset>,
    pub vial: VialPresentation,
    pub notes: Vec<LabelNote>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeightRange {
    pub min: f64,
    pub max: f64,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MaximumToleratedDose {
    pub mg_per_kg: f64,
    pub every_weeks: u32,
    pub dose_limiting_mg_per_kg: f64,
    pub sources: Vec<Source>,
}

/// Figures the warnings rest on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub population_pk_weight_kg: WeightRange,
    pub maximum_tolerated_dose: MaximumToleratedDose,
}

/// Ivonescimab dose levels a trial gave at one interval (`every_weeks` is `None` when the
/// source does not state the interval).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IvonescimabDosing {
    pub mg_per_kg: Vec<f64>,
    pub every_weeks: Option<u32>,
    pub trial: String,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trial {
    pub name: String,
    /// Registry id exactly as printed in the source (may hold the source's typo).
    pub registry_id: Option<String>,
}

/// How a partner drug is dosed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoseBasis {
    /// mg/m² x BSA.
    MgPerM2,
    /// Calvert: AUC x (GFR + 25).
    CarboplatinAuc,
    /// mg/kg x weight.
    MgPerKg,
}

/// A chemotherapy or antibody partner of ivonescimab in a regimen. A dose field that is
/// `None` under its basis means the sources do not give it: the user types it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    /// Drug name, lower case; also the key for a user-typed dose.
    pub drug: String,
    pub basis: DoseBasis,
    pub mg_per_m2: Option<f64>,
    pub carboplatin_auc: Option<f64>,
    pub mg_per_kg: Option<f64>,
    /// Days of the cycle it is given on, when stated.
    pub days: Option<Vec<u32>>,
    /// Cycle length in days, when stated.
    pub cycle_days: Option<u32>,
    /// Partners sharing a group are alternatives (one of them is given).
    pub choice_group: Option<String>,
    pub note: Option<String>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Regimen {
    /// Stable, link-safe id (`regimen=` parameter).
    pub id: String,
    pub name: String,
    pub tumour: String,
    pub setting: String,
    pub trials: Vec<Trial>,
    /// Ivonescimab doses as the trials used them (empty when the sources do not give them).
    pub ivonescimab: Vec<IvonescimabDosing>,
    pub partners: Vec<Partner>,
    /// Disagreements, typos and gaps in the sources for this regimen.
    pub notes: Vec<String>,
    pub sources: Vec<Source>,
}

/// Everything in `data/regimens.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DosingData {
    pub documents: Vec<Document>,
    pub label: Label,
    pub evidence: Evidence,
    /// Dose level and interval pairs the trials used.
    pub trial_doses: Vec<IvonescimabDosing>,
    pub regimens: Vec<Regimen>,
}

/// Parses the embedded data file.
pub fn parse_dosing_data(json: &str) -> Result<DosingData, serde_json::Error> {
    serde_json::from_str(json)
}

/// The embedded dosing data, parsed on first use. The file is part of the build and its
/// parsing is tested (`embedded_data_parses`), so a failure here is a build defect, not
/// something input can reach.
pub fn dosing_data() -> &'static DosingData {
    static DATA: OnceLock<DosingData> = OnceLock::new();
    DATA.get_or_init(|| {
        parse_dosing_data(REGIMENS_JSON).expect("data/regimens.json is valid (tested)")
    })
}

/// All regimens, in display order (the first is ivonescimab alone).
pub fn regimens() -> &'static [Regimen] {
    &dosing_data().regimens
}

/// The regimen with this id.
pub fn regimen(id: &str) -> Option<&'static Regimen> {
    regimens().iter().find(|r| r.id == id)
}

/// Id of the default regimen (ivonescimab alone).
pub const DEFAULT_REGIMEN_ID: &str = "ivo";

/// Label facts: dose, presets, vial, administration notes, disagreements.
pub fn label() -> &'static Label {
    &dosing_data().label
}

/// Whether a trial in the sources gave `mg_per_kg` every `every_weeks` weeks.
pub fn trials_using(mg_per_kg: f64, every_weeks: u32) -> Vec<&'static IvonescimabDosing> {
    dosing_data()
        .trial_doses
        .iter()
        .filter(|t| {
            t.every_weeks == Some(every_weeks)
                && t.mg_per_kg
                    .iter()
                    .any(|level| (level - mg_per_kg).abs() <= 1e-9 * level.max(1.0))
        })
        .collect()
}

/// Citation of a document id.
pub fn document_citation(id: &str) -> Option<&'static str> {
    dosing_data()
        .documents
        .iter()
        .find(|d| d.id == id)
        .map(|d| d.citation.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn embedded_data_parses() {
        let data = parse_dosing_data(REGIMENS_JSON).expect("parses");
        assert!(!data.regimens.is_empty());
        assert_eq!(data.regimens[0].id, DEFAULT_REGIMEN_ID);
    }

    fn all_sources(data: &DosingData) -> Vec<&Source> {
        let mut out: Vec<&Source> = Vec::new();
        out.extend(&data.label.dose.sources);
        for d in &data.label.disagreements {
            out.extend(&d.sources);
        }
        for p in &data.label.presets {
            out.extend(&p.sources);
        }
        out.extend(&data.label.vial.sources);
        for n in &data.label.notes {
            out.extend(&n.sources);
        }
        out.extend(&data.evidence.population_pk_weight_kg.sources);
        out.extend(&data.evidence.maximum_tolerated_dose.sources);
        for t in &data.trial_doses {
            out.extend(&t.sources);
        }
        for r in &data.regimens {
            out.extend(&r.sources);
            for i in &r.ivonescimab {
                out.extend(&i.sources);
            }
            for p in &r.partners {
                out.extend(&p.sources);
            }
        }
        out
    }

    #[test]
    fn every_source_names_a_known_document_and_a_section() {
        let data = dosing_data();
        let ids: HashSet<&str> = data.documents.iter().map(|d| d.id.as_str()).collect();
        for source in all_sources(data) {
            assert!(ids.contains(&*source.document), "{source:?}");
            assert!(!source.section.trim().is_empty(), "{source:?}");
            // The seeds are stored: a figure from them is quoted as printed.
            if source.document.starts_with("seed-") {
                assert!(
                    source.as_printed.as_deref().is_some_and(|t| !t.is_empty()),
                    "{source:?}"
                );
            }
        }
    }

    #[test]
    fn every_regimen_and_partner_has_a_source() {
        for r in regimens() {
            assert!(!r.sources.is_empty(), "{}", r.id);
            assert!(!r.trials.is_empty(), "{}", r.id);
            for i in &r.ivonescimab {
                assert!(!i.sources.is_empty(), "{}", r.id);
            }
            for p in &r.partners {
                assert!(!p.sources.is_empty(), "{} {}", r.id, p.drug);
            }
        }
    }

    #[test]
    fn ids_are_unique_and_link_safe() {
        let mut seen = HashSet::new();
        for r in regimens() {
            assert!(seen.insert(r.id.as_str()), "duplicate id {}", r.id);
            assert!(!r.id.is_empty() && r.id.len() <= 24, "{}", r.id);
            assert!(
                r.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                r.id
            );
            assert!(!r.id.starts_with('-') && !r.id.ends_with('-'), "{}", r.id);
            let mut drugs = HashSet::new();
            for p in &r.partners {
                assert!(drugs.insert(p.drug.as_str()), "{} {}", r.id, p.drug);
                assert!(
                    p.drug
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{}",
                    p.drug
                );
            }
        }
    }

    fn positive(value: f64) -> bool {
        value.is_finite() && value > 0.0
    }

    #[test]
    fn doses_are_positive_and_match_their_basis() {
        let data = dosing_data();
        assert!(positive(data.label.dose.mg_per_kg));
        assert!(positive(data.label.vial.vial_mg));
        assert!(positive(data.label.vial.concentration_mg_per_ml));
        // 100 mg / 10 mL = 10 mg/mL
        assert!(
            (data.label.vial.vial_mg / data.label.vial.volume_ml
                - data.label.vial.concentration_mg_per_ml)
                .abs()
                < 1e-12
        );
        for t in &data.trial_doses {
            assert!(t.mg_per_kg.iter().all(|&d| positive(d)));
            assert!(matches!(t.every_weeks, Some(2) | Some(3)));
        }
        for r in regimens() {
            for i in &r.ivonescimab {
                assert!(!i.mg_per_kg.is_empty() && i.mg_per_kg.iter().all(|&d| positive(d)));
            }
            for p in &r.partners {
                for value in [p.mg_per_m2, p.carboplatin_auc, p.mg_per_kg]
                    .into_iter()
                    .flatten()
                {
                    assert!(positive(value), "{} {}", r.id, p.drug);
                }
                // Only the field of its basis may be filled.
                match p.basis {
                    DoseBasis::MgPerM2 => {
                        assert!(p.carboplatin_auc.is_none() && p.mg_per_kg.is_none())
                    }
                    DoseBasis::CarboplatinAuc => {
                        assert!(p.drug == "carboplatin");
                        assert!(p.mg_per_m2.is_none() && p.mg_per_kg.is_none())
                    }
                    DoseBasis::MgPerKg => {
                        assert!(p.mg_per_m2.is_none() && p.carboplatin_auc.is_none())
                    }
                }
                if let (Some(days), Some(cycle)) = (&p.days, p.cycle_days) {
                    assert!(days.iter().all(|&d| d >= 1 && d <= cycle));
                }
            }
        }
    }

    #[test]
    fn figures_as_the_sources_give_them() {
        // Label: 20 mg/kg every 3 weeks (seed 001, Dose and Administration).
        let l = label();
        assert_eq!((l.dose.mg_per_kg, l.dose.every_weeks), (20.0, 3));
        // The every-2-weeks statement in seed 001 'Clinical Trials' is surfaced.
        assert!(l
            .disagreements
            .iter()
            .any(|d| d.sources.iter().any(|s| s.as_printed.as_deref()
                == Some("The dose was determined to be 20 mg/kg every 2 weeks from this trial."))));
        let presets: Vec<f64> = l.presets.iter().map(|p| p.mg_per_kg).collect();
        assert_eq!(presets, vec![3.0, 10.0, 20.0, 30.0]);
        assert_eq!(l.presets.iter().filter(|p| p.label_dose).count(), 1);
        assert_eq!((l.vial.vial_mg, l.vial.volume_ml), (100.0, 10.0));
        assert_eq!(l.vial.sources[0].document, "china-label");
        let e = &dosing_data().evidence;
        assert_eq!(
            (e.population_pk_weight_kg.min, e.population_pk_weight_kg.max),
            (31.0, 155.0)
        );
        assert_eq!(e.maximum_tolerated_dose.mg_per_kg, 20.0);
        assert_eq!(e.maximum_tolerated_dose.dose_limiting_mg_per_kg, 30.0);

        let partner = |id: &str, drug: &str| {
            regimen(id)
                .and_then(|r| r.partners.iter().find(|p| p.drug == drug))
                .cloned()
                .unwrap_or_else(|| panic!("{id} {drug}"))
        };
        assert_eq!(
            partner("ivo-pem-carbo", "pemetrexed").mg_per_m2,
            Some(500.0)
        );
        assert_eq!(
            partner("ivo-pem-carbo", "carboplatin").carboplatin_auc,
            Some(5.0)
        );
        assert_eq!(
            partner("ivo-pac-carbo", "paclitaxel").mg_per_m2,
            Some(175.0)
        );
        assert_eq!(
            partner("ivo-pac-carbo", "carboplatin").carboplatin_auc,
            Some(5.0)
        );
        assert_eq!(partner("ivo-doce", "docetaxel").mg_per_m2, Some(75.0));
        let pac = partner("ivo-taxane-tnbc", "paclitaxel");
        assert_eq!(pac.mg_per_m2, Some(90.0));
        assert_eq!((pac.days, pac.cycle_days), (Some(vec![1, 8, 15]), Some(28)));
        assert_eq!(
            partner("ivo-taxane-tnbc", "nab-paclitaxel").mg_per_m2,
            Some(100.0)
        );
        assert_eq!(partner("ivo-ligu", "ligufalimab").mg_per_kg, Some(45.0));
        // Doses the sources do not give stay empty: never a default.
        assert_eq!(partner("ivo-etop-carbo", "etoposide").mg_per_m2, None);
        assert_eq!(
            partner("ivo-etop-carbo", "carboplatin").carboplatin_auc,
            None
        );
        assert_eq!(partner("ivo-gem-cis", "gemcitabine").mg_per_m2, None);
        assert_eq!(partner("ivo-gem-cis", "cisplatin").mg_per_m2, None);
        for drug in ["oxaliplatin", "irinotecan", "leucovorin", "fluorouracil"] {
            assert_eq!(partner("ivo-folfoxiri", drug).mg_per_m2, None);
        }
        // TNBC ivonescimab 20 mg/kg every 2 weeks.
        let tnbc = regimen("ivo-taxane-tnbc").expect("tnbc");
        assert_eq!(tnbc.ivonescimab[0].mg_per_kg, vec![20.0]);
        assert_eq!(tnbc.ivonescimab[0].every_weeks, Some(2));
    }

    #[test]
    fn trial_dose_lookup() {
        // Phase Ia every 2 weeks: 0.3 to 30 mg/kg.
        for level in [0.3, 1.0, 3.0, 10.0, 20.0, 30.0] {
            assert!(!trials_using(level, 2).is_empty(), "{level} Q2W");
        }
        // Every 3 weeks: 3 (SCLC), 10, 20, 30.
        for level in [3.0, 10.0, 20.0, 30.0] {
            assert!(!trials_using(level, 3).is_empty(), "{level} Q3W");
        }
        assert!(trials_using(0.3, 3).is_empty());
        assert!(trials_using(15.0, 3).is_empty());
        assert!(trials_using(25.0, 2).is_empty());
    }
}

//! The data types of `data/regimens.json`: regimens, label facts and the evidence behind the
//! dose warnings.
//!
//! Shared with the build script (`build.rs` compiles this file as a module), which reads the
//! file with these types and writes it as a Rust static (see [`super::regimens`]). Strings and
//! lists are `Cow`s: read from JSON they are owned; the static borrows `'static` data, so the
//! app carries the data as data, not as code that builds it. Texts a reader sees are English
//! here; their Chinese (`<field>_zh` in the file) is in the translation pack
//! (`crate::i18n::translated`).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::sources::Source;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelDose {
    pub mg_per_kg: f64,
    pub every_weeks: u32,
    pub sources: Cow<'static, [Source]>,
}

/// A place where the sources disagree, shown rather than resolved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disagreement {
    pub topic: Cow<'static, str>,
    pub text: Cow<'static, str>,
    pub sources: Cow<'static, [Source]>,
}

/// A dose-level preset for the mg/kg input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub mg_per_kg: f64,
    /// The label dose (20 mg/kg, given every 3 weeks).
    pub label_dose: bool,
    /// Trials that used this dose level, with their intervals.
    pub used_in: Cow<'static, str>,
    pub sources: Cow<'static, [Source]>,
}

/// Default vial presentation (editable).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VialPresentation {
    pub vial_mg: f64,
    pub volume_ml: f64,
    pub concentration_mg_per_ml: f64,
    pub editable: bool,
    pub note: Cow<'static, str>,
    pub sources: Cow<'static, [Source]>,
}

/// An administration note shown with every result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelNote {
    pub code: Cow<'static, str>,
    pub text: Cow<'static, str>,
    pub sources: Cow<'static, [Source]>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub dose: LabelDose,
    pub disagreements: Cow<'static, [Disagreement]>,
    pub presets: Cow<'static, [Preset]>,
    pub vial: VialPresentation,
    pub notes: Cow<'static, [LabelNote]>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightRange {
    pub min: f64,
    pub max: f64,
    pub sources: Cow<'static, [Source]>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaximumToleratedDose {
    pub mg_per_kg: f64,
    pub every_weeks: u32,
    pub dose_limiting_mg_per_kg: f64,
    pub sources: Cow<'static, [Source]>,
}

/// Figures the warnings rest on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub population_pk_weight_kg: WeightRange,
    pub maximum_tolerated_dose: MaximumToleratedDose,
}

/// Ivonescimab dose levels a trial gave at one interval (`every_weeks` is `None` when the
/// source does not state the interval).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IvonescimabDosing {
    pub mg_per_kg: Cow<'static, [f64]>,
    pub every_weeks: Option<u32>,
    /// The trial, described or by its registry id.
    pub trial: Cow<'static, str>,
    pub sources: Cow<'static, [Source]>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trial {
    /// The trial described (phase, setting, its name in the sources).
    pub name: Cow<'static, str>,
    /// Registry id exactly as printed in the source (may hold the source's typo).
    pub registry_id: Option<Cow<'static, str>>,
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
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Drug name, lower case; also the key for a user-typed dose.
    pub drug: Cow<'static, str>,
    pub basis: DoseBasis,
    pub mg_per_m2: Option<f64>,
    pub carboplatin_auc: Option<f64>,
    pub mg_per_kg: Option<f64>,
    /// Days of the cycle it is given on, when stated.
    pub days: Option<Cow<'static, [u32]>>,
    /// Cycle length in days, when stated.
    pub cycle_days: Option<u32>,
    /// Partners sharing a group are alternatives (one of them is given).
    pub choice_group: Option<Cow<'static, str>>,
    pub note: Option<Cow<'static, str>>,
    pub sources: Cow<'static, [Source]>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regimen {
    /// Stable, link-safe id (`regimen=` parameter).
    pub id: Cow<'static, str>,
    pub name: Cow<'static, str>,
    pub tumour: Cow<'static, str>,
    pub setting: Cow<'static, str>,
    pub trials: Cow<'static, [Trial]>,
    /// Ivonescimab doses as the trials used them (empty when the sources do not give them).
    pub ivonescimab: Cow<'static, [IvonescimabDosing]>,
    pub partners: Cow<'static, [Partner]>,
    /// Disagreements, typos and gaps in the sources for this regimen.
    pub notes: Cow<'static, [Cow<'static, str>]>,
    pub sources: Cow<'static, [Source]>,
}

/// Everything in `data/regimens.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DosingData {
    pub label: Label,
    pub evidence: Evidence,
    /// Dose level and interval pairs the trials used.
    pub trial_doses: Cow<'static, [IvonescimabDosing]>,
    pub regimens: Cow<'static, [Regimen]>,
}

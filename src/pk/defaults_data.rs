//! The data types of `data/pk_defaults.json`: the sourced inputs of the default PK model.
//!
//! Shared with the build script (`build.rs` compiles this file as a module), which reads the
//! file with these types and writes it as a Rust static (see [`super::defaults::sources`]).
//! Strings and lists are `Cow`s: read from JSON they are owned; the static borrows `'static`
//! data. Notes are English here; their Chinese (`note_zh` in the file) is in the translation
//! pack (`crate::i18n::translated`).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::sources::Source;

/// A number with its unit, the places it comes from and, where it was derived or assumed
/// rather than read, how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedValue {
    pub value: f64,
    pub unit: Cow<'static, str>,
    /// Empty for a choice of the app (its default weight, population size).
    pub sources: Cow<'static, [Source]>,
    #[serde(default)]
    pub note: Option<Cow<'static, str>>,
}

/// The sourced inputs of the default model (data/pk_defaults.json).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PkSources {
    pub description: Cow<'static, str>,
    pub clearance_first_dose_l_per_day: SourcedValue,
    pub clearance_steady_state_l_per_day: SourcedValue,
    pub central_volume_l: SourcedValue,
    pub intercompartmental_clearance_l_per_day: SourcedValue,
    pub clearance_hill: SourcedValue,
    pub terminal_half_life_at_clss_days: SourcedValue,
    /// The terminal half-life Vallathol et al. 2025 report ("around 7 days"): compared with the
    /// model's half-life at CL0, not an input.
    pub terminal_half_life_reported_days: SourcedValue,
    pub steady_state_trough_fraction: SourcedValue,
    pub steady_state_day: SourcedValue,
    pub calibration_dose_mg_per_kg: SourcedValue,
    pub calibration_interval_days: SourcedValue,
    pub weight_kg: SourcedValue,
    pub infusion_hours: SourcedValue,
    pub allometric_exponent_clearance: SourcedValue,
    pub allometric_exponent_volume: SourcedValue,
    pub cv_clearance_percent: SourcedValue,
    pub cv_central_volume_percent: SourcedValue,
    pub patients: SourcedValue,
    pub ic50_pd1_signalling_nm: SourcedValue,
    pub ic50_vegf_signalling_nm: SourcedValue,
    pub molecular_weight_kda: SourcedValue,
}

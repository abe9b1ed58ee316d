//! What the dose calculation takes ([`DoseRequest`]) and the inputs as it used them
//! ([`UsedInputs`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::formulas::{BsaFormula, RoundingTolerance};
use super::units::{CreatinineUnit, HeightUnit, Sex, WeightUnit};

/// Which body weight goes into Cockcroft-Gault.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CrclWeight {
    /// Actual body weight (default).
    #[default]
    Actual,
    /// Adjusted body weight, IBW + 0.4 x (actual - IBW), at most the actual weight; used only
    /// when BMI >= 25.
    Adjusted,
}

impl CrclWeight {
    pub fn code(self) -> &'static str {
        match self {
            CrclWeight::Actual => "actual",
            CrclWeight::Adjusted => "adjusted",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "actual" => Some(CrclWeight::Actual),
            "adjusted" => Some(CrclWeight::Adjusted),
            _ => None,
        }
    }
}

pub use crate::inputs::Confirmation;

/// Everything the dose view can take. Absent values take the defaults named on each field;
/// every numeric value is checked by `calculate` against the dose view's input table
/// (`crate::inputs::dose`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DoseRequest {
    /// Body weight in `weight_unit`.
    pub weight: Option<f64>,
    pub weight_unit: WeightUnit,
    /// Ivonescimab mg/kg; absent: the label dose, 20 mg/kg.
    pub mg_per_kg: Option<f64>,
    /// Interval in weeks, 2 or 3; absent: the label interval, 3.
    pub every_weeks: Option<f64>,
    /// Height in `height_unit`.
    pub height: Option<f64>,
    pub height_unit: HeightUnit,
    pub age_years: Option<f64>,
    pub sex: Option<Sex>,
    /// Serum creatinine in `creatinine_unit`.
    pub serum_creatinine: Option<f64>,
    pub creatinine_unit: CreatinineUnit,
    /// The lowest serum creatinine (mg/dL) put into Cockcroft-Gault; None: as measured.
    pub creatinine_floor_mg_per_dl: Option<f64>,
    /// A measured GFR, mL/min: used in Calvert instead of the Cockcroft-Gault estimate.
    pub measured_gfr_ml_min: Option<f64>,
    /// Regimen id; absent: `ivo` (ivonescimab alone).
    pub regimen: Option<String>,
    /// Carboplatin target AUC, mg/mL·min; absent: the regimen's AUC where the sources give
    /// one, otherwise none (the user must enter it).
    pub carboplatin_auc: Option<f64>,
    /// Vial content, mg; with `concentration_mg_per_ml` or neither (then the label's).
    pub vial_mg: Option<f64>,
    pub concentration_mg_per_ml: Option<f64>,
    /// The ivonescimab dose as ordered, mg, to verify against the calculation.
    pub ordered_mg: Option<f64>,
    pub rounding: RoundingTolerance,
    pub bsa_formula: BsaFormula,
    pub crcl_weight: CrclWeight,
    /// mg/m² typed by the user, by partner drug name (as in the regimen). Required for
    /// partners whose dose the sources do not give; overrides the source's figure otherwise.
    pub partner_mg_per_m2: BTreeMap<String, f64>,
    /// Values confirmed on the page.
    pub confirmed: Vec<Confirmation>,
}

impl DoseRequest {
    /// Whether `field` was confirmed at `value` (base unit).
    pub fn is_confirmed(&self, field: &str, value: f64) -> bool {
        crate::inputs::is_confirmed(&self.confirmed, field, value)
    }
}

/// Where an input value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueOrigin {
    Entered,
    /// The label default (data/regimens.json `label`).
    LabelDefault,
    /// The chosen regimen's figure from the sources.
    Regimen,
}

/// The inputs as used: converted to the calculation units, with defaults filled in.
/// A field is `None` when absent or unusable.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UsedInputs {
    pub weight: Option<f64>,
    pub weight_unit: WeightUnit,
    pub mg_per_kg: Option<f64>,
    pub mg_per_kg_origin: Option<ValueOrigin>,
    pub every_weeks: Option<u32>,
    pub every_weeks_origin: Option<ValueOrigin>,
    pub height: Option<f64>,
    pub height_unit: HeightUnit,
    pub age_years: Option<f64>,
    pub sex: Option<Sex>,
    pub serum_creatinine: Option<f64>,
    pub creatinine_unit: CreatinineUnit,
    pub serum_creatinine_mg_per_dl: Option<f64>,
    pub creatinine_floor_mg_per_dl: Option<f64>,
    pub measured_gfr_ml_min: Option<f64>,
    pub regimen_id: Option<String>,
    pub regimen_name: Option<String>,
    pub carboplatin_auc: Option<f64>,
    pub carboplatin_auc_origin: Option<ValueOrigin>,
    pub vial_mg: Option<f64>,
    pub concentration_mg_per_ml: Option<f64>,
    pub vial_origin: Option<ValueOrigin>,
    pub ordered_mg: Option<f64>,
    pub rounding: RoundingTolerance,
    pub bsa_formula: BsaFormula,
    pub crcl_weight: CrclWeight,
}

//! The dose view's single entry point: [`calculate`] turns a [`DoseRequest`] into a
//! [`DoseReport`] whose results are each present or absent independently of the others.
//!
//! Warnings (valid input outside the evidence; `Warning::code`):
//! - `weight-outside-pk-range`: weight below 31 or above 155 kg (population PK range, seed 000
//!   'Pharmacokinetics').
//! - `weight-implausible`: weight below 20 kg or above 300 kg.
//! - `weight-may-be-pounds`: unit kg, weight above 155 kg, and the same number read as pounds
//!   lies within 31-155 kg (155 < value <= 341.7).
//! - `weight-may-be-kilograms`: unit lb, the weight converts to under 31 kg, and the same
//!   number read as kilograms lies within 31-155 kg (31 <= value < 68.3 lb).
//! - `dose-above-mtd`: mg/kg above 20 (maximum tolerated dose 20 mg/kg every 2 weeks,
//!   dose-limiting toxicity at 30 mg/kg, seed 001 'Pharmacology and Adverse Events').
//! - `dose-schedule-untested`: the mg/kg and interval pair is not one the sources report a
//!   trial using (`trial_doses` in data/regimens.json).
//! - `regimen-dose-differs`: the chosen regimen's trials gave ivonescimab at other doses or
//!   intervals.
//! - `height-implausible`: height below 120 cm or above 230 cm.
//! - `age-under-18`: Cockcroft-Gault was derived in adults.
//! - `scr-implausible`: serum creatinine below 0.2 or above 15 mg/dL (with a hint when the
//!   number looks like it was entered in the other unit).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::formulas::{
    self, fmt_num, BsaFormula, CalvertDose, RoundingTolerance, VialRounding,
    ADJUSTED_BODY_WEIGHT_BMI_THRESHOLD,
};
use super::input::{
    self, FieldError, InputRange, AGE_YEARS, CARBOPLATIN_AUC, CONCENTRATION_MG_PER_ML, HEIGHT_CM,
    MG_PER_KG, PARTNER_MG_PER_M2, SERUM_CREATININE_MG_PER_DL, VIAL_MG, WEIGHT_KG,
};
use super::regimens::{
    self, dosing_data, DoseBasis, LabelNote, Partner, Regimen, DEFAULT_REGIMEN_ID,
};
use super::units::{
    CreatinineUnit, HeightUnit, Sex, WeightUnit, KG_PER_LB, UMOL_PER_L_PER_MG_PER_DL,
};
use crate::sources::Source;

/// Weight below which, or above which, a weight is flagged as implausible, kg.
pub const IMPLAUSIBLE_WEIGHT_BELOW_KG: f64 = 20.0;
pub const IMPLAUSIBLE_WEIGHT_ABOVE_KG: f64 = 300.0;
/// Heights outside this range (cm) are flagged as implausible.
pub const IMPLAUSIBLE_HEIGHT_BELOW_CM: f64 = 120.0;
pub const IMPLAUSIBLE_HEIGHT_ABOVE_CM: f64 = 230.0;
/// Serum creatinine outside this range (mg/dL) is flagged as implausible.
pub const IMPLAUSIBLE_SCR_BELOW_MG_PER_DL: f64 = 0.2;
pub const IMPLAUSIBLE_SCR_ABOVE_MG_PER_DL: f64 = 15.0;

/// Which body weight goes into Cockcroft-Gault.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CrclWeight {
    /// Actual body weight (default).
    #[default]
    Actual,
    /// Adjusted body weight, IBW + 0.4 x (actual - IBW); offered when BMI >= 25.
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

/// Everything the dose view can take. Absent values take the defaults named on each
/// field; every numeric value is checked by [`calculate`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DoseRequest {
    /// Body weight in `weight_unit` (`weight`).
    pub weight: Option<f64>,
    pub weight_unit: WeightUnit,
    /// Ivonescimab mg/kg (`mgkg`); absent: the label dose, 20 mg/kg.
    pub mg_per_kg: Option<f64>,
    /// Interval in weeks, 2 or 3 (`every`); absent: the label interval, 3.
    pub every_weeks: Option<f64>,
    /// Height in `height_unit` (`height`).
    pub height: Option<f64>,
    pub height_unit: HeightUnit,
    /// Age, years (`age`).
    pub age_years: Option<f64>,
    pub sex: Option<Sex>,
    /// Serum creatinine in `creatinine_unit` (`scr`).
    pub serum_creatinine: Option<f64>,
    pub creatinine_unit: CreatinineUnit,
    /// Regimen id (`regimen`); absent: `ivo` (ivonescimab alone).
    pub regimen: Option<String>,
    /// Carboplatin target AUC, mg/mL·min (`auc`); absent: the regimen's AUC where the
    /// sources give one, otherwise none (the user must enter it).
    pub carboplatin_auc: Option<f64>,
    /// Vial content, mg (`vial`); absent: the label presentation, 100 mg.
    pub vial_mg: Option<f64>,
    /// Concentration, mg/mL (`conc`); absent: the label presentation, 10 mg/mL.
    pub concentration_mg_per_ml: Option<f64>,
    pub rounding: RoundingTolerance,
    pub bsa_formula: BsaFormula,
    pub crcl_weight: CrclWeight,
    /// mg/m² typed by the user, by partner drug name (as in the regimen). Required for
    /// partners whose dose the sources do not give; overrides the source's figure otherwise.
    pub partner_mg_per_m2: BTreeMap<String, f64>,
}

/// A valid input outside the evidence, or unlikely.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable kebab-case code (`data-code`).
    pub code: String,
    /// The field it concerns (link parameter name).
    pub field: String,
    pub message: String,
    /// Where the threshold comes from; empty for plausibility checks of our own.
    pub sources: Vec<Source>,
}

/// Something the reader should know about how a result was obtained.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub code: String,
    pub message: String,
}

/// Why a result is absent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Missing {
    /// Result name as in [`DoseReport`] (`dose_mg`, `bsa_m2`, `crcl_ml_min`, ...).
    pub result: String,
    pub reason: String,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    pub regimen_id: Option<String>,
    pub regimen_name: Option<String>,
    pub carboplatin_auc: Option<f64>,
    pub carboplatin_auc_origin: Option<ValueOrigin>,
    pub vial_mg: Option<f64>,
    pub concentration_mg_per_ml: Option<f64>,
    pub vial_origin: Option<ValueOrigin>,
    pub rounding: RoundingTolerance,
    pub bsa_formula: BsaFormula,
    pub crcl_weight: CrclWeight,
}

/// A partner drug's dose for this patient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerDose {
    /// Drug name (`data-drug`).
    pub drug: String,
    pub basis: DoseBasis,
    /// mg/m² used (mg/m² basis), from the source or typed.
    pub mg_per_m2: Option<f64>,
    /// Target AUC used (carboplatin).
    pub carboplatin_auc: Option<f64>,
    /// mg/kg used (mg/kg basis).
    pub mg_per_kg: Option<f64>,
    /// Where the per-unit figure came from (`entered` or `regimen`).
    pub origin: Option<ValueOrigin>,
    /// The dose, mg (`partner-mg`); `None` with `missing` saying why.
    pub mg: Option<f64>,
    pub missing: Option<String>,
    pub days: Option<Vec<u32>>,
    pub cycle_days: Option<u32>,
    pub choice_group: Option<String>,
    pub note: Option<String>,
    pub sources: Vec<Source>,
}

/// Everything the dose view shows. Each result is independent: an absent or bad input
/// hides only the results that need it (see `missing`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DoseReport {
    pub inputs: UsedInputs,
    /// `weight-kg`.
    pub weight_kg: Option<f64>,
    /// `dose-mg`: ivonescimab dose as ordered, mg/kg x kg.
    pub dose_mg: Option<f64>,
    /// Rounding to whole vials (present whenever `dose_mg` is, also when off).
    pub rounding: Option<VialRounding>,
    /// `dose-final-mg`: after any rounding chosen.
    pub dose_final_mg: Option<f64>,
    /// mg/kg actually given: dose_final_mg / weight_kg.
    pub mg_per_kg_given: Option<f64>,
    /// `vials`: vials to open for the final dose.
    pub vials: Option<u32>,
    /// `volume-ml`: volume to draw for the final dose.
    pub volume_ml: Option<f64>,
    /// `waste-mg`: vials x vial mg - final dose.
    pub waste_mg: Option<f64>,
    pub height_cm: Option<f64>,
    /// `bsa-m2`, by `inputs.bsa_formula`.
    pub bsa_m2: Option<f64>,
    pub bmi_kg_m2: Option<f64>,
    pub ideal_body_weight_kg: Option<f64>,
    pub adjusted_body_weight_kg: Option<f64>,
    /// BMI >= 25: the UI offers adjusted body weight for Cockcroft-Gault.
    pub adjusted_body_weight_offered: bool,
    /// Weight that went into Cockcroft-Gault, kg.
    pub crcl_weight_kg: Option<f64>,
    /// `crcl-mlmin`: Cockcroft-Gault creatinine clearance.
    pub crcl_ml_min: Option<f64>,
    /// Calvert details (present with `carboplatin_mg`).
    pub carboplatin: Option<CalvertDose>,
    /// `carboplatin-mg`.
    pub carboplatin_mg: Option<f64>,
    /// `partner-mg`, one per partner of the chosen regimen (carboplatin included).
    pub partners: Vec<PartnerDose>,
    /// `error` elements, by field.
    pub errors: Vec<FieldError>,
    /// `warning` elements.
    pub warnings: Vec<Warning>,
    pub notes: Vec<Note>,
    pub missing: Vec<Missing>,
    /// Administration notes from the label, shown with every result.
    pub label_notes: Vec<LabelNote>,
}

impl DoseReport {
    fn note(&mut self, code: &str, message: String) {
        self.notes.push(Note {
            code: code.to_string(),
            message,
        });
    }
    fn warn(&mut self, code: &str, field: &str, message: String, sources: Vec<Source>) {
        self.warnings.push(Warning {
            code: code.to_string(),
            field: field.to_string(),
            message,
            sources,
        });
    }
    fn missing(&mut self, result: &str, reason: &str) {
        self.missing.push(Missing {
            result: result.to_string(),
            reason: reason.to_string(),
        });
    }
    /// The error for a field, if any.
    pub fn error_for(&self, field: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == field)
    }
    /// Whether a warning with this code was raised.
    pub fn has_warning(&self, code: &str) -> bool {
        self.warnings.iter().any(|w| w.code == code)
    }
    /// Whether a note with this code was added.
    pub fn has_note(&self, code: &str) -> bool {
        self.notes.iter().any(|n| n.code == code)
    }
}

/// Checks an optional value already converted to the range's unit.
fn checked(
    report: &mut DoseReport,
    range: &InputRange,
    field: &str,
    value: Option<f64>,
    converted: impl Fn(f64) -> f64,
) -> Option<f64> {
    let raw = value?;
    let mut value = converted(raw);
    if raw.is_finite() && !value.is_finite() {
        // A finite entry whose conversion overflows is out of range, not "not a number".
        value = f64::MAX;
    }
    match range.check(field, value, &fmt_entered(raw)) {
        Ok(v) => Some(v),
        Err(e) => {
            report.errors.push(e);
            None
        }
    }
}

fn fmt_entered(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        "not a number".to_string()
    }
}

/// Computes every result the inputs allow. Never panics; every number in the report is
/// finite.
pub fn calculate(request: &DoseRequest) -> DoseReport {
    let data = dosing_data();
    let label = &data.label;
    let mut report = DoseReport {
        label_notes: label.notes.to_vec(),
        ..DoseReport::default()
    };

    // ---- Inputs ----
    let weight_kg = checked(&mut report, &WEIGHT_KG, "weight", request.weight, |w| {
        request.weight_unit.to_kg(w)
    });
    let (mg_per_kg, mg_per_kg_origin) = match request.mg_per_kg {
        Some(v) => (
            checked(&mut report, &MG_PER_KG, "mgkg", Some(v), |x| x),
            Some(ValueOrigin::Entered),
        ),
        None => (Some(label.dose.mg_per_kg), Some(ValueOrigin::LabelDefault)),
    };
    let (every_weeks, every_weeks_origin) = match request.every_weeks {
        Some(v) => match input::check_every_weeks(v) {
            Ok(weeks) => (Some(weeks), Some(ValueOrigin::Entered)),
            Err(e) => {
                report.errors.push(e);
                (None, Some(ValueOrigin::Entered))
            }
        },
        None => (
            Some(label.dose.every_weeks),
            Some(ValueOrigin::LabelDefault),
        ),
    };
    let height_cm = checked(&mut report, &HEIGHT_CM, "height", request.height, |h| {
        request.height_unit.to_cm(h)
    });
    let age_years = checked(&mut report, &AGE_YEARS, "age", request.age_years, |a| a);
    let scr_mg_per_dl = checked(
        &mut report,
        &SERUM_CREATININE_MG_PER_DL,
        "scr",
        request.serum_creatinine,
        |s| request.creatinine_unit.to_mg_per_dl(s),
    );
    let entered_auc = checked(
        &mut report,
        &CARBOPLATIN_AUC,
        "auc",
        request.carboplatin_auc,
        |a| a,
    );
    let (vial_mg, concentration_mg_per_ml, vial_origin) =
        match (request.vial_mg, request.concentration_mg_per_ml) {
            (None, None) => (
                Some(label.vial.vial_mg),
                Some(label.vial.concentration_mg_per_ml),
                ValueOrigin::LabelDefault,
            ),
            (vial, conc) => (
                match vial {
                    Some(_) => checked(&mut report, &VIAL_MG, "vial", vial, |v| v),
                    None => Some(label.vial.vial_mg),
                },
                match conc {
                    Some(_) => checked(&mut report, &CONCENTRATION_MG_PER_ML, "conc", conc, |c| c),
                    None => Some(label.vial.concentration_mg_per_ml),
                },
                ValueOrigin::Entered,
            ),
        };
    let regimen_id = request.regimen.as_deref().unwrap_or(DEFAULT_REGIMEN_ID);
    let regimen = regimens::regimen(regimen_id);
    if regimen.is_none() {
        let known: Vec<&str> = regimens::regimens().iter().map(|r| r.id.as_ref()).collect();
        report.errors.push(input::unknown(
            "regimen",
            "Regimen",
            regimen_id,
            &format!("one of {}", known.join(", ")),
        ));
    }
    let regimen_auc = regimen.and_then(|r| {
        r.partners
            .iter()
            .find(|p| p.basis == DoseBasis::CarboplatinAuc)
            .and_then(|p| p.carboplatin_auc)
    });
    let (carboplatin_auc, carboplatin_auc_origin) = match (request.carboplatin_auc, entered_auc) {
        (Some(_), Some(auc)) => (Some(auc), Some(ValueOrigin::Entered)),
        (Some(_), None) => (None, Some(ValueOrigin::Entered)),
        (None, _) => (regimen_auc, regimen_auc.map(|_| ValueOrigin::Regimen)),
    };

    report.inputs = UsedInputs {
        weight: weight_kg.and(request.weight),
        weight_unit: request.weight_unit,
        mg_per_kg,
        mg_per_kg_origin,
        every_weeks,
        every_weeks_origin,
        height: height_cm.and(request.height),
        height_unit: request.height_unit,
        age_years,
        sex: request.sex,
        serum_creatinine: scr_mg_per_dl.and(request.serum_creatinine),
        creatinine_unit: request.creatinine_unit,
        serum_creatinine_mg_per_dl: scr_mg_per_dl,
        regimen_id: regimen.map(|r| r.id.to_string()),
        regimen_name: regimen.map(|r| r.name.to_string()),
        carboplatin_auc,
        carboplatin_auc_origin,
        vial_mg,
        concentration_mg_per_ml,
        vial_origin: Some(vial_origin),
        rounding: request.rounding,
        bsa_formula: request.bsa_formula,
        crcl_weight: request.crcl_weight,
    };
    report.weight_kg = weight_kg;
    report.height_cm = height_cm;

    // ---- Warnings on valid inputs ----
    if let Some(w) = weight_kg {
        weight_warnings(&mut report, request, w);
    }
    if let Some(dose) = mg_per_kg {
        dose_warnings(&mut report, dose, every_weeks, regimen);
    }
    if let Some(h) = height_cm {
        if !(IMPLAUSIBLE_HEIGHT_BELOW_CM..=IMPLAUSIBLE_HEIGHT_ABOVE_CM).contains(&h) {
            report.warn(
                "height-implausible",
                "height",
                format!(
                    "Height {} cm is unusual for an adult (outside {IMPLAUSIBLE_HEIGHT_BELOW_CM}-\
                     {IMPLAUSIBLE_HEIGHT_ABOVE_CM} cm): check the value and its unit.",
                    fmt_num(h)
                ),
                Vec::new(),
            );
        }
    }
    if let Some(age) = age_years {
        if age < 18.0 {
            report.warn(
                "age-under-18",
                "age",
                format!(
                    "Age {} years: the Cockcroft-Gault equation was derived in adults.",
                    fmt_num(age)
                ),
                Vec::new(),
            );
        }
    }
    if let Some(scr) = scr_mg_per_dl {
        scr_warnings(&mut report, request.creatinine_unit, scr);
    }

    // ---- Ivonescimab ----
    ivonescimab_results(
        &mut report,
        weight_kg,
        mg_per_kg,
        vial_mg,
        concentration_mg_per_ml,
        request.rounding,
    );

    // ---- Body size ----
    match (height_cm, weight_kg) {
        (Some(h), Some(w)) => {
            report.bsa_m2 = Some(formulas::bsa_m2(request.bsa_formula, h, w));
            let bmi = formulas::bmi_kg_per_m2(w, h);
            report.bmi_kg_m2 = Some(bmi);
            report.adjusted_body_weight_offered = bmi >= ADJUSTED_BODY_WEIGHT_BMI_THRESHOLD;
            if let Some(sex) = request.sex {
                let ibw = formulas::ideal_body_weight_devine_kg(h, sex);
                if ibw > 0.0 {
                    report.ideal_body_weight_kg = Some(ibw);
                    report.adjusted_body_weight_kg =
                        Some(formulas::adjusted_body_weight_kg(w, ibw));
                    if h < 60.0 * super::units::CM_PER_INCH {
                        report.note(
                            "ibw-below-60-in",
                            "Height under 60 in (152.4 cm): the Devine ideal body weight is \
                             extrapolated below its range."
                                .to_string(),
                        );
                    }
                } else {
                    report.missing(
                        "ideal_body_weight_kg",
                        "the Devine formula gives no positive ideal body weight at this height",
                    );
                }
            } else {
                report.missing("ideal_body_weight_kg", "needs sex");
            }
            if report.adjusted_body_weight_offered {
                report.note(
                    "adjusted-weight-offered",
                    format!(
                        "BMI {} kg/m² (>= 25): adjusted body weight may be chosen for \
                         Cockcroft-Gault.",
                        fmt_num(bmi)
                    ),
                );
            }
        }
        (h, w) => {
            let reason = needs(&[("height", h.is_some()), ("weight", w.is_some())]);
            report.missing("bsa_m2", &reason);
            report.missing("bmi_kg_m2", &reason);
        }
    }

    // ---- Renal function ----
    renal_results(&mut report, request, weight_kg, age_years, scr_mg_per_dl);

    // ---- Partners ----
    if let Some(regimen) = regimen {
        partner_results(&mut report, request, regimen, weight_kg, carboplatin_auc);
    }
    report
}

fn needs(inputs: &[(&str, bool)]) -> String {
    let absent: Vec<&str> = inputs
        .iter()
        .filter(|(_, present)| !present)
        .map(|(name, _)| *name)
        .collect();
    format!("needs a usable {}", absent.join(", "))
}

fn weight_warnings(report: &mut DoseReport, request: &DoseRequest, weight_kg: f64) {
    let evidence = &dosing_data().evidence.population_pk_weight_kg;
    if weight_kg < evidence.min || weight_kg > evidence.max {
        report.warn(
            "weight-outside-pk-range",
            "weight",
            format!(
                "Weight {} kg is outside the {}-{} kg range of the population pharmacokinetic \
                 analysis (the review of PD-1(L1)/VEGF bispecifics, Pharmacokinetics).",
                fmt_num(weight_kg),
                evidence.min,
                evidence.max
            ),
            evidence.sources.to_vec(),
        );
    }
    if !(IMPLAUSIBLE_WEIGHT_BELOW_KG..=IMPLAUSIBLE_WEIGHT_ABOVE_KG).contains(&weight_kg) {
        report.warn(
            "weight-implausible",
            "weight",
            format!(
                "Weight {} kg is implausible for an adult (outside {IMPLAUSIBLE_WEIGHT_BELOW_KG}-\
                 {IMPLAUSIBLE_WEIGHT_ABOVE_KG} kg): check the value and its unit.",
                fmt_num(weight_kg)
            ),
            Vec::new(),
        );
    }
    let entered = request.weight.unwrap_or(weight_kg);
    let in_pk_range = |kg: f64| kg >= evidence.min && kg <= evidence.max;
    match request.weight_unit {
        WeightUnit::Kg if weight_kg > evidence.max && in_pk_range(entered * KG_PER_LB) => {
            report.warn(
                "weight-may-be-pounds",
                "weight",
                format!(
                    "{} kg may be a weight in pounds ({} lb = {} kg): check the unit.",
                    fmt_num(entered),
                    fmt_num(entered),
                    fmt_num(entered * KG_PER_LB)
                ),
                Vec::new(),
            );
        }
        WeightUnit::Lb if weight_kg < evidence.min && in_pk_range(entered) => {
            report.warn(
                "weight-may-be-kilograms",
                "weight",
                format!(
                    "{} lb ({} kg) may be a weight in kilograms: check the unit.",
                    fmt_num(entered),
                    fmt_num(weight_kg)
                ),
                Vec::new(),
            );
        }
        _ => {}
    }
}

fn dose_warnings(
    report: &mut DoseReport,
    mg_per_kg: f64,
    every_weeks: Option<u32>,
    regimen: Option<&Regimen>,
) {
    let mtd = &dosing_data().evidence.maximum_tolerated_dose;
    if mg_per_kg > mtd.mg_per_kg + 1e-9 {
        report.warn(
            "dose-above-mtd",
            "mgkg",
            format!(
                "{} mg/kg is above the maximum tolerated dose, {} mg/kg every {} weeks; \
                 dose-limiting toxicities were observed at {} mg/kg (Vallathol et al. 2025, \
                 Pharmacology and Adverse Events of Ivonescimab).",
                fmt_num(mg_per_kg),
                mtd.mg_per_kg,
                mtd.every_weeks,
                mtd.dose_limiting_mg_per_kg
            ),
            mtd.sources.to_vec(),
        );
    }
    let Some(every) = every_weeks else {
        return;
    };
    if regimens::trials_using(mg_per_kg, every).is_empty() {
        let sources: Vec<Source> = dosing_data()
            .trial_doses
            .iter()
            .flat_map(|t| t.sources.iter().cloned())
            .collect();
        report.warn(
            "dose-schedule-untested",
            "mgkg",
            format!(
                "No trial in the sources gave {} mg/kg every {every} weeks. Trials gave {}.",
                fmt_num(mg_per_kg),
                trial_dose_summary()
            ),
            sources,
        );
    }
    if let Some(regimen) = regimen {
        if regimen.ivonescimab.is_empty() {
            report.note(
                "regimen-ivonescimab-dose-not-stated",
                format!(
                    "The sources do not give the ivonescimab dose used in {}; the dose shown \
                     uses {} mg/kg every {every} weeks.",
                    regimen.name,
                    fmt_num(mg_per_kg)
                ),
            );
            return;
        }
        let level_matches = |levels: &[f64]| {
            levels
                .iter()
                .any(|level| (level - mg_per_kg).abs() <= 1e-9 * level.max(1.0))
        };
        let matches_stated = regimen
            .ivonescimab
            .iter()
            .any(|d| d.every_weeks == Some(every) && level_matches(&d.mg_per_kg));
        let matches_unstated = regimen
            .ivonescimab
            .iter()
            .any(|d| d.every_weeks.is_none() && level_matches(&d.mg_per_kg));
        let used: Vec<String> = regimen
            .ivonescimab
            .iter()
            .map(|d| {
                let levels: Vec<String> = d.mg_per_kg.iter().map(|l| fmt_num(*l)).collect();
                match d.every_weeks {
                    Some(w) => format!(
                        "{} mg/kg every {w} weeks ({})",
                        levels.join(" or "),
                        d.trial
                    ),
                    None => format!(
                        "{} mg/kg, interval not stated ({})",
                        levels.join(" or "),
                        d.trial
                    ),
                }
            })
            .collect();
        if !matches_stated && !matches_unstated {
            report.warn(
                "regimen-dose-differs",
                "mgkg",
                format!(
                    "{} mg/kg every {every} weeks differs from the ivonescimab dosing used with {}: {}.",
                    fmt_num(mg_per_kg),
                    regimen.name,
                    used.join("; ")
                ),
                regimen
                    .ivonescimab
                    .iter()
                    .flat_map(|d| d.sources.iter().cloned())
                    .collect(),
            );
        } else if !matches_stated {
            report.note(
                "regimen-interval-not-stated",
                format!(
                    "The sources give the ivonescimab dose with {} without its interval: {}.",
                    regimen.name,
                    used.join("; ")
                ),
            );
        }
    }
}

/// "every 2 weeks: 0.3, 1, ... mg/kg; every 3 weeks: ..." from `trial_doses`.
fn trial_dose_summary() -> String {
    let mut parts = Vec::new();
    for weeks in input::DOSING_INTERVALS_WEEKS {
        let mut levels: Vec<f64> = dosing_data()
            .trial_doses
            .iter()
            .filter(|t| t.every_weeks == Some(weeks))
            .flat_map(|t| t.mg_per_kg.iter().copied())
            .collect();
        levels.sort_by(f64::total_cmp);
        levels.dedup();
        let levels: Vec<String> = levels.into_iter().map(fmt_num).collect();
        parts.push(format!("every {weeks} weeks: {} mg/kg", levels.join(", ")));
    }
    parts.join("; ")
}

fn scr_warnings(report: &mut DoseReport, unit: CreatinineUnit, scr_mg_per_dl: f64) {
    if (IMPLAUSIBLE_SCR_BELOW_MG_PER_DL..=IMPLAUSIBLE_SCR_ABOVE_MG_PER_DL).contains(&scr_mg_per_dl)
    {
        return;
    }
    let hint = match unit {
        CreatinineUnit::MgDl if scr_mg_per_dl > IMPLAUSIBLE_SCR_ABOVE_MG_PER_DL => {
            " If it was measured in µmol/L, choose that unit."
        }
        CreatinineUnit::Umol if scr_mg_per_dl < IMPLAUSIBLE_SCR_BELOW_MG_PER_DL => {
            " If it was measured in mg/dL, choose that unit."
        }
        _ => "",
    };
    report.warn(
        "scr-implausible",
        "scr",
        format!(
            "Serum creatinine {} mg/dL ({} µmol/L) is outside {IMPLAUSIBLE_SCR_BELOW_MG_PER_DL}-\
             {IMPLAUSIBLE_SCR_ABOVE_MG_PER_DL} mg/dL: check the value.{hint}",
            fmt_num(scr_mg_per_dl),
            fmt_num(scr_mg_per_dl * UMOL_PER_L_PER_MG_PER_DL)
        ),
        Vec::new(),
    );
}

fn ivonescimab_results(
    report: &mut DoseReport,
    weight_kg: Option<f64>,
    mg_per_kg: Option<f64>,
    vial_mg: Option<f64>,
    concentration_mg_per_ml: Option<f64>,
    rounding: RoundingTolerance,
) {
    let (Some(w), Some(d)) = (weight_kg, mg_per_kg) else {
        let reason = needs(&[
            ("weight", weight_kg.is_some()),
            ("mgkg", mg_per_kg.is_some()),
        ]);
        for result in ["dose_mg", "dose_final_mg", "vials", "volume_ml", "waste_mg"] {
            report.missing(result, &reason);
        }
        return;
    };
    let ordered = formulas::dose_mg(d, w);
    report.dose_mg = Some(ordered);
    let Some(vial) = vial_mg else {
        // Without a vial size there is no rounding: the ordered dose is final.
        report.dose_final_mg = Some(ordered);
        report.mg_per_kg_given = Some(ordered / w);
        report.missing("vials", "needs a usable vial");
        report.missing("waste_mg", "needs a usable vial");
        if let Some(c) = concentration_mg_per_ml {
            report.volume_ml = Some(formulas::volume_to_draw_ml(ordered, c));
        } else {
            report.missing("volume_ml", "needs a usable conc");
        }
        return;
    };
    let r = formulas::round_to_whole_vials(ordered, vial, rounding);
    if rounding != RoundingTolerance::Off {
        let code = if r.final_dose_mg != ordered {
            "rounded-to-whole-vials"
        } else if r.within_tolerance {
            "already-whole-vials"
        } else {
            "rounding-outside-tolerance"
        };
        report.note(code, r.statement.clone());
    }
    let final_mg = r.final_dose_mg;
    report.rounding = Some(r);
    report.dose_final_mg = Some(final_mg);
    report.mg_per_kg_given = Some(final_mg / w);
    report.vials = Some(formulas::vials_to_open(final_mg, vial));
    report.waste_mg = Some(formulas::waste_mg(final_mg, vial));
    match concentration_mg_per_ml {
        Some(c) => report.volume_ml = Some(formulas::volume_to_draw_ml(final_mg, c)),
        None => report.missing("volume_ml", "needs a usable conc"),
    }
}

fn renal_results(
    report: &mut DoseReport,
    request: &DoseRequest,
    weight_kg: Option<f64>,
    age_years: Option<f64>,
    scr_mg_per_dl: Option<f64>,
) {
    let crcl_weight_kg = match (request.crcl_weight, weight_kg) {
        (CrclWeight::Actual, Some(w)) => {
            report.note(
                "crcl-weight",
                format!(
                    "Cockcroft-Gault uses actual body weight, {} kg.",
                    fmt_num(w)
                ),
            );
            Some(w)
        }
        (CrclWeight::Adjusted, Some(_)) => match report.adjusted_body_weight_kg {
            Some(adjusted) => {
                let ibw = report.ideal_body_weight_kg.unwrap_or(adjusted);
                report.note(
                    "crcl-weight",
                    format!(
                        "Cockcroft-Gault uses adjusted body weight, {} kg = IBW {} + 0.4 x \
                         (actual - IBW).",
                        fmt_num(adjusted),
                        fmt_num(ibw)
                    ),
                );
                if !report.adjusted_body_weight_offered {
                    report.note(
                        "adjusted-weight-bmi-below-25",
                        "Adjusted body weight was chosen although BMI is under 25 kg/m²."
                            .to_string(),
                    );
                }
                Some(adjusted)
            }
            None => {
                report.missing(
                    "crcl_ml_min",
                    "adjusted body weight needs a usable height and sex",
                );
                None
            }
        },
        (_, None) => None,
    };
    report.crcl_weight_kg = crcl_weight_kg;
    match (age_years, request.sex, crcl_weight_kg, scr_mg_per_dl) {
        (Some(age), Some(sex), Some(w), Some(scr)) => {
            report.crcl_ml_min = Some(formulas::creatinine_clearance_cockcroft_gault_ml_min(
                age, w, scr, sex,
            ));
        }
        (age, sex, w, scr) => {
            if !report.missing.iter().any(|m| m.result == "crcl_ml_min") {
                let reason = needs(&[
                    ("age", age.is_some()),
                    ("sex", sex.is_some()),
                    ("weight", w.is_some()),
                    ("scr", scr.is_some()),
                ]);
                report.missing("crcl_ml_min", &reason);
            }
        }
    }
}

fn partner_results(
    report: &mut DoseReport,
    request: &DoseRequest,
    regimen: &Regimen,
    weight_kg: Option<f64>,
    carboplatin_auc: Option<f64>,
) {
    for drug in request.partner_mg_per_m2.keys() {
        let is_bsa_partner = regimen
            .partners
            .iter()
            .any(|p| &p.drug == drug && p.basis == DoseBasis::MgPerM2);
        if !is_bsa_partner {
            report.note(
                "partner-dose-ignored",
                format!(
                    "A mg/m² was entered for {drug}, which is not a mg/m² partner in {}; it \
                     was not used.",
                    regimen.name
                ),
            );
        }
    }
    let mut groups_noted: Vec<&str> = Vec::new();
    for partner in regimen.partners.iter() {
        let dose = partner_dose(report, request, partner, weight_kg, carboplatin_auc);
        if let Some(group) = partner.choice_group.as_deref() {
            if !groups_noted.contains(&group) {
                groups_noted.push(group);
                let names: Vec<&str> = regimen
                    .partners
                    .iter()
                    .filter(|p| p.choice_group.as_deref() == Some(group))
                    .map(|p| p.drug.as_ref())
                    .collect();
                report.note(
                    "partner-alternatives",
                    format!("One of {} is given, not both.", names.join(" or ")),
                );
            }
        }
        report.partners.push(dose);
    }
}

fn partner_dose(
    report: &mut DoseReport,
    request: &DoseRequest,
    partner: &Partner,
    weight_kg: Option<f64>,
    carboplatin_auc: Option<f64>,
) -> PartnerDose {
    let mut dose = PartnerDose {
        drug: partner.drug.to_string(),
        basis: partner.basis,
        mg_per_m2: None,
        carboplatin_auc: None,
        mg_per_kg: None,
        origin: None,
        mg: None,
        missing: None,
        days: partner.days.as_deref().map(<[u32]>::to_vec),
        cycle_days: partner.cycle_days,
        choice_group: partner.choice_group.as_deref().map(String::from),
        note: partner.note.as_deref().map(String::from),
        sources: partner.sources.to_vec(),
    };
    match partner.basis {
        DoseBasis::MgPerM2 => {
            let field = format!("m2.{}", partner.drug);
            let entered = request
                .partner_mg_per_m2
                .get(partner.drug.as_ref())
                .copied();
            let mg_per_m2 = match (entered, partner.mg_per_m2) {
                (Some(value), source_value) => {
                    match PARTNER_MG_PER_M2.check(&field, value, &fmt_entered(value)) {
                        Ok(v) => {
                            dose.origin = Some(ValueOrigin::Entered);
                            if let Some(s) = source_value {
                                if (s - v).abs() > 1e-9 {
                                    report.note(
                                        "partner-dose-differs-from-source",
                                        format!(
                                            "{}: {} mg/m² entered; the source gives {} mg/m².",
                                            partner.drug,
                                            fmt_num(v),
                                            fmt_num(s)
                                        ),
                                    );
                                }
                            }
                            Some(v)
                        }
                        Err(mut e) => {
                            e.message = format!("{}: {}", partner.drug, e.message);
                            report.errors.push(e);
                            dose.missing = Some("the mg/m² entered cannot be used".to_string());
                            None
                        }
                    }
                }
                (None, Some(s)) => {
                    dose.origin = Some(ValueOrigin::Regimen);
                    Some(s)
                }
                (None, None) => {
                    dose.missing = Some(
                        "the sources do not give this dose: enter the mg/m² as ordered".to_string(),
                    );
                    report.note(
                        "partner-dose-not-in-sources",
                        format!(
                            "{}: the sources do not give its dose; enter the mg/m² as ordered.",
                            partner.drug
                        ),
                    );
                    None
                }
            };
            dose.mg_per_m2 = mg_per_m2;
            if let Some(m2) = mg_per_m2 {
                match report.bsa_m2 {
                    Some(bsa) => dose.mg = Some(formulas::dose_by_bsa_mg(m2, bsa)),
                    None => dose.missing = Some("needs BSA (height and weight)".to_string()),
                }
            }
        }
        DoseBasis::MgPerKg => {
            dose.mg_per_kg = partner.mg_per_kg;
            dose.origin = partner.mg_per_kg.map(|_| ValueOrigin::Regimen);
            match (partner.mg_per_kg, weight_kg) {
                (Some(per_kg), Some(w)) => dose.mg = Some(per_kg * w),
                (None, _) => dose.missing = Some("the sources do not give this dose".to_string()),
                (_, None) => dose.missing = Some("needs a usable weight".to_string()),
            }
        }
        DoseBasis::CarboplatinAuc => {
            dose.carboplatin_auc = carboplatin_auc;
            dose.origin = report.inputs.carboplatin_auc_origin;
            match (carboplatin_auc, report.crcl_ml_min) {
                (Some(auc), Some(crcl)) => {
                    let calvert = formulas::carboplatin_calvert(auc, crcl);
                    report.note(
                        "calvert-gfr",
                        format!(
                            "Calvert uses the Cockcroft-Gault creatinine clearance, {} mL/min, \
                             as the GFR.",
                            fmt_num(crcl)
                        ),
                    );
                    if calvert.gfr_cap_applied {
                        report.note(
                            "gfr-cap-applied",
                            format!(
                                "GFR capped at 125 mL/min (estimate {} mL/min): carboplatin \
                                 {} mg = AUC {} x (125 + 25).",
                                fmt_num(crcl),
                                fmt_num(calvert.dose_mg),
                                fmt_num(auc)
                            ),
                        );
                    }
                    dose.mg = Some(calvert.dose_mg);
                    report.carboplatin_mg = Some(calvert.dose_mg);
                    report.carboplatin = Some(calvert);
                }
                (auc, crcl) => {
                    let reason = if auc.is_none() && request.carboplatin_auc.is_none() {
                        report.note(
                            "carboplatin-auc-not-in-sources",
                            "Carboplatin: the sources do not give the target AUC for this \
                             regimen; enter it as ordered."
                                .to_string(),
                        );
                        "the sources do not give the AUC: enter it as ordered".to_string()
                    } else {
                        needs(&[
                            ("auc", auc.is_some()),
                            ("creatinine clearance", crcl.is_some()),
                        ])
                    };
                    report.missing("carboplatin_mg", &reason);
                    dose.missing = Some(reason);
                }
            }
        }
    }
    dose
}

//! What the dose calculation gives: [`DoseReport`], each result present or absent
//! independently of the others, with the reason when absent.

use serde::Serialize;

use super::formulas::{CalvertDose, VialRounding};
use super::regimens::{DoseBasis, LabelNote};
use super::request::{UsedInputs, ValueOrigin};
use crate::messages::{Code, Message, Severity};
use crate::results::{Outcome, Reason, ResultId};
use crate::sources::Source;

/// A partner drug's dose for this patient.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    pub missing: Option<Reason>,
    pub days: Option<Vec<u32>>,
    pub cycle_days: Option<u32>,
    pub choice_group: Option<String>,
    pub note: Option<String>,
    pub sources: Vec<&'static Source>,
}

/// A value outside its plausible range, waiting for the user to confirm it on the page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pending {
    /// What the page says (`data-testid="confirm"` at `message.field`).
    pub message: Message,
    /// The key the confirmation is stored under (the link parameter, or `bmi`).
    pub key: String,
    /// The value (base unit) being confirmed.
    pub value: f64,
}

/// Everything the dose view shows. Each result is independent: an absent, bad or
/// unconfirmed input hides only the results that need it (see [`DoseReport::outcome`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DoseReport {
    pub inputs: UsedInputs,
    /// `weight-kg`.
    pub weight_kg: Option<f64>,
    /// `dose-mg`: ivonescimab dose, mg/kg x kg.
    pub dose_mg: Option<f64>,
    /// Rounding to whole vials (present whenever `dose_mg` and the vial are, also when off).
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
    /// `order-difference-pct`: (ordered - calculated) / calculated x 100.
    pub order_difference_pct: Option<f64>,
    pub height_cm: Option<f64>,
    /// `bsa-m2`, by `inputs.bsa_formula`.
    pub bsa_m2: Option<f64>,
    pub bmi_kg_m2: Option<f64>,
    pub ideal_body_weight_kg: Option<f64>,
    pub adjusted_body_weight_kg: Option<f64>,
    /// BMI >= 25: adjusted body weight may be chosen for Cockcroft-Gault.
    pub adjusted_body_weight_offered: bool,
    /// Weight that went into Cockcroft-Gault, kg.
    pub crcl_weight_kg: Option<f64>,
    /// Serum creatinine that went into Cockcroft-Gault (after any floor), mg/dL.
    pub crcl_scr_mg_per_dl: Option<f64>,
    /// `crcl-mlmin`: Cockcroft-Gault creatinine clearance.
    pub crcl_ml_min: Option<f64>,
    /// The kidney function the partners' checks and Calvert use: the measured GFR when
    /// given, else the Cockcroft-Gault estimate, mL/min.
    pub kidney_function_ml_min: Option<f64>,
    /// Why `kidney_function_ml_min` is absent when a measured GFR was given but cannot be used
    /// or awaits confirmation (else the reason is Cockcroft-Gault's).
    #[serde(skip)]
    pub kidney_function_missing: Option<Reason>,
    /// Calvert details (present with `carboplatin_mg`).
    pub carboplatin: Option<CalvertDose>,
    /// `carboplatin-mg`.
    pub carboplatin_mg: Option<f64>,
    /// `partner-mg`, one per partner of the chosen regimen (carboplatin included).
    pub partners: Vec<PartnerDose>,
    /// `error` elements, by field.
    pub errors: Vec<Message>,
    /// `confirm` elements: values waiting for confirmation.
    pub pending: Vec<Pending>,
    /// `warning` elements.
    pub warnings: Vec<Message>,
    /// How results were obtained, including the values confirmed on the page.
    pub notes: Vec<Message>,
    #[serde(skip)]
    pub missing: Vec<(ResultId, Reason)>,
    /// Administration notes from the label, shown with every result.
    pub label_notes: Vec<LabelNote>,
}

impl DoseReport {
    /// Adds a message to the list its code belongs to.
    pub fn push(&mut self, message: Message) {
        match message.severity() {
            Severity::Error => self.errors.push(message),
            Severity::Warning => self.warnings.push(message),
            Severity::Note | Severity::Confirm => self.notes.push(message),
        }
    }

    pub(crate) fn missing(&mut self, result: ResultId, reason: Reason) {
        if !self.missing.iter().any(|(r, _)| *r == result) {
            self.missing.push((result, reason));
        }
    }

    /// A result: its value, or why it is missing.
    pub fn outcome(&self, result: ResultId) -> Outcome {
        let value = match result {
            ResultId::WeightKg => self.weight_kg,
            ResultId::DoseMg => self.dose_mg,
            ResultId::DoseFinalMg => self.dose_final_mg,
            ResultId::Vials => self.vials.map(f64::from),
            ResultId::VolumeMl => self.volume_ml,
            ResultId::WasteMg => self.waste_mg,
            ResultId::MgPerKgGiven => self.mg_per_kg_given,
            ResultId::RoundingDifference => self
                .rounding
                .as_ref()
                .filter(|_| self.inputs.rounding.percent() > 0.0)
                .map(|r| r.final_difference_percent),
            ResultId::OrderDifferencePct => self.order_difference_pct,
            ResultId::BsaM2 => self.bsa_m2,
            ResultId::Bmi => self.bmi_kg_m2,
            ResultId::CrclMlMin => self.crcl_ml_min,
            ResultId::CarboplatinMg => self.carboplatin_mg,
            _ => None,
        };
        match value {
            Some(v) => Outcome::Value(v),
            None => Outcome::Missing(self.reason(result)),
        }
    }

    /// Why a result is missing (a generic reason when none was recorded).
    pub fn reason(&self, result: ResultId) -> Reason {
        self.missing
            .iter()
            .find(|(r, _)| *r == result)
            .map(|(_, reason)| reason.clone())
            .unwrap_or(Reason::Needs(Vec::new()))
    }

    /// The kidney function the partners use (a measured GFR, else Cockcroft-Gault), or why
    /// it is missing. A measured GFR that cannot be used or awaits confirmation is never
    /// replaced by the estimate.
    pub fn kidney_function(&self) -> Result<f64, Reason> {
        match self.kidney_function_ml_min {
            Some(k) => Ok(k),
            None => Err(self
                .kidney_function_missing
                .clone()
                .unwrap_or_else(|| self.reason(ResultId::CrclMlMin))),
        }
    }

    /// The error at a field, if any.
    pub fn error_for(&self, field: &str) -> Option<&Message> {
        self.errors.iter().find(|e| e.is_at(field))
    }

    /// The confirmation a field waits for, if any.
    pub fn pending_for(&self, field: &str) -> Option<&Pending> {
        self.pending.iter().find(|p| p.message.is_at(field))
    }

    /// Whether a warning with this code was raised.
    pub fn has_warning(&self, code: &str) -> bool {
        self.warnings.iter().any(|w| w.code.contract() == code)
    }

    /// Whether a note with this code was added.
    pub fn has_note(&self, code: &str) -> bool {
        self.notes.iter().any(|n| n.code.contract() == code)
    }

    /// The note with this code.
    pub fn note(&self, code: Code) -> Option<&Message> {
        self.notes.iter().find(|n| n.code == code)
    }

    /// Whether anything waits for confirmation.
    pub fn awaits_confirmation(&self) -> bool {
        !self.pending.is_empty()
    }
}

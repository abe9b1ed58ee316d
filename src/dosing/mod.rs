//! Dosing: ivonescimab by weight with vial maths, and the chemotherapy partners of its regimens.
//! Plain Rust: no UI or browser types.
//!
//! Entry point: [`calculate`] returns a [`DoseReport`] (link parameters become a
//! [`DoseRequest`] in `crate::link`, `DoseParams::to_request`);
//! [`render_text`] renders it for "copy as text" and the printed sheet. Regimens, label facts
//! and the evidence behind warnings come from `data/regimens.json` ([`regimens`]).

pub mod calculate;
pub mod data;
pub mod formulas;
pub mod input;
pub mod regimens;
pub mod text;
pub mod units;

#[cfg(test)]
mod tests;

pub use calculate::{
    calculate, CrclWeight, DoseReport, DoseRequest, Missing, Note, PartnerDose, UsedInputs,
    ValueOrigin, Warning,
};
pub use formulas::{BsaFormula, CalvertDose, RoundingTolerance, VialRounding};
pub use input::{FieldError, InputErrorKind};
pub use regimens::{dosing_data, label, regimen, regimens, DoseBasis, Regimen};
pub use text::render_text;
pub use units::{CreatinineUnit, HeightUnit, Sex, WeightUnit};

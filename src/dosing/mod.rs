//! Dosing: ivonescimab by weight with vial maths, and the chemotherapy partners of its regimens.
//! Plain Rust: no UI or browser types.
//!
//! Entry point: [`calculate`] returns a [`DoseReport`] for a [`DoseRequest`] (which the
//! scenario layer, `crate::scenario::dose`, makes from a link, the form or the JS API);
//! [`render_text`] renders it for "copy as text" and the printed sheet. Regimens, label facts
//! and the evidence behind warnings come from `data/regimens.json` ([`regimens`]); the
//! partners' kidney limits from `data/kidney.json` ([`kidney`]).

mod body;
pub mod calculate;
mod checks;
pub mod data;
pub mod drugs;
pub mod formulas;
pub mod kidney;
pub mod kidney_data;
mod partners;
pub mod regimens;
pub mod report;
pub mod request;
mod safety;
pub mod text;
pub mod units;

#[cfg(test)]
mod tests;

pub use crate::sources::Source;
pub use calculate::calculate;
pub use formulas::{BsaFormula, CalvertDose, RoundingTolerance, VialRounding};
pub use regimens::{dosing_data, label, regimen, regimens, DoseBasis, Regimen};
pub use report::{DoseReport, PartnerDose, Pending};
pub use request::{Confirmation, CrclWeight, DoseRequest, UsedInputs, ValueOrigin};
pub use text::render_text;
pub use units::{CreatinineUnit, HeightUnit, Sex, WeightUnit};

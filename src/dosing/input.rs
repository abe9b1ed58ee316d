//! Input checks: the range each input must lie in to be used, and the typed error when
//! it does not.
//!
//! | field (link parameter) | unit checked | usable range | error kinds |
//! |---|---|---|---|
//! | `weight` | kg (after lb -> kg) | 1 to 1000 | not-a-number, not-positive, out-of-range |
//! | `mgkg` | mg/kg | 0.01 to 100 | same |
//! | `every` | weeks | 2 or 3 | not-a-number, not-allowed |
//! | `height` | cm (after in -> cm) | 30 to 300 | same as weight |
//! | `age` | years | 0 to 120 | not-a-number, out-of-range |
//! | `scr` | mg/dL (after µmol/L -> mg/dL) | 0.05 to 30 | same as weight |
//! | `auc` | mg/mL·min | 0.5 to 10 | same |
//! | `vial` | mg | 1 to 10 000 | same |
//! | `conc` | mg/mL | 0.1 to 1000 | same |
//! | `m2.<drug>` | mg/m² | 0.01 to 10 000 | same |
//! | `regimen` | id | an id in data/regimens.json | unknown |
//! | `wunit`, `hunit`, `scrunit`, `sex` | code | the codes in `units.rs` | unknown |
//!
//! Values inside these ranges but outside the evidence or unlikely (a 7 kg adult, 700 kg)
//! are used and get a warning instead (see `calculate.rs`).

use serde::{Deserialize, Serialize};

/// Why an input cannot be used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum InputErrorKind {
    /// Not a finite number (text, NaN, infinity).
    NotANumber,
    /// Zero or negative where only a positive value makes sense.
    NotPositive,
    /// A number outside the range this input can take (in the unit named).
    OutOfRange { min: f64, max: f64, unit: String },
    /// A number that is not one of the allowed values.
    NotAllowed { allowed: Vec<f64> },
    /// An id or code that is not known.
    Unknown,
}

/// An input that cannot be used, keyed by its link parameter name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    /// Link parameter name (`weight`, `mgkg`, `every`, `height`, `age`, `sex`, `scr`,
    /// `auc`, `vial`, `conc`, `regimen`, `wunit`, `hunit`, `scrunit`, `m2.<drug>`).
    pub field: String,
    pub error: InputErrorKind,
    pub message: String,
}

/// A usable range for a numeric input, in the unit the value is checked in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputRange {
    pub field: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    /// Whether zero is a usable value (age); otherwise zero and below are not-positive.
    pub zero_allowed: bool,
}

pub const WEIGHT_KG: InputRange = InputRange {
    field: "weight",
    label: "Weight",
    unit: "kg",
    min: 1.0,
    max: 1000.0,
    zero_allowed: false,
};
pub const MG_PER_KG: InputRange = InputRange {
    field: "mgkg",
    label: "Dose",
    unit: "mg/kg",
    min: 0.01,
    max: 100.0,
    zero_allowed: false,
};
pub const HEIGHT_CM: InputRange = InputRange {
    field: "height",
    label: "Height",
    unit: "cm",
    min: 30.0,
    max: 300.0,
    zero_allowed: false,
};
pub const AGE_YEARS: InputRange = InputRange {
    field: "age",
    label: "Age",
    unit: "years",
    min: 0.0,
    max: 120.0,
    zero_allowed: true,
};
pub const SERUM_CREATININE_MG_PER_DL: InputRange = InputRange {
    field: "scr",
    label: "Serum creatinine",
    unit: "mg/dL",
    min: 0.05,
    max: 30.0,
    zero_allowed: false,
};
pub const CARBOPLATIN_AUC: InputRange = InputRange {
    field: "auc",
    label: "Carboplatin target AUC",
    unit: "mg/mL·min",
    min: 0.5,
    max: 10.0,
    zero_allowed: false,
};
pub const VIAL_MG: InputRange = InputRange {
    field: "vial",
    label: "Vial content",
    unit: "mg",
    min: 1.0,
    max: 10_000.0,
    zero_allowed: false,
};
pub const CONCENTRATION_MG_PER_ML: InputRange = InputRange {
    field: "conc",
    label: "Concentration",
    unit: "mg/mL",
    min: 0.1,
    max: 1000.0,
    zero_allowed: false,
};
pub const PARTNER_MG_PER_M2: InputRange = InputRange {
    field: "partner",
    label: "Partner dose",
    unit: "mg/m²",
    min: 0.01,
    max: 10_000.0,
    zero_allowed: false,
};

/// Allowed dosing intervals, weeks.
pub const DOSING_INTERVALS_WEEKS: [u32; 2] = [2, 3];

impl InputRange {
    /// Checks `value` (already in `self.unit`); `as_entered` is the text shown in the message.
    pub fn check(&self, field: &str, value: f64, as_entered: &str) -> Result<f64, FieldError> {
        let error = |error: InputErrorKind, message: String| FieldError {
            field: field.to_string(),
            error,
            message,
        };
        if !value.is_finite() {
            return Err(error(
                InputErrorKind::NotANumber,
                format!(
                    "{}: not a number; enter a number in {}.",
                    self.label, self.unit
                ),
            ));
        }
        if value < 0.0 || (value == 0.0 && !self.zero_allowed) {
            return Err(error(
                InputErrorKind::NotPositive,
                format!("{}: {as_entered} must be greater than zero.", self.label),
            ));
        }
        if value < self.min || value > self.max {
            return Err(error(
                InputErrorKind::OutOfRange {
                    min: self.min,
                    max: self.max,
                    unit: self.unit.to_string(),
                },
                format!(
                    "{}: {as_entered} is outside the usable range {} to {} {}.",
                    self.label, self.min, self.max, self.unit
                ),
            ));
        }
        Ok(value)
    }
}

/// Checks the dosing interval: 2 or 3 weeks.
pub fn check_every_weeks(value: f64) -> Result<u32, FieldError> {
    if !value.is_finite() {
        return Err(FieldError {
            field: "every".to_string(),
            error: InputErrorKind::NotANumber,
            message: "Interval: not a number; choose every 2 or every 3 weeks.".to_string(),
        });
    }
    DOSING_INTERVALS_WEEKS
        .iter()
        .copied()
        .find(|&weeks| f64::from(weeks) == value)
        .ok_or_else(|| FieldError {
            field: "every".to_string(),
            error: InputErrorKind::NotAllowed {
                allowed: DOSING_INTERVALS_WEEKS
                    .iter()
                    .map(|&w| f64::from(w))
                    .collect(),
            },
            message: format!(
                "Interval: every {value} weeks is not offered; choose every 2 or every 3 weeks."
            ),
        })
}

/// An unknown id or code.
pub fn unknown(field: &str, label: &str, value: &str, allowed: &str) -> FieldError {
    FieldError {
        field: field.to_string(),
        error: InputErrorKind::Unknown,
        message: format!("{label}: \"{value}\" is not known; use {allowed}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_give_typed_errors() {
        assert_eq!(WEIGHT_KG.check("weight", 72.5, "72.5"), Ok(72.5));
        let e = WEIGHT_KG.check("weight", f64::NAN, "abc").unwrap_err();
        assert_eq!(e.error, InputErrorKind::NotANumber);
        assert_eq!(e.field, "weight");
        let e = WEIGHT_KG.check("weight", 0.0, "0").unwrap_err();
        assert_eq!(e.error, InputErrorKind::NotPositive);
        let e = WEIGHT_KG.check("weight", -70.0, "-70").unwrap_err();
        assert_eq!(e.error, InputErrorKind::NotPositive);
        let e = WEIGHT_KG.check("weight", 1500.0, "1500").unwrap_err();
        assert!(matches!(e.error, InputErrorKind::OutOfRange { .. }));
        let e = MG_PER_KG.check("mgkg", f64::INFINITY, "inf").unwrap_err();
        assert_eq!(e.error, InputErrorKind::NotANumber);
        // Age zero is a number in range; negative is not.
        assert_eq!(AGE_YEARS.check("age", 0.0, "0"), Ok(0.0));
        assert!(AGE_YEARS.check("age", -1.0, "-1").is_err());
        assert!(AGE_YEARS.check("age", 121.0, "121").is_err());
    }

    #[test]
    fn interval_is_two_or_three_weeks() {
        assert_eq!(check_every_weeks(2.0), Ok(2));
        assert_eq!(check_every_weeks(3.0), Ok(3));
        assert!(check_every_weeks(4.0).is_err());
        assert!(check_every_weeks(2.5).is_err());
        assert_eq!(
            check_every_weeks(f64::NAN).unwrap_err().error,
            InputErrorKind::NotANumber
        );
    }
}

//! Each input of the calculation checked against its row of the dose view's table: usable
//! (else an error at the field), plausible (else it waits for confirmation unless the user
//! confirmed it on the page). What a result needs is then a list of checked values.

use crate::format;
use crate::inputs::number::{check_plausible, check_usable};
use crate::inputs::{Input, Unit};
use crate::results::Reason;

use super::report::{DoseReport, Pending};
use super::request::DoseRequest;

/// An input after its checks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Val {
    /// Not given.
    Absent,
    /// Given but not usable (an error is shown at its field).
    Bad,
    /// Usable but outside its plausible range, not yet confirmed (base unit).
    Held(f64),
    /// Usable (base unit).
    Ok(f64),
}

impl Val {
    pub fn ok(self) -> Option<f64> {
        match self {
            Val::Ok(v) => Some(v),
            _ => None,
        }
    }

    /// The value whether confirmed or not (for what the page shows next to the input).
    pub fn usable(self) -> Option<f64> {
        match self {
            Val::Ok(v) | Val::Held(v) => Some(v),
            _ => None,
        }
    }

    /// A held value made to wait (a check across inputs, such as BMI, found it unlikely).
    pub fn hold(self) -> Val {
        match self {
            Val::Ok(v) => Val::Held(v),
            other => other,
        }
    }
}

/// The values of `inputs` when all are usable and confirmed; otherwise why not: the inputs
/// absent or unusable, or else those awaiting confirmation.
pub fn need<const N: usize>(inputs: [(&'static Input, Val); N]) -> Result<[f64; N], Reason> {
    let mut values = [0.0; N];
    let mut lacking = Vec::new();
    let mut held = Vec::new();
    for (i, (input, val)) in inputs.iter().enumerate() {
        match val {
            Val::Ok(v) => values[i] = *v,
            Val::Held(_) => held.push(*input),
            Val::Absent | Val::Bad => lacking.push(*input),
        }
    }
    if !lacking.is_empty() {
        Err(Reason::Needs(lacking))
    } else if !held.is_empty() {
        Err(Reason::AwaitsConfirmation(held))
    } else {
        Ok(values)
    }
}

/// Checks a number given in the unit with code `unit_code` (the base unit if unknown).
pub fn number(
    report: &mut DoseReport,
    request: &DoseRequest,
    input: &'static Input,
    param: &str,
    value: Option<f64>,
    unit_code: &str,
) -> Val {
    let Some(raw) = value else {
        return Val::Absent;
    };
    let Some(unit) = input
        .unit(unit_code)
        .or_else(|| input.number().and_then(|n| n.units.first()))
    else {
        return Val::Absent;
    };
    let mut base = unit.to_base(raw);
    if raw.is_finite() && !base.is_finite() {
        // A finite entry whose conversion overflows is out of range, not "not a number".
        base = f64::MAX;
    }
    match check_usable(input, param, base, unit) {
        Err(message) => {
            report.errors.push(message);
            Val::Bad
        }
        Ok(v) => plausible(report, request, input, param, v, unit),
    }
}

fn plausible(
    report: &mut DoseReport,
    request: &DoseRequest,
    input: &'static Input,
    param: &str,
    value: f64,
    unit: &Unit,
) -> Val {
    let Some(message) = check_plausible(input, param, value, unit) else {
        return Val::Ok(value);
    };
    if request.is_confirmed(param, value) {
        report.notes.push(
            crate::inputs::number::confirmed_note(
                input.label,
                format::with_unit(unit.from_base(value), unit.quantity, crate::i18n::Lang::En),
            )
            .at(param.to_string()),
        );
        return Val::Ok(value);
    }
    report.pending.push(Pending {
        message,
        key: param.to_string(),
        value,
    });
    Val::Held(value)
}

//! The default model: sourced inputs (data/pk_defaults.json) and the two calibrations that
//! derive V2 and T50 from what the review of PD-1(L1)/VEGF bispecifics reports.
//!
//! * V2: the terminal half-life at CLss equals 9.85 days (the review, Pharmacokinetics). Solved in
//!   closed form from the characteristic equation of the two-compartment system.
//! * T50: at 20 mg/kg every 3 weeks (1-h infusions), the pre-dose trough on day 105 (the end of
//!   week 15, just before the sixth dose) is 90 % of the steady-state trough, where the
//!   steady-state trough is the limit of the pre-dose trough for infinitely many doses with
//!   clearance fixed at CLss (closed form). The review: "steady-state concentrations achieved by
//!   the 15th week". Solved by bisection on ln T50 with the engine's simulation.

use super::engine::Outputs;
use super::params::{DoseAmount, InputError, ModelParams, PopulationSpec, Regimen};
use super::simulate::{check_all, run_typical, TypicalRun};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;

use super::defaults::sources;

/// Why a calibration has no answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CalibrationError {
    /// A terminal half-life must exceed ln 2 x V1 / CL (the half-life without a peripheral
    /// compartment); `minimum_days` is that bound.
    HalfLifeTooShort { minimum_days: f64 },
    /// The target trough fraction is not reached for any T50 from `low_days` to `high_days`.
    NoT50 {
        low_days: f64,
        high_days: f64,
        fraction_at_low: f64,
        fraction_at_high: f64,
    },
    /// An input of the calibration is unusable.
    Input { errors: Vec<InputError> },
}

impl fmt::Display for CalibrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalibrationError::HalfLifeTooShort { minimum_days } => {
                write!(f, "the terminal half-life must be longer than {minimum_days} days (ln 2 x V1 / CL)")
            }
            CalibrationError::NoT50 { low_days, high_days, fraction_at_low, fraction_at_high } => write!(
                f,
                "no T50 from {low_days} to {high_days} days gives the target trough fraction (it runs from {fraction_at_low} to {fraction_at_high})"
            ),
            CalibrationError::Input { errors } => {
                let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                write!(f, "{}", list.join("; "))
            }
        }
    }
}

impl std::error::Error for CalibrationError {}

/// Rate constants k10 = CL/V1, k12 = Q/V1, k21 = Q/V2 and the disposition constants
/// alpha > beta (1/day), roots of s^2 - (k10 + k12 + k21) s + k10 k21 = 0.
fn disposition(cl: f64, v1: f64, v2: f64, q: f64) -> (f64, f64, f64) {
    let k10 = cl / v1;
    let k12 = q / v1;
    let k21 = q / v2;
    let sum = k10 + k12 + k21;
    let product = k10 * k21;
    let root = (sum * sum - 4.0 * product).max(0.0).sqrt();
    let alpha = 0.5 * (sum + root);
    (alpha, product / alpha, k21)
}

/// Terminal half-life ln 2 / beta, days.
pub fn terminal_half_life_days(cl: f64, v1: f64, v2: f64, q: f64) -> f64 {
    std::f64::consts::LN_2 / disposition(cl, v1, v2, q).1
}

/// V2 (L) that gives the terminal half-life `half_life_days` with clearance `cl` (L/day), `v1` (L)
/// and `q` (L/day). beta = ln 2 / t1/2 is a root of beta^2 - (k10 + k12 + k21) beta + k10 k21 = 0,
/// so k21 = beta (k10 + k12 - beta) / (k10 - beta) and V2 = Q / k21; beta is then the smaller
/// root whenever beta < k10.
pub fn peripheral_volume_for_terminal_half_life(
    cl: f64,
    v1: f64,
    q: f64,
    half_life_days: f64,
) -> Result<f64, CalibrationError> {
    let k10 = cl / v1;
    let k12 = q / v1;
    let beta = std::f64::consts::LN_2 / half_life_days;
    let reachable = beta.is_finite() && k10.is_finite() && beta < k10 && q > 0.0;
    if !reachable {
        return Err(CalibrationError::HalfLifeTooShort {
            minimum_days: std::f64::consts::LN_2 / k10,
        });
    }
    let k21 = beta * (k10 + k12 - beta) / (k10 - beta);
    Ok(q / k21)
}

/// Pre-dose trough (µg/mL) at steady state (infinitely many doses) with constant clearance:
/// C = (R/V1) sum over lambda in {alpha, beta} of c_lambda / lambda (1 - e^(-lambda Tinf))
/// e^(-lambda (tau - Tinf)) / (1 - e^(-lambda tau)), with R = dose / Tinf and the unit-impulse
/// coefficients c_alpha = (alpha - k21)/(alpha - beta), c_beta = (k21 - beta)/(alpha - beta).
pub fn steady_state_trough_constant_clearance(
    cl: f64,
    v1: f64,
    v2: f64,
    q: f64,
    dose_mg: f64,
    interval_days: f64,
    infusion_days: f64,
) -> f64 {
    let (alpha, beta, k21) = disposition(cl, v1, v2, q);
    let rate = dose_mg / infusion_days;
    let term = |coef: f64, lambda: f64| {
        coef / lambda
            * -(-lambda * infusion_days).exp_m1()
            * (-lambda * (interval_days - infusion_days)).exp()
            / -(-lambda * interval_days).exp_m1()
    };
    let spread = alpha - beta;
    rate / v1 * (term((alpha - k21) / spread, alpha) + term((k21 - beta) / spread, beta))
}

/// Pre-dose trough at the end of `regimen` (doses x interval after the first dose) over the
/// steady-state trough of the same regimen with clearance fixed at CLss (typical patient).
pub fn trough_fraction_of_steady_state(
    model: &ModelParams,
    regimen: &Regimen,
) -> Result<f64, Vec<InputError>> {
    check_all(model, regimen, None)?;
    let TypicalRun {
        patient, cycles, ..
    } = run_typical(model, regimen, Outputs::Times(&[]));
    let trough = cycles.last().map_or(0.0, |c| c.ctrough_ug_per_ml);
    let steady = steady_state_trough_constant_clearance(
        patient.clearance_steady_state_l_per_day,
        patient.central_volume_l,
        patient.peripheral_volume_l,
        patient.intercompartmental_clearance_l_per_day,
        regimen.dose_mg(),
        regimen.dosing_interval_days,
        regimen.infusion_days(),
    );
    Ok(trough / steady)
}

/// T50 (days) at which the pre-dose trough at the end of `regimen` is `fraction` of the
/// steady-state trough (see [`trough_fraction_of_steady_state`]). The model's own T50 is
/// ignored. Bisection on ln T50 over 0.01 to 3650 days.
pub fn calibrate_t50(
    model: &ModelParams,
    regimen: &Regimen,
    fraction: f64,
) -> Result<f64, CalibrationError> {
    const LOW: f64 = 0.01;
    const HIGH: f64 = 3650.0;
    let at = |t50: f64| {
        let m = ModelParams {
            clearance_t50_days: t50,
            ..*model
        };
        trough_fraction_of_steady_state(&m, regimen).map(|r| r - fraction)
    };
    let input = |errors| CalibrationError::Input { errors };
    let (mut lo, mut hi) = (LOW.ln(), HIGH.ln());
    let f_lo = at(LOW).map_err(input)?;
    let f_hi = at(HIGH).map_err(input)?;
    let bracketed = f_lo * f_hi <= 0.0;
    if !bracketed {
        return Err(CalibrationError::NoT50 {
            low_days: LOW,
            high_days: HIGH,
            fraction_at_low: f_lo + fraction,
            fraction_at_high: f_hi + fraction,
        });
    }
    let lo_sign = f_lo > 0.0;
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        let f = at(mid.exp()).map_err(input)?;
        if (f > 0.0) == lo_sign {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok((0.5 * (lo + hi)).exp())
}

/// The calibrated values of the default model and the checks shown with them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// V2 giving the 9.85-day terminal half-life at CLss, L.
    pub peripheral_volume_l: f64,
    /// T50 giving 90 % of the steady-state trough by day 105, days.
    pub clearance_t50_days: f64,
    /// Terminal half-life at CLss (the calibration target, 9.85 d), days.
    pub half_life_at_clss_days: f64,
    /// Terminal half-life at CL0 (compare Vallathol et al. 2025: "around 7 days"), days.
    pub half_life_at_cl0_days: f64,
    /// Pre-dose trough on the calibration day over the steady-state trough (0.9 by construction).
    pub trough_fraction_at_steady_state_day: f64,
}

/// The calibration regimen: 20 mg/kg every 21 days, 1-h infusions, 70 kg, as many doses as
/// end on the steady-state day (day 105: 5 doses, the trough before the sixth).
pub fn calibration_regimen() -> Regimen {
    let s = sources();
    let interval = s.calibration_interval_days.value;
    let doses = (s.steady_state_day.value / interval).round().max(1.0) as u32;
    Regimen {
        dose: DoseAmount::MgPerKg(s.calibration_dose_mg_per_kg.value),
        weight_kg: s.weight_kg.value,
        dosing_interval_days: interval,
        doses,
        infusion_hours: s.infusion_hours.value,
    }
}

fn calibrate_defaults() -> Result<(ModelParams, Calibration), CalibrationError> {
    let s = sources();
    let cl0 = s.clearance_first_dose_l_per_day.value;
    let clss = s.clearance_steady_state_l_per_day.value;
    let v1 = s.central_volume_l.value;
    let q = s.intercompartmental_clearance_l_per_day.value;
    let v2 = peripheral_volume_for_terminal_half_life(
        clss,
        v1,
        q,
        s.terminal_half_life_at_clss_days.value,
    )?;
    let mut model = ModelParams {
        clearance_first_dose_l_per_day: cl0,
        clearance_steady_state_l_per_day: clss,
        clearance_t50_days: 1.0,
        clearance_hill: s.clearance_hill.value,
        central_volume_l: v1,
        peripheral_volume_l: v2,
        intercompartmental_clearance_l_per_day: q,
        allometric_exponent_clearance: s.allometric_exponent_clearance.value,
        allometric_exponent_volume: s.allometric_exponent_volume.value,
    };
    let regimen = calibration_regimen();
    model.clearance_t50_days =
        calibrate_t50(&model, &regimen, s.steady_state_trough_fraction.value)?;
    let fraction = trough_fraction_of_steady_state(&model, &regimen)
        .map_err(|errors| CalibrationError::Input { errors })?;
    Ok((
        model,
        Calibration {
            peripheral_volume_l: v2,
            clearance_t50_days: model.clearance_t50_days,
            half_life_at_clss_days: terminal_half_life_days(clss, v1, v2, q),
            half_life_at_cl0_days: terminal_half_life_days(cl0, v1, v2, q),
            trough_fraction_at_steady_state_day: fraction,
        },
    ))
}

fn defaults() -> &'static (ModelParams, Calibration) {
    static DEFAULTS: OnceLock<(ModelParams, Calibration)> = OnceLock::new();
    DEFAULTS.get_or_init(|| calibrate_defaults().expect("the default model calibrates (tested)"))
}

/// The default model: sourced inputs plus the calibrated V2 and T50 (computed once).
pub fn default_model() -> ModelParams {
    defaults().0
}

/// The calibrated values of the default model.
pub fn default_calibration() -> Calibration {
    defaults().1
}

/// The default regimen of the PK view: 20 mg/kg every 3 weeks, 70 kg, 17 doses (about a year),
/// 1-h infusions.
pub fn default_regimen() -> Regimen {
    let s = sources();
    Regimen {
        dose: DoseAmount::MgPerKg(s.calibration_dose_mg_per_kg.value),
        weight_kg: s.weight_kg.value,
        dosing_interval_days: s.calibration_interval_days.value,
        doses: 17,
        infusion_hours: s.infusion_hours.value,
    }
}

/// The default population: 1000 patients, CL 30.9 % CV, V1 29.0 % CV, seed 1.
pub fn default_population() -> PopulationSpec {
    let s = sources();
    PopulationSpec {
        patients: s.patients.value as u32,
        cv_clearance_percent: s.cv_clearance_percent.value,
        cv_central_volume_percent: s.cv_central_volume_percent.value,
        seed: 1,
    }
}

/// µg/mL of a concentration in nM for a molecular weight in kDa: nM x kDa / 1000
/// (1 nM x 1 kDa = 1e-9 mol/L x 1e3 g/mol = 1e-6 g/L = 1e-3 µg/mL).
pub fn nanomolar_to_ug_per_ml(nanomolar: f64, molecular_weight_kda: f64) -> f64 {
    nanomolar * molecular_weight_kda / 1000.0
}

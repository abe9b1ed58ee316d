//! Pharmacokinetics of ivonescimab: a two-compartment model with zero-order IV infusions and
//! clearance that falls over time, its default parameters with their sources and calibrations,
//! single-regimen curves and exposure metrics, and virtual-patient populations.
//! Plain Rust: no UI or browser types.
//!
//! Model:
//!
//! ```text
//! dA1/dt = R(t) - (CL(t) + Q)/V1 * A1 + Q/V2 * A2
//! dA2/dt = Q/V1 * A1 - Q/V2 * A2
//! CL(t)  = CL0 * exp(ln(CLss/CL0) * t^h / (T50^h + t^h)),  t = days since the first dose
//! C      = A1 / V1   (mg/L = µg/mL)
//! ```
//!
//! Units: days, mg, L, L/day, µg/mL, µg·day/mL; infusion duration in hours.
//!
//! * [`default_model`]: CL0, CLss, V1, Q, h from data/pk_defaults.json (each with its source),
//!   V2 and T50 calibrated by [`peripheral_volume_for_terminal_half_life`] and [`calibrate_t50`]
//!   (criteria in [`calibration`]).
//! * [`simulate`]: one regimen in the typical patient: curve, [`ExposureMetrics`], per-cycle table.
//! * [`PopulationRun`]: N virtual patients in chunks; [`PopulationSummary`] bands and percentiles.
//! * [`nanomolar_to_ug_per_ml`]: IC50 reference lines (molecular weight assumed, see
//!   [`PkSources::molecular_weight_kda`]).
//!
//! Accuracy: with constant clearance each step is the exact solution (tests hold it to 1e-9
//! relative against the closed form); with time-varying clearance each step holds CL at its
//! mean over the step (tests hold it to 1e-4 relative against a DOP853 integration; the largest
//! difference found is about 3e-6). Reference values:
//! data/pk_reference.json, written by scripts/pk_reference.py.

pub mod calibration;
pub mod defaults;
pub mod defaults_data;
mod engine;
pub mod params;
pub mod population;
pub mod simulate;

#[cfg(test)]
mod tests;

pub use calibration::{
    calibrate_t50, calibration_regimen, default_calibration, default_model, default_population,
    default_regimen, nanomolar_to_ug_per_ml, peripheral_volume_for_terminal_half_life,
    steady_state_trough_constant_clearance, terminal_half_life_days,
    trough_fraction_of_steady_state, Calibration, CalibrationError,
};
pub use defaults::{sources, PkSources, SourcedValue};
pub use engine::{CycleMetrics, MAX_LN_CLEARANCE_CHANGE, MAX_STEP_DAYS};
pub use params::{
    omega_squared, DoseAmount, GridSpec, InputError, ModelParams, PkField, PopulationSpec, Problem,
    Regimen, MAX_PATIENTS, MAX_SEED, MAX_SPAN_DAYS, REFERENCE_WEIGHT_KG,
};
pub use population::{
    quantiles, simulate_population, MetricPercentiles, Percentiles, PopulationRun,
    PopulationSummary, SplitMix64, MAX_BAND_VALUES,
};
pub use simulate::{
    concentrations_at, simulate, simulate_on_grid, ExposureMetrics, PatientParams, Simulation,
    T90_FRACTION,
};

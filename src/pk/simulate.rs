//! One regimen in one (typical) patient: the concentration curve, the exposure metrics of
//! CONTRACT.md and the per-cycle table.

use super::calibration::terminal_half_life_days;
use super::engine::{run_patient, CycleMetrics, Outputs, PatientPk, Schedule};
use super::params::{
    Checker, GridSpec, InputError, ModelParams, PkField, Problem, Regimen, REFERENCE_WEIGHT_KG,
};
use serde::{Deserialize, Serialize};

/// The exposure metrics of CONTRACT.md (PK view), named by their ids.
/// "first" is the interval after dose 1; "ss" the interval after the last dose, up to the time
/// the next dose would be given.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExposureMetrics {
    /// Highest concentration after the first dose, µg/mL.
    pub cmax_first: f64,
    /// Concentration just before the second dose (one interval after the first), µg/mL.
    pub ctrough_first: f64,
    /// Highest concentration after the last dose, µg/mL.
    pub cmax_ss: f64,
    /// Concentration one interval after the last dose, µg/mL.
    pub ctrough_ss: f64,
    /// Area under the curve over the interval after the last dose, µg·day/mL.
    pub auc_ss: f64,
    /// Accumulation ratio: ctrough_ss / ctrough_first; None when that is not a finite number (the
    /// first trough underflows to 0: elimination so fast that nothing is left by the next dose).
    pub rac: Option<f64>,
    /// Days from the first dose to the first pre-dose trough that reaches 90 % of ctrough_ss.
    pub t90ss_days: f64,
}

/// Fraction of the last trough that defines `t90ss_days`.
pub const T90_FRACTION: f64 = 0.9;

impl ExposureMetrics {
    /// Metrics from the per-cycle table (at least one cycle).
    pub fn from_cycles(
        cycles: &[CycleMetrics],
        dosing_interval_days: f64,
    ) -> Option<ExposureMetrics> {
        let first = cycles.first()?;
        let last = cycles.last()?;
        let target = T90_FRACTION * last.ctrough_ug_per_ml;
        let reached = cycles
            .iter()
            .find(|c| c.ctrough_ug_per_ml >= target)
            .unwrap_or(last);
        Some(ExposureMetrics {
            cmax_first: first.cmax_ug_per_ml,
            ctrough_first: first.ctrough_ug_per_ml,
            cmax_ss: last.cmax_ug_per_ml,
            ctrough_ss: last.ctrough_ug_per_ml,
            auc_ss: last.auc_ug_day_per_ml,
            rac: Some(last.ctrough_ug_per_ml / first.ctrough_ug_per_ml).filter(|r| r.is_finite()),
            t90ss_days: f64::from(reached.cycle) * dosing_interval_days,
        })
    }
}

/// The parameters of the simulated patient, after weight scaling, with derived half-lives.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PatientParams {
    pub clearance_first_dose_l_per_day: f64,
    pub clearance_steady_state_l_per_day: f64,
    pub central_volume_l: f64,
    pub peripheral_volume_l: f64,
    pub intercompartmental_clearance_l_per_day: f64,
    /// Terminal (beta) half-life with clearance at CL0, days.
    pub half_life_at_cl0_days: f64,
    /// Terminal (beta) half-life with clearance at CLss, days.
    pub half_life_at_clss_days: f64,
}

impl PatientParams {
    /// The typical patient of `weight_kg`: clearances x (W/70)^exponent_clearance, volumes x
    /// (W/70)^exponent_volume.
    pub fn typical(model: &ModelParams, weight_kg: f64) -> PatientParams {
        let w = weight_kg / REFERENCE_WEIGHT_KG;
        let fcl = w.powf(model.allometric_exponent_clearance);
        let fv = w.powf(model.allometric_exponent_volume);
        let cl0 = model.clearance_first_dose_l_per_day * fcl;
        let clss = model.clearance_steady_state_l_per_day * fcl;
        let v1 = model.central_volume_l * fv;
        let v2 = model.peripheral_volume_l * fv;
        let q = model.intercompartmental_clearance_l_per_day * fcl;
        PatientParams {
            clearance_first_dose_l_per_day: cl0,
            clearance_steady_state_l_per_day: clss,
            central_volume_l: v1,
            peripheral_volume_l: v2,
            intercompartmental_clearance_l_per_day: q,
            half_life_at_cl0_days: terminal_half_life_days(cl0, v1, v2, q),
            half_life_at_clss_days: terminal_half_life_days(clss, v1, v2, q),
        }
    }

    pub(crate) fn pk(&self) -> PatientPk {
        PatientPk {
            clearance_first_dose: self.clearance_first_dose_l_per_day,
            central_volume: self.central_volume_l,
            peripheral_volume: self.peripheral_volume_l,
            intercompartmental_clearance: self.intercompartmental_clearance_l_per_day,
        }
    }
}

/// The curve and metrics of one regimen in the typical patient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    /// mg given at each dose.
    pub dose_mg: f64,
    /// Start of every infusion, days from the first dose.
    pub dose_times_days: Vec<f64>,
    /// The output grid, days from the first dose: the even grid plus every infusion start and end.
    pub times_days: Vec<f64>,
    /// Concentration at each time, µg/mL.
    pub conc_ug_per_ml: Vec<f64>,
    pub metrics: ExposureMetrics,
    pub cycles: Vec<CycleMetrics>,
    pub patient: PatientParams,
}

pub(crate) fn check_all(
    model: &ModelParams,
    regimen: &Regimen,
    grid: Option<&GridSpec>,
) -> Result<(), Vec<InputError>> {
    let mut c = Checker::default();
    model.check(&mut c);
    regimen.check(&mut c);
    if let Some(g) = grid {
        g.check(&mut c);
    }
    c.finish()
}

/// Simulates a regimen on the curve grid ([`GridSpec::PROFILE`], four points a day).
pub fn simulate(model: &ModelParams, regimen: &Regimen) -> Result<Simulation, Vec<InputError>> {
    simulate_on_grid(model, regimen, &GridSpec::PROFILE)
}

/// Simulates a regimen on a chosen grid.
pub fn simulate_on_grid(
    model: &ModelParams,
    regimen: &Regimen,
    grid: &GridSpec,
) -> Result<Simulation, Vec<InputError>> {
    check_all(model, regimen, Some(grid))?;
    let TypicalRun {
        patient,
        output_times,
        conc,
        cycles,
    } = run_typical(model, regimen, Outputs::Grid(*grid));
    let metrics = metrics_or_error(&cycles, regimen)?;
    Ok(Simulation {
        dose_mg: regimen.dose_mg(),
        dose_times_days: (0..regimen.doses)
            .map(|k| f64::from(k) * regimen.dosing_interval_days)
            .collect(),
        times_days: output_times,
        conc_ug_per_ml: conc,
        metrics,
        cycles,
        patient,
    })
}

/// The typical patient of a model at the regimen's weight, run through the regimen.
pub(crate) struct TypicalRun {
    pub patient: PatientParams,
    /// The schedule's output times, days, and the concentrations there, µg/mL.
    pub output_times: Vec<f64>,
    pub conc: Vec<f64>,
    /// One entry per dosing interval.
    pub cycles: Vec<CycleMetrics>,
}

/// Runs the typical patient through `regimen` with the given output points. Inputs must have
/// been validated.
pub(crate) fn run_typical(
    model: &ModelParams,
    regimen: &Regimen,
    outputs: Outputs<'_>,
) -> TypicalRun {
    let patient = PatientParams::typical(model, regimen.weight_kg);
    let schedule = Schedule::new(model, regimen, outputs);
    let mut conc = vec![0.0; schedule.output_times.len()];
    let mut cycles = Vec::with_capacity(regimen.doses as usize);
    run_patient(
        &schedule,
        &patient.pk(),
        regimen.dose_mg(),
        regimen.infusion_days(),
        &mut cycles,
        |i, c| conc[i] = c,
    );
    TypicalRun {
        patient,
        output_times: schedule.output_times,
        conc,
        cycles,
    }
}

pub(crate) fn metrics_or_error(
    cycles: &[CycleMetrics],
    regimen: &Regimen,
) -> Result<ExposureMetrics, Vec<InputError>> {
    // A validated regimen has at least one dose, so one cycle; this guards the invariant anyway.
    ExposureMetrics::from_cycles(cycles, regimen.dosing_interval_days).ok_or_else(|| {
        vec![InputError {
            field: PkField::Doses,
            value: f64::from(regimen.doses),
            problem: Problem::OutOfRange {
                min: 1.0,
                max: 1000.0,
            },
        }]
    })
}

/// Concentrations (µg/mL) of the typical patient at the given times (days from the first dose,
/// each within 0 to doses x interval).
pub fn concentrations_at(
    model: &ModelParams,
    regimen: &Regimen,
    times_days: &[f64],
) -> Result<Vec<f64>, Vec<InputError>> {
    check_all(model, regimen, None)?;
    let end = regimen.span_days();
    let mut c = Checker::default();
    for &t in times_days {
        c.range(PkField::Grid, t, 0.0, end);
    }
    c.finish()?;
    if times_days.is_empty() {
        return Ok(Vec::new());
    }
    let run = run_typical(model, regimen, Outputs::Times(times_days));
    let (times, at_outputs) = (&run.output_times, &run.conc);
    Ok(times_days
        .iter()
        .map(|&t| {
            // The nearest output time (requested times closer than 1e-9 day were merged).
            let i = times.partition_point(|&x| x < t);
            let best = [i.saturating_sub(1), i.min(times.len().saturating_sub(1))]
                .into_iter()
                .min_by(|&a, &b| (times[a] - t).abs().total_cmp(&(times[b] - t).abs()))
                .unwrap_or(0);
            at_outputs.get(best).copied().unwrap_or(0.0)
        })
        .collect())
}

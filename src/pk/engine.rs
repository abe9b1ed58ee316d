//! The solver: a schedule of steps shared by every patient of a regimen, and the per-patient
//! stepping.
//!
//! Each step advances the two-compartment system exactly for a constant infusion rate and a
//! clearance frozen at its value at the middle of the step (the matrix exponential of the 2 x 2
//! system, in closed form). With constant clearance this is the exact solution, step size
//! notwithstanding. With time-varying clearance the frozen value is the mean of CL(t) over the
//! step (three-point Gauss-Legendre), a second-order exponential integrator;
//! steps are at most [`MAX_STEP_DAYS`] long and are split until ln CL changes by at most
//! [`MAX_LN_CLEARANCE_CHANGE`] within a step. Steps never cross an infusion start or stop.
//!
//! A patient's exponentials change little from one step to the next: each comes from the last
//! times a short series ([`NearExp`], within about 1e-14 of the libm value), which makes
//! population runs in WebAssembly about a quarter faster.

use super::params::{GridSpec, ModelParams, Regimen};
use serde::{Deserialize, Serialize};

/// Longest step, days.
pub const MAX_STEP_DAYS: f64 = 0.5;
/// Largest change of ln CL(t) within one step.
pub const MAX_LN_CLEARANCE_CHANGE: f64 = 0.004;
/// Times closer than this (days, about 0.1 ms) are one time.
const SAME_TIME_DAYS: f64 = 1e-9;
const NO_OUTPUT: u32 = u32::MAX;

/// Fraction of the way from CL0 to CLss on the log scale at time t (days):
/// t^h / (T50^h + t^h), written as 1 / (1 + exp(h (ln T50 - ln t))) so that it neither
/// overflows nor divides 0 by 0.
pub(crate) fn clearance_transition(t_days: f64, t50_days: f64, hill: f64) -> f64 {
    if t_days <= 0.0 {
        return 0.0;
    }
    1.0 / (1.0 + (hill * (t50_days.ln() - t_days.ln())).exp())
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Step {
    pub dt: f64,
    /// CL(t_mid) / CL0, the same for every patient (variability scales CL0 and CLss alike).
    pub clearance_factor: f64,
    pub infusing: bool,
    /// The step ends at a pre-dose time (or the end): it closes a dosing interval.
    pub ends_cycle: bool,
    /// Index of the output point at the end of the step, or NO_OUTPUT.
    pub output: u32,
}

/// The steps of one regimen under one model's clearance time course.
#[derive(Clone, Debug)]
pub(crate) struct Schedule {
    pub steps: Vec<Step>,
    pub output_times: Vec<f64>,
    /// Whether an output point is requested at time 0.
    pub output_at_zero: bool,
    pub interval_days: f64,
}

#[derive(Clone, Copy, Default)]
struct Mark {
    t: f64,
    dose_start: bool,
    infusion_end: bool,
    cycle_end: bool,
    output: bool,
}

/// Output points requested of a schedule.
pub(crate) enum Outputs<'a> {
    /// An even grid plus every infusion start and end and the end of the span.
    Grid(GridSpec),
    /// Exactly these times (days from the first dose; outside [0, end] they are ignored).
    Times(&'a [f64]),
}

impl Schedule {
    /// Builds the steps. Inputs must have been validated.
    pub fn new(model: &ModelParams, regimen: &Regimen, outputs: Outputs<'_>) -> Schedule {
        let tau = regimen.dosing_interval_days;
        let tinf = regimen.infusion_days();
        let end = regimen.span_days();
        let mut marks: Vec<Mark> = Vec::new();
        for k in 0..regimen.doses {
            let start = f64::from(k) * tau;
            let grid = matches!(outputs, Outputs::Grid(_));
            marks.push(Mark {
                t: start,
                dose_start: true,
                output: grid,
                ..Mark::default()
            });
            marks.push(Mark {
                t: start + tinf,
                infusion_end: true,
                output: grid,
                ..Mark::default()
            });
            marks.push(Mark {
                t: start + tau,
                cycle_end: true,
                output: grid,
                ..Mark::default()
            });
        }
        match outputs {
            Outputs::Grid(grid) => {
                let count = (end * grid.points_per_day + SAME_TIME_DAYS).floor() as u64;
                for j in 0..=count {
                    let t = j as f64 / grid.points_per_day;
                    if t <= end {
                        marks.push(Mark {
                            t,
                            output: true,
                            ..Mark::default()
                        });
                    }
                }
            }
            Outputs::Times(times) => {
                for &t in times {
                    if (0.0..=end).contains(&t) {
                        marks.push(Mark {
                            t,
                            output: true,
                            ..Mark::default()
                        });
                    }
                }
            }
        }
        crate::sort::sort_by(&mut marks, |a, b| a.t.total_cmp(&b.t));
        // Merge marks closer than SAME_TIME_DAYS, keeping the dosing event's own time.
        let mut merged: Vec<Mark> = Vec::with_capacity(marks.len());
        for m in marks {
            match merged.last_mut() {
                Some(last) if m.t - last.t <= SAME_TIME_DAYS => {
                    let event = m.dose_start || m.infusion_end || m.cycle_end;
                    let last_event = last.dose_start || last.infusion_end || last.cycle_end;
                    if event && !last_event {
                        last.t = m.t;
                    }
                    last.dose_start |= m.dose_start;
                    last.infusion_end |= m.infusion_end;
                    last.cycle_end |= m.cycle_end;
                    last.output |= m.output;
                }
                _ => merged.push(m),
            }
        }

        let ln_ratio =
            (model.clearance_steady_state_l_per_day / model.clearance_first_dose_l_per_day).ln();
        let transition =
            |t: f64| clearance_transition(t, model.clearance_t50_days, model.clearance_hill);
        // Mean of CL(t)/CL0 over [a, b]: three-point Gauss-Legendre quadrature.
        let mean_clearance_factor = |a: f64, b: f64| {
            let (mid, half) = (0.5 * (a + b), 0.5 * (b - a));
            let offset = half * 0.6f64.sqrt();
            let f = |t: f64| (ln_ratio * transition(t)).exp();
            (5.0 * f(mid - offset) + 8.0 * f(mid) + 5.0 * f(mid + offset)) / 18.0
        };
        let mut steps = Vec::with_capacity(merged.len() * 2);
        let mut output_times = Vec::new();
        let mut output_at_zero = false;
        let mut infusing = false;
        let mut pieces: Vec<(f64, f64)> = Vec::new();
        let mut stack: Vec<(f64, f64)> = Vec::new();
        for (i, m) in merged.iter().enumerate() {
            if i == 0 {
                if m.output {
                    output_times.push(m.t);
                    output_at_zero = true;
                }
            } else {
                let t0 = merged[i - 1].t;
                // Split [t0, m.t] until every piece is short enough and CL changes little in it.
                pieces.clear();
                stack.push((t0, m.t));
                while let Some((a, b)) = stack.pop() {
                    // With constant clearance a step is exact whatever its length.
                    let split = ln_ratio != 0.0
                        && b - a > 1e-6
                        && (b - a > MAX_STEP_DAYS
                            || (ln_ratio * (transition(b) - transition(a))).abs()
                                > MAX_LN_CLEARANCE_CHANGE);
                    if split {
                        let mid = 0.5 * (a + b);
                        stack.push((mid, b));
                        stack.push((a, mid));
                    } else {
                        pieces.push((a, b));
                    }
                }
                let last = pieces.len() - 1;
                for (p, &(a, b)) in pieces.iter().enumerate() {
                    let at_mark = p == last;
                    let output = if at_mark && m.output {
                        output_times.push(m.t);
                        (output_times.len() - 1) as u32
                    } else {
                        NO_OUTPUT
                    };
                    steps.push(Step {
                        dt: b - a,
                        clearance_factor: mean_clearance_factor(a, b),
                        infusing,
                        ends_cycle: at_mark && m.cycle_end,
                        output,
                    });
                }
            }
            // State of the infusion pump after this time.
            if m.infusion_end {
                infusing = false;
            }
            if m.dose_start {
                infusing = true;
            }
        }
        Schedule {
            steps,
            output_times,
            output_at_zero,
            interval_days: tau,
        }
    }
}

/// Pharmacokinetic parameters of one patient (after weight scaling and variability).
#[derive(Clone, Copy, Debug)]
pub(crate) struct PatientPk {
    pub clearance_first_dose: f64,
    pub central_volume: f64,
    pub peripheral_volume: f64,
    pub intercompartmental_clearance: f64,
}

/// Exposure in one dosing interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CycleMetrics {
    /// 1 for the interval after the first dose.
    pub cycle: u32,
    /// Day of the dose that opens the interval.
    pub start_day: f64,
    /// Highest concentration in the interval (at the end of the infusion in this model), µg/mL.
    pub cmax_ug_per_ml: f64,
    /// Concentration at the end of the interval, just before the next dose would start, µg/mL.
    pub ctrough_ug_per_ml: f64,
    /// Area under the concentration curve over the interval, µg·day/mL.
    pub auc_ug_day_per_ml: f64,
}

/// exp(-a) for an argument that changes little from one step to the next: the last value times
/// exp(a_last - a), the correction by its Taylor series to the fourth power while
/// |a_last - a| <= [`NearExp::STEP`] (truncation below 1e-17, a tenth of a unit in the last
/// place). Computed exactly at the first step, after a larger change, and every
/// [`NearExp::EXACT_EVERY`] steps, so that the rounding of the products (about one unit in
/// the last place each) never adds up to more than about 1e-14. A libm call costs several times
/// a multiplication in WebAssembly, and a patient takes two per step.
#[derive(Clone, Copy)]
pub(crate) struct NearExp {
    arg: f64,
    value: f64,
    steps: u32,
}

impl NearExp {
    pub const STEP: f64 = 1e-3;
    pub const EXACT_EVERY: u32 = 32;

    pub fn new() -> NearExp {
        NearExp {
            arg: f64::NAN,
            value: f64::NAN,
            steps: 0,
        }
    }

    #[inline(always)]
    pub fn exp_neg(&mut self, a: f64) -> f64 {
        let d = self.arg - a;
        // (NaN at the first step compares false.)
        if self.steps < Self::EXACT_EVERY && d.abs() <= Self::STEP {
            let correction = 1.0 + d * (1.0 + d * (0.5 + d * (1.0 / 6.0 + d * (1.0 / 24.0))));
            self.value *= correction;
            self.steps += 1;
        } else {
            self.value = (-a).exp();
            self.steps = 0;
        }
        self.arg = a;
        self.value
    }
}

/// Below this (alpha - beta) dt, phi comes from exp_m1, which keeps its relative precision as
/// the difference 1 - e^-x vanishes; above it, from 1 - e^-x, which loses at most a factor
/// e^-x / (1 - e^-x) < 10 of its relative precision.
const PHI_FROM_EXP: f64 = 0.1;

/// Advances (A1, A2) in mg over `dt` days with clearance `cl` (L/day) constant and infusion rate
/// `rate` (mg/day); returns the integral of C = A1/V1 over the step (mg·day/L = µg·day/mL).
///
/// With M the system matrix (eigenvalues -alpha < -beta < 0), the state moves as
/// x(dt) = xp + exp(M dt) (x - xp), xp the steady state of the infusion (rate V1/CL, rate V2/CL),
/// and exp(M dt) = e^(-beta dt) I + f[-alpha, -beta] (M + beta I), f[,] the divided difference of
/// exp, computed without cancellation as dt e^(-beta dt) (1 - e^(-(alpha-beta) dt)) / ((alpha-beta) dt).
/// The integral follows from the mass balance d(A1+A2)/dt = rate - CL C.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn advance(
    a1: &mut f64,
    a2: &mut f64,
    dt: f64,
    cl: f64,
    v1: f64,
    inv_v1: f64,
    v2: f64,
    k12: f64,
    k21: f64,
    rate: f64,
    exps: &mut [NearExp; 2],
) -> f64 {
    let inv_cl = 1.0 / cl;
    let k10 = cl * inv_v1;
    let sum = k10 + k12 + k21;
    let product = k10 * k21;
    let root = (sum * sum - 4.0 * product).max(0.0).sqrt();
    let alpha = 0.5 * (sum + root);
    let beta = product / alpha;
    let e_beta = exps[0].exp_neg(beta * dt);
    let x = (alpha - beta) * dt;
    // phi = (1 - e^-x) / x.
    let phi = if x > PHI_FROM_EXP {
        (1.0 - exps[1].exp_neg(x)) / x
    } else if x > 1e-8 {
        -(-x).exp_m1() / x
    } else {
        1.0 - 0.5 * x
    };
    let dd = dt * e_beta * phi;
    let (p1, p2) = if rate > 0.0 {
        (rate * v1 * inv_cl, rate * v2 * inv_cl)
    } else {
        (0.0, 0.0)
    };
    let y1 = *a1 - p1;
    let y2 = *a2 - p2;
    let n1 = p1 + e_beta * y1 + dd * ((beta - k10 - k12) * y1 + k21 * y2);
    let n2 = p2 + e_beta * y2 + dd * (k12 * y1 + (beta - k21) * y2);
    let auc = (rate * dt - (n1 + n2 - *a1 - *a2)) * inv_cl;
    *a1 = n1;
    *a2 = n2;
    auc
}

/// Simulates one patient through the schedule: calls `output(index, concentration)` at every
/// output point and fills `cycles` (cleared first) with one entry per dosing interval.
#[inline]
pub(crate) fn run_patient(
    schedule: &Schedule,
    pk: &PatientPk,
    dose_mg: f64,
    infusion_days: f64,
    cycles: &mut Vec<CycleMetrics>,
    mut output: impl FnMut(usize, f64),
) {
    cycles.clear();
    let v1 = pk.central_volume;
    let v2 = pk.peripheral_volume;
    let inv_v1 = 1.0 / v1;
    let k12 = pk.intercompartmental_clearance / v1;
    let k21 = pk.intercompartmental_clearance / v2;
    let rate_on = dose_mg / infusion_days;
    let (mut a1, mut a2) = (0.0, 0.0);
    if schedule.output_at_zero {
        output(0, 0.0);
    }
    let mut cmax = 0.0f64;
    let mut auc = 0.0;
    let mut exps = [NearExp::new(); 2];
    for step in &schedule.steps {
        let rate = if step.infusing { rate_on } else { 0.0 };
        let cl = pk.clearance_first_dose * step.clearance_factor;
        auc += advance(
            &mut a1, &mut a2, step.dt, cl, v1, inv_v1, v2, k12, k21, rate, &mut exps,
        );
        let c = a1 * inv_v1;
        cmax = cmax.max(c);
        if step.output != NO_OUTPUT {
            output(step.output as usize, c);
        }
        if step.ends_cycle {
            let cycle = cycles.len() as u32 + 1;
            cycles.push(CycleMetrics {
                cycle,
                start_day: f64::from(cycle - 1) * schedule.interval_days,
                cmax_ug_per_ml: cmax,
                ctrough_ug_per_ml: c,
                auc_ug_day_per_ml: auc,
            });
            cmax = c;
            auc = 0.0;
        }
    }
}

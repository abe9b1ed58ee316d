//! Inputs of the PK engine (model, regimen, population, time grid), their valid ranges and the
//! typed errors that name the offending link parameter (CONTRACT.md, PK view).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Weight (kg) at which the typical values apply when an allometric exponent is non-zero.
pub const REFERENCE_WEIGHT_KG: f64 = 70.0;
/// Largest number of virtual patients a population run accepts.
pub const MAX_PATIENTS: u32 = 10_000;
/// Largest seed: the largest integer a JavaScript number (and so a link) carries exactly.
pub const MAX_SEED: u64 = (1 << 53) - 1;
/// Longest simulated span (doses x interval), days: ten years.
pub const MAX_SPAN_DAYS: f64 = 3653.0;

/// Parameters of the two-compartment model with time-varying clearance.
///
/// ```text
/// dA1/dt = R(t) - (CL(t) + Q)/V1 * A1 + Q/V2 * A2
/// dA2/dt = Q/V1 * A1 - Q/V2 * A2
/// CL(t)  = CL0 * exp(ln(CLss/CL0) * t^h / (T50^h + t^h)),  t = days since the first dose
/// ```
///
/// Typical values at [`REFERENCE_WEIGHT_KG`]; the allometric exponents (default 0: body weight
/// has no effect, as the review of PD-1(L1)/VEGF bispecifics reports) scale clearances by (W/70)^exponent_clearance and
/// volumes by (W/70)^exponent_volume.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelParams {
    /// Clearance at the first dose, L/day (link `cl0`).
    pub clearance_first_dose_l_per_day: f64,
    /// Clearance at steady state, L/day (link `clss`).
    pub clearance_steady_state_l_per_day: f64,
    /// Time to half of the change from CL0 to CLss, days from the first dose (link `t50`).
    pub clearance_t50_days: f64,
    /// Hill exponent of that change (link `hill`).
    pub clearance_hill: f64,
    /// Central volume, L (link `v1`).
    pub central_volume_l: f64,
    /// Peripheral volume, L (link `v2`).
    pub peripheral_volume_l: f64,
    /// Intercompartmental clearance, L/day (link `q`).
    pub intercompartmental_clearance_l_per_day: f64,
    /// Allometric exponent of CL0, CLss and Q on weight/70 kg (0 = no weight effect).
    pub allometric_exponent_clearance: f64,
    /// Allometric exponent of V1 and V2 on weight/70 kg (0 = no weight effect).
    pub allometric_exponent_volume: f64,
}

/// The amount given at each dose.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoseAmount {
    /// mg per kg of body weight (link `mgkg`).
    MgPerKg(f64),
    /// The same mg for every patient, whatever the weight (errors are reported under `mgkg`).
    FlatMg(f64),
}

/// A dosing regimen of identical zero-order IV infusions at a fixed interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Regimen {
    pub dose: DoseAmount,
    /// Body weight, kg (link `weight`).
    pub weight_kg: f64,
    /// Days from the start of one infusion to the start of the next (link `every` is in weeks:
    /// see [`Regimen::from_weeks`]).
    pub dosing_interval_days: f64,
    /// Number of doses (link `doses`).
    pub doses: u32,
    /// Infusion duration, hours (link `tinf`; 1 h by default, per the label).
    pub infusion_hours: f64,
}

impl Regimen {
    /// A regimen from the link's units: interval in weeks.
    pub fn from_weeks(
        dose: DoseAmount,
        weight_kg: f64,
        every_weeks: f64,
        doses: u32,
        infusion_hours: f64,
    ) -> Self {
        Regimen {
            dose,
            weight_kg,
            dosing_interval_days: every_weeks * 7.0,
            doses,
            infusion_hours,
        }
    }

    /// mg given at each dose.
    pub fn dose_mg(&self) -> f64 {
        match self.dose {
            DoseAmount::MgPerKg(mgkg) => mgkg * self.weight_kg,
            DoseAmount::FlatMg(mg) => mg,
        }
    }

    pub fn infusion_days(&self) -> f64 {
        self.infusion_hours / 24.0
    }

    /// Days from the first dose to the end of the interval after the last dose.
    pub fn span_days(&self) -> f64 {
        f64::from(self.doses) * self.dosing_interval_days
    }
}

/// A population of virtual patients: log-normal between-patient variability of clearance (applied
/// to CL0 and CLss alike) and of V1, omega^2 = ln(1 + CV^2), independent.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PopulationSpec {
    /// Number of virtual patients (link `n`), 1 to 10 000.
    pub patients: u32,
    /// Between-patient variability of clearance, % CV (link `cv_cl`).
    pub cv_clearance_percent: f64,
    /// Between-patient variability of V1, % CV (link `cv_v1`).
    pub cv_central_volume_percent: f64,
    /// Random seed (link `seed`): the same seed gives the same patients.
    pub seed: u64,
}

/// Output time grid: `points_per_day` evenly spaced points from day 0 to the end, plus the exact
/// start and end of every infusion (pre-dose and peak times).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GridSpec {
    pub points_per_day: f64,
}

impl GridSpec {
    /// Four points a day: the grid of a single regimen's curve.
    pub const PROFILE: GridSpec = GridSpec {
        points_per_day: 4.0,
    };
    /// One point a day (plus every infusion's start and end): the grid of population bands
    /// (memory: patients x points x 4 bytes). A year of bands is about 400 points, more than
    /// a chart has pixels on a phone and about two pixels a point on a wide screen. The
    /// solver's steps stay at most half a day: at the days both hold, the bands equal those
    /// of a finer grid to f32 precision.
    pub const BANDS: GridSpec = GridSpec {
        points_per_day: 1.0,
    };
}

/// An input of the PK view, named as its link parameter in CONTRACT.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PkField {
    Mgkg,
    Weight,
    Every,
    Doses,
    Tinf,
    Cl0,
    Clss,
    T50,
    Hill,
    V1,
    V2,
    Q,
    N,
    CvCl,
    CvV1,
    Seed,
    /// Not a CONTRACT link parameter (yet): the allometric exponent of clearances.
    AllometryClearance,
    /// Not a CONTRACT link parameter (yet): the allometric exponent of volumes.
    AllometryVolume,
    /// Not a CONTRACT link parameter: points per day of the output grid.
    Grid,
}

impl PkField {
    /// The link parameter name (CONTRACT.md), used as `data-field` of the error element.
    pub fn link_name(self) -> &'static str {
        use crate::inputs::pk as input;
        match self {
            PkField::Mgkg => input::MG_PER_KG.name,
            PkField::Weight => input::WEIGHT.name,
            PkField::Every => input::EVERY.name,
            PkField::Doses => input::DOSES.name,
            PkField::Tinf => input::TINF.name,
            PkField::Cl0 => input::CL0.name,
            PkField::Clss => input::CLSS.name,
            PkField::T50 => input::T50.name,
            PkField::Hill => input::HILL.name,
            PkField::V1 => input::V1.name,
            PkField::V2 => input::V2.name,
            PkField::Q => input::Q.name,
            PkField::N => input::PATIENTS.name,
            PkField::CvCl => input::CV_CL.name,
            PkField::CvV1 => input::CV_V1.name,
            PkField::Seed => input::SEED.name,
            PkField::AllometryClearance => input::ALLO_CL.name,
            PkField::AllometryVolume => input::ALLO_V.name,
            PkField::Grid => "grid",
        }
    }
}

/// What is wrong with a value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Problem {
    /// Not a finite number (NaN or infinite).
    NotFinite,
    /// Outside the accepted range [min, max] (in the unit of the field).
    OutOfRange { min: f64, max: f64 },
    /// The infusion does not end before the next dose starts.
    InfusionLongerThanInterval,
    /// Doses x interval exceeds [`MAX_SPAN_DAYS`].
    SpanTooLong,
}

/// One unusable input: which link parameter, the value as given (in the engine's unit), why.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct InputError {
    pub field: PkField,
    pub value: f64,
    pub problem: Problem,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.field.link_name();
        match self.problem {
            Problem::NotFinite => write!(f, "{name}: not a number"),
            Problem::OutOfRange { min, max } => {
                write!(f, "{name}: {} is outside the accepted range {min} to {max}", self.value)
            }
            Problem::InfusionLongerThanInterval => {
                write!(f, "{name}: the infusion ({} h) must end before the next dose starts", self.value)
            }
            Problem::SpanTooLong => write!(
                f,
                "{name}: doses x interval ({} days) exceeds the simulated maximum of {MAX_SPAN_DAYS} days",
                self.value
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Collects the errors of several inputs.
#[derive(Default)]
pub(crate) struct Checker {
    pub errors: Vec<InputError>,
}

impl Checker {
    pub fn range(&mut self, field: PkField, value: f64, min: f64, max: f64) {
        if !value.is_finite() {
            self.errors.push(InputError {
                field,
                value,
                problem: Problem::NotFinite,
            });
        } else if !(min..=max).contains(&value) {
            self.errors.push(InputError {
                field,
                value,
                problem: Problem::OutOfRange { min, max },
            });
        }
    }

    /// A value against the usable range of its input's row (`crate::inputs::pk`), in the
    /// engine's unit: `scale` engine units per table unit (7 days per week).
    pub fn input(&mut self, field: PkField, value: f64, input: &crate::inputs::Input, scale: f64) {
        let (min, max) = input
            .number()
            .map(|n| (n.usable.min * scale, n.usable.max * scale))
            .unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
        self.range(field, value, min, max);
    }

    pub fn finish(self) -> Result<(), Vec<InputError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}

use crate::inputs::pk as input;

impl ModelParams {
    /// Errors for every unusable parameter (ranges wide enough for any antibody, narrow enough
    /// that the numbers stay finite).
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let mut c = Checker::default();
        self.check(&mut c);
        c.finish()
    }

    pub(crate) fn check(&self, c: &mut Checker) {
        c.input(
            PkField::Cl0,
            self.clearance_first_dose_l_per_day,
            &input::CL0,
            1.0,
        );
        c.input(
            PkField::Clss,
            self.clearance_steady_state_l_per_day,
            &input::CLSS,
            1.0,
        );
        c.input(PkField::T50, self.clearance_t50_days, &input::T50, 1.0);
        c.input(PkField::Hill, self.clearance_hill, &input::HILL, 1.0);
        c.input(PkField::V1, self.central_volume_l, &input::V1, 1.0);
        c.input(PkField::V2, self.peripheral_volume_l, &input::V2, 1.0);
        c.input(
            PkField::Q,
            self.intercompartmental_clearance_l_per_day,
            &input::Q,
            1.0,
        );
        c.input(
            PkField::AllometryClearance,
            self.allometric_exponent_clearance,
            &input::ALLO_CL,
            1.0,
        );
        c.input(
            PkField::AllometryVolume,
            self.allometric_exponent_volume,
            &input::ALLO_V,
            1.0,
        );
    }
}

impl Regimen {
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let mut c = Checker::default();
        self.check(&mut c);
        c.finish()
    }

    pub(crate) fn check(&self, c: &mut Checker) {
        match self.dose {
            DoseAmount::MgPerKg(mgkg) => c.input(PkField::Mgkg, mgkg, &input::MG_PER_KG, 1.0),
            DoseAmount::FlatMg(mg) => c.input(PkField::Mgkg, mg, &input::FLAT, 1.0),
        }
        c.input(PkField::Weight, self.weight_kg, &input::WEIGHT, 1.0);
        // The table has the interval in weeks; the engine in days.
        c.input(
            PkField::Every,
            self.dosing_interval_days,
            &input::EVERY,
            7.0,
        );
        c.input(PkField::Doses, f64::from(self.doses), &input::DOSES, 1.0);
        c.input(PkField::Tinf, self.infusion_hours, &input::TINF, 1.0);
        let interval_ok = self.dosing_interval_days.is_finite() && self.dosing_interval_days > 0.0;
        if interval_ok
            && self.infusion_hours.is_finite()
            && self.infusion_days() >= self.dosing_interval_days
        {
            c.errors.push(InputError {
                field: PkField::Tinf,
                value: self.infusion_hours,
                problem: Problem::InfusionLongerThanInterval,
            });
        }
        if interval_ok && self.span_days() > MAX_SPAN_DAYS {
            c.errors.push(InputError {
                field: PkField::Doses,
                value: self.span_days(),
                problem: Problem::SpanTooLong,
            });
        }
    }
}

impl PopulationSpec {
    pub fn validate(&self) -> Result<(), Vec<InputError>> {
        let mut c = Checker::default();
        self.check(&mut c);
        c.finish()
    }

    pub(crate) fn check(&self, c: &mut Checker) {
        c.input(PkField::N, f64::from(self.patients), &input::PATIENTS, 1.0);
        c.input(PkField::CvCl, self.cv_clearance_percent, &input::CV_CL, 1.0);
        c.input(
            PkField::CvV1,
            self.cv_central_volume_percent,
            &input::CV_V1,
            1.0,
        );
        if self.seed > MAX_SEED {
            c.errors.push(InputError {
                field: PkField::Seed,
                value: self.seed as f64,
                problem: Problem::OutOfRange {
                    min: 0.0,
                    max: MAX_SEED as f64,
                },
            });
        }
    }
}

impl GridSpec {
    pub(crate) fn check(&self, c: &mut Checker) {
        c.range(PkField::Grid, self.points_per_day, 0.01, 96.0);
    }
}

/// Variance of the log of a log-normal variable with the given coefficient of variation (%):
/// omega^2 = ln(1 + CV^2).
pub fn omega_squared(cv_percent: f64) -> f64 {
    let cv = cv_percent / 100.0;
    (cv * cv).ln_1p()
}

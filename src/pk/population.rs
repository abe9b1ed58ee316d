//! Virtual patients: log-normal between-patient variability of CL and V1, simulated in chunks
//! so a page can stay responsive, summarised as percentile bands and metric percentiles.

use super::engine::{run_patient, CycleMetrics, Outputs, Schedule};
use super::params::{
    omega_squared, Checker, GridSpec, InputError, ModelParams, PkField, PopulationSpec, Problem,
    Regimen, MAX_PATIENTS,
};
use super::simulate::{check_all, ExposureMetrics, PatientParams};
use serde::{Deserialize, Serialize};

/// Most concentrations a run keeps for its bands (patients x grid points): 64 MB of f32.
/// Beyond it the band grid is thinned.
pub const MAX_BAND_VALUES: usize = 16_000_000;

/// SplitMix64 (Steele, Lea, Flood 2014): a 64-bit generator that passes BigCrush, in three lines.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1]: the top 53 bits, plus one, over 2^53.
    pub fn next_open01(&mut self) -> f64 {
        ((self.next_u64() >> 11) + 1) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Two independent standard normal values (Box-Muller).
    pub fn standard_normal_pair(&mut self) -> (f64, f64) {
        let radius = (-2.0 * self.next_open01().ln()).sqrt();
        let angle = std::f64::consts::TAU * self.next_open01();
        (radius * angle.cos(), radius * angle.sin())
    }
}

/// The 5th, 50th and 95th percentiles of a metric across patients.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Percentiles {
    pub p05: f64,
    pub p50: f64,
    pub p95: f64,
}

/// Each exposure metric's 5/50/95th percentiles across patients (same ids and units as
/// [`ExposureMetrics`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricPercentiles {
    pub cmax_first: Percentiles,
    pub ctrough_first: Percentiles,
    pub cmax_ss: Percentiles,
    pub ctrough_ss: Percentiles,
    pub auc_ss: Percentiles,
    /// Over the patients whose accumulation ratio is defined; None if no patient's is.
    pub rac: Option<Percentiles>,
    pub t90ss_days: Percentiles,
}

/// Population result: concentration percentiles (µg/mL) at each grid time, metric percentiles.
/// Percentiles interpolate linearly between order statistics (position p (n - 1), as numpy's
/// default).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PopulationSummary {
    pub patients: u32,
    pub seed: u64,
    /// Grid times, days from the first dose.
    pub times_days: Vec<f64>,
    pub p05: Vec<f64>,
    pub p25: Vec<f64>,
    pub p50: Vec<f64>,
    pub p75: Vec<f64>,
    pub p95: Vec<f64>,
    pub metrics: MetricPercentiles,
}

const METRIC_COUNT: usize = 6;
const BAND_PROBABILITIES: [f64; 5] = [0.05, 0.25, 0.5, 0.75, 0.95];

/// A population simulation that runs in chunks, and summarises in chunks too:
///
/// ```
/// use ivocalc::pk::{default_model, default_regimen, default_population, GridSpec, PopulationRun};
/// let mut run = PopulationRun::new(&default_model(), &default_regimen(), &default_population(), &GridSpec::BANDS).unwrap();
/// run.advance(200);
/// while !run.summarise(100) {} // percentiles of 100 grid points at a time
/// let first = run.summary().unwrap(); // bands of the first 200 patients, to show meanwhile
/// assert_eq!(first.patients, 200);
/// while !run.is_finished() {
///     run.advance(200); // then yield to the page, show run.progress()
/// }
/// while !run.summarise(100) {}
/// let summary = run.finish();
/// assert_eq!(summary.patients, 1000);
/// ```
///
/// The patients are drawn in order from the seed, so the first patients of a run are the same
/// whatever its size, chunks or summaries along the way: the result depends on the inputs and
/// the seed alone.
#[derive(Clone, Debug)]
pub struct PopulationRun {
    schedule: Schedule,
    typical: PatientParams,
    omega_clearance: f64,
    omega_central_volume: f64,
    rng: SplitMix64,
    patients: usize,
    done: usize,
    seed: u64,
    dose_mg: f64,
    infusion_days: f64,
    interval_days: f64,
    /// Concentrations as f32 order keys ([`f32_key`]), patient major:
    /// values[patient * points + point], one patient after the other as they are simulated.
    values: Vec<u32>,
    /// One patient's values, as the solver gives them.
    row: Vec<u32>,
    /// One grid point's values across the patients, gathered for its percentiles.
    column: Vec<u32>,
    /// cmax_first, ctrough_first, cmax_ss, ctrough_ss, auc_ss, t90ss_days of each patient.
    metrics: [Vec<f64>; METRIC_COUNT],
    rac: Vec<f64>,
    cycles: Vec<CycleMetrics>,
    /// p05, p25, p50, p75, p95 of the grid points summarised so far ...
    bands: [Vec<f64>; 5],
    /// ... over this many patients (the first ones).
    bands_patients: usize,
}

impl PopulationRun {
    /// Validates the inputs and prepares the run (no patient simulated yet).
    pub fn new(
        model: &ModelParams,
        regimen: &Regimen,
        population: &PopulationSpec,
        grid: &GridSpec,
    ) -> Result<Self, Vec<InputError>> {
        check_all(model, regimen, Some(grid))?;
        let mut c = Checker::default();
        population.check(&mut c);
        c.finish()?;
        let patients = population.patients as usize;
        let mut schedule = Schedule::new(model, regimen, Outputs::Grid(*grid));
        if schedule.output_times.len() * patients > MAX_BAND_VALUES {
            // Thin the even grid; the infusion start and end points stay.
            let fixed = 2 * regimen.doses as usize + 2;
            let room = (MAX_BAND_VALUES / patients).saturating_sub(fixed) as f64;
            let thinner = GridSpec {
                points_per_day: (room / regimen.span_days()).min(grid.points_per_day),
            };
            if thinner.points_per_day >= 0.01 {
                schedule = Schedule::new(model, regimen, Outputs::Grid(thinner));
            }
            if schedule.output_times.len() * patients > MAX_BAND_VALUES {
                let most =
                    (MAX_BAND_VALUES / schedule.output_times.len()).min(MAX_PATIENTS as usize);
                return Err(vec![InputError {
                    field: PkField::N,
                    value: f64::from(population.patients),
                    problem: Problem::OutOfRange {
                        min: 1.0,
                        max: most as f64,
                    },
                }]);
            }
        }
        let points = schedule.output_times.len();
        Ok(PopulationRun {
            schedule,
            typical: PatientParams::typical(model, regimen.weight_kg),
            omega_clearance: omega_squared(population.cv_clearance_percent).sqrt(),
            omega_central_volume: omega_squared(population.cv_central_volume_percent).sqrt(),
            rng: SplitMix64::new(population.seed),
            patients,
            done: 0,
            seed: population.seed,
            dose_mg: regimen.dose_mg(),
            infusion_days: regimen.infusion_days(),
            interval_days: regimen.dosing_interval_days,
            // Reserved, not filled: filling up to 64 MB would hold the page up before the first
            // patient.
            values: Vec::with_capacity(points * patients),
            row: vec![0; points],
            column: Vec::with_capacity(patients),
            metrics: std::array::from_fn(|_| Vec::with_capacity(patients)),
            rac: Vec::with_capacity(patients),
            cycles: Vec::with_capacity(regimen.doses as usize),
            bands: std::array::from_fn(|_| Vec::with_capacity(points)),
            bands_patients: 0,
        })
    }

    /// Simulates up to `max_patients` more patients; returns how many it simulated.
    pub fn advance(&mut self, max_patients: u32) -> u32 {
        // (Saturating: usize has 32 bits in WebAssembly, and `finish` asks for u32::MAX more.)
        let end = self
            .done
            .saturating_add(max_patients as usize)
            .min(self.patients);
        let start = self.done;
        for _ in start..end {
            let (z_cl, z_v1) = self.rng.standard_normal_pair();
            let mut pk = self.typical.pk();
            pk.clearance_first_dose *= (self.omega_clearance * z_cl).exp();
            pk.central_volume *= (self.omega_central_volume * z_v1).exp();
            let row = &mut self.row;
            run_patient(
                &self.schedule,
                &pk,
                self.dose_mg,
                self.infusion_days,
                &mut self.cycles,
                |j, c| row[j] = f32_key(c as f32),
            );
            self.values.extend_from_slice(row);
            if let Some(m) = ExposureMetrics::from_cycles(&self.cycles, self.interval_days) {
                let row = [
                    m.cmax_first,
                    m.ctrough_first,
                    m.cmax_ss,
                    m.ctrough_ss,
                    m.auc_ss,
                    m.t90ss_days,
                ];
                for (column, value) in self.metrics.iter_mut().zip(row) {
                    column.push(value);
                }
                if let Some(rac) = m.rac {
                    self.rac.push(rac);
                }
            }
        }
        self.done = end;
        (end - start) as u32
    }

    pub fn patients_done(&self) -> u32 {
        self.done as u32
    }

    /// Fraction of patients simulated, 0 to 1.
    pub fn progress(&self) -> f64 {
        self.done as f64 / self.patients as f64
    }

    pub fn is_finished(&self) -> bool {
        self.done == self.patients
    }

    /// The band percentiles of up to `max_points` more grid points, over the patients
    /// simulated so far; true when every point has them. Simulating more patients starts the
    /// bands again.
    pub fn summarise(&mut self, max_points: usize) -> bool {
        if self.bands_patients != self.done {
            self.bands.iter_mut().for_each(Vec::clear);
            self.bands_patients = self.done;
        }
        let points = self.schedule.output_times.len();
        let start = self.bands[0].len();
        let end = start.saturating_add(max_points).min(points);
        for point in start..end {
            let q = self.point_quantiles(point);
            for (band, value) in self.bands.iter_mut().zip(q) {
                band.push(value);
            }
        }
        end == points
    }

    /// The band percentiles at one grid point across the patients simulated so far.
    fn point_quantiles(&mut self, point: usize) -> [f64; 5] {
        let points = self.schedule.output_times.len();
        self.column.clear();
        self.column
            .extend(self.values.iter().skip(point).step_by(points).copied());
        key_quantiles(&mut self.column, &BAND_PROBABILITIES)
    }

    /// The summary of the patients simulated so far (all of them once the run is finished),
    /// after [`summarise`](Self::summarise) has done every grid point for them, else `None`.
    /// Bands to show while the run goes on; the run's own result stays the same.
    pub fn summary(&mut self) -> Option<PopulationSummary> {
        let complete = self.bands_patients == self.done
            && self.bands[0].len() == self.schedule.output_times.len();
        complete.then(|| self.summary_of_bands())
    }

    /// [`summarise`](Self::summarise) all at once and [`summary`](Self::summary).
    pub fn summary_so_far(&mut self) -> PopulationSummary {
        self.summarise(usize::MAX);
        self.summary_of_bands()
    }

    /// The bands as they stand, with the metrics' percentiles over the patients done.
    fn summary_of_bands(&mut self) -> PopulationSummary {
        let metrics = self.metric_percentiles();
        let [p05, p25, p50, p75, p95] = self.bands.clone();
        PopulationSummary {
            patients: self.done as u32,
            seed: self.seed,
            times_days: self.schedule.output_times.clone(),
            p05,
            p25,
            p50,
            p75,
            p95,
            metrics,
        }
    }

    /// Each metric's percentiles over the patients simulated so far.
    fn metric_percentiles(&mut self) -> MetricPercentiles {
        let metric = |column: &mut Vec<f64>| {
            let q = quantiles(column, &[0.05, 0.5, 0.95]);
            Percentiles {
                p05: q[0],
                p50: q[1],
                p95: q[2],
            }
        };
        let [cmax_first, ctrough_first, cmax_ss, ctrough_ss, auc_ss, t90ss_days] =
            &mut self.metrics;
        MetricPercentiles {
            cmax_first: metric(cmax_first),
            ctrough_first: metric(ctrough_first),
            cmax_ss: metric(cmax_ss),
            ctrough_ss: metric(ctrough_ss),
            auc_ss: metric(auc_ss),
            rac: if self.rac.is_empty() {
                None
            } else {
                Some(metric(&mut self.rac))
            },
            t90ss_days: metric(t90ss_days),
        }
    }

    /// Simulates and summarises whatever is left; the summary of every patient.
    pub fn finish(mut self) -> PopulationSummary {
        self.advance(u32::MAX);
        self.summarise(usize::MAX);
        self.summary_of_bands()
    }
}

/// Runs a whole population at once on the band grid.
pub fn simulate_population(
    model: &ModelParams,
    regimen: &Regimen,
    population: &PopulationSpec,
) -> Result<PopulationSummary, Vec<InputError>> {
    Ok(PopulationRun::new(model, regimen, population, &GridSpec::BANDS)?.finish())
}

/// An unsigned integer whose order is the numeric order of the (non-NaN) f32: sign bit flipped
/// for positive numbers, all bits flipped for negative ones. Sorting these is much cheaper than
/// sorting floats with a comparison closure.
fn f32_key(x: f32) -> u32 {
    let bits = x.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    }
}

fn f32_from_key(key: u32) -> f32 {
    if key >> 31 == 1 {
        f32::from_bits(key & 0x7FFF_FFFF)
    } else {
        f32::from_bits(!key)
    }
}

/// [`quantiles`] of f32 values given as order keys.
fn key_quantiles<const K: usize>(keys: &mut [u32], probabilities: &[f64; K]) -> [f64; K] {
    let mut out = [0.0; K];
    let n = keys.len();
    if n == 0 {
        return out;
    }
    let mut lo = 0;
    for (slot, &p) in out.iter_mut().zip(probabilities) {
        let position = p.clamp(0.0, 1.0) * (n - 1) as f64;
        let i = (position.floor() as usize).clamp(lo, n - 1);
        let fraction = position - i as f64;
        keys[lo..].select_nth_unstable(i - lo);
        let a = f64::from(f32_from_key(keys[i]));
        let b = match keys[i + 1..].iter().min() {
            Some(&next) if fraction > 0.0 => f64::from(f32_from_key(next)),
            _ => a,
        };
        *slot = a + fraction * (b - a);
        lo = i;
    }
    out
}

/// Percentiles at ascending probabilities, linear between order statistics at p (n - 1).
/// Reorders `data`. Empty data gives zeros.
pub fn quantiles<T: Copy + Into<f64>, const K: usize>(
    data: &mut [T],
    probabilities: &[f64; K],
) -> [f64; K] {
    let mut out = [0.0; K];
    let n = data.len();
    if n == 0 {
        return out;
    }
    let cmp = |a: &T, b: &T| (*a).into().total_cmp(&(*b).into());
    // (Band columns use key_quantiles, the same algorithm on integer keys.)
    // Invariant: every element before `lo` is <= every element from `lo` on.
    let mut lo = 0;
    for (slot, &p) in out.iter_mut().zip(probabilities) {
        let position = p.clamp(0.0, 1.0) * (n - 1) as f64;
        let i = (position.floor() as usize).clamp(lo, n - 1);
        let fraction = position - i as f64;
        data[lo..].select_nth_unstable_by(i - lo, cmp);
        let a: f64 = data[i].into();
        let b = if fraction > 0.0 && i + 1 < n {
            data[i + 1..]
                .iter()
                .map(|&x| x.into())
                .fold(f64::INFINITY, f64::min)
        } else {
            a
        };
        *slot = a + fraction * (b - a);
        lo = i;
    }
    out
}

#[cfg(test)]
pub(crate) mod tests_support {
    pub fn key(x: f32) -> u32 {
        super::f32_key(x)
    }
    pub fn value(key: u32) -> f32 {
        super::f32_from_key(key)
    }
    pub fn quantiles(keys: &mut [u32], p: &[f64; 5]) -> [f64; 5] {
        super::key_quantiles(keys, p)
    }
}

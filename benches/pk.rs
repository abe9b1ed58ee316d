//! Native timing of the PK engine (std::time::Instant; no harness). Run in release:
//! `cargo bench --bench pk`. Prints, for each workload, the median and the fastest of several
//! repetitions.
//!
//! Workloads:
//! 1. one regimen: 20 mg/kg every 3 weeks, 17 doses, the curve grid (4 points a day);
//! 2. 1000 virtual patients over a year (the same regimen, 357 days), band grid (2 points a day);
//! 3. the workload mrgsolve publishes (2000 subjects, 57 daily doses, 1345 hourly output points;
//!    9.4 s single core there): 2000 patients, 57 daily 1-h infusions, hourly grid over the 57
//!    days (1369 hourly points plus the 57 infusion ends), this engine's model.

use ivocalc::pk::{
    default_model, default_population, default_regimen, simulate, GridSpec, PopulationRun,
    PopulationSpec, Regimen,
};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn time<T>(repetitions: usize, mut work: impl FnMut() -> T) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..repetitions)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[0])
}

fn report(name: &str, (median, fastest): (Duration, Duration)) {
    println!(
        "{name:<58} median {:>10.3} ms   fastest {:>10.3} ms",
        median.as_secs_f64() * 1e3,
        fastest.as_secs_f64() * 1e3
    );
}

fn main() {
    let start = Instant::now();
    let model = default_model();
    println!(
        "default model calibration (V2, T50), once per page: {:.3} ms",
        start.elapsed().as_secs_f64() * 1e3
    );

    let regimen = default_regimen();
    report(
        "one regimen, 20 mg/kg q3w x17, curve grid",
        time(200, || simulate(&model, &regimen)),
    );

    let population = default_population();
    report(
        "1000 patients, 20 mg/kg q3w x17 (357 days), band grid",
        time(7, || {
            PopulationRun::new(&model, &regimen, &population, &GridSpec::BANDS)
                .map(|run| run.finish())
        }),
    );
    // The same run split into simulating the patients and summarising (percentiles).
    let (mut simulating, mut summarising) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        let start = Instant::now();
        if let Ok(mut run) = PopulationRun::new(&model, &regimen, &population, &GridSpec::BANDS) {
            run.advance(u32::MAX);
            let simulated = Instant::now();
            black_box(run.finish());
            simulating.push(simulated - start);
            summarising.push(simulated.elapsed());
        }
    }
    simulating.sort();
    summarising.sort();
    report(
        "  of which simulating (new + advance)",
        (simulating[3], simulating[0]),
    );
    report(
        "  of which summarising (finish: percentiles)",
        (summarising[3], summarising[0]),
    );
    let ten_thousand = PopulationSpec {
        patients: 10_000,
        ..population
    };
    report(
        "10000 patients, 20 mg/kg q3w x17 (357 days), band grid",
        time(3, || {
            PopulationRun::new(&model, &regimen, &ten_thousand, &GridSpec::BANDS)
                .map(|run| run.finish())
        }),
    );
    // What the page shows first: the bands of the first 500 of 10,000 patients.
    let mut first_bands: Vec<Duration> = (0..5)
        .filter_map(|_| {
            let mut run =
                PopulationRun::new(&model, &regimen, &ten_thousand, &GridSpec::BANDS).ok()?;
            run.advance(500);
            let start = Instant::now();
            black_box(run.summary_so_far());
            Some(start.elapsed())
        })
        .collect();
    first_bands.sort();
    report(
        "  bands of its first 500 patients (summary_so_far)",
        (first_bands[2], first_bands[0]),
    );
    report(
        "1000 patients, 357 days, curve grid (4 points a day)",
        time(5, || {
            PopulationRun::new(&model, &regimen, &population, &GridSpec::PROFILE)
                .map(|run| run.finish())
        }),
    );

    let daily = Regimen {
        dosing_interval_days: 1.0,
        doses: 57,
        ..regimen
    };
    let subjects = PopulationSpec {
        patients: 2000,
        ..population
    };
    let hourly = GridSpec {
        points_per_day: 24.0,
    };
    if let Ok(run) = PopulationRun::new(&model, &daily, &subjects, &hourly) {
        let summary = run.finish();
        println!(
            "mrgsolve workload: {} subjects, {} doses, {} output points each",
            summary.patients,
            daily.doses,
            summary.times_days.len()
        );
    }
    report(
        "mrgsolve workload (2000 x 57 daily doses, hourly output)",
        time(3, || {
            PopulationRun::new(&model, &daily, &subjects, &hourly).map(|run| run.finish())
        }),
    );
}

//! What the chart draws and what the downloads hold, built from the simulations (plain Rust,
//! tested natively).

use super::population::PopulationResult;
use crate::pk::{nanomolar_to_ug_per_ml, sources, PopulationSummary, Simulation};
use crate::scenario::pk::TimeUnit;
use crate::widgets::chart::{Band, ChartData, RefLine, Series};
use std::fmt::Write as _;

/// A curve to draw: its label and its simulation.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub label: String,
    pub simulation: Simulation,
}

/// Chart options from the inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartOptions {
    pub log_y: bool,
    pub time_unit: TimeUnit,
    /// Molecular weight for the IC50 lines, kDa; None: no lines.
    pub reference_mw_kda: Option<f64>,
}

/// The IC50 reference concentrations, µg/mL, with their labels.
pub fn ic50_lines(mw_kda: f64) -> Vec<RefLine> {
    let s = sources();
    [
        ("PD-1 signalling IC50", s.ic50_pd1_signalling_nm.value),
        ("VEGF signalling IC50", s.ic50_vegf_signalling_nm.value),
    ]
    .into_iter()
    .map(|(name, nm)| RefLine {
        label: format!(
            "{name} {nm} nM = {} µg/mL",
            crate::format::significant(nanomolar_to_ug_per_ml(nm, mw_kda), 3)
        ),
        y: nanomolar_to_ug_per_ml(nm, mw_kda),
    })
    .collect()
}

/// The chart of the curves (the first is the inputs' regimen) and the population bands.
pub fn chart_data(
    curves: &[Curve],
    population: Option<&PopulationSummary>,
    options: ChartOptions,
) -> ChartData {
    let per = options.time_unit.days();
    let scale = |xs: &[f64]| xs.iter().map(|t| t / per).collect::<Vec<_>>();
    let mut series: Vec<Series> = curves
        .iter()
        .enumerate()
        .map(|(i, c)| Series {
            label: c.label.clone(),
            xs: scale(&c.simulation.times_days),
            ys: c.simulation.conc_ug_per_ml.clone(),
            style: i,
            markers: scale(&c.simulation.dose_times_days),
        })
        .collect();
    let mut bands = Vec::new();
    if let Some(p) = population {
        let xs = scale(&p.times_days);
        bands.push(Band {
            label: "5-95 % of patients".into(),
            xs: xs.clone(),
            lower: p.p05.clone(),
            upper: p.p95.clone(),
            style: 0,
            inner: false,
        });
        bands.push(Band {
            label: "25-75 %".into(),
            xs: xs.clone(),
            lower: p.p25.clone(),
            upper: p.p75.clone(),
            style: 0,
            inner: true,
        });
        series.push(Series {
            label: "Population median".into(),
            xs,
            ys: p.p50.clone(),
            style: 3,
            markers: Vec::new(),
        });
    }
    let (x_label, x_name) = match options.time_unit {
        TimeUnit::Days => ("Time since the first dose (days)", "Day"),
        TimeUnit::Weeks => ("Time since the first dose (weeks)", "Week"),
    };
    ChartData {
        title: format!(
            "Ivonescimab serum concentration over time: {}",
            curves
                .iter()
                .map(|c| c.label.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        x_label: x_label.into(),
        x_name: x_name.into(),
        y_label: if options.log_y {
            "Concentration (µg/mL, log scale)".into()
        } else {
            "Concentration (µg/mL)".into()
        },
        y_unit: "µg/mL".into(),
        series,
        bands,
        ref_lines: options.reference_mw_kda.map(ic50_lines).unwrap_or_default(),
        log_y: options.log_y,
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The curves, the bands and the metrics as CSV: three tables one after the other, each with
/// its header row, separated by an empty line.
pub fn csv(curves: &[Curve], population: Option<&PopulationResult>) -> String {
    let mut out = String::new();
    out.push_str("regimen,time_days,conc_ug_per_ml\n");
    for c in curves {
        let label = csv_field(&c.label);
        for (t, y) in c
            .simulation
            .times_days
            .iter()
            .zip(&c.simulation.conc_ug_per_ml)
        {
            let _ = writeln!(out, "{label},{t},{y}");
        }
    }
    if let Some(p) = population {
        let s = &p.summary;
        let _ = writeln!(
            out,
            "\npopulation_time_days,p05_ug_per_ml,p25_ug_per_ml,p50_ug_per_ml,p75_ug_per_ml,p95_ug_per_ml"
        );
        for i in 0..s.times_days.len() {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{}",
                s.times_days[i], s.p05[i], s.p25[i], s.p50[i], s.p75[i], s.p95[i]
            );
        }
    }
    out.push_str(
        "\nregimen,metric,unit,typical_patient,population_p05,population_p50,population_p95\n",
    );
    for (k, c) in curves.iter().enumerate() {
        let m = &c.simulation.metrics;
        let pm = population.filter(|_| k == 0).map(|p| p.summary.metrics);
        let rows = [
            (
                "cmax-first",
                "ug/mL",
                Some(m.cmax_first),
                pm.map(|p| p.cmax_first),
            ),
            (
                "ctrough-first",
                "ug/mL",
                Some(m.ctrough_first),
                pm.map(|p| p.ctrough_first),
            ),
            ("cmax-ss", "ug/mL", Some(m.cmax_ss), pm.map(|p| p.cmax_ss)),
            (
                "ctrough-ss",
                "ug/mL",
                Some(m.ctrough_ss),
                pm.map(|p| p.ctrough_ss),
            ),
            ("auc-ss", "ug*day/mL", Some(m.auc_ss), pm.map(|p| p.auc_ss)),
            ("rac", "ratio", m.rac, pm.and_then(|p| p.rac)),
            (
                "t90ss-days",
                "days",
                Some(m.t90ss_days),
                pm.map(|p| p.t90ss_days),
            ),
        ];
        for (id, unit, value, band) in rows {
            let value = value.map(|v| v.to_string()).unwrap_or_default();
            let (p05, p50, p95) = band
                .map(|b| (b.p05.to_string(), b.p50.to_string(), b.p95.to_string()))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{},{id},{unit},{value},{p05},{p50},{p95}",
                csv_field(&c.label)
            );
        }
    }
    if let Some(p) = population {
        let _ = writeln!(
            out,
            "\npopulation_patients,seed,sim_ms\n{},{},{}",
            p.summary.patients, p.summary.seed, p.elapsed_ms
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pk::{default_model, default_regimen, simulate};

    fn curve() -> Curve {
        Curve {
            label: "20 mg/kg Q3W".into(),
            simulation: simulate(&default_model(), &default_regimen())
                .unwrap_or_else(|e| panic!("{e:?}")),
        }
    }

    #[test]
    fn ic50_lines_use_the_molecular_weight() {
        // 22.54 nM x 200 kDa / 1000 = 4.508 µg/mL; 3.13 nM x 200 / 1000 = 0.626 µg/mL.
        let lines = ic50_lines(200.0);
        assert!((lines[0].y - 4.508).abs() < 1e-12);
        assert!((lines[1].y - 0.626).abs() < 1e-12);
        assert!(lines[0].label.contains("4.51 µg/mL"));
        // 150 kDa: 22.54 x 0.15 = 3.381.
        assert!((ic50_lines(150.0)[0].y - 3.381).abs() < 1e-12);
    }

    #[test]
    fn weeks_divide_the_time_axis_by_seven() {
        let c = curve();
        let data = chart_data(
            std::slice::from_ref(&c),
            None,
            ChartOptions {
                log_y: true,
                time_unit: TimeUnit::Weeks,
                reference_mw_kda: None,
            },
        );
        let last = c.simulation.times_days.last().copied().unwrap_or_default();
        assert_eq!(data.series[0].xs.last().copied(), Some(last / 7.0));
        assert_eq!(data.series[0].markers[1], 3.0); // second dose on day 21 = week 3
        assert!(data.log_y && data.ref_lines.is_empty());
    }

    #[test]
    fn csv_holds_curves_and_metrics() {
        let c = curve();
        let text = csv(std::slice::from_ref(&c), None);
        assert!(text.starts_with("regimen,time_days,conc_ug_per_ml\n20 mg/kg Q3W,0,0\n"));
        assert_eq!(
            text.lines()
                .filter(|l| l.starts_with("20 mg/kg Q3W,"))
                .count(),
            c.simulation.times_days.len() + 7
        );
        let cmax = format!(
            "20 mg/kg Q3W,cmax-ss,ug/mL,{},,,",
            c.simulation.metrics.cmax_ss
        );
        assert!(text.contains(&cmax), "{cmax}");
    }
}

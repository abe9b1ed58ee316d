//! What the chart draws and what the downloads hold, built from the simulations (plain Rust,
//! tested natively).

use super::population::PopulationResult;
use crate::csv::Writer;
use crate::format::{significant, Quantity};
use crate::i18n::Lang;
use crate::pk::{nanomolar_to_ug_per_ml, sources, PopulationSummary, Simulation};
use crate::scenario::pk::TimeUnit;
use crate::tr;
use crate::widgets::chart::{Band, ChartData, RefLine, Series};
use std::rc::Rc;

/// A curve to draw: its label and its simulation (shared with the tables that show it).
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub label: String,
    pub simulation: Rc<Simulation>,
}

/// Chart options from the inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartOptions {
    pub log_y: bool,
    pub time_unit: TimeUnit,
    /// Molecular weight for the IC50 lines, kDa; None: no lines.
    pub reference_mw_kda: Option<f64>,
    /// Language of the chart's words.
    pub lang: Lang,
}

/// The IC50 reference concentrations, µg/mL, with their labels.
pub fn ic50_lines(mw_kda: f64, lang: Lang) -> Vec<RefLine> {
    let s = sources();
    [
        (
            tr!(
                "PD-1 signalling IC50 {nm} nM = {ug} µg/mL",
                "PD-1 信号通路 IC50 {nm} nM = {ug} µg/mL"
            ),
            s.ic50_pd1_signalling_nm.value,
        ),
        (
            tr!(
                "VEGF signalling IC50 {nm} nM = {ug} µg/mL",
                "VEGF 信号通路 IC50 {nm} nM = {ug} µg/mL"
            ),
            s.ic50_vegf_signalling_nm.value,
        ),
    ]
    .into_iter()
    .map(|(label, nm)| {
        let ug = nanomolar_to_ug_per_ml(nm, mw_kda);
        RefLine {
            label: label.fill(
                lang,
                &[("nm", &nm.to_string()), ("ug", &significant(ug, 3))],
            ),
            y: ug,
        }
    })
    .collect()
}

/// The chart of the curves (the first is the inputs' regimen) and the population bands.
pub fn chart_data(
    curves: &[Curve],
    population: Option<&PopulationSummary>,
    options: ChartOptions,
) -> ChartData {
    let lang = options.lang;
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
            label: tr!("5-95 % of patients", "5–95% 的患者").get(lang).into(),
            xs: xs.clone(),
            lower: p.p05.clone(),
            upper: p.p95.clone(),
            style: 0,
            inner: false,
        });
        bands.push(Band {
            label: tr!("25-75 %", "25–75%").get(lang).into(),
            xs: xs.clone(),
            lower: p.p25.clone(),
            upper: p.p75.clone(),
            style: 0,
            inner: true,
        });
        series.push(Series {
            label: tr!("Population median", "群体中位数").get(lang).into(),
            xs,
            ys: p.p50.clone(),
            style: 3,
            markers: Vec::new(),
        });
    }
    let (x_label, x_name) = match options.time_unit {
        TimeUnit::Days => (
            tr!("Time since the first dose (days)", "首次给药后时间（天）"),
            tr!("Day", "天"),
        ),
        TimeUnit::Weeks => (
            tr!("Time since the first dose (weeks)", "首次给药后时间（周）"),
            tr!("Week", "周"),
        ),
    };
    let y_label = if options.log_y {
        tr!(
            "Concentration (µg/mL, log scale)",
            "浓度（µg/mL，对数坐标）"
        )
    } else {
        tr!("Concentration (µg/mL)", "浓度（µg/mL）")
    };
    let regimens = curves
        .iter()
        .map(|c| c.label.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    ChartData {
        title: tr!(
            "Ivonescimab serum concentration over time: {regimens}",
            "依沃西单抗血清浓度随时间变化：{regimens}"
        )
        .fill(lang, &[("regimens", &regimens)]),
        x_label: x_label.get(lang).into(),
        x_name: x_name.get(lang).into(),
        y_label: y_label.get(lang).into(),
        y_unit: Quantity::UgPerMl.unit().get(lang).into(),
        series,
        bands,
        ref_lines: options
            .reference_mw_kda
            .map(|mw| ic50_lines(mw, lang))
            .unwrap_or_default(),
        log_y: options.log_y,
    }
}

/// The header row of each table of the CSV, in the page's language. The columns, their
/// order, the metric ids (`cmax-ss`, as CONTRACT.md's `data-testid`s), the units and the
/// numbers are the same in every language; only the header words follow the page.
fn header(lang: Lang, columns: &[crate::i18n::Text]) -> Vec<&'static str> {
    columns.iter().map(|c| c.get(lang)).collect()
}

/// The curves, the bands and the metrics as CSV: three tables one after the other, each with
/// its header row (in `lang`, see [`header`]), separated by an empty line (and a fourth with
/// the population run).
pub fn csv(curves: &[Curve], population: Option<&PopulationResult>, lang: Lang) -> String {
    let mut out = Writer::new();
    out.row(header(
        lang,
        &[
            tr!("regimen", "方案"),
            tr!("time_days", "时间（天）"),
            tr!("conc_ug_per_ml", "浓度（µg/mL）"),
        ],
    ));
    for c in curves {
        for (t, y) in c
            .simulation
            .times_days
            .iter()
            .zip(&c.simulation.conc_ug_per_ml)
        {
            out.row([c.label.clone(), t.to_string(), y.to_string()]);
        }
    }
    if let Some(p) = population {
        let s = &p.summary;
        out.blank_line();
        out.row(header(
            lang,
            &[
                tr!("population_time_days", "群体时间（天）"),
                tr!("p05_ug_per_ml", "第 5 百分位数（µg/mL）"),
                tr!("p25_ug_per_ml", "第 25 百分位数（µg/mL）"),
                tr!("p50_ug_per_ml", "中位数（µg/mL）"),
                tr!("p75_ug_per_ml", "第 75 百分位数（µg/mL）"),
                tr!("p95_ug_per_ml", "第 95 百分位数（µg/mL）"),
            ],
        ));
        for i in 0..s.times_days.len() {
            out.row(
                [
                    s.times_days[i],
                    s.p05[i],
                    s.p25[i],
                    s.p50[i],
                    s.p75[i],
                    s.p95[i],
                ]
                .map(|v| v.to_string()),
            );
        }
    }
    out.blank_line();
    out.row(header(
        lang,
        &[
            tr!("regimen", "方案"),
            tr!("metric", "指标"),
            tr!("unit", "单位"),
            tr!("typical_patient", "典型患者"),
            tr!("population_p05", "群体第 5 百分位数"),
            tr!("population_p50", "群体中位数"),
            tr!("population_p95", "群体第 95 百分位数"),
        ],
    ));
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
            out.row([c.label.as_str(), id, unit, &value, &p05, &p50, &p95]);
        }
    }
    if let Some(p) = population {
        out.blank_line();
        out.row(header(
            lang,
            &[
                tr!("population_patients", "虚拟患者数"),
                tr!("seed", "随机种子"),
                tr!("sim_ms", "模拟耗时（ms）"),
            ],
        ));
        out.row([
            p.summary.patients.to_string(),
            p.summary.seed.to_string(),
            p.elapsed_ms.to_string(),
        ]);
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pk::{default_model, default_regimen, simulate};

    fn curve() -> Curve {
        Curve {
            label: "20 mg/kg Q3W".into(),
            simulation: Rc::new(
                simulate(&default_model(), &default_regimen()).unwrap_or_else(|e| panic!("{e:?}")),
            ),
        }
    }

    #[test]
    fn ic50_lines_use_the_molecular_weight() {
        // 22.54 nM x 200 kDa / 1000 = 4.508 µg/mL; 3.13 nM x 200 / 1000 = 0.626 µg/mL.
        let lines = ic50_lines(200.0, Lang::En);
        assert!((lines[0].y - 4.508).abs() < 1e-12);
        assert!((lines[1].y - 0.626).abs() < 1e-12);
        assert!(lines[0].label.contains("4.51 µg/mL"));
        // 150 kDa: 22.54 x 0.15 = 3.381.
        assert!((ic50_lines(150.0, Lang::En)[0].y - 3.381).abs() < 1e-12);
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
                lang: Lang::En,
            },
        );
        let last = c.simulation.times_days.last().copied().unwrap_or_default();
        assert_eq!(data.series[0].xs.last().copied(), Some(last / 7.0));
        assert_eq!(data.series[0].markers[1], 3.0); // second dose on day 21 = week 3
        assert!(data.log_y && data.ref_lines.is_empty());
    }

    #[test]
    fn chart_words_in_english() {
        use crate::pk::{default_population, simulate_population, PopulationSpec};
        let c = curve();
        let population = simulate_population(
            &default_model(),
            &default_regimen(),
            &PopulationSpec {
                patients: 20,
                ..default_population()
            },
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let options = ChartOptions {
            log_y: false,
            time_unit: TimeUnit::Days,
            reference_mw_kda: Some(200.0),
            lang: Lang::En,
        };
        let data = chart_data(std::slice::from_ref(&c), Some(&population), options);
        assert_eq!(
            data.title,
            "Ivonescimab serum concentration over time: 20 mg/kg Q3W"
        );
        assert_eq!(data.x_label, "Time since the first dose (days)");
        assert_eq!(data.x_name, "Day");
        assert_eq!(data.y_label, "Concentration (µg/mL)");
        assert_eq!(data.y_unit, "µg/mL");
        let labels: Vec<&str> = data.series.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["20 mg/kg Q3W", "Population median"]);
        let bands: Vec<&str> = data.bands.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(bands, ["5-95 % of patients", "25-75 %"]);
        let refs: Vec<&str> = data.ref_lines.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            refs,
            [
                "PD-1 signalling IC50 22.54 nM = 4.51 µg/mL",
                "VEGF signalling IC50 3.13 nM = 0.626 µg/mL"
            ]
        );
        let weeks = ChartOptions {
            log_y: true,
            time_unit: TimeUnit::Weeks,
            ..options
        };
        let data = chart_data(std::slice::from_ref(&c), None, weeks);
        assert_eq!(data.x_label, "Time since the first dose (weeks)");
        assert_eq!(data.x_name, "Week");
        assert_eq!(data.y_label, "Concentration (µg/mL, log scale)");
    }

    #[test]
    fn csv_holds_curves_and_metrics() {
        let c = curve();
        let text = csv(std::slice::from_ref(&c), None, Lang::En);
        assert!(text.starts_with("regimen,time_days,conc_ug_per_ml\r\n20 mg/kg Q3W,0,0\r\n"));
        // Records end with CRLF (RFC 4180); tables are separated by an empty line.
        assert!(!text.replace("\r\n", "").contains('\n'));
        assert!(text.contains("\r\n\r\nregimen,metric,unit,"));
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
        // A regimen label is a text field: quoted, and kept from reading as a formula.
        let odd = Curve {
            label: "=1+1, \"x\"".into(),
            ..c
        };
        let text = csv(std::slice::from_ref(&odd), None, Lang::En);
        assert!(text.contains("\r\n\"'=1+1, \"\"x\"\"\",0,0\r\n"));
    }
}

//! The exposure metrics (CONTRACT.md ids), each with its population 5-95 % range, the per-cycle
//! table and the comparison of the charted regimens.

use super::export::Curve;
use super::population::PopulationResult;
use crate::pk::{MetricPercentiles, Percentiles, Simulation};
use crate::widgets::result::{format_significant, ResultValue};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MetricsProps {
    pub simulation: Rc<Simulation>,
    /// Population percentiles of the same inputs, when a run has finished.
    #[prop_or_default]
    pub population: Option<MetricPercentiles>,
    /// The last population run (for `sim-ms`), possibly of earlier inputs.
    #[prop_or_default]
    pub last_run: Option<Rc<PopulationResult>>,
}

fn range(p: Option<Percentiles>, unit: &str) -> Html {
    match p {
        Some(p) => html! {
            <span class="pop-range" data-p05={p.p05.to_string()} data-p95={p.p95.to_string()}>
                {format!("5-95 % of patients: {} to {} {unit}", format_significant(p.p05, 3), format_significant(p.p95, 3))}
            </span>
        },
        None => Html::default(),
    }
}

/// The metrics of the inputs' regimen in the typical patient.
#[function_component]
pub fn Metrics(props: &MetricsProps) -> Html {
    let m = props.simulation.metrics;
    let p = props.population;
    html! {
        <dl class="results pk-metrics">
            <ResultValue testid="cmax-first" label="Cmax after dose 1" value={m.cmax_first} unit="µg/mL">{range(p.map(|p| p.cmax_first), "µg/mL")}</ResultValue>
            <ResultValue testid="ctrough-first" label="Trough before dose 2" value={m.ctrough_first} unit="µg/mL">{range(p.map(|p| p.ctrough_first), "µg/mL")}</ResultValue>
            <ResultValue testid="cmax-ss" label="Cmax after the last dose" value={m.cmax_ss} unit="µg/mL">{range(p.map(|p| p.cmax_ss), "µg/mL")}</ResultValue>
            <ResultValue testid="ctrough-ss" label="Trough after the last dose" value={m.ctrough_ss} unit="µg/mL">{range(p.map(|p| p.ctrough_ss), "µg/mL")}</ResultValue>
            <ResultValue testid="auc-ss" label="AUC over the last interval" value={m.auc_ss} unit="µg·day/mL">{range(p.map(|p| p.auc_ss), "µg·day/mL")}</ResultValue>
            if let Some(rac) = m.rac {
                <ResultValue testid="rac" label="Accumulation ratio (troughs)" value={rac} digits={3}>{range(p.and_then(|p| p.rac), "")}</ResultValue>
            } else {
                <div class="result"><dt>{"Accumulation ratio (troughs)"}</dt><dd><output data-testid="rac">{"—"}</output>
                    <span class="pop-range">{"Not defined: the first trough is zero."}</span></dd></div>
            }
            <ResultValue testid="t90ss-days" label="Time to 90 % of the last trough" value={m.t90ss_days} unit="days">
                <span class="pop-range">{format!("week {} ", format_significant(m.t90ss_days / 7.0, 3))}</span>
                {range(p.map(|p| p.t90ss_days), "days")}
            </ResultValue>
            if let Some(run) = &props.last_run {
                <ResultValue testid="sim-ms" label="Population simulation time" value={run.elapsed_ms} unit="ms" digits={3}>
                    <span class="pop-range">{format!("{} patients, seed {}, in this browser", run.summary.patients, run.summary.seed)}</span>
                </ResultValue>
            }
        </dl>
    }
}

#[derive(Properties, PartialEq)]
pub struct CycleTableProps {
    pub simulation: Rc<Simulation>,
}

/// One row per dosing interval of the inputs' regimen.
#[function_component]
pub fn CycleTable(props: &CycleTableProps) -> Html {
    let s = &props.simulation;
    let last = s.metrics.ctrough_ss;
    html! {
        <details class="cycles">
            <summary>{format!("Per-cycle table ({} intervals)", s.cycles.len())}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Per-cycle table">
                <table data-testid="cycle-table">
                    <caption>{"Each dosing interval in the typical patient"}</caption>
                    <thead><tr>
                        <th scope="col" class="num">{"Cycle"}</th>
                        <th scope="col" class="num">{"Dose day"}</th>
                        <th scope="col" class="num">{"Cmax (µg/mL)"}</th>
                        <th scope="col" class="num">{"Trough (µg/mL)"}</th>
                        <th scope="col" class="num">{"AUC (µg·day/mL)"}</th>
                        <th scope="col" class="num">{"Trough, % of last"}</th>
                    </tr></thead>
                    <tbody>
                        { for s.cycles.iter().map(|c| html! {
                            <tr>
                                <th scope="row" class="num">{c.cycle}</th>
                                <td class="num">{format_significant(c.start_day, 4)}</td>
                                <td class="num">{format_significant(c.cmax_ug_per_ml, 4)}</td>
                                <td class="num">{format_significant(c.ctrough_ug_per_ml, 4)}</td>
                                <td class="num">{format_significant(c.auc_ug_day_per_ml, 4)}</td>
                                <td class="num">{format_significant(100.0 * c.ctrough_ug_per_ml / last, 3)}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareTableProps {
    pub curves: Rc<Vec<Curve>>,
}

/// The charted regimens side by side.
#[function_component]
pub fn CompareTable(props: &CompareTableProps) -> Html {
    if props.curves.len() < 2 {
        return Html::default();
    }
    let base = props.curves[0].simulation.metrics;
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Regimens on the chart">
            <table data-testid="compare-table">
                <caption>{"Regimens on the chart, typical patient (ratios to the first row)"}</caption>
                <thead><tr>
                    <th scope="col">{"Regimen"}</th>
                    <th scope="col" class="num">{"Doses"}</th>
                    <th scope="col" class="num">{"Cmax,ss (µg/mL)"}</th>
                    <th scope="col" class="num">{"Trough,ss (µg/mL)"}</th>
                    <th scope="col" class="num">{"AUC,ss per week (µg·day/mL)"}</th>
                </tr></thead>
                <tbody>
                    { for props.curves.iter().map(|c| {
                        let m = c.simulation.metrics;
                        let interval_weeks = c.simulation.cycles.len().max(1) as f64;
                        let weeks = c.simulation.times_days.last().copied().unwrap_or(0.0) / 7.0 / interval_weeks;
                        let base_weeks = props.curves[0].simulation.times_days.last().copied().unwrap_or(0.0) / 7.0 / props.curves[0].simulation.cycles.len().max(1) as f64;
                        let auc_week = m.auc_ss / weeks;
                        let base_auc_week = base.auc_ss / base_weeks;
                        html! {
                            <tr>
                                <th scope="row">{c.label.clone()}</th>
                                <td class="num">{c.simulation.cycles.len()}</td>
                                <td class="num">{format!("{} (×{})", format_significant(m.cmax_ss, 4), format_significant(m.cmax_ss / base.cmax_ss, 3))}</td>
                                <td class="num">{format!("{} (×{})", format_significant(m.ctrough_ss, 4), format_significant(m.ctrough_ss / base.ctrough_ss, 3))}</td>
                                <td class="num">{format!("{} (×{})", format_significant(auc_week, 4), format_significant(auc_week / base_auc_week, 3))}</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

//! The exposure metrics (CONTRACT.md ids), each with its population 5-95 % range, the per-cycle
//! table and the comparison of the charted regimens.

use super::export::Curve;
use super::population::PopulationResult;
use crate::format::{significant, Quantity};
use crate::i18n::Lang;
use crate::pk::{MetricPercentiles, Percentiles, Simulation};
use crate::results::{Outcome, Reason, ResultId};
use crate::tr;
use crate::widgets::result::ResultRow;
use crate::widgets::table::head;
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

fn range(p: Option<Percentiles>, quantity: Quantity, lang: Lang) -> Html {
    match p {
        Some(p) => html! {
            <span class="pop-range" data-p05={p.p05.to_string()} data-p95={p.p95.to_string()}>
                {tr!("5-95 % of patients: {low} to {high}", "5–95% 的患者：{low} 至 {high}").fill(lang, &[
                    ("low", &significant(p.p05, 3)),
                    ("high", format!("{} {}", significant(p.p95, 3), quantity.unit().get(lang)).trim()),
                ])}
            </span>
        },
        None => Html::default(),
    }
}

/// The metrics of the inputs' regimen in the typical patient.
#[function_component]
pub fn Metrics(props: &MetricsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let m = props.simulation.metrics;
    let p = props.population;
    let row = |id: ResultId, value: f64, band: Option<Percentiles>| {
        html! {
            <ResultRow {id} outcome={Outcome::Value(value)}>{range(band, id.quantity(), lang)}</ResultRow>
        }
    };
    let rac = match m.rac {
        Some(rac) => Outcome::Value(rac),
        None => Outcome::Missing(Reason::Because(tr!(
            "not defined: the first trough is zero",
            "无定义：首次谷浓度为零"
        ))),
    };
    html! {
        <dl class="results pk-metrics">
            { row(ResultId::CmaxFirst, m.cmax_first, p.map(|p| p.cmax_first)) }
            { row(ResultId::CtroughFirst, m.ctrough_first, p.map(|p| p.ctrough_first)) }
            { row(ResultId::CmaxSs, m.cmax_ss, p.map(|p| p.cmax_ss)) }
            { row(ResultId::CtroughSs, m.ctrough_ss, p.map(|p| p.ctrough_ss)) }
            { row(ResultId::AucSs, m.auc_ss, p.map(|p| p.auc_ss)) }
            <ResultRow id={ResultId::Rac} outcome={rac}>{range(p.and_then(|p| p.rac), Quantity::Ratio, lang)}</ResultRow>
            <ResultRow id={ResultId::T90ssDays} outcome={Outcome::Value(m.t90ss_days)}>
                <span class="pop-range">{tr!("week {week} ", "第 {week} 周 ").fill(lang, &[("week", &significant(m.t90ss_days / 7.0, 3))])}</span>
                {range(p.map(|p| p.t90ss_days), Quantity::Days, lang)}
            </ResultRow>
            if let Some(run) = &props.last_run {
                <ResultRow id={ResultId::SimMs} outcome={Outcome::Value(run.elapsed_ms)}>
                    <span class="pop-range">{tr!("{count} patients, seed {seed_number}, in this browser", "{count} 名虚拟患者，随机种子 {seed_number}，在本浏览器中运行").fill(lang, &[
                        ("count", &run.summary.patients.to_string()),
                        ("seed_number", &run.summary.seed.to_string()),
                    ])}</span>
                </ResultRow>
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
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |text: crate::i18n::Text| text.get(lang);
    let s = &props.simulation;
    let last = s.metrics.ctrough_ss;
    html! {
        <details class="cycles">
            <summary>{tr!("Per-cycle table ({count} intervals)", "各周期表（{count} 个给药间隔）").fill(lang, &[("count", &s.cycles.len().to_string())])}</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-label={t(tr!("Per-cycle table", "各周期表"))}>
                <table data-testid="cycle-table">
                    <caption>{t(tr!("Each dosing interval in the typical patient", "典型患者的每个给药间隔"))}</caption>
                    { head(&[
                        (t(tr!("Cycle", "周期")), true),
                        (t(tr!("Dose day", "给药日")), true),
                        ("Cmax (µg/mL)", true),
                        (t(tr!("Trough (µg/mL)", "谷浓度（µg/mL）")), true),
                        (t(tr!("AUC (µg·day/mL)", "AUC（µg·天/mL）")), true),
                        (t(tr!("Trough, % of last", "谷浓度占末次的百分比")), true),
                    ]) }
                    <tbody>
                        { for s.cycles.iter().map(|c| html! {
                            <tr>
                                <th scope="row" class="num">{c.cycle}</th>
                                <td class="num">{significant(c.start_day, 4)}</td>
                                <td class="num">{significant(c.cmax_ug_per_ml, 4)}</td>
                                <td class="num">{significant(c.ctrough_ug_per_ml, 4)}</td>
                                <td class="num">{significant(c.auc_ug_day_per_ml, 4)}</td>
                                <td class="num">{significant(100.0 * c.ctrough_ug_per_ml / last, 3)}</td>
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
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |text: crate::i18n::Text| text.get(lang);
    if props.curves.len() < 2 {
        return Html::default();
    }
    let base = props.curves[0].simulation.metrics;
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={t(tr!("Regimens on the chart", "图中的给药方案"))}>
            <table data-testid="compare-table">
                <caption>{t(tr!("Regimens on the chart, typical patient (ratios to the first row)", "图中的给药方案，典型患者（括号内为与第一行之比）"))}</caption>
                { head(&[
                    (t(tr!("Regimen", "方案")), false),
                    (t(tr!("Doses", "给药次数")), true),
                    ("Cmax,ss (µg/mL)", true),
                    (t(tr!("Trough,ss (µg/mL)", "稳态谷浓度（µg/mL）")), true),
                    (t(tr!("AUC,ss per week (µg·day/mL)", "每周稳态 AUC（µg·天/mL）")), true),
                ]) }
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
                                <td class="num">{format!("{} (×{})", significant(m.cmax_ss, 4), significant(m.cmax_ss / base.cmax_ss, 3))}</td>
                                <td class="num">{format!("{} (×{})", significant(m.ctrough_ss, 4), significant(m.ctrough_ss / base.ctrough_ss, 3))}</td>
                                <td class="num">{format!("{} (×{})", significant(auc_week, 4), significant(auc_week / base_auc_week, 3))}</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

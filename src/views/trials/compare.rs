//! Compare: the selected cohorts side by side, a bar chart of ORR and DCR, a forest plot of
//! hazard ratios, and the caveat on comparing across trials.

use super::format::{cohort_name, figure_line, short_label, short_trial};
use super::table::FIGURE_COLUMNS;
use crate::trials::{Dataset, Record};
use crate::widgets::bars::{BarChart, BarGroup};
use crate::widgets::forest::{ForestPlot, ForestRow};
use yew::prelude::*;

/// Most cohorts drawn in the bar chart when none are selected.
pub const MAX_BARS: usize = 12;

pub const CAVEAT: &str = "Cross-trial comparison: these cohorts come from different trials with \
different populations, lines of therapy, phases, countries, comparators, follow-up and response \
criteria, and many are small single-arm or subgroup results. Side by side they are not a \
randomised comparison; read each figure with its source and notes.";

pub fn bar_groups(rows: &[&Record]) -> Vec<BarGroup> {
    rows.iter()
        .filter(|r| r.figure("orr").is_some() || r.figure("dcr").is_some())
        .map(|r| BarGroup {
            label: short_label(r),
            values: vec![
                r.figure("orr").and_then(|f| f.number()),
                r.figure("dcr").and_then(|f| f.number()),
            ],
        })
        .collect()
}

pub fn forest_rows(rows: &[&Record]) -> Vec<ForestRow> {
    rows.iter()
        .filter_map(|r| {
            let f = r.figure("hr")?;
            let estimate = f.number()?;
            Some(ForestRow {
                label: short_label(r),
                qualifier: f.label.clone(),
                estimate,
                low: f.ci_low.and_then(|m| m.number()),
                high: f.ci_high.and_then(|m| m.number()),
            })
        })
        .collect()
}

fn compare_table(ds: &Dataset, selected: &[&Record]) -> Html {
    let text_row = |label: &str, f: &dyn Fn(&Record) -> String| {
        html! {
            <tr>
                <th scope="row">{label.to_string()}</th>
                { for selected.iter().map(|r| html! { <td>{f(r)}</td> }) }
            </tr>
        }
    };
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Selected cohorts side by side, scrollable">
            <table class="compare-table" data-testid="compare-table">
                <caption>{"Selected cohorts side by side"}</caption>
                <thead><tr>
                    <th scope="col">{"Item"}</th>
                    { for selected.iter().map(|r| html! {
                        <th scope="col" data-id={r.id.clone()}>{short_trial(r)}<span class="sub">{cohort_name(r)}</span></th>
                    }) }
                </tr></thead>
                <tbody>
                    { text_row("Drug", &|r| r.bispecific.clone()) }
                    { text_row("Tumour", &|r| format!("{} ({})", r.tumour, ds.tumour(&r.tumour).map(|t| t.name.as_str()).unwrap_or(""))) }
                    { text_row("Phase", &|r| r.phase.clone()) }
                    { text_row("Line", &|r| r.line.clone().unwrap_or_else(|| "not stated".into())) }
                    { text_row("Regimen", &|r| r.regimen.clone()) }
                    { text_row("Comparator", &|r| r.comparator.clone().unwrap_or_else(|| "none (single arm or subgroup)".into())) }
                    { for FIGURE_COLUMNS.iter().map(|(key, label, _)| {
                        let name = ds.endpoint(key).map(|e| e.name.clone()).unwrap_or_else(|| label.to_string());
                        html! {
                            <tr>
                                <th scope="row">{name}</th>
                                { for selected.iter().map(|r| {
                                    let f = r.figure(key);
                                    html! {
                                        <td class="num" data-field={*key} data-id={r.id.clone()} data-value={f.and_then(|f| f.number()).map(|x| x.to_string())}>
                                            {f.map(figure_line).unwrap_or_else(|| "–".into())}
                                            if super::format::figure_flagged(ds, r, key) {
                                                <span class="note-mark" aria-hidden="true">{"†"}</span><span class="visually-hidden">{" (see notes)"}</span>
                                            }
                                        </td>
                                    }
                                }) }
                            </tr>
                        }
                    }) }
                    { text_row("Median follow-up", &|r| r.follow_up.as_ref().map(figure_line).unwrap_or_else(|| "not given".into())) }
                    { text_row("Source", &|r| r.source.to_string()) }
                    { text_row("Notes", &|r| {
                        let n = ds.notes_for(&r.id).len();
                        if n == 0 { "none".into() } else { format!("{n} (see the row's details)") }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

pub struct CompareState<'a> {
    pub ds: &'static Dataset,
    pub selected: Vec<&'static Record>,
    pub shown: &'a [&'static Record],
    pub on_clear: Callback<MouseEvent>,
}

pub fn compare_section(st: &CompareState) -> Html {
    let from_selection = !st.selected.is_empty();
    let chart_rows: Vec<&Record> = if from_selection {
        st.selected.clone()
    } else {
        st.shown.to_vec()
    };
    let mut bars = bar_groups(&chart_rows);
    let bars_total = bars.len();
    if !from_selection {
        bars.truncate(MAX_BARS);
    }
    let forest = forest_rows(&chart_rows);
    let which = if from_selection {
        format!("the {} selected cohorts", st.selected.len())
    } else {
        "the cohorts in the table".to_string()
    };
    html! {
        <section class="compare" aria-labelledby="compare-h" data-testid="compare">
            <h2 id="compare-h">{"Compare"}</h2>
            <p class="msg msg-warning caveat" data-testid="compare-caveat">{CAVEAT}</p>
            if from_selection {
                <div class="actions">
                    <button type="button" onclick={st.on_clear.clone()}>{"Clear the selection"}</button>
                </div>
                { compare_table(st.ds, &st.selected) }
            } else {
                <p class="hint">{"Tick “Compare” on table rows to see them side by side. Until then the charts show the cohorts in the table."}</p>
            }
            <div class="charts">
                if bars.is_empty() {
                    <p class="msg msg-note">{format!("No ORR or DCR is reported for {which}.")}</p>
                } else {
                    <div>
                        <BarChart id="bars-orr-dcr" title={format!("Objective response rate (ORR) and disease control rate (DCR), % of patients, for {which}")}
                            series={vec![AttrValue::from("ORR"), AttrValue::from("DCR")]} groups={bars} unit="%" max={Some(100.0)} />
                        if !from_selection && bars_total > MAX_BARS {
                            <p class="hint">{format!("The chart shows the first {MAX_BARS} of {bars_total} cohorts with ORR or DCR; select rows or filter to choose.")}</p>
                        }
                    </div>
                }
                if forest.is_empty() {
                    <p class="msg msg-note">{format!("No hazard ratio is reported for {which}. Hazard ratios come from randomised phase III trials (HARMONi-A, HARMONi-2) and their subgroups.")}</p>
                } else {
                    <ForestPlot id="forest-hr" title={format!("Hazard ratios for progression-free survival with 95% CI, log scale, for {which}")}
                        rows={forest} axis_label="Hazard ratio (log scale)" favours_left="favours the bispecific" favours_right="favours the comparator" />
                }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trials::dataset;

    #[test]
    fn charts_take_their_numbers_from_the_records() {
        let Ok(ds) = dataset() else {
            panic!("data file does not parse")
        };
        let rows: Vec<&Record> = ["harmoni2-ivo", "nct05227664-tnbc", "harmonia-ivo"]
            .iter()
            .filter_map(|id| ds.record(id))
            .collect();
        let bars = bar_groups(&rows);
        assert_eq!(bars[0].values, vec![Some(50.0), Some(90.0)]);
        // TNBC overall: ORR 72.4% (21/29), DCR 100%
        assert_eq!(bars[1].values, vec![Some(72.4), Some(100.0)]);
        let forest = forest_rows(&rows);
        // HARMONi-2 0.51 (0.38–0.69) stratified; HARMONi-A 0.46 (0.34–0.62); TNBC has none
        assert_eq!(forest.len(), 2);
        assert_eq!(
            (forest[0].estimate, forest[0].low, forest[0].high),
            (0.51, Some(0.38), Some(0.69))
        );
        assert_eq!(forest[0].qualifier.as_deref(), Some("stratified"));
        assert_eq!(
            (forest[1].estimate, forest[1].low, forest[1].high),
            (0.46, Some(0.34), Some(0.62))
        );
    }
}

//! Compare: the selected rows side by side, a bar chart of ORR and DCR, a forest plot of the
//! progression-free-survival hazard ratios, and the caveat on comparing across trials. Folded
//! until rows are selected.

use super::format::{cohort_name, drug_name, figure_line, line_text, short_label, short_trial};
use super::table::FIGURE_COLUMNS;
use crate::i18n::{translated, Lang};
use crate::tr;
use crate::trials::{Dataset, Record};
use crate::widgets::bars::{BarChart, BarGroup};
use crate::widgets::forest::{ForestPlot, ForestRow};
use yew::prelude::*;

/// Most rows drawn in the bar chart when none are selected.
pub const MAX_BARS: usize = 12;

pub fn bar_groups(rows: &[&Record], lang: Lang) -> Vec<BarGroup> {
    rows.iter()
        .filter(|r| r.cell_number("orr").is_some() || r.cell_number("dcr").is_some())
        .map(|r| BarGroup {
            label: short_label(r, lang),
            values: vec![r.cell_number("orr"), r.cell_number("dcr")],
        })
        .collect()
}

pub fn forest_rows(rows: &[&Record], lang: Lang) -> Vec<ForestRow> {
    rows.iter()
        .filter_map(|r| {
            let estimate = r.cell_number("hr")?;
            let f = r.figure("hr")?;
            Some(ForestRow {
                label: short_label(r, lang),
                qualifier: f.label.as_ref().map(|l| translated(l, lang).to_string()),
                estimate,
                low: f.ci_low.and_then(|m| m.number()),
                high: f.ci_high.and_then(|m| m.number()),
            })
        })
        .collect()
}

fn compare_table(ds: &Dataset, selected: &[&Record], lang: Lang) -> Html {
    let text_row = |label: &str, f: &dyn Fn(&Record) -> String| {
        html! {
            <tr>
                <th scope="row">{label.to_string()}</th>
                { for selected.iter().map(|r| html! { <td>{f(r)}</td> }) }
            </tr>
        }
    };
    let na = || tr!("not stated", "未说明").get(lang).to_string();
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={tr!("Selected rows side by side", "所选行并列比较").get(lang)}>
            <table class="compare-table" data-testid="compare-table">
                <caption>{tr!("Selected rows side by side", "所选行并列比较").get(lang)}</caption>
                <thead><tr>
                    <th scope="col">{tr!("Item", "项目").get(lang)}</th>
                    { for selected.iter().map(|r| html! {
                        <th scope="col" data-id={r.id.clone()}>{short_trial(r, lang)}<span class="sub">{cohort_name(r, lang)}</span></th>
                    }) }
                </tr></thead>
                <tbody>
                    { text_row(tr!("Drug", "药物").get(lang), &|r| drug_name(&r.bispecific, lang)) }
                    { text_row(tr!("Tumour", "肿瘤").get(lang), &|r| tr!("{code} ({name})", "{code}（{name}）").fill(lang, &[("code", &r.tumour), ("name", ds.tumour(&r.tumour).map(|t| translated(&t.name, lang)).unwrap_or(""))])) }
                    { text_row(tr!("Phase", "分期").get(lang), &|r| r.phase.clone()) }
                    { text_row(tr!("Line", "治疗线").get(lang), &|r| r.line.as_deref().map_or_else(na, |l| line_text(l, lang))) }
                    { text_row(tr!("Regimen", "方案").get(lang), &|r| translated(&r.regimen, lang).to_string()) }
                    { text_row(tr!("Comparator", "对照").get(lang), &|r| r.comparator.as_ref().map(|c| translated(c, lang).to_string()).unwrap_or_else(|| tr!("none (single arm, subgroup or control arm)", "无（单臂、亚组或对照组）").get(lang).to_string())) }
                    { for FIGURE_COLUMNS.iter().map(|(key, label, _)| {
                        let name = ds.endpoint(key).map(|e| translated(&e.name, lang).to_string()).unwrap_or_else(|| label.get(lang).to_string());
                        html! {
                            <tr>
                                <th scope="row">{name}</th>
                                { for selected.iter().map(|r| html! {
                                    <td class="num" data-field={*key} data-id={r.id.clone()} data-value={r.cell_number(key).map(|x| x.to_string())}>
                                        {r.figure(key).map(|f| figure_line(f, lang)).unwrap_or_else(|| "–".into())}
                                        if super::format::figure_flagged(ds, r, key) {
                                            <span class="note-mark" aria-hidden="true">{"†"}</span><span class="visually-hidden">{tr!(" (see notes)", "（见注释）").get(lang)}</span>
                                        }
                                    </td>
                                }) }
                            </tr>
                        }
                    }) }
                    { text_row(tr!("Median follow-up", "中位随访时间").get(lang), &|r| r.figure("follow_up").map(|f| figure_line(f, lang)).unwrap_or_else(na)) }
                    { text_row(tr!("Source", "来源").get(lang), &|r| ds.source_text(&r.source, lang)) }
                    { text_row(tr!("Notes", "说明").get(lang), &|r| {
                        let n = ds.notes_for(&r.id).len();
                        if n == 0 { tr!("none", "无").get(lang).to_string() } else { tr!("{count} (see the row's details)", "{count} 条（见该行详情）").fill(lang, &[("count", &n.to_string())]) }
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
    pub lang: Lang,
}

pub fn compare_section(st: &CompareState) -> Html {
    let lang = st.lang;
    let from_selection = !st.selected.is_empty();
    let chart_rows: Vec<&Record> = if from_selection {
        st.selected.clone()
    } else {
        st.shown.to_vec()
    };
    let mut bars = bar_groups(&chart_rows, lang);
    let bars_total = bars.len();
    if !from_selection {
        bars.truncate(MAX_BARS);
    }
    let forest = forest_rows(&chart_rows, lang);
    let which = if from_selection {
        tr!("the {count} selected rows", "所选的 {count} 行")
            .fill(lang, &[("count", &st.selected.len().to_string())])
    } else {
        tr!("the rows in the table", "表中各行")
            .get(lang)
            .to_string()
    };
    html! {
        <details class="compare" aria-labelledby="compare-h" data-testid="compare" open={from_selection}>
            <summary><h2 id="compare-h">{tr!("Compare and charts", "比较与图表").get(lang)}</h2></summary>
            <p class="msg msg-warning caveat" data-testid="compare-caveat">
                {tr!("Cross-trial comparison: these rows come from different trials with different populations, lines of therapy, phases, countries, comparators, follow-up and response criteria, and many are small single-arm or subgroup results. Side by side they are not a randomised comparison; read each figure with its source and notes.",
                     "跨试验比较：这些行来自不同的试验，人群、治疗线、分期、国家、对照、随访和疗效评价标准各不相同，且许多是小样本的单臂或亚组结果。并列放在一起并不构成随机比较；请结合来源和注释阅读每个数据。").get(lang)}
            </p>
            if from_selection {
                <div class="actions">
                    <button type="button" onclick={st.on_clear.clone()}>{tr!("Clear the selection", "清除选择").get(lang)}</button>
                </div>
                { compare_table(st.ds, &st.selected, lang) }
            } else {
                <p class="hint">{tr!("Tick the box of table rows to see them side by side. Until then the charts show the rows in the table.", "勾选表中各行的复选框即可并列比较。在此之前，图表显示表中各行。").get(lang)}</p>
            }
            <div class="charts">
                if bars.is_empty() {
                    <p class="msg msg-note">{tr!("No ORR or DCR is reported for {which}.", "{which}未报告 ORR 或 DCR。").fill(lang, &[("which", &which)])}</p>
                } else {
                    <div>
                        <BarChart id="bars-orr-dcr" title={tr!("Objective response rate (ORR) and disease control rate (DCR), % of patients, for {which}", "{which}的客观缓解率（ORR）和疾病控制率（DCR），患者百分比").fill(lang, &[("which", &which)])}
                            series={vec![AttrValue::from("ORR"), AttrValue::from("DCR")]} groups={bars} unit="%" max={Some(100.0)} {lang} />
                        if !from_selection && bars_total > MAX_BARS {
                            <p class="hint">{tr!("The chart shows the first {shown} of {total} rows with ORR or DCR; select rows or filter to choose.", "图表显示有 ORR 或 DCR 的 {total} 行中的前 {shown} 行；可选择行或筛选。").fill(lang, &[("shown", &MAX_BARS.to_string()), ("total", &bars_total.to_string())])}</p>
                        }
                    </div>
                }
                if forest.is_empty() {
                    <p class="msg msg-note">{tr!("No single hazard ratio for progression-free survival is reported for {which}.", "{which}未报告单一的无进展生存期风险比。").fill(lang, &[("which", &which)])}</p>
                } else {
                    <ForestPlot id="forest-hr" title={tr!("Hazard ratios for progression-free survival with 95% CI, log scale, for {which}", "{which}的无进展生存期风险比及 95%置信区间（对数刻度）").fill(lang, &[("which", &which)])}
                        rows={forest} axis_label={tr!("Hazard ratio (log scale)", "风险比（对数刻度）").get(lang)}
                        favours_left={tr!("favours the bispecific", "倾向双特异性抗体").get(lang)}
                        favours_right={tr!("favours the comparator", "倾向对照").get(lang)} {lang} />
                }
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trials::dataset;

    #[test]
    fn charts_take_their_numbers_from_the_cells() {
        let Ok(ds) = dataset() else {
            panic!("data file does not parse")
        };
        let rows: Vec<&Record> = [
            "harmoni2-ivo",
            "nct05227664-tnbc",
            "harmonia-ivo",
            "harmoni2-tps-ge50",
        ]
        .iter()
        .filter_map(|id| ds.record(id))
        .collect();
        let bars = bar_groups(&rows, Lang::En);
        assert_eq!(bars[0].values, vec![Some(50.0), Some(90.0)]);
        // TNBC: the SABCS 2024 update (ORR 80%, DCR 100%) replaces the ESMO 2024 72.4%
        assert_eq!(bars[1].values, vec![Some(80.0), Some(100.0)]);
        let forest = forest_rows(&rows, Lang::En);
        // HARMONi-2 0.51 (0.38–0.69) stratified; HARMONi-A 0.46 (0.34–0.62); TNBC has none;
        // HARMONi-2 TPS >=50% is disputed (0.48 Lancet 2025, 0.46 WCLC 2024): not drawn
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

//! A figure cell of the results table: the CONTRACT's `data-field`/`data-value`, the value as a
//! reader sees it, its CI, a marker where the sources disagree or a note applies, and under a
//! hazard ratio the risk reductions other reports give.

use super::format::{ci_text, data_value, figure_flagged, measure_text, number_text};
use crate::i18n::Lang;
use crate::tr;
use crate::trials::{Cell, Dataset, Measure, Record, Unit};
use yew::prelude::*;

fn note_mark(lang: Lang) -> Html {
    html! {
        <>
            <span class="note-mark" aria-hidden="true">{"†"}</span>
            <span class="visually-hidden">{tr!(" (see notes)", "（见注释）").get(lang)}</span>
        </>
    }
}

/// "risk −22.3%" lines under a hazard-ratio cell.
fn reductions(ds: &Dataset, r: &Record, key: &str, lang: Lang) -> Html {
    let figs = ds.related_reductions(r, key);
    html! {
        { for figs.iter().map(|f| {
            let v = match f.value {
                Measure::Number(x) => number_text(x, Unit::Percent),
                m => measure_text(m, Unit::Percent, lang),
            };
            html! {
                <span class="rr" data-testid="risk-reduction" data-value={f.number().map(|x| x.to_string())}>
                    {tr!("risk −{value}%", "风险 −{value}%").fill(lang, &[("value", &v)])}
                </span>
            }
        }) }
    }
}

/// The column's name, shown above the value where the row is a card (phones); the table's
/// header names it otherwise.
fn card_label(key: &str, lang: Lang) -> Html {
    let text = super::table::column_label(key, lang);
    html! { <span class="lbl" aria-hidden="true">{text}</span> }
}

/// The cell of one endpoint of a record; `rowspan` where it spans the arms of a comparison.
pub fn figure_cell(
    ds: &Dataset,
    r: &Record,
    key: &'static str,
    rowspan: Option<usize>,
    lang: Lang,
) -> Html {
    let cell = r.cell(key);
    let flagged = figure_flagged(ds, r, key);
    let rowspan = rowspan.filter(|n| *n > 1).map(|n| n.to_string());
    let hr = key == "hr" || key == "hros";
    match &cell {
        Cell::Missing => html! {
            <td class="num missing" data-field={key} rowspan={rowspan}>
                { card_label(key, lang) }
                <span aria-hidden="true">{"–"}</span>
                <span class="visually-hidden">{tr!("not reported", "未报告").get(lang)}</span>
                if hr { { reductions(ds, r, key, lang) } }
            </td>
        },
        Cell::One(f) => {
            let state = f.number().is_none().then(|| f.value.to_string());
            html! {
                <td class={classes!("num", flagged.then_some("flagged"))} data-field={key}
                    data-value={data_value(&cell)} data-state={state} rowspan={rowspan}>
                    { card_label(key, lang) }
                    <span class="v">{measure_text(f.value, f.unit, lang)}</span>
                    if flagged { { note_mark(lang) } }
                    if let Some(ci) = ci_text(f, lang) {
                        <span class="ci"><span class="visually-hidden">{tr!("95% CI ", "95%置信区间 ").get(lang)}</span>{ci}</span>
                    }
                    if hr { { reductions(ds, r, key, lang) } }
                </td>
            }
        }
        Cell::Disputed(figs) => html! {
            <td class="num flagged disputed" data-field={key} data-state="disputed" rowspan={rowspan}
                data-values={figs.iter().map(|f| f.value.to_string()).collect::<Vec<_>>().join(" | ")}>
                { card_label(key, lang) }
                <span class="visually-hidden">{tr!("The sources disagree: ", "来源不一致：").get(lang)}</span>
                { for figs.iter().enumerate().map(|(i, f)| html! {
                    <span class="alt">
                        if i > 0 { <span class="or">{tr!("or", "或").get(lang)}</span>{" "} }
                        <span class="v">{measure_text(f.value, f.unit, lang)}</span>
                        if let Some(ci) = ci_text(f, lang) { <span class="ci">{ci}</span> }
                    </span>
                }) }
                { note_mark(lang) }
                if hr { { reductions(ds, r, key, lang) } }
            </td>
        },
    }
}

//! The results table: one row per cohort (CONTRACT.md `cohort-row`), sortable headers, a
//! compare box and a details disclosure per row.

use super::detail::detail_panel;
use super::format::{ci_text, data_value, figure_flagged, measure_text};
use crate::trials::{Dataset, Direction, Record};
use yew::prelude::*;

/// The CONTRACT figure columns: (`data-field`, header, unit shown in the header).
pub const FIGURE_COLUMNS: [(&str, &str, &str); 9] = [
    ("n", "n", ""),
    ("orr", "ORR", "%"),
    ("dcr", "DCR", "%"),
    ("mpfs", "mPFS", "mo"),
    ("mos", "mOS", "mo"),
    ("mdor", "mDoR", "mo"),
    ("hr", "HR", ""),
    ("ae", "AE", "%"),
    ("ae3", "AE ≥3", "%"),
];

/// Text columns that sort: (link name, header).
const TEXT_COLUMNS: [(&str, &str); 5] = [
    ("trial", "Cohort"),
    ("drug", "Drug"),
    ("tumor", "Tumour"),
    ("phase", "Phase"),
    ("line", "Line"),
];

const COLUMN_COUNT: usize = 2 + 4 + FIGURE_COLUMNS.len();

pub struct TableState<'a> {
    pub ds: &'static Dataset,
    pub rows: &'a [&'static Record],
    pub sort: Option<&'a str>,
    pub dir: Direction,
    pub selected: &'a [String],
    pub open: &'a [String],
    pub on_sort: Callback<&'static str>,
    pub on_select: Callback<String>,
    pub on_toggle: Callback<String>,
}

fn sort_header(
    st: &TableState,
    name: &'static str,
    label: Html,
    numeric: bool,
    row_header: bool,
) -> Html {
    let active = st.sort.is_some_and(|s| s.eq_ignore_ascii_case(name));
    let aria_sort = active.then_some(match st.dir {
        Direction::Ascending => "ascending",
        Direction::Descending => "descending",
    });
    let arrow = match (active, st.dir) {
        (false, _) => "↕",
        (true, Direction::Ascending) => "↑",
        (true, Direction::Descending) => "↓",
    };
    let onclick = {
        let cb = st.on_sort.clone();
        Callback::from(move |_| cb.emit(name))
    };
    html! {
        <th scope="col" class={classes!(numeric.then_some("num"), row_header.then_some("cohort-col"))} aria-sort={aria_sort}>
            <button type="button" class="sort" data-sort={name} {onclick}>
                {label}<span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

fn figure_cell(ds: &Dataset, r: &Record, key: &'static str) -> Html {
    let f = r.figure(key);
    let flagged = figure_flagged(ds, r, key);
    let Some(f) = f else {
        return html! {
            <td class="num missing" data-field={key}>
                <span aria-hidden="true">{"–"}</span><span class="visually-hidden">{"not reported"}</span>
            </td>
        };
    };
    let state = f.number().is_none().then(|| measure_text(f.value));
    html! {
        <td class={classes!("num", flagged.then_some("flagged"))} data-field={key} data-value={data_value(Some(f))} data-state={state}>
            <span class="v">{measure_text(f.value)}</span>
            if flagged {
                <span class="note-mark" aria-hidden="true">{"†"}</span><span class="visually-hidden">{" (see notes)"}</span>
            }
            if let Some(ci) = ci_text(f) {
                <span class="ci"><span class="visually-hidden">{"95% CI "}</span>{ci}</span>
            }
        </td>
    }
}

fn row(st: &TableState, r: &'static Record) -> Html {
    let ds = st.ds;
    let id = r.id.clone();
    let selected = st.selected.contains(&r.id);
    let open = st.open.contains(&r.id);
    let record_notes = ds.notes_for(&r.id).iter().any(|n| n.endpoints.is_empty());
    let on_select = {
        let cb = st.on_select.clone();
        let id = id.clone();
        Callback::from(move |_: Event| cb.emit(id.clone()))
    };
    let on_toggle = {
        let cb = st.on_toggle.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    let pick_id = format!("pick-{id}");
    let detail_id = format!("detail-{id}");
    html! {
        <>
        <tr data-testid="cohort-row" data-id={id.clone()} data-drug={r.bispecific.clone()} data-tumor={r.tumour.clone()}
            data-phase={r.phase.clone()} class={classes!(selected.then_some("selected"))}>
            <td class="pick">
                <input type="checkbox" id={pick_id.clone()} checked={selected} onchange={on_select}
                    aria-label={format!("Compare {} · {}", r.trial, super::format::cohort_name(r))} />
            </td>
            <th scope="row" class="cohort">
                <span class="trial">{r.trial.clone()}</span>
                if record_notes {
                    <span class="note-mark" aria-hidden="true">{"†"}</span><span class="visually-hidden">{" (see notes)"}</span>
                }
                if let Some(sub) = &r.subgroup { <span class="sub">{sub.clone()}</span> }
                <span class="meta">
                    { r.registry_id.clone().map(|id| format!("{id} · ")).unwrap_or_default() }
                    {r.regimen.clone()}
                </span>
                <button type="button" class="detail-toggle" aria-expanded={if open { "true" } else { "false" }}
                    aria-controls={detail_id.clone()} onclick={on_toggle}>
                    { if open { "Hide details" } else { "Details and sources" } }
                </button>
            </th>
            <td>{r.bispecific.clone()}</td>
            <td><abbr title={ds.tumour(&r.tumour).map(|t| t.name.clone()).unwrap_or_default()}>{r.tumour.clone()}</abbr></td>
            <td>{r.phase.clone()}</td>
            <td>{r.line.clone().unwrap_or_else(|| "–".into())}</td>
            { for FIGURE_COLUMNS.iter().map(|(key, _, _)| figure_cell(ds, r, key)) }
        </tr>
        <tr class="detail-row" id={detail_id} hidden={!open}>
            <td colspan={COLUMN_COUNT.to_string()}>{ detail_panel(ds, r) }</td>
        </tr>
        </>
    }
}

pub fn results_table(st: &TableState) -> Html {
    html! {
        <div class="table-wrap trials-table-wrap" tabindex="0" role="region" aria-label="Cohorts table, scrollable">
            <table class="trials-table" data-testid="cohort-table">
                <caption class="visually-hidden">{"Published outcomes, one row per cohort, arm or subgroup. Column headers sort the table."}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="pick">{"Compare"}</th>
                        { for TEXT_COLUMNS.iter().enumerate().map(|(i, (name, label))| sort_header(st, name, html!{ {*label} }, false, i == 0)) }
                        { for FIGURE_COLUMNS.iter().map(|(key, label, unit)| {
                            let label = if unit.is_empty() { html!{ {*label} } } else { html!{ <>{*label}<span class="unit">{format!(" {unit}")}</span></> } };
                            sort_header(st, key, label, true, false)
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for st.rows.iter().map(|r| row(st, r)) }
                </tbody>
            </table>
        </div>
    }
}

//! Trials: published outcomes, searchable and comparable, with the source of every number.
//!
//! Search and filters follow the link (`q`, `drug`, `tumor`, `phase`, `endpoint`, `line`,
//! `sort`, `dir`); search, drug and tumour are always shown, the others in a disclosure that
//! is open while any of them is set; one table row per cohort with the CONTRACT's
//! `data-field`/`data-value` cells; a details disclosure per row; selection for a side-by-side
//! comparison with a bar chart and a forest plot; CSV export; ongoing trials, molecules and
//! the notes on the sources.

mod compare;
mod detail;
mod filters;
mod format;
mod sources;
mod table;

use crate::browser;
use crate::link::{QueryMap, Route};
use crate::scenario::trials::{SortDir, TrialsParams};
use crate::trials::{self, Column, Dataset, Direction, Query, Record};
use crate::widgets::field::TextField;
use crate::widgets::form::use_table_form;
use filters::FilterSelect;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrialsViewProps {
    pub query: QueryMap,
    /// Parameters every view keeps in the address bar (the page language).
    #[prop_or_default]
    pub keep: QueryMap,
}

/// The filters the "clear" button empties (the sort order stays).
const FILTERS: [&str; 6] = ["q", "drug", "tumor", "phase", "endpoint", "line"];

/// The inputs in the "More filters and sorting" disclosure; it is open while any of them is
/// set (by the link or the user).
const MORE_FILTERS: [&str; 5] = ["phase", "endpoint", "line", "sort", "dir"];

/// How many of the [`MORE_FILTERS`] the query sets.
fn more_filters_set(query: &QueryMap) -> usize {
    MORE_FILTERS
        .iter()
        .filter(|f| query.get(f).is_some_and(|v| !v.trim().is_empty()))
        .count()
}

/// A filter the link asked for that cannot be used, with the message shown at its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    pub param: &'static str,
    pub message: String,
}

/// The CSV file name: `ivocalc-trials-<data version>.csv`.
pub fn csv_file_name() -> String {
    format!("ivocalc-trials-{}.csv", trials::data_version())
}

/// The search the link asks for, less the filter values the data does not know (each of those
/// gets a message at its field instead of emptying the table); the rows in the asked order.
pub fn rows_for(
    ds: &'static Dataset,
    params: &TrialsParams,
    errors: &mut Vec<ParamError>,
) -> (Vec<&'static Record>, Option<Column>, Direction) {
    let mut query = Query {
        text: params.q.clone().unwrap_or_default(),
        drug: params.drug.clone(),
        tumour: params.tumor.clone(),
        phase: params.phase.clone(),
        endpoint: params.endpoint.clone(),
        line: params.line.clone(),
    };
    for e in trials::validate_query(ds, &query) {
        match e.field {
            "drug" => query.drug = None,
            "tumor" => query.tumour = None,
            "phase" => query.phase = None,
            "endpoint" => query.endpoint = None,
            "line" => query.line = None,
            _ => {}
        }
        let mut message = e.message;
        if let Some(first) = message.get(..1) {
            message = format!("{}{}.", first.to_uppercase(), &message[1..]);
        }
        errors.push(ParamError {
            param: e.field,
            message,
        });
    }
    let column = params.sort.as_deref().and_then(|s| {
        let c = Column::parse(ds, s);
        if c.is_none() {
            errors.push(ParamError {
                param: "sort",
                message: format!(
                    "“{s}” is not a column of the table; the rows keep the data's order."
                ),
            });
        }
        c
    });
    let dir = match params.dir {
        Some(SortDir::Desc) => Direction::Descending,
        _ => Direction::Ascending,
    };
    let mut rows = trials::search(ds, &query).rows;
    if let Some(c) = &column {
        trials::sort_records(&mut rows, c, dir);
    }
    (rows, column, dir)
}

fn toggle(list: &UseStateHandle<Vec<String>>, id: String) {
    let mut next = (**list).clone();
    if let Some(pos) = next.iter().position(|x| *x == id) {
        next.remove(pos);
    } else {
        next.push(id);
    }
    list.set(next);
}

#[function_component]
pub fn TrialsView(props: &TrialsViewProps) -> Html {
    let form = use_table_form(
        Route::Trials,
        crate::inputs::link::only(&props.query, crate::inputs::trials::TABLE, true),
        crate::inputs::trials::TABLE,
        props.keep.clone(),
    );
    let selected = use_state(Vec::<String>::new);
    let open = use_state(Vec::<String>::new);
    // Opened or closed by the user's click on its summary; open anyway while one of its
    // filters is set, so that a filter from the link is never hidden.
    let more_opened = use_state(|| false);
    let status = use_state(|| None::<String>);

    let ds = match trials::dataset() {
        Ok(ds) => ds,
        Err(e) => {
            return html! {
                <section class="view">
                    <h1>{"Trials"}</h1>
                    <p class="msg msg-error" role="alert">{e.to_string()}</p>
                </section>
            }
        }
    };

    let (params, messages) = TrialsParams::from_query(form.raw());
    let mut errors: Vec<ParamError> = messages
        .iter()
        .filter_map(|m| {
            let field = m.field.as_deref()?;
            let input = crate::inputs::find(crate::inputs::trials::TABLE, field)?;
            Some(ParamError {
                param: input.name,
                message: m.text(crate::i18n::Lang::En),
            })
        })
        .collect();
    let (rows, _column, dir) = rows_for(ds, &params, &mut errors);
    let total = ds.records.len();
    let filtered = FILTERS.iter().any(|f| form.raw().get(f).is_some());
    let more_set = more_filters_set(form.raw());
    let more_open = *more_opened || more_set > 0;
    let on_more_toggle = {
        let more_opened = more_opened.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
                more_opened.set(details.has_attribute("open"));
            }
        })
    };

    let clear_filters = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let pairs: Vec<(&str, &str)> = FILTERS.iter().map(|f| (*f, "")).collect();
            form.set_many(&pairs);
        })
    };
    let on_sort = {
        let form = form.clone();
        let current = params.sort.clone();
        Callback::from(move |name: &'static str| {
            let same = current
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(name));
            let figure = table::FIGURE_COLUMNS.iter().any(|(k, _, _)| *k == name);
            let next_dir = match (same, dir, figure) {
                (true, Direction::Ascending, _) => SortDir::Desc,
                (true, Direction::Descending, _) => SortDir::Asc,
                (false, _, true) => SortDir::Desc,
                (false, _, false) => SortDir::Asc,
            };
            form.set_many(&[("sort", name), ("dir", next_dir.code())]);
        })
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |id: String| toggle(&selected, id))
    };
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |id: String| toggle(&open, id))
    };
    let on_clear_selection = {
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| selected.set(Vec::new()))
    };
    let on_csv = {
        let rows = rows.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let name = csv_file_name();
            let text = trials::to_csv(ds, &rows);
            let ok = browser::download_text(&name, "text/csv;charset=utf-8", &text);
            status.set(Some(if ok {
                format!("Saved {} rows as {name}.", rows.len())
            } else {
                "The browser did not allow the download.".to_string()
            }));
        })
    };

    let selected_records: Vec<&'static Record> =
        selected.iter().filter_map(|id| ds.record(id)).collect();
    let table_state = table::TableState {
        ds,
        rows: &rows,
        sort: params.sort.as_deref(),
        dir,
        selected: &selected,
        open: &open,
        on_sort,
        on_select,
        on_toggle,
    };
    let compare_state = compare::CompareState {
        ds,
        selected: selected_records,
        shown: &rows,
        on_clear: on_clear_selection,
    };

    html! {
        <section class="view trials-view">
            <h1>{"Trials"}</h1>
            <p class="purpose">{"Published outcomes of ivonescimab and the PD-1(L1)/VEGF bispecifics, with the source of every number."}</p>
            <form class="inputs trials-filters" role="search" aria-label="Search and filter trials" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="search-field">
                    <TextField name="q" kind="search" label="Search trials" value={form.text("q")} oninput={form.setter("q")}
                        placeholder="trial, NCT id, drug, tumour (TNBC), regimen, biomarker" />
                </div>
                <FilterSelect name="drug" label="Drug" any="Any drug" groups={filters::drug_options(ds)}
                    value={form.text("drug")} onchange={form.setter("drug")} errors={errors.clone()} />
                <FilterSelect name="tumor" label="Tumour" any="Any tumour" groups={filters::tumour_options(ds)}
                    value={form.text("tumor")} onchange={form.setter("tumor")} errors={errors.clone()} />
                <details class="more-filters" data-testid="more-filters" open={more_open} ontoggle={on_more_toggle}>
                    <summary>
                        {"More filters and sorting"}
                        if more_set > 0 { <span class="more-set">{format!(" · {more_set} set")}</span> }
                    </summary>
                    <div class="more-filters-fields">
                        <FilterSelect name="phase" label="Phase" any="Any phase" groups={filters::phase_options(ds)}
                            value={form.text("phase")} onchange={form.setter("phase")} errors={errors.clone()} />
                        <FilterSelect name="endpoint" label="Reports endpoint" any="Any endpoint" groups={filters::endpoint_options(ds)}
                            value={form.text("endpoint")} onchange={form.setter("endpoint")} errors={errors.clone()} />
                        <FilterSelect name="line" label="Line of therapy" any="Any line" groups={filters::line_options(ds)}
                            value={form.text("line")} onchange={form.setter("line")} errors={errors.clone()} />
                        <FilterSelect name="sort" label="Sort by" any="Data order" groups={filters::sort_options()}
                            value={form.text("sort")} onchange={form.setter("sort")} errors={errors.clone()} />
                        <FilterSelect name="dir" label="Direction" any="Ascending (default)"
                            groups={vec![(String::new(), vec![("asc".to_string(), "Ascending".to_string()), ("desc".to_string(), "Descending".to_string())])]}
                            value={form.text("dir")} onchange={form.setter("dir")} errors={errors.clone()} />
                    </div>
                </details>
            </form>

            <div class="results-bar">
                <p class="count" role="status" data-testid="result-count" data-value={rows.len().to_string()} data-total={total.to_string()}>
                    <strong>{format!("{} of {total} cohorts", rows.len())}</strong>
                    if !selected.is_empty() { {format!(" · {} selected for comparison (see Compare below the table)", selected.len())} }
                </p>
                <div class="actions">
                    <button type="button" data-testid="csv" onclick={on_csv} disabled={rows.is_empty()}>
                        {format!("Download these {} rows as CSV", rows.len())}
                    </button>
                    if filtered {
                        <button type="button" data-testid="clear-filters" onclick={clear_filters.clone()}>{"Clear search and filters"}</button>
                    }
                </div>
                if let Some(s) = &*status { <p class="hint" role="status">{s.clone()}</p> }
            </div>

            if rows.is_empty() {
                <div class="msg msg-note empty" data-testid="empty">
                    <p>{"No cohort in the data matches this search and these filters."}</p>
                    <button type="button" class="primary" data-testid="clear-empty" onclick={clear_filters}>{"Clear search and filters"}</button>
                </div>
            } else {
                { table::results_table(&table_state) }
                <p class="hint legend">
                    {"n patients; ORR objective response rate; DCR disease control rate; mPFS, mOS, mDoR median progression-free survival, overall survival, duration of response (mo = months); HR hazard ratio for progression-free survival; AE adverse events (any grade, grade ≥3), % of patients. Small figures under a value are its 95% CI. NR not reached, NE not estimable, – not reported. † the sources print another value or a note applies: open “Details and sources”."}
                </p>
            }

            { compare::compare_section(&compare_state) }
            { sources::notes_section(ds) }
            { sources::ongoing_section(ds) }
            { sources::molecules_section(ds) }
            <p class="hint">{format!("Data version {} (hash of data/trials.json).", trials::data_version())}</p>
        </section>
    }
}

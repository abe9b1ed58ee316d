//! Trials: published outcomes and the evidence since, read at a glance, with the source of
//! every number.
//!
//! Search and filters follow the link (the parameters of `crate::inputs::trials`); search,
//! drug and tumour are always shown, the others in a disclosure that is open while any of them
//! is set. By default the rows come in the domain's order (pivotal phase III trials first,
//! newest evidence first within) with each randomised comparison as one line of its arms;
//! a sort from the link or a header lists every row on its own. Below the table: the notes of
//! the rows shown, and the comparison with its charts. The notes on all sources, the ongoing
//! trials, the molecules and the documents are tabs of their own.

mod cells;
mod compare;
mod data;
mod detail;
mod filters;
mod format;
mod printed;
mod sources;
mod table;

use crate::browser;
use crate::i18n::{Lang, Text};
use crate::inputs::trials as params;
use crate::link::{QueryMap, Route};
use crate::scenario::trials::{SortDir, TrialsParams};
use crate::tr;
use crate::trials::{self, Column, Dataset, Direction, Filter, Line, Query, Record};
use crate::widgets::field::TextField;
use crate::widgets::form::use_table_form;
use data::{use_trials_data, DataState};
use filters::FilterSelect;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrialsViewProps {
    pub query: QueryMap,
    /// Parameters every view keeps in the address bar (the page language).
    #[prop_or_default]
    pub keep: QueryMap,
}

/// A filter the link asked for that cannot be used, with the message shown at its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    pub param: &'static str,
    pub message: String,
}

/// The filters the "clear" button empties (the sort order stays).
fn filter_params() -> [&'static str; 7] {
    [
        params::QUERY.name,
        params::DRUG.name,
        params::TUMOUR.name,
        params::PHASE.name,
        params::ENDPOINT.name,
        params::EVIDENCE.name,
        params::LINE.name,
    ]
}

/// The inputs in the "More filters and sorting" disclosure; it is open while any of them is
/// set (by the link or the user).
fn more_filter_params() -> [&'static str; 6] {
    [
        params::EVIDENCE.name,
        params::PHASE.name,
        params::ENDPOINT.name,
        params::LINE.name,
        params::SORT.name,
        params::DIRECTION.name,
    ]
}

/// How many of the "more" filters the query sets.
fn more_filters_set(query: &QueryMap) -> usize {
    more_filter_params()
        .iter()
        .filter(|f| query.get(f).is_some_and(|v| !v.trim().is_empty()))
        .count()
}

/// The CSV file name: `ivocalc-trials-<data version>.csv`.
pub fn csv_file_name() -> String {
    format!("ivocalc-trials-{}.csv", trials::data_version())
}

/// The message at a filter whose value the data does not know.
fn filter_message(field: Filter, value: &str, lang: Lang) -> String {
    let text: Text = match field {
        Filter::Drug => tr!(
            "No trial in the data uses the drug “{value}”.",
            "数据中没有使用药物“{value}”的试验。"
        ),
        Filter::Tumour => tr!("Unknown tumour “{value}”.", "未知肿瘤“{value}”。"),
        Filter::Phase => tr!(
            "Unknown phase “{value}” (use I, Ia, Ib, II or III).",
            "未知分期“{value}”（请用 I、Ia、Ib、II 或 III）。"
        ),
        Filter::Endpoint => tr!("Unknown endpoint “{value}”.", "未知终点“{value}”。"),
        Filter::Line => tr!(
            "Unknown line of therapy “{value}”.",
            "未知治疗线“{value}”。"
        ),
        Filter::Evidence => tr!(
            "Unknown kind of source “{value}” (use peer-reviewed, congress, company or review).",
            "未知来源类型“{value}”（请用 peer-reviewed、congress、company 或 review）。"
        ),
    };
    text.fill(lang, &[("value", value)])
}

/// What the table shows for a link.
pub struct Rows {
    pub rows: Vec<&'static Record>,
    pub lines: Vec<Line<'static>>,
    pub dir: Direction,
    pub sort: Option<String>,
}

/// The search the link asks for, less the filter values the data does not know (each of those
/// gets a message at its field instead of emptying the table); the rows in the asked order,
/// or in the default order with comparisons grouped.
pub fn rows_for(
    ds: &'static Dataset,
    raw: &QueryMap,
    errors: &mut Vec<ParamError>,
    lang: Lang,
) -> Rows {
    let (p, messages) = TrialsParams::from_query(raw);
    for m in messages {
        let Some(input) = m
            .field
            .as_deref()
            .and_then(|f| crate::inputs::find(params::TABLE, f))
        else {
            continue;
        };
        errors.push(ParamError {
            param: input.name,
            message: m.text(lang),
        });
    }
    let mut query = Query {
        text: p.q.clone().unwrap_or_default(),
        drug: p.drug.clone(),
        tumour: p.tumor.clone(),
        phase: p.phase.clone(),
        endpoint: p.endpoint.clone(),
        line: p.line.clone(),
        evidence: p.evidence.clone(),
    };
    for e in trials::validate_query(ds, &query) {
        let (value, input) = match e.field {
            Filter::Drug => (query.drug.take(), &params::DRUG),
            Filter::Tumour => (query.tumour.take(), &params::TUMOUR),
            Filter::Phase => (query.phase.take(), &params::PHASE),
            Filter::Endpoint => (query.endpoint.take(), &params::ENDPOINT),
            Filter::Line => (query.line.take(), &params::LINE),
            Filter::Evidence => (query.evidence.take(), &params::EVIDENCE),
        };
        let value = value.unwrap_or_default();
        errors.push(ParamError {
            param: input.name,
            message: filter_message(e.field, value.trim(), lang),
        });
    }
    let column = p.sort.as_deref().and_then(|s| {
        let c = Column::parse(ds, s);
        if c.is_none() {
            errors.push(ParamError {
                param: params::SORT.name,
                message: tr!(
                    "“{value}” is not a column of the table; the rows keep the default order.",
                    "“{value}”不是表中的列；各行保持默认顺序。"
                )
                .fill(lang, &[("value", s)]),
            });
        }
        c
    });
    let dir = match p.dir {
        Some(SortDir::Desc) => Direction::Descending,
        _ => Direction::Ascending,
    };
    let mut rows = trials::search(ds, &query).rows;
    let lines = match &column {
        Some(c) => {
            trials::sort_records(&mut rows, c, dir);
            trials::lines(&rows, false)
        }
        None => {
            trials::default_order(ds, &mut rows);
            trials::lines(&rows, true)
        }
    };
    Rows {
        rows,
        lines,
        dir,
        sort: column.is_some().then(|| p.sort.clone()).flatten(),
    }
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

/// The tabs of the view.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Outcomes,
    Notes,
    Ongoing,
    Molecules,
    Documents,
}

impl Tab {
    const ALL: [Tab; 5] = [
        Tab::Outcomes,
        Tab::Notes,
        Tab::Ongoing,
        Tab::Molecules,
        Tab::Documents,
    ];
    fn code(self) -> &'static str {
        match self {
            Tab::Outcomes => "outcomes",
            Tab::Notes => "notes",
            Tab::Ongoing => "ongoing",
            Tab::Molecules => "molecules",
            Tab::Documents => "documents",
        }
    }
    fn label(self, ds: &Dataset, lang: Lang) -> String {
        let (text, count) = match self {
            Tab::Outcomes => (tr!("Outcomes", "疗效"), None),
            Tab::Notes => (
                tr!("Notes on the sources", "关于来源的注释"),
                Some(ds.notes.len()),
            ),
            Tab::Ongoing => (
                tr!("Ongoing trials", "进行中的试验"),
                Some(ds.ongoing.len()),
            ),
            Tab::Molecules => (tr!("The molecules", "分子"), Some(ds.molecules.len())),
            Tab::Documents => (tr!("Documents", "文献"), Some(ds.documents.len())),
        };
        match count {
            Some(n) => format!("{} ({n})", text.get(lang)),
            None => text.get(lang).to_string(),
        }
    }
}

/// The notes of the rows shown, each once, in the data's order.
fn notes_of_rows<'a>(ds: &'a Dataset, rows: &[&Record]) -> Vec<&'a trials::Note> {
    ds.notes
        .iter()
        .filter(|n| n.applies_to.iter().any(|a| rows.iter().any(|r| r.id == *a)))
        .collect()
}

#[function_component]
pub fn TrialsView(props: &TrialsViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let form = use_table_form(
        Route::Trials,
        crate::inputs::link::only(&props.query, params::TABLE, true),
        params::TABLE,
        props.keep.clone(),
    );
    let selected = use_state(Vec::<String>::new);
    let open = use_state(Vec::<String>::new);
    let tab = use_state(|| Tab::Outcomes);
    // Opened or closed by the user's click on its summary; open anyway while one of its
    // filters is set, so that a filter from the link is never hidden.
    let more_opened = use_state(|| false);
    let status = use_state(|| None::<String>);

    let ds = match use_trials_data() {
        DataState::Ready(ds) => ds,
        other => return data::not_ready(&other, lang),
    };

    let mut errors: Vec<ParamError> = Vec::new();
    let shown = rows_for(ds, form.raw(), &mut errors, lang);
    let rows = shown.rows.clone();
    let dir = shown.dir;
    let total = ds.records.len();
    let filtered = filter_params().iter().any(|f| form.raw().get(f).is_some());
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
            let pairs: Vec<(&str, &str)> = filter_params().iter().map(|f| (*f, "")).collect();
            form.set_many(&pairs);
        })
    };
    let on_sort = {
        let form = form.clone();
        let current = shown.sort.clone();
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
            form.set_many(&[
                (params::SORT.name, name),
                (params::DIRECTION.name, next_dir.code()),
            ]);
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
            let text = trials::to_csv(ds, &rows, lang);
            let ok = browser::download_text(&name, "text/csv;charset=utf-8", &text);
            status.set(Some(if ok {
                tr!(
                    "Saved {count} rows as {name}.",
                    "已将 {count} 行保存为 {name}。"
                )
                .fill(lang, &[("count", &rows.len().to_string()), ("name", &name)])
            } else {
                tr!(
                    "The browser did not allow the download.",
                    "浏览器不允许下载。"
                )
                .get(lang)
                .to_string()
            }));
        })
    };

    let selected_records: Vec<&'static Record> =
        selected.iter().filter_map(|id| ds.record(id)).collect();
    let table_state = table::TableState {
        ds,
        lines: &shown.lines,
        sort: shown.sort.as_deref(),
        dir,
        selected: &selected,
        open: &open,
        on_sort,
        on_select,
        on_toggle,
        lang,
    };
    let compare_state = compare::CompareState {
        ds,
        selected: selected_records,
        shown: &rows,
        on_clear: on_clear_selection,
        lang,
    };
    let row_notes = notes_of_rows(ds, &rows);
    let as_of = ds
        .evidence_as_of()
        .map(|d| format::date_text(d, lang))
        .unwrap_or_default();
    let text = |t: Text| AttrValue::from(t.get(lang));
    let dir_options = vec![(
        String::new(),
        vec![
            (
                "asc".to_string(),
                tr!("Ascending", "升序").get(lang).to_string(),
            ),
            (
                "desc".to_string(),
                tr!("Descending", "降序").get(lang).to_string(),
            ),
        ],
    )];
    let tab_button = |t: Tab| {
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_: MouseEvent| tab.set(t))
        };
        let active = *tab == t;
        html! {
            <button type="button" role="tab" id={format!("tab-{}", t.code())} aria-controls={format!("panel-{}", t.code())}
                aria-selected={if active { "true" } else { "false" }} tabindex={if active { "0" } else { "-1" }}
                class={classes!("tab", active.then_some("active"))} data-tab={t.code()} {onclick}>
                {t.label(ds, lang)}
            </button>
        }
    };
    let panel = |t: Tab, content: Html| {
        html! {
            <div role="tabpanel" id={format!("panel-{}", t.code())} aria-labelledby={format!("tab-{}", t.code())}
                class="tab-panel" data-testid={format!("panel-{}", t.code())} hidden={*tab != t}>
                {content}
            </div>
        }
    };
    let select = |name: &'static str, label: Text, any: Text, groups: Vec<filters::OptionGroup>| {
        html! {
            <FilterSelect {name} label={text(label)} any={text(any)} {groups} value={form.text(name)}
                onchange={form.setter(name)} errors={errors.clone()} {lang} />
        }
    };
    let count_text = tr!("{shown} of {total} rows", "共 {total} 行，显示 {shown} 行").fill(
        lang,
        &[
            ("shown", &rows.len().to_string()),
            ("total", &total.to_string()),
        ],
    );

    let outcomes = html! {
        <>
            <form class="inputs trials-filters" role="search" aria-label={text(tr!("Search and filter trials", "搜索和筛选试验"))} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="search-field">
                    <TextField name={params::QUERY.name} kind="search" label={text(tr!("Search trials", "搜索试验"))} value={form.text(params::QUERY.name)} oninput={form.setter(params::QUERY.name)}
                        placeholder={text(tr!("trial, NCT id, drug, tumour (TNBC), regimen, biomarker", "试验、NCT 号、药物、肿瘤（TNBC）、方案、生物标志物"))} />
                </div>
                { select(params::DRUG.name, params::DRUG.label, tr!("Any drug", "任一药物"), filters::drug_options(ds, lang)) }
                { select(params::TUMOUR.name, params::TUMOUR.label, tr!("Any tumour", "任一肿瘤"), filters::tumour_options(ds, lang)) }
                <details class="more-filters" data-testid="more-filters" open={more_open} ontoggle={on_more_toggle}>
                    <summary>
                        {tr!("More filters and sorting", "更多筛选和排序").get(lang)}
                        if more_set > 0 { <span class="more-set">{tr!(" · {count} set", " · 已设 {count} 项").fill(lang, &[("count", &more_set.to_string())])}</span> }
                    </summary>
                    <div class="more-filters-fields">
                        { select(params::EVIDENCE.name, params::EVIDENCE.label, tr!("Any kind of source", "任一来源类型"), filters::evidence_options(ds, lang)) }
                        { select(params::PHASE.name, params::PHASE.label, tr!("Any phase", "任一分期"), filters::phase_options(ds, lang)) }
                        { select(params::ENDPOINT.name, tr!("Reports endpoint", "报告的终点"), tr!("Any endpoint", "任一终点"), filters::endpoint_options(ds, lang)) }
                        { select(params::LINE.name, params::LINE.label, tr!("Any line", "任一治疗线"), filters::line_options(ds, lang)) }
                        { select(params::SORT.name, params::SORT.label, tr!("Default order", "默认顺序"), filters::sort_options(lang)) }
                        { select(params::DIRECTION.name, params::DIRECTION.label, tr!("Ascending (default)", "升序（默认）"), dir_options) }
                    </div>
                </details>
            </form>

            <div class="results-bar">
                <p class="count" role="status" data-testid="result-count" data-value={rows.len().to_string()} data-total={total.to_string()}>
                    <strong>{count_text}</strong>
                    if !selected.is_empty() {
                        {tr!(" · {count} selected for comparison (see Compare below the table)", " · 已选 {count} 行用于比较（见表下方“比较”）").fill(lang, &[("count", &selected.len().to_string())])}
                    }
                </p>
                <div class="actions">
                    <button type="button" data-testid="csv" onclick={on_csv} disabled={rows.is_empty()}>
                        {tr!("Download these {count} rows as CSV", "将这 {count} 行下载为 CSV").fill(lang, &[("count", &rows.len().to_string())])}
                    </button>
                    if filtered {
                        <button type="button" data-testid="clear-filters" onclick={clear_filters.clone()}>{tr!("Clear search and filters", "清除搜索和筛选").get(lang)}</button>
                    }
                </div>
                if let Some(s) = &*status { <p class="hint" role="status">{s.clone()}</p> }
            </div>

            if rows.is_empty() {
                <div class="msg msg-note empty" data-testid="empty">
                    <p>{tr!("No cohort or arm in the data matches this search and these filters.", "数据中没有符合此搜索和筛选的队列或组别。").get(lang)}</p>
                    <button type="button" class="primary" data-testid="clear-empty" onclick={clear_filters}>{tr!("Clear search and filters", "清除搜索和筛选").get(lang)}</button>
                </div>
            } else {
                { table::results_table(&table_state) }
                <p class="hint legend">
                    {tr!("n patients; ORR objective response rate; DCR disease control rate; mPFS, mOS, mDoR median progression-free survival, overall survival, duration of response (mo = months); HR PFS, HR OS hazard ratios for progression-free and overall survival, on the experimental arm; AE adverse events (any grade, grade ≥3), % of patients. Small figures under a value are its 95% CI; “risk −x%” is a risk reduction another report gives. NR not reached, NE not estimable, – not reported; “or” lists values the sources disagree on. † a note applies: open “Details and sources”. Evidence: the kind and date of the row's newest source.",
                         "n 患者数；ORR 客观缓解率；DCR 疾病控制率；mPFS、mOS、mDoR 中位无进展生存期、总生存期、缓解持续时间（月）；PFS HR、OS HR 无进展生存期和总生存期风险比，列于试验组；AE 不良事件（任何级别、≥3级），患者百分比。数值下的小字为 95%置信区间；“风险 −x%”为另一报道给出的风险降低。NR 未达到，NE 不可估计，– 未报告；“或”列出来源不一致的数值。† 有注释：请打开“详情与来源”。证据：该行最新来源的类型和日期。").get(lang)}
                </p>
                <section class="row-notes" aria-labelledby="row-notes-h" data-testid="row-notes">
                    <details open={row_notes.len() <= 12}>
                        <summary><h2 id="row-notes-h">{tr!("Notes on these rows ({count})", "关于这些行的注释（{count}）").fill(lang, &[("count", &row_notes.len().to_string())])}</h2></summary>
                        if row_notes.is_empty() {
                            <p class="hint">{tr!("No note applies to the rows shown.", "所显示的行没有注释。").get(lang)}</p>
                        } else {
                            <ul class="notes">{ for row_notes.iter().map(|n| detail::note_item(ds, n, true, lang)) }</ul>
                        }
                    </details>
                </section>
            }
            { compare::compare_section(&compare_state) }
        </>
    };

    html! {
        <section class="view trials-view">
            <h1>{tr!("Trials", "临床试验").get(lang)}</h1>
            <p class="purpose">
                {tr!("Published outcomes of ivonescimab and the PD-1(L1)/VEGF bispecifics, with the source of every number.", "依沃西单抗及 PD-1(L1)/VEGF 双特异性抗体已发表的疗效数据，每个数字均注明来源。").get(lang)}
                {" "}<strong class="as-of" data-testid="evidence-as-of">{tr!("Evidence as of {date}.", "证据截至 {date}。").fill(lang, &[("date", &as_of)])}</strong>
            </p>
            <div class="tabs" role="tablist" aria-label={text(tr!("Trials sections", "临床试验各部分"))}>
                { for Tab::ALL.iter().map(|t| tab_button(*t)) }
            </div>
            { panel(Tab::Outcomes, outcomes) }
            { panel(Tab::Notes, sources::notes_section(ds, lang)) }
            { panel(Tab::Ongoing, sources::ongoing_section(ds, lang)) }
            { panel(Tab::Molecules, sources::molecules_section(ds, lang)) }
            { panel(Tab::Documents, sources::documents_section(ds, lang)) }
            <p class="hint">{tr!("Data version {version} (hash of data/trials.json).", "数据版本 {version}（data/trials.json 的哈希值）。").fill(lang, &[("version", &trials::data_version())])}</p>
        </section>
    }
}

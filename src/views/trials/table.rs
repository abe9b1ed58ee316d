//! The results table: one `cohort-row` per cohort or arm (CONTRACT.md); the arms of a
//! randomised comparison grouped as one line (trial cell and hazard ratios spanning the arms);
//! sortable headers, a compare box per row and a details disclosure per line. Below 700 px the
//! lines become cards (static/trials.css).

use super::cells::figure_cell;
use super::detail::detail_panel;
use super::format::{date_text, kind_label, line_text, phase_text, trial_heading};
use crate::i18n::{translated, Lang, Text};
use crate::tr;
use crate::trials::{Dataset, Direction, Line, Record, Role};
use yew::prelude::*;

/// The CONTRACT figure columns: (`data-field`, header, unit shown in the header).
pub const FIGURE_COLUMNS: [(&str, Text, Option<Text>); 10] = [
    (crate::trials::PATIENTS, tr!("n", "例数"), None),
    ("orr", tr!("ORR", "ORR"), Some(tr!("%", "%"))),
    ("dcr", tr!("DCR", "DCR"), Some(tr!("%", "%"))),
    ("mpfs", tr!("mPFS", "mPFS"), Some(tr!("mo", "月"))),
    ("mos", tr!("mOS", "mOS"), Some(tr!("mo", "月"))),
    ("mdor", tr!("mDoR", "mDoR"), Some(tr!("mo", "月"))),
    ("hr", tr!("HR PFS", "PFS HR"), None),
    ("hros", tr!("HR OS", "OS HR"), None),
    ("ae", tr!("AE", "AE"), Some(tr!("%", "%"))),
    ("ae3", tr!("AE ≥3", "≥3级 AE"), Some(tr!("%", "%"))),
];

/// A figure column's name with its unit: "mPFS (mo)".
pub fn column_label(key: &str, lang: Lang) -> String {
    match FIGURE_COLUMNS.iter().find(|(k, _, _)| *k == key) {
        Some((_, label, Some(unit))) => format!("{} ({})", label.get(lang), unit.get(lang)),
        Some((_, label, None)) => label.get(lang).to_string(),
        None => key.to_string(),
    }
}

/// Columns of the table: trial, arm, the figures, evidence.
const COLUMN_COUNT: usize = 3 + FIGURE_COLUMNS.len();

pub struct TableState<'a> {
    pub ds: &'static Dataset,
    pub lines: &'a [Line<'static>],
    pub sort: Option<&'a str>,
    pub dir: Direction,
    pub selected: &'a [String],
    pub open: &'a [String],
    pub on_sort: Callback<&'static str>,
    pub on_select: Callback<String>,
    pub on_toggle: Callback<String>,
    pub lang: Lang,
}

fn sort_header(st: &TableState, name: &'static str, label: Html, class: &'static str) -> Html {
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
        <th scope="col" class={class} aria-sort={aria_sort}>
            <button type="button" class="sort" data-sort={name} {onclick}>
                {label}<span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// The trial cell of a line: short name and registry id, population, tumour, phase, line,
/// and the details toggle.
fn trial_cell(st: &TableState, line: &Line<'static>, rows: usize) -> Html {
    let lang = st.lang;
    let r = line.first();
    let open = st.open.contains(&r.id);
    let detail_id = format!("detail-{}", r.id);
    let on_toggle = {
        let cb = st.on_toggle.clone();
        let id = r.id.clone();
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    let tumour = st
        .ds
        .tumour(&r.tumour)
        .map(|t| translated(&t.name, lang).to_string())
        .unwrap_or_default();
    let mut meta: Vec<String> = vec![r.tumour.clone(), phase_text(&r.phase, lang)];
    meta.extend(r.line.as_deref().map(|l| line_text(l, lang)));
    if r.bispecific != "ivonescimab" {
        meta.push(r.bispecific.clone());
    }
    html! {
        <th scope={if rows > 1 { "rowgroup" } else { "row" }} rowspan={(rows > 1).then(|| rows.to_string())} class="trial">
            <span class="trial-name">{trial_heading(r, lang)}</span>
            if let Some(sub) = &r.subgroup { <span class="sub">{translated(sub, lang).to_string()}</span> }
            <span class="meta"><abbr title={tumour}>{meta.join(" · ")}</abbr></span>
            <button type="button" class="detail-toggle" aria-expanded={if open { "true" } else { "false" }}
                aria-controls={detail_id} onclick={on_toggle}>
                { if open { tr!("Hide details", "收起详情").get(lang) } else { tr!("Details and sources", "详情与来源").get(lang) } }
            </button>
        </th>
    }
}

fn arm_cell(st: &TableState, r: &'static Record) -> Html {
    let lang = st.lang;
    let selected = st.selected.contains(&r.id);
    let on_select = {
        let cb = st.on_select.clone();
        let id = r.id.clone();
        Callback::from(move |_: Event| cb.emit(id.clone()))
    };
    let arm = translated(&r.arm, lang).to_string();
    let control = r.role == Some(Role::Control);
    let label = tr!("Compare {trial}, {arm}", "比较 {trial}，{arm}")
        .fill(lang, &[("trial", &trial_heading(r, lang)), ("arm", &arm)]);
    html! {
        <td class={classes!("arm", control.then_some("control"))}>
            <input type="checkbox" id={format!("pick-{}", r.id)} checked={selected} onchange={on_select} aria-label={label} />
            if control { <span class="vs">{tr!("vs", "对比").get(lang)}{" "}</span> }
            <span class="arm-name">{arm}</span>
        </td>
    }
}

fn evidence_cell(st: &TableState, r: &Record) -> Html {
    let lang = st.lang;
    match st.ds.evidence(r) {
        Some(e) => html! {
            <td class="ev">
                <span class={classes!("kind", format!("kind-{}", e.kind.code()))}>{kind_label(e.kind).get(lang)}</span>
                <span class="date">{date_text(e.date, lang)}</span>
            </td>
        },
        None => html! { <td class="ev">{"–"}</td> },
    }
}

/// One cohort-row. `trial_rows` is set on the line's first row (the trial cell spans them);
/// `hr_span` is set on an experimental arm (its hazard-ratio cells span the arms); a control
/// arm of a comparison carries empty, hidden hazard-ratio cells.
fn row(st: &TableState, line: &Line<'static>, r: &'static Record, first: bool) -> Html {
    let arms = line.records().len();
    let in_comparison = matches!(line, Line::Comparison(_));
    let control = in_comparison && !first;
    let selected = st.selected.contains(&r.id);
    let evidence = st.ds.evidence(r);
    html! {
        <tr data-testid="cohort-row" data-id={r.id.clone()} data-drug={r.bispecific.clone()} data-tumor={r.tumour.clone()}
            data-phase={r.phase.clone()} data-evidence={evidence.map(|e| e.kind.code())}
            data-asof={evidence.map(|e| e.date.to_string())}
            class={classes!(selected.then_some("selected"), control.then_some("control-row"), first.then_some("first-row"))}>
            if first { { trial_cell(st, line, arms) } }
            { arm_cell(st, r) }
            { for FIGURE_COLUMNS.iter().map(|(key, _, _)| {
                let hr = *key == "hr" || *key == "hros";
                if hr && control {
                    html! { <td data-field={*key} hidden=true></td> }
                } else if hr && in_comparison {
                    figure_cell(st.ds, r, key, Some(arms), st.lang)
                } else {
                    figure_cell(st.ds, r, key, None, st.lang)
                }
            }) }
            { evidence_cell(st, r) }
        </tr>
    }
}

fn line_body(st: &TableState, line: &Line<'static>) -> Html {
    let records = line.records();
    let first = line.first();
    let open = st.open.contains(&first.id);
    let kind = match line {
        Line::Single(_) => "single",
        Line::Comparison(_) => "comparison",
    };
    html! {
        <tbody class={classes!("trial-line", kind)} data-line={first.id.clone()}>
            { for records.iter().enumerate().map(|(i, r)| row(st, line, r, i == 0)) }
            <tr class="detail-row" id={format!("detail-{}", first.id)} hidden={!open}>
                <td colspan={COLUMN_COUNT.to_string()}>
                    { for records.iter().map(|r| detail_panel(st.ds, r, st.lang)) }
                </td>
            </tr>
        </tbody>
    }
}

pub fn results_table(st: &TableState) -> Html {
    let lang = st.lang;
    html! {
        <div class="table-wrap trials-table-wrap" tabindex="0" role="region" aria-label={tr!("Outcomes table", "疗效表").get(lang)}>
            <table class="trials-table" data-testid="cohort-table">
                <caption class="visually-hidden">
                    {tr!("Published outcomes, one row per cohort or arm; the arms of a randomised comparison are grouped, with the hazard ratios on the experimental arm. Column headers sort the table.",
                         "已发表的疗效数据，每个队列或组一行；随机对照的各组合为一组，风险比列于试验组。点击列标题可排序。").get(lang)}
                </caption>
                <thead>
                    <tr>
                        { sort_header(st, "trial", html!{ {tr!("Trial", "试验").get(lang)} }, "trial-col") }
                        <th scope="col" class="arm-col">{tr!("Arm or cohort", "组别或队列").get(lang)}</th>
                        { for FIGURE_COLUMNS.iter().map(|(key, label, unit)| {
                            let label = match unit {
                                None => html!{ {label.get(lang)} },
                                Some(u) => html!{ <>{label.get(lang)}<span class="unit">{format!(" {}", u.get(lang))}</span></> },
                            };
                            sort_header(st, key, label, "num")
                        }) }
                        <th scope="col" class="ev-col">{tr!("Evidence", "证据").get(lang)}</th>
                    </tr>
                </thead>
                { for st.lines.iter().map(|l| line_body(st, l)) }
            </table>
        </div>
    }
}

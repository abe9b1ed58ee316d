//! The detail panel of a cohort or arm: the full title, registry record, regimen and
//! population; the evidence behind the row; the notes on it; every figure with its value, CI,
//! document, place, date and page, and the words as printed (earlier analyses marked as
//! superseded); the documents cited.

use super::format::{
    ci_text, cohort_name, date_text, document_date_text, kind_label, line_text, note_kind_code,
    note_kind_label, phase_text, value_with_unit,
};
use super::printed::ours_or_printed;
use crate::i18n::{translated, Lang};
use crate::tr;
use crate::trials::{Dataset, Figure, Note, Record, Source};
use crate::widgets::table::head;
use yew::prelude::*;

/// A registry id: a link to ClinicalTrials.gov in a new tab when well formed and this study's,
/// else the id as printed with the reason there is no link.
pub fn registry(id: Option<&str>, linked: bool, lang: Lang) -> Html {
    let Some(id) = id else {
        return html! { <span class="muted">{tr!("not given in the sources", "文献未给出").get(lang)}</span> };
    };
    if !crate::trials::is_well_formed_nct(id) {
        return html! {
            <span class="flag" data-testid="registry-malformed">
                {tr!("{id} — not a well-formed ClinicalTrials.gov id (NCT and 8 digits), so no link",
                     "{id} — 不是格式正确的 ClinicalTrials.gov 注册号（NCT 加 8 位数字），因此不提供链接").fill(lang, &[("id", id)])}
            </span>
        };
    }
    if !linked {
        return html! {
            <span class="flag" data-testid="registry-unlinked">
                {tr!("{id} — printed for this study, but it belongs to another study (see the notes), so no link",
                     "{id} — 文献为本研究印出此号，但它属于另一项研究（见注释），因此不提供链接").fill(lang, &[("id", id)])}
            </span>
        };
    }
    match crate::trials::registry_url(id) {
        Some(url) => html! {
            <a href={url} target="_blank" rel="noopener noreferrer" data-testid="registry-link">
                {tr!("{id} on ClinicalTrials.gov", "{id}（ClinicalTrials.gov）").fill(lang, &[("id", id)])}
                <span class="visually-hidden">{tr!(" (opens in a new tab)", "（在新标签页打开）").get(lang)}</span>
            </a>
        },
        None => html! { <span>{id.to_string()}</span> },
    }
}

pub fn note_item(ds: &Dataset, n: &Note, with_items: bool, lang: Lang) -> Html {
    let concerns: Vec<String> = n
        .applies_to
        .iter()
        .map(|id| super::format::item_label(ds, id, lang))
        .collect();
    let figures: Vec<String> = n
        .endpoints
        .iter()
        .map(|e| {
            ds.endpoint(e)
                .map(|d| translated(&d.name, lang).to_string())
                .unwrap_or_else(|| e.clone())
        })
        .collect();
    html! {
        <li class={classes!("note", format!("note-{}", note_kind_code(n.kind)))} data-testid="source-note"
            data-id={n.id.clone()} data-kind={note_kind_code(n.kind)}>
            <strong class="note-kind">{note_kind_label(n.kind).get(lang)}{": "}</strong>{translated(&n.text, lang).to_string()}
            if !figures.is_empty() {
                <span class="note-endpoints">{tr!(" Figures: {list}.", " 涉及数据：{list}。").fill(lang, &[("list", &figures.join(", "))])}</span>
            }
            if with_items && !concerns.is_empty() {
                <span class="note-concerns">{tr!(" Concerns: {list}.", " 涉及：{list}。").fill(lang, &[("list", &concerns.join("; "))])}</span>
            }
        </li>
    }
}

/// Where a figure stands: document, place, references, kind, date, and the page read.
fn source_cell(ds: &Dataset, src: &Source, lang: Lang) -> Html {
    let doc = ds.document(&src.document);
    html! {
        <>
            <span class="src">{ds.source_text(src, lang)}</span>
            if let Some(d) = doc {
                <span class="src-meta">{format!("{} · {}", kind_label(d.kind).get(lang), document_date_text(ds, &d.id, lang))}</span>
            }
            if let Some(url) = &src.url {
                <a class="page-link" href={url.clone()} target="_blank" rel="noopener noreferrer" data-testid="page-link">
                    {tr!("page read", "所读页面").get(lang)}
                    <span class="visually-hidden">{tr!(" (opens in a new tab)", "（在新标签页打开）").get(lang)}</span>
                </a>
            }
        </>
    }
}

fn figure_row(ds: &Dataset, r: &Record, f: &Figure, flagged: bool, lang: Lang) -> Html {
    let name = ds
        .endpoint(&f.endpoint)
        .map(|e| translated(&e.name, lang).to_string())
        .unwrap_or_else(|| f.endpoint.clone());
    html! {
        <tr class={classes!(flagged.then_some("flagged"), f.superseded.then_some("superseded"))} data-testid="detail-figure"
            data-endpoint={f.endpoint.clone()} data-value={f.number().map(|x| x.to_string())}
            data-superseded={f.superseded.then_some("true")}>
            <th scope="row">
                {name}
                if let Some(l) = &f.label { <span class="muted">{format!(" ({})", translated(l, lang))}</span> }
                if flagged { <span class="note-mark" aria-hidden="true">{"†"}</span><span class="visually-hidden">{tr!(" (see notes)", "（见注释）").get(lang)}</span> }
                if f.superseded { <span class="superseded-tag">{tr!("superseded by a later analysis", "已被后续分析取代").get(lang)}</span> }
                if let Some(a) = &f.analysis { <span class="analysis">{translated(a, lang).to_string()}</span> }
            </th>
            <td class="num">{value_with_unit(f, lang)}</td>
            <td class="num">{ci_text(f, lang).unwrap_or_else(|| "–".into())}</td>
            <td>{ source_cell(ds, f.source_or(&r.source), lang) }</td>
            <td>
                <q class="as-printed" data-testid="as-printed" lang="en">{f.as_printed.clone()}</q>
                { for f.also_printed.iter().map(|c| html! {
                    <span class="also">
                        {tr!("Also printed in {source}: ", "亦见于 {source}：").fill(lang, &[("source", &ds.source_text(&c.source, lang))])}
                        <q class="as-printed" lang={c.lang().to_string()}>{c.as_printed.clone()}</q>
                        if let Some(url) = &c.source.url {
                            {" "}<a class="page-link" href={url.clone()} target="_blank" rel="noopener noreferrer">
                                {tr!("page read", "所读页面").get(lang)}
                                <span class="visually-hidden">{tr!(" (opens in a new tab)", "（在新标签页打开）").get(lang)}</span>
                            </a>
                        }
                    </span>
                }) }
            </td>
        </tr>
    }
}

/// The documents a record's figures come from, each once.
fn documents_of<'a>(ds: &'a Dataset, r: &'a Record) -> Vec<&'a crate::trials::Document> {
    let mut out: Vec<&crate::trials::Document> = Vec::new();
    let sources = r.all_figures().flat_map(|f| {
        std::iter::once(f.source_or(&r.source)).chain(f.also_printed.iter().map(|c| &c.source))
    });
    for s in std::iter::once(&r.source).chain(sources) {
        if let Some(d) = ds.document(&s.document) {
            if !out.iter().any(|o| o.id == d.id) {
                out.push(d);
            }
        }
    }
    out
}

pub fn detail_panel(ds: &Dataset, r: &Record, lang: Lang) -> Html {
    let notes = ds.notes_for(&r.id);
    let flagged_endpoint = |key: &str| notes.iter().any(|n| n.endpoints.iter().any(|e| e == key));
    let evidence = ds.evidence(r);
    let tumour = ds
        .tumour(&r.tumour)
        .map(|t| translated(&t.name, lang).to_string())
        .unwrap_or_default();
    let line = r.line.as_deref().map_or_else(
        || tr!("line not stated", "治疗线未说明").get(lang).to_string(),
        |l| line_text(l, lang),
    );
    let references: Vec<&crate::trials::Reference> = ds
        .document(&r.source.document)
        .map(|d| {
            d.references
                .iter()
                .filter(|x| r.source.refs.contains(&x.number))
                .collect()
        })
        .unwrap_or_default();
    html! {
        <div class="detail-panel" data-testid="detail" data-id={r.id.clone()}>
            <h3>{format!("{} — {}", translated(&r.name, lang), cohort_name(r, lang))}</h3>
            <dl class="facts detail-facts">
                <dt>{tr!("Study", "研究").get(lang)}</dt><dd>{translated(&r.trial, lang).to_string()}</dd>
                <dt>{tr!("Registry record", "注册记录").get(lang)}</dt><dd>{registry(r.registry_id.as_deref(), r.registry_link, lang)}</dd>
                <dt>{tr!("Drugs", "药物").get(lang)}</dt>
                <dd>{tr!("{drugs} (bispecific: {bispecific})", "{drugs}（双特异性抗体：{bispecific}）").fill(lang, &[
                    ("drugs", &r.drugs.iter().map(|d| super::format::drug_name(d, lang)).collect::<Vec<_>>().join(", ")),
                    ("bispecific", &super::format::drug_name(&r.bispecific, lang)),
                ])}</dd>
                if let Some(c) = &r.comparator { <dt>{tr!("Comparator", "对照").get(lang)}</dt><dd>{translated(c, lang).to_string()}</dd> }
                <dt>{tr!("Regimen", "方案").get(lang)}</dt><dd>{translated(&r.regimen, lang).to_string()}</dd>
                <dt>{tr!("Tumour, phase, line", "肿瘤、分期、治疗线").get(lang)}</dt>
                <dd>{tr!("{code} ({name}), {phase_name}, {line_name}", "{code}（{name}），{phase_name}，{line_name}").fill(lang, &[("code", &r.tumour), ("name", &tumour), ("phase_name", &phase_text(&r.phase, lang)), ("line_name", &line)])}</dd>
                if let Some(b) = &r.biomarker { <dt>{tr!("Biomarker", "生物标志物").get(lang)}</dt><dd>{translated(b, lang).to_string()}</dd> }
                if let Some(e) = evidence {
                    <dt>{tr!("Newest evidence", "最新证据").get(lang)}</dt>
                    <dd>{format!("{} · {} · {}", kind_label(e.kind).get(lang), date_text(e.date, lang), ds.document_name(&e.document.id, lang))}</dd>
                }
                <dt>{tr!("Source of the row", "本行来源").get(lang)}</dt>
                <dd>
                    {ds.source_text(&r.source, lang)}
                    { for references.iter().map(|x| html! {
                        <span class="ref">{tr!("Ref. {number}.", "参考文献 {number}：").fill(lang, &[("number", &x.number.to_string())])}{" "}<span lang="en">{x.citation.clone()}</span></span>
                    }) }
                </dd>
            </dl>
            if !notes.is_empty() {
                <div class="detail-notes">
                    <h4>{tr!("Notes on the sources", "关于来源的注释").get(lang)}</h4>
                    <ul class="notes">{ for notes.iter().map(|n| note_item(ds, n, false, lang)) }</ul>
                </div>
            }
            <div class="table-wrap" tabindex="0" role="region" aria-label={tr!("Figures of {name}", "{name} 的数据").fill(lang, &[("name", &cohort_name(r, lang))])}>
                <table class="figures">
                    <caption>{tr!("Every figure for this row: value, where it stands, and the words as printed", "本行全部数据：数值、出处和原文").get(lang)}</caption>
                    { head(&[
                        (tr!("Endpoint", "终点").get(lang), false),
                        (tr!("Value", "数值").get(lang), true),
                        (tr!("95% CI", "95%置信区间").get(lang), true),
                        (tr!("Where in which document", "出处").get(lang), false),
                        (tr!("As printed", "原文").get(lang), false),
                    ]) }
                    <tbody>
                        { for r.all_figures().map(|f| figure_row(ds, r, f, flagged_endpoint(&f.endpoint), lang)) }
                    </tbody>
                </table>
            </div>
            <h4>{tr!("Documents", "文献").get(lang)}</h4>
            <ul class="documents">
                { for documents_of(ds, r).into_iter().map(|d| html! {
                    <li>
                        <strong>{ds.document_name(&d.id, lang)}</strong>
                        {tr!(" ({kind}, {date}): ", "（{kind}，{date}）：").fill(lang, &[("kind", kind_label(d.kind).get(lang)), ("date", &document_date_text(ds, &d.id, lang))])}
                        {ours_or_printed(&d.citation, lang)}
                    </li>
                }) }
            </ul>
        </div>
    }
}

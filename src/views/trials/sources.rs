//! The reference tabs: every note on the sources, the ongoing trials of both reviews, the
//! molecules (with their mechanism and pharmacology figures), and the documents.

use super::detail::{note_item, registry};
use super::format::{ci_text, document_date_text, kind_label, value_with_unit};
use super::printed::{gloss, lines, ours_or_printed};
use crate::i18n::{in_parentheses, translated, Lang};
use crate::tr;
use crate::trials::Dataset;
use crate::widgets::table::head;
use yew::prelude::*;

fn inline_notes(ds: &Dataset, id: &str, lang: Lang) -> Html {
    let notes = ds.notes_for(id);
    html! {
        if !notes.is_empty() {
            <ul class="notes notes-inline">{ for notes.iter().map(|n| note_item(ds, n, false, lang)) }</ul>
        }
    }
}

pub fn ongoing_section(ds: &Dataset, lang: Lang) -> Html {
    html! {
        <section aria-labelledby="ongoing-h" class="ongoing">
            <h2 id="ongoing-h">{tr!("Ongoing trials", "进行中的试验").get(lang)}</h2>
            <p class="hint">{tr!("The ongoing-trial tables of both reviews, cells as printed. Trials with results since are marked.", "两篇综述中进行中试验的表格，按原文列出。其后已有结果的试验另行标注。").get(lang)}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label={tr!("Ongoing trials", "进行中的试验").get(lang)}>
                <table data-testid="ongoing-table">
                    { head(&[
                        (tr!("Registry id", "注册号").get(lang), false),
                        (tr!("Disease", "疾病").get(lang), false),
                        (tr!("Regimen", "方案").get(lang), false),
                        (tr!("Phase", "分期").get(lang), false),
                        (tr!("Size", "样本量").get(lang), true),
                        (tr!("Centres, countries", "中心、国家").get(lang), false),
                        (tr!("Source", "来源").get(lang), false),
                    ]) }
                    <tbody>
                        { for ds.ongoing.iter().map(|o| {
                            let reported = o.registry_id.as_ref().and_then(|id| ds.records.iter().find(|r| r.registry_id.as_ref() == Some(id) && r.registry_link && r.phase == o.phase));
                            html! {
                                <tr data-testid="ongoing-row" data-id={o.id.clone()}>
                                    <th scope="row">
                                        {registry(o.registry_id.as_deref(), true, lang)}
                                        if let Some(n) = &o.trial_name { <span class="sub" lang="en">{n.clone()}</span>{gloss(n, lang)} }
                                        if let Some(r) = reported {
                                            <span class="sub reported">{tr!("Results in the outcomes table: {name}", "疗效表中已有结果：{name}").fill(lang, &[("name", translated(&r.name, lang))])}</span>
                                        }
                                    </th>
                                    <td lang="en">{o.indication.clone()}{gloss(&o.indication, lang)}</td>
                                    <td lang="en">{o.regimen.clone()}{gloss(&o.regimen, lang)}</td>
                                    <td lang="en">{o.phase_as_printed.clone()}{gloss(&o.phase_as_printed, lang)}</td>
                                    <td class="num">{o.participants_as_printed.clone().unwrap_or_else(|| "–".into())}</td>
                                    <td lang="en">{o.centres.clone().unwrap_or_else(|| "–".into())}{o.centres.as_deref().map(|c| gloss(c, lang)).unwrap_or_default()}</td>
                                    <td>{ds.source_text(&o.source, lang)}{inline_notes(ds, &o.id, lang)}</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

pub fn molecules_section(ds: &Dataset, lang: Lang) -> Html {
    html! {
        <section aria-labelledby="molecules-h" class="molecules">
            <h2 id="molecules-h">{tr!("The molecules", "分子").get(lang)}</h2>
            <p class="hint">{tr!("PD-1(L1)/VEGF bispecific antibodies compared in Table 1 of the review of PD-1(L1)/VEGF bispecifics, cells as printed; then the figures on ivonescimab's binding and half-life.", "PD-1(L1)/VEGF 双特异性抗体综述表 1 中比较的 PD-1(L1)/VEGF 双特异性抗体，按原文列出；其后为依沃西单抗结合力和半衰期的数据。").get(lang)}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label={tr!("Molecules", "分子").get(lang)}>
                <table data-testid="molecules-table">
                    { head(&[
                        (tr!("Molecule", "分子").get(lang), false),
                        (tr!("Targets", "靶点").get(lang), false),
                        (tr!("Architecture", "结构").get(lang), false),
                        (tr!("Fc region", "Fc 区").get(lang), false),
                        (tr!("Clinical maturity", "临床进展").get(lang), false),
                        (tr!("Source", "来源").get(lang), false),
                    ]) }
                    <tbody>
                        { for ds.molecules.iter().map(|m| html! {
                            <tr data-testid="molecule-row" data-id={m.id.clone()}>
                                <th scope="row">{translated(&m.name, lang).to_string()}</th>
                                <td lang="en">{m.targets.clone()}{gloss(&m.targets, lang)}</td>
                                <td lang="en">{lines(&m.architecture)}{gloss(&m.architecture, lang)}</td>
                                <td lang="en">{lines(&m.fc_region)}{gloss(&m.fc_region, lang)}</td>
                                <td lang="en">{lines(&m.clinical_maturity)}{gloss(&m.clinical_maturity, lang)}</td>
                                <td>{ds.source_text(&m.source, lang)}{inline_notes(ds, &m.id, lang)}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { for ds.molecules.iter().filter(|m| !m.figures.is_empty()).map(|m| html! {
                <div class="table-wrap" tabindex="0" role="region" aria-label={tr!("Figures on {name}", "{name} 的数据").fill(lang, &[("name", translated(&m.name, lang))])}>
                    <table class="figures" data-testid="molecule-figures" data-id={m.id.clone()}>
                        <caption>{tr!("{name}: binding, signalling and half-life, as printed", "{name}：结合力、信号通路和半衰期（按原文）").fill(lang, &[("name", translated(&m.name, lang))])}</caption>
                        { head(&[
                            (tr!("Figure", "数据").get(lang), false),
                            (tr!("Value", "数值").get(lang), true),
                            (tr!("Where in which document", "出处").get(lang), false),
                            (tr!("As printed", "原文").get(lang), false),
                        ]) }
                        <tbody>
                            { for m.figures.iter().map(|f| {
                                let name = ds.endpoint(&f.endpoint).map(|e| translated(&e.name, lang).to_string()).unwrap_or_else(|| f.endpoint.clone());
                                let src = f.source_or(&m.source);
                                html! {
                                    <tr data-testid="detail-figure" data-endpoint={f.endpoint.clone()} data-value={f.number().map(|x| x.to_string())}>
                                        <th scope="row">{name}
                                            if let Some(l) = &f.label { <span class="muted">{format!(" ({})", translated(l, lang))}</span> }
                                        </th>
                                        <td class="num">{value_with_unit(f, lang)}{ci_text(f, lang).map(|c| format!(" ({c})")).unwrap_or_default()}</td>
                                        <td>{ds.source_text(src, lang)}{format!(" · {}", document_date_text(ds, &src.document, lang))}</td>
                                        <td><q class="as-printed" lang="en">{f.as_printed.clone()}</q></td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }) }
        </section>
    }
}

pub fn notes_section(ds: &Dataset, lang: Lang) -> Html {
    html! {
        <section aria-labelledby="notes-h" class="all-notes">
            <h2 id="notes-h">{tr!("Notes on the sources ({count})", "关于来源的注释（{count}）").fill(lang, &[("count", &ds.notes.len().to_string())])}</h2>
            <p class="hint">{tr!("Errors, disagreements and unclear points found in the documents. Figures are shown as printed, never corrected silently; where the sources disagree, every value is kept.", "在各文献中发现的错误、不一致和不清之处。数据按原文显示，绝不悄悄更正；来源不一致时，保留所有数值。").get(lang)}</p>
            <ul class="notes notes-all">{ for ds.notes.iter().map(|n| note_item(ds, n, true, lang)) }</ul>
        </section>
    }
}

pub fn documents_section(ds: &Dataset, lang: Lang) -> Html {
    let mut docs: Vec<&crate::trials::Document> = ds.documents.iter().collect();
    crate::sort::sort_by_key(&mut docs, |d| std::cmp::Reverse(d.date));
    html! {
        <section aria-labelledby="documents-h" class="documents-section">
            <h2 id="documents-h">{tr!("Documents ({count})", "文献（{count}）").fill(lang, &[("count", &docs.len().to_string())])}</h2>
            <p class="hint">{tr!("Every document a figure comes from, newest first, with the public pages where the figures were read.", "各数据所出自的全部文献，按时间由新到旧，并附读取数据的公开页面。").get(lang)}</p>
            <ul class="documents" data-testid="documents">
                { for docs.into_iter().map(|d| html! {
                    <li data-testid="document" data-kind={d.kind.code()} data-date={d.date.to_string()}>
                        <strong>{ds.document_name(&d.id, lang)}</strong>
                        {tr!(" — {kind}, {date}. ", " — {kind}，{date}。").fill(lang, &[("kind", kind_label(d.kind).get(lang)), ("date", &document_date_text(ds, &d.id, lang))])}
                        {ours_or_printed(&d.citation, lang)}
                        if let Some(n) = &d.date_note { <span class="doc-note">{translated(n, lang).to_string()}</span> }
                        if let Some(n) = &d.note { <span class="doc-note">{translated(n, lang).to_string()}</span> }
                        if !d.pages.is_empty() {
                            <ul class="pages">
                                { for d.pages.iter().map(|p| html! {
                                    <li>
                                        <a href={p.url.clone()} target="_blank" rel="noopener noreferrer">
                                            {match &p.title { Some(t) => ours_or_printed(t, lang), None => html! { {p.url.clone()} } }}
                                            <span class="visually-hidden">{tr!(" (opens in a new tab)", "（在新标签页打开）").get(lang)}</span>
                                        </a>
                                        if let Some(date) = &p.date { <span class="muted">{in_parentheses_after(translated(date, lang), lang)}</span> }
                                    </li>
                                }) }
                            </ul>
                        }
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// " (words)" after a name in English, "（words）" in Chinese.
fn in_parentheses_after(words: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(" {}", in_parentheses(words, lang)),
        Lang::ZhCn => in_parentheses(words, lang),
    }
}

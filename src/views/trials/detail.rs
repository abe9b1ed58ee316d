//! The detail panel of a cohort: every figure with unit, CI, where it stands in the source and
//! the words as printed; the notes on the sources; the registry record.

use super::format::{ci_text, cohort_name, note_kind_code, note_kind_label, value_with_unit};
use crate::trials::{Dataset, Figure, Note, Record};
use yew::prelude::*;

/// A registry id: a link to ClinicalTrials.gov in a new tab when well formed, else flagged.
pub fn registry(id: Option<&str>) -> Html {
    let Some(id) = id else {
        return html! { <span class="muted">{"not given in the sources"}</span> };
    };
    match crate::trials::registry_url(id) {
        Some(url) => html! {
            <a href={url} target="_blank" rel="noopener noreferrer" data-testid="registry-link">
                {id.to_string()}{" on ClinicalTrials.gov"}<span class="visually-hidden">{" (opens in a new tab)"}</span>
            </a>
        },
        None => html! {
            <span class="flag" data-testid="registry-malformed">
                {id.to_string()}{" — not a well-formed ClinicalTrials.gov id (NCT and 8 digits), so no link"}
            </span>
        },
    }
}

pub fn note_item(ds: &Dataset, n: &Note, with_items: bool) -> Html {
    let concerns: Vec<String> = n
        .applies_to
        .iter()
        .map(|id| super::format::item_label(ds, id))
        .collect();
    html! {
        <li class={classes!("note", format!("note-{}", note_kind_code(n.kind)))} data-testid="source-note"
            data-id={n.id.clone()} data-kind={note_kind_code(n.kind)}>
            <strong class="note-kind">{note_kind_label(n.kind)}{": "}</strong>{n.text.clone()}
            if !n.endpoints.is_empty() {
                <span class="note-endpoints">{format!(" (figures: {})", n.endpoints.join(", "))}</span>
            }
            if with_items && !concerns.is_empty() {
                <span class="note-concerns">{format!(" Concerns: {}.", concerns.join("; "))}</span>
            }
        </li>
    }
}

fn figure_row(ds: &Dataset, r: &Record, f: &Figure, flagged: bool) -> Html {
    let name = ds
        .endpoint(&f.endpoint)
        .map(|e| e.name.clone())
        .unwrap_or_else(|| f.endpoint.clone());
    let source = f.source_or(&r.source).to_string();
    html! {
        <tr class={classes!(flagged.then_some("flagged"))} data-testid="detail-figure" data-endpoint={f.endpoint.clone()}
            data-value={f.number().map(|x| x.to_string())}>
            <th scope="row">
                {name}
                if let Some(l) = &f.label { <span class="muted">{format!(" ({l})")}</span> }
                if flagged { <span class="note-mark" aria-hidden="true">{"†"}</span><span class="visually-hidden">{" (see notes)"}</span> }
            </th>
            <td class="num">{value_with_unit(f)}</td>
            <td class="num">{ci_text(f).unwrap_or_else(|| "–".into())}</td>
            <td>{source}</td>
            <td>
                <q class="as-printed" data-testid="as-printed">{f.as_printed.clone()}</q>
                { for f.also_printed.iter().map(|c| html! {
                    <span class="also">{" Also printed in "}{c.source.to_string()}{": "}<q class="as-printed">{c.as_printed.clone()}</q></span>
                }) }
            </td>
        </tr>
    }
}

pub fn detail_panel(ds: &Dataset, r: &Record) -> Html {
    let notes = ds.notes_for(&r.id);
    let flagged_endpoint = |key: &str| {
        r.has_alternatives(key) || notes.iter().any(|n| n.endpoints.iter().any(|e| e == key))
    };
    let doc = ds.document(r.source.document);
    let ref_citations: Vec<String> = doc
        .map(|d| {
            d.references
                .iter()
                .filter(|x| r.source.refs.contains(&x.number))
                .map(|x| format!("{}. {}", x.number, x.citation))
                .collect()
        })
        .unwrap_or_default();
    html! {
        <div class="detail-panel" data-testid="detail" data-id={r.id.clone()}>
            <h3>{format!("{} — {}", r.trial, cohort_name(r))}</h3>
            <dl class="facts detail-facts">
                <dt>{"Registry record"}</dt><dd>{registry(r.registry_id.as_deref())}</dd>
                <dt>{"Drugs"}</dt><dd>{format!("{} (bispecific: {})", r.drugs.join(", "), r.bispecific)}</dd>
                if let Some(c) = &r.comparator { <dt>{"Comparator"}</dt><dd>{c.clone()}</dd> }
                <dt>{"Regimen"}</dt><dd>{r.regimen.clone()}</dd>
                <dt>{"Tumour, phase, line"}</dt>
                <dd>{format!("{} ({}), phase {}, {}", r.tumour, ds.tumour(&r.tumour).map(|t| t.name.as_str()).unwrap_or(""), r.phase,
                    r.line.as_deref().unwrap_or("line not stated"))}</dd>
                if let Some(b) = &r.biomarker { <dt>{"Biomarker"}</dt><dd>{b.clone()}</dd> }
                <dt>{"Source of the record"}</dt>
                <dd>
                    {r.source.to_string()}
                    if let Some(d) = doc { <span class="muted">{format!(" — {}", d.citation)}</span> }
                    { for ref_citations.iter().map(|c| html! { <span class="ref">{format!(" Ref. {c}")}</span> }) }
                </dd>
            </dl>
            if !notes.is_empty() {
                <div class="detail-notes">
                    <h4>{"Notes on the sources"}</h4>
                    <ul class="notes">{ for notes.iter().map(|n| note_item(ds, n, false)) }</ul>
                </div>
            }
            <div class="table-wrap" tabindex="0" role="region" aria-label={format!("Figures of {}, scrollable", r.trial)}>
                <table class="figures">
                    <caption>{"Every figure for this cohort, where it stands and as printed"}</caption>
                    <thead><tr>
                        <th scope="col">{"Endpoint"}</th>
                        <th scope="col" class="num">{"Value"}</th>
                        <th scope="col" class="num">{"95% CI"}</th>
                        <th scope="col">{"Where in the source"}</th>
                        <th scope="col">{"As printed"}</th>
                    </tr></thead>
                    <tbody>
                        { for r.all_figures().map(|f| figure_row(ds, r, f, flagged_endpoint(&f.endpoint))) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}

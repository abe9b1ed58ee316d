//! Reference sections: the ongoing trials of both seeds, the molecules of seed 000 Table 1,
//! and every note on the sources in one list.

use super::detail::{note_item, registry};
use crate::trials::Dataset;
use yew::prelude::*;

fn inline_notes(ds: &Dataset, id: &str) -> Html {
    let notes = ds.notes_for(id);
    html! {
        if !notes.is_empty() {
            <ul class="notes notes-inline">{ for notes.iter().map(|n| note_item(ds, n, false)) }</ul>
        }
    }
}

/// Text with the table's line breaks kept as separate lines.
fn lines(text: &str) -> Html {
    html! { { for text.lines().map(|l| html! { <span class="line">{l.to_string()}</span> }) } }
}

pub fn ongoing_section(ds: &Dataset) -> Html {
    html! {
        <section aria-labelledby="ongoing-h" class="ongoing">
            <h2 id="ongoing-h">{"Ongoing trials"}</h2>
            <p class="hint">{"The ongoing-trial tables of both seeds (seed 000 Table 3, seed 001 Table 1), cells as printed."}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Ongoing trials, scrollable">
                <table data-testid="ongoing-table">
                    <thead><tr>
                        <th scope="col">{"Registry id"}</th>
                        <th scope="col">{"Disease"}</th>
                        <th scope="col">{"Regimen"}</th>
                        <th scope="col">{"Phase"}</th>
                        <th scope="col" class="num">{"Size"}</th>
                        <th scope="col">{"Centres, countries"}</th>
                        <th scope="col">{"Source"}</th>
                    </tr></thead>
                    <tbody>
                        { for ds.ongoing.iter().map(|o| html! {
                            <tr data-testid="ongoing-row" data-id={o.id.clone()}>
                                <th scope="row">
                                    {registry(o.registry_id.as_deref())}
                                    if let Some(n) = &o.trial_name { <span class="sub">{n.clone()}</span> }
                                </th>
                                <td>{o.indication.clone()}</td>
                                <td>{o.regimen.clone()}</td>
                                <td>{o.phase_as_printed.clone()}</td>
                                <td class="num">{o.participants_as_printed.clone().unwrap_or_else(|| "–".into())}</td>
                                <td>{o.centres.clone().unwrap_or_else(|| "–".into())}</td>
                                <td>{o.source.to_string()}{inline_notes(ds, &o.id)}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

pub fn molecules_section(ds: &Dataset) -> Html {
    html! {
        <section aria-labelledby="molecules-h" class="molecules">
            <h2 id="molecules-h">{"The molecules"}</h2>
            <p class="hint">{"PD-1(L1)/VEGF bispecific antibodies compared in seed 000 Table 1, cells as printed."}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Molecules, scrollable">
                <table data-testid="molecules-table">
                    <thead><tr>
                        <th scope="col">{"Molecule"}</th>
                        <th scope="col">{"Targets"}</th>
                        <th scope="col">{"Architecture"}</th>
                        <th scope="col">{"Fc region"}</th>
                        <th scope="col">{"Clinical maturity"}</th>
                        <th scope="col">{"Source"}</th>
                    </tr></thead>
                    <tbody>
                        { for ds.molecules.iter().map(|m| html! {
                            <tr data-testid="molecule-row" data-id={m.id.clone()}>
                                <th scope="row">{m.name.clone()}</th>
                                <td>{m.targets.clone()}</td>
                                <td>{lines(&m.architecture)}</td>
                                <td>{lines(&m.fc_region)}</td>
                                <td>{lines(&m.clinical_maturity)}</td>
                                <td>{m.source.to_string()}{inline_notes(ds, &m.id)}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

pub fn notes_section(ds: &Dataset) -> Html {
    html! {
        <section aria-labelledby="notes-h" class="all-notes">
            <h2 id="notes-h">{format!("Notes on the sources ({})", ds.notes.len())}</h2>
            <p class="hint">{"Errors, disagreements and unclear points found in the two seed documents. Figures are shown as printed, never corrected silently; where the sources disagree, both values are kept."}</p>
            <ul class="notes notes-all">{ for ds.notes.iter().map(|n| note_item(ds, n, true)) }</ul>
            <h3>{"Documents"}</h3>
            <ul class="documents">
                { for ds.documents.iter().map(|d| html! { <li><strong>{d.id.label()}{": "}</strong>{d.citation.clone()}</li> }) }
            </ul>
        </section>
    }
}

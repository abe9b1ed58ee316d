//! Dose: weight-based ivonescimab dosing with vial maths, and its regimens' chemotherapy
//! partners (mg/m² by BSA, carboplatin by Calvert with Cockcroft-Gault).
//!
//! The link's query is the form's state (`use_link_form`); [`DoseParams`] reads it (the only
//! link parser), `DoseParams::to_request` makes the domain's request, and
//! [`calculate`] gives the report every part of the page shows.

mod actions;
pub mod explain;
mod inputs;
mod results;

use crate::dosing::regimens::{self, DEFAULT_REGIMEN_ID};
use crate::dosing::{calculate, DoseReport};
use crate::link::{DoseParams, ParamError, QueryMap, Route};
use crate::widgets::form::use_link_form;
use crate::widgets::messages::FieldError;
use yew::prelude::*;

use actions::DoseActions;
use inputs::InputContext;

#[derive(Properties, PartialEq)]
pub struct DoseViewProps {
    pub query: QueryMap,
}

/// The link's messages and the calculation's, each keyed by its parameter; messages about a
/// parameter that has no `&'static` name (none in practice) are returned apart.
fn all_errors(
    link: Vec<ParamError>,
    report: &DoseReport,
) -> (Vec<ParamError>, Vec<(String, String)>) {
    let mut keyed = link;
    let mut other = Vec::new();
    for e in &report.errors {
        match DoseParams::static_name(&e.field) {
            Some(param) if !keyed.iter().any(|k| k.param == param) => keyed.push(ParamError {
                param,
                message: e.message.clone(),
            }),
            Some(_) => {}
            None => other.push((e.field.clone(), e.message.clone())),
        }
    }
    (keyed, other)
}

#[function_component]
pub fn DoseView(props: &DoseViewProps) -> Html {
    let form = use_link_form(
        Route::Dose,
        props.query.only(DoseParams::names()),
        DoseParams::scenario_names(),
    );
    let (params, link_errors) = DoseParams::from_query(form.raw());
    let report = calculate(&params.to_request(&link_errors));
    let (errors, unkeyed) = all_errors(link_errors, &report);
    let regimen = regimens::regimen(params.regimen.as_deref().unwrap_or(DEFAULT_REGIMEN_ID));
    let ctx = InputContext {
        form: &form,
        errors: &errors,
        report: &report,
        regimen,
    };
    let needs_bsa = ctx.needs_bsa();
    let needs_crcl = ctx.needs_crcl();
    // Messages about inputs that are not on the page (a link's m2.<drug> for another regimen).
    let shown = inputs::shown_fields(&ctx);
    let elsewhere: Vec<(String, String)> = errors
        .iter()
        .filter(|e| !shown.iter().any(|s| s == e.param))
        .map(|e| (e.param.to_string(), e.message.clone()))
        .chain(unkeyed)
        .collect();
    let today = crate::browser::today_iso();
    html! {
        <section class="view dose-view">
            <div class="print-only print-head" data-testid="print-head">
                <p><strong>{"ivonescimab dose sheet"}</strong>{format!(" · ivocalc {}", crate::VERSION)}
                    {format!(" · printed {}", if today.is_empty() { "(date)".to_string() } else { today })}</p>
            </div>
            <h1>{"Dose"}</h1>
            <p class="purpose">{"Weight-based ivonescimab dose with vial maths, and the chemotherapy partners of its regimens. For checking an order or planning a regimen."}</p>
            // Inputs and results in two columns on wide screens. On narrow screens the columns
            // dissolve (dose.css) and the ivonescimab results come right after their inputs,
            // before the regimen, body size, renal and vial inputs; the document order, and so
            // the reading, keyboard and print order, stays inputs then results.
            <div class="dose-layout">
                <div class="dose-col dose-col-inputs">
                    <form class="inputs dose-inputs dose-inputs-ivo" aria-label="Ivonescimab inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { inputs::ivonescimab_inputs(&ctx) }
                    </form>
                    <form class="inputs dose-inputs dose-inputs-more" aria-label="Regimen, body size, renal function and vial inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { inputs::regimen_input(&ctx) }
                        { inputs::body_size_inputs(&ctx) }
                        { inputs::renal_inputs(&ctx) }
                        { inputs::vial_inputs(&ctx) }
                    </form>
                </div>
                <div class="dose-col dose-output">
                    <div class="dose-output-ivo" aria-live="polite">
                        <h2>{"Results"}</h2>
                        if !elsewhere.is_empty() {
                            <div class="elsewhere">
                                { for elsewhere.iter().map(|(field, message)| html! {
                                    <FieldError field={field.clone()} message={format!("{field}: {message}")} />
                                }) }
                            </div>
                        }
                        <h3>{"Ivonescimab"}</h3>
                        { results::ivonescimab_results(&report) }
                        { results::warnings(&report) }
                    </div>
                    <div class="dose-output-more" aria-live="polite">
                        { results::label_notes(&report) }
                        if needs_bsa || needs_crcl {
                            <h3>{"Body size and renal function"}</h3>
                        }
                        { results::body_results(&report, needs_bsa, needs_crcl) }
                        { results::partner_results(&report, regimen) }
                        { results::notes(&report) }
                        { results::formulas(&report) }
                        <DoseActions report={report.clone()} params={params.clone()} />
                        { results::sources(&report, regimen) }
                    </div>
                </div>
            </div>
        </section>
    }
}

//! Trials: published outcomes, searchable and comparable, with the source of every number.

use crate::link::{QueryMap, Route, TrialsParams};
use crate::widgets::field::TextField;
use crate::widgets::form::use_link_form;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrialsViewProps {
    pub query: QueryMap,
}

#[function_component]
pub fn TrialsView(props: &TrialsViewProps) -> Html {
    let form = use_link_form(
        Route::Trials,
        props.query.only(&TrialsParams::ALL),
        &TrialsParams::ALL,
    );
    html! {
        <section class="view">
            <h1>{"Trials"}</h1>
            <p class="purpose">{"Published outcomes of ivonescimab and the PD-1(L1)/VEGF bispecifics, with the source of every number."}</p>
            <form class="inputs" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <TextField name="q" kind="search" label="Search trials" value={form.text("q")} oninput={form.setter("q")}
                    placeholder="trial, NCT id, drug, tumour, regimen, biomarker" />
            </form>
        </section>
    }
}

//! PK: the concentration-time curve of a regimen, exposure metrics and population bands.

use crate::link::{PkParams, QueryMap, Route};
use crate::widgets::field::NumberField;
use crate::widgets::form::use_link_form;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PkViewProps {
    pub query: QueryMap,
}

const SCENARIO: [&str; 15] = [
    "mgkg", "every", "doses", "tinf", "cl0", "clss", "t50", "hill", "v1", "v2", "q", "n", "cv_cl",
    "cv_v1", "seed",
];

#[function_component]
pub fn PkView(props: &PkViewProps) -> Html {
    let form = use_link_form(Route::Pk, props.query.only(&PkParams::ALL), &SCENARIO);
    let (_params, errors) = PkParams::from_query(form.raw());
    html! {
        <section class="view">
            <h1>{"Pharmacokinetics"}</h1>
            <p class="purpose">{"The concentration-time curve of an ivonescimab regimen, its exposure metrics and population bands."}</p>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <NumberField name="mgkg" label="Dose" value={form.text("mgkg")} oninput={form.setter("mgkg")} unit="mg/kg" placeholder="20" errors={errors.clone()} />
                <NumberField name="weight" label="Body weight" value={form.text("weight")} oninput={form.setter("weight")} unit="kg" placeholder="70" errors={errors.clone()} />
                <NumberField name="every" label="Dosing interval" value={form.text("every")} oninput={form.setter("every")} unit="weeks" placeholder="3" errors={errors.clone()} />
                <NumberField name="doses" label="Number of doses" value={form.text("doses")} oninput={form.setter("doses")} placeholder="17" errors={errors.clone()} />
            </form>
        </section>
    }
}

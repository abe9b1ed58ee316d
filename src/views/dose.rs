//! Dose: weight-based ivonescimab dosing with vial maths, and its regimens' chemotherapy partners.

use crate::link::{DoseParams, QueryMap, Route};
use crate::widgets::field::{NumberField, SelectField};
use crate::widgets::form::use_link_form;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DoseViewProps {
    pub query: QueryMap,
}

/// The dose view's scenario parameters: they follow the inputs into the address bar.
const SCENARIO: [&str; 6] = ["mgkg", "every", "regimen", "auc", "vial", "conc"];

#[function_component]
pub fn DoseView(props: &DoseViewProps) -> Html {
    let form = use_link_form(Route::Dose, props.query.only(&DoseParams::ALL), &SCENARIO);
    let (_params, errors) = DoseParams::from_query(form.raw());
    html! {
        <section class="view">
            <h1>{"Dose"}</h1>
            <p class="purpose">{"Weight-based ivonescimab dose with vial maths, and the chemotherapy partners of its regimens."}</p>
            <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <NumberField name="weight" label="Body weight" value={form.text("weight")} oninput={form.setter("weight")}
                    unit_name="wunit" units={vec![("kg", "kg"), ("lb", "lb")]} unit_value={form.text("wunit")} on_unit={form.setter("wunit")}
                    errors={errors.clone()} />
                <NumberField name="mgkg" label="Ivonescimab dose" value={form.text("mgkg")} oninput={form.setter("mgkg")}
                    unit="mg/kg" placeholder="20" errors={errors.clone()} />
                <SelectField name="every" label="Dosing interval" value={form.text("every")} onchange={form.setter("every")}
                    options={vec![("".into(), "every 3 weeks (label)".into()), ("2".into(), "every 2 weeks".into()), ("3".into(), "every 3 weeks".into())]}
                    errors={errors.clone()} />
            </form>
        </section>
    }
}

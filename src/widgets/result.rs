//! A result: its label, the value as a reader sees it and, for programs, the number at full
//! precision in the unit CONTRACT.md names (`data-testid`, `data-value`); or, when it cannot
//! be computed, why (`data-testid="missing"`, `data-result`).

use crate::format;
use crate::i18n::Lang;
use crate::results::{Outcome, ResultId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultRowProps {
    pub id: ResultId,
    pub outcome: Outcome,
    /// A label instead of the result's own ("Pemetrexed").
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// A unit instead of the result's own (vials: "× 100 mg (10 mL)").
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    /// `data-drug` of a partner's dose.
    #[prop_or_default]
    pub drug: Option<AttrValue>,
    /// Details after the value.
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn ResultRow(props: &ResultRowProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let id = props.id;
    let label = props
        .label
        .clone()
        .unwrap_or_else(|| AttrValue::from(id.label().get(lang)));
    match &props.outcome {
        Outcome::Value(v) => {
            let unit = props
                .unit
                .clone()
                .unwrap_or_else(|| AttrValue::from(id.quantity().unit().get(lang)));
            html! {
                <div class="result">
                    <dt>{label}</dt>
                    <dd>
                        <output data-testid={id.testid()} data-value={v.to_string()} data-drug={props.drug.clone()}>
                            {format::number(*v, id.quantity())}
                        </output>
                        if !unit.is_empty() { {" "}<span class="unit">{unit}</span> }
                        {props.children.clone()}
                    </dd>
                </div>
            }
        }
        Outcome::Missing(reason) => html! {
            <div class="result result-missing" data-testid="missing" data-result={id.testid()} data-drug={props.drug.clone()}>
                <dt>{label}</dt>
                <dd>{reason.text(lang)}</dd>
            </div>
        },
    }
}

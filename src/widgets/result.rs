//! A result value: the text a reader sees, and for programs the number at full precision in
//! the unit CONTRACT.md names (`data-testid`, `data-value`).

use crate::format::significant;
use yew::prelude::*;

/// The one significant-figures formatter, [`crate::format::significant`], under the name
/// some views still call it by.
pub use crate::format::significant as format_significant;

#[derive(Properties, PartialEq)]
pub struct ResultValueProps {
    pub testid: AttrValue,
    pub label: AttrValue,
    pub value: f64,
    /// The unit as shown to the reader.
    #[prop_or_default]
    pub unit: AttrValue,
    /// Significant figures shown (the `data-value` keeps them all).
    #[prop_or(4)]
    pub digits: usize,
    /// Extra attributes such as `data-drug` go in `extra`.
    #[prop_or_default]
    pub drug: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn ResultValue(props: &ResultValueProps) -> Html {
    html! {
        <div class="result">
            <dt>{props.label.clone()}</dt>
            <dd>
                <output data-testid={props.testid.clone()} data-value={props.value.to_string()} data-drug={props.drug.clone()}>
                    {significant(props.value, props.digits)}
                </output>
                if !props.unit.is_empty() { {" "}<span class="unit">{props.unit.clone()}</span> }
                {props.children.clone()}
            </dd>
        </div>
    }
}

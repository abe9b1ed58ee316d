//! Messages next to inputs and results (CONTRACT.md: `error` and `warning`).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldErrorProps {
    /// The link parameter the message is about.
    pub field: AttrValue,
    pub message: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// An input that cannot be used: `data-testid="error"`, `data-field=<parameter>`.
#[function_component]
pub fn FieldError(props: &FieldErrorProps) -> Html {
    html! {
        <p class="msg msg-error" data-testid="error" data-field={props.field.clone()} id={props.id.clone()}>
            {props.message.clone()}
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct WarningProps {
    /// Stable code for programs (`data-code`).
    pub code: AttrValue,
    pub message: AttrValue,
    /// Where the limit comes from, named in the text.
    #[prop_or_default]
    pub source: Option<AttrValue>,
}

/// A valid input outside the evidence: `data-testid="warning"`, `data-code=<code>`.
#[function_component]
pub fn Warning(props: &WarningProps) -> Html {
    html! {
        <p class="msg msg-warning" data-testid="warning" data-code={props.code.clone()}>
            <strong>{"Warning: "}</strong>{props.message.clone()}
            if let Some(source) = &props.source {
                <span class="source">{" Source: "}{source.clone()}</span>
            }
        </p>
    }
}

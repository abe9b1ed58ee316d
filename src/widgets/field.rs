//! Inputs with a label, an optional unit (fixed or chosen), a hint, and the messages for the
//! link parameters they carry.

use super::messages::FieldError;
use crate::link::ParamError;
use yew::prelude::*;

/// A unit the user can choose next to a number: (link code, label).
pub type UnitChoice = (&'static str, &'static str);

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// The link parameter (`weight`); the input's id is `f-<name>`.
    pub name: &'static str,
    pub label: AttrValue,
    /// The text as typed.
    pub value: AttrValue,
    pub oninput: Callback<String>,
    /// A fixed unit shown after the input (`mg/kg`).
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    /// Or a choice of units, with its own link parameter (`wunit`).
    #[prop_or_default]
    pub unit_name: Option<&'static str>,
    #[prop_or_default]
    pub units: Vec<UnitChoice>,
    #[prop_or_default]
    pub unit_value: AttrValue,
    #[prop_or_default]
    pub on_unit: Callback<String>,
    #[prop_or_default]
    pub placeholder: AttrValue,
    #[prop_or_default]
    pub hint: Option<Html>,
    /// Every message about this input's parameters (the view passes all; this picks its own).
    #[prop_or_default]
    pub errors: Vec<ParamError>,
}

fn input_text(event: &InputEvent) -> String {
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The value of the select an event came from (empty when it came from elsewhere).
pub fn select_text(event: &Event) -> String {
    event
        .target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|select| select.value())
        .unwrap_or_default()
}

#[function_component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let id = format!("f-{}", props.name);
    let mine: Vec<&ParamError> = props
        .errors
        .iter()
        .filter(|e| e.param == props.name || Some(e.param) == props.unit_name)
        .collect();
    let invalid = !mine.is_empty();
    let message_id = format!("{id}-msg");
    let hint_id = format!("{id}-hint");
    let mut described = Vec::new();
    if props.hint.is_some() {
        described.push(hint_id.clone());
    }
    if invalid {
        described.push(message_id.clone());
    }
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| cb.emit(input_text(&e)))
    };
    // With no unit chosen yet, the first unit is the one in force (the link's default).
    let unit_value = if props.unit_value.is_empty() {
        props
            .units
            .first()
            .map(|(code, _)| *code)
            .unwrap_or_default()
    } else {
        props.unit_value.as_str()
    };
    let on_unit = {
        let cb = props.on_unit.clone();
        Callback::from(move |e: Event| cb.emit(select_text(&e)))
    };
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{props.label.clone()}</label>
            <div class="input-row">
                <input id={id.clone()} name={props.name} type="text" inputmode="decimal" autocomplete="off"
                    value={props.value.clone()} placeholder={props.placeholder.clone()}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                    {oninput} />
                if let Some(unit) = &props.unit {
                    <span class="unit">{unit.clone()}</span>
                }
                if let Some(unit_name) = props.unit_name {
                    <select id={format!("f-{unit_name}")} name={unit_name} aria-label={format!("{} unit", props.label)} onchange={on_unit}>
                        { for props.units.iter().map(|(code, label)| html! {
                            <option value={*code} selected={unit_value == *code}>{*label}</option>
                        }) }
                    </select>
                }
            </div>
            if let Some(hint) = &props.hint {
                <div class="hint" id={hint_id}>{hint.clone()}</div>
            }
            { for mine.iter().enumerate().map(|(i, e)| html! {
                <FieldError field={e.param} message={e.message.clone()} id={(i == 0).then(|| AttrValue::from(message_id.clone()))} />
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub name: &'static str,
    pub label: AttrValue,
    /// (value, label) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub value: AttrValue,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub hint: Option<Html>,
    #[prop_or_default]
    pub errors: Vec<ParamError>,
}

/// A choice from a list, bound to one link parameter.
#[function_component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let id = format!("f-{}", props.name);
    let mine: Vec<&ParamError> = props
        .errors
        .iter()
        .filter(|e| e.param == props.name)
        .collect();
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| cb.emit(select_text(&e)))
    };
    let hint_id = format!("{id}-hint");
    html! {
        <div class={classes!("field", (!mine.is_empty()).then_some("invalid"))}>
            <label for={id.clone()}>{props.label.clone()}</label>
            <select id={id.clone()} name={props.name} {onchange}
                aria-describedby={props.hint.is_some().then(|| hint_id.clone())}>
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={props.value == *value}>{label.clone()}</option>
                }) }
            </select>
            if let Some(hint) = &props.hint {
                <div class="hint" id={hint_id}>{hint.clone()}</div>
            }
            { for mine.iter().map(|e| html! { <FieldError field={e.param} message={e.message.clone()} /> }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub name: &'static str,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    #[prop_or_default]
    pub placeholder: AttrValue,
    #[prop_or("text")]
    pub kind: &'static str,
}

/// Free text (a search box).
#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let id = format!("f-{}", props.name);
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| cb.emit(input_text(&e)))
    };
    html! {
        <div class="field">
            <label for={id.clone()}>{props.label.clone()}</label>
            <input id={id} name={props.name} type={props.kind} autocomplete="off"
                value={props.value.clone()} placeholder={props.placeholder.clone()} {oninput} />
        </div>
    }
}

//! Inputs drawn from their rows of the input tables (`crate::inputs`): label, units, hint and
//! default come from the row; the field shows the messages about its parameters (errors, and
//! values waiting for confirmation with their button).

use super::messages::{MessageView, Notices};
use crate::format;
use crate::i18n::{in_parentheses, Lang, Text};
use crate::inputs::{Default, Input};
use crate::tr;
use yew::prelude::*;

/// The text of the input an event came from.
pub fn input_text(event: &InputEvent) -> String {
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

/// The placeholder of a number input: its default, as a reader writes it.
pub fn placeholder(input: &Input) -> AttrValue {
    match (input.sourced_default(), input.base_quantity()) {
        (Some(d), Some(q)) => AttrValue::from(format::number(d.value, q)),
        _ => AttrValue::default(),
    }
}

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub input: &'static Input,
    /// The parameter when it is not the row's name (`m2.gemcitabine` for the `m2.` row).
    #[prop_or_default]
    pub param: Option<AttrValue>,
    /// A label instead of the row's ("Gemcitabine dose").
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// The text as typed.
    pub value: AttrValue,
    pub oninput: Callback<String>,
    /// The unit chosen (its code), where the row has a unit input.
    #[prop_or_default]
    pub unit_value: AttrValue,
    #[prop_or_default]
    pub on_unit: Callback<String>,
    /// A placeholder instead of the row's default.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// A hint instead of the row's.
    #[prop_or_default]
    pub hint: Option<Html>,
    /// Every message of the view (the field shows those at its parameters).
    #[prop_or_default]
    pub notices: Notices,
    #[prop_or_default]
    pub on_confirm: Callback<(String, f64)>,
}

#[function_component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let input = props.input;
    let name: AttrValue = props
        .param
        .clone()
        .unwrap_or_else(|| AttrValue::from(input.name));
    let spec = input.number();
    let unit_input = spec.and_then(|s| s.unit_input);
    let id = format!("f-{name}");
    let mine: Vec<_> = props
        .notices
        .iter()
        .filter(|n| {
            let field = n.message.field.as_deref();
            field == Some(name.as_str()) || unit_input.is_some_and(|u| field == Some(u.name))
        })
        .collect();
    let invalid = mine
        .iter()
        .any(|n| n.message.severity() == crate::messages::Severity::Error);
    let message_id = format!("{id}-msg");
    let hint_id = format!("{id}-hint");
    let hint = props
        .hint
        .clone()
        .or_else(|| input.hint.map(|h| row_hint(input, h, lang)));
    let mut described = Vec::new();
    if hint.is_some() {
        described.push(hint_id.clone());
    }
    if !mine.is_empty() {
        described.push(message_id.clone());
    }
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| cb.emit(input_text(&e)))
    };
    let on_unit = {
        let cb = props.on_unit.clone();
        Callback::from(move |e: Event| cb.emit(select_text(&e)))
    };
    let label = props
        .label
        .clone()
        .unwrap_or_else(|| AttrValue::from(input.label.get(lang)));
    let units = spec.map(|s| s.units).unwrap_or_default();
    // With no unit chosen yet, the first unit is the one in force (the link's default).
    let unit_value = if props.unit_value.is_empty() {
        units.first().map(|u| u.code).unwrap_or_default()
    } else {
        props.unit_value.as_str()
    };
    let unit_known = units.iter().any(|u| u.code == unit_value);
    let fixed_unit = units
        .first()
        .filter(|_| unit_input.is_none())
        .map(|u| u.quantity.unit().get(lang))
        .filter(|u| !u.is_empty());
    let placeholder = props
        .placeholder
        .clone()
        .unwrap_or_else(|| placeholder(input));
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{label.clone()}</label>
            <div class="input-row">
                <input id={id.clone()} name={name.clone()} type="text" inputmode="decimal" autocomplete="off"
                    value={props.value.clone()} placeholder={placeholder}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                    {oninput} />
                if let Some(unit) = fixed_unit {
                    <span class="unit">{unit}</span>
                }
                if let Some(unit_input) = unit_input {
                    <select id={format!("f-{}", unit_input.name)} name={unit_input.name}
                        aria-label={tr!("{label}: unit", "{label}：单位").fill(lang, &[("label", &label)])} onchange={on_unit}>
                        { for units.iter().map(|u| html! {
                            <option value={u.code} selected={unit_value == u.code}>{u.quantity.unit().get(lang)}</option>
                        }) }
                        if !unit_known {
                            <option value={unit_value.to_string()} selected=true>{unknown_option(unit_value, lang)}</option>
                        }
                    </select>
                }
            </div>
            if let Some(hint) = hint {
                <div class="hint" id={hint_id}>{hint}</div>
            }
            { for mine.iter().enumerate().map(|(i, n)| html! {
                <MessageView notice={(*n).clone()} on_confirm={props.on_confirm.clone()}
                    id={(i == 0).then(|| AttrValue::from(message_id.clone()))} />
            }) }
        </div>
    }
}

/// The option a select shows for a value that is none of its choices (from a link).
fn unknown_option(value: &str, lang: Lang) -> String {
    tr!("“{value}” (as in the link)", "“{value}”（来自链接）").fill(lang, &[("value", value)])
}

/// A group of options of a select: a heading (or none) and (value, label) pairs.
pub type OptionGroup = (Option<AttrValue>, Vec<(AttrValue, AttrValue)>);

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub input: &'static Input,
    /// The value as in the link ("" when absent).
    pub value: AttrValue,
    pub onchange: Callback<String>,
    /// Options instead of the row's choices (a data-driven list, in groups).
    #[prop_or_default]
    pub groups: Option<Vec<OptionGroup>>,
    /// A label instead of the row's.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<Html>,
    #[prop_or_default]
    pub notices: Notices,
}

/// A choice from a list, bound to one link parameter. An empty value shows the row's
/// default; a value that is none of the options gets its own, marked as from the link, so
/// the select always shows what the link holds.
#[function_component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let input = props.input;
    let id = format!("f-{}", input.name);
    let mine: Vec<_> = props
        .notices
        .iter()
        .filter(|n| n.message.is_at(input.name))
        .collect();
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| cb.emit(select_text(&e)))
    };
    let groups = props.groups.clone().unwrap_or_else(|| {
        vec![(
            None,
            input
                .choices()
                .iter()
                .map(|c| (AttrValue::from(c.code), AttrValue::from(c.label.get(lang))))
                .collect(),
        )]
    });
    let raw = props.value.trim();
    let shown = match (raw, &input.default) {
        ("", Default::Code(code)) => code.to_string(),
        (raw, _) => raw.to_string(),
    };
    let known = shown.is_empty()
        || groups
            .iter()
            .any(|(_, options)| options.iter().any(|(v, _)| v.as_str() == shown));
    let hint_id = format!("{id}-hint");
    let message_id = format!("{id}-msg");
    let mut described = Vec::new();
    if props.hint.is_some() {
        described.push(hint_id.clone());
    }
    if !mine.is_empty() {
        described.push(message_id.clone());
    }
    let invalid = !mine.is_empty();
    let option = |(value, label): &(AttrValue, AttrValue)| {
        html! { <option value={value.clone()} selected={value.as_str() == shown}>{label.clone()}</option> }
    };
    let label = props
        .label
        .clone()
        .unwrap_or_else(|| AttrValue::from(input.label.get(lang)));
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{label}</label>
            <select id={id.clone()} name={input.name} {onchange}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}>
                if !known {
                    <option value={shown.clone()} selected=true>{unknown_option(&shown, lang)}</option>
                }
                { for groups.iter().map(|(heading, options)| match heading {
                    Some(heading) => html! { <optgroup label={heading.clone()}>{ for options.iter().map(option) }</optgroup> },
                    None => html! { { for options.iter().map(option) } },
                }) }
            </select>
            if let Some(hint) = &props.hint {
                <div class="hint" id={hint_id}>{hint.clone()}</div>
            }
            { for mine.iter().enumerate().map(|(i, n)| html! {
                <MessageView notice={(*n).clone()} id={(i == 0).then(|| AttrValue::from(message_id.clone()))} />
            }) }
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

/// A row's hint, with the sources of its default where it cites any ("Label: 20 mg/kg every 3
/// weeks. (Vallathol et al. 2025, Dose and Administration)").
fn row_hint(input: &Input, hint: Text, lang: Lang) -> Html {
    let cites = input
        .sourced_default()
        .map(|d| crate::sources::short_cites(d.sources.iter().copied(), lang))
        .filter(|c| !c.is_empty());
    html! { <>
        {hint.get(lang)}
        if let Some(cites) = cites {
            {" "}<span class="source">{in_parentheses(&cites, lang)}</span>
        }
    </> }
}

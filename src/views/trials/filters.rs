//! The filter and sort selects, their options taken from the data. A value from a link that
//! is not among the options is kept as an extra option, so the input shows what the link
//! asked for, next to its message.

use super::ParamError;
use crate::trials::Dataset;
use crate::widgets::field::select_text;
use crate::widgets::messages::FieldError;
use yew::prelude::*;

/// A group of options: (label, [(value, text)]); an empty label means no group.
pub type OptionGroup = (String, Vec<(String, String)>);

#[derive(Properties, PartialEq)]
pub struct FilterSelectProps {
    pub name: &'static str,
    pub label: AttrValue,
    /// The text of the first option (value "").
    pub any: AttrValue,
    pub groups: Vec<OptionGroup>,
    pub value: AttrValue,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub errors: Vec<ParamError>,
}

#[function_component]
pub fn FilterSelect(props: &FilterSelectProps) -> Html {
    let id = format!("f-{}", props.name);
    let msg_id = format!("{id}-msg");
    let mine: Vec<&ParamError> = props
        .errors
        .iter()
        .filter(|e| e.param == props.name)
        .collect();
    let known = props
        .groups
        .iter()
        .flat_map(|(_, opts)| opts.iter())
        .any(|(v, _)| v.as_str() == props.value.as_str());
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| cb.emit(select_text(&e)))
    };
    let option = |(v, t): &(String, String)| {
        html! { <option value={v.clone()} selected={props.value.as_str() == v.as_str()}>{t.clone()}</option> }
    };
    html! {
        <div class={classes!("field", (!mine.is_empty()).then_some("invalid"))}>
            <label for={id.clone()}>{props.label.clone()}</label>
            <select id={id} name={props.name} {onchange} aria-invalid={(!mine.is_empty()).then_some("true")}
                aria-describedby={(!mine.is_empty()).then(|| msg_id.clone())}>
                <option value="" selected={props.value.is_empty()}>{props.any.clone()}</option>
                if !known && !props.value.is_empty() {
                    <option value={props.value.clone()} selected=true>{format!("{} (from the link)", props.value)}</option>
                }
                { for props.groups.iter().map(|(label, opts)| {
                    if label.is_empty() {
                        html! { { for opts.iter().map(option) } }
                    } else {
                        html! { <optgroup label={label.clone()}>{ for opts.iter().map(option) }</optgroup> }
                    }
                }) }
            </select>
            { for mine.iter().enumerate().map(|(i, e)| html! {
                <FieldError field={e.param} message={e.message.clone()} id={(i == 0).then(|| AttrValue::from(msg_id.clone()))} />
            }) }
        </div>
    }
}

fn flat(opts: Vec<(String, String)>) -> Vec<OptionGroup> {
    vec![(String::new(), opts)]
}

pub fn drug_options(ds: &Dataset) -> Vec<OptionGroup> {
    let bis: Vec<&str> = ds.bispecifics();
    let others: Vec<(String, String)> = ds
        .drugs()
        .into_iter()
        .filter(|d| !bis.iter().any(|b| b.eq_ignore_ascii_case(d)))
        .map(|d| (d.to_string(), d.to_string()))
        .collect();
    vec![
        (
            "Bispecific antibody".into(),
            bis.iter().map(|b| (b.to_string(), b.to_string())).collect(),
        ),
        ("Any agent of the regimen".into(), others),
    ]
}

pub fn tumour_options(ds: &Dataset) -> Vec<OptionGroup> {
    flat(
        ds.tumour_codes()
            .into_iter()
            .map(|c| {
                let name = ds.tumour(c).map(|t| t.name.as_str()).unwrap_or("");
                (c.to_string(), format!("{c} – {name}"))
            })
            .collect(),
    )
}

pub fn phase_options(ds: &Dataset) -> Vec<OptionGroup> {
    const ORDER: [&str; 6] = ["I", "Ia", "Ib", "Ib/II", "II", "III"];
    let mut phases = ds.phases();
    phases.sort_by_key(|p| ORDER.iter().position(|o| o == p).unwrap_or(ORDER.len()));
    flat(
        phases
            .into_iter()
            .map(|p| {
                let text = if p == "II" {
                    "II (includes Ib/II)".to_string()
                } else if p == "I" {
                    "I (includes Ia, Ib, Ib/II)".to_string()
                } else {
                    p.to_string()
                };
                (p.to_string(), text)
            })
            .collect(),
    )
}

pub fn endpoint_options(ds: &Dataset) -> Vec<OptionGroup> {
    flat(
        ds.endpoints
            .iter()
            .filter(|e| e.key != "n" && e.key != "follow_up")
            .filter(|e| ds.records.iter().any(|r| r.figure(&e.key).is_some()))
            .map(|e| (e.key.clone(), e.name.clone()))
            .collect(),
    )
}

pub fn line_options(ds: &Dataset) -> Vec<OptionGroup> {
    flat(
        ds.lines()
            .into_iter()
            .map(|l| {
                let text = match l {
                    "1L" => "1L – first line".to_string(),
                    "2L+" => "2L+ – second line or later".to_string(),
                    "1L/2L" => "1L/2L – first or second line".to_string(),
                    other => other.to_string(),
                };
                (l.to_string(), text)
            })
            .collect(),
    )
}

/// Sort columns offered in the select (the headers sort too).
pub fn sort_options() -> Vec<OptionGroup> {
    let mut opts: Vec<(String, String)> = [
        ("trial", "Trial"),
        ("drug", "Drug"),
        ("tumor", "Tumour"),
        ("phase", "Phase"),
        ("line", "Line"),
    ]
    .iter()
    .map(|(v, t)| (v.to_string(), t.to_string()))
    .collect();
    opts.extend(
        [
            ("n", "Patients (n)"),
            ("orr", "ORR"),
            ("dcr", "DCR"),
            ("mpfs", "Median PFS"),
            ("mos", "Median OS"),
            ("mdor", "Median DoR"),
            ("hr", "Hazard ratio"),
            ("ae", "Adverse events, any grade"),
            ("ae3", "Adverse events, grade ≥3"),
        ]
        .iter()
        .map(|(v, t)| (v.to_string(), t.to_string())),
    );
    flat(opts)
}

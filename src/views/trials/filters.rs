//! The filter and sort selects, their options taken from the data. A value from a link that
//! is not among the options is kept as an extra option, so the input shows what the link
//! asked for, next to its message.

use super::format::{drug_name, kind_label, phase_text};
use super::ParamError;
use crate::i18n::{translated, Lang};
use crate::tr;
use crate::trials::{Column, Dataset};
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
    #[prop_or_default]
    pub lang: Lang,
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
    let from_link = tr!("{value} (from the link)", "{value}（来自链接）")
        .fill(props.lang, &[("value", props.value.as_str())]);
    html! {
        <div class={classes!("field", (!mine.is_empty()).then_some("invalid"))}>
            <label for={id.clone()}>{props.label.clone()}</label>
            <select id={id} name={props.name} {onchange} aria-invalid={(!mine.is_empty()).then_some("true")}
                aria-describedby={(!mine.is_empty()).then(|| msg_id.clone())}>
                <option value="" selected={props.value.is_empty()}>{props.any.clone()}</option>
                if !known && !props.value.is_empty() {
                    <option value={props.value.clone()} selected=true>{from_link}</option>
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

pub fn drug_options(ds: &Dataset, lang: Lang) -> Vec<OptionGroup> {
    let bis: Vec<&str> = ds.bispecifics();
    let others: Vec<(String, String)> = ds
        .drugs()
        .into_iter()
        .filter(|d| !bis.iter().any(|b| b.eq_ignore_ascii_case(d)))
        .map(|d| (d.to_string(), drug_name(d, lang)))
        .collect();
    vec![
        (
            tr!("Bispecific antibody", "双特异性抗体").get(lang).into(),
            bis.iter()
                .map(|b| (b.to_string(), drug_name(b, lang)))
                .collect(),
        ),
        (
            tr!("Any agent of the regimen", "方案中的任一药物")
                .get(lang)
                .into(),
            others,
        ),
    ]
}

pub fn tumour_options(ds: &Dataset, lang: Lang) -> Vec<OptionGroup> {
    flat(
        ds.tumour_codes()
            .into_iter()
            .map(|c| {
                let name = ds
                    .tumour(c)
                    .map(|t| translated(&t.name, lang))
                    .unwrap_or("");
                (c.to_string(), format!("{c} – {name}"))
            })
            .collect(),
    )
}

pub fn phase_options(ds: &Dataset, lang: Lang) -> Vec<OptionGroup> {
    const ORDER: [&str; 6] = ["I", "Ia", "Ib", "Ib/II", "II", "III"];
    let mut phases = ds.phases();
    crate::sort::sort_by_key(&mut phases, |p| {
        ORDER.iter().position(|o| o == p).unwrap_or(ORDER.len())
    });
    flat(
        phases
            .into_iter()
            .map(|p| {
                let text = match p {
                    "II" => tr!("II (includes Ib/II)", "II（含 Ib/II）")
                        .get(lang)
                        .to_string(),
                    "I" => tr!("I (includes Ia, Ib, Ib/II)", "I（含 Ia、Ib、Ib/II）")
                        .get(lang)
                        .to_string(),
                    other => phase_text(other, lang),
                };
                (p.to_string(), text)
            })
            .collect(),
    )
}

pub fn endpoint_options(ds: &Dataset, lang: Lang) -> Vec<OptionGroup> {
    flat(
        ds.endpoints
            .iter()
            .filter(|e| e.key != crate::trials::PATIENTS && e.key != "follow_up")
            .filter(|e| ds.records.iter().any(|r| r.figure(&e.key).is_some()))
            .map(|e| (e.key.clone(), translated(&e.name, lang).to_string()))
            .collect(),
    )
}

pub fn line_options(ds: &Dataset, lang: Lang) -> Vec<OptionGroup> {
    flat(
        ds.lines()
            .into_iter()
            .map(|l| {
                let text = match l {
                    "1L" => tr!("1L – first line", "1L – 一线").get(lang).to_string(),
                    "2L+" => tr!("2L+ – second line or later", "2L+ – 二线及以后")
                        .get(lang)
                        .to_string(),
                    "1L/2L" => tr!("1L/2L – first or second line", "1L/2L – 一线或二线")
                        .get(lang)
                        .to_string(),
                    "refractory" => tr!("refractory", "难治").get(lang).to_string(),
                    other => other.to_string(),
                };
                (l.to_string(), text)
            })
            .collect(),
    )
}

pub fn evidence_options(ds: &Dataset, lang: Lang) -> Vec<OptionGroup> {
    flat(
        ds.evidence_kinds()
            .into_iter()
            .map(|k| (k.code().to_string(), kind_label(k).get(lang).to_string()))
            .collect(),
    )
}

/// Sort columns offered in the select (the headers sort too).
pub fn sort_options(lang: Lang) -> Vec<OptionGroup> {
    let rows = [
        (Column::Trial.code(), tr!("Trial", "试验")),
        (Column::Drug.code(), tr!("Drug", "药物")),
        (Column::Tumour.code(), tr!("Tumour", "肿瘤")),
        (Column::Phase.code(), tr!("Phase", "分期")),
        (Column::Line.code(), tr!("Line", "治疗线")),
        (crate::trials::PATIENTS, tr!("Patients (n)", "患者数（n）")),
        ("orr", tr!("ORR", "ORR")),
        ("dcr", tr!("DCR", "DCR")),
        ("mpfs", tr!("Median PFS", "中位 PFS")),
        ("mos", tr!("Median OS", "中位 OS")),
        ("mdor", tr!("Median DoR", "中位 DoR")),
        ("hr", tr!("Hazard ratio, PFS", "PFS 风险比")),
        ("hros", tr!("Hazard ratio, OS", "OS 风险比")),
        (
            "ae",
            tr!("Adverse events, any grade", "不良事件（任何级别）"),
        ),
        ("ae3", tr!("Adverse events, grade ≥3", "≥3级不良事件")),
    ];
    flat(
        rows.iter()
            .map(|(v, t)| (v.to_string(), t.get(lang).to_string()))
            .collect(),
    )
}

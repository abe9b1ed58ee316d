//! The dose view's results: ivonescimab (dose, rounding, vials, volume, waste), body size,
//! renal function and partner doses, each with CONTRACT ids, or a line saying what is missing;
//! warnings, notes, the label's administration notes, worked formulas and sources.

use crate::dosing::regimens::{self, dosing_data, Regimen};
use crate::dosing::{DoseBasis, DoseReport, RoundingTolerance};
use crate::i18n::Lang;
use crate::sources::Source;
use crate::widgets::messages::Warning;
use crate::widgets::result::ResultValue;
use yew::prelude::*;

use super::explain::{
    drug_label, missing_reason, num, partner_missing, short_cite, short_cites, worked_formulas,
};

/// A result that cannot be computed: it says what is missing (`data-testid="missing"`,
/// `data-result` = the CONTRACT id it stands for).
fn missing(id: &'static str, label: &str, reason: String, drug: Option<String>) -> Html {
    html! {
        <div class="result result-missing" data-testid="missing" data-result={id} data-drug={drug}>
            <dt>{label.to_string()}</dt>
            <dd>{reason}</dd>
        </div>
    }
}

fn value_or_missing(
    report: &DoseReport,
    id: &'static str,
    result: &str,
    label: &str,
    value: Option<f64>,
    unit: &'static str,
    extra: Html,
) -> Html {
    match value {
        Some(v) => html! {
            <ResultValue testid={id} label={label.to_string()} value={v} unit={unit}>{extra}</ResultValue>
        },
        None => missing(id, label, missing_reason(report, result), None),
    }
}

pub fn ivonescimab_results(report: &DoseReport) -> Html {
    let i = &report.inputs;
    let rounding_on = i.rounding != RoundingTolerance::Off;
    let weight_extra = match (i.weight, report.weight_kg) {
        (Some(w), Some(_)) if i.weight_unit.code() == "lb" => {
            html! { <span class="detail">{format!("from {} lb", num(w))}</span> }
        }
        _ => html! {},
    };
    let dose_extra = match (i.mg_per_kg, i.every_weeks) {
        (Some(m), Some(e)) => {
            html! { <span class="detail">{format!("{} mg/kg every {e} weeks", num(m))}</span> }
        }
        (Some(m), None) => html! { <span class="detail">{format!("{} mg/kg", num(m))}</span> },
        _ => html! {},
    };
    let final_extra = match &report.rounding {
        Some(r) if rounding_on => html! {
            <span class="detail" data-testid="rounding-difference" data-value={r.final_difference_percent.to_string()}>
                {format!("{:+.2} % from the order", r.final_difference_percent)}
            </span>
        },
        _ => html! { <span class="detail">{"no rounding"}</span> },
    };
    let given_extra = html! { <span class="detail">{"final dose ÷ weight"}</span> };
    let vials = match report.vials {
        Some(v) => html! {
            <ResultValue testid="vials" label="Vials to open" value={f64::from(v)}
                unit={match (i.vial_mg, i.concentration_mg_per_ml) {
                    (Some(m), Some(c)) => AttrValue::from(format!("× {} mg ({} mL)", num(m), num(m / c))),
                    (Some(m), None) => AttrValue::from(format!("× {} mg", num(m))),
                    _ => AttrValue::default(),
                }} />
        },
        None => missing(
            "vials",
            "Vials to open",
            missing_reason(report, "vials"),
            None,
        ),
    };
    html! {
        <>
            <dl class="results">
                { value_or_missing(report, "weight-kg", "weight_kg", "Weight used", report.weight_kg, "kg", weight_extra) }
                { value_or_missing(report, "dose-mg", "dose_mg", "Dose as ordered", report.dose_mg, "mg", dose_extra) }
                { value_or_missing(report, "dose-final-mg", "dose_final_mg", "Dose to give", report.dose_final_mg, "mg", final_extra) }
                { vials }
                { value_or_missing(report, "volume-ml", "volume_ml", "Volume to draw", report.volume_ml, "mL", html!{}) }
                { value_or_missing(report, "waste-mg", "waste_mg", "Waste", report.waste_mg, "mg", html!{}) }
                if let Some(given) = report.mg_per_kg_given {
                    <ResultValue testid="mgkg-given" label="mg/kg given" value={given} unit="mg/kg">{given_extra}</ResultValue>
                }
            </dl>
            if let Some(r) = report.rounding.as_ref().filter(|_| rounding_on) {
                <p class="msg msg-note" data-testid="rounding">{r.statement.clone()}</p>
            }
        </>
    }
}

pub fn body_results(report: &DoseReport, needs_bsa: bool, needs_crcl: bool) -> Html {
    if !needs_bsa && !needs_crcl {
        return html! {};
    }
    let bsa_extra = html! { <span class="detail">{report.inputs.bsa_formula.formula_text().split(" (").last().map(|s| s.trim_end_matches(')').to_string()).unwrap_or_default()}</span> };
    let crcl_extra = match report.crcl_weight_kg {
        Some(w) => {
            html! { <span class="detail">{format!("{} weight {} kg", report.inputs.crcl_weight.code(), num(w))}</span> }
        }
        None => html! {},
    };
    html! {
        <dl class="results">
            { value_or_missing(report, "bsa-m2", "bsa_m2", "Body surface area", report.bsa_m2, "m²", bsa_extra) }
            if needs_crcl {
                { value_or_missing(report, "crcl-mlmin", "crcl_ml_min", "Creatinine clearance", report.crcl_ml_min, "mL/min", crcl_extra) }
            }
            if let Some(bmi) = report.bmi_kg_m2 {
                <ResultValue testid="bmi" label="BMI" value={bmi} unit="kg/m²" />
            }
        </dl>
    }
}

pub fn partner_results(report: &DoseReport, regimen: Option<&Regimen>) -> Html {
    let Some(regimen) = regimen else {
        return html! {};
    };
    if report.partners.is_empty() {
        return html! {};
    }
    let carboplatin = report
        .partners
        .iter()
        .any(|p| p.basis == DoseBasis::CarboplatinAuc);
    let items = report.partners.iter().map(|p| {
        let per_unit = match p.basis {
            DoseBasis::MgPerM2 => p.mg_per_m2.map(|v| format!("{} mg/m²", num(v))),
            DoseBasis::CarboplatinAuc => p.carboplatin_auc.map(|a| format!("AUC {}", num(a))),
            DoseBasis::MgPerKg => p.mg_per_kg.map(|v| format!("{} mg/kg", num(v))),
        };
        let origin = match p.origin {
            Some(crate::dosing::ValueOrigin::Entered) => " (typed)",
            Some(_) => " (source)",
            None => "",
        };
        let days = match (&p.days, p.cycle_days) {
            (Some(d), Some(c)) => format!(
                ", days {} of {c}",
                d.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")
            ),
            _ => String::new(),
        };
        let label = drug_label(&p.drug);
        match p.mg {
            Some(mg) => html! {
                <ResultValue testid="partner-mg" label={label} value={mg} unit="mg" drug={p.drug.clone()}>
                    <span class="detail">{format!("{}{origin}{days}", per_unit.unwrap_or_default())}</span>
                    <span class="detail source">{short_cites(&p.sources)}</span>
                </ResultValue>
            },
            None => missing("partner-mg", &label, partner_missing(p), Some(p.drug.clone())),
        }
    });
    html! {
        <>
            <h3>{format!("Partners: {}", regimen.name)}</h3>
            <dl class="results">
                { for items }
                if carboplatin {
                    { value_or_missing(report, "carboplatin-mg", "carboplatin_mg", "Carboplatin (Calvert)", report.carboplatin_mg, "mg", html!{}) }
                }
            </dl>
            { for report.partners.iter().filter_map(|p| p.note.as_ref().map(|n| html! {
                <p class="msg msg-note">{format!("{}: {n}", drug_label(&p.drug))}</p>
            })) }
            if let Some(c) = report.carboplatin.as_ref().filter(|c| c.gfr_cap_applied) {
                <p class="msg msg-note" data-testid="gfr-cap">
                    {format!("GFR capped at 125 mL/min: the estimate was {} mL/min, so carboplatin is at most AUC × 150 = {} mg.", num(c.gfr_ml_min), num(c.dose_mg))}
                </p>
            }
        </>
    }
}

pub fn warnings(report: &DoseReport) -> Html {
    if report.warnings.is_empty() {
        return html! {};
    }
    html! {
        <div class="warnings" role="status">
            { for report.warnings.iter().map(|w| {
                let source = (!w.sources.is_empty()).then(|| AttrValue::from(short_cites(&w.sources)));
                html! { <Warning code={w.code.clone()} message={w.message.clone()} {source} /> }
            }) }
        </div>
    }
}

/// Notes from the calculation, less those shown elsewhere (rounding statement, GFR cap).
pub fn notes(report: &DoseReport) -> Html {
    let shown_elsewhere = ["gfr-cap-applied"];
    let rounding = report.rounding.as_ref().map(|r| r.statement.as_str());
    let notes: Vec<_> = report
        .notes
        .iter()
        .filter(|n| {
            !shown_elsewhere.contains(&n.code.as_str()) && Some(n.message.as_str()) != rounding
        })
        .collect();
    if notes.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{"Notes"}</h3>
            { for notes.iter().map(|n| html! {
                <p class="msg msg-note" data-testid="note" data-code={n.code.clone()}>{n.message.clone()}</p>
            }) }
        </>
    }
}

pub fn label_notes(report: &DoseReport) -> Html {
    html! {
        <div class="label-notes">
            <h3>{"Administration (label)"}</h3>
            <ul>
                { for report.label_notes.iter().map(|n| html! {
                    <li data-testid="label-note" data-code={n.code.clone()}>{n.text.clone()}{" "}
                        <span class="source">{format!("({})", short_cites(&n.sources))}</span></li>
                }) }
            </ul>
        </div>
    }
}

pub fn formulas(report: &DoseReport) -> Html {
    let worked = worked_formulas(report);
    html! {
        <div class="formulas">
            <h3>{"Formulas with these numbers"}</h3>
            if worked.is_empty() {
                <p class="hint">{"Enter a body weight to see the arithmetic."}</p>
            } else {
                <ul data-testid="formulas">
                    { for worked.iter().map(|w| html! {
                        <li><span class="formula-title">{format!("{}: ", w.title)}</span><span class="formula">{w.text.clone()}</span></li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// Every source the page cites, with the text as printed, then the documents.
pub fn sources(report: &DoseReport, regimen: Option<&Regimen>) -> Html {
    let data = dosing_data();
    let mut cited: Vec<&Source> = Vec::new();
    cited.extend(data.label.dose.sources.iter());
    for d in data.label.disagreements.iter() {
        cited.extend(d.sources.iter());
    }
    cited.extend(data.label.vial.sources.iter());
    for n in &report.label_notes {
        cited.extend(n.sources.iter());
    }
    for w in &report.warnings {
        cited.extend(&w.sources);
    }
    if let Some(r) = regimen {
        cited.extend(r.sources.iter());
    }
    for p in &report.partners {
        cited.extend(&p.sources);
    }
    let mut seen: Vec<String> = Vec::new();
    let mut items: Vec<Html> = Vec::new();
    for s in cited {
        let line = s.cite(Lang::En);
        if seen.contains(&line) {
            continue;
        }
        seen.push(line);
        items.push(html! {
            <li><span class="source">{short_cite(s)}</span>
                if let Some(q) = &s.as_printed { {": "}<q>{q.clone()}</q> }
            </li>
        });
    }
    html! {
        <div class="sources">
            <h3>{"Sources"}</h3>
            <ul>{ for items }</ul>
            <ul class="documents">
                { for regimens::documents().into_iter().map(|d| html! {
                    <li><strong>{d.name.to_string()}</strong>{": "}{d.citation.to_string()}</li>
                }) }
                <li><strong>{"HOPA"}</strong>{": Hematology/Oncology Pharmacy Association dose-rounding guidance (biologics within 10 % of the ordered dose); not in the seeds."}</li>
            </ul>
        </div>
    }
}

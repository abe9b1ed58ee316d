//! The dose view's results: ivonescimab (dose, rounding, vials, volume, waste, the order
//! check), body size, kidney function and partner doses, each under its result id with its
//! reason when missing; warnings, notes, the label's administration notes, worked formulas
//! and sources.

use crate::dosing::kidney::kidney_data;
use crate::dosing::regimens::{dosing_data, Regimen};
use crate::dosing::{drugs, DoseBasis, DoseReport, ValueOrigin};
use crate::format::{self, Quantity};
use crate::i18n::{colon, in_parentheses, translated, Lang};
use crate::messages::Code;
use crate::results::{Outcome, ResultId};
use crate::sources::{document_name, short_cites, Source};
use crate::tr;
use crate::widgets::messages::{MessageList, Notice};
use crate::widgets::result::ResultRow;
use yew::prelude::*;

use super::explain::worked_formulas;

fn detail(text: String) -> Html {
    html! { <span class="detail">{text}</span> }
}

/// A result of the report with its details after the value: one compiled row for all of them.
fn result(report: &DoseReport, id: ResultId, details: Html) -> Html {
    html! { <ResultRow {id} outcome={report.outcome(id)}>{details}</ResultRow> }
}

pub fn ivonescimab_results(report: &DoseReport, lang: Lang) -> Html {
    let i = &report.inputs;
    let rounding_on = i.rounding.percent() > 0.0;
    let weight_extra = match (i.weight, report.weight_kg) {
        (Some(w), Some(_)) if i.weight_unit.code() == "lb" => {
            detail(tr!("from {body_weight}", "由 {body_weight} 换算").fill(
                lang,
                &[("body_weight", &format::with_unit(w, Quantity::Lb, lang))],
            ))
        }
        _ => html! {},
    };
    let dose_extra = match (i.mg_per_kg, i.every_weeks) {
        (Some(m), Some(e)) => detail(
            tr!("{dose} every {weeks} weeks", "{dose}，每 {weeks} 周").fill(
                lang,
                &[
                    ("dose", &format::with_unit(m, Quantity::MgPerKg, lang)),
                    ("weeks", &e.to_string()),
                ],
            ),
        ),
        (Some(m), None) => detail(format::with_unit(m, Quantity::MgPerKg, lang)),
        _ => html! {},
    };
    let final_extra = match (report.outcome(ResultId::RoundingDifference), rounding_on) {
        (Outcome::Value(pct), true) => html! {
            <span class="detail" data-testid={ResultId::RoundingDifference.testid()} data-value={pct.to_string()}>
                {tr!("{pct} % from the calculated dose", "与计算剂量相差 {pct}%").fill(lang, &[("pct", &format::number(pct, Quantity::PercentChange))])}
            </span>
        },
        _ => detail(tr!("no rounding", "未取整").get(lang).to_string()),
    };
    let vial_unit = match (i.vial_mg, i.concentration_mg_per_ml) {
        (Some(m), Some(c)) => Some(AttrValue::from(format!(
            "× {} ({})",
            format::with_unit(m, Quantity::Mg, lang),
            format::with_unit(m / c, Quantity::Ml, lang)
        ))),
        (Some(m), None) => Some(AttrValue::from(format!(
            "× {}",
            format::with_unit(m, Quantity::Mg, lang)
        ))),
        _ => None,
    };
    let order = i.ordered_mg.map(|ordered| {
        let extra = detail(
            tr!(
                "order {order} vs calculated {calculated}",
                "医嘱 {order}，计算值 {calculated}"
            )
            .fill(
                lang,
                &[
                    ("order", &format::with_unit(ordered, Quantity::Mg, lang)),
                    (
                        "calculated",
                        &report
                            .dose_mg
                            .map(|d| format::with_unit(d, Quantity::Mg, lang))
                            .unwrap_or_else(|| "—".into()),
                    ),
                ],
            ),
        );
        result(report, ResultId::OrderDifferencePct, extra)
    });
    html! {
        <>
            <dl class="results">
                { result(report, ResultId::WeightKg, weight_extra) }
                { result(report, ResultId::DoseMg, dose_extra) }
                { result(report, ResultId::DoseFinalMg, final_extra) }
                <ResultRow id={ResultId::Vials} outcome={report.outcome(ResultId::Vials)} unit={vial_unit} />
                { result(report, ResultId::VolumeMl, Html::default()) }
                { result(report, ResultId::WasteMg, Html::default()) }
                if report.mg_per_kg_given.is_some() {
                    { result(report, ResultId::MgPerKgGiven, detail(tr!("final dose ÷ weight", "给药剂量 ÷ 体重").get(lang).to_string())) }
                }
                {for order}
            </dl>
            if let Some(note) = report.notes.iter().find(|n| matches!(n.code, Code::RoundedToWholeVials | Code::AlreadyWholeVials | Code::RoundingOutsideTolerance)) {
                <p class="msg msg-note" data-testid="rounding">{note.text(lang)}</p>
            }
            if let Some(note) = report.note(Code::OrderMatchesRounded) {
                <p class="msg msg-note" data-testid="note" data-code={note.code.contract()} data-field={crate::inputs::dose::ORDERED.name}>{note.text(lang)}</p>
            }
        </>
    }
}

pub fn body_results(report: &DoseReport, needs_bsa: bool, needs_kidney: bool, lang: Lang) -> Html {
    if !needs_bsa && !needs_kidney {
        return html! {};
    }
    let bsa_extra = detail(
        match report.inputs.bsa_formula {
            crate::dosing::BsaFormula::Mosteller => "Mosteller",
            crate::dosing::BsaFormula::DuBois => "Du Bois",
        }
        .to_string(),
    );
    let crcl_extra = match (report.crcl_weight_kg, report.crcl_scr_mg_per_dl) {
        (Some(w), Some(scr)) => detail(
            tr!(
                "weight {body_weight}, creatinine {creatinine}",
                "体重 {body_weight}，肌酐 {creatinine}"
            )
            .fill(
                lang,
                &[
                    ("body_weight", &format::with_unit(w, Quantity::Kg, lang)),
                    (
                        "creatinine",
                        &format::with_unit(scr, Quantity::MgPerDl, lang),
                    ),
                ],
            ),
        ),
        _ => html! {},
    };
    html! {
        <dl class="results">
            { result(report, ResultId::BsaM2, bsa_extra) }
            if needs_kidney {
                { result(report, ResultId::CrclMlMin, crcl_extra) }
            }
            if report.bmi_kg_m2.is_some() {
                { result(report, ResultId::Bmi, Html::default()) }
            }
        </dl>
    }
}

fn drug_name(drug: &str, lang: Lang) -> String {
    drugs::label(drug)
        .map(|t| t.get(lang).to_string())
        .unwrap_or_else(|| drugs::capitalised(drug))
}

pub fn partner_results(report: &DoseReport, regimen: Option<&Regimen>, lang: Lang) -> Html {
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
            DoseBasis::MgPerM2 => p.mg_per_m2.map(|v| format::with_unit(v, Quantity::MgPerM2, lang)),
            DoseBasis::CarboplatinAuc => p.carboplatin_auc.map(|a| format!("AUC {}", format::number(a, Quantity::Auc))),
            DoseBasis::MgPerKg => p.mg_per_kg.map(|v| format::with_unit(v, Quantity::MgPerKg, lang)),
        };
        let origin = match p.origin {
            Some(ValueOrigin::Entered) => tr!(" (typed)", "（输入）").get(lang),
            Some(_) => tr!(" (source)", "（来源）").get(lang),
            None => "",
        };
        let days = match (&p.days, p.cycle_days) {
            (Some(d), Some(c)) => tr!(", days {days} of {cycle}", "，第 {days} 天 / {cycle} 天周期").fill(lang, &[
                ("days", &d.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")),
                ("cycle", &c.to_string()),
            ]),
            _ => String::new(),
        };
        let outcome = match (p.mg, &p.missing) {
            (Some(mg), _) => Outcome::Value(mg),
            (None, Some(reason)) => Outcome::Missing(reason.clone()),
            (None, None) => Outcome::Missing(crate::results::Reason::Needs(Vec::new())),
        };
        html! {
            <ResultRow id={ResultId::PartnerMg} {outcome} label={AttrValue::from(drug_name(&p.drug, lang))} drug={AttrValue::from(p.drug.clone())}>
                {detail(format!("{}{origin}{days}", per_unit.unwrap_or_default()))}
                <span class="detail source">{short_cites(p.sources.iter().copied(), lang)}</span>
            </ResultRow>
        }
    });
    html! {
        <>
            <h3>{tr!("Partners: {scheme}", "联合用药：{scheme}").fill(lang, &[("scheme", translated(&regimen.name, lang))])}</h3>
            <dl class="results">
                { for items }
                if carboplatin {
                    { result(report, ResultId::CarboplatinMg, calvert_detail(report, lang)) }
                }
            </dl>
            { for report.partners.iter().filter_map(|p| p.note.as_ref().map(|n| html! {
                <p class="msg msg-note">{format!("{}{}{}", drug_name(&p.drug, lang), colon(lang), translated(n, lang))}</p>
            })) }
            if let Some(c) = report.carboplatin.as_ref().filter(|c| c.gfr_cap_applied) {
                <p class="msg msg-note" data-testid="gfr-cap">
                    {tr!(
                        "GFR capped at 125 mL/min: the estimate was {filtration}, so carboplatin is at most AUC × 150 = {dose}.",
                        "GFR 上限取 125 mL/min：估算值为 {filtration}，因此卡铂最多为 AUC × 150 = {dose}。"
                    ).fill(lang, &[
                        ("filtration", &format::with_unit(c.gfr_ml_min, Quantity::MlPerMin, lang)),
                        ("dose", &format::with_unit(c.dose_mg, Quantity::Mg, lang)),
                    ])}
                </p>
            }
        </>
    }
}

/// What kidney function went into Calvert: a measured GFR, or the Cockcroft-Gault estimate
/// (and its cap).
fn calvert_detail(report: &DoseReport, lang: Lang) -> Html {
    let Some(c) = &report.carboplatin else {
        return html! {};
    };
    let gfr = format::with_unit(c.gfr_ml_min, Quantity::MlPerMin, lang);
    let auc = format::number(c.auc_mg_ml_min, Quantity::Auc);
    let text = if report.inputs.measured_gfr_ml_min.is_some() {
        tr!(
            "AUC {target} × (measured GFR {filtration} + 25), not capped",
            "AUC {target} ×（实测 GFR {filtration} + 25），不设上限"
        )
        .fill(lang, &[("target", &auc), ("filtration", &gfr)])
    } else if c.gfr_cap_applied {
        tr!(
            "AUC {target} × (125 + 25): Cockcroft-Gault estimate {filtration}, capped at 125 mL/min",
            "AUC {target} ×（125 + 25）：Cockcroft-Gault 估算值 {filtration}，上限取 125 mL/min"
        )
        .fill(lang, &[("target", &auc), ("filtration", &gfr)])
    } else {
        tr!(
            "AUC {target} × (Cockcroft-Gault estimate {filtration} + 25)",
            "AUC {target} ×（Cockcroft-Gault 估算值 {filtration} + 25）"
        )
        .fill(lang, &[("target", &auc), ("filtration", &gfr)])
    };
    html! { <span class="detail" data-testid="calvert-gfr">{text}</span> }
}

pub fn warnings(report: &DoseReport) -> Html {
    let notices: Vec<Notice> = report.warnings.iter().cloned().map(Notice::of).collect();
    html! { <MessageList {notices} class="warnings" /> }
}

/// Notes from the calculation, less those shown elsewhere (rounding statement, GFR cap, the
/// order check, confirmations at their fields).
pub fn notes(report: &DoseReport, lang: Lang) -> Html {
    let notices: Vec<Notice> = report
        .notes
        .iter()
        .filter(|n| {
            !matches!(
                n.code,
                Code::GfrCapApplied
                    | Code::Confirmed
                    | Code::OrderMatchesRounded
                    | Code::RoundedToWholeVials
                    | Code::AlreadyWholeVials
                    | Code::RoundingOutsideTolerance
            )
        })
        .cloned()
        .map(Notice::of)
        .collect();
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{tr!("Notes", "说明").get(lang)}</h3>
            <MessageList {notices} class="notes" />
        </>
    }
}

pub fn label_notes(report: &DoseReport, lang: Lang) -> Html {
    html! {
        <div class="label-notes">
            <h3>{tr!("Administration (label)", "给药方法（说明书）").get(lang)}</h3>
            <ul>
                { for report.label_notes.iter().map(|n| html! {
                    <li data-testid="label-note" data-code={n.code.to_string()}>{translated(&n.text, lang)}{" "}
                        <span class="source">{in_parentheses(&short_cites(n.sources.iter(), lang), lang)}</span></li>
                }) }
            </ul>
        </div>
    }
}

pub fn formulas(report: &DoseReport, lang: Lang) -> Html {
    let worked = worked_formulas(report, lang);
    html! {
        <div class="formulas">
            <h3>{tr!("Formulas with these numbers", "代入本例数值的公式").get(lang)}</h3>
            if worked.is_empty() {
                <p class="hint">{tr!("Enter a body weight to see the arithmetic.", "输入体重后显示计算过程。").get(lang)}</p>
            } else {
                <ul data-testid="formulas">
                    { for worked.iter().map(|w| html! {
                        <li><span class="formula-title">{format!("{}{}", w.title.get(lang), colon(lang))}</span><span class="formula">{w.text.clone()}</span></li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// A document's citation: translated where the data gives its Chinese (`citation_zh`), else
/// as the document prints it, marked as English.
fn citation(text: &'static str, lang: Lang) -> Html {
    let shown = translated(text, lang);
    let as_printed = lang != Lang::En && shown == text;
    html! { <span lang={as_printed.then_some("en")}>{shown}</span> }
}

/// Every source the page cites, with the words as printed, then the documents.
pub fn sources(report: &DoseReport, regimen: Option<&Regimen>, lang: Lang) -> Html {
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
    for m in report.warnings.iter().chain(&report.notes) {
        cited.extend(m.sources.iter().copied());
    }
    if let Some(r) = regimen {
        cited.extend(r.sources.iter());
    }
    for p in &report.partners {
        cited.extend(p.sources.iter().copied());
    }
    let mut seen: Vec<String> = Vec::new();
    let mut items: Vec<Html> = Vec::new();
    for s in &cited {
        let line = s.cite(lang);
        if seen.contains(&line) {
            continue;
        }
        seen.push(line);
        items.push(html! {
            <li><span class="source">{s.short(lang)}</span>
                if let Some(q) = &s.as_printed { {colon(lang)}<q lang="en">{q.to_string()}</q> }
            </li>
        });
    }
    let kidney_pages = kidney_data()
        .pages
        .iter()
        .filter(|p| cited.iter().any(|s| s.document == p.document));
    html! {
        <div class="sources">
            <h3>{tr!("Sources", "来源").get(lang)}</h3>
            <ul>{ for items }</ul>
            <ul class="documents">
                { for crate::dosing::regimens::documents().into_iter().map(|d| html! {
                    <li><strong>{document_name(&d.id).get(lang)}</strong>{colon(lang)}{citation(&d.citation, lang)}</li>
                }) }
                { for kidney_pages.map(|p| html! {
                    <li><strong>{document_name(&p.document).get(lang)}</strong>{colon(lang)}
                        {crate::sources::document(&p.document).map(|d| citation(&d.citation, lang)).unwrap_or_default()}{" "}
                        <a href={p.url.to_string()} rel="noreferrer noopener" target="_blank">{p.url.to_string()}</a>
                        {" "}{tr!("(read {date})", "（查阅于 {date}）").fill(lang, &[("date", &p.read_on)])}</li>
                }) }
                <li><strong>{document_name("hopa").get(lang)}</strong>{colon(lang)}{tr!(
                    "Hematology/Oncology Pharmacy Association dose-rounding guidance (biologics within 10 % of the ordered dose).",
                    "美国血液/肿瘤药学协会剂量取整指南（生物制剂在医嘱剂量 10% 以内）。"
                ).get(lang)}</li>
            </ul>
        </div>
    }
}

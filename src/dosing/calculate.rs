//! The dose view's single entry point: [`calculate`] turns a [`DoseRequest`] into a
//! [`DoseReport`] whose results are each present or absent independently of the others.
//!
//! Every input is checked against its row of the dose view's table (`crate::inputs::dose`):
//! outside the usable range it is an error at its field; outside the plausible range the
//! results that depend on it wait until the user confirms it on the page. Valid inputs
//! outside the evidence get warnings (`crate::evidence` for those shared with PK; the
//! patient's own in [`super::safety`] and [`super::kidney`]).

use crate::evidence;
use crate::format::{self, Quantity};
use crate::i18n::Lang;
use crate::inputs::dose as input;
use crate::messages::{Code, Message};
use crate::results::{Reason, ResultId};
use crate::tr;

use super::checks::{self, need, Val};
use super::formulas::{self, RoundingTolerance, VialRounding};
use super::regimens::{self, dosing_data, DoseBasis, DEFAULT_REGIMEN_ID};
use super::report::DoseReport;
use super::request::{DoseRequest, UsedInputs, ValueOrigin};
use super::{body, kidney, partners, safety};

/// Computes every result the inputs allow. Never panics; every number in the report is
/// finite.
pub fn calculate(request: &DoseRequest) -> DoseReport {
    let data = dosing_data();
    let label = &data.label;
    let mut report = DoseReport {
        label_notes: label.notes.to_vec(),
        ..DoseReport::default()
    };
    let r = &mut report;

    // ---- Inputs ----
    let weight = checks::number(
        r,
        request,
        &input::WEIGHT,
        input::WEIGHT.name,
        request.weight,
        request.weight_unit.code(),
    );
    let (mg_per_kg, mg_per_kg_origin) = match request.mg_per_kg {
        Some(v) => (
            checks::number(
                r,
                request,
                &input::MG_PER_KG,
                input::MG_PER_KG.name,
                Some(v),
                "",
            ),
            ValueOrigin::Entered,
        ),
        None => (Val::Ok(label.dose.mg_per_kg), ValueOrigin::LabelDefault),
    };
    let (every, every_origin) = match request.every_weeks {
        Some(v) => (
            checks::number(r, request, &input::EVERY, input::EVERY.name, Some(v), ""),
            ValueOrigin::Entered,
        ),
        None => (
            Val::Ok(f64::from(label.dose.every_weeks)),
            ValueOrigin::LabelDefault,
        ),
    };
    let mut height = checks::number(
        r,
        request,
        &input::HEIGHT,
        input::HEIGHT.name,
        request.height,
        request.height_unit.code(),
    );
    let age = checks::number(
        r,
        request,
        &input::AGE,
        input::AGE.name,
        request.age_years,
        "",
    );
    let scr = checks::number(
        r,
        request,
        &input::SCR,
        input::SCR.name,
        request.serum_creatinine,
        request.creatinine_unit.code(),
    );
    let gfr = checks::number(
        r,
        request,
        &input::GFR,
        input::GFR.name,
        request.measured_gfr_ml_min,
        "",
    );
    let entered_auc = checks::number(
        r,
        request,
        &input::AUC,
        input::AUC.name,
        request.carboplatin_auc,
        "",
    );
    let ordered = checks::number(
        r,
        request,
        &input::ORDERED,
        input::ORDERED.name,
        request.ordered_mg,
        "",
    );
    let (vial, conc, vial_origin) = presentation(r, request);
    let regimen_id = request.regimen.as_deref().unwrap_or(DEFAULT_REGIMEN_ID);
    let regimen = regimens::regimen(regimen_id);
    if regimen.is_none() {
        let known: Vec<&str> = regimens::regimens().iter().map(|g| &*g.id).collect();
        r.errors.push(
            Message::new(
                Code::UnknownChoice,
                tr!(
                    "Regimen: “{id}” is not known; use one of {known}.",
                    "方案：“{id}”未知；请使用 {known} 之一。"
                ),
            )
            .at(input::REGIMEN.name)
            .arg("id", regimen_id)
            .arg("known", known.join(", ")),
        );
    }
    let regimen_auc = regimen.and_then(|g| {
        g.partners
            .iter()
            .find(|p| p.basis == DoseBasis::CarboplatinAuc)
            .and_then(|p| p.carboplatin_auc)
    });
    let (auc, auc_origin) = match (request.carboplatin_auc, regimen_auc) {
        (Some(_), _) => (entered_auc, Some(ValueOrigin::Entered)),
        (None, Some(a)) => (Val::Ok(a), Some(ValueOrigin::Regimen)),
        (None, None) => (Val::Absent, None),
    };

    // A BMI no adult has means a unit mix-up of weight or height: both wait.
    let mut weight = weight;
    if let (Some(w), Some(h)) = (weight.ok(), height.ok()) {
        if !body::bmi_plausible(r, request, w, h) {
            weight = weight.hold();
            height = height.hold();
        }
    }

    r.inputs = UsedInputs {
        weight: weight.usable().and(request.weight),
        weight_unit: request.weight_unit,
        mg_per_kg: mg_per_kg.usable(),
        mg_per_kg_origin: Some(mg_per_kg_origin),
        every_weeks: every.usable().map(|w| w as u32),
        every_weeks_origin: Some(every_origin),
        height: height.usable().and(request.height),
        height_unit: request.height_unit,
        age_years: age.usable(),
        sex: request.sex,
        serum_creatinine: scr.usable().and(request.serum_creatinine),
        creatinine_unit: request.creatinine_unit,
        serum_creatinine_mg_per_dl: scr.usable(),
        creatinine_floor_mg_per_dl: request.creatinine_floor_mg_per_dl,
        measured_gfr_ml_min: gfr.usable(),
        regimen_id: regimen.map(|g| g.id.to_string()),
        regimen_name: regimen.map(|g| g.name.to_string()),
        carboplatin_auc: auc.usable(),
        carboplatin_auc_origin: auc_origin,
        vial_mg: vial.usable(),
        concentration_mg_per_ml: conc.usable(),
        vial_origin: Some(vial_origin),
        ordered_mg: ordered.usable(),
        rounding: request.rounding,
        bsa_formula: request.bsa_formula,
        crcl_weight: request.crcl_weight,
    };
    r.weight_kg = weight.ok();
    r.height_cm = height.ok();
    if weight.ok().is_none() {
        let reason = need([(&input::WEIGHT, weight)]).err();
        if let Some(reason) = reason {
            r.missing(ResultId::WeightKg, reason);
        }
    }

    // ---- Warnings on valid inputs ----
    if let Some(w) = weight.ok() {
        r.warnings.extend(evidence::weight(w));
        r.warnings.extend(safety::weight_unit(request, w));
    }
    if let (Some(dose), Some(weeks)) = (mg_per_kg.ok(), every.ok()) {
        r.warnings
            .extend(evidence::dose(evidence::Dose::MgPerKg(dose), weeks));
        if let Some(g) = regimen {
            if let Some(m) = evidence::regimen(dose, weeks as u32, g) {
                r.push(m);
            }
        }
    } else if let Some(dose) = mg_per_kg.ok() {
        r.warnings.extend(
            evidence::dose(evidence::Dose::MgPerKg(dose), f64::NAN)
                .into_iter()
                .filter(|m| m.code == Code::DoseAboveMtd),
        );
    }
    if let Some(a) = age.ok() {
        r.warnings.extend(safety::age(a));
    }

    // ---- Ivonescimab ----
    ivonescimab(r, request, weight, mg_per_kg, vial, conc, ordered);

    // ---- Body size, kidney function, partners ----
    body::body_size(r, request, weight, height);
    kidney::kidney(r, request, weight, age, scr, gfr, regimen);
    if let Some(g) = regimen {
        partners::partners(r, request, g, weight, auc);
        kidney::checks(r, g);
    }
    report
}

/// The vial presentation: content and concentration together, or both the label's. Half
/// of it is an error at the missing field, and what needs the vial is withheld.
fn presentation(r: &mut DoseReport, request: &DoseRequest) -> (Val, Val, ValueOrigin) {
    let label = &dosing_data().label.vial;
    match (request.vial_mg, request.concentration_mg_per_ml) {
        (None, None) => (
            Val::Ok(label.vial_mg),
            Val::Ok(label.concentration_mg_per_ml),
            ValueOrigin::LabelDefault,
        ),
        (vial_mg, conc_mg_ml) => {
            let vial = checks::number(r, request, &input::VIAL, input::VIAL.name, vial_mg, "");
            let conc = checks::number(r, request, &input::CONC, input::CONC.name, conc_mg_ml, "");
            for (missing, val) in [(&input::VIAL, vial), (&input::CONC, conc)] {
                if val != Val::Absent {
                    continue;
                }
                r.errors.push(
                    Message::new(
                        Code::PresentationIncomplete,
                        tr!(
                            "{missing}: enter it too. A vial is described by its content and its concentration together (the label's is {vial_mg} at {conc_mg_ml}); with only one of them the volume to draw would be wrong.",
                            "{missing}：请一并填写。药瓶规格须同时给出含量和浓度（说明书规格为 {vial_mg}、{conc_mg_ml}）；只填其一会导致抽取体积错误。"
                        ),
                    )
                    .at(missing.name)
                    .arg("missing", missing.label)
                    .arg("vial_mg", format::with_unit(label.vial_mg, Quantity::Mg, Lang::En))
                    .arg(
                        "conc_mg_ml",
                        format::with_unit(label.concentration_mg_per_ml, Quantity::MgPerMl, Lang::En),
                    ),
                );
            }
            let fix = |v: Val| if v == Val::Absent { Val::Bad } else { v };
            (fix(vial), fix(conc), ValueOrigin::Entered)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn ivonescimab(
    r: &mut DoseReport,
    request: &DoseRequest,
    weight: Val,
    mg_per_kg: Val,
    vial: Val,
    conc: Val,
    ordered: Val,
) {
    let [w, d] = match need([(&input::WEIGHT, weight), (&input::MG_PER_KG, mg_per_kg)]) {
        Ok(values) => values,
        Err(reason) => {
            for result in [
                ResultId::DoseMg,
                ResultId::DoseFinalMg,
                ResultId::Vials,
                ResultId::VolumeMl,
                ResultId::WasteMg,
                ResultId::OrderDifferencePct,
            ] {
                r.missing(result, reason.clone());
            }
            return;
        }
    };
    let calculated = formulas::dose_mg(d, w);
    r.dose_mg = Some(calculated);
    let final_mg = match vial.ok() {
        Some(vial_mg) => {
            let rounding = formulas::round_to_whole_vials(calculated, vial_mg, request.rounding);
            if request.rounding != RoundingTolerance::Off {
                r.notes.push(rounding_note(&rounding));
            }
            let final_mg = rounding.final_dose_mg;
            r.rounding = Some(rounding);
            r.vials = Some(formulas::vials_to_open(final_mg, vial_mg));
            r.waste_mg = Some(formulas::waste_mg(final_mg, vial_mg));
            final_mg
        }
        None => {
            let reason = need([(&input::VIAL, vial)])
                .err()
                .unwrap_or(Reason::Needs(vec![]));
            r.missing(ResultId::Vials, reason.clone());
            r.missing(ResultId::WasteMg, reason);
            calculated
        }
    };
    r.dose_final_mg = Some(final_mg);
    r.mg_per_kg_given = Some(final_mg / w);
    match (vial.ok(), conc.ok()) {
        (Some(_), Some(c)) => r.volume_ml = Some(formulas::volume_to_draw_ml(final_mg, c)),
        _ => {
            let reason = need([(&input::VIAL, vial), (&input::CONC, conc)])
                .err()
                .unwrap_or(Reason::Needs(vec![]));
            r.missing(ResultId::VolumeMl, reason);
        }
    }
    match ordered {
        Val::Ok(o) => {
            let pct = (o - calculated) / calculated * 100.0;
            r.order_difference_pct = Some(pct);
            r.warnings
                .extend(safety::order(o, calculated, final_mg, pct));
        }
        other => {
            let reason = need([(&input::ORDERED, other)])
                .err()
                .unwrap_or(Reason::Needs(vec![]));
            r.missing(ResultId::OrderDifferencePct, reason);
        }
    }
}

/// What rounding to whole vials did, as a note.
pub fn rounding_note(r: &VialRounding) -> Message {
    let nearest = format::with_unit(r.nearest_whole_vial_mg, Quantity::Mg, Lang::En);
    let difference = format::number(r.difference_percent, Quantity::PercentChange);
    let tolerance = format::number(r.tolerance_percent, Quantity::Count);
    let (code, text) = if r.difference_percent == 0.0 {
        (
            Code::AlreadyWholeVials,
            tr!(
                "The calculated dose is already a whole number of vials.",
                "计算剂量恰为整瓶数。"
            ),
        )
    } else if r.final_dose_mg == r.nearest_whole_vial_mg {
        (
            Code::RoundedToWholeVials,
            tr!(
                "Rounded to {nearest} ({difference} %), within the chosen {tolerance} % tolerance.",
                "已取整至 {nearest}（{difference}%），在所选 {tolerance}% 容差之内。"
            ),
        )
    } else {
        (
            Code::RoundingOutsideTolerance,
            tr!(
                "Not rounded: the nearest whole-vial dose, {nearest}, is {difference} % from the calculated dose, outside the chosen {tolerance} % tolerance; the calculated dose stands.",
                "未取整：最接近的整瓶剂量 {nearest} 与计算剂量相差 {difference}%，超出所选 {tolerance}% 容差；仍按计算剂量给药。"
            ),
        )
    };
    Message::new(code, text)
        .arg("nearest", nearest)
        .arg("difference", difference)
        .arg("tolerance", tolerance)
}

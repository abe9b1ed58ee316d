//! Kidney function: Cockcroft-Gault creatinine clearance (with the creatinine floor), a
//! measured GFR, and the partners' kidney limits from their labels and guidelines
//! (data/kidney.json, each limit with the words of its source).

use crate::format::{self, Quantity};
use crate::i18n::Lang;
use crate::inputs::dose as input;
use crate::messages::{Arg, Code, Message};
use crate::results::{Reason, ResultId};
use crate::tr;

use super::checks::{need, Val};
use super::formulas;
use super::regimens::{DoseBasis, Regimen};
use super::report::DoseReport;
use super::request::{CrclWeight, DoseRequest};

pub use super::kidney_data::*;

// `static KIDNEY_DATA: KidneyData`, written by build.rs from data/kidney.json.
include!(concat!(env!("OUT_DIR"), "/kidney_data.rs"));

/// The kidney limits (data/kidney.json, checked at build time).
pub fn kidney_data() -> &'static KidneyData {
    &KIDNEY_DATA
}

/// The page a document's words were read on, if it was read on a public page.
pub fn page(document: &str) -> Option<&'static Page> {
    kidney_data().pages.iter().find(|p| p.document == document)
}

fn mg_per_dl(v: f64) -> String {
    format::with_unit(v, Quantity::MgPerDl, Lang::En)
}

fn ml_min(v: f64) -> String {
    format::with_unit(v, Quantity::MlPerMin, Lang::En)
}

/// Cockcroft-Gault creatinine clearance and the kidney function the partners use.
pub fn kidney(
    r: &mut DoseReport,
    request: &DoseRequest,
    weight: Val,
    age: Val,
    scr: Val,
    gfr: Val,
    regimen: Option<&'static Regimen>,
) {
    let crcl_weight = crcl_weight(r, request, weight);
    let sex = match request.sex {
        Some(_) => Val::Ok(0.0),
        None => Val::Absent,
    };
    let crcl = match crcl_weight.and_then(|w| {
        need([
            (&input::AGE, age),
            (&input::SEX, sex),
            (&input::WEIGHT, w),
            (&input::SCR, scr),
        ])
    }) {
        Ok([age_years, _, w, scr_measured]) => {
            let floor = request.creatinine_floor_mg_per_dl;
            let scr_used = match floor {
                Some(f) if scr_measured < f => {
                    r.notes.push(
                        Message::new(
                            Code::ScrFloorApplied,
                            tr!(
                                "Serum creatinine {creatinine} is below the chosen floor: Cockcroft-Gault uses {floor}.",
                                "血清肌酐 {creatinine} 低于所选下限：Cockcroft-Gault 公式按 {floor} 计算。"
                            ),
                        )
                        .arg("creatinine", mg_per_dl(scr_measured))
                        .arg("floor", mg_per_dl(f))
                        .sources(kidney_data().creatinine_floor.sources.iter()),
                    );
                    f
                }
                _ => scr_measured,
            };
            let sex = request.sex.unwrap_or(super::units::Sex::Male);
            let crcl =
                formulas::creatinine_clearance_cockcroft_gault_ml_min(age_years, w, scr_used, sex);
            r.crcl_weight_kg = Some(w);
            r.crcl_scr_mg_per_dl = Some(scr_used);
            r.crcl_ml_min = Some(crcl);
            if floor.is_none() {
                below_floor(r, regimen, age_years, w, scr_measured, sex, crcl, gfr);
            }
            Some(crcl)
        }
        Err(reason) => {
            r.missing(ResultId::CrclMlMin, reason);
            None
        }
    };
    r.kidney_function_ml_min = gfr.ok().or(crcl);
}

/// The weight that goes into Cockcroft-Gault: actual, or adjusted where BMI >= 25 (never
/// above actual). `Err` with the reason when the chosen weight cannot be had.
fn crcl_weight(r: &mut DoseReport, request: &DoseRequest, weight: Val) -> Result<Val, Reason> {
    let actual = weight;
    match request.crcl_weight {
        CrclWeight::Actual => {
            if let Some(w) = actual.ok() {
                r.notes.push(
                    Message::new(
                        Code::CrclWeight,
                        tr!(
                            "Cockcroft-Gault uses actual body weight, {body_weight}.",
                            "Cockcroft-Gault 公式使用实际体重 {body_weight}。"
                        ),
                    )
                    .arg("body_weight", format::with_unit(w, Quantity::Kg, Lang::En)),
                );
            }
            Ok(actual)
        }
        CrclWeight::Adjusted => {
            if actual.ok().is_none() {
                return Ok(actual);
            }
            match (r.bmi_kg_m2, r.adjusted_body_weight_kg) {
                (Some(_), _) if !r.adjusted_body_weight_offered => {
                    r.notes.push(Message::new(
                        Code::CrclWeight,
                        tr!(
                            "Adjusted body weight applies from BMI 25 kg/m²; at this BMI Cockcroft-Gault uses actual body weight.",
                            "校正体重仅适用于 BMI ≥ 25 kg/m²；在此 BMI 下 Cockcroft-Gault 公式使用实际体重。"
                        ),
                    ));
                    Ok(actual)
                }
                (Some(_), Some(adjusted)) => {
                    let ibw = r.ideal_body_weight_kg.unwrap_or(adjusted);
                    r.notes.push(
                        Message::new(
                            Code::CrclWeight,
                            tr!(
                                "Cockcroft-Gault uses adjusted body weight, {adjusted} = IBW {ibw} + 0.4 × (actual − IBW), at most the actual weight.",
                                "Cockcroft-Gault 公式使用校正体重 {adjusted} = 理想体重 {ibw} + 0.4 ×（实际体重 − 理想体重），且不超过实际体重。"
                            ),
                        )
                        .arg("adjusted", format::with_unit(adjusted, Quantity::Kg, Lang::En))
                        .arg("ibw", format::with_unit(ibw, Quantity::Kg, Lang::En)),
                    );
                    Ok(Val::Ok(adjusted))
                }
                (bmi, _) => {
                    let mut lacking: Vec<&'static crate::inputs::Input> = Vec::new();
                    if bmi.is_none() {
                        lacking.push(&input::HEIGHT);
                    }
                    if request.sex.is_none() {
                        lacking.push(&input::SEX);
                    }
                    Err(Reason::Needs(lacking))
                }
            }
        }
    }
}

/// `scr-below-floor`: creatinine under 0.7 mg/dL with no floor chosen, with the carboplatin
/// dose (or the clearance) as typed and at 0.7 mg/dL.
#[allow(clippy::too_many_arguments)]
fn below_floor(
    r: &mut DoseReport,
    regimen: Option<&'static Regimen>,
    age_years: f64,
    weight_kg: f64,
    scr: f64,
    sex: super::units::Sex,
    crcl: f64,
    gfr: Val,
) {
    let floor = &kidney_data().creatinine_floor;
    if scr >= floor.threshold_mg_per_dl {
        return;
    }
    let crcl_floor = formulas::creatinine_clearance_cockcroft_gault_ml_min(
        age_years,
        weight_kg,
        floor.threshold_mg_per_dl,
        sex,
    );
    let carboplatin_auc = regimen.and_then(|g| {
        g.partners
            .iter()
            .find(|p| p.basis == DoseBasis::CarboplatinAuc)
            .map(|p| r.inputs.carboplatin_auc.or(p.carboplatin_auc))
    });
    let consequence = match carboplatin_auc {
        Some(Some(auc)) if gfr.ok().is_none() => {
            let cap = kidney_data().gfr_cap.ml_per_min;
            let as_typed = formulas::carboplatin_calvert(auc, crcl, Some(cap)).dose_mg;
            let at_floor = formulas::carboplatin_calvert(auc, crcl_floor, Some(cap)).dose_mg;
            Arg::Filled(
                tr!(
                    "Carboplatin (AUC {target}): {typed} with the creatinine as typed, {floored} with {floor}.",
                    "卡铂（AUC {target}）：按输入的肌酐为 {typed}，按 {floor} 为 {floored}。"
                ),
                vec![
                    ("target", format::number(auc, Quantity::Auc).into()),
                    ("typed", format::with_unit(as_typed, Quantity::Mg, Lang::En).into()),
                    ("floored", format::with_unit(at_floor, Quantity::Mg, Lang::En).into()),
                    ("floor", mg_per_dl(floor.threshold_mg_per_dl).into()),
                ],
            )
        }
        _ => Arg::Filled(
            tr!(
                "Creatinine clearance: {typed} with the creatinine as typed, {floored} with {floor}.",
                "肌酐清除率：按输入的肌酐为 {typed}，按 {floor} 为 {floored}。"
            ),
            vec![
                ("typed", ml_min(crcl).into()),
                ("floored", ml_min(crcl_floor).into()),
                ("floor", mg_per_dl(floor.threshold_mg_per_dl).into()),
            ],
        ),
    };
    r.warnings.push(
        Message::new(
            Code::ScrBelowFloor,
            tr!(
                "Serum creatinine {creatinine} is below {floor} and no floor is chosen: Cockcroft-Gault may overestimate kidney function (creatinine measured by IDMS reads low at such values). {consequence} Choose a floor under “Lowest creatinine used in Cockcroft-Gault”, or enter a measured GFR.",
                "血清肌酐 {creatinine} 低于 {floor}，且未设下限：Cockcroft-Gault 公式可能高估肾功能（IDMS 法测得的肌酐在此范围偏低）。{consequence}请在“Cockcroft-Gault 公式中使用的最低肌酐值”中选择下限，或输入实测 GFR。"
            ),
        )
        .at(input::SCR.name)
        .arg("creatinine", mg_per_dl(scr))
        .arg("floor", mg_per_dl(floor.threshold_mg_per_dl))
        .arg("consequence", consequence)
        .sources(floor.sources.iter()),
    );
}

/// The partners' kidney limits: a warning below a limit, a note when the check cannot run.
pub fn checks(r: &mut DoseReport, regimen: &'static Regimen) {
    for check in kidney_data().checks.iter() {
        if !regimen.partners.iter().any(|p| *p.drug == *check.drug) {
            continue;
        }
        let code = match &*check.drug {
            "pemetrexed" => Code::RenalPemetrexed,
            "cisplatin" => Code::RenalCisplatin,
            _ => Code::RenalCarboplatin,
        };
        match r.kidney_function_ml_min {
            Some(kidney) if kidney < check.below_ml_per_min => {
                let field = if r.inputs.measured_gfr_ml_min.is_some() {
                    input::GFR.name
                } else {
                    input::SCR.name
                };
                r.warnings.push(
                    Message::new(
                        code,
                        tr!(
                            "{medicine}: kidney function {kidney} is below {limit}. {reading}",
                            "{medicine}：肾功能 {kidney} 低于 {limit}。{reading}"
                        ),
                    )
                    .at(field)
                    .arg("medicine", super::drugs::name(&check.drug))
                    .arg("kidney", ml_min(kidney))
                    .arg("limit", ml_min(check.below_ml_per_min))
                    .arg("reading", Arg::Data(check.reading.to_string()))
                    .sources(check.sources.iter()),
                );
            }
            Some(_) => {}
            None => {
                let reason = r.reason(ResultId::CrclMlMin);
                r.notes.push(
                    Message::new(
                        Code::RenalCheckNotRun,
                        tr!(
                            "{medicine}: the kidney check (limit {limit}) could not run. {reason} Or enter a measured GFR.",
                            "{medicine}：无法进行肾功能核查（限值 {limit}）。{reason}或输入实测 GFR。"
                        ),
                    )
                    .arg("medicine", super::drugs::name(&check.drug))
                    .arg("limit", ml_min(check.below_ml_per_min))
                    .arg("reason", Arg::Reason(reason))
                    .sources(check.sources.iter()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kidney_data_reads_and_quotes_its_sources() {
        let data = kidney_data();
        assert_eq!(data.creatinine_floor.threshold_mg_per_dl, 0.7);
        assert_eq!(data.gfr_cap.ml_per_min, 125.0);
        let limit = |drug: &str| {
            data.checks
                .iter()
                .find(|c| c.drug == drug)
                .map(|c| c.below_ml_per_min)
        };
        assert_eq!(limit("pemetrexed"), Some(45.0));
        assert_eq!(limit("cisplatin"), Some(60.0));
        assert_eq!(limit("carboplatin"), Some(60.0));
        for check in data.checks.iter() {
            for s in check.sources.iter() {
                assert!(
                    crate::sources::document(&s.document).is_some(),
                    "{}",
                    s.document
                );
                assert!(page(&s.document).is_some(), "{}", s.document);
                assert!(s.as_printed.as_deref().is_some_and(|q| !q.is_empty()));
            }
        }
    }
}

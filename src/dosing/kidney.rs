//! Kidney function: Cockcroft-Gault creatinine clearance (with the creatinine floor), a
//! measured GFR, and the partners' kidney limits from their labels and guidelines
//! (data/kidney.json, each limit with the words of its source).

use crate::format::{self, Quantity};
use crate::i18n::{Lang, Text};
use crate::inputs::dose as input;
use crate::messages::{Arg, Code, Message};
use crate::results::{Reason, ResultId};
use crate::sources::{document_name, Source};
use crate::tr;

use super::checks::{need, Val};
use super::formulas;
use super::regimens::{DoseBasis, Regimen};
use super::report::DoseReport;
use super::request::{CrclWeight, DoseRequest};
use super::units::{CreatinineUnit, UMOL_PER_L_PER_MG_PER_DL};

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
                        .arg("creatinine", creatinine(scr_measured, request.creatinine_unit))
                        .arg("floor", creatinine(f, request.creatinine_unit))
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
                let estimated_gfr_used = gfr == Val::Absent;
                let inputs = CockcroftGaultInputs {
                    age_years,
                    weight_kg: w,
                    scr_mg_dl: scr_measured,
                    unit: request.creatinine_unit,
                    sex,
                };
                below_floor(r, regimen, &inputs, crcl, estimated_gfr_used);
            }
            Some(crcl)
        }
        Err(reason) => {
            r.missing(ResultId::CrclMlMin, reason);
            None
        }
    };
    // A measured GFR given but not usable (or not yet confirmed) is never replaced by the
    // estimate: what needs kidney function waits for it.
    r.kidney_function_ml_min = match gfr {
        Val::Absent => crcl,
        Val::Ok(measured) => Some(measured),
        other => {
            r.kidney_function_missing = need([(&input::GFR, other)]).err();
            None
        }
    };
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
                // No BMI yet: what it waits for (a height absent, or awaiting confirmation).
                (None, _) => Err(match r.reason(ResultId::Bmi) {
                    Reason::Needs(mut lacking) => {
                        if request.sex.is_none() {
                            lacking.push(&input::SEX);
                        }
                        Reason::Needs(lacking)
                    }
                    other => other,
                }),
                // BMI >= 25 but no ideal body weight: it needs the sex, or the height is
                // below the Devine formula's reach.
                (Some(_), None) if request.sex.is_none() => Err(Reason::Needs(vec![&input::SEX])),
                (Some(_), None) => Err(Reason::Because(tr!(
                    "the Devine ideal body weight is not positive at this height, so there is no adjusted body weight",
                    "在此身高下 Devine 理想体重不为正值，无法计算校正体重"
                ))),
            }
        }
    }
}

/// What went into Cockcroft-Gault: the creatinine as measured (before any floor) and the unit
/// it was typed in.
struct CockcroftGaultInputs {
    age_years: f64,
    weight_kg: f64,
    scr_mg_dl: f64,
    unit: CreatinineUnit,
    sex: super::units::Sex,
}

/// `scr-below-floor`: creatinine under 0.7 mg/dL with no floor chosen, with the carboplatin
/// dose as typed and at 0.7 mg/dL (or the clearance, when no carboplatin is dosed from it).
fn below_floor(
    r: &mut DoseReport,
    regimen: Option<&'static Regimen>,
    cg: &CockcroftGaultInputs,
    crcl: f64,
    estimated_gfr_used: bool,
) {
    let floor = &kidney_data().creatinine_floor;
    let scr = cg.scr_mg_dl;
    if scr >= floor.threshold_mg_per_dl {
        return;
    }
    let crcl_floor = formulas::creatinine_clearance_cockcroft_gault_ml_min(
        cg.age_years,
        cg.weight_kg,
        floor.threshold_mg_per_dl,
        cg.sex,
    );
    let carboplatin_auc = regimen.and_then(|g| {
        g.partners
            .iter()
            .find(|p| p.basis == DoseBasis::CarboplatinAuc)
            .map(|p| r.inputs.carboplatin_auc.or(p.carboplatin_auc))
    });
    let consequence = match carboplatin_auc {
        Some(Some(auc)) if estimated_gfr_used => {
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
                    ("floor", creatinine(floor.threshold_mg_per_dl, cg.unit).into()),
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
                ("floor", creatinine(floor.threshold_mg_per_dl, cg.unit).into()),
            ],
        ),
    };
    r.warnings.push(
        Message::new(
            Code::ScrBelowFloor,
            tr!(
                "Serum creatinine {creatinine} is below {floor} and no floor is chosen: Cockcroft-Gault may overestimate kidney function (creatinine measured by IDMS reads low at such values). {consequence} Choose a floor under “Lowest creatinine used in Cockcroft-Gault”, or enter a measured GFR. {quote}",
                "血清肌酐 {creatinine} 低于 {floor}，且未设下限：Cockcroft-Gault 公式可能高估肾功能（IDMS 法测得的肌酐在此范围偏低）。{consequence}请在“Cockcroft-Gault 公式中使用的最低肌酐值”中选择下限，或输入实测 GFR。{quote}"
            ),
        )
        .at(input::SCR.name)
        .arg("creatinine", creatinine(scr, cg.unit))
        .arg("floor", creatinine(floor.threshold_mg_per_dl, cg.unit))
        .arg("consequence", consequence)
        .arg("quote", quote(floor.sources.first()))
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
        match r.kidney_function() {
            Ok(kidney) if kidney < check.below_ml_per_min => {
                let (field, measure) = if r.inputs.measured_gfr_ml_min.is_some() {
                    (input::GFR.name, tr!("measured GFR", "实测 GFR"))
                } else {
                    (
                        input::SCR.name,
                        tr!(
                            "creatinine clearance (Cockcroft-Gault)",
                            "肌酐清除率（Cockcroft-Gault）"
                        ),
                    )
                };
                let message = Message::new(
                    code,
                    tr!(
                        "{medicine}: {measure} {kidney} is below {limit}. {reading} {quote}",
                        "{medicine}：{measure} {kidney} 低于 {limit}。{reading}{quote}"
                    ),
                )
                .at(field)
                .arg("medicine", super::drugs::name(&check.drug))
                .arg("measure", measure)
                .arg("kidney", ml_min(kidney))
                .arg("limit", ml_min(check.below_ml_per_min))
                .arg("reading", Arg::Data(check.reading.to_string()))
                .arg("quote", quote(check.sources.first()))
                .sources(check.sources.iter());
                r.warnings.push(message);
            }
            Ok(_) => {}
            Err(reason) => {
                r.notes.push(
                    Message::new(
                        Code::RenalCheckNotRun,
                        tr!(
                            "{medicine}: the kidney check (below {limit}) could not run. {reason} Or enter a measured GFR.",
                            "{medicine}：无法进行肾功能核查（低于 {limit}）。{reason}或输入实测 GFR。"
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

/// A source's words as printed, with where they are printed:
/// `the pemetrexed label, 2.3 Renal Impairment: “There is no recommended dose …”`.
fn quote(source: Option<&'static Source>) -> Arg {
    let Some((s, words)) = source.and_then(|s| Some((s, s.as_printed.as_deref()?))) else {
        return Arg::Plain(String::new());
    };
    Arg::Filled(
        Text::new("{document}, {section}: “{words}”"),
        vec![
            ("document", Arg::Text(document_name(&s.document))),
            ("section", Arg::Plain(s.section.to_string())),
            ("words", Arg::Plain(words.to_string())),
        ],
    )
}

/// A creatinine in the unit the user chose; a value in µmol/L has its mg/dL beside it (the
/// floor and Cockcroft-Gault are in mg/dL).
fn creatinine(mg_dl: f64, unit: CreatinineUnit) -> String {
    match unit {
        CreatinineUnit::MgDl => mg_per_dl(mg_dl),
        CreatinineUnit::Umol => format!(
            "{} ({})",
            format::with_unit(
                mg_dl * UMOL_PER_L_PER_MG_PER_DL,
                Quantity::UmolPerL,
                Lang::En
            ),
            mg_per_dl(mg_dl)
        ),
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

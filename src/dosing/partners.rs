//! The chemotherapy and antibody partners of a regimen: mg/m² by BSA, mg/kg by weight,
//! carboplatin by Calvert (AUC × (GFR + 25), an estimated GFR capped at 125 mL/min, a
//! measured one not).

use crate::format::{self, Quantity};
use crate::i18n::Lang;
use crate::inputs::dose as input;
use crate::messages::{Code, Message};
use crate::results::{Reason, ResultId};
use crate::tr;

use super::checks::{self, need, Val};
use super::drugs;
use super::formulas;
use super::kidney::kidney_data;
use super::regimens::{DoseBasis, Partner, Regimen};
use super::report::{DoseReport, PartnerDose};
use super::request::{DoseRequest, ValueOrigin};

/// Every partner's dose, and notes on alternatives and typed doses.
pub fn partners(
    r: &mut DoseReport,
    request: &DoseRequest,
    regimen: &'static Regimen,
    weight: Val,
    auc: Val,
) {
    for drug in request.partner_mg_per_m2.keys() {
        let is_bsa_partner = regimen
            .partners
            .iter()
            .any(|p| *p.drug == **drug && p.basis == DoseBasis::MgPerM2);
        if !is_bsa_partner {
            r.notes.push(
                Message::new(
                    Code::PartnerDoseIgnored,
                    tr!(
                        "A mg/m² was entered for {medicine}, which is not a mg/m² partner in {scheme}; it was not used.",
                        "为 {medicine} 输入了 mg/m² 剂量，但它不是 {scheme} 中按 mg/m² 给药的联合用药；未使用该值。"
                    ),
                )
                .arg("medicine", drugs::name(drug))
                .arg("scheme", crate::messages::Arg::Data(regimen.name.to_string())),
            );
        }
    }
    let mut groups_noted: Vec<&str> = Vec::new();
    for partner in regimen.partners.iter() {
        let dose = partner_dose(r, request, partner, weight, auc);
        if let Some(group) = partner.choice_group.as_deref() {
            if !groups_noted.contains(&group) {
                groups_noted.push(group);
                let names: Vec<crate::messages::Arg> = regimen
                    .partners
                    .iter()
                    .filter(|p| p.choice_group.as_deref() == Some(group))
                    .map(|p| drugs::name(&p.drug))
                    .collect();
                r.notes.push(
                    Message::new(
                        Code::PartnerAlternatives,
                        tr!(
                            "One of {names} is given, not both.",
                            "{names} 二者择一给药，不同时使用。"
                        ),
                    )
                    .arg("names", crate::messages::Arg::Join(names)),
                );
            }
        }
        r.partners.push(dose);
    }
}

fn partner_dose(
    r: &mut DoseReport,
    request: &DoseRequest,
    partner: &'static Partner,
    weight: Val,
    auc: Val,
) -> PartnerDose {
    let mut dose = PartnerDose {
        drug: partner.drug.to_string(),
        basis: partner.basis,
        mg_per_m2: None,
        carboplatin_auc: None,
        mg_per_kg: None,
        origin: None,
        mg: None,
        missing: None,
        days: partner.days.clone().map(|d| d.to_vec()),
        cycle_days: partner.cycle_days,
        choice_group: partner.choice_group.as_ref().map(|g| g.to_string()),
        note: partner.note.as_ref().map(|n| n.to_string()),
        sources: partner.sources.iter().collect(),
    };
    match partner.basis {
        DoseBasis::MgPerM2 => by_bsa(r, request, partner, &mut dose),
        DoseBasis::MgPerKg => {
            dose.mg_per_kg = partner.mg_per_kg;
            dose.origin = partner.mg_per_kg.map(|_| ValueOrigin::Regimen);
            match (partner.mg_per_kg, need([(&input::WEIGHT, weight)])) {
                (Some(per_kg), Ok([w])) => dose.mg = Some(per_kg * w),
                (None, _) => {
                    dose.missing = Some(Reason::Because(tr!(
                        "the sources do not give this dose",
                        "来源未给出此剂量"
                    )))
                }
                (_, Err(reason)) => dose.missing = Some(reason),
            }
        }
        DoseBasis::CarboplatinAuc => calvert(r, request, &mut dose, auc),
    }
    dose
}

fn by_bsa(r: &mut DoseReport, request: &DoseRequest, partner: &Partner, dose: &mut PartnerDose) {
    let param = format!("{}{}", input::PARTNER_MG_PER_M2.name, partner.drug);
    let entered = request.partner_mg_per_m2.get(&*partner.drug).copied();
    let mg_per_m2 = match (entered, partner.mg_per_m2) {
        (Some(value), source_value) => {
            match checks::number(
                r,
                request,
                &input::PARTNER_MG_PER_M2,
                &param,
                Some(value),
                "",
            ) {
                Val::Ok(v) => {
                    dose.origin = Some(ValueOrigin::Entered);
                    if let Some(s) = source_value {
                        if (s - v).abs() > 1e-9 {
                            r.notes.push(
                                Message::new(
                                    Code::PartnerDoseDiffersFromSource,
                                    tr!(
                                        "{medicine}: {entered} entered; the source gives {source}.",
                                        "{medicine}：输入为 {entered}；来源给出的是 {source}。"
                                    ),
                                )
                                .arg("medicine", drugs::name(&partner.drug))
                                .arg("entered", format::with_unit(v, Quantity::MgPerM2, Lang::En))
                                .arg("source", format::with_unit(s, Quantity::MgPerM2, Lang::En)),
                            );
                        }
                    }
                    Val::Ok(v)
                }
                other => {
                    dose.origin = Some(ValueOrigin::Entered);
                    other
                }
            }
        }
        (None, Some(s)) => {
            dose.origin = Some(ValueOrigin::Regimen);
            Val::Ok(s)
        }
        (None, None) => {
            r.notes.push(
                Message::new(
                    Code::PartnerDoseNotInSources,
                    tr!(
                        "{medicine}: the sources do not give its dose; enter the mg/m² as ordered.",
                        "{medicine}：来源未给出其剂量；请按医嘱输入 mg/m²。"
                    ),
                )
                .arg("medicine", drugs::name(&partner.drug)),
            );
            dose.missing = Some(Reason::Because(tr!(
                "the sources do not give this dose: enter the mg/m² as ordered",
                "来源未给出此剂量：请按医嘱输入 mg/m²"
            )));
            return;
        }
    };
    dose.mg_per_m2 = mg_per_m2.usable();
    match mg_per_m2 {
        Val::Ok(m2) => match r.bsa_m2 {
            Some(bsa) => dose.mg = Some(formulas::dose_by_bsa_mg(m2, bsa)),
            None => dose.missing = Some(r.reason(ResultId::BsaM2)),
        },
        Val::Held(_) => {
            dose.missing = Some(Reason::AwaitsConfirmation(vec![&input::PARTNER_MG_PER_M2]))
        }
        _ => {
            dose.missing = Some(Reason::Because(tr!(
                "the mg/m² entered cannot be used",
                "输入的 mg/m² 无法使用"
            )))
        }
    }
}

fn calvert(r: &mut DoseReport, request: &DoseRequest, dose: &mut PartnerDose, auc: Val) {
    dose.carboplatin_auc = auc.usable();
    dose.origin = r.inputs.carboplatin_auc_origin;
    let measured = r.inputs.measured_gfr_ml_min.is_some() && r.kidney_function_ml_min.is_some();
    let kidney = match (r.kidney_function_ml_min, measured) {
        (Some(k), _) => Ok(k),
        (None, _) => Err(r.reason(ResultId::CrclMlMin)),
    };
    let auc_value = match auc {
        Val::Absent if request.carboplatin_auc.is_none() => {
            r.notes.push(Message::new(
                Code::CarboplatinAucNotInSources,
                tr!(
                    "Carboplatin: the sources do not give the target AUC for this regimen; enter it as ordered.",
                    "卡铂：来源未给出此方案的目标 AUC；请按医嘱输入。"
                ),
            ));
            Err(Reason::Because(tr!(
                "the sources do not give the AUC: enter it as ordered",
                "来源未给出 AUC：请按医嘱输入"
            )))
        }
        other => need([(&input::AUC, other)]).map(|[a]| a),
    };
    let (auc_value, kidney) = match (auc_value, kidney) {
        (Ok(a), Ok(k)) => (a, k),
        (Err(reason), _) | (_, Err(reason)) => {
            r.missing(ResultId::CarboplatinMg, reason.clone());
            dose.missing = Some(reason);
            return;
        }
    };
    let cap = kidney_data().gfr_cap.ml_per_min;
    let calvert = formulas::carboplatin_calvert(auc_value, kidney, (!measured).then_some(cap));
    let cited = kidney_data().gfr_cap.sources.iter();
    r.notes.push(if measured {
        Message::new(
            Code::CalvertGfr,
            tr!(
                "Calvert uses the measured GFR, {filtration}, not capped (a cap applies to an estimated GFR).",
                "Calvert 公式使用实测 GFR {filtration}，不设上限（上限仅适用于估算的 GFR）。"
            ),
        )
        .arg("filtration", format::with_unit(kidney, Quantity::MlPerMin, Lang::En))
        .sources(cited)
    } else {
        Message::new(
            Code::CalvertGfr,
            tr!(
                "Calvert uses the Cockcroft-Gault creatinine clearance, {filtration}, as the GFR.",
                "Calvert 公式以 Cockcroft-Gault 肌酐清除率 {filtration} 作为 GFR。"
            ),
        )
        .arg("filtration", format::with_unit(kidney, Quantity::MlPerMin, Lang::En))
    });
    if calvert.gfr_cap_applied {
        r.notes.push(
            Message::new(
                Code::GfrCapApplied,
                tr!(
                    "GFR capped at {cap} (estimate {filtration}): carboplatin {dose} = AUC {target} × ({cap_number} + 25).",
                    "GFR 上限取 {cap}（估算值 {filtration}）：卡铂 {dose} = AUC {target} ×（{cap_number} + 25）。"
                ),
            )
            .arg("cap", format::with_unit(cap, Quantity::MlPerMin, Lang::En))
            .arg("cap_number", format::number(cap, Quantity::MlPerMin))
            .arg("filtration", format::with_unit(kidney, Quantity::MlPerMin, Lang::En))
            .arg("dose", format::with_unit(calvert.dose_mg, Quantity::Mg, Lang::En))
            .arg("target", format::number(auc_value, Quantity::Auc))
            .sources(kidney_data().gfr_cap.sources.iter()),
        );
    }
    dose.mg = Some(calvert.dose_mg);
    r.carboplatin_mg = Some(calvert.dose_mg);
    r.carboplatin = Some(calvert);
}

//! The worked arithmetic of the dose view: each formula with this patient's numbers put in.
//! Numbers and symbols read the same in every language; the titles are translated. A plain
//! function of a [`DoseReport`], tested natively.

use crate::dosing::formulas::COCKCROFT_GAULT_FEMALE_FACTOR;
use crate::dosing::units::{KG_PER_LB, UMOL_PER_L_PER_MG_PER_DL};
use crate::dosing::{
    drugs, BsaFormula, CrclWeight, CreatinineUnit, DoseBasis, DoseReport, HeightUnit, Sex,
    WeightUnit,
};
use crate::format::significant;
use crate::i18n::{Lang, Text};
use crate::tr;

/// A number as shown in worked arithmetic: four significant figures.
pub fn num(value: f64) -> String {
    significant(value, 4)
}

/// One formula: what it computes and the arithmetic with this patient's numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Worked {
    pub title: Text,
    pub text: String,
}

fn worked(title: Text, text: String) -> Worked {
    Worked { title, text }
}

fn drug_label(drug: &str, lang: Lang) -> String {
    match drugs::label(drug) {
        Some(label) => label.get(lang).to_string(),
        None => drugs::capitalised(drug),
    }
}

/// Every formula the report used, with its numbers (and its few words in `lang`).
pub fn worked_formulas(report: &DoseReport, lang: Lang) -> Vec<Worked> {
    let i = &report.inputs;
    let mut out = Vec::new();
    if let (WeightUnit::Lb, Some(lb), Some(kg)) = (i.weight_unit, i.weight, report.weight_kg) {
        out.push(worked(
            tr!("Weight", "体重"),
            format!("{} lb × {KG_PER_LB} kg/lb = {} kg", num(lb), num(kg)),
        ));
    }
    if let (Some(mgkg), Some(kg), Some(dose)) = (i.mg_per_kg, report.weight_kg, report.dose_mg) {
        out.push(worked(
            tr!("Dose", "剂量"),
            format!("{} mg/kg × {} kg = {} mg", num(mgkg), num(kg), num(dose)),
        ));
    }
    if let (Some(r), Some(ordered)) = (&report.rounding, report.dose_mg) {
        if r.tolerance_percent > 0.0 {
            out.push(worked(
                tr!("Rounding to whole vials", "按整瓶取整"),
                format!(
                    "{}: ({} − {}) ÷ {} × 100 = {:+.2} % (±{} %) {}",
                    tr!(
                        "nearest whole-vial dose {dose} mg",
                        "最接近的整瓶剂量 {dose} mg"
                    )
                    .fill(lang, &[("dose", &num(r.nearest_whole_vial_mg))]),
                    num(r.nearest_whole_vial_mg),
                    num(ordered),
                    num(ordered),
                    r.difference_percent,
                    r.tolerance_percent,
                    if r.within_tolerance && r.difference_percent != 0.0 {
                        "✓"
                    } else if r.difference_percent == 0.0 {
                        "="
                    } else {
                        "✗"
                    }
                ),
            ));
        }
    }
    if let (Some(dose), Some(vial), Some(vials)) = (report.dose_final_mg, i.vial_mg, report.vials) {
        out.push(worked(
            tr!("Vials", "瓶数"),
            format!("⌈{} mg ÷ {} mg⌉ = {vials}", num(dose), num(vial)),
        ));
        if let Some(waste) = report.waste_mg {
            out.push(worked(
                tr!("Waste", "浪费量"),
                format!(
                    "{vials} × {} mg − {} mg = {} mg",
                    num(vial),
                    num(dose),
                    num(waste)
                ),
            ));
        }
    }
    if let (Some(dose), Some(conc), Some(volume)) = (
        report.dose_final_mg,
        i.concentration_mg_per_ml,
        report.volume_ml,
    ) {
        out.push(worked(
            tr!("Volume", "体积"),
            format!(
                "{} mg ÷ {} mg/mL = {} mL",
                num(dose),
                num(conc),
                num(volume)
            ),
        ));
    }
    if let (Some(dose), Some(kg), Some(given)) = (
        report.dose_final_mg,
        report.weight_kg,
        report.mg_per_kg_given,
    ) {
        out.push(worked(
            tr!("mg/kg given", "实际给予 mg/kg"),
            format!("{} mg ÷ {} kg = {} mg/kg", num(dose), num(kg), num(given)),
        ));
    }
    if let (HeightUnit::In, Some(inches), Some(cm)) = (i.height_unit, i.height, report.height_cm) {
        out.push(worked(
            tr!("Height", "身高"),
            format!("{} in × 2.54 cm/in = {} cm", num(inches), num(cm)),
        ));
    }
    if let (Some(h), Some(w), Some(bsa)) = (report.height_cm, report.weight_kg, report.bsa_m2) {
        let text = match i.bsa_formula {
            BsaFormula::Mosteller => format!(
                "Mosteller: √({} cm × {} kg ÷ 3600) = {} m²",
                num(h),
                num(w),
                num(bsa)
            ),
            BsaFormula::DuBois => format!(
                "Du Bois: 0.007184 × {}^0.425 × {}^0.725 = {} m²",
                num(w),
                num(h),
                num(bsa)
            ),
        };
        out.push(worked(tr!("Body surface area", "体表面积"), text));
    }
    if let (Some(h), Some(w), Some(bmi)) = (report.height_cm, report.weight_kg, report.bmi_kg_m2) {
        out.push(worked(
            tr!("BMI", "BMI"),
            format!(
                "{} kg ÷ ({} m)² = {} kg/m²",
                num(w),
                num(h / 100.0),
                num(bmi)
            ),
        ));
    }
    if let (CreatinineUnit::Umol, Some(umol), Some(mgdl)) = (
        i.creatinine_unit,
        i.serum_creatinine,
        i.serum_creatinine_mg_per_dl,
    ) {
        out.push(worked(
            tr!("Serum creatinine", "血清肌酐"),
            format!(
                "{} µmol/L ÷ {UMOL_PER_L_PER_MG_PER_DL} = {} mg/dL",
                num(umol),
                num(mgdl)
            ),
        ));
    }
    if let (CrclWeight::Adjusted, Some(ibw), Some(adjusted), Some(actual)) = (
        i.crcl_weight,
        report.ideal_body_weight_kg,
        report.adjusted_body_weight_kg,
        report.weight_kg,
    ) {
        out.push(worked(
            tr!("Adjusted body weight", "校正体重"),
            format!(
                "IBW {} kg + 0.4 × ({} − {}) kg = {} kg",
                num(ibw),
                num(actual),
                num(ibw),
                num(adjusted)
            ),
        ));
    }
    if let (Some(age), Some(sex), Some(w), Some(scr), Some(crcl)) = (
        i.age_years,
        i.sex,
        report.crcl_weight_kg,
        report.crcl_scr_mg_per_dl,
        report.crcl_ml_min,
    ) {
        let female = match sex {
            Sex::Female => format!(" × {COCKCROFT_GAULT_FEMALE_FACTOR}"),
            Sex::Male => String::new(),
        };
        out.push(worked(
            tr!("Creatinine clearance", "肌酐清除率"),
            format!(
                "Cockcroft-Gault: (140 − {}) × {} kg ÷ (72 × {} mg/dL){female} = {} mL/min",
                num(age),
                num(w),
                num(scr),
                num(crcl)
            ),
        ));
    }
    if let Some(c) = &report.carboplatin {
        let cap = if c.gfr_cap_applied {
            tr!(
                " (GFR {gfr} mL/min capped at 125)",
                "（GFR {gfr} mL/min，上限取 125）"
            )
            .fill(lang, &[("gfr", &num(c.gfr_ml_min))])
        } else {
            String::new()
        };
        out.push(worked(
            tr!("Carboplatin", "卡铂"),
            format!(
                "Calvert: {} × ({} + 25) = {} mg{cap}",
                num(c.auc_mg_ml_min),
                num(c.gfr_used_ml_min),
                num(c.dose_mg)
            ),
        ));
    }
    for p in &report.partners {
        if let (DoseBasis::MgPerM2, Some(m2), Some(bsa), Some(mg)) =
            (p.basis, p.mg_per_m2, report.bsa_m2, p.mg)
        {
            out.push(worked(
                tr!("Partner by BSA", "按体表面积计算的联合用药"),
                format!(
                    "{}: {} mg/m² × {} m² = {} mg",
                    drug_label(&p.drug, lang),
                    num(m2),
                    num(bsa),
                    num(mg)
                ),
            ));
        }
        if let (DoseBasis::MgPerKg, Some(per_kg), Some(kg), Some(mg)) =
            (p.basis, p.mg_per_kg, report.weight_kg, p.mg)
        {
            out.push(worked(
                tr!("Partner by weight", "按体重计算的联合用药"),
                format!(
                    "{}: {} mg/kg × {} kg = {} mg",
                    drug_label(&p.drug, lang),
                    num(per_kg),
                    num(kg),
                    num(mg)
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dosing::{calculate, DoseRequest};

    #[test]
    fn worked_arithmetic_for_the_contract_example() {
        // 20 mg/kg × 72.5 kg = 1450 mg; ⌈1450 / 100⌉ = 15 vials; 15 × 100 − 1450 = 50 mg;
        // 1450 / 10 = 145 mL.
        let report = calculate(&DoseRequest {
            weight: Some(72.5),
            ..DoseRequest::default()
        });
        let texts: Vec<String> = worked_formulas(&report, Lang::En)
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert!(
            texts.contains(&"20 mg/kg × 72.5 kg = 1450 mg".to_string()),
            "{texts:?}"
        );
        assert!(texts.contains(&"⌈1450 mg ÷ 100 mg⌉ = 15".to_string()));
        assert!(texts.contains(&"15 × 100 mg − 1450 mg = 50 mg".to_string()));
        assert!(texts.contains(&"1450 mg ÷ 10 mg/mL = 145 mL".to_string()));
    }

    #[test]
    fn worked_arithmetic_for_carboplatin() {
        // Man, 60 y, 70 kg, 170 cm, SCr 1.0 mg/dL:
        // CrCl = (140 − 60) × 70 / (72 × 1) = 5600 / 72 = 77.78 mL/min;
        // Calvert 5 × (77.78 + 25) = 513.9 mg; BSA √(170 × 70 / 3600) = √3.3056 = 1.818 m²;
        // pemetrexed 500 × 1.818 = 909.1 mg.
        let report = calculate(&DoseRequest {
            weight: Some(70.0),
            height: Some(170.0),
            age_years: Some(60.0),
            sex: Some(Sex::Male),
            serum_creatinine: Some(1.0),
            regimen: Some("ivo-pem-carbo".into()),
            ..DoseRequest::default()
        });
        let texts: Vec<String> = worked_formulas(&report, Lang::En)
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert!(
            texts.contains(
                &"Cockcroft-Gault: (140 − 60) × 70 kg ÷ (72 × 1 mg/dL) = 77.78 mL/min".to_string()
            ),
            "{texts:?}"
        );
        assert!(texts.contains(&"Calvert: 5 × (77.78 + 25) = 513.9 mg".to_string()));
        assert!(texts.contains(&"Mosteller: √(170 cm × 70 kg ÷ 3600) = 1.818 m²".to_string()));
        assert!(texts.contains(&"Pemetrexed: 500 mg/m² × 1.818 m² = 909.1 mg".to_string()));
    }
}

//! Words and worked arithmetic for the dose view: each formula with the numbers put in, why
//! a result is missing, and source citations. Plain functions of a [`DoseReport`], tested
//! natively.

use crate::dosing::formulas::COCKCROFT_GAULT_FEMALE_FACTOR;
use crate::dosing::units::{KG_PER_LB, UMOL_PER_L_PER_MG_PER_DL};
use crate::dosing::{
    BsaFormula, CrclWeight, CreatinineUnit, DoseBasis, DoseReport, HeightUnit, PartnerDose, Sex,
    WeightUnit,
};
use crate::i18n::Lang;
use crate::sources::Source;
use crate::widgets::result::format_significant;

/// A number as shown in worked arithmetic: four significant figures.
pub fn num(value: f64) -> String {
    format_significant(value, 4)
}

/// One formula: what it computes and the arithmetic with this patient's numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Worked {
    pub title: &'static str,
    pub text: String,
}

fn worked(title: &'static str, text: String) -> Worked {
    Worked { title, text }
}

/// A drug name as a heading: `nab-paclitaxel` -> `Nab-paclitaxel`.
pub fn drug_label(drug: &str) -> String {
    let mut chars = drug.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Every formula the report used, with its numbers.
pub fn worked_formulas(report: &DoseReport) -> Vec<Worked> {
    let i = &report.inputs;
    let mut out = Vec::new();
    if let (WeightUnit::Lb, Some(lb), Some(kg)) = (i.weight_unit, i.weight, report.weight_kg) {
        out.push(worked(
            "Weight",
            format!("{} lb × {KG_PER_LB} kg/lb = {} kg", num(lb), num(kg)),
        ));
    }
    if let (Some(mgkg), Some(kg), Some(dose)) = (i.mg_per_kg, report.weight_kg, report.dose_mg) {
        out.push(worked(
            "Dose",
            format!("{} mg/kg × {} kg = {} mg", num(mgkg), num(kg), num(dose)),
        ));
    }
    if let (Some(r), Some(ordered)) = (&report.rounding, report.dose_mg) {
        if r.tolerance_percent > 0.0 {
            out.push(worked(
                "Rounding to whole vials",
                format!(
                    "nearest whole-vial dose {} mg: ({} − {}) ÷ {} × 100 = {:+.2} % \
                     (tolerance ±{} %): {}",
                    num(r.nearest_whole_vial_mg),
                    num(r.nearest_whole_vial_mg),
                    num(ordered),
                    num(ordered),
                    r.difference_percent,
                    r.tolerance_percent,
                    if r.within_tolerance && r.difference_percent != 0.0 {
                        "rounded"
                    } else if r.difference_percent == 0.0 {
                        "already whole vials"
                    } else {
                        "not rounded"
                    }
                ),
            ));
        }
    }
    if let (Some(dose), Some(vial), Some(vials)) = (report.dose_final_mg, i.vial_mg, report.vials) {
        out.push(worked(
            "Vials",
            format!("⌈{} mg ÷ {} mg⌉ = {vials}", num(dose), num(vial)),
        ));
        if let Some(waste) = report.waste_mg {
            out.push(worked(
                "Waste",
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
            "Volume",
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
            "mg/kg given",
            format!("{} mg ÷ {} kg = {} mg/kg", num(dose), num(kg), num(given)),
        ));
    }
    if let (HeightUnit::In, Some(inches), Some(cm)) = (i.height_unit, i.height, report.height_cm) {
        out.push(worked(
            "Height",
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
        out.push(worked("Body surface area", text));
    }
    if let (Some(h), Some(w), Some(bmi)) = (report.height_cm, report.weight_kg, report.bmi_kg_m2) {
        out.push(worked(
            "BMI",
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
            "Serum creatinine",
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
            "Adjusted body weight",
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
        i.serum_creatinine_mg_per_dl,
        report.crcl_ml_min,
    ) {
        let female = match sex {
            Sex::Female => format!(" × {COCKCROFT_GAULT_FEMALE_FACTOR}"),
            Sex::Male => String::new(),
        };
        out.push(worked(
            "Creatinine clearance",
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
            format!(" (GFR {} mL/min capped at 125)", num(c.gfr_ml_min))
        } else {
            String::new()
        };
        out.push(worked(
            "Carboplatin",
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
                "Partner by BSA",
                format!(
                    "{}: {} mg/m² × {} m² = {} mg",
                    drug_label(&p.drug),
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
                "Partner by weight",
                format!(
                    "{}: {} mg/kg × {} kg = {} mg",
                    drug_label(&p.drug),
                    num(per_kg),
                    num(kg),
                    num(mg)
                ),
            ));
        }
    }
    out
}

/// Input names in the domain's "needs a usable ..." reasons, in the reader's words.
fn reader_words(reason: &str) -> String {
    let words: Vec<String> = reason
        .split(", ")
        .map(|part| {
            part.split(' ')
                .map(|w| match w {
                    "mgkg" => "dose (mg/kg)",
                    "scr" => "serum creatinine",
                    "conc" => "concentration",
                    "auc" => "target AUC",
                    "vial" => "vial content",
                    other => other,
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    words.join(", ")
}

/// Why a result (the report's name: `dose_mg`, `bsa_m2`, ...) is absent, in the reader's words.
pub fn missing_reason(report: &DoseReport, result: &str) -> String {
    match report.missing.iter().find(|m| m.result == result) {
        Some(m) => format!("Not calculated: {}.", reader_words(&m.reason)),
        None => "Not calculated.".to_string(),
    }
}

/// Why a partner's dose is absent.
pub fn partner_missing(partner: &PartnerDose) -> String {
    match &partner.missing {
        Some(reason) => format!("Not calculated: {}.", reader_words(reason)),
        None => "Not calculated.".to_string(),
    }
}

/// "Vallathol et al. 2025, Dose and Administration" (the document and its place, without the
/// quotation).
pub fn short_cite(source: &Source) -> String {
    source.short(Lang::En)
}

/// Short citations of a list of sources, each once, joined by "; ".
pub fn short_cites(sources: &[Source]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for s in sources {
        let c = short_cite(s);
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.join("; ")
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
        let texts: Vec<String> = worked_formulas(&report)
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
        let texts: Vec<String> = worked_formulas(&report)
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

    #[test]
    fn missing_reasons_use_the_readers_words() {
        let report = calculate(&DoseRequest::default());
        assert_eq!(
            missing_reason(&report, "dose_mg"),
            "Not calculated: needs a usable weight."
        );
        let report = calculate(&DoseRequest {
            weight: Some(70.0),
            mg_per_kg: Some(f64::NAN),
            ..DoseRequest::default()
        });
        assert_eq!(
            missing_reason(&report, "dose_mg"),
            "Not calculated: needs a usable dose (mg/kg)."
        );
    }
}

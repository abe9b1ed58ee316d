//! Plain-text rendering of a dose report: "copy as text" and the printed dose sheet
//! (inputs, results, formulas, warnings, notes, sources).

use std::fmt::Write;

use super::calculate::{CrclWeight, DoseReport, ValueOrigin};
use super::formulas::{fmt_num, RoundingTolerance};
use super::regimens::{self, DoseBasis};
use crate::i18n::Lang;
use crate::sources::Source;

fn opt(value: Option<f64>, unit: &str) -> String {
    match value {
        Some(v) => format!("{} {unit}", fmt_num(v)),
        None => "not calculated".to_string(),
    }
}

fn origin(origin: Option<ValueOrigin>) -> &'static str {
    match origin {
        Some(ValueOrigin::Entered) => "entered",
        Some(ValueOrigin::LabelDefault) => "label default",
        Some(ValueOrigin::Regimen) => "from the regimen's source",
        None => "",
    }
}

/// The report as plain text. `stamp` is put under the title (the caller's date and time;
/// the domain has no clock). The app version is added from the build.
pub fn render_text(report: &DoseReport, stamp: &str) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = write_report(&mut out, report, stamp);
    out
}

fn write_report(out: &mut String, report: &DoseReport, stamp: &str) -> std::fmt::Result {
    let i = &report.inputs;
    writeln!(
        out,
        "ivonescimab dose sheet (ivocalc {})",
        env!("CARGO_PKG_VERSION")
    )?;
    if !stamp.is_empty() {
        writeln!(out, "{stamp}")?;
    }
    writeln!(out)?;

    writeln!(out, "INPUTS")?;
    match (i.weight, report.weight_kg) {
        (Some(w), Some(kg)) if i.weight_unit.code() != "kg" => writeln!(
            out,
            "  Weight: {} {} = {} kg",
            fmt_num(w),
            i.weight_unit.code(),
            fmt_num(kg)
        )?,
        _ => writeln!(out, "  Weight: {}", opt(report.weight_kg, "kg"))?,
    }
    writeln!(
        out,
        "  Ivonescimab: {} ({}), every {} ({})",
        opt(i.mg_per_kg, "mg/kg"),
        origin(i.mg_per_kg_origin),
        i.every_weeks
            .map(|w| format!("{w} weeks"))
            .unwrap_or_else(|| "not usable".to_string()),
        origin(i.every_weeks_origin)
    )?;
    writeln!(
        out,
        "  Vial: {} at {} ({})",
        opt(i.vial_mg, "mg"),
        opt(i.concentration_mg_per_ml, "mg/mL"),
        origin(i.vial_origin)
    )?;
    let rounding = match i.rounding {
        RoundingTolerance::Off => "off".to_string(),
        other => format!("to whole vials within {} %", other.percent()),
    };
    writeln!(out, "  Rounding: {rounding}")?;
    if let Some(h) = report.height_cm {
        writeln!(out, "  Height: {} cm", fmt_num(h))?;
    }
    if let Some(age) = i.age_years {
        writeln!(out, "  Age: {} years", fmt_num(age))?;
    }
    if let Some(sex) = i.sex {
        let text = match sex {
            super::units::Sex::Female => "female",
            super::units::Sex::Male => "male",
        };
        writeln!(out, "  Sex: {text}")?;
    }
    if let Some(scr) = i.serum_creatinine_mg_per_dl {
        writeln!(
            out,
            "  Serum creatinine: {} mg/dL ({} µmol/L)",
            fmt_num(scr),
            fmt_num(scr * super::units::UMOL_PER_L_PER_MG_PER_DL)
        )?;
    }
    if let Some(name) = &i.regimen_name {
        writeln!(out, "  Regimen: {name}")?;
    }
    if let Some(auc) = i.carboplatin_auc {
        writeln!(
            out,
            "  Carboplatin target AUC: {} mg/mL·min ({})",
            fmt_num(auc),
            origin(i.carboplatin_auc_origin)
        )?;
    }
    writeln!(out)?;

    writeln!(out, "IVONESCIMAB")?;
    writeln!(out, "  Dose as ordered: {}", opt(report.dose_mg, "mg"))?;
    if let Some(r) = &report.rounding {
        if i.rounding != RoundingTolerance::Off {
            writeln!(out, "  {}", r.statement)?;
        }
    }
    writeln!(out, "  Final dose: {}", opt(report.dose_final_mg, "mg"))?;
    writeln!(
        out,
        "  mg/kg given: {}",
        opt(report.mg_per_kg_given, "mg/kg")
    )?;
    match report.vials {
        Some(v) => writeln!(out, "  Vials to open: {v}")?,
        None => writeln!(out, "  Vials to open: not calculated")?,
    }
    writeln!(out, "  Volume to draw: {}", opt(report.volume_ml, "mL"))?;
    writeln!(out, "  Waste: {}", opt(report.waste_mg, "mg"))?;
    writeln!(out)?;

    if report.bsa_m2.is_some() || report.crcl_ml_min.is_some() || !report.partners.is_empty() {
        writeln!(out, "BODY SIZE AND RENAL FUNCTION")?;
        writeln!(
            out,
            "  BSA ({}): {}",
            i.bsa_formula.code(),
            opt(report.bsa_m2, "m²")
        )?;
        writeln!(out, "  BMI: {}", opt(report.bmi_kg_m2, "kg/m²"))?;
        if report.ideal_body_weight_kg.is_some() {
            writeln!(
                out,
                "  Ideal body weight (Devine): {}",
                opt(report.ideal_body_weight_kg, "kg")
            )?;
            writeln!(
                out,
                "  Adjusted body weight: {}",
                opt(report.adjusted_body_weight_kg, "kg")
            )?;
        }
        let weight_used = match i.crcl_weight {
            CrclWeight::Actual => "actual",
            CrclWeight::Adjusted => "adjusted",
        };
        writeln!(
            out,
            "  Creatinine clearance (Cockcroft-Gault, {weight_used} weight {}): {}",
            opt(report.crcl_weight_kg, "kg"),
            opt(report.crcl_ml_min, "mL/min")
        )?;
        writeln!(out)?;
    }

    if !report.partners.is_empty() {
        writeln!(out, "PARTNERS")?;
        for p in &report.partners {
            let per_unit = match p.basis {
                DoseBasis::MgPerM2 => p
                    .mg_per_m2
                    .map(|v| format!("{} mg/m²", fmt_num(v)))
                    .unwrap_or_else(|| "mg/m² not entered".to_string()),
                DoseBasis::CarboplatinAuc => {
                    let auc = p
                        .carboplatin_auc
                        .map(|a| format!("AUC {}", fmt_num(a)))
                        .unwrap_or_else(|| "AUC not entered".to_string());
                    match &report.carboplatin {
                        Some(c) if c.gfr_cap_applied => format!("{auc}, GFR capped at 125 mL/min"),
                        _ => auc,
                    }
                }
                DoseBasis::MgPerKg => p
                    .mg_per_kg
                    .map(|v| format!("{} mg/kg", fmt_num(v)))
                    .unwrap_or_else(|| "mg/kg not given".to_string()),
            };
            let schedule = match (&p.days, p.cycle_days) {
                (Some(days), Some(cycle)) => {
                    let days: Vec<String> = days.iter().map(|d| d.to_string()).collect();
                    format!(", days {} of {cycle}", days.join(", "))
                }
                (None, Some(cycle)) => format!(", {cycle}-day cycle"),
                _ => String::new(),
            };
            match p.mg {
                Some(mg) => writeln!(
                    out,
                    "  {}: {} mg ({per_unit}{schedule})",
                    p.drug,
                    fmt_num(mg)
                )?,
                None => writeln!(
                    out,
                    "  {}: not calculated: {} ({per_unit})",
                    p.drug,
                    p.missing.as_deref().unwrap_or("missing input")
                )?,
            }
        }
        writeln!(out)?;
    }

    if !report.errors.is_empty() {
        writeln!(out, "INPUTS THAT CANNOT BE USED")?;
        for e in &report.errors {
            writeln!(out, "  [{}] {}", e.field, e.message)?;
        }
        writeln!(out)?;
    }
    if !report.warnings.is_empty() {
        writeln!(out, "WARNINGS")?;
        for w in &report.warnings {
            writeln!(out, "  [{}] {}", w.code, w.message)?;
        }
        writeln!(out)?;
    }
    if !report.notes.is_empty() {
        writeln!(out, "NOTES")?;
        let rounding_statement = report.rounding.as_ref().map(|r| r.statement.as_str());
        for n in &report.notes {
            // The rounding statement is already under IVONESCIMAB.
            if Some(n.message.as_str()) == rounding_statement {
                continue;
            }
            writeln!(out, "  {}", n.message)?;
        }
        writeln!(out)?;
    }
    if !report.label_notes.is_empty() {
        writeln!(out, "ADMINISTRATION")?;
        for n in &report.label_notes {
            writeln!(out, "  {}", n.text)?;
        }
        writeln!(out)?;
    }

    writeln!(out, "FORMULAS")?;
    writeln!(out, "  Dose (mg) = mg/kg x weight (kg)")?;
    writeln!(
        out,
        "  Vials = ceil(dose / vial mg); volume (mL) = dose / concentration (mg/mL); \
         waste (mg) = vials x vial mg - dose"
    )?;
    writeln!(out, "  {}", i.bsa_formula.formula_text())?;
    writeln!(out, "  BMI (kg/m²) = weight kg / (height m)²")?;
    writeln!(
        out,
        "  IBW (Devine, kg) = 50 (male) or 45.5 (female) + 2.3 x (height in - 60); \
         adjusted = IBW + 0.4 x (actual - IBW)"
    )?;
    writeln!(
        out,
        "  CrCl (Cockcroft-Gault, mL/min) = (140 - age) x weight / (72 x SCr mg/dL), x 0.85 if female; \
         SCr mg/dL = µmol/L / 88.4"
    )?;
    writeln!(
        out,
        "  Carboplatin (Calvert, mg) = AUC x (GFR + 25), GFR capped at 125 mL/min"
    )?;
    writeln!(out, "  Partner (mg) = mg/m² x BSA")?;
    writeln!(out)?;

    writeln!(out, "SOURCES")?;
    let mut cited: Vec<&Source> = Vec::new();
    let data = regimens::dosing_data();
    cited.extend(data.label.dose.sources.iter());
    cited.extend(data.label.vial.sources.iter());
    for w in &report.warnings {
        cited.extend(w.sources.iter().take(2));
    }
    for p in &report.partners {
        cited.extend(&p.sources);
    }
    let mut seen: Vec<String> = Vec::new();
    for s in cited {
        let line = s.cite(Lang::En);
        if !seen.contains(&line) {
            writeln!(out, "  {line}")?;
            seen.push(line);
        }
    }
    for d in data.label.disagreements.iter() {
        writeln!(out, "  Sources disagree ({}): {}", d.topic, d.text)?;
    }
    for d in regimens::documents() {
        writeln!(out, "  {}: {}", d.name, d.citation)?;
    }
    Ok(())
}

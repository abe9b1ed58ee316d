//! Plain-text rendering of a dose report: "copy as text" and the printed dose sheet (inputs,
//! results, the order check, confirmations, formulas, warnings, notes, sources), in either
//! language.

use std::fmt::Write;

use super::kidney::kidney_data;
use super::regimens::{self, DoseBasis};
use super::report::DoseReport;
use super::request::{CrclWeight, ValueOrigin};
use crate::format::{self, Quantity};
use crate::i18n::{translated, Lang};
use crate::results::{Outcome, ResultId};
use crate::sources::{document_name, Source};
use crate::tr;

fn origin(origin: Option<ValueOrigin>, lang: Lang) -> &'static str {
    match origin {
        Some(ValueOrigin::Entered) => tr!("entered", "输入").get(lang),
        Some(ValueOrigin::LabelDefault) => tr!("label default", "说明书默认值").get(lang),
        Some(ValueOrigin::Regimen) => tr!("from the regimen's source", "来自方案来源").get(lang),
        None => "",
    }
}

/// The report as plain text. `stamp` is put under the title (the caller's date and time;
/// the domain has no clock). The app version is added from the build.
pub fn render_text(report: &DoseReport, stamp: &str, lang: Lang) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = write_report(&mut out, report, stamp, lang);
    out
}

fn result_line(
    out: &mut String,
    report: &DoseReport,
    id: ResultId,
    lang: Lang,
) -> std::fmt::Result {
    let value = match report.outcome(id) {
        Outcome::Value(v) => format::with_unit(v, id.quantity(), lang),
        Outcome::Missing(reason) => reason.text(lang),
    };
    writeln!(out, "  {}: {value}", id.label().get(lang))
}

fn write_report(
    out: &mut String,
    report: &DoseReport,
    stamp: &str,
    lang: Lang,
) -> std::fmt::Result {
    let i = &report.inputs;
    let t = |text: crate::i18n::Text| text.get(lang);
    let unit = |v: Option<f64>, q: Quantity| match v {
        Some(v) => format::with_unit(v, q, lang),
        None => t(tr!("not usable", "不可用")).to_string(),
    };
    writeln!(
        out,
        "{} (ivocalc {})",
        t(tr!("Ivonescimab dose sheet", "依沃西单抗剂量单")),
        crate::VERSION
    )?;
    if !stamp.is_empty() {
        writeln!(out, "{stamp}")?;
    }
    writeln!(out)?;

    writeln!(out, "{}", t(tr!("INPUTS", "输入")))?;
    match (i.weight, report.weight_kg) {
        (Some(w), Some(kg)) if i.weight_unit.code() != "kg" => writeln!(
            out,
            "  {}: {} = {}",
            t(tr!("Weight", "体重")),
            format::with_unit(w, Quantity::Lb, lang),
            format::with_unit(kg, Quantity::Kg, lang)
        )?,
        _ => writeln!(
            out,
            "  {}: {}",
            t(tr!("Weight", "体重")),
            unit(report.weight_kg, Quantity::Kg)
        )?,
    }
    writeln!(
        out,
        "  {}: {} ({}), {} ({})",
        t(tr!("Ivonescimab", "依沃西单抗")),
        unit(i.mg_per_kg, Quantity::MgPerKg),
        origin(i.mg_per_kg_origin, lang),
        tr!("every {weeks}", "每 {weeks}").fill(
            lang,
            &[(
                "weeks",
                &unit(i.every_weeks.map(f64::from), Quantity::Weeks)
            )]
        ),
        origin(i.every_weeks_origin, lang)
    )?;
    writeln!(
        out,
        "  {}: {} · {} ({})",
        t(tr!("Vial", "药瓶")),
        unit(i.vial_mg, Quantity::Mg),
        unit(i.concentration_mg_per_ml, Quantity::MgPerMl),
        origin(i.vial_origin, lang)
    )?;
    let rounding = match i.rounding.percent() {
        p if p > 0.0 => tr!("to whole vials within {pct} %", "按整瓶取整，容差 {pct}%")
            .fill(lang, &[("pct", &format::number(p, Quantity::Count))]),
        _ => t(tr!("off", "不取整")).to_string(),
    };
    writeln!(out, "  {}: {rounding}", t(tr!("Rounding", "取整")))?;
    if let Some(h) = report.height_cm {
        writeln!(
            out,
            "  {}: {}",
            t(tr!("Height", "身高")),
            format::with_unit(h, Quantity::Cm, lang)
        )?;
    }
    if let Some(age) = i.age_years {
        writeln!(
            out,
            "  {}: {}",
            t(tr!("Age", "年龄")),
            format::with_unit(age, Quantity::Years, lang)
        )?;
    }
    if let Some(sex) = i.sex {
        let text = match sex {
            super::units::Sex::Female => tr!("female", "女"),
            super::units::Sex::Male => tr!("male", "男"),
        };
        writeln!(out, "  {}: {}", t(tr!("Sex", "性别")), t(text))?;
    }
    if let Some(scr) = i.serum_creatinine_mg_per_dl {
        writeln!(
            out,
            "  {}: {} ({})",
            t(tr!("Serum creatinine", "血清肌酐")),
            format::with_unit(scr, Quantity::MgPerDl, lang),
            format::with_unit(
                scr * super::units::UMOL_PER_L_PER_MG_PER_DL,
                Quantity::UmolPerL,
                lang
            )
        )?;
    }
    if let Some(floor) = i.creatinine_floor_mg_per_dl {
        writeln!(
            out,
            "  {}: {}",
            t(tr!(
                "Lowest creatinine used in Cockcroft-Gault",
                "Cockcroft-Gault 公式中使用的最低肌酐值"
            )),
            format::with_unit(floor, Quantity::MgPerDl, lang)
        )?;
    }
    if let Some(gfr) = i.measured_gfr_ml_min {
        writeln!(
            out,
            "  {}: {}",
            t(tr!("Measured GFR", "实测 GFR")),
            format::with_unit(gfr, Quantity::MlPerMin, lang)
        )?;
    }
    if let Some(name) = &i.regimen_name {
        writeln!(
            out,
            "  {}: {}",
            t(tr!("Regimen", "方案")),
            translated(name, lang)
        )?;
    }
    if let Some(auc) = i.carboplatin_auc {
        writeln!(
            out,
            "  {}: {} ({})",
            t(tr!("Carboplatin target AUC", "卡铂目标 AUC")),
            format::with_unit(auc, Quantity::Auc, lang),
            origin(i.carboplatin_auc_origin, lang)
        )?;
    }
    if let Some(ordered) = i.ordered_mg {
        writeln!(
            out,
            "  {}: {}",
            t(tr!("Dose as ordered", "医嘱剂量")),
            format::with_unit(ordered, Quantity::Mg, lang)
        )?;
    }
    writeln!(out)?;

    let confirmed: Vec<_> = report
        .notes
        .iter()
        .filter(|n| n.code == crate::messages::Code::Confirmed)
        .collect();
    if !confirmed.is_empty() {
        writeln!(
            out,
            "{}",
            t(tr!(
                "CONFIRMED ON THIS PAGE (outside the expected range)",
                "已在本页确认（超出常见范围）"
            ))
        )?;
        for n in confirmed {
            writeln!(out, "  {}", n.text(lang))?;
        }
        writeln!(out)?;
    }
    if !report.pending.is_empty() {
        writeln!(
            out,
            "{}",
            t(tr!(
                "AWAITING CONFIRMATION (results withheld)",
                "待确认（结果暂不显示）"
            ))
        )?;
        for p in &report.pending {
            writeln!(out, "  {}", p.message.text(lang))?;
        }
        writeln!(out)?;
    }

    writeln!(out, "{}", t(tr!("IVONESCIMAB", "依沃西单抗")))?;
    for id in [
        ResultId::DoseMg,
        ResultId::DoseFinalMg,
        ResultId::MgPerKgGiven,
        ResultId::Vials,
        ResultId::VolumeMl,
        ResultId::WasteMg,
    ] {
        result_line(out, report, id, lang)?;
    }
    if i.ordered_mg.is_some() {
        result_line(out, report, ResultId::OrderDifferencePct, lang)?;
    }
    writeln!(out)?;

    if report.bsa_m2.is_some() || report.crcl_ml_min.is_some() || !report.partners.is_empty() {
        writeln!(
            out,
            "{}",
            t(tr!("BODY SIZE AND KIDNEY FUNCTION", "体型与肾功能"))
        )?;
        result_line(out, report, ResultId::BsaM2, lang)?;
        result_line(out, report, ResultId::Bmi, lang)?;
        if let Some(ibw) = report.ideal_body_weight_kg {
            writeln!(
                out,
                "  {}: {}",
                t(tr!("Ideal body weight (Devine)", "理想体重（Devine）")),
                format::with_unit(ibw, Quantity::Kg, lang)
            )?;
        }
        if let Some(adjusted) = report
            .adjusted_body_weight_kg
            .filter(|_| report.adjusted_body_weight_offered)
        {
            writeln!(
                out,
                "  {}: {}",
                t(tr!("Adjusted body weight", "校正体重")),
                format::with_unit(adjusted, Quantity::Kg, lang)
            )?;
        }
        let weight_used = match i.crcl_weight {
            CrclWeight::Actual => t(tr!("actual weight", "实际体重")),
            CrclWeight::Adjusted => t(tr!("adjusted weight", "校正体重")),
        };
        writeln!(
            out,
            "  {} (Cockcroft-Gault, {weight_used}):",
            ResultId::CrclMlMin.label().get(lang)
        )?;
        result_line(out, report, ResultId::CrclMlMin, lang)?;
        writeln!(out)?;
    }

    if !report.partners.is_empty() {
        writeln!(out, "{}", t(tr!("PARTNERS", "联合用药")))?;
        for p in &report.partners {
            let per_unit = match p.basis {
                DoseBasis::MgPerM2 => p
                    .mg_per_m2
                    .map(|v| format::with_unit(v, Quantity::MgPerM2, lang)),
                DoseBasis::CarboplatinAuc => p
                    .carboplatin_auc
                    .map(|a| format!("AUC {}", format::number(a, Quantity::Auc))),
                DoseBasis::MgPerKg => p
                    .mg_per_kg
                    .map(|v| format::with_unit(v, Quantity::MgPerKg, lang)),
            }
            .unwrap_or_default();
            let name = match super::drugs::label(&p.drug) {
                Some(text) => text.get(lang).to_string(),
                None => super::drugs::capitalised(&p.drug),
            };
            match (p.mg, &p.missing) {
                (Some(mg), _) => writeln!(
                    out,
                    "  {name}: {} ({per_unit})",
                    format::with_unit(mg, Quantity::Mg, lang)
                )?,
                (None, Some(reason)) => writeln!(out, "  {name}: {}", reason.text(lang))?,
                (None, None) => writeln!(out, "  {name}: —")?,
            }
        }
        writeln!(out)?;
    }

    for (title, list) in [
        (
            tr!("INPUTS THAT CANNOT BE USED", "无法使用的输入"),
            &report.errors,
        ),
        (tr!("WARNINGS", "警告"), &report.warnings),
        (tr!("NOTES", "说明"), &report.notes),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(out, "{}", t(title))?;
        // Confirmations have their own section above.
        for m in list
            .iter()
            .filter(|m| m.code != crate::messages::Code::Confirmed)
        {
            match &m.field {
                Some(field) if m.severity() == crate::messages::Severity::Error => {
                    writeln!(out, "  [{field}] {}", m.text(lang))?
                }
                _ if m.severity() == crate::messages::Severity::Warning => {
                    writeln!(out, "  [{}] {}", m.code.contract(), m.text(lang))?
                }
                _ => writeln!(out, "  {}", m.text(lang))?,
            }
        }
        writeln!(out)?;
    }
    if !report.label_notes.is_empty() {
        writeln!(out, "{}", t(tr!("ADMINISTRATION", "给药说明")))?;
        for n in &report.label_notes {
            writeln!(out, "  {}", translated(&n.text, lang))?;
        }
        writeln!(out)?;
    }

    writeln!(out, "{}", t(tr!("FORMULAS", "公式")))?;
    for line in [
        tr!("Dose (mg) = mg/kg × weight (kg)", "剂量（mg）= mg/kg × 体重（kg）"),
        tr!(
            "Vials = ⌈dose ÷ vial mg⌉; volume (mL) = dose ÷ concentration (mg/mL); waste (mg) = vials × vial mg − dose",
            "瓶数 = ⌈剂量 ÷ 每瓶 mg⌉；体积（mL）= 剂量 ÷ 浓度（mg/mL）；浪费量（mg）= 瓶数 × 每瓶 mg − 剂量"
        ),
        tr!("BSA (Mosteller, m²) = √(height cm × weight kg ÷ 3600); Du Bois = 0.007184 × weight^0.425 × height^0.725", "体表面积（Mosteller，m²）= √(身高 cm × 体重 kg ÷ 3600)；Du Bois = 0.007184 × 体重^0.425 × 身高^0.725"),
        tr!("BMI (kg/m²) = weight kg ÷ (height m)²", "BMI（kg/m²）= 体重 kg ÷（身高 m）²"),
        tr!(
            "IBW (Devine, kg) = 50 (male) or 45.5 (female) + 2.3 × (height in − 60); adjusted = IBW + 0.4 × (actual − IBW), at most actual",
            "理想体重（Devine，kg）= 50（男）或 45.5（女）+ 2.3 ×（身高英寸 − 60）；校正体重 = 理想体重 + 0.4 ×（实际 − 理想），且不超过实际体重"
        ),
        tr!(
            "CrCl (Cockcroft-Gault, mL/min) = (140 − age) × weight ÷ (72 × SCr mg/dL), × 0.85 if female; SCr mg/dL = µmol/L ÷ 88.4",
            "肌酐清除率（Cockcroft-Gault，mL/min）=（140 − 年龄）× 体重 ÷（72 × 血肌酐 mg/dL），女性 × 0.85；血肌酐 mg/dL = µmol/L ÷ 88.4"
        ),
        tr!(
            "Carboplatin (Calvert, mg) = AUC × (GFR + 25), an estimated GFR capped at 125 mL/min, a measured one not",
            "卡铂（Calvert，mg）= AUC ×（GFR + 25），估算 GFR 上限 125 mL/min，实测 GFR 不设上限"
        ),
        tr!("Partner (mg) = mg/m² × BSA", "联合用药（mg）= mg/m² × 体表面积"),
    ] {
        writeln!(out, "  {}", t(line))?;
    }
    writeln!(out)?;

    writeln!(out, "{}", t(tr!("SOURCES", "来源")))?;
    let data = regimens::dosing_data();
    let mut cited: Vec<&Source> = Vec::new();
    cited.extend(data.label.dose.sources.iter());
    cited.extend(data.label.vial.sources.iter());
    for m in report.warnings.iter().chain(&report.notes) {
        cited.extend(m.sources.iter().copied());
    }
    for p in &report.partners {
        cited.extend(p.sources.iter().copied());
    }
    let mut seen: Vec<String> = Vec::new();
    for s in cited {
        let line = s.cite(lang);
        if !seen.contains(&line) {
            writeln!(out, "  {line}")?;
            seen.push(line);
        }
    }
    for d in data.label.disagreements.iter() {
        writeln!(
            out,
            "  {} ({}): {}",
            t(tr!("Sources disagree", "来源不一致")),
            translated(&d.topic, lang),
            translated(&d.text, lang)
        )?;
    }
    for d in regimens::documents() {
        writeln!(out, "  {}: {}", document_name(&d.id).get(lang), d.citation)?;
    }
    for page in kidney_data().pages.iter() {
        let name = document_name(&page.document).get(lang);
        if !seen.iter().any(|line| line.starts_with(name)) {
            continue;
        }
        let citation = crate::sources::document(&page.document)
            .map(|d| d.citation.as_ref())
            .unwrap_or_default();
        writeln!(
            out,
            "  {name}: {citation} {} ({})",
            page.url,
            tr!("read {date}", "查阅于 {date}").fill(lang, &[("date", &page.read_on)])
        )?;
    }
    Ok(())
}

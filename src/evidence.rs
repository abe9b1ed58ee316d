//! The evidence checks: a valid input outside what the sources cover. Written once here and
//! called by the dose view, the PK view and the JS API alike:
//!
//! - `weight-outside-pk-range`: weight outside the population PK analysis's range;
//! - `dose-above-mtd`: mg/kg above the maximum tolerated dose;
//! - `dose-schedule-untested`: a dose level and interval no trial used;
//! - `flat-dose-untested`: a flat dose (the trials dosed by weight);
//! - `regimen-dose-differs`: an ivonescimab dose other than the chosen regimen's trials gave.
//!
//! The limits and the trials' doses come from data/regimens.json, with their sources.
//!
//! Plain Rust: no UI or browser types.

use crate::dosing::regimens::{dosing_data, trials_using, Regimen};
use crate::format::{self, Quantity};
use crate::i18n::Lang;
use crate::messages::{Arg, Code, Message};
use crate::tr;

/// The ivonescimab dose of a regimen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Dose {
    MgPerKg(f64),
    /// A flat dose, mg, at a body weight (kg).
    FlatMg {
        mg: f64,
        weight_kg: f64,
    },
}

fn value(v: f64, q: Quantity) -> Arg {
    Arg::Plain(format::with_unit(v, q, Lang::En))
}

/// `weight-outside-pk-range`, if the weight is outside the population PK analysis's range.
pub fn weight(weight_kg: f64) -> Option<Message> {
    let range = &dosing_data().evidence.population_pk_weight_kg;
    if !weight_kg.is_finite() || (weight_kg >= range.min && weight_kg <= range.max) {
        return None;
    }
    Some(
        Message::new(
            Code::WeightOutsidePkRange,
            tr!(
                "Weight {body_weight} is outside the {min}–{max} kg range of the population pharmacokinetic analysis, where weight had no significant effect on exposure; the evidence does not cover this weight.",
                "体重 {body_weight} 超出群体药代动力学分析的 {min}–{max} kg 范围（该范围内体重对暴露量无显著影响）；现有证据未覆盖此体重。"
            ),
        )
        .at(crate::inputs::dose::WEIGHT.name)
        .arg("body_weight", value(weight_kg, Quantity::Kg))
        .arg("min", format::number(range.min, Quantity::Kg))
        .arg("max", format::number(range.max, Quantity::Kg))
        .sources(range.sources.iter()),
    )
}

/// `dose-above-mtd`, `dose-schedule-untested` or `flat-dose-untested` for a dose given every
/// `every_weeks` weeks.
pub fn dose(dose: Dose, every_weeks: f64) -> Vec<Message> {
    let data = dosing_data();
    let mut out = Vec::new();
    match dose {
        Dose::MgPerKg(mg_per_kg) => {
            let mtd = &data.evidence.maximum_tolerated_dose;
            if mg_per_kg > mtd.mg_per_kg + 1e-9 {
                out.push(
                    Message::new(
                        Code::DoseAboveMtd,
                        tr!(
                            "{dose} is above the maximum tolerated dose, {mtd} every {interval} weeks; dose-limiting toxicities were observed at {dlt}.",
                            "{dose} 高于最大耐受剂量（{mtd}，每 {interval} 周一次）；在 {dlt} 时观察到剂量限制性毒性。"
                        ),
                    )
                    .at(crate::inputs::dose::MG_PER_KG.name)
                    .arg("dose", value(mg_per_kg, Quantity::MgPerKg))
                    .arg("mtd", value(mtd.mg_per_kg, Quantity::MgPerKg))
                    .arg("interval", format::number(f64::from(mtd.every_weeks), Quantity::Count))
                    .arg("dlt", value(mtd.dose_limiting_mg_per_kg, Quantity::MgPerKg))
                    .sources(mtd.sources.iter()),
                );
            }
            let whole_weeks = (every_weeks.fract() == 0.0 && every_weeks >= 1.0)
                .then_some(every_weeks as u32);
            let used = whole_weeks.is_some_and(|w| !trials_using(mg_per_kg, w).is_empty());
            if !used {
                out.push(
                    Message::new(
                        Code::DoseScheduleUntested,
                        tr!(
                            "No trial in the sources gave {dose} every {interval} weeks. Trials gave {used}.",
                            "来源中没有试验使用过 {dose}、每 {interval} 周一次的给药方案。试验使用过：{used}。"
                        ),
                    )
                    .at(crate::inputs::dose::MG_PER_KG.name)
                    .arg("dose", value(mg_per_kg, Quantity::MgPerKg))
                    .arg("interval", format::number(every_weeks, Quantity::Weeks))
                    .arg("used", trial_dose_summary())
                    .sources(data.trial_doses.iter().flat_map(|t| t.sources.iter())),
                );
            }
        }
        Dose::FlatMg { mg, weight_kg } => out.push(
            Message::new(
                Code::FlatDoseUntested,
                tr!(
                    "No trial in the sources gave a flat dose; they dosed by weight (mg/kg). {mg} is {per_kg} at {body_weight}.",
                    "来源中没有试验使用固定剂量，均按体重（mg/kg）给药。{mg} 在体重 {body_weight} 时相当于 {per_kg}。"
                ),
            )
            .at(crate::inputs::pk::FLAT.name)
            .arg("mg", value(mg, Quantity::Mg))
            .arg("per_kg", value(mg / weight_kg, Quantity::MgPerKg))
            .arg("body_weight", value(weight_kg, Quantity::Kg))
            .sources(data.label.dose.sources.iter()),
        ),
    }
    out
}

/// "every 2 weeks: 0.3, 1, ... mg/kg; every 3 weeks: ..." from the trials' doses.
pub fn trial_dose_summary() -> Arg {
    let data = dosing_data();
    let mut weeks: Vec<u32> = data
        .trial_doses
        .iter()
        .filter_map(|t| t.every_weeks)
        .collect();
    crate::sort::sort_by(&mut weeks, u32::cmp);
    weeks.dedup();
    Arg::Join(
        weeks
            .into_iter()
            .map(|w| {
                let mut levels: Vec<f64> = data
                    .trial_doses
                    .iter()
                    .filter(|t| t.every_weeks == Some(w))
                    .flat_map(|t| t.mg_per_kg.iter().copied())
                    .collect();
                crate::sort::sort_by(&mut levels, f64::total_cmp);
                levels.dedup();
                let levels: Vec<String> = levels
                    .into_iter()
                    .map(|l| format::number(l, Quantity::MgPerKg))
                    .collect();
                Arg::Filled(
                    tr!(
                        "every {weeks} weeks: {levels} mg/kg",
                        "每 {weeks} 周：{levels} mg/kg"
                    ),
                    vec![
                        ("weeks", w.to_string().into()),
                        ("levels", levels.join(", ").into()),
                    ],
                )
            })
            .collect(),
    )
}

/// How a dose compares with what the chosen regimen's trials gave: a warning
/// (`regimen-dose-differs`) or a note (the sources give no dose, or no interval).
pub fn regimen(mg_per_kg: f64, every_weeks: u32, regimen: &'static Regimen) -> Option<Message> {
    let name = Arg::Data(regimen.name.to_string());
    if regimen.ivonescimab.is_empty() {
        return Some(
            Message::new(
                Code::RegimenIvonescimabDoseNotStated,
                tr!(
                    "The sources do not give the ivonescimab dose used in {scheme}; the dose shown uses {dose} every {interval} weeks.",
                    "来源未给出 {scheme} 中依沃西单抗的剂量；此处按 {dose}、每 {interval} 周一次计算。"
                ),
            )
            .arg("scheme", name)
            .arg("dose", value(mg_per_kg, Quantity::MgPerKg))
            .arg("interval", every_weeks.to_string()),
        );
    }
    let matches = |level: &f64| (level - mg_per_kg).abs() <= 1e-9 * level.max(1.0);
    let stated = regimen
        .ivonescimab
        .iter()
        .any(|d| d.every_weeks == Some(every_weeks) && d.mg_per_kg.iter().any(matches));
    let unstated = regimen
        .ivonescimab
        .iter()
        .any(|d| d.every_weeks.is_none() && d.mg_per_kg.iter().any(matches));
    let used = Arg::Join(
        regimen
            .ivonescimab
            .iter()
            .map(|d| {
                let levels: Vec<String> = d
                    .mg_per_kg
                    .iter()
                    .map(|l| format::number(*l, Quantity::MgPerKg))
                    .collect();
                match d.every_weeks {
                    Some(w) => Arg::Filled(
                        tr!(
                            "{levels} mg/kg every {weeks} weeks ({trial})",
                            "{levels} mg/kg，每 {weeks} 周一次（{trial}）"
                        ),
                        vec![
                            ("levels", levels.join(" / ").into()),
                            ("weeks", w.to_string().into()),
                            ("trial", Arg::Data(d.trial.to_string())),
                        ],
                    ),
                    None => Arg::Filled(
                        tr!(
                            "{levels} mg/kg, interval not stated ({trial})",
                            "{levels} mg/kg，间隔未说明（{trial}）"
                        ),
                        vec![
                            ("levels", levels.join(" / ").into()),
                            ("trial", Arg::Data(d.trial.to_string())),
                        ],
                    ),
                }
            })
            .collect(),
    );
    if !stated && !unstated {
        return Some(
            Message::new(
                Code::RegimenDoseDiffers,
                tr!(
                    "{dose} every {interval} weeks differs from the ivonescimab dosing used with {scheme}: {used}.",
                    "{dose}、每 {interval} 周一次与 {scheme} 中使用的依沃西单抗剂量不同：{used}。"
                ),
            )
            .at(crate::inputs::dose::MG_PER_KG.name)
            .arg("dose", value(mg_per_kg, Quantity::MgPerKg))
            .arg("interval", every_weeks.to_string())
            .arg("scheme", name)
            .arg("used", used)
            .sources(regimen.ivonescimab.iter().flat_map(|d| d.sources.iter())),
        );
    }
    (!stated).then(|| {
        Message::new(
            Code::RegimenIntervalNotStated,
            tr!(
                "The sources give the ivonescimab dose with {scheme} without its interval: {used}.",
                "来源给出了 {scheme} 中依沃西单抗的剂量，但未给出给药间隔：{used}。"
            ),
        )
        .arg("scheme", name)
        .arg("used", used)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(messages: &[Message]) -> Vec<&'static str> {
        messages.iter().map(|m| m.code.contract()).collect()
    }

    #[test]
    fn weight_range_is_31_to_155_kg() {
        // The review of PD-1(L1)/VEGF bispecifics, Pharmacokinetics: 31 to 155 kg.
        assert!(weight(30.9).is_some());
        assert!(weight(31.0).is_none());
        assert!(weight(155.0).is_none());
        assert!(weight(155.1).is_some());
        let m = weight(30.0).unwrap_or_else(|| unreachable!());
        assert!(m.text(Lang::En).contains("30 kg"), "{}", m.text(Lang::En));
        assert!(!m.sources.is_empty());
    }

    #[test]
    fn doses_against_the_trials() {
        // 10 mg/kg Q3W and 20 mg/kg Q2W were given in trials; 15 mg/kg Q3W was not; 40 mg/kg
        // is above the 20 mg/kg maximum tolerated dose.
        assert!(dose(Dose::MgPerKg(10.0), 3.0).is_empty());
        assert!(dose(Dose::MgPerKg(20.0), 2.0).is_empty());
        assert_eq!(
            codes(&dose(Dose::MgPerKg(15.0), 3.0)),
            vec!["dose-schedule-untested"]
        );
        let above = dose(Dose::MgPerKg(40.0), 2.0);
        assert!(codes(&above).contains(&"dose-above-mtd"));
        assert_eq!(
            codes(&dose(
                Dose::FlatMg {
                    mg: 1200.0,
                    weight_kg: 70.0
                },
                3.0
            )),
            vec!["flat-dose-untested"]
        );
        // Same numbers in every message: 4 significant figures.
        let text = dose(Dose::MgPerKg(15.123456), 3.0)[0].text(Lang::En);
        assert!(text.contains("15.12 mg/kg"), "{text}");
    }
}

//! Body size: BSA, BMI (and its plausibility), ideal and adjusted body weight.

use crate::format::{self, Quantity};
use crate::i18n::Lang;
use crate::inputs::dose as input;
use crate::messages::{Code, Message};
use crate::results::ResultId;
use crate::tr;

use super::checks::{need, Val};
use super::formulas::{self, ADJUSTED_BODY_WEIGHT_BMI_THRESHOLD};
use super::report::{DoseReport, Pending};
use super::request::DoseRequest;
use super::units::CM_PER_INCH;

/// BMI (kg/m²) outside which weight and height are taken for a unit mix-up: no adult lives
/// at these values, while a weight in pounds typed as kilograms (or the reverse) or a height
/// in inches typed as centimetres lands there.
pub const PLAUSIBLE_BMI_KG_PER_M2: (f64, f64) = (12.0, 70.0);

/// Link key under which a confirmed BMI is stored.
pub const BMI_KEY: &str = "bmi";

/// Whether weight and height give a plausible BMI; if not, and it was not confirmed, a
/// confirmation is asked for at the weight.
pub fn bmi_plausible(
    r: &mut DoseReport,
    request: &DoseRequest,
    weight_kg: f64,
    height_cm: f64,
) -> bool {
    let bmi = formulas::bmi_kg_per_m2(weight_kg, height_cm);
    let (low, high) = PLAUSIBLE_BMI_KG_PER_M2;
    if (low..=high).contains(&bmi) {
        return true;
    }
    let shown = format::with_unit(bmi, Quantity::KgPerM2, Lang::En);
    if request.is_confirmed(BMI_KEY, bmi) {
        r.notes.push(crate::inputs::number::confirmed_note(
            tr!("BMI", "BMI"),
            shown,
        ));
        return true;
    }
    let message = Message::new(
        Code::BmiImplausible,
        tr!(
            "Weight {body_weight} and height {height} give a BMI of {bmi}, outside {low}–{high} kg/m²: a unit mix-up (pounds typed as kilograms, inches as centimetres) is likelier. Check both; the doses wait until you confirm.",
            "体重 {body_weight} 与身高 {height} 算得 BMI 为 {bmi}，超出 {low}–{high} kg/m²：更可能是单位混淆（磅当作千克、英寸当作厘米）。请核对两者；确认前不显示剂量。"
        ),
    )
    .at(input::WEIGHT.name)
    .arg("body_weight", format::with_unit(weight_kg, Quantity::Kg, Lang::En))
    .arg("height", format::with_unit(height_cm, Quantity::Cm, Lang::En))
    .arg("bmi", shown)
    .arg("low", format::number(low, Quantity::KgPerM2))
    .arg("high", format::number(high, Quantity::KgPerM2));
    r.pending.push(Pending {
        message,
        key: BMI_KEY.to_string(),
        value: bmi,
    });
    false
}

/// BSA, BMI, ideal and adjusted body weight.
pub fn body_size(r: &mut DoseReport, request: &DoseRequest, weight: Val, height: Val) {
    let [h, w] = match need([(&input::HEIGHT, height), (&input::WEIGHT, weight)]) {
        Ok(values) => values,
        Err(reason) => {
            r.missing(ResultId::BsaM2, reason.clone());
            r.missing(ResultId::Bmi, reason);
            return;
        }
    };
    r.bsa_m2 = Some(formulas::bsa_m2(request.bsa_formula, h, w));
    let bmi = formulas::bmi_kg_per_m2(w, h);
    r.bmi_kg_m2 = Some(bmi);
    r.adjusted_body_weight_offered = bmi >= ADJUSTED_BODY_WEIGHT_BMI_THRESHOLD;
    let Some(sex) = request.sex else {
        return;
    };
    let ibw = formulas::ideal_body_weight_devine_kg(h, sex);
    if ibw <= 0.0 {
        return;
    }
    r.ideal_body_weight_kg = Some(ibw);
    // Adjusted weight is for the heavier patient: never above the actual weight.
    r.adjusted_body_weight_kg = Some(formulas::adjusted_body_weight_kg(w, ibw).min(w));
    if h < 60.0 * CM_PER_INCH {
        r.notes.push(Message::new(
            Code::IbwBelow60In,
            tr!(
                "Height under 60 in (152.4 cm): the Devine ideal body weight is extrapolated below its range.",
                "身高低于 60 英寸（152.4 cm）：Devine 理想体重公式在其适用范围以外外推。"
            ),
        ));
    }
    if r.adjusted_body_weight_offered {
        r.notes.push(
            Message::new(
                Code::AdjustedWeightOffered,
                tr!(
                    "BMI {bmi} (≥ 25): adjusted body weight may be chosen for Cockcroft-Gault.",
                    "BMI {bmi}（≥ 25）：Cockcroft-Gault 公式可选用校正体重。"
                ),
            )
            .arg("bmi", format::with_unit(bmi, Quantity::KgPerM2, Lang::En)),
        );
    }
}

//! Checks of the patient's own values that the evidence checks do not cover: a weight that
//! reads better in the other unit, a child's age in Cockcroft-Gault, and an order that
//! differs from the calculation.

use crate::format::{self, Quantity};
use crate::i18n::Lang;
use crate::inputs::dose as input;
use crate::messages::{Code, Message};
use crate::tr;

use super::regimens::dosing_data;
use super::request::DoseRequest;
use super::units::{WeightUnit, KG_PER_LB};

/// Percent beyond which an ordered dose is flagged (`order-differs`).
pub const ORDER_TOLERANCE_PERCENT: f64 = 5.0;

fn kg(v: f64) -> String {
    format::with_unit(v, Quantity::Kg, Lang::En)
}

/// `weight-may-be-pounds` (kg chosen, above the PK range, and the number read as pounds lies
/// within it) and `weight-may-be-kilograms` (the reverse).
pub fn weight_unit(request: &DoseRequest, weight_kg: f64) -> Option<Message> {
    let range = &dosing_data().evidence.population_pk_weight_kg;
    let entered = request.weight.unwrap_or(weight_kg);
    let in_range = |kg: f64| kg >= range.min && kg <= range.max;
    match request.weight_unit {
        WeightUnit::Kg if weight_kg > range.max && in_range(entered * KG_PER_LB) => Some(
            Message::new(
                Code::WeightMayBePounds,
                tr!(
                    "{kg} may be a weight in pounds ({lb} = {as_kg}): check the unit.",
                    "{kg} 可能是以磅为单位的体重（{lb} = {as_kg}）：请核对单位。"
                ),
            )
            .at(input::WEIGHT.name)
            .arg("kg", kg(entered))
            .arg("lb", format::with_unit(entered, Quantity::Lb, Lang::En))
            .arg("as_kg", kg(entered * KG_PER_LB)),
        ),
        WeightUnit::Lb if weight_kg < range.min && in_range(entered) => Some(
            Message::new(
                Code::WeightMayBeKilograms,
                tr!(
                    "{lb} ({kg}) may be a weight in kilograms: check the unit.",
                    "{lb}（{kg}）可能是以千克为单位的体重：请核对单位。"
                ),
            )
            .at(input::WEIGHT.name)
            .arg("lb", format::with_unit(entered, Quantity::Lb, Lang::En))
            .arg("kg", kg(weight_kg)),
        ),
        _ => None,
    }
}

/// `age-under-18`: Cockcroft-Gault was derived in adults.
pub fn age(age_years: f64) -> Option<Message> {
    (age_years < 18.0).then(|| {
        Message::new(
            Code::AgeUnder18,
            tr!(
                "Age {age}: the Cockcroft-Gault equation was derived in adults.",
                "年龄 {age}：Cockcroft-Gault 公式是在成人中建立的。"
            ),
        )
        .at(input::AGE.name)
        .arg(
            "age",
            format::with_unit(age_years, Quantity::Years, Lang::En),
        )
    })
}

/// `order-differs`: the ordered dose differs from the calculated one by more than 5 %.
pub fn order(
    ordered_mg: f64,
    calculated_mg: f64,
    final_mg: f64,
    difference_pct: f64,
) -> Option<Message> {
    if difference_pct.abs() <= ORDER_TOLERANCE_PERCENT + 1e-9 {
        return None;
    }
    let mg = |v: f64| format::with_unit(v, Quantity::Mg, Lang::En);
    let matches_final = (ordered_mg - final_mg).abs() <= 1e-6 * final_mg.max(1.0)
        && (final_mg - calculated_mg).abs() > 1e-9;
    let text = if matches_final {
        tr!(
            "The order, {order}, differs from the calculated {calculated} by {pct} % (more than {tolerance} %); it equals the dose rounded to whole vials, {final}.",
            "医嘱剂量 {order} 与计算剂量 {calculated} 相差 {pct}%（超过 {tolerance}%）；它等于按整瓶取整后的剂量 {final}。"
        )
    } else {
        tr!(
            "The order, {order}, differs from the calculated {calculated} by {pct} % (more than {tolerance} %): check the weight, the dose level and the order.",
            "医嘱剂量 {order} 与计算剂量 {calculated} 相差 {pct}%（超过 {tolerance}%）：请核对体重、剂量水平和医嘱。"
        )
    };
    Some(
        Message::new(Code::OrderDiffers, text)
            .at(input::ORDERED.name)
            .arg("order", mg(ordered_mg))
            .arg("calculated", mg(calculated_mg))
            .arg("final", mg(final_mg))
            .arg(
                "pct",
                format::number(difference_pct, Quantity::PercentChange),
            )
            .arg(
                "tolerance",
                format::number(ORDER_TOLERANCE_PERCENT, Quantity::Count),
            ),
    )
}

//! Numbers as people type them, and the checks every number input gets from its row: the
//! usable range (outside: an error) and the plausible range (outside: confirm first). Messages
//! speak the unit the user chose.

use crate::format::{self, Quantity};
use crate::messages::{Code, Message};
use crate::tr;

use super::{Input, Unit};

/// Why a typed number cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberProblem {
    Empty,
    NotANumber,
    /// "1,000": a comma before exactly three digits may separate thousands or decimals.
    Ambiguous,
    NotWhole,
}

/// Reads a decimal number as a person types it: `72.5`, ` 72,5 ` (decimal comma), `1e3`.
/// A comma followed by exactly three digits (`1,000`, `2,400`) is refused: it may be a
/// thousands separator or a decimal comma, and the two readings differ a thousandfold.
pub fn parse_number(text: &str) -> Result<f64, NumberProblem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumberProblem::Empty);
    }
    if trimmed.contains(',') {
        if trimmed.contains('.') || trimmed.matches(',').count() > 1 {
            return Err(NumberProblem::NotANumber);
        }
        let after = trimmed.split(',').nth(1).unwrap_or_default();
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        if digits == 3 && after.len() == 3 {
            return Err(NumberProblem::Ambiguous);
        }
    }
    let normalised = trimmed.replacen(',', ".", 1);
    crate::decimal::parse_decimal(&normalised).ok_or(NumberProblem::NotANumber)
}

/// Reads a whole number (a count or a seed).
pub fn parse_whole(text: &str) -> Result<u64, NumberProblem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumberProblem::Empty);
    }
    match trimmed.parse::<u64>() {
        Ok(v) => Ok(v),
        Err(_) => match parse_number(trimmed) {
            Ok(_) => Err(NumberProblem::NotWhole),
            Err(e) => Err(e),
        },
    }
}

/// The error for text that cannot be read as a number of `input`.
pub fn unreadable(input: &Input, param: &str, text: &str, problem: &NumberProblem) -> Message {
    let label = input.label;
    match problem {
        NumberProblem::Ambiguous => {
            let (whole, decimal) = text.trim().split_once(',').unwrap_or((text, ""));
            Message::new(
                Code::AmbiguousNumber,
                tr!(
                    "{label}: “{text}” could mean {thousands} or {decimal}. Write {thousands} without a comma, or {decimal} with a point.",
                    "{label}：“{text}”可能是 {thousands}，也可能是 {decimal}。请写成不带逗号的 {thousands}，或带小数点的 {decimal}。"
                ),
            )
            .at(param.to_string())
            .arg("label", label)
            .arg("text", text.trim())
            .arg("thousands", format!("{whole}{decimal}"))
            .arg("decimal", format!("{whole}.{decimal}"))
        }
        NumberProblem::NotWhole => Message::new(
            Code::NotWhole,
            tr!(
                "{label}: “{text}” is not a whole number.",
                "{label}：“{text}”不是整数。"
            ),
        )
        .at(param.to_string())
        .arg("label", label)
        .arg("text", text.trim()),
        NumberProblem::Empty | NumberProblem::NotANumber => Message::new(
            Code::NotANumber,
            tr!(
                "{label}: “{text}” is not a number.",
                "{label}：“{text}”不是数字。"
            ),
        )
        .at(param.to_string())
        .arg("label", label)
        .arg("text", text.trim()),
    }
}

/// Checks a number (in the base unit) against the usable range of `input`; the message
/// names the range in `unit`, the unit the user chose.
pub fn check_usable(
    input: &Input,
    param: &str,
    value_base: f64,
    unit: &Unit,
) -> Result<f64, Message> {
    let Some(spec) = input.number() else {
        return Ok(value_base);
    };
    let entered = unit.from_base(value_base);
    let quantity = unit.quantity;
    if !value_base.is_finite() {
        return Err(Message::new(
            Code::NotANumber,
            tr!(
                "{label}: not a number; enter a number in {unit}.",
                "{label}：不是数字；请输入以 {unit} 为单位的数字。"
            ),
        )
        .at(param.to_string())
        .arg("label", input.label)
        .arg("unit", quantity.unit()));
    }
    if spec.whole && value_base.fract() != 0.0 {
        return Err(Message::new(
            Code::NotWhole,
            tr!(
                "{label}: {value} is not a whole number.",
                "{label}：{value} 不是整数。"
            ),
        )
        .at(param.to_string())
        .arg("label", input.label)
        .arg("value", format::significant(entered, 6)));
    }
    if value_base <= 0.0 && spec.usable.min > 0.0 {
        return Err(Message::new(
            Code::NotPositive,
            tr!(
                "{label}: {value} must be greater than zero.",
                "{label}：{value} 必须大于零。"
            ),
        )
        .at(param.to_string())
        .arg("label", input.label)
        .arg("value", format::significant(entered, 6)));
    }
    if !spec.usable.contains(value_base) {
        return Err(Message::new(
            Code::OutOfRange,
            tr!(
                "{label}: {value} is outside the usable range {min} to {max}.",
                "{label}：{value} 超出可用范围 {min} 至 {max}。"
            ),
        )
        .at(param.to_string())
        .arg("label", input.label)
        .arg("value", Range3::value(entered, quantity))
        .arg("min", Range3::bound(spec.usable.min, unit))
        .arg("max", Range3::bound_unit(spec.usable.max, unit)));
    }
    Ok(value_base)
}

/// Checks a usable number against the plausible range of `input`: `Some(message)` asks the
/// user to confirm it, unless `confirmed`.
pub fn check_plausible(
    input: &Input,
    param: &str,
    value_base: f64,
    unit: &Unit,
) -> Option<Message> {
    let range = input.number()?.plausible?;
    if range.contains(value_base) {
        return None;
    }
    let quantity = unit.quantity;
    Some(
        Message::new(
            Code::Implausible,
            tr!(
                "{label}: {value} is unusual (expected {min} to {max}). Check the number and its unit; the results that depend on it wait until you confirm it.",
                "{label}：{value} 不常见（通常为 {min} 至 {max}）。请核对数值及其单位；依赖它的结果在您确认后才显示。"
            ),
        )
        .at(param.to_string())
        .arg("label", input.label)
        .arg("value", Range3::value(unit.from_base(value_base), quantity))
        .arg("min", Range3::bound(range.min, unit))
        .arg("max", Range3::bound_unit(range.max, unit)),
    )
}

/// The note a value confirmed on the page leaves on the results, the sheet and the text.
pub fn confirmed_note(what: crate::i18n::Text, value: String) -> Message {
    Message::new(
        Code::Confirmed,
        tr!(
            "{what} {value} is outside its expected range and was confirmed on this page.",
            "{what} {value} 超出常见范围，已在本页确认。"
        ),
    )
    .arg("what", what)
    .arg("value", value)
}

/// How range messages write their numbers.
struct Range3;

impl Range3 {
    fn value(v: f64, q: Quantity) -> crate::messages::Arg {
        crate::messages::Arg::Filled(
            crate::i18n::Text::new("{count} {u}"),
            vec![
                ("count", format::significant(v, 6).into()),
                ("u", q.unit().into()),
            ],
        )
    }
    fn bound(base: f64, unit: &Unit) -> crate::messages::Arg {
        format::significant(unit.from_base(base), 4).into()
    }
    /// A range's bound with its unit, at four significant figures like [`Range3::bound`]
    /// (551.2 lb, not 551.156 lb).
    fn bound_unit(base: f64, unit: &Unit) -> crate::messages::Arg {
        crate::messages::Arg::Filled(
            crate::i18n::Text::new("{count} {u}"),
            vec![
                ("count", format::significant(unit.from_base(base), 4).into()),
                ("u", unit.quantity.unit().into()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn typed_numbers() {
        assert_eq!(parse_number(" 72,5 "), Ok(72.5));
        assert_eq!(parse_number("72.5"), Ok(72.5));
        assert_eq!(parse_number("1e3"), Ok(1000.0));
        assert_eq!(parse_number("1,000"), Err(NumberProblem::Ambiguous));
        assert_eq!(parse_number("2,400"), Err(NumberProblem::Ambiguous));
        assert_eq!(parse_number("0,125"), Err(NumberProblem::Ambiguous));
        assert_eq!(parse_number("1,5"), Ok(1.5));
        assert_eq!(parse_number("1,2345"), Ok(1.2345));
        assert_eq!(parse_number("1,234.5"), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number("1,234,567"), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number("NaN"), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number("inf"), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number(""), Err(NumberProblem::Empty));
        assert_eq!(parse_whole("17"), Ok(17));
        assert_eq!(parse_whole("2.5"), Err(NumberProblem::NotWhole));
        assert_eq!(parse_whole("x"), Err(NumberProblem::NotANumber));
    }

    proptest! {
        #[test]
        fn any_text_reads_or_is_refused_without_panic(text in "\\PC{0,20}") {
            let _ = parse_number(&text);
            let _ = parse_whole(&text);
        }

        #[test]
        fn a_comma_before_three_digits_is_never_read(a in 0u32..100_000, b in 0u32..1000) {
            let text = format!("{a},{b:03}");
            prop_assert_eq!(parse_number(&text), Err(NumberProblem::Ambiguous));
        }

        #[test]
        fn a_decimal_comma_reads_as_a_point(a in 0u32..100_000, b in 0u32..100) {
            let comma = format!("{a},{b}");
            let point = format!("{a}.{b}");
            prop_assert_eq!(parse_number(&comma), parse_number(&point));
        }
    }
}

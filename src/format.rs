//! The one number formatter: how many digits each kind of quantity shows, and its unit.
//! The page, the print sheet, copy as text, CSV and messages all write numbers with it, so a
//! figure reads the same everywhere. (A link writes numbers exactly instead: `inputs::link`.)
//!
//! | quantity | shown as |
//! |---|---|
//! | most measured or computed values (mg, mL, kg, m², mL/min, µg/mL, days, ...) | 4 significant figures |
//! | percentages | 3 significant figures |
//! | signed differences in % | sign and 2 decimals (`+3.45`) |
//! | counts | a whole number |
//! | milliseconds | 1 decimal |
//!
//! Trailing zeros after the decimal point are dropped (`1450`, `72.5`). Units are the same in
//! both languages (their symbols are international), except those written as words.
//!
//! Plain Rust: no UI or browser types.

use crate::i18n::{Lang, Text};
use crate::tr;

/// A kind of quantity, with its unit and its rule for digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quantity {
    Mg,
    Ml,
    Kg,
    Lb,
    Cm,
    Inch,
    MgPerKg,
    MgPerM2,
    MgPerMl,
    M2,
    KgPerM2,
    MlPerMin,
    MgPerDl,
    UmolPerL,
    /// Carboplatin target AUC, mg/mL·min.
    Auc,
    Percent,
    /// A signed difference, % (`+3.45`).
    PercentChange,
    UgPerMl,
    UgDayPerMl,
    UgWeekPerMl,
    Days,
    Weeks,
    Hours,
    Years,
    L,
    LPerDay,
    KDa,
    /// A ratio without unit (accumulation, exponent).
    Ratio,
    /// A hazard ratio and its confidence bounds: two decimals at least, as trials print them
    /// (0.60, 0.777).
    HazardRatio,
    /// A whole number of things (vials, doses, patients).
    Count,
    Ms,
}

/// How many digits a quantity shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    Significant(usize),
    /// Significant figures, with at least this many decimals.
    SignificantMinDecimals(usize, usize),
    SignedDecimals(usize),
    Decimals(usize),
    Whole,
}

impl Quantity {
    fn rule(self) -> Rule {
        match self {
            Quantity::Percent => Rule::Significant(3),
            Quantity::PercentChange => Rule::SignedDecimals(2),
            Quantity::Count => Rule::Whole,
            Quantity::Ms => Rule::Decimals(1),
            Quantity::HazardRatio => Rule::SignificantMinDecimals(4, 2),
            _ => Rule::Significant(4),
        }
    }

    /// The unit as written after a number; words are translated.
    pub fn unit(self) -> Text {
        match self {
            Quantity::Mg => tr!("mg", "mg"),
            Quantity::Ml => tr!("mL", "mL"),
            Quantity::Kg => tr!("kg", "kg"),
            Quantity::Lb => tr!("lb", "lb"),
            Quantity::Cm => tr!("cm", "cm"),
            Quantity::Inch => tr!("in", "in"),
            Quantity::MgPerKg => tr!("mg/kg", "mg/kg"),
            Quantity::MgPerM2 => tr!("mg/m²", "mg/m²"),
            Quantity::MgPerMl => tr!("mg/mL", "mg/mL"),
            Quantity::M2 => tr!("m²", "m²"),
            Quantity::KgPerM2 => tr!("kg/m²", "kg/m²"),
            Quantity::MlPerMin => tr!("mL/min", "mL/min"),
            Quantity::MgPerDl => tr!("mg/dL", "mg/dL"),
            Quantity::UmolPerL => tr!("µmol/L", "µmol/L"),
            Quantity::Auc => tr!("mg/mL·min", "mg/mL·min"),
            Quantity::Percent | Quantity::PercentChange => tr!("%", "%"),
            Quantity::UgPerMl => tr!("µg/mL", "µg/mL"),
            Quantity::UgDayPerMl => tr!("µg·day/mL", "µg·天/mL"),
            Quantity::UgWeekPerMl => tr!("µg·week/mL", "µg·周/mL"),
            Quantity::Days => tr!("days", "天"),
            Quantity::Weeks => tr!("weeks", "周"),
            Quantity::Hours => tr!("h", "小时"),
            Quantity::Years => tr!("years", "岁"),
            Quantity::L => tr!("L", "L"),
            Quantity::LPerDay => tr!("L/day", "L/天"),
            Quantity::KDa => tr!("kDa", "kDa"),
            Quantity::Ratio | Quantity::HazardRatio | Quantity::Count => Text::new(""),
            Quantity::Ms => tr!("ms", "ms"),
        }
    }
}

/// A number as a reader sees it, by its quantity's rule; `—` when it is not finite.
pub fn number(value: f64, quantity: Quantity) -> String {
    match quantity.rule() {
        Rule::Significant(digits) => significant(value, digits),
        Rule::SignificantMinDecimals(digits, decimals) => {
            let text = significant(value, digits);
            if !value.is_finite() {
                return text;
            }
            let have = text.split_once('.').map(|(_, d)| d.len()).unwrap_or(0);
            match (have, text.contains('.')) {
                (h, true) if h < decimals => format!("{text}{}", "0".repeat(decimals - h)),
                (_, false) => format!("{text}.{}", "0".repeat(decimals)),
                _ => text,
            }
        }
        Rule::SignedDecimals(decimals) => {
            if !value.is_finite() {
                return "—".into();
            }
            let text = format!("{value:+.decimals$}");
            // "-0.00" reads as no change.
            if text
                .trim_start_matches(['+', '-'])
                .chars()
                .all(|c| c == '0' || c == '.')
            {
                format!("{:.decimals$}", 0.0)
            } else {
                text
            }
        }
        Rule::Decimals(decimals) => {
            if value.is_finite() {
                format!("{value:.decimals$}")
            } else {
                "—".into()
            }
        }
        Rule::Whole => {
            if value.is_finite() {
                format!("{}", value.round())
            } else {
                "—".into()
            }
        }
    }
}

/// A number with its unit: `1450 mg`, `9.85 days`, `12 %` (no space before `%` in Chinese).
pub fn with_unit(value: f64, quantity: Quantity, lang: Lang) -> String {
    let unit = quantity.unit().get(lang);
    let n = number(value, quantity);
    if unit.is_empty() {
        n
    } else if lang == Lang::ZhCn && (unit == "%" || unit.chars().any(is_cjk)) {
        format!("{n}{unit}")
    } else {
        format!("{n} {unit}")
    }
}

/// A Chinese character (a unit written in Chinese, 天, 周, 岁, follows its number with no space;
/// a Latin one, mg/m², keeps the space).
fn is_cjk(c: char) -> bool {
    ('\u{3000}'..='\u{9FFF}').contains(&c) || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}

/// Rounds to `digits` significant figures, without trailing zeros after the point (`1450`,
/// `145`, `1.826`, `0.03125`); `—` when not finite.
pub fn significant(value: f64, digits: usize) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    if value == 0.0 {
        return "0".into();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (digits as i32 - 1 - magnitude).max(0) as usize;
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn significant_figures() {
        assert_eq!(significant(1450.0, 4), "1450");
        assert_eq!(significant(145.0, 4), "145");
        assert_eq!(significant(1.825_741_858, 4), "1.826");
        assert_eq!(significant(0.031_26, 3), "0.0313");
        assert_eq!(significant(12_345.6, 3), "12346");
        assert_eq!(significant(-2.5, 2), "-2.5");
        assert_eq!(significant(0.0, 4), "0");
        assert_eq!(significant(f64::NAN, 4), "—");
    }

    #[test]
    fn rules_per_quantity() {
        // 20 mg/kg × 72.5 kg = 1450 mg; 536.68 mg shows 4 figures.
        assert_eq!(number(1450.0, Quantity::Mg), "1450");
        assert_eq!(number(536.683, Quantity::Mg), "536.7");
        assert_eq!(number(9.8512, Quantity::Days), "9.851");
        assert_eq!(number(12.345, Quantity::Percent), "12.3");
        assert_eq!(number(3.456, Quantity::PercentChange), "+3.46");
        assert_eq!(number(-0.001, Quantity::PercentChange), "0.00");
        assert_eq!(number(-4.0, Quantity::PercentChange), "-4.00");
        assert_eq!(number(15.0, Quantity::Count), "15");
        assert_eq!(number(72.94, Quantity::Ms), "72.9");
        assert_eq!(with_unit(145.0, Quantity::Ml, Lang::En), "145 mL");
        assert_eq!(with_unit(12.0, Quantity::Percent, Lang::En), "12 %");
        assert_eq!(with_unit(0.5, Quantity::Ratio, Lang::En), "0.5");
        // Hazard ratios as trials print them: 0.60, 0.777, 1.00.
        assert_eq!(number(0.6, Quantity::HazardRatio), "0.60");
        assert_eq!(number(0.777, Quantity::HazardRatio), "0.777");
        assert_eq!(number(1.0, Quantity::HazardRatio), "1.00");
        assert_eq!(number(0.51, Quantity::HazardRatio), "0.51");
    }
}

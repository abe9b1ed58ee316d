//! A figure's value: a number, a bound ("<0.001", ">80"), a range ("80–95"), or one of the
//! states the sources print instead of a number (NR, NE, not mature). In the data file a number
//! is a JSON number and everything else a string.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Repr", into = "Repr")]
pub enum Measure {
    Number(f64),
    /// "<x": printed as an upper bound (p values, "fewer than 1%").
    Below(f64),
    /// ">x": printed as a lower bound ("saturation (>80%)", "> 18 times").
    Above(f64),
    /// "a–b": printed as a range ("80%–95%").
    Range(f64, f64),
    /// "NR": not reached.
    NotReached,
    /// "NE": not estimable.
    NotEstimable,
    /// Reported as not yet mature or not yet available.
    NotMature,
}

impl Measure {
    pub fn number(self) -> Option<f64> {
        match self {
            Measure::Number(x) => Some(x),
            _ => None,
        }
    }

    /// Order after every number when sorting: bounds and ranges, then the states.
    pub(crate) fn state_rank(self) -> u8 {
        match self {
            Measure::Number(_) => 0,
            Measure::Below(_) | Measure::Above(_) | Measure::Range(..) => 1,
            Measure::NotReached => 2,
            Measure::NotEstimable => 3,
            Measure::NotMature => 4,
        }
    }

    /// The numbers a measure holds (a bound's limit, a range's ends).
    pub fn numbers(self) -> Vec<f64> {
        match self {
            Measure::Number(x) | Measure::Below(x) | Measure::Above(x) => vec![x],
            Measure::Range(a, b) => vec![a, b],
            _ => Vec::new(),
        }
    }

    /// Whether two printed values report the same thing: equal states, or numbers that agree
    /// once the more precise one is rounded to the other's decimals (11.14 and 11.1 agree,
    /// 0.46 and 0.48 do not).
    pub fn agrees_with(self, other: Measure) -> bool {
        match (self, other) {
            (Measure::Number(a), Measure::Number(b)) => {
                let d = decimals(a).min(decimals(b));
                (a - b).abs() <= 0.5 * 10f64.powi(-(d as i32)) + 1e-9
            }
            (a, b) => a == b,
        }
    }
}

/// Decimal places of the shortest text of a number (11.14 -> 2, 7 -> 0).
fn decimals(x: f64) -> usize {
    let s = format!("{x}");
    s.split_once('.').map_or(0, |(_, f)| f.len())
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Measure::Number(x) => write!(f, "{x}"),
            Measure::Below(x) => write!(f, "<{x}"),
            Measure::Above(x) => write!(f, ">{x}"),
            Measure::Range(a, b) => write!(f, "{a}–{b}"),
            Measure::NotReached => f.write_str("NR"),
            Measure::NotEstimable => f.write_str("NE"),
            Measure::NotMature => f.write_str("not mature"),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Repr {
    Number(f64),
    Text(String),
}

impl TryFrom<Repr> for Measure {
    type Error = String;
    fn try_from(r: Repr) -> Result<Self, String> {
        match r {
            Repr::Number(x) if x.is_finite() => Ok(Measure::Number(x)),
            Repr::Number(x) => Err(format!("not a finite number: {x}")),
            Repr::Text(t) => parse(&t).ok_or_else(|| format!("not a measure: {t:?}")),
        }
    }
}

impl From<Measure> for Repr {
    fn from(m: Measure) -> Self {
        match m {
            Measure::Number(x) => Repr::Number(x),
            other => Repr::Text(other.to_string()),
        }
    }
}

fn finite(text: &str) -> Option<f64> {
    crate::decimal::parse_decimal(text.trim())
}

/// Reads "NR", "NE", "not mature", "<x", ">x" or "a–b" (en dash or hyphen).
pub fn parse(text: &str) -> Option<Measure> {
    let t = text.trim();
    match t {
        "NR" => return Some(Measure::NotReached),
        "NE" => return Some(Measure::NotEstimable),
        "not mature" => return Some(Measure::NotMature),
        _ => {}
    }
    if let Some(rest) = t.strip_prefix('<') {
        return finite(rest).map(Measure::Below);
    }
    if let Some(rest) = t.strip_prefix('>') {
        return finite(rest).map(Measure::Above);
    }
    let (a, b) = t.split_once('–').or_else(|| t.split_once('-'))?;
    let (a, b) = (finite(a)?, finite(b)?);
    (a <= b).then_some(Measure::Range(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_states_bounds_and_ranges_read_and_write_back() {
        for (text, m) in [
            ("NR", Measure::NotReached),
            ("NE", Measure::NotEstimable),
            ("not mature", Measure::NotMature),
            ("<0.0001", Measure::Below(0.0001)),
            (">80", Measure::Above(80.0)),
            ("80–95", Measure::Range(80.0, 95.0)),
        ] {
            assert_eq!(parse(text), Some(m), "{text}");
            assert_eq!(parse(&m.to_string()), Some(m));
        }
        assert_eq!(parse("6-7"), Some(Measure::Range(6.0, 7.0)));
        assert_eq!(parse("9-3"), None);
        assert_eq!(parse("<"), None);
        assert_eq!(parse("soon"), None);
        let json: Vec<Measure> = serde_json::from_str(r#"[1.5, "NR", "<1", "80–95"]"#).unwrap();
        assert_eq!(json[0], Measure::Number(1.5));
        assert_eq!(
            serde_json::to_string(&json).unwrap(),
            r#"[1.5,"NR","<1","80–95"]"#
        );
        assert!(serde_json::from_str::<Measure>(r#""maybe""#).is_err());
    }

    #[test]
    fn rounding_agreement() {
        let n = Measure::Number;
        // HARMONi-2 median PFS: 11.14 (Vallathol et al.) and 11.1 (the review) agree
        assert!(n(11.14).agrees_with(n(11.1)));
        assert!(n(7.06).agrees_with(n(7.1)));
        assert!(n(7.0).agrees_with(n(7.1)));
        assert!(n(39.0).agrees_with(n(38.5)));
        assert!(n(27.89).agrees_with(n(27.9)));
        // HARMONi-2 TPS >=50% HR: 0.48 (Lancet) and 0.46 (WCLC) do not
        assert!(!n(0.48).agrees_with(n(0.46)));
        assert!(!n(26.3).agrees_with(n(29.4)));
        assert!(!n(9.3).agrees_with(Measure::NotMature));
        assert!(Measure::NotReached.agrees_with(Measure::NotReached));
    }
}

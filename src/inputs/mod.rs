//! Every input of the app, described once: one table per view ([`dose`], [`pk`], [`trials`])
//! with a row per input: its link parameter, label, unit(s) and their conversion, the range
//! it can be used in (outside: an error at the field), the range where it is plausible
//! (outside: the user confirms it on the page first), its default with the default's source,
//! whether it is a patient measurement (kept out of links unless asked) and a hint.
//!
//! Link reading and writing ([`link`]), the form fields, the JS API's input names and the
//! model documentation all read these rows; a parameter's name is written only in its row.
//!
//! How to add an input: one row in the view's table, then the domain code that uses it
//! (README, "How to add an input").
//!
//! Plain Rust: no UI or browser types.

pub mod dose;
pub mod link;
pub mod number;
pub mod pk;
pub mod trials;

use crate::format::Quantity;
use crate::i18n::Text;
use crate::sources::Source;

/// One input of a view.
#[derive(Debug)]
pub struct Input {
    /// The link parameter (CONTRACT.md), also the form field's name and `data-field`, and the
    /// JS API's name for it. Inputs named by a prefix (`m2.` + drug) end in `.`.
    pub name: &'static str,
    pub label: Text,
    pub kind: Kind,
    /// A patient measurement: it goes into a link only when the user asks for one with them.
    pub patient: bool,
    /// Shown under the field.
    pub hint: Option<Text>,
    pub default: Default,
}

impl PartialEq for Input {
    /// Inputs are the same when they are the same parameter.
    fn eq(&self, other: &Input) -> bool {
        self.name == other.name
    }
}

/// What an input holds.
#[derive(Debug)]
pub enum Kind {
    /// A number in one of `units` (the first is the base unit the ranges are in).
    Number(NumberSpec),
    /// One code of a list.
    Choice(&'static [Choice]),
    /// On or off: `1` or `0` in a link.
    Flag,
    /// Free text (a search).
    Text,
    /// A list of regimens to compare (`10q3,20q3`).
    Regimens,
}

/// The numbers an input takes.
#[derive(Debug)]
pub struct NumberSpec {
    /// The units it may be entered in; the first is the base unit of the ranges and of the
    /// domain. One unit: there is no unit choice.
    pub units: &'static [Unit],
    /// The input that chooses among `units` (`wunit` for `weight`).
    pub unit_input: Option<&'static Input>,
    /// Outside this range (in the base unit) the value cannot be used: an error at the field.
    pub usable: Range,
    /// Outside this range (in the base unit) the value is possible but unlikely (a typing or
    /// unit mistake): results that depend on it wait until the user confirms it on the page.
    pub plausible: Option<Range>,
    /// Only whole numbers (counts, seeds).
    pub whole: bool,
}

/// A unit a number may be entered in, and how it converts to the base unit.
#[derive(Debug)]
pub struct Unit {
    /// The link code of the unit (`kg`, `lb`); empty for a number's only unit.
    pub code: &'static str,
    pub quantity: Quantity,
    pub scale: Scale,
}

/// value in base unit = value in this unit × factor (or ÷ divisor).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    Times(f64),
    Divide(f64),
}

impl Unit {
    pub const fn base(quantity: Quantity) -> Unit {
        Unit {
            code: "",
            quantity,
            scale: Scale::Times(1.0),
        }
    }
    pub fn to_base(&self, value: f64) -> f64 {
        match self.scale {
            Scale::Times(f) => value * f,
            Scale::Divide(d) => value / d,
        }
    }
    pub fn from_base(&self, value: f64) -> f64 {
        match self.scale {
            Scale::Times(f) => value / f,
            Scale::Divide(d) => value * d,
        }
    }
}

/// A closed range `[min, max]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

impl Range {
    pub const fn new(min: f64, max: f64) -> Range {
        Range { min, max }
    }
    pub fn contains(&self, value: f64) -> bool {
        value >= self.min && value <= self.max
    }
}

/// A choice's code and its label.
#[derive(Debug)]
pub struct Choice {
    pub code: &'static str,
    pub label: Text,
}

/// What an absent input stands for.
#[derive(Debug)]
pub enum Default {
    /// Nothing: what needs it waits until it is entered.
    None,
    /// A choice's code.
    Code(&'static str),
    /// A number (base unit) with its source, from the data files.
    Sourced(fn() -> Sourced),
    /// Set by the domain from other inputs (the regimen's AUC, its partner's mg/m²).
    FromDomain(Text),
}

/// A default value and where it comes from: cited sources, or a description of how it was
/// derived (a calibration, an assumption).
#[derive(Clone, Debug, PartialEq)]
pub struct Sourced {
    pub value: f64,
    pub sources: Vec<&'static Source>,
    pub description: Option<Text>,
}

impl Sourced {
    pub fn cited(value: f64, sources: &'static [Source]) -> Sourced {
        Sourced {
            value,
            sources: sources.iter().collect(),
            description: None,
        }
    }
    pub fn described(value: f64, description: Text) -> Sourced {
        Sourced {
            value,
            sources: Vec::new(),
            description: Some(description),
        }
    }
}

impl Input {
    /// The number spec of a number input.
    pub fn number(&self) -> Option<&NumberSpec> {
        match &self.kind {
            Kind::Number(spec) => Some(spec),
            _ => None,
        }
    }

    /// The choices of a choice input.
    pub fn choices(&self) -> &'static [Choice] {
        match self.kind {
            Kind::Choice(list) => list,
            _ => &[],
        }
    }

    /// The choice with this code.
    pub fn choice(&self, code: &str) -> Option<&'static Choice> {
        self.choices().iter().find(|c| c.code == code)
    }

    /// Whether this input is named by a prefix (`m2.<drug>`).
    pub fn is_prefix(&self) -> bool {
        self.name.ends_with('.')
    }

    /// Whether a link parameter is this input (`m2.gemcitabine` is the `m2.` input).
    pub fn names(&self, param: &str) -> bool {
        if self.is_prefix() {
            param.len() > self.name.len() && param.starts_with(self.name)
        } else {
            param == self.name
        }
    }

    /// The default value (base unit) and its source, where it is a sourced number.
    pub fn sourced_default(&self) -> Option<Sourced> {
        match self.default {
            Default::Sourced(f) => Some(f()),
            _ => None,
        }
    }

    /// The base unit of a number input.
    pub fn base_quantity(&self) -> Option<Quantity> {
        self.number()
            .and_then(|n| n.units.first())
            .map(|u| u.quantity)
    }

    /// The unit with this code (a number's only unit has the empty code).
    pub fn unit(&self, code: &str) -> Option<&'static Unit> {
        match &self.kind {
            Kind::Number(spec) => spec.units.iter().find(|u| u.code == code),
            _ => None,
        }
    }
}

/// The page's language (`lang`: `en` or `zh-CN`, `crate::i18n::Lang`), a parameter of every
/// view that follows into the address bar.
pub static LANG: Input = Input {
    name: "lang",
    label: crate::tr!("Language", "语言"),
    kind: Kind::Text,
    patient: false,
    hint: None,
    default: Default::None,
};

/// A value the user confirmed on the page although it is outside its plausible range: the
/// link parameter (or a derived key such as `bmi`) and the value (base unit) confirmed. A
/// changed value needs a new confirmation; links never carry confirmations.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Confirmation {
    pub field: String,
    pub value: f64,
}

/// Whether `field` was confirmed at `value`.
pub fn is_confirmed(confirmed: &[Confirmation], field: &str, value: f64) -> bool {
    confirmed
        .iter()
        .any(|c| c.field == field && (c.value - value).abs() <= 1e-9 * value.abs().max(1.0))
}

/// The inputs of one view.
pub type Table = &'static [&'static Input];

/// The row of a table that a link parameter names.
pub fn find(table: Table, param: &str) -> Option<&'static Input> {
    table.iter().copied().find(|input| input.names(param))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_tables() -> [(&'static str, Table); 3] {
        [
            ("dose", dose::TABLE),
            ("pk", pk::TABLE),
            ("trials", trials::TABLE),
        ]
    }

    #[test]
    fn names_are_unique_and_units_consistent_in_each_table() {
        for (view, table) in all_tables() {
            for (i, a) in table.iter().enumerate() {
                for b in &table[i + 1..] {
                    assert_ne!(a.name, b.name, "{view}: {} twice", a.name);
                }
                if let Kind::Number(spec) = &a.kind {
                    assert!(!spec.units.is_empty(), "{view}.{}: no unit", a.name);
                    assert_eq!(spec.units[0].scale, Scale::Times(1.0), "{view}.{}", a.name);
                    assert!(spec.usable.min <= spec.usable.max, "{view}.{}", a.name);
                    if let Some(p) = spec.plausible {
                        assert!(
                            spec.usable.min <= p.min && p.max <= spec.usable.max,
                            "{view}.{}: plausible range outside the usable one",
                            a.name
                        );
                    }
                    match spec.unit_input {
                        Some(unit_input) => {
                            assert!(table.iter().any(|t| std::ptr::eq(*t, unit_input)));
                            for u in spec.units {
                                assert!(
                                    unit_input.choice(u.code).is_some(),
                                    "{view}.{}: unit {} is not a choice of {}",
                                    a.name,
                                    u.code,
                                    unit_input.name
                                );
                            }
                        }
                        None => assert_eq!(spec.units.len(), 1, "{view}.{}", a.name),
                    }
                    if let Some(d) = a.sourced_default() {
                        assert!(spec.usable.contains(d.value), "{view}.{}", a.name);
                        assert!(
                            !d.sources.is_empty() || d.description.is_some(),
                            "{view}.{}: default without source",
                            a.name
                        );
                    }
                }
                if let (Default::Code(code), Kind::Choice(_)) = (&a.default, &a.kind) {
                    assert!(
                        a.choice(code).is_some(),
                        "{view}.{}: default {code}",
                        a.name
                    );
                }
            }
        }
    }

    #[test]
    fn units_convert_both_ways() {
        for (_, table) in all_tables() {
            for input in table.iter() {
                for unit in input.number().map(|n| n.units).unwrap_or_default() {
                    let x = 72.5;
                    assert!((unit.from_base(unit.to_base(x)) - x).abs() < 1e-9);
                }
            }
        }
    }
}

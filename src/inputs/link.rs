//! A view's inputs read from a link's query (or a JS API object, or the form, which all hold
//! text by parameter name) and written back, by the rows of the view's table. Reading checks
//! the form of each value (a number, a known code); ranges are checked where the value is
//! used, against the same rows (`inputs::number`).

use std::collections::BTreeMap;

use crate::link::QueryMap;
use crate::messages::{Code, Message};
use crate::tr;

use super::number::{parse_number, parse_whole, unreadable, NumberProblem};
use super::{Choice, Input, Kind, Table};

/// Reads typed values from a query, with a message per parameter that cannot be read.
pub struct Reading<'q> {
    query: &'q QueryMap,
    pub messages: Vec<Message>,
}

impl<'q> Reading<'q> {
    pub fn new(query: &'q QueryMap) -> Self {
        Reading {
            query,
            messages: Vec::new(),
        }
    }

    /// The text of an input, if present and not blank.
    pub fn raw(&self, input: &Input) -> Option<&'q str> {
        self.query.get(input.name).filter(|t| !t.trim().is_empty())
    }

    /// Whether reading the input named `param` gave a message.
    pub fn failed(&self, param: &str) -> bool {
        self.messages.iter().any(|m| m.is_at(param))
    }

    fn fail(&mut self, message: Message) {
        self.messages.push(message);
    }

    /// A number as typed (in the unit the user chose), or None when absent or unreadable.
    pub fn number(&mut self, input: &'static Input) -> Option<f64> {
        let text = self.raw(input)?;
        self.number_text(input, input.name, text)
    }

    fn number_text(&mut self, input: &'static Input, param: &str, text: &str) -> Option<f64> {
        let whole = input.number().is_some_and(|n| n.whole);
        let read = if whole {
            parse_whole(text).map(|v| v as f64)
        } else {
            parse_number(text)
        };
        match read {
            Ok(v) => Some(v),
            Err(NumberProblem::Empty) => None,
            Err(problem) => {
                self.fail(unreadable(input, param, text, &problem));
                None
            }
        }
    }

    /// A whole number (a count or a seed).
    pub fn whole(&mut self, input: &'static Input) -> Option<u64> {
        let text = self.raw(input)?;
        match parse_whole(text) {
            Ok(v) => Some(v),
            Err(NumberProblem::Empty) => None,
            Err(problem) => {
                self.fail(unreadable(input, input.name, text, &problem));
                None
            }
        }
    }

    /// One of the input's choices, or None when absent or unknown (then a message).
    pub fn choice(&mut self, input: &'static Input) -> Option<&'static Choice> {
        let text = self.raw(input)?.trim();
        match input.choice(text) {
            Some(choice) => Some(choice),
            None => {
                self.fail(unknown_choice(input, text));
                None
            }
        }
    }

    /// A choice read into a domain type by its code.
    pub fn code<T>(
        &mut self,
        input: &'static Input,
        from_code: fn(&str) -> Option<T>,
    ) -> Option<T> {
        self.choice(input).and_then(|c| from_code(c.code))
    }

    /// On or off: `1`, `true`, `yes`, `on` or `0`, `false`, `no`, `off`.
    pub fn flag(&mut self, input: &'static Input) -> Option<bool> {
        let text = self.raw(input)?;
        match text.trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Some(true),
            "0" | "false" | "no" | "off" => Some(false),
            _ => {
                self.fail(
                    Message::new(
                        Code::UnknownChoice,
                        tr!(
                            "{label}: “{text}” is not one of 1, 0.",
                            "{label}：“{text}”不是 1 或 0。"
                        ),
                    )
                    .at(input.name)
                    .arg("label", input.label)
                    .arg("text", text.trim()),
                );
                None
            }
        }
    }

    /// Free text, trimmed; None when blank.
    pub fn text(&self, input: &Input) -> Option<String> {
        self.raw(input).map(|t| t.trim().to_string())
    }

    /// The numbers of a prefix input (`m2.gemcitabine=1000`), by the name after the prefix.
    pub fn prefixed(&mut self, input: &'static Input) -> BTreeMap<String, f64> {
        let mut out = BTreeMap::new();
        let query = self.query;
        for (param, text) in query.iter() {
            if !input.names(param) || text.trim().is_empty() {
                continue;
            }
            let key = param[input.name.len()..].to_string();
            if let Some(v) = self.number_text(input, param, text) {
                out.insert(key, v);
            } else if !self.failed(param) {
                continue;
            } else {
                out.insert(key, f64::NAN);
            }
        }
        out
    }

    /// A message for a name that is none of the table's (the JS API refuses unknown names).
    pub fn refuse_unknown(&mut self, table: Table) {
        let query = self.query;
        for (param, _) in query.iter() {
            if super::find(table, param).is_none() {
                self.fail(
                    Message::new(
                        Code::UnknownInput,
                        tr!(
                            "“{name}” is not an input of this view.",
                            "“{name}”不是此页面的输入项。"
                        ),
                    )
                    .at(param.to_string())
                    .arg("name", param),
                );
            }
        }
    }
}

/// The message for a code that is none of the input's choices.
pub fn unknown_choice(input: &Input, text: &str) -> Message {
    let allowed: Vec<&str> = input.choices().iter().map(|c| c.code).collect();
    Message::new(
        Code::UnknownChoice,
        tr!(
            "{label}: “{text}” is not one of {allowed}.",
            "{label}：“{text}”不在可选项 {allowed} 之中。"
        ),
    )
    .at(input.name)
    .arg("label", input.label)
    .arg("text", text)
    .arg("allowed", allowed.join(", "))
}

/// A number as a link writes it: the shortest text that reads back to the same value.
pub fn exact(value: f64) -> String {
    format!("{value}")
}

/// Writes values into a query, by the table's rows.
#[derive(Default)]
pub struct Writer(pub QueryMap);

impl Writer {
    pub fn number(&mut self, input: &Input, value: Option<f64>) {
        if let Some(v) = value {
            self.0.set(input.name, &exact(v));
        }
    }
    pub fn whole(&mut self, input: &Input, value: Option<u64>) {
        if let Some(v) = value {
            self.0.set(input.name, &v.to_string());
        }
    }
    pub fn code(&mut self, input: &Input, code: Option<&str>) {
        if let Some(c) = code {
            self.0.set(input.name, c);
        }
    }
    pub fn flag(&mut self, input: &Input, value: Option<bool>) {
        if let Some(on) = value {
            self.0.set(input.name, if on { "1" } else { "0" });
        }
    }
    pub fn text(&mut self, input: &Input, value: Option<&str>) {
        if let Some(v) = value {
            self.0.set(input.name, v);
        }
    }
    pub fn prefixed(&mut self, input: &Input, values: &BTreeMap<String, f64>) {
        for (key, v) in values {
            self.0.set(&format!("{}{key}", input.name), &exact(*v));
        }
    }
}

/// Only the parameters of `table`; without the patient's values unless `with_patient`.
pub fn only(query: &QueryMap, table: Table, with_patient: bool) -> QueryMap {
    let mut out = QueryMap::new();
    for input in table.iter() {
        if input.patient && !with_patient {
            continue;
        }
        for (param, value) in query.iter() {
            if input.names(param) {
                out.set(param, value);
            }
        }
    }
    out
}

/// The names of the table's parameters that follow the inputs into the address bar (all but
/// the patient's values), prefix inputs by their prefix.
pub fn scenario_names(table: Table) -> Vec<&'static str> {
    table
        .iter()
        .filter(|i| !i.patient)
        .map(|i| i.name)
        .collect()
}

/// The unit an input's value was entered in: its unit input's code, or the base unit. None
/// when the unit input holds an unknown code (the value is then not read in a guessed unit).
pub fn unit_of(reading: &mut Reading, input: &'static Input) -> Option<&'static super::Unit> {
    let spec = input.number()?;
    match spec.unit_input {
        None => spec.units.first(),
        Some(unit_input) => match reading.choice(unit_input) {
            Some(choice) => input.unit(choice.code).or_else(|| spec.units.first()),
            None if reading.failed(unit_input.name) => None,
            None => spec.units.first(),
        },
    }
}

impl Kind {
    /// Whether a link value of this kind is a number.
    pub fn is_number(&self) -> bool {
        matches!(self, Kind::Number(_))
    }
}

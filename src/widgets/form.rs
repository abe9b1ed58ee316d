//! A view's inputs as the user typed them, kept in the shape of a link query so that the
//! address bar can follow them.

use crate::browser;
use crate::inputs::link::scenario_names;
use crate::inputs::{Confirmation, Input, Table};
use crate::link::{hash_for, QueryMap, Route};
use yew::prelude::*;

/// The raw text of every input of a view, by link parameter name.
#[derive(Clone, PartialEq)]
pub struct LinkForm {
    state: UseStateHandle<QueryMap>,
}

impl LinkForm {
    pub fn raw(&self) -> &QueryMap {
        &self.state
    }
    /// The text of one input ("" when empty).
    pub fn text(&self, name: &str) -> AttrValue {
        AttrValue::from(self.state.get(name).unwrap_or_default().to_string())
    }
    /// The text of a row's input.
    pub fn of(&self, input: &Input) -> AttrValue {
        self.text(input.name)
    }
    /// Whether an input holds something other than blanks.
    pub fn has(&self, input: &Input) -> bool {
        !self.of(input).trim().is_empty()
    }
    pub fn set(&self, name: &str, value: &str) {
        let mut next = (*self.state).clone();
        next.set(name, value);
        self.state.set(next);
    }
    /// Sets several inputs at once (one state change, one address-bar update).
    pub fn set_many(&self, pairs: &[(&str, &str)]) {
        let mut next = (*self.state).clone();
        for (name, value) in pairs {
            next.set(name, value);
        }
        self.state.set(next);
    }
    /// A callback that sets one input from its new text.
    pub fn setter(&self, name: &'static str) -> Callback<String> {
        let form = self.clone();
        Callback::from(move |value: String| form.set(name, &value))
    }
    /// A callback that sets a row's input.
    pub fn set_input(&self, input: &'static Input) -> Callback<String> {
        self.setter(input.name)
    }
    /// A callback that sets the unit input of a row.
    pub fn set_unit(&self, input: &'static Input) -> Callback<String> {
        match input.number().and_then(|n| n.unit_input) {
            Some(unit) => self.setter(unit.name),
            None => Callback::noop(),
        }
    }
}

/// Form state started from the link's query; after every change the scenario parameters
/// (not the patient's measurements) and `also` (the page language) are written back into the
/// address bar.
#[hook]
pub fn use_table_form(route: Route, initial: QueryMap, table: Table, also: QueryMap) -> LinkForm {
    let state = use_state(move || initial);
    {
        let route = route.clone();
        use_effect_with(((*state).clone(), also), move |(raw, also)| {
            let mut query = crate::inputs::link::only(raw, table, false);
            for (name, value) in also.iter() {
                query.set(name, value);
            }
            browser::replace_hash(&hash_for(&route, &query));
        });
    }
    LinkForm { state }
}

/// Form state for a view whose scenario parameters are `scenario` (by name).
#[hook]
pub fn use_link_form(
    route: Route,
    initial: QueryMap,
    scenario: &'static [&'static str],
) -> LinkForm {
    let state = use_state(move || initial);
    {
        let route = route.clone();
        use_effect_with((*state).clone(), move |raw| {
            browser::replace_hash(&hash_for(&route, &raw.only(scenario)));
        });
    }
    LinkForm { state }
}

/// The names a table's form writes into the address bar.
pub fn names(table: Table) -> Vec<&'static str> {
    scenario_names(table)
}

/// The values the user confirmed on this page (a link never confirms), and the callback that
/// confirms one: a field's new confirmation replaces its earlier one.
#[hook]
pub fn use_confirmations() -> (Vec<Confirmation>, Callback<(String, f64)>) {
    let confirmed = use_state(Vec::<Confirmation>::new);
    let on_confirm = {
        let confirmed = confirmed.clone();
        Callback::from(move |(field, value): (String, f64)| {
            let mut next = (*confirmed).clone();
            next.retain(|c| c.field != field);
            next.push(Confirmation { field, value });
            confirmed.set(next);
        })
    };
    ((*confirmed).clone(), on_confirm)
}

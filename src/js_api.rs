//! The PK engine and the dose calculation for JavaScript (wasm-bindgen), taking and returning
//! plain objects (serde-wasm-bindgen). Trunk's loader puts the exports on
//! `window.wasmBindings`:
//!
//! ```js
//! const r = window.wasmBindings.simulate({ mgkg: 10, every: 3, doses: 17 });
//! r.metrics.cmax_ss;            // µg/mL
//! window.wasmBindings.simulatePopulation({ n: 500, seed: 7 }).metrics.ctrough_ss.p05;
//! window.wasmBindings.calculateDose({ weight: 72.5, mg_per_kg: 20 }).dose_mg;
//! ```
//!
//! PK parameters are named as the link parameters of CONTRACT.md (`mgkg`, `weight`, `every`
//! in weeks, `doses`, `tinf` in hours, `cl0` ... `seed`, plus `flat`, `allo_cl`, `allo_v`); absent
//! ones take the defaults. An unusable input throws an `Error` whose `errors` property lists
//! `{ field, message }` per input. The functions are plain Rust underneath ([`simulate_inputs`],
//! [`population_inputs`]) and tested natively.

use crate::dosing::{calculate, DoseReport, DoseRequest};
use crate::pk::{
    default_calibration, default_model, default_population, default_regimen, simulate_population,
    sources, Calibration, ModelParams, PkSources, PopulationSpec, PopulationSummary, Regimen,
    Simulation,
};
use crate::views::pk::resolve::{regimen_label, resolve, FieldMessage, PkInputs};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// One regimen in the typical patient, with the inputs as used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimulateOutput {
    pub label: String,
    pub model: ModelParams,
    pub regimen: Regimen,
    #[serde(flatten)]
    pub simulation: Simulation,
}

/// A population run, with the inputs as used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PopulationOutput {
    pub label: String,
    pub model: ModelParams,
    pub regimen: Regimen,
    pub population: PopulationSpec,
    #[serde(flatten)]
    pub summary: PopulationSummary,
}

/// The defaults with their sources and calibrations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PkDefaults {
    pub model: ModelParams,
    pub calibration: Calibration,
    pub regimen: Regimen,
    pub population: PopulationSpec,
    pub sources: PkSources,
}

/// Simulates the typical patient.
pub fn simulate_inputs(inputs: &PkInputs) -> Result<SimulateOutput, Vec<FieldMessage>> {
    let r = resolve(inputs);
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    let simulation =
        crate::pk::simulate(&r.model, &r.regimen).map_err(|errors| field_messages(&errors))?;
    Ok(SimulateOutput {
        label: regimen_label(&r.regimen),
        model: r.model,
        regimen: r.regimen,
        simulation,
    })
}

/// The engine's input errors as per-field messages keyed by link parameter name.
fn field_messages(errors: &[crate::pk::InputError]) -> Vec<FieldMessage> {
    errors
        .iter()
        .map(|e| FieldMessage {
            field: e.field.link_name().into(),
            message: e.to_string(),
        })
        .collect()
}

/// Simulates a population on the band grid.
pub fn population_inputs(inputs: &PkInputs) -> Result<PopulationOutput, Vec<FieldMessage>> {
    let r = resolve(inputs);
    if !r.population_ok() {
        return Err(r.errors.into_iter().chain(r.population_errors).collect());
    }
    let summary = simulate_population(&r.model, &r.regimen, &r.population)
        .map_err(|errors| field_messages(&errors))?;
    Ok(PopulationOutput {
        label: regimen_label(&r.regimen),
        model: r.model,
        regimen: r.regimen,
        population: r.population,
        summary,
    })
}

pub fn defaults() -> PkDefaults {
    PkDefaults {
        model: default_model(),
        calibration: default_calibration(),
        regimen: default_regimen(),
        population: default_population(),
        sources: sources().clone(),
    }
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::json_compatible()
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serializer())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// A JS `Error` whose message joins the per-field messages and whose `errors` property lists
/// them as `{ field, message }`.
fn field_error(errors: &[FieldMessage]) -> JsValue {
    let message = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ");
    let error = js_sys::Error::new(&message);
    if let Ok(list) = errors.serialize(&serializer()) {
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("errors"), &list);
    }
    error.into()
}

fn from_js<T: for<'de> Deserialize<'de> + Default>(value: JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        field_error(&[FieldMessage {
            field: "params".into(),
            message: e.to_string(),
        }])
    })
}

/// `simulate(params)`: curve, metrics and per-cycle table of one regimen, typical patient.
#[wasm_bindgen(js_name = simulate)]
pub fn js_simulate(params: JsValue) -> Result<JsValue, JsValue> {
    let inputs: PkInputs = from_js(params)?;
    to_js(&simulate_inputs(&inputs).map_err(|e| field_error(&e))?)
}

/// `simulatePopulation(params)`: percentile bands and metric percentiles of `n` virtual patients.
#[wasm_bindgen(js_name = simulatePopulation)]
pub fn js_simulate_population(params: JsValue) -> Result<JsValue, JsValue> {
    let inputs: PkInputs = from_js(params)?;
    to_js(&population_inputs(&inputs).map_err(|e| field_error(&e))?)
}

/// `calculateDose(request)`: the dose view's calculation (fields of `DoseRequest`, snake_case;
/// problems are in the report's `errors`, as on the page).
#[wasm_bindgen(js_name = calculateDose)]
pub fn js_calculate_dose(request: JsValue) -> Result<JsValue, JsValue> {
    let request: DoseRequest = from_js(request)?;
    let report: DoseReport = calculate(&request);
    to_js(&report)
}

/// `pkDefaults()`: the default model, its calibration, regimen, population and sources.
#[wasm_bindgen(js_name = pkDefaults)]
pub fn js_pk_defaults() -> Result<JsValue, JsValue> {
    to_js(&defaults())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simulate_matches_the_engine_and_reports_fields() {
        let out = simulate_inputs(&PkInputs {
            mgkg: Some(10.0),
            ..PkInputs::default()
        })
        .unwrap_or_else(|e| panic!("{e:?}"));
        let regimen = Regimen {
            dose: crate::pk::DoseAmount::MgPerKg(10.0),
            ..default_regimen()
        };
        let direct =
            crate::pk::simulate(&default_model(), &regimen).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(out.simulation, direct);
        assert_eq!(out.label, "10 mg/kg Q3W");
        let errors = simulate_inputs(&PkInputs {
            v1: Some(-1.0),
            doses: Some(2.5),
            ..PkInputs::default()
        })
        .err()
        .unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["doses", "v1"]);
    }

    #[test]
    fn population_and_defaults() {
        let out = population_inputs(&PkInputs {
            n: Some(50.0),
            seed: Some(3.0),
            ..PkInputs::default()
        })
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(out.summary.patients, 50);
        assert_eq!(out.summary.seed, 3);
        assert!(population_inputs(&PkInputs {
            n: Some(0.0),
            ..PkInputs::default()
        })
        .is_err());
        let json = serde_json::to_value(defaults()).unwrap_or_default();
        assert!(json["calibration"]["clearance_t50_days"].as_f64().is_some());
        // Unknown names are refused (a typo must not silently fall back to a default).
        assert!(serde_json::from_str::<PkInputs>(r#"{"mgKg": 10}"#).is_err());
    }
}

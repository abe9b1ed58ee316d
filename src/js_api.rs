//! The PK engine and the dose calculation for JavaScript (wasm-bindgen), taking and returning
//! plain objects (serde-wasm-bindgen). Trunk's loader puts the exports on
//! `window.wasmBindings`:
//!
//! ```js
//! const r = window.wasmBindings.simulate({ mgkg: 10, every: 3, doses: 17 });
//! r.metrics.cmax_ss;            // µg/mL
//! window.wasmBindings.simulatePopulation({ n: 500, seed: 7 }).metrics.ctrough_ss.p05;
//! window.wasmBindings.calculateDose({ weight: 72.5, mgkg: 20 }).dose_mg;
//! ```
//!
//! Inputs are named as the views' link parameters (the rows of `crate::inputs::pk` and
//! `crate::inputs::dose`), read by the same scenario layer as links, so a name, a range or a
//! check is the same everywhere; absent ones take the defaults and an unknown name is
//! refused. A value outside its plausible range is refused too unless the object lists it
//! in `confirm` (`{ mgkg: 45, confirm: ["mgkg"] }`). An unusable input throws an `Error`
//! whose `errors` property lists `{ code, field, message, ... }` per input. The functions are
//! plain Rust underneath ([`simulate_query`], [`population_query`], [`dose_query`]) and
//! tested natively.

use std::collections::BTreeMap;

use crate::dosing::{calculate, DoseReport};
use crate::i18n::Lang;
use crate::inputs::link::{exact, Reading};
use crate::inputs::Confirmation;
use crate::link::QueryMap;
use crate::messages::Plain;
use crate::pk::{
    default_calibration, default_model, default_population, default_regimen, simulate_population,
    sources, Calibration, CycleMetrics, ExposureMetrics, MetricPercentiles, ModelParams,
    PatientParams, PkSources, PopulationSpec, Regimen,
};
use crate::scenario::{dose, pk};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// One regimen in the typical patient, with the inputs as used.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SimulateOutput {
    pub label: String,
    pub model: ModelParams,
    pub regimen: Regimen,
    pub dose_mg: f64,
    pub times_days: Vec<f64>,
    pub conc_ug_per_ml: Vec<f64>,
    pub dose_times_days: Vec<f64>,
    pub metrics: ExposureMetrics,
    pub cycles: Vec<CycleMetrics>,
    pub patient: PatientParams,
    pub warnings: Vec<Plain>,
}

/// A population run, with the inputs as used. The summary's fields are written out here, not
/// nested or `#[serde(flatten)]`ed: the JS API's shape stays flat, and flatten would compile a
/// map-based serializer into the wasm.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PopulationOutput {
    pub label: String,
    pub model: ModelParams,
    pub regimen: Regimen,
    pub population: PopulationSpec,
    pub patients: u32,
    pub seed: u64,
    pub times_days: Vec<f64>,
    pub p05: Vec<f64>,
    pub p25: Vec<f64>,
    pub p50: Vec<f64>,
    pub p75: Vec<f64>,
    pub p95: Vec<f64>,
    pub metrics: MetricPercentiles,
}

/// The defaults with their sources and calibrations.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PkDefaults {
    pub model: ModelParams,
    pub calibration: Calibration,
    pub regimen: Regimen,
    pub population: PopulationSpec,
    pub sources: &'static PkSources,
}

/// A JS value of an input: a number, a flag or text.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    Number(f64),
    Flag(bool),
    Text(String),
    List(Vec<String>),
}

/// The name under which an object lists the values it confirms.
pub const CONFIRM: &str = "confirm";

/// An object's inputs as a query (numbers written exactly) and the names it confirms.
pub fn query_of(object: &BTreeMap<String, Scalar>) -> (QueryMap, Vec<String>) {
    let mut query = QueryMap::new();
    let mut confirm = Vec::new();
    for (name, value) in object {
        match value {
            Scalar::List(names) if name == CONFIRM => confirm.extend(names.iter().cloned()),
            Scalar::Number(v) => query.set(name, &exact(*v)),
            Scalar::Flag(on) => query.set(name, if *on { "1" } else { "0" }),
            Scalar::Text(t) => query.set(name, t),
            Scalar::List(items) => query.set(name, &items.join(",")),
        }
    }
    (query, confirm)
}

fn unknown(query: &QueryMap, table: crate::inputs::Table) -> Vec<Plain> {
    let mut r = Reading::new(query);
    r.refuse_unknown(table);
    r.messages.iter().map(Plain::from).collect()
}

/// The PK scenario of a query, its pending values confirmed where `confirm` names them.
fn pk_scenario(query: &QueryMap, confirm: &[String]) -> Result<pk::PkScenario, Vec<Plain>> {
    let errors = unknown(query, crate::inputs::pk::TABLE);
    if !errors.is_empty() {
        return Err(errors);
    }
    // A confirmation can reveal another value waiting (a height, then the BMI): read again
    // until nothing listed in `confirm` waits.
    let mut confirmed: Vec<Confirmation> = Vec::new();
    let mut scenario = pk::read(query, &confirmed);
    for _ in 0..4 {
        let next: Vec<Confirmation> = scenario
            .pending
            .iter()
            .filter_map(|(m, v)| {
                let field = m.field.as_deref()?;
                confirm.iter().any(|c| c == field).then(|| Confirmation {
                    field: field.to_string(),
                    value: *v,
                })
            })
            .collect();
        if next.is_empty() {
            break;
        }
        confirmed.extend(next);
        scenario = pk::read(query, &confirmed);
    }
    Ok(scenario)
}

fn blocking(s: &pk::PkScenario, population: bool) -> Vec<Plain> {
    let mut out: Vec<Plain> = s
        .errors
        .iter()
        .chain(s.pending.iter().map(|(m, _)| m))
        .map(Plain::from)
        .collect();
    if population {
        out.extend(s.population_errors.iter().map(Plain::from));
    }
    out
}

/// Simulates the typical patient.
pub fn simulate_query(query: &QueryMap, confirm: &[String]) -> Result<SimulateOutput, Vec<Plain>> {
    let s = pk_scenario(query, confirm)?;
    let errors = blocking(&s, false);
    if !errors.is_empty() {
        return Err(errors);
    }
    let sim = crate::pk::simulate(&s.model, &s.regimen).map_err(|errors| engine(&errors))?;
    Ok(SimulateOutput {
        label: pk::regimen_label(&s.regimen, Lang::En),
        model: s.model,
        regimen: s.regimen,
        dose_mg: sim.dose_mg,
        times_days: sim.times_days,
        conc_ug_per_ml: sim.conc_ug_per_ml,
        dose_times_days: sim.dose_times_days,
        metrics: sim.metrics,
        cycles: sim.cycles,
        patient: sim.patient,
        warnings: s.warnings.iter().map(Plain::from).collect(),
    })
}

/// The engine's own errors (inputs the scenario let through), per field.
fn engine(errors: &[crate::pk::InputError]) -> Vec<Plain> {
    errors
        .iter()
        .map(|e| Plain {
            code: crate::messages::Code::OutOfRange.contract(),
            severity: "error",
            field: Some(e.field.link_name().to_string()),
            message: e.to_string(),
            sources: Vec::new(),
        })
        .collect()
}

/// Simulates a population on the band grid.
pub fn population_query(
    query: &QueryMap,
    confirm: &[String],
) -> Result<PopulationOutput, Vec<Plain>> {
    let s = pk_scenario(query, confirm)?;
    let errors = blocking(&s, true);
    if !errors.is_empty() {
        return Err(errors);
    }
    let summary = simulate_population(&s.model, &s.regimen, &s.population)
        .map_err(|errors| engine(&errors))?;
    Ok(PopulationOutput {
        label: pk::regimen_label(&s.regimen, Lang::En),
        model: s.model,
        regimen: s.regimen,
        population: s.population,
        patients: summary.patients,
        seed: summary.seed,
        times_days: summary.times_days,
        p05: summary.p05,
        p25: summary.p25,
        p50: summary.p50,
        p75: summary.p75,
        p95: summary.p95,
        metrics: summary.metrics,
    })
}

/// The dose view's calculation: problems are in the report's `errors` and `pending`, as on
/// the page; unknown names and unreadable values are thrown.
pub fn dose_query(query: &QueryMap, confirm: &[String]) -> Result<DoseReport, Vec<Plain>> {
    let errors = unknown(query, crate::inputs::dose::TABLE);
    if !errors.is_empty() {
        return Err(errors);
    }
    let (mut request, messages) = dose::read(query);
    if !messages.is_empty() {
        return Err(messages.iter().map(Plain::from).collect());
    }
    // A confirmation can reveal another value waiting (a height, then the BMI): calculate
    // again until nothing listed in `confirm` waits.
    let mut report = calculate(&request);
    for _ in 0..4 {
        let next: Vec<Confirmation> = report
            .pending
            .iter()
            .filter(|p| confirm.contains(&p.key))
            .map(|p| Confirmation {
                field: p.key.clone(),
                value: p.value,
            })
            .collect();
        if next.is_empty() {
            break;
        }
        request.confirmed.extend(next);
        report = calculate(&request);
    }
    Ok(report)
}

pub fn defaults() -> PkDefaults {
    PkDefaults {
        model: default_model(),
        calibration: default_calibration(),
        regimen: default_regimen(),
        population: default_population(),
        sources: sources(),
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
/// them.
fn field_error(errors: &[Plain]) -> JsValue {
    let message = errors
        .iter()
        .map(|e| format!("{}: {}", e.field.as_deref().unwrap_or("params"), e.message))
        .collect::<Vec<_>>()
        .join("; ");
    let error = js_sys::Error::new(&message);
    if let Ok(list) = errors.serialize(&serializer()) {
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("errors"), &list);
    }
    error.into()
}

fn from_js(value: JsValue) -> Result<(QueryMap, Vec<String>), JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok((QueryMap::new(), Vec::new()));
    }
    let object = scalars_of(&value).map_err(|message| {
        field_error(&[Plain {
            code: crate::messages::Code::NotANumber.contract(),
            severity: "error",
            field: None,
            message,
            sources: Vec::new(),
        }])
    })?;
    Ok(query_of(&object))
}

/// A plain object's own properties as [`Scalar`]s, read with the JS engine's own type checks
/// (a serde `untagged` enum would compile serde's buffering deserializer into the wasm).
fn scalars_of(value: &JsValue) -> Result<BTreeMap<String, Scalar>, String> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err("the inputs must be an object, such as { weight: 72.5, mgkg: 20 }".into());
    }
    let mut object = BTreeMap::new();
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let name = entry.get(0).as_string().unwrap_or_default();
        let value = entry.get(1);
        let scalar = if let Some(number) = value.as_f64() {
            Scalar::Number(number)
        } else if let Some(on) = value.as_bool() {
            Scalar::Flag(on)
        } else if let Some(text) = value.as_string() {
            Scalar::Text(text)
        } else if js_sys::Array::is_array(&value) {
            let items: Option<Vec<String>> = js_sys::Array::from(&value)
                .iter()
                .map(|item| item.as_string())
                .collect();
            Scalar::List(items.ok_or_else(|| format!("{name}: a list must hold texts only"))?)
        } else {
            return Err(format!(
                "{name}: expected a number, true or false, a text or a list of texts"
            ));
        };
        object.insert(name, scalar);
    }
    Ok(object)
}

/// `simulate(params)`: curve, metrics and per-cycle table of one regimen, typical patient.
#[wasm_bindgen(js_name = simulate)]
pub fn js_simulate(params: JsValue) -> Result<JsValue, JsValue> {
    let (query, confirm) = from_js(params)?;
    to_js(&simulate_query(&query, &confirm).map_err(|e| field_error(&e))?)
}

/// `simulatePopulation(params)`: percentile bands and metric percentiles of `n` virtual patients.
#[wasm_bindgen(js_name = simulatePopulation)]
pub fn js_simulate_population(params: JsValue) -> Result<JsValue, JsValue> {
    let (query, confirm) = from_js(params)?;
    to_js(&population_query(&query, &confirm).map_err(|e| field_error(&e))?)
}

/// `calculateDose(params)`: the dose view's calculation, named as its link parameters.
#[wasm_bindgen(js_name = calculateDose)]
pub fn js_calculate_dose(params: JsValue) -> Result<JsValue, JsValue> {
    let (query, confirm) = from_js(params)?;
    to_js(&dose_query(&query, &confirm).map_err(|e| field_error(&e))?)
}

/// `pkDefaults()`: the default model, its calibration, regimen, population and sources.
#[wasm_bindgen(js_name = pkDefaults)]
pub fn js_pk_defaults() -> Result<JsValue, JsValue> {
    to_js(&defaults())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> QueryMap {
        QueryMap::parse(s)
    }

    #[test]
    fn simulate_matches_the_engine_and_reports_fields() {
        let out = simulate_query(&q("mgkg=10"), &[]).unwrap_or_else(|e| panic!("{e:?}"));
        let regimen = Regimen {
            dose: crate::pk::DoseAmount::MgPerKg(10.0),
            ..default_regimen()
        };
        let direct =
            crate::pk::simulate(&default_model(), &regimen).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(out.metrics, direct.metrics);
        assert_eq!(out.conc_ug_per_ml, direct.conc_ug_per_ml);
        assert_eq!(out.label, "10 mg/kg Q3W");
        let errors = simulate_query(&q("v1=-1&doses=2.5"), &[])
            .err()
            .unwrap_or_default();
        let fields: Vec<&str> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
        assert_eq!(fields, vec!["v1", "doses"]);
        assert!(errors[0].message.starts_with("V1"), "{}", errors[0].message);
    }

    #[test]
    fn unknown_names_and_unconfirmed_values_are_refused() {
        // A typo must not silently fall back to a default.
        let errors = simulate_query(&q("mgKg=10"), &[]).err().unwrap_or_default();
        assert_eq!(errors[0].code, "unknown-input");
        assert_eq!(errors[0].field.as_deref(), Some("mgKg"));
        // 45 mg/kg: refused unless confirmed.
        let errors = simulate_query(&q("mgkg=45"), &[]).err().unwrap_or_default();
        assert_eq!(errors[0].code, "implausible");
        let out = simulate_query(&q("mgkg=45"), &["mgkg".to_string()])
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(out.warnings.iter().any(|w| w.code == "dose-above-mtd"));
    }

    #[test]
    fn population_and_defaults() {
        let out = population_query(&q("n=50&seed=3"), &[]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(out.patients, 50);
        assert_eq!(out.seed, 3);
        assert!(population_query(&q("n=0"), &[]).is_err());
        let json = serde_json::to_value(defaults()).unwrap_or_default();
        assert!(json["calibration"]["clearance_t50_days"].as_f64().is_some());
    }

    #[test]
    fn the_dose_by_link_names() {
        // 20 mg/kg x 72.5 kg = 1450 mg.
        let report = dose_query(&q("weight=72.5&mgkg=20"), &[]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(report.dose_mg, Some(1450.0));
        assert!(dose_query(&q("mg_per_kg=20"), &[]).is_err());
        // 300 kg waits for confirmation: no dose, unless confirmed.
        let report = dose_query(&q("weight=300"), &[]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(report.dose_mg, None);
        assert_eq!(report.pending.len(), 1);
        let report =
            dose_query(&q("weight=300"), &["weight".into()]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(report.dose_mg, Some(6000.0));
    }

    #[test]
    fn objects_become_queries() {
        let mut object = BTreeMap::new();
        object.insert("mgkg".to_string(), Scalar::Number(12.5));
        object.insert("log".to_string(), Scalar::Flag(true));
        object.insert("confirm".to_string(), Scalar::List(vec!["mgkg".into()]));
        let (query, confirm) = query_of(&object);
        assert_eq!(query.encode(), "log=1&mgkg=12.5");
        assert_eq!(confirm, vec!["mgkg".to_string()]);
    }
}

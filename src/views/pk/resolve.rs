//! The PK view's inputs turned into the engine's model, regimen and population (defaults for
//! what is absent), with a message per unusable input and the warnings for inputs outside the
//! evidence. Plain Rust: shared by the view and the JS API, tested natively.

use crate::dosing::regimens::{dosing_data, trials_using};
use crate::i18n::Lang;
use crate::link::PkParams;
use crate::pk::{
    default_model, default_population, default_regimen, sources, DoseAmount, InputError,
    ModelParams, PkField, PopulationSpec, Problem, Regimen, MAX_SPAN_DAYS,
};
use crate::sources::Source;
use serde::{Deserialize, Serialize};

/// The inputs of one PK simulation by link parameter name; absent values take the defaults.
/// The JS API takes this object as it is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PkInputs {
    pub mgkg: Option<f64>,
    /// Flat dose, mg (replaces mgkg).
    pub flat: Option<f64>,
    pub weight: Option<f64>,
    /// Dosing interval, weeks.
    pub every: Option<f64>,
    pub doses: Option<f64>,
    /// Infusion duration, hours.
    pub tinf: Option<f64>,
    pub cl0: Option<f64>,
    pub clss: Option<f64>,
    pub t50: Option<f64>,
    pub hill: Option<f64>,
    pub v1: Option<f64>,
    pub v2: Option<f64>,
    pub q: Option<f64>,
    pub allo_cl: Option<f64>,
    pub allo_v: Option<f64>,
    pub n: Option<f64>,
    pub cv_cl: Option<f64>,
    pub cv_v1: Option<f64>,
    pub seed: Option<f64>,
}

impl From<&PkParams> for PkInputs {
    fn from(p: &PkParams) -> Self {
        let count = |v: Option<u64>| v.map(|v| v as f64);
        PkInputs {
            mgkg: p.mgkg,
            flat: p.flat,
            weight: p.weight,
            every: count(p.every),
            doses: count(p.doses),
            tinf: p.tinf,
            cl0: p.cl0,
            clss: p.clss,
            t50: p.t50,
            hill: p.hill,
            v1: p.v1,
            v2: p.v2,
            q: p.q,
            allo_cl: p.allo_cl,
            allo_v: p.allo_v,
            n: count(p.n),
            cv_cl: p.cv_cl,
            cv_v1: p.cv_v1,
            seed: count(p.seed),
        }
    }
}

/// An input that cannot be used: the link parameter and the message shown at it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMessage {
    pub field: String,
    pub message: String,
}

/// A valid input outside the evidence (CONTRACT.md `warning`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PkWarning {
    pub code: String,
    pub field: String,
    pub message: String,
    /// Where the limit comes from.
    pub source: String,
}

/// The engine's inputs with their problems.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub model: ModelParams,
    pub regimen: Regimen,
    pub population: PopulationSpec,
    /// Problems of the model and regimen: the curve and metrics need none.
    pub errors: Vec<FieldMessage>,
    /// Problems of the population inputs (n, cv_cl, cv_v1, seed): only the bands need none.
    pub population_errors: Vec<FieldMessage>,
    pub warnings: Vec<PkWarning>,
}

impl Resolved {
    pub fn typical_ok(&self) -> bool {
        self.errors.is_empty()
    }
    pub fn population_ok(&self) -> bool {
        self.errors.is_empty() && self.population_errors.is_empty()
    }
}

/// The label and unit of an input, for messages.
pub fn field_label(field: &str) -> (&'static str, &'static str) {
    match field {
        "mgkg" => ("Dose", "mg/kg"),
        "flat" => ("Flat dose", "mg"),
        "weight" => ("Body weight", "kg"),
        "every" => ("Dosing interval", "weeks"),
        "doses" => ("Number of doses", ""),
        "tinf" => ("Infusion duration", "h"),
        "cl0" => ("CL0, clearance at the first dose", "L/day"),
        "clss" => ("CLss, clearance at steady state", "L/day"),
        "t50" => ("T50, time to half the clearance change", "days"),
        "hill" => ("Hill exponent of the clearance change", ""),
        "v1" => ("V1, central volume", "L"),
        "v2" => ("V2, peripheral volume", "L"),
        "q" => ("Q, intercompartmental clearance", "L/day"),
        "allo_cl" => ("Allometric exponent of clearance", ""),
        "allo_v" => ("Allometric exponent of volume", ""),
        "n" => ("Virtual patients", ""),
        "cv_cl" => ("Variability of CL", "% CV"),
        "cv_v1" => ("Variability of V1", "% CV"),
        "seed" => ("Random seed", ""),
        _ => ("Input", ""),
    }
}

fn with_unit(value: f64, unit: &str) -> String {
    if unit.is_empty() {
        format!("{value}")
    } else {
        format!("{value} {unit}")
    }
}

/// A message for an engine error at the link parameter `field` (engine units converted back to
/// the input's: the interval in weeks).
pub fn describe(error: &InputError, field: &str) -> String {
    let (label, unit) = field_label(field);
    let scale = if error.field == PkField::Every {
        1.0 / 7.0
    } else {
        1.0
    };
    let value = error.value * scale;
    match error.problem {
        Problem::NotFinite => format!("{label}: not a number."),
        Problem::OutOfRange { min, max } => format!(
            "{label}: {} is outside the accepted range {} to {}.",
            with_unit(value, unit),
            min * scale,
            with_unit(max * scale, unit)
        ),
        Problem::InfusionLongerThanInterval => format!(
            "{label}: the infusion ({value} h) must end before the next dose starts."
        ),
        Problem::SpanTooLong => format!(
            "{label}: doses × interval is {value} days, beyond the longest simulation ({MAX_SPAN_DAYS} days)."
        ),
    }
}

fn link_field(error: &InputError, flat: bool) -> &'static str {
    match error.field {
        PkField::Mgkg if flat => "flat",
        other => other.link_name(),
    }
}

/// A whole number for a count input, or a message.
fn whole(field: &str, value: f64, max: f64) -> Result<f64, FieldMessage> {
    let (label, _) = field_label(field);
    if !value.is_finite() || value.fract() != 0.0 || value < 0.0 {
        return Err(FieldMessage {
            field: field.into(),
            message: format!("{label}: {value} is not a whole number."),
        });
    }
    if value > max {
        return Err(FieldMessage {
            field: field.into(),
            message: format!("{label}: {value} is outside the accepted range 0 to {max}."),
        });
    }
    Ok(value)
}

/// The model with the inputs' values in place of the defaults.
pub fn model_from(inputs: &PkInputs) -> ModelParams {
    let d = default_model();
    ModelParams {
        clearance_first_dose_l_per_day: inputs.cl0.unwrap_or(d.clearance_first_dose_l_per_day),
        clearance_steady_state_l_per_day: inputs.clss.unwrap_or(d.clearance_steady_state_l_per_day),
        clearance_t50_days: inputs.t50.unwrap_or(d.clearance_t50_days),
        clearance_hill: inputs.hill.unwrap_or(d.clearance_hill),
        central_volume_l: inputs.v1.unwrap_or(d.central_volume_l),
        peripheral_volume_l: inputs.v2.unwrap_or(d.peripheral_volume_l),
        intercompartmental_clearance_l_per_day: inputs
            .q
            .unwrap_or(d.intercompartmental_clearance_l_per_day),
        allometric_exponent_clearance: inputs.allo_cl.unwrap_or(d.allometric_exponent_clearance),
        allometric_exponent_volume: inputs.allo_v.unwrap_or(d.allometric_exponent_volume),
    }
}

/// Resolves the inputs: defaults for absent values, the engine's checks, the warnings.
pub fn resolve(inputs: &PkInputs) -> Resolved {
    let mut errors = Vec::new();
    let mut population_errors = Vec::new();
    let dr = default_regimen();
    let dp = default_population();
    let flat = inputs.flat.is_some();
    let dose = match (inputs.flat, inputs.mgkg) {
        (Some(mg), _) => DoseAmount::FlatMg(mg),
        (None, Some(mgkg)) => DoseAmount::MgPerKg(mgkg),
        (None, None) => dr.dose,
    };
    let doses = match inputs.doses.map(|v| whole("doses", v, f64::from(u32::MAX))) {
        Some(Ok(v)) => v as u32,
        Some(Err(e)) => {
            errors.push(e);
            dr.doses
        }
        None => dr.doses,
    };
    let regimen = Regimen::from_weeks(
        dose,
        inputs.weight.unwrap_or(dr.weight_kg),
        inputs.every.unwrap_or(dr.dosing_interval_days / 7.0),
        doses,
        inputs.tinf.unwrap_or(dr.infusion_hours),
    );
    let model = model_from(inputs);
    let mut count = |field: &'static str, value: Option<f64>, default: f64| match value
        .map(|v| whole(field, v, 9_007_199_254_740_991.0))
    {
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            population_errors.push(e);
            default
        }
        None => default,
    };
    let patients = count("n", inputs.n, f64::from(dp.patients));
    let seed = count("seed", inputs.seed, dp.seed as f64);
    let population = PopulationSpec {
        patients: patients.min(f64::from(u32::MAX)) as u32,
        cv_clearance_percent: inputs.cv_cl.unwrap_or(dp.cv_clearance_percent),
        cv_central_volume_percent: inputs.cv_v1.unwrap_or(dp.cv_central_volume_percent),
        seed: seed as u64,
    };
    let engine = |result: Result<(), Vec<InputError>>, into: &mut Vec<FieldMessage>| {
        for e in result.err().unwrap_or_default() {
            let field = link_field(&e, flat);
            if !into.iter().any(|m| m.field == field) {
                into.push(FieldMessage {
                    field: field.into(),
                    message: describe(&e, field),
                });
            }
        }
    };
    engine(model.validate(), &mut errors);
    engine(regimen.validate(), &mut errors);
    engine(population.validate(), &mut population_errors);
    let warnings = warnings(&regimen, inputs.weight.is_some());
    Resolved {
        model,
        regimen,
        population,
        errors,
        population_errors,
        warnings,
    }
}

fn cite(sources: &[Source]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for s in sources {
        let c = s.cite(Lang::En);
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.join("; ")
}

fn fmt(v: f64) -> String {
    crate::widgets::result::format_significant(v, 4)
}

/// Warnings for a regimen outside the evidence (the dose view's data: data/regimens.json).
pub fn warnings(regimen: &Regimen, weight_given: bool) -> Vec<PkWarning> {
    let data = dosing_data();
    let mut out = Vec::new();
    let w = regimen.weight_kg;
    let range = &data.evidence.population_pk_weight_kg;
    if weight_given && w.is_finite() && (w < range.min || w > range.max) {
        out.push(PkWarning {
            code: "weight-outside-pk-range".into(),
            field: "weight".into(),
            message: format!(
                "Weight {} kg is outside the {}-{} kg range of the population pharmacokinetic analysis, where weight had no significant effect; the model's assumption that weight does not change clearance or volumes is untested there.",
                fmt(w), range.min, range.max
            ),
            source: cite(&range.sources),
        });
    }
    let every_days = regimen.dosing_interval_days;
    let every_weeks = every_days / 7.0;
    match regimen.dose {
        DoseAmount::MgPerKg(mgkg) => {
            let mtd = &data.evidence.maximum_tolerated_dose;
            if mgkg > mtd.mg_per_kg + 1e-9 {
                out.push(PkWarning {
                    code: "dose-above-mtd".into(),
                    field: "mgkg".into(),
                    message: format!(
                        "{} mg/kg is above the maximum tolerated dose, {} mg/kg every {} weeks; dose-limiting toxicities were observed at {} mg/kg.",
                        fmt(mgkg), mtd.mg_per_kg, mtd.every_weeks, mtd.dose_limiting_mg_per_kg
                    ),
                    source: cite(&mtd.sources),
                });
            }
            let whole_weeks = (every_weeks.fract() == 0.0 && every_weeks >= 1.0)
                .then_some(every_weeks as u32);
            let used = whole_weeks.is_some_and(|wk| !trials_using(mgkg, wk).is_empty());
            if !used {
                let all: Vec<Source> = data
                    .trial_doses
                    .iter()
                    .flat_map(|t| t.sources.iter().cloned())
                    .collect();
                out.push(PkWarning {
                    code: "dose-schedule-untested".into(),
                    field: "mgkg".into(),
                    message: format!(
                        "No trial in the sources gave {} mg/kg every {} weeks. Trials gave {}.",
                        fmt(mgkg),
                        fmt(every_weeks),
                        trial_dose_summary()
                    ),
                    source: cite(&all),
                });
            }
        }
        DoseAmount::FlatMg(mg) => out.push(PkWarning {
            code: "flat-dose-untested".into(),
            field: "flat".into(),
            message: format!(
                "No trial in the sources gave a flat dose; they dosed by weight (mg/kg). {} mg is {} mg/kg at {} kg.",
                fmt(mg),
                fmt(mg / w),
                fmt(w)
            ),
            source: cite(&data.label.dose.sources),
        }),
    }
    out
}

/// "every 2 weeks: 0.3, 1, ... mg/kg; every 3 weeks: ..." from the dosing data.
pub fn trial_dose_summary() -> String {
    let data = dosing_data();
    let mut weeks: Vec<u32> = data
        .trial_doses
        .iter()
        .filter_map(|t| t.every_weeks)
        .collect();
    weeks.sort_unstable();
    weeks.dedup();
    weeks
        .into_iter()
        .map(|wk| {
            let mut levels: Vec<f64> = data
                .trial_doses
                .iter()
                .filter(|t| t.every_weeks == Some(wk))
                .flat_map(|t| t.mg_per_kg.iter().copied())
                .collect();
            levels.sort_by(f64::total_cmp);
            levels.dedup();
            let levels: Vec<String> = levels.into_iter().map(fmt).collect();
            format!("every {wk} weeks: {} mg/kg", levels.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "20 mg/kg Q3W" or "1200 mg flat Q3W".
pub fn regimen_label(regimen: &Regimen) -> String {
    let weeks = regimen.dosing_interval_days / 7.0;
    let every = if weeks.fract() == 0.0 {
        format!("Q{}W", weeks as u64)
    } else {
        format!("every {} days", fmt(regimen.dosing_interval_days))
    };
    match regimen.dose {
        DoseAmount::MgPerKg(mgkg) => format!("{} mg/kg {every}", fmt(mgkg)),
        DoseAmount::FlatMg(mg) => format!("{} mg flat {every}", fmt(mg)),
    }
}

/// The default of each model input with its source, for hints and the documentation.
pub fn source_of(field: &str) -> String {
    let s = sources();
    match field {
        "cl0" => s.clearance_first_dose_l_per_day.describe(Lang::En),
        "clss" => s.clearance_steady_state_l_per_day.describe(Lang::En),
        "v1" => s.central_volume_l.describe(Lang::En),
        "q" => s.intercompartmental_clearance_l_per_day.describe(Lang::En),
        "hill" => s.clearance_hill.describe(Lang::En),
        "v2" => format!("Calibrated: the terminal half-life at CLss is {} days ({})", s.terminal_half_life_at_clss_days.value, s.terminal_half_life_at_clss_days.describe(Lang::En)),
        "t50" => "Calibrated: the trough before the 6th dose of 20 mg/kg every 3 weeks (day 105, end of week 15) is 90 % of the steady-state trough at CLss (the review of PD-1(L1)/VEGF bispecifics, Pharmacokinetics: steady state 'by the 15th week')".into(),
        "allo_cl" => s.allometric_exponent_clearance.describe(Lang::En),
        "allo_v" => s.allometric_exponent_volume.describe(Lang::En),
        "cv_cl" => s.cv_clearance_percent.describe(Lang::En),
        "cv_v1" => s.cv_central_volume_percent.describe(Lang::En),
        "n" => s.patients.describe(Lang::En),
        "tinf" => s.infusion_hours.describe(Lang::En),
        "weight" => s.weight_kg.describe(Lang::En),
        "mw" => s.molecular_weight_kda.describe(Lang::En),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_inputs_take_the_defaults() {
        let r = resolve(&PkInputs::default());
        assert!(r.typical_ok() && r.population_ok());
        assert_eq!(r.model, default_model());
        assert_eq!(r.regimen, default_regimen());
        assert_eq!(r.population, default_population());
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn engine_errors_land_at_their_fields() {
        let r = resolve(&PkInputs {
            v1: Some(500.0),
            every: Some(0.0),
            flat: Some(1e6),
            n: Some(20_000.0),
            seed: Some(1.5),
            ..PkInputs::default()
        });
        let fields: Vec<&str> = r.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["v1", "flat", "every"]);
        assert!(
            r.errors[0].message.contains("500 L"),
            "{}",
            r.errors[0].message
        );
        // Interval in weeks: 0 weeks, range 1/168 to 365/7 weeks.
        assert!(
            r.errors[2].message.contains("0 weeks"),
            "{}",
            r.errors[2].message
        );
        let pop: Vec<&str> = r
            .population_errors
            .iter()
            .map(|e| e.field.as_str())
            .collect();
        assert_eq!(pop, vec!["seed", "n"]);
    }

    #[test]
    fn warnings_reuse_the_dose_evidence() {
        let codes = |inputs: PkInputs| -> Vec<String> {
            resolve(&inputs)
                .warnings
                .into_iter()
                .map(|w| w.code)
                .collect()
        };
        // 31-155 kg (seed 000): 30 kg is outside, 31 inside.
        assert_eq!(
            codes(PkInputs {
                weight: Some(30.0),
                ..Default::default()
            }),
            vec!["weight-outside-pk-range"]
        );
        assert!(codes(PkInputs {
            weight: Some(31.0),
            ..Default::default()
        })
        .is_empty());
        // 10 mg/kg Q3W and 20 mg/kg Q2W were given in trials; 15 mg/kg Q3W was not.
        assert!(codes(PkInputs {
            mgkg: Some(10.0),
            ..Default::default()
        })
        .is_empty());
        assert!(codes(PkInputs {
            every: Some(2.0),
            ..Default::default()
        })
        .is_empty());
        assert_eq!(
            codes(PkInputs {
                mgkg: Some(15.0),
                ..Default::default()
            }),
            vec!["dose-schedule-untested"]
        );
        assert_eq!(
            codes(PkInputs {
                flat: Some(1200.0),
                ..Default::default()
            }),
            vec!["flat-dose-untested"]
        );
        let above = codes(PkInputs {
            mgkg: Some(40.0),
            every: Some(2.0),
            ..Default::default()
        });
        assert!(above.contains(&"dose-above-mtd".to_string()));
    }

    #[test]
    fn labels() {
        assert_eq!(regimen_label(&default_regimen()), "20 mg/kg Q3W");
        let flat = Regimen {
            dose: DoseAmount::FlatMg(1200.0),
            dosing_interval_days: 10.0,
            ..default_regimen()
        };
        assert_eq!(regimen_label(&flat), "1200 mg flat every 10 days");
    }
}

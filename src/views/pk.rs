//! PK: the concentration-time curve of a regimen, exposure metrics and population bands.
//!
//! * [`resolve`]: link inputs to the engine's model, regimen and population, messages, warnings;
//! * [`population`]: the population run in chunks, with progress and wall time;
//! * [`export`]: what the chart draws and the CSV holds;
//! * [`results`]: metrics, per-cycle and comparison tables;
//! * [`docs`]: the model documented with its derivation and sources.

pub mod docs;
pub mod export;
pub mod population;
pub mod resolve;
pub mod results;

use crate::browser;
use crate::dosing::regimens::dosing_data;
use crate::i18n::Lang;
use crate::link::{hash_for, OverlayRegimen, ParamError, PkParams, QueryMap, Route};
use crate::pk::{
    default_calibration, default_model, simulate, sources, DoseAmount, ModelParams, Regimen,
};
use crate::widgets::chart::{layout, plot_height_for, to_svg_string, ChartData, LineChart};
use crate::widgets::field::{NumberField, SelectField};
use crate::widgets::form::{use_link_form, LinkForm};
use crate::widgets::messages::{FieldError, Warning};
use crate::widgets::result::format_significant;
use crate::widgets::toggle::Toggle;
use export::{chart_data, csv, ChartOptions, Curve};
use population::{use_population, PopulationKey};
use resolve::{regimen_label, resolve, PkInputs};
use results::{CompareTable, CycleTable, Metrics};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PkViewProps {
    pub query: QueryMap,
}

/// Scenario parameters: every input but the patient's weight follows into the address bar.
const SCENARIO: [&str; 23] = [
    "mgkg", "every", "doses", "tinf", "cl0", "clss", "t50", "hill", "v1", "v2", "q", "n", "cv_cl",
    "cv_v1", "seed", "flat", "allo_cl", "allo_v", "mw", "refs", "log", "tunit", "overlay",
];
/// Inputs the curve and metrics need.
const TYPICAL_FIELDS: [&str; 15] = [
    "mgkg", "flat", "weight", "every", "doses", "tinf", "cl0", "clss", "t50", "hill", "v1", "v2",
    "q", "allo_cl", "allo_v",
];
const POPULATION_FIELDS: [&str; 4] = ["n", "cv_cl", "cv_v1", "seed"];
const MODEL_FIELDS: [&str; 9] = [
    "cl0", "clss", "t50", "hill", "v1", "v2", "q", "allo_cl", "allo_v",
];
/// The usual comparison: 10 vs 20 mg/kg every 3 weeks, and 20 mg/kg every 2 weeks.
const COMPARE_PRESET: &str = "10q3,20q3,20q2";
/// Size of the exported drawing, pixels.
const EXPORT_WIDTH: f64 = 960.0;

fn static_name(field: &str) -> &'static str {
    PkParams::ALL
        .iter()
        .find(|n| **n == field)
        .copied()
        .unwrap_or("mgkg")
}

/// The regimens of the chart: the inputs' first, then each overlay that differs from it, over
/// the same span (as many doses as fit in it).
fn chart_regimens(regimen: &Regimen, overlays: &[OverlayRegimen]) -> Vec<Regimen> {
    let mut out = vec![*regimen];
    let span = regimen.span_days();
    for o in overlays {
        let interval = o.every_weeks as f64 * 7.0;
        let r = Regimen {
            dose: DoseAmount::MgPerKg(o.mgkg),
            dosing_interval_days: interval,
            doses: (span / interval).round().clamp(1.0, 1000.0) as u32,
            ..*regimen
        };
        if !out
            .iter()
            .any(|x| x.dose == r.dose && x.dosing_interval_days == r.dosing_interval_days)
        {
            out.push(r);
        }
    }
    out
}

fn simulate_all(model: &ModelParams, regimens: &[Regimen]) -> (Vec<Curve>, Vec<String>) {
    let mut curves = Vec::new();
    let mut problems = Vec::new();
    for (i, r) in regimens.iter().enumerate() {
        let label = if i == 0 {
            format!("{} (inputs)", regimen_label(r))
        } else {
            regimen_label(r)
        };
        match simulate(model, r) {
            Ok(simulation) => curves.push(Curve {
                label,
                simulation: Rc::new(simulation),
            }),
            Err(errors) => problems.push(format!(
                "{label}: {}",
                errors
                    .iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
        }
    }
    (curves, problems)
}

fn short_hint(text: String) -> Option<Html> {
    Some(html! { {text} })
}

fn toggle(form: &LinkForm, name: &'static str) -> Callback<bool> {
    let form = form.clone();
    Callback::from(move |on: bool| form.set(name, if on { "1" } else { "" }))
}

#[function_component]
pub fn PkView(props: &PkViewProps) -> Html {
    let form = use_link_form(Route::Pk, props.query.only(&PkParams::ALL), &SCENARIO);
    let (params, link_errors) = PkParams::from_query(form.raw());
    let resolved = resolve(&PkInputs::from(&params));
    let mut errors: Vec<ParamError> = link_errors.clone();
    for e in resolved.errors.iter().chain(&resolved.population_errors) {
        errors.push(ParamError {
            param: static_name(&e.field),
            message: e.message.clone(),
        });
    }
    let bad = |fields: &[&str]| -> Vec<&'static str> {
        let mut out: Vec<&'static str> = errors
            .iter()
            .filter(|e| fields.contains(&e.param))
            .map(|e| e.param)
            .collect();
        out.dedup();
        out
    };
    let typical_blockers = bad(&TYPICAL_FIELDS);
    let population_blockers = bad(&POPULATION_FIELDS);
    let typical_ok = typical_blockers.is_empty();
    let population_ok = typical_ok && population_blockers.is_empty();

    let model = resolved.model;
    let regimen = resolved.regimen;
    let overlays = params.overlay.clone().unwrap_or_default();
    let simulated = use_memo(
        (model, regimen, overlays.clone(), typical_ok),
        |(model, regimen, overlays, ok)| {
            if !*ok {
                return None;
            }
            let (curves, problems) = simulate_all(model, &chart_regimens(regimen, overlays));
            (!curves.is_empty()).then(|| (Rc::new(curves), problems))
        },
    );
    let key = population_ok.then_some(PopulationKey {
        model,
        regimen,
        population: resolved.population,
    });
    let pop = use_population(key);
    let current_pop = pop.result.clone().filter(|r| Some(r.key) == key);

    let mw_default = sources().molecular_weight_kda.value;
    let refs_on = params.refs.unwrap_or(false);
    let log_on = params.log.unwrap_or(false);
    let time_unit = params.tunit.unwrap_or_default();
    let options = ChartOptions {
        log_y: log_on,
        time_unit,
        reference_mw_kda: refs_on.then(|| params.mw.unwrap_or(mw_default)),
        lang: Lang::default(),
    };
    let chart: Rc<Option<Rc<ChartData>>> = {
        let curves = simulated.as_ref().as_ref().map(|(c, _)| c.clone());
        let summary = current_pop.as_ref().map(|p| p.summary.clone());
        use_memo((curves, summary, options), |(curves, summary, options)| {
            curves
                .as_ref()
                .map(|c| Rc::new(chart_data(c, summary.as_deref(), *options)))
        })
    };

    let on_csv = {
        let simulated = simulated.clone();
        let current_pop = current_pop.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((curves, _)) = simulated.as_ref() {
                browser::download_text(
                    "ivonescimab-pk.csv",
                    "text/csv",
                    &csv(curves, current_pop.as_deref()),
                );
            }
        })
    };
    let on_svg = {
        let chart = chart.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(data) = chart.as_ref() {
                let svg = to_svg_string(data, EXPORT_WIDTH, plot_height_for(EXPORT_WIDTH));
                browser::download_text("ivonescimab-pk.svg", "image/svg+xml", &svg);
            }
        })
    };
    let on_png = {
        let chart = chart.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(data) = chart.as_ref() {
                let plot_height = plot_height_for(EXPORT_WIDTH);
                let height = layout(data, EXPORT_WIDTH, plot_height).height;
                let svg = to_svg_string(data, EXPORT_WIDTH, plot_height);
                browser::download_svg_as_png("ivonescimab-pk.png", &svg, EXPORT_WIDTH, height, 2.0);
            }
        })
    };
    let on_reset_model = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let pairs: Vec<(&str, &str)> = MODEL_FIELDS.iter().map(|f| (*f, "")).collect();
            form.set_many(&pairs);
        })
    };
    let on_copy_patient_link = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| {
            let hash = hash_for(&Route::Pk, &form.raw().only(&PkParams::ALL));
            browser::copy_text(&browser::url_with_hash(&hash));
        })
    };
    let preset = |mgkg: f64| {
        let form = form.clone();
        Callback::from(move |_: bool| {
            let text = format!("{mgkg}");
            form.set_many(&[("mgkg", &text), ("flat", "")]);
        })
    };
    let on_compare = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| form.set("overlay", COMPARE_PRESET))
    };
    let on_compare_clear = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| form.set("overlay", ""))
    };
    let on_overlay = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                form.set("overlay", &input.value());
            }
        })
    };

    let d = default_model();
    let cal = default_calibration();
    let s = sources();
    let field = |name: &'static str, label: &str, unit: &str, placeholder: String, hint: String| {
        html! {
            <NumberField name={name} label={label.to_string()} value={form.text(name)} oninput={form.setter(name)}
                unit={(!unit.is_empty()).then(|| AttrValue::from(unit.to_string()))} placeholder={placeholder}
                hint={short_hint(hint)} errors={errors.clone()} />
        }
    };
    let overlay_errors: Vec<&ParamError> = errors.iter().filter(|e| e.param == "overlay").collect();
    let current_mgkg = match regimen.dose {
        DoseAmount::MgPerKg(v) if params.flat.is_none() => Some(v),
        _ => None,
    };

    html! {
        <section class="view pk-view">
            <h1>{"Pharmacokinetics"}</h1>
            <p class="purpose">{"The concentration-time curve of an ivonescimab regimen, its exposure metrics and population bands, from a two-compartment model with clearance that falls over time (documented below with every source)."}</p>

            <form class="pk-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset class="inputs">
                    <legend>{"Regimen"}</legend>
                    <div class="field-group">
                        {field("mgkg", "Dose", "mg/kg", "20".into(), "Label: 20 mg/kg every 3 weeks (seed 001, Dose and Administration)".into())}
                        <div class="presets" role="group" aria-label="Dose levels used in trials">
                            { for dosing_data().label.presets.iter().map(|p| html! {
                                <Toggle pressed={current_mgkg == Some(p.mg_per_kg)} title={p.used_in.clone()}
                                    ontoggle={preset(p.mg_per_kg)}>{format!("{} mg/kg", p.mg_per_kg)}</Toggle>
                            }) }
                        </div>
                    </div>
                    {field("flat", "Flat dose (instead of mg/kg)", "mg", "".into(), "Leave empty to dose by weight.".into())}
                    {field("weight", "Body weight", "kg", format!("{}", s.weight_kg.value), "70 kg if empty. A patient value: kept out of the address bar.".into())}
                    {field("every", "Dosing interval", "weeks", "3".into(), "Every 3 weeks (label); every 2 weeks in some trials.".into())}
                    {field("doses", "Number of doses", "", "17".into(), "17 doses every 3 weeks is about a year.".into())}
                    {field("tinf", "Infusion duration", "h", format!("{}", s.infusion_hours.value), "60 minutes per the China label (not in the seeds).".into())}
                </fieldset>
            </form>

            if !resolved.warnings.is_empty() {
                <div class="pk-warnings">
                    { for resolved.warnings.iter().map(|w| html! {
                        <Warning code={w.code.clone()} message={w.message.clone()} source={Some(AttrValue::from(w.source.clone()))} />
                    }) }
                </div>
            }

            <h2>{"Concentration over time"}</h2>
            <div class="chart-options" role="group" aria-label="Chart options">
                <Toggle id="pk-log" pressed={log_on} ontoggle={toggle(&form, "log")}>{"Log concentration axis"}</Toggle>
                <Toggle id="pk-refs" pressed={refs_on} ontoggle={toggle(&form, "refs")}>{"IC50 reference lines"}</Toggle>
                <SelectField name="tunit" label="Time axis" value={AttrValue::from(time_unit.code())} onchange={form.setter("tunit")}
                    options={vec![("days".into(), "days".into()), ("weeks".into(), "weeks".into())]} errors={errors.clone()} />
                if refs_on {
                    {field("mw", "Molecular weight (assumed)", "kDa", format!("{mw_default}"), "About 200 kDa: IgG1 plus two scFv; not in the seeds.".into())}
                }
            </div>
            <div class="compare">
                <div class={classes!("field", (!overlay_errors.is_empty()).then_some("invalid"))}>
                    <label for="f-overlay">{"Compare regimens (up to three, mg/kg q weeks)"}</label>
                    <div class="input-row">
                        <input id="f-overlay" name="overlay" type="text" autocomplete="off" placeholder={COMPARE_PRESET}
                            value={form.text("overlay")} oninput={on_overlay}
                            aria-invalid={(!overlay_errors.is_empty()).then_some("true")}
                            aria-describedby={if overlay_errors.is_empty() { "f-overlay-hint" } else { "f-overlay-hint f-overlay-msg" }} />
                    </div>
                    <div class="hint" id="f-overlay-hint">{"10q3 is 10 mg/kg every 3 weeks. Drawn over the same time span as the inputs' regimen, same weight and model."}</div>
                    { for overlay_errors.iter().enumerate().map(|(i, e)| html! {
                        <FieldError field={e.param} message={e.message.clone()} id={(i == 0).then(|| AttrValue::from("f-overlay-msg"))} />
                    }) }
                </div>
                <div class="actions">
                    <button type="button" id="pk-compare" onclick={on_compare}>{"Compare 10 mg/kg Q3W, 20 mg/kg Q3W, 20 mg/kg Q2W"}</button>
                    if !overlays.is_empty() {
                        <button type="button" onclick={on_compare_clear}>{"Clear comparison"}</button>
                    }
                </div>
            </div>

            if let (Some((curves, problems)), Some(data)) = (simulated.as_ref(), chart.as_ref()) {
                <LineChart data={data.clone()} id="pk-chart" />
                <p class="hint">{"Ticks along the top mark the doses of each regimen, in its colour."}</p>
                { for problems.iter().map(|p| html! { <p class="msg msg-note">{p.clone()}</p> }) }
                <div class="actions">
                    <button type="button" id="pk-csv" onclick={on_csv}>{"Download CSV (curves and metrics)"}</button>
                    <button type="button" id="pk-svg" onclick={on_svg}>{"Download chart (SVG)"}</button>
                    <button type="button" id="pk-png" onclick={on_png}>{"Download chart (PNG)"}</button>
                    <button type="button" onclick={on_copy_patient_link}>{"Copy link with patient values"}</button>
                </div>

                <h2>{format!("Exposure: {}, {} kg, typical patient", regimen_label(&regimen), format_significant(regimen.weight_kg, 4))}</h2>
                <Metrics simulation={curves[0].simulation.clone()}
                    population={current_pop.as_ref().map(|p| p.summary.metrics)}
                    last_run={pop.result.clone()} />
                <CompareTable curves={curves.clone()} />
                <CycleTable simulation={curves[0].simulation.clone()} />
            } else {
                <p class="msg msg-note" data-testid="results-blocked">
                    {"The curve and the metrics need every regimen and model input usable. Fix: "}
                    { for typical_blockers.iter().enumerate().map(|(i, f)| html! {
                        <>{if i > 0 { ", " } else { "" }}<a href={format!("#f-{f}")} onclick={Callback::from(|e: MouseEvent| e.prevent_default())}>{resolve::field_label(f).0}</a></>
                    }) }
                </p>
            }

            <form class="pk-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset class="inputs">
                    <legend>{"Population"}</legend>
                    {field("n", "Virtual patients", "", format!("{}", s.patients.value), "Up to 10 000.".into())}
                    {field("cv_cl", "Variability of CL", "% CV", format!("{}", s.cv_clearance_percent.value), "Median of anti-PD-1 models (Shang et al., Front Immunol 2022).".into())}
                    {field("cv_v1", "Variability of V1", "% CV", format!("{}", s.cv_central_volume_percent.value), "Median of anti-PD-1 models (Shang et al., Front Immunol 2022).".into())}
                    {field("seed", "Random seed", "", "1".into(), "The same seed gives the same patients and bands.".into())}
                    <div class="pop-status" data-testid="pop-status"
                        data-state={if pop.progress.is_some() { "running" } else if current_pop.is_some() { "done" } else { "idle" }}>
                        if let Some(fraction) = pop.progress {
                            <label for="pk-progress">{format!("Simulating {} patients: {} %", resolved.population.patients, (fraction * 100.0).round())}</label>
                            <progress id="pk-progress" data-testid="pop-progress" max="1" value={fraction.to_string()}></progress>
                        } else if let Some(run) = &current_pop {
                            <p>{format!("{} virtual patients (seed {}): median with 25-75 % and 5-95 % bands on the chart; each metric with its 5-95 % range.", run.summary.patients, run.summary.seed)}</p>
                        } else if !population_ok {
                            <p>{"The bands need usable population inputs."}</p>
                        }
                        if let Some(e) = &pop.error {
                            <p class="msg msg-note">{e.clone()}</p>
                        }
                    </div>
                </fieldset>

                <fieldset class="inputs">
                    <legend>{"Model parameters"}</legend>
                    {field("cl0", "CL0, clearance at the first dose", "L/day", format!("{}", d.clearance_first_dose_l_per_day), "Seed 000, Pharmacokinetics.".into())}
                    {field("clss", "CLss, clearance at steady state", "L/day", format!("{}", d.clearance_steady_state_l_per_day), "Seed 000, Pharmacokinetics.".into())}
                    {field("t50", "T50, time to half the change", "days", format_significant(d.clearance_t50_days, 4), "Calibrated: 90 % of the steady-state trough by week 15 (seed 000).".into())}
                    {field("hill", "Hill exponent h", "", format!("{}", d.clearance_hill), "Nivolumab (Bajaj et al., CPT Pharmacometrics Syst Pharmacol 2017).".into())}
                    {field("v1", "V1, central volume", "L", format!("{}", d.central_volume_l), "Pembrolizumab (Ahamadi et al., CPT Pharmacometrics Syst Pharmacol 2017).".into())}
                    {field("v2", "V2, peripheral volume", "L", format_significant(d.peripheral_volume_l, 4), format!("Calibrated: terminal half-life {} days at CLss (seed 000).", format_significant(cal.half_life_at_clss_days, 3)))}
                    {field("q", "Q, intercompartmental clearance", "L/day", format!("{}", d.intercompartmental_clearance_l_per_day), "Pembrolizumab (Ahamadi et al., CPT Pharmacometrics Syst Pharmacol 2017).".into())}
                    {field("allo_cl", "Weight exponent of clearances", "", "0".into(), "0: weight has no effect (seed 000). Try 0.75.".into())}
                    {field("allo_v", "Weight exponent of volumes", "", "0".into(), "0: weight has no effect (seed 000). Try 1.".into())}
                    <div class="actions">
                        <button type="button" id="pk-reset" onclick={on_reset_model}>{"Reset to defaults"}</button>
                    </div>
                </fieldset>
            </form>

            <docs::ModelDocs />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pk::default_regimen;

    #[test]
    fn overlays_share_the_span_and_skip_the_inputs_regimen() {
        let list = crate::link::parse_overlays(COMPARE_PRESET).unwrap_or_default();
        let regimens = chart_regimens(&default_regimen(), &list);
        // Inputs: 20 mg/kg q21d x17 = 357 days. 10q3: 17 doses; 20q3 is the inputs' regimen;
        // 20q2: 357 / 14 = 25.5, rounded to 26 doses (364 days).
        assert_eq!(regimens.len(), 3);
        assert_eq!(regimens[1].dose, DoseAmount::MgPerKg(10.0));
        assert_eq!(regimens[1].doses, 17);
        assert_eq!(regimens[2].dosing_interval_days, 14.0);
        assert_eq!(regimens[2].doses, 26);
    }
}

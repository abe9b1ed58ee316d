//! The model as the page documents it: equations, every default with its source, the two
//! calibrations with their criteria and the numbers they give, and where sources disagree.

use super::resolve::source_of;
use crate::pk::{
    calibrate_t50, calibration_regimen, default_calibration, default_model, sources, Calibration,
    ModelParams,
};
use crate::widgets::result::format_significant;
use std::sync::OnceLock;
use yew::prelude::*;

/// T50 under the other reading of "steady state by the 15th week": the trough before the 5th
/// dose (day 84, the last trough before week 15 begins) at 90 % of steady state. Computed once.
pub fn t50_day_84() -> Option<f64> {
    static T50: OnceLock<Option<f64>> = OnceLock::new();
    *T50.get_or_init(|| {
        let s = sources();
        let regimen = crate::pk::Regimen {
            doses: 4,
            ..calibration_regimen()
        };
        calibrate_t50(
            &default_model(),
            &regimen,
            s.steady_state_trough_fraction.value,
        )
        .ok()
    })
}

fn f(v: f64, digits: usize) -> String {
    format_significant(v, digits)
}

struct Row {
    symbol: &'static str,
    link: &'static str,
    value: String,
    unit: &'static str,
    source: String,
}

fn rows(m: &ModelParams, c: &Calibration) -> Vec<Row> {
    vec![
        Row {
            symbol: "CL0",
            link: "cl0",
            value: f(m.clearance_first_dose_l_per_day, 4),
            unit: "L/day",
            source: source_of("cl0"),
        },
        Row {
            symbol: "CLss",
            link: "clss",
            value: f(m.clearance_steady_state_l_per_day, 4),
            unit: "L/day",
            source: source_of("clss"),
        },
        Row {
            symbol: "V1",
            link: "v1",
            value: f(m.central_volume_l, 4),
            unit: "L",
            source: source_of("v1"),
        },
        Row {
            symbol: "Q",
            link: "q",
            value: f(m.intercompartmental_clearance_l_per_day, 4),
            unit: "L/day",
            source: source_of("q"),
        },
        Row {
            symbol: "V2",
            link: "v2",
            value: f(c.peripheral_volume_l, 4),
            unit: "L",
            source: source_of("v2"),
        },
        Row {
            symbol: "h",
            link: "hill",
            value: f(m.clearance_hill, 4),
            unit: "",
            source: source_of("hill"),
        },
        Row {
            symbol: "T50",
            link: "t50",
            value: f(c.clearance_t50_days, 4),
            unit: "days",
            source: source_of("t50"),
        },
        Row {
            symbol: "weight exponents",
            link: "allo_cl, allo_v",
            value: "0".into(),
            unit: "",
            source: source_of("allo_cl"),
        },
        Row {
            symbol: "CV of CL",
            link: "cv_cl",
            value: f(sources().cv_clearance_percent.value, 3),
            unit: "%",
            source: source_of("cv_cl"),
        },
        Row {
            symbol: "CV of V1",
            link: "cv_v1",
            value: f(sources().cv_central_volume_percent.value, 3),
            unit: "%",
            source: source_of("cv_v1"),
        },
        Row {
            symbol: "infusion",
            link: "tinf",
            value: f(sources().infusion_hours.value, 3),
            unit: "h",
            source: source_of("tinf"),
        },
    ]
}

/// The model documentation section.
#[function_component]
pub fn ModelDocs() -> Html {
    let s = sources();
    let m = default_model();
    let c = default_calibration();
    let fall = 1.0 - m.clearance_steady_state_l_per_day / m.clearance_first_dose_l_per_day;
    let day84 = t50_day_84();
    let pd1 = s.ic50_pd1_signalling_nm.value;
    let vegf = s.ic50_vegf_signalling_nm.value;
    let mw = s.molecular_weight_kda.value;
    html! {
        <section class="pk-docs" aria-labelledby="pk-model-heading" data-testid="pk-model">
            <h2 id="pk-model-heading">{"The model and where its numbers come from"}</h2>
            <p>{"Two compartments, zero-order intravenous infusion, and a clearance that falls over the first months of treatment (as for nivolumab and pembrolizumab):"}</p>
            <pre class="equations" tabindex="0" aria-label="Model equations">{"dA1/dt = R(t) − (CL(t) + Q)/V1 · A1 + Q/V2 · A2\ndA2/dt = Q/V1 · A1 − Q/V2 · A2\nCL(t)  = CL0 · exp( ln(CLss/CL0) · t^h / (T50^h + t^h) ),  t = days since the first dose\nC      = A1 / V1   (mg/L = µg/mL)"}</pre>
            <p>{"R(t) is the dose divided by the infusion time during each infusion and zero otherwise. Each time step is solved exactly for a clearance held at its mean over the step (steps of at most half a day, shorter while clearance changes fast); with constant clearance this is the closed-form solution. The engine's tests hold it to 1e-9 relative against the closed form and to 1e-4 against an independent high-accuracy ODE integration (data/pk_reference.json, scripts/pk_reference.py)."}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Default parameters and their sources">
                <table class="pk-params">
                    <caption>{"Default parameters and their sources"}</caption>
                    <thead><tr><th scope="col">{"Parameter"}</th><th scope="col">{"Link"}</th><th scope="col" class="num">{"Default"}</th><th scope="col">{"Source"}</th></tr></thead>
                    <tbody>
                        { for rows(&m, &c).into_iter().map(|r| html! {
                            <tr><th scope="row">{r.symbol}</th><td><code>{r.link}</code></td><td class="num">{format!("{} {}", r.value, r.unit).trim().to_string()}</td><td>{r.source}</td></tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h3>{"Calibration 1: V2 from the terminal half-life"}</h3>
            <p>{format!(
                "No ivonescimab volumes are published in the sources, so V1 and Q are pembrolizumab's. V2 is chosen so that the terminal half-life at CLss is {} days (seed 000, Pharmacokinetics: \"The drug's elimination half-life was calculated at 9.85 days\"): with β = ln 2 / t½, k21 = β (k10 + k12 − β) / (k10 − β) and V2 = Q / k21, giving V2 = {} L. With the same volumes at CL0 the terminal half-life is {} days, which reconciles seed 001's \"around {} days\" (Pharmacology and Adverse Events of Ivonescimab): the shorter figure fits the first dose, the longer one steady state.",
                f(c.half_life_at_clss_days, 4), f(c.peripheral_volume_l, 4), f(c.half_life_at_cl0_days, 3), f(s.terminal_half_life_reported_days.value, 2)
            )}</p>
            <h3>{"Calibration 2: T50 from the time to steady state"}</h3>
            <p>{format!(
                "Seed 000 (Pharmacokinetics) says steady-state concentrations were \"achieved by the 15th week\". The criterion used: at 20 mg/kg every 3 weeks (70 kg, 1-hour infusions), the trough just before the 6th dose (day 105, the end of week 15) is {} % of the steady-state trough with clearance at CLss. T50 is found by bisection: {} days (the trough ratio on day 105 is then {}).",
                f(s.steady_state_trough_fraction.value * 100.0, 3), f(c.clearance_t50_days, 4), f(c.trough_fraction_at_steady_state_day, 4)
            )}</p>
            <p class="msg msg-note" data-testid="t50-note">{format!(
                "The design estimate of this model gave T50 as \"about 45 days\". That figure is not reproduced here: the criterion above gives {} days; reading \"by the 15th week\" as the last trough before week 15 begins (day 84, before the 5th dose) gives {} days. 45 days lies between the two. The app uses {} days and states its criterion; edit T50 to explore the others.",
                f(c.clearance_t50_days, 4),
                day84.map(|v| f(v, 3)).unwrap_or_else(|| "no solution".into()),
                f(c.clearance_t50_days, 4)
            )}</p>
            <p class="msg msg-note" data-testid="clearance-note">{format!(
                "Seed 000 calls the fall from {} to {} L/day \"a 26% reduction\"; those two figures give {} % (1 − {}/{}). Both clearances are used as printed.",
                m.clearance_first_dose_l_per_day, m.clearance_steady_state_l_per_day, f(fall * 100.0, 3), m.clearance_steady_state_l_per_day, m.clearance_first_dose_l_per_day
            )}</p>
            <h3>{"Body weight"}</h3>
            <p>{"Seed 000 (Pharmacokinetics): body weight (31 to 155 kg), age and sex did not significantly influence ivonescimab's pharmacokinetics. The model therefore has no weight effect: with mg/kg dosing the dose, and so every concentration and AUC, is proportional to weight (a 100 kg patient has 100/70 times the exposure of a 70 kg one), while a flat dose gives the same exposure at any weight. The allometric exponents (allo_cl, allo_v; clearances × (W/70)^allo_cl, volumes × (W/70)^allo_v) let you explore the alternative, e.g. 0.75 and 1."}</p>
            <h3>{"Between-patient variability"}</h3>
            <p>{format!(
                "Virtual patients draw CL (CL0 and CLss together) and V1 from independent log-normal distributions, ω² = ln(1 + CV²), with CV {} % and {} % (median of anti-PD-1 population PK models, Shang et al., Front Immunol 2022;13:871372). The random numbers come from the seed (SplitMix64), so a link reproduces the same bands. Percentiles interpolate between order statistics.",
                s.cv_clearance_percent.value, s.cv_central_volume_percent.value
            )}</p>
            <h3>{"IC50 reference lines"}</h3>
            <p>{format!(
                "Seed 001 (Mechanism of Action and Discovery of Ivonescimab) reports in vitro IC50s of {pd1} nM for PD-1 signalling and {vegf} nM for VEGF signalling. Concentrations in µg/mL need a molecular weight, which the sources do not give: {} kDa is assumed ({}). µg/mL = nM × kDa / 1000, so {pd1} nM is {} µg/mL and {vegf} nM is {} µg/mL. In vitro potency is not a target trough.",
                mw, s.molecular_weight_kda.describe(crate::i18n::Lang::En), f(pd1 * mw / 1000.0, 4), f(vegf * mw / 1000.0, 4)
            )}</p>
            <h3>{"Metrics"}</h3>
            <ul>
                <li>{"First: the interval after dose 1. Steady state (ss): the interval after the last dose, up to when the next dose would be given."}</li>
                <li>{"Cmax: the highest concentration in the interval (the end of the infusion). Ctrough: the concentration at the end of the interval."}</li>
                <li>{"AUC: the area under the curve over the last interval. Rac: Ctrough,ss / Ctrough,first. t90ss: days from the first dose to the first pre-dose trough that reaches 90 % of the last trough."}</li>
            </ul>
            <p class="hint">{"Sources: seed 000, review of PD-1(L1)/VEGF bispecific antibodies in solid tumours; seed 001, Vallathol DH, Menon A, Warriar AR. Ivonescimab: The Two Pronged Attack. Ind J Med Paediatr Oncol 2025, doi 10.1055/s-0045-1809539; Ahamadi M et al., CPT Pharmacometrics Syst Pharmacol 2017;6:49; Bajaj G et al., CPT Pharmacometrics Syst Pharmacol 2017;6:58; Shang J et al., Front Immunol 2022;13:871372."}</p>
        </section>
    }
}

//! The dose view's inputs: ivonescimab (weight, mg/kg with the trials' presets, interval),
//! the regimen, body size and renal function for its partners, vial and rounding.

use crate::dosing::regimens::{self, Regimen, DEFAULT_REGIMEN_ID};
use crate::dosing::{label, CrclWeight, DoseBasis, DoseReport};
use crate::link::{DoseParams, ParamError};
use crate::widgets::field::{NumberField, SelectField};
use crate::widgets::form::LinkForm;
use crate::widgets::messages::FieldError;
use yew::prelude::*;

use super::explain::{drug_label, num, short_cite, short_cites};

/// What the inputs need besides the form: the computed report and the chosen regimen.
pub struct InputContext<'a> {
    pub form: &'a LinkForm,
    pub errors: &'a [ParamError],
    pub report: &'a DoseReport,
    pub regimen: Option<&'static Regimen>,
}

impl InputContext<'_> {
    fn text(&self, name: &str) -> AttrValue {
        self.form.text(name)
    }
    fn has(&self, name: &str) -> bool {
        !self.form.text(name).trim().is_empty()
    }
    pub fn needs_bsa(&self) -> bool {
        self.regimen
            .is_some_and(|r| r.partners.iter().any(|p| p.basis == DoseBasis::MgPerM2))
            || self.has("height")
    }
    pub fn needs_crcl(&self) -> bool {
        self.regimen.is_some_and(|r| {
            r.partners
                .iter()
                .any(|p| p.basis == DoseBasis::CarboplatinAuc)
        }) || self.has("age")
            || self.has("scr")
            || self.has("auc")
    }
}

/// The unit a unit select shows: the typed code, or the default when none is given (a select
/// must never show a unit other than the one the calculation uses).
fn unit_shown(ctx: &InputContext, name: &str, default: &str) -> AttrValue {
    let text = ctx.text(name);
    if text.trim().is_empty() {
        AttrValue::from(default.to_string())
    } else {
        AttrValue::from(text.trim().to_string())
    }
}

/// A choice's options and the value shown: the empty text shows `default`'s option; a value
/// that is none of the options gets its own (marked not usable), so the select always shows
/// what the link holds.
fn choice(
    ctx: &InputContext,
    name: &str,
    default: &str,
    pairs: &[(&str, &str)],
) -> (AttrValue, Vec<(AttrValue, AttrValue)>) {
    let text = ctx.text(name);
    let raw = text.trim();
    let shown = if raw.is_empty() { default } else { raw };
    let mut opts = options(pairs);
    if !pairs.iter().any(|(v, _)| *v == shown) {
        opts.push((
            AttrValue::from(shown.to_string()),
            AttrValue::from(format!("“{shown}” (as in the link)")),
        ));
    }
    (AttrValue::from(shown.to_string()), opts)
}

fn options(pairs: &[(&str, &str)]) -> Vec<(AttrValue, AttrValue)> {
    pairs
        .iter()
        .map(|(v, l)| {
            (
                AttrValue::from(v.to_string()),
                AttrValue::from(l.to_string()),
            )
        })
        .collect()
}

/// The parameters whose inputs are on the page for this context (others' errors are listed
/// separately so that none goes unseen).
pub fn shown_fields(ctx: &InputContext) -> Vec<String> {
    let mut shown: Vec<String> = [
        "weight", "wunit", "mgkg", "every", "regimen", "vial", "conc", "round",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    if ctx.needs_bsa() {
        shown.extend(["height", "hunit", "bsa"].map(String::from));
        if let Some(r) = ctx.regimen {
            for p in r.partners.iter().filter(|p| p.basis == DoseBasis::MgPerM2) {
                shown.push(DoseParams::partner_param(&p.drug));
            }
        }
    }
    if ctx.needs_crcl() {
        shown.extend(
            [
                "age", "sex", "scr", "scrunit", "auc", "cgweight", "height", "hunit",
            ]
            .map(String::from),
        );
    }
    shown
}

pub fn ivonescimab_inputs(ctx: &InputContext) -> Html {
    let form = ctx.form;
    let errors = ctx.errors.to_vec();
    let label = label();
    let mgkg_text = ctx.text("mgkg");
    let current_mgkg =
        crate::link::parse_number(&mgkg_text)
            .ok()
            .or(if mgkg_text.trim().is_empty() {
                Some(label.dose.mg_per_kg)
            } else {
                None
            });
    let every_text = ctx.text("every");
    let mut every_options = options(&[
        ("", "every 3 weeks (label)"),
        ("2", "every 2 weeks"),
        ("3", "every 3 weeks"),
    ]);
    if !["", "2", "3"].contains(&every_text.trim()) {
        every_options.push((
            every_text.clone(),
            AttrValue::from(format!("every {} weeks (not offered)", every_text.trim())),
        ));
    }
    // A preset's dose and, for the label dose, its interval and mark: on its button (the
    // mark on a line of its own, broken between interval and mark when narrow) and in the
    // list of the trials that used each dose.
    let preset_name = |mg_per_kg: f64, label_dose: bool| {
        let dose = format!("{} mg/kg", num(mg_per_kg));
        let tag = label_dose.then(|| {
            (
                format!("every {} weeks", label.dose.every_weeks),
                "(label dose)",
            )
        });
        (dose, tag)
    };
    let presets = label.presets.iter().map(|preset| {
        let pressed = current_mgkg.is_some_and(|m| (m - preset.mg_per_kg).abs() < 1e-9);
        let onclick = {
            let form = form.clone();
            let value = crate::link::format_number(preset.mg_per_kg);
            let label_dose = preset.label_dose;
            let every = label.dose.every_weeks.to_string();
            Callback::from(move |_: MouseEvent| {
                form.set("mgkg", &value);
                if label_dose {
                    form.set("every", &every);
                }
            })
        };
        let (dose, tag) = preset_name(preset.mg_per_kg, preset.label_dose);
        html! {
            <li class={classes!("preset", preset.label_dose.then_some("preset-label"))}>
                <button type="button" aria-pressed={pressed.to_string()} {onclick}
                    aria-describedby={format!("preset-{}-used", num(preset.mg_per_kg))}>
                    <span class="preset-dose">{dose}</span>
                    if let Some((every, mark)) = tag {
                        {" "}<span class="preset-tag"><span>{every}</span>{" "}<span>{mark}</span></span>
                    }
                </button>
            </li>
        }
    });
    let evidence = label.presets.iter().map(|preset| {
        let (dose, tag) = preset_name(preset.mg_per_kg, preset.label_dose);
        let name = match tag {
            Some((every, mark)) => format!("{dose} {every} {mark}"),
            None => dose,
        };
        html! {
            <li class={classes!(preset.label_dose.then_some("preset-label"))}>
                <strong>{format!("{name}: ")}</strong>
                <span class="preset-used" id={format!("preset-{}-used", num(preset.mg_per_kg))}>
                    {format!("Used in: {} ", preset.used_in)}
                    <span class="source">{format!("({})", short_cites(&preset.sources))}</span>
                </span>
            </li>
        }
    });
    let disagreements = label.disagreements.iter().map(|d| {
        html! {
            <div class="msg msg-note disagreement" data-testid="disagreement">
                <strong>{format!("Sources disagree: {}. ", d.topic)}</strong>{d.text.clone()}
                <details>
                    <summary>{"The sources' words"}</summary>
                    <ul class="quotes">
                        { for d.sources.iter().map(|s| html! {
                            <li><span class="source">{short_cite(s)}</span>{": "}
                                <q>{s.as_printed.clone().unwrap_or_default()}</q></li>
                        }) }
                    </ul>
                </details>
            </div>
        }
    });
    html! {
        <fieldset class="dose-group">
            <legend>{"Ivonescimab"}</legend>
            <NumberField name="weight" label="Body weight" value={ctx.text("weight")} oninput={form.setter("weight")}
                unit_name="wunit" units={vec![("kg", "kg"), ("lb", "lb")]} unit_value={unit_shown(ctx, "wunit", "kg")} on_unit={form.setter("wunit")}
                errors={errors.clone()} />
            <NumberField name="mgkg" label="Dose level" value={mgkg_text.clone()} oninput={form.setter("mgkg")}
                unit="mg/kg" placeholder={crate::link::format_number(label.dose.mg_per_kg)}
                hint={html!{ <>{format!("Empty: the label dose, {} mg/kg every {} weeks ", num(label.dose.mg_per_kg), label.dose.every_weeks)}
                    <span class="source">{format!("({}).", short_cites(&label.dose.sources))}</span></> }}
                errors={errors.clone()} />
            <div class="field presets-field">
                <span class="presets-title" id="presets-title">{"Dose levels the trials used"}</span>
                <ul class="presets preset-list" aria-labelledby="presets-title">{ for presets }</ul>
                <details class="preset-evidence">
                    <summary>{"Which trials used these doses"}</summary>
                    <ul class="preset-used-list">{ for evidence }</ul>
                </details>
            </div>
            { for disagreements }
            <SelectField name="every" label="Dosing interval" value={every_text} onchange={form.setter("every")}
                options={every_options} errors={errors} />
        </fieldset>
    }
}

fn trial_names(regimen: &Regimen) -> String {
    regimen
        .trials
        .iter()
        .map(|t| t.name.split(" (").next().unwrap_or(&t.name).to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn regimen_input(ctx: &InputContext) -> Html {
    let form = ctx.form;
    let current = ctx.text("regimen");
    let current_id = if current.trim().is_empty() {
        DEFAULT_REGIMEN_ID.to_string()
    } else {
        current.trim().to_string()
    };
    let mut tumours: Vec<&str> = Vec::new();
    for r in regimens::regimens() {
        if !tumours.contains(&r.tumour.as_ref()) {
            tumours.push(&r.tumour);
        }
    }
    let onchange = {
        let cb = form.setter("regimen");
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            cb.emit(value)
        })
    };
    let mine: Vec<&ParamError> = ctx.errors.iter().filter(|e| e.param == "regimen").collect();
    let unknown = regimens::regimen(&current_id).is_none();
    let mut described = vec!["f-regimen-hint".to_string()];
    if !mine.is_empty() {
        described.push("f-regimen-msg".to_string());
    }
    let details = ctx
        .regimen
        .map(|r| {
            html! {
                <div class="hint regimen-details" id="f-regimen-hint">
                    <p><strong>{format!("{}: ", r.tumour)}</strong>{r.setting.clone()}</p>
                    <p>{"Trials: "}{ r.trials.iter().map(|t| match &t.registry_id {
                        Some(id) => format!("{} ({id})", t.name),
                        None => t.name.to_string(),
                    }).collect::<Vec<_>>().join("; ") }</p>
                    { for r.notes.iter().map(|n| html!{ <p class="regimen-note">{n.clone()}</p> }) }
                    <p class="source">{format!("Sources: {}", short_cites(&r.sources))}</p>
                </div>
            }
        })
        .unwrap_or_else(|| {
            html! {
                <div class="hint" id="f-regimen-hint">{"Choose a regimen from the list."}</div>
            }
        });
    html! {
        <fieldset class="dose-group">
            <legend>{"Regimen"}</legend>
            <div class={classes!("field", (!mine.is_empty()).then_some("invalid"))}>
                <label for="f-regimen">{"Regimen (tumour · trial)"}</label>
                <select id="f-regimen" name="regimen" {onchange} aria-describedby={described.join(" ")}
                    aria-invalid={(!mine.is_empty()).then_some("true")}>
                    if unknown {
                        <option value={current_id.clone()} selected=true>{format!("“{current_id}” (not known)")}</option>
                    }
                    { for tumours.iter().map(|tumour| html! {
                        <optgroup label={tumour.to_string()}>
                            { for regimens::regimens().iter().filter(|r| r.tumour == *tumour).map(|r| html! {
                                <option value={r.id.clone()} selected={r.id == current_id}>
                                    {format!("{} · {}", r.name, trial_names(r))}
                                </option>
                            }) }
                        </optgroup>
                    }) }
                </select>
                {details}
                { for mine.iter().enumerate().map(|(i, e)| html! {
                    <FieldError field={e.param} message={e.message.clone()} id={(i == 0).then(|| AttrValue::from("f-regimen-msg"))} />
                }) }
            </div>
        </fieldset>
    }
}

pub fn body_size_inputs(ctx: &InputContext) -> Html {
    if !ctx.needs_bsa() {
        return html! {};
    }
    let form = ctx.form;
    let errors = ctx.errors.to_vec();
    let partners = ctx
        .regimen
        .map(|r| {
            r.partners
                .iter()
                .filter(|p| p.basis == DoseBasis::MgPerM2)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let partner_fields = partners.iter().filter_map(|p| {
        let param = DoseParams::partner_param(&p.drug);
        let name = DoseParams::static_name(&param)?;
        let hint = match p.mg_per_m2 {
            Some(m2) => html! { <>
                {format!("Empty: {} mg/m² from the source ", num(m2))}
                <span class="source">{format!("({}).", short_cites(&p.sources))}</span>
                { schedule(p.days.as_deref(), p.cycle_days) }
            </> },
            None => html! { <>
                <strong>{"The sources do not give this dose: type the mg/m² as ordered. "}</strong>
                <span class="source">{format!("({})", short_cites(&p.sources))}</span>
            </> },
        };
        Some(html! {
            <NumberField {name} label={format!("{} dose", drug_label(&p.drug))} value={form.text(name)}
                oninput={form.setter(name)} unit="mg/m²"
                placeholder={p.mg_per_m2.map(crate::link::format_number).unwrap_or_default()}
                {hint} errors={errors.clone()} />
        })
    });
    let (bsa_value, bsa_options) = choice(
        ctx,
        "bsa",
        "mosteller",
        &[("mosteller", "Mosteller (default)"), ("dubois", "Du Bois")],
    );
    html! {
        <fieldset class="dose-group">
            <legend>{"Body surface area"}</legend>
            <NumberField name="height" label="Height" value={ctx.text("height")} oninput={form.setter("height")}
                unit_name="hunit" units={vec![("cm", "cm"), ("in", "in")]} unit_value={unit_shown(ctx, "hunit", "cm")} on_unit={form.setter("hunit")}
                errors={errors.clone()} />
            <SelectField name="bsa" label="BSA formula" value={bsa_value} onchange={form.setter("bsa")}
                options={bsa_options}
                errors={errors.clone()} />
            { for partner_fields }
        </fieldset>
    }
}

fn schedule(days: Option<&[u32]>, cycle: Option<u32>) -> Html {
    match (days, cycle) {
        (Some(days), Some(cycle)) => {
            let days: Vec<String> = days.iter().map(|d| d.to_string()).collect();
            html! { {format!(" Given on days {} of each {cycle}-day cycle.", days.join(", "))} }
        }
        (None, Some(cycle)) => html! { {format!(" {cycle}-day cycle.")} },
        _ => html! {},
    }
}

pub fn renal_inputs(ctx: &InputContext) -> Html {
    if !ctx.needs_crcl() {
        return html! {};
    }
    let form = ctx.form;
    let errors = ctx.errors.to_vec();
    let report = ctx.report;
    let carbo = ctx.regimen.and_then(|r| {
        r.partners
            .iter()
            .find(|p| p.basis == DoseBasis::CarboplatinAuc)
    });
    let auc_hint = match carbo {
        Some(p) => match p.carboplatin_auc {
            Some(auc) => html! { <>{format!("Empty: AUC {} from the regimen's source ", num(auc))}
            <span class="source">{format!("({}).", short_cites(&p.sources))}</span></> },
            None => html! { <>
            <strong>{"The sources do not give the target AUC for this regimen: type it as ordered. "}</strong>
            <span class="source">{format!("({})", short_cites(&p.sources))}</span></> },
        },
        None => html! { {"This regimen has no carboplatin."} },
    };
    let (sex_value, sex_options) = choice(
        ctx,
        "sex",
        "",
        &[("", "choose"), ("f", "female"), ("m", "male")],
    );
    let chosen = ctx.text("cgweight");
    let adjusted_chosen = chosen.trim() == CrclWeight::Adjusted.code();
    let chosen = if chosen.trim().is_empty() {
        AttrValue::from(CrclWeight::Actual.code())
    } else {
        AttrValue::from(chosen.trim().to_string())
    };
    let mut cg_options = vec![(
        AttrValue::from(CrclWeight::Actual.code()),
        AttrValue::from(match report.weight_kg {
            Some(w) => format!("Actual body weight, {} kg (default)", num(w)),
            None => "Actual body weight (default)".to_string(),
        }),
    )];
    if report.adjusted_body_weight_offered || adjusted_chosen {
        cg_options.push((
            AttrValue::from("adjusted"),
            AttrValue::from(match report.adjusted_body_weight_kg {
                Some(w) => format!("Adjusted body weight, {} kg", num(w)),
                None => "Adjusted body weight (needs height and sex)".to_string(),
            }),
        ));
    }
    if !["actual", "adjusted"].contains(&chosen.as_str()) {
        cg_options.push((
            chosen.clone(),
            AttrValue::from(format!("“{chosen}” (as in the link)")),
        ));
    }
    let cg_hint = html! { <>
        { match report.crcl_weight_kg {
            Some(w) => format!("Weight used in Cockcroft-Gault: {} kg. ", num(w)),
            None => "Weight used in Cockcroft-Gault: none yet. ".to_string(),
        } }
        { match report.bmi_kg_m2 {
            Some(bmi) if report.adjusted_body_weight_offered =>
                format!("BMI {} kg/m² (≥ 25): adjusted body weight may be chosen.", num(bmi)),
            Some(bmi) => format!("BMI {} kg/m² (< 25): actual body weight.", num(bmi)),
            None => "Adjusted body weight is offered when BMI ≥ 25 (needs height).".to_string(),
        } }
    </> };
    let height_field = if ctx.needs_bsa() {
        html! {}
    } else {
        html! {
            <NumberField name="height" label="Height (for BMI and adjusted weight)" value={ctx.text("height")} oninput={form.setter("height")}
                unit_name="hunit" units={vec![("cm", "cm"), ("in", "in")]} unit_value={unit_shown(ctx, "hunit", "cm")} on_unit={form.setter("hunit")}
                errors={errors.clone()} />
        }
    };
    html! {
        <fieldset class="dose-group">
            <legend>{"Carboplatin: renal function (Cockcroft-Gault)"}</legend>
            <NumberField name="age" label="Age" value={ctx.text("age")} oninput={form.setter("age")} unit="years" errors={errors.clone()} />
            <SelectField name="sex" label="Sex" value={sex_value} onchange={form.setter("sex")}
                options={sex_options} errors={errors.clone()} />
            <NumberField name="scr" label="Serum creatinine" value={ctx.text("scr")} oninput={form.setter("scr")}
                unit_name="scrunit" units={vec![("mgdl", "mg/dL"), ("umol", "µmol/L")]} unit_value={unit_shown(ctx, "scrunit", "mgdl")} on_unit={form.setter("scrunit")}
                hint={html!{ {"88.4 µmol/L = 1 mg/dL."} }} errors={errors.clone()} />
            {height_field}
            <SelectField name="cgweight" label="Weight in Cockcroft-Gault" value={chosen} onchange={form.setter("cgweight")}
                options={cg_options} hint={cg_hint} errors={errors.clone()} />
            <NumberField name="auc" label="Carboplatin target AUC" value={ctx.text("auc")} oninput={form.setter("auc")}
                unit="mg/mL·min" placeholder={carbo.and_then(|p| p.carboplatin_auc).map(crate::link::format_number).unwrap_or_default()}
                hint={auc_hint} errors={errors} />
        </fieldset>
    }
}

pub fn vial_inputs(ctx: &InputContext) -> Html {
    let form = ctx.form;
    let errors = ctx.errors.to_vec();
    let vial = &label().vial;
    let (round_value, round_options) = choice(
        ctx,
        "round",
        "off",
        &[
            ("off", "off (default)"),
            ("pct5", "within 5 %"),
            ("pct10", "within 10 % (HOPA)"),
        ],
    );
    let source = html! { <>
        {format!("Empty: {} mg in {} mL ({} mg/mL). {} ", num(vial.vial_mg), num(vial.volume_ml), num(vial.concentration_mg_per_ml), vial.note)}
        <span class="source">{format!("({}).", short_cites(&vial.sources))}</span>
    </> };
    html! {
        <fieldset class="dose-group">
            <legend>{"Vial and rounding"}</legend>
            <NumberField name="vial" label="Vial content" value={ctx.text("vial")} oninput={form.setter("vial")}
                unit="mg" placeholder={crate::link::format_number(vial.vial_mg)} hint={source} errors={errors.clone()} />
            <NumberField name="conc" label="Concentration" value={ctx.text("conc")} oninput={form.setter("conc")}
                unit="mg/mL" placeholder={crate::link::format_number(vial.concentration_mg_per_ml)} errors={errors.clone()} />
            <SelectField name="round" label="Round to whole vials" value={round_value} onchange={form.setter("round")}
                options={round_options}
                hint={html!{ {"HOPA allows biologics to be rounded to the nearest vial within 10 % (Hematology/Oncology Pharmacy Association dose-rounding guidance; not in the seeds)."} }}
                errors={errors} />
        </fieldset>
    }
}

//! The dose view's inputs: ivonescimab (weight, mg/kg with the trials' presets, interval),
//! the regimen, body size and kidney function for its partners, vial and rounding, and the
//! dose as ordered. Each field comes from its row of `crate::inputs::dose`.

use crate::dosing::kidney::kidney_data;
use crate::dosing::regimens::{self, Regimen, DEFAULT_REGIMEN_ID};
use crate::dosing::{drugs, label, CrclWeight, DoseBasis, DoseReport};
use crate::format::{self, Quantity};
use crate::i18n::{colon, full_stop, in_parentheses, translated, Lang};
use crate::inputs::dose::*;
use crate::inputs::link::exact;
use crate::sources::short_cites;
use crate::tr;
use crate::widgets::field::{NumberField, OptionGroup, SelectField};
use crate::widgets::form::LinkForm;
use crate::widgets::messages::Notices;
use yew::prelude::*;

/// What the inputs need besides the form: the computed report, the chosen regimen and the
/// messages at the fields.
pub struct InputContext<'a> {
    pub form: &'a LinkForm,
    pub notices: Notices,
    pub report: &'a DoseReport,
    pub regimen: Option<&'static Regimen>,
    pub on_confirm: Callback<(String, f64)>,
    pub lang: Lang,
}

impl InputContext<'_> {
    /// The regimen has a partner dosed by body surface area, or a height was given.
    pub fn needs_bsa(&self) -> bool {
        self.regimen
            .is_some_and(|r| r.partners.iter().any(|p| p.basis == DoseBasis::MgPerM2))
            || self.form.has(&HEIGHT)
    }
    /// The regimen has a partner whose dose or safety depends on kidney function (Calvert,
    /// or a kidney limit of its label), or a kidney value was given.
    pub fn needs_kidney(&self) -> bool {
        self.regimen.is_some_and(|r| {
            r.partners.iter().any(|p| {
                p.basis == DoseBasis::CarboplatinAuc
                    || kidney_data().checks.iter().any(|c| *c.drug == *p.drug)
            })
        }) || [&AGE, &SCR, &AUC, &GFR].iter().any(|i| self.form.has(i))
    }
    fn has_carboplatin(&self) -> bool {
        self.regimen.is_some_and(|r| {
            r.partners
                .iter()
                .any(|p| p.basis == DoseBasis::CarboplatinAuc)
        })
    }
    fn t(&self, text: crate::i18n::Text) -> &'static str {
        text.get(self.lang)
    }
    fn number(&self, input: &'static crate::inputs::Input) -> Html {
        html! {
            <NumberField {input} value={self.form.of(input)} oninput={self.form.set_input(input)}
                unit_value={input.number().and_then(|n| n.unit_input).map(|u| self.form.of(u)).unwrap_or_default()}
                on_unit={self.form.set_unit(input)}
                notices={self.notices.clone()} on_confirm={self.on_confirm.clone()} />
        }
    }
    fn select(&self, input: &'static crate::inputs::Input) -> Html {
        html! {
            <SelectField {input} value={self.form.of(input)} onchange={self.form.set_input(input)} notices={self.notices.clone()} />
        }
    }
}

/// The parameters whose inputs are on the page for this context (others' messages are listed
/// with the results so that none goes unseen).
pub fn shown_fields(ctx: &InputContext) -> Vec<String> {
    let mut shown: Vec<&str> = vec![
        WEIGHT.name,
        WEIGHT_UNIT.name,
        MG_PER_KG.name,
        EVERY.name,
        REGIMEN.name,
        VIAL.name,
        CONC.name,
        ROUND.name,
        ORDERED.name,
    ];
    let mut partners = Vec::new();
    if ctx.needs_bsa() {
        shown.extend([HEIGHT.name, HEIGHT_UNIT.name, BSA.name]);
        if let Some(r) = ctx.regimen {
            for p in r.partners.iter().filter(|p| p.basis == DoseBasis::MgPerM2) {
                partners.push(format!("{}{}", PARTNER_MG_PER_M2.name, p.drug));
            }
        }
    }
    if ctx.needs_kidney() {
        shown.extend([
            AGE.name,
            SEX.name,
            SCR.name,
            SCR_UNIT.name,
            SCR_FLOOR.name,
            GFR.name,
            CG_WEIGHT.name,
            HEIGHT.name,
            HEIGHT_UNIT.name,
            AUC.name,
        ]);
    }
    shown
        .into_iter()
        .map(str::to_string)
        .chain(partners)
        .collect()
}

fn source_span(text: String) -> Html {
    html! { <span class="source">{text}</span> }
}

/// Sources cited as the end of a sentence: `(…).`, `（…）。`.
fn cited_sentence(sources: &str, lang: Lang) -> String {
    format!("{}{}", in_parentheses(sources, lang), full_stop(lang))
}

pub fn ivonescimab_inputs(ctx: &InputContext) -> Html {
    let form = ctx.form;
    let lang = ctx.lang;
    let label = label();
    let mgkg_text = form.of(&MG_PER_KG);
    let current_mgkg = crate::inputs::number::parse_number(&mgkg_text)
        .ok()
        .or(mgkg_text.trim().is_empty().then_some(label.dose.mg_per_kg));
    let every_weeks = label.dose.every_weeks.to_string();
    let mg_kg = |v: f64| format::with_unit(v, Quantity::MgPerKg, lang);
    let every_text =
        tr!("every {weeks} weeks", "每 {weeks} 周").fill(lang, &[("weeks", &every_weeks)]);
    let label_mark = ctx.t(tr!("(label dose)", "（说明书剂量）"));
    let presets = label.presets.iter().map(|preset| {
        let pressed = current_mgkg.is_some_and(|m| (m - preset.mg_per_kg).abs() < 1e-9);
        let onclick = {
            let form = form.clone();
            let value = exact(preset.mg_per_kg);
            let label_dose = preset.label_dose;
            let every = every_weeks.clone();
            Callback::from(move |_: MouseEvent| {
                if label_dose {
                    form.set_many(&[(MG_PER_KG.name, &value), (EVERY.name, &every)]);
                } else {
                    form.set(MG_PER_KG.name, &value);
                }
            })
        };
        let id = format!("preset-{}-used", exact(preset.mg_per_kg));
        html! {
            <li class={classes!("preset", preset.label_dose.then_some("preset-label"))}>
                <button type="button" aria-pressed={pressed.to_string()} {onclick} aria-describedby={id}>
                    <span class="preset-dose">{mg_kg(preset.mg_per_kg)}</span>
                    if preset.label_dose {
                        {" "}<span class="preset-tag"><span>{every_text.clone()}</span>{" "}<span>{label_mark}</span></span>
                    }
                </button>
            </li>
        }
    });
    let evidence = label.presets.iter().map(|preset| {
        let name = if preset.label_dose {
            format!("{} {every_text} {label_mark}", mg_kg(preset.mg_per_kg))
        } else {
            mg_kg(preset.mg_per_kg)
        };
        html! {
            <li class={classes!(preset.label_dose.then_some("preset-label"))}>
                <strong>{format!("{name}{}", colon(lang))}</strong>
                <span class="preset-used" id={format!("preset-{}-used", exact(preset.mg_per_kg))}>
                    {tr!("Used in: {trials}", "见于：{trials}").fill(lang, &[("trials", translated(&preset.used_in, lang))])}{" "}
                    {source_span(in_parentheses(&short_cites(preset.sources.iter(), lang), lang))}
                </span>
            </li>
        }
    });
    let disagreements = label.disagreements.iter().map(|d| {
        html! {
            <div class="msg msg-note disagreement" data-testid="disagreement">
                <strong>{tr!("Sources disagree: {topic}. ", "来源不一致：{topic}。").fill(lang, &[("topic", translated(&d.topic, lang))])}</strong>
                {translated(&d.text, lang)}
                <details>
                    <summary>{ctx.t(tr!("The sources' words", "来源原文"))}</summary>
                    <ul class="quotes">
                        { for d.sources.iter().map(|s| html! {
                            <li>{source_span(s.short(lang))}{colon(lang)}<q lang="en">{s.as_printed.as_deref().unwrap_or_default().to_string()}</q></li>
                        }) }
                    </ul>
                </details>
            </div>
        }
    });
    let mgkg_hint = html! { <>
        {tr!("Empty: the label dose, {dose} every {weeks} weeks ", "留空：说明书剂量 {dose}，每 {weeks} 周一次").fill(lang, &[("dose", &mg_kg(label.dose.mg_per_kg)), ("weeks", &every_weeks)])}
        {source_span(cited_sentence(&short_cites(label.dose.sources.iter(), lang), lang))}
    </> };
    let every_groups: Vec<OptionGroup> = vec![(
        None,
        vec![
            (
                "".into(),
                tr!("every 3 weeks (label)", "每 3 周（说明书）")
                    .get(lang)
                    .into(),
            ),
            ("2".into(), tr!("every 2 weeks", "每 2 周").get(lang).into()),
            ("3".into(), tr!("every 3 weeks", "每 3 周").get(lang).into()),
        ],
    )];
    html! {
        <fieldset class="dose-group">
            <legend>{ctx.t(tr!("Ivonescimab", "依沃西单抗"))}</legend>
            { ctx.number(&WEIGHT) }
            <NumberField input={&MG_PER_KG} value={mgkg_text.clone()} oninput={form.set_input(&MG_PER_KG)}
                hint={mgkg_hint} notices={ctx.notices.clone()} on_confirm={ctx.on_confirm.clone()} />
            <div class="field presets-field">
                <span class="presets-title" id="presets-title">{ctx.t(tr!("Dose levels the trials used", "试验中使用过的剂量水平"))}</span>
                <ul class="presets preset-list" aria-labelledby="presets-title">{ for presets }</ul>
                <details class="preset-evidence">
                    <summary>{ctx.t(tr!("Which trials used these doses", "哪些试验使用了这些剂量"))}</summary>
                    <ul class="preset-used-list">{ for evidence }</ul>
                </details>
            </div>
            { for disagreements }
            <SelectField input={&EVERY} value={form.of(&EVERY)} onchange={form.set_input(&EVERY)}
                groups={every_groups} notices={ctx.notices.clone()} />
        </fieldset>
    }
}

fn trial_names(regimen: &Regimen, lang: Lang) -> String {
    regimen
        .trials
        .iter()
        .map(|t| {
            let name = translated(&t.name, lang);
            name.split(" (").next().unwrap_or(name).to_string()
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn regimen_input(ctx: &InputContext) -> Html {
    let lang = ctx.lang;
    let mut tumours: Vec<&str> = Vec::new();
    for r in regimens::regimens() {
        if !tumours.contains(&&*r.tumour) {
            tumours.push(&r.tumour);
        }
    }
    let groups: Vec<OptionGroup> = tumours
        .iter()
        .map(|tumour| {
            (
                Some(AttrValue::from(translated(tumour, lang).to_string())),
                regimens::regimens()
                    .iter()
                    .filter(|r| *r.tumour == **tumour)
                    .map(|r| {
                        (
                            AttrValue::from(r.id.to_string()),
                            AttrValue::from(format!(
                                "{} · {}",
                                translated(&r.name, lang),
                                trial_names(r, lang)
                            )),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    let hint = match ctx.regimen {
        Some(r) => html! {
            <div class="regimen-details">
                <p><strong>{format!("{}{}", translated(&r.tumour, lang), colon(lang))}</strong>{translated(&r.setting, lang)}</p>
                <p>{ctx.t(tr!("Trials: ", "试验："))}{ r.trials.iter().map(|t| match &t.registry_id {
                    Some(id) => format!("{} ({id})", translated(&t.name, lang)),
                    None => translated(&t.name, lang).to_string(),
                }).collect::<Vec<_>>().join("; ") }</p>
                { for r.notes.iter().map(|n| html!{ <p class="regimen-note">{translated(n, lang)}</p> }) }
                <p class="source">{tr!("Sources: {sources}", "来源：{sources}").fill(lang, &[("sources", &short_cites(r.sources.iter(), lang))])}</p>
            </div>
        },
        None => html! { {ctx.t(tr!("Choose a regimen from the list.", "请从列表中选择方案。"))} },
    };
    let value = ctx.form.of(&REGIMEN);
    let value = if value.trim().is_empty() {
        AttrValue::from(DEFAULT_REGIMEN_ID)
    } else {
        value
    };
    html! {
        <fieldset class="dose-group">
            <legend>{ctx.t(tr!("Regimen", "方案"))}</legend>
            <SelectField input={&REGIMEN} {value} onchange={ctx.form.set_input(&REGIMEN)} {groups} {hint} notices={ctx.notices.clone()} />
        </fieldset>
    }
}

pub fn body_size_inputs(ctx: &InputContext) -> Html {
    if !ctx.needs_bsa() {
        return html! {};
    }
    let lang = ctx.lang;
    let form = ctx.form;
    let partners = ctx
        .regimen
        .map(|r| {
            r.partners
                .iter()
                .filter(|p| p.basis == DoseBasis::MgPerM2)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let partner_fields = partners.into_iter().map(|p| {
        let param = format!("{}{}", PARTNER_MG_PER_M2.name, p.drug);
        let name = drugs::label(&p.drug).map(|t| t.get(lang).to_string()).unwrap_or_else(|| drugs::capitalised(&p.drug));
        let hint = match p.mg_per_m2 {
            Some(m2) => html! { <>
                {tr!("Empty: {dose} from the source ", "留空：来源给出的 {dose}").fill(lang, &[("dose", &format::with_unit(m2, Quantity::MgPerM2, lang))])}
                {source_span(cited_sentence(&short_cites(p.sources.iter(), lang), lang))}
                { schedule(p.days.as_deref(), p.cycle_days, lang) }
            </> },
            None => html! { <>
                <strong>{ctx.t(tr!("The sources do not give this dose: type the mg/m² as ordered. ", "来源未给出此剂量：请按医嘱输入 mg/m²。"))}</strong>
                {source_span(in_parentheses(&short_cites(p.sources.iter(), lang), lang))}
            </> },
        };
        let set = {
            let form = form.clone();
            let param = param.clone();
            Callback::from(move |v: String| form.set(&param, &v))
        };
        html! {
            <NumberField input={&PARTNER_MG_PER_M2} param={AttrValue::from(param.clone())}
                label={tr!("{medicine} dose", "{medicine}剂量").fill(lang, &[("medicine", &name)])}
                value={form.text(&param)} oninput={set}
                placeholder={p.mg_per_m2.map(|v| AttrValue::from(format::number(v, Quantity::MgPerM2))).unwrap_or_default()}
                {hint} notices={ctx.notices.clone()} on_confirm={ctx.on_confirm.clone()} />
        }
    });
    html! {
        <fieldset class="dose-group">
            <legend>{ctx.t(tr!("Body surface area", "体表面积"))}</legend>
            { ctx.number(&HEIGHT) }
            { ctx.select(&BSA) }
            { for partner_fields }
        </fieldset>
    }
}

fn schedule(days: Option<&[u32]>, cycle: Option<u32>, lang: Lang) -> Html {
    match (days, cycle) {
        (Some(days), Some(cycle)) => {
            let days: Vec<String> = days.iter().map(|d| d.to_string()).collect();
            html! { {tr!(" Given on days {days} of each {cycle}-day cycle.", "每个 {cycle} 天周期的第 {days} 天给药。")
            .fill(lang, &[("days", &days.join(", ")), ("cycle", &cycle.to_string())])} }
        }
        (None, Some(cycle)) => {
            html! { {tr!(" {cycle}-day cycle.", "{cycle} 天为一周期。").fill(lang, &[("cycle", &cycle.to_string())])} }
        }
        _ => html! {},
    }
}

pub fn kidney_inputs(ctx: &InputContext) -> Html {
    if !ctx.needs_kidney() {
        return html! {};
    }
    let lang = ctx.lang;
    let form = ctx.form;
    let report = ctx.report;
    let carbo = ctx.regimen.and_then(|r| {
        r.partners
            .iter()
            .find(|p| p.basis == DoseBasis::CarboplatinAuc)
    });
    let auc_hint = match carbo {
        Some(p) => match p.carboplatin_auc {
            Some(auc) => html! { <>
                {tr!("Empty: AUC {target} from the regimen's source ", "留空：方案来源给出的 AUC {target}").fill(lang, &[("target", &format::number(auc, Quantity::Auc))])}
                {source_span(cited_sentence(&short_cites(p.sources.iter(), lang), lang))}
            </> },
            None => html! { <>
                <strong>{ctx.t(tr!("The sources do not give the target AUC for this regimen: type it as ordered. ", "来源未给出此方案的目标 AUC：请按医嘱输入。"))}</strong>
                {source_span(in_parentheses(&short_cites(p.sources.iter(), lang), lang))}
            </> },
        },
        None => html! { {ctx.t(tr!("This regimen has no carboplatin.", "此方案不含卡铂。"))} },
    };
    let kg = |v: f64| format::with_unit(v, Quantity::Kg, lang);
    let cg_value = form.of(&CG_WEIGHT);
    let adjusted_chosen = cg_value.trim() == CrclWeight::Adjusted.code();
    let mut cg_options = vec![(
        AttrValue::from(CrclWeight::Actual.code()),
        AttrValue::from(match report.weight_kg {
            Some(w) => tr!(
                "Actual body weight, {body_weight} (default)",
                "实际体重 {body_weight}（默认）"
            )
            .fill(lang, &[("body_weight", &kg(w))]),
            None => ctx
                .t(tr!("Actual body weight (default)", "实际体重（默认）"))
                .to_string(),
        }),
    )];
    // Adjusted weight is offered from BMI 25 on (and shown when a link chose it).
    if report.adjusted_body_weight_offered || adjusted_chosen {
        cg_options.push((
            AttrValue::from(CrclWeight::Adjusted.code()),
            AttrValue::from(
                match report
                    .adjusted_body_weight_kg
                    .filter(|_| report.adjusted_body_weight_offered)
                {
                    Some(w) => tr!(
                        "Adjusted body weight, {body_weight}",
                        "校正体重 {body_weight}"
                    )
                    .fill(lang, &[("body_weight", &kg(w))]),
                    None if report.adjusted_body_weight_offered => ctx
                        .t(tr!(
                            "Adjusted body weight (needs height and sex)",
                            "校正体重（需要身高和性别）"
                        ))
                        .to_string(),
                    None => ctx
                        .t(tr!(
                            "Adjusted body weight (only from BMI 25)",
                            "校正体重（仅适用于 BMI ≥ 25）"
                        ))
                        .to_string(),
                },
            ),
        ));
    }
    let cg_hint = html! { <>
        { match report.crcl_weight_kg {
            Some(w) => tr!("Weight used in Cockcroft-Gault: {body_weight}. ", "Cockcroft-Gault 公式所用体重：{body_weight}。").fill(lang, &[("body_weight", &kg(w))]),
            None => ctx.t(tr!("Weight used in Cockcroft-Gault: none yet. ", "Cockcroft-Gault 公式所用体重：尚无。")).to_string(),
        } }
        { match report.bmi_kg_m2 {
            Some(bmi) if report.adjusted_body_weight_offered =>
                tr!("BMI {bmi} (≥ 25): adjusted body weight may be chosen.", "BMI {bmi}（≥ 25）：可选用校正体重。").fill(lang, &[("bmi", &format::with_unit(bmi, Quantity::KgPerM2, lang))]),
            Some(bmi) => tr!("BMI {bmi} (< 25): actual body weight.", "BMI {bmi}（< 25）：使用实际体重。").fill(lang, &[("bmi", &format::with_unit(bmi, Quantity::KgPerM2, lang))]),
            None => ctx.t(tr!("Adjusted body weight is offered when BMI ≥ 25 (needs height).", "BMI ≥ 25 时可选用校正体重（需要身高）。")).to_string(),
        } }
    </> };
    let floor = &kidney_data().creatinine_floor;
    let floor_hint = html! { <>
        {ctx.t(tr!(
            "Creatinine measured by IDMS reads low around 0.7 mg/dL, so Cockcroft-Gault can overestimate kidney function; a floor puts the chosen value in its place. ",
            "IDMS 法测定的肌酐在 0.7 mg/dL 左右偏低，Cockcroft-Gault 公式可能因此高估肾功能；设定下限后以所选值代替。"
        ))}
        {source_span(in_parentheses(&short_cites(floor.sources.iter(), lang), lang))}
    </> };
    let height_field = if ctx.needs_bsa() {
        html! {}
    } else {
        ctx.number(&HEIGHT)
    };
    html! {
        <fieldset class="dose-group">
            <legend>{ctx.t(tr!("Kidney function (Cockcroft-Gault or measured GFR)", "肾功能（Cockcroft-Gault 或实测 GFR）"))}</legend>
            { ctx.number(&AGE) }
            <SelectField input={&SEX} value={form.of(&SEX)} onchange={form.set_input(&SEX)}
                groups={vec![(None, std::iter::once((AttrValue::from(""), AttrValue::from(ctx.t(tr!("choose", "请选择")))))
                    .chain(SEX.choices().iter().map(|c| (AttrValue::from(c.code), AttrValue::from(c.label.get(lang))))).collect())]}
                notices={ctx.notices.clone()} />
            { ctx.number(&SCR) }
            <SelectField input={&SCR_FLOOR} value={form.of(&SCR_FLOOR)} onchange={form.set_input(&SCR_FLOOR)} hint={floor_hint} notices={ctx.notices.clone()} />
            {height_field}
            <SelectField input={&CG_WEIGHT} value={form.of(&CG_WEIGHT)} onchange={form.set_input(&CG_WEIGHT)}
                groups={vec![(None, cg_options)]} hint={cg_hint} notices={ctx.notices.clone()} />
            { ctx.number(&GFR) }
            if ctx.has_carboplatin() || form.has(&AUC) {
                <NumberField input={&AUC} value={form.of(&AUC)} oninput={form.set_input(&AUC)}
                    placeholder={carbo.and_then(|p| p.carboplatin_auc).map(|a| AttrValue::from(format::number(a, Quantity::Auc))).unwrap_or_default()}
                    hint={auc_hint} notices={ctx.notices.clone()} on_confirm={ctx.on_confirm.clone()} />
            }
        </fieldset>
    }
}

pub fn vial_inputs(ctx: &InputContext) -> Html {
    let lang = ctx.lang;
    let vial = &label().vial;
    let source = html! { <>
        {tr!("Empty: {vial_mg} in {volume} ({conc_mg_ml}), both from the label. ", "留空：说明书规格 {vial_mg}/{volume}（{conc_mg_ml}）。").fill(lang, &[
            ("vial_mg", &format::with_unit(vial.vial_mg, Quantity::Mg, lang)),
            ("volume", &format::with_unit(vial.volume_ml, Quantity::Ml, lang)),
            ("conc_mg_ml", &format::with_unit(vial.concentration_mg_per_ml, Quantity::MgPerMl, lang)),
        ])}
        {translated(&vial.note, lang)}{" "}
        {source_span(cited_sentence(&short_cites(vial.sources.iter(), lang), lang))}
    </> };
    html! {
        <fieldset class="dose-group">
            <legend>{ctx.t(tr!("Vial and rounding", "药瓶与取整"))}</legend>
            <NumberField input={&VIAL} value={ctx.form.of(&VIAL)} oninput={ctx.form.set_input(&VIAL)} hint={source}
                notices={ctx.notices.clone()} on_confirm={ctx.on_confirm.clone()} />
            <NumberField input={&CONC} value={ctx.form.of(&CONC)} oninput={ctx.form.set_input(&CONC)}
                hint={html!{ {ctx.t(tr!("Give both the content and the concentration, or neither.", "含量和浓度须同时填写，或都不填。"))} }}
                notices={ctx.notices.clone()} on_confirm={ctx.on_confirm.clone()} />
            { ctx.select(&ROUND) }
        </fieldset>
    }
}

pub fn order_input(ctx: &InputContext) -> Html {
    html! {
        <fieldset class="dose-group">
            <legend>{ctx.t(tr!("Verify an order", "医嘱核对"))}</legend>
            { ctx.number(&ORDERED) }
        </fieldset>
    }
}

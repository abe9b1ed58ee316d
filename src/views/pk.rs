//! PK: the concentration-time curve of a regimen, exposure metrics and population bands.
//!
//! The scenario layer (`scenario::pk`) turns the form into the engine's inputs with their
//! messages and warnings; this view draws them:
//! * [`population`]: the population run in chunks, with progress and wall time;
//! * [`export`]: what the chart draws and the CSV holds;
//! * [`results`]: metrics, per-cycle and comparison tables;
//! * [`docs`]: the model documented with its derivation and sources.

pub mod docs;
pub mod export;
pub mod population;
pub mod results;

use crate::browser;
use crate::dosing::regimens::dosing_data;
use crate::format::{self, Quantity};
use crate::i18n::Lang;
use crate::inputs::link::exact;
use crate::inputs::pk::*;
use crate::inputs::Input;
use crate::link::{hash_for, QueryMap, Route};
use crate::pk::{simulate, DoseAmount, ModelParams, Regimen};
use crate::scenario::pk::{read, regimen_label, OverlayRegimen};
use crate::tr;
use crate::widgets::chart::{layout, plot_height_for, to_svg_string, ChartData, LineChart};
use crate::widgets::field::{input_text, NumberField, SelectField};
use crate::widgets::form::{use_confirmations, use_table_form, LinkForm};
use crate::widgets::messages::{MessageList, MessageView, Notice, Notices};
use crate::widgets::toggle::Toggle;
use export::{chart_data, csv, ChartOptions, Curve};
use population::{use_population, PopulationKey};
use results::{CompareTable, CycleTable, Metrics};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PkViewProps {
    pub query: QueryMap,
    /// Parameters every view keeps in the address bar (the page language).
    #[prop_or_default]
    pub keep: QueryMap,
}

/// The usual comparison: 10 vs 20 mg/kg every 3 weeks, and 20 mg/kg every 2 weeks.
const COMPARE_PRESET: &str = "10q3,20q3,20q2";
/// Size of the exported drawing, pixels.
const EXPORT_WIDTH: f64 = 960.0;

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

fn simulate_all(
    model: &ModelParams,
    regimens: &[Regimen],
    lang: Lang,
) -> (Vec<Curve>, Vec<String>) {
    let mut curves = Vec::new();
    let mut problems = Vec::new();
    for (i, r) in regimens.iter().enumerate() {
        let label = if i == 0 {
            tr!("{label} (inputs)", "{label}（输入方案）")
                .fill(lang, &[("label", &regimen_label(r, lang))])
        } else {
            regimen_label(r, lang)
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

/// A toggle button bound to a flag input.
fn toggle(form: &LinkForm, input: &'static Input, on: bool, id: &'static str, lang: Lang) -> Html {
    let ontoggle = {
        let form = form.clone();
        Callback::from(move |next: bool| form.set(input.name, if next { "1" } else { "" }))
    };
    html! {
        <Toggle pressed={on} {ontoggle} id={AttrValue::from(id)}>{input.label.get(lang)}</Toggle>
    }
}

#[function_component]
pub fn PkView(props: &PkViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let t = |text: crate::i18n::Text| text.get(lang);
    let form = use_table_form(
        Route::Pk,
        crate::inputs::link::only(&props.query, TABLE, true),
        TABLE,
        props.keep.clone(),
    );
    let (confirmed, on_confirm) = use_confirmations();
    let scenario = read(form.raw(), &confirmed);
    let mut notices: Vec<Notice> = scenario
        .errors
        .iter()
        .chain(&scenario.population_errors)
        .chain(&scenario.chart_errors)
        .cloned()
        .map(Notice::of)
        .collect();
    for (m, value) in &scenario.pending {
        notices.push(Notice {
            message: m.clone(),
            confirm: m.field.as_ref().map(|f| (f.to_string(), *value)),
        });
    }
    let notices: Notices = Rc::new(notices);
    let typical_ok = scenario.typical_ok();
    let population_ok = scenario.population_ok();
    let blockers: Vec<&'static Input> = TYPICAL
        .iter()
        .copied()
        .filter(|i| notices.iter().any(|n| n.message.is_at(i.name)))
        .collect();

    let model = scenario.model;
    let regimen = scenario.regimen;
    let overlays = scenario.overlays.clone();
    // The curves' labels are in the page's language: a new language labels them anew.
    let simulated = use_memo(
        (model, regimen, overlays.clone(), typical_ok, lang),
        |(model, regimen, overlays, ok, lang)| {
            if !*ok {
                return None;
            }
            let (curves, problems) = simulate_all(model, &chart_regimens(regimen, overlays), *lang);
            (!curves.is_empty()).then(|| (Rc::new(curves), problems))
        },
    );
    let key = population_ok.then_some(PopulationKey {
        model,
        regimen,
        population: scenario.population,
    });
    let pop = use_population(key);
    let current_pop = pop.result.clone().filter(|r| Some(r.key) == key);

    let refs_on = scenario.chart.reference_mw_kda.is_some();
    let log_on = scenario.chart.log;
    let time_unit = scenario.chart.time_unit;
    let options = ChartOptions {
        log_y: log_on,
        time_unit,
        reference_mw_kda: scenario.chart.reference_mw_kda,
        lang,
    };
    let chart: Rc<Option<Rc<ChartData>>> = {
        let curves = simulated.as_ref().as_ref().map(|(c, _)| c.clone());
        // While a run goes on, the bands of its first patients.
        let summary = current_pop.as_ref().map(|p| p.summary.clone()).or_else(|| {
            (pop.preview.as_ref())
                .filter(|p| Some(p.key) == key)
                .map(|p| p.summary.clone())
        });
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
                    &csv(curves, current_pop.as_deref(), lang),
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
            let pairs: Vec<(&str, &str)> = MODEL.iter().map(|i| (i.name, "")).collect();
            form.set_many(&pairs);
        })
    };
    let on_copy_patient_link = {
        let form = form.clone();
        let keep = props.keep.clone();
        Callback::from(move |_: MouseEvent| {
            let mut query = crate::inputs::link::only(form.raw(), TABLE, true);
            for (name, value) in keep.iter() {
                query.set(name, value);
            }
            browser::copy_text(&browser::url_with_hash(&hash_for(&Route::Pk, &query)));
        })
    };
    let preset = |mgkg: f64| {
        let form = form.clone();
        Callback::from(move |_: bool| {
            form.set_many(&[(MG_PER_KG.name, &exact(mgkg)), (FLAT.name, "")]);
        })
    };
    let on_compare = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| form.set(OVERLAY.name, COMPARE_PRESET))
    };
    let on_compare_clear = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| form.set(OVERLAY.name, ""))
    };
    let on_overlay = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| form.set(OVERLAY.name, &input_text(&e)))
    };

    let field = |input: &'static Input| {
        html! {
            <NumberField {input} value={form.of(input)} oninput={form.set_input(input)}
                notices={notices.clone()} on_confirm={on_confirm.clone()} />
        }
    };
    let overlay_notices: Vec<&Notice> = notices
        .iter()
        .filter(|n| n.message.is_at(OVERLAY.name))
        .collect();
    let current_mgkg = match regimen.dose {
        DoseAmount::MgPerKg(v) if !form.has(&FLAT) => Some(v),
        _ => None,
    };
    let warnings: Vec<Notice> = scenario
        .warnings
        .iter()
        .chain(&scenario.notes)
        .cloned()
        .map(Notice::of)
        .collect();
    let time_groups = vec![(
        None,
        TIME_UNIT
            .choices()
            .iter()
            .map(|c| (AttrValue::from(c.code), AttrValue::from(c.label.get(lang))))
            .collect(),
    )];
    let weight_shown = format::with_unit(regimen.weight_kg, Quantity::Kg, lang);
    let prevent = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <section class="view pk-view">
            <h1>{t(tr!("Pharmacokinetics", "药代动力学"))}</h1>
            <p class="purpose">{t(tr!(
                "The concentration-time curve of an ivonescimab regimen, its exposure metrics and population bands, from a two-compartment model with clearance that falls over time (documented below with every source).",
                "依沃西单抗给药方案的血药浓度-时间曲线、暴露量指标及群体区间带，基于清除率随时间下降的二室模型（下文列出每个参数的来源）。"
            ))}</p>

            <form class="pk-form" onsubmit={prevent.clone()}>
                <fieldset class="inputs">
                    <legend>{t(tr!("Regimen", "方案"))}</legend>
                    <div class="field-group">
                        { field(&MG_PER_KG) }
                        <div class="presets" role="group" aria-label={t(tr!("Dose levels used in trials", "试验中使用过的剂量水平"))}>
                            { for dosing_data().label.presets.iter().map(|p| html! {
                                <Toggle pressed={current_mgkg == Some(p.mg_per_kg)}
                                    title={AttrValue::from(crate::i18n::translated(&p.used_in, lang).to_string())}
                                    ontoggle={preset(p.mg_per_kg)}>{format::with_unit(p.mg_per_kg, Quantity::MgPerKg, lang)}</Toggle>
                            }) }
                        </div>
                    </div>
                    { field(&FLAT) }
                    { field(&WEIGHT) }
                    { field(&EVERY) }
                    { field(&DOSES) }
                    { field(&TINF) }
                </fieldset>
            </form>

            <MessageList notices={warnings} class="pk-warnings" />

            <h2>{t(tr!("Concentration over time", "血药浓度随时间变化"))}</h2>
            <div class="chart-options" role="group" aria-label={t(tr!("Chart options", "图表选项"))}>
                { toggle(&form, &LOG, log_on, "pk-log", lang) }
                { toggle(&form, &REFS, refs_on, "pk-refs", lang) }
                <SelectField input={&TIME_UNIT} value={AttrValue::from(time_unit.code())} onchange={form.set_input(&TIME_UNIT)}
                    groups={time_groups} notices={notices.clone()} />
                if refs_on {
                    { field(&MW) }
                }
            </div>
            <div class="compare">
                <div class={classes!("field", (!overlay_notices.is_empty()).then_some("invalid"))}>
                    <label for="f-overlay">{OVERLAY.label.get(lang)}</label>
                    <div class="input-row">
                        <input id="f-overlay" name={OVERLAY.name} type="text" autocomplete="off" placeholder={COMPARE_PRESET}
                            value={form.of(&OVERLAY)} oninput={on_overlay}
                            aria-invalid={(!overlay_notices.is_empty()).then_some("true")}
                            aria-describedby={if overlay_notices.is_empty() { "f-overlay-hint" } else { "f-overlay-hint f-overlay-msg" }} />
                    </div>
                    <div class="hint" id="f-overlay-hint">{OVERLAY.hint.map(|h| h.get(lang)).unwrap_or_default()}</div>
                    { for overlay_notices.iter().enumerate().map(|(i, n)| html! {
                        <MessageView notice={(*n).clone()} id={(i == 0).then(|| AttrValue::from("f-overlay-msg"))} />
                    }) }
                </div>
                <div class="actions">
                    <button type="button" id="pk-compare" onclick={on_compare}>{t(tr!("Compare 10 mg/kg Q3W, 20 mg/kg Q3W, 20 mg/kg Q2W", "比较 10 mg/kg Q3W、20 mg/kg Q3W、20 mg/kg Q2W"))}</button>
                    if !overlays.is_empty() {
                        <button type="button" onclick={on_compare_clear}>{t(tr!("Clear comparison", "清除比较"))}</button>
                    }
                </div>
            </div>

            if let (Some((curves, problems)), Some(data)) = (simulated.as_ref(), chart.as_ref()) {
                <LineChart data={data.clone()} id="pk-chart" {lang} />
                <p class="hint">{t(tr!("Ticks along the top mark the doses of each regimen, in its colour.", "顶部刻度以各方案的颜色标示其给药时间。"))}</p>
                { for problems.iter().map(|p| html! { <p class="msg msg-note">{p.clone()}</p> }) }
                <div class="actions">
                    <button type="button" id="pk-csv" onclick={on_csv}>{t(tr!("Download CSV (curves and metrics)", "下载 CSV（曲线与指标）"))}</button>
                    <button type="button" id="pk-svg" onclick={on_svg}>{t(tr!("Download chart (SVG)", "下载图表（SVG）"))}</button>
                    <button type="button" id="pk-png" onclick={on_png}>{t(tr!("Download chart (PNG)", "下载图表（PNG）"))}</button>
                    <button type="button" onclick={on_copy_patient_link}>{t(tr!("Copy link with patient values", "复制含患者数据的链接"))}</button>
                </div>

                <h2>{tr!("Exposure: {scheme}, {body_weight}, typical patient", "暴露量：{scheme}，{body_weight}，典型患者").fill(lang, &[("scheme", &regimen_label(&regimen, lang)), ("body_weight", &weight_shown)])}</h2>
                <Metrics simulation={curves[0].simulation.clone()}
                    population={current_pop.as_ref().map(|p| p.summary.metrics)}
                    last_run={pop.result.clone()} />
                <CompareTable curves={curves.clone()} />
                <CycleTable simulation={curves[0].simulation.clone()} />
            } else {
                <p class="msg msg-note" data-testid="results-blocked">
                    {if scenario.pending.is_empty() {
                        t(tr!("The curve and the metrics need every regimen and model input usable. Fix: ", "曲线和指标需要所有方案及模型输入均有效。请修正："))
                    } else {
                        t(tr!("The curve and the metrics wait until the unusual values are confirmed or changed: ", "曲线和指标需在确认或修改不常见数值后显示："))
                    }}
                    { for blockers.iter().enumerate().map(|(i, input)| html! {
                        <>{if i > 0 { ", " } else { "" }}<a href={format!("#f-{}", input.name)} onclick={Callback::from(|e: MouseEvent| e.prevent_default())}>{input.label.get(lang)}</a></>
                    }) }
                </p>
            }

            <form class="pk-form" onsubmit={prevent}>
                <fieldset class="inputs">
                    <legend>{t(tr!("Population", "群体模拟"))}</legend>
                    { field(&PATIENTS) }
                    { field(&CV_CL) }
                    { field(&CV_V1) }
                    { field(&SEED) }
                    <div class="pop-status" data-testid="pop-status"
                        data-state={if pop.progress.is_some() { "running" } else if current_pop.is_some() { "done" } else { "idle" }}>
                        if let Some(fraction) = pop.progress {
                            <label for="pk-progress">{tr!("Simulating {count} patients: {pct} %", "正在模拟 {count} 名患者：{pct}%").fill(lang, &[
                                ("count", &scenario.population.patients.to_string()),
                                ("pct", &format::number(fraction * 100.0, Quantity::Count)),
                            ])}</label>
                            <progress id="pk-progress" data-testid="pop-progress" max="1" value={fraction.to_string()}></progress>
                            if let Some(preview) = pop.preview.as_ref().filter(|p| Some(p.key) == key) {
                                <p>{tr!(
                                    "Until the run ends, the bands show its first {count} patients.",
                                    "模拟结束前，区间带显示前 {count} 名患者的结果。"
                                ).fill(lang, &[("count", &preview.summary.patients.to_string())])}</p>
                            }
                        } else if let Some(run) = &current_pop {
                            <p>{tr!(
                                "{count} virtual patients (seed {seed_number}): median with 25-75 % and 5-95 % bands on the chart; each metric with its 5-95 % range.",
                                "{count} 名虚拟患者（随机种子 {seed_number}）：图中显示中位数及 25–75% 和 5–95% 区间带；各指标附其 5–95% 范围。"
                            ).fill(lang, &[("count", &run.summary.patients.to_string()), ("seed_number", &run.summary.seed.to_string())])}</p>
                        } else if !population_ok {
                            <p>{t(tr!("The bands need usable population inputs.", "区间带需要有效的群体模拟输入。"))}</p>
                        }
                        if let Some(e) = &pop.error {
                            <p class="msg msg-note">{e.clone()}</p>
                        }
                    </div>
                </fieldset>

                <fieldset class="inputs">
                    <legend>{t(tr!("Model parameters", "模型参数"))}</legend>
                    { for MODEL.iter().map(|input| field(input)) }
                    <div class="actions">
                        <button type="button" id="pk-reset" onclick={on_reset_model}>{t(tr!("Reset to defaults", "恢复默认值"))}</button>
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
        let list = crate::scenario::pk::parse_overlays(COMPARE_PRESET).unwrap_or_default();
        let regimens = chart_regimens(&default_regimen(), &list);
        // Inputs: 20 mg/kg q21d x17 = 357 days. 10q3: 17 doses; 20q3 is the inputs' regimen;
        // 20q2: 357 / 14 = 25.5, rounded to 26 doses (364 days).
        assert_eq!(regimens.len(), 3);
        assert_eq!(regimens[1].dose, DoseAmount::MgPerKg(10.0));
        assert_eq!(regimens[1].doses, 17);
        assert_eq!(regimens[2].dosing_interval_days, 14.0);
        assert_eq!(regimens[2].doses, 26);
    }

    #[test]
    fn time_units_read() {
        use crate::scenario::pk::TimeUnit;
        assert_eq!(TimeUnit::from_code("weeks"), Some(TimeUnit::Weeks));
    }
}

//! Dose: weight-based ivonescimab dosing with vial maths, and its regimens' chemotherapy
//! partners (mg/m² by BSA, carboplatin by Calvert with Cockcroft-Gault).
//!
//! The link's query is the form's state; the scenario layer (`scenario::dose`) makes the
//! domain's request from it, [`calculate`] gives the report every part of the page shows.
//! Values confirmed on the page live in this view's state only (a link never confirms).

mod actions;
pub mod explain;
mod inputs;
mod results;

use std::rc::Rc;

use crate::dosing::calculate;
use crate::dosing::regimens::{self, DEFAULT_REGIMEN_ID};
use crate::i18n::Lang;
use crate::inputs::dose::TABLE;
use crate::link::{QueryMap, Route};
use crate::messages::Code;
use crate::scenario::dose::read;
use crate::tr;
use crate::widgets::form::{use_confirmations, use_table_form};
use crate::widgets::messages::{MessageView, Notice};
use yew::prelude::*;

use actions::DoseActions;
use inputs::InputContext;

#[derive(Properties, PartialEq)]
pub struct DoseViewProps {
    pub query: QueryMap,
    /// Parameters every view keeps in the address bar (the page language).
    #[prop_or_default]
    pub keep: QueryMap,
}

#[function_component]
pub fn DoseView(props: &DoseViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let form = use_table_form(
        Route::Dose,
        crate::inputs::link::only(&props.query, TABLE, true),
        TABLE,
        props.keep.clone(),
    );
    let (confirmed, on_confirm) = use_confirmations();
    let (mut request, link_messages) = read(form.raw());
    request.confirmed = confirmed;
    let report = calculate(&request);
    // The messages at fields: what could not be read, what cannot be used, what waits.
    let mut notices: Vec<Notice> = link_messages.into_iter().map(Notice::of).collect();
    for e in &report.errors {
        if !notices.iter().any(|n| n.message.field == e.field) {
            notices.push(Notice::of(e.clone()));
        }
    }
    for p in &report.pending {
        notices.push(Notice {
            message: p.message.clone(),
            confirm: Some((p.key.clone(), p.value)),
        });
    }
    // A value confirmed on the page says so at its field (and on the sheet).
    notices.extend(
        report
            .notes
            .iter()
            .filter(|n| n.code == Code::Confirmed)
            .cloned()
            .map(Notice::of),
    );
    let notices = Rc::new(notices);
    let regimen = regimens::regimen(request.regimen.as_deref().unwrap_or(DEFAULT_REGIMEN_ID));
    let ctx = InputContext {
        form: &form,
        notices: notices.clone(),
        report: &report,
        regimen,
        on_confirm: on_confirm.clone(),
        lang,
    };
    let needs_bsa = ctx.needs_bsa();
    let needs_kidney = ctx.needs_kidney();
    // Messages about inputs that are not on the page (a link's m2.<drug> for another regimen).
    let shown = inputs::shown_fields(&ctx);
    let elsewhere: Vec<Notice> = notices
        .iter()
        .filter(|n| {
            n.message
                .field
                .as_deref()
                .is_none_or(|f| !shown.iter().any(|s| s == f))
        })
        .cloned()
        .collect();
    let today = crate::browser::today_iso();
    let t = |text: crate::i18n::Text| text.get(lang);
    let prevent = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <section class="view dose-view">
            <div class="print-only print-head" data-testid="print-head">
                <p><strong>{t(tr!("Ivonescimab dose sheet", "依沃西单抗剂量单"))}</strong>{format!(" · ivocalc {}", crate::VERSION)}
                    {" · "}{tr!("printed {date}", "打印于 {date}").fill(lang, &[("date", if today.is_empty() { "—" } else { &today })])}</p>
            </div>
            <h1>{t(tr!("Dose", "剂量"))}</h1>
            <p class="purpose">{t(tr!(
                "Weight-based ivonescimab dose with vial maths, and the chemotherapy partners of its regimens. For checking an order or planning a regimen.",
                "按体重计算依沃西单抗剂量及药瓶用量，并计算各方案中联合化疗药物的剂量。用于医嘱核对或方案制定。"
            ))}</p>
            // Inputs and results in two columns on wide screens. On narrow screens the columns
            // dissolve (dose.css) and the ivonescimab results come right after their inputs,
            // before the regimen, body size, kidney and vial inputs; the document order, and
            // so the reading, keyboard and print order, stays inputs then results.
            <div class="dose-layout">
                <div class="dose-col dose-col-inputs">
                    <form class="inputs dose-inputs dose-inputs-ivo" aria-label={t(tr!("Ivonescimab inputs", "依沃西单抗输入"))} onsubmit={prevent.clone()}>
                        { inputs::ivonescimab_inputs(&ctx) }
                    </form>
                    <form class="inputs dose-inputs dose-inputs-more" aria-label={t(tr!("Regimen, body size, kidney function, vial and order inputs", "方案、体型、肾功能、药瓶与医嘱输入"))} onsubmit={prevent}>
                        { inputs::regimen_input(&ctx) }
                        { inputs::body_size_inputs(&ctx) }
                        { inputs::kidney_inputs(&ctx) }
                        { inputs::vial_inputs(&ctx) }
                        { inputs::order_input(&ctx) }
                    </form>
                </div>
                <div class="dose-col dose-output">
                    <div class="dose-output-ivo" aria-live="polite">
                        <h2>{t(tr!("Results", "结果"))}</h2>
                        if !elsewhere.is_empty() {
                            <div class="elsewhere">
                                { for elsewhere.iter().map(|n| html! { <MessageView notice={n.clone()} on_confirm={on_confirm.clone()} /> }) }
                            </div>
                        }
                        if report.awaits_confirmation() {
                            <p class="msg msg-confirm-summary" data-testid="awaiting-confirmation">
                                {t(tr!(
                                    "Some values are unusual and wait for your confirmation at their fields; the results that depend on them are withheld until then.",
                                    "部分数值不常见，请在相应输入框处确认；确认前不显示依赖这些数值的结果。"
                                ))}
                            </p>
                        }
                        <h3>{t(tr!("Ivonescimab", "依沃西单抗"))}</h3>
                        { results::ivonescimab_results(&report, lang) }
                        { results::warnings(&report) }
                    </div>
                    <div class="dose-output-more" aria-live="polite">
                        { results::label_notes(&report, lang) }
                        if needs_bsa || needs_kidney {
                            <h3>{t(tr!("Body size and kidney function", "体型与肾功能"))}</h3>
                        }
                        { results::body_results(&report, needs_bsa, needs_kidney, lang) }
                        { results::partner_results(&report, regimen, lang) }
                        { results::notes(&report, lang) }
                        { results::formulas(&report, lang) }
                        <DoseActions report={Rc::new(report.clone())} request={Rc::new(request.clone())} />
                        { results::sources(&report, regimen, lang) }
                    </div>
                </div>
            </div>
        </section>
    }
}

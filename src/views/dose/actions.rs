//! The dose view's actions: copy as text, print the dose sheet, copy a link (scenario only
//! or with the patient's values, also shown in a read-only field), see the exposure in PK.

use std::rc::Rc;

use crate::browser;
use crate::dosing::{render_text, DoseReport, DoseRequest};
use crate::i18n::Lang;
use crate::link::{hash_for, QueryMap, Route};
use crate::scenario::{dose, pk};
use crate::tr;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DoseActionsProps {
    pub report: Rc<DoseReport>,
    pub request: Rc<DoseRequest>,
}

/// The PK view's link for this regimen: its mg/kg and interval, and the weight (kg) when
/// `with_weight`; in the page's language.
pub fn exposure_hash(report: &DoseReport, with_weight: bool, lang: Lang) -> String {
    let mut query = pk::exposure_link(
        report.inputs.mg_per_kg,
        report.inputs.every_weeks.map(f64::from),
        if with_weight { report.weight_kg } else { None },
    );
    with_lang(&mut query, lang);
    hash_for(&Route::Pk, &query)
}

/// Adds the page's language to a link that is not in English.
fn with_lang(query: &mut QueryMap, lang: Lang) {
    if lang != Lang::En {
        query.set(crate::inputs::LANG.name, lang.code());
    }
}

#[derive(Clone, PartialEq)]
enum Shown {
    Nothing,
    Link { with_patient: bool, url: String },
    Text(String),
}

#[function_component]
pub fn DoseActions(props: &DoseActionsProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let shown = use_state(|| Shown::Nothing);
    let status = use_state(String::new);
    let t = move |text: crate::i18n::Text| text.get(lang);

    let copy_text = {
        let report = props.report.clone();
        let shown = shown.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let stamp =
                tr!("Date: {date}", "日期：{date}").fill(lang, &[("date", &browser::today_iso())]);
            let text = render_text(&report, &stamp, lang);
            let copied = browser::copy_text(&text);
            status.set(if copied {
                t(tr!(
                    "Dose sheet copied as text; it is also shown below.",
                    "剂量单已复制为文本，并显示在下方。"
                ))
                .into()
            } else {
                t(tr!(
                    "The browser did not allow copying; select the text below.",
                    "浏览器不允许复制；请选择下方文本。"
                ))
                .into()
            });
            shown.set(Shown::Text(text));
        })
    };
    let print = Callback::from(|_: MouseEvent| browser::print());
    let copy_link = |with_patient: bool| {
        let request = props.request.clone();
        let shown = shown.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let mut query = dose::write(&request, with_patient);
            with_lang(&mut query, lang);
            let url = browser::url_with_hash(&hash_for(&Route::Dose, &query));
            let copied = browser::copy_text(&url);
            status.set(match (copied, with_patient) {
                (true, false) => t(tr!(
                    "Link copied (scenario only, no patient values).",
                    "链接已复制（仅含方案，不含患者数据）。"
                ))
                .into(),
                (true, true) => t(tr!(
                    "Link with patient values copied: share it only where patient data may go.",
                    "含患者数据的链接已复制：仅可在允许传递患者数据的场合分享。"
                ))
                .into(),
                (false, _) => t(tr!(
                    "The browser did not allow copying; copy the link from the field below.",
                    "浏览器不允许复制；请从下方输入框复制链接。"
                ))
                .into(),
            });
            shown.set(Shown::Link { with_patient, url });
        })
    };
    let exposure = exposure_hash(&props.report, false, lang);
    let exposure_weight = props
        .report
        .weight_kg
        .map(|_| exposure_hash(&props.report, true, lang));
    html! {
        <div class="dose-actions no-print">
            <h3>{t(tr!("Share and print", "分享与打印"))}</h3>
            <div class="actions">
                <button type="button" class="primary" onclick={print}>{t(tr!("Print dose sheet", "打印剂量单"))}</button>
                <button type="button" onclick={copy_text}>{t(tr!("Copy as text", "复制为文本"))}</button>
                <button type="button" onclick={copy_link(false)}>{t(tr!("Copy link", "复制链接"))}</button>
                <button type="button" onclick={copy_link(true)}>{t(tr!("Copy link with patient values", "复制含患者数据的链接"))}</button>
            </div>
            <p class="hint">{t(tr!(
                "“Copy link” holds the scenario only (dose level, interval, regimen, vial, rounding); patient values (weight, height, age, sex, creatinine, GFR, the order) go into a link only with the second button. Confirmations never go into a link.",
                "“复制链接”仅包含方案（剂量水平、间隔、方案、药瓶、取整）；患者数据（体重、身高、年龄、性别、肌酐、GFR、医嘱）只有用第二个按钮才会写入链接。确认操作从不写入链接。"
            ))}</p>
            <p class="status" role="status" data-testid="action-status">{(*status).clone()}</p>
            { match &*shown {
                Shown::Nothing => html! {},
                Shown::Link { with_patient, url } => html! {
                    <div class="field link-field">
                        <label for="dose-link">{ if *with_patient { t(tr!("Link with patient values", "含患者数据的链接")) } else { t(tr!("Link (scenario only)", "链接（仅含方案）")) } }</label>
                        <input id="dose-link" type="text" readonly=true value={url.clone()} data-testid="dose-link" />
                    </div>
                },
                Shown::Text(text) => html! {
                    <div class="field link-field">
                        <label for="dose-text">{t(tr!("Dose sheet as text", "剂量单文本"))}</label>
                        <textarea id="dose-text" readonly=true rows="12" value={text.clone()} data-testid="dose-text" />
                    </div>
                },
            } }
            <p class="exposure">
                <a href={exposure} data-testid="see-exposure">{t(tr!("See exposure (PK) for this dose and interval", "查看此剂量和间隔的暴露量（药代动力学）"))}</a>
                if let Some(hash) = exposure_weight {
                    {" · "}<a href={hash} data-testid="see-exposure-weight">{t(tr!("… with this patient’s weight", "……使用此患者体重"))}</a>
                }
            </p>
        </div>
    }
}

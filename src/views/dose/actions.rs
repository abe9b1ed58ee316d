//! The dose view's actions: copy as text, print the dose sheet, copy a link (scenario only
//! or with the patient's values, also shown in a read-only field), see the exposure in PK.

use crate::browser;
use crate::dosing::{render_text, DoseReport};
use crate::link::{hash_for, DoseParams, PkParams, Route};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DoseActionsProps {
    pub report: DoseReport,
    pub params: DoseParams,
}

/// The PK view's link for this regimen: its mg/kg and interval, and the weight (kg) when
/// `with_weight`.
pub fn exposure_hash(report: &DoseReport, with_weight: bool) -> String {
    let pk = PkParams {
        mgkg: report.inputs.mg_per_kg,
        every: report.inputs.every_weeks.map(u64::from),
        weight: if with_weight { report.weight_kg } else { None },
        ..PkParams::default()
    };
    hash_for(&Route::Pk, &pk.to_query(true))
}

#[derive(Clone, PartialEq)]
enum Shown {
    Nothing,
    Link { with_patient: bool, url: String },
    Text(String),
}

#[function_component]
pub fn DoseActions(props: &DoseActionsProps) -> Html {
    let shown = use_state(|| Shown::Nothing);
    let status = use_state(String::new);

    let copy_text = {
        let report = props.report.clone();
        let shown = shown.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let stamp = format!("Date: {}", browser::today_iso());
            let text = render_text(&report, &stamp);
            let copied = browser::copy_text(&text);
            status.set(if copied {
                "Dose sheet copied as text; it is also shown below.".into()
            } else {
                "The browser did not allow copying; select the text below.".into()
            });
            shown.set(Shown::Text(text));
        })
    };
    let print = Callback::from(|_: MouseEvent| browser::print());
    let copy_link = |with_patient: bool| {
        let params = props.params.clone();
        let shown = shown.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let url =
                browser::url_with_hash(&hash_for(&Route::Dose, &params.to_query(with_patient)));
            let copied = browser::copy_text(&url);
            status.set(match (copied, with_patient) {
                (true, false) => "Link copied (scenario only, no patient values).".into(),
                (true, true) => {
                    "Link with patient values copied: share it only where patient data may go."
                        .into()
                }
                (false, _) => {
                    "The browser did not allow copying; copy the link from the field below.".into()
                }
            });
            shown.set(Shown::Link { with_patient, url });
        })
    };
    let exposure = exposure_hash(&props.report, false);
    let exposure_weight = props
        .report
        .weight_kg
        .map(|_| exposure_hash(&props.report, true));
    html! {
        <div class="dose-actions no-print">
            <h3>{"Share and print"}</h3>
            <div class="actions">
                <button type="button" class="primary" onclick={print}>{"Print dose sheet"}</button>
                <button type="button" onclick={copy_text}>{"Copy as text"}</button>
                <button type="button" onclick={copy_link(false)}>{"Copy link"}</button>
                <button type="button" onclick={copy_link(true)}>{"Copy link with patient values"}</button>
            </div>
            <p class="hint">{"“Copy link” holds the scenario only (dose level, interval, regimen, vial, rounding); patient values (weight, height, age, sex, creatinine) go into a link only with the second button."}</p>
            <p class="status" role="status" data-testid="action-status">{(*status).clone()}</p>
            { match &*shown {
                Shown::Nothing => html! {},
                Shown::Link { with_patient, url } => html! {
                    <div class="field link-field">
                        <label for="dose-link">{ if *with_patient { "Link with patient values" } else { "Link (scenario only)" } }</label>
                        <input id="dose-link" type="text" readonly=true value={url.clone()} data-testid="dose-link" />
                    </div>
                },
                Shown::Text(text) => html! {
                    <div class="field link-field">
                        <label for="dose-text">{"Dose sheet as text"}</label>
                        <textarea id="dose-text" readonly=true rows="12" value={text.clone()} data-testid="dose-text" />
                    </div>
                },
            } }
            <p class="exposure">
                <a href={exposure} data-testid="see-exposure">{"See exposure (PK) for this dose and interval"}</a>
                if let Some(hash) = exposure_weight {
                    {" · "}<a href={hash} data-testid="see-exposure-weight">{"… with this patient’s weight"}</a>
                }
            </p>
        </div>
    }
}

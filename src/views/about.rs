//! About: what the app is for, its sources, its version and the disclaimer.

use yew::prelude::*;

#[function_component]
pub fn AboutView() -> Html {
    html! {
        <section class="view">
            <h1>{"About ivocalc"}</h1>
            <p class="purpose">{"What this app is for, where its numbers come from, and what it is not."}</p>
            <h2>{"Purpose"}</h2>
            <p>{"ivocalc serves the people who work with ivonescimab (AK112), the first approved PD-1/VEGF bispecific antibody, and with its class, the PD-1(L1)/VEGF bispecific antibodies. It has three views:"}</p>
            <ul>
                <li><a href="#/dose">{"Dose"}</a>{": weight-based ivonescimab dosing (mg/kg) with vial maths, and the chemotherapy partners of its regimens (mg/m², Calvert carboplatin)."}</li>
                <li><a href="#/pk">{"PK"}</a>{": the concentration-time curve of a regimen, exposure metrics and population bands."}</li>
                <li><a href="#/trials">{"Trials"}</a>{": published outcomes (ORR, DCR, PFS, HR, adverse events) with the source of every number."}</li>
            </ul>
            <h2>{"Sources"}</h2>
            <p>{"Every default, model parameter and outcome in the app names its source: the document, the table or section, and the figure as printed there. Where the sources disagree or hold typos, the app shows both readings."}</p>
            <ol class="sources">
                <li id="seed-000"><strong>{"Seed 000. "}</strong>{"Review: PD-1(L1)/VEGF bispecific antibodies in solid tumours, with ivonescimab as the first approved of the class (sections: Pharmacokinetics, Pharmacodynamics, clinical studies by tumour, safety; Tables 1–3). The text held by the project does not carry its authors, journal or year; its reference numbers are cited as printed, e.g. “(16)”."}</li>
                <li id="seed-001"><strong>{"Seed 001. "}</strong>{"Vallathol DH, Menon A, Warriar AR. Ivonescimab: the two pronged attack. Indian Journal of Medical and Paediatric Oncology, 2025. doi:10.1055/s-0045-1809539 (open access, CC BY 4.0)."}</li>
            </ol>
            <p>{"Other sources named at the figures that use them: the China label for ivonescimab (依达方) for the vial presentation; population PK models of pembrolizumab (Ahamadi et al., CPT Pharmacometrics Syst Pharmacol 2017;6:49), nivolumab (Bajaj et al., CPT Pharmacometrics Syst Pharmacol 2017;6:58) and a survey of anti-PD-1 models (Shang et al., Front Immunol 2022;13:871372) where no ivonescimab value is published."}</p>
            <h2>{"Disclaimer"}</h2>
            <p class="disclaimer">{"ivocalc is decision support for health professionals, not a prescription. The product label and clinical judgement rule: check every dose against the label, local protocols and the patient. Population PK curves are model predictions, not measurements; trial outcomes compared across trials differ in population, line, phase and country."}</p>
            <h2>{"Privacy"}</h2>
            <p>{"The app runs entirely in your browser. What you type is never sent anywhere; the app loads only its own files, with no third-party scripts, fonts or trackers. Patient measurements enter a link only when you ask for a link with them."}</p>
            <h2>{"Version"}</h2>
            <dl class="facts">
                <dt>{"App version"}</dt><dd data-testid="app-version">{crate::VERSION}</dd>
                <dt>{"Data version"}</dt>
                <dd data-testid="data-version">{crate::trials::data_version()}
                    <span class="hint">{" (FNV-1a 64-bit hash of data/trials.json, the trial outcomes file)"}</span></dd>
            </dl>
            <h2>{"Offline use"}</h2>
            <p>{"Once opened, ivocalc keeps a copy of itself in the browser and works with no network: every view loads and calculates offline. Browsers offer to install it as an app. When a new version is published, the open app says so and offers to reload; until then it keeps running on the version it started with."}</p>

        </section>
    }
}

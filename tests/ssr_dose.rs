//! Component tests of the dose view, rendered natively with Yew's server renderer: a link's
//! values fill the inputs, results carry CONTRACT ids with hand-computed values, bad
//! parameters are reported at their field and the other results stay.

use ivocalc::link::QueryMap;
use ivocalc::views::dose::{DoseView, DoseViewProps};
use yew::ServerRenderer;

async fn render(query: &'static str) -> String {
    ServerRenderer::<DoseView>::with_props(move || DoseViewProps {
        query: QueryMap::parse(query),
        keep: QueryMap::new(),
    })
    .hydratable(false)
    .render()
    .await
}

/// The opening tag of every element carrying `data-testid="<testid>"`.
fn tags<'a>(html: &'a str, testid: &str) -> Vec<&'a str> {
    let needle = format!(r#"data-testid="{testid}""#);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&needle) {
        let at = from + i;
        let start = html[..at].rfind('<').unwrap_or(0);
        let end = at + html[at..].find('>').unwrap_or(0);
        out.push(&html[start..=end]);
        from = at + needle.len();
    }
    out
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(r#" {name}=""#);
    let start = tag.find(&needle)? + needle.len();
    let end = start + tag[start..].find('"')?;
    Some(&tag[start..end])
}

/// The `data-value` of the one element with this test id, as a number.
fn value(html: &str, testid: &str) -> f64 {
    let found = tags(html, testid);
    assert_eq!(found.len(), 1, "{testid}: {found:?}");
    attr(found[0], "data-value")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{testid} has no numeric data-value: {}", found[0]))
}

fn partner_value(html: &str, drug: &str) -> f64 {
    let found: Vec<_> = tags(html, "partner-mg")
        .into_iter()
        .filter(|t| attr(t, "data-drug") == Some(drug))
        .collect();
    assert_eq!(found.len(), 1, "{drug}: {found:?}");
    attr(found[0], "data-value")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("partner {drug} has no value: {}", found[0]))
}

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected} ± {tolerance}, got {actual}"
    );
}

fn errors(html: &str) -> Vec<String> {
    tags(html, "error")
        .into_iter()
        .filter_map(|t| attr(t, "data-field").map(str::to_string))
        .collect()
}

#[tokio::test]
async fn the_contract_link_gives_the_hand_computed_vial_maths() {
    // 20 mg/kg × 72.5 kg = 1450 mg; ⌈1450 / 100⌉ = 15 vials of 100 mg;
    // 1450 mg / 10 mg/mL = 145 mL; 15 × 100 − 1450 = 50 mg waste.
    let html = render("weight=72.5&mgkg=20&every=3").await;
    assert!(html.contains(r#"<h1>Dose</h1>"#));
    assert!(
        html.contains(r#"id="f-weight""#) && html.contains(r#"value="72.5""#),
        "{html}"
    );
    assert!(html.contains(r#"value="20""#));
    assert_eq!(value(&html, "weight-kg"), 72.5);
    assert_eq!(value(&html, "dose-mg"), 1450.0);
    assert_eq!(value(&html, "dose-final-mg"), 1450.0);
    assert_eq!(value(&html, "vials"), 15.0);
    assert_eq!(value(&html, "volume-ml"), 145.0);
    assert_eq!(value(&html, "waste-mg"), 50.0);
    assert!(errors(&html).is_empty(), "{:?}", errors(&html));
    // 20 mg/kg every 3 weeks is the label dose and was used in trials: no warning.
    assert!(tags(&html, "warning").is_empty());
    // The label notes are shown with the result.
    let notes: Vec<_> = tags(&html, "label-note")
        .into_iter()
        .filter_map(|t| attr(t, "data-code"))
        .collect();
    assert_eq!(
        notes,
        vec![
            "infusion-60-min",
            "before-chemotherapy",
            "no-dose-reduction"
        ]
    );
    assert!(html.contains("never as an intravenous push or bolus"));
    // The label dose is marked, with the sources' disagreement on its interval.
    assert!(html.contains("20 mg/kg every 3 weeks (label dose)"));
    assert_eq!(tags(&html, "disagreement").len(), 1);
    assert!(html.contains("20 mg/kg every 2 weeks from this trial"));
    // Unit selects show the unit the calculation uses (kg when none is given).
    assert!(html.contains(r#"<option value="kg" selected"#), "{html}");
    // The worked arithmetic is shown.
    assert!(html.contains("20 mg/kg × 72.5 kg = 1450 mg"));
    assert!(html.contains("⌈1450 mg ÷ 100 mg⌉ = 15"));
    // Presets are a row of buttons; the trials that used each dose are in a disclosure, each
    // with its sources, and describe its button.
    let evidence_at = html
        .find(r#"<details class="preset-evidence">"#)
        .expect("the presets' disclosure");
    let evidence = &html[evidence_at..];
    let evidence = &evidence[..evidence.find("</details>").unwrap()];
    assert!(evidence.contains("Which trials used these doses"));
    assert!(evidence.contains("NCT04047290"));
    assert!(evidence.contains("the review of PD-1(L1)/VEGF bispecifics, Pharmacodynamics"));
    assert!(evidence.contains("20 mg/kg every 3 weeks (label dose): "));
    for dose in ["3", "10", "20", "30"] {
        assert!(
            evidence.contains(&format!(r#"id="preset-{dose}-used""#)),
            "{dose}"
        );
        assert!(html.contains(&format!(r#"aria-describedby="preset-{dose}-used""#)));
    }
    assert!(
        !html[..evidence_at].contains("NCT04047290"),
        "not in the buttons"
    );
    // The vial default names its source.
    assert!(html.contains("China label of ivonescimab (依达方), Presentation"));
    // See exposure: the scenario, and a separate link with the weight.
    let exposure = tags(&html, "see-exposure");
    assert_eq!(attr(exposure[0], "href"), Some("#/pk?mgkg=20&amp;every=3"));
    let with_weight = tags(&html, "see-exposure-weight");
    assert_eq!(
        attr(with_weight[0], "href"),
        Some("#/pk?mgkg=20&amp;weight=72.5&amp;every=3")
    );
    // The ivonescimab results and warnings come before the other inputs' results in the
    // document, each result once.
    let ivo = html
        .find(r#"class="dose-output-ivo""#)
        .expect("ivonescimab results");
    let more = html
        .find(r#"class="dose-output-more""#)
        .expect("other results");
    assert!(ivo < html.find(r#"data-testid="dose-mg""#).unwrap());
    assert!(html.find(r#"data-testid="waste-mg""#).unwrap() < more);
    assert!(more < html.find(r#"data-testid="label-note""#).unwrap());
    // A print-only header with the version.
    assert!(html.contains(&format!("ivocalc {}", ivocalc::VERSION)));
}

#[tokio::test]
async fn carboplatin_regimen_computed_by_hand() {
    // Woman, 65 years, 60 kg, 160 cm, serum creatinine 0.9 mg/dL, paclitaxel + carboplatin.
    // Cockcroft-Gault: (140 − 65) × 60 / (72 × 0.9) × 0.85 = 4500 / 64.8 × 0.85
    //   = 69.4444 × 0.85 = 59.0278 mL/min (BMI 60 / 1.6² = 23.4: actual weight).
    // Calvert, AUC 5 (regimen's source): 5 × (59.0278 + 25) = 420.139 mg.
    // BSA Mosteller: √(160 × 60 / 3600) = √2.66667 = 1.63299 m²;
    // paclitaxel 175 mg/m² × 1.63299 = 285.774 mg.
    // Ivonescimab 20 × 60 = 1200 mg = 12 vials exactly, 120 mL, no waste.
    let html = render("weight=60&height=160&age=65&sex=f&scr=0.9&regimen=ivo-pac-carbo").await;
    assert!(errors(&html).is_empty(), "{:?}", errors(&html));
    close(value(&html, "crcl-mlmin"), 59.027_78, 1e-4);
    close(value(&html, "carboplatin-mg"), 420.138_9, 1e-3);
    close(value(&html, "bsa-m2"), 1.632_993, 1e-6);
    close(partner_value(&html, "paclitaxel"), 285.773_8, 1e-3);
    close(partner_value(&html, "carboplatin"), 420.138_9, 1e-3);
    assert_eq!(value(&html, "dose-mg"), 1200.0);
    assert_eq!(value(&html, "vials"), 12.0);
    assert_eq!(value(&html, "waste-mg"), 0.0);
    assert!(
        html.contains("Calvert: 5 × (59.03 + 25) = 420.1 mg"),
        "{html}"
    );
    assert!(html.contains("Weight used in Cockcroft-Gault: 60 kg."));
    // BMI under 25: adjusted weight is not offered.
    assert!(!html.contains(r#"<option value="adjusted""#));
    // The regimen select holds every regimen, grouped by tumour.
    for id in [
        "ivo",
        "ivo-pem-carbo",
        "ivo-pac-carbo",
        "ivo-doce",
        "ivo-taxane-tnbc",
        "ivo-etop-carbo",
        "ivo-gem-cis",
        "ivo-folfoxiri",
        "ivo-ligu",
    ] {
        assert!(html.contains(&format!(r#"<option value="{id}""#)), "{id}");
    }
    assert!(html.contains(r#"<optgroup label="Squamous NSCLC">"#));
}

#[tokio::test]
async fn gfr_cap_and_adjusted_weight() {
    // Man, 40 years, 100 kg, 170 cm, SCr 0.6 mg/dL, pemetrexed + carboplatin.
    // BMI 100 / 1.7² = 34.6 (≥ 25): adjusted weight offered.
    // Actual weight: (140 − 40) × 100 / (72 × 0.6) = 10000 / 43.2 = 231.48 mL/min > 125:
    // capped, carboplatin 5 × (125 + 25) = 750 mg.
    let html = render("weight=100&height=170&age=40&sex=m&scr=0.6&regimen=ivo-pem-carbo").await;
    close(value(&html, "crcl-mlmin"), 231.481_5, 1e-3);
    assert_eq!(value(&html, "carboplatin-mg"), 750.0);
    assert_eq!(tags(&html, "gfr-cap").len(), 1);
    assert!(html.contains(r#"<option value="adjusted""#));
    // Adjusted: IBW (Devine, man) = 50 + 2.3 × (170 / 2.54 − 60) = 50 + 2.3 × 6.929 = 65.937 kg;
    // adjusted = 65.937 + 0.4 × (100 − 65.937) = 79.562 kg;
    // CrCl = 100 × 79.562 / 43.2 = 184.17 mL/min, still capped: 750 mg.
    let html = render(
        "weight=100&height=170&age=40&sex=m&scr=0.6&regimen=ivo-pem-carbo&cgweight=adjusted",
    )
    .await;
    close(value(&html, "crcl-mlmin"), 184.171, 1e-2);
    assert!(html.contains("Weight used in Cockcroft-Gault: 79.56 kg."));
}

#[tokio::test]
async fn a_bad_parameter_shows_its_error_and_keeps_other_results() {
    // Height is text: its error at its field; the ivonescimab dose (20 × 70 = 1400 mg) and
    // the creatinine clearance ((140 − 60) × 70 / 72 = 77.78) stay; BSA says what is missing.
    let html =
        render("weight=70&height=tall&age=60&sex=m&scr=1&regimen=ivo-pem-carbo&mgkg=20").await;
    assert_eq!(errors(&html), vec!["height"]);
    assert!(html.contains("“tall” is not a number."));
    assert_eq!(value(&html, "dose-mg"), 1400.0);
    close(value(&html, "crcl-mlmin"), 77.777_78, 1e-4);
    assert!(tags(&html, "bsa-m2").is_empty());
    let missing = tags(&html, "missing");
    assert!(
        missing
            .iter()
            .any(|t| attr(t, "data-result") == Some("bsa-m2")),
        "{missing:?}"
    );
    assert!(html.contains("Not calculated: needs a usable height"));
    // The input keeps what was typed.
    assert!(html.contains(r#"value="tall""#));
    // A value the domain refuses (every 4 weeks) is reported at its field too, and an unknown
    // rounding code at its own; a vial content without its concentration asks for it.
    let html = render("weight=70&every=4&round=pct7&vial=0").await;
    let mut fields = errors(&html);
    fields.sort();
    assert_eq!(fields, vec!["conc", "every", "round", "vial"]);
    assert_eq!(value(&html, "dose-mg"), 1400.0);
    // The unusable vial is not replaced by the default: what needs the presentation (content
    // and concentration together) says so.
    assert!(tags(&html, "vials").is_empty());
    assert!(tags(&html, "waste-mg").is_empty());
    assert!(html.contains("Not calculated: needs a usable vial content, concentration."));
    // A bad typed dose level is not replaced by the label dose either.
    let html = render("weight=70&mgkg=-3").await;
    assert_eq!(errors(&html), vec!["mgkg"]);
    assert!(tags(&html, "dose-mg").is_empty());
    assert!(html.contains("Not calculated: needs a usable dose level."));
}

#[tokio::test]
async fn warnings_name_their_code_and_source() {
    // 200 kg: outside the 31-155 kg PK range (seed 000) and possibly pounds (200 lb = 90.7 kg).
    let html = render("weight=200").await;
    let codes: Vec<_> = tags(&html, "warning")
        .into_iter()
        .filter_map(|t| attr(t, "data-code"))
        .collect();
    assert!(codes.contains(&"weight-outside-pk-range"), "{codes:?}");
    assert!(codes.contains(&"weight-may-be-pounds"), "{codes:?}");
    assert!(html.contains("the review of PD-1(L1)/VEGF bispecifics, Pharmacokinetics"));
    // The warnings are with the ivonescimab results, before the other inputs' results.
    let ivo = html.find(r#"class="dose-output-ivo""#).unwrap();
    let more = html.find(r#"class="dose-output-more""#).unwrap();
    let warning = html.find(r#"data-testid="warning""#).unwrap();
    assert!(ivo < warning && warning < more);
    // 30 mg/kg every 2 weeks: above the MTD (seed 001).
    let html = render("weight=70&mgkg=30&every=2").await;
    assert!(html.contains(r#"data-code="dose-above-mtd""#));
}

#[tokio::test]
async fn partners_without_a_source_dose_ask_for_it() {
    // Gemcitabine + cisplatin: the sources give no mg/m²; none is invented.
    let html = render("weight=70&height=170&regimen=ivo-gem-cis").await;
    assert!(tags(&html, "partner-mg").is_empty());
    let missing: Vec<_> = tags(&html, "missing")
        .into_iter()
        .filter_map(|t| attr(t, "data-drug"))
        .collect();
    assert_eq!(missing, vec!["gemcitabine", "cisplatin"]);
    assert!(html.contains("The sources do not give this dose: type the mg/m² as ordered."));
    // Typed: gemcitabine 1000 mg/m² × √(170 × 70 / 3600) = 1000 × 1.81812 = 1818.12 mg.
    let html = render("weight=70&height=170&regimen=ivo-gem-cis&m2.gemcitabine=1000").await;
    close(partner_value(&html, "gemcitabine"), 1818.118, 1e-2);
    assert!(html.contains(r#"id="f-m2.gemcitabine""#));
    // Etoposide + carboplatin: no AUC in the sources, the AUC input is empty with a message.
    let html = render("weight=70&height=170&age=60&sex=m&scr=1&regimen=ivo-etop-carbo").await;
    assert!(html.contains("The sources do not give the target AUC for this regimen"));
    assert!(tags(&html, "carboplatin-mg").is_empty());
    assert!(tags(&html, "missing")
        .iter()
        .any(|t| attr(t, "data-result") == Some("carboplatin-mg")));
}

#[tokio::test]
async fn pounds_are_converted() {
    // 160 lb × 0.45359237 = 72.5748 kg; 20 mg/kg → 1451.50 mg.
    let html = render("weight=160&wunit=lb").await;
    close(value(&html, "weight-kg"), 72.574_78, 1e-5);
    close(value(&html, "dose-mg"), 1451.496, 1e-3);
}

#[tokio::test]
async fn rounding_shows_its_difference_and_the_dose_given() {
    // 20 × 73 = 1460 mg; nearest whole vials 1500 mg: +2.74 % (within 5 %);
    // given 1500 / 73 = 20.548 mg/kg; 15 vials, no waste.
    let html = render("weight=73&round=pct5").await;
    assert_eq!(value(&html, "dose-mg"), 1460.0);
    assert_eq!(value(&html, "dose-final-mg"), 1500.0);
    close(value(&html, "rounding-difference"), 2.739_726, 1e-5);
    close(value(&html, "mgkg-given"), 20.547_945, 1e-5);
    assert_eq!(value(&html, "waste-mg"), 0.0);
}

//! Component tests of the PK view, rendered natively with Yew's server renderer.

use ivocalc::js_api::simulate_query;
use ivocalc::link::QueryMap;
use ivocalc::pk::{default_calibration, default_model, simulate, DoseAmount, Regimen};
use ivocalc::views::pk::{PkView, PkViewProps};
use yew::ServerRenderer;

async fn render(query: &'static str) -> String {
    ServerRenderer::<PkView>::with_props(move || PkViewProps {
        query: QueryMap::parse(query),
        keep: QueryMap::new(),
    })
    .hydratable(false)
    .render()
    .await
}

/// The `data-value` of the element with `data-testid="<id>"`.
fn data_value(html: &str, id: &str) -> Option<f64> {
    let at = html.find(&format!(r#"data-testid="{id}""#))?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let v = tag.find("data-value=\"")? + "data-value=\"".len();
    let end = v + tag[v..].find('"')?;
    tag[v..end].parse().ok()
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn renders_the_contract_link_with_metrics_equal_to_the_engine() {
    let html = render("mgkg=20&weight=70&every=3&doses=17").await;
    assert!(html.contains("<h1>Pharmacokinetics</h1>"));
    assert!(html.contains(r#"id="f-mgkg""#) && html.contains(r#"value="20""#));
    assert!(html.contains(r#"id="f-doses""#) && html.contains(r#"value="17""#));
    // The same inputs straight into the engine: 20 mg/kg x 70 kg every 21 days, 17 doses, 1 h.
    let regimen = Regimen::from_weeks(DoseAmount::MgPerKg(20.0), 70.0, 3.0, 17, 1.0);
    let sim = simulate(&default_model(), &regimen).unwrap_or_else(|e| panic!("{e:?}"));
    let m = sim.metrics;
    let expected = [
        ("cmax-first", m.cmax_first),
        ("ctrough-first", m.ctrough_first),
        ("cmax-ss", m.cmax_ss),
        ("ctrough-ss", m.ctrough_ss),
        ("auc-ss", m.auc_ss),
        ("rac", m.rac.unwrap_or(f64::NAN)),
        ("t90ss-days", m.t90ss_days),
    ];
    for (id, value) in expected {
        assert_eq!(data_value(&html, id), Some(value), "{id}");
    }
    // No population run in a server render: sim-ms appears once the page has timed one.
    assert!(!html.contains(r#"data-testid="sim-ms""#));
    // The chart: one curve, dose markers, a legend.
    assert!(html.contains(r#"id="pk-chart""#));
    assert!(html.contains(r#"data-series="1""#));
    assert_eq!(count(&html, r#"class="marker s0""#), 1);
    assert!(html.contains("20 mg/kg Q3W (inputs)"));
    // Per-cycle table: 17 rows.
    assert_eq!(count(&html, r#"<th scope="row" class="num">"#), 17);
    assert!(!html.contains(r#"data-testid="warning""#));
}

#[tokio::test]
async fn the_model_is_documented_with_its_sources_and_calibrations() {
    let html = render("").await;
    let c = default_calibration();
    assert!(html.contains("The model and where its numbers come from"));
    assert!(html.contains("CL(t)  = CL0 · exp( ln(CLss/CL0)"));
    for source in [
        "the review of PD-1(L1)/VEGF bispecifics, Pharmacokinetics",
        "Ahamadi",
        "Bajaj",
        "Shang",
        "10.1055/s-0045-1809539",
    ] {
        assert!(html.contains(source), "{source}");
    }
    // Calibrations with their numbers: V2 1.139 L, half-lives 9.85 and 7.22 days, T50 51.49 days,
    // and the 45-day figure of the specification with the day-84 reading (38.3 days).
    assert!((c.clearance_t50_days - 51.49).abs() < 0.01);
    assert!(html.contains("V2 = 1.139 L"), "V2");
    assert!(html.contains("7.22 days"));
    assert!(html.contains("about 45 days"));
    assert!(html.contains("gives 38.3 days"), "day-84 reading");
    assert!(html.contains("51.49 days"));
    // 1 - 0.334/0.461 = 0.27549 -> 27.5 %, against the "26%" printed.
    assert!(html.contains("give 27.5 % (1 − 0.334/0.461)"));
    // 22.54 nM x 200 kDa / 1000 = 4.508 µg/mL.
    assert!(html.contains("4.508 µg/mL"));
    assert!(html.contains("every concentration and AUC, is proportional to weight"));
    assert!(html.contains("Reset to defaults"));
}

#[tokio::test]
async fn bad_inputs_are_reported_at_their_fields_and_keep_the_rest() {
    let html = render("mgkg=20&v1=-1&doses=17&n=abc").await;
    assert!(html.contains(r#"data-testid="error" data-field="v1""#));
    assert!(html.contains(r#"data-testid="error" data-field="n""#));
    assert!(html.contains(r#"value="-1""#) && html.contains(r#"value="17""#));
    // Every metric needs V1: none is shown, the page says what to fix.
    assert!(data_value(&html, "cmax-ss").is_none());
    assert!(html.contains(r#"data-testid="results-blocked""#));
    // A bad population input keeps the typical patient's results.
    let html = render("n=20000").await;
    assert!(html.contains(r#"data-field="n""#));
    assert!(data_value(&html, "cmax-ss").is_some());
    // An engine range error (V1 above 100 L) is reported like a parse error.
    let html = render("v1=500").await;
    assert!(html.contains(r#"data-field="v1""#) && html.contains("500 L is outside"));
}

#[tokio::test]
async fn warnings_outside_the_evidence_and_overlays() {
    let html = render("weight=160&mgkg=15").await;
    assert!(html.contains(r#"data-code="weight-outside-pk-range""#));
    assert!(html.contains(r#"data-code="dose-schedule-untested""#));
    let html = render("overlay=10q3,20q3,20q2&log=1&tunit=weeks&refs=1").await;
    assert!(html.contains(r#"data-series="3""#));
    assert!(html.contains(r#"data-log="true""#));
    assert!(html.contains("Time since the first dose (weeks)"));
    assert!(html.contains("PD-1 signalling IC50 22.54 nM = 4.51 µg/mL"));
    assert!(html.contains(r#"data-testid="compare-table""#));
}

/// The native engine's output for the browser test to compare the JS API with.
#[test]
fn native_fixture_for_the_browser_test_is_current() {
    let cases = ["", "mgkg=10&every=2&doses=10&v1=4"];
    let values: Vec<serde_json::Value> = cases
        .iter()
        .map(|params| {
            let query = QueryMap::parse(params);
            let out = simulate_query(&query, &[]).unwrap_or_else(|e| panic!("{e:?}"));
            serde_json::json!({ "params": params_json(&query), "metrics": out.metrics })
        })
        .collect();
    let text = serde_json::to_string_pretty(&values).unwrap_or_default() + "\n";
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/browser/fixtures/pk-native.json"
    );
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, &text).unwrap_or_else(|e| panic!("{e}"));
    }
    let stored = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        stored, text,
        "run UPDATE_FIXTURES=1 cargo test --test ssr_pk to refresh {path}"
    );
}

/// A query as the JS object the browser test passes (numbers as numbers).
fn params_json(query: &QueryMap) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for (name, value) in query.iter() {
        let v = value
            .parse::<f64>()
            .map(serde_json::Value::from)
            .unwrap_or_else(|_| value.into());
        map.insert(name.to_string(), v);
    }
    serde_json::Value::Object(map)
}

#[tokio::test]
async fn the_label_dose_hint_cites_its_source() {
    let html = render("").await;
    let at = html
        .find(r#"id="f-mgkg-hint""#)
        .unwrap_or_else(|| panic!("no hint of the dose field"));
    let hint = &html[at..at + html[at..].find("</div>").unwrap_or(0)];
    assert!(hint.contains("Label: 20 mg/kg every 3 weeks."), "{hint}");
    assert!(
        hint.contains("(Vallathol et al. 2025, Dose and Administration)"),
        "{hint}"
    );
}

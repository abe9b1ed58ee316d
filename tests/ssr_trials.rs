//! Component tests of the trials view, rendered natively with Yew's server renderer.

use ivocalc::link::QueryMap;
use ivocalc::trials;
use ivocalc::views::trials::{TrialsView, TrialsViewProps};
use yew::ServerRenderer;

async fn render(query: &'static str) -> String {
    ServerRenderer::<TrialsView>::with_props(move || TrialsViewProps {
        query: QueryMap::parse(query),
        keep: QueryMap::new(),
    })
    .hydratable(false)
    .render()
    .await
}

/// The opening tags of every `cohort-row`.
fn rows(html: &str) -> Vec<&str> {
    html.match_indices(r#"data-testid="cohort-row""#)
        .map(|(i, _)| {
            let start = html[..i].rfind("<tr").unwrap_or(i);
            let end = html[i..].find('>').map(|e| i + e).unwrap_or(i);
            &html[start..=end]
        })
        .collect()
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(r#" {name}=""#);
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(&tag[at..end])
}

/// The HTML of the row with this id, up to the next row.
fn row_html<'a>(html: &'a str, id: &str) -> &'a str {
    let key = format!(r#"data-testid="cohort-row" data-id="{id}""#);
    let start = html
        .find(&key)
        .unwrap_or_else(|| panic!("row {id} not rendered"));
    let end = html[start..]
        .find(r#"class="detail-row""#)
        .map(|e| start + e)
        .unwrap_or(html.len());
    &html[start..end]
}

/// The opening tag of the cell with `data-field=field` inside a row.
fn cell<'a>(row: &'a str, field: &str) -> &'a str {
    let key = format!(r#"data-field="{field}""#);
    let i = row.find(&key).unwrap_or_else(|| panic!("no {field} cell"));
    let start = row[..i].rfind("<td").unwrap_or(i);
    let end = row[i..].find('>').map(|e| i + e).unwrap_or(i);
    &row[start..=end]
}

#[tokio::test]
async fn every_record_is_a_row_by_default_with_the_contract_attributes() {
    let Ok(ds) = trials::dataset() else {
        panic!("data file does not parse")
    };
    let html = render("").await;
    let tags = rows(&html);
    assert_eq!(tags.len(), ds.records.len());
    assert_eq!(tags.len(), 55);
    for (tag, r) in tags.iter().zip(&ds.records) {
        assert_eq!(attr(tag, "data-id"), Some(r.id.as_str()), "{tag}");
        assert_eq!(attr(tag, "data-drug"), Some(r.bispecific.as_str()), "{tag}");
        assert_eq!(attr(tag, "data-tumor"), Some(r.tumour.as_str()), "{tag}");
        assert_eq!(attr(tag, "data-phase"), Some(r.phase.as_str()), "{tag}");
    }
    assert!(html.contains("55 of 55 cohorts"), "count");
    // every row has the nine CONTRACT cells
    for r in &ds.records {
        let row = row_html(&html, &r.id);
        for field in trials::CONTRACT_FIELDS {
            let _ = cell(row, field);
        }
    }
}

#[tokio::test]
async fn cells_carry_full_precision_values_and_states_without_values() {
    let html = render("q=HARMONi-2").await;
    let row = row_html(&html, "harmoni2-ivo");
    // HARMONi-2: stratified HR 0.51 (0.38–0.69), n = 198, ORR 50%, mPFS 11.14 (seed 001)
    assert_eq!(attr(cell(row, "hr"), "data-value"), Some("0.51"));
    assert!(row.contains("0.38–0.69"), "CI shown");
    assert_eq!(attr(cell(row, "n"), "data-value"), Some("198"));
    assert_eq!(attr(cell(row, "orr"), "data-value"), Some("50"));
    assert_eq!(attr(cell(row, "mpfs"), "data-value"), Some("11.14"));
    // mDoR not reached: NR, no data-value
    let mdor = cell(row, "mdor");
    assert_eq!(attr(mdor, "data-value"), None, "{mdor}");
    assert_eq!(attr(mdor, "data-state"), Some("NR"));
    // mOS not reported: no data-value
    assert_eq!(attr(cell(row, "mos"), "data-value"), None);
    // 11.1 vs 11.14: the mPFS cell carries a marker
    assert!(cell(row, "mpfs").contains("flagged"));
}

#[tokio::test]
async fn tnbc_search_shows_only_tnbc_rows() {
    let html = render("q=TNBC").await;
    let tags = rows(&html);
    // the ivonescimab TNBC study (all, CPS ≥10, CPS <10) and the PM8002 TNBC row
    assert_eq!(tags.len(), 4, "{tags:?}");
    assert!(tags.iter().all(|t| attr(t, "data-tumor") == Some("TNBC")));
    assert!(html.contains("4 of 55 cohorts"));
    // the full name finds the same rows
    let full = render("q=triple-negative%20breast%20cancer").await;
    assert_eq!(rows(&full).len(), 4);
}

#[tokio::test]
async fn filters_combine_and_sort_follows_the_link() {
    let html = render("drug=ivonescimab&tumor=NSCLC&phase=III&sort=hr&dir=asc").await;
    let tags = rows(&html);
    assert!(!tags.is_empty());
    assert!(tags.iter().all(|t| attr(t, "data-tumor") == Some("NSCLC")
        && attr(t, "data-phase") == Some("III")
        && attr(t, "data-drug") == Some("ivonescimab")));
    // sorted by HR ascending: T790M 0.22 first, then 0.4, 0.46, 0.48, 0.48, 0.51
    let hrs: Vec<f64> = tags
        .iter()
        .filter_map(|t| attr(t, "data-id"))
        .filter_map(|id| attr(cell(row_html(&html, id), "hr"), "data-value"))
        .filter_map(|v| v.parse().ok())
        .collect();
    assert_eq!(hrs, vec![0.22, 0.4, 0.46, 0.48, 0.48, 0.51]);
    assert!(html.contains(r#"aria-sort="ascending""#));
}

#[tokio::test]
async fn an_unknown_filter_is_reported_at_its_field_and_the_rest_still_applies() {
    let html = render("tumor=kidney&phase=III&dir=sideways&sort=colour").await;
    for field in ["tumor", "dir", "sort"] {
        assert!(
            html.contains(&format!(r#"data-testid="error" data-field="{field}""#)),
            "{field}"
        );
    }
    assert!(html.contains("kidney"));
    // the phase filter still applies: only phase III rows
    let tags = rows(&html);
    assert!(!tags.is_empty());
    assert!(tags.iter().all(|t| attr(t, "data-phase") == Some("III")));
    // the select keeps what the link asked for
    assert!(html.contains("kidney (from the link)"));
}

#[tokio::test]
async fn an_empty_result_says_so_and_offers_to_clear() {
    let html = render("q=no-such-trial-anywhere").await;
    assert!(rows(&html).is_empty());
    assert!(html.contains(r#"data-testid="empty""#));
    assert!(html.contains(r#"data-testid="clear-empty""#));
    assert!(html.contains("0 of 55 cohorts"));
}

#[tokio::test]
async fn the_detail_panel_has_every_figure_as_printed_with_its_source_and_the_notes() {
    let html = render("q=HARMONi-2").await;
    let start = html
        .find(r#"data-testid="detail" data-id="harmoni2-ivo""#)
        .unwrap_or_else(|| panic!("detail panel missing"));
    let end = html[start..]
        .find(r#"data-testid="cohort-row""#)
        .map(|e| start + e)
        .unwrap_or(html.len());
    let panel = &html[start..end];
    // as printed, verbatim
    assert!(
        panel.contains("stratified HR: 0.51; 95% CI, 0.38–0.69"),
        "{panel}"
    );
    assert!(panel.contains("(11.1 vs. 5.8 months)"));
    assert!(panel.contains("the median PFS was 11.14 months"));
    // where: seed 000 section with its reference number
    assert!(panel.contains("seed 000, Non-small cell lung cancer, ref. 19"));
    // the notes, flagged: 11.1 vs 11.14 and 388 vs 398
    assert!(panel.contains(r#"data-id="harmoni2-mpfs-11.1-vs-11.14""#));
    assert!(panel.contains(r#"data-id="nct05499390-388-vs-398""#));
    // the registry record opens in a new tab
    assert!(panel.contains(
        r#"href="https://clinicaltrials.gov/study/NCT05499390" target="_blank" rel="noopener noreferrer""#
    ));
}

#[tokio::test]
async fn a_malformed_registry_id_gets_no_link() {
    let html = render("q=BTC").await;
    assert!(html.contains(r#"data-testid="registry-malformed""#));
    assert!(!html.contains("clinicaltrials.gov/study/NCT052114482"));
    assert!(html.contains(r#"data-id="registry-id-9-digits""#));
}

#[tokio::test]
async fn compare_caveat_ongoing_trials_molecules_and_all_notes_are_shown() {
    let Ok(ds) = trials::dataset() else {
        panic!("data file does not parse")
    };
    let html = render("").await;
    assert!(html.contains(r#"data-testid="compare-caveat""#));
    assert!(html.contains("Cross-trial comparison"));
    assert_eq!(
        html.matches(r#"data-testid="ongoing-row""#).count(),
        ds.ongoing.len()
    );
    assert_eq!(
        html.matches(r#"data-testid="molecule-row""#).count(),
        ds.molecules.len()
    );
    // every note once in the list of all notes (and again inside panels and tables)
    for n in &ds.notes {
        assert!(
            html.contains(&format!(r#"data-id="{}""#, n.id)),
            "note {}",
            n.id
        );
    }
    // charts of the shown cohorts until some are selected: bars and a forest plot
    assert!(html.contains(r#"data-testid="bar-chart""#));
    assert!(html.contains(r#"data-testid="forest-plot""#));
    assert!(html.contains(r#"data-testid="null-line" data-value="1""#));
    assert!(html.contains(&trials::data_version()));
}

/// The opening tag of the "More filters and sorting" disclosure.
fn more_filters(html: &str) -> &str {
    let at = html
        .find(r#"data-testid="more-filters""#)
        .expect("the more-filters disclosure");
    let start = html[..at].rfind("<details").expect("a details element");
    let end = at + html[at..].find('>').expect("its end");
    &html[start..=end]
}

#[tokio::test]
async fn search_drug_and_tumour_stay_out_the_other_filters_go_in_a_disclosure() {
    let html = render("").await;
    let tag = more_filters(&html);
    assert!(!tag.contains(" open"), "closed with nothing set: {tag}");
    let inside = &html[html.find(r#"data-testid="more-filters""#).unwrap()..];
    let inside = &inside[..inside.find("</details>").unwrap()];
    for name in ["phase", "endpoint", "line", "sort", "dir"] {
        assert!(
            inside.contains(&format!(r#"id="f-{name}""#)),
            "{name} inside"
        );
    }
    for name in ["q", "drug", "tumor"] {
        assert!(html.contains(&format!(r#"id="f-{name}""#)), "{name} shown");
        assert!(
            !inside.contains(&format!(r#"id="f-{name}""#)),
            "{name} outside"
        );
    }
    assert!(inside.contains("More filters and sorting"));
}

#[tokio::test]
async fn the_disclosure_is_open_when_the_link_sets_one_of_its_filters() {
    for query in [
        "phase=III",
        "endpoint=orr",
        "line=1L",
        "sort=orr",
        "dir=desc",
        "phase=IV",
    ] {
        let html = render(query).await;
        let tag = more_filters(&html);
        assert!(tag.contains(" open"), "{query}: {tag}");
        assert!(html.contains("1 set"), "{query}: the summary counts it");
    }
    let html = render("phase=III&sort=orr&dir=desc").await;
    assert!(html.contains("3 set"));
    // Search, drug and tumour do not open it.
    let html = render("q=TNBC&drug=ivonescimab&tumor=NSCLC").await;
    assert!(!more_filters(&html).contains(" open"));
}

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
            let start = html[..i].rfind('<').unwrap_or(i);
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
    let rest = &html[start + key.len()..];
    let end = [
        rest.find(r#"data-testid="cohort-row""#),
        rest.find(r#"class="detail-row""#),
    ]
    .into_iter()
    .flatten()
    .min()
    .map(|e| start + key.len() + e)
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
    assert_eq!(tags.len(), 75);
    for tag in &tags {
        let id = attr(tag, "data-id").unwrap_or_else(|| panic!("{tag}"));
        let r = ds.record(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(attr(tag, "data-drug"), Some(r.bispecific.as_str()), "{tag}");
        assert_eq!(attr(tag, "data-tumor"), Some(r.tumour.as_str()), "{tag}");
        assert_eq!(attr(tag, "data-phase"), Some(r.phase.as_str()), "{tag}");
        let evidence = ds.evidence(r).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(
            attr(tag, "data-evidence"),
            Some(evidence.kind.code()),
            "{tag}"
        );
        assert_eq!(
            attr(tag, "data-asof"),
            Some(evidence.date.to_string().as_str())
        );
    }
    assert!(html.contains("75 of 75 rows"), "count");
    // every row has the ten CONTRACT cells
    for r in &ds.records {
        let row = row_html(&html, &r.id);
        for field in trials::CONTRACT_FIELDS {
            let _ = cell(row, field);
        }
    }
    // the default order: pivotal phase III first, newest evidence first; HARMONi-6 leads
    assert_eq!(attr(tags[0], "data-id"), Some("harmoni6-ivo"));
    assert_eq!(attr(tags[1], "data-id"), Some("harmoni6-tislelizumab"));
    // evidence as of the newest date
    assert!(html.contains("Evidence as of 1 Jun 2026."));
}

#[tokio::test]
async fn cells_carry_full_precision_values_and_states_without_values() {
    let html = render("q=HARMONi-2").await;
    let row = row_html(&html, "harmoni2-ivo");
    // HARMONi-2: stratified HR 0.51 (0.38–0.69), n = 198, ORR 50%, mPFS 11.14 (Vallathol et al.)
    assert_eq!(attr(cell(row, "hr"), "data-value"), Some("0.51"));
    assert!(row.contains("0.38–0.69"), "CI shown");
    assert_eq!(attr(cell(row, "n"), "data-value"), Some("198"));
    assert_eq!(attr(cell(row, "orr"), "data-value"), Some("50"));
    assert_eq!(attr(cell(row, "mpfs"), "data-value"), Some("11.14"));
    // mDoR not reached: NR, no data-value
    let mdor = cell(row, "mdor");
    assert_eq!(attr(mdor, "data-value"), None, "{mdor}");
    assert_eq!(attr(mdor, "data-state"), Some("NR"));
    // mOS not reported: no data-value; OS hazard ratio of April 2025
    assert_eq!(attr(cell(row, "mos"), "data-value"), None);
    assert_eq!(attr(cell(row, "hros"), "data-value"), Some("0.777"));
    // 11.1 vs 11.14: the mPFS cell carries a marker
    assert!(cell(row, "mpfs").contains("flagged"));
    // the comparison reads as one line: the hazard ratios span both arms; the control arm's
    // own hazard-ratio cells are empty and hidden
    assert_eq!(attr(cell(row, "hr"), "rowspan"), Some("2"));
    let pem = row_html(&html, "harmoni2-pembrolizumab");
    assert!(cell(pem, "hr").contains("hidden"));
    assert_eq!(attr(cell(pem, "hr"), "data-value"), None);
    assert_eq!(attr(cell(pem, "mpfs"), "data-value"), Some("5.82"));
    assert!(
        html.contains(r#"data-line="harmoni2-ivo""#) && html.contains("line comparison"),
        "{html}"
    );
    // HARMONi-2 · NCT05499390 as the short name
    assert!(html.contains("HARMONi-2 · NCT05499390"));
    // no document is named by a working name
    assert!(!html.to_lowercase().contains("seed 00"));
}

#[tokio::test]
async fn disputed_figures_show_every_value_and_no_single_value() {
    // TNBC: Table 2 prints 9.3 months, the text "not yet available"
    let html = render("q=TNBC").await;
    let row = row_html(&html, "nct05227664-tnbc");
    let mpfs = cell(row, "mpfs");
    assert_eq!(attr(mpfs, "data-value"), None, "{mpfs}");
    assert_eq!(attr(mpfs, "data-state"), Some("disputed"));
    assert_eq!(attr(mpfs, "data-values"), Some("not mature | 9.3"));
    // HARMONi-2 PD-L1 TPS >=50%: 0.48 (Lancet 2025) or 0.46 (WCLC 2024)
    let html = render("q=HARMONi-2").await;
    let tps = cell(row_html(&html, "harmoni2-tps-ge50"), "hr");
    assert_eq!(attr(tps, "data-values"), Some("0.48 | 0.46"));
}

#[tokio::test]
async fn tnbc_search_shows_only_tnbc_rows() {
    let html = render("q=TNBC").await;
    let tags = rows(&html);
    // the ivonescimab TNBC study (all, CPS ≥10, CPS <10) and the PM8002 TNBC row
    assert_eq!(tags.len(), 4, "{tags:?}");
    assert!(tags.iter().all(|t| attr(t, "data-tumor") == Some("TNBC")));
    assert!(html.contains("4 of 75 rows"));
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
    // sorted by HR ascending (a disputed HR carries no value and sorts after the numbers)
    let hrs: Vec<f64> = tags
        .iter()
        .filter_map(|t| attr(t, "data-id"))
        .filter_map(|id| attr(cell(row_html(&html, id), "hr"), "data-value"))
        .filter_map(|v| v.parse().ok())
        .collect();
    assert_eq!(
        hrs,
        vec![
            0.22, 0.4, 0.46, 0.48, 0.48, 0.48, 0.51, 0.52, 0.54, 0.54, 0.55, 0.6, 0.63, 0.66, 0.71
        ]
    );
    assert!(html.contains(r#"aria-sort="ascending""#));
    // sorted rows are not grouped
    assert!(!html.contains(r#"class="line comparison""#));
}

#[tokio::test]
async fn the_evidence_filter_keeps_rows_of_that_kind() {
    let html = render("evidence=peer-reviewed").await;
    let tags = rows(&html);
    assert!(!tags.is_empty());
    assert!(tags
        .iter()
        .all(|t| attr(t, "data-evidence") == Some("peer-reviewed")));
    let bad = render("evidence=blog").await;
    assert!(bad.contains(r#"data-testid="error" data-field="evidence""#));
    assert_eq!(rows(&bad).len(), 75);
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
    assert!(html.contains("0 of 75 rows"));
}

#[tokio::test]
async fn the_detail_panel_has_every_figure_as_printed_with_its_source_and_the_notes() {
    let html = render("q=HARMONi-2").await;
    let start = html
        .find(r#"data-testid="detail" data-id="harmoni2-ivo""#)
        .unwrap_or_else(|| panic!("detail panel missing"));
    let end = html[start..]
        .find(r#"data-testid="detail" data-id="harmoni2-pembrolizumab""#)
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
    // where: the review's section with its reference number, named as readers know it
    assert!(panel
        .contains("the review of PD-1(L1)/VEGF bispecifics, Non-small cell lung cancer, ref. 19"));
    // later evidence: document, date and the page read
    assert!(panel.contains("Xiong et al., Lancet 2025 (HARMONi-2)"));
    assert!(panel.contains(r#"href="https://ascopost.com/news/march-2025/advanced-pd-l1-positive-nsclc-ivonescimab-vs-pembrolizumab""#));
    assert!(panel.contains("a clinically meaningful hazard ratio of 0.777"));
    // the notes, flagged: 11.1 vs 11.14, 388 vs 398, the two OS reports
    assert!(panel.contains(r#"data-id="harmoni2-mpfs-11.1-vs-11.14""#));
    assert!(panel.contains(r#"data-id="nct05499390-388-vs-398""#));
    assert!(panel.contains(r#"data-id="harmoni2-os-reports""#));
    // the registry record opens in a new tab
    assert!(panel.contains(
        r#"href="https://clinicaltrials.gov/study/NCT05499390" target="_blank" rel="noopener noreferrer""#
    ));
}

#[tokio::test]
async fn a_malformed_or_borrowed_registry_id_gets_no_link() {
    let html = render("q=BTC").await;
    assert!(html.contains(r#"data-testid="registry-malformed""#));
    assert!(!html.contains("clinicaltrials.gov/study/NCT052114482"));
    assert!(html.contains(r#"data-id="registry-id-9-digits""#));
    // HNSCC: the id the review gives to the NSCLC chemotherapy trial, printed without a link
    let html = render("q=HNSCC").await;
    assert!(html.contains(r#"data-testid="registry-unlinked""#));
    assert!(!html.contains("clinicaltrials.gov/study/NCT04736823"));
}

#[tokio::test]
async fn notes_shown_are_those_of_the_rows_shown_and_the_rest_has_its_tabs() {
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
    // every note once in the tab of all notes (and again inside panels and tables)
    for n in &ds.notes {
        assert!(
            html.contains(&format!(r#"data-id="{}""#, n.id)),
            "note {}",
            n.id
        );
    }
    // the tabs other than the outcomes are hidden until chosen
    for tab in ["notes", "ongoing", "molecules", "documents"] {
        let key = format!(r#"data-testid="panel-{tab}" hidden"#);
        assert!(html.contains(&key), "{tab}");
    }
    // charts of the shown rows until some are selected: bars and a forest plot
    assert!(html.contains(r#"data-testid="bar-chart""#));
    assert!(html.contains(r#"data-testid="forest-plot""#));
    assert!(html.contains(r#"data-testid="null-line" data-value="1""#));
    assert!(html.contains(&trials::data_version()));
    // documents are named as readers know them, in every tab
    assert!(!html.to_lowercase().contains("seed 00"));
    // (data ids such as the note `seed001-dose-interval` may stay in attributes)
    let visible = html
        .replace(r#"data-id="seed001-dose-interval""#, "")
        .replace(r#"data-id="seed001-phase3-claim""#, "");
    assert!(!visible.to_lowercase().contains("seed00"));
    // a search for one trial lists its notes only
    let h6 = render("q=HARMONi-6").await;
    let start = h6
        .find(r#"data-testid="row-notes""#)
        .unwrap_or_else(|| panic!("row notes"));
    let end = start + h6[start..].find("</section>").unwrap_or(0);
    let notes = &h6[start..end];
    assert!(notes.contains(r#"data-id="harmoni6-761-vs-532""#));
    assert!(!notes.contains(r#"data-id="pm8002-dcr-below-orr""#));
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
    for name in ["phase", "endpoint", "line", "sort", "dir", "evidence"] {
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
        "evidence=congress",
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

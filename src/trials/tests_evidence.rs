//! Tests of the evidence added since the reviews: every figure traceable to a page read
//! (verbatim in `data/trials-excerpts.txt`), documents and dates, superseded figures, cells
//! that show disagreement, the default order and the grouping of comparisons, and the
//! reader-facing texts in both languages.

use super::tests::{ds, rec};
use super::*;
use std::collections::HashMap;

/// The passages read, by page address (`### <url>` sections of data/trials-excerpts.txt).
fn excerpts() -> HashMap<String, String> {
    let text = include_str!("../../data/trials-excerpts.txt");
    let mut out: HashMap<String, String> = HashMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(url) = line.strip_prefix("### ") {
            current = Some(url.trim().to_string());
            out.entry(url.trim().to_string()).or_default();
        } else if line.starts_with('#') && current.is_none() {
            continue;
        } else if let Some(url) = &current {
            let e = out.entry(url.clone()).or_default();
            e.push_str(line);
            e.push('\n');
        }
    }
    out
}

/// Every figure of the data with the source it stands in: records and molecules.
fn all_figures() -> Vec<(&'static str, &'static Figure, &'static Source)> {
    let d = ds();
    let mut out = Vec::new();
    for r in &d.records {
        for f in r.all_figures() {
            out.push((r.id.as_str(), f, &r.source));
        }
    }
    for m in &d.molecules {
        for f in &m.figures {
            out.push((m.id.as_str(), f, &m.source));
        }
    }
    out
}

#[test]
fn every_later_figure_is_verbatim_on_the_page_it_was_read() {
    let d = ds();
    let pages = excerpts();
    let mut checked = 0;
    for (id, f, record_source) in all_figures() {
        let sources = std::iter::once((f.source_or(record_source), f.as_printed.as_str())).chain(
            f.also_printed
                .iter()
                .map(|c| (&c.source, c.as_printed.as_str())),
        );
        for (src, printed) in sources {
            let doc = d
                .document(&src.document)
                .unwrap_or_else(|| panic!("{id}: unknown document {}", src.document));
            if doc.file_prefix.is_some() {
                assert!(
                    src.url.is_none(),
                    "{id}: a review held by the project has no page"
                );
                continue;
            }
            let url = src
                .url
                .as_deref()
                .unwrap_or_else(|| panic!("{id}:{} names no page", f.endpoint));
            assert!(
                doc.pages.iter().any(|p| p.url == url),
                "{id}: page {url} is not a page of {}",
                doc.id
            );
            let text = pages
                .get(url)
                .unwrap_or_else(|| panic!("{id}: no passage kept for {url}"));
            assert!(
                text.contains(printed),
                "{id}:{} {printed:?} is not on {url}",
                f.endpoint
            );
            checked += 1;
        }
    }
    assert!(checked >= 180, "{checked}");
}

#[test]
fn documents_have_a_kind_a_date_and_pages_and_readers_names() {
    let d = ds();
    for doc in &d.documents {
        assert!(
            !doc.name.is_empty() && !doc.citation.is_empty(),
            "{}",
            doc.id
        );
        assert!(doc.date.year >= 2023 && doc.date.year <= 2026, "{}", doc.id);
        if doc.file_prefix.is_none() {
            assert!(!doc.pages.is_empty(), "{}: no page", doc.id);
            for p in &doc.pages {
                assert!(p.url.starts_with("http"), "{}", p.url);
            }
        }
        for word in ["seed 0", "seed0", "Seed 0"] {
            assert!(!doc.name.contains(word), "{}", doc.id);
        }
    }
    // the reviews are named as the app names them everywhere
    // (the shared document list, data/documents.json, spells their ids `seed-000`, `seed-001`)
    for (id, shared) in [("seed000", "seed-000"), ("seed001", "seed-001")] {
        let doc = d.document(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(doc.name, crate::sources::document_name(shared).en);
        assert_eq!(doc.kind, EvidenceKind::Review);
        assert!(doc.date_is_earliest);
    }
    assert_eq!(
        d.document_name("seed001", crate::i18n::Lang::En),
        "Vallathol et al. 2025"
    );
    assert_eq!(
        d.document_name("harmoni6-lancet-2025", crate::i18n::Lang::En),
        "Chen et al., Lancet 2025 (HARMONi-6)"
    );
    // every kind of evidence is present
    assert_eq!(d.evidence_kinds(), EvidenceKind::ALL.to_vec());
}

#[test]
fn no_reader_facing_text_names_a_seed() {
    let d = ds();
    let mut texts: Vec<&str> = Vec::new();
    for n in &d.notes {
        texts.push(&n.text);
    }
    for r in &d.records {
        texts.extend([r.name.as_str(), &r.trial, &r.arm, &r.regimen]);
        texts.extend(r.subgroup.as_deref());
        texts.extend(r.biomarker.as_deref());
        for f in r.all_figures() {
            texts.extend(f.label.as_deref());
            texts.extend(f.analysis.as_deref());
        }
    }
    for doc in &d.documents {
        texts.push(&doc.citation);
        texts.extend(doc.note.as_deref());
        texts.extend(doc.date_note.as_deref());
    }
    for t in texts {
        let lower = t.to_lowercase();
        assert!(
            !lower.contains("seed 00") && !lower.contains("seed00"),
            "{t}"
        );
    }
}

#[test]
fn every_superseded_figure_has_a_current_one_for_its_endpoint() {
    let mut superseded = 0;
    for r in &ds().records {
        for f in r.all_figures().filter(|f| f.superseded) {
            superseded += 1;
            assert!(
                r.figure(&f.endpoint).is_some(),
                "{}:{} superseded with nothing current",
                r.id,
                f.endpoint
            );
        }
    }
    assert!(superseded >= 15, "{superseded}");
}

#[test]
fn later_analyses_replace_earlier_ones_and_both_stay() {
    // HARMONi-A median OS: "not mature" (both reviews), 17.1 (December 2023), then the final
    // analysis (SITC 2025): 16.8 vs 14.1 months, HR 0.74, p = 0.019
    let ivo = rec("harmonia-ivo");
    let mos = ivo.figures("mos");
    assert!(mos
        .iter()
        .any(|f| f.value == Measure::NotMature && f.superseded));
    assert!(mos.iter().any(|f| f.number() == Some(17.1) && f.superseded));
    assert_eq!(ivo.cell_number("mos"), Some(16.8));
    assert_eq!(rec("harmonia-placebo").cell_number("mos"), Some(14.1));
    assert_eq!(ivo.cell_number("hros"), Some(0.74));
    assert_eq!(ivo.figure("p_os").and_then(Figure::number), Some(0.019));
    // HARMONi: OS HR 0.79 (95% CI 0.62–1.01) at the primary analysis, 0.78 at longer follow-up
    let h = rec("harmoni-ivo");
    assert!(h
        .figures("hros")
        .iter()
        .any(|f| f.number() == Some(0.79) && f.superseded));
    assert_eq!(h.cell_number("hros"), Some(0.78));
    assert_eq!(h.cell_number("hr"), Some(0.52));
}

#[test]
fn cells_show_agreement_as_one_value_and_disagreement_as_all() {
    // HARMONi-2 median PFS 11.14 (Vallathol et al. 2025, WCLC 2024) and 11.1 (the review,
    // Lancet 2025) agree after rounding: one value
    assert_eq!(rec("harmoni2-ivo").cell_number("mpfs"), Some(11.14));
    // TNBC: Table 2 prints 9.3, the text says not yet available: both, no single value
    match rec("nct05227664-tnbc").cell("mpfs") {
        Cell::Disputed(figs) => {
            let values: Vec<Measure> = figs.iter().map(|f| f.value).collect();
            assert!(values.contains(&Measure::NotMature) && values.contains(&Measure::Number(9.3)));
        }
        other => panic!("TNBC median PFS not disputed: {other:?}"),
    }
    // HARMONi-2 TPS >=50%: HR 0.48 (Lancet 2025) vs 0.46 (WCLC 2024)
    assert!(matches!(
        rec("harmoni2-tps-ge50").cell("hr"),
        Cell::Disputed(_)
    ));
    assert_eq!(rec("harmoni2-tps-1-49").cell_number("hr"), Some(0.54));
    // squamous cohort of the phase II chemotherapy trial: ORR 75 (review) vs 67 (ASCO 2023)
    assert!(matches!(
        rec("nct04736823-sq").cell("orr"),
        Cell::Disputed(_)
    ));
    // HARMONi-6 ITT
    let h6 = rec("harmoni6-ivo");
    assert_eq!(h6.cell_number("hr"), Some(0.6));
    assert_eq!(h6.cell_number("hros"), Some(0.66));
    assert_eq!(h6.cell_number("mos"), Some(27.9));
    assert_eq!(rec("harmoni6-tislelizumab").cell_number("mos"), Some(23.7));
    // HARMONi-2 overall survival: the hazard ratio of Akeso's report, and under it the risk
    // reduction of the Fierce Pharma report
    let h2 = rec("harmoni2-ivo");
    assert_eq!(h2.cell_number("hros"), Some(0.777));
    let rr: Vec<f64> = ds()
        .related_reductions(h2, "hros")
        .iter()
        .filter_map(|f| f.number())
        .collect();
    assert_eq!(rr, vec![22.3]);
}

#[test]
fn the_audit_fixes_are_in_the_data() {
    let d = ds();
    // the AE cells of the "II NSCLC (16)" Table 2 row are on the phase II chemotherapy trial
    assert!(rec("nct04900363-all").figure("ae").is_none());
    assert_eq!(rec("nct04736823-all").cell_number("ae"), Some(91.6));
    assert_eq!(rec("nct04736823-all").cell_number("ae3"), Some(51.8));
    let note = d
        .notes
        .iter()
        .find(|n| n.id == "table2-nsclc-row-phase-ref")
        .unwrap_or_else(|| panic!("note"));
    assert!(note.text.contains("76/83") && note.applies_to.iter().any(|a| a == "nct04736823-all"));
    // 76/83 and 43/83 are the printed figures, to one decimal
    assert_eq!((76.0f64 / 83.0 * 1000.0).round() / 10.0, 91.6);
    assert_eq!((43.0f64 / 83.0 * 1000.0).round() / 10.0, 51.8);
    // the HNSCC study keeps the shared id as printed, without a registry link
    for r in d.records.iter().filter(|r| r.tumour == "HNSCC") {
        assert_eq!(r.registry_id.as_deref(), Some("NCT04736823"));
        assert_eq!(r.registry_url(), None, "{}", r.id);
    }
    assert!(rec("nct04736823-cohort1").registry_url().is_some());
    // receptor occupancy, free VEGF, ">4 times", p values, counts
    let solid = rec("nct04047290-solid");
    assert_eq!(
        solid.figure("ro").map(|f| f.value),
        Some(Measure::Above(80.0))
    );
    assert_eq!(
        solid.figure("free_vegf_fall").map(|f| f.value),
        Some(Measure::Range(80.0, 95.0))
    );
    let ivo = d
        .molecules
        .iter()
        .find(|m| m.id == "ivonescimab")
        .unwrap_or_else(|| panic!("ivonescimab"));
    assert!(ivo
        .figures
        .iter()
        .any(|f| f.value == Measure::Above(4.0) && f.endpoint == "binding_gain"));
    assert_eq!(
        rec("harmonia-ivo").figure("p_pfs").map(|f| f.value),
        Some(Measure::Below(0.001))
    );
    assert_eq!(rec("nct04047290-proc").figures("count").len(), 2);
    assert!(rec("hnscc-all").figure("n").is_some());
    // HARMONi-A median OS "not mature" is a figure
    assert!(rec("harmonia-ivo")
        .figures("mos")
        .iter()
        .any(|f| f.value == Measure::NotMature));
    // the new notes on the sources
    for id in [
        "vegf-all-cohorts",
        "solid-25.5-vs-four-responders",
        "tps-lt1-14.7-needs-34",
        "unstated-assumptions",
        "harmoni2-os-reports",
        "tnbc-table2-mpfs-mdor",
    ] {
        assert!(d.notes.iter().any(|n| n.id == id), "{id}");
    }
    // no row claims a regimen the reviews do not print
    for id in [
        "hb0025-solid",
        "imm2510-solid",
        "pm8002-solid-escalation",
        "nct04047290-proc",
    ] {
        assert!(!rec(id).regimen.contains("monotherapy"), "{id}");
    }
    assert!(!rec("nct04047290-proc-20mgkg").regimen.contains("Q2W"));
}

#[test]
fn rows_carry_the_kind_and_date_of_their_newest_source() {
    let d = ds();
    let ev = |id: &str| d.evidence(rec(id)).unwrap_or_else(|| panic!("{id}"));
    // HARMONi-6 OS: the ASCO 2026 plenary (31 May) and Summit's 8-K (1 June) are one disclosure;
    // the congress is the stronger kind
    let h6 = ev("harmoni6-ivo");
    assert_eq!(
        (h6.kind, h6.date.to_string().as_str()),
        (EvidenceKind::Congress, "2026-05-31")
    );
    let h6_sub = ev("harmoni6-tps-lt1-ivo");
    assert_eq!(h6_sub.kind, EvidenceKind::PeerReviewed);
    assert_eq!(
        ev("harmoni2-pembrolizumab").kind,
        EvidenceKind::PeerReviewed
    );
    assert_eq!(ev("harmoni2-ivo").kind, EvidenceKind::Company);
    assert_eq!(ev("sclc-all").kind, EvidenceKind::PeerReviewed);
    assert_eq!(ev("pm8002-tnbc").kind, EvidenceKind::Review);
    assert_eq!(
        d.evidence_as_of().map(|x| x.to_string()).as_deref(),
        Some("2026-06-01")
    );
    // the evidence filter keeps rows of that kind only
    let q = Query {
        evidence: Some("peer-reviewed".into()),
        ..Query::default()
    };
    let rows = search(d, &q).rows;
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| d.evidence(r).map(|e| e.kind) == Some(EvidenceKind::PeerReviewed)));
}

#[test]
fn default_order_puts_pivotal_trials_first_newest_first_and_groups_comparisons() {
    let d = ds();
    let mut rows: Vec<&Record> = d.records.iter().collect();
    default_order(d, &mut rows);
    let names: Vec<&str> = {
        let mut v: Vec<&str> = Vec::new();
        for r in &rows {
            if !v.contains(&r.name.as_str()) {
                v.push(&r.name);
            }
        }
        v
    };
    assert_eq!(
        &names[..4],
        ["HARMONi-6", "HARMONi-A", "HARMONi", "HARMONi-2"]
    );
    // after the phase III trials, the newest evidence first
    let first_other = rows.iter().position(|r| r.phase != "III").unwrap_or(0);
    assert!(rows[..first_other].iter().all(|r| r.phase == "III"));
    let all = lines(&rows, true);
    match &all[0] {
        Line::Comparison(arms) => {
            let ids: Vec<&str> = arms.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(ids, ["harmoni6-ivo", "harmoni6-tislelizumab"]);
        }
        other => panic!("first line is not the HARMONi-6 comparison: {other:?}"),
    }
    // HARMONi-2 reads as one line of its two arms
    let h2 = search(
        d,
        &Query {
            text: "HARMONi-2".into(),
            ..Query::default()
        },
    )
    .rows;
    let mut h2 = h2;
    default_order(d, &mut h2);
    let l = lines(&h2, true);
    assert!(
        matches!(&l[0], Line::Comparison(a) if a[0].id == "harmoni2-ivo" && a[1].id == "harmoni2-pembrolizumab")
    );
    // ungrouped (a sort is asked for): every row its own line
    assert_eq!(lines(&h2, false).len(), h2.len());
    // one arm alone is shown as a single line
    let one = [rec("harmoni2-pembrolizumab")];
    assert!(matches!(lines(&one, true)[0], Line::Single(_)));
}

/// Every reader-facing text field of the data has its Chinese sibling `<field>_zh`: the texts
/// we write, every place in a document, and a gloss of the cells the reviews' tables print
/// (shown beside the printed words). Bibliographic references and the figures' words as printed
/// stay in their source's language.
#[test]
fn reader_facing_data_texts_have_chinese() {
    let raw: serde_json::Value =
        serde_json::from_str(TRIALS_JSON_FILE).unwrap_or_else(|e| panic!("{e}"));
    let need = |obj: &serde_json::Value, fields: &[&str], what: &str| {
        for f in fields {
            if let Some(v) = obj.get(*f).and_then(|v| v.as_str()) {
                let zh = obj
                    .get(format!("{f}_zh"))
                    .and_then(|v| v.as_str())
                    .unwrap_or_else(|| panic!("{what}: {f} {v:?} has no {f}_zh"));
                assert!(!zh.trim().is_empty(), "{what}: {f}_zh empty");
            }
        }
    };
    let list = |key: &str| raw[key].as_array().cloned().unwrap_or_default();
    for n in list("notes") {
        need(&n, &["text"], "note");
    }
    for e in list("endpoints") {
        need(&e, &["name"], "endpoint");
    }
    for t in list("tumours") {
        need(&t, &["name"], "tumour");
    }
    for doc in list("documents") {
        need(&doc, &["name", "note", "date_note"], "document");
        for page in doc["pages"].as_array().cloned().unwrap_or_default() {
            need(&page, &["title", "date"], "page");
        }
    }
    for o in list("ongoing") {
        let id = o["id"].as_str().unwrap_or_default().to_string();
        need(
            &o,
            &["regimen", "phase_as_printed", "centres", "trial_name"],
            &id,
        );
        // 'HC', an abbreviation the review does not define (see its note), has no gloss.
        if o["indication"] != "HC" {
            need(&o, &["indication"], &id);
        }
        need(&o["source"], &["location"], &id);
    }
    for m in list("molecules") {
        let id = m["id"].as_str().unwrap_or_default().to_string();
        need(&m, &["architecture", "fc_region", "clinical_maturity"], &id);
        need(&m["source"], &["location"], &id);
        for f in m["figures"].as_array().cloned().unwrap_or_default() {
            need(&f, &["label"], &id);
            need(&f["source"], &["location"], &id);
        }
    }
    for r in list("records") {
        let id = r["id"].as_str().unwrap_or_default().to_string();
        need(
            &r,
            &[
                "name",
                "arm",
                "subgroup",
                "regimen",
                "comparator",
                "biomarker",
            ],
            &id,
        );
        need(&r["source"], &["location"], &id);
        for f in r["endpoints"].as_array().cloned().unwrap_or_default() {
            need(&f, &["label", "analysis"], &id);
            if let Some(src) = f.get("source") {
                need(src, &["location"], &id);
            }
            for c in f["also_printed"].as_array().cloned().unwrap_or_default() {
                need(&c["source"], &["location"], &id);
            }
        }
    }
}

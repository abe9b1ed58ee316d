//! Tests of the trials data file and of the lookup functions.
//! Figures are checked against the seed text as printed there (quoted in each test).

use super::*;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::i18n::Lang;

pub(super) fn ds() -> &'static Dataset {
    match dataset() {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

pub(super) fn rec(id: &str) -> &'static Record {
    ds().record(id)
        .unwrap_or_else(|| panic!("record {id} missing"))
}

fn num(r: &Record, key: &str) -> f64 {
    r.figure(key)
        .and_then(Figure::number)
        .unwrap_or_else(|| panic!("{}: no number for {key}", r.id))
}

fn ci_num(r: &Record, key: &str) -> (f64, f64) {
    let f = r
        .figure(key)
        .unwrap_or_else(|| panic!("{}: no {key}", r.id));
    (
        f.ci_low.and_then(Measure::number).unwrap_or(f64::NAN),
        f.ci_high.and_then(Measure::number).unwrap_or(f64::NAN),
    )
}

fn ids(rows: &[&Record]) -> Vec<String> {
    let mut v: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    v.sort();
    v
}

fn q(text: &str) -> Query {
    Query {
        text: text.to_string(),
        ..Query::default()
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

// ------------------------------------------------------------------ file and schema

#[test]
fn data_file_parses_into_typed_records() {
    let d = ds();
    assert_eq!(d.schema_version, 2);
    assert!(d.records.len() >= 70, "{} records", d.records.len());
    assert_eq!(d.molecules.len(), 4);
    // the review's Table 3 has 9 rows, Vallathol et al. 2025 Table 1 has 6
    assert_eq!(d.ongoing.len(), 15);
    // the two reviews and the later journal articles, congress reports and company releases
    assert_eq!(d.documents.len(), 24);
}

#[test]
fn ids_are_unique_and_link_safe() {
    let d = ds();
    let mut seen = HashSet::new();
    let all = d
        .records
        .iter()
        .map(|r| &r.id)
        .chain(d.molecules.iter().map(|m| &m.id))
        .chain(d.ongoing.iter().map(|o| &o.id))
        .chain(d.notes.iter().map(|n| &n.id));
    for id in all {
        assert!(seen.insert(id.clone()), "duplicate id {id}");
        assert!(
            !id.is_empty() && !id.starts_with('-') && !id.ends_with('-'),
            "{id}"
        );
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'),
            "id not link-safe: {id}"
        );
    }
}

#[test]
fn every_record_and_figure_has_a_source_known_endpoint_and_unit() {
    let d = ds();
    for r in &d.records {
        assert!(d.document(&r.source.document).is_some(), "{}", r.id);
        assert!(!r.source.location.is_empty(), "{}", r.id);
        assert!(
            d.tumour(&r.tumour).is_some(),
            "{}: tumour {}",
            r.id,
            r.tumour
        );
        assert!(!r.drugs.is_empty() && !r.regimen.is_empty() && !r.trial.is_empty());
        assert!(r.all_figures().count() > 0, "{} has no figures", r.id);
        for f in r.all_figures() {
            let src = f.source_or(&r.source);
            assert!(!src.location.is_empty(), "{}:{}", r.id, f.endpoint);
            assert!(!f.as_printed.trim().is_empty(), "{}:{}", r.id, f.endpoint);
            let def = d
                .endpoint(&f.endpoint)
                .unwrap_or_else(|| panic!("{}: unknown endpoint {}", r.id, f.endpoint));
            assert_eq!(def.unit, f.unit, "{}:{}", r.id, f.endpoint);
            for c in &f.also_printed {
                assert!(!c.as_printed.trim().is_empty());
            }
        }
    }
    for k in CONTRACT_FIELDS {
        assert!(
            d.endpoint(k).is_some(),
            "CONTRACT field {k} not an endpoint key"
        );
    }
}

#[test]
fn percentages_are_within_0_and_100() {
    for r in &ds().records {
        for f in r.all_figures().filter(|f| f.unit == Unit::Percent) {
            for m in [Some(f.value), f.ci_low, f.ci_high].into_iter().flatten() {
                if let Some(x) = m.number() {
                    assert!((0.0..=100.0).contains(&x), "{}:{} = {x}", r.id, f.endpoint);
                }
            }
        }
        for f in r.all_figures() {
            if let Some(x) = f.number() {
                assert!(x >= 0.0 && x.is_finite(), "{}:{}", r.id, f.endpoint);
            }
        }
    }
}

#[test]
fn every_ci_brackets_its_estimate_or_carries_a_note() {
    let d = ds();
    let mut with_ci = 0;
    for r in &d.records {
        for f in r.all_figures() {
            if f.ci_low.is_none() && f.ci_high.is_none() {
                continue;
            }
            with_ci += 1;
            let v = f.number();
            let lo = f.ci_low.and_then(Measure::number);
            let hi = f.ci_high.and_then(Measure::number);
            let ok = match v {
                Some(v) => lo.is_none_or(|lo| lo <= v) && hi.is_none_or(|hi| v <= hi),
                None => false,
            };
            if !ok {
                assert!(
                    !d.notes_for_figure(&r.id, &f.endpoint).is_empty(),
                    "{}:{} CI does not bracket its estimate and has no note",
                    r.id,
                    f.endpoint
                );
            }
        }
    }
    assert!(with_ci >= 10, "{with_ci} figures with a CI");
}

#[test]
fn registry_ids_are_well_formed_or_carry_a_note() {
    let d = ds();
    let rows = d
        .records
        .iter()
        .map(|r| (&r.id, &r.registry_id))
        .chain(d.ongoing.iter().map(|o| (&o.id, &o.registry_id)));
    let mut malformed = 0;
    for (id, reg) in rows {
        let Some(reg) = reg else { continue };
        if !is_well_formed_nct(reg) {
            malformed += 1;
            assert!(
                d.notes_for(id)
                    .iter()
                    .any(|n| n.text.contains(reg.as_str())),
                "{id}: malformed registry id {reg} without a note naming it"
            );
            assert_eq!(registry_url(reg), None);
        }
    }
    assert_eq!(malformed, 2, "NCT052114482 on the BTC records");

    // One registry id used for studies with different names must carry a note naming it.
    let mut trials_by_id: HashMap<&str, HashSet<&str>> = HashMap::new();
    for r in &d.records {
        if let Some(reg) = &r.registry_id {
            trials_by_id.entry(reg).or_default().insert(&r.trial);
        }
    }
    let shared: Vec<&&str> = trials_by_id
        .iter()
        .filter(|(_, t)| t.len() > 1)
        .map(|(k, _)| k)
        .collect();
    assert_eq!(shared, vec![&"NCT04736823"]);
    for r in d
        .records
        .iter()
        .filter(|r| r.registry_id.as_deref() == Some("NCT04736823"))
    {
        assert!(
            d.notes_for(&r.id)
                .iter()
                .any(|n| n.text.contains("NCT04736823")),
            "{}",
            r.id
        );
    }
}

#[test]
fn notes_point_at_existing_items_and_endpoints() {
    let d = ds();
    let known: HashSet<&str> = d
        .records
        .iter()
        .map(|r| r.id.as_str())
        .chain(d.molecules.iter().map(|m| m.id.as_str()))
        .chain(d.ongoing.iter().map(|o| o.id.as_str()))
        .collect();
    for n in &d.notes {
        assert!(
            n.text.len() > 40,
            "{}: note too short to say what disagrees",
            n.id
        );
        for a in &n.applies_to {
            assert!(known.contains(a.as_str()), "note {} -> unknown {a}", n.id);
        }
        for e in &n.endpoints {
            assert!(
                d.endpoint(e).is_some(),
                "note {} -> unknown endpoint {e}",
                n.id
            );
        }
    }
    for o in &d.ongoing {
        if let Some(t) = &o.tumour {
            assert!(d.tumour(t).is_some(), "{}", o.id);
        }
    }
}

#[test]
fn known_source_discrepancies_are_recorded_on_the_affected_items() {
    let d = ds();
    let expect = [
        ("registry-id-9-digits", "nct052114482-btc", "NCT052114482"),
        ("registry-id-shared-nct04736823", "hnscc-ivo", "NCT04736823"),
        (
            "registry-id-shared-nct04736823",
            "nct04736823-cohort1",
            "ligufalimab",
        ),
        ("pemigatinib-for-pemetrexed", "harmonia-ivo", "pemigatinib"),
        ("nct05499390-388-vs-398", "t3-nct05499390", "388"),
        ("nct05499390-388-vs-398", "harmoni2-ivo", "398"),
        ("harmoni2-mpfs-11.1-vs-11.14", "harmoni2-ivo", "11.14"),
        ("harmonia-mpfs-7.06-vs-7.1", "harmonia-ivo", "7.06"),
        ("half-life-9.85-vs-7-days", "nct04047290-solid", "9.85"),
        ("pd1-positive-for-pd-l1", "harmoni2-ivo", "PD-1 positive"),
        (
            "ivosidenib-lifralimab",
            "hnscc-ivo-ligufalimab-cps-ge20",
            "Ivosidenib + Lifralimab",
        ),
        (
            "ligufalinab-spelling",
            "hnscc-ivo-ligufalimab",
            "ligufalinab",
        ),
        ("btc-table2-ref-and-phase", "nct052114482-btc", "(16)"),
        ("phase2-83-vs-135-patients", "nct04736823-all", "83"),
        (
            "tps-50-strict-vs-inclusive",
            "nct04900363-tps-ge50",
            "TPS>50%",
        ),
        ("tnbc-table2-mpfs-mdor", "nct05227664-tnbc", "7.49"),
        ("sq-nonsq-vs-sclc-nsclc", "nct04736823-sq", "sq-NSCLC"),
        ("tps-1-49-row-51.4", "nct04900363-tps-1-49-table2", "51.4"),
        ("hnscc-mpfs-7-vs-7.1", "hnscc-ivo-ligufalimab", "7.1"),
        ("proc-orr-29.4-vs-26.3", "nct04047290-proc", "29.4"),
        (
            "phase-iii-counts",
            "ivonescimab",
            "Three Phase III projects completed",
        ),
        ("pm8002-dcr-below-orr", "pm8002-nsclc", "77"),
        ("nsclc-pdl1-67-vs-66", "nct04900363-1l-30mgkg-q3w", "67"),
    ];
    for (note, item, text) in expect {
        let n = d
            .notes
            .iter()
            .find(|n| n.id == note)
            .unwrap_or_else(|| panic!("note {note} missing"));
        assert!(
            n.applies_to.iter().any(|a| a == item),
            "{note} not on {item}"
        );
        assert!(n.text.contains(text), "{note} does not mention {text}");
    }
    assert!(d.notes.len() >= 40);
    assert!(!d.general_notes().is_empty());
}

// ------------------------------------------------------------------ figures against the seeds

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
}

fn load_seeds() -> Option<HashMap<String, String>> {
    let dir = seeds_dir();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(_) => {
            eprintln!(
                "SKIPPED: seed folder {} not found; verbatim checks not run",
                dir.display()
            );
            return None;
        }
    };
    let mut out = HashMap::new();
    let names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    for doc in ds().documents.iter().filter(|d| d.file_prefix.is_some()) {
        let prefix = doc.file_prefix.as_deref().unwrap_or_default();
        let path = names
            .iter()
            .find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
            })
            .unwrap_or_else(|| panic!("no seed file {prefix}* in {}", dir.display()));
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
        out.insert(doc.id.clone(), text);
    }
    Some(out)
}

/// Table cells must be a whole cell (line) of the text; text quotes must occur verbatim.
/// Figures of later documents are checked against the pages read (tests_evidence.rs).
fn printed_in(seeds: &HashMap<String, String>, src: &Source, printed: &str) -> bool {
    let Some(text) = seeds.get(&src.document) else {
        return true;
    };
    if src.is_table() {
        printed
            .split('\n')
            .all(|part| text.lines().any(|l| l.trim() == part.trim()) || text.contains(part))
    } else {
        text.contains(printed)
    }
}

#[test]
fn every_as_printed_string_occurs_verbatim_in_its_seed() {
    let Some(seeds) = load_seeds() else { return };
    let d = ds();
    let mut checked = 0;
    for r in &d.records {
        for f in r.all_figures() {
            let src = f.source_or(&r.source);
            assert!(
                printed_in(&seeds, src, &f.as_printed),
                "{}:{} {:?} not found in {:?}",
                r.id,
                f.endpoint,
                f.as_printed,
                src
            );
            checked += 1;
            for c in &f.also_printed {
                assert!(
                    printed_in(&seeds, &c.source, &c.as_printed),
                    "{}:{} also {:?} not found in {:?}",
                    r.id,
                    f.endpoint,
                    c.as_printed,
                    c.source
                );
                checked += 1;
            }
        }
    }
    for m in &d.molecules {
        for cell in [&m.architecture, &m.fc_region, &m.clinical_maturity] {
            assert!(printed_in(&seeds, &m.source, cell), "{}: {cell:?}", m.id);
        }
    }
    for o in &d.ongoing {
        let cells = [
            Some(&o.indication),
            Some(&o.regimen),
            Some(&o.phase_as_printed),
            o.trial_name.as_ref(),
            o.registry_id.as_ref(),
            o.centres.as_ref(),
            o.participants_as_printed.as_ref(),
        ];
        for cell in cells.into_iter().flatten() {
            assert!(printed_in(&seeds, &o.source, cell), "{}: {cell:?}", o.id);
        }
    }
    // Every registry id of a record taken from the reviews is printed in them.
    for r in d
        .records
        .iter()
        .filter(|r| seeds.contains_key(&r.source.document))
    {
        if let Some(reg) = &r.registry_id {
            assert!(seeds.values().any(|t| t.contains(reg.as_str())), "{reg}");
        }
    }
    assert!(checked > 150, "{checked}");
}

fn number_tokens(s: &str) -> Vec<f64> {
    let words = [
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
    ];
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty()) {
            cur.push(c);
        } else if !cur.is_empty() {
            if let Ok(x) = cur.trim_end_matches('.').parse::<f64>() {
                out.push(x);
            }
            cur.clear();
        }
    }
    for w in s.split(|c: char| !c.is_alphabetic()) {
        if let Some((_, x)) = words.iter().find(|(name, _)| w.eq_ignore_ascii_case(name)) {
            out.push(*x);
        }
    }
    out
}

#[test]
fn every_number_and_ci_bound_is_in_its_as_printed_text() {
    for r in &ds().records {
        for f in r.all_figures() {
            let tokens = number_tokens(&f.as_printed);
            for m in [Some(f.value), f.ci_low, f.ci_high].into_iter().flatten() {
                if let Some(x) = m.number() {
                    assert!(
                        tokens.contains(&x),
                        "{}:{} value {x} not in {:?}",
                        r.id,
                        f.endpoint,
                        f.as_printed
                    );
                }
            }
        }
    }
}

// Spot checks: one or more per table and section, figures as printed in the seed quoted.

#[test]
fn spot_check_seed000_table2() {
    // Table 2, PM8002 II SCLC row: "72.7  81.8  5.5  –  93.8  62.5  (30)"
    let r = rec("pm8002-sclc");
    assert_eq!(
        (num(r, "orr"), num(r, "dcr"), num(r, "mpfs")),
        (72.7, 81.8, 5.5)
    );
    assert_eq!((num(r, "ae"), num(r, "ae3")), (93.8, 62.5));
    assert_eq!(r.source.refs, vec![30]);
    // HB0025 I Solid tumor: 9.1, 50, –, –, 83.3, 20, (26)
    let r = rec("hb0025-solid");
    assert_eq!(
        (num(r, "orr"), num(r, "dcr"), num(r, "ae3")),
        (9.1, 50.0, 20.0)
    );
    // IMM2510: 75.8 ... 97, 27.4 (27)
    assert_eq!(num(rec("imm2510-solid"), "ae"), 97.0);
    // PM8002 TNBC: 78.6 95.2 9.2 7.2 95.2 38.1
    assert_eq!(num(rec("pm8002-tnbc"), "mdor"), 7.2);
    // Ivonescimab Ia PROC: mDOR "NR"
    assert_eq!(
        rec("nct04047290-proc").figure("mdor").map(|f| f.value),
        Some(Measure::NotReached)
    );
    // Ivonescimab II HNSCC, Ivonescimab+ligufalinab: mPFS 7 (text: 7.1; ESMO 2024 abstract: 7.1)
    let mpfs: Vec<f64> = rec("hnscc-ivo-ligufalimab")
        .figures("mpfs")
        .iter()
        .filter_map(|f| f.number())
        .collect();
    assert_eq!(mpfs, vec![7.1, 7.0, 7.1]);
    // HARMONi-A row "III NSCLC EGFR Variant 50.6 _ 7.1 – – 61.5 (18)"
    assert_eq!(num(rec("harmonia-ivo"), "ae3"), 61.5);
    // every Table 2 row is present: 17 rows of figures in the table
    let table2_records = ds()
        .records
        .iter()
        .filter(|r| {
            r.all_figures()
                .any(|f| f.source_or(&r.source).location == "Table 2")
                || r.all_figures().any(|f| {
                    f.also_printed
                        .iter()
                        .any(|c| c.source.location == "Table 2")
                })
        })
        .count();
    // 23 rows, and the phase II chemotherapy trial that now carries the AE cells of the
    // "II NSCLC (16)" row (see the note table2-nsclc-row-phase-ref)
    assert_eq!(table2_records, 24);
}

#[test]
fn spot_check_seed000_table1_and_table3() {
    let d = ds();
    let ivo = d
        .molecules
        .iter()
        .find(|m| m.id == "ivonescimab")
        .expect("ivonescimab");
    assert!(ivo.fc_region.contains("L234A and L235A"));
    let pm = d
        .molecules
        .iter()
        .find(|m| m.id == "pm8002")
        .expect("pm8002");
    assert!(pm.clinical_maturity.contains("n=87"));
    let t3 = |id: &str| d.ongoing.iter().find(|o| o.id == id).expect(id);
    // Table 3: "NCT05499390  NSCLC  ivonescimab vs Keytruda  III  Single center  388"
    assert_eq!(t3("t3-nct05499390").participants, Some(388));
    // "NCT04870177 gynae-ecological tumours ivonescimab II multicenter 270"
    assert_eq!(t3("t3-nct04870177").participants, Some(270));
    assert_eq!(t3("t3-nct05432492").participants, None); // printed "–"
                                                         // seed 001 Table 1: HARMONi-GI-01/AK112-309, durvalumab, biliary tract cancers
    let gi = t3("s1t1-harmoni-gi-01");
    assert_eq!(gi.source.document, "seed001");
    assert!(gi.regimen.contains("durvalumab"));
    assert_eq!(gi.tumour.as_deref(), Some("BTC"));
    assert_eq!(
        d.ongoing
            .iter()
            .filter(|o| o.source.document == "seed001")
            .count(),
        6
    );
    assert_eq!(
        t3("s1t1-nct06672575").registry_url().as_deref(),
        Some("https://clinicaltrials.gov/study/NCT06672575")
    );
}

#[test]
fn spot_check_advanced_solid_tumours_and_proc() {
    // "the 47 participants ... ORR was 25.5% and disease control rate (DCR) was 63.8%"
    let r = rec("nct04047290-solid");
    assert_eq!(
        (num(r, "n"), num(r, "orr"), num(r, "dcr")),
        (47.0, 25.5, 63.8)
    );
    // 25.5% of 47 = 11.985 -> 12 responders; 12/47 = 25.53%
    assert_eq!(round1(12.0 / 47.0 * 100.0), 25.5);
    // "higher ORR compared to the 10 mg/kg group (30.0% vs. 14.3%)"
    assert_eq!(num(rec("nct04047290-proc-20mgkg"), "orr"), 30.0);
    assert_eq!(num(rec("nct04047290-proc-10mgkg"), "orr"), 14.3);
    // PROC both ORRs kept: Table 2 26.3 first, text 29.4
    let orrs: Vec<f64> = rec("nct04047290-proc")
        .figures("orr")
        .iter()
        .filter_map(|f| f.number())
        .collect();
    assert_eq!(orrs, vec![26.3, 29.4]);
    assert!(rec("nct04047290-proc").has_alternatives("orr"));
    assert_eq!(num(rec("nct04047290-solid-3mgkg-plus"), "orr"), 23.5);
}

#[test]
fn spot_check_nsclc_phase_ib_and_phase_ii() {
    // "ORR stratified by TPS was 14.7% for TPS <1%, 51.4% for TPS ≥1%, and 57.1% for TPS ≥50%"
    assert_eq!(num(rec("nct04900363-tps-lt1"), "orr"), 14.7);
    assert_eq!(num(rec("nct04900363-tps-ge1"), "orr"), 51.4);
    assert_eq!(num(rec("nct04900363-tps-ge50"), "orr"), 57.1);
    // "75.0% at 30 mg/kg Q3W"
    assert_eq!(num(rec("nct04900363-1l-30mgkg-q3w"), "orr"), 75.0);
    // 66 of 96 PD-L1 positive = "(68.8%)"
    assert_eq!(round1(66.0 / 96.0 * 100.0), 68.8);
    // cohort 2: "8.5 months (95% CI, 5.5–not estimable [NE])", 12-month PFS 35.5%
    let c2 = rec("nct04736823-cohort2");
    let f = c2.figure("mpfs").expect("mpfs");
    assert_eq!(
        (f.number(), f.ci_low, f.ci_high),
        (
            Some(8.5),
            Some(Measure::Number(5.5)),
            Some(Measure::NotEstimable)
        )
    );
    assert_eq!(num(c2, "pfs12"), 35.5);
    // cohort 1: "m-PFS was not reached, with a 12-month PFS rate of 59.1%" (seed 001 says the same)
    let c1 = rec("nct04736823-cohort1");
    assert_eq!(
        c1.figure("mpfs").map(|f| f.value),
        Some(Measure::NotReached)
    );
    let pfs12 = c1.figure("pfs12").expect("pfs12");
    assert_eq!(pfs12.number(), Some(59.1));
    assert!(pfs12
        .also_printed
        .iter()
        .any(|c| c.source.document == "seed001" && c.source.refs == vec![7]));
    assert_eq!(num(rec("nct04736823-cohort3"), "pfs12"), 44.5);
    assert_eq!(num(rec("nct04736823-sq"), "mdor"), 15.4);
}

#[test]
fn spot_check_harmoni_a() {
    // seed 001: "7.1 months (95% CI, 5.9–8.7) ... versus 4.8 months (95% CI, 4.2–5.6) ...
    // (hazard ratio [HR], 0.46 [95% CI, 0.34–0.62]"
    let ivo = rec("harmonia-ivo");
    assert_eq!((num(ivo, "mpfs"), ci_num(ivo, "mpfs")), (7.1, (5.9, 8.7)));
    assert_eq!(
        ivo.figure("mpfs")
            .and_then(|f| f.source.as_ref())
            .map(|s| s.document.as_str()),
        Some("seed001")
    );
    assert_eq!((num(ivo, "hr"), ci_num(ivo, "hr")), (0.46, (0.34, 0.62)));
    assert!(ivo.figures("mpfs").iter().any(|f| f.number() == Some(7.06)));
    let pbo = rec("harmonia-placebo");
    assert_eq!((num(pbo, "mpfs"), ci_num(pbo, "mpfs")), (4.8, (4.2, 5.6)));
    // seed 001: "absolute difference of 2.3 months" = 7.1 - 4.8
    assert_eq!(
        round1(num(ivo, "mpfs") - num(pbo, "mpfs")),
        num(ivo, "mpfs_difference")
    );
    // seed 000: ORR "50.6% ... (vs 35.4% in the placebo group)"
    assert_eq!((num(ivo, "orr"), num(pbo, "orr")), (50.6, 35.4));
    // subgroups
    assert_eq!(
        (
            num(rec("harmonia-t790m"), "hr"),
            ci_num(rec("harmonia-t790m"), "hr")
        ),
        (0.22, (0.09, 0.54))
    );
    assert_eq!(
        (
            num(rec("harmonia-brain-mets"), "hr"),
            ci_num(rec("harmonia-brain-mets"), "hr")
        ),
        (0.40, (0.22, 0.73))
    );
    assert_eq!(num(rec("harmonia-egfr-19del"), "hr"), 0.48);
    assert_eq!(num(rec("harmonia-brain-mets"), "ic_orr"), 39.0);
    // "69 patients (21.4%) had died" of 322: 69/322 = 21.43%
    assert_eq!(round1(69.0 / 322.0 * 100.0), num(ivo, "deaths"));
    // the review's follow-up of the PFS analysis, superseded by the final OS analysis
    assert!(ivo
        .figures("follow_up")
        .iter()
        .any(|f| f.number() == Some(7.89) && f.superseded));
    assert_eq!(num(ivo, "follow_up"), 32.5);
}

#[test]
fn spot_check_harmoni_2() {
    // seed 001: "11.14 months ... (n=198) versus 5.82 months ... (n=200; stratified HR: 0.51;
    // 95% CI, 0.38–0.69" and "9-month PFS rates ... 56 and 40%"
    let ivo = rec("harmoni2-ivo");
    let pem = rec("harmoni2-pembrolizumab");
    assert_eq!((num(ivo, "hr"), ci_num(ivo, "hr")), (0.51, (0.38, 0.69)));
    assert_eq!((num(ivo, "n"), num(pem, "n")), (198.0, 200.0));
    assert_eq!((num(ivo, "mpfs"), num(pem, "mpfs")), (11.14, 5.82));
    assert_eq!((num(ivo, "pfs9"), num(pem, "pfs9")), (56.0, 40.0));
    // seed 000: "(11.1 vs. 5.8 months)", ORR 50 vs 39, DCR 90 vs 71, liver mets 7.1 vs 2.7
    assert!(ivo.figures("mpfs").iter().any(|f| f.number() == Some(11.1)));
    assert_eq!(
        (
            num(ivo, "orr"),
            num(pem, "orr"),
            num(ivo, "dcr"),
            num(pem, "dcr")
        ),
        (50.0, 39.0, 90.0, 71.0)
    );
    assert_eq!(num(rec("harmoni2-liver-mets-ivo"), "mpfs"), 7.1);
    assert_eq!(num(rec("harmoni2-liver-mets-pembrolizumab"), "mpfs"), 2.7);
    // 198 + 200 = 398, the text's total; Table 3's 388 kept as a second figure
    let totals: Vec<f64> = ivo
        .figures("n_total")
        .iter()
        .filter_map(|f| f.number())
        .collect();
    assert_eq!(totals, vec![198.0 + 200.0, 388.0]);
    assert_eq!(
        ivo.figure("mdor").map(|f| f.value),
        Some(Measure::NotReached)
    );
}

#[test]
fn spot_check_safety_section() {
    // "(24.2% vs 6.2% placebo)", "hypertension (5% vs 1%)", "proteinuria (3% vs 0%)",
    // "hemorrhage ... (1% vs 1%)", deaths "10.6%" vs "7.5% (12 cases)"
    let (i, p) = (rec("harmonia-ivo"), rec("harmonia-placebo"));
    for (key, a, b) in [
        ("irae", 24.2, 6.2),
        ("hypertension_g3", 5.0, 1.0),
        ("proteinuria_g3", 3.0, 0.0),
        ("haemorrhage_g3", 1.0, 1.0),
        ("teae_death", 10.6, 7.5),
    ] {
        assert_eq!((num(i, key), num(p, key)), (a, b), "{key}");
        let src = i
            .figure(key)
            .and_then(|f| f.source.as_ref())
            .expect("own source");
        assert_eq!(src.location, "The safety and tolerability of ivonescimab");
    }
    // 12 cases at 7.5%: 12 / 0.075 = 160 patients in the placebo arm
    assert_eq!(12.0 / 0.075, 160.0);
}

#[test]
fn spot_check_btc_hnscc_sclc_tnbc_mcrc() {
    // BTC: "ORR and DCR were 63.6% and 100%", "m-PFS and m-OS were 8.5m and 16.8m"; gallbladder 77.8%
    let b = rec("nct052114482-btc");
    assert_eq!(
        (num(b, "orr"), num(b, "dcr"), num(b, "mpfs"), num(b, "mos")),
        (63.6, 100.0, 8.5, 16.8)
    );
    assert_eq!(num(rec("nct052114482-gallbladder"), "orr"), 77.8);
    assert_eq!(round1(7.0 / 9.0 * 100.0), 77.8);
    assert_eq!(b.registry_url(), None);
    // HNSCC: CPS ≥ 20 (11 patients) ORR 72.7%, DCR 81.8% = 8/11 and 9/11
    let h = rec("hnscc-ivo-ligufalimab-cps-ge20");
    assert_eq!(
        (num(h, "n"), num(h, "orr"), num(h, "dcr")),
        (11.0, 72.7, 81.8)
    );
    assert_eq!(
        (round1(8.0 / 11.0 * 100.0), round1(9.0 / 11.0 * 100.0)),
        (72.7, 81.8)
    );
    assert_eq!(num(rec("hnscc-ivo-ligufalimab"), "pfs6"), 71.8);
    // SCLC: "90.9% for 10 mg/kg" (10/11), overall "ORR was 80%" of 35
    assert_eq!(num(rec("sclc-10mgkg"), "orr"), 90.9);
    assert_eq!(
        (num(rec("sclc-all"), "n"), num(rec("sclc-all"), "orr")),
        (35.0, 80.0)
    );
    // TNBC: "CPS of ≥10 had an ORR of 83.3% (5/6)"; overall "72.4% (21/29)"
    let t = rec("nct05227664-tnbc-cps-ge10");
    assert_eq!((num(t, "orr"), num(t, "n")), (83.3, 6.0));
    assert_eq!(round1(5.0 / 6.0 * 100.0), 83.3);
    // ESMO 2024, as the review prints it, superseded by the SABCS 2024 update (80%)
    let tnbc = rec("nct05227664-tnbc");
    assert!(tnbc
        .figures("orr")
        .iter()
        .any(|f| f.number() == Some(round1(21.0 / 29.0 * 100.0)) && f.superseded));
    assert_eq!(num(tnbc, "orr"), 80.0);
    assert_eq!(num(rec("nct05227664-tnbc-cps-lt10"), "orr"), 69.6);
    assert!(rec("nct05227664-tnbc")
        .figures("mpfs")
        .iter()
        .any(|f| f.value == Measure::NotMature));
    // mCRC: "81.4% (95% CI:52.1%-93.7%) for Group A and 86.2%(95% CI:55%-96.4%)for Group B"
    let a = rec("nct05382442-group-a");
    assert_eq!((num(a, "pfs9"), ci_num(a, "pfs9")), (81.4, (52.1, 93.7)));
    let gb = rec("nct05382442-group-b");
    assert_eq!((num(gb, "pfs9"), ci_num(gb, "pfs9")), (86.2, (55.0, 96.4)));
    assert_eq!((num(a, "n"), num(gb, "n")), (22.0, 18.0));
    assert_eq!(num(a, "orr"), 81.8);
}

// ------------------------------------------------------------------ version and links

#[test]
fn fnv1a64_matches_published_test_vectors() {
    assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    // the data version is the hash of the committed file, not of the minified copy
    let committed =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/trials.json")).unwrap_or_default();
    assert_eq!(DATA_HASH, fnv1a64(&committed));
    assert_ne!(DATA_HASH, fnv1a64(TRIALS_JSON.as_bytes()));
    let v = data_version();
    assert_eq!(v.len(), 16);
    assert!(v
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
}

#[test]
fn the_minified_copy_holds_the_same_data_as_the_committed_file() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/trials.json"))
            .unwrap_or_default();
    assert!(TRIALS_JSON.len() < committed.len());
    assert!(!TRIALS_JSON.contains("\n  "));
    assert_eq!(parse(TRIALS_JSON), parse(&committed));
    assert!(parse(TRIALS_JSON).is_ok());
}

#[test]
fn registry_links_only_for_well_formed_ids() {
    assert_eq!(
        registry_url("NCT05499390").as_deref(),
        Some("https://clinicaltrials.gov/study/NCT05499390")
    );
    assert_eq!(registry_url("NCT052114482"), None);
    assert_eq!(registry_url("NCT0549939"), None);
    assert_eq!(registry_url("nct05499390"), None);
    assert_eq!(registry_url("NCT0549939a"), None);
    assert_eq!(registry_url(""), None);
    assert_eq!(registry_url("NCT05499390/../x"), None);
}

// ------------------------------------------------------------------ search

#[test]
fn empty_query_returns_every_record_in_data_order() {
    let res = search(ds(), &Query::default());
    assert_eq!(res.count(), ds().records.len());
    assert_eq!(res.total, ds().records.len());
    assert_eq!(res.rows[0].id, ds().records[0].id);
}

#[test]
fn abbreviation_and_full_name_find_the_same_rows() {
    let d = ds();
    for (abbr, names) in [
        (
            "TNBC",
            &[
                "triple-negative",
                "triple-negative breast cancer",
                "Triple Negative Breast Cancer",
            ][..],
        ),
        ("BTC", &["biliary tract cancer", "Biliary"][..]),
        (
            "HNSCC",
            &["head and neck squamous cell carcinoma", "head and neck"][..],
        ),
        ("SCLC", &["small cell lung cancer"][..]),
        ("NSCLC", &["non-small cell lung cancer"][..]),
        ("mCRC", &["metastatic colorectal cancer", "colorectal"][..]),
        (
            "PROC",
            &["platinum-resistant ovarian cancer", "ovarian"][..],
        ),
    ] {
        let a = ids(&search(d, &q(abbr)).rows);
        assert!(!a.is_empty(), "{abbr}");
        assert_eq!(
            a,
            ids(&search(d, &q(&abbr.to_lowercase())).rows),
            "{abbr} case"
        );
        for name in names {
            assert_eq!(a, ids(&search(d, &q(name)).rows), "{abbr} vs {name}");
        }
    }
    // TNBC: ivonescimab study (3 records) and the PM8002 row
    assert_eq!(search(d, &q("TNBC")).count(), 4);
}

#[test]
fn sclc_does_not_match_nsclc_records() {
    let rows = search(ds(), &q("SCLC")).rows;
    let got = ids(&rows);
    assert!(got.contains(&"sclc-all".to_string()));
    assert!(got.contains(&"pm8002-sclc".to_string()));
    assert!(!got.contains(&"harmoni2-ivo".to_string()));
    // only SCLC records and the phase II row the text labels "(SCLC)"
    for r in rows {
        assert!(r.tumour == "SCLC" || r.id == "nct04736823-sq", "{}", r.id);
    }
    // "squamous" does not match "non-squamous"
    for r in search(ds(), &q("squamous")).rows {
        assert_ne!(r.id, "nct04736823-nonsq");
    }
}

#[test]
fn trial_name_and_registry_id_find_their_records() {
    let d = ds();
    let h2 = ids(&search(d, &q("HARMONi-2")).rows);
    let expected: Vec<String> = {
        let mut v: Vec<String> = d
            .records
            .iter()
            .filter(|r| r.trial == "HARMONi-2")
            .map(|r| r.id.clone())
            .collect();
        v.sort();
        v
    };
    assert_eq!(h2, expected);
    assert!(
        h2.contains(&"harmoni2-ivo".to_string())
            && h2.contains(&"harmoni2-pembrolizumab".to_string())
    );
    assert_eq!(ids(&search(d, &q("harmoni-2")).rows), h2);
    assert_eq!(ids(&search(d, &q("NCT05499390")).rows), h2);
    assert!(!ids(&search(d, &q("HARMONi-A")).rows).contains(&"harmoni2-ivo".to_string()));
    assert_eq!(
        ids(&search(d, &q("NCT05382442")).rows),
        vec!["nct05382442-group-a", "nct05382442-group-b"]
    );
    // the malformed id is still searchable as printed
    assert_eq!(search(d, &q("NCT052114482")).count(), 2);
    // digits alone
    assert_eq!(search(d, &q("05382442")).count(), 2);
}

#[test]
fn drug_regimen_and_biomarker_search() {
    let d = ds();
    // AK112 is ivonescimab
    assert_eq!(
        search(d, &q("AK112")).count(),
        search(d, &q("ivonescimab")).count()
    );
    let lig = search(d, &q("ligufalimab")).rows;
    // the five rows of the study "with or without ligufalimab" and mCRC group B
    assert_eq!(lig.len(), 6, "{:?}", ids(&lig));
    assert!(search(d, &q("docetaxel"))
        .rows
        .iter()
        .all(|r| r.id == "nct04736823-cohort3"));
    let t790 = search(d, &q("T790M")).rows;
    assert_eq!(ids(&t790), vec!["harmonia-t790m"]);
    // several words: all must match
    let both = search(d, &q("TNBC CPS")).rows;
    assert_eq!(ids(&both).len(), 3);
    assert!(search(d, &q("TNBC pembrolizumab")).is_empty());
}

#[test]
fn filters_combine_with_each_other_and_with_text() {
    let d = ds();
    let f = |drug: Option<&str>,
             tumour: Option<&str>,
             phase: Option<&str>,
             endpoint: Option<&str>,
             line: Option<&str>,
             text: &str| {
        search(
            d,
            &Query {
                text: text.into(),
                drug: drug.map(String::from),
                tumour: tumour.map(String::from),
                phase: phase.map(String::from),
                endpoint: endpoint.map(String::from),
                line: line.map(String::from),
                evidence: None,
            },
        )
    };
    assert_eq!(
        ids(&f(Some("PM8002"), Some("TNBC"), None, None, None, "").rows),
        vec!["pm8002-tnbc"]
    );
    assert_eq!(
        ids(&f(
            Some("pm8002"),
            Some("triple-negative breast cancer"),
            None,
            None,
            None,
            ""
        )
        .rows),
        vec!["pm8002-tnbc"]
    );
    // phase II includes Ib/II
    let ii = f(None, None, Some("II"), None, None, "").rows;
    assert!(ii.iter().any(|r| r.phase == "Ib/II") && ii.iter().any(|r| r.phase == "II"));
    assert!(ii.iter().all(|r| r.phase.split('/').any(|p| p == "II")));
    assert_eq!(
        ids(&f(None, None, Some("2"), None, None, "").rows),
        ids(&ii)
    );
    // phase III with an HR
    let hr3 = f(None, None, Some("III"), Some("hr"), None, "").rows;
    assert!(
        !hr3.is_empty()
            && hr3
                .iter()
                .all(|r| r.phase == "III" && r.figure("hr").is_some())
    );
    // HARMONi-A, HARMONi-2, HARMONi-6 and HARMONi rows and subgroups with a PFS hazard ratio
    assert_eq!(hr3.len(), 16);
    // endpoint + tumour + text
    assert_eq!(
        ids(&f(None, Some("mCRC"), None, Some("pfs9"), None, "ligufalimab").rows),
        vec!["nct05382442-group-b"]
    );
    // line
    let first = f(
        Some("ivonescimab"),
        Some("NSCLC"),
        None,
        None,
        Some("1L"),
        "",
    )
    .rows;
    assert!(first
        .iter()
        .all(|r| r.line.as_deref().is_some_and(|l| l.contains("1L"))));
    assert!(
        first.iter().any(|r| r.id == "harmoni2-ivo")
            && !first.iter().any(|r| r.id == "harmonia-ivo")
    );
    let second = f(None, None, None, None, Some("2L"), "").rows;
    assert!(
        second.iter().any(|r| r.id == "harmonia-ivo")
            && second.iter().any(|r| r.id == "nct04900363-all")
    );
    // a drug that is only a partner
    assert_eq!(f(Some("docetaxel"), None, None, None, None, "").count(), 1);
    // nothing matches: empty result, no error
    assert!(f(Some("HB0025"), Some("TNBC"), None, None, None, "").is_empty());
}

#[test]
fn unknown_filter_values_are_reported() {
    let d = ds();
    let query = Query {
        drug: Some("aspirin".into()),
        tumour: Some("XYZ".into()),
        phase: Some("IX".into()),
        endpoint: Some("qol".into()),
        line: Some("5L".into()),
        evidence: Some("blog".into()),
        ..Query::default()
    };
    let fields: Vec<Filter> = validate_query(d, &query).iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![
            Filter::Drug,
            Filter::Tumour,
            Filter::Phase,
            Filter::Endpoint,
            Filter::Line,
            Filter::Evidence
        ]
    );
    let ok = Query {
        drug: Some("AK112".into()),
        tumour: Some("triple-negative breast cancer".into()),
        phase: Some("Ib".into()),
        endpoint: Some("orr".into()),
        line: Some("1L".into()),
        evidence: Some("peer-reviewed".into()),
        ..Query::default()
    };
    assert!(validate_query(d, &ok).is_empty());
    assert!(search(d, &query).is_empty());
}

// ------------------------------------------------------------------ sort

#[test]
fn numeric_sort_puts_missing_last_in_both_directions() {
    let d = ds();
    let mut rows: Vec<&Record> = d.records.iter().collect();
    sort_records(
        &mut rows,
        &Column::Endpoint("orr".into()),
        Direction::Ascending,
    );
    // the value a cell shows (a disputed cell shows none and sorts after the numbers)
    let vals: Vec<Option<f64>> = rows.iter().map(|r| r.cell_number("orr")).collect();
    let first_missing = vals
        .iter()
        .position(Option::is_none)
        .expect("some without ORR");
    assert!(vals[first_missing..].iter().all(Option::is_none));
    let nums: Vec<f64> = vals.iter().flatten().copied().collect();
    assert!(nums.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(nums[0], 9.1); // HB0025
    sort_records(
        &mut rows,
        &Column::Endpoint("orr".into()),
        Direction::Descending,
    );
    let vals: Vec<Option<f64>> = rows.iter().map(|r| r.cell_number("orr")).collect();
    let nums: Vec<f64> = vals.iter().flatten().copied().collect();
    assert!(nums.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(nums[0], 90.9); // SCLC 10 mg/kg
    assert!(vals[nums.len()..].iter().all(Option::is_none));
    assert_eq!(
        nums.len(),
        d.records
            .iter()
            .filter(|r| r.cell_number("orr").is_some())
            .count()
    );
}

#[test]
fn states_sort_after_numbers_and_before_missing() {
    let d = ds();
    for dir in [Direction::Ascending, Direction::Descending] {
        let mut rows: Vec<&Record> = d.records.iter().collect();
        sort_records(&mut rows, &Column::Endpoint("mdor".into()), dir);
        let kinds: Vec<u8> = rows
            .iter()
            .map(|r| match r.cell("mdor") {
                Cell::One(f) if f.number().is_some() => 0,
                Cell::One(_) => 1,
                Cell::Disputed(_) => 2,
                Cell::Missing => 3,
            })
            .collect();
        assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "{dir:?}: {kinds:?}");
        assert!(kinds.contains(&1));
    }
}

#[test]
fn text_and_phase_sorts() {
    let d = ds();
    let mut rows: Vec<&Record> = d.records.iter().collect();
    // by the short name the table shows
    sort_records(&mut rows, &Column::Trial, Direction::Ascending);
    let names: Vec<String> = rows.iter().map(|r| r.name.to_lowercase()).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]));
    sort_records(&mut rows, &Column::RegistryId, Direction::Descending);
    let first_none = rows
        .iter()
        .position(|r| r.registry_id.is_none())
        .expect("some without id");
    assert!(rows[first_none..].iter().all(|r| r.registry_id.is_none()));
    assert_eq!(rows[0].registry_id.as_deref(), Some("NCT06396065"));
    sort_records(&mut rows, &Column::Phase, Direction::Ascending);
    assert_eq!(rows[0].phase, "I");
    assert_eq!(rows[rows.len() - 1].phase, "III");
    let col = Column::parse(d, "HR").expect("hr column");
    assert_eq!(col, Column::Endpoint("hr".into()));
    assert_eq!(Column::parse(d, "tumor"), Some(Column::Tumour));
    assert_eq!(Column::parse(d, "nonsense"), None);
    assert_eq!(Direction::parse("desc"), Some(Direction::Descending));
}

// ------------------------------------------------------------------ CSV

/// Minimal RFC 4180 reader for the tests.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {}
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                _ => field.push(c),
            }
        }
    }
    rows
}

#[test]
fn csv_export_of_a_filtered_list_round_trips() {
    let d = ds();
    let res = search(d, &q("HARMONi-A"));
    let text = to_csv(d, &res.rows, Lang::En);
    assert!(text.ends_with("\r\n"));
    let table = parse_csv(&text);
    assert_eq!(table.len(), res.count() + 1);
    let header = &table[0];
    assert!(table.iter().all(|r| r.len() == header.len()));
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    for k in CONTRACT_FIELDS {
        col(k);
    }
    let ivo = table
        .iter()
        .find(|r| r[col("id")] == "harmonia-ivo")
        .expect("harmonia-ivo row");
    assert_eq!(ivo[col("mpfs")], "7.1");
    assert_eq!(
        (
            ivo[col("hr")].as_str(),
            ivo[col("hr_ci_low")].as_str(),
            ivo[col("hr_ci_high")].as_str()
        ),
        ("0.46", "0.34", "0.62")
    );
    assert!(ivo[col("other_figures")].contains("mpfs=7.06"));
    assert!(ivo[col("notes")].contains("pemigatinib"));
    assert_eq!(
        ivo[col("registry_url")],
        "https://clinicaltrials.gov/study/NCT05184712"
    );
    assert_eq!(ivo[col("tumor_name")], "non-small cell lung cancer");
    // NE bound and NR value are written as printed
    let c2 = to_csv(
        d,
        &[rec("nct04736823-cohort2"), rec("nct04736823-cohort1")],
        Lang::En,
    );
    let t2 = parse_csv(&c2);
    assert_eq!(t2[1][col("mpfs_ci_high")], "NE");
    assert_eq!(t2[2][col("mpfs")], "NR");
    // whole table
    let all: Vec<&Record> = d.records.iter().collect();
    assert_eq!(
        parse_csv(&to_csv(d, &all, Lang::En)).len(),
        d.records.len() + 1
    );
}

// ------------------------------------------------------------------ robustness

proptest::proptest! {
    #[test]
    fn any_query_never_panics(text in ".{0,60}", drug in ".{0,12}", tumour in ".{0,12}", phase in ".{0,6}", endpoint in ".{0,8}", line in ".{0,5}") {
        let d = ds();
        let query = Query {
            text,
            drug: Some(drug),
            tumour: Some(tumour),
            phase: Some(phase),
            endpoint: Some(endpoint),
            line: Some(line),
            evidence: None,
        };
        let res = search(d, &query);
        proptest::prop_assert!(res.count() <= res.total);
        let _ = validate_query(d, &query);
        let _ = to_csv(d, &res.rows, Lang::En);
        let mut rows = res.rows;
        sort_records(&mut rows, &Column::Endpoint("mpfs".into()), Direction::Descending);
    }

    #[test]
    fn free_text_alone_never_panics(text in "\\PC{0,80}") {
        let res = search(ds(), &q(&text));
        proptest::prop_assert!(res.count() <= res.total);
    }
}

#[test]
fn dataset_serialises_back_to_the_same_records() {
    let d = ds();
    let text = serde_json::to_string(d).expect("serialise");
    assert!(text.contains("\"NR\"") && text.contains("\"NE\"") && text.contains("\"not mature\""));
    assert_eq!(&parse(&text).expect("re-parse"), d);
    assert!(parse("{").is_err());
}

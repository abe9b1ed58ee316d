//! CSV export of a list of trial records, written by [`crate::csv`] (RFC 4180, formulas
//! neutralised).

use super::model::{Dataset, Figure, Record};
use super::CONTRACT_FIELDS;
use crate::csv::Writer;

fn ci(f: &Figure) -> (String, String) {
    (
        f.ci_low.map(|m| m.to_string()).unwrap_or_default(),
        f.ci_high.map(|m| m.to_string()).unwrap_or_default(),
    )
}

fn describe(f: &Figure) -> String {
    let mut s = format!("{}={}", f.endpoint, f.value);
    if f.ci_low.is_some() || f.ci_high.is_some() {
        let (lo, hi) = ci(f);
        s.push_str(&format!(" ({lo}-{hi})"));
    }
    s.push(' ');
    s.push_str(f.unit.symbol());
    if let Some(l) = &f.label {
        s.push_str(&format!(" [{l}]"));
    }
    s
}

/// The rows as CSV, with a header line. For each CONTRACT field the first figure is given with
/// its 95% CI bounds; every further figure (other endpoints, and other values printed for the
/// same endpoint) is listed in `other_figures`; notes are joined in `notes`.
pub fn to_csv(ds: &Dataset, rows: &[&Record]) -> String {
    let mut header: Vec<String> = [
        "id",
        "trial",
        "registry_id",
        "registry_url",
        "drug",
        "drugs",
        "comparator",
        "phase",
        "tumor",
        "tumor_name",
        "subgroup",
        "biomarker",
        "line",
        "regimen",
        "follow_up_months",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for key in CONTRACT_FIELDS {
        header.push(key.to_string());
        if key != "n" {
            header.push(format!("{key}_ci_low"));
            header.push(format!("{key}_ci_high"));
        }
    }
    header.extend(["other_figures", "source", "notes"].map(String::from));

    let mut out = Writer::new();
    out.row(&header);
    for r in rows {
        let mut line: Vec<String> = vec![
            r.id.clone(),
            r.trial.clone(),
            r.registry_id.clone().unwrap_or_default(),
            r.registry_url().unwrap_or_default(),
            r.bispecific.clone(),
            r.drugs.join("; "),
            r.comparator.clone().unwrap_or_default(),
            r.phase.clone(),
            r.tumour.clone(),
            ds.tumour(&r.tumour)
                .map(|t| t.name.clone())
                .unwrap_or_default(),
            r.subgroup.clone().unwrap_or_default(),
            r.biomarker.clone().unwrap_or_default(),
            r.line.clone().unwrap_or_default(),
            r.regimen.clone(),
            r.follow_up
                .as_ref()
                .map(|f| f.value.to_string())
                .unwrap_or_default(),
        ];
        let mut shown: Vec<&Figure> = Vec::new();
        for key in CONTRACT_FIELDS {
            let f = r.figure(key);
            if let Some(f) = f {
                shown.push(f);
            }
            line.push(f.map(|f| f.value.to_string()).unwrap_or_default());
            if key != "n" {
                let (lo, hi) = f.map(ci).unwrap_or_default();
                line.push(lo);
                line.push(hi);
            }
        }
        let others: Vec<String> = r
            .endpoints
            .iter()
            .filter(|f| !shown.iter().any(|s| std::ptr::eq(*s, *f)))
            .map(describe)
            .collect();
        line.push(others.join("; "));
        line.push(r.source.to_string());
        let notes: Vec<String> = ds.notes_for(&r.id).iter().map(|n| n.text.clone()).collect();
        line.push(notes.join(" | "));
        out.row(&line);
    }
    out.finish()
}

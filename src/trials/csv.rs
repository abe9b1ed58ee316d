//! CSV export of a list of trial records, written by [`crate::csv`] (RFC 4180, formulas
//! neutralised). Documents are named as readers know them; the text is English.

use super::evidence::Cell;
use super::model::{Dataset, Figure, Record};
use super::search::Column;
use super::CONTRACT_FIELDS;
use crate::csv::Writer;
use crate::i18n::Lang;

fn ci(f: &Figure) -> (String, String) {
    (
        f.ci_low.map(|m| m.to_string()).unwrap_or_default(),
        f.ci_high.map(|m| m.to_string()).unwrap_or_default(),
    )
}

fn describe(ds: &Dataset, r: &Record, f: &Figure) -> String {
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
    if f.superseded {
        s.push_str(" [superseded]");
    }
    let src = f.source_or(&r.source);
    let date = ds
        .document(&src.document)
        .map(|d| d.date.to_string())
        .unwrap_or_default();
    s.push_str(&format!(" <{}; {date}>", ds.source_text(src, Lang::En)));
    s
}

/// The rows as CSV, with a header line. For each CONTRACT field the figure its cell shows is
/// given with its 95% CI bounds (a disputed cell lists its values separated by " | " and has no
/// bounds); every figure, with its source and date, is listed in `other_figures`; the row's
/// evidence kind and date, its source and notes follow.
pub fn to_csv(ds: &Dataset, rows: &[&Record]) -> String {
    // The columns a link can sort by are named as the link names them (`Column::code`).
    let drug = Column::Drug.code();
    let tumour = Column::Tumour.code();
    let mut header: Vec<String> = [
        "id",
        "trial",
        "registry_id",
        "registry_url",
        drug,
        &format!("{drug}s"),
        "name",
        "arm",
        "comparison",
        "role",
        "comparator",
        Column::Phase.code(),
        tumour,
        &format!("{tumour}_name"),
        "subgroup",
        "biomarker",
        Column::Line.code(),
        Column::Regimen.code(),
        "follow_up_months",
        "evidence",
        "as_of",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for key in CONTRACT_FIELDS {
        header.push(key.to_string());
        if key != crate::trials::PATIENTS {
            header.push(format!("{key}_ci_low"));
            header.push(format!("{key}_ci_high"));
        }
    }
    header.extend(["other_figures", "source", "notes"].map(String::from));

    let mut out = Writer::new();
    out.row(&header);
    for r in rows {
        let evidence = ds.evidence(r);
        let mut line: Vec<String> = vec![
            r.id.clone(),
            r.trial.clone(),
            r.registry_id.clone().unwrap_or_default(),
            r.registry_url().unwrap_or_default(),
            r.bispecific.clone(),
            r.drugs.join("; "),
            r.name.clone(),
            r.arm.clone(),
            r.comparison.clone().unwrap_or_default(),
            r.role
                .map(|role| format!("{role:?}").to_lowercase())
                .unwrap_or_default(),
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
            r.figure("follow_up")
                .map(|f| f.value.to_string())
                .unwrap_or_default(),
            evidence
                .map(|e| e.kind.code().to_string())
                .unwrap_or_default(),
            evidence.map(|e| e.date.to_string()).unwrap_or_default(),
        ];
        for key in CONTRACT_FIELDS {
            let (value, lo, hi) = match r.cell(key) {
                Cell::Missing => Default::default(),
                Cell::One(f) => {
                    let (lo, hi) = ci(f);
                    (f.value.to_string(), lo, hi)
                }
                Cell::Disputed(figs) => {
                    let values: Vec<String> = figs.iter().map(|f| f.value.to_string()).collect();
                    (values.join(" | "), String::new(), String::new())
                }
            };
            line.push(value);
            if key != crate::trials::PATIENTS {
                line.push(lo);
                line.push(hi);
            }
        }
        let others: Vec<String> = r.all_figures().map(|f| describe(ds, r, f)).collect();
        line.push(others.join("; "));
        line.push(ds.source_text(&r.source, Lang::En));
        let notes: Vec<String> = ds.notes_for(&r.id).iter().map(|n| n.text.clone()).collect();
        line.push(notes.join(" | "));
        out.row(&line);
    }
    out.finish()
}

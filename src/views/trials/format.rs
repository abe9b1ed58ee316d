//! Text of figures, intervals, sources and short labels for the trials view.

use crate::trials::{Dataset, Figure, Measure, NoteKind, Record, Unit};

/// A measure as the reader sees it: the number as printed, or NR, NE, "not mature".
pub fn measure_text(m: Measure) -> String {
    m.to_string()
}

/// "0.38–0.69", or `None` when no bound is printed.
pub fn ci_text(f: &Figure) -> Option<String> {
    if f.ci_low.is_none() && f.ci_high.is_none() {
        return None;
    }
    let b = |m: Option<Measure>| m.map(measure_text).unwrap_or_else(|| "?".into());
    Some(format!("{}–{}", b(f.ci_low), b(f.ci_high)))
}

/// The value with its unit: "50%", "11.14 months", "0.51", "198 patients", "NR".
pub fn value_with_unit(f: &Figure) -> String {
    let v = measure_text(f.value);
    match (f.value, f.unit) {
        (Measure::Number(_), Unit::Percent) => format!("{v}%"),
        (Measure::Number(_), Unit::Months) => format!("{v} months"),
        (Measure::Number(_), Unit::Patients) => format!("{v} patients"),
        _ => v,
    }
}

/// The value, unit and 95% CI in one line: "0.51 (95% CI 0.38–0.69)".
pub fn figure_line(f: &Figure) -> String {
    match ci_text(f) {
        Some(ci) => format!("{} (95% CI {ci})", value_with_unit(f)),
        None => value_with_unit(f),
    }
}

/// The `data-value` of a figure cell: the number at full precision, `None` for NR/NE/absent.
pub fn data_value(f: Option<&Figure>) -> Option<String> {
    f.and_then(Figure::number).map(|x| x.to_string())
}

pub fn note_kind_label(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Error => "Error in the source",
        NoteKind::Disagreement => "Sources disagree",
        NoteKind::Ambiguity => "Unclear in the source",
        NoteKind::Context => "Context",
        NoteKind::Outside => "Outside knowledge, to check",
    }
}

pub fn note_kind_code(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Error => "error",
        NoteKind::Disagreement => "disagreement",
        NoteKind::Ambiguity => "ambiguity",
        NoteKind::Context => "context",
        NoteKind::Outside => "outside",
    }
}

fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The trial's name, or its registry id when the sources describe an unnamed study at length.
pub fn short_trial(r: &Record) -> String {
    if r.trial.chars().count() <= 24 {
        r.trial.clone()
    } else if let Some(id) = &r.registry_id {
        id.clone()
    } else {
        truncate(&r.trial, 24)
    }
}

/// A label for charts: "HARMONi-2 · NSCLC · Intention-to-treat, ivonescimab arm".
pub fn short_label(r: &Record) -> String {
    let mut s = format!("{} · {}", short_trial(r), r.tumour);
    if let Some(sub) = &r.subgroup {
        s.push_str(" · ");
        s.push_str(&truncate(sub, 26));
    }
    s
}

/// A record's subgroup or, failing that, its regimen (for headings and labels).
pub fn cohort_name(r: &Record) -> String {
    r.subgroup.clone().unwrap_or_else(|| r.regimen.clone())
}

/// True when the figure cell deserves a marker: the sources print other values for this
/// endpoint, or a note names this endpoint.
pub fn figure_flagged(ds: &Dataset, r: &Record, key: &str) -> bool {
    r.has_alternatives(key)
        || ds
            .notes_for(&r.id)
            .iter()
            .any(|n| n.endpoints.iter().any(|e| e == key))
}

/// Names an item a note applies to: a record, a molecule or an ongoing trial.
pub fn item_label(ds: &Dataset, id: &str) -> String {
    if let Some(r) = ds.record(id) {
        return format!("{} ({})", short_trial(r), truncate(&cohort_name(r), 40));
    }
    if let Some(m) = ds.molecules.iter().find(|m| m.id == id) {
        return format!("{} (molecule, {})", m.name, m.source.location);
    }
    if let Some(o) = ds.ongoing.iter().find(|o| o.id == id) {
        let name = o
            .registry_id
            .clone()
            .or_else(|| o.trial_name.clone())
            .unwrap_or_else(|| o.indication.clone());
        return format!(
            "{name} (ongoing trial, {} {})",
            o.source.document.label(),
            o.source.location
        );
    }
    id.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trials::dataset;

    #[test]
    fn harmoni2_figures_read_as_printed() {
        let Ok(ds) = dataset() else {
            panic!("data file does not parse")
        };
        let Some(r) = ds.record("harmoni2-ivo") else {
            panic!("harmoni2-ivo missing")
        };
        let hr = r.figure("hr");
        assert_eq!(
            hr.map(figure_line).as_deref(),
            Some("0.51 (95% CI 0.38–0.69)")
        );
        assert_eq!(data_value(hr).as_deref(), Some("0.51"));
        // mDoR not reached: shown as NR, no data-value
        let mdor = r.figure("mdor");
        assert_eq!(mdor.map(value_with_unit).as_deref(), Some("NR"));
        assert_eq!(data_value(mdor), None);
        assert_eq!(
            r.figure("n").map(value_with_unit).as_deref(),
            Some("198 patients")
        );
        // 11.14 (seed 001) and 11.1 (seed 000): flagged
        assert!(figure_flagged(ds, r, "mpfs"));
        assert!(!figure_flagged(ds, r, "hr"));
        assert_eq!(short_trial(r), "HARMONi-2");
    }

    #[test]
    fn long_names_are_shortened() {
        let Ok(ds) = dataset() else {
            panic!("data file does not parse")
        };
        let Some(r) = ds.record("nct05227664-tnbc") else {
            panic!("tnbc record missing")
        };
        assert_eq!(short_trial(r), "NCT05227664");
        assert!(short_label(r).starts_with("NCT05227664 · TNBC"));
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}

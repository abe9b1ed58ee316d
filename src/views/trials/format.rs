//! Text of figures, intervals, dates, kinds and labels in the trials view, in the reader's
//! language. Numbers go through `crate::format`; states and units are translated.

use crate::format::{number, significant, Quantity};
use crate::i18n::{translated, Lang, Text};
use crate::tr;
use crate::trials::{
    Cell, Dataset, EvidenceKind, Figure, Measure, NoteKind, PubDate, Record, Unit,
};

/// A drug of the data (lower-case generic name or code) as the reader names it.
pub fn drug_name(drug: &str, lang: Lang) -> String {
    let text = match drug {
        "ivonescimab" => tr!("ivonescimab", "依沃西单抗"),
        "pembrolizumab" => tr!("pembrolizumab", "帕博利珠单抗"),
        "tislelizumab" => tr!("tislelizumab", "替雷利珠单抗"),
        "ligufalimab" => tr!("ligufalimab", "莱法利单抗"),
        "carboplatin" => tr!("carboplatin", "卡铂"),
        "cisplatin" => tr!("cisplatin", "顺铂"),
        "pemetrexed" => tr!("pemetrexed", "培美曲塞"),
        "paclitaxel" => tr!("paclitaxel", "紫杉醇"),
        "nab-paclitaxel" => tr!("nab-paclitaxel", "白蛋白结合型紫杉醇"),
        "docetaxel" => tr!("docetaxel", "多西他赛"),
        "gemcitabine" => tr!("gemcitabine", "吉西他滨"),
        "etoposide" => tr!("etoposide", "依托泊苷"),
        "placebo" => tr!("placebo", "安慰剂"),
        other => return other.to_string(),
    };
    text.get(lang).to_string()
}

/// A number of a unit as the reader sees it.
pub fn number_text(x: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => number(x, Quantity::Percent),
        Unit::Ratio => number(x, Quantity::HazardRatio),
        Unit::Patients => number(x, Quantity::Count),
        Unit::Months | Unit::Days | Unit::PValue | Unit::Times | Unit::Nanomolar => {
            significant(x, 4)
        }
    }
}

/// A measure as the reader sees it: the number, a bound, a range, or NR, NE, "not mature".
pub fn measure_text(m: Measure, unit: Unit, lang: Lang) -> String {
    match m {
        Measure::Number(x) => number_text(x, unit),
        Measure::Below(x) => format!("<{}", number_text(x, unit)),
        Measure::Above(x) => format!(">{}", number_text(x, unit)),
        Measure::Range(a, b) => format!("{}–{}", number_text(a, unit), number_text(b, unit)),
        Measure::NotReached => tr!("NR", "未达到").get(lang).to_string(),
        Measure::NotEstimable => tr!("NE", "不可估计").get(lang).to_string(),
        Measure::NotMature => tr!("not mature", "尚未成熟").get(lang).to_string(),
    }
}

/// "0.38–0.69", or `None` when no bound is printed.
pub fn ci_text(f: &Figure, lang: Lang) -> Option<String> {
    if f.ci_low.is_none() && f.ci_high.is_none() {
        return None;
    }
    let b = |m: Option<Measure>| {
        m.map(|m| measure_text(m, f.unit, lang))
            .unwrap_or_else(|| "?".into())
    };
    Some(format!("{}–{}", b(f.ci_low), b(f.ci_high)))
}

fn unit_word(unit: Unit) -> Option<Text> {
    match unit {
        Unit::Months => Some(tr!("months", "个月")),
        Unit::Days => Some(tr!("days", "天")),
        Unit::Patients => Some(tr!("patients", "例")),
        Unit::Times => Some(tr!("times", "倍")),
        Unit::Nanomolar => Some(tr!("nM", "nM")),
        Unit::Percent | Unit::Ratio | Unit::PValue => None,
    }
}

/// The value with its unit: "50%", "11.14 months", "0.51", "198 patients", "NR", "p 0.019".
pub fn value_with_unit(f: &Figure, lang: Lang) -> String {
    let v = measure_text(f.value, f.unit, lang);
    let numeric = !matches!(
        f.value,
        Measure::NotReached | Measure::NotEstimable | Measure::NotMature
    );
    if !numeric {
        return v;
    }
    match (f.unit, unit_word(f.unit)) {
        (Unit::Percent, _) => format!("{v}%"),
        (Unit::PValue, _) => format!("p {v}"),
        (_, Some(w)) if lang == Lang::ZhCn && !w.get(lang).is_ascii() => {
            format!("{v} {}", w.get(lang))
        }
        (_, Some(w)) => format!("{v} {}", w.get(lang)),
        (_, None) => v,
    }
}

/// The value, unit and 95% CI in one line: "0.51 (95% CI 0.38–0.69)".
pub fn figure_line(f: &Figure, lang: Lang) -> String {
    match ci_text(f, lang) {
        Some(ci) => tr!("{value} (95% CI {ci})", "{value}（95%置信区间 {ci}）")
            .fill(lang, &[("value", &value_with_unit(f, lang)), ("ci", &ci)]),
        None => value_with_unit(f, lang),
    }
}

/// The `data-value` of a cell: the number a single figure shows, at full precision.
pub fn data_value(cell: &Cell) -> Option<String> {
    cell.number().map(|x| x.to_string())
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "8 Mar 2025" / "Mar 2025"; "2025年3月8日" / "2025年3月".
pub fn date_text(d: PubDate, lang: Lang) -> String {
    let month = usize::from(d.month.clamp(1, 12)) - 1;
    match (lang, d.has_day()) {
        (Lang::En, true) => format!("{} {} {}", d.day, MONTHS[month], d.year),
        (Lang::En, false) => format!("{} {}", MONTHS[month], d.year),
        (Lang::ZhCn, true) => format!("{}年{}月{}日", d.year, d.month, d.day),
        (Lang::ZhCn, false) => format!("{}年{}月", d.year, d.month),
    }
}

/// A document's date, marked where it is the earliest the document can be.
pub fn document_date_text(ds: &Dataset, id: &str, lang: Lang) -> String {
    match ds.document(id) {
        Some(d) if d.date_is_earliest => {
            tr!("{date} or later", "{date}或之后").fill(lang, &[("date", &date_text(d.date, lang))])
        }
        Some(d) => date_text(d.date, lang),
        None => String::new(),
    }
}

pub fn kind_label(kind: EvidenceKind) -> Text {
    match kind {
        EvidenceKind::PeerReviewed => tr!("Peer-reviewed", "同行评审"),
        EvidenceKind::Congress => tr!("Congress", "学术会议"),
        EvidenceKind::Company => tr!("Company", "公司公告"),
        EvidenceKind::Review => tr!("Review", "综述"),
    }
}

pub fn note_kind_label(kind: NoteKind) -> Text {
    match kind {
        NoteKind::Error => tr!("Error in the source", "文献错误"),
        NoteKind::Disagreement => tr!("Sources disagree", "来源不一致"),
        NoteKind::Ambiguity => tr!("Unclear in the source", "文献表述不清"),
        NoteKind::Context => tr!("Context", "背景"),
        NoteKind::Outside => tr!("Outside knowledge, to check", "外部知识，待核对"),
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

pub fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The short name a reader looks for: "HARMONi-2".
pub fn short_trial(r: &Record, lang: Lang) -> String {
    translated(&r.name, lang).to_string()
}

/// "HARMONi-2 · NCT05499390".
pub fn trial_heading(r: &Record, lang: Lang) -> String {
    match &r.registry_id {
        Some(id) => format!("{} · {id}", short_trial(r, lang)),
        None => short_trial(r, lang),
    }
}

/// A label for charts: "HARMONi-2 · NSCLC · Ivonescimab".
pub fn short_label(r: &Record, lang: Lang) -> String {
    let mut s = format!("{} · {}", short_trial(r, lang), r.tumour);
    if let Some(sub) = &r.subgroup {
        s.push_str(" · ");
        s.push_str(&truncate(translated(sub, lang), 26));
    }
    s.push_str(" · ");
    s.push_str(&truncate(translated(&r.arm, lang), 26));
    s
}

/// A record's arm and, where set, its population: "Ivonescimab, Intention-to-treat".
pub fn cohort_name(r: &Record, lang: Lang) -> String {
    match &r.subgroup {
        Some(sub) => format!("{}, {}", translated(&r.arm, lang), translated(sub, lang)),
        None => translated(&r.arm, lang).to_string(),
    }
}

/// The phase as readers write it: "phase III" / "III 期".
pub fn phase_text(phase: &str, lang: Lang) -> String {
    tr!("phase {level}", "{level} 期").fill(lang, &[("level", phase)])
}

/// A line of therapy as readers write it: the codes (1L, 2L+, 1L/2L) in English, the words
/// in Chinese ("一线"); "refractory" in each language.
pub fn line_text(line: &str, lang: Lang) -> String {
    let text = match line {
        "1L" => tr!("1L", "一线"),
        "2L+" => tr!("2L+", "二线及以后"),
        "1L/2L" => tr!("1L/2L", "一线或二线"),
        "refractory" => tr!("refractory", "难治"),
        other => return other.to_string(),
    };
    text.get(lang).to_string()
}

/// True when the figure cell deserves a marker: its figures disagree, or a note names this
/// endpoint of the record.
pub fn figure_flagged(ds: &Dataset, r: &Record, key: &str) -> bool {
    matches!(r.cell(key), Cell::Disputed(_))
        || ds
            .notes_for(&r.id)
            .iter()
            .any(|n| n.endpoints.iter().any(|e| e == key))
}

/// Names an item a note applies to: a record, a molecule or an ongoing trial.
pub fn item_label(ds: &Dataset, id: &str, lang: Lang) -> String {
    if let Some(r) = ds.record(id) {
        return format!(
            "{} ({})",
            short_trial(r, lang),
            truncate(&cohort_name(r, lang), 48)
        );
    }
    if let Some(m) = ds.molecules.iter().find(|m| m.id == id) {
        return tr!("{name} (molecule)", "{name}（分子）")
            .fill(lang, &[("name", translated(&m.name, lang))]);
    }
    if let Some(o) = ds.ongoing.iter().find(|o| o.id == id) {
        let name = o
            .registry_id
            .as_deref()
            .or(o.trial_name.as_deref())
            .unwrap_or(&o.indication);
        let name = translated(name, lang);
        return tr!(
            "{name} (ongoing trial, {source})",
            "{name}（进行中试验，{source}）"
        )
        .fill(
            lang,
            &[("name", name), ("source", &ds.source_text(&o.source, lang))],
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
            hr.map(|f| figure_line(f, Lang::En)).as_deref(),
            Some("0.51 (95% CI 0.38–0.69)")
        );
        assert_eq!(data_value(&r.cell("hr")).as_deref(), Some("0.51"));
        // mDoR not reached: shown as NR, no data-value
        let mdor = r.figure("mdor");
        assert_eq!(
            mdor.map(|f| value_with_unit(f, Lang::En)).as_deref(),
            Some("NR")
        );
        assert_eq!(data_value(&r.cell("mdor")), None);
        assert_eq!(
            r.figure("n")
                .map(|f| value_with_unit(f, Lang::En))
                .as_deref(),
            Some("198 patients")
        );
        // 11.14 (Vallathol et al. 2025) and 11.1 (the review): a note names it
        assert!(figure_flagged(ds, r, "mpfs"));
        assert!(!figure_flagged(ds, r, "hr"));
        assert_eq!(trial_heading(r, Lang::En), "HARMONi-2 · NCT05499390");
    }

    #[test]
    fn numbers_states_and_dates_read_as_a_reader_expects() {
        assert_eq!(number_text(0.777, Unit::Ratio), "0.777");
        assert_eq!(number_text(66.6, Unit::Percent), "66.6");
        assert_eq!(number_text(0.0001, Unit::PValue), "0.0001");
        assert_eq!(number_text(0.00001, Unit::PValue), "0.00001");
        assert_eq!(
            measure_text(Measure::Below(1.0), Unit::Percent, Lang::En),
            "<1"
        );
        assert_eq!(
            measure_text(Measure::Range(80.0, 95.0), Unit::Percent, Lang::En),
            "80–95"
        );
        let d = PubDate::parse("2025-03-08").unwrap_or_else(|| panic!("date"));
        assert_eq!(date_text(d, Lang::En), "8 Mar 2025");
        assert_eq!(date_text(d, Lang::ZhCn), "2025年3月8日");
        let m = PubDate::parse("2025-04").unwrap_or_else(|| panic!("date"));
        assert_eq!(date_text(m, Lang::En), "Apr 2025");
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}

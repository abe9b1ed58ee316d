//! CSV export of a list of trial records, written by [`crate::csv`] (RFC 4180, formulas
//! neutralised). Documents are named as readers know them. The header row and the words of
//! the cells (names, arms, populations, sources, notes) follow the page's language; the
//! columns, their order, the codes, dates and numbers are the same in every language.

use super::evidence::Cell;
use super::model::{Dataset, Figure, Record};
use super::search::Column;
use super::{CONTRACT_FIELDS, PATIENTS};
use crate::csv::Writer;
use crate::i18n::{translated, Lang, Text};
use crate::tr;

fn ci(f: &Figure) -> (String, String) {
    (
        f.ci_low.map(|m| m.to_string()).unwrap_or_default(),
        f.ci_high.map(|m| m.to_string()).unwrap_or_default(),
    )
}

fn describe(ds: &Dataset, r: &Record, f: &Figure, lang: Lang) -> String {
    let mut s = format!("{}={}", f.endpoint, f.value);
    if f.ci_low.is_some() || f.ci_high.is_some() {
        let (lo, hi) = ci(f);
        s.push_str(&format!(" ({lo}-{hi})"));
    }
    s.push(' ');
    s.push_str(f.unit.symbol());
    if let Some(l) = &f.label {
        s.push_str(&format!(" [{}]", translated(l, lang)));
    }
    if f.superseded {
        s.push_str(&format!(" [{}]", tr!("superseded", "已被取代").get(lang)));
    }
    let src = f.source_or(&r.source);
    let date = ds
        .document(&src.document)
        .map(|d| d.date.to_string())
        .unwrap_or_default();
    s.push_str(&format!(" <{}; {date}>", ds.source_text(src, lang)));
    s
}

/// The words naming a figure column in a Chinese header: the value's (with its unit) and the
/// figure's alone (for its CI bounds).
fn figure_words(key: &str) -> (Text, Text) {
    match key {
        // The number of patients has no CI.
        PATIENTS => (
            tr!("Patients (n)", "患者数（n）"),
            tr!("Patients (n)", "患者数（n）"),
        ),
        "orr" => (tr!("ORR, %", "ORR（%）"), tr!("ORR", "ORR")),
        "dcr" => (tr!("DCR, %", "DCR（%）"), tr!("DCR", "DCR")),
        "mpfs" => (
            tr!("Median PFS, months", "中位 PFS（月）"),
            tr!("Median PFS", "中位 PFS"),
        ),
        "mos" => (
            tr!("Median OS, months", "中位 OS（月）"),
            tr!("Median OS", "中位 OS"),
        ),
        "mdor" => (
            tr!("Median DoR, months", "中位 DoR（月）"),
            tr!("Median DoR", "中位 DoR"),
        ),
        "hr" => (
            tr!("Hazard ratio, PFS", "PFS 风险比"),
            tr!("Hazard ratio, PFS", "PFS 风险比"),
        ),
        "hros" => (
            tr!("Hazard ratio, OS", "OS 风险比"),
            tr!("Hazard ratio, OS", "OS 风险比"),
        ),
        "ae" => (
            tr!("Adverse events, any grade, %", "不良事件（任何级别，%）"),
            tr!("Adverse events, any grade", "不良事件（任何级别）"),
        ),
        _ => (
            tr!("Adverse events, grade ≥3, %", "≥3级不良事件（%）"),
            tr!("Adverse events, grade ≥3", "≥3级不良事件"),
        ),
    }
}

/// The header row. In English, the names the file has always had (the columns a link can sort
/// by named as the link names them, `Column::code`), which scripts read; in Chinese, words.
fn header(lang: Lang) -> Vec<String> {
    let drug = Column::Drug.code();
    let tumour = Column::Tumour.code();
    let named = |name: &str, words: Text| match lang {
        Lang::En => name.to_string(),
        Lang::ZhCn => words.get(lang).to_string(),
    };
    let mut out = vec![
        named("id", tr!("Row id", "行编号")),
        named(Column::Trial.code(), tr!("Trial", "试验")),
        named("registry_id", tr!("Registry id", "注册号")),
        named(
            "registry_url",
            tr!("Registry record address", "注册记录网址"),
        ),
        named(drug, tr!("Bispecific antibody", "双特异性抗体")),
        named(
            &format!("{drug}s"),
            tr!("Drugs of the regimen", "方案中的药物"),
        ),
        named("name", tr!("Study", "研究")),
        named("arm", tr!("Arm or cohort", "组别或队列")),
        named("comparison", tr!("Comparison id", "比较编号")),
        named("role", tr!("Role in the comparison", "在比较中的角色")),
        named("comparator", tr!("Comparator", "对照")),
        named(Column::Phase.code(), tr!("Phase", "分期")),
        named(tumour, tr!("Tumour", "肿瘤")),
        named(&format!("{tumour}_name"), tr!("Tumour name", "肿瘤名称")),
        named("subgroup", tr!("Subgroup", "亚组")),
        named("biomarker", tr!("Biomarker", "生物标志物")),
        named(Column::Line.code(), tr!("Line", "治疗线")),
        named(Column::Regimen.code(), tr!("Regimen", "方案")),
        named(
            "follow_up_months",
            tr!("Median follow-up, months", "中位随访时间（月）"),
        ),
        named(
            "evidence",
            tr!("Kind of the newest source", "最新来源的类型"),
        ),
        named("as_of", tr!("Date of the newest source", "最新来源的日期")),
    ];
    for key in CONTRACT_FIELDS {
        let (value, figure) = figure_words(key);
        out.push(named(key, value));
        if key != PATIENTS {
            let bound = |suffix: &str, words: Text| match lang {
                Lang::En => format!("{key}_{suffix}"),
                Lang::ZhCn => words.fill(lang, &[("figure", figure.get(lang))]),
            };
            out.push(bound(
                "ci_low",
                tr!(
                    "{figure}: lower bound of the 95% CI",
                    "{figure}：95%置信区间下限"
                ),
            ));
            out.push(bound(
                "ci_high",
                tr!(
                    "{figure}: upper bound of the 95% CI",
                    "{figure}：95%置信区间上限"
                ),
            ));
        }
    }
    out.extend([
        named(
            "other_figures",
            tr!("Every figure, with its source", "全部数据及其来源"),
        ),
        named("source", tr!("Source of the row", "本行来源")),
        named("notes", tr!("Notes on the sources", "关于来源的注释")),
    ]);
    out
}

/// The rows as CSV, with a header line, in `lang` (see the module). For each CONTRACT field
/// the figure its cell shows is given with its 95% CI bounds (a disputed cell lists its values
/// separated by " | " and has no bounds); every figure, with its source and date, is listed in
/// `other_figures`; the row's evidence kind and date, its source and notes follow.
pub fn to_csv(ds: &Dataset, rows: &[&Record], lang: Lang) -> String {
    let words = |text: &str| translated(text, lang).to_string();
    let mut out = Writer::new();
    out.row(header(lang));
    for r in rows {
        let evidence = ds.evidence(r);
        let mut line: Vec<String> = vec![
            r.id.clone(),
            words(&r.trial),
            r.registry_id.clone().unwrap_or_default(),
            r.registry_url().unwrap_or_default(),
            r.bispecific.clone(),
            r.drugs.join("; "),
            words(&r.name),
            words(&r.arm),
            r.comparison.clone().unwrap_or_default(),
            r.role
                .map(|role| format!("{role:?}").to_lowercase())
                .unwrap_or_default(),
            r.comparator.as_deref().map(words).unwrap_or_default(),
            r.phase.clone(),
            r.tumour.clone(),
            ds.tumour(&r.tumour)
                .map(|t| words(&t.name))
                .unwrap_or_default(),
            r.subgroup.as_deref().map(words).unwrap_or_default(),
            r.biomarker.as_deref().map(words).unwrap_or_default(),
            r.line.clone().unwrap_or_default(),
            words(&r.regimen),
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
            if key != PATIENTS {
                line.push(lo);
                line.push(hi);
            }
        }
        let others: Vec<String> = r.all_figures().map(|f| describe(ds, r, f, lang)).collect();
        line.push(others.join("; "));
        line.push(ds.source_text(&r.source, lang));
        let notes: Vec<String> = ds.notes_for(&r.id).iter().map(|n| words(&n.text)).collect();
        line.push(notes.join(" | "));
        out.row(&line);
    }
    out.finish()
}

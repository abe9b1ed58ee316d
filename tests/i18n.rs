//! Both languages of every text: each `tr!("English", "中文")` of the sources and each
//! `<field>_zh` of the data files (the pairs `build.rs` collected, `$OUT_DIR/i18n_pairs.rs`)
//! has its Chinese, with the same places; the pack the build wrote holds each one; English
//! texts hold no Chinese but names that are Chinese by nature; the drug, tumour and trial terms
//! are written as the glossary (data/glossary-zh.json) writes them.

use std::collections::HashMap;

use ivocalc::i18n::{key, places, Pack, ZH_PACK_FILE};

/// (English, Chinese, where it is written), as build.rs found them.
const PAIRS: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/i18n_pairs.rs"));

/// Chinese words allowed in English texts: names that are Chinese by nature.
const CHINESE_IN_ENGLISH: &[(&str, &str)] = &[
    (
        "依达方",
        "the brand name of ivonescimab in China, as its label prints it",
    ),
    (
        "一度医药",
        "a Chinese medical news site that reported a trials document, named as it names itself",
    ),
];

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'   // radicals
        | '\u{3000}'..='\u{303F}' // CJK punctuation (、。「」)
        | '\u{3040}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}' // extension A
        | '\u{4E00}'..='\u{9FFF}' // unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}' // full-width forms (，：（）)
        | '\u{20000}'..='\u{2FA1F}')
}

fn sorted_places(text: &str) -> Vec<&str> {
    let mut p = places(text);
    p.sort_unstable();
    p
}

#[test]
fn the_build_found_the_texts_of_the_sources_and_of_the_data() {
    assert!(PAIRS.len() > 500, "{} pairs", PAIRS.len());
    for origin in [
        "src/app.rs",
        "src/views/",
        "src/widgets/",
        "src/messages.rs",
        "data/documents.json",
        "data/regimens.json",
        "data/kidney.json",
        "data/pk_defaults.json",
    ] {
        assert!(
            PAIRS.iter().any(|(_, _, o)| o.starts_with(origin)),
            "no text from {origin}"
        );
    }
}

#[test]
fn every_text_has_its_chinese() {
    let missing: Vec<String> = PAIRS
        .iter()
        .filter(|(_, zh, _)| zh.trim().is_empty())
        .map(|(en, _, origin)| format!("{origin}: {en:?}"))
        .collect();
    assert!(
        missing.is_empty(),
        "texts without a Chinese translation:\n{}",
        missing.join("\n")
    );
}

#[test]
fn both_languages_hold_the_same_places() {
    let differ: Vec<String> = PAIRS
        .iter()
        .filter(|(en, zh, _)| sorted_places(en) != sorted_places(zh))
        .map(|(en, zh, origin)| format!("{origin}: {en:?} / {zh:?}"))
        .collect();
    assert!(
        differ.is_empty(),
        "the places {{name}} differ between the languages:\n{}",
        differ.join("\n")
    );
}

#[test]
fn one_english_text_has_one_chinese_text() {
    let mut seen: HashMap<&str, (&str, &str)> = HashMap::new();
    let mut differ = Vec::new();
    for (en, zh, origin) in PAIRS {
        match seen.get(en) {
            Some((other_zh, other_origin)) if other_zh != zh => differ.push(format!(
                "{en:?}: {other_zh:?} ({other_origin}) and {zh:?} ({origin})"
            )),
            Some(_) => {}
            None => {
                seen.insert(en, (zh, origin));
            }
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn the_pack_holds_every_text() {
    let path = format!("{}/{}", env!("OUT_DIR"), ZH_PACK_FILE);
    let file = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let pack = Pack::parse(&file);
    let mut missing = Vec::new();
    for (en, zh, origin) in PAIRS {
        match pack.get(&key(en)) {
            Some(text) if text == zh => {}
            Some(text) => missing.push(format!(
                "{origin}: {en:?} is {text:?} in the pack, not {zh:?}"
            )),
            None => missing.push(format!("{origin}: {en:?} is not in the pack")),
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    // One line per text, nothing else: English readers never load it, Chinese ones load
    // exactly what the app shows.
    assert_eq!(file.lines().count(), pack.len());
    let distinct: std::collections::HashSet<&str> = PAIRS.iter().map(|(en, _, _)| *en).collect();
    assert_eq!(pack.len(), distinct.len());
    assert!(ZH_PACK_FILE.starts_with("assets/zh-CN.") && ZH_PACK_FILE.ends_with(".txt"));
}

#[test]
fn english_texts_hold_no_chinese_but_chinese_names() {
    let mut found = Vec::new();
    for (en, _, origin) in PAIRS {
        // The title of a page as the page prints it (a source's own words) may be Chinese.
        if origin.contains("/pages/") && origin.ends_with("/title") {
            continue;
        }
        // Words quoted as a source prints them ('...') stay in the source's language.
        let mut text: String = en
            .split('\'')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, part)| part)
            .collect();
        for (name, _) in CHINESE_IN_ENGLISH {
            text = text.replace(name, "");
        }
        if text.chars().any(is_cjk) {
            found.push(format!("{origin}: {en:?}"));
        }
    }
    assert!(
        found.is_empty(),
        "Chinese in English texts (a name Chinese by nature goes on CHINESE_IN_ENGLISH):\n{}",
        found.join("\n")
    );
}

#[test]
fn chinese_texts_are_chinese() {
    // A Chinese text without a Chinese character is the English copied, unless the text is
    // the same in both languages: units, symbols, names.
    const SAME_IN_BOTH: &[&str] = &[
        "BMI",
        "mg",
        "mL",
        "kg",
        "lb",
        "cm",
        "in",
        "mg/kg",
        "mg/m²",
        "mg/mL",
        "m²",
        "kg/m²",
        "mL/min",
        "mg/dL",
        "µmol/L",
        "mg/mL·min",
        "%",
        "µg/mL",
        "L",
        "kDa",
        "ms",
        "0.8 mg/dL",
        "1.0 mg/dL",
        "Du Bois",
        "25-75 %",
    ];
    let copied: Vec<String> = PAIRS
        .iter()
        .filter(|(en, zh, _)| {
            !zh.chars().any(is_cjk) && !SAME_IN_BOTH.contains(en) && !is_name_or_abbreviation(en)
        })
        .map(|(en, zh, origin)| format!("{origin}: {en:?} / {zh:?}"))
        .collect();
    assert!(copied.is_empty(), "{}", copied.join("\n"));
}

/// A text written the same in both languages: abbreviations (ORR, PD-L1 TPS ≥50%, mPFS, nM),
/// names (HARMONi-2, Fierce Pharma) and ids. No word of three or more letters begins with a
/// lower-case letter, unless it is a short unit or abbreviation with capitals in it (mPFS).
fn is_name_or_abbreviation(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .all(|w| {
            let first = w.chars().next().unwrap_or('a');
            first.is_uppercase()
                || first.is_ascii_digit()
                || w.chars().count() <= 2
                || w.chars().any(char::is_uppercase)
        })
}

// The glossary.

#[derive(serde::Deserialize)]
struct Glossary {
    terms: Vec<Term>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    en: String,
    zh: String,
    kind: String,
    #[serde(default)]
    abbreviation: Option<String>,
    #[serde(default)]
    variants: Vec<String>,
    source: Option<String>,
    note: Option<String>,
    #[serde(default = "yes")]
    check: bool,
}

fn yes() -> bool {
    true
}

fn glossary() -> Vec<Term> {
    let text = include_str!("../data/glossary-zh.json");
    serde_json::from_str::<Glossary>(text)
        .unwrap_or_else(|e| panic!("data/glossary-zh.json: {e}"))
        .terms
}

fn no_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_glossary_is_well_formed() {
    let terms = glossary();
    assert!(terms.len() >= 100);
    let mut seen = std::collections::HashSet::new();
    for t in &terms {
        assert!(seen.insert(t.en.to_lowercase()), "{} twice", t.en);
        assert!(
            ["drug", "tumour", "trial", "dosing", "pk"].contains(&t.kind.as_str()),
            "{}: kind {}",
            t.en,
            t.kind
        );
        assert!(!t.zh.trim().is_empty(), "{}", t.en);
        if let Some(url) = &t.source {
            assert!(
                url.starts_with("http://") || url.starts_with("https://"),
                "{}",
                t.en
            );
        } else {
            // Our own translation says why.
            assert!(t.note.as_deref().is_some_and(|n| n.len() > 10), "{}", t.en);
        }
        assert!(t.abbreviation.as_deref().is_none_or(|a| !a.is_empty()));
    }
}

#[test]
fn every_drug_label_is_written_as_the_glossary_writes_it() {
    let terms = glossary();
    let chinese_of = |en: &str| {
        PAIRS
            .iter()
            .find(|(e, _, _)| *e == en)
            .map(|(_, zh, _)| *zh)
    };
    let mut drugs: Vec<String> = vec!["ivonescimab".into()];
    for r in ivocalc::dosing::regimens::regimens() {
        drugs.extend(r.partners.iter().map(|p| p.drug.to_string()));
    }
    drugs.sort();
    drugs.dedup();
    for drug in &drugs {
        let term = terms
            .iter()
            .find(|t| t.kind == "drug" && t.en == *drug)
            .unwrap_or_else(|| panic!("{drug} is not in data/glossary-zh.json"));
        let label =
            ivocalc::dosing::drugs::label(drug).unwrap_or_else(|| panic!("{drug} has no label"));
        assert_eq!(chinese_of(label.en), Some(term.zh.as_str()), "{drug}");
    }
    // Every drug with a label is in the glossary with the same Chinese.
    for term in terms.iter().filter(|t| t.kind == "drug") {
        if let Some(label) = ivocalc::dosing::drugs::label(&term.en) {
            assert_eq!(chinese_of(label.en), Some(term.zh.as_str()), "{}", term.en);
        }
    }
}

/// Whether `text` names `term` as a word (case aside; `non-small cell` is not `small cell`).
fn names(text: &str, term: &str) -> bool {
    let lower = text.to_lowercase();
    let term = term.to_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(&term) {
        let start = from + at;
        let end = start + term.len();
        let before = lower[..start].chars().next_back();
        let after = lower[end..].chars().next();
        let joins = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
        if !joins(before) && !joins(after) {
            return true;
        }
        from = start + 1;
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

#[test]
fn texts_write_the_glossary_terms() {
    let terms = glossary();
    let mut differ = Vec::new();
    for term in terms.iter().filter(|t| t.check) {
        let forms: Vec<String> = std::iter::once(&term.zh)
            .chain(&term.variants)
            .map(|f| no_spaces(f))
            .collect();
        for (en, zh, origin) in PAIRS {
            if !names(en, &term.en) {
                continue;
            }
            // A quote kept in its source's language names the term in English.
            if names(zh, &term.en) {
                continue;
            }
            let zh_plain = no_spaces(zh);
            if !forms.iter().any(|f| zh_plain.contains(f.as_str())) {
                differ.push(format!(
                    "{origin}: \"{}\" is {} in the glossary: {zh:?}",
                    term.en, term.zh
                ));
            }
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn the_name_matcher_reads_words() {
    assert!(names(
        "Non-small cell lung cancer",
        "non-small cell lung cancer"
    ));
    assert!(!names(
        "Non-small cell lung cancer",
        "small cell lung cancer"
    ));
    assert!(names("the dose, once", "dose"));
    assert!(!names("doses", "dose"));
    assert!(!names("nab-paclitaxel", "paclitaxel"));
}

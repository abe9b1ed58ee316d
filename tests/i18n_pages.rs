//! Every view drawn in Chinese (the app shell rendered natively with the build's translation
//! pack loaded) shows no English words but names, symbols and units, and quotes kept in their
//! source's language inside an element that says so (`lang="en"`, `lang="fr"`).

use ivocalc::app::{App, AppProps};
use yew::ServerRenderer;
#[path = "common/same_in_both.rs"]
mod same_in_both;
use same_in_both::same_in_both;

fn install_chinese() {
    let path = format!("{}/{}", env!("OUT_DIR"), ivocalc::i18n::ZH_PACK_FILE);
    let file = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    ivocalc::i18n::Pack::install(&file);
}

async fn render(hash: &'static str) -> String {
    ServerRenderer::<App>::with_props(move || AppProps {
        initial_hash: hash.into(),
    })
    .hydratable(false)
    .render()
    .await
}

/// The texts a reader sees or hears: text nodes and text attributes, outside elements in
/// another language than Chinese (`lang="en"`, `lang="fr"`: words kept as their source prints
/// them). An element inside those may be Chinese again (`lang="zh-CN"`: a translation beside
/// the words).
fn visible_texts(html: &str) -> Vec<String> {
    const VOID: &[&str] = &[
        "input", "br", "img", "meta", "link", "hr", "col", "source", "wbr", "area", "base",
    ];
    const TEXT_ATTRS: &[&str] = &[
        "title",
        "aria-label",
        "placeholder",
        "alt",
        "aria-valuetext",
    ];
    let mut out = Vec::new();
    // Open elements: (name, in a language other than Chinese).
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let english = stack.last().is_some_and(|(_, en)| *en);
        match rest.find('<') {
            Some(0) => {
                let end = rest.find('>').unwrap_or(rest.len() - 1);
                let tag = &rest[1..end];
                rest = &rest[end + 1..];
                if let Some(name) = tag.strip_prefix('/') {
                    let name = name.trim();
                    if let Some(at) = stack.iter().rposition(|(n, _)| n == name) {
                        stack.truncate(at);
                    }
                    continue;
                }
                if tag.starts_with('!') {
                    continue;
                }
                let name: String = tag
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != '/')
                    .collect();
                let attrs = attributes(tag);
                let lang_en = attrs
                    .iter()
                    .find(|(k, _)| k == "lang")
                    .map(|(_, v)| !v.starts_with("zh"));
                // `<code>`: link parameters and other identifiers, the same in both languages.
                let here_english = lang_en.unwrap_or(english) || name == "code";
                if !here_english {
                    for (k, v) in &attrs {
                        if TEXT_ATTRS.contains(&k.as_str()) {
                            out.push(decode(v));
                        }
                    }
                }
                if !(tag.ends_with('/') || VOID.contains(&name.as_str())) {
                    stack.push((name, here_english));
                }
            }
            Some(at) => {
                if !english {
                    out.push(decode(&rest[..at]));
                }
                rest = &rest[at..];
            }
            None => {
                if !english {
                    out.push(decode(rest));
                }
                rest = "";
            }
        }
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or_default()
            .to_string();
        let after = &rest[eq + 2..];
        let close = after.find('"').unwrap_or(after.len());
        out.push((key, after[..close].to_string()));
        rest = &after[(close + 1).min(after.len())..];
    }
    out
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Words that read the same in a Chinese page, besides the shared list
/// (`tests/common/same_in_both.rs`): units, symbols, abbreviations Chinese oncology writes in
/// Latin letters, models named after their authors, authors and journals of the references.
const SAME_IN_BOTH: &[&str] = &[
    // units and symbols
    "ms",
    "mo",
    "Rac",
    "CLss",
    "scFv",
    "IgG1",
    "t90ss",
    "ln",
    "exp",
    "dt",
    "mgkg",
    "tinf",
    "mw",
    "refs",
    "cl0",
    "clss",
    "t50",
    "hill",
    "v1",
    "v2",
    "cv",
    "seed",
    "cv_cl",
    "cv_v1",
    "lang",
    // terms written in Latin letters in Chinese texts
    "BMI",
    "EGFR-TKI",
    "ALK",
    "FOLFOXIRI",
    "Hill",
    "SplitMix64",
    "FNV-1a",
    // formulas and authors
    "Vallathol",
    "Ahamadi",
    "Bajaj",
    "Shang",
    "Menon",
    "Warriar",
    "Front",
    "Immunol",
    "CPT",
    "Pharmacometrics",
    "Syst",
    "Pharmacol",
    "Ind",
    "Med",
    "Paediatr",
    "Oncol",
    "doi",
    "Oncology",
    "Frontiers",
    // trial phases in Roman numerals, which Chinese oncology writes in Latin letters too
    // ("Ia 期", "Ib/II 期"; II and III pass as capitals)
    "Ia",
    "Ib",
    // "vs" between two arms or two figures: Chinese oncology writes it so
    // ("依沃西单抗 vs 帕博利珠单抗", "11.14 个月 vs 5.82 个月"); the app's own sentences use 对
    "vs",
    // abbreviations of the trials tables and of the sources, as Chinese oncology writes them:
    // medians (mPFS, mOS, mDoR; the review's m-PFS, m-OS, m-DOR), duration of response,
    // metastatic colorectal cancer, the antibody's Fc and Ig parts, the time of Cmax
    "mPFS",
    "mOS",
    "mDoR",
    "m-PFS",
    "m-OS",
    "m-DOR",
    "mCRC",
    "Fc",
    "Ig",
    "Tmax",
    // names in the trials data: the company, first authors, and the news sites and
    // databases where figures were read (outlets whose pages are named as they are come from
    // the data, see `as_printed`)
    "Summit",
    "Therapeutics",
    "Chen",
    "Xiong",
    "Fang",
    "Goldman",
    "Lu",
    "Zhou",
    "Zhang",
    "PubMed",
    "Synapse",
    "AInvest",
    "MedPath",
    "StockTitan",
    "Phexcom",
    "MarketMinute",
    "NexusAlert",
    "ugandaonline",
    // the app
];

/// Texts kept as their source prints them: the data files' places in a document
/// (`section`), words as printed (`as_printed`), untranslated bibliographic citations,
/// addresses; and the names of the pages of the trials data that read the same in both
/// languages (news sites: "Fierce Pharma", "Lung Cancers Today").
fn as_printed() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = Vec::new();
    for file in [
        "data/documents.json",
        "data/regimens.json",
        "data/kidney.json",
        "data/pk_defaults.json",
    ] {
        let text = std::fs::read_to_string(format!("{root}/{file}")).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        collect(&value, &mut out);
    }
    let text = std::fs::read_to_string(format!("{root}/data/trials.json")).unwrap_or_default();
    let trials: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    for document in trials["documents"].as_array().into_iter().flatten() {
        for page in document["pages"].as_array().into_iter().flatten() {
            if let Some(title) = page["title"].as_str() {
                if page["title_zh"].as_str() == Some(title) {
                    out.push(title.to_string());
                }
            }
        }
    }
    // Titles and files named as they are.
    out.extend(
        [
            "Ivonescimab: The Two Pronged Attack",
            "data/trials.json",
            "data/pk_reference.json",
            "scripts/pk_reference.py",
        ]
        .map(String::from),
    );
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out
}

fn collect(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let kept = ["section", "as_printed", "url"].contains(&k.as_str())
                    || (k == "citation" && !map.contains_key("citation_zh"));
                match v.as_str() {
                    Some(s) if kept => out.push(s.to_string()),
                    _ => collect(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
        _ => {}
    }
}

/// A text without what it quotes in “Chinese quotation marks” (the words of a source as
/// printed, or a value as the user typed it) and the titles in 《title marks》 (a journal or
/// news site named as it names itself: 《ASCO Post》).
fn without_quotes(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '“' | '《' => depth += 1,
            '”' | '》' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A text without the web sites named by their address (ClinicalTrials.gov, allmind.ai,
/// cancer.fr).
fn without_sites(text: &str) -> String {
    const ENDINGS: &[&str] = &["gov", "ai", "fr", "com", "org", "net"];
    text.split(' ')
        .map(|chunk| {
            let mut out = chunk.to_string();
            for word in chunk.split(|c: char| !(c.is_ascii_alphanumeric() || ".-".contains(c))) {
                let word = word.trim_matches('.');
                let site = word
                    .rsplit_once('.')
                    .is_some_and(|(name, ending)| !name.is_empty() && ENDINGS.contains(&ending));
                if site {
                    out = out.replace(word, " ");
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Link parameters and the codes a reader types into a link (`allo_cl`, `ivo-pem-carbo`,
/// `pct10`), named in texts as they are.
fn codes() -> Vec<String> {
    let mut out: Vec<String> = ivocalc::dosing::regimens::regimens()
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    for table in [
        ivocalc::inputs::dose::TABLE,
        ivocalc::inputs::pk::TABLE,
        ivocalc::inputs::trials::TABLE,
    ] {
        for input in table.iter() {
            out.push(input.name.to_string());
            out.extend(input.choices().iter().map(|c| c.code.to_string()));
        }
    }
    out
}

/// The English words of a text a Chinese reader sees, but those that read the same.
fn english_words(text: &str, kept: &[String]) -> Vec<String> {
    let mut text = text.to_string();
    for k in kept {
        text = text.replace(k.as_str(), " ");
    }
    let text = without_sites(&without_quotes(&text));
    text.split(|c: char| !(c.is_ascii_alphanumeric() || "-_µ".contains(c)))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2)
        .filter(|w| !same_in_both(w, SAME_IN_BOTH))
        // Abbreviations and ids: ORR, NCT05184712, HARMONi-2, AK112, Q3W, 10q3.
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| {
            !w.chars()
                .all(|c| c.is_ascii_uppercase() || c == '-' || c.is_ascii_digit())
        })
        .filter(|w| !w.starts_with("HARMONi"))
        .map(str::to_string)
        .collect()
}

/// The English words of every view drawn in Chinese.
async fn english_in(hashes: &[&'static str]) -> Vec<String> {
    install_chinese();
    let kept = as_printed();
    let codes = codes();
    let mut found = Vec::new();
    for hash in hashes {
        let html = render(hash).await;
        assert!(html.contains(r#"data-lang="zh-CN""#), "{hash}");
        for text in visible_texts(&html) {
            let words: Vec<String> = english_words(&text, &kept)
                .into_iter()
                .filter(|w| !codes.contains(w))
                .collect();
            if !words.is_empty() {
                found.push(format!("{hash}: {text:?} ({})", words.join(", ")));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[tokio::test]
async fn dose_pk_about_and_the_shell_in_chinese_show_no_english_words() {
    let found = english_in(&[
        "#/dose?lang=zh-CN",
        "#/dose?lang=zh-CN&weight=70&height=170&age=60&sex=f&scr=1.1&regimen=ivo-pem-carbo&auc=5&ordered=1500&round=10",
        "#/dose?lang=zh-CN&weight=30&scr=0.5&age=80&sex=m&regimen=ivo-gem-cis&height=160",
        "#/dose?lang=zh-CN&weight=300&mgkg=45&every=1",
        "#/dose?lang=zh-CN&weight=abc&regimen=nope",
        "#/pk?lang=zh-CN&overlay=10q3,20q3,20q2&refs=1",
        "#/pk?lang=zh-CN&flat=1200&every=1.5&tunit=weeks&log=1",
        "#/pk?lang=zh-CN&weight=x&n=0",
        "#/about?lang=zh-CN",
        "#/nowhere?lang=zh-CN",
    ])
    .await;
    assert!(
        found.is_empty(),
        "{} texts:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[tokio::test]
async fn trials_in_chinese_show_no_english_words() {
    let found = english_in(&["#/trials?lang=zh-CN", "#/trials?lang=zh-CN&q=HARMONi-2"]).await;
    assert!(
        found.is_empty(),
        "{} texts:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// A CSV file's rows (RFC 4180: quoted fields, doubled quotes, CRLF).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[tokio::test]
async fn the_trials_csv_in_chinese_has_chinese_headers_and_the_same_codes_and_numbers() {
    install_chinese();
    let ds = ivocalc::trials::dataset().unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<&ivocalc::trials::Record> = ds.records.iter().collect();
    let en = csv_rows(&ivocalc::trials::to_csv(ds, &rows, ivocalc::i18n::Lang::En));
    let zh = csv_rows(&ivocalc::trials::to_csv(
        ds,
        &rows,
        ivocalc::i18n::Lang::ZhCn,
    ));
    assert_eq!(en.len(), rows.len() + 1);
    assert_eq!(zh.len(), en.len());
    assert!(zh.iter().all(|r| r.len() == en[0].len()));
    // Every header in Chinese ("ORR（%）", "中位 PFS（月）"), none the English name.
    for (e, z) in en[0].iter().zip(&zh[0]) {
        assert!(z != e && !z.is_ascii(), "{e}: {z}");
    }
    // Codes, dates and numbers are the same in both files; words may differ.
    let words = [
        "trial",
        "name",
        "arm",
        "comparator",
        "tumor_name",
        "subgroup",
        "biomarker",
        "regimen",
        "other_figures",
        "source",
        "notes",
    ];
    for (i, column) in en[0].iter().enumerate() {
        if words.contains(&column.as_str()) {
            continue;
        }
        for (e, z) in en.iter().zip(&zh).skip(1) {
            assert_eq!(e[i], z[i], "{column} of {}", e[0]);
        }
    }
    // The words of a row in Chinese: HARMONi-2's arm and its source.
    let col = |name: &str| en[0].iter().position(|h| h == name).unwrap_or(usize::MAX);
    let row = zh
        .iter()
        .find(|r| r[0] == "harmoni2-ivo")
        .unwrap_or_else(|| panic!("harmoni2-ivo"));
    assert_eq!(row[col("arm")], "依沃西单抗");
    assert_eq!(
        row[col("source")],
        "Vallathol 等，2025，依沃西单抗的临床试验，参考文献 5、8"
    );
    assert_eq!(row[col("hr")], "0.51");
}

//! No text a reader sees escapes translation: the views, the widgets and the app shell are
//! read as Rust source, and every string literal that reaches the page outside `tr!` must be
//! free of English words (symbols, units and ids on a short list are allowed).
//!
//! What counts as reaching the page:
//! - a literal in an `html!` block's content (`{"Results"}`, or inside an expression there,
//!   `{format!("{} (inputs)", x)}`);
//! - a literal given to an attribute a reader sees or hears: `title`, `aria-label`,
//!   `placeholder`, `alt`, `label`, ... (`label="Something"`, `title={"Something"}`);
//! - outside `html!`, a literal that reads as prose (two English words with a space, or a
//!   word in parentheses), since such texts are built into labels before they are drawn.
//!
//! Literals inside `tr!(..)`, attribute values nobody reads (`class`, `id`, `href`, `type`,
//! `data-*`, ...), comments and `#[cfg(test)]` modules are not checked.

use std::fs;
use std::path::{Path, PathBuf};

/// Attributes whose value a reader sees or a screen reader speaks.
const TEXT_ATTRIBUTES: &[&str] = &[
    "title",
    "aria-label",
    "aria-valuetext",
    "aria-roledescription",
    "aria-placeholder",
    "placeholder",
    "alt",
    "label",
    "caption",
    "heading",
    "summary",
    "legend",
];

/// Words the same in both languages that only the sources hold, besides the shared list
/// (`tests/common/same_in_both.rs`).
#[rustfmt::skip]
const SAME_IN_BOTH: &[&str] = &[
    // file formats
    "CSV", "SVG", "PNG", "JSON",
    // units and schedules
    "m²", "Q2W", "Q3W", "Q4W", "IV",
    // biology and trial terms kept as written in Chinese oncology
    "PD", "HR", "CI", "ORR", "DCR", "PFS", "OS", "AE", "NSCLC", "SCLC", "HARMONi", "AK112", "NCT",
    "BSA", "CrCl", "GFR", "CV", "CL",
];

/// Literals allowed as they are (the beginning of the literal), with the reason.
const ALLOWED_LITERALS: &[(&str, &str)] = &[
    ("ivocalc", "the app's name"),
    (
        "English",
        "the language switch names each language in itself",
    ),
    (
        "dA1/dt = R(t) − (CL(t) + Q)/V1 · A1",
        "the PK model's equations: symbols, the same in both languages",
    ),
    (
        "Vallathol DH, Menon A, Warriar AR. Ivonescimab: the two pronged attack.",
        "a reference as the journal prints it, in its own language",
    ),
];

#[path = "i18n_coverage/lexer.rs"]
mod lexer;
#[path = "../build/rs_files.rs"]
mod rs_files;
#[path = "common/same_in_both.rs"]
mod same_in_both;

use lexer::{closing, is_ident, is_punct, tokens, Spanned, Token};
use rs_files::collect_rs;
use same_in_both::same_in_both;

/// For each token: whether it is inside `tr!(..)`, inside `html! {..}`, or in a
/// `#[cfg(test)]` item.
struct Regions {
    in_tr: Vec<bool>,
    in_html: Vec<bool>,
    in_test: Vec<bool>,
}

fn regions(tokens: &[Spanned]) -> Regions {
    let n = tokens.len();
    let mut r = Regions {
        in_tr: vec![false; n],
        in_html: vec![false; n],
        in_test: vec![false; n],
    };
    for i in 0..n {
        let macro_open = i + 2 < n && is_punct(&tokens[i + 1], '!');
        if macro_open && is_ident(&tokens[i], "tr") && is_punct(&tokens[i + 2], '(') {
            let end = closing(tokens, i + 2);
            r.in_tr[i..=end].iter_mut().for_each(|b| *b = true);
        }
        if macro_open
            && (is_ident(&tokens[i], "html") || is_ident(&tokens[i], "html_nested"))
            && is_punct(&tokens[i + 2], '{')
        {
            let end = closing(tokens, i + 2);
            r.in_html[i..=end].iter_mut().for_each(|b| *b = true);
        }
        // #[cfg(test)] item: up to the end of its first brace block.
        if i + 6 < n
            && is_punct(&tokens[i], '#')
            && is_punct(&tokens[i + 1], '[')
            && is_ident(&tokens[i + 2], "cfg")
            && is_punct(&tokens[i + 3], '(')
            && is_ident(&tokens[i + 4], "test")
            && is_punct(&tokens[i + 5], ')')
        {
            if let Some(open) =
                (i + 6..n).find(|&j| is_punct(&tokens[j], '{') || is_punct(&tokens[j], ';'))
            {
                let end = if is_punct(&tokens[open], '{') {
                    closing(tokens, open)
                } else {
                    open
                };
                r.in_test[i..=end].iter_mut().for_each(|b| *b = true);
            }
        }
    }
    r
}

/// The attribute name written just before `=` at `eq` (`aria-label`, `title`), if any.
fn attribute_before(tokens: &[Spanned], eq: usize) -> Option<String> {
    if eq == 0 || !is_punct(&tokens[eq], '=') {
        return None;
    }
    // `==`, `!=`, `<=`, `>=`, `=>` are not attributes.
    if is_punct(&tokens[eq - 1], '=')
        || is_punct(&tokens[eq - 1], '!')
        || is_punct(&tokens[eq - 1], '<')
        || is_punct(&tokens[eq - 1], '>')
        || tokens
            .get(eq + 1)
            .is_some_and(|t| is_punct(t, '=') || is_punct(t, '>'))
    {
        return None;
    }
    let mut parts = Vec::new();
    let mut j = eq;
    while let Some(prev) = j.checked_sub(1) {
        match &tokens[prev].token {
            Token::Ident(w) => {
                parts.push(w.clone());
                j = prev;
                if j >= 1 && is_punct(&tokens[j - 1], '-') {
                    j -= 1;
                    continue;
                }
                break;
            }
            _ => break,
        }
    }
    if parts.is_empty() {
        return None;
    }
    parts.reverse();
    Some(parts.join("-"))
}

/// The attribute whose value holds token `at` in an `html!` block: the one right before it
/// (`title="x"`), or the one before the nearest enclosing `{` that follows `name =`.
fn enclosing_attribute(tokens: &[Spanned], at: usize, in_html: &[bool]) -> Option<String> {
    if at >= 1 {
        if let Some(name) = attribute_before(tokens, at - 1) {
            return Some(name);
        }
    }
    let mut depth = 0usize;
    let mut i = at;
    while i > 0 {
        i -= 1;
        if !in_html[i] {
            return None;
        }
        if is_punct(&tokens[i], '}') {
            depth += 1;
        } else if is_punct(&tokens[i], '{') {
            if depth > 0 {
                depth -= 1;
                continue;
            }
            if i >= 1 {
                if let Some(name) = attribute_before(tokens, i - 1) {
                    return Some(name);
                }
            }
            // `html! {`: the start of the block; outside it the literal is not in an attribute.
            if i >= 2 && is_punct(&tokens[i - 1], '!') {
                return None;
            }
        }
    }
    None
}

/// Words of a text: runs of ASCII letters (with digits, `-`, `²` inside), `{places}` removed.
fn words(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut in_place = false;
    for c in text.chars() {
        match c {
            '{' => in_place = true,
            '}' => in_place = false,
            c if !in_place => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '²' || c == 'µ'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2)
        .map(str::to_string)
        .collect()
}

/// The English words of a text that are not on the list of words the same in both
/// languages.
fn english_words(text: &str) -> Vec<String> {
    if ALLOWED_LITERALS.iter().any(|(t, _)| text.starts_with(t)) {
        return Vec::new();
    }
    words(text)
        .into_iter()
        .filter(|w| !same_in_both(w, SAME_IN_BOTH))
        .filter(|w| {
            // Registry ids and numbers with units (NCT05899608, 20mg).
            !(w.starts_with("NCT") && w[3..].chars().all(|c| c.is_ascii_digit()))
        })
        .collect()
}

/// Whether a literal outside `html!` reads as prose: two English words with a space between
/// them, or a word in parentheses (`"{} (inputs)"`). Markup (`"<svg ..."`) is not prose.
fn reads_as_prose(text: &str) -> bool {
    if text.trim_start().starts_with('<') || looks_like_css_classes(text) {
        return false;
    }
    let english = english_words(text);
    let real: Vec<&String> = english
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '-'))
        .collect();
    let parenthesised = real.iter().any(|w| text.contains(&format!("({w}")));
    let spaced = text
        .split_whitespace()
        .filter(|chunk| real.iter().any(|w| chunk.contains(w.as_str())))
        .count()
        >= 2;
    spaced || parenthesised
}

/// A key, an id or a place name (`"dose"`, `"seed-000"`, `"seed_number"`): lowercase, no
/// space. Given to functions inside `html!`, such literals are not texts.
fn looks_like_key(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.".contains(c))
}

/// `"msg msg-note"`, `"f-x-hint f-x-msg"`: class lists and id lists.
fn looks_like_css_classes(text: &str) -> bool {
    text.split_whitespace().all(|w| {
        w.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    })
}

#[derive(Debug)]
struct Finding {
    file: String,
    line: usize,
    text: String,
    english: Vec<String>,
}

fn scan(file: &str, text: &str) -> Vec<Finding> {
    let tokens = tokens(text);
    let regions = regions(&tokens);
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Token::Str(value) = &t.token else {
            continue;
        };
        if regions.in_tr[i] || regions.in_test[i] {
            continue;
        }
        let english = english_words(value);
        if english.is_empty() {
            continue;
        }
        let flagged = if regions.in_html[i] {
            match enclosing_attribute(&tokens, i, &regions.in_html) {
                // A text attribute: its value, and all but keys in an expression there.
                Some(name) => {
                    TEXT_ATTRIBUTES.contains(&name.as_str())
                        && (attribute_before(&tokens, i.saturating_sub(1)).is_some()
                            || !looks_like_key(value))
                }
                // Content: `{"Results"}` always; inside an expression, all but keys.
                None => {
                    let direct = i >= 1
                        && is_punct(&tokens[i - 1], '{')
                        && tokens.get(i + 1).is_some_and(|t| is_punct(t, '}'));
                    direct || !looks_like_key(value)
                }
            }
        } else {
            // Outside html!: an attribute written as a prop struct field is not seen here;
            // prose is.
            reads_as_prose(value)
        };
        if flagged {
            out.push(Finding {
                file: file.to_string(),
                line: t.line,
                text: value.clone(),
                english,
            });
        }
    }
    out
}

/// The files checked: every view, every widget and the app shell.
fn ui_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect_rs(&root.join("src/views"), &mut files);
    collect_rs(&root.join("src/widgets"), &mut files);
    files.push(root.join("src/app.rs"));
    files.sort();
    files
}

fn findings(filter: impl Fn(&str) -> bool) -> Vec<Finding> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for path in ui_files() {
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        if !filter(&name) {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.extend(scan(&name, &text));
    }
    out
}

fn report(found: &[Finding]) -> String {
    found
        .iter()
        .map(|f| {
            format!(
                "{}:{}: {:?} (English: {})",
                f.file,
                f.line,
                f.text,
                f.english.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_trials(file: &str) -> bool {
    file.starts_with("src/views/trials")
}

#[test]
fn every_text_of_the_views_widgets_and_shell_is_translated() {
    let found = findings(|f| !is_trials(f));
    assert!(
        found.is_empty(),
        "texts a reader sees outside tr!(\"English\", \"中文\"):\n{}",
        report(&found)
    );
}

#[test]
fn every_text_of_the_trials_views_is_translated() {
    let found = findings(is_trials);
    assert!(
        found.is_empty(),
        "texts a reader sees outside tr!(\"English\", \"中文\"):\n{}",
        report(&found)
    );
}

#[test]
fn the_scanner_finds_what_it_should() {
    let source = r##"
        fn view() -> Html {
            let label = format!("{} (inputs)", name);
            let ok = tr!("Results", "结果");
            html! {
                <section class="view pk-view" id="x">
                    <h2>{"Results"}</h2>
                    <h3>{t(tr!("Done", "完成"))}</h3>
                    <button title="Copy the link" aria-label={"Copy"} data-testid="copy-button">{" · "}</button>
                    <Field label="Body weight" />
                    <p aria-invalid={bad.then_some("true")}>{format!("{}: ", x)}</p>
                    <p>{format!("{} doses", n)}</p>
                    <span class="unit">{"mg/kg"}</span>
                </section>
            }
        }
        #[cfg(test)]
        mod tests { fn t() { let _ = "Not a reader's text"; } }
    "##;
    let found: Vec<String> = scan("x.rs", source).into_iter().map(|f| f.text).collect();
    assert_eq!(
        found,
        [
            "{} (inputs)",
            "Results",
            "Copy the link",
            "Copy",
            "Body weight",
            "{} doses"
        ]
    );
}

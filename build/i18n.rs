//! Build step: the Chinese translation pack.
//!
//! Reads every `tr!("English", "中文")` in `src/` (and the pairs the data step adds), checks
//! them, and writes:
//! - `$OUT_DIR/assets/zh-CN.<hash>.txt`: one line per text, the key (FNV-1a 64 of the English,
//!   16 hex digits), a tab, the Chinese with `\n`, `\t`, `\\` escaped. `scripts/post_build.py`
//!   copies it into the site; the app loads it when a reader chooses Chinese.
//! - `$OUT_DIR/zh_pack_file.rs`: the pack's path in the site, for the app.
//! - `$OUT_DIR/i18n_pairs.rs`: every (English, Chinese) pair with where it is written, for the
//!   native tests (never compiled into the app).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use super::rs_files::collect_rs;

/// One text in both languages and where it is written (`src/views/dose.rs:12`, or a data
/// file's path to the value).
#[derive(Clone, Debug)]
pub struct Pair {
    pub en: String,
    pub zh: String,
    pub origin: String,
}

/// FNV-1a 64, as `ivocalc::i18n::key`.
pub fn key(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Every `tr!` pair of the `.rs` files under `dir`, or the first problem found.
pub fn scan_sources(dir: &Path) -> Result<Vec<Pair>, String> {
    let mut files = Vec::new();
    collect_rs(dir, &mut files);
    files.sort();
    let mut pairs = Vec::new();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        scan_file(&file, &text, &mut pairs)?;
    }
    Ok(pairs)
}

fn scan_file(file: &Path, text: &str, pairs: &mut Vec<Pair>) -> Result<(), String> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("tr!(") {
        let at = from + found;
        from = at + 4;
        // A word ending in `tr` (`str!(`) is not the macro.
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let line_start = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line_no = text[..at].matches('\n').count() + 1;
        let origin = format!("{}:{line_no}", file.display());
        // Mentions in comments (documentation of the macro) are not texts.
        if text[line_start..at].trim_start().starts_with("//") {
            continue;
        }
        let mut pos = at + 4;
        let en = literal(text, &mut pos).map_err(|e| format!("{origin}: tr!: {e}"))?;
        skip_space(text, &mut pos);
        if text[pos..].starts_with(',') {
            pos += 1;
        } else {
            return Err(format!(
                "{origin}: tr! needs two texts, English and Chinese"
            ));
        }
        let zh = literal(text, &mut pos).map_err(|e| format!("{origin}: tr!: {e}"))?;
        pairs.push(Pair { en, zh, origin });
    }
    Ok(())
}

fn skip_space(text: &str, pos: &mut usize) {
    while let Some(c) = text[*pos..].chars().next() {
        if c.is_whitespace() {
            *pos += c.len_utf8();
        } else {
            break;
        }
    }
}

/// Reads a plain string literal at `pos` (after any space) and returns its value.
fn literal(text: &str, pos: &mut usize) -> Result<String, String> {
    skip_space(text, pos);
    let rest = &text[*pos..];
    if !rest.starts_with('"') {
        return Err("each text must be a plain string literal \"...\"".into());
    }
    let mut out = String::new();
    let mut chars = rest.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                *pos += i + 1;
                return Ok(out);
            }
            '\\' => {
                let Some((_, e)) = chars.next() else { break };
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    '0' => out.push('\0'),
                    '\\' => out.push('\\'),
                    '"' => out.push('"'),
                    '\'' => out.push('\''),
                    'x' => {
                        let hex: String = (0..2)
                            .filter_map(|_| chars.next().map(|(_, h)| h))
                            .collect();
                        let v = u32::from_str_radix(&hex, 16).map_err(|_| "bad \\x escape")?;
                        out.push(char::from_u32(v).ok_or("bad \\x escape")?);
                    }
                    'u' => {
                        let mut hex = String::new();
                        for (_, h) in chars.by_ref() {
                            match h {
                                '{' => {}
                                '}' => break,
                                h => hex.push(h),
                            }
                        }
                        let v = u32::from_str_radix(&hex, 16).map_err(|_| "bad \\u escape")?;
                        out.push(char::from_u32(v).ok_or("bad \\u escape")?);
                    }
                    '\n' | '\r' => {
                        // Line continuation: the newline and the next line's leading space go.
                        while let Some((_, s)) = chars.peek() {
                            if s.is_whitespace() {
                                chars.next();
                            } else {
                                break;
                            }
                        }
                    }
                    other => return Err(format!("unknown escape \\{other}")),
                }
            }
            c => out.push(c),
        }
    }
    Err("unterminated string literal".into())
}

/// The (English, Chinese) pairs of a data file: every string field `X` with a sibling `X_zh`
/// (in objects at any depth), and every list of strings `X` with a list `X_zh` beside it
/// (paired item by item). `file` names the file in messages.
pub fn data_pairs(file: &str, value: &serde_json::Value) -> Vec<Pair> {
    let mut out = Vec::new();
    walk(file, "", value, &mut out);
    out
}

fn walk(file: &str, path: &str, value: &serde_json::Value, out: &mut Vec<Pair>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let here = format!("{path}/{k}");
                if let (Some(base), Some(zh)) = (k.strip_suffix("_zh"), v.as_str()) {
                    if let Some(en) = map.get(base).and_then(|e| e.as_str()) {
                        out.push(Pair {
                            en: en.to_string(),
                            zh: zh.to_string(),
                            origin: format!("{file}{path}/{base}"),
                        });
                    }
                    continue;
                }
                if let (Some(base), Some(zh)) = (k.strip_suffix("_zh"), v.as_array()) {
                    if let Some(en) = map.get(base).and_then(|e| e.as_array()) {
                        for (i, (en, zh)) in en.iter().zip(zh).enumerate() {
                            if let (Some(en), Some(zh)) = (en.as_str(), zh.as_str()) {
                                out.push(Pair {
                                    en: en.to_string(),
                                    zh: zh.to_string(),
                                    origin: format!("{file}{path}/{base}/{i}"),
                                });
                            }
                        }
                    }
                    continue;
                }
                walk(file, &here, v, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(file, &format!("{path}/{i}"), v, out);
            }
        }
        _ => {}
    }
}

/// The value without its `X_zh` fields (the app carries only the English; the Chinese goes
/// into the pack).
pub fn strip_zh(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|k, _| !k.ends_with("_zh"));
            for v in map.values_mut() {
                strip_zh(v);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_zh),
        _ => {}
    }
}

/// Checks the pairs and writes the pack, its file name and the pairs for the tests.
pub fn write(pairs: &[Pair], out_dir: &Path) -> Result<(), String> {
    let mut by_key: BTreeMap<u64, &Pair> = BTreeMap::new();
    for pair in pairs {
        if pair.en.trim().is_empty() {
            return Err(format!("{}: a text with no English words", pair.origin));
        }
        if let Some(other) = by_key.get(&key(&pair.en)) {
            if other.en != pair.en {
                return Err(format!(
                    "{} and {}: two English texts share a key; reword one",
                    other.origin, pair.origin
                ));
            }
            if other.zh != pair.zh && !pair.zh.is_empty() && !other.zh.is_empty() {
                return Err(format!(
                    "{} and {}: \"{}\" has two Chinese translations (\"{}\", \"{}\"); make them one",
                    other.origin, pair.origin, pair.en, other.zh, pair.zh
                ));
            }
            if other.zh.is_empty() {
                by_key.insert(key(&pair.en), pair);
            }
            continue;
        }
        by_key.insert(key(&pair.en), pair);
    }
    let mut pack = String::new();
    for (k, pair) in &by_key {
        if pair.zh.is_empty() {
            continue;
        }
        let _ = writeln!(pack, "{k:016x}\t{}", escape(&pair.zh));
    }
    let name = format!("assets/zh-CN.{:016x}.txt", key(&pack));
    let assets = out_dir.join("assets");
    fs::create_dir_all(&assets).map_err(|e| format!("{}: {e}", assets.display()))?;
    // Packs of earlier builds stay: the site gets exactly the one its wasm names
    // (scripts/post_build.py), and builds of other checkouts sharing this target folder may
    // be using theirs.
    write_file(&out_dir.join(&name), &pack)?;
    write_file(&out_dir.join("zh_pack_file.rs"), &format!("{name:?}"))?;
    let mut tests = String::from("&[\n");
    for pair in pairs {
        let _ = writeln!(
            tests,
            "    ({:?}, {:?}, {:?}),",
            pair.en, pair.zh, pair.origin
        );
    }
    tests.push(']');
    write_file(&out_dir.join("i18n_pairs.rs"), &tests)
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

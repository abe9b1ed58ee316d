//! Build step: a data file read with the app's own types.
//!
//! [`read`] parses a data file, checks its Chinese siblings (`<field>_zh`), takes them out
//! for the translation pack, and deserializes the rest with the app's type, reporting a bad
//! value by the file and its JSON path:
//! `data/regimens.json: label.presets[2].mg_per_kg: invalid type: string "x", expected f64`.
//! The native tests call the same function (`src/build_steps.rs`).

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::i18n::{self, Pair};

/// A data file as the app's type, with its (English, Chinese) pairs and the documents its
/// sources cite.
pub struct DataFile<T> {
    pub data: T,
    pub pairs: Vec<Pair>,
    /// (JSON path, document id) of every `document` field.
    pub cited: Vec<(String, String)>,
}

/// Reads the data file `file` (its path, for messages) with the text `text` as a `T`.
pub fn read<T: DeserializeOwned>(file: &str, text: &str) -> Result<DataFile<T>, String> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| format!("{file}: {e}"))?;
    check_zh(&value, "").map_err(|e| format!("{file}: {e}"))?;
    let pairs = i18n::data_pairs(file, &value);
    let cited = cited_documents(&value);
    i18n::strip_zh(&mut value);
    let data = serde_path_to_error::deserialize(value)
        .map_err(|e| format!("{file}: {}: {}", e.path(), e.inner()))?;
    Ok(DataFile { data, pairs, cited })
}

/// Every document the file cites is one of `known`.
pub fn check_cited<T>(file: &str, read: &DataFile<T>, known: &[&str]) -> Result<(), String> {
    match read
        .cited
        .iter()
        .find(|(_, id)| !known.contains(&id.as_str()))
    {
        Some((path, id)) => Err(format!(
            "{file}: {path}: unknown document \"{id}\" (the documents are in data/documents.json)"
        )),
        None => Ok(()),
    }
}

/// Every `<field>_zh` sits beside its `<field>` and has its shape: a text for a text, a list
/// of as many texts for a list of texts; no Chinese text is empty.
fn check_zh(value: &Value, path: &str) -> Result<(), String> {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                if let Some(base) = key.strip_suffix("_zh") {
                    let english = map.get(base);
                    let fits = match (english, v) {
                        (Some(Value::String(_)), Value::String(zh)) => !zh.trim().is_empty(),
                        (Some(Value::Array(en)), Value::Array(zh)) => {
                            en.len() == zh.len()
                                && en.iter().all(Value::is_string)
                                && zh
                                    .iter()
                                    .all(|z| z.as_str().is_some_and(|z| !z.trim().is_empty()))
                        }
                        _ => false,
                    };
                    if !fits {
                        return Err(format!(
                            "{here}: a Chinese text must sit beside its English `{base}` and \
                             match it (a text, or a list of as many texts), and not be empty"
                        ));
                    }
                } else {
                    check_zh(v, &here)?;
                }
            }
            Ok(())
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, v)| check_zh(v, &format!("{path}[{i}]"))),
        _ => Ok(()),
    }
}

/// The document ids that objects with a `document` field name, with their JSON paths.
fn cited_documents(value: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect_documents(value, "", &mut out);
    out
}

fn collect_documents(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(id)) = map.get("document") {
                out.push((format!("{path}.document"), id.clone()));
            }
            for (key, v) in map {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                collect_documents(v, &here, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_documents(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

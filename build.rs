//! Build steps (each in `build/`):
//! - the trials data embedded minified: `data/trials.json` is kept indented in the repository
//!   (readable diffs); the app carries the same JSON without whitespace
//!   ($OUT_DIR/trials.min.json). The data version stays the hash of the committed file
//!   (src/trials/mod.rs).
//! - `data` and `bake`: `data/documents.json`, `data/regimens.json`, `data/kidney.json` and
//!   `data/pk_defaults.json` read with the app's own types (the files below `src/` named in
//!   the `#[path]`s) and written as Rust statics ($OUT_DIR/*_data.rs) the app `include!`s. A
//!   bad value stops the build with the file and the JSON path of the value.
//! - `i18n`: the Chinese translation pack from every `tr!` (see `src/i18n.rs`) and from the
//!   data files' `<field>_zh` texts.

#[path = "build/bake.rs"]
mod bake;
#[path = "build/data.rs"]
mod data;
#[path = "build/i18n.rs"]
mod i18n;

// The app's data types, compiled here too: the build reads the files with the same
// definitions the app uses.
#[path = "src/dosing/data.rs"]
mod dosing_data;
#[path = "src/dosing/kidney_data.rs"]
mod kidney_data;
#[path = "src/pk/defaults_data.rs"]
mod pk_defaults_data;
#[path = "src/sources/data.rs"]
mod sources_data;
/// The path the shared files name `Source` by (`crate::sources::Source`), as in the app.
mod sources {
    pub use crate::sources_data::{Document, Documents, Source};
}

use std::path::{Path, PathBuf};
use std::{env, fs};

use bake::Bake;
use serde::de::DeserializeOwned;

fn main() {
    println!("cargo:rerun-if-changed=data/trials.json");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src");
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    let text = fs::read_to_string("data/trials.json").unwrap_or_default();
    // A file that does not parse is embedded as it is, so the app's own parser reports it.
    let minified = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|mut v| {
            i18n::strip_zh(&mut v);
            serde_json::to_string(&v).ok()
        })
        .unwrap_or(text);
    let out = out_dir.join("trials.min.json");
    if let Err(e) = fs::write(&out, minified) {
        fail(&format!("cannot write {}: {e}", out.display()));
    }

    let mut pairs = match i18n::scan_sources(Path::new("src")) {
        Ok(pairs) => pairs,
        Err(e) => fail(&format!("translations: {e}")),
    };
    {
        let file = "data/trials.json";
        let text = fs::read_to_string(file).unwrap_or_default();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
            pairs.extend(i18n::data_pairs(file, &value));
        }
    }

    let documents = read::<sources::Documents>("data/documents.json", &[]);
    let known: Vec<&str> = documents
        .data
        .documents
        .iter()
        .map(|d| d.id.as_ref())
        .collect();
    let regimens = read::<dosing_data::DosingData>("data/regimens.json", &known);
    let pk_defaults = read::<pk_defaults_data::PkSources>("data/pk_defaults.json", &known);
    let kidney = read::<kidney_data::KidneyData>("data/kidney.json", &known);
    write_static(
        &out_dir,
        "documents_data.rs",
        "data/documents.json",
        "DOCUMENTS: crate::sources::Documents",
        &documents.data,
    );
    write_static(
        &out_dir,
        "regimens_data.rs",
        "data/regimens.json",
        "DOSING_DATA: crate::dosing::data::DosingData",
        &regimens.data,
    );
    write_static(
        &out_dir,
        "pk_defaults_data.rs",
        "data/pk_defaults.json",
        "PK_SOURCES: crate::pk::defaults_data::PkSources",
        &pk_defaults.data,
    );
    write_static(
        &out_dir,
        "kidney_data.rs",
        "data/kidney.json",
        "KIDNEY_DATA: crate::dosing::kidney_data::KidneyData",
        &kidney.data,
    );
    pairs.extend(documents.pairs);
    pairs.extend(kidney.pairs);
    pairs.extend(regimens.pairs);
    pairs.extend(pk_defaults.pairs);

    if let Err(e) = i18n::write(&pairs, &out_dir) {
        fail(&format!("translations: {e}"));
    }
}

/// Reads a data file with the app's type `T`; every document it cites must be in `known`
/// (unless `known` is empty). Stops the build on a problem.
fn read<T: DeserializeOwned>(file: &str, known: &[&str]) -> data::DataFile<T> {
    println!("cargo:rerun-if-changed={file}");
    let text = fs::read_to_string(file).unwrap_or_else(|e| fail(&format!("{file}: {e}")));
    let read = data::read::<T>(file, &text).unwrap_or_else(|e| fail(&e));
    if !known.is_empty() {
        data::check_cited(file, &read, known).unwrap_or_else(|e| fail(&e));
    }
    read
}

/// Writes `static <item> = <value>;` to `$OUT_DIR/<name>`.
fn write_static(out_dir: &Path, name: &str, from: &str, item: &str, value: &impl Bake) {
    let code = format!(
        "// Written by build.rs from {from}: data, laid out by the compiler.\nstatic {item} = {};\n",
        value.bake()
    );
    let path = out_dir.join(name);
    if let Err(e) = fs::write(&path, code) {
        fail(&format!("cannot write {}: {e}", path.display()));
    }
}

/// Stops the build with `message` (Cargo shows it under the failed build script).
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}

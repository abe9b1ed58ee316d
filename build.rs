//! Build steps (each in `build/`):
//! - the trials data minified: `data/trials.json` is kept indented in the repository
//!   (readable diffs); the site gets the same JSON without whitespace and without its Chinese
//!   texts (they go to the translation pack) as `$OUT_DIR/assets/trials.<version>.json`, which
//!   the app fetches when the Trials view first opens (`$OUT_DIR/trials_data_file.rs` names
//!   it); native builds embed `$OUT_DIR/trials.min.json`. The data version stays the FNV-1a 64
//!   hash of the committed file (src/trials/mod.rs).
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
#[path = "build/rs_files.rs"]
mod rs_files;

// The app's data types, compiled here too: the build reads the files with the same
// definitions the app uses.
/// Numbers as the app reads them (`crate::decimal`), for the trials types.
#[path = "src/decimal.rs"]
mod decimal;
#[path = "src/dosing/data.rs"]
mod dosing_data;
#[path = "src/dosing/kidney_data.rs"]
mod kidney_data;
#[path = "src/pk/defaults_data.rs"]
mod pk_defaults_data;
#[path = "src/sources/data.rs"]
mod sources_data;
/// The trials data types, as the app reads its file (`crate::trials`).
#[path = "build/trials.rs"]
mod trials;
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
    let mut pairs = match i18n::scan_sources(Path::new("src")) {
        Ok(pairs) => pairs,
        Err(e) => fail(&format!("translations: {e}")),
    };
    pairs.extend(trials_data(&out_dir));

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

/// Reads `data/trials.json` with the app's types and writes it minified, without its Chinese
/// texts: embedded by native builds, a file of the site (named by the data version) fetched
/// when the Trials view first opens. Returns its texts for the translation pack.
fn trials_data(out_dir: &Path) -> Vec<i18n::Pair> {
    let file = "data/trials.json";
    let text = fs::read_to_string(file).unwrap_or_else(|e| fail(&format!("{file}: {e}")));
    let mut value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| fail(&format!("{file}: {e}")));
    let pairs = i18n::data_pairs(file, &value);
    i18n::strip_zh(&mut value);
    // Read with the app's types: a bad value stops the build with its JSON path.
    if let Err(e) = serde_path_to_error::deserialize::<_, trials::Dataset>(&value) {
        fail(&format!("{file}: {} (at {})", e.inner(), e.path()));
    }
    let minified = serde_json::to_string(&value).unwrap_or_else(|e| fail(&format!("{file}: {e}")));
    // Native builds (tests, benchmarks, the server renderer) embed it; the site fetches it as
    // a file of its own when the Trials view first opens, named by the data version.
    let site_file = format!("assets/trials.{:016x}.json", fnv1a64(text.as_bytes()));
    let assets = out_dir.join("assets");
    for (out, content) in [
        (out_dir.join("trials.min.json"), minified.as_str()),
        (
            assets.join(site_file.trim_start_matches("assets/")),
            minified.as_str(),
        ),
        (
            out_dir.join("trials_data_file.rs"),
            &format!("{site_file:?}"),
        ),
    ] {
        if let Err(e) = fs::create_dir_all(&assets).and_then(|()| fs::write(&out, content)) {
            fail(&format!("cannot write {}: {e}", out.display()));
        }
    }
    pairs
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

/// FNV-1a 64, as `crate::trials::fnv1a64` computes the data version.
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

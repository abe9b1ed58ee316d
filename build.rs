//! Build steps (each in `build/`):
//! - the trials data embedded minified: `data/trials.json` is kept indented in the repository
//!   (readable diffs); the app carries the same JSON without whitespace
//!   ($OUT_DIR/trials.min.json). The data version stays the hash of the committed file
//!   (src/trials/mod.rs).
//! - `i18n`: the Chinese translation pack from every `tr!` (see `src/i18n.rs`).

#[path = "build/i18n.rs"]
mod i18n;

use std::{env, fs, path::PathBuf};

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
        panic!("cannot write {}: {e}", out.display());
    }

    let mut pairs = match i18n::scan_sources(std::path::Path::new("src")) {
        Ok(pairs) => pairs,
        Err(e) => panic!("translations: {e}"),
    };
    for file in [
        "data/trials.json",
        "data/regimens.json",
        "data/pk_defaults.json",
    ] {
        println!("cargo:rerun-if-changed={file}");
        let text = fs::read_to_string(file).unwrap_or_default();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
            pairs.extend(i18n::data_pairs(file, &value));
        }
    }
    if let Err(e) = i18n::write(&pairs, &out_dir) {
        panic!("translations: {e}");
    }
}

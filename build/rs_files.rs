//! The `.rs` files under a folder: read by the build's translation scan (`build/i18n.rs`) and
//! by the translation-coverage test (`tests/i18n_coverage.rs`).

use std::fs;
use std::path::{Path, PathBuf};

/// Appends every `.rs` file under `dir`, at any depth, to `out` (in the order the folder lists
/// them; callers sort).
pub fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

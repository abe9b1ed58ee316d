//! Words that read the same in an English and a Chinese text: units, terms Chinese oncology
//! writes in Latin letters, formulas named after their authors, the app's name. Shared by the
//! translation checks of the sources (`tests/i18n_coverage.rs`) and of the rendered pages
//! (`tests/i18n_pages.rs`), each of which adds the words only it meets.

pub const UNITS_TERMS_AND_NAMES: &[&str] = &[
    "ivocalc",
    "mg",
    "kg",
    "mL",
    "dL",
    "min",
    "cm",
    "lb",
    "in",
    "µg",
    "µmol",
    "nM",
    "kDa",
    "PD-1",
    "PD-L1",
    "VEGF",
    "IC50",
    "AUC",
    "Cmax",
    "Ctrough",
    "DoR",
    "EGFR",
    "TKI",
    "ss",
    "Mosteller",
    "Du",
    "Bois",
    "Cockcroft-Gault",
    "Calvert",
];

/// Whether `word` is on the shared list or on the caller's own `more`.
pub fn same_in_both(word: &str, more: &[&str]) -> bool {
    UNITS_TERMS_AND_NAMES.contains(&word) || more.contains(&word)
}

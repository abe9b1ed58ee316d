//! Trials: published outcomes of ivonescimab and other PD-1(L1)/VEGF bispecific antibodies,
//! each figure with its source, searchable, filterable, sortable and exportable as CSV.
//! Plain Rust: no UI or browser types.
//!
//! The data live in `data/trials.json`, embedded at build time and parsed once on first use.
//! Endpoint keys used for the CONTRACT's `data-field` cells: `n`, `orr`, `dcr`, `mpfs`, `mos`,
//! `mdor`, `hr` (progression-free survival), `hros` (overall survival), `ae`, `ae3`; see
//! [`CONTRACT_FIELDS`].

mod csv;
mod documents;
mod evidence;
mod layout;
mod measure;
mod model;
mod names;
mod search;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_evidence;

pub use csv::to_csv;
pub use documents::{Document, EvidenceKind, Page, PubDate, Reference};
pub use evidence::{Cell, Evidence};
pub use layout::{default_order, lines, Line};
pub use measure::Measure;
pub use model::*;
pub use search::{
    search, sort_records, validate_query, Column, Direction, Filter, Query, QueryError,
    SearchResult,
};

use std::fmt;
use std::sync::OnceLock;

/// The data file as committed (indented). Only its hash is used at run time, computed at build
/// time, so its text is not carried in the binary.
const TRIALS_JSON_FILE: &str = include_str!("../../data/trials.json");

/// The data as embedded: the same JSON without whitespace, written by build.rs.
pub const TRIALS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/trials.min.json"));

/// The endpoint key of the number of patients (a CONTRACT cell, and the first of them).
pub const PATIENTS: &str = "n";

/// The CONTRACT's `data-field` names of a trials row, in table order. Each is an endpoint key
/// of [`Record::figure`].
pub const CONTRACT_FIELDS: [&str; 10] = [
    PATIENTS, "orr", "dcr", "mpfs", "mos", "mdor", "hr", "hros", "ae", "ae3",
];

/// The embedded data file could not be read into typed records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError(pub String);

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "trials data file could not be read: {}", self.0)
    }
}

impl std::error::Error for DataError {}

/// Parse a trials data file.
pub fn parse(json: &str) -> Result<Dataset, DataError> {
    serde_json::from_str(json).map_err(|e| DataError(e.to_string()))
}

/// The embedded dataset, parsed once.
pub fn dataset() -> Result<&'static Dataset, DataError> {
    static DATA: OnceLock<Result<Dataset, DataError>> = OnceLock::new();
    DATA.get_or_init(|| parse(TRIALS_JSON))
        .as_ref()
        .map_err(Clone::clone)
}

/// 64-bit FNV-1a hash.
pub const fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// FNV-1a 64 of the committed data file's text, computed at build time.
pub const DATA_HASH: u64 = fnv1a64(TRIALS_JSON_FILE.as_bytes());

/// Data version: [`DATA_HASH`] as 16 lower-case hex digits.
pub fn data_version() -> String {
    format!("{DATA_HASH:016x}")
}

/// True for a ClinicalTrials.gov id: "NCT" followed by exactly 8 digits.
pub fn is_well_formed_nct(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 11 && id.starts_with("NCT") && b[3..].iter().all(u8::is_ascii_digit)
}

/// `https://clinicaltrials.gov/study/<id>` for a well-formed NCT id, else `None`.
pub fn registry_url(id: &str) -> Option<String> {
    let id = id.trim();
    is_well_formed_nct(id).then(|| format!("https://clinicaltrials.gov/study/{id}"))
}

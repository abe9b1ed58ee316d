//! Trials: published outcomes of ivonescimab and other PD-1(L1)/VEGF bispecific antibodies,
//! each figure with its source, searchable, filterable, sortable and exportable as CSV.
//! Plain Rust: no UI or browser types.
//!
//! The data live in `data/trials.json`: the site fetches it as a file of its own when the Trials
//! view first opens ([`TRIALS_DATA_FILE`], [`install`]); native builds embed it.
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
mod registry;
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
pub use registry::{is_well_formed_nct, registry_url};
pub use search::{
    search, sort_records, validate_query, Column, Direction, Filter, Query, QueryError,
    SearchResult,
};

use std::fmt;
use std::sync::OnceLock;

/// The data file as committed (indented). Only its hash is used at run time, computed at build
/// time, so its text is not carried in the binary.
const TRIALS_JSON_FILE: &str = include_str!("../../data/trials.json");

/// The data as native builds embed it (tests, benchmarks, the server renderer): the same JSON
/// without whitespace, written by build.rs. The site fetches [`TRIALS_DATA_FILE`] instead.
#[cfg(not(target_arch = "wasm32"))]
pub const TRIALS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/trials.min.json"));

/// The data file of the site (`assets/trials.<data version>.json`), fetched when the Trials
/// view first opens, so the other views never download it; the service worker precaches it
/// for offline use.
pub const TRIALS_DATA_FILE: &str = include!(concat!(env!("OUT_DIR"), "/trials_data_file.rs"));

/// The endpoint key of the number of patients (a CONTRACT cell, and the first of them).
pub const PATIENTS: &str = "n";

/// The CONTRACT's `data-field` names of a trials row, in table order. Each is an endpoint key
/// of [`Record::figure`].
pub const CONTRACT_FIELDS: [&str; 10] = [
    PATIENTS, "orr", "dcr", "mpfs", "mos", "mdor", "hr", "hros", "ae", "ae3",
];

/// Why the dataset is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// Not loaded yet: the site fetches the file when the Trials view opens ([`install`]).
    NotLoaded,
    /// The file could not be read into typed records.
    Unreadable(String),
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotLoaded => write!(f, "trials data not loaded yet"),
            Self::Unreadable(e) => write!(f, "trials data file could not be read: {e}"),
        }
    }
}

impl std::error::Error for DataError {}

/// Parse a trials data file.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(json: &str) -> Result<Dataset, DataError> {
    serde_json::from_str(json).map_err(|e| DataError::Unreadable(e.to_string()))
}

static DATA: OnceLock<Dataset> = OnceLock::new();

/// The dataset: in native builds the embedded one, parsed once; in the site the one
/// [`install`]ed after its file was fetched.
pub fn dataset() -> Result<&'static Dataset, DataError> {
    if let Some(data) = DATA.get() {
        return Ok(data);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let parsed = parse(TRIALS_JSON)?;
        Ok(DATA.get_or_init(|| parsed))
    }
    #[cfg(target_arch = "wasm32")]
    {
        Err(DataError::NotLoaded)
    }
}

/// Makes `data` the dataset (the site's file, once fetched and read). A second call keeps
/// the first.
pub fn install(data: Dataset) -> &'static Dataset {
    DATA.get_or_init(|| data)
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

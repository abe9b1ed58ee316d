//! The data types of `data/kidney.json`: the partners' kidney limits, the creatinine floor
//! and the GFR cap of the Calvert formula, each with the words of its source, and the public
//! pages those words were read on.
//!
//! Shared with the build script (`build.rs` compiles this file as a module), which reads the
//! file with these types and writes it as a Rust static (see [`super::kidney`]).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::sources::Source;

/// Where a document's words were read: its public page and the day (`read_on`), and the date
/// the page itself shows, if any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub document: Cow<'static, str>,
    pub url: Cow<'static, str>,
    pub page_date: Option<Cow<'static, str>>,
    pub read_on: Cow<'static, str>,
}

/// The lowest creatinine guidance suggests for Cockcroft-Gault, with its sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreatinineFloor {
    pub threshold_mg_per_dl: f64,
    pub sources: Cow<'static, [Source]>,
}

/// The GFR cap of the Calvert formula for an estimated GFR.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GfrCap {
    pub ml_per_min: f64,
    pub sources: Cow<'static, [Source]>,
}

/// A partner's kidney limit: below it, a warning quoting the source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KidneyCheck {
    pub drug: Cow<'static, str>,
    pub below_ml_per_min: f64,
    /// What the source says, in the app's words (its Chinese is in the pack).
    pub reading: Cow<'static, str>,
    pub sources: Cow<'static, [Source]>,
}

/// Everything in `data/kidney.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KidneyData {
    pub description: Cow<'static, str>,
    pub pages: Cow<'static, [Page]>,
    pub creatinine_floor: CreatinineFloor,
    pub gfr_cap: GfrCap,
    pub checks: Cow<'static, [KidneyCheck]>,
}

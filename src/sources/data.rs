//! The data types of sources: a place in a document, and the documents themselves
//! (`data/documents.json`).
//!
//! Shared with the build script (`build.rs` compiles this file as a module), which reads the
//! data files with these types and writes them as Rust statics. Strings and lists are `Cow`s:
//! read from JSON they are owned; the statics borrow `'static` text, so the compiled app
//! carries them as data.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A place in a document, with the words printed there (kept in the document's language).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Document id (see [`Document`]).
    pub document: Cow<'static, str>,
    /// Section, table or page of the document, as the document heads it.
    pub section: Cow<'static, str>,
    /// The words as printed; `None` where the document is not held by the project.
    #[serde(default)]
    pub as_printed: Option<Cow<'static, str>>,
}

/// A document the data cites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable id, used by [`Source::document`] (`seed-000`, `china-label`).
    pub id: Cow<'static, str>,
    /// The name readers know it by ("Vallathol et al. 2025"); Chinese in `name_zh`.
    pub name: Cow<'static, str>,
    /// Full reference (authors, title, journal, year, DOI), or what the project knows of it.
    pub citation: Cow<'static, str>,
}

/// Everything in `data/documents.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Documents {
    pub documents: Cow<'static, [Document]>,
}

//! The trials data types, compiled into the build script from the app's own files, so the
//! build reads `data/trials.json` as the app does.
#![allow(dead_code)]

#[path = "../src/trials/documents.rs"]
mod documents;
#[path = "../src/trials/measure.rs"]
mod measure;
#[path = "../src/trials/model.rs"]
mod model;
#[path = "../src/trials/registry.rs"]
mod registry;

pub use model::Dataset;
use registry::registry_url;

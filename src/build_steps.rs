//! The build script's data steps (`build/`), compiled into the native tests so that the tests
//! run the same code the build does.

#[allow(dead_code)]
#[path = "../build/data.rs"]
pub mod data;
#[allow(dead_code)]
#[path = "../build/i18n.rs"]
pub mod i18n;
#[path = "../build/rs_files.rs"]
pub mod rs_files;

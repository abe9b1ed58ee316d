//! ivocalc: dose, pharmacokinetics and published outcomes of ivonescimab and the
//! PD-1(L1)/VEGF bispecific antibodies.
//!
//! The tree: `dosing`, `pk` and `trials` are the domain (plain Rust, no browser types);
//! `csv` writes every CSV download; `link` turns addresses into typed inputs and back; `app`, `views` and `widgets` are the
//! Yew user interface; `browser` is the one place that touches the page's window.

pub mod app;
pub mod browser;
#[cfg(test)]
mod build_steps;
pub mod csv;
pub mod decimal;
pub mod dosing;
pub mod evidence;
pub mod format;
pub mod i18n;
pub mod inputs;
pub mod js_api;
pub mod link;
pub mod messages;
pub mod pk;
pub mod results;
pub mod scenario;
pub mod sort;
pub mod sources;
pub mod trials;
pub mod views;
pub mod widgets;

/// The app's version, shown on the About view and on printed sheets.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The wasm's allocator: talc, smaller than the standard library's dlmalloc. The page's wasm
/// runs on one thread.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

/// Entry point in the browser: mounts the app. (The wasm is built with panics as bare traps,
/// see `scripts/tools.sh`, so there is no panic message to log.)
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let initial_hash = browser::current_hash();
    yew::Renderer::<app::App>::with_props(app::AppProps {
        initial_hash: initial_hash.into(),
    })
    .render();
}

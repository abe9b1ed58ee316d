//! Widgets shared by the views, written once: inputs with units and their messages, result
//! values that carry the contract's `data-testid`/`data-value`, and the link-backed form state.

pub mod bars;
pub mod chart;
pub mod field;
pub mod figure;
pub mod forest;
pub mod form;
pub mod messages;
pub mod result;
pub mod scale;
pub mod table;
pub mod toggle;

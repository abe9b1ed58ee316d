//! The scenario layer: a view's inputs, as a link, the form or a JS API object gives them
//! (text by parameter name), become the domain's requests and the messages about them; and
//! requests become links again. Views and the JS API both go through here; nothing here
//! knows a widget.
//!
//! Plain Rust: no UI or browser types.

pub mod dose;
pub mod pk;
pub mod trials;

//! Dosing: ivonescimab by weight with vial maths, and the chemotherapy partners of its regimens.
//! Plain Rust: no UI or browser types.

pub mod units;

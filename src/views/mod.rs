//! One component per view; each reads its link query once, when it starts.

pub mod about;
pub mod dose;
pub mod pk;
pub mod trials;

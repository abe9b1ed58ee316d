//! ivocalc: dose, pharmacokinetics and published outcomes of ivonescimab and the
//! PD-1(L1)/VEGF bispecific antibodies.

pub mod dosing;
pub mod pk;

//! Build step: data values written as Rust expressions.
//!
//! [`Bake::bake`] gives the Rust source of a constant expression equal to the value, so the
//! data files become statics the compiler lays out as data (`include!`d by the app; see
//! `src/dosing/regimens.rs`, `src/pk/calibration.rs`, `src/sources.rs`). Strings and lists are
//! written as `Cow::Borrowed` of literals, which is why the data types hold `Cow`s.
//!
//! Each struct is written by [`bake_struct!`] with the path the app knows it by. Its fields are
//! destructured without `..`: a field added to a type and not here is a build error.

use std::borrow::Cow;

use crate::dosing_data::{
    Disagreement, DoseBasis, DosingData, Evidence, IvonescimabDosing, Label, LabelDose, LabelNote,
    MaximumToleratedDose, Partner, Preset, Regimen, Trial, VialPresentation, WeightRange,
};
use crate::kidney_data::{CreatinineFloor, GfrCap, KidneyCheck, KidneyData, Page};
use crate::pk_defaults_data::{PkSources, SourcedValue};
use crate::sources::{Document, Documents, Source};

/// A value as the Rust source of a constant expression.
pub trait Bake {
    fn bake(&self) -> String;
}

impl Bake for f64 {
    fn bake(&self) -> String {
        // JSON has no NaN or infinity; `{:?}` round-trips every finite f64 as a literal.
        assert!(self.is_finite(), "a number that is not finite: {self}");
        format!("{self:?}")
    }
}

impl Bake for u32 {
    fn bake(&self) -> String {
        format!("{self}")
    }
}

impl Bake for bool {
    fn bake(&self) -> String {
        format!("{self}")
    }
}

impl Bake for Cow<'static, str> {
    fn bake(&self) -> String {
        // `{:?}` of a str is a Rust string literal (escapes included).
        format!("::std::borrow::Cow::Borrowed({:?})", self.as_ref())
    }
}

impl<T: Bake + Clone> Bake for Cow<'static, [T]> {
    fn bake(&self) -> String {
        let items: Vec<String> = self.iter().map(Bake::bake).collect();
        format!("::std::borrow::Cow::Borrowed(&[{}])", items.join(",\n"))
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self) -> String {
        match self {
            Some(value) => format!("::std::option::Option::Some({})", value.bake()),
            None => "::std::option::Option::None".to_string(),
        }
    }
}

impl Bake for DoseBasis {
    fn bake(&self) -> String {
        let variant = match self {
            DoseBasis::MgPerM2 => "MgPerM2",
            DoseBasis::CarboplatinAuc => "CarboplatinAuc",
            DoseBasis::MgPerKg => "MgPerKg",
        };
        format!("crate::dosing::data::DoseBasis::{variant}")
    }
}

/// `bake_struct!(Type => "crate::path::Type" { field, ... })`: every field, by name.
macro_rules! bake_struct {
    ($ty:ident => $path:literal { $($field:ident),* $(,)? }) => {
        impl Bake for $ty {
            fn bake(&self) -> String {
                let $ty { $($field),* } = self;
                let mut out = String::from(concat!($path, " { "));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    out.push_str(&$field.bake());
                    out.push_str(", ");
                )*
                out.push('}');
                out
            }
        }
    };
}

bake_struct!(Source => "crate::sources::Source" { document, section, as_printed });
bake_struct!(Document => "crate::sources::Document" { id, name, citation });
bake_struct!(Documents => "crate::sources::Documents" { documents });

bake_struct!(LabelDose => "crate::dosing::data::LabelDose" { mg_per_kg, every_weeks, sources });
bake_struct!(Disagreement => "crate::dosing::data::Disagreement" { topic, text, sources });
bake_struct!(Preset => "crate::dosing::data::Preset" { mg_per_kg, label_dose, used_in, sources });
bake_struct!(VialPresentation => "crate::dosing::data::VialPresentation" {
    vial_mg, volume_ml, concentration_mg_per_ml, editable, note, sources
});
bake_struct!(LabelNote => "crate::dosing::data::LabelNote" { code, text, sources });
bake_struct!(Label => "crate::dosing::data::Label" { dose, disagreements, presets, vial, notes });
bake_struct!(WeightRange => "crate::dosing::data::WeightRange" { min, max, sources });
bake_struct!(MaximumToleratedDose => "crate::dosing::data::MaximumToleratedDose" {
    mg_per_kg, every_weeks, dose_limiting_mg_per_kg, sources
});
bake_struct!(Evidence => "crate::dosing::data::Evidence" {
    population_pk_weight_kg, maximum_tolerated_dose
});
bake_struct!(IvonescimabDosing => "crate::dosing::data::IvonescimabDosing" {
    mg_per_kg, every_weeks, trial, sources
});
bake_struct!(Trial => "crate::dosing::data::Trial" { name, registry_id });
bake_struct!(Partner => "crate::dosing::data::Partner" {
    drug, basis, mg_per_m2, carboplatin_auc, mg_per_kg, days, cycle_days, choice_group, note,
    sources
});
bake_struct!(Regimen => "crate::dosing::data::Regimen" {
    id, name, tumour, setting, trials, ivonescimab, partners, notes, sources
});
bake_struct!(DosingData => "crate::dosing::data::DosingData" {
    label, evidence, trial_doses, regimens
});

bake_struct!(SourcedValue => "crate::pk::defaults_data::SourcedValue" {
    value, unit, sources, note
});
bake_struct!(PkSources => "crate::pk::defaults_data::PkSources" {
    description,
    clearance_first_dose_l_per_day,
    clearance_steady_state_l_per_day,
    central_volume_l,
    intercompartmental_clearance_l_per_day,
    clearance_hill,
    terminal_half_life_at_clss_days,
    terminal_half_life_reported_days,
    steady_state_trough_fraction,
    steady_state_day,
    calibration_dose_mg_per_kg,
    calibration_interval_days,
    weight_kg,
    infusion_hours,
    allometric_exponent_clearance,
    allometric_exponent_volume,
    cv_clearance_percent,
    cv_central_volume_percent,
    patients,
    ic50_pd1_signalling_nm,
    ic50_vegf_signalling_nm,
    molecular_weight_kda,
});

bake_struct!(Page => "crate::dosing::kidney_data::Page" { document, url, page_date, read_on });
bake_struct!(CreatinineFloor => "crate::dosing::kidney_data::CreatinineFloor" {
    threshold_mg_per_dl, sources
});
bake_struct!(GfrCap => "crate::dosing::kidney_data::GfrCap" { ml_per_min, sources });
bake_struct!(KidneyCheck => "crate::dosing::kidney_data::KidneyCheck" {
    drug, below_ml_per_min, reading, sources
});
bake_struct!(KidneyData => "crate::dosing::kidney_data::KidneyData" {
    description, pages, creatinine_floor, gfr_cap, checks
});

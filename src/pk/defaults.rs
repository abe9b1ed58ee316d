//! The sourced inputs of the default PK model at run time: data/pk_defaults.json, checked and
//! written as a static by build.rs (types in [`super::defaults_data`]), and the words that
//! say where each value comes from.

use crate::i18n::{translated, Lang};

pub use super::defaults_data::{PkSources, SourcedValue};

// `static PK_SOURCES: PkSources`, written by build.rs from data/pk_defaults.json.
include!(concat!(env!("OUT_DIR"), "/pk_defaults_data.rs"));

/// The sourced inputs of the default model (data/pk_defaults.json, checked and written as a
/// static by build.rs).
pub fn sources() -> &'static PkSources {
    &PK_SOURCES
}

impl SourcedValue {
    /// Where the value comes from, in one line: its sources (document and place) and its
    /// note. Empty for a value with neither.
    pub fn describe(&self, lang: Lang) -> String {
        let cites = crate::sources::short_cites(self.sources.iter(), lang);
        let note = self.note.as_deref().map(|n| translated(n, lang));
        match (cites.is_empty(), note) {
            (false, Some(note)) => format!("{cites}. {note}"),
            (false, None) => cites,
            (true, Some(note)) => note.to_string(),
            (true, None) => String::new(),
        }
    }
}

impl PkSources {
    /// Every value, in the order of the file.
    pub fn values(&self) -> Vec<&SourcedValue> {
        let PkSources {
            description: _,
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
        } = self;
        vec![
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
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULTS_JSON: &str = include_str!("../../data/pk_defaults.json");

    #[test]
    fn the_static_is_the_file() {
        let mut value: serde_json::Value = serde_json::from_str(DEFAULTS_JSON).expect("json");
        crate::build_steps::i18n::strip_zh(&mut value);
        let from_json: PkSources = serde_json::from_value(value).expect("parses");
        assert_eq!(sources(), &from_json);
        let checked =
            crate::build_steps::data::read::<PkSources>("data/pk_defaults.json", DEFAULTS_JSON)
                .expect("the build's reading");
        assert_eq!(sources(), &checked.data);
    }

    #[test]
    fn a_bad_value_is_named_by_file_and_path() {
        let mut value: serde_json::Value = serde_json::from_str(DEFAULTS_JSON).expect("json");
        value["clearance_hill"]["sources"][0]["section"] = 3.into();
        let message = crate::build_steps::data::read::<PkSources>(
            "data/pk_defaults.json",
            &value.to_string(),
        )
        .err()
        .unwrap_or_default();
        assert_eq!(
            message,
            "data/pk_defaults.json: clearance_hill.sources[0].section: invalid type: integer `3`, \
             expected a string"
        );
    }

    #[test]
    fn every_value_has_sources_or_a_note_and_cites_known_documents() {
        let known: Vec<&str> = crate::sources::documents()
            .iter()
            .map(|d| d.id.as_ref())
            .collect();
        for v in sources().values() {
            assert!(
                !v.sources.is_empty() || v.note.as_deref().is_some_and(|n| n.len() > 20),
                "{v:?}"
            );
            for s in v.sources.iter() {
                assert!(known.contains(&s.document.as_ref()), "{s:?}");
                assert!(!s.section.trim().is_empty(), "{s:?}");
                // The documents the project holds are quoted as printed.
                if s.document.starts_with("seed-") {
                    assert!(
                        s.as_printed.as_deref().is_some_and(|t| !t.is_empty()),
                        "{s:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_note_has_its_chinese_and_no_working_names() {
        let pairs =
            crate::build_steps::data::read::<PkSources>("data/pk_defaults.json", DEFAULTS_JSON)
                .expect("parses")
                .pairs;
        let has_chinese = |en: &str| pairs.iter().any(|p| p.en == en && !p.zh.is_empty());
        assert!(has_chinese(&sources().description));
        for v in sources().values() {
            if let Some(note) = v.note.as_deref() {
                assert!(has_chinese(note), "no Chinese for {note:?}");
            }
        }
        let text = serde_json::to_string(sources()).expect("json");
        for working_name in ["seed 0", "Seed 0", "seeds", "/work/", "seed_0"] {
            assert!(!text.contains(working_name), "{working_name}");
        }
    }

    #[test]
    fn a_value_describes_its_sources_and_note_by_reader_names() {
        let s = sources();
        assert_eq!(
            s.clearance_hill.describe(Lang::En),
            "Bajaj et al. 2017, Nivolumab time-varying clearance: Hill coefficient 3.15. \
             Nivolumab's value: the sources give no shape for the fall in ivonescimab clearance."
        );
        assert!(s
            .weight_kg
            .describe(Lang::En)
            .starts_with("The PK view's default weight"));
        for v in s.values() {
            let text = v.describe(Lang::En);
            assert!(!text.contains("seed"), "{text}");
        }
    }
}

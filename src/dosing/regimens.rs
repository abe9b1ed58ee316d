//! Regimens, label facts and the evidence behind the dose warnings, from
//! `data/regimens.json`: checked and written as a Rust static by build.rs (types in
//! [`super::data`]), so nothing is parsed at run time.

use crate::sources::{Document, Source};

pub use super::data::*;

// `static DOSING_DATA: DosingData`, written by build.rs from data/regimens.json.
include!(concat!(env!("OUT_DIR"), "/regimens_data.rs"));

/// The dosing data (data/regimens.json).
pub fn dosing_data() -> &'static DosingData {
    &DOSING_DATA
}

impl DosingData {
    /// Every source the data cites, in file order.
    pub fn sources(&self) -> Vec<&Source> {
        let mut out: Vec<&Source> = Vec::new();
        out.extend(self.label.dose.sources.iter());
        for d in self.label.disagreements.iter() {
            out.extend(d.sources.iter());
        }
        for p in self.label.presets.iter() {
            out.extend(p.sources.iter());
        }
        out.extend(self.label.vial.sources.iter());
        for n in self.label.notes.iter() {
            out.extend(n.sources.iter());
        }
        out.extend(self.evidence.population_pk_weight_kg.sources.iter());
        out.extend(self.evidence.maximum_tolerated_dose.sources.iter());
        for t in self.trial_doses.iter() {
            out.extend(t.sources.iter());
        }
        for r in self.regimens.iter() {
            out.extend(r.sources.iter());
            for i in r.ivonescimab.iter() {
                out.extend(i.sources.iter());
            }
            for p in r.partners.iter() {
                out.extend(p.sources.iter());
            }
        }
        out
    }
}

/// The documents the dosing data cites, in the order of data/documents.json.
pub fn documents() -> Vec<&'static Document> {
    let cited = dosing_data().sources();
    crate::sources::documents()
        .iter()
        .filter(|d| cited.iter().any(|s| s.document == d.id))
        .collect()
}

/// All regimens, in display order (the first is ivonescimab alone).
pub fn regimens() -> &'static [Regimen] {
    &dosing_data().regimens
}

/// The regimen with this id.
pub fn regimen(id: &str) -> Option<&'static Regimen> {
    regimens().iter().find(|r| r.id == id)
}

/// Id of the default regimen (ivonescimab alone).
pub const DEFAULT_REGIMEN_ID: &str = "ivo";

/// Label facts: dose, presets, vial, administration notes, disagreements.
pub fn label() -> &'static Label {
    &dosing_data().label
}

/// Whether a trial in the sources gave `mg_per_kg` every `every_weeks` weeks.
pub fn trials_using(mg_per_kg: f64, every_weeks: u32) -> Vec<&'static IvonescimabDosing> {
    dosing_data()
        .trial_doses
        .iter()
        .filter(|t| {
            t.every_weeks == Some(every_weeks)
                && t.mg_per_kg
                    .iter()
                    .any(|level| (level - mg_per_kg).abs() <= 1e-9 * level.max(1.0))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;
    use std::collections::HashSet;

    const REGIMENS_JSON: &str = include_str!("../../data/regimens.json");

    fn read_file(text: &str) -> Result<DosingData, String> {
        crate::build_steps::data::read::<DosingData>("data/regimens.json", text).map(|f| f.data)
    }

    #[test]
    fn embedded_data_parses() {
        let data = read_file(REGIMENS_JSON).expect("parses");
        assert!(!data.regimens.is_empty());
        assert_eq!(data.regimens[0].id, DEFAULT_REGIMEN_ID);
    }

    #[test]
    fn the_static_is_the_file() {
        // The file as serde_json reads it (its Chinese siblings taken out for the pack).
        let mut value: serde_json::Value = serde_json::from_str(REGIMENS_JSON).expect("json");
        crate::build_steps::i18n::strip_zh(&mut value);
        let from_json: DosingData = serde_json::from_value(value).expect("parses");
        assert_eq!(dosing_data(), &from_json);
        // Borrowed: laid out by the compiler, not built at start-up.
        assert!(matches!(dosing_data().regimens, Cow::Borrowed(_)));
    }

    #[test]
    fn a_bad_value_is_named_by_file_and_path() {
        let file = || -> serde_json::Value { serde_json::from_str(REGIMENS_JSON).expect("json") };
        let mut value = file();
        value["label"]["presets"][2]["mg_per_kg"] = "x".into();
        let broken = serde_json::to_string_pretty(&value).expect("json");
        assert_eq!(
            read_file(&broken).err().as_deref(),
            Some(
                "data/regimens.json: label.presets[2].mg_per_kg: invalid type: string \"x\", \
                 expected f64"
            )
        );
        let mut value = file();
        value["regimens"][1]["partners"][0]["basis"] = "mg_per_m3".into();
        let message = read_file(&value.to_string()).err().unwrap_or_default();
        assert!(
            message.starts_with(
                "data/regimens.json: regimens[1].partners[0].basis: unknown variant `mg_per_m3`"
            ),
            "{message}"
        );
        // A misspelt field is not silently ignored.
        let mut value = file();
        value["label"]["vial"]["vial_mgs"] = 100.into();
        let message = read_file(&value.to_string()).err().unwrap_or_default();
        assert!(
            message
                .starts_with("data/regimens.json: label.vial.vial_mgs: unknown field `vial_mgs`"),
            "{message}"
        );
        // A Chinese text without its English.
        let mut value = file();
        value["regimens"][0]["settings_zh"] = "一线".into();
        let message = read_file(&value.to_string()).err().unwrap_or_default();
        assert!(
            message.starts_with("data/regimens.json: regimens[0].settings_zh: "),
            "{message}"
        );
        // Not JSON at all: the line and column.
        let message = read_file("{\n  \"label\": ,\n}").err().unwrap_or_default();
        assert!(
            message.starts_with("data/regimens.json: expected value at line 2"),
            "{message}"
        );
    }

    #[test]
    fn every_reader_text_has_its_chinese() {
        let pairs =
            crate::build_steps::data::read::<DosingData>("data/regimens.json", REGIMENS_JSON)
                .expect("parses")
                .pairs;
        let has_chinese = |en: &str| pairs.iter().any(|p| p.en == en && !p.zh.is_empty());
        // A registry id alone is not translated.
        let is_registry_id = |text: &str| text.starts_with("NCT") && !text.contains(' ');
        let data = dosing_data();
        let mut texts: Vec<&str> = Vec::new();
        for d in data.label.disagreements.iter() {
            texts.extend([d.topic.as_ref(), d.text.as_ref()]);
        }
        texts.extend(data.label.presets.iter().map(|p| p.used_in.as_ref()));
        texts.push(&data.label.vial.note);
        texts.extend(data.label.notes.iter().map(|n| n.text.as_ref()));
        texts.extend(data.trial_doses.iter().map(|t| t.trial.as_ref()));
        for r in data.regimens.iter() {
            texts.extend([r.name.as_ref(), r.tumour.as_ref(), r.setting.as_ref()]);
            texts.extend(r.trials.iter().map(|t| t.name.as_ref()));
            texts.extend(r.ivonescimab.iter().map(|i| i.trial.as_ref()));
            texts.extend(r.partners.iter().filter_map(|p| p.note.as_deref()));
            texts.extend(r.notes.iter().map(|n| n.as_ref()));
        }
        for text in texts.into_iter().filter(|t| !is_registry_id(t)) {
            assert!(has_chinese(text), "no Chinese for {text:?}");
        }
    }

    #[test]
    fn reader_texts_use_the_names_readers_know() {
        let text = serde_json::to_string(dosing_data()).expect("json");
        for working_name in ["seed 0", "Seed 0", "seeds", "/work/"] {
            assert!(!text.contains(working_name), "{working_name}");
        }
    }

    #[test]
    fn every_source_names_a_known_document_and_a_section() {
        let data = dosing_data();
        let ids: HashSet<&str> = crate::sources::documents()
            .iter()
            .map(|d| d.id.as_ref())
            .collect();
        for source in data.sources() {
            assert!(ids.contains(source.document.as_ref()), "{source:?}");
            assert!(!source.section.trim().is_empty(), "{source:?}");
            // The seeds are stored: a figure from them is quoted as printed.
            if source.document.starts_with("seed-") {
                assert!(
                    source.as_printed.as_deref().is_some_and(|t| !t.is_empty()),
                    "{source:?}"
                );
            }
        }
    }

    #[test]
    fn every_regimen_and_partner_has_a_source() {
        for r in regimens() {
            assert!(!r.sources.is_empty(), "{}", r.id);
            assert!(!r.trials.is_empty(), "{}", r.id);
            for i in r.ivonescimab.iter() {
                assert!(!i.sources.is_empty(), "{}", r.id);
            }
            for p in r.partners.iter() {
                assert!(!p.sources.is_empty(), "{} {}", r.id, p.drug);
            }
        }
    }

    #[test]
    fn ids_are_unique_and_link_safe() {
        let mut seen = HashSet::new();
        for r in regimens() {
            assert!(seen.insert(r.id.as_ref()), "duplicate id {}", r.id);
            assert!(!r.id.is_empty() && r.id.len() <= 24, "{}", r.id);
            assert!(
                r.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                r.id
            );
            assert!(!r.id.starts_with('-') && !r.id.ends_with('-'), "{}", r.id);
            let mut drugs = HashSet::new();
            for p in r.partners.iter() {
                assert!(drugs.insert(p.drug.as_ref()), "{} {}", r.id, p.drug);
                assert!(
                    p.drug
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{}",
                    p.drug
                );
            }
        }
    }

    fn positive(value: f64) -> bool {
        value.is_finite() && value > 0.0
    }

    #[test]
    fn doses_are_positive_and_match_their_basis() {
        let data = dosing_data();
        assert!(positive(data.label.dose.mg_per_kg));
        assert!(positive(data.label.vial.vial_mg));
        assert!(positive(data.label.vial.concentration_mg_per_ml));
        // 100 mg / 10 mL = 10 mg/mL
        assert!(
            (data.label.vial.vial_mg / data.label.vial.volume_ml
                - data.label.vial.concentration_mg_per_ml)
                .abs()
                < 1e-12
        );
        for t in data.trial_doses.iter() {
            assert!(t.mg_per_kg.iter().all(|&d| positive(d)));
            assert!(matches!(t.every_weeks, Some(2) | Some(3)));
        }
        for r in regimens() {
            for i in r.ivonescimab.iter() {
                assert!(!i.mg_per_kg.is_empty() && i.mg_per_kg.iter().all(|&d| positive(d)));
            }
            for p in r.partners.iter() {
                for value in [p.mg_per_m2, p.carboplatin_auc, p.mg_per_kg]
                    .into_iter()
                    .flatten()
                {
                    assert!(positive(value), "{} {}", r.id, p.drug);
                }
                // Only the field of its basis may be filled.
                match p.basis {
                    DoseBasis::MgPerM2 => {
                        assert!(p.carboplatin_auc.is_none() && p.mg_per_kg.is_none())
                    }
                    DoseBasis::CarboplatinAuc => {
                        assert!(p.drug == "carboplatin");
                        assert!(p.mg_per_m2.is_none() && p.mg_per_kg.is_none())
                    }
                    DoseBasis::MgPerKg => {
                        assert!(p.mg_per_m2.is_none() && p.carboplatin_auc.is_none())
                    }
                }
                if let (Some(days), Some(cycle)) = (&p.days, p.cycle_days) {
                    assert!(days.iter().all(|&d| d >= 1 && d <= cycle));
                }
            }
        }
    }

    #[test]
    fn figures_as_the_sources_give_them() {
        // Label: 20 mg/kg every 3 weeks (seed 001, Dose and Administration).
        let l = label();
        assert_eq!((l.dose.mg_per_kg, l.dose.every_weeks), (20.0, 3));
        // The every-2-weeks statement in seed 001 'Clinical Trials' is surfaced.
        assert!(l
            .disagreements
            .iter()
            .any(|d| d.sources.iter().any(|s| s.as_printed.as_deref()
                == Some("The dose was determined to be 20 mg/kg every 2 weeks from this trial."))));
        let presets: Vec<f64> = l.presets.iter().map(|p| p.mg_per_kg).collect();
        assert_eq!(presets, vec![3.0, 10.0, 20.0, 30.0]);
        assert_eq!(l.presets.iter().filter(|p| p.label_dose).count(), 1);
        assert_eq!((l.vial.vial_mg, l.vial.volume_ml), (100.0, 10.0));
        assert_eq!(l.vial.sources[0].document, "china-label");
        let e = &dosing_data().evidence;
        assert_eq!(
            (e.population_pk_weight_kg.min, e.population_pk_weight_kg.max),
            (31.0, 155.0)
        );
        assert_eq!(e.maximum_tolerated_dose.mg_per_kg, 20.0);
        assert_eq!(e.maximum_tolerated_dose.dose_limiting_mg_per_kg, 30.0);

        let partner = |id: &str, drug: &str| {
            regimen(id)
                .and_then(|r| r.partners.iter().find(|p| p.drug == drug))
                .cloned()
                .unwrap_or_else(|| panic!("{id} {drug}"))
        };
        assert_eq!(
            partner("ivo-pem-carbo", "pemetrexed").mg_per_m2,
            Some(500.0)
        );
        assert_eq!(
            partner("ivo-pem-carbo", "carboplatin").carboplatin_auc,
            Some(5.0)
        );
        assert_eq!(
            partner("ivo-pac-carbo", "paclitaxel").mg_per_m2,
            Some(175.0)
        );
        assert_eq!(
            partner("ivo-pac-carbo", "carboplatin").carboplatin_auc,
            Some(5.0)
        );
        assert_eq!(partner("ivo-doce", "docetaxel").mg_per_m2, Some(75.0));
        let pac = partner("ivo-taxane-tnbc", "paclitaxel");
        assert_eq!(pac.mg_per_m2, Some(90.0));
        assert_eq!(
            (pac.days.as_deref(), pac.cycle_days),
            (Some(&[1, 8, 15][..]), Some(28))
        );
        assert_eq!(
            partner("ivo-taxane-tnbc", "nab-paclitaxel").mg_per_m2,
            Some(100.0)
        );
        assert_eq!(partner("ivo-ligu", "ligufalimab").mg_per_kg, Some(45.0));
        // Doses the sources do not give stay empty: never a default.
        assert_eq!(partner("ivo-etop-carbo", "etoposide").mg_per_m2, None);
        assert_eq!(
            partner("ivo-etop-carbo", "carboplatin").carboplatin_auc,
            None
        );
        assert_eq!(partner("ivo-gem-cis", "gemcitabine").mg_per_m2, None);
        assert_eq!(partner("ivo-gem-cis", "cisplatin").mg_per_m2, None);
        for drug in ["oxaliplatin", "irinotecan", "leucovorin", "fluorouracil"] {
            assert_eq!(partner("ivo-folfoxiri", drug).mg_per_m2, None);
        }
        // TNBC ivonescimab 20 mg/kg every 2 weeks.
        let tnbc = regimen("ivo-taxane-tnbc").expect("tnbc");
        assert_eq!(tnbc.ivonescimab[0].mg_per_kg, vec![20.0]);
        assert_eq!(tnbc.ivonescimab[0].every_weeks, Some(2));
    }

    #[test]
    fn trial_dose_lookup() {
        // Phase Ia every 2 weeks: 0.3 to 30 mg/kg.
        for level in [0.3, 1.0, 3.0, 10.0, 20.0, 30.0] {
            assert!(!trials_using(level, 2).is_empty(), "{level} Q2W");
        }
        // Every 3 weeks: 3 (SCLC), 10, 20, 30.
        for level in [3.0, 10.0, 20.0, 30.0] {
            assert!(!trials_using(level, 3).is_empty(), "{level} Q3W");
        }
        assert!(trials_using(0.3, 3).is_empty());
        assert!(trials_using(15.0, 3).is_empty());
        assert!(trials_using(25.0, 2).is_empty());
    }
}

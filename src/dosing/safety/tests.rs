//! The dose-safety guards, each against figures worked by hand: a believable typing or unit
//! mistake must never give a confident dose. One test per guard, then property tests: nothing
//! that depends on a value awaiting confirmation is shown, and nothing panics.
//!
//! Cockcroft-Gault: CrCl = (140 − age) × weight ÷ (72 × SCr mg/dL), × 0.85 for a woman.
//! Calvert: carboplatin mg = AUC × (GFR + 25), an estimated GFR capped at 125 mL/min.

use std::collections::BTreeMap;

use proptest::prelude::*;

use crate::dosing::*;
use crate::i18n::Lang;
use crate::link::QueryMap;
use crate::messages::Code;
use crate::results::{Reason, ResultId};

fn close(actual: Option<f64>, expected: f64, tolerance: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected {expected}, got nothing"));
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected} ± {tolerance}, got {actual}"
    );
}

fn warning(report: &DoseReport, code: Code) -> Option<&crate::messages::Message> {
    report.warnings.iter().find(|w| w.code == code)
}

fn has_warning(report: &DoseReport, code: Code) -> bool {
    warning(report, code).is_some()
}

fn partner_mg(report: &DoseReport, drug: &str) -> Option<f64> {
    report
        .partners
        .iter()
        .find(|p| p.drug == drug)
        .and_then(|p| p.mg)
}

/// The request with every value that waits confirmed, as a user clicking each button would
/// (confirming one value may reveal another, such as a BMI once the height is confirmed).
fn confirm_all(mut request: DoseRequest) -> DoseRequest {
    for _ in 0..4 {
        let report = calculate(&request);
        if report.pending.is_empty() {
            break;
        }
        for p in report.pending {
            request.confirmed.push(Confirmation {
                field: p.key,
                value: p.value,
            });
        }
    }
    request
}

/// A link as a user would open it.
fn from_link(query: &str) -> (DoseRequest, Vec<crate::messages::Message>) {
    crate::scenario::dose::read(&QueryMap::parse(query))
}

/// Woman, 78 years, 45 kg, creatinine 0.4 mg/dL, paclitaxel + carboplatin (AUC 5 from the
/// regimen's source): the first case.
fn frail_woman() -> DoseRequest {
    DoseRequest {
        weight: Some(45.0),
        age_years: Some(78.0),
        sex: Some(Sex::Female),
        serum_creatinine: Some(0.4),
        regimen: Some("ivo-pac-carbo".to_string()),
        ..DoseRequest::default()
    }
}

/// Man, 60 years, 70 kg, creatinine 1.0 mg/dL.
fn man_60(regimen: &str) -> DoseRequest {
    DoseRequest {
        weight: Some(70.0),
        age_years: Some(60.0),
        sex: Some(Sex::Male),
        serum_creatinine: Some(1.0),
        regimen: Some(regimen.to_string()),
        ..DoseRequest::default()
    }
}

// ---------------------------------------------------------------- creatinine floor, GFR

#[test]
fn scr_below_floor_shows_carboplatin_as_typed_and_at_0_7() {
    // CG = (140 − 78) × 45 ÷ (72 × 0.4) × 0.85 = 2790 ÷ 28.8 × 0.85 = 96.875 × 0.85
    //    = 82.34 mL/min; Calvert 5 × (82.34 + 25) = 536.7 mg.
    // At 0.7 mg/dL: 2790 ÷ 50.4 × 0.85 = 47.05 mL/min; 5 × (47.05 + 25) = 360.3 mg
    // (the dose as typed is 49 % higher: 536.7 ÷ 360.3 = 1.49).
    let report = calculate(&frail_woman());
    close(report.crcl_ml_min, 82.343_75, 1e-9);
    close(report.carboplatin_mg, 536.718_75, 1e-9);
    let w = warning(&report, Code::ScrBelowFloor).expect("scr-below-floor");
    assert_eq!(w.field.as_deref(), Some("scr"));
    let text = w.text(Lang::En);
    for expected in ["0.4 mg/dL", "536.7 mg", "360.3 mg", "0.7 mg/dL"] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    // It quotes NCCN and cites the FDA note on IDMS creatinine.
    assert!(
        text.contains("Consider using a minimum Cr of 0.7 mg/dL"),
        "{text}"
    );
    let documents: Vec<&str> = w.sources.iter().map(|s| s.document.as_ref()).collect();
    assert_eq!(documents, ["nccn-carboplatin", "fda-carboplatin-2010"]);
    // At or above 0.7 mg/dL: no warning.
    let report = calculate(&DoseRequest {
        serum_creatinine: Some(0.7),
        ..frail_woman()
    });
    assert!(!has_warning(&report, Code::ScrBelowFloor));
    // Without carboplatin the warning gives the clearance both ways instead.
    let report = calculate(&DoseRequest {
        regimen: None,
        ..frail_woman()
    });
    let text = warning(&report, Code::ScrBelowFloor)
        .expect("scr-below-floor")
        .text(Lang::En);
    assert!(
        text.contains("82.34 mL/min") && text.contains("47.05 mL/min"),
        "{text}"
    );
}

#[test]
fn a_chosen_floor_replaces_a_lower_creatinine() {
    // 0.7: 2790 ÷ (72 × 0.7) × 0.85 = 47.05 mL/min -> 5 × 72.05 = 360.3 mg
    // 0.8: 2790 ÷ 57.6 × 0.85 = 41.17 mL/min -> 5 × 66.17 = 330.9 mg
    // 1.0: 2790 ÷ 72 × 0.85 = 32.94 mL/min -> 5 × 57.94 = 289.7 mg
    for (floor, crcl, carboplatin) in [
        (0.7, 47.053_571, 360.267_857),
        (0.8, 41.171_875, 330.859_375),
        (1.0, 32.937_5, 289.687_5),
    ] {
        let report = calculate(&DoseRequest {
            creatinine_floor_mg_per_dl: Some(floor),
            ..frail_woman()
        });
        close(report.crcl_ml_min, crcl, 1e-5);
        close(report.crcl_scr_mg_per_dl, floor, 0.0);
        close(report.carboplatin_mg, carboplatin, 1e-5);
        assert!(report.has_note("scr-floor-applied"), "{floor}");
        assert!(!has_warning(&report, Code::ScrBelowFloor), "{floor}");
        // Every floored clearance is below 60 mL/min: the carboplatin label's warning.
        assert!(has_warning(&report, Code::RenalCarboplatin), "{floor}");
    }
    // A creatinine above the floor is used as measured: 1.2 mg/dL with floor 1.0:
    // 2790 ÷ 86.4 × 0.85 = 27.45 mL/min, no floor note.
    let report = calculate(&DoseRequest {
        serum_creatinine: Some(1.2),
        creatinine_floor_mg_per_dl: Some(1.0),
        ..frail_woman()
    });
    close(report.crcl_ml_min, 27.447_917, 1e-5);
    assert!(!report.has_note("scr-floor-applied"));
    // In µmol/L the note speaks µmol/L: 30 µmol/L = 0.3394 mg/dL, below the 0.7 floor
    // (61.88 µmol/L).
    let report = calculate(&DoseRequest {
        serum_creatinine: Some(30.0),
        creatinine_unit: CreatinineUnit::Umol,
        creatinine_floor_mg_per_dl: Some(0.7),
        ..frail_woman()
    });
    let text = report
        .note(Code::ScrFloorApplied)
        .expect("floor note")
        .text(Lang::En);
    assert!(
        text.contains("30 µmol/L") && text.contains("61.88 µmol/L"),
        "{text}"
    );
}

#[test]
fn measured_gfr_goes_into_calvert_uncapped_and_is_labelled() {
    // Man 30 y, 90 kg, SCr 0.7: CG (140 − 30) × 90 ÷ (72 × 0.7) = 9900 ÷ 50.4 = 196.4 mL/min,
    // capped at 125: 5 × 150 = 750 mg. A measured GFR of 150 mL/min is not capped:
    // 5 × (150 + 25) = 875 mg.
    let patient = DoseRequest {
        weight: Some(90.0),
        age_years: Some(30.0),
        serum_creatinine: Some(0.7),
        ..man_60("ivo-pem-carbo")
    };
    let estimated = calculate(&patient);
    close(estimated.carboplatin_mg, 750.0, 1e-9);
    let report = calculate(&DoseRequest {
        measured_gfr_ml_min: Some(150.0),
        ..patient.clone()
    });
    close(report.carboplatin_mg, 875.0, 1e-9);
    let calvert = report.carboplatin.as_ref().expect("calvert");
    assert!(!calvert.gfr_cap_applied);
    close(Some(calvert.gfr_used_ml_min), 150.0, 0.0);
    // Cockcroft-Gault is still shown for what it is.
    close(report.crcl_ml_min, 196.428_571, 1e-5);
    let note = report
        .note(Code::CalvertGfr)
        .expect("calvert-gfr")
        .text(Lang::En);
    assert!(note.contains("measured GFR, 150 mL/min"), "{note}");
    assert!(!report.has_note("gfr-cap-applied"));
    // A measured GFR without any creatinine: Calvert runs, the kidney checks run on it.
    // 40 mL/min: 5 × 65 = 325 mg; below 45 (pemetrexed) and 60 (carboplatin), at the GFR.
    let report = calculate(&DoseRequest {
        serum_creatinine: None,
        measured_gfr_ml_min: Some(40.0),
        ..patient
    });
    close(report.carboplatin_mg, 325.0, 1e-9);
    assert_eq!(report.crcl_ml_min, None);
    for code in [Code::RenalPemetrexed, Code::RenalCarboplatin] {
        let w = warning(&report, code).expect("renal warning");
        assert_eq!(w.field.as_deref(), Some("gfr"));
        assert!(w.text(Lang::En).contains("measured GFR 40 mL/min"));
    }
    assert!(!report.has_note("renal-check-not-run"));
}

#[test]
fn a_measured_gfr_that_waits_or_fails_is_not_replaced_by_the_estimate() {
    // CG is 77.78 mL/min; a GFR of 220 mL/min (plausible up to 200) waits for confirmation,
    // 300 (usable up to 250) is an error: carboplatin waits, never falls back to CG.
    for (gfr, awaits) in [(220.0, true), (300.0, false)] {
        let report = calculate(&DoseRequest {
            measured_gfr_ml_min: Some(gfr),
            ..man_60("ivo-pem-carbo")
        });
        close(report.crcl_ml_min, 77.777_778, 1e-5);
        assert_eq!(report.carboplatin_mg, None, "{gfr}");
        assert_eq!(partner_mg(&report, "carboplatin"), None, "{gfr}");
        let reason = report.outcome(ResultId::CarboplatinMg);
        match (awaits, reason) {
            (true, crate::results::Outcome::Missing(Reason::AwaitsConfirmation(inputs)))
            | (false, crate::results::Outcome::Missing(Reason::Needs(inputs))) => {
                assert_eq!(inputs[0].name, "gfr")
            }
            (_, other) => panic!("{gfr}: {other:?}"),
        }
    }
    // Confirmed: 5 × (220 + 25) = 1225 mg.
    let request = confirm_all(DoseRequest {
        measured_gfr_ml_min: Some(220.0),
        ..man_60("ivo-pem-carbo")
    });
    close(calculate(&request).carboplatin_mg, 1225.0, 1e-9);
}

// ---------------------------------------------------------------- partners' kidney limits

#[test]
fn pemetrexed_warns_below_45() {
    // Woman 75 y, 55 kg, 160 cm, SCr 1.4: CG (140 − 75) × 55 ÷ (72 × 1.4) × 0.85
    // = 3575 ÷ 100.8 × 0.85 = 30.15 mL/min. BSA √(160 × 55 ÷ 3600) = 1.5635 m²:
    // pemetrexed 500 × 1.5635 = 781.7 mg, shown with the warning; carboplatin
    // 5 × (30.15 + 25) = 275.7 mg.
    let report = calculate(&DoseRequest {
        weight: Some(55.0),
        height: Some(160.0),
        age_years: Some(75.0),
        sex: Some(Sex::Female),
        serum_creatinine: Some(1.4),
        regimen: Some("ivo-pem-carbo".to_string()),
        ..DoseRequest::default()
    });
    close(report.crcl_ml_min, 30.146_329, 1e-5);
    close(partner_mg(&report, "pemetrexed"), 781.735_960, 1e-5);
    close(report.carboplatin_mg, 275.731_647, 1e-5);
    let w = warning(&report, Code::RenalPemetrexed).expect("renal-pemetrexed");
    assert_eq!(w.field.as_deref(), Some("scr"));
    let text = w.text(Lang::En);
    assert!(
        text.contains("30.15 mL/min") && text.contains("below 45 mL/min"),
        "{text}"
    );
    assert!(
        text.contains("There is no recommended dose for patients whose creatinine clearance is less than 45 mL/min"),
        "{text}"
    );
    assert_eq!(w.sources[0].document, "pemetrexed-label-us");
    assert_eq!(w.sources[0].section, "2.3 Renal Impairment");
    assert!(has_warning(&report, Code::RenalCarboplatin));
    // The limit: man 60 y, SCr 1.0: 80 × w ÷ 72. 40.5 kg -> 45.0 mL/min and 41.4 kg -> 46.0:
    // no warning; 40 kg -> 44.44 mL/min: warning.
    for (weight, warned) in [(40.5, false), (41.4, false), (40.0, true)] {
        let report = calculate(&DoseRequest {
            weight: Some(weight),
            ..man_60("ivo-pem-carbo")
        });
        assert_eq!(
            has_warning(&report, Code::RenalPemetrexed),
            warned,
            "{weight} kg: {:?}",
            report.crcl_ml_min
        );
    }
}

#[test]
fn cisplatin_warns_below_60() {
    // Man 60 y, 70 kg, SCr 1.4: 80 × 70 ÷ 100.8 = 55.56 mL/min, below 60.
    let report = calculate(&DoseRequest {
        serum_creatinine: Some(1.4),
        ..man_60("ivo-gem-cis")
    });
    close(report.crcl_ml_min, 55.555_556, 1e-5);
    let w = warning(&report, Code::RenalCisplatin).expect("renal-cisplatin");
    assert_eq!(w.field.as_deref(), Some("scr"));
    let text = w.text(Lang::En);
    assert!(
        text.contains("Preexisting renal dysfunction (CCR < 60 mL/min)"),
        "{text}"
    );
    let documents: Vec<&str> = w.sources.iter().map(|s| s.document.as_ref()).collect();
    assert_eq!(
        documents,
        ["cisplatin-unsuitability-2020", "cisplatin-label-us"]
    );
    // 54 kg: 80 × 54 ÷ 72 = 60.0 mL/min, no warning; 53.9 kg: 59.89 mL/min, warning.
    for (weight, warned) in [(54.0, false), (53.9, true), (70.0, false)] {
        let report = calculate(&DoseRequest {
            weight: Some(weight),
            ..man_60("ivo-gem-cis")
        });
        assert_eq!(
            has_warning(&report, Code::RenalCisplatin),
            warned,
            "{weight}"
        );
    }
}

#[test]
fn carboplatin_warns_below_60() {
    // 55.56 mL/min as above: carboplatin 5 × (55.56 + 25) = 402.8 mg, with the label's
    // warning on marrow suppression.
    let report = calculate(&DoseRequest {
        serum_creatinine: Some(1.4),
        ..man_60("ivo-pac-carbo")
    });
    close(report.carboplatin_mg, 402.777_778, 1e-5);
    let w = warning(&report, Code::RenalCarboplatin).expect("renal-carboplatin");
    let text = w.text(Lang::En);
    assert!(
        text.contains("Patients with creatinine clearance values below 60 mL/min are at increased risk of severe bone marrow suppression."),
        "{text}"
    );
    assert_eq!(w.sources[0].document, "carboplatin-label-us");
    // SCr 1.0: 77.78 mL/min, no warning.
    assert!(!has_warning(
        &calculate(&man_60("ivo-pac-carbo")),
        Code::RenalCarboplatin
    ));
}

#[test]
fn a_kidney_check_that_cannot_run_says_what_is_missing() {
    // Gemcitabine + cisplatin with only a weight: the cisplatin check cannot run, and the
    // note names age, sex and creatinine (or a measured GFR).
    let report = calculate(&DoseRequest {
        weight: Some(70.0),
        regimen: Some("ivo-gem-cis".to_string()),
        ..DoseRequest::default()
    });
    let notes: Vec<String> = report
        .notes
        .iter()
        .filter(|n| n.code == Code::RenalCheckNotRun)
        .map(|n| n.text(Lang::En))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    for expected in [
        "Cisplatin",
        "60 mL/min",
        "age",
        "sex",
        "serum creatinine",
        "measured GFR",
    ] {
        assert!(notes[0].contains(expected), "{expected} in {}", notes[0]);
    }
    // Pemetrexed + carboplatin without creatinine: one note per partner.
    let report = calculate(&DoseRequest {
        serum_creatinine: None,
        ..man_60("ivo-pem-carbo")
    });
    let count = report
        .notes
        .iter()
        .filter(|n| n.code == Code::RenalCheckNotRun)
        .count();
    assert_eq!(count, 2);
    // A creatinine awaiting confirmation: the check waits for it and says so.
    let report = calculate(&DoseRequest {
        serum_creatinine: Some(20.0),
        ..man_60("ivo-gem-cis")
    });
    let note = report
        .note(Code::RenalCheckNotRun)
        .expect("not run")
        .text(Lang::En);
    assert!(note.contains("confirm the serum creatinine"), "{note}");
    // No partner with a kidney limit (docetaxel): no note.
    let report = calculate(&DoseRequest {
        weight: Some(70.0),
        regimen: Some("ivo-doce".to_string()),
        ..DoseRequest::default()
    });
    assert!(!report.has_note("renal-check-not-run"));
}

// ---------------------------------------------------------------- numbers as typed

#[test]
fn a_comma_before_three_digits_is_refused_at_its_field() {
    // "1,000" may be one thousand or one: refused where typed, saying how to write either.
    let (request, messages) =
        from_link("regimen=ivo-gem-cis&weight=70&height=170&m2.gemcitabine=1,000");
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].field.as_deref(), Some("m2.gemcitabine"));
    assert_eq!(messages[0].code, Code::AmbiguousNumber);
    let text = messages[0].text(Lang::En);
    assert!(
        text.contains("Write 1000 without a comma, or 1.000 with a point"),
        "{text}"
    );
    assert_eq!(partner_mg(&calculate(&request), "gemcitabine"), None);
    // "2,400" for fluorouracil (FOLFOXIRI).
    let (_, messages) = from_link("regimen=ivo-folfoxiri&m2.fluorouracil=2,400");
    assert_eq!(messages[0].field.as_deref(), Some("m2.fluorouracil"));
    assert!(messages[0].text(Lang::En).contains("2400"));
    // A vial typed "1,000": refused; vials and volume wait, the dose (72.5 × 20) stays.
    let (request, messages) = from_link("weight=72.5&vial=1,000&conc=25");
    assert_eq!(messages[0].field.as_deref(), Some("vial"));
    let report = calculate(&request);
    close(report.dose_mg, 1450.0, 1e-9);
    assert_eq!(report.vials, None);
    assert_eq!(report.volume_ml, None);
    // "72,5" is a decimal comma: 72.5 kg × 20 = 1450 mg.
    let (request, messages) = from_link("weight=72,5");
    assert!(messages.is_empty());
    close(calculate(&request).dose_mg, 1450.0, 1e-9);
}

#[test]
fn creatinine_in_micromol_waits_for_confirmation_in_its_unit() {
    // 5 µmol/L = 5 ÷ 88.4 = 0.05656 mg/dL: usable (from 0.05) but outside 0.2-15 mg/dL
    // (17.68-1326 µmol/L). Unconfirmed, CG would be 80 × 70 ÷ (72 × 0.05656) = 1375 mL/min and
    // carboplatin capped at 750 mg; 5 mg/dL (the likely meaning) gives 5600 ÷ 360 = 15.56
    // mL/min and 5 × 40.56 = 202.8 mg.
    let request = DoseRequest {
        serum_creatinine: Some(5.0),
        creatinine_unit: CreatinineUnit::Umol,
        ..man_60("ivo-pac-carbo")
    };
    let report = calculate(&request);
    let pending = report.pending_for("scr").expect("scr waits");
    assert_eq!(pending.message.code, Code::Implausible);
    let text = pending.message.text(Lang::En);
    assert!(
        text.contains("5 µmol/L") && text.contains("17.68 to 1326 µmol/L"),
        "{text}"
    );
    assert!(!text.contains("mg/dL"), "{text}");
    assert_eq!(report.crcl_ml_min, None);
    assert_eq!(report.carboplatin_mg, None);
    assert!(matches!(
        report.outcome(ResultId::CarboplatinMg),
        crate::results::Outcome::Missing(Reason::AwaitsConfirmation(_))
    ));
    // The ivonescimab dose does not depend on it: 20 × 70 = 1400 mg.
    close(report.dose_mg, 1400.0, 1e-9);
    // Confirmed: the figures the value gives, with the confirmation noted in µmol/L.
    let report = calculate(&confirm_all(request));
    close(report.crcl_ml_min, 1_375.111_111, 1e-5);
    close(report.carboplatin_mg, 750.0, 1e-9);
    assert!(report
        .note(Code::Confirmed)
        .is_some_and(|n| n.text(Lang::En).contains("5 µmol/L")));
    // 5 mg/dL: 202.8 mg, nothing to confirm.
    let report = calculate(&DoseRequest {
        serum_creatinine: Some(5.0),
        ..man_60("ivo-pac-carbo")
    });
    assert!(report.pending.is_empty());
    close(report.carboplatin_mg, 202.777_778, 1e-5);
}

#[test]
fn range_errors_speak_the_unit_the_user_chose() {
    // 3000 µmol/L = 33.94 mg/dL, above 30 mg/dL (2652 µmol/L); 4 µmol/L = 0.045 mg/dL, below
    // 0.05 mg/dL (4.42 µmol/L).
    for (value, expected) in [
        (
            3000.0,
            "3000 µmol/L is outside the usable range 4.42 to 2652 µmol/L",
        ),
        (
            4.0,
            "4 µmol/L is outside the usable range 4.42 to 2652 µmol/L",
        ),
    ] {
        let report = calculate(&DoseRequest {
            serum_creatinine: Some(value),
            creatinine_unit: CreatinineUnit::Umol,
            ..man_60("ivo-pac-carbo")
        });
        let text = report.error_for("scr").expect("error").text(Lang::En);
        assert!(text.contains(expected), "{text}");
        assert!(!text.contains("mg/dL"), "{text}");
    }
    // 600 lb = 272.2 kg: outside 20-250 kg, i.e. 44.09-551.2 lb.
    let report = calculate(&DoseRequest {
        weight: Some(600.0),
        weight_unit: WeightUnit::Lb,
        ..DoseRequest::default()
    });
    let text = report
        .pending_for("weight")
        .expect("waits")
        .message
        .text(Lang::En);
    assert!(
        text.contains("600 lb") && text.contains("44.09 to 551.2 lb"),
        "{text}"
    );
}

#[test]
fn pounds_typed_for_kilograms_show_in_the_bmi_and_wait() {
    // 72.5 lb = 72.5 × 0.45359237 = 32.885 kg (a plausible weight on its own) -> 657.7 mg,
    // where 72.5 kg gives 1450 mg. With 175 cm: BMI 32.885 ÷ 1.75² = 10.74, below 12.
    let request = DoseRequest {
        weight: Some(72.5),
        weight_unit: WeightUnit::Lb,
        height: Some(175.0),
        ..DoseRequest::default()
    };
    let report = calculate(&request);
    let pending = report
        .pending_for("weight")
        .expect("BMI waits at the weight");
    assert_eq!(pending.key, "bmi");
    assert_eq!(pending.message.code, Code::BmiImplausible);
    close(Some(pending.value), 10.738_105, 1e-5);
    let text = pending.message.text(Lang::En);
    assert!(
        text.contains("72.5 lb (32.89 kg)") && text.contains("10.74 kg/m²"),
        "{text}"
    );
    for id in [
        ResultId::DoseMg,
        ResultId::DoseFinalMg,
        ResultId::Vials,
        ResultId::VolumeMl,
        ResultId::BsaM2,
    ] {
        assert!(
            matches!(
                report.outcome(id),
                crate::results::Outcome::Missing(Reason::AwaitsConfirmation(_))
            ),
            "{id:?}"
        );
    }
    // Confirmed on the page: 32.885 × 20 = 657.7 mg, and the sheet says it was confirmed.
    let report = calculate(&confirm_all(request));
    close(report.dose_mg, 657.708_937, 1e-5);
    let sheet = render_text(&report, "", Lang::En);
    assert!(
        sheet.contains("CONFIRMED ON THIS PAGE")
            && sheet.contains(
                "BMI 10.74 kg/m² is outside its expected range and was confirmed on this page."
            ),
        "{sheet}"
    );
    // In kilograms the same numbers are an ordinary patient: BMI 23.67, 1450 mg.
    let report = calculate(&DoseRequest {
        weight: Some(72.5),
        height: Some(175.0),
        ..DoseRequest::default()
    });
    assert!(report.pending.is_empty());
    close(report.dose_mg, 1450.0, 1e-9);
}

// ---------------------------------------------------------------- plausible vs usable

#[test]
fn implausible_values_wait_and_the_trials_doses_do_not() {
    let base = DoseRequest {
        weight: Some(70.0),
        height: Some(170.0),
        age_years: Some(60.0),
        sex: Some(Sex::Male),
        serum_creatinine: Some(1.0),
        regimen: Some("ivo-pem-carbo".to_string()),
        ..DoseRequest::default()
    };
    let waits = |request: DoseRequest, field: &str| {
        let report = calculate(&request);
        assert!(
            report.pending_for(field).is_some(),
            "{field}: {:?}",
            report.pending
        );
        report
    };
    // Weight above 250 kg (BMI 300 ÷ 2.89 = 103.8 waits too, at the same field).
    let report = waits(
        DoseRequest {
            weight: Some(300.0),
            height: None,
            ..base.clone()
        },
        "weight",
    );
    assert_eq!(report.dose_mg, None);
    assert_eq!(report.crcl_ml_min, None);
    // 250 kg is computed: 20 × 250 = 5000 mg, with the PK-range warning (31-155 kg).
    let report = calculate(&DoseRequest {
        weight: Some(250.0),
        height: None,
        ..base.clone()
    });
    assert!(report.pending.is_empty());
    close(report.dose_mg, 5000.0, 1e-9);
    assert!(has_warning(&report, Code::WeightOutsidePkRange));
    // mg/kg above 30: the dose waits; 30 mg/kg (used in the trials) is computed:
    // 30 × 70 = 2100 mg with the warning above the maximum tolerated dose.
    let report = waits(
        DoseRequest {
            mg_per_kg: Some(30.1),
            ..base.clone()
        },
        "mgkg",
    );
    assert_eq!(report.dose_mg, None);
    close(report.bsa_m2, 1.818_119, 1e-6);
    let report = calculate(&DoseRequest {
        mg_per_kg: Some(30.0),
        ..base.clone()
    });
    close(report.dose_mg, 2100.0, 1e-9);
    assert!(has_warning(&report, Code::DoseAboveMtd));
    // Creatinine outside 0.2-15 mg/dL; inside at the limits.
    for scr in [0.19, 15.1] {
        let report = waits(
            DoseRequest {
                serum_creatinine: Some(scr),
                ..base.clone()
            },
            "scr",
        );
        assert_eq!(report.crcl_ml_min, None);
        assert_eq!(report.carboplatin_mg, None);
    }
    for scr in [0.2, 15.0] {
        assert!(calculate(&DoseRequest {
            serum_creatinine: Some(scr),
            ..base.clone()
        })
        .crcl_ml_min
        .is_some());
    }
    // Height outside 120-220 cm: BSA and the mg/m² partner wait; the dose does not.
    for height in [119.0, 221.0] {
        let report = waits(
            DoseRequest {
                height: Some(height),
                ..base.clone()
            },
            "height",
        );
        assert_eq!(report.bsa_m2, None);
        assert_eq!(partner_mg(&report, "pemetrexed"), None);
        close(report.dose_mg, 1400.0, 1e-9);
    }
    // BMI below 12 (34 kg at 170 cm: 34 ÷ 2.89 = 11.76) and above 70 (210 kg: 72.66).
    for weight in [34.0, 210.0] {
        let report = waits(
            DoseRequest {
                weight: Some(weight),
                ..base.clone()
            },
            "weight",
        );
        assert_eq!(report.pending[0].key, "bmi");
        assert_eq!(report.dose_mg, None);
        assert_eq!(report.bsa_m2, None);
    }
    // BMI 12.1 (35 kg) and 69.9 (202 kg: 202 ÷ 2.89 = 69.90) are computed.
    for weight in [35.0, 202.0] {
        assert!(calculate(&DoseRequest {
            weight: Some(weight),
            ..base.clone()
        })
        .dose_mg
        .is_some());
    }
}

#[test]
fn a_confirmed_value_is_computed_and_said_on_the_sheet_and_a_new_value_asks_again() {
    // 300 kg confirmed: 20 × 300 = 6000 mg.
    let request = DoseRequest {
        weight: Some(300.0),
        ..DoseRequest::default()
    };
    assert_eq!(calculate(&request).dose_mg, None);
    let confirmed = confirm_all(request);
    assert_eq!(
        confirmed.confirmed,
        [Confirmation {
            field: "weight".into(),
            value: 300.0
        }]
    );
    let report = calculate(&confirmed);
    close(report.dose_mg, 6000.0, 1e-9);
    let sheet = render_text(&report, "", Lang::En);
    assert!(
        sheet.contains(
            "Body weight 300 kg is outside its expected range and was confirmed on this page."
        ),
        "{sheet}"
    );
    let sheet = render_text(&report, "", Lang::ZhCn);
    assert!(sheet.contains("300 kg"), "{sheet}");
    // Another value is not confirmed by the first confirmation.
    let report = calculate(&DoseRequest {
        weight: Some(310.0),
        ..confirmed
    });
    assert_eq!(report.dose_mg, None);
    assert!(report.pending_for("weight").is_some());
}

// ---------------------------------------------------------------- vial presentation

#[test]
fn half_a_vial_presentation_is_an_error_at_the_missing_half() {
    // 500 mg vials without their concentration: the label's 10 mg/mL would say 145 mL for
    // 1450 mg, while 500 mg/20 mL vials need 58 mL. Neither vials nor volume is shown.
    for (vial, conc, missing) in [(Some(500.0), None, "conc"), (None, Some(25.0), "vial")] {
        let report = calculate(&DoseRequest {
            weight: Some(72.5),
            vial_mg: vial,
            concentration_mg_per_ml: conc,
            ..DoseRequest::default()
        });
        let error = report
            .error_for(missing)
            .expect("error at the missing half");
        assert_eq!(error.code, Code::PresentationIncomplete);
        assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
        close(report.dose_mg, 1450.0, 1e-9);
        close(report.dose_final_mg, 1450.0, 1e-9);
        assert_eq!(report.vials, None);
        assert_eq!(report.volume_ml, None);
        assert_eq!(report.waste_mg, None);
        match report.outcome(ResultId::VolumeMl) {
            crate::results::Outcome::Missing(Reason::Needs(inputs)) => {
                assert_eq!(inputs[0].name, missing)
            }
            other => panic!("{other:?}"),
        }
    }
    // With rounding asked for there is nothing to round to: the dose to give waits too.
    let report = calculate(&DoseRequest {
        weight: Some(72.5),
        vial_mg: Some(500.0),
        rounding: RoundingTolerance::Pct10,
        ..DoseRequest::default()
    });
    assert_eq!(report.dose_final_mg, None);
    close(report.dose_mg, 1450.0, 1e-9);
}

#[test]
fn a_whole_presentation_gives_vials_and_volume() {
    // 500 mg at 25 mg/mL (500 mg/20 mL): 1450 mg -> ⌈1450 ÷ 500⌉ = 3 vials, 1450 ÷ 25 = 58 mL,
    // waste 1500 − 1450 = 50 mg.
    let report = calculate(&DoseRequest {
        weight: Some(72.5),
        vial_mg: Some(500.0),
        concentration_mg_per_ml: Some(25.0),
        ..DoseRequest::default()
    });
    assert!(report.errors.is_empty());
    assert_eq!(report.vials, Some(3));
    close(report.volume_ml, 58.0, 1e-9);
    close(report.waste_mg, 50.0, 1e-9);
    assert_eq!(report.inputs.vial_origin, Some(ValueOrigin::Entered));
}

// ---------------------------------------------------------------- adjusted weight

#[test]
fn adjusted_weight_only_from_bmi_25_and_never_above_actual() {
    // Woman 60 y, 165 cm, 45 kg, SCr 1.0: BMI 45 ÷ 1.65² = 16.53. IBW = 45.5 + 2.3 ×
    // (165 ÷ 2.54 − 60) = 45.5 + 2.3 × 4.9606 = 56.91 kg; the adjusted formula would give
    // 56.91 + 0.4 × (45 − 56.91) = 52.15 kg, 16 % above the actual weight (CrCl 49.25 instead
    // of 42.5). Below BMI 25 Cockcroft-Gault uses the actual 45 kg: 80 × 45 ÷ 72 × 0.85
    // = 42.5 mL/min.
    let report = calculate(&DoseRequest {
        weight: Some(45.0),
        height: Some(165.0),
        age_years: Some(60.0),
        sex: Some(Sex::Female),
        serum_creatinine: Some(1.0),
        crcl_weight: CrclWeight::Adjusted,
        regimen: Some("ivo-pem-carbo".to_string()),
        ..DoseRequest::default()
    });
    close(report.bmi_kg_m2, 16.528_926, 1e-5);
    assert!(!report.adjusted_body_weight_offered);
    close(report.ideal_body_weight_kg, 56.909_449, 1e-5);
    close(report.adjusted_body_weight_kg, 45.0, 0.0);
    close(report.crcl_weight_kg, 45.0, 0.0);
    close(report.crcl_ml_min, 42.5, 1e-9);
    let note = report
        .note(Code::CrclWeight)
        .expect("weight note")
        .text(Lang::En);
    assert!(note.contains("applies from BMI 25"), "{note}");
    // At BMI >= 25 it is offered and used (see tests.rs: 100 kg, 175 cm -> 82.28 kg).
    let report = calculate(&DoseRequest {
        weight: Some(100.0),
        height: Some(175.0),
        sex: Some(Sex::Male),
        age_years: Some(60.0),
        serum_creatinine: Some(1.0),
        crcl_weight: CrclWeight::Adjusted,
        ..DoseRequest::default()
    });
    assert!(report.adjusted_body_weight_offered);
    close(report.crcl_weight_kg, 82.278_740, 1e-5);
    // A height awaiting confirmation: adjusted weight waits for it too.
    let report = calculate(&DoseRequest {
        height: Some(250.0),
        ..DoseRequest {
            weight: Some(100.0),
            sex: Some(Sex::Male),
            age_years: Some(60.0),
            serum_creatinine: Some(1.0),
            crcl_weight: CrclWeight::Adjusted,
            ..DoseRequest::default()
        }
    });
    assert!(matches!(
        report.outcome(ResultId::CrclMlMin),
        crate::results::Outcome::Missing(Reason::AwaitsConfirmation(_))
    ));
}

// ---------------------------------------------------------------- order verification

#[test]
fn the_order_is_checked_against_the_calculation() {
    // 72.5 kg × 20 = 1450 mg. 1500: (1500 − 1450) ÷ 1450 = +3.45 %, within 5 %: no warning.
    // 1600: 150 ÷ 1450 = +10.34 %: order-differs. 1400: −3.45 %: none.
    let order = |ordered: f64| {
        calculate(&DoseRequest {
            weight: Some(72.5),
            ordered_mg: Some(ordered),
            ..DoseRequest::default()
        })
    };
    let report = order(1500.0);
    close(report.order_difference_pct, 3.448_276, 1e-5);
    assert!(!has_warning(&report, Code::OrderDiffers));
    let report = order(1400.0);
    close(report.order_difference_pct, -3.448_276, 1e-5);
    assert!(!has_warning(&report, Code::OrderDiffers));
    let report = order(1600.0);
    close(report.order_difference_pct, 10.344_828, 1e-5);
    let w = warning(&report, Code::OrderDiffers).expect("order-differs");
    assert_eq!(w.field.as_deref(), Some("ordered"));
    let text = w.text(Lang::En);
    assert!(
        text.contains("1600 mg") && text.contains("1450 mg") && text.contains("+10.34 %"),
        "{text}"
    );
    // The sheet carries the order, its difference and the warning.
    let sheet = render_text(&report, "", Lang::En);
    for expected in [
        "Dose as ordered: 1600 mg",
        "Order vs calculation: +10.34 %",
        "[order-differs]",
    ] {
        assert!(sheet.contains(expected), "{expected} in\n{sheet}");
    }
    // Exactly 5 % is not beyond it: 1522.5 mg.
    assert!(!has_warning(&order(1522.5), Code::OrderDiffers));
    // No weight: no difference, and the reason says what it needs.
    let report = calculate(&DoseRequest {
        ordered_mg: Some(1450.0),
        ..DoseRequest::default()
    });
    assert_eq!(report.order_difference_pct, None);
}

#[test]
fn an_order_that_is_the_rounded_dose_says_so() {
    // 72.5 kg, rounding within 10 %: 1450 -> 1400 mg. An order of 1400 is −3.45 % from the
    // calculation and is the rounded dose: a note says so.
    let report = calculate(&DoseRequest {
        weight: Some(72.5),
        rounding: RoundingTolerance::Pct10,
        ordered_mg: Some(1400.0),
        ..DoseRequest::default()
    });
    close(report.order_difference_pct, -3.448_276, 1e-5);
    assert!(!has_warning(&report, Code::OrderDiffers));
    let note = report
        .note(Code::OrderMatchesRounded)
        .expect("order-matches-rounded")
        .text(Lang::En);
    assert!(
        note.contains("1400 mg") && note.contains("rounded to whole vials"),
        "{note}"
    );
    // 42.5 kg × 20 = 850 mg, rounded to 800 mg (−5.88 %, within 10 %): an order of 800 is
    // beyond 5 %, warned, and the warning says it is the rounded dose.
    let report = calculate(&DoseRequest {
        weight: Some(42.5),
        rounding: RoundingTolerance::Pct10,
        ordered_mg: Some(800.0),
        ..DoseRequest::default()
    });
    close(report.dose_final_mg, 800.0, 1e-9);
    close(report.order_difference_pct, -5.882_353, 1e-5);
    let text = warning(&report, Code::OrderDiffers)
        .expect("order-differs")
        .text(Lang::En);
    assert!(
        text.contains("equals the dose rounded to whole vials, 800 mg"),
        "{text}"
    );
}

// ---------------------------------------------------------------- property tests

/// A value from around the limits of the usable and plausible ranges, or anywhere.
fn around(limits: &'static [f64]) -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        1 => Just(None),
        4 => proptest::sample::select(limits).prop_map(Some),
        2 => (0.0..400.0f64).prop_map(Some),
        1 => any::<f64>().prop_map(Some),
    ]
}

prop_compose! {
    /// A request whose values often lie just outside their plausible ranges, in any unit,
    /// with some of what waits confirmed.
    fn edge_request()(
        weight in around(&[5.0, 19.9, 20.0, 34.0, 45.0, 72.5, 210.0, 250.0, 250.1, 300.0, 700.0]),
        mg_per_kg in around(&[0.29, 0.3, 20.0, 30.0, 30.1, 45.0]),
        height in around(&[69.0, 119.0, 120.0, 160.0, 175.0, 220.0, 221.0]),
        age in around(&[17.0, 60.0, 78.0]),
        scr in around(&[0.04, 0.19, 0.2, 0.4, 1.0, 1.4, 5.0, 15.0, 15.1, 88.4]),
        gfr in around(&[4.9, 5.0, 40.0, 150.0, 200.0, 201.0]),
        auc in around(&[1.9, 2.0, 5.0, 7.5, 7.6]),
        vial in around(&[100.0, 500.0]),
        conc in around(&[10.0, 25.0]),
        ordered in around(&[1400.0, 1450.0, 1600.0]),
        m2 in around(&[9.0, 10.0, 1000.0, 4000.0, 4001.0]),
        units in (any::<bool>(), any::<bool>(), any::<bool>()),
        sex in prop_oneof![Just(None), Just(Some(Sex::Female)), Just(Some(Sex::Male))],
        regimen in proptest::sample::select(vec![
            "ivo", "ivo-pem-carbo", "ivo-pac-carbo", "ivo-gem-cis", "ivo-etop-carbo", "ivo-ligu",
        ]),
        floor in proptest::sample::select(vec![None, Some(0.7), Some(0.8), Some(1.0)]),
        adjusted in any::<bool>(),
        rounding in proptest::sample::select(vec![
            RoundingTolerance::Off, RoundingTolerance::Pct5, RoundingTolerance::Pct10,
        ]),
        confirm_mask in any::<u8>(),
    ) -> DoseRequest {
        let mut partner_mg_per_m2 = BTreeMap::new();
        if let Some(v) = m2 {
            let drug = match regimen {
                "ivo-gem-cis" => "gemcitabine",
                "ivo-etop-carbo" => "etoposide",
                _ => "pemetrexed",
            };
            partner_mg_per_m2.insert(drug.to_string(), v);
        }
        let request = DoseRequest {
            weight,
            weight_unit: if units.0 { WeightUnit::Lb } else { WeightUnit::Kg },
            mg_per_kg,
            height,
            height_unit: if units.1 { HeightUnit::In } else { HeightUnit::Cm },
            age_years: age,
            sex,
            serum_creatinine: scr,
            creatinine_unit: if units.2 { CreatinineUnit::Umol } else { CreatinineUnit::MgDl },
            creatinine_floor_mg_per_dl: floor,
            measured_gfr_ml_min: gfr,
            regimen: Some(regimen.to_string()),
            carboplatin_auc: auc,
            vial_mg: vial,
            concentration_mg_per_ml: conc,
            ordered_mg: ordered,
            rounding,
            crcl_weight: if adjusted { CrclWeight::Adjusted } else { CrclWeight::Actual },
            partner_mg_per_m2,
            ..DoseRequest::default()
        };
        // Confirm some of what waits, as a user clicking some of the buttons.
        let confirmed = calculate(&request)
            .pending
            .into_iter()
            .enumerate()
            .filter(|(i, _)| confirm_mask >> (i % 8) & 1 == 1)
            .map(|(_, p)| Confirmation { field: p.key, value: p.value })
            .collect();
        DoseRequest { confirmed, ..request }
    }
}

/// What the report must withhold for each value awaiting confirmation.
fn nothing_shown_from_pending(report: &DoseReport) -> Result<(), TestCaseError> {
    let waits = |key: &str| report.pending.iter().any(|p| p.key == key);
    let ivonescimab = [
        report.dose_mg,
        report.dose_final_mg,
        report.vials.map(f64::from),
        report.volume_ml,
        report.waste_mg,
        report.order_difference_pct,
        report.mg_per_kg_given,
    ];
    let body_size = waits("weight") || waits("bmi") || waits("height");
    if waits("weight") || waits("bmi") || waits("mgkg") {
        prop_assert!(
            ivonescimab.iter().all(Option::is_none),
            "ivonescimab shown while waiting: {:?}",
            report.pending
        );
    }
    if waits("weight") || waits("bmi") {
        prop_assert!(report.crcl_ml_min.is_none());
        for p in &report.partners {
            if p.basis != DoseBasis::CarboplatinAuc {
                prop_assert!(p.mg.is_none(), "{} shown while the weight waits", p.drug);
            }
        }
    }
    if body_size {
        prop_assert!(report.bsa_m2.is_none() && report.bmi_kg_m2.is_none());
        for p in &report.partners {
            if p.basis == DoseBasis::MgPerM2 {
                prop_assert!(p.mg.is_none(), "{} shown while the height waits", p.drug);
            }
        }
    }
    // Carboplatin from an estimated GFR needs the weight and the creatinine; from a measured
    // one, that GFR. Either way nothing it rests on may be waiting.
    let measured = report.inputs.measured_gfr_ml_min.is_some();
    if waits("scr") {
        prop_assert!(report.crcl_ml_min.is_none());
    }
    if (waits("scr") || waits("weight") || waits("bmi")) && !measured {
        prop_assert!(report.carboplatin_mg.is_none());
    }
    if waits("gfr") || waits("auc") {
        prop_assert!(report.carboplatin_mg.is_none());
        prop_assert!(partner_mg(report, "carboplatin").is_none());
    }
    for p in &report.partners {
        if waits(&format!("m2.{}", p.drug)) {
            prop_assert!(p.mg.is_none(), "{} shown while its mg/m² waits", p.drug);
        }
    }
    // Each value that waits is shown at a field, as a confirmation.
    for p in &report.pending {
        prop_assert_eq!(p.message.severity(), crate::messages::Severity::Confirm);
        prop_assert!(p.message.field.is_some());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn nothing_depends_on_a_value_awaiting_confirmation(request in edge_request()) {
        let report = calculate(&request);
        nothing_shown_from_pending(&report)?;
        // Adjusted weight never above the actual weight, and CG never uses more than it.
        if let (Some(adjusted), Some(actual)) = (report.adjusted_body_weight_kg, report.weight_kg) {
            prop_assert!(adjusted <= actual);
        }
        if let (Some(used), Some(actual)) = (report.crcl_weight_kg, report.weight_kg) {
            prop_assert!(used <= actual);
        }
        // Half a presentation never gives vials or a volume.
        if request.vial_mg.is_some() != request.concentration_mg_per_ml.is_some() {
            prop_assert!(report.vials.is_none() && report.volume_ml.is_none());
        }
        let _ = render_text(&report, "", Lang::En);
        let _ = render_text(&report, "", Lang::ZhCn);
    }

    #[test]
    fn a_link_never_confirms(query in "[a-z0-9.=&,]{0,120}") {
        let (request, _) = crate::scenario::dose::read(&QueryMap::parse(&query));
        prop_assert!(request.confirmed.is_empty());
        nothing_shown_from_pending(&calculate(&request))?;
    }
}

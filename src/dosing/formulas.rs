//! Dosing formulas: each a small function of validated, finite, positive inputs.
//!
//! The functions do not validate; [`crate::dosing::calculate`] checks every input
//! first (see `validate.rs`). Units are in the names.

use serde::{Deserialize, Serialize};

use super::units::{Sex, CM_PER_INCH};

/// Relative tolerance under which a vial count is taken as whole (float noise such as
/// 300.00000000000006 mg / 100 mg must give 3 vials, not 4).
const WHOLE_VIAL_RELATIVE_TOLERANCE: f64 = 1e-9;

/// Cockcroft-Gault factor for women.
pub const COCKCROFT_GAULT_FEMALE_FACTOR: f64 = 0.85;
/// Fraction of the excess over ideal body weight counted in adjusted body weight.
pub const ADJUSTED_BODY_WEIGHT_FACTOR: f64 = 0.4;
/// BMI (kg/m²) from which adjusted body weight is offered for Cockcroft-Gault.
pub const ADJUSTED_BODY_WEIGHT_BMI_THRESHOLD: f64 = 25.0;

/// Ivonescimab dose, mg = mg/kg x weight, kg.
pub fn dose_mg(mg_per_kg: f64, weight_kg: f64) -> f64 {
    mg_per_kg * weight_kg
}

/// `value / unit` as a whole count, taking a quotient within float noise of an
/// integer as that integer, then rounding up.
fn whole_units_up(value: f64, unit: f64) -> f64 {
    let ratio = value / unit;
    let nearest = ratio.round();
    if (ratio - nearest).abs() <= WHOLE_VIAL_RELATIVE_TOLERANCE * nearest.max(1.0) {
        nearest
    } else {
        ratio.ceil()
    }
}

/// Same as [`whole_units_up`] but rounding down.
fn whole_units_down(value: f64, unit: f64) -> f64 {
    let ratio = value / unit;
    let nearest = ratio.round();
    if (ratio - nearest).abs() <= WHOLE_VIAL_RELATIVE_TOLERANCE * nearest.max(1.0) {
        nearest
    } else {
        ratio.floor()
    }
}

/// Vials to open for a dose: ceil(dose_mg / vial_mg), robust to float noise.
pub fn vials_to_open(dose_mg: f64, vial_mg: f64) -> u32 {
    let count = whole_units_up(dose_mg, vial_mg);
    if count >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        count as u32
    }
}

/// Volume to draw, mL = dose, mg / concentration, mg/mL.
pub fn volume_to_draw_ml(dose_mg: f64, concentration_mg_per_ml: f64) -> f64 {
    dose_mg / concentration_mg_per_ml
}

/// Waste, mg = vials opened x vial content, mg - dose, mg (never below zero).
pub fn waste_mg(dose_mg: f64, vial_mg: f64) -> f64 {
    let opened = f64::from(vials_to_open(dose_mg, vial_mg)) * vial_mg;
    (opened - dose_mg).max(0.0)
}

/// Rounding to whole vials the user may choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoundingTolerance {
    /// No rounding: the ordered dose is given.
    #[default]
    Off,
    /// Round to whole vials when within 5 % of the ordered dose.
    Pct5,
    /// Round to whole vials when within 10 % of the ordered dose (HOPA allows biologics
    /// within 10 %).
    Pct10,
}

impl RoundingTolerance {
    /// Tolerance as a percentage (0 when off).
    pub fn percent(self) -> f64 {
        match self {
            RoundingTolerance::Off => 0.0,
            RoundingTolerance::Pct5 => 5.0,
            RoundingTolerance::Pct10 => 10.0,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            RoundingTolerance::Off => "off",
            RoundingTolerance::Pct5 => "pct5",
            RoundingTolerance::Pct10 => "pct10",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "off" => Some(RoundingTolerance::Off),
            "pct5" | "5" => Some(RoundingTolerance::Pct5),
            "pct10" | "10" => Some(RoundingTolerance::Pct10),
            _ => None,
        }
    }
}

/// Outcome of rounding an ordered dose to whole vials.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VialRounding {
    pub tolerance_percent: f64,
    /// Whole-vial dose nearest the ordered dose (the lower one on a tie).
    pub nearest_whole_vial_mg: f64,
    /// (nearest_whole_vial_mg - ordered) / ordered x 100, signed.
    pub difference_percent: f64,
    /// |difference_percent| <= tolerance_percent.
    pub within_tolerance: bool,
    /// Dose to give: the whole-vial dose when within tolerance, else the ordered dose.
    pub final_dose_mg: f64,
    /// (final_dose_mg - ordered) / ordered x 100 (0 when rounding was not applied).
    pub final_difference_percent: f64,
}

/// Rounds `ordered_mg` to whole vials of `vial_mg` when the nearest whole-vial dose lies
/// within `tolerance` of it; otherwise the ordered dose stands.
pub fn round_to_whole_vials(
    ordered_mg: f64,
    vial_mg: f64,
    tolerance: RoundingTolerance,
) -> VialRounding {
    let down = whole_units_down(ordered_mg, vial_mg) * vial_mg;
    let up = whole_units_up(ordered_mg, vial_mg) * vial_mg;
    // Rounding down to zero vials is never a dose.
    let nearest = if down > 0.0 && (ordered_mg - down) <= (up - ordered_mg) {
        down
    } else {
        up
    };
    let difference_percent = (nearest - ordered_mg) / ordered_mg * 100.0;
    let tolerance_percent = tolerance.percent();
    // A hair of slack so that exactly 10 % (e.g. 1000 mg ordered, 1100 mg rounded) counts.
    let within = difference_percent.abs() <= tolerance_percent + 1e-9;
    let applied = tolerance != RoundingTolerance::Off && within;
    let final_dose_mg = if applied { nearest } else { ordered_mg };
    VialRounding {
        tolerance_percent,
        nearest_whole_vial_mg: nearest,
        difference_percent,
        within_tolerance: within,
        final_dose_mg,
        final_difference_percent: (final_dose_mg - ordered_mg) / ordered_mg * 100.0,
    }
}

/// Body-surface-area formula.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BsaFormula {
    /// sqrt(height cm x weight kg / 3600) (Mosteller, N Engl J Med 1987).
    #[default]
    Mosteller,
    /// 0.007184 x weight kg^0.425 x height cm^0.725 (Du Bois & Du Bois, 1916).
    DuBois,
}

impl BsaFormula {
    pub fn code(self) -> &'static str {
        match self {
            BsaFormula::Mosteller => "mosteller",
            BsaFormula::DuBois => "dubois",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "mosteller" => Some(BsaFormula::Mosteller),
            "dubois" => Some(BsaFormula::DuBois),
            _ => None,
        }
    }
    pub fn formula_text(self) -> &'static str {
        match self {
            BsaFormula::Mosteller => "BSA (m²) = sqrt(height cm x weight kg / 3600) (Mosteller)",
            BsaFormula::DuBois => {
                "BSA (m²) = 0.007184 x weight kg^0.425 x height cm^0.725 (Du Bois)"
            }
        }
    }
}

/// Body surface area, m², by Mosteller: sqrt(height cm x weight kg / 3600).
pub fn bsa_mosteller_m2(height_cm: f64, weight_kg: f64) -> f64 {
    (height_cm * weight_kg / 3600.0).sqrt()
}

/// Body surface area, m², by Du Bois: 0.007184 x weight^0.425 x height^0.725.
pub fn bsa_dubois_m2(height_cm: f64, weight_kg: f64) -> f64 {
    0.007184 * weight_kg.powf(0.425) * height_cm.powf(0.725)
}

/// Body surface area, m², by the chosen formula.
pub fn bsa_m2(formula: BsaFormula, height_cm: f64, weight_kg: f64) -> f64 {
    match formula {
        BsaFormula::Mosteller => bsa_mosteller_m2(height_cm, weight_kg),
        BsaFormula::DuBois => bsa_dubois_m2(height_cm, weight_kg),
    }
}

/// Body-mass index, kg/m² = weight kg / (height m)².
pub fn bmi_kg_per_m2(weight_kg: f64, height_cm: f64) -> f64 {
    let height_m = height_cm / 100.0;
    weight_kg / (height_m * height_m)
}

/// Ideal body weight, kg (Devine): 50 (male) or 45.5 (female) + 2.3 kg per inch over 60 in.
/// Below 60 in the formula extrapolates downwards; the caller notes it.
pub fn ideal_body_weight_devine_kg(height_cm: f64, sex: Sex) -> f64 {
    let base_kg = match sex {
        Sex::Male => 50.0,
        Sex::Female => 45.5,
    };
    base_kg + 2.3 * (height_cm / CM_PER_INCH - 60.0)
}

/// Adjusted body weight, kg = IBW + 0.4 x (actual - IBW).
pub fn adjusted_body_weight_kg(actual_weight_kg: f64, ideal_body_weight_kg: f64) -> f64 {
    ideal_body_weight_kg + ADJUSTED_BODY_WEIGHT_FACTOR * (actual_weight_kg - ideal_body_weight_kg)
}

/// Creatinine clearance, mL/min (Cockcroft-Gault):
/// (140 - age) x weight kg / (72 x serum creatinine mg/dL), x 0.85 for women.
pub fn creatinine_clearance_cockcroft_gault_ml_min(
    age_years: f64,
    weight_kg: f64,
    serum_creatinine_mg_per_dl: f64,
    sex: Sex,
) -> f64 {
    let male = (140.0 - age_years) * weight_kg / (72.0 * serum_creatinine_mg_per_dl);
    match sex {
        Sex::Male => male,
        Sex::Female => male * COCKCROFT_GAULT_FEMALE_FACTOR,
    }
}

/// Carboplatin dose by Calvert, with the GFR used and whether the cap applied.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalvertDose {
    /// Target AUC, mg/mL·min.
    pub auc_mg_ml_min: f64,
    /// GFR estimate given, mL/min.
    pub gfr_ml_min: f64,
    /// GFR that went into the formula: min(given, 125) mL/min.
    pub gfr_used_ml_min: f64,
    /// Whether the 125 mL/min cap lowered the GFR.
    pub gfr_cap_applied: bool,
    /// Dose, mg = AUC x (GFR used + 25).
    pub dose_mg: f64,
}

/// Carboplatin dose, mg = AUC x (GFR + 25), the GFR capped at `cap_ml_min` when given (an
/// estimated GFR: 125 mL/min, so at most AUC x 150; a measured GFR is not capped).
pub fn carboplatin_calvert(
    auc_mg_ml_min: f64,
    gfr_ml_min: f64,
    cap_ml_min: Option<f64>,
) -> CalvertDose {
    let cap = cap_ml_min.unwrap_or(f64::INFINITY);
    let gfr_cap_applied = gfr_ml_min > cap;
    let gfr_used_ml_min = if gfr_cap_applied { cap } else { gfr_ml_min };
    CalvertDose {
        auc_mg_ml_min,
        gfr_ml_min,
        gfr_used_ml_min,
        gfr_cap_applied,
        dose_mg: auc_mg_ml_min * (gfr_used_ml_min + 25.0),
    }
}

/// Partner dose by body surface area, mg = mg/m² x BSA m².
pub fn dose_by_bsa_mg(mg_per_m2: f64, bsa_m2: f64) -> f64 {
    mg_per_m2 * bsa_m2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, tolerance: f64) {
        assert!(
            (actual - expected).abs() <= tolerance,
            "expected {expected} ± {tolerance}, got {actual}"
        );
    }

    #[test]
    fn ivonescimab_dose_and_vials_worked_example() {
        // 72.5 kg x 20 mg/kg = 1450 mg
        let dose = dose_mg(20.0, 72.5);
        close(dose, 1450.0, 1e-9);
        // 1450 / 100 = 14.5 -> 15 vials of 100 mg
        assert_eq!(vials_to_open(dose, 100.0), 15);
        // 1450 mg / 10 mg/mL = 145 mL
        close(volume_to_draw_ml(dose, 10.0), 145.0, 1e-9);
        // 15 x 100 - 1450 = 50 mg
        close(waste_mg(dose, 100.0), 50.0, 1e-9);
    }

    #[test]
    fn vials_are_robust_to_float_noise() {
        // 3 x 100 with a rounding error in the last bit is still 3 vials, no waste.
        assert_eq!(vials_to_open(300.000_000_000_000_06, 100.0), 3);
        close(waste_mg(300.000_000_000_000_06, 100.0), 0.0, 1e-9);
        // 0.1 x 3 (= 0.30000000000000004) mg in 0.1 mg vials: 3 vials
        assert_eq!(vials_to_open(0.1 * 3.0, 0.1), 3);
        // 20 mg/kg x 70 kg = 1400 mg -> exactly 14 vials, 0 waste
        assert_eq!(vials_to_open(dose_mg(20.0, 70.0), 100.0), 14);
        // 1400.5 mg really needs 15 vials: 1500 - 1400.5 = 99.5 mg waste
        assert_eq!(vials_to_open(1400.5, 100.0), 15);
        close(waste_mg(1400.5, 100.0), 99.5, 1e-9);
        // 10 mg/kg x 61 kg = 610 mg -> 7 vials; 7 x 100 - 610 = 90 mg waste
        assert_eq!(vials_to_open(dose_mg(10.0, 61.0), 100.0), 7);
        close(waste_mg(610.0, 100.0), 90.0, 1e-9);
    }

    #[test]
    fn rounding_within_tolerance_rounds_to_whole_vials() {
        // 1450 mg: whole vials 1400 (-50) and 1500 (+50) tie -> lower, 1400 mg.
        // -50 / 1450 x 100 = -3.448 %, within 5 %.
        let r = round_to_whole_vials(1450.0, 100.0, RoundingTolerance::Pct5);
        close(r.nearest_whole_vial_mg, 1400.0, 1e-9);
        close(r.difference_percent, -3.448_275_862, 1e-6);
        assert!(r.within_tolerance);
        close(r.final_dose_mg, 1400.0, 1e-9);
        // 1380 mg: 1400 is +20 mg = +1.449 % -> rounds up to 1400
        let r = round_to_whole_vials(1380.0, 100.0, RoundingTolerance::Pct5);
        close(r.final_dose_mg, 1400.0, 1e-9);
        close(r.difference_percent, 20.0 / 1380.0 * 100.0, 1e-9);
        // mg/kg given: 1400 mg / 69 kg = 20.29 mg/kg (from 69 kg x 20 = 1380)
        close(r.final_dose_mg / 69.0, 20.289_855, 1e-6);
    }

    #[test]
    fn rounding_outside_tolerance_keeps_the_ordered_dose() {
        // 3 mg/kg x 45 kg = 135 mg: whole vials 100 (-35 = -25.9 %) and 200 (+65 = +48.1 %)
        // nearest 100 mg is 25.9 % off: outside 10 %, 135 mg stands.
        let r = round_to_whole_vials(135.0, 100.0, RoundingTolerance::Pct10);
        close(r.nearest_whole_vial_mg, 100.0, 1e-9);
        close(r.difference_percent, -35.0 / 135.0 * 100.0, 1e-9);
        assert!(!r.within_tolerance);
        close(r.final_dose_mg, 135.0, 1e-9);
        close(r.final_difference_percent, 0.0, 1e-12);
        assert!(crate::dosing::calculate::rounding_note(&r)
            .text(crate::i18n::Lang::En)
            .contains("calculated dose stands"));
        // 1060 mg: 1000 is -60 mg (-5.66 %), 1100 is +40 mg (+3.77 %) -> nearest 1100,
        // within 5 %: rounds to 1100; with rounding off the ordered dose stands.
        let r = round_to_whole_vials(1060.0, 100.0, RoundingTolerance::Pct5);
        close(r.final_dose_mg, 1100.0, 1e-9);
        let r = round_to_whole_vials(1060.0, 100.0, RoundingTolerance::Off);
        close(r.final_dose_mg, 1060.0, 1e-9);
        // 50 mg in 100 mg vials: zero vials is no dose, so the candidate is 100 mg
        // (+100 %), outside 10 %: 50 mg stands.
        let r = round_to_whole_vials(50.0, 100.0, RoundingTolerance::Pct10);
        close(r.final_dose_mg, 50.0, 1e-9);
        // 1000 mg in 110 mg vials: 9 x 110 = 990 mg (-1 %) -> within 5 %.
        let r = round_to_whole_vials(1000.0, 110.0, RoundingTolerance::Pct5);
        close(r.final_dose_mg, 990.0, 1e-9);
        // 500 mg in 550 mg vials: 550 is +50 / 500 = +10 % exactly: within 10 %, not 5 %.
        let r = round_to_whole_vials(500.0, 550.0, RoundingTolerance::Pct10);
        close(r.final_dose_mg, 550.0, 1e-9);
        assert!(r.within_tolerance);
        let r = round_to_whole_vials(500.0, 550.0, RoundingTolerance::Pct5);
        close(r.final_dose_mg, 500.0, 1e-9);
    }

    #[test]
    fn bsa_mosteller_and_dubois() {
        // Mosteller: 170 x 70 = 11900; 11900 / 3600 = 3.305556; sqrt = 1.818119 m²
        close(bsa_mosteller_m2(170.0, 70.0), 1.818_119, 1e-6);
        // sqrt(180 x 74 / 3600) = sqrt(13320 / 3600) = sqrt(3.7) = 1.923538 m²
        close(bsa_mosteller_m2(180.0, 74.0), 1.923_538, 1e-6);
        // sqrt(180 x 72 / 3600) = sqrt(3.6) = 1.897367 m²
        close(bsa_mosteller_m2(180.0, 72.0), 1.897_367, 1e-6);
        // Du Bois, 170 cm, 70 kg: 70^0.425 = e^(0.425 x 4.248495) = e^1.805610 = 6.08368;
        // 170^0.725 = e^(0.725 x 5.135798) = e^3.723454 = 41.40716;
        // 0.007184 x 6.08368 x 41.40716 = 1.80971 m²
        close(bsa_dubois_m2(170.0, 70.0), 1.809_71, 1e-5);
        assert_eq!(
            bsa_m2(BsaFormula::DuBois, 170.0, 70.0),
            bsa_dubois_m2(170.0, 70.0)
        );
    }

    #[test]
    fn bmi_ibw_and_adjusted_weight() {
        // BMI: 100 kg / 1.75² = 100 / 3.0625 = 32.653 kg/m²
        close(bmi_kg_per_m2(100.0, 175.0), 32.653_061, 1e-6);
        // Devine male, 175 cm = 68.8976 in: 50 + 2.3 x 8.8976 = 70.4646 kg
        close(
            ideal_body_weight_devine_kg(175.0, Sex::Male),
            70.464_567,
            1e-5,
        );
        // Devine female, 160 cm = 62.9921 in: 45.5 + 2.3 x 2.9921 = 52.3819 kg
        close(
            ideal_body_weight_devine_kg(160.0, Sex::Female),
            52.381_890,
            1e-5,
        );
        // Adjusted: 70.4646 + 0.4 x (100 - 70.4646) = 70.4646 + 11.8142 = 82.2787 kg
        close(adjusted_body_weight_kg(100.0, 70.464_567), 82.278_740, 1e-5);
    }

    #[test]
    fn cockcroft_gault_male_female_and_units() {
        // (140 - 60) x 70 / (72 x 1.0) = 5600 / 72 = 77.78 mL/min
        close(
            creatinine_clearance_cockcroft_gault_ml_min(60.0, 70.0, 1.0, Sex::Male),
            77.777_778,
            1e-5,
        );
        // Female: 77.7778 x 0.85 = 66.11 mL/min
        close(
            creatinine_clearance_cockcroft_gault_ml_min(60.0, 70.0, 1.0, Sex::Female),
            66.111_111,
            1e-5,
        );
        // SCr 106 µmol/L = 106 / 88.4 = 1.199095 mg/dL; 75 y, 60 kg, female:
        // (140 - 75) x 60 / (72 x 1.199095) x 0.85 = 3900 / 86.334842 x 0.85
        // = 45.172 x 0.85 = 38.397 mL/min
        let scr = crate::dosing::units::CreatinineUnit::Umol.to_mg_per_dl(106.0);
        close(
            creatinine_clearance_cockcroft_gault_ml_min(75.0, 60.0, scr, Sex::Female),
            38.397_0,
            1e-3,
        );
    }

    #[test]
    fn calvert_with_and_without_the_cap() {
        // AUC 5 x (77.78 + 25) = 5 x 102.78 = 513.9 mg, no cap
        let c = carboplatin_calvert(5.0, 5600.0 / 72.0, Some(125.0));
        close(c.dose_mg, 513.888_889, 1e-5);
        assert!(!c.gfr_cap_applied);
        // GFR 160 -> capped at 125: 5 x (125 + 25) = 750 mg
        let c = carboplatin_calvert(5.0, 160.0, Some(125.0));
        assert!(c.gfr_cap_applied);
        close(c.gfr_used_ml_min, 125.0, 0.0);
        close(c.dose_mg, 750.0, 1e-9);
        // Exactly 125: not lowered; AUC 6 x 150 = 900 mg
        let c = carboplatin_calvert(6.0, 125.0, Some(125.0));
        assert!(!c.gfr_cap_applied);
        close(c.dose_mg, 900.0, 1e-9);
        // A measured GFR of 160 is not capped: 5 x (160 + 25) = 925 mg.
        let c = carboplatin_calvert(5.0, 160.0, None);
        assert!(!c.gfr_cap_applied);
        close(c.dose_mg, 925.0, 1e-9);
    }

    #[test]
    fn partner_dose_by_bsa() {
        // Pemetrexed 500 mg/m² x 1.8181 m² = 909.06 mg
        close(dose_by_bsa_mg(500.0, 1.818_119), 909.059_5, 1e-4);
        // Docetaxel 75 x 2.0 = 150 mg
        close(dose_by_bsa_mg(75.0, 2.0), 150.0, 1e-12);
    }
}

//! Units the dose view accepts, and their exact conversions.

use serde::{Deserialize, Serialize};

/// Kilograms in one international avoirdupois pound (exact by definition).
pub const KG_PER_LB: f64 = 0.453_592_37;
/// Centimetres in one inch (exact by definition).
pub const CM_PER_INCH: f64 = 2.54;
/// µmol/L of creatinine in 1 mg/dL (molar mass 113.12 g/mol: 10 000 / 113.12 = 88.4).
pub const UMOL_PER_L_PER_MG_PER_DL: f64 = 88.4;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeightUnit {
    #[default]
    Kg,
    Lb,
}

impl WeightUnit {
    pub fn to_kg(self, value: f64) -> f64 {
        match self {
            WeightUnit::Kg => value,
            WeightUnit::Lb => value * KG_PER_LB,
        }
    }
    /// The link and form code of the unit (`kg`, `lb`).
    pub fn code(self) -> &'static str {
        match self {
            WeightUnit::Kg => "kg",
            WeightUnit::Lb => "lb",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "kg" => Some(WeightUnit::Kg),
            "lb" => Some(WeightUnit::Lb),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeightUnit {
    #[default]
    Cm,
    In,
}

impl HeightUnit {
    pub fn to_cm(self, value: f64) -> f64 {
        match self {
            HeightUnit::Cm => value,
            HeightUnit::In => value * CM_PER_INCH,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            HeightUnit::Cm => "cm",
            HeightUnit::In => "in",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "cm" => Some(HeightUnit::Cm),
            "in" => Some(HeightUnit::In),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CreatinineUnit {
    #[default]
    MgDl,
    Umol,
}

impl CreatinineUnit {
    pub fn to_mg_per_dl(self, value: f64) -> f64 {
        match self {
            CreatinineUnit::MgDl => value,
            CreatinineUnit::Umol => value / UMOL_PER_L_PER_MG_PER_DL,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            CreatinineUnit::MgDl => "mgdl",
            CreatinineUnit::Umol => "umol",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "mgdl" => Some(CreatinineUnit::MgDl),
            "umol" => Some(CreatinineUnit::Umol),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Female,
    Male,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Female => "f",
            Sex::Male => "m",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "f" => Some(Sex::Female),
            "m" => Some(Sex::Male),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_use_the_exact_factors() {
        // 160 lb x 0.45359237 = 72.5747792 kg
        assert!((WeightUnit::Lb.to_kg(160.0) - 72.574_779_2).abs() < 1e-9);
        // 70 in x 2.54 = 177.8 cm
        assert!((HeightUnit::In.to_cm(70.0) - 177.8).abs() < 1e-9);
        // 88.4 umol/L = 1 mg/dL; 106 umol/L = 1.199095 mg/dL
        assert!((CreatinineUnit::Umol.to_mg_per_dl(88.4) - 1.0).abs() < 1e-12);
        assert!((CreatinineUnit::Umol.to_mg_per_dl(106.0) - 1.199_095_0).abs() < 1e-6);
    }

    #[test]
    fn codes_round_trip() {
        for u in [WeightUnit::Kg, WeightUnit::Lb] {
            assert_eq!(WeightUnit::from_code(u.code()), Some(u));
        }
        for u in [HeightUnit::Cm, HeightUnit::In] {
            assert_eq!(HeightUnit::from_code(u.code()), Some(u));
        }
        for u in [CreatinineUnit::MgDl, CreatinineUnit::Umol] {
            assert_eq!(CreatinineUnit::from_code(u.code()), Some(u));
        }
        for s in [Sex::Female, Sex::Male] {
            assert_eq!(Sex::from_code(s.code()), Some(s));
        }
        assert_eq!(WeightUnit::from_code("stone"), None);
    }
}

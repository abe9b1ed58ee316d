//! Every result the app shows, tied to one id that knows its CONTRACT `data-testid`, its
//! quantity (unit and digits) and its label. A result is a value or the reason it is missing
//! ([`Outcome`]), so a view never pairs an id with a value by hand.
//!
//! Plain Rust: no UI or browser types.

use crate::format::Quantity;
use crate::i18n::{Lang, Text};
use crate::inputs::Input;
use crate::tr;

macro_rules! results {
    ($( $(#[$doc:meta])* $variant:ident = $testid:literal, $quantity:ident, $label:expr; )*) => {
        /// A result of the app (CONTRACT.md "Result elements", and the README's additions).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ResultId {
            $( $(#[$doc])* $variant, )*
        }

        impl ResultId {
            pub const ALL: &'static [ResultId] = &[$(ResultId::$variant),*];

            /// The element's `data-testid`.
            pub fn testid(self) -> &'static str {
                match self { $( ResultId::$variant => $testid, )* }
            }

            /// Its unit and digits; `data-value` holds the number in this unit.
            pub fn quantity(self) -> Quantity {
                match self { $( ResultId::$variant => Quantity::$quantity, )* }
            }

            pub fn label(self) -> Text {
                match self { $( ResultId::$variant => $label, )* }
            }
        }
    };
}

results! {
    WeightKg = "weight-kg", Kg, tr!("Weight used", "所用体重");
    /// Ivonescimab dose as calculated from mg/kg × weight.
    DoseMg = "dose-mg", Mg, tr!("Dose as calculated", "计算剂量");
    /// After any rounding the user chose.
    DoseFinalMg = "dose-final-mg", Mg, tr!("Dose to give", "给药剂量");
    Vials = "vials", Count, tr!("Vials to open", "需开启瓶数");
    VolumeMl = "volume-ml", Ml, tr!("Volume to draw", "抽取体积");
    WasteMg = "waste-mg", Mg, tr!("Waste", "浪费量");
    MgPerKgGiven = "mgkg-given", MgPerKg, tr!("mg/kg given", "实际给予 mg/kg");
    RoundingDifference = "rounding-difference", PercentChange, tr!("Difference from the calculated dose", "与计算剂量之差");
    OrderDifferencePct = "order-difference-pct", PercentChange, tr!("Order vs calculation", "医嘱与计算之差");
    BsaM2 = "bsa-m2", M2, tr!("Body surface area", "体表面积");
    Bmi = "bmi", KgPerM2, tr!("BMI", "BMI");
    CrclMlMin = "crcl-mlmin", MlPerMin, tr!("Creatinine clearance", "肌酐清除率");
    CarboplatinMg = "carboplatin-mg", Mg, tr!("Carboplatin (Calvert)", "卡铂（Calvert 公式）");
    PartnerMg = "partner-mg", Mg, tr!("Partner dose", "联合用药剂量");
    CmaxFirst = "cmax-first", UgPerMl, tr!("Cmax after the first dose", "首剂后 Cmax");
    CtroughFirst = "ctrough-first", UgPerMl, tr!("Trough after the first dose", "首剂后谷浓度");
    CmaxSs = "cmax-ss", UgPerMl, tr!("Cmax after the last dose", "末剂后 Cmax");
    CtroughSs = "ctrough-ss", UgPerMl, tr!("Trough after the last dose", "末剂后谷浓度");
    AucSs = "auc-ss", UgDayPerMl, tr!("AUC over the last interval", "末次给药间隔 AUC");
    Rac = "rac", Ratio, tr!("Accumulation (trough last / first)", "蓄积比（末次/首次谷浓度）");
    T90ssDays = "t90ss-days", Days, tr!("Time to 90 % of the last trough", "达末次谷浓度 90% 的时间");
    SimMs = "sim-ms", Ms, tr!("Population simulation time", "群体模拟耗时");
}

/// Why a result is missing.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// These inputs are absent or cannot be used.
    Needs(Vec<&'static Input>),
    /// These inputs wait for the user to confirm them.
    AwaitsConfirmation(Vec<&'static Input>),
    /// Another reason, in words.
    Because(Text),
}

impl Reason {
    /// "Not calculated: needs a usable body weight." in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let labels = |inputs: &[&'static Input]| {
            let sep = if lang == Lang::ZhCn { "、" } else { ", " };
            inputs
                .iter()
                .map(|i| in_sentence(i.label.get(lang)))
                .collect::<Vec<_>>()
                .join(sep)
        };
        match self {
            Reason::Needs(inputs) => tr!(
                "Not calculated: needs a usable {inputs}.",
                "未计算：需要有效的{inputs}。"
            )
            .fill(lang, &[("inputs", &labels(inputs))]),
            Reason::AwaitsConfirmation(inputs) => tr!(
                "Withheld until you confirm the {inputs} at its field.",
                "请先在输入框处确认{inputs}，之后才显示。"
            )
            .fill(lang, &[("inputs", &labels(inputs))]),
            Reason::Because(text) => tr!("Not calculated: {why}.", "未计算：{why}。")
                .fill(lang, &[("why", text.get(lang))]),
        }
    }
}

/// A label inside a sentence: "Body weight" becomes "body weight"; "CL0, ..." and "BMI" stay.
pub fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_ascii_uppercase() && second.is_lowercase() => {
            first.to_ascii_lowercase().to_string() + &label[1..]
        }
        _ => label.to_string(),
    }
}

impl serde::Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text(Lang::En))
    }
}

/// A result: its value, or why it is missing.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Value(f64),
    Missing(Reason),
}

impl Outcome {
    pub fn value(&self) -> Option<f64> {
        match self {
            Outcome::Value(v) => Some(*v),
            Outcome::Missing(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn testids_are_unique_and_name_the_contract_results() {
        for (i, a) in ResultId::ALL.iter().enumerate() {
            for b in &ResultId::ALL[i + 1..] {
                assert_ne!(a.testid(), b.testid());
            }
        }
        for id in [
            "dose-mg",
            "dose-final-mg",
            "vials",
            "volume-ml",
            "waste-mg",
            "weight-kg",
            "bsa-m2",
            "crcl-mlmin",
            "carboplatin-mg",
            "partner-mg",
            "cmax-first",
            "ctrough-first",
            "cmax-ss",
            "ctrough-ss",
            "auc-ss",
            "rac",
            "t90ss-days",
            "sim-ms",
            "order-difference-pct",
        ] {
            assert!(ResultId::ALL.iter().any(|r| r.testid() == id), "{id}");
        }
    }

    #[test]
    fn reasons_name_inputs_by_their_labels() {
        let r = Reason::Needs(vec![&crate::inputs::dose::WEIGHT]);
        assert_eq!(
            r.text(Lang::En),
            "Not calculated: needs a usable body weight."
        );
        assert_eq!(in_sentence("CL0, clearance"), "CL0, clearance");
    }
}

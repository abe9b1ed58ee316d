//! The dose view's inputs (CONTRACT.md, `#/dose`, and the additions listed in the README).
//!
//! Ranges are in the first unit of each row. The usable ranges are wide (anything a person
//! could weigh or measure); the plausible ones flag the typing and unit mistakes that would
//! otherwise give a confident wrong dose: 300 kg, 45 mg/kg, a creatinine typed in the wrong
//! unit, a height in inches typed as centimetres.

use super::{Choice, Default, Input, Kind, NumberSpec, Range, Scale, Sourced, Table, Unit};
use crate::dosing::units::{CM_PER_INCH, KG_PER_LB, UMOL_PER_L_PER_MG_PER_DL};
use crate::format::Quantity;
use crate::tr;

pub static WEIGHT_UNIT: Input = Input {
    name: "wunit",
    label: tr!("Weight unit", "体重单位"),
    kind: Kind::Choice(&[
        Choice {
            code: "kg",
            label: tr!("kg", "kg"),
        },
        Choice {
            code: "lb",
            label: tr!("lb", "lb"),
        },
    ]),
    patient: true,
    hint: None,
    default: Default::Code("kg"),
};

pub static WEIGHT: Input = Input {
    name: "weight",
    label: tr!("Body weight", "体重"),
    kind: Kind::Number(NumberSpec {
        units: &[
            Unit {
                code: "kg",
                quantity: Quantity::Kg,
                scale: Scale::Times(1.0),
            },
            Unit {
                code: "lb",
                quantity: Quantity::Lb,
                scale: Scale::Times(KG_PER_LB),
            },
        ],
        unit_input: Some(&WEIGHT_UNIT),
        usable: Range::new(1.0, 1000.0),
        // Adults given ivonescimab; above 250 kg or below 20 kg a unit or typing mistake is
        // likelier than the weight.
        plausible: Some(Range::new(20.0, 250.0)),
        whole: false,
    }),
    patient: true,
    hint: None,
    default: Default::None,
};

pub static MG_PER_KG: Input = Input {
    name: "mgkg",
    label: tr!("Dose level", "剂量水平"),
    kind: Kind::Number(NumberSpec {
        units: &[Unit::base(Quantity::MgPerKg)],
        unit_input: None,
        usable: Range::new(0.01, 100.0),
        // The trials gave 0.3 to 30 mg/kg; outside that, a slip of a digit is likelier.
        plausible: Some(Range::new(0.3, 30.0)),
        whole: false,
    }),
    patient: false,
    hint: None,
    default: Default::Sourced(label_mg_per_kg),
};

pub static EVERY: Input = Input {
    name: "every",
    label: tr!("Dosing interval", "给药间隔"),
    kind: Kind::Number(NumberSpec {
        units: &[Unit::base(Quantity::Weeks)],
        unit_input: None,
        usable: Range::new(2.0, 3.0),
        plausible: None,
        whole: true,
    }),
    patient: false,
    hint: None,
    default: Default::Sourced(label_every_weeks),
};

pub static HEIGHT_UNIT: Input = Input {
    name: "hunit",
    label: tr!("Height unit", "身高单位"),
    kind: Kind::Choice(&[
        Choice {
            code: "cm",
            label: tr!("cm", "cm"),
        },
        Choice {
            code: "in",
            label: tr!("in", "in"),
        },
    ]),
    patient: true,
    hint: None,
    default: Default::Code("cm"),
};

pub static HEIGHT: Input = Input {
    name: "height",
    label: tr!("Height", "身高"),
    kind: Kind::Number(NumberSpec {
        units: &[
            Unit {
                code: "cm",
                quantity: Quantity::Cm,
                scale: Scale::Times(1.0),
            },
            Unit {
                code: "in",
                quantity: Quantity::Inch,
                scale: Scale::Times(CM_PER_INCH),
            },
        ],
        unit_input: Some(&HEIGHT_UNIT),
        usable: Range::new(30.0, 300.0),
        plausible: Some(Range::new(120.0, 220.0)),
        whole: false,
    }),
    patient: true,
    hint: None,
    default: Default::None,
};

pub static AGE: Input = Input {
    name: "age",
    label: tr!("Age", "年龄"),
    kind: Kind::Number(NumberSpec {
        units: &[Unit::base(Quantity::Years)],
        unit_input: None,
        usable: Range::new(0.0, 120.0),
        plausible: None,
        whole: false,
    }),
    patient: true,
    hint: None,
    default: Default::None,
};

pub static SEX: Input = Input {
    name: "sex",
    label: tr!("Sex", "性别"),
    kind: Kind::Choice(&[
        Choice {
            code: "f",
            label: tr!("female", "女"),
        },
        Choice {
            code: "m",
            label: tr!("male", "男"),
        },
    ]),
    patient: true,
    hint: None,
    default: Default::None,
};

pub static SCR_UNIT: Input = Input {
    name: "scrunit",
    label: tr!("Creatinine unit", "肌酐单位"),
    kind: Kind::Choice(&[
        Choice {
            code: "mgdl",
            label: tr!("mg/dL", "mg/dL"),
        },
        Choice {
            code: "umol",
            label: tr!("µmol/L", "µmol/L"),
        },
    ]),
    patient: true,
    hint: None,
    default: Default::Code("mgdl"),
};

pub static SCR: Input = Input {
    name: "scr",
    label: tr!("Serum creatinine", "血清肌酐"),
    kind: Kind::Number(NumberSpec {
        units: &[
            Unit {
                code: "mgdl",
                quantity: Quantity::MgPerDl,
                scale: Scale::Times(1.0),
            },
            Unit {
                code: "umol",
                quantity: Quantity::UmolPerL,
                scale: Scale::Divide(UMOL_PER_L_PER_MG_PER_DL),
            },
        ],
        unit_input: Some(&SCR_UNIT),
        usable: Range::new(0.05, 30.0),
        // 0.2 to 15 mg/dL (18 to 1326 µmol/L): outside, the unit is the likelier mistake.
        plausible: Some(Range::new(0.2, 15.0)),
        whole: false,
    }),
    patient: true,
    hint: Some(tr!("88.4 µmol/L = 1 mg/dL.", "88.4 µmol/L = 1 mg/dL。")),
    default: Default::None,
};

pub static SCR_FLOOR: Input = Input {
    name: "scrfloor",
    label: tr!(
        "Lowest creatinine used in Cockcroft-Gault",
        "Cockcroft-Gault 公式中使用的最低肌酐值"
    ),
    kind: Kind::Choice(&[
        Choice {
            code: "off",
            label: tr!("off: as measured", "不设：按实测值"),
        },
        Choice {
            code: "0.7",
            label: tr!("0.7 mg/dL (NCCN)", "0.7 mg/dL（NCCN）"),
        },
        Choice {
            code: "0.8",
            label: tr!("0.8 mg/dL", "0.8 mg/dL"),
        },
        Choice {
            code: "1.0",
            label: tr!("1.0 mg/dL", "1.0 mg/dL"),
        },
    ]),
    patient: false,
    hint: None,
    default: Default::Code("off"),
};

pub static GFR: Input = Input {
    name: "gfr",
    label: tr!("Measured GFR", "实测 GFR"),
    kind: Kind::Number(NumberSpec {
        units: &[Unit::base(Quantity::MlPerMin)],
        unit_input: None,
        usable: Range::new(1.0, 250.0),
        plausible: Some(Range::new(5.0, 200.0)),
        whole: false,
    }),
    patient: true,
    hint: Some(tr!(
        "A measured GFR (e.g. by a tracer), used in Calvert instead of the Cockcroft-Gault estimate; not capped at 125 mL/min.",
        "实测 GFR（如示踪剂法），在 Calvert 公式中代替 Cockcroft-Gault 估算值；不设 125 mL/min 上限。"
    )),
    default: Default::None,
};

pub static REGIMEN: Input = Input {
    name: "regimen",
    label: tr!("Regimen (tumour · trial)", "方案（肿瘤 · 试验）"),
    kind: Kind::Text,
    patient: false,
    hint: None,
    default: Default::Code(crate::dosing::regimens::DEFAULT_REGIMEN_ID),
};

pub static AUC: Input = Input {
    name: "auc",
    label: tr!("Carboplatin target AUC", "卡铂目标 AUC"),
    kind: Kind::Number(NumberSpec {
        units: &[Unit::base(Quantity::Auc)],
        unit_input: None,
        usable: Range::new(0.5, 10.0),
        plausible: Some(Range::new(2.0, 7.5)),
        whole: false,
    }),
    patient: false,
    hint: None,
    default: Default::FromDomain(tr!(
        "the regimen's AUC where its source gives one",
        "方案来源给出的 AUC（如有）"
    )),
};

pub static VIAL: Input = Input {
    name: "vial",
    label: tr!("Vial content", "每瓶含量"),
    kind: Kind::Number(NumberSpec {
        units: &[Unit::base(Quantity::Mg)],
        unit_input: None,
        usable: Range::new(1.0, 10_000.0),
        plausible: None,
        whole: false,
    }),
    patient: false,
    hint: None,
    default: Default::Sourced(label_vial_mg),
};

pub static CONC: Input = Input {
    name: "conc",
    label: tr!("Concentration", "浓度"),
    kind: Kind::Number(NumberSpec {
        units: &[Unit::base(Quantity::MgPerMl)],
        unit_input: None,
        usable: Range::new(0.1, 1000.0),
        plausible: None,
        whole: false,
    }),
    patient: false,
    hint: None,
    default: Default::Sourced(label_concentration),
};

pub static ORDERED: Input = Input {
    name: "ordered",
    label: tr!("Dose as ordered", "医嘱剂量"),
    kind: Kind::Number(NumberSpec {
        units: &[Unit::base(Quantity::Mg)],
        unit_input: None,
        usable: Range::new(1.0, 100_000.0),
        plausible: None,
        whole: false,
    }),
    patient: true,
    hint: Some(tr!(
        "The ivonescimab dose written on the order, to check against the calculation.",
        "医嘱上的依沃西单抗剂量，用于与计算结果核对。"
    )),
    default: Default::None,
};

pub static ROUND: Input = Input {
    name: "round",
    label: tr!("Round to whole vials", "按整瓶取整"),
    kind: Kind::Choice(&[
        Choice { code: "off", label: tr!("off (default)", "不取整（默认）") },
        Choice { code: "pct5", label: tr!("within 5 %", "5% 以内") },
        Choice { code: "pct10", label: tr!("within 10 % (HOPA)", "10% 以内（HOPA）") },
    ]),
    patient: false,
    hint: Some(tr!(
        "HOPA allows biologics to be rounded to the nearest vial within 10 % (Hematology/Oncology Pharmacy Association dose-rounding guidance).",
        "HOPA 允许生物制剂在 10% 以内按最接近的整瓶取整（美国血液/肿瘤药学协会剂量取整指南）。"
    )),
    default: Default::Code("off"),
};

pub static BSA: Input = Input {
    name: "bsa",
    label: tr!("BSA formula", "体表面积公式"),
    kind: Kind::Choice(&[
        Choice {
            code: "mosteller",
            label: tr!("Mosteller (default)", "Mosteller（默认）"),
        },
        Choice {
            code: "dubois",
            label: tr!("Du Bois", "Du Bois"),
        },
    ]),
    patient: false,
    hint: None,
    default: Default::Code("mosteller"),
};

pub static CG_WEIGHT: Input = Input {
    name: "cgweight",
    label: tr!("Weight in Cockcroft-Gault", "Cockcroft-Gault 公式中的体重"),
    kind: Kind::Choice(&[
        Choice {
            code: "actual",
            label: tr!("Actual body weight", "实际体重"),
        },
        Choice {
            code: "adjusted",
            label: tr!("Adjusted body weight", "校正体重"),
        },
    ]),
    patient: false,
    hint: None,
    default: Default::Code("actual"),
};

/// mg/m² typed for a chemotherapy partner: `m2.gemcitabine=1000`.
pub static PARTNER_MG_PER_M2: Input = Input {
    name: "m2.",
    label: tr!("Partner dose", "联合用药剂量"),
    kind: Kind::Number(NumberSpec {
        units: &[Unit::base(Quantity::MgPerM2)],
        unit_input: None,
        usable: Range::new(0.01, 10_000.0),
        // The partners' doses run from 75 (docetaxel, cisplatin) to 2400 mg/m² (fluorouracil
        // infusion); below 10 or above 4000 a slip is likelier.
        plausible: Some(Range::new(10.0, 4000.0)),
        whole: false,
    }),
    patient: false,
    hint: None,
    default: Default::FromDomain(tr!(
        "the source's mg/m², if it gives one",
        "来源给出的 mg/m²（如有）"
    )),
};

/// Every input of the dose view, in the order a link writes them.
pub static TABLE: Table = &[
    &WEIGHT,
    &WEIGHT_UNIT,
    &MG_PER_KG,
    &EVERY,
    &HEIGHT,
    &HEIGHT_UNIT,
    &AGE,
    &SEX,
    &SCR,
    &SCR_UNIT,
    &SCR_FLOOR,
    &GFR,
    &REGIMEN,
    &AUC,
    &VIAL,
    &CONC,
    &ORDERED,
    &ROUND,
    &BSA,
    &CG_WEIGHT,
    &PARTNER_MG_PER_M2,
];

fn label_mg_per_kg() -> Sourced {
    let dose = &crate::dosing::label().dose;
    Sourced::cited(dose.mg_per_kg, &dose.sources)
}

fn label_every_weeks() -> Sourced {
    let dose = &crate::dosing::label().dose;
    Sourced::cited(f64::from(dose.every_weeks), &dose.sources)
}

fn label_vial_mg() -> Sourced {
    let vial = &crate::dosing::label().vial;
    Sourced::cited(vial.vial_mg, &vial.sources)
}

fn label_concentration() -> Sourced {
    let vial = &crate::dosing::label().vial;
    Sourced::cited(vial.concentration_mg_per_ml, &vial.sources)
}

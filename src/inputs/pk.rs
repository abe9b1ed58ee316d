//! The PK view's inputs (CONTRACT.md, `#/pk`, and the additions listed in the README).
//!
//! The usable ranges are the engine's (`pk::params`): wide enough for any antibody, narrow
//! enough that the numbers stay finite. Defaults come from data/pk_defaults.json and the
//! calibrations, each with its source.

use super::{Choice, Default, Input, Kind, NumberSpec, Range, Sourced, Table, Unit};
use crate::format::Quantity;
use crate::pk;
use crate::tr;

const fn number(
    units: &'static [Unit],
    usable: Range,
    plausible: Option<Range>,
    whole: bool,
) -> Kind {
    Kind::Number(NumberSpec {
        units,
        unit_input: None,
        usable,
        plausible,
        whole,
    })
}

const MG_PER_KG_UNIT: &[Unit] = &[Unit::base(Quantity::MgPerKg)];
const MG: &[Unit] = &[Unit::base(Quantity::Mg)];
const KG: &[Unit] = &[Unit::base(Quantity::Kg)];
const WEEKS: &[Unit] = &[Unit::base(Quantity::Weeks)];
const HOURS: &[Unit] = &[Unit::base(Quantity::Hours)];
const L_PER_DAY: &[Unit] = &[Unit::base(Quantity::LPerDay)];
const DAYS: &[Unit] = &[Unit::base(Quantity::Days)];
const LITRES: &[Unit] = &[Unit::base(Quantity::L)];
const PERCENT: &[Unit] = &[Unit::base(Quantity::Percent)];
const KDA: &[Unit] = &[Unit::base(Quantity::KDa)];
const COUNT: &[Unit] = &[Unit::base(Quantity::Count)];
const RATIO: &[Unit] = &[Unit::base(Quantity::Ratio)];

/// A default from data/pk_defaults.json, with its sources and how it was derived.
fn sourced(s: &'static pk::SourcedValue) -> Sourced {
    Sourced {
        value: s.value,
        sources: s.sources.iter().collect(),
        // A data text: its Chinese (`note_zh`) is in the translation pack under its key.
        description: s.note.as_deref().map(crate::i18n::Text::new),
    }
}

pub static MG_PER_KG: Input = Input {
    name: "mgkg",
    label: tr!("Dose", "剂量"),
    kind: number(
        MG_PER_KG_UNIT,
        Range::new(1e-3, 100.0),
        Some(Range::new(0.3, 30.0)),
        false,
    ),
    patient: false,
    hint: Some(tr!(
        "Label: 20 mg/kg every 3 weeks.",
        "说明书：20 mg/kg，每 3 周一次。"
    )),
    default: Default::Sourced(|| {
        let r = pk::default_regimen();
        match r.dose {
            pk::DoseAmount::MgPerKg(v) => Sourced::cited(v, &crate::dosing::label().dose.sources),
            pk::DoseAmount::FlatMg(v) => Sourced::described(v, tr!("flat", "固定剂量")),
        }
    }),
};

pub static FLAT: Input = Input {
    name: "flat",
    label: tr!("Flat dose (instead of mg/kg)", "固定剂量（代替 mg/kg）"),
    kind: number(
        MG,
        Range::new(0.1, 20_000.0),
        Some(Range::new(10.0, 5000.0)),
        false,
    ),
    patient: false,
    hint: Some(tr!("Leave empty to dose by weight.", "留空则按体重给药。")),
    default: Default::None,
};

pub static WEIGHT: Input = Input {
    name: "weight",
    label: tr!("Body weight", "体重"),
    kind: number(
        KG,
        Range::new(1.0, 400.0),
        Some(Range::new(20.0, 250.0)),
        false,
    ),
    patient: true,
    hint: Some(tr!(
        "70 kg if empty. A patient value: kept out of the address bar.",
        "留空为 70 kg。属患者数据：不写入地址栏。"
    )),
    default: Default::Sourced(|| {
        let s = &pk::sources().weight_kg;
        sourced(s)
    }),
};

pub static EVERY: Input = Input {
    name: "every",
    label: tr!("Dosing interval", "给药间隔"),
    kind: number(WEEKS, Range::new(1.0 / 168.0, 365.0 / 7.0), None, false),
    patient: false,
    hint: Some(tr!(
        "Every 3 weeks (label); every 2 weeks in some trials.",
        "每 3 周一次（说明书）；部分试验为每 2 周一次。"
    )),
    default: Default::Sourced(|| {
        let r = pk::default_regimen();
        Sourced::cited(
            r.dosing_interval_days / 7.0,
            &crate::dosing::label().dose.sources,
        )
    }),
};

pub static DOSES: Input = Input {
    name: "doses",
    label: tr!("Number of doses", "给药次数"),
    kind: number(COUNT, Range::new(1.0, 1000.0), None, true),
    patient: false,
    hint: Some(tr!(
        "17 doses every 3 weeks is about a year.",
        "每 3 周一次共 17 次约为一年。"
    )),
    default: Default::Sourced(|| {
        Sourced::described(
            f64::from(pk::default_regimen().doses),
            tr!(
                "17 doses every 3 weeks: about a year",
                "每 3 周一次共 17 次：约一年"
            ),
        )
    }),
};

pub static TINF: Input = Input {
    name: "tinf",
    label: tr!("Infusion duration", "输注时长"),
    kind: number(HOURS, Range::new(1.0 / 60.0, 24.0), None, false),
    patient: false,
    hint: Some(tr!(
        "60 minutes per the China label.",
        "按中国说明书为 60 分钟。"
    )),
    default: Default::Sourced(|| {
        let s = &pk::sources().infusion_hours;
        sourced(s)
    }),
};

macro_rules! model_input {
    ($static:ident, $name:literal, $label:expr, $units:expr, $min:expr, $max:expr, $hint:expr, $default:expr) => {
        pub static $static: Input = Input {
            name: $name,
            label: $label,
            kind: number($units, Range::new($min, $max), None, false),
            patient: false,
            hint: Some($hint),
            default: Default::Sourced($default),
        };
    };
}

model_input!(
    CL0,
    "cl0",
    tr!("CL0, clearance at the first dose", "CL0，首剂清除率"),
    L_PER_DAY,
    1e-3,
    100.0,
    tr!(
        "From the review of PD-1(L1)/VEGF bispecifics, Pharmacokinetics.",
        "来自 PD-1(L1)/VEGF 双特异性抗体综述，药代动力学部分。"
    ),
    || {
        let s = &pk::sources().clearance_first_dose_l_per_day;
        sourced(s)
    }
);
model_input!(
    CLSS,
    "clss",
    tr!("CLss, clearance at steady state", "CLss，稳态清除率"),
    L_PER_DAY,
    1e-3,
    100.0,
    tr!(
        "From the review of PD-1(L1)/VEGF bispecifics, Pharmacokinetics.",
        "来自 PD-1(L1)/VEGF 双特异性抗体综述，药代动力学部分。"
    ),
    || {
        let s = &pk::sources().clearance_steady_state_l_per_day;
        sourced(s)
    }
);
model_input!(
    T50,
    "t50",
    tr!("T50, time to half the change", "T50，清除率变化一半所需时间"),
    DAYS,
    0.01,
    3650.0,
    tr!(
        "Calibrated: 90 % of the steady-state trough by week 15 (the review of PD-1(L1)/VEGF bispecifics).",
        "校准值：第 15 周时谷浓度达稳态谷浓度的 90%（PD-1(L1)/VEGF 双特异性抗体综述）。"
    ),
    || Sourced::described(
        pk::default_model().clearance_t50_days,
        tr!(
            "Calibrated: the trough before the 6th dose of 20 mg/kg every 3 weeks (day 105, end of week 15) is 90 % of the steady-state trough at CLss (the review of PD-1(L1)/VEGF bispecifics, Pharmacokinetics: steady state 'by the 15th week')",
            "校准值：20 mg/kg、每 3 周一次时，第 6 剂前（第 105 天，第 15 周末）的谷浓度为清除率 CLss 时稳态谷浓度的 90%（PD-1(L1)/VEGF 双特异性抗体综述，药代动力学：稳态“by the 15th week”）"
        )
    )
);
model_input!(
    HILL,
    "hill",
    tr!("Hill exponent h", "Hill 指数 h"),
    RATIO,
    0.1,
    20.0,
    tr!(
        "Nivolumab (Bajaj et al., CPT Pharmacometrics Syst Pharmacol 2017).",
        "纳武利尤单抗（Bajaj 等，CPT Pharmacometrics Syst Pharmacol 2017）。"
    ),
    || {
        let s = &pk::sources().clearance_hill;
        sourced(s)
    }
);
model_input!(
    V1,
    "v1",
    tr!("V1, central volume", "V1，中央室分布容积"),
    LITRES,
    0.1,
    100.0,
    tr!(
        "Pembrolizumab (Ahamadi et al., CPT Pharmacometrics Syst Pharmacol 2017).",
        "帕博利珠单抗（Ahamadi 等，CPT Pharmacometrics Syst Pharmacol 2017）。"
    ),
    || {
        let s = &pk::sources().central_volume_l;
        sourced(s)
    }
);
model_input!(
    V2,
    "v2",
    tr!("V2, peripheral volume", "V2，外周室分布容积"),
    LITRES,
    0.01,
    100.0,
    tr!(
        "Calibrated: the terminal half-life at CLss is 9.85 days (the review of PD-1(L1)/VEGF bispecifics).",
        "校准值：CLss 时终末半衰期为 9.85 天（PD-1(L1)/VEGF 双特异性抗体综述）。"
    ),
    || {
        let s = &pk::sources().terminal_half_life_at_clss_days;
        Sourced {
            value: pk::default_model().peripheral_volume_l,
            ..sourced(s)
        }
    }
);
model_input!(
    Q,
    "q",
    tr!("Q, intercompartmental clearance", "Q，室间清除率"),
    L_PER_DAY,
    1e-3,
    100.0,
    tr!(
        "Pembrolizumab (Ahamadi et al., CPT Pharmacometrics Syst Pharmacol 2017).",
        "帕博利珠单抗（Ahamadi 等，CPT Pharmacometrics Syst Pharmacol 2017）。"
    ),
    || {
        let s = &pk::sources().intercompartmental_clearance_l_per_day;
        sourced(s)
    }
);
model_input!(
    ALLO_CL,
    "allo_cl",
    tr!("Weight exponent of clearances", "清除率的体重指数"),
    RATIO,
    -2.0,
    2.0,
    tr!(
        "0: weight has no effect (the review of PD-1(L1)/VEGF bispecifics). Try 0.75.",
        "0：体重无影响（PD-1(L1)/VEGF 双特异性抗体综述）。可试 0.75。"
    ),
    || {
        let s = &pk::sources().allometric_exponent_clearance;
        sourced(s)
    }
);
model_input!(
    ALLO_V,
    "allo_v",
    tr!("Weight exponent of volumes", "分布容积的体重指数"),
    RATIO,
    -2.0,
    2.0,
    tr!(
        "0: weight has no effect (the review of PD-1(L1)/VEGF bispecifics). Try 1.",
        "0：体重无影响（PD-1(L1)/VEGF 双特异性抗体综述）。可试 1。"
    ),
    || {
        let s = &pk::sources().allometric_exponent_volume;
        sourced(s)
    }
);

pub static PATIENTS: Input = Input {
    name: "n",
    label: tr!("Virtual patients", "虚拟患者数"),
    kind: number(COUNT, Range::new(1.0, pk::MAX_PATIENTS as f64), None, true),
    patient: false,
    hint: Some(tr!("Up to 10 000.", "最多 10 000。")),
    default: Default::Sourced(|| {
        let s = &pk::sources().patients;
        sourced(s)
    }),
};

pub static CV_CL: Input = Input {
    name: "cv_cl",
    label: tr!("Variability of CL", "CL 的个体间变异"),
    kind: number(PERCENT, Range::new(0.0, 200.0), None, false),
    patient: false,
    hint: Some(tr!(
        "% CV. Median of anti-PD-1 models (Shang et al., Front Immunol 2022).",
        "% CV。抗 PD-1 模型的中位数（Shang 等，Front Immunol 2022）。"
    )),
    default: Default::Sourced(|| {
        let s = &pk::sources().cv_clearance_percent;
        sourced(s)
    }),
};

pub static CV_V1: Input = Input {
    name: "cv_v1",
    label: tr!("Variability of V1", "V1 的个体间变异"),
    kind: number(PERCENT, Range::new(0.0, 200.0), None, false),
    patient: false,
    hint: Some(tr!(
        "% CV. Median of anti-PD-1 models (Shang et al., Front Immunol 2022).",
        "% CV。抗 PD-1 模型的中位数（Shang 等，Front Immunol 2022）。"
    )),
    default: Default::Sourced(|| {
        let s = &pk::sources().cv_central_volume_percent;
        sourced(s)
    }),
};

pub static SEED: Input = Input {
    name: "seed",
    label: tr!("Random seed", "随机种子"),
    kind: number(COUNT, Range::new(0.0, pk::MAX_SEED as f64), None, true),
    patient: false,
    hint: Some(tr!(
        "The same seed gives the same patients and bands.",
        "相同的种子得到相同的虚拟患者和区间带。"
    )),
    default: Default::Sourced(|| {
        Sourced::described(
            pk::default_population().seed as f64,
            tr!("a fixed seed", "固定种子"),
        )
    }),
};

pub static MW: Input = Input {
    name: "mw",
    label: tr!("Molecular weight (assumed)", "分子量（假定）"),
    kind: number(KDA, Range::new(1.0, 10_000.0), None, false),
    patient: false,
    hint: Some(tr!(
        "About 200 kDa: IgG1 plus two scFv; not in the reviews.",
        "约 200 kDa：IgG1 加两个 scFv；两篇综述均未给出。"
    )),
    default: Default::Sourced(|| {
        let s = &pk::sources().molecular_weight_kda;
        sourced(s)
    }),
};

pub static REFS: Input = Input {
    name: "refs",
    label: tr!("IC50 reference lines", "IC50 参考线"),
    kind: Kind::Flag,
    patient: false,
    hint: None,
    default: Default::Code("0"),
};

pub static LOG: Input = Input {
    name: "log",
    label: tr!("Log concentration axis", "浓度对数坐标"),
    kind: Kind::Flag,
    patient: false,
    hint: None,
    default: Default::Code("0"),
};

pub static TIME_UNIT: Input = Input {
    name: "tunit",
    label: tr!("Time axis", "时间轴"),
    kind: Kind::Choice(&[
        Choice {
            code: "days",
            label: tr!("days", "天"),
        },
        Choice {
            code: "weeks",
            label: tr!("weeks", "周"),
        },
    ]),
    patient: false,
    hint: None,
    default: Default::Code("days"),
};

pub static OVERLAY: Input = Input {
    name: "overlay",
    label: tr!(
        "Compare regimens (up to three, mg/kg q weeks)",
        "比较方案（最多三个，mg/kg q 周数）"
    ),
    kind: Kind::Regimens,
    patient: false,
    hint: Some(tr!(
        "10q3 is 10 mg/kg every 3 weeks. Drawn over the same time span as the inputs' regimen, same weight and model.",
        "10q3 表示 10 mg/kg、每 3 周一次。与输入方案在相同时间范围内绘制，体重和模型相同。"
    )),
    default: Default::None,
};

/// Every input of the PK view, in the order a link writes them.
pub static TABLE: Table = &[
    &MG_PER_KG, &WEIGHT, &EVERY, &DOSES, &TINF, &CL0, &CLSS, &T50, &HILL, &V1, &V2, &Q, &PATIENTS,
    &CV_CL, &CV_V1, &SEED, &FLAT, &ALLO_CL, &ALLO_V, &MW, &REFS, &LOG, &TIME_UNIT, &OVERLAY,
];

/// The inputs of the model (reset together).
pub static MODEL: Table = &[&CL0, &CLSS, &T50, &HILL, &V1, &V2, &Q, &ALLO_CL, &ALLO_V];

/// The inputs of the population run.
pub static POPULATION: Table = &[&PATIENTS, &CV_CL, &CV_V1, &SEED];

/// The inputs the typical patient's curve and metrics need.
pub static TYPICAL: Table = &[
    &MG_PER_KG, &FLAT, &WEIGHT, &EVERY, &DOSES, &TINF, &CL0, &CLSS, &T50, &HILL, &V1, &V2, &Q,
    &ALLO_CL, &ALLO_V,
];

//! The PK view's inputs (a link, the form or a JS API object) become the engine's model,
//! regimen and population, with the defaults for what is absent, a message per input that
//! cannot be used or waits for confirmation, and the evidence warnings. Shared by the PK view
//! and the JS API.

use crate::evidence;
use crate::format::{self, Quantity};
use crate::i18n::Lang;
use crate::inputs::link::{exact, Reading, Writer};
use crate::inputs::number::{check_plausible, check_usable};
use crate::inputs::pk::*;
use crate::inputs::{is_confirmed, Confirmation, Input};
use crate::link::QueryMap;
use crate::messages::{Code, Message, Severity};
use crate::pk::{
    default_model, default_population, default_regimen, DoseAmount, InputError, ModelParams,
    PkField, PopulationSpec, Problem, Regimen, MAX_SPAN_DAYS,
};
use crate::tr;

/// The time axis of the PK chart (`tunit`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeUnit {
    #[default]
    Days,
    Weeks,
}

impl TimeUnit {
    pub fn code(self) -> &'static str {
        match self {
            TimeUnit::Days => "days",
            TimeUnit::Weeks => "weeks",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "days" => Some(TimeUnit::Days),
            "weeks" => Some(TimeUnit::Weeks),
            _ => None,
        }
    }
    /// Days in one unit.
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Days => 1.0,
            TimeUnit::Weeks => 7.0,
        }
    }
}

/// A regimen drawn on the PK chart next to the one of the inputs: `10q3` is 10 mg/kg every
/// 3 weeks (link `overlay=10q3,20q3,20q2`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OverlayRegimen {
    pub mgkg: f64,
    pub every_weeks: u64,
}

impl OverlayRegimen {
    pub fn code(&self) -> String {
        format!("{}q{}", exact(self.mgkg), self.every_weeks)
    }
}

/// Most regimens an `overlay` parameter holds.
pub const MAX_OVERLAYS: usize = 3;

/// Reads `10q3,20q3,20q2` (spaces allowed, `Q` or `q`).
pub fn parse_overlays(text: &str) -> Result<Vec<OverlayRegimen>, Message> {
    let mut out = Vec::new();
    let bad = |part: &str| {
        Message::new(
            Code::BadRegimenList,
            tr!(
                "“{part}” is not a regimen; write mg/kg, q, weeks (10q3 is 10 mg/kg every 3 weeks).",
                "“{part}”不是有效方案；请写作 mg/kg、q、周数（10q3 表示 10 mg/kg、每 3 周一次）。"
            ),
        )
        .at(OVERLAY.name)
        .arg("part", part)
    };
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let lower = part.to_ascii_lowercase();
        let (mgkg, weeks) = lower.split_once('q').ok_or_else(|| bad(part))?;
        let mgkg = crate::inputs::number::parse_number(mgkg).map_err(|_| bad(part))?;
        let every_weeks = crate::inputs::number::parse_whole(weeks).map_err(|_| bad(part))?;
        if mgkg <= 0.0 || every_weeks == 0 || mgkg > 100.0 || every_weeks > 52 {
            return Err(Message::new(
                Code::BadRegimenList,
                tr!(
                    "“{part}”: the dose must be above 0 and at most 100 mg/kg, the interval 1 to 52 weeks.",
                    "“{part}”：剂量须大于 0 且不超过 100 mg/kg，间隔为 1 至 52 周。"
                ),
            )
            .at(OVERLAY.name)
            .arg("part", part));
        }
        out.push(OverlayRegimen { mgkg, every_weeks });
    }
    if out.len() > MAX_OVERLAYS {
        return Err(Message::new(
            Code::BadRegimenList,
            tr!(
                "At most {max} regimens can be compared ({given} given).",
                "最多可比较 {max} 个方案（已给出 {given} 个）。"
            ),
        )
        .at(OVERLAY.name)
        .arg("max", MAX_OVERLAYS.to_string())
        .arg("given", out.len().to_string()));
    }
    Ok(out)
}

/// How the chart is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ChartChoice {
    pub log: bool,
    /// IC50 reference lines at this molecular weight (kDa), when on.
    pub reference_mw_kda: Option<f64>,
    pub time_unit: TimeUnit,
}

/// The engine's inputs with their problems.
#[derive(Clone, Debug, PartialEq)]
pub struct PkScenario {
    pub model: ModelParams,
    pub regimen: Regimen,
    pub population: PopulationSpec,
    pub overlays: Vec<OverlayRegimen>,
    pub chart: ChartChoice,
    /// Whether the weight was given (the default 70 kg gets no weight warning).
    pub weight_given: bool,
    /// Errors and confirmations of the model and regimen: the curve and metrics need none.
    pub errors: Vec<Message>,
    /// Errors of the population inputs: only the bands need none.
    pub population_errors: Vec<Message>,
    /// Values waiting for confirmation (the curve and metrics wait for them), with the key
    /// and value to confirm.
    pub pending: Vec<(Message, f64)>,
    /// Errors of the chart's own inputs (overlays, axis): the rest goes on.
    pub chart_errors: Vec<Message>,
    pub warnings: Vec<Message>,
    pub notes: Vec<Message>,
}

impl PkScenario {
    /// The curve and metrics can be computed.
    pub fn typical_ok(&self) -> bool {
        self.errors.is_empty() && self.pending.is_empty()
    }
    /// The population bands can be computed.
    pub fn population_ok(&self) -> bool {
        self.typical_ok() && self.population_errors.is_empty()
    }
    /// Every message, for the fields.
    pub fn messages(&self) -> impl Iterator<Item = &Message> {
        self.errors
            .iter()
            .chain(&self.population_errors)
            .chain(&self.chart_errors)
            .chain(self.pending.iter().map(|(m, _)| m))
    }
}

/// Reads, checks and resolves the inputs; `confirmed` are the values the user confirmed.
pub fn read(query: &QueryMap, confirmed: &[Confirmation]) -> PkScenario {
    let mut r = Reading::new(query);
    let dr = default_regimen();
    let dm = default_model();
    let dp = default_population();
    let mut s = PkScenario {
        model: dm,
        regimen: dr,
        population: dp,
        overlays: Vec::new(),
        chart: ChartChoice::default(),
        weight_given: false,
        errors: Vec::new(),
        population_errors: Vec::new(),
        pending: Vec::new(),
        chart_errors: Vec::new(),
        warnings: Vec::new(),
        notes: Vec::new(),
    };
    // Each number: read, checked against its row, or the default.
    let value = |r: &mut Reading, s: &mut PkScenario, input: &'static Input, default: f64| {
        let Some(v) = r.number(input) else {
            return default;
        };
        let Some(unit) = input.number().and_then(|n| n.units.first()) else {
            return default;
        };
        let into = if POPULATION.iter().any(|i| std::ptr::eq(*i, input)) {
            &mut s.population_errors
        } else {
            &mut s.errors
        };
        match check_usable(input, input.name, v, unit) {
            Err(m) => {
                into.push(m);
                default
            }
            Ok(v) => {
                if let Some(m) = check_plausible(input, input.name, v, unit) {
                    if is_confirmed(confirmed, input.name, v) {
                        s.notes.push(crate::inputs::number::confirmed_note(
                            input.label,
                            format::with_unit(v, unit.quantity, Lang::En),
                        ));
                    } else {
                        s.pending.push((m, v));
                    }
                }
                v
            }
        }
    };
    let mgkg = value(&mut r, &mut s, &MG_PER_KG, f64::NAN);
    let flat = value(&mut r, &mut s, &FLAT, f64::NAN);
    let weight = value(&mut r, &mut s, &WEIGHT, dr.weight_kg);
    s.weight_given = r.raw(&WEIGHT).is_some();
    let every = value(&mut r, &mut s, &EVERY, dr.dosing_interval_days / 7.0);
    let doses = value(&mut r, &mut s, &DOSES, f64::from(dr.doses));
    let tinf = value(&mut r, &mut s, &TINF, dr.infusion_hours);
    s.model = ModelParams {
        clearance_first_dose_l_per_day: value(
            &mut r,
            &mut s,
            &CL0,
            dm.clearance_first_dose_l_per_day,
        ),
        clearance_steady_state_l_per_day: value(
            &mut r,
            &mut s,
            &CLSS,
            dm.clearance_steady_state_l_per_day,
        ),
        clearance_t50_days: value(&mut r, &mut s, &T50, dm.clearance_t50_days),
        clearance_hill: value(&mut r, &mut s, &HILL, dm.clearance_hill),
        central_volume_l: value(&mut r, &mut s, &V1, dm.central_volume_l),
        peripheral_volume_l: value(&mut r, &mut s, &V2, dm.peripheral_volume_l),
        intercompartmental_clearance_l_per_day: value(
            &mut r,
            &mut s,
            &Q,
            dm.intercompartmental_clearance_l_per_day,
        ),
        allometric_exponent_clearance: value(
            &mut r,
            &mut s,
            &ALLO_CL,
            dm.allometric_exponent_clearance,
        ),
        allometric_exponent_volume: value(&mut r, &mut s, &ALLO_V, dm.allometric_exponent_volume),
    };
    let patients = value(&mut r, &mut s, &PATIENTS, f64::from(dp.patients));
    let cv_cl = value(&mut r, &mut s, &CV_CL, dp.cv_clearance_percent);
    let cv_v1 = value(&mut r, &mut s, &CV_V1, dp.cv_central_volume_percent);
    let seed = value(&mut r, &mut s, &SEED, dp.seed as f64);
    let mw = value(
        &mut r,
        &mut s,
        &MW,
        crate::pk::sources().molecular_weight_kda.value,
    );
    // The reading's own messages (text where a number was expected) block what they concern.
    let dose = if flat.is_finite() {
        DoseAmount::FlatMg(flat)
    } else if mgkg.is_finite() {
        DoseAmount::MgPerKg(mgkg)
    } else {
        dr.dose
    };
    s.regimen = Regimen::from_weeks(dose, weight, every, doses as u32, tinf);
    s.population = PopulationSpec {
        patients: patients as u32,
        cv_clearance_percent: cv_cl,
        cv_central_volume_percent: cv_v1,
        seed: seed as u64,
    };
    let refs = r.flag(&REFS).unwrap_or(false);
    s.chart = ChartChoice {
        log: r.flag(&LOG).unwrap_or(false),
        reference_mw_kda: refs.then_some(mw),
        time_unit: r.code(&TIME_UNIT, TimeUnit::from_code).unwrap_or_default(),
    };
    if let Some(text) = r.raw(&OVERLAY) {
        match parse_overlays(text) {
            Ok(list) => s.overlays = list,
            Err(m) => s.chart_errors.push(m),
        }
    }
    for m in r.messages.drain(..) {
        let field = m.field.as_deref().unwrap_or_default();
        if POPULATION.iter().any(|i| i.name == field) {
            s.population_errors.push(m);
        } else if TYPICAL.iter().any(|i| i.name == field) {
            s.errors.push(m);
        } else {
            s.chart_errors.push(m);
        }
    }
    // Problems across inputs, which only the engine knows.
    let flat_given = flat.is_finite();
    for e in s.regimen.validate().err().unwrap_or_default() {
        if matches!(
            e.problem,
            Problem::InfusionLongerThanInterval | Problem::SpanTooLong
        ) {
            s.errors.push(engine_message(&e, flat_given));
        }
    }
    if s.typical_ok() {
        if s.weight_given {
            s.warnings.extend(evidence::weight(weight));
        }
        let dose = match s.regimen.dose {
            DoseAmount::MgPerKg(v) => evidence::Dose::MgPerKg(v),
            DoseAmount::FlatMg(mg) => evidence::Dose::FlatMg {
                mg,
                weight_kg: weight,
            },
        };
        s.warnings.extend(evidence::dose(dose, every));
    }
    debug_assert!(s.errors.iter().all(|m| m.severity() == Severity::Error));
    s
}

/// An engine problem across inputs, at the input the user would change.
fn engine_message(e: &InputError, flat: bool) -> Message {
    let field = match e.field {
        PkField::Mgkg if flat => FLAT.name,
        other => other.link_name(),
    };
    match e.problem {
        Problem::InfusionLongerThanInterval => Message::new(
            Code::InfusionLongerThanInterval,
            tr!(
                "Infusion duration: the infusion ({hours}) must end before the next dose starts.",
                "输注时长：输注（{hours}）须在下一剂开始前结束。"
            ),
        )
        .at(field)
        .arg("hours", format::with_unit(e.value, Quantity::Hours, Lang::En)),
        _ => Message::new(
            Code::SpanTooLong,
            tr!(
                "Number of doses: doses × interval is {days}, beyond the longest simulation ({max}).",
                "给药次数：给药次数 × 间隔为 {days}，超过最长模拟时间（{max}）。"
            ),
        )
        .at(field)
        .arg("days", format::with_unit(e.value, Quantity::Days, Lang::En))
        .arg("max", format::with_unit(MAX_SPAN_DAYS, Quantity::Days, Lang::En)),
    }
}

/// A regimen's short name in `lang`: "20 mg/kg Q3W" or "1200 mg flat Q3W" (Q3W is written
/// the same in Chinese oncology; "flat" and "every 10 days" are translated).
pub fn regimen_label(regimen: &Regimen, lang: Lang) -> String {
    let weeks = regimen.dosing_interval_days / 7.0;
    let every = if weeks.fract() == 0.0 {
        format!("Q{}W", weeks as u64)
    } else {
        tr!("every {days} days", "每 {days} 天").fill(
            lang,
            &[(
                "days",
                &format::number(regimen.dosing_interval_days, Quantity::Days),
            )],
        )
    };
    match regimen.dose {
        DoseAmount::MgPerKg(mgkg) => {
            format!("{} mg/kg {every}", format::number(mgkg, Quantity::MgPerKg))
        }
        DoseAmount::FlatMg(mg) => tr!("{mg} mg flat {schedule}", "固定剂量 {mg} mg {schedule}")
            .fill(
                lang,
                &[
                    ("mg", &format::number(mg, Quantity::Mg)),
                    ("schedule", &every),
                ],
            ),
    }
}

/// The PK view's link for a dose level and interval, with the weight (kg) when given.
pub fn exposure_link(
    mg_per_kg: Option<f64>,
    every_weeks: Option<f64>,
    weight_kg: Option<f64>,
) -> QueryMap {
    let mut w = Writer::default();
    w.number(&MG_PER_KG, mg_per_kg);
    w.number(&WEIGHT, weight_kg);
    w.number(&EVERY, every_weeks);
    w.0
}

/// The overlays as a link value.
pub fn overlays_code(list: &[OverlayRegimen]) -> String {
    list.iter()
        .map(OverlayRegimen::code)
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(messages: &[Message]) -> Vec<String> {
        messages
            .iter()
            .map(|m| m.field.as_deref().unwrap_or_default().to_string())
            .collect()
    }

    fn codes(s: &PkScenario) -> Vec<&'static str> {
        s.warnings.iter().map(|w| w.code.contract()).collect()
    }

    fn read_str(q: &str) -> PkScenario {
        read(&QueryMap::parse(q), &[])
    }

    #[test]
    fn absent_inputs_take_the_defaults() {
        let s = read_str("");
        assert!(s.typical_ok() && s.population_ok());
        assert_eq!(s.model, default_model());
        assert_eq!(s.regimen, default_regimen());
        assert_eq!(s.population, default_population());
        assert!(s.warnings.is_empty(), "{:?}", s.warnings);
        let s = read_str("mgkg=20&weight=70&every=3&doses=17");
        assert!(s.typical_ok());
        assert_eq!(s.regimen.doses, 17);
    }

    #[test]
    fn errors_land_at_their_fields() {
        let s = read_str("v1=500&every=0&flat=1e6&n=20000&seed=1.5");
        assert_eq!(fields(&s.errors), vec!["flat", "every", "v1"]);
        assert!(
            s.errors[2].text(Lang::En).contains("500 L"),
            "{}",
            s.errors[2].text(Lang::En)
        );
        assert_eq!(fields(&s.population_errors), vec!["n", "seed"]);
        let s = read_str("tinf=24&every=0.1");
        assert_eq!(fields(&s.errors), vec!["tinf"]);
        assert_eq!(s.errors[0].code, Code::InfusionLongerThanInterval);
    }

    #[test]
    fn implausible_values_wait_for_confirmation() {
        // 45 mg/kg is above every dose the trials gave: the curve waits.
        let s = read_str("mgkg=45");
        assert!(!s.typical_ok());
        assert_eq!(s.pending.len(), 1);
        assert_eq!(s.pending[0].0.field.as_deref(), Some("mgkg"));
        let s = read(
            &QueryMap::parse("mgkg=45"),
            &[Confirmation {
                field: "mgkg".into(),
                value: 45.0,
            }],
        );
        assert!(s.typical_ok());
        assert!(codes(&s).contains(&"dose-above-mtd"));
        assert_eq!(s.notes[0].code, Code::Confirmed);
    }

    #[test]
    fn warnings_reuse_the_dose_evidence() {
        // 31-155 kg: 30 kg is outside, 31 inside.
        assert_eq!(
            codes(&read_str("weight=30")),
            vec!["weight-outside-pk-range"]
        );
        assert!(codes(&read_str("weight=31")).is_empty());
        // 10 mg/kg Q3W and 20 mg/kg Q2W were given in trials; 15 mg/kg Q3W was not.
        assert!(codes(&read_str("mgkg=10")).is_empty());
        assert!(codes(&read_str("every=2")).is_empty());
        assert_eq!(codes(&read_str("mgkg=15")), vec!["dose-schedule-untested"]);
        assert_eq!(codes(&read_str("flat=1200")), vec!["flat-dose-untested"]);
        let above = read(&QueryMap::parse("mgkg=25&every=2"), &[]);
        assert!(codes(&above).contains(&"dose-above-mtd"));
    }

    #[test]
    fn view_additions_parse_and_report() {
        let s = read_str(
            "overlay=10q3,%2020Q3%20,20q2&log=1&tunit=weeks&allo_cl=-0.5&refs=0&mw=150&flat=1200",
        );
        assert!(
            s.chart_errors.is_empty() && s.errors.is_empty(),
            "{:?}",
            s.errors
        );
        assert_eq!(s.overlays.len(), 3);
        assert_eq!(
            s.overlays[1],
            OverlayRegimen {
                mgkg: 20.0,
                every_weeks: 3
            }
        );
        assert!(s.chart.log);
        assert_eq!(s.chart.reference_mw_kda, None);
        assert_eq!(s.chart.time_unit, TimeUnit::Weeks);
        assert_eq!(s.model.allometric_exponent_clearance, -0.5);
        assert_eq!(s.regimen.dose, DoseAmount::FlatMg(1200.0));
        let s =
            read_str("overlay=10q3,20q3,20q2,30q3&log=maybe&tunit=months&allo_v=x&v1=-1&mgkg=10");
        assert_eq!(fields(&s.errors), vec!["v1", "allo_v"]);
        assert_eq!(fields(&s.chart_errors), vec!["overlay", "log", "tunit"]);
        assert_eq!(s.regimen.dose, DoseAmount::MgPerKg(10.0));
        assert!(parse_overlays("10x3").is_err());
        assert!(parse_overlays("0q3").is_err());
        assert!(parse_overlays("10q0").is_err());
        assert_eq!(parse_overlays(" , ").map(|v| v.len()), Ok(0));
    }

    #[test]
    fn labels() {
        assert_eq!(regimen_label(&default_regimen(), Lang::En), "20 mg/kg Q3W");
        let flat = Regimen {
            dose: DoseAmount::FlatMg(1200.0),
            dosing_interval_days: 10.0,
            ..default_regimen()
        };
        assert_eq!(regimen_label(&flat, Lang::En), "1200 mg flat every 10 days");
    }

    proptest::proptest! {
        #[test]
        fn any_query_resolves_without_panic(hash in "\\PC{0,200}") {
            let (_, q) = crate::link::parse_hash(&hash);
            let s = read(&q, &[]);
            if s.typical_ok() {
                proptest::prop_assert!(s.regimen.validate().is_ok(), "{:?}", s.regimen);
                proptest::prop_assert!(s.model.validate().is_ok(), "{:?}", s.model);
            }
        }
    }
}

//! Links: the query inside a hash route (`#/dose?weight=72.5&mgkg=20`) turned into typed
//! inputs, one message per parameter that cannot be used, and back. CONTRACT.md names the
//! parameters; this module is the only place that reads or writes them.
//!
//! Plain Rust: the browser side hands it `location.hash` and takes back a string.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::dosing::units::{CreatinineUnit, HeightUnit, Sex, WeightUnit};
use crate::dosing::{regimens, BsaFormula, CrclWeight, DoseBasis, DoseRequest, RoundingTolerance};

/// A view of the app, as its hash route names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Dose,
    Pk,
    Trials,
    About,
    /// A route the app does not have; the text is what the address held.
    NotFound(String),
}

impl Route {
    pub const ALL: [Route; 4] = [Route::Dose, Route::Pk, Route::Trials, Route::About];

    pub fn path(&self) -> &str {
        match self {
            Route::Dose => "/dose",
            Route::Pk => "/pk",
            Route::Trials => "/trials",
            Route::About => "/about",
            Route::NotFound(path) => path,
        }
    }

    pub fn from_path(path: &str) -> Route {
        match path.trim_end_matches('/') {
            "" | "/dose" => Route::Dose,
            "/pk" => Route::Pk,
            "/trials" => Route::Trials,
            "/about" => Route::About,
            other => Route::NotFound(other.to_string()),
        }
    }
}

/// Splits `#/dose?weight=72.5` into the route and its query pairs.
pub fn parse_hash(hash: &str) -> (Route, QueryMap) {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let (path, query) = match hash.split_once('?') {
        Some((path, query)) => (path, query),
        None => (hash, ""),
    };
    (Route::from_path(path), QueryMap::parse(query))
}

/// The hash for a route and its query: `#/dose?weight=72.5`.
pub fn hash_for(route: &Route, query: &QueryMap) -> String {
    let query = query.encode();
    if query.is_empty() {
        format!("#{}", route.path())
    } else {
        format!("#{}?{}", route.path(), query)
    }
}

/// Query parameters in the order they were given; a repeated name keeps its last value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryMap(Vec<(String, String)>);

impl QueryMap {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads `a=1&b=x%20y`; `+` is a space, bad escapes are kept as typed.
    pub fn parse(query: &str) -> Self {
        let mut map = QueryMap::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            map.set(&decode_component(name), &decode_component(value));
        }
        map
    }

    pub fn encode(&self) -> String {
        self.0
            .iter()
            .map(|(name, value)| format!("{}={}", encode_component(name), encode_component(value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets a value, replacing an earlier one of that name; an empty value removes it.
    pub fn set(&mut self, name: &str, value: &str) {
        self.0.retain(|(n, _)| n != name);
        if !value.is_empty() {
            self.0.push((name.to_string(), value.to_string()));
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// Only the named parameters, in the order of `names`.
    pub fn only(&self, names: &[&str]) -> QueryMap {
        let mut out = QueryMap::new();
        for name in names {
            if let Some(value) = self.get(name) {
                out.set(name, value);
            }
        }
        out
    }
}

fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A parameter that cannot be used, with the message shown next to its input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    /// The link parameter's name (CONTRACT.md), also the input's `data-field`.
    pub param: &'static str,
    pub message: String,
}

/// Formats a number the shortest way that reads back to the same value (`70`, `72.5`).
pub fn format_number(value: f64) -> String {
    format!("{value}")
}

/// Reads a decimal number as a person types it: `72.5`, ` 72,5 ` (decimal comma), `1e3`.
pub fn parse_number(text: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("Enter a number.".into());
    }
    let normalised = if trimmed.contains(',') && !trimmed.contains('.') {
        trimmed.replacen(',', ".", 1)
    } else {
        trimmed.to_string()
    };
    match normalised.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("“{trimmed}” is not a number.")),
    }
}

/// Reads a whole number (a count or a seed).
pub fn parse_count(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("Enter a whole number.".into());
    }
    trimmed
        .parse::<u64>()
        .map_err(|_| format!("“{trimmed}” is not a whole number."))
}

/// The numbers a parameter accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Accept {
    /// Any finite number (an allometric exponent may be negative).
    Any,
    /// Greater than zero.
    Positive,
    /// Zero or more (a variability of 0 % is allowed).
    ZeroOrMore,
}

impl Accept {
    /// The value, or the message for a value out of range.
    fn check(self, value: f64) -> Result<f64, String> {
        match self {
            Accept::Positive if value <= 0.0 => Err("Must be greater than zero.".into()),
            Accept::ZeroOrMore if value < 0.0 => Err("Must be zero or more.".into()),
            _ => Ok(value),
        }
    }
}

/// Collects typed values from a query, recording a message per parameter that cannot be used.
struct Reader<'a> {
    map: &'a QueryMap,
    errors: Vec<ParamError>,
}

impl<'a> Reader<'a> {
    fn new(map: &'a QueryMap) -> Self {
        Reader {
            map,
            errors: Vec::new(),
        }
    }

    fn fail(&mut self, param: &'static str, message: String) {
        self.errors.push(ParamError { param, message });
    }

    /// The value of parameter `name` read by `parse`, or None when absent or unusable (then
    /// `parse`'s message is recorded, keyed by `param`).
    fn read<T>(
        &mut self,
        name: &str,
        param: &'static str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        let text = self.map.get(name)?;
        match parse(text) {
            Ok(value) => Some(value),
            Err(message) => {
                self.fail(param, message);
                None
            }
        }
    }

    /// A number in the range `accept` allows.
    fn number(&mut self, param: &'static str, accept: Accept) -> Option<f64> {
        self.number_named(param, param, accept)
    }

    /// A number under a parameter name built at run time (`m2.<drug>`); messages are keyed
    /// by `param`.
    fn number_named(&mut self, name: &str, param: &'static str, accept: Accept) -> Option<f64> {
        self.read(name, param, |text| {
            parse_number(text).and_then(|v| accept.check(v))
        })
    }

    fn count(&mut self, param: &'static str) -> Option<u64> {
        self.read(param, param, parse_count)
    }

    fn code<T>(
        &mut self,
        param: &'static str,
        from_code: fn(&str) -> Option<T>,
        allowed: &str,
    ) -> Option<T> {
        self.read(param, param, |text| {
            from_code(text.trim()).ok_or_else(|| format!("“{text}” is not one of {allowed}."))
        })
    }

    /// On or off: `1`, `true`, `yes`, `on` or `0`, `false`, `no`, `off`.
    fn flag(&mut self, param: &'static str) -> Option<bool> {
        self.read(param, param, |text| {
            match text.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => Ok(true),
                "0" | "false" | "no" | "off" => Ok(false),
                _ => Err(format!("“{text}” is not one of 1, 0.")),
            }
        })
    }

    /// Regimens to compare; an empty list is absent.
    fn overlays(&mut self, param: &'static str) -> Option<Vec<OverlayRegimen>> {
        self.read(param, param, parse_overlays)
            .filter(|list| !list.is_empty())
    }

    fn text(&self, param: &'static str) -> Option<String> {
        self.map
            .get(param)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    }
}

/// Writes typed values into a query.
struct Writer(QueryMap);

impl Writer {
    fn number(&mut self, param: &str, value: Option<f64>) {
        if let Some(v) = value {
            self.0.set(param, &format_number(v));
        }
    }
    fn count(&mut self, param: &str, value: Option<u64>) {
        if let Some(v) = value {
            self.0.set(param, &v.to_string());
        }
    }
    fn text(&mut self, param: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.0.set(param, v);
        }
    }
}

/// The dose view's inputs (CONTRACT.md, `#/dose`). `None` is "absent": the view's default.
///
/// Beyond CONTRACT.md (listed in README.md): `round` (`off`, `pct5`, `pct10`), `bsa`
/// (`mosteller`, `dubois`), `cgweight` (`actual`, `adjusted`) and `m2.<drug>` (the mg/m² typed
/// for a chemotherapy partner, `m2.gemcitabine=1000`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DoseParams {
    pub weight: Option<f64>,
    pub wunit: Option<WeightUnit>,
    pub mgkg: Option<f64>,
    pub every: Option<u64>,
    pub height: Option<f64>,
    pub hunit: Option<HeightUnit>,
    pub age: Option<f64>,
    pub sex: Option<Sex>,
    pub scr: Option<f64>,
    pub scrunit: Option<CreatinineUnit>,
    pub regimen: Option<String>,
    pub auc: Option<f64>,
    pub vial: Option<f64>,
    pub conc: Option<f64>,
    /// Rounding to whole vials (`round`).
    pub round: Option<RoundingTolerance>,
    /// Body-surface-area formula (`bsa`).
    pub bsa: Option<BsaFormula>,
    /// Weight that goes into Cockcroft-Gault (`cgweight`).
    pub cgweight: Option<CrclWeight>,
    /// mg/m² typed per partner drug (`m2.<drug>`), by drug name.
    pub m2: BTreeMap<String, f64>,
}

/// Prefix of the parameters that carry a typed partner dose: `m2.<drug>`.
pub const PARTNER_DOSE_PREFIX: &str = "m2.";

impl DoseParams {
    /// Patient measurements: they go into a link only when the user asks.
    pub const PATIENT: [&'static str; 8] = [
        "weight", "wunit", "height", "hunit", "age", "sex", "scr", "scrunit",
    ];
    /// The CONTRACT parameters and the fixed extra ones, in the order a link writes them
    /// (the `m2.<drug>` parameters follow; see [`DoseParams::names`]).
    pub const ALL: [&'static str; 17] = [
        "weight", "wunit", "mgkg", "every", "height", "hunit", "age", "sex", "scr", "scrunit",
        "regimen", "auc", "vial", "conc", "round", "bsa", "cgweight",
    ];

    /// The link parameter of a typed partner dose: `m2.<drug>`.
    pub fn partner_param(drug: &str) -> String {
        format!("{PARTNER_DOSE_PREFIX}{drug}")
    }

    /// Every parameter the dose view has: [`DoseParams::ALL`], then `m2.<drug>` for each
    /// mg/m² partner of the regimens in data/regimens.json. Built once.
    pub fn names() -> &'static [&'static str] {
        static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
        NAMES.get_or_init(|| {
            let mut names: Vec<&'static str> = Self::ALL.to_vec();
            for regimen in regimens::regimens() {
                for partner in regimen.partners.iter() {
                    if partner.basis != DoseBasis::MgPerM2 {
                        continue;
                    }
                    let param = Self::partner_param(&partner.drug);
                    if !names.contains(&param.as_str()) {
                        // A fixed, small set (one per drug in the embedded data), made once.
                        names.push(Box::leak(param.into_boxed_str()));
                    }
                }
            }
            names
        })
    }

    /// The scenario parameters (everything but [`DoseParams::PATIENT`]): they follow the
    /// inputs into the address bar.
    pub fn scenario_names() -> &'static [&'static str] {
        static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
        NAMES.get_or_init(|| {
            Self::names()
                .iter()
                .copied()
                .filter(|n| !Self::PATIENT.contains(n))
                .collect()
        })
    }

    /// The `&'static` name of a dose-view parameter, for messages keyed by parameter.
    pub fn static_name(name: &str) -> Option<&'static str> {
        Self::names().iter().copied().find(|n| *n == name)
    }

    pub fn from_query(map: &QueryMap) -> (Self, Vec<ParamError>) {
        let mut r = Reader::new(map);
        let mut params = DoseParams {
            weight: r.number("weight", Accept::Positive),
            wunit: r.code("wunit", WeightUnit::from_code, "kg, lb"),
            mgkg: r.number("mgkg", Accept::Positive),
            every: r.count("every"),
            height: r.number("height", Accept::Positive),
            hunit: r.code("hunit", HeightUnit::from_code, "cm, in"),
            age: r.number("age", Accept::Positive),
            sex: r.code("sex", Sex::from_code, "f, m"),
            scr: r.number("scr", Accept::Positive),
            scrunit: r.code("scrunit", CreatinineUnit::from_code, "mgdl, umol"),
            regimen: r.text("regimen"),
            auc: r.number("auc", Accept::Positive),
            vial: r.number("vial", Accept::Positive),
            conc: r.number("conc", Accept::Positive),
            round: r.code("round", RoundingTolerance::from_code, "off, pct5, pct10"),
            bsa: r.code("bsa", BsaFormula::from_code, "mosteller, dubois"),
            cgweight: r.code("cgweight", CrclWeight::from_code, "actual, adjusted"),
            m2: BTreeMap::new(),
        };
        for (name, _) in map.iter() {
            let Some(drug) = name.strip_prefix(PARTNER_DOSE_PREFIX) else {
                continue;
            };
            if drug.is_empty() {
                continue;
            }
            let param = Self::static_name(name).unwrap_or("m2");
            if let Some(value) = r.number_named(name, param, Accept::Positive) {
                params.m2.insert(drug.to_string(), value);
            }
        }
        // A value whose unit cannot be read is left out, never read in a guessed unit.
        let failed = |p: &str| r.errors.iter().any(|e| e.param == p);
        if failed("wunit") {
            params.weight = None;
        }
        if failed("hunit") {
            params.height = None;
        }
        if failed("scrunit") {
            params.scr = None;
        }
        (params, r.errors)
    }

    pub fn to_query(&self, with_patient_values: bool) -> QueryMap {
        let mut w = Writer(QueryMap::new());
        w.number("weight", self.weight);
        w.text("wunit", self.wunit.map(WeightUnit::code));
        w.number("mgkg", self.mgkg);
        w.count("every", self.every);
        w.number("height", self.height);
        w.text("hunit", self.hunit.map(HeightUnit::code));
        w.number("age", self.age);
        w.text("sex", self.sex.map(Sex::code));
        w.number("scr", self.scr);
        w.text("scrunit", self.scrunit.map(CreatinineUnit::code));
        w.text("regimen", self.regimen.as_deref());
        w.number("auc", self.auc);
        w.number("vial", self.vial);
        w.number("conc", self.conc);
        w.text("round", self.round.map(RoundingTolerance::code));
        w.text("bsa", self.bsa.map(BsaFormula::code));
        w.text("cgweight", self.cgweight.map(CrclWeight::code));
        for (drug, value) in &self.m2 {
            w.number(&Self::partner_param(drug), Some(*value));
        }
        without_patient_values(w.0, with_patient_values, &Self::PATIENT)
    }

    /// The dosing domain's request for these inputs: the one place link values become a
    /// [`DoseRequest`]. Absent units and choices take the domain's defaults (kg, cm, mg/dL,
    /// rounding off, Mosteller, actual weight).
    ///
    /// `unusable` are the messages [`DoseParams::from_query`] gave: a number given but not
    /// usable goes to the domain as not-a-number, so that what depends on it is withheld
    /// (never computed from a default such as the label dose or vial).
    pub fn to_request(&self, unusable: &[ParamError]) -> DoseRequest {
        let mut request = self.request();
        let failed = |p: &str| unusable.iter().any(|e| e.param == p);
        let nan = Some(f64::NAN);
        for (param, field) in [
            ("weight", &mut request.weight),
            ("mgkg", &mut request.mg_per_kg),
            ("every", &mut request.every_weeks),
            ("height", &mut request.height),
            ("age", &mut request.age_years),
            ("scr", &mut request.serum_creatinine),
            ("auc", &mut request.carboplatin_auc),
            ("vial", &mut request.vial_mg),
            ("conc", &mut request.concentration_mg_per_ml),
        ] {
            if failed(param) {
                *field = nan;
            }
        }
        for e in unusable {
            if let Some(drug) = e.param.strip_prefix(PARTNER_DOSE_PREFIX) {
                request.partner_mg_per_m2.insert(drug.to_string(), f64::NAN);
            }
        }
        request
    }

    fn request(&self) -> DoseRequest {
        DoseRequest {
            weight: self.weight,
            weight_unit: self.wunit.unwrap_or_default(),
            mg_per_kg: self.mgkg,
            // A count from a link is small; an absurd one stays absurd as a float and is
            // reported by the domain's interval check.
            every_weeks: self.every.map(|weeks| weeks as f64),
            height: self.height,
            height_unit: self.hunit.unwrap_or_default(),
            age_years: self.age,
            sex: self.sex,
            serum_creatinine: self.scr,
            creatinine_unit: self.scrunit.unwrap_or_default(),
            regimen: self.regimen.clone(),
            carboplatin_auc: self.auc,
            vial_mg: self.vial,
            concentration_mg_per_ml: self.conc,
            rounding: self.round.unwrap_or_default(),
            bsa_formula: self.bsa.unwrap_or_default(),
            crcl_weight: self.cgweight.unwrap_or_default(),
            partner_mg_per_m2: self.m2.clone(),
        }
    }
}

fn without_patient_values(map: QueryMap, keep: bool, patient: &[&str]) -> QueryMap {
    if keep {
        return map;
    }
    let mut out = QueryMap::new();
    for (name, value) in map.iter() {
        if !patient.contains(&name) {
            out.set(name, value);
        }
    }
    out
}

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
            "days" | "d" => Some(TimeUnit::Days),
            "weeks" | "w" => Some(TimeUnit::Weeks),
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
        format!("{}q{}", format_number(self.mgkg), self.every_weeks)
    }
}

/// Most regimens an `overlay` link parameter holds.
pub const MAX_OVERLAYS: usize = 3;

/// Reads `10q3,20q3,20q2` (spaces allowed, `Q` or `q`).
pub fn parse_overlays(text: &str) -> Result<Vec<OverlayRegimen>, String> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || {
            format!(
                "“{part}” is not a regimen; write mg/kg, q, weeks (10q3 is 10 mg/kg every 3 weeks)."
            )
        };
        let (mgkg, weeks) = part
            .to_ascii_lowercase()
            .split_once('q')
            .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
            .ok_or_else(bad)?;
        let mgkg = parse_number(&mgkg).map_err(|_| bad())?;
        let every_weeks = parse_count(&weeks).map_err(|_| bad())?;
        if mgkg <= 0.0 || every_weeks == 0 {
            return Err(format!(
                "“{part}”: the dose and the interval must be greater than zero."
            ));
        }
        out.push(OverlayRegimen { mgkg, every_weeks });
    }
    if out.len() > MAX_OVERLAYS {
        return Err(format!(
            "At most {MAX_OVERLAYS} regimens can be compared ({} given).",
            out.len()
        ));
    }
    Ok(out)
}

/// The PK view's inputs (CONTRACT.md, `#/pk`, plus this view's own additions: `flat`,
/// `allo_cl`, `allo_v`, `mw`, `refs`, `log`, `tunit`, `overlay`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PkParams {
    pub mgkg: Option<f64>,
    pub weight: Option<f64>,
    pub every: Option<u64>,
    pub doses: Option<u64>,
    pub tinf: Option<f64>,
    pub cl0: Option<f64>,
    pub clss: Option<f64>,
    pub t50: Option<f64>,
    pub hill: Option<f64>,
    pub v1: Option<f64>,
    pub v2: Option<f64>,
    pub q: Option<f64>,
    pub n: Option<u64>,
    pub cv_cl: Option<f64>,
    pub cv_v1: Option<f64>,
    pub seed: Option<u64>,
    /// A flat dose, mg (replaces `mgkg` when present).
    pub flat: Option<f64>,
    /// Allometric exponent of the clearances on weight / 70 kg.
    pub allo_cl: Option<f64>,
    /// Allometric exponent of the volumes on weight / 70 kg.
    pub allo_v: Option<f64>,
    /// Molecular weight assumed for the IC50 reference lines, kDa.
    pub mw: Option<f64>,
    /// Whether the chart shows the IC50 reference lines.
    pub refs: Option<bool>,
    /// Whether the concentration axis is logarithmic.
    pub log: Option<bool>,
    pub tunit: Option<TimeUnit>,
    /// Regimens compared on the chart.
    pub overlay: Option<Vec<OverlayRegimen>>,
}

impl PkParams {
    pub const PATIENT: [&'static str; 1] = ["weight"];
    pub const ALL: [&'static str; 24] = [
        "mgkg", "weight", "every", "doses", "tinf", "cl0", "clss", "t50", "hill", "v1", "v2", "q",
        "n", "cv_cl", "cv_v1", "seed", "flat", "allo_cl", "allo_v", "mw", "refs", "log", "tunit",
        "overlay",
    ];

    pub fn from_query(map: &QueryMap) -> (Self, Vec<ParamError>) {
        let mut r = Reader::new(map);
        let params = PkParams {
            mgkg: r.number("mgkg", Accept::Positive),
            weight: r.number("weight", Accept::Positive),
            every: r.count("every"),
            doses: r.count("doses"),
            tinf: r.number("tinf", Accept::Positive),
            cl0: r.number("cl0", Accept::Positive),
            clss: r.number("clss", Accept::Positive),
            t50: r.number("t50", Accept::Positive),
            hill: r.number("hill", Accept::Positive),
            v1: r.number("v1", Accept::Positive),
            v2: r.number("v2", Accept::Positive),
            q: r.number("q", Accept::Positive),
            n: r.count("n"),
            cv_cl: r.number("cv_cl", Accept::ZeroOrMore),
            cv_v1: r.number("cv_v1", Accept::ZeroOrMore),
            seed: r.count("seed"),
            flat: r.number("flat", Accept::Positive),
            allo_cl: r.number("allo_cl", Accept::Any),
            allo_v: r.number("allo_v", Accept::Any),
            mw: r.number("mw", Accept::Positive),
            refs: r.flag("refs"),
            log: r.flag("log"),
            tunit: r.code("tunit", TimeUnit::from_code, "days, weeks"),
            overlay: r.overlays("overlay"),
        };
        (params, r.errors)
    }

    pub fn to_query(&self, with_patient_values: bool) -> QueryMap {
        let mut w = Writer(QueryMap::new());
        w.number("mgkg", self.mgkg);
        w.number("weight", self.weight);
        w.count("every", self.every);
        w.count("doses", self.doses);
        w.number("tinf", self.tinf);
        w.number("cl0", self.cl0);
        w.number("clss", self.clss);
        w.number("t50", self.t50);
        w.number("hill", self.hill);
        w.number("v1", self.v1);
        w.number("v2", self.v2);
        w.number("q", self.q);
        w.count("n", self.n);
        w.number("cv_cl", self.cv_cl);
        w.number("cv_v1", self.cv_v1);
        w.count("seed", self.seed);
        w.number("flat", self.flat);
        w.number("allo_cl", self.allo_cl);
        w.number("allo_v", self.allo_v);
        w.number("mw", self.mw);
        w.text("refs", self.refs.map(flag_code));
        w.text("log", self.log.map(flag_code));
        w.text("tunit", self.tunit.map(TimeUnit::code));
        if let Some(list) = &self.overlay {
            let codes: Vec<String> = list.iter().map(OverlayRegimen::code).collect();
            w.text("overlay", Some(&codes.join(",")));
        }
        without_patient_values(w.0, with_patient_values, &Self::PATIENT)
    }
}

fn flag_code(on: bool) -> &'static str {
    if on {
        "1"
    } else {
        "0"
    }
}

/// The trials view's search, filters and sort order (CONTRACT.md, `#/trials`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrialsParams {
    pub q: Option<String>,
    pub drug: Option<String>,
    pub tumor: Option<String>,
    pub phase: Option<String>,
    pub endpoint: Option<String>,
    /// Line of therapy ("1L", "2L+", "refractory").
    pub line: Option<String>,
    /// Sort column: a column name or an endpoint key (`orr`, `trial`); the view checks it
    /// against the data.
    pub sort: Option<String>,
    pub dir: Option<SortDir>,
}

/// Sort direction in a link: `asc` or `desc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortDir {
    Asc,
    Desc,
}

impl SortDir {
    pub fn from_code(code: &str) -> Option<Self> {
        match code.to_ascii_lowercase().as_str() {
            "asc" => Some(SortDir::Asc),
            "desc" => Some(SortDir::Desc),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }
}

impl TrialsParams {
    pub const ALL: [&'static str; 8] = [
        "q", "drug", "tumor", "phase", "endpoint", "line", "sort", "dir",
    ];

    pub fn from_query(map: &QueryMap) -> (Self, Vec<ParamError>) {
        let mut r = Reader::new(map);
        let params = TrialsParams {
            q: r.text("q"),
            drug: r.text("drug"),
            tumor: r.text("tumor"),
            phase: r.text("phase"),
            endpoint: r.text("endpoint"),
            line: r.text("line"),
            sort: r.text("sort"),
            dir: r.code("dir", SortDir::from_code, "asc, desc"),
        };
        (params, r.errors)
    }

    pub fn to_query(&self) -> QueryMap {
        let mut w = Writer(QueryMap::new());
        w.text("q", self.q.as_deref());
        w.text("drug", self.drug.as_deref());
        w.text("tumor", self.tumor.as_deref());
        w.text("phase", self.phase.as_deref());
        w.text("endpoint", self.endpoint.as_deref());
        w.text("line", self.line.as_deref());
        w.text("sort", self.sort.as_deref());
        w.text("dir", self.dir.map(SortDir::code));
        w.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn contract_examples_parse() {
        let (route, q) = parse_hash("#/dose?weight=72.5&mgkg=20&every=3");
        assert_eq!(route, Route::Dose);
        let (dose, errors) = DoseParams::from_query(&q);
        assert!(errors.is_empty());
        assert_eq!(dose.weight, Some(72.5));
        assert_eq!(dose.mgkg, Some(20.0));
        assert_eq!(dose.every, Some(3));

        let (route, q) = parse_hash("#/pk?mgkg=20&weight=70&every=3&doses=17");
        assert_eq!(route, Route::Pk);
        let (pk, errors) = PkParams::from_query(&q);
        assert!(errors.is_empty());
        assert_eq!(pk.doses, Some(17));
        assert_eq!(pk.weight, Some(70.0));

        let (route, q) = parse_hash("#/trials?q=HARMONi-2");
        assert_eq!(route, Route::Trials);
        assert_eq!(
            TrialsParams::from_query(&q).0.q.as_deref(),
            Some("HARMONi-2")
        );
    }

    #[test]
    fn pk_view_additions_parse_and_report() {
        let q = QueryMap::parse(
            "overlay=10q3,%2020Q3%20,20q2&log=1&tunit=weeks&allo_cl=-0.5&refs=0&mw=150&flat=1200",
        );
        let (pk, errors) = PkParams::from_query(&q);
        assert!(errors.is_empty(), "{errors:?}");
        let overlay = pk.overlay.unwrap_or_default();
        assert_eq!(overlay.len(), 3);
        assert_eq!(
            overlay[1],
            OverlayRegimen {
                mgkg: 20.0,
                every_weeks: 3
            }
        );
        assert_eq!(overlay[2].every_weeks, 2);
        assert_eq!(pk.log, Some(true));
        assert_eq!(pk.refs, Some(false));
        assert_eq!(pk.tunit, Some(TimeUnit::Weeks));
        assert_eq!(pk.allo_cl, Some(-0.5));
        assert_eq!(pk.flat, Some(1200.0));
        let bad = QueryMap::parse(
            "overlay=10q3,20q3,20q2,30q3&log=maybe&tunit=months&allo_v=x&v1=-1&mgkg=10",
        );
        let (pk, errors) = PkParams::from_query(&bad);
        let params: Vec<_> = errors.iter().map(|e| e.param).collect();
        assert_eq!(params, vec!["v1", "allo_v", "log", "tunit", "overlay"]);
        assert_eq!(pk.mgkg, Some(10.0));
        assert!(parse_overlays("10x3").is_err());
        assert!(parse_overlays("0q3").is_err());
        assert!(parse_overlays("10q0").is_err());
        assert_eq!(parse_overlays(" , ").map(|v| v.len()), Ok(0));
    }

    #[test]
    fn trials_line_sort_and_direction() {
        let (t, errors) =
            TrialsParams::from_query(&QueryMap::parse("tumor=TNBC&line=2L%2B&sort=orr&dir=desc"));
        assert!(errors.is_empty());
        assert_eq!(t.line.as_deref(), Some("2L+"));
        assert_eq!(t.sort.as_deref(), Some("orr"));
        assert_eq!(t.dir, Some(SortDir::Desc));
        assert_eq!(
            t.to_query().encode(),
            "tumor=TNBC&line=2L%2B&sort=orr&dir=desc"
        );
        let (t, errors) = TrialsParams::from_query(&QueryMap::parse("dir=up&q=TNBC"));
        assert_eq!(t.dir, None);
        assert_eq!(t.q.as_deref(), Some("TNBC"));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].param, "dir");
        assert!(errors[0].message.contains("up"));
    }

    #[test]
    fn routes() {
        assert_eq!(parse_hash("").0, Route::Dose);
        assert_eq!(parse_hash("#/").0, Route::Dose);
        assert_eq!(parse_hash("#/about").0, Route::About);
        assert_eq!(parse_hash("#/pk/").0, Route::Pk);
        assert_eq!(
            parse_hash("#/nowhere?x=1").0,
            Route::NotFound("/nowhere".into())
        );
    }

    #[test]
    fn bad_parameters_get_one_message_each_and_keep_the_rest() {
        let q = QueryMap::parse("weight=heavy&mgkg=-3&every=2.5&wunit=stone&sex=x&scr=1.1");
        let (dose, errors) = DoseParams::from_query(&q);
        let params: Vec<_> = errors.iter().map(|e| e.param).collect();
        assert_eq!(params, vec!["weight", "wunit", "mgkg", "every", "sex"]);
        assert_eq!(dose.scr, Some(1.1));
        assert_eq!(dose.weight, None);
        assert!(errors[0].message.contains("heavy"));
    }

    #[test]
    fn each_number_parameter_checks_its_own_range() {
        // mgkg must be > 0, cv_cl ≥ 0, allo_cl any finite number, m2.<drug> > 0.
        let (pk, errors) = PkParams::from_query(&QueryMap::parse(
            "mgkg=0&cv_cl=0&cv_v1=-0.1&allo_cl=-2&allo_v=x&mw=1e-300",
        ));
        let found: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.param, e.message.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("mgkg", "Must be greater than zero."),
                ("cv_v1", "Must be zero or more."),
                ("allo_v", "“x” is not a number."),
            ]
        );
        assert_eq!((pk.mgkg, pk.cv_cl, pk.cv_v1), (None, Some(0.0), None));
        assert_eq!((pk.allo_cl, pk.mw), (Some(-2.0), Some(1e-300)));
        let (dose, errors) =
            DoseParams::from_query(&QueryMap::parse("m2.gemcitabine=0&m2.pemetrexed=500"));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "Must be greater than zero.");
        assert_eq!(dose.m2.get("gemcitabine"), None);
        assert_eq!(dose.m2.get("pemetrexed"), Some(&500.0));
    }

    #[test]
    fn decimal_comma_and_spaces_are_read() {
        assert_eq!(parse_number(" 72,5 "), Ok(72.5));
        assert!(parse_number("1,234.5").is_err());
        assert!(parse_number("NaN").is_err());
        assert!(parse_number("inf").is_err());
        assert!(parse_number("").is_err());
    }

    #[test]
    fn percent_escapes() {
        let q = QueryMap::parse("q=non-squamous%20NSCLC+PD-L1&bad=%zz%4");
        assert_eq!(q.get("q"), Some("non-squamous NSCLC PD-L1"));
        assert_eq!(q.get("bad"), Some("%zz%4"));
        let mut m = QueryMap::new();
        m.set("q", "TPS ≥50% & CPS");
        assert_eq!(QueryMap::parse(&m.encode()), m);
    }

    #[test]
    fn patient_values_stay_out_unless_asked() {
        let (dose, _) = DoseParams::from_query(&QueryMap::parse(
            "weight=80&mgkg=20&every=3&age=61&sex=f&scr=1.2&height=170&regimen=ivo",
        ));
        let link = dose.to_query(false).encode();
        assert_eq!(link, "mgkg=20&every=3&regimen=ivo");
        let full = dose.to_query(true).encode();
        assert!(full.contains("weight=80") && full.contains("age=61") && full.contains("scr=1.2"));
    }

    #[test]
    fn scenario_parameters_beyond_the_contract() {
        // A full patient link with µmol/L, female, adjusted weight, rounding and a typed
        // partner dose; an unknown parameter is ignored.
        let q = QueryMap::parse(
            "weight=160&wunit=lb&height=65&hunit=in&age=55&sex=f&scr=70&scrunit=umol\
             &regimen=ivo-gem-cis&vial=200&conc=20&round=pct5&bsa=dubois&cgweight=adjusted\
             &m2.gemcitabine=1000&unrelated=x",
        );
        let (dose, errors) = DoseParams::from_query(&q);
        assert!(errors.is_empty(), "{errors:?}");
        let request = dose.to_request(&errors);
        assert_eq!(request.weight, Some(160.0));
        assert_eq!(request.weight_unit, WeightUnit::Lb);
        assert_eq!(request.height_unit, HeightUnit::In);
        assert_eq!(request.sex, Some(Sex::Female));
        assert_eq!(request.creatinine_unit, CreatinineUnit::Umol);
        assert_eq!(request.regimen.as_deref(), Some("ivo-gem-cis"));
        assert_eq!(request.vial_mg, Some(200.0));
        assert_eq!(request.concentration_mg_per_ml, Some(20.0));
        assert_eq!(request.rounding, RoundingTolerance::Pct5);
        assert_eq!(request.bsa_formula, BsaFormula::DuBois);
        assert_eq!(request.crcl_weight, CrclWeight::Adjusted);
        assert_eq!(request.partner_mg_per_m2.get("gemcitabine"), Some(&1000.0));
        // Scenario link: the typed partner dose and the choices stay, the patient goes.
        assert_eq!(
            dose.to_query(false).encode(),
            "regimen=ivo-gem-cis&vial=200&conc=20&round=pct5&bsa=dubois&cgweight=adjusted\
             &m2.gemcitabine=1000"
        );
        // Absent choices take the domain's defaults.
        let request = DoseParams::default().to_request(&[]);
        assert_eq!(request, crate::dosing::DoseRequest::default());
    }

    #[test]
    fn the_contract_link_gives_the_hand_computed_dose() {
        // 20 mg/kg x 72.5 kg = 1450 mg.
        let (dose, errors) =
            DoseParams::from_query(&parse_hash("#/dose?weight=72.5&mgkg=20&every=3").1);
        assert!(errors.is_empty());
        let report = crate::dosing::calculate(&dose.to_request(&errors));
        assert_eq!(report.dose_mg, Some(1450.0));
        assert!(report.errors.is_empty());
    }

    #[test]
    fn bad_extra_parameters_and_units() {
        // Text in a number: reported at its field, nothing computed from it.
        let (dose, errors) = DoseParams::from_query(&QueryMap::parse("weight=abc&height=170"));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].param, "weight");
        assert_eq!(dose.height, Some(170.0));
        assert_eq!(
            crate::dosing::calculate(&dose.to_request(&errors)).dose_mg,
            None
        );
        // An unknown unit: reported, and the value it qualifies is not read in a guessed unit.
        let (dose, errors) = DoseParams::from_query(&QueryMap::parse(
            "weight=72.5&wunit=stone&height=70&hunit=ft&scr=80&scrunit=mmol",
        ));
        let params: Vec<_> = errors.iter().map(|e| e.param).collect();
        assert_eq!(params, vec!["wunit", "hunit", "scrunit"]);
        assert_eq!((dose.weight, dose.height, dose.scr), (None, None, None));
        assert_eq!(
            crate::dosing::calculate(&dose.to_request(&errors)).dose_mg,
            None
        );
        // A bad dose level or vial is withheld, never replaced by the label's.
        let (dose, errors) = DoseParams::from_query(&QueryMap::parse("weight=70&mgkg=-3&vial=x"));
        let report = crate::dosing::calculate(&dose.to_request(&errors));
        assert_eq!(report.dose_mg, None);
        assert!(report.error_for("mgkg").is_some() && report.error_for("vial").is_some());
        let (dose, errors) = DoseParams::from_query(&QueryMap::parse("weight=70&vial=x"));
        let report = crate::dosing::calculate(&dose.to_request(&errors));
        assert_eq!(report.dose_mg, Some(1400.0));
        assert_eq!((report.vials, report.waste_mg), (None, None));
        // Unknown choices and a bad typed dose, each at its parameter.
        let (dose, errors) = DoseParams::from_query(&QueryMap::parse(
            "round=pct7&bsa=haycock&cgweight=ideal&m2.gemcitabine=lots&m2.cisplatin=25",
        ));
        let params: Vec<_> = errors.iter().map(|e| e.param).collect();
        assert_eq!(params, vec!["round", "bsa", "cgweight", "m2.gemcitabine"]);
        assert!(errors[3].message.contains("lots"));
        assert_eq!(dose.m2.get("cisplatin"), Some(&25.0));
        assert_eq!(dose.m2.get("gemcitabine"), None);
    }

    #[test]
    fn names_cover_every_mg_per_m2_partner() {
        let names = DoseParams::names();
        for drug in [
            "pemetrexed",
            "paclitaxel",
            "nab-paclitaxel",
            "docetaxel",
            "etoposide",
            "gemcitabine",
            "cisplatin",
            "oxaliplatin",
        ] {
            assert!(
                names.contains(&DoseParams::partner_param(drug).as_str()),
                "{drug}"
            );
        }
        assert!(!names.contains(&"m2.carboplatin"));
        let scenario = DoseParams::scenario_names();
        assert!(scenario.contains(&"mgkg") && scenario.contains(&"m2.docetaxel"));
        assert!(DoseParams::PATIENT.iter().all(|p| !scenario.contains(p)));
    }

    fn opt<T: std::fmt::Debug + Clone + 'static>(
        s: impl Strategy<Value = T> + 'static,
    ) -> impl Strategy<Value = Option<T>> {
        prop::option::of(s)
    }

    fn positive() -> impl Strategy<Value = f64> {
        (1e-6f64..1e7).prop_filter("positive", |v| *v > 0.0)
    }

    proptest! {
        #[test]
        fn dose_state_round_trips_through_a_link(
            weight in opt(positive()), mgkg in opt(positive()), every in opt(1u64..10),
            height in opt(positive()), age in opt(positive()), scr in opt(positive()),
            auc in opt(positive()), vial in opt(positive()), conc in opt(positive()),
            wunit in opt(prop_oneof![Just(WeightUnit::Kg), Just(WeightUnit::Lb)]),
            hunit in opt(prop_oneof![Just(HeightUnit::Cm), Just(HeightUnit::In)]),
            sex in opt(prop_oneof![Just(Sex::Female), Just(Sex::Male)]),
            scrunit in opt(prop_oneof![Just(CreatinineUnit::MgDl), Just(CreatinineUnit::Umol)]),
            regimen in opt("[a-z0-9-]{1,20}"),
            round in opt(prop_oneof![Just(RoundingTolerance::Off), Just(RoundingTolerance::Pct5), Just(RoundingTolerance::Pct10)]),
            bsa in opt(prop_oneof![Just(BsaFormula::Mosteller), Just(BsaFormula::DuBois)]),
            cgweight in opt(prop_oneof![Just(CrclWeight::Actual), Just(CrclWeight::Adjusted)]),
            m2 in prop::collection::btree_map("[a-z][a-z-]{0,15}", positive(), 0..4),
        ) {
            let state = DoseParams { weight, wunit, mgkg, every, height, hunit, age, sex, scr, scrunit, regimen, auc, vial, conc, round, bsa, cgweight, m2 };
            let hash = hash_for(&Route::Dose, &state.to_query(true));
            let (route, query) = parse_hash(&hash);
            prop_assert_eq!(route, Route::Dose);
            let (back, errors) = DoseParams::from_query(&query);
            prop_assert!(errors.is_empty());
            prop_assert_eq!(back, state);
        }

        #[test]
        fn pk_state_round_trips_through_a_link(
            mgkg in opt(positive()), weight in opt(positive()), every in opt(1u64..10),
            doses in opt(1u64..100), tinf in opt(positive()), cl0 in opt(positive()),
            clss in opt(positive()), t50 in opt(positive()), hill in opt(positive()),
            v1 in opt(positive()), v2 in opt(positive()), q in opt(positive()),
            n in opt(1u64..10_000), cv_cl in opt(0.0f64..100.0), cv_v1 in opt(0.0f64..100.0),
            seed in opt(any::<u64>()),
            extra in (
                opt(positive()), opt(-2.0f64..2.0), opt(-2.0f64..2.0), opt(positive()),
                opt(any::<bool>()), opt(any::<bool>()),
                opt(prop_oneof![Just(TimeUnit::Days), Just(TimeUnit::Weeks)]),
                opt(prop::collection::vec((positive(), 1u64..10).prop_map(|(mgkg, every_weeks)| OverlayRegimen { mgkg, every_weeks }), 1..=MAX_OVERLAYS)),
            ),
        ) {
            let (flat, allo_cl, allo_v, mw, refs, log, tunit, overlay) = extra;
            let state = PkParams { mgkg, weight, every, doses, tinf, cl0, clss, t50, hill, v1, v2, q, n, cv_cl, cv_v1, seed, flat, allo_cl, allo_v, mw, refs, log, tunit, overlay };
            let (back, errors) = PkParams::from_query(&QueryMap::parse(&state.to_query(true).encode()));
            prop_assert!(errors.is_empty());
            prop_assert_eq!(back, state);
        }

        #[test]
        fn trials_state_round_trips_through_a_link(
            q in opt("\\PC{1,30}"), drug in opt("[A-Za-z0-9 +-]{1,12}"),
            tumor in opt("[A-Za-z-]{1,8}"), phase in opt("[IVab/]{1,5}"), endpoint in opt("[a-z0-9]{1,5}"),
            line in opt("[0-9A-Za-z/+]{1,10}"), sort in opt("[a-z_0-9]{1,10}"),
            dir in opt(prop_oneof![Just(SortDir::Asc), Just(SortDir::Desc)]),
        ) {
            // Free text is kept as typed, less surrounding spaces.
            let trim = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
            let state = TrialsParams {
                q: trim(q), drug: trim(drug), tumor: trim(tumor), phase: trim(phase), endpoint: trim(endpoint),
                line: trim(line), sort: trim(sort), dir,
            };
            let hash = hash_for(&Route::Trials, &state.to_query());
            let (_, query) = parse_hash(&hash);
            let (back, errors) = TrialsParams::from_query(&query);
            prop_assert!(errors.is_empty());
            prop_assert_eq!(back, state);
        }

        #[test]
        fn any_hash_parses_without_panic(hash in "\\PC{0,200}") {
            let (_, q) = parse_hash(&hash);
            let _ = DoseParams::from_query(&q);
            let _ = PkParams::from_query(&q);
            let _ = TrialsParams::from_query(&q);
        }
    }
}

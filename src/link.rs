//! Links: the query inside a hash route (`#/dose?weight=72.5&mgkg=20`) turned into typed
//! inputs, one message per parameter that cannot be used, and back. CONTRACT.md names the
//! parameters; this module is the only place that reads or writes them.
//!
//! Plain Rust: the browser side hands it `location.hash` and takes back a string.

use crate::dosing::units::{CreatinineUnit, HeightUnit, Sex, WeightUnit};

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

    /// A positive number, or None when absent or unusable (then a message is recorded).
    fn positive(&mut self, param: &'static str) -> Option<f64> {
        let text = self.map.get(param)?;
        match parse_number(text) {
            Ok(v) if v > 0.0 => Some(v),
            Ok(_) => {
                self.fail(param, "Must be greater than zero.".into());
                None
            }
            Err(message) => {
                self.fail(param, message);
                None
            }
        }
    }

    fn count(&mut self, param: &'static str) -> Option<u64> {
        let text = self.map.get(param)?;
        match parse_count(text) {
            Ok(v) => Some(v),
            Err(message) => {
                self.fail(param, message);
                None
            }
        }
    }

    fn code<T>(
        &mut self,
        param: &'static str,
        from_code: fn(&str) -> Option<T>,
        allowed: &str,
    ) -> Option<T> {
        let text = self.map.get(param)?;
        let found = from_code(text.trim());
        if found.is_none() {
            self.fail(param, format!("“{text}” is not one of {allowed}."));
        }
        found
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
}

impl DoseParams {
    /// Patient measurements: they go into a link only when the user asks.
    pub const PATIENT: [&'static str; 8] = [
        "weight", "wunit", "height", "hunit", "age", "sex", "scr", "scrunit",
    ];
    /// Every parameter, in the order a link writes them.
    pub const ALL: [&'static str; 14] = [
        "weight", "wunit", "mgkg", "every", "height", "hunit", "age", "sex", "scr", "scrunit",
        "regimen", "auc", "vial", "conc",
    ];

    pub fn from_query(map: &QueryMap) -> (Self, Vec<ParamError>) {
        let mut r = Reader::new(map);
        let params = DoseParams {
            weight: r.positive("weight"),
            wunit: r.code("wunit", WeightUnit::from_code, "kg, lb"),
            mgkg: r.positive("mgkg"),
            every: r.count("every"),
            height: r.positive("height"),
            hunit: r.code("hunit", HeightUnit::from_code, "cm, in"),
            age: r.positive("age"),
            sex: r.code("sex", Sex::from_code, "f, m"),
            scr: r.positive("scr"),
            scrunit: r.code("scrunit", CreatinineUnit::from_code, "mgdl, umol"),
            regimen: r.text("regimen"),
            auc: r.positive("auc"),
            vial: r.positive("vial"),
            conc: r.positive("conc"),
        };
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
        without_patient_values(w.0, with_patient_values, &Self::PATIENT)
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

/// The PK view's inputs (CONTRACT.md, `#/pk`).
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
}

impl PkParams {
    pub const PATIENT: [&'static str; 1] = ["weight"];
    pub const ALL: [&'static str; 16] = [
        "mgkg", "weight", "every", "doses", "tinf", "cl0", "clss", "t50", "hill", "v1", "v2", "q",
        "n", "cv_cl", "cv_v1", "seed",
    ];

    pub fn from_query(map: &QueryMap) -> (Self, Vec<ParamError>) {
        let mut r = Reader::new(map);
        let params = PkParams {
            mgkg: r.positive("mgkg"),
            weight: r.positive("weight"),
            every: r.count("every"),
            doses: r.count("doses"),
            tinf: r.positive("tinf"),
            cl0: r.positive("cl0"),
            clss: r.positive("clss"),
            t50: r.positive("t50"),
            hill: r.positive("hill"),
            v1: r.positive("v1"),
            v2: r.positive("v2"),
            q: r.positive("q"),
            n: r.count("n"),
            cv_cl: r.non_negative("cv_cl"),
            cv_v1: r.non_negative("cv_v1"),
            seed: r.count("seed"),
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
        without_patient_values(w.0, with_patient_values, &Self::PATIENT)
    }
}

impl Reader<'_> {
    /// Zero or more (a variability of 0 % is allowed).
    fn non_negative(&mut self, param: &'static str) -> Option<f64> {
        let text = self.map.get(param)?;
        match parse_number(text) {
            Ok(v) if v >= 0.0 => Some(v),
            Ok(_) => {
                self.fail(param, "Must be zero or more.".into());
                None
            }
            Err(message) => {
                self.fail(param, message);
                None
            }
        }
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
        ) {
            let state = DoseParams { weight, wunit, mgkg, every, height, hunit, age, sex, scr, scrunit, regimen, auc, vial, conc };
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
        ) {
            let state = PkParams { mgkg, weight, every, doses, tinf, cl0, clss, t50, hill, v1, v2, q, n, cv_cl, cv_v1, seed };
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

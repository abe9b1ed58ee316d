//! Links: a hash route (`#/dose?weight=72.5&mgkg=20`) split into its view and its query, and
//! back. The query's parameters are read and written by the views' input tables
//! (`crate::inputs`); this module knows no parameter by name.
//!
//! Plain Rust: the browser side hands it `location.hash` and takes back a string.

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
    fn percent_escapes() {
        let q = QueryMap::parse("q=non-squamous%20NSCLC+PD-L1&bad=%zz%4");
        assert_eq!(q.get("q"), Some("non-squamous NSCLC PD-L1"));
        assert_eq!(q.get("bad"), Some("%zz%4"));
        let mut m = QueryMap::new();
        m.set("q", "TPS ≥50% & CPS");
        assert_eq!(QueryMap::parse(&m.encode()), m);
    }

    proptest! {
        #[test]
        fn any_query_round_trips(pairs in prop::collection::vec(("[a-z0-9._]{1,8}", "\\PC{1,20}"), 0..6)) {
            let mut m = QueryMap::new();
            for (n, v) in &pairs {
                m.set(n, v);
            }
            let (route, back) = parse_hash(&hash_for(&Route::Trials, &m));
            prop_assert_eq!(route, Route::Trials);
            prop_assert_eq!(back, m);
        }

        #[test]
        fn any_hash_parses_without_panic(hash in "\\PC{0,200}") {
            let _ = parse_hash(&hash);
        }
    }
}

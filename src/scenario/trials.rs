//! The trials view's search, filters and sort order (CONTRACT.md, `#/trials`), read from and
//! written to a link by the rows of `crate::inputs::trials`.

use crate::inputs::link::{Reading, Writer};
use crate::inputs::trials::*;
use crate::link::QueryMap;
use crate::messages::Message;

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

/// The trials view's inputs. `None` is absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrialsParams {
    pub q: Option<String>,
    pub drug: Option<String>,
    pub tumor: Option<String>,
    pub phase: Option<String>,
    pub endpoint: Option<String>,
    /// Kind of the main source: `peer-reviewed`, `congress`, `company`, `review`.
    pub evidence: Option<String>,
    /// Line of therapy ("1L", "2L+", "refractory").
    pub line: Option<String>,
    /// Sort column: a column name or an endpoint key (`orr`, `trial`); the view checks it
    /// against the data.
    pub sort: Option<String>,
    pub dir: Option<SortDir>,
}

impl TrialsParams {
    pub fn from_query(map: &QueryMap) -> (Self, Vec<Message>) {
        let mut r = Reading::new(map);
        let params = TrialsParams {
            q: r.text(&QUERY),
            drug: r.text(&DRUG),
            tumor: r.text(&TUMOUR),
            phase: r.text(&PHASE),
            endpoint: r.text(&ENDPOINT),
            evidence: r.choice(&EVIDENCE).map(|c| c.code.to_string()),
            line: r.text(&LINE),
            sort: r.text(&SORT),
            dir: r.code(&DIRECTION, SortDir::from_code),
        };
        (params, r.messages)
    }

    pub fn to_query(&self) -> QueryMap {
        let mut w = Writer::default();
        w.text(&QUERY, self.q.as_deref());
        w.text(&DRUG, self.drug.as_deref());
        w.text(&TUMOUR, self.tumor.as_deref());
        w.text(&PHASE, self.phase.as_deref());
        w.text(&ENDPOINT, self.endpoint.as_deref());
        w.text(&EVIDENCE, self.evidence.as_deref());
        w.text(&LINE, self.line.as_deref());
        w.text(&SORT, self.sort.as_deref());
        w.code(&DIRECTION, self.dir.map(SortDir::code));
        w.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{hash_for, parse_hash, Route};
    use proptest::prelude::*;

    #[test]
    fn contract_example_and_additions() {
        let (_, q) = parse_hash("#/trials?q=HARMONi-2");
        assert_eq!(
            TrialsParams::from_query(&q).0.q.as_deref(),
            Some("HARMONi-2")
        );
        let (t, errors) = TrialsParams::from_query(&QueryMap::parse(
            "tumor=TNBC&line=2L%2B&sort=orr&dir=desc&evidence=congress",
        ));
        assert!(errors.is_empty());
        assert_eq!(t.line.as_deref(), Some("2L+"));
        assert_eq!(t.evidence.as_deref(), Some("congress"));
        assert_eq!(t.dir, Some(SortDir::Desc));
        assert_eq!(
            t.to_query().encode(),
            "tumor=TNBC&evidence=congress&line=2L%2B&sort=orr&dir=desc"
        );
        let (t, errors) = TrialsParams::from_query(&QueryMap::parse("dir=up&q=TNBC&evidence=blog"));
        assert_eq!(t.dir, None);
        assert_eq!(t.evidence, None);
        assert_eq!(t.q.as_deref(), Some("TNBC"));
        let fields: Vec<_> = errors
            .iter()
            .map(|e| e.field.as_deref().unwrap_or_default())
            .collect();
        assert_eq!(fields, vec!["evidence", "dir"]);
        assert!(errors[1].text(crate::i18n::Lang::En).contains("up"));
    }

    fn opt<T: std::fmt::Debug + Clone + 'static>(
        s: impl Strategy<Value = T> + 'static,
    ) -> impl Strategy<Value = Option<T>> {
        prop::option::of(s)
    }

    proptest! {
        #[test]
        fn trials_state_round_trips_through_a_link(
            q in opt("\\PC{1,30}"), drug in opt("[A-Za-z0-9 +-]{1,12}"),
            tumor in opt("[A-Za-z-]{1,8}"), phase in opt("[IVab/]{1,5}"), endpoint in opt("[a-z0-9]{1,5}"),
            evidence in opt(prop_oneof![Just("peer-reviewed"), Just("congress"), Just("company"), Just("review")]),
            line in opt("[0-9A-Za-z/+]{1,10}"), sort in opt("[a-z_0-9]{1,10}"),
            dir in opt(prop_oneof![Just(SortDir::Asc), Just(SortDir::Desc)]),
        ) {
            // Free text is kept as typed, less surrounding spaces.
            let trim = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
            let state = TrialsParams {
                q: trim(q), drug: trim(drug), tumor: trim(tumor), phase: trim(phase), endpoint: trim(endpoint),
                evidence: evidence.map(str::to_string), line: trim(line), sort: trim(sort), dir,
            };
            let hash = hash_for(&Route::Trials, &state.to_query());
            let (_, query) = parse_hash(&hash);
            let (back, errors) = TrialsParams::from_query(&query);
            prop_assert!(errors.is_empty());
            prop_assert_eq!(back, state);
        }
    }
}

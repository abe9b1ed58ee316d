//! Free-text search, filters and sorting of trial records.

use super::documents::EvidenceKind;
use super::model::{Dataset, Record};
use crate::sort::sort_by;
use std::cmp::Ordering;

/// A search: free text plus filters, as in the trials view link (`q`, `drug`, `tumor`, `phase`,
/// `endpoint`, `evidence`) and a line-of-therapy filter. Empty or absent parts do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Free text over trial name, registry id, drugs, tumour (code, name, aliases), regimen,
    /// subgroup and biomarker. All words must match; abbreviations match their expansions.
    pub text: String,
    /// Drug name (any agent of the regimen, or a code such as AK112).
    pub drug: Option<String>,
    /// Tumour code, full name or alias.
    pub tumour: Option<String>,
    /// Phase: "I", "Ia", "Ib", "II", "III" (or 1, 1b, 2, 3); "II" also matches "Ib/II".
    pub phase: Option<String>,
    /// Endpoint key that must be present (e.g. "hr", "pfs9").
    pub endpoint: Option<String>,
    /// Line of therapy ("1L", "2L", "2L+", "refractory").
    pub line: Option<String>,
    /// The kind of the row's main source: `peer-reviewed`, `congress`, `company`, `review`.
    pub evidence: Option<String>,
}

/// A filter of [`Query`] (the view names its link parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Drug,
    Tumour,
    Phase,
    Endpoint,
    Line,
    Evidence,
}

/// A filter value that matches nothing known in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub field: Filter,
    pub message: String,
}

/// Rows matching a query, in data order, with the size of the whole table.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResult<'a> {
    pub rows: Vec<&'a Record>,
    /// Number of records in the dataset.
    pub total: usize,
}

impl SearchResult<'_> {
    pub fn count(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Records matching the query, in data order.
pub fn search<'a>(ds: &'a Dataset, query: &Query) -> SearchResult<'a> {
    let tokens = tokens(ds, &query.text);
    let rows = ds
        .records
        .iter()
        .filter(|r| {
            matches_filters(ds, r, query) && {
                let hay = Haystack::new(ds, r);
                tokens.iter().all(|t| token_matches(ds, &hay, r, t))
            }
        })
        .collect();
    SearchResult {
        rows,
        total: ds.records.len(),
    }
}

/// Filter values that match nothing the data knows (reported next to the input).
pub fn validate_query(ds: &Dataset, query: &Query) -> Vec<QueryError> {
    let mut errors = Vec::new();
    if let Some(d) = nonempty(&query.drug) {
        let known = ds.records.iter().any(|r| drug_matches(ds, r, d));
        if !known {
            errors.push(QueryError {
                field: Filter::Drug,
                message: format!("no trial in the data uses the drug \"{d}\""),
            });
        }
    }
    if let Some(t) = nonempty(&query.tumour) {
        if ds.resolve_tumour(t).is_none() {
            errors.push(QueryError {
                field: Filter::Tumour,
                message: format!("unknown tumour \"{t}\""),
            });
        }
    }
    if let Some(p) = nonempty(&query.phase) {
        if parse_phase(p).is_none() {
            errors.push(QueryError {
                field: Filter::Phase,
                message: format!("unknown phase \"{p}\" (use I, Ia, Ib, II or III)"),
            });
        }
    }
    if let Some(e) = nonempty(&query.endpoint) {
        if ds.endpoint(e.trim()).is_none() {
            errors.push(QueryError {
                field: Filter::Endpoint,
                message: format!("unknown endpoint \"{e}\""),
            });
        }
    }
    if let Some(l) = nonempty(&query.line) {
        if !ds.records.iter().any(|r| line_matches(r, l)) {
            errors.push(QueryError {
                field: Filter::Line,
                message: format!("unknown line of therapy \"{l}\""),
            });
        }
    }
    if let Some(e) = nonempty(&query.evidence) {
        if EvidenceKind::from_code(e).is_none() {
            errors.push(QueryError {
                field: Filter::Evidence,
                message: format!(
                    "unknown kind of source \"{e}\" (use peer-reviewed, congress, company or review)"
                ),
            });
        }
    }
    errors
}

fn nonempty(o: &Option<String>) -> Option<&str> {
    o.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn matches_filters(ds: &Dataset, r: &Record, q: &Query) -> bool {
    if let Some(d) = nonempty(&q.drug) {
        if !drug_matches(ds, r, d) {
            return false;
        }
    }
    if let Some(t) = nonempty(&q.tumour) {
        let code = ds.resolve_tumour(t).map(|tu| tu.code.as_str()).unwrap_or(t);
        if !r.tumour.eq_ignore_ascii_case(code) {
            return false;
        }
    }
    if let Some(p) = nonempty(&q.phase) {
        if !phase_matches(&r.phase, p) {
            return false;
        }
    }
    if let Some(e) = nonempty(&q.endpoint) {
        if r.figure(e).is_none() {
            return false;
        }
    }
    if let Some(l) = nonempty(&q.line) {
        if !line_matches(r, l) {
            return false;
        }
    }
    if let Some(e) = nonempty(&q.evidence) {
        let wanted = EvidenceKind::from_code(e);
        if ds.evidence(r).map(|ev| ev.kind) != wanted {
            return false;
        }
    }
    true
}

fn drug_matches(ds: &Dataset, r: &Record, drug: &str) -> bool {
    let wanted = norm(drug);
    let expanded = ds
        .abbreviations
        .iter()
        .find(|a| norm(&a.abbreviation) == wanted)
        .map(|a| norm(&a.expansion));
    std::iter::once(&r.bispecific)
        .chain(r.drugs.iter())
        .map(|d| norm(d))
        .any(|d| d == wanted || expanded.as_deref() == Some(d.as_str()))
}

fn line_matches(r: &Record, line: &str) -> bool {
    let wanted = line.trim().to_ascii_lowercase();
    let Some(rl) = r.line.as_deref() else {
        return false;
    };
    let rl = rl.to_ascii_lowercase();
    rl == wanted
        || rl
            .split('/')
            .any(|part| part == wanted || part.strip_suffix('+') == Some(wanted.as_str()))
}

/// Phase parts as (numeral, optional sub-phase letter): "Ib/II" -> [(1, Some('b')), (2, None)].
fn parse_phase(text: &str) -> Option<Vec<(u8, Option<char>)>> {
    let t = text.trim().to_ascii_lowercase();
    let t = t.strip_prefix("phase").unwrap_or(&t).trim();
    if t.is_empty() {
        return None;
    }
    t.split('/').map(parse_phase_part).collect()
}

fn parse_phase_part(part: &str) -> Option<(u8, Option<char>)> {
    let p = part.trim();
    let (body, suffix) = match p.chars().last() {
        Some(c @ ('a' | 'b')) if p.len() > 1 => (&p[..p.len() - 1], Some(c)),
        _ => (p, None),
    };
    let numeral = match body {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        _ => return None,
    };
    Some((numeral, suffix))
}

fn phase_matches(record_phase: &str, filter: &str) -> bool {
    let (Some(rec), Some(want)) = (parse_phase(record_phase), parse_phase(filter)) else {
        return false;
    };
    if want.len() > 1 {
        return rec == want;
    }
    let (wn, ws) = want[0];
    rec.iter()
        .any(|&(n, s)| n == wn && (ws.is_none() || ws == s))
}

fn phase_rank(phase: &str) -> (u8, u8, usize) {
    match parse_phase(phase) {
        Some(parts) => {
            let (n, s) = parts[0];
            let s = match s {
                None => 0,
                Some('a') => 1,
                Some(_) => 2,
            };
            (n, s, parts.len())
        }
        None => (u8::MAX, 0, 0),
    }
}

/// Lower-case, with typographic dashes and comparison signs folded to ASCII.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '≥' => out.push_str(">="),
            '≤' => out.push_str("<="),
            'ï' | 'Ï' => out.push('i'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Text a record is searched in: `core` without the tumour's names, `full` with them.
struct Haystack {
    core: String,
    full: String,
}

impl Haystack {
    fn new(ds: &Dataset, r: &Record) -> Self {
        let mut parts: Vec<&str> = vec![&r.name, &r.trial, &r.arm, &r.bispecific, &r.regimen];
        parts.extend(r.registry_id.as_deref());
        parts.extend(r.drugs.iter().map(String::as_str));
        parts.extend(r.comparator.as_deref());
        parts.extend(r.subgroup.as_deref());
        parts.extend(r.biomarker.as_deref());
        let core = norm(&parts.join(" | "));
        let mut full = format!("{core} | {}", norm(&r.tumour));
        if let Some(t) = ds.tumour(&r.tumour) {
            full.push_str(" | ");
            full.push_str(&norm(&t.name));
            for a in &t.aliases {
                full.push_str(" | ");
                full.push_str(&norm(a));
            }
        }
        Haystack { core, full }
    }
}

/// Split the query into words, first replacing tumour names written out in full by their code.
fn tokens(ds: &Dataset, text: &str) -> Vec<String> {
    let mut q = norm(text);
    let mut names: Vec<(String, String)> = ds
        .tumours
        .iter()
        .flat_map(|t| {
            std::iter::once(&t.name)
                .chain(t.aliases.iter())
                .map(move |n| (norm(n), norm(&t.code)))
        })
        .filter(|(n, _)| n.contains(' '))
        .collect();
    crate::sort::sort_by_key(&mut names, |(n, _)| std::cmp::Reverse(n.len()));
    for (name, code) in &names {
        while let Some(pos) = find_bounded(&q, name, false) {
            q.replace_range(pos..pos + name.len(), code);
        }
    }
    q.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(|t| t.trim_matches(|c: char| matches!(c, '"' | '\'' | '(' | ')' | '[' | ']')))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn token_matches(ds: &Dataset, hay: &Haystack, r: &Record, token: &str) -> bool {
    if let Some(t) = ds.tumours.iter().find(|t| norm(&t.code) == token) {
        return r.tumour == t.code || find_bounded(&hay.core, token, false).is_some();
    }
    if let Some(a) = ds
        .abbreviations
        .iter()
        .find(|a| norm(&a.abbreviation) == token)
    {
        return find_bounded(&hay.full, token, false).is_some()
            || find_bounded(&hay.full, &norm(&a.expansion), false).is_some();
    }
    if token.chars().all(|c| c.is_ascii_digit()) {
        return hay.full.contains(token);
    }
    find_bounded(&hay.full, token, true).is_some()
}

/// Byte position of the first occurrence of `needle` in `hay` that starts a word, is not negated
/// by a preceding "non" ("non-small", "nonsquamous", "non sq"), and (unless `prefix`) ends one.
fn find_bounded(hay: &str, needle: &str, prefix: bool) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(off) = hay.get(from..).and_then(|h| h.find(needle)) {
        let start = from + off;
        let end = start + needle.len();
        let before = &hay[..start];
        let starts_word = before
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let negated = before.ends_with("non-") || before.ends_with("non ");
        let negated_joined = !starts_word && before.ends_with("non") && {
            let b = before.trim_end_matches("non");
            b.chars().next_back().is_none_or(|c| !c.is_alphanumeric())
        };
        let ends_word = prefix
            || hay[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        if starts_word && !negated && !negated_joined && ends_word {
            return Some(start);
        }
        // advance past the first character of this occurrence
        let step = hay[start..].chars().next().map_or(1, char::len_utf8);
        from = start + step;
    }
    None
}

/// A sortable column of the trials table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Id,
    Trial,
    RegistryId,
    /// The bispecific antibody.
    Drug,
    Tumour,
    Phase,
    Line,
    Subgroup,
    Regimen,
    /// Any endpoint key, including "n" and "follow_up".
    Endpoint(String),
}

impl Column {
    /// The name a link gives the column (`sort=<code>`); [`Column::parse`] reads it back.
    pub fn code(&self) -> &str {
        match self {
            Column::Id => "id",
            Column::Trial => "trial",
            Column::RegistryId => "registry",
            Column::Drug => "drug",
            Column::Tumour => "tumor",
            Column::Phase => "phase",
            Column::Line => "line",
            Column::Subgroup => "subgroup",
            Column::Regimen => "regimen",
            Column::Endpoint(key) => key,
        }
    }

    /// Parse a column name as used in links: "id", "trial", "registry", "drug", "tumor" or
    /// "tumour", "phase", "line", "subgroup", "regimen", or an endpoint key of the data.
    pub fn parse(ds: &Dataset, name: &str) -> Option<Column> {
        let n = name.trim().to_ascii_lowercase();
        let fixed = [
            Column::Id,
            Column::Trial,
            Column::RegistryId,
            Column::Drug,
            Column::Tumour,
            Column::Phase,
            Column::Line,
            Column::Subgroup,
            Column::Regimen,
        ];
        let alias = match n.as_str() {
            "registry_id" => "registry",
            "tumour" => "tumor",
            other => other,
        };
        if let Some(c) = fixed.into_iter().find(|c| c.code() == alias) {
            return Some(c);
        }
        ds.endpoint(&n).map(|_| Column::Endpoint(n.clone()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Ascending,
    Descending,
}

impl Direction {
    pub fn parse(s: &str) -> Option<Direction> {
        match s.trim().to_ascii_lowercase().as_str() {
            "asc" | "ascending" => Some(Direction::Ascending),
            "desc" | "descending" => Some(Direction::Descending),
            _ => None,
        }
    }
}

/// Sort rows by a column (stable). Endpoints sort by what their cell shows: numbers by value in
/// the chosen direction; after them, in both directions, bounds and states (NR, NE, not
/// mature), then disputed cells, then missing figures. Text sorts case-insensitively; empty text
/// comes last in both directions.
pub fn sort_records(rows: &mut [&Record], column: &Column, direction: Direction) {
    let dir = |o: Ordering| match direction {
        Direction::Ascending => o,
        Direction::Descending => o.reverse(),
    };
    match column {
        Column::Endpoint(key) => sort_by(rows, |a, b| {
            let ((ra, xa), (rb, xb)) = (a.cell(key).sort_key(), b.cell(key).sort_key());
            match (ra, rb) {
                (0, 0) => dir(xa.total_cmp(&xb)),
                _ => ra.cmp(&rb),
            }
        }),
        Column::Phase => sort_by(rows, |a, b| {
            dir(phase_rank(&a.phase).cmp(&phase_rank(&b.phase)))
        }),
        _ => {
            let text = |r: &Record| -> String {
                let s = match column {
                    Column::Id => Some(r.id.as_str()),
                    Column::Trial => Some(r.name.as_str()),
                    Column::RegistryId => r.registry_id.as_deref(),
                    Column::Drug => Some(r.bispecific.as_str()),
                    Column::Tumour => Some(r.tumour.as_str()),
                    Column::Line => r.line.as_deref(),
                    Column::Subgroup => r.subgroup.as_deref(),
                    Column::Regimen => Some(r.regimen.as_str()),
                    Column::Phase | Column::Endpoint(_) => None,
                };
                s.map(norm).unwrap_or_default()
            };
            sort_by(rows, |a, b| {
                let (ta, tb) = (text(a), text(b));
                match (ta.is_empty(), tb.is_empty()) {
                    (false, false) => dir(ta.cmp(&tb)),
                    (false, true) => Ordering::Less,
                    (true, false) => Ordering::Greater,
                    (true, true) => Ordering::Equal,
                }
            })
        }
    }
}

//! What a row shows: for each endpoint the current figure, or the figures that disagree; and
//! the evidence behind a row (its newest source's kind and date).

use super::documents::{Document, EvidenceKind, PubDate};
use super::measure::Measure;
use super::model::{Dataset, Figure, Record};

/// The figures a table cell shows for one endpoint of a record.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Nothing current is printed for this endpoint.
    Missing,
    /// One figure (the first current one); any others agree with it after rounding.
    One(&'a Figure),
    /// Current figures that disagree: one per distinct value, in data order. The cell shows
    /// them all and carries no single value.
    Disputed(Vec<&'a Figure>),
}

impl<'a> Cell<'a> {
    /// The value a program reads (`data-value`): the number of a single figure.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::One(f) => f.number(),
            _ => None,
        }
    }

    pub fn figures(&self) -> Vec<&'a Figure> {
        match self {
            Cell::Missing => Vec::new(),
            Cell::One(f) => vec![*f],
            Cell::Disputed(v) => v.clone(),
        }
    }

    /// Order for sorting: numbers by value, then bounds and states, then disputed, then missing.
    pub(crate) fn sort_key(&self) -> (u8, f64) {
        match self {
            Cell::One(f) => match f.value {
                Measure::Number(x) => (0, x),
                m => (m.state_rank(), 0.0),
            },
            Cell::Disputed(_) => (8, 0.0),
            Cell::Missing => (9, 0.0),
        }
    }
}

impl Record {
    /// What the table cell of an endpoint shows.
    pub fn cell(&self, key: &str) -> Cell<'_> {
        let mut distinct: Vec<&Figure> = Vec::new();
        for f in self.current(key) {
            if !distinct.iter().any(|d| d.value.agrees_with(f.value)) {
                distinct.push(f);
            }
        }
        match distinct.len() {
            0 => Cell::Missing,
            1 => Cell::One(distinct[0]),
            _ => Cell::Disputed(distinct),
        }
    }

    /// The `data-value` of an endpoint's cell.
    pub fn cell_number(&self, key: &str) -> Option<f64> {
        self.cell(key).number()
    }
}

/// The evidence behind a row: its main document (the newest of its current figures), that
/// document's kind and date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence<'a> {
    pub document: &'a Document,
    pub kind: EvidenceKind,
    pub date: PubDate,
}

/// Documents dated within this many days of the newest are one disclosure (a congress talk,
/// its company release and the news of it).
const SAME_DISCLOSURE_DAYS: i64 = 7;

impl Dataset {
    /// The documents of a record's current figures.
    fn current_documents<'a>(&'a self, r: &'a Record) -> Vec<&'a Document> {
        let mut out: Vec<&Document> = Vec::new();
        for f in r.all_figures().filter(|f| !f.superseded) {
            if let Some(d) = self.figure_document(r, f) {
                if !out.iter().any(|o| o.id == d.id) {
                    out.push(d);
                }
            }
        }
        out
    }

    /// The main source of a row: the newest document among its current figures, reviews
    /// counting only where nothing else reports the row (a review retells older reports);
    /// among documents of the same disclosure (within a week of the newest) the one of the
    /// strongest kind (peer-reviewed, congress, company, review).
    pub fn evidence<'a>(&'a self, r: &'a Record) -> Option<Evidence<'a>> {
        let all = self.current_documents(r);
        let primary: Vec<&Document> = all
            .iter()
            .copied()
            .filter(|d| d.kind != EvidenceKind::Review)
            .collect();
        let docs = if primary.is_empty() { all } else { primary };
        let newest = docs.iter().map(|d| d.date.day_number()).max()?;
        let main = docs
            .iter()
            .filter(|d| newest - d.date.day_number() <= SAME_DISCLOSURE_DAYS)
            .min_by_key(|d| (d.kind.rank(), -d.date.day_number()))?;
        Some(Evidence {
            document: main,
            kind: main.kind,
            date: main.date,
        })
    }

    /// The newest evidence date of all rows ("evidence as of").
    pub fn evidence_as_of(&self) -> Option<PubDate> {
        self.records
            .iter()
            .filter_map(|r| self.evidence(r).map(|e| e.date))
            .max()
    }

    /// Figures of another endpoint that report the same effect in another way, shown under a
    /// hazard-ratio cell: risk reductions ("reduced the risk of death by 22.3%") from documents
    /// that give no hazard ratio, or with no hazard ratio at all.
    pub fn related_reductions<'a>(&'a self, r: &'a Record, key: &str) -> Vec<&'a Figure> {
        let reduction = match key {
            "hr" => "pfs_risk_reduction",
            "hros" => "os_risk_reduction",
            _ => return Vec::new(),
        };
        let hr_docs: Vec<&str> = r
            .current(key)
            .into_iter()
            .map(|f| f.source_or(&r.source).document.as_str())
            .collect();
        r.current(reduction)
            .into_iter()
            .filter(|f| !hr_docs.contains(&f.source_or(&r.source).document.as_str()))
            .collect()
    }
}

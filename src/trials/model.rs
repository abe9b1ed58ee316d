//! Typed records of `data/trials.json`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One of the two seed documents every figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocumentId {
    /// Seed 000: review of PD-1(L1)/VEGF bispecific antibodies in solid tumours.
    #[serde(rename = "seed000")]
    Seed000,
    /// Seed 001: Vallathol, Menon, Warriar. "Ivonescimab: The Two Pronged Attack". 2025.
    #[serde(rename = "seed001")]
    Seed001,
}

impl DocumentId {
    /// Short label for display, e.g. "seed 000".
    pub fn label(self) -> &'static str {
        match self {
            DocumentId::Seed000 => "seed 000",
            DocumentId::Seed001 => "seed 001",
        }
    }
}

/// Where a figure stands: document, table or section, and the reference numbers the
/// document gives there (seed 000 prints them as "(16)", seed 001 as superscripts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub document: DocumentId,
    /// "Table 2", or the section heading of the text, e.g. "Biliary tract cancer".
    pub location: String,
    #[serde(default)]
    pub refs: Vec<u32>,
}

impl Source {
    /// True when the location is a table (its cells are checked as whole lines).
    pub fn is_table(&self) -> bool {
        self.location.starts_with("Table ")
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}", self.document.label(), self.location)?;
        if !self.refs.is_empty() {
            let refs: Vec<String> = self.refs.iter().map(u32::to_string).collect();
            write!(f, ", ref. {}", refs.join(", "))?;
        }
        Ok(())
    }
}

/// A figure's state: a number, or one of the states the sources print instead of a number.
/// A figure that is simply not given is absent (no `Figure` at all), which is different.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(from = "MeasureRepr", into = "MeasureRepr")]
pub enum Measure {
    Number(f64),
    /// "NR": not reached.
    NotReached,
    /// "NE": not estimable.
    NotEstimable,
    /// Reported as not yet mature or not yet available.
    NotMature,
}

impl Measure {
    pub fn number(self) -> Option<f64> {
        match self {
            Measure::Number(x) => Some(x),
            _ => None,
        }
    }

    /// Order of the non-numeric states when sorting (after every number).
    pub(crate) fn state_rank(self) -> u8 {
        match self {
            Measure::Number(_) => 0,
            Measure::NotReached => 1,
            Measure::NotEstimable => 2,
            Measure::NotMature => 3,
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Measure::Number(x) => write!(f, "{x}"),
            Measure::NotReached => f.write_str("NR"),
            Measure::NotEstimable => f.write_str("NE"),
            Measure::NotMature => f.write_str("not mature"),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum MeasureRepr {
    Number(f64),
    State(MeasureState),
}

#[derive(Serialize, Deserialize)]
enum MeasureState {
    #[serde(rename = "NR")]
    Nr,
    #[serde(rename = "NE")]
    Ne,
    #[serde(rename = "not mature")]
    Immature,
}

impl From<MeasureRepr> for Measure {
    fn from(r: MeasureRepr) -> Self {
        match r {
            MeasureRepr::Number(x) => Measure::Number(x),
            MeasureRepr::State(MeasureState::Nr) => Measure::NotReached,
            MeasureRepr::State(MeasureState::Ne) => Measure::NotEstimable,
            MeasureRepr::State(MeasureState::Immature) => Measure::NotMature,
        }
    }
}

impl From<Measure> for MeasureRepr {
    fn from(m: Measure) -> Self {
        match m {
            Measure::Number(x) => MeasureRepr::Number(x),
            Measure::NotReached => MeasureRepr::State(MeasureState::Nr),
            Measure::NotEstimable => MeasureRepr::State(MeasureState::Ne),
            Measure::NotMature => MeasureRepr::State(MeasureState::Immature),
        }
    }
}

/// Unit of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    #[serde(rename = "%")]
    Percent,
    #[serde(rename = "months")]
    Months,
    /// Hazard ratio.
    #[serde(rename = "ratio")]
    Ratio,
    #[serde(rename = "patients")]
    Patients,
}

impl Unit {
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::Months => "months",
            Unit::Ratio => "ratio",
            Unit::Patients => "patients",
        }
    }
}

/// The same figure printed in another place of the sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub source: Source,
    pub as_printed: String,
}

/// One figure: an endpoint value with unit, 95% CI where printed, and provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Endpoint key, one of `Dataset::endpoints` (e.g. "orr", "mpfs", "hr", "pfs9").
    pub endpoint: String,
    pub value: Measure,
    pub unit: Unit,
    /// Lower bound of the 95% confidence interval, where printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci_low: Option<Measure>,
    /// Upper bound of the 95% confidence interval, where printed (may be NE).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci_high: Option<Measure>,
    /// A qualifier such as "stratified" or the arm a subgroup figure belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The words or table cell the figure is taken from, verbatim.
    pub as_printed: String,
    /// Where the figure stands, when not where its record's `source` points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The same value printed elsewhere in the sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_printed: Vec<Citation>,
}

impl Figure {
    /// The figure's source: its own, or else its record's.
    pub fn source_or<'a>(&'a self, record_source: &'a Source) -> &'a Source {
        self.source.as_ref().unwrap_or(record_source)
    }

    /// Numeric value, if the figure is a number.
    pub fn number(&self) -> Option<f64> {
        self.value.number()
    }
}

/// One cohort, arm or subgroup of a trial as reported in the sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Stable, link-safe id (lower-case letters, digits, hyphens).
    pub id: String,
    /// Trial name as printed, or the sources' description of the study when it has no name.
    pub trial: String,
    /// Registry id as printed (may be malformed; see `registry_url`).
    pub registry_id: Option<String>,
    /// The PD-1(L1)/VEGF bispecific antibody of the trial (the CONTRACT's `data-drug`).
    pub bispecific: String,
    /// Every agent of this cohort's or arm's regimen, lower-case generic names.
    pub drugs: Vec<String>,
    /// Comparator arm of a randomised comparison, on the experimental arm's record.
    pub comparator: Option<String>,
    /// Phase: "I", "Ia", "Ib", "Ib/II", "II" or "III".
    pub phase: String,
    /// Tumour code, one of `Dataset::tumours` (e.g. "TNBC").
    pub tumour: String,
    /// Histology, cohort or subgroup.
    pub subgroup: Option<String>,
    pub biomarker: Option<String>,
    /// Line of therapy: "1L", "1L/2L", "2L+" or "refractory".
    pub line: Option<String>,
    pub regimen: String,
    /// Patients in this cohort, arm or subgroup.
    pub n: Option<Figure>,
    /// Median follow-up, months.
    pub follow_up: Option<Figure>,
    /// Every figure, in the order the sources give them. An endpoint can have more than one
    /// figure when the sources disagree; the first is the one shown in a table cell.
    pub endpoints: Vec<Figure>,
    /// Main source of the record; figures name their own where it differs.
    pub source: Source,
}

impl Record {
    /// The first figure for an endpoint key ("n" and "follow_up" included).
    pub fn figure(&self, key: &str) -> Option<&Figure> {
        match key {
            "n" => self.n.as_ref(),
            "follow_up" => self.follow_up.as_ref(),
            _ => self.endpoints.iter().find(|f| f.endpoint == key),
        }
    }

    /// Every figure for an endpoint key, in source order.
    pub fn figures(&self, key: &str) -> Vec<&Figure> {
        self.all_figures().filter(|f| f.endpoint == key).collect()
    }

    /// More than one figure for this endpoint: the sources disagree or print it twice differently.
    pub fn has_alternatives(&self, key: &str) -> bool {
        self.figures(key).len() > 1
    }

    /// n, follow-up and every endpoint figure.
    pub fn all_figures(&self) -> impl Iterator<Item = &Figure> {
        self.n
            .iter()
            .chain(self.follow_up.iter())
            .chain(self.endpoints.iter())
    }

    /// ClinicalTrials.gov address of the registry id, when it is well formed.
    pub fn registry_url(&self) -> Option<String> {
        self.registry_id.as_deref().and_then(super::registry_url)
    }
}

/// Kind of a note on the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// A plain error in a source (typo, wrong name, impossible figure).
    Error,
    /// Two places of the sources print different things for the same fact.
    Disagreement,
    /// The source leaves open what a figure refers to.
    Ambiguity,
    /// Background needed to read the figures.
    Context,
    /// Knowledge from outside the seeds, to be checked.
    Outside,
}

/// A note on errors, disagreements or ambiguities of the sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    pub kind: NoteKind,
    /// What disagrees, where, and which figures.
    pub text: String,
    /// Ids of the records, molecules and ongoing trials it concerns; empty for notes on the
    /// sources in general (pharmacokinetics, mechanism).
    pub applies_to: Vec<String>,
    /// Endpoint keys concerned; empty when the note is about the record as a whole.
    pub endpoints: Vec<String>,
}

/// An endpoint key with its name and unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndpointDef {
    pub key: String,
    pub name: String,
    pub unit: Unit,
}

/// A tumour code with its full name and other names it goes by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tumour {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
}

/// A non-tumour abbreviation the search expands (drug codes, biomarker terms).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Abbreviation {
    pub abbreviation: String,
    pub expansion: String,
}

/// A numbered reference of a seed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub number: u32,
    pub citation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocumentId,
    /// File name prefix in the seeds folder ("000_", "001_").
    pub file_prefix: String,
    pub citation: String,
    pub references: Vec<Reference>,
}

/// A PD-1(L1)/VEGF bispecific antibody as compared in seed 000 Table 1 (cells verbatim).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Molecule {
    pub id: String,
    pub name: String,
    pub targets: String,
    pub architecture: String,
    pub fc_region: String,
    pub clinical_maturity: String,
    pub source: Source,
}

/// A row of an ongoing-trials table (seed 000 Table 3, seed 001 Table 1), cells verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OngoingTrial {
    pub id: String,
    pub registry_id: Option<String>,
    pub trial_name: Option<String>,
    pub indication: String,
    /// Tumour code, where one applies.
    pub tumour: Option<String>,
    pub regimen: String,
    /// Phase, normalised ("III", "I/II").
    pub phase: String,
    pub phase_as_printed: String,
    /// Single or multicentre, international scope, as printed.
    pub centres: Option<String>,
    pub participants: Option<u32>,
    pub participants_as_printed: Option<String>,
    pub source: Source,
}

impl OngoingTrial {
    pub fn registry_url(&self) -> Option<String> {
        self.registry_id.as_deref().and_then(super::registry_url)
    }
}

/// The whole data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub schema_version: u32,
    pub description: String,
    pub documents: Vec<Document>,
    pub endpoints: Vec<EndpointDef>,
    pub tumours: Vec<Tumour>,
    pub abbreviations: Vec<Abbreviation>,
    pub records: Vec<Record>,
    pub molecules: Vec<Molecule>,
    pub ongoing: Vec<OngoingTrial>,
    pub notes: Vec<Note>,
}

impl Dataset {
    pub fn record(&self, id: &str) -> Option<&Record> {
        self.records.iter().find(|r| r.id == id)
    }

    pub fn tumour(&self, code: &str) -> Option<&Tumour> {
        self.tumours
            .iter()
            .find(|t| t.code.eq_ignore_ascii_case(code))
    }

    /// Resolve a tumour code, full name or alias (any case) to its tumour.
    pub fn resolve_tumour(&self, text: &str) -> Option<&Tumour> {
        let t = text.trim();
        self.tumours.iter().find(|tu| {
            tu.code.eq_ignore_ascii_case(t)
                || tu.name.eq_ignore_ascii_case(t)
                || tu.aliases.iter().any(|a| a.eq_ignore_ascii_case(t))
        })
    }

    pub fn endpoint(&self, key: &str) -> Option<&EndpointDef> {
        self.endpoints.iter().find(|e| e.key == key)
    }

    pub fn document(&self, id: DocumentId) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn molecules(&self) -> &[Molecule] {
        &self.molecules
    }

    pub fn ongoing(&self) -> &[OngoingTrial] {
        &self.ongoing
    }

    /// Notes attached to a record, molecule or ongoing trial id.
    pub fn notes_for(&self, id: &str) -> Vec<&Note> {
        self.notes
            .iter()
            .filter(|n| n.applies_to.iter().any(|a| a == id))
            .collect()
    }

    /// Notes attached to one endpoint of a record (and the record-wide notes).
    pub fn notes_for_figure(&self, id: &str, endpoint: &str) -> Vec<&Note> {
        self.notes_for(id)
            .into_iter()
            .filter(|n| n.endpoints.is_empty() || n.endpoints.iter().any(|e| e == endpoint))
            .collect()
    }

    /// Notes on the sources in general, attached to nothing in particular.
    pub fn general_notes(&self) -> Vec<&Note> {
        self.notes
            .iter()
            .filter(|n| n.applies_to.is_empty())
            .collect()
    }

    /// Distinct bispecific antibodies, in data order (for a filter list).
    pub fn bispecifics(&self) -> Vec<&str> {
        distinct(self.records.iter().map(|r| r.bispecific.as_str()))
    }

    /// Distinct agents of all regimens, in data order.
    pub fn drugs(&self) -> Vec<&str> {
        distinct(
            self.records
                .iter()
                .flat_map(|r| r.drugs.iter().map(String::as_str)),
        )
    }

    /// Tumour codes that have at least one record, in data order.
    pub fn tumour_codes(&self) -> Vec<&str> {
        distinct(self.records.iter().map(|r| r.tumour.as_str()))
    }

    pub fn phases(&self) -> Vec<&str> {
        distinct(self.records.iter().map(|r| r.phase.as_str()))
    }

    pub fn lines(&self) -> Vec<&str> {
        distinct(self.records.iter().filter_map(|r| r.line.as_deref()))
    }
}

fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

//! Typed records of `data/trials.json` (schema 2): records of cohorts and arms with every figure
//! as printed, the documents they come from, molecules, ongoing trials and notes.

use super::documents::{Document, EvidenceKind};
use super::measure::Measure;
use serde::{Deserialize, Serialize};

/// Where a figure stands: a document (an id of `Dataset::documents`), the place in it, the
/// reference numbers the document gives there, and for later evidence the public page read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub document: String,
    /// "Table 2", a section heading, or where on the page ("release headline").
    pub location: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<u32>,
    /// The address of the public page where the figure was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Source {
    /// True when the location is a table (its cells are checked as whole lines).
    pub fn is_table(&self) -> bool {
        self.location.starts_with("Table ")
    }
}

/// Unit of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    #[serde(rename = "%")]
    Percent,
    #[serde(rename = "months")]
    Months,
    #[serde(rename = "days")]
    Days,
    /// Hazard ratio.
    #[serde(rename = "ratio")]
    Ratio,
    #[serde(rename = "patients")]
    Patients,
    /// A p value.
    #[serde(rename = "p")]
    PValue,
    /// A fold change ("18-fold", "> 4 times").
    #[serde(rename = "times")]
    Times,
    #[serde(rename = "nM")]
    Nanomolar,
}

impl Unit {
    /// The unit's code in the data file and in CSV.
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::Months => "months",
            Unit::Days => "days",
            Unit::Ratio => "ratio",
            Unit::Patients => "patients",
            Unit::PValue => "p",
            Unit::Times => "times",
            Unit::Nanomolar => "nM",
        }
    }
}

/// The same figure printed in another place of the sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub source: Source,
    pub as_printed: String,
    /// The language the words are printed in, where not English (`fr`, `zh-CN`): the quote's
    /// `lang` on the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl Citation {
    /// The language of the words as printed: `en` unless the data names another.
    pub fn lang(&self) -> &str {
        self.lang.as_deref().unwrap_or("en")
    }
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
    /// A qualifier such as "stratified", "treatment-related" or the arm a figure belongs to.
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
    /// A later analysis of the same endpoint replaces this one; it stays, dated, and the newer
    /// figure is shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub superseded: bool,
    /// The analysis the figure belongs to ("final overall survival analysis ...").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<String>,
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

/// The part an arm plays in a randomised comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Experimental,
    Control,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// One cohort, arm or subgroup of a trial as reported in the sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Stable, link-safe id (lower-case letters, digits, hyphens).
    pub id: String,
    /// Short name of the trial ("HARMONi-2", "Phase II with chemotherapy, NSCLC"); rows with the
    /// same name belong to one trial.
    pub name: String,
    /// Trial name as printed, or the sources' description of the study (the long title).
    pub trial: String,
    /// Registry id as printed (may be malformed; see `registry_url`).
    pub registry_id: Option<String>,
    /// False where the printed id cannot be this study's (a note says why): no link is offered.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub registry_link: bool,
    /// The PD-1(L1)/VEGF bispecific antibody of the trial (the CONTRACT's `data-drug`).
    pub bispecific: String,
    /// Every agent of this cohort's or arm's regimen, lower-case generic names.
    pub drugs: Vec<String>,
    /// Id shared by the arms of one randomised comparison (shown as one line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Short label of the arm or cohort ("Ivonescimab + chemotherapy", "Cohort 2").
    pub arm: String,
    /// Comparator arm of a randomised comparison, on the experimental arm's record.
    pub comparator: Option<String>,
    /// Phase: "I", "Ia", "Ib", "Ib/II", "II" or "III".
    pub phase: String,
    /// Tumour code, one of `Dataset::tumours` (e.g. "TNBC").
    pub tumour: String,
    /// The population: histology, cohort or subgroup.
    pub subgroup: Option<String>,
    pub biomarker: Option<String>,
    /// Line of therapy: "1L", "1L/2L", "2L+" or "refractory".
    pub line: Option<String>,
    pub regimen: String,
    /// Every figure, the number of patients ("n") and the follow-up ("follow_up") included,
    /// in the order the data gives them. An endpoint can have several figures: other reports,
    /// earlier analyses (superseded) or disagreeing sources.
    pub endpoints: Vec<Figure>,
    /// Main source of the record; figures name their own where it differs.
    pub source: Source,
}

impl Record {
    /// The first current (not superseded) figure for an endpoint key.
    pub fn figure(&self, key: &str) -> Option<&Figure> {
        self.endpoints
            .iter()
            .find(|f| f.endpoint == key && !f.superseded)
    }

    /// Every figure for an endpoint key, superseded ones included, in data order.
    pub fn figures(&self, key: &str) -> Vec<&Figure> {
        self.all_figures().filter(|f| f.endpoint == key).collect()
    }

    /// The current figures for an endpoint key.
    pub fn current(&self, key: &str) -> Vec<&Figure> {
        self.endpoints
            .iter()
            .filter(|f| f.endpoint == key && !f.superseded)
            .collect()
    }

    /// More than one figure for this endpoint: other reports, earlier analyses or disagreement.
    pub fn has_alternatives(&self, key: &str) -> bool {
        self.figures(key).len() > 1
    }

    pub fn all_figures(&self) -> impl Iterator<Item = &Figure> {
        self.endpoints.iter()
    }

    /// ClinicalTrials.gov address of the registry id, when it is well formed and this study's.
    pub fn registry_url(&self) -> Option<String> {
        if !self.registry_link {
            return None;
        }
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
    /// Knowledge from outside the sources, to be checked.
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

/// A PD-1(L1)/VEGF bispecific antibody as compared in the review's Table 1 (cells verbatim),
/// with figures on its mechanism and pharmacology.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Molecule {
    pub id: String,
    pub name: String,
    pub targets: String,
    pub architecture: String,
    pub fc_region: String,
    pub clinical_maturity: String,
    pub source: Source,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
}

/// A row of an ongoing-trials table of the reviews, cells verbatim.
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

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The document a figure of a record comes from.
    pub fn figure_document(&self, r: &Record, f: &Figure) -> Option<&Document> {
        self.document(&f.source_or(&r.source).document)
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

    /// The kinds of evidence the documents hold, in the filter's order.
    pub fn evidence_kinds(&self) -> Vec<EvidenceKind> {
        EvidenceKind::ALL
            .into_iter()
            .filter(|k| self.documents.iter().any(|d| d.kind == *k))
            .collect()
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

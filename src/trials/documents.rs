//! The documents figures come from: the two reviews and the later journal articles, congress
//! reports and company releases, each with its kind, date and the public pages read.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of a source (the CONTRACT's `evidence` filter and `data-evidence`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EvidenceKind {
    #[serde(rename = "peer-reviewed")]
    PeerReviewed,
    #[serde(rename = "congress")]
    Congress,
    #[serde(rename = "company")]
    Company,
    #[serde(rename = "review")]
    Review,
}

impl EvidenceKind {
    /// In the order the filter lists them, also the order of preference when documents of
    /// one disclosure report the same figures.
    pub const ALL: [EvidenceKind; 4] = [
        EvidenceKind::PeerReviewed,
        EvidenceKind::Congress,
        EvidenceKind::Company,
        EvidenceKind::Review,
    ];

    /// The CONTRACT code: `peer-reviewed`, `congress`, `company`, `review`.
    pub fn code(self) -> &'static str {
        match self {
            EvidenceKind::PeerReviewed => "peer-reviewed",
            EvidenceKind::Congress => "congress",
            EvidenceKind::Company => "company",
            EvidenceKind::Review => "review",
        }
    }

    pub fn from_code(code: &str) -> Option<EvidenceKind> {
        let c = code.trim().to_ascii_lowercase();
        EvidenceKind::ALL.into_iter().find(|k| k.code() == c)
    }

    pub(crate) fn rank(self) -> usize {
        EvidenceKind::ALL
            .iter()
            .position(|k| *k == self)
            .unwrap_or(usize::MAX)
    }
}

/// A publication date: year and month, and the day where known (`YYYY-MM` or `YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PubDate {
    pub year: u16,
    pub month: u8,
    /// 0 where only the month is known.
    pub day: u8,
}

impl PubDate {
    /// Reads `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<PubDate> {
        let mut parts = text.trim().split('-');
        let year: u16 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let month: u8 = parts.next().filter(|m| m.len() == 2)?.parse().ok()?;
        let day: u8 = match parts.next() {
            Some(d) if d.len() == 2 => d.parse().ok().filter(|d| (1..=31).contains(d))?,
            Some(_) => return None,
            None => 0,
        };
        if parts.next().is_some() || !(1..=12).contains(&month) {
            return None;
        }
        Some(PubDate { year, month, day })
    }

    /// Days since an arbitrary origin, for comparing dates (months counted as 31 days; a date
    /// without its day counts as the month's first).
    pub fn day_number(self) -> i64 {
        i64::from(self.year) * 372 + i64::from(self.month) * 31 + i64::from(self.day.max(1))
    }

    pub fn has_day(self) -> bool {
        self.day > 0
    }
}

impl fmt::Display for PubDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        if self.day > 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

impl TryFrom<String> for PubDate {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        PubDate::parse(&s).ok_or_else(|| format!("not a date YYYY-MM or YYYY-MM-DD: {s:?}"))
    }
}

impl From<PubDate> for String {
    fn from(d: PubDate) -> String {
        d.to_string()
    }
}

/// A public page where figures of a document were read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The date the page prints, as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A numbered reference of a review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub number: u32,
    pub citation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Data id (`seed000`, `harmoni6-lancet-2025`); never shown to readers.
    pub id: String,
    /// The name readers know it by ("Vallathol et al. 2025").
    pub name: String,
    pub kind: EvidenceKind,
    pub date: PubDate,
    /// The document prints no date; `date` is the earliest it can be.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_is_earliest: bool,
    /// How the date was determined, where not printed on the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    pub citation: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<Page>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// File name prefix of a review held by the project ("000_").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_compare_and_write_back() {
        let d = PubDate::parse("2025-10-19").unwrap();
        assert_eq!((d.year, d.month, d.day), (2025, 10, 19));
        assert_eq!(d.to_string(), "2025-10-19");
        let m = PubDate::parse("2025-04").unwrap();
        assert!(!m.has_day());
        assert_eq!(m.to_string(), "2025-04");
        assert!(m < PubDate::parse("2025-04-01").unwrap());
        assert!(d > m);
        for bad in [
            "2025",
            "2025-13",
            "2025-04-00",
            "2025-4",
            "25-04",
            "2025-04-1",
            "2025-04-01-02",
            "",
        ] {
            assert_eq!(PubDate::parse(bad), None, "{bad}");
        }
        assert_eq!(
            EvidenceKind::from_code("Congress"),
            Some(EvidenceKind::Congress)
        );
        assert_eq!(EvidenceKind::from_code("blog"), None);
    }
}

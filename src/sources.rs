//! Where a figure or a limit comes from: a document, the place in it, and the figure as
//! printed there. Documents are named as readers know them ("Vallathol et al. 2025"), never
//! by a working name.
//!
//! Plain Rust: no UI or browser types.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Text};
use crate::tr;

/// A place in a document, with the words printed there (kept in the document's language).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Document id (see [`document_name`]).
    pub document: Cow<'static, str>,
    /// Section, table or page of the document.
    pub section: Cow<'static, str>,
    /// The words as printed; `None` where the document is not held by the project.
    #[serde(default)]
    pub as_printed: Option<Cow<'static, str>>,
}

/// A document's name as the reader knows it.
pub fn document_name(id: &str) -> Text {
    match id {
        "seed-001" | "seed001" => tr!("Vallathol et al. 2025", "Vallathol 等，2025"),
        "seed-000" | "seed000" => tr!(
            "the review of PD-1(L1)/VEGF bispecifics",
            "PD-1(L1)/VEGF 双特异性抗体综述"
        ),
        "china-label" => tr!(
            "China label of ivonescimab (依达方)",
            "依沃西单抗（依达方）中国说明书"
        ),
        "fda-carboplatin-2010" => tr!(
            "FDA carboplatin dosing note (2010)",
            "FDA 卡铂剂量说明（2010）"
        ),
        "nccn-carboplatin" => tr!("NCCN carboplatin dosing template", "NCCN 卡铂剂量模板"),
        "pemetrexed-label-us" => tr!(
            "Pemetrexed US prescribing information",
            "培美曲塞美国说明书"
        ),
        "carboplatin-label-us" => tr!("Carboplatin US prescribing information", "卡铂美国说明书"),
        "cisplatin-label-us" => tr!("Cisplatin US prescribing information", "顺铂美国说明书"),
        "cisplatin-unsuitability-2020" => tr!(
            "Cisplatin-unsuitability criteria (Front Oncol 2020)",
            "顺铂不适用标准（Front Oncol 2020）"
        ),
        "hopa" => tr!("HOPA dose-rounding guidance", "HOPA 剂量取整指南"),
        _ => Text::new("source"),
    }
}

impl Source {
    /// "Vallathol et al. 2025, Dose and Administration" (the place without the words).
    pub fn short(&self, lang: Lang) -> String {
        format!(
            "{}, {}",
            document_name(&self.document).get(lang),
            self.section
        )
    }

    /// One line with the words printed: `Vallathol et al. 2025, Dose and Administration:
    /// "..."`.
    pub fn cite(&self, lang: Lang) -> String {
        match &self.as_printed {
            Some(text) => format!("{}: \"{text}\"", self.short(lang)),
            None => self.short(lang),
        }
    }
}

/// Short citations of sources, each once, joined by "; ".
pub fn short_cites<'a>(sources: impl IntoIterator<Item = &'a Source>, lang: Lang) -> String {
    let mut seen: Vec<String> = Vec::new();
    for s in sources {
        let c = s.short(lang);
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_named_as_readers_know_them() {
        let s = Source {
            document: "seed-001".into(),
            section: "Dose and Administration".into(),
            as_printed: Some("20 mg/kg".into()),
        };
        assert_eq!(
            s.cite(Lang::En),
            "Vallathol et al. 2025, Dose and Administration: \"20 mg/kg\""
        );
        assert!(!document_name("seed-000").en.contains("seed"));
        assert_eq!(short_cites([&s, &s], Lang::En), s.short(Lang::En));
    }
}

//! Where a figure or a limit comes from: a document, the place in it, and the figure as
//! printed there. Documents are named as readers know them ("Vallathol et al. 2025"), never
//! by a working name.
//!
//! Plain Rust: no UI or browser types.

mod data;

pub use data::{Document, Documents, Source};

use crate::i18n::{Lang, Text};

// `static DOCUMENTS: Documents`, written by build.rs from data/documents.json.
include!(concat!(env!("OUT_DIR"), "/documents_data.rs"));

/// Every document the data cites, with the name readers know it by (data/documents.json).
pub fn documents() -> &'static [Document] {
    &DOCUMENTS.documents
}

/// The document with this id.
pub fn document(id: &str) -> Option<&'static Document> {
    documents().iter().find(|d| d.id == id)
}

/// A document's name as the reader knows it ("Vallathol et al. 2025"); its Chinese is in the
/// translation pack (`name_zh` in data/documents.json).
pub fn document_name(id: &str) -> Text {
    match document(id) {
        Some(d) => Text::new(&d.name),
        None => Text::new("source"),
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
        assert_eq!(
            document_name("seed-000").en,
            "the review of PD-1(L1)/VEGF bispecifics"
        );
        assert_eq!(document_name("ahamadi-2017").en, "Ahamadi et al. 2017");
        assert_eq!(document_name("no-such-document").en, "source");
    }

    const DOCUMENTS_JSON: &str = include_str!("../data/documents.json");

    #[test]
    fn the_static_is_the_file_and_every_name_has_its_chinese() {
        let read =
            crate::build_steps::data::read::<Documents>("data/documents.json", DOCUMENTS_JSON)
                .expect("parses");
        assert_eq!(&DOCUMENTS, &read.data);
        let mut ids: Vec<&str> = documents().iter().map(|d| d.id.as_ref()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), documents().len(), "document ids are unique");
        for d in documents() {
            assert!(
                read.pairs
                    .iter()
                    .any(|p| p.en == d.name && !p.zh.is_empty()),
                "{}",
                d.id
            );
            for working_name in ["seed 0", "Seed 0", "seeds"] {
                assert!(!d.name.contains(working_name) && !d.citation.contains(working_name));
            }
        }
    }
}

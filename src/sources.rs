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
            "{}{}{}",
            document_name(&self.document).get(lang),
            list_separator(lang),
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

/// The comma between a document's name and the place in it: `, ` in English, `，` in Chinese.
fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::ZhCn => "，",
    }
}

/// Short citations of sources, each once, joined by "; " (`；` in Chinese).
pub fn short_cites<'a>(sources: impl IntoIterator<Item = &'a Source>, lang: Lang) -> String {
    let mut seen: Vec<String> = Vec::new();
    for s in sources {
        let c = s.short(lang);
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.join(match lang {
        Lang::En => "; ",
        Lang::ZhCn => "；",
    })
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

    /// The folder of the project's documents as text (`000_*.txt` is `seed-000`):
    /// `$IVOCALC_SEEDS`, or `../shared/seeds` beside the repository.
    fn seeds_dir() -> std::path::PathBuf {
        std::env::var_os("IVOCALC_SEEDS")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| {
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
            })
    }

    fn held_document(id: &str) -> Option<String> {
        let number = id.strip_prefix("seed-")?;
        let entries = std::fs::read_dir(seeds_dir()).ok()?;
        entries
            .flatten()
            .find(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(&format!("{number}_"))
            })
            .and_then(|e| std::fs::read_to_string(e.path()).ok())
    }

    #[test]
    fn quotes_are_printed_in_their_documents() {
        if held_document("seed-000").is_none() {
            eprintln!(
                "SKIPPED: documents not found in {}; verbatim checks not run",
                seeds_dir().display()
            );
            return;
        }
        let mut quoted: Vec<&Source> = crate::dosing::dosing_data().sources();
        quoted.extend(
            crate::pk::sources()
                .values()
                .into_iter()
                .flat_map(|v| v.sources.iter()),
        );
        let mut checked = 0;
        for s in quoted {
            let (Some(text), Some(printed)) = (held_document(&s.document), &s.as_printed) else {
                continue;
            };
            // A table row is quoted with its cells joined by tabs.
            assert!(
                text.contains(printed.as_ref())
                    || printed.split('\t').all(|cell| text.contains(cell)),
                "{s:?}"
            );
            checked += 1;
        }
        assert!(checked > 60, "{checked}");
    }
}

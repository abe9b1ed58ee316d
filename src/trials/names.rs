//! Names of documents and places in them as readers know them ("Vallathol et al. 2025,
//! Clinical Trials of Ivonescimab, ref. 4"), in either language. Data ids never reach a reader.

use super::model::{Dataset, Source};
use crate::i18n::{translated, Lang};
use crate::tr;

impl Dataset {
    /// A document's name: the app's own name for the two reviews, the data's name otherwise.
    pub fn document_name(&self, id: &str, lang: Lang) -> String {
        let known = crate::sources::document_name(id);
        if known.en != "source" {
            return known.get(lang).to_string();
        }
        match self.document(id) {
            Some(d) => translated(&d.name, lang).to_string(),
            None => tr!("an unknown document", "未知文献").get(lang).to_string(),
        }
    }

    /// "Vallathol et al. 2025, Clinical Trials of Ivonescimab, ref. 4".
    pub fn source_text(&self, src: &Source, lang: Lang) -> String {
        let mut s = tr!("{document}, {place}", "{document}，{place}").fill(
            lang,
            &[
                ("document", &self.document_name(&src.document, lang)),
                ("place", translated(&src.location, lang)),
            ],
        );
        if !src.refs.is_empty() {
            let refs: Vec<String> = src.refs.iter().map(u32::to_string).collect();
            let between = match lang {
                Lang::En => ", ",
                Lang::ZhCn => "、",
            };
            s.push_str(
                &tr!(", ref. {refs}", "，参考文献 {refs}")
                    .fill(lang, &[("refs", &refs.join(between))]),
            );
        }
        s
    }
}

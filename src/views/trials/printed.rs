//! Words as a source prints them, kept in the source's language: their element carries `lang`
//! (correct HTML; screen readers switch voice), and in a Chinese page the data's translation
//! (`<field>_zh`), where it gives one, stands beside them as a gloss.

use crate::i18n::{translated, translation, Lang};
use yew::prelude::*;

/// Text with its line breaks kept as separate lines (cells of the reviews' tables).
pub fn lines(text: &str) -> Html {
    html! { { for text.lines().map(|l| html! { <span class="cell-line">{l.to_string()}</span> }) } }
}

/// The reader's translation of printed words, under them; nothing in English or where the data
/// gives none.
pub fn gloss(printed: &str, lang: Lang) -> Html {
    match translation(printed, lang) {
        Some(text) => html! { <span class="gloss" lang={lang.code()}>{lines(text)}</span> },
        None => html! {},
    }
}

/// A data text that is either ours, translated (a description of a document), or a source's
/// own words kept as printed (a bibliographic reference, a page's title or an outlet's name,
/// the same in both languages): the latter marked as English.
pub fn ours_or_printed(text: &str, lang: Lang) -> Html {
    let shown = translated(text, lang);
    if lang == Lang::ZhCn && shown != text {
        html! { {shown.to_string()} }
    } else {
        html! { <span lang="en">{text.to_string()}</span> }
    }
}

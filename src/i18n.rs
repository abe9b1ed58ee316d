//! The two languages of the app, English and Simplified Chinese.
//!
//! Every text a reader sees is written once per language beside the thing it describes, with
//! [`tr!`]: `tr!("Body weight", "体重")`. The English text is compiled into the app; the
//! Chinese one is not: `build.rs` collects the second argument of every `tr!` in `src/` (and
//! the `*_zh` fields of the data files) into a translation pack, a file the app loads when a
//! reader chooses Chinese (see [`Pack`]). So English readers download no Chinese strings.
//!
//! A text is found in the pack by [`key`], a hash of its English text, so the same English
//! text has one translation wherever it appears.
//!
//! Texts may hold named places, `{name}`, filled by [`fill`]; both languages must hold the
//! same places (a test checks every pair).
//!
//! Plain Rust: no UI or browser types.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A language of the page (link parameter `lang`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The link code and `<html lang>` value: `en` or `zh-CN`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// Reads a link code (`en`, `zh-CN`; case and `_` for `-` are forgiven).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "en" => Some(Lang::En),
            "zh-cn" => Some(Lang::ZhCn),
            _ => None,
        }
    }

    /// The first of the browser's preferred languages (`navigator.languages`) the app has:
    /// any `zh` but the traditional ones (`zh-TW`, `zh-HK`, `zh-Hant`) reads as Simplified
    /// Chinese, any `en` as English.
    pub fn preferred<'a>(languages: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        for tag in languages {
            let tag = tag.trim().to_ascii_lowercase();
            let primary = tag.split(['-', '_']).next().unwrap_or_default();
            match primary {
                "en" => return Some(Lang::En),
                "zh" => {
                    let traditional = ["zh-tw", "zh-hk", "zh-mo", "zh-hant"]
                        .iter()
                        .any(|t| tag.starts_with(t));
                    if !traditional || tag.contains("hans") {
                        return Some(Lang::ZhCn);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The language's own name, as its switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "中文",
        }
    }
}

/// A text a reader sees: its English words and the key of its translation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    pub key: u64,
    pub en: &'static str,
}

impl Text {
    /// A text whose English words are `en` (prefer [`tr!`], which also carries the Chinese).
    pub const fn new(en: &'static str) -> Text {
        Text { key: key(en), en }
    }

    /// The text in `lang`: the Chinese from the loaded pack, or the English while the pack is
    /// not loaded (or lacks the text, which a test forbids).
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::ZhCn => Pack::get(self.key).unwrap_or(self.en),
        }
    }

    /// The text in `lang` with its places filled.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.get(lang), args)
    }
}

/// A text of the data files (whose Chinese is the sibling field `<name>_zh`, put into the
/// pack by `build.rs`) in `lang`.
pub fn translated(en: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => en,
        Lang::ZhCn => Pack::get(key(en)).unwrap_or(en),
    }
}

/// The translation of a data text into `lang`, where the data gives one (`<field>_zh`); `None`
/// in English or where the text stays in its source's words (a title, a reference, a name).
pub fn translation(en: &str, lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::ZhCn => Pack::get(key(en)),
    }
}

/// The colon after a heading or a name: `: ` in English, `：` in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::ZhCn => "：",
    }
}

/// Words in parentheses: `(words)` in English, `（words）` in Chinese.
pub fn in_parentheses(words: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("({words})"),
        Lang::ZhCn => format!("（{words}）"),
    }
}

/// The full stop ending a sentence: `.` in English, `。` in Chinese.
pub fn full_stop(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ".",
        Lang::ZhCn => "。",
    }
}

/// `tr!("English", "中文")`: a [`Text`]. Both arguments must be plain string literals: the
/// build reads the Chinese from the source (`build.rs`), and the compiled app keeps only the
/// English and its key.
#[macro_export]
macro_rules! tr {
    ($en:literal, $zh:literal $(,)?) => {{
        const TEXT: $crate::i18n::Text = $crate::i18n::Text::new($en);
        TEXT
    }};
}

/// The key of a text: FNV-1a 64 of its English words (UTF-8).
pub const fn key(en: &str) -> u64 {
    let bytes = en.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// Replaces each `{name}` of `template` by its value in `args`; a place with no value stays as
/// written (a test checks that none is left).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of the places `{name}` in a text, in order.
pub fn places(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// The Chinese translation pack, loaded once when a reader first chooses Chinese.
///
/// Its file (`assets/zh-CN.<hash>.txt`, [`ZH_PACK_FILE`]) holds one line per text:
/// the key as 16 hex digits, a tab, the text with `\n`, `\t` and `\\` escaped.
pub struct Pack;

static PACK: OnceLock<HashMap<u64, &'static str>> = OnceLock::new();

impl Pack {
    /// Reads a pack file and makes it the one [`Text::get`] uses. Lines that do not read are
    /// skipped; returns how many texts were loaded (0 when a pack was already loaded).
    pub fn install(file: &str) -> usize {
        let map = Pack::parse(file);
        let count = map.len();
        match PACK.set(map) {
            Ok(()) => count,
            Err(_) => 0,
        }
    }

    /// Whether the pack is loaded.
    pub fn is_loaded() -> bool {
        PACK.get().is_some()
    }

    /// A text of the loaded pack.
    pub fn get(key: u64) -> Option<&'static str> {
        PACK.get().and_then(|map| map.get(&key).copied())
    }

    /// The texts of a pack file (kept for the app's lifetime, so leaked once).
    pub fn parse(file: &str) -> HashMap<u64, &'static str> {
        let mut map = HashMap::new();
        for line in file.lines() {
            let Some((hex, text)) = line.split_once('\t') else {
                continue;
            };
            let Ok(key) = u64::from_str_radix(hex, 16) else {
                continue;
            };
            let text: &'static str = Box::leak(unescape(text).into_boxed_str());
            map.insert(key, text);
        }
        map
    }
}

/// The pack's file name under the site's root, written by `build.rs`.
pub const ZH_PACK_FILE: &str = include!(concat!(env!("OUT_DIR"), "/zh_pack_file.rs"));

/// Escapes a text for one line of a pack file.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_preferences() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("ZH_cn"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::preferred(["fr-FR", "zh-CN", "en"]), Some(Lang::ZhCn));
        assert_eq!(Lang::preferred(["zh-TW", "en-GB"]), Some(Lang::En));
        assert_eq!(Lang::preferred(["zh-Hans-HK"]), Some(Lang::ZhCn));
        assert_eq!(Lang::preferred(["zh"]), Some(Lang::ZhCn));
        assert_eq!(Lang::preferred(["de", "fr"]), None);
    }

    #[test]
    fn fill_and_places() {
        let t = "Weight {kg} kg is outside {min}-{max} kg.";
        assert_eq!(places(t), vec!["kg", "min", "max"]);
        assert_eq!(
            fill(t, &[("kg", "30"), ("min", "31"), ("max", "155")]),
            "Weight 30 kg is outside 31-155 kg."
        );
        assert_eq!(fill("{a} and {b", &[("a", "x")]), "x and {b");
        assert_eq!(fill("{unknown}", &[]), "{unknown}");
    }

    #[test]
    fn keys_are_fnv1a() {
        // FNV-1a 64 of "" is the offset basis; of "a" is 0xaf63dc4c8601ec8c (published vector).
        assert_eq!(key(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(key("a"), 0xaf63_dc4c_8601_ec8c);
        let t = tr!("Body weight", "体重");
        assert_eq!(t.en, "Body weight");
        assert_eq!(t.key, key("Body weight"));
    }

    #[test]
    fn punctuation_follows_the_language() {
        assert_eq!(format!("Dose{}", colon(Lang::En)), "Dose: ");
        assert_eq!(format!("剂量{}", colon(Lang::ZhCn)), "剂量：");
        assert_eq!(in_parentheses("source", Lang::En), "(source)");
        assert_eq!(in_parentheses("来源", Lang::ZhCn), "（来源）");
        assert_eq!(full_stop(Lang::ZhCn), "。");
    }

    #[test]
    fn pack_lines_round_trip() {
        let text = "两行\n\t缩进 \\ 反斜杠";
        let file = format!("{:016x}\t{}\nbad line\nzz\tx\n", 42u64, escape(text));
        let map = Pack::parse(&file);
        assert_eq!(map.len(), 1);
        assert_eq!(map.get(&42).copied(), Some(text));
    }
}

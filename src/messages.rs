//! The one message type: what the app tells the reader about an input or a result.
//!
//! A [`Message`] is an error (an input that cannot be used), a request to confirm (a value
//! that is possible but unlikely), a warning (a valid input outside the evidence) or a note
//! (how a result was obtained). Each has a [`Code`] that knows its string in CONTRACT.md
//! (`data-code`), the link parameter it is about (`data-field`), its text in both languages
//! and the sources it rests on. Domains keep their own typed problems and turn them into
//! messages once, where they are found.
//!
//! Plain Rust: no UI or browser types.

use std::borrow::Cow;

use crate::i18n::{Lang, Text};
use crate::sources::Source;

/// How a message bears on the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The input cannot be used; what depends on it is not computed (`data-testid="error"`).
    Error,
    /// The value is possible but unlikely; what depends on it waits until the user confirms
    /// it on the page (`data-testid="confirm"`).
    Confirm,
    /// A valid input outside the evidence (`data-testid="warning"`).
    Warning,
    /// How a result was obtained (`data-testid="note"`).
    Note,
}

impl Severity {
    /// The `data-testid` of the element that shows it.
    pub fn testid(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Confirm => "confirm",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal : $severity:ident, )*) => {
        /// Every message the app can give, with its stable code (`data-code`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as CONTRACT.md and `data-code` write it.
            pub fn contract(self) -> &'static str {
                match self { $( Code::$variant => $code, )* }
            }

            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$severity, )* }
            }
        }
    };
}

codes! {
    // ---- Errors: an input that cannot be used ----
    /// Not a number.
    NotANumber = "not-a-number": Error,
    /// "1,000": a comma before exactly three digits may be a thousands separator.
    AmbiguousNumber = "ambiguous-number": Error,
    /// Not a whole number where only whole numbers make sense.
    NotWhole = "not-whole": Error,
    /// Zero or below where only a positive value makes sense.
    NotPositive = "not-positive": Error,
    /// Outside the usable range.
    OutOfRange = "out-of-range": Error,
    /// A code that is none of the choices.
    UnknownChoice = "unknown-choice": Error,
    /// A name the view does not have (JS API).
    UnknownInput = "unknown-input": Error,
    /// Half a vial presentation: content without concentration or the reverse.
    PresentationIncomplete = "presentation-incomplete": Error,
    /// The infusion does not end before the next dose.
    InfusionLongerThanInterval = "infusion-longer-than-interval": Error,
    /// Doses × interval beyond the longest simulation.
    SpanTooLong = "span-too-long": Error,
    /// A regimen to compare that cannot be read.
    BadRegimenList = "bad-regimen-list": Error,

    // ---- Confirm: possible but unlikely ----
    /// A value outside its plausible range.
    Implausible = "implausible": Confirm,
    /// Weight and height give a BMI no adult has (a unit mix-up).
    BmiImplausible = "bmi-implausible": Confirm,

    // ---- Warnings: valid input outside the evidence ----
    WeightOutsidePkRange = "weight-outside-pk-range": Warning,
    WeightMayBePounds = "weight-may-be-pounds": Warning,
    WeightMayBeKilograms = "weight-may-be-kilograms": Warning,
    DoseAboveMtd = "dose-above-mtd": Warning,
    DoseScheduleUntested = "dose-schedule-untested": Warning,
    FlatDoseUntested = "flat-dose-untested": Warning,
    RegimenDoseDiffers = "regimen-dose-differs": Warning,
    AgeUnder18 = "age-under-18": Warning,
    ScrBelowFloor = "scr-below-floor": Warning,
    RenalPemetrexed = "renal-pemetrexed": Warning,
    RenalCisplatin = "renal-cisplatin": Warning,
    RenalCarboplatin = "renal-carboplatin": Warning,
    OrderDiffers = "order-differs": Warning,

    // ---- Notes: how a result was obtained ----
    CrclWeight = "crcl-weight": Note,
    CalvertGfr = "calvert-gfr": Note,
    GfrCapApplied = "gfr-cap-applied": Note,
    /// Guidance that disagrees with the GFR cap.
    GfrCapDisagreement = "gfr-cap-disagreement": Note,
    ScrFloorApplied = "scr-floor-applied": Note,
    IbwBelow60In = "ibw-below-60-in": Note,
    AdjustedWeightOffered = "adjusted-weight-offered": Note,
    RegimenIvonescimabDoseNotStated = "regimen-ivonescimab-dose-not-stated": Note,
    RegimenIntervalNotStated = "regimen-interval-not-stated": Note,
    RoundedToWholeVials = "rounded-to-whole-vials": Note,
    AlreadyWholeVials = "already-whole-vials": Note,
    RoundingOutsideTolerance = "rounding-outside-tolerance": Note,
    PartnerDoseIgnored = "partner-dose-ignored": Note,
    PartnerAlternatives = "partner-alternatives": Note,
    PartnerDoseDiffersFromSource = "partner-dose-differs-from-source": Note,
    PartnerDoseNotInSources = "partner-dose-not-in-sources": Note,
    CarboplatinAucNotInSources = "carboplatin-auc-not-in-sources": Note,
    RenalCheckNotRun = "renal-check-not-run": Note,
    /// The ordered dose is the dose rounded to whole vials (within the order tolerance).
    OrderMatchesRounded = "order-matches-rounded": Note,
    Confirmed = "confirmed": Note,
    RegimenNotSimulated = "regimen-not-simulated": Note,
}

/// A value put into a message's text.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Written the same in every language (a number with its unit, an id).
    Plain(String),
    /// A text with its translation (a drug's name).
    Text(Text),
    /// A text with its own places filled.
    Filled(Text, Vec<(&'static str, Arg)>),
    /// A text of the data files (its Chinese is in the pack: `i18n::translated`).
    Data(String),
    /// Several values joined by "; ".
    Join(Vec<Arg>),
    /// Why a result is missing.
    Reason(crate::results::Reason),
}

impl Arg {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Plain(s) => s.clone(),
            Arg::Text(t) => t.get(lang).to_string(),
            Arg::Filled(t, args) => render(*t, args, lang),
            Arg::Data(s) => crate::i18n::translated(s, lang).to_string(),
            Arg::Reason(reason) => reason.text(lang),
            Arg::Join(items) => {
                let sep = if lang == Lang::ZhCn { "；" } else { "; " };
                items
                    .iter()
                    .map(|a| a.render(lang))
                    .collect::<Vec<_>>()
                    .join(sep)
            }
        }
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Plain(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Plain(s.to_string())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Text(t)
    }
}

fn render(text: Text, args: &[(&'static str, Arg)], lang: Lang) -> String {
    let rendered: Vec<(&str, String)> = args.iter().map(|(n, a)| (*n, a.render(lang))).collect();
    let pairs: Vec<(&str, &str)> = rendered.iter().map(|(n, v)| (*n, v.as_str())).collect();
    text.fill(lang, &pairs)
}

/// One message: its code, the input it is about, its text and its sources.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub code: Code,
    /// The link parameter it is about (`data-field`); `m2.gemcitabine` for a typed dose.
    pub field: Option<Cow<'static, str>>,
    pub text: Text,
    pub args: Vec<(&'static str, Arg)>,
    pub sources: Vec<&'static Source>,
}

impl Message {
    pub fn new(code: Code, text: Text) -> Message {
        Message {
            code,
            field: None,
            text,
            args: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// About the input named `field`.
    pub fn at(mut self, field: impl Into<Cow<'static, str>>) -> Message {
        self.field = Some(field.into());
        self
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    pub fn sources(mut self, sources: impl IntoIterator<Item = &'static Source>) -> Message {
        self.sources.extend(sources);
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Whether it is about the input `field`.
    pub fn is_at(&self, field: &str) -> bool {
        self.field.as_deref() == Some(field)
    }

    /// The text in `lang`, with its places filled.
    pub fn text(&self, lang: Lang) -> String {
        render(self.text, &self.args, lang)
    }

    /// Its sources, each once, as the reader sees them ("Vallathol et al. 2025, Dose and
    /// Administration; ...").
    pub fn cite(&self, lang: Lang) -> String {
        crate::sources::short_cites(self.sources.iter().copied(), lang)
    }
}

/// Messages of one kind.
pub fn of(messages: &[Message], severity: Severity) -> impl Iterator<Item = &Message> {
    messages.iter().filter(move |m| m.severity() == severity)
}

/// A message as the JS API returns it: code, field, English text, sources.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Plain {
    pub code: &'static str,
    pub severity: &'static str,
    pub field: Option<String>,
    pub message: String,
    pub sources: Vec<String>,
}

impl From<&Message> for Plain {
    fn from(m: &Message) -> Self {
        Plain {
            code: m.code.contract(),
            severity: m.severity().testid(),
            field: m.field.as_ref().map(|f| f.to_string()),
            message: m.text(Lang::En),
            sources: m.sources.iter().map(|s| s.cite(Lang::En)).collect(),
        }
    }
}

impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Plain::from(self).serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tr;

    #[test]
    fn codes_are_unique_kebab_case() {
        for (i, a) in Code::ALL.iter().enumerate() {
            let s = a.contract();
            assert!(s
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            for b in &Code::ALL[i + 1..] {
                assert_ne!(s, b.contract());
            }
        }
        // The codes CONTRACT.md names.
        for code in [
            "scr-below-floor",
            "renal-pemetrexed",
            "renal-cisplatin",
            "renal-carboplatin",
            "order-differs",
            "weight-outside-pk-range",
            "dose-above-mtd",
            "dose-schedule-untested",
        ] {
            assert!(Code::ALL.iter().any(|c| c.contract() == code), "{code}");
        }
    }

    #[test]
    fn text_fills_its_places_in_each_language() {
        let m = Message::new(
            Code::WeightOutsidePkRange,
            tr!("Weight {kg} is outside.", "体重 {kg} 超出范围。"),
        )
        .at("weight")
        .arg("kg", "30 kg");
        assert_eq!(m.text(Lang::En), "Weight 30 kg is outside.");
        assert_eq!(m.severity(), Severity::Warning);
        assert!(m.is_at("weight"));
        let plain = Plain::from(&m);
        assert_eq!(plain.code, "weight-outside-pk-range");
        assert_eq!(plain.field.as_deref(), Some("weight"));
    }
}

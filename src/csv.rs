//! CSV as the app writes it, for every download (trials list, PK curves and metrics).
//!
//! [RFC 4180](https://www.rfc-editor.org/rfc/rfc4180): fields separated by commas, records
//! ended by CRLF; a field holding a comma, a double quote, CR or LF is enclosed in double
//! quotes, and a double quote inside it is doubled.
//!
//! Spreadsheet formula injection: a spreadsheet opening the file reads a field that begins
//! with `=`, `+`, `-` or `@` (also tab and CR, and the full-width `＝＋－＠` some read the
//! same way) as a formula. Such a text field gets a leading apostrophe (`'=1+1`), which
//! spreadsheets show as text and programs can strip; a field that is a number as a whole
//! (`-0.5`, `1e-5`) is left as it is, so negative numbers stay numbers. (OWASP, "CSV
//! Injection".)
//!
//! Plain Rust: no UI or browser types.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a field as a formula when they begin it.
const FORMULA_STARTS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Whether a field is a finite number as a whole (Rust's float syntax: `-0.5`, `1e-5`).
fn is_number(value: &str) -> bool {
    crate::decimal::parse_decimal(value).is_some()
}

/// One field, quoted when it must be and neutralised when a spreadsheet would read it as a
/// formula (see the module's documentation).
pub fn field(value: &str) -> Cow<'_, str> {
    let neutralise = value.starts_with(FORMULA_STARTS) && !is_number(value);
    let quote = value.contains([',', '"', '\n', '\r']);
    if !neutralise && !quote {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 4);
    if quote {
        out.push('"');
    }
    if neutralise {
        out.push('\'');
    }
    if quote {
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
    Cow::Owned(out)
}

/// A CSV file being written, record by record.
#[derive(Clone, Debug, Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    /// Appends one record: its fields, each through [`field`], then CRLF.
    pub fn row<I, S>(&mut self, fields: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for (i, value) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.out.push_str(&field(value.as_ref()));
        }
        self.out.push_str("\r\n");
    }

    /// Appends an empty line (between the tables of a file that holds several).
    pub fn blank_line(&mut self) {
        self.out.push_str("\r\n");
    }

    /// The file's text.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field(""), "");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"NR\""), "\"say \"\"NR\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(field("µg/mL · 依沃西单抗"), "µg/mL · 依沃西单抗");
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("+1 555"), "'+1 555");
        assert_eq!(field("-2+3"), "'-2+3");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("＝1+1"), "'＝1+1");
        // Quoted as well when it must be: the apostrophe goes inside the quotes.
        assert_eq!(
            field("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(field("\r"), "\"'\r\"");
        // Numbers stay numbers; a formula character inside a field is harmless.
        for n in ["-0.5", "-12", "+3", "1e-5", "-1.5E+3", "0"] {
            assert_eq!(field(n), n);
        }
        assert_eq!(field("-inf"), "'-inf");
        assert_eq!(field("a=b"), "a=b");
        assert_eq!(field("10-20"), "10-20");
    }

    #[test]
    fn records_end_with_crlf() {
        let mut w = Writer::new();
        w.row(["id", "note"]);
        w.row(["1", "a, b"]);
        w.blank_line();
        w.row([String::from("x")]);
        assert_eq!(w.finish(), "id,note\r\n1,\"a, b\"\r\n\r\nx\r\n");
    }

    /// Reads one record of a file the writer wrote (RFC 4180), for the round trip.
    fn read_record(line: &str) -> Vec<String> {
        let mut fields = vec![String::new()];
        let mut chars = line.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            let last = fields.len() - 1;
            match (quoted, c) {
                (false, '"') => quoted = true,
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    fields[last].push('"');
                }
                (true, '"') => quoted = false,
                (false, ',') => fields.push(String::new()),
                (_, c) => fields[last].push(c),
            }
        }
        fields
    }

    proptest! {
        /// Any fields read back as written, but for the apostrophe before a formula.
        #[test]
        fn fields_read_back(values in proptest::collection::vec(".*", 1..5)) {
            let mut w = Writer::new();
            w.row(&values);
            let text = w.finish();
            prop_assert!(text.ends_with("\r\n"));
            let read = read_record(&text[..text.len() - 2]);
            prop_assert_eq!(read.len(), values.len());
            for (read, value) in read.iter().zip(&values) {
                let expected = if value.starts_with(FORMULA_STARTS) && !is_number(value) {
                    format!("'{value}")
                } else {
                    value.clone()
                };
                prop_assert_eq!(read, &expected);
            }
        }

        /// A field is quoted exactly when it holds a separator, a quote or a line break, so
        /// the record has as many separators outside quotes as it has fields, less one.
        #[test]
        fn quoting_keeps_records_apart(value in ".*") {
            let f = field(&value);
            let must_quote = value.contains([',', '"', '\n', '\r']);
            prop_assert_eq!(f.starts_with('"') && f.ends_with('"') && f.len() >= 2, must_quote);
            if !must_quote {
                prop_assert!(!f.contains([',', '"', '\n', '\r']));
            }
        }
    }
}

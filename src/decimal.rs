//! Decimal numbers written in Rust's float syntax, read without Rust's float parser in the
//! wasm.
//!
//! The standard library's parser carries a 20.8 KB table of powers of five (15 KB of the
//! site's gzip). In the browser the page's own JavaScript engine converts instead
//! (`parseFloat`, correctly rounded like Rust's parser); natively (tests, the build) Rust's
//! parser does. Either way the text is first checked against one grammar here, so both accept
//! exactly the same texts: an optional sign, digits with at most one point (`72.5`, `1.`,
//! `.5`) and an optional exponent (`1e3`, `2.5E-4`). `inf`, `NaN`, `0x10`, `1_000` and
//! spaces are refused, as is a value too large to be finite.
//!
//! Plain Rust but for the one call to the JS engine; used by the input reader
//! (`crate::inputs::number`), the trials data (`crate::trials::measure`), the CSV writer and
//! the dose scenario, and compiled into `build.rs` with the trials types.

/// `text` (no surrounding spaces) as a finite number, or `None`.
pub fn parse_decimal(text: &str) -> Option<f64> {
    if !is_decimal(text) {
        return None;
    }
    let value = convert(text);
    value.is_finite().then_some(value)
}

/// Whether `text` is, as a whole, `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
fn is_decimal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits_from = |start: usize| {
        bytes.get(start..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let mut at = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let whole = digits_from(at);
    at += whole;
    let mut fraction = 0;
    if bytes.get(at) == Some(&b'.') {
        fraction = digits_from(at + 1);
        at += 1 + fraction;
    }
    if whole + fraction == 0 {
        return false;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exponent = digits_from(at);
        if exponent == 0 {
            return false;
        }
        at += exponent;
    }
    at == bytes.len()
}

#[cfg(target_arch = "wasm32")]
fn convert(text: &str) -> f64 {
    js_sys::Number::parse_float(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn convert(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;
    use proptest::prelude::*;

    #[test]
    fn reads_the_forms_people_and_files_write() {
        // Values worked out by hand.
        assert_eq!(parse_decimal("72.5"), Some(72.5));
        assert_eq!(parse_decimal("+72.5"), Some(72.5));
        assert_eq!(parse_decimal("-0.5"), Some(-0.5));
        assert_eq!(parse_decimal("7.25e1"), Some(72.5));
        assert_eq!(parse_decimal("725E-1"), Some(72.5));
        assert_eq!(parse_decimal("1."), Some(1.0));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("1e+3"), Some(1000.0));
        assert_eq!(parse_decimal("0.1"), Some(0.1));
    }

    #[test]
    fn refuses_what_is_not_a_plain_decimal() {
        for text in [
            "",
            ".",
            "+",
            "-",
            "e3",
            "1e",
            "1e+",
            "1.2.3",
            "inf",
            "-infinity",
            "NaN",
            "0x10",
            "1_000",
            " 1",
            "1 ",
            "1,5",
            "1e400",
            "--1",
            "+-1",
            "1..",
            "١٢",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
    }

    proptest! {
        /// The grammar accepts exactly the texts Rust's parser reads as finite numbers, and
        /// gives their values.
        #[test]
        fn agrees_with_rusts_parser(text in "[-+0-9.eE_xinfaINFA ]{0,12}") {
            let rust = text.parse::<f64>().ok().filter(|v| v.is_finite());
            prop_assert_eq!(parse_decimal(&text).map(f64::to_bits), rust.map(f64::to_bits));
        }

        #[test]
        fn agrees_on_numbers_as_written(value in any::<f64>().prop_filter("finite", |v| v.is_finite())) {
            for text in [format!("{value}"), format!("{value:e}"), format!("{value:.3}")] {
                prop_assert_eq!(parse_decimal(&text).map(f64::to_bits), text.parse::<f64>().ok().map(f64::to_bits));
            }
        }
    }
}

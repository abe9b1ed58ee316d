//! The chart's look: series colours and dash patterns, the colours of the exported file, and
//! the size of its text. Series colours are Okabe-Ito (colour-blind safe), each with its own
//! dash pattern, so curves stay distinguishable in grey and print. In the page, shapes carry
//! classes (`s0`..`s3`, `grid`, `ref`...) and the stylesheet gives their colours, lighter ones
//! in dark mode; the exported file has no stylesheet and carries these colours.

/// Series colours on a light background (Okabe-Ito: blue, vermillion, bluish green, black).
/// The stylesheet swaps in the lighter Okabe-Ito colours for dark mode (classes `s0`..`s3`).
pub const SERIES_COLOURS: [&str; 4] = ["#0072B2", "#D55E00", "#009E73", "#000000"];
/// Dash pattern of each series (solid, long dash, dots, dash-dot).
pub const SERIES_DASHES: [&str; 4] = ["", "9 4", "2 3", "10 3 2 3"];
/// Colour of reference lines and their labels on a light background.
pub const REFERENCE_COLOUR: &str = "#4a5260";
/// Dash pattern of reference lines.
pub(super) const REFERENCE_DASH: &str = "5 4";
pub(super) const TEXT_COLOUR: &str = "#1a1d21";
pub(super) const GRID_COLOUR: &str = "#d5d9df";
pub(super) const AXIS_COLOUR: &str = "#4a5260";
/// Size of the chart's text, pixels.
pub(super) const FONT_PX: f64 = 12.0;
/// Height of a row of text, baseline to baseline.
pub(super) const LABEL_ROW_PX: f64 = 14.0;

/// The colour and dash index of a series or band style (styles beyond the four repeat).
pub(super) fn style_index(style: usize) -> usize {
    style % SERIES_COLOURS.len()
}

/// The class that colours a series in the page.
pub(super) fn series_class(style: usize) -> String {
    format!("s{}", style_index(style))
}

/// The width a text takes at [`FONT_PX`], estimated from its characters (the layout is
/// computed without a browser, for the exported file too): a Latin character about 0.58 em, a
/// Chinese one (and full-width punctuation) a whole em.
pub(super) fn text_width(text: &str) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FF60}' => 1.0,
            _ => 0.58,
        })
        .sum();
    ems * FONT_PX
}

#[cfg(test)]
mod tests {
    #[test]
    fn chinese_characters_are_wider_than_latin_ones() {
        let font = super::FONT_PX;
        assert!((super::text_width("Day") - 3.0 * 0.58 * font).abs() < 1e-9);
        assert!((super::text_width("天（输入）") - 5.0 * font).abs() < 1e-9);
    }
}

//! The drawing primitives a chart is made of (lines, paths, texts) and the pens that draw them.
//! A shape's `class` gives its colour in the page (so dark mode can change it); its explicit
//! colours are for the exported file.

use super::style::{
    series_class, style_index, AXIS_COLOUR, GRID_COLOUR, REFERENCE_COLOUR, REFERENCE_DASH,
    SERIES_COLOURS, SERIES_DASHES,
};
use std::fmt::Write as _;

/// A drawing primitive; `class` carries the colour in the page (dark mode), the explicit
/// colours are for the exported file.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        class: String,
        stroke: String,
        width: f64,
        dash: String,
    },
    Path {
        d: String,
        class: String,
        stroke: String,
        fill: String,
        width: f64,
        dash: String,
        opacity: f64,
    },
    Text {
        x: f64,
        y: f64,
        anchor: &'static str,
        class: String,
        text: String,
        /// Rotated -90 degrees about (x, y) (a y-axis label).
        vertical: bool,
    },
}

/// How a line is drawn: its class in the page, and its colour, width and dash pattern.
pub(super) struct Pen {
    class: String,
    stroke: &'static str,
    width: f64,
    dash: &'static str,
}

impl Pen {
    /// Grid lines.
    pub(super) fn grid() -> Pen {
        Pen {
            class: "grid".into(),
            stroke: GRID_COLOUR,
            width: 1.0,
            dash: "",
        }
    }

    /// The axis lines.
    pub(super) fn axis() -> Pen {
        Pen {
            class: "axis".into(),
            stroke: AXIS_COLOUR,
            width: 1.0,
            dash: "",
        }
    }

    /// Reference lines (and their legend keys).
    pub(super) fn reference() -> Pen {
        Pen {
            class: "ref".into(),
            stroke: REFERENCE_COLOUR,
            width: 1.2,
            dash: REFERENCE_DASH,
        }
    }

    /// A series' curve (and its legend key): its colour and dash pattern.
    pub(super) fn curve(style: usize) -> Pen {
        let style = style_index(style);
        Pen {
            class: format!("curve {}", series_class(style)),
            stroke: SERIES_COLOURS[style],
            width: 2.0,
            dash: SERIES_DASHES[style],
        }
    }

    /// A series' dose markers: its colour, solid.
    pub(super) fn marker(style: usize) -> Pen {
        let style = style_index(style);
        Pen {
            class: format!("marker {}", series_class(style)),
            stroke: SERIES_COLOURS[style],
            width: 2.0,
            dash: "",
        }
    }
}

impl Shape {
    /// A straight line from (x1, y1) to (x2, y2).
    pub(super) fn line(x1: f64, y1: f64, x2: f64, y2: f64, pen: Pen) -> Shape {
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            class: pen.class,
            stroke: pen.stroke.into(),
            width: pen.width,
            dash: pen.dash.into(),
        }
    }

    /// An open path (path data `d`) drawn with `pen`, not filled.
    pub(super) fn stroke(d: String, pen: Pen) -> Shape {
        Shape::Path {
            d,
            class: pen.class,
            stroke: pen.stroke.into(),
            fill: "none".into(),
            width: pen.width,
            dash: pen.dash.into(),
            opacity: 1.0,
        }
    }

    /// A shaded area (path data `d`) in a series' colour: lighter for the outer band, darker
    /// for the inner one.
    pub(super) fn band(d: String, style: usize, inner: bool) -> Shape {
        let style = style_index(style);
        Shape::Path {
            d,
            class: format!("band b{style}{}", if inner { " inner" } else { "" }),
            stroke: "none".into(),
            fill: SERIES_COLOURS[style].into(),
            width: 0.0,
            dash: String::new(),
            opacity: if inner { 0.32 } else { 0.16 },
        }
    }

    /// A horizontal text with its baseline at `y`, anchored at `x` (`start`, `middle`, `end`).
    pub(super) fn text(x: f64, y: f64, anchor: &'static str, class: &str, text: String) -> Shape {
        Shape::Text {
            x,
            y,
            anchor,
            class: class.into(),
            text,
            vertical: false,
        }
    }
}

/// Appends a point of path data, `x y` in tenths of a pixel.
pub(super) fn push_point(out: &mut String, x: f64, y: f64) {
    let _ = write!(out, "{:.1} {:.1}", x, y);
}

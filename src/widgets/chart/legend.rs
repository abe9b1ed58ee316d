//! The legend inside the drawing, above the plot: a key (line, shaded box or dashed line) and
//! a label for each series, band and reference line, flowing left to right in rows.

use super::data::ChartData;
use super::shape::{Pen, Shape};
use super::style::text_width;

enum Key {
    Series(usize),
    Band(usize, bool),
    Reference,
}

/// The legend's items placed in rows, and the height they take.
pub(super) struct Legend<'a> {
    /// Each item's key, label and the (x, baseline) of its place.
    items: Vec<(Key, &'a str, f64, f64)>,
    pub(super) height: f64,
}

/// Height of a legend row.
const ROW_PX: f64 = 18.0;

impl<'a> Legend<'a> {
    /// Places the items of `data` in rows across a drawing `width` pixels wide.
    pub(super) fn place(data: &'a ChartData, width: f64) -> Legend<'a> {
        let mut keys: Vec<(Key, &str)> = Vec::new();
        for s in &data.series {
            keys.push((Key::Series(s.style), &s.label));
        }
        for b in &data.bands {
            keys.push((Key::Band(b.style, b.inner), &b.label));
        }
        for r in &data.ref_lines {
            keys.push((Key::Reference, &r.label));
        }
        let mut items = Vec::new();
        let (mut lx, mut row) = (8.0, 0usize);
        for (key, label) in keys {
            let item = 30.0 + text_width(label) + 16.0;
            if lx + item > width - 8.0 && lx > 8.0 {
                lx = 8.0;
                row += 1;
            }
            items.push((key, label, lx, 14.0 + row as f64 * ROW_PX));
            lx += item;
        }
        let height = if items.is_empty() {
            0.0
        } else {
            (row + 1) as f64 * ROW_PX + 6.0
        };
        Legend { items, height }
    }

    /// The legend's shapes: each item's key, then its label.
    pub(super) fn draw(self, shapes: &mut Vec<Shape>) {
        for (key, label, lx, ly) in self.items {
            match key {
                Key::Series(style) => {
                    shapes.push(Shape::line(
                        lx,
                        ly - 4.0,
                        lx + 24.0,
                        ly - 4.0,
                        Pen::curve(style),
                    ));
                }
                Key::Band(style, inner) => shapes.push(Shape::band(
                    format!("M{lx:.1} {:.1}h24v10h-24Z", ly - 9.0),
                    style,
                    inner,
                )),
                Key::Reference => shapes.push(Shape::line(
                    lx,
                    ly - 4.0,
                    lx + 24.0,
                    ly - 4.0,
                    Pen::reference(),
                )),
            }
            shapes.push(Shape::text(
                lx + 30.0,
                ly,
                "start",
                "legend",
                label.to_string(),
            ));
        }
    }
}

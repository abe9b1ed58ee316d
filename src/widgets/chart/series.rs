//! The data drawn in the plot: bands (shaded ranges), reference lines with the labels that
//! have room, and curves with their dose markers.

use super::data::{Band, RefLine, Series};
use super::layout::PlotArea;
use super::shape::{push_point, Pen, Shape};
use super::style::{style_index, text_width, LABEL_ROW_PX};
use crate::widgets::scale::{LinearScale, Scale};

/// A polyline path; points that cannot be drawn (not finite, or not positive on a log axis)
/// break it.
fn line_path(xs: &[f64], ys: &[f64], x: &LinearScale, y: &Scale) -> String {
    let mut d = String::with_capacity(xs.len() * 14);
    let mut pen_down = false;
    for (&xv, &yv) in xs.iter().zip(ys) {
        let Some(py) = y.px(yv).filter(|_| xv.is_finite()) else {
            pen_down = false;
            continue;
        };
        // Clamp far-outside values so the path stays finite (log axis below the floor).
        let py = clamp_near_plot(py, y);
        d.push(if pen_down { 'L' } else { 'M' });
        push_point(&mut d, x.px(xv), py);
        pen_down = true;
    }
    d
}

/// A y pixel held to within 10 pixels of the plot (`y` runs from the bottom up).
fn clamp_near_plot(py: f64, y: &Scale) -> f64 {
    let (bottom, top) = y.range();
    py.clamp(top - 10.0, bottom + 10.0)
}

/// The closed outline of a band: along its upper edge, back along its lower edge.
fn band_path(band: &Band, x: &LinearScale, y: &Scale) -> String {
    let floor = if y.is_log() { y.domain().0 } else { 0.0 };
    // Values are finite here, held at or above a floor the scale can place.
    let clamp = |v: f64| clamp_near_plot(y.px(v.max(floor)).unwrap_or(y.range().0), y);
    let points: Vec<(f64, f64, f64)> = band
        .xs
        .iter()
        .zip(band.lower.iter().zip(&band.upper))
        .filter(|(xv, (lo, hi))| xv.is_finite() && lo.is_finite() && hi.is_finite())
        .map(|(&xv, (&lo, &hi))| (x.px(xv), clamp(lo), clamp(hi)))
        .collect();
    if points.len() < 2 {
        return String::new();
    }
    let mut d = String::with_capacity(points.len() * 28);
    for (i, (px, _, hi)) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        push_point(&mut d, *px, *hi);
    }
    for (px, lo, _) in points.iter().rev() {
        d.push('L');
        push_point(&mut d, *px, *lo);
    }
    d.push('Z');
    d
}

/// The bands, drawn first so the curves lie over them.
pub(super) fn bands(shapes: &mut Vec<Shape>, bands: &[Band], x: &LinearScale, y: &Scale) {
    for band in bands {
        shapes.push(Shape::band(band_path(band, x, y), band.style, band.inner));
    }
}

/// Reference lines, bottom up. The legend names each line with its value, so a line gets a
/// label in the plot only where the label has room: as wide as the plot at most, and a text
/// row clear of the label below it (lines closer than that share the lower one's label).
pub(super) fn reference_lines(
    shapes: &mut Vec<Shape>,
    lines: &[RefLine],
    plot: &PlotArea,
    y: &Scale,
) {
    let mut last_label_y = f64::INFINITY;
    let mut refs: Vec<&RefLine> = lines.iter().collect();
    crate::sort::sort_by(&mut refs, |a, b| a.y.total_cmp(&b.y));
    let (lo, hi) = y.domain();
    for r in refs {
        let Some(py) = y.px(r.y).filter(|_| r.y >= lo.min(hi) && r.y <= hi.max(lo)) else {
            continue;
        };
        shapes.push(Shape::line(plot.left, py, plot.right, py, Pen::reference()));
        let label_y = py - 4.0;
        let clear_below = last_label_y - label_y >= LABEL_ROW_PX;
        let fits = text_width(&r.label) <= plot.right - plot.left - 8.0;
        if clear_below && fits {
            last_label_y = label_y;
            shapes.push(Shape::text(
                plot.right - 4.0,
                label_y,
                "end",
                "ref-label",
                r.label.clone(),
            ));
        }
    }
}

/// Each curve, then its dose markers: short ticks along the top of the plot, one row per
/// style so the markers of different regimens do not cover each other.
pub(super) fn curves(
    shapes: &mut Vec<Shape>,
    series: &[Series],
    plot: &PlotArea,
    x: &LinearScale,
    y: &Scale,
) {
    for s in series {
        shapes.push(Shape::stroke(
            line_path(&s.xs, &s.ys, x, y),
            Pen::curve(s.style),
        ));
        let top = plot.top + style_index(s.style) as f64 * 7.0;
        let mut d = String::new();
        for &m in &s.markers {
            if m.is_finite() && m >= x.domain.0 && m <= x.domain.1 {
                d.push('M');
                push_point(&mut d, x.px(m), top);
                d.push('v');
                d.push('6');
            }
        }
        if !d.is_empty() {
            shapes.push(Shape::stroke(d, Pen::marker(s.style)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_break_where_a_point_cannot_be_drawn() {
        // x 0..10 → 0..100 px, y 0..10 → 200..0 px.
        let x = LinearScale::new((0.0, 10.0), (0.0, 100.0));
        let y = Scale::new((0.0, 10.0), (200.0, 0.0), false);
        let d = line_path(&[0.0, 5.0, 6.0, 10.0], &[0.0, 5.0, f64::NAN, 10.0], &x, &y);
        assert_eq!(d, "M0.0 200.0L50.0 100.0M100.0 0.0");
        // A far-outside value is held 10 px beyond the plot: 30 → −400 px → −10.
        assert_eq!(line_path(&[1.0], &[30.0], &x, &y), "M10.0 -10.0");
        let band = Band {
            label: String::new(),
            xs: vec![0.0, 10.0],
            lower: vec![1.0, 2.0],
            upper: vec![3.0, 4.0],
            style: 0,
            inner: false,
        };
        // Upper edge 3 → 140, 4 → 120; back along the lower edge 2 → 160, 1 → 180.
        assert_eq!(
            band_path(&band, &x, &y),
            "M0.0 140.0L100.0 120.0L100.0 160.0L0.0 180.0Z"
        );
    }
}

//! Lays a chart out: the legend's rows on top, the plot area under them, the domains and
//! scales of both axes, the grid, ticks and axis titles; then the data drawn over them
//! ([`super::series`]) and the legend ([`super::legend`]). The result is a list of [`Shape`]s,
//! computed once for the page and for the exported file alike. Ticks and their labels come
//! from [`crate::widgets::scale`].

use super::data::ChartData;
use super::legend::Legend;
use super::series;
use super::shape::{Pen, Shape};
use crate::widgets::scale::{linear_ticks, nice_step, tick_label, LinearScale, Scale};

/// The plot area, pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotArea {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

/// The shapes of a chart and its scales (for the readout).
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub plot: PlotArea,
    pub x: LinearScale,
    pub y: Scale,
    pub shapes: Vec<Shape>,
}

fn finite_max(values: impl Iterator<Item = f64>) -> Option<f64> {
    values.filter(|v| v.is_finite()).reduce(f64::max)
}

fn positive_min(values: impl Iterator<Item = f64>) -> Option<f64> {
    values
        .filter(|v| v.is_finite() && *v > 0.0)
        .reduce(f64::min)
}

fn all_y(data: &ChartData) -> impl Iterator<Item = f64> + '_ {
    data.series
        .iter()
        .flat_map(|s| s.ys.iter().copied())
        .chain(data.bands.iter().flat_map(|b| b.upper.iter().copied()))
        .chain(data.ref_lines.iter().map(|r| r.y))
}

/// The y domain: from 0 to a nice value above the data (linear), or whole decades around the
/// positive data, at most five decades below the top (log).
pub fn y_domain(data: &ChartData) -> (f64, f64) {
    let max = finite_max(all_y(data))
        .unwrap_or(1.0)
        .max(f64::MIN_POSITIVE);
    if data.log_y {
        let floor = max * 1e-5;
        let min = positive_min(
            all_y(data).chain(data.bands.iter().flat_map(|b| b.lower.iter().copied())),
        )
        .unwrap_or(floor)
        .max(floor);
        let lo = 10f64.powf(min.log10().floor());
        let mut hi = 10f64.powf(max.log10().ceil());
        if hi <= lo {
            hi = lo * 10.0;
        }
        (lo, hi)
    } else {
        let step = nice_step(max, 5);
        ((0.0), ((max / step).ceil() * step).max(step))
    }
}

/// The x domain: from the smallest to the largest x.
pub fn x_domain(data: &ChartData) -> (f64, f64) {
    let xs = || data.series.iter().flat_map(|s| s.xs.iter().copied());
    let lo = xs()
        .filter(|v| v.is_finite())
        .reduce(f64::min)
        .unwrap_or(0.0);
    let hi = finite_max(xs()).unwrap_or(1.0);
    if hi > lo {
        (lo, hi)
    } else {
        (lo, lo + 1.0)
    }
}

/// Drawing height (without legend) for a drawing `width` pixels wide.
pub fn plot_height_for(width: f64) -> f64 {
    (width * 0.55).clamp(260.0, 420.0)
}

/// Lays a chart out in a `width` x `plot_height` drawing (the legend adds its rows on top).
pub fn layout(data: &ChartData, width: f64, plot_height: f64) -> Layout {
    let width = width.max(200.0);
    let legend = Legend::place(data, width);
    let legend_height = legend.height;
    let plot = PlotArea {
        left: 58.0,
        top: legend_height + 10.0,
        right: width - 14.0,
        bottom: legend_height + plot_height - 42.0,
    };
    let height = legend_height + plot_height;
    let x = LinearScale::new(x_domain(data), (plot.left, plot.right));
    let y = Scale::new(y_domain(data), (plot.bottom, plot.top), data.log_y);
    let mut shapes = Vec::new();
    axes(&mut shapes, data, &plot, &x, &y);
    series::bands(&mut shapes, &data.bands, &x, &y);
    series::reference_lines(&mut shapes, &data.ref_lines, &plot, &y);
    series::curves(&mut shapes, &data.series, &plot, &x, &y);
    legend.draw(&mut shapes);
    Layout {
        width,
        height,
        plot,
        x,
        y,
        shapes,
    }
}

/// Grid lines with their tick labels (y, then x), the two axis lines and the axis titles.
fn axes(shapes: &mut Vec<Shape>, data: &ChartData, plot: &PlotArea, x: &LinearScale, y: &Scale) {
    for v in y.ticks(5) {
        let Some(py) = y.px(v) else { continue };
        shapes.push(Shape::line(plot.left, py, plot.right, py, Pen::grid()));
        shapes.push(Shape::text(
            plot.left - 6.0,
            py + 4.0,
            "end",
            "tick",
            tick_label(v),
        ));
    }
    let x_target = ((plot.right - plot.left) / 70.0).floor().max(2.0) as usize;
    for v in linear_ticks(x.domain.0, x.domain.1, x_target) {
        let px = x.px(v);
        shapes.push(Shape::line(px, plot.top, px, plot.bottom, Pen::grid()));
        shapes.push(Shape::text(
            px,
            plot.bottom + 16.0,
            "middle",
            "tick",
            tick_label(v),
        ));
    }
    shapes.push(Shape::line(
        plot.left,
        plot.bottom,
        plot.right,
        plot.bottom,
        Pen::axis(),
    ));
    shapes.push(Shape::line(
        plot.left,
        plot.top,
        plot.left,
        plot.bottom,
        Pen::axis(),
    ));
    shapes.push(Shape::text(
        (plot.left + plot.right) / 2.0,
        plot.bottom + 34.0,
        "middle",
        "axis-label",
        data.x_label.clone(),
    ));
    shapes.push(Shape::Text {
        x: 14.0,
        y: (plot.top + plot.bottom) / 2.0,
        anchor: "middle",
        class: "axis-label".into(),
        text: data.y_label.clone(),
        vertical: true,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widgets::chart::data::{sample, RefLine};

    #[test]
    fn domains_fit_the_data() {
        assert_eq!(y_domain(&sample(false)), (0.0, 100.0));
        assert_eq!(y_domain(&sample(true)), (1.0, 100.0));
        assert_eq!(x_domain(&sample(false)), (0.0, 2.0));
    }

    /// The in-plot reference labels of a layout, top to bottom, with their baselines.
    fn ref_labels(l: &Layout) -> Vec<(f64, &str)> {
        let mut out: Vec<(f64, &str)> = l
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { y, class, text, .. } if class == "ref-label" => {
                    Some((*y, text.as_str()))
                }
                _ => None,
            })
            .collect();
        crate::sort::sort_by(&mut out, |a, b| a.0.total_cmp(&b.0));
        out
    }

    fn with_refs(refs: &[(&str, f64)]) -> ChartData {
        ChartData {
            ref_lines: refs
                .iter()
                .map(|(label, y)| RefLine {
                    label: label.to_string(),
                    y: *y,
                })
                .collect(),
            ..sample(false)
        }
    }

    #[test]
    fn reference_labels_only_where_they_have_room() {
        // 600 x 300 with one legend row (24 px): plot from y 34 to 24 + 300 − 42 = 282, so
        // 248 px for 0..100 µg/mL, 2.48 px per µg/mL; labels sit 4 px above their line.
        let l = layout(&with_refs(&[("A", 4.5), ("B", 20.0)]), 600.0, 300.0);
        assert_eq!(l.plot.top, 34.0);
        assert_eq!(l.plot.bottom, 282.0);
        // 4.5 → 282 − 11.16 = 270.84; 20 → 282 − 49.6 = 232.4 (38.4 px apart: both labelled)
        let labels = ref_labels(&l);
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[0].1, "B");
        assert!((labels[0].0 - 228.4).abs() < 1e-9);
        assert_eq!(labels[1].1, "A");
        assert!((labels[1].0 - 266.84).abs() < 1e-9);
        // 4.5 and 10: 5.5 × 2.48 = 13.64 px apart, less than a 14 px text row: only the lower
        // line's label, at its own line; both lines are drawn and both named in the legend.
        let l = layout(&with_refs(&[("B", 10.0), ("A", 4.5)]), 600.0, 300.0);
        assert_eq!(ref_labels(&l), vec![(266.84, "A")]);
        let count = |class: &str| {
            l.shapes
                .iter()
                .filter(|s| matches!(s, Shape::Line { class: c, .. } | Shape::Text { class: c, .. } if c == class))
                .count()
        };
        assert_eq!(count("ref"), 2 + 2, "two lines and their legend keys");
        assert_eq!(count("legend"), 2 + 2, "two series and two reference lines");
        // A third line clear of the lowest label gets its own (measured from the label drawn).
        let l = layout(
            &with_refs(&[("A", 4.5), ("B", 5.0), ("C", 20.0)]),
            600.0,
            300.0,
        );
        let names: Vec<&str> = ref_labels(&l).iter().map(|(_, t)| *t).collect();
        assert_eq!(names, vec!["C", "A"]);
        // A label wider than the plot is left to the legend: 80 characters × 12 px × 0.58 =
        // 556.8 px, more than the 600 − 58 − 14 − 8 = 520 px it may take; at 1200 px it fits.
        let long = "x".repeat(80);
        assert!(ref_labels(&layout(&with_refs(&[(&long, 20.0)]), 600.0, 300.0)).is_empty());
        assert_eq!(
            ref_labels(&layout(&with_refs(&[(&long, 20.0)]), 1200.0, 300.0)).len(),
            1
        );
    }

    #[test]
    fn log_axis_breaks_the_line_at_zero() {
        let l = layout(&sample(true), 600.0, 300.0);
        let curves: Vec<&String> = l
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Path { d, class, .. } if class.starts_with("curve") => Some(d),
                _ => None,
            })
            .collect();
        assert_eq!(curves.len(), 2);
        assert_eq!(curves[0].matches('M').count(), 1); // the zero at t=0 is skipped
    }
}

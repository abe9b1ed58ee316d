//! A line chart drawn as SVG from the data (no chart library): linear or logarithmic y axis,
//! shaded bands, markers (dose times), horizontal reference lines, a legend inside the drawing,
//! and a readout of x and y that follows the pointer, touch or the arrow keys.
//!
//! [`layout`] turns [`ChartData`] into [`Shape`]s once; the component renders them into the
//! page and [`to_svg_string`] into a standalone SVG file (explicit light colours, white
//! background) for export. Series colours are Okabe-Ito (colour-blind safe), each with its own
//! dash pattern, so curves stay distinguishable in grey and print. Axes, ticks and tick labels
//! come from [`crate::widgets::scale`].

use crate::format::significant as format_significant;
use crate::widgets::scale::{linear_ticks, nice_step, tick_label, LinearScale, Scale};
use std::fmt::Write as _;
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::{VTag, VText};

/// Series colours on a light background (Okabe-Ito: blue, vermillion, bluish green, black).
/// The stylesheet swaps in the lighter Okabe-Ito colours for dark mode (classes `s0`..`s3`).
pub const SERIES_COLOURS: [&str; 4] = ["#0072B2", "#D55E00", "#009E73", "#000000"];
/// Dash pattern of each series (solid, long dash, dots, dash-dot).
pub const SERIES_DASHES: [&str; 4] = ["", "9 4", "2 3", "10 3 2 3"];
/// Colour of reference lines and their labels on a light background.
pub const REFERENCE_COLOUR: &str = "#4a5260";
const TEXT_COLOUR: &str = "#1a1d21";
const GRID_COLOUR: &str = "#d5d9df";
const AXIS_COLOUR: &str = "#4a5260";
const FONT_PX: f64 = 12.0;
/// Height of a row of text, baseline to baseline.
const LABEL_ROW_PX: f64 = 14.0;

/// One curve: x and y of equal length; non-finite y (or y <= 0 on a log axis) breaks the line.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// Colour and dash index, 0 to 3.
    pub style: usize,
    /// x positions drawn as short ticks along the top of the plot (dose times).
    pub markers: Vec<f64>,
}

/// A shaded range between `lower` and `upper` at each x.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub label: String,
    pub xs: Vec<f64>,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
    /// Colour index of the series it belongs to.
    pub style: usize,
    /// The inner (darker) band.
    pub inner: bool,
}

/// A horizontal line at `y`, labelled.
#[derive(Clone, Debug, PartialEq)]
pub struct RefLine {
    pub label: String,
    pub y: f64,
}

/// Everything a chart shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartData {
    /// Accessible name and exported file's title.
    pub title: String,
    pub x_label: String,
    /// The x unit's name in the readout ("Day", "Week").
    pub x_name: String,
    pub y_label: String,
    /// The y unit in the readout ("µg/mL").
    pub y_unit: String,
    pub series: Vec<Series>,
    pub bands: Vec<Band>,
    pub ref_lines: Vec<RefLine>,
    pub log_y: bool,
}

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

fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * FONT_PX * 0.58
}

fn series_class(style: usize) -> String {
    format!("s{}", style % SERIES_COLOURS.len())
}

fn fmt_px(out: &mut String, x: f64, y: f64) {
    let _ = write!(out, "{:.1} {:.1}", x, y);
}

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
        fmt_px(&mut d, x.px(xv), py);
        pen_down = true;
    }
    d
}

/// A y pixel held to within 10 pixels of the plot (`y` runs from the bottom up).
fn clamp_near_plot(py: f64, y: &Scale) -> f64 {
    let (bottom, top) = y.range();
    py.clamp(top - 10.0, bottom + 10.0)
}

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
        fmt_px(&mut d, *px, *hi);
    }
    for (px, lo, _) in points.iter().rev() {
        d.push('L');
        fmt_px(&mut d, *px, *lo);
    }
    d.push('Z');
    d
}

enum LegendKey {
    Series(usize),
    Band(usize, bool),
    Reference,
}

/// Lays a chart out in a `width` x `plot_height` drawing (the legend adds its rows on top).
pub fn layout(data: &ChartData, width: f64, plot_height: f64) -> Layout {
    let width = width.max(200.0);
    // Legend rows, flowing left to right.
    let mut legend: Vec<(LegendKey, &str)> = Vec::new();
    for s in &data.series {
        legend.push((LegendKey::Series(s.style), &s.label));
    }
    for b in &data.bands {
        legend.push((LegendKey::Band(b.style, b.inner), &b.label));
    }
    for r in &data.ref_lines {
        legend.push((LegendKey::Reference, &r.label));
    }
    let row_height = 18.0;
    let mut placed = Vec::new();
    let (mut lx, mut row) = (8.0, 0usize);
    for (key, label) in legend {
        let item = 30.0 + text_width(label) + 16.0;
        if lx + item > width - 8.0 && lx > 8.0 {
            lx = 8.0;
            row += 1;
        }
        placed.push((key, label, lx, 14.0 + row as f64 * row_height));
        lx += item;
    }
    let legend_height = if placed.is_empty() {
        0.0
    } else {
        (row + 1) as f64 * row_height + 6.0
    };
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
    let line = |x1, y1, x2, y2, class: &str, stroke: &str, width: f64, dash: &str| Shape::Line {
        x1,
        y1,
        x2,
        y2,
        class: class.into(),
        stroke: stroke.into(),
        width,
        dash: dash.into(),
    };
    let text = |x, y, anchor, class: &str, text: String| Shape::Text {
        x,
        y,
        anchor,
        class: class.into(),
        text,
        vertical: false,
    };
    // Grid and ticks.
    for v in y.ticks(5) {
        let Some(py) = y.px(v) else { continue };
        shapes.push(line(
            plot.left,
            py,
            plot.right,
            py,
            "grid",
            GRID_COLOUR,
            1.0,
            "",
        ));
        shapes.push(text(
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
        shapes.push(line(
            px,
            plot.top,
            px,
            plot.bottom,
            "grid",
            GRID_COLOUR,
            1.0,
            "",
        ));
        shapes.push(text(
            px,
            plot.bottom + 16.0,
            "middle",
            "tick",
            tick_label(v),
        ));
    }
    shapes.push(line(
        plot.left,
        plot.bottom,
        plot.right,
        plot.bottom,
        "axis",
        AXIS_COLOUR,
        1.0,
        "",
    ));
    shapes.push(line(
        plot.left,
        plot.top,
        plot.left,
        plot.bottom,
        "axis",
        AXIS_COLOUR,
        1.0,
        "",
    ));
    shapes.push(text(
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
    // Bands under the curves.
    for band in &data.bands {
        let style = band.style % SERIES_COLOURS.len();
        shapes.push(Shape::Path {
            d: band_path(band, &x, &y),
            class: format!("band b{style}{}", if band.inner { " inner" } else { "" }),
            stroke: "none".into(),
            fill: SERIES_COLOURS[style].into(),
            width: 0.0,
            dash: String::new(),
            opacity: if band.inner { 0.32 } else { 0.16 },
        });
    }
    // Reference lines, bottom up. The legend names each line with its value, so a line gets a
    // label in the plot only where the label has room: as wide as the plot at most, and a text
    // row clear of the label below it (lines closer than that share the lower one's label).
    let mut last_label_y = f64::INFINITY;
    let mut refs: Vec<&RefLine> = data.ref_lines.iter().collect();
    refs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let (lo, hi) = y.domain();
    for r in refs {
        let Some(py) = y.px(r.y).filter(|_| r.y >= lo.min(hi) && r.y <= hi.max(lo)) else {
            continue;
        };
        shapes.push(line(
            plot.left,
            py,
            plot.right,
            py,
            "ref",
            REFERENCE_COLOUR,
            1.2,
            "5 4",
        ));
        let label_y = py - 4.0;
        let clear_below = last_label_y - label_y >= LABEL_ROW_PX;
        let fits = text_width(&r.label) <= plot.right - plot.left - 8.0;
        if clear_below && fits {
            last_label_y = label_y;
            shapes.push(text(
                plot.right - 4.0,
                label_y,
                "end",
                "ref-label",
                r.label.clone(),
            ));
        }
    }
    // Curves and their dose markers.
    for s in &data.series {
        let style = s.style % SERIES_COLOURS.len();
        shapes.push(Shape::Path {
            d: line_path(&s.xs, &s.ys, &x, &y),
            class: format!("curve {}", series_class(style)),
            stroke: SERIES_COLOURS[style].into(),
            fill: "none".into(),
            width: 2.0,
            dash: SERIES_DASHES[style].into(),
            opacity: 1.0,
        });
        let top = plot.top + style as f64 * 7.0;
        let mut d = String::new();
        for &m in &s.markers {
            if m.is_finite() && m >= x.domain.0 && m <= x.domain.1 {
                d.push('M');
                fmt_px(&mut d, x.px(m), top);
                d.push('v');
                d.push('6');
            }
        }
        if !d.is_empty() {
            shapes.push(Shape::Path {
                d,
                class: format!("marker {}", series_class(style)),
                stroke: SERIES_COLOURS[style].into(),
                fill: "none".into(),
                width: 2.0,
                dash: String::new(),
                opacity: 1.0,
            });
        }
    }
    // Legend.
    for (key, label, lx, ly) in placed {
        match key {
            LegendKey::Series(style) => {
                let style = style % SERIES_COLOURS.len();
                shapes.push(line(
                    lx,
                    ly - 4.0,
                    lx + 24.0,
                    ly - 4.0,
                    &format!("curve {}", series_class(style)),
                    SERIES_COLOURS[style],
                    2.0,
                    SERIES_DASHES[style],
                ));
            }
            LegendKey::Band(style, inner) => {
                let style = style % SERIES_COLOURS.len();
                shapes.push(Shape::Path {
                    d: format!("M{lx:.1} {:.1}h24v10h-24Z", ly - 9.0),
                    class: format!("band b{style}{}", if inner { " inner" } else { "" }),
                    stroke: "none".into(),
                    fill: SERIES_COLOURS[style].into(),
                    width: 0.0,
                    dash: String::new(),
                    opacity: if inner { 0.32 } else { 0.16 },
                });
            }
            LegendKey::Reference => shapes.push(line(
                lx,
                ly - 4.0,
                lx + 24.0,
                ly - 4.0,
                "ref",
                REFERENCE_COLOUR,
                1.2,
                "5 4",
            )),
        }
        shapes.push(text(lx + 30.0, ly, "start", "legend", label.to_string()));
    }
    Layout {
        width,
        height,
        plot,
        x,
        y,
        shapes,
    }
}

/// y of a series at x, linear between its neighbouring points; None outside its x range.
pub fn value_at(xs: &[f64], ys: &[f64], x: f64) -> Option<f64> {
    let n = xs.len().min(ys.len());
    if n == 0 || !x.is_finite() || x < xs[0] || x > xs[n - 1] {
        return None;
    }
    let i = xs[..n].partition_point(|&v| v < x);
    if i == 0 {
        return Some(ys[0]);
    }
    let (x0, x1, y0, y1) = (xs[i - 1], xs[i.min(n - 1)], ys[i - 1], ys[i.min(n - 1)]);
    if x1 <= x0 {
        return Some(y1);
    }
    Some(y0 + (y1 - y0) * (x - x0) / (x1 - x0))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SVG element of a shape: its tag, its attributes in order, and its text. One description
/// serves the page and the exported file; `explicit_text_fill` gives text the colour the file
/// needs (it has no stylesheet).
fn svg_element(
    shape: &Shape,
    explicit_text_fill: bool,
) -> (&'static str, Vec<(&'static str, String)>, Option<&str>) {
    let dash = |dash: &String| (!dash.is_empty()).then(|| ("stroke-dasharray", dash.clone()));
    match shape {
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            class,
            stroke,
            width,
            dash: pattern,
        } => {
            let mut attrs = vec![
                ("x1", format!("{x1:.1}")),
                ("y1", format!("{y1:.1}")),
                ("x2", format!("{x2:.1}")),
                ("y2", format!("{y2:.1}")),
                ("class", class.clone()),
                ("stroke", stroke.clone()),
                ("stroke-width", width.to_string()),
            ];
            attrs.extend(dash(pattern));
            ("line", attrs, None)
        }
        Shape::Path {
            d,
            class,
            stroke,
            fill,
            width,
            dash: pattern,
            opacity,
        } => {
            let mut attrs = vec![
                ("d", d.clone()),
                ("class", class.clone()),
                ("stroke", stroke.clone()),
                ("fill", fill.clone()),
                ("stroke-width", width.to_string()),
                ("opacity", opacity.to_string()),
                ("stroke-linejoin", "round".to_string()),
            ];
            attrs.extend(dash(pattern));
            ("path", attrs, None)
        }
        Shape::Text {
            x,
            y,
            anchor,
            class,
            text,
            vertical,
        } => {
            let mut attrs = vec![
                ("x", format!("{x:.1}")),
                ("y", format!("{y:.1}")),
                ("text-anchor", anchor.to_string()),
                ("class", class.clone()),
            ];
            if explicit_text_fill {
                let fill = if class == "ref-label" {
                    REFERENCE_COLOUR
                } else {
                    TEXT_COLOUR
                };
                attrs.push(("fill", fill.to_string()));
            }
            if *vertical {
                attrs.push(("transform", format!("rotate(-90 {x:.1} {y:.1})")));
            }
            ("text", attrs, Some(text.as_str()))
        }
    }
}

/// A standalone SVG file of the chart: explicit colours on a white background.
pub fn to_svg_string(data: &ChartData, width: f64, plot_height: f64) -> String {
    let l = layout(data, width, plot_height);
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="{FONT_PX}"><title>{t}</title><rect width="100%" height="100%" fill="#ffffff"/>"##,
        w = l.width,
        h = l.height,
        t = escape(&data.title)
    );
    for shape in &l.shapes {
        let (tag, attrs, text) = svg_element(shape, true);
        out.push('<');
        out.push_str(tag);
        for (name, value) in attrs {
            let _ = write!(out, r#" {name}="{}""#, escape(&value));
        }
        match text {
            Some(text) => {
                let _ = write!(out, ">{}</{tag}>", escape(text));
            }
            None => out.push_str("/>"),
        }
    }
    out.push_str("</svg>\n");
    out
}

fn shape_html(shape: &Shape) -> Html {
    let (tag, attrs, text) = svg_element(shape, false);
    let mut element = VTag::new(tag);
    for (name, value) in attrs {
        element.add_attribute(name, value);
    }
    if let Some(text) = text {
        element.add_child(VText::new(text.to_string()).into());
    }
    element.into()
}

/// Drawing height (without legend) for a drawing `width` pixels wide.
pub fn plot_height_for(width: f64) -> f64 {
    (width * 0.55).clamp(260.0, 420.0)
}

#[derive(Properties, PartialEq)]
pub struct LineChartProps {
    pub data: Rc<ChartData>,
    /// id of the SVG element.
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// The chart in the page: it measures its own width so text stays at its real size, and keeps a
/// readout of the point under the pointer (or chosen with the arrow keys).
#[function_component]
pub fn LineChart(props: &LineChartProps) -> Html {
    let wrapper = use_node_ref();
    let svg_ref = use_node_ref();
    let width = use_state(|| 720.0_f64);
    let cursor = use_state(|| None::<f64>);
    {
        let wrapper = wrapper.clone();
        let width = width.clone();
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(element) = wrapper.cast::<web_sys::Element>() {
                    let w = f64::from(element.client_width());
                    if w > 0.0 {
                        width.set(w);
                    }
                }
            };
            measure();
            let listener = crate::browser::on_window_resize(measure);
            move || drop(listener)
        });
    }
    let data = &props.data;
    let layout = layout(data, *width, plot_height_for(*width));
    let x_scale = layout.x;
    let plot = layout.plot;
    let to_x = {
        let svg_ref = svg_ref.clone();
        move |client_x: i32| -> Option<f64> {
            let svg = svg_ref.cast::<web_sys::Element>()?;
            let rect = svg.get_bounding_client_rect();
            if rect.width() <= 0.0 {
                return None;
            }
            let px = (f64::from(client_x) - rect.left()) * layout.width / rect.width();
            let px = px.clamp(plot.left, plot.right);
            Some(x_scale.value(px))
        }
    };
    let onpointermove = {
        let cursor = cursor.clone();
        let to_x = to_x.clone();
        Callback::from(move |e: PointerEvent| cursor.set(to_x(e.client_x())))
    };
    let onpointerdown = {
        let cursor = cursor.clone();
        Callback::from(move |e: PointerEvent| cursor.set(to_x(e.client_x())))
    };
    let onpointerleave = {
        let cursor = cursor.clone();
        Callback::from(move |e: PointerEvent| {
            // Touch keeps its readout after the finger lifts.
            if e.pointer_type() == "mouse" {
                cursor.set(None);
            }
        })
    };
    let step = data
        .series
        .first()
        .and_then(|s| {
            let n = s.xs.len();
            (n > 1).then(|| (s.xs[n - 1] - s.xs[0]) / 200.0)
        })
        .unwrap_or(1.0);
    let onkeydown = {
        let cursor = cursor.clone();
        let (lo, hi) = x_scale.domain;
        Callback::from(move |e: KeyboardEvent| {
            let current = (*cursor).unwrap_or(lo);
            let big = if e.shift_key() { 10.0 } else { 1.0 };
            let next = match e.key().as_str() {
                "ArrowRight" => Some(current + step * big),
                "ArrowLeft" => Some(current - step * big),
                "Home" => Some(lo),
                "End" => Some(hi),
                "Escape" => None,
                _ => return,
            };
            e.prevent_default();
            cursor.set(next.map(|v| v.clamp(lo, hi)));
        })
    };
    let readout = (*cursor).map(|xv| {
        let mut parts = vec![format!("{} {}", data.x_name, format_significant(xv, 4))];
        for s in &data.series {
            if let Some(v) = value_at(&s.xs, &s.ys, xv) {
                parts.push(format!(
                    "{}: {} {}",
                    s.label,
                    format_significant(v, 4),
                    data.y_unit
                ));
            }
        }
        for b in data.bands.iter().filter(|b| !b.inner) {
            if let (Some(lo), Some(hi)) =
                (value_at(&b.xs, &b.lower, xv), value_at(&b.xs, &b.upper, xv))
            {
                parts.push(format!(
                    "{}: {} to {} {}",
                    b.label,
                    format_significant(lo, 3),
                    format_significant(hi, 3),
                    data.y_unit
                ));
            }
        }
        parts.join(" · ")
    });
    let cursor_marks = (*cursor).map(|xv| {
        let px = x_scale.px(xv);
        html! {
            <g class="cursor">
                <line x1={format!("{px:.1}")} x2={format!("{px:.1}")} y1={format!("{:.1}", plot.top)} y2={format!("{:.1}", plot.bottom)} class="cursor-line" stroke={AXIS_COLOUR} stroke-width="1" />
                { for data.series.iter().filter_map(|s| {
                    let v = value_at(&s.xs, &s.ys, xv)?;
                    let py = layout.y.px(v)?.clamp(plot.top, plot.bottom);
                    let style = s.style % SERIES_COLOURS.len();
                    Some(html! { <circle cx={format!("{px:.1}")} cy={format!("{py:.1}")} r="4" class={classes!("dot", series_class(style))} fill={SERIES_COLOURS[style]} /> })
                }) }
            </g>
        }
    });
    let readout_id = props
        .id
        .as_ref()
        .map(|id| format!("{id}-readout"))
        .unwrap_or_else(|| "chart-readout".into());
    html! {
        <div class="chart-wrap" ref={wrapper}>
            <svg id={props.id.clone()} ref={svg_ref} class="chart" role="img" tabindex="0"
                aria-label={format!("{}. Arrow keys move the readout along the time axis.", data.title)}
                aria-describedby={readout_id.clone()}
                viewBox={format!("0 0 {:.0} {:.0}", layout.width, layout.height)}
                width={format!("{:.0}", layout.width)} height={format!("{:.0}", layout.height)}
                data-series={data.series.len().to_string()} data-log={data.log_y.to_string()}
                {onpointermove} {onpointerdown} {onpointerleave} {onkeydown}>
                { for layout.shapes.iter().map(shape_html) }
                { cursor_marks.unwrap_or_default() }
            </svg>
            <p class="chart-readout" id={readout_id} data-testid="chart-readout" aria-live="polite">
                { readout.unwrap_or_else(|| "Point at the chart, touch it, or focus it and use the arrow keys, to read the time and concentration.".into()) }
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_between_points() {
        let xs = [0.0, 1.0, 3.0];
        let ys = [0.0, 10.0, 30.0];
        assert_eq!(value_at(&xs, &ys, 2.0), Some(20.0));
        assert_eq!(value_at(&xs, &ys, 0.0), Some(0.0));
        assert_eq!(value_at(&xs, &ys, 3.5), None);
    }

    fn sample(log_y: bool) -> ChartData {
        ChartData {
            title: "t <&>".into(),
            x_label: "Time (days)".into(),
            x_name: "Day".into(),
            y_label: "µg/mL".into(),
            y_unit: "µg/mL".into(),
            series: vec![
                Series {
                    label: "a".into(),
                    xs: vec![0.0, 1.0, 2.0],
                    ys: vec![0.0, 100.0, 50.0],
                    style: 0,
                    markers: vec![0.0],
                },
                Series {
                    label: "b".into(),
                    xs: vec![0.0, 1.0, 2.0],
                    ys: vec![0.0, 40.0, 20.0],
                    style: 1,
                    markers: vec![],
                },
            ],
            bands: vec![],
            ref_lines: vec![RefLine {
                label: "IC50".into(),
                y: 4.5,
            }],
            log_y,
        }
    }

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
        out.sort_by(|a, b| a.0.total_cmp(&b.0));
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
    fn log_axis_breaks_the_line_at_zero_and_svg_is_standalone() {
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
        let svg = to_svg_string(&sample(false), 600.0, 300.0);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("t &lt;&amp;&gt;"));
        assert!(svg.contains(r##"stroke="#D55E00""##) && svg.contains(r#"stroke-dasharray="9 4""#));
        assert!(svg.contains(">IC50</text>"));
    }
}

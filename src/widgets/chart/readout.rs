//! The readout: the x under the pointer, finger or keyboard cursor, and each curve's value
//! there (bands as a range), written under the chart and marked on it with a vertical line
//! and a dot on each curve. The arrow keys move it in steps of a 200th of the time span
//! (ten with Shift), Home and End go to the ends, Escape hides it.

use super::data::ChartData;
use super::layout::Layout;
use super::style::{series_class, style_index, AXIS_COLOUR, SERIES_COLOURS};
use crate::format::significant;
use crate::i18n::Lang;
use crate::tr;
use yew::prelude::*;

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

/// The readout at `x`: the x with its unit's name, each curve's value (4 significant
/// figures), each outer band's range (3), separated by " · ".
pub fn readout_text(data: &ChartData, x: f64, lang: Lang) -> String {
    let unit = data.y_unit.as_str();
    let mut parts = vec![format!("{} {}", data.x_name, significant(x, 4))];
    for s in &data.series {
        if let Some(v) = value_at(&s.xs, &s.ys, x) {
            parts.push(
                tr!("{series}: {value} {unit}", "{series}：{value} {unit}").fill(
                    lang,
                    &[
                        ("series", &s.label),
                        ("value", &significant(v, 4)),
                        ("unit", unit),
                    ],
                ),
            );
        }
    }
    for b in data.bands.iter().filter(|b| !b.inner) {
        if let (Some(lo), Some(hi)) = (value_at(&b.xs, &b.lower, x), value_at(&b.xs, &b.upper, x)) {
            parts.push(
                tr!(
                    "{band}: {low} to {high} {unit}",
                    "{band}：{low} 至 {high} {unit}"
                )
                .fill(
                    lang,
                    &[
                        ("band", &b.label),
                        ("low", &significant(lo, 3)),
                        ("high", &significant(hi, 3)),
                        ("unit", unit),
                    ],
                ),
            );
        }
    }
    parts.join(" · ")
}

/// The readout's text before the reader has pointed at the chart.
pub(super) fn hint(lang: Lang) -> &'static str {
    tr!(
        "Point at the chart, touch it, or focus it and use the arrow keys, to read the time and concentration.",
        "指向或轻触图表，或选中图表后使用方向键，即可读取时间和浓度。"
    )
    .get(lang)
}

/// The chart's accessible name: its title and how to move the readout.
pub(super) fn accessible_name(title: &str, lang: Lang) -> String {
    tr!(
        "{title}. Arrow keys move the readout along the time axis.",
        "{title}。方向键沿时间轴移动读数。"
    )
    .fill(lang, &[("title", title)])
}

/// How far an arrow key moves the readout: a 200th of the first curve's span (1 without one).
pub(super) fn key_step(data: &ChartData) -> f64 {
    data.series
        .first()
        .and_then(|s| {
            let n = s.xs.len();
            (n > 1).then(|| (s.xs[n - 1] - s.xs[0]) / 200.0)
        })
        .unwrap_or(1.0)
}

/// Where a key moves the readout from `current` (none shown: the start of the axis), within
/// the x `domain`: `Some(Some(x))` to show it at x, `Some(None)` to hide it, `None` for a key
/// that does not move it.
pub(super) fn key_move(
    key: &str,
    shift: bool,
    current: Option<f64>,
    step: f64,
    domain: (f64, f64),
) -> Option<Option<f64>> {
    let (lo, hi) = domain;
    let current = current.unwrap_or(lo);
    let big = if shift { 10.0 } else { 1.0 };
    let next = match key {
        "ArrowRight" => Some(current + step * big),
        "ArrowLeft" => Some(current - step * big),
        "Home" => Some(lo),
        "End" => Some(hi),
        "Escape" => None,
        _ => return None,
    };
    Some(next.map(|v| v.clamp(lo, hi)))
}

/// The readout marked on the chart: a vertical line at `x` and a dot on each curve.
pub(super) fn cursor_marks(data: &ChartData, layout: &Layout, x: f64) -> Html {
    let plot = layout.plot;
    let px = layout.x.px(x);
    html! {
        <g class="cursor">
            <line x1={format!("{px:.1}")} x2={format!("{px:.1}")} y1={format!("{:.1}", plot.top)} y2={format!("{:.1}", plot.bottom)} class="cursor-line" stroke={AXIS_COLOUR} stroke-width="1" />
            { for data.series.iter().filter_map(|s| {
                let v = value_at(&s.xs, &s.ys, x)?;
                let py = layout.y.px(v)?.clamp(plot.top, plot.bottom);
                let style = style_index(s.style);
                Some(html! { <circle cx={format!("{px:.1}")} cy={format!("{py:.1}")} r="4" class={classes!("dot", series_class(style))} fill={SERIES_COLOURS[style]} /> })
            }) }
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widgets::chart::data::{sample, Band};

    #[test]
    fn interpolates_between_points() {
        let xs = [0.0, 1.0, 3.0];
        let ys = [0.0, 10.0, 30.0];
        assert_eq!(value_at(&xs, &ys, 2.0), Some(20.0));
        assert_eq!(value_at(&xs, &ys, 0.0), Some(0.0));
        assert_eq!(value_at(&xs, &ys, 3.5), None);
    }

    #[test]
    fn readout_names_each_curve_and_the_outer_band() {
        let mut data = sample(false);
        // a: 0 → 100 over day 0..1, so 75 at day 0.75; b: 0 → 40, so 30.
        assert_eq!(
            readout_text(&data, 0.75, Lang::En),
            "Day 0.75 · a: 75 µg/mL · b: 30 µg/mL"
        );
        for inner in [false, true] {
            data.bands.push(Band {
                label: if inner { "25-75 %" } else { "5-95 %" }.into(),
                xs: vec![0.0, 2.0],
                lower: vec![1.0, 2.0],
                upper: vec![10.0, 20.0],
                style: 0,
                inner,
            });
        }
        // The outer band at day 1: 1.5 to 15, three figures; the inner band is not read out.
        assert_eq!(
            readout_text(&data, 1.0, Lang::En),
            "Day 1 · a: 100 µg/mL · b: 40 µg/mL · 5-95 %: 1.5 to 15 µg/mL"
        );
        // Past the curves' end only the x is read.
        assert_eq!(readout_text(&data, 2.5, Lang::En), "Day 2.5");
        assert_eq!(
            accessible_name("PK", Lang::En),
            "PK. Arrow keys move the readout along the time axis."
        );
    }

    #[test]
    fn keys_move_the_readout_within_the_axis() {
        // The first curve spans 0..2 days: steps of 0.01, 0.1 with Shift.
        let step = key_step(&sample(false));
        assert_eq!(step, 0.01);
        let d = (0.0, 2.0);
        assert_eq!(
            key_move("ArrowRight", false, None, step, d),
            Some(Some(0.01))
        );
        assert_eq!(
            key_move("ArrowRight", true, Some(1.0), step, d),
            Some(Some(1.1))
        );
        assert_eq!(key_move("ArrowLeft", false, None, step, d), Some(Some(0.0)));
        assert_eq!(key_move("End", false, None, step, d), Some(Some(2.0)));
        assert_eq!(key_move("Home", false, Some(1.0), step, d), Some(Some(0.0)));
        assert_eq!(key_move("Escape", false, Some(1.0), step, d), Some(None));
        assert_eq!(key_move("a", false, Some(1.0), step, d), None);
        assert_eq!(key_step(&ChartData::default()), 1.0);
    }
}

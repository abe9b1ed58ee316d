//! Forest plot in SVG: one row per estimate (a label line, then the confidence interval as a
//! line with a square at the estimate) on a logarithmic axis with a dashed vertical line at the
//! value of no effect. A bound that is not given runs to the edge of the plot as an arrow.
//! The text alternative is the SVG's title and description plus a data table.

use super::figure::{item_sentence, x_tick, ChartFigure};
use super::scale::{log_domain, log_ticks, px, tick_label, LogScale};
use crate::i18n::Lang;
use crate::tr;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct ForestRow {
    pub label: String,
    pub estimate: f64,
    /// 95% CI bounds; `None` when not given or not estimable.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// A qualifier written after the interval ("stratified").
    pub qualifier: Option<String>,
}

impl ForestRow {
    /// "0.51 (95% CI 0.38–0.69)", with "not given" for a missing bound.
    pub fn summary(&self, lang: Lang) -> String {
        let b = |v: Option<f64>| {
            v.map(tick_label)
                .unwrap_or_else(|| not_given().get(lang).into())
        };
        let mut s = if self.low.is_none() && self.high.is_none() {
            tick_label(self.estimate)
        } else {
            tr!(
                "{estimate} (95% CI {low}–{high})",
                "{estimate}（95%置信区间 {low}–{high}）"
            )
            .fill(
                lang,
                &[
                    ("estimate", &tick_label(self.estimate)),
                    ("low", &b(self.low)),
                    ("high", &b(self.high)),
                ],
            )
        };
        if let Some(q) = &self.qualifier {
            s.push_str(&format!(", {q}"));
        }
        s
    }
}

#[derive(Properties, PartialEq)]
pub struct ForestPlotProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub rows: Vec<ForestRow>,
    /// The value of no effect (1 for a hazard ratio).
    #[prop_or(1.0)]
    pub null_value: f64,
    pub axis_label: AttrValue,
    /// What an estimate left and right of the null line means.
    #[prop_or_default]
    pub favours_left: AttrValue,
    #[prop_or_default]
    pub favours_right: AttrValue,
    /// Language of the plot's own words (labels, axis title and favours are the caller's).
    #[prop_or_default]
    pub lang: Lang,
}

fn not_given() -> crate::i18n::Text {
    tr!("not given", "未给出")
}

const WIDTH: f64 = 360.0;
const LEFT: f64 = 12.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 4.0;
const ROW: f64 = 46.0;
const AXIS: f64 = 52.0;

/// The axis domain: every estimate and bound, symmetric (in ratio) around the null value so
/// that both sides of the null line have room, widened to 1-2-5 steps.
pub fn forest_domain(rows: &[ForestRow], null_value: f64) -> (f64, f64) {
    let null_value = if null_value > 0.0 && null_value.is_finite() {
        null_value
    } else {
        1.0
    };
    let ratio = rows
        .iter()
        .flat_map(|r| [Some(r.estimate), r.low, r.high])
        .flatten()
        .filter(|v| *v > 0.0 && v.is_finite())
        .map(|v| (v / null_value).max(null_value / v))
        .fold(1.25f64, f64::max);
    log_domain(null_value / ratio, null_value * ratio)
}

#[function_component]
pub fn ForestPlot(props: &ForestPlotProps) -> Html {
    let domain = forest_domain(&props.rows, props.null_value);
    let x = LogScale::new(domain, (LEFT, WIDTH - RIGHT));
    let plot_bottom = TOP + ROW * props.rows.len() as f64;
    let height = plot_bottom + AXIS;
    let null_x = x.px_clamped(props.null_value);
    let lang = props.lang;
    let description = props
        .rows
        .iter()
        .map(|r| item_sentence(&r.label, &r.summary(lang), lang))
        .collect::<Vec<_>>()
        .join(" ");

    let ticks = log_ticks(domain.0, domain.1)
        .into_iter()
        .map(|t| x_tick(x.px_clamped(t), TOP, plot_bottom, t));
    let rows = props.rows.iter().enumerate().map(|(i, r)| {
        let top = TOP + i as f64 * ROW;
        let ly = top + 35.0;
        let (lo_px, lo_open) = match r.low {
            Some(v) if v > 0.0 => (x.px_clamped(v), false),
            _ => (LEFT, true),
        };
        let (hi_px, hi_open) = match r.high {
            Some(v) if v > 0.0 => (x.px_clamped(v), false),
            _ => (WIDTH - RIGHT, true),
        };
        let has_ci = r.low.is_some() || r.high.is_some();
        let ex = x.px_clamped(r.estimate);
        let arrow = |tip: f64, dir: f64| {
            let points = format!(
                "{},{} {},{} {},{}",
                px(tip),
                px(ly),
                px(tip - 6.0 * dir),
                px(ly - 4.0),
                px(tip - 6.0 * dir),
                px(ly + 4.0)
            );
            html! { <polygon class="ci-arrow" points={points} /> }
        };
        html! {
            <g class="forest-row" data-testid="forest-row" data-value={r.estimate.to_string()}>
                <text class="row-label" x={px(LEFT)} y={px(top + 11.0)}>{r.label.clone()}</text>
                <text class="row-summary" x={px(LEFT)} y={px(top + 24.0)}>{r.summary(lang)}</text>
                if has_ci {
                    <line class="ci-line" x1={px(lo_px)} x2={px(hi_px)} y1={px(ly)} y2={px(ly)} />
                    if lo_open && r.high.is_some() { {arrow(LEFT, -1.0)} }
                    if hi_open && r.low.is_some() { {arrow(WIDTH - RIGHT, 1.0)} }
                }
                <rect class="estimate" x={px(ex - 4.5)} y={px(ly - 4.5)} width="9" height="9" />
            </g>
        }
    });

    let drawing = html! {
        <>
            { for ticks }
            <line class="axis" x1={px(LEFT)} x2={px(WIDTH - RIGHT)} y1={px(plot_bottom)} y2={px(plot_bottom)} />
            <line class="null-line" data-testid="null-line" data-value={props.null_value.to_string()}
                x1={px(null_x)} x2={px(null_x)} y1={px(TOP)} y2={px(plot_bottom)} stroke-dasharray="4 3" />
            { for rows }
            <text class="axis-label" x={px(WIDTH / 2.0)} y={px(plot_bottom + 30.0)} text-anchor="middle">{props.axis_label.clone()}</text>
            if !props.favours_left.is_empty() {
                <text class="favours" x={px(null_x - 4.0)} y={px(plot_bottom + 46.0)} text-anchor="end">{format!("← {}", props.favours_left)}</text>
            }
            if !props.favours_right.is_empty() {
                <text class="favours" x={px(null_x + 4.0)} y={px(plot_bottom + 46.0)}>{format!("{} →", props.favours_right)}</text>
            }
        </>
    };
    let columns = html! {
        <>
            <th scope="col" class="num">{tr!("Estimate", "估计值").get(lang)}</th>
            <th scope="col" class="num">{tr!("95% CI", "95%置信区间").get(lang)}</th>
        </>
    };
    let table_rows = html! {
        { for props.rows.iter().map(|r| html! {
            <tr>
                <th scope="row">{r.label.clone()}</th>
                <td class="num">{tick_label(r.estimate)}</td>
                <td class="num">{
                    if r.low.is_none() && r.high.is_none() { not_given().get(lang).to_string() }
                    else { format!("{}–{}", r.low.map(tick_label).unwrap_or_else(|| "?".into()), r.high.map(tick_label).unwrap_or_else(|| "?".into())) }
                }</td>
            </tr>
        }) }
    };
    ChartFigure {
        id: &props.id,
        title: &props.title,
        description,
        class: "chart forest",
        testid: "forest-plot",
        width: WIDTH,
        height,
        lang,
    }
    .render(drawing, columns, table_rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(e: f64, lo: Option<f64>, hi: Option<f64>) -> ForestRow {
        ForestRow {
            label: "x".into(),
            estimate: e,
            low: lo,
            high: hi,
            qualifier: None,
        }
    }

    #[test]
    fn domain_covers_every_bound_and_the_null_line() {
        // HARMONi-2 0.51 (0.38–0.69) and HARMONi-A T790M 0.22 (0.09–0.54): the farthest
        // bound is 0.09, ratio 1/0.09 = 11.1 → 0.09..11.1 → 0.05..20
        let rows = [
            row(0.51, Some(0.38), Some(0.69)),
            row(0.22, Some(0.09), Some(0.54)),
        ];
        assert_eq!(forest_domain(&rows, 1.0), (0.05, 20.0));
        // HARMONi-2 alone: 1/0.38 = 2.63 → 0.38..2.63 → 0.2..5
        assert_eq!(forest_domain(&rows[..1], 1.0), (0.2, 5.0));
        // an estimate above 1: 1.9 → 0.526..1.9 → 0.5..2
        assert_eq!(
            forest_domain(&[row(1.3, Some(0.9), Some(1.9))], 1.0),
            (0.5, 2.0)
        );
        // nothing to draw: at least 0.8..1.25 → 0.5..2
        assert_eq!(forest_domain(&[], 1.0), (0.5, 2.0));
    }

    #[test]
    fn summaries_name_missing_bounds() {
        assert_eq!(
            row(0.51, Some(0.38), Some(0.69)).summary(Lang::En),
            "0.51 (95% CI 0.38–0.69)"
        );
        assert_eq!(
            row(0.7, Some(0.5), None).summary(Lang::En),
            "0.7 (95% CI 0.5–not given)"
        );
        assert_eq!(row(0.7, None, None).summary(Lang::En), "0.7");
        let mut r = row(0.51, Some(0.38), Some(0.69));
        r.qualifier = Some("stratified".into());
        assert_eq!(r.summary(Lang::En), "0.51 (95% CI 0.38–0.69), stratified");
    }
}

//! Horizontal grouped bar chart in SVG: one group per item (a label line above its bars), one
//! bar per series, the value written at the end of each bar. The text alternative is the
//! SVG's title and description plus a data table under the chart.

use super::figure::{item_sentence, x_tick, ChartFigure};
use super::scale::{linear_ticks, nice_domain, px, tick_label, LinearScale};
use crate::i18n::Lang;
use crate::tr;
use yew::prelude::*;

/// One item of the chart: its label and one value per series (`None`: not reported).
#[derive(Clone, Debug, PartialEq)]
pub struct BarGroup {
    pub label: String,
    pub values: Vec<Option<f64>>,
}

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// Prefix of the element ids (title, description).
    pub id: AttrValue,
    pub title: AttrValue,
    /// Series names, in the order of `BarGroup::values`.
    pub series: Vec<AttrValue>,
    pub groups: Vec<BarGroup>,
    /// Unit written after each value ("%").
    #[prop_or_default]
    pub unit: AttrValue,
    /// Right end of the value axis; by default a nice number above the largest value.
    #[prop_or_default]
    pub max: Option<f64>,
    /// Language of the chart's own words (the series and item names are the caller's).
    #[prop_or_default]
    pub lang: Lang,
}

const WIDTH: f64 = 360.0;
const LEFT: f64 = 4.0;
const RIGHT: f64 = 70.0;
const LEGEND: f64 = 22.0;
const LABEL: f64 = 16.0;
const BAR: f64 = 11.0;
const BAR_GAP: f64 = 3.0;
const GROUP_GAP: f64 = 8.0;
const AXIS: f64 = 30.0;

/// The value text of one bar: "ORR 50%" or "DCR not reported".
pub fn value_text(series: &str, value: Option<f64>, unit: &str, lang: Lang) -> String {
    match value {
        Some(v) => format!("{series} {}{unit}", tick_label(v)),
        None => tr!("{series} not reported", "{series} 未报告").fill(lang, &[("series", series)]),
    }
}

/// The chart as one sentence per item, for the SVG description.
pub fn describe(series: &[AttrValue], groups: &[BarGroup], unit: &str, lang: Lang) -> String {
    groups
        .iter()
        .map(|g| {
            let values: Vec<String> = series
                .iter()
                .zip(&g.values)
                .map(|(s, v)| value_text(s, *v, unit, lang))
                .collect();
            item_sentence(&g.label, &values.join(", "), lang)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[function_component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let n_series = props.series.len().max(1);
    let data_max = props
        .groups
        .iter()
        .flat_map(|g| g.values.iter().flatten())
        .fold(0.0f64, |m, v| m.max(*v));
    let max = props
        .max
        .unwrap_or_else(|| nice_domain(0.0, data_max, 5).1)
        .max(data_max);
    let x = LinearScale::new((0.0, max), (LEFT, WIDTH - RIGHT));
    let group_h = LABEL + n_series as f64 * (BAR + BAR_GAP) + GROUP_GAP;
    let plot_top = LEGEND;
    let plot_bottom = plot_top + group_h * props.groups.len() as f64;
    let height = plot_bottom + AXIS;
    let ticks = linear_ticks(0.0, max, 5);
    let unit = props.unit.as_str();
    let lang = props.lang;

    let legend = props.series.iter().enumerate().map(|(i, s)| {
        let lx = LEFT + i as f64 * 90.0;
        html! {
            <g class="legend">
                <rect class={format!("bar-s{i}")} x={px(lx)} y="4" width="12" height="12" />
                <text x={px(lx + 16.0)} y="14">{s.clone()}</text>
            </g>
        }
    });
    let grid = ticks
        .iter()
        .map(|t| x_tick(x.px(*t), plot_top, plot_bottom, *t));
    let groups = props.groups.iter().enumerate().map(|(gi, g)| {
        let top = plot_top + gi as f64 * group_h;
        let bars = g.values.iter().enumerate().map(|(si, v)| {
            let y = top + LABEL + si as f64 * (BAR + BAR_GAP);
            let name = props.series.get(si).map(|s| s.as_str()).unwrap_or("");
            let text = value_text(name, *v, unit, lang);
            match v {
                Some(value) => {
                    let end = x.px_clamped(*value);
                    html! {
                        <g>
                            <rect class={format!("bar bar-s{si}")} data-series={name.to_string()} data-value={value.to_string()}
                                x={px(LEFT)} y={px(y)} width={px((end - LEFT).max(0.5))} height={px(BAR)} />
                            <text class="bar-value" x={px(end + 3.0)} y={px(y + BAR - 1.5)}>{text}</text>
                        </g>
                    }
                }
                None => html! {
                    <text class="bar-value missing" x={px(LEFT + 2.0)} y={px(y + BAR - 1.5)}>{text}</text>
                },
            }
        });
        html! {
            <g class="bar-group">
                <text class="group-label" x={px(LEFT)} y={px(top + LABEL - 4.0)}>{g.label.clone()}</text>
                { for bars }
            </g>
        }
    });

    let drawing = html! {
        <>
            { for legend }
            { for grid }
            <line class="axis" x1={px(LEFT)} x2={px(LEFT)} y1={px(plot_top)} y2={px(plot_bottom)} />
            { for groups }
            <text class="axis-label" x={px((LEFT + WIDTH - RIGHT) / 2.0)} y={px(plot_bottom + 27.0)} text-anchor="middle">
                { if unit.is_empty() { tr!("value", "数值").get(lang).to_string() } else { tr!("value, {unit}", "数值，{unit}").fill(lang, &[("unit", unit)]) } }
            </text>
        </>
    };
    let columns = html! {
        { for props.series.iter().map(|s| html! { <th scope="col" class="num">{format!("{s}{}", if unit.is_empty() { String::new() } else { format!(", {unit}") })}</th> }) }
    };
    let rows = html! {
        { for props.groups.iter().map(|g| html! {
            <tr>
                <th scope="row">{g.label.clone()}</th>
                { for g.values.iter().map(|v| html! {
                    <td class="num">{ v.map(tick_label).unwrap_or_else(|| tr!("not reported", "未报告").get(lang).into()) }</td>
                }) }
            </tr>
        }) }
    };
    ChartFigure {
        id: &props.id,
        title: &props.title,
        description: describe(&props.series, &props.groups, unit, lang),
        class: "chart bars",
        testid: "bar-chart",
        width: WIDTH,
        height,
        lang,
    }
    .render(drawing, columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_description_name_every_bar() {
        assert_eq!(value_text("ORR", Some(50.0), "%", Lang::En), "ORR 50%");
        assert_eq!(value_text("DCR", None, "%", Lang::En), "DCR not reported");
        let series = vec![AttrValue::from("ORR"), AttrValue::from("DCR")];
        let groups = vec![
            BarGroup {
                label: "HARMONi-2".into(),
                values: vec![Some(50.0), Some(90.0)],
            },
            BarGroup {
                label: "TNBC".into(),
                values: vec![Some(72.4), None],
            },
        ];
        assert_eq!(
            describe(&series, &groups, "%", Lang::En),
            "HARMONi-2: ORR 50%, DCR 90%. TNBC: ORR 72.4%, DCR not reported."
        );
    }
}

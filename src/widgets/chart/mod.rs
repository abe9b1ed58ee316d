//! A line chart drawn as SVG from the data (no chart library): linear or logarithmic y axis,
//! shaded bands, markers (dose times), horizontal reference lines, a legend inside the drawing,
//! and a readout of x and y that follows the pointer, touch or the arrow keys.
//!
//! * [`data`]: what a chart shows ([`ChartData`]), words included, as the caller writes them;
//! * [`layout`](mod@layout): the legend, plot area, scales, grid and axis titles, into
//!   [`Shape`]s computed once; [`series`] draws the bands, reference lines and curves, and
//!   [`legend`] the legend; [`style`] holds colours and text size, [`shape`] the primitives;
//! * [`svg`]: the shapes as page elements and as a standalone SVG file ([`to_svg_string`],
//!   explicit light colours on a white background) for export;
//! * [`readout`]: the value under the pointer, finger or keyboard cursor;
//! * this module: [`LineChart`], the component in the page.
//!
//! Its own words (the readout's, its accessible name) are in the `lang` prop's language.

mod data;
mod layout;
mod legend;
mod readout;
mod series;
mod shape;
mod style;
mod svg;

pub use data::{Band, ChartData, RefLine, Series};
pub use layout::{layout, plot_height_for, x_domain, y_domain, Layout, PlotArea};
pub use readout::{readout_text, value_at};
pub use shape::Shape;
pub use style::{REFERENCE_COLOUR, SERIES_COLOURS, SERIES_DASHES};
pub use svg::to_svg_string;

use crate::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LineChartProps {
    pub data: Rc<ChartData>,
    /// id of the SVG element.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Language of the chart's own words (the data's words are the caller's).
    #[prop_or_default]
    pub lang: Lang,
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
    let lang = props.lang;
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
    let onkeydown = {
        let cursor = cursor.clone();
        let step = readout::key_step(data);
        let domain = x_scale.domain;
        Callback::from(move |e: KeyboardEvent| {
            if let Some(next) = readout::key_move(&e.key(), e.shift_key(), *cursor, step, domain) {
                e.prevent_default();
                cursor.set(next);
            }
        })
    };
    let readout_id = props
        .id
        .as_ref()
        .map(|id| format!("{id}-readout"))
        .unwrap_or_else(|| "chart-readout".into());
    html! {
        <div class="chart-wrap" ref={wrapper}>
            <svg id={props.id.clone()} ref={svg_ref} class="chart" role="img" tabindex="0"
                aria-label={readout::accessible_name(&data.title, lang)}
                aria-describedby={readout_id.clone()}
                viewBox={format!("0 0 {:.0} {:.0}", layout.width, layout.height)}
                width={format!("{:.0}", layout.width)} height={format!("{:.0}", layout.height)}
                data-series={data.series.len().to_string()} data-log={data.log_y.to_string()}
                {onpointermove} {onpointerdown} {onpointerleave} {onkeydown}>
                { for layout.shapes.iter().map(svg::shape_html) }
                { (*cursor).map(|x| readout::cursor_marks(data, &layout, x)).unwrap_or_default() }
            </svg>
            <p class="chart-readout" id={readout_id} data-testid="chart-readout" aria-live="polite">
                { (*cursor).map(|x| readout_text(data, x, lang)).unwrap_or_else(|| readout::hint(lang).into()) }
            </p>
        </div>
    }
}

//! The frame the trials charts share: the SVG with its title and description (its accessible
//! name), a caption, and the chart's data as a table under a disclosure; the vertical grid
//! line with its tick label of a value axis along the bottom; and the sentence that describes
//! one item of a chart.

use super::scale::{px, tick_label};
use crate::i18n::Lang;
use crate::tr;
use yew::prelude::*;

/// A chart figure's words and size.
pub struct ChartFigure<'a> {
    /// Prefix of the title and description ids.
    pub id: &'a str,
    pub title: &'a AttrValue,
    /// The chart in sentences (the SVG's description).
    pub description: String,
    /// Classes of the SVG ("chart bars").
    pub class: &'static str,
    pub testid: &'static str,
    /// The drawing's size, in SVG units.
    pub width: f64,
    pub height: f64,
    /// Language of the frame's words.
    pub lang: Lang,
}

impl ChartFigure<'_> {
    /// The figure around `drawing` (the SVG's content), with the data table: `columns`, the
    /// header cells after "Item", and `rows`, the body rows.
    pub fn render(self, drawing: Html, columns: Html, rows: Html) -> Html {
        let title_id = format!("{}-title", self.id);
        let desc_id = format!("{}-desc", self.id);
        let title = self.title;
        let lang = self.lang;
        html! {
            <figure class="chart-figure">
                <svg class={self.class} data-testid={self.testid} viewBox={format!("0 0 {} {}", px(self.width), px(self.height))}
                    role="img" aria-labelledby={format!("{title_id} {desc_id}")}>
                    <title id={title_id}>{title.clone()}</title>
                    <desc id={desc_id}>{self.description}</desc>
                    {drawing}
                </svg>
                <figcaption>{title.clone()}</figcaption>
                <details class="chart-data">
                    <summary>{tr!("Chart data as a table", "图表数据表").get(lang)}</summary>
                    <div class="table-wrap" tabindex="0" role="region"
                        aria-label={tr!("{title}: data, scrollable", "{title}：数据，可滚动").fill(lang, &[("title", title)])}>
                        <table>
                            <thead><tr>
                                <th scope="col">{tr!("Item", "项目").get(lang)}</th>
                                {columns}
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </details>
            </figure>
        }
    }
}

/// A vertical grid line at `x` from `top` to `bottom`, with `value` written under it.
pub fn x_tick(x: f64, top: f64, bottom: f64, value: f64) -> Html {
    let tx = px(x);
    html! {
        <g>
            <line class="grid" x1={tx.clone()} x2={tx.clone()} y1={px(top)} y2={px(bottom)} />
            <text class="tick" x={tx} y={px(bottom + 14.0)} text-anchor="middle">{tick_label(value)}</text>
        </g>
    }
}

/// One item of a chart in a sentence, for the SVG's description: "HARMONi-2: ORR 50%, DCR 90%."
pub fn item_sentence(item: &str, text: &str, lang: Lang) -> String {
    tr!("{item}: {text}.", "{item}：{text}。").fill(lang, &[("item", item), ("text", text)])
}

//! Shapes as SVG elements: one description of each element serves the page (Yew nodes,
//! coloured by the stylesheet) and the exported file ([`to_svg_string`]: a standalone SVG
//! with explicit light colours on a white background).

use super::data::ChartData;
use super::layout::layout;
use super::shape::Shape;
use super::style::{FONT_PX, REFERENCE_COLOUR, TEXT_COLOUR};
use std::fmt::Write as _;
use yew::virtual_dom::{VTag, VText};
use yew::Html;

/// Text made safe for SVG content and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An SVG element: its tag, its attributes in order, and its text.
type Element<'a> = (&'static str, Vec<(&'static str, String)>, Option<&'a str>);

/// The SVG element of a shape. `explicit_text_fill` gives text the colour the exported file
/// needs (it has no stylesheet).
fn svg_element(shape: &Shape, explicit_text_fill: bool) -> Element<'_> {
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

/// A shape as an element of the page's SVG (coloured by the stylesheet).
pub(super) fn shape_html(shape: &Shape) -> Html {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widgets::chart::data::sample;

    #[test]
    fn svg_is_standalone_and_escaped() {
        let svg = to_svg_string(&sample(false), 600.0, 300.0);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("t &lt;&amp;&gt;"));
        assert!(svg.contains(r##"stroke="#D55E00""##) && svg.contains(r#"stroke-dasharray="9 4""#));
        assert!(svg.contains(">IC50</text>"));
        assert_eq!(
            escape(r#"a "b" <c> & d"#),
            "a &quot;b&quot; &lt;c&gt; &amp; d"
        );
    }
}

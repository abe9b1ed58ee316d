//! A result value: the text a reader sees, and for programs the number at full precision in
//! the unit CONTRACT.md names (`data-testid`, `data-value`).

use yew::prelude::*;

/// Rounds for display to `digits` significant figures, without trailing zeros after the point
/// (`1450`, `145`, `1.826`, `0.03125`).
pub fn format_significant(value: f64, digits: usize) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    if value == 0.0 {
        return "0".into();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (digits as i32 - 1 - magnitude).max(0) as usize;
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultValueProps {
    pub testid: AttrValue,
    pub label: AttrValue,
    pub value: f64,
    /// The unit as shown to the reader.
    #[prop_or_default]
    pub unit: AttrValue,
    /// Significant figures shown (the `data-value` keeps them all).
    #[prop_or(4)]
    pub digits: usize,
    /// Extra attributes such as `data-drug` go in `extra`.
    #[prop_or_default]
    pub drug: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn ResultValue(props: &ResultValueProps) -> Html {
    html! {
        <div class="result">
            <dt>{props.label.clone()}</dt>
            <dd>
                <output data-testid={props.testid.clone()} data-value={props.value.to_string()} data-drug={props.drug.clone()}>
                    {format_significant(props.value, props.digits)}
                </output>
                if !props.unit.is_empty() { {" "}<span class="unit">{props.unit.clone()}</span> }
                {props.children.clone()}
            </dd>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::format_significant;

    #[test]
    fn significant_figures() {
        assert_eq!(format_significant(1450.0, 4), "1450");
        assert_eq!(format_significant(145.0, 4), "145");
        assert_eq!(format_significant(1.825_741_858, 4), "1.826");
        assert_eq!(format_significant(0.031_26, 3), "0.0313");
        assert_eq!(format_significant(12_345.6, 3), "12346");
        assert_eq!(format_significant(-2.5, 2), "-2.5");
        assert_eq!(format_significant(0.0, 4), "0");
        assert_eq!(format_significant(f64::NAN, 4), "—");
    }
}

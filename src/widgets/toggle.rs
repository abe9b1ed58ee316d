//! A toggle button: a button whose `aria-pressed` tells whether its option is on (a chart
//! option, or the preset that is the current value). The stylesheet shows the pressed state
//! (`button[aria-pressed="true"]`).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToggleProps {
    /// Whether the option is on.
    pub pressed: bool,
    /// Called with the state a press asks for (the opposite of `pressed`).
    pub ontoggle: Callback<bool>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// A tooltip (what the option means, where a value comes from).
    #[prop_or_default]
    pub title: Option<AttrValue>,
    /// The button's words.
    pub children: Html,
}

#[function_component]
pub fn Toggle(props: &ToggleProps) -> Html {
    let onclick = {
        let ontoggle = props.ontoggle.clone();
        let pressed = props.pressed;
        Callback::from(move |_: MouseEvent| ontoggle.emit(!pressed))
    };
    html! {
        <button type="button" id={props.id.clone()} aria-pressed={props.pressed.to_string()}
            title={props.title.clone()} {onclick}>
            {props.children.clone()}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yew::LocalServerRenderer;

    async fn render(props: ToggleProps) -> String {
        LocalServerRenderer::<Toggle>::with_props(props)
            .hydratable(false)
            .render()
            .await
    }

    #[tokio::test]
    async fn shows_its_state_in_aria_pressed() {
        let html = render(yew::props!(ToggleProps {
            pressed: true,
            ontoggle: Callback::noop(),
            id: Some(AttrValue::from("pk-log")),
            children: html! { {"Log concentration axis"} },
        }))
        .await;
        assert_eq!(
            html,
            r#"<button type="button" id="pk-log" aria-pressed="true">Log concentration axis</button>"#
        );
        let html = render(yew::props!(ToggleProps {
            pressed: false,
            ontoggle: Callback::noop(),
            title: Some(AttrValue::from("HARMONi")),
            children: html! { {"20 mg/kg"} },
        }))
        .await;
        assert_eq!(
            html,
            r#"<button type="button" aria-pressed="false" title="HARMONi">20 mg/kg</button>"#
        );
    }
}

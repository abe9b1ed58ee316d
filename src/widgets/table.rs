//! Table markup shared by the views.

use yew::prelude::*;

/// A table's head: one row of column headers (`<th scope="col">`), each with its text and
/// whether it heads a column of numbers (class `num`). One loop instead of a header element
/// compiled for each column.
pub fn head(columns: &[(&'static str, bool)]) -> Html {
    html! {
        <thead><tr>
            { for columns.iter().map(|&(text, num)| if num {
                html! { <th scope="col" class="num">{text}</th> }
            } else {
                html! { <th scope="col">{text}</th> }
            }) }
        </tr></thead>
    }
}

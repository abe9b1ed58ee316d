//! Messages next to inputs and results: one widget for every [`Message`] (CONTRACT.md:
//! `error`, `confirm`, `warning`; and notes), in the page's language, with its sources.

use std::rc::Rc;

use crate::i18n::Lang;
use crate::messages::{Message, Severity};
use crate::tr;
use yew::prelude::*;

/// A message as a field or a list shows it; `confirm` is the key and value a confirmation
/// stores, for a value that waits for one.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub message: Message,
    pub confirm: Option<(String, f64)>,
}

impl Notice {
    pub fn of(message: Message) -> Notice {
        Notice {
            message,
            confirm: None,
        }
    }
}

/// The notices of a view, shared by its fields.
pub type Notices = Rc<Vec<Notice>>;

#[derive(Properties, PartialEq)]
pub struct MessageViewProps {
    pub notice: Notice,
    /// The element's id (a field's message is its `aria-describedby`).
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Confirms a value that waits for confirmation (key, value).
    #[prop_or_default]
    pub on_confirm: Callback<(String, f64)>,
}

/// One message: `data-testid` from its severity, `data-field` and `data-code`, its text in
/// the page's language and its sources; a value waiting for confirmation has the button that
/// confirms it.
#[function_component]
pub fn MessageView(props: &MessageViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let m = &props.notice.message;
    let severity = m.severity();
    let class = match severity {
        Severity::Error => "msg msg-error",
        Severity::Confirm => "msg msg-confirm",
        Severity::Warning => "msg msg-warning",
        Severity::Note => "msg msg-note",
    };
    let lead = match severity {
        Severity::Warning => Some(tr!("Warning: ", "警告：")),
        Severity::Confirm => Some(tr!("Check: ", "请核对：")),
        _ => None,
    };
    let source = (!m.sources.is_empty()).then(|| m.cite(lang));
    let button = props.notice.confirm.clone().map(|(key, value)| {
        let on_confirm = props.on_confirm.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_confirm.emit((key.clone(), value)));
        html! {
            <button type="button" class="confirm-button" data-testid="confirm-button" {onclick}>
                {tr!("The value is right: show the results", "数值无误：显示结果").get(lang)}
            </button>
        }
    });
    let role = (severity == Severity::Confirm).then_some("alert");
    html! {
        <div class={class} data-testid={severity.testid()} data-field={m.field.as_ref().map(|f| AttrValue::from(f.to_string()))}
            data-code={m.code.contract()} id={props.id.clone()} role={role}>
            <p>
                if let Some(lead) = lead { <strong>{lead.get(lang)}</strong> }
                {m.text(lang)}
                if let Some(source) = source {
                    <span class="source">{" "}{tr!("Source: ", "来源：").get(lang)}{source}</span>
                }
            </p>
            {for button}
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct MessageListProps {
    pub notices: Vec<Notice>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub on_confirm: Callback<(String, f64)>,
}

/// Messages in a list (warnings, notes), each once.
#[function_component]
pub fn MessageList(props: &MessageListProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class={classes!("messages", props.class.clone())}>
            { for props.notices.iter().map(|n| html! {
                <MessageView notice={n.clone()} on_confirm={props.on_confirm.clone()} />
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldErrorProps {
    /// The link parameter the message is about.
    pub field: AttrValue,
    pub message: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// An input that cannot be used, from a text already in the page's language:
/// `data-testid="error"`, `data-field=<parameter>`.
#[function_component]
pub fn FieldError(props: &FieldErrorProps) -> Html {
    html! {
        <p class="msg msg-error" data-testid="error" data-field={props.field.clone()} id={props.id.clone()}>
            {props.message.clone()}
        </p>
    }
}

//! The trials data as the view gets it: the site fetches its file when the Trials view first
//! opens (the other views never download it); until then, and when it cannot be had, the view
//! says so.

use crate::browser::{self, FetchError};
use crate::i18n::Lang;
use crate::tr;
use crate::trials::{self, DataError, Dataset};
use yew::prelude::*;

/// Where the dataset stands.
#[derive(Clone, Debug)]
pub enum DataState {
    Ready(&'static Dataset),
    Fetching,
    /// Not fetched: offline before the app was ever used online, or an error status.
    Unreachable,
    /// Fetched but not readable (the reason as the reader gave it).
    Unreadable(String),
}

fn current() -> DataState {
    match trials::dataset() {
        Ok(ds) => DataState::Ready(ds),
        Err(DataError::NotLoaded) => DataState::Fetching,
        Err(DataError::Unreadable(e)) => DataState::Unreadable(e),
    }
}

/// The dataset, fetched once per page when first needed.
#[hook]
pub fn use_trials_data() -> DataState {
    let state = use_state(current);
    {
        let state = state.clone();
        use_effect_with((), move |()| {
            if matches!(*state, DataState::Fetching) {
                yew::platform::spawn_local(async move {
                    let next = match browser::fetch_json::<Dataset>(trials::TRIALS_DATA_FILE).await
                    {
                        Ok(ds) => DataState::Ready(trials::install(ds)),
                        Err(FetchError::Unreachable) => DataState::Unreachable,
                        Err(FetchError::Unreadable(e)) => DataState::Unreadable(e),
                    };
                    state.set(next);
                });
            }
        });
    }
    (*state).clone()
}

/// What the view shows while the dataset is not there.
pub fn not_ready(state: &DataState, lang: Lang) -> Html {
    let heading = html! { <h1>{tr!("Trials", "临床试验").get(lang)}</h1> };
    match state {
        DataState::Ready(_) => html! {},
        DataState::Fetching => html! {
            <section class="view" aria-busy="true">
                {heading}
                <p class="hint" role="status" data-testid="trials-loading">{tr!("Loading the trial outcomes…", "正在载入试验结果…").get(lang)}</p>
            </section>
        },
        DataState::Unreachable => html! {
            <section class="view">
                {heading}
                <p class="msg msg-error" role="alert">{tr!(
                    "The trial outcomes could not be loaded: the page is offline and they were not saved on this device yet. Open the Trials view once while online; it then works offline.",
                    "无法载入试验结果：页面处于离线状态，且本设备尚未保存这些数据。请在联网时打开一次“临床试验”页面，之后即可离线使用。"
                ).get(lang)}</p>
            </section>
        },
        DataState::Unreadable(reason) => html! {
            <section class="view">
                {heading}
                <p class="msg msg-error" role="alert">
                    {tr!("The trials data file could not be read: {reason}", "无法读取试验数据文件：{reason}").fill(lang, &[("reason", reason)])}
                </p>
            </section>
        },
    }
}

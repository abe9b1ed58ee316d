//! The app shell: header with navigation, the view the hash route names, and the footer.

use crate::browser;
use crate::link::{parse_hash, Route};
use crate::views::{about::AboutView, dose::DoseView, pk::PkView, trials::TrialsView};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The address's hash when the app starts (`#/dose?weight=70`).
    pub initial_hash: AttrValue,
}

fn nav_label(route: &Route) -> &'static str {
    match route {
        Route::Dose => "Dose",
        Route::Pk => "PK",
        Route::Trials => "Trials",
        Route::About => "About",
        Route::NotFound(_) => "",
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let hash = use_state(|| props.initial_hash.to_string());
    {
        let hash = hash.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_hash_change(move |new_hash| hash.set(new_hash));
            move || drop(listener)
        });
    }
    let (route, query) = parse_hash(&hash);
    // A new address (a link, back or forward) starts the view afresh from its query.
    let key = hash.to_string();
    let view = match &route {
        Route::Dose => html! { <DoseView key={key} {query} /> },
        Route::Pk => html! { <PkView key={key} {query} /> },
        Route::Trials => html! { <TrialsView key={key} {query} /> },
        Route::About => html! { <AboutView /> },
        Route::NotFound(path) => html! {
            <section class="view">
                <h1>{"Page not found"}</h1>
                <p>{format!("The address names “{path}”, which this app does not have. ")}
                    <a href="#/dose">{"Go to the dose calculator."}</a></p>
            </section>
        },
    };
    html! {
        <>
            <header class="site-header">
                <a class="brand" href="#/dose">
                    <span class="brand-name">{"ivocalc"}</span>
                    <span class="brand-tag">{"ivonescimab · PD-1(L1)/VEGF bispecifics"}</span>
                </a>
                <nav aria-label="Views">
                    <ul>
                        { for Route::ALL.iter().map(|r| {
                            let current = *r == route;
                            html! {
                                <li><a href={format!("#{}", r.path())} aria-current={current.then_some("page")}>{nav_label(r)}</a></li>
                            }
                        }) }
                    </ul>
                </nav>
            </header>
            <main id="main">{view}</main>
            <footer class="site-footer">
                <p>{"Decision support for health professionals. The product label and clinical judgement rule; every figure names its source. Runs in your browser: nothing you type leaves this device. "}
                    <a href="#/about">{format!("About ivocalc {}", crate::VERSION)}</a></p>
            </footer>
        </>
    }
}

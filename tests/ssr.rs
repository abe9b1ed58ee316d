//! Component tests: each view rendered natively with Yew's server renderer.

use ivocalc::app::{App, AppProps};
use ivocalc::link::QueryMap;
use ivocalc::views::about::AboutView;
use ivocalc::views::dose::{DoseView, DoseViewProps};
use ivocalc::views::pk::{PkView, PkViewProps};
use ivocalc::views::trials::{TrialsView, TrialsViewProps};
use yew::{BaseComponent, ServerRenderer};

async fn render<C>(props: impl FnOnce() -> C::Properties + Send + 'static) -> String
where
    C: BaseComponent,
{
    ServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn heading(html: &str) -> &str {
    let start = html.find("<h1>").map(|i| i + 4).unwrap_or(0);
    let end = html[start..]
        .find("</h1>")
        .map(|i| start + i)
        .unwrap_or(start);
    &html[start..end]
}

#[tokio::test]
async fn dose_view_renders_with_its_heading_and_the_link_values() {
    let html = render::<DoseView>(|| DoseViewProps {
        query: QueryMap::parse("weight=72.5&mgkg=20&every=3"),
        keep: QueryMap::new(),
    })
    .await;
    assert_eq!(heading(&html), "Dose");
    assert!(html.contains(r#"id="f-weight""#), "{html}");
    assert!(html.contains(r#"value="72.5""#), "{html}");
}

#[tokio::test]
async fn pk_view_renders_with_its_heading() {
    let html = render::<PkView>(|| PkViewProps {
        query: QueryMap::parse("mgkg=20&weight=70&every=3&doses=17"),
        keep: QueryMap::new(),
    })
    .await;
    assert_eq!(heading(&html), "Pharmacokinetics");
    assert!(html.contains(r#"value="17""#), "{html}");
}

#[tokio::test]
async fn trials_view_renders_with_its_heading() {
    let html = render::<TrialsView>(|| TrialsViewProps {
        query: QueryMap::parse("q=HARMONi-2"),
        keep: QueryMap::new(),
    })
    .await;
    assert_eq!(heading(&html), "Trials");
    assert!(html.contains(r#"value="HARMONi-2""#), "{html}");
}

#[tokio::test]
async fn about_view_names_both_sources_the_version_and_the_disclaimer() {
    let html = render::<AboutView>(|| ()).await;
    assert_eq!(heading(&html), "About ivocalc");
    assert!(html.contains("10.1055/s-0045-1809539"));
    // Both documents by the names readers know them by, never a working name.
    assert!(html.contains("the review of PD-1(L1)/VEGF bispecifics"));
    assert!(html.contains("Vallathol et al. 2025"));
    assert!(!html.contains("eed 00"));
    assert!(html.contains(ivocalc::VERSION));
    assert!(html.contains(&ivocalc::trials::data_version()));
    assert!(html.contains("clinical judgement rule"));
}

#[tokio::test]
async fn the_shell_routes_by_hash() {
    for (hash, h1) in [
        ("#/dose", "Dose"),
        ("#/pk?doses=3", "Pharmacokinetics"),
        ("#/trials", "Trials"),
        ("#/about", "About ivocalc"),
        ("#/elsewhere", "Page not found"),
        ("", "Dose"),
    ] {
        let html = render::<App>(move || AppProps {
            initial_hash: hash.into(),
        })
        .await;
        assert_eq!(heading(&html), h1, "{hash}");
        assert!(html.contains(r#"aria-label="Views""#));
    }
}

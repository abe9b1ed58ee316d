//! The app shell: header with navigation and the language switch, the view the hash route
//! names, and the footer. The page's language comes from the link (`lang`), else the one
//! remembered on this device, else the browser's preferred languages; it is kept in the address
//! bar, and its Chinese texts are loaded on demand. The views get, as a context, the language
//! the page is drawn in: Chinese from the moment its texts are loaded (English until then, with
//! a note that they are loading), so every text changes language at once.

use crate::browser;
use crate::i18n::{Lang, Pack, ZH_PACK_FILE};
use crate::inputs::LANG;
use crate::link::{hash_for, parse_hash, QueryMap, Route};
use crate::tr;
use crate::views::{about::AboutView, dose::DoseView, pk::PkView, trials::TrialsView};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The address's hash when the app starts (`#/dose?weight=70`).
    pub initial_hash: AttrValue,
}

fn nav_label(route: &Route) -> crate::i18n::Text {
    match route {
        Route::Dose => tr!("Dose", "剂量"),
        Route::Pk => tr!("PK", "药代动力学"),
        Route::Trials => tr!("Trials", "临床试验"),
        Route::About => tr!("About", "关于"),
        Route::NotFound(_) => tr!("Not found", "未找到"),
    }
}

/// The language a page opens in: the link's, else the device's, else the browser's.
pub fn initial_lang(query: &QueryMap) -> Lang {
    query
        .get(LANG.name)
        .and_then(Lang::from_code)
        .or_else(|| browser::remembered_lang().and_then(|c| Lang::from_code(&c)))
        .or_else(|| {
            let preferred = browser::preferred_languages();
            Lang::preferred(preferred.iter().map(String::as_str))
        })
        .unwrap_or_default()
}

/// What the page says outside the app in a language: title, update banner, manifest.
fn document_texts(lang: Lang) -> browser::DocumentTexts<'static> {
    browser::DocumentTexts {
        lang: lang.code(),
        title: tr!(
            "ivocalc: ivonescimab dose, PK and trials",
            "ivocalc：依沃西单抗剂量、药代动力学与临床试验"
        )
        .get(lang),
        update_text: tr!(
            "A new version of ivocalc is ready. ",
            "ivocalc 新版本已就绪。"
        )
        .get(lang),
        update_button: tr!("Reload to update", "重新加载以更新").get(lang),
        manifest: match lang {
            Lang::En => "manifest.webmanifest",
            Lang::ZhCn => "manifest.zh-CN.webmanifest",
        },
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let hash = use_state(|| props.initial_hash.to_string());
    // The language the reader chose (link, device or browser) ...
    let lang = use_state(|| initial_lang(&parse_hash(&props.initial_hash).1));
    let pack_loaded = use_state(Pack::is_loaded);
    // ... and the one the page is drawn in: Chinese once its texts are here, English until
    // then. The views get it as their context, so they all draw their texts anew the moment
    // it changes (and only then); what the reader typed stays.
    let drawn = match *lang {
        Lang::ZhCn if !*pack_loaded => Lang::En,
        chosen => chosen,
    };
    {
        let hash = hash.clone();
        let lang = lang.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_hash_change(move |new_hash| {
                if let Some(l) = parse_hash(&new_hash)
                    .1
                    .get(LANG.name)
                    .and_then(Lang::from_code)
                {
                    lang.set(l);
                }
                hash.set(new_hash);
            });
            move || drop(listener)
        });
    }
    use_effect_with(drawn, |drawn| {
        browser::set_document_texts(&document_texts(*drawn))
    });
    {
        let pack_loaded = pack_loaded.clone();
        use_effect_with(*lang, move |lang| {
            if *lang == Lang::ZhCn && !Pack::is_loaded() {
                yew::platform::spawn_local(async move {
                    if let Some(text) = browser::fetch_text(ZH_PACK_FILE).await {
                        Pack::install(&text);
                        pack_loaded.set(true);
                    }
                });
            }
        });
    }
    let (route, query) = parse_hash(&hash);
    let chosen = *lang;
    let current = drawn;
    let mut keep = QueryMap::new();
    keep.set(LANG.name, chosen.code());
    let switch_to = |to: Lang| {
        let lang = lang.clone();
        let route = route.clone();
        Callback::from(move |_: MouseEvent| {
            browser::remember_lang(to.code());
            // The view's own parameters stay; only the language changes.
            let (_, mut query) = parse_hash(&browser::current_hash());
            query.set(LANG.name, to.code());
            let next = hash_for(&route, &query);
            browser::replace_hash(&next);
            lang.set(to);
        })
    };
    // A new address (a link, back or forward) starts the view afresh from its query. A new
    // language only draws the texts anew: what the user typed stays.
    let key = hash.to_string();
    let t = |text: crate::i18n::Text| text.get(current);
    let view = match &route {
        Route::Dose => html! { <DoseView key={key} {query} keep={keep.clone()} /> },
        Route::Pk => html! { <PkView key={key} {query} keep={keep.clone()} /> },
        Route::Trials => html! { <TrialsView key={key} {query} keep={keep.clone()} /> },
        Route::About => html! { <AboutView /> },
        Route::NotFound(path) => html! {
            <section class="view">
                <h1>{t(tr!("Page not found", "页面未找到"))}</h1>
                <p>{tr!("The address names “{path}”, which this app does not have. ", "地址指向“{path}”，本应用没有此页面。").fill(current, &[("path", path)])}
                    <a href="#/dose">{t(tr!("Go to the dose calculator.", "前往剂量计算器。"))}</a></p>
            </section>
        },
    };
    let waiting_for_pack = chosen != drawn;
    html! {
        <ContextProvider<Lang> context={current}>
            <header class="site-header">
                <a class="brand" href="#/dose">
                    <span class="brand-name">{"ivocalc"}</span>
                    <span class="brand-tag">{t(tr!("ivonescimab · PD-1(L1)/VEGF bispecifics", "依沃西单抗 · PD-1(L1)/VEGF 双特异性抗体"))}</span>
                </a>
                <nav aria-label={t(tr!("Views", "页面"))}>
                    <ul>
                        { for Route::ALL.iter().map(|r| {
                            let here = *r == route;
                            html! {
                                <li><a href={format!("#{}", r.path())} aria-current={here.then_some("page")}>{t(nav_label(r))}</a></li>
                            }
                        }) }
                    </ul>
                </nav>
                <div class="lang-switch" role="group" aria-label={t(tr!("Language", "语言"))}>
                    { for Lang::ALL.iter().map(|l| html! {
                        <button type="button" lang={l.code()} aria-pressed={(*l == chosen).to_string()}
                            data-lang={l.code()} onclick={switch_to(*l)}>{l.name()}</button>
                    }) }
                </div>
            </header>
            if waiting_for_pack {
                <p class="msg msg-note pack-loading" role="status" lang="zh-CN" data-testid="pack-loading">{"正在加载中文……"}</p>
            }
            <main id="main" data-lang={current.code()} data-ready={(!waiting_for_pack).to_string()}>{view}</main>
            <footer class="site-footer">
                <p>{t(tr!(
                    "Decision support for health professionals. The product label and clinical judgement rule; every figure names its source. Runs in your browser: nothing you type leaves this device. ",
                    "供医疗专业人员使用的决策支持工具。以产品说明书和临床判断为准；每个数字都注明来源。在您的浏览器中运行：您输入的任何内容都不会离开本设备。"
                ))}
                    <a href="#/about">{tr!("About ivocalc {version}", "关于 ivocalc {version}").fill(current, &[("version", crate::VERSION)])}</a></p>
            </footer>
        </ContextProvider<Lang>>
    }
}

//! The page's window: the address bar, the clipboard and the clock. Everything here is a no-op
//! outside a browser, so components render natively (server-side rendering in tests).

/// The address's hash, `#/dose?weight=70`, or an empty string outside a browser.
pub fn current_hash() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// Replaces the address's hash without a new history entry and without a `hashchange` event,
/// so the inputs follow the user's typing into the address bar.
pub fn replace_hash(hash: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let current = current_hash();
            if current != hash {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = hash;
}

/// The full address of the page with another hash: what a shared link holds.
pub fn url_with_hash(hash: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default();
        format!("{base}{hash}")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        hash.to_string()
    }
}

/// Calls `on_change` with the new hash whenever it changes (a link, back or forward, typing
/// in the address bar). Dropping the returned value stops listening.
pub fn on_hash_change(on_change: impl Fn(String) + 'static) -> Option<gloo::events::EventListener> {
    #[cfg(target_arch = "wasm32")]
    {
        let window = web_sys::window()?;
        Some(gloo::events::EventListener::new(
            &window,
            "hashchange",
            move |_| on_change(current_hash()),
        ))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = on_change;
        None
    }
}

/// Puts text on the clipboard; returns false where the browser does not allow it.
pub fn copy_text(text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        match web_sys::window() {
            Some(window) => {
                let _ = window.navigator().clipboard().write_text(text);
                true
            }
            None => false,
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        false
    }
}

/// Opens the browser's print dialog (the print stylesheet makes the sheet).
pub fn print() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Milliseconds from a fixed point, for timing work in the page.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.performance())
            .map(|p| p.now())
            .unwrap_or(0.0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::time::{SystemTime, UNIX_EPOCH};
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    }
}

/// Puts a named mark on the page's performance timeline (User Timing), where benchmarks and
/// the browser's profiler find it: `ivocalc:population-start`, `ivocalc:population-done`.
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Waits for a new task of the page's event loop, so that the browser handles input and paints
/// first. A message to the page's own channel: unlike `setTimeout(0)`, which browsers hold
/// back 4 ms once it is repeated, it comes back at once when nothing else waits.
pub async fn next_task() {
    #[cfg(target_arch = "wasm32")]
    {
        use std::cell::RefCell;
        use std::collections::VecDeque;
        use wasm_bindgen::prelude::*;
        use wasm_bindgen::JsCast;

        /// One channel for the page: port 2 posts, port 1 wakes the waiters in order.
        struct Channel {
            post: web_sys::MessagePort,
            waiting: std::rc::Rc<RefCell<VecDeque<js_sys::Function>>>,
        }
        thread_local! {
            static CHANNEL: Option<Channel> = web_sys::MessageChannel::new().ok().map(|channel| {
                let waiting = std::rc::Rc::new(RefCell::new(VecDeque::<js_sys::Function>::new()));
                let queue = waiting.clone();
                let on_message = Closure::<dyn FnMut()>::new(move || {
                    let next = queue.borrow_mut().pop_front();
                    if let Some(resolve) = next {
                        let _ = resolve.call0(&JsValue::NULL);
                    }
                });
                channel.port1().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                // The page keeps the channel for its whole life.
                on_message.forget();
                Channel { post: channel.port2(), waiting }
            });
        }
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            CHANNEL.with(|channel| match channel {
                Some(channel) if channel.post.post_message(&JsValue::NULL).is_ok() => {
                    channel.waiting.borrow_mut().push_back(resolve);
                }
                _ => {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            });
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// Today's date as `YYYY-MM-DD` for printed sheets, or an empty string outside a browser.
pub fn today_iso() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let iso: String = js_sys::Date::new_0().to_iso_string().into();
        iso.chars().take(10).collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// Offers `text` as a file download (CSV, SVG, plain text). Returns false outside a browser
/// or where the browser refuses.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let run = || -> Option<()> {
            let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(mime);
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
            download_blob(file_name, &blob)
        };
        run().is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (file_name, mime, text);
        false
    }
}

/// Saves a blob under a file name through a temporary object URL.
#[cfg(target_arch = "wasm32")]
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Option<()> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// Calls `on_resize` whenever the window changes size. Dropping the returned value stops
/// listening.
pub fn on_window_resize(on_resize: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    #[cfg(target_arch = "wasm32")]
    {
        let window = web_sys::window()?;
        Some(gloo::events::EventListener::new(
            &window,
            "resize",
            move |_| on_resize(),
        ))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = on_resize;
        None
    }
}

/// Offers an SVG drawing as a PNG download: the SVG is loaded into an image from a blob URL,
/// drawn on a white canvas at `scale` x its size, and saved. Returns false where the browser
/// cannot start this (it finishes asynchronously).
pub fn download_svg_as_png(
    file_name: &str,
    svg: &str,
    width: f64,
    height: f64,
    scale: f64,
) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let run = || -> Option<()> {
            let document = web_sys::window()?.document()?;
            let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(svg));
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("image/svg+xml");
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let image = web_sys::HtmlImageElement::new().ok()?;
            let canvas: web_sys::HtmlCanvasElement =
                document.create_element("canvas").ok()?.dyn_into().ok()?;
            canvas.set_width((width * scale).round() as u32);
            canvas.set_height((height * scale).round() as u32);
            let name = file_name.to_string();
            let loaded = image.clone();
            let source_url = url.clone();
            let on_load = Closure::once_into_js(move || {
                let _ = web_sys::Url::revoke_object_url(&source_url);
                let draw = || -> Option<()> {
                    let context: web_sys::CanvasRenderingContext2d =
                        canvas.get_context("2d").ok()??.dyn_into().ok()?;
                    context.set_fill_style_str("#ffffff");
                    context.fill_rect(0.0, 0.0, width * scale, height * scale);
                    context
                        .draw_image_with_html_image_element_and_dw_and_dh(
                            &loaded,
                            0.0,
                            0.0,
                            width * scale,
                            height * scale,
                        )
                        .ok()?;
                    let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
                        if let Some(blob) = blob {
                            let _ = download_blob(&name, &blob);
                        }
                    });
                    canvas.to_blob(on_blob.unchecked_ref()).ok()
                };
                let _ = draw();
            });
            image.set_onload(Some(on_load.unchecked_ref()));
            image.set_src(&url);
            Some(())
        };
        run().is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (file_name, svg, width, height, scale);
        false
    }
}

/// The key under which the chosen language is remembered on this device.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const LANG_KEY: &str = "ivocalc-lang";

/// The language remembered on this device, if any.
pub fn remembered_lang() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?
            .local_storage()
            .ok()??
            .get_item(LANG_KEY)
            .ok()?
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Remembers the chosen language on this device (nothing leaves it).
pub fn remember_lang(code: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(LANG_KEY, code);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = code;
}

/// The browser's preferred languages, most preferred first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect()
            })
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Vec::new()
    }
}

/// What the page says outside the app, in its language: `<html lang>`, the title, the words
/// of the update banner (`static/register-sw.js` reads them from `<html>`) and the web app
/// manifest (its name and description; a file per language).
pub struct DocumentTexts<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    pub update_text: &'a str,
    pub update_button: &'a str,
    pub manifest: &'a str,
}

/// Sets `<html lang>`, the title, the update banner's words and the manifest link.
pub fn set_document_texts(texts: &DocumentTexts) {
    #[cfg(target_arch = "wasm32")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", texts.lang);
            let _ = root.set_attribute("data-update-text", texts.update_text);
            let _ = root.set_attribute("data-update-button", texts.update_button);
        }
        document.set_title(texts.title);
        if let Ok(Some(link)) = document.query_selector("link[rel=manifest]") {
            if link.get_attribute("href").as_deref() != Some(texts.manifest) {
                let _ = link.set_attribute("href", texts.manifest);
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = texts;
}

/// Fetches one of the app's own files (a path relative to the page); `None` when it cannot
/// (offline with nothing cached, or an error status).
#[cfg(target_arch = "wasm32")]
async fn fetch_response(path: &str) -> Option<web_sys::Response> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(path))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    response.ok().then_some(response)
}

/// Fetches one of the app's own files (a path relative to the page) as text.
pub async fn fetch_text(path: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let response = fetch_response(path).await?;
        let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
            .await
            .ok()?;
        text.as_string()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = path;
        None
    }
}

/// Fetches one of the app's own JSON files and reads it into `T`: the browser parses the JSON
/// (the wasm carries no JSON parser), serde reads the parsed value. `Err` says why: the file
/// could not be fetched, or it does not hold a `T`.
pub async fn fetch_json<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, FetchError> {
    #[cfg(target_arch = "wasm32")]
    {
        let response = fetch_response(path).await.ok_or(FetchError::Unreachable)?;
        let promise = response.json().map_err(|_| FetchError::Unreachable)?;
        let value = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(|e| FetchError::Unreadable(error_text(&e)))?;
        serde_wasm_bindgen::from_value(value).map_err(|e| FetchError::Unreadable(e.to_string()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = path;
        Err(FetchError::Unreachable)
    }
}

/// The message of a JS error (the wasm has no `Debug` formatting: see `scripts/tools.sh`).
#[cfg(target_arch = "wasm32")]
fn error_text(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => e.message().into(),
        None => error.as_string().unwrap_or_default(),
    }
}

/// Why [`fetch_json`] gave nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// Not fetched: no network and nothing cached, or an error status.
    Unreachable,
    /// Fetched, but not what was expected (the reason as the reader gave it).
    Unreadable(String),
}

//! A chart a reader takes away: "Download image" and "Download SVG" draw the chart as the
//! reader left it with its title above and its sources, the day the figures were checked and the
//! link to this scenario under it; they are drawn by a second, smaller chart program
//! (`poster_download.rs`, built with the feature `take-away`) that the page fetches only when a
//! reader reaches for one of them (pointer down, focus or click), through the function the
//! loader hands to `mount`. "Share" hands the link to the system's share sheet where the browser
//! has one, and copies it otherwise, saying so in the figure; it is done here, at once, as
//! browsers let a page share or copy only straight after the reader's action.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, Window};

use crate::model::scenario_url::to_query;
use crate::web::listener::Listener;
use crate::web::with_page;

/// Shows the figures' take-away buttons and listens for them; `draw` is the loader's function
/// that fetches the second program and draws with it (`draw(format, figure, query)`, a promise
/// of what to tell the reader; `draw("")` only fetches it). Without one, the download buttons
/// stay hidden and only Share is offered.
pub fn install(document: &Document, draw: Option<Function>) -> Vec<Listener> {
    if let Ok(rows) = document.query_selector_all("[data-take-away-row]") {
        for i in 0..rows.length() {
            if let Some(row) = rows.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                row.remove_attribute("hidden").ok();
                if draw.is_none() {
                    for format in ["png", "svg"] {
                        if let Ok(Some(button)) =
                            row.query_selector(&format!("[data-take-away=\"{format}\"]"))
                        {
                            button.set_attribute("hidden", "").ok();
                        }
                    }
                }
            }
        }
    }
    let fetch = draw.clone();
    let reached = move |event: Event| {
        if let (Some(draw), Some(_)) = (&fetch, button_of(&event, &["png", "svg"])) {
            let _ = draw.call1(&JsValue::NULL, &"".into());
        }
    };
    [
        Listener::on(document.as_ref(), "click", move |event| {
            let Some((button, format)) = button_of(&event, &["png", "svg", "share"]) else {
                return;
            };
            let Some(figure) = button.closest("figure[data-chart]").ok().flatten() else {
                return;
            };
            match (format.as_str(), &draw) {
                ("share", _) => {
                    let said = share(&figure);
                    tell(&figure, &said.unwrap_or_else(|e| e));
                }
                (_, Some(draw)) => download(draw, &figure, &format),
                (_, None) => {}
            }
        }),
        Listener::on(document.as_ref(), "pointerdown", reached.clone()),
        Listener::on(document.as_ref(), "focusin", reached),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The take-away button an event came from, and its format, if it is one of `formats`.
fn button_of(event: &Event, formats: &[&str]) -> Option<(Element, String)> {
    let button = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("[data-take-away]").ok().flatten())?;
    let format = button.get_attribute("data-take-away")?;
    formats
        .contains(&format.as_str())
        .then_some((button, format))
}

/// Asks the second program to draw the figure's chart in `format` for the reader's scenario;
/// the figure says what happened once it has.
fn download(draw: &Function, figure: &Element, format: &str) {
    let query = scenario_query();
    tell(figure, "Drawing…");
    let asked = draw.call3(
        &JsValue::NULL,
        &format.into(),
        figure.as_ref(),
        &query.as_str().into(),
    );
    let (drawn, failed) = (figure.clone(), figure.clone());
    let done = Closure::once(move |said: JsValue| {
        tell(&drawn, &said.as_string().unwrap_or_default());
    })
    .into_js_value();
    let refused = Closure::once(move |_: JsValue| {
        tell(&failed, "The chart could not be drawn for download.");
    })
    .into_js_value();
    match asked {
        Ok(promise) => when(&promise, &done, &refused),
        Err(_) => tell(figure, "The chart could not be drawn for download."),
    }
}

/// The link to the scenario of the link's `query`, at this figure's heading.
pub(crate) fn address(window: &Window, figure: &Element, query: &str) -> String {
    let location = window.location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let heading = figure
        .query_selector(".chart-title[id]")
        .ok()
        .flatten()
        .map(|h| format!("#{}", h.id()))
        .unwrap_or_default();
    format!("{base}{query}{heading}")
}

/// The query of the link to the reader's scenario now.
fn scenario_query() -> String {
    with_page(|page| to_query(&page.scenario, &page.start)).unwrap_or_default()
}

/// The words of `selector` in `within`, spaces folded.
pub(crate) fn words_of(within: &impl AsRef<Element>, selector: &str) -> String {
    within
        .as_ref()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .map(|t| {
            let mut words = String::with_capacity(t.len());
            for word in t.split_whitespace() {
                if !words.is_empty() {
                    words.push(' ');
                }
                words.push_str(word);
            }
            words
        })
        .unwrap_or_default()
}

/// Shares the link to this figure in the reader's scenario: the system's share sheet where the
/// browser has one, else the clipboard; each answers later, and the figure's status line says
/// what happened then. What to tell the reader now (nothing).
fn share(figure: &Element) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let url = address(&window, figure, &scenario_query());
    let navigator = Reflect::get(&window, &"navigator".into()).map_err(|_| "no navigator")?;
    let share = Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(share) = share {
        let data = Object::new();
        Reflect::set(&data, &"url".into(), &url.as_str().into()).ok();
        Reflect::set(
            &data,
            &"title".into(),
            &words_of(figure, ".chart-title").into(),
        )
        .ok();
        let Ok(asked) = share.call1(&navigator, &data) else {
            return copy(figure, &navigator, &url);
        };
        // Shared: the sheet said so. Closed by the reader: nothing to say. Refused (a frame
        // without leave to share): the link is copied instead.
        let (shown, fallback, link) = (figure.clone(), figure.clone(), url.clone());
        let done = Closure::once(move |_: JsValue| tell(&shown, "")).into_js_value();
        let refused = Closure::once(move |error: JsValue| {
            let aborted = Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .is_some_and(|n| n == "AbortError");
            if !aborted {
                let said = Reflect::get(&window, &"navigator".into())
                    .map_err(|_| format!("Copy this link: {link}"))
                    .and_then(|navigator| copy(&fallback, &navigator, &link));
                tell(&fallback, &said.unwrap_or_else(|e| e));
            }
        })
        .into_js_value();
        when(&asked, &done, &refused);
        return Ok(String::new());
    }
    copy(figure, &navigator, &url)
}

/// Copies `url` to the clipboard, the figure's status line saying so once the clipboard has
/// answered, or showing the link to copy by hand if it refuses. What to tell the reader now.
fn copy(figure: &Element, navigator: &JsValue, url: &str) -> Result<String, String> {
    let by_hand = format!("Copy this link: {url}");
    let clipboard = Reflect::get(navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    let asked = Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|write| write.call1(&clipboard, &url.into()).ok())
        .ok_or_else(|| by_hand.clone())?;
    let (copied, refused) = (figure.clone(), figure.clone());
    let said = format!("Link copied: {url}");
    let done = Closure::once(move |_: JsValue| tell(&copied, &said)).into_js_value();
    let failed = Closure::once(move |_: JsValue| tell(&refused, &by_hand)).into_js_value();
    when(&asked, &done, &failed);
    Ok(String::new())
}

/// Calls `done` or `failed` once `promise` settles (functions the browser's collector owns, so
/// that nothing is kept after they run).
fn when(promise: &JsValue, done: &JsValue, failed: &JsValue) {
    if let Some(then) = Reflect::get(promise, &"then".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = then.call2(promise, done, failed);
    }
}

/// Says `words` in the figure's take-away line (a status, read out once).
pub(crate) fn tell(figure: &Element, words: &str) {
    if let Ok(Some(line)) = figure.query_selector("[data-take-away-said]") {
        line.set_text_content(Some(words));
    }
}

//! A chart a reader takes away: "Download image" draws the chart as the reader left it, at
//! twice its size, with its title above and its sources, the day the figures were checked and
//! the link to this scenario under it (`charts::poster`, the same code the page draws with);
//! "SVG" writes the same drawing as SVG (`charts::svg_writer`);
//! "Share" hands that link to the system's share sheet where the browser has one, and copies it
//! otherwise, saying so in the figure.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement, Window};

use crate::charts::poster::Poster;
use crate::charts::theme::Theme;
use crate::model::scenario_url::to_query;
use crate::web::listener::Listener;
use crate::web::live_chart::draw_poster;
use crate::web::with_page;

/// The pixel ratio of a downloaded image.
const IMAGE_SCALE: f64 = 2.0;

/// Shows the figures' take-away buttons and listens for them.
pub fn install(document: &Document) -> Vec<Listener> {
    if let Ok(rows) = document.query_selector_all("[data-take-away-row]") {
        for i in 0..rows.length() {
            if let Some(row) = rows.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                row.remove_attribute("hidden").ok();
            }
        }
    }
    Listener::on(document.as_ref(), "click", |event| {
        let Some(button) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("[data-take-away]").ok().flatten())
        else {
            return;
        };
        let Some(figure) = button.closest("figure[data-chart]").ok().flatten() else {
            return;
        };
        let said = match button.get_attribute("data-take-away").as_deref() {
            Some("png") => download(&figure, Format::Png),
            Some("svg") => download(&figure, Format::Svg),
            Some("share") => share(&figure),
            _ => return,
        };
        tell(&figure, &said.unwrap_or_else(|e| e));
    })
    .into_iter()
    .collect()
}

/// The link to the reader's scenario, at this figure's heading.
fn address(window: &Window, figure: &Element) -> String {
    let location = window.location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let query = with_page(|page| to_query(&page.scenario, &page.start)).unwrap_or_default();
    let heading = figure
        .query_selector(".chart-title[id]")
        .ok()
        .flatten()
        .map(|h| format!("#{}", h.id()))
        .unwrap_or_default();
    format!("{base}{query}{heading}")
}

/// The words of `selector` in `within`, spaces folded.
fn words_of(within: &impl AsRef<Element>, selector: &str) -> String {
    within
        .as_ref()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The two files a chart is taken away as.
#[derive(Clone, Copy)]
enum Format {
    /// An image at twice the chart's size.
    Png,
    /// The chart's drawing as SVG, at its size.
    Svg,
}

/// Draws the figure's chart as a poster and hands it over as a file; what to tell the reader.
fn download(figure: &Element, format: Format) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let mut lines = vec![words_of(figure, ".chart-source")];
    let checked = words_of(
        &document.document_element().ok_or("no page")?,
        ".dateline time",
    );
    if !checked.is_empty() {
        lines.push(format!("Figures checked {checked}"));
    }
    lines.push(address(&window, figure));
    let poster = Poster {
        title: words_of(figure, ".chart-title"),
        lines: lines.into_iter().filter(|l| !l.is_empty()).collect(),
    };
    let (slug, url) = with_page(|page| {
        let chart = page.charts.iter().find(|c| c.figure == *figure)?;
        let css = chart
            .size
            .unwrap_or_else(|| crate::web::canvas_size::css_size(&chart.frame));
        let palette = page.palette;
        let canvas: HtmlCanvasElement = document
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into().ok())?;
        let url = match format {
            Format::Png => {
                let theme = Theme::new(palette, IMAGE_SCALE);
                draw_poster(&canvas, &chart.model, &theme, &poster, (css, None)).ok()?;
                canvas.to_data_url().ok()?
            }
            Format::Svg => {
                let svg = Rc::new(RefCell::new(String::new()));
                let theme = Theme::new(palette, 1.0);
                draw_poster(&canvas, &chart.model, &theme, &poster, (css, Some(&svg))).ok()?;
                let encoded: String = js_sys::encode_uri_component(&svg.borrow()).into();
                format!("data:image/svg+xml;charset=utf-8,{encoded}")
            }
        };
        Some((chart.slug.clone(), url))
    })
    .flatten()
    .ok_or("The chart could not be drawn for download.")?;
    let (name, said) = match format {
        Format::Png => (format!("{slug}.png"), "Image downloaded."),
        Format::Svg => (format!("{slug}.svg"), "SVG downloaded."),
    };
    hand_over(&document, &url, &name)?;
    Ok(said.into())
}

/// Follows a download link to `url`, saving it as `name`.
fn hand_over(document: &Document, url: &str, name: &str) -> Result<(), String> {
    let link: HtmlElement = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into().ok())
        .ok_or("no link")?;
    link.set_attribute("href", url).ok();
    link.set_attribute("download", name).ok();
    link.click();
    Ok(())
}

/// Shares the link to this figure in the reader's scenario: the system's share sheet where the
/// browser has one, else the clipboard; each answers later, and the figure's status line says
/// what happened then. What to tell the reader now (nothing).
fn share(figure: &Element) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let url = address(&window, figure);
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
fn tell(figure: &Element, words: &str) {
    if let Ok(Some(line)) = figure.query_selector("[data-take-away-said]") {
        line.set_text_content(Some(words));
    }
}

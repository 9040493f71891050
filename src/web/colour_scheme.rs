//! The palette the charts are drawn in, as the reader's system asks: light or dark, or, in
//! forced colours (a high-contrast theme), the reader's own system colours, read from the
//! browser's computed style. Followed while the page is open.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, MediaQueryList, Window};

use crate::charts::theme::{parse_rgb, Palette};
use crate::web::listener::Listener;
use crate::web::{frame_clock, on_frame_work, with_page};

const DARK: &str = "(prefers-color-scheme: dark)";
const FORCED: &str = "(forced-colors: active)";

/// The palette for the reader's settings now.
#[must_use]
pub fn palette(window: &Window, document: &Document) -> Palette {
    if matches(window, FORCED) {
        if let Some(palette) = system_palette(document) {
            return palette;
        }
    }
    if matches(window, DARK) {
        Palette::DARK
    } else {
        Palette::LIGHT
    }
}

/// Redraws the charts when the reader switches between light and dark, or forced colours.
pub fn follow(window: &Window) -> Vec<Listener> {
    [DARK, FORCED]
        .into_iter()
        .filter_map(|query| window.match_media(query).ok().flatten())
        .filter_map(|query: MediaQueryList| {
            Listener::on(query.as_ref(), "change", |_| {
                with_page(|page| {
                    if let Some(window) = web_sys::window() {
                        page.palette = palette(&window, &page.document);
                    }
                    page.mark_dirty(None);
                });
                frame_clock::request(on_frame_work);
            })
        })
        .collect()
}

fn matches(window: &Window, query: &str) -> bool {
    window
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|q| q.matches())
}

/// The system's text, background and grey text colours, as a probe element's computed colour
/// says each keyword resolves; `None` if the browser does not say.
fn system_palette(document: &Document) -> Option<Palette> {
    let body = document.body()?;
    let window = document.default_view()?;
    let probe: HtmlElement = document.create_element("span").ok()?.dyn_into().ok()?;
    body.append_child(&probe).ok()?;
    // Set through the style object, which the page's security policy allows (a style
    // attribute it would refuse).
    let colour = |keyword: &str| {
        probe.style().set_property("color", keyword).ok()?;
        let style = window.get_computed_style(&probe).ok()??;
        parse_rgb(&style.get_property_value("color").ok()?)
    };
    let found = (colour("CanvasText"), colour("Canvas"), colour("GrayText"));
    probe.remove();
    match found {
        (Some(text), Some(background), Some(muted)) => {
            Some(Palette::system(text, background, muted))
        }
        _ => None,
    }
}

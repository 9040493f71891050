//! Should the program panic, the reader sees it in every figure and the console says where;
//! no chart is left silently blank.

use std::sync::Once;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::web::figure_status::{self, Status};

/// What a figure says after a panic.
pub const NOTICE: &str = "an internal error stopped the chart program; the static chart is shown";

/// Installs the panic hook, once.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("chart program failed: {info}").into());
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                show_in_figures(&document);
            }
        }));
    });
}

/// Marks every chart figure of `document` as failed with [`NOTICE`], so that its static chart
/// shows again.
pub fn show_in_figures(document: &Document) {
    let Ok(list) = document.query_selector_all("figure[data-chart]") else {
        return;
    };
    for i in 0..list.length() {
        if let Some(figure) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            figure_status::show(&figure, &Status::Failed(NOTICE.into()));
        }
    }
}

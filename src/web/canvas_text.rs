//! Text measured by the browser itself, on a small canvas of its own, so that a chart's layout
//! matches the words the canvas will draw.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement};

use crate::charts::text_width::{Estimate, TextWidth};
use crate::charts::theme::FONT_STACK;

/// Measures with a 2D context kept for measuring alone; falls back to [`Estimate`].
pub struct CanvasText {
    context: Option<CanvasRenderingContext2d>,
    font: RefCell<String>,
}

impl CanvasText {
    /// A measure made in `document`.
    #[must_use]
    pub fn new(document: &Document) -> Self {
        let context = document
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        Self {
            context,
            font: RefCell::new(String::new()),
        }
    }
}

impl TextWidth for CanvasText {
    fn text_width(&self, words: &str, size: f64, bold: bool) -> f64 {
        let Some(context) = &self.context else {
            return Estimate.text_width(words, size, bold);
        };
        // The same font string the canvas backend draws with.
        let font = format!(
            "{} {}px {}",
            if bold { "bold" } else { "normal" },
            size,
            FONT_STACK
        );
        if *self.font.borrow() != font {
            context.set_font(&font);
            *self.font.borrow_mut() = font;
        }
        context
            .measure_text(words)
            .map_or_else(|_| Estimate.text_width(words, size, bold), |m| m.width())
    }
}

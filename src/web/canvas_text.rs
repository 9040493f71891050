//! Text measured by the browser itself, on a small canvas of its own, so that a chart's layout
//! matches the words the canvas will draw.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement};

use crate::charts::text_width::{Estimate, TextWidth};
use crate::charts::theme::FONT_STACK;
use crate::web::canvas_style;

/// How many widths the measure remembers (a chart's labels, a few charts over).
const REMEMBERED: usize = 256;

/// Measures with a 2D context kept for measuring alone; falls back to [`Estimate`]. Widths
/// already measured are remembered, so that a redraw asks the browser only for new words.
pub struct CanvasText {
    context: Option<CanvasRenderingContext2d>,
    font: RefCell<String>,
    /// Widths by a hash of (words, size, weight), each in the slot its hash picks.
    widths: RefCell<Vec<(u64, f64)>>,
}

/// FNV-1a over the words, the size's bits and the weight.
fn key(words: &str, size: f64, bold: bool) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let size = size.to_bits().to_le_bytes();
    for byte in words.bytes().chain(size).chain([u8::from(bold)]) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash
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
            widths: RefCell::new(vec![(0, 0.0); REMEMBERED]),
        }
    }
}

impl TextWidth for CanvasText {
    fn text_width(&self, words: &str, size: f64, bold: bool) -> f64 {
        let Some(context) = &self.context else {
            return Estimate.text_width(words, size, bold);
        };
        let key = key(words, size, bold);
        let slot = (key % REMEMBERED as u64) as usize;
        if let Some(&(known, width)) = self.widths.borrow().get(slot) {
            if known == key {
                return width;
            }
        }
        // The same font string the canvas backend draws with.
        let font = canvas_style::font(if bold { "bold" } else { "normal" }, size, FONT_STACK);
        if *self.font.borrow() != font {
            context.set_font(&font);
            *self.font.borrow_mut() = font;
        }
        let width = context
            .measure_text(words)
            .map_or_else(|_| Estimate.text_width(words, size, bold), |m| m.width());
        if let Some(place) = self.widths.borrow_mut().get_mut(slot) {
            *place = (key, width);
        }
        width
    }
}

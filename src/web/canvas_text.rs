//! Text measured by the browser itself, on small canvases of its own (one per font, so that no
//! measurement makes the browser parse a font again), so that a chart's layout matches the
//! words the canvas will draw.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement};

use crate::charts::text_width::{Estimate, TextWidth};
use crate::charts::theme::FONT_STACK;
use crate::web::canvas_style;

/// How many widths the measure remembers: the words of the page's charts at their sizes, and
/// the numbers a slider's whole range writes (a drag back and forth asks for each again).
const REMEMBERED: usize = 8192;

/// How many fonts get a measuring context of their own (the charts use a handful: a few sizes,
/// bold or not, at one pixel ratio); beyond them the last one is switched from font to font.
const FONTS: usize = 8;

/// Measures with 2D contexts kept for measuring alone, one per font; falls back to
/// [`Estimate`]. Widths already measured are remembered, so that a redraw asks the browser only
/// for new words.
pub struct CanvasText {
    document: Document,
    /// Each font's context, with the font it is set to.
    contexts: RefCell<Vec<(String, CanvasRenderingContext2d)>>,
    /// Widths of single words.
    widths: Remembered,
    /// Widths of whole lines.
    lines: Remembered,
}

/// Widths by a hash of (words, size, weight), in pairs of slots: a hash picks its pair, which
/// holds the two widths put there last.
struct Remembered(RefCell<Vec<(u64, f64)>>);

impl Remembered {
    fn new() -> Self {
        Self(RefCell::new(vec![(0, 0.0); REMEMBERED]))
    }

    /// The first of the two slots `key` picks.
    fn pair(key: u64) -> usize {
        (key % (REMEMBERED / 2) as u64) as usize * 2
    }

    /// The width remembered for `key`, if any.
    #[inline(never)]
    fn get(&self, key: u64) -> Option<f64> {
        let at = Self::pair(key);
        let slots = self.0.borrow();
        let pair = slots.get(at..at + 2)?;
        pair.iter()
            .find(|(known, _)| *known == key)
            .map(|&(_, width)| width)
    }

    /// Remembers `width` for `key`, in place of the older of its pair.
    #[inline(never)]
    fn put(&self, key: u64, width: f64) {
        let at = Self::pair(key);
        if let Some(pair) = self.0.borrow_mut().get_mut(at..at + 2) {
            pair.rotate_right(1);
            if let Some(first) = pair.first_mut() {
                *first = (key, width);
            }
        }
    }
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
        Self {
            document: document.clone(),
            contexts: RefCell::default(),
            widths: Remembered::new(),
            lines: Remembered::new(),
        }
    }

    /// The width of `words` in `font`, as the browser measures it.
    fn measure(&self, words: &str, font: String) -> Option<f64> {
        let mut contexts = self.contexts.borrow_mut();
        let at = match contexts.iter().position(|(f, _)| *f == font) {
            Some(at) => at,
            None => {
                if contexts.len() >= FONTS {
                    let (set, last) = contexts.last_mut()?;
                    last.set_font(&font);
                    *set = font;
                } else {
                    let context = self
                        .document
                        .create_element("canvas")
                        .ok()
                        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
                        .and_then(|c| c.get_context("2d").ok().flatten())
                        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())?;
                    context.set_font(&font);
                    contexts.push((font, context));
                }
                contexts.len() - 1
            }
        };
        let (_, context) = contexts.get(at)?;
        context.measure_text(words).ok().map(|m| m.width())
    }
}

impl CanvasText {
    /// The width of one word (or of a space), remembered.
    fn word_width(&self, word: &str, size: f64, bold: bool) -> f64 {
        let key = key(word, size, bold);
        if let Some(width) = self.widths.get(key) {
            return width;
        }
        // The same font string the canvas backend draws with.
        let font = canvas_style::font(if bold { "bold" } else { "normal" }, size, FONT_STACK);
        let width = self
            .measure(word, font)
            .unwrap_or_else(|| Estimate.text_width(word, size, bold));
        self.widths.put(key, width);
        width
    }
}

impl TextWidth for CanvasText {
    /// Words are measured one at a time and their widths added, with a space's between them:
    /// a label whose number changes as a slider moves then costs the browser one new word, not
    /// the whole line, and the lines a label is wrapped into cost nothing new. (Over the 279
    /// labels of the page, the sum equals the line's own width in Chromium's fonts here; a font
    /// that kerns across spaces would differ by a fraction of a pixel, which every layout's
    /// margins hold.)
    fn text_width(&self, words: &str, size: f64, bold: bool) -> f64 {
        // (A byte scan: `str::contains` would bring the library's substring search, 3 KB.)
        if !words.bytes().any(|b| b == b' ') {
            return self.word_width(words, size, bold);
        }
        // A line asked again (a label wrapped, then drawn) is remembered whole.
        let key = key(words, size, bold);
        if let Some(width) = self.lines.get(key) {
            return width;
        }
        let mut width = 0.0;
        let mut gaps = 0.0;
        for (i, word) in words.split(' ').enumerate() {
            if i > 0 {
                gaps += 1.0;
            }
            if !word.is_empty() {
                width += self.word_width(word, size, bold);
            }
        }
        if gaps > 0.0 {
            width += gaps * self.word_width(" ", size, bold);
        }
        self.lines.put(key, width);
        width
    }
}

thread_local! {
    static MEASURE: Rc<dyn TextWidth> = match web_sys::window().and_then(|w| w.document()) {
        Some(document) => Rc::new(CanvasText::new(&document)),
        None => Rc::new(Estimate),
    };
}

/// The page's one text measure (the browser's, or the estimate where there is no document),
/// made once, so that widths measured for one chart serve the next.
#[must_use]
pub fn measure() -> Rc<dyn TextWidth> {
    MEASURE.with(Rc::clone)
}

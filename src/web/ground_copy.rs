//! A map's ground (its countries, their patterns and the lines between them:
//! `charts::map::Ground`) kept drawn on a canvas of its own, off the page, and laid under the
//! map's data at each redraw while it stays the same. A slider step then repaints a few members
//! and the key, not every country on the sheet. Anything the ground depends on (the canvas's
//! size, the pixel ratio, the palette, the text size, where the map sits, which members have a
//! figure) draws it again, once; so does a new sheet, or the browser's clearing the copy (a
//! canvas whose context was lost and restored, as a phone does to a page left in the background).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use plotters::drawing::IntoDrawingArea;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::atlas::Sheet;
use crate::charts::map::Ground;
use crate::web::listener::Listener;
use crate::web::stroke_batch::StrokeBatch;

/// The ground last drawn and the canvas it is drawn on, if any.
#[derive(Default)]
pub struct GroundCopy {
    kept: RefCell<Option<(Ground, HtmlCanvasElement)>>,
    /// Set when the browser has cleared the copy's canvas.
    cleared: Rc<Cell<bool>>,
    /// The listener that sets it.
    on_clear: RefCell<Option<Listener>>,
}

impl GroundCopy {
    /// Lays `ground` on `onto`, from the copy if it is of this ground, else drawn anew (and
    /// kept). False where it cannot: the map then draws its ground itself.
    pub fn lay(&self, ground: &Ground, sheet: &Sheet, onto: &HtmlCanvasElement) -> bool {
        // The copy is laid at the canvas's corner: only a ground as large as the canvas fits.
        if ground.size() != (onto.width(), onto.height()) {
            return false;
        }
        let held = self.holds(ground, onto);
        let Ok(mut kept) = self.kept.try_borrow_mut() else {
            return false;
        };
        if !held {
            self.cleared.set(false);
            let Some(canvas) = kept.take().map(|(_, c)| c).or_else(|| self.detached(onto)) else {
                return false;
            };
            // Setting its size clears it, even to the same size.
            canvas.set_width(onto.width());
            canvas.set_height(onto.height());
            let Some(backend) = StrokeBatch::new(&canvas) else {
                return false;
            };
            let area = backend.into_drawing_area();
            if ground.draw(&area, sheet).is_err() || area.present().is_err() {
                return false;
            }
            *kept = Some((ground.clone(), canvas));
        }
        let context = onto
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        match (context, kept.as_ref()) {
            (Some(context), Some((_, copy))) => context
                .draw_image_with_html_canvas_element(copy, 0.0, 0.0)
                .is_ok(),
            _ => false,
        }
    }

    /// Whether the copy is of `ground` and would be laid on `onto` as it is, without drawing it
    /// again.
    pub fn holds(&self, ground: &Ground, onto: &HtmlCanvasElement) -> bool {
        !self.cleared.get()
            && ground.size() == (onto.width(), onto.height())
            && self
                .kept
                .try_borrow()
                .is_ok_and(|kept| kept.as_ref().map(|(g, _)| g) == Some(ground))
    }

    /// Whether a copy is kept that the browser has not cleared.
    pub fn intact(&self) -> bool {
        !self.cleared.get() && self.kept.try_borrow().is_ok_and(|kept| kept.is_some())
    }

    /// Forgets the copy (a new sheet, or the page back from paper).
    pub fn forget(&self) {
        if let Ok(mut kept) = self.kept.try_borrow_mut() {
            kept.take();
        }
    }

    /// A canvas of the same document, never placed in it, which says when the browser clears
    /// it.
    fn detached(&self, like: &HtmlCanvasElement) -> Option<HtmlCanvasElement> {
        let canvas: HtmlCanvasElement = like
            .owner_document()?
            .create_element("canvas")
            .ok()?
            .dyn_into()
            .ok()?;
        // The copy cleared by the browser: the ground is drawn again at the next drawing (the
        // map's own canvas cleared is drawn again by its chart, `LiveChart`).
        let cleared = Rc::clone(&self.cleared);
        if let Ok(mut on_clear) = self.on_clear.try_borrow_mut() {
            *on_clear = Listener::on(&canvas, "contextrestored", move |_| cleared.set(true));
        }
        Some(canvas)
    }
}

//! A map's ground (its countries, their patterns and the lines between them:
//! `charts::map::Ground`) kept drawn on a canvas of its own, off the page, and laid under the
//! map's data at each redraw while it stays the same. A slider step then repaints a few members
//! and the key, not every country on the sheet. A new size or palette draws it again, once.

use std::cell::RefCell;

use plotters::drawing::IntoDrawingArea;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::atlas::Sheet;
use crate::charts::map::Ground;
use crate::web::stroke_batch::StrokeBatch;

/// The ground last drawn and the canvas it is drawn on, if any.
#[derive(Default)]
pub struct GroundCopy {
    kept: RefCell<Option<(Ground, HtmlCanvasElement)>>,
}

impl GroundCopy {
    /// Lays `ground` on `onto`, from the copy if it is of this ground, else drawn anew (and
    /// kept). False where it cannot: the map then draws its ground itself.
    pub fn lay(&self, ground: &Ground, sheet: &Sheet, onto: &HtmlCanvasElement) -> bool {
        let Ok(mut kept) = self.kept.try_borrow_mut() else {
            return false;
        };
        if kept.as_ref().map(|(g, _)| g) != Some(ground) {
            let Some(canvas) = kept.take().map(|(_, c)| c).or_else(|| detached(onto)) else {
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

    /// Forgets the copy (a new sheet).
    pub fn forget(&self) {
        if let Ok(mut kept) = self.kept.try_borrow_mut() {
            kept.take();
        }
    }
}

/// A canvas of the same document, never placed in it.
fn detached(like: &HtmlCanvasElement) -> Option<HtmlCanvasElement> {
    like.owner_document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()
}

//! Sizing a canvas's backing store to its frame's CSS size times the device pixel ratio, so
//! that charts are crisp on any screen.

use web_sys::{HtmlCanvasElement, HtmlElement};

/// The window's device pixel ratio, or 1 where there is none.
#[must_use]
pub fn device_pixel_ratio() -> f64 {
    crate::web::with_window(web_sys::Window::device_pixel_ratio).unwrap_or(1.0)
}

/// The backing-store size for a CSS size at a pixel ratio.
#[must_use]
pub fn backing_size((css_w, css_h): (f64, f64), ratio: f64) -> (u32, u32) {
    let px = |css: f64| {
        let v = (css.max(0.0) * ratio).round();
        if v.is_finite() && v < f64::from(u32::MAX) {
            v as u32
        } else {
            0
        }
    };
    (px(css_w), px(css_h))
}

/// `frame`'s CSS content size (reading it lays the page out if it changed since).
#[must_use]
pub fn css_size(frame: &HtmlElement) -> (f64, f64) {
    (
        f64::from(frame.client_width()),
        f64::from(frame.client_height()),
    )
}

/// Gives `canvas` the backing store for a frame of CSS size `css` at `ratio`; the canvas's CSS
/// size is the frame's (set in the style sheet). Returns the new backing size.
pub fn fit(canvas: &HtmlCanvasElement, css: (f64, f64), ratio: f64) -> (u32, u32) {
    let (w, h) = backing_size(css, ratio);
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    (w, h)
}

//! The canvas's colours and fonts as the strings its context takes, written from integers: the
//! numbers in them (an opacity, a font size) never go through the float formatting that would
//! otherwise be the largest single part of the chart program.

use plotters_backend::BackendColor;

use crate::model::wording::decimal;

/// `rgb(r,g,b)` for an opaque colour, `rgba(r,g,b,0.35)` otherwise (the opacity to three places,
/// finer than the canvas's own 256 steps).
#[must_use]
pub fn color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    if color.alpha >= 1.0 {
        format!("rgb({r},{g},{b})")
    } else {
        format!("rgba({r},{g},{b},{})", decimal(color.alpha.max(0.0), 3))
    }
}

/// `bold 13.5px system-ui, …`: the weight (or style), the size in pixels to three places, the
/// families.
#[must_use]
pub fn font(weight: &str, size: f64, families: &str) -> String {
    format!("{weight} {}px {families}", decimal(size, 3))
}

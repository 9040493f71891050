//! The reader's text size: the page's root font size against the usual 16 px, as the browser
//! computes it (a reader who sets the browser's text to 32 px gets 2). The charts' words and
//! lines grow by it, as the page's own text does; the frames, sized in rem, grow with it, and
//! their resize observers ask for it again, so that a change while the page is open is
//! followed.

use web_sys::{Document, Window};

/// The reader's text size against the usual 16 px; 1 where the browser does not say.
#[must_use]
pub fn scale(window: &Window, document: &Document) -> f64 {
    document
        .document_element()
        .and_then(|root| window.get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        .and_then(|size| pixels(&size))
        .filter(|px| *px > 0.0)
        .map_or(1.0, |px| px / 16.0)
}

/// `"20.8px"` as 20.8: digits, at most one point, then `px` (read by hand: the library's
/// number parsing would add several kilobytes to the program for this one number).
fn pixels(css: &str) -> Option<f64> {
    let digits = css.trim().strip_suffix("px")?;
    let (mut value, mut scale, mut seen, mut point) = (0.0, 1.0, false, false);
    for c in digits.chars() {
        match (c, c.to_digit(10)) {
            ('.', _) if !point => point = true,
            (_, Some(d)) => {
                seen = true;
                if point {
                    scale /= 10.0;
                    value += f64::from(d) * scale;
                } else {
                    value = value * 10.0 + f64::from(d);
                }
            }
            _ => return None,
        }
    }
    seen.then_some(value)
}

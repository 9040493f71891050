//! The second cue, after colour, of what a bar is: diagonal stripes for a figure as reported,
//! horizontal lines for one the program derived, a ring inside the bar for the reader's
//! scenario, vertical lines for the reader's guess, and a plain fill for a reference figure. The lines are drawn in the background colour, at least
//! 3:1 against every fill (tests/theme_contrast.rs), so that kinds differ without colour.

use crate::figures::Kind;

/// The 45° stripe segments that cross the box `(x0, y0)–(x1, y1)`, `gap` pixels apart,
/// clipped to the box.
#[must_use]
pub fn stripes(x0: i32, y0: i32, x1: i32, y1: i32, gap: i32) -> Vec<[(i32, i32); 2]> {
    let (w, h) = (x1 - x0, y1 - y0);
    if w <= 0 || h <= 0 || gap <= 0 {
        return Vec::new();
    }
    // Each stripe runs from (t, y1) up and to the right to (t + h, y0).
    let mut out = Vec::new();
    let mut t = x0 - h;
    while t < x1 {
        let start = (x0 - t).max(0);
        let end = (x1 - t).min(h);
        if start < end {
            out.push([(t + start, y1 - start), (t + end, y1 - end)]);
        }
        t += gap;
    }
    out
}

/// The lines that mark a bar of `kind` over the box `(x0, y0)–(x1, y1)`, `gap` pixels apart
/// (none for a reference figure: its fill is plain).
#[must_use]
pub fn pattern(
    kind: Kind,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    gap: i32,
) -> Vec<[(i32, i32); 2]> {
    if x1 <= x0 || y1 <= y0 || gap <= 0 {
        return Vec::new();
    }
    // Lines run between the box's edges, half a gap in from the first.
    let mut out = Vec::new();
    match kind {
        Kind::AsReported => return stripes(x0, y0, x1, y1, gap),
        Kind::Reference => {}
        Kind::Derived => {
            let mut y = y0 + gap / 2;
            while y < y1 {
                out.push([(x0, y), (x1, y)]);
                y += gap;
            }
        }
        Kind::Guess => {
            let mut x = x0 + gap / 2;
            while x < x1 {
                out.push([(x, y0), (x, y1)]);
                x += gap;
            }
        }
        // A ring just inside the bar: four lines, cheap to draw at every step of a drag (the
        // scenario's bars are the ones redrawn while the reader moves a control).
        Kind::Scenario => {
            let inset = (gap / 3).max(1);
            let (l, t, r, b) = (x0 + inset, y0 + inset, x1 - inset, y1 - inset);
            if r > l && b > t {
                out.extend([
                    [(l, t), (r, t)],
                    [(r, t), (r, b)],
                    [(r, b), (l, b)],
                    [(l, b), (l, t)],
                ]);
            }
        }
    }
    out
}

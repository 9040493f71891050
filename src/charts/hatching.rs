//! Diagonal stripes over a bar, the second cue (after colour) that a figure is as reported.

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

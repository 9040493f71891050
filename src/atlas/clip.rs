//! A country's outline cut to a map's window (Sutherland and Hodgman's method, edge by edge):
//! what lies outside is dropped, and the outline runs along the window's edge where it was cut.
//! Native only.

/// The window: left, bottom, right and top, in the projection's units.
pub type Window = (f64, f64, f64, f64);

/// Whether a point is on the inner side of an edge at a value.
type Inside = fn((f64, f64), f64) -> bool;

/// `ring` (a closed outline, its last point joined to its first) cut to `window`; empty if
/// nothing of it is inside.
#[must_use]
pub fn clip_ring(ring: &[(f64, f64)], (left, bottom, right, top): Window) -> Vec<(f64, f64)> {
    let edges: [(Inside, bool, f64); 4] = [
        (|p, v| p.0 >= v, true, left),
        (|p, v| p.0 <= v, true, right),
        (|p, v| p.1 >= v, false, bottom),
        (|p, v| p.1 <= v, false, top),
    ];
    let mut out = ring.to_vec();
    for (inside, vertical, value) in edges {
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else {
            return Vec::new();
        };
        let mut previous = last;
        for &point in &input {
            let (now_in, was_in) = (inside(point, value), inside(previous, value));
            if now_in != was_in {
                out.push(crossing(previous, point, vertical, value));
            }
            if now_in {
                out.push(point);
            }
            previous = point;
        }
    }
    out
}

/// Where the segment `a`–`b` crosses the line x = `value` (if `vertical`) or y = `value`.
fn crossing(a: (f64, f64), b: (f64, f64), vertical: bool, value: f64) -> (f64, f64) {
    if vertical {
        let t = (value - a.0) / (b.0 - a.0);
        (value, a.1 + t * (b.1 - a.1))
    } else {
        let t = (value - a.1) / (b.1 - a.1);
        (a.0 + t * (b.0 - a.0), value)
    }
}

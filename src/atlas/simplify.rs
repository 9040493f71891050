//! Lines made lighter for the widths a map is drawn at: Douglas and Peucker's method keeps the
//! points a line needs to stay within a tolerance of where it was, and drops the rest. Borders
//! are simplified once each, as the atlas shares them between the two countries they divide, so
//! that neighbours still meet. Native only.

/// The points of `line` that keep it within `tolerance` of every point it had (its first and
/// last always kept).
#[must_use]
pub fn simplify(line: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    if let Some(first) = keep.first_mut() {
        *first = true;
    }
    if let Some(last) = keep.last_mut() {
        *last = true;
    }
    // The stretches still to look at, as (first, last) indices.
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (Some(&pa), Some(&pb)) = (line.get(a), line.get(b)) else {
            continue;
        };
        let farthest = (a + 1..b)
            .filter_map(|i| Some((i, distance_to_segment(*line.get(i)?, pa, pb))))
            .fold(None, |best: Option<(usize, f64)>, (i, d)| match best {
                Some((_, bd)) if bd >= d => best,
                _ => Some((i, d)),
            });
        if let Some((i, d)) = farthest {
            if d > tolerance {
                if let Some(k) = keep.get_mut(i) {
                    *k = true;
                }
                stack.push((a, i));
                stack.push((i, b));
            }
        }
    }
    line.iter()
        .zip(keep)
        .filter_map(|(&p, k)| k.then_some(p))
        .collect()
}

/// How far `p` is from the segment `a`–`b`.
#[must_use]
pub fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt()
}

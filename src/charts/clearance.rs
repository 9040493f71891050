//! Whether a drawn chart is legible: every word and shape inside the frame, no words over other
//! words, and no words across a shape (words may sit wholly inside one, as a value written in
//! its bar does).

use crate::charts::pen::Mark;

/// How many pixels two boxes may share before they count as overlapping (antialiasing).
const SLACK: i32 = 1;

/// What stands in the way of reading `marks` drawn in a frame of `size` backing-store pixels:
/// one line per problem, empty if none.
#[must_use]
pub fn problems(marks: &[Mark], (width, height): (i32, i32)) -> Vec<String> {
    let mut found = Vec::new();
    for (i, mark) in marks.iter().enumerate() {
        let (l, t, r, b) = mark.rect;
        if l < -SLACK || t < -SLACK || r > width + SLACK || b > height + SLACK {
            found.push(format!(
                "{} {i} {:?} leaves the {width}×{height} frame",
                what(mark),
                mark.rect
            ));
        }
    }
    for (i, a) in marks.iter().enumerate().filter(|(_, m)| m.words) {
        for (j, b) in marks.iter().enumerate().skip(i + 1) {
            let clash = if b.words {
                shared(a.rect, b.rect)
            } else {
                shared(a.rect, b.rect) && !inside(a.rect, b.rect)
            };
            if clash {
                found.push(format!(
                    "words {i} {:?} run into {} {j} {:?}",
                    a.rect,
                    what(b),
                    b.rect
                ));
            }
        }
        for (j, b) in marks.iter().enumerate().take(i).filter(|(_, m)| !m.words) {
            if shared(a.rect, b.rect) && !inside(a.rect, b.rect) {
                found.push(format!(
                    "words {i} {:?} run into shape {j} {:?}",
                    a.rect, b.rect
                ));
            }
        }
    }
    found
}

fn what(mark: &Mark) -> &'static str {
    if mark.words {
        "words"
    } else {
        "shape"
    }
}

/// Whether two boxes share more than the slack in both directions.
fn shared(a: (i32, i32, i32, i32), b: (i32, i32, i32, i32)) -> bool {
    a.0.max(b.0) + SLACK < a.2.min(b.2) && a.1.max(b.1) + SLACK < a.3.min(b.3)
}

/// Whether `a` lies within `b` (give or take the slack).
fn inside(a: (i32, i32, i32, i32), b: (i32, i32, i32, i32)) -> bool {
    a.0 + SLACK >= b.0 && a.1 + SLACK >= b.1 && a.2 <= b.2 + SLACK && a.3 <= b.3 + SLACK
}

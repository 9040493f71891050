//! Reading a chart point by point from the keyboard: where each key moves (Left and Right to
//! the previous and next point, Up and Down to the previous and next panel, Home and End to the
//! ends), and what is announced there: the point, its place ("3 of 12"), its panel's name when
//! the reader enters the panel, and the end of the chart when there is nowhere further to go.

use crate::catalogue::Model;

/// The chart's points in reading order: for each, the panel it belongs to (an index into
/// [`Model::panels`]; all 0 for a chart of one panel or none).
#[must_use]
pub fn panels_of_points(model: &Model) -> Vec<usize> {
    let panels = model.panels();
    if panels.is_empty() {
        return vec![0; model.bars().len()];
    }
    panels
        .iter()
        .enumerate()
        .flat_map(|(i, p)| std::iter::repeat_n(i, p.rows().count()))
        .collect()
}

/// Where `key` moves the focus from `now` among points whose panels are `panels`; `None` for a
/// key the chart leaves to the page (and for a chart without points).
#[must_use]
pub fn step(key: &str, now: Option<usize>, panels: &[usize]) -> Option<usize> {
    let last = panels.len().checked_sub(1)?;
    let panel_of = |i: usize| panels.get(i).copied().unwrap_or(0);
    let first_of = |panel: usize| panels.iter().position(|&p| p == panel);
    Some(match (key, now) {
        ("Home", _) | ("ArrowRight" | "ArrowDown", None) => 0,
        ("End", _) | ("ArrowLeft", None) => last,
        ("ArrowUp", None) => first_of(panel_of(last)).unwrap_or(0),
        ("ArrowRight", Some(i)) => (i + 1).min(last),
        ("ArrowLeft", Some(i)) => i.saturating_sub(1),
        ("ArrowDown", Some(i)) => panels.iter().position(|&p| p > panel_of(i)).unwrap_or(i),
        ("ArrowUp", Some(i)) => {
            let here = panel_of(i);
            let start = first_of(here).unwrap_or(0);
            // To the first point of the nearest panel above that has points.
            match panels.iter().rposition(|&p| p < here) {
                Some(above) if i == start => first_of(panel_of(above)).unwrap_or(0),
                _ => start,
            }
        }
        _ => return None,
    })
}

/// What is announced when the focus moves from `before` to `now` (`described` is the point's
/// own description): its panel's name on entering a panel, then the point, then its place
/// among all points, with the ends said.
#[must_use]
pub fn announcement(
    model: &Model,
    panels: &[usize],
    before: Option<usize>,
    now: usize,
    described: &str,
) -> String {
    let count = panels.len();
    let panel = panels.get(now).copied();
    let mut words = String::new();
    let titles = model.panels();
    let entered = panel != before.and_then(|b| panels.get(b).copied());
    if let Some(title) = panel.and_then(|p| titles.get(p)).filter(|_| entered) {
        if titles.len() > 1 {
            words.push_str(&format!("{}. ", title.title));
        }
    }
    words.push_str(described);
    words.push_str(&format!(" {} of {count}", now + 1));
    let stuck = before == Some(now);
    words.push_str(match (stuck, now == 0, now + 1 == count) {
        (true, _, true) => ", the last: the end of the chart.",
        (true, true, _) => ", the first: the start of the chart.",
        (true, _, _) => ": no panel further.",
        (false, _, true) => ", the last.",
        _ => ".",
    });
    words
}

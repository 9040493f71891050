//! The claims check in words: a figure as a reason cites it, a list of measures, a tolerance
//! with its reason, and how far a claim is from a figure in the tolerance's terms.

use crate::figures::{Bound, Tolerance};
use crate::model::panel::Bar;
use crate::model::wording::{decimal, percent};

/// A figure as a reason cites it: "Ruritania, whole fleet, 300 (The Daily, 2024)".
pub(super) fn cited(bar: &Bar) -> String {
    let when = if bar.years.is_empty() {
        String::new()
    } else {
        format!(", {}", bar.years)
    };
    format!("{}, {} ({}{when})", bar.label, bar.value_text(), bar.source)
}

/// The distinct measures of `bars`, in order, joined in words.
pub(super) fn measures_of(bars: &[Bar]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for bar in bars {
        if !names.contains(&bar.measure.name.as_str()) {
            names.push(&bar.measure.name);
        }
    }
    match names.as_slice() {
        [] => "nothing comparable".to_string(),
        [only] => (*only).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "the public figure", "both public figures" or "all 3 public figures".
pub(super) fn every(n: usize) -> String {
    match n {
        1 => "the public figure".to_string(),
        2 => "both public figures".to_string(),
        n => format!("all {n} public figures"),
    }
}

/// The text with its first (ASCII) letter in capitals.
pub(super) fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Steps of arithmetic as one sentence, or nothing.
pub(super) fn sentence(parts: &[String]) -> String {
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}.", parts.join("; "))
    }
}

/// The margin `tolerance` allows around `reference`: points, or a percentage of it.
pub(super) fn margin(reference: f64, tolerance: &Tolerance) -> f64 {
    match (tolerance.points, tolerance.pct) {
        (Some(points), _) => points,
        (None, Some(pct)) => (reference * pct / 100.0).abs(),
        (None, None) => 0.0,
    }
}

/// Whether `claimed` agrees with a reference of value `reference` and `bound` within
/// `tolerance`: near it for a value, under a cap, over a floor.
pub(super) fn within(claimed: f64, reference: f64, bound: Bound, tolerance: &Tolerance) -> bool {
    let slack = margin(reference, tolerance);
    match bound {
        Bound::Exact => (claimed - reference).abs() <= slack,
        Bound::AtMost => claimed <= reference + slack,
        Bound::AtLeast => claimed >= reference - slack,
    }
}

/// How a claim stands against a reference, in the tolerance's terms: "2 points apart", "5.3%
/// apart", or, for a cap or a floor, "within it" / "beyond it".
pub(super) fn apart(claimed: f64, reference: f64, bound: Bound, tolerance: &Tolerance) -> String {
    if bound != Bound::Exact {
        let inside = within(claimed, reference, bound, tolerance);
        return if inside { "within it" } else { "beyond it" }.to_string();
    }
    if tolerance.points.is_some() {
        format!("{} points apart", decimal((claimed - reference).abs(), 1))
    } else if reference == 0.0 {
        "apart".to_string()
    } else {
        format!(
            "{} apart",
            percent(((claimed - reference) / reference * 100.0).abs())
        )
    }
}

/// The tolerance and its reason, in words.
pub(super) fn tolerance_words(tolerance: &Tolerance) -> String {
    let how = match (tolerance.points, tolerance.pct) {
        (Some(0.0), _) => "no margin".to_string(),
        (Some(points), _) => format!(
            "within {} percentage point{}",
            decimal(points, 1),
            if points == 1.0 { "" } else { "s" }
        ),
        (None, Some(0.0)) => "an exact match".to_string(),
        (None, Some(pct)) => format!("within {} of the public figure", percent(pct)),
        (None, None) => "an exact match".to_string(),
    };
    format!("{how}: {}", tolerance.why)
}

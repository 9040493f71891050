//! The reader's guess at one of a chart's values, before the chart shows it: while they guess,
//! the row's panel shows their guess alone (its other bars would give the answer away; its
//! annotations' lines stay, as the article's own words); once revealed, the true bar with their
//! guess under it, and one sentence comparing the two. The guess lives in the page alone: it is
//! in no link and no file.

use crate::figures::{Bound, Kind};
use crate::model::axis::Axis;
use crate::model::panel::{Bar, Panel};
use crate::model::wording;

/// The id of the guess's own row.
pub const ROW: &str = "guess";

/// Where the reader's guess stands.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Guess {
    /// Their guess, once they set one.
    pub value: Option<f64>,
    /// Whether the answer is shown (after a guess, or skipped without one).
    pub revealed: bool,
}

/// How finely a guess is set on a panel's axis: a tenth of its step (0.1% on an axis marked
/// every 1%).
#[must_use]
pub fn step(axis: &Axis) -> f64 {
    axis.step / 10.0
}

/// Shows `guess` at row `row` of whichever of `panels` has it; returns the sentence comparing
/// it with the answer once both are there. A chart without the row is left as it is.
pub fn apply(panels: Vec<&mut Panel>, row: &str, guess: Guess) -> Option<String> {
    let panel = panels
        .into_iter()
        .find(|p| p.bars.iter().any(|b| b.id == row))?;
    let at = panel.bars.iter().position(|b| b.id == row)?;
    let truth = panel.bars.get(at)?.clone();
    let mut mine = Bar {
        id: ROW.to_string(),
        value: guess.value,
        kind: Kind::Guess,
        bound: Bound::Exact,
        years: String::new(),
        source: "you, on this page only".to_string(),
        note: None,
        converted_from: None,
        from: None,
        annotation: None,
        country: None,
        ..truth.clone()
    };
    if !guess.revealed {
        // The row keeps its label: it says what is guessed.
        panel.bars = vec![mine];
        return None;
    }
    let value = guess.value?;
    mine.label = "Your guess".to_string();
    let sentence = compare(value, &truth, step(&panel.axis));
    panel.bars.insert(at + 1, mine);
    sentence
}

/// One sentence comparing a guess with the answer, `truth`: about right within half a `step`
/// (or written the same), else too high or too low; where the answer is a bound (at least, at
/// most), the guess is weighed against the bound as shown, a guess past it on its impossible
/// side is wrong however near, and the sentence says that the figures set no limit on the
/// other side. `None` if the answer has no value.
#[must_use]
pub fn compare(guess: f64, truth: &Bar, step: f64) -> Option<String> {
    let exact = truth.value?;
    // A bound is weighed as it is shown, rounded on its safe side (at least 1.496 min is "at
    // least 1.4 min"), so that the sentence never contradicts the number it gives.
    let answer = match truth.bound {
        Bound::Exact => exact,
        Bound::AtLeast => wording::toward_bound(exact, truth.unit, true),
        Bound::AtMost => wording::toward_bound(exact, truth.unit, false),
    };
    let mine = wording::amount(guess, truth.unit);
    let said = truth.value_text();
    let bound = said.strip_prefix(truth.bound.words()).unwrap_or(&said);
    // Near: within half a step, or written the same as the answer.
    let near = (guess - answer).abs() <= step / 2.0 || mine == bound;
    let (above, below) = (guess > answer, guess < answer);
    // "Your guess, 2%, is {verdict}{value}{after}.", the value the answer's or its bound's. Past
    // a bound on its impossible side is wrong, however near.
    let (verdict, value, after) = match (truth.bound, near) {
        (Bound::Exact, true) => ("about right: the answer is ", &*said, ""),
        (Bound::Exact, false) if above => ("too high: the answer is ", &*said, ""),
        (Bound::Exact, false) => ("too low: the answer is ", &*said, ""),
        (Bound::AtLeast, _) if below => ("too low: it cannot be less than ", bound, ""),
        (Bound::AtLeast, true) => ("about the least it can be: ", bound, ""),
        (Bound::AtLeast, false) => (
            "above the least it can be, ",
            bound,
            "; the figures set no limit above it",
        ),
        (Bound::AtMost, _) if above => ("too high: it cannot be more than ", bound, ""),
        (Bound::AtMost, true) => ("about the most it can be: ", bound, ""),
        (Bound::AtMost, false) => (
            "below the most it can be, ",
            bound,
            "; the figures set no limit below it",
        ),
    };
    Some(format!("Your guess, {mine}, is {verdict}{value}{after}."))
}

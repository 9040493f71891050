//! The claims check: each numeric claim of the article against the public figures that count
//! the same thing (its measure), the arithmetic that links them, and a verdict with a one-line
//! reason and its tolerance. Figures of other measures are shown as context and never decide.
//!
//! `rules.rs` works each rule out; `words.rs` says figures, tolerances and reasons in words.

mod rules;
mod words;

use crate::figures::{ClaimSpec, DataError, Figures, Measure};
use crate::model::panel::{bars_of, Bar};

/// What the check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Every public figure of the claim's measure bears it out, within the stated tolerance.
    Consistent,
    /// The public figures of the claim's measure contradict it.
    Inconsistent,
    /// The only public figures measure something else (or bound it from one side only).
    NotComparable,
    /// Public figures of the same measure disagree, or the claim reads differently under the
    /// measures it may mean.
    DependsOnMeasure,
    /// No public figure was found: an editorial finding, not a computation.
    NoTrace,
}

impl Verdict {
    /// The verdict as the page prints it.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Inconsistent => "inconsistent",
            Verdict::NotComparable => "not comparable",
            Verdict::DependsOnMeasure => "depends on the measure",
            Verdict::NoTrace => "no public trace",
        }
    }

    /// The verdict's name in the page's markup (`data-verdict`).
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Inconsistent => "inconsistent",
            Verdict::NotComparable => "not-comparable",
            Verdict::DependsOnMeasure => "depends",
            Verdict::NoTrace => "no-trace",
        }
    }
}

/// The claim read one way: in one measure, against the public figures of that measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// What the claim counts when read this way.
    pub measure: Measure,
    /// The verdict under this reading.
    pub verdict: Verdict,
    /// Why, in one plain line.
    pub reason: String,
    /// The arithmetic, in words.
    pub arithmetic: String,
    /// The tolerance and why it is that, when one was applied.
    pub tolerance: Option<String>,
    /// The public figures that decide: the claim's measure (or, for a growth or a share, the
    /// measure that grows or the whole).
    pub references: Vec<Bar>,
}

/// One checked claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Anchor id.
    pub id: String,
    /// The article's figure.
    pub says: Bar,
    /// The verdict over every reading.
    pub verdict: Verdict,
    /// Why, in one plain line.
    pub reason: String,
    /// One reading, or one for each measure an ambiguous claim may mean.
    pub readings: Vec<Reading>,
    /// Figures of other measures, shown beside the verdict; they never decide it.
    pub context: Vec<Bar>,
}

/// Every claim, checked.
///
/// # Errors
/// A [`DataError`] if a claim names a missing figure, place or measure.
pub fn check_all(figures: &Figures) -> Result<Vec<Claim>, DataError> {
    figures.claims().iter().map(|c| check(c, figures)).collect()
}

fn check(spec: &ClaimSpec, figures: &Figures) -> Result<Claim, DataError> {
    let mut says = Bar::of(figures.get(&spec.figure)?, figures);
    if let Some(to) = &spec.to {
        let to = Bar::of(figures.get(to)?, figures);
        says = Bar {
            from: says.value,
            value: to.value,
            ..says
        };
    }
    let mut readings = Vec::new();
    let mut context: Vec<Bar> = Vec::new();
    let checks = spec
        .check
        .iter()
        .map(|c| (None, c))
        .chain(spec.readings.iter().map(|r| (Some(&r.measure), &r.check)));
    for (measure, check) in checks {
        for bar in bars_of(check.context(), figures)? {
            if !context.iter().any(|c| c.id == bar.id) {
                context.push(bar);
            }
        }
        let measure = match measure {
            Some(key) => figures.measure(key)?,
            None => says.measure.clone(),
        };
        readings.push(rules::read(&says, measure, check, figures)?);
    }
    let (verdict, reason) = overall(&readings);
    Ok(Claim {
        id: spec.id.clone(),
        says,
        verdict,
        reason,
        readings,
        context,
    })
}

/// The verdict over all readings: the one they share, or "depends on the measure".
fn overall(readings: &[Reading]) -> (Verdict, String) {
    match readings {
        // The file's rules give every claim a check or readings.
        [] => (Verdict::NotComparable, "No check is given.".into()),
        [only] => (only.verdict, only.reason.clone()),
        [first, rest @ ..] if rest.iter().all(|r| r.verdict == first.verdict) => {
            let names: Vec<&str> = readings.iter().map(|r| r.measure.name.as_str()).collect();
            (
                first.verdict,
                format!(
                    "Read as {}, it is {} either way.",
                    names.join(" or as "),
                    first.verdict.words()
                ),
            )
        }
        _ => {
            let each: Vec<String> = readings
                .iter()
                .map(|r| format!("as {}, {}", r.measure.name, r.verdict.words()))
                .collect();
            (
                Verdict::DependsOnMeasure,
                format!(
                    "The article does not say what it counts: {}.",
                    each.join("; ")
                ),
            )
        }
    }
}

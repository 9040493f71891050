//! The claims check: each numeric claim of the article, what the references show, the arithmetic
//! that links them, and a verdict computed from the data and its stated tolerances.

use crate::figures::{Check, ClaimSpec, DataError, Figures};
use crate::model::coalition::implied_before;
use crate::model::geography::flight_minutes;
use crate::model::industry::growth_pct;
use crate::model::panel::Bar;
use crate::model::troop_share::share_pct;
use crate::model::wording::{decimal, percent};

/// What the check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The references bear the claim out, within the stated tolerance.
    Consistent,
    /// The references contradict the claim.
    Inconsistent,
    /// No public figure was found to check the claim against.
    NoTrace,
}

impl Verdict {
    /// The verdict as the page prints it.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Inconsistent => "inconsistent",
            Verdict::NoTrace => "no public trace found",
        }
    }
}

/// One checked claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Anchor id.
    pub id: String,
    /// The article's figure.
    pub says: Bar,
    /// The reference figures it is set against.
    pub references: Vec<Bar>,
    /// The arithmetic, in words.
    pub arithmetic: String,
    /// The verdict.
    pub verdict: Verdict,
}

/// Every claim, checked.
///
/// # Errors
/// A [`DataError`] if a claim names a missing figure.
pub fn check_all(figures: &Figures) -> Result<Vec<Claim>, DataError> {
    figures.claims().iter().map(|c| check(c, figures)).collect()
}

fn bar(figures: &Figures, id: &str) -> Result<Bar, DataError> {
    figures.get(id).map(|f| Bar::of(f, figures))
}

fn bars(figures: &Figures, ids: &[String]) -> Result<Vec<Bar>, DataError> {
    ids.iter().map(|id| bar(figures, id)).collect()
}

/// The verdict on a bound: no values, no trace; otherwise consistent when every value `holds`.
fn bound(values: impl Iterator<Item = f64>, holds: impl Fn(f64) -> bool) -> Verdict {
    let mut any = false;
    let mut all = true;
    for v in values {
        any = true;
        all &= holds(v);
    }
    match (any, all) {
        (false, _) => Verdict::NoTrace,
        (true, true) => Verdict::Consistent,
        (true, false) => Verdict::Inconsistent,
    }
}

/// Relative difference of `a` from `b`, in percent of `b`.
fn off_pct(a: f64, b: f64) -> f64 {
    ((a - b) / b * 100.0).abs()
}

fn check(spec: &ClaimSpec, figures: &Figures) -> Result<Claim, DataError> {
    let says = bar(figures, &spec.figure)?;
    let claimed = says.value;
    let (references, arithmetic, verdict) = match &spec.check {
        Check::Matches {
            references,
            tolerance_pct,
        } => {
            let refs = bars(figures, references)?;
            let closest = refs
                .iter()
                .filter_map(|r| Some((off_pct(claimed?, r.value?), r)))
                .min_by(|a, b| a.0.total_cmp(&b.0));
            match closest {
                Some((off, r)) => (
                    refs.clone(),
                    format!(
                        "{} against {} ({}, {}): {} apart; tolerance {}.",
                        says.value_text(),
                        r.value_text(),
                        r.source,
                        r.years,
                        percent(off),
                        percent(*tolerance_pct)
                    ),
                    if off <= *tolerance_pct {
                        Verdict::Consistent
                    } else {
                        Verdict::Inconsistent
                    },
                ),
                None => (refs, "No value to compare.".into(), Verdict::NoTrace),
            }
        }
        Check::GrowthSince {
            now,
            earlier,
            tolerance_pct,
        } => {
            let now = bar(figures, now)?;
            let refs = bars(figures, earlier)?;
            let implied = now
                .value
                .zip(claimed)
                .and_then(|(n, g)| implied_before(n, g));
            let listed: Vec<String> = refs
                .iter()
                .map(|r| format!("{} ({})", r.value_text(), r.label))
                .collect();
            match implied {
                Some(implied) => {
                    let fits = refs
                        .iter()
                        .filter_map(|r| r.value)
                        .any(|v| off_pct(implied, v) <= *tolerance_pct);
                    (
                        refs,
                        format!(
                            "{} ÷ {} = {} implied before; reported then: {}. Tolerance {}.",
                            now.value_text(),
                            decimal(1.0 + claimed.unwrap_or(0.0) / 100.0, 2),
                            decimal(implied, 1),
                            listed.join(", "),
                            percent(*tolerance_pct)
                        ),
                        if fits {
                            Verdict::Consistent
                        } else {
                            Verdict::Inconsistent
                        },
                    )
                }
                None => (refs, "No value to compare.".into(), Verdict::NoTrace),
            }
        }
        Check::Growth {
            from,
            to,
            tolerance_points,
        } => {
            let (from, to) = (bar(figures, from)?, bar(figures, to)?);
            let growth = from.value.zip(to.value).and_then(|(a, b)| growth_pct(a, b));
            match (growth, claimed) {
                (Some(g), Some(c)) => (
                    vec![from.clone(), to.clone()],
                    format!(
                        "{} ÷ {} = +{} ({} to {}); the article says +{}. Tolerance {} points.",
                        to.value_text(),
                        from.value_text(),
                        percent(g),
                        from.years,
                        to.years,
                        percent(c),
                        decimal(*tolerance_points, 1)
                    ),
                    if (g - c).abs() <= *tolerance_points {
                        Verdict::Consistent
                    } else {
                        Verdict::Inconsistent
                    },
                ),
                _ => (
                    vec![from, to],
                    "No value to compare.".into(),
                    Verdict::NoTrace,
                ),
            }
        }
        Check::ShareBelow { part, wholes } => {
            let part = bar(figures, part)?;
            let totals = bars(figures, wholes)?;
            let shares: Vec<(f64, &Bar)> = totals
                .iter()
                .filter_map(|t| Some((share_pct(part.value?, t.value?)?, t)))
                .collect();
            let words: Vec<String> = shares
                .iter()
                .map(|(s, t)| {
                    format!(
                        "{} ÷ {} = {} ({})",
                        part.value_text(),
                        t.value_text(),
                        percent(*s),
                        t.label
                    )
                })
                .collect();
            let verdict = bound(shares.iter().map(|(s, _)| *s), |s| Some(s) < claimed);
            (
                totals.clone(),
                format!(
                    "{}; the article's bound is {}.",
                    words.join("; "),
                    says.value_text()
                ),
                verdict,
            )
        }
        Check::FlightWithin { distances, speed } => {
            let speed = bar(figures, speed)?;
            let places = bars(figures, distances)?;
            let times: Vec<(f64, &Bar)> = places
                .iter()
                .filter_map(|d| Some((flight_minutes(d.value?, speed.value?)?, d)))
                .collect();
            let words: Vec<String> = times
                .iter()
                .map(|(m, d)| {
                    format!(
                        "{} ÷ {} × 60 = {} min ({})",
                        d.value_text(),
                        speed.value_text(),
                        decimal(*m, 1),
                        d.label
                    )
                })
                .collect();
            let verdict = bound(times.iter().map(|(m, _)| *m), |m| Some(m) <= claimed);
            let mut refs = places.clone();
            refs.push(speed);
            (
                refs,
                format!(
                    "{}; the article says {}.",
                    words.join("; "),
                    says.value_text()
                ),
                verdict,
            )
        }
        Check::NoTrace { context } => {
            let refs = bars(figures, context)?;
            let words = if refs.is_empty() {
                "No public figure was found to compare it with."
            } else {
                "No public figure was found for this claim; the references above are the nearest public figures, for context."
            };
            (refs, words.to_string(), Verdict::NoTrace)
        }
    };
    Ok(Claim {
        id: spec.id.clone(),
        says,
        references,
        arithmetic,
        verdict,
    })
}

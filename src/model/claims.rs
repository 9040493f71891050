//! The claims check: each numeric claim of the article against the public figures that count
//! the same thing (its measure), the arithmetic that links them, and a verdict with a one-line
//! reason and its tolerance. Figures of other measures are shown as context and never decide.

use crate::figures::{Bound, Check, ClaimSpec, DataError, Figures, Measure, Tolerance};
use crate::model::coalition::implied_before;
use crate::model::distance::route_bar;
use crate::model::geography::flight_minutes;
use crate::model::industry::growth_pct;
use crate::model::panel::{bars_of, Bar};
use crate::model::troop_share::share_pct;
use crate::model::wording::{decimal, month, percent};

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
    /// The tolerance and why it is that, when the rule has one.
    pub tolerance: Option<String>,
    /// The public figures that decide: the same measure as the claim.
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
    let mut context = Vec::new();
    let mut add_context = |bars: Vec<Bar>| {
        for bar in bars {
            if !context.iter().any(|c: &Bar| c.id == bar.id) {
                context.push(bar);
            }
        }
    };
    if let Some(check) = &spec.check {
        add_context(bars_of(check.context(), figures)?);
        readings.push(read(&says, says.measure.clone(), check, figures)?);
    }
    for reading in &spec.readings {
        add_context(bars_of(reading.check.context(), figures)?);
        let measure = figures.measure(&reading.measure)?;
        readings.push(read(&says, measure, &reading.check, figures)?);
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
        [] => (Verdict::NoTrace, "No check was made.".into()),
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

/// One comparison of the claim with one public figure (or a value computed from figures).
struct Comparison {
    /// The figure compared with, in words: "the 2024 plan, PLN 158.8 bn (Rzeczpospolita, 2024)".
    against: String,
    /// Whether the claim agrees with it.
    agrees: bool,
}

/// What a rule worked out, before the verdict.
struct Worked {
    comparisons: Vec<Comparison>,
    arithmetic: Vec<String>,
    references: Vec<Bar>,
}

fn read(
    says: &Bar,
    measure: Measure,
    check: &Check,
    figures: &Figures,
) -> Result<Reading, DataError> {
    let claimed = says.value;
    let tolerance = check.tolerance().map(tolerance_words);
    let worked = match check {
        Check::Matches {
            references,
            tolerance,
            ..
        } => {
            let refs = bars_of(references, figures)?;
            let mut worked = Worked::new();
            for r in &refs {
                if let (Some(c), Some(v)) = (claimed, r.value) {
                    worked.arithmetic.push(format!(
                        "{} against {}: {} apart",
                        says.value_text(),
                        r.value_text(),
                        apart(c, v, tolerance)
                    ));
                    worked.compare(cited(r), within(c, v, tolerance));
                }
            }
            worked.references = refs;
            worked
        }
        Check::GrowthSince {
            now,
            earlier,
            tolerance,
            ..
        } => {
            let now = Bar::of(figures.get(now)?, figures);
            let refs = bars_of(earlier, figures)?;
            let mut worked = Worked::new();
            let implied = now
                .value
                .zip(claimed)
                .and_then(|(n, g)| implied_before(n, g));
            if let (Some(implied), Some(growth)) = (implied, claimed) {
                worked.arithmetic.push(format!(
                    "{} ÷ {} = {} implied before",
                    now.value_text(),
                    decimal(1.0 + growth / 100.0, 2),
                    decimal(implied, 1)
                ));
                for r in &refs {
                    if let Some(v) = r.value {
                        worked.arithmetic.push(format!(
                            "{} against {} ({}): {} apart",
                            decimal(implied, 1),
                            r.value_text(),
                            r.label,
                            apart(implied, v, tolerance)
                        ));
                        worked.compare(cited(r), within(implied, v, tolerance));
                    }
                }
            }
            worked.references = refs;
            worked
        }
        Check::Growth {
            from,
            to,
            tolerance,
            ..
        } => {
            let to = Bar::of(figures.get(to)?, figures);
            let bases = bars_of(from, figures)?;
            let mut worked = Worked::new();
            for base in &bases {
                let growth = base.value.zip(to.value).and_then(|(a, b)| growth_pct(a, b));
                if let (Some(g), Some(c)) = (growth, claimed) {
                    worked.arithmetic.push(format!(
                        "{} ÷ {} = +{} ({} to {})",
                        to.value_text(),
                        base.value_text(),
                        percent(g),
                        base.years,
                        to.years
                    ));
                    worked.compare(
                        format!("+{} from {}", percent(g), cited(base)),
                        within(c, g, tolerance),
                    );
                }
            }
            worked.references = bases;
            worked.references.push(to);
            worked
        }
        Check::ShareBelow { part, wholes, .. } => {
            let part = Bar::of(figures.get(part)?, figures);
            let totals = bars_of(wholes, figures)?;
            let mut worked = Worked::new();
            for t in &totals {
                let share = part.value.zip(t.value).and_then(|(p, w)| share_pct(p, w));
                if let (Some(s), Some(c)) = (share, claimed) {
                    worked.arithmetic.push(format!(
                        "{} ÷ {} = {} ({})",
                        part.value_text(),
                        t.value_text(),
                        percent(s),
                        t.label
                    ));
                    worked.compare(format!("{} of {}", percent(s), cited(t)), s < c);
                }
            }
            worked.references = totals;
            worked
        }
        Check::FlightWithin {
            routes,
            distances,
            speed,
        } => return flight(says, measure, routes, distances, speed, figures),
        Check::NoTrace {
            searched,
            searched_for,
            ..
        } => {
            return Ok(Reading {
                measure,
                verdict: Verdict::NoTrace,
                reason: format!(
                    "No public figure found: searched in {} for {searched_for}. An editorial finding, not a computation.",
                    month(searched)
                ),
                arithmetic: String::new(),
                tolerance: None,
                references: Vec::new(),
            })
        }
    };
    let context = bars_of(check.context(), figures)?;
    let (verdict, reason) = judge(says, &measure, &worked.comparisons, &context);
    // Nothing was compared: no arithmetic to show, and no tolerance was applied.
    let compared = !worked.comparisons.is_empty();
    Ok(Reading {
        measure,
        verdict,
        reason,
        arithmetic: if compared {
            sentence(&worked.arithmetic)
        } else {
            String::new()
        },
        tolerance: tolerance.filter(|_| compared),
        references: worked.references,
    })
}

impl Worked {
    fn new() -> Self {
        Self {
            comparisons: Vec::new(),
            arithmetic: Vec::new(),
            references: Vec::new(),
        }
    }

    fn compare(&mut self, against: String, agrees: bool) {
        self.comparisons.push(Comparison { against, agrees });
    }
}

/// The verdict and its reason from the comparisons in the claim's own measure.
fn judge(
    says: &Bar,
    measure: &Measure,
    comparisons: &[Comparison],
    context: &[Bar],
) -> (Verdict, String) {
    let (agree, differ): (Vec<&Comparison>, Vec<&Comparison>) =
        comparisons.iter().partition(|c| c.agrees);
    let listed = |cs: &[&Comparison]| {
        cs.iter()
            .map(|c| c.against.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    match (agree.is_empty(), differ.is_empty()) {
        (true, true) if context.is_empty() => (
            Verdict::NoTrace,
            format!(
                "No public figure of {} has a value to compare.",
                measure.name
            ),
        ),
        (true, true) => (
            Verdict::NotComparable,
            format!(
                "The article counts {}; the public figures count {}.",
                measure.name,
                measures_of(context)
            ),
        ),
        (false, true) => (
            Verdict::Consistent,
            format!(
                "It agrees with {} of {}: {}.",
                every(agree.len()),
                measure.name,
                listed(&agree)
            ),
        ),
        (true, false) => (
            Verdict::Inconsistent,
            format!(
                "{} of {} disagree{}: {}.",
                capitalised(&every(differ.len())),
                measure.name,
                if differ.len() == 1 { "s" } else { "" },
                listed(&differ)
            ),
        ),
        (false, false) => (
            Verdict::DependsOnMeasure,
            format!(
                "Public figures of {} disagree: {} agrees with {}, not with {}.",
                measure.name,
                says.value_text(),
                listed(&agree),
                listed(&differ)
            ),
        ),
    }
}

/// The flight-time rule: a time within the claim is consistent only when the speed is the
/// speed flown; from a peak speed every time is a lower bound, which can refute the claim but
/// never confirm it.
fn flight(
    says: &Bar,
    measure: Measure,
    routes: &[Vec<String>],
    distances: &[String],
    speed: &str,
    figures: &Figures,
) -> Result<Reading, DataError> {
    let speed = Bar::of(figures.get(speed)?, figures);
    let mut places = routes
        .iter()
        .map(|r| route_bar(r, figures))
        .collect::<Result<Vec<_>, _>>()?;
    places.extend(bars_of(distances, figures)?);
    let bound = speed.bound.inverse();
    let mut arithmetic = Vec::new();
    let mut worked = Worked::new();
    for d in &places {
        let Some(minutes) = d
            .value
            .zip(speed.value)
            .and_then(|(km, v)| flight_minutes(km, v))
        else {
            continue;
        };
        let time = format!("{}{} min", bound.words(), decimal(minutes, 1));
        arithmetic.push(format!(
            "{} ÷ {} × 60 = {time} ({})",
            d.bare_value_text(),
            speed.bare_value_text(),
            d.label
        ));
        let agrees = says.value.is_some_and(|c| minutes <= c);
        worked.compare(format!("{time} over {}", d.label), agrees);
    }
    let mut references = places;
    references.push(speed.clone());
    let (verdict, reason) = match bound {
        Bound::AtLeast if worked.comparisons.iter().all(|c| c.agrees) => (
            if worked.comparisons.is_empty() {
                Verdict::NoTrace
            } else {
                Verdict::NotComparable
            },
            format!(
                "The article counts {}; the public figures give only {}, so every time is a lower bound ({}): it cannot confirm {}, nor does it contradict it.",
                measure.name,
                speed.measure.name,
                worked
                    .comparisons
                    .iter()
                    .map(|c| c.against.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                says.value_text()
            ),
        ),
        _ => judge(says, &measure, &worked.comparisons, &[]),
    };
    Ok(Reading {
        measure,
        verdict,
        reason,
        arithmetic: sentence(&arithmetic),
        tolerance: None,
        references,
    })
}

/// A figure as a reason cites it: "about 300 … (Die Welt, 2024)".
fn cited(bar: &Bar) -> String {
    format!(
        "{}, {} ({}, {})",
        bar.label,
        bar.value_text(),
        bar.source,
        bar.years
    )
}

/// The distinct measures of `bars`, in order, joined in words.
fn measures_of(bars: &[Bar]) -> String {
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

fn every(n: usize) -> String {
    if n == 1 {
        "the public figure".to_string()
    } else {
        format!("all {n} public figures")
    }
}

fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

fn sentence(parts: &[String]) -> String {
    if parts.is_empty() {
        "No value to compare.".to_string()
    } else {
        format!("{}.", parts.join("; "))
    }
}

/// Whether `claimed` is within `tolerance` of `reference`.
fn within(claimed: f64, reference: f64, tolerance: &Tolerance) -> bool {
    match (tolerance.points, tolerance.pct) {
        (Some(points), _) => (claimed - reference).abs() <= points,
        (None, Some(pct)) => reference != 0.0 && off_pct(claimed, reference) <= pct,
        (None, None) => claimed == reference,
    }
}

/// How far apart two values are, in the tolerance's terms.
fn apart(claimed: f64, reference: f64, tolerance: &Tolerance) -> String {
    if tolerance.points.is_some() {
        format!("{} points", decimal((claimed - reference).abs(), 1))
    } else {
        percent(off_pct(claimed, reference))
    }
}

/// Relative difference of `a` from `b`, in percent of `b`.
fn off_pct(a: f64, b: f64) -> f64 {
    ((a - b) / b * 100.0).abs()
}

/// The tolerance and its reason, in words.
fn tolerance_words(tolerance: &Tolerance) -> String {
    let how = match (tolerance.points, tolerance.pct) {
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

//! Each rule of the claims check worked out: the claim against every public figure of its
//! measure (never the closest of several), the arithmetic in words, and the verdict with its
//! reason. A flight time from a peak speed is a lower bound, which can refute a claim but never
//! confirm it.

use super::words::{
    apart, capitalised, cited, every, margin, measures_of, sentence, tolerance_words, within,
};
use super::{Reading, Verdict};
use crate::figures::{Bound, Check, DataError, Figures, Measure, Unit};
use crate::model::bar_panels::{growth_pct, implied_before};
use crate::model::distance::route_bar;
use crate::model::flight_times::flight_minutes;
use crate::model::panel::{bars_of, Bar};
use crate::model::troop_share::share_pct;
use crate::model::wording::{decimal, month, percent, toward_bound};

/// One comparison of the claim with one public figure (or a value computed from figures).
struct Comparison {
    /// The figure compared with, in words.
    against: String,
    /// Whether the claim agrees with it.
    agrees: bool,
}

/// What a rule worked out, before the verdict.
#[derive(Default)]
struct Worked {
    comparisons: Vec<Comparison>,
    arithmetic: Vec<String>,
    references: Vec<Bar>,
}

impl Worked {
    fn compare(&mut self, against: String, agrees: bool) {
        self.comparisons.push(Comparison { against, agrees });
    }
}

/// The claim `says`, read as `measure`, checked by `check`.
pub(super) fn read(
    says: &Bar,
    measure: Measure,
    check: &Check,
    figures: &Figures,
) -> Result<Reading, DataError> {
    let claimed = says.value;
    let worked = match check {
        Check::Matches {
            references,
            tolerance,
            ..
        } => {
            let mut worked = Worked {
                references: bars_of(references, figures)?,
                ..Worked::default()
            };
            for r in worked.references.clone() {
                if let (Some(c), Some(v)) = (claimed, r.value) {
                    worked.arithmetic.push(format!(
                        "{} against {}: {}",
                        says.value_text(),
                        r.value_text(),
                        apart(c, v, r.bound, tolerance)
                    ));
                    worked.compare(cited(&r), within(c, v, r.bound, tolerance));
                }
            }
            worked
        }
        Check::GrowthSince {
            now,
            earlier,
            tolerance,
            ..
        } => {
            let now = Bar::of(figures.get(now)?, figures);
            let mut worked = Worked {
                references: bars_of(earlier, figures)?,
                ..Worked::default()
            };
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
                for r in worked.references.clone() {
                    if let Some(v) = r.value {
                        worked.arithmetic.push(format!(
                            "{} against {} ({}): {}",
                            decimal(implied, 1),
                            r.value_text(),
                            r.label,
                            apart(implied, v, r.bound, tolerance)
                        ));
                        worked.compare(
                            format!("{} implied, against {}", decimal(implied, 1), cited(&r)),
                            within(implied, v, r.bound, tolerance),
                        );
                    }
                }
            }
            worked
        }
        Check::Growth {
            from,
            to,
            tolerance,
            ..
        } => {
            let to = Bar::of(figures.get(to)?, figures);
            let mut worked = Worked {
                references: bars_of(from, figures)?,
                ..Worked::default()
            };
            for base in worked.references.clone() {
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
                        format!("+{} from {}", percent(g), cited(&base)),
                        within(c, g, Bound::Exact, tolerance),
                    );
                }
            }
            worked.references.push(to);
            worked
        }
        Check::ShareBelow {
            part,
            wholes,
            tolerance,
            ..
        } => {
            let part = Bar::of(figures.get(part)?, figures);
            let mut worked = Worked {
                references: bars_of(wholes, figures)?,
                ..Worked::default()
            };
            for whole in worked.references.clone() {
                let share = part.value.zip(whole.value).and_then(|(p, w)| share_pct(p, w));
                if let (Some(s), Some(c)) = (share, claimed) {
                    worked.arithmetic.push(format!(
                        "{} ÷ {} = {} ({})",
                        part.value_text(),
                        whole.value_text(),
                        percent(s),
                        whole.label
                    ));
                    // "Less than": strictly below the bound, give or take the tolerance.
                    let agrees = s < c + margin(c, tolerance);
                    worked.compare(
                        format!(
                            "{} of {}, {} the article's {}",
                            percent(s),
                            cited(&whole),
                            if agrees { "below" } else { "not below" },
                            says.bare_value_text()
                        ),
                        agrees,
                    );
                }
            }
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
    // The figures compared count the claim's measure, or, for a growth or a share, what grows
    // or the whole: the reason names theirs.
    let compared_measure = worked
        .references
        .first()
        .map_or_else(|| measure.name.clone(), |r| r.measure.name.clone());
    let (verdict, reason) = judge(
        says,
        &measure,
        &compared_measure,
        &worked.comparisons,
        &context,
    );
    // Nothing was compared: no arithmetic to show, and no tolerance was applied.
    let compared = !worked.comparisons.is_empty();
    Ok(Reading {
        measure,
        verdict,
        reason,
        arithmetic: sentence(&worked.arithmetic),
        tolerance: check.tolerance().map(tolerance_words).filter(|_| compared),
        references: worked.references,
    })
}

/// The verdict and its reason from the comparisons in the claim's own measure. The file's rules
/// make sure that a rule compares something, or has context to show why it cannot.
fn judge(
    says: &Bar,
    measure: &Measure,
    compared: &str,
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
                "It agrees with {} of {compared}: {}.",
                every(agree.len()),
                listed(&agree)
            ),
        ),
        (true, false) => (
            Verdict::Inconsistent,
            format!(
                "{} of {compared} disagree{}: {}.",
                capitalised(&every(differ.len())),
                if differ.len() == 1 { "s" } else { "" },
                listed(&differ)
            ),
        ),
        (false, false) => (
            Verdict::DependsOnMeasure,
            format!(
                "Public figures of {compared} disagree: {} agrees with {}, not with {}.",
                says.value_text(),
                listed(&agree),
                listed(&differ)
            ),
        ),
    }
}

/// The flight-time rule. At a speed flown, each time is compared with the claim; from a peak
/// speed each time is a lower bound: one over the claim refutes it, and bounds under it can
/// neither confirm nor refute it.
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
    let mut worked = Worked::default();
    for d in &places {
        let Some(minutes) = d
            .value
            .zip(speed.value)
            .and_then(|(km, v)| flight_minutes(km, v))
        else {
            continue;
        };
        // A bound is rounded on its safe side, as everywhere on the page.
        let shown = match bound {
            Bound::Exact => minutes,
            Bound::AtLeast => toward_bound(minutes, Unit::Minutes, true),
            Bound::AtMost => toward_bound(minutes, Unit::Minutes, false),
        };
        let time = format!("{}{} min", bound.words(), decimal(shown, 1));
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
    let all = |agrees: bool| {
        worked
            .comparisons
            .iter()
            .filter(|c| c.agrees == agrees)
            .map(|c| c.against.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (verdict, reason) = match bound {
        Bound::AtLeast if worked.comparisons.iter().any(|c| !c.agrees) => (
            Verdict::Inconsistent,
            format!(
                "Even at {}, a flight takes longer than {}: {}.",
                speed.measure.name,
                says.value_text(),
                all(false)
            ),
        ),
        Bound::AtLeast => (
            Verdict::NotComparable,
            format!(
                "The article counts {}; the public figures give only {}, so every time is a lower bound ({}): it cannot confirm {}, nor does it contradict it.",
                measure.name,
                speed.measure.name,
                all(true),
                says.value_text()
            ),
        ),
        _ => judge(says, &measure, &measure.name, &worked.comparisons, &[]),
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

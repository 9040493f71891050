//! The rules a file's claims pass: ids unique, each claim an as-reported figure checked once
//! (a `check`) or under each measure it may mean (`readings`), tolerances stated with a reason,
//! searches dated, and no rule that would compare figures of different measures: a figure that
//! counts something else may only be context.

use std::collections::BTreeMap;

use super::cross_check::{check_route, References};
use super::{Check, ClaimSpec, DataError, FiguresFile, Kind, Tolerance, Unit};

/// Checks every claim of `file`.
pub(super) fn check(file: &FiguresFile) -> Result<(), DataError> {
    let mut ids = BTreeMap::new();
    for (i, claim) in file.claim_specs().iter().enumerate() {
        let at = format!("claims[{i}]");
        if let Some(first) = ids.insert(claim.id.as_str(), i) {
            return Err(DataError::new(
                format!("{at}.id"),
                format!(
                    "duplicate claim id “{}”, first used at claims[{first}]",
                    claim.id
                ),
            ));
        }
        let Some(figure) = file.figures.iter().find(|f| f.id == claim.figure) else {
            continue; // reported with its path by the id check
        };
        if figure.kind != Kind::AsReported {
            return Err(DataError::new(
                format!("{at}.figure"),
                "a claim checks a figure as reported by the article",
            ));
        }
        if claim.check.is_some() != claim.readings.is_empty() {
            return Err(DataError::new(
                at,
                "a claim has either one “check” or a list of “readings”, one per measure it may mean",
            ));
        }
        for (path, measure, check) in readings_of(claim, &figure.measure, &at) {
            if !file.measures.contains_key(measure) {
                return Err(DataError::new(
                    format!("{path}.measure"),
                    format!("no measure “{measure}” in “measures”"),
                ));
            }
            let check_at = format!("{path}.check");
            rule(file, check, &check_at)?;
            same_measure(file, check, measure, figure.unit, &check_at)?;
        }
    }
    Ok(())
}

/// Each reading of a claim: its path, the measure it makes and its check.
fn readings_of<'a>(
    claim: &'a ClaimSpec,
    own: &'a str,
    at: &str,
) -> Vec<(String, &'a str, &'a Check)> {
    let mut out = Vec::new();
    if let Some(check) = &claim.check {
        out.push((at.to_string(), own, check));
    }
    for (k, reading) in claim.readings.iter().enumerate() {
        out.push((
            format!("{at}.readings[{k}]"),
            reading.measure.as_str(),
            &reading.check,
        ));
    }
    out
}

/// A rule's own fields: a tolerance with a reason, a dated search, routes that exist.
fn rule(file: &FiguresFile, check: &Check, at: &str) -> Result<(), DataError> {
    if let Some(tolerance) = check.tolerance() {
        check_tolerance(tolerance, &format!("{at}.tolerance"))?;
    }
    match check {
        Check::NoTrace {
            searched,
            searched_for,
            ..
        } => {
            let dated = searched.len() == 7
                && searched.as_bytes().get(4) == Some(&b'-')
                && searched
                    .get(5..7)
                    .and_then(|m| m.parse::<u8>().ok())
                    .is_some_and(|m| (1..=12).contains(&m))
                && searched
                    .get(..4)
                    .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
            if !dated {
                return Err(DataError::new(
                    format!("{at}.searched"),
                    "the month of the search, written YYYY-MM",
                ));
            }
            if searched_for.trim().is_empty() {
                return Err(DataError::new(
                    format!("{at}.searched_for"),
                    "say what was searched for",
                ));
            }
        }
        Check::FlightWithin { routes, .. } => {
            for (j, route) in routes.iter().enumerate() {
                check_route(file, route, &format!("{at}.routes[{j}]"))?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn check_tolerance(tolerance: &Tolerance, at: &str) -> Result<(), DataError> {
    let value = match (tolerance.pct, tolerance.points) {
        (Some(v), None) | (None, Some(v)) => v,
        _ => {
            return Err(DataError::new(
                at,
                "a tolerance is either “pct” (percent of the reference) or “points” (percentage points)",
            ))
        }
    };
    if !value.is_finite() || value < 0.0 {
        return Err(DataError::new(at, "a tolerance is a finite number ≥ 0"));
    }
    if tolerance.why.trim().is_empty() {
        return Err(DataError::new(
            format!("{at}.why"),
            "say why the tolerance is what it is",
        ));
    }
    Ok(())
}

/// The figures a rule compares, each with its path: they must all count the same thing, in
/// one unit, and have a value.
fn compared<'a>(check: &'a Check, at: &str) -> Vec<(String, &'a String)> {
    let each = |field: &str, ids: &'a [String]| {
        ids.iter()
            .enumerate()
            .map(|(j, id)| (format!("{at}.{field}[{j}]"), id))
            .collect::<Vec<_>>()
    };
    match check {
        Check::Matches { references, .. } => each("references", references),
        Check::GrowthSince { now, earlier, .. } => {
            let mut ids = vec![(format!("{at}.now"), now)];
            ids.extend(each("earlier", earlier));
            ids
        }
        Check::Growth { from, to, .. } => {
            let mut ids = each("from", from);
            ids.push((format!("{at}.to"), to));
            ids
        }
        Check::ShareBelow { wholes, .. } => each("wholes", wholes),
        Check::FlightWithin { .. } | Check::NoTrace { .. } => Vec::new(),
    }
}

/// The measure a rule's figures must count when the claim counts `measure`: the measure itself
/// for a direct comparison; for a growth, the measure that grows; for a share, the whole's.
fn deciding_measure<'a>(
    file: &'a FiguresFile,
    check: &Check,
    measure: &'a str,
    at: &str,
) -> Result<&'a str, DataError> {
    let spec = file.measures.get(measure);
    let (related, what) = match check {
        Check::GrowthSince { .. } | Check::Growth { .. } => {
            (spec.and_then(|m| m.growth_of.as_deref()), "growth_of")
        }
        Check::ShareBelow { .. } => (spec.and_then(|m| m.share_of.as_deref()), "share_of"),
        _ => return Ok(measure),
    };
    related.ok_or_else(|| {
        DataError::new(
            at,
            format!("this rule checks a {} of something: the claim's measure “{measure}” needs “{what}” in “measures”", what.trim_end_matches("_of")),
        )
    })
}

/// Every figure a rule compares counts the same thing as the claim (or, for a growth or a
/// share, as what grows or the whole), in one unit (the claim's, for a direct comparison), and
/// has a value; figures of another measure belong under `context`, and only there; a rule that
/// compares nothing has context to show why.
fn same_measure(
    file: &FiguresFile,
    check: &Check,
    measure: &str,
    claim_unit: Unit,
    at: &str,
) -> Result<(), DataError> {
    let deciding = deciding_measure(file, check, measure, at)?;
    let find = |id: &str| file.figures.iter().find(|f| f.id == id);
    let ids = compared(check, at);
    let direct = matches!(check, Check::Matches { .. });
    let mut unit = direct.then_some(claim_unit);
    for (path, id) in &ids {
        let Some(figure) = find(id) else {
            continue; // reported with its path by the id check
        };
        if figure.measure != deciding {
            return Err(DataError::new(
                path.as_str(),
                format!(
                    "“{id}” measures {}, but this rule compares figures of {deciding}: a figure of another measure can only be “context”",
                    figure.measure
                ),
            ));
        }
        match unit {
            Some(u) if u != figure.unit => {
                return Err(DataError::new(
                    path.as_str(),
                    format!(
                        "“{id}” is in {}, the others in {}",
                        figure.unit.key(),
                        u.key()
                    ),
                ))
            }
            _ => unit = Some(figure.unit),
        }
        if figure.value.is_none() {
            return Err(DataError::new(
                path.as_str(),
                format!("“{id}” has no value to compare: check the claim as “no_trace”, with the month and what was searched for"),
            ));
        }
    }
    if let Check::ShareBelow { part, .. } = check {
        if let (Some(part), Some(u)) = (find(part), unit) {
            if part.unit != u {
                return Err(DataError::new(
                    format!("{at}.part"),
                    format!(
                        "“{}” is in {}, the wholes in {}",
                        part.id,
                        part.unit.key(),
                        u.key()
                    ),
                ));
            }
        }
    }
    if matches!(check, Check::NoTrace { .. } | Check::FlightWithin { .. }) {
        return Ok(());
    }
    for (j, id) in check.context().iter().enumerate() {
        if find(id).is_some_and(|f| f.measure == deciding) {
            return Err(DataError::new(
                format!("{at}.context[{j}]"),
                format!("“{id}” measures {deciding}, as the figures this rule compares: compare it, or say why not"),
            ));
        }
    }
    if ids.is_empty() && check.context().is_empty() {
        return Err(DataError::new(
            at,
            "this rule compares no figure: name one, give the figures of other measures as “context”, or check the claim as “no_trace”",
        ));
    }
    Ok(())
}

/// Every id the claims name, for the file's id and unit check.
pub(super) fn name_ids<'a>(file: &'a FiguresFile, r: &mut References<'a>) {
    for (i, claim) in file.claim_specs().iter().enumerate() {
        let at = format!("claims[{i}]");
        r.one(format!("{at}.figure"), &claim.figure, None);
        if let Some(to) = &claim.to {
            r.one(format!("{at}.to"), to, None);
        }
        let checks = claim.check.iter().map(|c| (at.clone(), c)).chain(
            claim
                .readings
                .iter()
                .enumerate()
                .map(|(k, reading)| (format!("{at}.readings[{k}]"), &reading.check)),
        );
        for (path, check) in checks {
            let at = |field: &str| format!("{path}.check.{field}");
            r.each(&at("context"), check.context(), None);
            match check {
                Check::Matches { references, .. } => r.each(&at("references"), references, None),
                Check::GrowthSince { now, earlier, .. } => {
                    r.one(at("now"), now, None);
                    r.each(&at("earlier"), earlier, None);
                }
                Check::Growth { from, to, .. } => {
                    r.each(&at("from"), from, None);
                    r.one(at("to"), to, None);
                }
                Check::ShareBelow { part, wholes, .. } => {
                    r.one(at("part"), part, None);
                    r.each(&at("wholes"), wholes, None);
                }
                Check::FlightWithin {
                    distances, speed, ..
                } => {
                    r.each(&at("distances"), distances, Unit::Km);
                    r.one(at("speed"), speed, Unit::KmPerH);
                }
                Check::NoTrace { .. } => {}
            }
        }
    }
}

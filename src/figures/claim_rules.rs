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
    for (i, claim) in claims_of(file).iter().enumerate() {
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

/// Every figure a rule compares counts what the claim counts (and, for a direct comparison, in
/// the claim's unit); anything else belongs under `context`.
/// Pushes each of `ids` with its path under `at.field` and the unit it must have.
fn each<'a>(
    compared: &mut Vec<(String, &'a String, Option<Unit>)>,
    at: &str,
    field: &str,
    ids: &'a [String],
    unit: Option<Unit>,
) {
    for (j, id) in ids.iter().enumerate() {
        compared.push((format!("{at}.{field}[{j}]"), id, unit));
    }
}

fn same_measure(
    file: &FiguresFile,
    check: &Check,
    measure: &str,
    claim_unit: Unit,
    at: &str,
) -> Result<(), DataError> {
    let mut compared: Vec<(String, &String, Option<Unit>)> = Vec::new();
    match check {
        Check::Matches { references, .. } => {
            each(
                &mut compared,
                at,
                "references",
                references,
                Some(claim_unit),
            );
        }
        Check::GrowthSince { now, earlier, .. } => {
            each(&mut compared, at, "earlier", earlier, None);
            compared.push((format!("{at}.now"), now, None));
        }
        Check::Growth { from, to, .. } => {
            each(&mut compared, at, "from", from, None);
            compared.push((format!("{at}.to"), to, None));
        }
        Check::ShareBelow { wholes, .. } => each(&mut compared, at, "wholes", wholes, None),
        Check::FlightWithin { .. } | Check::NoTrace { .. } => {}
    }
    for (path, id, unit) in compared {
        let Some(figure) = file.figures.iter().find(|f| &f.id == id) else {
            continue; // reported with its path by the id check
        };
        if figure.measure != measure {
            return Err(DataError::new(
                path,
                format!(
                    "“{id}” measures {}, but the claim is checked here as {measure}: a figure of another measure can only be “context”",
                    figure.measure
                ),
            ));
        }
        if unit.is_some_and(|u| u != figure.unit) {
            return Err(DataError::new(
                path,
                format!(
                    "“{id}” is in {}, the claim in {}",
                    figure.unit.key(),
                    claim_unit.key()
                ),
            ));
        }
    }
    Ok(())
}

/// Every id the claims name, for the file's id and unit check.
pub(super) fn name_ids<'a>(file: &'a FiguresFile, r: &mut References<'a>) {
    for (i, claim) in claims_of(file).iter().enumerate() {
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

fn claims_of(file: &FiguresFile) -> &[ClaimSpec] {
    #[cfg(not(target_arch = "wasm32"))]
    return &file.claims;
    #[cfg(target_arch = "wasm32")]
    {
        let _ = file;
        &[]
    }
}

//! The claims check: one test per verdict, each from a small data file; references of another
//! measure never decide; a rule across measures is refused with its path; bounds stay bounds;
//! and the verdicts on the committed figures.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;
mod small_file;

use committed_figures::real;
use reassurance_force::figures::parse;
use reassurance_force::model::claims::{check_all, Claim, Verdict};
use serde_json::{json, Value};
use small_file::{base, push, reference, reported, set};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The small file with the article's 100 ready tanks, `refs` added, and one claim.
fn tanks(refs: &[(&str, f64, &str)], claim: Value) -> Value {
    let mut tree = base();
    reported(&mut tree, "said", 100.0, "count", "ready");
    for (id, value, measure) in refs {
        reference(&mut tree, id, *value, "count", measure);
    }
    push(&mut tree, "claims", claim);
    tree
}

fn matches(references: &[&str], context: &[&str]) -> Value {
    json!({"id": "x", "figure": "said", "check": {"rule": "matches", "references": references,
           "context": context, "tolerance": {"pct": 10, "why": "counts are rounded"}}})
}

fn only_claim(tree: &Value) -> Result<Claim> {
    let claims = check_all(&parse(&tree.to_string())?)?;
    Ok(claims.into_iter().next().ok_or("no claim checked")?)
}

fn refused_at(tree: &Value) -> String {
    parse(&tree.to_string())
        .err()
        .map(|e| e.path)
        .unwrap_or_default()
}

#[test]
fn the_small_file_is_valid_and_has_no_claims() -> Result {
    assert!(check_all(&parse(&base().to_string())?)?.is_empty());
    Ok(())
}

#[test]
fn consistent_when_every_reference_of_the_measure_agrees() -> Result {
    let tree = tanks(
        &[("r1", 105.0, "ready"), ("r2", 95.0, "ready")],
        matches(&["r1", "r2"], &[]),
    );
    let claim = only_claim(&tree)?;
    assert_eq!(claim.verdict, Verdict::Consistent, "{}", claim.reason);
    assert!(
        claim.reason.contains("r1") && claim.reason.contains("r2"),
        "{}",
        claim.reason
    );
    let tolerance = claim.readings.first().and_then(|r| r.tolerance.clone());
    assert_eq!(
        tolerance.as_deref(),
        Some("within 10% of the public figure: counts are rounded")
    );
    Ok(())
}

#[test]
fn inconsistent_when_every_reference_of_the_measure_disagrees() -> Result {
    let tree = tanks(&[("r1", 150.0, "ready")], matches(&["r1"], &[]));
    let claim = only_claim(&tree)?;
    assert_eq!(claim.verdict, Verdict::Inconsistent, "{}", claim.reason);
    assert!(claim.reason.contains("r1"), "{}", claim.reason);
    Ok(())
}

#[test]
fn a_reference_of_another_measure_gives_not_comparable_and_never_decides() -> Result {
    // The fleet count is within 10% of the claim, yet it counts something else.
    let tree = tanks(&[("fleet", 104.0, "in_fleet")], matches(&[], &["fleet"]));
    let claim = only_claim(&tree)?;
    assert_eq!(claim.verdict, Verdict::NotComparable, "{}", claim.reason);
    assert_eq!(
        claim.reason,
        "The article counts tanks ready for use; the public figures count tanks in the fleet."
    );
    assert_eq!(claim.context.len(), 1);
    Ok(())
}

#[test]
fn same_measure_references_that_disagree_give_depends() -> Result {
    let tree = tanks(
        &[("near", 104.0, "ready"), ("far", 300.0, "ready")],
        matches(&["near", "far"], &[]),
    );
    let claim = only_claim(&tree)?;
    assert_eq!(claim.verdict, Verdict::DependsOnMeasure, "{}", claim.reason);
    assert!(claim.reason.contains("near") && claim.reason.contains("far"));
    Ok(())
}

/// The article's +12% read as the ministry's budget (about +10%) and as total spending
/// (100 → 130, +30%).
fn budget_claim() -> Value {
    let mut tree = base();
    reported(&mut tree, "said", 12.0, "percent", "unstated");
    reference(&mut tree, "ministry-rise", 10.0, "percent", "ministry");
    reference(&mut tree, "total-before", 100.0, "eur_bn", "total");
    reference(&mut tree, "total-after", 130.0, "eur_bn", "total");
    push(
        &mut tree,
        "claims",
        json!({"id": "x", "figure": "said", "readings": [
            {"measure": "ministry", "check": {"rule": "matches", "references": ["ministry-rise"],
             "tolerance": {"points": 2, "why": "“about 10%”"}}},
            {"measure": "total", "check": {"rule": "growth", "from": ["total-before"],
             "to": "total-after", "tolerance": {"points": 2, "why": "the same standard"}}}]}),
    );
    tree
}

#[test]
fn an_ambiguous_claim_shows_each_reading_with_its_own_verdict() -> Result {
    let claim = only_claim(&budget_claim())?;
    assert_eq!(claim.verdict, Verdict::DependsOnMeasure, "{}", claim.reason);
    let each: Vec<(&str, Verdict)> = claim
        .readings
        .iter()
        .map(|r| (r.measure.key.as_str(), r.verdict))
        .collect();
    assert_eq!(
        each,
        [
            ("ministry", Verdict::Consistent),
            ("total", Verdict::Inconsistent)
        ]
    );
    assert!(
        claim.reason.contains("the ministry's budget") && claim.reason.contains("total spending")
    );
    Ok(())
}

#[test]
fn no_trace_is_an_editorial_finding_with_its_month_and_search() -> Result {
    let mut tree = tanks(
        &[],
        json!({"id": "x", "figure": "said", "check": {"rule": "no_trace",
        "searched": "2026-11", "searched_for": "a count of ready tanks"}}),
    );
    let claim = only_claim(&tree)?;
    assert_eq!(claim.verdict, Verdict::NoTrace);
    assert!(claim.reason.contains("November 2026"), "{}", claim.reason);
    assert!(
        claim.reason.contains("a count of ready tanks"),
        "{}",
        claim.reason
    );
    assert!(
        claim.reason.contains("editorial finding"),
        "{}",
        claim.reason
    );
    set(&mut tree, "/claims/0/check/searched", json!("last autumn"));
    assert_eq!(refused_at(&tree), "claims[0].check.searched");
    Ok(())
}

#[test]
fn a_rule_across_measures_is_refused_with_its_path() {
    let tree = tanks(&[("fleet", 104.0, "in_fleet")], matches(&["fleet"], &[]));
    assert_eq!(refused_at(&tree), "claims[0].check.references[0]");
    let mut tree = budget_claim();
    set(
        &mut tree,
        "/claims/0/readings/1/check/from",
        json!(["ministry-rise"]),
    );
    assert_eq!(refused_at(&tree), "claims[0].readings[1].check.from[0]");
}

#[test]
fn a_tolerance_needs_one_size_and_a_reason() {
    let mut tree = tanks(&[("r1", 105.0, "ready")], matches(&["r1"], &[]));
    set(&mut tree, "/claims/0/check/tolerance/why", json!(" "));
    assert_eq!(refused_at(&tree), "claims[0].check.tolerance.why");
    set(
        &mut tree,
        "/claims/0/check/tolerance",
        json!({"pct": 10, "points": 2, "why": "both"}),
    );
    assert_eq!(refused_at(&tree), "claims[0].check.tolerance");
    set(
        &mut tree,
        "/claims/0/check/tolerance",
        json!({"pct": -1, "why": "negative"}),
    );
    assert_eq!(refused_at(&tree), "claims[0].check.tolerance");
}

#[test]
fn a_claim_has_one_check_or_readings() {
    let mut tree = budget_claim();
    set(
        &mut tree,
        "/claims/0/check",
        json!({"rule": "no_trace", "searched": "2026-11",
        "searched_for": "anything"}),
    );
    assert_eq!(refused_at(&tree), "claims[0]");
    set(&mut tree, "/claims/0/readings", json!([]));
    if let Some(claim) = tree.pointer_mut("/claims/0").and_then(Value::as_object_mut) {
        claim.remove("check");
    }
    assert_eq!(refused_at(&tree), "claims[0]");
}

/// The small file's 15-minute claim over A to B (111 km) at a peak speed of `speed` km/h.
fn flight(speed: f64, bound: Option<&str>) -> Value {
    let mut tree = base();
    if let Some(bound) = bound {
        set(&mut tree, "/figures/8/bound", json!(bound));
    }
    set(&mut tree, "/figures/8/value", json!(speed));
    reported(&mut tree, "said", 15.0, "minutes", "flight");
    push(
        &mut tree,
        "claims",
        json!({"id": "x", "figure": "said", "check": {"rule": "flight_within",
               "routes": [["a", "b"]], "speed": "v"}}),
    );
    tree
}

#[test]
fn a_time_from_a_peak_speed_is_a_lower_bound_and_says_so() -> Result {
    // 111 km at 6,000 km/h: at least 1.1 minutes, which cannot confirm 15 minutes.
    let claim = only_claim(&flight(6000.0, Some("at_most")))?;
    assert_eq!(claim.verdict, Verdict::NotComparable, "{}", claim.reason);
    let arithmetic = claim
        .readings
        .first()
        .map(|r| r.arithmetic.clone())
        .unwrap_or_default();
    assert!(arithmetic.contains("= at least 1.1 min"), "{arithmetic}");
    assert!(claim.reason.contains("lower bound"), "{}", claim.reason);
    // At a peak of 300 km/h even the lower bound (22 minutes) is over 15: refuted.
    let claim = only_claim(&flight(300.0, Some("at_most")))?;
    assert_eq!(claim.verdict, Verdict::Inconsistent, "{}", claim.reason);
    // At a speed flown (not a peak) the time is a time, and 1.1 minutes is within 15.
    let claim = only_claim(&flight(6000.0, None))?;
    assert_eq!(claim.verdict, Verdict::Consistent, "{}", claim.reason);
    let arithmetic = claim
        .readings
        .first()
        .map(|r| r.arithmetic.clone())
        .unwrap_or_default();
    assert!(!arithmetic.contains("at least"), "{arithmetic}");
    Ok(())
}

fn verdict_of(claims: &[Claim], id: &str) -> Option<Verdict> {
    claims.iter().find(|c| c.id == id).map(|c| c.verdict)
}

#[test]
fn verdicts_on_the_committed_figures() -> Result {
    let claims = check_all(&real()?)?;
    assert_eq!(claims.len(), 18);
    // 31 countries at the Élysée, as the Kyiv Independent counted them.
    assert_eq!(
        verdict_of(&claims, "delegations"),
        Some(Verdict::Consistent)
    );
    // 31 / 1.40 = 22.1 implied; the first meeting had 8.
    assert_eq!(
        verdict_of(&claims, "delegations-growth"),
        Some(Verdict::Inconsistent)
    );
    // Fleet counts and a fleet target cannot confirm counts of ready tanks and aircraft.
    assert_eq!(
        verdict_of(&claims, "german-tanks"),
        Some(Verdict::NotComparable)
    );
    assert_eq!(
        verdict_of(&claims, "french-aircraft"),
        Some(Verdict::NotComparable)
    );
    // The ministry's budget (about +10%) bears +12% out; total spending does from one base
    // (169 → 186.6, +10.4%) and not from the other (158.8 → 186.6, +17.5%).
    assert_eq!(
        verdict_of(&claims, "poland-growth"),
        Some(Verdict::DependsOnMeasure)
    );
    // 30,000 / 3,418,600 = 0.88%, under 3%.
    assert_eq!(
        verdict_of(&claims, "share-of-nato"),
        Some(Verdict::Consistent)
    );
    // From a peak speed, flight times are only lower bounds.
    assert_eq!(
        verdict_of(&claims, "strike-minutes"),
        Some(Verdict::NotComparable)
    );
    for id in [
        "ironclad",
        "us-data",
        "patrol-vessels",
        "czech-shells",
        "sector-expansion",
    ] {
        assert_eq!(verdict_of(&claims, id), Some(Verdict::NoTrace), "{id}");
    }
    for claim in &claims {
        assert!(!claim.reason.is_empty(), "{} has no reason", claim.id);
    }
    Ok(())
}

#[test]
fn the_arithmetic_is_stated() -> Result {
    let claims = check_all(&real()?)?;
    let arithmetic = |id: &str| -> String {
        claims
            .iter()
            .find(|c| c.id == id)
            .map(|c| {
                c.readings
                    .iter()
                    .map(|r| r.arithmetic.as_str())
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .unwrap_or_default()
    };
    let growth = arithmetic("delegations-growth");
    assert!(growth.contains("31 countries ÷ 1.4 = 22.1"), "{growth}");
    let poland = arithmetic("poland-growth");
    assert!(
        poland.contains("PLN 186.6 bn ÷ PLN 158.8 bn = +17.5%"),
        "{poland}"
    );
    assert!(
        poland.contains("PLN 186.6 bn ÷ PLN 169 bn = +10.4%"),
        "{poland}"
    );
    let strike = arithmetic("strike-minutes");
    assert!(
        strike.contains("÷ 7,500 km/h × 60 = at least 1.5 min"),
        "{strike}"
    );
    assert!(
        strike.contains("500 km ÷ 7,500 km/h × 60 = at least 4 min"),
        "{strike}"
    );
    Ok(())
}

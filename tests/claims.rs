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
use small_file::{base, push, reference, reported, set, set_figure};

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
    reference(
        &mut tree,
        "ministry-rise",
        10.0,
        "percent",
        "ministry_growth",
    );
    reference(&mut tree, "total-before", 100.0, "eur_bn", "total");
    reference(&mut tree, "total-after", 130.0, "eur_bn", "total");
    push(
        &mut tree,
        "claims",
        json!({"id": "x", "figure": "said", "readings": [
            {"measure": "ministry_growth", "check": {"rule": "matches", "references": ["ministry-rise"],
             "tolerance": {"points": 2, "why": "“about 10%”"}}},
            {"measure": "total_growth", "check": {"rule": "growth", "from": ["total-before"],
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
            ("ministry_growth", Verdict::Consistent),
            ("total_growth", Verdict::Inconsistent)
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

/// The small file's 15-minute claim over A to B (111 km) and over `distances` (km) at a speed of
/// `speed` km/h, a peak when `bound` is `at_most`.
fn flight(speed: f64, bound: Option<&str>, distances: &[f64]) -> Value {
    let mut tree = base();
    reference(&mut tree, "speed", speed, "km_per_h", "peak");
    if let Some(bound) = bound {
        set_figure(&mut tree, "speed", "bound", json!(bound));
    }
    let mut ids = Vec::new();
    for (i, km) in distances.iter().enumerate() {
        let id = format!("d{i}");
        reference(&mut tree, &id, *km, "km", "plain");
        ids.push(id);
    }
    reported(&mut tree, "said", 15.0, "minutes", "flight");
    push(
        &mut tree,
        "claims",
        json!({"id": "x", "figure": "said", "check": {"rule": "flight_within",
               "routes": [["a", "b"]], "distances": ids, "speed": "speed"}}),
    );
    tree
}

#[test]
fn a_time_from_a_peak_speed_is_a_lower_bound_and_says_so() -> Result {
    // 111 km at 6,000 km/h: at least 1.1 minutes, which cannot confirm 15 minutes.
    let claim = only_claim(&flight(6000.0, Some("at_most"), &[]))?;
    assert_eq!(claim.verdict, Verdict::NotComparable, "{}", claim.reason);
    let arithmetic = claim
        .readings
        .first()
        .map(|r| r.arithmetic.clone())
        .unwrap_or_default();
    assert!(arithmetic.contains("= at least 1.1 min"), "{arithmetic}");
    assert!(claim.reason.contains("lower bound"), "{}", claim.reason);
    // At a peak of 300 km/h even the lower bound (22 minutes) is over 15: refuted.
    let claim = only_claim(&flight(300.0, Some("at_most"), &[]))?;
    assert_eq!(claim.verdict, Verdict::Inconsistent, "{}", claim.reason);
    // At a speed flown (not a peak) the time is a time, and 1.1 minutes is within 15.
    let claim = only_claim(&flight(6000.0, None, &[]))?;
    assert_eq!(claim.verdict, Verdict::Consistent, "{}", claim.reason);
    let arithmetic = claim
        .readings
        .first()
        .map(|r| r.arithmetic.clone())
        .unwrap_or_default();
    assert!(!arithmetic.contains("at least"), "{arithmetic}");
    Ok(())
}

#[test]
fn one_lower_bound_over_the_claim_refutes_it_even_if_others_are_under() -> Result {
    // At a peak of 500 km/h: A to B (111 km) takes at least 13.3 minutes, within 15; 200 km
    // takes at least 24, over it.
    let claim = only_claim(&flight(500.0, Some("at_most"), &[200.0]))?;
    assert_eq!(claim.verdict, Verdict::Inconsistent, "{}", claim.reason);
    assert!(claim.reason.contains("at least 24 min"), "{}", claim.reason);
    assert!(!claim.reason.contains("13.3"), "{}", claim.reason);
    Ok(())
}

/// The small file with the article's 31 countries, "a 40% increase", and `earlier` counts.
fn growth_since(earlier: f64) -> Value {
    let mut tree = base();
    reported(&mut tree, "now", 31.0, "countries", "attending");
    reported(&mut tree, "said", 40.0, "percent", "attending_growth");
    reference(&mut tree, "before", earlier, "countries", "attending");
    push(
        &mut tree,
        "claims",
        json!({"id": "x", "figure": "said", "check": {"rule": "growth_since", "now": "now",
               "earlier": ["before"], "tolerance": {"pct": 10, "why": "rounding"}}}),
    );
    tree
}

#[test]
fn a_growth_implies_a_count_before_and_is_checked_against_it() -> Result {
    // 31 / 1.4 = 22.1: 8 is far from it, 21 within 10% of it.
    assert_eq!(
        only_claim(&growth_since(8.0))?.verdict,
        Verdict::Inconsistent
    );
    assert_eq!(
        only_claim(&growth_since(21.0))?.verdict,
        Verdict::Consistent
    );
    // A growth rule needs a measure that says what grows.
    let mut tree = growth_since(21.0);
    set_figure(&mut tree, "said", "measure", json!("attending"));
    assert_eq!(refused_at(&tree), "claims[0].check");
    Ok(())
}

/// The small file with 30,000 troops, "less than 3%" of a whole of `whole`.
fn share_below(whole: f64) -> Value {
    let mut tree = base();
    reported(&mut tree, "force", 30_000.0, "personnel", "plain");
    reported(&mut tree, "said", 3.0, "percent", "active_share");
    reference(&mut tree, "whole", whole, "personnel", "active");
    push(
        &mut tree,
        "claims",
        json!({"id": "x", "figure": "said", "check": {"rule": "share_below", "part": "force",
               "wholes": ["whole"], "tolerance": {"points": 0, "why": "a bound"}}}),
    );
    tree
}

#[test]
fn a_share_below_a_bound_is_checked_with_its_tolerance() -> Result {
    // 30,000 / 3,418,600 = 0.88%, below 3%; 30,000 / 900,000 = 3.33%, not below.
    let claim = only_claim(&share_below(3_418_600.0))?;
    assert_eq!(claim.verdict, Verdict::Consistent, "{}", claim.reason);
    assert!(claim.reason.contains("0.88%") && claim.reason.contains("below the article's 3%"));
    let tolerance = claim.readings.first().and_then(|r| r.tolerance.clone());
    assert_eq!(tolerance.as_deref(), Some("no margin: a bound"));
    assert_eq!(
        only_claim(&share_below(900_000.0))?.verdict,
        Verdict::Inconsistent
    );
    Ok(())
}

#[test]
fn a_cap_is_met_by_any_claim_under_it_and_not_by_one_over_it() -> Result {
    let capped = |said: f64| -> Result<Claim> {
        let mut tree = base();
        reported(&mut tree, "said", said, "count", "ready");
        push(
            &mut tree,
            "figures",
            json!({"id": "cap", "label": "cap", "value": 30000, "unit": "count",
                   "kind": "reference", "measure": "ready", "bound": "at_most",
                   "source": "s", "year": 2024}),
        );
        push(
            &mut tree,
            "claims",
            json!({"id": "x", "figure": "said", "check": {"rule": "matches",
                   "references": ["cap"], "tolerance": {"pct": 0, "why": "exact"}}}),
        );
        only_claim(&tree)
    };
    let under = capped(25_000.0)?;
    assert_eq!(under.verdict, Verdict::Consistent, "{}", under.reason);
    let arithmetic = under
        .readings
        .first()
        .map(|r| r.arithmetic.clone())
        .unwrap_or_default();
    assert_eq!(arithmetic, "25,000 against at most 30,000: within it.");
    assert_eq!(capped(35_000.0)?.verdict, Verdict::Inconsistent);
    Ok(())
}

#[test]
fn a_rule_that_could_not_compare_is_refused_not_guessed() {
    // No figure to compare and nothing to show why: refused.
    let tree = tanks(&[], matches(&[], &[]));
    assert_eq!(refused_at(&tree), "claims[0].check");
    // A figure of the claim's own measure is compared, not set aside as context.
    let tree = tanks(
        &[("ready-too", 90.0, "ready")],
        matches(&[], &["ready-too"]),
    );
    assert_eq!(refused_at(&tree), "claims[0].check.context[0]");
    // A reference with no value cannot decide: the claim is a no-trace finding instead.
    let mut tree = tanks(&[("r1", 105.0, "ready")], matches(&["r1"], &[]));
    set_figure(&mut tree, "r1", "value", Value::Null);
    assert_eq!(refused_at(&tree), "claims[0].check.references[0]");
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
        // Every computed verdict states its tolerance and why.
        for reading in &claim.readings {
            if matches!(reading.verdict, Verdict::Consistent | Verdict::Inconsistent) {
                assert!(reading.tolerance.is_some(), "{}: no tolerance", claim.id);
            }
        }
    }
    // The force is a share of NATO's personnel and of Europe and Canada's, both under 3%.
    assert_eq!(verdict_of(&claims, "force-size"), Some(Verdict::Consistent));
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
        strike.contains("189 km ÷ 7,500 km/h × 60 = at least 1.5 min"),
        "{strike}"
    );
    assert!(
        strike.contains("500 km ÷ 7,500 km/h × 60 = at least 4 min"),
        "{strike}"
    );
    Ok(())
}

//! The claims check: verdicts computed from the figures and the stated tolerances, and verdicts
//! that change when a reference figure changes.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::{edited, real, set_at, set_field};
use reassurance_force::figures::parse;
use reassurance_force::model::claims::{check_all, Claim, Verdict};
use serde_json::json;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

fn verdict_of(claims: &[Claim], id: &str) -> Option<Verdict> {
    claims.iter().find(|c| c.id == id).map(|c| c.verdict)
}

#[test]
fn verdicts_from_the_committed_figures() -> Result {
    let claims = check_all(&real()?)?;
    assert_eq!(claims.len(), 18);
    // 31 = 31 at the Élysée, within a tolerance of 0%.
    assert_eq!(
        verdict_of(&claims, "delegations"),
        Some(Verdict::Consistent)
    );
    // 31 / 1.40 = 22.1; the February meetings had 8 and 19: 19 is 16.5% away, over 10%.
    assert_eq!(
        verdict_of(&claims, "delegations-growth"),
        Some(Verdict::Inconsistent)
    );
    // 186 / 158 = +17.7%, not +12% within 2 points.
    assert_eq!(
        verdict_of(&claims, "poland-growth"),
        Some(Verdict::Inconsistent)
    );
    // 30,000 / 3,418,600 = 0.88% and / 2,118,000 = 1.42%: both under 3%.
    assert_eq!(
        verdict_of(&claims, "share-of-nato"),
        Some(Verdict::Consistent)
    );
    // 284 against about 300: 5.3% apart, within 10%.
    assert_eq!(
        verdict_of(&claims, "german-tanks"),
        Some(Verdict::Consistent)
    );
    // 500 km at 7,500 km/h = 4 min, within 15.
    assert_eq!(
        verdict_of(&claims, "strike-minutes"),
        Some(Verdict::Consistent)
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
    Ok(())
}

#[test]
fn the_arithmetic_is_stated() -> Result {
    let claims = check_all(&real()?)?;
    let growth = claims
        .iter()
        .find(|c| c.id == "delegations-growth")
        .ok_or("missing")?;
    assert!(
        growth.arithmetic.contains("31 countries ÷ 1.4 = 22.1"),
        "{}",
        growth.arithmetic
    );
    assert!(
        growth.arithmetic.contains("8 countries") && growth.arithmetic.contains("19 countries")
    );
    let poland = claims
        .iter()
        .find(|c| c.id == "poland-growth")
        .ok_or("missing")?;
    assert!(
        poland
            .arithmetic
            .contains("PLN 186 bn ÷ PLN 158 bn = +17.7%"),
        "{}",
        poland.arithmetic
    );
    let strike = claims
        .iter()
        .find(|c| c.id == "strike-minutes")
        .ok_or("missing")?;
    assert!(
        strike
            .arithmetic
            .contains("187 km ÷ 7,500 km/h × 60 = 1.5 min"),
        "{}",
        strike.arithmetic
    );
    Ok(())
}

#[test]
fn a_changed_reference_changes_the_verdict() -> Result {
    // Had the second February meeting counted 22, the article's 40% would hold.
    let text = edited(|t| set_field(t, "meeting.2025-02-19", "value", json!(22)));
    assert_eq!(
        verdict_of(&check_all(&parse(&text)?)?, "delegations-growth"),
        Some(Verdict::Consistent)
    );
    // A 2025 plan of PLN 177 bn would be +12.0%.
    let text = edited(|t| set_field(t, "poland.budget-2025", "value", json!(177)));
    assert_eq!(
        verdict_of(&check_all(&parse(&text)?)?, "poland-growth"),
        Some(Verdict::Consistent)
    );
    // A missile at 1,500 km/h takes 20 minutes over 500 km: over the article's 15.
    let text = edited(|t| set_field(t, "iskander.speed", "value", json!(1500)));
    assert_eq!(
        verdict_of(&check_all(&parse(&text)?)?, "strike-minutes"),
        Some(Verdict::Inconsistent)
    );
    // A NATO of 900,000 would make 30,000 more than 3%.
    let text = edited(|t| set_field(t, "personnel.nato", "value", json!(900_000)));
    assert_eq!(
        verdict_of(&check_all(&parse(&text)?)?, "share-of-nato"),
        Some(Verdict::Inconsistent)
    );
    Ok(())
}

#[test]
fn a_tighter_tolerance_changes_the_verdict() -> Result {
    let text = edited(|t| set_at(t, "/claims/9/check/tolerance_pct", json!(5)));
    let claims = check_all(&parse(&text)?)?;
    assert_eq!(claims.get(9).map(|c| c.id.as_str()), Some("german-tanks"));
    assert_eq!(
        verdict_of(&claims, "german-tanks"),
        Some(Verdict::Inconsistent)
    );
    Ok(())
}

#[test]
fn broken_claims_are_refused_with_their_path() {
    let cases = [
        (
            edited(|t| set_at(t, "/claims/1/id", json!("delegations"))),
            "claims[1].id",
        ),
        (
            edited(|t| set_at(t, "/claims/0/figure", json!("meeting.2025-03-27"))),
            "claims[0].figure",
        ),
        (
            edited(|t| set_at(t, "/claims/0/check/tolerance_pct", json!(-1))),
            "claims[0].check",
        ),
        (
            edited(|t| set_at(t, "/claims/0/check/references/0", json!("nowhere"))),
            "claims[0].check.references[0]",
        ),
        (
            edited(|t| set_at(t, "/claims/0/check/rule", json!("vibes"))),
            "claims[0].check",
        ),
    ];
    for (text, path) in cases {
        let found = parse(&text).err().map(|e| e.path).unwrap_or_default();
        assert!(found.starts_with(path), "{found} should start with {path}");
    }
}

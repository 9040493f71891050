//! The troop-share arithmetic against hand-checked values from the reference table.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::{edited, real, set_at, set_field, troop_share_of};
use reassurance_force::figures::{self, Kind};
use reassurance_force::model::troop_share::share_pct;
use reassurance_force::model::wording;
use serde_json::json;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-3
}

#[test]
fn force_share_of_nato_is_under_one_percent() {
    // 30,000 / 3,418,600 = 0.008776 (by hand: 3,418,600 × 0.008776 ≈ 30,001)
    let pct = share_pct(30_000.0, 3_418_600.0).unwrap_or(f64::NAN);
    assert!(close(pct, 0.8776), "{pct}");
    assert_eq!(wording::percent(pct), "0.88%");
}

#[test]
fn force_share_of_europe_and_canada() {
    // 30,000 / 2,118,000 = 0.014164
    let pct = share_pct(30_000.0, 2_118_000.0).unwrap_or(f64::NAN);
    assert!(close(pct, 1.4164), "{pct}");
    assert_eq!(wording::percent(pct), "1.42%");
}

#[test]
fn no_share_of_an_empty_or_unknown_total() {
    assert_eq!(share_pct(30_000.0, 0.0), None);
    assert_eq!(share_pct(30_000.0, -5.0), None);
    assert_eq!(share_pct(30_000.0, f64::NAN), None);
    assert_eq!(share_pct(f64::INFINITY, 10.0), None);
}

#[test]
fn model_from_the_figures_file() -> Result {
    let model = troop_share_of(&real()?, None)?;
    assert_eq!(model.force.value, Some(30_000.0));
    assert_eq!(model.force.kind, Kind::AsReported);
    let shares: Vec<f64> = model.shares.iter().filter_map(|s| s.pct).collect();
    let [nato, europe] = shares.as_slice() else {
        return Err(format!("expected two shares, got {shares:?}").into());
    };
    assert!(close(*nato, 0.8776) && close(*europe, 1.4164), "{shares:?}");
    Ok(())
}

#[test]
fn armies_are_ranked_with_the_force_among_them() -> Result {
    let model = troop_share_of(&real()?, None)?;
    let labels: Vec<&str> = model
        .army_panel
        .bars
        .iter()
        .map(|b| b.label.as_str())
        .collect();
    assert_eq!(labels.first(), Some(&"Türkiye"));
    assert_eq!(labels.get(1), Some(&"Poland"));
    assert_eq!(labels.last(), Some(&"Proposed European force"));
    let values: Vec<f64> = model
        .army_panel
        .bars
        .iter()
        .filter_map(|b| b.value)
        .collect();
    assert!(values.is_sorted_by(|a, b| a >= b), "{values:?}");
    assert!(model.army_panel.axis.max >= 481_000.0);
    Ok(())
}

#[test]
fn takeaway_states_the_computed_shares() -> Result {
    let model = troop_share_of(&real()?, None)?;
    let words = model.takeaway();
    for part in [
        "30,000",
        "0.88%",
        "all NATO members",
        "1.42%",
        "NATO Europe and Canada",
    ] {
        assert!(words.contains(part), "{part:?} missing from {words:?}");
    }
    // Short sentences, the verdict first, and the article's bound as it wrote it: "less than
    // 3%", not "less than at most 3%".
    assert!(
        words.starts_with("The article's “less than 3%” holds. A force of 30,000 is 0.88%"),
        "{words}"
    );
    assert!(!words.contains("at most"), "{words}");
    Ok(())
}

#[test]
fn the_verdict_follows_the_reference_figure() -> Result {
    // Were NATO only 900,000 strong, 30,000 would be 3.33%: the article's bound would fail.
    let text = edited(|t| set_field(t, "personnel.nato", "value", json!(900_000)));
    let model = troop_share_of(&figures::parse(&text)?, None)?;
    assert_eq!(model.claim_holds(), Some(false));
    assert!(
        model.takeaway().contains("does not hold"),
        "{}",
        model.takeaway()
    );
    Ok(())
}

#[test]
fn an_unknown_total_gives_no_share_and_no_verdict() -> Result {
    // A claim cannot be checked against a figure with no value (the file would be refused);
    // the chart, without its claims, still shows "no figure".
    let text = edited(|t| {
        set_field(t, "personnel.nato", "value", serde_json::Value::Null);
        set_at(t, "/claims", serde_json::json!([]));
    });
    let model = troop_share_of(&figures::parse(&text)?, None)?;
    assert_eq!(model.shares.first().and_then(|s| s.pct), None);
    assert_eq!(model.claim_holds(), None);
    assert_eq!(
        model.share_panel.bars.first().map(|b| b.value_text()),
        Some("no figure".to_string())
    );
    Ok(())
}

#[test]
fn a_readers_force_gets_a_conditional_verdict() -> Result {
    let model = troop_share_of(&real()?, Some(150_000))?;
    // 150,000 / 3,418,600 = 4.39%.
    assert_eq!(model.force.kind, Kind::Scenario);
    assert_eq!(model.claim_holds(), Some(false));
    let words = model.takeaway();
    assert!(
        words.contains("4.39%") && words.contains("would not hold"),
        "{words}"
    );
    let same = troop_share_of(&real()?, Some(30_000))?;
    assert_eq!(same.force.kind, Kind::AsReported);
    Ok(())
}

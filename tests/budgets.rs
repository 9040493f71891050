//! The budget chart's panels: currencies kept apart, bars ranked, the takeaway computed.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::real;
use reassurance_force::figures::{Kind, Unit};
use reassurance_force::model::budgets::Budgets;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

#[test]
fn one_panel_per_currency_ranked_largest_first() -> Result {
    let model = Budgets::from_figures(&real()?)?;
    let units: Vec<Unit> = model.panels.iter().map(|p| p.unit).collect();
    assert_eq!(units, vec![Unit::EurBn, Unit::UsdBn]);
    for panel in &model.panels {
        assert!(panel.bars.iter().all(|b| b.unit == panel.unit));
        let values: Vec<f64> = panel.bars.iter().filter_map(|b| b.value).collect();
        assert!(values.is_sorted_by(|a, b| a >= b), "{values:?}");
        assert!(panel.axis.max >= values.first().copied().unwrap_or(0.0));
    }
    Ok(())
}

#[test]
fn the_articles_sums_are_marked_as_reported_with_their_year() -> Result {
    let model = Budgets::from_figures(&real()?)?;
    let euro = model.panels.first().ok_or("no euro panel")?;
    let reported: Vec<(String, String)> = euro
        .bars
        .iter()
        .filter(|b| b.kind == Kind::AsReported)
        .map(|b| (b.value_text(), b.provenance()))
        .collect();
    assert_eq!(
        reported,
        vec![
            ("€45 bn".to_string(), "as reported, 2025–2026".to_string()),
            ("€14 bn".to_string(), "as reported, 2025".to_string()),
            ("€3.7 bn".to_string(), "as reported, 2025".to_string()),
        ]
    );
    Ok(())
}

#[test]
fn takeaway_compares_the_largest_sums() -> Result {
    // 150 / 45 = 3.33…, written to one decimal.
    let words = Budgets::from_figures(&real()?)?.takeaway();
    for part in ["€150 bn", "3.3 times", "€45 bn"] {
        assert!(words.contains(part), "{part:?} missing from {words:?}");
    }
    Ok(())
}

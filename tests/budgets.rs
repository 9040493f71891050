//! The budget chart's panels: currencies kept apart, bars ranked, the takeaway computed.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::{budgets_of, real};
use reassurance_force::figures::{Kind, Unit};
use reassurance_force::model::scenario::Scenario;

fn start() -> Scenario {
    Scenario::starting_at(Some(30_000.0))
}

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

#[test]
fn one_panel_per_currency_ranked_largest_first() -> Result {
    let model = budgets_of(&real()?, &start())?;
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
    let model = budgets_of(&real()?, &start())?;
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
    // The article's sums count other things than the EU's instruments: the takeaway gives the
    // largest of the one and the span of the other, and no ratio between them.
    let words = budgets_of(&real()?, &start())?.takeaway();
    assert!(!words.contains("times"), "{words}");
    for part in ["largest sum is €45 bn", "from €1.5 bn", "to €150 bn."] {
        assert!(words.contains(part), "{part:?} missing from {words:?}");
    }
    Ok(())
}

#[test]
fn switching_currency_converts_at_the_stated_rate() -> Result {
    let mut view = start();
    view.currency = reassurance_force::model::scenario::Currency::Usd;
    let model = budgets_of(&real()?, &view)?;
    let rate = model.rate_used.as_ref().ok_or("no rate used")?;
    assert!((rate.usd_per_eur - 1.0824).abs() < 1e-9);
    let euro_panel = model.panels.first().ok_or("no panel")?;
    assert_eq!(euro_panel.unit, Unit::UsdBn);
    assert!(
        euro_panel.title.contains("US$1.0824 per €"),
        "{}",
        euro_panel.title
    );
    // €150 bn × 1.0824 = US$162.36 bn, written to one decimal.
    let safe = euro_panel.bars.first().ok_or("no bar")?;
    assert_eq!(safe.value_text(), "US$162.4 bn");
    assert_eq!(safe.converted_from.as_deref(), Some("€150 bn"));
    assert!(safe.describe().contains("converted from €150 bn"));
    // The dollar panel is left as published.
    let national = model.panels.get(1).ok_or("no panel")?;
    assert!(national.bars.iter().all(|b| b.converted_from.is_none()));

    view.currency = reassurance_force::model::scenario::Currency::Eur;
    let model = budgets_of(&real()?, &view)?;
    let russia = model
        .panels
        .get(1)
        .and_then(|p| p.bars.first())
        .ok_or("no bar")?;
    // US$149 bn ÷ 1.0824 = €137.66 bn.
    assert_eq!(russia.value_text(), "€137.7 bn");
    Ok(())
}

#[test]
fn share_of_gdp_and_order_by_name() -> Result {
    let mut view = start();
    view.measure = reassurance_force::model::scenario::Measure::GdpShare;
    view.order = reassurance_force::model::scenario::Order::Name;
    let model = budgets_of(&real()?, &view)?;
    let gdp = model.panels.get(1).ok_or("no panel")?;
    assert_eq!(gdp.unit, Unit::Percent);
    let labels: Vec<&str> = gdp.bars.iter().map(|b| b.label.as_str()).collect();
    let mut sorted = labels.clone();
    sorted.sort_unstable();
    assert_eq!(labels, sorted);
    let russia = gdp
        .bars
        .iter()
        .find(|b| b.label.starts_with("Russia"))
        .ok_or("no Russia")?;
    assert_eq!(russia.value_text(), "7.1%");
    // SIPRI's 34% for Ukraine is followed by SIPRI's 7.1% for Russia, not NATO's 4.07%.
    let words = model.takeaway();
    assert!(
        words.contains("Ukraine spends the most: 34% in 2024 (SIPRI)"),
        "{words}"
    );
    assert!(
        words.contains("Next on the same measure: Russia, 7.1%."),
        "{words}"
    );
    Ok(())
}

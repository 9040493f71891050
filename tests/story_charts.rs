//! The charts of the story's other figures: coalition growth, capability gaps, intelligence,
//! industry and geography.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::real;
use reassurance_force::figures::Kind;
use reassurance_force::model::capability::Capability;
use reassurance_force::model::coalition::{implied_before, Coalition};
use reassurance_force::model::geography::{flight_minutes, Geography};
use reassurance_force::model::industry::{growth_pct, Industry};
use reassurance_force::model::intelligence::Intelligence;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-3)
}

#[test]
fn arithmetic_by_hand() {
    assert!(close(implied_before(31.0, 40.0), 22.142_857)); // 31 / 1.4
    assert!(close(flight_minutes(187.0, 7_500.0), 1.496)); // 187 / 7,500 × 60
    assert!(close(flight_minutes(500.0, 7_500.0), 4.0));
    assert!(close(growth_pct(500_000.0, 1_500_000.0), 200.0));
    assert!(close(growth_pct(158.8, 186.6), 17.506));
    assert_eq!(flight_minutes(100.0, 0.0), None);
    assert_eq!(growth_pct(0.0, 5.0), None);
    assert_eq!(implied_before(31.0, -100.0), None);
}

#[test]
fn coalition_in_date_order_with_the_implied_february_count() -> Result {
    let model = Coalition::from_figures(&real()?)?;
    let bars = &model.panel.bars;
    assert_eq!(bars.first().map(|b| b.kind), Some(Kind::AsReported));
    let labels: Vec<&str> = bars.iter().skip(1).map(|b| b.label.as_str()).collect();
    assert!(
        labels.first().is_some_and(|l| l.starts_with("17 Feb 2025")),
        "{labels:?}"
    );
    assert!(
        labels.last().is_some_and(|l| l.starts_with("4 Sep 2025")),
        "{labels:?}"
    );
    // One basis: every meeting counts countries taking part, the host included.
    let bases: Vec<&str> = bars.iter().map(|b| b.measure.key.as_str()).collect();
    assert!(
        bases.iter().all(|k| *k == "countries_attending"),
        "{bases:?}"
    );
    assert!(close(
        model.panel.marker.as_ref().map(|m| m.value),
        22.142_857
    ));
    assert!(
        model
            .takeaway()
            .contains("implies 22.1 at the first meeting; it counted 8 countries"),
        "{}",
        model.takeaway()
    );
    Ok(())
}

#[test]
fn capability_gaps_and_the_time_range() -> Result {
    let model = Capability::from_figures(&real()?)?;
    let range = model
        .panels
        .get(2)
        .and_then(|p| p.bars.first())
        .ok_or("no range")?;
    assert_eq!((range.from, range.value), (Some(18.0), Some(24.0)));
    assert_eq!(range.value_text(), "18–24 months");
    let tanks: Vec<f64> = model
        .panels
        .first()
        .map(|p| p.bars.iter().filter_map(|b| b.value).collect())
        .unwrap_or_default();
    assert_eq!(tanks, vec![284.0, 300.0, 320.0]);
    // The article's ready tanks are never set "against" fleet counts.
    let takeaway = model.takeaway();
    assert!(!takeaway.contains("against"), "{takeaway}");
    assert!(
        takeaway.contains(
            "counts tanks ready for use; 300 (2024) and 320 (2023) count tanks in the fleet"
        ),
        "{takeaway}"
    );
    Ok(())
}

#[test]
fn sixty_eight_of_a_hundred_squares() -> Result {
    let model = Intelligence::from_figures(&real()?)?;
    assert_eq!(model.filled, 68);
    let parts = model.parts();
    assert_eq!(
        parts.iter().map(|b| b.value).collect::<Vec<_>>(),
        vec![Some(68.0), Some(32.0)]
    );
    assert_eq!(parts.get(1).map(|b| b.kind), Some(Kind::Derived));
    Ok(())
}

#[test]
fn industry_and_geography_carry_derived_bars() -> Result {
    let industry = Industry::from_figures(&real()?)?;
    let initiative: Vec<Option<f64>> = industry
        .panels
        .get(1)
        .map(|p| p.bars.iter().map(|b| b.value).collect())
        .unwrap_or_default();
    assert_eq!(initiative, vec![Some(1_500_000.0), Some(500_000.0)]);
    let geography = Geography::from_figures(&real()?)?;
    // Lviv to the tripoint: 1.66° of latitude and 0.42° of longitude at 50.7° N, about 187 km;
    // Kyiv to Belarus's southernmost point: 0.81° of latitude, about 90 km.
    let distances: Vec<f64> = geography
        .panels
        .first()
        .map(|p| {
            p.bars
                .iter()
                .skip(1)
                .take(2)
                .filter_map(|b| b.value)
                .collect()
        })
        .unwrap_or_default();
    assert!(
        matches!(distances.as_slice(), [l, k] if (l - 187.0).abs() < 2.0 && (k - 90.0).abs() < 1.5),
        "{distances:?}"
    );
    let flights = geography.panels.get(1).ok_or("no flight panel")?;
    let minutes: Vec<String> = flights.bars.iter().map(|b| b.value_text()).collect();
    assert_eq!(
        minutes,
        vec!["at least 1.5 min", "at least 0.7 min", "at least 4 min"]
    );
    assert_eq!(flights.marker.as_ref().map(|m| m.value), Some(15.0));
    assert!(
        geography.takeaway().contains("4 min"),
        "{}",
        geography.takeaway()
    );
    Ok(())
}

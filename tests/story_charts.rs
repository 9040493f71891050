//! The story's charts as the figures file declares them: bar panels (dated bars, a line at the
//! count a growth implies, ranges), a unit chart, and flight times.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::{chart_id, real};
use reassurance_force::catalogue::{Drawing, Model};
use reassurance_force::figures::Kind;
use reassurance_force::model::annotation::Anchor;
use reassurance_force::model::bar_panels::{growth_pct, implied_before};
use reassurance_force::model::flight_times::flight_minutes;
use reassurance_force::model::panel::Panel;
use reassurance_force::model::scenario::Scenario;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

/// The model of the chart `slug` of the committed figures, as the page opens.
fn built(slug: &str) -> std::result::Result<Model, Box<dyn std::error::Error>> {
    let figures = real()?;
    let id = chart_id(&figures, slug)?;
    Ok(Model::build(
        id,
        &figures,
        &Scenario::from_figures(&figures),
    )?)
}

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
    let model = built("coalition")?;
    let panel = *model.panels().first().ok_or("no panel")?;
    let bars = &panel.bars;
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
    assert!(close(line_at(panel), 22.142_857));
    assert!(
        model.takeaway().contains(
            "had 8 countries. A 40% rise to 31 countries would mean it had 22 countries."
        ),
        "{}",
        model.takeaway()
    );
    // The line's value is said once, as its label gives it, not rounded again.
    let description = model.description();
    assert!(
        description.contains("A line: The article’s 40% rise implies 22 countries."),
        "{description}"
    );
    assert!(!description.contains("at 22 countries"), "{description}");
    Ok(())
}

#[test]
fn capability_gaps_and_the_time_range() -> Result {
    let model = built("capability")?;
    let range = model
        .panels()
        .get(2)
        .and_then(|p| p.bars.first())
        .ok_or("no range")?;
    assert_eq!((range.from, range.value), (Some(18.0), Some(24.0)));
    assert_eq!(range.value_text(), "18–24 months");
    let tanks: Vec<f64> = model
        .panels()
        .first()
        .map(|p| p.bars.iter().filter_map(|b| b.value).collect())
        .unwrap_or_default();
    assert_eq!(tanks, vec![284.0, 300.0, 320.0]);
    // The article's ready tanks are never set "against" fleet counts.
    let takeaway = model.takeaway();
    assert!(!takeaway.contains("against"), "{takeaway}");
    assert!(
        takeaway.contains(
            "counts tanks ready for use. The figures 300 (2024) and 320 (2023) count tanks in the fleet."
        ),
        "{takeaway}"
    );
    Ok(())
}

#[test]
fn sixty_eight_of_a_hundred_squares() -> Result {
    let built = built("intelligence")?;
    let Drawing::UnitChart(model) = &built.drawing else {
        return Err("not a unit chart".into());
    };
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
    let industry = built("industry")?;
    let initiative: Vec<Option<f64>> = industry
        .panels()
        .get(1)
        .map(|p| p.bars.iter().map(|b| b.value).collect())
        .unwrap_or_default();
    assert_eq!(initiative, vec![Some(1_500_000.0), Some(500_000.0)]);
    let geography = built("geography")?;
    // Lviv to the tripoint: 1.68° of latitude and 0.42° of longitude at 50.7° N, about 189 km;
    // Kyiv to Belarus's southernmost point: 0.82° of latitude and 0.02° of longitude, about 91 km.
    let distances: Vec<f64> = geography
        .panels()
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
        matches!(distances.as_slice(), [l, k] if (l - 189.1).abs() < 0.5 && (k - 91.2).abs() < 0.5),
        "{distances:?}"
    );
    let flights = *geography.panels().get(1).ok_or("no flight panel")?;
    let minutes: Vec<String> = flights.bars.iter().map(|b| b.value_text()).collect();
    assert_eq!(
        minutes,
        vec!["at least 1.5 min", "at least 0.7 min", "at least 4 min"]
    );
    assert_eq!(line_at(flights), Some(15.0));
    // The least time over the shortest route to Lviv, as a bound, against the article's.
    assert!(
        geography
            .takeaway()
            .contains("needs at least 1.5 min to fly the 189 km from Belarus to Lviv. The article speaks of a strike range of 15 min."),
        "{}",
        geography.takeaway()
    );
    Ok(())
}

/// Where the panel's first annotated line stands.
fn line_at(panel: &Panel) -> Option<f64> {
    panel.notes.iter().find_map(|n| match n.anchor {
        Anchor::Line(v) => Some(v),
        Anchor::Band(..) => None,
    })
}

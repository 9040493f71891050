//! The scenario explorer's arithmetic: sharing a force, rotations, phases and the sentence.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::{force_scenario_of, real};
use reassurance_force::figures::Kind;
use reassurance_force::model::force_sharing::{apportion, share_force, Nation};
use reassurance_force::model::scenario::{Scenario, Sharing};

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

fn nation(name: &str, personnel: Option<f64>, budget: Option<f64>) -> Nation {
    Nation {
        name: name.into(),
        personnel,
        budget,
    }
}

fn scenario(force: u32, sharing: Sharing, rotation: u32) -> Scenario {
    let mut s = Scenario::starting_at(Some(30_000.0));
    assert!(s.set_force(force) && s.set_rotation(rotation));
    s.sharing = sharing;
    s
}

#[test]
fn apportioned_parts_add_up_to_the_whole() {
    assert_eq!(apportion(60_000, &[1.0; 5]), vec![12_000; 5]);
    // 10 in thirds: 3.33 each; the leftover unit goes to the first of equal remainders.
    assert_eq!(apportion(10, &[1.0, 1.0, 1.0]), vec![4, 3, 3]);
    // 100 by 216,100 : 204,700 → 51.35 and 48.65 → 51 and 49.
    assert_eq!(apportion(100, &[216_100.0, 204_700.0]), vec![51, 49]);
    assert_eq!(apportion(7, &[0.0, f64::NAN, 2.0]), vec![0, 0, 7]);
    assert_eq!(apportion(7, &[0.0, -1.0]), vec![0, 0]);
    assert_eq!(apportion(0, &[1.0, 2.0]), vec![0, 0]);
}

#[test]
fn sharing_rules_by_hand() {
    let nations = [
        nation("Poland", Some(216_100.0), Some(35.0)),
        nation("France", Some(204_700.0), Some(64.0)),
    ];
    // Equally: 30,000 → 15,000 each; three rotations tie up 45,000; 45,000 / 216,100 = 20.82%.
    let equal = share_force(30_000, Sharing::Equal, 3, &nations);
    assert_eq!(
        equal.iter().map(|c| c.deployed).collect::<Vec<_>>(),
        vec![15_000, 15_000]
    );
    assert_eq!(equal.first().map(|c| c.tied_up), Some(45_000));
    let pl = equal
        .first()
        .and_then(|c| c.share_of_army)
        .unwrap_or(f64::NAN);
    assert!((pl - 20.824).abs() < 1e-3, "{pl}");
    // By personnel: 30,000 × 216,100 / 420,800 = 15,406.4 → 15,406 and 14,594.
    let people = share_force(30_000, Sharing::Personnel, 1, &nations);
    assert_eq!(
        people.iter().map(|c| c.deployed).collect::<Vec<_>>(),
        vec![15_406, 14_594]
    );
    // By budget: 30,000 × 35 / 99 = 10,606.06 → 10,606 and 19,394.
    let money = share_force(30_000, Sharing::Budget, 1, &nations);
    assert_eq!(
        money.iter().map(|c| c.deployed).collect::<Vec<_>>(),
        vec![10_606, 19_394]
    );
}

#[test]
fn a_nation_without_a_figure_contributes_nothing_to_a_proportional_rule() {
    let nations = [nation("A", Some(100.0), None), nation("B", None, Some(5.0))];
    let by_people = share_force(1_000, Sharing::Personnel, 2, &nations);
    assert_eq!(
        by_people.iter().map(|c| c.deployed).collect::<Vec<_>>(),
        vec![1_000, 0]
    );
    assert_eq!(by_people.get(1).and_then(|c| c.share_of_army), None);
}

#[test]
fn rotation_and_force_stay_in_bounds() {
    let mut s = Scenario::starting_at(Some(30_000.0));
    assert_eq!((s.force(), s.rotation()), (30_000, 3));
    assert!(!s.set_rotation(0) && !s.set_rotation(5));
    assert!(s.set_rotation(1) && s.set_rotation(4));
    assert!(!s.set_force(4_999) && !s.set_force(150_001));
    assert!(s.set_force(5_000) && s.set_force(150_000));
    assert_eq!(Scenario::starting_at(Some(1e12)).force(), 150_000);
    assert_eq!(Scenario::starting_at(Some(f64::NAN)).force(), 30_000);
    assert_eq!(Scenario::starting_at(Some(-4.0)).force(), 5_000);
}

#[test]
fn sixty_thousand_with_three_rotations() -> Result {
    // The question the page must answer: 60,000 shared equally by five nations is 12,000 each;
    // three rotations tie up 36,000 each. Poland: 36,000 / 216,100 = 16.66%.
    let model = force_scenario_of(&real()?, &scenario(60_000, Sharing::Equal, 3))?;
    assert_eq!(model.tied_up, 180_000);
    let poland = model
        .contributions
        .iter()
        .find(|c| c.name == "Poland")
        .ok_or("no Poland")?;
    assert_eq!((poland.deployed, poland.tied_up), (12_000, 36_000));
    assert!((poland.share_of_army.unwrap_or(0.0) - 16.659).abs() < 1e-3);
    // 180,000 / 2,118,000 = 8.50%.
    assert!((model.pool_share.unwrap_or(0.0) - 8.4986).abs() < 1e-3);
    let bar = model
        .army_panel
        .bars
        .iter()
        .find(|b| b.label.starts_with("Poland"))
        .ok_or("no bar")?;
    assert_eq!(bar.value_text(), "16.7%");
    assert_eq!(bar.kind, Kind::Scenario);
    let words = model.takeaway();
    for part in ["60,000", "180,000", "8.5%", "United Kingdom", "26.1%"] {
        assert!(words.contains(part), "{part:?} missing from {words:?}");
    }
    Ok(())
}

#[test]
fn the_phases_step_from_the_engineers_to_all_troops_tied_up() -> Result {
    let model = force_scenario_of(&real()?, &scenario(60_000, Sharing::Personnel, 2))?;
    let values: Vec<Option<f64>> = model.phase_panel.bars.iter().map(|b| b.value).collect();
    assert_eq!(values, vec![Some(5_000.0), Some(60_000.0), Some(120_000.0)]);
    let kinds: Vec<Kind> = model.phase_panel.bars.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![Kind::AsReported, Kind::Scenario, Kind::Scenario]
    );
    // A force the reader chose cites the choice, never the article alone.
    let chosen = model.phase_panel.bars.get(1).ok_or("no second phase")?;
    assert!(
        chosen.source.starts_with("the scenario's choice") && chosen.note.is_none(),
        "{}",
        chosen.source
    );
    let at_reported = force_scenario_of(&real()?, &Scenario::from_figures(&real()?))?;
    let second = at_reported.phase_panel.bars.get(1).map(|b| b.kind);
    assert_eq!(
        second,
        Some(Kind::AsReported),
        "the reported size is as reported"
    );
    Ok(())
}

#[test]
fn shares_follow_the_rule() -> Result {
    let figures = real()?;
    let by_people = force_scenario_of(&figures, &scenario(60_000, Sharing::Personnel, 1))?;
    let shares: Vec<f64> = by_people
        .contributions
        .iter()
        .filter_map(|c| c.share_of_army)
        .collect();
    // In proportion to personnel, every army gives the same share: 60,000 / 915,900 = 6.55%.
    assert!(
        shares.iter().all(|s| (s - 6.551).abs() < 0.01),
        "{shares:?}"
    );
    let total: u32 = by_people.contributions.iter().map(|c| c.deployed).sum();
    assert_eq!(total, 60_000);
    Ok(())
}

#[test]
fn equal_shares_of_every_army_are_said_so() -> Result {
    let model = force_scenario_of(&real()?, &scenario(60_000, Sharing::Personnel, 3))?;
    let words = model.takeaway();
    assert!(
        words.contains(", every army gives the same share."),
        "{words}"
    );
    assert!(!words.contains("heaviest"), "{words}");
    // Short sentences, each ended.
    assert!(words.ends_with("% of its active forces."), "{words}");
    Ok(())
}

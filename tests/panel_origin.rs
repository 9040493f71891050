//! What a panel's subtitle says of its bars once, and the words a bar keeps for itself.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

use reassurance_force::figures::{Kind, Measure, Unit};
use reassurance_force::model::panel::{Bar, Panel};

fn bar(id: &str, value: Option<f64>, kind: Kind, years: &str) -> Bar {
    let mut bar = Bar::derived(
        id.to_string(),
        format!("Bar {id}"),
        value,
        Unit::Count,
        Measure::derived("things".into(), String::new()),
        years.to_string(),
        "a source".into(),
    );
    bar.kind = kind;
    bar
}

fn panel(bars: Vec<Bar>) -> Panel {
    Panel::new("A panel".into(), Unit::Count, bars)
}

#[test]
fn a_panel_of_alike_bars_says_what_they_are_once_and_the_bars_say_only_their_values() {
    let p = panel(vec![
        bar("a", Some(1.0), Kind::Reference, "2024"),
        bar("b", Some(2.0), Kind::Reference, "2024"),
    ]);
    assert_eq!(p.subtitle().as_deref(), Some("Reference, 2024"));
    let common = p.common_origin();
    for b in &p.bars {
        assert_eq!(b.apart_from(&common), "", "{}", b.id);
    }
}

#[test]
fn a_bar_unlike_its_panel_says_how_it_differs_and_no_more() {
    let p = panel(vec![
        bar("reported", Some(284.0), Kind::AsReported, "2025"),
        bar("fleet", Some(300.0), Kind::Reference, "2024"),
        bar("older", Some(320.0), Kind::Reference, "2023"),
        bar("same", Some(310.0), Kind::Reference, "2024"),
        bar("missing", None, Kind::AsReported, "2025"),
    ]);
    // Two of the four bars with a value are reference figures of 2024; the bar without a value
    // does not count.
    assert_eq!(
        p.subtitle().as_deref(),
        Some("Reference, 2024, unless marked")
    );
    let common = p.common_origin();
    let words: Vec<String> = p.bars.iter().map(|b| b.apart_from(&common)).collect();
    assert_eq!(
        words,
        ["as reported, 2025", "", "2023", "", "as reported, 2025"]
    );
}

#[test]
fn a_panel_whose_bars_share_nothing_has_no_subtitle_and_each_bar_says_what_it_is() {
    let p = panel(vec![
        bar("x", Some(1.0), Kind::Derived, ""),
        bar("y", Some(2.0), Kind::Scenario, "2024"),
    ]);
    assert_eq!(p.subtitle(), None);
    let common = p.common_origin();
    let words: Vec<String> = p.bars.iter().map(|b| b.apart_from(&common)).collect();
    assert_eq!(words, ["derived", "scenario, 2024"]);
}

#[test]
fn the_only_bar_of_a_panel_is_said_in_its_subtitle() {
    let p = panel(vec![bar("one", Some(3.0), Kind::AsReported, "2025")]);
    assert_eq!(p.subtitle().as_deref(), Some("As reported, 2025"));
    let common = p.common_origin();
    let words: Vec<String> = p.bars.iter().map(|b| b.apart_from(&common)).collect();
    assert_eq!(words, [""]);
}

#[test]
fn a_panel_without_values_has_no_subtitle() {
    let p = panel(vec![bar("none", None, Kind::Reference, "2024")]);
    assert_eq!(p.subtitle(), None);
    assert_eq!(panel(Vec::new()).subtitle(), None);
}

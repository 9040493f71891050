//! Property tests: whatever text reaches the figures parser or the link parser, the answer is a
//! value or a clear error, never a panic; and the link parser keeps the scenario in bounds.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::FIGURES_JSON;
use proptest::prelude::*;
use reassurance_force::figures::parse;
use reassurance_force::model::scenario::{Scenario, FORCE_RANGE, ROTATION_RANGE};
use reassurance_force::model::scenario_url::{apply_query, to_query};

fn start() -> Scenario {
    Scenario::starting_at(Some(30_000.0))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_is_parsed_or_refused(text in ".{0,400}") {
        if let Err(e) = parse(&text) {
            prop_assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn a_mangled_figures_file_is_parsed_or_refused(cut in 0usize..100_000, insert in ".{1,12}") {
        let mut text = FIGURES_JSON.to_string();
        let at = text.char_indices().map(|(i, _)| i).nth(cut % FIGURES_JSON.chars().count()).unwrap_or(0);
        text.insert_str(at, &insert);
        prop_assume!(text != FIGURES_JSON, "nothing was mangled");
        match parse(&text) {
            Ok(figures) => prop_assert!(!figures.all().is_empty()),
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
    }

    #[test]
    fn any_value_in_a_figure_is_checked(value in prop_oneof![
        any::<f64>().prop_map(|v| v.to_string()),
        Just("null".to_string()),
        Just("\"x\"".to_string()),
        Just("1e400".to_string()),
        Just("-0".to_string()),
        Just("[]".to_string()),
    ]) {
        let text = FIGURES_JSON.replacen("\"value\": 30000", &format!("\"value\": {value}"), 1);
        prop_assume!(text != FIGURES_JSON || value == "30000", "the value was not replaced");
        let written = format!("\"value\": {value}");
        prop_assert!(text.contains(&written));
        if let Ok(figures) = parse(&text) {
            let v = figures.get("force.proposed").ok().and_then(|f| f.value);
            prop_assert!(v.is_none_or(|v| v.is_finite() && v >= 0.0), "{v:?}");
        }
    }

    #[test]
    fn any_link_keeps_the_scenario_in_bounds(query in ".{0,200}") {
        let mut s = start();
        let notices = apply_query(&query, &mut s);
        prop_assert!(FORCE_RANGE.contains(&s.force()));
        prop_assert!(ROTATION_RANGE.contains(&s.rotation()));
        for notice in notices {
            prop_assert!(notice.chars().count() < 400);
            prop_assert!(!notice.chars().any(char::is_control));
        }
    }

    #[test]
    fn links_round_trip(force in 5_000u32..=150_000, rotation in 1u32..=4, share in 0usize..3) {
        let mut s = start();
        prop_assert!(s.set_force(force) && s.set_rotation(rotation));
        s.sharing = reassurance_force::model::scenario::Sharing::ALL.get(share).copied().unwrap_or_default();
        let mut back = start();
        prop_assert!(apply_query(&to_query(&s, &start()), &mut back).is_empty());
        prop_assert_eq!(back, s);
    }
}

//! Reading a chart from the keyboard: where each key goes, and what is said there.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::{chart_id, real};
use reassurance_force::catalogue::Model;
use reassurance_force::model::scenario::Scenario;
use reassurance_force::point_reading::{announcement, panels_of_points, step};

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

/// Two panels: points 0–2 in the first, 3–4 in the second.
const TWO_PANELS: [usize; 5] = [0, 0, 0, 1, 1];

#[test]
fn left_and_right_go_point_by_point_up_and_down_panel_by_panel() {
    let go = |key: &str, now: Option<usize>| step(key, now, &TWO_PANELS);
    assert_eq!(go("ArrowRight", None), Some(0));
    assert_eq!(
        go("ArrowRight", Some(2)),
        Some(3),
        "across into the next panel"
    );
    assert_eq!(
        go("ArrowRight", Some(4)),
        Some(4),
        "no further than the last"
    );
    assert_eq!(go("ArrowLeft", Some(3)), Some(2));
    assert_eq!(go("ArrowLeft", Some(0)), Some(0));
    assert_eq!(
        go("ArrowDown", Some(1)),
        Some(3),
        "to the next panel's first"
    );
    assert_eq!(go("ArrowDown", Some(4)), Some(4), "no panel below the last");
    assert_eq!(go("ArrowUp", Some(4)), Some(3), "to its own panel's first");
    assert_eq!(go("ArrowUp", Some(3)), Some(0), "then the panel above");
    assert_eq!(go("ArrowUp", Some(1)), Some(0));
    assert_eq!(go("ArrowUp", None), Some(3), "from outside, the last panel");
    assert_eq!(go("Home", Some(4)), Some(0));
    assert_eq!(go("End", None), Some(4));
    assert_eq!(go("Tab", Some(1)), None, "other keys are the page's");
    assert_eq!(
        step("ArrowRight", None, &[]),
        None,
        "a chart without points"
    );
}

#[test]
fn the_announcement_names_the_panel_entered_the_place_and_the_ends() -> Result {
    let figures = real()?;
    let id = chart_id(&figures, "troop-share")?;
    let model = Model::build(id, &figures, &Scenario::from_figures(&figures))?;
    let panels = panels_of_points(&model);
    let rows = model.bars();
    let titles: Vec<String> = model.panels().iter().map(|p| p.title.clone()).collect();
    let [first_title, second_title] = titles.as_slice() else {
        return Err(format!("two panels expected: {titles:?}").into());
    };
    let n = rows.len();
    let said = |before: Option<usize>, now: usize| {
        let point = rows.get(now).map(|r| r.describe()).unwrap_or_default();
        (announcement(&model, &panels, before, now, &point), point)
    };
    let (words, point) = said(None, 0);
    assert_eq!(words, format!("{first_title}. {point} 1 of {n}."));
    let (words, point) = said(Some(0), 1);
    assert_eq!(
        words,
        format!("{point} 2 of {n}."),
        "no panel name within a panel"
    );
    let second = panels
        .iter()
        .position(|&p| p == 1)
        .ok_or("no second panel")?;
    let (words, _) = said(Some(second - 1), second);
    assert!(words.starts_with(&format!("{second_title}. ")), "{words}");
    let (words, _) = said(Some(n - 2), n - 1);
    assert!(
        words.ends_with(&format!("{n} of {n}, the last.")),
        "{words}"
    );
    let (words, _) = said(Some(n - 1), n - 1);
    assert!(words.ends_with("the end of the chart."), "{words}");
    let (words, _) = said(Some(0), 0);
    assert!(words.ends_with("the start of the chart."), "{words}");
    Ok(())
}

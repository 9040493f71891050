//! The project's real figures file, and a way to change one value of it for a test.
#![allow(dead_code)] // each test crate uses a part

use reassurance_force::figures::{self, DataError, Figures};

/// The figures file as committed.
pub const FIGURES_JSON: &str = include_str!("../../www/data/figures.json");

/// The committed figures, parsed.
pub fn real() -> Result<Figures, DataError> {
    figures::parse(FIGURES_JSON)
}

/// The committed figures file with `edit` applied to its JSON tree.
pub fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut tree: serde_json::Value = serde_json::from_str(FIGURES_JSON).unwrap_or_default();
    edit(&mut tree);
    tree.to_string()
}

/// Sets `field` of the figure with `id` to `value` in a JSON tree.
pub fn set_field(tree: &mut serde_json::Value, id: &str, field: &str, value: serde_json::Value) {
    if let Some(list) = tree.get_mut("figures").and_then(|f| f.as_array_mut()) {
        for figure in list {
            if figure.get("id").and_then(|v| v.as_str()) == Some(id) {
                figure[field] = value.clone();
            }
        }
    }
}

/// Sets the value at a JSON pointer (`/charts/9/troop_share/armies/2`) in a JSON tree; a
/// pointer to nothing fails the test (an edit that misses would test the file unchanged).
pub fn set_at(tree: &mut serde_json::Value, pointer: &str, value: serde_json::Value) {
    let slot = tree.pointer_mut(pointer);
    assert!(slot.is_some(), "the figures file has nothing at {pointer}");
    if let Some(slot) = slot {
        *slot = value;
    }
}

/// The place in the committed file's list of charts of the first chart with a `part`
/// (`"troop_share"`), so that a test's edit follows the charts' order.
pub fn chart_with(part: &str) -> usize {
    let tree: serde_json::Value = serde_json::from_str(FIGURES_JSON).unwrap_or_default();
    let at = tree
        .get("charts")
        .and_then(|c| c.as_array())
        .and_then(|charts| charts.iter().position(|c| c.get(part).is_some()));
    assert!(at.is_some(), "no chart with {part}");
    at.unwrap_or_default()
}

use reassurance_force::figures::{ChartKind, ChartSpec};
use reassurance_force::model::budgets::Budgets;
use reassurance_force::model::force_scenario::ForceScenario;
use reassurance_force::model::scenario::Scenario;
use reassurance_force::model::troop_share::TroopShare;

/// The first chart of `kind` in `figures`.
pub fn chart_of(figures: &Figures, kind: ChartKind) -> Result<&ChartSpec, DataError> {
    figures
        .chart_of_kind(kind)
        .ok_or_else(|| DataError::new("charts", format!("no chart of kind {kind:?}")))
}

/// The troop share of the file's first such chart, for a force of `size` (or the reported one).
pub fn troop_share_of(figures: &Figures, size: Option<u32>) -> Result<TroopShare, DataError> {
    let chart = chart_of(figures, ChartKind::TroopShare)?;
    let spec = chart
        .troop_share
        .as_ref()
        .ok_or_else(|| DataError::new("charts", "no part"))?;
    TroopShare::from_figures(figures, spec, size)
}

/// The force scenario of the file's first such chart.
pub fn force_scenario_of(
    figures: &Figures,
    scenario: &Scenario,
) -> Result<ForceScenario, DataError> {
    let chart = chart_of(figures, ChartKind::ForceScenario)?;
    let spec = chart
        .force_scenario
        .as_ref()
        .ok_or_else(|| DataError::new("charts", "no part"))?;
    ForceScenario::from_figures(figures, spec, scenario)
}

/// The budgets of the file's first such chart, as `view` shows them.
pub fn budgets_of(figures: &Figures, view: &Scenario) -> Result<Budgets, DataError> {
    let chart = chart_of(figures, ChartKind::Budgets)?;
    let spec = chart
        .budgets
        .as_ref()
        .ok_or_else(|| DataError::new("charts", "no part"))?;
    Budgets::from_figures(figures, spec, view)
}

use reassurance_force::catalogue::ChartId;

/// Every chart of `figures` with its declaration, in page order.
pub fn charts(figures: &Figures) -> Vec<(ChartId, &ChartSpec)> {
    ChartId::all(figures).zip(figures.charts()).collect()
}

/// The chart named `slug`.
pub fn chart_id(figures: &Figures, slug: &str) -> Result<ChartId, DataError> {
    ChartId::from_slug(figures, slug)
        .ok_or_else(|| DataError::new("charts", format!("no chart “{slug}”")))
}

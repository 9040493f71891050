//! The force-scenario chart: the share of each contributing army tied up by the reader's force,
//! above the phased build-up from the first engineers to all troops tied up by rotations.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::charts::{bar_panels, ChartError, Layout, Style};
use crate::model::force_scenario::ForceScenario;

/// Draws the chart into `area`.
///
/// # Errors
/// See [`bar_panels::draw`].
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &ForceScenario,
    style: Style<'_>,
) -> Result<Layout, ChartError> {
    bar_panels::draw(area, &[&model.army_panel, &model.phase_panel], style)
}

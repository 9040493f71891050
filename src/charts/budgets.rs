//! The budget chart: the article's sums beside the EU's real instruments (€) and national
//! defence budgets (US$), one panel per currency so that no amount is converted.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::charts::{bar_panels, ChartError, Layout, Style};
use crate::model::budgets::Budgets;

/// Draws the chart into `area`.
///
/// # Errors
/// See [`bar_panels::draw`].
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &Budgets,
    style: Style<'_>,
) -> Result<Layout, ChartError> {
    let panels: Vec<_> = model.panels.iter().collect();
    bar_panels::draw(area, &panels, style)
}

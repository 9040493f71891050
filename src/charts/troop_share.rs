//! The troop-share chart: the force's share of NATO and of Europe + Canada against the article's
//! "less than 3%", above the largest European armies ranked with the force among them.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::charts::{bar_panels, ChartError, Layout, Style};
use crate::model::troop_share::TroopShare;

/// Draws the chart into `area`.
///
/// # Errors
/// See [`bar_panels::draw`].
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &TroopShare,
    style: Style<'_>,
) -> Result<Layout, ChartError> {
    bar_panels::draw(area, &[&model.share_panel, &model.army_panel], style)
}

//! Charts drawn natively through plotters' SVG backend: the static fallbacks in the page's
//! assets and the snapshots the tests compare against.

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};

use crate::catalogue::{ChartId, FigureError, Model};
use crate::charts::text_width::Estimate;
use crate::charts::theme::Theme;
use crate::charts::{ChartError, Layout, Style};
use crate::figures::Figures;
use crate::model::scenario::Scenario;

/// The chart `id` as an SVG document of `size` CSS pixels, for the starting scenario.
///
/// # Errors
/// A [`FigureError`] if its figures are missing or drawing fails.
pub fn render(
    id: ChartId,
    figures: &Figures,
    size: (u32, u32),
    theme: &Theme,
) -> Result<String, FigureError> {
    let model = Model::build(id, figures, &Scenario::from_figures(figures))?;
    Ok(draw(&model, size, theme)?)
}

/// A built model as an SVG document of `size` CSS pixels.
///
/// # Errors
/// A [`ChartError`] if the area is too small or drawing fails.
pub fn draw(model: &Model, size: (u32, u32), theme: &Theme) -> Result<String, ChartError> {
    Ok(draw_with_layout(model, size, theme)?.0)
}

/// A built model as an SVG document of `size` CSS pixels, with the layout of what was drawn
/// (each bar's box and the box of every word and shape).
///
/// # Errors
/// A [`ChartError`] if the area is too small or drawing fails.
pub fn draw_with_layout(
    model: &Model,
    size: (u32, u32),
    theme: &Theme,
) -> Result<(String, Layout), ChartError> {
    let theme = &theme.for_svg();
    in_svg(size, theme, sheet_of(model), |area, style| {
        model.draw(area, style)
    })
}

/// A built model as a poster in SVG: `poster`'s title and lines round the chart, the chart
/// `size` pixels, its size on the page; with the layout of everything drawn.
///
/// # Errors
/// A [`ChartError`] if the area is too small or drawing fails.
pub fn poster(
    model: &Model,
    poster: &crate::charts::poster::Poster,
    (width, chart_height): (u32, u32),
    theme: &Theme,
) -> Result<(String, Layout), ChartError> {
    let theme = &theme.for_svg();
    let size = poster.size_around((width, chart_height), theme, &Estimate);
    in_svg(size, theme, sheet_of(model), |area, style| {
        poster.draw(area, style, |chart, style| model.draw(chart, style))
    })
}

/// What `draw` draws on an SVG area of `size` in `theme` (its words' widths estimated), with
/// its layout.
fn in_svg(
    size: (u32, u32),
    theme: &Theme,
    sheet: Option<&crate::atlas::Sheet>,
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>, Style<'_>) -> Result<Layout, ChartError>,
) -> Result<(String, Layout), ChartError> {
    let mut svg = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let style = Style {
            theme,
            measure: &Estimate,
            focus: None,
            country: None,
            sheet,
            ground: None,
        };
        let layout = draw(&area, style)?;
        area.present()
            .map_err(|e| ChartError::Drawing(e.to_string()))?;
        layout
    };
    Ok((svg, layout))
}

/// A map's sheet from the maps' file the project holds (none for a chart of bars).
fn sheet_of(model: &Model) -> Option<&'static crate::atlas::Sheet> {
    crate::atlas::committed()?.sheet(model.map_sheet()?)
}

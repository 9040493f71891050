//! Charts drawn natively through plotters' SVG backend: the static fallbacks in the page's
//! assets and the snapshots the tests compare against.

use plotters::backend::SVGBackend;
use plotters::drawing::IntoDrawingArea;

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
    let mut svg = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let style = Style {
            theme,
            measure: &Estimate,
            focus: None,
        };
        let layout = model.draw(&area, style)?;
        area.present()
            .map_err(|e| ChartError::Drawing(e.to_string()))?;
        layout
    };
    Ok((svg, layout))
}

/// A built model as a poster in SVG: `poster`'s title and lines round the chart, the chart
/// `size` CSS pixels as on the page; with the layout of everything drawn.
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
    let mut svg = String::new();
    let layout = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let style = Style {
            theme,
            measure: &Estimate,
            focus: None,
        };
        let layout = poster.draw(&area, style, |chart, style| model.draw(chart, style))?;
        area.present()
            .map_err(|e| ChartError::Drawing(e.to_string()))?;
        layout
    };
    Ok((svg, layout))
}

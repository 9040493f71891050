//! The second chart program: a chart drawn to be taken away, as an image at twice its size or
//! as SVG, with its title above and, under it, its sources, the day the figures were checked
//! and the link to the reader's scenario (`charts::poster`, round the same chart code the page
//! draws with; the SVG is the same drawing written by `charts::svg_writer`). Built with the
//! feature `take-away` as a module of its own, which the page fetches only when a reader
//! reaches for a download button, so that the program every reader loads carries none of it.
//! It reads the same figures' digest and rebuilds the chart's model for the scenario it is
//! given (the query of the page's link), so that it holds no state of the page's.

use std::cell::RefCell;
use std::rc::Rc;

use plotters::drawing::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement, Window};

use crate::atlas::{Atlas, Sheet};
use crate::catalogue::{ChartId, FigureError, Model};
use crate::charts::poster::Poster;
use crate::charts::svg_writer;
use crate::charts::theme::Theme;
use crate::charts::{ChartError, Style};
use crate::data_table;
use crate::figures;
use crate::model::scenario::Scenario;
use crate::model::scenario_url::apply_query;
use crate::web::canvas_text::measure;
use crate::web::stroke_batch::StrokeBatch;
use crate::web::{canvas_size, colour_scheme, text_size};

/// The pixel ratio of a downloaded image.
const IMAGE_SCALE: f64 = 2.0;

/// Draws the chart of `figure` for the scenario of the link's `query` (`""`: the data's own),
/// from the figures' `digest` (and, for a map, the maps' file, `maps`), as `format` (`png` or
/// `svg`), or its data as CSV (`csv`), and hands it to the reader as a file. Returns what to tell the reader: that it is
/// done, or why it could not be.
#[wasm_bindgen(js_name = takeAway)]
pub fn take_away(format: &str, figure: Element, digest: &[u8], query: &str, maps: &[u8]) -> String {
    draw_and_hand_over(format, &figure, (digest, maps), query).unwrap_or_else(|why| why)
}

/// As [`take_away`], with the reason it could not be done as its error.
fn draw_and_hand_over(
    format: &str,
    figure: &Element,
    (digest, maps): (&[u8], &[u8]),
    query: &str,
) -> Result<String, String> {
    let png = match format {
        "png" => true,
        "svg" | "csv" => false,
        _ => return Err(format!("no such download: “{format}”")),
    };
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let figures = figures::from_digest(digest).map_err(|e| e.to_string())?;
    let mut scenario = Scenario::from_figures(&figures);
    apply_query(query, &mut scenario);
    let slug = figure.get_attribute("data-chart").unwrap_or_default();
    let id = ChartId::from_slug(&figures, &slug).ok_or("no such chart")?;
    let model = Model::build(id, &figures, &scenario)
        .map_err(|e| format!("{slug}: {}", FigureError::from(e)))?;
    // The reader's scenario as CSV: the same rows as the chart's table.
    if format == "csv" {
        let url = data_table::csv_address(&data_table::csv(&model));
        hand_over(&document, &url, &format!("{slug}-your-scenario.csv"))?;
        return Ok(String::new());
    }
    let atlas = match model.map_sheet() {
        Some(_) => Some(Atlas::from_bytes(maps)?),
        None => None,
    };
    let sheet = model.map_sheet().and_then(|s| atlas.as_ref()?.sheet(s));
    let frame: HtmlElement = figure
        .query_selector(".chart-frame")
        .ok()
        .flatten()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("the figure has no frame")?;
    let css = canvas_size::css_size(&frame);
    let palette = colour_scheme::palette(&window, &document);
    // The chart's words at the reader's text size, as the page draws them.
    let text = text_size::scale(&window, &document);
    let mut lines = vec![words_of(figure, ".chart-source")];
    let checked = words_of(
        &document.document_element().ok_or("no page")?,
        ".dateline time",
    );
    if !checked.is_empty() {
        lines.push(format!("Figures checked {checked}"));
    }
    lines.push(address(&window, figure, query));
    let poster = Poster {
        title: words_of(figure, ".chart-title"),
        lines: lines.into_iter().filter(|l| !l.is_empty()).collect(),
    };
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .ok_or("no canvas")?;
    let cannot = "The chart could not be drawn for download.";
    let url = if png {
        let theme = Theme::new(palette, IMAGE_SCALE).with_text(text);
        draw_poster(&canvas, (&model, sheet), &theme, &poster, (css, None)).map_err(|_| cannot)?;
        canvas.to_data_url().map_err(|_| cannot)?
    } else {
        let svg = Rc::new(RefCell::new(String::new()));
        let theme = Theme::new(palette, 1.0).with_text(text);
        draw_poster(&canvas, (&model, sheet), &theme, &poster, (css, Some(&svg)))
            .map_err(|_| cannot)?;
        let encoded: String = js_sys::encode_uri_component(&svg.borrow()).into();
        format!("data:image/svg+xml;charset=utf-8,{encoded}")
    };
    let (name, said) = if png {
        (format!("{slug}.png"), "Image downloaded.")
    } else {
        (format!("{slug}.svg"), "SVG downloaded.")
    };
    hand_over(&document, &url, &name)?;
    Ok(said.into())
}

/// Follows a download link to `url`, saving it as `name`.
fn hand_over(document: &Document, url: &str, name: &str) -> Result<(), String> {
    let link: HtmlElement = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into().ok())
        .ok_or("no link")?;
    link.set_attribute("href", url).ok();
    link.set_attribute("download", name).ok();
    link.click();
    Ok(())
}

/// Draws `model` (a map on its `sheet`) as a poster on `canvas` (`poster`'s title and lines round the chart, the
/// chart `chart_css` CSS pixels, its size on the page), sizing the canvas to hold it all at the
/// theme's scale; with `svg`, writes the same drawing there as an SVG document.
///
/// # Errors
/// A [`ChartError`] if the canvas has no 2D context or drawing fails.
pub fn draw_poster(
    canvas: &HtmlCanvasElement,
    (model, sheet): (&Model, Option<&Sheet>),
    theme: &Theme,
    poster: &Poster,
    (chart_css, svg): ((f64, f64), Option<&Rc<RefCell<String>>>),
) -> Result<(), ChartError> {
    let measure = measure();
    let chart = canvas_size::backing_size(chart_css, theme.scale);
    let size = poster.size_around(chart, theme, measure.as_ref());
    canvas.set_width(size.0);
    canvas.set_height(size.1);
    let mut backend = StrokeBatch::new(canvas)
        .ok_or_else(|| ChartError::Drawing("the canvas has no 2D context".into()))?;
    if let Some(svg) = svg {
        let mut out = svg.borrow_mut();
        out.clear();
        svg_writer::open(&mut out, size);
        drop(out);
        backend = backend.writing_svg(Rc::clone(svg));
    }
    let area = backend.into_drawing_area();
    let style = Style {
        theme,
        measure: measure.as_ref(),
        focus: None,
        country: None,
        sheet,
        ground: None,
    };
    poster.draw(&area, style, |chart, style| model.draw(chart, style))?;
    area.present()
        .map_err(|e| ChartError::Drawing(e.to_string()))?;
    if let Some(svg) = svg {
        svg_writer::close(&mut svg.borrow_mut());
    }
    Ok(())
}

/// The link to the scenario of the link's `query`, at this figure's heading.
fn address(window: &Window, figure: &Element, query: &str) -> String {
    let location = window.location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let heading = figure
        .query_selector(".chart-title[id]")
        .ok()
        .flatten()
        .map(|h| format!("#{}", h.id()))
        .unwrap_or_default();
    format!("{base}{query}{heading}")
}

/// The words of `selector` in `within`, spaces folded.
fn words_of(within: &impl AsRef<Element>, selector: &str) -> String {
    within
        .as_ref()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .map(|t| {
            let mut words = String::with_capacity(t.len());
            for word in t.split_whitespace() {
                if !words.is_empty() {
                    words.push(' ');
                }
                words.push_str(word);
            }
            words
        })
        .unwrap_or_default()
}

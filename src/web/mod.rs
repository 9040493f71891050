//! The only code that touches the browser: finds each `<figure data-chart>`, puts a canvas in
//! its frame, draws the chart at the device's pixel ratio, redraws it when the frame resizes,
//! and writes the computed takeaway and any error into the figure as text.

pub mod canvas_size;
pub mod canvas_text;
pub mod figure_status;
pub mod panic_notice;
pub mod resize;

use std::cell::RefCell;
use std::rc::Rc;

use plotters::drawing::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

use crate::catalogue::{ChartId, FigureError, Model};
use crate::charts::text_width::{Estimate, TextWidth};
use crate::charts::theme::{Palette, Theme};
use crate::charts::{ChartError, Layout};
use crate::figures;
use crate::web::canvas_text::CanvasText;
use crate::web::figure_status::Status;
use crate::web::resize::OnResize;

/// A figure with a live chart: what a redraw needs, and the observer that triggers it.
struct Mounted {
    _on_resize: OnResize,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static MEASURE: Rc<dyn TextWidth> = measure();
}

fn measure() -> Rc<dyn TextWidth> {
    match web_sys::window().and_then(|w| w.document()) {
        Some(document) => Rc::new(CanvasText::new(&document)),
        None => Rc::new(Estimate),
    }
}

/// Draws every `<figure data-chart>` of the page from the figures file's text.
///
/// A malformed file, an unknown chart or a failed drawing is written into the figures it
/// affects and logged once to the console; the other figures and the article are untouched.
/// Returns the number of charts drawn.
#[wasm_bindgen]
pub fn mount(figures_json: &str) -> u32 {
    panic_notice::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    mount_in(&document, figures_json, None)
}

/// As [`mount`], within `document`, at a given device pixel ratio (`None`: the window's).
#[must_use]
pub fn mount_in(document: &Document, figures_json: &str, dpr: Option<f64>) -> u32 {
    MOUNTED.with(|m| m.borrow_mut().clear());
    let figures_on_page = chart_figures(document);
    let figures = match figures::parse(figures_json) {
        Ok(figures) => figures,
        Err(e) => {
            web_sys::console::error_1(&e.to_string().into());
            for figure in &figures_on_page {
                figure_status::show(figure, &Status::Failed(e.to_string()));
            }
            return 0;
        }
    };
    let mut drawn = 0;
    for figure in figures_on_page {
        match mount_figure(&figure, &figures, dpr) {
            Ok(mounted) => {
                MOUNTED.with(|m| m.borrow_mut().push(mounted));
                drawn += 1;
            }
            Err(e) => {
                web_sys::console::error_1(&e.into());
            }
        }
    }
    drawn
}

fn chart_figures(document: &Document) -> Vec<Element> {
    let Ok(list) = document.query_selector_all("figure[data-chart]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// Mounts one figure; on failure the figure already shows why, and the message is returned.
fn mount_figure(
    figure: &Element,
    figures: &figures::Figures,
    dpr: Option<f64>,
) -> Result<Mounted, String> {
    let fail = |message: String| {
        figure_status::show(figure, &Status::Failed(message.clone()));
        message
    };
    let slug = figure.get_attribute("data-chart").unwrap_or_default();
    let id = ChartId::from_slug(&slug).ok_or_else(|| fail(format!("no chart named {slug:?}")))?;
    let model = Model::build(id, figures)
        .map_err(|e| fail(format!("{}: {}", id.slug(), FigureError::from(e))))?;
    let frame = figure
        .query_selector(".chart-frame")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .ok_or_else(|| fail(format!("{}: the figure has no .chart-frame", id.slug())))?;
    let canvas = canvas_in(&frame).map_err(|e| fail(format!("{}: {e}", id.slug())))?;
    let takeaway = model.takeaway();
    figure_status::set_takeaway(figure, &takeaway);
    canvas.set_attribute("role", "img").ok();
    canvas.set_attribute("aria-label", &takeaway).ok();

    let model = Rc::new(model);
    let redraw = {
        let (figure, frame, canvas, model) =
            (figure.clone(), frame.clone(), canvas.clone(), model.clone());
        move || {
            let status = match redraw(&frame, &canvas, &model, dpr) {
                Ok(_) => Status::Drawn,
                Err(e) => Status::Failed(format!("{}: {e}", id.slug())),
            };
            figure_status::show(&figure, &status);
        }
    };
    redraw();
    let on_resize =
        OnResize::observe(&frame, redraw).map_err(|e| fail(format!("{}: {e}", id.slug())))?;
    Ok(Mounted {
        _on_resize: on_resize,
    })
}

/// The frame's canvas, made on first use.
fn canvas_in(frame: &HtmlElement) -> Result<HtmlCanvasElement, String> {
    if let Some(existing) = frame
        .query_selector("canvas")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
    {
        return Ok(existing);
    }
    let document = frame
        .owner_document()
        .ok_or("the frame is not in a document")?;
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "no canvas could be made")?
        .dyn_into()
        .map_err(|_| "no canvas could be made")?;
    frame
        .append_child(&canvas)
        .map_err(|_| "the canvas could not be placed")?;
    Ok(canvas)
}

/// Sizes the canvas to its frame at the pixel ratio and draws the chart.
///
/// # Errors
/// A [`ChartError`] if the frame is too small or drawing fails.
pub fn redraw(
    frame: &HtmlElement,
    canvas: &HtmlCanvasElement,
    model: &Model,
    dpr: Option<f64>,
) -> Result<Layout, ChartError> {
    let ratio = dpr.unwrap_or_else(canvas_size::device_pixel_ratio);
    let theme = Theme::new(palette(), ratio);
    canvas_size::fit(canvas, frame, theme.scale);
    draw_on(canvas, model, &theme)
}

/// Draws `model` on `canvas` as it is sized now.
///
/// # Errors
/// A [`ChartError`] if the canvas is too small or drawing fails.
pub fn draw_on(
    canvas: &HtmlCanvasElement,
    model: &Model,
    theme: &Theme,
) -> Result<Layout, ChartError> {
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| ChartError::Drawing("the canvas has no 2D context".into()))?;
    let area = backend.into_drawing_area();
    let measure = MEASURE.with(|m| m.clone());
    let layout = model.draw(&area, theme, measure.as_ref())?;
    area.present()
        .map_err(|e| ChartError::Drawing(e.to_string()))?;
    Ok(layout)
}

/// The light or dark palette, as the reader's system prefers.
fn palette() -> Palette {
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|q| q.matches());
    if dark {
        Palette::DARK
    } else {
        Palette::LIGHT
    }
}

//! The only code that touches the browser. `mount` finds each `<figure data-chart>`, puts a
//! canvas in its frame and draws the chart at the device's pixel ratio; the page's controls and
//! its address set the reader's scenario; every change is redrawn at most once per animation
//! frame. Computed sentences, tooltips and errors reach the page as text only.

pub mod canvas_size;
pub mod canvas_text;
pub mod controls;
pub mod figure_status;
pub mod frame_clock;
pub mod keys;
pub mod link;
pub mod listener;
pub mod panic_notice;
pub mod pointer;
pub mod print;
pub mod resize;
pub mod show_the_data;

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
use crate::charts::{ChartError, Layout, Style};
use crate::figures::{self, Figures};
use crate::model::panel::sort_few;
use crate::model::scenario::Scenario;
use crate::web::canvas_text::CanvasText;
use crate::web::figure_status::Status;
use crate::web::listener::Listener;
use crate::web::resize::OnResize;

/// A figure with a live chart.
pub struct LiveChart {
    /// Which chart.
    pub id: ChartId,
    /// The `<figure>`.
    pub figure: Element,
    /// The frame that sizes the canvas.
    pub frame: HtmlElement,
    /// The canvas drawn on.
    pub canvas: HtmlCanvasElement,
    /// The tooltip shown over the frame.
    pub tooltip: HtmlElement,
    /// The polite live region that announces the focused value.
    pub live: Option<Element>,
    /// The model last drawn.
    pub model: Model,
    /// Where the bars were drawn, in backing-store pixels.
    pub layout: Layout,
    /// The bar keyboard focus is on, by index into the layout.
    pub focus: Option<usize>,
    /// Whether the canvas has keyboard focus (the focus mark shows only then).
    pub focused: bool,
    /// Whether the chart needs drawing at the next frame.
    pub dirty: bool,
    /// The pixel ratio the chart was last drawn at.
    pub ratio: f64,
    _on_resize: Option<OnResize>,
    _listeners: Vec<Listener>,
}

/// Everything the page's live charts share.
pub struct Page {
    /// The page's document.
    pub document: Document,
    /// The checked figures.
    pub figures: Figures,
    /// The scenario the page starts from.
    pub start: Scenario,
    /// The reader's scenario now.
    pub scenario: Scenario,
    /// Whether the models must be rebuilt at the next frame.
    pub stale: bool,
    /// The live charts.
    pub charts: Vec<LiveChart>,
    dpr: Option<f64>,
    _listeners: Vec<Listener>,
}

thread_local! {
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
    static MEASURE: Rc<dyn TextWidth> = measure();
}

fn measure() -> Rc<dyn TextWidth> {
    match web_sys::window().and_then(|w| w.document()) {
        Some(document) => Rc::new(CanvasText::new(&document)),
        None => Rc::new(Estimate),
    }
}

/// Runs `f` on the page, if one is mounted and not already in use.
pub fn with_page<R>(f: impl FnOnce(&mut Page) -> R) -> Option<R> {
    PAGE.with(|page| {
        let mut page = page.try_borrow_mut().ok()?;
        page.as_mut().map(f)
    })
}

/// Draws every `<figure data-chart>` of the page from the figures file (its bytes, UTF-8 JSON),
/// with the scenario the page's address describes.
///
/// A malformed file, an unknown chart or a failed drawing is written into the figures it
/// affects and logged once to the console; the other figures and the article are untouched.
/// The charts are drawn in the tasks that follow; returns the number drawn at once (none).
#[wasm_bindgen]
pub fn mount(figures_file: &[u8]) -> u32 {
    panic_notice::install();
    let Some(window) = web_sys::window() else {
        return 0;
    };
    let Some(document) = window.document() else {
        return 0;
    };
    let figures_json = match std::str::from_utf8(figures_file) {
        Ok(text) => text,
        Err(e) => {
            refuse(
                &chart_figures(&document),
                &format!("figures file: not UTF-8 text ({e})"),
            );
            return 0;
        }
    };
    let drawn = mount_within(&document, figures_json, None, Some(FRAME_BUDGET_MS));
    with_page(|page| {
        let notices = link::read(&window, &mut page.scenario);
        controls::show_notices(&page.document, &notices);
        if page.scenario != page.start {
            page.stale = true;
            page.sync_controls();
            // The charts are drawn by the tasks already queued, from the rebuilt models.
            page.rebuild();
        }
    });
    drawn
}

/// As [`mount`] within `document`, at a given device pixel ratio (`None`: the window's),
/// starting from the data's scenario (the address is not read), drawing every chart at once.
#[must_use]
pub fn mount_in(document: &Document, figures_json: &str, dpr: Option<f64>) -> u32 {
    mount_within(document, figures_json, dpr, None)
}

/// Logs `why` once and writes it into every figure, which keeps its static chart.
fn refuse(figures: &[Element], why: &str) {
    web_sys::console::error_1(&why.into());
    figure_status::show_to_all(figures, &Status::Failed(why.to_string()));
}

/// Mounts the page's charts; with a `budget` in milliseconds, draws nothing yet and leaves the
/// charts to later tasks of that budget each, those in view first, so that no task blocks the
/// page for long.
fn mount_within(
    document: &Document,
    figures_json: &str,
    dpr: Option<f64>,
    budget: Option<f64>,
) -> u32 {
    PAGE.with(|p| p.replace(None));
    let on_page = chart_figures(document);
    let figures = match figures::parse(figures_json) {
        Ok(figures) => figures,
        Err(e) => {
            refuse(&on_page, &e.to_string());
            return 0;
        }
    };
    let start = Scenario::from_figures(&figures);
    let mut charts = Vec::new();
    for figure in on_page {
        match live_chart(&figure, &figures, &start, dpr) {
            Ok(chart) => {
                chart.write_sentences(document, true);
                charts.push(chart);
            }
            Err(message) => web_sys::console::error_1(&message.into()),
        }
    }
    let mut page = Page {
        document: document.clone(),
        figures,
        start,
        scenario: start,
        stale: false,
        charts,
        dpr,
        _listeners: Vec::new(),
    };
    page._listeners = controls::install(document);
    page._listeners.extend(pointer::install_page(document));
    if let Some(window) = web_sys::window() {
        page._listeners.extend(print::install(&window));
    }
    // A switch between light and dark while the page is open redraws the charts in the new theme.
    if let Some(query) =
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    {
        page._listeners
            .extend(Listener::on(query.as_ref(), "change", |_| {
                with_page(|page| page.mark_dirty(None));
                frame_clock::request(on_frame_work);
            }));
    }
    page.sync_controls();
    // With a budget (the page), reading the figures is this task's work and drawing starts in
    // the next, so that no task runs long; without one (tests), everything is drawn now.
    let drawn = match budget {
        Some(_) => 0,
        None => page.draw_dirty(None),
    };
    let next = page.next_step();
    PAGE.with(|p| p.replace(Some(page)));
    next.schedule();
    drawn
}

/// Draws whatever is waiting now, rather than at the next frame; returns the charts drawn.
/// The page never needs it; benchmarks and tests call it to time or check a redraw at once.
#[must_use]
#[wasm_bindgen(js_name = redrawNow)]
pub fn flush() -> u32 {
    with_page(Page::rebuild_and_draw).unwrap_or(0)
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

/// Makes one figure live; on failure the figure already shows why, and the message is returned.
fn live_chart(
    figure: &Element,
    figures: &Figures,
    scenario: &Scenario,
    dpr: Option<f64>,
) -> Result<LiveChart, String> {
    let fail = |message: String| {
        figure_status::show(figure, &Status::Failed(message.clone()));
        message
    };
    let slug = figure.get_attribute("data-chart").unwrap_or_default();
    let id = ChartId::from_slug(&slug).ok_or_else(|| fail(format!("no chart named “{slug}”")))?;
    let model = Model::build(id, figures, scenario)
        .map_err(|e| fail(format!("{}: {}", id.slug(), FigureError::from(e))))?;
    let frame = figure
        .query_selector(".chart-frame")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .ok_or_else(|| fail(format!("{}: the figure has no .chart-frame", id.slug())))?;
    let made = |tag: &str, class: &str| -> Result<HtmlElement, String> {
        if let Some(found) = frame
            .query_selector(&format!("{tag}.{class}"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            return Ok(found);
        }
        let element: HtmlElement = figure
            .owner_document()
            .and_then(|d| d.create_element(tag).ok())
            .and_then(|e| e.dyn_into().ok())
            .ok_or_else(|| format!("{}: no {tag} could be made", id.slug()))?;
        element.set_class_name(class);
        frame
            .append_child(&element)
            .map_err(|_| format!("{}: the {tag} could not be placed", id.slug()))?;
        Ok(element)
    };
    let canvas: HtmlCanvasElement = made("canvas", "chart-canvas")
        .map_err(&fail)?
        .dyn_into()
        .map_err(|_| fail(format!("{}: no canvas could be made", id.slug())))?;
    let tooltip = made("div", "chart-tooltip").map_err(&fail)?;
    tooltip.set_hidden(true);
    tooltip.set_attribute("aria-hidden", "true").ok();
    canvas.set_attribute("role", "img").ok();
    canvas.set_tab_index(0);
    let live = figure.query_selector("[data-live]").ok().flatten();

    let on_resize = {
        let index = id;
        OnResize::observe(&frame, move || {
            // The observer also reports the first size, which the chart was drawn at already.
            let resized = with_page(|page| {
                let ratio = page.dpr.unwrap_or_else(canvas_size::device_pixel_ratio);
                let chart = page.chart_mut(index)?;
                let now = canvas_size::backing_size(
                    (
                        f64::from(chart.frame.client_width()),
                        f64::from(chart.frame.client_height()),
                    ),
                    ratio,
                );
                let changed = now != (chart.canvas.width(), chart.canvas.height());
                chart.dirty |= changed;
                Some(changed)
            });
            if resized.flatten() == Some(true) {
                frame_clock::request(on_frame_work);
            }
        })
        .ok()
    };
    let listeners = [
        pointer::install_chart(&canvas, id),
        keys::install(&canvas, id),
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok(LiveChart {
        id,
        figure: figure.clone(),
        frame,
        canvas,
        tooltip,
        live,
        model,
        layout: Layout::default(),
        focus: None,
        focused: false,
        dirty: true,
        ratio: dpr.unwrap_or(1.0),
        _on_resize: on_resize,
        _listeners: listeners,
    })
}

/// How long one task may spend drawing before the rest waits for the next task: a quarter of
/// the 50 ms that counts as a long task, so that a phone four times slower stays under it.
/// (A chart's first drawing may take longer on its own; it is never split.)
const FRAME_BUDGET_MS: f64 = 12.0;

/// The work of one animation frame: rebuild what is stale, draw what is dirty within the
/// frame's budget, and ask for another frame if charts are still waiting.
pub fn on_frame_work() {
    let next = with_page(|page| {
        page.rebuild();
        page.draw_dirty(Some(FRAME_BUDGET_MS));
        page.next_step()
    });
    next.unwrap_or(NextStep::Done).schedule();
}

/// What drawing is left after a task.
enum NextStep {
    /// Nothing.
    Done,
    /// Charts in view: draw them at the next frame.
    Frame,
    /// Only charts out of view: draw them in the next free task, without waiting for a frame.
    Task,
}

impl NextStep {
    fn schedule(self) {
        match self {
            NextStep::Done => {}
            NextStep::Frame => frame_clock::request(on_frame_work),
            NextStep::Task => frame_clock::soon(on_frame_work),
        }
    }
}

impl Page {
    /// The chart with this id.
    pub fn chart_mut(&mut self, id: ChartId) -> Option<&mut LiveChart> {
        self.charts.iter_mut().find(|c| c.id == id)
    }

    /// Marks one chart (or, with `None`, all) for drawing at the next frame.
    pub fn mark_dirty(&mut self, id: Option<ChartId>) {
        for chart in &mut self.charts {
            if id.is_none_or(|id| id == chart.id) {
                chart.dirty = true;
            }
        }
    }

    /// Sets the page's controls to the scenario.
    pub fn sync_controls(&self) {
        controls::show_scenario(&self.document, &self.scenario);
    }

    /// Rebuilds the models if the scenario changed, then draws every dirty chart.
    pub fn rebuild_and_draw(&mut self) -> u32 {
        self.rebuild();
        self.draw_dirty(None)
    }

    /// Rebuilds the models if the scenario changed, marking the charts whose model changed.
    pub fn rebuild(&mut self) {
        if self.stale {
            self.stale = false;
            for chart in &mut self.charts {
                match Model::build(chart.id, &self.figures, &self.scenario) {
                    // A chart the change does not touch is not redrawn.
                    Ok(model) if model != chart.model => {
                        chart.model = model;
                        chart.dirty = true;
                        let as_opened = chart.shows(&self.figures, &self.start);
                        chart.write_sentences(&self.document, as_opened);
                    }
                    Ok(_) => {}
                    Err(e) => figure_status::show(
                        &chart.figure,
                        &Status::Failed(format!("{}: {e}", chart.id.slug())),
                    ),
                }
            }
        }
    }

    /// Draws dirty charts, those in view first, and writes their sentences; with a `budget` in
    /// milliseconds, stops once it is spent. Returns how many were drawn.
    fn draw_dirty(&mut self, budget: Option<f64>) -> u32 {
        let mut drawn = 0;
        let dpr = self.dpr;
        let started = now();
        let mut order: Vec<usize> = (0..self.charts.len()).collect();
        // Only charts waiting to be drawn are asked where they are (it costs a layout query).
        let visible: Vec<bool> = self.charts.iter().map(|c| c.dirty && c.in_view()).collect();
        sort_few(&mut order, |&a, &b| visible.get(a) > visible.get(b));
        for i in order {
            if budget.is_some_and(|b| drawn > 0 && now() - started > b) {
                break;
            }
            let Some(chart) = self.charts.get_mut(i).filter(|c| c.dirty) else {
                continue;
            };
            chart.dirty = false;
            mark_redraw_start();
            let status = match chart.redraw(dpr) {
                Ok(()) => {
                    drawn += 1;
                    Status::Drawn
                }
                Err(e) => Status::Failed(format!("{}: {e}", chart.id.slug())),
            };
            record_redraw(chart.id.slug());
            figure_status::show(&chart.figure, &status);
        }
        drawn
    }
}

impl Page {
    /// After drawing within a budget: what is left, and when to draw it.
    fn next_step(&self) -> NextStep {
        let mut waiting = self.charts.iter().filter(|c| c.dirty).peekable();
        if waiting.peek().is_none() {
            NextStep::Done
        } else if waiting.any(LiveChart::in_view) {
            NextStep::Frame
        } else {
            NextStep::Task
        }
    }
}

impl LiveChart {
    /// Writes the sentences computed from the chart's model (takeaway, description, the
    /// article's `[data-sentence]` lines, the canvas's label): once per model, not per redraw.
    pub fn write_sentences(&self, document: &Document, as_opened: bool) {
        let takeaway = self.model.takeaway();
        figure_status::set_text(&self.figure, "[data-takeaway]", &takeaway);
        figure_status::set_text(
            &self.figure,
            "[data-description]",
            &self.model.description(),
        );
        figure_status::set_sentences(document, self.id.slug(), &takeaway);
        self.canvas.set_attribute("aria-label", &takeaway).ok();
        show_the_data::write(&self.figure, &self.model, as_opened);
    }

    /// Whether the chart's model is the one of `scenario`.
    #[must_use]
    pub fn shows(&self, figures: &Figures, scenario: &Scenario) -> bool {
        Model::build(self.id, figures, scenario).is_ok_and(|model| model == self.model)
    }

    /// Whether any of the chart's frame is within the window.
    #[must_use]
    pub fn in_view(&self) -> bool {
        let height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(f64::INFINITY);
        let r = self.frame.get_bounding_client_rect();
        r.bottom() > 0.0 && r.top() < height
    }

    /// Sizes the canvas to its frame at the pixel ratio and draws the chart with its focus mark.
    ///
    /// # Errors
    /// A [`ChartError`] if the frame is too small or drawing fails.
    pub fn redraw(&mut self, dpr: Option<f64>) -> Result<(), ChartError> {
        let theme = Theme::new(
            palette(),
            dpr.unwrap_or_else(canvas_size::device_pixel_ratio),
        );
        let focus = if self.focused {
            self.focus
                .and_then(|i| self.layout.hits.get(i))
                .map(|h| h.id.clone())
        } else {
            None
        };
        self.paint(&theme, focus.as_deref())
    }

    /// Sizes the canvas to its frame at the theme's scale and draws the chart in it.
    ///
    /// # Errors
    /// A [`ChartError`] if the frame is too small or drawing fails.
    pub fn paint(&mut self, theme: &Theme, focus: Option<&str>) -> Result<(), ChartError> {
        self.ratio = theme.scale;
        canvas_size::fit(&self.canvas, &self.frame, theme.scale);
        self.layout = draw_on(&self.canvas, &self.model, theme, focus)?;
        Ok(())
    }

    /// The description of the bar at layout index `i`.
    #[must_use]
    pub fn describe(&self, i: usize) -> Option<String> {
        let hit = self.layout.hits.get(i)?;
        self.model
            .bars()
            .into_iter()
            .find(|b| b.id == hit.id)
            .map(|b| b.describe())
    }
}

/// Draws `model` on `canvas` as it is sized now.
///
/// # Errors
/// A [`ChartError`] if the canvas is too small or drawing fails.
pub fn draw_on(
    canvas: &HtmlCanvasElement,
    model: &Model,
    theme: &Theme,
    focus: Option<&str>,
) -> Result<Layout, ChartError> {
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| ChartError::Drawing("the canvas has no 2D context".into()))?;
    let area = backend.into_drawing_area();
    let measure = MEASURE.with(Rc::clone);
    let style = Style {
        theme,
        measure: measure.as_ref(),
        focus,
    };
    let layout = model.draw(&area, style)?;
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

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Marks the start of a redraw on the page's performance timeline.
fn mark_redraw_start() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.mark("chart-redraw-start").ok();
    }
}

/// Records one chart's redraw as a `chart-redraw <chart>` performance measure, keeping at most
/// a few thousand so that a long session does not grow the timeline.
fn record_redraw(chart: &str) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let name = format!("chart-redraw {chart}");
    if performance.get_entries_by_name(&name).length() > 2_000 {
        performance.clear_measures_with_measure_name(&name);
    }
    performance
        .measure_with_start_mark(&name, "chart-redraw-start")
        .ok();
    performance.clear_marks_with_mark_name("chart-redraw-start");
}

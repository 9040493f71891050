//! The only code that touches the browser. `mount` finds each `<figure data-chart>`, puts a
//! canvas in its frame and draws the chart at the device's pixel ratio; the page's controls and
//! its address set the reader's scenario; every change is redrawn at most once per animation
//! frame. Computed sentences, tooltips and errors reach the page as text only.

pub mod canvas_size;
pub mod canvas_style;
pub mod canvas_text;
pub mod chart_words;
pub mod colour_scheme;
pub mod controls;
pub mod figure_status;
pub mod frame_clock;
pub mod ground_copy;
pub mod guessing;
pub mod in_view;
pub mod keys;
pub mod link;
pub mod listener;
pub mod live_chart;
pub mod map_shapes;
pub mod panic_notice;
pub mod pointer;
#[cfg(feature = "take-away")]
pub mod poster_download;
pub mod print;
pub mod redraw_queue;
pub mod resize;
pub mod show_the_data;
pub mod stroke_batch;
pub mod text_size;

use std::cell::RefCell;

#[cfg(not(feature = "take-away"))]
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::catalogue::ChartId;
use crate::charts::theme::Palette;
use crate::figures::{self, Figures};
use crate::model::reader_country;
use crate::model::scenario::{Country, Scenario};
use crate::web::figure_status::Status;
use crate::web::listener::Listener;
use crate::web::redraw_queue::FRAME_BUDGET_MS;

pub use live_chart::{draw_on, LiveChart};
pub use redraw_queue::on_frame_work;

/// Everything the page's live charts share.
pub struct Page {
    /// The page's document.
    pub document: Document,
    /// The controls' outputs and notice lines.
    pub shown: controls::Shown,
    /// The checked figures.
    pub figures: Figures,
    /// The scenario the page starts from.
    pub start: Scenario,
    /// The reader's scenario now.
    pub scenario: Scenario,
    /// Whether the models must be rebuilt at the next frame.
    pub stale: bool,
    /// The live charts, in the page's order.
    pub charts: Vec<LiveChart>,
    /// The figures not yet made live, each with its place among the page's figures and its
    /// frame's CSS size, if known: made from the end of the list (those in the window as the
    /// page opened, then the rest in the page's order) in the tasks that follow the mount,
    /// within the drawing's budget.
    unmade: Vec<redraw_queue::Unmade>,
    /// The maps' file, once it has arrived (or why it did not), while a map may still be made
    /// live.
    atlas: Option<Result<crate::atlas::Atlas, String>>,
    /// Whether a control is being moved (an `input` the page has not yet caught up with, a
    /// moment after the controls are left alone): charts out of view and words out of sight
    /// then wait.
    pub dragging: bool,
    /// The live region of the controls the reader used last, where the change is said.
    pub said_in: Option<Element>,
    /// The reader's country as last said in a live region (or as the page opened).
    pub said_country: Option<Country>,
    /// The palette the reader's system asks for: light, dark, or its own colours in forced
    /// colours (followed while the page is open).
    pub palette: Palette,
    /// The reader's text size against the usual (`text_size`), followed while the page is open.
    pub text: f64,
    dpr: Option<f64>,
    in_view: Option<in_view::InView>,
    _listeners: Vec<Listener>,
}

/// The allocator: talc, for a single-threaded wasm (smaller and faster than dlmalloc).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
    /// The window, found once: finding it asks the browser twice (the global object, and
    /// whether it is a window), and the paths that use it run at every step of a drag.
    static WINDOW: Option<web_sys::Window> = web_sys::window();
}

/// Runs `f` on the page's window, if there is one.
pub fn with_window<R>(f: impl FnOnce(&web_sys::Window) -> R) -> Option<R> {
    WINDOW.with(|window| window.as_ref().map(f))
}

/// Runs `f` on the page, if one is mounted and not already in use.
pub fn with_page<R>(f: impl FnOnce(&mut Page) -> R) -> Option<R> {
    PAGE.with(|page| {
        let mut page = page.try_borrow_mut().ok()?;
        page.as_mut().map(f)
    })
}

/// Draws every `<figure data-chart>` of the page from the figures' digest (the bytes the build
/// writes from the figures file, [`figures::from_digest`]), with the scenario the page's address
/// describes.
///
/// A malformed file, an unknown chart or a failed drawing is written into the figures it
/// affects and logged once to the console; the other figures and the article are untouched.
/// The charts are drawn in the tasks that follow; returns the number drawn at once (none).
///
/// Exported by the page's program, not by the second program (`poster_download.rs`), whose
/// only entry is its own.
#[cfg_attr(not(feature = "take-away"), wasm_bindgen)]
pub fn mount(digest: &[u8]) -> u32 {
    panic_notice::install();
    let Some(window) = web_sys::window() else {
        return 0;
    };
    let Some(document) = window.document() else {
        return 0;
    };
    // The task's budget counts from here: reading the figures is part of it.
    let until = redraw_queue::now() + FRAME_BUDGET_MS;
    let drawn = mount_within(&document, figures::from_digest(digest), None, Some(until));
    with_page(|page| {
        let opening = page.start;
        // The reader's country, where the browser's language names one the page offers (the
        // link may choose another, or none).
        let spoken = window.navigator().language().unwrap_or_default();
        if let Some(country) = reader_country::of_language(&spoken, &page.figures)
            .filter(|c| controls::offers(&page.document, c.code()))
        {
            page.start.country = Some(country);
            page.scenario.country = Some(country);
        }
        let mut notices = link::read(&window, &mut page.scenario);
        if let Some(country) = page.scenario.country {
            if !controls::offers(&page.document, country.code()) {
                notices.push(format!(
                    "Ignored “country={}” in the link: the page has no figures for that country.",
                    country.code()
                ));
                page.scenario.country = page.start.country;
            }
        }
        page.shown.notices(&notices);
        page.said_country = page.scenario.country;
        if page.scenario != opening {
            page.stale = true;
            page.sync_controls();
            // The charts are drawn by the tasks already queued, from the rebuilt models.
            page.rebuild(true);
        }
    });
    drawn
}

/// As [`mount`] within `document`, at a given device pixel ratio (`None`: the window's),
/// starting from the data's scenario (the address is not read), drawing every chart at once.
#[must_use]
pub fn mount_in(document: &Document, digest: &[u8], dpr: Option<f64>) -> u32 {
    mount_figures_in(document, figures::from_digest(digest), dpr)
}

/// As [`mount_in`], from figures already read and checked (or the reason they could not be).
pub fn mount_figures_in(
    document: &Document,
    figures: Result<Figures, figures::DataError>,
    dpr: Option<f64>,
) -> u32 {
    mount_within(document, figures, dpr, None)
}

/// Logs `why` once and writes it into every figure, which keeps its static chart.
fn refuse(figures: &[Element], why: &str) {
    web_sys::console::error_1(&why.into());
    figure_status::show_to_all(figures, &Status::Failed(why.to_string()));
}

/// Mounts the page's charts; with a deadline `until` on the page's clock (milliseconds), makes
/// charts live only until then and draws nothing yet, leaving the rest to later tasks of the
/// drawing's budget each, those in view first, so that no task blocks the page for long.
fn mount_within(
    document: &Document,
    figures: Result<Figures, figures::DataError>,
    dpr: Option<f64>,
    until: Option<f64>,
) -> u32 {
    PAGE.with(|p| p.replace(None));
    let on_page = chart_figures(document);
    let figures = match figures {
        Ok(figures) => figures,
        Err(e) => {
            refuse(&on_page, &e.to_string());
            return 0;
        }
    };
    let start = Scenario::from_figures(&figures);
    // Every frame's size and whether it is in the window, read before anything is written, in
    // one layout of the page as it was parsed (read between writes, each would lay the page
    // out again).
    let window_height = with_window(|w| w.inner_height().ok()?.as_f64())
        .flatten()
        .unwrap_or(0.0);
    let frames: Vec<(Option<(f64, f64)>, bool)> = on_page
        .iter()
        .map(|figure| {
            let frame = figure.query_selector(".chart-frame").ok().flatten();
            let Some(frame) = frame
                .as_ref()
                .and_then(|f| f.dyn_ref::<web_sys::HtmlElement>())
            else {
                return (None, false);
            };
            let rect = frame.get_bounding_client_rect();
            let shown = rect.bottom() > 0.0 && rect.top() < window_height;
            (Some(canvas_size::css_size(frame)), shown)
        })
        .collect();
    // Made from the end: the figures out of the window, last first, then those in it.
    let mut unmade = Vec::with_capacity(on_page.len());
    for in_window in [false, true] {
        for (place, (figure, &(size, shown))) in on_page.iter().zip(&frames).enumerate().rev() {
            if shown == in_window {
                unmade.push(redraw_queue::Unmade {
                    figure: figure.clone(),
                    place,
                    size,
                });
            }
        }
    }
    let mut page = Page {
        document: document.clone(),
        shown: controls::Shown::find(document),
        figures,
        start,
        scenario: start,
        stale: false,
        charts: Vec::new(),
        unmade,
        atlas: None,
        dragging: false,
        said_in: None,
        said_country: None,
        palette: web_sys::window().map_or(Palette::LIGHT, |w| colour_scheme::palette(&w, document)),
        text: with_window(|w| text_size::scale(w, document)).unwrap_or(1.0),
        dpr,
        in_view: in_view::InView::follow(&[]),
        _listeners: Vec::new(),
    };
    // With a deadline, the charts are made live until it passes, those in the window first,
    // and the rest in the tasks that follow, between the drawings.
    page.make_waiting(until);
    page._listeners = controls::install(document);
    page._listeners.extend(pointer::install_page(document));
    if let Some(window) = web_sys::window() {
        page._listeners.extend(print::install(&window));
    }
    // A switch between light and dark, or into forced colours, redraws the charts.
    if let Some(window) = web_sys::window() {
        page._listeners.extend(colour_scheme::follow(&window));
    }
    page.sync_controls();
    // With a budget (the page), reading the figures and making the first charts live is this
    // task's work and drawing starts in the next, so that no task runs long; without one
    // (tests), everything is drawn now.
    let drawn = match until {
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
#[cfg_attr(not(feature = "take-away"), wasm_bindgen(js_name = redrawNow))]
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

    /// Follows the reader's text size: a frame made taller for the old size goes back to its
    /// own height, and every chart is drawn again at the new size (a frame grows again where
    /// its chart needs it).
    pub fn set_text(&mut self, text: f64) {
        if text == self.text {
            return;
        }
        self.text = text;
        for chart in &mut self.charts {
            chart.ungrow();
            chart.dirty = true;
        }
    }

    /// Sets the page's controls to the scenario.
    pub fn sync_controls(&self) {
        controls::show_scenario(&self.document, &self.shown, &self.scenario);
    }

    /// Settles the page at once: rebuilds the models if the scenario changed, draws every dirty
    /// chart and writes every word that waits.
    pub fn rebuild_and_draw(&mut self) -> u32 {
        self.make_waiting(None);
        self.dragging = false;
        self.rebuild(true);
        let drawn = self.draw_dirty(None);
        self.write_waiting_words();
        drawn
    }

    /// Rebuilds the models if the scenario changed, marking the charts whose model changed: each
    /// is redrawn (while a control is dragged, once in view), its words on the page are written
    /// now, and its label and data table once the control settles. Unless `all`, a chart whose
    /// frame and words are all off screen waits to be rebuilt until it comes on screen or the
    /// page catches up after the control settles (`controls::catch_up`).
    pub fn rebuild(&mut self, all: bool) {
        let stale = std::mem::take(&mut self.stale);
        let dragging = self.dragging;
        for chart in self.charts.iter_mut().filter(|c| {
            (stale || c.model_stale)
                && (c.model.follows_scenario() || c.model.country != self.scenario.country)
        }) {
            if !all && !chart.in_view() && !chart.words.in_view() {
                chart.model_stale = true;
                continue;
            }
            chart.model_stale = false;
            chart.rebuild(&self.figures, &self.scenario, dragging);
        }
    }

    /// Writes every chart's words that wait (takeaway, description, sentences, table), unless a
    /// control is being dragged.
    pub fn write_waiting_words(&mut self) {
        if self.dragging {
            return;
        }
        for chart in &mut self.charts {
            if chart.words_stale {
                chart.write_words();
            }
        }
    }
}

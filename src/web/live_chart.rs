//! One figure's live chart: its canvas, tooltip and listeners made in the figure's frame, its
//! model, and its drawing at the device's pixel ratio in the reader's light or dark palette.

use plotters::drawing::IntoDrawingArea;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlElement};

use std::rc::Rc;

use crate::atlas::Sheet;
use crate::catalogue::{ChartId, FigureError, Model};
use crate::charts::map::{ForcePicture, Ground};
use crate::charts::theme::{Palette, Theme};
use crate::charts::{ChartError, KeptGround, Layout, Style};
use crate::figures::Figures;
use crate::model::scenario::{Country, Scenario};
use crate::web::canvas_text;
use crate::web::chart_words::ChartWords;
use crate::web::figure_status::{self, Status};
use crate::web::ground_copy::GroundCopy;
use crate::web::guessing::GuessForm;
use crate::web::listener::Listener;
use crate::web::resize::OnResize;
use crate::web::stroke_batch::StrokeBatch;
use crate::web::{
    canvas_size, frame_clock, keys, on_frame_work, pointer, show_the_data, text_size, with_page,
    with_window,
};

/// A figure with a live chart.
pub struct LiveChart {
    /// Which chart.
    pub id: ChartId,
    /// Its figure's place among the page's figures.
    pub place: usize,
    /// Its name in the page.
    pub slug: String,
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
    /// Whether its frame is in the window, as the browser last reported (`None`: not yet).
    pub on_screen: Option<bool>,
    /// Its frame's CSS size, as the resize observer last reported (`None`: not yet).
    pub size: Option<(f64, f64)>,
    /// Whether the words that follow the model (all but the takeaway) wait to be written.
    pub words_stale: bool,
    /// Whether the closed data table waits to be written when it opens.
    table_stale: bool,
    /// Its words on the page (takeaway, description, the article's sentences).
    pub words: ChartWords,
    /// Whether those words wait for the drag to settle or to come on screen.
    pub sentences_stale: bool,
    /// Whether the words on the page are the model's already (a step writes them, and its
    /// settling would compute them again).
    text_written: bool,
    /// The takeaway last announced after a change of the controls (at first, the page's).
    pub said: String,
    /// Whether its model waits to be rebuilt for the scenario (a chart and words all off screen
    /// wait while a control is dragged).
    pub model_stale: bool,
    /// Its redraws on the performance timeline since it was last cleared.
    pub recorded: u32,
    /// The model of the scenario the page opened with, kept once another replaces it (until
    /// then it is `model`).
    opened: Option<Model>,
    /// The frame's own height, in CSS pixels, if it was made taller for the chart's words.
    grown: Option<f64>,
    /// A map's sheet of shapes, once the maps' file has arrived (`map_shapes`).
    pub sheet: Option<Rc<Sheet>>,
    /// A map's ground, kept drawn while only its data changes.
    pub ground: GroundCopy,
    /// A map of who sends: its last drawing's picture and theme (`None` when not known).
    drawn: Option<(ForcePicture, Theme)>,
    /// Its "Show the data" (`details.chart-table`), if it has one.
    table: Option<Element>,
    /// Where the chart says what it shows of the reader's country (`[data-country-line]`).
    country_line: Option<Element>,
    /// The reader's guess at one of its values, if the chart asks for one.
    pub guess: Option<GuessForm>,
    _on_resize: Option<OnResize>,
    _listeners: Vec<Listener>,
}

impl LiveChart {
    /// As [`LiveChart::make`], with the chart's words written for `scenario` (the page's are
    /// the build's, and are left alone where they say the same; the data tables already show
    /// the starting data, and are written when a scenario changes them); a failure is logged.
    pub(super) fn make_written(
        figure: &Element,
        figures: &Figures,
        scenario: &Scenario,
        dpr: Option<f64>,
        size: Option<(f64, f64)>,
    ) -> Option<LiveChart> {
        match Self::make(figure, figures, scenario, dpr, size) {
            Ok(mut chart) => {
                chart.write_sentences(false);
                Some(chart)
            }
            Err(message) => {
                web_sys::console::error_1(&message.into());
                None
            }
        }
    }

    /// Makes one figure live, its frame of CSS `size` if known; on failure the figure already
    /// shows why, and the message is returned.
    pub(super) fn make(
        figure: &Element,
        figures: &Figures,
        scenario: &Scenario,
        dpr: Option<f64>,
        size: Option<(f64, f64)>,
    ) -> Result<LiveChart, String> {
        let fail = |message: String| {
            figure_status::show(figure, &Status::Failed(message.clone()));
            message
        };
        let slug = figure.get_attribute("data-chart").unwrap_or_default();
        let id = ChartId::from_slug(figures, &slug)
            .ok_or_else(|| fail(format!("no chart named “{slug}”")))?;
        let guess = GuessForm::find(figure);
        let build = || {
            Model::build(id, figures, scenario)
                .map_err(|e| fail(format!("{}: {}", slug, FigureError::from(e))))
        };
        let model = build()?;
        // A chart that asks for a guess opens with it, and keeps the chart without it as the
        // one the page opened with (its data table's, and its CSV's): built twice rather than
        // copied (a copy of every kind of model costs the program more than a second build
        // costs two charts).
        let (model, opened) = match &guess {
            Some(g) => (build()?.guessed(&g.row, g.state), Some(model)),
            None => (model, None),
        };
        let frame = figure
            .query_selector(".chart-frame")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .ok_or_else(|| fail(format!("{}: the figure has no .chart-frame", slug)))?;
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
                .ok_or_else(|| format!("{}: no {tag} could be made", slug))?;
            element.set_class_name(class);
            frame
                .append_child(&element)
                .map_err(|_| format!("{}: the {tag} could not be placed", slug))?;
            Ok(element)
        };
        let canvas: HtmlCanvasElement =
            made("canvas", "chart-canvas")
                .map_err(&fail)?
                .dyn_into()
                .map_err(|_| fail(format!("{}: no canvas could be made", slug)))?;
        let tooltip = made("div", "chart-tooltip").map_err(&fail)?;
        tooltip.set_hidden(true);
        tooltip.set_attribute("aria-hidden", "true").ok();
        // An application, so that a screen reader hands the arrow keys to the chart; named by
        // the chart's heading and described by the visible hint that says how to explore it.
        canvas.set_attribute("role", "application").ok();
        canvas
            .set_attribute("aria-roledescription", "interactive chart")
            .ok();
        canvas
            .set_attribute("aria-labelledby", &format!("{slug}-title"))
            .ok();
        if let Ok(Some(_)) = figure.query_selector("[data-hint]") {
            canvas
                .set_attribute("aria-describedby", &format!("{slug}-hint"))
                .ok();
        }
        canvas.set_tab_index(0);
        let live = figure.query_selector("[data-live]").ok().flatten();
        let words = match figure.owner_document() {
            Some(document) => ChartWords::find(&document, figure, &slug),
            None => return Err(fail(format!("{slug}: the figure is in no document"))),
        };

        let on_resize = {
            let index = id;
            OnResize::observe(&frame, move || {
                // The observer also reports the first size, which the chart was drawn at already.
                let resized = with_page(|page| {
                    // A frame sized in rem changes size with the reader's text: follow it.
                    let text = with_window(|w| text_size::scale(w, &page.document));
                    page.set_text(text.unwrap_or(page.text));
                    let ratio = page.dpr.unwrap_or_else(canvas_size::device_pixel_ratio);
                    let chart = page.chart_mut(index)?;
                    // Read here, where the layout is fresh, and kept for the drawing.
                    let css = canvas_size::css_size(&chart.frame);
                    chart.size = Some(css);
                    let now = canvas_size::backing_size(css, ratio);
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
        // A closed table is written as it opens: on the click on its summary (before the browser
        // opens it), or on its toggle (when a script opens it). A canvas the browser cleared (a
        // phone's page put away, then brought back) is drawn again at the next frame rather
        // than left blank until the reader changes something. One handler, told apart by the
        // event's type.
        let table = figure.query_selector("details.chart-table").ok().flatten();
        let figure_events: Vec<Listener> = [
            (
                figure.query_selector("details.chart-table > summary"),
                "click",
            ),
            (Ok(table.clone()), "toggle"),
            (Ok(Some(Element::from(canvas.clone()))), "contextrestored"),
        ]
        .into_iter()
        .filter_map(|(target, kind)| {
            let target: Element = target.ok().flatten()?;
            Listener::on(target.as_ref(), kind, move |event| {
                with_page(|page| {
                    let chart = page.chart_mut(id)?;
                    if event.type_() == "contextrestored" {
                        chart.dirty = true;
                        chart.drawn = None;
                        frame_clock::request(on_frame_work);
                    } else {
                        chart.write_waiting_table();
                    }
                    Some(())
                });
            })
        })
        .collect();
        let listeners = [
            pointer::install_chart(&canvas, &tooltip, id),
            guess
                .as_ref()
                .map(|g| g.install(figure, &canvas, id))
                .unwrap_or_default(),
            keys::install(&canvas, id),
            figure_events,
        ]
        .into_iter()
        .flatten()
        .collect();
        Ok(LiveChart {
            id,
            slug,
            figure: figure.clone(),
            frame,
            canvas,
            tooltip,
            live,
            opened,
            model,
            layout: Layout::default(),
            focus: None,
            focused: false,
            dirty: true,
            place: 0,
            ratio: dpr.unwrap_or(1.0),
            on_screen: None,
            size,
            words_stale: true,
            table_stale: true,
            words,
            sentences_stale: false,
            text_written: false,
            model_stale: false,
            said: String::new(),
            recorded: 0,
            grown: None,
            sheet: None,
            ground: GroundCopy::default(),
            drawn: None,
            country_line: figure.query_selector("[data-country-line]").ok().flatten(),
            table,
            guess,
            _on_resize: on_resize,
            _listeners: listeners,
        })
    }
    /// Writes the words on the page that follow the chart's model, if the chart follows the
    /// scenario (the others keep the build's): its takeaway, its description and the article's
    /// `[data-sentence]` lines, so that the page never says two numbers for one thing at once;
    /// and its data table if "Show the data" is open. While a control is `dragging`, words that
    /// are all off screen wait (until they come on screen, or the control settles).
    pub fn write_sentences(&mut self, dragging: bool) {
        if dragging && !self.words.in_view() {
            self.sentences_stale = true;
            return;
        }
        self.sentences_stale = false;
        if self.write_text(dragging) && self.table_open() {
            self.write_table();
        }
    }

    /// Writes what follows the model: the words on the page and the data table with its CSV
    /// link. Once per model, not per redraw; while a control is dragged,
    /// once it settles.
    pub fn write_words(&mut self) {
        self.words_stale = false;
        self.sentences_stale = false;
        self.write_text(false);
        self.write_table();
    }

    /// Writes the takeaway, the description and the article's sentences of a chart that
    /// follows the scenario (while `dragging`, those in view; the rest wait); returns whether
    /// it follows the scenario.
    fn write_text(&mut self, dragging: bool) -> bool {
        let takeaway = self.model.takeaway();
        if takeaway.is_empty() {
            return false;
        }
        if !self.text_written {
            self.text_written = self
                .words
                .write(&takeaway, &self.model.description(), dragging);
            self.sentences_stale |= !self.text_written;
        }
        true
    }

    /// Writes the data table, if it is open (a closed one waits until it opens), and its CSV
    /// links.
    fn write_table(&mut self) {
        let open = self.table_open();
        show_the_data::write(&self.figure, &self.model, self.as_opened(), open);
        self.table_stale = !open;
    }

    /// Writes a data table that waits, open or not (paper may show a closed one).
    pub fn write_waiting_table(&mut self) {
        if self.table_stale {
            show_the_data::write(&self.figure, &self.model, self.as_opened(), true);
            self.table_stale = false;
        }
    }

    /// Writes what the chart says of the reader's country, or hides its place when they chose
    /// none.
    pub fn write_country_line(&self) {
        let Some(place) = &self.country_line else {
            return;
        };
        let words = self.model.country_line.as_deref();
        if place.text_content().as_deref() != Some(words.unwrap_or_default()) {
            place.set_text_content(words);
        }
        place
            .toggle_attribute_with_force("hidden", words.is_none())
            .ok();
    }

    /// Builds the chart's model for `scenario`, with the reader's guess if it has one, and
    /// takes it if it changed: it is redrawn, its words on the page written now (while
    /// `dragging`, those in view) and its label and data table once the controls settle. A
    /// chart the change does not touch is not redrawn.
    pub fn rebuild(&mut self, figures: &Figures, scenario: &Scenario, dragging: bool) {
        match Model::build(self.id, figures, scenario).map(|m| self.guessed(m)) {
            Ok(model) if model != self.model => {
                self.set_model(model);
                self.write_country_line();
                if let Some(guess) = &self.guess {
                    guess.say(&self.model);
                }
                self.dirty = true;
                self.words_stale = true;
                self.write_sentences(dragging);
            }
            Ok(_) => {}
            Err(e) => {
                figure_status::show(&self.figure, &Status::Failed(format!("{}: {e}", self.slug)))
            }
        }
    }

    /// `model` with the reader's guess shown, if the chart has one.
    fn guessed(&self, model: Model) -> Model {
        match &self.guess {
            Some(g) => model.guessed(&g.row, g.state),
            None => model,
        }
    }

    /// Replaces the model, keeping the first as the one the page opened with.
    pub fn set_model(&mut self, model: Model) {
        // The keyboard's focus stays on the same figure when the bars move (sorted by name,
        // say); it is dropped if that figure is gone.
        if let Some(id) = self
            .focus
            .and_then(|i| self.layout.hits.get(i))
            .map(|h| h.id.clone())
        {
            self.focus = model.bars().iter().position(|b| b.id == id);
        }
        let before = std::mem::replace(&mut self.model, model);
        self.text_written = false;
        if self.opened.is_none() {
            self.opened = Some(before);
        }
    }

    /// Whether the model's data are those the page opened with.
    fn as_opened(&self) -> bool {
        // The data, not the drawing: a guess or a chosen country changes no figure.
        self.opened
            .as_ref()
            .is_none_or(|opened| opened.data_bars() == self.model.data_bars())
    }

    /// Whether the chart's data table is open.
    fn table_open(&self) -> bool {
        self.table.as_ref().is_some_and(|t| t.has_attribute("open"))
    }

    /// Whether any of the chart's frame is within the window, as the browser last reported
    /// (before its first report, or without one, every chart counts as in view).
    #[must_use]
    pub fn in_view(&self) -> bool {
        self.on_screen.unwrap_or(true)
    }

    /// Sizes the canvas to its frame at the pixel ratio and draws the chart with its focus mark.
    ///
    /// # Errors
    /// A [`ChartError`] if the frame is too small or drawing fails.
    pub fn redraw(
        &mut self,
        dpr: Option<f64>,
        (palette, text): (Palette, f64),
    ) -> Result<(), ChartError> {
        let theme = Theme::new(palette, dpr.unwrap_or_else(canvas_size::device_pixel_ratio))
            .with_text(text);
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
        let css = self
            .size
            .unwrap_or_else(|| canvas_size::css_size(&self.frame));
        let before = (self.canvas.width(), self.canvas.height());
        let size = canvas_size::fit(&self.canvas, css, theme.scale);
        let height = size.1;
        let chart = (focus, self.sheet.as_deref());
        // A map's shades move in steps, so most steps of a control draw the same picture (125
        // of the force slider's 146 steps, for the map of who would send the force): it is
        // handed to the browser, which would rasterise and composite it again, only if its
        // picture, its theme or its size changed, or the browser cleared its kept ground. A
        // chart of bars changes at every step (146 of 146).
        let shown = (chart.1)
            .and_then(|sheet| self.model.force_picture(sheet, focus))
            .map(|picture| (picture, *theme));
        let same = size == before && shown.is_some() && shown == self.drawn && self.ground.intact();
        if !same {
            // Known only once drawn: a drawing that fails leaves it unknown.
            self.drawn = None;
            self.layout = draw_on(&self.canvas, &self.model, theme, chart, Some(&self.ground))?;
            self.drawn = shown;
        }
        // Words are never cut: a chart that needs more room than its frame has (text larger
        // than the style sheet's heights hold) gets a taller frame, drawn again at its new size
        // when the resize observer reports it; and gets its own height back once it needs no
        // more (a wider window, a smaller scenario).
        let needed = (f64::from(self.layout.height) / theme.scale).ceil();
        match self.grown {
            Some(own) if needed <= own => self.ungrow(),
            Some(_) if needed > css.1 => self.grow_to(needed),
            Some(_) => {}
            None if self.layout.height > i32::try_from(height).unwrap_or(i32::MAX) => {
                self.grown = Some(css.1);
                self.grow_to(needed);
            }
            None => {}
        }
        Ok(())
    }

    /// Makes the frame `css_height` CSS pixels tall.
    fn grow_to(&self, css_height: f64) {
        self.frame
            .style()
            .set_property("height", &format!("{}px", css_height as i32))
            .ok();
    }

    /// Gives the frame back its own height, if it was made taller for the chart.
    pub fn ungrow(&mut self) {
        if self.grown.take().is_some() {
            self.frame.style().remove_property("height").ok();
        }
    }

    /// Whether it is a map whose shapes have not arrived (it waits, undrawn, until they do).
    #[must_use]
    pub fn waits_for_shapes(&self) -> bool {
        self.sheet.is_none() && self.model.map_sheet().is_some()
    }

    /// The description of the bar at layout index `i`.
    #[must_use]
    pub fn describe(&self, i: usize) -> Option<String> {
        let hit = self.layout.hits.get(i)?;
        let bar = self.model.bars().into_iter().find(|b| b.id == hit.id)?;
        let chosen = self.model.country.as_ref().map(Country::code);
        Some(if bar.counts(chosen) {
            format!("Your country. {}", bar.describe())
        } else {
            bar.describe()
        })
    }
}

/// Draws `model` on `canvas` as it is sized now, with the focus mark on the row of that id,
/// and, for a map, on its sheet (over its ground as kept in `ground`, if given).
///
/// # Errors
/// A [`ChartError`] if the canvas is too small or drawing fails.
pub fn draw_on(
    canvas: &HtmlCanvasElement,
    model: &Model,
    theme: &Theme,
    (focus, sheet): (Option<&str>, Option<&Sheet>),
    ground: Option<&GroundCopy>,
) -> Result<Layout, ChartError> {
    let lay = ground.map(|copy| move |g: &Ground, sheet: &Sheet| copy.lay(g, sheet, canvas));
    let lay = lay.as_ref().map(|lay| lay as KeptGround<'_>);
    drawn_by(backend_of(canvas)?, model, theme, (focus, sheet), lay)
}

/// The canvas backend for `canvas`, or why there is none.
fn backend_of(canvas: &HtmlCanvasElement) -> Result<StrokeBatch, ChartError> {
    StrokeBatch::new(canvas)
        .ok_or_else(|| ChartError::Drawing("the canvas has no 2D context".into()))
}

/// Draws `model` through `backend`, with the focus mark and sheet of `chart`, laying a map's
/// ground with `lay` where given.
fn drawn_by(
    backend: StrokeBatch,
    model: &Model,
    theme: &Theme,
    (focus, sheet): (Option<&str>, Option<&Sheet>),
    lay: Option<KeptGround<'_>>,
) -> Result<Layout, ChartError> {
    let area = backend.into_drawing_area();
    let measure = canvas_text::measure();
    let style = Style {
        theme,
        measure: measure.as_ref(),
        focus,
        country: None,
        sheet,
        ground: lay,
    };
    let layout = model.draw(&area, style)?;
    area.present()
        .map_err(|e| ChartError::Drawing(e.to_string()))?;
    Ok(layout)
}

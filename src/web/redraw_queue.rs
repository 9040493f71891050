//! When charts are made live and drawn: at most once per animation frame, those in view
//! first, within a budget per task so that no task runs long; charts out of view are drawn in
//! plain tasks. Each redraw is recorded on the page's performance timeline once a benchmark
//! asks for it ([`record_redraws`]).

use std::cell::Cell;

use crate::model::panel::sort_few;
use crate::model::scenario::Scenario;
use crate::web::figure_status::{self, Status};
use crate::web::{frame_clock, with_page, with_window, LiveChart, Page};

/// How long one task may spend drawing before the rest waits for the next task: a quarter of
/// the 50 ms that counts as a long task, so that a phone four times slower stays under it (and
/// so does Lighthouse, which times the page here and multiplies by four). A chart's first
/// drawing may take longer on its own; it is never split. Measured: with 30 ms, every chart was
/// drawn sooner at 4× CPU throttling (one round of style, layout and paint between tasks
/// instead of one per chart), but Lighthouse's total blocking time rose from 10–40 ms to
/// 50–120 ms, and one run scored 99. With at least two charts a task (one chart over budget was
/// followed by another), the first drawing task at load was Lighthouse's second longest task
/// (68–117 ms as it scales it, against 57–93 with one chart; the page's total blocking time
/// 61–187 ms, median 129, against 52–162, median 69, over ten runs each), and the time to every
/// chart drawn was no shorter (median at 4×: 1,173 ms against 1,157 over twenty loads each).
/// While a control is dragged the budget does not apply to the charts in view: each follows
/// every step.
pub(super) const FRAME_BUDGET_MS: f64 = 12.0;

/// A figure not yet made live.
pub(super) struct Unmade {
    /// The `<figure>`.
    pub figure: web_sys::Element,
    /// Its place among the page's figures.
    pub place: usize,
    /// Its frame's CSS size, if known.
    pub size: Option<(f64, f64)>,
}

/// The work of one animation frame: rebuild what is stale, draw what is dirty within the
/// frame's budget, and ask for another frame if charts are still waiting.
pub fn on_frame_work() {
    let next = with_page(|page| {
        let started = now();
        page.rebuild(false);
        page.draw_dirty(Some(FRAME_BUDGET_MS));
        page.make_waiting(Some(started + FRAME_BUDGET_MS));
        page.write_waiting_words();
        page.next_step()
    });
    next.unwrap_or(NextStep::Done).schedule();
}

/// What drawing is left after a task.
pub(super) enum NextStep {
    /// Nothing.
    Done,
    /// Charts in view: draw them at the next frame.
    Frame,
    /// Only charts out of view: draw them in the next free task, without waiting for a frame.
    Task,
}

impl NextStep {
    /// Asks for the frame or the task that draws what is left.
    pub(super) fn schedule(self) {
        match self {
            NextStep::Done => {}
            NextStep::Frame => frame_clock::request(on_frame_work),
            NextStep::Task => frame_clock::soon(on_frame_work),
        }
    }
}

impl Page {
    /// Draws dirty charts, those in view first; with a `budget` in milliseconds, stops once it
    /// is spent, after one chart at least. While a control is dragged, every chart in view is
    /// drawn, and charts out of view wait until it settles (or until they come into view).
    /// Returns how many were drawn.
    pub(super) fn draw_dirty(&mut self, budget: Option<f64>) -> u32 {
        let mut drawn = 0;
        let (dpr, look, dragging) = (self.dpr, (self.palette, self.text), self.dragging);
        let started = now();
        let mut shown = Vec::new();
        let mut order: Vec<usize> = (0..self.charts.len()).collect();
        let visible: Vec<bool> = self
            .charts
            .iter()
            .map(|c| c.dirty && c.in_view() && !c.waits_for_shapes())
            .collect();
        sort_few(&mut order, |&a, &b| visible.get(a) > visible.get(b));
        for i in order {
            let in_view = visible.get(i).copied().unwrap_or(false);
            // While a control is dragged, every chart in view follows each step, whatever it
            // costs (its words already say the new number); otherwise one chart at least, until
            // the budget is spent.
            if budget.is_some_and(|b| drawn > 0 && !(dragging && in_view) && now() - started > b) {
                break;
            }
            let Some(chart) = self
                .charts
                .get_mut(i)
                .filter(|c| c.dirty && !c.waits_for_shapes())
                .filter(|_| in_view || !dragging || budget.is_none())
            else {
                continue;
            };
            chart.dirty = false;
            let recording = RECORDING.with(Cell::get);
            if recording {
                mark_redraw_start();
            }
            let status = match chart.redraw(dpr, look) {
                Ok(()) => {
                    drawn += 1;
                    Status::Drawn
                }
                Err(e) => Status::Failed(format!("{}: {e}", chart.slug)),
            };
            if recording {
                record_redraw(&chart.slug, &mut chart.recorded);
            }
            shown.push((chart.figure.clone(), status));
        }
        // Written once every chart of this task is drawn: a figure's state is in the style
        // sheet's selectors, so a state written between two drawings would make the next
        // drawing's first font wait for the browser to work out the page's style again.
        for (figure, status) in shown {
            figure_status::show(&figure, &status);
        }
        drawn
    }

    /// Makes live the figures not yet live, those in the window as the page opened first (the
    /// mount makes the first ones through it), until the page's clock passes `until` (with
    /// `None`, all of them). Each is made from the data's own scenario (the one its data table
    /// and CSV start from), and rebuilt at once for the reader's where that differs (the
    /// link's, the browser's language's country, the controls moved), so that it is never
    /// drawn or written with the data's.
    pub(super) fn make_waiting(&mut self, until: Option<f64>) {
        // Called at every frame and every change: nothing to work out once all are made.
        if self.unmade.is_empty() {
            return;
        }
        let data = Scenario::from_figures(&self.figures);
        while !until.is_some_and(|t| now() > t) {
            let Some(Unmade {
                figure,
                place,
                size,
            }) = self.unmade.pop()
            else {
                break;
            };
            let Some(mut chart) =
                LiveChart::make_written(&figure, &self.figures, &data, self.dpr, size)
            else {
                continue;
            };
            chart.place = place;
            if self.scenario != data {
                chart.rebuild(&self.figures, &self.scenario, self.dragging);
            }
            if let Some(atlas) = &self.atlas {
                chart.add_map(atlas);
            }
            if let Some(in_view) = &self.in_view {
                in_view.observe(std::iter::once(chart.frame.as_ref()).chain(chart.words.places()));
            }
            let at = self.charts.partition_point(|c| c.place < place);
            self.charts.insert(at, chart);
        }
        if self.unmade.is_empty() {
            self.atlas = None;
        }
    }

    /// After drawing within a budget: what is left, and when to draw it.
    pub(super) fn next_step(&self) -> NextStep {
        let mut waiting = self
            .charts
            .iter()
            .filter(|c| c.dirty && !c.waits_for_shapes())
            .peekable();
        if waiting.peek().is_none() {
            if self.unmade.is_empty() {
                NextStep::Done
            } else {
                NextStep::Task
            }
        } else if waiting.any(LiveChart::in_view) {
            NextStep::Frame
        } else if self.dragging && self.unmade.is_empty() {
            // Out of view: drawn once the control settles, or when they come into view.
            NextStep::Done
        } else {
            NextStep::Task
        }
    }
}

/// The page's clock, in milliseconds.
pub(super) fn now() -> f64 {
    with_window(|w| w.performance().map_or(0.0, |p| p.now())).unwrap_or(0.0)
}

thread_local! {
    /// Whether redraws are recorded on the performance timeline (for a benchmark; a reader's
    /// page records nothing, as each record costs the browser work at every step).
    static RECORDING: Cell<bool> = const { Cell::new(false) };
}

/// From now on, records each chart's redraw on the page's performance timeline as a
/// `chart-redraw <chart>` measure (or, with `false`, stops).
#[cfg_attr(not(feature = "take-away"), wasm_bindgen::prelude::wasm_bindgen(js_name = recordRedraws))]
pub fn record_redraws(on: bool) {
    RECORDING.with(|r| r.set(on));
}

/// Marks the start of a redraw on the page's performance timeline.
fn mark_redraw_start() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.mark("chart-redraw-start").ok();
    }
}

/// Records one chart's redraw as a `chart-redraw <chart>` performance measure, keeping at most
/// a few thousand so that a long session does not grow the timeline (`recorded` counts them, so
/// that the timeline is never asked).
fn record_redraw(chart: &str, recorded: &mut u32) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let name = format!("chart-redraw {chart}");
    *recorded += 1;
    if *recorded > 2_000 {
        *recorded = 1;
        performance.clear_measures_with_measure_name(&name);
    }
    performance
        .measure_with_start_mark(&name, "chart-redraw-start")
        .ok();
    performance.clear_marks_with_mark_name("chart-redraw-start");
}

//! The reader's guess at a chart's value (`model::guess`), in the guess's form above the chart
//! (`page_skeleton::guess_html`): typed or stepped with the arrow keys, or set by dragging along
//! the row on the chart; "Show the answer" compares it with the answer, "Skip" shows the answer
//! without one. The guess is kept in the page's memory alone: in no link, no storage and no
//! request.

use js_sys::Reflect;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlCanvasElement, HtmlElement, PointerEvent};

use crate::catalogue::{ChartId, Model};
use crate::model::guess::{self, Guess, ROW};
use crate::web::listener::Listener;
use crate::web::{frame_clock, on_frame_work, pointer, with_page};

/// A chart's guess: its form on the page, and where the guess stands.
pub struct GuessForm {
    /// The row guessed, by id (the form's `data-guess`).
    pub row: String,
    /// The guess now.
    pub state: Guess,
    form: Element,
    input: Element,
    /// Where the comparison is said (a live region).
    line: Option<Element>,
    /// What describes the figure once the answer is shown (its own description).
    described: Option<String>,
    /// Whether a pointer is dragging the guess along its row.
    dragging: bool,
}

impl GuessForm {
    /// The guess's form in `figure`, if the chart asks for one.
    #[must_use]
    pub fn find(figure: &Element) -> Option<Self> {
        let form = figure.query_selector("form[data-guess]").ok()??;
        Some(Self {
            row: form.get_attribute("data-guess")?,
            state: Guess::default(),
            input: form.query_selector("input").ok()??,
            line: form.query_selector("[data-guess-line]").ok().flatten(),
            described: figure.get_attribute("aria-describedby"),
            form,
            dragging: false,
        })
    }

    /// Writes the comparison of `model` (the chart's, with this guess) where it changed: at the
    /// reveal, and again when the answer follows the reader's scenario.
    pub fn say(&self, model: &Model) {
        let Some(line) = &self.line else {
            return;
        };
        let words = model.guess_line.as_deref().unwrap_or_default();
        if line.text_content().as_deref() != Some(words) {
            line.set_text_content(Some(words));
        }
    }

    /// Shows the form, hands the figure's description to the question until the answer is
    /// shown (the chart's own description would give it away), and listens to the form and to
    /// the pointer on the chart's canvas.
    pub fn install(
        &self,
        figure: &Element,
        canvas: &HtmlCanvasElement,
        id: ChartId,
    ) -> Vec<Listener> {
        self.form.remove_attribute("hidden").ok();
        if let Some(question) = self.form.get_attribute("aria-labelledby") {
            figure.set_attribute("aria-describedby", &question).ok();
        }
        // One handler for every event, told apart by its type: one closure for all.
        let (form, canvas): (&EventTarget, &EventTarget) = (self.form.as_ref(), canvas.as_ref());
        [
            (form, "input"),
            (form, "submit"),
            (form, "click"),
            (canvas, "pointerdown"),
            (canvas, "pointermove"),
            (canvas, "pointerup"),
            (canvas, "pointercancel"),
        ]
        .into_iter()
        .filter_map(|(target, kind)| Listener::on(target, kind, move |e| on_event(id, &e)))
        .collect()
    }
}

/// What an event on the guess's form or the chart's canvas does to chart `id`'s guess.
fn on_event(id: ChartId, event: &Event) {
    let target = event.target();
    match event.type_().as_str() {
        "input" => {
            let typed = target
                .and_then(|t| Reflect::get(&t, &"valueAsNumber".into()).ok())
                .and_then(|v| v.as_f64())
                .filter(|v| v.is_finite())
                .map(|v| v.max(0.0));
            set(id, |g| g.value = typed);
        }
        "submit" => {
            event.prevent_default();
            reveal(id, false);
        }
        "click" => {
            let skip = target
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|t| t.has_attribute("data-skip"));
            if skip {
                reveal(id, true);
            }
        }
        "pointerdown" => drag(id, event, Some(true)),
        "pointermove" => drag(id, event, None),
        _ => drag(id, event, Some(false)),
    }
}

/// Changes chart `id`'s guess and rebuilds its model, drawn at the next frame.
fn set(id: ChartId, change: impl FnOnce(&mut Guess)) {
    with_page(|page| {
        let chart = page.charts.iter_mut().find(|c| c.id == id)?;
        change(&mut chart.guess.as_mut()?.state);
        chart.rebuild(&page.figures, &page.scenario, false);
        Some(())
    });
    frame_clock::request(on_frame_work);
}

/// Shows chart `id`'s answer, with the reader's guess unless they `skip` it: the chart draws
/// both, the form says how they compare (in its live region), and the takeaway, shown again,
/// takes the keyboard's focus (a form skipped goes).
fn reveal(id: ChartId, skip: bool) {
    set(id, |g| {
        g.revealed = true;
        if skip {
            g.value = None;
        }
    });
    with_page(|page| {
        let chart = page.charts.iter().find(|c| c.id == id)?;
        let figure = &chart.figure;
        // Skipped (or shown before any guess), the form has nothing more to say, and goes.
        let guessed = chart.guess.as_ref()?.state.value.is_some();
        let how = if guessed { "guessed" } else { "skipped" };
        figure.set_attribute("data-revealed", how).ok();
        if let Some(described) = &chart.guess.as_ref()?.described {
            figure.set_attribute("aria-describedby", described).ok();
        }
        // The takeaway (which the page gives `tabindex="-1"` where a guess waits) takes the
        // keyboard's focus.
        let takeaway: HtmlElement = figure
            .query_selector("[data-takeaway]")
            .ok()??
            .dyn_into()
            .ok()?;
        takeaway.focus().ok()
    });
}

/// Follows a pointer dragging the guess along its row: `down` as it presses (on the row, it
/// takes the pointer), `up` as it lets go, `None` as it moves.
fn drag(id: ChartId, event: &Event, down: Option<bool>) {
    let Some(pointer) = event.dyn_ref::<PointerEvent>() else {
        return;
    };
    let (x, y) = (f64::from(pointer.offset_x()), f64::from(pointer.offset_y()));
    let value = with_page(|page| {
        let chart = page.chart_mut(id)?;
        let on_row = pointer::hit_at(chart, x, y)
            .and_then(|i| chart.layout.hits.get(i))
            .is_some_and(|hit| hit.id == ROW);
        let (x0, x1, axis) = chart.layout.guess.clone()?;
        let ratio = chart.ratio;
        let form = chart.guess.as_mut()?;
        match down {
            _ if form.state.revealed => return None,
            Some(true) if on_row => {
                form.dragging = true;
                chart.canvas.set_pointer_capture(pointer.pointer_id()).ok();
            }
            Some(_) => {
                form.dragging = false;
                return None;
            }
            None if !form.dragging => return None,
            None => {}
        }
        // Where the pointer is along the axis, held between its ends.
        let along = (x * ratio - f64::from(x0)) / f64::from((x1 - x0).max(1));
        let fraction = axis.fraction(along * axis.max);
        // Whole steps, divided rather than multiplied, so that 3 steps of 0.1 read "0.3".
        let per = 1.0 / guess::step(&axis);
        let value = (fraction * axis.max * per).round() / per;
        let input = chart.guess.as_ref()?.input.clone();
        Reflect::set(&input, &"valueAsNumber".into(), &value.into()).ok();
        Some(value)
    });
    if let Some(value) = value.flatten() {
        event.prevent_default();
        set(id, |g| g.value = Some(value));
    }
}

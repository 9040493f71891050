//! Keyboard reading of a chart: the canvas takes focus; the keys move between its points as
//! [`point_reading`] says; the focused point gets a visible ring, a tooltip and a polite
//! announcement. The keys act only while the chart has focus.

use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlCanvasElement, KeyboardEvent};

use crate::catalogue::ChartId;
use crate::point_reading;
use crate::web::listener::Listener;
use crate::web::{frame_clock, on_frame_work, pointer, with_page};

/// Listens for keys and focus on one chart's canvas.
pub fn install(canvas: &HtmlCanvasElement, id: ChartId) -> Vec<Listener> {
    let target = canvas.as_ref();
    [
        Listener::on(target, "keydown", move |event: Event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) else {
                return;
            };
            let moved = with_page(|page| {
                let chart = page.chart_mut(id)?;
                let panels = point_reading::panels_of_points(&chart.model);
                let before = chart.focus;
                let next = point_reading::step(&key, before, &panels)?;
                chart.focus = Some(next);
                chart.focused = true;
                chart.dirty = true;
                if let (Some(live), Some(point)) = (&chart.live, chart.describe(next)) {
                    let words =
                        point_reading::announcement(&chart.model, &panels, before, next, &point);
                    live.set_text_content(Some(&words));
                }
                pointer::show(chart, next, None);
                Some(())
            })
            .flatten();
            if moved.is_some() {
                event.prevent_default();
                frame_clock::request(on_frame_work);
            }
        }),
        Listener::on(target, "focus", move |_| focus_changed(id, true)),
        Listener::on(target, "blur", move |_| focus_changed(id, false)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn focus_changed(id: ChartId, focused: bool) {
    with_page(|page| {
        if let Some(chart) = page.chart_mut(id) {
            chart.focused = focused;
            chart.dirty |= chart.focus.is_some();
            if !focused {
                pointer::hide(chart);
            }
        }
    });
    frame_clock::request(on_frame_work);
}

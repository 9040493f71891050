//! Keyboard reading of a chart: the canvas takes focus; arrow keys, Home and End move between
//! bars; the focused bar gets a visible ring, a tooltip and a polite announcement. The keys act
//! only while the chart has focus.

use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlCanvasElement, KeyboardEvent};

use crate::catalogue::ChartId;
use crate::web::listener::Listener;
use crate::web::{frame_clock, on_frame_work, pointer, with_page};

/// Where a key moves the focus among `count` bars from `now`; `None` for keys the chart ignores.
#[must_use]
pub fn step(key: &str, now: Option<usize>, count: usize) -> Option<usize> {
    let last = count.checked_sub(1)?;
    Some(match (key, now) {
        ("ArrowDown" | "ArrowRight", None) | ("Home", _) => 0,
        ("ArrowUp" | "ArrowLeft", None) | ("End", _) => last,
        ("ArrowDown" | "ArrowRight", Some(i)) => (i + 1).min(last),
        ("ArrowUp" | "ArrowLeft", Some(i)) => i.saturating_sub(1),
        _ => return None,
    })
}

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
                let next = step(&key, chart.focus, chart.layout.hits.len())?;
                chart.focus = Some(next);
                chart.focused = true;
                chart.dirty = true;
                if let (Some(live), Some(words)) = (&chart.live, chart.describe(next)) {
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

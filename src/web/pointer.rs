//! Tooltips: shown for the bar under the mouse, or the bar a finger taps; hidden by moving away,
//! tapping elsewhere or pressing Escape. A tooltip sits above its bar's row (or beside it where
//! there is room), so it never covers what it describes, and the pointer may move onto it (to
//! read it, or select its words) without it going away.

use wasm_bindgen::JsCast;
use web_sys::{Document, Event, HtmlCanvasElement, HtmlElement, KeyboardEvent, Node, PointerEvent};

use crate::catalogue::ChartId;
use crate::web::listener::Listener;
use crate::web::{with_page, LiveChart};

/// Listens for the pointer over one chart's canvas.
pub fn install_chart(
    canvas: &HtmlCanvasElement,
    tooltip: &HtmlElement,
    id: ChartId,
) -> Vec<Listener> {
    let target = canvas.as_ref();
    // Leaving for the tooltip keeps it; leaving the tooltip for anywhere but the chart hides it.
    let onto = |event: &Event, element: &web_sys::Element| {
        event
            .dyn_ref::<PointerEvent>()
            .and_then(|p| p.related_target())
            .and_then(|t| t.dyn_into::<Node>().ok())
            .is_some_and(|n| element.contains(Some(&n)))
    };
    let (tip, chart_canvas) = (tooltip.clone(), canvas.clone());
    let at_pointer = move |event: Event, pinned: bool| {
        let Some(pointer) = event.dyn_ref::<PointerEvent>() else {
            return;
        };
        let touch = pointer.pointer_type() != "mouse";
        if pinned != touch {
            return;
        }
        let (x, y) = (f64::from(pointer.offset_x()), f64::from(pointer.offset_y()));
        with_page(|page| {
            if let Some(chart) = page.chart_mut(id) {
                match hit_at(chart, x, y) {
                    Some(i) => show(chart, i, Some(x)),
                    None => hide(chart),
                }
            }
        });
    };
    [
        Listener::on(target, "pointermove", move |e| at_pointer(e, false)),
        Listener::on(target, "pointerdown", move |e| at_pointer(e, true)),
        Listener::on(target, "pointerleave", move |e| {
            let mouse = e
                .dyn_ref::<PointerEvent>()
                .is_some_and(|p| p.pointer_type() == "mouse");
            if mouse && !onto(&e, &tip) {
                with_page(|page| page.chart_mut(id).map(|c| hide(c)));
            }
        }),
        Listener::on(tooltip.as_ref(), "pointerleave", move |e| {
            let mouse = e
                .dyn_ref::<PointerEvent>()
                .is_some_and(|p| p.pointer_type() == "mouse");
            if mouse && !onto(&e, &chart_canvas) {
                with_page(|page| page.chart_mut(id).map(|c| hide(c)));
            }
        }),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Hides tooltips on a tap outside their chart, and on Escape.
pub fn install_page(document: &Document) -> Vec<Listener> {
    let target = document.as_ref();
    [
        Listener::on(target, "pointerdown", |event| {
            let inside = event.target().and_then(|t| t.dyn_into::<Node>().ok());
            with_page(|page| {
                for chart in &page.charts {
                    let on_this = inside.as_ref().is_some_and(|n| {
                        chart.canvas.contains(Some(n)) || chart.tooltip.contains(Some(n))
                    });
                    if !on_this {
                        hide(chart);
                    }
                }
            });
        }),
        Listener::on(target, "keydown", |event| {
            if event
                .dyn_ref::<KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape")
            {
                with_page(|page| page.charts.iter().for_each(hide));
            }
        }),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The layout index of the bar row under CSS point `(x, y)` of the canvas.
#[must_use]
pub fn hit_at(chart: &LiveChart, x: f64, y: f64) -> Option<usize> {
    let (px, py) = (
        (x * chart.ratio).round() as i32,
        (y * chart.ratio).round() as i32,
    );
    // Within 8 CSS pixels of a row: the gaps between rows are thinner than that.
    let slack = (8.0 * chart.ratio).round() as i32;
    chart.layout.hit_near((px, py), slack)
}

/// Shows the tooltip for bar `i`, centred on CSS x `near_x` (or near the bar's start).
pub fn show(chart: &LiveChart, i: usize, near_x: Option<f64>) {
    let (Some(words), Some(hit)) = (chart.describe(i), chart.layout.hits.get(i)) else {
        return hide(chart);
    };
    let tip = &chart.tooltip;
    if tip.text_content().unwrap_or_default() != words {
        tip.set_text_content(Some(&words));
    }
    tip.set_hidden(false);
    let ratio = chart.ratio.max(0.25);
    let frame_w = f64::from(chart.frame.client_width());
    let (left_edge, top, right_edge) = (
        f64::from(hit.rect.0) / ratio,
        f64::from(hit.rect.1) / ratio,
        f64::from(hit.rect.2) / ratio,
    );
    let style = tip.style();
    // Beside the point where there is room (a unit chart's grid leaves it on the right), so
    // that nothing of the chart is covered; else above its row, touching it (overlapping its top
    // edge by a hair, so that a pointer moving up onto the tooltip crosses no other row).
    let room = frame_w - right_edge - 8.0;
    let beside = room >= 160.0;
    let max_width = if beside {
        format!("{}px", room.round() as i32)
    } else {
        String::new()
    };
    style.set_property("max-width", &max_width).ok();
    let (w, h) = (
        f64::from(tip.offset_width()),
        f64::from(tip.offset_height()),
    );
    let touch = 2.0;
    let (left, y) = if beside {
        (right_edge + 8.0, top)
    } else {
        let x = near_x.unwrap_or(left_edge + 24.0);
        let left = (x - w / 2.0).clamp(0.0, (frame_w - w).max(0.0));
        // Always above, even past the chart's top edge (over its heading): below, it would lie
        // across the next rows, and a pointer moving down would walk onto it.
        (left, top + touch - h)
    };
    style
        .set_property("left", &format!("{}px", left.round() as i32))
        .ok();
    style
        .set_property("top", &format!("{}px", y.round() as i32))
        .ok();
}

/// Hides the chart's tooltip.
pub fn hide(chart: &LiveChart) {
    if !chart.tooltip.hidden() {
        chart.tooltip.set_hidden(true);
    }
}

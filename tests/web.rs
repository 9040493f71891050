//! Browser tests of the web layer, run in headless Chromium by `wasm-pack test`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::panic, reason = "a browser test fails by panicking")]

use reassurance_force::catalogue::{ChartId, Model};
use reassurance_force::charts::theme::{Palette, Theme};
use reassurance_force::figures;
use reassurance_force::web::{canvas_size, draw_on, mount_in, redraw};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, Document, Element, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const FIGURES_JSON: &str = include_str!("../www/data/figures.json");

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .unwrap_or_else(|| unreachable!("a browser test has a document"))
}

/// A fresh `<figure data-chart>` with a frame of the given CSS size, attached to the body.
fn figure(chart: &str, width: u32, height: u32) -> Element {
    let doc = document();
    let figure = doc
        .create_element("figure")
        .unwrap_or_else(|_| unreachable!());
    figure.set_attribute("data-chart", chart).ok();
    figure.set_inner_html(&format!(
        "<style>.chart-frame > canvas {{ position: absolute; inset: 0; width: 100%; height: 100%; }}</style><p data-takeaway>static words</p><div class=\"chart-frame\" style=\"position:relative;width:{width}px;height:{height}px\"></div><p data-status></p>"
    ));
    if let Some(body) = doc.body() {
        body.append_child(&figure).ok();
    }
    figure
}

/// Removes what earlier tests put on the page (the runner's own output stays).
fn clear_body() {
    let doc = document();
    if let Ok(list) = doc.query_selector_all("figure, canvas.test-canvas") {
        for i in 0..list.length() {
            if let Some(node) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                node.remove();
            }
        }
    }
}

fn canvas_of(figure: &Element) -> HtmlCanvasElement {
    figure
        .query_selector("canvas")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .unwrap_or_else(|| panic!("no canvas in the figure"))
}

/// Pixels that differ from the top-left pixel (the background).
fn inked(canvas: &HtmlCanvasElement) -> usize {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .unwrap_or_else(|| panic!("no 2d context"));
    let (w, h) = (canvas.width(), canvas.height());
    let data = context
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .map(|d| d.data().0)
        .unwrap_or_default();
    let background = data.get(0..4).map(<[u8]>::to_vec).unwrap_or_default();
    data.chunks(4)
        .filter(|px| *px != background.as_slice())
        .count()
}

#[wasm_bindgen_test]
fn a_chart_drawn_into_a_canvas_has_ink() {
    clear_body();
    let doc = document();
    let canvas: HtmlCanvasElement = doc
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .unwrap_or_else(|| panic!("no canvas"));
    canvas.set_class_name("test-canvas");
    canvas.set_width(600);
    canvas.set_height(560);
    if let Some(body) = doc.body() {
        body.append_child(&canvas).ok();
    }
    let figures = figures::parse(FIGURES_JSON).unwrap_or_else(|e| panic!("{e}"));
    for id in ChartId::ALL {
        let model = Model::build(id, &figures).unwrap_or_else(|e| panic!("{e}"));
        let layout = draw_on(&canvas, &model, &Theme::new(Palette::LIGHT, 1.0))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!layout.hits.is_empty(), "{}", id.slug());
        let ink = inked(&canvas);
        // Bars, labels and ticks cover well over 2% of a 600×560 canvas.
        assert!(
            ink > 600 * 560 / 50,
            "{}: only {ink} inked pixels",
            id.slug()
        );
    }
}

#[wasm_bindgen_test]
fn at_pixel_ratio_two_the_backing_store_is_twice_the_css_size() {
    clear_body();
    let figure = figure("troop-share", 400, 560);
    assert_eq!(mount_in(&document(), FIGURES_JSON, Some(2.0)), 1);
    let canvas = canvas_of(&figure);
    assert_eq!((canvas.width(), canvas.height()), (800, 1120));
    // The CSS size stays the frame's: only the backing store doubles.
    assert_eq!((canvas.client_width(), canvas.client_height()), (400, 560));
    assert_eq!(figure.get_attribute("data-state").as_deref(), Some("drawn"));
    assert!(inked(&canvas) > 800 * 1120 / 50);
    // The same figure at ratio 1 keeps the CSS size and halves the backing store.
    let frame: HtmlElement = figure
        .query_selector(".chart-frame")
        .ok()
        .flatten()
        .and_then(|f| f.dyn_into().ok())
        .unwrap_or_else(|| panic!("no frame"));
    let model = Model::build(
        ChartId::TroopShare,
        &figures::parse(FIGURES_JSON).unwrap_or_else(|e| panic!("{e}")),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    redraw(&frame, &canvas, &model, Some(1.0)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((canvas.width(), canvas.height()), (400, 560));
    assert_eq!(canvas_size::backing_size((400.0, 560.0), 3.0), (1200, 1680));
}

#[wasm_bindgen_test]
fn the_takeaway_is_computed_and_written_as_text() {
    clear_body();
    let figure = figure("troop-share", 500, 560);
    assert_eq!(mount_in(&document(), FIGURES_JSON, Some(1.0)), 1);
    let words = figure
        .query_selector("[data-takeaway]")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(
        words.contains("0.88%") && words.contains("1.42%"),
        "{words}"
    );
    assert_eq!(
        canvas_of(&figure).get_attribute("aria-label").as_deref(),
        Some(words.as_str())
    );
}

#[wasm_bindgen_test]
fn a_malformed_value_gives_a_message_not_a_panic() {
    clear_body();
    let troops = figure("troop-share", 500, 560);
    let budgets = figure("budgets", 500, 650);
    let broken = FIGURES_JSON.replacen("\"value\": 30000", "\"value\": \"thirty thousand\"", 1);
    assert_ne!(broken, FIGURES_JSON, "the test must break the file");
    assert_eq!(mount_in(&document(), &broken, Some(1.0)), 0);
    for figure in [troops, budgets] {
        assert_eq!(
            figure.get_attribute("data-state").as_deref(),
            Some("failed")
        );
        let message = figure
            .query_selector("[data-status]")
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default();
        assert!(message.contains("figures[0].value"), "{message}");
        assert!(message.contains("invalid type"), "{message}");
    }
}

#[wasm_bindgen_test]
fn hostile_text_in_the_data_stays_text() {
    clear_body();
    let figure = figure("troop-share", 500, 560);
    let hostile = FIGURES_JSON.replacen(
        "\"force\": \"force.proposed\"",
        "\"force\": \"<img src=x onerror=alert(1)>\"",
        1,
    );
    assert_ne!(hostile, FIGURES_JSON, "the test must plant the markup");
    assert_eq!(mount_in(&document(), &hostile, Some(1.0)), 0);
    assert_eq!(
        figure.get_attribute("data-state").as_deref(),
        Some("failed")
    );
    assert!(
        figure.query_selector("img").ok().flatten().is_none(),
        "markup was injected"
    );
    let message = figure
        .query_selector("[data-status]")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(message.contains("<img src=x"), "{message}");
}

#[wasm_bindgen_test]
fn an_unknown_chart_and_a_zero_width_frame_fail_in_their_own_figure() {
    clear_body();
    let unknown = figure("moon-landing", 500, 300);
    let narrow = figure("budgets", 0, 650);
    let fine = figure("troop-share", 500, 560);
    assert_eq!(mount_in(&document(), FIGURES_JSON, Some(1.0)), 2);
    assert_eq!(
        unknown.get_attribute("data-state").as_deref(),
        Some("failed")
    );
    assert_eq!(
        narrow.get_attribute("data-state").as_deref(),
        Some("failed")
    );
    assert_eq!(fine.get_attribute("data-state").as_deref(), Some("drawn"));
    let message = narrow
        .query_selector("[data-status]")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(message.contains("too small"), "{message}");
}

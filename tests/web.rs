//! Browser tests of the web layer, run in headless Chromium by `wasm-pack test`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::panic, reason = "a browser test fails by panicking")]

use plotters::drawing::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use reassurance_force::atlas::{Atlas, Sheet};
use reassurance_force::catalogue::{ChartId, Model};
use reassurance_force::charts::clearance::problems;
use reassurance_force::charts::map::ForcePicture;
use reassurance_force::charts::theme::{Palette, Theme};
use reassurance_force::charts::Style;
use reassurance_force::figures::{
    self, ChartKind, ChartSpec, Figures, FiguresFile, Order, PanelSpec, Unit,
};
use reassurance_force::model::scenario::Scenario;
use reassurance_force::web::canvas_text::{self, CanvasText};
use reassurance_force::web::ground_copy::GroundCopy;
use reassurance_force::web::{canvas_size, draw_on, flush, mount, mount_figures_in, mount_in};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    CanvasRenderingContext2d, Document, Element, Event, EventInit, HtmlCanvasElement,
    HtmlInputElement, KeyboardEvent, KeyboardEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

/// The figures as the page's chart program receives them (the build writes the digest).
const DIGEST: &[u8] = include_bytes!("../www/data/figures.bin");
const MAPS: &[u8] = include_bytes!("../www/data/maps.bin");

/// The maps' file the build writes, read once.
fn atlas() -> &'static Atlas {
    static ATLAS: std::sync::OnceLock<Atlas> = std::sync::OnceLock::new();
    ATLAS.get_or_init(|| Atlas::from_bytes(MAPS).unwrap_or_else(|e| panic!("{e}")))
}

/// A map's sheet from the maps' file (none for a chart of bars).
fn sheet_of(model: &Model) -> Option<&'static Sheet> {
    model.map_sheet().map(|slug| {
        atlas()
            .sheet(slug)
            .unwrap_or_else(|| panic!("no sheet for {slug}"))
    })
}

/// The committed figures, read but not yet checked, for a test to edit.
fn figures_file() -> FiguresFile {
    figures::read_digest(DIGEST).unwrap_or_else(|e| panic!("{e}"))
}

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
    let data = pixels(canvas);
    let background = data.get(0..4).map(<[u8]>::to_vec).unwrap_or_default();
    data.chunks(4)
        .filter(|px| *px != background.as_slice())
        .count()
}

/// The canvas's RGBA bytes, row by row.
fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .unwrap_or_else(|| panic!("no 2d context"));
    context
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .map(|d| d.data().0)
        .unwrap_or_else(|_| panic!("the canvas's pixels could not be read"))
}

#[wasm_bindgen_test]
fn a_chart_declared_in_the_data_alone_is_drawn_on_its_canvas() {
    clear_body();
    let mut file = figures_file();
    file.charts.push(ChartSpec {
        slug: "ninth".into(),
        kind: ChartKind::BarPanels,
        panels: vec![PanelSpec {
            title: "Active personnel".into(),
            unit: Unit::Personnel,
            figures: vec!["personnel.france".into(), "personnel.poland".into()],
            order: Order::AsListed,
            ranges: Vec::new(),
        }],
        troop_share: None,
        force_scenario: None,
        budgets: None,
        unit_chart: None,
        flight_times: None,
        force_map: None,
        reach_map: None,
        annotations: Vec::new(),
    });
    let ninth = figure("ninth", 500, 300);
    assert_eq!(
        mount_figures_in(&document(), Figures::check(file), Some(1.0)),
        1
    );
    assert_eq!(ninth.get_attribute("data-state").as_deref(), Some("drawn"));
    let ink = inked(&canvas_of(&ninth));
    assert!(ink > 500 * 300 / 50, "only {ink} inked pixels");
    // A chart that does not follow the scenario keeps the page's own words.
    assert_eq!(text_of(&ninth, "[data-takeaway]"), "static words");
}

#[wasm_bindgen_test]
fn a_story_of_three_charts_is_drawn_from_a_file_of_three() {
    clear_body();
    let mut file = figures_file();
    let keep = ["coalition", "capability", "geography"];
    file.charts.retain(|c| keep.contains(&c.slug.as_str()));
    assert_eq!(file.charts.len(), 3);
    let figures: Vec<Element> = keep.iter().map(|slug| figure(slug, 500, 420)).collect();
    assert_eq!(
        mount_figures_in(&document(), Figures::check(file), Some(1.0)),
        3
    );
    for (slug, figure) in keep.iter().zip(&figures) {
        assert_eq!(
            figure.get_attribute("data-state").as_deref(),
            Some("drawn"),
            "{slug}"
        );
        let ink = inked(&canvas_of(figure));
        assert!(ink > 500 * 420 / 50, "{slug}: only {ink} inked pixels");
    }
}

#[wasm_bindgen_test]
fn a_chart_drawn_into_a_canvas_has_ink() {
    clear_body();
    let canvas = test_canvas(600, 560);
    let figures = figures::from_digest(DIGEST).unwrap_or_else(|e| panic!("{e}"));
    for (id, spec) in ChartId::all(&figures).zip(figures.charts()) {
        let model = Model::build(id, &figures, &Scenario::from_figures(&figures))
            .unwrap_or_else(|e| panic!("{e}"));
        let layout = draw_on(
            &canvas,
            &model,
            &Theme::new(Palette::LIGHT, 1.0),
            (None, sheet_of(&model)),
            None,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(!layout.hits.is_empty(), "{}", spec.slug);
        let ink = inked(&canvas);
        // Bars, labels and ticks cover well over 2% of a 600×560 canvas.
        assert!(
            ink > 600 * 560 / 50,
            "{}: only {ink} inked pixels",
            spec.slug
        );
    }
}

#[wasm_bindgen_test]
fn every_chart_is_legible_on_canvas_with_the_browser_s_own_fonts() {
    // The frame widths of a 320, 375 and 768-or-wider window, at pixel ratios 1 and 3, light
    // and dark: no words over words or across a bar, nothing out of the frame, with the widths
    // the browser measures (the native test uses an estimate).
    clear_body();
    let figures = figures::from_digest(DIGEST).unwrap_or_else(|e| panic!("{e}"));
    let mut found = Vec::new();
    let mut checked = 0;
    for (id, spec) in ChartId::all(&figures).zip(figures.charts()) {
        let model = Model::build(id, &figures, &Scenario::from_figures(&figures))
            .unwrap_or_else(|e| panic!("{e}"));
        for window in [320.0, 375.0, 1280.0] {
            let (width, height) = (
                frame_width(window, 1.0),
                frame_height(spec.slug.as_str(), window, 1.0),
            );
            for ratio in [1.0, 3.0] {
                for palette in [Palette::LIGHT, Palette::DARK] {
                    let size = (
                        (f64::from(width) * ratio) as u32,
                        (f64::from(height) * ratio) as u32,
                    );
                    let canvas = test_canvas(size.0, size.1);
                    let layout = draw_on(
                        &canvas,
                        &model,
                        &Theme::new(palette, ratio),
                        (None, sheet_of(&model)),
                        None,
                    )
                    .unwrap_or_else(|e| panic!("{e}"));
                    assert!(
                        layout.marks.iter().any(|m| m.words),
                        "{}: no words",
                        spec.slug
                    );
                    for problem in problems(&layout.marks, (size.0 as i32, size.1 as i32)) {
                        found.push(format!(
                            "{} at {width} px, ratio {ratio}: {problem}",
                            spec.slug
                        ));
                    }
                    canvas.remove();
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 8 * 3 * 2 * 2, "only {checked} drawings");
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[wasm_bindgen_test]
fn in_larger_type_every_chart_fits_its_frame_on_canvas_and_beyond_that_asks_for_more() {
    // Text set up to twice the usual size: on a phone, with the browser's own fonts, each chart
    // fits the frame the style sheet gives it (no frame grows as the page loads) and is legible;
    // at two and a half times, some chart asks for a taller frame, and is legible in it.
    clear_body();
    let figures = figures::from_digest(DIGEST).unwrap_or_else(|e| panic!("{e}"));
    let mut found = Vec::new();
    let mut grown = 0;
    for (id, spec) in ChartId::all(&figures).zip(figures.charts()) {
        let model = Model::build(id, &figures, &Scenario::from_figures(&figures))
            .unwrap_or_else(|e| panic!("{e}"));
        for window in [320.0, 375.0] {
            for t in [1.25, 1.5, 2.0, 2.5] {
                let theme = Theme::new(Palette::LIGHT, 1.0).with_text(t);
                let (width, frame) = (
                    frame_width(window, t),
                    frame_height(spec.slug.as_str(), window, t),
                );
                let canvas = test_canvas(width, frame);
                let first = draw_on(&canvas, &model, &theme, (None, sheet_of(&model)), None)
                    .unwrap_or_else(|e| panic!("{e}"));
                let needed = u32::try_from(first.height).unwrap_or(0);
                if needed > frame {
                    grown += 1;
                    if t <= 2.0 {
                        found.push(format!(
                            "{} in a {window} px window, text ×{t}: needs {needed} px of {frame}",
                            spec.slug
                        ));
                    }
                }
                let height = frame.max(needed);
                canvas.set_height(height);
                let layout = draw_on(&canvas, &model, &theme, (None, sheet_of(&model)), None)
                    .unwrap_or_else(|e| panic!("{e}"));
                for problem in problems(&layout.marks, (width as i32, height as i32)) {
                    found.push(format!("{} at {width} px, text ×{t}: {problem}", spec.slug));
                }
                canvas.remove();
            }
        }
    }
    assert!(
        grown > 0,
        "no frame had to grow: the test does not reach the growing"
    );
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The height, in CSS pixels, of chart `slug`'s frame in a window `window` pixels wide with
/// text `t` times the usual, as the page's style sheet gives it: its rule for the widest
/// windows, then the rule of each media query whose widest window (in rem of that text) the
/// window is within, narrower ones last.
fn frame_height(slug: &str, window: f64, t: f64) -> u32 {
    let css = include_str!("../www/style.css");
    let rule = format!(".chart[data-chart=\"{slug}\"] .chart-frame {{");
    let height_in = |text: &str| -> Option<f64> {
        let rest = text.split_once(&rule)?.1;
        rest.split_once("height: ")?
            .1
            .split_once("rem;")?
            .0
            .parse()
            .ok()
    };
    let mut sections = css.split("@media (max-width: ");
    let mut rem = sections
        .next()
        .and_then(height_in)
        .unwrap_or_else(|| panic!("no height for {slug} in the style sheet"));
    for section in sections {
        let Some(widest) = section
            .split_once("rem)")
            .and_then(|(n, _)| n.parse::<f64>().ok())
        else {
            continue;
        };
        let block = section.split_once("\n}").map_or(section, |(b, _)| b);
        if window / (16.0 * t) <= widest {
            if let Some(h) = height_in(block) {
                rem = h;
            }
        }
    }
    (rem * 16.0 * t).round() as u32
}

/// The frame's width in a window `window` pixels wide with text `t` times the usual: the
/// window less a rem each side, at most 38rem.
fn frame_width(window: f64, t: f64) -> u32 {
    (window - 32.0 * t).min(608.0 * t).round() as u32
}

/// A canvas of the test's own, `width` × `height`, attached to the body.
fn test_canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let doc = document();
    let canvas: HtmlCanvasElement = doc
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .unwrap_or_else(|| panic!("no canvas"));
    canvas.set_class_name("test-canvas");
    canvas.set_width(width);
    canvas.set_height(height);
    if let Some(body) = doc.body() {
        body.append_child(&canvas).ok();
    }
    canvas
}

#[wasm_bindgen_test]
fn lines_stroked_together_draw_what_lines_stroked_one_by_one_draw() {
    clear_body();
    let figures = figures::from_digest(DIGEST).unwrap_or_else(|e| panic!("{e}"));
    let scenario = Scenario::from_figures(&figures);
    // The page's one measure, the one `draw_on` uses: both drawings lay out from the same
    // widths, so what differs between them is how lines are stroked, not where words fall.
    let measure = canvas_text::measure();
    for (palette, scale) in [(Palette::LIGHT, 1_u32), (Palette::DARK, 2)] {
        let theme = Theme::new(palette, f64::from(scale));
        for (id, spec) in ChartId::all(&figures).zip(figures.charts()) {
            let model = Model::build(id, &figures, &scenario).unwrap_or_else(|e| panic!("{e}"));
            // 600 × 560 CSS pixels (a desktop chart's size) at the theme's scale.
            let size = (600 * scale, 560 * scale);
            let batched = test_canvas(size.0, size.1);
            let laid = draw_on(&batched, &model, &theme, (None, sheet_of(&model)), None)
                .unwrap_or_else(|e| panic!("{e}"));
            // The same chart through plotters' own canvas backend, one stroke per line.
            let one_by_one = test_canvas(size.0, size.1);
            let area = CanvasBackend::with_canvas_object(one_by_one.clone())
                .unwrap_or_else(|| panic!("no 2d context"))
                .into_drawing_area();
            let style = Style {
                theme: &theme,
                measure: measure.as_ref(),
                focus: None,
                country: None,
                sheet: sheet_of(&model),
                ground: None,
            };
            let drawn = model.draw(&area, style).unwrap_or_else(|e| panic!("{e}"));
            area.present().unwrap_or_else(|e| panic!("{e}"));
            assert!(
                laid == drawn,
                "{} at scale {scale}: the two drawings were laid out differently",
                spec.slug
            );
            let (a, b) = (pixels(&batched), pixels(&one_by_one));
            assert_eq!(a.len(), b.len());
            // Edges may be smoothed differently: WebKit shades the stripes of one path up to 12
            // levels apart from the same stripes stroked one by one, and their ends by a sixth
            // of a pixel's cover. So a pixel counts as drawn alike if it could be a blend of the
            // colours the other drawing has there and around it, both ways. A line or a plate
            // drawn out of order cannot: a colour where the other drawing has a plate of another
            // all around. The first pixels that differ are named.
            let width = size.0 as usize;
            let off: Vec<(usize, usize)> = (0..a.len() / 4)
                .map(|i| (i % width, i / width))
                .filter(|&(x, y)| {
                    let i = (y * width + x) * 4;
                    let same = a
                        .get(i..i + 4)
                        .zip(b.get(i..i + 4))
                        .is_some_and(|(p, q)| p.iter().zip(q).all(|(u, v)| u.abs_diff(*v) <= 24));
                    !same
                        && (!alike_nearby(&a, &b, width, x, y)
                            || !alike_nearby(&b, &a, width, x, y))
                })
                .collect();
            // Where the borders of three countries meet, lines of one colour end on one
            // another: in one path their cover is smoothed once, stroked apart it adds up, and a
            // pixel there may differ by more (WebKit, at the maps' junctions: 4 or 5, now and
            // then two side by side). A dozen such pixels pass, in a million, none with more
            // than one other near it; a patch, or a line out of order (thousands), does not.
            let scattered = |&(x, y): &(usize, usize)| {
                off.iter()
                    .filter(|&&(u, v)| (u, v) != (x, y) && u.abs_diff(x) <= 2 && v.abs_diff(y) <= 2)
                    .count()
                    <= 1
            };
            let off: Vec<(usize, usize)> = if off.len() <= 12 && off.iter().all(scattered) {
                Vec::new()
            } else {
                off
            };
            assert!(
                off.is_empty(),
                "{} at scale {scale}: {} pixels are no blend of the other drawing's colours around them, first at {:?}",
                spec.slug,
                off.len(),
                off.iter().take(4).collect::<Vec<_>>()
            );
        }
    }
}

/// Whether the pixel at (x, y) of `a` could be an edge of what `b` draws there: each of its
/// channels within the range that channel takes in `b` at (x, y) and its eight neighbours,
/// widened by 24 levels (a blend of colours that meet there, shaded a little differently).
fn alike_nearby(a: &[u8], b: &[u8], width: usize, x: usize, y: usize) -> bool {
    let height = a.len() / 4 / width;
    let at = |v: &[u8], x: usize, y: usize, c: usize| v.get((y * width + x) * 4 + c).copied();
    (0..4).all(|c| {
        let Some(here) = at(a, x, y, c) else {
            return false;
        };
        let (mut low, mut high) = (u8::MAX, u8::MIN);
        for ny in y.saturating_sub(1)..=(y + 1).min(height - 1) {
            for nx in x.saturating_sub(1)..=(x + 1).min(width - 1) {
                if let Some(there) = at(b, nx, ny, c) {
                    low = low.min(there);
                    high = high.max(there);
                }
            }
        }
        low <= high && here >= low.saturating_sub(24) && here <= high.saturating_add(24)
    })
}

#[wasm_bindgen_test]
fn at_pixel_ratio_two_the_backing_store_is_twice_the_css_size() {
    clear_body();
    let figure = figure("troop-share", 400, 560);
    assert_eq!(mount_in(&document(), DIGEST, Some(2.0)), 1);
    let canvas = canvas_of(&figure);
    assert_eq!((canvas.width(), canvas.height()), (800, 1120));
    // The CSS size stays the frame's: only the backing store doubles.
    assert_eq!((canvas.client_width(), canvas.client_height()), (400, 560));
    assert_eq!(figure.get_attribute("data-state").as_deref(), Some("drawn"));
    assert!(inked(&canvas) > 800 * 1120 / 50);
    // The same figure at ratio 1 keeps the CSS size and halves the backing store.
    assert_eq!(mount_in(&document(), DIGEST, Some(1.0)), 1);
    let canvas = canvas_of(&figure);
    assert_eq!((canvas.width(), canvas.height()), (400, 560));
    assert_eq!(canvas_size::backing_size((400.0, 560.0), 3.0), (1200, 1680));
}

#[wasm_bindgen_test]
fn the_takeaway_is_computed_and_written_as_text() {
    clear_body();
    let figure = figure("troop-share", 500, 560);
    assert_eq!(mount_in(&document(), DIGEST, Some(1.0)), 1);
    let words = text_of(&figure, "[data-takeaway]");
    assert!(
        words.contains("0.88%") && words.contains("1.42%"),
        "{words}"
    );
    // The canvas is an interactive chart named by the chart's heading, not its takeaway again.
    let canvas = canvas_of(&figure);
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("application"));
    assert_eq!(
        canvas.get_attribute("aria-labelledby").as_deref(),
        Some("troop-share-title")
    );
    assert_eq!(canvas.get_attribute("aria-label"), None);
}

#[wasm_bindgen_test]
fn a_value_the_checks_refuse_gives_its_path_not_a_panic() {
    clear_body();
    let troops = figure("troop-share", 500, 560);
    let budgets = figure("budgets", 500, 650);
    let mut file = figures_file();
    let Some(first) = file.figures.first_mut() else {
        panic!("the committed figures have figures");
    };
    first.value = Some(-30_000.0);
    assert_eq!(
        mount_figures_in(&document(), Figures::check(file), Some(1.0)),
        0
    );
    for figure in [troops, budgets] {
        assert_eq!(
            figure.get_attribute("data-state").as_deref(),
            Some("failed")
        );
        let message = text_of(&figure, "[data-status]");
        assert!(message.contains("figures[0].value"), "{message}");
        assert!(message.contains("the value is not a count"), "{message}");
    }
}

#[wasm_bindgen_test]
fn a_damaged_digest_is_refused_by_name_in_every_figure() {
    let half = DIGEST.get(..DIGEST.len() / 2).unwrap_or_default();
    let mut longer = DIGEST.to_vec();
    longer.push(0);
    for (bytes, why) in [
        (half, "does not read"),
        (&[0xFF; 64][..], "does not read"),
        (&longer[..], "bytes after its end"),
    ] {
        clear_body();
        let troops = figure("troop-share", 500, 560);
        let coalition = figure("coalition", 500, 420);
        assert_eq!(mount(bytes), 0);
        for figure in [&troops, &coalition] {
            assert_eq!(
                figure.get_attribute("data-state").as_deref(),
                Some("failed")
            );
            let message = text_of(figure, "[data-status]");
            assert!(message.contains("digest"), "{message}");
            assert!(message.contains(why), "{why}: {message}");
        }
    }
}

#[wasm_bindgen_test]
fn any_damage_to_the_digest_is_read_or_refused_never_a_panic() {
    // A thousand digests, each with a few bytes changed or its end cut, by a fixed sequence.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below.max(1) as u64) as usize
    };
    let (mut read, mut refused) = (0, 0);
    for _ in 0..1000 {
        let mut bytes = DIGEST.to_vec();
        for _ in 0..=next(3) {
            let at = next(bytes.len());
            if let Some(b) = bytes.get_mut(at) {
                *b = next(256) as u8;
            }
        }
        if next(4) == 0 {
            bytes.truncate(next(bytes.len()));
        }
        match figures::from_digest(&bytes) {
            Ok(_) => read += 1,
            Err(e) => {
                assert!(!e.to_string().is_empty());
                refused += 1;
            }
        }
    }
    assert!(
        refused > 100,
        "only {refused} of 1,000 damaged digests refused"
    );
    assert_eq!(read + refused, 1000);
}

#[wasm_bindgen_test]
fn hostile_text_in_the_data_stays_text() {
    clear_body();
    let figure = figure("troop-share", 500, 560);
    let mut file = figures_file();
    let planted = file
        .charts
        .iter_mut()
        .find_map(|c| c.troop_share.as_mut())
        .map(|spec| spec.force = "<img src=x onerror=alert(1)>".into());
    assert!(planted.is_some(), "the test must plant the markup");
    assert_eq!(
        mount_figures_in(&document(), Figures::check(file), Some(1.0)),
        0
    );
    assert_eq!(
        figure.get_attribute("data-state").as_deref(),
        Some("failed")
    );
    assert!(
        figure.query_selector("img").ok().flatten().is_none(),
        "markup was injected"
    );
    let message = text_of(&figure, "[data-status]");
    assert!(message.contains("<img src=x"), "{message}");
}

#[wasm_bindgen_test]
fn an_unknown_chart_and_a_zero_width_frame_fail_in_their_own_figure() {
    clear_body();
    let unknown = figure("moon-landing", 500, 300);
    let narrow = figure("budgets", 0, 650);
    let fine = figure("troop-share", 500, 560);
    assert_eq!(
        mount_in(&document(), DIGEST, Some(1.0)),
        1,
        "only the troop-share chart can be drawn"
    );
    assert_eq!(
        unknown.get_attribute("data-state").as_deref(),
        Some("failed")
    );
    assert_eq!(
        narrow.get_attribute("data-state").as_deref(),
        Some("failed")
    );
    assert_eq!(fine.get_attribute("data-state").as_deref(), Some("drawn"));
    let message = text_of(&narrow, "[data-status]");
    assert!(message.contains("too small"), "{message}");
}

/// The controls of the scenario and budget figures, as the page has them.
const CONTROLS: &str = r#"<form data-controls hidden>
  <input type="range" name="force" value="30000"><output data-output="force"></output>
  <input type="radio" name="share" value="equal" checked><input type="radio" name="share" value="personnel">
  <input type="radio" name="share" value="budget">
  <input type="range" name="rotation" value="3"><output data-output="rotation"></output>
  <input type="radio" name="currency" value="published" checked><input type="radio" name="currency" value="usd">
  <p data-notice></p>
</form>"#;

fn with_controls() -> Element {
    let doc = document();
    let form = doc.create_element("div").unwrap_or_else(|_| unreachable!());
    form.set_class_name("test-controls");
    form.set_inner_html(CONTROLS);
    if let Some(body) = doc.body() {
        body.append_child(&form).ok();
    }
    form
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn input(root: &Element, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap_or_else(|_| unreachable!());
    target.dispatch_event(&event).ok();
}

fn press(target: &web_sys::EventTarget, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .unwrap_or_else(|_| unreachable!());
    target.dispatch_event(&event).ok();
}

fn remove_controls() {
    if let Ok(list) = document().query_selector_all(".test-controls") {
        for i in 0..list.length() {
            if let Some(node) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                node.remove();
            }
        }
    }
}

#[wasm_bindgen_test]
fn changing_a_control_redraws_the_chart_and_its_sentence() {
    clear_body();
    remove_controls();
    let controls = with_controls();
    let scenario = figure("force-scenario", 600, 520);
    let troops = figure("troop-share", 600, 560);
    assert_eq!(mount_in(&document(), DIGEST, Some(1.0)), 2);
    assert!(
        controls
            .query_selector("form[hidden]")
            .ok()
            .flatten()
            .is_none(),
        "controls shown"
    );
    assert_eq!(text_of(&controls, "output[data-output=force]"), "30,000");
    let before = text_of(&scenario, "[data-takeaway]");
    assert!(before.contains("A force of 30,000"), "{before}");
    let pixels_before = inked(&canvas_of(&scenario));

    let slider = input(&controls, "input[name=force]");
    assert_eq!(slider.max(), "150000");
    slider.set_value("60000");
    fire(&slider, "input");
    assert_eq!(text_of(&controls, "output[data-output=force]"), "60,000");
    assert_eq!(flush(), 2, "both charts depend on the force");
    let after = text_of(&scenario, "[data-takeaway]");
    assert!(
        after.contains("A force of 60,000") && after.contains("180,000"),
        "{after}"
    );
    assert!(
        text_of(&troops, "[data-takeaway]").contains("1.76%"),
        "60,000 / 3,418,600"
    );
    assert_ne!(
        inked(&canvas_of(&scenario)),
        pixels_before,
        "the bars moved"
    );

    let by_people = input(&controls, "input[name=share][value=personnel]");
    by_people.set_checked(true);
    fire(&by_people, "input");
    assert_eq!(
        flush(),
        1,
        "only the scenario chart depends on the sharing rule"
    );
    assert!(text_of(&scenario, "[data-takeaway]").contains("in proportion to active personnel"));
    remove_controls();
}

#[wasm_bindgen_test]
fn arrow_keys_move_between_bars_and_announce_them() {
    clear_body();
    let figure = figure("troop-share", 600, 560);
    let live = document()
        .create_element("p")
        .unwrap_or_else(|_| unreachable!());
    live.set_attribute("data-live", "").ok();
    figure.append_child(&live).ok();
    assert_eq!(mount_in(&document(), DIGEST, Some(1.0)), 1);
    let canvas = canvas_of(&figure);
    assert_eq!(canvas.tab_index(), 0, "the chart takes focus");
    let plain = inked(&canvas);
    canvas.focus().ok();
    // The first stop is the article's bound, whose words stand above the shares.
    press(&canvas, "ArrowRight");
    let bound = live.text_content().unwrap_or_default();
    assert!(
        bound.starts_with(
            "The 30,000 force as a share of active personnel. The article: “less than 3%”."
        ) && bound.contains("As reported")
            && bound.ends_with(" 1 of 12."),
        "{bound}"
    );
    press(&canvas, "ArrowRight");
    let first = live.text_content().unwrap_or_default();
    assert!(first.starts_with("All NATO members"), "{first}");
    assert!(
        first.contains("0.88%") && first.contains("Derived"),
        "{first}"
    );
    assert_eq!(flush(), 1);
    assert!(inked(&canvas) > plain, "a focus ring is drawn");
    press(&canvas, "ArrowRight");
    press(&canvas, "ArrowRight");
    let third = live.text_content().unwrap_or_default();
    // The announcement says what the number counts, after the panel it enters.
    assert!(
        third.starts_with(
            "The largest armies of NATO's European members, and the proposed force. Türkiye: 481,000. Measure: active military personnel."
        ),
        "{third}"
    );
    press(&canvas, "End");
    let last = live.text_content().unwrap_or_default();
    assert!(
        last.starts_with("Proposed European force: 30,000")
            && last.ends_with("12 of 12, the last."),
        "{last}"
    );
    assert!(last.contains("As reported, 2025"), "{last}");
    // Keys pressed elsewhere do nothing to the chart.
    press(&document(), "ArrowUp");
    assert_eq!(live.text_content().unwrap_or_default(), last);
    let tooltip = figure
        .query_selector(".chart-tooltip")
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no tooltip"));
    // The tooltip shows the point; the announcement adds its place.
    let shown = tooltip.text_content().unwrap_or_default();
    assert!(
        !shown.is_empty() && last.starts_with(&shown),
        "{shown} / {last}"
    );
    press(&canvas, "Escape");
    assert!(tooltip.has_attribute("hidden"), "Escape hides the tooltip");
}

fn with_address(query: &str, test: impl FnOnce()) {
    let window = web_sys::window().unwrap_or_else(|| unreachable!());
    let history = window.history().unwrap_or_else(|_| unreachable!());
    let original = window.location().href().unwrap_or_default();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query))
        .ok();
    test();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&original))
        .ok();
}

#[wasm_bindgen_test]
fn a_link_restores_the_scenario() {
    clear_body();
    remove_controls();
    let controls = with_controls();
    let scenario = figure("force-scenario", 600, 520);
    with_address("?force=60000&share=personnel&rotation=2", || {
        assert_eq!(mount(DIGEST), 0, "the page draws in the tasks that follow");
        assert_eq!(flush(), 1);
    });
    assert_eq!(input(&controls, "input[name=force]").value(), "60000");
    assert!(input(&controls, "input[name=share][value=personnel]").checked());
    assert_eq!(text_of(&controls, "output[data-output=rotation]"), "2");
    let words = text_of(&scenario, "[data-takeaway]");
    assert!(
        words.contains("60,000") && words.contains("120,000"),
        "{words}"
    );
    assert_eq!(text_of(&controls, "[data-notice]"), "");
    remove_controls();
}

#[wasm_bindgen_test]
fn a_hostile_link_is_ignored_with_a_notice() {
    clear_body();
    remove_controls();
    let controls = with_controls();
    let scenario = figure("force-scenario", 600, 520);
    let hostile = "?force=%3Cscript%3Ealert(1)%3C%2Fscript%3E&rotation=NaN&share=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&force=99999999999&currency=-1";
    with_address(hostile, || {
        assert_eq!(mount(DIGEST), 0, "the page draws in the tasks that follow");
        assert_eq!(flush(), 1);
    });
    assert_eq!(
        scenario.get_attribute("data-state").as_deref(),
        Some("drawn")
    );
    assert!(text_of(&scenario, "[data-takeaway]").contains("A force of 30,000"));
    let notice = text_of(&controls, "[data-notice]");
    assert!(
        notice.contains("<script>alert(1)</script>"),
        "shown as text: {notice}"
    );
    assert_eq!(notice.matches("Ignored").count(), 5, "{notice}");
    assert!(
        controls
            .query_selector("script, img")
            .ok()
            .flatten()
            .is_none(),
        "no markup"
    );
    remove_controls();
}

#[wasm_bindgen_test]
fn after_a_panic_every_figure_says_so_and_shows_its_static_chart() {
    clear_body();
    let troops = figure("troop-share", 500, 560);
    assert_eq!(mount_in(&document(), DIGEST, Some(1.0)), 1);
    assert_eq!(troops.get_attribute("data-state").as_deref(), Some("drawn"));
    reassurance_force::web::panic_notice::install();
    // A real panic, in a call of its own: it stops that call (the browser sees an error), and
    // the panic hook has told every figure before that.
    let probe: js_sys::Function =
        Closure::once_into_js(|| -> () { panic!("a probe panic") }).unchecked_into();
    assert!(
        probe.call0(&JsValue::NULL).is_err(),
        "the panic stopped its call"
    );
    assert_eq!(
        troops.get_attribute("data-state").as_deref(),
        Some("failed")
    );
    assert!(text_of(&troops, "[data-status]").contains("internal error"));
}

#[wasm_bindgen_test]
fn a_line_measured_word_by_word_is_as_wide_as_the_browser_measures_it_whole() {
    use reassurance_force::charts::text_width::TextWidth;
    let measure = CanvasText::new(&document());
    let context = test_canvas(10, 10)
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .unwrap_or_else(|| panic!("a 2D context"));
    // Lines of the kinds the charts write: labels with numbers, units, punctuation, a
    // no-break space, capitals after spaces (where a font could kern across the space).
    for line in [
        "United Kingdom: 1,000 deployed, 3,000 tied up",
        "Tied up with 3 units per unit deployed: 0.71% of NATO Europe and Canada",
        "Phase 1: Engineers for the first phase, proposed by British strategists",
        "Lviv to Kyiv, at least 1.4\u{a0}min",
        "A fleet target, not a count of aircraft ready for combat",
        "T. V. W. Y. AV Ta Te To",
    ] {
        for (size, bold) in [(12.0, false), (13.0, true), (15.0, true), (26.0, false)] {
            context.set_font(&format!(
                "{} {size}px {}",
                if bold { "bold" } else { "normal" },
                reassurance_force::charts::theme::FONT_STACK
            ));
            let whole = context
                .measure_text(line)
                .map(|m| m.width())
                .unwrap_or(-1.0);
            let summed = measure.text_width(line, size, bold);
            assert!(
                (whole - summed).abs() <= 0.5,
                "“{line}” at {size} px: {whole} measured whole, {summed} word by word"
            );
        }
    }
}

#[wasm_bindgen_test]
fn remembered_widths_are_those_of_the_same_words_at_the_same_size_and_weight() {
    use reassurance_force::charts::text_width::TextWidth;
    let measure = CanvasText::new(&document());
    let small = measure.text_width("Poland: 6,000 deployed", 12.0, false);
    // Asked again, from memory; then at twice the size, in bold, and other words.
    assert_eq!(
        measure.text_width("Poland: 6,000 deployed", 12.0, false),
        small
    );
    let large = measure.text_width("Poland: 6,000 deployed", 24.0, false);
    // Twice the size, about twice as wide (hinting makes it a little off, by engine).
    assert!(
        (1.9..2.1).contains(&(large / small)),
        "{small} at 12 px, {large} at 24 px"
    );
    assert!(measure.text_width("Poland: 6,000 deployed", 12.0, true) > small);
    assert!(measure.text_width("Poland: 60,000 deployed", 12.0, false) > small);
    // A fresh measure, which remembers nothing, agrees.
    assert_eq!(
        CanvasText::new(&document()).text_width("Poland: 6,000 deployed", 24.0, false),
        large
    );
}

/// The smallest box round every point of `rings`.
fn bounds_of<'a>(rings: impl IntoIterator<Item = &'a (i32, i32)>) -> (i32, i32, i32, i32) {
    rings.into_iter().fold(
        (i32::MAX, i32::MAX, i32::MIN, i32::MIN),
        |(l, t, r, b), &(x, y)| (l.min(x), t.min(y), r.max(x), b.max(y)),
    )
}

#[wasm_bindgen_test]
fn the_maps_draw_and_a_point_finds_the_country_under_it() {
    clear_body();
    let figures = figures::from_digest(DIGEST).unwrap_or_else(|e| panic!("{e}"));
    let mut maps = 0;
    for (id, spec) in ChartId::all(&figures).zip(figures.charts()) {
        if !spec.kind.is_map() {
            continue;
        }
        maps += 1;
        let model = Model::build(id, &figures, &Scenario::from_figures(&figures))
            .unwrap_or_else(|e| panic!("{e}"));
        let sheet = sheet_of(&model).unwrap_or_else(|| panic!("{}: no sheet", spec.slug));
        let canvas = test_canvas(600, 760);
        let layout = draw_on(
            &canvas,
            &model,
            &Theme::new(Palette::LIGHT, 1.0),
            (None, Some(sheet)),
            None,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(inked(&canvas) > 600 * 760 / 10, "{}: little ink", spec.slug);
        assert!(!layout.hits.is_empty(), "{}", spec.slug);
        if layout.outlines.is_empty() {
            continue;
        }
        // How the sheet lies on the canvas, from the countries' outlines against their shapes;
        // then each country's own inside point (found by the build), put on the canvas, finds
        // that country.
        let code = |i: usize| {
            layout.hits.get(i).map_or(String::new(), |h| {
                h.id.trim_start_matches("member.").to_string()
            })
        };
        let shape = |c: &str| sheet.shapes.iter().find(|s| s.code == c);
        let (drawn, sheet_box) = layout
            .outlines
            .iter()
            .filter_map(|(i, rings)| {
                let s = shape(&code(*i))?;
                let on_sheet: Vec<(i32, i32)> = s
                    .rings
                    .iter()
                    .flat_map(|r| reassurance_force::atlas::points(r))
                    .collect();
                Some((
                    bounds_of(rings.iter().flatten()),
                    bounds_of(on_sheet.iter()),
                ))
            })
            .fold(
                (
                    (i32::MAX, i32::MAX, i32::MIN, i32::MIN),
                    (i32::MAX, i32::MAX, i32::MIN, i32::MIN),
                ),
                |(a, b), (c, d)| {
                    let join = |p: (i32, i32, i32, i32), q: (i32, i32, i32, i32)| {
                        (p.0.min(q.0), p.1.min(q.1), p.2.max(q.2), p.3.max(q.3))
                    };
                    (join(a, c), join(b, d))
                },
            );
        let scale = f64::from(drawn.2 - drawn.0) / f64::from(sheet_box.2 - sheet_box.0);
        let on_canvas = |(x, y): (i32, i32)| {
            (
                drawn.0 + (f64::from(x - sheet_box.0) * scale).round() as i32,
                drawn.1 + (f64::from(y - sheet_box.1) * scale).round() as i32,
            )
        };
        let mut found = 0;
        for (i, _) in &layout.outlines {
            let Some(s) = shape(&code(*i)) else { continue };
            // Countries too small to hold a pointer are dots, found by their box.
            if f64::from(s.extent) * scale < 12.0 {
                continue;
            }
            let at = on_canvas(s.centre);
            assert_eq!(
                layout.hit_near(at, 0).map(code),
                Some(code(*i)),
                "{}: the point {at:?} inside {}",
                spec.slug,
                code(*i)
            );
            found += 1;
        }
        assert!(found > 15, "{}: only {found} countries found", spec.slug);
        // The title, above the map, is no country.
        assert_eq!(layout.hit_near((2, 2), 0), None, "{}", spec.slug);
    }
    assert_eq!(maps, 2);
}

/// A map drawn over its kept ground is the map drawn whole: after the scenario changes (fewer
/// steps in its key, other shades) and after the palette does (the ground kept is then not
/// this one's, and is drawn again).
#[wasm_bindgen_test]
fn a_map_over_its_kept_ground_is_the_map_drawn_whole() {
    clear_body();
    let figures = figures::from_digest(DIGEST).unwrap_or_else(|e| panic!("{e}"));
    let opened = Scenario::from_figures(&figures);
    let mut smaller = opened;
    assert!(smaller.set_force(opened.force() / 3));
    let mut maps = 0;
    for (id, spec) in ChartId::all(&figures).zip(figures.charts()) {
        if !spec.kind.is_map() {
            continue;
        }
        maps += 1;
        let kept = GroundCopy::default();
        // As wide as the page's widest frame and as tall, where the map is as tall as the room
        // between its title and key allows.
        let (canvas, whole) = (test_canvas(608, 592), test_canvas(608, 592));
        let mut outlines = Vec::new();
        for (scenario, palette) in [
            (&opened, Palette::LIGHT),
            (&smaller, Palette::LIGHT),
            (&smaller, Palette::DARK),
        ] {
            let model = Model::build(id, &figures, scenario).unwrap_or_else(|e| panic!("{e}"));
            let theme = Theme::new(palette, 1.0);
            let sheet = sheet_of(&model);
            let layout = draw_on(&canvas, &model, &theme, (None, sheet), Some(&kept))
                .unwrap_or_else(|e| panic!("{e}"));
            outlines.push(layout.outlines);
            draw_on(&whole, &model, &theme, (None, sheet), None).unwrap_or_else(|e| panic!("{e}"));
            let (a, b) = (pixels(&canvas), pixels(&whole));
            let differ = a
                .chunks(4)
                .zip(b.chunks(4))
                .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 2))
                .count();
            assert!(
                differ <= 60,
                "{}, force {}: {differ} pixels differ from the map drawn whole",
                spec.slug,
                scenario.force()
            );
        }
        // The map kept its place as the scenario changed (its key's steps with it).
        assert_eq!(outlines.first(), outlines.get(1), "{}", spec.slug);
    }
    assert_eq!(maps, 2, "the figures have two maps");
}

/// The map of who sends at each step of the force slider: where two steps' pictures are equal
/// (`Model::force_picture`), their drawings are the same, pixel for pixel, so a step whose
/// picture is the last drawing's may keep it; and the slider's steps give both kinds, equal
/// and changed, so the check is not empty. A chart of any other kind has no such picture.
#[wasm_bindgen_test]
fn a_map_pictured_alike_is_drawn_alike() {
    clear_body();
    let figures = figures::from_digest(DIGEST).unwrap_or_else(|e| panic!("{e}"));
    let theme = Theme::new(Palette::LIGHT, 1.0);
    let (a, b) = (test_canvas(608, 592), test_canvas(608, 592));
    let mut maps = 0;
    for id in ChartId::all(&figures) {
        let mut scenario = Scenario::from_figures(&figures);
        let (mut alike, mut changed) = (0, 0);
        let mut last: Option<(ForcePicture, Model)> = None;
        for force in (5_000..=150_000).step_by(5_000) {
            if !scenario.set_force(force) {
                continue;
            }
            let model = Model::build(id, &figures, &scenario).unwrap_or_else(|e| panic!("{e}"));
            let Some(sheet) = sheet_of(&model) else {
                break;
            };
            let Some(picture) = model.force_picture(sheet, None) else {
                break;
            };
            if let Some((before, earlier)) = &last {
                if *before == picture {
                    alike += 1;
                    draw_on(&a, earlier, &theme, (None, Some(sheet)), None)
                        .unwrap_or_else(|e| panic!("{e}"));
                    draw_on(&b, &model, &theme, (None, Some(sheet)), None)
                        .unwrap_or_else(|e| panic!("{e}"));
                    assert!(
                        pixels(&a) == pixels(&b),
                        "force {force} pictured as the step before it, drawn otherwise"
                    );
                } else {
                    changed += 1;
                }
            }
            last = Some((picture, model));
        }
        if last.is_some() {
            maps += 1;
            assert!(
                alike > 0 && changed > 0,
                "{alike} steps alike, {changed} changed"
            );
        }
    }
    assert_eq!(maps, 1, "one map follows the force");
}

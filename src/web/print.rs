//! Printing the reader's own scenario. Before the page is printed, every chart is drawn for
//! paper (light palette, three pixels per CSS pixel) as the reader left it, and marked so that
//! the print style sheet shows that drawing; after printing, the charts are drawn for the screen
//! again. (With the chart program running, the static charts are never fetched, so they cannot
//! stand in.) A chart that cannot be drawn prints its static version, as it does without
//! JavaScript.

use web_sys::Window;

use crate::charts::theme::{Palette, Theme};
use crate::web::listener::Listener;
use crate::web::{frame_clock, on_frame_work, with_page, Page};

/// Pixels per CSS pixel of a chart drawn for paper.
pub const PRINT_RATIO: f64 = 3.0;

/// The attribute that tells the print style sheet to print a figure's canvas.
const MARK: &str = "data-print";

/// Listens for the window's `beforeprint` and `afterprint`.
pub fn install(window: &Window) -> Vec<Listener> {
    [
        Listener::on(window.as_ref(), "beforeprint", |_| {
            with_page(Page::draw_for_paper);
        }),
        Listener::on(window.as_ref(), "afterprint", |_| {
            with_page(Page::draw_for_screen);
            frame_clock::request(on_frame_work);
        }),
    ]
    .into_iter()
    .flatten()
    .collect()
}

impl Page {
    /// Draws each chart for paper and marks its figure; returns how many were drawn.
    pub fn draw_for_paper(&mut self) -> u32 {
        // Paper shows the scenario as it is now, words and all, even in the middle of a drag.
        self.dragging = false;
        self.make_waiting(None);
        self.rebuild(true);
        self.write_waiting_words();
        // Paper keeps the reader's text size, as the page's own words do.
        let theme = Theme::new(Palette::LIGHT, PRINT_RATIO).with_text(self.text);
        let mut drawn = 0;
        for chart in &mut self.charts {
            chart.write_waiting_table();
            if chart.paint(&theme, None).is_ok() {
                chart.figure.set_attribute(MARK, "live").ok();
                // Drawn as it is now: no frame redraws it for the screen until after printing.
                chart.dirty = false;
                drawn += 1;
            } else {
                chart.figure.remove_attribute(MARK).ok();
            }
        }
        drawn
    }

    /// Unmarks the figures drawn for paper; they are drawn for the screen at the next frame.
    pub fn draw_for_screen(&mut self) {
        for chart in &mut self.charts {
            if chart.figure.has_attribute(MARK) {
                chart.figure.remove_attribute(MARK).ok();
                chart.dirty = true;
                // A map's ground kept for paper is large, and not the screen's.
                chart.ground.forget();
            }
        }
    }
}

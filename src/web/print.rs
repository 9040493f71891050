//! Printing the reader's own scenario. Before the page is printed, each chart the reader has
//! changed is drawn for paper (light palette, three pixels per CSS pixel) and marked so that the
//! print style sheet shows it in place of the static chart of the starting scenario; after
//! printing, the charts are drawn for the screen again. Charts the reader has not changed print
//! as their static versions, as they do without JavaScript.

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
    /// Draws each chart whose model is not the starting one for paper, and marks its figure;
    /// returns how many were drawn.
    pub fn draw_for_paper(&mut self) -> u32 {
        self.rebuild();
        let theme = Theme::new(Palette::LIGHT, PRINT_RATIO);
        let mut drawn = 0;
        for chart in &mut self.charts {
            if !chart.shows(&self.figures, &self.start) && chart.paint(&theme, None).is_ok() {
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
            }
        }
    }
}

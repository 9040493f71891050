//! Which charts and which of their words are on screen, as the browser reports it (an
//! IntersectionObserver), so that a redraw never asks for a layout to find out. A chart that
//! comes into view with a drawing waiting is drawn at the next frame; words that come into view
//! while a drag left them waiting are written at once.

use js_sys::Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

use crate::web::{frame_clock, on_frame_work, with_page};

/// Follows the charts' frames in and out of the window until dropped.
pub struct InView {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(Array)>,
}

impl InView {
    /// Observes each element (the charts' frames and their words' places); the page's charts
    /// learn whether they are in view. `None` where the browser has no IntersectionObserver
    /// (everything then counts as in view).
    #[must_use]
    pub fn follow(elements: &[Element]) -> Option<Self> {
        let callback = Closure::<dyn FnMut(Array)>::new(|entries: Array| {
            let waiting = with_page(|page| {
                let mut waiting = false;
                for entry in entries.iter() {
                    // The observer hands over nothing but its entries.
                    let entry = entry.unchecked_into::<IntersectionObserverEntry>();
                    let target = entry.target();
                    let shown = entry.is_intersecting();
                    let dragging = page.dragging;
                    for chart in &mut page.charts {
                        if chart.frame.is_same_node(Some(target.as_ref())) {
                            chart.on_screen = Some(shown);
                            waiting |= shown && (chart.dirty || chart.model_stale);
                        }
                        if chart.words.saw(&target, shown) && shown {
                            if chart.sentences_stale {
                                chart.write_sentences(dragging);
                            }
                            waiting |= chart.model_stale;
                        }
                    }
                }
                waiting
            });
            if waiting == Some(true) {
                frame_clock::request(on_frame_work);
            }
        });
        let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        let in_view = Self {
            observer,
            _callback: callback,
        };
        in_view.observe(elements);
        Some(in_view)
    }

    /// Observes each element too (a chart made live after the others).
    pub fn observe<'a>(&self, elements: impl IntoIterator<Item = &'a Element>) {
        for element in elements {
            self.observer.observe(element);
        }
    }
}

impl Drop for InView {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

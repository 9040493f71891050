//! The words on the page that follow one chart's model: its takeaway and description in its
//! figure, and the article's `[data-sentence="<chart>"]` lines. Found once, when the chart is
//! made live, and written only where they changed; whether any of them is on screen is what the
//! browser last reported, so that a drag writes the words a reader can see and leaves the others
//! until it settles.

use std::cell::RefCell;

use web_sys::{Document, Element, Node};

/// One chart's words on the page.
pub struct ChartWords {
    takeaway: Option<Element>,
    description: Option<Element>,
    /// The disclosure that shows the description, if any (closed, the description waits while
    /// a control moves).
    disclosure: Option<Element>,
    /// The takeaway (or, without one, the figure), then each of the article's sentences, with
    /// whether it is on screen (`None`: not reported yet, which counts as on screen). A takeaway
    /// scrolled away while the reader drags a slider below it waits, as its figure's other
    /// words do not change with it.
    places: Vec<(Element, Option<bool>)>,
    /// Whether the description is on screen (it shows only while its disclosure is open).
    description_seen: Option<bool>,
    /// The takeaway and the description last written (`None`: not yet), so that words already
    /// there are not read back from the page to be compared.
    written: RefCell<(Option<String>, Option<String>)>,
}

impl ChartWords {
    /// Finds the words of the chart `slug` shown in `figure` and in `document`.
    #[must_use]
    pub fn find(document: &Document, figure: &Element, slug: &str) -> Self {
        let one = |selector: &str| figure.query_selector(selector).ok().flatten();
        let takeaway = one("[data-takeaway]");
        let mut places = vec![(takeaway.clone().unwrap_or_else(|| figure.clone()), None)];
        if let Ok(list) = document.query_selector_all(&format!("[data-sentence=\"{slug}\"]")) {
            for i in 0..list.length() {
                if let Some(element) = list
                    .item(i)
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok())
                {
                    places.push((element, None));
                }
            }
        }
        let description = one("[data-description]");
        let disclosure = one("details.chart-describe");
        Self {
            takeaway,
            description,
            disclosure,
            places,
            description_seen: None,
            written: RefCell::default(),
        }
    }

    /// Writes the takeaway (into the figure and every sentence of the article) and the
    /// description, each only where it changed. While a control is `dragging`, only the places
    /// on screen are written, and the description only if it is open; returns whether every
    /// place now says these words (if not, the rest wait for another call).
    pub fn write(&self, takeaway: &str, description: &str, dragging: bool) -> bool {
        let mut written = self.written.borrow_mut();
        let mut complete = true;
        if written.0.as_deref() != Some(takeaway) {
            for (i, (place, on_screen)) in self.places.iter().enumerate() {
                if dragging && *on_screen == Some(false) {
                    complete = false;
                } else if i == 0 {
                    write_line(self.takeaway.as_ref(), takeaway);
                } else {
                    write_line(Some(place), takeaway);
                }
            }
            // After a partial write the places differ, so no takeaway counts as written: a
            // return to the last one written everywhere is written again where it changed.
            written.0 = complete.then(|| takeaway.to_string());
        }
        if written.1.as_deref() != Some(description) {
            let hidden = self.description_seen == Some(false)
                || self
                    .disclosure
                    .as_ref()
                    .is_some_and(|d| !d.has_attribute("open"));
            if dragging && hidden {
                complete = false;
            } else {
                write_line(self.description.as_ref(), description);
                written.1 = Some(description.to_string());
            }
        }
        complete
    }

    /// The elements whose place on screen matters: the takeaway, the article's sentences and
    /// the description.
    pub fn places(&self) -> impl Iterator<Item = &Element> {
        self.places
            .iter()
            .map(|(element, _)| element)
            .chain(self.description.as_ref())
    }

    /// Notes that `target` came on screen or left it; whether it is one of these words' places.
    pub fn saw(&mut self, target: &Element, shown: bool) -> bool {
        let mut found = false;
        if let Some(description) = &self.description {
            if description.is_same_node(Some(target.as_ref())) {
                self.description_seen = Some(shown);
                found = true;
            }
        }
        for (element, on_screen) in &mut self.places {
            if element.is_same_node(Some(target.as_ref())) {
                *on_screen = Some(shown);
                found = true;
            }
        }
        found
    }

    /// Whether any of the words is on screen, as the browser last reported.
    #[must_use]
    pub fn in_view(&self) -> bool {
        self.places.iter().any(|(_, on)| on.unwrap_or(true)) || self.description_seen == Some(true)
    }
}

fn write_line(line: Option<&Element>, words: &str) {
    if let Some(line) = line {
        if line.text_content().unwrap_or_default() != words {
            rewrite_text(line, words);
        }
    }
}

/// Writes `words` as the element's text. Where its text is one text node already, that node's
/// words change and nothing is replaced: a new node would have the page's style worked out again
/// at the next frame, on every step of a slider.
pub fn rewrite_text(element: &Element, words: &str) {
    match element.first_child() {
        Some(text) if text.node_type() == Node::TEXT_NODE && text.next_sibling().is_none() => {
            text.set_text_content(Some(words));
        }
        _ => element.set_text_content(Some(words)),
    }
}

//! The page's native form controls (`<form data-controls>`): shown once the program runs, set
//! from the scenario, and read back into it on every input. The address follows when a control
//! settles (`change`), not on every step of a drag.

use std::cell::RefCell;

use js_sys::Reflect;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlInputElement};

use crate::model::scenario::{Country, Scenario, FORCE_RANGE, FORCE_STEP, ROTATION_RANGE};
use crate::model::scenario_url::{
    apply_setting, currency_name, measure_name, order_name, sharing_name,
};
use crate::model::wording::{thousands, troops, units_per_deployed};
use crate::web::chart_words;
use crate::web::listener::Listener;
use crate::web::{frame_clock, link, on_frame_work, with_page};

/// The picker of the reader's country.
const PICKER: &str = "form[data-controls] select[name=\"country\"]";

/// Shows the controls, sets the sliders' bounds, and listens for the reader's changes.
pub fn install(document: &Document) -> Vec<Listener> {
    for form in all(document, "form[data-controls]") {
        form.remove_attribute("hidden").ok();
    }
    for (name, min, max, step) in [
        (
            "force",
            *FORCE_RANGE.start(),
            *FORCE_RANGE.end(),
            FORCE_STEP,
        ),
        (
            "rotation",
            *ROTATION_RANGE.start(),
            *ROTATION_RANGE.end(),
            1,
        ),
    ] {
        for input in inputs(document, name) {
            input.set_min(&min.to_string());
            input.set_max(&max.to_string());
            input.set_step(&step.to_string());
        }
    }
    let target = document.as_ref();
    [
        Listener::on(target, "input", on_input),
        // A control settles: once the controls are left alone, the address follows, and so do
        // the charts out of view and what is not read on the page (labels, tables).
        Listener::on(target, "change", |event| {
            if control_of(&event).is_some() {
                settle(true);
            }
        }),
        // A thumb let go where it was picked up sends no change; the drag is over all the same.
        Listener::on(target, "pointerup", |_| settle(false)),
        Listener::on(target, "pointercancel", |_| settle(false)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Ends a drag or a change: what is in view follows at the next frame, as for any step; the
/// rest (and the address) once the controls have been left alone, so that radios clicked one
/// after another, or a slider stepped with the keys, cost each step no more than a drag's.
fn settle(changed: bool) {
    let moving = with_page(|page| page.dragging);
    if changed || moving == Some(true) {
        frame_clock::later(catch_up);
        frame_clock::request(on_frame_work);
    }
}

/// Once the controls have been left alone: the drag is over, the address follows the scenario
/// (within the rate at which browsers let a page rewrite it), and the charts off screen follow
/// too, their models rebuilt and words written now and their drawings in the tasks that follow.
fn catch_up() {
    let next = with_page(|page| {
        page.dragging = false;
        if let Some(window) = web_sys::window() {
            link::write(&window, &page.scenario, &page.start);
        }
        page.rebuild(true);
        page.write_waiting_words();
        announce(page);
        page.next_step()
    });
    if let Some(next) = next {
        next.schedule();
    }
}

/// Says, once the controls are left alone, what changed: each chart whose takeaway the change
/// rewrote, by its heading, in the live region of the controls the reader used (the outputs
/// beside the sliders stay silent: the slider says its own value).
fn announce(page: &mut crate::web::Page) {
    let Some(region) = &page.said_in else {
        return;
    };
    let mut words: Vec<String> = Vec::new();
    if page.scenario.country != page.said_country {
        page.said_country = page.scenario.country;
        let name = page
            .scenario
            .country
            .and_then(|c| page.figures.country(c.code()));
        words.push(match name {
            Some(country) => format!(
                "{} marked in each chart that counts it, which says what it shows of it.",
                country.name
            ),
            None => "No country marked.".into(),
        });
    }
    for chart in page
        .charts
        .iter_mut()
        .filter(|c| c.model.follows_scenario())
    {
        let takeaway = chart.model.takeaway();
        if takeaway.is_empty() || takeaway == chart.said {
            continue;
        }
        let title = chart
            .figure
            .query_selector(".chart-title")
            .ok()
            .flatten()
            .and_then(|t| t.text_content())
            .unwrap_or_default();
        words.push(format!("{title}: {takeaway}"));
        chart.said = takeaway;
    }
    if !words.is_empty() {
        // Emptied first, so that the same words said again are heard again.
        region.set_text_content(None);
        region.set_text_content(Some(&words.join(" ")));
    }
}

/// The page's control an event came from, if it came from one (other forms are not the
/// page's): its form, its name and its value.
fn control_of(event: &Event) -> Option<(Element, String, String)> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let form = target.closest("form[data-controls]").ok().flatten()?;
    // An input or a select: both name their setting, and hold its value as a property.
    let name = target.get_attribute("name")?;
    let value = Reflect::get(&target, &"value".into()).ok()?.as_string()?;
    Some((form, name, value))
}

fn on_input(event: Event) {
    let Some((form, name, value)) = control_of(&event) else {
        return;
    };
    let said_in = form.query_selector("[data-said]").ok().flatten();
    let changed = with_page(|page| {
        if !page.dragging {
            // A change begins: every chart is made live first (a reader who moves a control
            // while the page is still loading), so that all their words follow it; and what
            // each chart says now is what a change would be said against.
            page.make_waiting(None);
            for chart in &mut page.charts {
                chart.said = chart.model.takeaway();
            }
        }
        page.said_in = said_in;
        let before = page.scenario;
        let result = apply_setting(&name, &value, &mut page.scenario);
        page.shown.notices(result.err().as_slice());
        page.shown.outputs(&page.scenario);
        let changed = page.scenario != before;
        page.stale |= changed;
        page.dragging |= changed;
        changed
    });
    if changed == Some(true) {
        frame_clock::request(on_frame_work);
    }
}

/// Sets every control and output to the scenario.
pub fn show_scenario(document: &Document, shown: &Shown, scenario: &Scenario) {
    for input in inputs(document, "force") {
        input.set_value(&scenario.force().to_string());
    }
    for input in inputs(document, "rotation") {
        input.set_value(&scenario.rotation().to_string());
    }
    for (name, value) in [
        ("share", sharing_name(scenario.sharing)),
        ("budget", measure_name(scenario.measure)),
        ("currency", currency_name(scenario.currency)),
        ("sort", order_name(scenario.order)),
    ] {
        for input in inputs(document, name) {
            input.set_checked(input.value() == value);
        }
    }
    let code = scenario.country.as_ref().map_or("", Country::code);
    for select in all(document, PICKER) {
        Reflect::set(&select, &"value".into(), &code.into()).ok();
    }
    shown.outputs(scenario);
}

/// Whether the page offers the country `code` (its picker has it; a page without one takes
/// any country of the figures).
#[must_use]
pub fn offers(document: &Document, code: &str) -> bool {
    let pickers = all(document, PICKER);
    pickers.is_empty()
        || pickers.iter().any(|p| {
            p.query_selector(&format!("option[value=\"{code}\"]"))
                .ok()
                .flatten()
                .is_some()
        })
}

/// The page's outputs (the sliders' values in words) and notice lines, found once.
pub struct Shown {
    force: Vec<Element>,
    rotation: Vec<Element>,
    /// The sliders, whose value text says their value with its unit.
    sliders: (Vec<HtmlInputElement>, Vec<HtmlInputElement>),
    notice_lines: Vec<Element>,
    /// The notices the lines say now.
    said: String,
    /// The values the outputs say now.
    values: RefCell<(String, String)>,
}

impl Shown {
    /// Finds them in `document`.
    #[must_use]
    pub fn find(document: &Document) -> Self {
        Self {
            force: all(document, "output[data-output=\"force\"]"),
            rotation: all(document, "output[data-output=\"rotation\"]"),
            sliders: (inputs(document, "force"), inputs(document, "rotation")),
            notice_lines: all(document, "[data-notice]"),
            said: String::new(),
            values: RefCell::default(),
        }
    }

    /// Writes the scenario's values into the outputs, where they changed.
    pub fn outputs(&self, scenario: &Scenario) {
        let mut values = self.values.borrow_mut();
        let (force, rotation) = &mut *values;
        for (lines, sliders, said, words, value_text) in [
            (
                &self.force,
                &self.sliders.0,
                force,
                thousands(f64::from(scenario.force())),
                troops(scenario.force()),
            ),
            (
                &self.rotation,
                &self.sliders.1,
                rotation,
                scenario.rotation().to_string(),
                units_per_deployed(scenario.rotation()),
            ),
        ] {
            if *said != words {
                for output in lines {
                    chart_words::rewrite_text(output, &words);
                }
                for slider in sliders {
                    slider.set_attribute("aria-valuetext", &value_text).ok();
                }
                *said = words;
            }
        }
    }

    /// Writes notices (or clears them, given none) into the notice lines, as text.
    pub fn notices(&mut self, notices: &[String]) {
        let words = notices.join(" ");
        if words == self.said {
            return;
        }
        for line in &self.notice_lines {
            line.set_text_content(Some(&words));
        }
        self.said = words;
    }
}

fn inputs(document: &Document, name: &str) -> Vec<HtmlInputElement> {
    all(
        document,
        &format!("form[data-controls] input[name=\"{name}\"]"),
    )
    .into_iter()
    .filter_map(|e| e.dyn_into().ok())
    .collect()
}

fn all(document: &Document, selector: &str) -> Vec<Element> {
    let Ok(list) = document.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect()
}

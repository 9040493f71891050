//! The scenario in the page's address: read once at start, rewritten when a control settles,
//! and handed to the loader as a link's query (`scenarioQuery`) when a reader takes a chart
//! away (the loader's share and download buttons).

#[cfg(not(feature = "take-away"))]
use wasm_bindgen::prelude::*;
use web_sys::Window;

use crate::model::scenario::Scenario;
use crate::model::scenario_url::{apply_query, to_query};

/// Applies the address's query to `scenario`; returns notices for what was ignored.
pub fn read(window: &Window, scenario: &mut Scenario) -> Vec<String> {
    let query = window.location().search().unwrap_or_default();
    apply_query(&query, scenario)
}

/// Rewrites the address so that it restores `scenario`, keeping the path and the fragment.
pub fn write(window: &Window, scenario: &Scenario, start: &Scenario) {
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{}{hash}", to_query(scenario, start));
    if let Ok(history) = window.history() {
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .ok();
    }
}

/// The query of the link to the reader's scenario now (`""` for the page's own, or before the
/// charts are mounted): the loader's "Share" and downloads hand it on.
#[cfg_attr(not(feature = "take-away"), wasm_bindgen(js_name = scenarioQuery))]
#[must_use]
pub fn scenario_query() -> String {
    crate::web::with_page(|page| to_query(&page.scenario, &page.start)).unwrap_or_default()
}

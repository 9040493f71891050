//! "Show the data" follows the reader: once their scenario changes a chart, its table lists the
//! numbers the chart now draws (captioned "your scenario") and its download link gives them as
//! CSV, made at the moment of the click. Back at the starting scenario, the table and the link
//! are the static page's again. Everything reaches the page as text.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::{Blob, BlobPropertyBag, Document, Element, Url};

use crate::catalogue::{ChartId, Model};
use crate::data_table::{self, AS_OPENED, YOURS};
use crate::web::listener::Listener;
use crate::web::with_page;

/// Marks a table that shows the reader's scenario.
const MARK: &str = "data-scenario";

/// Writes `model`'s rows into the figure's table, unless it already shows the starting
/// scenario and `model` is that scenario's.
pub fn write(document: &Document, figure: &Element, model: &Model, as_opened: bool) {
    let Ok(Some(table)) = figure.query_selector(".chart-table table") else {
        return;
    };
    if as_opened && !table.has_attribute(MARK) {
        return;
    }
    if let Ok(Some(caption)) = table.query_selector("caption") {
        // "<title> (as the page opens)" ⇄ "<title> (your scenario)".
        let words = caption.text_content().unwrap_or_default();
        let title = words.rfind('(').map_or(words.as_str(), |at| &words[..at]);
        let now = if as_opened { AS_OPENED } else { YOURS };
        caption.set_text_content(Some(&format!("{} ({now})", title.trim_end())));
    }
    if as_opened {
        table.remove_attribute(MARK).ok();
    } else {
        table.set_attribute(MARK, "yours").ok();
    }
    let Ok(Some(body)) = table.query_selector("tbody") else {
        return;
    };
    body.set_text_content(None);
    for row in data_table::rows(model) {
        let Ok(tr) = document.create_element("tr") else {
            return;
        };
        for (i, words) in row.iter().enumerate() {
            let Ok(cell) = document.create_element(if i == 0 { "th" } else { "td" }) else {
                return;
            };
            if i == 0 {
                cell.set_attribute("scope", "row").ok();
            }
            cell.set_text_content(Some(words));
            tr.append_child(&cell).ok();
        }
        body.append_child(&tr).ok();
    }
}

/// Makes the figure's CSV link give the reader's scenario when it differs from the start.
pub fn install_download(figure: &Element, id: ChartId) -> Option<Listener> {
    let link = figure.query_selector(".chart-data a[download]").ok()??;
    let static_href = link.get_attribute("href")?;
    let made: RefCell<Option<String>> = RefCell::new(None);
    let target = link.clone();
    Listener::on(link.as_ref(), "click", move |_| {
        // The link is set just before the browser follows it.
        let csv = with_page(|page| {
            let opening = page.opening(id);
            page.chart_mut(id)
                .filter(|c| opening.as_ref() != Some(&c.model))
                .map(|c| data_table::csv(&c.model))
        })
        .flatten();
        if let Some(old) = made.borrow_mut().take() {
            Url::revoke_object_url(&old).ok();
        }
        match csv.and_then(|csv| blob_url(&csv)) {
            Some(url) => {
                target.set_attribute("href", &url).ok();
                let name = format!("{}-your-scenario.csv", id.slug());
                target.set_attribute("download", &name).ok();
                *made.borrow_mut() = Some(url);
            }
            None => {
                target.set_attribute("href", &static_href).ok();
                target.set_attribute("download", "").ok();
            }
        }
    })
}

/// An object URL for `csv`, or `None` if the browser refuses.
fn blob_url(csv: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(csv));
    let options = BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

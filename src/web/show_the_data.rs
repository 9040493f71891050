//! "Show the data" follows the reader: once their scenario changes a chart, its table lists the
//! numbers the chart now draws (captioned "your scenario"), the first download link says that it
//! gives the starting data (the CSV files are the static page's), and a second one gives the
//! reader's scenario as CSV, written in the page. Back at the starting scenario, the table and
//! the links read as the static page's again. Everything reaches the page as text.

use web_sys::Element;

use crate::catalogue::Model;
use crate::data_table::{self, AS_OPENED, YOURS};

/// Marks a table that shows the reader's scenario.
const MARK: &str = "data-scenario";

/// Writes `model`'s rows into the figure's table, unless it already shows the starting
/// scenario and `model` is that scenario's. A scenario changes a chart's numbers, not how many
/// rows it has; should the count differ, the table is left as the page opened, and says so.
pub fn write(figure: &Element, model: &Model, as_opened: bool) {
    let Ok(Some(table)) = figure.query_selector(".chart-table table") else {
        return;
    };
    if as_opened && !table.has_attribute(MARK) {
        return;
    }
    let (Ok(rows), Ok(cells)) = (
        table.query_selector_all("tbody tr"),
        table.query_selector_all("tbody th, tbody td"),
    ) else {
        return;
    };
    let words = data_table::rows(model);
    let fits = words.len() == rows.length() as usize
        && words.len() * data_table::HEADINGS.len() == cells.length() as usize;
    let yours = fits && !as_opened;
    if fits {
        for (i, words) in words.iter().flatten().enumerate() {
            if let Some(cell) = u32::try_from(i).ok().and_then(|i| cells.item(i)) {
                cell.set_text_content(Some(words));
            }
        }
    }
    if let Ok(Some(caption)) = table.query_selector("caption") {
        // "<title> (as the page opens)" ⇄ "<title> (your scenario)".
        let words = caption.text_content().unwrap_or_default();
        let title = words.rfind('(').map_or(words.as_str(), |at| &words[..at]);
        let now = if yours { YOURS } else { AS_OPENED };
        caption.set_text_content(Some(&format!("{} ({now})", title.trim_end())));
    }
    if yours {
        table.set_attribute(MARK, "yours").ok();
    } else {
        table.remove_attribute(MARK).ok();
    }
    if let Ok(Some(link)) = figure.query_selector(".chart-data a") {
        link.set_text_content(Some(if yours {
            data_table::STARTING_DOWNLOAD
        } else {
            data_table::DOWNLOAD
        }));
    }
    show_your_download(figure, yours.then_some(model));
}

/// Shows the link to the reader's scenario as CSV, with `model`'s data, or hides it (`None`).
fn show_your_download(figure: &Element, model: Option<&Model>) {
    let Ok(Some(offer)) = figure.query_selector(".chart-data [data-yours]") else {
        return;
    };
    match model {
        Some(model) => {
            if let Ok(Some(link)) = offer.query_selector("a") {
                let address = data_table::csv_address(&data_table::csv(model));
                link.set_attribute("href", &address).ok();
            }
            offer.remove_attribute("hidden").ok();
        }
        None => {
            offer.set_attribute("hidden", "").ok();
        }
    }
}

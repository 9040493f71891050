//! "Show the data" follows the reader: once their scenario changes a chart, its table lists the
//! numbers the chart now draws (captioned "your scenario"), the first download link says that it
//! gives the starting data (the CSV files are the static page's), and a second one gives the
//! reader's scenario as CSV, which the second program writes when the reader follows it (the
//! loader asks it, as for an image). Back at the starting scenario, the table and
//! the links read as the static page's again. Everything reaches the page as text.

use web_sys::Element;

use crate::catalogue::Model;
use crate::data_table::{self, AS_OPENED, YOURS};

/// Marks a table that shows the reader's scenario.
const MARK: &str = "data-scenario";

/// Writes `model`'s rows into the figure's table, unless it already shows the starting
/// scenario and `model` is that scenario's, and its caption and download links. A scenario
/// changes a chart's numbers, not how many rows it has; should the count differ, the table is
/// left as the page opened, and says so. With `rows` false, only the links are written (a closed
/// table, which no one can read, is written when it opens).
pub fn write(figure: &Element, model: &Model, as_opened: bool, rows: bool) {
    let Ok(Some(table)) = figure.query_selector(".chart-table table") else {
        return;
    };
    let Ok(row_list) = table.query_selector_all("tbody tr") else {
        return;
    };
    let fits = model.data_bars().len() == row_list.length() as usize;
    let yours = fits && !as_opened;
    if rows && (!as_opened || table.has_attribute(MARK)) {
        write_rows(&table, model, fits, yours);
    }
    if let Ok(Some(link)) = figure.query_selector(".chart-data a") {
        let words = if yours {
            data_table::STARTING_DOWNLOAD
        } else {
            data_table::DOWNLOAD
        };
        if link.text_content().as_deref() != Some(words) {
            link.set_text_content(Some(words));
        }
    }
    show_your_download(figure, yours);
}

/// The table's cells, caption and mark for `model`.
fn write_rows(table: &Element, model: &Model, fits: bool, yours: bool) {
    let Ok(cells) = table.query_selector_all("tbody th, tbody td") else {
        return;
    };
    let words = data_table::rows(model);
    if fits && words.len() * data_table::HEADINGS.len() == cells.length() as usize {
        for (i, words) in words.iter().flatten().enumerate() {
            if let Some(cell) = u32::try_from(i).ok().and_then(|i| cells.item(i)) {
                cell.set_text_content(Some(words));
            }
        }
    }
    if let Ok(Some(caption)) = table.query_selector("caption") {
        // "<title> (as the page opens)" ⇄ "<title> (your scenario)".
        let words = caption.text_content().unwrap_or_default();
        let title = words
            .rfind('(')
            .and_then(|at| words.get(..at))
            .unwrap_or(&words);
        let now = if yours { YOURS } else { AS_OPENED };
        caption.set_text_content(Some(&format!("{} ({now})", title.trim_end())));
    }
    if yours {
        table.set_attribute(MARK, "yours").ok();
    } else {
        table.remove_attribute(MARK).ok();
    }
}

/// Shows the link to the reader's scenario as CSV, or hides it (the loader has the second
/// program write the file when the reader follows it).
fn show_your_download(figure: &Element, yours: bool) {
    if let Ok(Some(offer)) = figure.query_selector(YOURS_OFFER) {
        if offer.has_attribute("hidden") == yours {
            offer.toggle_attribute_with_force("hidden", !yours).ok();
        }
    }
}

/// The offer of the reader's scenario as CSV.
pub const YOURS_OFFER: &str = ".chart-data [data-yours]";

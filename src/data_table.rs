//! The data behind a chart as rows of words (figure, value, kind, year, source) and as CSV:
//! the "Show the data" table and the download, written the same way for the static page and
//! for the reader's own scenario in the browser.

use crate::catalogue::Model;

/// The table's caption ends with one of these, in brackets: the starting scenario's numbers,
/// or the reader's.
pub const AS_OPENED: &str = "as the page opens";
/// See [`AS_OPENED`].
pub const YOURS: &str = "your scenario";

/// The words of a chart's CSV link.
pub const DOWNLOAD: &str = "Download the data (CSV)";
/// The words of the link once the table shows the reader's scenario: the file does not.
pub const STARTING_DOWNLOAD: &str = "Download the starting data (CSV)";

/// The table's column headings, in the order of [`rows`].
pub const HEADINGS: [&str; 5] = ["Figure", "Value", "Kind", "Year", "Source"];

/// One row per bar: what it measures, its value as shown, its kind, its year and its source.
#[must_use]
pub fn rows(model: &Model) -> Vec<[String; 5]> {
    model
        .bars()
        .into_iter()
        .map(|bar| {
            [
                bar.label.clone(),
                bar.value_text(),
                bar.kind.words().to_string(),
                bar.years.clone(),
                bar.source.clone(),
            ]
        })
        .collect()
}

/// The chart's data as CSV, one row per bar, with the source columns.
#[must_use]
pub fn csv(model: &Model) -> String {
    let mut out = String::from("id,label,value,value_as_shown,unit,kind,year,source,note\n");
    for bar in model.bars() {
        let row = [
            bar.id.clone(),
            bar.label.clone(),
            bar.value.map_or(String::new(), |v| v.to_string()),
            bar.value_text(),
            bar.unit.key().to_string(),
            bar.kind.words().to_string(),
            bar.years.clone(),
            bar.source.clone(),
            bar.note.clone().unwrap_or_default(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

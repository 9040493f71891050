//! The data behind a chart as rows of words (figure, value, kind, year, source) and as CSV:
//! the "Show the data" table and the download, written the same way for the static page and
//! for the reader's own scenario in the browser.

use crate::catalogue::Model;
use crate::model::panel::Bar;
use crate::model::wording::decimal;

/// The table's caption ends with one of these, in brackets: the starting scenario's numbers,
/// or the reader's.
pub const AS_OPENED: &str = "as the page opens";
/// See [`AS_OPENED`].
pub const YOURS: &str = "your scenario";

/// The words of a chart's CSV link.
pub const DOWNLOAD: &str = "Download the data (CSV)";
/// The words of the link once the table shows the reader's scenario: the file does not.
pub const STARTING_DOWNLOAD: &str = "Download the starting data (CSV)";

/// The words of the link to the reader's own scenario as CSV, shown while the table shows it.
pub const YOUR_DOWNLOAD: &str = "Download your scenario (CSV)";

/// The table's column headings, in the order of [`rows`].
pub const HEADINGS: [&str; 7] = [
    "Figure",
    "Value",
    "What it counts",
    "Kind",
    "Year",
    "Source",
    "Note",
];

/// One row per data row the chart draws (bars, annotations' lines and bands): its label, its
/// value as shown, what it counts, its kind, its year, its source and its notes.
#[must_use]
pub fn rows(model: &Model) -> Vec<[String; 7]> {
    model
        .data_bars()
        .into_iter()
        .map(|bar| {
            [
                bar.label.clone(),
                bar.value_text(),
                bar.measure.name.clone(),
                bar.kind.words().to_string(),
                bar.years.clone(),
                bar.source.clone(),
                remarks(&bar),
            ]
        })
        .collect()
}

/// A bar's note and the words the chart writes under it, each once.
fn remarks(bar: &Bar) -> String {
    match (&bar.note, &bar.annotation) {
        (Some(note), Some(under)) if note != under => format!("{note}. {under}"),
        (Some(note), _) => note.clone(),
        (None, Some(under)) => under.clone(),
        (None, None) => String::new(),
    }
}

/// The chart's data as CSV, one row per bar, with the source columns.
#[must_use]
pub fn csv(model: &Model) -> String {
    let mut out = String::from(
        "id,label,value_from,value,bound,value_as_shown,unit,measure,kind,year,source,note\n",
    );
    for bar in model.data_bars() {
        // Six places keep every figure as the file gives it and a computed value to a
        // millionth.
        let number = |v: Option<f64>| v.map_or(String::new(), |v| decimal(v, 6));
        let row = [
            bar.id.clone(),
            bar.label.clone(),
            number(bar.from),
            number(bar.value),
            bar.bound.words().trim().to_string(),
            bar.value_text(),
            bar.unit.key().to_string(),
            bar.measure.name.clone(),
            bar.kind.words().to_string(),
            bar.years.clone(),
            bar.source.clone(),
            remarks(&bar),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// `csv` as a `data:` address that a link can download: UTF-8, every byte but letters, digits
/// and `-_.~,` percent-encoded (so that a `#` or a line break cannot end or break the address).
#[must_use]
pub fn csv_address(csv: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::from("data:text/csv;charset=utf-8,");
    for byte in csv.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~,".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            for nibble in [byte >> 4, byte & 15] {
                out.push(char::from(
                    HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
                ));
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Percent-decoding, as the browser does before saving the file.
    fn decoded(address: &str) -> Vec<u8> {
        let body = address
            .strip_prefix("data:text/csv;charset=utf-8,")
            .unwrap_or_default()
            .as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(&b) = body.get(i) {
            if b == b'%' {
                let hex = std::str::from_utf8(body.get(i + 1..i + 3).unwrap_or_default())
                    .unwrap_or_default();
                out.push(u8::from_str_radix(hex, 16).unwrap_or_default());
                i += 3;
            } else {
                out.push(b);
                i += 1;
            }
        }
        out
    }

    #[test]
    fn a_csv_address_gives_back_the_csv_and_nothing_can_cut_it_short() {
        let csv = "id,label\nall,\"All \u{2014} 3,418,600 # active, 100%\"\r\n€,~x_y.z-1 2\n";
        let address = csv_address(csv);
        assert!(address.starts_with("data:text/csv;charset=utf-8,"));
        assert_eq!(decoded(&address), csv.as_bytes());
        let body = address.trim_start_matches("data:text/csv;charset=utf-8,");
        for raw in ['#', '\n', '\r', ' ', '"', '€'] {
            assert!(!body.contains(raw), "{raw:?} left raw in {body}");
        }
    }
}

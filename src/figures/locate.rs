//! Where a reading error lies, for a reader that does not track paths as it reads (the browser's):
//! each section of the file, and each item of a list or map section, can be read on its own,
//! so that the caller can narrow a failure down to `figures[6]` and then to the field at fault.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{ChartSpec, Figure, MeasureSpec, Place, Source};

/// The sections of the file that the program reads, in the order an error is looked for.
pub const SECTIONS: [&str; 5] = ["sources", "measures", "places", "figures", "charts"];

/// A reading error in an editor's words: the browser's own errors start "Error: ", which the
/// figure's status says already.
#[must_use]
pub fn message(error: &impl std::fmt::Display) -> String {
    let text = error.to_string();
    text.strip_prefix("Error: ").unwrap_or(&text).to_string()
}

/// Reads the section `name` of the file on its own: `None` for a name that is no section,
/// otherwise whether it reads, with the error's message if not.
pub fn read_section<'de, D: serde::Deserializer<'de>>(
    name: &str,
    de: D,
) -> Option<Result<(), String>> {
    let read = match name {
        "sources" => BTreeMap::<String, Source>::deserialize(de).map(drop),
        "measures" => BTreeMap::<String, MeasureSpec>::deserialize(de).map(drop),
        "places" => Vec::<Place>::deserialize(de).map(drop),
        "figures" => Vec::<Figure>::deserialize(de).map(drop),
        "charts" => Vec::<ChartSpec>::deserialize(de).map(drop),
        _ => return None,
    };
    Some(read.map_err(|e| message(&e)))
}

/// Reads one item of the list or map section `name` (a figure, a place, a source, a measure, a
/// chart):
/// `None` for a section whose items have no type of their own.
pub fn read_item<'de, D: serde::Deserializer<'de>>(
    name: &str,
    de: D,
) -> Option<Result<(), String>> {
    let read = match name {
        "sources" => Source::deserialize(de).map(drop),
        "measures" => MeasureSpec::deserialize(de).map(drop),
        "places" => Place::deserialize(de).map(drop),
        "figures" => Figure::deserialize(de).map(drop),
        "charts" => ChartSpec::deserialize(de).map(drop),
        _ => return None,
    };
    Some(read.map_err(|e| message(&e)))
}

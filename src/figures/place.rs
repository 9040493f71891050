//! A place on the map, by its approximate coordinates and their source: distances between
//! places are computed by the program, never typed in.

use serde::Deserialize;

/// One place.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Stable identifier, used by the charts and the claims.
    pub id: String,
    /// The place in a reader's words: "Lviv", "the Belarus border north of Kyiv".
    pub label: String,
    /// Degrees north.
    pub lat: f64,
    /// Degrees east.
    pub lon: f64,
    /// Key into the file's `sources`.
    pub source: String,
    /// The year the source gives.
    pub year: u16,
    /// A remark a reader should see with the place.
    #[serde(default)]
    pub note: Option<String>,
}

/// A straight line between two places of the file, by their ids.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Where the line starts.
    pub from: String,
    /// Where it ends.
    pub to: String,
}

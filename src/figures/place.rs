//! A place on the map, by its coordinates (to two decimals) and their source, and a route between two
//! places: distances are computed by the program, never typed in.

use serde::Deserialize;

/// One place.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Stable identifier, used by the charts and the claims.
    pub id: String,
    /// The place in a reader's words: "the capital", "the border north of the capital".
    pub label: String,
    /// Degrees north.
    pub lat: f64,
    /// Degrees east.
    pub lon: f64,
    /// Key into the file's `sources`.
    pub source: String,
    /// The year the source gives, if it gives one (a city's coordinates have none).
    #[serde(default)]
    pub year: Option<u16>,
    /// A remark a reader should see with the place.
    #[serde(default)]
    pub note: Option<String>,
}

/// A route's two ends, from a pair of place ids as the file writes it (`["from", "to"]`);
/// `None` unless it has exactly two.
#[must_use]
pub fn route(pair: &[String]) -> Option<(&str, &str)> {
    match pair {
        [from, to] => Some((from, to)),
        _ => None,
    }
}

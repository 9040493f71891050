//! The countries the story's figures and maps name: each by its three-letter code (ISO 3166-1
//! alpha-3, as the world atlas keys its shapes), with its name in the reader's words and its
//! two-letter code (alpha-2), the region a browser's language may name ("pl-PL").

use serde::Deserialize;

/// One country.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct CountrySpec {
    /// Its name, as the page writes it.
    pub name: String,
    /// Its two-letter code.
    pub region: String,
}

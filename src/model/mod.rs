//! Pure arithmetic in the article's terms: shares of armies, sharing a force, ranked budgets,
//! the coalition's growth, capability gaps, industry, distances and flight times, the claims
//! check, the reader's scenario and its link, axis ranges and the words that state numbers.
//! Nothing here draws or touches the browser.

pub mod axis;
pub mod budgets;
pub mod capability;
pub mod claims;
pub mod coalition;
pub mod distance;
pub mod force_scenario;
pub mod force_sharing;
pub mod geography;
pub mod industry;
pub mod intelligence;
pub mod panel;
pub mod scenario;
pub mod scenario_url;
pub mod troop_share;
pub mod wording;

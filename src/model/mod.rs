//! Pure arithmetic: panels of bars as the figures file declares them, and the small models of
//! the chart kinds that compute their own values (a force's share of armies, a force shared and
//! rotated, budgets in currencies, a unit chart, distances and flight times), the claims check,
//! the reader's scenario and its link, the annotations a chart declares, axis ranges, sentences and numbers in words, and how hard a sentence is to read. Nothing
//! here draws or touches the browser.

pub mod annotation;
pub mod axis;
pub mod bar_panels;
pub mod budgets;
pub mod claims;
pub mod distance;
pub mod flight_times;
pub mod force_map;
pub mod force_scenario;
pub mod force_sharing;
pub mod guess;
pub mod panel;
pub mod reach_map;
pub mod reader_country;
pub mod reading_level;
pub mod scenario;
pub mod scenario_url;
pub mod template;
pub mod troop_share;
pub mod unit_chart;
pub mod wording;

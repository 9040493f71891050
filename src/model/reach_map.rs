//! How far and how fast, on a map: the rows of a flight time chart (a distance the article
//! gives, the straight lines between its places, the range, and the least flight times over
//! them), each drawn where it lies: a line between its places, the range as its ring around the
//! places it starts from. A distance the map cannot place (one from a line it has no figure for)
//! is said under the map instead.

use crate::figures::{DataError, Figures, ReachMapSpec};
use crate::model::flight_times::FlightTimes;

/// Everything the map of reach needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ReachMap {
    /// The slug of its chart (the name of its sheet in the maps' file).
    pub chart: String,
    /// The flight time chart's model: its panels are the map's rows.
    pub flights: FlightTimes,
    /// The map's window, places and where its range starts.
    pub spec: ReachMapSpec,
    /// The id of the range's figure.
    pub range: String,
    /// Each route's id and its two places.
    pub routes: Vec<(String, String, String)>,
    /// The places the map names, each with its name.
    pub names: Vec<(String, String)>,
    /// The countries it may name where there is room, each code with its name.
    pub countries: Vec<(String, String)>,
}

impl ReachMap {
    /// Builds the map's model from the flight time chart it names.
    ///
    /// # Errors
    /// A [`DataError`] if the chart it names is no flight time chart, or a figure is missing.
    pub fn from_figures(figures: &Figures, spec: &ReachMapSpec) -> Result<Self, DataError> {
        let part = figures
            .charts()
            .iter()
            .find(|c| c.slug == spec.flights)
            .and_then(|c| c.flight_times.as_ref())
            .ok_or_else(|| {
                DataError::new(
                    "reach_map.flights",
                    format!("no flight time chart “{}”", spec.flights),
                )
            })?;
        let routes = part
            .routes
            .iter()
            .filter_map(|pair| match pair.as_slice() {
                [from, to] => Some((format!("route.{from}.{to}"), from.clone(), to.clone())),
                _ => None,
            })
            .collect();
        let mut names = Vec::with_capacity(spec.places.len());
        for id in &spec.places {
            names.push((id.clone(), figures.place(id)?.label.clone()));
        }
        Ok(Self {
            chart: String::new(),
            names,
            countries: figures
                .countries()
                .map(|(code, c)| (code.clone(), c.name.clone()))
                .collect(),
            flights: FlightTimes::from_figures(figures, part)?,
            spec: spec.clone(),
            range: part.range.clone(),
            routes,
        })
    }
}

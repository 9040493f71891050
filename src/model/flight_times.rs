//! Distances and flight times: a distance the article gives, straight lines between places, a
//! range, and the flight times over them at a speed (from a peak speed, the least a
//! flight can take) against the article's time.

use crate::figures::{DataError, Figures, FlightTimesSpec, Unit};
use crate::model::distance::route_bar;
use crate::model::panel::{Bar, Panel};

/// The id of the row of the flight over the distance whose row's id is `distance`.
#[must_use]
pub fn flight_id(distance: &str) -> String {
    format!("flight.{distance}")
}

/// Minutes to fly `km` at `km_per_h`.
#[must_use]
pub fn flight_minutes(km: f64, km_per_h: f64) -> Option<f64> {
    (km.is_finite() && km_per_h.is_finite() && km_per_h > 0.0 && km >= 0.0)
        .then(|| km / km_per_h * 60.0)
}

/// Everything the flight-times chart needs.
#[derive(Debug, Clone, PartialEq)]
pub struct FlightTimes {
    /// Distances, then flight times.
    pub panels: Vec<Panel>,
    /// The longest flight time drawn, in minutes.
    pub longest_minutes: Option<f64>,
    /// The article's minutes.
    pub claim: Bar,
    /// The speed the times are computed at.
    pub speed: Bar,
}

impl FlightTimes {
    /// Builds the chart's model.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing.
    pub fn from_figures(figures: &Figures, spec: &FlightTimesSpec) -> Result<Self, DataError> {
        let staging = Bar::of(figures.get(&spec.staging)?, figures);
        // A loop, not a collected iterator of results: one generic adapter less in the wasm.
        let mut cities = Vec::with_capacity(spec.routes.len());
        for route in &spec.routes {
            cities.push(route_bar(route, figures)?);
        }
        let range = Bar::of(figures.get(&spec.range)?, figures);
        let speed = Bar::of(figures.get(&spec.speed)?, figures);
        let claim = Bar::of(figures.get(&spec.claim_minutes)?, figures);
        let mut distances = vec![staging];
        distances.extend(cities.iter().cloned());
        distances.push(range.clone());
        let flights: Vec<Bar> = cities
            .iter()
            .chain(std::iter::once(&range))
            .map(|d| {
                let mut bar = Bar::derived(
                    flight_id(&d.id),
                    format!("Flight over {} ({})", d.label, d.bare_value_text()),
                    d.value
                        .zip(speed.value)
                        .and_then(|(km, v)| flight_minutes(km, v)),
                    Unit::Minutes,
                    speed.measure.time_at(),
                    d.years.clone(),
                    format!("{} ÷ {} × 60", d.bare_value_text(), speed.bare_value_text()),
                );
                // Dividing by a peak speed gives a floor on the time.
                bar.bound = speed.bound.inverse();
                bar
            })
            .collect();
        let longest_minutes = flights.iter().filter_map(|b| b.value).reduce(f64::max);
        Ok(Self {
            panels: vec![
                Panel::new("Distances, kilometres".into(), Unit::Km, distances),
                Panel::new(
                    format!(
                        "Flight time at the {} of {}, minutes",
                        speed.measure.name,
                        speed.bare_value_text()
                    ),
                    Unit::Minutes,
                    flights,
                ),
            ],
            longest_minutes,
            claim,
            speed,
        })
    }

    /// Each flight in words: "at least 1.5 min for A to B (187 km)".
    fn flights(&self) -> String {
        // Flights are drawn for each distance after the article's own (the first).
        let (Some(distances), Some(flights)) = (self.panels.first(), self.panels.get(1)) else {
            return String::new();
        };
        distances
            .bars
            .iter()
            .skip(1)
            .zip(&flights.bars)
            .map(|(d, f)| format!("{} for {} ({})", f.value_text(), d.label, d.value_text()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The kind's own takeaway.
    #[must_use]
    pub fn takeaway(&self) -> String {
        format!(
            "At its {} of {}, a flight would take {}; the article gives {}.",
            self.speed.measure.name,
            self.speed.bare_value_text(),
            self.flights(),
            self.claim.value_text()
        )
    }

    /// The values a takeaway template may name: `flights` (each in words), `speed` (its value
    /// without its bound), `speed.measure`, and each bar's and the speed's and the article's
    /// (see [`bar_value`](crate::model::bar_panels::bar_value)).
    #[must_use]
    pub fn value(&self, name: &str) -> Option<String> {
        match name {
            "flights" => Some(self.flights()),
            "speed" => Some(self.speed.bare_value_text()),
            "speed.measure" => Some(self.speed.measure.name.clone()),
            _ => {
                let mut bars: Vec<&Bar> = self.panels.iter().flat_map(|p| p.bars.iter()).collect();
                bars.push(&self.speed);
                bars.push(&self.claim);
                crate::model::bar_panels::bar_value(&bars, name)
            }
        }
    }
}

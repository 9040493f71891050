//! Geography as distances: the article's 200 km, Lviv's and Kyiv's distances to Belarus, the
//! Iskander's range, and its flight times at the reported speed against the article's
//! "15-minute strike range".

use crate::figures::{DataError, Figures, Unit};
use crate::model::distance::route_bar;
use crate::model::panel::{Bar, Marker, Panel};
use crate::model::wording;

/// Minutes to fly `km` at `km_per_h`.
#[must_use]
pub fn flight_minutes(km: f64, km_per_h: f64) -> Option<f64> {
    (km.is_finite() && km_per_h.is_finite() && km_per_h > 0.0 && km >= 0.0)
        .then(|| km / km_per_h * 60.0)
}

/// Everything the geography chart needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Geography {
    /// Distances, then flight times.
    pub panels: Vec<Panel>,
    /// The longest flight time drawn, in minutes.
    pub longest_minutes: Option<f64>,
    /// The article's minutes.
    pub claim: Bar,
    /// The speed the times are computed at.
    pub speed: Bar,
}

impl Geography {
    /// Builds the chart's model.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing.
    pub fn from_figures(figures: &Figures) -> Result<Self, DataError> {
        let spec = &figures.charts().geography;
        let staging = Bar::of(figures.get(&spec.staging)?, figures);
        let cities = spec
            .routes
            .iter()
            .map(|r| route_bar(r, figures))
            .collect::<Result<Vec<_>, _>>()?;
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
                    format!("flight.{}", d.id),
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
        let marker = claim.value.map(|value| Marker {
            value,
            label: format!(
                "Article: “{}-minute strike range”",
                wording::decimal(value, 1)
            ),
            kind: claim.kind,
        });
        Ok(Self {
            panels: vec![
                Panel::new("Distances, kilometres".into(), Unit::Km, distances, None),
                Panel::new(
                    format!(
                        "Flight time at the {} of {}, minutes",
                        speed.measure.name,
                        speed.bare_value_text()
                    ),
                    Unit::Minutes,
                    flights,
                    marker,
                ),
            ],
            longest_minutes,
            claim,
            speed,
        })
    }

    /// The chart's takeaway, computed.
    #[must_use]
    pub fn takeaway(&self) -> String {
        // Flights are drawn for each distance after the article's own (the first).
        let (Some(distances), Some(flights)) = (self.panels.first(), self.panels.get(1)) else {
            return "Distances and flight times.".into();
        };
        let places = distances.bars.iter().skip(1);
        let pairs: Vec<String> = places
            .zip(&flights.bars)
            .map(|(d, f)| format!("{} for {} ({})", f.value_text(), d.label, d.value_text()))
            .collect();
        format!(
            "At its {} of {} an Iskander would need {}; the article speaks of a {}-minute strike range.",
            self.speed.measure.name,
            self.speed.bare_value_text(),
            pairs.join(", "),
            self.claim.value.map_or_else(|| "no".to_string(), |v| wording::decimal(v, 1))
        )
    }
}

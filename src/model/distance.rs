//! Straight-line distances between places of the figures file, computed from their approximate
//! coordinates on a sphere of the Earth's mean radius.

use crate::figures::{DataError, Figures, Measure, Place, Route, Unit};
use crate::model::panel::Bar;
use crate::model::wording::decimal;

/// The Earth's mean radius, in km (IUGG).
const EARTH_RADIUS_KM: f64 = 6371.0;

/// The great-circle distance between two points given in degrees, in km (haversine formula).
#[must_use]
pub fn great_circle_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let half_dlat = (b.0 - a.0).to_radians() / 2.0;
    let half_dlon = (b.1 - a.1).to_radians() / 2.0;
    let h = half_dlat.sin().powi(2) + lat1.cos() * lat2.cos() * half_dlon.sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// A place's coordinates in words: "49.84 N 24.03 E".
#[must_use]
pub fn coordinates(place: &Place) -> String {
    let ns = if place.lat < 0.0 { "S" } else { "N" };
    let ew = if place.lon < 0.0 { "W" } else { "E" };
    format!(
        "{} {ns} {} {ew}",
        decimal(place.lat.abs(), 2),
        decimal(place.lon.abs(), 2)
    )
}

/// A route as a derived bar: its length, with the coordinates and their sources as arithmetic.
///
/// # Errors
/// A [`DataError`] if either place is missing.
pub fn route_bar(route: &Route, figures: &Figures) -> Result<Bar, DataError> {
    let (from, to) = (figures.place(&route.from)?, figures.place(&route.to)?);
    let km = great_circle_km((from.lat, from.lon), (to.lat, to.lon));
    let mut sources = vec![figures.source_name(&from.source)];
    let other = figures.source_name(&to.source);
    if !sources.contains(&other) {
        sources.push(other);
    }
    let years = if from.year == to.year {
        from.year.to_string()
    } else {
        format!("{}–{}", from.year.min(to.year), from.year.max(to.year))
    };
    let mut bar = Bar::derived(
        format!("route.{}.{}", from.id, to.id),
        format!("{} to {}", from.label, to.label),
        Some(km),
        Unit::Km,
        Measure::derived(
            "straight-line distance".into(),
            "The great-circle distance between two points, from their approximate coordinates."
                .into(),
        ),
        years,
        format!(
            "great-circle distance from {} to {} (approximate coordinates: {})",
            coordinates(from),
            coordinates(to),
            sources.join("; ")
        ),
    );
    bar.note = [&from.note, &to.note]
        .into_iter()
        .flatten()
        .cloned()
        .reduce(|a, b| format!("{a}; {b}"));
    Ok(bar)
}

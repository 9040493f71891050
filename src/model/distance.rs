//! Straight-line distances between places of the figures file, computed from their coordinates
//! (to two decimals) on a sphere of the Earth's mean radius.
//!
//! The distances here are a few hundred kilometres, over which a flat map of the area
//! (equirectangular: a degree of longitude shrunk by the cosine of the latitude) is within
//! 0.1% of the great circle (tested natively against the haversine formula). That needs one
//! cosine of an angle under 90°, written here as its series: the library's general `cos`, with
//! its reduction of any angle, would add 3 KB gzip to the wasm.

use crate::figures::{route, DataError, Figures, Measure, Place, Unit};
use crate::model::panel::Bar;
use crate::model::wording::decimal;

/// The Earth's mean radius, in km (IUGG).
const EARTH_RADIUS_KM: f64 = 6371.0;

/// The distance between two points given in degrees (latitude, longitude), in km, on a flat
/// map of the area around them: for the few hundred kilometres this page measures, within 0.1%
/// of the great circle.
#[must_use]
pub fn straight_line_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let mean_lat = ((a.0 + b.0) / 2.0).to_radians();
    let north = (b.0 - a.0).to_radians();
    let east = (b.1 - a.1).to_radians() * cos_within_quarter_turn(mean_lat);
    EARTH_RADIUS_KM * (north * north + east * east).sqrt()
}

/// cos x for |x| ≤ π/2 (a latitude), from its Taylor series to x¹⁸: the error is under 1e-12.
fn cos_within_quarter_turn(x: f64) -> f64 {
    let x2 = x * x;
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 1..=9_u32 {
        let k = f64::from(2 * n);
        term *= -x2 / (k * (k - 1.0));
        sum += term;
    }
    sum
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

/// A route (a pair of place ids) as a derived bar: its length, with the coordinates and their
/// sources as arithmetic.
///
/// # Errors
/// A [`DataError`] if the pair is not two ids of places of the file.
pub fn route_bar(pair: &[String], figures: &Figures) -> Result<Bar, DataError> {
    let (from, to) =
        route(pair).ok_or_else(|| DataError::new("routes", "a route is a pair of place ids"))?;
    let (from, to) = (figures.place(from)?, figures.place(to)?);
    let km = straight_line_km((from.lat, from.lon), (to.lat, to.lon));
    let mut sources = vec![figures.source_name(&from.source)];
    let other = figures.source_name(&to.source);
    if !sources.contains(&other) {
        sources.push(other);
    }
    let years = match (from.year, to.year) {
        (Some(a), Some(b)) if a != b => format!("{}–{}", a.min(b), a.max(b)),
        (Some(year), _) | (None, Some(year)) => year.to_string(),
        (None, None) => String::new(),
    };
    let mut bar = Bar::derived(
        format!("route.{}.{}", from.id, to.id),
        format!("{} to {}", from.label, to.label),
        Some(km),
        Unit::Km,
        Measure::derived(
            "straight-line distance".into(),
            "The distance between two points in a straight line over the ground, from their coordinates to two decimals."
                .into(),
        ),
        years,
        format!(
            "straight line from {} to {} (coordinates to two decimals: {})",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_series_is_the_cosine_over_every_latitude() {
        for tenth in -900..=900 {
            let x = (f64::from(tenth) / 10.0).to_radians();
            assert!((cos_within_quarter_turn(x) - x.cos()).abs() < 1e-12, "{x}");
        }
    }

    /// The haversine formula, with the library's trigonometry.
    fn great_circle_km(a: (f64, f64), b: (f64, f64)) -> f64 {
        let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
        let half_dlat = (b.0 - a.0).to_radians() / 2.0;
        let half_dlon = (b.1 - a.1).to_radians() / 2.0;
        let h = half_dlat.sin().powi(2) + lat1.cos() * lat2.cos() * half_dlon.sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
    }

    #[test]
    fn within_a_thousandth_of_the_great_circle_up_to_600_km_around_ukraine() {
        let mut checked = 0;
        for lat in (440..=560).step_by(20) {
            for dlat in (-30..=30).step_by(5) {
                for dlon in (-50..=50).step_by(5) {
                    let a = (f64::from(lat) / 10.0, 30.0);
                    let b = (a.0 + f64::from(dlat) / 10.0, 30.0 + f64::from(dlon) / 10.0);
                    let exact = great_circle_km(a, b);
                    if !(1.0..=600.0).contains(&exact) {
                        continue;
                    }
                    let flat = straight_line_km(a, b);
                    assert!(
                        (flat - exact).abs() / exact < 1e-3,
                        "{a:?} {b:?}: {flat} vs {exact}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 500, "{checked} pairs checked");
    }
}

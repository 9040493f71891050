//! Lambert's azimuthal equal-area projection on the sphere: areas on the map are in proportion
//! to areas on the ground, as a map that colours countries by a share must be (a large country
//! must not look larger than it is). Centred on the middle of the map's window, where it is true
//! to shape; over a window the size of a continent its shapes stay close. Kilometres east and north of the centre. Native
//! only: the build projects the shapes and places, so the browser needs no trigonometry.

/// The Earth's mean radius, in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// The projection centred at a longitude and latitude, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EqualArea {
    lon0: f64,
    sin_lat0: f64,
    cos_lat0: f64,
}

impl EqualArea {
    /// Centred at `(lon, lat)` in degrees.
    #[must_use]
    pub fn centred_at((lon, lat): (f64, f64)) -> Self {
        let lat0 = lat.to_radians();
        Self {
            lon0: lon.to_radians(),
            sin_lat0: lat0.sin(),
            cos_lat0: lat0.cos(),
        }
    }

    /// `(lon, lat)` in degrees as kilometres east and north of the centre; `None` for the one
    /// point the projection cannot show (the centre's antipode).
    #[must_use]
    pub fn project(&self, (lon, lat): (f64, f64)) -> Option<(f64, f64)> {
        let (phi, dl) = (lat.to_radians(), lon.to_radians() - self.lon0);
        let (sin_phi, cos_phi, cos_dl) = (phi.sin(), phi.cos(), dl.cos());
        let denominator = 1.0 + self.sin_lat0 * sin_phi + self.cos_lat0 * cos_phi * cos_dl;
        if denominator <= 1e-12 {
            return None;
        }
        let k = (2.0 / denominator).sqrt();
        let x = EARTH_RADIUS_KM * k * cos_phi * dl.sin();
        let y = EARTH_RADIUS_KM * k * (self.cos_lat0 * sin_phi - self.sin_lat0 * cos_phi * cos_dl);
        Some((x, y))
    }
}

/// The point `distance_km` from `(lon, lat)` along the bearing `bearing` (degrees clockwise from
/// north), on the sphere: for drawing a range as the circle of points at that distance.
#[must_use]
pub fn destination((lon, lat): (f64, f64), bearing: f64, distance_km: f64) -> (f64, f64) {
    let (phi1, lambda1, theta) = (lat.to_radians(), lon.to_radians(), bearing.to_radians());
    let delta = distance_km / EARTH_RADIUS_KM;
    let sin_phi2 = phi1.sin() * delta.cos() + phi1.cos() * delta.sin() * theta.cos();
    let phi2 = sin_phi2.clamp(-1.0, 1.0).asin();
    let lambda2 = lambda1
        + (theta.sin() * delta.sin() * phi1.cos()).atan2(delta.cos() - phi1.sin() * sin_phi2);
    (lambda2.to_degrees(), phi2.to_degrees())
}

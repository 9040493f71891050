//! How tall each chart's frame is, for every window and every usual text size. The figures file
//! declares a chart's height at the widest frame; on a narrower screen, or in larger type, its
//! words wrap onto more lines (they are never cut), and the frame there is as tall as the chart
//! then needs, in the scenario the page opens with and in every extreme the controls reach (the
//! smallest and the largest force, each sharing rule and rotation, each way of showing the
//! budgets), so that nothing moves when it is drawn or when a reader uses the controls.
//!
//! The style sheet sizes frames in rem, by ranges of window widths also in rem: a window's width
//! in rem, with the reader's text set larger, is smaller, so a phone read in large type falls in
//! a range of its own. For each range the height is the most any usual text size (from the
//! browser's 16 px to twice that) needs at the narrowest window the range holds; past twice, the
//! page makes a frame taller where its chart asks. Native only: the build writes the heights.

use crate::catalogue::{ChartId, Model, PHONE_WIDTH};
use crate::charts::theme::{Palette, Theme};
use crate::figures::{ChartSpec, Figures};
use crate::model::guess::Guess;
use crate::model::scenario::{
    Currency, Measure, Order, Scenario, Sharing, FORCE_RANGE, ROTATION_RANGE,
};
use crate::static_svg;

/// The ranges of window widths the style sheet sizes, narrowest first, each by the widest
/// window it holds, in rem (`max-width`); the last holds every wider window.
pub const RANGES_REM: [Option<u32>; 6] = [Some(13), Some(18), Some(24), Some(32), Some(40), None];

/// The reader's text sizes, against the usual 16 px, that no frame grows for.
pub const TEXT_SIZES: [f64; 4] = [1.0, 1.25, 1.5, 2.0];

/// The narrowest window the page is laid out for, in CSS pixels (a small phone's).
pub const NARROWEST_WINDOW: f64 = 320.0;

/// The page's margin beside a chart, each side, in rem; and the widest frame, in rem.
const MARGIN_REM: f64 = 1.0;
const WIDEST_FRAME_REM: f64 = 38.0;

/// A chart's frame height in each of [`RANGES_REM`], in rem.
pub type Heights = [f64; 6];

/// The frame's width, in CSS pixels, in a window `window` pixels wide with the reader's text `t`
/// times the usual.
#[must_use]
pub fn frame_width(window: f64, t: f64) -> f64 {
    (window - 2.0 * MARGIN_REM * 16.0 * t).min(WIDEST_FRAME_REM * 16.0 * t)
}

/// Which of [`RANGES_REM`] a window `window` CSS pixels wide falls in, with text `t` times the
/// usual.
#[must_use]
pub fn range_of(window: f64, t: f64) -> usize {
    let rem = window / (16.0 * t);
    RANGES_REM
        .iter()
        .position(|widest| widest.is_none_or(|w| rem <= f64::from(w)))
        .unwrap_or(RANGES_REM.len() - 1)
}

/// The frame's height, in CSS pixels, in a window `window` pixels wide with text `t` times the
/// usual, as the style sheet gives it.
#[must_use]
pub fn height_px(heights: &Heights, window: f64, t: f64) -> u32 {
    let rem = heights.get(range_of(window, t)).copied().unwrap_or(0.0);
    (rem * 16.0 * t).round() as u32
}

/// The height, in CSS pixels at the usual text size, of a frame just wider than `width` pixels
/// (its window that much and the margins wider, and a pixel more): what the static chart of that
/// width is drawn at. Each static chart is offered from the window past the edge of a range
/// (the 480 px chart from a 32rem window, 512 px, exclusive), where the frame is wider than it
/// and has the next range's height.
#[must_use]
pub fn at_width(heights: &Heights, width: u32) -> u32 {
    height_px(heights, at_width_window(width), 1.0)
}

/// The window just past the one whose frame is `width` wide, at the usual text size.
fn at_width_window(width: u32) -> f64 {
    f64::from(width) + 2.0 * MARGIN_REM * 16.0 + 1.0
}

/// The widest window, in rem, that shows the phone's static chart.
const PHONE_SHOWN_UP_TO_REM: u32 = 32;

/// Every scenario a chart's height must hold: the one the page opens with, and each extreme of
/// the controls.
#[must_use]
pub fn extremes(start: Scenario) -> Vec<Scenario> {
    let mut out = vec![start];
    let forces = [*FORCE_RANGE.start(), *FORCE_RANGE.end(), start.force()];
    let rotations = [*ROTATION_RANGE.start(), *ROTATION_RANGE.end()];
    for force in forces {
        for sharing in Sharing::ALL {
            for rotation in rotations {
                let mut s = start;
                s.set_force(force);
                s.set_rotation(rotation);
                s.sharing = sharing;
                out.push(s);
            }
        }
    }
    for measure in [Measure::Amount, Measure::GdpShare] {
        for currency in [Currency::AsPublished, Currency::Eur, Currency::Usd] {
            for order in [Order::Size, Order::Name] {
                let mut s = start;
                s.measure = measure;
                s.currency = currency;
                s.order = order;
                out.push(s);
            }
        }
    }
    out
}

/// The narrowest window of range `i` with text `t`, in CSS pixels, if any window of that text
/// size falls in it.
fn narrowest_window(i: usize, t: f64) -> Option<f64> {
    let widest = RANGES_REM
        .get(i)?
        .map_or(f64::INFINITY, |w| f64::from(w) * 16.0 * t);
    let from = i
        .checked_sub(1)
        .and_then(|j| RANGES_REM.get(j).copied().flatten())
        .map_or(0.0, |w| f64::from(w) * 16.0 * t);
    let window = from.max(NARROWEST_WINDOW);
    (window <= widest).then_some(window)
}

/// The widest window of range `i` with text `t`, in CSS pixels (for the last range, the one
/// at which the frame stops growing).
fn widest_window(i: usize, t: f64) -> f64 {
    RANGES_REM
        .get(i)
        .copied()
        .flatten()
        .map_or((WIDEST_FRAME_REM + 2.0 * MARGIN_REM) * 16.0 * t, |w| {
            f64::from(w) * 16.0 * t
        })
}

/// `model`, and for a chart that asks for a guess, the model with the largest guess while the
/// reader guesses and revealed beside the answer (a row more): the frame holds each.
#[must_use]
pub fn with_guesses(spec: &ChartSpec, model: Model) -> Vec<Model> {
    let Some(guess) = &spec.guess else {
        return vec![model];
    };
    let largest = model.row(&guess.row).map(|(panel, _)| panel.axis.max);
    let mut out: Vec<Model> = [false, true]
        .into_iter()
        .map(|revealed| {
            model.clone().guessed(
                &guess.row,
                Guess {
                    value: largest,
                    revealed,
                },
            )
        })
        .collect();
    out.push(model);
    out
}

/// Each chart's heights, in the file's order: in each range, the most the chart needs in any of
/// its scenarios at any of [`TEXT_SIZES`], and never less than the height the file declares (a
/// map: where the frame is widest); in
/// eighths of a rem.
///
/// # Errors
/// A message naming the chart whose model or drawing fails.
pub fn heights(figures: &Figures) -> Result<Vec<Heights>, String> {
    let start = Scenario::from_figures(figures);
    let scenarios = extremes(start);
    ChartId::all(figures)
        .map(|id| {
            let spec = id.spec(figures).map_err(|e| e.to_string())?;
            let mut models: Vec<Model> = Vec::new();
            let all = if spec.kind.follows_scenario() {
                &scenarios[..]
            } else {
                std::slice::from_ref(&start)
            };
            for scenario in all {
                let model = Model::build(id, figures, scenario)
                    .map_err(|e| format!("{}: {e}", spec.slug))?;
                for model in with_guesses(spec, model) {
                    if !models.contains(&model) {
                        models.push(model);
                    }
                }
            }
            // Never less than the file declares; a map, whose drawing narrows with its frame,
            // only where the frame is widest.
            let mut out = [f64::from(spec.height) / 16.0; 6];
            if spec.kind.is_map() {
                for narrower in out.iter_mut().rev().skip(1) {
                    *narrower = 0.0;
                }
            }
            for (i, height) in out.iter_mut().enumerate() {
                // A map is as wide as its frame at the smallest text size a range holds: the
                // height it needs there, its key and the map at the frame's width. At a larger
                // text size the same height in rem holds the key's larger words and the map
                // drawn smaller to fit (a map's width follows the window's pixels, not the
                // text), so that a map's frame is not as tall as the widest window of a range
                // at twice the text would make it.
                let mut sized_by_width = spec.kind.is_map();
                for t in TEXT_SIZES {
                    let Some(window) = narrowest_window(i, t) else {
                        continue;
                    };
                    // A map's drawing changes with its width (its labels find room beside
                    // their lines, or go under it): it is measured across its range too.
                    let widest = widest_window(i, t);
                    let windows: Vec<f64> = if spec.kind.is_map() {
                        (0..=4)
                            .map(|k| window + (widest - window) * f64::from(k) / 4.0)
                            .collect()
                    } else {
                        vec![window]
                    };
                    let theme = Theme::new(Palette::LIGHT, 1.0).with_text(t);
                    let so_far = *height;
                    for (model, window) in models
                        .iter()
                        .flat_map(|m| windows.iter().map(move |w| (m, *w)))
                    {
                        let width = frame_width(window, t).round() as u32;
                        // A map sized by its width is measured in a frame tall enough for it
                        // to be as wide as the frame; at a larger text, in the frame so far.
                        let given = if sized_by_width {
                            width.saturating_mul(4)
                        } else if spec.kind.is_map() {
                            (so_far * 16.0 * t) as u32
                        } else {
                            (f64::from(spec.height) * t) as u32
                        };
                        let (_, layout) =
                            static_svg::draw_with_layout(model, (width, given), &theme)
                                .map_err(|e| format!("{} at {width} px: {e}", spec.slug))?;
                        let needed = f64::from(layout.height.max(0)) / (16.0 * t);
                        *height = height.max((needed * 8.0).ceil() / 8.0);
                    }
                    sized_by_width = false;
                }
            }
            // The phone's static chart is drawn at the height of its own range and shown up
            // to a 32rem window (`page_skeleton`'s `<picture>`): the ranges past its own, up
            // to there, are at least as tall, so that it is never shrunk in them.
            let phone = range_of(at_width_window(PHONE_WIDTH), 1.0);
            let floor = out.get(phone).copied().unwrap_or(0.0);
            for (height, widest) in out.iter_mut().zip(RANGES_REM).skip(phone + 1) {
                if widest.is_some_and(|w| w <= PHONE_SHOWN_UP_TO_REM) {
                    *height = height.max(floor);
                }
            }
            Ok(out)
        })
        .collect()
}

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

use crate::catalogue::{ChartId, Model};
use crate::charts::theme::{Palette, Theme};
use crate::figures::Figures;
use crate::model::scenario::{
    Currency, Measure, Order, Scenario, Sharing, FORCE_RANGE, ROTATION_RANGE,
};
use crate::static_svg;

/// The ranges of window widths the style sheet sizes, narrowest first, each by the widest
/// window it holds, in rem (`max-width`); the last holds every wider window.
pub const RANGES_REM: [Option<u32>; 5] = [Some(13), Some(18), Some(32), Some(40), None];

/// The reader's text sizes, against the usual 16 px, that no frame grows for.
pub const TEXT_SIZES: [f64; 4] = [1.0, 1.25, 1.5, 2.0];

/// The narrowest window the page is laid out for, in CSS pixels (a small phone's).
pub const NARROWEST_WINDOW: f64 = 320.0;

/// The page's margin beside a chart, each side, in rem; and the widest frame, in rem.
const MARGIN_REM: f64 = 1.0;
const WIDEST_FRAME_REM: f64 = 38.0;

/// A chart's frame height in each of [`RANGES_REM`], in rem.
pub type Heights = [f64; 5];

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

/// The height, in CSS pixels at the usual text size, of a frame `width` pixels wide (its window
/// that much and the margins wider): what the static chart of that width is drawn at.
#[must_use]
pub fn at_width(heights: &Heights, width: u32) -> u32 {
    height_px(heights, f64::from(width) + 2.0 * MARGIN_REM * 16.0, 1.0)
}

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

/// Each chart's heights, in the file's order: in each range, the most the chart needs in any of
/// its scenarios at any of [`TEXT_SIZES`], and never less than the height the file declares; in
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
                if !models.contains(&model) {
                    models.push(model);
                }
            }
            let mut out = [f64::from(spec.height) / 16.0; 5];
            for (i, height) in out.iter_mut().enumerate() {
                for t in TEXT_SIZES {
                    let Some(window) = narrowest_window(i, t) else {
                        continue;
                    };
                    let width = frame_width(window, t).round() as u32;
                    let theme = Theme::new(Palette::LIGHT, 1.0).with_text(t);
                    for model in &models {
                        let given = (f64::from(spec.height) * t) as u32;
                        let (_, layout) =
                            static_svg::draw_with_layout(model, (width, given), &theme)
                                .map_err(|e| format!("{} at {width} px: {e}", spec.slug))?;
                        let needed = f64::from(layout.height.max(0)) / (16.0 * t);
                        *height = height.max((needed * 8.0).ceil() / 8.0);
                    }
                }
            }
            Ok(out)
        })
        .collect()
}

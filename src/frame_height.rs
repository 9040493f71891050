//! How tall each chart's frame is at each of the page's widths. The figures file declares a
//! chart's height at the widest frame; on a narrower screen its words wrap onto more lines
//! (they are never cut), and the frame there is as tall as the chart then needs, in the
//! scenario the page opens with and in every extreme the controls reach (the smallest and the
//! largest force, each sharing rule and rotation, each way of showing the budgets), so that
//! nothing moves when a reader uses them. The style sheet gives each range of widths its height
//! in rem, so that a reader's larger text makes the frames taller with it (the page makes a
//! frame taller still where the chart needs it). Native only: the build writes the heights.

use crate::catalogue::{ChartId, Model, NARROW_WIDTH, NOMINAL_WIDTH};
use crate::charts::theme::{Palette, Theme};
use crate::figures::Figures;
use crate::model::scenario::{
    Currency, Measure, Order, Scenario, Sharing, FORCE_RANGE, ROTATION_RANGE,
};
use crate::static_svg;

/// The narrowest frame of each range of widths the style sheet sizes: a 320 px phone's (below
/// 32rem), then 32rem to 40rem, then from 40rem (where the frame is at its widest).
pub const FRAME_WIDTHS: [u32; 3] = [288, NARROW_WIDTH, NOMINAL_WIDTH];

/// The viewport widths, in rem, up to which the first and the second heights apply (the same
/// bounds as the static images' sources).
pub const BREAKS_REM: [u32; 2] = [32, 40];

/// A chart's frame height, in CSS pixels, at each of [`FRAME_WIDTHS`].
pub type Heights = [u32; 3];

/// The height of a frame `width` CSS pixels wide, from its chart's [`Heights`]: that of the
/// narrowest frame of the range the width falls in.
#[must_use]
pub fn at_width(heights: &Heights, width: u32) -> u32 {
    let [phone, narrow, wide] = *heights;
    if width >= NOMINAL_WIDTH {
        wide
    } else if width >= NARROW_WIDTH {
        narrow
    } else {
        phone
    }
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

/// Each chart's heights, in the file's order: at each width, the most the chart needs in any
/// of its scenarios, and never less than the height the file declares; an even number of pixels.
///
/// # Errors
/// A message naming the chart whose model or drawing fails.
pub fn heights(figures: &Figures) -> Result<Vec<Heights>, String> {
    let start = Scenario::from_figures(figures);
    let scenarios = extremes(start);
    let theme = Theme::new(Palette::LIGHT, 1.0);
    ChartId::all(figures)
        .map(|id| {
            let spec = id.spec(figures).map_err(|e| e.to_string())?;
            let models: Vec<Model> = if spec.kind.follows_scenario() {
                let mut models: Vec<Model> = Vec::new();
                for scenario in &scenarios {
                    let model = Model::build(id, figures, scenario)
                        .map_err(|e| format!("{}: {e}", spec.slug))?;
                    if !models.contains(&model) {
                        models.push(model);
                    }
                }
                models
            } else {
                vec![Model::build(id, figures, &start).map_err(|e| format!("{}: {e}", spec.slug))?]
            };
            let mut out = [spec.height; 3];
            for (height, width) in out.iter_mut().zip(FRAME_WIDTHS) {
                for model in &models {
                    let (_, layout) =
                        static_svg::draw_with_layout(model, (width, spec.height), &theme)
                            .map_err(|e| format!("{} at {width} px: {e}", spec.slug))?;
                    let needed = u32::try_from(layout.height).unwrap_or(0);
                    *height = (*height).max(needed.div_ceil(2) * 2);
                }
            }
            Ok(out)
        })
        .collect()
}

//! A unit (waffle) chart: 100 squares, those standing for the share filled in the share's
//! colour (striped when as reported), the rest outlined, with a key beneath.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::PathElement;
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::HPos;
use plotters::style::{Color, ShapeStyle};

use crate::charts::hatching::pattern;
use crate::charts::pen::{Pen, Type};
use crate::charts::theme::size;
use crate::charts::{drawn, ChartError, Hit, Layout, Style};
use crate::model::unit_chart::UnitChart;

const SIDE: u32 = 10;

/// Draws the chart into `area`.
///
/// # Errors
/// [`ChartError::TooSmall`] for a tiny area; [`ChartError::Drawing`] if the backend fails.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &UnitChart,
    style: Style<'_>,
) -> Result<Layout, ChartError> {
    let theme = style.theme;
    let (width, height) = area.dim_in_pixel();
    let (w, h) = (
        i32::try_from(width).unwrap_or(0),
        i32::try_from(height).unwrap_or(0),
    );
    if w < theme.px(160.0) || h < theme.px(120.0) {
        return Err(ChartError::TooSmall { width, height });
    }
    drawn(area.fill(&theme.palette.background))?;
    let pen = Pen::new(area, theme, style.measure);
    let p = &theme.palette;
    let pad = theme.px(4.0);
    let title = Type::bold(size::TITLE);
    let label = Type::regular(size::LABEL);
    let line_h = theme.text_px(size::LABEL * 1.4);
    let heading = pen.wrap(
        &format!("{}: {} of 100 squares", model.share.label, model.filled),
        title,
        w - 2 * pad,
    );
    let mut y = pad;
    for line in &heading {
        pen.text(line, (pad, y), title, p.text, HPos::Left)?;
        y += theme.text_px(size::TITLE * 1.35);
    }
    y += theme.px(6.0);
    let parts = model.parts();
    let swatch = theme.text_px(12.0);
    // The key's words, on as many lines as they take (on a narrow screen, or in large type, a
    // key wraps rather than losing its words).
    let keys: Vec<Vec<String>> = parts
        .iter()
        .map(|part| {
            pen.wrap(
                &format!(
                    "{}: {} · {}",
                    part.label,
                    part.value_text(),
                    part.provenance()
                ),
                label,
                w - 2 * pad - swatch - theme.px(6.0),
            )
        })
        .collect();
    let key_lines: usize = keys.iter().map(|k| k.len().max(1)).sum();
    let key_h = line_h * i32::try_from(key_lines).unwrap_or(4)
        + theme.px(4.0) * i32::try_from(keys.len()).unwrap_or(2)
        + theme.px(8.0);
    let grid = (h - y - key_h - pad).min(w - 2 * pad).max(theme.px(40.0));
    let step = grid / i32::try_from(SIDE).unwrap_or(10);
    let gap = (step / 8).max(1);
    let fill = p.of_kind(model.share.kind);
    let outline = ShapeStyle {
        color: p.muted.to_rgba(),
        filled: false,
        stroke_width: theme.stroke(1.0),
    };
    let stripe = ShapeStyle {
        color: p.background.to_rgba(),
        filled: false,
        stroke_width: theme.stroke(1.5),
    };
    for i in 0..SIDE * SIDE {
        let (row, col) = (
            i32::try_from(i / SIDE).unwrap_or(0),
            i32::try_from(i % SIDE).unwrap_or(0),
        );
        let (x0, y0) = (pad + col * step, y + row * step);
        let (x1, y1) = (x0 + step - gap, y0 + step - gap);
        if i < model.filled {
            pen.fill_rect((x0, y0), (x1, y1), fill)?;
            for [a, b] in pattern(model.share.kind, (x0, y0, x1, y1), theme.px(6.0)) {
                drawn(area.draw(&PathElement::new(vec![a, b], stripe)))?;
            }
        } else {
            let corners = vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
            drawn(area.draw(&PathElement::new(corners, outline)))?;
        }
    }
    let grid_bottom = y + step * i32::try_from(SIDE).unwrap_or(10);
    let full_rows = i32::try_from(model.filled / SIDE).unwrap_or(0);
    let split = y + step * full_rows;
    let mut layout = Layout::default();
    let right = pad + step * i32::try_from(SIDE).unwrap_or(10);
    if let Some(share) = parts.first() {
        layout.hits.push(Hit {
            id: share.id.clone(),
            rect: (pad, y, right, split.max(y + step)),
        });
    }
    if let Some(rest) = parts.get(1) {
        layout.hits.push(Hit {
            id: rest.id.clone(),
            rect: (pad, split.max(y + step), right, grid_bottom),
        });
    }
    // A pointer finds each part in its own squares: the share's full rows and the start of its
    // last, the rest after it and below.
    let rem = i32::try_from(model.filled % SIDE).unwrap_or(0);
    let (mid, below) = (pad + rem * step, split + step);
    if rem > 0 && layout.hits.len() == 2 {
        layout.areas = vec![
            (0, (pad, y, right, split)),
            (0, (pad, split, mid, below)),
            (1, (mid, split, right, below)),
            (1, (pad, below, right, grid_bottom)),
        ];
    }
    // The key: a swatch and words for each part.
    let mut key_y = grid_bottom + theme.px(8.0);
    for (i, lines) in keys.iter().enumerate() {
        let (sx, sy) = (pad, key_y + theme.px(2.0));
        if i == 0 {
            pen.fill_rect((sx, sy), (sx + swatch, sy + swatch), fill)?;
        } else {
            let corners = vec![
                (sx, sy),
                (sx + swatch, sy),
                (sx + swatch, sy + swatch),
                (sx, sy + swatch),
                (sx, sy),
            ];
            drawn(area.draw(&PathElement::new(corners, outline)))?;
        }
        for line in lines {
            pen.text(
                line,
                (sx + swatch + theme.px(6.0), key_y),
                label,
                p.text,
                HPos::Left,
            )?;
            key_y += line_h;
        }
        key_y += theme.px(4.0);
    }
    layout.height = key_y + pad;
    // The focus ring follows the part's own squares: the share's full rows and the start of its
    // last, or the rest that follows.
    if let Some(i) = style
        .focus
        .and_then(|id| layout.hits.iter().position(|h| h.id == id))
    {
        let outline = match (i, rem) {
            (0, 0) => vec![(pad, y), (right, y), (right, split), (pad, split)],
            (0, _) => vec![
                (pad, y),
                (right, y),
                (right, split),
                (mid, split),
                (mid, below),
                (pad, below),
            ],
            (_, 0) => vec![
                (pad, split),
                (right, split),
                (right, grid_bottom),
                (pad, grid_bottom),
            ],
            _ => vec![
                (mid, split),
                (right, split),
                (right, grid_bottom),
                (pad, grid_bottom),
                (pad, below),
                (mid, below),
            ],
        };
        let ring = theme.px(2.0);
        for (k, &a) in outline.iter().enumerate() {
            let b = outline.get(k + 1).or(outline.first()).copied().unwrap_or(a);
            pen.line(a, b, p.text, ring)?;
        }
    }
    layout.marks = pen.take_marks();
    Ok(layout)
}

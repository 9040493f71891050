//! A chart to take away: its title above it and, under it, the lines that say where it comes
//! from (its sources, the day the figures were checked, the page's address), drawn round the
//! chart by the same code on any backend, so that the image and the SVG a reader downloads say
//! what the page says.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::HPos;

use crate::charts::pen::{Pen, Type, Typesetter};
use crate::charts::text_width::TextWidth;
use crate::charts::theme::Theme;
use crate::charts::{drawn, ChartError, Layout, Style};

const TITLE: Type = Type::bold(18.0);
const LINE: Type = Type::regular(12.0);

/// The words round a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poster {
    /// The chart's title.
    pub title: String,
    /// What goes under the chart, one item each: sources, the day checked, the address.
    pub lines: Vec<String>,
}

/// Where the title and the lines fall, in backing-store pixels, for a poster `width` wide.
struct Plan {
    pad: i32,
    title: Vec<String>,
    lines: Vec<Vec<String>>,
    title_h: i32,
    line_h: i32,
}

impl Poster {
    fn plan(&self, width: i32, theme: &Theme, measure: &dyn TextWidth) -> Plan {
        let pad = theme.px(12.0);
        let room = width - 2 * pad;
        let words = Typesetter { theme, measure };
        // Every word is kept, on as many lines as it takes (a chart's sources run to a few
        // hundred characters).
        Plan {
            pad,
            title: words.wrap(&self.title, TITLE, room),
            lines: self
                .lines
                .iter()
                .map(|l| words.wrap(&breakable(l, &words, room), LINE, room))
                .collect(),
            title_h: theme.text_px(TITLE.size * 1.3),
            line_h: theme.text_px(LINE.size * 1.45),
        }
    }

    /// The size, in backing-store pixels, of the poster round a chart of `chart` pixels: the
    /// chart keeps its size, with a margin each side, the title above and the lines under it.
    #[must_use]
    pub fn size_around(
        &self,
        chart: (u32, u32),
        theme: &Theme,
        measure: &dyn TextWidth,
    ) -> (u32, u32) {
        let pad = theme.px(12.0);
        let width = to_i32(chart.0).saturating_add(2 * pad);
        let plan = self.plan(width, theme, measure);
        let lines: usize = plan.lines.iter().map(Vec::len).sum();
        let added =
            plan.pad * 3 + plan.title_h * count(plan.title.len()) + plan.line_h * count(lines);
        (to_u32(width), chart.1.saturating_add(to_u32(added)))
    }

    /// Draws the title, then `chart` in the area left between, then the lines under it.
    ///
    /// # Errors
    /// What drawing the chart or the words returns.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: Style<'_>,
        chart: impl FnOnce(&DrawingArea<DB, Shift>, Style<'_>) -> Result<Layout, ChartError>,
    ) -> Result<Layout, ChartError> {
        let theme = style.theme;
        let (width, height) = area.dim_in_pixel();
        let (w, h) = (to_i32(width), to_i32(height));
        let plan = self.plan(w, theme, style.measure);
        drawn(area.fill(&theme.palette.background))?;
        let pen = Pen::new(area, theme, style.measure);
        let mut y = plan.pad;
        for line in &plan.title {
            pen.text(line, (plan.pad, y), TITLE, theme.palette.text, HPos::Left)?;
            y += plan.title_h;
        }
        let below: usize = plan.lines.iter().map(Vec::len).sum();
        let chart_bottom = h - plan.pad - plan.line_h * count(below);
        let chart_area = area.clone().shrink(
            (plan.pad, y),
            (to_u32(w - 2 * plan.pad), to_u32(chart_bottom - y)),
        );
        let mut layout = chart(&chart_area, style)?;
        // The chart's boxes, moved from its own area to the poster's.
        let (left, top) = (plan.pad, y);
        let moved =
            |r: &mut (i32, i32, i32, i32)| *r = (r.0 + left, r.1 + top, r.2 + left, r.3 + top);
        for mark in &mut layout.marks {
            moved(&mut mark.rect);
        }
        for hit in &mut layout.hits {
            moved(&mut hit.rect);
        }
        let mut y = chart_bottom + plan.pad / 2;
        for line in plan.lines.iter().flatten() {
            pen.text(line, (plan.pad, y), LINE, theme.palette.muted, HPos::Left)?;
            y += plan.line_h;
        }
        layout.marks.extend(pen.take_marks());
        Ok(layout)
    }
}

/// `text` with every word too wide for a line (an address) broken into pieces that fit.
fn breakable(text: &str, words: &Typesetter<'_>, room: i32) -> String {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(' ') {
        if words.width(word, LINE) <= room {
            out.push(word.to_string());
            continue;
        }
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if words.width(&piece, LINE) > room && piece.chars().count() > 1 {
                piece.pop();
                out.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        out.push(piece);
    }
    out.join(" ")
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn to_i32(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

fn to_u32(v: i32) -> u32 {
    u32::try_from(v.max(0)).unwrap_or(0)
}

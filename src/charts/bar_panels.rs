//! Stacked panels of labelled horizontal bars: the drawing both charts share.
//!
//! Each row has its label on a line of its own above the bar, so the bars get the full width on
//! a phone as on a desktop. What the bars are (their kind and year) is said once, in the
//! panel's subtitle; a bar's own words are its value, with a word only where it differs.
//! A panel's annotations have a line each above its rows (a dashed line or a tinted band runs
//! down from them, broken wherever it would cross words), and a bar's annotation a line under
//! the bar.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::HPos;
use plotters::style::{Color, ShapeStyle};

use crate::charts::hatching::pattern;
use crate::charts::pen::{Pen, Type};
use crate::charts::theme::{size, text_on, Theme};
use crate::charts::{drawn, ChartError, Hit, Layout, Style};
use crate::figures::Kind;
use crate::model::annotation::{Anchor, Annotation};
use crate::model::panel::{Bar, Panel};
use crate::model::wording;

/// The smallest area, in CSS pixels, a chart will draw into.
pub const MIN_SIZE: (f64, f64) = (160.0, 120.0);

const TITLE: Type = Type::bold(size::TITLE);
const LABEL: Type = Type::regular(size::LABEL);
const VALUE: Type = Type::bold(size::LABEL);
const TICK: Type = Type::regular(size::TICK);

/// Draws `panels` one under the other, filling `area`.
///
/// # Errors
/// [`ChartError::TooSmall`] for an area under [`MIN_SIZE`]; [`ChartError::Drawing`] if the
/// backend fails.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    panels: &[&Panel],
    style: Style<'_>,
) -> Result<Layout, ChartError> {
    let theme = style.theme;
    let (width, height) = area.dim_in_pixel();
    let (w, h) = (to_i32(width), to_i32(height));
    if w < theme.px(MIN_SIZE.0) || h < theme.px(MIN_SIZE.1) {
        return Err(ChartError::TooSmall { width, height });
    }
    drawn(area.fill(&theme.palette.background))?;

    let pen = Pen::new(area, theme, style.measure);
    let m = Metrics::new(theme);
    let (x0, x1) = (m.pad, w - m.pad);
    let frames: Vec<Frame> = panels
        .iter()
        .map(|p| Frame {
            x0,
            x1,
            plot_x1: plot_right(&pen, p, x0, x1),
        })
        .collect();
    let headings: Vec<Heading> = panels
        .iter()
        .zip(&frames)
        .map(|(p, frame)| Heading::of(&pen, p, frame))
        .collect();
    let rows: usize = panels.iter().map(|p| p.bars.len().max(1)).sum();
    // The rows share what the headings, notes, extra lines and gaps leave.
    let fixed: i32 = headings.iter().map(|h| m.panel_overhead(h)).sum::<i32>()
        + m.panel_gap * (count(panels.len()) - 1).max(0)
        + 2 * m.pad;
    let row_h = ((h - fixed) / count(rows).max(1)).clamp(theme.text_px(30.0), theme.text_px(64.0));

    let mut layout = Layout::default();
    let mut y = m.pad;
    for ((panel, heading), frame) in panels.iter().zip(&headings).zip(&frames) {
        let out = (&mut layout, style.country);
        y = draw_panel(&pen, panel, heading, &m, frame, (y, row_h), out)?;
        if let Some(hit) = style
            .focus
            .and_then(|id| layout.hits.iter().find(|h| h.id == id))
        {
            pen.ring(hit.rect, FOCUS_RING.0, FOCUS_RING.1)?;
        }
        y += m.panel_gap;
    }
    // Words are never cut: where they take more room than the area has, the drawing says how
    // tall it needs to be, and the page gives it that.
    layout.height = y - m.panel_gap + m.pad;
    layout.marks = pen.take_marks();
    Ok(layout)
}

/// Spacing derived from the theme, in backing-store pixels.
struct Metrics {
    pad: i32,
    gap: i32,
    title_h: i32,
    title_line_h: i32,
    subtitle_h: i32,
    line_h: i32,
    tick_h: i32,
    panel_gap: i32,
}

impl Metrics {
    fn new(theme: &Theme) -> Self {
        Self {
            pad: theme.px(4.0),
            gap: theme.px(6.0),
            title_h: theme.text_px(size::TITLE * 1.6),
            title_line_h: theme.text_px(size::TITLE * 1.3),
            subtitle_h: theme.text_px(size::TICK * 1.5),
            line_h: theme.text_px(size::LABEL * 1.45),
            tick_h: theme.text_px(size::TICK * 1.8),
            panel_gap: theme.px(18.0),
        }
    }

    /// Height a panel needs besides its rows, with its heading.
    fn panel_overhead(&self, heading: &Heading) -> i32 {
        let (above, under) = heading.note_lines();
        let notes = self.line_h * count(above + under + heading.extra_lines());
        self.title_h
            + self.title_line_h * (count(heading.title.len()) - 1).max(0)
            + self.subtitle_h * count(heading.subtitle.len())
            + self.tick_h
            + notes
    }
}

/// A panel's heading and its rows' words, worked out once a drawing: its title's lines, what
/// its bars share and the subtitle that says so, and each bar's label on as many lines as it
/// takes.
struct Heading {
    title: Vec<String>,
    /// The subtitle's lines (none without one).
    subtitle: Vec<String>,
    /// Each annotation's words, on one line or more.
    notes: Vec<Vec<String>>,
    /// The words under each bar, on as many lines as they take (none for most bars).
    under: Vec<Vec<String>>,
    /// Each bar's label, on its lines.
    labels: Vec<Vec<LabelLine>>,
    /// For a bar with no value, the words said in its place, on their lines.
    no_figure: Vec<Vec<String>>,
    /// A bar's value on lines of its own under the bar, where it fits neither after the bar
    /// nor before a range, and might not fit inside (none for most bars).
    value_below: Vec<Vec<String>>,
}

/// A line of a bar's label: its words, and then, in the muted colour, words that set the bar
/// apart from its panel.
struct LabelLine {
    words: String,
    apart: Option<String>,
}

impl Heading {
    fn of<DB: DrawingBackend>(pen: &Pen<'_, DB>, panel: &Panel, frame: &Frame) -> Self {
        let room = frame.x1 - frame.x0;
        let common = panel.common_origin();
        let lines = |words: &str, kind: Type| pen.wrap(words, kind, room);
        let gap = pen.theme.px(5.0);
        Heading {
            title: lines(&panel.title, TITLE),
            subtitle: panel
                .subtitle_given(&common)
                .map_or(Vec::new(), |s| lines(&s, TICK)),
            notes: panel.notes.iter().map(|n| lines(n.text(), VALUE)).collect(),
            under: panel
                .bars
                .iter()
                .map(|b| {
                    b.annotation
                        .as_deref()
                        .map_or(Vec::new(), |a| lines(a, LABEL))
                })
                .collect(),
            labels: panel
                .bars
                .iter()
                .map(|b| {
                    let apart = if b.value.is_some() {
                        b.apart_from(&common)
                    } else {
                        String::new()
                    };
                    label_lines(pen, &b.label, &apart, room)
                })
                .collect(),
            no_figure: panel
                .bars
                .iter()
                .map(|b| match b.value {
                    Some(_) => Vec::new(),
                    None if b.kind == Kind::Guess => lines("none yet: drag here", VALUE),
                    None => lines(&format!("no figure · {}", b.provenance()), VALUE),
                })
                .collect(),
            value_below: panel
                .bars
                .iter()
                .map(|b| {
                    let Some(value) = b.value else {
                        return Vec::new();
                    };
                    let words = b.value_text();
                    let w = pen.width(&words, VALUE);
                    let start = b.from.map_or(frame.x0, |from| frame.x_of(panel, from));
                    let end = frame.x_of(panel, value).max(start + pen.theme.px(2.0));
                    if end + gap + w > frame.x1 && start - frame.x0 < w + 2 * gap {
                        lines(&words, VALUE)
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
        }
    }

    /// How many lines the panel's annotations take: above its rows, and under its bars.
    fn note_lines(&self) -> (usize, usize) {
        (
            self.notes.iter().map(Vec::len).sum(),
            self.under.iter().map(Vec::len).sum(),
        )
    }

    /// The lines bar `i`'s row takes besides its one line of label: more lines of label, more
    /// lines of "no figure", its value under the bar.
    fn extra_lines_of(&self, i: usize) -> usize {
        self.labels.get(i).map_or(0, |l| l.len().saturating_sub(1))
            + self
                .no_figure
                .get(i)
                .map_or(0, |l| l.len().saturating_sub(1))
            + self.value_below.get(i).map_or(0, Vec::len)
    }

    /// The rows' extra lines, all together.
    fn extra_lines(&self) -> usize {
        (0..self.labels.len()).map(|i| self.extra_lines_of(i)).sum()
    }
}

/// A bar's label broken into lines of `room` pixels, with the words that set it apart from its
/// panel (`apart`, if any) after it, on its last line if they fit there, else on lines of
/// their own. Nothing is cut.
fn label_lines<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    label: &str,
    apart: &str,
    room: i32,
) -> Vec<LabelLine> {
    let mut lines: Vec<LabelLine> = pen
        .wrap(label, LABEL, room)
        .into_iter()
        .map(|words| LabelLine { words, apart: None })
        .collect();
    if apart.is_empty() {
        return lines;
    }
    let suffix = format!("· {apart}");
    if let Some(last) = lines.last_mut() {
        if pen.width(&format!("{} {suffix}", last.words), LABEL) <= room {
            last.apart = Some(suffix);
            return lines;
        }
    }
    lines.extend(
        pen.wrap(&suffix, LABEL, room)
            .into_iter()
            .map(|w| LabelLine {
                words: String::new(),
                apart: Some(w),
            }),
    );
    lines
}

/// Where a panel's rows go and how values map to x.
struct Frame {
    x0: i32,
    x1: i32,
    /// Where the axis ends: short of `x1` where a bar's value would not fit after it.
    plot_x1: i32,
}

impl Frame {
    fn x_of(&self, panel: &Panel, value: f64) -> i32 {
        self.x0 + (panel.axis.fraction(value) * f64::from(self.plot_x1 - self.x0)).round() as i32
    }
}

/// Where a panel's axis may end so that every bar's value fits after the bar's end, within
/// `x1` (on a phone the longest bars would otherwise leave no room for their words); never
/// less than half the width.
fn plot_right<DB: DrawingBackend>(pen: &Pen<'_, DB>, panel: &Panel, x0: i32, x1: i32) -> i32 {
    let gap = pen.theme.px(5.0);
    let mut right = x1;
    for bar in &panel.bars {
        let Some(value) = bar.value else {
            continue;
        };
        let fraction = panel.axis.fraction(value);
        if fraction <= 0.0 {
            continue;
        }
        let room = x1 - x0 - gap - pen.width(&bar.value_text(), VALUE);
        right = right.min(x0 + (f64::from(room) / fraction).floor() as i32);
    }
    right.max(x0 + (x1 - x0) / 2)
}

fn draw_panel<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    panel: &Panel,
    heading: &Heading,
    m: &Metrics,
    frame: &Frame,
    (top, row_h): (i32, i32),
    (layout, country): (&mut Layout, Option<&str>),
) -> Result<i32, ChartError> {
    let theme = pen.theme;
    let p = &theme.palette;
    let (x0, x1) = (frame.x0, frame.x1);

    let mut y = top;
    let title = &heading.title;
    for (i, line) in title.iter().enumerate() {
        pen.text(line, (x0, y), TITLE, p.text, HPos::Left)?;
        if i + 1 < title.len() {
            y += m.title_line_h;
        }
    }
    y += m.title_h;
    for line in &heading.subtitle {
        pen.text(line, (x0, y - theme.px(3.0)), TICK, p.muted, HPos::Left)?;
        y += m.subtitle_h;
    }

    let notes_top = y;
    let (above, under) = heading.note_lines();
    y += m.line_h * count(above);
    let rows_top = y;
    let rows_bottom = rows_top
        + row_h * count(panel.bars.len().max(1))
        + m.line_h * count(under + heading.extra_lines());

    for note in &panel.notes {
        if let Anchor::Band(from, to) = note.anchor {
            let (a, b) = (frame.x_of(panel, from), frame.x_of(panel, to));
            let tint = ShapeStyle::from(p.grid.mix(0.5)).filled();
            drawn(
                pen.area
                    .draw(&Rectangle::new([(a, rows_top), (b, rows_bottom)], tint)),
            )?;
        }
    }
    // The notes' words first, each on its line, so that every line below can be kept off them.
    let mut note_y = notes_top;
    for (note, lines) in panel.notes.iter().zip(&heading.notes) {
        draw_note_words(pen, panel, note, lines, frame, (note_y, m.line_h))?;
        let height = m.line_h * count(lines.len());
        layout.hits.push(Hit {
            id: note.row.id.clone(),
            rect: (x0, note_y, x1, note_y + height - m.gap / 2),
        });
        note_y += height;
    }

    let ticks = panel.axis.ticks();
    for &tick in &ticks {
        let x = frame.x_of(panel, tick);
        pen.line((x, rows_top), (x, rows_bottom), p.grid, theme.px(1.0))?;
    }

    let bar_h = (row_h - m.line_h - m.gap).clamp(theme.text_px(8.0), theme.text_px(22.0));
    for (i, (bar, under)) in panel.bars.iter().zip(&heading.under).enumerate() {
        let label = heading.labels.get(i).map_or(&[][..], Vec::as_slice);
        let extra = count(label.len().saturating_sub(1)) * m.line_h;
        // The label sits right above its own bar; any spare height goes above the label.
        let label_y = y + (row_h - m.line_h - bar_h - m.gap / 2).max(0);
        draw_label(pen, label, (x0, label_y))?;
        let bar_top = label_y + m.line_h + extra;
        let no_figure = heading.no_figure.get(i).map_or(&[][..], Vec::as_slice);
        let below = heading.value_below.get(i).map_or(&[][..], Vec::as_slice);
        let chosen = bar.counts(country);
        let placed = draw_bar(
            pen,
            panel,
            (bar, chosen),
            frame,
            (bar_top, bar_h),
            no_figure,
        )?;
        let mut bottom = bar_top + bar_h + count(no_figure.len().saturating_sub(1)) * m.line_h;
        for line in below {
            if !placed {
                pen.text(line, (x0, bottom + m.gap / 2), VALUE, p.text, HPos::Left)?;
            }
            bottom += m.line_h;
        }
        for line in under {
            pen.text(line, (x0, bottom + m.gap), LABEL, p.muted, HPos::Left)?;
            bottom += m.line_h;
        }
        if bar.kind == Kind::Guess {
            layout.guess = Some((x0, frame.plot_x1, panel.axis.clone()));
        }
        layout.hits.push(Hit {
            id: bar.id.clone(),
            rect: (x0, label_y, x1, bottom),
        });
        y += row_h + m.line_h * count(under.len() + heading.extra_lines_of(i));
    }
    if panel.bars.is_empty() {
        pen.text("No figures", (x0, y), LABEL, p.muted, HPos::Left)?;
    }

    let mut note_y = notes_top;
    for (note, lines) in panel.notes.iter().zip(&heading.notes) {
        if let Anchor::Line(value) = note.anchor {
            draw_line(pen, frame.x_of(panel, value), (note_y, rows_bottom))?;
        }
        note_y += m.line_h * count(lines.len());
    }

    let last = ticks.len().saturating_sub(1);
    // On a narrow chart, label every other tick so that labels never run into each other.
    let widest = ticks
        .iter()
        .map(|&t| pen.width(&wording::tick(t, panel.unit), TICK))
        .max()
        .unwrap_or(0);
    let spacing = ((frame.plot_x1 - x0) / count(last.max(1))).max(1);
    // Every tick, every other, every third…: the fewest skipped that keep labels apart (the
    // last label stands wholly left of its tick, so it needs half a label more).
    let every = usize::try_from((widest * 3 / 2 + theme.px(8.0) + spacing - 1) / spacing)
        .unwrap_or(1)
        .max(1);
    for (i, &tick) in ticks.iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        let anchor = match i {
            0 => HPos::Left,
            i if i == last => HPos::Right,
            _ => HPos::Center,
        };
        let words = wording::tick(tick, panel.unit);
        let at = (frame.x_of(panel, tick), rows_bottom + theme.px(3.0));
        pen.text(&words, at, TICK, p.muted, anchor)?;
    }
    Ok(rows_bottom + m.tick_h)
}

/// A bar's label on its lines, from `y` down, each line's words that set the bar apart in the
/// muted colour after its own.
fn draw_label<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    lines: &[LabelLine],
    (x, y): (i32, i32),
) -> Result<(), ChartError> {
    let p = &pen.theme.palette;
    let line_h = pen.theme.text_px(size::LABEL * 1.45);
    let mut y = y;
    for line in lines {
        pen.text(&line.words, (x, y), LABEL, p.text, HPos::Left)?;
        if let Some(apart) = &line.apart {
            // The space before the words is measured, not written: a leading space would be
            // lost in an SVG file.
            let after = if line.words.is_empty() {
                x
            } else {
                x + pen.width(&format!("{} ", line.words), LABEL)
            };
            pen.text(apart, (after, y), LABEL, p.muted, HPos::Left)?;
        }
        y += line_h;
    }
    Ok(())
}

/// A bar, and its value beside it, inside it or before a range; returns whether the value is
/// placed (where none of those has room, it goes on the lines under the bar that the row keeps
/// for it). A bar with no value has its `no_figure` words in its place, on their lines.
fn draw_bar<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    panel: &Panel,
    (bar, chosen): (&Bar, bool),
    frame: &Frame,
    (top, bar_h): (i32, i32),
    no_figure: &[String],
) -> Result<bool, ChartError> {
    let theme = pen.theme;
    let p = &theme.palette;
    let (x0, x1) = (frame.x0, frame.x1);
    let mid = top + bar_h / 2;
    let Some(value) = bar.value else {
        let line_h = theme.text_px(size::LABEL * 1.45);
        let mut widest = 0;
        for (i, line) in no_figure.iter().enumerate() {
            let y = mid + count(i) * line_h;
            pen.text_mid(line, (x0, y), VALUE, p.muted, HPos::Left)?;
            widest = widest.max(pen.width(line, VALUE));
        }
        if chosen {
            // The reader's country with no bar: its words ringed where the bar would be.
            let half = line_h / 2;
            let last = mid + count(no_figure.len().saturating_sub(1)) * line_h;
            let words = (x0, mid - half, x0 + widest, last + half);
            pen.ring(words, CHOSEN_RING.0, CHOSEN_RING.1)?;
        }
        return Ok(true);
    };
    let fill = p.of_kind(bar.kind);
    // A tiny value still shows a sliver, so that "small" never looks like "missing".
    // A range ("18–24 months") starts where it starts; other bars start at zero.
    let start = bar.from.map_or(x0, |from| frame.x_of(panel, from));
    let end = frame.x_of(panel, value).max(start + theme.px(2.0));
    pen.fill_rect((start, top), (end, top + bar_h), fill)?;
    let lines = pattern(bar.kind, (start, top, end, top + bar_h), theme.px(6.0));
    let patterned = !lines.is_empty();
    if patterned {
        let stroke = ShapeStyle {
            color: p.background.to_rgba(),
            filled: false,
            stroke_width: theme.stroke(1.5),
        };
        for [a, b] in lines {
            drawn(pen.area.draw(&PathElement::new(vec![a, b], stroke)))?;
        }
    }
    if chosen {
        pen.ring((start, top, end, top + bar_h), CHOSEN_RING.0, CHOSEN_RING.1)?;
    }

    let gap = theme.px(5.0);
    // Words go inside a bar only if the bar is as tall as the type: on a thin bar (a phone's),
    // dark words would stand out of it onto the background.
    let tall_enough = bar_h >= theme.text_px(VALUE.size);
    let words = bar.value_text();
    let w = pen.width(&words, VALUE);
    if end + gap + w <= x1 {
        pen.text_mid(&words, (end + gap, mid), VALUE, p.text, HPos::Left)?;
        return Ok(true);
    }
    if tall_enough && w + 2 * gap <= end - start {
        if patterned {
            // On lines, a plate of the fill colour keeps the words legible.
            pen.fill_rect((end - 2 * gap - w, top), (end, top + bar_h), fill)?;
        }
        pen.text_mid(&words, (end - gap, mid), VALUE, text_on(fill), HPos::Right)?;
        return Ok(true);
    }
    // A range that starts away from zero may have room before it.
    if start - x0 >= w + 2 * gap {
        pen.text_mid(&words, (start - gap, mid), VALUE, p.text, HPos::Right)?;
        return Ok(true);
    }
    // Nothing fits beside, inside or before the bar: the value goes under it.
    Ok(false)
}

/// An annotation's words on their lines (`lines`, from the top at `y`, `line_h` apart): beside
/// its line (or its band's start) if they fit on one side, else whole across it. The kind is
/// said after one line of words where there is room for it.
fn draw_note_words<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    panel: &Panel,
    note: &Annotation,
    lines: &[String],
    frame: &Frame,
    (y, line_h): (i32, i32),
) -> Result<(), ChartError> {
    let theme = pen.theme;
    let colour = theme.palette.text;
    let gap = theme.px(6.0);
    let x = match note.anchor {
        Anchor::Line(value) => frame.x_of(panel, value),
        Anchor::Band(from, _) => frame.x_of(panel, from),
    };
    let room_right = frame.x1 - x - gap;
    let room_left = x - gap - frame.x0;
    if let [text] = lines {
        let full = format!("{text} · {}", note.row.kind.words());
        for words in [&full, text] {
            let w = pen.width(words, VALUE);
            if w <= room_right {
                return pen.text(words, (x + gap, y), VALUE, colour, HPos::Left);
            }
            if w <= room_left && matches!(note.anchor, Anchor::Line(_)) {
                return pen.text(words, (x - gap, y), VALUE, colour, HPos::Right);
            }
        }
    }
    let mut y = y;
    for line in lines {
        let w = pen.width(line, VALUE);
        let left = (x - w / 2).clamp(frame.x0, (frame.x1 - w).max(frame.x0));
        pen.text(line, (left, y), VALUE, colour, HPos::Left)?;
        y += line_h;
    }
    Ok(())
}

/// A dashed line at `x` from `top` to `bottom`, broken wherever words stand across it.
fn draw_line<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    x: i32,
    (top, bottom): (i32, i32),
) -> Result<(), ChartError> {
    let theme = pen.theme;
    let colour = theme.palette.text;
    let width = theme.px(2.0);
    let (dash, space, clear) = (theme.px(5.0), theme.px(3.0), theme.px(2.0));
    let words = pen.words_across((x - width - clear, x + width + clear), (top, bottom));
    let mut y = top + theme.px(2.0);
    while y < bottom {
        let end = (y + dash).min(bottom);
        // A dash that would touch words starts again just below them.
        if let Some(&(_, below)) = words
            .iter()
            .filter(|&&(t, b)| t - clear < end && b + clear > y)
            .max_by_key(|&&(_, b)| b)
        {
            y = below + clear;
            continue;
        }
        pen.rule((x, y), (x, end), colour, width)?;
        y += dash + space;
    }
    Ok(())
}

/// The reader's country: a broad ring (3 CSS pixels, against the focus ring's 2 round the
/// whole row), a gap apart from its bar.
const CHOSEN_RING: (f64, f64) = (4.0, 3.0);

/// The keyboard's focus: a ring of 2 CSS pixels just outside the row.
const FOCUS_RING: (f64, f64) = (3.0, 2.0);

fn to_i32(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

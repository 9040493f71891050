//! A drawing area with its theme and text measure: the few strokes every chart is made of
//! (text at an anchor, a line, a filled box), in backing-store pixels.

use std::cell::RefCell;

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Circle, PathElement, Rectangle, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, RGBColor, ShapeStyle, TextStyle};

use crate::charts::text_width::TextWidth;
use crate::charts::theme::Theme;
use crate::charts::{drawn, ChartError};

/// A type size in CSS pixels, and its weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Type {
    /// Size in CSS pixels.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
}

impl Type {
    /// Regular weight.
    #[must_use]
    pub const fn regular(size: f64) -> Self {
        Self { size, bold: false }
    }

    /// Bold weight.
    #[must_use]
    pub const fn bold(size: f64) -> Self {
        Self { size, bold: true }
    }
}

/// Measures words in a theme, with no area to draw on: how wide, cut to fit, wrapped.
#[derive(Clone, Copy)]
pub struct Typesetter<'a> {
    /// Colours and scale.
    pub theme: &'a Theme,
    /// The text measure.
    pub measure: &'a dyn TextWidth,
}

impl Typesetter<'_> {
    /// The width of `words` in backing-store pixels.
    #[must_use]
    pub fn width(&self, words: &str, kind: Type) -> i32 {
        let w = self
            .measure
            .text_width(
                words,
                kind.size * self.theme.scale * self.theme.text,
                kind.bold,
            )
            .ceil();
        if w.is_finite() && w < f64::from(i32::MAX) {
            w.max(0.0) as i32
        } else {
            i32::MAX
        }
    }

    /// `words` broken into lines of at most `max` pixels, as many as they take: words are never
    /// cut. Only plain spaces break a line (a no-break space keeps a value with its unit), and,
    /// in a word too wide for a line by itself (a place "A–B–C" in large type on a phone), the
    /// dashes and slashes within it, and, as a last resort, between its letters.
    #[must_use]
    pub fn wrap(&self, words: &str, kind: Type, max: i32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for word in words.split(' ').filter(|w| !w.is_empty()) {
            let pieces = if self.width(word, kind) > max {
                self.pieces_of(word, kind, max)
            } else {
                vec![word]
            };
            for (i, piece) in pieces.into_iter().enumerate() {
                let joiner = if i == 0 { " " } else { "" };
                if current.is_empty() {
                    current = piece.to_string();
                    continue;
                }
                let candidate = format!("{current}{joiner}{piece}");
                if self.width(&candidate, kind) <= max {
                    current = candidate;
                } else {
                    lines.push(std::mem::replace(&mut current, piece.to_string()));
                }
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines
    }
}

impl Typesetter<'_> {
    /// A word too wide for a line in the pieces a line may break it into: after each dash or
    /// slash within it, and a piece still too wide between its letters, as many as fit.
    fn pieces_of<'w>(&self, word: &'w str, kind: Type, max: i32) -> Vec<&'w str> {
        let mut out = Vec::new();
        for piece in at_dashes(word) {
            if self.width(piece, kind) <= max {
                out.push(piece);
                continue;
            }
            let mut start = 0;
            for (at, c) in piece.char_indices() {
                let end = at + c.len_utf8();
                let wider = piece
                    .get(start..end)
                    .is_some_and(|p| self.width(p, kind) > max);
                if wider && at > start {
                    out.extend(piece.get(start..at));
                    start = at;
                }
            }
            out.extend(piece.get(start..));
        }
        out
    }
}

/// A word in the pieces it falls into after each dash or slash within it.
fn at_dashes(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in word.char_indices() {
        let end = at + c.len_utf8();
        if matches!(c, '–' | '-' | '/') && end < word.len() {
            out.extend(word.get(start..end));
            start = end;
        }
    }
    out.extend(word.get(start..));
    out
}

/// A box the pen drew, in backing-store pixels: words, or a filled shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Left, top, right and bottom.
    pub rect: (i32, i32, i32, i32),
    /// Whether it is words (else a filled shape).
    pub words: bool,
}

/// Draws on an area in a theme, noting the box of everything it draws.
pub struct Pen<'a, DB: DrawingBackend> {
    /// Where to draw.
    pub area: &'a DrawingArea<DB, Shift>,
    /// Colours and scale.
    pub theme: &'a Theme,
    measure: &'a dyn TextWidth,
    marks: RefCell<Vec<Mark>>,
}

impl<'a, DB: DrawingBackend> Pen<'a, DB> {
    /// A pen for `area`.
    pub fn new(
        area: &'a DrawingArea<DB, Shift>,
        theme: &'a Theme,
        measure: &'a dyn TextWidth,
    ) -> Self {
        Self {
            area,
            theme,
            measure,
            marks: RefCell::default(),
        }
    }

    /// The boxes of everything drawn so far, handed over (the pen keeps none).
    #[must_use]
    pub fn take_marks(&self) -> Vec<Mark> {
        std::mem::take(&mut *self.marks.borrow_mut())
    }

    /// The words' measures in this pen's theme.
    #[must_use]
    pub fn typesetter(&self) -> Typesetter<'a> {
        Typesetter {
            theme: self.theme,
            measure: self.measure,
        }
    }

    /// The width of `words` in backing-store pixels.
    #[must_use]
    pub fn width(&self, words: &str, kind: Type) -> i32 {
        self.typesetter().width(words, kind)
    }

    /// `words` broken into lines of `max` pixels, as many as they take.
    #[must_use]
    pub fn wrap(&self, words: &str, kind: Type, max: i32) -> Vec<String> {
        self.typesetter().wrap(words, kind, max)
    }

    /// Text whose top edge is at `at.1`.
    ///
    /// # Errors
    /// If the backend fails.
    pub fn text(
        &self,
        words: &str,
        at: (i32, i32),
        kind: Type,
        colour: RGBColor,
        anchor: HPos,
    ) -> Result<(), ChartError> {
        self.text_at(words, at, kind, colour, Pos::new(anchor, VPos::Top))
    }

    /// Text centred vertically on `at.1`.
    ///
    /// # Errors
    /// If the backend fails.
    pub fn text_mid(
        &self,
        words: &str,
        at: (i32, i32),
        kind: Type,
        colour: RGBColor,
        anchor: HPos,
    ) -> Result<(), ChartError> {
        self.text_at(words, at, kind, colour, Pos::new(anchor, VPos::Center))
    }

    fn text_at(
        &self,
        words: &str,
        at: (i32, i32),
        kind: Type,
        colour: RGBColor,
        pos: Pos,
    ) -> Result<(), ChartError> {
        if words.is_empty() {
            return Ok(());
        }
        let (w, h) = (self.width(words, kind), self.theme.text_px(kind.size));
        let left = match pos.h_pos {
            HPos::Left => at.0,
            HPos::Center => at.0 - w / 2,
            HPos::Right => at.0 - w,
        };
        let top = match pos.v_pos {
            VPos::Top => at.1,
            VPos::Center => at.1 - h / 2,
            VPos::Bottom => at.1 - h,
        };
        self.marks.borrow_mut().push(Mark {
            rect: (left, top, left + w, top + h),
            words: true,
        });
        let style = TextStyle::from(self.theme.font(kind.size, kind.bold))
            .color(&colour)
            .pos(pos);
        drawn(self.area.draw(&Text::new(words, at, style)))
    }

    /// A straight line `width` pixels wide.
    ///
    /// # Errors
    /// If the backend fails.
    pub fn line(
        &self,
        from: (i32, i32),
        to: (i32, i32),
        colour: RGBColor,
        width: i32,
    ) -> Result<(), ChartError> {
        let style = ShapeStyle {
            color: colour.to_rgba(),
            filled: false,
            stroke_width: u32::try_from(width.max(1)).unwrap_or(1),
        };
        drawn(self.area.draw(&PathElement::new(vec![from, to], style)))
    }

    /// A box's outline, `width` wide, drawn just inside `(left, top, right, bottom)`.
    ///
    /// # Errors
    /// If the backend fails.
    pub fn outline(
        &self,
        (l, t, r, b): (i32, i32, i32, i32),
        colour: RGBColor,
        width: i32,
    ) -> Result<(), ChartError> {
        let (l, t, r, b) = (l + width / 2, t + width / 2, r - width / 2, b - width / 2);
        for (from, to) in [
            ((l, t), (r, t)),
            ((r, t), (r, b)),
            ((r, b), (l, b)),
            ((l, b), (l, t)),
        ] {
            self.line(from, to, colour, width)?;
        }
        Ok(())
    }

    /// A ring in the text's colour round a box: `width` CSS pixels wide, `gap` CSS pixels
    /// outside it (the keyboard's focus, the reader's country).
    ///
    /// # Errors
    /// If the backend fails.
    pub fn ring(
        &self,
        (l, t, r, b): (i32, i32, i32, i32),
        gap: f64,
        width: f64,
    ) -> Result<(), ChartError> {
        let out = self.theme.px(gap);
        let rect = (l - out, t - out, r + out, b + out);
        self.outline(rect, self.theme.palette.text, self.theme.px(width))
    }

    /// A straight line that a reader must see whole, such as an annotation's: its box is noted
    /// as a shape, so that words across it count against the drawing's legibility.
    ///
    /// # Errors
    /// If the backend fails.
    pub fn rule(
        &self,
        from: (i32, i32),
        to: (i32, i32),
        colour: RGBColor,
        width: i32,
    ) -> Result<(), ChartError> {
        let half = width.max(1) / 2;
        self.marks.borrow_mut().push(Mark {
            rect: (
                from.0.min(to.0) - half,
                from.1.min(to.1),
                from.0.max(to.0) + half,
                from.1.max(to.1),
            ),
            words: false,
        });
        self.line(from, to, colour, width)
    }

    /// Whether anything marked so far (words, a rule, a filled box) reaches into the box
    /// `left..right` by `top..bottom`.
    #[must_use]
    pub fn anything_across(&self, (left, right): (i32, i32), (top, bottom): (i32, i32)) -> bool {
        self.marks
            .borrow()
            .iter()
            .any(|m| m.rect.0 < right && m.rect.2 > left && m.rect.1 < bottom && m.rect.3 > top)
    }

    /// Where words drawn so far cross the columns `left..right` between `top` and `bottom`:
    /// their top and bottom edges.
    #[must_use]
    pub fn words_across(
        &self,
        (left, right): (i32, i32),
        (top, bottom): (i32, i32),
    ) -> Vec<(i32, i32)> {
        self.marks
            .borrow()
            .iter()
            .filter(|m| m.words)
            .map(|m| m.rect)
            .filter(|&(l, t, r, b)| l < right && r > left && t < bottom && b > top)
            .map(|(_, t, _, b)| (t, b))
            .collect()
    }

    /// A filled box.
    ///
    /// # Errors
    /// If the backend fails.
    pub fn fill_rect(
        &self,
        from: (i32, i32),
        to: (i32, i32),
        colour: RGBColor,
    ) -> Result<(), ChartError> {
        self.marks.borrow_mut().push(Mark {
            rect: (
                from.0.min(to.0),
                from.1.min(to.1),
                from.0.max(to.0),
                from.1.max(to.1),
            ),
            words: false,
        });
        drawn(self.area.draw(&Rectangle::new([from, to], colour.filled())))
    }

    /// A filled dot of `radius` at `at`, marked by its box.
    ///
    /// # Errors
    /// If the backend fails.
    pub fn dot(&self, at: (i32, i32), radius: i32, colour: RGBColor) -> Result<(), ChartError> {
        self.marks.borrow_mut().push(Mark {
            rect: (at.0 - radius, at.1 - radius, at.0 + radius, at.1 + radius),
            words: false,
        });
        drawn(self.area.draw(&Circle::new(at, radius, colour.filled())))
    }
}

//! A drawing area with its theme and text measure: the few strokes every chart is made of
//! (text at an anchor, a line, a filled box), in backing-store pixels.

use std::cell::RefCell;

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{PathElement, Rectangle, Text};
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
            .text_width(words, kind.size * self.theme.scale, kind.bold)
            .ceil();
        if w.is_finite() && w < f64::from(i32::MAX) {
            w.max(0.0) as i32
        } else {
            i32::MAX
        }
    }

    /// `words`, shortened with an ellipsis until they fit `max` pixels (empty if nothing fits).
    #[must_use]
    pub fn fit(&self, words: &str, kind: Type, max: i32) -> String {
        if self.width(words, kind) <= max {
            return words.to_string();
        }
        let chars: Vec<char> = words.chars().collect();
        let shortened = |keep: usize| -> String {
            let head: String = chars.iter().take(keep).collect();
            format!("{}…", head.trim_end())
        };
        // The longest prefix that fits with its ellipsis, by bisection.
        let (mut fits, mut fails) = (0, chars.len());
        while fails - fits > 1 {
            let mid = (fits + fails) / 2;
            if self.width(&shortened(mid), kind) <= max {
                fits = mid;
            } else {
                fails = mid;
            }
        }
        if fits == 0 {
            String::new()
        } else {
            shortened(fits)
        }
    }

    /// `words` broken into at most `max_lines` lines of at most `max` pixels; the last line is
    /// shortened with an ellipsis if the words do not fit.
    #[must_use]
    pub fn wrap(&self, words: &str, kind: Type, max: i32, max_lines: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        // Only plain spaces break a line: a no-break space keeps a value with its unit.
        let mut rest = words.split(' ').filter(|w| !w.is_empty()).peekable();
        while let Some(word) = rest.next() {
            let candidate = if current.is_empty() {
                word.to_string()
            } else {
                format!("{current} {word}")
            };
            if current.is_empty() || self.width(&candidate, kind) <= max {
                current = candidate;
                continue;
            }
            lines.push(std::mem::replace(&mut current, word.to_string()));
            if lines.len() + 1 == max_lines {
                // The last line takes everything left, shortened if need be.
                let tail: Vec<&str> = rest.by_ref().collect();
                if !tail.is_empty() {
                    current = format!("{current} {}", tail.join(" "));
                }
            }
        }
        if !current.is_empty() {
            lines.push(self.fit(&current, kind, max));
        }
        lines.truncate(max_lines.max(1));
        lines
    }
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

    /// `words` cut with an ellipsis to fit `max` pixels.
    #[must_use]
    pub fn fit(&self, words: &str, kind: Type, max: i32) -> String {
        self.typesetter().fit(words, kind, max)
    }

    /// `words` broken into at most `max_lines` lines of `max` pixels, the last cut to fit.
    #[must_use]
    pub fn wrap(&self, words: &str, kind: Type, max: i32, max_lines: usize) -> Vec<String> {
        self.typesetter().wrap(words, kind, max, max_lines)
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
        let (w, h) = (self.width(words, kind), self.theme.px(kind.size));
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
}

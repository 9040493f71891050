//! The canvas backend, with two changes. Lines drawn one after another in the same colour and
//! width are stroked together, as one path handed to the canvas in one call: a reference bar's
//! stripes are dozens of short lines each, and stroked one by one they were most of the canvas
//! calls of a first drawing (1,348 strokes of six calls each for the page's eight charts before the maps).
//! Anything else drawn first strokes what is waiting, so that what is drawn later still covers
//! what was drawn earlier. And every shape is handed to the context here, with its colour and
//! font written from integers (`canvas_style.rs`): plotters-canvas's own drawing writes them with
//! the float formatting that was the largest single part of the chart program. Its backend still
//! owns the canvas (its size, its preparation, bitmaps).

#[cfg(feature = "take-away")]
use std::cell::RefCell;
#[cfg(feature = "take-away")]
use std::rc::Rc;

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

use crate::charts::svg_writer;
use crate::web::canvas_style;

type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
type Failed = DrawingErrorKind<CanvasError>;

/// A [`CanvasBackend`] that strokes runs of alike lines as one path.
pub struct StrokeBatch {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    /// The pen (colour, opacity and width) of the lines not yet stroked.
    waiting: Option<Pen>,
    /// Those lines, as the data of an SVG path.
    path: String,
    /// The fill and stroke colours and the font last handed to the context (setting a font
    /// makes the browser parse it again, even the same one), or none before the first.
    fill: Option<Colour>,
    stroke: Option<Colour>,
    font: String,
    /// The text baseline and alignment last set (as the names the context takes), or empty.
    baseline: &'static str,
    align: &'static str,
    /// The words not yet drawn: all are drawn last, by font, colour and anchor, so that the
    /// context is told a font once per font rather than once per label.
    words: Vec<Words>,
    /// Where the same drawing is written as SVG too, if asked ([`StrokeBatch::writing_svg`]);
    /// the second program alone writes SVG.
    #[cfg(feature = "take-away")]
    svg: Option<Rc<RefCell<String>>>,
}

/// A colour as handed to the context: red, green, blue and the opacity's bits, to compare.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Colour((u8, u8, u8), u64);

impl Colour {
    fn of(color: BackendColor) -> Self {
        Self(color.rgb, color.alpha.to_bits())
    }
}

/// Words waiting to be drawn, as the context takes them.
struct Words {
    text: String,
    /// Whether they are drawn already.
    drawn: bool,
    at: BackendCoord,
    quarter_turns: u8,
    baseline: &'static str,
    align: &'static str,
    color: BackendColor,
    font: String,
    /// The same words as an SVG element, when an SVG is written.
    #[cfg(feature = "take-away")]
    svg: String,
}

impl Words {
    /// Whether the two are drawn together: the same font, colour and anchor.
    fn drawn_with(&self, other: &Words) -> bool {
        self.font == other.font
            && Colour::of(self.color) == Colour::of(other.color)
            && self.baseline == other.baseline
            && self.align == other.align
    }
}

impl StrokeBatch {
    /// The backend for `canvas`, if it has a 2D context.
    #[must_use]
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()?
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(Self {
            inner,
            context,
            waiting: None,
            path: String::new(),
            fill: None,
            stroke: None,
            font: String::new(),
            baseline: "",
            align: "",
            words: Vec::new(),
            #[cfg(feature = "take-away")]
            svg: None,
        })
    }

    /// The same backend, also writing what it draws as SVG elements into `svg` (the caller
    /// opens and closes the document, `charts::svg_writer`).
    #[cfg(feature = "take-away")]
    #[must_use]
    pub fn writing_svg(mut self, svg: Rc<RefCell<String>>) -> Self {
        self.svg = Some(svg);
        self
    }

    /// Writes into the SVG, if one is being written.
    #[cfg(feature = "take-away")]
    fn svg(&self, write: impl FnOnce(&mut String)) {
        if let Some(svg) = &self.svg {
            if let Ok(mut out) = svg.try_borrow_mut() {
                write(&mut out);
            }
        }
    }

    /// The page's program writes no SVG: nothing is written (and no SVG code is in it).
    #[cfg(not(feature = "take-away"))]
    #[allow(clippy::unused_self)] // the same call as the second program's
    fn svg(&self, _write: impl FnOnce(&mut String)) {}

    /// Draws the words waiting, grouped by font, colour and anchor (in the order each group
    /// first appears, and within a group in the order drawn): words never overlap one another,
    /// and all of them stand over every shape, as the charts lay them out.
    fn draw_words(&mut self) -> Result<(), Failed> {
        let mut words = std::mem::take(&mut self.words);
        let mut result = Ok(());
        for first in 0..words.len() {
            // Each group is drawn when its first words come up, all of it at once; words
            // drawn are marked so.
            let mut drawn_now = vec![false; words.len()];
            match words.get(first) {
                Some(lead) if !lead.drawn => {
                    for (i, w) in words.iter().enumerate().skip(first) {
                        if !w.drawn && w.drawn_with(lead) {
                            if let Some(mark) = drawn_now.get_mut(i) {
                                *mark = true;
                            }
                        }
                    }
                }
                _ => continue,
            }
            for (w, now) in words.iter_mut().zip(drawn_now) {
                if !now {
                    continue;
                }
                #[cfg(feature = "take-away")]
                {
                    let element = std::mem::take(&mut w.svg);
                    self.svg(|out| out.push_str(&element));
                }
                let drawn = self.fill_words(w);
                if result.is_ok() {
                    result = drawn;
                }
                w.drawn = true;
            }
        }
        result
    }

    /// Hands one set of words to the context.
    fn fill_words(&mut self, w: &Words) -> Result<(), Failed> {
        let (mut x, mut y) = (f64::from(w.at.0), f64::from(w.at.1));
        if w.quarter_turns > 0 {
            self.context.save();
            let turned = self.context.translate(x, y).and_then(|()| {
                self.context
                    .rotate(f64::from(w.quarter_turns) * std::f64::consts::FRAC_PI_2)
            });
            if let Err(e) = turned {
                self.context.restore();
                self.forget_state();
                return Err(failed(e));
            }
            (x, y) = (0.0, 0.0);
        }
        self.set_anchor(w.baseline, w.align);
        self.set_fill(w.color);
        if w.font != self.font {
            self.context.set_font(&w.font);
            self.font.clone_from(&w.font);
        }
        let drawn = self.context.fill_text(&w.text, x, y).map_err(failed);
        if w.quarter_turns > 0 {
            self.context.restore();
            self.forget_state();
        }
        drawn
    }

    /// Strokes the lines waiting, if any.
    fn stroke_waiting(&mut self) {
        let Some((rgb, alpha, width)) = self.waiting.take() else {
            return;
        };
        if let Ok(path) = Path2d::new_with_path_string(&self.path) {
            let color = BackendColor {
                rgb,
                alpha: f64::from_bits(alpha),
            };
            self.set_stroke(color);
            self.context.set_line_width(f64::from(width));
            self.context.stroke_with_path(&path);
            self.svg(|out| svg_writer::path(out, &self.path, color, width));
        }
        self.path.clear();
    }

    /// Sets the pen for a line or an outline.
    fn set_line(&mut self, style: &impl BackendStyle) {
        self.set_stroke(style.color());
        self.context.set_line_width(f64::from(style.stroke_width()));
    }

    /// Sets the stroke's colour, unless it is set already.
    fn set_stroke(&mut self, color: BackendColor) {
        let colour = Colour::of(color);
        if self.stroke != Some(colour) {
            self.context
                .set_stroke_style_str(&canvas_style::color(color));
            self.stroke = Some(colour);
        }
    }

    /// Sets the fill, unless it is set already.
    fn set_fill(&mut self, color: BackendColor) {
        let colour = Colour::of(color);
        if self.fill != Some(colour) {
            self.context.set_fill_style_str(&canvas_style::color(color));
            self.fill = Some(colour);
        }
    }

    /// Sets where text stands against its point, unless it is set already (each name crosses
    /// into the browser as a new string).
    fn set_anchor(&mut self, baseline: &'static str, align: &'static str) {
        if baseline != self.baseline {
            self.context.set_text_baseline(baseline);
            self.baseline = baseline;
        }
        if align != self.align {
            self.context.set_text_align(align);
            self.align = align;
        }
    }

    /// Forgets what was set, after the context restored an earlier state.
    fn forget_state(&mut self) {
        self.fill = None;
        self.stroke = None;
        self.font.clear();
        self.baseline = "";
        self.align = "";
    }

    /// Traces `points` as one closed shape and fills it.
    fn fill_shape(&self, points: impl IntoIterator<Item = BackendCoord>) {
        self.context.begin_path();
        for (i, (x, y)) in points.into_iter().enumerate() {
            if i == 0 {
                self.context.move_to(f64::from(x), f64::from(y));
            } else {
                self.context.line_to(f64::from(x), f64::from(y));
            }
        }
        self.context.close_path();
        self.context.fill();
    }
}

/// A horizontal or vertical line one pixel wide falls on pixel centres, as plotters draws it.
fn on_pixels(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut from, mut to) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    (from, to)
}

/// A drawing call the canvas's context refused (a transform or a text it threw on).
#[derive(Debug)]
struct Refused;

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the canvas refused a drawing call")
    }
}

impl std::error::Error for Refused {}

/// The context's error as the backend's.
fn failed(_: wasm_bindgen::JsValue) -> Failed {
    DrawingErrorKind::FontError(Box::new(Refused))
}

/// A line's colour, opacity (as bits, to compare) and width.
type Pen = ((u8, u8, u8), u64, u32);

impl DrawingBackend for StrokeBatch {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Failed> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Failed> {
        self.stroke_waiting();
        self.draw_words()?;
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failed> {
        self.stroke_waiting();
        if color.alpha > 0.0 {
            self.set_fill(color);
            self.context
                .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
            self.svg(|out| svg_writer::rect(out, point, (point.0 + 1, point.1 + 1), color, None));
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failed> {
        self.stroke_waiting();
        if style.color().alpha > 0.0 {
            self.svg(|out| {
                let mut data = String::new();
                svg_writer::path_data(&mut data, [from, to]);
                svg_writer::path(out, &data, style.color(), style.stroke_width());
            });
            let (from, to) = on_pixels(from, to);
            self.set_line(style);
            self.context.begin_path();
            self.context.move_to(from.0, from.1);
            self.context.line_to(to.0, to.1);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failed> {
        self.stroke_waiting();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        let outline = (!fill).then(|| style.stroke_width());
        self.svg(|out| svg_writer::rect(out, upper_left, bottom_right, style.color(), outline));
        if fill {
            self.set_fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.set_line(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failed> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let mut points = path.into_iter();
        let Some(start) = points.next() else {
            return Ok(());
        };
        let pen = (color.rgb, color.alpha.to_bits(), style.stroke_width());
        if self.waiting != Some(pen) {
            self.stroke_waiting();
            self.waiting = Some(pen);
        }
        svg_writer::path_data(&mut self.path, std::iter::once(start).chain(points));
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failed> {
        self.stroke_waiting();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.svg(|out| svg_writer::circle(out, center, radius, style.color(), fill));
        if fill {
            self.set_fill(style.color());
        } else {
            self.set_line(style);
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(failed)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failed> {
        self.stroke_waiting();
        if style.color().alpha > 0.0 {
            self.set_fill(style.color());
            let vert: Vec<BackendCoord> = vert.into_iter().collect();
            self.svg(|out| svg_writer::polygon(out, vert.iter().copied(), style.color()));
            self.fill_shape(vert);
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Failed> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let quarter_turns = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 1,
            FontTransform::Rotate180 => 2,
            FontTransform::Rotate270 => 3,
        };
        #[cfg(feature = "take-away")]
        let mut element = String::new();
        #[cfg(feature = "take-away")]
        if self.svg.is_some() {
            svg_writer::text(&mut element, text, pos, style);
        }
        self.words.push(Words {
            text: text.to_string(),
            drawn: false,
            at: pos,
            quarter_turns,
            baseline: match style.anchor().v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            },
            align: match style.anchor().h_pos {
                HPos::Left => "start",
                HPos::Right => "end",
                HPos::Center => "center",
            },
            color,
            font: canvas_style::font(
                style.style().as_str(),
                style.size(),
                style.family().as_str(),
            ),
            #[cfg(feature = "take-away")]
            svg: element,
        });
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Failed> {
        // Measured by this canvas, with the font string it draws with (plotters' own measure
        // writes the font's size with float formatting).
        // Within a saved state, so that the font the drawing last set stays set.
        self.context.save();
        self.context.set_font(&canvas_style::font(
            style.style().as_str(),
            style.size(),
            style.family().as_str(),
        ));
        let measured = self.context.measure_text(text);
        self.context.restore();
        let width = measured.map_err(failed)?.width();
        Ok((
            width.ceil().max(0.0) as u32,
            style.size().ceil().max(0.0) as u32,
        ))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), Failed> {
        self.stroke_waiting();
        self.inner.blit_bitmap(pos, size, src)
    }
}

//! The canvas backend, with two changes. Lines drawn one after another in the same colour and
//! width are stroked together, as one path handed to the canvas in one call: a reference bar's
//! stripes are dozens of short lines each, and stroked one by one they were most of the canvas
//! calls of a first drawing (1,348 strokes of six calls each for the page's eight charts).
//! Anything else drawn first strokes what is waiting, so that what is drawn later still covers
//! what was drawn earlier. And every shape is handed to the context here, with its colour and
//! font written from integers (`canvas_style.rs`): plotters-canvas's own drawing writes them with
//! the float formatting that was the largest single part of the chart program. Its backend still
//! owns the canvas (its size, its preparation, bitmaps).

use std::cell::RefCell;
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
    /// The fill, stroke and font last handed to the context (setting a font makes the browser
    /// parse it again, even the same one), or empty before the first.
    fill: String,
    stroke: String,
    font: String,
    /// The text baseline and alignment last set (as the names the context takes), or empty.
    baseline: &'static str,
    align: &'static str,
    /// Where the same drawing is written as SVG too, if asked ([`StrokeBatch::writing_svg`]).
    svg: Option<Rc<RefCell<String>>>,
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
            fill: String::new(),
            stroke: String::new(),
            font: String::new(),
            baseline: "",
            align: "",
            svg: None,
        })
    }

    /// The same backend, also writing what it draws as SVG elements into `svg` (the caller
    /// opens and closes the document, `charts::svg_writer`).
    #[must_use]
    pub fn writing_svg(mut self, svg: Rc<RefCell<String>>) -> Self {
        self.svg = Some(svg);
        self
    }

    /// Writes into the SVG, if one is being written.
    fn svg(&self, write: impl FnOnce(&mut String)) {
        if let Some(svg) = &self.svg {
            if let Ok(mut out) = svg.try_borrow_mut() {
                write(&mut out);
            }
        }
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
        let color = canvas_style::color(color);
        if color != self.stroke {
            self.context.set_stroke_style_str(&color);
            self.stroke = color;
        }
    }

    /// Sets the fill, unless it is set already.
    fn set_fill(&mut self, color: BackendColor) {
        let color = canvas_style::color(color);
        if color != self.fill {
            self.context.set_fill_style_str(&color);
            self.fill = color;
        }
    }

    /// Sets the font, unless it is set already.
    fn set_font(&mut self, style: &impl BackendTextStyle) {
        let font = canvas_style::font(
            style.style().as_str(),
            style.size(),
            style.family().as_str(),
        );
        if font != self.font {
            self.context.set_font(&font);
            self.font = font;
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
        self.fill.clear();
        self.stroke.clear();
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
        self.stroke_waiting();
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
        self.svg(|out| svg_writer::text(out, text, pos, style));
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        if quarter_turns > 0 {
            self.context.save();
            let turned = self.context.translate(x, y).and_then(|()| {
                self.context
                    .rotate(f64::from(quarter_turns) * std::f64::consts::FRAC_PI_2)
            });
            if let Err(e) = turned {
                self.context.restore();
                return Err(failed(e));
            }
            (x, y) = (0.0, 0.0);
        }
        self.set_anchor(
            match style.anchor().v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            },
            match style.anchor().h_pos {
                HPos::Left => "start",
                HPos::Right => "end",
                HPos::Center => "center",
            },
        );
        self.set_fill(color);
        self.set_font(style);
        let drawn = self.context.fill_text(text, x, y).map_err(failed);
        if quarter_turns > 0 {
            self.context.restore();
            self.forget_state();
        }
        drawn
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

//! The canvas backend with one change: lines drawn one after another in the same colour and
//! width are stroked together, as one path handed to the canvas in one call. A reference bar's
//! stripes are dozens of short lines each; stroked one by one they were most of the canvas calls
//! of a first drawing (1,348 strokes of six calls each for the page's eight charts). Anything
//! else drawn first strokes what is waiting, so that what is drawn later still covers what was
//! drawn earlier.

use std::fmt::Write;

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

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
        })
    }

    /// Strokes the lines waiting, if any.
    fn stroke_waiting(&mut self) {
        let Some((rgb, alpha, width)) = self.waiting.take() else {
            return;
        };
        if let Ok(path) = Path2d::new_with_path_string(&self.path) {
            let (r, g, b) = rgb;
            let alpha = f64::from_bits(alpha);
            self.context
                .set_stroke_style_str(&format!("rgba({r},{g},{b},{alpha})"));
            self.context.set_line_width(f64::from(width));
            self.context.stroke_with_path(&path);
        }
        self.path.clear();
    }
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
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failed> {
        self.stroke_waiting();
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failed> {
        self.stroke_waiting();
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
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
        // Writing to a String cannot fail.
        let _ = write!(self.path, "M{} {}", start.0, start.1);
        for (x, y) in points {
            let _ = write!(self.path, "L{x} {y}");
        }
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
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failed> {
        self.stroke_waiting();
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Failed> {
        self.stroke_waiting();
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Failed> {
        self.inner.estimate_text_size(text, style)
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

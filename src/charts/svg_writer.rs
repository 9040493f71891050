//! SVG written with every number in it an integer (colours, positions, sizes; an opacity and a
//! font size to a few places), so that the browser can hand a reader the chart they see as an
//! SVG file without the float formatting and the SVG machinery of plotters' own SVG backend
//! (about 18 KB of the chart program, gzip). The canvas backend writes these elements as it
//! draws, when asked (`web::stroke_batch`), so the chart code is not compiled a second time
//! for a second backend; [`SvgWriter`] is the same writing as a drawing backend of its own,
//! for the native tests that compare it with plotters' SVG. The native build keeps plotters'
//! backend for the static SVGs.

use std::fmt::Write;

use plotters::backend::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
    FontTransform,
};

use crate::model::wording::decimal;

/// Why the writer could not write (it always can: a `String` does not refuse).
#[derive(Debug)]
pub struct Unwritable;

impl std::fmt::Display for Unwritable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the SVG could not be written")
    }
}

impl std::error::Error for Unwritable {}

type Failed = DrawingErrorKind<Unwritable>;

/// Writes an SVG document of `size` pixels into a string, closed when presented.
pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> SvgWriter<'a> {
    /// A writer of a `size` pixels document into `out` (emptied first).
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        out.clear();
        open(out, size);
        Self {
            out,
            size,
            closed: false,
        }
    }
}

/// ` fill="rgb(r,g,b)"` (with its opacity if not opaque) for `attribute`.
pub(crate) fn paint(attribute: &str, color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    let mut words = format!(" {attribute}=\"rgb({r},{g},{b})\"");
    if color.alpha < 1.0 {
        words.push_str(&format!(
            " {attribute}-opacity=\"{}\"",
            decimal(color.alpha.max(0.0), 3)
        ));
    }
    words
}

/// Text with the five characters XML reserves written as entities.
fn escaped(text: &str) -> String {
    escape_markup(text, "&apos;")
}

/// Text made safe in markup, as content or in a quoted attribute: `&`, `<`, `>` and `"` as
/// entities, and `'` as `apostrophe` (HTML and SVG files spell it differently).
#[must_use]
pub fn escape_markup(text: &str, apostrophe: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apostrophe),
            c => out.push(c),
        }
    }
    out
}

fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut words = String::new();
    for (x, y) in path {
        // Writing to a String does not fail.
        let _ = write!(words, "{x},{y} ");
    }
    words.trim_end().to_string()
}

/// The opening of an SVG document of `size` pixels.
pub fn open(out: &mut String, (w, h): (u32, u32)) {
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n"
    ));
}

/// The end of the document.
pub fn close(out: &mut String) {
    out.push_str("</svg>\n");
}

/// A box from one corner to the other, filled, or outlined `outline` pixels wide.
pub fn rect(
    out: &mut String,
    (x0, y0): BackendCoord,
    (x1, y1): BackendCoord,
    color: BackendColor,
    outline: Option<u32>,
) {
    if color.alpha == 0.0 {
        return;
    }
    let (x, y, w, h) = (x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs());
    let look = match outline {
        None => paint("fill", color),
        Some(width) => format!(
            " fill=\"none\"{} stroke-width=\"{width}\"",
            paint("stroke", color)
        ),
    };
    out.push_str(&format!(
        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\"{look}/>\n"
    ));
}

/// Appends `points` to the data of an SVG path, as one line (`M0 0L10 0L10 5`).
pub fn path_data(data: &mut String, points: impl IntoIterator<Item = BackendCoord>) {
    for (i, (x, y)) in points.into_iter().enumerate() {
        // Writing to a String does not fail.
        let _ = write!(data, "{}{x} {y}", if i == 0 { "M" } else { "L" });
    }
}

/// Lines given as the data of an SVG path (`M0 0L10 0M…`), `width` pixels wide.
pub fn path(out: &mut String, data: &str, color: BackendColor, width: u32) {
    if color.alpha == 0.0 || data.is_empty() {
        return;
    }
    let stroke = paint("stroke", color);
    out.push_str(&format!(
        "<path fill=\"none\"{stroke} stroke-width=\"{width}\" d=\"{data}\"/>\n"
    ));
}

/// A circle, filled or outlined.
pub fn circle(
    out: &mut String,
    (x, y): BackendCoord,
    radius: u32,
    color: BackendColor,
    fill: bool,
) {
    if color.alpha == 0.0 {
        return;
    }
    let look = if fill {
        paint("fill", color)
    } else {
        format!(" fill=\"none\"{}", paint("stroke", color))
    };
    out.push_str(&format!(
        "<circle cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"{look}/>\n"
    ));
}

/// A filled shape through `vert`.
pub fn polygon(
    out: &mut String,
    vert: impl IntoIterator<Item = BackendCoord>,
    color: BackendColor,
) {
    if color.alpha == 0.0 {
        return;
    }
    let fill = paint("fill", color);
    out.push_str(&format!("<polygon{fill} points=\"{}\"/>\n", points(vert)));
}

/// Words as the chart code drew them, in their style: at `at`, anchored there, turned as the
/// style turns them.
pub fn text(out: &mut String, words: &str, (x, y): BackendCoord, style: &impl BackendTextStyle) {
    let color = style.color();
    if color.alpha == 0.0 {
        return;
    }
    let quarter_turns: u8 = match style.transform() {
        FontTransform::None => 0,
        FontTransform::Rotate90 => 1,
        FontTransform::Rotate180 => 2,
        FontTransform::Rotate270 => 3,
    };
    let family = style.family();
    let (family, size, bold) = (
        family.as_str(),
        style.size(),
        matches!(style.style(), FontStyle::Bold),
    );
    let (h, v) = (style.anchor().h_pos, style.anchor().v_pos);
    let anchor = match h {
        HPos::Left => "start",
        HPos::Center => "middle",
        HPos::Right => "end",
    };
    // Moved from the alphabetic baseline as plotters' own SVG moves it, which every viewer
    // follows (`dominant-baseline` is not read alike everywhere).
    let baseline = match v {
        VPos::Top => " dy=\"0.76em\"",
        VPos::Center => " dy=\"0.5ex\"",
        VPos::Bottom => "",
    };
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    let turn = if quarter_turns == 0 {
        String::new()
    } else {
        format!(
            " transform=\"rotate({} {x} {y})\"",
            u32::from(quarter_turns) * 90
        )
    };
    let fill = paint("fill", color);
    out.push_str(&format!(
        "<text x=\"{x}\" y=\"{y}\" font-family=\"{}\" font-size=\"{}\"{weight}{fill} text-anchor=\"{anchor}\"{baseline}{turn}>{}</text>\n",
        escaped(family),
        decimal(size, 2),
        escaped(words)
    ));
}

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = Unwritable;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), Failed> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), Failed> {
        if !self.closed {
            close(self.out);
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failed> {
        rect(self.out, point, (point.0 + 1, point.1 + 1), color, None);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failed> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failed> {
        let outline = (!fill).then(|| style.stroke_width());
        rect(self.out, upper_left, bottom_right, style.color(), outline);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        points: I,
        style: &S,
    ) -> Result<(), Failed> {
        let mut data = String::new();
        path_data(&mut data, points);
        path(self.out, &data, style.color(), style.stroke_width());
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failed> {
        circle(self.out, center, radius, style.color(), fill);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failed> {
        polygon(self.out, vert, style.color());
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        words: &str,
        style: &S,
        at: BackendCoord,
    ) -> Result<(), Failed> {
        text(self.out, words, at, style);
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), Failed> {
        // The chart code measures its own words; this answers plotters' own layout, if it asks.
        let size = style.size().max(0.0);
        let chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
        Ok((
            chars.saturating_mul((size * 0.6).ceil() as u32),
            size.ceil() as u32,
        ))
    }

    fn blit_bitmap(
        &mut self,
        _pos: BackendCoord,
        _size: (u32, u32),
        _src: &[u8],
    ) -> Result<(), Failed> {
        // The charts draw no bitmaps.
        Ok(())
    }
}

//! Colours, type sizes and spacing, scaled from CSS pixels to backing-store pixels.
//! The palettes are colour-blind safe (Okabe–Ito hues) in a light and a dark version.

use plotters::style::{FontDesc, FontFamily, FontStyle, RGBColor};

use crate::figures::Kind;

/// The font stack shared with the page's CSS.
pub const FONT_STACK: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif";

/// Type sizes in CSS pixels; none under 12.
pub mod size {
    /// Panel headings.
    pub const TITLE: f64 = 15.0;
    /// Bar labels and values.
    pub const LABEL: f64 = 13.0;
    /// Axis ticks.
    pub const TICK: f64 = 12.0;
}

/// The colours of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Behind everything.
    pub background: RGBColor,
    /// Headings, labels and values.
    pub text: RGBColor,
    /// Ticks and secondary words.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Bars of reference figures.
    pub reference: RGBColor,
    /// Bars of figures as reported by the article.
    pub as_reported: RGBColor,
    /// Bars computed by the program.
    pub derived: RGBColor,
    /// Bars set by the reader's scenario.
    pub scenario: RGBColor,
}

impl Palette {
    /// For light pages.
    pub const LIGHT: Palette = Palette {
        background: RGBColor(255, 255, 255),
        text: RGBColor(26, 26, 26),
        muted: RGBColor(84, 84, 84),
        grid: RGBColor(214, 214, 214),
        reference: RGBColor(0, 114, 178),
        as_reported: RGBColor(213, 94, 0),
        derived: RGBColor(0, 128, 94),
        scenario: RGBColor(176, 90, 140),
    };

    /// For dark pages: drawn dark, not inverted.
    pub const DARK: Palette = Palette {
        background: RGBColor(23, 23, 23),
        text: RGBColor(236, 236, 236),
        muted: RGBColor(184, 184, 184),
        grid: RGBColor(70, 70, 70),
        reference: RGBColor(86, 180, 233),
        as_reported: RGBColor(230, 159, 0),
        derived: RGBColor(64, 201, 160),
        scenario: RGBColor(224, 143, 192),
    };

    /// For forced colours: the reader's own system colours, `text` on `background`, with
    /// `muted` for ticks and grid. Every bar is filled with the text colour; its kind is told by
    /// its pattern alone (see [`crate::charts::hatching`]).
    #[must_use]
    pub fn system(text: RGBColor, background: RGBColor, muted: RGBColor) -> Palette {
        Palette {
            background,
            text,
            muted,
            grid: muted,
            reference: text,
            as_reported: text,
            derived: text,
            scenario: text,
        }
    }

    /// The bar colour for a kind of figure.
    #[must_use]
    pub fn of_kind(&self, kind: Kind) -> RGBColor {
        match kind {
            Kind::AsReported => self.as_reported,
            Kind::Reference => self.reference,
            Kind::Derived => self.derived,
            // The reader's own numbers, both: their patterns tell them apart.
            Kind::Scenario | Kind::Guess => self.scenario,
        }
    }
}

/// A colour as a browser's computed style writes it: `"rgb(12, 34, 56)"` or
/// `"rgba(12, 34, 56, 1)"`; `None` for anything else.
#[must_use]
pub fn parse_rgb(words: &str) -> Option<RGBColor> {
    let inner = words
        .trim()
        .strip_prefix("rgba(")
        .or_else(|| words.trim().strip_prefix("rgb("))?
        .strip_suffix(')')?;
    // Digits read by hand: the standard parser would add its machinery to the chart program.
    let channel = |c: &str| {
        let c = c.trim();
        let n = c.bytes().try_fold(0_u32, |n, b| {
            b.is_ascii_digit()
                .then(|| n * 10 + u32::from(b - b'0'))
                .filter(|&n| n < 1000)
        })?;
        u8::try_from(n).ok().filter(|_| !c.is_empty())
    };
    let mut channels = inner.split(',').map(channel);
    let (r, g, b) = (channels.next()??, channels.next()??, channels.next()??);
    Some(RGBColor(r, g, b))
}

/// WCAG relative luminance of a colour.
#[must_use]
pub fn luminance(RGBColor(r, g, b): RGBColor) -> f64 {
    let channel = |c: u8| {
        let s = f64::from(c) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            power_2_4((s + 0.055) / 1.055)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// `x` to the power 2.4 (sRGB's exponent), for `x` in [0, 1]: x² times the fifth root of x²,
/// the root found by Newton's method (within four units in the last place of the library's
/// `powf`, a test says; it keeps the library's general `pow` out of the wasm).
#[must_use]
pub fn power_2_4(x: f64) -> f64 {
    let square = x * x;
    if square <= 0.0 {
        return 0.0;
    }
    // From 1, above the root, Newton's steps fall to it without overshooting.
    let mut root = 1.0_f64;
    for _ in 0..100 {
        let fourth = root * root * root * root;
        let next = root - (fourth * root - square) / (5.0 * fourth);
        if next >= root {
            break;
        }
        root = next;
    }
    square * root
}

/// WCAG contrast ratio between two colours, from 1 to 21.
#[must_use]
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white, whichever reads better on `fill`.
#[must_use]
pub fn text_on(fill: RGBColor) -> RGBColor {
    let (black, white) = (RGBColor(0, 0, 0), RGBColor(255, 255, 255));
    if contrast(black, fill) >= contrast(white, fill) {
        black
    } else {
        white
    }
}

/// A palette and the ratio from CSS pixels to backing-store pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// The colours.
    pub palette: Palette,
    /// Backing-store pixels per CSS pixel (the device pixel ratio), at least 1/4.
    pub scale: f64,
    /// The reader's text size against the usual 16 px (a browser set to 32 px makes it 2): the
    /// chart's words, and the room their lines take, grow by it. Never under 1, so that no word
    /// is drawn under 12 px; at most 4.
    pub text: f64,
    /// What a font's size is multiplied by when it is handed to the backend: 1, except for
    /// plotters' SVG backend, which writes a font of size `s` as `font-size="s / 1.24"` and so
    /// is given [`SVG_FONT_FACTOR`] to set the text at the size the chart was laid out for.
    pub font_factor: f64,
}

/// See [`Theme::font_factor`].
pub const SVG_FONT_FACTOR: f64 = 1.24;

impl Theme {
    /// A theme at a device pixel ratio; a ratio that is not a sensible positive number counts as 1.
    #[must_use]
    pub fn new(palette: Palette, scale: f64) -> Self {
        let scale = if scale.is_finite() && scale >= 0.25 {
            scale.min(8.0)
        } else {
            1.0
        };
        Self {
            palette,
            scale,
            text: 1.0,
            font_factor: 1.0,
        }
    }

    /// The same theme for a reader whose text is `text` times the usual size (see
    /// [`Theme::text`]); anything not a number from 1 to 4 counts as the nearest of them, or 1.
    #[must_use]
    pub fn with_text(self, text: f64) -> Self {
        let text = if text.is_finite() {
            text.clamp(1.0, 4.0)
        } else {
            1.0
        };
        Self { text, ..self }
    }

    /// A length that goes with the words (a line's height, a word's size), in CSS pixels at the
    /// usual text size, to backing-store pixels at the reader's, rounded.
    #[must_use]
    pub fn text_px(&self, css: f64) -> i32 {
        (css * self.scale * self.text).round() as i32
    }

    /// The same theme for plotters' SVG backend (see [`Theme::font_factor`]).
    #[must_use]
    pub fn for_svg(self) -> Self {
        Self {
            font_factor: SVG_FONT_FACTOR,
            ..self
        }
    }

    /// CSS pixels to backing-store pixels, rounded.
    #[must_use]
    pub fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// A stroke width in backing-store pixels, at least 1.
    #[must_use]
    pub fn stroke(&self, css: f64) -> u32 {
        u32::try_from(self.px(css).max(1)).unwrap_or(1)
    }

    /// The font at a CSS size.
    #[must_use]
    pub fn font(&self, css: f64, bold: bool) -> FontDesc<'static> {
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let size = css * self.scale * self.text * self.font_factor;
        FontDesc::new(FontFamily::Name(FONT_STACK), size, style)
    }
}

//! How wide a line of text will be. The browser measures with its canvas; natively (static SVG,
//! tests) a per-character estimate for common sans-serif faces stands in, erring wide so that
//! static charts do not clip their words.

/// Measures text in backing-store pixels.
pub trait TextWidth {
    /// The width of `words` set at `size` pixels, bold or not.
    fn text_width(&self, words: &str, size: f64, bold: bool) -> f64;
}

/// An estimate from character classes, in ems of a typical sans-serif face.
#[derive(Debug, Clone, Copy, Default)]
pub struct Estimate;

impl TextWidth for Estimate {
    fn text_width(&self, words: &str, size: f64, bold: bool) -> f64 {
        let ems: f64 = words.chars().map(char_em).sum();
        ems * size * if bold { 1.14 } else { 1.0 }
    }
}

fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '’' | '‘' => 0.3,
        ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '“' | '”' | '"' | '·' => 0.38,
        'm' | 'w' | '%' | '€' | '—' => 0.9,
        'M' | 'W' => 0.95,
        '0'..='9' | '$' | '–' | '-' => 0.64,
        c if c.is_uppercase() => 0.72,
        _ => 0.6,
    }
}

//! The static charts' words, read back from the SVG the build writes: set at the size the chart
//! was laid out for (never under 12 CSS pixels), and written inside a bar only where the bar is
//! as tall as the words.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::{charts, real};
use reassurance_force::catalogue::STATIC_VERSIONS;
use reassurance_force::charts::theme::{Palette, Theme};
use reassurance_force::static_svg;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

/// One element of an SVG as plotters writes it: its tag and the number in attribute `name`.
struct Element<'a> {
    tag: &'a str,
    text: &'a str,
}

impl Element<'_> {
    fn number(&self, name: &str) -> Option<f64> {
        let start = self.text.find(&format!(" {name}=\""))? + name.len() + 3;
        let rest = self.text.get(start..)?;
        rest.get(..rest.find('"')?)?.parse().ok()
    }
}

/// The elements of `svg`, in drawing order.
fn elements(svg: &str) -> Vec<Element<'_>> {
    svg.split('<')
        .filter(|piece| !piece.starts_with('/'))
        .filter_map(|piece| {
            let tag = piece.split([' ', '>', '/']).next()?;
            (!tag.is_empty()).then_some(Element { tag, text: piece })
        })
        .collect()
}

/// A static chart: its name, its pixel ratio and its SVG.
type Drawn = (String, f64, String);

/// Every chart's static versions, light at 1×, and dark at 2× as the snapshots pin it.
fn every_static_chart() -> std::result::Result<Vec<Drawn>, Box<dyn std::error::Error>> {
    let figures = real()?;
    let mut out = Vec::new();
    for (palette, scale) in [(Palette::LIGHT, 1.0), (Palette::DARK, 2.0)] {
        let theme = Theme::new(palette, scale);
        let heights = reassurance_force::frame_height::heights(&figures)?;
        for ((id, spec), heights) in charts(&figures).into_iter().zip(&heights) {
            for (width, suffix) in STATIC_VERSIONS {
                let height = reassurance_force::frame_height::at_width(heights, width);
                let svg = static_svg::render(id, &figures, (width, height), &theme)?;
                out.push((
                    format!("{}{suffix} at {scale}×", spec.slug.as_str()),
                    scale,
                    svg,
                ));
            }
        }
    }
    Ok(out)
}

#[test]
fn no_word_of_a_static_chart_is_under_12_css_pixels() -> Result {
    for (name, scale, svg) in every_static_chart()? {
        let sizes: Vec<f64> = elements(&svg)
            .iter()
            .filter(|e| e.tag == "text")
            .filter_map(|e| e.number("font-size"))
            .collect();
        assert!(!sizes.is_empty(), "{name}: no words");
        for size in sizes {
            assert!(
                size / scale >= 12.0 - 1e-9,
                "{name}: words at {} CSS px",
                size / scale
            );
        }
    }
    Ok(())
}

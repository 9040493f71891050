//! The SVG a reader downloads is the chart the page draws: written by the browser's own SVG
//! writer from the same chart code, it holds the same words at the same places and the same
//! boxes as plotters' SVG of the same chart, every number in it an integer (the browser's
//! canvas backend writes the same elements through the same functions).
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::real;
use plotters::drawing::IntoDrawingArea;
use reassurance_force::charts::svg_writer::SvgWriter;
use reassurance_force::charts::text_width::Estimate;
use reassurance_force::charts::theme::{Palette, Theme};
use reassurance_force::charts::Style;
use reassurance_force::page_skeleton::build_all;
use reassurance_force::static_svg;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

/// The words of every `<text>` element, in order, entities left as written.
fn words(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let inner = rest.split_once('>')?.1;
            Some(inner.split("</text>").next()?.trim().to_string())
        })
        .collect()
}

/// The given attributes of every `<tag>` element, in order.
fn places(svg: &str, tag: &str, names: &[&str]) -> Vec<Vec<String>> {
    svg.split(&format!("<{tag} "))
        .skip(1)
        .map(|element| {
            let head = element.split('>').next().unwrap_or_default();
            names
                .iter()
                .map(|name| {
                    head.split(&format!(" {name}=\""))
                        .nth(1)
                        .or_else(|| head.strip_prefix(&format!("{name}=\"")))
                        .and_then(|rest| rest.split('"').next())
                        .unwrap_or_default()
                        .to_string()
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_writer_s_svg_holds_what_plotters_svg_holds_in_integers() -> Result {
    let figures = real()?;
    let theme = Theme::new(Palette::DARK, 2.0);
    for (spec, model) in build_all(&figures)? {
        let size = (608 * 2, spec.height * 2);
        let reference = static_svg::draw(&model, size, &theme)?;
        let mut ours = String::new();
        {
            let area = SvgWriter::new(&mut ours, size).into_drawing_area();
            let style = Style {
                theme: &theme,
                measure: &Estimate,
                focus: None,
                country: None,
                sheet: model
                    .map_sheet()
                    .and_then(|slug| reassurance_force::atlas::committed()?.sheet(slug)),
                ground: None,
            };
            model.draw(&area, style)?;
            area.present()?;
        }
        let slug = spec.slug.as_str();
        assert!(
            ours.starts_with("<svg ") && ours.trim_end().ends_with("</svg>"),
            "{slug}: not a whole document"
        );
        assert!(!words(&ours).is_empty(), "{slug}: no words");
        assert_eq!(words(&ours), words(&reference), "{slug}: the words differ");
        // The same words at the same places, and the same boxes.
        let at = ["x", "y", "text-anchor"];
        assert!(
            places(&ours, "text", &at)
                .iter()
                .all(|p| p.iter().all(|v| !v.is_empty())),
            "{slug}: a word without its place"
        );
        assert_eq!(
            places(&ours, "text", &at),
            places(&reference, "text", &at),
            "{slug}: words placed apart"
        );
        let boxes = ["x", "y", "width", "height"];
        assert_eq!(
            places(&ours, "rect", &boxes),
            places(&reference, "rect", &boxes),
            "{slug}: the boxes differ"
        );
        // Every number is an integer, but an opacity or a font size with its decimals.
        for number in ours
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter(|n| n.contains('.') && n.chars().any(|c| c.is_ascii_digit()))
        {
            let decimals = number.split('.').nth(1).unwrap_or_default();
            assert!(decimals.len() <= 3, "{slug}: {number} in the SVG");
        }
    }
    Ok(())
}

#[test]
fn words_are_written_as_xml_needs_them() -> Result {
    let mut out = String::new();
    {
        let area = SvgWriter::new(&mut out, (100, 50)).into_drawing_area();
        let style = plotters::style::TextStyle::from(plotters::style::IntoFont::into_font((
            "sans-serif",
            12.0,
        )));
        area.draw(&plotters::element::Text::new(
            "A & B <C> \"D\" 'E'",
            (1, 2),
            style,
        ))?;
        area.present()?;
    }
    assert!(
        out.contains(">A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos;</text>"),
        "{out}"
    );
    Ok(())
}

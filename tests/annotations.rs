//! Annotations declared in the figures file: a line at a value, a band between two values, or
//! words under a bar. Each is worked out from the file's figures (never typed in), drawn where
//! it reads without touching a bar or other words, and reached by the keyboard, the table and
//! the CSV in reading order, as a row of the chart's data.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::{chart_id, edited, real};
use reassurance_force::catalogue::Model;
use reassurance_force::charts::clearance::problems;
use reassurance_force::charts::theme::{Palette, Theme};
use reassurance_force::data_table;
use reassurance_force::figures::{self, Figures};
use reassurance_force::model::annotation::Anchor;
use reassurance_force::model::panel::Bar;
use reassurance_force::model::scenario::Scenario;
use reassurance_force::model::wording;
use reassurance_force::static_svg;
use serde_json::{json, Value};

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

/// The committed figures with chart `slug`'s annotations replaced by `notes`.
fn with_notes(slug: &str, notes: Value) -> std::result::Result<Figures, String> {
    let text = edited(|tree| {
        if let Some(charts) = tree.get_mut("charts").and_then(Value::as_array_mut) {
            for chart in charts {
                if chart.get("slug").and_then(Value::as_str) == Some(slug) {
                    chart["annotations"] = notes.clone();
                }
            }
        }
    });
    figures::parse(&text).map_err(|e| e.to_string())
}

/// Chart `slug`'s model, or the message that stops it.
fn model_of(figures: &Figures, slug: &str) -> std::result::Result<Model, String> {
    let id = chart_id(figures, slug).map_err(|e| e.to_string())?;
    Model::build(id, figures, &Scenario::from_figures(figures)).map_err(|e| e.to_string())
}

fn figure_bar(figures: &Figures, id: &str) -> std::result::Result<Bar, String> {
    let figure = figures.get(id).map_err(|e| e.to_string())?;
    Ok(Bar::of(figure, figures))
}

#[test]
fn the_articles_bound_is_a_line_and_a_row_of_the_data_above_the_shares() -> Result {
    let figures = real()?;
    let claim = figure_bar(&figures, "claim.force-share-of-nato")?;
    let value = claim.value.ok_or("the claim has no value")?;
    let model = model_of(&figures, "troop-share")?;
    let panels = model.panels();
    let shares = panels.first().ok_or("no share panel")?;
    let note = shares.notes.first().ok_or("no annotation on the shares")?;
    assert_eq!(note.anchor, Anchor::Line(value));
    assert!(shares.axis.max > value, "the axis reaches the line");
    // Its words name the value as the file gives it, and the bound in the article's words.
    let label = &note.row.label;
    assert!(
        label.contains(&format!("less than {}", wording::percent(value))),
        "{label}"
    );
    assert_eq!(
        (note.row.kind, &note.row.source, &note.row.measure.key),
        (claim.kind, &claim.source, &claim.measure.key)
    );
    // First in reading order: the line's words stand above the panel's bars.
    let rows = model.bars();
    assert_eq!(
        rows.first().map(|r| r.id.as_str()),
        Some(note.row.id.as_str())
    );
    let table = data_table::rows(&model);
    assert!(table.iter().any(|r| r.first() == Some(label)), "{table:?}");
    assert!(data_table::csv(&model).contains(&note.row.id));
    Ok(())
}

#[test]
fn a_line_a_band_and_words_under_a_bar_are_drawn_in_reading_order_and_never_collide() -> Result {
    let figures = with_notes(
        "capability",
        json!([
            {"panel": 0, "text": "The fleet counts span {value}",
             "range": ["tanks.germany-leopard", "tanks.germany-stock"]},
            {"panel": 0, "text": "The article: {value}", "value": "tanks.germany-operational"},
            {"panel": 1, "text": "Ready is not the fleet", "bar": "aircraft.france-ready"}
        ]),
    )?;
    let model = model_of(&figures, "capability")?;
    let panels = model.panels();
    let tanks = panels.first().ok_or("no tank panel")?;
    let (fleet, leopards, operational) = (
        figure_bar(&figures, "tanks.germany-leopard")?,
        figure_bar(&figures, "tanks.germany-stock")?,
        figure_bar(&figures, "tanks.germany-operational")?,
    );
    let anchors: Vec<Anchor> = tanks.notes.iter().map(|n| n.anchor).collect();
    let (Some(from), Some(to), Some(at)) = (fleet.value, leopards.value, operational.value) else {
        return Err("a tank figure has no value".into());
    };
    assert_eq!(anchors, vec![Anchor::Band(from, to), Anchor::Line(at)]);
    let band = tanks.notes.first().ok_or("no band")?;
    assert!(
        band.row.label.contains(&band.row.bare_value_text()),
        "{}",
        band.row.label
    );
    let aircraft = panels.get(1).ok_or("no aircraft panel")?;
    let ready = aircraft
        .bars
        .iter()
        .find(|b| b.id == "aircraft.france-ready")
        .ok_or("no ready aircraft")?;
    assert_eq!(ready.annotation.as_deref(), Some("Ready is not the fleet"));
    assert!(ready.describe().contains("Ready is not the fleet"));
    // Read with its bar, and in the bar's note in the table and the CSV.
    let table = data_table::rows(&model);
    let row = table
        .iter()
        .find(|r| r.first() == Some(&ready.label))
        .ok_or("no table row for the ready aircraft")?;
    let note = row.last().ok_or("no note column")?;
    let figure_note = ready.note.clone().unwrap_or_default();
    assert!(
        !figure_note.is_empty()
            && note.starts_with(&figure_note)
            && note.ends_with("Ready is not the fleet"),
        "{note}"
    );
    let csv = data_table::csv(&model);
    let line = csv
        .lines()
        .find(|l| l.starts_with("aircraft.france-ready,"))
        .ok_or("no CSV row")?;
    assert!(line.ends_with("Ready is not the fleet"), "{line}");

    // The rows: each panel's lines and bands, then its bars.
    let ids: Vec<String> = model.bars().into_iter().map(|b| b.id).collect();
    let first_bar = ids.iter().position(|id| id == "tanks.germany-operational");
    assert_eq!(first_bar, Some(2), "{ids:?}");

    for width in [288, 343, 608] {
        for (ratio, palette) in [(1.0, Palette::LIGHT), (3.0, Palette::DARK)] {
            let theme = Theme::new(palette, ratio);
            let size = (width * ratio as u32, 620 * ratio as u32);
            let (_, layout) = static_svg::draw_with_layout(&model, size, &theme)?;
            let drawn: Vec<&str> = layout.hits.iter().map(|h| h.id.as_str()).collect();
            assert_eq!(drawn, ids.iter().map(String::as_str).collect::<Vec<_>>());
            // Reading order is top to bottom: the keyboard's order is the eye's.
            let tops: Vec<i32> = layout.hits.iter().map(|h| h.rect.1).collect();
            assert!(
                tops.iter().zip(tops.iter().skip(1)).all(|(a, b)| a < b),
                "{width} px: {tops:?}"
            );
            let found = problems(&layout.marks, (size.0 as i32, size.1 as i32));
            assert!(found.is_empty(), "{width} px ×{ratio}: {found:#?}");
        }
    }
    Ok(())
}

#[test]
fn a_wrong_annotation_is_named_with_what_is_wrong() {
    let cases = [
        (
            "capability",
            json!([{"panel": 9, "text": "x", "value": "gap.months"}]),
            "no such panel",
        ),
        (
            "capability",
            json!([{"panel": 0, "text": "x", "bar": "gap.months"}]),
            "no such bar",
        ),
        (
            "capability",
            json!([{"panel": 0, "text": "x", "value": "personnel.france"}]),
            "is in personnel, not count",
        ),
        (
            "coalition",
            json!([{"panel": 0, "text": "x", "implied_before": ["claim.delegations", "meeting.2025-02-17"]}]),
            "is in countries, not percent",
        ),
        (
            "troop-share",
            json!([{"panel": 0, "text": "The article: {value}", "value": "claim.force-share-of-nato"}]),
            "is a bound",
        ),
        (
            "capability",
            json!([{"panel": 0, "text": "x", "value": "tanks.germany-stock", "bar": "tanks.germany-stock"}]),
            "tied to one of",
        ),
        (
            "capability",
            json!([{"panel": 0, "text": "{year}", "value": "tanks.germany-stock"}]),
            "no value named “year”",
        ),
        (
            "capability",
            json!([{"panel": 0, "text": "{value}", "bar": "tanks.germany-stock"}]),
            "the bar says its value",
        ),
        (
            "budgets",
            json!([{"panel": 0, "text": "x", "value": "money.safe-loans"}]),
            "carries no annotations",
        ),
        (
            "troop-share",
            json!([{"panel": 0, "text": "The government: {value}", "value": "claim.force-share-of-nato"}]),
            "is a bound",
        ),
        (
            "intelligence",
            json!([{"panel": 0, "text": "x", "value": "claim.us-data-share"}]),
            "no annotations",
        ),
        (
            "capability",
            json!([{"panel": 0, "text": "x", "value": "no.such-figure"}]),
            "no.such-figure",
        ),
    ];
    for (slug, notes, expected) in cases {
        let message = match with_notes(slug, notes.clone()) {
            Err(message) => message,
            Ok(figures) => model_of(&figures, slug).err().unwrap_or_default(),
        };
        assert!(
            message.contains(expected) && message.contains("annotations[0]"),
            "{notes}: {message:?}"
        );
    }
}

/// The words of an SVG's `<text>` elements, in drawing order, unescaped.
fn svg_words(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|part| {
            let inner = part.split_once('>')?.1;
            Some(inner.split_once("</text>")?.0.trim().to_string())
        })
        .map(|w| {
            w.replace("&apos;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn every_annotation_is_drawn_whole_at_every_width() -> Result {
    let figures = real()?;
    let mut checked = 0;
    for slug in ["coalition", "capability", "geography", "troop-share"] {
        let id = chart_id(&figures, slug)?;
        let model = model_of(&figures, slug)?;
        let height = id.spec(&figures)?.height;
        let mut texts: Vec<String> = Vec::new();
        for panel in model.panels() {
            texts.extend(panel.notes.iter().map(|n| n.text().to_string()));
            texts.extend(panel.bars.iter().filter_map(|b| b.annotation.clone()));
        }
        assert!(!texts.is_empty(), "{slug} has annotations");
        for width in [288, 328, 343, 480, 608] {
            let theme = Theme::new(Palette::LIGHT, 1.0);
            let (svg, _) = static_svg::draw_with_layout(&model, (width, height), &theme)?;
            // Lines of one annotation are drawn one after another: joined, they are its words.
            let drawn = svg_words(&svg).join(" ");
            for text in &texts {
                assert!(
                    drawn.contains(text.as_str()),
                    "{slug} at {width} px: “{text}” not whole in {drawn}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 4 * 5, "only {checked} checked");
    Ok(())
}

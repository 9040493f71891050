//! Every chart is legible in the frame the page gives it: at the frame widths of a 320, 375,
//! 768 and 1280 px window (and the static versions' widths), at pixel ratios 1 and 3, light and
//! dark, no words run into other words or across a bar, and nothing leaves the frame. Drawn
//! natively, as the static SVGs are; the browser's own drawing is checked in web.rs.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::real;
use reassurance_force::catalogue::{ChartId, Model, STATIC_VERSIONS};
use reassurance_force::charts::clearance::problems;
use reassurance_force::charts::pen::Mark;
use reassurance_force::charts::theme::{Palette, Theme};
use reassurance_force::frame_height::{
    at_width, extremes, frame_width, height_px, heights, with_guesses, TEXT_SIZES,
};
use reassurance_force::model::scenario::{Scenario, FORCE_RANGE};
use reassurance_force::model::scenario_url::apply_query;
use reassurance_force::page_skeleton::build_all;
use reassurance_force::static_svg;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

/// The chart frame's width in a window of 320, 375, and 768 px or more (the text column less
/// 1rem each side).
const PAGE_WIDTHS: [u32; 3] = [288, 343, 608];

#[test]
fn every_chart_is_legible_at_every_width_ratio_and_palette() -> Result {
    let figures = real()?;
    let widths: Vec<u32> = PAGE_WIDTHS
        .into_iter()
        .chain(STATIC_VERSIONS.map(|(w, _)| w))
        .collect();
    let mut found = Vec::new();
    let mut checked = 0;
    let heights = heights(&figures)?;
    for ((spec, model), heights) in build_all(&figures)?.into_iter().zip(&heights) {
        for &width in &widths {
            let height = at_width(heights, width);
            for ratio in [1.0, 3.0] {
                for palette in [Palette::LIGHT, Palette::DARK] {
                    let theme = Theme::new(palette, ratio);
                    let size = (width * ratio as u32, height * ratio as u32);
                    let (_, layout) = static_svg::draw_with_layout(&model, size, &theme)?;
                    assert!(
                        layout.marks.iter().any(|m| m.words),
                        "{}: no words drawn",
                        spec.slug
                    );
                    let frame = (size.0 as i32, size.1 as i32);
                    for problem in problems(&layout.marks, frame) {
                        found.push(format!(
                            "{} at {width}×{height} px, ratio {ratio}: {problem}",
                            spec.slug
                        ));
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 8 * 5 * 4, "only {checked} drawings checked");
    none_found(&found);
    Ok(())
}

/// The charts that follow the reader stay legible in every scenario the controls can make: the
/// smallest and largest force, each sharing rule and rotation, the budgets as shares of GDP, in
/// each currency and order.
#[test]
fn the_charts_that_follow_the_reader_are_legible_in_every_scenario() -> Result {
    let figures = real()?;
    let (least, most) = (FORCE_RANGE.start(), FORCE_RANGE.end());
    let queries = [
        format!("force={least}&share=equal&rotation=1"),
        format!("force={most}&share=budget&rotation=4"),
        format!("force={most}&share=personnel&rotation=1"),
        "budget=gdp&sort=name".to_string(),
        "currency=usd&sort=size".to_string(),
        "currency=published".to_string(),
    ];
    let mut found = Vec::new();
    let mut checked = 0;
    let heights = heights(&figures)?;
    for query in &queries {
        let mut scenario = Scenario::from_figures(&figures);
        let ignored = apply_query(query, &mut scenario);
        assert!(ignored.is_empty(), "{query}: {ignored:?}");
        for (id, heights) in ChartId::all(&figures).zip(&heights) {
            let spec = id.spec(&figures)?;
            if !spec.kind.follows_scenario() {
                continue;
            }
            let model = Model::build(id, &figures, &scenario)?;
            for width in PAGE_WIDTHS {
                let height = at_width(heights, width);
                for ratio in [1.0, 3.0] {
                    let theme = Theme::new(Palette::LIGHT, ratio);
                    let size = (width * ratio as u32, height * ratio as u32);
                    let (_, layout) = static_svg::draw_with_layout(&model, size, &theme)?;
                    for problem in problems(&layout.marks, (size.0 as i32, size.1 as i32)) {
                        found.push(format!(
                            "{} ({query}) at {width} px ×{ratio}: {problem}",
                            spec.slug
                        ));
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(
        checked >= queries.len() * 3 * 3 * 2,
        "only {checked} drawings checked"
    );
    none_found(&found);
    Ok(())
}

/// In larger type (the browser's text set from 16 px to twice that), on a phone and a small
/// window, every chart fits the frame the style sheet gives it (its height in rem, in the range
/// the window falls in at that text size) in every extreme of the controls: no frame has to grow
/// as the page loads, so nothing below it moves; and it is legible there. In larger type still
/// (two and a half times), the chart asks for a taller frame, and is legible in it.
#[test]
fn in_larger_type_every_chart_fits_its_frame_and_beyond_that_asks_for_more() -> Result {
    let figures = real()?;
    let heights = heights(&figures)?;
    let start = Scenario::from_figures(&figures);
    let mut found = Vec::new();
    let (mut checked, mut grown) = (0, 0);
    for (id, heights) in ChartId::all(&figures).zip(&heights) {
        let spec = id.spec(&figures)?;
        let scenarios = if spec.kind.follows_scenario() {
            extremes(start)
        } else {
            vec![start]
        };
        let models = scenarios
            .into_iter()
            .map(|scenario| Model::build(id, &figures, &scenario))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        for model in models.into_iter().flat_map(|m| with_guesses(spec, m)) {
            for window in [320.0, 375.0, 768.0] {
                for t in TEXT_SIZES.into_iter().chain([2.5]) {
                    let theme = Theme::new(Palette::LIGHT, 1.0).with_text(t);
                    let width = frame_width(window, t).round() as u32;
                    let frame = height_px(heights, window, t);
                    let (svg, first) =
                        static_svg::draw_with_layout(&model, (width, frame), &theme)?;
                    let needed = u32::try_from(first.height).unwrap_or(0);
                    if needed > frame {
                        if t <= 2.0 {
                            found.push(format!(
                                "{} at a {window} px window, text ×{t}: needs {needed} px, the frame has {frame}",
                                spec.slug
                            ));
                        }
                        grown += 1;
                    }
                    assert!(!svg.contains('…'), "{} at {width} px: words cut", spec.slug);
                    let height = frame.max(needed);
                    let (_, layout) =
                        static_svg::draw_with_layout(&model, (width, height), &theme)?;
                    for problem in problems(&layout.marks, (width as i32, height as i32)) {
                        found.push(format!("{} at {width} px, text ×{t}: {problem}", spec.slug));
                    }
                    checked += 1;
                }
            }
        }
    }
    none_found(&found);
    assert!(checked > 8 * 3 * 5, "only {checked} drawings checked");
    // Past the text sizes the style sheet holds, some chart asks for more on a phone.
    assert!(
        grown > 0,
        "no frame had to grow: the test does not reach the growing"
    );
    Ok(())
}

/// Fails with every problem found, one a line.
fn none_found(found: &[String]) {
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}

fn words(rect: (i32, i32, i32, i32)) -> Mark {
    Mark { rect, words: true }
}

fn shape(rect: (i32, i32, i32, i32)) -> Mark {
    Mark { rect, words: false }
}

#[test]
fn the_check_finds_words_over_words_across_a_bar_and_out_of_the_frame() {
    let frame = (100, 100);
    assert!(problems(
        &[
            words((0, 0, 40, 10)),
            words((50, 0, 90, 10)),
            shape((0, 12, 90, 20))
        ],
        frame
    )
    .is_empty());
    // A value written inside its bar is legible.
    assert!(problems(&[shape((0, 0, 90, 20)), words((60, 5, 85, 15))], frame).is_empty());
    // Words taller than the bar they are written in stand out of it.
    assert_eq!(
        problems(&[shape((0, 5, 90, 15)), words((60, 0, 85, 20))], frame).len(),
        1
    );
    assert_eq!(
        problems(&[words((0, 0, 40, 10)), words((30, 5, 70, 15))], frame).len(),
        1
    );
    assert_eq!(
        problems(&[words((0, 0, 40, 10)), shape((30, 5, 70, 15))], frame).len(),
        1
    );
    assert_eq!(
        problems(&[shape((30, 5, 70, 15)), words((0, 0, 40, 10))], frame).len(),
        1
    );
    assert_eq!(problems(&[words((80, 90, 120, 100))], frame).len(), 1);
}

#[test]
fn a_point_between_two_rows_finds_the_nearer_and_a_point_far_off_finds_none() {
    use reassurance_force::charts::{Hit, Layout};
    let hit = |id: &str, rect| Hit {
        id: id.into(),
        rect,
    };
    let layout = Layout {
        hits: vec![hit("a", (0, 0, 100, 20)), hit("b", (0, 30, 100, 50))],
        ..Layout::default()
    };
    assert_eq!(layout.hit_near((50, 10), 8), Some(0), "inside a");
    assert_eq!(
        layout.hit_near((50, 23), 8),
        Some(0),
        "3 px below a, 7 px above b"
    );
    assert_eq!(
        layout.hit_near((50, 28), 8),
        Some(1),
        "8 px below a, 2 px above b"
    );
    assert_eq!(layout.hit_near((50, 70), 8), None, "20 px below b");
    assert_eq!(layout.hit_near((150, 10), 8), None, "beside the rows");
}

#[test]
fn a_pointer_on_the_unit_chart_finds_the_part_whose_square_it_is_on() -> Result {
    use reassurance_force::catalogue::Drawing;
    let figures = real()?;
    let id = ChartId::from_slug(&figures, "intelligence").ok_or("no unit chart")?;
    let model = Model::build(id, &figures, &Scenario::from_figures(&figures))?;
    let Drawing::UnitChart(unit) = &model.drawing else {
        return Err("not a unit chart".into());
    };
    let (full_rows, rem) = (unit.filled / 10, unit.filled % 10);
    assert!(
        rem > 0,
        "the share ends part-way along a row ({})",
        unit.filled
    );
    let theme = Theme::new(Palette::LIGHT, 1.0);
    let (_, layout) = static_svg::draw_with_layout(&model, (608, 300), &theme)?;
    // The grid's squares, from the two parts' boxes: the share's starts at the top left.
    let (share, rest) = (
        layout.hits.first().ok_or("no share")?.rect,
        layout.hits.get(1).ok_or("no rest")?.rect,
    );
    let step = f64::from(share.2 - share.0) / 10.0;
    let centre = |col: u32, row: u32| {
        (
            share.0 + (step * (f64::from(col) + 0.45)) as i32,
            share.1 + (step * (f64::from(row) + 0.45)) as i32,
        )
    };
    // On the row where the share ends: its last square is the share's, the next the rest's.
    assert_eq!(layout.hit_near(centre(rem - 1, full_rows), 0), Some(0));
    assert_eq!(layout.hit_near(centre(rem, full_rows), 0), Some(1));
    assert_eq!(layout.hit_near(centre(0, 0), 0), Some(0));
    assert_eq!(layout.hit_near(centre(9, 9), 0), Some(1));
    assert!(rest.3 > share.3);
    Ok(())
}

#[test]
fn a_chart_to_take_away_carries_its_title_sources_date_and_address_and_stays_legible() -> Result {
    use reassurance_force::charts::poster::Poster;
    let figures = real()?;
    let heights = heights(&figures)?;
    for ((spec, model), heights) in build_all(&figures)?.into_iter().zip(&heights) {
        let poster = Poster {
            title: spec.title.clone(),
            lines: vec![
                "Sources: The article (as reported); a public source with a long title that wraps over more than one line at this width".into(),
                "Figures checked 27 November 2026".into(),
                "https://example.org/article/?force=40000#force-scenario-title".into(),
            ],
        };
        for (width, ratio) in [(288, 2.0), (343, 2.0), (608, 2.0)] {
            let theme = Theme::new(Palette::LIGHT, ratio);
            let scaled = |v: u32| (f64::from(v) * ratio) as u32;
            let chart_height = at_width(heights, width);
            let (svg, layout) = static_svg::poster(
                &model,
                &poster,
                (scaled(width), scaled(chart_height)),
                &theme,
            )?;
            let attribute = |name: &str| {
                svg.split(&format!(" {name}=\""))
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .and_then(|v| v.parse::<i32>().ok())
                    .ok_or(format!("no {name}"))
            };
            let (poster_w, height) = (attribute("width")?, attribute("height")?);
            assert!(
                height > scaled(chart_height) as i32,
                "{}: nothing added round the chart",
                spec.slug
            );
            // The chart keeps its page size, with a margin each side.
            assert!(
                poster_w > scaled(width) as i32,
                "{}: {poster_w} wide",
                spec.slug
            );
            let chart_left = layout.hits.iter().map(|h| h.rect.0).min().unwrap_or(0);
            assert!(
                chart_left > 0,
                "{}: the chart is not inside the margin",
                spec.slug
            );
            // Every line under the chart whole, the address too (broken only across lines).
            let said: String = svg
                .split("<text")
                .skip(1)
                .filter_map(|t| t.split_once('>')?.1.split("</text>").next())
                .flat_map(str::split_whitespace)
                .collect();
            for line in &poster.lines {
                let joined: String = line.split_whitespace().collect();
                assert!(
                    said.contains(&joined),
                    "{}: {line:?} not whole in {said:?}",
                    spec.slug
                );
            }
            assert!(
                !layout.hits.is_empty() || spec.slug.as_str() == "intelligence",
                "{}: no bars",
                spec.slug
            );
            let found = problems(&layout.marks, (poster_w, height));
            assert!(
                found.is_empty(),
                "{} at {width} px: {}",
                spec.slug,
                found.join("\n")
            );
        }
    }
    Ok(())
}

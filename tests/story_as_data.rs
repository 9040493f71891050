//! The story is data: one more chart is one entry in the figures file, and a story of three
//! charts is the file with the others taken out. Each builds, draws (SVG here, canvas in the
//! browser tests), validates, and gets its figure, height and embed page from the build, with
//! no change to the program.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use std::path::Path;

use committed_figures::{charts, edited, set_at, FIGURES_JSON};
use reassurance_force::catalogue::Model;
use reassurance_force::charts::theme::{Palette, Theme};
use reassurance_force::figures::parse;
use reassurance_force::model::scenario::Scenario;
use reassurance_force::{page_script, page_skeleton, static_embed, static_page, static_svg};
use serde_json::{json, Value};

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

/// How many charts the committed file declares.
fn committed_charts() -> usize {
    serde_json::from_str::<Value>(FIGURES_JSON)
        .ok()
        .and_then(|t| t.get("charts").and_then(Value::as_array).map(Vec::len))
        .unwrap_or_default()
}

/// A chart of bar panels made of figures the file has, under a slug it has not.
fn one_more_chart() -> Value {
    json!({
        "slug": "ninth",
        "kind": "bar_panels",
        "title": "Two armies",
        "height": 300,
        "alt": "Bar chart: two armies.",
        "after": "text-share-of-nato",
        "note": "One more chart, declared in the data alone.",
        "takeaway": "{personnel.poland.label} has {personnel.poland}; {personnel.france.label}, {personnel.france}.",
        "panels": [{"title": "Active personnel", "unit": "personnel",
                    "figures": ["personnel.france", "personnel.poland"], "order": "largest_first"}]
    })
}

/// The page and its loader as committed.
fn page_and_loader() -> std::result::Result<(String, String), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Ok((
        std::fs::read_to_string(root.join("index.html"))?,
        std::fs::read_to_string(root.join(page_script::LOADER))?,
    ))
}

/// Builds and draws every chart of `text`, and writes the page, its heights and each chart's
/// embed page from it; returns the page. Sentences of the article that quote a chart the story
/// does not have are taken out first, as its editor would.
fn build_story(text: &str) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let figures = parse(text)?;
    let theme = Theme::new(Palette::LIGHT, 1.0);
    let start = Scenario::from_figures(&figures);
    for (id, spec) in charts(&figures) {
        let model = Model::build(id, &figures, &start)?;
        let svg = static_svg::draw(&model, (608, spec.height), &theme)?;
        assert!(
            svg.starts_with("<svg") && svg.contains("<rect"),
            "{}",
            spec.slug
        );
        assert!(!model.takeaway().is_empty(), "{}", spec.slug);
    }
    let (mut page, loader) = page_and_loader()?;
    let slugs: Vec<&str> = figures.charts().iter().map(|c| c.slug.as_str()).collect();
    let mut from = 0;
    while let Some(at) = page
        .get(from..)
        .and_then(|t| t.find("<span data-sentence=\""))
    {
        let at = from + at;
        let tail = page.get(at..).unwrap_or_default();
        let slug = tail
            .get(21..)
            .and_then(|t| t.split('"').next())
            .unwrap_or_default();
        let end = at
            + tail
                .find("</span>")
                .map_or(tail.len(), |e| e + "</span>".len());
        if slugs.contains(&slug) {
            from = end;
        } else {
            page.replace_range(at..end, "");
            from = at;
        }
    }
    let page = static_page::regenerate(&page, &figures, &loader)?;
    for spec in figures.charts() {
        let embed = static_embed::embed_html(&page, &spec.slug)?;
        assert_eq!(embed.matches("<figure ").count(), 1, "{}", spec.slug);
    }
    let css = page_skeleton::with_heights(
        "/* chart heights:start */\n/* chart heights:end */\n",
        &figures,
    )?;
    // Each chart's frame at the widest, in rem, as tall as the file declares (no more: every
    // chart of the story fits its declared height there).
    for spec in figures.charts() {
        let rule = format!(
            ".chart[data-chart=\"{}\"] .chart-frame {{\n  height: {}rem;\n}}",
            spec.slug,
            f64::from(spec.height) / 16.0
        );
        assert!(css.contains(&rule), "{rule} in {css}");
    }
    Ok(page)
}

#[test]
fn one_more_chart_is_one_entry_in_the_data() -> Result {
    let text = edited(|t| {
        if let Some(list) = t.get_mut("charts").and_then(Value::as_array_mut) {
            list.push(one_more_chart());
        }
    });
    let page = build_story(&text)?;
    assert_eq!(
        page.matches("<figure class=\"chart\"").count(),
        committed_charts() + 1
    );
    let figure = static_page::between(
        &page,
        "<!-- chart:ninth:start -->",
        "<!-- chart:ninth:end -->",
    )
    .ok_or("no figure for the added chart")?;
    assert!(figure.contains("<h2 class=\"chart-title\" id=\"ninth-title\">Two armies</h2>"));
    // Its takeaway, from its template: 216,100 and 204,700 are the committed figures.
    assert!(
        figure.contains("data-takeaway>Poland has 216,100; France, 204,700.</p>"),
        "{figure}"
    );
    assert!(figure.contains("height=\"300\""));
    assert!(figure.contains("One more chart, declared in the data alone."));
    // Placed after the paragraph it names, after the chart already placed there.
    let (ninth, troops) = (
        page.find("<!-- chart:ninth:start -->").unwrap_or(0),
        page.find("<!-- chart:troop-share:end -->")
            .unwrap_or(usize::MAX),
    );
    assert!(troops < ninth, "after the troop-share chart");
    Ok(())
}

#[test]
fn a_story_of_three_charts_is_the_file_with_the_others_taken_out() -> Result {
    let keep = ["coalition", "capability", "geography"];
    let text = edited(|t| {
        if let Some(list) = t.get_mut("charts").and_then(Value::as_array_mut) {
            list.retain(|c| keep.contains(&c.get("slug").and_then(Value::as_str).unwrap_or("")));
        }
    });
    assert_ne!(text, FIGURES_JSON);
    assert_eq!(parse(&text)?.charts().len(), 3);
    let page = build_story(&text)?;
    assert_eq!(page.matches("<figure class=\"chart\"").count(), 3);
    for slug in [
        "budgets",
        "troop-share",
        "force-scenario",
        "industry",
        "intelligence",
    ] {
        assert!(
            !page.contains(&format!("data-chart=\"{slug}\"")),
            "{slug} left in the page"
        );
    }
    Ok(())
}

#[test]
fn a_chart_entry_is_checked_like_any_data() {
    let refused = |chart: Value| -> String {
        let text = edited(|t| {
            if let Some(list) = t.get_mut("charts").and_then(Value::as_array_mut) {
                list.push(chart);
            }
        });
        match parse(&text) {
            Err(e) => e.path,
            Ok(figures) => {
                // Takeaways are filled when the chart is built.
                let start = Scenario::from_figures(&figures);
                charts(&figures)
                    .into_iter()
                    .find_map(|(id, _)| Model::build(id, &figures, &start).err())
                    .map(|e| e.path)
                    .unwrap_or_default()
            }
        }
    };
    let changed = |pointer: &str, value: Value| {
        let mut chart = one_more_chart();
        if let Some(slot) = chart.pointer_mut(pointer) {
            *slot = value;
        }
        chart
    };
    for (pointer, value, path) in [
        (
            "/takeaway",
            json!("{personnel.nowhere}"),
            format!("charts[{}].takeaway", committed_charts()),
        ),
        (
            "/kind",
            json!("unit_chart"),
            format!("charts[{}].panels", committed_charts()),
        ),
        (
            "/slug",
            json!("coalition"),
            format!("charts[{}].slug", committed_charts()),
        ),
        (
            "/slug",
            json!("<b>"),
            format!("charts[{}].slug", committed_charts()),
        ),
        (
            "/panels/0/figures/1",
            json!("personnel.nowhere"),
            format!("charts[{}].panels[0].figures[1]", committed_charts()),
        ),
        (
            "/panels/0/unit",
            json!("km"),
            format!("charts[{}].panels[0].figures[0]", committed_charts()),
        ),
    ] {
        assert_eq!(refused(changed(pointer, value)), path, "{pointer}");
    }
    // A chart of a kind without its part is refused; so is a part of another kind.
    let mut chart = one_more_chart();
    if let Some(map) = chart.as_object_mut() {
        map.insert("kind".into(), json!("unit_chart"));
        map.remove("panels");
    }
    assert_eq!(
        refused(chart),
        format!("charts[{}].unit_chart", committed_charts())
    );
    let mut chart = one_more_chart();
    if let Some(map) = chart.as_object_mut() {
        map.insert("unit_chart".into(), json!({"share": "claim.us-data-share"}));
    }
    assert_eq!(
        refused(chart),
        format!("charts[{}].unit_chart", committed_charts())
    );
}

#[test]
fn the_frame_above_the_article_is_the_file_s() -> Result {
    let (page, loader) = page_and_loader()?;
    let text = edited(|tree| {
        set_at(
            tree,
            "/story/standfirst",
            json!("A standfirst the editors wrote."),
        );
        set_at(tree, "/story/figures_checked", json!("2027-01-05"));
    });
    let fresh = static_page::regenerate(&page, &parse(&text)?, &loader)?;
    let frame = static_page::between(
        &fresh,
        static_page::FRAME_MARKERS.0,
        static_page::FRAME_MARKERS.1,
    )
    .ok_or("no frame in the page")?;
    assert!(
        frame.contains("<p class=\"standfirst\">A standfirst the editors wrote.</p>"),
        "{frame}"
    );
    assert!(
        frame.contains("<time datetime=\"2027-01-05\">5 January 2027</time>"),
        "{frame}"
    );
    // A day that is not one is refused by its place in the file.
    let wrong = edited(|tree| set_at(tree, "/story/figures_checked", json!("2027-02-30")));
    let error = parse(&wrong).err().map(|e| e.path);
    assert_eq!(error.as_deref(), Some("story.figures_checked"));
    Ok(())
}

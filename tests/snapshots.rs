//! SVG snapshots of every chart, drawn natively by the same code the browser runs.
//!
//! `www/static/*.svg` are the page's static charts (light, 1×): a test fails when one is stale
//! for the committed figures. `tests/snapshots/*-dark-2x.svg` pin the dark theme at a pixel
//! ratio of 2. On a mismatch the new drawing is written under `target/snapshots/` and the
//! message names both files; `UPDATE_SNAPSHOTS=1` rewrites the committed ones.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use std::path::{Path, PathBuf};

use committed_figures::{chart_id, charts, real};
use reassurance_force::catalogue::{Model, NOMINAL_WIDTH, STATIC_VERSIONS};
use reassurance_force::charts::theme::{Palette, Theme};
use reassurance_force::model::scenario::Scenario;
use reassurance_force::{page_script, page_skeleton, static_embed, static_page, static_svg};

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

fn check(committed: &Path, fresh: &str) -> Result {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(committed);
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    // A new chart's first snapshot is written where it is missing, except in CI, where a
    // missing snapshot fails like a changed one.
    let first = !path.exists() && std::env::var("CI").is_err();
    if update || first {
        std::fs::write(&path, fresh)?;
        return Ok(());
    }
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if old == fresh {
        return Ok(());
    }
    let out: PathBuf = root.join("target/snapshots");
    std::fs::create_dir_all(&out)?;
    let name = committed.file_name().ok_or("no file name")?;
    let actual = out.join(name);
    std::fs::write(&actual, fresh)?;
    Err(format!(
        "snapshot {} differs from the chart drawn now; new drawing at {}. \
         Compare them; if the change is intended, run the build for the page's files and UPDATE_SNAPSHOTS=1 cargo test --test snapshots for tests/snapshots/.",
        committed.display(),
        actual.display()
    )
    .into())
}

#[test]
fn static_charts_are_current() -> Result {
    let figures = real()?;
    let theme = Theme::new(Palette::LIGHT, 1.0);
    let heights = reassurance_force::frame_height::heights(&figures)?;
    for ((id, spec), heights) in charts(&figures).into_iter().zip(&heights) {
        for (width, suffix) in STATIC_VERSIONS {
            let height = reassurance_force::frame_height::at_width(heights, width);
            let svg = static_svg::render(id, &figures, (width, height), &theme)?;
            assert!(svg.starts_with("<svg"), "{}", spec.slug.as_str());
            check(
                &PathBuf::from(format!("www/static/{}{suffix}.svg", spec.slug.as_str())),
                &svg,
            )?;
        }
    }
    Ok(())
}

#[test]
fn the_figures_digest_is_current() -> Result {
    let fresh = real()?.digest()?;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data/figures.bin");
    let committed = std::fs::read(&path)?;
    assert!(
        committed == fresh,
        "{} is stale for www/data/figures.json: run the build for the page's files",
        path.display()
    );
    // What only the build reads stays out of it: the claims' words, the charts' headings.
    let text = String::from_utf8_lossy(&fresh);
    for (_, spec) in charts(&real()?) {
        assert!(!text.contains(spec.title.as_str()), "{}", spec.title);
    }
    Ok(())
}

#[test]
fn csv_files_the_claims_check_and_embed_pages_are_current() -> Result {
    let figures = real()?;
    let start = Scenario::from_figures(&figures);
    for (id, spec) in charts(&figures) {
        let model = Model::build(id, &figures, &start)?;
        let csv = static_page::csv(&model);
        assert_eq!(
            csv.lines().count(),
            model.bars().len() + 1,
            "{}",
            spec.slug.as_str()
        );
        check(
            &PathBuf::from(format!("www/static/{}.csv", spec.slug.as_str())),
            &csv,
        )?;
    }
    let page_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html");
    let page = std::fs::read_to_string(&page_path)?;
    let loader =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(page_script::LOADER))?;
    let fresh = static_page::regenerate(&page, &figures, &loader)?;
    assert_eq!(page_script::loader_of(&fresh), Some(loader.as_str()));
    check(Path::new("index.html"), &fresh)?;
    // Each frame's height in the style sheet, on a phone, is at least the declared one, in rem
    // (16 px each at the usual text size).
    let css_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(page_skeleton::STYLE);
    let css = std::fs::read_to_string(&css_path)?;
    let heights = page_skeleton::with_heights(&css, &figures)?;
    for (_, spec) in charts(&figures) {
        let head = format!(
            ".chart[data-chart=\"{}\"] .chart-frame {{\n  height: ",
            spec.slug.as_str()
        );
        let rem: f64 = heights
            .split(&head)
            .nth(1)
            .and_then(|rest| rest.split("rem;").next())
            .and_then(|v| v.parse().ok())
            .ok_or(format!("{head:?} missing"))?;
        assert!(
            rem * 16.0 >= f64::from(spec.height),
            "{}: {rem}rem, under the declared {} px",
            spec.slug.as_str(),
            spec.height
        );
    }
    check(Path::new(page_skeleton::STYLE), &heights)?;
    // Each chart's embed page is made from the page as it is now.
    for (_, spec) in charts(&figures) {
        let embed = static_embed::embed_html(&fresh, spec.slug.as_str())?;
        assert_eq!(
            embed.matches("<figure ").count(),
            1,
            "{}",
            spec.slug.as_str()
        );
        assert!(
            embed.contains(&format!("data-chart=\"{}\"", spec.slug.as_str())),
            "{}",
            spec.slug.as_str()
        );
        assert!(
            !embed.contains("src=\"www/"),
            "{}: paths from embed/",
            spec.slug.as_str()
        );
        check(
            &PathBuf::from(format!("{}/{}.html", static_embed::DIR, spec.slug.as_str())),
            &embed,
        )?;
    }
    Ok(())
}

#[test]
fn dark_charts_at_twice_the_pixels() -> Result {
    let figures = real()?;
    let theme = Theme::new(Palette::DARK, 2.0);
    for (id, spec) in charts(&figures) {
        let size = (NOMINAL_WIDTH * 2, spec.height * 2);
        let svg = static_svg::render(id, &figures, size, &theme)?;
        check(
            &PathBuf::from(format!(
                "tests/snapshots/{}-dark-2x.svg",
                spec.slug.as_str()
            )),
            &svg,
        )?;
    }
    Ok(())
}

#[test]
fn static_charts_carry_the_figures_and_their_kinds() -> Result {
    let figures = real()?;
    let theme = Theme::new(Palette::LIGHT, 1.0);
    let troops = static_svg::render(
        chart_id(&figures, "troop-share")?,
        &figures,
        (NOMINAL_WIDTH, 560),
        &theme,
    )?;
    for words in [
        // Each panel says once what its bars are; a bar says only how it differs.
        "Derived, 2024",
        "0.88%",
        "1.42%",
        "Reference, 2024, unless marked",
        "481,000",
        "30,000",
        "· as reported, 2025",
        "less than 3%",
    ] {
        assert!(troops.contains(words), "{words:?} missing");
    }
    let budgets = static_svg::render(
        chart_id(&figures, "budgets")?,
        &figures,
        (NOMINAL_WIDTH, 650),
        &theme,
    )?;
    for words in ["€14 bn", "US$149 bn", "2024–2027", "Reference, 2024"] {
        assert!(budgets.contains(words), "{words:?} missing");
    }
    for repeated in ["481,000 · reference", "US$149 bn · reference"] {
        assert!(
            !troops.contains(repeated) && !budgets.contains(repeated),
            "{repeated:?} says its panel's words again"
        );
    }
    Ok(())
}

#[test]
fn a_tiny_area_is_refused_not_drawn_blank() -> Result {
    let figures = real()?;
    let theme = Theme::new(Palette::LIGHT, 1.0);
    for size in [(0, 0), (0, 560), (100, 560), (680, 10)] {
        let result = static_svg::render(chart_id(&figures, "troop-share")?, &figures, size, &theme);
        let message = result.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("too small"), "{size:?}: {message:?}");
    }
    Ok(())
}

#[test]
fn at_phone_width_titles_wrap_instead_of_being_cut() -> Result {
    let figures = real()?;
    let theme = Theme::new(Palette::LIGHT, 1.0);
    let svg = static_svg::render(
        chart_id(&figures, "troop-share")?,
        &figures,
        (343, 560),
        &theme,
    )?
    .replace("&apos;", "'");
    let title = "The largest armies of NATO's European members, and the proposed force";
    assert!(
        !svg.contains(title),
        "a 343 px chart cannot hold the title on one line"
    );
    for word in title.split_whitespace() {
        assert!(svg.contains(word), "{word:?} lost from the title");
    }
    assert!(
        svg.contains("less than 3%"),
        "the article's bound stays readable"
    );
    Ok(())
}

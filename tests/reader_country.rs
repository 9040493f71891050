//! The reader's own country: what each chart says of it, with and without one chosen, for a
//! country a chart has no figure for, and the country a browser's language names.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in tests/page/

mod committed_figures;

use committed_figures::{chart_id, real};
use reassurance_force::catalogue::Model;
use reassurance_force::figures::Figures;
use reassurance_force::model::reader_country::of_language;
use reassurance_force::model::scenario::{Country, Scenario, Sharing};
use reassurance_force::model::scenario_url::{apply_query, to_query};

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

/// The chart `slug` built for `scenario` with the country `code` chosen (`None`: none).
fn built(
    figures: &Figures,
    slug: &str,
    code: Option<&str>,
    scenario: Scenario,
) -> std::result::Result<Model, Box<dyn std::error::Error>> {
    let mut scenario = scenario;
    scenario.country = code.and_then(Country::parse);
    Ok(Model::build(chart_id(figures, slug)?, figures, &scenario)?)
}

/// What the chart `slug` says of the country `code` (none chosen: `None`) in `scenario`; a
/// chart that cannot be built is an error, never a silence.
fn line(
    figures: &Figures,
    slug: &str,
    code: Option<&str>,
    scenario: Scenario,
) -> std::result::Result<Option<String>, Box<dyn std::error::Error>> {
    Ok(built(figures, slug, code, scenario)?.country_line)
}

fn value(figures: &Figures, id: &str) -> f64 {
    figures
        .get(id)
        .ok()
        .and_then(|f| f.value)
        .unwrap_or(f64::NAN)
}

#[test]
fn each_chart_that_counts_the_country_says_what_it_shows_of_it() -> Result {
    let figures = real()?;
    let start = Scenario::from_figures(&figures);
    let poland = value(&figures, "personnel.poland");
    // 30,000 shared equally between five armies, three units committed for each deployed.
    let tied_up = 30_000.0 / 5.0 * 3.0;
    assert_eq!(
        line(&figures, "force-scenario", Some("POL"), start)?.as_deref(),
        Some(
            format!(
                "Poland: 6,000 of the 30,000 deployed; 18,000 tied up with rotations, {:.2}% of its active personnel.",
                tied_up / poland * 100.0
            )
            .as_str()
        )
    );
    assert_eq!(
        line(&figures, "who-sends", Some("POL"), start)?.as_deref(),
        Some("Poland: 6,000 of the 30,000 troops, shared equally.")
    );
    assert_eq!(
        line(&figures, "troop-share", Some("POL"), start)?.as_deref(),
        Some(
            format!(
                "Poland in this chart: active military personnel, 216,100 (NATO, 2024). A force of 30,000 would be {:.1}% of it.",
                30_000.0 / poland * 100.0
            )
            .as_str()
        )
    );
    let budgets = line(&figures, "budgets", Some("POL"), start)?.unwrap_or_default();
    assert!(
        budgets.starts_with("Poland in this chart: for Ukraine-linked security projects, €")
            && budgets.ends_with("; defence spending, US$35 bn (NATO, 2024)."),
        "{budgets}"
    );
    // The sentence follows the scenario: shared by personnel, Poland's part is its weight's.
    let mut by_personnel = start;
    by_personnel.sharing = Sharing::Personnel;
    let said = line(&figures, "who-sends", Some("POL"), by_personnel)?.unwrap_or_default();
    assert!(
        said.starts_with("Poland: ") && !said.starts_with("Poland: 6,000 "),
        "{said}"
    );
    Ok(())
}

#[test]
fn without_a_chosen_country_no_chart_says_anything_of_one() -> Result {
    let figures = real()?;
    let start = Scenario::from_figures(&figures);
    let slugs: Vec<&str> = figures.charts().iter().map(|c| c.slug.as_str()).collect();
    assert!(slugs.len() >= 8, "{slugs:?}");
    let mut counting = 0;
    for slug in slugs {
        assert_eq!(line(&figures, slug, None, start)?, None, "{slug}");
        // The same chart with a country chosen speaks of it wherever it counts countries.
        let chosen = line(&figures, slug, Some("POL"), start)?;
        let counts = built(&figures, slug, None, start)?.counts_countries();
        assert_eq!(chosen.is_some(), counts, "{slug}: {chosen:?}");
        counting += usize::from(counts);
    }
    assert!(counting >= 5, "{counting} charts count countries");
    Ok(())
}

/// Each country of the file, in every chart: a chart of no country says nothing; one that
/// counts countries but not this one says so plainly; one with rows that count it names each
/// row's value, and a chart of rows alone each row's source too.
#[test]
fn every_chart_speaks_of_every_country_by_its_own_rows_or_says_it_has_none() -> Result {
    use reassurance_force::catalogue::Drawing;
    let figures = real()?;
    let start = Scenario::from_figures(&figures);
    let (mut named, mut none) = (0, 0);
    for (code, country) in figures.countries() {
        for chart in figures.charts() {
            let model = built(&figures, &chart.slug, Some(code), start)?;
            let said = model.country_line.clone();
            let what = format!("{} for {code}: {said:?}", chart.slug);
            if !model.counts_countries() {
                assert_eq!(said, None, "{what}");
                continue;
            }
            let said = said.ok_or(format!("{what}: nothing said"))?;
            assert!(
                said.starts_with(&country.name) || said.contains(&format!(" {}", country.name)),
                "{what}"
            );
            let rows: Vec<_> = model
                .bars()
                .into_iter()
                .filter(|b| b.counts(Some(code)))
                .collect();
            if rows.is_empty() {
                assert!(said.contains("No ") && said.contains(" figure"), "{what}");
                none += 1;
                continue;
            }
            let of_rows = !matches!(
                model.drawing,
                Drawing::ForceScenario(_) | Drawing::ForceMap(_) | Drawing::TroopShare(_)
            );
            for row in &rows {
                // A row without a value is told so: "No budget figure was found…".
                if row.value.is_none() {
                    assert!(said.contains("No ") && said.contains(" figure"), "{what}");
                    continue;
                }
                assert!(
                    said.contains(&row.value_text()),
                    "{what} lacks {}",
                    row.value_text()
                );
                assert!(
                    !of_rows || said.contains(&row.source),
                    "{what} lacks {}",
                    row.source
                );
            }
            named += 1;
        }
    }
    assert!(
        named >= 15 && none >= 15,
        "{named} sentences of rows, {none} of no figure"
    );
    Ok(())
}

#[test]
fn a_country_without_a_figure_is_told_so_plainly_and_a_chart_of_no_country_says_nothing() -> Result
{
    let figures = real()?;
    let start = Scenario::from_figures(&figures);
    // Spain has a personnel figure but no budget figure: no part of the force is shared to it.
    assert_eq!(
        line(&figures, "force-scenario", Some("ESP"), start)?.as_deref(),
        Some("No figure for Spain in this chart.")
    );
    let map = line(&figures, "who-sends", Some("ESP"), start)?.unwrap_or_default();
    assert!(
        map.starts_with("Spain: No budget figure was found"),
        "{map}"
    );
    assert_eq!(
        line(&figures, "capability", Some("ESP"), start)?.as_deref(),
        Some("No figure for Spain in this chart.")
    );
    // The coalition's meetings count no country's figure.
    assert_eq!(line(&figures, "coalition", Some("ESP"), start)?, None);
    // A country the file does not have is never named.
    assert_eq!(line(&figures, "force-scenario", Some("XYZ"), start)?, None);
    Ok(())
}

#[test]
fn a_browsers_language_names_a_country_only_by_a_region_the_file_has() -> Result {
    let figures = real()?;
    let code = |tag: &str| of_language(tag, &figures).map(|c| c.code().to_string());
    assert_eq!(code("pl-PL").as_deref(), Some("POL"));
    assert_eq!(code("uk-UA").as_deref(), Some("UKR"));
    assert_eq!(code("de-de").as_deref(), Some("DEU"));
    assert_eq!(code("sr-Latn-ME").as_deref(), Some("MNE"));
    assert_eq!(code("en-US"), None);
    assert_eq!(code("pl"), None);
    assert_eq!(code(""), None);
    assert_eq!(code("es-419"), None);
    Ok(())
}

#[test]
fn the_link_keeps_the_country_and_an_explicit_none() {
    let start = Scenario::starting_at(Some(30_000.0));
    let mut chosen = start;
    assert!(apply_query("?country=pol", &mut chosen).is_empty());
    assert_eq!(chosen.country.as_ref().map(Country::code), Some("POL"));
    assert_eq!(to_query(&chosen, &start), "?country=POL");
    // A page that started on Poland (the browser's language) and was cleared says so.
    let mut cleared = chosen;
    assert!(apply_query("country=", &mut cleared).is_empty());
    assert_eq!(cleared.country, None);
    assert_eq!(to_query(&cleared, &chosen), "?country=");
    let mut bad = start;
    let notices = apply_query("country=POLAND&country=P0L", &mut bad);
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert_eq!(bad.country, None);
}

/// How many strokes of `colour` an SVG document draws.
fn strokes(svg: &str, colour: plotters::style::RGBColor) -> usize {
    let hex = format!("{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2);
    svg.matches(&format!("stroke=\"#{hex}\"")).count()
        + svg
            .matches(&format!("stroke=\"#{}\"", hex.to_lowercase()))
            .count()
}

/// The chart code marks the chosen country in every chart that counts it, bars and map alike,
/// in light and dark: more strokes in the text's colour than the chart has without it (a ring
/// round a bar; round a country on the map, a broad line with a thin one in the background's
/// colour inside, so the mark is a shape and not a shade). A chart that counts other countries
/// only is drawn as it was. (The canvas draws the same calls: tests/page/your_country.test.mjs.)
#[test]
fn the_chart_code_marks_the_chosen_country_wherever_it_is_counted_and_nowhere_else() -> Result {
    use reassurance_force::charts::theme::{Palette, Theme};
    use reassurance_force::static_svg::draw;
    let figures = real()?;
    let start = Scenario::from_figures(&figures);
    let mut marked_charts = Vec::new();
    for palette in [Palette::LIGHT, Palette::DARK] {
        let theme = Theme::new(palette, 1.0);
        for chart in figures.charts() {
            let plain = built(&figures, &chart.slug, None, start)?;
            if !plain.counts_countries() {
                continue;
            }
            let chosen = built(&figures, &chart.slug, Some("POL"), start)?;
            let counts = chosen.bars().iter().any(|b| b.counts(Some("POL")));
            let (before, after) = (
                draw(&plain, (608, 900), &theme)?,
                draw(&chosen, (608, 900), &theme)?,
            );
            let slug = &chart.slug;
            if !counts {
                assert_eq!(
                    before, after,
                    "{slug}: drawn otherwise for a country it does not count"
                );
                continue;
            }
            let text = (
                strokes(&before, palette.text),
                strokes(&after, palette.text),
            );
            assert!(text.1 > text.0, "{slug}: text-coloured strokes {text:?}");
            if chosen.map_sheet().is_some() {
                let inner = (
                    strokes(&before, palette.background),
                    strokes(&after, palette.background),
                );
                assert!(inner.1 > inner.0, "{slug}: the mark's inner line {inner:?}");
            }
            marked_charts.push(slug.clone());
        }
    }
    for slug in ["force-scenario", "who-sends", "troop-share", "budgets"] {
        assert_eq!(
            marked_charts.iter().filter(|s| *s == slug).count(),
            2,
            "{slug}: {marked_charts:?}"
        );
    }
    Ok(())
}

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

/// What the chart `slug` says of the country `code` (none chosen: `None`) in `scenario`.
fn line(figures: &Figures, slug: &str, code: Option<&str>, scenario: Scenario) -> Option<String> {
    let mut scenario = scenario;
    scenario.country = code.and_then(Country::parse);
    let id = chart_id(figures, slug).ok()?;
    Model::build(id, figures, &scenario).ok()?.country_line
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
        line(&figures, "force-scenario", Some("POL"), start).as_deref(),
        Some(
            format!(
                "Poland: 6,000 of the 30,000 deployed; 18,000 tied up with rotations, {:.2}% of its active personnel.",
                tied_up / poland * 100.0
            )
            .as_str()
        )
    );
    assert_eq!(
        line(&figures, "who-sends", Some("POL"), start).as_deref(),
        Some("Poland: 6,000 of the 30,000 troops, shared equally.")
    );
    assert_eq!(
        line(&figures, "troop-share", Some("POL"), start).as_deref(),
        Some(
            format!(
                "Poland in this chart: active military personnel, 216,100 (NATO, 2024). A force of 30,000 would be {:.1}% of it.",
                30_000.0 / poland * 100.0
            )
            .as_str()
        )
    );
    let budgets = line(&figures, "budgets", Some("POL"), start).unwrap_or_default();
    assert!(
        budgets.starts_with("Poland in this chart: for Ukraine-linked security projects, €")
            && budgets.ends_with("; defence spending, US$35 bn (NATO, 2024)."),
        "{budgets}"
    );
    // The sentence follows the scenario: shared by personnel, Poland's part is its weight's.
    let mut by_personnel = start;
    by_personnel.sharing = Sharing::Personnel;
    let said = line(&figures, "who-sends", Some("POL"), by_personnel).unwrap_or_default();
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
    for slug in slugs {
        assert_eq!(line(&figures, slug, None, start), None, "{slug}");
    }
    Ok(())
}

#[test]
fn a_country_without_a_figure_is_told_so_plainly_and_a_chart_of_no_country_says_nothing() -> Result
{
    let figures = real()?;
    let start = Scenario::from_figures(&figures);
    // Spain has a personnel figure but no budget figure: no part of the force is shared to it.
    assert_eq!(
        line(&figures, "force-scenario", Some("ESP"), start).as_deref(),
        Some("No figure for Spain in this chart.")
    );
    let map = line(&figures, "who-sends", Some("ESP"), start).unwrap_or_default();
    assert!(
        map.starts_with("Spain: No budget figure was found"),
        "{map}"
    );
    assert_eq!(
        line(&figures, "capability", Some("ESP"), start).as_deref(),
        Some("No figure for Spain in this chart.")
    );
    // The coalition's meetings count no country's figure.
    assert_eq!(line(&figures, "coalition", Some("ESP"), start), None);
    // A country the file does not have is never named.
    assert_eq!(line(&figures, "force-scenario", Some("XYZ"), start), None);
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

#[test]
fn the_chart_code_rings_the_chosen_countrys_bar_in_the_svg_as_on_the_canvas() -> Result {
    use reassurance_force::charts::theme::{Palette, Theme};
    use reassurance_force::static_svg::draw;
    let figures = real()?;
    let id = chart_id(&figures, "force-scenario")?;
    let mut scenario = Scenario::from_figures(&figures);
    let theme = Theme::new(Palette::LIGHT, 1.0);
    let plain = draw(&Model::build(id, &figures, &scenario)?, (608, 440), &theme)?;
    scenario.country = Country::parse("POL");
    let marked = draw(&Model::build(id, &figures, &scenario)?, (608, 440), &theme)?;
    // The ring: four strokes in the text's colour, the rest of the drawing unchanged.
    let ink = |svg: &str| {
        svg.matches("stroke=\"#1A1A1A\"").count() + svg.matches("stroke=\"#1a1a1a\"").count()
    };
    assert_eq!(ink(&marked), ink(&plain) + 4, "{}", ink(&plain));
    Ok(())
}

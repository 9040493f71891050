//! The figures file is checked when read: each broken rule gives its field's path.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::{chart_with, edited, real, set_at, set_field, FIGURES_JSON};
use reassurance_force::figures::{self, parse, Kind};
use serde_json::json;

/// The error path and message for a broken file, or a failure if it parsed.
fn rejected(text: &str) -> (String, String) {
    match parse(text) {
        Ok(_) => (String::from("<accepted>"), String::new()),
        Err(e) => (e.path, e.message),
    }
}

#[test]
fn the_committed_file_is_valid_and_every_figure_has_a_source(
) -> Result<(), Box<dyn std::error::Error>> {
    let figures = real()?;
    assert!(figures.all().len() >= 20);
    for figure in figures.all() {
        let source = figures.source_of(figure).ok_or("missing source")?;
        assert!(
            !source.name.is_empty() && !source.title.is_empty(),
            "{}",
            figure.id
        );
        assert!((1990..=2030).contains(&figure.year), "{}", figure.id);
        assert_ne!(figure.kind, Kind::Derived);
    }
    Ok(())
}

#[test]
fn malformed_json_is_an_error_not_a_panic() {
    let (_, message) = rejected(&FIGURES_JSON[..FIGURES_JSON.len() / 2]);
    assert!(message.contains("EOF"), "{message}");
    let (_, message) = rejected("");
    assert!(!message.is_empty());
}

#[test]
fn a_wrong_type_names_the_field() {
    let text = edited(|t| set_field(t, "personnel.poland", "value", json!("216,100")));
    let (path, message) = rejected(&text);
    assert!(
        path.starts_with("figures[") && path.ends_with("].value"),
        "{path}"
    );
    assert!(message.contains("invalid type"), "{message}");
}

#[test]
fn an_unknown_kind_names_the_field() {
    let text = edited(|t| set_field(t, "force.proposed", "kind", json!("rumour")));
    let (path, message) = rejected(&text);
    assert_eq!(path, "figures[0].kind");
    assert!(message.contains("rumour"), "{message}");
}

#[test]
fn a_negative_value_is_refused() {
    let text = edited(|t| set_field(t, "personnel.spain", "value", json!(-117_400)));
    let (path, message) = rejected(&text);
    assert!(path.ends_with("].value"), "{path}");
    assert!(message.contains("-117400"), "{message}");
}

#[test]
fn a_missing_source_is_refused() {
    let text = edited(|t| set_field(t, "personnel.spain", "source", json!("hearsay")));
    let (path, message) = rejected(&text);
    assert!(path.ends_with("].source"), "{path}");
    assert!(message.contains("hearsay"), "{message}");
}

#[test]
fn a_duplicate_id_is_refused() {
    let text = edited(|t| set_field(t, "personnel.spain", "id", json!("personnel.greece")));
    let (path, message) = rejected(&text);
    assert!(path.ends_with("].id"), "{path}");
    assert!(message.contains("duplicate"), "{message}");
}

/// The index in the committed file's list `section` of the item whose `key` is `name`.
fn index_of(section: &str, key: &str, name: &str) -> Option<usize> {
    let tree: serde_json::Value = serde_json::from_str(FIGURES_JSON).ok()?;
    tree.get(section)?
        .as_array()?
        .iter()
        .position(|item| item.get(key).and_then(|v| v.as_str()) == Some(name))
}

#[test]
fn a_duplicate_names_where_it_was_first_used_for_figures_places_and_charts() -> Result<(), String> {
    let cases = [
        ("figures", "id", "personnel.spain", "personnel.greece"),
        ("places", "id", "place.lviv", "place.kyiv"),
        ("charts", "slug", "budgets", "coalition"),
    ];
    for (section, key, renamed, taken) in cases {
        let missing = || format!("{section}: no “{renamed}” or “{taken}” in the committed file");
        let at = index_of(section, key, renamed).ok_or_else(missing)?;
        let first = index_of(section, key, taken).ok_or_else(missing)?;
        let text = edited(|t| set_at(t, &format!("/{section}/{at}/{key}"), json!(taken)));
        let (path, message) = rejected(&text);
        assert_eq!(
            path,
            format!("{section}[{}].{key}", at.max(first)),
            "{message}"
        );
        assert!(
            message.contains(&format!("first used at {section}[{}]", at.min(first))),
            "{section}: {message}"
        );
    }
    Ok(())
}

#[test]
fn a_chart_naming_a_missing_figure_is_refused() {
    let text = edited(|t| {
        set_at(
            t,
            &format!("/charts/{}/troop_share/armies/2", chart_with("troop_share")),
            json!("personnel.atlantis"),
        )
    });
    let (path, message) = rejected(&text);
    assert_eq!(
        path,
        format!(
            "charts[{}].troop_share.armies[2]",
            chart_with("troop_share")
        )
    );
    assert!(message.contains("atlantis"), "{message}");
}

#[test]
fn a_panel_mixing_currencies_is_refused() {
    let text = edited(|t| {
        set_at(
            t,
            &format!("/charts/{}/budgets/sums/figures/0", chart_with("budgets")),
            json!("spending.russia"),
        )
    });
    let (path, _) = rejected(&text);
    assert_eq!(
        path,
        format!("charts[{}].budgets.sums.figures[0]", chart_with("budgets"))
    );
}

#[test]
fn a_derived_value_may_not_be_typed_in() {
    let text = edited(|t| set_field(t, "personnel.spain", "kind", json!("derived")));
    let (path, _) = rejected(&text);
    assert!(path.ends_with("].kind"), "{path}");
}

#[test]
fn an_unknown_field_is_refused() {
    let text = edited(|t| set_field(t, "personnel.spain", "vaule", json!(1)));
    let (path, message) = rejected(&text);
    assert!(path.starts_with("figures["), "{path}");
    assert!(message.contains("vaule"), "{message}");
}

#[test]
fn text_after_the_data_is_refused() {
    let (_, message) = rejected(&format!("{FIGURES_JSON} {{}}"));
    assert!(message.contains("after the end"), "{message}");
}

#[test]
fn a_missing_value_is_allowed_and_shown_as_no_figure() -> Result<(), Box<dyn std::error::Error>> {
    let text = edited(|t| set_field(t, "personnel.greece", "value", serde_json::Value::Null));
    let figures = parse(&text)?;
    assert_eq!(figures.get("personnel.greece")?.value, None);
    Ok(())
}

#[test]
fn a_scenario_value_may_not_be_typed_in() {
    let text = edited(|t| set_field(t, "force.proposed", "kind", json!("scenario")));
    let (path, message) = rejected(&text);
    assert_eq!(path, "figures[0].kind");
    assert!(message.contains("computed by the program"), "{message}");
}

#[test]
fn the_exchange_rate_must_be_a_rate() {
    let text = edited(|t| {
        set_at(
            t,
            &format!("/charts/{}/budgets/exchange_rate", chart_with("budgets")),
            json!("spending.russia"),
        )
    });
    let (path, message) = rejected(&text);
    assert_eq!(
        path,
        format!("charts[{}].budgets.exchange_rate", chart_with("budgets"))
    );
    assert!(message.contains("usd_per_eur"), "{message}");
}

#[test]
fn contributors_budgets_share_one_currency() {
    let text = edited(|t| {
        set_at(
            t,
            &format!(
                "/charts/{}/force_scenario/contributors/1/budget",
                chart_with("force_scenario")
            ),
            json!("money.project-ironclad"),
        );
    });
    let (path, _) = rejected(&text);
    assert_eq!(
        path,
        format!(
            "charts[{}].force_scenario.contributors[1].budget",
            chart_with("force_scenario")
        )
    );
}

#[test]
fn a_value_without_a_source_is_refused() {
    let text = edited(|t| {
        if let Some(figure) = t.pointer_mut("/figures/3").and_then(|f| f.as_object_mut()) {
            figure.remove("source");
        }
    });
    let (path, message) = rejected(&text);
    assert_eq!(path, "figures[3]");
    assert!(message.contains("missing field `source`"), "{message}");
}

#[test]
fn the_budget_panels_keep_their_units() {
    let text = edited(|t| {
        set_at(
            t,
            &format!(
                "/charts/{}/budgets/national_gdp/unit",
                chart_with("budgets")
            ),
            json!("eur_bn"),
        )
    });
    let (path, message) = rejected(&text);
    assert_eq!(
        path,
        format!(
            "charts[{}].budgets.national_gdp.unit",
            chart_with("budgets")
        )
    );
    assert!(message.contains("percent"), "{message}");
    let text = edited(|t| {
        set_at(
            t,
            &format!("/charts/{}/budgets/national/unit", chart_with("budgets")),
            json!("percent"),
        )
    });
    let (path, message) = rejected(&text);
    assert_eq!(
        path,
        format!("charts[{}].budgets.national.unit", chart_with("budgets"))
    );
    assert!(message.contains("eur_bn or usd_bn"), "{message}");
}

#[test]
fn a_claim_naming_a_missing_figure_is_refused() {
    let text = edited(|t| set_at(t, "/claims/0/check/references/0", json!("meeting.1999")));
    let (path, message) = rejected(&text);
    assert_eq!(path, "claims[0].check.references[0]");
    assert!(message.contains("meeting.1999"), "{message}");
}

/// The article's own words as the page prints them: its paragraphs (the page's plain `<p>`s at
/// the article's level) and its key points, without markup.
fn article_words() -> String {
    let page = include_str!("../index.html");
    let mut words = String::new();
    for line in page.lines() {
        let keep = line.starts_with("      <p>") || line.starts_with("          <li>");
        if !keep {
            continue;
        }
        let mut inside = false;
        for c in line.chars() {
            match c {
                '<' => inside = true,
                '>' => inside = false,
                c if !inside => words.push(c),
                _ => {}
            }
        }
        words.push(' ');
    }
    words.replace("&#39;", "'").replace("&amp;", "&")
}

#[test]
fn every_quotation_of_the_article_is_its_own_words() {
    let article = article_words();
    assert!(
        article.contains("31 delegations") && article.len() > 2000,
        "{article}"
    );
    let file: serde_json::Value = serde_json::from_str(FIGURES_JSON).unwrap_or_default();
    let figures = file
        .get("figures")
        .and_then(|f| f.as_array())
        .cloned()
        .unwrap_or_default();
    let mut quotes = 0;
    for figure in figures {
        if figure.get("kind").and_then(|k| k.as_str()) != Some("as_reported") {
            continue;
        }
        let note = figure
            .get("note")
            .and_then(|n| n.as_str())
            .unwrap_or_default();
        for quote in note.split('“').skip(1).filter_map(|q| q.split_once('”')) {
            assert!(
                article.contains(quote.0),
                "{}: “{}” is not in the article",
                figure
                    .get("id")
                    .and_then(|i| i.as_str())
                    .unwrap_or_default(),
                quote.0
            );
            quotes += 1;
        }
    }
    assert!(quotes >= 10, "only {quotes} quotations checked");
}

#[test]
fn the_digest_reads_back_to_the_same_bytes() -> Result<(), Box<dyn std::error::Error>> {
    // The browser reads the digest by hand; the build writes it with postcard. Reading it and
    // writing what was read must give the digest again, field for field.
    let digest = real()?.digest()?;
    let file = figures::read_digest(&digest)?;
    assert!(!file.figures.is_empty() && !file.charts.is_empty());
    let again = postcard::to_allocvec(&file)?;
    let first_difference = again.iter().zip(&digest).position(|(a, b)| a != b);
    assert!(
        again == digest,
        "read back, the digest differs from byte {first_difference:?} ({} bytes, {} before)",
        again.len(),
        digest.len()
    );
    Ok(())
}

#[test]
fn a_digest_cut_short_or_with_bytes_after_it_is_refused() -> Result<(), Box<dyn std::error::Error>>
{
    let digest = real()?.digest()?;
    for end in 0..digest.len() {
        let cut = digest.get(..end).unwrap_or_default();
        assert!(
            figures::read_digest(cut).is_err(),
            "{end} of {} bytes read",
            digest.len()
        );
    }
    let mut longer = digest.clone();
    longer.push(0);
    assert!(
        figures::read_digest(&longer).is_err(),
        "a byte after its end was read"
    );
    Ok(())
}

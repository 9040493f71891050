//! Every term of the story's vocabulary that a chart uses (an abbreviation such as GDP or SAFE,
//! a name such as the Ukraine Facility, a word of the trade such as tranche) is explained in that
//! chart's notes, on the article page and so in its embed page, which is cut from it.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::real;
use reassurance_force::figures::Term;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

const PAGE: &str = include_str!("../index.html");

/// Each chart's block of the page, by its slug.
fn chart_blocks(page: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut rest = page;
    while let Some((_, after)) = rest.split_once("<!-- chart:") {
        let Some((slug, body)) = after.split_once(":start -->") else {
            break;
        };
        let end = format!("<!-- chart:{slug}:end -->");
        let Some((block, next)) = body.split_once(&end) else {
            break;
        };
        blocks.push((slug.to_string(), block.to_string()));
        rest = next;
    }
    blocks
}

/// A block without its terms paragraph, and that paragraph.
fn split_terms(block: &str) -> (String, String) {
    match block.split_once("<p class=\"chart-terms\">") {
        Some((before, rest)) => {
            let (terms, after) = rest.split_once("</p>").unwrap_or((rest, ""));
            (format!("{before}{after}"), terms.to_string())
        }
        None => (block.to_string(), String::new()),
    }
}

#[test]
fn every_term_a_chart_uses_is_explained_in_its_notes() -> Result {
    let figures = real()?;
    let terms: Vec<&Term> = figures
        .story()
        .map(|s| s.terms.iter().collect())
        .unwrap_or_default();
    // The terms the accessibility audit found unexplained are all in the story's vocabulary.
    for needed in [
        "GDP",
        "SIPRI",
        "SAFE",
        "tranche",
        "Ukraine Facility",
        "European Peace Facility",
        "Iskander-M",
    ] {
        assert!(
            terms.iter().any(|t| t.term == needed),
            "{needed} is not explained"
        );
    }
    let blocks = chart_blocks(PAGE);
    assert_eq!(blocks.len(), figures.charts().len());
    let mut explained = 0;
    for (slug, block) in &blocks {
        let (text, notes) = split_terms(block);
        for term in &terms {
            let defined = notes.contains(&format!("<dfn>{}</dfn>", term.term));
            // Used outside its explanation if and only if explained.
            assert_eq!(term.used_in(&text), defined, "{slug}: {}", term.term);
            explained += usize::from(defined);
        }
    }
    assert!(explained >= 8, "only {explained} explanations");
    Ok(())
}

/// Every abbreviation a chart's words use (a word of capitals, NATO, EU, GDP) is a term of the
/// story's vocabulary, and so explained in its notes: none is left for a reader to guess. The
/// names of its sources (an outlet's initials) and the file formats its buttons offer (CSV,
/// PNG, SVG) are not the story's words.
#[test]
fn every_abbreviation_a_chart_uses_is_one_of_the_story_s_terms() -> Result {
    let figures = real()?;
    let terms: Vec<String> = figures
        .story()
        .map(|s| s.terms.iter().map(|t| t.term.clone()).collect())
        .unwrap_or_default();
    let sources: Vec<String> = figures
        .all()
        .iter()
        .filter_map(|f| figures.source(&f.source).map(|s| s.name.clone()))
        .collect();
    let mut unexplained = Vec::new();
    let mut seen = 0;
    for (slug, block) in chart_blocks(PAGE) {
        let (mut text, _) = split_terms(&block);
        if let Some((before, rest)) = text.split_once("<p class=\"chart-source\">") {
            text = format!("{before}{}", rest.split_once("</p>").map_or("", |(_, a)| a));
        }
        for source in &sources {
            text = text.replace(&format!(">{source}<"), "><");
        }
        // The codes of the countries a chart counts are for the program, never shown.
        if let Some((before, rest)) = text.split_once("data-countries=\"") {
            text = format!("{before}{}", rest.split_once('"').map_or("", |(_, a)| a));
        }
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let capitals = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
            if !capitals || ["CSV", "PNG", "SVG"].contains(&word) {
                continue;
            }
            seen += 1;
            // A term's own words count (BSD in "BSD-3-Clause", read here as words).
            if !terms
                .iter()
                .any(|t| t.split(|c: char| !c.is_alphanumeric()).any(|w| w == word))
            {
                unexplained.push(format!("{slug}: {word}"));
            }
        }
    }
    unexplained.dedup();
    assert!(
        seen > 10,
        "only {seen} abbreviations found: the test reads too little"
    );
    assert!(unexplained.is_empty(), "not explained: {unexplained:?}");
    Ok(())
}

#[test]
fn a_term_is_found_as_a_word_of_its_own() {
    let gdp = Term {
        term: "GDP".into(),
        means: "gross domestic product".into(),
    };
    assert!(gdp.used_in("Spending as a share of GDP, 2024"));
    assert!(gdp.used_in("GDP"));
    assert!(!gdp.used_in("GDPR"), "inside a longer word");
    assert!(!gdp.used_in("gdp"), "in the page's own case");
    let iskander = Term {
        term: "Iskander-M".into(),
        means: "a missile".into(),
    };
    assert!(iskander.used_in("the Iskander-M's range"));
    assert!(!iskander.used_in("the Iskander-Ms"));
}

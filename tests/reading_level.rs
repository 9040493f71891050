//! How hard the page's sentences are to read: the Flesch–Kincaid grade, checked on sentences
//! whose counts are known, then held at grade 8 or below for every chart's takeaway and
//! description.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

mod committed_figures;

use committed_figures::real;
use reassurance_force::catalogue::{ChartId, Model};
use reassurance_force::model::reading_level::grade;
use reassurance_force::model::scenario::Scenario;
use reassurance_force::model::scenario_url::apply_query;
use reassurance_force::page_skeleton::build_all;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 0.01)
}

#[test]
fn known_counts_give_the_formula_s_grade() {
    // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59.
    assert!(close(grade("The cat sat on the mat."), -1.45));
    // 2 sentences of 4 words; syllables as the estimate counts them: troops 1, went 1, to 1,
    // Kyiv 1 ("yi" is one group of vowels), a 1, force 1 (its final e is silent), was 1,
    // proposed 3 (o, o, e): 10.
    assert!(close(
        grade("Troops went to Kyiv. A force was proposed."),
        0.39 * 4.0 + 11.8 * 10.0 / 8.0 - 15.59
    ));
    // A decimal point ends no sentence; a number is a syllable per group of digits, and a
    // percentage two more: "It is 0.88% of 3,418,600." — 5 words, 1 sentence; syllables it 1,
    // is 1, 0.88% 2+2, of 1, 3,418,600 3: 10.
    assert!(close(
        grade("It is 0.88% of 3,418,600."),
        0.39 * 5.0 + 11.8 * 10.0 / 5.0 - 15.59
    ));
    assert_eq!(grade(" — "), None);
}

#[test]
fn longer_sentences_and_longer_words_read_harder() {
    let plain = grade("The force is small. It is one in a hundred of the troops.");
    let dense = grade(
        "Notwithstanding considerable uncertainty, the proposed multinational reassurance \
         contingent represents approximately one percent of available personnel.",
    );
    assert!(
        plain.zip(dense).is_some_and(|(p, d)| p + 8.0 < d),
        "{plain:?} {dense:?}"
    );
}

#[test]
fn every_takeaway_and_description_reads_at_grade_8_or_below() -> Result {
    let figures = real()?;
    let mut hard = Vec::new();
    for (spec, model) in build_all(&figures)? {
        for (what, words) in [
            ("takeaway", model.takeaway()),
            ("description", model.description()),
        ] {
            let level = grade(&words).unwrap_or(f64::INFINITY);
            if level > 8.0 {
                hard.push(format!("{} {what} at grade {level:.1}: {words}", spec.slug));
            }
        }
    }
    assert!(hard.is_empty(), "{}", hard.join("\n"));
    Ok(())
}

#[test]
fn the_sentences_that_follow_the_reader_read_at_grade_8_or_below_in_every_scenario() -> Result {
    let figures = real()?;
    let mut hard = Vec::new();
    let mut checked = 0;
    for query in [
        "force=5000&share=equal&rotation=1",
        "force=150000&share=budget&rotation=4",
        "force=80000&share=personnel&rotation=2",
        "budget=gdp&currency=usd",
        "currency=eur&sort=name",
    ] {
        let mut scenario = Scenario::from_figures(&figures);
        let ignored = apply_query(query, &mut scenario);
        assert!(ignored.is_empty(), "{query}: {ignored:?}");
        for id in ChartId::all(&figures) {
            let model = Model::build(id, &figures, &scenario)?;
            if !model.follows_scenario() {
                continue;
            }
            for words in [model.takeaway(), model.description()] {
                let level = grade(&words).unwrap_or(f64::INFINITY);
                if level > 8.0 {
                    hard.push(format!("{query}: grade {level:.1}: {words}"));
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 5 * 3 * 2, "only {checked} checked");
    assert!(hard.is_empty(), "{}", hard.join("\n"));
    Ok(())
}

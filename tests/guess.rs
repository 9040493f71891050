//! Guess first, then see: the sentence that compares a guess with the answer (at, above and
//! below it, for an exact answer and for a bound), what a chart shows while the reader guesses
//! and once the answer is revealed, and the guesses the figures file asks for.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in tests/page/

mod committed_figures;

use committed_figures::{chart_id, edited, real, set_at};
use reassurance_force::catalogue::Model;
use reassurance_force::charts::theme::{Palette, Theme};
use reassurance_force::figures::{self, Bound, Figures, Kind, Measure, Unit};
use reassurance_force::model::guess::{compare, Guess, ROW};
use reassurance_force::model::panel::Bar;
use reassurance_force::model::scenario::Scenario;
use reassurance_force::page_skeleton::{build_all, guess_html};
use reassurance_force::static_svg;

type Result = std::result::Result<(), Box<dyn std::error::Error>>;

fn answer(value: f64, unit: Unit, bound: Bound) -> Bar {
    let mut bar = Bar::derived(
        "answer".into(),
        "The answer".into(),
        Some(value),
        unit,
        Measure::derived("a measure".into(), String::new()),
        "2024".into(),
        "a ÷ b".into(),
    );
    bar.bound = bound;
    bar
}

#[test]
fn an_exact_answer_is_about_right_within_half_a_step_else_too_high_or_too_low() {
    let share = answer(0.8775, Unit::Percent, Bound::Exact);
    let said = |guess: f64| compare(guess, &share, 0.1);
    assert_eq!(
        said(0.9).as_deref(),
        Some("Your guess, 0.9%, is about right: the answer is 0.88%.")
    );
    assert_eq!(
        said(0.8775).as_deref(),
        Some("Your guess, 0.88%, is about right: the answer is 0.88%.")
    );
    assert_eq!(
        said(2.0).as_deref(),
        Some("Your guess, 2%, is too high: the answer is 0.88%.")
    );
    assert_eq!(
        said(0.5).as_deref(),
        Some("Your guess, 0.5%, is too low: the answer is 0.88%.")
    );
    // Written the same as the answer is about right, whatever the step: 105% against 105.4%.
    let large = answer(105.4, Unit::Percent, Bound::Exact);
    assert!(compare(105.0, &large, 0.1).is_some_and(|s| s.contains("about right")));
    // Half a step is the edge: 0.05 away is about right, 0.06 is not.
    assert!(compare(0.8275, &share, 0.1).is_some_and(|s| s.contains("about right")));
    assert!(compare(0.8175, &share, 0.1).is_some_and(|s| s.contains("too low")));
}

#[test]
fn a_bound_is_weighed_on_its_own_side_and_the_other_side_is_said_to_be_open() {
    // At the peak speed, 187 km take 1.496 min: at least 1.4 min, rounded down to its safe side.
    let least = answer(187.0 / 7500.0 * 60.0, Unit::Minutes, Bound::AtLeast);
    let said = |guess: f64| compare(guess, &least, 0.5);
    assert_eq!(
        said(1.5).as_deref(),
        Some("Your guess, 1.5 min, is about the least it can be: 1.4 min.")
    );
    assert_eq!(
        said(1.0).as_deref(),
        Some("Your guess, 1 min, is too low: it cannot be less than 1.4 min.")
    );
    assert_eq!(
        said(1.3).as_deref(),
        Some("Your guess, 1.3 min, is too low: it cannot be less than 1.4 min."),
        "within half a step, but under the floor"
    );
    // The bound as shown (1.496 rounded down to 1.4) is what a guess is weighed against: 1.45
    // is above it, not "too low".
    assert!(said(1.45).is_some_and(|s| s.contains("about the least")));
    assert_eq!(
        said(6.0).as_deref(),
        Some(
            "Your guess, 6 min, is above the least it can be, 1.4 min; the figures set no limit above it."
        )
    );
    let most = answer(500.0, Unit::Km, Bound::AtMost);
    let said = |guess: f64| compare(guess, &most, 10.0);
    assert_eq!(
        said(600.0).as_deref(),
        Some("Your guess, 600 km, is too high: it cannot be more than 500 km.")
    );
    assert_eq!(
        said(300.0).as_deref(),
        Some(
            "Your guess, 300 km, is below the most it can be, 500 km; the figures set no limit below it."
        )
    );
    assert_eq!(
        said(496.0).as_deref(),
        Some("Your guess, 496 km, is about the most it can be: 500 km.")
    );
    // Past a bound on its impossible side is wrong, however near.
    assert!(said(504.0).is_some_and(|s| s.contains("too high")));
    let mut none = least.clone();
    none.value = None;
    assert_eq!(compare(1.0, &none, 0.5), None, "no answer, no comparison");
}

/// The chart asking for a guess, its row, and its model as the page opens with `guess` shown.
fn guessed(
    figures: &Figures,
    slug: &str,
    guess: Guess,
) -> std::result::Result<(Model, Model, String), Box<dyn std::error::Error>> {
    let id = chart_id(figures, slug)?;
    let row = id
        .spec(figures)?
        .guess
        .as_ref()
        .map(|g| g.row.clone())
        .ok_or("the chart asks for no guess")?;
    let plain = Model::build(id, figures, &Scenario::from_figures(figures))?;
    Ok((plain.clone(), plain.guessed(&row, guess), row))
}

#[test]
fn while_the_reader_guesses_the_panel_shows_their_guess_alone_and_nothing_of_the_answer() -> Result
{
    let figures = real()?;
    for slug in ["troop-share", "geography"] {
        for value in [None, Some(1.0)] {
            let guess = Guess {
                value,
                revealed: false,
            };
            let (plain, model, row) = guessed(&figures, slug, guess)?;
            let truth = plain
                .bars()
                .into_iter()
                .find(|b| b.id == row)
                .ok_or("no row")?;
            let panels = model.panels();
            let panel = panels
                .iter()
                .find(|p| p.bars.iter().any(|b| b.id == ROW))
                .ok_or("no guess drawn")?;
            assert_eq!(panel.bars.len(), 1, "{slug}: the guess alone");
            let mine = panel.bars.first().ok_or("no bar")?;
            assert_eq!((mine.kind, mine.value), (Kind::Guess, value));
            assert_eq!(
                mine.label, truth.label,
                "{slug}: the row says what is guessed"
            );
            assert!(model.bars().iter().all(|b| b.id != row), "{slug}");
            // Its annotations stay (the article's own words), and so do the other panels.
            let before = plain.panels();
            let at = before
                .iter()
                .position(|p| p.bars.iter().any(|b| b.id == row))
                .ok_or("no panel")?;
            assert_eq!(Some(&panel.notes), before.get(at).map(|p| &p.notes));
            assert!(!panel.notes.is_empty(), "{slug}: the article's line stays");
            for (i, (a, b)) in before.iter().zip(&panels).enumerate() {
                if i != at {
                    assert_eq!(a, b);
                }
            }
            assert_eq!(model.guess_line, None);
            // Nothing of the model says the answer.
            let answer = truth.value_text();
            assert!(!model.description().contains(&answer), "{slug}: {answer}");
        }
    }
    Ok(())
}

#[test]
fn revealed_the_guess_stands_under_the_answer_with_the_sentence_and_skipped_the_chart_is_whole(
) -> Result {
    let figures = real()?;
    let share = figures.get("force.proposed")?.value.ok_or("no force")?
        / figures.get("personnel.nato")?.value.ok_or("no total")?
        * 100.0;
    let (plain, model, row) = guessed(
        &figures,
        "troop-share",
        Guess {
            value: Some(2.0),
            revealed: true,
        },
    )?;
    let bars = model.bars();
    let at = bars.iter().position(|b| b.id == row).ok_or("no answer")?;
    let mine = bars.get(at + 1).ok_or("nothing under the answer")?;
    assert_eq!(
        (mine.id.as_str(), mine.value_text()),
        (ROW, "2%".to_string())
    );
    assert_eq!(bars.len(), plain.bars().len() + 1);
    assert_eq!(
        model.guess_line,
        Some(format!(
            "Your guess, 2%, is too high: the answer is {share:.2}%."
        ))
    );
    let (plain, skipped, _) = guessed(
        &figures,
        "geography",
        Guess {
            value: None,
            revealed: true,
        },
    )?;
    assert_eq!(skipped, plain, "skipped, the chart is as it always was");
    Ok(())
}

#[test]
fn the_question_is_filled_from_the_figures_and_a_guess_without_an_answer_is_refused() -> Result {
    let figures = real()?;
    let built = build_all(&figures)?;
    let asked: Vec<&str> = built
        .iter()
        .filter(|(spec, _)| spec.guess.is_some())
        .map(|(spec, _)| spec.slug.as_str())
        .collect();
    assert!((2..=3).contains(&asked.len()), "{asked:?}");
    for (spec, model) in &built {
        let html = guess_html(spec, model, &figures)?;
        assert_eq!(html.is_empty(), spec.guess.is_none(), "{}", spec.slug);
        assert!(!html.contains('{'), "{}: a name left unfilled", spec.slug);
    }
    // The distance in the question is the model's, computed, as the takeaway says it.
    let (spec, model) = built
        .iter()
        .find(|(s, _)| s.slug == "geography")
        .ok_or("no geography")?;
    let distance = model
        .bars()
        .into_iter()
        .find(|b| b.id == "route.place.lviv.place.tripoint")
        .ok_or("no route")?
        .value_text();
    assert!(guess_html(spec, model, &figures)?.contains(&format!("fly the {distance} from")));

    for (row, why) in [
        (
            "personnel.nowhere",
            "no bar “personnel.nowhere” with a value",
        ),
        ("", "no bar “” with a value"),
    ] {
        let at = committed_figures::chart_with("troop_share");
        let text = edited(|tree| set_at(tree, &format!("/charts/{at}/guess/row"), row.into()));
        let figures = figures::parse(&text)?;
        let Err(message) = build_all(&figures) else {
            return Err(format!("a guess at “{row}” was accepted").into());
        };
        assert!(message.contains(why), "{message}");
    }
    let at = committed_figures::chart_with("troop_share");
    let text = edited(|tree| {
        set_at(
            tree,
            &format!("/charts/{at}/guess/question"),
            "How much is {nothing}?".into(),
        );
    });
    assert!(build_all(&figures::parse(&text)?).is_err());
    Ok(())
}

#[test]
fn the_chart_code_draws_the_guess_on_any_backend_here_as_svg() -> Result {
    let figures = real()?;
    let theme = Theme::new(Palette::LIGHT, 1.0);
    let svg_of = |guess: Guess| -> std::result::Result<String, Box<dyn std::error::Error>> {
        let (_, model, _) = guessed(&figures, "troop-share", guess)?;
        Ok(static_svg::draw_with_layout(&model, (608, 700), &theme)?.0)
    };
    let share = figures.get("force.proposed")?.value.ok_or("no force")?
        / figures.get("personnel.nato")?.value.ok_or("no total")?
        * 100.0;
    let answer = format!("{share:.2}%");
    let waiting = svg_of(Guess::default())?;
    assert!(
        waiting.contains("none yet: drag here"),
        "no place for the guess"
    );
    assert!(
        !waiting.contains(&answer),
        "the answer is drawn before the guess"
    );
    let revealed = svg_of(Guess {
        value: Some(2.0),
        revealed: true,
    })?;
    for words in ["Your guess", &answer] {
        assert!(revealed.contains(words), "{words} is not drawn");
    }
    // The guess's value is drawn once more than the chart without it draws "2%" (a tick and
    // "1.42%" have it too).
    let skipped = svg_of(Guess {
        value: None,
        revealed: true,
    })?;
    assert_eq!(
        revealed.matches("2%").count(),
        skipped.matches("2%").count() + 1
    );
    Ok(())
}

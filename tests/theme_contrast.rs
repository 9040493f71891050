//! The palettes meet contrast minimums: 4.5:1 for text, 3:1 for marks, in light and dark.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

use plotters::style::RGBColor;
use reassurance_force::charts::hatching::{pattern, stripes};
use reassurance_force::charts::theme::{contrast, parse_rgb, text_on, Palette, Theme};
use reassurance_force::figures::Kind;

#[test]
fn contrast_of_black_on_white_is_21() {
    let white = plotters::style::RGBColor(255, 255, 255);
    let black = plotters::style::RGBColor(0, 0, 0);
    assert!((contrast(black, white) - 21.0).abs() < 1e-9);
    assert!((contrast(white, white) - 1.0).abs() < 1e-9);
}

#[test]
fn text_and_marks_stand_out_from_the_background() {
    for palette in [Palette::LIGHT, Palette::DARK] {
        let bg = palette.background;
        assert!(contrast(palette.text, bg) >= 4.5);
        assert!(contrast(palette.muted, bg) >= 4.5);
        for mark in [
            palette.reference,
            palette.as_reported,
            palette.derived,
            palette.scenario,
        ] {
            assert!(
                contrast(mark, bg) >= 3.0,
                "{mark:?} on {bg:?}: {}",
                contrast(mark, bg)
            );
            assert!(contrast(text_on(mark), mark) >= 4.5, "words on {mark:?}");
        }
    }
}

#[test]
fn odd_pixel_ratios_fall_back_to_one() {
    assert_eq!(Theme::new(Palette::LIGHT, f64::NAN).scale, 1.0);
    assert_eq!(Theme::new(Palette::LIGHT, 0.0).scale, 1.0);
    assert_eq!(Theme::new(Palette::LIGHT, 3.0).px(13.0), 39);
}

#[test]
fn stripes_stay_inside_their_bar() {
    let lines = stripes(10, 20, 110, 34, 6);
    assert!(lines.len() >= 100 / 6);
    for [(ax, ay), (bx, by)] in lines {
        for (x, y) in [(ax, ay), (bx, by)] {
            assert!(
                (10..=110).contains(&x) && (20..=34).contains(&y),
                "({x}, {y})"
            );
        }
        assert_eq!(bx - ax, ay - by, "45 degrees");
    }
    assert!(stripes(10, 20, 10, 34, 6).is_empty());
}

#[test]
fn the_srgb_power_is_the_library_s_to_the_last_bits() {
    use reassurance_force::charts::theme::power_2_4;
    for level in 0..=1000 {
        let x = f64::from(level) / 1000.0;
        let (ours, library) = (power_2_4(x), x.powf(2.4));
        assert!(
            (ours - library).abs() <= 4.0 * f64::EPSILON * library.max(f64::MIN_POSITIVE),
            "{x}: {ours} vs {library}"
        );
    }
}

#[test]
fn each_kind_has_a_pattern_of_its_own_that_stands_out_from_its_fill() {
    let bar = (10, 20, 110, 42);
    // The direction of a pattern's lines: (dx, dy) of its first line, reduced to a sign.
    let direction = |kind: Kind| {
        pattern(kind, bar, 6)
            .first()
            .map(|[(ax, ay), (bx, by)]| ((bx - ax).signum(), (by - ay).signum()))
    };
    assert_eq!(
        direction(Kind::Reference),
        None,
        "a reference figure is plain"
    );
    let directions = [
        direction(Kind::AsReported),
        direction(Kind::Derived),
        direction(Kind::Scenario),
        direction(Kind::Guess),
    ];
    // Stripes rise to the right; derived lines run along the bar; the scenario's ring starts
    // along its top and closes on itself; the reader's guess is lined across the bar, so it
    // differs from the scenario's ring, whose colour it shares.
    assert_eq!(
        directions,
        [Some((1, -1)), Some((1, 0)), Some((1, 0)), Some((0, 1))]
    );
    let ring = pattern(Kind::Scenario, bar, 6);
    assert_eq!(ring.len(), 4);
    assert_eq!(
        ring.first().map(|l| l[0]),
        ring.last().map(|l| l[1]),
        "the ring closes"
    );
    let upright = |lines: &[[(i32, i32); 2]]| lines.iter().filter(|[a, b]| a.0 == b.0).count();
    assert_eq!(upright(&ring), 2, "a ring has two sides");
    assert_eq!(
        upright(&pattern(Kind::Derived, bar, 6)),
        0,
        "derived lines all lie along the bar"
    );
    for kind in [Kind::AsReported, Kind::Derived, Kind::Scenario, Kind::Guess] {
        let lines = pattern(kind, bar, 6);
        assert!(lines.len() >= 3, "{kind:?}: {}", lines.len());
        for [(ax, ay), (bx, by)] in lines {
            assert!(
                [ax, bx].iter().all(|x| (10..=110).contains(x))
                    && [ay, by].iter().all(|y| (20..=42).contains(y)),
                "{kind:?} leaves its bar"
            );
        }
    }
    // The lines are drawn in the background colour: at least 3:1 against each fill.
    for palette in [Palette::LIGHT, Palette::DARK] {
        for kind in [Kind::AsReported, Kind::Derived, Kind::Scenario, Kind::Guess] {
            let fill = palette.of_kind(kind);
            let ratio = contrast(palette.background, fill);
            assert!(ratio >= 3.0, "{kind:?} lines on {fill:?}: {ratio:.2}");
        }
    }
}

#[test]
fn computed_colours_are_read_as_the_browser_writes_them() {
    assert_eq!(parse_rgb("rgb(12, 34, 56)"), Some(RGBColor(12, 34, 56)));
    assert_eq!(parse_rgb(" rgba(0, 0, 0, 1) "), Some(RGBColor(0, 0, 0)));
    for bad in [
        "",
        "red",
        "rgb(1, 2)",
        "rgb(300, 0, 0)",
        "hsl(0, 0%, 0%)",
        "rgb(1, 2, 3",
    ] {
        assert_eq!(parse_rgb(bad), None, "{bad:?}");
    }
}

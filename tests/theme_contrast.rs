//! The palettes meet contrast minimums: 4.5:1 for text, 3:1 for marks, in light and dark.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

use reassurance_force::charts::hatching::stripes;
use reassurance_force::charts::theme::{contrast, text_on, Palette, Theme};

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

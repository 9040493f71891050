//! Numbers in words and value axes.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

use reassurance_force::figures::Unit;
use reassurance_force::model::axis::{round_step, Axis};
use reassurance_force::model::wording::{amount, decimal, percent, thousands, tick, toward_bound};

#[test]
fn thousands_are_grouped() {
    assert_eq!(thousands(0.0), "0");
    assert_eq!(thousands(999.0), "999");
    assert_eq!(thousands(1000.0), "1,000");
    assert_eq!(thousands(3_418_600.0), "3,418,600");
    assert_eq!(thousands(-216_100.4), "-216,100");
}

#[test]
fn decimals_lose_trailing_zeros() {
    assert_eq!(decimal(3.70, 1), "3.7");
    assert_eq!(decimal(14.0, 1), "14");
    assert_eq!(decimal(34.5, 1), "34.5");
    assert_eq!(percent(0.877_56), "0.88%");
    assert_eq!(percent(13.91), "13.9%");
    assert_eq!(percent(250.0), "250%");
}

#[test]
fn amounts_carry_their_unit() {
    assert_eq!(amount(14.0, Unit::EurBn), "€14 bn");
    assert_eq!(amount(64.7, Unit::UsdBn), "US$64.7 bn");
    assert_eq!(amount(30_000.0, Unit::Personnel), "30,000");
    assert_eq!(amount(3.0, Unit::Percent), "3%");
    assert_eq!(tick(200_000.0, Unit::Personnel), "200,000");
    assert_eq!(tick(2.5, Unit::Percent), "2.5%");
}

#[test]
fn steps_are_round() {
    assert_eq!(round_step(0.75), 1.0);
    assert_eq!(round_step(120_250.0), 200_000.0);
    assert_eq!(round_step(41.25), 50.0);
    assert_eq!(round_step(2.2), 2.5);
    assert_eq!(round_step(0.0), 1.0);
    assert_eq!(round_step(f64::NAN), 1.0);
    assert_eq!(round_step(0.003), 0.005);
    assert_eq!(round_step(1000.0), 1000.0);
    assert_eq!(round_step(1e-310), 1.0);
}

/// A step is the same as one found with the library's logarithm and power, from a thousandth to
/// a thousand billion, at powers of ten and between them.
#[test]
fn steps_match_the_logarithms() {
    let by_logarithm = |raw: f64| {
        let power = 10f64.powf(raw.log10().floor());
        [1.0, 2.0, 2.5, 5.0, 10.0]
            .into_iter()
            .map(|m| m * power)
            .find(|&step| step >= raw * (1.0 - 1e-9))
            .unwrap_or(10.0 * power)
    };
    let mut checked = 0;
    for exponent in -3..=12 {
        for mantissa in [
            1.0, 1.01, 1.5, 1.99, 2.0, 2.2, 2.5, 3.7, 4.99, 5.0, 7.25, 9.99,
        ] {
            let raw = mantissa * 10f64.powi(exponent);
            assert_eq!(round_step(raw), by_logarithm(raw), "{raw}");
            checked += 1;
        }
    }
    assert_eq!(checked, 16 * 12);
}

#[test]
fn an_axis_covers_its_largest_value() {
    let axis = Axis::covering(529_100.0, 4);
    assert_eq!(axis.max, 600_000.0);
    assert_eq!(axis.ticks(), vec![0.0, 200_000.0, 400_000.0, 600_000.0]);
    assert_eq!(axis.fraction(300_000.0), 0.5);
    assert_eq!(axis.fraction(-1.0), 0.0);
    assert_eq!(axis.fraction(1e12), 1.0);
    let empty = Axis::covering(0.0, 4);
    assert!(empty.max > 0.0 && !empty.ticks().is_empty());
}

#[test]
fn decimals_round_half_away_and_keep_their_sign() {
    assert_eq!(decimal(0.005, 2), "0.01");
    assert_eq!(decimal(-0.004, 2), "0");
    assert_eq!(decimal(-2.25, 1), "-2.3");
    assert_eq!(decimal(1.0824, 4), "1.0824");
    assert_eq!(decimal(0.05, 1), "0.1");
    assert_eq!(decimal(f64::NAN, 1), "—");
    assert_eq!(thousands(f64::INFINITY), "—");
    assert_eq!(thousands(-f64::INFINITY), "—");
    assert_eq!(thousands(1e19), "—");
    assert_eq!(thousands(2e15), "2,000,000,000,000,000");
    assert_eq!(thousands(-3e18), "-3,000,000,000,000,000,000");
    assert_eq!(decimal(2.5e15, 2), "2500000000000000");
}

#[test]
fn months_and_dates_in_words_and_anything_else_as_written() {
    use reassurance_force::model::wording::{date, month};
    assert_eq!(month("2026-11"), "November 2026");
    assert_eq!(month("2025-01"), "January 2025");
    assert_eq!(date("2025-02-17"), "17 Feb 2025");
    assert_eq!(date("2025-09-04"), "4 Sep 2025");
    for odd in ["last autumn", "2026-13", "2026-00", "26-11", "20x6-11", ""] {
        assert_eq!(month(odd), odd);
    }
    for odd in ["2025-02", "2025-02-xx", "2025-13-01", "25-02-17"] {
        assert_eq!(date(odd), odd);
    }
}

#[test]
fn a_sentence_says_words_only_where_they_stand_in_it() {
    use reassurance_force::model::wording::says;
    assert!(says("Implied by “40% increase”: 22.1", "22.1"));
    assert!(says("22.1 at the start", "22.1"));
    assert!(says("anything", ""));
    assert!(!says("22.1", "22.14"));
    assert!(!says("2 2.1", "22.1"));
    assert!(!says("", "x"));
}

#[test]
fn a_bound_is_rounded_on_its_safe_side() {
    // 187 km at 7,500 km/h: 1.4960 minutes at least; "at least 1.5" would claim more.
    assert_eq!(toward_bound(1.496, Unit::Minutes, true), 1.4);
    assert_eq!(
        toward_bound(1.5, Unit::Minutes, true),
        1.5,
        "on the grid, it stays"
    );
    assert_eq!(toward_bound(0.72, Unit::Minutes, true), 0.7);
    // A ceiling goes up: at most 2.331% is at most 2.34%, not 2.33%.
    assert_eq!(toward_bound(2.331, Unit::Percent, false), 2.34);
    assert_eq!(toward_bound(500.0, Unit::Km, false), 500.0);
    assert_eq!(toward_bound(499.2, Unit::Km, false), 500.0);
}

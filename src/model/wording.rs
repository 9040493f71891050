//! How numbers are written for a reader: thousands separators, currencies, percentages.

use crate::figures::Unit;

/// The largest magnitude written with decimals; beyond it numbers are written whole (no count
/// or amount on the page comes near it).
const EXACT_LIMIT: f64 = 1e15;

/// What stands for a number that cannot be written: not finite, or from 10¹⁹ (never a figure;
/// only a computation gone wrong could give one).
pub const NO_NUMBER: &str = "—";

/// Whether `text` has `words` in it, byte for byte (a plain scan: a sentence is short, and the
/// general substring search is a kilobyte of the chart program).
#[must_use]
pub fn says(text: &str, words: &str) -> bool {
    words.is_empty()
        || text
            .as_bytes()
            .windows(words.len())
            .any(|here| here == words.as_bytes())
}

/// `216100.0` → `"216,100"`. Rounds to a whole number. Written from integers (every whole
/// number below 10¹⁹ exactly), so that no float-formatting code is needed.
#[must_use]
pub fn thousands(value: f64) -> String {
    let rounded = value.round();
    if !rounded.is_finite() || rounded.abs() >= 1e19 {
        return NO_NUMBER.to_string();
    }
    let digits = (rounded.abs() as u64).to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A decimal with at most `places` (up to 6) digits after the point and no trailing zeros:
/// `3.70` → `"3.7"`. Written from integers, so that no float-formatting code is needed.
#[must_use]
pub fn decimal(value: f64, places: usize) -> String {
    let places = places.min(6);
    let scale = 10_u64.pow(places as u32);
    let scaled = (value.abs() * scale as f64).round();
    if !scaled.is_finite() || scaled >= EXACT_LIMIT {
        return thousands(value).replace(',', "");
    }
    let n = scaled as u64;
    let (whole, fraction) = (n / scale, n % scale);
    let sign = if value < 0.0 && n > 0 { "-" } else { "" };
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:0places$}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// A percentage with two decimals below 10%, one below 100%, none above: `0.8775` → `"0.88%"`.
#[must_use]
pub fn percent(value: f64) -> String {
    let places = if value < 10.0 {
        2
    } else if value < 100.0 {
        1
    } else {
        0
    };
    format!("{}%", decimal(value, places))
}

/// A value in its unit, as a bar label shows it: `"€14 bn"`, `"US$64.7 bn"`, `"30,000"`, `"3%"`.
#[must_use]
pub fn amount(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Personnel => thousands(value),
        Unit::EurBn => format!("€{} bn", decimal(value, 1)),
        Unit::UsdBn => format!("US${} bn", decimal(value, 1)),
        Unit::Percent => percent(value),
        Unit::UsdPerEur => format!("US${} per €", decimal(value, 4)),
        Unit::Countries => format!("{} countries", thousands(value)),
        Unit::PlnBn => format!("PLN {} bn", decimal(value, 1)),
        Unit::Count => thousands(value),
        Unit::Months => format!("{} months", decimal(value, 1)),
        Unit::Km => format!("{} km", thousands(value)),
        Unit::KmPerH => format!("{} km/h", thousands(value)),
        Unit::Minutes => format!("{} min", decimal(value, 1)),
    }
}

/// A tick label on a value axis: like [`amount`] but without the unit's words for money.
#[must_use]
pub fn tick(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Personnel => thousands(value),
        Unit::EurBn | Unit::UsdBn => decimal(value, 1),
        Unit::Percent => format!("{}%", decimal(value, 1)),
        Unit::UsdPerEur => decimal(value, 4),
        Unit::Countries | Unit::Count | Unit::Km | Unit::KmPerH => thousands(value),
        Unit::PlnBn | Unit::Months | Unit::Minutes => decimal(value, 1),
    }
}

/// The unit's name for an axis title or a table header.
#[must_use]
pub fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Personnel => "active personnel",
        Unit::EurBn => "€ billion",
        Unit::UsdBn => "US$ billion",
        Unit::Percent => "percent",
        Unit::UsdPerEur => "US$ per €",
        Unit::Countries => "countries",
        Unit::PlnBn => "PLN billion",
        Unit::Count => "number",
        Unit::Months => "months",
        Unit::Km => "kilometres",
        Unit::KmPerH => "km/h",
        Unit::Minutes => "minutes",
    }
}

/// The months' names: in full, and as a date writes them.
const MONTHS: [(&str, &str); 12] = [
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May", "May"),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
];

/// The names of month `m` of `YYYY-MM…`, given its year `y` is four digits.
fn month_names(y: &str, m: &str) -> Option<(&'static str, &'static str)> {
    let four_digits = y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    let index = m.parse::<usize>().ok()?.checked_sub(1)?;
    four_digits.then_some(())?;
    MONTHS.get(index).copied()
}

/// `words` with its first letter a capital. The sentences' words are ASCII where they start
/// (kind words, "a force of …"), so this needs no Unicode tables; a first letter that is not
/// ASCII is left as it is.
#[must_use]
pub fn capitalised(words: &str) -> String {
    let mut out = words.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// `"2026-11-27"` → `"27 November 2026"`; anything else is returned as written.
#[must_use]
pub fn long_date(iso: &str) -> String {
    day_words(iso, true)
}

/// `"2026-11"` → `"November 2026"`; anything else is returned as written.
#[must_use]
pub fn month(iso: &str) -> String {
    match iso.split_once('-') {
        Some((y, m)) => {
            month_names(y, m).map_or_else(|| iso.to_string(), |(name, _)| format!("{name} {y}"))
        }
        None => iso.to_string(),
    }
}

/// `"2025-02-17"` → `"17 Feb 2025"`; anything else is returned as written.
#[must_use]
pub fn date(iso: &str) -> String {
    day_words(iso, false)
}

/// A day in words, its month's name `long` or short; anything else is returned as written.
fn day_words(iso: &str, long: bool) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    match (month_names(y, m), d.parse::<u8>()) {
        (Some((name, short)), Ok(day)) => {
            format!("{day} {} {y}", if long { name } else { short })
        }
        _ => iso.to_string(),
    }
}

/// A force in words for a slider's value text: `"30,000 troops"`.
#[must_use]
pub fn troops(force: u32) -> String {
    format!("{} troops", thousands(f64::from(force)))
}

/// A rotation in words for a slider's value text: `"3 units committed for each one deployed"`.
#[must_use]
pub fn units_per_deployed(rotation: u32) -> String {
    let units = if rotation == 1 { "unit" } else { "units" };
    format!("{rotation} {units} committed for each one deployed")
}

/// `value` moved to the nearest number [`amount`] can write in `unit` on the safe side of a
/// bound: down for a floor ("at least"), up for a ceiling ("at most"), so that rounding never
/// makes a bound claim more than the arithmetic gives (1.4955 minutes at least is "at least
/// 1.4 min", not 1.5).
#[must_use]
pub fn toward_bound(value: f64, unit: Unit, floor: bool) -> f64 {
    let places = match unit {
        Unit::EurBn | Unit::UsdBn | Unit::PlnBn | Unit::Months | Unit::Minutes => 1,
        Unit::UsdPerEur => 4,
        Unit::Percent if value.abs() < 10.0 => 2,
        Unit::Percent if value.abs() < 100.0 => 1,
        _ => 0,
    };
    let scale = f64::from(10_u32.pow(places));
    // A hair of slack, so that a value already on the grid (1.5 stored as 1.4999…) stays put.
    let scaled = value * scale;
    let moved = if floor {
        (scaled + 1e-9).floor()
    } else {
        (scaled - 1e-9).ceil()
    };
    moved / scale
}

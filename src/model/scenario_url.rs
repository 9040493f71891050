//! The scenario in a link: `?force=60000&share=personnel&rotation=3&budget=gdp&currency=usd&sort=name&country=ABC`
//! (`country=` alone: none chosen, even where the browser's language names one).
//!
//! Reading never fails: an unknown, out-of-range or malformed parameter is skipped and named in
//! a notice (shortened, as text), and the rest of the link still applies.

use crate::model::scenario::{
    Country, Currency, Measure, Order, Scenario, Sharing, FORCE_RANGE, ROTATION_RANGE,
};
use crate::model::wording::thousands;

/// The longest piece of a reader's link a notice repeats.
const ECHO_LIMIT: usize = 40;

/// Applies a query string (with or without its leading `?`) to `scenario`; returns a notice for
/// each parameter that was ignored.
pub fn apply_query(query: &str, scenario: &mut Scenario) -> Vec<String> {
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if let Err(notice) = apply_setting(&decode(key), &decode(value), scenario) {
            notices.push(notice);
        }
    }
    notices
}

/// Applies one setting, as a control or a link names it (`force`, `60000`).
///
/// # Errors
/// A notice for the reader if the setting is unknown or its value is not allowed; the scenario
/// is then unchanged.
pub fn apply_setting(key: &str, value: &str, scenario: &mut Scenario) -> Result<(), String> {
    let applied = match key {
        "force" => parse_whole(value).is_some_and(|v| scenario.set_force(v)),
        "rotation" => parse_whole(value).is_some_and(|v| scenario.set_rotation(v)),
        "share" => set(&mut scenario.sharing, sharing_from(value)),
        "budget" => set(&mut scenario.measure, measure_from(value)),
        "currency" => set(&mut scenario.currency, currency_from(value)),
        "sort" => set(&mut scenario.order, order_from(value)),
        "country" if value.is_empty() => {
            scenario.country = None;
            true
        }
        "country" => set(&mut scenario.country, Country::parse(value).map(Some)),
        _ => {
            return Err(format!(
                "Ignored an unknown setting in the link: “{}”.",
                echo(key)
            ))
        }
    };
    if applied {
        Ok(())
    } else {
        Err(format!(
            "Ignored “{}={}” in the link: {}.",
            echo(key),
            echo(value),
            expected(key)
        ))
    }
}

/// The query string that restores `scenario`, naming only what differs from `start`
/// (empty when nothing does).
#[must_use]
pub fn to_query(scenario: &Scenario, start: &Scenario) -> String {
    let mut parts = Vec::new();
    if scenario.force() != start.force() {
        parts.push(format!("force={}", scenario.force()));
    }
    if scenario.sharing != start.sharing {
        parts.push(format!("share={}", sharing_name(scenario.sharing)));
    }
    if scenario.rotation() != start.rotation() {
        parts.push(format!("rotation={}", scenario.rotation()));
    }
    if scenario.measure != start.measure {
        parts.push(format!("budget={}", measure_name(scenario.measure)));
    }
    if scenario.currency != start.currency {
        parts.push(format!("currency={}", currency_name(scenario.currency)));
    }
    if scenario.order != start.order {
        parts.push(format!("sort={}", order_name(scenario.order)));
    }
    // A country is always named (it is the reader's, not the page's, even where the browser's
    // language chose it); none only where the page started on one.
    if scenario.country.is_some() || start.country.is_some() {
        parts.push(format!(
            "country={}",
            scenario.country.as_ref().map_or("", Country::code)
        ));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn set<T>(slot: &mut T, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = v;
            true
        }
        None => false,
    }
}

/// A whole number of at most nine digits, in plain decimal.
fn parse_whole(text: &str) -> Option<u32> {
    let digits = text.trim();
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn expected(key: &str) -> String {
    match key {
        "force" => format!(
            "a force is a whole number from {} to {}",
            thousands(f64::from(*FORCE_RANGE.start())),
            thousands(f64::from(*FORCE_RANGE.end()))
        ),
        "rotation" => format!(
            "the rotation factor is a whole number from {} to {}",
            ROTATION_RANGE.start(),
            ROTATION_RANGE.end()
        ),
        "share" => "sharing is equal, personnel or budget".into(),
        "budget" => "the budget view is amount or gdp".into(),
        "currency" => "the currency is published, eur or usd".into(),
        "sort" => "the order is size or name".into(),
        "country" => "a country is named by the three letters of its code".into(),
        _ => "unknown setting".into(),
    }
}

/// Percent-decoding of a query value: `%` and two hex digits is a byte, `+` a space, and a `%`
/// without two hex digits after it is kept as written (a `+` after it is still a space). A
/// value that is not UTF-8 once decoded keeps its ASCII, and each other byte (of an escape or
/// of a character written as itself) becomes U+FFFD: coarser than the standard library's lossy
/// reading, which brings 1 KB of its own into the wasm, and such a value is refused whatever it
/// says, since every setting's name and value is ASCII.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let digit = |at: usize| bytes.get(at).and_then(|&d| char::from(d).to_digit(16));
        let escaped = match b {
            b'%' => digit(i + 1)
                .zip(digit(i + 2))
                .and_then(|(high, low)| u8::try_from(high * 16 + low).ok()),
            _ => None,
        };
        match (b, escaped) {
            (_, Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (other, None) => {
                out.push(other);
                i += 1;
            }
        }
    }
    let kept = |b: u8| {
        if b.is_ascii() {
            char::from(b)
        } else {
            char::REPLACEMENT_CHARACTER
        }
    };
    String::from_utf8(out).unwrap_or_else(|bad| bad.into_bytes().into_iter().map(kept).collect())
}

/// A reader-supplied piece, shortened and stripped of control characters, for a notice.
fn echo(text: &str) -> String {
    let mut clean = String::new();
    for (i, c) in text.chars().filter(|c| !c.is_control()).enumerate() {
        if i == ECHO_LIMIT {
            clean.push('…');
            break;
        }
        clean.push(c);
    }
    clean
}

fn sharing_from(text: &str) -> Option<Sharing> {
    Sharing::ALL.into_iter().find(|s| sharing_name(*s) == text)
}

/// The link's name for a sharing rule.
#[must_use]
pub fn sharing_name(sharing: Sharing) -> &'static str {
    match sharing {
        Sharing::Equal => "equal",
        Sharing::Personnel => "personnel",
        Sharing::Budget => "budget",
    }
}

fn measure_from(text: &str) -> Option<Measure> {
    [Measure::Amount, Measure::GdpShare]
        .into_iter()
        .find(|m| measure_name(*m) == text)
}

/// The link's name for a budget measure.
#[must_use]
pub fn measure_name(measure: Measure) -> &'static str {
    match measure {
        Measure::Amount => "amount",
        Measure::GdpShare => "gdp",
    }
}

fn currency_from(text: &str) -> Option<Currency> {
    [Currency::AsPublished, Currency::Eur, Currency::Usd]
        .into_iter()
        .find(|c| currency_name(*c) == text)
}

/// The link's name for a currency.
#[must_use]
pub fn currency_name(currency: Currency) -> &'static str {
    match currency {
        Currency::AsPublished => "published",
        Currency::Eur => "eur",
        Currency::Usd => "usd",
    }
}

fn order_from(text: &str) -> Option<Order> {
    [Order::Size, Order::Name]
        .into_iter()
        .find(|o| order_name(*o) == text)
}

/// The link's name for an order.
#[must_use]
pub fn order_name(order: Order) -> &'static str {
    match order {
        Order::Size => "size",
        Order::Name => "name",
    }
}

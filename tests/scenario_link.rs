//! The scenario in a link: read back exactly, and hostile links ignored with a notice.
#![cfg(not(target_arch = "wasm32"))] // native tests; the browser's are in web.rs

use reassurance_force::model::scenario::{Currency, Measure, Order, Scenario, Sharing};
use reassurance_force::model::scenario_url::{apply_query, to_query};

fn start() -> Scenario {
    Scenario::starting_at(Some(30_000.0))
}

#[test]
fn a_link_restores_the_scenario() {
    let mut s = start();
    let notices = apply_query(
        "?force=60000&share=personnel&rotation=2&budget=gdp&currency=usd&sort=name",
        &mut s,
    );
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!((s.force(), s.rotation()), (60_000, 2));
    assert_eq!(s.sharing, Sharing::Personnel);
    assert_eq!(
        (s.measure, s.currency, s.order),
        (Measure::GdpShare, Currency::Usd, Order::Name)
    );
    let query = to_query(&s, &start());
    let mut again = start();
    assert!(apply_query(&query, &mut again).is_empty());
    assert_eq!(again, s);
}

#[test]
fn the_starting_scenario_needs_no_query() {
    assert_eq!(to_query(&start(), &start()), "");
    let mut s = start();
    assert!(s.set_force(45_000));
    assert_eq!(to_query(&s, &start()), "?force=45000");
}

#[test]
fn hostile_values_are_ignored_with_a_notice() {
    let hostile = [
        "force=%3Cscript%3Ealert(1)%3C/script%3E",
        "force=1e9",
        "force=NaN",
        "force=-30000",
        "force=99999999999999999999",
        "force=4999",
        "force=30000.5",
        "rotation=0",
        "rotation=5",
        "share=everyone",
        "budget=%00",
        "currency=%E2%82%AC",
        "sort=",
        "colour=red",
        "%ZZ=1",
    ];
    for query in hostile {
        let mut s = start();
        let notices = apply_query(query, &mut s);
        assert_eq!(s, start(), "{query} changed the scenario");
        assert_eq!(notices.len(), 1, "{query}: {notices:?}");
        let notice = notices.first().map(String::as_str).unwrap_or_default();
        assert!(notice.starts_with("Ignored"), "{notice}");
        assert!(!notice.chars().any(char::is_control), "{notice:?}");
    }
}

#[test]
fn a_hostile_link_keeps_its_good_parts_and_shortens_what_it_echoes() {
    let mut s = start();
    let long = "x".repeat(5_000);
    let notices = apply_query(&format!("force=70000&share={long}&rotation=4"), &mut s);
    assert_eq!((s.force(), s.rotation()), (70_000, 4));
    assert_eq!(notices.len(), 1);
    assert!(
        notices.iter().all(|n| n.chars().count() < 200),
        "{notices:?}"
    );
    let mut s = start();
    let script = apply_query("share=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", &mut s);
    assert!(
        script.first().is_some_and(|n| n.contains("<img src=x")),
        "{script:?}"
    );
}

#[test]
fn an_echoed_value_is_cut_after_forty_characters_not_bytes() {
    let echoed = |value: &str| {
        let mut s = start();
        apply_query(&format!("share={value}"), &mut s)
            .first()
            .cloned()
            .unwrap_or_default()
    };
    // Forty characters, each two bytes in UTF-8 (é as %C3%A9): said whole.
    let forty = "%C3%A9".repeat(40);
    let whole = echoed(&forty);
    assert!(whole.contains(&"é".repeat(40)), "{whole}");
    assert!(!whole.contains('…'), "{whole}");
    // One more, with control characters among them (dropped before counting): cut, and marked.
    let more = format!("%07{}%0A", "%C3%A9".repeat(41));
    let cut = echoed(&more);
    assert!(cut.contains(&format!("{}…", "é".repeat(40))), "{cut}");
    assert!(!cut.contains(&"é".repeat(41)), "{cut}");
    assert!(!cut.chars().any(char::is_control), "{cut:?}");
}

#[test]
fn empty_and_odd_separators_are_harmless() {
    for query in ["", "?", "&&&", "?&force", "=", "force==60000"] {
        let mut s = start();
        let _ = apply_query(query, &mut s);
        assert_eq!(s.force(), 30_000, "{query}");
    }
}

#[test]
fn a_value_is_decoded_as_written_and_its_stray_bytes_are_marked() {
    // The one notice a query of one unknown `share` gives, naming the value as decoded.
    let echoed = |query: &str| {
        let mut s = start();
        let notices = apply_query(query, &mut s);
        assert_eq!(s, start(), "{query}");
        assert_eq!(notices.len(), 1, "{query}: {notices:?}");
        notices.concat()
    };
    let says = |query: &str, value: &str| {
        let notice = echoed(query);
        assert!(
            notice.contains(&format!("“share={value}”")),
            "{query}: {notice}"
        );
    };
    // A % without two hex digits after it stays as written; a + is a space wherever it is.
    says("share=%4", "%4");
    says("share=%", "%");
    says("share=%g1", "%g1");
    says("share=%+1", "% 1");
    says("share=a+b%2Bc", "a b+c");
    // A value that is not UTF-8 once decoded keeps its ASCII; every other byte, of an escape or
    // of a character written as itself, is a replacement mark.
    says("share=ab%FFcd", "ab\u{FFFD}cd");
    says("share=caf%C3%A9%FF", "caf\u{FFFD}\u{FFFD}\u{FFFD}");
    says("share=é%FF", "\u{FFFD}\u{FFFD}\u{FFFD}");
    // Valid UTF-8, escaped or written as itself, is read whole.
    says("share=caf%C3%A9", "café");
    says("share=café", "café");
}

//! The figures' digest read by hand, as the browser receives it: the fields the digest carries,
//! in their declared order (postcard's encoding, read by `postcard_cursor`). serde's generated
//! readers for the same types were about 21 KB of the chart program; these functions do the same
//! work in a fraction of it. Each type is built as a struct literal, so a field added to or
//! removed from a type stops the build until it is read here; the build writes the digest with
//! postcard itself, and a test reads the real digest back and writes it again to the same bytes,
//! which fails if two fields are read in the wrong order where the file's values tell them apart.
//! Natively, the fields the digest leaves out (the claims, a chart's heading and notes) read as
//! empty.

use super::{
    AnnotationSpec, Bound, BudgetPanelSpec, BudgetsSpec, ChartKind, ChartSpec, ContributorSpec,
    CountrySpec, Figure, FiguresFile, FlightTimesSpec, ForceMapSpec, ForceScenarioSpec, Keyed,
    Kind, MapSpec, MeasureSpec, MemberSpec, Order, PanelSpec, Place, ReachMapSpec, Source,
    TroopShareSpec, Unit, UnitChartSpec,
};
use crate::postcard_cursor::Cursor;

/// Each enum's variants in their declared order: the digest writes a variant as its place.
pub(super) const UNITS: [Unit; 12] = [
    Unit::Personnel,
    Unit::EurBn,
    Unit::UsdBn,
    Unit::Percent,
    Unit::UsdPerEur,
    Unit::Countries,
    Unit::PlnBn,
    Unit::Count,
    Unit::Months,
    Unit::Km,
    Unit::KmPerH,
    Unit::Minutes,
];
/// A figure's kind; the reader's guess is never in a file.
pub(super) const KINDS: [Kind; 4] = [
    Kind::AsReported,
    Kind::Reference,
    Kind::Derived,
    Kind::Scenario,
];
/// A value's bound.
pub(super) const BOUNDS: [Bound; 3] = [Bound::Exact, Bound::AtLeast, Bound::AtMost];
/// A panel's order.
pub(super) const ORDERS: [Order; 2] = [Order::AsListed, Order::LargestFirst];
/// A chart's mark.
pub(super) const CHART_KINDS: [ChartKind; 8] = [
    ChartKind::BarPanels,
    ChartKind::TroopShare,
    ChartKind::ForceScenario,
    ChartKind::Budgets,
    ChartKind::UnitChart,
    ChartKind::FlightTimes,
    ChartKind::ForceMap,
    ChartKind::ReachMap,
];

/// The whole digest, or `None` if the bytes are no digest or have bytes after one.
pub(super) fn figures_file(bytes: &[u8]) -> Option<FiguresFile> {
    let c = &mut Cursor::new(bytes);
    let file = FiguresFile {
        sources: keyed(c, source),
        measures: keyed(c, measure),
        countries: keyed(c, |c| CountrySpec {
            name: c.text(),
            region: c.text(),
        }),
        places: c.list(place),
        figures: c.list(figure),
        charts: c.list(chart),
        #[cfg(not(target_arch = "wasm32"))]
        claims: Vec::new(),
        #[cfg(not(target_arch = "wasm32"))]
        story: None,
    };
    c.read_whole().then_some(file)
}

/// Entries by key: their number, then each key and its value.
fn keyed<T>(c: &mut Cursor, mut read_value: impl FnMut(&mut Cursor) -> T) -> Keyed<T> {
    let mut out = Keyed::default();
    for (key, value) in c.list(|c| (c.text(), read_value(c))) {
        out.insert(key, value);
    }
    out
}

fn words(c: &mut Cursor) -> Option<String> {
    c.option(Cursor::text)
}

fn ids(c: &mut Cursor) -> Vec<String> {
    c.list(Cursor::text)
}

fn year(c: &mut Cursor) -> u16 {
    c.whole_as()
}

fn unit(c: &mut Cursor) -> Unit {
    c.variant(&UNITS).unwrap_or(Unit::Personnel)
}

fn source(c: &mut Cursor) -> Source {
    Source {
        name: c.text(),
        title: c.text(),
        quoted_by: words(c),
        url: words(c),
    }
}

fn measure(c: &mut Cursor) -> MeasureSpec {
    MeasureSpec {
        name: c.text(),
        definition: c.text(),
        #[cfg(not(target_arch = "wasm32"))]
        growth_of: None,
        #[cfg(not(target_arch = "wasm32"))]
        share_of: None,
    }
}

fn place(c: &mut Cursor) -> Place {
    Place {
        id: c.text(),
        label: c.text(),
        lat: c.float(),
        lon: c.float(),
        source: c.text(),
        year: c.option(year),
        note: words(c),
    }
}

fn figure(c: &mut Cursor) -> Figure {
    Figure {
        id: c.text(),
        label: c.text(),
        value: c.option(Cursor::float),
        unit: unit(c),
        kind: c.variant(&KINDS).unwrap_or(Kind::AsReported),
        measure: c.text(),
        bound: c.variant(&BOUNDS).unwrap_or_default(),
        source: c.text(),
        year: year(c),
        until: c.option(year),
        note: words(c),
        date: words(c),
        country: words(c),
    }
}

fn chart(c: &mut Cursor) -> ChartSpec {
    ChartSpec {
        slug: c.text(),
        kind: c.variant(&CHART_KINDS).unwrap_or(ChartKind::BarPanels),
        #[cfg(not(target_arch = "wasm32"))]
        title: String::new(),
        #[cfg(not(target_arch = "wasm32"))]
        height: 0,
        #[cfg(not(target_arch = "wasm32"))]
        alt: String::new(),
        #[cfg(not(target_arch = "wasm32"))]
        after: None,
        #[cfg(not(target_arch = "wasm32"))]
        note: None,
        #[cfg(not(target_arch = "wasm32"))]
        takeaway: None,
        panels: c.list(|c| PanelSpec {
            title: c.text(),
            unit: unit(c),
            figures: ids(c),
            order: c.variant(&ORDERS).unwrap_or_default(),
            ranges: c.list(ids),
        }),
        troop_share: c.option(|c| TroopShareSpec {
            force: c.text(),
            claim: c.text(),
            totals: ids(c),
            armies: ids(c),
            armies_title: c.text(),
        }),
        force_scenario: c.option(|c| ForceScenarioSpec {
            force: c.text(),
            first_phase: c.text(),
            pool: c.text(),
            contributors: c.list(|c| ContributorSpec {
                personnel: c.text(),
                budget: c.text(),
            }),
        }),
        budgets: c.option(|c| BudgetsSpec {
            sums: budget_panel(c),
            national: budget_panel(c),
            national_gdp: budget_panel(c),
            exchange_rate: c.text(),
        }),
        unit_chart: c.option(|c| UnitChartSpec { share: c.text() }),
        flight_times: c.option(|c| FlightTimesSpec {
            staging: c.text(),
            routes: c.list(ids),
            range: c.text(),
            speed: c.text(),
            claim_minutes: c.text(),
        }),
        force_map: c.option(|c| ForceMapSpec {
            map: map(c),
            members: c.list(|c| MemberSpec {
                country: c.text(),
                personnel: words(c),
                budget: words(c),
            }),
        }),
        reach_map: c.option(|c| ReachMapSpec {
            map: map(c),
            flights: c.text(),
            launch: ids(c),
            places: ids(c),
        }),
        annotations: c.list(|c| AnnotationSpec {
            panel: c.whole_as(),
            text: c.text(),
            value: words(c),
            implied_before: ids(c),
            range: ids(c),
            bar: words(c),
        }),
        #[cfg(not(target_arch = "wasm32"))]
        guess: None,
    }
}

fn budget_panel(c: &mut Cursor) -> BudgetPanelSpec {
    BudgetPanelSpec {
        title: c.text(),
        unit: unit(c),
        figures: ids(c),
    }
}

fn map(c: &mut Cursor) -> MapSpec {
    MapSpec {
        window: [c.float(), c.float(), c.float(), c.float()],
        outlined: ids(c),
        apart: ids(c),
        apart_words: c.text(),
    }
}

// Natively only: postcard writes the digest in the build, not in the browser.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The digest writes each variant as its place in the enum's declaration (postcard, one
    /// byte for each of these); the lists above must hold the same order, or a figure's unit
    /// would read as another.
    #[test]
    fn each_variant_reads_as_the_digest_writes_it() {
        fn check<T: serde::Serialize + Copy + PartialEq + std::fmt::Debug>(all: &[T]) {
            for (place, v) in all.iter().enumerate() {
                let bytes = postcard::to_allocvec(v).unwrap_or_default();
                assert_eq!(bytes, [u8::try_from(place).unwrap_or(u8::MAX)], "{v:?}");
                assert_eq!(Cursor::new(&bytes).variant(all), Some(*v));
            }
        }
        check(&UNITS);
        check(&KINDS);
        check(&BOUNDS);
        check(&ORDERS);
        check(&CHART_KINDS);
    }

    /// Each enum's every variant is in its list (the guess, never in a file, aside): a variant
    /// added to an enum stops this match from compiling until it is placed in the list too.
    #[test]
    fn every_variant_is_listed() {
        let units = UNITS.map(|u| match u {
            Unit::Personnel
            | Unit::EurBn
            | Unit::UsdBn
            | Unit::Percent
            | Unit::UsdPerEur
            | Unit::Countries
            | Unit::PlnBn
            | Unit::Count
            | Unit::Months
            | Unit::Km
            | Unit::KmPerH
            | Unit::Minutes => u,
        });
        let kinds = KINDS.map(|k| match k {
            Kind::AsReported | Kind::Reference | Kind::Derived | Kind::Scenario => Some(k),
            Kind::Guess => None,
        });
        let bounds = BOUNDS.map(|b| match b {
            Bound::Exact | Bound::AtLeast | Bound::AtMost => b,
        });
        let orders = ORDERS.map(|o| match o {
            Order::AsListed | Order::LargestFirst => o,
        });
        let chart_kinds = CHART_KINDS.map(|k| match k {
            ChartKind::BarPanels
            | ChartKind::TroopShare
            | ChartKind::ForceScenario
            | ChartKind::Budgets
            | ChartKind::UnitChart
            | ChartKind::FlightTimes
            | ChartKind::ForceMap
            | ChartKind::ReachMap => k,
        });
        // Each listed once: as many different variants as the enum's match names.
        fn distinct<T: PartialEq>(list: &[T]) -> usize {
            list.iter()
                .enumerate()
                .filter(|(i, v)| !list.iter().take(*i).any(|w| w == *v))
                .count()
        }
        assert_eq!(distinct(&units), 12);
        assert_eq!(distinct(&kinds), 4);
        assert!(kinds.iter().all(Option::is_some));
        assert_eq!(distinct(&bounds), 3);
        assert_eq!(distinct(&orders), 2);
        assert_eq!(distinct(&chart_kinds), 8);
    }
}

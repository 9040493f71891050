//! The rules a file's charts pass: slugs unique and safe in a page and a file name, each chart
//! with the part its kind needs, heights a page can reserve, ranges and markers well formed,
//! budget panels in money or percent, contributors' budgets in one currency, routes between
//! places; and every figure id a chart names, with the unit it needs.

use super::cross_check::{check_route, first_of, References};
use super::{ChartKind, ChartSpec, DataError, FiguresFile, Unit};

/// Checks every chart of `file`.
pub(super) fn check(file: &FiguresFile) -> Result<(), DataError> {
    for (i, chart) in file.charts.iter().enumerate() {
        let at = format!("charts[{i}]");
        // What only the page's build writes (file names, the page's markup) is checked natively.
        #[cfg(not(target_arch = "wasm32"))]
        let safe = !chart.slug.is_empty()
            && chart
                .slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        #[cfg(target_arch = "wasm32")]
        let safe = true;
        if !safe {
            return Err(DataError::new(
                format!("{at}.slug"),
                "a slug is made of a–z, 0–9 and “-”",
            ));
        }
        if let Some(first) = first_of(file.charts.iter().map(|c| c.slug.as_str()), i) {
            return Err(DataError::new(
                format!("{at}.slug"),
                format!(
                    "duplicate slug “{}”, first used at charts[{first}]",
                    chart.slug
                ),
            ));
        }
        #[cfg(not(target_arch = "wasm32"))]
        if !(100..=2000).contains(&chart.height) {
            return Err(DataError::new(
                format!("{at}.height"),
                "a height is 100 to 2000 CSS pixels",
            ));
        }
        #[cfg(not(target_arch = "wasm32"))]
        if chart.takeaway.is_some() && chart.kind.follows_scenario() {
            return Err(DataError::new(
                format!("{at}.takeaway"),
                "this kind's sentence follows the reader's scenario and is written by the program",
            ));
        }
        check_kind(file, chart, &at)?;
    }
    Ok(())
}

/// The part a chart's kind needs is there, and well formed; no other kind's part is.
fn check_kind(file: &FiguresFile, chart: &ChartSpec, at: &str) -> Result<(), DataError> {
    #[cfg(not(target_arch = "wasm32"))]
    let parts = [
        ("panels", ChartKind::BarPanels, !chart.panels.is_empty()),
        (
            "troop_share",
            ChartKind::TroopShare,
            chart.troop_share.is_some(),
        ),
        (
            "force_scenario",
            ChartKind::ForceScenario,
            chart.force_scenario.is_some(),
        ),
        ("budgets", ChartKind::Budgets, chart.budgets.is_some()),
        (
            "unit_chart",
            ChartKind::UnitChart,
            chart.unit_chart.is_some(),
        ),
        (
            "flight_times",
            ChartKind::FlightTimes,
            chart.flight_times.is_some(),
        ),
        ("force_map", ChartKind::ForceMap, chart.force_map.is_some()),
        ("reach_map", ChartKind::ReachMap, chart.reach_map.is_some()),
    ];
    #[cfg(not(target_arch = "wasm32"))]
    for (field, kind, present) in parts {
        if present && kind != chart.kind {
            return Err(DataError::new(
                format!("{at}.{field}"),
                format!("“{field}” belongs to another kind of chart"),
            ));
        }
    }
    let missing = |field: &str| {
        DataError::new(
            format!("{at}.{field}"),
            format!("a chart of this kind needs “{field}”"),
        )
    };
    #[cfg(not(target_arch = "wasm32"))]
    check_annotations(chart, at)?;
    match chart.kind {
        ChartKind::BarPanels if chart.panels.is_empty() => return Err(missing("panels")),
        ChartKind::BarPanels => {
            for (j, panel) in chart.panels.iter().enumerate() {
                let here = format!("{at}.panels[{j}]");
                for (k, pair) in panel.ranges.iter().enumerate() {
                    if pair.len() != 2 {
                        return Err(DataError::new(
                            format!("{here}.ranges[{k}]"),
                            "a range is a pair of figure ids: [\"from\", \"to\"]",
                        ));
                    }
                }
            }
        }
        ChartKind::TroopShare if chart.troop_share.is_none() => return Err(missing("troop_share")),
        ChartKind::ForceScenario => {
            let spec = chart
                .force_scenario
                .as_ref()
                .ok_or_else(|| missing("force_scenario"))?;
            // The contributors' budgets may be in either currency, but all in the same one.
            let unit_of = |id: &str| file.figures.iter().find(|f| f.id == id).map(|f| f.unit);
            let first = spec.contributors.first().and_then(|c| unit_of(&c.budget));
            for (i, c) in spec.contributors.iter().enumerate() {
                let unit = unit_of(&c.budget);
                if !matches!(unit, Some(Unit::EurBn | Unit::UsdBn)) || unit != first {
                    return Err(DataError::new(
                        format!("{at}.force_scenario.contributors[{i}].budget"),
                        "budgets are all in eur_bn or all in usd_bn",
                    ));
                }
            }
        }
        ChartKind::Budgets => {
            let spec = chart.budgets.as_ref().ok_or_else(|| missing("budgets"))?;
            for (name, panel) in spec.panels() {
                let money = matches!(panel.unit, Unit::EurBn | Unit::UsdBn);
                if money == (name == "national_gdp") {
                    return Err(DataError::new(
                        format!("{at}.budgets.{name}.unit"),
                        if money {
                            "this panel is in percent"
                        } else {
                            "this panel is in eur_bn or usd_bn"
                        },
                    ));
                }
            }
        }
        ChartKind::UnitChart if chart.unit_chart.is_none() => return Err(missing("unit_chart")),
        ChartKind::FlightTimes => {
            let spec = chart
                .flight_times
                .as_ref()
                .ok_or_else(|| missing("flight_times"))?;
            for (i, pair) in spec.routes.iter().enumerate() {
                check_route(file, pair, &format!("{at}.flight_times.routes[{i}]"))?;
            }
        }
        ChartKind::ForceMap => {
            let spec = chart
                .force_map
                .as_ref()
                .ok_or_else(|| missing("force_map"))?;
            #[cfg(not(target_arch = "wasm32"))]
            check_map(file, &spec.map, &format!("{at}.force_map.map"))?;
            for (i, member) in spec.members.iter().enumerate() {
                let here = format!("{at}.force_map.members[{i}]");
                if !file.countries.contains_key(&member.country) {
                    return Err(DataError::new(
                        format!("{here}.country"),
                        format!("no country “{}” in “countries”", member.country),
                    ));
                }
                // A member's figures are its own: the figure says which country it counts.
                for (field, id) in [("personnel", &member.personnel), ("budget", &member.budget)] {
                    let Some(id) = id else { continue };
                    let country = file
                        .figures
                        .iter()
                        .find(|f| &f.id == id)
                        .and_then(|f| f.country.as_ref());
                    if country != Some(&member.country) {
                        return Err(DataError::new(
                            format!("{here}.{field}"),
                            format!("“{id}” is not a figure of {}", member.country),
                        ));
                    }
                }
            }
        }
        ChartKind::ReachMap => {
            let spec = chart
                .reach_map
                .as_ref()
                .ok_or_else(|| missing("reach_map"))?;
            #[cfg(not(target_arch = "wasm32"))]
            check_map(file, &spec.map, &format!("{at}.reach_map.map"))?;
            let flights = file.charts.iter().find(|c| c.slug == spec.flights);
            if flights.is_none_or(|c| c.flight_times.is_none()) {
                return Err(DataError::new(
                    format!("{at}.reach_map.flights"),
                    format!("no flight time chart “{}”", spec.flights),
                ));
            }
            for (i, id) in spec.launch.iter().chain(&spec.places).enumerate() {
                if !file.places.iter().any(|p| &p.id == id) {
                    return Err(DataError::new(
                        format!("{at}.reach_map.places[{i}]"),
                        format!("no place “{id}”"),
                    ));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// A map's window is a box of longitudes and latitudes, and the countries it names exist.
#[cfg(not(target_arch = "wasm32"))]
fn check_map(file: &FiguresFile, map: &crate::figures::MapSpec, at: &str) -> Result<(), DataError> {
    let [west, south, east, north] = map.window;
    let lat = -90.0..=90.0;
    let lon = -180.0..=180.0;
    if !(west < east
        && south < north
        && lat.contains(&south)
        && lat.contains(&north)
        && lon.contains(&west)
        && lon.contains(&east))
    {
        return Err(DataError::new(
            format!("{at}.window"),
            "a window is [west, south, east, north] in degrees, west of east and south of north",
        ));
    }
    for (field, codes) in [("outlined", &map.outlined), ("apart", &map.apart)] {
        for code in codes {
            if !file.countries.contains_key(code) {
                return Err(DataError::new(
                    format!("{at}.{field}"),
                    format!("no country “{code}” in “countries”"),
                ));
            }
        }
    }
    Ok(())
}

/// Every figure id the charts name, with its path and the unit it must have.
pub(super) fn name_ids<'a>(file: &'a FiguresFile, r: &mut References<'a>) {
    for (i, chart) in file.charts.iter().enumerate() {
        let at = format!("charts[{i}]");
        for (j, panel) in chart.panels.iter().enumerate() {
            let here = format!("{at}.panels[{j}]");
            r.each(&format!("{here}.figures"), &panel.figures, panel.unit);
            for (k, pair) in panel.ranges.iter().enumerate() {
                r.each(&format!("{here}.ranges[{k}]"), pair, panel.unit);
            }
        }
        for (k, note) in chart.annotations.iter().enumerate() {
            let here = format!("{at}.annotations[{k}]");
            // Units are checked against the panel's when the chart is built: only the chart's
            // model knows the units of the panels its kind makes.
            for id in note.figure_ids() {
                r.one(here.clone(), id, None);
            }
        }
        if let Some(t) = &chart.troop_share {
            let here = format!("{at}.troop_share");
            r.one(format!("{here}.force"), &t.force, Unit::Personnel);
            r.one(format!("{here}.claim"), &t.claim, Unit::Percent);
            r.each(&format!("{here}.totals"), &t.totals, Unit::Personnel);
            r.each(&format!("{here}.armies"), &t.armies, Unit::Personnel);
        }
        if let Some(b) = &chart.budgets {
            for (name, panel) in b.panels() {
                r.each(
                    &format!("{at}.budgets.{name}.figures"),
                    &panel.figures,
                    panel.unit,
                );
            }
            r.one(
                format!("{at}.budgets.exchange_rate"),
                &b.exchange_rate,
                Unit::UsdPerEur,
            );
        }
        if let Some(s) = &chart.force_scenario {
            let here = format!("{at}.force_scenario");
            r.one(format!("{here}.force"), &s.force, Unit::Personnel);
            r.one(
                format!("{here}.first_phase"),
                &s.first_phase,
                Unit::Personnel,
            );
            r.one(format!("{here}.pool"), &s.pool, Unit::Personnel);
            for (k, c) in s.contributors.iter().enumerate() {
                let there = format!("{here}.contributors[{k}]");
                r.one(format!("{there}.personnel"), &c.personnel, Unit::Personnel);
                r.one(format!("{there}.budget"), &c.budget, None);
            }
        }
        if let Some(u) = &chart.unit_chart {
            r.one(format!("{at}.unit_chart.share"), &u.share, Unit::Percent);
        }
        if let Some(m) = &chart.force_map {
            for (k, member) in m.members.iter().enumerate() {
                let there = format!("{at}.force_map.members[{k}]");
                if let Some(id) = &member.personnel {
                    r.one(format!("{there}.personnel"), id, Unit::Personnel);
                }
                if let Some(id) = &member.budget {
                    r.one(format!("{there}.budget"), id, None);
                }
            }
        }
        if let Some(g) = &chart.flight_times {
            let here = format!("{at}.flight_times");
            r.one(format!("{here}.staging"), &g.staging, Unit::Km);
            r.one(format!("{here}.range"), &g.range, Unit::Km);
            r.one(format!("{here}.speed"), &g.speed, Unit::KmPerH);
            r.one(
                format!("{here}.claim_minutes"),
                &g.claim_minutes,
                Unit::Minutes,
            );
        }
    }
}

/// Each annotation anchored once, with words, pairs as pairs, and `{value}` only where there
/// is a line or a band; not on a unit chart or the budgets chart.
#[cfg(not(target_arch = "wasm32"))]
fn check_annotations(chart: &ChartSpec, at: &str) -> Result<(), DataError> {
    for (k, note) in chart.annotations.iter().enumerate() {
        let here = format!("{at}.annotations[{k}]");
        let wrong = |why: &str| Err(DataError::new(here.clone(), why.to_string()));
        if chart.kind == ChartKind::UnitChart {
            return wrong("a unit chart carries no annotations");
        }
        if chart.kind == ChartKind::Budgets {
            return wrong(
                "the budgets chart's panels change unit and bars with the reader's choices: it carries no annotations",
            );
        }
        if note.anchors() != 1 {
            return wrong(
                "an annotation is tied to one of “value”, “implied_before”, “range” or “bar”",
            );
        }
        if !(note.implied_before.is_empty() || note.implied_before.len() == 2)
            || !(note.range.is_empty() || note.range.len() == 2)
        {
            return wrong("“implied_before” and “range” are pairs of figure ids");
        }
        if note.text.trim().is_empty() {
            return wrong("an annotation needs words");
        }
        if note.bar.is_some() && note.text.contains("{value}") {
            return wrong("words under a bar do not name “{value}”: the bar says its value");
        }
    }
    Ok(())
}

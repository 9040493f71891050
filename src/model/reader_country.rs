//! The reader's own country in a chart: one sentence computed from the chart's rows that count
//! it ("Ruritania: 6,000 of the 30,000 deployed…"), or a plain "no figure" where the chart counts
//! other countries but not it. A chart that counts no country says nothing.

use crate::figures::Figures;
use crate::model::force_map::ForceMap;
use crate::model::force_scenario::ForceScenario;
use crate::model::panel::Bar;
use crate::model::scenario::Country;
use crate::model::troop_share::{share_pct, TroopShare};
use crate::model::wording::{percent, thousands};

/// The sentence for `name` (code `code`) from any chart's rows: each row that counts it, with
/// its value and source; `None` if no row counts any country.
#[must_use]
pub fn from_rows(rows: &[&Bar], code: &str, name: &str) -> Option<String> {
    let mut counts_countries = false;
    let mut parts: Vec<String> = Vec::new();
    for &bar in rows {
        counts_countries |= bar.country.is_some();
        if !bar.counts(Some(code)) {
            continue;
        }
        // "Ruritania, defence spending" says "Ruritania" once already.
        let what = bar
            .label
            .strip_prefix(name)
            .filter(|rest| rest.is_empty() || rest.starts_with([',', ':']))
            .map(|rest| rest.trim_start_matches([',', ':', ' ']))
            .unwrap_or(&bar.label);
        // A row named by the country alone ("Ruritania") says what it counts by its measure.
        let what = if what.is_empty() {
            bar.measure.name.as_str()
        } else {
            what
        };
        let mut cite = bar.source.clone();
        if !bar.years.is_empty() {
            cite.push_str(", ");
            cite.push_str(&bar.years);
        }
        parts.push(format!("{what}, {} ({cite})", bar.value_text()));
    }
    if parts.is_empty() {
        return counts_countries.then(|| no_figure(name));
    }
    Some(format!("{name} in this chart: {}.", parts.join("; ")))
}

/// "No figure for Ruritania in this chart."
#[must_use]
pub fn no_figure(name: &str) -> String {
    format!("No figure for {name} in this chart.")
}

impl ForceScenario {
    /// What the reader's force asks of the country `code`: its troops deployed and tied up, and
    /// their share of its army.
    #[must_use]
    pub fn country_line(&self, code: &str, name: &str) -> Option<String> {
        let Some(i) = self
            .army_panel
            .bars
            .iter()
            .position(|b| b.counts(Some(code)))
        else {
            return from_rows(&self.army_panel.bars.iter().collect::<Vec<_>>(), code, name);
        };
        let c = self.contributions.get(i)?;
        let mut words = format!(
            "{name}: {} of the {} deployed; {} tied up with rotations",
            thousands(f64::from(c.deployed)),
            thousands(f64::from(self.scenario.force())),
            thousands(f64::from(c.tied_up)),
        );
        if let Some(share) = c.share_of_army {
            words.push_str(&format!(", {} of its active personnel", percent(share)));
        }
        words.push('.');
        Some(words)
    }
}

impl ForceMap {
    /// The troops the country `code` would send, or why it has no share.
    #[must_use]
    pub fn country_line(&self, code: &str, name: &str) -> Option<String> {
        let Some(bar) = self.panel.bars.iter().find(|b| b.counts(Some(code))) else {
            return from_rows(&self.panel.bars.iter().collect::<Vec<_>>(), code, name);
        };
        Some(match bar.value {
            Some(_) => format!(
                "{name}: {} of the {} troops, {}.",
                bar.value_text(),
                thousands(f64::from(self.scenario.force())),
                self.scenario.sharing.words()
            ),
            None => format!("{name}: {}.", bar.note.as_deref().unwrap_or("no figure")),
        })
    }
}

impl TroopShare {
    /// The country `code`'s army beside the force: its size, and the force's share of it.
    #[must_use]
    pub fn country_line(&self, code: &str, name: &str) -> Option<String> {
        let rows: Vec<&Bar> = self.army_panel.bars.iter().collect();
        let line = from_rows(&rows, code, name)?;
        let army = self.army_panel.bars.iter().find(|b| b.counts(Some(code)));
        let share = army
            .and_then(|a| share_pct(self.force.value?, a.value?))
            .map(|pct| {
                format!(
                    " A force of {} would be {} of it.",
                    self.force.value_text(),
                    percent(pct)
                )
            });
        Some(line + share.as_deref().unwrap_or_default())
    }
}

/// The country a browser's language names by its region (`xx-YY`: the country of region YY), if the figures have
/// it; a language without a region (`pl`) names none. Nothing else about the reader is used.
#[must_use]
pub fn of_language(tag: &str, figures: &Figures) -> Option<Country> {
    // The region is the first subtag after the language of two letters ("zh-Hant-TW": TW).
    let region = tag
        .split('-')
        .skip(1)
        .find(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()))?;
    figures
        .countries()
        .find(|(_, c)| c.region.eq_ignore_ascii_case(region))
        .and_then(|(code, _)| Country::parse(code))
}

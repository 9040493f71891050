//! The article's sums beside real budgets and instruments, as the reader chooses to see them:
//! amounts in the published currency, in euros or in dollars (converted at a sourced rate that
//! the chart states), or national spending as a share of GDP; ranked by size or by name.

use crate::figures::{BudgetsSpec, DataError, Figures, Kind, Unit};
use crate::model::panel::{bars_of, rank, sort_few, Bar, Panel};
use crate::model::scenario::{Currency, Measure, Order, Scenario};
use crate::model::wording;

/// The exchange rate a conversion used, with what a reader needs to check it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    /// US dollars per euro.
    pub usd_per_eur: f64,
    /// Who publishes it.
    pub source: String,
    /// The year it refers to.
    pub years: String,
}

/// Everything the budget chart needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Budgets {
    /// The panels, in drawing order.
    pub panels: Vec<Panel>,
    /// The rate used, if any amount was converted.
    pub rate_used: Option<Rate>,
    /// Why a requested conversion could not be made, if it could not.
    pub notice: Option<String>,
}

impl Budgets {
    /// Builds the chart's model for a reader's view of it.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing.
    pub fn from_figures(
        figures: &Figures,
        spec: &BudgetsSpec,
        view: &Scenario,
    ) -> Result<Self, DataError> {
        let rate_bar = Bar::of(figures.get(&spec.exchange_rate)?, figures);
        let rate = rate_bar
            .value
            .filter(|r| r.is_finite() && *r > 0.0)
            .map(|usd_per_eur| Rate {
                usd_per_eur,
                source: rate_bar.source.clone(),
                years: rate_bar.years.clone(),
            });
        let target = match view.currency {
            Currency::AsPublished => None,
            Currency::Eur => Some(Unit::EurBn),
            Currency::Usd => Some(Unit::UsdBn),
        };
        let notice = (target.is_some() && rate.is_none())
            .then(|| "No exchange rate is available: amounts are shown as published.".to_string());

        let national = match view.measure {
            Measure::Amount => &spec.national,
            Measure::GdpShare => &spec.national_gdp,
        };
        let mut rate_used = None;
        let mut panels = Vec::new();
        for panel_spec in [&spec.sums, national] {
            let mut bars = bars_of(&panel_spec.figures, figures)?;
            match view.order {
                Order::Size => rank(&mut bars),
                Order::Name => sort_few(&mut bars, |a, b| a.label < b.label),
            }
            let mut unit = panel_spec.unit;
            let mut converted_at = None;
            if let (Some(target), Some(rate)) = (target, &rate) {
                if let Some(factor) = factor(unit, target, rate) {
                    convert(&mut bars, target, factor);
                    unit = target;
                    converted_at = Some(rate);
                    rate_used = Some(rate.clone());
                }
            }
            let title = titled(&panel_spec.title, unit, converted_at);
            panels.push(Panel::new(title, unit, bars));
        }
        Ok(Self {
            panels,
            rate_used,
            notice,
        })
    }

    /// The chart's takeaway: the article's largest sum against the largest reference sum in the
    /// same unit, and, in the share-of-GDP view, who spends the largest share.
    #[must_use]
    pub fn takeaway(&self) -> String {
        let mut words = self
            .panels
            .iter()
            .find_map(compare_sums)
            .unwrap_or_else(|| "The article's sums beside real budgets.".to_string());
        if let Some(gdp) = self.panels.iter().find(|p| p.unit == Unit::Percent) {
            let mut known: Vec<&Bar> = gdp.bars.iter().filter(|b| b.value.is_some()).collect();
            rank_refs(&mut known);
            // The runner-up is ranked by the same measure as the first: two publishers'
            // definitions of the same spending differ.
            if let Some(first) = known.first() {
                let second = known
                    .iter()
                    .skip(1)
                    .find(|b| b.measure.key == first.measure.key);
                words.push_str(&format!(
                    " As a share of GDP, {} spends the most: {} in {} ({}).",
                    nation(&first.label),
                    first.value_text(),
                    first.years,
                    first.source,
                ));
                if let Some(second) = second {
                    words.push_str(&format!(
                        " Next on the same measure: {}, {}.",
                        nation(&second.label),
                        second.value_text()
                    ));
                }
            }
        }
        words
    }
}

fn titled(title: &str, unit: Unit, rate: Option<&Rate>) -> String {
    let unit_words = match unit {
        Unit::Percent => return title.to_string(),
        other => wording::unit_name(other),
    };
    match rate {
        None => format!("{title}, {unit_words}"),
        Some(r) => format!(
            "{title}, {unit_words}, converted at {} ({}, {})",
            wording::amount(r.usd_per_eur, Unit::UsdPerEur),
            r.source,
            r.years
        ),
    }
}

/// The factor from `from` to `to` at `rate`, if both are money and they differ.
fn factor(from: Unit, to: Unit, rate: &Rate) -> Option<f64> {
    match (from, to) {
        (Unit::UsdBn, Unit::EurBn) => Some(1.0 / rate.usd_per_eur),
        (Unit::EurBn, Unit::UsdBn) => Some(rate.usd_per_eur),
        _ => None,
    }
}

/// Converts bars to `unit` by `factor`, remembering each value as published.
fn convert(bars: &mut [Bar], unit: Unit, factor: f64) {
    for bar in bars {
        bar.converted_from = Some(bar.value_text());
        bar.value = bar.value.map(|v| v * factor);
        bar.unit = unit;
    }
}

/// The article's largest sum beside the span of the public figures in the same panel: a range,
/// not a ratio, since the article's sums and the real instruments count different things.
fn compare_sums(panel: &Panel) -> Option<String> {
    let known = |kind: Kind| {
        let mut bars: Vec<&Bar> = panel
            .bars
            .iter()
            .filter(|b| b.kind == kind && b.value.is_some())
            .collect();
        rank_refs(&mut bars);
        bars
    };
    let reported = known(Kind::AsReported);
    let references = known(Kind::Reference);
    let (largest, low, high) = (reported.first()?, references.last()?, references.first()?);
    // Short sentences: the sums first, what they are in the table.
    Some(format!(
        "The article's largest sum is {}. The public figures beside it run from {} to {}.",
        largest.value_text(),
        low.value_text(),
        high.value_text(),
    ))
}

/// Largest first, by value.
fn rank_refs(bars: &mut [&Bar]) {
    sort_few(bars, |a, b| a.value.unwrap_or(0.0) > b.value.unwrap_or(0.0));
}

/// "Ruritania, defence spending" → "Ruritania".
fn nation(label: &str) -> &str {
    label.split_once(',').map_or(label, |(head, _)| head)
}

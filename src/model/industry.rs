//! Industry: the article's Czech shell orders against the Czech initiative's own growth, the
//! Spanish patrol vessels, and the sector's expansion beside a real EU instrument.

use crate::figures::{DataError, Figures, Kind, Unit};
use crate::model::panel::{bars_of, Bar, Panel};
use crate::model::wording;

/// The growth from `from` to `to`, in percent.
#[must_use]
pub fn growth_pct(from: f64, to: f64) -> Option<f64> {
    (from.is_finite() && to.is_finite() && from > 0.0).then(|| (to / from - 1.0) * 100.0)
}

/// Everything the industry chart needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Industry {
    /// Shells, vessels, the sector.
    pub panels: Vec<Panel>,
    /// The initiative's possible growth, in percent.
    pub initiative_growth: Option<f64>,
}

impl Industry {
    /// Builds the chart's model.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing.
    pub fn from_figures(figures: &Figures) -> Result<Self, DataError> {
        let spec = &figures.charts().industry;
        let orders = Bar::of(figures.get(&spec.shell_orders)?, figures);
        let funded = Bar::of(figures.get(&spec.shells_funded)?, figures);
        let possible = Bar::of(figures.get(&spec.shells_possible)?, figures);
        let initiative_growth = funded
            .value
            .zip(possible.value)
            .and_then(|(a, b)| growth_pct(a, b));
        let derived = Bar {
            id: "derived.czech-initiative-growth".into(),
            label: "Czech initiative: from shells funded to shells possible".into(),
            value: initiative_growth,
            unit: Unit::Percent,
            kind: Kind::Derived,
            years: funded.years.clone(),
            source: format!("{} ÷ {} − 1", possible.value_text(), funded.value_text()),
            note: None,
            converted_from: None,
            from: None,
        };
        let vessels = bars_of(std::slice::from_ref(&spec.vessels), figures)?;
        let sector = bars_of(&spec.sector, figures)?;
        Ok(Self {
            panels: vec![
                Panel::new(
                    "Czech artillery shells, increase".into(),
                    Unit::Percent,
                    vec![orders, derived],
                    None,
                ),
                Panel::new(
                    "Spanish coastal patrol vessels".into(),
                    Unit::Count,
                    vessels,
                    None,
                ),
                Panel::new(
                    "Europe's defence sector and a real EU instrument, € billion".into(),
                    Unit::EurBn,
                    sector,
                    None,
                ),
            ],
            initiative_growth,
        })
    }

    /// The chart's takeaway, computed.
    #[must_use]
    pub fn takeaway(&self) -> String {
        let orders = self.panels.first().and_then(|p| p.bars.first());
        match (orders, self.initiative_growth) {
            (Some(orders), Some(growth)) => format!(
                "The article's {} rise in Czech shell orders has no public source; the Czech initiative itself could grow by {}, from shells funded to shells possible.",
                orders.value_text(),
                wording::percent(growth)
            ),
            _ => "The article's industry figures beside the few public ones.".into(),
        }
    }
}

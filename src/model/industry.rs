//! Industry: the article's Czech shell orders beside the counts a public initiative reports,
//! the Spanish patrol vessels, and the sector's expansion beside a real EU instrument.
use crate::figures::{DataError, Figures, Unit};
use crate::model::panel::{bars_of, Bar, Panel};

/// The growth from `from` to `to`, in percent.
#[must_use]
pub fn growth_pct(from: f64, to: f64) -> Option<f64> {
    (from.is_finite() && to.is_finite() && from > 0.0).then(|| (to / from - 1.0) * 100.0)
}

/// Everything the industry chart needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Industry {
    /// Shell orders, the initiative's counts, vessels, the sector.
    pub panels: Vec<Panel>,
}

impl Industry {
    /// Builds the chart's model.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing.
    pub fn from_figures(figures: &Figures) -> Result<Self, DataError> {
        let spec = &figures.charts().industry;
        let orders = Bar::of(figures.get(&spec.shell_orders)?, figures);
        let initiative = bars_of(&spec.initiative, figures)?;
        let vessels = bars_of(std::slice::from_ref(&spec.vessels), figures)?;
        let sector = bars_of(&spec.sector, figures)?;
        Ok(Self {
            panels: vec![
                Panel::new(
                    "Czech artillery shell orders, increase".into(),
                    Unit::Percent,
                    vec![orders],
                    None,
                ),
                Panel::new(
                    "The Czech-led ammunition initiative, rounds".into(),
                    Unit::Count,
                    initiative,
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
        })
    }

    /// The chart's takeaway, computed.
    #[must_use]
    pub fn takeaway(&self) -> String {
        let orders = self.panels.first().and_then(|p| p.bars.first());
        let initiative = self.panels.get(1).and_then(|p| p.bars.first());
        match (orders, initiative) {
            (Some(orders), Some(first)) => format!(
                "No public source gives the article's {} rise in Czech shell orders; the nearest public count is {} ({}): {}.",
                orders.value_text(),
                first.value_text(),
                first.source,
                {
                    // Mid-sentence, the label's first (ASCII) letter in lower case.
                    let mut label = first.label.clone();
                    if let Some(head) = label.get_mut(..1) {
                        head.make_ascii_lowercase();
                    }
                    label
                }
            ),
            _ => "The article's industry figures beside the few public ones.".into(),
        }
    }
}

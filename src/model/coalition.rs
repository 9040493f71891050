//! The coalition's growth: countries at each dated meeting, the article's 31 delegations, and
//! the February count its "40% increase" implies.

use crate::figures::{DataError, Figures, Kind};
use crate::model::panel::{Bar, Marker, Panel};
use crate::model::wording;

/// The count a growth of `growth_pct` percent up to `now` implies before it.
#[must_use]
pub fn implied_before(now: f64, growth_pct: f64) -> Option<f64> {
    let factor = 1.0 + growth_pct / 100.0;
    (factor > 0.0 && now.is_finite() && factor.is_finite()).then(|| now / factor)
}

/// Everything the coalition chart needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Coalition {
    /// Meetings in date order, the article's count first.
    pub panel: Panel,
    /// The February count the article's growth implies.
    pub implied_february: Option<f64>,
    /// The article's count.
    pub count: Bar,
    /// The article's growth.
    pub growth: Bar,
}

impl Coalition {
    /// Builds the chart's model.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing.
    pub fn from_figures(figures: &Figures) -> Result<Self, DataError> {
        let spec = &figures.charts().coalition;
        let count = Bar::of(figures.get(&spec.count)?, figures);
        let growth = Bar::of(figures.get(&spec.growth)?, figures);
        let mut bars = vec![Bar {
            label: format!("The article: {}", count.label),
            ..count.clone()
        }];
        for id in &spec.meetings {
            let figure = figures.get(id)?;
            let mut bar = Bar::of(figure, figures);
            if let Some(day) = &figure.date {
                bar.label = format!("{} · {}", wording::date(day), bar.label);
            }
            bars.push(bar);
        }
        let implied_february = count
            .value
            .zip(growth.value)
            .and_then(|(c, g)| implied_before(c, g));
        let marker = implied_february.map(|value| Marker {
            value,
            label: format!(
                "Implied by “{} increase”: {}",
                growth.value_text(),
                wording::decimal(value, 1)
            ),
            kind: Kind::Derived,
        });
        let panel = Panel::new(
            format!("Each meeting, by {}", count.measure.name),
            count.unit,
            bars,
            marker,
        );
        Ok(Self {
            panel,
            implied_february,
            count,
            growth,
        })
    }

    /// The chart's takeaway, computed.
    #[must_use]
    pub fn takeaway(&self) -> String {
        // The first meeting after the article's own bar is the initial one.
        let first = self.panel.bars.get(1);
        match (self.implied_february, first) {
            (Some(implied), Some(first)) => format!(
                "{} with a {} increase implies {} at the first meeting; it counted {}.",
                self.count.value_text(),
                self.growth.value_text(),
                wording::decimal(implied, 1),
                first.value_text()
            ),
            _ => "The coalition's meetings, by the number of countries taking part.".into(),
        }
    }
}

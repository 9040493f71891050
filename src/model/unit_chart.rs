//! One share as a unit chart: of 100 squares, how many stand for it.

use crate::figures::{DataError, Figures, UnitChartSpec};
use crate::model::panel::Bar;

/// Everything the unit chart needs.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitChart {
    /// The share, as reported.
    pub share: Bar,
    /// Squares filled, of [`UnitChart::CELLS`].
    pub filled: u32,
}

impl UnitChart {
    /// Squares in the chart.
    pub const CELLS: u32 = 100;

    /// Builds the chart's model.
    ///
    /// # Errors
    /// A [`DataError`] if the named figure is missing.
    pub fn from_figures(figures: &Figures, spec: &UnitChartSpec) -> Result<Self, DataError> {
        let share = Bar::of(figures.get(&spec.share)?, figures);
        let filled = share.value.map_or(0, |v| {
            (v.clamp(0.0, 100.0) / 100.0 * f64::from(Self::CELLS)).round() as u32
        });
        Ok(Self { share, filled })
    }

    /// The two parts of the chart as bars (the share, and the rest), for tooltips,
    /// keyboard reading and the data table.
    #[must_use]
    pub fn parts(&self) -> Vec<Bar> {
        let rest = self.share.value.map(|v| (100.0 - v).max(0.0));
        vec![
            self.share.clone(),
            Bar::derived(
                format!("{}.rest", self.share.id),
                "The rest of 100%".into(),
                rest,
                self.share.unit,
                self.share.measure.clone(),
                self.share.years.clone(),
                format!("100% − {}", self.share.value_text()),
            ),
        ]
    }

    /// The kind's own takeaway.
    #[must_use]
    pub fn takeaway(&self) -> String {
        format!(
            "{} of every {} squares: {}, {}.",
            self.filled,
            Self::CELLS,
            self.share.label,
            self.share.value_text()
        )
    }

    /// The values a takeaway template may name: `filled`, `cells`, and the share's (see
    /// [`bar_value`](crate::model::bar_panels::bar_value)).
    #[must_use]
    pub fn value(&self, name: &str) -> Option<String> {
        match name {
            "filled" => Some(self.filled.to_string()),
            "cells" => Some(Self::CELLS.to_string()),
            _ => crate::model::bar_panels::bar_value(&[&self.share], name),
        }
    }
}

//! Intelligence dependence as a unit chart: of 100 squares, how many stand for battlefield data
//! flowing through US systems.

use crate::figures::{DataError, Figures};
use crate::model::panel::Bar;

/// Everything the unit chart needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Intelligence {
    /// The share, as reported.
    pub share: Bar,
    /// Squares filled, of [`Intelligence::CELLS`].
    pub filled: u32,
}

impl Intelligence {
    /// Squares in the chart.
    pub const CELLS: u32 = 100;

    /// Builds the chart's model.
    ///
    /// # Errors
    /// A [`DataError`] if the named figure is missing.
    pub fn from_figures(figures: &Figures) -> Result<Self, DataError> {
        let share = Bar::of(figures.get(&figures.charts().intelligence.share)?, figures);
        let filled = share.value.map_or(0, |v| {
            (v.clamp(0.0, 100.0) / 100.0 * f64::from(Self::CELLS)).round() as u32
        });
        Ok(Self { share, filled })
    }

    /// The two parts of the chart as bars (through US systems, and the rest), for tooltips,
    /// keyboard reading and the data table.
    #[must_use]
    pub fn parts(&self) -> Vec<Bar> {
        let rest = self.share.value.map(|v| (100.0 - v).max(0.0));
        vec![
            self.share.clone(),
            Bar::derived(
                format!("{}.rest", self.share.id),
                "Other routes (the rest of 100%)".into(),
                rest,
                self.share.unit,
                self.share.measure.clone(),
                self.share.years.clone(),
                format!("100% − {}", self.share.value_text()),
            ),
        ]
    }

    /// The chart's takeaway.
    #[must_use]
    pub fn takeaway(&self) -> String {
        format!(
            "{} of every {} squares: the article's {} of battlefield data through US systems, a figure no public source confirms.",
            self.filled,
            Self::CELLS,
            self.share.value_text()
        )
    }
}

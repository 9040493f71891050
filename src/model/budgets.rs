//! The article's money figures beside real budgets and EU instruments, one panel per currency.

use crate::figures::{DataError, Figures, Kind};
use crate::model::panel::{bars_of, rank, Panel};
use crate::model::wording;

/// Everything the budget chart needs: its panels, each ranked largest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Budgets {
    /// One panel per currency.
    pub panels: Vec<Panel>,
}

impl Budgets {
    /// Builds the chart's model from the panels the data file names.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing.
    pub fn from_figures(figures: &Figures) -> Result<Self, DataError> {
        let panels = figures
            .charts()
            .budgets
            .panels
            .iter()
            .map(|spec| {
                let mut bars = bars_of(&spec.figures, figures)?;
                rank(&mut bars);
                Ok(Panel::new(spec.title.clone(), spec.unit, bars, None))
            })
            .collect::<Result<_, DataError>>()?;
        Ok(Self { panels })
    }

    /// The chart's takeaway in one sentence: the article's largest sum against the largest
    /// reference figure in the same currency.
    #[must_use]
    pub fn takeaway(&self) -> String {
        let largest = |panel: &Panel, kind: Kind| {
            panel
                .bars
                .iter()
                .filter(|b| b.kind == kind && b.value.is_some())
                .max_by(|a, b| {
                    a.value
                        .partial_cmp(&b.value)
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
                .cloned()
        };
        self.panels
            .iter()
            .find_map(|panel| {
                let reported = largest(panel, Kind::AsReported)?;
                let reference = largest(panel, Kind::Reference)?;
                let ratio = reference.value? / reported.value?;
                ratio.is_finite().then(|| {
                    format!(
                        "{}, {} ({}), amount to {} times the article's largest sum: {} for “{}”.",
                        reference.label,
                        reference.value_text(),
                        reference.years,
                        wording::decimal(ratio, 1),
                        reported.value_text(),
                        reported.label
                    )
                })
            })
            .unwrap_or_else(|| "The article's sums beside real budgets.".to_string())
    }
}

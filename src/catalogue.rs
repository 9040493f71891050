//! Every chart on the page, by the name the page uses for it (`data-chart="troop-share"`), and
//! the one function that builds a chart's model and draws it on any backend.

use std::fmt;

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::charts::{self, ChartError, Layout, Style};
use crate::figures::{DataError, Figures};
use crate::model::budgets::Budgets;
use crate::model::capability::Capability;
use crate::model::coalition::Coalition;
use crate::model::force_scenario::ForceScenario;
use crate::model::geography::Geography;
use crate::model::industry::Industry;
use crate::model::intelligence::Intelligence;
use crate::model::panel::{Bar, Panel};
use crate::model::scenario::Scenario;
use crate::model::troop_share::TroopShare;

/// The width, in CSS pixels, at which the main static version of each chart is drawn: the
/// widest the page's chart frame gets (a 40rem column less 1rem each side), so that on a wide
/// screen the static chart is shown at its own size and its words at theirs (12 px at least).
pub const NOMINAL_WIDTH: u32 = 608;

/// The width of each chart's static version for narrow windows, 32rem to 40rem
/// (`www/static/<chart>-narrow.svg`): the frame there is 480 to 608 px wide, so this version is
/// never shrunk.
pub const NARROW_WIDTH: u32 = 480;

/// The width of each chart's static version for phones, below 32rem
/// (`www/static/<chart>-phone.svg`): the frame of a 360 px wide phone. On wider phones it is
/// shown larger; only below 360 px is it shrunk (to 88% at 320 px).
pub const PHONE_WIDTH: u32 = 328;

/// Each chart's static versions: their widths and what their file names add to the chart's.
pub const STATIC_VERSIONS: [(u32, &str); 3] = [
    (NOMINAL_WIDTH, ""),
    (NARROW_WIDTH, "-narrow"),
    (PHONE_WIDTH, "-phone"),
];

/// A chart the page can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    /// The force against NATO's and Europe's armies.
    TroopShare,
    /// The reader's force: shared between nations, rotated, phased.
    ForceScenario,
    /// The article's sums against real budgets and instruments.
    Budgets,
    /// The coalition's meetings, by countries taking part.
    Coalition,
    /// Tanks, aircraft and the time to close the gaps.
    Capability,
    /// Battlefield data through US systems, as a unit chart.
    Intelligence,
    /// Shell orders, patrol vessels, the sector's expansion.
    Industry,
    /// Distances and flight times.
    Geography,
}

impl ChartId {
    /// Every chart, in page order.
    pub const ALL: [ChartId; 8] = [
        ChartId::Coalition,
        ChartId::Budgets,
        ChartId::Capability,
        ChartId::Intelligence,
        ChartId::Geography,
        ChartId::ForceScenario,
        ChartId::Industry,
        ChartId::TroopShare,
    ];

    /// The name used in the page (`data-chart`) and in file names.
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            ChartId::TroopShare => "troop-share",
            ChartId::ForceScenario => "force-scenario",
            ChartId::Budgets => "budgets",
            ChartId::Coalition => "coalition",
            ChartId::Capability => "capability",
            ChartId::Intelligence => "intelligence",
            ChartId::Industry => "industry",
            ChartId::Geography => "geography",
        }
    }

    /// The height the page reserves for the chart, in CSS pixels, at a nominal width of
    /// [`NOMINAL_WIDTH`]; `www/style.css` reserves the same.
    #[must_use]
    pub fn nominal_height(self) -> u32 {
        match self {
            ChartId::TroopShare => 560,
            ChartId::ForceScenario => 520,
            ChartId::Budgets => 650,
            ChartId::Coalition => 440,
            ChartId::Capability => 420,
            ChartId::Intelligence => 460,
            ChartId::Industry => 400,
            ChartId::Geography => 440,
        }
    }

    /// The chart a page name refers to, if any.
    #[must_use]
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// Why a figure could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureError {
    /// The figures file is at fault.
    Data(DataError),
    /// Drawing failed.
    Chart(ChartError),
}

impl fmt::Display for FigureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FigureError::Data(e) => e.fmt(f),
            FigureError::Chart(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for FigureError {}

impl From<DataError> for FigureError {
    fn from(e: DataError) -> Self {
        FigureError::Data(e)
    }
}

impl From<ChartError> for FigureError {
    fn from(e: ChartError) -> Self {
        FigureError::Chart(e)
    }
}

/// A chart's model, built from the figures.
#[derive(Debug, Clone, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "a page holds one model per figure, a handful in all: boxing would save nothing"
)]
pub enum Model {
    /// See [`TroopShare`].
    TroopShare(TroopShare),
    /// See [`ForceScenario`].
    ForceScenario(ForceScenario),
    /// See [`Budgets`].
    Budgets(Budgets),
    /// See [`Coalition`].
    Coalition(Coalition),
    /// See [`Capability`].
    Capability(Capability),
    /// See [`Intelligence`].
    Intelligence(Intelligence),
    /// See [`Industry`].
    Industry(Industry),
    /// See [`Geography`].
    Geography(Geography),
}

impl Model {
    /// Builds the model of chart `id` for the reader's scenario.
    ///
    /// # Errors
    /// A [`DataError`] if the figures the chart needs are missing.
    pub fn build(id: ChartId, figures: &Figures, scenario: &Scenario) -> Result<Self, DataError> {
        Ok(match id {
            ChartId::TroopShare => {
                Model::TroopShare(TroopShare::from_figures(figures, Some(scenario.force()))?)
            }
            ChartId::ForceScenario => {
                Model::ForceScenario(ForceScenario::from_figures(figures, scenario)?)
            }
            ChartId::Budgets => Model::Budgets(Budgets::from_figures(figures, scenario)?),
            ChartId::Coalition => Model::Coalition(Coalition::from_figures(figures)?),
            ChartId::Capability => Model::Capability(Capability::from_figures(figures)?),
            ChartId::Intelligence => Model::Intelligence(Intelligence::from_figures(figures)?),
            ChartId::Industry => Model::Industry(Industry::from_figures(figures)?),
            ChartId::Geography => Model::Geography(Geography::from_figures(figures)?),
        })
    }

    /// The panels of a chart made of bar panels (every chart but the unit chart).
    #[must_use]
    pub fn panels(&self) -> Vec<&Panel> {
        match self {
            Model::TroopShare(m) => vec![&m.share_panel, &m.army_panel],
            Model::ForceScenario(m) => vec![&m.army_panel, &m.phase_panel],
            Model::Budgets(m) => m.panels.iter().collect(),
            Model::Coalition(m) => vec![&m.panel],
            Model::Capability(m) => m.panels.iter().collect(),
            Model::Industry(m) => m.panels.iter().collect(),
            Model::Geography(m) => m.panels.iter().collect(),
            Model::Intelligence(_) => Vec::new(),
        }
    }

    /// Every bar the chart draws, in drawing order (the order of its [`Layout`]'s hits).
    #[must_use]
    pub fn bars(&self) -> Vec<Bar> {
        match self {
            Model::Intelligence(m) => m.parts(),
            other => other
                .panels()
                .into_iter()
                .flat_map(|p| p.bars.iter().cloned())
                .collect(),
        }
    }

    /// A longer text alternative, generated from the data: what is largest and smallest in
    /// each panel, then the chart's key comparison.
    #[must_use]
    pub fn description(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Model::Intelligence(m) = self {
            parts.push(format!(
                "A grid of {} squares, {} of them filled.",
                Intelligence::CELLS,
                m.filled
            ));
        }
        for panel in self.panels() {
            let known: Vec<&Bar> = panel.bars.iter().filter(|b| b.value.is_some()).collect();
            let largest = known
                .iter()
                .copied()
                .reduce(|a, b| if b.value > a.value { b } else { a });
            let smallest = known
                .iter()
                .copied()
                .reduce(|a, b| if b.value < a.value { b } else { a });
            match (largest, smallest) {
                (Some(big), Some(small)) if known.len() > 1 => parts.push(format!(
                    "{}: {} bars; the largest is {} ({}), the smallest {} ({}).",
                    panel.title,
                    panel.bars.len(),
                    big.label,
                    big.value_text(),
                    small.label,
                    small.value_text()
                )),
                (Some(only), _) => parts.push(format!(
                    "{}: {} ({}).",
                    panel.title,
                    only.label,
                    only.value_text()
                )),
                _ => parts.push(format!("{}: no figures.", panel.title)),
            }
            if let Some(marker) = &panel.marker {
                parts.push(format!(
                    "A line marks {} at {}.",
                    marker.label,
                    crate::model::wording::amount(marker.value, panel.unit)
                ));
            }
        }
        parts.push(self.takeaway());
        parts.join(" ")
    }

    /// The chart's one-line takeaway, computed from its figures.
    #[must_use]
    pub fn takeaway(&self) -> String {
        match self {
            Model::TroopShare(m) => m.takeaway(),
            Model::ForceScenario(m) => m.takeaway(),
            Model::Budgets(m) => m.takeaway(),
            Model::Coalition(m) => m.takeaway(),
            Model::Capability(m) => m.takeaway(),
            Model::Intelligence(m) => m.takeaway(),
            Model::Industry(m) => m.takeaway(),
            Model::Geography(m) => m.takeaway(),
        }
    }

    /// Draws the chart into `area`.
    ///
    /// # Errors
    /// A [`ChartError`] if the area is too small or the backend fails.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: Style<'_>,
    ) -> Result<Layout, ChartError> {
        match self {
            Model::Intelligence(m) => charts::waffle::draw(area, m, style),
            other => charts::bar_panels::draw(area, &other.panels(), style),
        }
    }
}

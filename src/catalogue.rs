//! Every chart on the page, by the name the page uses for it (`data-chart="troop-share"`), and
//! the one function that builds a chart's model and draws it on any backend.

use std::fmt;

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::charts::{self, ChartError, Layout, Style};
use crate::figures::{DataError, Figures};
use crate::model::budgets::Budgets;
use crate::model::force_scenario::ForceScenario;
use crate::model::panel::{Bar, Panel};
use crate::model::scenario::Scenario;
use crate::model::troop_share::TroopShare;

/// The width, in CSS pixels, at which static versions of the charts are drawn.
pub const NOMINAL_WIDTH: u32 = 680;

/// A chart the page can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    /// The force against NATO's and Europe's armies.
    TroopShare,
    /// The reader's force: shared between nations, rotated, phased.
    ForceScenario,
    /// The article's sums against real budgets and instruments.
    Budgets,
}

impl ChartId {
    /// Every chart, in page order.
    pub const ALL: [ChartId; 3] = [
        ChartId::TroopShare,
        ChartId::ForceScenario,
        ChartId::Budgets,
    ];

    /// The name used in the page (`data-chart`) and in file names.
    #[must_use]
    pub fn slug(self) -> &'static str {
        match self {
            ChartId::TroopShare => "troop-share",
            ChartId::ForceScenario => "force-scenario",
            ChartId::Budgets => "budgets",
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
pub enum Model {
    /// See [`TroopShare`].
    TroopShare(Box<TroopShare>),
    /// See [`ForceScenario`].
    ForceScenario(Box<ForceScenario>),
    /// See [`Budgets`].
    Budgets(Budgets),
}

impl Model {
    /// Builds the model of chart `id` for the reader's scenario.
    ///
    /// # Errors
    /// A [`DataError`] if the figures the chart needs are missing.
    pub fn build(id: ChartId, figures: &Figures, scenario: &Scenario) -> Result<Self, DataError> {
        Ok(match id {
            ChartId::TroopShare => Model::TroopShare(Box::new(TroopShare::from_figures(
                figures,
                Some(scenario.force()),
            )?)),
            ChartId::ForceScenario => {
                Model::ForceScenario(Box::new(ForceScenario::from_figures(figures, scenario)?))
            }
            ChartId::Budgets => Model::Budgets(Budgets::from_figures(figures, scenario)?),
        })
    }

    /// Every bar the chart draws, in drawing order (the order of its [`Layout`]'s hits).
    #[must_use]
    pub fn bars(&self) -> Vec<&Bar> {
        let panels: Vec<&Panel> = match self {
            Model::TroopShare(m) => vec![&m.share_panel, &m.army_panel],
            Model::ForceScenario(m) => vec![&m.army_panel, &m.phase_panel],
            Model::Budgets(m) => m.panels.iter().collect(),
        };
        panels.into_iter().flat_map(|p| p.bars.iter()).collect()
    }

    /// The chart's one-line takeaway, computed from its figures.
    #[must_use]
    pub fn takeaway(&self) -> String {
        match self {
            Model::TroopShare(m) => m.takeaway(),
            Model::ForceScenario(m) => m.takeaway(),
            Model::Budgets(m) => m.takeaway(),
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
            Model::TroopShare(m) => charts::troop_share::draw(area, m, style),
            Model::ForceScenario(m) => charts::force_scenario::draw(area, m, style),
            Model::Budgets(m) => charts::budgets::draw(area, m, style),
        }
    }
}

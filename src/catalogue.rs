//! Every chart the figures file declares, by its place in the file and the name the page uses
//! for it (`data-chart`), and the one function that builds a chart's model, by its kind, and
//! draws it on any backend.

use std::fmt;

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::charts::{self, ChartError, Layout, Style};
use crate::figures::{ChartKind, ChartSpec, DataError, Figures, Kind};
use crate::model::annotation::Anchor;
use crate::model::bar_panels::BarPanels;
use crate::model::budgets::Budgets;
use crate::model::flight_times::FlightTimes;
use crate::model::force_map::ForceMap;
use crate::model::force_scenario::ForceScenario;
use crate::model::guess::{self, Guess};
use crate::model::panel::{Bar, Panel};
use crate::model::reach_map::ReachMap;
use crate::model::reader_country;
use crate::model::scenario::{Country, Scenario};
#[cfg(not(target_arch = "wasm32"))]
use crate::model::template;
use crate::model::troop_share::TroopShare;
use crate::model::unit_chart::UnitChart;
use crate::model::wording::says;

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

/// A chart of the figures file, by its place in the file's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChartId(usize);

impl ChartId {
    /// Every chart of `figures`, in page order.
    pub fn all(figures: &Figures) -> impl Iterator<Item = ChartId> {
        (0..figures.charts().len()).map(ChartId)
    }

    /// The chart a page name refers to, if any.
    #[must_use]
    pub fn from_slug(figures: &Figures, slug: &str) -> Option<Self> {
        figures
            .charts()
            .iter()
            .position(|c| c.slug == slug)
            .map(ChartId)
    }

    /// The chart's declaration.
    ///
    /// # Errors
    /// A [`DataError`] if `figures` has no such chart (an id from other figures).
    pub fn spec(self, figures: &Figures) -> Result<&ChartSpec, DataError> {
        figures
            .charts()
            .get(self.0)
            .ok_or_else(|| DataError::new("charts", format!("no chart number {}", self.0)))
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

/// What a chart draws: the model of its kind.
#[derive(Debug, Clone, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "a page holds one model per figure, a handful in all: boxing would save nothing"
)]
pub enum Drawing {
    /// See [`BarPanels`].
    BarPanels(BarPanels),
    /// See [`TroopShare`].
    TroopShare(TroopShare),
    /// See [`ForceScenario`].
    ForceScenario(ForceScenario),
    /// See [`Budgets`].
    Budgets(Budgets),
    /// See [`UnitChart`].
    UnitChart(UnitChart),
    /// See [`FlightTimes`].
    FlightTimes(FlightTimes),
    /// See [`ForceMap`].
    ForceMap(ForceMap),
    /// See [`ReachMap`].
    ReachMap(ReachMap),
}

/// A chart's model, built from the figures: what it draws, and its takeaway.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// What it draws.
    pub drawing: Drawing,
    /// Its one-line takeaway: the declared template filled, or its kind's own sentence.
    takeaway: String,
    /// The reader's country, if they chose one.
    pub country: Option<Country>,
    /// What the chart says of the reader's country (`reader_country`), if they chose one and
    /// the chart counts countries.
    pub country_line: Option<String>,
    /// The sentence comparing the reader's guess with the answer, once it is revealed
    /// ([`Model::guessed`]).
    pub guess_line: Option<String>,
}

impl Model {
    /// Builds the model of chart `id` for the reader's scenario.
    ///
    /// # Errors
    /// A [`DataError`] if the figures the chart needs are missing, or its takeaway names a
    /// value its kind does not give.
    pub fn build(id: ChartId, figures: &Figures, scenario: &Scenario) -> Result<Self, DataError> {
        let spec = id.spec(figures)?;
        let missing = || DataError::new(format!("charts[{}]", id.0), "its kind's part is missing");
        let drawing = match spec.kind {
            ChartKind::BarPanels => {
                Drawing::BarPanels(BarPanels::from_figures(figures, &spec.panels)?)
            }
            ChartKind::TroopShare => {
                let part = spec.troop_share.as_ref().ok_or_else(missing)?;
                Drawing::TroopShare(TroopShare::from_figures(
                    figures,
                    part,
                    Some(scenario.force()),
                )?)
            }
            ChartKind::ForceScenario => {
                let part = spec.force_scenario.as_ref().ok_or_else(missing)?;
                Drawing::ForceScenario(ForceScenario::from_figures(figures, part, scenario)?)
            }
            ChartKind::Budgets => {
                let part = spec.budgets.as_ref().ok_or_else(missing)?;
                Drawing::Budgets(Budgets::from_figures(figures, part, scenario)?)
            }
            ChartKind::UnitChart => {
                let part = spec.unit_chart.as_ref().ok_or_else(missing)?;
                Drawing::UnitChart(UnitChart::from_figures(figures, part)?)
            }
            ChartKind::FlightTimes => {
                let part = spec.flight_times.as_ref().ok_or_else(missing)?;
                Drawing::FlightTimes(FlightTimes::from_figures(figures, part)?)
            }
            ChartKind::ForceMap => {
                let part = spec.force_map.as_ref().ok_or_else(missing)?;
                Drawing::ForceMap(ForceMap {
                    chart: spec.slug.clone(),
                    ..ForceMap::from_figures(figures, part, scenario)?
                })
            }
            ChartKind::ReachMap => {
                let part = spec.reach_map.as_ref().ok_or_else(missing)?;
                Drawing::ReachMap(ReachMap {
                    chart: spec.slug.clone(),
                    ..ReachMap::from_figures(figures, part)?
                })
            }
        };
        let mut drawing = drawing;
        crate::model::annotation::annotate(
            &mut drawing.panels_mut(),
            &spec.annotations,
            figures,
            &format!("charts[{}]", id.0),
        )?;
        // The build writes every takeaway into the page; in the browser only those that follow
        // the reader's scenario are made again.
        #[cfg(not(target_arch = "wasm32"))]
        let takeaway = match &spec.takeaway {
            Some(words) => fill(&drawing, words, figures)
                .map_err(|why| DataError::new(format!("charts[{}].takeaway", id.0), why))?,
            None => drawing.takeaway(),
        };
        #[cfg(target_arch = "wasm32")]
        let takeaway = match &drawing {
            Drawing::TroopShare(m) => m.takeaway(),
            Drawing::ForceScenario(m) => m.takeaway(),
            Drawing::Budgets(m) => m.takeaway(),
            Drawing::ForceMap(m) => m.takeaway(),
            _ => String::new(),
        };
        let country_line = scenario.country.and_then(|country| {
            let (code, name) = (country.code(), &figures.country(country.code())?.name);
            match &drawing {
                Drawing::ForceScenario(m) => m.country_line(code, name),
                Drawing::ForceMap(m) => m.country_line(code, name),
                Drawing::TroopShare(m) => m.country_line(code, name),
                other => {
                    let rows: Vec<&Bar> =
                        other.panels().into_iter().flat_map(Panel::rows).collect();
                    reader_country::from_rows(&rows, code, name)
                }
            }
        });
        Ok(Self {
            drawing,
            takeaway,
            country: scenario.country,
            country_line,
            guess_line: None,
        })
    }

    /// The model with the reader's `guess` at row `row` shown in place of the answer, or beside
    /// it once revealed (`model::guess`).
    #[must_use]
    pub fn guessed(mut self, row: &str, guess: Guess) -> Self {
        self.guess_line = guess::apply(self.drawing.panels_mut(), row, guess);
        self
    }

    /// Fills a template of the chart's words (a takeaway, a guess's question) with the values
    /// its kind gives, its first line's, and any figure's.
    ///
    /// # Errors
    /// The name the template asks for that nothing gives.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn fill(&self, words: &str, figures: &Figures) -> Result<String, String> {
        fill(&self.drawing, words, figures)
    }

    /// The panels of a chart made of bar panels (every kind but the unit chart).
    #[must_use]
    pub fn panels(&self) -> Vec<&Panel> {
        self.drawing.panels()
    }

    /// Every data row the chart draws, bars and annotations' lines and bands, in reading
    /// order (the order of its [`Layout`]'s hits).
    #[must_use]
    pub fn bars(&self) -> Vec<Bar> {
        match &self.drawing {
            Drawing::UnitChart(m) => m.parts(),
            _ => self
                .panels()
                .into_iter()
                .flat_map(|p| p.rows().cloned())
                .collect(),
        }
    }

    /// The row `id` and the panel it stands in, if the chart draws it.
    #[must_use]
    pub fn row(&self, id: &str) -> Option<(&Panel, &Bar)> {
        self.panels()
            .into_iter()
            .find_map(|p| Some((p, p.bars.iter().find(|b| b.id == id)?)))
    }

    /// The rows a data table and a CSV give: every data row but the reader's guess (which is
    /// not data, and stays on the page).
    #[must_use]
    pub fn data_bars(&self) -> Vec<Bar> {
        let mut bars = self.bars();
        bars.retain(|b| b.kind != Kind::Guess);
        bars
    }

    /// A longer text alternative, generated from the data: what is largest and smallest in
    /// each panel, and its annotations.
    #[must_use]
    pub fn description(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Drawing::UnitChart(m) = &self.drawing {
            parts.push(format!(
                "A grid of {} squares, {} of them filled.",
                UnitChart::CELLS,
                m.filled
            ));
        }
        // A map's rows are its members, or the lines and places it draws; a chart's, its bars.
        let (whole, rows) = match &self.drawing {
            Drawing::ForceMap(_) => ("map", "members"),
            Drawing::ReachMap(_) => ("map", "figures"),
            _ => ("panel", "bars"),
        };
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
            // Short sentences, one fact each, so that the description reads easily.
            let has = format!(
                "{}. The {whole} has {} {rows}.",
                panel.title,
                panel.bars.len()
            );
            match (largest, smallest) {
                // Alike, no row is the largest: "Each of the 5 with figures is at 6,000."
                (Some(big), Some(small)) if known.len() > 1 && big.value == small.value => {
                    let each = if known.len() == panel.bars.len() {
                        "Each".to_string()
                    } else {
                        format!("Each of the {} with figures", known.len())
                    };
                    parts.push(format!("{has} {each} is {}.", at(big)));
                }
                (Some(big), Some(small)) if known.len() > 1 => parts.push(format!(
                    "{has} The largest is {}, {}. The smallest is {}, {}.",
                    big.label,
                    at(big),
                    small.label,
                    at(small)
                )),
                (Some(only), _) => parts.push(format!(
                    "{}. Its one bar: {}, {}.",
                    panel.title,
                    only.label,
                    at(only)
                )),
                _ => parts.push(format!("{}. It has no figures.", panel.title)),
            }
            for note in &panel.notes {
                // An annotation's words often give its value already; the value is added
                // only where they do not.
                let (what, at) = match note.anchor {
                    Anchor::Line(_) => ("A line", note.row.value_text()),
                    Anchor::Band(..) => ("A band", note.row.bare_value_text()),
                };
                let words = &note.row.label;
                if says(words, &at) || says(words, &note.row.bare_value_text()) {
                    parts.push(format!("{what}: {words}."));
                } else {
                    parts.push(format!("{what}: {words}, at {at}."));
                }
            }
            for bar in panel.bars.iter().filter(|b| b.annotation.is_some()) {
                if let Some(words) = &bar.annotation {
                    parts.push(format!("Under {}: {words}.", bar.label));
                }
            }
        }
        // The takeaway is not repeated: the figure's description starts with it already.
        parts.join(" ")
    }

    /// Whether any row of the chart counts a country (the page then has a place for what it
    /// says of the reader's).
    #[must_use]
    pub fn counts_countries(&self) -> bool {
        self.bars().iter().any(|b| b.country.is_some())
    }

    /// Whether the chart follows the reader's scenario (its force, sharing, rotation, or how
    /// the budgets are shown); the others never change once built.
    #[must_use]
    pub fn follows_scenario(&self) -> bool {
        matches!(
            self.drawing,
            Drawing::TroopShare(_)
                | Drawing::ForceScenario(_)
                | Drawing::Budgets(_)
                | Drawing::ForceMap(_)
        )
    }

    /// For a map, the name of its sheet in the maps' file (its chart's slug): a map is drawn
    /// only once its sheet of shapes is there.
    #[must_use]
    pub fn map_sheet(&self) -> Option<&str> {
        match &self.drawing {
            Drawing::ForceMap(m) => Some(&m.chart),
            Drawing::ReachMap(m) => Some(&m.chart),
            _ => None,
        }
    }

    /// The chart's one-line takeaway (in the browser, empty for a chart whose sentences do not
    /// follow the reader's scenario: the page has them from the build).
    #[must_use]
    pub fn takeaway(&self) -> String {
        self.takeaway.clone()
    }

    /// What a map of who sends draws on `sheet`, with the focus on the row `focus`: equal
    /// pictures are drawn alike ([`charts::map::ForcePicture`]). `None` for any other chart.
    #[must_use]
    pub fn force_picture(
        &self,
        sheet: &crate::atlas::Sheet,
        focus: Option<&str>,
    ) -> Option<charts::map::ForcePicture> {
        let Drawing::ForceMap(m) = &self.drawing else {
            return None;
        };
        let country = self.country.as_ref().map(Country::code);
        Some(charts::map::ForcePicture::of(m, sheet, focus, country))
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
        let no_sheet = || ChartError::Drawing("the map's shapes have not arrived".into());
        let style = Style {
            country: self.country.as_ref().map(Country::code),
            ..style
        };
        match &self.drawing {
            Drawing::UnitChart(m) => charts::waffle::draw(area, m, style),
            Drawing::ForceMap(m) => {
                charts::map::force_map(area, m, style.sheet.ok_or_else(no_sheet)?, style)
            }
            Drawing::ReachMap(m) => {
                charts::map::reach_map(area, m, style.sheet.ok_or_else(no_sheet)?, style)
            }
            _ => charts::bar_panels::draw(area, &self.panels(), style),
        }
    }
}

/// A bar's value after "at", unless its bound already says where it stands: "at 90 km", "at
/// most 500 km".
fn at(bar: &Bar) -> String {
    let words = bar.value_text();
    if words.starts_with("at ") {
        words
    } else {
        format!("at {words}")
    }
}

/// `words` with each `{name}` filled from the drawing's values, its first line, or any figure.
#[cfg(not(target_arch = "wasm32"))]
fn fill(drawing: &Drawing, words: &str, figures: &Figures) -> Result<String, String> {
    template::fill(words, |name| {
        drawing
            .value(name)
            .or_else(|| first_line(drawing, name))
            .or_else(|| any_figure(figures, name))
    })
}

/// `line`, for a takeaway template: the value of the chart's first annotated line in words,
/// as its annotation says it.
#[cfg(not(target_arch = "wasm32"))]
fn first_line(drawing: &Drawing, name: &str) -> Option<String> {
    if name != "line" {
        return None;
    }
    drawing.panels().into_iter().find_map(|p| {
        p.notes.iter().find_map(|n| match n.anchor {
            Anchor::Line(_) => Some(n.row.value_text()),
            Anchor::Band(..) => None,
        })
    })
}

/// Any figure of the file for a takeaway template: `id` its value in words, `id.label`,
/// `id.source`, `id.years`.
#[cfg(not(target_arch = "wasm32"))]
fn any_figure(figures: &Figures, name: &str) -> Option<String> {
    let id = name
        .strip_suffix(".label")
        .or_else(|| name.strip_suffix(".source"))
        .or_else(|| name.strip_suffix(".years"))
        .unwrap_or(name);
    let bar = Bar::of(figures.get(id).ok()?, figures);
    crate::model::bar_panels::bar_value(&[&bar], name)
}

impl Drawing {
    /// The panels, in drawing order (none for the unit chart).
    fn panels(&self) -> Vec<&Panel> {
        match self {
            Drawing::BarPanels(m) => m.panels.iter().collect(),
            Drawing::TroopShare(m) => vec![&m.share_panel, &m.army_panel],
            Drawing::ForceScenario(m) => vec![&m.army_panel, &m.phase_panel],
            Drawing::Budgets(m) => m.panels.iter().collect(),
            Drawing::FlightTimes(m) => m.panels.iter().collect(),
            Drawing::ForceMap(m) => vec![&m.panel],
            Drawing::ReachMap(m) => m.flights.panels.iter().collect(),
            Drawing::UnitChart(_) => Vec::new(),
        }
    }

    /// The panels, to be annotated (none for the unit chart).
    fn panels_mut(&mut self) -> Vec<&mut Panel> {
        match self {
            Drawing::BarPanels(m) => m.panels.iter_mut().collect(),
            Drawing::TroopShare(m) => vec![&mut m.share_panel, &mut m.army_panel],
            Drawing::ForceScenario(m) => vec![&mut m.army_panel, &mut m.phase_panel],
            Drawing::Budgets(m) => m.panels.iter_mut().collect(),
            Drawing::FlightTimes(m) => m.panels.iter_mut().collect(),
            Drawing::ForceMap(m) => vec![&mut m.panel],
            Drawing::ReachMap(m) => m.flights.panels.iter_mut().collect(),
            Drawing::UnitChart(_) => Vec::new(),
        }
    }

    /// The kind's own takeaway.
    #[cfg(not(target_arch = "wasm32"))]
    fn takeaway(&self) -> String {
        match self {
            Drawing::BarPanels(m) => m.takeaway(),
            Drawing::TroopShare(m) => m.takeaway(),
            Drawing::ForceScenario(m) => m.takeaway(),
            Drawing::Budgets(m) => m.takeaway(),
            Drawing::UnitChart(m) => m.takeaway(),
            Drawing::FlightTimes(m) => m.takeaway(),
            Drawing::ForceMap(m) => m.takeaway(),
            Drawing::ReachMap(m) => m.flights.takeaway(),
        }
    }

    /// A value a takeaway template may name.
    #[cfg(not(target_arch = "wasm32"))]
    fn value(&self, name: &str) -> Option<String> {
        match self {
            Drawing::BarPanels(m) => m.value(name),
            Drawing::UnitChart(m) => m.value(name),
            Drawing::FlightTimes(m) => m.value(name),
            Drawing::ReachMap(m) => m.flights.value(name),
            // The kinds whose sentences follow the reader's scenario write their own.
            Drawing::TroopShare(_)
            | Drawing::ForceScenario(_)
            | Drawing::Budgets(_)
            | Drawing::ForceMap(_) => None,
        }
    }
}

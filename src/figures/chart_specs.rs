//! The charts as the figures file declares them: a list, each with its slug, title, mark (bar
//! panels, or a chart kind with a small model of its own), the height the page reserves for it,
//! its panels of figures by id, and its takeaway as a template over values the program computes.
//! The story is in the file; the program knows marks, units, measures and arithmetic.

use serde::Deserialize;

use super::Unit;

/// How a chart is drawn and what model builds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Panels of labelled bars, each a list of figures (`panels`).
    BarPanels,
    /// A force as a share of totals, and armies ranked beside it (`troop_share`).
    TroopShare,
    /// The reader's force, shared, rotated and phased (`force_scenario`).
    ForceScenario,
    /// Sums and budgets in currencies or as shares of GDP, as the reader chooses (`budgets`).
    Budgets,
    /// One share as a grid of a hundred squares (`unit_chart`).
    UnitChart,
    /// Distances, and flight times over them at a speed (`flight_times`).
    FlightTimes,
    /// A map of the countries that could send the force, each coloured by its share of the
    /// reader's force (`force_map`).
    ForceMap,
    /// A map of a flight time chart's places, its distances drawn as lines and a range as a
    /// ring (`reach_map`).
    ReachMap,
}

/// One chart of the page. What only the page's build needs (heading, height, text alternative,
/// place, note, takeaway template) is read natively only: the browser finds it in the page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    /// The chart's name in the page (`data-chart`), its files and its links.
    pub slug: String,
    /// How it is drawn.
    pub kind: ChartKind,
    /// Its heading.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing)]
    pub title: String,
    /// The height the page reserves for it, in CSS pixels, at the nominal width.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing)]
    pub height: u32,
    /// The static chart's text alternative.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing)]
    pub alt: String,
    /// The id of an element of the article after whose paragraph the chart stands; at the end
    /// of the article if none.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing)]
    #[serde(default)]
    pub after: Option<String>,
    /// A note under the chart.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing)]
    #[serde(default)]
    pub note: Option<String>,
    /// The takeaway as a template: `{figure-id}` is a figure's value in words, `{figure-id.label}`
    /// (`.source`, `.years`) its label (source, years), and each kind adds its own values.
    /// Without one, the kind's own sentence.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing)]
    #[serde(default)]
    pub takeaway: Option<String>,
    /// For bar panels: the panels.
    #[serde(default)]
    pub panels: Vec<PanelSpec>,
    /// For a troop share: its figures.
    #[serde(default)]
    pub troop_share: Option<TroopShareSpec>,
    /// For a force scenario: its figures.
    #[serde(default)]
    pub force_scenario: Option<ForceScenarioSpec>,
    /// For budgets: its panels and rate.
    #[serde(default)]
    pub budgets: Option<BudgetsSpec>,
    /// For a unit chart: its share.
    #[serde(default)]
    pub unit_chart: Option<UnitChartSpec>,
    /// For flight times: its distances and speed.
    #[serde(default)]
    pub flight_times: Option<FlightTimesSpec>,
    /// For a map of the force: its window and members.
    #[serde(default)]
    pub force_map: Option<ForceMapSpec>,
    /// For a map of reach: its window, the flight time chart it draws, where ranges start.
    #[serde(default)]
    pub reach_map: Option<ReachMapSpec>,
    /// Words drawn on the chart where they explain a value, a band or a bar.
    #[serde(default)]
    pub annotations: Vec<AnnotationSpec>,
    /// A value the reader may guess before the chart shows it. The page carries it (the
    /// chart program reads the row from the guess's form), so it is read natively only.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing)]
    #[serde(default)]
    pub guess: Option<GuessSpec>,
}

/// A value of a chart the reader may guess first (`model::guess`).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct GuessSpec {
    /// The id of the row guessed: a bar of the chart with a value.
    pub row: String,
    /// The question, as a template of the chart's values, like its takeaway.
    pub question: String,
}

/// The order of a panel's bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// As the panel lists them.
    #[default]
    AsListed,
    /// Largest first; bars with no figure last.
    LargestFirst,
}

/// One panel of bars in one unit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct PanelSpec {
    /// The panel's heading.
    pub title: String,
    /// The unit of every figure in it.
    pub unit: Unit,
    /// Its figures, by id.
    pub figures: Vec<String>,
    /// The order of its bars.
    #[serde(default)]
    pub order: Order,
    /// Ranges drawn from one figure to another (`["from-id", "to-id"]`), after the figures.
    #[serde(default)]
    pub ranges: Vec<Vec<String>>,
}

/// A short text the chart draws where it explains something: tied to a line at a value (a
/// figure's, or the count a growth implies before it), to a band between two figures' values,
/// or to one bar. Exactly one of `value`, `implied_before`, `range` and `bar` is given.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct AnnotationSpec {
    /// The panel it belongs to, counted from 0 in the order the chart draws its panels.
    pub panel: usize,
    /// The words, a template where `{value}` is the line's or band's value in words.
    pub text: String,
    /// A line at this figure's value.
    #[serde(default)]
    pub value: Option<String>,
    /// A line at the count before a growth: `["count-now-id", "growth-in-percent-id"]`.
    #[serde(default)]
    pub implied_before: Vec<String>,
    /// A band from one figure's value to another's: `["from-id", "to-id"]`.
    #[serde(default)]
    pub range: Vec<String>,
    /// The bar (a figure id in the panel) the words are written under.
    #[serde(default)]
    pub bar: Option<String>,
}

impl AnnotationSpec {
    /// How many of the four anchors are given (a well-formed annotation has one).
    #[must_use]
    pub fn anchors(&self) -> usize {
        usize::from(self.value.is_some())
            + usize::from(!self.implied_before.is_empty())
            + usize::from(!self.range.is_empty())
            + usize::from(self.bar.is_some())
    }

    /// Every figure id the annotation names.
    pub fn figure_ids(&self) -> impl Iterator<Item = &str> {
        self.value
            .iter()
            .chain(&self.implied_before)
            .chain(&self.range)
            .chain(&self.bar)
            .map(String::as_str)
    }
}

/// Which figures a troop share compares.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct TroopShareSpec {
    /// The proposed force (as reported).
    pub force: String,
    /// The article's bound on the force's share of the first total, in percent.
    pub claim: String,
    /// The totals the force is set against.
    pub totals: Vec<String>,
    /// The armies in the ranked comparison.
    pub armies: Vec<String>,
    /// The heading of the ranked armies' panel.
    pub armies_title: String,
}

/// One panel of the budget chart: figures that share a unit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct BudgetPanelSpec {
    /// The panel's heading, without its unit (the program adds it).
    pub title: String,
    /// The unit every figure in the panel must have.
    pub unit: Unit,
    /// The figures shown, by id.
    pub figures: Vec<String>,
}

/// Which figures the budget chart shows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct BudgetsSpec {
    /// Sums in one currency.
    pub sums: BudgetPanelSpec,
    /// National spending, in one currency.
    pub national: BudgetPanelSpec,
    /// National spending as a share of GDP (unit `percent`).
    pub national_gdp: BudgetPanelSpec,
    /// The exchange rate used when a reader switches currency (US$ per €).
    pub exchange_rate: String,
}

/// One nation that may contribute troops to the force.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct ContributorSpec {
    /// Its active personnel (the figure's label names the nation).
    pub personnel: String,
    /// Its defence budget, for sharing in proportion to budgets.
    pub budget: String,
}

/// Which figures the force scenario uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct ForceScenarioSpec {
    /// The force as reported (the scenario's starting size).
    pub force: String,
    /// The first phase of the deployment (as reported).
    pub first_phase: String,
    /// The forces the sustained deployment is set against.
    pub pool: String,
    /// The nations sharing the force.
    pub contributors: Vec<ContributorSpec>,
}

/// Which share a unit chart shows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct UnitChartSpec {
    /// The share, in percent.
    pub share: String,
}

/// Which figures the flight times use.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct FlightTimesSpec {
    /// A distance the article gives, drawn first.
    pub staging: String,
    /// Straight lines between places, whose lengths the program computes: each a pair of
    /// place ids, from and to.
    pub routes: Vec<Vec<String>>,
    /// The range of what flies.
    pub range: String,
    /// The speed.
    pub speed: String,
    /// The article's time, in minutes (drawn as a line).
    pub claim_minutes: String,
}

/// What any map shows: its window, and the countries drawn apart from the rest.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct MapSpec {
    /// The window: its west, south, east and north edges, in degrees.
    pub window: [f64; 4],
    /// Countries outlined, the map's subject (by three-letter code).
    #[serde(default)]
    pub outlined: Vec<String>,
    /// Countries drawn in a shade of their own, apart from the rest (by code).
    #[serde(default)]
    pub apart: Vec<String>,
    /// What the key calls the countries drawn apart.
    #[serde(default)]
    pub apart_words: String,
}

/// One member that could contribute to the force, with its figures where there are any.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct MemberSpec {
    /// The country, by its code in the file's `countries`.
    pub country: String,
    /// Its active personnel, if a figure exists.
    #[serde(default)]
    pub personnel: Option<String>,
    /// Its defence budget, if a figure exists.
    #[serde(default)]
    pub budget: Option<String>,
}

/// A map of who would send the force.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct ForceMapSpec {
    /// The window and the countries drawn apart.
    pub map: MapSpec,
    /// Every member that could contribute; those with a personnel and a budget figure share
    /// the reader's force, the rest are drawn as having no figure.
    pub members: Vec<MemberSpec>,
}

/// A map of how far and how fast.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct ReachMapSpec {
    /// The window and the countries drawn apart.
    pub map: MapSpec,
    /// The slug of the flight time chart whose routes, range and speed it draws.
    pub flights: String,
    /// The places the range is drawn around, by id.
    pub launch: Vec<String>,
    /// Other places it marks, by id.
    #[serde(default)]
    pub places: Vec<String>,
}

impl BudgetsSpec {
    /// The budget chart's panels, by their names in the file.
    #[must_use]
    pub fn panels(&self) -> [(&'static str, &BudgetPanelSpec); 3] {
        [
            ("sums", &self.sums),
            ("national", &self.national),
            ("national_gdp", &self.national_gdp),
        ]
    }
}

impl ChartKind {
    /// Whether the chart's model, and so its sentences, follow the reader's scenario: the
    /// program writes these; the others' the build writes once.
    #[must_use]
    pub fn follows_scenario(self) -> bool {
        matches!(
            self,
            ChartKind::TroopShare
                | ChartKind::ForceScenario
                | ChartKind::Budgets
                | ChartKind::ForceMap
        )
    }

    /// Whether the chart is a map: drawn as wide as its frame allows and as tall as that
    /// makes it, its height follows its width.
    #[must_use]
    pub fn is_map(self) -> bool {
        matches!(self, ChartKind::ForceMap | ChartKind::ReachMap)
    }
}

impl ChartSpec {
    /// Every figure id the chart names, in the order it names them.
    #[must_use]
    pub fn figure_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for panel in &self.panels {
            ids.extend(panel.figures.iter().map(String::as_str));
            ids.extend(panel.ranges.iter().flatten().map(String::as_str));
        }
        for note in &self.annotations {
            ids.extend(note.figure_ids());
        }
        if let Some(t) = &self.troop_share {
            ids.push(&t.force);
            ids.push(&t.claim);
            ids.extend(t.totals.iter().chain(&t.armies).map(String::as_str));
        }
        if let Some(s) = &self.force_scenario {
            ids.extend([s.force.as_str(), &s.first_phase, &s.pool]);
            for c in &s.contributors {
                ids.extend([c.personnel.as_str(), &c.budget]);
            }
        }
        if let Some(b) = &self.budgets {
            for (_, panel) in b.panels() {
                ids.extend(panel.figures.iter().map(String::as_str));
            }
            ids.push(&b.exchange_rate);
        }
        if let Some(u) = &self.unit_chart {
            ids.push(&u.share);
        }
        if let Some(g) = &self.flight_times {
            ids.extend([g.staging.as_str(), &g.range, &g.speed, &g.claim_minutes]);
        }
        if let Some(m) = &self.force_map {
            for member in &m.members {
                ids.extend(
                    member
                        .personnel
                        .iter()
                        .chain(&member.budget)
                        .map(String::as_str),
                );
            }
        }
        ids
    }

    /// Every place id the chart names.
    #[must_use]
    pub fn place_ids(&self) -> Vec<&str> {
        self.flight_times
            .iter()
            .flat_map(|g| g.routes.iter().flatten().map(String::as_str))
            .chain(
                self.reach_map
                    .iter()
                    .flat_map(|r| r.launch.iter().chain(&r.places).map(String::as_str)),
            )
            .collect()
    }

    /// The map part of a map chart.
    #[must_use]
    pub fn map(&self) -> Option<&MapSpec> {
        self.force_map
            .as_ref()
            .map(|m| &m.map)
            .or(self.reach_map.as_ref().map(|r| &r.map))
    }
}

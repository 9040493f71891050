//! What each chart of the figures file shows (the ids of its figures), and the article's claims
//! with the rule that checks each one.

use serde::Deserialize;

use super::Unit;

/// Which figures the troop-share chart compares.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TroopShareSpec {
    /// The proposed force (as reported).
    pub force: String,
    /// The article's claim of the force's share of NATO, in percent.
    pub claim: String,
    /// The totals the force is set against (NATO, Europe + Canada).
    pub totals: Vec<String>,
    /// The armies in the ranked comparison.
    pub armies: Vec<String>,
}

/// One panel of the budget chart: figures that share a unit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
#[serde(deny_unknown_fields)]
pub struct BudgetsSpec {
    /// The article's sums beside real instruments, in one currency.
    pub sums: BudgetPanelSpec,
    /// National defence budgets, in one currency.
    pub national: BudgetPanelSpec,
    /// National defence spending as a share of GDP (unit `percent`).
    pub national_gdp: BudgetPanelSpec,
    /// The exchange rate used when a reader switches currency (US$ per €).
    pub exchange_rate: String,
}

/// One nation that may contribute troops to the force.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContributorSpec {
    /// Its active personnel (the figure's label names the nation).
    pub personnel: String,
    /// Its defence budget, for sharing in proportion to budgets.
    pub budget: String,
}

/// Which figures the force-scenario chart uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForceScenarioSpec {
    /// The force as reported (the scenario's starting size).
    pub force: String,
    /// The first phase of the deployment (as reported).
    pub first_phase: String,
    /// The forces the sustained deployment is set against (Europe + Canada).
    pub pool: String,
    /// The nations sharing the force.
    pub contributors: Vec<ContributorSpec>,
}

/// Which figures the coalition-growth chart uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoalitionSpec {
    /// The dated meetings, in date order, all on one basis (the count's measure).
    pub meetings: Vec<String>,
    /// The article's count of delegations.
    pub count: String,
    /// The article's growth since February, in percent.
    pub growth: String,
}

/// Which figures the capability-gap chart uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapabilitySpec {
    /// Tanks: the article's figure and the references.
    pub tanks: Vec<String>,
    /// Aircraft: the article's figure and the references.
    pub aircraft: Vec<String>,
    /// The start of the time range to close the gaps.
    pub gap_from: String,
    /// The end of the time range.
    pub gap_to: String,
}

/// Which figure the intelligence chart shows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntelligenceSpec {
    /// The share of battlefield data through US systems, in percent.
    pub share: String,
}

/// Which figures the industry chart uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndustrySpec {
    /// The article's increase in shell orders, in percent.
    pub shell_orders: String,
    /// Counts a public initiative reports, for context (one panel, one unit).
    pub initiative: Vec<String>,
    /// The article's patrol vessels.
    pub vessels: String,
    /// The sector's expansion beside a real instrument, in one currency.
    pub sector: Vec<String>,
}

/// Which figures the geography chart uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeographySpec {
    /// The article's distance of the force from the front.
    pub staging: String,
    /// Straight lines between places, whose lengths the program computes: each a pair of
    /// place ids, from and to.
    pub routes: Vec<Vec<String>>,
    /// The missile's range.
    pub range: String,
    /// The missile's speed.
    pub speed: String,
    /// The article's strike time, in minutes.
    pub claim_minutes: String,
}

/// How far a claim may be from a reference and still agree with it, and why that far.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tolerance {
    /// Allowed difference, in percent of the reference.
    #[serde(default)]
    pub pct: Option<f64>,
    /// Allowed difference, in percentage points (for claims that are percentages).
    #[serde(default)]
    pub points: Option<f64>,
    /// Why this tolerance, in a reader's words.
    pub why: String,
}

/// How a claim is checked; the tolerances are stated in the data, the arithmetic is the
/// program's. Every figure a rule compares must count what the claim counts (its measure);
/// figures of other measures go under `context`, where they inform and never decide.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// The claim is compared with each reference.
    Matches {
        /// Reference figures of the claim's measure and unit.
        references: Vec<String>,
        /// Figures of other measures, shown beside the verdict.
        #[serde(default)]
        context: Vec<String>,
        /// How close counts as agreeing.
        tolerance: Tolerance,
    },
    /// The claim is a growth in percent up to `now`: the count it implies before is compared
    /// with each of the `earlier` counts.
    GrowthSince {
        /// The count now.
        now: String,
        /// Counts reported earlier.
        earlier: Vec<String>,
        /// Figures of other measures, shown beside the verdict.
        #[serde(default)]
        context: Vec<String>,
        /// How close counts as agreeing.
        tolerance: Tolerance,
    },
    /// The claim is a growth in percent to `to` from each of `from` (one per base a source gives).
    Growth {
        /// The earlier amounts.
        from: Vec<String>,
        /// The later amount.
        to: String,
        /// Figures of other measures, shown beside the verdict.
        #[serde(default)]
        context: Vec<String>,
        /// How close counts as agreeing.
        tolerance: Tolerance,
    },
    /// The claim is an upper bound on `part` as a percentage of each of `wholes`.
    ShareBelow {
        /// The part.
        part: String,
        /// The totals, of the measure the claim's share is of.
        wholes: Vec<String>,
        /// Figures of other measures, shown beside the verdict.
        #[serde(default)]
        context: Vec<String>,
        /// How far above the bound a share may be and still agree (usually none).
        tolerance: Tolerance,
    },
    /// The claim is an upper bound, in minutes, on a flight over each route and distance at
    /// `speed`; a peak speed gives only lower bounds on the time.
    FlightWithin {
        /// Straight lines between places, whose lengths the program computes: pairs of ids.
        #[serde(default)]
        routes: Vec<Vec<String>>,
        /// Distances in km, as figures.
        #[serde(default)]
        distances: Vec<String>,
        /// Speed in km/h.
        speed: String,
    },
    /// No public figure was found for the claim: an editorial finding, with when and for what
    /// the search was made.
    NoTrace {
        /// Related figures a reader may weigh.
        #[serde(default)]
        context: Vec<String>,
        /// The month of the search, `YYYY-MM`.
        searched: String,
        /// What was searched for, in a reader's words.
        searched_for: String,
    },
}

impl Check {
    /// The figures shown beside the verdict without deciding it.
    #[must_use]
    pub fn context(&self) -> &[String] {
        match self {
            Check::Matches { context, .. }
            | Check::GrowthSince { context, .. }
            | Check::Growth { context, .. }
            | Check::ShareBelow { context, .. }
            | Check::NoTrace { context, .. } => context,
            Check::FlightWithin { .. } => &[],
        }
    }

    /// The tolerance, for rules that have one.
    #[must_use]
    pub fn tolerance(&self) -> Option<&Tolerance> {
        match self {
            Check::Matches { tolerance, .. }
            | Check::GrowthSince { tolerance, .. }
            | Check::Growth { tolerance, .. }
            | Check::ShareBelow { tolerance, .. } => Some(tolerance),
            _ => None,
        }
    }
}

/// One way of reading an ambiguous claim: the measure it would then make, and its check.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingSpec {
    /// The measure the claim makes when read this way (a key of `measures`).
    pub measure: String,
    /// How it is checked when read this way.
    pub check: Check,
}

/// One numeric claim of the article and how it is checked: by one `check` in the measure of
/// its figure, or, when the article leaves the measure open, by several `readings`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimSpec {
    /// Anchor name on the page (`claim-<id>`).
    pub id: String,
    /// The article's figure (as reported).
    pub figure: String,
    /// Where the article gives a range ("18–24 months"), the figure at its upper end.
    #[serde(default)]
    pub to: Option<String>,
    /// How it is checked, in its figure's measure.
    #[serde(default)]
    pub check: Option<Check>,
    /// How it is checked under each reading, when its measure is ambiguous.
    #[serde(default)]
    pub readings: Vec<ReadingSpec>,
}

/// The charts the figures file defines.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpecs {
    /// The troop-share chart.
    pub troop_share: TroopShareSpec,
    /// The budget chart.
    pub budgets: BudgetsSpec,
    /// The force-scenario chart.
    pub force_scenario: ForceScenarioSpec,
    /// The coalition-growth chart.
    pub coalition: CoalitionSpec,
    /// The capability-gap chart.
    pub capability: CapabilitySpec,
    /// The intelligence chart.
    pub intelligence: IntelligenceSpec,
    /// The industry chart.
    pub industry: IndustrySpec,
    /// The geography chart.
    pub geography: GeographySpec,
}

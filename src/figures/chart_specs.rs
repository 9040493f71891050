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
    /// The dated meetings, in date order.
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
    /// Shells funded by the Czech initiative.
    pub shells_funded: String,
    /// Shells the initiative could reach.
    pub shells_possible: String,
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
    /// Distances from cities to the Belarus border.
    pub distances: Vec<String>,
    /// The missile's range.
    pub range: String,
    /// The missile's speed.
    pub speed: String,
    /// The article's strike time, in minutes.
    pub claim_minutes: String,
}

/// How a claim is checked; the tolerances are stated in the data, the arithmetic is the program's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// The claim matches one of the references within `tolerance_pct` percent.
    Matches {
        /// Reference figures in the claim's unit.
        references: Vec<String>,
        /// Allowed difference, in percent of the reference.
        tolerance_pct: f64,
    },
    /// The claim is a growth in percent up to `now`: the count it implies before must match one
    /// of the `earlier` counts within `tolerance_pct` percent.
    GrowthSince {
        /// The count now.
        now: String,
        /// Counts reported earlier.
        earlier: Vec<String>,
        /// Allowed difference, in percent.
        tolerance_pct: f64,
    },
    /// The claim is a growth in percent from `from` to `to`, within `tolerance_points`.
    Growth {
        /// The earlier amount.
        from: String,
        /// The later amount.
        to: String,
        /// Allowed difference, in percentage points.
        tolerance_points: f64,
    },
    /// The claim is an upper bound on `part` as a percentage of each of `wholes`.
    ShareBelow {
        /// The part.
        part: String,
        /// The totals.
        wholes: Vec<String>,
    },
    /// The claim is an upper bound, in minutes, on a flight over each distance at `speed`.
    FlightWithin {
        /// Distances in km.
        distances: Vec<String>,
        /// Speed in km/h.
        speed: String,
    },
    /// No public figure to check the claim against; `context` figures are shown beside it.
    NoTrace {
        /// Related figures a reader may weigh.
        context: Vec<String>,
    },
}

/// One numeric claim of the article and how it is checked.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimSpec {
    /// Anchor name on the page (`claim-<id>`).
    pub id: String,
    /// The article's figure (as reported).
    pub figure: String,
    /// How it is checked.
    pub check: Check,
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

//! The article's claims as the figures file states them: each claim's figure, the rule that
//! checks it (or one rule for each measure it may mean), and the tolerance with its reason.

use serde::Deserialize;

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

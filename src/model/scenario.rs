//! The reader's scenario: the force's size, how it is shared, how often it rotates, how the
//! budget chart is shown, and the reader's own country. Every field is kept within its bounds
//! by construction.

use std::ops::RangeInclusive;

use crate::figures::{ChartKind, Figures};

/// Force sizes a reader can choose.
pub const FORCE_RANGE: RangeInclusive<u32> = 5_000..=150_000;
/// The force slider's step.
pub const FORCE_STEP: u32 = 1_000;
/// Rotation factors a reader can choose: units committed for each unit deployed.
pub const ROTATION_RANGE: RangeInclusive<u32> = 1..=4;
/// The common planning rule: one deployed, one preparing, one recovering.
pub const DEFAULT_ROTATION: u32 = 3;

/// How the force is shared between contributing nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sharing {
    /// The same number from each nation.
    #[default]
    Equal,
    /// In proportion to each nation's active personnel.
    Personnel,
    /// In proportion to each nation's defence budget.
    Budget,
}

/// What the budget chart's national panel measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// Amounts of money.
    #[default]
    Amount,
    /// Defence spending as a share of GDP.
    GdpShare,
}

/// The currency amounts are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Currency {
    /// Each amount in the currency its source gives.
    #[default]
    AsPublished,
    /// Everything in euros.
    Eur,
    /// Everything in US dollars.
    Usd,
}

/// The order of bars in the budget chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Largest first.
    #[default]
    Size,
    /// Alphabetical.
    Name,
}

/// Everything a reader can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scenario {
    force: u32,
    /// How the force is shared.
    pub sharing: Sharing,
    rotation: u32,
    /// The budget chart's measure.
    pub measure: Measure,
    /// The budget chart's currency.
    pub currency: Currency,
    /// The budget chart's order.
    pub order: Order,
    /// The country the reader chose to see marked in every chart, if any.
    pub country: Option<Country>,
}

/// A country by its three-letter code in the figures file's `countries` (such as `ABC`): three capital
/// ASCII letters, kept inline so that a scenario stays a plain value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country([u8; 3]);

impl Country {
    /// The code, if `text` is three ASCII letters (of either case: a link may lower them).
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match *text.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(u8::is_ascii_alphabetic) => Some(Self([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
                c.to_ascii_uppercase(),
            ])),
            _ => None,
        }
    }

    /// The code as written in the figures file.
    #[must_use]
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl Scenario {
    /// The starting scenario: the force as reported (clamped into range) and the defaults.
    #[must_use]
    pub fn starting_at(reported_force: Option<f64>) -> Self {
        let force = reported_force
            .filter(|f| f.is_finite())
            .map_or(30_000, |f| f.round().clamp(0.0, f64::from(u32::MAX)) as u32);
        Self {
            force: clamp_force(force),
            sharing: Sharing::default(),
            rotation: DEFAULT_ROTATION,
            measure: Measure::default(),
            currency: Currency::default(),
            order: Order::default(),
            country: None,
        }
    }

    /// The starting scenario for a figures file: its reported force.
    #[must_use]
    pub fn from_figures(figures: &Figures) -> Self {
        let force = figures
            .chart_of_kind(ChartKind::ForceScenario)
            .and_then(|c| c.force_scenario.as_ref())
            .and_then(|spec| figures.get(&spec.force).ok())
            .and_then(|f| f.value);
        Self::starting_at(force)
    }

    /// The force's size.
    #[must_use]
    pub fn force(&self) -> u32 {
        self.force
    }

    /// The rotation factor.
    #[must_use]
    pub fn rotation(&self) -> u32 {
        self.rotation
    }

    /// Sets the force's size if it is within [`FORCE_RANGE`]; returns whether it was.
    pub fn set_force(&mut self, force: u32) -> bool {
        let ok = FORCE_RANGE.contains(&force);
        if ok {
            self.force = force;
        }
        ok
    }

    /// Sets the rotation factor if it is within [`ROTATION_RANGE`]; returns whether it was.
    pub fn set_rotation(&mut self, rotation: u32) -> bool {
        let ok = ROTATION_RANGE.contains(&rotation);
        if ok {
            self.rotation = rotation;
        }
        ok
    }
}

fn clamp_force(force: u32) -> u32 {
    force.clamp(*FORCE_RANGE.start(), *FORCE_RANGE.end())
}

impl Sharing {
    /// Every rule, in the order the page offers them.
    pub const ALL: [Sharing; 3] = [Sharing::Equal, Sharing::Personnel, Sharing::Budget];

    /// The rule in a sentence: "shared equally".
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Sharing::Equal => "shared equally",
            Sharing::Personnel => "shared in proportion to active personnel",
            Sharing::Budget => "shared in proportion to defence budgets",
        }
    }
}

//! The reader's force: how it is shared between nations, what share of each army it ties up
//! once rotations are counted, and the phased build-up from the first engineers.

use crate::figures::{DataError, Figures, ForceScenarioSpec, Kind, Measure, Unit};
use crate::model::force_sharing::{share_force, Contribution, Nation};
use crate::model::panel::{Bar, Panel};
use crate::model::scenario::Scenario;
use crate::model::troop_share::share_pct;
use crate::model::wording::{capitalised, percent, thousands};

/// Everything the force-scenario chart and its sentence need.
#[derive(Debug, Clone, PartialEq)]
pub struct ForceScenario {
    /// The scenario drawn.
    pub scenario: Scenario,
    /// Each nation's part.
    pub contributions: Vec<Contribution>,
    /// All troops tied up: the force times the rotation factor.
    pub tied_up: u64,
    /// The forces the deployment draws on.
    pub pool: Bar,
    /// Troops tied up as a percentage of the pool.
    pub pool_share: Option<f64>,
    /// Share of each army tied up.
    pub army_panel: Panel,
    /// The phases: first engineers, the full force, all troops tied up.
    pub phase_panel: Panel,
}

impl ForceScenario {
    /// Builds the chart's model for a scenario.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing.
    pub fn from_figures(
        figures: &Figures,
        spec: &ForceScenarioSpec,
        scenario: &Scenario,
    ) -> Result<Self, DataError> {
        let reported = Bar::of(figures.get(&spec.force)?, figures);
        let first_phase = Bar::of(figures.get(&spec.first_phase)?, figures);
        let pool = Bar::of(figures.get(&spec.pool)?, figures);
        let mut nations = Vec::new();
        let mut army_bars = Vec::new();
        for c in &spec.contributors {
            let army = Bar::of(figures.get(&c.personnel)?, figures);
            let budget = figures.get(&c.budget)?;
            nations.push((
                Nation {
                    name: army.label.clone(),
                    personnel: army.value,
                    budget: budget.value,
                },
                army,
            ));
        }
        let (force, rotation) = (scenario.force(), scenario.rotation());
        let plain: Vec<Nation> = nations.iter().map(|(n, _)| n.clone()).collect();
        let contributions = share_force(force, scenario.sharing, rotation, &plain);
        for (c, (_, army)) in contributions.iter().zip(&nations) {
            army_bars.push(Bar {
                kind: Kind::Scenario,
                country: army.country.clone(),
                ..Bar::derived(
                    format!("scenario.{}", army.id),
                    format!(
                        "{}: {} deployed, {} tied up",
                        c.name,
                        thousands(f64::from(c.deployed)),
                        thousands(f64::from(c.tied_up))
                    ),
                    c.share_of_army,
                    Unit::Percent,
                    army.measure.share(),
                    army.years.clone(),
                    format!(
                        "{} tied up ÷ {} ({})",
                        thousands(f64::from(c.tied_up)),
                        army.value_text(),
                        army.source
                    ),
                )
            });
        }
        let tied_up = u64::from(force) * u64::from(rotation);
        let pool_share = pool.value.and_then(|p| share_pct(tied_up as f64, p));
        let army_panel = Panel::new(
            format!("Share of each army tied up, {}", scenario.sharing.words()),
            Unit::Percent,
            army_bars,
        );
        let force_kind = if reported.value == Some(f64::from(force)) {
            Kind::AsReported
        } else {
            Kind::Scenario
        };
        let phases = vec![
            Bar {
                label: format!("Phase 1: {}", first_phase.label),
                ..first_phase
            },
            Bar {
                id: "scenario.force".into(),
                label: "Phase 2: the full force, deployed at any one time".into(),
                value: Some(f64::from(force)),
                kind: force_kind,
                // A force the reader chose is theirs, not the article's: it cites the choice,
                // and the article's figure for comparison, without the article's quotation.
                source: if force_kind == Kind::Scenario {
                    format!(
                        "the scenario's choice (the article: {})",
                        reported.value_text()
                    )
                } else {
                    reported.source.clone()
                },
                note: if force_kind == Kind::Scenario {
                    None
                } else {
                    reported.note.clone()
                },
                ..reported.clone()
            },
            Bar {
                kind: Kind::Scenario,
                ..Bar::derived(
                    "scenario.tied-up".into(),
                    format!(
                        "Tied up with {rotation} unit{} per unit deployed{}",
                        if rotation == 1 { "" } else { "s" },
                        pool_share.map_or(String::new(), |s| format!(
                            ": {} of {}",
                            percent(s),
                            pool.label
                        ))
                    ),
                    Some(tied_up as f64),
                    Unit::Personnel,
                    Measure::derived(
                        "personnel committed, rotation included".into(),
                        "Troops deployed and those preparing or recovering to relieve them.".into(),
                    ),
                    reported.years.clone(),
                    format!("{} × {rotation}", thousands(f64::from(force))),
                )
            },
        ];
        let phase_panel = Panel::new(
            "The phased build-up, personnel".into(),
            Unit::Personnel,
            phases,
        );
        Ok(Self {
            scenario: *scenario,
            contributions,
            tied_up,
            pool,
            pool_share,
            army_panel,
            phase_panel,
        })
    }

    /// The scenario in two sentences, computed from the figures.
    #[must_use]
    pub fn takeaway(&self) -> String {
        let s = &self.scenario;
        // Short sentences: the troops tied up, their share, then the heaviest load.
        let mut words = format!(
            "A force of {} with {} unit{} for each one deployed ties up {} troops.",
            thousands(f64::from(s.force())),
            s.rotation(),
            if s.rotation() == 1 { "" } else { "s" },
            thousands(self.tied_up as f64),
        );
        if let (Some(share), Some(_)) = (self.pool_share, self.pool.value) {
            words.push_str(&format!(
                " That is {} of the active forces of {}.",
                percent(share),
                self.pool.label
            ));
        }
        let heaviest = self
            .contributions
            .iter()
            .filter_map(|c| Some((c.share_of_army?, c)))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let lightest = self
            .contributions
            .iter()
            .filter_map(|c| c.share_of_army)
            .min_by(f64::total_cmp);
        let shared = capitalised(s.sharing.words());
        if let (Some((share, _)), Some(least)) = (heaviest, lightest) {
            if share - least < 0.05 {
                words.push_str(&format!(
                    " {shared}, every army gives the same share. It is {} of its active forces.",
                    percent(share)
                ));
                return words;
            }
        }
        if let Some((share, c)) = heaviest {
            words.push_str(&format!(
                " {shared}, the heaviest load falls on {}: {} deployed and {} tied up. That is {} of its active forces.",
                c.name,
                thousands(f64::from(c.deployed)),
                thousands(f64::from(c.tied_up)),
                percent(share)
            ));
        }
        words
    }
}

//! Who would send the force: the reader's force shared, by the force-scenario chart's rule,
//! between every member that could contribute and has both a personnel and a budget figure (so
//! that each rule shares it between the same members); a member without them is shown as having
//! no figure, never guessed. The rows, in the file's order (the map's reading order), are each
//! member's troops deployed at any one time, with the arithmetic as their source.

use crate::figures::{DataError, Figures, ForceMapSpec, Kind, MapSpec, Measure, Unit};
use crate::model::force_sharing::{share_force, Nation};
use crate::model::panel::{Bar, Panel};
use crate::model::scenario::Scenario;
use crate::model::wording::{capitalised, thousands};

/// Everything the map of the force and its sentence need.
#[derive(Debug, Clone, PartialEq)]
pub struct ForceMap {
    /// The slug of its chart (the name of its sheet in the maps' file).
    pub chart: String,
    /// The scenario drawn.
    pub scenario: Scenario,
    /// The map's window and the countries drawn apart.
    pub map: MapSpec,
    /// Each member's code and the troops it sends (`None`: no figure).
    pub members: Vec<(String, Option<u32>)>,
    /// The same as rows: one bar per member.
    pub panel: Panel,
}

impl ForceMap {
    /// Builds the map's model for a scenario.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure or country is missing.
    pub fn from_figures(
        figures: &Figures,
        spec: &ForceMapSpec,
        scenario: &Scenario,
    ) -> Result<Self, DataError> {
        let mut sharing = Vec::new();
        for (i, member) in spec.members.iter().enumerate() {
            let name = figures
                .country(&member.country)
                .map(|c| c.name.clone())
                .ok_or_else(|| {
                    DataError::new(
                        format!("force_map.members[{i}].country"),
                        format!("no country “{}” in “countries”", member.country),
                    )
                })?;
            let value = |id: &Option<String>| -> Result<Option<Bar>, DataError> {
                id.as_ref()
                    .map(|id| Ok(Bar::of(figures.get(id)?, figures)))
                    .transpose()
            };
            let (personnel, budget) = (value(&member.personnel)?, value(&member.budget)?);
            let known = personnel.as_ref().and_then(|b| b.value).is_some()
                && budget.as_ref().and_then(|b| b.value).is_some();
            sharing.push((member.country.clone(), name, personnel, budget, known));
        }
        let nations: Vec<Nation> = sharing
            .iter()
            .filter(|m| m.4)
            .map(|(_, name, personnel, budget, _)| Nation {
                name: name.clone(),
                personnel: personnel.as_ref().and_then(|b| b.value),
                budget: budget.as_ref().and_then(|b| b.value),
            })
            .collect();
        let force = scenario.force();
        let mut parts =
            share_force(force, scenario.sharing, scenario.rotation(), &nations).into_iter();
        let with = nations.len();
        let measure = Measure::derived(
            "troops deployed".into(),
            "Troops a member would have deployed at any one time.".into(),
        );
        let mut members = Vec::new();
        let mut bars = Vec::new();
        for (code, name, personnel, budget, known) in sharing {
            let part = if known { parts.next() } else { None };
            let deployed = part.as_ref().map(|c| c.deployed);
            let years = personnel
                .as_ref()
                .or(budget.as_ref())
                .map(|b| b.years.clone())
                .unwrap_or_default();
            let lacking: Vec<String> = [("personnel", &personnel), ("budget", &budget)]
                .into_iter()
                .filter(|(_, b)| b.as_ref().and_then(|b| b.value).is_none())
                .map(|(what, _)| what.to_string())
                .collect();
            bars.push(Bar {
                kind: Kind::Scenario,
                country: Some(code.clone()),
                // The rotation: what a member's share ties up.
                note: if lacking.is_empty() {
                    // The figures its share rests on, each with its measure and source.
                    let from: Vec<String> = [&personnel, &budget]
                        .into_iter()
                        .flatten()
                        .map(|b| {
                            let measure = &b.measure.name;
                            let mut cite = b.source.clone();
                            if !b.years.is_empty() {
                                cite.push_str(", ");
                                cite.push_str(&b.years);
                            }
                            // A measure's own brackets take the source: "(its definition;
                            // source, year)".
                            match measure.strip_suffix(')') {
                                Some(open) if open.bytes().any(|c| c == b'(') => {
                                    format!("{} {open}; {cite})", b.value_text())
                                }
                                _ => format!("{} {measure} ({cite})", b.value_text()),
                            }
                        })
                        .collect();
                    part.map(|c| {
                        format!(
                            "{} tied up with {} unit{} per unit deployed. From its {}",
                            thousands(f64::from(c.tied_up)),
                            scenario.rotation(),
                            if scenario.rotation() == 1 { "" } else { "s" },
                            from.join(" and ")
                        )
                    })
                } else {
                    Some(format!(
                        "No {} figure was found, so it is not counted in the sharing",
                        lacking.join(" or ")
                    ))
                },
                ..Bar::derived(
                    format!("member.{code}"),
                    name,
                    deployed.map(f64::from),
                    Unit::Personnel,
                    measure.clone(),
                    years,
                    format!(
                        "{} {}, between the {with} members with a personnel and a budget figure",
                        thousands(f64::from(force)),
                        scenario.sharing.words()
                    ),
                )
            });
            members.push((code, deployed));
        }
        let panel = Panel::new(
            format!(
                "Troops each member would send, {}",
                scenario.sharing.words()
            ),
            Unit::Personnel,
            bars,
        );
        Ok(Self {
            chart: String::new(),
            scenario: *scenario,
            map: spec.map.clone(),
            members,
            panel,
        })
    }

    /// The map in short sentences, computed from the figures: who sends the most and the
    /// least, and how many members have no figure.
    #[must_use]
    pub fn takeaway(&self) -> String {
        let force = thousands(f64::from(self.scenario.force()));
        let shared = capitalised(self.scenario.sharing.words());
        let sending: Vec<&crate::model::panel::Bar> = self
            .panel
            .bars
            .iter()
            .filter(|b| b.value.is_some())
            .collect();
        let most = sending
            .iter()
            .max_by(|a, b| a.value.total_cmp_with(&b.value));
        let least = sending
            .iter()
            .min_by(|a, b| a.value.total_cmp_with(&b.value));
        let mut words = match (most, least) {
            (Some(most), Some(least)) if most.value == least.value => format!(
                "{shared}, each of the {} members with figures sends {} of the {force} troops.",
                sending.len(),
                most.value_text()
            ),
            (Some(most), Some(least)) => format!(
                "{shared}, {} sends the most: {} of the {force} troops. {} sends the least: {}.",
                most.label,
                most.value_text(),
                least.label,
                least.value_text()
            ),
            _ => format!("No member has the figures to share the {force} troops."),
        };
        let missing = self.panel.bars.len() - sending.len();
        if missing > 0 {
            words.push_str(&format!(
                " The other {missing} {} no figure here, so {} left out.",
                if missing == 1 {
                    "member has"
                } else {
                    "members have"
                },
                if missing == 1 { "it is" } else { "they are" }
            ));
        }
        words
    }
}

/// Comparing two optional values, a missing one lowest.
trait CompareValues {
    fn total_cmp_with(&self, other: &Self) -> std::cmp::Ordering;
}

impl CompareValues for Option<f64> {
    fn total_cmp_with(&self, other: &Self) -> std::cmp::Ordering {
        self.unwrap_or(f64::MIN)
            .total_cmp(&other.unwrap_or(f64::MIN))
    }
}

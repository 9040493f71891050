//! Capability gaps: the article's tank and aircraft counts beside reference inventories, and the
//! time it gives to close the gaps as a range.

use crate::figures::{DataError, Figures, Unit};
use crate::model::panel::{bars_of, Bar, Panel};

/// Everything the capability chart needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Capability {
    /// Tanks, aircraft and the time range.
    pub panels: Vec<Panel>,
}

impl Capability {
    /// Builds the chart's model.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing.
    pub fn from_figures(figures: &Figures) -> Result<Self, DataError> {
        let spec = &figures.charts().capability;
        let tanks = bars_of(&spec.tanks, figures)?;
        let aircraft = bars_of(&spec.aircraft, figures)?;
        let from = Bar::of(figures.get(&spec.gap_from)?, figures);
        let to = Bar::of(figures.get(&spec.gap_to)?, figures);
        let range = Bar {
            id: format!("range.{}.{}", from.id, to.id),
            from: from.value,
            value: to.value,
            label: from.label.clone(),
            ..from
        };
        Ok(Self {
            panels: vec![
                Panel::new("Germany's tanks".into(), Unit::Count, tanks, None),
                Panel::new(
                    "France's combat aircraft".into(),
                    Unit::Count,
                    aircraft,
                    None,
                ),
                Panel::new(
                    "Time the article gives to close the gaps".into(),
                    Unit::Months,
                    vec![range],
                    None,
                ),
            ],
        })
    }

    /// The chart's takeaway, computed: each as-reported count beside the references, said to
    /// be comparable only where they count the same thing.
    #[must_use]
    pub fn takeaway(&self) -> String {
        let parts: Vec<String> = self
            .panels
            .iter()
            .filter_map(|p| {
                let reported = p.bars.first()?;
                let others: Vec<&Bar> = p.bars.iter().skip(1).collect();
                let listed = |bars: &[&Bar]| {
                    bars.iter()
                        .map(|b| format!("{} ({})", b.value_text(), b.years))
                        .collect::<Vec<_>>()
                        .join(" and ")
                };
                let (same, other): (Vec<&Bar>, Vec<&Bar>) = others
                    .iter()
                    .partition(|b| b.measure.key == reported.measure.key);
                if others.is_empty() {
                    return None;
                }
                let mut words = format!("{}: the article's {}", p.title, reported.value_text());
                if !same.is_empty() {
                    words.push_str(&format!(" against {}", listed(&same)));
                }
                if !other.is_empty() {
                    let mut names: Vec<&str> = Vec::new();
                    for b in &other {
                        if !names.contains(&b.measure.name.as_str()) {
                            names.push(&b.measure.name);
                        }
                    }
                    words.push_str(&format!(
                        " counts {}; {} count{} {}",
                        reported.measure.name,
                        listed(&other),
                        if other.len() == 1 { "s" } else { "" },
                        names.join(" and ")
                    ));
                }
                Some(words)
            })
            .collect();
        format!("{}.", parts.join("; "))
    }
}

//! Panels of labelled bars declared in the figures file: each panel a list of figures in one
//! unit, in the order given or largest first, with ranges drawn from one figure to another.

use crate::figures::{DataError, Figures, Kind, Order, PanelSpec};
use crate::model::panel::{bars_of, rank, Bar, Panel};
use crate::model::wording;

/// The count a growth of `growth_pct` percent up to `now` implies before it.
#[must_use]
pub fn implied_before(now: f64, growth_pct: f64) -> Option<f64> {
    let factor = 1.0 + growth_pct / 100.0;
    (factor > 0.0 && now.is_finite() && factor.is_finite()).then(|| now / factor)
}

/// The growth from `from` to `to`, in percent.
#[must_use]
pub fn growth_pct(from: f64, to: f64) -> Option<f64> {
    (from.is_finite() && to.is_finite() && from > 0.0).then(|| (to / from - 1.0) * 100.0)
}

/// A chart of bar panels.
#[derive(Debug, Clone, PartialEq)]
pub struct BarPanels {
    /// The panels, in the order declared.
    pub panels: Vec<Panel>,
}

impl BarPanels {
    /// Builds the panels from their declarations.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing.
    pub fn from_figures(figures: &Figures, specs: &[PanelSpec]) -> Result<Self, DataError> {
        let mut panels = Vec::new();
        for spec in specs {
            let mut bars = bars_of(&spec.figures, figures)?;
            for bar in &mut bars {
                if let Some(day) = figures.get(&bar.id)?.date.as_deref() {
                    bar.label = format!("{} · {}", wording::date(day), bar.label);
                }
            }
            if spec.order == Order::LargestFirst {
                rank(&mut bars);
            }
            for pair in &spec.ranges {
                if let [from, to] = pair.as_slice() {
                    let (from, to) = (figures.get(from)?, figures.get(to)?);
                    let start = Bar::of(from, figures);
                    bars.push(Bar {
                        id: format!("range.{}.{}", from.id, to.id),
                        from: start.value,
                        value: to.value,
                        ..start
                    });
                }
            }
            panels.push(Panel::new(spec.title.clone(), spec.unit, bars));
        }
        Ok(Self { panels })
    }

    /// Every bar, in drawing order.
    #[must_use]
    pub fn bars(&self) -> Vec<&Bar> {
        self.panels.iter().flat_map(|p| p.bars.iter()).collect()
    }

    /// The kind's own takeaway: each panel's first (as-reported) figure beside the others, said
    /// to be comparable only where they count the same thing.
    #[must_use]
    pub fn takeaway(&self) -> String {
        let parts: Vec<String> = self
            .panels
            .iter()
            .filter_map(|p| {
                let reported = p.bars.first().filter(|b| b.kind == Kind::AsReported)?;
                let others: Vec<&Bar> = p.bars.iter().skip(1).collect();
                if others.is_empty() {
                    return None;
                }
                let listed = |bars: &[&Bar]| {
                    bars.iter()
                        .map(|b| format!("{} ({})", b.value_text(), b.years))
                        .collect::<Vec<_>>()
                        .join(" and ")
                };
                let (same, other): (Vec<&Bar>, Vec<&Bar>) = others
                    .iter()
                    .partition(|b| b.measure.key == reported.measure.key);
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
                    // A sentence never starts with a numeral: "The figure 225 (2025) counts".
                    let (noun, verb) = if other.len() == 1 {
                        ("figure", "counts")
                    } else {
                        ("figures", "count")
                    };
                    words.push_str(&format!(
                        " counts {}. The {noun} {} {verb} {}",
                        reported.measure.name,
                        listed(&other),
                        names.join(" and ")
                    ));
                }
                Some(words)
            })
            .collect();
        if parts.is_empty() {
            self.panels
                .iter()
                .map(|p| p.title.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        } else {
            // A sentence or two a panel, short enough to read at a glance.
            parts
                .iter()
                .map(|p| format!("{p}."))
                .collect::<Vec<_>>()
                .join(" ")
        }
    }

    /// The values a takeaway template may name: each bar's (see [`bar_value`]).
    #[must_use]
    pub fn value(&self, name: &str) -> Option<String> {
        bar_value(&self.bars(), name)
    }
}

/// A bar's value for a template: `id` its value in words, `id.label`, `id.source`, `id.years`.
#[must_use]
pub fn bar_value(bars: &[&Bar], name: &str) -> Option<String> {
    let (id, part) = match name.rsplit_once('.') {
        Some((id, part @ ("label" | "source" | "years"))) => (id, Some(part)),
        _ => (name, None),
    };
    let bar = bars.iter().find(|b| b.id == id)?;
    Some(match part {
        None => bar.value_text(),
        Some("label") => bar.label.clone(),
        Some("source") => bar.source.clone(),
        _ => bar.years.clone(),
    })
}

//! Panels of labelled bars declared in the figures file: each panel a list of figures in one
//! unit, in the order given or largest first, with ranges drawn from one figure to another and
//! a line at a figure's value or at the count a growth implies before it.

use crate::figures::{DataError, Figures, Kind, Order, PanelSpec};
use crate::model::panel::{bars_of, rank, Bar, Marker, Panel};
use crate::model::{template, wording};

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
    /// The figures the panels' lines are computed from: a template may name them, and they
    /// are not drawn.
    pub inputs: Vec<Bar>,
}

impl BarPanels {
    /// Builds the panels from their declarations.
    ///
    /// # Errors
    /// A [`DataError`] if a named figure is missing or a marker's label names an unknown value.
    pub fn from_figures(figures: &Figures, specs: &[PanelSpec]) -> Result<Self, DataError> {
        let mut panels = Vec::new();
        let mut inputs = Vec::new();
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
            let marker = match &spec.marker {
                Some(m) => {
                    let ids = m.figure.iter().chain(&m.implied_before);
                    inputs.extend(bars_of(&ids.cloned().collect::<Vec<_>>(), figures)?);
                    marker(figures, m)?
                }
                None => None,
            };
            panels.push(Panel::new(spec.title.clone(), spec.unit, bars, marker));
        }
        Ok(Self { panels, inputs })
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
        if parts.is_empty() {
            self.panels
                .iter()
                .map(|p| p.title.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        } else {
            format!("{}.", parts.join("; "))
        }
    }

    /// The values a takeaway template may name: each bar's and each line's input figure's (see
    /// [`bar_value`]), and `marker`, the first panel line's value.
    #[must_use]
    pub fn value(&self, name: &str) -> Option<String> {
        if name == "marker" {
            let marker = self.panels.iter().find_map(|p| p.marker.as_ref())?;
            return Some(wording::decimal(marker.value, 1));
        }
        let mut bars = self.bars();
        bars.extend(self.inputs.iter());
        bar_value(&bars, name)
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

/// A panel's line, from its declaration.
fn marker(
    figures: &Figures,
    spec: &crate::figures::MarkerSpec,
) -> Result<Option<Marker>, DataError> {
    let (value, kind) = match (&spec.figure, spec.implied_before.as_slice()) {
        (Some(id), _) => {
            let figure = figures.get(id)?;
            (figure.value, figure.kind)
        }
        (None, [now, growth]) => {
            let (now, growth) = (figures.get(now)?, figures.get(growth)?);
            let implied = now
                .value
                .zip(growth.value)
                .and_then(|(n, g)| implied_before(n, g));
            (implied, Kind::Derived)
        }
        _ => (None, Kind::Derived),
    };
    let Some(value) = value else {
        return Ok(None);
    };
    // The file's checks allow `{value}` alone in a marker's label.
    let label = template::fill(&spec.label, |name| {
        (name == "value").then(|| wording::decimal(value, 1))
    })
    .unwrap_or_else(|_| spec.label.clone());
    Ok(Some(Marker { value, label, kind }))
}

//! Annotations: the short texts a chart's declaration ties to a line at a value, to a band
//! between two values, or to one bar, worked out into what a panel draws. A line or a band is
//! also a row of the chart's data, with its own kind and source, so that the keyboard, the
//! tooltip, the table and the CSV reach it where a reader meets it: above the panel's bars.

use crate::figures::{AnnotationSpec, DataError, Figures, Kind};
use crate::model::bar_panels::implied_before;
use crate::model::panel::{Bar, Panel};
use crate::model::template;

/// Where an annotation stands on its panel's value axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    /// A line across the panel at a value.
    Line(f64),
    /// A band across the panel from one value to another.
    Band(f64, f64),
}

/// A line or a band with its words: `row` is the annotation as a row of the chart's data (its
/// label the words, its value the line's or the band's end, `from` the band's start).
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// Where it stands.
    pub anchor: Anchor,
    /// The annotation as a data row.
    pub row: Bar,
    /// The words drawn for it: the row's label with its value kept whole on a line.
    pub drawn: String,
}

impl Annotation {
    /// The words drawn for it.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.drawn
    }
}

/// Ties each of `specs` to its panel of `panels` (in drawing order): a line or a band joins the
/// panel's annotations, a bar's words join the bar. An annotation whose value has no figure is
/// left out, as a bar with no figure draws no bar.
///
/// # Errors
/// A [`DataError`] naming the annotation if its panel or bar does not exist or a figure is
/// missing; natively (where the build checks the file before the page is published), also if a
/// figure is in another unit than its panel, or a bound's text does not say it is one.
pub fn annotate(
    panels: &mut [&mut Panel],
    specs: &[AnnotationSpec],
    figures: &Figures,
    at: &str,
) -> Result<(), DataError> {
    for (i, spec) in specs.iter().enumerate() {
        let wrong = |why: &str| DataError::new(format!("{at}.annotations[{i}]"), why);
        let panel = panels
            .get_mut(spec.panel)
            .ok_or_else(|| wrong("the chart has no such panel"))?;
        // The text may name `{value}` (a line's or a band's) and any figure's value in words.
        let fill = |value: &str| {
            template::fill(&spec.text, |name| match name {
                "value" => Some(value.to_string()),
                id => figures
                    .get(id)
                    .ok()
                    .map(|f| Bar::of(f, figures).value_text()),
            })
        };
        if let Some(id) = &spec.bar {
            let words = fill("").map_err(|why| wrong(&why))?;
            let bar = panel
                .bars
                .iter_mut()
                .find(|b| &b.id == id)
                .ok_or_else(|| wrong("its panel has no such bar"))?;
            bar.annotation = Some(words);
            continue;
        }
        let unit = panel.unit;
        let bar = |id: &str| figures.get(id).map(|f| Bar::of(f, figures));
        let row = match (
            &spec.value,
            spec.implied_before.as_slice(),
            spec.range.as_slice(),
        ) {
            (Some(id), _, _) => Some(bar(id)?),
            (None, [now, growth], _) => {
                let (now, growth) = (bar(now)?, bar(growth)?);
                let value = now
                    .value
                    .zip(growth.value)
                    .and_then(|(n, g)| implied_before(n, g));
                let mut row = Bar::derived(
                    String::new(),
                    String::new(),
                    value,
                    unit,
                    now.measure.clone(),
                    now.years.clone(),
                    format!("{} ÷ (1 + {})", now.bare_value_text(), growth.value_text()),
                );
                row.bound = now.bound;
                Some(row)
            }
            (None, [], [from, to]) => {
                let (from, to) = (bar(from)?, bar(to)?);
                let sources = if from.source == to.source {
                    to.source.clone()
                } else {
                    format!("{}; {}", from.source, to.source)
                };
                let kind = if from.kind == to.kind {
                    to.kind
                } else {
                    Kind::Derived
                };
                // A band whose start has no figure is not drawn (nor taken for a line).
                let value = from.value.and(to.value);
                Some(Bar {
                    from: from.value,
                    value,
                    kind,
                    source: sources,
                    ..to
                })
            }
            _ => None,
        };
        let Some(mut row) = row else {
            return Err(wrong("an annotation needs one anchor"));
        };
        #[cfg(not(target_arch = "wasm32"))]
        checks::well_made(spec, &row, unit, figures).map_err(|why| wrong(&why))?;
        let Some(value) = row.value else {
            continue;
        };
        // `{value}` is the value without its bound, which the text says in its own words
        // ("less than {value}"). A value is kept whole on its line ("22 countries"): its
        // spaces do not break.
        let words = row.bare_value_text();
        let drawn = fill(&words.replace(' ', "\u{a0}")).map_err(|why| wrong(&why))?;
        row.label = fill(&words).map_err(|why| wrong(&why))?;
        row.id = format!("annotation.{i}");
        // An annotation tells; it has no remark of its own to add.
        row.note = None;
        let anchor = match row.from {
            Some(from) => Anchor::Band(from, value),
            None => Anchor::Line(value),
        };
        panel.annotate(Annotation { anchor, row, drawn });
    }
    Ok(())
}

/// What the build checks of an annotation before the page is published.
#[cfg(not(target_arch = "wasm32"))]
mod checks {
    use crate::figures::{AnnotationSpec, Bound, Figures, Unit};
    use crate::model::panel::Bar;

    /// Whether the figures are in the panel's unit (a growth's in percent), and a bound's text
    /// says it is one: the reason if not.
    pub(super) fn well_made(
        spec: &AnnotationSpec,
        row: &Bar,
        unit: Unit,
        figures: &Figures,
    ) -> Result<(), String> {
        let in_unit = |id: &str, want: Unit| -> Result<(), String> {
            let figure = figures.get(id).map_err(|e| e.to_string())?;
            if figure.unit == want {
                Ok(())
            } else {
                Err(format!(
                    "“{id}” is in {}, not {}",
                    figure.unit.key(),
                    want.key()
                ))
            }
        };
        let counts = spec
            .value
            .iter()
            .chain(&spec.range)
            .chain(spec.implied_before.first());
        for id in counts {
            in_unit(id, unit)?;
        }
        if let Some(growth) = spec.implied_before.get(1) {
            in_unit(growth, Unit::Percent)?;
        }
        if row.bound != Bound::Exact && spec.text.contains("{value}") && !says_bound(&spec.text) {
            return Err(format!(
                "the value is a bound ({}): the text says so, as “less than {{value}}” or “at least {{value}}”",
                row.bound.words().trim()
            ));
        }
        Ok(())
    }

    /// Whether an annotation's text says that its value is a bound, in whole words.
    fn says_bound(text: &str) -> bool {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let phrases: [&[&str]; 7] = [
            &["less", "than"],
            &["at", "most"],
            &["at", "least"],
            &["more", "than"],
            &["up", "to"],
            &["under"],
            &["over"],
        ];
        phrases.iter().any(|phrase| {
            words
                .windows(phrase.len())
                .any(|w| w.iter().zip(phrase.iter()).all(|(a, b)| a == b))
        })
    }
}

//! A panel of horizontal bars in one unit: the shape every chart on the page is made of.
//! Bars come ranked, each with its kind, years and the words that state its value.

use crate::figures::{Bound, DataError, Figure, Figures, Kind, Measure, Unit};
use crate::model::annotation::{Anchor, Annotation};
use crate::model::axis::Axis;
use crate::model::wording;

/// The most steps a panel's axis is cut into (fewer where round numbers need fewer).
pub const AXIS_STEPS: u32 = 4;

/// One bar: a figure ready to draw, or a derived value computed from figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Stable id (the figure's id, or one made from its inputs for a derived bar).
    pub id: String,
    /// What the bar measures.
    pub label: String,
    /// The value; `None` draws no bar and says "no figure".
    pub value: Option<f64>,
    /// The unit of the value.
    pub unit: Unit,
    /// As reported, reference or derived.
    pub kind: Kind,
    /// What the value counts.
    pub measure: Measure,
    /// Whether the value is a bound (derived from a peak or a cap) or a limit itself.
    pub bound: Bound,
    /// The year or span the value refers to.
    pub years: String,
    /// Who says so (short source name), or the arithmetic for a derived bar.
    pub source: String,
    /// A remark to show with the value.
    pub note: Option<String>,
    /// The value as published, when the bar shows it converted to another currency.
    pub converted_from: Option<String>,
    /// Where a range starts ("18–24 months" starts at 18); `None` for a bar from zero.
    pub from: Option<f64>,
    /// Words the chart writes under the bar, declared with the chart.
    pub annotation: Option<String>,
    /// The country the bar counts, by its code in the file's `countries`, if it counts one.
    pub country: Option<String>,
}

impl Bar {
    /// A bar for a figure from the file.
    #[must_use]
    pub fn of(figure: &Figure, figures: &Figures) -> Self {
        Self {
            id: figure.id.clone(),
            label: figure.label.clone(),
            value: figure.value,
            unit: figure.unit,
            kind: figure.kind,
            measure: figures
                .measure(&figure.measure)
                .unwrap_or_else(|_| Measure::derived(figure.measure.clone(), String::new())),
            bound: figure.bound,
            years: figure.years(),
            source: figures.source_name(&figure.source),
            note: figure.note.clone(),
            converted_from: None,
            from: None,
            annotation: None,
            country: figure.country.clone(),
        }
    }

    /// A bar computed by the program: `source` states the arithmetic.
    #[must_use]
    pub fn derived(
        id: String,
        label: String,
        value: Option<f64>,
        unit: Unit,
        measure: Measure,
        years: String,
        source: String,
    ) -> Self {
        Self {
            id,
            label,
            value,
            unit,
            kind: Kind::Derived,
            measure,
            bound: Bound::Exact,
            years,
            source,
            note: None,
            converted_from: None,
            from: None,
            annotation: None,
            country: None,
        }
    }

    /// Whether the bar counts the country `code` (never, given none).
    #[must_use]
    pub fn counts(&self, code: Option<&str>) -> bool {
        code.is_some() && self.country.as_deref() == code
    }

    /// The value in words: `"€14 bn"`, `"at least 1.5 min"`, or `"no figure"`.
    #[must_use]
    pub fn value_text(&self) -> String {
        let Some(value) = self.value else {
            return self.bare_value_text();
        };
        // A bound is rounded on its safe side: a floor down, a ceiling up.
        let bounded = match self.bound {
            Bound::Exact => return self.bare_value_text(),
            Bound::AtLeast => wording::toward_bound(value, self.unit, true),
            Bound::AtMost => wording::toward_bound(value, self.unit, false),
        };
        format!(
            "{}{}",
            self.bound.words(),
            self.words_for(self.from, Some(bounded))
        )
    }

    /// The value in words without its bound: `"7,500 km/h"` for a peak of 7,500 km/h.
    #[must_use]
    pub fn bare_value_text(&self) -> String {
        self.words_for(self.from, self.value)
    }

    /// A value (or a range from `from`) in the bar's unit, in words.
    fn words_for(&self, from: Option<f64>, value: Option<f64>) -> String {
        match (from, value) {
            (_, None) => "no figure".to_string(),
            (Some(from), Some(to)) => {
                let (from, to) = (
                    wording::amount(from, self.unit),
                    wording::amount(to, self.unit),
                );
                // "18 months" and "24 months" make "18–24 months".
                match (from.split_once(' '), to.split_once(' ')) {
                    (Some((f, unit_f)), Some((t, unit_t))) if unit_f == unit_t => {
                        format!("{f}–{t} {unit_t}")
                    }
                    _ => format!("{from} to {to}"),
                }
            }
            (None, Some(v)) => wording::amount(v, self.unit),
        }
    }

    /// Kind and years, as printed beside the value: `"reference, 2024"`.
    #[must_use]
    pub fn provenance(&self) -> String {
        let converted = if self.converted_from.is_some() {
            ", converted"
        } else {
            ""
        };
        if self.years.is_empty() {
            format!("{}{converted}", self.kind.words())
        } else {
            format!("{}, {}{converted}", self.kind.words(), self.years)
        }
    }

    /// The words that set the bar apart from `common` (what its panel's subtitle says the bars
    /// are): its kind (unless its label says it), its years and "converted", each only where the subtitle does not already
    /// say it; empty for a bar like the rest.
    #[must_use]
    pub fn apart_from(&self, common: &Origin) -> String {
        let mut words = String::new();
        let mut add = |part: &str| {
            if !words.is_empty() {
                words.push_str(", ");
            }
            words.push_str(part);
        };
        // Its kind, unless its label says it already ("Your guess").
        let kind = self.kind.words();
        if common.kind != Some(self.kind) && !wording::says(&self.label.to_ascii_lowercase(), kind)
        {
            add(kind);
        }
        if common.years.as_deref() != Some(self.years.as_str()) && !self.years.is_empty() {
            add(&self.years);
        }
        if self.converted_from.is_some() && !common.converted {
            add("converted");
        }
        words
    }

    /// Everything about the bar in one line, for a tooltip or a screen reader:
    /// `"Ruritania: 216,100. Measure: active military personnel. Reference, 2024. Source: The
    /// Alliance."`
    #[must_use]
    pub fn describe(&self) -> String {
        let value = self.value_text();
        // An annotation's words often give its value already: it is not said twice.
        let said = |w: &str| wording::says(&self.label, w);
        let mut words = if said(&value) || (self.value.is_some() && said(&self.bare_value_text())) {
            self.label.clone()
        } else {
            format!("{}: {value}", self.label)
        };
        if let Some(original) = &self.converted_from {
            words.push_str(&format!(" (converted from {original})"));
        }
        let kind = wording::capitalised(self.kind.words());
        let years = if self.years.is_empty() {
            String::new()
        } else {
            format!(", {}", self.years)
        };
        words.push_str(&format!(
            ". Measure: {}. {kind}{years}. Source: {}.",
            self.measure.name, self.source
        ));
        if let Some(note) = &self.note {
            words.push_str(&format!(" {note}."));
        }
        // The chart may write the note under the bar: it is said once.
        if let Some(words_under) = self
            .annotation
            .as_ref()
            .filter(|a| Some(*a) != self.note.as_ref())
        {
            words.push_str(&format!(" {words_under}."));
        }
        words
    }
}

/// What a panel's bars are, as its subtitle says it once: the kind and the years that most of
/// them share (at least two, or the only one), and whether most were converted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// As reported, reference, derived or the reader's scenario; `None` if no kind is shared.
    pub kind: Option<Kind>,
    /// The year or span; `None` if none is shared.
    pub years: Option<String>,
    /// Whether most of the values were converted to another currency.
    pub converted: bool,
}

impl Origin {
    /// The words for a subtitle: `"Reference, 2024"`, `"As reported, 2025, converted"`.
    #[must_use]
    pub fn words(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(kind) = self.kind {
            parts.push(wording::capitalised(kind.words()));
        }
        parts.extend(self.years.clone());
        if self.converted {
            parts.push("converted".into());
        }
        parts.join(", ")
    }
}

/// The value most of `items` share, if at least two share it (or it is the only one of `of`
/// bars); the earliest among equals.
fn shared<T: PartialEq + Clone>(items: &[T], of: usize) -> Option<T> {
    let mut best: Option<(&T, usize)> = None;
    for item in items {
        let n = items.iter().filter(|i| *i == item).count();
        if best.is_none_or(|(_, most)| n > most) {
            best = Some((item, n));
        }
    }
    best.filter(|&(_, n)| n >= 2 || of == 1)
        .map(|(item, _)| item.clone())
}

/// Bars in one unit on one value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// The panel's heading.
    pub title: String,
    /// The unit of every bar and of the axis.
    pub unit: Unit,
    /// The bars, in drawing order.
    pub bars: Vec<Bar>,
    /// Its lines and bands with their words, in the order declared.
    pub notes: Vec<Annotation>,
    /// The value axis, covering every bar, line and band.
    pub axis: Axis,
}

impl Panel {
    /// What the panel's bars with a value share, said once in its subtitle.
    #[must_use]
    pub fn common_origin(&self) -> Origin {
        let valued: Vec<&Bar> = self.bars.iter().filter(|b| b.value.is_some()).collect();
        let kinds: Vec<Kind> = valued.iter().map(|b| b.kind).collect();
        let years: Vec<&str> = valued
            .iter()
            .map(|b| b.years.as_str())
            .filter(|y| !y.is_empty())
            .collect();
        let converted = valued.iter().filter(|b| b.converted_from.is_some()).count();
        Origin {
            kind: shared(&kinds, valued.len()),
            years: shared(&years, valued.len()).map(str::to_string),
            converted: converted * 2 > valued.len(),
        }
    }

    /// The panel's subtitle: what its bars share, once (`"Reference, 2024"`), and whether some
    /// bars differ and say so themselves; `None` if they share nothing.
    #[must_use]
    pub fn subtitle(&self) -> Option<String> {
        self.subtitle_given(&self.common_origin())
    }

    /// The subtitle for `common`, what [`Panel::common_origin`] found (for a caller that needs
    /// both, so that the bars are read once).
    #[must_use]
    pub fn subtitle_given(&self, common: &Origin) -> Option<String> {
        let words = common.words();
        if words.is_empty() {
            return None;
        }
        let all_alike = self
            .bars
            .iter()
            .filter(|b| b.value.is_some())
            .all(|b| b.apart_from(common).is_empty());
        Some(if all_alike {
            words
        } else {
            format!("{words}, unless marked")
        })
    }

    /// A panel whose axis covers its bars with about a tenth to spare.
    #[must_use]
    pub fn new(title: String, unit: Unit, bars: Vec<Bar>) -> Self {
        let mut panel = Self {
            title,
            unit,
            bars,
            notes: Vec::new(),
            axis: Axis::covering(0.0, AXIS_STEPS),
        };
        panel.fit_axis();
        panel
    }

    /// Adds a line or a band, widening the axis to cover it.
    pub fn annotate(&mut self, note: Annotation) {
        self.notes.push(note);
        self.fit_axis();
    }

    /// Every data row the panel draws, in reading order: its lines and bands (written above
    /// its bars), then its bars.
    pub fn rows(&self) -> impl Iterator<Item = &Bar> {
        self.notes.iter().map(|n| &n.row).chain(&self.bars)
    }

    fn fit_axis(&mut self) {
        let largest = self
            .bars
            .iter()
            .filter_map(|b| b.value)
            .chain(self.notes.iter().map(|n| match n.anchor {
                Anchor::Line(v) => v,
                Anchor::Band(a, b) => a.max(b),
            }))
            .fold(0.0_f64, f64::max);
        self.axis = Axis::covering(largest * 1.1, AXIS_STEPS);
    }
}

/// Bars from figure ids, in the order given.
///
/// # Errors
/// A [`DataError`] if an id names no figure.
pub fn bars_of(ids: &[String], figures: &Figures) -> Result<Vec<Bar>, DataError> {
    let mut bars = Vec::with_capacity(ids.len());
    for id in ids {
        bars.push(Bar::of(figures.get(id)?, figures));
    }
    Ok(bars)
}

/// Sorts a short list in place, stably, by `before` (an insertion sort: charts hold a few
/// bars, and one small routine serves every order in the wasm).
pub fn sort_few<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 {
            let swap = match (items.get(j), items.get(j - 1)) {
                (Some(a), Some(b)) => before(a, b),
                _ => false,
            };
            if !swap {
                break;
            }
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts bars largest first; bars with no figure go last; ties keep their order.
pub fn rank(bars: &mut [Bar]) {
    sort_few(bars, |a, b| match (a.value, b.value) {
        (Some(x), Some(y)) => x > y,
        (Some(_), None) => true,
        _ => false,
    });
}

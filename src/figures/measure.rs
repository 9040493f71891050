//! What a number measures, and whether it is a limit: the vocabulary a figures file declares
//! (things in a fleet, things ready for use; a ministry's budget, total spending) and
//! the bound a value derived from a peak or a cap carries.

use serde::Deserialize;

/// One entry of the file's vocabulary of measures.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct MeasureSpec {
    /// What is counted, in a few words a reader understands: "vehicles in the fleet".
    pub name: String,
    /// One sentence saying exactly what is counted and what is not.
    pub definition: String,
    /// For a growth in percent: the measure that grows (a key of the vocabulary). A growth rule
    /// computes it from figures of that measure. Read natively only, where claims are checked.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing)]
    #[serde(default)]
    pub growth_of: Option<String>,
    /// For a share in percent: the measure of the whole (a key of the vocabulary).
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing)]
    #[serde(default)]
    pub share_of: Option<String>,
}

/// A figure's measure, resolved from the vocabulary: its key, name and definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// The key in the file's `measures`; derived measures have none.
    pub key: String,
    /// What is counted.
    pub name: String,
    /// Exactly what is counted.
    pub definition: String,
}

impl Measure {
    /// The measure at `key` of the vocabulary.
    #[must_use]
    pub fn declared(key: &str, spec: &MeasureSpec) -> Self {
        Self {
            key: key.to_string(),
            name: spec.name.clone(),
            definition: spec.definition.clone(),
        }
    }

    /// A measure computed from another, named and defined in words (it has no key).
    #[must_use]
    pub fn derived(name: String, definition: String) -> Self {
        Self {
            key: String::new(),
            name,
            definition,
        }
    }

    /// A value as a share of this measure: "share of active military personnel".
    #[must_use]
    pub fn share(&self) -> Self {
        Self::derived(
            format!("share of {}", self.name),
            format!("A part as a percentage of {}.", self.name),
        )
    }

    /// The time to cover a distance at this measure's speed.
    #[must_use]
    pub fn time_at(&self) -> Self {
        Self::derived(
            format!("time at the {}", self.name),
            format!("A distance divided by the {}.", self.name),
        )
    }

    /// The change from one value of this measure to another, in percent.
    #[must_use]
    pub fn growth(&self) -> Self {
        Self::derived(
            format!("growth of {}", self.name),
            format!(
                "The change in {}, in percent of the earlier value.",
                self.name
            ),
        )
    }
}

/// Whether a value is the quantity itself or a limit on it. A peak or a cap (a top
/// speed, a range "up to 500 km") is an upper limit; a value derived from one is a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The value itself.
    #[default]
    Exact,
    /// The quantity is at least this value.
    AtLeast,
    /// The quantity is at most this value (a peak or a cap).
    AtMost,
}

impl Bound {
    /// The bound of a value divided by one with this bound: dividing by a peak gives a floor.
    #[must_use]
    pub fn inverse(self) -> Self {
        match self {
            Bound::Exact => Bound::Exact,
            Bound::AtLeast => Bound::AtMost,
            Bound::AtMost => Bound::AtLeast,
        }
    }

    /// The words before a value: "at least ", "at most ", or nothing.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Bound::Exact => "",
            Bound::AtLeast => "at least ",
            Bound::AtMost => "at most ",
        }
    }
}

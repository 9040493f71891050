//! One figure of the figures file: its value, unit, kind (as reported, reference, derived or
//! the reader's scenario), year and source.

use serde::Deserialize;

use super::Bound;

/// How a figure came to be on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A figure as the article reports it, checked or not.
    AsReported,
    /// A public reference figure that puts the article's numbers in context.
    Reference,
    /// Computed by this program from other figures; never typed into the data file.
    Derived,
    /// Set by the reader with the page's controls; never typed into the data file.
    Scenario,
    /// The reader's guess at a value before it is shown (`model::guess`); never in the data
    /// file.
    #[serde(skip)]
    Guess,
}

impl Kind {
    /// The words a reader sees next to a value.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Kind::AsReported => "as reported",
            Kind::Reference => "reference",
            Kind::Derived => "derived",
            Kind::Scenario => "scenario",
            Kind::Guess => "your guess",
        }
    }
}

/// What a value counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Active military personnel, or troops.
    Personnel,
    /// Billions of euros.
    EurBn,
    /// Billions of US dollars.
    UsdBn,
    /// A percentage (3 means 3%).
    Percent,
    /// An exchange rate: US dollars for one euro.
    UsdPerEur,
    /// Countries or delegations.
    Countries,
    /// Billions of złoty (PLN).
    PlnBn,
    /// A plain count of things.
    Count,
    /// Months.
    Months,
    /// Kilometres.
    Km,
    /// Kilometres per hour.
    KmPerH,
    /// Minutes.
    Minutes,
}

impl Unit {
    /// The unit's name in the figures file: `"eur_bn"`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Unit::Personnel => "personnel",
            Unit::EurBn => "eur_bn",
            Unit::UsdBn => "usd_bn",
            Unit::Percent => "percent",
            Unit::UsdPerEur => "usd_per_eur",
            Unit::Countries => "countries",
            Unit::PlnBn => "pln_bn",
            Unit::Count => "count",
            Unit::Months => "months",
            Unit::Km => "km",
            Unit::KmPerH => "km_per_h",
            Unit::Minutes => "minutes",
        }
    }
}

/// Where figures come from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short name shown on a chart's source line, e.g. "The Alliance".
    pub name: String,
    /// The full title of the report or article.
    pub title: String,
    /// Who quoted it, when the page relies on a quotation.
    #[serde(default)]
    pub quoted_by: Option<String>,
    /// A link a reader can follow.
    #[serde(default)]
    pub url: Option<String>,
}

/// One number, with everything needed to say where it comes from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Stable identifier, used by charts and links.
    pub id: String,
    /// What the number is, in a reader's words.
    pub label: String,
    /// The value; `null` where no public figure exists (the page then says "no figure").
    pub value: Option<f64>,
    /// What the value counts.
    pub unit: Unit,
    /// As reported, reference or derived.
    pub kind: Kind,
    /// What the value counts: a key of the file's `measures`.
    pub measure: String,
    /// Whether the value is a limit (a peak or a cap: `at_most`) rather than the quantity.
    #[serde(default)]
    pub bound: Bound,
    /// Key into [`FiguresFile::sources`](super::FiguresFile::sources).
    pub source: String,
    /// The year the figure refers to.
    pub year: u16,
    /// The last year of a span ("2024–2027"), if the figure covers several years.
    #[serde(default)]
    pub until: Option<u16>,
    /// A remark a reader should see with the number.
    #[serde(default)]
    pub note: Option<String>,
    /// The day the figure refers to (`YYYY-MM-DD`), for dated figures such as meetings.
    #[serde(default)]
    pub date: Option<String>,
    /// The country the figure counts, by its code in the file's `countries`, if it counts one.
    #[serde(default)]
    pub country: Option<String>,
}

impl Figure {
    /// The year or span of years, as a reader sees it.
    #[must_use]
    pub fn years(&self) -> String {
        match self.until {
            Some(last) if last != self.year => format!("{}–{last}", self.year),
            _ => self.year.to_string(),
        }
    }
}

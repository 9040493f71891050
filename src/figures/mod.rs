//! The figures file: every number the page shows, with its source, year and kind.
//!
//! Data enters the program only through `parse` (the editors' text, natively) or `from_digest`
//! (in the browser, the digest the build writes of a checked file, [`Figures::digest`]), which
//! read it, check it (`cross_check.rs`, and natively `claim_rules.rs`) and return either
//! [`Figures`] or a [`DataError`] naming the field's path (`figures[3].value`).

mod chart_rules;
mod chart_specs;
mod claim_specs;
mod country;
// The claims are checked natively only (the browser's digest leaves them out).
#[cfg(not(target_arch = "wasm32"))]
mod claim_rules;
mod cross_check;
mod digest_reader;
mod figure;
mod keyed;
mod measure;
mod place;
#[cfg(not(target_arch = "wasm32"))]
mod story_frame;

use std::fmt;

use serde::Deserialize;

#[cfg(not(target_arch = "wasm32"))]
pub use chart_specs::GuessSpec;
pub use chart_specs::{
    AnnotationSpec, BudgetPanelSpec, BudgetsSpec, ChartKind, ChartSpec, ContributorSpec,
    FlightTimesSpec, ForceScenarioSpec, Order, PanelSpec, TroopShareSpec, UnitChartSpec,
};
pub use chart_specs::{ForceMapSpec, MapSpec, MemberSpec, ReachMapSpec};
pub use claim_specs::{Check, ClaimSpec, ReadingSpec, Tolerance};
pub use country::CountrySpec;
pub use figure::{Figure, Kind, Source, Unit};
pub use keyed::Keyed;
pub use measure::{Bound, Measure, MeasureSpec};
pub use place::{route, Place};
#[cfg(not(target_arch = "wasm32"))]
pub use story_frame::{StoryFrame, Term};

/// The figures file as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct FiguresFile {
    /// Sources by key.
    pub sources: Keyed<Source>,
    /// What each figure may measure, by key: the file's vocabulary.
    pub measures: Keyed<MeasureSpec>,
    /// The countries the figures and maps name, by three-letter code.
    #[serde(default)]
    pub countries: Keyed<CountrySpec>,
    /// Places by their coordinates (to two decimals), for distances the program computes.
    #[serde(default)]
    pub places: Vec<Place>,
    /// Every figure.
    pub figures: Vec<Figure>,
    /// The charts, in the order of the page.
    pub charts: Vec<ChartSpec>,
    /// The article's numeric claims and how each is checked. The claims check is published by
    /// the native build, so the browser's digest leaves them out.
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(skip_serializing)]
    pub claims: Vec<ClaimSpec>,
    /// The story's frame above the article (published by the native build; the digest leaves
    /// it out).
    #[cfg(not(target_arch = "wasm32"))]
    #[serde(default, skip_serializing)]
    pub story: Option<StoryFrame>,
}

impl FiguresFile {
    /// The article's claims and their checks (none in the browser, which skips them).
    #[must_use]
    pub fn claim_specs(&self) -> &[ClaimSpec] {
        #[cfg(not(target_arch = "wasm32"))]
        return &self.claims;
        #[cfg(target_arch = "wasm32")]
        &[]
    }
}

/// A checked figures file: every reference resolves.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    file: FiguresFile,
}

/// A problem in the figures file, with the path of the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// Where: `figures[3].value`, `charts[1].budgets.sums.figures[2]`.
    pub path: String,
    /// What is wrong, in an editor's words.
    pub message: String,
}

impl DataError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            write!(f, "figures file: {}", self.message)
        } else {
            write!(f, "figures file, {}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for DataError {}

/// Reads and checks the figures file from its text, with the field's path in every error.
///
/// # Errors
/// A [`DataError`] with the field's path when the JSON is malformed, a field has the wrong type,
/// a value is negative or not finite, an id repeats, or a source, measure, place or figure
/// reference is missing.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Figures, DataError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let file: FiguresFile = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| DataError::new(e.path().to_string(), e.inner().to_string()))?;
    de.end()
        .map_err(|e| DataError::new("", format!("text after the end of the data: {e}")))?;
    Figures::check(file)
}

/// Reads the figures as the browser receives them: the digest the build writes from a checked
/// figures file ([`Figures::digest`]), which the build refuses to write for a file that fails
/// its checks. The browser does not run those checks again (they were about 5 KB of the chart
/// program): it refuses bytes that do not read as a digest, and any value that is not a finite
/// amount, the one thing the arithmetic could not survive. A reference that does not resolve
/// fails the chart that makes it, with a message, as every lookup returns an error.
///
/// # Errors
/// A [`DataError`] when the bytes are no digest of a figures file, or a value is negative or
/// not finite.
#[cfg(target_arch = "wasm32")]
pub fn from_digest(bytes: &[u8]) -> Result<Figures, DataError> {
    let file = read_digest(bytes)?;
    cross_check::check_amounts(&file)?;
    Ok(Figures { file })
}

/// Reads the digest the build writes of a figures file (postcard's encoding: the fields in
/// their declared order, without names, and without what only the build reads: the claims, and
/// the charts' headings, heights, text alternatives, places, notes and takeaway templates),
/// unchecked, by hand (`digest_reader`). Reading it takes neither a JSON parser nor field
/// names into the wasm, nor serde's generated readers.
///
/// Read in the browser; natively, by the test that reads the digest back (what only the build
/// reads comes back empty).
///
/// # Errors
/// A [`DataError`] when the bytes are no such digest, or have bytes after its end.
pub fn read_digest(bytes: &[u8]) -> Result<FiguresFile, DataError> {
    digest_reader::figures_file(bytes).ok_or_else(|| {
        DataError::new(
            "",
            "its digest does not read, or has bytes after its end; the page's build writes it \
             again from the figures file",
        )
    })
}

impl Figures {
    /// Checks a file already read: every reference resolves in the unit it needs, every
    /// figure has a source and a declared measure (the checks [`parse`] and `from_digest` run).
    ///
    /// # Errors
    /// A [`DataError`] naming the field's path.
    pub fn check(file: FiguresFile) -> Result<Figures, DataError> {
        cross_check::check(&file)?;
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(story) = &file.story {
            story.check()?;
        }
        Ok(Figures { file })
    }

    /// The digest the browser reads (`from_digest`): what the chart program needs of this
    /// file, in postcard's encoding.
    ///
    /// # Errors
    /// A [`DataError`] if the encoding fails (it does not for a file that was read).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn digest(&self) -> Result<Vec<u8>, DataError> {
        postcard::to_allocvec(&self.file)
            .map_err(|e| DataError::new("", format!("the figures digest: {e}")))
    }

    /// The figure with this id.
    ///
    /// # Errors
    /// A [`DataError`] when no figure has that id (a checked file never asks for one).
    pub fn get(&self, id: &str) -> Result<&Figure, DataError> {
        self.file
            .figures
            .iter()
            .find(|f| f.id == id)
            .ok_or_else(|| DataError::new("figures", format!("no figure with id “{id}”")))
    }

    /// The source a figure cites.
    #[must_use]
    pub fn source_of(&self, figure: &Figure) -> Option<&Source> {
        self.file.sources.get(&figure.source)
    }

    /// The source at `key`.
    #[must_use]
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.file.sources.get(key)
    }

    /// The short name of the source at `key`, or the key itself.
    #[must_use]
    pub fn source_name(&self, key: &str) -> String {
        self.file
            .sources
            .get(key)
            .map_or_else(|| key.to_string(), |s| s.name.clone())
    }

    /// The measure at `key` of the file's vocabulary.
    ///
    /// # Errors
    /// A [`DataError`] when the vocabulary has no such key (a checked file never asks for one).
    pub fn measure(&self, key: &str) -> Result<Measure, DataError> {
        self.file
            .measures
            .get(key)
            .map(|spec| Measure::declared(key, spec))
            .ok_or_else(|| DataError::new("measures", format!("no measure “{key}”")))
    }

    /// The country with this three-letter code.
    #[must_use]
    pub fn country(&self, code: &str) -> Option<&CountrySpec> {
        self.file.countries.get(code)
    }

    /// Every country of the file, by code, in the file's order.
    pub fn countries(&self) -> impl Iterator<Item = (&String, &CountrySpec)> {
        self.file.countries.iter()
    }

    /// The place with this id.
    ///
    /// # Errors
    /// A [`DataError`] when no place has that id (a checked file never asks for one).
    pub fn place(&self, id: &str) -> Result<&Place, DataError> {
        self.file
            .places
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| DataError::new("places", format!("no place with id “{id}”")))
    }

    /// Every figure, in file order.
    #[must_use]
    pub fn all(&self) -> &[Figure] {
        &self.file.figures
    }

    /// The charts, in the order of the page.
    #[must_use]
    pub fn charts(&self) -> &[ChartSpec] {
        &self.file.charts
    }

    /// The first chart of a kind, if the file has one (the reader's scenario starts from the
    /// force scenario's).
    #[must_use]
    pub fn chart_of_kind(&self, kind: ChartKind) -> Option<&ChartSpec> {
        self.file.charts.iter().find(|c| c.kind == kind)
    }

    /// Every figure id `chart` draws: those it names, and those of the charts it follows (a
    /// reach map draws its flight time chart's range, speed and the distance it cannot place; a
    /// map of who sends shares the force the page's scenario starts from).
    #[must_use]
    pub fn drawn_by<'a>(&'a self, chart: &'a ChartSpec) -> Vec<&'a str> {
        let followed = chart
            .reach_map
            .as_ref()
            .and_then(|r| self.charts().iter().find(|c| c.slug == r.flights))
            .and_then(|c| c.flight_times.as_ref());
        let force = chart
            .force_map
            .as_ref()
            .and_then(|_| self.chart_of_kind(ChartKind::ForceScenario))
            .and_then(|c| c.force_scenario.as_ref())
            .map(|s| s.force.as_str());
        let mut ids = chart.figure_ids();
        ids.extend(
            followed
                .into_iter()
                .flat_map(|g| [g.range.as_str(), &g.speed, &g.staging]),
        );
        ids.extend(force);
        ids
    }

    /// The story's frame above the article, if the file declares one.
    #[cfg(not(target_arch = "wasm32"))]
    #[must_use]
    pub fn story(&self) -> Option<&StoryFrame> {
        self.file.story.as_ref()
    }

    /// The article's claims and their checks (none in the browser, which skips them).
    #[must_use]
    pub fn claims(&self) -> &[ClaimSpec] {
        self.file.claim_specs()
    }
}

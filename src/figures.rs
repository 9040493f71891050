//! The figures file: every number the page shows, with its source, year and kind.
//!
//! Data enters the program only through [`parse`], which reads the JSON, checks it and returns
//! either [`Figures`] or a [`DataError`] naming the field's path (`figures[3].value`).

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

/// How a figure came to be on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
}

impl Kind {
    /// The words a reader sees next to a value.
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Kind::AsReported => "as reported",
            Kind::Reference => "reference",
            Kind::Derived => "derived",
            Kind::Scenario => "your scenario",
        }
    }
}

/// What a value counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
    /// Billions of Polish złoty.
    PlnBn,
    /// A plain count: tanks, aircraft, shells, vessels.
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
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short name shown on a chart's source line, e.g. "NATO".
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
    /// Key into [`FiguresFile::sources`].
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

/// Which figures the troop-share chart compares.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TroopShareSpec {
    /// The proposed force (as reported).
    pub force: String,
    /// The article's claim of the force's share of NATO, in percent.
    pub claim: String,
    /// The totals the force is set against (NATO, Europe + Canada).
    pub totals: Vec<String>,
    /// The armies in the ranked comparison.
    pub armies: Vec<String>,
}

/// One panel of the budget chart: figures that share a unit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetPanelSpec {
    /// The panel's heading, without its unit (the program adds it).
    pub title: String,
    /// The unit every figure in the panel must have.
    pub unit: Unit,
    /// The figures shown, by id.
    pub figures: Vec<String>,
}

/// Which figures the budget chart shows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetsSpec {
    /// The article's sums beside real instruments, in one currency.
    pub sums: BudgetPanelSpec,
    /// National defence budgets, in one currency.
    pub national: BudgetPanelSpec,
    /// National defence spending as a share of GDP (unit `percent`).
    pub national_gdp: BudgetPanelSpec,
    /// The exchange rate used when a reader switches currency (US$ per €).
    pub exchange_rate: String,
}

/// One nation that may contribute troops to the force.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContributorSpec {
    /// Its active personnel (the figure's label names the nation).
    pub personnel: String,
    /// Its defence budget, for sharing in proportion to budgets.
    pub budget: String,
}

/// Which figures the force-scenario chart uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForceScenarioSpec {
    /// The force as reported (the scenario's starting size).
    pub force: String,
    /// The first phase of the deployment (as reported).
    pub first_phase: String,
    /// The forces the sustained deployment is set against (Europe + Canada).
    pub pool: String,
    /// The nations sharing the force.
    pub contributors: Vec<ContributorSpec>,
}

/// Which figures the coalition-growth chart uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoalitionSpec {
    /// The dated meetings, in date order.
    pub meetings: Vec<String>,
    /// The article's count of delegations.
    pub count: String,
    /// The article's growth since February, in percent.
    pub growth: String,
}

/// Which figures the capability-gap chart uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapabilitySpec {
    /// Tanks: the article's figure and the references.
    pub tanks: Vec<String>,
    /// Aircraft: the article's figure and the references.
    pub aircraft: Vec<String>,
    /// The start of the time range to close the gaps.
    pub gap_from: String,
    /// The end of the time range.
    pub gap_to: String,
}

/// Which figure the intelligence chart shows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntelligenceSpec {
    /// The share of battlefield data through US systems, in percent.
    pub share: String,
}

/// Which figures the industry chart uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndustrySpec {
    /// The article's increase in shell orders, in percent.
    pub shell_orders: String,
    /// Shells funded by the Czech initiative.
    pub shells_funded: String,
    /// Shells the initiative could reach.
    pub shells_possible: String,
    /// The article's patrol vessels.
    pub vessels: String,
    /// The sector's expansion beside a real instrument, in one currency.
    pub sector: Vec<String>,
}

/// Which figures the geography chart uses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeographySpec {
    /// The article's distance of the force from the front.
    pub staging: String,
    /// Distances from cities to the Belarus border.
    pub distances: Vec<String>,
    /// The missile's range.
    pub range: String,
    /// The missile's speed.
    pub speed: String,
    /// The article's strike time, in minutes.
    pub claim_minutes: String,
}

/// How a claim is checked; the tolerances are stated in the data, the arithmetic is the program's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// The claim matches one of the references within `tolerance_pct` percent.
    Matches {
        /// Reference figures in the claim's unit.
        references: Vec<String>,
        /// Allowed difference, in percent of the reference.
        tolerance_pct: f64,
    },
    /// The claim is a growth in percent up to `now`: the count it implies before must match one
    /// of the `earlier` counts within `tolerance_pct` percent.
    GrowthSince {
        /// The count now.
        now: String,
        /// Counts reported earlier.
        earlier: Vec<String>,
        /// Allowed difference, in percent.
        tolerance_pct: f64,
    },
    /// The claim is a growth in percent from `from` to `to`, within `tolerance_points`.
    Growth {
        /// The earlier amount.
        from: String,
        /// The later amount.
        to: String,
        /// Allowed difference, in percentage points.
        tolerance_points: f64,
    },
    /// The claim is an upper bound on `part` as a percentage of each of `wholes`.
    ShareBelow {
        /// The part.
        part: String,
        /// The totals.
        wholes: Vec<String>,
    },
    /// The claim is an upper bound, in minutes, on a flight over each distance at `speed`.
    FlightWithin {
        /// Distances in km.
        distances: Vec<String>,
        /// Speed in km/h.
        speed: String,
    },
    /// No public figure to check the claim against; `context` figures are shown beside it.
    NoTrace {
        /// Related figures a reader may weigh.
        context: Vec<String>,
    },
}

/// One numeric claim of the article and how it is checked.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimSpec {
    /// Anchor name on the page (`claim-<id>`).
    pub id: String,
    /// The article's figure (as reported).
    pub figure: String,
    /// How it is checked.
    pub check: Check,
}

/// The charts the figures file defines.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpecs {
    /// The troop-share chart.
    pub troop_share: TroopShareSpec,
    /// The budget chart.
    pub budgets: BudgetsSpec,
    /// The force-scenario chart.
    pub force_scenario: ForceScenarioSpec,
    /// The coalition-growth chart.
    pub coalition: CoalitionSpec,
    /// The capability-gap chart.
    pub capability: CapabilitySpec,
    /// The intelligence chart.
    pub intelligence: IntelligenceSpec,
    /// The industry chart.
    pub industry: IndustrySpec,
    /// The geography chart.
    pub geography: GeographySpec,
}

/// The figures file as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresFile {
    /// Sources by key.
    pub sources: BTreeMap<String, Source>,
    /// Every figure.
    pub figures: Vec<Figure>,
    /// What each chart shows.
    pub charts: ChartSpecs,
    /// The article's numeric claims and how each is checked. The claims check is published by
    /// the native build, so the browser skips over them unread.
    #[cfg(not(target_arch = "wasm32"))]
    pub claims: Vec<ClaimSpec>,
    /// Skipped in the browser (see above).
    #[cfg(target_arch = "wasm32")]
    pub claims: serde::de::IgnoredAny,
}

/// A checked figures file: every reference resolves.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    file: FiguresFile,
}

/// A problem in the figures file, with the path of the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// Where: `figures[3].value`, `charts.budgets.panels[0].figures[2]`.
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

/// Reads and checks the figures file. In the browser the text is parsed by the browser's own
/// JSON parser and read through serde from there, which keeps a JSON parser out of the wasm.
///
/// # Errors
/// A [`DataError`] with the field's path when the JSON is malformed, a field has the wrong type,
/// a value is negative or not finite, an id repeats, or a source or figure reference is missing.
pub fn parse(text: &str) -> Result<Figures, DataError> {
    let file = read(text)?;
    check(&file)?;
    Ok(Figures { file })
}

#[cfg(not(target_arch = "wasm32"))]
fn read(text: &str) -> Result<FiguresFile, DataError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let file = serde_path_to_error::deserialize(&mut de).map_err(located)?;
    de.end()
        .map_err(|e| DataError::new("", format!("text after the end of the data: {e}")))?;
    Ok(file)
}

#[cfg(target_arch = "wasm32")]
fn read(text: &str) -> Result<FiguresFile, DataError> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let why = js_sys::Error::from(e).message();
        DataError::new("", format!("not valid JSON ({})", String::from(why)))
    })?;
    let de = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(de).map_err(located)
}

fn located<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> DataError {
    // The browser's errors print as "Error: …"; the figure's message says that already.
    let message = e.inner().to_string();
    let message = message.strip_prefix("Error: ").unwrap_or(&message);
    DataError::new(e.path().to_string(), message)
}

fn check(file: &FiguresFile) -> Result<(), DataError> {
    let mut seen = BTreeMap::new();
    for (i, figure) in file.figures.iter().enumerate() {
        let at = |field: &str| format!("figures[{i}].{field}");
        if figure.id.trim().is_empty() {
            return Err(DataError::new(at("id"), "an id may not be empty"));
        }
        if let Some(first) = seen.insert(figure.id.as_str(), i) {
            return Err(DataError::new(
                at("id"),
                format!(
                    "duplicate id “{}”, first used at figures[{first}]",
                    figure.id
                ),
            ));
        }
        if !file.sources.contains_key(&figure.source) {
            return Err(DataError::new(
                at("source"),
                format!("no source “{}” in “sources”", figure.source),
            ));
        }
        if let Some(value) = figure.value {
            if !value.is_finite() || value < 0.0 {
                return Err(DataError::new(
                    at("value"),
                    format!("{value} is not a count or amount (expected a finite number ≥ 0)"),
                ));
            }
        }
        if matches!(figure.kind, Kind::Derived | Kind::Scenario) {
            return Err(DataError::new(
                at("kind"),
                "derived and scenario figures are computed by the program, not written in the data file",
            ));
        }
        if figure.until.is_some_and(|last| last < figure.year) {
            return Err(DataError::new(at("until"), "ends before it starts"));
        }
    }
    let unit_of = |id: &str| file.figures.iter().find(|f| f.id == id).map(|f| f.unit);
    // Every id a chart names must exist, in the unit the chart expects.
    let resolves = |id: &str, path: String, unit: Option<Unit>| -> Result<(), DataError> {
        match (unit_of(id), unit) {
            (None, _) => Err(DataError::new(path, format!("no figure with id “{id}”"))),
            (Some(found), Some(wanted)) if found != wanted => Err(DataError::new(
                path,
                format!(
                    "“{id}” is in {}, not in {} as this chart needs",
                    found.key(),
                    wanted.key()
                ),
            )),
            _ => Ok(()),
        }
    };
    let charts = &file.charts;
    let troops = &charts.troop_share;
    resolves(
        &troops.force,
        "charts.troop_share.force".into(),
        Some(Unit::Personnel),
    )?;
    resolves(
        &troops.claim,
        "charts.troop_share.claim".into(),
        Some(Unit::Percent),
    )?;
    for (i, id) in troops.totals.iter().enumerate() {
        resolves(
            id,
            format!("charts.troop_share.totals[{i}]"),
            Some(Unit::Personnel),
        )?;
    }
    for (i, id) in troops.armies.iter().enumerate() {
        resolves(
            id,
            format!("charts.troop_share.armies[{i}]"),
            Some(Unit::Personnel),
        )?;
    }
    let budgets = &charts.budgets;
    let panels = [
        ("sums", &budgets.sums),
        ("national", &budgets.national),
        ("national_gdp", &budgets.national_gdp),
    ];
    for (name, panel) in panels {
        let money = matches!(panel.unit, Unit::EurBn | Unit::UsdBn);
        if money == (name == "national_gdp") {
            return Err(DataError::new(
                format!("charts.budgets.{name}.unit"),
                if money {
                    "this panel is in percent"
                } else {
                    "this panel is in eur_bn or usd_bn"
                },
            ));
        }
        for (i, id) in panel.figures.iter().enumerate() {
            resolves(
                id,
                format!("charts.budgets.{name}.figures[{i}]"),
                Some(panel.unit),
            )?;
        }
    }
    resolves(
        &budgets.exchange_rate,
        "charts.budgets.exchange_rate".into(),
        Some(Unit::UsdPerEur),
    )?;
    let scenario = &charts.force_scenario;
    resolves(
        &scenario.force,
        "charts.force_scenario.force".into(),
        Some(Unit::Personnel),
    )?;
    resolves(
        &scenario.first_phase,
        "charts.force_scenario.first_phase".into(),
        Some(Unit::Personnel),
    )?;
    resolves(
        &scenario.pool,
        "charts.force_scenario.pool".into(),
        Some(Unit::Personnel),
    )?;
    for (i, c) in scenario.contributors.iter().enumerate() {
        let at = format!("charts.force_scenario.contributors[{i}]");
        resolves(
            &c.personnel,
            format!("{at}.personnel"),
            Some(Unit::Personnel),
        )?;
        resolves(&c.budget, format!("{at}.budget"), None)?;
        let first_budget = scenario
            .contributors
            .first()
            .and_then(|c| unit_of(&c.budget));
        if !matches!(unit_of(&c.budget), Some(Unit::EurBn | Unit::UsdBn))
            || unit_of(&c.budget) != first_budget
        {
            return Err(DataError::new(
                format!("{at}.budget"),
                "budgets are all in eur_bn or all in usd_bn",
            ));
        }
    }
    for (path, id, unit) in more_references(file) {
        resolves(id, path, unit)?;
    }
    let mut claim_ids = BTreeMap::new();
    for (i, claim) in claims_of(file).iter().enumerate() {
        if let Some(first) = claim_ids.insert(claim.id.as_str(), i) {
            return Err(DataError::new(
                format!("claims[{i}].id"),
                format!(
                    "duplicate claim id “{}”, first used at claims[{first}]",
                    claim.id
                ),
            ));
        }
        let kind = file
            .figures
            .iter()
            .find(|f| f.id == claim.figure)
            .map(|f| f.kind);
        if kind.is_some_and(|k| k != Kind::AsReported) {
            return Err(DataError::new(
                format!("claims[{i}].figure"),
                "a claim checks a figure as reported by the article",
            ));
        }
        let tolerance = match &claim.check {
            Check::Matches { tolerance_pct, .. } | Check::GrowthSince { tolerance_pct, .. } => {
                Some(*tolerance_pct)
            }
            Check::Growth {
                tolerance_points, ..
            } => Some(*tolerance_points),
            _ => None,
        };
        if tolerance.is_some_and(|t| !t.is_finite() || t < 0.0) {
            return Err(DataError::new(
                format!("claims[{i}].check"),
                "a tolerance is a finite number ≥ 0",
            ));
        }
    }
    Ok(())
}

fn claims_of(file: &FiguresFile) -> &[ClaimSpec] {
    #[cfg(not(target_arch = "wasm32"))]
    return &file.claims;
    #[cfg(target_arch = "wasm32")]
    {
        let _ = file;
        &[]
    }
}

/// Every id the newer chart specs and the claims name, with its path and, where it matters,
/// the unit it must have.
fn more_references(file: &FiguresFile) -> Vec<(String, &str, Option<Unit>)> {
    let c = &file.charts;
    fn add<'a>(
        out: &mut Vec<(String, &'a str, Option<Unit>)>,
        path: String,
        id: &'a str,
        unit: Option<Unit>,
    ) {
        out.push((path, id, unit));
    }
    let mut out = Vec::new();
    for (i, id) in c.coalition.meetings.iter().enumerate() {
        add(
            &mut out,
            format!("charts.coalition.meetings[{i}]"),
            id,
            Some(Unit::Countries),
        );
    }
    add(
        &mut out,
        "charts.coalition.count".into(),
        &c.coalition.count,
        Some(Unit::Countries),
    );
    add(
        &mut out,
        "charts.coalition.growth".into(),
        &c.coalition.growth,
        Some(Unit::Percent),
    );
    for (i, id) in c.capability.tanks.iter().enumerate() {
        add(
            &mut out,
            format!("charts.capability.tanks[{i}]"),
            id,
            Some(Unit::Count),
        );
    }
    for (i, id) in c.capability.aircraft.iter().enumerate() {
        add(
            &mut out,
            format!("charts.capability.aircraft[{i}]"),
            id,
            Some(Unit::Count),
        );
    }
    add(
        &mut out,
        "charts.capability.gap_from".into(),
        &c.capability.gap_from,
        Some(Unit::Months),
    );
    add(
        &mut out,
        "charts.capability.gap_to".into(),
        &c.capability.gap_to,
        Some(Unit::Months),
    );
    add(
        &mut out,
        "charts.intelligence.share".into(),
        &c.intelligence.share,
        Some(Unit::Percent),
    );
    let ind = &c.industry;
    add(
        &mut out,
        "charts.industry.shell_orders".into(),
        &ind.shell_orders,
        Some(Unit::Percent),
    );
    add(
        &mut out,
        "charts.industry.shells_funded".into(),
        &ind.shells_funded,
        Some(Unit::Count),
    );
    add(
        &mut out,
        "charts.industry.shells_possible".into(),
        &ind.shells_possible,
        Some(Unit::Count),
    );
    add(
        &mut out,
        "charts.industry.vessels".into(),
        &ind.vessels,
        Some(Unit::Count),
    );
    for (i, id) in ind.sector.iter().enumerate() {
        add(
            &mut out,
            format!("charts.industry.sector[{i}]"),
            id,
            Some(Unit::EurBn),
        );
    }
    let geo = &c.geography;
    add(
        &mut out,
        "charts.geography.staging".into(),
        &geo.staging,
        Some(Unit::Km),
    );
    for (i, id) in geo.distances.iter().enumerate() {
        add(
            &mut out,
            format!("charts.geography.distances[{i}]"),
            id,
            Some(Unit::Km),
        );
    }
    add(
        &mut out,
        "charts.geography.range".into(),
        &geo.range,
        Some(Unit::Km),
    );
    add(
        &mut out,
        "charts.geography.speed".into(),
        &geo.speed,
        Some(Unit::KmPerH),
    );
    add(
        &mut out,
        "charts.geography.claim_minutes".into(),
        &geo.claim_minutes,
        Some(Unit::Minutes),
    );
    for (i, claim) in claims_of(file).iter().enumerate() {
        let at = |field: &str| format!("claims[{i}].{field}");
        add(&mut out, at("figure"), &claim.figure, None);
        match &claim.check {
            Check::Matches { references, .. } => {
                for (j, id) in references.iter().enumerate() {
                    add(&mut out, at(&format!("check.references[{j}]")), id, None);
                }
            }
            Check::GrowthSince { now, earlier, .. } => {
                add(&mut out, at("check.now"), now, None);
                for (j, id) in earlier.iter().enumerate() {
                    add(&mut out, at(&format!("check.earlier[{j}]")), id, None);
                }
            }
            Check::Growth { from, to, .. } => {
                add(&mut out, at("check.from"), from, None);
                add(&mut out, at("check.to"), to, None);
            }
            Check::ShareBelow { part, wholes } => {
                add(&mut out, at("check.part"), part, None);
                for (j, id) in wholes.iter().enumerate() {
                    add(&mut out, at(&format!("check.wholes[{j}]")), id, None);
                }
            }
            Check::FlightWithin { distances, speed } => {
                for (j, id) in distances.iter().enumerate() {
                    add(
                        &mut out,
                        at(&format!("check.distances[{j}]")),
                        id,
                        Some(Unit::Km),
                    );
                }
                add(&mut out, at("check.speed"), speed, Some(Unit::KmPerH));
            }
            Check::NoTrace { context } => {
                for (j, id) in context.iter().enumerate() {
                    add(&mut out, at(&format!("check.context[{j}]")), id, None);
                }
            }
        }
    }
    out
}

impl Figures {
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

    /// Every figure, in file order.
    #[must_use]
    pub fn all(&self) -> &[Figure] {
        &self.file.figures
    }

    /// What each chart shows.
    #[must_use]
    pub fn charts(&self) -> &ChartSpecs {
        &self.file.charts
    }

    /// The article's claims and their checks (none in the browser, which skips them).
    #[must_use]
    pub fn claims(&self) -> &[ClaimSpec] {
        #[cfg(not(target_arch = "wasm32"))]
        return &self.file.claims;
        #[cfg(target_arch = "wasm32")]
        &[]
    }
}

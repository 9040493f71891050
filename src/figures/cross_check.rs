//! The checks a figures file passes before the page uses it: ids unique and non-empty, values
//! finite and not negative, every figure's source and measure declared, places on the globe,
//! and every id a chart or a claim names present, in the unit the chart needs. The charts' own
//! rules are in `chart_rules.rs`, the claims' in `claim_rules.rs`.

use super::{DataError, FiguresFile, Kind, Unit};

/// Checks `file` as a whole; the first problem found is returned with its field's path.
pub(super) fn check(file: &FiguresFile) -> Result<(), DataError> {
    check_figures(file)?;
    check_places_and_measures(file)?;
    super::chart_rules::check(file)?;
    let unit_of = |id: &str| file.figures.iter().find(|f| f.id == id).map(|f| f.unit);
    for (path, id, wanted) in references(file).0 {
        match (unit_of(id), wanted) {
            (None, _) => return Err(DataError::new(path, format!("no figure with id “{id}”"))),
            (Some(found), Some(wanted)) if found != wanted => {
                return Err(DataError::new(
                    path,
                    format!(
                        "“{id}” is in {}, not in {} as this chart needs",
                        found.key(),
                        wanted.key()
                    ),
                ))
            }
            _ => {}
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    super::claim_rules::check(file)?;
    Ok(())
}

/// Every value a finite amount, not negative: the check the browser runs too
/// (`figures::from_digest`), as arithmetic on anything else has no meaning.
pub(super) fn check_amounts(file: &FiguresFile) -> Result<(), DataError> {
    for (i, figure) in file.figures.iter().enumerate() {
        if let Some(value) = figure.value.filter(|v| !v.is_finite() || *v < 0.0) {
            return Err(DataError::new(
                format!("figures[{i}].value"),
                not_an_amount(value),
            ));
        }
    }
    Ok(())
}

/// Each figure on its own: id, source, value, kind and years.
fn check_figures(file: &FiguresFile) -> Result<(), DataError> {
    check_amounts(file)?;
    for (i, figure) in file.figures.iter().enumerate() {
        let at = |field: &str| format!("figures[{i}].{field}");
        if figure.id.trim().is_empty() {
            return Err(DataError::new(at("id"), "an id may not be empty"));
        }
        if let Some(first) = first_of(file.figures.iter().map(|f| f.id.as_str()), i) {
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
        if matches!(figure.kind, Kind::Derived | Kind::Scenario) {
            return Err(DataError::new(
                at("kind"),
                "derived and scenario figures are computed by the program, not written in the data file",
            ));
        }
        if figure.until.is_some_and(|last| last < figure.year) {
            return Err(DataError::new(at("until"), "ends before it starts"));
        }
        if let Some(code) = figure
            .country
            .as_ref()
            .filter(|c| !file.countries.contains_key(c))
        {
            return Err(DataError::new(
                at("country"),
                format!("no country “{code}” in “countries”"),
            ));
        }
        if !file.measures.contains_key(&figure.measure) {
            return Err(DataError::new(
                at("measure"),
                format!("no measure “{}” in “measures”", figure.measure),
            ));
        }
    }
    Ok(())
}

/// The vocabulary's words are there, and each place has a unique id, a source and coordinates
/// on the globe; every route and meeting names what exists.
fn check_places_and_measures(file: &FiguresFile) -> Result<(), DataError> {
    for (key, spec) in &file.measures {
        if spec.name.trim().is_empty() || spec.definition.trim().is_empty() {
            return Err(DataError::new(
                format!("measures.{key}"),
                "a measure needs a name and a definition",
            ));
        }
    }
    for (i, place) in file.places.iter().enumerate() {
        let at = |field: &str| format!("places[{i}].{field}");
        if let Some(first) = first_of(file.places.iter().map(|p| p.id.as_str()), i) {
            return Err(DataError::new(
                at("id"),
                format!("duplicate id “{}”, first used at places[{first}]", place.id),
            ));
        }
        if !(-90.0..=90.0).contains(&place.lat) {
            return Err(DataError::new(
                at("lat"),
                "a latitude is between −90 and 90",
            ));
        }
        if !(-180.0..=180.0).contains(&place.lon) {
            return Err(DataError::new(
                at("lon"),
                "a longitude is between −180 and 180",
            ));
        }
        if !file.sources.contains_key(&place.source) {
            return Err(DataError::new(
                at("source"),
                format!("no source “{}” in “sources”", place.source),
            ));
        }
    }
    Ok(())
}

/// A route is a pair of ids of places of the file.
pub(super) fn check_route(file: &FiguresFile, pair: &[String], at: &str) -> Result<(), DataError> {
    if super::route(pair).is_none() {
        return Err(DataError::new(
            at,
            "a route is a pair of place ids: [\"from\", \"to\"]",
        ));
    }
    for (i, id) in pair.iter().enumerate() {
        if !file.places.iter().any(|p| &p.id == id) {
            return Err(DataError::new(
                format!("{at}[{i}]"),
                format!("no place with id “{id}”"),
            ));
        }
    }
    Ok(())
}

/// Ids named by the charts and the claims: each with its field's path and, where it matters,
/// the unit its figure must be in.
pub(super) struct References<'a>(pub(super) Vec<(String, &'a str, Option<Unit>)>);

impl<'a> References<'a> {
    pub(super) fn one(
        &mut self,
        path: impl Into<String>,
        id: &'a str,
        unit: impl Into<Option<Unit>>,
    ) {
        self.0.push((path.into(), id, unit.into()));
    }

    pub(super) fn each(
        &mut self,
        path: &str,
        ids: &'a [String],
        unit: impl Into<Option<Unit>> + Copy,
    ) {
        for (i, id) in ids.iter().enumerate() {
            self.one(format!("{path}[{i}]"), id, unit);
        }
    }
}

/// Every id the charts and the claims name.
fn references(file: &FiguresFile) -> References<'_> {
    let mut r = References(Vec::new());
    super::chart_rules::name_ids(file, &mut r);
    #[cfg(not(target_arch = "wasm32"))]
    super::claim_rules::name_ids(file, &mut r);
    r
}

/// Where the name at `i` of `names` was first used, if an earlier item has it too. (A scan: the
/// lists are short, and it keeps a map's code out of the wasm.)
pub(super) fn first_of<'a>(
    names: impl Iterator<Item = &'a str> + Clone,
    i: usize,
) -> Option<usize> {
    let name = names.clone().nth(i)?;
    names.take(i).position(|n| n == name)
}

/// Why `value` is no count or amount. The editor's build names the value; the browser, which
/// meets this only in a digest made by hand, names the field alone (writing a float would take
/// float formatting into the wasm for this message only).
fn not_an_amount(value: f64) -> String {
    let why = "is not a count or amount (expected a finite number ≥ 0)";
    #[cfg(not(target_arch = "wasm32"))]
    return format!("{value} {why}");
    #[cfg(target_arch = "wasm32")]
    {
        let _ = value;
        format!("the value {why}")
    }
}

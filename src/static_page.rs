//! What the native build writes for readers without the chart program: each chart's data as
//! CSV, and the claims check as HTML spliced into the article page. Both come from the same
//! models the charts draw.

use crate::catalogue::Model;
pub use crate::data_table::csv;
use crate::data_table::{self, AS_OPENED, DOWNLOAD, YOUR_DOWNLOAD};
use crate::model::claims::{Claim, Reading};

/// Where a figure's generated description and data table start and end in `index.html`.
#[must_use]
pub fn extras_markers(slug: &str) -> (String, String) {
    (
        format!("<!-- extras:{slug}:start -->"),
        format!("<!-- extras:{slug}:end -->"),
    )
}

/// The parts of a figure that every figure has and the data decides: its status and live lines,
/// the notice for readers without JavaScript, its longer description, its data as an HTML table
/// behind a "Show the data" control, and its CSV download.
#[must_use]
pub fn extras_html(slug: &str, title: &str, model: &Model) -> String {
    let mut rows = String::new();
    for [label, cells @ ..] in data_table::rows(model) {
        rows.push_str(&format!(
            "              <tr><th scope=\"row\">{}</th>",
            escape_html(&label)
        ));
        for cell in cells {
            rows.push_str(&format!("<td>{}</td>", escape_html(&cell)));
        }
        rows.push_str("</tr>\n");
    }
    let headings: String = data_table::HEADINGS
        .iter()
        .map(|h| format!("<th scope=\"col\">{h}</th>"))
        .collect();
    // The link to the reader's scenario is hidden until the chart program gives it its data;
    // until then it points at the static file, so that every link on the page leads somewhere.
    format!(
        "\n        <p class=\"chart-status\" data-status role=\"status\"></p>\n\
         \x20       <p class=\"visually-hidden\" data-live aria-live=\"polite\"></p>\n\
         \x20       <noscript><p class=\"chart-status\">This is the static version of the chart: its interactive version needs JavaScript.</p></noscript>\n\
         \x20       <div class=\"chart-actions\">\n\
         \x20       <details class=\"chart-describe\"><summary id=\"{slug}-describe\" aria-labelledby=\"{slug}-describe {slug}-title\">Describe this chart</summary></details>\n\
         \x20       <p class=\"chart-description\" id=\"{slug}-description\" data-description>{}</p>\n\
         \x20       <details class=\"chart-table\">\n\
         \x20         <summary id=\"{slug}-show\" aria-labelledby=\"{slug}-show {slug}-title\">Show the data</summary>\n\
         \x20         <table tabindex=\"0\">\n\
         \x20           <caption>{} ({AS_OPENED})</caption>\n\
         \x20           <thead><tr>{headings}</tr></thead>\n\
         \x20           <tbody>\n{rows}            </tbody>\n\
         \x20         </table>\n\
         \x20       </details>\n\
         \x20       <p class=\"chart-data\"><a href=\"www/static/{slug}.csv\" download id=\"{slug}-csv\" aria-labelledby=\"{slug}-csv {slug}-title\">{DOWNLOAD}</a><span data-yours hidden> or <a href=\"www/static/{slug}.csv\" download=\"{slug}-your-scenario.csv\" data-take-away=\"csv\" id=\"{slug}-your-csv\" aria-labelledby=\"{slug}-your-csv {slug}-title\">{YOUR_DOWNLOAD}</a></span>, with a source for every row.</p>\n\
         \x20       </div>\n        ",
        escape_html(&model.description()),
        escape_html(title),
    )
}

/// Where the generated claims list starts and ends in `index.html`.
pub const CLAIMS_MARKERS: (&str, &str) = ("<!-- claims:start -->", "<!-- claims:end -->");

/// Where the story's frame (standfirst and dateline) goes, under the headline.
pub const FRAME_MARKERS: (&str, &str) = ("<!-- frame:start -->", "<!-- frame:end -->");

/// The story's frame as HTML: its standfirst, and a dateline that says what the article
/// describes and the day the figures were last checked. Empty if the file declares none.
#[must_use]
pub fn frame_html(figures: &crate::figures::Figures) -> String {
    let Some(story) = figures.story() else {
        return String::new();
    };
    format!(
        "\n        <p class=\"standfirst\">{}</p>\n\
         \x20       <p class=\"dateline\">{} <span class=\"checked\">Figures checked <time datetime=\"{}\">{}</time>.</span></p>\n        ",
        escape_html(&story.standfirst),
        escape_html(&story.dateline),
        escape_html(&story.figures_checked),
        crate::model::wording::long_date(&story.figures_checked),
    )
}

/// Text made safe to place in HTML, as element content or in a quoted attribute.
#[must_use]
pub fn escape_html(text: &str) -> String {
    crate::charts::svg_writer::escape_markup(text, "&#39;")
}

/// The claims check as an HTML list. On screen for each claim: what the article says, the
/// verdict with its one-line reason and the tolerance (for an ambiguous claim, each reading
/// with its own verdict); behind "How it was checked": what each reading counts, its
/// references and arithmetic, and the figures of other measures given as context. A link leads
/// back to the claim in the text.
#[must_use]
pub fn claims_html(claims: &[Claim]) -> String {
    let mut out = String::from("\n        <ol class=\"claims\">\n");
    for claim in claims {
        let id = escape_html(&claim.id);
        let verdict = claim.verdict.slug();
        let says = &claim.says;
        let quote = says
            .note
            .as_deref()
            .filter(|n| n.starts_with('“'))
            .map_or(String::new(), |q| format!(" {}", escape_html(q)));
        out.push_str(&format!(
            "          <li class=\"claim\" id=\"claim-{id}\" data-verdict=\"{verdict}\">\n\
             \x20           <p class=\"claim-says\"><span class=\"verdict verdict-{verdict}\">{}</span> <span id=\"claim-label-{id}\">{}</span>: <strong>{}</strong> (as reported).{quote}</p>\n\
             \x20           <p class=\"claim-reason\">{}</p>\n",
            escape_html(claim.verdict.words()),
            escape_html(&says.label),
            escape_html(&says.value_text()),
            escape_html(&claim.reason),
        ));
        let mut workings = String::new();
        match claim.readings.as_slice() {
            [only] => {
                out.push_str(&tolerance_html(only));
                workings.push_str(&workings_html(only));
            }
            readings => {
                out.push_str("            <ul class=\"claim-readings\">\n");
                for reading in readings {
                    let v = reading.verdict;
                    out.push_str(&format!(
                        "              <li data-measure=\"{}\">\n              <p class=\"claim-measure\"><span class=\"verdict verdict-{}\">{}</span> Read as {}: {}</p>\n{}              </li>\n",
                        escape_html(&reading.measure.key),
                        v.slug(),
                        escape_html(v.words()),
                        escape_html(&reading.measure.name),
                        escape_html(&reading.reason),
                        tolerance_html(reading),
                    ));
                    workings.push_str(&workings_html(reading));
                }
                out.push_str("            </ul>\n");
            }
        }
        if !claim.context.is_empty() {
            workings.push_str(&format!(
                "              <p class=\"claim-context\">For context (these do not decide the verdict): {}.</p>\n",
                cited_list(&claim.context)
            ));
        }
        out.push_str(&format!(
            "            <details class=\"claim-workings\">\n\
             \x20             <summary id=\"how-{id}\" aria-labelledby=\"how-{id} claim-label-{id}\">How it was checked</summary>\n{workings}\
             \x20           </details>\n\
             \x20           <p class=\"claim-back\"><a href=\"#text-{id}\" id=\"back-{id}\" aria-labelledby=\"back-{id} claim-label-{id}\">Back to the text</a></p>\n\
             \x20         </li>\n"
        ));
    }
    out.push_str("        </ol>\n        ");
    out
}

/// A reading's tolerance, with why it is that, when one was applied.
fn tolerance_html(reading: &Reading) -> String {
    reading.tolerance.as_ref().map_or(String::new(), |t| {
        format!(
            "            <p class=\"claim-tolerance\">Tolerance: {}.</p>\n",
            escape_html(t.trim_end_matches('.'))
        )
    })
}

/// What a reading counts, and, where it was computed, its references and its arithmetic.
fn workings_html(reading: &Reading) -> String {
    let mut out = format!(
        "              <p class=\"claim-measure-definition\">What it counts, read as {}: {}</p>\n",
        escape_html(&reading.measure.name),
        escape_html(&reading.measure.definition)
    );
    if !reading.references.is_empty() {
        out.push_str(&format!(
            "              <p class=\"claim-refs\">References: {}.</p>\n",
            cited_list(&reading.references)
        ));
    }
    if !reading.arithmetic.is_empty() {
        out.push_str(&format!(
            "              <p class=\"claim-math\">{}</p>\n",
            escape_html(&reading.arithmetic)
        ));
    }
    out
}

/// Figures as a claim lists them: label, value, what it counts, kind, source and year.
fn cited_list(bars: &[crate::model::panel::Bar]) -> String {
    bars.iter()
        .map(|r| {
            let years = if r.years.is_empty() {
                String::new()
            } else {
                format!(", {}", r.years)
            };
            // A source's own words ("about 300") go with its number.
            let quoted = r
                .note
                .as_deref()
                .filter(|n| n.starts_with('“'))
                .map_or(String::new(), |n| format!("; {n}"));
            escape_html(&format!(
                "{}: {} ({}; {}, {}{years}{quoted})",
                r.label,
                r.value_text(),
                r.measure.name,
                r.kind.words(),
                r.source,
            ))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `page` with the text between `markers` (the first `end` after the first `start`) replaced by
/// `content`.
///
/// # Errors
/// A message if `start` is missing or no `end` follows it.
pub fn splice(page: &str, (start, end): (&str, &str), content: &str) -> Result<String, String> {
    let (from, to) = inner_span(page, start, end).ok_or_else(|| {
        if page.contains(start) {
            format!("no {end} after {start} in the page")
        } else {
            format!("no {start} in the page")
        }
    })?;
    let head = page.get(..from).unwrap_or_default();
    let tail = page.get(to..).unwrap_or_default();
    Ok(format!("{head}{content}{tail}"))
}

/// `page` with the text between every `start` and the first `end` after it replaced by
/// `content` (unchanged where there is none).
fn splice_each(page: &str, (start, end): (&str, &str), content: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some((from, to)) = inner_span(rest, start, end) {
        out.push_str(rest.get(..from).unwrap_or_default());
        out.push_str(content);
        rest = rest.get(to..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `page` with every built chart's description and data table written between its markers, and
/// its takeaway in the article's lines that quote it; the title of each table is the chart's.
///
/// # Errors
/// A message if a figure's markers are missing, or the page quotes a chart it does not have.
pub fn with_extras(
    page: &str,
    charts: &[crate::page_skeleton::Built<'_>],
) -> Result<String, String> {
    // The article may quote a chart's takeaway; only a chart the file declares.
    let mut rest = page;
    while let Some(at) = rest.find("data-sentence=\"") {
        let tail = rest
            .get(at + "data-sentence=\"".len()..)
            .unwrap_or_default();
        let slug = tail.get(..tail.find('"').unwrap_or(0)).unwrap_or_default();
        if !charts.iter().any(|(c, _)| c.slug == slug) {
            return Err(format!(
                "the page quotes the takeaway of “{slug}”, a chart the figures file does not declare"
            ));
        }
        rest = tail;
    }
    let mut page = page.to_string();
    for (spec, model) in charts {
        let slug = spec.slug.as_str();
        let (start_marker, end_marker) = extras_markers(slug);
        page = splice(
            &page,
            (&start_marker, &end_marker),
            &extras_html(slug, &spec.title, model),
        )?;
        // The takeaway the chart program would write, in the article's lines that quote it
        // (the figure has it from its skeleton), so that nothing moves when it does.
        page = splice_each(
            &page,
            (&format!("<span data-sentence=\"{slug}\">"), "</span>"),
            &escape_html(&model.takeaway()),
        );
    }
    Ok(page)
}

/// `page` with all that the build writes into it made again: the claims check, each figure's
/// description and data table (from `figures`), and the chart loader `loader` with its hash.
///
/// # Errors
/// A message if the claims cannot be checked, or a marker or the security policy is missing.
pub fn regenerate(
    page: &str,
    figures: &crate::figures::Figures,
    loader: &str,
) -> Result<String, String> {
    let checked = crate::model::claims::check_all(figures).map_err(|e| e.to_string())?;
    let charts = crate::page_skeleton::build_all(figures)?;
    let page = crate::page_skeleton::with_figures(page, figures, &charts)?;
    let page = splice(&page, CLAIMS_MARKERS, &claims_html(&checked))?;
    let page = splice(&page, FRAME_MARKERS, &frame_html(figures))?;
    let page = splice(
        &page,
        crate::page_skeleton::YOUR_COUNTRY_MARKERS,
        &crate::page_skeleton::your_country_html(figures, &charts),
    )?;
    let page = with_extras(&page, &charts)?;
    crate::page_script::with_loader(&page, loader, "")
}

/// The text between the first `start` in `page` and the first `end` after it.
pub fn between<'a>(page: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let (from, to) = inner_span(page, start, end)?;
    page.get(from..to)
}

/// Where the text between the first `start` in `page` and the first `end` after it lies.
fn inner_span(page: &str, start: &str, end: &str) -> Option<(usize, usize)> {
    let from = page.find(start)? + start.len();
    Some((from, from + page.get(from..)?.find(end)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_each_rewrites_every_marked_span_and_nothing_else() {
        let page = "<p><span data-s=\"a\">old</span> and <span data-s=\"b\">keep</span>, <span data-s=\"a\">old too</span> <span data-s=\"a\">open";
        let done = splice_each(page, ("<span data-s=\"a\">", "</span>"), "new");
        assert_eq!(
            done,
            "<p><span data-s=\"a\">new</span> and <span data-s=\"b\">keep</span>, <span data-s=\"a\">new</span> <span data-s=\"a\">open"
        );
    }

    #[test]
    fn splice_finds_its_end_after_its_start() {
        let page = "</p> <p id=\"x\">old</p>";
        assert_eq!(
            splice(page, ("id=\"x\">", "</p>"), "new"),
            Ok("</p> <p id=\"x\">new</p>".to_string())
        );
        assert!(splice("<p id=\"x\">never closed", ("id=\"x\">", "</p>"), "new").is_err());
    }
}

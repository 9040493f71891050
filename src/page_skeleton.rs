//! The page's skeleton from the figures file: each chart's `<figure>` (heading, takeaway,
//! controls for the kinds that have them, the frame with its reserved height and its static
//! `<picture>`, the place of its generated extras, its key, sources and note), placed after the
//! paragraph the chart names, between markers; and the frames' heights in the style sheet.
//! Natively only; the build writes them, and a test fails while they are stale.

use crate::catalogue::{ChartId, Model};
use crate::figures::{ChartKind, ChartSpec, Figures, Kind};
use crate::frame_height;
use crate::model::scenario::Scenario;
use crate::static_page::{between, escape_html};

/// How a reader chooses to see budgets: amounts or shares of GDP, a currency, an order.
const BUDGETS_CONTROLS: &str = r#"        <form class="chart-controls" data-controls hidden aria-label="How the budgets are shown">
          <fieldset class="control">
            <legend>National spending as</legend>
            <label><input type="radio" name="budget" value="amount" checked> amounts</label>
            <label><input type="radio" name="budget" value="gdp"> share of GDP</label>
          </fieldset>
          <fieldset class="control">
            <legend>Currency</legend>
            <label><input type="radio" name="currency" value="published" checked> as published</label>
            <label><input type="radio" name="currency" value="eur"> all in euros</label>
            <label><input type="radio" name="currency" value="usd"> all in dollars</label>
          </fieldset>
          <fieldset class="control">
            <legend>Order</legend>
            <label><input type="radio" name="sort" value="size" checked> by size</label>
            <label><input type="radio" name="sort" value="name"> by name</label>
          </fieldset>
          <p class="control-notice" data-notice role="status"></p>
          <p class="visually-hidden" data-said aria-live="polite"></p>
        </form>
"#;

/// The reader's force: its size, how it is shared, how many units rotate.
const FORCE_CONTROLS: &str = r#"        <form class="chart-controls" data-controls hidden aria-label="Your scenario">
          <div class="control control-range">
            <label for="force-size">Force deployed</label>
            <input type="range" id="force-size" name="force" value="{force}" aria-valuetext="{force_words}">
            <output for="force-size" data-output="force" aria-live="off"></output>
          </div>
          <fieldset class="control">
            <legend>Shared between the nations</legend>
            <label><input type="radio" name="share" value="equal" checked> equally</label>
            <label><input type="radio" name="share" value="personnel"> by active personnel</label>
            <label><input type="radio" name="share" value="budget"> by defence budget</label>
          </fieldset>
          <div class="control control-range">
            <label for="rotation">Units committed per unit deployed</label>
            <input type="range" id="rotation" name="rotation" value="{rotation}" aria-valuetext="{rotation_words}">
            <output for="rotation" data-output="rotation" aria-live="off"></output>
          </div>
          <p class="control-notice" data-notice role="status"></p>
          <p class="visually-hidden" data-said aria-live="polite"></p>
        </form>
"#;

/// Where the reader's country is chosen, under the story's frame.
pub const YOUR_COUNTRY_MARKERS: (&str, &str) =
    ("<!-- your-country:start -->", "<!-- your-country:end -->");

/// The picker of the reader's country: every country a chart gives a figure for, by name
/// (hidden until the chart program runs, which marks the chosen one in every chart); empty if
/// no chart counts a country.
#[must_use]
pub fn your_country_html(figures: &Figures, charts: &[Built<'_>]) -> String {
    let mut offered: Vec<(String, &str)> = Vec::new();
    for (_, model) in charts {
        for code in countries_of(model) {
            if let Some(country) = figures.country(&code) {
                if !offered.iter().any(|(c, _)| *c == code) {
                    offered.push((code, &country.name));
                }
            }
        }
    }
    if offered.is_empty() {
        return String::new();
    }
    offered.sort_by(|a, b| a.1.cmp(b.1));
    let options: String = offered
        .iter()
        .map(|(code, name)| {
            format!(
                "<option value=\"{}\">{}</option>",
                escape_html(code),
                escape_html(name)
            )
        })
        .collect();
    format!(
        "\n        <form class=\"chart-controls your-country\" data-controls hidden aria-label=\"Your country\">\n\
         \x20         <div class=\"control control-pick\">\n\
         \x20           <label for=\"your-country\">Your country</label>\n\
         \x20           <select id=\"your-country\" name=\"country\" aria-describedby=\"your-country-hint\"><option value=\"\">None</option>{options}</select>\n\
         \x20         </div>\n\
         \x20         <p class=\"your-country-hint\" id=\"your-country-hint\">Each chart that counts it rings its bars (on the map, outlines it twice) and says what it shows of it.</p>\n\
         \x20         <p class=\"control-notice\" data-notice role=\"status\"></p>\n\
         \x20         <p class=\"visually-hidden\" data-said aria-live=\"polite\"></p>\n\
         \x20       </form>\n        "
    )
}

/// The countries a chart gives a figure for, by code, each once, in its rows' order.
fn countries_of(model: &Model) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for bar in model.bars() {
        if let Some(code) = bar.country.filter(|_| bar.value.is_some()) {
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
    }
    codes
}

/// The picker of `page` (`your_country_html`) offering only the countries `codes` names (an
/// embed's, those its chart gives a figure for), and "None".
#[must_use]
pub fn picker_for(picker: &str, codes: &[&str]) -> String {
    let mut out = String::with_capacity(picker.len());
    let mut rest = picker;
    while let Some(at) = rest.find("<option value=\"") {
        let (before, option) = rest.split_at(at);
        out.push_str(before);
        let end = option
            .find("</option>")
            .map_or(option.len(), |e| e + "</option>".len());
        let (this, after) = option.split_at(end);
        let code = this
            .get("<option value=\"".len()..)
            .and_then(|v| v.split('"').next())
            .unwrap_or_default();
        if code.is_empty() || codes.contains(&code) {
            out.push_str(this);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Where a chart's figure starts and ends in `index.html`.
fn markers(slug: &str) -> (String, String) {
    (
        format!("<!-- chart:{slug}:start -->"),
        format!("<!-- chart:{slug}:end -->"),
    )
}

/// `page` with every chart's figure made again from `figures`, each after the paragraph it
/// names (or before the claims check, or at the end of the article, if it names none); figures
/// of charts the file no longer has are taken out.
///
/// # Errors
/// A message if a chart names an element the page does not have, or its model cannot be built.
pub fn with_figures(page: &str, figures: &Figures, charts: &[Built<'_>]) -> Result<String, String> {
    let mut page = without_figures(page);
    for (spec, model) in charts {
        let html = figure_html(spec, model, figures);
        let at = place(&page, spec)?;
        page.insert_str(at, &html);
    }
    Ok(page)
}

/// A chart's declaration and its model as the page opens.
pub type Built<'a> = (&'a ChartSpec, Model);

/// Every chart of `figures`, built once for all that the build writes from it.
///
/// # Errors
/// A message naming the chart whose model cannot be built.
pub fn build_all(figures: &Figures) -> Result<Vec<Built<'_>>, String> {
    let start = Scenario::from_figures(figures);
    ChartId::all(figures)
        .map(|id| {
            let spec = id.spec(figures).map_err(|e| e.to_string())?;
            let model =
                Model::build(id, figures, &start).map_err(|e| format!("{}: {e}", spec.slug))?;
            guess_html(spec, &model, figures)?;
            Ok((spec, model))
        })
        .collect()
}

/// The chart block that starts on the line at `from` (its indentation, then
/// `<!-- chart:SLUG:start -->`): where its last line ends.
fn block_end(page: &str, from: usize) -> Option<usize> {
    let line = page.get(from..)?;
    let opening = line
        .trim_start_matches([' ', '\t'])
        .strip_prefix("<!-- chart:")?;
    let slug = opening.get(..opening.find(":start -->")?)?;
    let close = format!("<!-- chart:{slug}:end -->");
    let end = from + line.find(&close)? + close.len();
    Some(
        page.get(end..)?
            .find('\n')
            .map_or(page.len(), |n| end + n + 1),
    )
}

/// `page` without any chart figure between markers, however they are indented.
fn without_figures(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut line_start = 0;
    let mut kept_from = 0;
    while line_start < page.len() {
        match block_end(page, line_start) {
            Some(end) => {
                out.push_str(page.get(kept_from..line_start).unwrap_or_default());
                kept_from = end;
                line_start = end;
            }
            None => {
                line_start = page
                    .get(line_start..)
                    .and_then(|rest| rest.find('\n'))
                    .map_or(page.len(), |n| line_start + n + 1);
            }
        }
    }
    out.push_str(page.get(kept_from..).unwrap_or_default());
    out
}

/// Where the chart's figure goes: after the paragraph holding the element it names, after any
/// figure already placed there.
fn place(page: &str, spec: &ChartSpec) -> Result<usize, String> {
    let paragraph_end = match &spec.after {
        Some(after) => {
            let at = page.find(&format!("id=\"{after}\"")).ok_or_else(|| {
                format!("{}: the page has no element “{after}” to follow", spec.slug)
            })?;
            let close = page
                .get(at..)
                .and_then(|tail| tail.find("</p>\n"))
                .ok_or_else(|| format!("{}: “{after}” is in no paragraph", spec.slug))?;
            at + close + "</p>\n".len()
        }
        None => {
            let before = page
                .find("<section class=\"claims-check\"")
                .or_else(|| page.find("</main>"))
                .ok_or_else(|| format!("{}: the page has no place for it", spec.slug))?;
            page.get(..before)
                .and_then(|head| head.rfind('\n'))
                .map_or(0, |n| n + 1)
        }
    };
    // After the figures already placed there, in the file's order.
    let mut at = paragraph_end;
    while let Some(end) = block_end(page, at) {
        at = end;
    }
    Ok(at)
}

/// One chart's figure, with its takeaway and extras left for the build to fill.
fn figure_html(spec: &ChartSpec, model: &Model, figures: &Figures) -> String {
    let slug = escape_html(&spec.slug);
    let (start, end) = markers(&slug);
    let opening = Scenario::from_figures(figures);
    let force_controls;
    let controls = match spec.kind {
        ChartKind::Budgets => BUDGETS_CONTROLS,
        ChartKind::ForceScenario => {
            force_controls = FORCE_CONTROLS
                .replace("{force}", &opening.force().to_string())
                .replace(
                    "{force_words}",
                    &crate::model::wording::troops(opening.force()),
                )
                .replace("{rotation}", &opening.rotation().to_string())
                .replace(
                    "{rotation_words}",
                    &crate::model::wording::units_per_deployed(opening.rotation()),
                );
            &force_controls
        }
        _ => "",
    };
    let note = spec.note.as_deref().map_or(String::new(), |n| {
        format!("          <p class=\"chart-note\">{}</p>\n", escape_html(n))
    });
    format!(
        "      {start}\n\
         \x20     <figure class=\"chart\" data-chart=\"{slug}\"{shapes}{guess_first} aria-labelledby=\"{slug}-title\" aria-describedby=\"{slug}-description\">\n\
         \x20       <figcaption class=\"chart-head\">\n\
         \x20         <h2 class=\"chart-title\" id=\"{slug}-title\">{title}</h2>\n\
         \x20         <p class=\"chart-takeaway\" id=\"{slug}-takeaway\"{focusable} data-takeaway>{takeaway}</p>\n\
         {country_line}\
         \x20       </figcaption>\n\
         {guess}\
         {controls}\
         \x20       <div class=\"chart-frame\">\n\
         \x20         <picture><source media=\"(max-width: 32rem)\" srcset=\"www/static/{slug}-phone.svg\"><source media=\"(max-width: 40rem)\" srcset=\"www/static/{slug}-narrow.svg\"><img loading=\"lazy\" decoding=\"async\" class=\"chart-fallback\" src=\"www/static/{slug}.svg\" alt=\"{alt}\" width=\"{width}\" height=\"{height}\"></picture>\n\
         \x20       </div>\n\
         \x20       <!-- extras:{slug}:start --><!-- extras:{slug}:end -->\n\
         \x20       <div class=\"chart-notes\">\n\
         \x20         <p class=\"chart-hint\" id=\"{slug}-hint\" data-hint>{hint}</p>\n\
         \x20         <p class=\"chart-take-away\" data-take-away-row hidden><button type=\"button\" data-take-away=\"png\" id=\"{slug}-png\" aria-labelledby=\"{slug}-png {slug}-title\">Download image (PNG)</button> <button type=\"button\" data-take-away=\"svg\" id=\"{slug}-svg\" aria-labelledby=\"{slug}-svg {slug}-title\">Download SVG</button> <button type=\"button\" data-take-away=\"share\" id=\"{slug}-share\" aria-labelledby=\"{slug}-share {slug}-title\">Share</button> <span data-take-away-said role=\"status\"></span></p>\n\
         \x20         <noscript><p class=\"chart-data\"><a href=\"www/static/{slug}.svg\" download>Download the chart (SVG)</a>, as the page first draws it.</p></noscript>\n\
         \x20         <p class=\"chart-key\">{key}</p>\n\
         {terms}\
         \x20         <p class=\"chart-source\">{sources}</p>\n\
         {note}\
         \x20       </div>\n\
         \x20     </figure>\n\
         \x20     {end}\n",
        shapes = if spec.kind.is_map() {
            format!(" data-shapes=\"{}\"", crate::atlas::FILE)
        } else {
            String::new()
        },
        title = escape_html(&spec.title),
        takeaway = escape_html(&model.takeaway()),
        // What the chart says of the reader's country, written by the chart program.
        country_line = if model.counts_countries() {
            format!(
                "          <p class=\"chart-country\" data-country-line data-countries=\"{}\" hidden></p>\n",
                escape_html(&countries_of(model).join(" "))
            )
        } else {
            String::new()
        },
        alt = escape_html(&spec.alt),
        width = crate::catalogue::NOMINAL_WIDTH,
        height = spec.height,
        guess = guess_html(spec, model, figures).unwrap_or_default(),
        guess_first = if spec.guess.is_some() { " data-guess-first" } else { "" },
        // Where a guess waits, the takeaway takes the keyboard's focus when the answer shows.
        focusable = if spec.guess.is_some() { " tabindex=\"-1\"" } else { "" },
        key = key_html(spec, model),
        hint = hint(spec, model),
        terms = terms_html(spec, model, figures),
        sources = sources_html(spec, figures),
    )
}

/// The form in which a reader guesses the chart's declared value before seeing it
/// (`model::guess`): its question, a number typed or stepped with the arrow keys (or set by
/// dragging along the row on the chart), "Show the answer" and "Skip", and the line where the
/// comparison is said. Hidden without JavaScript, where the answer simply shows; the chart
/// program reads the row from `data-guess`. Nothing for a chart without a guess.
///
/// # Errors
/// Why the guess cannot be asked: its question names an unknown value, or its row is not a
/// bar of the chart with a value.
pub fn guess_html(spec: &ChartSpec, model: &Model, figures: &Figures) -> Result<String, String> {
    let Some(guess) = &spec.guess else {
        return Ok(String::new());
    };
    let at = |why: String| format!("{}: guess: {why}", spec.slug);
    let question = model.fill(&guess.question, figures).map_err(at)?;
    let (panel, _) = model
        .row(&guess.row)
        .filter(|(_, bar)| bar.value.is_some())
        .ok_or_else(|| at(format!("no bar “{}” with a value to guess", guess.row)))?;
    let slug = escape_html(&spec.slug);
    Ok(format!(
        "        <form class=\"chart-guess\" data-guess=\"{row}\" novalidate hidden aria-labelledby=\"{slug}-question\">\n\
         \x20         <p class=\"guess-question\" id=\"{slug}-question\">{question}</p>\n\
         \x20         <p class=\"guess-set\"><label for=\"{slug}-guess\">Your guess, in {unit}</label> <input type=\"number\" id=\"{slug}-guess\" name=\"guess\" min=\"0\" max=\"{max}\" step=\"{step}\" inputmode=\"decimal\" aria-describedby=\"{slug}-guess-how\"> <button type=\"submit\" id=\"{slug}-answer\" aria-labelledby=\"{slug}-answer {slug}-title\">Show the answer</button> <button type=\"button\" id=\"{slug}-skip\" aria-labelledby=\"{slug}-skip {slug}-title\" data-skip>Skip</button></p>\n\
         \x20         <p class=\"guess-how\" id=\"{slug}-guess-how\">Type a number, step it with the arrow keys, or drag along the row on the chart.</p>\n\
         \x20         <p class=\"guess-line\" data-guess-line role=\"status\"></p>\n\
         \x20       </form>\n",
        row = escape_html(&guess.row),
        question = escape_html(&question),
        unit = crate::model::wording::unit_name(panel.unit),
        max = panel.axis.max,
        step = crate::model::guess::step(&panel.axis),
    ))
}

/// The story's terms that the chart uses anywhere a reader meets it (its heading, takeaway,
/// guess, description, table, key, sources, note, text alternative), each explained once in its
/// notes, so that an embed explains them too; empty if it uses none.
fn terms_html(spec: &ChartSpec, model: &Model, figures: &Figures) -> String {
    let Some(story) = figures.story() else {
        return String::new();
    };
    let mut text = vec![
        spec.title.clone(),
        model.takeaway(),
        model.description(),
        spec.note.clone().unwrap_or_default(),
        spec.alt.clone(),
        key_html(spec, model),
        sources_html(spec, figures),
        guess_html(spec, model, figures).unwrap_or_default(),
    ];
    text.extend(crate::data_table::rows(model).into_iter().flatten());
    let text = text.join(" ");
    let used: Vec<String> = story
        .terms
        .iter()
        .filter(|t| t.used_in(&text))
        .map(|t| {
            format!(
                "<dfn>{}</dfn>: {}",
                escape_html(&t.term),
                escape_html(&t.means)
            )
        })
        .collect();
    if used.is_empty() {
        return String::new();
    }
    format!(
        "          <p class=\"chart-terms\">Terms: {}.</p>\n",
        used.join("; ")
    )
}

/// How to explore the chart, shown while the chart program runs or loads (the style sheet
/// hides it without JavaScript and for a chart that failed), and read as the chart's own
/// description: the keys, naming what its points are, and the pointer.
fn hint(spec: &ChartSpec, model: &Model) -> String {
    let (point, points) = match spec.kind {
        ChartKind::UnitChart => ("part", "parts"),
        ChartKind::ForceMap => ("country", "countries"),
        ChartKind::ReachMap => ("line", "lines"),
        _ => ("bar", "bars"),
    };
    let panels = if model.panels().len() > 1 {
        ", Up and Down panel by panel"
    } else {
        ""
    };
    format!(
        "Point at a {point} or tap it. Keys: Tab to the chart, then Left and Right go through its {points}{panels}, Home and End to the ends; Escape closes the tooltip."
    )
}

/// The chart's key: what each kind of mark means, for the kinds the chart draws.
fn key_html(spec: &ChartSpec, model: &Model) -> String {
    // Every data row: bars, and the annotations' lines and bands.
    let bars = model.bars();
    let has = |kind: Kind| bars.iter().any(|b| b.kind == kind);
    let unit_chart = spec.kind == ChartKind::UnitChart;
    let scenario = format!(
        "<span class=\"key key-scenario\">Scenario</span>: computed from the reference figures for a chosen force (the page starts with the article's; {})",
        if spec.kind.is_map() {
            "shaded as the map's key shows"
        } else {
            "a ring inside each bar"
        }
    );
    let mut parts = Vec::new();
    if has(Kind::AsReported) {
        parts.push(if unit_chart {
            "<span class=\"key key-reported\">As reported</span> by the article (striped squares) · outlined squares: the rest of 100%"
        } else {
            "<span class=\"key key-reported\">As reported</span> by the article (diagonal stripes)"
        });
    }
    if has(Kind::Reference) {
        parts.push("<span class=\"key key-reference\">Reference</span> figure, from a public source (plain)");
    }
    if has(Kind::Derived) && !unit_chart {
        parts.push(
            "<span class=\"key key-derived\">Derived</span>: computed here from the figures shown (horizontal lines)",
        );
    }
    if has(Kind::Scenario) {
        parts.push(&scenario);
    }
    if spec.guess.is_some() {
        parts.push("<span class=\"needs-controls\"><span class=\"key key-guess\">Your guess</span>, kept on this page only (vertical lines)</span>");
    }
    parts.join(" · ")
}

/// The chart's sources: every source its figures and places cite, once, in the order first
/// cited; the article's as "as reported", the others with their title, link and who quoted them.
fn sources_html(spec: &ChartSpec, figures: &Figures) -> String {
    let mut keys: Vec<(&str, bool)> = Vec::new();
    let cited = figures
        .drawn_by(spec)
        .into_iter()
        .filter_map(|id| figures.get(id).ok())
        .map(|f| (f.source.as_str(), f.kind == Kind::AsReported))
        .chain(
            spec.place_ids()
                .into_iter()
                .filter_map(|id| figures.place(id).ok())
                .map(|p| (p.source.as_str(), false)),
        );
    for (key, reported) in cited {
        if !keys.iter().any(|(k, _)| *k == key) {
            keys.push((key, reported));
        }
    }
    let words: Vec<String> = keys
        .iter()
        .filter_map(|(key, reported)| {
            let source = figures.source(key)?;
            let name = escape_html(&source.name);
            if *reported {
                return Some(format!("{name} (as reported)"));
            }
            let title = escape_html(&source.title);
            let title = match &source.url {
                Some(url) => format!("<a href=\"{}\">{title}</a>", escape_html(url)),
                None => title,
            };
            let quoted = source.quoted_by.as_deref().map_or(String::new(), |q| {
                format!(", as quoted by {}", escape_html(q))
            });
            Some(format!("{name}, {title}{quoted}"))
        })
        .collect();
    let noun = if words.len() == 1 {
        "Source"
    } else {
        "Sources"
    };
    // A map's borders come from the atlas, whose licence asks for its notice to go with them.
    let borders = if spec.kind.is_map() {
        format!(
            " Borders: <a href=\"{}\">the atlas's sources, licence and copyright notice</a>.",
            crate::atlas::NOTICE
        )
    } else {
        String::new()
    };
    format!("{noun}: {}.{borders}", words.join("; "))
}

/// The style sheet, from the project's folder.
pub const STYLE: &str = "www/style.css";

/// Where the frames' heights start and end in the style sheet.
pub const HEIGHT_MARKERS: (&str, &str) = ("/* chart heights:start */", "/* chart heights:end */");

/// `css` with the frames' heights, made again from `figures` (`frame_height`): for each chart,
/// its height in the widest windows, and, in media queries by the widest window of each narrower
/// range (`max-width`, in rem, as the static images' sources are), where it needs more there; in
/// rem, so that the frames grow with a reader's larger text.
///
/// # Errors
/// A message if the style sheet has no place for them, or a chart cannot be drawn.
pub fn with_heights(css: &str, figures: &Figures) -> Result<String, String> {
    let heights = frame_height::heights(figures)?;
    let rule = |slug: &str, rem: f64, indent: &str| {
        format!(
            "{indent}.chart[data-chart=\"{slug}\"] .chart-frame {{\n{indent}  height: {}rem;\n{indent}}}\n",
            decimal(rem)
        )
    };
    let last = frame_height::RANGES_REM.len() - 1;
    let mut rules = String::from("\n");
    for (chart, h) in figures.charts().iter().zip(&heights) {
        rules.push_str(&rule(&chart.slug, h.get(last).copied().unwrap_or(0.0), ""));
    }
    // From the widest range in: the charts whose height differs from the wider range's.
    for i in (0..last).rev() {
        let Some(Some(widest)) = frame_height::RANGES_REM.get(i) else {
            continue;
        };
        let changed: Vec<(&str, f64)> = figures
            .charts()
            .iter()
            .zip(&heights)
            .filter_map(|(chart, h)| {
                let (here, wider) = (*h.get(i)?, *h.get(i + 1)?);
                (here != wider).then_some((chart.slug.as_str(), here))
            })
            .collect();
        if changed.is_empty() {
            continue;
        }
        rules.push_str(&format!("@media (max-width: {widest}rem) {{\n"));
        for (slug, rem) in changed {
            rules.push_str(&rule(slug, rem, "  "));
        }
        rules.push_str("}\n");
    }
    crate::static_page::splice(css, HEIGHT_MARKERS, &rules)
}

/// A number to three places at most, without trailing zeros: `22.5`, `39.375`, `36`.
fn decimal(value: f64) -> String {
    let thousandths = (value * 1000.0).round() as i64;
    let (whole, rest) = (thousandths / 1000, thousandths % 1000);
    if rest == 0 {
        format!("{whole}")
    } else {
        format!("{whole}.{}", format!("{rest:03}").trim_end_matches('0'))
    }
}

/// The heading of chart `slug` as `page` has it, without markup.
#[must_use]
pub fn title_in(page: &str, slug: &str) -> Option<String> {
    between(page, &format!("id=\"{slug}-title\">"), "</h2>").map(|raw| {
        raw.replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_embeds_picker_keeps_none_and_its_charts_countries_alone() {
        let picker = "<select><option value=\"\">None</option><option value=\"AAA\">A</option><option value=\"BBB\">B</option><option value=\"CCC\">C</option></select>";
        assert_eq!(
            picker_for(picker, &["CCC", "AAA"]),
            "<select><option value=\"\">None</option><option value=\"AAA\">A</option><option value=\"CCC\">C</option></select>"
        );
        assert_eq!(
            picker_for(picker, &[]),
            "<select><option value=\"\">None</option></select>"
        );
    }

    use super::*;

    #[test]
    fn a_chart_block_is_taken_out_however_it_is_indented() {
        let page = "<p>a</p>\n  <!-- chart:x:start -->\n  <figure>x</figure>\n  <!-- chart:x:end -->\n\t<!-- chart:y-2:start --><figure>y</figure><!-- chart:y-2:end -->\n<p>b</p>\n<!-- chart:open:start -->\n";
        assert_eq!(
            without_figures(page),
            "<p>a</p>\n<p>b</p>\n<!-- chart:open:start -->\n"
        );
    }
}

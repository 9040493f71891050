//! Each chart on a page of its own, for another site to embed with an `<iframe>`: the figure
//! exactly as the article page has it (static chart, takeaway, controls, data table, sources),
//! the same style sheet and chart program, and a line back to the article. Written from
//! `index.html` by the native build, so that an embed never drifts from the article.

use crate::page_script::{loader_of, with_loader, LOADER_MARKERS};
use crate::page_skeleton::title_in;
use crate::static_page::{between, escape_html};

/// Where the embed pages live, relative to `index.html`.
pub const DIR: &str = "www/embed";

/// From an embed page back to the directory of `index.html`.
const UP: &str = "../../";

/// The embed page of the chart `slug`, made from the article page's text.
///
/// # Errors
/// If the page has no `<figure data-chart="<slug>">`, no title, no security policy or no loader.
pub fn embed_html(page: &str, slug: &str) -> Result<String, String> {
    let open = format!("<figure class=\"chart\" data-chart=\"{slug}\"");
    let from = page
        .find(&open)
        .ok_or_else(|| format!("index.html has no figure for “{slug}”"))?;
    let to = page
        .get(from..)
        .and_then(|rest| rest.find("</figure>"))
        .map(|end| from + end + "</figure>".len())
        .ok_or_else(|| format!("the figure for “{slug}” is not closed"))?;
    let figure = page.get(from..to).unwrap_or_default();
    let policy = between(page, "<meta http-equiv=\"Content-Security-Policy\"", ">")
        .ok_or("index.html has no Content-Security-Policy")?;
    let article = between(page, "<title>", "</title>").ok_or("index.html has no title")?;
    let chart = title_in(page, slug).ok_or_else(|| format!("“{slug}” has no heading"))?;
    let loader = loader_of(page).ok_or("index.html has no chart loader")?;
    // The reader's country is chosen in an embed of a chart that counts countries, among
    // those the chart gives a figure for.
    let (open_country, close_country) = crate::page_skeleton::YOUR_COUNTRY_MARKERS;
    let your_country = match between(figure, "data-countries=\"", "\"") {
        Some(codes) => crate::page_skeleton::picker_for(
            between(page, open_country, close_country).unwrap_or_default(),
            &codes.split(' ').collect::<Vec<_>>(),
        ),
        None => String::new(),
    };
    let html = format!(
        "<!doctype html>
<html lang=\"en\">
  <head>
    <meta charset=\"utf-8\">
    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
    <meta name=\"color-scheme\" content=\"light dark\">
    <meta http-equiv=\"Content-Security-Policy\"{policy}>
    <meta name=\"description\" content=\"A chart from “{article}”, with the source of every figure: {chart_text}\">
    <link rel=\"canonical\" href=\"{UP}index.html\">
    <title>{chart_text} · {article}</title>
    <link rel=\"icon\" href=\"data:,\">
    <link rel=\"stylesheet\" href=\"{UP}www/style.css\">
    {loader_start}{loader_end}
  </head>
  <body class=\"embedded\">
    <main class=\"article\">{your_country}
      {figure}
      <p class=\"embed-credit\">From <a href=\"{UP}index.html\" target=\"_blank\" rel=\"noopener\">{article}{NEW_TAB}</a>, where every figure is shown with its source and the article's numbers are checked.</p>
    </main>
  </body>
</html>
",
        chart_text = escape_html(&chart),
        figure = for_embedding(figure),
        loader_start = LOADER_MARKERS.0,
        loader_end = LOADER_MARKERS.1,
    );
    with_loader(&html, loader, UP)
}

/// The figure's markup with its paths made relative to [`DIR`], its links opening outside the
/// frame (a claim's link goes to the article's claims check), and its title the page's heading.
fn for_embedding(figure: &str) -> String {
    figure
        .replace("<h2 class=\"chart-title\"", "<h1 class=\"chart-title\"")
        .replace("</h2>", "</h1>")
        .replace("src=\"www/", &format!("src=\"{UP}www/"))
        .replace("srcset=\"www/", &format!("srcset=\"{UP}www/"))
        .replace("href=\"www/", &format!("href=\"{UP}www/"))
        .replace("href=\"#", &format!("href=\"{UP}index.html#"))
        .split("<a href=")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_string()
            } else {
                outside(part)
            }
        })
        .collect()
}

/// A link's tag and what follows it (`part`, after `<a href=`), made to open in a new tab and
/// to say so; a download stays a download.
fn outside(part: &str) -> String {
    let tag_end = part.find('>').unwrap_or(part.len());
    if part
        .get(..tag_end)
        .is_some_and(|tag| tag.contains(" download"))
    {
        return format!("<a href={part}");
    }
    format!(
        "<a target=\"_blank\" rel=\"noopener\" href={}",
        part.replacen("</a>", &format!("{NEW_TAB}</a>"), 1)
    )
}

/// Said after a link that opens in a new tab (the arrow shown, the words read).
const NEW_TAB: &str =
    "<span aria-hidden=\"true\"> ↗</span><span class=\"visually-hidden\"> (opens in a new tab)</span>";

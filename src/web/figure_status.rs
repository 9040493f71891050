//! What a figure tells the reader about its chart: drawn, or why not. Text only, never markup.

use web_sys::Element;

/// The state of a figure's live chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The live chart is drawn.
    Drawn,
    /// The live chart could not be drawn, for this reason.
    Failed(String),
}

/// Marks the figure with its state (`data-state="drawn"` or `"failed"`) and writes a failure's
/// reason into its `[data-status]` element.
pub fn show(figure: &Element, status: &Status) {
    let (state, words) = match status {
        Status::Drawn => ("drawn", String::new()),
        Status::Failed(why) => (
            "failed",
            format!("The interactive chart could not be shown: {why}"),
        ),
    };
    // A chart drawn again says nothing new (and a step of a slider asks nothing of the page).
    if figure.get_attribute("data-state").as_deref() == Some(state) && words.is_empty() {
        return;
    }
    figure.set_attribute("data-state", state).ok();
    if let Ok(Some(line)) = figure.query_selector("[data-status]") {
        if line.text_content().unwrap_or_default() != words {
            line.set_text_content(Some(&words));
        }
    }
}

/// Shows the same `status` in every figure of `figures`, announced once: every figure shows
/// it, but only the first figure's status line stays a live region, so that a screen reader does
/// not say one failure of the whole page once per chart. Each line can still be read in place.
pub fn show_to_all(figures: &[Element], status: &Status) {
    for (i, figure) in figures.iter().enumerate() {
        if i > 0 {
            if let Ok(Some(line)) = figure.query_selector("[data-status]") {
                line.remove_attribute("role").ok();
            }
        }
        show(figure, status);
    }
}

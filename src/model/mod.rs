//! Pure arithmetic in the article's terms: shares of armies, ranked budgets, axis ranges and the
//! words that state numbers. Nothing here draws or touches the browser.

pub mod axis;
pub mod budgets;
pub mod panel;
pub mod troop_share;
pub mod wording;

//! The story's frame, above the article: a standfirst in the page's own words, a dateline that
//! says what the (undated) article describes and when that happened, and the day the figures
//! were last checked. Read and checked natively; the browser's digest leaves it out.

use serde::Deserialize;

use crate::figures::DataError;

/// The frame as the figures file declares it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct StoryFrame {
    /// One sentence under the headline, in the page's words (not the article's).
    pub standfirst: String,
    /// What the article describes and when, since the article carries no date.
    pub dateline: String,
    /// The day the figures were last checked, `YYYY-MM-DD`.
    pub figures_checked: String,
    /// The story's abbreviations and terms of art, each explained where a chart uses it.
    #[serde(default)]
    pub terms: Vec<Term>,
}

/// A term a reader may not know, and what it means, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The term as the page writes it: an abbreviation, a name, a word of the trade.
    pub term: String,
    /// What it means.
    pub means: String,
}

impl Term {
    /// Whether `text` uses the term as a word of its own (not inside a longer word).
    #[must_use]
    pub fn used_in(&self, text: &str) -> bool {
        let term = self.term.as_str();
        if term.is_empty() {
            return false;
        }
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
        text.match_indices(term).any(|(at, _)| {
            let before = text.get(..at).and_then(|b| b.chars().next_back());
            let after = text.get(at + term.len()..).and_then(|a| a.chars().next());
            !word(before) && !word(after)
        })
    }
}

impl StoryFrame {
    /// Checks the frame: every part said, and the day a real one.
    ///
    /// # Errors
    /// A [`DataError`] at `story.<field>`.
    pub fn check(&self) -> Result<(), DataError> {
        for (i, term) in self.terms.iter().enumerate() {
            if term.term.trim().is_empty() || term.means.trim().is_empty() {
                return Err(DataError::new(
                    format!("story.terms[{i}]"),
                    "a term and what it means, both said",
                ));
            }
            if self.terms.iter().take(i).any(|t| t.term == term.term) {
                return Err(DataError::new(
                    format!("story.terms[{i}]"),
                    format!("“{}” is explained twice", term.term),
                ));
            }
        }
        for (field, words) in [
            ("standfirst", &self.standfirst),
            ("dateline", &self.dateline),
        ] {
            if words.trim().is_empty() {
                return Err(DataError::new(format!("story.{field}"), "empty"));
            }
        }
        if !is_day(&self.figures_checked) {
            return Err(DataError::new(
                "story.figures_checked",
                format!("{:?} is not a day written YYYY-MM-DD", self.figures_checked),
            ));
        }
        Ok(())
    }
}

/// Whether `iso` is a day of the calendar written `YYYY-MM-DD`.
fn is_day(iso: &str) -> bool {
    let parts: Vec<&str> = iso.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    iso.len() == 10 && (1000..=9999).contains(&y) && (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(day: &str) -> StoryFrame {
        StoryFrame {
            terms: Vec::new(),
            standfirst: "A sentence.".into(),
            dateline: "Undated.".into(),
            figures_checked: day.into(),
        }
    }

    #[test]
    fn a_real_day_passes_and_a_wrong_one_is_named() {
        assert!(frame("2026-11-27").check().is_ok());
        assert!(frame("2024-02-29").check().is_ok());
        for wrong in [
            "2025-02-29",
            "2026-13-01",
            "27 November 2026",
            "2026-11-7",
            "",
        ] {
            let err = frame(wrong).check().err().map(|e| e.path);
            assert_eq!(err.as_deref(), Some("story.figures_checked"), "{wrong:?}");
        }
        let mut empty = frame("2026-11-27");
        empty.standfirst = " ".into();
        assert_eq!(
            empty.check().err().map(|e| e.path).as_deref(),
            Some("story.standfirst")
        );
    }
}

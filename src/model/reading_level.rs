//! How hard a sentence is to read: the Flesch–Kincaid grade level, from the counts of sentences,
//! words and syllables. Syllables are estimated from groups of vowels (a silent final "e" not
//! counted, every word at least one); a number is read as one syllable per group of digits
//! ("30,000" as two), a percentage sign as two more. Good enough to rank sentences and to hold
//! them under a grade; not a linguist's count.

/// The Flesch–Kincaid grade of `text`: 0.39 × words per sentence + 11.8 × syllables per word
/// − 15.59. `None` for a text without words.
#[must_use]
pub fn grade(text: &str) -> Option<f64> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '–' || c == '—' || c == '/')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.is_empty() {
        return None;
    }
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let sentences = sentences(text).max(1);
    let (w, s, y) = (words.len() as f64, sentences as f64, syllables as f64);
    Some(0.39 * (w / s) + 11.8 * (y / w) - 15.59)
}

/// How many sentences `text` has: each run of words ended by ".", "!" or "?" before a space or
/// the end (so that "1.42%" and "U.S" do not end one), and a last one without an end.
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut open = false;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            open = true;
        }
        let ends = matches!(c, '.' | '!' | '?')
            && chars
                .get(i + 1)
                .is_none_or(|n| n.is_whitespace() || matches!(n, '”' | '"' | ')'));
        if ends && open {
            count += 1;
            open = false;
        }
    }
    count + usize::from(open)
}

/// The syllables of one word, estimated.
fn syllables(word: &str) -> usize {
    if word.chars().any(|c| c.is_ascii_digit()) {
        let groups = word
            .split(|c: char| !c.is_ascii_digit())
            .filter(|g| !g.is_empty())
            .count();
        return groups.max(1) + if word.contains('%') { 2 } else { 0 };
    }
    let letters: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let vowel = |c: char| "aeiouyàâäéèêëîïôöûüœæ".contains(c);
    let mut groups = 0;
    let mut previous = false;
    for &c in &letters {
        let now = vowel(c);
        if now && !previous {
            groups += 1;
        }
        previous = now;
    }
    // A final "e" is mostly silent ("force", "rate"), but not in "-le" ("table").
    let n = letters.len();
    let silent_e = n > 2
        && letters.get(n - 1) == Some(&'e')
        && letters.get(n - 2).is_some_and(|&c| !vowel(c) && c != 'l');
    if silent_e && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

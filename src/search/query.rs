//! What the user typed, parsed into folded terms that must all occur.

use super::fold::fold;

/// The most characters a search takes, from the prompt, a picker or
/// `list --search`: far more than any real search, and few enough that
/// parsing and narrowing on every keystroke stay instant. What is typed or
/// pasted past it is dropped, and the user is told.
pub const MAX_QUERY_CHARS: usize = 1000;

/// What the reader says when [`append_capped`] dropped text.
pub const QUERY_CUT_MESSAGE: &str = "A search holds at most 1,000 characters: the rest was dropped";

/// Appends `typed` to `input` as far as [`MAX_QUERY_CHARS`] allows; true
/// when some of it was dropped. Costs the length of `input` plus what is
/// kept, never the length of `typed`.
pub fn append_capped(input: &mut String, typed: &str) -> bool {
    let room = MAX_QUERY_CHARS.saturating_sub(input.chars().count());
    let kept = typed
        .char_indices()
        .nth(room)
        .map_or(typed.len(), |(at, _)| at);
    input.push_str(&typed[..kept]);
    kept < typed.len()
}

/// `text` cut to [`MAX_QUERY_CHARS`]; true when it was cut.
pub fn cap(text: &str) -> (&str, bool) {
    let kept = text
        .char_indices()
        .nth(MAX_QUERY_CHARS)
        .map_or(text.len(), |(at, _)| at);
    (&text[..kept], kept < text.len())
}

/// A parsed search: every term must occur in an article (AND). Words are
/// separated by spaces; `"a quoted phrase"` is one term, spaces included. An
/// unclosed quote runs to the end, so a phrase being typed already narrows.
/// Terms are folded (see [`super::fold`]), so matching is insensitive to case,
/// width and script.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Folded, non-empty, none inside another (it would add nothing).
    terms: Vec<String>,
}

impl Query {
    pub fn parse(input: &str) -> Self {
        // Folding first turns fullwidth quotes and ideographic spaces into
        // ASCII ones, so an IME user can type `＂` and `　` too.
        let folded = fold(input);
        let mut terms: Vec<String> = Vec::new();
        for (n, part) in folded.split('"').enumerate() {
            let quoted = n % 2 == 1;
            if quoted {
                terms.push(part.trim().to_owned());
            } else {
                terms.extend(part.split(' ').map(str::to_owned));
            }
        }
        terms.retain(|t| !t.is_empty());
        // Longest first: a term inside a longer one is redundant.
        terms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        terms.dedup();
        // Each term is looked for once in all longer ones kept so far,
        // joined: one substring search a term, not one a pair.
        let mut kept: Vec<String> = Vec::with_capacity(terms.len());
        let mut joined = String::new();
        for term in terms {
            if memchr::memmem::find(joined.as_bytes(), term.as_bytes()).is_none() {
                joined.push_str(&term);
                joined.push(SEPARATOR);
                kept.push(term);
            }
        }
        Query { terms: kept }
    }

    /// An empty query matches every article.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded terms, longest first.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// True when every article matching `self` also matches `previous`, so
    /// `self` can be answered by narrowing `previous`'s result (the usual
    /// case while typing: a term grew or a word was added).
    pub fn narrows(&self, previous: &Query) -> bool {
        let mut joined = String::new();
        for term in &self.terms {
            joined.push_str(term);
            joined.push(SEPARATOR);
        }
        let finder = |old: &String| memchr::memmem::find(joined.as_bytes(), old.as_bytes());
        previous.terms.iter().all(|old| finder(old).is_some())
    }
}

/// Between terms joined for one substring search. Terms never hold it:
/// folding drops control characters.
const SEPARATOR: char = '\0';

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(input: &str) -> Vec<String> {
        Query::parse(input).terms().to_vec()
    }

    #[test]
    fn words_are_separate_terms() {
        assert_eq!(terms("習近平 訪韓"), ["习近平", "访韩"]);
        assert_eq!(terms("  Hong   KONG "), ["hong", "kong"]);
    }

    #[test]
    fn ideographic_space_separates_words() {
        assert_eq!(terms("金正恩　訪華"), ["金正恩", "访华"]);
    }

    #[test]
    fn quoted_phrase_is_one_term() {
        assert_eq!(terms("\"Hong  Kong\" 民主"), ["hong kong", "民主"]);
        assert_eq!(terms("＂ｘｉ　ｊｉｎｐｉｎｇ＂"), ["xi jinping"]);
    }

    #[test]
    fn unclosed_quote_runs_to_the_end() {
        assert_eq!(terms("news \"hong ko"), ["hong ko", "news"]);
    }

    #[test]
    fn empty_and_blank_queries_are_empty() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("  \"\" \u{200B} ").is_empty());
    }

    #[test]
    fn redundant_terms_are_dropped() {
        assert_eq!(terms("港 香港 香港"), ["香港"]);
    }

    #[test]
    fn narrowing_is_detected() {
        let q = Query::parse;
        assert!(q("習近").narrows(&q("习")));
        assert!(q("香港 民主").narrows(&q("香港")));
        assert!(q("abc").narrows(&q("")));
        assert!(!q("習").narrows(&q("習近")));
        assert!(!q("香港").narrows(&q("香港 民主")));
        // Not across two terms.
        assert!(!q("ab cd").narrows(&q("bc")));
    }

    #[test]
    fn appending_stops_at_the_limit() {
        let mut input = "新".repeat(MAX_QUERY_CHARS - 2);
        assert!(!append_capped(&mut input, "聞"));
        assert!(append_capped(&mut input, "報道"));
        assert_eq!(input.chars().count(), MAX_QUERY_CHARS);
        assert!(input.ends_with("新聞報"));
        assert!(append_capped(&mut input, "x"));
        assert_eq!(input.chars().count(), MAX_QUERY_CHARS);
        let long = "字".repeat(MAX_QUERY_CHARS + 5);
        let (kept, cut) = cap(&long);
        assert!(cut);
        assert_eq!(kept.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(cap("短"), ("短", false));
    }

    #[test]
    fn folding_drops_the_separator() {
        assert_eq!(terms("a\0b"), ["ab"]);
    }
}

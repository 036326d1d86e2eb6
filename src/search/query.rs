//! What the user typed, parsed into folded terms that must all occur.

use super::fold::fold;

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
        let mut kept: Vec<String> = Vec::with_capacity(terms.len());
        for term in terms {
            if !kept.iter().any(|k| k.contains(term.as_str())) {
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
        previous
            .terms
            .iter()
            .all(|old| self.terms.iter().any(|new| new.contains(old.as_str())))
    }
}

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
    }
}

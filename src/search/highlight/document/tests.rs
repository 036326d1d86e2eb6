use super::*;

fn lines_of(positions: &[MatchPosition]) -> Vec<usize> {
    positions.iter().map(|p| p.line).collect()
}

#[test]
fn n_and_shift_n_wrap_around() {
    let lines = ["香港", "none", "台灣 香港", "香港"];
    let positions = match_positions(lines, &Query::parse("香港"));
    assert_eq!(lines_of(&positions), [0, 2, 3]);
    assert_eq!(positions[1].range, 7..13);
    assert_eq!(next_match(&positions, 0).map(|p| p.line), Some(2));
    assert_eq!(next_match(&positions, 3).map(|p| p.line), Some(0));
    assert_eq!(previous_match(&positions, 2).map(|p| p.line), Some(0));
    assert_eq!(previous_match(&positions, 0).map(|p| p.line), Some(3));
    assert!(next_match(&[], 0).is_none());
}

#[test]
fn a_cjk_match_wrapped_over_two_lines_is_found_and_split() {
    let lines = ["國家主席習", "近平可能成行。"];
    let found = match_lines(lines, &Query::parse("习近平"));
    assert_eq!(
        found.starts,
        [MatchPosition {
            line: 0,
            range: 12..15
        }]
    );
    assert_eq!(found.ranges[0], vec![12..15]);
    assert_eq!(found.ranges[1], vec![0..6]);
    assert_eq!(&lines[1][found.ranges[1][0].clone()], "近平");
}

#[test]
fn indented_continuations_still_join() {
    let lines = ["  引文中的習", "  近平"];
    let found = match_lines(lines, &Query::parse("習近平"));
    assert_eq!(found.starts.len(), 1);
    assert_eq!(&lines[1][found.ranges[1][0].clone()], "近平");
}

#[test]
fn latin_words_wrapped_apart_stay_apart() {
    let lines = ["news from Hong", "Kong today"];
    assert_eq!(
        match_lines(lines, &Query::parse("\"hong kong\""))
            .starts
            .len(),
        1
    );
    assert!(match_lines(lines, &Query::parse("hongkong")).is_empty());
}

#[test]
fn blank_lines_part_paragraphs() {
    let lines = ["第一段的香", "", "港第二段"];
    assert!(match_lines(lines, &Query::parse("香港")).is_empty());
    let lines = ["第一段的香", "港第二段"];
    assert_eq!(match_lines(lines, &Query::parse("香港")).starts.len(), 1);
}

#[test]
fn several_terms_and_overlaps_merge_per_line() {
    let lines = ["香港國安法", "國安"];
    let found = match_lines(lines, &Query::parse("香港 國安"));
    assert_eq!(found.ranges[0], vec![0..12]);
    assert_eq!(found.ranges[1], vec![0..6]);
    assert_eq!(lines_of(&found.starts), [0, 0, 1]);
}

#[test]
fn empty_query_or_document_finds_nothing() {
    assert!(match_lines(["abc"], &Query::parse("")).is_empty());
    assert!(match_lines([], &Query::parse("abc")).is_empty());
    assert_eq!(match_lines(["", ""], &Query::parse("a")).ranges.len(), 2);
}

mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::search::fold;

    proptest! {
        /// CJK text wrapped anywhere (as the wrapper may, between any two
        /// ideographs): every occurrence in the unwrapped text is found,
        /// and what is highlighted reads as the term.
        #[test]
        fn wrapping_cjk_text_loses_no_match(
            text in "[香港國家安全法習近平台灣]{1,40}",
            cuts in proptest::collection::vec(1usize..6, 0..12),
            from in 0usize..40,
            len in 1usize..5,
        ) {
            let chars: Vec<char> = text.chars().collect();
            let from = from.min(chars.len() - 1);
            let term: String = chars[from..(from + len).min(chars.len())].iter().collect();
            let mut lines = Vec::new();
            let mut rest = text.as_str();
            for cut in cuts {
                let at = rest.char_indices().nth(cut).map_or(rest.len(), |(i, _)| i);
                let (line, tail) = rest.split_at(at);
                lines.push(line);
                rest = tail;
            }
            lines.push(rest);
            let query = Query::parse(&term);
            let found = match_lines(lines.iter().copied(), &query);
            let expected = fold(&text).matches(query.terms()[0].as_str()).count();
            prop_assert!(!found.starts.is_empty());
            prop_assert!(found.starts.len() <= expected);
            let marked: String = found
                .ranges
                .iter()
                .zip(&lines)
                .flat_map(|(ranges, line)| ranges.iter().map(move |r| &line[r.clone()]))
                .collect();
            prop_assert!(fold(&marked).contains(query.terms()[0].as_str()), "{lines:?} {term:?} {marked:?}");
        }
    }
}

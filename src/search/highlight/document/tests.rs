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

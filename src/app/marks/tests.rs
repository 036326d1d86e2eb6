//! The flags beside the marks, and the view.

use super::*;
use crate::app::tests::article;

#[test]
fn flags_follow_the_marks_and_the_view() {
    let articles = vec![article("a", &[], &[]), article("b", &[], &[])];
    let mut marks = MarkBook::in_memory();
    marks.set_read("b", true);
    let mut state = MarkState::new(marks, &articles);
    assert!(!state.is_read(0) && state.is_read(1));
    assert_eq!(state.count_unread(&[0, 1]), 1);
    assert!(state.set_read(&articles, 0, true));
    assert!(!state.set_read(&articles, 0, true));
    assert!(state.marks().is_read("a"));
    assert!(state.toggle_star(&articles, 1));
    state.set_view(ViewFilter::Starred);
    assert!(!state.admits(0) && state.admits(1));
    state.set_view(ViewFilter::Unread);
    assert!(!state.admits(0) && !state.admits(1));
    assert!(
        !state.set_read(&articles, 7, true),
        "out of range is ignored"
    );
}

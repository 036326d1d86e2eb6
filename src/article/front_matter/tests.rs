use super::*;

fn closed(text: &str) -> (String, String) {
    match split(text.as_bytes(), true) {
        Split::Closed {
            front, body_start, ..
        } => (text[front].to_owned(), text[body_start..].to_owned()),
        other => panic!("not closed: {other:?}"),
    }
}

#[test]
fn dashes_open_and_close() {
    assert_eq!(
        closed("---\ntitle: a\n---\nbody\n"),
        ("title: a\n".into(), "body\n".into())
    );
}

#[test]
fn dots_close_too() {
    assert_eq!(
        closed("---\ntitle: a\n...\nbody"),
        ("title: a\n".into(), "body".into())
    );
}

#[test]
fn later_dashes_are_a_thematic_break_in_the_body() {
    assert_eq!(
        closed("---\na: 1\n---\ntext\n---\nfooter\n").1,
        "text\n---\nfooter\n"
    );
}

#[test]
fn bom_and_crlf_are_fine() {
    let (yaml, body) = closed("\u{FEFF}---\r\ntitle: a\r\n---\r\nbody\r\n");
    assert_eq!(yaml, "title: a\r\n");
    assert_eq!(body, "body\r\n");
}

#[test]
fn trailing_blanks_on_markers_are_fine() {
    assert_eq!(closed("--- \ntitle: a\n---\t\n").0, "title: a\n");
}

#[test]
fn closing_line_at_end_without_newline() {
    assert_eq!(
        closed("---\ntitle: a\n---"),
        ("title: a\n".into(), String::new())
    );
}

#[test]
fn empty_front_matter() {
    assert_eq!(closed("---\n---\nbody").0, "");
}

#[test]
fn no_opening_line_means_all_body() {
    assert_eq!(
        split(b"# Title\n---\n", true),
        Split::NoFrontMatter { body_start: 0 }
    );
    assert_eq!(
        split(b"----\na: 1\n----\n", true),
        Split::NoFrontMatter { body_start: 0 }
    );
    assert_eq!(
        split("\u{FEFF}# T".as_bytes(), true),
        Split::NoFrontMatter { body_start: 3 }
    );
    assert_eq!(split(b"", true), Split::NoFrontMatter { body_start: 0 });
}

#[test]
fn no_closing_line() {
    assert_eq!(
        split(b"---\ntitle: a\n\n# Body\n", true),
        Split::Unclosed {
            kind: FrontKind::Yaml,
            body_start: 0
        }
    );
    assert_eq!(
        split(b"---", true),
        Split::Unclosed {
            kind: FrontKind::Yaml,
            body_start: 0
        }
    );
}

#[test]
fn partial_prefix_asks_for_more() {
    assert_eq!(split(b"---\ntitle: a\n", false), Split::NeedMore);
    assert_eq!(split(b"---\ntitle: a\n--", false), Split::NeedMore);
    assert_eq!(split(b"--", false), Split::NeedMore);
    assert_eq!(
        split(b"# no", false),
        Split::NoFrontMatter { body_start: 0 }
    );
    assert!(matches!(
        split(b"---\na: 1\n---\nbo", false),
        Split::Closed { .. }
    ));
}

fn kind_of(text: &str) -> Option<FrontKind> {
    match split(text.as_bytes(), true) {
        Split::Closed { kind, .. } => Some(kind),
        _ => None,
    }
}

#[test]
fn toml_between_plus_lines() {
    let text = "+++\ntitle = \"a\"\n+++\nbody\n";
    assert_eq!(kind_of(text), Some(FrontKind::Toml));
    assert_eq!(closed(text), ("title = \"a\"\n".into(), "body\n".into()));
    assert_eq!(
        closed("+++\r\na = 1\r\n---\r\n+++\r\nb"),
        ("a = 1\r\n---\r\n".into(), "b".into()),
        "`---` does not close TOML"
    );
}

#[test]
fn json_object_up_to_its_matching_brace() {
    let text =
        "{\n  \"title\": \"a } b\",\n  \"tags\": [\"x\", \"{\"],\n  \"q\": \"\\\"}\"\n}\nbody {}\n";
    assert_eq!(kind_of(text), Some(FrontKind::Json));
    let (front, body) = closed(text);
    assert!(front.starts_with('{') && front.ends_with('}'), "{front}");
    assert_eq!(body, "body {}\n");
    assert_eq!(closed("{ \"title\": \"x\" }").1, "");
    assert_eq!(closed("{\"a\":1}body").1, "body");
}

#[test]
fn braces_that_are_not_json_front_matter() {
    for body in ["{{< figure src=\"a\" >}}\n", "{% raw %}\n", "{x}\n"] {
        assert_eq!(
            split(body.as_bytes(), true),
            Split::NoFrontMatter { body_start: 0 },
            "{body}"
        );
    }
    assert_eq!(
        split(b"{\n\"a\": [1,\n", true),
        Split::Unclosed {
            kind: FrontKind::Json,
            body_start: 0
        }
    );
    assert_eq!(split(b"{\n\"a\": 1", false), Split::NeedMore);
    assert_eq!(split(b"{", false), Split::NeedMore);
    assert_eq!(split(b"{\"a\":1}", false), Split::NeedMore);
    assert_eq!(split(b"++", false), Split::NeedMore);
}

proptest::proptest! {
    #[test]
    fn any_bytes_split_without_panic_inside_the_input(
        bytes in proptest::collection::vec(proptest::sample::select(
            b"{}[]\"\\+-.\n\r ax".to_vec()), 0..200),
        complete: bool,
    ) {
        match split(&bytes, complete) {
            Split::Closed { front, body_start, .. } => {
                proptest::prop_assert!(front.end <= body_start && body_start <= bytes.len());
            }
            Split::NoFrontMatter { body_start } | Split::Unclosed { body_start, .. } => {
                proptest::prop_assert!(body_start <= bytes.len());
            }
            Split::NeedMore => proptest::prop_assert!(!complete),
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes: Vec<u8>, complete: bool) {
        let _ = split(&bytes, complete);
    }
}

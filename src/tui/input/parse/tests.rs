use crossterm::event::{MouseEvent, MouseEventKind};

use super::*;

fn events(chunks: &[&[u8]]) -> Vec<Event> {
    let mut parser = Parser::default();
    let mut out = Vec::new();
    for chunk in chunks {
        parser.feed(chunk, &mut out);
    }
    parser.idle(&mut out);
    out
}

fn k(code: KeyCode) -> Event {
    key(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> Event {
    key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn keys_characters_and_control_bytes() {
    assert_eq!(
        events(&["q新".as_bytes(), b"\x03\r\x7f\tJ"]),
        [
            k(KeyCode::Char('q')),
            k(KeyCode::Char('新')),
            ctrl('c'),
            k(KeyCode::Enter),
            k(KeyCode::Backspace),
            k(KeyCode::Tab),
            key(KeyCode::Char('J'), KeyModifiers::SHIFT),
        ]
    );
}

#[test]
fn a_character_split_across_reads_is_one() {
    let bytes = "聞".as_bytes();
    assert_eq!(
        events(&[&bytes[..1], &bytes[1..]]),
        [k(KeyCode::Char('聞'))]
    );
}

#[test]
fn escape_sequences() {
    assert_eq!(
        events(&[b"\x1b[A\x1bOB\x1b[5~\x1b[1;5C\x1b[Z\x1bx"]),
        [
            k(KeyCode::Up),
            k(KeyCode::Down),
            k(KeyCode::PageUp),
            key(KeyCode::Right, KeyModifiers::CONTROL),
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
            key(KeyCode::Char('x'), KeyModifiers::ALT),
        ]
    );
}

#[test]
fn a_lone_escape_is_esc_once_input_is_quiet() {
    let mut parser = Parser::default();
    let mut out = Vec::new();
    parser.feed(b"\x1b", &mut out);
    assert!(out.is_empty() && parser.waiting());
    parser.idle(&mut out);
    assert_eq!(out, [k(KeyCode::Esc)]);
    assert_eq!(
        events(&[b"\x1b\x1b[B"]),
        [k(KeyCode::Esc), k(KeyCode::Down)]
    );
}

#[test]
fn mouse_wheel_bursts_split_anywhere() {
    let one = b"\x1b[<65;10;5M";
    let burst: Vec<u8> = one.repeat(200).into_iter().chain(*b"q").collect();
    // Read in pieces that cut sequences in the middle.
    let chunks: Vec<&[u8]> = burst.chunks(1000).collect();
    let got = events(&chunks);
    assert_eq!(got.len(), 201);
    assert!(got[..200].iter().all(|e| matches!(
        e,
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 9,
            row: 4,
            ..
        })
    )));
    assert_eq!(got[200], k(KeyCode::Char('q')));
}

#[test]
fn bracketed_paste_arrives_whole() {
    assert_eq!(
        events(&[b"\x1b[200~a\r\nb", "新\x1b[20".as_bytes(), b"1~x"]),
        [Event::Paste("a\r\nb新".into()), k(KeyCode::Char('x'))]
    );
}

#[test]
fn an_unterminated_paste_ends_when_input_is_quiet() {
    let mut parser = Parser::default();
    let mut out = Vec::new();
    parser.feed(b"\x1b[200~pasted", &mut out);
    assert!(out.is_empty());
    parser.idle(&mut out);
    assert_eq!(out, [Event::Paste("pasted".into())]);
    out.clear();
    parser.feed(b"q", &mut out);
    assert_eq!(out, [k(KeyCode::Char('q'))], "later keys are keys");
}

#[test]
fn ctrl_c_ends_an_unterminated_paste() {
    assert_eq!(
        events(&[b"\x1b[200~abc\x03q"]),
        [Event::Paste("abc".into()), ctrl('c'), k(KeyCode::Char('q'))]
    );
}

#[test]
fn a_huge_paste_is_cut_and_still_ends() {
    let mut bytes = PASTE_START.to_vec();
    bytes.extend(std::iter::repeat_n(b'x', PASTE_LIMIT + 5000));
    bytes.extend_from_slice(PASTE_END);
    bytes.push(b'q');
    let got = events(&[&bytes]);
    assert_eq!(got.len(), 2);
    let Event::Paste(text) = &got[0] else {
        panic!("{:?}", got[0]);
    };
    assert_eq!(text.len(), PASTE_LIMIT);
    assert_eq!(got[1], k(KeyCode::Char('q')));
}

#[test]
fn garbage_never_sticks() {
    // Invalid UTF-8, an overlong sequence, unknown sequences.
    let mut long = b"\x1b[".to_vec();
    long.extend(std::iter::repeat_n(b'1', 500));
    long.push(b'q');
    let got = events(&[b"\xff\xfe", &long, b"\x1b[99x", b"z"]);
    assert_eq!(got.last(), Some(&k(KeyCode::Char('z'))));
}

/// Esc, then a key in a later read, is Esc and that key (a person typing
/// quickly on a loaded machine); both in one read is Alt+key, as a
/// terminal sends it.
#[test]
fn escape_then_a_key_is_alt_only_within_one_read() {
    assert_eq!(
        events(&[b"\x1b", b"q"]),
        [k(KeyCode::Esc), k(KeyCode::Char('q'))]
    );
    assert_eq!(
        events(&[b"\x1bq"]),
        [key(KeyCode::Char('q'), KeyModifiers::ALT)]
    );
    assert_eq!(
        events(&[b"j\x1b", "新j".as_bytes()]),
        [
            k(KeyCode::Char('j')),
            k(KeyCode::Esc),
            k(KeyCode::Char('新')),
            k(KeyCode::Char('j')),
        ]
    );
    // Esc, Esc in two reads, then a key in a third: two Escs and the key.
    assert_eq!(
        events(&[b"\x1b", b"\x1b", b"\r"]),
        [k(KeyCode::Esc), k(KeyCode::Esc), k(KeyCode::Enter)]
    );
    // A control byte after a lone Esc: Esc and Ctrl-c, never Alt-Ctrl-c.
    assert_eq!(events(&[b"\x1b", b"\x03"]), [k(KeyCode::Esc), ctrl('c')]);
}

/// A sequence split right after its ESC is still one key, whatever splits
/// it: `[` or `O` after a lone ESC continue it.
#[test]
fn a_sequence_split_after_its_escape_is_still_one_key() {
    assert_eq!(events(&[b"\x1b", b"[A"]), [k(KeyCode::Up)]);
    assert_eq!(events(&[b"\x1b", b"OB"]), [k(KeyCode::Down)]);
    assert_eq!(events(&[b"\x1b", b"[", b"5~"]), [k(KeyCode::PageUp)]);
    // A paste's start split after its ESC still starts a paste.
    assert_eq!(
        events(&[b"\x1b", b"[200~q\x1b", b"[201~"]),
        [Event::Paste("q".to_owned())]
    );
}

proptest::proptest! {
    /// Keys, sequences and Alt keys as a terminal sends them, split into
    /// reads anywhere but between the two bytes of an Alt key (which a
    /// terminal writes at once): the same events as in one read.
    #[test]
    fn reads_split_anywhere_but_after_a_lone_escape_change_nothing(
        picks in proptest::collection::vec(0usize..8, 1..40),
        cuts in proptest::collection::vec(0usize..400, 0..12),
    ) {
        const PIECES: [&[u8]; 8] = [
            b"j", "新".as_bytes(), b"\x1b[A", b"\x1bOB", b"\x1b[1;5C",
            b"\x1b[<65;10;5M", b"\x1bx", b"\r",
        ];
        let bytes: Vec<u8> = picks.iter().flat_map(|&p| PIECES[p].iter().copied()).collect();
        let whole = events(&[&bytes]);
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % bytes.len()).collect();
        cuts.sort_unstable();
        cuts.dedup();
        // `ESC x` (Alt-x) split after its ESC is Esc then x by design.
        cuts.retain(|&c| !(c > 0 && bytes[c - 1] == 0x1b && bytes[c] == b'x'));
        let mut chunks = Vec::new();
        let mut from = 0;
        for c in cuts {
            chunks.push(&bytes[from..c]);
            from = c;
        }
        chunks.push(&bytes[from..]);
        proptest::prop_assert_eq!(events(&chunks), whole);
    }
}

//! Text that fits the terminal: help and messages wrap instead of being
//! cut, long headers end in one ellipsis, and keys do nothing while the
//! terminal is too small.

use crossterm::event::Event;

use crate::common::session::{press, screen};
use crate::session;

#[test]
fn help_uses_the_width_and_wraps_instead_of_cutting() {
    for (w, h) in [(40, 12), (80, 24), (200, 60)] {
        let mut s = session(w, h, false);
        press(&mut s, "?");
        let mut seen = String::new();
        for _ in 0..80 {
            let text = screen(&s);
            for line in text.lines().filter(|l| l.matches('│').count() >= 2) {
                let inside = &line[line.find('│').unwrap()..line.rfind('│').unwrap()];
                assert!(!inside.contains('…'), "{w}x{h}: {line}");
                seen.push_str(inside);
                seen.push('\n');
            }
            press(&mut s, "j");
        }
        for needed in ["Ctrl-f", "PageDown", "page down", "this help", "Ctrl-d"] {
            assert!(
                seen.contains(needed),
                "{w}x{h}: {needed} missing in\n{seen}"
            );
        }
        if w >= 120 {
            // Wide enough: keys and what they do on one line.
            let on_one_line = |keys: &str, what: &str| {
                seen.lines()
                    .any(|l| l.contains(&format!(" {keys} ")) && l.trim_end().ends_with(what))
            };
            assert!(on_one_line("Space PageDown Ctrl-f", "page down"), "{seen}");
            assert!(on_one_line("Ctrl-d", "half a page down"), "{seen}");
        }
    }
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let mut s = session(80, 24, false);
    let before = screen(&s).lines().next().unwrap().to_owned();
    assert!(before.contains("unread"), "{before}");
    s.terminal_mut().backend_mut().resize(30, 8);
    s.handle_event(&Event::Resize(30, 8));
    press(&mut s, "Ry");
    press(&mut s, "\nrs");
    press(&mut s, "t\n");
    s.terminal_mut().backend_mut().resize(80, 24);
    s.handle_event(&Event::Resize(80, 24));
    s.draw().unwrap();
    let after = screen(&s);
    assert_eq!(after.lines().next().unwrap(), before);
    assert!(!after.contains("marked"), "{after}");
}

#[test]
fn the_empty_list_message_wraps_instead_of_being_cut() {
    let mut s = session(40, 12, false);
    // Starred view, nothing starred.
    press(&mut s, "vv");
    let text = screen(&s);
    let body: String = text.lines().skip(1).take(4).collect::<Vec<_>>().join(" ");
    assert!(!body.contains('…'), "{text}");
    assert!(
        body.contains("No starred articles here; v changes the view."),
        "{text}"
    );
}

#[test]
fn a_long_filter_header_ends_in_one_ellipsis() {
    for w in 40..=70 {
        let mut s = session(w, 12, false);
        press(&mut s, "/\"香港特別行政區政府新聞公報全文及附件下載\"\n");
        let text = screen(&s);
        let header = text.lines().next().unwrap();
        assert_eq!(header.matches('…').count(), 1, "{w}: {header}");
        assert!(header.ends_with('…'), "{w}: {header}");
        // A query with ellipses of its own, cut at each of them somewhere.
        let mut s = session(w, 12, false);
        press(&mut s, "/\"港…特區…政府…新聞…公報…全文…附件…下載…\"\n");
        let text = screen(&s);
        let header = text.lines().next().unwrap();
        assert!(!header.contains("……"), "{w}: {header}");
    }
}

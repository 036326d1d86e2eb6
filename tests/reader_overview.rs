//! The sources view, the timeline, the filter bar's chips and the pipe and
//! date prompts, as text, at three sizes, over the CJK fixtures
//! (tests/fixtures/reader).

mod common;

use common::archive::fixtures;
use common::session::{press, screen};
use inkstone::app::Options;
use inkstone::tui::Session;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(40, 12), (80, 24), (120, 40)];

fn session(width: u16, height: u16) -> Session<TestBackend> {
    common::session::start(
        fixtures("reader"),
        (width, height),
        Options::default(),
        Some("reader-fixtures"),
    )
}

#[test]
fn sources_view() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "F");
        let shown = screen(&s);
        assert!(shown.contains("Sources"), "{shown}");
        insta::assert_snapshot!(format!("sources_{w}x{h}"), shown);
        // Enter lists the source's articles; its chip is in the header.
        press(&mut s, "\n");
        insta::assert_snapshot!(format!("sources_chosen_{w}x{h}"), screen(&s));
    }
}

#[test]
fn timeline_by_month_and_day() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "T");
        insta::assert_snapshot!(format!("timeline_{w}x{h}"), screen(&s));
        press(&mut s, "z");
        insta::assert_snapshot!(format!("timeline_days_{w}x{h}"), screen(&s));
        press(&mut s, "\n");
        let shown = screen(&s);
        insta::assert_snapshot!(format!("timeline_chosen_{w}x{h}"), shown);
    }
}

#[test]
fn chips_come_off_one_by_one() {
    let mut s = session(80, 24);
    // Unread only, a source, a month: three chips.
    press(&mut s, "vF\nT\n");
    insta::assert_snapshot!("chips_three_80x24", screen(&s));
    press(&mut s, "x");
    insta::assert_snapshot!("chips_two_80x24", screen(&s));
}

#[test]
fn pipe_and_date_prompts() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "|wc -c");
        insta::assert_snapshot!(format!("pipe_prompt_{w}x{h}"), screen(&s));
        let mut s = session(w, h);
        press(&mut s, "D2021-08");
        insta::assert_snapshot!(format!("date_prompt_{w}x{h}"), screen(&s));
        press(&mut s, "\n");
        insta::assert_snapshot!(format!("date_jumped_{w}x{h}"), screen(&s));
    }
}

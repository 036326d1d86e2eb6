//! What reaches the terminal's cells: no colours with `NO_COLOR`, config
//! colours on article text, and hostile text drawn clean.

use std::path::Path;

use inkstone::app::Options;
use inkstone::config::Config;
use inkstone::tui::Session;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use crate::common;
use crate::common::archive::fixtures;
use crate::common::session::{press, screen, wait_for_body};
use crate::session;

#[test]
fn no_color_draws_without_colours() {
    for keys in ["", "\n", "t", "?"] {
        let mut s = session(80, 24, true);
        press(&mut s, keys);
        let buffer = s.terminal().backend().buffer();
        for cell in buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "after {keys:?}: {cell:?}"
            );
        }
    }
}

/// The article view of the links fixture, with config.yaml's `yaml`.
fn article_with_config(yaml: &str, monochrome: bool) -> Session<TestBackend> {
    let config = Config::parse(yaml, Path::new("config.yaml")).expect("config parses");
    let options = Options {
        monochrome,
        colors: config.colors,
        ..Options::default()
    };
    let mut s = common::session::start(fixtures("links"), (80, 24), options, Some("links"));
    press(&mut s, "\n");
    wait_for_body(&mut s);
    s
}

/// The text of the cells drawn in `colour`.
fn drawn_in(s: &Session<TestBackend>, colour: Color) -> String {
    let buffer = s.terminal().backend().buffer();
    buffer
        .content()
        .iter()
        .filter(|cell| cell.fg == colour)
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn config_colours_reach_the_article_text() {
    let title = Color::Rgb(0xff, 0x88, 0x00);
    let link = Color::Rgb(0x00, 0xff, 0x88);
    let yaml = "colors:\n  article_title: \"bold #ff8800\"\n  article_link: \"#00ff88\"\n";
    let s = article_with_config(yaml, false);
    let shown = screen(&s);
    assert!(shown.contains("立法會選舉連結整理"), "{shown}");
    assert!(
        drawn_in(&s, title).contains("立法會選舉連結整理"),
        "the title in the configured colour:\n{shown}"
    );
    assert!(
        !drawn_in(&s, link).is_empty(),
        "links in the configured colour:\n{shown}"
    );
    // Without the config: the built-in colours.
    let plain = article_with_config("", false);
    assert!(drawn_in(&plain, title).is_empty());
    assert!(drawn_in(&plain, link).is_empty());
    // Monochrome is a theme too: the configured colours do not apply.
    let mono = article_with_config(yaml, true);
    assert!(drawn_in(&mono, title).is_empty());
    assert!(drawn_in(&mono, link).is_empty());
}

/// Characters that would act on a terminal instead of being shown.
fn terminal_control(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[test]
fn hostile_text_is_drawn_clean() {
    let mut s = session(120, 40, false);
    press(&mut s, "G\n");
    let shown = screen(&s);
    assert!(shown.contains("Hostile"), "{shown}");
    assert!(
        shown.chars().all(|c| c == '\n' || !terminal_control(c)),
        "{shown:?}"
    );
    press(&mut s, "\u{1b}t");
    let shown = screen(&s);
    assert!(
        shown.chars().all(|c| c == '\n' || !terminal_control(c)),
        "{shown:?}"
    );
}

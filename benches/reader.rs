//! The reader on the full archive at 200x60: time from a key press to the
//! finished frame (keymap, `App::update`, effects such as reading and
//! rendering a body, `ui::draw` into ratatui's `TestBackend`), and peak RSS.
//!
//! `cargo bench --bench reader`. Uses `target/corpus-full` (unpacked from
//! `../shared/corpus/hkcnews-full.tar.zst` when missing) or the folder in
//! `INKSTONE_CORPUS` (see `support::corpus`); prints a Markdown table.

use std::time::{Duration, Instant};

use crossterm::event::KeyCode;
use inkstone::app::{App, Options, View};
use inkstone::keymap::Keymap;
use inkstone::library::Library;
use inkstone::tui::Session;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod support;
use support::keys::{ch, key, press};
use support::measure::{own_status_kib, p50_p99_max};

fn peak_rss_mb() -> Option<f64> {
    Some(own_status_kib("VmHWM") as f64 / 1024.0).filter(|&mb| mb > 0.0)
}

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

struct Samples {
    name: &'static str,
    times: Vec<Duration>,
}

impl Samples {
    fn new(name: &'static str) -> Self {
        Samples {
            name,
            times: Vec::new(),
        }
    }

    fn row(&mut self) -> String {
        let (p50, p99, max) = p50_p99_max(&mut self.times);
        format!(
            "| {} | {} | {:.2} | {:.2} | {:.2} |",
            self.name,
            self.times.len(),
            p50,
            p99,
            max
        )
    }
}

fn main() {
    let Some(dir) = support::corpus::full() else {
        support::corpus::skipped("reader");
        return;
    };
    let start = Instant::now();
    let library = Library::load(&[dir]);
    let load = start.elapsed();
    let articles = library.articles.len();
    let keymap = Keymap::defaults();
    let start = Instant::now();
    let app = App::new(library, keymap.guide(), Options::default());
    let build = start.elapsed();
    let terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    let mut s = Session::new(app, keymap, terminal).expect("session");
    s.draw().expect("draw");

    let mut moves = Samples::new("move (`j`)");
    for _ in 0..2000 {
        moves.times.push(press(&mut s, &ch('j')));
    }
    let mut pages = Samples::new("page (`Space`)");
    for _ in 0..500 {
        pages.times.push(press(&mut s, &ch(' ')));
    }
    let mut last = Samples::new("last (`G`)");
    let mut first = Samples::new("first (`g`)");
    for _ in 0..50 {
        last.times.push(press(&mut s, &ch('G')));
        first.times.push(press(&mut s, &ch('g')));
    }

    // Open articles spread over the archive (read + parse + wrap + draw).
    let mut open = Samples::new("open article (`Enter`)");
    let mut scroll = Samples::new("scroll article (`j`)");
    let mut back = Samples::new("back to list (`Esc`)");
    for _ in 0..300 {
        for _ in 0..3 {
            s.handle_event(&key(KeyCode::PageDown));
        }
        open.times.push(press(&mut s, &key(KeyCode::Enter)));
        assert_eq!(s.app().view(), View::Detail);
        for _ in 0..5 {
            scroll.times.push(press(&mut s, &ch('j')));
        }
        back.times.push(press(&mut s, &key(KeyCode::Esc)));
    }

    // Tag filters on the whole archive.
    s.handle_event(&ch('g'));
    let mut picker_open = Samples::new("open tag picker (`t`)");
    let mut picker_type = Samples::new("type in tag picker (fuzzy, 15k tags)");
    let mut apply = Samples::new("apply tag filter (picker `Enter`)");
    let mut clear = Samples::new("clear filters (`Backspace`)");
    let mut digit = Samples::new("filter by article's tag (`1`)");
    for round in 0..100 {
        for _ in 0..round % 7 {
            s.handle_event(&ch(' '));
        }
        picker_open.times.push(press(&mut s, &ch('t')));
        picker_type.times.push(press(&mut s, &ch('香')));
        picker_type.times.push(press(&mut s, &ch('港')));
        apply.times.push(press(&mut s, &key(KeyCode::Enter)));
        assert!(!s.app().filters().is_empty());
        clear.times.push(press(&mut s, &key(KeyCode::Backspace)));
        assert!(s.app().filters().is_empty());
        s.handle_event(&key(KeyCode::Enter));
        digit.times.push(press(&mut s, &ch('1')));
        s.handle_event(&key(KeyCode::Backspace));
        s.handle_event(&key(KeyCode::Esc));
    }

    println!(
        "Reader, {articles} articles, {WIDTH}x{HEIGHT} TestBackend; archive loaded in {:.0} ms, App::new (indexes) {:.0} ms\n",
        load.as_secs_f64() * 1000.0,
        build.as_secs_f64() * 1000.0
    );
    println!("| key -> finished frame | n | median ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|");
    for samples in [
        &mut moves,
        &mut pages,
        &mut first,
        &mut last,
        &mut open,
        &mut scroll,
        &mut back,
        &mut picker_open,
        &mut picker_type,
        &mut apply,
        &mut clear,
        &mut digit,
    ] {
        println!("{}", samples.row());
    }
    match peak_rss_mb() {
        Some(mb) => println!("\nPeak RSS (VmHWM) after loading and browsing: {mb:.0} MB"),
        None => println!("\nPeak RSS: not available on this system"),
    }
}

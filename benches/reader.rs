//! The reader on the full archive at 200x60: time from a key press to the
//! finished frame (keymap, `App::update`, effects such as reading and
//! rendering a body, `ui::draw` into ratatui's `TestBackend`), and peak RSS.
//!
//! `cargo bench --bench reader`. Uses `target/corpus-full` (unpacked from
//! `../shared/corpus/hkcnews-full.tar.zst` when missing) or the folder in
//! `INKSTONE_BENCH_ARCHIVE`; prints a Markdown table.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use inkstone::app::{App, Options, View};
use inkstone::keymap::Keymap;
use inkstone::library::Library;
use inkstone::tui::Session;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn archive() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("INKSTONE_BENCH_ARCHIVE") {
        return Some(dir.into());
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/corpus-full");
    if dir.join("articles").is_dir() {
        return Some(dir.join("articles"));
    }
    let tarball = root.join("../shared/corpus/hkcnews-full.tar.zst");
    if !tarball.is_file() {
        return None;
    }
    std::fs::create_dir_all(&dir).ok()?;
    let status = Command::new("tar")
        .arg("-I")
        .arg("zstd")
        .arg("-xf")
        .arg(&tarball)
        .arg("-C")
        .arg(&dir)
        .status()
        .ok()?;
    status.success().then(|| dir.join("articles"))
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

/// Times one key press through to the drawn frame.
fn press(session: &mut Session<TestBackend>, event: &Event) -> Duration {
    let start = Instant::now();
    session.handle_event(event);
    session.draw().expect("draw");
    start.elapsed()
}

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
        self.times.sort();
        let at = |per_cent: usize| self.times[(self.times.len() - 1) * per_cent / 100];
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        format!(
            "| {} | {} | {:.2} | {:.2} | {:.2} |",
            self.name,
            self.times.len(),
            ms(at(50)),
            ms(at(99)),
            ms(*self.times.last().unwrap())
        )
    }
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let Some(dir) = archive() else {
        eprintln!(
            "reader bench: no archive (set INKSTONE_BENCH_ARCHIVE or provide ../shared/corpus); skipped"
        );
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

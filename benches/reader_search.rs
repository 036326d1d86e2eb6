//! Search in the reader on the full archive at 200x60: time from each key
//! press to the finished frame (keymap, `App::update` with the search and
//! the list refiltered, `ui::draw` into ratatui's `TestBackend`), time
//! until everything is searchable, and memory.
//!
//! `cargo bench --bench reader_search`. Uses `target/corpus-full/articles`
//! (`mkdir -p target/corpus-full && tar -I zstd -xf
//! ../shared/corpus/hkcnews-full.tar.zst -C target/corpus-full`) or the
//! folder in `INKSTONE_CORPUS` (see `support::corpus`); prints Markdown
//! tables.

use std::path::PathBuf;
use std::time::Duration;

use crossterm::event::KeyCode;
use inkstone::app::{App, Context, Options, View};
use inkstone::keymap::Keymap;
use inkstone::library::Library;
use inkstone::tui::Session;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod support;
mod reader_search {
    pub(crate) mod start_up;
}
use reader_search::start_up::start_up;
use support::keys::{ch, key, press};
use support::measure::{own_status_kib, p50_p99_max};

// The binary's allocator, so memory figures are the reader's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
/// Times each query is typed.
const RUNS: usize = 31;

/// Typed one key at a time: 1-, 2-, 3- and 4-character CJK prefixes, a
/// very common 2-character word, a Simplified query over a mostly
/// Traditional archive, a Latin word, two words.
const TYPED: &[&str] = &["國家安全", "香港", "习近平", "police", "香港 民主"];

struct Samples {
    name: String,
    /// Articles listed after the key (the last run's), where it says.
    listed: Option<usize>,
    times: Vec<Duration>,
}

impl Samples {
    fn new(name: impl Into<String>) -> Self {
        Samples {
            name: name.into(),
            listed: None,
            times: Vec::new(),
        }
    }

    fn row(&mut self) -> String {
        if self.times.is_empty() {
            return format!("| {} | | 0 | | | |", self.name);
        }
        let (p50, p99, max) = p50_p99_max(&mut self.times);
        let listed = self.listed.map(|n| n.to_string()).unwrap_or_default();
        format!(
            "| {} | {listed} | {} | {:.2} | {:.2} | {:.2} |",
            self.name,
            self.times.len(),
            p50,
            p99,
            max
        )
    }
}

fn mib_of_kib(kib: usize) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

type Reader = Session<TestBackend>;

fn main() {
    let Some(dir) = support::corpus::full() else {
        support::corpus::skipped("reader_search");
        return;
    };
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let library = Library::load(&[dir]);
    let articles = library.articles.len();
    let keymap = Keymap::defaults();
    // The bodies' index is stored as the reader stores it beside its
    // cache: the first run builds it, later runs open it (a warm start).
    let store = std::env::var_os("INKSTONE_BENCH_SEARCH_STORE").map_or_else(
        || {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("target/bench-cache/reader_search.search")
        },
        PathBuf::from,
    );
    let warm = store.is_file();
    let options = Options {
        search_store: Some(store.clone()),
        ..Options::default()
    };
    let app = App::new(library, keymap.guide(), options);
    let terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    let mut s = Session::new(app, keymap, terminal).expect("session");
    s.draw().expect("draw");

    let mut start_up = start_up(&mut s);
    let mut typed = typing(&mut s);
    let mut reading = reading_and_sorting(&mut s);

    println!(
        "Reader search, {articles} articles, {WIDTH}x{HEIGHT} TestBackend; load average at start {}\n",
        load.split(' ').take(3).collect::<Vec<_>>().join(" ")
    );
    println!("| start-up | value |\n|---|---|");
    for (what, value) in &start_up.figures {
        println!("| {what} | {value} |");
    }
    println!();
    println!("| key -> finished frame | listed | n | median ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|---|");
    for samples in start_up
        .samples
        .iter_mut()
        .chain(&mut typed)
        .chain(&mut reading)
    {
        println!("{}", samples.row());
    }
    println!(
        "\nPeak RSS (VmHWM): {}",
        mib_of_kib(own_status_kib("VmHWM"))
    );
    let stored = if warm {
        "opened (warm start)"
    } else {
        "built (cold start)"
    };
    let size = std::fs::metadata(&store).map_or(0, |m| m.len());
    println!(
        "Stored bodies index {stored}: {}, {size} bytes",
        store.display()
    );
    if let Some((text, lists, rest)) = s
        .app()
        .search_index()
        .and_then(inkstone::search::SearchIndex::stored_sizes)
    {
        println!("  packed text {text}, posting lists {lists}, dictionary and tables {rest}");
    }
}

/// Each query of [`TYPED`] typed [`RUNS`] times with everything
/// searchable, one row per keystroke; then kept (Enter) and cleared, or
/// widened (Backspace) and cancelled (Esc).
fn typing(s: &mut Reader) -> Vec<Samples> {
    let mut rows: Vec<Samples> = Vec::new();
    let mut open_prompt = Samples::new("open the prompt (`/`)");
    let mut keep = Samples::new("keep (`Enter`)");
    let mut cancel = Samples::new("cancel (`Esc`), list restored");
    let mut widen = Samples::new("`Backspace` in the prompt (widening)");
    let mut clear = Samples::new("clear the kept search (`Backspace` in the list)");
    for typed in TYPED {
        let chars: Vec<char> = typed.chars().collect();
        let first = rows.len();
        for n in 1..=chars.len() {
            let prefix: String = chars[..n].iter().collect();
            rows.push(Samples::new(format!(
                "`{prefix}` (keystroke {n} of `{typed}`)"
            )));
        }
        for run in 0..RUNS {
            open_prompt.times.push(press(s, &ch('/')));
            assert_eq!(s.app().context(), Context::Search);
            for (n, &c) in chars.iter().enumerate() {
                rows[first + n].times.push(press(s, &ch(c)));
                rows[first + n].listed = Some(s.app().visible().len());
            }
            if run % 2 == 0 {
                keep.times.push(press(s, &key(KeyCode::Enter)));
                clear.times.push(press(s, &key(KeyCode::Backspace)));
            } else {
                widen.times.push(press(s, &key(KeyCode::Backspace)));
                cancel.times.push(press(s, &key(KeyCode::Esc)));
            }
            assert!(s.app().filters().is_empty());
        }
    }
    clear.listed = Some(s.app().visible().len());
    rows.extend([open_prompt, widen, keep, cancel, clear]);
    rows
}

/// With `國家安全` kept: open articles, step through their matches, sort.
fn reading_and_sorting(s: &mut Reader) -> Vec<Samples> {
    for c in "/國家安全".chars() {
        s.handle_event(&ch(c));
    }
    s.handle_event(&key(KeyCode::Enter));
    let listed = Some(s.app().visible().len());
    let mut open = Samples::new("open an article with the search active");
    let mut next = Samples::new("next match (`n`)");
    let mut previous = Samples::new("previous match (`N`)");
    for _ in 0..100 {
        open.times.push(press(s, &key(KeyCode::Enter)));
        assert_eq!(s.app().view(), View::Detail);
        for _ in 0..3 {
            next.times.push(press(s, &ch('n')));
        }
        previous.times.push(press(s, &ch('N')));
        s.handle_event(&key(KeyCode::Esc));
        for _ in 0..5 {
            s.handle_event(&ch('j'));
        }
    }
    open.listed = listed;
    let mut sort_first = Samples::new("`S`, first time for each order (sorts)");
    let mut sort_again = Samples::new("`S`, order already sorted once");
    for round in 0..40 {
        let time = press(s, &ch('S'));
        if round < 3 {
            sort_first.times.push(time);
        } else {
            sort_again.times.push(time);
        }
    }
    sort_first.listed = listed;
    sort_again.listed = listed;
    vec![open, next, previous, sort_first, sort_again]
}

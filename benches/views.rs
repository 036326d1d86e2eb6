//! Issue 12's views on the full archive: the timeline's build (budget
//! <= 20 ms) and, for each new view (sources, timeline, help, the article's
//! link list and backlinks, find-in-article results), the key that opens it
//! through to the finished frame and a plain redraw of it (`ui::draw` into
//! ratatui's `TestBackend`, budget <= 16 ms).
//!
//! `cargo bench --bench views` (the full archive: see `support::corpus`).
//! The links between articles are found first (as the reader does after its
//! first frame) so backlinks and `↩` marks are there. Prints medians and
//! maxima of wall time, and the CPU time of the timeline builds.

mod support;

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode};
use inkstone::app::{Action, App, Options, Overlay, View};
use inkstone::keymap::Keymap;
use inkstone::library::{Library, scan_links};
use inkstone::overview::{Timeline, Zoom};
use inkstone::tui::Session;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use support::keys::{ch, key, press};
use support::measure::{live_threads_cpu_ms, p50_p99_max};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
/// Redraws timed per view.
const DRAWS: usize = 40;

/// One view's figures: opening it (key to frame), then plain redraws.
struct ViewTimes {
    name: &'static str,
    open: Vec<Duration>,
    draw: Vec<Duration>,
}

impl ViewTimes {
    fn new(name: &'static str) -> ViewTimes {
        ViewTimes {
            name,
            open: Vec::new(),
            draw: Vec::new(),
        }
    }

    /// Opens the view with `keys` (the last one timed), then times redraws.
    fn measure(&mut self, s: &mut Session<TestBackend>, keys: &[Event]) {
        let (last, before) = keys.split_last().expect("a key");
        for k in before {
            s.handle_event(k);
        }
        self.open.push(press(s, last));
        for _ in 0..DRAWS {
            let start = Instant::now();
            s.draw().expect("draw");
            self.draw.push(start.elapsed());
        }
    }

    fn row(&mut self) -> String {
        let (open_p50, _, open_max) = p50_p99_max(&mut self.open);
        let (draw_p50, _, draw_max) = p50_p99_max(&mut self.draw);
        format!(
            "| {} | {} | {open_p50:.2} | {open_max:.2} | {} | {draw_p50:.2} | {draw_max:.2} |",
            self.name,
            self.open.len(),
            self.draw.len()
        )
    }
}

/// `n` then `G`: the list's row `n` (1-based), with a count prefix.
fn go_to_row(s: &mut Session<TestBackend>, row: usize) {
    for c in (row + 1).to_string().chars() {
        s.handle_event(&ch(c));
    }
    s.handle_event(&ch('G'));
}

/// Times `Timeline::build` over every article, per month and per day of
/// the busiest month, and prints the figures.
fn timeline_build(library: &Library) {
    // The timeline's build over every article, per month and per day.
    let count = library.articles.len();
    let all: Vec<usize> = (0..count).collect();
    let pid = std::process::id();
    let mut months = Vec::new();
    let mut cpu_months = Vec::new();
    let mut days = Vec::new();
    let busiest = Timeline::build(&library.articles, &all, Zoom::Months)
        .buckets
        .iter()
        .max_by_key(|b| b.count)
        .and_then(|b| b.range.since)
        .expect("a dated article");
    for _ in 0..21 {
        let cpu = live_threads_cpu_ms(pid).unwrap_or(f64::NAN);
        let start = Instant::now();
        std::hint::black_box(Timeline::build(&library.articles, &all, Zoom::Months));
        months.push(start.elapsed());
        cpu_months.push(live_threads_cpu_ms(pid).unwrap_or(f64::NAN) - cpu);
        let start = Instant::now();
        std::hint::black_box(Timeline::build(
            &library.articles,
            &all,
            Zoom::Days(busiest),
        ));
        days.push(start.elapsed());
    }
    let (months_p50, _, months_max) = p50_p99_max(&mut months);
    let (days_p50, _, days_max) = p50_p99_max(&mut days);
    cpu_months.sort_by(f64::total_cmp);
    println!(
        "Timeline::build over {count} articles (budget 20 ms): per month median {months_p50:.2} ms \
         (max {months_max:.2}, CPU median {:.1} ms), per day of {busiest} median {days_p50:.2} ms \
         (max {days_max:.2})",
        cpu_months[cpu_months.len() / 2]
    );
}

/// Opens each view ten times from the list (the article ones on the
/// article with the most backlinks and the one with the most links into
/// the archive) and times it.
fn views(s: &mut Session<TestBackend>, most_linked: usize, most_linking: usize) -> Vec<ViewTimes> {
    let esc = key(KeyCode::Esc);
    let mut sources = ViewTimes::new("sources view (`F`)");
    let mut sources_move = ViewTimes::new("sources view, move (`j`)");
    let mut timeline = ViewTimes::new("timeline (`T`)");
    let mut timeline_move = ViewTimes::new("timeline, move (`k`)");
    let mut timeline_zoom = ViewTimes::new("timeline, zoom into a month (`z`)");
    let mut help = ViewTimes::new("help (`?`)");
    let mut link_list = ViewTimes::new("link list (`u`)");
    let mut backlinks = ViewTimes::new("backlinks (`B`)");
    let mut find = ViewTimes::new("find in article: results (`/香港` Enter)");
    let mut find_next = ViewTimes::new("find in article: next match (`n`)");
    for round in 0..10 {
        sources.measure(s, &[ch('F')]);
        assert!(matches!(s.app().overlay(), Some(Overlay::Sources(_))));
        sources_move.measure(s, &[ch('j')]);
        s.handle_event(&esc);
        timeline.measure(s, &[ch('T')]);
        assert!(matches!(s.app().overlay(), Some(Overlay::Timeline(_))));
        timeline_move.measure(s, &[ch('k')]);
        timeline_zoom.measure(s, &[ch('z')]);
        s.handle_event(&esc);
        s.handle_event(&esc);
        help.measure(s, &[ch('?')]);
        s.handle_event(&esc);
        assert!(s.app().overlay().is_none());

        // The article with the most backlinks, and the one with the most
        // links into the archive, opened from the list.
        let row_of = |s: &Session<TestBackend>, article: usize| {
            s.app()
                .visible()
                .iter()
                .position(|&i| i == article)
                .expect("listed")
        };
        let row = row_of(s, most_linked);
        go_to_row(s, row);
        s.handle_event(&key(KeyCode::Enter));
        assert_eq!(s.app().view(), View::Detail);
        backlinks.measure(s, &[ch('B')]);
        s.handle_event(&esc);
        s.handle_event(&esc);
        let row = row_of(s, most_linking);
        go_to_row(s, row);
        s.handle_event(&key(KeyCode::Enter));
        link_list.measure(s, &[ch('u')]);
        s.handle_event(&esc);
        find.measure(s, &[ch('/'), ch('香'), ch('港'), key(KeyCode::Enter)]);
        find_next.measure(s, &[ch('n')]);
        s.handle_event(&esc);
        s.handle_event(&esc);
        assert_eq!(s.app().view(), View::List, "round {round}");
    }
    vec![
        sources,
        sources_move,
        timeline,
        timeline_move,
        timeline_zoom,
        help,
        link_list,
        backlinks,
        find,
        find_next,
    ]
}

fn main() {
    let Some(dir) = support::corpus::full() else {
        support::corpus::skipped("views");
        return;
    };
    println!("load average: {}", support::measure::load());
    let library = Library::load(&[dir]);
    let count = library.articles.len();

    timeline_build(&library);

    // The links, found as the reader's worker finds them.
    let (links, graph, found) = scan_links(&library.articles);
    let most_linked = (0..count)
        .max_by_key(|&i| graph.back(i).len())
        .expect("articles");
    let most_linking = (0..count)
        .max_by_key(|&i| graph.out(i).len())
        .expect("articles");
    println!(
        "article with most backlinks: {} ({}); with most links in the archive: {} ({})",
        graph.back(most_linked).len(),
        library.articles[most_linked].path.display(),
        graph.out(most_linking).len(),
        library.articles[most_linking].path.display(),
    );

    let keymap = Keymap::defaults();
    let app = App::new(library, keymap.guide(), Options::default());
    let terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    let mut s = Session::new(app, keymap, terminal).expect("session");
    s.dispatch(Action::LinksResolved {
        generation: 0,
        links: links.into(),
        graph: graph.into(),
        found,
    });
    s.draw().expect("draw");
    // The reader's first tick after its first frame builds the label
    // indexes (deferred so that frame comes sooner); a person's first key
    // comes after it, so the first view opened here should too.
    s.dispatch(Action::Tick {
        now: Instant::now(),
    });
    assert!(s.app().link_graph().is_some(), "links taken");

    let mut rows = views(&mut s, most_linked, most_linking);

    println!("\n{count} articles, {WIDTH}x{HEIGHT} TestBackend (budget 16 ms a frame)\n");
    println!(
        "| view | opened n | key -> frame median ms | max ms | redraws n | redraw median ms | max ms |"
    );
    println!("|---|---|---|---|---|---|---|");
    for view in &mut rows {
        println!("{}", view.row());
    }
}

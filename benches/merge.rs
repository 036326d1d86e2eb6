//! A live change at scale: what a new file costs the UI thread when the
//! merge's answer is taken in (`App::update(Action::ChangesMerged)`, which
//! blocks keys), beside what it costs the merge worker (`ChangeJob::run`:
//! reading the file, merging, and computing the list for the new articles).
//!
//! `cargo bench --bench merge` (the full archive: see `support::corpus`).
//! The 49k archive is loaded, then the same articles 20 times over (982k,
//! ids and paths made distinct: the 1M scale, in memory). For each, a new
//! file is written in a second root a few times, with every other article
//! read, the unread view and a row in the middle of the list selected (so
//! the list, the flags and the selection all have to follow), and each
//! step is timed. Prints medians and every run, with the load average.

mod support;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use inkstone::app::{Action, App, Effect, Options};
use inkstone::keymap::Keymap;
use inkstone::library::Library;
use inkstone::watch::LibraryEvent;

use support::measure::{load, median, ms, runs_text};

/// New files per scale.
const ROUNDS: usize = 5;
/// The 1M scale: this many copies of the archive.
const COPIES: usize = 20;

fn main() {
    let Some(full) = support::corpus::full() else {
        support::corpus::skipped("merge");
        return;
    };
    let extra = tempfile::tempdir().expect("a temporary folder");
    let live = extra.path().join("live");
    std::fs::create_dir_all(&live).expect("the live folder");
    let started = Instant::now();
    let library = Library::load(&[full.clone(), live.clone()]);
    println!(
        "merge bench: {} articles loaded in {:.1} s (load {})",
        library.articles.len(),
        started.elapsed().as_secs_f64(),
        load()
    );
    println!("| articles | update p50 ms | update runs | worker p50 ms | worker runs | load |");
    println!("|---|---|---|---|---|---|");
    let copies = copies(&library.articles);
    measure(library, &live, "a");
    // The same roots again (the app keeps the first library).
    let mut library = Library::load(&[full, live.clone()]);
    library.articles = copies;
    measure(library, &live, "b");
}

/// The archive's articles `COPIES` times, each copy with its own ids and
/// paths, in list order (newest first) as a library keeps them.
fn copies(articles: &Arc<Vec<inkstone::article::Article>>) -> Arc<Vec<inkstone::article::Article>> {
    let mut all = Vec::with_capacity(articles.len() * COPIES);
    for article in articles.iter() {
        for copy in 0..COPIES {
            let mut a = article.clone();
            a.id = format!("{}{copy:02}", article.id).into();
            let mut path = article.path.as_os_str().to_owned();
            path.push(format!(".copy{copy:02}"));
            a.path = Path::new(&path).into();
            all.push(a);
        }
    }
    Arc::new(all)
}

/// Times `ROUNDS` new files (named `<prefix><n>.md` in `live`) merged into
/// an app over `library`.
fn measure(library: Library, live: &Path, prefix: &str) {
    let mut app = App::new(library, Keymap::defaults().guide(), Options::default());
    app.update(Action::Resize {
        width: 200,
        height: 60,
    });
    // Half the articles read (every other one), the unread view, a row in
    // the middle selected.
    let half: Vec<usize> = (0..app.visible().len()).step_by(2).collect();
    for _ in &half {
        app.update(Action::ToggleRead);
        app.update(Action::MoveDown);
        app.update(Action::MoveDown);
    }
    app.update(Action::CycleView);
    app.update(Action::First);
    for _ in 0..app.visible().len() / 2 {
        app.update(Action::MoveDown);
    }
    let mut update = Vec::new();
    let mut worker = Vec::new();
    for round in 0..ROUNDS {
        let selected = app.selected_article().map(|i| app.articles()[i].id.clone());
        let path: PathBuf = live.join(format!("{prefix}{round}.md"));
        std::fs::write(
            &path,
            format!(
                "---\ntitle: \"新文章 {round}\"\ndate: \"2030-01-0{}\"\ntags: [新]\n---\n\n正文。\n",
                round + 1
            ),
        )
        .expect("a new file");
        let before = app.articles().len();
        let effects = app.update(Action::Library(LibraryEvent::Changed(vec![path])));
        let job = effects
            .into_iter()
            .find_map(|e| match e {
                Effect::ScanChanges(job) => Some(job),
                _ => None,
            })
            .expect("a scan");
        let start = Instant::now();
        let answer = job.run();
        worker.push(ms(start.elapsed()));
        let start = Instant::now();
        let more = app.update(answer);
        update.push(ms(start.elapsed()));
        assert!(
            !more.iter().any(|e| matches!(e, Effect::ScanChanges(_))),
            "taken"
        );
        assert_eq!(app.articles().len(), before + 1, "merged");
        let now = app.selected_article().map(|i| app.articles()[i].id.clone());
        assert_eq!(now, selected, "the selection stays");
    }
    println!(
        "| {} | {:.2} | {} | {:.0} | {} | {} |",
        app.articles().len(),
        median(&update),
        update
            .iter()
            .map(|v| format!("{v:.2}"))
            .collect::<Vec<_>>()
            .join(", "),
        median(&worker),
        runs_text(&worker),
        load()
    );
}

//! Links inside the archive (issue 12): the cost of finding which body
//! link leads to which article over the whole archive, with the bodies
//! already read (what `library::scan_links` adds to reading them), and the
//! cost of extracting the links from the bodies.
//!
//! `cargo bench --bench archive_links` (needs the full archive, see
//! `support::corpus`).
//! Prints the times and the link counts: how many articles link to some
//! other article of the archive, and how many are linked to.

mod support;

use std::time::{Duration, Instant};

use inkstone::archive_links::{ArchiveLinks, LinkGraph, hrefs};
use inkstone::library::{Library, read_body};

/// The median of `runs` timings of `f`: wall time, and the process's CPU
/// time (ms), which the other work on a loaded machine disturbs less.
fn median(runs: usize, mut f: impl FnMut()) -> (Duration, f64) {
    let pid = std::process::id();
    let cpu = || support::measure::live_threads_cpu_ms(pid).unwrap_or(f64::NAN);
    let mut times: Vec<(Duration, f64)> = (0..runs)
        .map(|_| {
            let (start, before) = (Instant::now(), cpu());
            f();
            (start.elapsed(), cpu() - before)
        })
        .collect();
    times.sort_by_key(|t| t.0);
    times[runs / 2]
}

fn main() {
    let Some(root) = support::corpus::full() else {
        eprintln!("archive_links: no full archive; {}", support::corpus::HOW);
        return;
    };
    println!("load average: {}", support::measure::load());
    let library = Library::load(std::slice::from_ref(&root));
    let articles = &library.articles;
    let bodies: Vec<String> = articles
        .iter()
        .map(|a| read_body(&a.body).unwrap_or_default())
        .collect();
    println!(
        "{} articles, {} MB of bodies",
        articles.len(),
        bodies.iter().map(String::len).sum::<usize>() >> 20
    );

    let mut found: Vec<Vec<String>> = Vec::new();
    let extract = median(3, || {
        found = articles
            .iter()
            .zip(&bodies)
            .map(|(a, body)| hrefs(body, a.format))
            .collect();
    });
    let links_count: usize = found.iter().map(Vec::len).sum();
    println!(
        "extract hrefs (one thread): wall {:?}, cpu {:.0} ms ({links_count} links)",
        extract.0, extract.1
    );

    let index = median(3, || {
        std::hint::black_box(ArchiveLinks::new(articles));
    });
    println!("index alone: wall {:?}, cpu {:.0} ms", index.0, index.1);
    let mut graph = LinkGraph::default();
    let resolve = median(5, || {
        let links = ArchiveLinks::new(articles);
        let out = articles
            .iter()
            .enumerate()
            .zip(&found)
            .map(|((i, a), hrefs)| links.targets(i, a, hrefs))
            .collect();
        graph = LinkGraph::from_out(out);
    });
    if let Some(dump) = std::env::var_os("INKSTONE_LINKS_DUMP") {
        let lines: Vec<String> = graph
            .out
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .map(|(i, _)| articles[i].path.display().to_string())
            .collect();
        std::fs::write(dump, lines.join("\n")).expect("dump");
    }
    let (linking, linked) = graph.counts();
    println!(
        "resolve (index + every link, one thread): wall {:?}, cpu {:.0} ms (budget 50 ms): \
         {linking} articles link to {linked} others of the archive",
        resolve.0, resolve.1
    );
}

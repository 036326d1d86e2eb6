//! Links inside the archive (issue 12) over the whole archive, bodies
//! already in memory, one thread:
//!
//! - **resolve, warm** (the budget, <= 50 ms): what a start with a warm
//!   metadata cache does, from the link targets and address keys the cache
//!   holds (`Article::links`, `Article::addresses`): build the index of
//!   every article's addresses and paths (`ArchiveLinks::new`), look up
//!   every stored target, and make the graph with its backlinks
//!   (`library::link_graph`);
//! - **resolve, cold**: the same when no address key is known yet, so the
//!   index decodes every article's addresses itself;
//! - **extract**: what is done once per body, when it is read (a cold start,
//!   a changed file): find the links with the renderer's parsers and
//!   normalise each to its stored target (`archive_links::body_link_keys`);
//!   and once per article, its own address keys
//!   (`archive_links::address_keys`).
//!
//! `cargo bench --bench archive_links` (needs the full archive, see
//! `support::corpus`). Prints wall and CPU times (median of the runs) and
//! the link counts: how many articles link to some other article of the
//! archive, and how many are linked to.

mod support;

use std::time::{Duration, Instant};

use inkstone::archive_links::{ArchiveLinks, LinkGraph, address_keys, body_link_keys};
use inkstone::library::{Library, link_graph, read_body};

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
    let mut library = Library::load(std::slice::from_ref(&root));
    let bodies: Vec<String> = library
        .articles
        .iter()
        .map(|a| read_body(&a.body).unwrap_or_default())
        .collect();
    println!(
        "{} articles, {} MB of bodies",
        library.articles.len(),
        bodies.iter().map(String::len).sum::<usize>() >> 20
    );

    let mut keys: Vec<Box<str>> = Vec::new();
    let extract = median(3, || {
        keys = library
            .articles
            .iter()
            .zip(&bodies)
            .map(|(a, body)| body_link_keys(a, body))
            .collect();
    });
    let targets: usize = keys.iter().map(|k| k.lines().count()).sum();
    let bytes: usize = keys.iter().map(|k| k.len()).sum();
    println!(
        "extract (once per body read; one thread): wall {:?}, cpu {:.0} ms \
         ({targets} distinct targets, {} KB stored)",
        extract.0,
        extract.1,
        bytes >> 10
    );
    let articles = std::sync::Arc::make_mut(&mut library.articles);
    for (article, keys) in articles.iter_mut().zip(keys) {
        let _ = article.links.set(keys);
    }
    let unkeyed: Vec<_> = library.articles.to_vec();
    let mut addresses: Vec<Box<[inkstone::article::AddressKey]>> = Vec::new();
    let keys = median(5, || {
        addresses = unkeyed.iter().map(address_keys).collect();
    });
    println!(
        "address keys (once per article; one thread): wall {:?}, cpu {:.0} ms",
        keys.0, keys.1
    );
    let articles = std::sync::Arc::make_mut(&mut library.articles);
    for (article, keys) in articles.iter_mut().zip(addresses) {
        let _ = article.addresses.set(keys);
    }
    let articles = &library.articles;

    let index = median(7, || {
        std::hint::black_box(ArchiveLinks::new(articles));
    });
    println!(
        "index alone, warm: wall {:?}, cpu {:.0} ms",
        index.0, index.1
    );
    let index = median(5, || {
        std::hint::black_box(ArchiveLinks::new(&unkeyed));
    });
    println!(
        "index alone, cold: wall {:?}, cpu {:.0} ms",
        index.0, index.1
    );
    let mut cold = LinkGraph::default();
    let resolve = median(5, || {
        cold = link_graph(&unkeyed).1;
    });
    println!(
        "resolve, cold (address keys decoded; index + every stored target + graph, one thread): \
         wall {:?}, cpu {:.0} ms",
        resolve.0, resolve.1
    );
    let mut graph = LinkGraph::default();
    let resolve = median(7, || {
        graph = link_graph(articles).1;
    });
    assert_eq!(graph, cold, "warm and cold find the same links");
    if let Some(dump) = std::env::var_os("INKSTONE_LINKS_DUMP") {
        let lines: Vec<String> = (0..graph.len())
            .filter(|&i| !graph.out(i).is_empty())
            .map(|i| articles[i].path.display().to_string())
            .collect();
        std::fs::write(dump, lines.join("\n")).expect("dump");
    }
    let (linking, linked) = graph.counts();
    println!(
        "resolve, warm (index + every stored target + graph, one thread): wall {:?}, cpu {:.0} ms \
         (budget 50 ms): {linking} articles link to {linked} others of the archive",
        resolve.0, resolve.1
    );
}

//! The reader's link scan hands what it learns over a part at a time
//! (`Action::LinksLearnt`), and the app stores each part at once: a cache
//! written while the scan runs keeps the link targets of the bodies read
//! so far, so a reader that quits mid-scan does not read them again.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use inkstone::app::{Action, App, Effect, Options};
use inkstone::keymap::Keymap;
use inkstone::library::{Library, read_missing_links, read_missing_links_in_parts};
use inkstone::tui::{Runner, Workers};

mod common;
use common::archive::{age, write};

/// Six articles; each links to the next by its address.
fn archive(root: &Path) {
    for n in 0..6 {
        write(
            &root.join(format!("a/{n}.md")),
            &format!(
                "---\ntitle: 文{n}\nurl: https://news.hk/article/{n}\n---\n\n\
                 [下一篇](https://news.hk/article/{})\n",
                n + 1
            ),
        );
    }
    age(root, Duration::from_secs(60));
}

/// A reader's app over `roots`, loaded from the cache in `cache`.
fn reader(roots: &[PathBuf], cache: &Path) -> App {
    let library = Library::load_cached(roots, Some(cache));
    let mut app = App::new(library, Keymap::defaults().guide(), Options::default());
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app
}

/// The links scan the first tick asks for.
fn scan_asked(app: &mut App) -> (Arc<Vec<inkstone::article::Article>>, u64) {
    let effects = app.update(Action::Tick {
        now: Instant::now(),
    });
    effects
        .into_iter()
        .find_map(|e| match e {
            Effect::ScanLinks {
                articles,
                generation,
            } => Some((articles, generation)),
            _ => None,
        })
        .expect("the tick asks for the links")
}

#[test]
fn link_targets_learnt_before_a_quit_are_kept_by_the_cache_written_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let (root, cache) = (dir.path().join("lib"), dir.path().join("cache"));
    archive(&root);
    let roots = vec![root];
    // As `list` leaves it: a cache with no link targets.
    let listed = Library::load_cached_checked(&roots, Some(&cache));
    assert!(listed.articles.iter().all(|a| a.link_targets().is_none()));

    // A first start: the scan hands over its first part, then the reader
    // quits (nobody takes the next part); the cache was written meanwhile.
    let mut app = reader(&roots, &cache);
    let (articles, generation) = scan_asked(&mut app);
    let mut parts = 0;
    let handed = read_missing_links_in_parts(&articles, 2, |found| {
        assert_eq!(
            found.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
            [0, 1],
            "indices in all the articles"
        );
        app.update(Action::LinksLearnt { generation, found });
        parts += 1;
        false
    });
    assert!(handed);
    assert_eq!(parts, 1, "stopped once the part was not taken");
    let write = app
        .library()
        .cache_write()
        .expect("learnt: the cache differs");
    write.run().unwrap();
    drop(app);

    // The next start knows the first part's targets and reads only the rest.
    let next = Library::load_cached(&roots, Some(&cache));
    let known: Vec<bool> = next
        .articles
        .iter()
        .map(|a| a.link_targets().is_some())
        .collect();
    assert_eq!(known, [true, true, false, false, false, false]);
    let left: Vec<usize> = read_missing_links(&next.articles)
        .iter()
        .filter(|(_, learnt)| learnt.links.is_some())
        .map(|(i, _)| *i)
        .collect();
    assert_eq!(
        left,
        [2, 3, 4, 5],
        "the bodies read before are not read again"
    );
}

#[test]
fn parts_of_an_older_scan_are_dropped_and_a_finished_scan_is_asked_again_to_resolve() {
    let dir = tempfile::tempdir().unwrap();
    let (root, cache) = (dir.path().join("lib"), dir.path().join("cache"));
    archive(&root);
    let roots = vec![root];
    drop(Library::load_cached_checked(&roots, Some(&cache)));
    let mut app = reader(&roots, &cache);
    let (articles, generation) = scan_asked(&mut app);
    let found = read_missing_links(&articles);
    app.update(Action::LinksLearnt {
        generation: generation + 1,
        found: found.clone(),
    });
    assert!(app.articles().iter().all(|a| a.link_targets().is_none()));
    assert!(
        app.library().cache_write().is_none(),
        "nothing new to write"
    );
    app.update(Action::LinksLearnt { generation, found });
    assert!(app.articles().iter().all(|a| a.link_targets().is_some()));
    assert!(app.library().cache_write().is_some());

    // Every body read: the scan is asked again, and with nothing left to
    // read it finds the links (the runner's inline answer).
    assert!(
        app.update(Action::LinksRead {
            generation: generation + 1
        })
        .is_empty()
    );
    let again = app.update(Action::LinksRead { generation });
    let [
        Effect::ScanLinks {
            articles,
            generation: asked,
        },
    ] = again.as_slice()
    else {
        panic!("{again:?}");
    };
    assert_eq!(*asked, generation);
    let answers = Runner::new(Workers::Inline).scan_links(Arc::clone(articles), *asked);
    assert!(
        matches!(answers.as_slice(), [Action::LinksResolved { found, .. }] if found.is_empty()),
        "{answers:?}"
    );
    for answer in answers {
        app.update(answer);
    }
    let graph = app.link_graph().expect("links found");
    assert_eq!(graph.back(1).len(), 1, "文0 links to 文1");
}

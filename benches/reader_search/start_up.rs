//! Start-up as the event loop does it, measured: the first tick, typing
//! while the bodies are indexed, and when everything is searchable.

use std::time::{Duration, Instant};

use crossterm::event::KeyCode;

use crate::support::keys::{ch, key, press};
use crate::support::measure::own_status_kib;
use crate::{Reader, Samples, mib_of_kib};

pub(crate) struct StartUp {
    pub(crate) figures: Vec<(&'static str, String)>,
    pub(crate) samples: Vec<Samples>,
}

/// Start-up as the event loop does it: the first tick starts the index;
/// meanwhile someone types `香港`, deletes it, and types it again, with a
/// tick every 50 ms taking in the progress.
pub(crate) fn start_up(s: &mut Reader) -> StartUp {
    let rss_before = own_status_kib("VmRSS");
    let mut while_indexing = Samples::new("typing `香港` / Backspace while indexing");
    let mut ticks = Samples::new("tick taking in progress (search `香港` active)");
    let started = Instant::now();
    s.tick();
    let first_tick = started.elapsed();
    s.draw().expect("draw");
    let mut metadata_ready = None;
    s.handle_event(&ch('/'));
    // The app knows the index is complete only from the report of a tick
    // after it is: until then it searches the view it was last given
    // (metadata only, at first), so wait for the index and then that tick.
    let complete = |s: &Reader| {
        s.app()
            .search_index()
            .is_some_and(|index| index.progress().is_complete())
    };
    let mut reported = false;
    while !reported {
        reported = complete(s);
        for c in ['香', '港'] {
            while_indexing.times.push(press(s, &ch(c)));
        }
        if metadata_ready.is_none()
            && s.app()
                .search_index()
                .is_some_and(inkstone::search::SearchIndex::metadata_ready)
        {
            metadata_ready = Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(50));
        let start = Instant::now();
        s.tick();
        s.draw().expect("draw");
        ticks.times.push(start.elapsed());
        for _ in 0..2 {
            while_indexing
                .times
                .push(press(s, &key(KeyCode::Backspace)));
        }
        std::thread::sleep(Duration::from_millis(50));
        s.tick();
    }
    let searchable = started.elapsed();
    s.handle_event(&key(KeyCode::Esc));
    let rss_after = own_status_kib("VmRSS");
    let memory = s.app().search_index().expect("started").memory();
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let mut figures = vec![("first tick (starts the index)", ms(first_tick))];
    if let Some(ready) = metadata_ready {
        figures.push((
            "titles, tags, authors, categories searchable (seen between keys)",
            ms(ready),
        ));
    }
    figures.extend([
        (
            "everything searchable, while typing (progress gone from the header)",
            format!("{:.2} s", searchable.as_secs_f64()),
        ),
        (
            "index memory (folded text + presence)",
            format!("{:.0} MiB", memory.total() as f64 / f64::from(1 << 20)),
        ),
        (
            "RSS before the index / after",
            format!("{} / {}", mib_of_kib(rss_before), mib_of_kib(rss_after)),
        ),
    ]);
    StartUp {
        figures,
        samples: vec![while_indexing, ticks],
    }
}

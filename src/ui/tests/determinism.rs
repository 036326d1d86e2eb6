//! `update` is a function of the state and the action: two apps given the
//! same actions ask for the same effects and draw the same screens. The
//! screens are drawn by `ui::draw`, which is why these tests of `update`
//! live here and not beside `app` (which sits below `ui`).

use std::time::{Duration, Instant};

use ratatui::{Terminal, backend::TestBackend};

use crate::app::tests::{app, drive, search_library};
use crate::app::{Action, App, Effect, Options};
use crate::keymap::Keymap;
use crate::marks::{Marks, SAVE_DELAY};
use crate::search::SearchIndex;
use crate::watch::LibraryEvent;

/// `update` is a function of the state and the action: two apps given the
/// same actions ask for the same effects and draw the same screens.
#[test]
fn update_is_deterministic() {
    fn body(app: &App) -> Action {
        let article = app.detail().map_or(0, |d| d.article);
        Action::BodyLoaded {
            article,
            path: app.articles()[article].path.to_path_buf(),
            result: Ok(crate::render::render_body(
                "第一段\n\n第二段 https://example.org/x",
                None,
            )),
        }
    }
    let script: Vec<fn(&App) -> Action> = vec![
        |_| Action::MoveDown,
        |_| Action::PageDown,
        |_| Action::Open,
        body,
        |_| Action::NextArticle,
        body,
        |_| Action::ToggleStar,
        |_| Action::ToggleRead,
        |_| Action::Back,
        |_| Action::CycleView,
        |_| Action::TagPicker,
        |_| Action::Insert('港'),
        |_| Action::MoveDown,
        |_| Action::Apply,
        |_| Action::Help,
        |_| Action::Back,
        |_| Action::ClearFilters,
        |_| Action::CycleSort,
        |_| Action::ScrollDown { column: 3, row: 5 },
        |_| Action::Click { column: 3, row: 4 },
        |_| Action::Resize {
            width: 50,
            height: 16,
        },
        |_| Action::MarkAllRead,
        |_| Action::Answer(true),
        |_| Action::OpenLink,
        |_| Action::Quit,
    ];
    let (mut one, mut two) = (app(), app());
    for (step, make) in script.iter().enumerate() {
        let (a, b) = (make(&one), make(&two));
        assert_eq!(one.update(a), two.update(b), "effects at step {step}");
        assert_eq!(screen(&one), screen(&two), "screen at step {step}");
        assert_eq!(one.visible(), two.visible(), "list at step {step}");
    }
}

/// The same with time and background work in the script: ticks (the
/// index asked for, marks saved when due), the index arriving and growing,
/// `/` searching, files changing on disk. The outcomes are given as
/// actions, so both apps see the same ones.
#[test]
fn update_is_deterministic_with_ticks_search_and_changes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("marks.json");
    let start = Instant::now();
    let tick = move |after: Duration| move |_: &App| Action::Tick { now: start + after };
    let ms = Duration::from_millis;
    let index_in = |app: &App| Action::IndexStarted {
        generation: app.index_generation(),
        view: SearchIndex::build(app.articles()).wait_metadata(),
    };
    let progress = |app: &App| Action::IndexProgress {
        generation: app.index_generation(),
        view: app.search_index().unwrap().view().unwrap(),
    };
    let script: Vec<Step> = vec![
        Box::new(tick(ms(0))),
        Box::new(index_in),
        Box::new(progress),
        Box::new(|_| Action::ToggleStar),
        Box::new(tick(ms(100))),
        Box::new(tick(ms(100) + SAVE_DELAY)),
        Box::new(|_| Action::Search),
        Box::new(|_| Action::Insert('港')),
        Box::new(|_| Action::Insert('聞')),
        Box::new(|_| Action::DeleteChar),
        Box::new(|_| Action::MoveDown),
        Box::new(|_| Action::Apply),
        Box::new(|_| Action::CycleSort),
        Box::new(|_| Action::Search),
        Box::new(|_| Action::Insert('第')),
        Box::new(|_| Action::Back),
        Box::new(tick(ms(2_000))),
        Box::new(|_| Action::Library(LibraryEvent::Changed(vec!["/news/x.md".into()]))),
        Box::new(|_| Action::Library(LibraryEvent::Changed(vec!["/news/y.md".into()]))),
        Box::new(|_| Action::ChangesMerged(Box::default())),
        Box::new(|_| Action::ChangesMerged(Box::default())),
        Box::new(|_| Action::FlushMarks),
        Box::new(tick(ms(3_000))),
    ];
    let with_marks = || app().with_marks(Marks::open(&file).0);
    let (mut one, mut two) = (with_marks(), with_marks());
    let mut asked = Vec::new();
    for (step, make) in script.iter().enumerate() {
        let (a, b) = (make(&one), make(&two));
        let effects = one.update(a);
        assert_eq!(effects, two.update(b), "effects at step {step}");
        assert_eq!(screen(&one), screen(&two), "screen at step {step}");
        assert_eq!(one.visible(), two.visible(), "list at step {step}");
        asked.extend(answer_searches(&mut one, &mut two, effects, step));
    }
    // What the script was meant to exercise did happen.
    let kinds: Vec<&str> = asked
        .iter()
        .map(|e| match e {
            Effect::StartIndex { .. } => "index",
            Effect::SaveMarks(_) => "save",
            Effect::ScanChanges(_) => "scan",
            Effect::ScanLinks { .. } => "links",
            Effect::Search(_) => "search",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "index", "links", "save", "search", "search", "search", "search", "scan", "scan"
        ],
        "{asked:?}"
    );
    assert!(!one.visible().is_empty());
}

/// Two apps whose indexes grow at different times behave the same while
/// given the same views of them: search results depend on the actions,
/// not on how far a background build has come.
#[test]
fn update_is_deterministic_while_the_index_grows() {
    let start = || {
        let library = search_library();
        let mut app = App::new(library, Keymap::defaults().guide(), Options::default());
        let index = SearchIndex::metadata_only(app.articles());
        let generation = app.index_generation();
        let view = index.view().unwrap();
        app.update(Action::IndexStarted {
            generation,
            view: view.clone(),
        });
        app.update(Action::IndexProgress { generation, view });
        (app, index)
    };
    let ((mut one, grown), (mut two, later)) = (start(), start());
    // Only the first app's index has its bodies in.
    grown.index_bodies_now(one.articles());
    let script: [fn() -> Action; 11] = [
        || Action::Search,
        || Action::Insert('台'),
        || Action::Insert('湾'),
        || Action::DeleteChar,
        || Action::Insert('湾'),
        || Action::MoveDown,
        || Action::Apply,
        || Action::CycleSort,
        || Action::Search,
        || Action::Insert('x'),
        || Action::Back,
    ];
    for (step, make) in script.iter().enumerate() {
        let effects = one.update(make());
        assert_eq!(effects, two.update(make()), "effects at step {step}");
        assert_eq!(screen(&one), screen(&two), "screen at step {step}");
        assert_eq!(one.visible(), two.visible(), "list at step {step}");
        answer_searches(&mut one, &mut two, effects, step);
    }
    // Once both report the same progress, they agree again.
    later.index_bodies_now(two.articles());
    for (app, index) in [(&mut one, &grown), (&mut two, &later)] {
        let generation = app.index_generation();
        let view = index.view().unwrap();
        drive(app, Action::IndexProgress { generation, view });
    }
    assert_eq!(screen(&one), screen(&two));
    assert_eq!(one.visible(), two.visible());
    assert_eq!(one.visible().len(), 3, "the bodies are searched now");
}

/// Runs the queries both apps asked for in `effects` (`Effect::Search`:
/// the same job for both) and gives each its own result, as the session
/// does, checking that they agree after each; an answer to a query since
/// replaced is given too, and must change nothing. Returns the effects
/// with those the answers asked for.
fn answer_searches(one: &mut App, two: &mut App, effects: Vec<Effect>, step: usize) -> Vec<Effect> {
    let mut all = Vec::new();
    let mut queue = std::collections::VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        if let Effect::Search(job) = &effect {
            let before = screen(one);
            let stale = Action::SearchDone {
                generation: job.generation - 1,
                matches: crate::search::Matches::default(),
            };
            assert!(one.update(stale).is_empty(), "a stale answer at {step}");
            assert_eq!(screen(one), before, "a stale answer changed the screen");
            let done = || Action::SearchDone {
                generation: job.generation,
                matches: job.run(),
            };
            let more = one.update(done());
            assert_eq!(more, two.update(done()), "effects after results at {step}");
            assert_eq!(screen(one), screen(two), "screen after results at {step}");
            assert_eq!(one.visible(), two.visible(), "list after results at {step}");
            queue.extend(more);
        }
        all.push(effect);
    }
    all
}

/// One step of a script: the action to apply, made from the app as it is.
type Step = Box<dyn Fn(&App) -> Action>;

fn screen(app: &App) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| crate::ui::draw(frame, app)).unwrap();
    terminal.backend().buffer().clone()
}

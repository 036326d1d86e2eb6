//! One reading session on some terminal backend: turns terminal events
//! into actions, runs `App::update`, performs the effects that need no
//! terminal of their own, and draws. The real terminal loop (`tui::run`)
//! and the benchmark both drive this.

use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::Sender;

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::effects::{Runner, Workers};
use crate::app::{Action, App, Context, Effect};
use crate::keymap::Keymap;
use crate::ui;

mod body;
mod perform;

pub use body::{load_body, load_body_marking};

/// Work that needs the real terminal, left to the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outside {
    Quit,
    Suspend,
    Redraw,
    /// Run this browser command line (or webbrowser's choice) in the
    /// terminal, then take the terminal back.
    RunInTerminal {
        url: String,
        command: Option<Vec<String>>,
    },
    /// Give `text` to the shell `command` (or `$PAGER`: `None`) on the
    /// normal screen, then take the terminal back.
    Pipe {
        text: String,
        command: Option<String>,
    },
    /// Write these bytes (an OSC 52 sequence) to the terminal as they are.
    Clipboard(Vec<u8>),
}

pub struct Session<B: Backend> {
    app: App,
    keymap: Keymap,
    terminal: Terminal<B>,
    /// Performs effects; outcomes of work on other threads come back
    /// through its inbound channel.
    runner: Runner,
    /// Something changed since the last frame.
    dirty: bool,
}

impl<B: Backend> Session<B>
where
    B::Error: Send + Sync + 'static,
{
    /// Starts a session sized to the terminal. Slow effects (reading an
    /// article's body) run inline until [`Session::on_workers`].
    pub fn new(app: App, keymap: Keymap, terminal: Terminal<B>) -> io::Result<Self> {
        let mut session = Session {
            app,
            keymap,
            terminal,
            runner: Runner::new(Workers::Inline),
            dirty: true,
        };
        session.sync_size()?;
        Ok(session)
    }

    /// The same session with slow effects on worker threads, so a large
    /// body never holds up the keys (the real terminal).
    #[must_use]
    pub fn on_workers(mut self) -> Self {
        self.runner.set_workers(Workers::Threads);
        self
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    /// Ends the session, handing back the app (to save its state).
    pub fn into_app(self) -> App {
        self.app
    }

    /// Ends the session, handing back the app and the terminal apart: a
    /// terminal that is gone must not be dropped (ratatui then prints its
    /// failure to put the cursor back, and printing there panics).
    pub fn into_parts(self) -> (App, Terminal<B>) {
        (self.app, self.terminal)
    }

    pub fn terminal(&self) -> &Terminal<B> {
        &self.terminal
    }

    /// A sender other threads (a file watcher, a search worker) use to
    /// hand actions to the session; they are applied on the next loop turn
    /// by [`Session::poll_reports`].
    pub fn reporter(&self) -> Sender<Action> {
        self.runner.sender()
    }

    pub fn terminal_mut(&mut self) -> &mut Terminal<B> {
        &mut self.terminal
    }

    /// Handles one terminal event.
    pub fn handle_event(&mut self, event: &Event) -> Vec<Outside> {
        match self.translate(event) {
            Some(action) => self.dispatch(action),
            None => Vec::new(),
        }
    }

    fn translate(&self, event: &Event) -> Option<Action> {
        match event {
            // A question in the status line takes the next key: y is yes,
            // any other no (Ctrl-c and Ctrl-z still work).
            Event::Key(key)
                if key.kind != KeyEventKind::Release
                    && self.app.confirm().is_some()
                    && !key.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                Some(Action::Answer(matches!(key.code, KeyCode::Char('y' | 'Y'))))
            }
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.keymap.resolve(self.app.context(), key)
            }
            Event::Mouse(mouse) => {
                let (column, row) = (mouse.column, mouse.row);
                match mouse.kind {
                    MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
                    MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
                    MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                    _ => None,
                }
            }
            Event::Resize(width, height) => Some(Action::Resize {
                width: *width,
                height: *height,
            }),
            // Bracketed paste: typed into the search prompt or a picker.
            Event::Paste(text)
                if matches!(
                    self.app.context(),
                    Context::Search | Context::Picker | Context::Input
                ) =>
            {
                Some(Action::InsertText(text.clone()))
            }
            _ => None,
        }
    }

    /// Runs an action and every effect it leads to; returns what needs the
    /// real terminal.
    pub fn dispatch(&mut self, action: Action) -> Vec<Outside> {
        let mut queue = VecDeque::from([action]);
        let mut outside = Vec::new();
        while let Some(action) = queue.pop_front() {
            self.dirty = true;
            self.runner.observe(&action);
            for effect in self.app.update(action) {
                self.perform(effect, &mut queue, &mut outside);
            }
            // A mark goes to the writer at once, before whatever the next
            // key does: if that stalls the loop and Ctrl-c ends the process
            // through the watchdog, the mark is already on its way (the
            // writer batches what queues up meanwhile).
            if queue.is_empty() && self.app.marks().wants_flush() {
                queue.push_back(Action::FlushMarks);
            }
        }
        outside
    }

    /// Whether an effect still runs on a worker (a body being read).
    pub fn is_busy(&self) -> bool {
        self.runner.is_busy()
    }

    /// Applies what workers answer until none is running or `deadline`
    /// passes: a body that loads quickly is drawn with its article, without
    /// a frame of "Loading…" in between.
    pub fn settle(&mut self, deadline: std::time::Instant) -> Vec<Outside> {
        let mut outside = Vec::new();
        while let Some(action) = self.runner.recv_while_busy(deadline) {
            outside.extend(self.dispatch(action));
        }
        outside
    }

    /// Applies outcomes that arrived from other threads.
    pub fn poll_reports(&mut self) -> Vec<Outside> {
        let mut outside = Vec::new();
        while let Some(action) = self.runner.try_recv() {
            outside.extend(self.dispatch(action));
        }
        outside
    }

    /// Tells the app how far the search index has come, and that time
    /// passed when it has something to do then (see `App::needs_tick`);
    /// the event loop calls this every turn.
    pub fn tick(&mut self) -> Vec<Outside> {
        let mut outside = Vec::new();
        if let Some(progress) = self.runner.index_progress() {
            outside.extend(self.dispatch(progress));
        }
        if self.app.needs_tick() {
            outside.extend(self.dispatch(Action::Tick {
                now: std::time::Instant::now(),
            }));
        }
        outside
    }

    /// At exit: saves every mark change, waiting for the disk (saves under
    /// way included). Returns the messages to print once the terminal is
    /// restored, and whether every save succeeded.
    pub fn finish_saving(&mut self) -> (Vec<String>, bool) {
        let mut messages = Vec::new();
        let mut saved = true;
        let mut outcomes = Vec::new();
        for effect in self.app.update(Action::FlushMarks) {
            if let Effect::SaveMarks(job) = effect {
                if let Some(Action::MarksSaved(outcome)) = self.runner.save_marks(job) {
                    outcomes.push(outcome);
                }
            }
        }
        outcomes.extend(self.runner.finish_marks());
        for outcome in outcomes {
            let (said, ok) = outcome.report();
            messages.extend(said);
            saved &= ok;
            self.app.update(Action::MarksSaved(outcome));
        }
        (messages, saved)
    }

    /// [`Session::finish_saving`], for callers that only print the
    /// messages; ends the session.
    pub fn finish(mut self) -> Vec<String> {
        self.finish_saving().0
    }

    /// Draws a frame if anything changed since the last one.
    pub fn draw_if_needed(&mut self) -> io::Result<()> {
        if self.dirty { self.draw() } else { Ok(()) }
    }

    pub fn draw(&mut self) -> io::Result<()> {
        let app = &self.app;
        self.terminal
            .draw(|frame| ui::draw(frame, app))
            .map_err(io::Error::other)?;
        self.dirty = false;
        Ok(())
    }

    /// Re-reads the terminal size and repaints every cell (after a suspend,
    /// a terminal browser, or Ctrl-L).
    pub fn redraw_all(&mut self) -> io::Result<()> {
        self.sync_size()?;
        // `Terminal::clear` would ask the terminal where its cursor is and
        // wait for the answer, which the input thread reads instead (two
        // seconds, then an error that ends the reader). Resizing to the
        // current size clears the screen and forgets the last frame alike.
        let size = self.terminal.size().map_err(io::Error::other)?;
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
            .map_err(io::Error::other)?;
        self.draw()
    }

    fn sync_size(&mut self) -> io::Result<()> {
        let size = self.terminal.size().map_err(io::Error::other)?;
        self.dispatch(Action::Resize {
            width: size.width,
            height: size.height,
        });
        Ok(())
    }
}

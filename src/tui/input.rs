//! The terminal's input, read on a thread of its own and handed to the
//! event loop as events. Reading never waits on the loop, so nothing the
//! terminal sends can pile up behind a busy frame, and the thread notices
//! what the loop must act on even while it is busy: Ctrl-c (which arms
//! the quit watchdog, [`super::signals::Watchdog`]) and the terminal going
//! away (end of file or an error: the loop saves and exits).

mod parse;

use std::fs::File;
use std::io::{self, Read};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::signals::Watchdog;

/// How long input must be quiet before a lone ESC counts as the Esc key
/// and an unfinished paste ends.
const QUIET: Duration = Duration::from_millis(50);
/// How often the thread looks whether the loop wants the terminal back.
const CHECK: Duration = Duration::from_millis(50);

/// What the input thread hands the loop.
#[derive(Debug)]
pub enum Input {
    Event(Event),
    /// The terminal is gone (end of file or a read error).
    Closed,
    /// Not input: another thread has something for the loop (see
    /// [`Reader::waker`]), which waits for input and so must be woken.
    Wake,
}

/// Wakes a loop waiting for input (see [`Reader::waker`]).
#[derive(Clone)]
pub struct Waker(Sender<Input>);

impl Waker {
    pub fn wake(&self) {
        let _ = self.0.send(Input::Wake);
    }
}

enum Control {
    /// Stop reading until `Resume` (a program borrows the terminal); the
    /// sender is told once reading stopped.
    Pause(Sender<()>),
    Resume,
}

/// The loop's end of the input thread.
pub struct Reader {
    events: Receiver<Input>,
    /// The sending end the input threads hold, for [`Reader::waker`].
    wakes: Sender<Input>,
    control: Sender<Control>,
}

impl Reader {
    /// Starts reading the terminal (standard input, or the controlling
    /// terminal when standard input is not one).
    pub fn start(watchdog: Watchdog) -> io::Result<Reader> {
        let tty = open_tty()?;
        let (tx, events) = mpsc::channel();
        let (control, control_rx) = mpsc::channel();
        let wakes = tx.clone();
        resize_events(tx.clone())?;
        std::thread::Builder::new()
            .name("inkstone-input".into())
            .spawn(move || read_loop(tty, &tx, &control_rx, &watchdog))?;
        Ok(Reader {
            events,
            wakes,
            control,
        })
    }

    /// Lets another thread wake [`Reader::next`]: the loop waits on this
    /// one channel, so work ending elsewhere (the library's load) is seen
    /// at once rather than when the wait times out.
    pub fn waker(&self) -> Waker {
        Waker(self.wakes.clone())
    }

    /// The next input, waiting at most `timeout`.
    pub fn next(&self, timeout: Duration) -> Option<Input> {
        match self.events.recv_timeout(timeout) {
            Ok(input) => Some(input),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Input::Closed),
        }
    }

    /// Input already read, without waiting.
    pub fn try_next(&self) -> Option<Input> {
        self.events.try_recv().ok()
    }

    /// Stops reading, so a program run in the terminal gets its keys.
    pub fn pause(&self) {
        let (ack, stopped) = mpsc::channel();
        if self.control.send(Control::Pause(ack)).is_ok() {
            let _ = stopped.recv_timeout(Duration::from_secs(1));
        }
    }

    pub fn resume(&self) {
        let _ = self.control.send(Control::Resume);
    }
}

#[cfg(unix)]
fn open_tty() -> io::Result<File> {
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    let stdin = io::stdin();
    if stdin.is_terminal() {
        Ok(File::from(stdin.as_fd().try_clone_to_owned()?))
    } else {
        File::open("/dev/tty")
    }
}

#[cfg(not(unix))]
fn open_tty() -> io::Result<File> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "the reader needs a Unix terminal",
    ))
}

/// SIGWINCH as resize events with the new size.
fn resize_events(tx: Sender<Input>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGWINCH])?;
    std::thread::Builder::new()
        .name("inkstone-resize".into())
        .spawn(move || {
            for _ in signals.forever() {
                if let Ok((width, height)) = crossterm::terminal::size() {
                    if tx.send(Input::Event(Event::Resize(width, height))).is_err() {
                        return;
                    }
                }
            }
        })?;
    Ok(())
}

fn read_loop(mut tty: File, tx: &Sender<Input>, control: &Receiver<Control>, watchdog: &Watchdog) {
    let mut parser = parse::Parser::default();
    let mut buf = vec![0u8; 16 * 1024];
    let mut events = Vec::new();
    loop {
        if let Ok(Control::Pause(ack)) = control.try_recv() {
            let _ = ack.send(());
            // Whatever was half read belongs to nobody now.
            parser = parse::Parser::default();
            loop {
                match control.recv() {
                    Ok(Control::Resume) => break,
                    Ok(Control::Pause(ack)) => {
                        let _ = ack.send(());
                    }
                    Err(_) => return,
                }
            }
        }
        let wait = if parser.waiting() { QUIET } else { CHECK };
        match readable(&tty, wait) {
            Ok(false) => {
                if parser.waiting() {
                    parser.idle(&mut events);
                }
            }
            Ok(true) => match tty.read(&mut buf) {
                Ok(0) => {
                    let _ = tx.send(Input::Closed);
                    return;
                }
                Ok(n) => parser.feed(&buf[..n], &mut events),
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock
                    ) => {}
                Err(_) => {
                    let _ = tx.send(Input::Closed);
                    return;
                }
            },
            Err(_) => {
                let _ = tx.send(Input::Closed);
                return;
            }
        }
        for event in events.drain(..) {
            if is_ctrl_c(&event) {
                watchdog.arm(130);
            }
            if tx.send(Input::Event(event)).is_err() {
                return;
            }
        }
    }
}

fn is_ctrl_c(event: &Event) -> bool {
    matches!(
        event,
        Event::Key(KeyEvent {
            code: KeyCode::Char('c'),
            modifiers: KeyModifiers::CONTROL,
            ..
        })
    )
}

/// Whether `tty` has bytes (or an end or error) to read within `wait`.
#[cfg(unix)]
fn readable(tty: &File, wait: Duration) -> io::Result<bool> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let mut fds = [PollFd::new(tty, PollFlags::IN)];
    let timeout = Timespec {
        tv_sec: 0,
        tv_nsec: i64::from(wait.subsec_nanos()),
    };
    match poll(&mut fds, Some(&timeout)) {
        Ok(ready) => Ok(ready > 0),
        Err(rustix::io::Errno::INTR) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(unix))]
fn readable(_tty: &File, _wait: Duration) -> io::Result<bool> {
    Ok(true)
}

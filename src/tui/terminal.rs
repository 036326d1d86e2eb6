//! Taking over the terminal and giving it back, whatever happens: normal
//! exit, panic, signal, suspend, or a terminal browser borrowing it.

use std::io::{self, BufWriter, Stdout, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The real terminal's backend. Output is buffered so a frame goes out in
/// a few writes; ratatui flushes after each frame.
pub type TtyBackend = CrosstermBackend<BufWriter<Stdout>>;
pub type Tty = Terminal<TtyBackend>;

/// Whether the reader asks the terminal for mouse events (config.yaml's
/// `mouse`); off, the terminal selects text with the mouse as usual.
static MOUSE: AtomicBool = AtomicBool::new(true);

/// Switches to the alternate screen in raw mode (with mouse reporting when
/// `mouse`), and makes sure a panic puts the terminal back before its
/// message prints.
pub fn init(mouse: bool) -> io::Result<Tty> {
    MOUSE.store(mouse, Ordering::Relaxed);
    install_panic_hook();
    enter()?;
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        1 << 16,
        stdout(),
    )))
}

/// Raw mode, alternate screen, mouse reporting (unless turned off),
/// bracketed paste (so a pasted search arrives whole, newlines and all,
/// instead of as keys).
pub fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if MOUSE.load(Ordering::Relaxed) {
        execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Undoes [`enter`]: every step is tried even if one fails (the terminal
/// may already be gone after SIGHUP).
pub fn leave() -> io::Result<()> {
    let mut out = stdout();
    let mouse = if MOUSE.load(Ordering::Relaxed) {
        execute!(out, DisableBracketedPaste, DisableMouseCapture, Show)
    } else {
        execute!(out, DisableBracketedPaste, Show)
    };
    let screen = ratatui::try_restore();
    let flushed = out.flush();
    mouse.and(screen).and(flushed)
}

/// Lets go of the terminal without running ratatui's drop, which shows
/// the cursor and, if that fails, reports it with `eprintln!`: a panic
/// (status 101) when standard error is the terminal that just went away.
/// Call [`leave`] as well; it shows the cursor. Frames are flushed as they
/// are drawn, so nothing is left in the buffer.
pub fn release(tty: Tty) {
    std::mem::forget(tty);
}

/// Writes `bytes` to the terminal between frames (an OSC 52 sequence that
/// inkstone built itself; never text from an article).
pub fn write_raw(bytes: &[u8]) -> io::Result<()> {
    let mut out = stdout();
    out.write_all(bytes)?;
    out.flush()
}

/// Ctrl-Z: gives the terminal back and stops the process like any program
/// would; returns once the shell resumes it (`fg`), with the terminal
/// taken over again. The caller repaints everything.
pub fn suspend() -> io::Result<()> {
    leave()?;
    // With the default disposition this stops us until SIGCONT. Where job
    // control is off (orphaned process group) the kernel drops it and we
    // simply carry on.
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter()
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = leave();
        previous(info);
    }));
}

/// Whether a terminal write failed because the terminal is gone: EIO from
/// a pty whose other side closed, or a broken pipe.
pub fn gone(e: &io::Error) -> bool {
    // EIO is 5 on Linux, the BSDs and macOS.
    const EIO: i32 = 5;
    e.kind() == io::ErrorKind::BrokenPipe || e.raw_os_error() == Some(EIO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pty_or_pipe_is_a_gone_terminal_and_other_errors_are_not() {
        assert!(gone(&io::Error::from_raw_os_error(5)));
        assert!(gone(&io::Error::from(io::ErrorKind::BrokenPipe)));
        assert!(!gone(&io::Error::from(io::ErrorKind::PermissionDenied)));
        assert!(!gone(&io::Error::other("screen too small")));
    }
}

//! With `ambiguous_width: 2`, characters such as — … “ ” ● ★ take two
//! columns on the terminal but one in ratatui's model. The reader must then
//! never write into a cell the terminal covers with such a character, or
//! every later column of the row shifts. This replays what ratatui sends
//! to a terminal (the buffer diff) on a model of a CJK terminal.
//!
//! Its own test binary: the ambiguous-width setting is process-wide.

use inkstone::app::Options;
use inkstone::text::width;
use inkstone::tui::Session;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};

mod common;
use common::archive::fixtures;
use common::session::press;

fn session(w: u16, h: u16) -> Session<TestBackend> {
    common::session::start(fixtures("reader"), (w, h), Options::default(), None)
}

/// Replays the cells ratatui would send after a full clear, on a terminal
/// that draws ambiguous characters two columns wide. Returns each row as
/// (column, symbol) in the order written; panics if a write lands inside a
/// character already drawn or runs off the row.
fn replay(buffer: &Buffer) -> Vec<Vec<(u16, String)>> {
    let area = buffer.area;
    let blank = Buffer::empty(area);
    let mut rows: Vec<Vec<(u16, String)>> = vec![Vec::new(); usize::from(area.height)];
    let mut covered_until = vec![0u16; usize::from(area.height)];
    for (x, y, cell) in blank.diff(buffer) {
        let symbol = cell.symbol();
        let on_terminal = width::str_width(symbol) as u16;
        // What ratatui thinks the cell takes (a forced width included).
        let in_model = cell.cell_width();
        assert!(
            on_terminal <= in_model.max(1),
            "row {y}: `{symbol}` at {x} is {on_terminal} columns on the terminal but {in_model} in ratatui"
        );
        let row = usize::from(y);
        assert!(
            x >= covered_until[row],
            "row {y}: a write at column {x} lands inside the character before it\n{:?}",
            rows[row]
        );
        covered_until[row] = x + on_terminal;
        assert!(
            covered_until[row] <= area.width,
            "row {y} runs off the screen"
        );
        rows[row].push((x, symbol.to_owned()));
    }
    rows
}

fn column_of(row: &[(u16, String)], symbol: &str) -> Option<u16> {
    row.iter().find(|(_, s)| s == symbol).map(|(x, _)| *x)
}

#[test]
fn wide_ambiguous_characters_keep_rows_aligned() {
    width::set_ambiguous_wide(true);
    for (w, h) in [(80, 24), (40, 12), (57, 20)] {
        let mut s = session(w, h);
        press(&mut s, "jsjr");
        let rows = replay(s.terminal().backend().buffer());
        // Every article row: unread and star marks (two columns each) and
        // a space, then the date's first digit in the same column.
        let dates: Vec<u16> = rows[1..8]
            .iter()
            .map(|row| column_of(row, "2").expect("a date"))
            .collect();
        assert!(dates.iter().all(|&x| x == 5), "{w}x{h}: {dates:?}");
        let marked: Vec<&str> = rows[1..4].iter().map(|r| r[0].1.as_str()).collect();
        assert_eq!(marked, ["●", "●", " "], "{w}x{h}");
        assert_eq!(column_of(&rows[2], "★"), Some(2), "{w}x{h}");
        // The Korean title's "…" is drawn, and what follows it is not
        // written over it.
        assert!(
            rows.iter().flatten().any(|(_, s)| s == "…"),
            "{w}x{h}: an ellipsis is drawn"
        );
        for keys in ["G\n", "q?", "qt"] {
            press(&mut s, keys);
            replay(s.terminal().backend().buffer());
        }
    }
}

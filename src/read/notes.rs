//! Reads back what a team typed into a summary before that summary is replaced: the text of
//! the cells it is invited to fill (the Retrospective's yellow cells), and whether any other
//! cell was changed since plantrack wrote it.
//!
//! "Changed" is decided by a fingerprint: a hash of every cell of every sheet but the
//! snapshot, leaving out the invited cells, with formulas hashed by their text (a spreadsheet
//! that recalculates on opening, or a tool that drops cached results, changes no formula; only
//! the cost sheet has formulas) and numbers to ten significant digits. plantrack stores the fingerprint of what it wrote in
//! the snapshot's first row (E1) and compares it with the fingerprint of the file found.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_auto, open_workbook_from_rs};

use super::previous::cell;
use super::source;

use crate::model::{
    FINGERPRINT_COLUMN, NO_FINGERPRINT, NOTE_LABELS, RETRO_SHEET, SNAPSHOT_MARKER, SNAPSHOT_SHEET,
    TeamNotes,
};

/// The summary sheets that hold formulas (the cost sheet, in either language).
const COST_SHEETS: [&str; 2] = ["成本预算", "Costs"];

/// What a summary about to be replaced holds of the team's work.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SummaryWork {
    pub notes: TeamNotes,
    /// Cells other than the invited ones differ from what plantrack wrote (or the file is
    /// not a plantrack summary at all).
    pub edited: bool,
}

/// Reads the notes of a summary workbook and whether other cells were edited.
///
/// Errors: the file cannot be opened as a workbook (the message from the reader).
pub fn read_summary_work(path: &Path) -> Result<SummaryWork, String> {
    // The file is first opened as every input is (the same limits) and streamed: the stored
    // fingerprint comes from the hidden sheet's first row, and no sheet is loaded whole
    // below unless its cells span a bounded area (a 2 KB file can claim A1:XFD1048576).
    let mut book =
        super::guarded(|| source::open(path)).map_err(|e| e.message(crate::lang::Lang::En))?;
    let names = book.sheet_names();
    let retro = names
        .iter()
        .find(|n| **n == RETRO_SHEET.0 || **n == RETRO_SHEET.1)
        .cloned();
    let stored = stored_fingerprint(&mut book, &names)?;
    let fingerprinted = stored
        .as_deref()
        .is_some_and(|s| !s.is_empty() && s != NO_FINGERPRINT);
    let loaded: Vec<&String> = if fingerprinted {
        names.iter().filter(|n| *n != SNAPSHOT_SHEET).collect()
    } else {
        retro.iter().collect()
    };
    for name in loaded {
        let cells = span_cells(&mut book, name)?;
        if cells > MAX_LOADED_CELLS {
            return Err(format!(
                "sheet {name} spans {cells} cells, over the {MAX_LOADED_CELLS} a summary holds"
            ));
        }
    }
    drop(book);

    let mut wb = open_workbook_auto(path).map_err(|e| e.to_string())?;
    let notes = retro
        .and_then(|n| wb.worksheet_range(&n).ok())
        .map(|r| notes_of(&r.rows().map(|r| r.to_vec()).collect::<Vec<_>>()))
        .unwrap_or_default();
    let edited = match stored {
        // A summary from before fingerprints, or too big to take one: nothing to compare.
        Some(s) if s.is_empty() || s == NO_FINGERPRINT => false,
        Some(s) => s != fingerprint_of(&mut wb, &names),
        None => true,
    };
    Ok(SummaryWork { notes, edited })
}

/// The most cells a sheet of a summary may span before it is loaded whole (a 10,000-task
/// plan's Gantt spans about 1.5 million).
const MAX_LOADED_CELLS: u64 = 8_000_000;

/// The fingerprint stored in the snapshot's first row, streamed; None when the file has no
/// snapshot (it is not a summary).
fn stored_fingerprint(
    book: &mut source::Book<std::io::BufReader<std::fs::File>>,
    names: &[String],
) -> Result<Option<String>, String> {
    if !names.iter().any(|n| n == SNAPSHOT_SHEET) {
        return Ok(None);
    }
    let mut stored = None;
    super::guarded(|| {
        book.for_each_row(SNAPSHOT_SHEET, |r| {
            if r.index == 0 && cell(r, 0) == SNAPSHOT_MARKER {
                stored = Some(cell(r, usize::from(FINGERPRINT_COLUMN)));
            }
            false
        })
    })
    .map_err(|e| e.message(crate::lang::Lang::En))?;
    Ok(stored)
}

/// The area (rows x columns) a sheet's cells span, streamed.
fn span_cells(
    book: &mut source::Book<std::io::BufReader<std::fs::File>>,
    sheet: &str,
) -> Result<u64, String> {
    let (mut first, mut last, mut cols) = (None, 0u32, 0usize);
    super::guarded(|| {
        book.for_each_row(sheet, |r| {
            if !r.is_empty() {
                first.get_or_insert(r.index);
                last = r.index;
                cols = cols.max(r.cells.len());
            }
            true
        })
    })
    .map_err(|e| e.message(crate::lang::Lang::En))?;
    Ok(first.map_or(0, |f| u64::from(last - f + 1) * cols as u64))
}

/// The fingerprint of a summary workbook held in memory (just rendered).
///
/// Errors: the bytes are not a workbook (they always are, from the writer).
pub fn fingerprint(bytes: &[u8]) -> Result<String, String> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| e.to_string())?;
    let names = wb.sheet_names();
    Ok(fingerprint_of(&mut wb, &names))
}

/// The text in the invited cells: column B of the rows labelled in column A.
fn notes_of(rows: &[Vec<Data>]) -> TeamNotes {
    let mut notes = TeamNotes::default();
    for row in rows {
        let Some(label) = row.first().map(|c| c.to_string()) else {
            continue;
        };
        let Some(i) = NOTE_LABELS
            .iter()
            .position(|(zh, en)| label == *zh || label == *en)
        else {
            continue;
        };
        let text = row.get(1).map(|c| c.to_string()).unwrap_or_default();
        if !text.trim().is_empty() && notes.0[i].is_none() {
            notes.0[i] = Some(text);
        }
    }
    notes
}

/// FNV-1a: stable across runs and Rust versions, unlike the std hasher.
struct Fnv(u64);

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
}

fn fingerprint_of<R: Reader<RS>, RS: std::io::Read + std::io::Seek>(
    wb: &mut R,
    names: &[String],
) -> String {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    for name in names.iter().filter(|n| *n != SNAPSHOT_SHEET) {
        h.write(name.as_bytes());
        let Ok(values) = wb.worksheet_range(name) else {
            continue;
        };
        let retro = *name == RETRO_SHEET.0 || *name == RETRO_SHEET.1;
        // Every cell by position: its value, or its formula where it has one.
        let mut cells = std::collections::BTreeMap::new();
        let mut invited_rows = std::collections::BTreeSet::new();
        for (r, c, cell) in values.used_cells() {
            let (r, c) = (r as u32, c as u32);
            if let Some((top, left)) = values.start() {
                let (r, c) = (top + r, left + c);
                let text = match cell {
                    Data::Empty => continue,
                    Data::Float(x) => format!("{x:.9e}"),
                    other => other.to_string(),
                };
                let label = NOTE_LABELS
                    .iter()
                    .any(|(zh, en)| text == *zh || text == *en);
                if retro && c == 0 && label {
                    invited_rows.insert(r);
                }
                cells.insert((r, c), text);
            }
        }
        // Only the cost sheet holds formulas; reading a big sheet's formulas would parse it
        // twice for nothing.
        if COST_SHEETS.contains(&name.as_str())
            && let Ok(formulas) = wb.worksheet_formula(name)
            && let Some((top, left)) = formulas.start()
        {
            for (r, c, f) in formulas.used_cells() {
                if !f.is_empty() {
                    cells.insert((top + r as u32, left + c as u32), format!("={f}"));
                }
            }
        }
        for ((r, c), text) in cells {
            if c >= 1 && invited_rows.contains(&r) {
                continue;
            }
            h.write(format!("{r},{c}:{text}").as_bytes());
        }
    }
    format!("{:016x}", h.0)
}

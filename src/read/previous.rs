//! Reads back the snapshot a previous summary carries in its hidden sheet, for the Changes
//! sheet and the baseline: one JSON record per row, read with serde. Summaries written before
//! the records were JSON (format 1, positional rows) are still read, so a team upgrading keeps
//! its baseline and last week's comparison. Any other format is refused with a message
//! saying why, never guessed at.

use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ReadError;
use super::source::{self, CellValue, Row};
use crate::lang::Lang;
use crate::model::{
    CostSnap, GoalSnap, SNAPSHOT_MARKER as MARKER, SNAPSHOT_SHEET as SHEET,
    SNAPSHOT_VERSION as VERSION, SNAPSHOT_VERSION_ROWS as VERSION_ROWS, SnapRecord, Snapshot,
    TaskSnap, TaskStatus,
};

#[derive(Debug, Clone, PartialEq)]
pub enum SnapshotError {
    Unreadable(ReadError),
    NotASummary,
    OtherVersion(String),
}

impl SnapshotError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SnapshotError::Unreadable(e), Lang::Zh) => {
                format!("无法读取上周汇总（{}）", e.message(lang))
            }
            (SnapshotError::Unreadable(e), Lang::En) => {
                format!("cannot read last week's summary ({})", e.message(lang))
            }
            (SnapshotError::NotASummary, Lang::Zh) => {
                "不是 plantrack 生成的汇总（没有隐藏的数据表），无法比较本周变化".into()
            }
            (SnapshotError::NotASummary, Lang::En) => {
                "not a summary written by plantrack (no hidden data sheet): cannot compare".into()
            }
            (SnapshotError::OtherVersion(v), Lang::Zh) => {
                format!("汇总由其他版本的 plantrack 生成（数据格式 {v}），无法比较")
            }
            (SnapshotError::OtherVersion(v), Lang::En) => format!(
                "the summary was written by another plantrack version (data format {v}): cannot compare"
            ),
        }
    }
}

/// A cell's value as text ("" when empty), as the snapshot and notes readers compare it.
pub(super) fn cell(row: &Row, i: usize) -> String {
    match row.get(i) {
        CellValue::Empty => String::new(),
        CellValue::Text(s) | CellValue::Error(s) => s.clone(),
        CellValue::Number(x) => x.to_string(),
        CellValue::Date(d) => d.to_string(),
        CellValue::Bool(b) => b.to_string(),
    }
}

fn opt<T: FromStr>(s: String) -> Option<T> {
    if s.is_empty() { None } else { s.parse().ok() }
}

/// Reads the snapshot of a summary workbook. It is opened as every input is (see
/// [`source::open`]): held to the same limits, and the hidden sheet streamed row by row, so a
/// file that only looks like a summary costs no more than any other file.
///
/// Errors: the file cannot be opened, has no snapshot sheet, or has another format version.
pub fn read_snapshot(path: &Path) -> Result<Snapshot, SnapshotError> {
    let mut book = super::guarded(|| source::open(path)).map_err(SnapshotError::Unreadable)?;
    if !book.sheet_names().iter().any(|n| n == SHEET) {
        return Err(SnapshotError::NotASummary);
    }
    // The head row decides whether the rest is read, and how: None until it is seen.
    let mut snap: Option<Result<(Snapshot, Format), SnapshotError>> = None;
    super::guarded(|| {
        book.for_each_row(SHEET, |r| match &mut snap {
            None => {
                snap = Some(head(r));
                matches!(snap, Some(Ok(_)))
            }
            Some(Ok((snap, Format::Json))) => {
                take_record(snap, r);
                true
            }
            Some(Ok((snap, Format::Rows))) => {
                take_row(snap, r);
                true
            }
            Some(Err(_)) => false,
        })
    })
    .map_err(SnapshotError::Unreadable)?;
    snap.unwrap_or(Err(SnapshotError::NotASummary))
        .map(|(snap, _)| snap)
}

/// How the records below the head row are written.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    /// One JSON record per row (the current format).
    Json,
    /// Format 1: positional rows.
    Rows,
}

/// The snapshot's head row: marker, format version, as-of date, the baseline's date (the
/// same in every format).
fn head(r: &Row) -> Result<(Snapshot, Format), SnapshotError> {
    if r.index != 0 || cell(r, 0) != MARKER {
        return Err(SnapshotError::NotASummary);
    }
    let format = match cell(r, 1).as_str() {
        VERSION => Format::Json,
        VERSION_ROWS => Format::Rows,
        other => return Err(SnapshotError::OtherVersion(other.to_string())),
    };
    let snap = Snapshot {
        as_of: NaiveDate::from_str(&cell(r, 2)).ok(),
        baseline_set: NaiveDate::from_str(&cell(r, 3)).ok(),
        ..Snapshot::default()
    };
    Ok((snap, format))
}

/// One record: a JSON cell in column A. A record that does not parse (edited by hand) is
/// left out, as an unknown row is, and the others still count.
fn take_record(snap: &mut Snapshot, r: &Row) {
    match serde_json::from_str::<SnapRecord>(&cell(r, 0)) {
        Ok(SnapRecord::Task(t)) => snap.tasks.push(t),
        Ok(SnapRecord::Cost(c)) => snap.costs.push(c),
        Ok(SnapRecord::Goal(g)) => snap.goals.push(g),
        Err(_) => {}
    }
}

/// One record row of a format 1 snapshot: kind, team, then the fields in order.
fn take_row(snap: &mut Snapshot, r: &Row) {
    match cell(r, 0).as_str() {
        "task" => {
            let Some(status) = TaskStatus::from_code(&cell(r, 4)) else {
                return;
            };
            snap.tasks.push(TaskSnap {
                team: cell(r, 1),
                key: cell(r, 2),
                name: cell(r, 3),
                status,
                due: opt(cell(r, 5)),
                progress: opt(cell(r, 6)),
                owner: opt(cell(r, 7)),
                baseline_start: opt(cell(r, 8)),
                baseline_due: opt(cell(r, 9)),
            });
        }
        "cost" => snap.costs.push(CostSnap {
            team: cell(r, 1),
            category: cell(r, 2),
            budget: opt(cell(r, 3)),
            spent: Decimal::from_str(&cell(r, 4)).unwrap_or_default(),
        }),
        "goal" => snap.goals.push(GoalSnap {
            team: cell(r, 1),
            name: cell(r, 2),
            target: opt(cell(r, 3)),
            actual: opt(cell(r, 4)),
        }),
        _ => {}
    }
}

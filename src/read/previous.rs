//! Reads back the snapshot a previous summary carries in its hidden sheet, for the Changes
//! sheet. Only summaries written by this format version are accepted; anything else is
//! refused with a message saying why, never guessed at.

use std::path::Path;
use std::str::FromStr;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::model::{
    CostSnap, GoalSnap, SNAPSHOT_MARKER as MARKER, SNAPSHOT_SHEET as SHEET,
    SNAPSHOT_VERSION as VERSION, Snapshot, TaskSnap, TaskStatus,
};

#[derive(Debug, Clone, PartialEq)]
pub enum SnapshotError {
    Unreadable(String),
    NotASummary,
    OtherVersion(String),
}

impl SnapshotError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SnapshotError::Unreadable(e), Lang::Zh) => format!("无法读取上周汇总（{e}）"),
            (SnapshotError::Unreadable(e), Lang::En) => {
                format!("cannot read last week's summary ({e})")
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

fn cell(row: &[Data], i: usize) -> String {
    row.get(i).map(|c| c.to_string()).unwrap_or_default()
}

fn opt<T: FromStr>(s: String) -> Option<T> {
    if s.is_empty() { None } else { s.parse().ok() }
}

/// Reads the snapshot of a summary workbook.
///
/// Errors: the file cannot be opened, has no snapshot sheet, or has another format version.
pub fn read_snapshot(path: &Path) -> Result<Snapshot, SnapshotError> {
    let mut wb = open_workbook_auto(path).map_err(|e| SnapshotError::Unreadable(e.to_string()))?;
    if !wb.sheet_names().iter().any(|n| n == SHEET) {
        return Err(SnapshotError::NotASummary);
    }
    let range = wb
        .worksheet_range(SHEET)
        .map_err(|e| SnapshotError::Unreadable(e.to_string()))?;
    let mut rows = range.rows();
    let head = rows.next().ok_or(SnapshotError::NotASummary)?;
    if cell(head, 0) != MARKER {
        return Err(SnapshotError::NotASummary);
    }
    if cell(head, 1) != VERSION {
        return Err(SnapshotError::OtherVersion(cell(head, 1)));
    }
    let mut snap = Snapshot {
        as_of: NaiveDate::from_str(&cell(head, 2)).ok(),
        baseline_set: NaiveDate::from_str(&cell(head, 3)).ok(),
        ..Snapshot::default()
    };
    for r in rows {
        match cell(r, 0).as_str() {
            "task" => {
                let Some(status) = TaskStatus::from_code(&cell(r, 4)) else {
                    continue;
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
    Ok(snap)
}

//! The hidden sheet that lets next week's run say what changed: this week's [`Snapshot`].
//! The head row is the envelope, a marker and a format version so that an older or foreign
//! workbook is refused with a clear message, then the as-of date, the baseline's date and
//! the fingerprint (see read::notes). Below it one record per row, each one JSON cell
//! ([`SnapRecord`], written and read back with serde), so adding a field never shifts
//! another one's column.

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::model::{
    CostSnap, FINGERPRINT_COLUMN, GoalSnap, NO_FINGERPRINT, SNAPSHOT_MARKER as MARKER,
    SNAPSHOT_SHEET as SHEET, SNAPSHOT_VERSION as VERSION, SnapRecord, Snapshot, TaskSnap,
};

/// Writes the snapshot; E1 holds "-" until [`set_fingerprint`] writes the fingerprint of
/// every other cell (see read::notes) there.
pub fn write(ws: &mut Worksheet, snap: &Snapshot) -> Result<(), XlsxError> {
    ws.set_name(SHEET)?;
    ws.set_hidden(true);
    let as_of = snap.as_of.map(|d| d.to_string()).unwrap_or_default();
    let baseline_set = snap.baseline_set.map(|d| d.to_string()).unwrap_or_default();
    for (c, v) in [MARKER, VERSION, &as_of, &baseline_set, NO_FINGERPRINT]
        .iter()
        .enumerate()
    {
        if !v.is_empty() {
            ws.write_string(0, c as u16, *v)?;
        }
    }
    let records = (snap.tasks.iter().cloned().map(SnapRecord::Task))
        .chain(snap.costs.iter().cloned().map(SnapRecord::Cost))
        .chain(snap.goals.iter().cloned().map(SnapRecord::Goal));
    for (r, record) in (1..).zip(records) {
        ws.write_string(r, 0, record_cell(record))?;
    }
    Ok(())
}

/// Writes the fingerprint into E1 of a written snapshot sheet.
pub fn set_fingerprint(ws: &mut Worksheet, fingerprint: &str) -> Result<(), XlsxError> {
    ws.write_string(0, FINGERPRINT_COLUMN, fingerprint)
        .map(|_| ())
}

/// A record as its JSON cell. A record longer than a cell holds (names of thousands of
/// characters) has its texts shortened until it fits, so the cell stays valid JSON.
fn record_cell(mut record: SnapRecord) -> String {
    let mut keep = super::MAX_CELL_TEXT;
    loop {
        // Plain strings, numbers and dates: serialising cannot fail.
        let json = serde_json::to_string(&record).unwrap_or_default();
        if json.encode_utf16().count() <= super::MAX_CELL_TEXT || keep == 0 {
            return json;
        }
        keep /= 2;
        for text in texts(&mut record) {
            if let Some((cut, _)) = text.char_indices().nth(keep) {
                text.truncate(cut);
            }
        }
    }
}

/// The free texts of a record.
fn texts(record: &mut SnapRecord) -> Vec<&mut String> {
    match record {
        SnapRecord::Task(TaskSnap {
            team,
            key,
            name,
            owner,
            ..
        }) => [team, key, name].into_iter().chain(owner).collect(),
        SnapRecord::Cost(CostSnap { team, category, .. }) => vec![team, category],
        SnapRecord::Goal(GoalSnap { team, name, .. }) => vec![team, name],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaskStatus;

    #[test]
    fn an_overlong_record_is_cut_to_a_cell_and_stays_json() {
        let long = "名".repeat(40_000);
        let record = SnapRecord::Task(TaskSnap {
            team: long.clone(),
            key: long.clone(),
            name: "\u{1}".repeat(40_000),
            status: TaskStatus::Done,
            due: None,
            progress: Some(0.3),
            owner: Some(long),
            baseline_start: None,
            baseline_due: None,
        });
        let cell = record_cell(record);
        assert!(cell.encode_utf16().count() <= super::super::MAX_CELL_TEXT);
        let SnapRecord::Task(back) = serde_json::from_str(&cell).unwrap() else {
            panic!("not a task: {cell}");
        };
        assert_eq!(back.status, TaskStatus::Done);
        assert_eq!(back.progress, Some(0.3));
        assert!(back.team.chars().all(|c| c == '名') && !back.team.is_empty());
    }
}

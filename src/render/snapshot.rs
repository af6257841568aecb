//! The hidden sheet that lets next week's run say what changed: this week's [`Snapshot`] as
//! plain rows (amounts as exact decimal text, dates as ISO text), under a marker and a
//! format version so an older or foreign workbook is refused with a clear message. Each task
//! row also carries its baseline start and due (columns I and J, added within format 1: an
//! older summary simply has none, and the baseline starts from this week).

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::model::{
    FINGERPRINT_COLUMN, NO_FINGERPRINT, SNAPSHOT_MARKER as MARKER, SNAPSHOT_SHEET as SHEET,
    SNAPSHOT_VERSION as VERSION, Snapshot,
};

/// Writes the snapshot; E1 holds "-" until [`set_fingerprint`] writes the fingerprint of
/// every other cell (see read::notes) there.
pub fn write(ws: &mut Worksheet, snap: &Snapshot) -> Result<(), XlsxError> {
    ws.set_name(SHEET)?;
    ws.set_hidden(true);
    let as_of = snap.as_of.map(|d| d.to_string()).unwrap_or_default();
    let baseline_set = snap.baseline_set.map(|d| d.to_string()).unwrap_or_default();
    row(
        ws,
        0,
        &[MARKER, VERSION, &as_of, &baseline_set, NO_FINGERPRINT],
    )?;
    let mut r = 1;
    let opt = |v: Option<String>| v.unwrap_or_default();
    for t in &snap.tasks {
        let due = opt(t.due.map(|d| d.to_string()));
        let progress = opt(t.progress.map(|p| p.to_string()));
        let owner = t.owner.clone().unwrap_or_default();
        let baseline_start = opt(t.baseline_start.map(|d| d.to_string()));
        let baseline_due = opt(t.baseline_due.map(|d| d.to_string()));
        row(
            ws,
            r,
            &[
                "task",
                &t.team,
                &t.key,
                &t.name,
                t.status.code(),
                &due,
                &progress,
                &owner,
                &baseline_start,
                &baseline_due,
            ],
        )?;
        r += 1;
    }
    for c in &snap.costs {
        let budget = opt(c.budget.map(|b| b.to_string()));
        row(
            ws,
            r,
            &["cost", &c.team, &c.category, &budget, &c.spent.to_string()],
        )?;
        r += 1;
    }
    for g in &snap.goals {
        let target = opt(g.target.map(|v| v.to_string()));
        let actual = opt(g.actual.map(|v| v.to_string()));
        row(ws, r, &["goal", &g.team, &g.name, &target, &actual])?;
        r += 1;
    }
    Ok(())
}

/// Writes the fingerprint into E1 of a written snapshot sheet.
pub fn set_fingerprint(ws: &mut Worksheet, fingerprint: &str) -> Result<(), XlsxError> {
    ws.write_string(0, FINGERPRINT_COLUMN, fingerprint)
        .map(|_| ())
}

fn row(ws: &mut Worksheet, r: u32, cells: &[&str]) -> Result<(), XlsxError> {
    for (c, v) in cells.iter().enumerate() {
        if !v.is_empty() {
            ws.write_string(r, c as u16, *v)?;
        }
    }
    Ok(())
}

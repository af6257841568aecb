//! Keeping the team's work when a summary is replaced: the text typed into the cells the
//! summary invites the team to fill is carried into the new summary (from the file being
//! replaced, and the notes that live across weeks from last week's summary); a file whose
//! other cells were edited is kept as a dated copy beside it, and the run says so.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rust_xlsxwriter::Workbook;

use crate::compute::Summary;
use crate::lang::Lang;
use crate::messages::Said;
use crate::model::TeamNotes;
use crate::read::notes::{fingerprint, read_summary_work};
use crate::render::{RenderOptions, set_fingerprint, summary_workbook};

/// Fills `summary.notes` from the summary at `output` (about to be replaced) and from
/// last week's summary `previous`; keeps a dated copy of `output` when cells other than the
/// invited ones were edited, or when it is not a summary plantrack can read. What it did is
/// said in `say`, the language of the console.
///
/// Errors: the copy cannot be written (the summary is then not replaced).
pub fn carry_team_work(
    output: &Path,
    previous: Option<&Path>,
    summary: &mut Summary,
    say: Lang,
) -> Result<()> {
    let mut notes = TeamNotes::default();
    if output.is_file() {
        let work = read_summary_work(output);
        if let Ok(w) = &work {
            notes = w.notes.clone();
        }
        if work.as_ref().is_ok_and(|w| w.edited) || work.is_err() {
            let copy = dated_copy(output);
            std::fs::copy(output, &copy).map_err(|e| {
                Said::new(
                    format!("无法另存 {} 的副本", output.display()),
                    format!("keeping a copy of {}", output.display()),
                )
                .because(e)
            })?;
            crate::say!(
                "{}",
                match say {
                    Lang::Zh => format!(
                        "plantrack: {} 中有非黄色单元格被修改过，已另存一份：{}",
                        output.display(),
                        copy.display()
                    ),
                    Lang::En => format!(
                        "plantrack: cells of {} other than the yellow ones were edited; kept a copy as {}",
                        output.display(),
                        copy.display()
                    ),
                }
            );
        }
    }
    if let Some(prev) = previous.filter(|p| !crate::cmd::same_file(p, output))
        && let Ok(w) = read_summary_work(prev)
    {
        notes = notes.or_from(&w.notes, true);
    }
    let kept = notes.0.iter().filter(|n| n.is_some()).count();
    if kept > 0 {
        crate::say!(
            "{}",
            match say {
                Lang::Zh => format!("已保留团队在复盘表黄色单元格中填写的 {kept} 项内容"),
                Lang::En =>
                    format!("kept {kept} of the team's notes in the Retrospective's yellow cells"),
            }
        );
    }
    summary.notes = notes;
    Ok(())
}

/// `<stem>.edited-<modified date>.xlsx` beside `path` (with -2, -3 when taken).
fn dated_copy(path: &Path) -> PathBuf {
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map(chrono::DateTime::<chrono::Local>::from)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|_| "copy".into());
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "xlsx".into());
    let dir = path.parent().unwrap_or(Path::new(""));
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            dir.join(format!("{stem}.edited-{modified}{suffix}.{ext}"))
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{stem}.edited.{ext}")))
}

/// Plans up to this many plan and weekly rows get a fingerprint. Taking one means saving the
/// workbook twice and reading it back: a few milliseconds for a team's workbook, seconds for
/// a plan of 10,000 tasks. Above it the fingerprint is left out, and the next run carries
/// the team's notes forward without telling edited cells apart (no dated copy).
pub const FINGERPRINT_UP_TO_ROWS: usize = 5_000;

/// The summary workbook with its fingerprint: rendered once, saved to memory to learn what
/// it holds, then the fingerprint is written into its snapshot (E1) before the real save.
///
/// Errors: as [`summary_workbook`].
pub fn fingerprinted(summary: &Summary, opts: &RenderOptions) -> Result<Workbook> {
    let mut wb = summary_workbook(summary, opts)?;
    if summary.data.plan.len() + summary.data.weekly.len() > FINGERPRINT_UP_TO_ROWS {
        return Ok(wb);
    }
    let bytes = wb.save_to_buffer()?;
    if let Ok(print) = fingerprint(&bytes) {
        set_fingerprint(&mut wb, &print)?;
    }
    Ok(wb)
}

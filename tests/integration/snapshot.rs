//! The hidden snapshot sheet: one JSON record per row, read back with serde; and a summary
//! written before that (format 1, positional rows: tests/fixtures/previous, made by the
//! previous release from the samples on 2026-11-19) still gives next week's Changes sheet
//! and keeps the baseline, so a team upgrading loses nothing.

use std::path::Path;

use calamine::{Data, DataType};

use super::common::*;

/// Runs `report` on a sample with `--previous`; the output path.
fn week_two(dir: &Path, sample: &str, previous: &Path) -> std::path::PathBuf {
    let out = dir.join(format!("w2-{}.xlsx", previous.file_stem().unwrap().len()));
    let input = samples().join(sample);
    let o = plantrack(
        dir,
        &[
            "report",
            input.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--previous",
            previous.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        o.status.success(),
        "report failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

/// Last week's summary written by this version, on the fixture's as-of date.
fn week_one(dir: &Path, sample: &str) -> std::path::PathBuf {
    let out = dir.join("w1-new.xlsx");
    let input = samples().join(sample);
    let o = plantrack(
        dir,
        &[
            "report",
            input.to_str().unwrap(),
            "--as-of",
            "2026-11-19",
            "--no-previous",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn old_summary(sample: &str) -> std::path::PathBuf {
    let stem = Path::new(sample).file_stem().unwrap().to_str().unwrap();
    fixtures()
        .join("previous")
        .join(format!("{stem}-summary-v1-2026-11-19.xlsx"))
}

fn date(c: &Data) -> String {
    c.as_date().map(|d| d.to_string()).unwrap_or_default()
}

#[test]
fn an_old_format_summary_still_gives_the_changes_sheet_en() {
    let dir = tempfile::tempdir().unwrap();
    let old = old_summary(EN_SAMPLE);
    assert_eq!(
        text(&sheet(&old, "_plantrack")[0][1]),
        "1",
        "a format 1 fixture"
    );
    let out = week_two(dir.path(), EN_SAMPLE, &old);
    let changes = sheet(&out, "Changes");
    assert_eq!(
        date(&row_with(&changes, 0, "Last week's as-of")[1]),
        "2026-11-19"
    );
    let moved = row_with(&changes, 1, "Pop-up events");
    assert_eq!(
        (text(&moved[2]), text(&moved[3])),
        ("On track".into(), "At risk".into())
    );
    let social = row_with(&changes, 1, "Paid social");
    assert_close(num(&social[3]), 40050.0);
    assert_close(num(&social[6]), 0.801);
    let goal = row_with(&changes, 1, "Online $1.2M");
    assert_close(num(&goal[3]), 953_000.0);
    // The baseline comes from the old summary: set on its date.
    assert!(
        changes
            .iter()
            .any(|r| text(&r[0]).contains("baseline (set 2026-11-19")),
        "no baseline line"
    );
    // And it is the same Changes sheet a summary written by this version gives.
    let new = week_two(dir.path(), EN_SAMPLE, &week_one(dir.path(), EN_SAMPLE));
    assert_eq!(changes, sheet(&new, "Changes"));
    assert_eq!(sheet(&out, "Tasks"), sheet(&new, "Tasks"));
}

#[test]
fn an_old_format_summary_still_gives_the_changes_sheet_zh() {
    let dir = tempfile::tempdir().unwrap();
    let old = old_summary(ZH_SAMPLE);
    assert_eq!(
        text(&sheet(&old, "_plantrack")[0][1]),
        "1",
        "a format 1 fixture"
    );
    let out = week_two(dir.path(), ZH_SAMPLE, &old);
    let changes = sheet(&out, "本周变化");
    assert_eq!(
        date(&row_with(&changes, 0, "上周统计日期")[1]),
        "2026-11-19"
    );
    let overdue = rows_with(&changes, 1, "门店促销物料设计");
    assert_eq!(overdue.len(), 2, "newly overdue and in all status changes");
    assert_eq!(
        (text(&overdue[0][2]), text(&overdue[0][3])),
        ("有风险".into(), "逾期".into())
    );
    let live = row_with(&changes, 1, "直播推广费");
    assert_close(num(&live[3]), 82_350.5);
    let new = week_two(dir.path(), ZH_SAMPLE, &week_one(dir.path(), ZH_SAMPLE));
    assert_eq!(changes, sheet(&new, "本周变化"));
    assert_eq!(sheet(&out, "任务"), sheet(&new, "任务"));
}

#[test]
fn the_snapshot_is_one_json_record_per_row() {
    let (_dir, out) = report_of(&samples().join(ZH_SAMPLE), &["--no-previous"]);
    let rows = sheet(&out, "_plantrack");
    assert_eq!(text(&rows[0][0]), "plantrack snapshot");
    assert_eq!(text(&rows[0][1]), "2");
    assert_eq!(text(&rows[0][2]), AS_OF);
    let mut kinds = std::collections::BTreeMap::new();
    for r in &rows[1..] {
        assert!(
            r[1..].iter().all(|c| *c == Data::Empty),
            "one cell per record"
        );
        let v: serde_json::Value = serde_json::from_str(&text(&r[0])).expect("JSON");
        let (kind, record) = v.as_object().unwrap().iter().next().unwrap();
        *kinds.entry(kind.clone()).or_insert(0) += 1;
        if record["name"] == "门店促销物料设计" {
            assert_eq!(record["status"], "overdue");
        }
        if record["category"] == "直播推广费" {
            // Money as exact decimal text.
            assert_eq!(record["spent"], "82350.5");
            assert_eq!(record["budget"], "100000");
        }
    }
    let kinds: Vec<(String, i32)> = kinds.into_iter().collect();
    assert_eq!(
        kinds,
        [("cost".into(), 5), ("goal".into(), 3), ("task".into(), 10)]
    );
}

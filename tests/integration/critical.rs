//! The Overview's critical path agrees with the Tasks sheet (issue 15): it lists every task
//! the Tasks sheet marks critical, with the critical tasks each waits for, and names the
//! tasks forecast to finish after the campaign's end with the Tasks sheet's forecast dates.

use std::collections::BTreeSet;

use calamine::Data;

use crate::common::*;

/// The rows of the Overview section titled `title`, below its header row, up to the first
/// empty row.
fn section<'a>(rows: &'a [Vec<Data>], title: &str) -> Vec<&'a [Data]> {
    let Some(at) = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| *c == title))
    else {
        return Vec::new();
    };
    rows[at + 2..]
        .iter()
        .take_while(|r| r.first().is_some_and(|c| !matches!(c, Data::Empty)))
        .map(|r| r.as_slice())
        .collect()
}

#[test]
fn the_overview_lists_the_critical_tasks_the_tasks_sheet_marks() {
    for (sample, zh) in [(ZH_SAMPLE, true), (EN_SAMPLE, false)] {
        let (_d, out) = report_of(&samples().join(sample), &[]);
        let pick = |a: &'static str, b: &'static str| if zh { a } else { b };
        let overview = sheet(&out, pick("概览", "Overview"));
        let listed: BTreeSet<String> = section(&overview, pick("关键路径", "Critical path"))
            .iter()
            .map(|r| text(&r[0]))
            .collect();
        let tasks = sheet(&out, pick("任务", "Tasks"));
        let marked: BTreeSet<String> = tasks[1..]
            .iter()
            .filter(|r| r.get(14).is_some_and(|c| *c == pick("是", "yes")))
            .map(|r| text(&r[3]))
            .collect();
        assert!(!marked.is_empty(), "{sample}");
        assert_eq!(listed, marked, "{sample}");
    }
}

#[test]
fn forecast_finishes_after_the_campaign_end_are_named_on_the_overview() {
    // Three weeks after the sample's last due date (2026-12-20): its open tasks slip past.
    let dir = tempfile::tempdir().unwrap();
    let input = samples().join(ZH_SAMPLE);
    let args = [
        "report",
        input.to_str().unwrap(),
        "--as-of",
        "2027-01-10",
        "-o",
        "o.xlsx",
    ];
    assert!(plantrack(dir.path(), &args).status.success());
    let out = dir.path().join("o.xlsx");
    let overview = sheet(&out, "概览");
    let late = section(&overview, "预计晚于活动结束的任务");
    assert!(!late.is_empty());
    let tasks = sheet(&out, "任务");
    for row in late {
        let task = row_with(&tasks, 3, &text(&row[0]));
        assert_eq!(row[3], task[17], "the Tasks sheet's forecast finish");
        let serial = |c: &Data| match c {
            Data::DateTime(d) => d.as_f64(),
            other => num(other),
        };
        assert!(serial(&row[3]) > serial(&row[4]), "after the campaign end");
        assert_eq!(serial(&row[4]), 46376.0, "2026-12-20");
    }
}

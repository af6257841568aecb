//! The schedule (dependencies, float, critical path, forecast) and the Gantt sheet, on the
//! English sample (see sample-workbooks/README.md, "Schedule") and on a generated big plan.

use calamine::{Data, DataType};
use rust_xlsxwriter::Workbook;

use crate::common::*;

#[test]
fn tasks_sheet_shows_float_conflicts_and_forecast_slip() {
    let (_d, out) = report_of(&samples().join(EN_SAMPLE), &[]);
    let tasks = sheet(&out, "Tasks");
    let header = &tasks[0];
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (float, critical, conflict) = (
        col("Float (working days)"),
        col("Critical"),
        col("Conflict"),
    );
    let (fstart, ffinish, flate) = (
        col("Forecast start"),
        col("Forecast finish"),
        col("Forecast late"),
    );
    let row = |name: &str| row_with(&tasks, 3, name).to_vec();
    let floats: Vec<f64> = tasks.iter().skip(1).map(|r| num(&r[float])).collect();
    // In working days, Monday to Friday (English headers; see sample-workbooks/README.md).
    assert_eq!(floats, [0.0, 4.0, 7.0, 4.0, -3.0, 0.0, 19.0, 10.0, 9.0]);
    let promo = row("Retail partner promotions");
    // Parallel work (it starts before its predecessor is due but finishes after it) is no
    // conflict: one note for the plan (issue 13).
    assert_eq!(text(&promo[conflict]), "");
    assert_eq!(text(&promo[critical]), "yes");
    // It waits for the kits (forecast to finish on the as-of date, 11-26) and starts the
    // next working day; its 29 working days then end 2027-01-06.
    assert_eq!(
        promo[fstart].as_date(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
    );
    assert_eq!(
        promo[ffinish].as_date(),
        chrono::NaiveDate::from_ymd_opt(2027, 1, 6)
    );
    assert_eq!(text(&promo[flate]), "yes");
    let kits = row("In-store display kits");
    assert_eq!(
        kits[ffinish].as_date(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
    );
    assert_eq!(
        row("Holiday window refresh")[fstart],
        Data::Empty,
        "has slack: no slip"
    );
    let problems = sheet(&out, "Data problems");
    let note = text(&row_with(&problems, 1, "Plan!F3")[3]);
    assert!(
        note.starts_with("3 tasks start before a predecessor finishes"),
        "{note}"
    );
    for pair in [
        "Paid social campaign <- Launch landing page",
        "Email & CRM pushes <- Launch landing page",
        "Retail partner promotions <- In-store display kits",
    ] {
        assert!(note.contains(pair), "{note}");
    }
    assert!(problems.iter().all(|r| !text(&r[1]).starts_with("Plan!A")));
}

#[test]
fn overview_lists_the_critical_path() {
    let (_d, out) = report_of(&samples().join(EN_SAMPLE), &[]);
    let overview = sheet(&out, "Overview");
    let at = overview
        .iter()
        .position(|r| r[0] == "Critical path")
        .expect("critical path section");
    let names: Vec<String> = overview[at + 2..]
        .iter()
        .take_while(|r| r[0] != Data::Empty)
        .map(|r| r[0].to_string())
        .collect();
    // Every task the Tasks sheet marks critical (issue 15), by start: the independent
    // landing page is due on the last day too; the chain shows in the "After" column.
    assert_eq!(
        names,
        [
            "Launch landing page",
            "In-store display kits",
            "Retail partner promotions"
        ]
    );
    let after = |name: &str| text(&row_with(&overview[at + 2..], 0, name)[6]);
    assert_eq!(after("Retail partner promotions"), "In-store display kits");
    assert_eq!(after("Launch landing page"), "");
}

#[test]
fn gantt_has_daily_scale_milestone_and_as_of_marker() {
    let (_d, out) = report_of(&samples().join(EN_SAMPLE), &[]);
    let gantt = sheet(&out, "Gantt");
    // Title with the as-of date, the as-of label above its column.
    assert!(gantt[0][0].to_string().ends_with("as of 2026-11-26"));
    assert!(gantt[1].iter().any(|c| *c == "▼ as of 11-26"));
    // Daily scale: the day row counts days; months and ISO weeks above it.
    assert!(gantt[2].iter().any(|c| *c == "Nov 2026"));
    assert!(gantt[3].iter().any(|c| *c == "W48"));
    let milestone = row_with(&gantt, 0, "Retail launch day");
    assert_eq!(milestone.iter().filter(|c| **c == "◆").count(), 1);
    // The legend explains the marks.
    assert!(gantt.iter().any(|r| r[0] == "milestone (start = due)"));
}

/// Writes a plan of `n` tasks, a new one every day, each lasting `span` days.
fn big_plan(path: &std::path::Path, n: u32, span: i64) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Plan").unwrap();
    for (c, h) in [
        "ID",
        "Goal",
        "Stage",
        "Task",
        "Owner",
        "Start",
        "Due",
        "Progress",
        "Depends on",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let first = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    for i in 0..n {
        let r = i + 1;
        let start = first + chrono::Duration::days(i as i64 / 2);
        let due = start + chrono::Duration::days(span);
        ws.write_string(r, 0, format!("T{i}")).unwrap();
        ws.write_string(r, 1, "Revenue 10M").unwrap();
        ws.write_string(r, 2, format!("Stage {}", i / 100)).unwrap();
        ws.write_string(r, 3, format!("Task {i}")).unwrap();
        ws.write_string(r, 4, format!("Owner {}", i % 17)).unwrap();
        ws.write_string(r, 5, start.format("%Y-%m-%d").to_string())
            .unwrap();
        ws.write_string(r, 6, due.format("%Y-%m-%d").to_string())
            .unwrap();
        ws.write_number(r, 7, (i % 10) as f64 * 10.0).unwrap();
        if i > 0 {
            ws.write_string(r, 8, format!("T{}", i - 1)).unwrap();
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn a_2000_task_plan_renders_on_a_weekly_scale_within_excel_limits() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.xlsx");
    big_plan(&input, 2000, 20);
    let (_d, out) = report_of(&input, &["--lang", "en"]);
    let gantt = sheet(&out, "Gantt");
    let width = gantt.iter().map(|r| r.len()).max().unwrap();
    // 2000 tasks over ~1,020 days: weekly columns, far inside Excel's 16,384.
    assert!(width < 200, "timeline is {width} columns wide");
    assert!(
        gantt[4].iter().any(|c| *c == "01/06"),
        "weekly labels are Mondays"
    );
    let tasks = sheet(&out, "Tasks");
    assert_eq!(tasks.len() - 1, 2000);
}

//! Start plus a duration instead of a due date, and money on the task rows (issue 12):
//! working days are counted in the team's calendar (mainland China's holidays and make-up
//! days for a Chinese plan, the team's holidays sheet for any), calendar days are not; a
//! task's Budget makes its line, its Actual Cost is spent on it, its Estimated Cost is the
//! team's estimate of it, shown beside plantrack's forecast. Fixtures written by openpyxl
//! (tests/fixtures/durations/make_durations.py).

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, DataType};
use chrono::NaiveDate;

use crate::common::{fixtures, num, plantrack, row_with, sheet, text};

const ZH: &str = "国庆推广.xlsx";
const EN: &str = "Autumn Launch.xlsx";

fn fixture(name: &str) -> PathBuf {
    fixtures().join("durations").join(name)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// `report` into a temp dir; the dir and the summary's path.
fn report(input: &str, as_of: &str, extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.xlsx");
    let path = fixture(input);
    let mut args = vec![
        "report",
        path.to_str().unwrap(),
        "--as-of",
        as_of,
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = plantrack(dir.path(), &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir, out)
}

fn costs_json(input: &str, as_of: &str, extra: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(input);
    let mut args = vec!["costs", path.to_str().unwrap(), "--as-of", as_of, "--json"];
    args.extend_from_slice(extra);
    let o = plantrack(dir.path(), &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("costs --json prints JSON")
}

fn check_explain(input: &str, as_of: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture(input);
    let args = [
        "check",
        path.to_str().unwrap(),
        "--as-of",
        as_of,
        "--explain",
    ];
    let o = plantrack(dir.path(), &args);
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// (task, due) as the Tasks sheet shows them.
fn dues(out: &Path, sheet_name: &str) -> Vec<(String, NaiveDate)> {
    sheet(out, sheet_name)
        .iter()
        .skip(1)
        .map(|r| (text(&r[3]), r[6].as_date().expect("a due date")))
        .collect()
}

/// The cell notes of the summary's Tasks sheet (the third sheet): (cell, text).
fn task_notes(out: &Path) -> Vec<(String, String)> {
    let file = std::fs::File::open(out).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let rels = {
        let mut s = String::new();
        zip.by_name("xl/worksheets/_rels/sheet3.xml.rels")
            .expect("the Tasks sheet has notes")
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    let comments = rels
        .split("Target=\"../")
        .skip(1)
        .filter_map(|t| t.split('"').next())
        .find(|t| t.starts_with("comments"))
        .expect("a comments part")
        .to_string();
    let mut xml = String::new();
    zip.by_name(&format!("xl/{comments}"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.split("<comment ref=\"")
        .skip(1)
        .map(|c| {
            let cell = c.split('"').next().unwrap().to_string();
            let body = c.split("<t>").nth(1).unwrap().split("</t>").next().unwrap();
            (cell, body.replace("&quot;", "\""))
        })
        .collect()
}

/// The money cells of a cost sheet row: budget, spent, forecast, team's estimate.
fn money_row(row: &[Data]) -> (f64, f64, f64, f64) {
    (num(&row[2]), num(&row[3]), num(&row[10]), num(&row[14]))
}

/// A Chinese plan across 国庆 2026: 10-01..10-07 off, Saturday 10-10 a make-up working day.
#[test]
fn working_days_count_in_chinas_calendar_and_estimates_sit_beside_the_forecast() {
    let (_dir, out) = report(ZH, "2026-10-12", &[]);
    assert_eq!(
        dues(&out, "任务"),
        [
            // 09-28, 29, 30, then 10-08 and 10-09: the holidays are not working days.
            ("海报设计".to_string(), d("2026-10-09")),
            // Calendar days: the holidays count.
            ("达人沟通".to_string(), d("2026-09-29")),
            // 10-08, 09, the make-up Saturday 10-10, 10-12, 10-13.
            ("直播".to_string(), d("2026-10-13")),
            // Friday and the make-up Saturday.
            ("物料".to_string(), d("2026-10-10")),
        ]
    );
    let notes = task_notes(&out);
    assert_eq!(notes.len(), 4, "{notes:?}");
    assert_eq!(notes[0].0, "G2");
    assert!(notes[0].1.contains("「5工作日」") && notes[0].1.contains("按工作日计"));
    assert!(notes[1].1.contains("「2天」") && notes[1].1.contains("按自然日计"));

    // Budget per stage from the task rows, Actual Cost spent on it, Estimated Cost beside.
    let costs = sheet(&out, "成本预算");
    assert_eq!(text(&costs[0][14]), "团队预计费用");
    assert_eq!(text(&costs[0][10]), "预计总支出");
    let warm = money_row(row_with(&costs, 1, "预热期"));
    assert_eq!((warm.0, warm.1, warm.3), (30000.0, 25000.0, 31000.0));
    let burst = money_row(row_with(&costs, 1, "爆发期"));
    assert_eq!((burst.0, burst.1, burst.3), (30000.0, 2500.0, 38000.0));
    let total = money_row(row_with(&costs, 0, "合计"));
    assert_eq!((total.0, total.1, total.3), (60000.0, 27500.0, 69000.0));
    // plantrack's forecast is its own (the run rate over 09-28..10-13, 15 of 16 days gone),
    // not the team's estimate.
    assert!((total.2 - 27500.0 * 16.0 / 15.0).abs() < 0.005, "{total:?}");

    // `costs` closes the period with the same calendar and shows the same figures.
    let json = costs_json(ZH, "2026-10-12", &[]);
    assert_eq!(json["teams"][0]["period"]["end"], "2026-10-13");
    let t = &json["totals"];
    assert_eq!(t["budget"], "60000.00");
    assert_eq!(t["spent"], "27500.00");
    assert_eq!(t["team_estimate"], "69000.00");
    assert_eq!(t["forecast"], "29333.33");
    assert_eq!(json["lines"][0]["team_estimate"], "31000.00");
    assert_eq!(json["lines"][1]["team_estimate"], "38000.00");
    assert_eq!(
        format!("{:.2}", total.2),
        t["forecast"].as_str().unwrap(),
        "one forecast on the sheet and in the JSON"
    );

    let explain = check_explain(ZH, "2026-10-12");
    assert!(
        explain.contains("4 行的完成时间由开始时间加工期算出，其中 3 行的工期按工作日计，工作日历：中国大陆工作日"),
        "{explain}"
    );
    assert!(
        explain.contains("4 个预计费用作为团队对所在科目的预计"),
        "{explain}"
    );
}

/// The calendar chosen decides: Monday to Friday only puts 5 working days from 09-28 on
/// Friday 10-02, and the campaign period ends with the latest such due date.
#[test]
fn the_calendar_chosen_decides_the_working_day_due_dates() {
    let (_dir, out) = report(ZH, "2026-10-12", &["--calendar", "weekends"]);
    let due = dues(&out, "任务");
    assert_eq!(due[0].1, d("2026-10-02"));
    assert_eq!(due[1].1, d("2026-09-29"));
    assert_eq!(due[2].1, d("2026-10-14"));
    assert_eq!(due[3].1, d("2026-10-12"));
    let json = costs_json(ZH, "2026-10-12", &["--calendar", "weekends"]);
    assert_eq!(json["teams"][0]["period"]["end"], "2026-10-14");
}

/// An English task list with the team's own day off (Monday 2026-11-09, a holidays sheet)
/// and no stage column: each budgeted task is its own line; "Ads" has no budget, so its
/// spending and estimate make an unbudgeted line.
#[test]
fn working_days_skip_the_teams_own_days_off_and_estimates_reach_costs_in_english() {
    let (_dir, out) = report(EN, "2026-11-10", &[]);
    assert_eq!(
        dues(&out, "Tasks"),
        [
            // Friday, (Monday off), Tuesday, Wednesday.
            ("Landing page".to_string(), d("2026-11-11")),
            // Calendar days are not moved by the day off.
            ("Email blast".to_string(), d("2026-11-10")),
            // "2-3 days": the upper bound.
            ("Webinar".to_string(), d("2026-11-14")),
            ("Ads".to_string(), d("2026-11-08")),
        ]
    );
    let notes = task_notes(&out);
    assert!(
        notes[0].1.contains("\"3 working days\", in working days"),
        "{notes:?}"
    );
    assert!(notes[2].1.contains("upper bound"), "{notes:?}");

    let costs = sheet(&out, "Costs");
    assert_eq!(text(&costs[0][14]), "Team's estimate");
    let landing = money_row(row_with(&costs, 1, "Landing page"));
    assert_eq!((landing.0, landing.1, landing.3), (5000.0, 3000.0, 5500.0));
    let ads = row_with(&costs, 1, "Ads");
    assert_eq!((num(&ads[3]), num(&ads[14])), (1200.0, 1500.0));
    let total = row_with(&costs, 0, "Total");
    assert_eq!(
        (num(&total[2]), num(&total[3]), num(&total[14])),
        (11000.0, 6200.0, 13300.0)
    );

    let json = costs_json(EN, "2026-11-10", &[]);
    assert_eq!(json["teams"][0]["period"]["end"], "2026-11-14");
    let t = &json["totals"];
    assert_eq!(
        (&t["budget"], &t["spent"], &t["team_estimate"]),
        (
            &serde_json::json!("11000.00"),
            &serde_json::json!("6200.00"),
            &serde_json::json!("13300.00")
        )
    );
    let forecast = t["forecast"].as_str().unwrap();
    assert_eq!(format!("{:.2}", num(&total[10])), forecast);
    assert_ne!(forecast, "13300.00");

    let explain = check_explain(EN, "2026-11-10");
    assert!(
        explain.contains("1 of them in working days, counted in Monday to Friday (weekends off), plus 1 days from the team's holidays sheet"),
        "{explain}"
    );
}

/// Without an Estimated Cost column nothing changes: no estimate column, no JSON field.
#[test]
fn no_estimate_column_without_estimates() {
    let (_dir, out) = report("../real/双11推广.xlsx", "2026-11-26", &[]);
    let costs = sheet(&out, "成本预算");
    assert_eq!(costs[0].len(), 14, "{:?}", costs[0]);
    let json = costs_json("../real/双11推广.xlsx", "2026-11-26", &[]);
    assert!(json["totals"].get("team_estimate").is_none());
}

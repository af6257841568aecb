//! Workbooks as teams already make them (issue 12): no goal column, phase and WBS rows,
//! several tables on one sheet, two-row headers, durations instead of due dates, costs on
//! task rows, item budgets, totals rows, a Gantt area, the kind told by the file's name.
//! Fixtures in tests/fixtures/real (openpyxl, XlsxWriter, LibreOffice .xls/.ods; see its
//! README) and one written here with rust_xlsxwriter. Figures as of 2026-11-26.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use plantrack::compute::{Settings, summarize};
use plantrack::model::{Dataset, ProblemKind, ReadError, TableNote, TaskStatus};
use plantrack::read::read_dataset;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};

use crate::common::{fixtures, plantrack};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn real(name: &str) -> PathBuf {
    fixtures().join("real").join(name)
}

fn read(path: &Path) -> Dataset {
    read_dataset(path, as_of()).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Task names by judged status.
fn with_status(data: &Dataset, status: TaskStatus) -> Vec<String> {
    let summary = summarize(data.clone(), &Settings::new(as_of()));
    data.plan
        .iter()
        .zip(&summary.tasks)
        .filter(|(_, t)| t.status == status)
        .map(|(p, _)| p.name.clone())
        .collect()
}

fn budget_total(data: &Dataset) -> Decimal {
    let summary = summarize(data.clone(), &Settings::new(as_of()));
    summary.costs.lines.iter().filter_map(|l| l.budget).sum()
}

fn spent_total(data: &Dataset) -> Decimal {
    let summary = summarize(data.clone(), &Settings::new(as_of()));
    summary.costs.lines.iter().map(|l| l.spent).sum()
}

/// (stated, computed) of every totals row read.
fn totals(data: &Dataset) -> Vec<(Decimal, Decimal)> {
    data.tables
        .iter()
        .flat_map(|t| &t.notes)
        .filter_map(|n| match n {
            TableNote::Totals {
                stated, computed, ..
            } => Some((*stated, *computed)),
            _ => None,
        })
        .collect()
}

/// openpyxl .xlsx and its LibreOffice .ods: a WBS plan under a title, no goal column,
/// phase rows, an instruction row, a Total row, Budget and Actual Cost on the task rows and
/// a Gantt area of week columns beside it.
#[test]
fn a_wbs_plan_with_phases_costs_and_a_gantt_area_in_english() {
    for file in ["Launch Plan.xlsx", "Launch Plan.ods"] {
        let data = read(&real(file));
        let names: Vec<&str> = data.plan.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Market survey",
                "Competitor scan",
                "KV design",
                "Video shoot"
            ],
            "{file}"
        );
        assert!(data.plan.iter().all(|p| p.goal == "Q4 Product Launch"));
        assert_eq!(data.plan[0].stage.as_deref(), Some("Phase 1: Research"));
        assert_eq!(data.plan[3].stage.as_deref(), Some("Phase 2: Creative"));
        assert_eq!(with_status(&data, TaskStatus::Overdue), ["KV design"]);
        assert_eq!(
            with_status(&data, TaskStatus::Done),
            ["Market survey", "Competitor scan"]
        );
        assert_eq!(budget_total(&data), dec("13000"), "{file}");
        assert_eq!(spent_total(&data), dec("6400"), "{file}");
        assert_eq!(totals(&data), [(dec("13000"), dec("13000"))], "{file}");
        // The phase's own budget (9,000) is not its tasks' (8,000): a warning at its cell.
        let mismatch: Vec<String> = data
            .problems
            .iter()
            .filter(|p| matches!(p.kind, ProblemKind::SectionMismatch { .. }))
            .map(|p| p.at.to_string())
            .collect();
        assert_eq!(mismatch, ["ProjectPlan!G7"], "{file}");
        let table = &data.tables[0];
        assert_eq!(table.timeline, Some((8, 16)), "{file}");
    }
}

/// XlsxWriter: plan, weekly table and ledger stacked on one sheet under titles; durations
/// instead of due dates; a wrong 合计 row; a two-column 科目 | 预算 sheet.
#[test]
fn stacked_tables_durations_and_a_wrong_total_in_chinese() {
    let data = read(&real("双11推广.xlsx"));
    let due: Vec<(&str, NaiveDate)> = data
        .plan
        .iter()
        .map(|p| (p.name.as_str(), p.due.unwrap()))
        .collect();
    assert_eq!(
        due,
        [
            ("海报设计", day("2026-11-04")),
            // Friday + 3 working days: Friday, Monday, Tuesday.
            ("达人沟通", day("2026-11-10")),
            ("直播彩排", day("2026-11-21")),
            ("正式直播", day("2026-12-01")),
            // "2-3天": the upper bound.
            ("复盘", day("2026-12-03")),
        ]
    );
    assert!(data.plan.iter().all(|p| p.goal == "一、项目计划"));
    assert_eq!(data.plan[4].stage.as_deref(), Some("爆发期"));
    assert_eq!(
        with_status(&data, TaskStatus::Overdue),
        ["达人沟通", "直播彩排"]
    );
    assert_eq!(with_status(&data, TaskStatus::Done), ["海报设计"]);
    assert_eq!(data.weekly.len(), 2);
    assert_eq!(budget_total(&data), dec("65000"));
    assert_eq!(spent_total(&data), dec("50000"));
    assert_eq!(
        totals(&data),
        [(dec("52000"), dec("50000")), (dec("65000"), dec("65000"))]
    );
    let wrong = data
        .problems
        .iter()
        .find(|p| matches!(p.kind, ProblemKind::TotalsMismatch { .. }))
        .expect("the wrong total is a warning");
    assert_eq!(wrong.at.to_string(), "总表!D21");
}

/// openpyxl .xlsx and its LibreOffice .xls: 预算.xlsx's Sheet1 is a budget by the file's
/// name; items grouped under merged categories; a total left empty; a merged 总计 row.
#[test]
fn an_item_budget_known_by_its_file_name() {
    for file in ["预算.xlsx", "预算.xls"] {
        let data = read(&real(file));
        let summary = summarize(data.clone(), &Settings::new(as_of()));
        let lines: Vec<(String, Option<Decimal>)> = summary
            .costs
            .lines
            .iter()
            .map(|l| (l.category.clone(), l.budget))
            .collect();
        assert_eq!(
            lines,
            [
                ("人力".to_string(), Some(dec("14000"))),
                ("物料".to_string(), Some(dec("5000")))
            ],
            "{file}"
        );
        assert_eq!(totals(&data), [(dec("19000"), dec("19000"))], "{file}");
        assert!(data.problems.is_empty(), "{file}: {:?}", data.problems);
    }
}

/// LibreOffice .ods: Budget.ods, two columns (Item | Amount) and a Total row.
#[test]
fn a_two_column_budget_known_by_its_file_name() {
    let data = read(&real("Budget.ods"));
    assert_eq!(data.budget.len(), 3);
    assert_eq!(budget_total(&data), dec("9200"));
    assert_eq!(totals(&data), [(dec("9200"), dec("9200"))]);
}

/// LibreOffice .xls: 周报.xls, a two-row header with merged cells (本周 over 计划 | 实际).
#[test]
fn a_weekly_report_with_a_two_row_header() {
    let data = read(&real("周报.xls"));
    let rows: Vec<(&str, &str, &str)> = data
        .weekly
        .iter()
        .map(|w| {
            (
                w.task.as_str(),
                w.plan_text.as_str(),
                w.owner.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("小红书笔记", "10", "张三"),
            ("抖音短视频", "5", "李四"),
            ("直播场次", "3", "王五")
        ]
    );
}

/// A Gantt drawn with filled cells and no dates is refused, saying so and what it needs.
#[test]
fn a_drawn_gantt_is_refused_with_what_it_needs() {
    let err = read_dataset(&real("Drawn Gantt.xlsx"), as_of()).unwrap_err();
    let ReadError::MissingColumns(problems) = &err else {
        panic!("{err:?}");
    };
    assert!(matches!(
        &problems[0].kind,
        ProblemKind::DrawnGantt { columns } if columns[0] == "W1"
    ));
    let message = err.message(plantrack::lang::Lang::En);
    assert!(message.contains("drawn Gantt"), "{message}");
    assert!(message.contains("Start and Due"), "{message}");
}

/// rust_xlsxwriter: a flat task list on Sheet1 (no goal column: the file's name is the
/// goal) with a repeated header; weekly tables side by side; a risk register in other
/// words; a ledger with a Subtotal and a Total row.
fn team_tracker(path: &Path) {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1").unwrap();
    let header = ["My Tasks", "Deadline", "Status", "Assignee"];
    let rows = [
        ("Draft brief", "2026-11-10", "Done", "Ann"),
        ("Book venue", "2026-11-20", "In progress", "Ben"),
        ("", "", "", ""),
        ("Send invites", "2026-12-05", "Not started", "Cat"),
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    for (r, (task, due, status, who)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        if task.is_empty() {
            // The header again, as a printed page repeats it.
            for (c, h) in header.iter().enumerate() {
                ws.write(r, c as u16, *h).unwrap();
            }
            continue;
        }
        ws.write(r, 0, *task).unwrap();
        let d = day(due).and_hms_opt(0, 0, 0).unwrap();
        ws.write_datetime_with_format(r, 1, d, &date).unwrap();
        ws.write(r, 2, *status).unwrap();
        ws.write(r, 3, *who).unwrap();
    }
    let ws = wb.add_worksheet();
    ws.set_name("Weekly").unwrap();
    ws.merge_range(0, 0, 0, 3, "Last week", &Format::new())
        .unwrap();
    ws.merge_range(0, 5, 0, 8, "This week", &Format::new())
        .unwrap();
    for (c, h) in ["Task", "Plan", "Actual", "Owner"].iter().enumerate() {
        ws.write(1, c as u16, *h).unwrap();
        ws.write(1, c as u16 + 5, *h).unwrap();
    }
    let weekly = [
        ("Draft brief", 1.0, 1.0, "Ann"),
        ("Book venue", 1.0, 0.0, "Ben"),
    ];
    for (r, (t, p, a, o)) in weekly.iter().enumerate() {
        let r = r as u32 + 2;
        for off in [0u16, 5] {
            ws.write(r, off, *t).unwrap();
            ws.write(r, off + 1, *p).unwrap();
            ws.write(r, off + 2, *a).unwrap();
            ws.write(r, off + 3, *o).unwrap();
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("Risk Register").unwrap();
    let risk = [
        "Description",
        "Probability",
        "Impact",
        "Potential Responses",
        "Risk Owner",
    ];
    for (c, h) in risk.iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    for (r, row) in [
        ["Venue cancels", "Low", "High", "Hold a second venue", "Ben"],
        ["Speaker ill", "Medium", "Medium", "Record a talk", "Ann"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            ws.write(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("Expenses").unwrap();
    for (c, h) in ["Date", "Source", "Description", "Cost", "Expensed by"]
        .iter()
        .enumerate()
    {
        ws.write(0, c as u16, *h).unwrap();
    }
    let ledger: [(&str, &str, &str, f64); 5] = [
        ("2026-11-02", "Print", "Flyers", 100.0),
        ("2026-11-03", "Print", "Posters", 200.0),
        ("", "Subtotal", "", 300.0),
        ("2026-11-12", "Travel", "Train", 50.0),
        ("", "Total", "", 350.0),
    ];
    for (r, (d, s, item, amount)) in ledger.iter().enumerate() {
        let r = r as u32 + 1;
        if !d.is_empty() {
            let d = day(d).and_hms_opt(0, 0, 0).unwrap();
            ws.write_datetime_with_format(r, 0, d, &date).unwrap();
        }
        ws.write(r, 1, *s).unwrap();
        if !item.is_empty() {
            ws.write(r, 2, *item).unwrap();
            ws.write(r, 4, "Ann").unwrap();
        }
        ws.write(r, 3, *amount).unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
fn a_team_tracker_written_by_rust_xlsxwriter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Team Tracker.xlsx");
    team_tracker(&path);
    let data = read(&path);
    let names: Vec<&str> = data.plan.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Draft brief", "Book venue", "Send invites"]);
    assert!(data.plan.iter().all(|p| p.goal == "Team Tracker"));
    assert_eq!(with_status(&data, TaskStatus::Overdue), ["Book venue"]);
    assert_eq!(with_status(&data, TaskStatus::Done), ["Draft brief"]);
    assert_eq!(data.weekly.len(), 4, "two tables side by side");
    assert_eq!(data.risks.len(), 2);
    assert_eq!(data.risks[0].owner.as_deref(), Some("Ben"));
    assert_eq!(spent_total(&data), dec("350"));
    assert_eq!(
        totals(&data),
        [(dec("300"), dec("300")), (dec("350"), dec("350"))]
    );
    // `check --explain` says how each table was read, in the workbook's language.
    let out = plantrack(
        dir.path(),
        &[
            "check",
            "--explain",
            "--as-of",
            "2026-11-26",
            "Team Tracker.xlsx",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Sheet1!A1:D5: Plan (by its headers)"),
        "{text}"
    );
    assert!(text.contains("Weekly!F2:I4: Weekly"), "{text}");
    assert!(text.contains("skipped, a repeated header"), "{text}");
    assert!(
        text.contains("no goal column: the goal is the file's name, \"Team Tracker\""),
        "{text}"
    );
    assert!(
        text.contains("totals row \"Total\" says 350, not added; it matches the rows' sum"),
        "{text}"
    );
}

/// openpyxl: a budget per month (Month 1..3, no budget column) and spending per month
/// (Jan..Mar, no dates): one amount per line and period, By month from the columns.
#[test]
fn amounts_per_month_in_columns() {
    let data = read(&real("Monthly Budget.xlsx"));
    let summary = summarize(data.clone(), &Settings::new(as_of()));
    let lines: Vec<(String, Option<Decimal>, Decimal)> = summary
        .costs
        .lines
        .iter()
        .map(|l| (l.category.clone(), l.budget, l.spent))
        .collect();
    assert_eq!(
        lines,
        [
            ("Ads".to_string(), Some(dec("3000")), dec("2000")),
            ("Events".to_string(), Some(dec("5000")), dec("4500")),
        ]
    );
    assert_eq!(totals(&data), [(dec("8000"), dec("8000"))]);
    assert_eq!(summary.costs.months, [day("2026-01-01"), day("2026-02-01")]);
    let ads = &summary.costs.lines[0];
    assert_eq!(ads.months[&day("2026-02-01")], dec("1100"));
}

//! What people type (issue 13): workbooks filled the way teams fill them, in both languages,
//! read as the person meant, or reported at the exact cell with what to write instead.
//! Fixtures are written with rust_xlsxwriter: real numbers, dates and text cells.

use std::path::Path;

use calamine::DataType;
use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::common::*;

/// One cell of a fixture: text, a number, or an Excel date.
#[derive(Clone, Copy)]
enum C {
    T(&'static str),
    N(f64),
    D(u16, u8, u8),
    E,
}
use C::{D, E, N, T};

fn book(path: &Path, sheets: &[(&str, Vec<Vec<C>>)]) {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, cells) in rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match *cell {
                    T(t) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    N(n) => {
                        ws.write_number(r, c, n).unwrap();
                    }
                    D(y, m, d) => {
                        let dt = ExcelDateTime::from_ymd(y, m, d).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                    }
                    E => {}
                }
            }
        }
    }
    wb.save(path).unwrap();
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A Chinese team's workbook with every case of the issue.
fn zh_book(path: &Path) {
    let plan = vec![
        vec![
            T("编号"),
            T("总目标"),
            T("具体任务"),
            T("负责人"),
            T("开始时间"),
            T("完成时间"),
            T("实际完成时间"),
            T("完成度"),
            T("状态"),
            T("前置任务"),
        ],
        // Row 2: progress and status in words; the goal "Project 1" has no target.
        vec![
            T("1"),
            T("Project 1"),
            T("物料设计"),
            T("刘"),
            D(2026, 11, 2),
            D(2026, 11, 10),
            E,
            T("完成"),
            T("正常-已完成"),
            E,
        ],
        // Row 3: a range in the due cell gives start and due.
        vec![
            T("2"),
            E,
            T("印刷"),
            T("王"),
            E,
            T("6月1日-6月3日"),
            E,
            T("8成"),
            T("进行中"),
            E,
        ],
        // Row 4: 6.12 typed into a date cell is June 12.
        vec![
            T("3"),
            E,
            T("海报"),
            T("李"),
            E,
            N(6.12),
            E,
            E,
            T("已完成"),
            E,
        ],
        // Row 5: a 1900 date is an error at its cell, and the task has no due date.
        vec![
            T("4"),
            E,
            T("派发"),
            T("赵"),
            D(2026, 11, 11),
            N(6.0),
            E,
            E,
            T("进行中"),
            E,
        ],
        // Row 6: an actual finish after as-of: a warning, not done.
        vec![
            T("5"),
            E,
            T("复盘"),
            T("孙"),
            D(2026, 11, 12),
            D(2026, 11, 20),
            D(2026, 12, 1),
            E,
            E,
            E,
        ],
        // Row 7: 30% with an actual end.
        vec![
            T("6"),
            E,
            T("直播主播招募"),
            T("周"),
            D(2026, 11, 1),
            D(2026, 11, 15),
            D(2026, 11, 14),
            T("30%"),
            E,
            E,
        ],
        // Row 8: MS Project "1FS": starts the working day after 物料设计's due date, fine
        // (dates are inclusive: starting on its due date would overlap it by a day).
        vec![
            T("7"),
            E,
            T("快闪"),
            T("吴"),
            D(2026, 11, 11),
            D(2026, 11, 20),
            E,
            N(1.0),
            E,
            T("1FS"),
        ],
        // Row 9: "1SS+2" needs a start on 11-04 at the earliest: a warning at the start.
        vec![
            T("8"),
            E,
            T("预热"),
            T("郑"),
            D(2026, 11, 3),
            D(2026, 11, 9),
            E,
            N(1.0),
            E,
            T("1SS+2"),
        ],
        // Row 10: in words, after 复盘 (due 11-20).
        vec![
            T("9"),
            E,
            T("收尾"),
            T("冯"),
            D(2026, 11, 21),
            D(2026, 12, 25),
            E,
            T("一半"),
            E,
            T("在复盘完成后"),
        ],
        // Row 11: parallel work (starts before 物料设计 is due, ends after it): one note.
        vec![
            T("10"),
            E,
            T("宣传"),
            T("陈"),
            D(2026, 11, 5),
            D(2026, 12, 20),
            E,
            E,
            E,
            T("物料设计"),
        ],
        // Row 12: finishes before its predecessor: a warning at the start date.
        vec![
            T("11"),
            E,
            T("门店"),
            T("褚"),
            D(2026, 11, 6),
            D(2026, 11, 8),
            E,
            N(1.0),
            E,
            T("物料设计之后"),
        ],
    ];
    let weekly = vec![
        vec![
            T("周次"),
            T("任务名称"),
            T("本周计划"),
            T("实际完成"),
            T("进度偏差"),
            T("偏差原因分析"),
            T("解决措施"),
            T("责任人"),
        ],
        vec![
            T("Wk 45"),
            T("物料设计"),
            T("KV定稿"),
            T("已完成"),
            E,
            E,
            E,
            T("刘"),
        ],
        vec![
            T("第3周"),
            T("宣传"),
            T("上线"),
            T("未上线"),
            E,
            E,
            E,
            T("陈"),
        ],
        vec![
            T("W47"),
            T("直播主播招聘"),
            T("确定3名主播"),
            T("确定3名主播"),
            E,
            E,
            E,
            T("周"),
        ],
    ];
    let budget = vec![
        vec![T("单位：万元")],
        vec![T("费用科目"), T("预算"), T("负责人")],
        vec![T("主播坑位费"), N(5.0), T("周")],
        vec![T("物料制作"), N(1.0), T("刘")],
        vec![T("达人合作"), N(1.5), T("陈")],
        // A formula's result: 0.1128666666666667 万 = 1128.666666666667.
        vec![T("差旅"), N(0.112_866_666_666_666_7), T("孙")],
    ];
    let costs = vec![
        vec![T("日期"), T("费用科目"), T("金额")],
        vec![D(2026, 11, 5), T("主播坑为费"), N(20000.0)],
        vec![D(2026, 11, 6), T("物料制作"), T("约2000")],
        vec![D(2026, 11, 7), T("达人合作"), T("免费")],
        vec![D(2026, 11, 8), T("物料\u{200D}制作"), N(500.0)],
    ];
    let risks = vec![
        vec![
            T("风险"),
            T("可能性"),
            T("影响"),
            T("应对措施"),
            T("负责人"),
            T("状态"),
        ],
        vec![
            T("达人翻车"),
            T("高"),
            T("高"),
            T("备选达人"),
            T("刘"),
            T("每周观察舆情"),
        ],
    ];
    book(
        path,
        &[
            ("目标拆解", plan),
            ("周度跟踪", weekly),
            ("预算分配", budget),
            ("成本支出明细", costs),
            ("风险预案", risks),
        ],
    );
}

/// The same cases as an English team writes them.
fn en_book(path: &Path) {
    let plan = vec![
        vec![
            T("ID"),
            T("Goal"),
            T("Task"),
            T("Owner"),
            T("Start"),
            T("Due"),
            T("Done on"),
            T("Progress"),
            T("Status"),
            T("Predecessors"),
        ],
        vec![
            T("1"),
            T("Project 1"),
            T("KV design"),
            T("Ann"),
            D(2026, 11, 2),
            D(2026, 11, 10),
            E,
            T("Done"),
            T("Published"),
            E,
        ],
        vec![
            T("2"),
            E,
            T("Print run"),
            T("Bob"),
            E,
            T("11/14-18"),
            E,
            E,
            T("Pending Review"),
            E,
        ],
        vec![
            T("3"),
            E,
            T("Posters"),
            T("Cy"),
            E,
            N(6.12),
            E,
            E,
            T("Approved"),
            E,
        ],
        vec![
            T("4"),
            E,
            T("Flyers"),
            T("Di"),
            D(2026, 11, 11),
            N(6.0),
            E,
            E,
            E,
            E,
        ],
        vec![
            T("5"),
            E,
            T("Review"),
            T("Ed"),
            D(2026, 11, 12),
            D(2026, 11, 20),
            D(2026, 12, 1),
            E,
            E,
            E,
        ],
        vec![
            T("6"),
            E,
            T("Hire live hosts"),
            T("Flo"),
            D(2026, 11, 1),
            D(2026, 11, 15),
            D(2026, 11, 14),
            N(0.3),
            E,
            E,
        ],
        vec![
            T("7"),
            E,
            T("Pop-up"),
            T("Gus"),
            D(2026, 11, 11),
            D(2026, 11, 20),
            E,
            N(1.0),
            E,
            T("1FS"),
        ],
        vec![
            T("8"),
            E,
            T("Teaser"),
            T("Hal"),
            D(2026, 11, 3),
            D(2026, 11, 9),
            E,
            N(1.0),
            E,
            T("1SS+2"),
        ],
        vec![
            T("9"),
            E,
            T("Wrap-up"),
            T("Ivy"),
            T("12/7 Mon AM"),
            D(2026, 12, 18),
            E,
            E,
            E,
            T("after Review"),
        ],
        vec![
            T("10"),
            E,
            T("Promotion"),
            T("Jo"),
            D(2026, 11, 5),
            D(2026, 12, 20),
            E,
            E,
            T("Delayed"),
            T("KV design"),
        ],
        vec![
            T("11"),
            E,
            T("Stores"),
            T("Kim"),
            D(2026, 11, 6),
            D(2026, 11, 8),
            E,
            N(1.0),
            E,
            T("after KV design"),
        ],
    ];
    let weekly = vec![
        vec![
            T("Week"),
            T("Task"),
            T("Planned"),
            T("Actual"),
            T("Deviation"),
            T("Cause"),
            T("Fix"),
            T("Owner"),
        ],
        vec![
            T("Wk 45"),
            T("KV design"),
            T("KV final"),
            T("done"),
            E,
            E,
            E,
            T("Ann"),
        ],
        vec![
            T("Week 3"),
            T("Promotion"),
            T("Go live"),
            T("not yet"),
            E,
            E,
            E,
            T("Jo"),
        ],
        vec![
            T("W47"),
            T("Hire live hots"),
            T("3 hosts"),
            T("3 hosts"),
            E,
            E,
            E,
            T("Flo"),
        ],
    ];
    let budget = vec![
        vec![T("Marketing budget (in thousands)")],
        vec![T("Category"), T("Budget"), T("Owner")],
        vec![T("Influencer fees"), N(50.0), T("Flo")],
        vec![T("Printing"), N(10.0), T("Bob")],
        vec![T("Travel"), N(1.128_666_666_666_667), T("Ed")],
    ];
    let costs = vec![
        vec![T("Date"), T("Category"), T("Amount")],
        vec![D(2026, 11, 5), T("Influencer fess"), T("NT$12,000")],
        vec![D(2026, 11, 6), T("Printing"), T("~2k")],
        vec![D(2026, 11, 7), T("Printing"), T("Free")],
        vec![D(2026, 11, 8), T("Print\u{2060}ing"), N(500.0)],
    ];
    let risks = vec![
        vec![
            T("Risk"),
            T("Likelihood"),
            T("Impact"),
            T("Response"),
            T("Owner"),
            T("Status"),
        ],
        vec![
            T("Host cancels"),
            T("High"),
            T("High"),
            T("Backup host"),
            T("Ann"),
            T("Watching weekly"),
        ],
    ];
    book(
        path,
        &[
            ("Plan", plan),
            ("Weekly", weekly),
            ("Budget", budget),
            ("Costs", costs),
            ("Risks", risks),
        ],
    );
}

/// `check` output lines and exit code.
fn check(path: &Path, lang: &str) -> (Option<i32>, String) {
    let dir = path.parent().unwrap();
    let o = plantrack(
        dir,
        &[
            "check",
            path.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--lang",
            lang,
        ],
    );
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

/// The one line of `out` at `place`, whole.
fn line_at<'a>(out: &'a str, place: &str) -> Vec<&'a str> {
    out.lines()
        .filter(|l| l.starts_with(&format!("{place}: ")))
        .collect()
}

fn report(path: &Path) -> std::path::PathBuf {
    let dir = path.parent().unwrap();
    let out = dir.join(format!(
        "summary-{}.xlsx",
        path.file_stem().unwrap().to_string_lossy()
    ));
    let o = plantrack(
        dir,
        &[
            "report",
            path.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(out.exists(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn costs_json(path: &Path) -> serde_json::Value {
    let dir = path.parent().unwrap();
    let o = plantrack(
        dir,
        &["costs", path.to_str().unwrap(), "--json", "--as-of", AS_OF],
    );
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&o.stdout));
    })
}

fn line<'a>(json: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["budget_line"] == name)
        .unwrap_or_else(|| panic!("no line {name}: {json}"))
}

/// Status, start, due and days late of a task on the Tasks sheet.
fn task(
    tasks: &[Vec<calamine::Data>],
    name: &str,
) -> (String, Option<NaiveDate>, Option<NaiveDate>, f64) {
    let r = row_with(tasks, 3, name);
    let days = match &r[11] {
        calamine::Data::Empty => 0.0,
        c => num(c),
    };
    (text(&r[10]), r[5].as_date(), r[6].as_date(), days)
}

#[test]
fn chinese_workbook_reads_as_meant() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("华东组.xlsx");
    zh_book(&path);
    let (code, out) = check(&path, "zh");
    // The one error is the 1900 date; everything else is a warning a team acts on, or a note.
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.lines()
            .last()
            .unwrap()
            .starts_with("1 个错误，8 个警告"),
        "{out}"
    );
    let expect = [
        ("目标拆解!F4", "数字 6.12 按 月.日 读作 2026-06-12"),
        ("目标拆解!F5", "错误: \"6\" 读作 1900-01-06，早于2000年"),
        ("目标拆解!G6", "警告: 实际完成时间 2026-12-01 晚于统计日"),
        (
            "目标拆解!H7",
            "警告: 进度为 30.0%，却填写了实际完成时间 2026-11-14",
        ),
        (
            "目标拆解!E9",
            "警告: 日期 2026-11-03 早于前置关系 \"1SS+2\"（\"物料设计\"）要求的 2026-11-04",
        ),
        (
            "目标拆解!E11",
            "提示: 1 项任务在前置任务完成前开始、完成后结束（并行推进，无需处理）：宣传 ← 物料设计",
        ),
        (
            "目标拆解!E12",
            "警告: 完成时间 2026-11-08 早于前置任务 \"物料设计\" 的完成时间 2026-11-10",
        ),
        ("周度跟踪!B4", "是否应为 \"直播主播招募\"？"),
        (
            "预算分配!A1",
            "提示: 表格上方的 \"单位：万元\" 已用于金额列：预算",
        ),
        (
            "成本支出明细!A2",
            "费用科目 \"主播坑为费\" 有支出但没有预算；是否应为 \"主播坑位费\"？",
        ),
        ("成本支出明细!C3", "警告: \"约2000\" 是约数，按 2,000 计算"),
        ("成本支出明细!B5", "提示: \"物料制作\" 含不可见字符 U+200D"),
        (
            "风险预案!F2",
            "警告: 风险状态 \"每周观察舆情\" 无法识别，按未关闭处理",
        ),
    ];
    for (place, says) in expect {
        let lines = line_at(&out, place);
        assert!(
            lines.iter().any(|l| l.contains(says)),
            "{place}: {says}\n{out}"
        );
    }
    // Nothing else: no unreadable qualitative weekly rows, no overlap warning per task, no
    // status or progress word left unrecognised, no week left unplaced.
    assert_eq!(out.lines().count(), expect.len() + 1, "{out}");

    let summary = report(&path);
    let tasks = sheet(&summary, "任务");
    assert_eq!(task(&tasks, "物料设计").0, "已完成");
    assert_eq!(
        task(&tasks, "印刷"),
        (
            "逾期".into(),
            Some(d(2026, 6, 1)),
            Some(d(2026, 6, 3)),
            176.0
        )
    );
    assert_eq!(task(&tasks, "海报").2, Some(d(2026, 6, 12)));
    assert_eq!(
        task(&tasks, "派发"),
        ("正常".into(), Some(d(2026, 11, 11)), None, 0.0)
    );
    assert_eq!(task(&tasks, "复盘").0, "逾期");
    assert_eq!(task(&tasks, "复盘").3, 6.0);
    assert_eq!(task(&tasks, "直播主播招募").0, "已完成");
    let goals = sheet(&summary, "目标达成");
    let goal = row_with(&goals, 2, "Project 1");
    assert_eq!(goal[3], calamine::Data::Empty, "no target of 1: {goal:?}");
    let weekly = sheet(&summary, "周度跟踪");
    assert!(text(&row_with(&weekly, 2, "物料设计")[12]).starts_with("已完成（无数量"));
    assert!(text(&row_with(&weekly, 2, "宣传")[12]).starts_with("未完成（无数量"));
    let risks = sheet(&summary, "风险");
    assert!(risks.iter().flatten().any(|c| *c == "每周观察舆情"));

    let json = costs_json(&path);
    assert_eq!(line(&json, "主播坑位费")["budget"], "50000.00");
    assert_eq!(line(&json, "主播坑位费")["spent"], "0.00");
    assert_eq!(line(&json, "主播坑为费")["spent"], "20000.00");
    assert_eq!(line(&json, "物料制作")["budget"], "10000.00");
    assert_eq!(line(&json, "物料制作")["spent"], "2500.00");
    assert_eq!(line(&json, "达人合作")["budget"], "15000.00");
    assert_eq!(line(&json, "达人合作")["spent"], "0.00");
    assert_eq!(line(&json, "达人合作")["expenses"], 1);
    assert_eq!(line(&json, "差旅")["budget"], "1128.67");
    assert_eq!(line(&json, "物料制作")["currency"], "¥");
}

#[test]
fn english_workbook_reads_as_meant() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("west.xlsx");
    en_book(&path);
    let (code, out) = check(&path, "en");
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.lines()
            .last()
            .unwrap()
            .starts_with("1 errors, 8 warnings"),
        "{out}"
    );
    let expect = [
        (
            "Plan!F4",
            "note: the number 6.12 was read as month.day: 2026-06-12",
        ),
        ("Plan!F5", "error: \"6\" reads as 1900-01-06, before 2000"),
        (
            "Plan!G6",
            "warning: actual finish 2026-12-01 is after the as-of date",
        ),
        (
            "Plan!H7",
            "warning: progress is 30.0% but an actual finish 2026-11-14 is given",
        ),
        (
            "Plan!E9",
            "warning: 2026-11-03 is before 2026-11-04, which the link \"1SS+2\" to \"KV design\" needs",
        ),
        (
            "Plan!E11",
            "note: 1 task starts before a predecessor finishes and ends after it (parallel work, nothing to fix): Promotion <- KV design",
        ),
        (
            "Plan!E12",
            "warning: due 2026-11-08, before predecessor \"KV design\" is due 2026-11-10",
        ),
        ("Weekly!B4", "did you mean \"Hire live hosts\"?"),
        (
            "Budget!A1",
            "note: \"Marketing budget (in thousands)\" above the table applied to its money columns: Budget",
        ),
        (
            "Costs!A2",
            "spending on \"Influencer fess\", which has no budget line; did you mean \"Influencer fees\"?",
        ),
        (
            "Costs!C3",
            "warning: \"~2k\" is approximate, counted as 2,000",
        ),
        (
            "Costs!B5",
            "note: \"Printing\" holds invisible characters U+2060",
        ),
        (
            "Risks!F2",
            "warning: risk status \"Watching weekly\" is not recognised",
        ),
    ];
    for (place, says) in expect {
        let lines = line_at(&out, place);
        assert!(
            lines.iter().any(|l| l.contains(says)),
            "{place}: {says}\n{out}"
        );
    }
    assert_eq!(out.lines().count(), expect.len() + 1, "{out}");

    let summary = report(&path);
    let tasks = sheet(&summary, "Tasks");
    assert_eq!(task(&tasks, "KV design").0, "Done");
    // "11/14-18": start and due from one cell, then overdue like any task.
    assert_eq!(
        task(&tasks, "Print run"),
        (
            "Overdue".into(),
            Some(d(2026, 11, 14)),
            Some(d(2026, 11, 18)),
            8.0
        )
    );
    assert_eq!(task(&tasks, "Posters").2, Some(d(2026, 6, 12)));
    assert_eq!(task(&tasks, "Posters").0, "Done");
    assert_eq!(task(&tasks, "Flyers").2, None);
    assert_eq!(task(&tasks, "Review").0, "Overdue");
    assert_eq!(task(&tasks, "Wrap-up").1, Some(d(2026, 12, 7)));
    assert_eq!(task(&tasks, "Promotion").0, "At risk");
    let goals = sheet(&summary, "Goals");
    assert_eq!(row_with(&goals, 2, "Project 1")[3], calamine::Data::Empty);
    let weekly = sheet(&summary, "Weekly");
    assert!(text(&row_with(&weekly, 2, "KV design")[12]).starts_with("done (no quantity"));
    assert!(text(&row_with(&weekly, 2, "Promotion")[12]).starts_with("not done (no quantity"));

    let json = costs_json(&path);
    assert_eq!(line(&json, "Influencer fees")["budget"], "50000.00");
    assert_eq!(line(&json, "Influencer fess")["spent"], "12000.00");
    assert_eq!(line(&json, "Printing")["budget"], "10000.00");
    assert_eq!(line(&json, "Printing")["spent"], "2500.00");
    assert_eq!(line(&json, "Printing")["expenses"], 3);
    assert_eq!(line(&json, "Travel")["budget"], "1128.67");
    // NT$ written in the ledger sets the team's currency (no header names one).
    assert_eq!(line(&json, "Printing")["currency"], "NT$");
}

#[test]
fn problems_point_at_the_tables_own_columns_when_it_starts_in_column_b() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.xlsx");
    let costs = vec![
        vec![E, T("日期"), T("费用科目"), T("金额"), T("经办人")],
        vec![E, D(2026, 11, 5), T("公关应急"), N(5000.0), T("刘")],
    ];
    let budget = vec![
        vec![E, T("费用科目"), T("预算"), T("负责人")],
        vec![E, T("物料制作"), N(10000.0), T("刘")],
    ];
    book(&path, &[("成本支出明细", costs), ("预算分配", budget)]);
    let (code, out) = check(&path, "zh");
    assert_eq!(code, Some(0), "{out}");
    // The row's first cell is B2 (the table's first column), never A2 (outside the table).
    assert!(
        line_at(&out, "成本支出明细!B2")[0].contains("\"公关应急\" 有支出但没有预算"),
        "{out}"
    );
    assert!(line_at(&out, "成本支出明细!A2").is_empty(), "{out}");
}

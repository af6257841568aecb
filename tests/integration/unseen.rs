//! Workbooks in layouts teams already use, made by other writers than the first fixtures
//! (issue 12's unseen set): a Microsoft "Simple Gantt chart" clone, a Smartsheet export, a
//! 进度计划表 with WBS numbers, stacked 周报 blocks, item budgets in 万元, a budget by month,
//! a content calendar, a risk register, an Excel table with a totals row, side-by-side and
//! Estimated/Actual cost blocks, a 961-row work log, CSV in GBK and UTF-8 with a BOM, an .ods
//! without its mimetype entry. Fixtures and expected figures: tests/fixtures/real/unseen.

use std::path::PathBuf;

use chrono::NaiveDate;
use plantrack::compute::{Settings, summarize};
use plantrack::model::{
    Dataset, Level, ProblemKind, ReadError, RiskState, Severity, TableNote, TaskStatus,
};
use plantrack::read::read_dataset;
use rust_decimal::Decimal;

use crate::common::fixtures;

const AS_OF: &str = "2026-11-26";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn unseen(name: &str) -> PathBuf {
    fixtures().join("real").join("unseen").join(name)
}

fn read_at(name: &str, as_of: &str) -> Dataset {
    read_dataset(&unseen(name), day(as_of)).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn read(name: &str) -> Dataset {
    read_at(name, AS_OF)
}

fn names(data: &Dataset) -> Vec<&str> {
    data.plan.iter().map(|p| p.name.as_str()).collect()
}

fn with_status(data: &Dataset, as_of: &str, status: TaskStatus) -> Vec<String> {
    let summary = summarize(data.clone(), &Settings::new(day(as_of)));
    data.plan
        .iter()
        .zip(&summary.tasks)
        .filter(|(_, t)| t.status == status)
        .map(|(p, _)| p.name.clone())
        .collect()
}

fn overdue(data: &Dataset) -> Vec<String> {
    with_status(data, AS_OF, TaskStatus::Overdue)
}

fn done(data: &Dataset) -> Vec<String> {
    with_status(data, AS_OF, TaskStatus::Done)
}

fn budget(data: &Dataset) -> Decimal {
    data.budget.iter().map(|b| b.budget).sum()
}

fn spent(data: &Dataset) -> Decimal {
    data.expenses.groups.iter().map(|g| g.spent).sum()
}

fn expense_count(data: &Dataset) -> usize {
    data.expenses.groups.iter().map(|g| g.count).sum()
}

fn errors(data: &Dataset) -> Vec<String> {
    data.problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| format!("{}: {:?}", p.at, p.kind))
        .collect()
}

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

/// XlsxWriter clone of Microsoft's Simple Gantt chart: a title, a byline, day numbers and
/// day letters over the timeline, "Phase N Title" rows, "Insert new rows ABOVE this one".
#[test]
fn simple_gantt_chart_template() {
    let data = read("Simple Gantt Chart.xlsx");
    assert_eq!(data.plan.len(), 7);
    assert!(
        data.plan
            .iter()
            .all(|p| p.goal == "Product Launch Campaign"),
        "the title, not the byline under it"
    );
    assert_eq!(data.plan[2].stage.as_deref(), Some("Phase 1 Title"));
    assert_eq!(done(&data), ["Market research", "Audience personas"]);
    assert_eq!(overdue(&data), ["Messaging brief", "Landing page"]);
    assert!(errors(&data).is_empty(), "{:?}", errors(&data));
}

/// openpyxl, Smartsheet-style: summary rows carry dates but no owner, status or % Complete;
/// their hierarchy is a cell indent, which is a style.
#[test]
fn smartsheet_summary_rows_are_stages() {
    let data = read("Project Plan.xlsx");
    assert_eq!(
        names(&data),
        [
            "Define goals and KPIs",
            "Budget approval",
            "Agency briefing",
            "Creative production",
            "Media buying",
            "Campaign live"
        ]
    );
    assert_eq!(data.plan[0].stage.as_deref(), Some("Planning"));
    assert_eq!(data.plan[5].stage.as_deref(), Some("Execution"));
    assert_eq!(overdue(&data), ["Creative production"]);
    assert_eq!(done(&data).len(), 3);
    assert!(errors(&data).is_empty(), "{:?}", errors(&data));
}

/// openpyxl 进度计划表 on Sheet1: a merged title, a 编制 byline, WBS 1 / 1.1 / 1.1.1, dates
/// typed as "2026.10.8", "2026/10/12" and "10月26日", 实际结束时间 and 紧前.
#[test]
fn wbs_schedule_with_text_dates_in_chinese() {
    let data = read("进度计划表.xlsx");
    assert_eq!(
        names(&data),
        [
            "竞品分析",
            "用户访谈",
            "品牌定位报告",
            "VI设计",
            "物料制作",
            "发布会"
        ]
    );
    assert_eq!(data.plan[0].goal, "调研阶段");
    assert_eq!(data.plan[0].stage.as_deref(), Some("市场调研"));
    assert_eq!(data.plan[0].start, Some(day("2026-10-08")));
    assert_eq!(data.plan[2].due, Some(day("2026-11-06")));
    assert_eq!(data.plan[1].done_on, Some(day("2026-10-24")));
    assert!(data.plan.iter().all(|p| !p.goal.contains("编制")));
    assert_eq!(done(&data), ["竞品分析", "用户访谈"]);
    assert_eq!(overdue(&data), ["品牌定位报告"]);
    assert!(errors(&data).is_empty(), "{:?}", errors(&data));
}

/// XlsxWriter 周报 converted to .xls by LibreOffice: 本周 and 下周 blocks stacked, 完成情况
/// holding 已完成 / 完成 / 延期, and a 需协调事项 block that is not a plan.
#[test]
fn weekly_report_blocks_read_their_status_words() {
    let data = read("部门周报.xls");
    assert_eq!(data.plan.len(), 6);
    assert_eq!(done(&data), ["双12活动页面上线", "公众号推文3篇"]);
    assert_eq!(overdue(&data), ["线下快闪选址"]);
}

/// XlsxWriter item budget: 单位：万元, categories merged down, 小计 per category, 总计.
#[test]
fn item_budget_in_wan_with_subtotals() {
    let data = read("活动预算.xlsx");
    let lines: Vec<(&str, Decimal)> = data
        .budget
        .iter()
        .map(|b| (b.category.as_str(), b.budget))
        .collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[0], ("场地", dec("80000")));
    assert_eq!(budget(&data), dec("273000"));
    assert_eq!(
        totals(&data),
        [
            (dec("115000"), dec("115000")),
            (dec("135000"), dec("135000")),
            (dec("23000"), dec("23000")),
            (dec("273000"), dec("273000")),
        ]
    );
}

/// openpyxl formulas saved by LibreOffice (cached values): 科目 by 1月..12月 and 合计.
#[test]
fn budget_by_month_columns() {
    let data = read("年度预算.xlsx");
    assert_eq!(budget(&data), dec("823000"));
    assert_eq!(totals(&data), [(dec("823000"), dec("823000"))]);
}

/// openpyxl social-media content calendar: Publish Date, Channel, Title, Author, Status.
#[test]
fn content_calendar() {
    let data = read("Content Calendar.xlsx");
    assert_eq!(data.plan.len(), 7);
    assert_eq!(data.plan[0].owner.as_deref(), Some("Jess"));
    assert_eq!(
        done(&data),
        [
            "Behind the scenes: studio",
            "Q4 product teaser",
            "Customer story: Acme",
            "Black Friday deal drop"
        ]
    );
    assert_eq!(overdue(&data), ["Black Friday countdown"]);
    assert!(
        data.problems.iter().all(|p| p.severity == Severity::Info),
        "Idea and Draft are statuses: {:?}",
        data.problems
    );
}

/// XlsxWriter risk register with a score formula and a legend row below.
#[test]
fn risk_register() {
    let data = read("Risk Register.xlsx");
    let risks: Vec<&str> = data.risks.iter().map(|r| r.risk.as_str()).collect();
    assert_eq!(risks.len(), 4, "{risks:?}");
    assert_eq!(data.risks[0].owner.as_deref(), Some("Ann"));
    assert!(data.risks[0].response.is_some());
}

/// XlsxWriter Excel table with a totals row whose SUBTOTAL formula has no calculated value.
#[test]
fn expense_table_with_an_uncalculated_totals_row() {
    let data = read("Expense Tracker.xlsx");
    assert_eq!(expense_count(&data), 6);
    assert_eq!(spent(&data), dec("6203.74"));
    assert!(
        !data
            .problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::TotalsMismatch { .. })),
        "a 0 that is an uncalculated formula is not a mismatch"
    );
}

/// openpyxl 人力/外购/其它 blocks side by side, each 项目 | 预算金额 | 实际发生 and a 小计.
#[test]
fn side_by_side_cost_blocks_with_actuals() {
    let data = read("费用预算.xlsx");
    assert_eq!(budget(&data), dec("206000"));
    assert_eq!(spent(&data), dec("90700"));
    let shoot: Decimal = data
        .expenses
        .groups
        .iter()
        .filter(|g| g.category == "拍摄")
        .map(|g| g.spent)
        .sum();
    assert_eq!(shoot, dec("47500"));
}

/// LibreOffice .ods with its mimetype entry removed: Estimated / Actual blocks per category.
#[test]
fn estimated_actual_blocks_in_an_ods_without_mimetype() {
    let data = read("Event Budget.ods");
    assert_eq!(budget(&data), dec("30300"));
    assert_eq!(spent(&data), dec("25140"));
    assert_eq!(
        totals(&data),
        [
            (dec("16500"), dec("16500")),
            (dec("7500"), dec("7500")),
            (dec("6300"), dec("6300")),
        ]
    );
}

/// openpyxl work log of 961 rows, nearly all 正常-已完成.
#[test]
fn work_log_of_961_rows() {
    let data = read("工作日志.xlsx");
    assert_eq!(data.plan.len(), 961);
    assert_eq!(done(&data).len(), 959);
    assert_eq!(overdue(&data), ["日常运营事项956", "日常运营事项959"]);
}

/// A ledger saved as CSV by Excel on Chinese Windows (GBK), with a 合计 row.
#[test]
fn gbk_csv_ledger() {
    let data = read("费用明细.csv");
    assert_eq!(expense_count(&data), 4);
    assert_eq!(spent(&data), dec("26510.50"));
    assert_eq!(totals(&data), [(dec("26510.50"), dec("26510.50"))]);
}

/// "CSV UTF-8" with a BOM: dates "11/2/2026" read month first, as "11/13/2026" beside them shows.
#[test]
fn bom_csv_with_month_first_dates() {
    let data = read("PR tasks.csv");
    assert_eq!(data.plan[0].start, Some(day("2026-11-02")));
    assert_eq!(data.plan[2].due, Some(day("2026-12-04")));
    assert_eq!(overdue(&data), ["Media list"]);
    assert_eq!(done(&data), ["Write press release"]);
    assert!(data.problems.is_empty(), "{:?}", data.problems);
}

/// openpyxl converted to .ods: 一、计划 二、周度跟踪 三、费用台账 on one sheet, amounts in 万元.
#[test]
fn stacked_plan_weekly_and_ledger_in_an_ods() {
    let data = read("元旦促销.ods");
    assert_eq!(data.plan.len(), 4);
    assert_eq!(data.weekly.len(), 2);
    assert_eq!(overdue(&data), ["商品选品"]);
    assert_eq!(spent(&data), dec("45500"));
    assert_eq!(totals(&data), [(dec("45500"), dec("45500"))]);
}

/// openpyxl converted to .xls: Activity, Plan End, Actual End, % Done and costs per task.
#[test]
fn task_costs_in_an_xls() {
    let data = read("Holiday Campaign.xls");
    assert_eq!(data.plan.len(), 4);
    assert_eq!(done(&data), ["Strategy deck", "Photo shoot"]);
    assert_eq!(overdue(&data), ["Website banners"]);
    assert_eq!(spent(&data), dec("9450"));
    // "Fixed Cost" is a part of the task's cost, never its budget (Photo shoot is not "over").
    assert_eq!(budget(&data), dec("0"));
}

/// A plan with spending and no budget anywhere: one note for the team, not a warning per
/// line, and no line judged over.
#[test]
fn spending_without_any_budget_is_one_note() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Holiday Campaign.xls");
    std::fs::copy(unseen("Holiday Campaign.xls"), &file).unwrap();
    let out = crate::common::plantrack(
        dir.path(),
        &[
            "check",
            "Holiday Campaign.xls",
            "--as-of",
            "2026-11-26",
            "--lang",
            "en",
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");
    assert!(
        stdout.contains("ProjectTaskList!H4: note: no budget sheet or column: 3 spending line(s)"),
        "{stdout}"
    );
    assert!(!stdout.contains("which has no budget line"), "{stdout}");
}

/// Numbers typed as month.day (5.28, 6.12) and a range in one cell, as of mid-June.
#[test]
fn month_dot_day_numbers_and_a_range() {
    let data = read_at("618排期.xlsx", "2026-06-15");
    assert_eq!(data.plan[1].due, Some(day("2026-06-12")));
    assert_eq!(data.plan[2].due, Some(day("2026-06-10")));
    assert_eq!(
        with_status(&data, "2026-06-15", TaskStatus::Overdue),
        ["直播脚本", "主会场页面"]
    );
}

/// A media contact list is none of the kinds: refused, naming the sheet found.
#[test]
fn a_contact_list_is_refused_by_name() {
    match read_dataset(&unseen("Media Contacts.xlsx"), day(AS_OF)) {
        Err(ReadError::NoRecognisedSheet { found }) => assert_eq!(found, ["Media Contacts"]),
        other => panic!("{other:?}"),
    }
}

/// openpyxl, a two-row header: 计划 and 实际 merged over 开始 | 结束, 阶段 merged down.
#[test]
fn planned_and_actual_merged_over_start_and_end() {
    let data = read("活动排期.xlsx");
    assert_eq!(
        names(&data),
        ["场地确认", "嘉宾邀请", "现场搭建", "活动执行"]
    );
    assert_eq!(data.plan[1].start, Some(day("2026-11-04")), "计划 / 开始");
    assert_eq!(data.plan[1].due, Some(day("2026-11-18")), "计划 / 结束");
    assert_eq!(data.plan[0].done_on, Some(day("2026-11-05")), "实际 / 结束");
    assert_eq!(done(&data), ["场地确认"]);
    assert_eq!(overdue(&data), ["嘉宾邀请", "现场搭建"]);
}

/// XlsxWriter: Start and "No. Days" ("3 days", "5 working days", "2-3 days"), text dates.
#[test]
fn start_plus_number_of_days() {
    let data = read("Webinar Plan.xlsx");
    let due: Vec<Option<NaiveDate>> = data.plan.iter().map(|p| p.due).collect();
    assert_eq!(
        due,
        [
            Some(day("2026-11-04")),
            Some(day("2026-11-11")),
            Some(day("2026-11-18")),
            Some(day("2026-12-01")),
        ]
    );
    assert_eq!(overdue(&data), ["Registration page", "Promo emails"]);
}

/// openpyxl saved by LibreOffice: one ledger sheet per category (Date | Description | Amount)
/// and a Summary of Budget and Spent whose Spent repeats the ledgers: counted once.
#[test]
fn a_ledger_sheet_per_category_and_a_summary() {
    let data = read("Marketing Costs.xlsx");
    let lines: Vec<(&str, Decimal)> = data
        .budget
        .iter()
        .map(|b| (b.category.as_str(), b.budget))
        .collect();
    assert_eq!(
        lines,
        [("Advertising", dec("20000")), ("Events", dec("15000"))]
    );
    assert_eq!(spent(&data), dec("16300.50"));
    let events: Decimal = data
        .expenses
        .groups
        .iter()
        .filter(|g| g.category == "Events")
        .map(|g| g.spent)
        .sum();
    assert_eq!(events, dec("9000"));
}

/// XlsxWriter 风险登记表: 发生概率 / 影响程度 高中低, 状态 跟踪中 / 已关闭.
#[test]
fn risk_register_in_chinese() {
    let data = read("风险登记表.xlsx");
    let states: Vec<Option<RiskState>> = data.risks.iter().map(|r| r.state).collect();
    assert_eq!(
        states,
        [
            Some(RiskState::Open),
            Some(RiskState::Closed),
            Some(RiskState::Open)
        ]
    );
    assert_eq!(data.risks[0].impact, Some(Level::High));
    assert_eq!(data.risks[2].response, None);
}

/// openpyxl: Line | Q1..Q4 | Total under "(£000)".
#[test]
fn quarterly_budget_in_thousands_of_pounds() {
    let data = read("Budget FY27.xlsx");
    let lines: Vec<(&str, Decimal)> = data
        .budget
        .iter()
        .map(|b| (b.category.as_str(), b.budget))
        .collect();
    assert_eq!(
        lines,
        [
            ("Brand", dec("47500")),
            ("Performance", dec("95000")),
            ("Events", dec("20000"))
        ]
    );
    assert_eq!(totals(&data), [(dec("162500"), dec("162500"))]);
}

/// openpyxl: the list on Sheet2 from C5 under a French title, a Done? column of Yes / No.
#[test]
fn an_offset_list_with_a_done_column() {
    let data = read("Event tasks.xlsx");
    assert_eq!(names(&data), ["Brief agency", "Book venue", "Send invites"]);
    assert_eq!(done(&data), ["Brief agency"]);
    assert_eq!(overdue(&data), ["Book venue"]);
}

/// openpyxl 营销日历: 活动名称, 进度 written 100% / 完成 / 50%, 第44周.. columns as a timeline.
#[test]
fn activity_calendar_with_week_columns() {
    let data = read("营销日历.xlsx");
    assert_eq!(names(&data), ["预热", "爆发", "返场", "复盘"]);
    assert_eq!(done(&data), ["预热", "爆发"]);
    assert_eq!(overdue(&data), ["返场"]);
    assert_eq!(data.tables[0].timeline, Some((6, 11)));
}

/// openpyxl: Expense | Jan..Dec | Total on a sheet named Monthly Budget: a budget, never
/// spending.
#[test]
fn an_english_monthly_budget_is_a_budget() {
    let data = read("Monthly Budget 2026.xlsx");
    let lines: Vec<(&str, Decimal)> = data
        .budget
        .iter()
        .map(|b| (b.category.as_str(), b.budget))
        .collect();
    assert_eq!(
        lines,
        [("Advertising", dec("12000")), ("Events", dec("10000"))]
    );
    assert_eq!(spent(&data), Decimal::ZERO);
}

/// openpyxl: statuses written with a mark (✅ Done, 🟡 In progress), dates with weekdays.
#[test]
fn statuses_with_marks() {
    let data = read("Launch checklist.xlsx");
    assert_eq!(done(&data), ["Teaser video"]);
    assert_eq!(overdue(&data), ["Press kit"]);
    assert!(data.problems.is_empty(), "{:?}", data.problems);
}

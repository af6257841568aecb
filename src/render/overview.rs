//! The first sheet a manager reads: as-of date, goal completion, tasks by status, budget
//! used, problem counts, the most overdue tasks, the critical path and the key risks.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Styles, amount, date, money, share, text};
use crate::compute::goals::NodeLevel;
use crate::compute::{Summary, teams};
use crate::model::{Severity, TaskStatus};

/// How many overdue tasks the overview lists.
const TOP_OVERDUE: usize = 10;

pub fn write(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick("概览", "Overview"))?;
    ws.set_screen_gridlines(false);
    ws.set_print_fit_to_pages(1, 0);
    for (c, w) in [
        28.0, 16.0, 16.0, 12.0, 12.0, 12.0, 12.0, 14.0, 14.0, 10.0, 8.0, 8.0,
    ]
    .iter()
    .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.write_string_with_format(
        0,
        0,
        l.pick("营销计划周度汇总", "Marketing plan weekly summary"),
        &st.title,
    )?;
    ws.set_row_height(0, 26)?;
    ws.write_string_with_format(1, 0, l.pick("统计日期", "As of"), &st.label)?;
    date(ws, 1, 1, Some(s.settings.as_of), &st.date)?;
    ws.write_string_with_format(2, 0, l.pick("团队", "Teams"), &st.label)?;
    ws.write_string_with_format(2, 1, s.data.teams.join(l.pick("、", ", ")), &st.subtitle)?;
    ws.write_string_with_format(3, 0, l.pick("工作日历", "Working calendar"), &st.label)?;
    ws.write_string_with_format(3, 1, s.calendar.describe(l), &st.subtitle)?;

    let mut r = 4;
    if s.data.teams.len() > 1 {
        r = team_table(ws, r, s, st)? + 1;
    }

    // Goal completion.
    ws.write_string_with_format(r, 0, l.pick("目标完成情况", "Goal completion"), &st.section)?;
    r += 1;
    for (c, h) in [
        l.pick("总目标", "Goal"),
        l.pick("目标值", "Target"),
        l.pick("实际值", "Actual"),
        l.pick("完成率", "Completion"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(r, c as u16, *h, &st.header)?;
    }
    for g in s.goals.iter().filter(|g| g.level == NodeLevel::Goal) {
        r += 1;
        text(ws, r, 0, Some(&g.name), &st.text)?;
        amount(ws, r, 1, g.target, st)?;
        amount(ws, r, 2, g.actual, st)?;
        share(ws, r, 3, g.completion(), &st.pct)?;
    }
    r = super::metrics::overview_rows(ws, r, s, st)?;

    // Tasks by status.
    r += 2;
    ws.write_string_with_format(r, 0, l.pick("任务状态", "Tasks by status"), &st.section)?;
    r += 1;
    ws.write_string_with_format(r, 0, l.pick("状态", "Status"), &st.header)?;
    ws.write_string_with_format(r, 1, l.pick("任务数", "Tasks"), &st.header)?;
    for status in TaskStatus::ALL {
        r += 1;
        ws.write_string_with_format(r, 0, status.word(l), &st.status(status))?;
        ws.write_number_with_format(r, 1, s.count(status) as f64, &st.int)?;
    }
    r += 1;
    ws.write_string_with_format(r, 0, l.pick("合计", "Total"), &st.total_label)?;
    ws.write_number_with_format(r, 1, s.tasks.len() as f64, &st.int_bold)?;

    // Budget.
    r += 2;
    ws.write_string_with_format(r, 0, l.pick("预算使用", "Budget used"), &st.section)?;
    let t = &s.costs.totals;
    if s.data.mixed_currencies() {
        // Yuan and dollars do not add up: the per-team table above has each team's figures.
        r += 1;
        let note = l.pick(
            "各团队币种不同，不合计金额（见上方各团队表）",
            "teams use different currencies: no total (see the Teams table above)",
        );
        ws.write_string_with_format(r, 0, note, &st.note)?;
    } else {
        let rows = [
            (l.pick("总预算", "Budget"), Some(t.budget)),
            (l.pick("已支出", "Spent"), Some(t.spent)),
            (l.pick("剩余", "Remaining"), Some(t.remaining())),
            (
                l.pick("其中无预算支出", "Spent without a budget"),
                Some(t.unbudgeted),
            ),
        ];
        for (label, v) in rows {
            r += 1;
            ws.write_string_with_format(r, 0, label, &st.text)?;
            money(ws, r, 1, v, &st.money)?;
        }
        r += 1;
        ws.write_string_with_format(r, 0, l.pick("已用比例", "Share used"), &st.text)?;
        share(ws, r, 1, t.share_used(), &st.pct)?;
    }
    for status in [
        crate::compute::costs::CostStatus::Over,
        crate::compute::costs::CostStatus::Warning,
    ] {
        r += 1;
        let n = s.costs.lines.iter().filter(|x| x.status == status).count();
        let label = format!("{}{}", l.pick("科目数：", "Lines: "), status.word(l));
        ws.write_string_with_format(r, 0, label, &st.text)?;
        ws.write_number_with_format(r, 1, n as f64, &st.cost_status(status))?;
    }

    // Problems.
    r += 2;
    ws.write_string_with_format(r, 0, l.pick("数据问题", "Data problems"), &st.section)?;
    for (label, sev) in [
        (l.pick("错误", "Errors"), Severity::Error),
        (l.pick("警告", "Warnings"), Severity::Warning),
    ] {
        r += 1;
        ws.write_string_with_format(r, 0, label, &st.text)?;
        ws.write_number_with_format(r, 1, s.problem_count(sev) as f64, &st.int)?;
    }

    // Most overdue tasks.
    r += 2;
    ws.write_string_with_format(r, 0, l.pick("逾期任务", "Overdue tasks"), &st.section)?;
    r += 1;
    for (c, h) in [
        l.pick("任务", "Task"),
        l.pick("负责人", "Owner"),
        l.pick("完成时间", "Due"),
        l.pick("逾期天数", "Days late"),
        l.pick("完成度", "Progress"),
        l.pick("团队", "Team"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(r, c as u16, *h, &st.header)?;
    }
    let overdue = s.overdue();
    if overdue.is_empty() {
        r += 1;
        ws.write_string_with_format(r, 0, l.pick("无逾期任务", "none"), &st.note)?;
    }
    for &i in overdue.iter().take(TOP_OVERDUE) {
        r += 1;
        let t = &s.data.plan[i];
        text(ws, r, 0, Some(&t.name), &st.text)?;
        text(ws, r, 1, t.owner.as_deref(), &st.text)?;
        date(ws, r, 2, t.due, &st.date)?;
        ws.write_number_with_format(r, 3, s.tasks[i].days_late as f64, &st.int)?;
        share(ws, r, 4, t.progress, &st.pct)?;
        text(ws, r, 5, Some(&t.team), &st.text)?;
    }
    // The critical path: the longest chain of dependent tasks, which sets the end date.
    r += 2;
    ws.write_string_with_format(r, 0, l.pick("关键路径", "Critical path"), &st.section)?;
    r += 1;
    for (c, h) in [
        l.pick("任务", "Task"),
        l.pick("负责人", "Owner"),
        l.pick("开始", "Start"),
        l.pick("截止", "Due"),
        l.pick("状态", "Status"),
        l.pick("团队", "Team"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(r, c as u16, *h, &st.header)?;
    }
    for &i in &s.schedule.critical_path {
        r += 1;
        let t = &s.data.plan[i];
        text(ws, r, 0, Some(&t.name), &st.text)?;
        text(ws, r, 1, t.owner.as_deref(), &st.text)?;
        date(ws, r, 2, t.start, &st.date)?;
        date(ws, r, 3, t.due, &st.date)?;
        let status = s.tasks[i].status;
        ws.write_string_with_format(r, 4, status.word(l), &st.status(status))?;
        text(ws, r, 5, Some(&t.team), &st.text)?;
    }
    super::risks::overview_section(ws, s, st, r + 2)?;
    ws.set_active(true);
    Ok(())
}

/// One row per team and a total: the manager's view of many teams at once. Returns the row
/// after the table.
fn team_table(ws: &mut Worksheet, mut r: u32, s: &Summary, st: &Styles) -> Result<u32, XlsxError> {
    let l = st.lang;
    ws.write_string_with_format(r, 0, l.pick("各团队", "Teams"), &st.section)?;
    r += 1;
    let headers = [
        l.pick("团队", "Team"),
        l.pick("目标值", "Goal target"),
        l.pick("实际值", "Actual"),
        l.pick("完成率", "Completion"),
        l.pick("任务数", "Tasks"),
        l.pick("逾期", "Overdue"),
        l.pick("有风险", "At risk"),
        l.pick("预算", "Budget"),
        l.pick("已支出", "Spent"),
        l.pick("预算已用", "Budget used"),
        l.pick("错误", "Errors"),
        l.pick("警告", "Warnings"),
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, &st.header)?;
    }
    let rows = teams::per_team(s);
    let same_currency = !s.data.mixed_currencies();
    let total = teams::total(&rows, same_currency);
    let count = |ws: &mut Worksheet, r: u32, c: u16, n: usize, f| {
        ws.write_number_with_format(r, c, n as f64, f).map(|_| ())
    };
    for (i, row) in rows.iter().chain([&total]).enumerate() {
        r += 1;
        let is_total = i == rows.len();
        let (t, num, pct, int, cash) = if is_total {
            (
                &st.total_label,
                &st.money_bold,
                &st.pct_bold,
                &st.int_bold,
                &st.money_bold,
            )
        } else {
            (&st.text, &st.number, &st.pct, &st.int, &st.money)
        };
        let name = if is_total {
            l.pick("合计", "Total")
        } else {
            row.team.as_str()
        };
        ws.write_string_with_format(r, 0, name, t)?;
        money(ws, r, 1, row.goal_target, num)?;
        money(ws, r, 2, row.goal_actual, num)?;
        share(ws, r, 3, row.completion(), pct)?;
        count(ws, r, 4, row.tasks, int)?;
        count(ws, r, 5, row.overdue, int)?;
        count(ws, r, 6, row.at_risk, int)?;
        let amounts = same_currency || !is_total;
        money(ws, r, 7, amounts.then_some(row.budget), cash)?;
        money(ws, r, 8, amounts.then_some(row.spent), cash)?;
        share(ws, r, 9, row.budget_used(), pct)?;
        count(ws, r, 10, row.errors, int)?;
        count(ws, r, 11, row.warnings, int)?;
    }
    if !same_currency {
        r += 1;
        let note = l.pick(
            "各团队币种不同，金额不合计",
            "teams use different currencies: amounts are not added up",
        );
        ws.write_string_with_format(r, 0, note, &st.note)?;
    }
    Ok(r + 1)
}

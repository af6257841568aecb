//! The first sheet a manager reads, the story on one landscape page: the headline (status
//! word and reason), each goal against its time, the teams side by side, what changed since
//! last week, what is overdue or due in the next seven days and by whom, the budget and its
//! flagged lines, what the team needs, the critical path and the key risks. The judgements
//! come from [`crate::compute::brief`]; the sections are laid out in `story.rs`.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Styles, date, money, share, story, text};
use crate::compute::brief::brief;
use crate::compute::{Summary, teams};

/// Critical-path tasks listed; a long path is on the Tasks sheet, the Overview stays a page.
const CRITICAL_ROWS: usize = 10;

pub fn write(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    let b = brief(s);
    ws.set_name(l.pick("概览", "Overview"))?;
    ws.set_screen_gridlines(false);
    // The story on one landscape page.
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    ws.set_print_fit_to_pages(1, 1);
    ws.set_footer("&L&A&R&P / &N");
    for (c, w) in [
        28.0, 14.0, 14.0, 11.0, 11.0, 11.0, 13.0, 10.0, 11.0, 10.0, 8.0, 8.0,
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
    ws.write_string_with_format(1, 2, l.pick("团队", "Teams"), &st.label)?;
    ws.write_string_with_format(1, 3, s.data.teams.join(l.pick("、", ", ")), &st.subtitle)?;
    ws.write_string_with_format(2, 0, l.pick("工作日历", "Working calendar"), &st.label)?;
    ws.write_string_with_format(2, 1, s.calendar.describe(l), &st.subtitle)?;

    let mut r = story::headline(ws, 3, s, &b, st)?;
    r = story::goals(ws, r, &b, st)?;
    if s.data.teams.len() > 1 {
        r = team_table(ws, r, s, st)? + 1;
    }
    r = story::moves(ws, r, &b, st)?;
    r = story::due(ws, r, &b, st)?;
    r = story::budget(ws, r, s, &b, st)?;
    r = story::needs(ws, r, &b, st)?;

    // The critical path: the longest chain of dependent tasks, which sets the end date.
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
    let path = &s.schedule.critical_path;
    for &i in path.iter().take(CRITICAL_ROWS) {
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
    if path.len() > CRITICAL_ROWS {
        r += 1;
        let more = path.len() - CRITICAL_ROWS;
        let note = match l {
            crate::lang::Lang::Zh => format!("另有 {more} 项，见“任务”表的关键路径列"),
            crate::lang::Lang::En => format!("{more} more: the Critical column of the Tasks sheet"),
        };
        ws.write_string_with_format(r, 0, note, &st.note)?;
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

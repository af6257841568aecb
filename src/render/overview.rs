//! The first sheet a manager reads, the story on landscape pages fitted to their width: the headline (status
//! word and reason), each goal against its time, the teams side by side, what changed since
//! last week, what is overdue or due in the next seven days and by whom, the budget and its
//! flagged lines, what the team needs, the critical path and the key risks. The judgements
//! come from [`crate::compute::brief`]; the sections are laid out in `story.rs`.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Styles, date, money, share, story, text};
use crate::compute::Summary;
use crate::compute::brief::brief;

pub fn write(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    let b = brief(s);
    ws.set_name(l.pick("概览", "Overview"))?;
    ws.set_screen_gridlines(false);
    // Landscape, fitted to the page width only: with several teams, the critical path and
    // the key risks the story runs past one page, and fitting its height too shrank the text
    // below 6 points; it runs on to a second page at a readable size instead.
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    ws.set_print_fit_to_pages(1, 0);
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
    if let Some(stale) = &s.stale {
        let note = crate::messages::stale_as_of(stale, l);
        ws.write_string_with_format(1, 2, note, &st.note)?;
    }
    ws.write_string_with_format(2, 0, l.pick("团队", "Teams"), &st.label)?;
    ws.write_string_with_format(
        2,
        1,
        super::capped_list(&s.data.teams, l.pick("、", ", "), l),
        &st.subtitle,
    )?;
    ws.write_string_with_format(3, 0, l.pick("工作日历", "Working calendar"), &st.label)?;
    ws.write_string_with_format(3, 1, s.calendar.describe(l), &st.subtitle)?;

    let mut r = story::headline(ws, 5, s, &b, st)?;
    r = story::goals(ws, r, &b, st)?;
    if s.data.teams.len() > 1 {
        r = team_table(ws, r, s, st)? + 1;
    }
    r = story::moves(ws, r, &b, st)?;
    r = story::due(ws, r, &b, st)?;
    r = super::metrics::overview_rows(ws, r, s, st)?;
    r = story::statuses(ws, r, s, st)?;
    r = story::budget(ws, r, s, &b, st)?;
    r = story::needs(ws, r, &b, st)?;
    r = critical_path(ws, r.saturating_sub(2), s, st)?;
    super::risks::overview_section(ws, s, st, r + 2)?;
    ws.set_active(true);
    Ok(())
}

/// The critical tasks (those the Tasks sheet marks), each with the critical tasks it waits
/// for, then the tasks forecast to finish after the campaign's end. Returns the last row.
fn critical_path(
    ws: &mut Worksheet,
    mut r: u32,
    s: &Summary,
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = st.lang;
    let cv = &s.critical;
    r += 2;
    ws.write_string_with_format(r, 0, l.pick("关键路径", "Critical path"), &st.section)?;
    let note = if cv.linked {
        l.pick(
            "决定结束日期的任务链：没有浮动时间的任务，与任务表中标为关键路径的相同；任一延误都会推迟结束日期",
            "the chain that decides the end date: the tasks with no float, as marked on the Tasks sheet; any delay to one moves the end date",
        )
    } else {
        l.pick(
            "计划中没有填写前置任务，下列只是截止日期为最后一天的任务；填写前置任务后才能看出决定结束日期的任务链",
            "the plan names no predecessors, so these are only the tasks due on the last day; name predecessors to see the chain that decides the end date",
        )
    };
    ws.write_string_with_format(r, 2, note, &st.note)?;
    r += 1;
    for (c, h) in [
        l.pick("任务", "Task"),
        l.pick("负责人", "Owner"),
        l.pick("开始", "Start"),
        l.pick("截止", "Due"),
        l.pick("状态", "Status"),
        l.pick("团队", "Team"),
        l.pick("关键前置", "Follows"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(r, c as u16, *h, &st.header)?;
    }
    for ct in &cv.tasks {
        let Some(task) = s.task(ct.task) else {
            continue;
        };
        r += 1;
        let t = task.plan;
        text(ws, r, 0, Some(&t.name), &st.text)?;
        text(ws, r, 1, t.owner.as_deref(), &st.text)?;
        date(ws, r, 2, t.start, &st.date)?;
        date(ws, r, 3, t.due, &st.date)?;
        let status = task.status();
        ws.write_string_with_format(r, 4, status.word(l), &st.status(status))?;
        text(ws, r, 5, Some(&t.team), &st.text)?;
        let after: Vec<&str> = s
            .tasks_at(&ct.after)
            .map(|p| p.plan.name.as_str())
            .collect();
        text(ws, r, 6, Some(&after.join(l.pick("、", ", "))), &st.text)?;
    }
    if cv.past_end.is_empty() {
        return Ok(r);
    }
    r += 2;
    let title = l.pick(
        "预计晚于活动结束的任务",
        "Forecast to finish after the campaign ends",
    );
    ws.write_string_with_format(r, 0, title, &st.section)?;
    r += 1;
    for (c, h) in [
        l.pick("任务", "Task"),
        l.pick("负责人", "Owner"),
        l.pick("截止", "Due"),
        l.pick("预计完成", "Forecast finish"),
        l.pick("活动结束", "Campaign ends"),
        l.pick("团队", "Team"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(r, c as u16, *h, &st.header)?;
    }
    let late = st.date.clone().set_font_color(0x9C0006).set_bold();
    for p in &cv.past_end {
        let Some(t) = s.task(p.task).map(|t| t.plan) else {
            continue;
        };
        r += 1;
        text(ws, r, 0, Some(&t.name), &st.text)?;
        text(ws, r, 1, t.owner.as_deref(), &st.text)?;
        date(ws, r, 2, t.due, &st.date)?;
        date(ws, r, 3, Some(p.finish), &late)?;
        date(ws, r, 4, Some(p.end), &st.date)?;
        text(ws, r, 5, Some(&t.team), &st.text)?;
    }
    Ok(r)
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
    let (rows, total) = (&s.teams, &s.teams_total);
    let same_currency = s.currency().is_some();
    let count = |ws: &mut Worksheet, r: u32, c: u16, n: usize, f| {
        ws.write_number_with_format(r, c, n as f64, f).map(|_| ())
    };
    for (i, row) in rows.iter().chain([total]).enumerate() {
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
        ws.write_string_with_format(r, 0, super::fit(name), t)?;
        money(ws, r, 1, row.goal_target, num)?;
        money(ws, r, 2, row.goal_actual, num)?;
        share(ws, r, 3, row.completion(), pct)?;
        count(ws, r, 4, row.tasks, int)?;
        count(ws, r, 5, row.overdue, int)?;
        count(ws, r, 6, row.at_risk, int)?;
        let amounts = same_currency || !is_total;
        let team_cash = st.money_in(s.currencies.of(&row.team));
        let cash = if is_total { cash } else { &team_cash };
        money(ws, r, 7, amounts.then_some(row.costs.budget), cash)?;
        money(ws, r, 8, amounts.then_some(row.costs.spent), cash)?;
        share(ws, r, 9, row.costs.share_used(), pct)?;
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

//! The Overview's story, laid out from [`Brief`]: the headline (one status word and its
//! reason), each goal against its clock, what changed since last week, what is overdue or
//! due in the next seven days and by whom, the budget lines that need attention and what
//! the team asked for. Nothing is judged here; the PNG brief lays out the same [`Brief`].

use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use super::{Styles, date, money, share, text};
use crate::compute::Summary;
use crate::compute::brief::{Brief, DueTask, Pace, Verdict};
use crate::model::{Severity, TaskStatus};

/// At most this many rows per list: the Overview fits one page, detail is on other sheets.
const LIST_ROWS: usize = 8;

pub fn verdict_format(st: &Styles, v: Verdict) -> Format {
    let s = match v {
        Verdict::OnTrack => TaskStatus::Done,
        Verdict::Watch => TaskStatus::AtRisk,
        Verdict::OffTrack => TaskStatus::Overdue,
    };
    st.status(s).set_bold().set_font_size(14)
}

fn pace_format(st: &Styles, p: Pace) -> Format {
    st.status(match p {
        Pace::Reached | Pace::Ahead => TaskStatus::Done,
        Pace::OnPace => TaskStatus::OnTrack,
        Pace::Behind => TaskStatus::Overdue,
        Pace::Unknown => TaskStatus::NotStarted,
    })
}

fn headers(ws: &mut Worksheet, r: u32, names: &[&str], st: &Styles) -> Result<(), XlsxError> {
    for (c, h) in names.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, &st.header)?;
    }
    Ok(())
}

/// The status word, its reason and the counts behind it. Returns the next free row.
pub fn headline(
    ws: &mut Worksheet,
    mut r: u32,
    s: &Summary,
    b: &Brief,
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = st.lang;
    ws.set_row_height(r, 24)?;
    ws.write_string_with_format(r, 0, b.verdict.word(l), &verdict_format(st, b.verdict))?;
    let reason = st
        .base
        .clone()
        .set_bold()
        .set_font_size(12)
        .set_align(FormatAlign::VerticalCenter);
    ws.write_string_with_format(r, 1, b.reason.sentence(l), &reason)?;
    r += 1;
    let counts = match l {
        crate::lang::Lang::Zh => format!(
            "任务 {} 项：已完成 {}，逾期 {}，有风险 {}；数据问题：错误 {}，警告 {}（见“数据问题”表）",
            b.tasks,
            b.done,
            b.overdue.len(),
            s.count(TaskStatus::AtRisk),
            s.problem_count(Severity::Error),
            s.problem_count(Severity::Warning)
        ),
        crate::lang::Lang::En => format!(
            "{} tasks: {} done, {} overdue, {} at risk; data problems: {} errors, {} warnings (see Data problems)",
            b.tasks,
            b.done,
            b.overdue.len(),
            s.count(TaskStatus::AtRisk),
            s.problem_count(Severity::Error),
            s.problem_count(Severity::Warning)
        ),
    };
    ws.write_string_with_format(r, 0, counts, &st.subtitle)?;
    Ok(r + 2)
}

/// Each goal: completion against the share of its time gone, and what it needs per day.
pub fn goals(ws: &mut Worksheet, mut r: u32, b: &Brief, st: &Styles) -> Result<u32, XlsxError> {
    let l = st.lang;
    ws.write_string_with_format(
        r,
        0,
        l.pick("目标进度与时间进度", "Goals against their time"),
        &st.section,
    )?;
    r += 1;
    headers(
        ws,
        r,
        &[
            l.pick("总目标", "Goal"),
            l.pick("目标值", "Target"),
            l.pick("实际值", "Actual"),
            l.pick("完成率", "Completion"),
            l.pick("时间已过", "Time gone"),
            l.pick("进度", "Pace"),
            l.pick("每日还需", "Needed per day"),
            l.pick("剩余天数", "Days left"),
            l.pick("截止", "Ends"),
        ],
        st,
    )?;
    for g in &b.goals {
        r += 1;
        text(ws, r, 0, Some(&g.name), &st.text)?;
        super::amount(ws, r, 1, g.target, st)?;
        super::amount(ws, r, 2, g.actual, st)?;
        share(ws, r, 3, g.completion, &st.pct)?;
        share(ws, r, 4, g.elapsed, &st.pct)?;
        ws.write_string_with_format(r, 5, g.pace.word(l), &pace_format(st, g.pace))?;
        super::amount(ws, r, 6, g.per_day, st)?;
        match g.days_left {
            Some(d) => ws.write_number_with_format(r, 7, d as f64, &st.int)?,
            None => ws.write_blank(r, 7, &st.int)?,
        };
        date(ws, r, 8, g.end, &st.date)?;
    }
    if b.goals.is_empty() {
        r += 1;
        ws.write_string_with_format(
            r,
            0,
            l.pick("计划中没有目标", "no goals in the plan"),
            &st.note,
        )?;
    }
    Ok(r + 2)
}

/// What changed since the previous summary, a line per kind.
pub fn moves(ws: &mut Worksheet, mut r: u32, b: &Brief, st: &Styles) -> Result<u32, XlsxError> {
    let l = st.lang;
    let title = match b.moves.as_ref().and_then(|m| m.previous_as_of) {
        Some(d) => format!(
            "{}{}",
            l.pick("与上次汇总相比：", "Since the summary of "),
            d.format("%Y-%m-%d")
        ),
        None => l.pick("与上次汇总相比", "Since last week").to_string(),
    };
    ws.write_string_with_format(r, 0, title, &st.section)?;
    let Some(m) = &b.moves else {
        r += 1;
        let note = l.pick(
            "没有找到上次的汇总，下周起列出变化",
            "no earlier summary found: changes are listed from next week",
        );
        ws.write_string_with_format(r, 0, note, &st.note)?;
        return Ok(r + 2);
    };
    let sep = l.pick("、", ", ");
    let list = |v: &[String]| {
        let mut s = v
            .iter()
            .take(LIST_ROWS)
            .cloned()
            .collect::<Vec<_>>()
            .join(sep);
        if v.len() > LIST_ROWS {
            s.push_str(&format!(" (+{})", v.len() - LIST_ROWS));
        }
        s
    };
    let pct = |x: Option<f64>| x.map_or("?".to_string(), |x| format!("{:.1}%", x * 100.0));
    let mut lines: Vec<(&str, String)> = Vec::new();
    if !m.goals.is_empty() {
        let g: Vec<String> = m
            .goals
            .iter()
            .map(|(n, a, z)| format!("{n} {} → {}", pct(*a), pct(*z)))
            .collect();
        lines.push((l.pick("目标", "Goals"), list(&g)));
    }
    if !m.newly_overdue.is_empty() {
        lines.push((l.pick("新逾期", "Newly overdue"), list(&m.newly_overdue)));
    }
    if !m.finished.is_empty() {
        lines.push((l.pick("新完成", "Finished"), list(&m.finished)));
    }
    if !m.due_moves.is_empty() {
        let v: Vec<String> = m
            .due_moves
            .iter()
            .map(|(n, d)| format!("{n} {d:+}{}", l.pick("天", "d")))
            .collect();
        lines.push((l.pick("截止日调整", "Due dates moved"), list(&v)));
    }
    if m.new_tasks + m.removed_tasks > 0 {
        let v = match l {
            crate::lang::Lang::Zh => format!("新增 {}，删除 {}", m.new_tasks, m.removed_tasks),
            crate::lang::Lang::En => format!("{} added, {} removed", m.new_tasks, m.removed_tasks),
        };
        lines.push((l.pick("任务", "Tasks"), v));
    }
    if lines.is_empty() {
        lines.push((l.pick("无变化", "No change"), String::new()));
    }
    for (label, v) in lines {
        r += 1;
        ws.write_string_with_format(r, 0, label, &st.label)?;
        ws.write_string_with_format(r, 1, v, &st.base)?;
    }
    Ok(r + 2)
}

/// Overdue tasks (most days late first), then the tasks due in the next seven days.
pub fn due(ws: &mut Worksheet, mut r: u32, b: &Brief, st: &Styles) -> Result<u32, XlsxError> {
    let l = st.lang;
    ws.write_string_with_format(
        r,
        0,
        l.pick("逾期与未来7天到期", "Overdue and due in the next 7 days"),
        &st.section,
    )?;
    r += 1;
    headers(
        ws,
        r,
        &[
            l.pick("任务", "Task"),
            l.pick("负责人", "Owner"),
            l.pick("截止", "Due"),
            l.pick("逾期天数", "Days late"),
            l.pick("还剩天数", "Days to due"),
            l.pick("完成度", "Progress"),
            l.pick("状态", "Status"),
            l.pick("团队", "Team"),
        ],
        st,
    )?;
    let row = |ws: &mut Worksheet, r: u32, t: &DueTask, late: bool| -> Result<(), XlsxError> {
        text(ws, r, 0, Some(&t.name), &st.text)?;
        let owner = t.owner.as_deref().unwrap_or(l.pick("（未指定）", "(none)"));
        ws.write_string_with_format(r, 1, owner, &st.text)?;
        date(ws, r, 2, Some(t.due), &st.date)?;
        let (c, blank) = if late { (3, 4) } else { (4, 3) };
        ws.write_number_with_format(r, c, t.days as f64, &st.int)?;
        ws.write_blank(r, blank, &st.int)?;
        share(ws, r, 5, t.progress, &st.pct)?;
        ws.write_string_with_format(r, 6, t.status.word(l), &st.status(t.status))?;
        text(ws, r, 7, Some(&t.team), &st.text)?;
        Ok(())
    };
    for t in b.overdue.iter().take(LIST_ROWS) {
        r += 1;
        row(ws, r, t, true)?;
    }
    for t in b.due_soon.iter().take(LIST_ROWS) {
        r += 1;
        row(ws, r, t, false)?;
    }
    let more =
        b.overdue.len().saturating_sub(LIST_ROWS) + b.due_soon.len().saturating_sub(LIST_ROWS);
    if b.overdue.is_empty() && b.due_soon.is_empty() {
        r += 1;
        let note = l.pick(
            "无逾期，未来7天没有到期任务",
            "nothing overdue or due in the next 7 days",
        );
        ws.write_string_with_format(r, 0, note, &st.note)?;
    } else if more > 0 {
        r += 1;
        let note = match l {
            crate::lang::Lang::Zh => format!("另有 {more} 项，见“任务”表"),
            crate::lang::Lang::En => format!("{more} more on the Tasks sheet"),
        };
        ws.write_string_with_format(r, 0, note, &st.note)?;
    }
    Ok(r + 2)
}

/// Budget: the totals in one line, then each line over budget or past the warning share.
pub fn budget(
    ws: &mut Worksheet,
    mut r: u32,
    s: &Summary,
    b: &Brief,
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = st.lang;
    ws.write_string_with_format(r, 0, l.pick("预算使用", "Budget used"), &st.section)?;
    r += 1;
    let t = &s.costs.totals;
    if s.currency().is_none() {
        let note = l.pick(
            "各团队币种不同，不合计金额（见“成本预算”表）",
            "teams use different currencies: no total (see the Costs sheet)",
        );
        ws.write_string_with_format(r, 0, note, &st.note)?;
    } else {
        // The Costs sheet's totals row, by the one definition (compute::costs::CostTotals).
        let rows = [
            (l.pick("总预算", "Budget"), Some(t.budget)),
            (
                l.pick("已支出（含无预算支出）", "Spent (all)"),
                Some(t.spent),
            ),
            (
                l.pick("其中无预算支出", "of which without a budget"),
                Some(t.unbudgeted),
            ),
            (
                l.pick("剩余（有预算的科目）", "Remaining (budgeted lines)"),
                Some(t.remaining()),
            ),
        ];
        for (k, (label, v)) in rows.into_iter().enumerate() {
            if k > 0 {
                r += 1;
            }
            ws.write_string_with_format(r, 0, label, &st.text)?;
            money(ws, r, 1, v, &st.money)?;
        }
        r += 1;
        let used = l.pick("已用比例（有预算的科目）", "Used (budgeted lines)");
        ws.write_string_with_format(r, 0, used, &st.text)?;
        share(ws, r, 1, t.share_used(), &st.pct)?;
        r += 1;
        let head = [
            l.pick("超支或预警的科目", "Lines over or near budget"),
            l.pick("预算", "Budget"),
            l.pick("已支出", "Spent"),
            l.pick("剩余", "Remaining"),
            l.pick("已用比例", "Used"),
            l.pick("状态", "Status"),
        ];
        for (c, h) in head.iter().enumerate() {
            ws.write_string_with_format(r, c as u16, *h, &st.header)?;
        }
    }
    let flagged: Vec<_> = b.flagged_lines().collect();
    for line in flagged.iter().take(LIST_ROWS) {
        r += 1;
        let name = if s.data.teams.len() > 1 {
            format!("{} · {}", line.category, line.team)
        } else {
            line.category.clone()
        };
        ws.write_string_with_format(r, 0, name, &st.text)?;
        money(ws, r, 1, line.budget, &st.money)?;
        money(ws, r, 2, Some(line.spent), &st.money)?;
        money(ws, r, 3, line.remaining, &st.money)?;
        share(ws, r, 4, line.share, &st.pct)?;
        ws.write_string_with_format(r, 5, line.status.word(l), &st.cost_status(line.status))?;
    }
    if flagged.is_empty() {
        r += 1;
        let note = l.pick(
            "没有超支或预警的科目",
            "no line over budget or past the warning share",
        );
        ws.write_string_with_format(r, 0, note, &st.note)?;
    }
    Ok(r + 2)
}

/// What the team asked for in the plan's "needs support" column.
pub fn needs(ws: &mut Worksheet, mut r: u32, b: &Brief, st: &Styles) -> Result<u32, XlsxError> {
    let l = st.lang;
    ws.write_string_with_format(r, 0, l.pick("需要支持", "Needs support"), &st.section)?;
    r += 1;
    if b.needs.is_empty() {
        let note = l.pick(
            "计划表“需要支持”一栏没有填写",
            "nothing written in the plan's Needs support column",
        );
        ws.write_string_with_format(r, 0, note, &st.note)?;
        return Ok(r + 2);
    }
    headers(
        ws,
        r,
        &[
            l.pick("任务", "Task"),
            l.pick("负责人", "Owner"),
            l.pick("截止", "Due"),
            l.pick("需要的支持", "What is needed"),
        ],
        st,
    )?;
    for n in b.needs.iter().take(LIST_ROWS) {
        r += 1;
        text(ws, r, 0, Some(&n.name), &st.text)?;
        text(ws, r, 1, n.owner.as_deref(), &st.text)?;
        date(ws, r, 2, n.due, &st.date)?;
        ws.write_string_with_format(r, 3, &n.need, &st.base)?;
    }
    Ok(r + 2)
}

/// Tasks by status: a count per status word and the total.
pub fn statuses(
    ws: &mut Worksheet,
    mut r: u32,
    s: &Summary,
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = st.lang;
    ws.write_string_with_format(r, 0, l.pick("任务状态", "Tasks by status"), &st.section)?;
    for status in TaskStatus::ALL {
        r += 1;
        ws.write_string_with_format(r, 0, status.word(l), &st.status(status))?;
        ws.write_number_with_format(r, 1, s.count(status) as f64, &st.int)?;
    }
    Ok(r + 2)
}

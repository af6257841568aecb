//! The Changes sheet (本周变化): what moved since last week's summary. Sections, each a small
//! table: goal completion then and now, tasks newly overdue / no longer overdue / finished,
//! new and removed tasks, due dates moved, slips against the baseline (in working days),
//! every status change, budget burn per line.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Styles, amount, date, money, share, text};
use crate::compute::changes::{Changes, StatusChange};

/// Writes a section title and its header row; returns the next row.
fn section(
    ws: &mut Worksheet,
    r: u32,
    title: &str,
    headers: &[&str],
    st: &Styles,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(r, 0, title, &st.section)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(r + 1, c as u16, *h, &st.header)?;
    }
    Ok(r + 2)
}

fn none_row(ws: &mut Worksheet, r: u32, st: &Styles) -> Result<u32, XlsxError> {
    ws.write_string_with_format(r, 0, st.lang.pick("（无）", "(none)"), &st.note)?;
    Ok(r + 1)
}

fn status_rows(
    ws: &mut Worksheet,
    mut r: u32,
    title: &str,
    rows: &[StatusChange],
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = st.lang;
    r = section(
        ws,
        r,
        title,
        &[
            l.pick("团队", "Team"),
            l.pick("任务", "Task"),
            l.pick("上周状态", "Last week"),
            l.pick("本周状态", "This week"),
        ],
        st,
    )?;
    if rows.is_empty() {
        r = none_row(ws, r, st)?;
    }
    for c in rows {
        text(ws, r, 0, Some(&c.team), &st.text)?;
        text(ws, r, 1, Some(&c.name), &st.text)?;
        for (col, s) in [(2, c.before), (3, c.after)] {
            match s {
                Some(s) => ws.write_string_with_format(r, col, s.word(l), &st.status(s))?,
                None => ws.write_blank(r, col, &st.text)?,
            };
        }
        r += 1;
    }
    Ok(r + 1)
}

pub fn write(ws: &mut Worksheet, c: &Changes, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick("本周变化", "Changes"))?;
    let widths = [14.0, 30.0, 14.0, 14.0, 14.0, 14.0, 11.0, 11.0];
    super::print::setup(ws, None, super::print::columns_width_pt(widths), None);
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    ws.write_string_with_format(
        0,
        0,
        l.pick("本周变化", "What changed since last week"),
        &st.title,
    )?;
    ws.write_string_with_format(1, 0, l.pick("上周统计日期", "Last week's as-of"), &st.label)?;
    date(ws, 1, 1, c.previous_as_of, &st.date)?;
    if let (false, Some(days)) = (c.about_a_week(), c.days_since_previous) {
        // "Last week" would mislead: say how old the summary compared with is.
        let note = match l {
            crate::lang::Lang::Zh if days < 0 => format!(
                "注意：对比的汇总的统计日期比本次晚 {} 天（不是上周的汇总）",
                -days
            ),
            crate::lang::Lang::Zh => {
                format!(
                    "注意：对比的汇总是 {days} 天前的（不是上周的），下列变化是这 {days} 天的累计"
                )
            }
            crate::lang::Lang::En if days < 0 => format!(
                "note: the summary compared with is dated {} days after this one (not last week's)",
                -days
            ),
            crate::lang::Lang::En => format!(
                "note: the summary compared with is {days} days old (not last week's): the changes below add up those {days} days"
            ),
        };
        ws.write_string_with_format(1, 2, note, &st.note)?;
    }

    let mut r = 3;
    r = section(
        ws,
        r,
        l.pick("目标完成：上周与本周", "Goal completion, then and now"),
        &[
            l.pick("团队", "Team"),
            l.pick("目标", "Goal"),
            l.pick("目标值", "Target"),
            l.pick("上周实际", "Actual then"),
            l.pick("本周实际", "Actual now"),
            l.pick("本周增加", "Added"),
            l.pick("上周完成率", "Then"),
            l.pick("本周完成率", "Now"),
        ],
        st,
    )?;
    for g in &c.goals {
        text(ws, r, 0, Some(&g.team), &st.text)?;
        text(ws, r, 1, Some(&g.name), &st.text)?;
        amount(ws, r, 2, g.target, st)?;
        amount(ws, r, 3, g.before, st)?;
        amount(ws, r, 4, g.now, st)?;
        amount(ws, r, 5, g.added(), st)?;
        share(ws, r, 6, g.completion_before(), &st.pct)?;
        share(ws, r, 7, g.completion_now(), &st.pct)?;
        r += 1;
    }
    r += 1;
    r = status_rows(
        ws,
        r,
        l.pick("新逾期任务", "Newly overdue"),
        &c.newly_overdue,
        st,
    )?;
    r = status_rows(
        ws,
        r,
        l.pick("不再逾期", "No longer overdue"),
        &c.no_longer_overdue,
        st,
    )?;
    r = status_rows(
        ws,
        r,
        l.pick("本周完成", "Finished this week"),
        &c.finished,
        st,
    )?;
    r = status_rows(ws, r, l.pick("新增任务", "New tasks"), &c.new_tasks, st)?;
    r = status_rows(
        ws,
        r,
        l.pick("移除的任务", "Removed tasks"),
        &c.removed_tasks,
        st,
    )?;

    r = section(
        ws,
        r,
        l.pick("截止日期变动", "Due dates moved"),
        &[
            l.pick("团队", "Team"),
            l.pick("任务", "Task"),
            l.pick("原截止", "From"),
            l.pick("新截止", "To"),
            l.pick("推迟天数", "Days"),
        ],
        st,
    )?;
    if c.due_moves.is_empty() {
        r = none_row(ws, r, st)?;
    }
    for m in &c.due_moves {
        text(ws, r, 0, Some(&m.team), &st.text)?;
        text(ws, r, 1, Some(&m.name), &st.text)?;
        date(ws, r, 2, Some(m.from), &st.date)?;
        date(ws, r, 3, Some(m.to), &st.date)?;
        ws.write_number_with_format(r, 4, m.days() as f64, &st.int)?;
        r += 1;
    }
    r += 1;
    let title = match (c.baseline_set, l) {
        (Some(d), crate::lang::Lang::Zh) => format!("较基线延后（基线 {d} 设定，按工作日计）"),
        (Some(d), crate::lang::Lang::En) => {
            format!("Slips against the baseline (set {d}, in working days)")
        }
        (None, _) => l.pick("较基线延后", "Slips against the baseline").into(),
    };
    r = section(
        ws,
        r,
        &title,
        &[
            l.pick("团队", "Team"),
            l.pick("任务", "Task"),
            l.pick("基线完成", "Baseline due"),
            l.pick("当前完成", "Due now"),
            l.pick("延后工作日", "Working days"),
        ],
        st,
    )?;
    if c.baseline_slips.is_empty() {
        r = none_row(ws, r, st)?;
    }
    for m in &c.baseline_slips {
        text(ws, r, 0, Some(&m.team), &st.text)?;
        text(ws, r, 1, Some(&m.name), &st.text)?;
        date(ws, r, 2, Some(m.baseline), &st.date)?;
        date(ws, r, 3, Some(m.due), &st.date)?;
        ws.write_number_with_format(r, 4, m.working_days as f64, &st.int)?;
        r += 1;
    }
    r += 1;
    r = status_rows(
        ws,
        r,
        l.pick("全部状态变化", "All status changes"),
        &c.status_changes,
        st,
    )?;

    r = section(
        ws,
        r,
        l.pick("本周预算消耗", "Budget burn this week"),
        &[
            l.pick("团队", "Team"),
            l.pick("预算科目", "Budget line"),
            l.pick("预算", "Budget"),
            l.pick("上周已支出", "Spent then"),
            l.pick("本周已支出", "Spent now"),
            l.pick("本周支出", "This week"),
            l.pick("上周已用", "Used then"),
            l.pick("本周已用", "Used now"),
        ],
        st,
    )?;
    for b in &c.burn {
        text(ws, r, 0, Some(&b.team), &st.text)?;
        text(ws, r, 1, Some(&b.category), &st.text)?;
        money(ws, r, 2, b.budget, &st.money)?;
        money(ws, r, 3, Some(b.before), &st.money)?;
        money(ws, r, 4, Some(b.now), &st.money)?;
        money(ws, r, 5, Some(b.this_week()), &st.money)?;
        share(ws, r, 6, b.used_before(), &st.pct)?;
        share(ws, r, 7, b.used_now(), &st.pct)?;
        r += 1;
    }
    Ok(())
}

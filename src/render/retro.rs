//! The Retrospective sheet (复盘, the toolkit's template 3), drafted from the data: goal
//! completion as a sentence with its figures beside it, stages over and under target, tasks
//! finished late, budget lines over budget, the largest weekly shortfalls with their causes
//! and fixes. The rows a draft cannot write (highlights, shortcomings, improvements, lessons)
//! are left empty and filled lightly, so they read as cells to fill in.

use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use super::{Styles, amount, date, money, quantity, share, text, wrapped_row_height};
use crate::compute::Summary;
use crate::compute::goals::Verdict;
use crate::compute::retro::goal_sentence;
use crate::model::{NOTE_LABELS, RETRO_SHEET};

/// The input cells' fill: a light yellow, the usual "fill me in".
const INPUT_FILL: u32 = 0xFFF2CC;
/// Last column of the sheet (H).
const LAST: u16 = 7;
/// Column widths: team, the finding or name, four figures, cause, fix.
const WIDTHS: [f64; 8] = [14.0, 44.0, 14.0, 14.0, 11.0, 14.0, 36.0, 36.0];

pub fn write(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick(RETRO_SHEET.0, RETRO_SHEET.1))?;
    super::print_setup(ws, 0);
    ws.set_screen_gridlines(false);
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let wrap = st.text.clone().set_text_wrap();
    ws.write_string_with_format(
        0,
        0,
        l.pick("执行复盘报告（草稿）", "Execution retrospective (draft)"),
        &st.title,
    )?;
    ws.set_row_height(0, 26)?;
    let as_of = s.settings.as_of.format("%Y-%m-%d");
    let note = match l {
        crate::lang::Lang::Zh => {
            format!("由 plantrack 根据截至 {as_of} 的数据起草；黄色单元格请团队在复盘会上填写")
        }
        crate::lang::Lang::En => format!(
            "Drafted by plantrack from the data as of {as_of}; the team fills in the yellow cells at the review"
        ),
    };
    ws.write_string_with_format(1, 0, note, &st.subtitle)?;
    let rt = &s.retro;
    let none = l.pick("无", "none");
    let mut r = 3;

    // 1. Goal completion.
    r = section(
        ws,
        r,
        l.pick("一、目标达成", "1. Goal completion"),
        &[
            l.pick("团队", "Team"),
            l.pick("结论", "Finding"),
            l.pick("目标值", "Target"),
            l.pick("实际值", "Actual"),
            l.pick("完成率", "Completion"),
        ],
        st,
    )?;
    r = empty_note(ws, r, rt.goals.is_empty(), none, st)?;
    for g in rt.goals.iter().filter_map(|&i| s.goals.get(i)) {
        r += 1;
        text(ws, r, 0, Some(&g.team), &st.text)?;
        let sentence = goal_sentence(g, l);
        text(ws, r, 1, Some(&sentence), &wrap)?;
        if let Some(h) = wrapped_row_height(&[(&sentence, WIDTHS[1])]) {
            ws.set_row_height(r, h)?;
        }
        amount(ws, r, 2, g.target, st)?;
        amount(ws, r, 3, g.actual, st)?;
        share(ws, r, 4, g.completion(), &st.pct)?;
    }

    // 2. Stages over and under target.
    r = section(
        ws,
        r + 2,
        l.pick("二、阶段目标达成情况", "2. Stages over and under target"),
        &[
            l.pick("团队", "Team"),
            l.pick("阶段目标", "Stage"),
            l.pick("目标值", "Target"),
            l.pick("实际值", "Actual"),
            l.pick("完成率", "Completion"),
            l.pick("差额", "Actual − target"),
            l.pick("结果", "Result"),
        ],
        st,
    )?;
    let stages: Vec<usize> = rt
        .stages_over
        .iter()
        .chain(&rt.stages_under)
        .copied()
        .collect();
    r = empty_note(ws, r, stages.is_empty(), none, st)?;
    let over = st.status(crate::model::TaskStatus::Done);
    let under = st.status(crate::model::TaskStatus::Overdue);
    for g in stages.into_iter().filter_map(|i| s.goals.get(i)) {
        r += 1;
        text(ws, r, 0, Some(&g.team), &st.text)?;
        text(ws, r, 1, Some(&g.name), &st.text)?;
        amount(ws, r, 2, g.target, st)?;
        amount(ws, r, 3, g.actual, st)?;
        share(ws, r, 4, g.completion(), &st.pct)?;
        amount(ws, r, 5, g.actual_minus_target(), st)?;
        let (word, f) = match g.verdict() {
            Some(Verdict::Over) => (l.pick("超额完成", "Over target"), &over),
            Some(Verdict::Met) => (l.pick("达成", "Met"), &over),
            _ => (l.pick("未达成", "Under target"), &under),
        };
        text(ws, r, 6, Some(word), f)?;
    }

    // 3. Tasks finished late.
    r = section(
        ws,
        r + 2,
        l.pick("三、延期完成的任务", "3. Tasks finished late"),
        &[
            l.pick("团队", "Team"),
            l.pick("任务", "Task"),
            l.pick("负责人", "Owner"),
            l.pick("完成时间", "Due"),
            l.pick("实际完成", "Done on"),
            l.pick("延期天数", "Days late"),
        ],
        st,
    )?;
    r = empty_note(ws, r, rt.late.is_empty(), none, st)?;
    for task in s.tasks_at(&rt.late) {
        r += 1;
        let t = task.plan;
        text(ws, r, 0, Some(&t.team), &st.text)?;
        text(ws, r, 1, Some(&t.name), &st.text)?;
        text(ws, r, 2, t.owner.as_deref(), &st.text)?;
        date(ws, r, 3, t.due, &st.date)?;
        date(ws, r, 4, t.done_on, &st.date)?;
        ws.write_number_with_format(r, 5, task.view.days_late as f64, &st.int)?;
    }

    // 4. Budget lines over budget.
    r = section(
        ws,
        r + 2,
        l.pick("四、超支的预算科目", "4. Budget lines over budget"),
        &[
            l.pick("团队", "Team"),
            l.pick("预算科目", "Budget line"),
            l.pick("预算", "Budget"),
            l.pick("已支出", "Spent"),
            l.pick("已用比例", "Used"),
            l.pick("超支金额", "Over by"),
        ],
        st,
    )?;
    r = empty_note(ws, r, rt.over_budget.is_empty(), none, st)?;
    for c in rt.over_budget.iter().filter_map(|&i| s.costs.lines.get(i)) {
        r += 1;
        text(ws, r, 0, Some(&c.team), &st.text)?;
        text(ws, r, 1, Some(&c.category), &st.text)?;
        money(ws, r, 2, c.budget, &st.money)?;
        money(ws, r, 3, Some(c.spent), &st.money)?;
        share(ws, r, 4, c.share_used(), &st.pct)?;
        money(ws, r, 5, c.remaining().map(|x| -x), &st.money)?;
    }

    // 5. The largest weekly shortfalls.
    r = section(
        ws,
        r + 2,
        l.pick("五、偏差最大的周度任务", "5. Largest weekly shortfalls"),
        &[
            l.pick("团队", "Team"),
            l.pick("任务", "Task"),
            l.pick("周次", "Week"),
            l.pick("本周计划", "Plan"),
            l.pick("实际完成", "Actual"),
            l.pick("进度偏差", "Deviation"),
            l.pick("偏差原因分析", "Cause"),
            l.pick("解决措施", "Fix"),
        ],
        st,
    )?;
    r = empty_note(ws, r, rt.shortfalls.is_empty(), none, st)?;
    let behind = st.pct.clone().set_font_color(0x9C0006);
    let missing = wrap.clone().set_font_color(0x9C0006).set_italic();
    let unwritten = l.pick("（未填写）", "(not written)");
    for rec in rt.shortfalls.iter().filter_map(|&i| s.weekly_record(i)) {
        r += 1;
        let w = rec.row;
        text(ws, r, 0, Some(&w.team), &st.text)?;
        text(ws, r, 1, Some(&w.task), &st.text)?;
        text(ws, r, 2, w.week.as_deref(), &st.text)?;
        quantity(ws, r, 3, w.plan.as_ref(), st)?;
        quantity(ws, r, 4, w.actual.as_ref(), st)?;
        share(ws, r, 5, rec.view.deviation, &behind)?;
        for (c, v) in [(6, &w.cause), (7, &w.fix)] {
            match v {
                Some(v) => text(ws, r, c, Some(v), &wrap)?,
                None => text(ws, r, c, Some(unwritten), &missing)?,
            }
        }
        let cause = w.cause.as_deref().unwrap_or_default();
        let fix = w.fix.as_deref().unwrap_or_default();
        if let Some(h) = wrapped_row_height(&[(cause, WIDTHS[6]), (fix, WIDTHS[7])]) {
            ws.set_row_height(r, h)?;
        }
    }

    // 6. Metrics and delivery standards.
    let title = l.pick(
        "六、指标达成与交付标准",
        "6. Metrics and delivery standards",
    );
    r = super::metrics::retro_section(ws, r + 2, title, s, st, LAST)?;

    // 7. For people to fill in.
    r += 2;
    ws.write_string_with_format(
        r,
        0,
        l.pick(
            "七、团队总结（请填写）",
            "7. The team's review (to fill in)",
        ),
        &st.section,
    )?;
    for c in 1..=LAST {
        ws.write_blank(r, c, &st.section)?;
    }
    let input = Format::new()
        .set_font_name(st.font)
        .set_font_size(10)
        .set_background_color(INPUT_FILL)
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_border_color(0xD9D9D9);
    let label = st.label.clone().set_align(FormatAlign::Top);
    // What the team typed here before is carried forward (read::notes, cmd::keep).
    for (&(zh, en), note) in NOTE_LABELS.iter().zip(&s.notes.0) {
        r += 1;
        ws.write_string_with_format(r, 0, l.pick(zh, en), &label)?;
        let note = note.as_deref().unwrap_or_default();
        ws.merge_range(r, 1, r, LAST, note, &input)?;
        let lines = wrapped_row_height(&[(note, WIDTHS[1..].iter().sum())]);
        ws.set_row_height(r, lines.unwrap_or(0.0).max(54.0))?;
    }
    Ok(())
}

/// A section title at row `r` and its header row below; returns the header row.
fn section(
    ws: &mut Worksheet,
    r: u32,
    title: &str,
    headers: &[&str],
    st: &Styles,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(r, 0, title, &st.section)?;
    for c in 1..=LAST {
        ws.write_blank(r, c, &st.section)?;
    }
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(r + 1, c as u16, *h, &st.header)?;
    }
    Ok(r + 1)
}

/// "none" under an empty section's header; returns the last row written.
fn empty_note(
    ws: &mut Worksheet,
    r: u32,
    empty: bool,
    none: &str,
    st: &Styles,
) -> Result<u32, XlsxError> {
    if !empty {
        return Ok(r);
    }
    ws.write_string_with_format(r + 1, 0, none, &st.note)?;
    Ok(r + 1)
}

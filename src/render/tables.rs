//! The detail sheets: Goals (the rollup tree), Tasks, Weekly and Data problems. One row per
//! item, a frozen header with an autofilter, values as typed numbers and dates.

use rust_xlsxwriter::{Note, Worksheet, XlsxError};

use super::{Styles, amount, date, quantity, share, table_header, text};
use crate::compute::Summary;
use crate::compute::goals::NodeLevel;
use crate::lang::Lang;
use crate::messages::{problem_text, severity_word};
use crate::model::{Problem, Severity, TaskLength};

pub fn goals(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick("目标达成", "Goals"))?;
    let headers = [
        (l.pick("团队", "Team"), 14.0),
        (l.pick("层级", "Level"), 8.0),
        (l.pick("目标 / 任务", "Goal / task"), 40.0),
        (l.pick("目标值", "Target"), 16.0),
        (l.pick("实际值", "Actual"), 16.0),
        (l.pick("完成率", "Completion"), 11.0),
        (l.pick("拆解差额", "Decomposition gap"), 16.0),
        (l.pick("单位", "Unit"), 8.0),
    ];
    table_header(ws, 0, &headers, s.goals.len(), st)?;
    for (i, n) in s.goals.iter().enumerate() {
        let r = i as u32 + 1;
        let (level, name_fmt) = match n.level {
            NodeLevel::Goal => (l.pick("总目标", "Goal"), &st.goal),
            NodeLevel::Stage => (l.pick("阶段", "Stage"), &st.stage),
            NodeLevel::Task => (l.pick("任务", "Task"), &st.task),
        };
        // Amounts without a unit are money or counts alike: shown with separators; a unit
        // ("篇") is named in its own column.
        text(ws, r, 0, Some(&n.team), &st.text)?;
        text(ws, r, 1, Some(level), &st.text)?;
        text(ws, r, 2, Some(&n.name), name_fmt)?;
        amount(ws, r, 3, n.target, st)?;
        amount(ws, r, 4, n.actual, st)?;
        share(ws, r, 5, n.completion(), &st.pct)?;
        amount(ws, r, 6, n.gap, st)?;
        text(ws, r, 7, n.unit.as_deref(), &st.text)?;
    }
    Ok(())
}

pub fn tasks(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick("任务", "Tasks"))?;
    let headers = [
        (l.pick("团队", "Team"), 14.0),
        (l.pick("编号", "ID"), 7.0),
        (l.pick("阶段目标", "Stage"), 18.0),
        (l.pick("具体任务", "Task"), 30.0),
        (l.pick("负责人", "Owner"), 11.0),
        (l.pick("开始时间", "Start"), 11.0),
        (l.pick("完成时间", "Due"), 11.0),
        (l.pick("实际完成时间", "Done on"), 12.0),
        (l.pick("完成度", "Progress"), 9.0),
        (l.pick("时间进度", "Time elapsed"), 9.0),
        (l.pick("状态", "Status"), 10.0),
        (l.pick("逾期天数", "Days late"), 9.0),
        (l.pick("前置任务", "Predecessors"), 18.0),
        (l.pick("浮动（工作日）", "Float (working days)"), 9.0),
        (l.pick("关键路径", "Critical"), 8.0),
        (l.pick("依赖冲突", "Conflict"), 8.0),
        (l.pick("预测开始", "Forecast start"), 11.0),
        (l.pick("预测完成", "Forecast finish"), 11.0),
        (l.pick("预测逾期", "Forecast late"), 8.0),
        (l.pick("基线完成", "Baseline due"), 11.0),
        (l.pick("较基线延后（工作日）", "Slip (working days)"), 10.0),
        (l.pick("交付标准", "Deliverable"), 30.0),
        (l.pick("位置", "Source"), 16.0),
        (l.pick("标准核对", "Standard check"), 36.0),
    ];
    let yes = l.pick("是", "yes");
    let flag = st
        .text
        .clone()
        .set_align(rust_xlsxwriter::FormatAlign::Center);
    let warn = flag.clone().set_font_color(0x9C0006).set_bold();
    table_header(ws, 0, &headers, s.data.plan.len(), st)?;
    for (r, task) in (1..).zip(s.task_records()) {
        let (t, v, sched) = (task.plan, task.view, task.schedule);
        text(ws, r, 0, Some(&t.team), &st.text)?;
        text(ws, r, 1, t.id.as_deref(), &st.text)?;
        text(ws, r, 2, t.stage.as_deref(), &st.text)?;
        text(ws, r, 3, Some(&t.name), &st.text)?;
        text(ws, r, 4, t.owner.as_deref(), &st.text)?;
        date(ws, r, 5, t.start, &st.date)?;
        date(ws, r, 6, t.due, &st.date)?;
        if let Some(length) = &t.length {
            let note = Note::new(due_note(length, l)).add_author_prefix(false);
            ws.insert_note(r, 6, &note)?;
        }
        date(ws, r, 7, t.done_on, &st.date)?;
        share(ws, r, 8, t.progress, &st.pct)?;
        share(ws, r, 9, v.elapsed, &st.pct)?;
        ws.write_string_with_format(r, 10, v.status.word(l), &st.status(v.status))?;
        if v.days_late > 0 {
            ws.write_number_with_format(r, 11, v.days_late as f64, &st.int)?;
        } else {
            ws.write_blank(r, 11, &st.int)?;
        }
        let preds: Vec<&str> = (s.tasks_at(&sched.predecessors))
            .map(|p| p.plan.name.as_str())
            .collect();
        text(ws, r, 12, Some(&preds.join(l.pick("、", ", "))), &st.text)?;
        match sched.float_days {
            Some(f) => ws.write_number_with_format(r, 13, f as f64, &st.int)?,
            None => ws.write_blank(r, 13, &st.int)?,
        };
        text(ws, r, 14, sched.critical.then_some(yes), &flag)?;
        text(ws, r, 15, sched.conflict.then_some(yes), &warn)?;
        date(ws, r, 16, sched.forecast_start, &st.date)?;
        date(ws, r, 17, sched.forecast_finish, &st.date)?;
        text(ws, r, 18, sched.forecast_late.then_some(yes), &warn)?;
        date(ws, r, 19, s.baseline_due(task.index), &st.date)?;
        match s.baseline_slip(task.index) {
            Some(slip) => ws.write_number_with_format(r, 20, slip as f64, &st.int)?,
            None => ws.write_blank(r, 20, &st.int)?,
        };
        text(ws, r, 21, t.deliverable.as_deref(), &st.text)?;
        text(ws, r, 22, Some(&t.row.to_string()), &st.text)?;
        super::metrics::task_check(ws, r, 23, task, st)?;
    }
    Ok(())
}

/// The note on a due date derived from the start and a written duration.
fn due_note(length: &TaskLength, l: Lang) -> String {
    let written = &length.written;
    let mut s = match (length.working, l) {
        (true, Lang::Zh) => {
            format!("由开始时间加工期「{written}」算出：按工作日计（工作日历见概览）")
        }
        (true, Lang::En) => format!(
            "From the start and the duration \"{written}\", in working days (the Overview's working calendar)"
        ),
        (false, Lang::Zh) => format!("由开始时间加工期「{written}」算出：按自然日计"),
        (false, Lang::En) => {
            format!("From the start and the duration \"{written}\", in calendar days")
        }
    };
    if length.range {
        s.push_str(l.pick("；工期为范围，取上限", "; a range, its upper bound taken"));
    }
    s
}

pub fn weekly(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick("周度跟踪", "Weekly"))?;
    let headers = [
        (l.pick("团队", "Team"), 14.0),
        (l.pick("周次", "Week"), 9.0),
        (l.pick("任务名称", "Task"), 24.0),
        (l.pick("本周计划", "Planned"), 16.0),
        (l.pick("实际完成", "Actual"), 16.0),
        (l.pick("计划数", "Plan qty"), 9.0),
        (l.pick("实际数", "Actual qty"), 9.0),
        (l.pick("进度偏差", "Deviation"), 10.0),
        (l.pick("填写的偏差", "Stated"), 10.0),
        (l.pick("偏差原因分析", "Cause"), 24.0),
        (l.pick("解决措施", "Fix"), 24.0),
        (l.pick("责任人", "Owner"), 10.0),
        (l.pick("提示", "Flags"), 30.0),
    ];
    table_header(ws, 0, &headers, s.data.weekly.len(), st)?;
    let behind = st.pct.clone().set_font_color(0x9C0006);
    for (r, rec) in (1..).zip(s.weekly_records()) {
        let (w, v) = (rec.row, rec.view);
        text(ws, r, 0, Some(&w.team), &st.text)?;
        text(ws, r, 1, w.week.as_deref(), &st.text)?;
        text(ws, r, 2, Some(&w.task), &st.text)?;
        text(ws, r, 3, Some(&w.plan_text), &st.text)?;
        text(ws, r, 4, Some(&w.actual_text), &st.text)?;
        quantity(ws, r, 5, w.plan.as_ref(), st)?;
        quantity(ws, r, 6, w.actual.as_ref(), st)?;
        let fmt = if crate::compute::weekly::behind(v.deviation) {
            &behind
        } else {
            &st.pct
        };
        share(ws, r, 7, v.deviation, fmt)?;
        share(ws, r, 8, w.stated_deviation, &st.pct)?;
        text(ws, r, 9, w.cause.as_deref(), &st.text)?;
        text(ws, r, 10, w.fix.as_deref(), &st.text)?;
        text(ws, r, 11, w.owner.as_deref(), &st.text)?;
        let mut flags = Vec::new();
        match w.done {
            Some(true) => flags.push(l.pick(
                "已完成（无数量，按实际判断）",
                "done (no quantity: judged from the actual)",
            )),
            Some(false) => flags.push(l.pick(
                "未完成（无数量，按实际判断）",
                "not done (no quantity: judged from the actual)",
            )),
            None => {}
        }
        if v.behind_without_cause {
            flags.push(l.pick("落后但未写原因/措施", "behind, no cause/fix"));
        }
        if v.deviation_mismatch {
            flags.push(l.pick("填写的偏差与计算不符", "stated deviation differs"));
        }
        if v.unknown_task {
            flags.push(l.pick("计划中无此任务", "not in the plan"));
        }
        text(ws, r, 12, Some(&flags.join(l.pick("；", "; "))), &st.text)?;
    }
    Ok(())
}

pub fn problems(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    problem_list(ws, &s.problems, st)
}

/// The How read sheet: for each table of each workbook, how it was read (see
/// [`crate::explain`]), so a reviewer sees it without a terminal.
pub fn how_read(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick("读取说明", "How read"))?;
    let headers = [
        (l.pick("团队", "Team"), 14.0),
        (l.pick("表格", "Table"), 26.0),
        (l.pick("如何读取", "How it was read"), 110.0),
    ];
    let lines: Vec<(usize, String)> = s
        .data
        .tables
        .iter()
        .enumerate()
        .flat_map(|(i, t)| {
            crate::explain::table_lines(t, l, &s.calendar)
                .into_iter()
                .map(move |line| (i, line))
        })
        .collect();
    table_header(ws, 0, &headers, lines.len(), st)?;
    // Long explanation lines run past their column: a fixed readable scale, not "fit to
    // width", which shrank the sheet below 5 points.
    ws.set_print_scale(super::print::MIN_SCALE as u16);
    let mut last = None;
    for (r, (i, line)) in lines.iter().enumerate() {
        let r = r as u32 + 1;
        let t = &s.data.tables[*i];
        text(ws, r, 0, Some(&t.team), &st.text)?;
        let first = last != Some(*i);
        if first {
            text(ws, r, 1, Some(&crate::explain::range(t)), &st.text)?;
        }
        last = Some(*i);
        // The first line names the team and the place, which have their own columns here.
        let prefix = format!("[{}] {}", t.team, crate::explain::range(t));
        let line = line
            .strip_prefix(&prefix)
            .map_or(line.trim_start(), |rest| {
                rest.trim_start_matches(['：', ':', ' '])
            });
        ws.write_string_with_format(r, 2, line, &st.text)?;
    }
    if lines.is_empty() {
        ws.write_string_with_format(1, 0, l.pick("没有读取任何表格", "no tables read"), &st.note)?;
    }
    Ok(())
}

/// The Data problems sheet of any workbook: one row per problem, with its place.
pub fn problem_list(
    ws: &mut Worksheet,
    problems: &[Problem],
    st: &Styles,
) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick("数据问题", "Data problems"))?;
    let headers = [
        (l.pick("团队", "Team"), 14.0),
        (l.pick("位置", "Place"), 22.0),
        (l.pick("级别", "Severity"), 9.0),
        (l.pick("问题", "Problem"), 90.0),
    ];
    table_header(ws, 0, &headers, problems.len(), st)?;
    let error = st.text.clone().set_font_color(0x9C0006).set_bold();
    for (i, p) in problems.iter().enumerate() {
        let r = i as u32 + 1;
        text(ws, r, 0, Some(&p.team), &st.text)?;
        text(ws, r, 1, Some(&p.at.to_string()), &st.text)?;
        let sev_fmt = if p.severity == Severity::Error {
            &error
        } else {
            &st.text
        };
        ws.write_string_with_format(r, 2, severity_word(p.severity, l), sev_fmt)?;
        ws.write_string_with_format(r, 3, super::fit(&problem_text(&p.kind, l)), &st.text)?;
    }
    if problems.is_empty() {
        ws.write_string_with_format(
            1,
            0,
            l.pick("未发现数据问题", "no data problems found"),
            &st.note,
        )?;
    }
    Ok(())
}

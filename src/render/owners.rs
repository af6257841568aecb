//! The Owners sheet (负责人视图): one row per owner per team, so each person's open work,
//! overdue and at-risk tasks and next deadline are on one line. The counts are numbers (they
//! sum and sort); the task names beside them say which tasks, with days late.

use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use super::{Styles, capped_list, date, table_header, text, wrapped_row_height};
use crate::compute::Summary;
use crate::lang::Lang;
use crate::model::TaskStatus;

pub fn write(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick("负责人视图", "Owners"))?;
    let headers = [
        (l.pick("团队", "Team"), 14.0),
        (l.pick("负责人", "Owner"), 14.0),
        (l.pick("任务数", "Tasks"), 7.0),
        (l.pick("未完成", "Open"), 7.0),
        (l.pick("逾期", "Overdue"), 8.0),
        (l.pick("有风险", "At risk"), 7.0),
        (l.pick("最近截止", "Next due"), 11.0),
        (l.pick("最近截止的任务", "Next due task"), 24.0),
        (l.pick("逾期任务", "Overdue tasks"), 34.0),
        (l.pick("有风险的任务", "At-risk tasks"), 30.0),
    ];
    table_header(ws, 0, &headers, s.owners.len(), st)?;
    let flagged = |status: TaskStatus, n: usize| -> Format {
        if n > 0 {
            st.status(status).set_align(FormatAlign::Right)
        } else {
            st.int.clone()
        }
    };
    let past = st.date.clone().set_font_color(0x9C0006).set_bold();
    let nobody = st.text.clone().set_font_color(0x9C0006).set_italic();
    let wrap = st.text.clone().set_text_wrap();
    for (i, o) in s.owners.iter().enumerate() {
        let r = i as u32 + 1;
        text(ws, r, 0, Some(&o.team), &st.text)?;
        match &o.owner {
            Some(name) => text(ws, r, 1, Some(name), &st.text)?,
            None => text(ws, r, 1, Some(l.pick("（未指定）", "(no owner)")), &nobody)?,
        }
        ws.write_number_with_format(r, 2, o.tasks as f64, &st.int)?;
        ws.write_number_with_format(r, 3, o.open as f64, &st.int)?;
        let n = o.overdue.len();
        ws.write_number_with_format(r, 4, n as f64, &flagged(TaskStatus::Overdue, n))?;
        let n = o.at_risk.len();
        ws.write_number_with_format(r, 5, n as f64, &flagged(TaskStatus::AtRisk, n))?;
        let next = o.next_due.map(|(d, _)| d);
        let fmt = if o.next_due_passed(s.settings.as_of) {
            &past
        } else {
            &st.date
        };
        date(ws, r, 6, next, fmt)?;
        let next_task = (o.next_due.and_then(|(_, t)| s.task(t))).map(|t| t.plan.name.as_str());
        text(ws, r, 7, next_task, &st.text)?;
        let overdue: Vec<String> = (s.tasks_at(&o.overdue))
            .map(|t| late_name(&t.plan.name, t.view.days_late, l))
            .collect();
        let overdue = capped_list(&overdue, l.pick("、", "; "), l);
        text(ws, r, 8, Some(&overdue), &wrap)?;
        let at_risk: Vec<&str> = (s.tasks_at(&o.at_risk))
            .map(|t| t.plan.name.as_str())
            .collect();
        let at_risk = capped_list(&at_risk, l.pick("、", "; "), l);
        text(ws, r, 9, Some(&at_risk), &wrap)?;
        if let Some(h) = wrapped_row_height(&[(&overdue, headers[8].1), (&at_risk, headers[9].1)]) {
            ws.set_row_height(r, h)?;
        }
    }
    if s.owners.is_empty() {
        ws.write_string_with_format(1, 0, l.pick("计划中没有任务", "no plan tasks"), &st.note)?;
    }
    Ok(())
}

/// "门店促销物料设计（逾期6天）", "In-store display kits (8 days late)".
fn late_name(name: &str, days: i64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}（逾期{days}天）"),
        Lang::En if days == 1 => format!("{name} (1 day late)"),
        Lang::En => format!("{name} ({days} days late)"),
    }
}

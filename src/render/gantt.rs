//! The Gantt sheet, drawn with plain cell fills so it renders the same in Excel, WPS and
//! LibreOffice, and printed at a readable size.
//!
//! Left: the goal > stage > task outline (grouped, the collapse button on the summary row
//! above its details), owner, dates, progress and status, frozen. Right: one column per day
//! while the days fit one printed page width at a readable size ([`columns_per_page`]), per
//! week beyond, under month headers; a wider timeline runs on to further pages with the
//! title rows and the outline repeated instead of shrinking. Bars run from start to due in
//! the status colour, the done share darker; an overdue bar runs on in red to the as-of
//! date; a one-day task is a milestone, a purple mark with its name; a task finished late
//! says by how many days; goals and stages carry summary bars. The as-of column is outlined
//! in red through the whole timeline. On the daily scale the days off of the working
//! calendar (weekends, public holidays, the team's own days) are shaded, and lighter inside
//! a bar; make-up working days (调休上班) are not; each holiday's name is written in the
//! title row above its first day and in a note on its day cells. On the weekly scale a week
//! with a holiday has a pale blue heading, the holiday's name above the week it begins in,
//! and a note with its whole run, the weekdays the week loses and any make-up day (computed
//! by `Calendar::week_marks`). From the second week of a baseline, an orange underline under
//! each task's bar shows its baseline dates.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Note, Worksheet, XlsxError};

use super::styles::status_colors;
use super::{Styles, date, print, share, text};
use crate::compute::calendar::WeekMarks;
use crate::compute::goals::{GoalNode, NodeLevel};
use crate::compute::{Summary, TaskRecord};
use crate::lang::Lang;
use crate::model::TaskStatus;

/// The outline block's column widths: goal / stage / task, owner, start, due, progress,
/// status.
const LEFT_WIDTHS: [f64; 6] = [34.0, 10.0, 10.0, 10.0, 7.0, 8.0];
/// Timeline column widths, daily and weekly.
const DAY_WIDTH: f64 = 2.6;
const WEEK_WIDTH: f64 = 5.5;
/// Milestones stand out in their own colour.
const MILESTONE: u32 = 0x7030A0;
/// Tasks finished after their due date are marked in this red.
const LATE: u32 = 0xC00000;

/// How many timeline columns of `width` fit beside the outline on one landscape page at the
/// smallest readable print scale.
pub fn columns_per_page(width: f64) -> i64 {
    let page = print::LANDSCAPE_WIDTH_PT * 100.0 / print::MIN_SCALE;
    let left = print::columns_width_pt(LEFT_WIDTHS);
    ((page - left) / print::columns_width_pt([width])).floor() as i64
}
/// First timeline column (after the outline, owner, start, due, progress, status).
const FIRST: u16 = 6;
/// Rows above the first item: title, as-of label, month, week and day headers.
const HEADER_ROWS: u32 = 5;
/// Excel's last column index is 16383; the weekly scale keeps far inside it, and a plan
/// longer than this many timeline columns is cut at the right edge.
const MAX_TIMELINE_COLUMNS: i64 = 16_000;

const SUMMARY_STAGE: u32 = 0x8497B0;
const SUMMARY_GOAL: u32 = 0x44546A;
const WEEKEND: u32 = 0xF2F2F2;
/// The heading of a day off (daily scale) or of a week with a holiday (weekly scale).
const DAY_OFF_HEADING: u32 = 0x8EA9DB;
const AS_OF: u32 = 0xC00000;
const BASELINE: u32 = 0xED7D31;

/// The time axis: first day shown and days per column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub first: NaiveDate,
    pub days_per_column: i64,
    pub columns: i64,
}

impl Scale {
    /// Chooses the scale for a plan spanning `first..=last` (as-of included by the caller).
    /// Days while they fit one printed page width at a readable size, else weeks (which
    /// run on to further page widths, the outline repeated, when they do not fit either).
    pub fn for_span(first: NaiveDate, last: NaiveDate) -> Scale {
        let days = (last - first).num_days() + 1;
        if days <= columns_per_page(DAY_WIDTH) {
            Scale {
                first,
                days_per_column: 1,
                columns: days,
            }
        } else {
            let monday = first - Duration::days(first.weekday().num_days_from_monday() as i64);
            let weeks = ((last - monday).num_days() / 7 + 1).min(MAX_TIMELINE_COLUMNS);
            Scale {
                first: monday,
                days_per_column: 7,
                columns: weeks,
            }
        }
    }

    /// Timeline column index of a date (may be outside 0..columns).
    pub fn column(&self, d: NaiveDate) -> i64 {
        (d - self.first).num_days().div_euclid(self.days_per_column)
    }

    pub fn day_of(&self, column: i64) -> NaiveDate {
        self.first + Duration::days(column * self.days_per_column)
    }

    fn daily(&self) -> bool {
        self.days_per_column == 1
    }
}

/// What a timeline cell shows; the key of the format cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct CellLook {
    fill: Option<u32>,
    as_of: bool,
    milestone: Option<u32>,
    critical: bool,
    baseline: bool,
}

struct Looks<'a> {
    base: &'a Format,
    cache: HashMap<CellLook, Format>,
    /// Per timeline column, true for a day off (daily scale only).
    off: Vec<bool>,
}

impl Looks<'_> {
    fn get(&mut self, look: CellLook) -> &Format {
        let base = self.base;
        self.cache.entry(look).or_insert_with(|| {
            let mut f = base.clone().set_align(FormatAlign::Center);
            if let Some(c) = look.fill {
                f = f.set_background_color(c);
            }
            if let Some(c) = look.milestone {
                f = f.set_font_color(c).set_bold();
            }
            if look.critical {
                f = f
                    .set_border_top(FormatBorder::Medium)
                    .set_border_bottom(FormatBorder::Medium)
                    .set_border_top_color(Color::Black)
                    .set_border_bottom_color(Color::Black);
            }
            if look.baseline {
                f = f
                    .set_border_bottom(FormatBorder::Thick)
                    .set_border_bottom_color(BASELINE);
            }
            if look.as_of {
                f = f
                    .set_border_left(FormatBorder::Medium)
                    .set_border_right(FormatBorder::Medium)
                    .set_border_left_color(AS_OF)
                    .set_border_right_color(AS_OF);
            }
            f
        })
    }
}

/// Lighter shade of a bar colour, for the days off a bar runs across.
fn lighter(c: u32) -> u32 {
    let ch = |shift: u32| ((((c >> shift) & 0xFF) + 2 * 0xFF) / 3) << shift;
    ch(16) | ch(8) | ch(0)
}

/// Darker shade of a bar colour, for the done share.
fn darker(c: u32) -> u32 {
    let ch = |shift: u32| (((c >> shift) & 0xFF) * 3 / 5) << shift;
    ch(16) | ch(8) | ch(0)
}

/// A bar to draw on one row.
struct Bar {
    start: NaiveDate,
    end: NaiveDate,
    color: u32,
    /// Last day drawn in the darker, done shade.
    done_until: Option<NaiveDate>,
    /// Red run after the due date up to as-of (overdue).
    overdue_until: Option<NaiveDate>,
    milestone: bool,
    critical: bool,
    /// Written just after the bar: a milestone's name, or the days a done task was late.
    label: Option<(String, u32)>,
    /// The baseline's start and due, drawn as an underline.
    baseline: Option<(NaiveDate, NaiveDate)>,
}

fn task_bar(s: &Summary, task: TaskRecord, l: Lang) -> Option<Bar> {
    let t = task.plan;
    let status = task.status();
    let due = t.due?;
    let start = t.start.filter(|d| *d <= due).unwrap_or(due);
    let (_, _, color) = status_colors(status);
    let span = (due - start).num_days() + 1;
    let done_until = match status {
        TaskStatus::Done => Some(due),
        _ => t.progress.filter(|p| *p > 0.0).map(|p| {
            let days = ((span as f64) * p.min(1.0)).round() as i64;
            start + Duration::days(days - 1)
        }),
    };
    let overdue_until = (status == TaskStatus::Overdue).then_some(s.settings.as_of);
    let label = if let Some(late) = task.view.finished_late() {
        let text = match l {
            Lang::Zh => format!("晚{late}天完成"),
            Lang::En => format!("done {late}d late"),
        };
        Some((text, LATE))
    } else if start == due {
        Some((t.name.clone(), MILESTONE))
    } else {
        None
    };
    let baseline = s.baseline_shown(task.index);
    Some(Bar {
        start,
        end: due,
        color,
        done_until: done_until.filter(|d| *d >= start),
        overdue_until,
        milestone: start == due,
        critical: task.schedule.critical,
        label,
        baseline,
    })
}

/// The span of a goal's or stage's tasks.
fn summary_bar(s: &Summary, tasks: &[usize], color: u32) -> Option<Bar> {
    let starts = s
        .tasks_at(tasks)
        .filter_map(|t| t.plan.start.or(t.plan.due));
    let dues = s.tasks_at(tasks).filter_map(|t| t.plan.due);
    let (start, end) = (starts.min()?, dues.max()?);
    Some(Bar {
        start: start.min(end),
        end,
        color,
        done_until: None,
        overdue_until: None,
        milestone: false,
        critical: false,
        label: None,
        baseline: None,
    })
}

/// Writes the Gantt; critical-path tasks get a bold outline on their bar.
pub fn write(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    let as_of = s.settings.as_of;
    ws.set_name(l.pick("甘特图", "Gantt"))?;
    let dates = s
        .data
        .plan
        .iter()
        .flat_map(|t| [t.start, t.due, t.done_on])
        .flatten()
        .chain([as_of]);
    let (first, last) = dates.fold((as_of, as_of), |(a, b), d| (a.min(d), b.max(d)));
    let scale = Scale::for_span(first, last);

    // Left block.
    let widths = LEFT_WIDTHS;
    let heads = [
        l.pick("目标 / 阶段 / 任务", "Goal / stage / task"),
        l.pick("负责人", "Owner"),
        l.pick("开始", "Start"),
        l.pick("截止", "Due"),
        l.pick("进度", "Progress"),
        l.pick("状态", "Status"),
    ];
    for (c, (h, w)) in heads.iter().zip(widths).enumerate() {
        ws.set_column_width(c as u16, w)?;
        ws.write_string_with_format(HEADER_ROWS - 1, c as u16, *h, &st.header)?;
        ws.write_blank(HEADER_ROWS - 2, c as u16, &st.header)?;
        ws.write_blank(HEADER_ROWS - 3, c as u16, &st.header)?;
    }
    let title = format!(
        "{} · {} {}",
        l.pick("执行甘特图", "Execution Gantt chart"),
        l.pick("统计日期", "as of"),
        as_of.format("%Y-%m-%d")
    );
    ws.write_string_with_format(0, 0, &title, &st.title)?;
    ws.set_row_height(0, 24)?;

    timeline_header(ws, &scale, s, st)?;

    // Rows: the goal tree, depth-first.
    let mut looks = Looks {
        base: &st.base,
        cache: HashMap::new(),
        off: (0..scale.columns)
            .map(|c| scale.daily() && !s.calendar.is_working(scale.day_of(c)))
            .collect(),
    };
    let teams = s.data.teams.len() > 1;
    let mut r = HEADER_ROWS;
    let mut groups: Vec<(u32, u32)> = Vec::new();
    let mut open_goal: Option<u32> = None;
    let mut open_stage: Option<u32> = None;
    let nodes = &s.goals;
    for (k, n) in nodes.iter().enumerate() {
        let children = tasks_under(nodes, k);
        match n.level {
            NodeLevel::Goal => {
                close_group(&mut groups, &mut open_stage, r);
                close_group(&mut groups, &mut open_goal, r);
                open_goal = Some(r);
                let name = if teams {
                    format!("{} · {}", n.team, n.name)
                } else {
                    n.name.clone()
                };
                ws.write_string_with_format(r, 0, super::fit(&name), &st.goal)?;
                for c in 1..FIRST {
                    ws.write_blank(r, c, &st.goal)?;
                }
                let bar = summary_bar(s, &children, SUMMARY_GOAL);
                draw(ws, r, &scale, as_of, bar.as_ref(), &mut looks)?;
            }
            NodeLevel::Stage => {
                close_group(&mut groups, &mut open_stage, r);
                open_stage = Some(r);
                ws.write_string_with_format(r, 0, super::fit(&n.name), &st.stage)?;
                for c in 1..FIRST {
                    ws.write_blank(r, c, &st.stage)?;
                }
                let bar = summary_bar(s, &children, SUMMARY_STAGE);
                draw(ws, r, &scale, as_of, bar.as_ref(), &mut looks)?;
            }
            NodeLevel::Task => {
                let Some(task) = n.task.and_then(|i| s.task(i)) else {
                    continue;
                };
                let (t, status) = (task.plan, task.status());
                let milestone = t.start.is_some_and(|a| Some(a) == t.due);
                let name_format = if milestone {
                    st.task.clone().set_font_color(MILESTONE).set_bold()
                } else {
                    st.task.clone()
                };
                ws.write_string_with_format(r, 0, super::fit(&t.name), &name_format)?;
                text(ws, r, 1, t.owner.as_deref(), &st.text)?;
                date(ws, r, 2, t.start, &st.date)?;
                date(ws, r, 3, t.due, &st.date)?;
                share(ws, r, 4, t.progress, &st.pct)?;
                ws.write_string_with_format(r, 5, status.word(l), &st.status(status))?;
                let bar = task_bar(s, task, l);
                draw(ws, r, &scale, as_of, bar.as_ref(), &mut looks)?;
            }
        }
        r += 1;
    }
    close_group(&mut groups, &mut open_stage, r);
    close_group(&mut groups, &mut open_goal, r);
    for (a, b) in groups {
        ws.group_rows(a, b)?;
    }
    // A goal's or stage's collapse button on its own row, above its details.
    ws.group_symbols_above(true);
    legend(ws, r + 1, st)?;

    ws.set_freeze_panes(HEADER_ROWS, FIRST)?;
    // Printed at a readable size: fitted to the page width when it keeps that size, else
    // running on to more page widths with the title rows and the outline repeated.
    let col_width = if scale.daily() { DAY_WIDTH } else { WEEK_WIDTH };
    let width = print::columns_width_pt(LEFT_WIDTHS)
        + print::columns_width_pt([col_width]) * scale.columns as f64;
    let titles = Some((HEADER_ROWS - 3, HEADER_ROWS - 1));
    print::setup(ws, titles, width, Some((0, FIRST - 1)));
    ws.set_header(format!("&C&\"-,Bold\"{}", title.replace('&', "&&")));
    Ok(())
}

/// Indices of the plan tasks under node `k` (itself for a task).
fn tasks_under(nodes: &[GoalNode], k: usize) -> Vec<usize> {
    let level = nodes[k].level;
    if level == NodeLevel::Task {
        return nodes[k].task.into_iter().collect();
    }
    nodes[k + 1..]
        .iter()
        .take_while(|n| n.level > level)
        .filter_map(|n| n.task)
        .collect()
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Ends an open outline group at the row before `next` (groups exclude their heading row).
fn close_group(groups: &mut Vec<(u32, u32)>, open: &mut Option<u32>, next: u32) {
    if let Some(head) = open.take()
        && next > head + 1
    {
        groups.push((head + 1, next - 1));
    }
}

fn timeline_header(
    ws: &mut Worksheet,
    scale: &Scale,
    s: &Summary,
    st: &Styles,
) -> Result<(), XlsxError> {
    let l = st.lang;
    let as_of = s.settings.as_of;
    let cal = &s.calendar;
    let name_fmt = st
        .base
        .clone()
        .set_font_size(8)
        .set_font_color(0x595959)
        .set_align(FormatAlign::Bottom);
    let month_row = HEADER_ROWS - 3;
    let week_row = HEADER_ROWS - 2;
    let day_row = HEADER_ROWS - 1;
    let width = if scale.daily() { DAY_WIDTH } else { WEEK_WIDTH };
    let day_fmt = st.header.clone().set_align(FormatAlign::Center);
    let weekend_fmt = day_fmt.clone().set_background_color(DAY_OFF_HEADING);
    let as_of_fmt = day_fmt.clone().set_background_color(AS_OF);
    let as_of_col = scale.column(as_of);
    let mut month_start: Option<(i64, NaiveDate)> = None;
    let mut week_start: Option<(i64, u32)> = None;
    for c in 0..scale.columns {
        let col = FIRST + c as u16;
        ws.set_column_width(col, width)?;
        let day = scale.day_of(c);
        // A week's holidays and make-up days (weekly scale only; a day says its own below).
        let marks = if scale.daily() {
            WeekMarks::default()
        } else {
            cal.week_marks(day, day + Duration::days(scale.days_per_column - 1))
        };
        let fmt = if c == as_of_col {
            &as_of_fmt
        } else if scale.daily() && !cal.is_working(day) || !marks.holidays.is_empty() {
            &weekend_fmt
        } else {
            &day_fmt
        };
        if scale.daily() {
            ws.write_number_with_format(day_row, col, day.day() as f64, fmt)?;
            // Holidays and make-up days: the name in the title row above the first day of
            // each run (the row below is the as-of label's), and a note on every such day.
            if let Some(sp) = cal.special(day).filter(|sp| sp.working || !is_weekend(day)) {
                let kind = if sp.working {
                    l.pick("调休上班", "make-up working day")
                } else {
                    l.pick("休息", "day off")
                };
                let note = if sp.name.is_empty() {
                    kind.to_string()
                } else {
                    format!("{} · {kind}", sp.name)
                };
                ws.insert_note(day_row, col, &Note::new(note).add_author_prefix(false))?;
                let previous = day.pred_opt().and_then(|p| cal.special(p));
                let first_of_run =
                    c == 0 || previous.is_none_or(|p| p.name != sp.name || p.working != sp.working);
                if first_of_run {
                    let label = if sp.working {
                        l.pick("班", "work").to_string()
                    } else {
                        sp.name.clone()
                    };
                    ws.write_string_with_format(0, col, label, &name_fmt)?;
                }
            }
        } else {
            ws.write_string_with_format(day_row, col, day.format("%m/%d").to_string(), fmt)?;
            week_marks(ws, (day_row, col), c == 0, day, &marks, l, &name_fmt)?;
        }
        // Week header: ISO week numbers, merged over the days of each week.
        let week = day.iso_week().week();
        match week_start {
            Some((_, w)) if w == week => {}
            _ => {
                if let Some((from, w)) = week_start {
                    span_cell(ws, week_row, from, c - 1, &format!("W{w}"), st)?;
                }
                week_start = Some((c, week));
            }
        }
        // Month header: merge the columns of each month.
        let key = day.with_day(1).unwrap_or(day);
        match month_start {
            Some((_, m)) if m == key => {}
            _ => {
                if let Some((from, m)) = month_start {
                    month_cell(ws, month_row, from, c - 1, m, st)?;
                }
                month_start = Some((c, key));
            }
        }
    }
    if let Some((from, m)) = month_start {
        month_cell(ws, month_row, from, scale.columns - 1, m, st)?;
    }
    if let Some((from, w)) = week_start {
        span_cell(ws, week_row, from, scale.columns - 1, &format!("W{w}"), st)?;
    }
    // The as-of date written above its column.
    if (0..scale.columns).contains(&as_of_col) {
        let f = st.base.clone().set_font_color(AS_OF).set_bold();
        let label = format!("▼ {} {}", l.pick("统计日", "as of"), as_of.format("%m-%d"));
        ws.write_string_with_format(1, FIRST + as_of_col as u16, label, &f)?;
    }
    Ok(())
}

/// On the weekly scale, a week with holidays or make-up days: a note on its heading with
/// each holiday's whole run and the weekdays this week loses ("国庆节 10/01-10/07 · 休息，
/// 本周 2 天"), and each holiday's name in the title row above the week it begins in (or
/// the first column, for one begun before the chart).
fn week_marks(
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    first_column: bool,
    monday: NaiveDate,
    marks: &WeekMarks,
    l: Lang,
    name_fmt: &Format,
) -> Result<(), XlsxError> {
    let named = |name: &str| {
        if name.is_empty() {
            l.pick("休息日", "day off").to_string()
        } else {
            name.to_string()
        }
    };
    let mut lines = Vec::new();
    let mut labels = Vec::new();
    for h in &marks.holidays {
        let days = match l {
            Lang::Zh => format!("休息，本周 {} 天", h.days_off),
            Lang::En => match h.days_off {
                1 => "off, 1 weekday this week".to_string(),
                n => format!("off, {n} weekdays this week"),
            },
        };
        lines.push(format!(
            "{} {}-{} · {days}",
            named(&h.name),
            h.first.format("%m/%d"),
            h.last.format("%m/%d")
        ));
        if first_column || h.first >= monday {
            labels.push(named(&h.name));
        }
    }
    for (d, name) in &marks.makeup {
        let kind = l.pick("调休上班", "make-up working day");
        let day = d.format("%m/%d");
        lines.push(if name.is_empty() {
            format!("{day} · {kind}")
        } else {
            format!("{day} · {kind}（{name}）")
        });
    }
    if !lines.is_empty() {
        ws.insert_note(
            row,
            col,
            &Note::new(lines.join("\n")).add_author_prefix(false),
        )?;
    }
    if !labels.is_empty() {
        ws.write_string_with_format(0, col, labels.join(l.pick("、", ", ")), name_fmt)?;
    }
    Ok(())
}

fn month_cell(
    ws: &mut Worksheet,
    row: u32,
    from: i64,
    to: i64,
    month: NaiveDate,
    st: &Styles,
) -> Result<(), XlsxError> {
    let label = match st.lang {
        crate::lang::Lang::Zh => month.format("%Y年%-m月").to_string(),
        crate::lang::Lang::En => month.format("%b %Y").to_string(),
    };
    span_cell(ws, row, from, to, &label, st)
}

/// A header label over timeline columns `from..=to`, merged when it spans several.
fn span_cell(
    ws: &mut Worksheet,
    row: u32,
    from: i64,
    to: i64,
    label: &str,
    st: &Styles,
) -> Result<(), XlsxError> {
    let (a, b) = (FIRST + from as u16, FIRST + to as u16);
    let f = st
        .header
        .clone()
        .set_align(FormatAlign::Center)
        .set_font_size(8);
    if b > a {
        ws.merge_range(row, a, row, b, label, &f)?;
    } else {
        ws.write_string_with_format(row, a, label, &f)?;
    }
    Ok(())
}

/// The legend, below the chart: a swatch in the owner column beside each meaning.
fn legend(ws: &mut Worksheet, first_row: u32, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    let swatch = |c: u32| st.base.clone().set_background_color(c);
    let mut items: Vec<(String, Format, &str)> = TaskStatus::ALL
        .iter()
        .filter(|s| **s != TaskStatus::Cancelled)
        .map(|s| (s.word(l).to_string(), swatch(status_colors(*s).2), ""))
        .collect();
    let more = [
        (
            l.pick("深色部分：已完成的进度", "darker part: progress done"),
            swatch(darker(0x5B9BD5)),
            "",
        ),
        (
            l.pick(
                "红色延伸：逾期至统计日",
                "red run: overdue up to the as-of date",
            ),
            swatch(0xFF0000),
            "",
        ),
        (
            l.pick("里程碑（开始=截止）", "milestone (start = due)"),
            st.base
                .clone()
                .set_font_color(MILESTONE)
                .set_bold()
                .set_align(FormatAlign::Center),
            "◆",
        ),
        (
            l.pick("粗框：关键路径", "bold outline: critical path"),
            st.base
                .clone()
                .set_border_top(FormatBorder::Medium)
                .set_border_bottom(FormatBorder::Medium),
            "",
        ),
        (
            l.pick("红色竖框：统计日", "red column: the as-of date"),
            st.base
                .clone()
                .set_border_left(FormatBorder::Medium)
                .set_border_right(FormatBorder::Medium)
                .set_border_left_color(AS_OF)
                .set_border_right_color(AS_OF),
            "",
        ),
        (
            l.pick(
                "灰色/浅色：休息日（周末、节假日）",
                "grey or paler: days off (weekends, holidays)",
            ),
            swatch(WEEKEND),
            "",
        ),
        (
            l.pick(
                "浅蓝表头：休息日或节假日所在周",
                "pale blue heading: day off, holiday week",
            ),
            st.header.clone().set_background_color(DAY_OFF_HEADING),
            "",
        ),
        (
            l.pick(
                "橙色底线：基线（最初计划）",
                "orange underline: the baseline",
            ),
            st.base
                .clone()
                .set_border_bottom(FormatBorder::Thick)
                .set_border_bottom_color(BASELINE),
            "",
        ),
        (
            l.pick("阶段汇总条", "stage summary bar"),
            swatch(SUMMARY_STAGE),
            "",
        ),
        (
            l.pick("总目标汇总条", "goal summary bar"),
            swatch(SUMMARY_GOAL),
            "",
        ),
    ];
    items.extend(more.into_iter().map(|(a, b, c)| (a.to_string(), b, c)));
    ws.write_string_with_format(first_row, 0, l.pick("图例", "Legend"), &st.section)?;
    for (k, (label, fmt, mark)) in items.iter().enumerate() {
        let r = first_row + 1 + k as u32;
        ws.write_string_with_format(r, 0, label, &st.subtitle)?;
        ws.write_string_with_format(r, 1, *mark, fmt)?;
    }
    Ok(())
}

fn draw(
    ws: &mut Worksheet,
    row: u32,
    scale: &Scale,
    as_of: NaiveDate,
    bar: Option<&Bar>,
    looks: &mut Looks<'_>,
) -> Result<(), XlsxError> {
    let as_of_col = scale.column(as_of);
    for c in 0..scale.columns {
        let day = scale.day_of(c);
        let last_day = day + Duration::days(scale.days_per_column - 1);
        let mut look = CellLook {
            fill: None,
            as_of: c == as_of_col,
            milestone: None,
            critical: false,
            baseline: false,
        };
        let off = looks.off.get(c as usize).copied().unwrap_or(false);
        if off {
            look.fill = Some(WEEKEND);
        }
        look.baseline = bar
            .and_then(|b| b.baseline)
            .is_some_and(|(from, to)| last_day >= from && day <= to);
        let mut mark = "";
        if let Some(b) = bar {
            let covers = last_day >= b.start && day <= b.end;
            if b.milestone && covers {
                look.milestone = Some(MILESTONE);
                look.fill = None;
                mark = "◆";
            } else if covers {
                let done = b.done_until.is_some_and(|d| day <= d);
                let color = if done { darker(b.color) } else { b.color };
                look.fill = Some(if off { lighter(color) } else { color });
                look.critical = b.critical;
            } else if b.overdue_until.is_some_and(|u| day > b.end && day <= u)
                || (b.overdue_until.is_some() && last_day > b.end && day <= b.end)
            {
                look.fill = Some(0xFF0000);
            }
        }
        let f = looks.get(look);
        let col = FIRST + c as u16;
        if mark.is_empty() {
            ws.write_blank(row, col, f)?;
        } else {
            ws.write_string_with_format(row, col, mark, f)?;
        }
    }
    // The label just after the bar (or the overdue run), overflowing into the empty days.
    if let Some(b) = bar
        && let Some((label, color)) = &b.label
    {
        let c = scale.column(b.end) + 1;
        if (0..scale.columns).contains(&c) {
            let f = looks
                .base
                .clone()
                .set_font_color(*color)
                .set_bold()
                .set_font_size(9);
            ws.write_string_with_format(row, FIRST + c as u16, label, &f)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn short_plans_are_daily_long_ones_weekly_and_fit_excel() {
        // About five weeks of days fit a landscape page at 70%; the sample's 50 days do not.
        let per_page = columns_per_page(DAY_WIDTH);
        assert!((30..=40).contains(&per_page), "{per_page}");
        let s = Scale::for_span(d("2026-11-01"), d("2026-11-30"));
        assert_eq!((s.days_per_column, s.columns), (1, 30));
        let s = Scale::for_span(d("2026-11-01"), d("2026-12-20"));
        assert_eq!((s.days_per_column, s.first), (7, d("2026-10-26")));
        let s = Scale::for_span(d("2026-01-01"), d("2027-12-31"));
        assert_eq!(s.days_per_column, 7);
        assert_eq!(s.first, d("2025-12-29"));
        assert!(s.columns <= 106);
        let s = Scale::for_span(d("1900-01-01"), d("9999-12-31"));
        assert!(FIRST as i64 + s.columns <= 16_384);
        assert_eq!(s.column(d("2026-01-05")) - s.column(d("2026-01-04")), 1);
    }

    #[test]
    fn darker_shades_each_channel() {
        assert_eq!(darker(0xFFFFFF), 0x999999);
        assert_eq!(darker(0x000000), 0);
    }
}

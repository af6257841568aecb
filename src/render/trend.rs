//! The Trend sheet (周趋势): per team the week's totals in task-weeks with cumulative plan
//! against cumulative actual and a native line chart of the two, then every weekly row task by
//! task, week by week. How the totals are made (see `compute::trend`) is written on the sheet,
//! because a manager reading "cumulative actual 6.17" must know what it counts.

use rust_xlsxwriter::{
    Chart, ChartFont, ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType, ChartType,
    Format, Worksheet, XlsxError,
};

use super::{Styles, date, quantity, share, text};
use crate::compute::Summary;
use crate::compute::trend::WeekTotal;

/// Where the charts go: right of the tables.
const CHART_COLUMN: u16 = 10;
/// Rows each chart takes (at the default 20 px row height), with a gap.
const CHART_ROWS: u32 = 16;

pub fn write(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick("周趋势", "Trend"))?;
    let widths = [14.0, 24.0, 11.0, 13.0, 13.0, 10.0, 11.0, 11.0, 11.0];
    // The tables, a default-width gap column, then the charts (480 px, 360 pt, wide).
    let width = super::print::columns_width_pt(widths.into_iter().chain([8.43])) + 360.0;
    super::print::setup(ws, Some((0, 0)), width, Some((0, 1)));
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.write_string_with_format(0, 0, l.pick("周趋势", "Weekly trend"), &st.title)?;
    ws.set_row_height(0, 26)?;
    ws.write_string_with_format(
        1,
        0,
        l.pick(
            "合计口径：各任务单位不同（名、篇、场），数量不能直接相加。每行周计划记为 1 个任务周，实际记为 实际÷计划（如 8篇/10篇 = 0.8）。",
            "How totals are made: tasks count in different units (hosts, posts, sessions) that cannot be added. Each weekly row's plan counts as 1 task-week, its actual as actual ÷ plan (8 of 10 posts = 0.8).",
        ),
        &st.note,
    )?;
    ws.write_string_with_format(
        2,
        0,
        l.pick(
            "累计实际 ÷ 累计计划 = 截至该周已完成的计划工作占比；无法计算偏差的行不计入合计。",
            "Cumulative actual ÷ cumulative plan = share of the planned work delivered so far; rows without a computed deviation are left out.",
        ),
        &st.note,
    )?;

    let trend = &s.trend;
    let mut r = 4;
    ws.write_string_with_format(
        r,
        0,
        l.pick("每周合计（任务周）", "Weekly totals (task-weeks)"),
        &st.section,
    )?;
    r += 1;
    for (c, h) in [
        l.pick("团队", "Team"),
        l.pick("周次", "Week"),
        l.pick("周一", "Week of"),
        l.pick("计划", "Plan"),
        l.pick("实际", "Actual"),
        l.pick("偏差", "Deviation"),
        l.pick("累计计划", "Cum. plan"),
        l.pick("累计实际", "Cum. actual"),
        l.pick("累计完成率", "Cum. share done"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(r, c as u16, *h, &st.header)?;
    }
    ws.set_row_height(r, 30)?;
    if trend.weeks.is_empty() {
        ws.write_string_with_format(
            r + 1,
            0,
            l.pick("没有周度跟踪数据", "no weekly tracking rows"),
            &st.note,
        )?;
        return Ok(());
    }
    let first_week_row = r + 1;
    let fmt = TrendFormats::new(st);
    for w in &trend.weeks {
        r += 1;
        week_total(ws, r, w, st, &fmt)?;
    }

    // One chart per team, stacked right of the tables.
    let sheet = ws.name();
    for (k, team) in trend.teams().into_iter().enumerate() {
        let weeks = trend.team_weeks(team);
        let (a, b) = (
            first_week_row + weeks.start as u32,
            first_week_row + weeks.end as u32 - 1,
        );
        let chart = cumulative_chart(&sheet, team, a, b, st);
        ws.insert_chart(4 + k as u32 * CHART_ROWS, CHART_COLUMN, &chart)?;
    }

    // Task by task.
    r += 2;
    ws.write_string_with_format(
        r,
        0,
        l.pick("按任务逐周", "Task by task, week by week"),
        &st.section,
    )?;
    r += 1;
    let header_row = r;
    for (c, h) in [
        l.pick("团队", "Team"),
        l.pick("任务名称", "Task"),
        l.pick("周次", "Week"),
        l.pick("本周计划", "Plan"),
        l.pick("实际完成", "Actual"),
        l.pick("进度偏差", "Deviation"),
        l.pick("累计偏差", "Cum. deviation"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(r, c as u16, *h, &st.header)?;
    }
    ws.set_row_height(r, 30)?;
    for t in &trend.tasks {
        let (Some(rec), Some(week)) = (s.weekly_record(t.row), trend.weeks.get(t.week)) else {
            continue;
        };
        r += 1;
        let w = rec.row;
        text(ws, r, 0, Some(&w.team), &st.text)?;
        text(ws, r, 1, Some(&t.task), &st.text)?;
        week_label(ws, r, 2, week, st)?;
        quantity(ws, r, 3, w.plan.as_ref(), st)?;
        quantity(ws, r, 4, w.actual.as_ref(), st)?;
        let dev = rec.view.deviation;
        share(ws, r, 5, dev, fmt.deviation(dev))?;
        share(ws, r, 6, t.cum_deviation, fmt.deviation(t.cum_deviation))?;
    }
    ws.autofilter(header_row, 0, r.max(header_row + 1), 6)?;
    Ok(())
}

/// Deviation formats: behind plan in red.
struct TrendFormats {
    number: Format,
    number_bold: Format,
    behind: Format,
    ahead: Format,
}

impl TrendFormats {
    fn new(st: &Styles) -> Self {
        let number = st.text.clone().set_num_format("#,##0.00");
        TrendFormats {
            number_bold: number.clone().set_bold(),
            number,
            behind: st.pct.clone().set_font_color(0x9C0006),
            ahead: st.pct.clone(),
        }
    }

    fn deviation(&self, d: Option<f64>) -> &Format {
        if crate::compute::weekly::behind(d) {
            &self.behind
        } else {
            &self.ahead
        }
    }
}

fn week_total(
    ws: &mut Worksheet,
    r: u32,
    w: &WeekTotal,
    st: &Styles,
    fmt: &TrendFormats,
) -> Result<(), XlsxError> {
    text(ws, r, 0, Some(&w.team), &st.text)?;
    week_label(ws, r, 1, w, st)?;
    date(ws, r, 2, w.start, &st.date)?;
    ws.write_number_with_format(r, 3, w.plan, &fmt.number)?;
    ws.write_number_with_format(r, 4, w.actual, &fmt.number)?;
    share(ws, r, 5, w.deviation(), fmt.deviation(w.deviation()))?;
    ws.write_number_with_format(r, 6, w.cum_plan, &fmt.number_bold)?;
    ws.write_number_with_format(r, 7, w.cum_actual, &fmt.number_bold)?;
    let done = w.cum_completion();
    let f = if w.cum_behind() {
        &fmt.behind
    } else {
        &fmt.ahead
    };
    share(ws, r, 8, done, f)
}

fn week_label(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    w: &WeekTotal,
    st: &Styles,
) -> Result<(), XlsxError> {
    let label = w
        .label
        .as_deref()
        .unwrap_or(st.lang.pick("本周（未填周次）", "this week (no label)"));
    text(ws, r, c, Some(label), &st.text)
}

/// Cumulative plan against cumulative actual over one team's weeks (rows `a..=b`).
fn cumulative_chart(sheet: &str, team: &str, a: u32, b: u32, st: &Styles) -> Chart {
    let l = st.lang;
    let mut font = ChartFont::new();
    font.set_name(st.font);
    let mut title_font = font.clone();
    title_font.set_size(11).set_bold();
    let mut chart = Chart::new(ChartType::Line);
    chart
        .title()
        .set_name(&format!(
            "{team}{}",
            l.pick("：累计计划与累计实际", ": cumulative plan vs actual")
        ))
        .set_font(&title_font);
    chart
        .x_axis()
        .set_name(l.pick("周次", "Week"))
        .set_font(&font)
        .set_name_font(&font);
    chart
        .y_axis()
        .set_name(l.pick("任务周", "Task-weeks"))
        .set_font(&font)
        .set_name_font(&font)
        .set_min(0);
    chart.legend().set_font(&font);
    for (col, name, color, dash) in [
        (6, l.pick("累计计划", "Cumulative plan"), 0x7F7F7F, true),
        (7, l.pick("累计实际", "Cumulative actual"), 0x2E75B6, false),
    ] {
        let mut line = ChartLine::new();
        line.set_color(color).set_width(2.25);
        if dash {
            line.set_dash_type(ChartLineDashType::Dash);
        }
        let mut marker = ChartMarker::new();
        marker.set_type(ChartMarkerType::Circle).set_size(6);
        chart
            .add_series()
            .set_name(name)
            .set_categories((sheet, a, 1, b, 1))
            .set_values((sheet, a, col, b, col))
            .set_format(&mut line)
            .set_marker(&marker);
    }
    chart.set_width(520).set_height(300);
    chart
}

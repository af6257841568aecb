//! The Metrics sheet (指标): per metric its target, actual to date (and how it was taken),
//! attainment and pace; the metrics week by week with a chart of attainment; channel ROI
//! (spend against revenue and results); and the delivery standards checked. Attainment,
//! pace, ROAS, ROI and cost per result are live formulas over the sheet's own cells,
//! written with their cached results. Also the retrospective's section on metrics and
//! standards, and the overview's few top metrics, so those sheets stay small to edit.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Chart, ChartFont, ChartLegendPosition, ChartMarker, ChartType, Format, Worksheet, XlsxError,
};

use super::costs::{formula, plain, quoted};
use super::{Styles, amount, date, money, share, text, wrapped_row_height};
use crate::compute::metrics::{
    ChannelRoi, How, MetricView, SpendSource, Standing, Verdict, sentence, tally, worst,
};
use crate::compute::{Summary, TaskRecord};
use crate::lang::Lang;
use crate::model::column_letters;

/// The sheet's name in a language.
pub fn sheet_name(l: Lang) -> &'static str {
    l.pick("指标", "Metrics")
}

/// Metrics drawn on the weekly chart, at most.
const CHART_METRICS: usize = 8;

// Columns of the metrics table.
const TEAM: u16 = 0;
const CHANNEL: u16 = 1;
const METRIC: u16 = 2;
const UNIT: u16 = 3;
const HOW: u16 = 4;
const TARGET: u16 = 5;
const ACTUAL: u16 = 6;
const ATTAIN: u16 = 7;
const ELAPSED: u16 = 8;
const DUE: u16 = 9;
const PACE: u16 = 10;
const VERDICT: u16 = 11;
const LATEST: u16 = 12;
const SOURCE: u16 = 13;

const WIDTHS: [f64; 14] = [
    14.0, 12.0, 22.0, 10.0, 16.0, 14.0, 14.0, 10.0, 10.0, 14.0, 10.0, 12.0, 11.0, 16.0,
];

fn col(c: u16) -> String {
    column_letters(u32::from(c))
}

/// A metric's value in its own form: a percentage, money, or a number.
fn value(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    v: Option<Decimal>,
    m: &MetricView,
    st: &Styles,
) -> Result<(), XlsxError> {
    if m.is_rate() {
        share(ws, r, c, v.and_then(|d| d.to_f64()), &st.pct)
    } else if m.is_money() {
        money(ws, r, c, v, &st.money)
    } else {
        amount(ws, r, c, v, st)
    }
}

/// A ratio formula `num/den` (blank while the denominator is blank or zero) with its
/// result; a blank cell where there is no result.
fn ratio_formula(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    num: &str,
    den: &str,
    v: Option<f64>,
    f: &Format,
) -> Result<(), XlsxError> {
    // No figure, no formula: an empty cached result reads as 0 in some applications.
    match v.filter(|x| x.is_finite()) {
        Some(x) => formula(
            ws,
            r,
            c,
            format!("IF(N({den})=0,\"\",{num}/{den})"),
            x.to_string(),
            f,
        ),
        None => ws.write_blank(r, c, f).map(|_| ()),
    }
}

/// The standing of a metric as a word and a status colour.
fn verdict(m: &MetricView, l: Lang) -> Option<(&'static str, crate::model::TaskStatus)> {
    use crate::model::TaskStatus as S;
    let standing = m.standing()?;
    let look = match standing {
        Standing::Met => S::Done,
        Standing::OnPace => S::OnTrack,
        Standing::Behind => S::Overdue,
        Standing::NotYet => S::AtRisk,
    };
    Some((standing.word(l), look))
}

/// Writes the Metrics sheet.
///
/// Errors: a cell cannot be written (rust_xlsxwriter's limits).
pub fn write(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    let rep = &s.metrics;
    let name = sheet_name(l);
    ws.set_name(name)?;
    super::print_setup(ws, 3);
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.write_string_with_format(0, 0, l.pick("指标达成", "Metrics"), &st.title)?;
    ws.set_row_height(0, 26)?;
    let as_of = s.settings.as_of.format("%Y-%m-%d");
    let note = match l {
        Lang::Zh => format!(
            "截至 {as_of}。实际值按指标性质取：数量和金额累计求和，存量取最新值，比率有基数时按基数加权平均、否则取最新值（见“口径”列）。达成率 = 实际值/目标值（成本类为 目标值/实际值）；节奏 = 实际值/按时间应达。"
        ),
        Lang::En => format!(
            "As of {as_of}. Actuals follow each metric's nature: counts and money are summed, stocks take the latest value, rates the mean weighted by their base where given, else the latest (see How). Attainment = actual / target (target / actual for costs); pace = actual / due by now."
        ),
    };
    ws.write_string_with_format(1, 0, note, &st.subtitle)?;
    let headers = [
        l.pick("团队", "Team"),
        l.pick("渠道", "Channel"),
        l.pick("指标", "Metric"),
        l.pick("单位", "Unit"),
        l.pick("口径", "How"),
        l.pick("目标值", "Target"),
        l.pick("实际值（至今）", "Actual to date"),
        l.pick("达成率", "Attainment"),
        l.pick("时间进度", "Time elapsed"),
        l.pick("按时间应达", "Due by now"),
        l.pick("节奏", "Pace"),
        l.pick("判断", "Verdict"),
        l.pick("最新数据", "Latest"),
        l.pick("位置", "Source"),
    ];
    let head = 3;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(head, c as u16, *h, &st.header)?;
    }
    ws.set_row_height(head, 30)?;
    ws.set_freeze_panes(head + 1, 3)?;
    let mut r = head;
    for m in &rep.metrics {
        r += 1;
        let x = r + 1;
        text(ws, r, TEAM, Some(&m.team), &st.text)?;
        text(ws, r, CHANNEL, m.channel.as_deref(), &st.text)?;
        text(ws, r, METRIC, Some(&m.metric), &st.text)?;
        text(ws, r, UNIT, m.unit.as_deref(), &st.text)?;
        text(ws, r, HOW, Some(m.how.word(l)), &st.text)?;
        value(ws, r, TARGET, m.target, m, st)?;
        value(ws, r, ACTUAL, m.actual, m, st)?;
        let (t, a, e) = (
            format!("{}{x}", col(TARGET)),
            format!("{}{x}", col(ACTUAL)),
            format!("{}{x}", col(DUE)),
        );
        let (num, den) = if m.lower_is_better {
            (&t, &a)
        } else {
            (&a, &t)
        };
        ratio_formula(ws, r, ATTAIN, num, den, m.attainment(), &st.pct)?;
        share(ws, r, ELAPSED, m.elapsed, &st.pct)?;
        if m.how == How::Sum {
            value(ws, r, DUE, m.expected, m, st)?;
            let (num, den) = if m.lower_is_better {
                (&e, &a)
            } else {
                (&a, &e)
            };
            ratio_formula(ws, r, PACE, num, den, m.pace(), &st.pct)?;
        } else {
            ws.write_blank(r, DUE, &st.text)?;
            ws.write_blank(r, PACE, &st.text)?;
        }
        match verdict(m, l) {
            Some((word, status)) => text(ws, r, VERDICT, Some(word), &st.status(status))?,
            None => text(ws, r, VERDICT, None, &st.text)?,
        }
        date(ws, r, LATEST, m.latest, &st.date)?;
        text(ws, r, SOURCE, Some(&m.at.to_string()), &st.text)?;
    }
    ws.autofilter(head, 0, r.max(head + 1), SOURCE)?;
    r = weeks(ws, r + 3, s, name, st)?;
    r = channels(ws, r + 2, &rep.channels, st)?;
    standards(ws, r + 2, s, st)?;
    Ok(())
}

/// Metrics week by week (values, then attainment for the chart); returns the last row.
fn weeks(
    ws: &mut Worksheet,
    r: u32,
    s: &Summary,
    sheet: &str,
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = st.lang;
    let rep = &s.metrics;
    let dated: Vec<&MetricView> = rep.metrics.iter().filter(|m| !m.weeks.is_empty()).collect();
    section(ws, r, l.pick("周度数据", "Week by week"), st)?;
    if dated.is_empty() {
        let none = l.pick("无按周填写的数据", "no figures by week");
        ws.write_string_with_format(r + 1, 0, none, &st.note)?;
        return Ok(r + 1);
    }
    let first_week = 3u16;
    let header = |ws: &mut Worksheet, r: u32, what: &str| -> Result<(), XlsxError> {
        ws.write_string_with_format(r, TEAM, l.pick("团队", "Team"), &st.header)?;
        ws.write_string_with_format(r, CHANNEL, l.pick("渠道", "Channel"), &st.header)?;
        ws.write_string_with_format(r, METRIC, what, &st.header)?;
        for (i, w) in rep.weeks.iter().enumerate() {
            let label = w.format("%m-%d").to_string();
            ws.write_string_with_format(r, first_week + i as u16, label, &st.header)?;
        }
        Ok(())
    };
    let mut r = r + 1;
    header(
        ws,
        r,
        l.pick("指标（周一起的一周）", "Metric (week from Monday)"),
    )?;
    for m in &dated {
        r += 1;
        text(ws, r, TEAM, Some(&m.team), &st.text)?;
        text(ws, r, CHANNEL, m.channel.as_deref(), &st.text)?;
        text(ws, r, METRIC, Some(&m.metric), &st.text)?;
        for (i, w) in rep.weeks.iter().enumerate() {
            value(ws, r, first_week + i as u16, m.weeks.get(w).copied(), m, st)?;
        }
    }
    // Attainment by week: the running sum for summed metrics, the week's value otherwise.
    let charted: Vec<&&MetricView> = dated
        .iter()
        .filter(|m| m.target.is_some())
        .take(CHART_METRICS)
        .collect();
    if charted.is_empty() {
        return Ok(r);
    }
    r += 2;
    header(
        ws,
        r,
        l.pick("达成率（累计或当周）", "Attainment (to date or in week)"),
    )?;
    let head = r;
    for m in &charted {
        r += 1;
        text(ws, r, TEAM, Some(&m.team), &st.text)?;
        text(ws, r, CHANNEL, m.channel.as_deref(), &st.text)?;
        let label = match &m.channel {
            Some(c) => format!("{} · {}", c, m.metric),
            None => m.metric.clone(),
        };
        text(ws, r, METRIC, Some(&label), &st.text)?;
        for (i, v) in m.weekly_attainment(&rep.weeks).into_iter().enumerate() {
            share(ws, r, first_week + i as u16, v, &st.pct)?;
        }
    }
    let last_col = first_week + rep.weeks.len() as u16 - 1;
    let mut font = ChartFont::new();
    font.set_name(st.font).set_size(9);
    let mut title_font = font.clone();
    title_font.set_size(12).set_bold();
    let mut chart = Chart::new(ChartType::Line);
    for row in head + 1..=r {
        chart
            .add_series()
            .set_name((sheet, row, METRIC))
            .set_categories((sheet, head, first_week, head, last_col))
            .set_values((sheet, row, first_week, row, last_col))
            .set_marker(ChartMarker::new().set_automatic());
    }
    chart
        .title()
        .set_name(l.pick("指标达成率（按周）", "Attainment by week"))
        .set_font(&title_font);
    chart.y_axis().set_num_format("0%").set_font(&font);
    chart.x_axis().set_font(&font);
    chart
        .legend()
        .set_position(ChartLegendPosition::Right)
        .set_font(&font);
    chart.set_width(760).set_height(300);
    r += 2;
    ws.insert_chart(r, 0, &chart)?;
    // The chart covers about 15 rows.
    Ok(r + 15)
}

fn section(ws: &mut Worksheet, r: u32, title: &str, st: &Styles) -> Result<(), XlsxError> {
    ws.write_string_with_format(r, 0, title, &st.section)?;
    for c in 1..=SOURCE {
        ws.write_blank(r, c, &st.section)?;
    }
    Ok(())
}

/// Channel ROI: spend against revenue and results; returns the last row.
fn channels(
    ws: &mut Worksheet,
    r: u32,
    rows: &[ChannelRoi],
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = st.lang;
    section(ws, r, l.pick("渠道投入产出", "Channel ROI"), st)?;
    if rows.is_empty() {
        let none = l.pick(
            "无：成本表没有渠道列、预算科目没有渠道，指标中也没有按渠道的销售额",
            "none: no channel in the ledger or the budget lines, and no revenue by channel among the metrics",
        );
        ws.write_string_with_format(r + 1, 0, none, &st.note)?;
        return Ok(r + 1);
    }
    let headers = [
        l.pick("团队", "Team"),
        l.pick("渠道", "Channel"),
        l.pick("投入", "Spend"),
        l.pick("投入来源", "Spend from"),
        l.pick("营收", "Revenue"),
        l.pick("营收指标", "Revenue metric"),
        l.pick("ROAS（营收/投入）", "ROAS (revenue ÷ spend)"),
        l.pick("ROI（(营收−投入)/投入）", "ROI ((revenue − spend) ÷ spend)"),
        l.pick("成果指标", "Result metric"),
        l.pick("成果数", "Results"),
        l.pick("单个成果成本", "Cost per result"),
    ];
    let head = r + 1;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(head, c as u16, *h, &st.header)?;
    }
    ws.set_row_height(head, 30)?;
    let times = st.text.clone().set_num_format("0.00");
    let mut r = head;
    for c in rows {
        r += 1;
        let x = r + 1;
        text(ws, r, 0, Some(&c.team), &st.text)?;
        text(ws, r, 1, Some(&c.channel), &st.text)?;
        money(ws, r, 2, c.spend, &st.money)?;
        let from = c.source.map(|s| match s {
            SpendSource::Ledger => l.pick("成本表渠道列", "Ledger channel"),
            SpendSource::BudgetLines => l.pick("预算科目的渠道", "Budget lines' channel"),
        });
        text(ws, r, 3, from, &st.text)?;
        money(ws, r, 4, c.revenue.as_ref().map(|x| x.1), &st.money)?;
        text(ws, r, 5, c.revenue.as_ref().map(|x| x.0.as_str()), &st.text)?;
        let (spend, revenue, results) = (format!("C{x}"), format!("E{x}"), format!("J{x}"));
        let has_revenue = c.revenue.is_some();
        if has_revenue {
            ratio_formula(ws, r, 6, &revenue, &spend, c.roas(), &times)?;
            ratio_formula(
                ws,
                r,
                7,
                &format!("({revenue}-{spend})"),
                &spend,
                c.roi(),
                &st.pct,
            )?;
        } else {
            ws.write_blank(r, 6, &times)?;
            ws.write_blank(r, 7, &st.pct)?;
        }
        text(ws, r, 8, c.result.as_ref().map(|x| x.0.as_str()), &st.text)?;
        amount(ws, r, 9, c.result.as_ref().map(|x| x.1), st)?;
        if let Some(v) = c.cost_per_result() {
            formula(
                ws,
                r,
                10,
                format!("IF(N({results})=0,\"\",ROUND({spend}/{results},2))"),
                plain(v),
                &st.money,
            )?;
        } else {
            ws.write_blank(r, 10, &st.money)?;
        }
    }
    Ok(r)
}

/// Delivery standards checked: one row per task whose standard has measurable criteria.
fn standards(ws: &mut Worksheet, r: u32, s: &Summary, st: &Styles) -> Result<u32, XlsxError> {
    let l = st.lang;
    section(
        ws,
        r,
        l.pick("交付标准核对", "Delivery standards checked"),
        st,
    )?;
    let checked: Vec<TaskRecord> = s.task_records().filter(|t| !t.checks.is_empty()).collect();
    if checked.is_empty() {
        let none = l.pick(
            "计划的交付标准中没有可量化的条件",
            "no measurable criteria in the plan's deliverables",
        );
        ws.write_string_with_format(r + 1, 0, none, &st.note)?;
        return Ok(r + 1);
    }
    let head = r + 1;
    // Wide cells span several columns of the metrics table above.
    let spans: [(u16, u16, &str); 6] = [
        (TEAM, TEAM, l.pick("团队", "Team")),
        (CHANNEL, METRIC, l.pick("任务", "Task")),
        (UNIT, TARGET, l.pick("交付标准", "Deliverable")),
        (ACTUAL, VERDICT, l.pick("核对", "Check")),
        (
            LATEST,
            LATEST,
            l.pick("达标 / 未达标 / 无数据", "Met / not / no data"),
        ),
        (SOURCE, SOURCE, l.pick("位置", "Source")),
    ];
    let put = |ws: &mut Worksheet, r: u32, (a, b): (u16, u16), v: &str, f: &Format| {
        if a == b {
            ws.write_string_with_format(r, a, v, f).map(|_| ())
        } else {
            ws.merge_range(r, a, r, b, v, f).map(|_| ())
        }
    };
    for (a, b, h) in spans {
        put(ws, head, (a, b), h, &st.header)?;
    }
    ws.set_row_height(head, 30)?;
    let wrap = st.wrap.clone();
    let width = |a: u16, b: u16| WIDTHS[a as usize..=b as usize].iter().sum::<f64>();
    let mut r = head;
    for task in checked {
        r += 1;
        let (p, checks) = (task.plan, task.checks);
        let line = sentence(checks, l);
        let (met, not_met, no_data) = tally(checks);
        let counts = format!("{met} / {not_met} / {no_data}");
        let deliverable = p.deliverable.as_deref().unwrap_or_default();
        let cells = [
            (spans[0], p.team.as_str()),
            (spans[1], p.name.as_str()),
            (spans[2], deliverable),
            (spans[3], line.as_str()),
            (spans[4], counts.as_str()),
            (spans[5], &p.row.to_string()),
        ];
        for ((a, b, _), v) in cells {
            put(ws, r, (a, b), v, &wrap)?;
        }
        let sizes = [
            (p.name.as_str(), width(CHANNEL, METRIC)),
            (deliverable, width(UNIT, TARGET)),
            (line.as_str(), width(ACTUAL, VERDICT)),
        ];
        if let Some(h) = wrapped_row_height(&sizes) {
            ws.set_row_height(r, h)?;
        }
    }
    Ok(r)
}

/// The Tasks sheet's cell for a task's standard: the checks as a sentence, coloured by the
/// worst verdict.
pub fn task_check(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    task: TaskRecord,
    st: &Styles,
) -> Result<(), XlsxError> {
    use crate::model::TaskStatus as S;
    let checks = task.checks;
    let Some(worst) = worst(checks) else {
        return text(ws, r, c, None, &st.text);
    };
    let status = match worst {
        Verdict::NotMet => S::Overdue,
        Verdict::NoData => S::NotStarted,
        Verdict::Met => S::Done,
    };
    let f = st
        .status(status)
        .set_align(rust_xlsxwriter::FormatAlign::Left);
    text(ws, r, c, Some(&sentence(checks, st.lang)), &f)
}

/// The retrospective's section on metrics and standards, from row `r`: the metrics with
/// their attainment, then each checked standard as a sentence. Returns the last row.
pub fn retro_section(
    ws: &mut Worksheet,
    r: u32,
    title: &str,
    s: &Summary,
    st: &Styles,
    last_col: u16,
) -> Result<u32, XlsxError> {
    let l = st.lang;
    ws.write_string_with_format(r, 0, title, &st.section)?;
    for c in 1..=last_col {
        ws.write_blank(r, c, &st.section)?;
    }
    let headers = [
        l.pick("团队", "Team"),
        l.pick("指标 / 任务", "Metric / task"),
        l.pick("目标值", "Target"),
        l.pick("实际值", "Actual"),
        l.pick("达成率", "Attainment"),
        l.pick("渠道", "Channel"),
        l.pick("结论", "Finding"),
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(r + 1, c as u16, *h, &st.header)?;
    }
    let mut r = r + 1;
    let rep = &s.metrics;
    if rep.metrics.is_empty() && rep.standards.iter().all(Vec::is_empty) {
        ws.write_string_with_format(r + 1, 0, l.pick("无", "none"), &st.note)?;
        return Ok(r + 1);
    }
    let wrap = st.text.clone().set_text_wrap();
    for m in rep.metrics.iter().filter(|m| m.attainment().is_some()) {
        r += 1;
        text(ws, r, 0, Some(&m.team), &st.text)?;
        text(ws, r, 1, Some(&m.metric), &st.text)?;
        value(ws, r, 2, m.target, m, st)?;
        value(ws, r, 3, m.actual, m, st)?;
        share(ws, r, 4, m.attainment(), &st.pct)?;
        text(ws, r, 5, m.channel.as_deref(), &st.text)?;
        let word = verdict(m, l).map(|(w, _)| w);
        text(ws, r, 6, word, &st.text)?;
    }
    for task in s.task_records().filter(|t| !t.checks.is_empty()) {
        r += 1;
        let (p, checks) = (task.plan, task.checks);
        text(ws, r, 0, Some(&p.team), &st.text)?;
        text(ws, r, 1, Some(&p.name), &st.text)?;
        let line = sentence(checks, l);
        ws.merge_range(r, 2, r, last_col, &line, &wrap)?;
        if let Some(h) = wrapped_row_height(&[(&line, 80.0)]) {
            ws.set_row_height(r, h)?;
        }
    }
    Ok(r)
}

/// The overview's top metrics: (label, metric) of up to `n` metrics with a target, most
/// behind first — what a weekly slide shows.
pub fn top_metrics(s: &Summary, n: usize) -> Vec<(String, &MetricView)> {
    (s.metrics.most_behind(n).into_iter())
        .map(|m| {
            let label = match &m.channel {
                Some(c) => format!("{c} · {}", m.metric),
                None => m.metric.clone(),
            };
            (label, m)
        })
        .collect()
}

/// Writes the overview's top metrics two rows below `last` (the last row written so far):
/// label (a link to the Metrics sheet), actual, target, attainment. Returns the new last
/// row, or `last` when no metric has a target.
pub fn overview_rows(
    ws: &mut Worksheet,
    last: u32,
    s: &Summary,
    st: &Styles,
) -> Result<u32, XlsxError> {
    let l = st.lang;
    let top = top_metrics(s, 5);
    if top.is_empty() {
        return Ok(last);
    }
    let r = last + 2;
    ws.write_string_with_format(r, 0, l.pick("核心指标", "Top metrics"), &st.section)?;
    let head = [
        l.pick("指标", "Metric"),
        l.pick("实际值", "Actual"),
        l.pick("目标值", "Target"),
        l.pick("达成率", "Attainment"),
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(r + 1, c as u16, *h, &st.header)?;
    }
    let mut r = r + 1;
    let link = format!("internal:{}!A1", quoted(sheet_name(l)));
    for (label, m) in top {
        r += 1;
        ws.write_url_with_text(r, 0, link.as_str(), &label)?;
        value(ws, r, 1, m.actual, m, st)?;
        value(ws, r, 2, m.target, m, st)?;
        share(ws, r, 3, m.attainment(), &st.pct)?;
    }
    Ok(r)
}

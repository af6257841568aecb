//! The cost-vs-budget sheet finance pulls, and the `costs` workbook around it.
//!
//! One implementation of the sheet serves both commands: per budget line the budget, net
//! spending (refunds subtract), remaining, share used, status, time elapsed, forecast and
//! variance at completion, unbudgeted spending as its own rows, totals, per-team totals and a
//! native bar chart of budget against spent. Every derived figure is a live formula written
//! with its cached result. In the `report` workbook the spent, refund and count cells are
//! values; in the `costs` workbook they are SUMIFS/COUNTIFS over the Ledger sheet, selecting
//! its rows by line number, so finance can trace every figure to the expense rows and Excel
//! recalculates to the same amounts.
//!
//! The ledger can hold a million rows: [`CostsWorkbook`] writes it in constant-memory mode, one
//! row at a time in order, as the expenses stream out of the reader; the small sheets are
//! written at the end, when the figures are known.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartFont, ChartFormat, ChartLegendPosition, ChartSolidFill,
    ChartType, ConditionalFormatCell, ConditionalFormatCellRule, Format, FormatAlign, Formula,
    Workbook, Worksheet, XlsxError,
};

use super::{RenderOptions, Styles, money, share, table_header, text};
use crate::compute::Summary;
use crate::compute::costs::{
    CostLine, CostReport, CostStatus, CostTotals, ForecastMethod, RUN_RATE_FROM,
};
use crate::compute::currency::Currencies;
use crate::lang::Lang;
use crate::model::{Expense, Problem, column_letters};

/// What the cost sheet shows: the report, the threshold it was judged with, and the
/// currency of each team (decided by [`Currencies`]).
pub struct CostView<'a> {
    pub report: &'a CostReport,
    pub warn_at: Decimal,
    pub as_of: NaiveDate,
    pub currencies: &'a Currencies,
}

impl CostView<'_> {
    pub fn currency_of(&self, team: &str) -> &str {
        self.currencies.of(team)
    }

    /// The one currency of every team, or None when they differ (no grand total, no chart).
    pub fn common_currency(&self) -> Option<&str> {
        (self.currencies).common(self.report.teams.iter().map(|t| t.team.as_str()))
    }

    /// True when every team's money is in one currency, so it may be added up.
    pub fn one_currency(&self) -> bool {
        self.common_currency().is_some()
    }
}

/// The cost sheet's columns, in order.
pub(crate) const TEAM: u16 = 0;
pub(crate) const LINE: u16 = 1;
pub(crate) const BUDGET: u16 = 2;
pub(crate) const SPENT: u16 = 3;
pub(crate) const REFUNDS: u16 = 4;
pub(crate) const REMAINING: u16 = 5;
pub(crate) const SHARE: u16 = 6;
pub(crate) const STATUS: u16 = 7;
pub(crate) const COUNT: u16 = 8;
pub(crate) const ELAPSED: u16 = 9;
pub(crate) const FORECAST: u16 = 10;
pub(crate) const VARIANCE: u16 = 11;
pub(crate) const KEY: u16 = 12;
pub(crate) const SOURCE: u16 = 13;
/// Present only when some task row wrote an Estimated Cost.
pub(crate) const ESTIMATE: u16 = 14;

/// The header of the team's estimate column: the team's figure, as written, beside
/// plantrack's computed forecast (column FORECAST).
pub(crate) fn estimate_header(l: Lang) -> (&'static str, f64) {
    (l.pick("团队预计费用", "Team's estimate"), 14.0)
}

/// The cost sheet's column headers and widths (the CSV export uses the same headers).
pub(crate) fn headers(l: Lang) -> [(&'static str, f64); 14] {
    [
        (l.pick("团队", "Team"), 16.0),
        (l.pick("预算科目", "Budget line"), 22.0),
        (l.pick("预算", "Budget"), 14.0),
        (l.pick("已支出", "Spent"), 14.0),
        (l.pick("其中退款", "Refunds"), 12.0),
        (l.pick("剩余", "Remaining"), 14.0),
        (l.pick("已用比例", "Used"), 9.0),
        (l.pick("状态", "Status"), 10.0),
        (l.pick("支出笔数", "Expenses"), 9.0),
        (l.pick("时间进度", "Time elapsed"), 9.0),
        (l.pick("预计总支出", "Forecast at completion"), 14.0),
        (l.pick("预计结余", "Variance at completion"), 14.0),
        (l.pick("行号", "Line #"), 7.0),
        (l.pick("预算来源", "Budget source"), 24.0),
    ]
}

/// The Ledger sheet's columns.
const L_FILE: u16 = 0;
const L_SHEET: u16 = 1;
const L_ROW: u16 = 2;
const L_DATE: u16 = 3;
const L_TEAM: u16 = 4;
const L_LINE: u16 = 5;
const L_CATEGORY: u16 = 6;
const L_CHANNEL: u16 = 7;
const L_ITEM: u16 = 8;
const L_AMOUNT: u16 = 9;
const L_TASK: u16 = 10;
const L_OWNER: u16 = 11;
const L_KEY: u16 = 12;

fn ledger_headers(l: Lang) -> [(&'static str, f64); 13] {
    [
        (l.pick("来源文件", "Source file"), 22.0),
        (l.pick("工作表", "Sheet"), 14.0),
        (l.pick("行", "Row"), 6.0),
        (l.pick("日期", "Date"), 11.0),
        (l.pick("团队", "Team"), 16.0),
        (l.pick("预算科目", "Budget line"), 18.0),
        (l.pick("费用科目", "Category"), 16.0),
        (l.pick("渠道", "Channel"), 9.0),
        (l.pick("事项", "Item"), 28.0),
        (l.pick("金额", "Amount"), 14.0),
        (l.pick("关联任务", "Task"), 18.0),
        (l.pick("经办人", "Owner"), 12.0),
        (l.pick("行号", "Line #"), 7.0),
    ]
}

/// Where the spent, refund and count cells of the cost sheet come from.
pub(crate) enum Figures<'a> {
    /// Written as values (the `report` workbook has no ledger).
    Values,
    /// SUMIFS/COUNTIFS over the named Ledger sheet.
    Ledger(&'a str),
}

/// The cost sheet of the weekly summary.
pub fn write(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let view = CostView {
        report: &s.costs,
        warn_at: s.settings.warn_at,
        as_of: s.settings.as_of,
        currencies: &s.currencies,
    };
    cost_sheet(ws, &view, st, &Figures::Values)
}

fn col(c: u16) -> String {
    column_letters(c as u32)
}

/// A decimal as a formula's cached result: the nearest double, in its shortest form (what
/// a spreadsheet stores), never in exponent notation.
pub(crate) fn plain(d: Decimal) -> String {
    d.to_f64()
        .map_or_else(|| d.normalize().to_string(), |f| f.to_string())
}

/// A sheet name as formulas and chart ranges write it.
pub(crate) fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

pub(crate) fn formula(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    f: String,
    result: String,
    format: &Format,
) -> Result<(), XlsxError> {
    ws.write_formula_with_format(row, col, Formula::new(f).set_result(result), format)
        .map(|_| ())
}

/// The line's status as a formula over its budget and spent cells, mirroring
/// [`crate::compute::costs::status`]: amounts compared in cents.
fn status_formula(x: u32, warn_at: Decimal, l: Lang) -> String {
    let (b, d) = (format!("{}{x}", col(BUDGET)), format!("{}{x}", col(SPENT)));
    format!(
        "IF(ROUND({d},2)>ROUND({b},2),\"{over}\",IF(AND(ROUND({d},2)<>0,ROUND({d},2)>=ROUND({b}*{w},2)),\"{warn}\",\"{ok}\"))",
        w = plain(warn_at),
        over = CostStatus::Over.word(l),
        warn = CostStatus::Warning.word(l),
        ok = CostStatus::Ok.word(l),
    )
}

/// Writes the cost-vs-budget sheet.
///
/// Errors: a cell cannot be written (rust_xlsxwriter's limits).
pub(crate) fn cost_sheet(
    ws: &mut Worksheet,
    view: &CostView,
    st: &Styles,
    figures: &Figures,
) -> Result<(), XlsxError> {
    let l = st.lang;
    let report = view.report;
    let name = l.pick("成本预算", "Costs");
    ws.set_name(name)?;
    let n = report.lines.len();
    let estimates = report.totals.estimate().is_some();
    let mut header = headers(l).to_vec();
    if estimates {
        header.push(estimate_header(l));
    }
    table_header(ws, 0, &header, n, st)?;
    // The chart and the months beside the table are wider than its columns: a fixed readable
    // scale, not "fit to width", which shrank the whole sheet to about 4 points.
    ws.set_print_scale(super::print::MIN_SCALE as u16);
    let centered = st.text.clone().set_align(FormatAlign::Center);
    for (i, line) in report.lines.iter().enumerate() {
        let r = i as u32 + 1;
        line_row(ws, r, line, view, st, figures, &centered)?;
        if estimates {
            let money_fmt = st.money_in(view.currency_of(&line.team));
            money(ws, r, ESTIMATE, line.estimate, &money_fmt)?;
        }
    }
    status_colours(ws, n, st)?;
    let mut r = n as u32 + 1;
    if n == 0 {
        let note = l.pick(
            "没有找到预算或支出",
            "no budget lines and no expenses were found",
        );
        ws.write_string_with_format(r, 0, note, &st.note)?;
        return Ok(());
    }
    if let Some(cur) = view.common_currency() {
        let label = l.pick("合计", "Total");
        totals_row(
            ws,
            r,
            (1, n as u32),
            label,
            &report.totals,
            cur,
            estimates,
            st,
        )?;
        r += 1;
    } else {
        let note = l.pick(
            "各团队币种不同，不做合计；见下方团队小计",
            "the teams' currencies differ, so there is no grand total: see the team totals below",
        );
        ws.write_string_with_format(r, LINE, note, &st.note)?;
        r += 1;
    }
    r = notes(ws, r, view, st)?;
    if report.teams.len() > 1 {
        r += 1;
        ws.write_string_with_format(r, 0, l.pick("团队小计", "Team totals"), &st.section)?;
        for t in &report.teams {
            r += 1;
            let label = t.team.as_str();
            if t.count == 0 {
                text(ws, r, TEAM, Some(label), &st.total_label)?;
                continue;
            }
            let cur = view.currency_of(&t.team);
            let (first, last) = (t.first as u32 + 1, (t.first + t.count) as u32);
            totals_row(ws, r, (first, last), label, &t.totals, cur, estimates, st)?;
            let period = t.period.map(|p| {
                format!(
                    "{} ~ {}",
                    p.start.format("%Y-%m-%d"),
                    p.end.format("%Y-%m-%d")
                )
            });
            text(ws, r, LINE, period.as_deref(), &st.total_label)?;
            let pct_bold = &st.pct_bold;
            share(ws, r, ELAPSED, t.elapsed.and_then(|e| e.to_f64()), pct_bold)?;
        }
        r += 1;
    }
    match view.common_currency() {
        Some(cur) => chart(ws, name, n, r + 1, cur, st),
        None => {
            // Yuan and dollars on one axis would compare what cannot be compared.
            let note = l.pick(
                "各团队币种不同，不画预算与已支出图（金额不能画在同一坐标轴上）",
                "the teams' currencies differ: no budget-vs-spent chart (their amounts cannot share an axis)",
            );
            ws.write_string_with_format(r + 1, LINE, note, &st.note)?;
            Ok(())
        }
    }
}

fn line_row(
    ws: &mut Worksheet,
    r: u32,
    line: &CostLine,
    view: &CostView,
    st: &Styles,
    figures: &Figures,
    centered: &Format,
) -> Result<(), XlsxError> {
    let l = st.lang;
    let x = r + 1;
    let cur = view.currency_of(&line.team);
    let money_fmt = st.money_in(cur);
    text(ws, r, TEAM, Some(&line.team), &st.text)?;
    text(ws, r, LINE, Some(&line.category), &st.text)?;
    money(ws, r, BUDGET, line.budget, &money_fmt)?;
    match figures {
        Figures::Values => {
            money(ws, r, SPENT, Some(line.spent), &money_fmt)?;
            money(ws, r, REFUNDS, Some(line.refunds), &money_fmt)?;
            ws.write_number_with_format(r, COUNT, line.expenses as f64, &st.int)?;
        }
        Figures::Ledger(sheet) => {
            let s = quoted(sheet);
            let (amount, key) = (col(L_AMOUNT), col(L_KEY));
            let k = format!("${}{x}", col(KEY));
            let sum = format!("SUMIFS({s}!${amount}:${amount},{s}!${key}:${key},{k}");
            formula(
                ws,
                r,
                SPENT,
                format!("{sum})"),
                plain(line.spent),
                &money_fmt,
            )?;
            let refunds = format!("-{sum},{s}!${amount}:${amount},\"<0\")");
            formula(ws, r, REFUNDS, refunds, plain(line.refunds), &money_fmt)?;
            let count = format!("COUNTIFS({s}!${key}:${key},{k})");
            formula(ws, r, COUNT, count, line.expenses.to_string(), &st.int)?;
        }
    }
    let (b, d) = (format!("{}{x}", col(BUDGET)), format!("{}{x}", col(SPENT)));
    match line.remaining() {
        Some(rem) => formula(ws, r, REMAINING, format!("{b}-{d}"), plain(rem), &money_fmt)?,
        None => ws.write_blank(r, REMAINING, &money_fmt).map(|_| ())?,
    }
    match line.share_used() {
        Some(s) => formula(ws, r, SHARE, format!("{d}/{b}"), s.to_string(), &st.pct)?,
        None => ws.write_blank(r, SHARE, &st.pct).map(|_| ())?,
    }
    let word = line.status.word(l).to_string();
    if line.budget.is_some() {
        formula(
            ws,
            r,
            STATUS,
            status_formula(x, view.warn_at, l),
            word,
            centered,
        )?;
    } else {
        ws.write_string_with_format(r, STATUS, word, centered)?;
    }
    share(
        ws,
        r,
        ELAPSED,
        line.elapsed.and_then(|e| e.to_f64()),
        &st.pct,
    )?;
    let e = format!("{}{x}", col(ELAPSED));
    // The formula is the method: the budget (or more, if spent) early in the period, the
    // run rate from then on.
    match (line.forecast, line.method) {
        (Some(f), Some(how)) => {
            let f_text = match how {
                ForecastMethod::Budget => format!("MAX({b},{d})"),
                ForecastMethod::Spent => d.clone(),
                ForecastMethod::RunRate => format!("{d}/{e}"),
            };
            formula(ws, r, FORECAST, f_text, plain(f), &money_fmt)?
        }
        _ => ws.write_blank(r, FORECAST, &money_fmt).map(|_| ())?,
    }
    let k = format!("{}{x}", col(FORECAST));
    // No [Red] of its own: the variance is coloured by the status beside it (see
    // status_colours), so a forecast overrun is never red on a line the status calls OK.
    let variance_fmt = st.text.clone().set_num_format(plain_money_format(cur));
    match line.variance() {
        Some(v) => formula(ws, r, VARIANCE, format!("{b}-{k}"), plain(v), &variance_fmt)?,
        None => ws.write_blank(r, VARIANCE, &variance_fmt).map(|_| ())?,
    }
    ws.write_number_with_format(r, KEY, line.key as f64, &st.int)?;
    let at: Vec<String> = line.budget_at.iter().map(|c| c.to_string()).collect();
    text(ws, r, SOURCE, Some(&at.join(", ")), &st.text)?;
    Ok(())
}

/// The status words in their colours, as conditional formats, so a recalculated status
/// is coloured too.
fn status_colours(ws: &mut Worksheet, n: usize, st: &Styles) -> Result<(), XlsxError> {
    if n == 0 {
        return Ok(());
    }
    for status in [
        CostStatus::Over,
        CostStatus::Warning,
        CostStatus::Ok,
        CostStatus::Unbudgeted,
    ] {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(status.word(st.lang)))
            .set_format(st.cost_status(status));
        ws.add_conditional_format(1, STATUS, n as u32, STATUS, &rule)?;
    }
    // A negative variance (heading over) in the colour of what the status says: red only
    // where the line is already over, amber where the status warns or says OK.
    let (h, v) = (col(STATUS), col(VARIANCE));
    let over = CostStatus::Over.word(st.lang);
    for (test, colour) in [("=", 0x9C0006), ("<>", 0x9C5700)] {
        let rule = rust_xlsxwriter::ConditionalFormatFormula::new()
            .set_rule(format!("=AND(${v}2<0,${h}2{test}\"{over}\")").as_str())
            .set_format(Format::new().set_font_color(colour));
        ws.add_conditional_format(1, VARIANCE, n as u32, VARIANCE, &rule)?;
    }
    Ok(())
}

/// An amount format without red negatives (the variance column colours by status).
fn plain_money_format(currency: &str) -> String {
    match currency.replace('"', "") {
        c if c.is_empty() => "#,##0.00".to_string(),
        c => format!("\"{c}\"#,##0.00;-\"{c}\"#,##0.00"),
    }
}

/// A totals row over the line rows `first..=last` (0-based sheet rows); `estimates`: the
/// sheet has the team's estimate column.
#[allow(clippy::too_many_arguments)]
fn totals_row(
    ws: &mut Worksheet,
    r: u32,
    (first, last): (u32, u32),
    label: &str,
    t: &CostTotals,
    currency: &str,
    estimates: bool,
    st: &Styles,
) -> Result<(), XlsxError> {
    let money_fmt = st.money_bold_in(currency);
    let x = r + 1;
    let sum = |c: u16| {
        let letter = col(c);
        format!("SUM({letter}{}:{letter}{})", first + 1, last + 1)
    };
    ws.write_string_with_format(r, TEAM, label, &st.total_label)?;
    for c in [LINE, STATUS, ELAPSED, KEY, SOURCE] {
        ws.write_blank(r, c, &st.total_label)?;
    }
    formula(ws, r, BUDGET, sum(BUDGET), plain(t.budget), &money_fmt)?;
    formula(ws, r, SPENT, sum(SPENT), plain(t.spent), &money_fmt)?;
    formula(ws, r, REFUNDS, sum(REFUNDS), plain(t.refunds), &money_fmt)?;
    // Remaining, share used, forecast and variance are about the budgeted lines only
    // (CostTotals): the unbudgeted rows have no remaining, and are left out of the forecast.
    let remaining = plain(t.remaining());
    formula(ws, r, REMAINING, sum(REMAINING), remaining, &money_fmt)?;
    let (c, f) = (
        format!("{}{x}", col(BUDGET)),
        format!("{}{x}", col(REMAINING)),
    );
    match t.share_used() {
        Some(s) => {
            let share = format!("({c}-{f})/{c}");
            formula(ws, r, SHARE, share, s.to_string(), &st.pct_bold)?;
        }
        None => ws.write_blank(r, SHARE, &st.pct_bold).map(|_| ())?,
    }
    formula(
        ws,
        r,
        COUNT,
        sum(COUNT),
        t.expenses.to_string(),
        &st.int_bold,
    )?;
    let range = |c: u16| {
        let letter = col(c);
        format!("{letter}{}:{letter}{}", first + 1, last + 1)
    };
    match t.forecast() {
        Some(v) => {
            let budgeted = format!("SUMIF({},\"<>\",{})", range(BUDGET), range(FORECAST));
            formula(ws, r, FORECAST, budgeted, plain(v), &money_fmt)?
        }
        None => ws.write_blank(r, FORECAST, &money_fmt).map(|_| ())?,
    }
    let k = format!("{}{x}", col(FORECAST));
    // As on the lines, no [Red] of its own: a negative variance is red only where the total
    // is over its budget (share used past 100%), amber otherwise.
    let variance_fmt = money_fmt
        .clone()
        .set_num_format(plain_money_format(currency));
    match t.variance() {
        Some(v) => formula(ws, r, VARIANCE, format!("{c}-{k}"), plain(v), &variance_fmt)?,
        None => ws.write_blank(r, VARIANCE, &variance_fmt).map(|_| ())?,
    }
    let (v, u) = (col(VARIANCE), col(SHARE));
    for (test, colour) in [(">", 0x9C0006), ("<=", 0x9C5700)] {
        let rule = rust_xlsxwriter::ConditionalFormatFormula::new()
            .set_rule(format!("=AND(${v}${x}<0,${u}${x}{test}1)").as_str())
            .set_format(Format::new().set_font_color(colour));
        ws.add_conditional_format(r, VARIANCE, r, VARIANCE, &rule)?;
    }
    // Every line's estimate, budgeted or not (CostTotals::estimate).
    match (estimates, t.estimate()) {
        (true, Some(e)) => formula(ws, r, ESTIMATE, sum(ESTIMATE), plain(e), &money_fmt)?,
        (true, None) => ws.write_blank(r, ESTIMATE, &money_fmt).map(|_| ())?,
        (false, _) => {}
    }
    Ok(())
}

/// An amount for a note: grouped, with two decimals ("5,000.00").
fn cents_text(d: Decimal) -> String {
    let s = crate::messages::amount(d);
    match s.split_once('.') {
        None => format!("{s}.00"),
        Some((_, frac)) if frac.len() == 1 => format!("{s}0"),
        Some(_) => s,
    }
}

/// Notes under the totals: unbudgeted spending, the threshold and how the forecast is made.
/// Returns the next free row.
fn notes(ws: &mut Worksheet, mut r: u32, view: &CostView, st: &Styles) -> Result<u32, XlsxError> {
    let l = st.lang;
    let t = &view.report.totals;
    if let (true, Some(cur)) = (t.unbudgeted > Decimal::ZERO, view.common_currency()) {
        let amount = format!("{cur}{}", cents_text(t.unbudgeted));
        let note = match l {
            Lang::Zh => format!(
                "其中无预算支出 {amount}：计入合计的已支出，不计入剩余、已用比例、预计总支出和预计结余（这四项只算有预算的科目）"
            ),
            Lang::En => format!(
                "of which {amount} spent without a budget line: in the total spent, not in Remaining, Used, Forecast or Variance (those cover the budgeted lines only)"
            ),
        };
        ws.write_string_with_format(r, LINE, note, &st.note)?;
        r += 1;
    }
    let pct = (view.warn_at * Decimal::ONE_HUNDRED).normalize();
    let early = (RUN_RATE_FROM * Decimal::ONE_HUNDRED).normalize();
    let as_of = view.as_of.format("%Y-%m-%d");
    let note = match l {
        Lang::Zh => format!(
            "状态：已用比例达到 {pct}% 为预警，超过 100% 为超支。时间进度 = 活动期内截至统计日期 {as_of} 已过的天数占比（首尾两天都计入）。预计总支出：时间进度不足 {early}% 时 = 已支出 + 剩余预算（即预算；已超支则为已支出），无预算科目为已支出；之后 = 已支出 ÷ 时间进度（按目前的花费速度）。预计结余 = 预算 − 预计总支出，为负时按状态着色（超支为红色，否则为橙色）。"
        ),
        Lang::En => format!(
            "Status: Warning from {pct}% of the budget used, Over above 100%. Time elapsed = the share of the campaign period's days gone by the as-of date {as_of}, both ends counted. Forecast at completion: before {early}% of the period has gone, spent + remaining budget (the budget; what was spent if more), what was spent for an unbudgeted line; from then on spent / time elapsed (the run rate). Variance = budget - forecast; a negative one is red where the line is Over, amber otherwise."
        ),
    };
    ws.write_string_with_format(r, LINE, note, &st.note)?;
    r += 1;
    if t.estimate().is_some() {
        let note = l.pick(
            "团队预计费用：任务行上“预计费用”列的金额，按任务的实际费用所计入的科目相加（含无预算科目），是团队自己的估计；预计总支出是 plantrack 按上述方法算出的预测，两者分列，互不计入。",
            "Team's estimate: the Estimated Cost written on the task rows, added up on the line each task's actual cost is booked to (unbudgeted lines included): the team's own figure. Forecast at completion is plantrack's, computed as above; neither is counted in the other.",
        );
        ws.write_string_with_format(r, LINE, note, &st.note)?;
        r += 1;
    }
    if let [team] = view.report.teams.as_slice() {
        let note = match (team.period, l) {
            (Some(p), Lang::Zh) => format!("活动期：{} 至 {}", p.start, p.end),
            (Some(p), Lang::En) => format!("Campaign period: {} to {}", p.start, p.end),
            (None, Lang::Zh) => {
                "活动期未知（计划中没有开始/完成时间，也未给出 --period），不做预测".into()
            }
            (None, Lang::En) => {
                "campaign period unknown (no plan dates and no --period): no forecast".into()
            }
        };
        ws.write_string_with_format(r, LINE, note, &st.note)?;
        r += 1;
    }
    Ok(r)
}

/// A clustered bar chart of budget against spent per line, below the tables; the value axis
/// shows `currency` ("" when the teams' currencies differ).
fn chart(
    ws: &mut Worksheet,
    sheet: &str,
    n: usize,
    row: u32,
    currency: &str,
    st: &Styles,
) -> Result<(), XlsxError> {
    let l = st.lang;
    let last = n as u32;
    let mut font = ChartFont::new();
    font.set_name(st.font).set_size(9);
    let mut title_font = font.clone();
    title_font.set_size(12).set_bold();
    let mut chart = Chart::new(ChartType::Bar);
    for (c, colour) in [(BUDGET, 0x8EA9DB), (SPENT, 0x1F3864)] {
        chart
            .add_series()
            .set_name((sheet, 0, c))
            .set_categories((sheet, 1, LINE, last, LINE))
            .set_values((sheet, 1, c, last, c))
            .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(colour)))
            .set_gap(60);
    }
    chart
        .title()
        .set_name(l.pick("预算与已支出", "Budget vs spent"))
        .set_font(&title_font);
    // A bar chart's category axis is vertical: list the lines top-down, in sheet order.
    chart
        .y_axis()
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max)
        .set_font(&font);
    chart
        .x_axis()
        .set_num_format(axis_format(currency))
        .set_font(&font);
    chart
        .legend()
        .set_position(ChartLegendPosition::Top)
        .set_font(&font);
    chart.set_width(760).set_height(120 + 44 * n.max(3) as u32);
    ws.insert_chart(row, LINE, &chart)?;
    Ok(())
}

/// Whole amounts on the chart's value axis: its ticks need no cents.
fn axis_format(currency: &str) -> String {
    match currency.replace('"', "") {
        c if c.is_empty() => "#,##0".to_string(),
        c => format!("\"{c}\"#,##0"),
    }
}

/// One expense as the ledger shows it: the row, its source file, the line it was booked to.
pub struct LedgerEntry<'a> {
    pub file: &'a str,
    pub expense: &'a Expense,
    pub key: u32,
    pub line: &'a str,
    pub currency: &'a str,
}

/// The `costs` workbook being written: the ledger fills as expenses stream past; the cost
/// sheet, the month table and the problems are written by [`CostsWorkbook::finish`].
pub struct CostsWorkbook {
    wb: Workbook,
    st: Styles,
    /// Amount formats by currency, built once.
    money: HashMap<String, Format>,
    /// The next ledger row.
    row: u32,
}

/// Sheet positions in the `costs` workbook.
const COSTS_SHEET: usize = 0;
const MONTH_SHEET: usize = 1;
const LEDGER_SHEET: usize = 2;
const PROBLEMS_SHEET: usize = 3;

impl CostsWorkbook {
    /// Adds the sheets in their order and writes the ledger's header row.
    ///
    /// Errors: the temporary file of the constant-memory ledger cannot be created.
    pub fn new(opts: &RenderOptions, as_of: NaiveDate) -> Result<CostsWorkbook, XlsxError> {
        let l = opts.lang;
        let mut wb = Workbook::new();
        super::set_properties(
            &mut wb,
            l.pick(crate::model::COSTS_TITLE.0, crate::model::COSTS_TITLE.1),
            as_of,
        );
        let st = Styles::new(opts);
        wb.add_worksheet().set_name(l.pick("成本预算", "Costs"))?;
        wb.add_worksheet()
            .set_name(l.pick("按月支出", "By month"))?;
        let ledger = wb.add_worksheet_with_constant_memory()?;
        ledger.set_name(ledger_name(l))?;
        let headers = ledger_headers(l);
        for (c, (h, width)) in headers.iter().enumerate() {
            ledger.write_string_with_format(0, c as u16, *h, &st.header)?;
            ledger.set_column_width(c as u16, *width)?;
        }
        ledger.set_row_height(0, 30)?;
        ledger.set_freeze_panes(1, 0)?;
        super::print_setup(ledger, 0);
        ledger.set_print_gridlines(true);
        wb.add_worksheet();
        Ok(CostsWorkbook {
            wb,
            st,
            money: HashMap::new(),
            row: 1,
        })
    }

    /// Writes the next ledger row.
    ///
    /// Errors: the row cannot be written (past Excel's row limit, or the temporary file).
    pub fn ledger_row(&mut self, entry: &LedgerEntry) -> Result<(), XlsxError> {
        let st = &self.st;
        if !self.money.contains_key(entry.currency) {
            let f = st
                .base
                .clone()
                .set_num_format(super::styles::money_format(entry.currency));
            self.money.insert(entry.currency.to_string(), f);
        }
        let money_fmt = &self.money[entry.currency];
        let ws = self.wb.worksheet_from_index(LEDGER_SHEET)?;
        let (r, e) = (self.row, entry.expense);
        // Text and counts go unformatted: a million rows need no cell borders, and each
        // format costs a lookup per cell.
        let plain_text = |ws: &mut Worksheet, c: u16, v: Option<&str>| match v {
            Some(v) if !v.is_empty() => ws.write_string(r, c, super::fit(v)).map(|_| ()),
            _ => Ok(()),
        };
        plain_text(ws, L_FILE, Some(entry.file))?;
        plain_text(ws, L_SHEET, Some(&e.row.sheet))?;
        ws.write_number(r, L_ROW, e.row.row as f64 + 1.0)?;
        if let Some(d) = e.date {
            ws.write_datetime_with_format(r, L_DATE, d, &st.date_plain)?;
        }
        plain_text(ws, L_TEAM, Some(&e.team))?;
        plain_text(ws, L_LINE, Some(entry.line))?;
        plain_text(ws, L_CATEGORY, Some(&e.category))?;
        plain_text(ws, L_CHANNEL, e.channel.as_deref())?;
        plain_text(ws, L_ITEM, e.item.as_deref())?;
        if let Some(x) = e.amount.to_f64() {
            ws.write_number_with_format(r, L_AMOUNT, x, money_fmt)?;
        }
        plain_text(ws, L_TASK, e.task.as_deref())?;
        plain_text(ws, L_OWNER, e.owner.as_deref())?;
        ws.write_number(r, L_KEY, entry.key as f64)?;
        self.row += 1;
        Ok(())
    }

    /// Writes the cost sheet, the month table and the problems; returns the workbook to save.
    ///
    /// Errors: a cell cannot be written.
    pub fn finish(mut self, view: &CostView, problems: &[Problem]) -> Result<Workbook, XlsxError> {
        let l = self.st.lang;
        let rows = self.row - 1;
        self.wb
            .set_zip_compression_level(super::compression_level(rows));
        let ledger = self.wb.worksheet_from_index(LEDGER_SHEET)?;
        ledger.autofilter(0, 0, rows.max(1), L_KEY)?;
        let figures = Figures::Ledger(ledger_name(l));
        let ws = self.wb.worksheet_from_index(COSTS_SHEET)?;
        cost_sheet(ws, view, &self.st, &figures)?;
        ws.set_active(true);
        let ws = self.wb.worksheet_from_index(MONTH_SHEET)?;
        month_sheet(ws, view, &self.st)?;
        let ws = self.wb.worksheet_from_index(PROBLEMS_SHEET)?;
        super::tables::problem_list(ws, problems, &self.st)?;
        Ok(self.wb)
    }
}

fn ledger_name(l: Lang) -> &'static str {
    l.pick("支出台账", "Ledger")
}

/// Spending per budget line and month: SUMIFS over the ledger's dates, each with its
/// cached value; a "no date" column when some expense has none; totals.
fn month_sheet(ws: &mut Worksheet, view: &CostView, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    let report = view.report;
    ws.set_name(l.pick("按月支出", "By month"))?;
    let months = &report.months;
    let first_month = 2u16;
    let undated_col = first_month + months.len() as u16;
    let total_col = undated_col + u16::from(report.undated);
    let key_col = total_col + 1;
    let mut headers: Vec<(&str, f64)> = vec![
        (l.pick("团队", "Team"), 16.0),
        (l.pick("预算科目", "Budget line"), 22.0),
    ];
    headers.extend(months.iter().map(|_| ("", 13.0)));
    if report.undated {
        headers.push((l.pick("无日期", "No date"), 13.0));
    }
    headers.push((l.pick("合计", "Total"), 14.0));
    headers.push((l.pick("行号", "Line #"), 7.0));
    let n = report.lines.len();
    table_header(ws, 0, &headers, n, st)?;
    let month_header = (st.header.clone())
        .set_num_format("yyyy-mm")
        .set_align(FormatAlign::Left);
    for (i, m) in months.iter().enumerate() {
        ws.write_datetime_with_format(0, first_month + i as u16, m, &month_header)?;
    }
    let s = quoted(ledger_name(l));
    let (amount, key, day) = (col(L_AMOUNT), col(L_KEY), col(L_DATE));
    for (i, line) in report.lines.iter().enumerate() {
        let r = i as u32 + 1;
        let x = r + 1;
        let money_fmt = st.money_in(view.currency_of(&line.team));
        text(ws, r, 0, Some(&line.team), &st.text)?;
        text(ws, r, 1, Some(&line.category), &st.text)?;
        let k = format!("${}{x}", col(key_col));
        let by_key = format!("SUMIFS({s}!${amount}:${amount},{s}!${key}:${key},{k}");
        for (j, m) in months.iter().enumerate() {
            let c = first_month + j as u16;
            let h = format!("{}$1", col(c));
            let f = format!(
                "{by_key},{s}!${day}:${day},\">=\"&{h},{s}!${day}:${day},\"<\"&EDATE({h},1))"
            );
            let v = line.months.get(m).copied().unwrap_or_default();
            formula(ws, r, c, f, plain(v), &money_fmt)?;
        }
        let total = format!("{}{x}", col(total_col));
        if report.undated {
            let f = if months.is_empty() {
                total.clone()
            } else {
                let (a, b) = (col(first_month), col(undated_col - 1));
                format!("{total}-SUM({a}{x}:{b}{x})")
            };
            formula(ws, r, undated_col, f, plain(line.undated), &money_fmt)?;
        }
        formula(
            ws,
            r,
            total_col,
            format!("{by_key})"),
            plain(line.spent),
            &money_fmt,
        )?;
        ws.write_number_with_format(r, key_col, line.key as f64, &st.int)?;
    }
    if n == 0 || !view.one_currency() {
        return Ok(());
    }
    // Totals per column, in the one currency.
    let r = n as u32 + 1;
    let money_fmt = st.money_bold_in(view.common_currency().unwrap_or_default());
    ws.write_string_with_format(r, 0, l.pick("合计", "Total"), &st.total_label)?;
    ws.write_blank(r, 1, &st.total_label)?;
    ws.write_blank(r, key_col, &st.total_label)?;
    let totals = (months.iter().map(|m| report.month_total(*m)))
        .chain(report.undated.then(|| report.undated_total()))
        .chain([report.totals.spent]);
    for (c, total) in (first_month..=total_col).zip(totals) {
        let letter = col(c);
        let f = format!("SUM({letter}2:{letter}{})", n + 1);
        formula(ws, r, c, f, plain(total), &money_fmt)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_amounts_show_cents() {
        assert_eq!(cents_text(Decimal::new(500000, 2)), "5,000.00");
        assert_eq!(cents_text(Decimal::new(26275, 1)), "2,627.50");
        assert_eq!(cents_text(Decimal::new(123456, 2)), "1,234.56");
    }
}

//! The cost-vs-budget sheet finance pulls: per budget line the budget, net spending
//! (refunds subtract), remaining and share used as live formulas with their cached results,
//! the status word, unbudgeted spending as its own rows, and totals.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Formula, Worksheet, XlsxError};

use super::{Styles, money, table_header, text};
use crate::compute::Summary;
use crate::compute::costs::CostReport;
use crate::model::column_letters;

pub fn write(ws: &mut Worksheet, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    cost_sheet(ws, &s.costs, st)
}

/// Column positions of the cost table.
const BUDGET: u16 = 2;
const SPENT: u16 = 3;
const REMAINING: u16 = 5;
const SHARE: u16 = 6;

pub fn cost_sheet(ws: &mut Worksheet, report: &CostReport, st: &Styles) -> Result<(), XlsxError> {
    let l = st.lang;
    ws.set_name(l.pick("成本预算", "Costs"))?;
    let headers = [
        (l.pick("团队", "Team"), 14.0),
        (l.pick("预算科目", "Budget line"), 22.0),
        (l.pick("预算", "Budget"), 15.0),
        (l.pick("已支出", "Spent"), 15.0),
        (l.pick("其中退款", "Refunds"), 13.0),
        (l.pick("剩余", "Remaining"), 15.0),
        (l.pick("已用比例", "Used"), 10.0),
        (l.pick("状态", "Status"), 10.0),
        (l.pick("支出笔数", "Expenses"), 9.0),
    ];
    let n = report.lines.len();
    table_header(ws, 0, &headers, n, st)?;
    for (i, line) in report.lines.iter().enumerate() {
        let r = i as u32 + 1;
        text(ws, r, 0, Some(&line.team), &st.text)?;
        text(ws, r, 1, Some(&line.category), &st.text)?;
        money(ws, r, BUDGET, line.budget, &st.money)?;
        money(ws, r, SPENT, Some(line.spent), &st.money)?;
        money(ws, r, 4, Some(line.refunds), &st.money)?;
        match line.budget {
            Some(b) => {
                let excel_row = r + 1;
                let remaining = Formula::new(format!(
                    "={c}{excel_row}-{d}{excel_row}",
                    c = col(BUDGET),
                    d = col(SPENT)
                ))
                .set_result(plain(b - line.spent));
                ws.write_formula_with_format(r, REMAINING, remaining, &st.money)?;
                if let Some(share) = line.share_used() {
                    let f = Formula::new(format!(
                        "={d}{excel_row}/{c}{excel_row}",
                        c = col(BUDGET),
                        d = col(SPENT)
                    ))
                    .set_result(share.to_string());
                    ws.write_formula_with_format(r, SHARE, f, &st.pct)?;
                } else {
                    ws.write_blank(r, SHARE, &st.pct)?;
                }
            }
            None => {
                ws.write_blank(r, REMAINING, &st.money)?;
                ws.write_blank(r, SHARE, &st.pct)?;
            }
        }
        ws.write_string_with_format(r, 7, line.status.word(l), &st.cost_status(line.status))?;
        ws.write_number_with_format(r, 8, line.expenses as f64, &st.int)?;
    }
    // Totals: live sums over the lines above, with their cached results.
    let t = &report.totals;
    let r = n as u32 + 1;
    ws.write_string_with_format(r, 0, l.pick("合计", "Total"), &st.total_label)?;
    ws.write_blank(r, 1, &st.total_label)?;
    let sum = |c: u16, v: Decimal| {
        let letter = col(c);
        Formula::new(format!("=SUM({letter}2:{letter}{})", n + 1)).set_result(plain(v))
    };
    let refunds: Decimal = report.lines.iter().map(|l| l.refunds).sum();
    ws.write_formula_with_format(r, BUDGET, sum(BUDGET, t.budget), &st.money_bold)?;
    ws.write_formula_with_format(r, SPENT, sum(SPENT, t.spent), &st.money_bold)?;
    ws.write_formula_with_format(r, 4, sum(4, refunds), &st.money_bold)?;
    ws.write_formula_with_format(
        r,
        REMAINING,
        sum(REMAINING, t.budget - budgeted_spent(report)),
        &st.money_bold,
    )?;
    match t.share_used() {
        Some(share) => {
            let f = Formula::new(format!(
                "={d}{x}/{c}{x}",
                c = col(BUDGET),
                d = col(SPENT),
                x = r + 1
            ))
            .set_result(share.to_string());
            ws.write_formula_with_format(r, SHARE, f, &st.pct_bold)?;
        }
        None => {
            ws.write_blank(r, SHARE, &st.pct_bold)?;
        }
    }
    ws.write_blank(r, 7, &st.total_label)?;
    let count: usize = report.lines.iter().map(|l| l.expenses).sum();
    let f = Formula::new(format!("=SUM(I2:I{})", n + 1)).set_result(count.to_string());
    ws.write_formula_with_format(r, 8, f, &st.int_bold)?;
    if t.unbudgeted > Decimal::ZERO {
        let note = match l {
            crate::lang::Lang::Zh => {
                format!("其中无预算支出 {}，未计入剩余", t.unbudgeted.round_dp(2))
            }
            crate::lang::Lang::En => format!(
                "of which {} spent without a budget line, not in Remaining",
                crate::messages::amount(t.unbudgeted)
            ),
        };
        ws.write_string_with_format(r + 1, 1, note, &st.note)?;
    }
    Ok(())
}

/// Spending on budgeted lines only (what "remaining" is measured against).
fn budgeted_spent(report: &CostReport) -> Decimal {
    report
        .lines
        .iter()
        .filter(|l| l.budget.is_some())
        .map(|l| l.spent)
        .sum()
}

fn col(c: u16) -> String {
    column_letters(c as u32)
}

/// A decimal as a formula's cached result: plain digits, no grouping.
fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

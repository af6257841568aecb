//! The cost report as CSV and JSON, for finance's own books and for pipelines: one row per
//! budget line with the cost sheet's columns, and the same figures as the workbook.
//!
//! Amounts are exact decimals written as text with at least two decimals ("82350.50"), never
//! floats: a JSON number would be read as a float by most consumers and lose the cent. Shares
//! (used, time elapsed) are ratios rounded to six decimals, as numbers in JSON. Forecasts and
//! variances are rounded to the cent (half away from zero).
//!
//! CSV is UTF-8 with a byte-order mark, so Excel opens Chinese text correctly. A text cell that
//! begins with = + - @, a tab or a carriage return gets a leading single quote (OWASP's CSV
//! injection advice), so a spreadsheet shows it as text instead of running it as a formula;
//! numbers are written plain and are never prefixed.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use serde::Serialize;

use super::costs::{CostView, estimate_header, headers};
use crate::compute::costs::{
    BudgetSource, CostLine, CostStatus, CostTotals, ForecastMethod, Period, cents,
};
use crate::lang::Lang;

/// An exact amount with at least two decimals.
fn money_text(d: Decimal) -> String {
    let mut d = d.normalize();
    if d.scale() < 2 {
        d.rescale(2);
    }
    d.to_string()
}

/// A share as an exact decimal rounded to six places.
fn ratio(d: Decimal) -> Decimal {
    d.round_dp(6).normalize()
}

/// A share of the compute layer's, rounded to six places for the export.
fn six(share: Option<f64>) -> Option<f64> {
    share
        .and_then(Decimal::from_f64)
        .map(ratio)
        .and_then(number)
}

/// Escapes a text cell against formula injection (OWASP): a leading = + - @ tab or CR gets a
/// single quote in front.
pub fn csv_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn opt(v: Option<String>) -> String {
    v.unwrap_or_default()
}

/// Writes the cost report as CSV: a header row in the output language, then one row per
/// budget line with the cost sheet's columns and the line's currency.
///
/// Errors: the writer fails.
pub fn costs_csv(
    view: &CostView,
    lang: Lang,
    not_read: &[NotRead],
    out: &mut dyn Write,
) -> Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<&str> = headers(lang).iter().map(|(h, _)| *h).collect();
    header.push(lang.pick("币种", "Currency"));
    // The team's estimate, when some task row wrote one: last, so the other columns stay.
    let estimates = view.report.totals.estimate().is_some();
    if estimates {
        header.push(estimate_header(lang).0);
    }
    w.write_record(&header)?;
    for l in &view.report.lines {
        let at: Vec<String> = l.budget_at.iter().map(|c| c.to_string()).collect();
        let mut row = vec![
            csv_text(&l.team),
            csv_text(&l.category),
            opt(l.budget.map(money_text)),
            money_text(l.spent),
            money_text(l.refunds),
            opt(l.remaining().map(money_text)),
            opt(six(l.share_used()).map(|d| d.to_string())),
            l.status.word(lang).to_string(),
            l.expenses.to_string(),
            opt(l.elapsed.map(|e| ratio(e).to_string())),
            opt(l.forecast.map(|f| money_text(cents(f)))),
            opt(l.variance().map(|v| money_text(cents(v)))),
            l.key.to_string(),
            csv_text(&at.join(", ")),
            csv_text(view.currency_of(&l.team)),
        ];
        if estimates {
            row.push(opt(l.estimate.map(money_text)));
        }
        w.write_record(&row)?;
    }
    // A file that could not be read is a row of its own, so a total taken from the CSV
    // cannot pass for all the files.
    let width = header.len();
    for f in not_read {
        let mut row = vec![String::new(); width];
        row[0] = csv_text(&f.file);
        row[1] = csv_text(&f.reason);
        row[7] = lang.pick("未读取", "Not read").to_string();
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// A file `costs` could not read, for the CSV and JSON: its figures are in no total.
#[derive(Debug, Clone, Serialize)]
pub struct NotRead {
    pub file: String,
    pub reason: String,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    as_of: NaiveDate,
    warn_at: String,
    lines: Vec<JsonLine<'a>>,
    teams: Vec<JsonTeam<'a>>,
    /// None when the teams keep their books in different currencies.
    totals: Option<JsonTotals>,
    /// Files not read (their figures are in no total).
    failed: &'a [NotRead],
}

#[derive(Serialize)]
struct JsonLine<'a> {
    line: u32,
    team: &'a str,
    budget_line: &'a str,
    currency: &'a str,
    budget: Option<String>,
    spent: String,
    refunds: String,
    remaining: Option<String>,
    used: Option<f64>,
    status: CostStatus,
    expenses: usize,
    time_elapsed: Option<f64>,
    /// plantrack's forecast at completion (see `compute::costs::forecast`).
    forecast: Option<String>,
    forecast_method: Option<ForecastMethod>,
    variance: Option<String>,
    /// The team's own estimate at completion (the Estimated Cost of the line's tasks, as
    /// written); not plantrack's forecast. Absent when no task of the line has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    team_estimate: Option<String>,
    budget_source: BudgetSource,
    budget_at: Vec<String>,
}

#[derive(Serialize)]
struct JsonTeam<'a> {
    team: &'a str,
    currency: &'a str,
    period: Option<Period>,
    time_elapsed: Option<f64>,
    #[serde(flatten)]
    totals: JsonTotals,
}

#[derive(Serialize)]
struct JsonTotals {
    budget: String,
    spent: String,
    /// Spending on lines without a budget: part of `spent`, not of remaining, used, forecast
    /// or variance (see `CostTotals`).
    unbudgeted: String,
    refunds: String,
    /// Budget minus spending on budgeted lines, as the sheet's total row.
    remaining: String,
    used: Option<f64>,
    expenses: usize,
    forecast: Option<String>,
    variance: Option<String>,
    /// The team's estimates summed over every line with one (see `CostTotals::estimate`);
    /// absent when no line has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    team_estimate: Option<String>,
}

fn number(d: Decimal) -> Option<f64> {
    rust_decimal::prelude::ToPrimitive::to_f64(&d)
}

fn json_totals(t: &CostTotals) -> JsonTotals {
    JsonTotals {
        budget: money_text(t.budget),
        spent: money_text(t.spent),
        unbudgeted: money_text(t.unbudgeted),
        refunds: money_text(t.refunds),
        remaining: money_text(t.remaining()),
        used: six(t.share_used()),
        expenses: t.expenses,
        forecast: t.forecast().map(|f| money_text(cents(f))),
        variance: t.variance().map(|v| money_text(cents(v))),
        team_estimate: t.estimate().map(money_text),
    }
}

fn json_line<'a>(view: &'a CostView, l: &'a CostLine) -> JsonLine<'a> {
    JsonLine {
        line: l.key,
        team: &l.team,
        budget_line: &l.category,
        currency: view.currency_of(&l.team),
        budget: l.budget.map(money_text),
        spent: money_text(l.spent),
        refunds: money_text(l.refunds),
        remaining: l.remaining().map(money_text),
        used: six(l.share_used()),
        status: l.status,
        expenses: l.expenses,
        time_elapsed: l.elapsed.map(ratio).and_then(number),
        forecast: l.forecast.map(|f| money_text(cents(f))),
        forecast_method: l.method,
        variance: l.variance().map(|v| money_text(cents(v))),
        team_estimate: l.estimate.map(money_text),
        budget_source: l.source,
        budget_at: l.budget_at.iter().map(|c| c.to_string()).collect(),
    }
}

/// The cost report as pretty-printed JSON.
///
/// Errors: serialisation fails (it does not for these types).
pub fn costs_json<'a>(view: &'a CostView, not_read: &'a [NotRead]) -> Result<String> {
    let r = view.report;
    let report = JsonReport {
        as_of: view.as_of,
        warn_at: view.warn_at.normalize().to_string(),
        lines: r.lines.iter().map(|l| json_line(view, l)).collect(),
        teams: r
            .teams
            .iter()
            .map(|t| JsonTeam {
                team: &t.team,
                currency: view.currency_of(&t.team),
                period: t.period,
                time_elapsed: t.elapsed.map(ratio).and_then(number),
                totals: json_totals(&t.totals),
            })
            .collect(),
        totals: view.one_currency().then(|| json_totals(&r.totals)),
        failed: not_read,
    };
    Ok(serde_json::to_string_pretty(&report)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_keep_every_cent_and_at_least_two_decimals() {
        assert_eq!(money_text(Decimal::new(823505, 1)), "82350.50");
        assert_eq!(money_text(Decimal::new(5000, 0)), "5000.00");
        assert_eq!(money_text(Decimal::new(-600000, 2)), "-6000.00");
        assert_eq!(money_text(Decimal::new(1005, 3)), "1.005");
    }

    #[test]
    fn formula_starts_are_escaped_and_other_text_is_not() {
        assert_eq!(csv_text("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        for s in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_text(s).starts_with('\''), "{s:?}");
        }
        assert_eq!(csv_text("直播推广费"), "直播推广费");
        assert_eq!(csv_text("a=b"), "a=b");
    }
}

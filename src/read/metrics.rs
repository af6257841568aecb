//! Metrics sheets (指标 / 数据 / KPI / Metrics): the numbers a team decides from — GMV,
//! exposure, conversion, new customers — by channel, against their targets. Kept in its own
//! file so the sheet reader's state machine only dispatches to it.
//!
//! Two layouts are read:
//! - long: one row per measurement, with a metric column (指标), target and/or actual, and
//!   optionally channel, unit, date or week, task, base and the completion rate the team wrote.
//!   A KPI sheet without dates (metric rows with 目标值 / 实际值 / 完成率) is the long layout
//!   with one row per metric for the whole campaign;
//! - wide: dates or weeks as rows and metrics as columns ("日期 | GMV（万元） | 曝光量 |
//!   转化率(%)"), on a sheet whose name says metrics.
//!
//! Values are read by the contract's parsers (1.2万, 3.2%, ¥1,320,000). A unit comes from a
//! unit column ("万元" multiplies plain numbers by 10,000; "人" is kept as the unit) or from
//! the header's bracket ("GMV（万元）", "转化率(%)"). Under a "%" unit a plain number above
//! 1 is percentage points (3.2 is 3.2%), as teams type rates; 1 or less is already a share.
//! Rows whose metric or date cell says 合计 / 总计 / Total are totals, not measurements.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cells::{RowReader, display};
use super::records::{RecordSink, team_of, week_start};
use super::source::CellValue;
use crate::contract::{
    Column, Field, FieldSpec, HeaderMap, KindSpec, SheetKind, TEAM, best_kind_for_headers,
    contains_alias, f, fold,
};
use crate::model::{Expected, MetricRow, ProblemKind, Quantity, Severity};
use crate::values::{
    currency_in, decimal_from_f64, parse_number, parse_week, quantity_in_text, split_unit_hint,
};

/// The fields of a long metrics sheet. The first zh and en alias are what `init` writes.
pub const FIELDS: &[FieldSpec] = &[
    f(
        Field::Channel,
        false,
        &["渠道", "平台", "媒体", "渠道/平台"],
        &["channel", "platform", "media"],
    ),
    f(
        Field::Metric,
        true,
        &["指标", "指标名称", "关键指标", "数据项", "考核指标"],
        &["metric", "kpi", "measure", "indicator"],
    ),
    f(
        Field::Target,
        false,
        &["目标值", "目标", "计划值"],
        &["target", "goal"],
    ),
    f(
        Field::Actual,
        false,
        &["实际值", "实际", "实际完成值", "完成值", "达成值"],
        &["actual", "result", "value"],
    ),
    f(Field::Unit, false, &["单位"], &["unit"]),
    f(Field::Date, false, &["日期"], &["date", "day"]),
    f(Field::Week, false, &["周次", "周"], &["week"]),
    f(Field::Task, false, &["关联任务", "任务"], &["task"]),
    f(
        Field::Base,
        false,
        &["基数", "样本量", "访客数"],
        &["base", "sample", "visitors"],
    ),
    f(
        Field::Rate,
        false,
        &["完成率", "达成率", "完成比例"],
        &["attainment", "completion", "% of target", "achievement"],
    ),
    TEAM,
];

/// Words in a metric or date cell that mark a totals row.
const TOTAL_WORDS: &[&str] = &["合计", "总计", "小计", "total", "subtotal", "sum"];

/// Headers beside a wide sheet's metrics that hold notes or names, not figures.
const NOT_METRICS: &[&str] = &[
    "备注",
    "说明",
    "负责人",
    "填写人",
    "序号",
    "note",
    "notes",
    "remark",
    "remarks",
    "comment",
    "comments",
    "owner",
    "no.",
    "#",
];

fn is_total(text: &str) -> bool {
    let t = fold(text);
    TOTAL_WORDS.iter().any(|w| t == *w)
}

/// True when a sheet's name holds a metrics alias anywhere ("Weekly KPIs", "渠道数据"), even
/// where a longer alias of another kind names the sheet: such a sheet may be wide.
pub fn named_like_metrics(name: &str) -> bool {
    let folded = fold(name);
    let spaced = crate::values::to_simplified(&crate::values::normalize_width(name)).to_lowercase();
    SheetKind::Metrics.name_aliases().iter().any(|alias| {
        let text = if alias.is_ascii() { &spaced } else { &folded };
        contains_alias(text, alias)
    })
}

/// The header row of a wide metrics sheet: a date or week column and at least one other
/// filled header cell, each of which is a metric (a channel column is read as the channel).
/// None when the row has a metric column (the long layout) or no date or week column.
pub fn wide_header(headers: &[String]) -> Option<HeaderMap> {
    let long = HeaderMap::build(SheetKind::Metrics, headers);
    if long.column(Field::Metric).is_some() {
        return None;
    }
    // A table another kind reads whole (a weekly tracker, a ledger) is that kind.
    if best_kind_for_headers(headers).is_some_and(|m| m.missing_required().is_empty()) {
        return None;
    }
    let period = [Field::Date, Field::Week]
        .into_iter()
        .find_map(|field| long.column(field).cloned())?;
    let mut columns = vec![period.clone()];
    if let Some(c) = long.column(Field::Channel) {
        columns.push(c.clone());
    }
    if let Some(c) = long.column(Field::Team) {
        columns.push(c.clone());
    }
    for (col, h) in headers.iter().enumerate() {
        let h = h.trim();
        if h.is_empty() || columns.iter().any(|c| c.col == col) {
            continue;
        }
        let (name, _) = name_and_unit(h);
        if name.is_empty() || is_total(&name) || NOT_METRICS.contains(&fold(&name).as_str()) {
            continue;
        }
        columns.push(Column {
            field: Field::WideMetric,
            col,
            header: h.to_string(),
            unit: None,
            lang: None,
        });
    }
    let metrics = columns
        .iter()
        .filter(|c| c.field == Field::WideMetric)
        .count();
    (metrics > 0).then_some(HeaderMap {
        kind: SheetKind::Metrics,
        columns,
    })
}

/// A header or unit text's meaning: the multiplier it applies to plain numbers and the unit
/// left ("万元" -> 10,000 and "¥"; "人" -> 1 and "人"; "%" -> 1 and "%"; "k" -> 1,000).
#[derive(Debug, Clone, PartialEq)]
pub struct UnitText {
    pub multiplier: Decimal,
    pub unit: Option<String>,
}

/// Reads a unit as written in a unit column or a header's bracket.
pub fn unit_text(text: &str) -> UnitText {
    let t = text.trim();
    let plain = UnitText {
        multiplier: Decimal::ONE,
        unit: (!t.is_empty()).then(|| t.to_string()),
    };
    if t.is_empty() || t == "%" || t == "％" {
        return UnitText {
            multiplier: Decimal::ONE,
            unit: (!t.is_empty()).then(|| "%".to_string()),
        };
    }
    if let (_, Some(hint)) = split_unit_hint(&format!("x({t})")) {
        return UnitText {
            multiplier: hint.multiplier,
            unit: hint.currency.or(plain.unit),
        };
    }
    // "万人", "千次": a multiplier before a measure word.
    match quantity_in_text(&format!("1{t}")) {
        Some(q) if q.value > Decimal::ONE && q.unit.as_deref() != Some("%") => UnitText {
            multiplier: q.value,
            unit: q.unit.or_else(|| currency_in(t)),
        },
        _ => plain,
    }
}

/// A wide header's metric name and unit: "GMV（万元）" -> ("GMV", 10,000 and ¥).
fn name_and_unit(header: &str) -> (String, UnitText) {
    let h = header.trim();
    let close = h.strip_suffix([')', '）', ']', '】']);
    if let Some(inner_end) = close
        && let Some(open) = inner_end.rfind(['(', '（', '[', '【'])
    {
        let open_len = inner_end[open..].chars().next().map_or(1, char::len_utf8);
        let name = inner_end[..open].trim();
        let unit = &inner_end[open + open_len..];
        if !name.is_empty() {
            return (name.to_string(), unit_text(unit));
        }
    }
    (h.to_string(), unit_text(""))
}

/// Reads one data row of a metrics sheet (either layout) into `sink`.
pub fn read_row(r: &mut RowReader<'_>, sink: &mut dyn RecordSink) {
    if r.map.column(Field::WideMetric).is_some() {
        wide_row(r, sink);
    } else if let Some(m) = long_row(r) {
        sink.metric(m);
    }
}

/// The day or week of a row: (day or Monday, label as written). A totals row gives Err.
fn period_of(r: &mut RowReader<'_>) -> Result<(Option<NaiveDate>, Option<String>), ()> {
    if let Some(v) = peek(r, Field::Week) {
        let label = display(&v);
        if is_total(&label) {
            return Err(());
        }
        let start = week_start(&v, r.as_of);
        // A campaign week ("第3周") is placed later, with the plan's dates.
        if start.is_none() && parse_week(&label).is_none() {
            let at = r.at_field(Field::Week);
            r.problem(
                at,
                Severity::Warning,
                ProblemKind::Unreadable {
                    found: label.clone(),
                    expected: Expected::Date,
                },
            );
        }
        return Ok((start, Some(label)));
    }
    if let Some(v) = peek(r, Field::Date) {
        let label = display(&v);
        if is_total(&label) {
            return Err(());
        }
        return Ok((r.date(Field::Date, false), Some(label)));
    }
    Ok((None, None))
}

/// A field's cell without reporting anything (None when absent or empty).
fn peek(r: &RowReader<'_>, field: Field) -> Option<CellValue> {
    let c = r.map.column(field)?;
    let v = r.row.get(c.col);
    (!v.is_empty()).then(|| v.clone())
}

fn long_row(r: &mut RowReader<'_>) -> Option<MetricRow> {
    if peek(r, Field::Metric).is_some_and(|v| is_total(&display(&v))) {
        return None;
    }
    let (date, period) = period_of(r).ok()?;
    let metric = r.required_text(Field::Metric)?;
    let unit_cell = r.text(Field::Unit);
    let unit = unit_cell.as_deref().map(unit_text);
    let header_unit = [Field::Actual, Field::Target]
        .into_iter()
        .find_map(|field| {
            let c = r.map.column(field)?;
            let (_, u) = name_and_unit(&c.header);
            u.unit
        });
    // A metric without figures yet is still listed (its actual shows as missing).
    let target = value(r, Field::Target, unit.as_ref());
    let actual = value(r, Field::Actual, unit.as_ref());
    let base = r.quantity(Field::Base, Expected::Number).map(|q| q.value);
    let stated_rate = stated_rate(r);
    let unit = unit
        .and_then(|u| u.unit)
        .or(header_unit)
        .or_else(|| actual.as_ref().or(target.as_ref())?.unit.clone());
    Some(MetricRow {
        team: team_of(r),
        row: r.at(0),
        metric,
        channel: r.text(Field::Channel),
        task: r.text(Field::Task),
        date,
        period,
        target,
        actual,
        base,
        unit,
        stated_rate,
        rate_at: r.at_field(Field::Rate),
        actual_at: r.at_field(Field::Actual),
    })
}

/// The completion rate a team wrote: "132%" or a %-formatted cell (1.32) is 1.32; a plain
/// number above 5 is percentage points (132 -> 1.32). Completion rates pass 100%, so the
/// Progress rule (above 1 is points) would misread them.
fn stated_rate(r: &mut RowReader<'_>) -> Option<f64> {
    let raw = peek(r, Field::Rate)?;
    let points = |v: f64| if v.abs() > 5.0 { v / 100.0 } else { v };
    let rate = match &raw {
        CellValue::Number(n) if n.is_finite() => Some(points(*n)),
        CellValue::Text(t) => parse_number(t).and_then(|q| {
            let v: f64 = q.value.try_into().ok()?;
            Some(if q.unit.as_deref() == Some("%") {
                v
            } else {
                points(v)
            })
        }),
        _ => None,
    };
    if rate.is_none() {
        let at = r.at_field(Field::Rate);
        r.problem(
            at,
            Severity::Warning,
            ProblemKind::Unreadable {
                found: display(&raw),
                expected: Expected::Percent,
            },
        );
    }
    rate
}

/// A target or actual: the contract's number forms; the unit column's multiplier applies to
/// plain numbers, and a "%" unit turns them into shares.
fn value(r: &mut RowReader<'_>, field: Field, unit: Option<&UnitText>) -> Option<Quantity> {
    let raw = peek(r, field)?;
    let plain = match &raw {
        CellValue::Number(_) => true,
        CellValue::Text(t) => t
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-')),
        _ => false,
    };
    let q = r.quantity(field, Expected::Quantity)?;
    Some(match unit {
        Some(u) if plain => scaled(q, u),
        _ => q,
    })
}

fn scaled(q: Quantity, u: &UnitText) -> Quantity {
    if u.unit.as_deref() == Some("%") && q.unit.is_none() {
        let value = if q.value.abs() > Decimal::ONE {
            q.value / Decimal::ONE_HUNDRED
        } else {
            q.value
        };
        return Quantity {
            value,
            unit: Some("%".into()),
        };
    }
    Quantity {
        value: q.value.checked_mul(u.multiplier).unwrap_or(q.value),
        unit: q.unit,
    }
}

fn wide_row(r: &mut RowReader<'_>, sink: &mut dyn RecordSink) {
    let Ok((date, period)) = period_of(r) else {
        return;
    };
    let channel = r.text(Field::Channel);
    let team = team_of(r);
    let columns: Vec<Column> = r
        .map
        .columns
        .iter()
        .filter(|c| c.field == Field::WideMetric)
        .cloned()
        .collect();
    for c in columns {
        let cell = r.row.get(c.col).clone();
        let at = r.at(c.col);
        let q = match &cell {
            CellValue::Empty => continue,
            CellValue::Number(n) => {
                decimal_from_f64(*n).map(|value| (Quantity { value, unit: None }, true))
            }
            CellValue::Text(t) => parse_number(t).map(|q| (q, false)),
            CellValue::Error(e) => {
                r.problem(
                    at,
                    Severity::Warning,
                    ProblemKind::CellError { found: e.clone() },
                );
                continue;
            }
            _ => None,
        };
        let Some((q, plain)) = q else {
            r.problem(
                at,
                Severity::Warning,
                ProblemKind::Unreadable {
                    found: display(&cell),
                    expected: Expected::Number,
                },
            );
            continue;
        };
        let (metric, unit) = name_and_unit(&c.header);
        let q = if plain || q.unit.is_none() {
            scaled(q, &unit)
        } else {
            q
        };
        sink.metric(MetricRow {
            team: team.clone(),
            row: r.at(0),
            metric,
            channel: channel.clone(),
            task: None,
            date,
            period: period.clone(),
            target: None,
            unit: unit.unit.or_else(|| q.unit.clone()),
            actual: Some(q),
            base: None,
            stated_rate: None,
            rate_at: at.clone(),
            actual_at: at,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn units_give_their_multiplier_and_what_is_left() {
        let u = unit_text("万元");
        assert_eq!((u.multiplier, u.unit.as_deref()), (d("10000"), Some("¥")));
        let u = unit_text("人");
        assert_eq!((u.multiplier, u.unit.as_deref()), (d("1"), Some("人")));
        let u = unit_text("%");
        assert_eq!((u.multiplier, u.unit.as_deref()), (d("1"), Some("%")));
        let u = unit_text("k");
        assert_eq!(u.multiplier, d("1000"));
        let u = unit_text("万人");
        assert_eq!((u.multiplier, u.unit.as_deref()), (d("10000"), Some("人")));
        let u = unit_text("次");
        assert_eq!((u.multiplier, u.unit.as_deref()), (d("1"), Some("次")));
    }

    #[test]
    fn wide_headers_name_metrics_with_their_units() {
        let h: Vec<String> = ["日期", "渠道", "GMV（万元）", "曝光量", "转化率(%)", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let map = wide_header(&h).unwrap();
        let metrics: Vec<usize> = map
            .columns
            .iter()
            .filter(|c| c.field == Field::WideMetric)
            .map(|c| c.col)
            .collect();
        assert_eq!(metrics, [2, 3, 4]);
        assert_eq!(name_and_unit("GMV（万元）").0, "GMV");
        assert_eq!(name_and_unit("转化率(%)").1.unit.as_deref(), Some("%"));
        // A weekly tracker or a ledger on a sheet named 数据 is not wide.
        let weekly: Vec<String> = ["周次", "任务名称", "本周计划", "实际完成", "责任人"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(wide_header(&weekly).is_none());
        let ledger: Vec<String> = ["日期", "费用科目", "渠道", "金额"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(wide_header(&ledger).is_none());
        // A long header row is not wide.
        let h: Vec<String> = ["日期", "指标", "实际值"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(wide_header(&h).is_none());
    }
}

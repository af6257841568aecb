//! Typed access to one data row: each getter reads a field's cell as the type the contract
//! says, applies the column's unit, and turns anything unreadable into a [`Problem`] at that
//! cell (an error for a required field, a warning otherwise) instead of failing the row.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::schema::{Column, Field, HeaderMap, KindSpec};
use super::source::{CellValue, Row};
use crate::model::{CellRef, Expected, Problem, ProblemKind, Quantity, Severity};
use crate::values::{
    DateText, UnitHint, approximate_number, currency_in, decimal_from_f64, invisible_in, is_free,
    is_plausible_date, month_day_number, parse_date, parse_date_range, parse_number, progress_word,
    quantity_in_text, serial_to_date, strip_invisible, to_cents, unit_note,
};

/// One data row with what is needed to read and report on it.
pub struct RowReader<'a> {
    pub sheet: &'a str,
    pub team: &'a str,
    pub row: &'a Row,
    pub map: &'a HeaderMap,
    pub as_of: NaiveDate,
    pub problems: &'a mut Vec<Problem>,
    /// The first currency written in a money cell of the sheet ("NT$12,000"), for the
    /// team's currency when no header names one.
    pub currency: &'a mut Option<String>,
}

/// A date cell read: one date, or a range ("6月1日-6月3日") giving a start and an end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateCell {
    Day(NaiveDate),
    Range(NaiveDate, NaiveDate),
}

impl RowReader<'_> {
    pub fn at(&self, col: usize) -> CellRef {
        CellRef::new(self.sheet, self.row.index, col as u32)
    }

    /// Place of a field's cell, or of the row's first cell when the column is absent.
    pub fn at_field(&self, field: Field) -> CellRef {
        match self.map.column(field) {
            Some(c) => self.at(c.col),
            None => self.at_first(),
        }
    }

    /// The row's first cell in the table (column B when the table starts there, not A).
    pub fn at_first(&self) -> CellRef {
        self.at(self.map.columns.iter().map(|c| c.col).min().unwrap_or(0))
    }

    pub fn problem(&mut self, at: CellRef, severity: Severity, kind: ProblemKind) {
        self.problems.push(Problem {
            team: self.team.to_string(),
            at,
            severity,
            kind,
        });
    }

    fn severity(&self, field: Field) -> Severity {
        let required = self
            .map
            .kind
            .fields()
            .iter()
            .any(|s| s.field == field && s.required);
        if required {
            Severity::Error
        } else {
            Severity::Warning
        }
    }

    /// The field's cell, unless the column is absent or the cell is empty. Error values
    /// are reported here, once, and read as empty.
    fn cell(&mut self, field: Field) -> Option<(CellValue, Column)> {
        let column = self.map.column(field)?.clone();
        let value = self.row.get(column.col).clone();
        if let CellValue::Error(e) = &value {
            let sev = self.severity(field);
            let at = self.at(column.col);
            self.problem(at, sev, ProblemKind::CellError { found: e.clone() });
            return None;
        }
        (!value.is_empty()).then_some((value, column))
    }

    fn unreadable(&mut self, field: Field, col: usize, found: String, expected: Expected) {
        let sev = self.severity(field);
        let at = self.at(col);
        self.problem(at, sev, ProblemKind::Unreadable { found, expected });
    }

    /// Reports a required field left empty; returns None for use in `?` chains.
    pub fn missing<T>(&mut self, field: Field) -> Option<T> {
        let header = self
            .map
            .column(field)
            .map(|c| c.header.clone())
            .unwrap_or_default();
        let at = self.at_field(field);
        self.problem(at, Severity::Error, ProblemKind::Missing { field: header });
        None
    }

    /// The cell as text: numbers in their shortest form, dates as yyyy-mm-dd. Invisible
    /// characters (U+200D, U+2060, soft hyphens...) are removed, with a note that says which.
    pub fn text(&mut self, field: Field) -> Option<String> {
        let (value, column) = self.cell(field)?;
        let shown = display(&value);
        let removed = invisible_in(&shown);
        if removed.is_empty() {
            return Some(shown);
        }
        let clean = strip_invisible(&shown).trim().to_string();
        let at = self.at(column.col);
        self.problem(
            at,
            Severity::Info,
            ProblemKind::InvisibleCharacters {
                found: clean.clone(),
                removed,
            },
        );
        (!clean.is_empty()).then_some(clean)
    }

    /// A required text field; reports it when empty.
    pub fn required_text(&mut self, field: Field) -> Option<String> {
        match self.text(field) {
            Some(t) => Some(t),
            None => self.missing(field),
        }
    }

    /// A number, with the column's unit multiplier applied ("目标值（万元）" 150 -> 1500000).
    pub fn quantity(&mut self, field: Field, expected: Expected) -> Option<Quantity> {
        let (value, column) = self.cell(field)?;
        let q = match &value {
            CellValue::Number(n) => {
                decimal_from_f64(*n).map(|value| Quantity { value, unit: None })
            }
            CellValue::Text(t) => parse_number(t)
                .or_else(|| {
                    (expected == Expected::Quantity)
                        .then(|| quantity_in_text(t))
                        .flatten()
                })
                .or_else(|| self.approximate(t, column.col))
                .or_else(|| {
                    is_free(t).then_some(Quantity {
                        value: Decimal::ZERO,
                        unit: None,
                    })
                }),
            _ => None,
        };
        if let CellValue::Text(t) = &value
            && q.is_some()
            && self.currency.is_none()
        {
            *self.currency = currency_in(t);
        }
        let scaled = q.and_then(|q| apply_unit(q, &column));
        if scaled.is_none() {
            self.unreadable(field, column.col, display(&value), expected);
        }
        scaled
    }

    /// "约2000", "~2k": the number, with a warning at the cell.
    fn approximate(&mut self, text: &str, col: usize) -> Option<Quantity> {
        let q = approximate_number(text)?;
        let at = self.at(col);
        self.problem(
            at,
            Severity::Warning,
            ProblemKind::Approximate {
                found: text.trim().to_string(),
                read: q.value,
            },
        );
        Some(q)
    }

    /// Money: a number that is not a percentage, to the cent (a formula's 1128.666666666667
    /// is 1128.67).
    pub fn money(&mut self, field: Field) -> Option<Decimal> {
        let col = self.map.column(field)?.col;
        let q = self.quantity(field, Expected::Money)?;
        if q.unit.as_deref() == Some("%") {
            let found = display(self.row.get(col));
            self.unreadable(field, col, found, Expected::Money);
            return None;
        }
        Some(to_cents(q.value))
    }

    /// A share 0..1: "80%" and 0.8 are 0.8; a plain number above 1 is percentage points
    /// (80 -> 0.8), as teams type progress.
    pub fn share(&mut self, field: Field) -> Option<f64> {
        let (value, column) = self.cell(field)?;
        let share = match &value {
            CellValue::Number(n) if n.is_finite() => Some(points_or_share(*n)),
            CellValue::Text(t) => parse_number(t)
                .and_then(|q| {
                    let v: f64 = q.value.try_into().ok()?;
                    Some(if q.unit.as_deref() == Some("%") {
                        v
                    } else {
                        points_or_share(v)
                    })
                })
                .or_else(|| progress_word(t)),
            _ => None,
        };
        if share.is_none() {
            self.unreadable(field, column.col, display(&value), Expected::Percent);
        }
        share
    }

    /// A date from a date cell, an Excel serial number, or text in any contract form.
    /// A placeholder ("202X..", "待定") is a problem only when `required`. A range reads
    /// as its end here; see [`RowReader::date_cell`].
    pub fn date(&mut self, field: Field, required: bool) -> Option<NaiveDate> {
        match self.date_cell(field, required)? {
            DateCell::Day(d) | DateCell::Range(_, d) => Some(d),
        }
    }

    /// A date cell, which may hold a range: "6月1日-6月3日", "4/14-18". A number such as 6.12
    /// is month.day (June 12, with a note; its serial would be 1900-01-06). A date before 2000
    /// or more than five years from as-of is an error at the cell, and no date.
    pub fn date_cell(&mut self, field: Field, required: bool) -> Option<DateCell> {
        let Some((value, column)) = self.cell(field) else {
            return if required { self.missing(field) } else { None };
        };
        let at = self.at(column.col);
        let parsed = match &value {
            CellValue::Date(d) => DateText::Date(*d),
            CellValue::Number(n) => match month_day_number(*n, self.as_of) {
                Some(date) => {
                    let found = display(&value);
                    self.problem(
                        at.clone(),
                        Severity::Info,
                        ProblemKind::DateFromNumber { found, date },
                    );
                    DateText::Date(date)
                }
                None => serial_to_date(*n).map_or(DateText::Invalid, DateText::Date),
            },
            CellValue::Text(t) => match parse_date(t, self.as_of) {
                DateText::Invalid => match parse_date_range(t, self.as_of) {
                    Some((start, end)) => {
                        return self.plausible(&value, at, DateCell::Range(start, end));
                    }
                    None => DateText::Invalid,
                },
                other => other,
            },
            _ => DateText::Invalid,
        };
        match parsed {
            DateText::Date(d) => self.plausible(&value, at, DateCell::Day(d)),
            DateText::Placeholder => {
                if required {
                    let at = self.at(column.col);
                    self.problem(
                        at,
                        Severity::Error,
                        ProblemKind::NoDate {
                            found: display(&value),
                        },
                    );
                }
                None
            }
            DateText::Invalid => {
                let sev = if required {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let at = self.at(column.col);
                self.problem(
                    at,
                    sev,
                    ProblemKind::Unreadable {
                        found: display(&value),
                        expected: Expected::Date,
                    },
                );
                None
            }
        }
    }

    /// The date cell, unless a date in it is before 2000 or more than five years from as-of
    /// (an error at the cell: a 1900 serial or a mistyped year would make thousands of days).
    fn plausible(&mut self, value: &CellValue, at: CellRef, cell: DateCell) -> Option<DateCell> {
        let (first, last) = match cell {
            DateCell::Day(d) => (d, d),
            DateCell::Range(a, b) => (a, b),
        };
        let bad = [first, last]
            .into_iter()
            .find(|d| !is_plausible_date(*d, self.as_of));
        let Some(date) = bad else {
            return Some(cell);
        };
        let found = display(value);
        self.problem(
            at,
            Severity::Error,
            ProblemKind::ImplausibleDate { found, date },
        );
        None
    }

    /// The raw cell of a field, for readers that interpret it themselves (week labels).
    pub fn raw(&mut self, field: Field) -> Option<CellValue> {
        self.cell(field).map(|(v, _)| v)
    }

    /// True when the row has nothing in any recognised column (a note beside the table).
    pub fn is_note_only(&self) -> bool {
        self.map
            .columns
            .iter()
            .all(|c| self.row.get(c.col).is_empty())
    }
}

/// The first unit note ("单位：万元", "(£000)") among a row's cells above a table's header,
/// with the note as written and its cell.
pub fn unit_note_in(row: &Row, sheet: &str) -> Option<(String, UnitHint, CellRef)> {
    row.cells.iter().enumerate().find_map(|(col, cell)| {
        let CellValue::Text(t) = cell else {
            return None;
        };
        let hint = unit_note(t)?;
        Some((
            t.trim().to_string(),
            hint,
            CellRef::new(sheet, row.index, col as u32),
        ))
    })
}

/// Applies a unit note to the table's money columns (amount, budget) whose header names no
/// unit of its own; returns the headers it now applies to.
pub fn apply_unit_note(map: &mut HeaderMap, hint: &UnitHint) -> Vec<String> {
    map.columns
        .iter_mut()
        .filter(|c| matches!(c.field, Field::Amount | Field::Budget) && c.unit.is_none())
        .map(|c| {
            c.unit = Some(hint.clone());
            c.header.clone()
        })
        .collect()
}

fn points_or_share(n: f64) -> f64 {
    if n.abs() > 1.0 { n / 100.0 } else { n }
}

fn apply_unit(q: Quantity, column: &Column) -> Option<Quantity> {
    let Some(hint) = &column.unit else {
        return Some(q);
    };
    if q.unit.as_deref() == Some("%") || hint.multiplier.is_zero() {
        return Some(q);
    }
    Some(Quantity {
        value: q.value.checked_mul(hint.multiplier)?,
        unit: q.unit,
    })
}

/// How a cell reads as text in messages and text fields.
pub fn display(value: &CellValue) -> String {
    match value {
        CellValue::Empty => String::new(),
        CellValue::Text(t) => t.trim().to_string(),
        CellValue::Number(n) => format!("{n}"),
        CellValue::Date(d) => d.format("%Y-%m-%d").to_string(),
        CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        CellValue::Error(e) => e.clone(),
    }
}

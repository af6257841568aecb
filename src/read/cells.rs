//! Typed access to one data row: each getter reads a field's cell as the type the contract
//! says, applies the column's unit, and turns anything unreadable into a [`Problem`] at that
//! cell (an error for a required field, a warning otherwise) instead of failing the row.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::source::{CellValue, Row};
use crate::contract::{Column, Field, HeaderMap, KindSpec};
use crate::model::{CellRef, Expected, Problem, ProblemKind, Quantity, Severity};
use crate::values::{
    DateText, decimal_from_f64, parse_date, parse_number, quantity_in_text, serial_to_date,
};

/// One data row with what is needed to read and report on it.
pub struct RowReader<'a> {
    pub sheet: &'a str,
    pub team: &'a str,
    pub row: &'a Row,
    pub map: &'a HeaderMap,
    pub as_of: NaiveDate,
    pub problems: &'a mut Vec<Problem>,
}

impl RowReader<'_> {
    pub fn at(&self, col: usize) -> CellRef {
        CellRef::new(self.sheet, self.row.index, col as u32)
    }

    /// Place of a field's cell, or of the row's first cell when the column is absent.
    pub fn at_field(&self, field: Field) -> CellRef {
        self.at(self.map.column(field).map_or(0, |c| c.col))
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

    /// The cell as text: numbers in their shortest form, dates as yyyy-mm-dd.
    pub fn text(&mut self, field: Field) -> Option<String> {
        let (value, _) = self.cell(field)?;
        Some(display(&value))
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
            CellValue::Text(t) => parse_number(t).or_else(|| {
                (expected == Expected::Quantity)
                    .then(|| quantity_in_text(t))
                    .flatten()
            }),
            _ => None,
        };
        let scaled = q.and_then(|q| apply_unit(q, &column));
        if scaled.is_none() {
            self.unreadable(field, column.col, display(&value), expected);
        }
        scaled
    }

    /// Money: a number that is not a percentage.
    pub fn money(&mut self, field: Field) -> Option<Decimal> {
        let col = self.map.column(field)?.col;
        let q = self.quantity(field, Expected::Money)?;
        if q.unit.as_deref() == Some("%") {
            let found = display(self.row.get(col));
            self.unreadable(field, col, found, Expected::Money);
            return None;
        }
        Some(q.value)
    }

    /// A share 0..1: "80%" and 0.8 are 0.8; a plain number above 1 is percentage points
    /// (80 -> 0.8), as teams type progress.
    pub fn share(&mut self, field: Field) -> Option<f64> {
        let (value, column) = self.cell(field)?;
        let share = match &value {
            CellValue::Number(n) if n.is_finite() => Some(points_or_share(*n)),
            CellValue::Text(t) => parse_number(t).and_then(|q| {
                let v: f64 = q.value.try_into().ok()?;
                Some(if q.unit.as_deref() == Some("%") {
                    v
                } else {
                    points_or_share(v)
                })
            }),
            _ => None,
        };
        if share.is_none() {
            self.unreadable(field, column.col, display(&value), Expected::Percent);
        }
        share
    }

    /// A date from a date cell, an Excel serial number, or text in any contract form.
    /// A placeholder ("202X..", "待定") is a problem only when `required`.
    pub fn date(&mut self, field: Field, required: bool) -> Option<NaiveDate> {
        let Some((value, column)) = self.cell(field) else {
            return if required { self.missing(field) } else { None };
        };
        let parsed = match &value {
            CellValue::Date(d) => DateText::Date(*d),
            CellValue::Number(n) => serial_to_date(*n).map_or(DateText::Invalid, DateText::Date),
            CellValue::Text(t) => parse_date(t, self.as_of),
            _ => DateText::Invalid,
        };
        match parsed {
            DateText::Date(d) => Some(d),
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

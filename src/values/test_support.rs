//! Helpers shared by the value parsers' tests.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{DateText, parse_date, parse_number, quantity_in_text};

pub fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("test decimal")
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date")
}

pub fn num(text: &str) -> Option<(Decimal, Option<String>)> {
    parse_number(text).map(|q| (q.value, q.unit))
}

pub fn plain(value: &str) -> Option<(Decimal, Option<String>)> {
    Some((dec(value), None))
}

pub fn percent(value: &str) -> Option<(Decimal, Option<String>)> {
    Some((dec(value), Some("%".to_string())))
}

pub fn qty(text: &str) -> Option<(Decimal, Option<String>)> {
    quantity_in_text(text).map(|q| (q.value, q.unit))
}

pub fn with_unit(value: &str, unit: &str) -> Option<(Decimal, Option<String>)> {
    Some((dec(value), Some(unit.to_string())))
}

pub const AS_OF: (i32, u32, u32) = (2026, 11, 26);

pub fn as_of() -> NaiveDate {
    date(AS_OF.0, AS_OF.1, AS_OF.2)
}

pub fn day(text: &str) -> DateText {
    parse_date(text, as_of())
}

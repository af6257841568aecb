//! Cell-value parsers: numbers, money, quantities inside text, shares, dates. Pure functions
//! over text (no calamine types), so they can be fuzzed and property-tested alone. Teams type
//! numbers every way a spreadsheet allows: "¥1.2万", "(1,200)", "１２３", "发布笔记10篇",
//! "2026年11月26日", "11/26", "202X.."; each form the workbook contract lists is read here.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::Quantity;

/// A multiplier and/or currency read from a header's trailing unit: `金额(元)`,
/// `预算（万元）`, `Budget (k)`, `Amount (USD)`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitHint {
    /// Applies to every value of the column (1 when the unit names only a currency).
    pub multiplier: Decimal,
    /// "¥", "$", "USD", "CNY"... where the unit names a currency.
    pub currency: Option<String>,
}

/// What a date cell's text held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateText {
    Date(NaiveDate),
    /// "202X..", "TBD", "待定", "--": no date given (yet).
    Placeholder,
    /// Anything else: not a date.
    Invalid,
}

/// Full-width forms to half-width (１２３ -> 123, （ -> (, ， -> ,, ％ -> %, ．-> .,
/// ideographic space -> space), non-breaking spaces to spaces, then trimmed.
pub fn normalize_width(text: &str) -> String {
    todo!()
}

/// Traditional Chinese characters to simplified, for the characters that occur in the
/// contract's headers, sheet names, status words and units (萬->万, 億->亿, 預->预, 算->算,
/// 負->负, 責->责, 階->阶, 務->务, 週->周, 進->进, 際->际, 額->额, 與->与, 費->费, 險->险...).
pub fn to_simplified(text: &str) -> String {
    todo!()
}

/// A whole cell read as a number: "1,200", "¥1.2万", "(1,200)", "-3.5k", "2w", "1.5M",
/// "80%" (0.8, unit "%"), "１２３", "RMB 500", "500元", "1亿". The unit is None for plain
/// numbers and money, "%" for percentages. None when the text is not a number.
pub fn parse_number(text: &str) -> Option<Quantity> {
    todo!()
}

/// The quantity inside a text: "发布笔记10篇" -> 10 篇, "确定3名主播" -> 3 名,
/// "新品首月销售额500万" -> 5000000, "618大促预算10万" -> 100000 (a number with a multiplier
/// or currency mark wins; failing that, the last number). Whole-cell numbers parse too.
pub fn quantity_in_text(text: &str) -> Option<Quantity> {
    todo!()
}

/// The budget written inside a resources text: "主播3名、预算10万" -> 100000.
pub fn budget_in_text(text: &str) -> Option<Decimal> {
    todo!()
}

/// Exact decimal for a float read from a cell, using its shortest round-trip form
/// (0.1 -> 0.1, not 0.1000000000000000055...). None for NaN or infinities.
pub fn decimal_from_f64(value: f64) -> Option<Decimal> {
    todo!()
}

/// A date typed as text: "2026-11-26", "2026/11/26", "2026.11.26", "2026年11月26日",
/// "11月26日", "11/26", "11-26" (no year: the year that puts it nearest `as_of`), and
/// placeholders.
pub fn parse_date(text: &str, as_of: NaiveDate) -> DateText {
    todo!()
}

/// An Excel serial day number (1900 date system) as a date; None when out of range.
pub fn serial_to_date(serial: f64) -> Option<NaiveDate> {
    todo!()
}

/// Header text without its trailing unit, and the unit's meaning:
/// "目标值（万元）" -> ("目标值", multiplier 10000); "Amount (USD)" -> ("Amount", 1, "USD").
pub fn split_unit_hint(header: &str) -> (String, Option<UnitHint>) {
    todo!()
}

/// The names in an owner cell: "张三/李四", "张三、李四", "A, B", "A and B" give two.
pub fn split_owners(text: &str) -> Vec<String> {
    todo!()
}

/// The currency named in a text, if any: "¥"/"￥"/"元"/"RMB"/"CNY" -> "¥", "$"/"USD" -> "$",
/// "€"/"EUR" -> "€".
pub fn currency_in(text: &str) -> Option<String> {
    todo!()
}

//! Cell-value parsers: numbers, money, quantities inside text, shares, dates, header units.
//! Pure functions over text (no calamine types), so they can be fuzzed and property-tested
//! alone. Teams type values every way a spreadsheet allows: "¥1.2万", "(1,200)", "１２３",
//! "发布笔记10篇", "2026年11月26日", "11/26", "202X.."; each form the workbook contract lists is
//! read here, one subject per file:
//!
//! - [`text`]: width, traditional characters, case and invisible characters folded away;
//!   owner lists.
//! - [`numbers`]: whole-cell numbers and money, multipliers and currencies.
//! - [`quantities`]: the quantity or budget written inside a text.
//! - [`dates`]: typed dates, placeholders, Excel serials.
//! - [`headers`]: a header's trailing unit ("预算（万元）").

mod dates;
mod headers;
mod numbers;
mod quantities;
mod text;

pub use dates::{DateText, parse_date, serial_1904_to_date, serial_to_date};
pub use headers::{UnitHint, split_unit_hint};
pub use numbers::{currency_in, decimal_from_f64, parse_number};
pub use quantities::{budget_in_text, quantity_in_text};
pub use text::{fold, normalize_width, split_owners, to_simplified};

#[cfg(test)]
mod test_support;

#[cfg(test)]
#[path = "properties_tests.rs"]
mod properties;

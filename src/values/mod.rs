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
//! - [`headers`]: a header's trailing unit ("预算（万元）") and unit notes above a table
//!   ("单位：万元", "(£000)").
//! - [`words`]: status and progress words, one vocabulary in both languages.
//! - [`links`]: predecessor links ("3FS", "3SS+2", "after X", "X之后").
//! - [`weeks`]: week labels ("W45", "Wk 45", "第3周").

mod dates;
mod headers;
mod links;
mod numbers;
mod quantities;
mod text;
mod weeks;
mod words;

pub use dates::{
    DateText, date_in_order, is_plausible_date, month_day_number, month_first_in, parse_date,
    parse_date_range, serial_1904_to_date, serial_to_date,
};
pub use headers::{UnitHint, split_unit_hint, unit_note};
pub use links::{Link, LinkKind, parse_link};
pub use numbers::{
    approximate_number, currency_in, decimal_from_f64, is_free, parse_number, to_cents,
};
pub use quantities::{budget_in_text, quantity_in_text, target_in_text};
pub use text::{
    closest_folded, did_you_mean, edit_distance, fold, invisible_in, normalize_width, split_owners,
    strip_invisible, to_simplified,
};
pub use weeks::{WeekLabel, parse_week, resolve_week};
pub use words::{progress_word, status_word};

#[cfg(test)]
mod test_support;

#[cfg(test)]
#[path = "properties_tests.rs"]
mod properties;

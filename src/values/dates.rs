//! Dates as teams type them: ISO and Chinese forms, month names, yearless days, Excel serials,
//! and the placeholders that mean "no date yet".

use chrono::{Datelike, Days, NaiveDate};

use super::numbers::strip_token_suffix;
use super::text::canonical;

/// What a date cell's text held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateText {
    Date(NaiveDate),
    /// "202X..", "TBD", "待定", "--": no date given (yet).
    Placeholder,
    /// Anything else: not a date.
    Invalid,
}

/// A date typed as text: "2026-11-26", "2026/11/26", "2026.11.26", "2026年11月26日",
/// "11月26日", "11/26", "11-26", "11.26" (no year: the year among as_of's, the one before and
/// the one after that puts it nearest `as_of`), "20261126", "Nov 26, 2026", "26-Nov",
/// "11/26/2026" (day and month are told apart only when one of them is above 12; an ambiguous
/// "03/04/2026" is Invalid). A time part ("2026-11-26 00:00:00") and a weekday ("周三",
/// "(Wed)") are ignored.
///
/// Placeholders: text with "XX", or an X or ? beside a digit or date mark ("202X", "11月X日",
/// "2026-11-??"); "TBD", "TBC", "TBA", "待定", "待确认", "未定", "待安排", "暂无", "pending";
/// and whole cells "-", "--", "—", "/", "N/A", "NA", "none", "无". An empty text is a
/// placeholder too. Impossible dates ("2026-02-30") and everything else are Invalid.
pub fn parse_date(text: &str, as_of: NaiveDate) -> DateText {
    let s = canonical(text);
    if s.is_empty() {
        return DateText::Placeholder;
    }
    if let Some(date) = date_from_text(&s, as_of) {
        return DateText::Date(date);
    }
    if is_placeholder(&s) {
        DateText::Placeholder
    } else {
        DateText::Invalid
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateToken {
    /// A number and how many digits it was written with.
    Num(u32, usize),
    Sep(char),
    Month(u32),
}

fn date_from_text(s: &str, as_of: NaiveDate) -> Option<NaiveDate> {
    let tokens = date_tokens(strip_time(s))?;
    numeric_date(&tokens, as_of).or_else(|| month_name_date(&tokens, as_of))
}

/// The text without a trailing time of day: "2026-11-26 10:00:00", "2026-11-26T10:00",
/// "11月26日 下午3:00".
fn strip_time(s: &str) -> &str {
    let Some(colon) = s.find(':') else {
        return s;
    };
    let before = &s[..colon];
    let head = before.trim_end_matches(|c: char| c.is_ascii_digit());
    let tail = &s[head.len()..];
    if !is_time(tail) {
        return s;
    }
    let mut head = head.trim_end();
    if let Some(date) = head.strip_suffix('T')
        && date.ends_with(|c: char| c.is_ascii_digit())
    {
        head = date;
    }
    for marker in ["上午", "下午", "中午", "晚上"] {
        head = head.strip_suffix(marker).unwrap_or(head).trim_end();
    }
    head
}

fn is_time(s: &str) -> bool {
    let s = s.trim();
    let s = ["am", "pm", "z"]
        .iter()
        .find_map(|m| strip_token_suffix(s, m, false))
        .unwrap_or(s)
        .trim_end();
    s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
}

/// Parts of a day written after a date ("4/27 Mon AM", "11月26日上午"): dropped.
const DAY_PARTS: &[&str] = &["上午", "下午", "中午", "晚上", "早上", "全天"];

const WEEKDAY_DAYS: &str = "一二三四五六日天七";
const ENGLISH_WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The text after a leading Chinese weekday (周三, 星期三, 礼拜三), if it starts with one.
fn strip_weekday(s: &str) -> Option<&str> {
    let rest = ["星期", "礼拜", "周"]
        .iter()
        .find_map(|w| s.strip_prefix(w))?;
    let day = rest.chars().next()?;
    WEEKDAY_DAYS.contains(day).then(|| &rest[day.len_utf8()..])
}

fn month_number(word: &str) -> Option<u32> {
    if word == "sept" {
        return Some(9);
    }
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| m.starts_with(word))?;
    u32::try_from(index + 1).ok()
}

/// Numbers, separators and month names of a date text; weekdays, ordinal endings, spaces,
/// commas and brackets are dropped. None on anything else.
fn date_tokens(s: &str) -> Option<Vec<DateToken>> {
    let mut tokens = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = strip_weekday(rest) {
            rest = after;
            continue;
        }
        if let Some(after) = DAY_PARTS.iter().find_map(|p| rest.strip_prefix(p)) {
            rest = after;
            continue;
        }
        let run = |pred: fn(char) -> bool| rest.find(|c: char| !pred(c)).unwrap_or(rest.len());
        if c.is_ascii_digit() {
            let len = run(|c| c.is_ascii_digit());
            if len > 8 {
                return None;
            }
            tokens.push(DateToken::Num(rest[..len].parse().ok()?, len));
            rest = &rest[len..];
        } else if c.is_ascii_alphabetic() {
            let len = run(|c| c.is_ascii_alphabetic());
            let word = rest[..len].to_ascii_lowercase();
            if let Some(month) = month_number(&word) {
                tokens.push(DateToken::Month(month));
            } else if !ENGLISH_WEEKDAYS.contains(&word.as_str())
                && !["st", "nd", "rd", "th", "am", "pm", "eod", "noon"].contains(&word.as_str())
            {
                return None;
            }
            rest = &rest[len..];
        } else {
            match c {
                '-' | '/' | '.' | '年' | '月' | '日' | '号' => tokens.push(DateToken::Sep(c)),
                ' ' | ',' | '(' | ')' => {}
                _ => return None,
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    Some(tokens)
}

fn is_date_separator(c: char) -> bool {
    matches!(c, '-' | '/' | '.')
}

/// Nothing, or a closing 日/号.
fn day_end(rest: &[DateToken]) -> bool {
    matches!(rest, [] | [DateToken::Sep('日' | '号')])
}

fn numeric_date(tokens: &[DateToken], as_of: NaiveDate) -> Option<NaiveDate> {
    use DateToken::{Num, Sep};
    match *tokens {
        [
            Num(y, 4),
            Sep('年'),
            Num(m, 1..=2),
            Sep('月'),
            Num(d, 1..=2),
            ref rest @ ..,
        ] if day_end(rest) => ymd(y, m, d),
        [Num(m, 1..=2), Sep('月'), Num(d, 1..=2), ref rest @ ..] if day_end(rest) => {
            nearest(m, d, as_of)
        }
        [Num(y, 4), Sep(a), Num(m, 1..=2), Sep(b), Num(d, 1..=2)]
            if a == b && is_date_separator(a) =>
        {
            ymd(y, m, d)
        }
        [Num(m, 1..=2), Sep(a), Num(d, 1..=2)] if is_date_separator(a) => nearest(m, d, as_of),
        [Num(a, 1..=2), Sep(s), Num(b, 1..=2), Sep(t), Num(y, 4)]
            if s == t && is_date_separator(s) =>
        {
            day_month_or_month_day(a, b, y)
        }
        [Num(compact, 8)] if (1900..=2100).contains(&(compact / 10_000)) => {
            ymd(compact / 10_000, compact / 100 % 100, compact % 100)
        }
        _ => None,
    }
}

/// "Nov 26", "Nov 26, 2026", "26 Nov", "26-Nov-2026".
fn month_name_date(tokens: &[DateToken], as_of: NaiveDate) -> Option<NaiveDate> {
    use DateToken::{Month, Num};
    let words: Vec<DateToken> = tokens
        .iter()
        .copied()
        .filter(|t| !matches!(t, DateToken::Sep(c) if is_date_separator(*c)))
        .collect();
    match words[..] {
        [Month(m), Num(d, 1..=2)] | [Num(d, 1..=2), Month(m)] => nearest(m, d, as_of),
        [Month(m), Num(d, 1..=2), Num(y, 4)] | [Num(d, 1..=2), Month(m), Num(y, 4)] => ymd(y, m, d),
        _ => None,
    }
}

fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The date with this month and day nearest `as_of`, among as_of's year and its neighbours.
fn nearest(month: u32, day: u32, as_of: NaiveDate) -> Option<NaiveDate> {
    let year = as_of.year();
    [year, year - 1, year + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - as_of).num_days().abs())
}

/// "11/26/2026" or "26/11/2026": whichever reading is a real date; None when both are and
/// they differ.
fn day_month_or_month_day(a: u32, b: u32, year: u32) -> Option<NaiveDate> {
    match (ymd(year, a, b), ymd(year, b, a)) {
        (Some(x), Some(y)) if x == y => Some(x),
        (Some(x), None) | (None, Some(x)) => Some(x),
        _ => None,
    }
}

const PLACEHOLDER_CELLS: &[&str] = &[
    "-", "--", "---", "—", "——", "–", "/", "N/A", "NA", "NONE", "NULL", "无", "空", "?", "??",
    "...", "…", "……", "X",
];
const PLACEHOLDER_WORDS: &[&str] = &[
    "XX",
    "TBD",
    "TBC",
    "TBA",
    "待定",
    "待确认",
    "未定",
    "待安排",
    "暂无",
    "PENDING",
];

fn is_placeholder(s: &str) -> bool {
    let upper = s.to_uppercase();
    PLACEHOLDER_CELLS.contains(&upper.as_str())
        || PLACEHOLDER_WORDS.iter().any(|w| upper.contains(w))
        || has_unknown_date_part(&upper)
}

/// An X or ? standing for a digit: beside a digit or a date mark ("202X", "11月X日").
fn has_unknown_date_part(upper: &str) -> bool {
    let chars: Vec<char> = upper.chars().collect();
    let date_like = |c: char| c.is_ascii_digit() || "年月日号-/.".contains(c);
    chars.windows(2).any(|pair| {
        let unknown = |c: char| c == 'X' || c == '?';
        (unknown(pair[0]) && date_like(pair[1])) || (date_like(pair[0]) && unknown(pair[1]))
    })
}

/// The last Excel serial day: 9999-12-31.
const MAX_SERIAL: f64 = 2_958_465.0;

/// An Excel serial day number (1900 date system) as a date; None when out of range
/// (below 1, above 9999-12-31, NaN, infinite). The fraction (time of day) is ignored.
/// Serial 60 is Excel's fictitious 1900-02-29; it reads as 1900-02-28.
pub fn serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..MAX_SERIAL + 1.0).contains(&serial) {
        return None;
    }
    let day = serial.floor() as u64;
    let (epoch, days) = match day {
        61.. => (NaiveDate::from_ymd_opt(1899, 12, 30)?, day),
        60 => (NaiveDate::from_ymd_opt(1900, 2, 28)?, 0),
        _ => (NaiveDate::from_ymd_opt(1899, 12, 31)?, day),
    };
    epoch.checked_add_days(Days::new(days))
}

/// An Excel serial day number in the 1904 date system (serial 0 = 1904-01-01) as a date;
/// None when negative, past 9999-12-31, NaN or infinite. The fraction is ignored.
pub fn serial_1904_to_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(0.0..MAX_SERIAL).contains(&serial) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(1904, 1, 1)?.checked_add_days(Days::new(serial as u64))?;
    (date.year() <= 9999).then_some(date)
}

// ---------------------------------------------------------------------------------------------
// Ranges, month.day numbers, plausible years
// ---------------------------------------------------------------------------------------------

/// Separators between the two ends of a date range, longer first.
const RANGE_SEPARATORS: &[&str] = &[" to ", "~", "至", "到", "—", "–", "-", "/"];

/// Two dates in one cell, as a start and an end: "6月1日-6月3日", "4/14-18", "11.23-11.29",
/// "2026-06-01~2026-06-03", "6月1日至3日", "Nov 3 to Nov 7". A bare day after the separator
/// is in the start's month; a yearless end takes the year that puts it on or after the start.
/// None unless both ends read and the end is not before the start.
pub fn parse_date_range(text: &str, as_of: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let s = canonical(text);
    for sep in RANGE_SEPARATORS {
        for (at, _) in s.match_indices(sep) {
            let (left, right) = (s[..at].trim(), s[at + sep.len()..].trim());
            if left.is_empty() || right.is_empty() {
                continue;
            }
            let DateText::Date(start) = parse_date(left, as_of) else {
                continue;
            };
            if let Some(end) = range_end(right, start)
                && end >= start
            {
                return Some((start, end));
            }
        }
    }
    None
}

/// The end of a range that began on `start`: a full date, a yearless date (on or after the
/// start), or a day of the start's month ("18", "3日", "3号").
fn range_end(text: &str, start: NaiveDate) -> Option<NaiveDate> {
    let day = text.trim_end_matches(['日', '号']);
    if !day.is_empty() && day.len() <= 2 && day.bytes().all(|b| b.is_ascii_digit()) {
        return start.with_day(day.parse().ok()?);
    }
    let has_year = date_tokens(strip_time(text))?
        .iter()
        .any(|t| matches!(t, DateToken::Num(_, 4 | 8)));
    match parse_date(text, start) {
        DateText::Date(d) if has_year || d >= start => Some(d),
        DateText::Date(d) => d.with_year(d.year() + 1),
        _ => None,
    }
}

/// A number typed into a date cell as month.day: 6.12 is June 12, 11.3 is November 3
/// (Excel and WPS store "6.12" as the number 6.12, whose serial would be 1900-01-06). The year
/// is the one nearest `as_of`, as for a yearless text. Only 1 <= month <= 12 with a
/// fraction naming a real day; "6.1" is June 1 (a trailing zero cannot survive as a number,
/// so "6.10" reads as June 1 too: the note shows the date read, for the team to check).
pub fn month_day_number(value: f64, as_of: NaiveDate) -> Option<NaiveDate> {
    if !value.is_finite() || !(1.0..13.0).contains(&value) || value.fract() == 0.0 {
        return None;
    }
    let text = format!("{value}");
    let (month, day) = text.split_once('.')?;
    if day.len() > 2 {
        return None;
    }
    nearest(month.parse().ok()?, day.parse().ok()?, as_of)
}

/// Years a plan date can sensibly fall in: from 2000, and within five years of `as_of`
/// either way. Anything else is a typing slip (a 1900 serial, 2062 for 2026).
pub fn is_plausible_date(date: NaiveDate, as_of: NaiveDate) -> bool {
    let earliest = as_of
        .checked_sub_months(chrono::Months::new(60))
        .unwrap_or(NaiveDate::MIN);
    let latest = as_of
        .checked_add_months(chrono::Months::new(60))
        .unwrap_or(NaiveDate::MAX);
    date.year() >= 2000 && date >= earliest && date <= latest
}

/// The day and month of an "a/b/yyyy" text whose order is ambiguous on its own.
fn slashed(text: &str) -> Option<(u32, u32, u32)> {
    use DateToken::{Num, Sep};
    let s = canonical(text);
    match date_tokens(strip_time(&s))?[..] {
        [Num(a, 1..=2), Sep(x), Num(b, 1..=2), Sep(y), Num(year, 4)]
            if x == y && is_date_separator(x) =>
        {
            Some((a, b, year))
        }
        _ => None,
    }
}

/// Whether a column's "a/b/yyyy" dates put the month first, as a cell with a day above 12
/// shows ("11/13/2026": month first; "13/11/2026": day first). None when no cell tells, or
/// when cells disagree.
pub fn month_first_in<'a>(texts: impl Iterator<Item = &'a str>) -> Option<bool> {
    let mut seen = None;
    for (a, b, _) in texts.filter_map(slashed) {
        let this = match (a > 12, b > 12) {
            (false, true) => true,
            (true, false) => false,
            _ => continue,
        };
        if seen.is_some_and(|s| s != this) {
            return None;
        }
        seen = Some(this);
    }
    seen
}

/// An "a/b/yyyy" date read in the order the rest of its column shows (see
/// [`month_first_in`]): "11/2/2026" is November 2 beside "11/13/2026".
pub fn date_in_order(text: &str, month_first: bool) -> Option<NaiveDate> {
    let (a, b, year) = slashed(text)?;
    if month_first {
        ymd(year, a, b)
    } else {
        ymd(year, b, a)
    }
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;

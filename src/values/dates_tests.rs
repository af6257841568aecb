//! Tests for dates: every form the contract lists, placeholders, serials.

use super::*;
use crate::values::test_support::*;

// --- parse_date ------------------------------------------------------------------------------

#[test]
fn dates_with_year() {
    let expected = DateText::Date(date(2026, 11, 26));
    for text in [
        "2026-11-26",
        "2026/11/26",
        "2026.11.26",
        "2026年11月26日",
        "2026年11月26号",
        "2026年11月26",
        "2026-11-26 00:00:00",
        "2026-11-26 10:30",
        "2026-11-26T10:30:00",
        "2026-11-26T10:30:00Z",
        "2026/11/26 9:05 PM",
        "2026年11月26日 下午3:00",
        "２０２６－１１－２６",
        "２０２６年１１月２６日",
        " 2026-11-26 ",
        "2026 年 11 月 26 日",
        "2026年11月26日周四",
        "2026年11月26日（星期四）",
        "20261126",
        "Nov 26, 2026",
        "26 November 2026",
        "26-Nov-2026",
        "Thu, Nov 26th, 2026",
        "11/26/2026",
        "26/11/2026",
    ] {
        assert_eq!(day(text), expected, "{text:?}");
    }
}

#[test]
fn single_digit_parts() {
    assert_eq!(day("2026-1-5"), DateText::Date(date(2026, 1, 5)));
    assert_eq!(day("2026/01/05"), DateText::Date(date(2026, 1, 5)));
    assert_eq!(day("2026年1月5日"), DateText::Date(date(2026, 1, 5)));
    assert_eq!(day("1月5日"), DateText::Date(date(2027, 1, 5)));
}

#[test]
fn dates_without_year_take_the_nearest_year() {
    // As of 2026-11-26.
    assert_eq!(day("11月26日"), DateText::Date(date(2026, 11, 26)));
    assert_eq!(day("11/26"), DateText::Date(date(2026, 11, 26)));
    assert_eq!(day("11-26"), DateText::Date(date(2026, 11, 26)));
    assert_eq!(day("11.26"), DateText::Date(date(2026, 11, 26)));
    assert_eq!(day("１１月２６号"), DateText::Date(date(2026, 11, 26)));
    assert_eq!(day("12/31"), DateText::Date(date(2026, 12, 31)));
    assert_eq!(day("1/15"), DateText::Date(date(2027, 1, 15)));
    assert_eq!(day("6/1"), DateText::Date(date(2026, 6, 1)));
    assert_eq!(day("5/20"), DateText::Date(date(2027, 5, 20)));
    assert_eq!(day("Nov 26"), DateText::Date(date(2026, 11, 26)));
    assert_eq!(day("26-Nov"), DateText::Date(date(2026, 11, 26)));
    // As of a January day, December is last year.
    let jan = date(2027, 1, 3);
    assert_eq!(parse_date("12/20", jan), DateText::Date(date(2026, 12, 20)));
    assert_eq!(parse_date("2/1", jan), DateText::Date(date(2027, 2, 1)));
    // 2/29 exists only in leap years: 2028 is the nearest one.
    assert_eq!(
        parse_date("2/29", date(2027, 12, 1)),
        DateText::Date(date(2028, 2, 29))
    );
    assert_eq!(parse_date("2月29日", date(2026, 6, 1)), DateText::Invalid);
}

#[test]
fn placeholders() {
    for text in [
        "",
        "   ",
        "202X",
        "202X.11",
        "202x-11-26",
        "20XX年",
        "2026-11-XX",
        "11月X日",
        "XX",
        "TBD",
        "tbd",
        "TBC",
        "待定",
        "待确认",
        "未定",
        "时间待定",
        "-",
        "--",
        "—",
        "/",
        "N/A",
        "n/a",
        "无",
        "2026-11-??",
        "Pending",
        "－",
    ] {
        assert_eq!(day(text), DateText::Placeholder, "{text:?}");
    }
}

#[test]
fn invalid_dates() {
    for text in [
        "2026-02-30",
        "2026-13-01",
        "2026年2月30日",
        "13/45",
        "0/0",
        "11月底",
        "next week",
        "Q4",
        "2026-11",
        "2026",
        "03/04/2026",
        "2026-11/26",
        "2026-011-26",
        "abc",
        "2026-11-26 foo",
        "99999999",
        "123456789",
        "Octember 5",
    ] {
        assert_eq!(day(text), DateText::Invalid, "{text:?}");
    }
}

// --- serial dates ----------------------------------------------------------------------------

#[test]
fn excel_serials() {
    assert_eq!(serial_to_date(1.0), Some(date(1900, 1, 1)));
    assert_eq!(serial_to_date(59.0), Some(date(1900, 2, 28)));
    assert_eq!(serial_to_date(60.0), Some(date(1900, 2, 28)));
    assert_eq!(serial_to_date(61.0), Some(date(1900, 3, 1)));
    assert_eq!(serial_to_date(45000.0), Some(date(2023, 3, 15)));
    assert_eq!(serial_to_date(46352.0), Some(date(2026, 11, 26)));
    assert_eq!(serial_to_date(46352.75), Some(date(2026, 11, 26)));
    assert_eq!(serial_to_date(2_958_465.0), Some(date(9999, 12, 31)));
    assert_eq!(serial_to_date(2_958_465.9), Some(date(9999, 12, 31)));
    assert_eq!(serial_to_date(2_958_466.0), None);
    assert_eq!(serial_to_date(0.0), None);
    assert_eq!(serial_to_date(0.5), None);
    assert_eq!(serial_to_date(-1.0), None);
    assert_eq!(serial_to_date(f64::NAN), None);
    assert_eq!(serial_to_date(f64::INFINITY), None);
    assert_eq!(serial_to_date(1e300), None);
}

#[test]
fn excel_1904_serials() {
    assert_eq!(serial_1904_to_date(0.0), Some(date(1904, 1, 1)));
    assert_eq!(serial_1904_to_date(1.5), Some(date(1904, 1, 2)));
    assert_eq!(serial_1904_to_date(43890.0), Some(date(2024, 3, 1)));
    assert_eq!(serial_1904_to_date(-1.0), None);
    assert_eq!(serial_1904_to_date(f64::NAN), None);
    assert_eq!(serial_1904_to_date(3e6), None);
}

// --- ranges, month.day numbers, plausible years ----------------------------------------------

#[test]
fn ranges_give_start_and_end() {
    let range = |t: &str| parse_date_range(t, as_of());
    let d = |m, dd| date(2026, m, dd);
    assert_eq!(range("6月1日-6月3日"), Some((d(6, 1), d(6, 3))));
    assert_eq!(range("2026/4/14-18"), Some((d(4, 14), d(4, 18))));
    // Yearless: the year nearest as-of 2026-11-26, as for a single yearless date.
    assert_eq!(
        range("4/14-18"),
        Some((date(2027, 4, 14), date(2027, 4, 18)))
    );
    assert_eq!(range("11.23-11.29"), Some((d(11, 23), d(11, 29))));
    assert_eq!(range("2026-06-01~2026-06-03"), Some((d(6, 1), d(6, 3))));
    assert_eq!(range("6月1日至3日"), Some((d(6, 1), d(6, 3))));
    assert_eq!(range("Nov 3 to Nov 7"), Some((d(11, 3), d(11, 7))));
    assert_eq!(range("12/28-1/3"), Some((d(12, 28), date(2027, 1, 3))));
    assert_eq!(range("4/18-14"), None);
    assert_eq!(range("2026-11-26"), None);
    assert_eq!(range("TBD-TBC"), None);
}

#[test]
fn dates_with_a_weekday_and_a_part_of_the_day() {
    assert_eq!(day("4/27 Mon AM"), DateText::Date(date(2027, 4, 27)));
    assert_eq!(day("2026/4/27 (Mon) PM"), DateText::Date(date(2026, 4, 27)));
    assert_eq!(
        day("11月26日 周四 上午"),
        DateText::Date(date(2026, 11, 26))
    );
}

#[test]
fn month_day_numbers_are_dates_of_the_plans_year() {
    let md = |n: f64| month_day_number(n, as_of());
    assert_eq!(md(6.12), Some(date(2026, 6, 12)));
    assert_eq!(md(6.18), Some(date(2026, 6, 18)));
    assert_eq!(md(11.3), Some(date(2026, 11, 3)));
    assert_eq!(md(12.31), Some(date(2026, 12, 31)));
    assert_eq!(md(1.05), Some(date(2027, 1, 5)));
    assert_eq!(md(6.0), None);
    assert_eq!(md(2.31), None);
    assert_eq!(md(13.1), None);
    assert_eq!(md(6.123), None);
    assert_eq!(md(46_164.0), None);
}

#[test]
fn plausible_years() {
    assert!(is_plausible_date(date(2026, 6, 12), as_of()));
    assert!(is_plausible_date(date(2031, 11, 26), as_of()));
    assert!(!is_plausible_date(date(2031, 11, 27), as_of()));
    assert!(!is_plausible_date(date(1900, 1, 6), as_of()));
    assert!(!is_plausible_date(date(1999, 12, 31), as_of()));
    assert!(!is_plausible_date(date(2062, 6, 1), as_of()));
}

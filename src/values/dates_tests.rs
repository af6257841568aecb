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

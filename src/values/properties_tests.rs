//! Property tests across the value parsers: no panics on any text, round trips,
//! width-insensitivity.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::values::test_support::*;

// --- properties ------------------------------------------------------------------------------

/// Text mixing digits, number marks, multipliers, currencies, date marks and CJK.
fn numberish() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[0-9０-９万萬亿億千百kKwWMm%％(),，.．¥￥$元年月日号:/ \\-−+eEXx预算篇名个发布销售额budget\u{4E00}-\u{9FA5}\u{3000}]{0,24}",
    )
    .expect("regex")
}

fn no_panics(text: &str) {
    let _ = normalize_width(text);
    let _ = to_simplified(text);
    let _ = parse_number(text);
    let _ = quantity_in_text(text);
    let _ = budget_in_text(text);
    let _ = parse_date(text, as_of());
    let _ = parse_date(text, NaiveDate::MIN);
    let _ = parse_date(text, NaiveDate::MAX);
    let _ = split_unit_hint(text);
    let _ = split_owners(text);
    let _ = currency_in(text);
    let _ = parse_date_range(text, as_of());
    let _ = parse_date_range(text, NaiveDate::MAX);
    let _ = unit_note(text);
    let _ = approximate_number(text);
    let _ = is_free(text);
    let _ = status_word(text);
    let _ = progress_word(text);
    let _ = parse_link(text);
    if let Some(w) = parse_week(text) {
        let _ = resolve_week(w, as_of(), Some((NaiveDate::MIN, NaiveDate::MAX)));
        let _ = resolve_week(w, NaiveDate::MAX, None);
    }
    let _ = did_you_mean(text, [text, "主播坑位费"]);
}

/// "1234567.89" with thousands separators: "1,234,567.89".
fn grouped(value: Decimal) -> String {
    let text = value.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "-"
    } else {
        ""
    };
    let dot = if frac.is_empty() { "" } else { "." };
    format!("{sign}{out}{dot}{frac}")
}

fn full_width_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' | '.' | ',' | '-' | '%' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

proptest! {
    #[test]
    fn nothing_panics_on_any_text(text in ".*") {
        no_panics(&text);
    }

    #[test]
    fn nothing_panics_on_number_like_text(text in numberish()) {
        no_panics(&text);
    }

    #[test]
    fn nothing_panics_on_any_float(value in proptest::num::f64::ANY) {
        let _ = month_day_number(value, as_of());
        let _ = decimal_from_f64(value);
        let _ = serial_to_date(value);
        let _ = serial_1904_to_date(value);
    }

    #[test]
    fn money_round_trips(cents in any::<i64>(), with_separators in any::<bool>()) {
        let value = Decimal::new(cents, 2);
        let text = if with_separators { grouped(value) } else { value.to_string() };
        let parsed = parse_number(&text).map(|q| q.value);
        prop_assert_eq!(parsed, Some(value), "{}", text);
    }

    #[test]
    fn money_round_trips_with_marks(cents in -1_000_000_000_000i64..1_000_000_000_000) {
        let value = Decimal::new(cents, 2);
        let text = if value.is_sign_negative() {
            format!("(¥{})", grouped(value.abs()))
        } else {
            format!("{}元", grouped(value))
        };
        let parsed = parse_number(&text).map(|q| q.value);
        prop_assert_eq!(parsed, Some(value), "{}", text);
    }

    #[test]
    fn width_and_spaces_do_not_matter(
        cents in any::<i64>(),
        suffix in prop_oneof![Just(""), Just("%"), Just("万"), Just("k"), Just("元")],
        left in "[ \u{3000}\u{00A0}]{0,3}",
        right in "[ \u{3000}\u{00A0}]{0,3}",
    ) {
        let text = format!("{}{suffix}", grouped(Decimal::new(cents, 2)));
        let padded = format!("{left}{}{right}", full_width_digits(&text));
        prop_assert_eq!(parse_number(&padded), parse_number(&text), "{}", padded);
        prop_assert!(parse_number(&text).is_some(), "{}", text);
    }

    #[test]
    fn formatted_dates_parse_back(days in 0u32..(365 * 200), format in 0usize..4) {
        let d = date(1950, 1, 1) + chrono::Days::new(u64::from(days));
        let pattern = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y-%-m-%-d"][format];
        let text = d.format(pattern).to_string();
        prop_assert_eq!(parse_date(&text, as_of()), DateText::Date(d), "{}", text);
    }

    #[test]
    fn yearless_dates_land_within_half_a_year(days in 0u32..3650, probe in 0u32..3650) {
        let as_of = date(2020, 1, 1) + chrono::Days::new(u64::from(days));
        let target = date(2020, 1, 1) + chrono::Days::new(u64::from(probe));
        prop_assume!((target.month(), target.day()) != (2, 29));
        let text = target.format("%m/%d").to_string();
        match parse_date(&text, as_of) {
            DateText::Date(found) => {
                prop_assert_eq!((found.month(), found.day()), (target.month(), target.day()));
                prop_assert!((found - as_of).num_days().abs() <= 184);
            }
            other => prop_assert!(false, "{} gave {:?}", text, other),
        }
    }

    #[test]
    fn owners_are_trimmed_and_non_empty(text in ".*") {
        for name in split_owners(&text) {
            prop_assert!(!name.is_empty());
            prop_assert_eq!(name.trim(), name.as_str());
        }
    }

    #[test]
    fn multiplied_amounts_round_trip(
        cents in 0i64..100_000_000,
        mark in prop_oneof![
            Just(("万", 4u32)),
            Just(("萬", 4)),
            Just(("w", 4)),
            Just(("千", 3)),
            Just(("k", 3)),
            Just(("M", 6)),
            Just(("亿", 8)),
        ],
    ) {
        let value = Decimal::new(cents, 2);
        let text = format!("{value}{}", mark.0);
        let expected = value * Decimal::from(10u64.pow(mark.1));
        prop_assert_eq!(parse_number(&text).map(|q| q.value), Some(expected.normalize()), "{}", text);
    }

    #[test]
    fn percentages_round_trip(points in -100_000i64..100_000) {
        let value = Decimal::new(points, 1);
        let text = format!("{value}%");
        let parsed = parse_number(&text);
        prop_assert_eq!(
            parsed.map(|q| (q.value, q.unit)),
            Some(((value / Decimal::from(100)).normalize(), Some("%".to_string()))),
            "{}", text
        );
    }

    #[test]
    fn quantities_in_text_round_trip(
        n in 1u32..100_000,
        (before, after) in prop_oneof![
            Just(("发布笔记", "篇")),
            Just(("确定", "名主播")),
            Just(("开展", "场直播")),
            Just(("", "个")),
        ],
    ) {
        let text = format!("{before}{n}{after}");
        let q = quantity_in_text(&text);
        prop_assert_eq!(q.as_ref().map(|q| q.value), Some(Decimal::from(n)), "{}", text);
        let padded = format!(" \u{3000}{}\u{3000} ", full_width_digits(&text));
        prop_assert_eq!(quantity_in_text(&padded), q, "{}", padded);
    }

    #[test]
    fn dates_ignore_width_and_surrounding_spaces(
        days in 0u32..(365 * 200),
        format in 0usize..3,
        left in "[ \u{3000}\u{00A0}]{0,3}",
        right in "[ \u{3000}\u{00A0}]{0,3}",
    ) {
        let d = date(1950, 1, 1) + chrono::Days::new(u64::from(days));
        let pattern = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"][format];
        let text = d.format(pattern).to_string();
        let wide: String = text
            .chars()
            .map(|c| match c {
                '0'..='9' | '-' | '/' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                _ => c,
            })
            .collect();
        let padded = format!("{left}{wide}{right}");
        prop_assert_eq!(parse_date(&padded, as_of()), DateText::Date(d), "{}", padded);
    }

    #[test]
    fn excel_serials_round_trip(days in 61i64..2_958_465) {
        // Serial 61 is 1900-03-01: past Excel's phantom 1900-02-29, serials count days.
        let d = date(1900, 3, 1) + chrono::Duration::days(days - 61);
        prop_assert_eq!(serial_to_date(days as f64), Some(d));
        prop_assert_eq!(serial_to_date(days as f64 + 0.75), Some(d));
    }

    #[test]
    fn floats_with_cents_are_exact(cents in -1_000_000_000_000i64..1_000_000_000_000) {
        let value = Decimal::new(cents, 2);
        let float: f64 = value.to_string().parse().unwrap();
        prop_assert_eq!(decimal_from_f64(float), Some(value.normalize()));
    }

    #[test]
    fn normalizing_width_is_idempotent(text in ".*") {
        let once = normalize_width(&text);
        prop_assert_eq!(normalize_width(&once), once);
    }
}

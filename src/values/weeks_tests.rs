//! Tests for week labels and how a bare week number is placed.

use super::*;
use crate::values::test_support::{as_of, date};

fn iso(year: Option<i32>, number: u32) -> Option<WeekLabel> {
    Some(WeekLabel {
        year,
        number,
        iso_style: true,
    })
}

fn ordinal(number: u32) -> Option<WeekLabel> {
    Some(WeekLabel {
        year: None,
        number,
        iso_style: false,
    })
}

#[test]
fn labels() {
    assert_eq!(parse_week("W45"), iso(None, 45));
    assert_eq!(parse_week("Wk 45"), iso(None, 45));
    assert_eq!(parse_week("wk45"), iso(None, 45));
    assert_eq!(parse_week("2026-W47"), iso(Some(2026), 47));
    assert_eq!(parse_week("CW47"), iso(None, 47));
    assert_eq!(parse_week("第45周"), ordinal(45));
    assert_eq!(parse_week("第3周"), ordinal(3));
    assert_eq!(parse_week("Week 3"), ordinal(3));
    assert_eq!(parse_week("第３周"), ordinal(3));
    for text in ["W0", "W54", "周三", "Wed", "week", "11.23-11.29", ""] {
        assert_eq!(parse_week(text), None, "{text}");
    }
}

#[test]
fn iso_weeks_are_weeks_of_the_year() {
    // ISO week 45 of 2026 starts on Monday 2026-11-02.
    let w45 = parse_week("Wk 45").unwrap();
    assert_eq!(
        resolve_week(w45, as_of(), None),
        Some((date(2026, 11, 2), false))
    );
    let span = Some((date(2026, 10, 19), date(2026, 12, 20)));
    assert_eq!(
        resolve_week(w45, as_of(), span),
        Some((date(2026, 11, 2), false))
    );
    let w47 = parse_week("2026-W47").unwrap();
    assert_eq!(
        resolve_week(w47, as_of(), None),
        Some((date(2026, 11, 16), false))
    );
}

#[test]
fn a_third_week_is_the_campaigns_where_the_plan_says_so() {
    // Plan 2026-11-04 .. 2026-12-20: week 1 starts Monday 11-02, week 3 on 11-16.
    let span = Some((date(2026, 11, 4), date(2026, 12, 20)));
    let third = parse_week("第3周").unwrap();
    assert_eq!(
        resolve_week(third, as_of(), span),
        Some((date(2026, 11, 16), true))
    );
    // ISO week 45 lies inside the plan: 第45周 is that week of the year.
    let w = parse_week("第45周").unwrap();
    assert_eq!(
        resolve_week(w, as_of(), span),
        Some((date(2026, 11, 2), false))
    );
    // Without the plan's dates a bare 第3周 is not placed (the caller says so).
    assert_eq!(resolve_week(third, as_of(), None), None);
}

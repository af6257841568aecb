//! Tests for units in headers.

use super::*;
use crate::values::test_support::*;

// --- split_unit_hint -------------------------------------------------------------------------

fn hint(header: &str) -> (String, Option<(Decimal, Option<String>)>) {
    let (text, hint) = split_unit_hint(header);
    (text, hint.map(|h| (h.multiplier, h.currency)))
}

fn hinted(
    text: &str,
    multiplier: &str,
    currency: Option<&str>,
) -> (String, Option<(Decimal, Option<String>)>) {
    (
        text.to_string(),
        Some((dec(multiplier), currency.map(str::to_string))),
    )
}

#[test]
fn unit_hints() {
    assert_eq!(hint("目标值（万元）"), hinted("目标值", "10000", Some("¥")));
    assert_eq!(hint("金额(元)"), hinted("金额", "1", Some("¥")));
    assert_eq!(hint("预算（万）"), hinted("预算", "10000", None));
    assert_eq!(hint("预算（萬元）"), hinted("预算", "10000", Some("¥")));
    assert_eq!(hint("Budget (k)"), hinted("Budget", "1000", None));
    assert_eq!(hint("Budget (K)"), hinted("Budget", "1000", None));
    assert_eq!(hint("Amount (USD)"), hinted("Amount", "1", Some("$")));
    assert_eq!(hint("Amount ($)"), hinted("Amount", "1", Some("$")));
    assert_eq!(hint("Amount (k USD)"), hinted("Amount", "1000", Some("$")));
    assert_eq!(hint("Amount (USD k)"), hinted("Amount", "1000", Some("$")));
    assert_eq!(hint("Amount (in USD)"), hinted("Amount", "1", Some("$")));
    assert_eq!(
        hint("Amount (USD '000)"),
        hinted("Amount", "1000", Some("$"))
    );
    assert_eq!(hint("Amount (thousands)"), hinted("Amount", "1000", None));
    assert_eq!(hint("金额(千元)"), hinted("金额", "1000", Some("¥")));
    assert_eq!(hint("金额(w)"), hinted("金额", "10000", None));
    assert_eq!(hint("Sales (M)"), hinted("Sales", "1000000", None));
    assert_eq!(hint("销售额(百万)"), hinted("销售额", "1000000", None));
    assert_eq!(
        hint("销售额(亿元)"),
        hinted("销售额", "100000000", Some("¥"))
    );
    assert_eq!(hint("金额[RMB]"), hinted("金额", "1", Some("¥")));
    assert_eq!(hint("金额【人民币】"), hinted("金额", "1", Some("¥")));
    assert_eq!(hint("Amount (EUR)"), hinted("Amount", "1", Some("€")));
    assert_eq!(hint("  金额 （ 元 ） "), hinted("金额", "1", Some("¥")));
    assert_eq!(hint("金额（元)"), hinted("金额", "1", Some("¥")));
    assert_eq!(hint("完成度(%)"), hinted("完成度", "1", None));
    assert_eq!(hint("目标值（篇）"), hinted("目标值", "1", None));
}

#[test]
fn headers_without_units() {
    assert_eq!(hint("Status (note)"), ("Status (note)".to_string(), None));
    assert_eq!(hint("  金额  "), ("金额".to_string(), None));
    assert_eq!(hint("Amount (m)"), ("Amount (m)".to_string(), None));
    assert_eq!(hint("(万元)"), ("(万元)".to_string(), None));
    assert_eq!(hint("金额()"), ("金额()".to_string(), None));
    assert_eq!(hint("金额)"), ("金额)".to_string(), None));
    assert_eq!(hint("金额（元）备注"), ("金额（元）备注".to_string(), None));
    assert_eq!(hint(""), (String::new(), None));
}

// --- unit notes above a table ----------------------------------------------------------------

fn note(text: &str) -> Option<(Decimal, Option<String>)> {
    unit_note(text).map(|h| (h.multiplier, h.currency))
}

#[test]
fn unit_notes_above_a_table() {
    let yuan = Some("¥".to_string());
    assert_eq!(
        note("单位：万元"),
        Some((Decimal::from(10_000), yuan.clone()))
    );
    assert_eq!(note("金额单位：元"), Some((Decimal::ONE, yuan.clone())));
    assert_eq!(
        note("（单位：万元）"),
        Some((Decimal::from(10_000), yuan.clone()))
    );
    assert_eq!(
        note("预算表（单位：千元）"),
        Some((Decimal::from(1_000), yuan.clone()))
    );
    assert_eq!(
        note("(£000)"),
        Some((Decimal::from(1_000), Some("£".into())))
    );
    assert_eq!(note("in thousands"), Some((Decimal::from(1_000), None)));
    assert_eq!(note("(in thousands)"), Some((Decimal::from(1_000), None)));
    assert_eq!(
        note("All figures in USD thousands"),
        Some((Decimal::from(1_000), Some("$".into())))
    );
    assert_eq!(note("Unit: USD"), Some((Decimal::ONE, Some("$".into()))));
    assert_eq!(
        note("Units: $000"),
        Some((Decimal::from(1_000), Some("$".into())))
    );
}

#[test]
fn other_titles_are_no_unit_notes() {
    for text in [
        "Unit price list",
        "Units sold",
        "Marketing plan in Q4",
        "预算表",
        "单位：篇",
        "(note)",
        "",
    ] {
        assert_eq!(note(text), None, "{text}");
    }
}

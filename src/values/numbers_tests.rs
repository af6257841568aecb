//! Tests for whole-cell numbers, money, floats and currencies.

use super::*;
use crate::values::test_support::*;
use crate::values::{budget_in_text, quantity_in_text};

// --- parse_number ----------------------------------------------------------------------------

#[test]
fn plain_numbers() {
    assert_eq!(num("0"), plain("0"));
    assert_eq!(num("1200"), plain("1200"));
    assert_eq!(num("  42  "), plain("42"));
    assert_eq!(num("3.14"), plain("3.14"));
    assert_eq!(num(".5"), plain("0.5"));
    assert_eq!(num("5."), plain("5"));
    assert_eq!(num("+7"), plain("7"));
    assert_eq!(num("-7.25"), plain("-7.25"));
    assert_eq!(num("1200.50"), plain("1200.5"));
    assert_eq!(num("0.1"), plain("0.1"));
}

#[test]
fn full_width_numbers() {
    assert_eq!(num("１２３"), plain("123"));
    assert_eq!(num("１，２３４．５"), plain("1234.5"));
    assert_eq!(num("　１２３　"), plain("123"));
    assert_eq!(num("－５"), plain("-5"));
}

#[test]
fn thousands_separators() {
    assert_eq!(num("1,234,567.89"), plain("1234567.89"));
    assert_eq!(num("1，234"), plain("1234"));
    assert_eq!(num("12,345"), plain("12345"));
    assert_eq!(num("1 234 567"), plain("1234567"));
    assert_eq!(num("1,2"), None);
    assert_eq!(num("1,2345"), None);
    assert_eq!(num(",123"), None);
    assert_eq!(num("1,,234"), None);
    assert_eq!(num("1,234 567"), None);
}

#[test]
fn currency_marks() {
    assert_eq!(num("¥1,200"), plain("1200"));
    assert_eq!(num("￥1,200.50"), plain("1200.5"));
    assert_eq!(num("$99.99"), plain("99.99"));
    assert_eq!(num("€10"), plain("10"));
    assert_eq!(num("500元"), plain("500"));
    assert_eq!(num("RMB 500"), plain("500"));
    assert_eq!(num("rmb500"), plain("500"));
    assert_eq!(num("CNY 1,000"), plain("1000"));
    assert_eq!(num("USD 20"), plain("20"));
    assert_eq!(num("20 usd"), plain("20"));
    assert_eq!(num("300 RMB"), plain("300"));
    assert_eq!(num("100美元"), plain("100"));
    assert_eq!(num("100人民币"), plain("100"));
    assert_eq!(num("US$5"), plain("5"));
    assert_eq!(num("HK$5"), plain("5"));
    assert_eq!(num("¥ 8,000"), plain("8000"));
    assert_eq!(num("¥¥8"), None);
}

#[test]
fn multipliers() {
    assert_eq!(num("1万"), plain("10000"));
    assert_eq!(num("1萬"), plain("10000"));
    assert_eq!(num("1.2万"), plain("12000"));
    assert_eq!(num("1亿"), plain("100000000"));
    assert_eq!(num("1.5億"), plain("150000000"));
    assert_eq!(num("3千"), plain("3000"));
    assert_eq!(num("5k"), plain("5000"));
    assert_eq!(num("5K"), plain("5000"));
    assert_eq!(num("2w"), plain("20000"));
    assert_eq!(num("2W"), plain("20000"));
    assert_eq!(num("1.5M"), plain("1500000"));
    assert_eq!(num("1.5m"), None);
    assert_eq!(num("2千万"), plain("20000000"));
    assert_eq!(num("3百万"), plain("3000000"));
    assert_eq!(num("1万亿"), plain("1000000000000"));
    assert_eq!(num("5 万"), plain("50000"));
    assert_eq!(num("2 million"), plain("2000000"));
    assert_eq!(num("1.2bn"), plain("1200000000"));
    assert_eq!(num("5kk"), None);
}

#[test]
fn multipliers_with_currency() {
    assert_eq!(num("1.2万元"), plain("12000"));
    assert_eq!(num("¥1.2万"), plain("12000"));
    assert_eq!(num("¥3.5k"), plain("3500"));
    assert_eq!(num("$2M"), plain("2000000"));
    assert_eq!(num("10千元"), plain("10000"));
    assert_eq!(num("RMB 5w"), plain("50000"));
    assert_eq!(num("1亿元"), plain("100000000"));
    assert_eq!(num("1元万"), None);
}

#[test]
fn percentages() {
    assert_eq!(num("80%"), percent("0.8"));
    assert_eq!(num("８０％"), percent("0.8"));
    assert_eq!(num("-20%"), percent("-0.2"));
    assert_eq!(num("\u{2212}20%"), percent("-0.2"));
    assert_eq!(num("12.5%"), percent("0.125"));
    assert_eq!(num("100 %"), percent("1"));
    assert_eq!(num("0%"), percent("0"));
    assert_eq!(num("%"), None);
    assert_eq!(num("¥80%"), None);
    assert_eq!(num("5万%"), None);
}

#[test]
fn accounting_negatives() {
    assert_eq!(num("(1,200)"), plain("-1200"));
    assert_eq!(num("（1,200）"), plain("-1200"));
    assert_eq!(num("(¥1,200.50)"), plain("-1200.5"));
    assert_eq!(num("¥(1,200)"), plain("-1200"));
    assert_eq!(num("(1.2万)"), plain("-12000"));
    assert_eq!(num("(1,200"), None);
    assert_eq!(num("1,200)"), None);
    assert_eq!(num("(-5)"), None);
    assert_eq!(num("-(5)"), None);
}

#[test]
fn signs_and_currency_in_either_order() {
    assert_eq!(num("-¥1,200"), plain("-1200"));
    assert_eq!(num("¥-1,200"), plain("-1200"));
    assert_eq!(num("+¥5"), plain("5"));
    assert_eq!(num("--5"), None);
    assert_eq!(num("+-5"), None);
}

#[test]
fn exponents() {
    assert_eq!(num("1.5e3"), plain("1500"));
    assert_eq!(num("2E-2"), plain("0.02"));
    assert_eq!(num("1e+2"), plain("100"));
    assert_eq!(num("1e"), None);
    assert_eq!(num("1e99"), None);
    assert_eq!(num("e5"), None);
}

#[test]
fn not_numbers() {
    for text in [
        "",
        " ",
        "abc",
        "1.2.3",
        "12abc",
        "abc12",
        "1 2",
        ".",
        "-",
        "+",
        "()",
        "¥",
        "万",
        "k",
        "1/2",
        "1-2",
        "12 34",
        "发布10篇",
        "N/A",
        "#DIV/0!",
        "1..2",
        "0x10",
    ] {
        assert_eq!(num(text), None, "{text:?}");
    }
}

#[test]
fn huge_numbers_are_refused_not_panics() {
    assert_eq!(num("9999999999999999999999999999999亿"), None);
    assert_eq!(num("99999999999999999999999999亿"), None);
    assert_eq!(
        num("79228162514264337593543950335"),
        plain("79228162514264337593543950335")
    );
    assert_eq!(num("79228162514264337593543950336"), None);
    assert_eq!(num(&"9".repeat(500)), None);
    assert_eq!(
        quantity_in_text("销售额9999999999999999999999999999999亿"),
        None
    );
    assert_eq!(budget_in_text("预算99999999999999999999999999万"), None);
}

#[test]
fn long_fractions_round_instead_of_failing() {
    let q = parse_number(&format!("0.{}", "3".repeat(40))).expect("number");
    assert_eq!(q.value, dec("0.3333333333333333333333333333"));
}

#[test]
fn values_are_exact_decimals() {
    let sum: Decimal = (0..1000)
        .map(|_| parse_number("0.10").expect("number").value)
        .sum();
    assert_eq!(sum, dec("100"));
}

// --- decimal_from_f64 ------------------------------------------------------------------------

#[test]
fn floats_to_exact_decimals() {
    assert_eq!(decimal_from_f64(0.1), Some(dec("0.1")));
    assert_eq!(decimal_from_f64(1234.5), Some(dec("1234.5")));
    assert_eq!(decimal_from_f64(-0.3), Some(dec("-0.3")));
    assert_eq!(
        decimal_from_f64(0.1 + 0.2),
        Some(dec("0.30000000000000004"))
    );
    assert_eq!(decimal_from_f64(1e20), Some(dec("100000000000000000000")));
    assert_eq!(decimal_from_f64(123456789.12), Some(dec("123456789.12")));
    assert_eq!(decimal_from_f64(0.0), Some(Decimal::ZERO));
    assert_eq!(decimal_from_f64(-0.0), Some(Decimal::ZERO));
    assert_eq!(decimal_from_f64(1e-300), Some(Decimal::ZERO));
    assert_eq!(decimal_from_f64(5e-324), Some(Decimal::ZERO));
    assert_eq!(decimal_from_f64(f64::NAN), None);
    assert_eq!(decimal_from_f64(f64::INFINITY), None);
    assert_eq!(decimal_from_f64(f64::NEG_INFINITY), None);
    assert_eq!(decimal_from_f64(1e29), None);
    assert_eq!(decimal_from_f64(f64::MAX), None);
}

#[test]
fn float_decimals_print_without_trailing_zeros() {
    assert_eq!(
        decimal_from_f64(1200.0).map(|d| d.to_string()),
        Some("1200".into())
    );
}

#[test]
fn currencies() {
    let cur = |t: &str| currency_in(t);
    assert_eq!(cur("¥100"), Some("¥".into()));
    assert_eq!(cur("￥100"), Some("¥".into()));
    assert_eq!(cur("100元"), Some("¥".into()));
    assert_eq!(cur("RMB"), Some("¥".into()));
    assert_eq!(cur("cny 5"), Some("¥".into()));
    assert_eq!(cur("人民币"), Some("¥".into()));
    assert_eq!(cur("$5"), Some("$".into()));
    assert_eq!(cur("USD"), Some("$".into()));
    assert_eq!(cur("100美元"), Some("$".into()));
    assert_eq!(cur("US$5"), Some("$".into()));
    assert_eq!(cur("€5"), Some("€".into()));
    assert_eq!(cur("EUR 5"), Some("€".into()));
    assert_eq!(cur("100欧元"), Some("€".into()));
    assert_eq!(cur("HK$5"), Some("HK$".into()));
    assert_eq!(cur("HKD 5"), Some("HK$".into()));
    assert_eq!(cur("金额（万元）"), Some("¥".into()));
    assert_eq!(cur("$5 (¥35)"), Some("$".into()));
    assert_eq!(cur("100"), None);
    assert_eq!(cur("Amount"), None);
    assert_eq!(cur("USDT"), None);
    assert_eq!(cur("第3单元"), None);
    assert_eq!(cur(""), None);
}

// --- currencies of Taiwan, Singapore, the UK; approximate and free amounts --------------------

#[test]
fn more_currencies_read_and_name_themselves() {
    assert_eq!(num("NT$12,000"), plain("12000"));
    assert_eq!(num("HK$3,500"), plain("3500"));
    assert_eq!(num("US$1,200.50"), plain("1200.5"));
    assert_eq!(num("S$800"), plain("800"));
    assert_eq!(num("€1,200"), plain("1200"));
    assert_eq!(num("£2,500"), plain("2500"));
    assert_eq!(num("12000新台币"), plain("12000"));
    assert_eq!(currency_in("NT$12,000"), Some("NT$".into()));
    assert_eq!(currency_in("S$800"), Some("S$".into()));
    assert_eq!(currency_in("US$800"), Some("$".into()));
    assert_eq!(currency_in("£2,500"), Some("£".into()));
    assert_eq!(currency_in("GBP 2,500"), Some("£".into()));
}

#[test]
fn approximate_amounts() {
    let approx = |t: &str| approximate_number(t).map(|q| q.value);
    assert_eq!(approx("约2000"), Some(dec("2000")));
    assert_eq!(approx("~2k"), Some(dec("2000")));
    assert_eq!(approx("大约1.5万"), Some(dec("15000")));
    assert_eq!(approx("2000左右"), Some(dec("2000")));
    assert_eq!(approx("approx. $1,200"), Some(dec("1200")));
    assert_eq!(approx("about 500"), Some(dec("500")));
    assert_eq!(approx("2000"), None);
    assert_eq!(approx("约"), None);
    assert_eq!(approx("约两千"), None);
}

#[test]
fn free_is_nothing_to_pay() {
    for t in ["Free", "FREE", "免费", "free of charge", "FOC"] {
        assert!(is_free(t), "{t}");
    }
    for t in ["Freelancer", "", "0", "免费试用装"] {
        assert!(!is_free(t), "{t}");
    }
}

#[test]
fn money_to_the_cent() {
    assert_eq!(to_cents(dec("1128.666666666667")), dec("1128.67"));
    assert_eq!(to_cents(dec("0.125")), dec("0.13"));
    assert_eq!(to_cents(dec("-0.125")), dec("-0.13"));
    assert_eq!(to_cents(dec("50000")), dec("50000"));
}

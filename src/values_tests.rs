//! Tests for the cell-value parsers: every form the workbook contract lists, with exact
//! values, and property tests (no panics, round trips, width-insensitivity).

use super::*;
use proptest::prelude::*;

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("test decimal")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date")
}

fn num(text: &str) -> Option<(Decimal, Option<String>)> {
    parse_number(text).map(|q| (q.value, q.unit))
}

fn plain(value: &str) -> Option<(Decimal, Option<String>)> {
    Some((dec(value), None))
}

fn percent(value: &str) -> Option<(Decimal, Option<String>)> {
    Some((dec(value), Some("%".to_string())))
}

fn qty(text: &str) -> Option<(Decimal, Option<String>)> {
    quantity_in_text(text).map(|q| (q.value, q.unit))
}

fn with_unit(value: &str, unit: &str) -> Option<(Decimal, Option<String>)> {
    Some((dec(value), Some(unit.to_string())))
}

const AS_OF: (i32, u32, u32) = (2026, 11, 26);

fn as_of() -> NaiveDate {
    date(AS_OF.0, AS_OF.1, AS_OF.2)
}

fn day(text: &str) -> DateText {
    parse_date(text, as_of())
}

// --- normalize_width / to_simplified ---------------------------------------------------------

#[test]
fn normalize_width_maps_full_width_and_spaces() {
    assert_eq!(normalize_width("１２３"), "123");
    assert_eq!(normalize_width("（１，２００．５）"), "(1,200.5)");
    assert_eq!(normalize_width("８０％"), "80%");
    assert_eq!(
        normalize_width("\u{3000}ＡＢＣ\u{00A0}ｘｙｚ\u{3000}"),
        "ABC xyz"
    );
    assert_eq!(normalize_width("ａ\u{3000}ｂ"), "a b");
    assert_eq!(normalize_width("！～"), "!~");
    assert_eq!(normalize_width("。、￥"), "。、￥");
    assert_eq!(normalize_width("\u{FEFF}12\u{200B}3"), "123");
    assert_eq!(normalize_width("  "), "");
}

#[test]
fn to_simplified_maps_contract_vocabulary() {
    assert_eq!(to_simplified("萬億"), "万亿");
    assert_eq!(to_simplified("目標拆解與責任分配"), "目标拆解与责任分配");
    assert_eq!(to_simplified("週度進度跟蹤"), "周度进度跟踪");
    assert_eq!(to_simplified("實際完成時間"), "实际完成时间");
    assert_eq!(to_simplified("成本支出明細"), "成本支出明细");
    assert_eq!(to_simplified("費用科目"), "费用科目");
    assert_eq!(to_simplified("風險預案"), "风险预案");
    assert_eq!(to_simplified("應對措施"), "应对措施");
    assert_eq!(to_simplified("負責人"), "负责人");
    assert_eq!(to_simplified("經辦人"), "经办人");
    assert_eq!(to_simplified("關聯資源"), "关联资源");
    assert_eq!(to_simplified("狀態"), "状态");
    assert_eq!(to_simplified("進行中"), "进行中");
    assert_eq!(to_simplified("已關閉"), "已关闭");
    assert_eq!(to_simplified("未發生"), "未发生");
    assert_eq!(to_simplified("計劃完成"), "计划完成");
    assert_eq!(to_simplified("本週計畫"), "本周计划");
    assert_eq!(to_simplified("任務編號"), "任务编号");
    assert_eq!(to_simplified("目標値"), "目标值");
    assert_eq!(to_simplified("交付標準"), "交付标准");
    assert_eq!(to_simplified("階段目標"), "阶段目标");
    assert_eq!(to_simplified("具體任務"), "具体任务");
    assert_eq!(to_simplified("預算金額"), "预算金额");
    assert_eq!(to_simplified("費用類別"), "费用类别");
    assert_eq!(to_simplified("事項摘要"), "事项摘要");
    assert_eq!(to_simplified("偏差原因分析"), "偏差原因分析");
    assert_eq!(to_simplified("解決措施"), "解决措施");
    assert_eq!(to_simplified("影響程度"), "影响程度");
    assert_eq!(to_simplified("銷售額"), "销售额");
    assert_eq!(to_simplified("貨幣單價數據"), "货币单价数据");
    assert_eq!(to_simplified("達標"), "达标");
    assert_eq!(to_simplified("發布筆記10篇"), "发布笔记10篇");
    assert_eq!(to_simplified("plain English 123"), "plain English 123");
}

#[test]
fn traditional_table_is_well_formed() {
    let chars: Vec<char> = TRADITIONAL_PAIRS.chars().collect();
    assert_eq!(chars.len() % 2, 0, "pairs must come in twos");
    let map = traditional_map();
    assert_eq!(map.len(), chars.len() / 2, "a character is listed twice");
    assert!(map.len() >= 150, "only {} characters", map.len());
    for (from, to) in map {
        assert!(
            !map.contains_key(to),
            "{from} -> {to}, but {to} is itself mapped"
        );
    }
}

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

// --- quantity_in_text ------------------------------------------------------------------------

#[test]
fn contract_quantities() {
    assert_eq!(qty("发布笔记10篇"), with_unit("10", "篇"));
    assert_eq!(qty("确定3名主播"), with_unit("3", "名"));
    assert_eq!(qty("新品首月销售额500万"), plain("5000000"));
    assert_eq!(qty("线上渠道300万"), plain("3000000"));
    assert_eq!(qty("抖音直播场均销售额50万"), plain("500000"));
    assert_eq!(qty("618大促预算10万"), plain("100000"));
    assert_eq!(qty("2026年618大促销售额1.5亿"), plain("150000000"));
    assert_eq!(qty("双11活动发布20篇"), with_unit("20", "篇"));
    assert_eq!(qty("Q4 sales 2M"), plain("2000000"));
    assert_eq!(qty("转化率≥3%"), percent("0.03"));
}

#[test]
fn whole_cells_parse_as_quantities() {
    assert_eq!(qty("500"), plain("500"));
    assert_eq!(qty("¥1.2万"), plain("12000"));
    assert_eq!(qty("80%"), percent("0.8"));
    assert_eq!(qty("(1,200)"), plain("-1200"));
    assert_eq!(qty("１０篇"), with_unit("10", "篇"));
}

#[test]
fn english_quantities() {
    assert_eq!(qty("publish 10 notes"), with_unit("10", "note"));
    assert_eq!(qty("10 Posts"), with_unit("10", "post"));
    assert_eq!(qty("1 post"), with_unit("1", "post"));
    assert_eq!(qty("3 stories"), with_unit("3", "story"));
    assert_eq!(qty("sign 5 KOLs in Q4"), with_unit("5", "kol"));
    assert_eq!(qty("sales of 500 in Q4"), plain("500"));
    assert_eq!(qty("reach 2k followers"), with_unit("2000", "follower"));
    assert_eq!(qty("revenue $50k"), plain("50000"));
    assert_eq!(qty("revenue 50k USD"), plain("50000"));
    assert_eq!(qty("GMV 1.5 million"), plain("1500000"));
    assert_eq!(qty("weigh 5kg"), with_unit("5", "kg"));
}

#[test]
fn multiplier_then_measure_word() {
    assert_eq!(qty("粉丝增长3万人"), with_unit("30000", "人"));
    assert_eq!(qty("曝光100万次"), with_unit("1000000", "次"));
    assert_eq!(qty("销售额500万元"), plain("5000000"));
}

#[test]
fn quantity_choice_order() {
    // A multiplier or currency mark wins over bare numbers, first one first.
    assert_eq!(qty("新品销售额500万，毛利100万"), plain("5000000"));
    assert_eq!(qty("发布10篇带来销售额5万"), plain("50000"));
    assert_eq!(qty("客单价¥200"), plain("200"));
    // Percentages come next.
    assert_eq!(qty("发布10篇转化率3%"), percent("0.03"));
    // A budget is not the target, unless nothing else is there.
    assert_eq!(qty("销售额预算10万目标50万"), plain("500000"));
    assert_eq!(qty("主播3名、预算10万"), with_unit("3", "名"));
    assert_eq!(qty("发布笔记10篇，预算5000元"), with_unit("10", "篇"));
    // Measure words beat bare numbers; the last of them wins.
    assert_eq!(qty("确定3名主播，完成5场直播"), with_unit("5", "场"));
    assert_eq!(qty("发布20篇 共100"), with_unit("20", "篇"));
    // Failing all that, the last number that is not a label.
    assert_eq!(qty("目标100 完成80"), plain("80"));
    assert_eq!(qty("发布20篇（11月）"), with_unit("20", "篇"));
    assert_eq!(qty("第3周目标120"), plain("120"));
    assert_eq!(qty("11-26前完成30"), plain("30"));
    // Labels only when nothing else is there.
    assert_eq!(qty("Q4"), plain("4"));
    assert_eq!(qty("双11"), plain("11"));
    assert_eq!(qty("2026年"), plain("2026"));
}

#[test]
fn numbers_in_text_with_grouping() {
    assert_eq!(qty("销售额1,234,567元"), plain("1234567"));
    assert_eq!(qty("发布10,20篇"), with_unit("20", "篇"));
    assert_eq!(qty("版本1.2.3"), plain("3"));
}

#[test]
fn no_quantity() {
    assert_eq!(qty(""), None);
    assert_eq!(qty("完成主播招募"), None);
    assert_eq!(qty("Launch the campaign"), None);
    assert_eq!(qty("%万¥"), None);
}

// --- budget_in_text --------------------------------------------------------------------------

#[test]
fn budgets_in_text() {
    assert_eq!(budget_in_text("主播3名、预算10万"), Some(dec("100000")));
    assert_eq!(budget_in_text("budget 5k"), Some(dec("5000")));
    assert_eq!(budget_in_text("Budget: $5k"), Some(dec("5000")));
    assert_eq!(budget_in_text("budget of 2,000 USD"), Some(dec("2000")));
    assert_eq!(budget_in_text("预算：¥8,000"), Some(dec("8000")));
    assert_eq!(budget_in_text("预算: 1.2万元"), Some(dec("12000")));
    assert_eq!(budget_in_text("預算１０萬"), Some(dec("100000")));
    assert_eq!(budget_in_text("预算为5000"), Some(dec("5000")));
    assert_eq!(budget_in_text("达人资源，10万预算"), Some(dec("100000")));
    assert_eq!(budget_in_text("$5k budget for ads"), Some(dec("5000")));
    assert_eq!(
        budget_in_text("KOL 5名 预算 3w，场地1个"),
        Some(dec("30000"))
    );
}

#[test]
fn no_budget_in_text() {
    assert_eq!(budget_in_text(""), None);
    assert_eq!(budget_in_text("主播3名"), None);
    assert_eq!(budget_in_text("预算待定"), None);
    assert_eq!(budget_in_text("预算占比20%"), None);
    assert_eq!(budget_in_text("销售额10万"), None);
    assert_eq!(budget_in_text("10篇预算"), None);
    assert_eq!(budget_in_text("预算20%"), None);
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

// --- split_owners / currency_in --------------------------------------------------------------

#[test]
fn owners() {
    assert_eq!(split_owners("张三"), vec!["张三"]);
    assert_eq!(split_owners(" 张三 "), vec!["张三"]);
    assert_eq!(split_owners("张三/李四"), vec!["张三", "李四"]);
    assert_eq!(split_owners("张三／李四"), vec!["张三", "李四"]);
    assert_eq!(
        split_owners("张三、李四、王五"),
        vec!["张三", "李四", "王五"]
    );
    assert_eq!(split_owners("A, B"), vec!["A", "B"]);
    assert_eq!(split_owners("A，B；C;D"), vec!["A", "B", "C", "D"]);
    assert_eq!(split_owners("A & B"), vec!["A", "B"]);
    assert_eq!(split_owners("张三\n李四"), vec!["张三", "李四"]);
    assert_eq!(
        split_owners("Sales and Marketing"),
        vec!["Sales and Marketing"]
    );
    assert_eq!(split_owners("John Smith"), vec!["John Smith"]);
    assert_eq!(split_owners("张三、"), vec!["张三"]);
    assert!(split_owners("").is_empty());
    assert!(split_owners(" / , ").is_empty());
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

//! Tests for quantities and budgets inside a text.

use super::*;
use crate::values::test_support::*;

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

#[test]
fn labels_in_goal_names_are_no_targets() {
    let target = |t: &str| target_in_text(t).map(|q| q.value);
    assert_eq!(target("Project 1"), None);
    assert_eq!(target("Phase 2 launch"), None);
    assert_eq!(target("项目1"), None);
    assert_eq!(target("2026年新品首发"), None);
    assert_eq!(target("Q4 launch"), None);
    assert_eq!(target("线上渠道300万"), Some(dec("3000000")));
    assert_eq!(target("新品首月销售额500万"), Some(dec("5000000")));
    assert_eq!(target("Q4 launch revenue $2M"), Some(dec("2000000")));
    assert_eq!(target("Project 1: 500 leads"), Some(dec("500")));
    assert_eq!(target("开展活动3场"), Some(dec("3")));
    // quantity_in_text still reads a lone label number where a text has nothing else.
    assert_eq!(qty("Project 1"), plain("1"));
}

#[test]
fn words_that_carry_a_target_are_not_labels() {
    let target = |t: &str| target_in_text(t).map(|q| q.value);
    assert_eq!(target("Goal 500 signups"), Some(dec("500")));
    assert_eq!(target("Plan 5 posts"), Some(dec("5")));
    assert_eq!(target("Stage 2: 300 stores"), Some(dec("300")));
}

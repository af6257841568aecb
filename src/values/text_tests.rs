//! Tests for text normalisation and owner lists.

use super::*;

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
fn invisible_characters_never_make_names_differ() {
    let plain = "主播坑位费";
    for dirty in [
        "主播\u{200D}坑位费",
        "主播坑位\u{2060}费",
        "主\u{00AD}播坑位费",
        "主播坑位费\u{0}",
        "\u{200E}主播坑位费\u{200F}",
        "\u{202A}主播坑位费\u{202C}",
        "\u{FEFF}主播坑位费",
    ] {
        assert_eq!(fold(dirty), fold(plain), "{dirty:?}");
        assert_eq!(normalize_width(dirty), plain, "{dirty:?}");
        assert_eq!(strip_invisible(dirty), plain, "{dirty:?}");
        assert!(!invisible_in(dirty).is_empty(), "{dirty:?}");
    }
    assert_eq!(
        invisible_in("A\u{200D}B\u{200D}C\u{2060}"),
        ["U+200D", "U+2060"]
    );
    assert!(invisible_in("plain\ttext\n").is_empty());
    assert_eq!(fold("KV Design\u{200B}"), fold("kv design"));
}

#[test]
fn edit_distances() {
    assert_eq!(edit_distance("主播坑为费", "主播坑位费", 2), 1);
    assert_eq!(edit_distance("直播主播招聘", "直播主播招募", 2), 1);
    assert_eq!(edit_distance("kitten", "sitting", 5), 3);
    assert_eq!(edit_distance("kitten", "sitting", 2), 3);
    assert_eq!(edit_distance("", "abc", 5), 3);
    assert_eq!(edit_distance("same", "same", 0), 0);
}

#[test]
fn did_you_mean_suggests_only_a_close_unique_name() {
    let lines = ["主播坑位费", "达人合作费", "物料制作费"];
    assert_eq!(did_you_mean("主播坑为费", lines), Some("主播坑位费"));
    let tasks = ["直播主播招募", "小红书种草内容发布"];
    assert_eq!(did_you_mean("直播主播招聘", tasks), Some("直播主播招募"));
    assert_eq!(
        did_you_mean("Influencer fee", ["Influencer fees", "Print"]),
        Some("Influencer fees")
    );
    // Too far, exact, too short or ambiguous: no guess.
    assert_eq!(did_you_mean("差旅费", lines), None);
    assert_eq!(did_you_mean("主播坑位费", lines), None);
    assert_eq!(did_you_mean("A", ["B"]), None);
    assert_eq!(did_you_mean("KV1", ["KV2", "KV3"]), None);
}

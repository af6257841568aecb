//! Writes the two sample team workbooks into `sample-workbooks/`.
//!
//! Run with `cargo run --example make_samples`. The output is deterministic (fixed document
//! creation time), so regenerating does not change the committed files unless the data here
//! changes. The expected summary figures for these workbooks (as of 2026-11-26) are listed in
//! `sample-workbooks/README.md`; keep that file in step with any change to the data below.
//!
//! The workbooks are deliberately written the way teams fill them by hand: merged goal and
//! stage cells, dates partly typed as text, amounts in mixed forms ("¥12,000.50", "1.2万",
//! full-width digits, "(500)" refunds), and a few things a team would fix (two owners on one
//! task, a week behind plan with no cause written, a risk with no owner). None is an error:
//! `check` on them exits 0. The errors a workbook can hold are shown by the tests, on copies
//! of these samples with cells set wrong (tests/integration/common.rs).

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// One cell as a team member would type it.
#[derive(Clone, Copy)]
enum V {
    /// Nothing in the cell.
    E,
    /// Text, written as a string cell (also dates and amounts typed as text).
    S(&'static str),
    /// A plain number cell.
    N(f64),
    /// A number cell with a money format (#,##0.00).
    M(f64),
    /// A number cell with a percent format (0%).
    P(f64),
    /// A real date cell (yyyy-mm-dd format).
    D(i32, u32, u32),
}

use V::{D, E, M, N, P, S};

/// The formats one workbook uses, all in the workbook's font.
struct Fmts {
    title: Format,
    note: Format,
    header: Format,
    text: Format,
    wrap: Format,
    number: Format,
    money: Format,
    percent: Format,
    date: Format,
    merged: Format,
}

impl Fmts {
    fn new(font: &str) -> Fmts {
        let base = Format::new().set_font_name(font).set_font_size(10);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Fmts {
            title: base
                .clone()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            note: base
                .clone()
                .set_italic()
                .set_font_color(Color::RGB(0x595959)),
            header: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            number: cell.clone().set_num_format("0"),
            money: cell.clone().set_num_format("#,##0.00"),
            percent: cell.clone().set_num_format("0%"),
            date: cell.clone().set_num_format("yyyy-mm-dd"),
            merged: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
        }
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date in sample data")
}

/// Writes one row of cells starting at column 0. Empty cells still get the bordered format so
/// the table looks filled in, as a team's sheet does.
fn write_row(ws: &mut Worksheet, row: u32, cells: &[V], f: &Fmts) -> Result<(), XlsxError> {
    for (i, cell) in cells.iter().enumerate() {
        let col = i as u16;
        match *cell {
            E => {
                ws.write_blank(row, col, &f.text)?;
            }
            S(s) => {
                ws.write_string_with_format(row, col, s, &f.wrap)?;
            }
            N(n) => {
                ws.write_number_with_format(row, col, n, &f.number)?;
            }
            M(n) => {
                ws.write_number_with_format(row, col, n, &f.money)?;
            }
            P(n) => {
                ws.write_number_with_format(row, col, n, &f.percent)?;
            }
            D(y, m, d) => {
                ws.write_date_with_format(row, col, date(y, m, d), &f.date)?;
            }
        }
    }
    Ok(())
}

fn write_header(ws: &mut Worksheet, row: u32, headers: &[&str], f: &Fmts) -> Result<(), XlsxError> {
    for (i, h) in headers.iter().enumerate() {
        ws.write_string_with_format(row, i as u16, *h, &f.header)?;
    }
    ws.set_row_height(row, 30)?;
    Ok(())
}

fn set_widths(ws: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    Ok(())
}

/// Fixed document properties, so the output bytes do not depend on when this runs.
fn properties(title: &str, author: &str) -> DocProperties {
    let created = date(2026, 11, 1).and_hms_opt(9, 0, 0).expect("valid time");
    DocProperties::new()
        .set_title(title)
        .set_author(author)
        .set_company("plantrack sample data")
        .set_creation_datetime(&created)
}

// ---------------------------------------------------------------------------------------------
// A) 新品首发-华东组.xlsx
// ---------------------------------------------------------------------------------------------

fn make_chinese(path: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&properties("新品首发 执行跟踪（华东组）", "华东组 王主管"));
    let f = Fmts::new("Microsoft YaHei");

    // --- Plan: 目标拆解与责任分配表 --------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name("2026新品首发 目标拆解表")?;
        let headers = [
            "编号",
            "总目标",
            "阶段目标",
            "具体任务",
            "负责人",
            "开始时间",
            "完成时间",
            "实际完成时间",
            "交付标准",
            "关联资源",
            "目标值（万元）",
            "实际值（万元）",
            "完成度",
            "状态",
            "前置任务",
        ];
        let last_col = (headers.len() - 1) as u16;
        ws.merge_range(
            0,
            0,
            0,
            last_col,
            "新品首月销售额500万 · 目标拆解与责任分配表",
            &f.title,
        )?;
        ws.set_row_height(0, 28)?;
        ws.write_string_with_format(
            1,
            0,
            "说明：目标值、实际值单位为万元；完成度按百分比填写；每个任务只填一名负责人；日期统一填 yyyy-mm-dd。",
            &f.note,
        )?;
        // Row 3 (index 2) is left blank.
        write_header(ws, 3, &headers, &f)?;

        // Columns: 编号 总目标 阶段目标 具体任务 负责人 开始 完成 实际完成 交付标准 关联资源
        //          目标值 实际值 完成度 状态 前置任务. Goal and stage cells are merged below.
        let rows: [[V; 15]; 10] = [
            // Excel row 5
            [
                S("1.1"),
                E,
                E,
                S("直播主播招募"),
                S("王主管"),
                D(2026, 11, 1),
                D(2026, 11, 15),
                D(2026, 11, 14),
                S("签约主播3名，档期锁定至12月20日"),
                S("主播报价单、合同模板"),
                E,
                E,
                P(1.0),
                S("已完成"),
                E,
            ],
            // Excel row 6
            [
                S("1.2"),
                E,
                E,
                S("抖音直播销售"),
                S("王主管"),
                D(2026, 11, 15),
                D(2026, 12, 20),
                E,
                S("直播场均观看≥1万，转化率≥3%"),
                S("主播5名、预算10万"),
                N(150.0),
                N(120.0),
                N(80.0),
                S("进行中"),
                S("1.1"),
            ],
            // Excel row 7
            [
                S("1.3"),
                E,
                E,
                S("小红书种草内容发布"),
                S("李专员"),
                D(2026, 11, 5),
                D(2026, 12, 10),
                E,
                S("发布种草笔记40篇，互动量≥5万"),
                S("达人10位、审核1名"),
                N(50.0),
                N(45.0),
                S("90%"),
                S("进行中"),
                E,
            ],
            // Excel row 8
            [
                S("1.4"),
                E,
                E,
                S("电商平台销售"),
                S("赵经理"),
                D(2026, 11, 1),
                D(2026, 12, 20),
                E,
                S("天猫、京东旗舰店新品上架并完成首月销售"),
                S("店铺运营2名"),
                N(100.0),
                N(88.0),
                N(88.0),
                S("进行中"),
                E,
            ],
            // Excel row 9: half done with half its working days gone (on track).
            [
                S("1.5"),
                E,
                E,
                S("直播间福利设计"),
                S("陈专员"),
                D(2026, 11, 12),
                D(2026, 12, 11),
                E,
                S("每场直播福袋、秒杀方案各1套"),
                S("福利预算在直播推广费中列支"),
                E,
                E,
                S("50%"),
                S("进行中"),
                S("1.1"),
            ],
            // Excel row 10: overdue.
            [
                S("2.1"),
                E,
                E,
                S("门店促销物料设计"),
                S("刘设计师"),
                D(2026, 11, 5),
                D(2026, 11, 20),
                E,
                S("海报、易拉宝、价签设计定稿并交付印刷"),
                S("设计师1名、印刷厂"),
                E,
                E,
                N(60.0),
                S("进行中"),
                E,
            ],
            // Excel row 11
            [
                S("2.2"),
                E,
                E,
                S("门店促销活动"),
                S("孙店长"),
                D(2026, 11, 21),
                D(2026, 12, 20),
                E,
                S("活动期间日均客流量≥200人"),
                S("宣传物料、门店导购3名"),
                N(150.0),
                N(110.0),
                S("73%"),
                S("进行中"),
                S("门店促销物料设计"),
            ],
            // Excel row 12: at risk (due in 2 days, 30% done, 89% of its time gone).
            [
                S("2.3"),
                E,
                E,
                S("地推活动"),
                S("周专员"),
                D(2026, 11, 10),
                D(2026, 11, 28),
                E,
                S("覆盖社区20个，发放传单2万份"),
                S("地推人员6名、传单"),
                N(50.0),
                N(30.0),
                S("30%"),
                S("进行中"),
                E,
            ],
            // Excel row 13: two owners (a warning), dates typed as text.
            [
                S("2.4"),
                E,
                E,
                S("门店导购培训"),
                S("张三/李四"),
                S("2026/11/15"),
                S("11月30日"),
                E,
                S("全部导购通过新品知识考核"),
                S("培训讲师1名"),
                E,
                E,
                N(80.0),
                S("进行中"),
                E,
            ],
            // Excel row 14: not started.
            [
                S("2.5"),
                E,
                E,
                S("门店会员回访"),
                S("孙店长"),
                S("2026年12月5日"),
                D(2026, 12, 18),
                E,
                S("回访首月购买会员500名"),
                S("客服2名"),
                E,
                E,
                N(0.0),
                S("未开始"),
                S("门店促销活动"),
            ],
        ];
        let first = 4u32;
        for (i, r) in rows.iter().enumerate() {
            write_row(ws, first + i as u32, r, &f)?;
        }
        // The goal over every task row, the stages over their own tasks: value in the top cell.
        ws.merge_range(first, 1, first + 9, 1, "新品首月销售额500万", &f.merged)?;
        ws.merge_range(first, 2, first + 4, 2, "线上渠道300万", &f.merged)?;
        ws.merge_range(first + 5, 2, first + 9, 2, "线下渠道200万", &f.merged)?;

        set_widths(
            ws,
            &[
                6.0, 14.0, 12.0, 18.0, 10.0, 12.0, 12.0, 12.0, 30.0, 22.0, 10.0, 10.0, 8.0, 8.0,
                16.0,
            ],
        )?;
        ws.set_freeze_panes(4, 4)?;
    }

    // --- Weekly: 周度进度跟踪 --------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name("周度进度跟踪")?;
        let headers = [
            "周次",
            "任务名称",
            "本周计划",
            "实际完成",
            "进度偏差",
            "偏差原因分析",
            "解决措施",
            "责任人",
        ];
        ws.merge_range(
            0,
            0,
            0,
            (headers.len() - 1) as u16,
            "周度进度跟踪表",
            &f.title,
        )?;
        write_header(ws, 1, &headers, &f)?;
        let rows: [[V; 8]; 7] = [
            // Excel row 3
            [
                S("第2周"),
                S("直播主播招募"),
                S("确定3名主播"),
                S("确定2名主播"),
                S("-33%"),
                S("1名主播档期冲突"),
                S("联系备选主播2名"),
                S("王主管"),
            ],
            // Excel row 4
            [
                S("第3周"),
                S("小红书种草内容发布"),
                S("发布笔记10篇"),
                S("发布笔记8篇"),
                P(-0.2),
                S("3篇笔记审核未通过"),
                S("增加1名审核人员，提前预审"),
                S("李专员"),
            ],
            // Excel row 5: behind plan, no cause, no fix.
            [
                S("第3周"),
                S("抖音直播销售"),
                S("直播4场"),
                S("直播3场"),
                E,
                E,
                E,
                S("王主管"),
            ],
            // Excel row 6: the stated deviation is wrong (computed -25%).
            [
                S("第4周"),
                S("地推活动"),
                S("覆盖社区20个"),
                S("覆盖社区15个"),
                S("-10%"),
                S("部分社区物业不允许进场"),
                S("改为商圈集中地推"),
                S("周专员"),
            ],
            // Excel row 7: on plan.
            [
                S("W48"),
                S("电商平台销售"),
                S("上架新品SKU 12个"),
                S("上架新品SKU 12个"),
                P(0.0),
                E,
                E,
                S("赵经理"),
            ],
            // Excel row 8: above plan.
            [
                S("W48"),
                S("小红书种草内容发布"),
                S("发布笔记10篇"),
                S("发布笔记12篇"),
                P(0.2),
                S("爆款笔记带动达人加更"),
                S("保持现有节奏"),
                S("李专员"),
            ],
            // Excel row 9: a task that is not in the plan.
            [
                S("W48"),
                S("抖音短视频预热"),
                S("发布短视频5条"),
                S("发布短视频5条"),
                S("0%"),
                E,
                E,
                S("王主管"),
            ],
        ];
        for (i, r) in rows.iter().enumerate() {
            write_row(ws, 2 + i as u32, r, &f)?;
        }
        set_widths(ws, &[8.0, 18.0, 16.0, 16.0, 10.0, 24.0, 26.0, 10.0])?;
        ws.set_freeze_panes(2, 0)?;
    }

    // --- Costs: 成本支出明细 ---------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name("成本支出明细")?;
        let headers = [
            "日期",
            "费用科目",
            "渠道",
            "事项",
            "金额(元)",
            "关联任务",
            "经办人",
        ];
        write_header(ws, 0, &headers, &f)?;
        let rows: [[V; 7]; 15] = [
            // Excel row 2
            [
                D(2026, 11, 3),
                S("直播推广费"),
                S("线上"),
                S("抖音DOU+投放（第一批）"),
                M(30000.0),
                S("抖音直播销售"),
                S("王主管"),
            ],
            // Excel row 3
            [
                D(2026, 11, 6),
                S("小红书投放"),
                S("线上"),
                S("达人笔记合作（10位）"),
                M(25000.0),
                S("小红书种草内容发布"),
                S("李专员"),
            ],
            // Excel row 4
            [
                D(2026, 11, 8),
                S("物料制作"),
                S("线下"),
                S("门店海报设计费"),
                M(4500.0),
                S("门店促销物料设计"),
                S("刘设计师"),
            ],
            // Excel row 5
            [
                S("2026/11/12"),
                S("直播推广费"),
                S("线上"),
                S("巨量千川投流"),
                S("¥12,000.50"),
                S("抖音直播销售"),
                S("王主管"),
            ],
            // Excel row 6
            [
                D(2026, 11, 15),
                S("直播推广费"),
                S("线上"),
                S("主播坑位费"),
                S("1.2万"),
                S("抖音直播销售"),
                S("王主管"),
            ],
            // Excel row 7
            [
                D(2026, 11, 16),
                S("物料制作"),
                S("线下"),
                S("易拉宝、展架印刷"),
                M(7680.0),
                S("门店促销物料设计"),
                S("刘设计师"),
            ],
            // Excel row 8
            [
                S("11月18日"),
                S("小红书投放"),
                S("线上"),
                S("薯条推广"),
                S("18,500"),
                S("小红书种草内容发布"),
                S("李专员"),
            ],
            // Excel row 9: full-width digits.
            [
                D(2026, 11, 18),
                S("直播推广费"),
                S("线上"),
                S("直播间福袋礼品"),
                S("３０００"),
                S("直播间福利设计"),
                S("陈专员"),
            ],
            // Excel row 10
            [
                D(2026, 11, 20),
                S("小红书投放"),
                S("线上"),
                S("达人笔记加投"),
                M(13000.0),
                S("小红书种草内容发布"),
                S("李专员"),
            ],
            // Excel row 11: a number stored as text.
            [
                D(2026, 11, 21),
                S("门店活动"),
                S("线下"),
                S("门店试吃物料"),
                S("9600"),
                S("门店促销活动"),
                S("孙店长"),
            ],
            // Excel row 12: a refund in accounting form.
            [
                D(2026, 11, 22),
                S("小红书投放"),
                S("线上"),
                S("达人取消合作退款"),
                S("(500)"),
                S("小红书种草内容发布"),
                S("李专员"),
            ],
            // Excel row 13
            [
                D(2026, 11, 23),
                S("门店活动"),
                S("线下"),
                S("导购临时补贴"),
                M(12000.0),
                S("门店促销活动"),
                S("孙店长"),
            ],
            // Excel row 14: thousands separator, stored as text.
            [
                D(2026, 11, 24),
                S("直播推广费"),
                S("线上"),
                S("巨量千川投流（第二批）"),
                S("26,150"),
                S("抖音直播销售"),
                S("王主管"),
            ],
            // Excel row 15: no budget line for this category.
            [
                D(2026, 11, 25),
                S("公关应急"),
                S("线上"),
                S("舆情监测服务"),
                M(5000.0),
                E,
                S("赵经理"),
            ],
            // Excel row 16: a refund as a negative number.
            [
                D(2026, 11, 26),
                S("直播推广费"),
                S("线上"),
                S("投流未消耗退款"),
                M(-800.0),
                S("抖音直播销售"),
                S("王主管"),
            ],
        ];
        for (i, r) in rows.iter().enumerate() {
            write_row(ws, 1 + i as u32, r, &f)?;
        }
        set_widths(ws, &[12.0, 12.0, 8.0, 24.0, 14.0, 18.0, 10.0])?;
        ws.set_freeze_panes(1, 0)?;
    }

    // --- Budget: 预算分配 ------------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name("预算分配")?;
        let headers = ["费用科目", "预算金额（元）", "渠道", "负责人"];
        write_header(ws, 0, &headers, &f)?;
        let rows: [[V; 4]; 4] = [
            [S("直播推广费"), M(100000.0), S("线上"), S("王主管")],
            [S("小红书投放"), M(50000.0), S("线上"), S("李专员")],
            [S("物料制作"), M(30000.0), S("线下"), S("刘设计师")],
            [S("门店活动"), M(40000.0), S("线下"), S("孙店长")],
        ];
        for (i, r) in rows.iter().enumerate() {
            write_row(ws, 1 + i as u32, r, &f)?;
        }
        set_widths(ws, &[14.0, 16.0, 8.0, 10.0])?;
    }

    // --- Risks: 风险预案 -------------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name("风险预案")?;
        let headers = [
            "风险描述",
            "可能性",
            "影响程度",
            "应对措施",
            "负责人",
            "状态",
        ];
        write_header(ws, 0, &headers, &f)?;
        let rows: [[V; 6]; 3] = [
            [
                S("物料延期：印刷厂排期紧张，门店物料可能晚于活动开始"),
                S("高"),
                S("高"),
                S("启用备用印刷供应商，设计稿提前10天定稿"),
                S("刘设计师"),
                S("已发生"),
            ],
            [
                S("竞品突袭：竞品同期推出大促活动"),
                S("中"),
                S("高"),
                S("准备应急话术与加码优惠方案，24小时内上线"),
                S("赵经理"),
                S("未发生"),
            ],
            [
                S("舆情危机：新品负面评价在社交平台发酵"),
                S("低"),
                S("高"),
                S("启动快速响应机制，公关声明模板提前审批"),
                E,
                S("未发生"),
            ],
        ];
        for (i, r) in rows.iter().enumerate() {
            write_row(ws, 1 + i as u32, r, &f)?;
        }
        set_widths(ws, &[40.0, 8.0, 8.0, 40.0, 10.0, 8.0])?;
    }

    // --- 填写说明: not a data sheet ---------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name("填写说明")?;
        ws.write_string_with_format(0, 0, "填写说明", &f.title)?;
        let lines = [
            "1. 每周五下班前更新“目标拆解表”的实际值、完成度和状态，并在“周度进度跟踪”中填写本周计划与实际完成。",
            "2. 进度落后于计划时，必须填写偏差原因分析和解决措施；每个任务只能有一名负责人。",
            "3. 每笔费用发生后当天登记到“成本支出明细”，费用科目须与“预算分配”一致；退款记为负数。",
            "4. 本表由华东组维护，如有疑问请联系王主管。",
        ];
        for (i, line) in lines.iter().enumerate() {
            ws.write_string_with_format(2 + i as u32, 0, *line, &f.note)?;
        }
        ws.set_column_width(0, 100)?;
    }

    wb.save(path)
}

// ---------------------------------------------------------------------------------------------
// B) launch-team-west.xlsx
// ---------------------------------------------------------------------------------------------

fn make_english(path: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&properties("Q4 launch tracker (West)", "West launch team"));
    let f = Fmts::new("Calibri");

    // --- Plan -----------------------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name("Plan")?;
        let headers = [
            "ID",
            "Goal",
            "Channel",
            "Task",
            "Owner",
            "Start",
            "Due",
            "Done on",
            "Deliverable",
            "Resources",
            "Target",
            "Actual",
            "% complete",
            "Status",
            "Depends on",
        ];
        write_header(ws, 0, &headers, &f)?;
        let rows: [[V; 15]; 9] = [
            // Excel row 2: done.
            [
                S("1.1"),
                E,
                E,
                S("Launch landing page"),
                S("Maya Chen"),
                D(2026, 10, 15),
                D(2026, 11, 5),
                D(2026, 11, 4),
                S("Page live, load time under 2s"),
                S("Web team"),
                E,
                E,
                P(1.0),
                S("Done"),
                E,
            ],
            // Excel row 3
            [
                S("1.2"),
                E,
                E,
                S("Paid social campaign"),
                S("Jordan Lee"),
                D(2026, 11, 1),
                D(2026, 12, 20),
                E,
                S("ROAS at least 3.0"),
                S("Creative team, ad agency"),
                M(600000.0),
                M(455000.0),
                N(76.0),
                S("In progress"),
                S("1.1"),
            ],
            // Excel row 4: due date typed as text.
            [
                S("1.3"),
                E,
                E,
                S("Email & CRM pushes"),
                S("Priya Nair"),
                D(2026, 11, 1),
                S("2026-12-15"),
                E,
                S("6 sends, open rate at least 25%"),
                S("CRM tool"),
                S("$200k"),
                M(188000.0),
                S("94%"),
                S("In progress"),
                S("1.1"),
            ],
            // Excel row 5
            [
                S("1.4"),
                E,
                E,
                S("Marketplace listings"),
                S("Sam Ortiz"),
                D(2026, 11, 1),
                D(2026, 12, 20),
                E,
                S("Listed on Amazon and Walmart"),
                S("Marketplace manager"),
                S("$400k"),
                M(310000.0),
                N(78.0),
                S("In progress"),
                E,
            ],
            // Excel row 6: overdue.
            [
                S("2.1"),
                E,
                E,
                S("In-store display kits"),
                S("Dana Brooks"),
                D(2026, 11, 2),
                D(2026, 11, 18),
                E,
                S("Kits delivered to 40 stores"),
                S("Printer, freight"),
                E,
                E,
                N(70.0),
                S("In progress"),
                E,
            ],
            // Excel row 7
            [
                S("2.2"),
                E,
                E,
                S("Retail partner promotions"),
                S("Chris Wong"),
                // Starts before its predecessor (2.1, due 11-18) is due: a dependency conflict.
                D(2026, 11, 15),
                D(2026, 12, 24),
                E,
                S("Promo running in 3 partner chains"),
                S("Trade budget, display kits"),
                M(500000.0),
                M(260000.0),
                S("52%"),
                S("In progress"),
                S("In-store display kits"),
            ],
            // Excel row 8: at risk (due in 2 days, 35% done, 86% of its time gone).
            [
                S("2.3"),
                E,
                E,
                S("Pop-up events"),
                S("Alex Kim"),
                D(2026, 11, 14),
                D(2026, 11, 28),
                E,
                S("3 weekend pop-ups, 1,500 visitors"),
                S("Event crew of 4"),
                S("$300k"),
                M(95000.0),
                S("35%"),
                S("In progress"),
                E,
            ],
            // Excel row 9: not started.
            [
                S("2.4"),
                E,
                E,
                S("Holiday window refresh"),
                S("Dana Brooks"),
                D(2026, 12, 1),
                D(2026, 12, 10),
                E,
                S("Windows refreshed in 12 flagship stores"),
                S("Visual merchandisers"),
                E,
                E,
                E,
                S("Not started"),
                S("2.1"),
            ],
            // Excel row 10: a milestone (start = due), after the window refresh.
            [
                S("2.5"),
                E,
                E,
                S("Retail launch day"),
                S("Chris Wong"),
                D(2026, 12, 12),
                D(2026, 12, 12),
                E,
                S("All flagship stores open with the launch display"),
                E,
                E,
                E,
                E,
                S("Not started"),
                S("2.4"),
            ],
        ];
        for (i, r) in rows.iter().enumerate() {
            write_row(ws, 1 + i as u32, r, &f)?;
        }
        ws.merge_range(1, 1, 9, 1, "Q4 launch revenue $2M", &f.merged)?;
        ws.merge_range(1, 2, 4, 2, "Online $1.2M", &f.merged)?;
        ws.merge_range(5, 2, 9, 2, "Retail $800k", &f.merged)?;
        set_widths(
            ws,
            &[
                5.0, 14.0, 12.0, 24.0, 12.0, 11.0, 11.0, 11.0, 30.0, 24.0, 12.0, 12.0, 10.0, 11.0,
                18.0,
            ],
        )?;
        ws.set_freeze_panes(1, 4)?;
    }

    // --- Weekly ---------------------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name("Weekly")?;
        let headers = [
            "Week", "Task", "Planned", "Done", "Variance", "Reason", "Action", "Owner",
        ];
        write_header(ws, 0, &headers, &f)?;
        let rows: [[V; 8]; 4] = [
            // Excel row 2
            [
                S("W47"),
                S("Paid social campaign"),
                S("8 ad sets live"),
                S("6 ad sets live"),
                P(-0.25),
                S("Two creatives rejected in platform review"),
                S("Resubmit revised creatives; add a backup ad set"),
                S("Jordan Lee"),
            ],
            // Excel row 3
            [
                S("W47"),
                S("Email & CRM pushes"),
                S("2 emails"),
                S("2 emails"),
                P(0.0),
                E,
                E,
                S("Priya Nair"),
            ],
            // Excel row 4: variance left for the tool to compute.
            [
                S("W48"),
                S("Pop-up events"),
                S("3 events"),
                S("2 events"),
                E,
                S("Venue permit delayed"),
                S("Move the event to the mall atrium"),
                S("Alex Kim"),
            ],
            // Excel row 5
            [
                S("W48"),
                S("Marketplace listings"),
                S("20 listings"),
                S("24 listings"),
                S("20%"),
                E,
                E,
                S("Sam Ortiz"),
            ],
        ];
        for (i, r) in rows.iter().enumerate() {
            write_row(ws, 1 + i as u32, r, &f)?;
        }
        set_widths(ws, &[7.0, 24.0, 16.0, 16.0, 10.0, 36.0, 40.0, 12.0])?;
        ws.set_freeze_panes(1, 0)?;
    }

    // --- Expenses -------------------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name("Expenses")?;
        let headers = [
            "Date",
            "Budget line",
            "Channel",
            "Description",
            "Amount (USD)",
            "Task",
            "Payee",
        ];
        write_header(ws, 0, &headers, &f)?;
        let rows: [[V; 7]; 12] = [
            // Excel row 2
            [
                D(2026, 11, 2),
                S("Paid social"),
                S("Online"),
                S("Meta ads, week 1"),
                M(18000.0),
                S("Paid social campaign"),
                S("Meta"),
            ],
            // Excel row 3
            [
                D(2026, 11, 4),
                S("Influencers"),
                S("Online"),
                S("Creator package A"),
                M(12000.0),
                S("Paid social campaign"),
                S("Brightline Agency"),
            ],
            // Excel row 4
            [
                D(2026, 11, 6),
                S("Retail displays"),
                S("Retail"),
                S("Display kit print run"),
                M(14200.0),
                S("In-store display kits"),
                S("PrintCo"),
            ],
            // Excel row 5
            [
                D(2026, 11, 9),
                S("Paid social"),
                S("Online"),
                S("TikTok ads, weeks 2-3"),
                M(12500.75),
                S("Paid social campaign"),
                S("TikTok"),
            ],
            // Excel row 6
            [
                D(2026, 11, 13),
                S("Events"),
                S("Retail"),
                S("Pop-up venue deposit"),
                M(4800.0),
                S("Pop-up events"),
                S("Westfield"),
            ],
            // Excel row 7: currency mark and separator, as text.
            [
                D(2026, 11, 16),
                S("Paid social"),
                S("Online"),
                S("Meta ads, weeks 2-3"),
                S("$9,749.25"),
                S("Paid social campaign"),
                S("Meta"),
            ],
            // Excel row 8
            [
                D(2026, 11, 18),
                S("Influencers"),
                S("Online"),
                S("Creator package B"),
                M(9800.0),
                S("Paid social campaign"),
                S("Brightline Agency"),
            ],
            // Excel row 9
            [
                D(2026, 11, 19),
                S("Retail displays"),
                S("Retail"),
                S("Freight to stores"),
                M(6350.40),
                S("In-store display kits"),
                S("FastFreight"),
            ],
            // Excel row 10: a refund in accounting form.
            [
                D(2026, 11, 20),
                S("Paid social"),
                S("Online"),
                S("Refund: unused ad credit"),
                S("(1,200.00)"),
                S("Paid social campaign"),
                S("Meta"),
            ],
            // Excel row 11: "1.5k".
            [
                D(2026, 11, 23),
                S("Influencers"),
                S("Online"),
                S("Creator bonus"),
                S("1.5k"),
                S("Paid social campaign"),
                S("Brightline Agency"),
            ],
            // Excel row 12
            [
                D(2026, 11, 24),
                S("Events"),
                S("Retail"),
                S("Event staff"),
                M(3275.60),
                S("Pop-up events"),
                S("Crew Inc"),
            ],
            // Excel row 13
            [
                D(2026, 11, 25),
                S("Paid social"),
                S("Online"),
                S("Retargeting boost"),
                M(1000.0),
                S("Paid social campaign"),
                S("Meta"),
            ],
        ];
        for (i, r) in rows.iter().enumerate() {
            write_row(ws, 1 + i as u32, r, &f)?;
        }
        set_widths(ws, &[11.0, 16.0, 9.0, 28.0, 14.0, 24.0, 18.0])?;
        ws.set_freeze_panes(1, 0)?;
    }

    // --- Budget (in thousands) ------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name("Budget")?;
        let headers = ["Budget line", "Budget (k)", "Owner"];
        write_header(ws, 0, &headers, &f)?;
        let rows: [[V; 3]; 4] = [
            [S("Paid social"), N(50.0), S("Jordan Lee")],
            [S("Influencers"), N(20.0), S("Jordan Lee")],
            [S("Retail displays"), N(30.0), S("Dana Brooks")],
            [S("Events"), N(25.0), S("Alex Kim")],
        ];
        for (i, r) in rows.iter().enumerate() {
            write_row(ws, 1 + i as u32, r, &f)?;
        }
        set_widths(ws, &[16.0, 12.0, 14.0])?;
    }

    // --- Risks ----------------------------------------------------------------------------
    {
        let ws = wb.add_worksheet();
        ws.set_name("Risks")?;
        let headers = [
            "Risk",
            "Likelihood",
            "Impact",
            "Response",
            "Owner",
            "Status",
        ];
        write_header(ws, 0, &headers, &f)?;
        let rows: [[V; 6]; 3] = [
            [
                S("Display kit supplier delay"),
                S("High"),
                S("High"),
                S("Switch to the backup printer; split the run"),
                S("Dana Brooks"),
                S("Occurred"),
            ],
            [
                S("Competitor Black Friday discounting"),
                S("Medium"),
                S("High"),
                S("Pre-approved price match and bundle offer"),
                S("Jordan Lee"),
                S("Open"),
            ],
            [
                S("Negative reviews go viral"),
                S("Low"),
                S("High"),
                S("24-hour response playbook; holding statement approved"),
                S("Priya Nair"),
                S("Open"),
            ],
        ];
        for (i, r) in rows.iter().enumerate() {
            write_row(ws, 1 + i as u32, r, &f)?;
        }
        set_widths(ws, &[36.0, 11.0, 9.0, 48.0, 13.0, 10.0])?;
    }

    wb.save(path)
}

fn main() -> Result<(), XlsxError> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-workbooks");
    std::fs::create_dir_all(dir)?;
    let zh = format!("{dir}/新品首发-华东组.xlsx");
    let en = format!("{dir}/launch-team-west.xlsx");
    make_chinese(&zh)?;
    make_english(&en)?;
    println!("wrote {zh}");
    println!("wrote {en}");
    Ok(())
}

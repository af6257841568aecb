//! The instructions sheet: what each sheet is for (in the seed's words), how plantrack reads
//! it, the rules that keep the data clean, what the colours mean, and the campaign calendar
//! (which the Weekly sheet's week dropdown points at). The text lives here, in both languages,
//! beside nothing else, so it can be read and corrected in one place.

use chrono::{Days, NaiveDate};

use super::{TemplateSettings, campaign_mondays, end_of, instructions_sheet, team_sheet_name};
use crate::lang::Lang;
use crate::read::schema::{Field, SheetKind, canonical_header, canonical_sheet_name};

/// The instructions sheet's content.
#[derive(Debug, Clone)]
pub struct Guide {
    pub name: &'static str,
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<Section>,
    pub calendar: Calendar,
}

/// A heading, an optional header row of three cells, and rows.
#[derive(Debug, Clone)]
pub struct Section {
    pub heading: String,
    pub header: Option<[String; 3]>,
    pub rows: Vec<GuideRow>,
}

#[derive(Debug, Clone)]
pub enum GuideRow {
    /// A label, and a text across the other columns.
    Line { label: String, text: String },
    /// Three cells of a table.
    Cells([String; 3]),
    /// A sample cell in a colour the workbook uses, and what the colour means.
    Swatch {
        swatch: Swatch,
        sample: String,
        text: String,
    },
}

/// The colours explained on the instructions sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    RequiredHeader,
    OptionalHeader,
    /// A due date past and the task not done.
    Late,
    /// A weekly row behind plan without cause or fix.
    Behind,
}

/// The campaign's weeks: label, Monday, Sunday.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub heading: String,
    pub header: [String; 3],
    pub weeks: Vec<(String, NaiveDate, NaiveDate)>,
}

pub fn guide(s: &TemplateSettings) -> Guide {
    let lang = s.lang;
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en).to_string();
    let line = |label: &'static str, label_en: &'static str, text: String| GuideRow::Line {
        label: l(label, label_en),
        text,
    };
    let end = end_of(s.start, s.weeks);
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let file = &s.file_name;
    let sheet = |k: SheetKind| canonical_sheet_name(k, lang);
    let team = team_sheet_name(lang);

    let title = l(
        "营销策划执行落地 · 团队工作簿",
        "Marketing plan execution · team workbook",
    );
    let subtitle = match lang {
        Lang::Zh => format!(
            "活动周期：{} 至 {}（{} 周）。请勿修改工作表名称和表头：plantrack 靠它们识别各表。",
            day(s.start),
            day(end),
            s.weeks
        ),
        Lang::En => format!(
            "Campaign: {} to {} ({} weeks). Keep the sheet names and headers as they are: plantrack recognises the sheets by them.",
            day(s.start),
            day(end),
            s.weeks
        ),
    };

    let weekly = Section {
        heading: l("每周怎么用", "Each week"),
        header: None,
        rows: vec![
            line(
                "① 填写",
                "1. Fill in",
                l(
                    "在各表表头下方的表格行里直接输入。点中单元格会出现填写提示，负责人、状态等从下拉中选。新的一行接着表格往下写即可，表格会自动扩展。",
                    "Type into the table rows under each header. A selected cell shows what to type; pick owners, statuses and the like from the dropdowns. Type a new row right under the table and the table grows.",
                ),
            ),
            line(
                "② 检查",
                "2. Check",
                match lang {
                    Lang::Zh => format!(
                        "plantrack check {file}：逐个列出有问题的单元格（如 {}!F5）以及应该怎么填。",
                        sheet(SheetKind::Weekly)
                    ),
                    Lang::En => format!(
                        "plantrack check {file} lists every cell with a problem (such as {}!F5) and what it should hold.",
                        sheet(SheetKind::Weekly)
                    ),
                },
            ),
            line(
                "③ 汇总",
                "3. Report",
                match lang {
                    Lang::Zh => format!(
                        "plantrack report {file}：生成本周汇总工作簿（概览、目标达成、任务、周度跟踪、成本预算、甘特图、数据问题），文件名带日期，上周的文件保留。"
                    ),
                    Lang::En => format!(
                        "plantrack report {file} writes this week's summary workbook (overview, goals, tasks, weekly, costs, Gantt, data problems), dated, beside last week's."
                    ),
                },
            ),
            line(
                "沟通节奏",
                "Rhythm",
                l(
                    "每日同步进度、每周解决问题、每月总结优化；重要信息（如策略调整、风险预警）需通过书面形式确认。",
                    "Daily progress, weekly problem solving, monthly summary; important changes (strategy, risk warnings) confirmed in writing.",
                ),
            ),
        ],
    };

    let row = |name: String, purpose: String, use_: String| GuideRow::Cells([name, purpose, use_]);
    let sheets = Section {
        heading: l("各工作表", "The sheets"),
        header: Some([
            l("工作表", "Sheet"),
            l("用途（工具包原文）", "What it is for (the toolkit)"),
            l("plantrack 如何使用", "What plantrack does with it"),
        ]),
        rows: vec![
            row(
                sheet(SheetKind::Plan),
                l(
                    "目标拆解：将营销总目标按“阶段-渠道-动作”拆解，如“新品上市首月销售额500万”拆为线上渠道300万、线下渠道200万；每个任务明确唯一负责人，设定明确起止时间。",
                    "Goal decomposition: split the big goal by stage - channel - action (\"first-month sales 5M\" becomes online 3M and offline 2M); every task has exactly one owner and a start and end date.",
                ),
                l(
                    "从总目标、阶段目标的文字中读出目标值；阶段实际 = 各任务实际值之和，总目标实际 = 各阶段之和，算出完成率，各部分之和不等于整体时报出拆解差额。按完成时间判断每个任务：已完成、逾期、有风险、正常、未开始，并画出甘特图。",
                    "Reads the targets inside the goal and stage texts; a stage's actual is the sum of its tasks', the goal's the sum of its stages'; shows completion, and the gap wherever the parts do not add up. Judges each task by its due date (done, overdue, at risk, on track, not started) and draws the Gantt chart.",
                ),
            ),
            row(
                sheet(SheetKind::Weekly),
                l(
                    "进度跟踪：通过甘特图、日报/周报实时监控任务完成情况，对滞后任务及时预警。",
                    "Process control: track progress from the Gantt chart and weekly reports, and warn early about lagging tasks.",
                ),
                l(
                    "算出进度偏差 =（实际完成 − 本周计划）/ 本周计划，数量从文字中读出（“发布笔记8篇”对“发布笔记10篇”为 -20%）；提示填写的偏差与计算不符、落后却没写原因和措施、任务不在计划中。",
                    "Computes deviation = (actual - plan) / plan, with the quantities read from the text (\"Published 8 notes\" against \"Publish 10 notes\" is -20%); flags a written deviation that disagrees, a row behind plan without cause and fix, and a task not in the plan.",
                ),
            ),
            row(
                sheet(SheetKind::Costs),
                l(
                    "成本监控：实时记录各项支出，与预算对比，避免超支（如“直播推广费已用预算80%，需调整后续投放策略”）。",
                    "Record every expense and compare it with the budget (\"the live-stream promotion fee has used 80% of its budget: adjust the remaining spend\").",
                ),
                l(
                    "按费用科目汇总到预算行，退款冲减支出；已用 80% 为预警，超过 100% 为超支，不在预算中的科目单列为无预算。关联任务的支出计入该任务“关联资源”里写的预算。",
                    "Adds each line's spending up against its budget line, refunds subtracted: warning from 80% used, over above 100%; spending on a line with no budget is listed apart. Spending linked to a task counts against the budget in that task's resources.",
                ),
            ),
            row(
                sheet(SheetKind::Budget),
                l(
                    "资源梳理与分配：列出所需资源清单（预算、人力、物料、渠道权限等），明确资源提供方及到位时间，避免执行中资源断档。",
                    "A resource list (budget, people, materials, channel permissions) names who provides each and by when.",
                ),
                match lang {
                    Lang::Zh => format!(
                        "每个费用科目一行预算，这些科目就是“{}”费用科目下拉的选项；成本按科目名称与预算对应。",
                        sheet(SheetKind::Costs)
                    ),
                    Lang::En => format!(
                        "One budget per line; these lines fill the category dropdown of {}, and costs are matched to them by name.",
                        sheet(SheetKind::Costs)
                    ),
                },
            ),
            row(
                sheet(SheetKind::Risks),
                l(
                    "风险预案：预判执行中可能的风险（如物料延期、竞品突发活动、舆情波动等），制定应对措施（如备用供应商、应急话术、快速响应机制）。",
                    "A risk plan lists likely risks (material delays, a competitor's surprise campaign, a PR crisis) with countermeasures (backup supplier, emergency scripts, rapid response).",
                ),
                l(
                    "check 检查这张表的写法：可能性、影响为 高/中/低，状态为 未发生/已发生/已关闭。",
                    "check reads it and reports values it cannot understand: likelihood and impact are High/Medium/Low, status Open/Occurred/Closed.",
                ),
            ),
            row(
                sheet(SheetKind::Holidays),
                l(
                    "工作日历：本团队的放假日（休）和调休上班日（班），如公司年会、外地节假日、内置表尚未收录的年份。",
                    "The team's own days off and working days: company days off, other regions' holidays, years the built-in table does not cover.",
                ),
                l(
                    "工期、浮动、关键路径和预测都按工作日计：周一至周五，中文表头默认另计中国大陆法定节假日和调休（内置 2020-2026），再加这张表的日期。",
                    "Durations, float, the critical path and forecasts count working days: Monday to Friday (with mainland China's holidays and make-up days for Chinese headers), plus this sheet's days.",
                ),
            ),
            row(
                team.to_string(),
                l(
                    "组建专项小组：成立跨部门执行小组（如市场部、销售部、设计部、客服部等），明确总负责人，统筹全局。",
                    "A cross-department task force (marketing, sales, design, customer service) with one overall lead.",
                ),
                l(
                    "plantrack 不读取这张表；这里的名单是各表“负责人”下拉的选项。",
                    "plantrack does not read it; its names are what every owner dropdown offers.",
                ),
            ),
        ],
    };

    let rules = Section {
        heading: l("填写规则", "How to fill it"),
        header: None,
        rows: vec![
            line(
                "目标写在文字里",
                "Targets in the text",
                l(
                    "总目标、阶段目标的目标值写在文字里，如“新品首月销售额500万”“线上渠道300万”；任务的目标值、实际值填在数字列里（150万填 1500000），没有量化目标的任务留空。各阶段之和应等于总目标，各任务之和应等于阶段目标。",
                    "Write a goal's or stage's target inside its text, as in \"First-month sales 5M\" or \"Online 3M\"; put a task's target and actual in the number columns (1.5M is 1500000), or leave them blank. The stages should add up to the goal, and the tasks to their stage.",
                ),
            ),
            line(
                "一个负责人",
                "One owner",
                match lang {
                    Lang::Zh => format!(
                        "每个任务只填一个负责人（一个人或一个团队），从“{team}”表的名单中选，避免“大家负责=无人负责”。新成员先加到“{team}”表。"
                    ),
                    Lang::En => format!(
                        "Each task has exactly one owner, a person or a team, picked from the {team} sheet (everyone responsible means no one is). Add new people to {team} first."
                    ),
                },
            ),
            line(
                "日期",
                "Dates",
                l(
                    "日期按 年-月-日 输入，如 2026-11-02；完成时间不能早于开始时间。",
                    "Type dates as year-month-day, e.g. 2026-11-02; a due date cannot come before its start.",
                ),
            ),
            line(
                "数字",
                "Numbers",
                l(
                    "金额、目标值只填数字，不写“万”“元”；退款填负数。完成度输入如 80%。",
                    "Amounts and targets are plain numbers; a refund is negative. Type progress as e.g. 80%.",
                ),
            ),
            line(
                "周度跟踪",
                "Weekly rows",
                l(
                    "每周每个任务一行。本周计划、实际完成可以写带数量的文字（发布笔记10篇）；落后于计划时写偏差原因分析和解决措施。",
                    "One row per task per week. Plan and actual may be text with a quantity (Publish 10 notes); when behind plan, write the cause and the fix.",
                ),
            ),
            line(
                "成本",
                "Costs",
                l(
                    "每笔支出一行，当天登记；费用科目从预算表中选。",
                    "One row per expense, entered the day it happens; pick the category from the Budget sheet's lines.",
                ),
            ),
            line(
                "新增行",
                "New rows",
                l(
                    "在表格最后一行下面接着输入，Excel 和 WPS 会扩展表格并带上下拉和提示；在 LibreOffice 中，每张表前 1000 行都已设好。",
                    "Type under the last row of a table: Excel and WPS grow the table with its dropdowns and prompts. In LibreOffice the first 1000 rows of every sheet are set up.",
                ),
            ),
        ],
    };

    let header_of =
        |field: Field| canonical_header(SheetKind::Plan, field, lang).unwrap_or_default();
    let (required_sample, optional_sample) =
        (header_of(Field::Owner), header_of(Field::Deliverable));
    let colours = Section {
        heading: l("颜色提示", "Colours"),
        header: None,
        rows: vec![
            GuideRow::Swatch {
                swatch: Swatch::RequiredHeader,
                sample: required_sample,
                text: l("深色表头：必填列。", "Dark header: a required column."),
            },
            GuideRow::Swatch {
                swatch: Swatch::OptionalHeader,
                sample: optional_sample,
                text: l("浅色表头：选填列。", "Light header: an optional column."),
            },
            GuideRow::Swatch {
                swatch: Swatch::Late,
                sample: day(s.start),
                text: l(
                    "红色的完成时间：已过截止日期（按今天）仍未完成，即状态不是已完成或取消、没有实际完成时间、完成度不到 100%。",
                    "A red due date: past (as of today) and the task not done: its status is not Done or Cancelled, it has no done-on date and its progress is below 100%.",
                ),
            },
            GuideRow::Swatch {
                swatch: Swatch::Behind,
                sample: l("发布笔记8篇", "Published 8 notes"),
                text: match lang {
                    Lang::Zh => format!(
                        "“{}”中变黄的行：落后于计划，但偏差原因分析或解决措施没写。落后指本周计划和实际完成都是数字且实际小于计划，或进度偏差填了负数。计划和实际是文字时（发布笔记10篇），填上进度偏差（如 -20%）才会变色；plantrack 汇总时总会从文字中算出偏差。",
                        sheet(SheetKind::Weekly)
                    ),
                    Lang::En => format!(
                        "An amber row on {}: behind plan, with no cause or no fix written. Behind means plan and actual are both numbers and actual is below plan, or the deviation holds a negative share. When plan and actual are text (Publish 10 notes), type the deviation (e.g. -20%) for the colour; plantrack's report reads the deviation from the text anyway.",
                        sheet(SheetKind::Weekly)
                    ),
                },
            },
        ],
    };

    let principles = Section {
        heading: l("原则（工具包）", "Principles (the toolkit)"),
        header: None,
        rows: vec![
            line(
                "目标可视化",
                "Visible goals",
                l(
                    "目标拆解需具体到可量化指标（如“销售额”而非“提升销量”），责任分配需明确到“人+事+时间”，避免“大家负责=无人负责”。",
                    "Make goals visible and quantified (\"sales\", not \"sell more\"); responsibility is person + task + time.",
                ),
            ),
            line(
                "沟通常态化",
                "Steady communication",
                l(
                    "建立“每日同步进度、每周解决问题、每月总结优化”的沟通机制，重要信息需通过书面形式确认，避免口头传达偏差。",
                    "Daily progress, weekly problem solving, monthly summary; important changes confirmed in writing.",
                ),
            ),
            line(
                "数据驱动决策",
                "Decide from data",
                l(
                    "进度跟踪需结合实时数据（如曝光量、点击率、转化率），而非仅凭“感觉”。",
                    "Track progress with data (exposure, click-through, conversion), not by feeling.",
                ),
            ),
        ],
    };

    let calendar = Calendar {
        heading: match lang {
            Lang::Zh => format!("活动日历（“{}”周次下拉的选项）", sheet(SheetKind::Weekly)),
            Lang::En => format!(
                "Campaign calendar (the week dropdown of {})",
                sheet(SheetKind::Weekly)
            ),
        },
        header: [l("周次", "Week"), l("周一", "Monday"), l("周日", "Sunday")],
        weeks: campaign_mondays(s.start, s.weeks)
            .into_iter()
            .enumerate()
            .map(|(i, monday)| {
                let label = match lang {
                    Lang::Zh => format!("第{}周", i + 1),
                    Lang::En => format!("Week {}", i + 1),
                };
                (label, monday, monday + Days::new(6))
            })
            .collect(),
    };

    Guide {
        name: instructions_sheet(lang),
        title,
        subtitle,
        sections: vec![weekly, sheets, rules, colours, principles],
        calendar,
    }
}

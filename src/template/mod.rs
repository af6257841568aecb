//! What `plantrack init` writes, as plain data: the fillable team workbook's sheets, their
//! columns (headers taken from the reader's own alias tables, so `report` reads back exactly
//! what `init` wrote), what each column accepts, the prompt a cell shows while it is being
//! filled, and optionally the seed's example campaign.
//!
//! Kept apart from rendering for the pipeline's reason: this module decides *what* the form
//! asks for; `render::template` decides how Excel expresses it (validations, conditional
//! formats, tables), and is the only part that knows rust_xlsxwriter.

mod example;
mod guide;

use chrono::{Datelike, Days, NaiveDate};

use crate::compute::calendar::Calendar as WorkCalendar;
use crate::contract::{
    Field, GUIDE_SHEETS, KindSpec, LEVEL_CHOICES, RISK_STATE_CHOICES, STATUS_CHOICES, SheetKind,
    canonical_header, canonical_sheet_name, choice_words,
};
use crate::lang::Lang;
pub use guide::{Calendar, Guide, GuideRow, Section, Swatch};

/// What the command line asked for, resolved.
#[derive(Debug, Clone)]
pub struct TemplateSettings {
    pub lang: Lang,
    /// The campaign's first day.
    pub start: NaiveDate,
    /// The campaign's length in weeks.
    pub weeks: u32,
    /// Fill the sheets with the seed's example campaign.
    pub example: bool,
    /// The file's name, quoted in the instructions' commands.
    pub file_name: String,
}

/// The whole workbook: the instructions, then the data sheets, the team list last.
#[derive(Debug, Clone)]
pub struct Template {
    pub lang: Lang,
    pub start: NaiveDate,
    pub guide: Guide,
    pub sheets: Vec<DataSheet>,
}

/// What a sheet is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetRole {
    /// One of the sheets plantrack reads.
    Data(SheetKind),
    /// The team list: its first column feeds every owner dropdown.
    Team,
}

/// One sheet holding a table: header row 1, then example rows, then empty rows to type in.
#[derive(Debug, Clone)]
pub struct DataSheet {
    pub role: SheetRole,
    pub name: String,
    /// The Excel table's name (ASCII, unique in the workbook).
    pub table: &'static str,
    pub columns: Vec<Column>,
    /// Example rows, one value (or none) per column.
    pub rows: Vec<Vec<Option<Value>>>,
    /// Rows the table spans below the header, the example rows included.
    pub table_rows: u32,
    /// Columns kept in view while scrolling right.
    pub frozen_cols: u16,
}

impl DataSheet {
    /// Index of the column holding a field.
    pub fn col(&self, field: Field) -> Option<u16> {
        self.columns
            .iter()
            .position(|c| c.field == Some(field))
            .map(|i| i as u16)
    }
}

/// One column: its header, what it accepts and what its cells say while being filled.
#[derive(Debug, Clone)]
pub struct Column {
    /// The field plantrack reads from it (None on the team list).
    pub field: Option<Field>,
    pub header: String,
    pub required: bool,
    pub input: Input,
    pub width: f64,
    /// Input message title (Excel allows 32 characters).
    pub title: String,
    /// Input message: what to type, with an example (Excel allows 255 characters).
    pub prompt: String,
}

/// What a column accepts. Each becomes a data validation, a number format and an error
/// message when rendered.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// Free text; the prompt says what to write.
    Text,
    /// A date; when `not_before` is set, not before that field's date in the same row.
    Date { not_before: Option<Field> },
    /// A week of the campaign, picked from the calendar on the instructions sheet (another
    /// date is kept after a warning).
    Week,
    /// A number of 0 or more: a target, an actual, a count.
    Quantity,
    /// Money of 0 or more (a budget).
    Budget,
    /// Money, negative for a refund.
    Amount,
    /// A share shown as a percentage, from `min` up to `max` (None: no upper bound).
    Share { min: f64, max: Option<f64> },
    /// One of these words.
    Choice(Vec<&'static str>),
    /// A name from the team list.
    Member,
    /// A budget line from the Budget sheet (another name is kept after a warning, and
    /// reported as unbudgeted).
    BudgetLine,
    /// A task of the Plan sheet (another name is kept after a warning).
    PlanTask,
    /// A name for the team list: unique, one person or team (no separators).
    MemberName,
    /// One of these words offered in a dropdown; another word is kept after a warning.
    Suggest(Vec<&'static str>),
}

/// One example cell as a user would type it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

/// Rows below the header that each table spans when it holds no example: room to type in.
/// New rows typed just below a table join it in Excel; validations and formats reach
/// [`FORM_ROWS`] either way.
fn empty_table_rows(role: SheetRole) -> u32 {
    match role {
        SheetRole::Data(SheetKind::Plan) => 30,
        SheetRole::Data(SheetKind::Weekly) => 40,
        SheetRole::Data(SheetKind::Costs) => 50,
        SheetRole::Data(SheetKind::Budget | SheetKind::Risks) | SheetRole::Team => 12,
        SheetRole::Data(SheetKind::Metrics) => 40,
        SheetRole::Data(SheetKind::Holidays) => 20,
    }
}

/// Rows (header included) that validations, prompts and colours cover on every sheet, well
/// past the table, for applications that do not grow tables (LibreOffice).
pub const FORM_ROWS: u32 = 1000;

/// The longest campaign `--weeks` accepts: a year.
pub const MAX_WEEKS: u32 = 52;

/// The campaign's last day.
pub fn end_of(start: NaiveDate, weeks: u32) -> NaiveDate {
    start + Days::new(u64::from(weeks) * 7 - 1)
}

/// Monday of the week holding `day`.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// The Mondays of the weeks the campaign touches, in order.
pub fn campaign_mondays(start: NaiveDate, weeks: u32) -> Vec<NaiveDate> {
    let end = end_of(start, weeks);
    std::iter::successors(Some(monday_of(start)), |d| Some(*d + Days::new(7)))
        .take_while(|d| *d <= end)
        .collect()
}

/// The instructions sheet's name in a language.
pub fn instructions_sheet(lang: Lang) -> &'static str {
    let (zh, en) = GUIDE_SHEETS[0];
    lang.pick(zh, en)
}

/// The team list's name in a language.
pub fn team_sheet_name(lang: Lang) -> &'static str {
    let (zh, en) = GUIDE_SHEETS[1];
    lang.pick(zh, en)
}

/// Builds the workbook's content.
pub fn build(s: &TemplateSettings) -> Template {
    let lang = s.lang;
    let mut sheets: Vec<DataSheet> = SheetKind::ALL
        .iter()
        .map(|&kind| data_sheet(kind, s))
        .collect();
    sheets.push(team_list(lang));
    if lang == Lang::Zh {
        for sheet in &mut sheets {
            if sheet.role == SheetRole::Data(SheetKind::Holidays) {
                sheet.rows = holiday_rows(s.start);
                sheet.table_rows = sheet.table_rows.max(sheet.rows.len() as u32 + 10);
            }
        }
    }
    if s.example {
        for sheet in &mut sheets {
            sheet.rows = example::rows(sheet, lang, s.start, s.weeks);
            sheet.table_rows = sheet
                .table_rows
                .max(sheet.rows.len() as u32 + empty_table_rows(sheet.role) / 2);
        }
    }
    Template {
        lang,
        start: s.start,
        guide: guide::guide(s),
        sheets,
    }
}

fn data_sheet(kind: SheetKind, s: &TemplateSettings) -> DataSheet {
    let lang = s.lang;
    let columns = kind
        .fields()
        .iter()
        // The team column is for workbooks that gather several teams; this one is a team's.
        .filter(|spec| spec.in_template && in_form(kind, spec.field))
        .map(|spec| {
            let (input, width) = input_of(kind, spec.field, lang);
            let (title, prompt) = prompt(kind, spec.field, lang, s.start);
            Column {
                field: Some(spec.field),
                header: canonical_header(kind, spec.field, lang).unwrap_or_default(),
                required: spec.required,
                input,
                width,
                title: required_title(title, spec.required, lang),
                prompt,
            }
        })
        .collect();
    let role = SheetRole::Data(kind);
    DataSheet {
        role,
        name: canonical_sheet_name(kind, lang),
        table: match kind {
            SheetKind::Plan => "Plan",
            SheetKind::Weekly => "Weekly",
            SheetKind::Costs => "Costs",
            SheetKind::Budget => "Budget",
            SheetKind::Risks => "Risks",
            SheetKind::Metrics => "Metrics",
            SheetKind::Holidays => "Holidays",
        },
        columns,
        rows: Vec::new(),
        table_rows: empty_table_rows(role),
        // The plan keeps its id, goal, stage and task in view.
        frozen_cols: if kind == SheetKind::Plan { 4 } else { 0 },
    }
}

/// Whether `init` writes a column for a field: not the team (this workbook is one team's),
/// and on the metrics sheet not the date (the week says when) nor the completion rate
/// (plantrack computes it).
pub fn in_form(kind: SheetKind, field: Field) -> bool {
    !(field == Field::Team
        || (kind == SheetKind::Metrics && matches!(field, Field::Date | Field::Rate)))
}

/// Metric names the metrics sheet's dropdown offers (others may be typed).
pub const METRIC_WORDS: [(&str, &str); 10] = [
    ("销售额", "Revenue"),
    ("GMV", "GMV"),
    ("曝光量", "Impressions"),
    ("点击率", "Click-through rate"),
    ("转化率", "Conversion rate"),
    ("新客数", "New customers"),
    ("订单数", "Orders"),
    ("直播场均观看", "Viewers per live session"),
    ("互动率", "Engagement rate"),
    ("粉丝数", "Followers"),
];

/// Units the metrics sheet's dropdown offers (others may be typed).
pub const UNIT_WORDS: [(&str, &str); 7] = [
    ("元", "$"),
    ("万元", "k"),
    ("人", "people"),
    ("次", "times"),
    ("单", "orders"),
    ("篇", "posts"),
    ("%", "%"),
];

fn required_title(title: &str, required: bool, lang: Lang) -> String {
    if required {
        format!("{title}{}", lang.pick("（必填）", " (required)"))
    } else {
        title.to_string()
    }
}

/// What a field accepts on a sheet kind, and its column width.
fn input_of(kind: SheetKind, field: Field, lang: Lang) -> (Input, f64) {
    use Field as F;
    match (kind, field) {
        (_, F::Id) => (Input::Text, 7.0),
        (_, F::Goal) => (Input::Text, 22.0),
        (_, F::Stage) => (Input::Text, 18.0),
        (SheetKind::Plan, F::Task) => (Input::Text, 22.0),
        (SheetKind::Weekly, F::Task) => (Input::PlanTask, 20.0),
        (SheetKind::Costs, F::Task) => (Input::PlanTask, 20.0),
        (SheetKind::Metrics, F::Task) => (Input::PlanTask, 20.0),
        (SheetKind::Metrics, F::Actual) => (Input::Quantity, 12.0),
        (_, F::Metric) => (
            Input::Suggest(
                METRIC_WORDS
                    .iter()
                    .map(|(zh, en)| lang.pick(zh, en))
                    .collect(),
            ),
            18.0,
        ),
        (_, F::Unit) => (
            Input::Suggest(
                UNIT_WORDS
                    .iter()
                    .map(|(zh, en)| lang.pick(zh, en))
                    .collect(),
            ),
            7.0,
        ),
        (_, F::Base) => (Input::Quantity, 10.0),
        (_, F::Rate) => (
            Input::Share {
                min: 0.0,
                max: None,
            },
            9.0,
        ),
        (_, F::WideMetric) => (Input::Quantity, 12.0),
        (_, F::Owner) => (Input::Member, 11.0),
        (_, F::Start) => (Input::Date { not_before: None }, 11.5),
        (_, F::Due) => (
            Input::Date {
                not_before: Some(F::Start),
            },
            11.5,
        ),
        (_, F::DoneOn) => (
            Input::Date {
                not_before: Some(F::Start),
            },
            12.0,
        ),
        (_, F::Date) => (Input::Date { not_before: None }, 11.5),
        (_, F::Week) => (Input::Week, 11.5),
        (_, F::Deliverable) => (Input::Text, 26.0),
        (_, F::Resources) => (Input::Text, 20.0),
        (_, F::Target) | (SheetKind::Plan, F::Actual) => (Input::Quantity, 12.0),
        (_, F::Planned | F::Actual) => (Input::Text, 16.0),
        (_, F::Progress) => (
            Input::Share {
                min: 0.0,
                max: Some(1.0),
            },
            8.0,
        ),
        (_, F::Deviation) => (
            Input::Share {
                min: -1.0,
                max: None,
            },
            9.0,
        ),
        (SheetKind::Risks, F::Status) => {
            (Input::Choice(choice_words(RISK_STATE_CHOICES, lang)), 9.0)
        }
        (_, F::Status) => (Input::Choice(choice_words(STATUS_CHOICES, lang)), 9.0),
        (_, F::Predecessors) => (Input::Text, 11.0),
        (_, F::Support) => (Input::Text, 20.0),
        (_, F::Cause | F::Fix) => (Input::Text, 24.0),
        (SheetKind::Costs, F::Category) => (Input::BudgetLine, 14.0),
        (_, F::Category) => (Input::Text, 16.0),
        (_, F::Channel) => (Input::Text, 10.0),
        (_, F::Item) => (Input::Text, 24.0),
        (_, F::Amount) => (Input::Amount, 13.0),
        (_, F::Budget) => (Input::Budget, 13.0),
        (_, F::Risk) => (Input::Text, 32.0),
        (_, F::Likelihood | F::Impact) => (Input::Choice(choice_words(LEVEL_CHOICES, lang)), 8.0),
        (_, F::Response) => (Input::Text, 34.0),
        // Fields read from teams' own workbooks but not template columns.
        (_, F::Task | F::Team | F::Duration | F::Spent | F::Forecast | F::Qty | F::UnitPrice) => {
            (Input::Text, 16.0)
        }
        (_, F::DayKind) => (Input::Choice(day_kind_words(lang)), 8.0),
        (_, F::Occasion) => (Input::Text, 18.0),
    }
}

/// The words of the holidays sheet's 休/班 column.
pub fn day_kind_words(lang: Lang) -> Vec<&'static str> {
    match lang {
        Lang::Zh => vec!["休", "班"],
        Lang::En => vec!["off", "work"],
    }
}

/// The holidays sheet `init` lays out in Chinese: the built-in table's days off and make-up
/// days of the year from `start`, for the team to check and add its own to.
fn holiday_rows(start: NaiveDate) -> Vec<Vec<Option<Value>>> {
    let cal = WorkCalendar::cn();
    let end = start.checked_add_days(Days::new(365)).unwrap_or(start);
    cal.special_days(start, end)
        .map(|(d, s)| {
            vec![
                Some(Value::Date(d)),
                Some(Value::Text(if s.working { "班" } else { "休" }.into())),
                Some(Value::Text(s.name.clone())),
            ]
        })
        .collect()
}

/// The input message of a column: (title, what to type with an example).
fn prompt(kind: SheetKind, field: Field, lang: Lang, start: NaiveDate) -> (&'static str, String) {
    use Field as F;
    let day = |offset: u64| (start + Days::new(offset)).format("%Y-%m-%d").to_string();
    let team = team_sheet_name(lang);
    let guide = instructions_sheet(lang);
    let words = |choices: Vec<&str>| choices.join(lang.pick("、", ", "));
    let (title, text): (&str, String) = match (kind, field) {
        (_, F::Id) => (
            lang.pick("编号", "ID"),
            lang.pick(
                "可选。大纲编号，如 1、1.1、1.2；前置任务可按编号引用。",
                "Optional outline number, e.g. 1, 1.1, 1.2; predecessors can refer to it.",
            )
            .into(),
        ),
        (_, F::Goal) => (
            lang.pick("总目标", "Goal"),
            lang.pick(
                "把目标值写在文字里，如：新品首月销售额500万。同一总目标的后续行可重复填写，也可留空（沿用上一行）。",
                "Write the target inside the text, e.g. First-month sales 5M. On the goal's next rows, repeat it or leave it blank (the value above applies).",
            )
            .into(),
        ),
        (_, F::Stage) => (
            lang.pick("阶段/渠道目标", "Stage or channel"),
            lang.pick(
                "目标值写在文字里，如：线上渠道300万。各阶段之和应等于总目标；后续行可留空（沿用上一行）。",
                "Write the target inside the text, e.g. Online 3M. The stages should add up to the goal; next rows may be left blank.",
            )
            .into(),
        ),
        (SheetKind::Plan, F::Task) => (
            lang.pick("具体任务", "Task"),
            lang.pick(
                "一个可执行的动作，如：直播主播招募、门店促销活动。",
                "One concrete action, e.g. Recruit live-stream hosts.",
            )
            .into(),
        ),
        (SheetKind::Costs, F::Task) => (
            lang.pick("关联任务", "Task"),
            lang.pick(
                "可选。从下拉选择计划中的任务，这笔支出计入该任务“关联资源”里写的预算。",
                "Optional. Pick the plan task this spending belongs to; it counts against the budget in that task's resources.",
            )
            .into(),
        ),
        (SheetKind::Metrics, F::Task) => (
            lang.pick("关联任务", "Task"),
            lang.pick(
                "可选。从下拉选择计划中的任务：该任务的交付标准按这些指标核对。",
                "Optional. Pick the plan task: its deliverable standard is checked against these figures.",
            )
            .into(),
        ),
        (_, F::Task) => (
            lang.pick("任务名称", "Task"),
            lang.pick(
                "从下拉选择计划中的任务（名称或编号须与计划一致）。",
                "Pick a task of the plan (its name or ID as in the plan).",
            )
            .into(),
        ),
        (_, F::Owner) => (
            match kind {
                SheetKind::Weekly => lang.pick("责任人", "Owner"),
                SheetKind::Costs => lang.pick("经办人", "Owner"),
                _ => lang.pick("负责人", "Owner"),
            },
            match lang {
                Lang::Zh => format!("从下拉中选一人或一个团队（名单在“{team}”表）。每项只填一个负责人。"),
                Lang::En => format!("Pick one person or team from the list (kept on the {team} sheet). One owner each."),
            },
        ),
        (_, F::Start) => (
            lang.pick("开始时间", "Start"),
            match lang {
                Lang::Zh => format!("日期，格式 年-月-日，如 {}。", day(0)),
                Lang::En => format!("A date as year-month-day, e.g. {}.", day(0)),
            },
        ),
        (_, F::Due) => (
            lang.pick("完成时间", "Due"),
            match lang {
                Lang::Zh => format!(
                    "截止日期，格式 年-月-日，如 {}；不早于开始时间。过了截止日期仍未完成会标红。",
                    day(13)
                ),
                Lang::En => format!(
                    "Due date as year-month-day, e.g. {}; not before the start. Turns red once past and not done.",
                    day(13)
                ),
            },
        ),
        (_, F::DoneOn) => (
            lang.pick("实际完成时间", "Done on"),
            match lang {
                Lang::Zh => format!("完成当天的日期，如 {}。填了日期即算完成。", day(12)),
                Lang::En => format!("The day it was finished, e.g. {}. A date here marks the task done.", day(12)),
            },
        ),
        (SheetKind::Holidays, F::Date) => (
            lang.pick("日期", "Date"),
            lang.pick(
                "放假或上班的那一天，一行一天，如 2027-01-01。周一至周五之外的上班日填“班”。",
                "One day per row, e.g. 2027-01-01: a day off, or a weekend day worked.",
            )
            .into(),
        ),
        (_, F::DayKind) => (
            lang.pick("休/班", "Off/work"),
            lang.pick(
                "休：这天不上班（节假日、公司假）；班：这天上班（调休补班）。",
                "off: nobody works that day (holiday, company day off); work: a working day.",
            )
            .into(),
        ),
        (_, F::Occasion) => (
            lang.pick("名称", "Name"),
            lang.pick(
                "可选。节日或原因，如 国庆节、公司年会；显示在甘特图上。",
                "Optional. The holiday or the reason, e.g. Company offsite; shown on the Gantt.",
            )
            .into(),
        ),
        (_, F::Date) => (
            lang.pick("日期", "Date"),
            match lang {
                Lang::Zh => format!("支出发生的日期，格式 年-月-日，如 {}。", day(2)),
                Lang::En => format!("The day of the spending, as year-month-day, e.g. {}.", day(2)),
            },
        ),
        (SheetKind::Metrics, F::Week) => (
            lang.pick("周次", "Week"),
            match lang {
                Lang::Zh => format!("这一周的周一（从下拉选择），如 {}；留空表示整个活动期的累计数。", day(7)),
                Lang::En => format!("The week's Monday (pick from the list), e.g. {}; blank means the whole campaign so far.", day(7)),
            },
        ),
        (_, F::Week) => (
            lang.pick("周次", "Week"),
            match lang {
                Lang::Zh => format!("从下拉选择这一周的周一（活动日历在“{guide}”表），也可填这一周中任意一天的日期，如 {}。", day(7)),
                Lang::En => format!("Pick the week's Monday (campaign calendar on the {guide} sheet), or type any date in the week, e.g. {}.", day(7)),
            },
        ),
        (SheetKind::Metrics, F::Channel) => (
            lang.pick("渠道", "Channel"),
            lang.pick(
                "与成本表的“渠道”写法一致，如：线上、抖音、天猫。plantrack 据此算渠道投入产出。",
                "Written as in the Costs sheet's channel, e.g. Online, Douyin. plantrack sets spending against revenue by it.",
            )
            .into(),
        ),
        (_, F::Metric | F::WideMetric) => (
            lang.pick("指标", "Metric"),
            lang.pick(
                "从下拉选择或自己填写，如：销售额、转化率、新客数、直播场均观看。同一指标每周一行。",
                "Pick or type one, e.g. Revenue, Conversion rate, New customers. One row per metric per week.",
            )
            .into(),
        ),
        (SheetKind::Metrics, F::Target) => (
            lang.pick("目标值", "Target"),
            lang.pick(
                "数字；比率填百分比如 3%。每周一行时填当周目标，整期一行时填整期目标。",
                "A number; a rate as a percentage, e.g. 3%. On weekly rows the week's target, on one row the campaign's.",
            )
            .into(),
        ),
        (SheetKind::Metrics, F::Actual) => (
            lang.pick("实际值", "Actual"),
            lang.pick(
                "实际数，与目标值同单位，如 12000 或 2.4%。",
                "The actual figure, in the target's unit, e.g. 12000 or 2.4%.",
            )
            .into(),
        ),
        (_, F::Unit) => (
            lang.pick("单位", "Unit"),
            lang.pick(
                "如：元、万元、人、次、%。填“万元”时数字按万计。",
                "E.g. $, k, people, %. With k the figures count in thousands.",
            )
            .into(),
        ),
        (_, F::Base) => (
            lang.pick("基数", "Base"),
            lang.pick(
                "可选。比率的分母，如转化率对应的访客数 36000；有基数时按基数加权平均。",
                "Optional. What a rate is a share of, e.g. 36000 visitors for a conversion rate; rates are then weighted by it.",
            )
            .into(),
        ),
        (_, F::Rate) => (
            lang.pick("完成率", "Attainment"),
            lang.pick(
                "可不填：plantrack 按 实际值/目标值 计算并核对。",
                "Optional: plantrack computes actual / target and checks it.",
            )
            .into(),
        ),
        (_, F::Deliverable) => (
            lang.pick("交付标准", "Deliverable"),
            lang.pick(
                "怎样算完成，可量化，如：直播场均观看≥1万，转化率≥3%。",
                "What done looks like, measurable, e.g. 10k+ viewers per session, conversion 3%+.",
            )
            .into(),
        ),
        (_, F::Resources) => (
            lang.pick("关联资源", "Resources"),
            lang.pick(
                "所需人力、物料、预算，如：主播3名、预算10万。写“预算10万”即为该任务的预算。",
                "People, materials, budget, e.g. 3 hosts, budget 100k. \"budget 100k\" becomes the task's budget.",
            )
            .into(),
        ),
        (_, F::Target) => (
            lang.pick("目标值", "Target"),
            lang.pick(
                "本任务对所属阶段目标的贡献，填数字：150万填 1500000。没有量化目标的任务留空。",
                "This task's share of its stage's target, as a number: 1.5M is 1500000. Leave it blank for tasks without one.",
            )
            .into(),
        ),
        (SheetKind::Plan, F::Actual) => (
            lang.pick("实际值", "Actual"),
            lang.pick(
                "到目前为止的实际数，与目标值同单位，如 900000。",
                "Achieved so far, in the target's unit, e.g. 900000.",
            )
            .into(),
        ),
        (_, F::Actual) => (
            lang.pick("实际完成", "Actual"),
            lang.pick(
                "本周实际完成量，与计划同单位，如：发布笔记8篇。",
                "Done this week, in the plan's unit, e.g. Published 8 notes.",
            )
            .into(),
        ),
        (_, F::Planned) => (
            lang.pick("本周计划", "Plan"),
            lang.pick(
                "本周计划量：数字，或含数量的文字，如：发布笔记10篇。",
                "This week's plan: a number or text with a quantity, e.g. Publish 10 notes.",
            )
            .into(),
        ),
        (_, F::Progress) => (
            lang.pick("完成度", "Progress"),
            lang.pick(
                "0% 到 100%，输入如 80%。到 100% 即算完成。",
                "0% to 100%: type e.g. 80%. 100% marks the task done.",
            )
            .into(),
        ),
        (SheetKind::Risks, F::Status) => (
            lang.pick("状态", "Status"),
            match lang {
                Lang::Zh => format!("从下拉选择：{}。", words(choice_words(RISK_STATE_CHOICES, lang))),
                Lang::En => format!("Pick one: {}.", words(choice_words(RISK_STATE_CHOICES, lang))),
            },
        ),
        (_, F::Status) => (
            lang.pick("状态", "Status"),
            match lang {
                Lang::Zh => format!("从下拉选择：{}。", words(choice_words(STATUS_CHOICES, lang))),
                Lang::En => format!("Pick one: {}.", words(choice_words(STATUS_CHOICES, lang))),
            },
        ),
        (_, F::Support) => (
            lang.pick("需要支持", "Needs support"),
            lang.pick(
                "需要别人提供的支持，写清找谁、要什么、何时要，如：设计部 6/5 前出主视觉。汇总的概览会列出。",
                "What you need from others: who, what, by when, e.g. design: key visual by 6/5. The summary's Overview lists it.",
            )
            .into(),
        ),
        (_, F::Predecessors) => (
            lang.pick("前置任务", "Predecessors"),
            lang.pick(
                "必须先完成的任务，写编号或名称，多个用逗号分隔，如：1.1, 2.1。",
                "Tasks that must finish first, by ID or name, separated by commas, e.g. 1.1, 2.1.",
            )
            .into(),
        ),
        (_, F::Deviation) => (
            lang.pick("进度偏差", "Deviation"),
            lang.pick(
                "可不填：plantrack 按 (实际−计划)/计划 计算。填写如 -20%；计划和实际是文字时，填上偏差，落后的行才会变黄。",
                "Optional: plantrack computes (actual - plan) / plan. Type e.g. -20%; when plan and actual are text, a row behind plan turns amber only if this is filled.",
            )
            .into(),
        ),
        (_, F::Cause) => (
            lang.pick("偏差原因分析", "Cause"),
            lang.pick(
                "落后于计划时必填，如：3篇笔记审核未通过。",
                "Required when behind plan, e.g. 3 notes failed review.",
            )
            .into(),
        ),
        (_, F::Fix) => (
            lang.pick("解决措施", "Fix"),
            lang.pick(
                "落后于计划时必填，如：增加1名审核人员，提前预审。",
                "Required when behind plan, e.g. Add a reviewer; pre-review drafts.",
            )
            .into(),
        ),
        (SheetKind::Budget, F::Category) => (
            lang.pick("费用科目", "Category"),
            lang.pick(
                "一个科目一行，名称不重复，如：直播推广费。成本表按这个名称对应预算。",
                "One budget line per row, each name once, e.g. Live-stream ads. Costs are matched to it by this name.",
            )
            .into(),
        ),
        (_, F::Category) => (
            lang.pick("费用科目", "Category"),
            lang.pick(
                "从下拉选择预算表中的科目。不在预算中的科目会单列为“无预算”。",
                "Pick a budget line of the Budget sheet. Any other name is shown as unbudgeted.",
            )
            .into(),
        ),
        (_, F::Channel) => (
            lang.pick("渠道", "Channel"),
            lang.pick("如：线上、线下、抖音。", "E.g. Online, Offline, Douyin.").into(),
        ),
        (_, F::Item) => (
            lang.pick("事项", "Item"),
            lang.pick(
                "这笔钱花在什么上，如：直播间投流。",
                "What the money paid for, e.g. Live-room traffic boost.",
            )
            .into(),
        ),
        (_, F::Amount) => (
            lang.pick("金额", "Amount"),
            lang.pick(
                "数字，如 25000（不写“万”）；退款填负数，如 -2000。",
                "A number, e.g. 25000; a refund is negative, e.g. -2000.",
            )
            .into(),
        ),
        (_, F::Budget) => (
            lang.pick("预算", "Budget"),
            lang.pick(
                "预算金额，不小于 0 的数字，如 100000（即10万）。",
                "The line's budget, a number of 0 or more, e.g. 100000.",
            )
            .into(),
        ),
        (_, F::Risk) => (
            lang.pick("风险", "Risk"),
            lang.pick(
                "可能发生什么，如：物料延期、竞品突发活动、舆情波动。",
                "What could happen, e.g. Materials arrive late.",
            )
            .into(),
        ),
        (_, F::Likelihood) => (
            lang.pick("可能性", "Likelihood"),
            match lang {
                Lang::Zh => format!("从下拉选择：{}。", words(choice_words(LEVEL_CHOICES, lang))),
                Lang::En => format!("Pick one: {}.", words(choice_words(LEVEL_CHOICES, lang))),
            },
        ),
        (_, F::Impact) => (
            lang.pick("影响", "Impact"),
            match lang {
                Lang::Zh => format!("从下拉选择：{}。", words(choice_words(LEVEL_CHOICES, lang))),
                Lang::En => format!("Pick one: {}.", words(choice_words(LEVEL_CHOICES, lang))),
            },
        ),
        (_, F::Response) => (
            lang.pick("应对措施", "Response"),
            lang.pick(
                "发生时怎么办，如：备用供应商、应急话术、快速响应机制。",
                "What to do if it happens, e.g. Backup supplier, prepared statements.",
            )
            .into(),
        ),
        (_, F::Team | F::Duration | F::Spent | F::Forecast | F::Qty | F::UnitPrice) => {
            (lang.pick("团队", "Team"), String::new())
        }
    };
    (title, text)
}

/// The team list: the names every owner dropdown offers.
fn team_list(lang: Lang) -> DataSheet {
    let column =
        |header: &'static str, input: Input, width: f64, title: &str, prompt: &str| Column {
            field: None,
            header: header.to_string(),
            required: input == Input::MemberName,
            input,
            width,
            title: title.to_string(),
            prompt: prompt.to_string(),
        };
    let columns = vec![
        column(
            lang.pick("姓名", "Name"),
            Input::MemberName,
            14.0,
            lang.pick("姓名（必填）", "Name (required)"),
            lang.pick(
                "一行一人或一个团队，名称不重复，不含 / 、 , 等分隔符，如：王主管、地推团队。这里的名称就是各表负责人下拉的选项。",
                "One person or team per row, each name once, without / , & separators, e.g. Alex Wang, Street team. These names fill every owner list.",
            ),
        ),
        column(
            lang.pick("部门", "Department"),
            Input::Text,
            12.0,
            lang.pick("部门", "Department"),
            lang.pick(
                "如：市场部、销售部、设计部、客服部。",
                "E.g. Marketing, Sales, Design, Customer service.",
            ),
        ),
        column(
            lang.pick("角色", "Role"),
            Input::Text,
            16.0,
            lang.pick("角色", "Role"),
            lang.pick(
                "在本次活动中的职责，如：总负责人、直播负责人。",
                "The part they play, e.g. Overall lead, Live-stream lead.",
            ),
        ),
    ];
    DataSheet {
        role: SheetRole::Team,
        name: team_sheet_name(lang).to_string(),
        table: "Team",
        columns,
        rows: Vec::new(),
        table_rows: empty_table_rows(SheetRole::Team),
        frozen_cols: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(lang: Lang, example: bool) -> TemplateSettings {
        TemplateSettings {
            lang,
            start: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            weeks: 4,
            example,
            file_name: "t.xlsx".into(),
        }
    }

    /// Excel refuses longer input titles (32) and messages (255 UTF-16 units).
    #[test]
    fn every_prompt_fits_excels_limits_and_says_something() {
        for lang in [Lang::Zh, Lang::En] {
            for sheet in build(&settings(lang, true)).sheets {
                for c in &sheet.columns {
                    let units = |s: &str| s.encode_utf16().count();
                    assert!(units(&c.title) <= 32, "{}", c.title);
                    assert!(units(&c.prompt) <= 255, "{}", c.prompt);
                    assert!(!c.prompt.is_empty(), "{} has no prompt", c.header);
                }
            }
        }
    }

    #[test]
    fn every_field_but_team_gets_a_column_and_example_rows_fit_them() {
        for lang in [Lang::Zh, Lang::En] {
            let t = build(&settings(lang, true));
            assert_eq!(t.sheets.len(), 8);
            for sheet in &t.sheets {
                if let SheetRole::Data(kind) = sheet.role {
                    let fields = kind
                        .fields()
                        .iter()
                        .filter(|s| s.in_template && in_form(kind, s.field));
                    assert_eq!(sheet.columns.len(), fields.count());
                }
                assert!(!sheet.rows.is_empty(), "{} has no example", sheet.name);
                assert!(sheet.table_rows > sheet.rows.len() as u32);
                for row in &sheet.rows {
                    assert_eq!(row.len(), sheet.columns.len(), "{}", sheet.name);
                }
            }
        }
    }

    #[test]
    fn the_calendar_lists_the_mondays_the_campaign_touches() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(campaign_mondays(d(11, 2), 2), [d(11, 2), d(11, 9)]);
        // A Wednesday start runs into a third calendar week.
        assert_eq!(
            campaign_mondays(d(11, 4), 2),
            [d(11, 2), d(11, 9), d(11, 16)]
        );
        assert_eq!(end_of(d(11, 2), 4), d(11, 29));
    }
}

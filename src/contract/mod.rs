//! What the workbook contract says a sheet looks like: the sheet kinds, their fields, the
//! header aliases (simplified, traditional and English) and the sheet-name aliases, plus the
//! matching rules (case, spaces, full-width forms, traditional characters and trailing units
//! are ignored). Kept apart from the row parsing so `init` can write the same headers.

use std::collections::HashMap;

use crate::lang::Lang;
pub use crate::model::SheetKind;
use crate::model::{Level, RiskState, WrittenStatus};
pub use crate::values::fold;
use crate::values::{UnitHint, normalize_width, split_unit_hint, to_simplified};

/// Alias tables per sheet kind.
pub trait KindSpec {
    fn name_aliases(self) -> &'static [&'static str];
    fn fields(self) -> &'static [FieldSpec];
}

impl KindSpec for SheetKind {
    /// Sheet-name aliases; a sheet whose name contains one is of this kind.
    fn name_aliases(self) -> &'static [&'static str] {
        match self {
            SheetKind::Plan => &[
                "目标拆解与责任分配",
                "目标拆解",
                "责任分配",
                "任务分解",
                "plan",
                "decomposition",
                "tasks",
                "总表",
                "进度计划",
                "计划表",
                "项目计划",
                "工作计划",
                "排期",
                "甘特图",
                "task",
                "task list",
                "gantt",
                "gannt",
                "schedule",
                "timeline",
                "roadmap",
                "wbs",
            ],
            SheetKind::Weekly => &[
                "周度进度跟踪",
                "周度跟踪",
                "进度跟踪",
                "周报",
                "weekly",
                "progress",
                "周进度",
                "工作日志",
                "week",
                "status report",
                "work log",
            ],
            SheetKind::Costs => &[
                "成本支出明细",
                "成本支出",
                "费用明细",
                "支出",
                "costs",
                "expenses",
                "ledger",
                "费用",
                "报销",
                "开支",
                "cost",
                "expense",
                "spending",
                "expense tracker",
            ],
            SheetKind::Budget => &[
                "预算分配",
                "资源分配",
                "预算",
                "budget",
                "resources",
                "预算表",
                "费用预算",
                "预算费用",
                "budgets",
            ],
            SheetKind::Risks => &[
                "风险预案",
                "风险清单",
                "风险",
                "risks",
                "risk",
                "risk register",
                "risk log",
            ],
            SheetKind::Metrics => &["指标", "数据", "metrics", "kpi", "kpis"],
            SheetKind::Holidays => &["节假日", "假日", "调休", "holidays", "holiday", "days off"],
        }
    }

    /// The fields of this sheet kind: (field, required, aliases). The first zh and the first
    /// en alias are the canonical headers `init` writes.
    fn fields(self) -> &'static [FieldSpec] {
        match self {
            SheetKind::Plan => PLAN,
            SheetKind::Weekly => WEEKLY,
            SheetKind::Costs => COSTS,
            SheetKind::Budget => BUDGET,
            SheetKind::Risks => RISKS,
            SheetKind::Metrics => crate::read::metrics::FIELDS,
            SheetKind::Holidays => HOLIDAYS,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Goal,
    Stage,
    Task,
    Owner,
    Start,
    Due,
    DoneOn,
    Deliverable,
    Resources,
    Target,
    Actual,
    Progress,
    Status,
    Predecessors,
    Support,
    Week,
    Planned,
    Deviation,
    Cause,
    Fix,
    Date,
    Category,
    Channel,
    Item,
    Amount,
    Budget,
    Risk,
    Likelihood,
    Impact,
    Response,
    Team,
    /// A task's length ("3工作日", "2 days", a number of days): with the start, its due date.
    Duration,
    /// Money spent on a task, written on its plan row ("Actual Cost", "实际费用").
    Spent,
    /// Money a task is expected to cost in all ("Estimated Cost", "预计费用"): the team's
    /// estimate at completion of the task's budget line, shown beside plantrack's forecast.
    Forecast,
    /// Quantity and unit price of an item budget: their product is the line when it has no total.
    Qty,
    UnitPrice,
    /// Metrics sheets (see `read::metrics`): the metric's name, its unit, the base a rate is
    /// a share of, the completion rate the team wrote, and one column of a wide sheet.
    Metric,
    Unit,
    Base,
    Rate,
    WideMetric,
    /// 休 (a day off) or 班 (a working day) on the holidays sheet.
    DayKind,
    /// The name of a holiday or the reason for a team's day.
    Occasion,
}

pub struct FieldSpec {
    pub field: Field,
    /// Required in the template `init` writes (a dark header).
    pub required: bool,
    /// A column of the template `init` writes; the other fields are read but never written.
    pub in_template: bool,
    pub zh: &'static [&'static str],
    pub en: &'static [&'static str],
}

pub(crate) const fn f(
    field: Field,
    required: bool,
    zh: &'static [&'static str],
    en: &'static [&'static str],
) -> FieldSpec {
    FieldSpec {
        field,
        required,
        in_template: true,
        zh,
        en,
    }
}

/// A field that is read where teams write it but is not a column of the template.
const fn x(field: Field, zh: &'static [&'static str], en: &'static [&'static str]) -> FieldSpec {
    FieldSpec {
        field,
        required: false,
        in_template: false,
        zh,
        en,
    }
}

pub(crate) const TEAM: FieldSpec = x(Field::Team, &["团队", "小组"], &["team"]);

const PLAN: &[FieldSpec] = &[
    f(
        Field::Id,
        false,
        &["编号", "序号", "任务编号", "wbs编号", "大纲编号"],
        &["id", "wbs", "no.", "#", "no", "task id", "item no."],
    ),
    f(
        Field::Goal,
        true,
        &["总目标", "项目目标"],
        &["goal", "objective"],
    ),
    f(
        Field::Stage,
        false,
        &["阶段目标", "渠道目标", "阶段", "阶段名称"],
        &["stage", "channel", "phase"],
    ),
    f(
        Field::Task,
        true,
        &[
            "具体任务",
            "任务",
            "任务名称",
            "作业名称",
            "任务描述",
            "事项",
            "活动名称",
            "活动内容",
            "内容主题",
            "工作内容",
            "工作事项",
            "任务内容",
            "工作任务",
        ],
        &[
            "task",
            "task name",
            "task description",
            "my task",
            "milestone description",
            "activity",
            "title",
            "to do",
            "work item",
            "deliverable name",
        ],
    ),
    f(
        Field::Owner,
        true,
        &[
            "负责人",
            "责任人",
            "任务所有者",
            "执行人",
            "开发者",
            "人员姓名",
            "资源",
            "资源名称",
            "负责",
            "承办人",
        ],
        &[
            "owner",
            "assigned to",
            "assignee",
            "task owner",
            "responsible",
            "resource name",
            "who",
            "lead",
            "author",
        ],
    ),
    f(
        Field::Start,
        false,
        &["开始时间", "开始日期", "开始", "起始日期", "启动时间"],
        &["start", "start date", "begin", "begin date", "starts"],
    ),
    f(
        Field::Due,
        true,
        &[
            "完成时间",
            "截止时间",
            "截止日期",
            "计划完成",
            "完成",
            "结束日期",
            "结束时间",
            "结束",
            "截止",
            "完成日期",
            "到期日",
        ],
        &[
            "due",
            "deadline",
            "due date",
            "end",
            "end date",
            "finish",
            "finish date",
            "publish date",
            "target date",
            "due on",
        ],
    ),
    f(
        Field::DoneOn,
        false,
        &["实际完成时间", "实际完成日期", "实际完成", "完成于"],
        &["done on", "completed", "completed on", "date completed"],
    ),
    f(
        Field::Deliverable,
        false,
        &["交付标准", "交付物", "验收标准"],
        &["deliverable", "acceptance"],
    ),
    f(
        Field::Resources,
        false,
        &["关联资源", "所需资源"],
        &["resources"],
    ),
    f(Field::Target, false, &["目标值", "目标"], &["target"]),
    f(Field::Actual, false, &["实际值", "实际完成值"], &["actual"]),
    f(
        Field::Progress,
        false,
        &[
            "完成度",
            "进度",
            "完成比例",
            "任务完成百分比",
            "完成百分比",
            "完成率",
            "%",
            "进度%",
        ],
        &[
            "progress",
            "% complete",
            "%complete",
            "% done",
            "percent complete",
            "% completed",
        ],
    ),
    f(
        Field::Status,
        false,
        &["状态", "完成状态", "任务状态", "完成情况", "是否完成"],
        &["status", "state", "done?", "completed?", "complete?"],
    ),
    f(
        Field::Predecessors,
        false,
        &["前置任务", "依赖", "紧前", "前置", "紧前任务", "前序任务"],
        &["predecessors", "depends on", "dependencies", "dependency"],
    ),
    f(
        Field::Support,
        false,
        &["需要支持", "所需支持", "需协调事项", "求助"],
        &["needs support", "support needed", "help needed", "needs"],
    ),
    TEAM,
    x(
        Field::Duration,
        &[
            "工期",
            "持续时间",
            "天数",
            "时长",
            "工作日",
            "工期(天)",
            "周期",
        ],
        &[
            "duration",
            "no. days",
            "days",
            "work days",
            "working days",
            "no. of days",
        ],
    ),
    // "Fixed Cost" / 固定成本 is not here: in MS Project and Smartsheet plans it is a part of
    // the task's cost (already inside Actual Cost), never its budget.
    x(
        Field::Budget,
        &["预算", "项目预算", "预算金额", "预算费用"],
        &["budget", "budgeted cost", "planned cost"],
    ),
    x(
        Field::Spent,
        &["实际费用", "实际成本", "实际支出", "已花费", "实际花费"],
        &["actual cost", "spent", "cost to date", "actual spend"],
    ),
    x(
        Field::Forecast,
        &["预计费用", "预估费用", "预计成本", "估算费用"],
        &["estimated cost", "estimate", "forecast", "cost estimate"],
    ),
];

const WEEKLY: &[FieldSpec] = &[
    f(
        Field::Week,
        false,
        &["周次", "周", "周开始", "日期"],
        &["week"],
    ),
    f(
        Field::Task,
        true,
        &["任务名称", "任务", "工作内容", "事项", "具体任务"],
        &["task", "task name"],
    ),
    f(
        Field::Planned,
        true,
        &["本周计划", "计划", "计划完成量"],
        &["plan", "planned"],
    ),
    f(
        Field::Actual,
        true,
        &["实际完成", "实际", "完成情况", "实际完成量"],
        &["actual", "done", "achieved"],
    ),
    f(
        Field::Deviation,
        false,
        &["进度偏差", "偏差"],
        &["deviation", "variance"],
    ),
    f(
        Field::Cause,
        false,
        &["偏差原因分析", "偏差原因", "原因"],
        &["cause", "reason"],
    ),
    f(Field::Fix, false, &["解决措施", "措施"], &["fix", "action"]),
    f(
        Field::Owner,
        true,
        &["责任人", "负责人", "执行人"],
        &["owner", "assignee"],
    ),
    TEAM,
];

const CATEGORY_ZH: &[&str] = &[
    "费用科目",
    "预算科目",
    "科目",
    "费用类别",
    "类别",
    "费用类型",
    "类型",
    "费用项目",
    "预算项目",
    "分类",
];
const CATEGORY_EN: &[&str] = &[
    "category",
    "line",
    "budget line",
    "expense type",
    "type",
    "source",
    "line item",
    "cost category",
    "expense category",
];

const COSTS: &[FieldSpec] = &[
    f(
        Field::Date,
        true,
        &["日期", "支出日期", "发生日期", "付款日期", "报销日期"],
        &[
            "date",
            "expense date",
            "transaction date",
            "paid on",
            "date paid",
        ],
    ),
    f(Field::Category, true, CATEGORY_ZH, CATEGORY_EN),
    f(Field::Channel, false, &["渠道"], &["channel"]),
    f(
        Field::Item,
        false,
        &["事项", "摘要", "明细", "用途", "说明", "费用说明"],
        &["item", "description", "details", "memo", "expense"],
    ),
    f(
        Field::Amount,
        true,
        &[
            "金额",
            "支出金额",
            "实际支出",
            "实际费用",
            "费用",
            "总价",
            "报销金额",
        ],
        &[
            "amount",
            "spent",
            "cost",
            "actual cost",
            "total",
            "price",
            "actual",
        ],
    ),
    f(Field::Task, false, &["关联任务"], &["task"]),
    f(
        Field::Owner,
        false,
        &["经办人", "负责人", "报销人"],
        &["owner", "payee", "expensed by", "paid by"],
    ),
    TEAM,
];

const BUDGET: &[FieldSpec] = &[
    f(Field::Category, true, CATEGORY_ZH, CATEGORY_EN),
    f(
        Field::Budget,
        true,
        &[
            "预算",
            "预算金额",
            "项目预算",
            "预算费用",
            "总价",
            "金额",
            "小计",
            "总额",
        ],
        &[
            "budget",
            "budgeted",
            "amount",
            "total",
            "price",
            "estimated cost",
            "planned",
            "budget amount",
            "estimated",
        ],
    ),
    f(Field::Channel, false, &["渠道"], &["channel"]),
    f(Field::Owner, false, &["负责人"], &["owner"]),
    TEAM,
    x(
        Field::Item,
        &["事项", "明细", "项目", "名称", "内容", "用途"],
        &["item", "description", "details", "expense"],
    ),
    x(
        Field::Spent,
        &[
            "实际发生",
            "实际",
            "实际费用",
            "实际支出",
            "实际金额",
            "已支出",
            "实际花费",
        ],
        &["actual", "actual cost", "spent", "actual spend"],
    ),
    x(Field::Qty, &["数量"], &["qty", "quantity", "units", "qty."]),
    x(
        Field::UnitPrice,
        &["单价"],
        &["unit price", "unit cost", "rate", "price per unit"],
    ),
];

const RISKS: &[FieldSpec] = &[
    f(
        Field::Risk,
        true,
        &["风险", "风险描述", "风险事项", "风险点"],
        &["risk", "description", "risk description", "risk event"],
    ),
    f(
        Field::Likelihood,
        false,
        &["可能性", "概率", "发生概率", "发生可能性"],
        &["likelihood", "probability"],
    ),
    f(
        Field::Impact,
        false,
        &["影响", "影响程度"],
        &["impact", "severity"],
    ),
    f(
        Field::Response,
        false,
        &["应对措施", "应对", "对策", "应对方案"],
        &[
            "response",
            "potential responses",
            "mitigation",
            "response plan",
            "contingency",
        ],
    ),
    f(
        Field::Owner,
        false,
        &["负责人", "责任人"],
        &["owner", "risk owner"],
    ),
    f(Field::Status, false, &["状态"], &["status"]),
    TEAM,
];

const HOLIDAYS: &[FieldSpec] = &[
    f(Field::Date, true, &["日期"], &["date"]),
    f(
        Field::DayKind,
        true,
        &["休/班", "休息/上班", "类型"],
        &["off/work", "day off/work", "day type"],
    ),
    f(
        Field::Occasion,
        false,
        &["名称", "节日", "事由"],
        &["name", "holiday", "occasion"],
    ),
    TEAM,
];

/// The sheet kind a sheet's name says, if any. The longest alias found wins, so
/// "预算分配" is a budget and "成本支出明细" a cost sheet. English aliases match whole
/// words only ("Plan" but not "Explanation").
pub fn kind_from_name(name: &str) -> Option<SheetKind> {
    let folded = fold(name);
    // English words keep their spaces so whole-word matching can see them.
    // CamelCase names ("ProjectPlan") are split into words first.
    let spaced = to_simplified(&split_camel(&normalize_width(name))).to_lowercase();
    let mut best: Option<(usize, SheetKind)> = None;
    for kind in SheetKind::ALL {
        for alias in kind.name_aliases() {
            let text = if alias.is_ascii() { &spaced } else { &folded };
            if contains_alias(text, alias) && best.is_none_or(|(len, _)| alias.len() > len) {
                best = Some((alias.len(), kind));
            }
        }
    }
    best.map(|(_, k)| k)
}

pub(crate) fn contains_alias(folded: &str, alias: &str) -> bool {
    if !alias.is_ascii() {
        return folded.contains(alias);
    }
    folded.match_indices(alias).any(|(i, m)| {
        let before = folded[..i].chars().next_back();
        let after = folded[i + m.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphabetic());
        boundary(before) && boundary(after)
    })
}

/// One header cell understood: which field, and the unit written after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub field: Field,
    pub col: usize,
    pub header: String,
    pub unit: Option<UnitHint>,
    pub lang: Option<Lang>,
}

/// The field a header cell names for a sheet kind, with its unit hint. Matching ignores
/// case, width, spaces, CamelCase and plurals ([`header_key`]); a 计划/Plan/Planned/
/// Anticipated prefix names the planned variant of a field and 实际/Actual the actual one
/// ("Actual End" is the day a task was done, "实际费用" money spent).
pub fn match_header(kind: SheetKind, header: &str, col: usize) -> Option<Column> {
    match_prepared(kind, &HeaderText::new(header), col)
}

/// A header cell made ready for matching against every kind: its key and unit, computed once.
#[derive(Debug, Clone)]
pub struct HeaderText {
    pub header: String,
    key: String,
    unit: Option<UnitHint>,
}

impl HeaderText {
    pub fn new(header: &str) -> HeaderText {
        let (base, unit) = split_unit_hint(header);
        HeaderText {
            header: header.trim().to_string(),
            key: header_key(&base),
            unit,
        }
    }
}

/// [`match_header`] for a header already made ready.
pub fn match_prepared(kind: SheetKind, h: &HeaderText, col: usize) -> Option<Column> {
    if h.key.is_empty() {
        return None;
    }
    let (field, lang) = field_for_key(kind, &h.key).or_else(|| {
        let (variant, rest) = strip_variant(&h.key)?;
        let (field, lang) = field_for_key(kind, rest)?;
        Some((variant_field(kind, variant, field)?, lang))
    })?;
    Some(Column {
        field,
        col,
        header: h.header.clone(),
        unit: h.unit.clone(),
        lang: Some(lang),
    })
}

fn field_for_key(kind: SheetKind, key: &str) -> Option<(Field, Lang)> {
    alias_keys(kind).get(key).copied()
}

/// Every alias of a kind's fields as a [`header_key`] (the first field in the contract's
/// order wins an alias written for two), built once.
fn alias_keys(kind: SheetKind) -> &'static HashMap<String, (Field, Lang)> {
    type Keys = Vec<HashMap<String, (Field, Lang)>>;
    static KEYS: std::sync::OnceLock<Keys> = std::sync::OnceLock::new();
    let all = KEYS.get_or_init(|| {
        SheetKind::ALL
            .iter()
            .map(|k| {
                let mut keys = HashMap::new();
                for spec in k.fields() {
                    let zh = spec.zh.iter().map(|a| (header_key(a), Lang::Zh));
                    let en = spec.en.iter().map(|a| (header_key(a), Lang::En));
                    for (key, lang) in zh.chain(en) {
                        keys.entry(key).or_insert((spec.field, lang));
                    }
                }
                keys
            })
            .collect()
    });
    let i = SheetKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    &all[i]
}

/// Planned or actual, as a header's prefix says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Planned,
    Actual,
}

const PLANNED_PREFIXES: &[&str] = &[
    "planned",
    "plan",
    "anticipated",
    "baseline",
    "scheduled",
    "expected",
    "计划",
    "预计",
    "预定",
];
const ACTUAL_PREFIXES: &[&str] = &["actual", "实际"];

fn strip_variant(key: &str) -> Option<(Variant, &str)> {
    let strip = |prefixes: &[&str]| {
        prefixes
            .iter()
            .find_map(|p| key.strip_prefix(p).filter(|rest| !rest.is_empty()))
    };
    strip(ACTUAL_PREFIXES)
        .map(|rest| (Variant::Actual, rest))
        .or_else(|| strip(PLANNED_PREFIXES).map(|rest| (Variant::Planned, rest)))
}

/// True for a header cell that only says planned or actual (实际, Actual, 计划, Plan): merged
/// over 开始 | 结束, it decides which field the cells below name.
pub fn is_variant_word(text: &str) -> bool {
    let key = header_key(text);
    ACTUAL_PREFIXES.contains(&key.as_str()) || PLANNED_PREFIXES.contains(&key.as_str())
}

/// The field a prefixed header names: "Actual End" is the done date, "Actual Budget" money
/// spent; a planned prefix keeps the field. None for a variant plantrack does not keep
/// ("Actual Start").
fn variant_field(kind: SheetKind, variant: Variant, field: Field) -> Option<Field> {
    use Field as F;
    match (variant, kind, field) {
        (Variant::Planned, _, F::DoneOn | F::Spent) => None,
        (Variant::Planned, _, f) => Some(f),
        (Variant::Actual, SheetKind::Plan, F::Due | F::DoneOn) => Some(F::DoneOn),
        (Variant::Actual, SheetKind::Plan, F::Budget | F::Spent | F::Forecast) => Some(F::Spent),
        (Variant::Actual, SheetKind::Plan, F::Target | F::Actual) => Some(F::Actual),
        (Variant::Actual, _, F::Progress | F::Status | F::Amount | F::Actual) => Some(field),
        (Variant::Actual, _, _) => None,
    }
}

/// The form header cells and aliases are compared in: [`fold`]ed after CamelCase words are
/// split, each English word singular ("ProjectTasks", "project task" and "Project Task"
/// compare alike); `_`, `:` and `*` marks are dropped.
pub fn header_key(text: &str) -> String {
    let text = to_simplified(&split_camel(&normalize_width(text))).to_lowercase();
    let mut key = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || matches!(c, '_' | ':' | '*')) {
        key.push_str(singular(word));
    }
    key
}

/// "ProjectPlan" -> "Project Plan", "EndDate" -> "End Date" (a capital after a small letter).
fn split_camel(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut prev_lower = false;
    for c in text.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_ascii_lowercase();
        out.push(c);
    }
    out
}

/// An English word without its plural s, and without a final y so that "categories" and
/// "category" compare alike ("status", "progress" keep their s; short words stay whole).
fn singular(word: &str) -> &str {
    if word.len() <= 3 || !word.is_ascii() {
        return word;
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return stem;
    }
    let w = if word.ends_with("ss") || word.ends_with("us") {
        word
    } else {
        word.strip_suffix('s').unwrap_or(word)
    };
    if w.len() > 3 {
        w.strip_suffix('y').unwrap_or(w)
    } else {
        w
    }
}

/// A header row understood for one kind: the matched columns (first one wins for a field
/// written twice) and the required fields it lacks.
#[derive(Debug, Clone)]
pub struct HeaderMap {
    pub kind: SheetKind,
    pub columns: Vec<Column>,
}

impl HeaderMap {
    pub fn build(kind: SheetKind, headers: &[String]) -> HeaderMap {
        let mut columns: Vec<Column> = Vec::new();
        for (col, h) in headers.iter().enumerate() {
            if let Some(c) = match_header(kind, h, col)
                && !columns.iter().any(|x| x.field == c.field)
            {
                columns.push(c);
            }
        }
        HeaderMap { kind, columns }
    }

    pub fn column(&self, field: Field) -> Option<&Column> {
        self.columns.iter().find(|c| c.field == field)
    }

    /// The columns a table of this kind cannot be read without (see [`needed_to_read`]).
    pub fn missing_required(&self) -> Vec<Field> {
        let has = |f: Field| self.column(f).is_some();
        needed_to_read(self.kind)
            .iter()
            .copied()
            // A plan's due date may come from its start and a duration.
            .filter(|f| {
                let by_other_columns = match (self.kind, *f) {
                    // A due date from the start and a duration.
                    (SheetKind::Plan, Field::Due) => has(Field::Start) && has(Field::Duration),
                    // An item budget: the item names the line, quantity × price its amount.
                    (SheetKind::Budget, Field::Category) => has(Field::Item),
                    // A ledger sheet per category: the sheet's name is the category.
                    (SheetKind::Costs, Field::Category) => has(Field::Item) && has(Field::Date),
                    (SheetKind::Budget, Field::Budget) => has(Field::Qty) && has(Field::UnitPrice),
                    // A wide metrics sheet names its metrics in its header, not in a column.
                    (SheetKind::Metrics, Field::Metric) => has(Field::WideMetric),
                    _ => false,
                };
                !(has(*f) || by_other_columns)
            })
            .collect()
    }

    /// True when the header is enough to read a table of this kind: every needed column,
    /// and at least [`MIN_HEADER_MATCHES`] matched columns, or two when the sheet's or the
    /// file's name already says the kind (a `科目 | 预算` budget).
    pub fn is_usable(&self, named: bool) -> bool {
        let min = if named || needed_to_read(self.kind).len() >= 2 {
            2
        } else {
            MIN_HEADER_MATCHES
        };
        self.columns.len() >= min && self.missing_required().is_empty()
    }

    /// True when a field is matched by two columns (side-by-side tables).
    pub fn first_duplicate(headers: &[String], kind: SheetKind) -> bool {
        let mut seen = Vec::new();
        for (col, h) in headers.iter().enumerate() {
            if let Some(c) = match_header(kind, h, col) {
                if seen.contains(&c.field) {
                    return true;
                }
                seen.push(c.field);
            }
        }
        false
    }

    /// Language of the matched headers by majority.
    pub fn lang(&self) -> Option<Lang> {
        let zh = self
            .columns
            .iter()
            .filter(|c| c.lang == Some(Lang::Zh))
            .count();
        let en = self
            .columns
            .iter()
            .filter(|c| c.lang == Some(Lang::En))
            .count();
        match (zh, en) {
            (0, 0) => None,
            _ if zh >= en => Some(Lang::Zh),
            _ => Some(Lang::En),
        }
    }
}

/// The columns without which a table of a kind cannot be read. The template asks for more
/// (a goal, an owner), but a team's own task list without them is still a plan.
pub fn needed_to_read(kind: SheetKind) -> &'static [Field] {
    match kind {
        SheetKind::Plan => &[Field::Task, Field::Due],
        SheetKind::Weekly => &[Field::Task, Field::Planned, Field::Actual],
        SheetKind::Costs => &[Field::Date, Field::Category, Field::Amount],
        SheetKind::Budget => &[Field::Category, Field::Budget],
        SheetKind::Risks => &[Field::Risk],
        SheetKind::Metrics => &[Field::Metric],
        SheetKind::Holidays => &[Field::Date, Field::DayKind],
    }
}

/// The canonical header of a field in a sheet kind, in both languages ("负责人 / Owner"),
/// for messages about a missing column.
pub fn field_names(kind: SheetKind, field: Field) -> String {
    kind.fields()
        .iter()
        .find(|s| s.field == field)
        .map(|s| format!("{} / {}", s.zh[0], title_case(s.en[0])))
        .unwrap_or_default()
}

fn title_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The header `init` writes for a field of a sheet kind: the first alias in that language,
/// English in title case ("Done on", "ID"). None when the kind has no such field.
pub fn canonical_header(kind: SheetKind, field: Field, lang: Lang) -> Option<String> {
    let spec = kind.fields().iter().find(|s| s.field == field)?;
    Some(match lang {
        Lang::Zh => spec.zh[0].to_string(),
        Lang::En if spec.en[0].len() <= 2 => spec.en[0].to_uppercase(),
        Lang::En => title_case(spec.en[0]),
    })
}

/// The sheet name `init` writes for a kind: its first name alias in that language, English
/// in title case ("Plan", "Weekly").
pub fn canonical_sheet_name(kind: SheetKind, lang: Lang) -> String {
    let aliases = kind.name_aliases();
    let first = |ascii: bool| aliases.iter().find(|a| a.is_ascii() == ascii).copied();
    match lang {
        Lang::Zh => first(false).unwrap_or_default().to_string(),
        Lang::En => title_case(first(true).unwrap_or_default()),
    }
}

/// Words offered in a dropdown, each with its meaning: (meaning, 中文, English).
pub type Choices<T> = [(T, &'static str, &'static str)];

/// Plan status words, in the order a task goes through them.
pub const STATUS_CHOICES: &Choices<WrittenStatus> = &[
    (WrittenStatus::NotStarted, "未开始", "Not started"),
    (WrittenStatus::InProgress, "进行中", "In progress"),
    (WrittenStatus::Done, "已完成", "Done"),
    (WrittenStatus::Delayed, "延期", "Delayed"),
    (WrittenStatus::OnHold, "暂停", "On hold"),
    (WrittenStatus::Cancelled, "取消", "Cancelled"),
];

/// Risk likelihood and impact words.
pub const LEVEL_CHOICES: &Choices<Level> = &[
    (Level::High, "高", "High"),
    (Level::Medium, "中", "Medium"),
    (Level::Low, "低", "Low"),
];

/// Risk status words.
pub const RISK_STATE_CHOICES: &Choices<RiskState> = &[
    (RiskState::Open, "未发生", "Open"),
    (RiskState::Occurred, "已发生", "Occurred"),
    (RiskState::Closed, "已关闭", "Closed"),
];

/// The words of a choice list in one language.
pub fn choice_words<T>(choices: &Choices<T>, lang: Lang) -> Vec<&'static str> {
    choices
        .iter()
        .map(|(_, zh, en)| lang.pick(zh, en))
        .collect()
}

/// Sheets `init` writes for the people who fill the workbook, not for plantrack: the
/// instructions and the team list behind the owner dropdowns, as (中文, English) names.
/// The reader knows them and passes over them without a notice; any other unrecognised
/// sheet is still named as ignored.
pub const GUIDE_SHEETS: [(&str, &str); 2] = [("说明", "Instructions"), ("成员", "Team")];

/// True when a sheet is one of [`GUIDE_SHEETS`] (the whole name, folded).
pub fn is_guide_sheet(name: &str) -> bool {
    let folded = fold(name);
    GUIDE_SHEETS
        .iter()
        .any(|(zh, en)| folded == fold(zh) || folded == fold(en))
}

/// A header row must match at least this many known headers.
pub const MIN_HEADER_MATCHES: usize = 3;
/// The header row is looked for among this many rows from the top.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// Picks the kind a header row is for when the sheet name did not say: the kind with all
/// needed fields present and the most matches; None below [`MIN_HEADER_MATCHES`] matches
/// (or two for a kind that needs two columns and has them).
pub fn best_kind_for_headers(headers: &[String]) -> Option<HeaderMap> {
    SheetKind::ALL
        .iter()
        .map(|k| HeaderMap::build(*k, headers))
        .filter(|m| m.columns.len() >= MIN_HEADER_MATCHES || m.is_usable(false))
        .max_by_key(|m| (m.missing_required().is_empty(), m.columns.len()))
}

/// Words that mark a totals row in a label cell: the team's own sum, never a record.
pub fn totals_word(text: &str) -> Option<TotalsWord> {
    let key = header_key(text);
    let key = key.trim_end_matches([':', '.']);
    match key {
        "合计" | "总计" | "总合计" | "总额" | "合计金额" | "总计金额" | "total" | "grandtotal"
        | "sum" | "totals" | "总预算" | "totalbudget" | "totalcost" | "totalexpense" => {
            Some(TotalsWord::Total)
        }
        "小计" | "subtotal" | "sub-total" => Some(TotalsWord::Subtotal),
        _ => None,
    }
}

/// A grand total (合计, Total) sums the whole table; a subtotal (小计) the rows since the
/// previous subtotal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalsWord {
    Total,
    Subtotal,
}

/// True for the text of a row that gives instructions or holds a place rather than data:
/// "Insert new rows ABOVE this one", "在此行上方插入", "[Task name]", "示例".
pub fn is_instruction(text: &str) -> bool {
    let key = header_key(text);
    const MARKS: &[&str] = &[
        "insertnewrow",
        "insertrowsabove",
        "addnewrow",
        "thisrowabove",
        "abovethisrow",
        "在此行上方插入",
        "在上方插入",
        "请在此",
        "插入新行",
        "示例行",
        "填写说明",
        "deleteth",
        "enteryour",
        "typehere",
    ];
    MARKS.iter().any(|m| key.contains(m))
        || (text.trim().starts_with('[') && text.trim().ends_with(']'))
        || (text.trim().starts_with('<') && text.trim().ends_with('>'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_recognised_in_part_and_by_longest_alias() {
        assert_eq!(kind_from_name("2026 618 目标拆解表"), Some(SheetKind::Plan));
        assert_eq!(kind_from_name("成本支出明细"), Some(SheetKind::Costs));
        assert_eq!(kind_from_name("预算分配"), Some(SheetKind::Budget));
        assert_eq!(kind_from_name("週度進度跟蹤"), Some(SheetKind::Weekly));
        assert_eq!(kind_from_name("Weekly Progress"), Some(SheetKind::Weekly));
        assert_eq!(kind_from_name("Budget (k)"), Some(SheetKind::Budget));
        assert_eq!(kind_from_name("Explanation"), None);
        assert_eq!(kind_from_name("说明"), None);
    }

    #[test]
    fn headers_match_across_width_case_script_and_units() {
        let c = match_header(SheetKind::Budget, "預算金額（萬元）", 1).unwrap();
        assert_eq!(c.field, Field::Budget);
        assert_eq!(
            c.unit.unwrap().multiplier,
            rust_decimal::Decimal::from(10_000)
        );
        let c = match_header(SheetKind::Costs, " Amount (USD) ", 4).unwrap();
        assert_eq!(c.field, Field::Amount);
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(
            match_header(SheetKind::Plan, "负 责 人", 0).unwrap().field,
            Field::Owner
        );
        assert_eq!(
            match_header(SheetKind::Plan, "目标", 0).unwrap().field,
            Field::Target
        );
        assert_eq!(
            match_header(SheetKind::Plan, "总目标", 0).unwrap().field,
            Field::Goal
        );
    }

    #[test]
    fn canonical_headers_and_sheet_names_are_read_back_as_their_field_and_kind() {
        for kind in SheetKind::ALL {
            for lang in [Lang::Zh, Lang::En] {
                assert_eq!(
                    kind_from_name(&canonical_sheet_name(kind, lang)),
                    Some(kind)
                );
                for spec in kind.fields() {
                    let h = canonical_header(kind, spec.field, lang).unwrap();
                    let c = match_header(kind, &h, 0).unwrap();
                    assert_eq!((c.field, c.lang), (spec.field, Some(lang)), "{h}");
                }
            }
        }
        assert_eq!(
            canonical_header(SheetKind::Plan, Field::Id, Lang::En).as_deref(),
            Some("ID")
        );
        assert_eq!(
            canonical_header(SheetKind::Plan, Field::DoneOn, Lang::En).as_deref(),
            Some("Done on")
        );
        assert_eq!(
            canonical_sheet_name(SheetKind::Weekly, Lang::Zh),
            "周度进度跟踪"
        );
    }

    #[test]
    fn guide_sheets_are_known_by_their_whole_name_only() {
        assert!(is_guide_sheet("说明"));
        assert!(is_guide_sheet(" team "));
        assert!(is_guide_sheet("INSTRUCTIONS"));
        assert!(!is_guide_sheet("填写说明"));
        assert!(
            GUIDE_SHEETS
                .iter()
                .all(|(zh, en)| kind_from_name(zh).is_none() && kind_from_name(en).is_none())
        );
    }

    #[test]
    fn header_row_kind_is_guessed_from_its_cells() {
        let h: Vec<String> = ["费用科目", "预算金额", "渠道", "负责人"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(best_kind_for_headers(&h).unwrap().kind, SheetKind::Budget);
        let h: Vec<String> = ["任务名称", "本周计划", "实际完成", "责任人"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(best_kind_for_headers(&h).unwrap().kind, SheetKind::Weekly);
    }
}

//! What the workbook contract says a sheet looks like: the sheet kinds, their fields, the
//! header aliases (simplified, traditional and English) and the sheet-name aliases, plus the
//! matching rules (case, spaces, full-width forms, traditional characters and trailing units
//! are ignored). Kept apart from the row parsing so `init` can write the same headers.

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
            ],
            SheetKind::Weekly => &[
                "周度进度跟踪",
                "周度跟踪",
                "进度跟踪",
                "周报",
                "weekly",
                "progress",
            ],
            SheetKind::Costs => &[
                "成本支出明细",
                "成本支出",
                "费用明细",
                "支出",
                "costs",
                "expenses",
                "ledger",
            ],
            SheetKind::Budget => &["预算分配", "资源分配", "预算", "budget", "resources"],
            SheetKind::Risks => &["风险预案", "风险清单", "风险", "risks"],
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
    /// 休 (a day off) or 班 (a working day) on the holidays sheet.
    DayKind,
    /// The name of a holiday or the reason for a team's day.
    Occasion,
}

pub struct FieldSpec {
    pub field: Field,
    pub required: bool,
    pub zh: &'static [&'static str],
    pub en: &'static [&'static str],
}

const fn f(
    field: Field,
    required: bool,
    zh: &'static [&'static str],
    en: &'static [&'static str],
) -> FieldSpec {
    FieldSpec {
        field,
        required,
        zh,
        en,
    }
}

const TEAM: FieldSpec = f(Field::Team, false, &["团队", "小组"], &["team"]);

const PLAN: &[FieldSpec] = &[
    f(
        Field::Id,
        false,
        &["编号", "序号", "任务编号"],
        &["id", "wbs", "no.", "#"],
    ),
    f(Field::Goal, true, &["总目标"], &["goal"]),
    f(
        Field::Stage,
        false,
        &["阶段目标", "渠道目标", "阶段"],
        &["stage", "channel"],
    ),
    f(
        Field::Task,
        true,
        &["具体任务", "任务", "任务名称"],
        &["task", "task name"],
    ),
    f(Field::Owner, true, &["负责人", "责任人"], &["owner"]),
    f(
        Field::Start,
        false,
        &["开始时间", "开始日期"],
        &["start", "start date"],
    ),
    f(
        Field::Due,
        true,
        &["完成时间", "截止时间", "截止日期", "计划完成"],
        &["due", "deadline", "due date"],
    ),
    f(
        Field::DoneOn,
        false,
        &["实际完成时间", "实际完成日期"],
        &["done on", "completed"],
    ),
    f(
        Field::Deliverable,
        false,
        &["交付标准"],
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
        &["完成度", "进度", "完成比例"],
        &["progress", "% complete", "%complete"],
    ),
    f(Field::Status, false, &["状态"], &["status"]),
    f(
        Field::Predecessors,
        false,
        &["前置任务", "依赖"],
        &["predecessors", "depends on"],
    ),
    f(
        Field::Support,
        false,
        &["需要支持", "所需支持", "需协调事项", "求助"],
        &["needs support", "support needed", "help needed", "needs"],
    ),
    TEAM,
];

const WEEKLY: &[FieldSpec] = &[
    f(
        Field::Week,
        false,
        &["周次", "周", "周开始", "日期"],
        &["week"],
    ),
    f(Field::Task, true, &["任务名称", "任务"], &["task"]),
    f(
        Field::Planned,
        true,
        &["本周计划", "计划"],
        &["plan", "planned"],
    ),
    f(
        Field::Actual,
        true,
        &["实际完成", "实际"],
        &["actual", "done"],
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
    f(Field::Owner, true, &["责任人", "负责人"], &["owner"]),
    TEAM,
];

const COSTS: &[FieldSpec] = &[
    f(
        Field::Date,
        true,
        &["日期", "支出日期", "发生日期"],
        &["date"],
    ),
    f(
        Field::Category,
        true,
        &["费用科目", "预算科目", "科目", "费用类别", "类别"],
        &["category", "budget line"],
    ),
    f(Field::Channel, false, &["渠道"], &["channel"]),
    f(
        Field::Item,
        false,
        &["事项", "摘要", "明细", "用途"],
        &["item", "description"],
    ),
    f(
        Field::Amount,
        true,
        &["金额", "支出金额", "实际支出"],
        &["amount", "spent"],
    ),
    f(Field::Task, false, &["关联任务"], &["task"]),
    f(
        Field::Owner,
        false,
        &["经办人", "负责人"],
        &["owner", "payee"],
    ),
    TEAM,
];

const BUDGET: &[FieldSpec] = &[
    f(
        Field::Category,
        true,
        &["费用科目", "预算科目", "科目", "费用类别", "类别"],
        &["category", "budget line"],
    ),
    f(Field::Budget, true, &["预算", "预算金额"], &["budget"]),
    f(Field::Channel, false, &["渠道"], &["channel"]),
    f(Field::Owner, false, &["负责人"], &["owner"]),
    TEAM,
];

const RISKS: &[FieldSpec] = &[
    f(Field::Risk, true, &["风险", "风险描述"], &["risk"]),
    f(Field::Likelihood, false, &["可能性"], &["likelihood"]),
    f(Field::Impact, false, &["影响", "影响程度"], &["impact"]),
    f(Field::Response, false, &["应对措施"], &["response"]),
    f(Field::Owner, false, &["负责人"], &["owner"]),
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
    let spaced = to_simplified(&normalize_width(name)).to_lowercase();
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

fn contains_alias(folded: &str, alias: &str) -> bool {
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

/// The field a header cell names for a sheet kind, with its unit hint.
pub fn match_header(kind: SheetKind, header: &str, col: usize) -> Option<Column> {
    let (base, unit) = split_unit_hint(header);
    let folded = fold(&base);
    if folded.is_empty() {
        return None;
    }
    for spec in kind.fields() {
        let zh = spec.zh.iter().any(|a| fold(a) == folded);
        let en = spec.en.iter().any(|a| fold(a) == folded);
        if zh || en {
            return Some(Column {
                field: spec.field,
                col,
                header: header.trim().to_string(),
                unit,
                lang: Some(if zh { Lang::Zh } else { Lang::En }),
            });
        }
    }
    None
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

    pub fn missing_required(&self) -> Vec<Field> {
        self.kind
            .fields()
            .iter()
            .filter(|s| s.required && self.column(s.field).is_none())
            .map(|s| s.field)
            .collect()
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
/// required fields present and the most matches; None below [`MIN_HEADER_MATCHES`].
pub fn best_kind_for_headers(headers: &[String]) -> Option<HeaderMap> {
    SheetKind::ALL
        .iter()
        .map(|k| HeaderMap::build(*k, headers))
        .filter(|m| m.columns.len() >= MIN_HEADER_MATCHES)
        .max_by_key(|m| (m.missing_required().is_empty(), m.columns.len()))
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

//! How data problems read, in both languages. Problems carry data; the words are chosen
//! here, once, when the output language is known. Each message says what was found and what
//! was expected, lower-case and without a trailing period.

use crate::lang::Lang;
use crate::model::{Expected, ProblemKind, Severity};

fn expected(e: Expected, lang: Lang) -> &'static str {
    match e {
        Expected::Number => lang.pick("数字", "a number"),
        Expected::Money => lang.pick(
            "金额（如 12000、1.2万、¥3,000）",
            "an amount (e.g. 12000, 1.2k, $3,000)",
        ),
        Expected::Date => lang.pick(
            "日期（如 2026-11-26、2026年11月26日、11月26日）",
            "a date (e.g. 2026-11-26, 11/26)",
        ),
        Expected::Percent => lang.pick("百分比（如 80% 或 80）", "a percentage (e.g. 80% or 80)"),
        Expected::Quantity => lang.pick(
            "含数量的内容（如 发布笔记10篇、50万）",
            "a quantity (e.g. 10 posts, 50k)",
        ),
        Expected::Text => lang.pick("可识别的内容", "a recognised value"),
    }
}

pub fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("错误", "error"),
        Severity::Warning => lang.pick("警告", "warning"),
        Severity::Info => lang.pick("提示", "note"),
    }
}

fn pct(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

pub fn problem_text(kind: &ProblemKind, lang: Lang) -> String {
    use ProblemKind as K;
    match (kind, lang) {
        (K::Unreadable { found, expected: e }, Lang::Zh) => {
            format!("\"{found}\" 无法识别，应为{}", expected(*e, lang))
        }
        (K::Unreadable { found, expected: e }, Lang::En) => {
            format!("\"{found}\" is not {}", expected(*e, lang))
        }
        (K::Missing { field }, Lang::Zh) => format!("{field} 为必填项，此处为空"),
        (K::Missing { field }, Lang::En) => format!("{field} is required but empty"),
        (K::NoDate { found }, Lang::Zh) => {
            format!("\"{found}\" 不是具体日期，应填写实际日期（如 2026-11-26）")
        }
        (K::NoDate { found }, Lang::En) => {
            format!("\"{found}\" is a placeholder, expected a real date (e.g. 2026-11-26)")
        }
        (K::CellError { found }, Lang::Zh) => format!("单元格为错误值 {found}，应为有效数值"),
        (K::CellError { found }, Lang::En) => {
            format!("the cell holds the error {found}, expected a value")
        }
        (K::SeveralOwners { found }, Lang::Zh) => {
            format!("\"{found}\" 有多个负责人，每项任务应只有一名负责人")
        }
        (K::SeveralOwners { found }, Lang::En) => {
            format!("\"{found}\" names several owners, expected exactly one per task")
        }
        (K::DeviationMismatch { stated, computed }, Lang::Zh) => format!(
            "填写的偏差 {} 与计算值 {} 不符（相差超过1个百分点）",
            pct(*stated),
            pct(*computed)
        ),
        (K::DeviationMismatch { stated, computed }, Lang::En) => format!(
            "stated deviation {} differs from the computed {} by more than 1 point",
            pct(*stated),
            pct(*computed)
        ),
        (K::AttainmentMismatch { stated, computed }, Lang::Zh) => format!(
            "填写的完成率 {} 与 实际值/目标值 {} 不符（相差超过1个百分点）",
            pct(*stated),
            pct(*computed)
        ),
        (K::AttainmentMismatch { stated, computed }, Lang::En) => format!(
            "stated attainment {} differs from actual / target {} by more than 1 point",
            pct(*stated),
            pct(*computed)
        ),
        (K::BehindWithoutCause { deviation }, Lang::Zh) => {
            format!("进度落后 {}，但未填写偏差原因或解决措施", pct(*deviation))
        }
        (K::BehindWithoutCause { deviation }, Lang::En) => format!(
            "behind plan by {} with no cause or fix written",
            pct(*deviation)
        ),
        (K::UnitMismatch { plan, actual }, Lang::Zh) => {
            format!("计划单位 \"{plan}\" 与实际单位 \"{actual}\" 不同，无法计算偏差")
        }
        (K::UnitMismatch { plan, actual }, Lang::En) => {
            format!("plan is in \"{plan}\" but actual in \"{actual}\": deviation not computed")
        }
        (K::UnknownTask { name, suggestion }, Lang::Zh) => format!(
            "任务 \"{name}\" 在目标拆解表中找不到（按编号或名称匹配）{}",
            did_you_mean(suggestion.as_deref(), lang)
        ),
        (K::UnknownTask { name, suggestion }, Lang::En) => format!(
            "task \"{name}\" matches no plan task by id or name{}",
            did_you_mean(suggestion.as_deref(), lang)
        ),
        (
            K::DecompositionGap {
                parent,
                target,
                children,
            },
            Lang::Zh,
        ) => format!(
            "\"{parent}\" 的目标 {} 与下级目标之和 {} 相差 {}",
            amount(*target),
            amount(*children),
            amount(*target - *children)
        ),
        (
            K::DecompositionGap {
                parent,
                target,
                children,
            },
            Lang::En,
        ) => format!(
            "\"{parent}\" targets {} but its parts add up to {} (gap {})",
            amount(*target),
            amount(*children),
            amount(*target - *children)
        ),
        (K::DueBeforeStart, Lang::Zh) => "完成时间早于开始时间".into(),
        (K::DueBeforeStart, Lang::En) => "due date is before the start date".into(),
        (
            K::Unbudgeted {
                category,
                suggestion,
            },
            Lang::Zh,
        ) => format!(
            "费用科目 \"{category}\" 有支出但没有预算{}",
            did_you_mean(suggestion.as_deref(), lang)
        ),
        (
            K::Unbudgeted {
                category,
                suggestion,
            },
            Lang::En,
        ) => format!(
            "spending on \"{category}\", which has no budget line{}",
            did_you_mean(suggestion.as_deref(), lang)
        ),
        (K::NoBudget { lines }, Lang::Zh) => format!(
            "没有预算表或预算列：{lines} 个费用科目只列出支出，不判断超支（要对比预算，加一张“预算”表：费用科目 | 预算）"
        ),
        (K::NoBudget { lines }, Lang::En) => format!(
            "no budget sheet or column: {lines} spending line(s) are shown without a budget, and none is judged over (to compare, add a Budget sheet: Category | Budget)"
        ),
        (K::IgnoredSheet { hint }, Lang::Zh) => {
            with_hint("未识别的工作表，已忽略".into(), hint.as_deref(), lang)
        }
        (K::IgnoredSheet { hint }, Lang::En) => with_hint(
            "not a recognised sheet, ignored".into(),
            hint.as_deref(),
            lang,
        ),
        (K::NoHeaderRow { kind, hint }, Lang::Zh) => with_hint(
            format!(
                "名称像{}表，但前20行中没有找到表头行（至少3个已知列名），已忽略",
                kind.label(lang)
            ),
            hint.as_deref(),
            lang,
        ),
        (K::NoHeaderRow { kind, hint }, Lang::En) => with_hint(
            format!(
                "named like a {} sheet but no header row (3 or more known headers) in its top 20 rows, ignored",
                kind.label(lang)
            ),
            hint.as_deref(),
            lang,
        ),
        (K::MissingColumn { field, found, hint }, Lang::Zh) => with_hint(
            format!("缺少必需的列 {field}；找到的列：{}", found.join("、")),
            hint.as_deref(),
            lang,
        ),
        (K::MissingColumn { field, found, hint }, Lang::En) => with_hint(
            format!(
                "required column {field} is missing; headers found: {}",
                found.join(", ")
            ),
            hint.as_deref(),
            lang,
        ),
        (
            K::MappedHeader {
                source,
                row,
                found,
                hint,
            },
            Lang::Zh,
        ) => with_hint(
            if found.is_empty() {
                format!("映射 {source} 指定第 {row} 行为表头，但该行是空的，此表未读取")
            } else {
                format!(
                    "映射 {source} 指定第 {row} 行为表头，但该行是 {}，不是各列的表头，此表未读取",
                    found.join(" | ")
                )
            },
            hint.as_deref(),
            lang,
        ),
        (
            K::MappedHeader {
                source,
                row,
                found,
                hint,
            },
            Lang::En,
        ) => with_hint(
            if found.is_empty() {
                format!(
                    "the mapping at {source} names row {row} as the header, but the row is empty: the sheet is not read"
                )
            } else {
                format!(
                    "the mapping at {source} names row {row} as the header, but it holds {}, not the columns' headers: the sheet is not read",
                    found.join(" | ")
                )
            },
            hint.as_deref(),
            lang,
        ),
        (K::MappingUnused { entry }, Lang::Zh) => format!(
            "映射 [[sheet]] {entry} 没有对应任何读到的工作表：请核对工作表名和文件名（不区分大小写和空格）"
        ),
        (K::MappingUnused { entry }, Lang::En) => format!(
            "the mapping [[sheet]] {entry} matched no sheet of the workbooks read: check the sheet and file names (case and spaces do not matter)"
        ),
        (K::MappingUnfilled { header }, Lang::Zh) => format!(
            "\"{header}\" = \"?\" 还没有填写字段：此列未读取；请把 ? 换成字段名，或写 \"ignore\""
        ),
        (K::MappingUnfilled { header }, Lang::En) => format!(
            "\"{header}\" = \"?\" names no field yet, so the column is left out: replace ? with a field name, or write \"ignore\""
        ),
        (K::UnknownStatus { found }, Lang::Zh) => {
            format!("状态 \"{found}\" 无法识别，应为 未开始/进行中/已完成/延期/暂停/取消")
        }
        (K::UnknownStatus { found }, Lang::En) => format!(
            "status \"{found}\" is not one of Not started/In progress/Done/Delayed/On hold/Cancelled"
        ),
        (K::UnknownPredecessor { name }, Lang::Zh) => {
            format!("前置任务 \"{name}\" 找不到（按编号或名称匹配）")
        }
        (K::UnknownPredecessor { name }, Lang::En) => {
            format!("predecessor \"{name}\" matches no task by id or name")
        }
        (K::DependencyCycle { tasks }, Lang::Zh) => {
            format!("前置任务形成循环：{}", tasks.join(" → "))
        }
        (K::DependencyCycle { tasks }, Lang::En) => {
            format!("predecessors form a cycle: {}", tasks.join(" -> "))
        }
        (K::DuplicateId { id }, Lang::Zh) => format!("编号 \"{id}\" 重复"),
        (K::DuplicateId { id }, Lang::En) => format!("id \"{id}\" is used twice"),
        (K::AmbiguousPredecessor { id }, Lang::Zh) => {
            format!("前置任务 \"{id}\" 的编号有两个任务使用，无法确定是哪一个：未建立依赖")
        }
        (K::AmbiguousPredecessor { id }, Lang::En) => format!(
            "predecessor \"{id}\" is an id two tasks share, so it names neither: no link made"
        ),
        (K::NotRead { reason }, Lang::Zh) => format!("未读取：{}", reason.message(lang)),
        (K::NotRead { reason }, Lang::En) => format!("not read: {}", reason.message(lang)),
        (K::DateFromNumber { found, date }, Lang::Zh) => {
            format!("数字 {found} 按 月.日 读作 {date}；请改为日期格式（如 {date}）")
        }
        (K::DateFromNumber { found, date }, Lang::En) => format!(
            "the number {found} was read as month.day: {date}; type it as a date (e.g. {date})"
        ),
        (K::ImplausibleDate { found, date }, Lang::Zh) => format!(
            "\"{found}\" 读作 {date}，早于2000年或距统计日超过5年，应为计划期内的日期；此日期未使用"
        ),
        (K::ImplausibleDate { found, date }, Lang::En) => format!(
            "\"{found}\" reads as {date}, before 2000 or more than 5 years from the as-of date; expected a date of the plan (this date is not used)"
        ),
        (K::DoneAfterAsOf { done_on }, Lang::Zh) => {
            format!("实际完成时间 {done_on} 晚于统计日，任务不计为已完成；应填写已发生的完成日期")
        }
        (K::DoneAfterAsOf { done_on }, Lang::En) => format!(
            "actual finish {done_on} is after the as-of date, so the task is not counted done; expected a finish that has happened"
        ),
        (K::ProgressWithFinish { progress, done_on }, Lang::Zh) => format!(
            "进度为 {}，却填写了实际完成时间 {done_on}；应将进度改为100%，或删除完成时间",
            pct(*progress)
        ),
        (K::ProgressWithFinish { progress, done_on }, Lang::En) => format!(
            "progress is {} but an actual finish {done_on} is given; expected 100% or no finish date",
            pct(*progress)
        ),
        (K::Approximate { found, read }, Lang::Zh) => format!(
            "\"{found}\" 是约数，按 {} 计算；应填写确切金额",
            amount(*read)
        ),
        (K::Approximate { found, read }, Lang::En) => format!(
            "\"{found}\" is approximate, counted as {}; expected the exact amount",
            amount(*read)
        ),
        (K::UnitNote { note, columns }, Lang::Zh) => {
            format!("表格上方的 \"{note}\" 已用于金额列：{}", columns.join("、"))
        }
        (K::UnitNote { note, columns }, Lang::En) => format!(
            "\"{note}\" above the table applied to its money columns: {}",
            columns.join(", ")
        ),
        (K::InvisibleCharacters { found, removed }, Lang::Zh) => format!(
            "\"{found}\" 含不可见字符 {}，已去除后再匹配",
            removed.join(" ")
        ),
        (K::InvisibleCharacters { found, removed }, Lang::En) => format!(
            "\"{found}\" holds invisible characters {}, removed before matching",
            removed.join(" ")
        ),
        (K::ParallelWork { pairs }, Lang::Zh) => format!(
            "{} 项任务在前置任务完成前开始、完成后结束（并行推进，无需处理）：{}",
            pairs.len(),
            pair_list(pairs, " ← ", "、")
        ),
        (K::ParallelWork { pairs }, Lang::En) => format!(
            "{} before a predecessor finishes and {} after it (parallel work, nothing to fix): {}",
            match pairs.len() {
                1 => "1 task starts".to_string(),
                n => format!("{n} tasks start"),
            },
            if pairs.len() == 1 { "ends" } else { "end" },
            pair_list(pairs, " <- ", "; ")
        ),
        (
            K::FinishesBeforePredecessor {
                predecessor,
                predecessor_due,
                due,
            },
            Lang::Zh,
        ) => format!(
            "完成时间 {due} 早于前置任务 \"{predecessor}\" 的完成时间 {predecessor_due}；应调整日期或前置关系"
        ),
        (
            K::FinishesBeforePredecessor {
                predecessor,
                predecessor_due,
                due,
            },
            Lang::En,
        ) => format!(
            "due {due}, before predecessor \"{predecessor}\" is due {predecessor_due}; expected dates that follow the link"
        ),
        (
            K::LinkNotMet {
                predecessor,
                link,
                needs,
                found,
            },
            Lang::Zh,
        ) => format!(
            "日期 {found} 早于前置关系 \"{link}\"（\"{predecessor}\"）要求的 {needs}；应调整日期或前置关系"
        ),
        (
            K::LinkNotMet {
                predecessor,
                link,
                needs,
                found,
            },
            Lang::En,
        ) => format!(
            "{found} is before {needs}, which the link \"{link}\" to \"{predecessor}\" needs; expected dates that follow the link"
        ),
        (K::UnplacedWeek { found }, Lang::Zh) => format!(
            "周次 \"{found}\" 无法根据计划日期确定是哪一周；可改写为日期（如 2026-11-23）或 W48"
        ),
        (K::UnplacedWeek { found }, Lang::En) => format!(
            "week \"{found}\" cannot be placed from the plan's dates; write its first day (e.g. 2026-11-23) or W48"
        ),
        (K::UnknownRiskState { found }, Lang::Zh) => {
            format!("风险状态 \"{found}\" 无法识别，按未关闭处理；应为 未发生/已发生/已关闭")
        }
        (K::UnknownRiskState { found }, Lang::En) => format!(
            "risk status \"{found}\" is not recognised and is kept as open; expected Open/Occurred/Closed"
        ),
        (K::RiskWithoutOwner { risk }, Lang::Zh) => {
            format!("风险 \"{risk}\" 未指定负责人，应由一名负责人跟进")
        }
        (K::RiskWithoutOwner { risk }, Lang::En) => {
            format!("risk \"{risk}\" has no owner, expected one person to follow it up")
        }
        (K::RiskWithoutResponse { risk }, Lang::Zh) => {
            format!("风险 \"{risk}\" 未填写应对措施，应写明发生时如何应对")
        }
        (K::RiskWithoutResponse { risk }, Lang::En) => {
            format!("risk \"{risk}\" has no response, expected what to do if it happens")
        }
        (
            K::TotalsMismatch {
                label,
                stated,
                computed,
            },
            Lang::Zh,
        ) => format!(
            "\"{label}\" 行写的是 {}，而上方各行相加为 {}：请核对（该行不计入合计）",
            amount(*stated),
            amount(*computed)
        ),
        (
            K::TotalsMismatch {
                label,
                stated,
                computed,
            },
            Lang::En,
        ) => format!(
            "the \"{label}\" row says {}, but the rows above add up to {}: please check (the row itself is not added)",
            amount(*stated),
            amount(*computed)
        ),
        (
            K::SectionMismatch {
                section,
                what,
                stated,
                children,
            },
            lang,
        ) => {
            let what = match what {
                crate::model::RollupField::Start => lang.pick("开始时间", "start"),
                crate::model::RollupField::Due => lang.pick("完成时间", "due date"),
                crate::model::RollupField::Budget => lang.pick("预算", "budget"),
            };
            match lang {
                Lang::Zh => {
                    format!("阶段行 \"{section}\" 的{what}是 {stated}，而其下任务汇总为 {children}")
                }
                Lang::En => format!(
                    "section \"{section}\" gives {what} {stated}, but its tasks roll up to {children}"
                ),
            }
        }
        (K::DrawnGantt { columns }, Lang::Zh) => format!(
            "这是画出来的甘特图（时间列 {}），没有可读取的日期：请加上 开始时间 和 完成时间（或 工期）列",
            columns.join("、")
        ),
        (K::DrawnGantt { columns }, Lang::En) => format!(
            "this is a drawn Gantt chart (timeline columns {}) with no dates to read: add Start and Due (or Duration) columns",
            columns.join(", ")
        ),
        (K::CalendarNotCovered { year }, Lang::Zh) => format!(
            "计划跨入 {year} 年，内置节假日表（2020-2026 年）没有该年的安排：{year} 年按周一至周五计算；可在节假日表中填入该年的放假和调休日期"
        ),
        (K::CalendarNotCovered { year }, Lang::En) => format!(
            "the plan runs into {year}, which the built-in holiday table (2020-2026) does not cover: {year} is counted Monday to Friday; add its days off and make-up days to the holidays sheet"
        ),
        (K::UnknownDayKind { found }, Lang::Zh) => {
            format!("\"{found}\" 不是 休 或 班，本行未计入日历")
        }
        (K::UnknownDayKind { found }, Lang::En) => {
            format!("found \"{found}\", expected off or work (休/班); the row is not counted")
        }
    }
}

/// ", did you mean ...?" when there is a suggestion.
fn did_you_mean(suggestion: Option<&str>, lang: Lang) -> String {
    match (suggestion, lang) {
        (Some(s), Lang::Zh) => format!("；是否应为 \"{s}\"？"),
        (Some(s), Lang::En) => format!("; did you mean \"{s}\"?"),
        (None, _) => String::new(),
    }
}

/// At most five "successor <- predecessor" pairs, then how many more.
fn pair_list(pairs: &[(String, String)], arrow: &str, sep: &str) -> String {
    let mut shown: Vec<String> = pairs
        .iter()
        .take(5)
        .map(|(s, p)| format!("{s}{arrow}{p}"))
        .collect();
    if pairs.len() > 5 {
        shown.push(format!("… +{}", pairs.len() - 5));
    }
    shown.join(sep)
}

/// An amount for a message: thousands separators, at most two decimals.
pub fn amount(d: rust_decimal::Decimal) -> String {
    let r = d.round_dp(2).normalize();
    let s = r.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if r.is_sign_negative() && !r.is_zero() {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// An error that says itself in both languages: commands raise it, and `main` prints the
/// user's ([`error_text`]). Display is the English text; the cause, if any, is the
/// error's source (not an anyhow context, whose type cannot be told from a cause).
#[derive(Debug)]
pub struct Said {
    pub zh: String,
    pub en: String,
    cause: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl Said {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Said {
        Said {
            zh: zh.into(),
            en: en.into(),
            cause: None,
        }
    }

    /// The same message with what caused it.
    pub fn because(mut self, cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Said {
        self.cause = Some(cause.into());
        self
    }

    pub fn pick(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Said {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// A problem's message followed by the headers seen and the lines offered for a mapping file.
fn with_hint(text: String, hint: Option<&crate::model::SheetHint>, lang: Lang) -> String {
    match hint {
        Some(h) => format!("{text}\n{}", hint_text(h, lang)),
        None => text,
    }
}

/// The headers plantrack saw on a sheet it could not tell, and the lines to add to
/// plantrack.toml to have it read (their `?`s to be replaced by field names).
pub fn hint_text(hint: &crate::model::SheetHint, lang: Lang) -> String {
    let snippet = crate::contract::mapping::snippet(hint, lang);
    let place = match &hint.file {
        Some(f) => format!("{f} / {}", hint.sheet),
        None => hint.sheet.clone(),
    };
    let asks = if snippet.contains("\"?\"") {
        lang.pick(
            "，把每个 ? 换成字段名",
            " and replace each ? with a field name",
        )
    } else {
        ""
    };
    let headers = hint.headers.join(" | ");
    let row = hint.header_row;
    match (lang, &hint.entry) {
        (Lang::Zh, None) => format!(
            "{place} 第 {row} 行的表头：{headers}\n若要读取此表，在工作簿旁的 plantrack.toml 中加上以下几行{asks}：\n{snippet}"
        ),
        (Lang::Zh, Some(entry)) => format!(
            "{place} 第 {row} 行的表头：{headers}\n若要读取此表，把 {entry} 的映射改为以下几行{asks}：\n{snippet}"
        ),
        (Lang::En, None) => format!(
            "headers of {place}, row {row}: {headers}\nto read it, add these lines to plantrack.toml beside the workbook{asks}:\n{snippet}"
        ),
        (Lang::En, Some(entry)) => format!(
            "headers of {place}, row {row}: {headers}\nto read it, change the entry at {entry} to these lines{asks}:\n{snippet}"
        ),
    }
}

/// An error and its causes on one line, "outer: inner", each in `lang`: a [`Said`] in that
/// language, an OS error as a sentence in that language with its code, anything else as it
/// says itself in English. In Chinese such a library's English is left out; an error made
/// of nothing else (a bug) says so in Chinese and keeps the detail for the report.
pub fn error_text(err: &anyhow::Error, lang: Lang) -> String {
    let parts: Vec<String> = err
        .chain()
        .filter_map(|cause| {
            if let Some(said) = cause.downcast_ref::<Said>() {
                Some(said.pick(lang).to_string())
            } else if let Some(io) = cause.downcast_ref::<std::io::Error>() {
                Some(io_text(io, lang))
            } else if lang == Lang::Zh {
                None
            } else {
                Some(cause.to_string())
            }
        })
        .collect();
    if parts.is_empty() {
        return format!("内部错误，请将输入文件反馈给 plantrack 维护者（{err}）");
    }
    parts.join(": ")
}

/// An OS error in `lang`: the one wording of every OS error plantrack shows (reading,
/// writing an output, standard output). English keeps the system's own text; Chinese names
/// the kind of failure and keeps the code for whoever looks it up.
pub fn io_text(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return e.to_string();
    }
    let what = match e.kind() {
        K::NotFound => "找不到该文件或文件夹",
        K::PermissionDenied => "没有权限（文件可能被其他程序占用，或文件夹为只读）",
        K::AlreadyExists => "文件已存在",
        K::StorageFull => "磁盘空间不足",
        K::ReadOnlyFilesystem => "磁盘或文件夹为只读",
        K::IsADirectory => "这是一个文件夹，不是文件",
        K::NotADirectory => "路径中有一项不是文件夹",
        K::InvalidFilename => "文件名无效",
        K::InvalidData | K::UnexpectedEof => "文件内容不完整或已损坏",
        K::TimedOut => "操作超时",
        K::ResourceBusy => "文件正被其他程序使用",
        K::BrokenPipe => "读取端已关闭",
        _ => "系统错误",
    };
    match e.raw_os_error() {
        Some(code) => format!("{what}（系统错误 {code}）"),
        None => what.to_string(),
    }
}

/// The step of saving an output that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    /// Writing the temporary file beside the target.
    Temporary,
    /// Renaming the temporary file over the target.
    Rename,
}

/// A failed save of `target` as the user should read it: the target open in Excel or WPS
/// (Windows refuses the rename with a sharing violation or access denied) says to close
/// it; a folder that cannot be written says to choose another with -o; anything else names
/// the file and the OS error. The temporary file is the caller's to remove.
pub fn save_failed(e: std::io::Error, step: SaveStep, target: &std::path::Path) -> anyhow::Error {
    let name = target.file_name().map_or_else(
        || target.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if step == SaveStep::Rename && in_use(e.raw_os_error(), e.kind(), cfg!(windows)) {
        return Said::new(
            format!(
                "{} 正在被其他程序打开，无法替换：请在 Excel 或 WPS 中关闭 {name} 后重试",
                target.display()
            ),
            format!(
                "{} is open in another program and cannot be replaced: close {name} in Excel or WPS and run again",
                target.display()
            ),
        )
        .into();
    }
    if step == SaveStep::Temporary
        && matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        )
    {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
            _ => ".".to_string(),
        };
        return Said::new(
            format!(
                "无法在文件夹 {dir} 中写入（只读或没有权限）：请用 -o 把 {name} 写到别处，例如 -o 桌面上的路径"
            ),
            format!(
                "cannot write in the folder {dir} (read-only or no permission): write {name} elsewhere with -o, e.g. a path on your desktop"
            ),
        )
        .into();
    }
    Said::new(
        format!("无法写入 {}", target.display()),
        format!("could not write {}", target.display()),
    )
    .because(e)
    .into()
}

/// True when a failed rename means another program holds the target open: on Windows
/// ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33) or ERROR_ACCESS_DENIED (5, what
/// Excel's open file gives a replace); elsewhere a busy or permission-denied target.
fn in_use(raw: Option<i32>, kind: std::io::ErrorKind, windows: bool) -> bool {
    if windows {
        matches!(raw, Some(5 | 32 | 33))
    } else {
        matches!(
            kind,
            std::io::ErrorKind::ResourceBusy | std::io::ErrorKind::PermissionDenied
        )
    }
}

/// The note on a stale as-of date (see `compute::stale`), or "" when there is nothing to say.
pub fn stale_as_of(s: &crate::compute::stale::StaleAsOf, lang: Lang) -> String {
    let as_of = s.as_of.format("%Y-%m-%d");
    let mut why = Vec::new();
    if let Some((d, days)) = s.after_last_due {
        why.push(match lang {
            Lang::Zh => format!("晚于所有任务的截止日期（最晚 {d}）{days} 天"),
            Lang::En => format!("{days} days after every task's due date (the latest is {d})"),
        });
    }
    if let Some((d, days)) = s.after_last_expense {
        why.push(match lang {
            Lang::Zh => format!("比最后一笔支出所在月份的月底（{d}）晚 {days} 天"),
            Lang::En => format!("{days} days after the month of the last expense ({d})"),
        });
    }
    if why.is_empty() {
        return String::new();
    }
    match lang {
        Lang::Zh => format!(
            "注意：统计日期 {as_of} {}。如果是补做以前的汇总，请用 --as-of 指定当时的日期，否则未完成的任务都会算作逾期",
            why.join("，并且")
        ),
        Lang::En => format!(
            "note: the as-of date {as_of} is {}. If this summary is for an earlier week, give its date with --as-of, or every open task counts as overdue",
            why.join(", and ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn amounts_in_messages_are_grouped() {
        assert_eq!(amount(Decimal::new(500000000, 2)), "5,000,000");
        assert_eq!(amount(Decimal::new(-123456, 2)), "-1,234.56");
        assert_eq!(amount(Decimal::new(999, 0)), "999");
    }

    #[test]
    fn messages_say_found_and_expected() {
        let k = ProblemKind::Unreadable {
            found: "abc".into(),
            expected: Expected::Money,
        };
        assert!(problem_text(&k, Lang::En).starts_with("\"abc\" is not an amount"));
        assert!(problem_text(&k, Lang::Zh).contains("应为金额"));
    }

    #[test]
    fn an_output_open_in_excel_says_to_close_it() {
        assert!(in_use(Some(32), std::io::ErrorKind::Other, true));
        assert!(in_use(Some(5), std::io::ErrorKind::PermissionDenied, true));
        assert!(!in_use(Some(3), std::io::ErrorKind::NotFound, true));
        let target = std::path::Path::new("周报 汇总.xlsx");
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let err = save_failed(e, SaveStep::Rename, target);
        assert_eq!(
            error_text(&err, Lang::Zh),
            "周报 汇总.xlsx 正在被其他程序打开，无法替换：请在 Excel 或 WPS 中关闭 周报 汇总.xlsx 后重试"
        );
        assert!(
            error_text(&err, Lang::En)
                .contains("close 周报 汇总.xlsx in Excel or WPS and run again")
        );
    }

    #[test]
    fn a_read_only_folder_suggests_another_place() {
        let target = std::path::Path::new("共享/618/汇总.xlsx");
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let err = save_failed(e, SaveStep::Temporary, target);
        let zh = error_text(&err, Lang::Zh);
        assert!(zh.starts_with("无法在文件夹 共享/618 中写入"), "{zh}");
        assert!(zh.contains("-o"), "{zh}");
        assert!(error_text(&err, Lang::En).contains("write 汇总.xlsx elsewhere with -o"));
    }

    #[test]
    fn a_full_disk_reads_the_same_wherever_it_happens() {
        let e = std::io::Error::from_raw_os_error(28);
        assert_eq!(io_text(&e, Lang::Zh), "磁盘空间不足（系统错误 28）");
        assert_eq!(
            io_text(&e, Lang::En),
            "No space left on device (os error 28)"
        );
        let e = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert_eq!(io_text(&e, Lang::Zh), "读取端已关闭");
    }

    #[test]
    fn os_errors_read_in_chinese_with_their_code() {
        let e = std::io::Error::from_raw_os_error(2);
        let err =
            anyhow::Error::new(Said::new("无法读取 a.xlsx", "could not read a.xlsx").because(e));
        let zh = error_text(&err, Lang::Zh);
        assert_eq!(zh, "无法读取 a.xlsx: 找不到该文件或文件夹（系统错误 2）");
        assert!(error_text(&err, Lang::En).starts_with("could not read a.xlsx: "));
    }
}

//! The words of a mapping file (`plantrack.toml`, read in `read::mapping`): the name of each
//! sheet kind and field as a user writes it there, and the lines plantrack offers to paste
//! when it cannot tell a sheet. Kept in the contract because they are names of its kinds and
//! fields: the same table serves the parser, its error messages and the offered lines.

use super::{Field, KindSpec, SheetKind, header_key};
use crate::lang::Lang;
pub use crate::model::SheetHint;

/// What a mapping says a sheet is: one of the kinds, or a sheet to pass over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MappedKind {
    Kind(SheetKind),
    Ignore,
}

/// The kind words of a mapping file, English first (the one written in offered lines), then
/// the Chinese words also accepted.
const KIND_WORDS: &[(MappedKind, &[&str])] = &[
    (
        MappedKind::Kind(SheetKind::Plan),
        &["plan", "tasks", "计划", "任务", "目标拆解", "计划表"],
    ),
    (
        MappedKind::Kind(SheetKind::Weekly),
        &["weekly", "周报", "周度跟踪", "进度跟踪", "周进度"],
    ),
    (
        MappedKind::Kind(SheetKind::Costs),
        &[
            "costs",
            "expenses",
            "ledger",
            "支出",
            "费用",
            "成本",
            "成本支出",
            "费用明细",
        ],
    ),
    (MappedKind::Kind(SheetKind::Budget), &["budget", "预算"]),
    (
        MappedKind::Kind(SheetKind::Risks),
        &["risks", "risk", "风险", "风险预案"],
    ),
    (
        MappedKind::Kind(SheetKind::Metrics),
        &["metrics", "kpi", "指标"],
    ),
    (
        MappedKind::Kind(SheetKind::Holidays),
        &["holidays", "节假日", "假日"],
    ),
    (MappedKind::Ignore, &["ignore", "忽略", "不读"]),
];

/// The kind a mapping's `kind = "..."` names (case, width and spaces ignored).
pub fn kind_named(word: &str) -> Option<MappedKind> {
    let key = header_key(word);
    KIND_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| header_key(w) == key))
        .map(|(k, _)| *k)
}

/// The kind words offered: "plan | weekly | costs | budget | risks | metrics | holidays | ignore".
pub fn kind_words() -> String {
    KIND_WORDS
        .iter()
        .map(|(_, w)| w[0])
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The word a mapping file names a kind by.
pub fn kind_word(kind: SheetKind) -> &'static str {
    KIND_WORDS
        .iter()
        .find(|(k, _)| *k == MappedKind::Kind(kind))
        .map_or("", |(_, w)| w[0])
}

/// The word a mapping file names a kind by, in `lang`: Chinese users are offered the Chinese
/// word, which a mapping accepts as well ("计划", "费用").
pub fn kind_word_in(kind: SheetKind, lang: Lang) -> &'static str {
    let words = KIND_WORDS
        .iter()
        .find(|(k, _)| *k == MappedKind::Kind(kind))
        .map_or(&[][..], |(_, w)| *w);
    match lang {
        Lang::Zh => words.iter().find(|w| !w.is_ascii()).copied(),
        Lang::En => None,
    }
    .unwrap_or_else(|| kind_word(kind))
}

/// The kind words offered in `lang`: "plan | weekly | ..." or "计划 | 周报 | ...".
pub fn kind_words_in(lang: Lang) -> String {
    match lang {
        Lang::En => kind_words(),
        Lang::Zh => KIND_WORDS
            .iter()
            .filter_map(|(_, w)| w.iter().find(|w| !w.is_ascii()).copied())
            .collect::<Vec<_>>()
            .join(" | "),
    }
}

/// A field's name for a kind in `lang`: the mapping name in English, the first Chinese header
/// plantrack knows for it in Chinese (a mapping accepts either: `"跟进人" = "负责人"`).
pub fn field_word_in(kind: SheetKind, field: Field, lang: Lang) -> &'static str {
    match lang {
        Lang::En => field_word(field),
        Lang::Zh => kind
            .fields()
            .iter()
            .find(|s| s.field == field)
            .and_then(|s| s.zh.first().copied())
            .unwrap_or_else(|| field_word(field)),
    }
}

/// The field names of a kind in `lang`, for messages.
pub fn field_words_in(kind: SheetKind, lang: Lang) -> String {
    fields_of(kind)
        .into_iter()
        .map(|f| field_word_in(kind, f, lang))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// A field's name in a mapping file.
pub fn field_word(field: Field) -> &'static str {
    use Field as F;
    match field {
        F::Id => "id",
        F::Goal => "goal",
        F::Stage => "stage",
        F::Task => "task",
        F::Owner => "owner",
        F::Start => "start",
        F::Due => "due",
        F::DoneOn => "done_on",
        F::Deliverable => "deliverable",
        F::Resources => "resources",
        F::Target => "target",
        F::Actual => "actual",
        F::Progress => "progress",
        F::Status => "status",
        F::Predecessors => "predecessors",
        F::Support => "support",
        F::Week => "week",
        F::Planned => "planned",
        F::Deviation => "deviation",
        F::Cause => "cause",
        F::Fix => "fix",
        F::Date => "date",
        F::Category => "category",
        F::Channel => "channel",
        F::Item => "item",
        F::Amount => "amount",
        F::Budget => "budget",
        F::Risk => "risk",
        F::Likelihood => "likelihood",
        F::Impact => "impact",
        F::Response => "response",
        F::Team => "team",
        F::Duration => "duration",
        F::Spent => "spent",
        F::Forecast => "forecast",
        F::Qty => "qty",
        F::UnitPrice => "unit_price",
        F::Metric => "metric",
        F::Unit => "unit",
        F::Base => "base",
        F::Rate => "rate",
        F::WideMetric => "wide_metric",
        F::DayKind => "day_kind",
        F::Occasion => "occasion",
    }
}

/// The fields a mapping may name for a kind, in the contract's order.
pub fn fields_of(kind: SheetKind) -> Vec<Field> {
    kind.fields()
        .iter()
        .map(|s| s.field)
        .filter(|f| *f != Field::WideMetric)
        .collect()
}

/// The field names of a kind, for messages: "id, goal, stage, task, owner, ...".
pub fn field_words(kind: SheetKind) -> String {
    fields_of(kind)
        .into_iter()
        .map(field_word)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the value of a `"header" = "..."` line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnWord {
    /// A field of the kind.
    Field(Field),
    /// "?": not said yet (the offered lines leave it so); the column is left out.
    Unfilled,
    /// "ignore", "-", "": the column is left out on purpose.
    Ignore,
}

/// The field a column line names for a kind: its mapping name ("owner", "done_on") or one of
/// the headers plantrack knows for it ("负责人", "Due date"). None when the kind has no such
/// field.
pub fn column_word(kind: SheetKind, word: &str) -> Option<ColumnWord> {
    let w = word.trim();
    match w {
        "?" | "？" => return Some(ColumnWord::Unfilled),
        "" | "-" | "ignore" | "忽略" | "不读" => return Some(ColumnWord::Ignore),
        _ => {}
    }
    let key = w.to_lowercase().replace([' ', '-'], "_");
    let fields = fields_of(kind);
    if let Some(f) = fields.iter().find(|f| field_word(**f) == key) {
        return Some(ColumnWord::Field(*f));
    }
    super::match_header(kind, w, 0)
        .map(|c| c.field)
        .filter(|f| fields.contains(f))
        .map(ColumnWord::Field)
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The lines to paste into plantrack.toml for a sheet: its file and name, a guessed kind, the
/// header row and a `"header" = "?"` line for each column plantrack could not place, with a
/// comment naming the fields to choose from.
pub fn snippet(hint: &SheetHint, lang: Lang) -> String {
    let mut lines = Vec::new();
    // An entry that names the sheet already is changed: its kind, row and columns only.
    if hint.entry.is_none() {
        lines.push("[[sheet]]".to_string());
        if let Some(file) = &hint.file {
            lines.push(format!("file = {}", toml_string(file)));
        }
        lines.push(format!("name = {}", toml_string(&hint.sheet)));
    }
    let choose = lang.pick("可选", "one of");
    let kinds = kind_words_in(lang);
    match hint.kind {
        Some(k) => lines.push(format!(
            "kind = \"{}\"  # {choose}: {kinds}",
            kind_word_in(k, lang),
        )),
        None => lines.push(format!("kind = \"?\"  # {choose}: {kinds}")),
    }
    lines.push(format!("header_row = {}", hint.header_row));
    if !hint.unmapped.is_empty() {
        lines.push("[sheet.columns]".to_string());
        for h in &hint.unmapped {
            lines.push(format!("{} = \"?\"", toml_string(h)));
        }
        match hint.kind {
            Some(k) => lines.push(format!(
                "# {}: {}",
                lang.pick("字段", "fields"),
                field_words_in(k, lang)
            )),
            None => lines.push(format!(
                "# {}: {}",
                lang.pick("各类型必需的字段", "fields each kind needs"),
                needed_words(lang)
            )),
        }
    }
    lines.join("\n")
}

/// The fields each kind cannot be read without: "plan: task, due; weekly: ..." (in Chinese,
/// "计划：具体任务、完成时间；...").
fn needed_words(lang: Lang) -> String {
    SheetKind::ALL
        .iter()
        .map(|k| {
            let fields: Vec<&str> = super::needed_to_read(*k)
                .iter()
                .map(|f| field_word_in(*k, *f, lang))
                .collect();
            let (colon, comma) = (lang.pick("：", ": "), lang.pick("、", ", "));
            format!("{}{colon}{}", kind_word_in(*k, lang), fields.join(comma))
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_every_kind_is_named_once_and_read_back() {
        for kind in SheetKind::ALL {
            let fields = fields_of(kind);
            for f in &fields {
                assert_eq!(
                    column_word(kind, field_word(*f)),
                    Some(ColumnWord::Field(*f)),
                    "{kind:?} {f:?}"
                );
            }
            let words: Vec<&str> = fields.iter().map(|f| field_word(*f)).collect();
            let mut unique = words.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), words.len(), "{kind:?}");
        }
    }

    #[test]
    fn kinds_are_named_in_english_or_chinese() {
        assert_eq!(kind_named("Plan"), Some(MappedKind::Kind(SheetKind::Plan)));
        assert_eq!(kind_named("计划"), Some(MappedKind::Kind(SheetKind::Plan)));
        assert_eq!(kind_named("费用"), Some(MappedKind::Kind(SheetKind::Costs)));
        assert_eq!(kind_named("忽略"), Some(MappedKind::Ignore));
        assert_eq!(kind_named("gantt"), None);
        for kind in SheetKind::ALL {
            assert_eq!(kind_named(kind_word(kind)), Some(MappedKind::Kind(kind)));
        }
    }

    #[test]
    fn a_column_may_name_its_field_by_a_known_header() {
        assert_eq!(
            column_word(SheetKind::Plan, "负责人"),
            Some(ColumnWord::Field(Field::Owner))
        );
        assert_eq!(
            column_word(SheetKind::Plan, "Done on"),
            Some(ColumnWord::Field(Field::DoneOn))
        );
        assert_eq!(
            column_word(SheetKind::Plan, "?"),
            Some(ColumnWord::Unfilled)
        );
        assert_eq!(column_word(SheetKind::Plan, "amount"), None);
    }

    #[test]
    fn offered_lines_quote_what_needs_quoting() {
        let hint = SheetHint {
            file: Some("团队 \"A\".xlsx".into()),
            sheet: "Sheet1".into(),
            header_row: 4,
            headers: vec!["事项".into(), "跟进人".into()],
            kind: Some(SheetKind::Plan),
            unmapped: vec!["跟进人".into(), "a\\b".into()],
            entry: None,
        };
        let s = snippet(&hint, Lang::En);
        assert!(s.contains("file = \"团队 \\\"A\\\".xlsx\""), "{s}");
        assert!(s.contains("kind = \"plan\""), "{s}");
        assert!(s.contains("header_row = 4"), "{s}");
        assert!(s.contains("\"跟进人\" = \"?\""), "{s}");
        assert!(s.contains("\"a\\\\b\" = \"?\""), "{s}");
    }

    #[test]
    fn the_readme_lists_every_field_of_every_kind() {
        let readme = include_str!("../../README.md");
        for kind in SheetKind::ALL {
            let line = format!("- {}: {}\n", kind_word(kind), field_words(kind));
            assert!(readme.contains(&line), "README lacks {line}");
        }
    }
}

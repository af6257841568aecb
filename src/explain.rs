//! How each table of each workbook was read (`check --explain`, the summary's How read
//! sheet), in words a reviewer who has never seen plantrack can follow: where the table is,
//! what it was taken for and why, which column became which field, what was left out, and
//! which rows were not data.

use crate::compute::calendar::Calendar;
use crate::lang::Lang;
use crate::messages::amount;
use crate::model::{CellRef, GoalFrom, KindBy, SkipWhy, TableNote, TableRead, column_letters};

/// The explanation of every table, as lines (a table's first line is not indented).
/// `calendar` is the one the summary counts working days in (durations are counted in it).
pub fn lines(tables: &[TableRead], lang: Lang, calendar: &Calendar) -> Vec<String> {
    let mut out = Vec::new();
    for t in tables {
        out.extend(table_lines(t, lang, calendar));
    }
    out
}

/// Where a table is: `Sheet!A3:H11`.
pub fn range(t: &TableRead) -> String {
    format!(
        "{}!{}{}:{}{}",
        t.sheet,
        column_letters(t.cols.0),
        t.header_rows.0 + 1,
        column_letters(t.cols.1),
        t.last_row + 1
    )
}

/// One language's half of a "中文 / English" field name.
fn half(both: &str, lang: Lang) -> &str {
    match (both.split_once(" / "), lang) {
        (Some((zh, _)), Lang::Zh) => zh,
        (Some((_, en)), Lang::En) => en,
        (None, _) => both,
    }
}

fn place(at: &CellRef) -> String {
    at.to_string()
}

/// One table's explanation: a first line naming it, then indented details.
pub fn table_lines(t: &TableRead, lang: Lang, calendar: &Calendar) -> Vec<String> {
    let mut out = Vec::new();
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en).to_string();
    let range = range(t);
    let by = match t.kind_by {
        KindBy::Headers => l("按表头", "by its headers"),
        KindBy::SheetName => l("按工作表名", "by the sheet's name"),
        KindBy::FileName => l("按文件名", "by the file's name"),
    };
    let header = if t.header_rows.0 == t.header_rows.1 {
        match lang {
            Lang::Zh => format!("表头第 {} 行", t.header_rows.0 + 1),
            Lang::En => format!("header row {}", t.header_rows.0 + 1),
        }
    } else {
        match lang {
            Lang::Zh => format!("表头第 {}-{} 行", t.header_rows.0 + 1, t.header_rows.1 + 1),
            Lang::En => format!(
                "header rows {}-{}",
                t.header_rows.0 + 1,
                t.header_rows.1 + 1
            ),
        }
    };
    out.push(match lang {
        Lang::Zh => format!(
            "[{}] {range}：{}（{by}），{header}，读出 {} 条",
            t.team,
            t.kind.label(lang),
            t.records
        ),
        Lang::En => format!(
            "[{}] {range}: {} ({by}), {header}, {} records",
            t.team,
            t.kind.label(lang),
            t.records
        ),
    });
    let columns: Vec<String> = t
        .columns
        .iter()
        .map(|(c, h, f)| format!("{} \"{h}\" → {}", column_letters(*c), half(f, lang)))
        .collect();
    out.push(format!(
        "  {}{}",
        l("列：", "columns: "),
        columns.join(lang.pick("；", "; "))
    ));
    if !t.left_out.is_empty() {
        let left: Vec<String> = t
            .left_out
            .iter()
            .map(|(c, h)| format!("{} \"{h}\"", column_letters(*c)))
            .collect();
        out.push(format!(
            "  {}{}",
            l("未读取的列：", "columns left out: "),
            left.join(lang.pick("；", "; "))
        ));
    }
    if let Some((a, b)) = t.timeline {
        out.push(match lang {
            Lang::Zh => format!(
                "  {}-{} 列是时间轴（甘特图），不作为数据读取",
                column_letters(a),
                column_letters(b)
            ),
            Lang::En => format!(
                "  columns {}-{} are a timeline (Gantt chart), not read as data",
                column_letters(a),
                column_letters(b)
            ),
        });
    }
    for note in &t.notes {
        out.push(format!("  {}", note_text(note, lang, calendar)));
    }
    out
}

fn note_text(note: &TableNote, lang: Lang, calendar: &Calendar) -> String {
    match (note, lang) {
        (TableNote::GoalFrom { goal, from }, _) => {
            let from = match from {
                GoalFrom::Title => lang.pick("表格上方的标题", "the title above the table"),
                GoalFrom::SheetName => lang.pick("工作表名", "the sheet's name"),
                GoalFrom::FileName => lang.pick("文件名", "the file's name"),
                GoalFrom::Sections => lang.pick("阶段行", "the section rows"),
            };
            match lang {
                Lang::Zh => format!("没有总目标列：总目标取自{from}：\"{goal}\""),
                Lang::En => format!("no goal column: the goal is {from}, \"{goal}\""),
            }
        }
        (TableNote::Section { at, text, goal }, Lang::Zh) => format!(
            "{}：\"{text}\" 是{}行，不是任务",
            place(at),
            if *goal { "目标" } else { "阶段" }
        ),
        (TableNote::Section { at, text, goal }, Lang::En) => format!(
            "{}: \"{text}\" is a {} row, not a task",
            place(at),
            if *goal { "goal" } else { "stage" }
        ),
        (
            TableNote::Totals {
                at,
                label,
                stated,
                computed,
            },
            Lang::Zh,
        ) => {
            let verdict = if stated == computed {
                "一致".to_string()
            } else if stated.is_zero() {
                format!(
                    "未核对（0 可能是未计算的公式；各行之和为 {}）",
                    amount(*computed)
                )
            } else {
                format!("不一致（plantrack 相加为 {}）", amount(*computed))
            };
            format!(
                "{}：合计行 \"{label}\" 写 {}，未计入；与各行之和{verdict}",
                place(at),
                amount(*stated)
            )
        }
        (
            TableNote::Totals {
                at,
                label,
                stated,
                computed,
            },
            Lang::En,
        ) => {
            let verdict = if stated == computed {
                "matches the rows' sum".to_string()
            } else if stated.is_zero() {
                format!(
                    "is not checked (0 is likely a formula never calculated; the rows add up to {})",
                    amount(*computed)
                )
            } else {
                format!("differs from the rows' sum, {}", amount(*computed))
            };
            format!(
                "{}: totals row \"{label}\" says {}, not added; it {verdict}",
                place(at),
                amount(*stated)
            )
        }
        (TableNote::Skipped { at, why }, _) => {
            let why = match why {
                SkipWhy::Title => lang.pick("标题行", "a title"),
                SkipWhy::Instruction => {
                    lang.pick("填写说明或占位行", "an instruction or placeholder")
                }
                SkipWhy::RepeatedHeader => lang.pick("重复的表头", "a repeated header"),
                SkipWhy::Group => lang.pick(
                    "分组行（其名称用作下方各行的类别）",
                    "a group row (its label is the category of the rows below)",
                ),
            };
            match lang {
                Lang::Zh => format!("{}：跳过，{why}", place(at)),
                Lang::En => format!("{}: skipped, {why}", place(at)),
            }
        }
        (TableNote::MoreSkipped { count }, Lang::Zh) => format!("另有 {count} 行同样跳过"),
        (TableNote::MoreSkipped { count }, Lang::En) => {
            format!("{count} more rows skipped the same way")
        }
        (
            TableNote::DueFromDuration {
                rows,
                working,
                upper_bound,
            },
            Lang::Zh,
        ) => {
            let mut s = format!("{rows} 行的完成时间由开始时间加工期算出");
            if *working > 0 {
                s.push_str(&format!(
                    "，其中 {working} 行的工期按工作日计，工作日历：{}",
                    calendar.describe(lang)
                ));
            }
            if *upper_bound > 0 {
                s.push_str(&format!("，其中 {upper_bound} 行工期为范围，取上限"));
            }
            s
        }
        (
            TableNote::DueFromDuration {
                rows,
                working,
                upper_bound,
            },
            Lang::En,
        ) => {
            let mut s = format!("{rows} due dates computed from the start and the duration");
            if *working > 0 {
                s.push_str(&format!(
                    "; {working} of them in working days, counted in {}",
                    calendar.describe(lang)
                ));
            }
            if *upper_bound > 0 {
                s.push_str(&format!(
                    "; {upper_bound} durations were ranges, their upper bound was taken"
                ));
            }
            s
        }
        (TableNote::QtyTimesPrice { rows }, Lang::Zh) => {
            format!("{rows} 行总价为空，按 数量 × 单价 计算")
        }
        (TableNote::QtyTimesPrice { rows }, Lang::En) => {
            format!("{rows} lines had no total: quantity × unit price was used")
        }
        (TableNote::MergedOnce { rows }, Lang::Zh) => {
            format!("合并单元格中的金额只计一次（跳过 {rows} 行的重复值）")
        }
        (TableNote::MergedOnce { rows }, Lang::En) => {
            format!("amounts in merged cells counted once ({rows} repeats left out)")
        }
        (TableNote::UnitNote { note, columns }, Lang::Zh) => {
            format!("表格上方的 \"{note}\" 用于金额列 {}", columns.join("、"))
        }
        (TableNote::UnitNote { note, columns }, Lang::En) => format!(
            "\"{note}\" above the table applies to the money columns {}",
            columns.join(", ")
        ),
        (TableNote::Periods { count, first, last }, Lang::Zh) => {
            format!("{count} 个期间列（{first} 至 {last} 起）：每行每期一个金额，用于按月统计")
        }
        (TableNote::Periods { count, first, last }, Lang::En) => format!(
            "{count} period columns (starting {first} to {last}): one amount per line and period, used by By month"
        ),
        (
            TableNote::TaskCosts {
                budgets,
                spent,
                estimates,
            },
            Lang::Zh,
        ) => {
            let mut s =
                format!("任务行上的费用：{budgets} 个预算计入预算，{spent} 个实际费用计入支出");
            if *estimates > 0 {
                s.push_str(&format!(
                    "，{estimates} 个预计费用作为团队对所在科目的预计（与 plantrack 算出的预计总支出分列）"
                ));
            }
            s
        }
        (
            TableNote::TaskCosts {
                budgets,
                spent,
                estimates,
            },
            Lang::En,
        ) => {
            let mut s = format!(
                "money on task rows: {budgets} budgets made budget lines, {spent} actual costs counted as spending"
            );
            if *estimates > 0 {
                s.push_str(&format!(
                    ", {estimates} estimated costs kept as the team's estimate of their line (beside plantrack's forecast, not in it)"
                ));
            }
            s
        }
        (TableNote::LineSpent { rows, in_ledger }, Lang::Zh) => {
            let counted = rows - in_ledger;
            let left = if *in_ledger > 0 {
                format!("；{in_ledger} 个未计入（台账已有这些科目的支出，只算一次）")
            } else {
                String::new()
            };
            format!("预算表的实际列：{counted} 个实际金额计入对应预算科目的支出{left}")
        }
        (TableNote::LineSpent { rows, in_ledger }, Lang::En) => {
            let counted = rows - in_ledger;
            let left = if *in_ledger > 0 {
                format!(
                    "; {in_ledger} left out (a ledger holds those lines' spending: counted once)"
                )
            } else {
                String::new()
            };
            format!(
                "the budget's actual column: {counted} amounts counted as spending on their lines{left}"
            )
        }
    }
}

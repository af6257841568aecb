//! The fillable team workbook `plantrack init` writes, from [`crate::template`]'s plain
//! description: an Excel table per sheet (header row 1, so the reader finds it at once, and
//! new rows typed under it inherit its formats), a data validation with an input message on
//! every column, dropdowns fed by the team list, the budget lines, the plan's tasks and the
//! campaign calendar, and conditional formats that flag a late task or a weekly row behind
//! plan while it is being typed.
//!
//! Validations, formats and colours cover [`FORM_ROWS`] rows, past the tables, because
//! LibreOffice does not grow tables; Excel and WPS do. Dropdown lists that grow (the team,
//! the budget lines, the plan's tasks) are `OFFSET(first cell, 0, 0, COUNTA(column))`, so
//! they show the names typed so far and no trailing blanks.

use chrono::NaiveDate;
use rust_xlsxwriter::{
    ConditionalFormatDataBar, ConditionalFormatFormula, ConditionalFormatType, DataValidation,
    DataValidationErrorStyle, DataValidationRule, Format, FormatAlign, Formula, Table, TableColumn,
    TableStyle, Workbook, Worksheet, XlsxError,
};

use super::styles::{DATE_FORMAT, status_colors};
use super::{RenderOptions, Styles, print_setup, set_properties};
use crate::contract::{Field, STATUS_CHOICES, SheetKind};
use crate::lang::Lang;
use crate::model::{TaskStatus, WrittenStatus, column_letters};
use crate::template::{
    Column, DataSheet, FORM_ROWS, Guide, GuideRow, Input, SheetRole, Swatch, Template, Value,
};

/// Builds the team workbook.
///
/// Errors: rust_xlsxwriter refuses a name, a validation or a cell (a bug here, not input).
pub fn template_workbook(t: &Template) -> Result<Workbook, XlsxError> {
    let lang = t.lang;
    let mut wb = Workbook::new();
    let styles = Styles::new(&RenderOptions {
        lang,
        currency: lang.pick("¥", "").to_string(),
    });
    let form = FormStyles::new(&styles);
    set_properties(
        &mut wb,
        lang.pick("plantrack 团队工作簿", "plantrack team workbook"),
        t.start,
    );
    let weeks = guide(wb.add_worksheet(), &t.guide, &styles, &form)?;
    let lists = Lists::new(t, weeks);
    for sheet in &t.sheets {
        data_sheet(wb.add_worksheet(), sheet, &lists, lang, &form)?;
    }
    Ok(wb)
}

/// The cell formats of the form, beyond the summary's.
struct FormStyles {
    text: Format,
    date: Format,
    quantity: Format,
    money: Format,
    percent: Format,
    deviation: Format,
    required_header: Format,
    optional_header: Format,
    late: Format,
    behind: Format,
    guide_label: Format,
    guide_text: Format,
}

impl FormStyles {
    fn new(st: &Styles) -> FormStyles {
        let base = st.base.clone().set_align(FormatAlign::VerticalCenter);
        let (late_fill, late_font, _) = status_colors(TaskStatus::Overdue);
        let (behind_fill, behind_font, _) = status_colors(TaskStatus::AtRisk);
        FormStyles {
            date: base
                .clone()
                .set_num_format(DATE_FORMAT)
                .set_align(FormatAlign::Center),
            quantity: base.clone().set_num_format("#,##0"),
            money: base.clone().set_num_format(st.money_format()),
            percent: base.clone().set_num_format("0%"),
            deviation: base.clone().set_num_format("0.0%"),
            required_header: st.header.clone(),
            optional_header: st
                .header
                .clone()
                .set_background_color(0xD9E1F2)
                .set_font_color(0x1F3864),
            late: Format::new()
                .set_background_color(late_fill)
                .set_font_color(late_font),
            behind: Format::new()
                .set_background_color(behind_fill)
                .set_font_color(behind_font),
            guide_label: st.label.clone().set_align(FormatAlign::Top).set_text_wrap(),
            guide_text: st.base.clone().set_align(FormatAlign::Top).set_text_wrap(),
            text: base,
        }
    }

    fn cell(&self, input: &Input) -> &Format {
        match input {
            Input::Date { .. } | Input::Week => &self.date,
            Input::Quantity => &self.quantity,
            Input::Budget | Input::Amount => &self.money,
            Input::Share { min, .. } if *min < 0.0 => &self.deviation,
            Input::Share { .. } => &self.percent,
            Input::Text
            | Input::Choice(_)
            | Input::Member
            | Input::BudgetLine
            | Input::PlanTask
            | Input::MemberName
            | Input::Suggest(_) => &self.text,
        }
    }
}

/// The sources of the dropdowns, as formulas.
struct Lists {
    members: String,
    budget_lines: String,
    plan_tasks: String,
    weeks: String,
    team_sheet: String,
    budget_sheet: String,
    plan_sheet: String,
}

impl Lists {
    fn new(t: &Template, weeks: String) -> Lists {
        let find = |role: SheetRole| t.sheets.iter().find(|s| s.role == role);
        let grow = |sheet: Option<&DataSheet>, col: Option<u16>| match (sheet, col) {
            (Some(s), Some(c)) => growing_list(&s.name, c),
            _ => String::new(),
        };
        let team = find(SheetRole::Team);
        let budget = find(SheetRole::Data(SheetKind::Budget));
        let plan = find(SheetRole::Data(SheetKind::Plan));
        let name = |s: Option<&DataSheet>| s.map(|s| s.name.clone()).unwrap_or_default();
        Lists {
            members: grow(team, Some(0)),
            budget_lines: grow(budget, budget.and_then(|s| s.col(Field::Category))),
            plan_tasks: grow(plan, plan.and_then(|s| s.col(Field::Task))),
            weeks,
            team_sheet: name(team),
            budget_sheet: name(budget),
            plan_sheet: name(plan),
        }
    }
}

/// A sheet name quoted for a formula: `'成员'`.
fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// The filled cells of a column from row 2 down: a list that grows as names are typed.
fn growing_list(sheet: &str, col: u16) -> String {
    let (s, c) = (quoted(sheet), column_letters(u32::from(col)));
    format!("OFFSET({s}!${c}$2,0,0,MAX(1,COUNTA({s}!${c}$2:${c}${FORM_ROWS})),1)")
}

fn data_sheet(
    ws: &mut Worksheet,
    sheet: &DataSheet,
    lists: &Lists,
    lang: Lang,
    st: &FormStyles,
) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let last_col = sheet.columns.len().saturating_sub(1) as u16;
    let columns: Vec<TableColumn> = sheet
        .columns
        .iter()
        .map(|c| {
            let header = if c.required {
                &st.required_header
            } else {
                &st.optional_header
            };
            TableColumn::new()
                .set_header(&c.header)
                .set_header_format(header)
                .set_format(st.cell(&c.input))
        })
        .collect();
    let table = Table::new()
        .set_name(sheet.table)
        .set_style(TableStyle::Light1)
        .set_columns(&columns);
    ws.add_table(0, 0, sheet.table_rows, last_col, &table)?;
    for (i, c) in sheet.columns.iter().enumerate() {
        let col = i as u16;
        ws.set_column_width(col, c.width)?;
        ws.set_column_format(col, st.cell(&c.input))?;
        let dv = validation(sheet, c, col, lists, lang)?;
        ws.add_data_validation(1, col, FORM_ROWS - 1, col, &dv)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            let (r, col) = (r as u32 + 1, c as u16);
            let f = st.cell(&sheet.columns[c].input);
            match value {
                Some(Value::Text(s)) => ws.write_string_with_format(r, col, s, f)?,
                Some(Value::Number(n)) => ws.write_number_with_format(r, col, *n, f)?,
                Some(Value::Date(d)) => ws.write_datetime_with_format(r, col, d, f)?,
                None => continue,
            };
        }
    }
    highlights(ws, sheet, lang, st)?;
    ws.set_row_height(0, 30)?;
    ws.set_freeze_panes(1, sheet.frozen_cols)?;
    print_setup(ws, 0);
    Ok(())
}

/// The data validation of a column: what it accepts, its input message, and what the error
/// dialog says.
fn validation(
    sheet: &DataSheet,
    c: &Column,
    col: u16,
    lists: &Lists,
    lang: Lang,
) -> Result<DataValidation, XlsxError> {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en).to_string();
    // Formulas are relative to the range's first cell, in row 2.
    let here = column_letters(u32::from(col));
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date");
    let last = NaiveDate::from_ymd_opt(2099, 12, 31).expect("valid date");
    let warn = DataValidationErrorStyle::Warning;
    let stop = DataValidationErrorStyle::Stop;
    let (dv, error): (
        DataValidation,
        Option<(String, String, DataValidationErrorStyle)>,
    ) = match &c.input {
        Input::Text => (DataValidation::new().allow_any_value(), None),
        Input::Date { not_before: None } => (
            DataValidation::new().allow_date(DataValidationRule::Between(first, last)),
            Some((
                l("不是日期", "Not a date"),
                l(
                    "请按 年-月-日 输入日期，如 2026-11-02。",
                    "Type a date as year-month-day, e.g. 2026-11-02.",
                ),
                stop,
            )),
        ),
        Input::Date {
            not_before: Some(field),
        } => {
            let start = sheet.col(*field).map(|s| column_letters(u32::from(s)));
            let low = match start {
                Some(s) => Formula::new(format!("MAX(DATE(2000,1,1),${s}2)")),
                None => Formula::new("DATE(2000,1,1)"),
            };
            (
                DataValidation::new().allow_date_formula(DataValidationRule::Between(
                    low,
                    Formula::new("DATE(2099,12,31)"),
                )),
                Some((
                    l("日期不对", "Not a valid date"),
                    l(
                        "请按 年-月-日 输入日期，如 2026-11-30，且不早于开始时间。",
                        "Type a date as year-month-day, e.g. 2026-11-30, not before the start.",
                    ),
                    stop,
                )),
            )
        }
        Input::Week => (
            DataValidation::new().allow_list_formula(Formula::new(&lists.weeks)),
            Some((
                l("不在活动日历中", "Not a campaign week"),
                l(
                    "这不是活动日历中的周一。仍要保留吗？",
                    "This is not a Monday of the campaign calendar. Keep it anyway?",
                ),
                warn,
            )),
        ),
        Input::Quantity | Input::Budget => (
            DataValidation::new()
                .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
            Some((
                l("不是数字", "Not a number"),
                l(
                    "请输入不小于 0 的数字，如 1500000（不写“万”）。",
                    "Type a number of 0 or more, e.g. 1500000.",
                ),
                stop,
            )),
        ),
        Input::Amount => (
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(-1e12, 1e12)),
            Some((
                l("不是金额", "Not an amount"),
                l(
                    "请输入数字，如 25000；退款填负数，如 -2000。",
                    "Type a number, e.g. 25000; a refund is negative, e.g. -2000.",
                ),
                stop,
            )),
        ),
        Input::Share { min, max } => {
            let rule = match max {
                Some(max) => DataValidationRule::Between(*min, *max),
                None => DataValidationRule::GreaterThanOrEqualTo(*min),
            };
            let message = if max.is_some() {
                l(
                    "请输入 0% 到 100% 之间的百分比，如 80%。",
                    "Type a percentage from 0% to 100%, e.g. 80%.",
                )
            } else {
                l(
                    "请输入百分比，如 -20%（不低于 -100%）。",
                    "Type a percentage, e.g. -20% (not below -100%).",
                )
            };
            (
                DataValidation::new().allow_decimal_number(rule),
                Some((l("不是百分比", "Not a percentage"), message, stop)),
            )
        }
        Input::Choice(words) => (
            DataValidation::new().allow_list_strings(words)?,
            Some((
                l("请从下拉中选择", "Pick from the list"),
                match lang {
                    Lang::Zh => format!("请从下拉列表中选择：{}。", words.join("、")),
                    Lang::En => format!("Pick one of: {}.", words.join(", ")),
                },
                stop,
            )),
        ),
        Input::Suggest(words) => (
            DataValidation::new().allow_list_strings(words)?,
            Some((
                l("不在常用选项中", "Not one of the usual words"),
                l(
                    "这不是下拉中的常用写法，仍会照填写的内容读取。仍要保留吗？",
                    "Not one of the listed words; it is read as typed. Keep it anyway?",
                ),
                warn,
            )),
        ),
        Input::Member => (
            DataValidation::new().allow_list_formula(Formula::new(&lists.members)),
            Some((
                l("不在成员名单中", "Not on the team list"),
                match lang {
                    Lang::Zh => {
                        format!("请从下拉中选一人；新成员请先加到“{}”表。", lists.team_sheet)
                    }
                    Lang::En => format!(
                        "Pick one name from the list; add new people to the {} sheet first.",
                        lists.team_sheet
                    ),
                },
                stop,
            )),
        ),
        Input::BudgetLine => (
            DataValidation::new().allow_list_formula(Formula::new(&lists.budget_lines)),
            Some((
                l("不在预算中", "Not a budget line"),
                match lang {
                    Lang::Zh => format!(
                        "“{}”表中没有这个科目，这笔支出会单列为无预算。仍要保留吗？",
                        lists.budget_sheet
                    ),
                    Lang::En => format!(
                        "The {} sheet has no such line; this spending will show as unbudgeted. Keep it anyway?",
                        lists.budget_sheet
                    ),
                },
                warn,
            )),
        ),
        Input::PlanTask => (
            DataValidation::new().allow_list_formula(Formula::new(&lists.plan_tasks)),
            Some((
                l("计划中没有这个任务", "Not a task of the plan"),
                match lang {
                    Lang::Zh => format!(
                        "“{}”表中没有这个任务名称（写任务编号也可以）。仍要保留吗？",
                        lists.plan_sheet
                    ),
                    Lang::En => format!(
                        "The {} sheet has no task by this name (an ID is fine too). Keep it anyway?",
                        lists.plan_sheet
                    ),
                },
                warn,
            )),
        ),
        Input::MemberName => {
            // Once in the column, and none of the separators that make several owners.
            let separators: String = ["/", "、", ",", "，", ";", "&"]
                .iter()
                .map(|s| format!(",ISERROR(FIND(\"{s}\",{here}2))"))
                .collect();
            let rule = Formula::new(format!(
                "AND(COUNTIF(${here}$2:${here}${FORM_ROWS},{here}2)=1{separators})"
            ));
            (
                DataValidation::new().allow_custom(rule),
                Some((
                    l("名称重复或含分隔符", "Repeated or several names"),
                    l(
                        "这个名称已经有了，或含有 / 、 , ; & 等分隔符：一行只写一个人或一个团队。",
                        "This name is already listed, or holds a separator (/ , ; &): one person or team per row.",
                    ),
                    stop,
                )),
            )
        }
    };
    let mut dv = dv.set_input_title(&c.title)?.set_input_message(&c.prompt)?;
    if let Some((title, message, style)) = error {
        dv = dv
            .set_error_title(title)?
            .set_error_message(message)?
            .set_error_style(style);
    }
    Ok(dv)
}

/// Colours that help while typing: a late task's due date turns red; a weekly row behind
/// plan without cause or fix turns amber; progress shows as a bar.
fn highlights(
    ws: &mut Worksheet,
    sheet: &DataSheet,
    lang: Lang,
    st: &FormStyles,
) -> Result<(), XlsxError> {
    let letter = |f: Field| sheet.col(f).map(|c| column_letters(u32::from(c)));
    let last_row = FORM_ROWS - 1;
    match sheet.role {
        SheetRole::Data(SheetKind::Plan) => {
            let (Some(due_col), Some(due), Some(done_on), Some(progress), Some(status)) = (
                sheet.col(Field::Due),
                letter(Field::Due),
                letter(Field::DoneOn),
                letter(Field::Progress),
                letter(Field::Status),
            ) else {
                return Ok(());
            };
            // Overdue as `report` judges it: past due, not done by status, date or progress,
            // and not cancelled.
            let word = |meaning: WrittenStatus| {
                STATUS_CHOICES
                    .iter()
                    .find(|(m, _, _)| *m == meaning)
                    .map(|(_, zh, en)| lang.pick(zh, en))
                    .unwrap_or_default()
            };
            let rule = format!(
                "AND(ISNUMBER(${due}2),${due}2<TODAY(),LEN(${done_on}2)=0,N(${progress}2)<1,\
                 ${status}2<>\"{}\",${status}2<>\"{}\")",
                word(WrittenStatus::Done),
                word(WrittenStatus::Cancelled)
            );
            let late = ConditionalFormatFormula::new()
                .set_rule(rule.as_str())
                .set_format(&st.late);
            ws.add_conditional_format(1, due_col, last_row, due_col, &late)?;
            if let Some(col) = sheet.col(Field::Progress) {
                let bar = ConditionalFormatDataBar::new()
                    .set_minimum(ConditionalFormatType::Number, 0)
                    .set_maximum(ConditionalFormatType::Number, 1)
                    .set_fill_color(0x9BC2E6);
                ws.add_conditional_format(1, col, last_row, col, &bar)?;
            }
        }
        SheetRole::Data(SheetKind::Weekly) => {
            let (Some(plan), Some(actual), Some(deviation), Some(cause), Some(fix)) = (
                letter(Field::Planned),
                letter(Field::Actual),
                letter(Field::Deviation),
                letter(Field::Cause),
                letter(Field::Fix),
            ) else {
                return Ok(());
            };
            // Behind plan: both numbers and actual below plan, or a negative deviation typed
            // (plan and actual written as text, "发布笔记10篇", leave only the latter).
            let rule = format!(
                "AND(OR(LEN(TRIM(${cause}2))=0,LEN(TRIM(${fix}2))=0),\
                 OR(AND(ISNUMBER(${plan}2),ISNUMBER(${actual}2),${actual}2<${plan}2),\
                 AND(ISNUMBER(${deviation}2),${deviation}2<0)))"
            );
            let behind = ConditionalFormatFormula::new()
                .set_rule(rule.as_str())
                .set_format(&st.behind);
            let last_col = sheet.columns.len().saturating_sub(1) as u16;
            ws.add_conditional_format(1, 0, last_row, last_col, &behind)?;
        }
        _ => {}
    }
    Ok(())
}

/// Writes the instructions sheet; returns the calendar's Monday cells as a formula range,
/// the source of the Weekly sheet's week dropdown.
fn guide(
    ws: &mut Worksheet,
    g: &Guide,
    st: &Styles,
    form: &FormStyles,
) -> Result<String, XlsxError> {
    const WIDTHS: [f64; 3] = [18.0, 46.0, 64.0];
    ws.set_name(g.name)?;
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.write_string_with_format(0, 0, &g.title, &st.title)?;
    ws.set_row_height(0, 26)?;
    ws.write_string_with_format(1, 0, &g.subtitle, &st.subtitle)?;
    let mut r = 3u32;
    let heading = |ws: &mut Worksheet, r: u32, text: &str| -> Result<(), XlsxError> {
        ws.write_string_with_format(r, 0, text, &st.section)?;
        ws.write_blank(r, 1, &st.section)?;
        ws.write_blank(r, 2, &st.section)?;
        ws.set_row_height(r, 20)?;
        Ok(())
    };
    let header = |ws: &mut Worksheet, r: u32, cells: &[String; 3]| -> Result<(), XlsxError> {
        for (c, text) in cells.iter().enumerate() {
            ws.write_string_with_format(r, c as u16, text, &st.header)?;
        }
        Ok(())
    };
    for section in &g.sections {
        heading(ws, r, &section.heading)?;
        r += 1;
        if let Some(cells) = &section.header {
            header(ws, r, cells)?;
            r += 1;
        }
        for row in &section.rows {
            let lines = match row {
                GuideRow::Line { label, text } => {
                    ws.write_string_with_format(r, 0, label, &form.guide_label)?;
                    ws.merge_range(r, 1, r, 2, text, &form.guide_text)?;
                    lines_of(text, WIDTHS[1] + WIDTHS[2]).max(lines_of(label, WIDTHS[0]))
                }
                GuideRow::Cells(cells) => {
                    ws.write_string_with_format(r, 0, &cells[0], &form.guide_label)?;
                    ws.write_string_with_format(r, 1, &cells[1], &form.guide_text)?;
                    ws.write_string_with_format(r, 2, &cells[2], &form.guide_text)?;
                    lines_of(&cells[1], WIDTHS[1]).max(lines_of(&cells[2], WIDTHS[2]))
                }
                GuideRow::Swatch {
                    swatch,
                    sample,
                    text,
                } => {
                    let f = match swatch {
                        Swatch::RequiredHeader => &form.required_header,
                        Swatch::OptionalHeader => &form.optional_header,
                        Swatch::Late => &form.late,
                        Swatch::Behind => &form.behind,
                    };
                    let f = f
                        .clone()
                        .set_font_name(st.font)
                        .set_font_size(10)
                        .set_align(FormatAlign::Top);
                    ws.write_string_with_format(r, 0, sample, &f)?;
                    ws.merge_range(r, 1, r, 2, text, &form.guide_text)?;
                    lines_of(text, WIDTHS[1] + WIDTHS[2])
                }
            };
            ws.set_row_height(r, 14.0 * f64::from(lines) + 4.0)?;
            r += 1;
        }
        r += 1;
    }
    heading(ws, r, &g.calendar.heading)?;
    r += 1;
    header(ws, r, &g.calendar.header)?;
    r += 1;
    let first = r;
    let calendar_date = st.date.clone().set_align(FormatAlign::Left);
    for (label, monday, sunday) in &g.calendar.weeks {
        ws.write_string_with_format(r, 0, label, &st.text)?;
        ws.write_datetime_with_format(r, 1, monday, &calendar_date)?;
        ws.write_datetime_with_format(r, 2, sunday, &calendar_date)?;
        r += 1;
    }
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    Ok(format!(
        "{}!$B${}:$B${}",
        quoted(g.name),
        first + 1,
        r.max(first + 1)
    ))
}

/// Lines a wrapped text takes in a column `width` characters wide, at 10 points: a Latin
/// character takes about 0.8 of a width unit, a CJK character about 1.7.
fn lines_of(text: &str, width: f64) -> u32 {
    text.split('\n')
        .map(|line| {
            let w: f64 = line
                .chars()
                .map(|c| if c.is_ascii() { 0.8 } else { 1.7 })
                .sum();
            (w / width).ceil().max(1.0) as u32
        })
        .sum()
}

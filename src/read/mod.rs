//! Workbook -> typed rows with their cell positions.
//!
//! For each sheet: recognise its kind by name or by its header row, find the header row among
//! the top rows, map columns to fields, then read each data row into a record. Cell problems
//! become [`Problem`]s and the row's other values still count; only a file that cannot be
//! read at all is a [`ReadError`].

mod cells;
mod delimited;
mod errors;
pub mod limits;
mod merges;
pub mod metrics;
pub mod notes;
pub mod previous;
pub mod records;
pub mod source;
mod tables;

use std::collections::HashSet;
use std::io::{Read, Seek};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::contract::{Field, HeaderMap, SheetKind, is_guide_sheet, kind_from_name};
use crate::lang::Lang;
use crate::model::{
    BudgetLine, Dataset, Expense, PlanRow, Problem, ProblemKind, Risk, TableNote, TableRead,
    TeamDay, WeeklyRow,
};
pub use crate::model::{FileKind, ReadError};
use records::RecordSink;
use source::Book;
use tables::{SheetCtx, SheetRead};

const WORKBOOK_EXTENSIONS: [&str; 6] = ["xlsx", "xlsm", "xlsb", "xls", "ods", "csv"];

fn is_hidden_or_lock(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.starts_with("~$"))
}

fn is_lock_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("~$") || (n.starts_with(".~lock.") && n.ends_with('#')))
}

fn is_workbook_name(path: &Path) -> bool {
    let ext_ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| WORKBOOK_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    ext_ok && !is_hidden_or_lock(path)
}

/// Expands the command-line inputs: a directory means every workbook directly inside it
/// (sorted by name; lock files `~$*` and hidden files skipped). Inputs that cannot be used
/// come back as errors beside the usable paths.
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, ReadError)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let numbers_bundle = input
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("numbers"));
        if input.is_dir() && numbers_bundle {
            errors.push((input.clone(), ReadError::NotAWorkbook(FileKind::Numbers)));
        } else if input.is_dir() {
            let entries: Vec<PathBuf> = std::fs::read_dir(input)
                .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            let mut found: Vec<PathBuf> = entries
                .iter()
                .filter(|p| p.is_file() && is_workbook_name(p))
                .cloned()
                .collect();
            found.sort();
            let odd = source::not_files(entries.iter().filter(|p| is_workbook_name(p)));
            if !odd.is_empty() {
                errors.push((input.clone(), ReadError::NotFiles(odd)));
            }
            if found.is_empty() {
                let mut others: Vec<String> = entries
                    .iter()
                    .filter(|p| !is_hidden_or_lock(p))
                    .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .collect();
                others.sort();
                others.truncate(5);
                errors.push((input.clone(), ReadError::EmptyDirectory { others }));
            }
            files.extend(found);
        } else if !input.exists() {
            errors.push((input.clone(), ReadError::Missing));
        } else if is_lock_file(input) {
            errors.push((input.clone(), ReadError::NotAWorkbook(FileKind::Lock)));
        } else if let Some(what) = source::not_a_file(input) {
            errors.push((input.clone(), ReadError::NotAFile(what)));
        } else {
            files.push(input.clone());
        }
    }
    (source::once_each(files), errors)
}

/// The lock file Excel, WPS or LibreOffice keeps beside a workbook while it is open, if there
/// is one: the file may hold changes not yet saved, which plantrack cannot see.
pub fn lock_file_beside(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let dir = path.parent().unwrap_or(Path::new(""));
    // Excel and WPS: "~$" + name; for long names Word-style "~$" + name less two characters.
    let short: String = name.chars().skip(2).collect();
    [
        format!("~${name}"),
        format!("~${short}"),
        format!(".~lock.{name}#"),
    ]
    .into_iter()
    .map(|lock| dir.join(lock))
    .find(|lock| lock.is_file())
}

/// The warning for a workbook with a lock file beside it, as one line.
pub fn lock_file_warning(lock: &Path, lang: Lang) -> String {
    let lock = lock
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match lang {
        Lang::Zh => format!(
            "警告：旁边有 {lock}，工作簿可能正在 Excel、WPS 或 LibreOffice 中打开，未保存的修改不会被读取"
        ),
        Lang::En => format!(
            "warning: {lock} is beside it, so the workbook may be open in Excel, WPS or LibreOffice: changes not yet saved are not read"
        ),
    }
}

/// The team a workbook stands for: its file stem.
pub fn team_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What was learnt about a workbook besides its records.
#[derive(Debug, Default)]
pub struct WorkbookInfo {
    pub team: String,
    pub problems: Vec<Problem>,
    pub lang: Option<Lang>,
    pub currency: Option<String>,
    /// Each sheet and the kind it was read as (None: ignored).
    pub sheets: Vec<(String, Option<SheetKind>)>,
    /// How each table was read.
    pub tables: Vec<TableRead>,
}

impl RecordSink for Dataset {
    fn plan(&mut self, row: PlanRow) {
        self.plan.push(row);
    }
    fn weekly(&mut self, row: WeeklyRow) {
        self.weekly.push(row);
    }
    fn expense(&mut self, row: Expense) {
        self.expenses.add(&row);
    }
    fn budget(&mut self, row: BudgetLine) {
        self.budget.push(row);
    }
    fn risk(&mut self, row: Risk) {
        self.risks.push(row);
    }
    fn metric(&mut self, row: crate::model::MetricRow) {
        self.metrics.push(row);
    }
    fn team_day(&mut self, row: TeamDay) {
        self.holidays.push(row);
    }
}

/// Reads a whole workbook into a [`Dataset`].
///
/// Errors: the file cannot be read at all (see [`ReadError`]).
pub fn read_dataset(path: &Path, as_of: NaiveDate) -> Result<Dataset, ReadError> {
    let mut data = Dataset::default();
    let info = read_workbook(path, as_of, &mut data)?;
    Ok(data.with_info(info))
}

/// Reads a workbook held in memory, as [`read_dataset`] does a file (for the fuzz targets).
///
/// Errors: as [`read_dataset`].
pub fn read_bytes(bytes: &[u8], team: &str, as_of: NaiveDate) -> Result<Dataset, ReadError> {
    guarded(|| {
        let mut data = Dataset::default();
        let book = source::open_reader(std::io::Cursor::new(bytes))?;
        let info = read_book(book, team.to_string(), as_of, &mut data)?;
        Ok(data.with_info(info))
    })
}

impl Dataset {
    fn with_info(mut self, info: WorkbookInfo) -> Dataset {
        self.teams.push(info.team.clone());
        self.problems = info.problems;
        self.detected_lang = info.lang;
        self.currencies.push((info.team, info.currency, info.lang));
        self.tables = info.tables;
        self
    }
}

thread_local! {
    /// Set while this thread reads a workbook, so a panic in the reader is reported once, as
    /// the file's error, rather than by the default hook as well.
    static IN_GUARDED_READ: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static PANIC_PLACE: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Installs a panic hook that stays quiet for panics inside a guarded read (they become the
/// file's one-line error) and leaves every other panic to the default hook.
pub fn quiet_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if IN_GUARDED_READ.with(|g| g.get()) {
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", short_source_path(l.file()), l.line()))
                .unwrap_or_default();
            PANIC_PLACE.with(|p| *p.borrow_mut() = place);
        } else {
            default(info);
        }
    }));
}

/// A source path from the cargo registry shortened to the crate ("calamine-0.38.0/src/xls.rs").
fn short_source_path(file: &str) -> &str {
    match file.find("/registry/src/") {
        Some(i) => {
            let rest = &file[i + "/registry/src/".len()..];
            rest.split_once('/')
                .map_or(rest, |(_, crate_path)| crate_path)
        }
        None => file,
    }
}

/// Runs a read so that a panic inside calamine (or plantrack's reader) fails this one file
/// with [`ReadError::ReaderFailed`] instead of ending the whole run.
pub(crate) fn guarded<T>(read: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    let was = IN_GUARDED_READ.with(|g| g.replace(true));
    let result = catch_unwind(AssertUnwindSafe(read));
    IN_GUARDED_READ.with(|g| g.set(was));
    result.unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        let place = PANIC_PLACE.with(|p| std::mem::take(&mut *p.borrow_mut()));
        Err(ReadError::ReaderFailed(format!("{what}{place}")))
    })
}

/// Streams every recognised sheet of a workbook into `sink`. A panic inside the reader, or a
/// sheet that breaks part-way, fails this file alone (see [`ReadError::ReaderFailed`]); the
/// records already passed to `sink` are then the caller's to drop.
///
/// Errors: the file cannot be opened, or no sheet is recognised.
pub fn read_workbook(
    path: &Path,
    as_of: NaiveDate,
    sink: &mut dyn RecordSink,
) -> Result<WorkbookInfo, ReadError> {
    guarded(|| {
        let book = source::open(path)?;
        read_book(book, team_name(path), as_of, sink)
    })
}

/// Streams every recognised sheet of an open workbook into `sink`; `team` names its rows.
///
/// Errors: no sheet is recognised.
pub fn read_book<RS: Read + Seek + Send>(
    mut book: Book<RS>,
    team: String,
    as_of: NaiveDate,
    sink: &mut dyn RecordSink,
) -> Result<WorkbookInfo, ReadError> {
    if let Some(kind) = book.own_output() {
        return Err(ReadError::OwnOutput(kind));
    }
    let mut info = WorkbookInfo {
        team,
        ..WorkbookInfo::default()
    };
    let mut langs = (0usize, 0usize);
    let names = book.sheet_names();
    let team = info.team.clone();
    let ctx = SheetCtx {
        team: &team,
        as_of,
        file_kind: kind_from_name(&team),
    };
    // Cost tables are read last (see `RecordSink`): the first pass stops at their header.
    let mut deferred: Vec<SheetRead<'_>> = Vec::new();
    let mut task_expenses = Vec::new();
    let mut line_spent: Vec<Expense> = Vec::new();
    for name in &names {
        // The instructions and team list `init` writes hold no records and need no notice.
        if is_guide_sheet(name) {
            info.sheets.push((name.clone(), None));
            continue;
        }
        let mut sheet = SheetRead::new(name, ctx);
        book.for_each_row(name, |row| sheet.row(row, sink, true))
            .map_err(|e| broke_at(name, e))?;
        let kind = sheet.finish(sink, true);
        for map in &sheet.maps {
            match map.lang() {
                Some(Lang::Zh) => langs.0 += 1,
                Some(Lang::En) => langs.1 += 1,
                None => {}
            }
            if info.currency.is_none() {
                info.currency = currency_of(map).or_else(|| sheet.currency.clone());
            }
        }
        info.problems.append(&mut sheet.problems);
        info.tables.append(&mut sheet.tables);
        task_expenses.append(&mut sheet.task_expenses);
        line_spent.append(&mut sheet.line_spent);
        info.sheets.push((name.clone(), kind));
        if let Some(resumed) = sheet.resume() {
            deferred.push(resumed);
        }
    }
    if info.sheets.iter().all(|(_, k)| k.is_none()) {
        let missing: Vec<Problem> = info
            .problems
            .iter()
            .filter(|p| {
                matches!(
                    p.kind,
                    ProblemKind::MissingColumn { .. } | ProblemKind::DrawnGantt { .. }
                )
            })
            .cloned()
            .collect();
        if !missing.is_empty() {
            return Err(ReadError::MissingColumns(missing));
        }
        let found = info.sheets.iter().map(|(n, _)| n.clone()).collect();
        return Err(ReadError::NoRecognisedSheet { found });
    }
    info.lang = match langs {
        (0, 0) => None,
        (zh, en) if zh >= en => Some(Lang::Zh),
        _ => Some(Lang::En),
    };
    sink.before_expenses(&info);
    let mut ledger = LedgerLines {
        sink,
        lines: HashSet::new(),
    };
    let sink = &mut ledger;
    for e in task_expenses {
        sink.expense(e);
    }
    for mut sheet in deferred {
        book.for_each_row(sheet.name, |row| sheet.row(row, sink, false))
            .map_err(|e| broke_at(sheet.name, e))?;
        sheet.finish(sink, false);
        info.problems.append(&mut sheet.problems);
        if info.currency.is_none() {
            info.currency = sheet.currency.take();
        }
        info.tables.append(&mut sheet.tables);
        for e in std::mem::take(&mut sheet.task_expenses) {
            sink.expense(e);
        }
    }
    let ledger_lines = std::mem::take(&mut ledger.lines);
    for e in line_spent {
        if ledger_lines.contains(&(e.team.clone(), e.category.clone())) {
            let note = info.tables.iter_mut().rev().find(|t| {
                t.sheet == e.row.sheet
                    && (t.cols.0..=t.cols.1).contains(&e.row.col)
                    && t.header_rows.1 < e.row.row
            });
            if let Some(TableNote::LineSpent { in_ledger, .. }) = note.and_then(|t| {
                t.notes
                    .iter_mut()
                    .find(|n| matches!(n, TableNote::LineSpent { .. }))
            }) {
                *in_ledger += 1;
            }
            continue;
        }
        ledger.sink.expense(e);
    }
    info.tables.sort_by_key(|t| {
        (
            names.iter().position(|n| *n == t.sheet),
            t.header_rows.0,
            t.cols.0,
        )
    });
    Ok(info)
}

/// A sheet that breaks part-way fails its whole file: the records already passed to the
/// sink are dropped by the caller (a file is read whole or not at all, never a total over
/// part of it). The error names the sheet.
fn broke_at(sheet: &str, e: ReadError) -> ReadError {
    match e {
        ReadError::Damaged(why) => ReadError::Damaged(format!("{sheet}: {why}")),
        ReadError::Unreadable(why) => ReadError::Unreadable(format!("{sheet}: {why}")),
        other => other,
    }
}

fn currency_of(map: &HeaderMap) -> Option<String> {
    [Field::Amount, Field::Budget]
        .iter()
        .filter_map(|f| map.column(*f))
        .find_map(|c| c.unit.as_ref().and_then(|u| u.currency.clone()))
}

/// Passes records on, noting the budget lines that ledger rows (and task rows) spend on.
struct LedgerLines<'s> {
    sink: &'s mut dyn RecordSink,
    lines: HashSet<(String, String)>,
}

impl RecordSink for LedgerLines<'_> {
    fn plan(&mut self, row: PlanRow) {
        self.sink.plan(row)
    }
    fn weekly(&mut self, row: WeeklyRow) {
        self.sink.weekly(row)
    }
    fn expense(&mut self, row: Expense) {
        self.lines.insert((row.team.clone(), row.category.clone()));
        self.sink.expense(row)
    }
    fn budget(&mut self, row: BudgetLine) {
        self.sink.budget(row)
    }
    fn risk(&mut self, row: Risk) {
        self.sink.risk(row)
    }
    fn metric(&mut self, row: crate::model::MetricRow) {
        self.sink.metric(row)
    }
    fn team_day(&mut self, row: crate::model::TeamDay) {
        self.sink.team_day(row)
    }
    fn wants(&self, kind: SheetKind) -> bool {
        self.sink.wants(kind)
    }
    fn before_expenses(&mut self, info: &WorkbookInfo) {
        self.sink.before_expenses(info)
    }
}

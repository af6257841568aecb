//! Workbook -> typed rows with their cell positions.
//!
//! For each sheet: recognise its kind by name or by its header row, find the header row among
//! the top rows, map columns to fields, then read each data row into a record. Cell problems
//! become [`Problem`]s and the row's other values still count; only a file that cannot be
//! read at all is a [`ReadError`].

mod cells;
pub mod limits;
mod merges;
pub mod notes;
pub mod previous;
pub mod records;
pub mod schema;
pub mod source;

use std::io::{Read, Seek};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::lang::Lang;
use crate::messages::amount;
use crate::model::{
    BudgetLine, CellRef, Dataset, Expense, PlanRow, Problem, ProblemKind, Risk, Severity, TeamDay,
    WeeklyRow,
};
use cells::{RowReader, display};
use limits::Limit;
use records::{RecordSink, SheetState, read_row};
use schema::{
    Field, HEADER_SEARCH_ROWS, HeaderMap, MIN_HEADER_MATCHES, SheetKind, best_kind_for_headers,
    field_names, is_guide_sheet, kind_from_name,
};
use source::{Book, Row};

/// Why a whole file (or one sheet of it) could not be used. Each reads as one line, in
/// either language, that says what was found and what to do.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum ReadError {
    Missing,
    /// A directory with no workbook directly inside; `others` names a few other files there.
    EmptyDirectory {
        others: Vec<String>,
    },
    /// Not a spreadsheet format plantrack reads, and what it is instead.
    NotAWorkbook(FileKind),
    Password,
    /// A spreadsheet container whose content cannot be decoded (cut short, corrupt).
    Damaged(String),
    /// The file cannot be read from disk (permissions, I/O).
    Unreadable(String),
    /// Over one of the limits in [`limits`]; `place` is the part or sheet, `found` the figure.
    OverLimit {
        limit: Limit,
        place: String,
        found: u64,
    },
    /// The reader failed on the file in a way plantrack did not foresee (a bug to report); the
    /// other files still run.
    ReaderFailed(String),
    NoRecognisedSheet {
        found: Vec<String>,
    },
    /// Sheets were recognised, but each lacks a required column.
    MissingColumns(Vec<Problem>),
}

/// What a file that is not a workbook is, judged by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FileKind {
    Empty,
    Csv,
    Text,
    Html,
    Xml,
    Pdf,
    Numbers,
    /// A zip archive holding no workbook.
    Zip,
    /// The lock file an editor keeps beside an open workbook (`~$team.xlsx`).
    Lock,
    /// An office document of another kind ("Word", "PowerPoint", "OpenDocument").
    Document(&'static str),
    Unknown,
}

const SUPPORTED: &str = ".xlsx .xlsm .xlsb .xls .ods";

impl FileKind {
    fn what(self, lang: Lang) -> String {
        match (self, lang) {
            (FileKind::Empty, Lang::Zh) => "文件是空的（0 字节）".into(),
            (FileKind::Empty, Lang::En) => "the file is empty (0 bytes)".into(),
            (FileKind::Csv, Lang::Zh) => "这是 CSV 文本文件，不是工作簿".into(),
            (FileKind::Csv, Lang::En) => "this is a CSV text file, not a workbook".into(),
            (FileKind::Text, Lang::Zh) => "这是文本文件，不是工作簿".into(),
            (FileKind::Text, Lang::En) => "this is a text file, not a workbook".into(),
            (FileKind::Html, Lang::Zh) => {
                "这是网页（HTML），只是用了工作簿的文件名（有些系统这样导出）".into()
            }
            (FileKind::Html, Lang::En) => {
                "this is a web page (HTML) with a workbook's name, as some systems export".into()
            }
            (FileKind::Xml, Lang::Zh) => {
                "这是 XML 文件（也许是 Excel 2003 XML 表格），不是工作簿".into()
            }
            (FileKind::Xml, Lang::En) => {
                "this is an XML file (an Excel 2003 XML spreadsheet?), not a workbook".into()
            }
            (FileKind::Pdf, Lang::Zh) => "这是 PDF 文件，不是工作簿".into(),
            (FileKind::Pdf, Lang::En) => "this is a PDF, not a workbook".into(),
            (FileKind::Numbers, Lang::Zh) => {
                "这是 Apple Numbers 文件：请在 Numbers 中选择 文件 > 导出为 > Excel".into()
            }
            (FileKind::Numbers, Lang::En) => {
                "this is an Apple Numbers file: in Numbers, choose File > Export To > Excel".into()
            }
            (FileKind::Lock, Lang::Zh) => {
                "这是工作簿打开时 Excel、WPS 或 LibreOffice 留下的锁文件：请给出工作簿本身".into()
            }
            (FileKind::Lock, Lang::En) => {
                "this is the lock file Excel, WPS or LibreOffice keeps while a workbook is open: give plantrack the workbook itself".into()
            }
            (FileKind::Zip, Lang::Zh) => "这是不含工作簿的压缩包：请先解压".into(),
            (FileKind::Zip, Lang::En) => {
                "this is a zip archive with no workbook inside: unpack it first".into()
            }
            (FileKind::Document(kind), Lang::Zh) => format!("这是 {kind} 文档，不是工作簿"),
            (FileKind::Document(kind), Lang::En) => {
                format!("this is a {kind} document, not a workbook")
            }
            (FileKind::Unknown, Lang::Zh) => "不是电子表格文件".into(),
            (FileKind::Unknown, Lang::En) => "not a spreadsheet".into(),
        }
    }
}

/// Megabytes, for messages about part sizes.
fn megabytes(bytes: u64) -> String {
    amount(rust_decimal::Decimal::from(bytes.div_ceil(1 << 20)))
}

fn count(n: u64) -> String {
    amount(rust_decimal::Decimal::from(n))
}

impl ReadError {
    /// The error as one line in `lang` (line breaks from a reader's message are folded).
    pub fn message(&self, lang: Lang) -> String {
        let text = self.text(lang);
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (ReadError::Missing, Lang::Zh) => "文件不存在".into(),
            (ReadError::Missing, Lang::En) => "no such file".into(),
            (
                ReadError::NotAWorkbook(
                    kind @ (FileKind::Empty | FileKind::Numbers | FileKind::Zip),
                ),
                lang,
            ) => kind.what(lang),
            (ReadError::NotAWorkbook(kind), Lang::Zh) => format!(
                "{}：plantrack 读取 {SUPPORTED}，请用 Excel、WPS 或 LibreOffice 打开后另存为 .xlsx",
                kind.what(lang)
            ),
            (ReadError::NotAWorkbook(kind), Lang::En) => format!(
                "{}: plantrack reads {SUPPORTED}; open it in Excel, WPS or LibreOffice and save it as .xlsx",
                kind.what(lang)
            ),
            (ReadError::Password, Lang::Zh) => "工作簿有密码保护：请另存一份不加密的副本".into(),
            (ReadError::Password, Lang::En) => {
                "the workbook is password-protected: save an unprotected copy".into()
            }
            (ReadError::Damaged(e), Lang::Zh) => format!(
                "工作簿已损坏或不完整（{e}）：请用 Excel、WPS 或 LibreOffice 打开并另存一份"
            ),
            (ReadError::Damaged(e), Lang::En) => format!(
                "the workbook is damaged or cut short ({e}): open it in Excel, WPS or LibreOffice and save a new copy"
            ),
            (ReadError::Unreadable(e), Lang::Zh) => format!("无法读取文件（{e}）"),
            (ReadError::Unreadable(e), Lang::En) => format!("cannot read the file ({e})"),
            (ReadError::ReaderFailed(e), Lang::Zh) => {
                format!("读取此文件时出错（{e}）：请将文件反馈给 plantrack 维护者")
            }
            (ReadError::ReaderFailed(e), Lang::En) => {
                format!("the reader failed on this file ({e}): please report it with the file")
            }
            (
                ReadError::OverLimit {
                    limit,
                    place,
                    found,
                },
                lang,
            ) => limit_text(*limit, place, *found, lang),
            (ReadError::NoRecognisedSheet { found }, Lang::Zh) => format!(
                "没有可识别的工作表：找到 {}；需要名称或表头像 目标拆解、周度跟踪、成本支出明细、预算、风险预案 的表",
                quoted(found)
            ),
            (ReadError::NoRecognisedSheet { found }, Lang::En) => format!(
                "no recognised sheet: found {}; expected sheets named or headed like Plan, Weekly, Costs, Budget, Risks",
                quoted(found)
            ),
            (ReadError::MissingColumns(problems), lang) => problems
                .iter()
                .map(|p| format!("{}: {}", p.at, crate::messages::problem_text(&p.kind, lang)))
                .collect::<Vec<_>>()
                .join("; "),
            (ReadError::EmptyDirectory { others }, Lang::Zh) if others.is_empty() => {
                format!("目录中没有工作簿（{SUPPORTED}）")
            }
            (ReadError::EmptyDirectory { others }, Lang::Zh) => {
                format!("目录中没有工作簿（{SUPPORTED}），只有 {}", quoted(others))
            }
            (ReadError::EmptyDirectory { others }, Lang::En) if others.is_empty() => {
                format!("no workbooks ({SUPPORTED}) in this directory")
            }
            (ReadError::EmptyDirectory { others }, Lang::En) => format!(
                "no workbooks ({SUPPORTED}) in this directory, only {}",
                quoted(others)
            ),
        }
    }
}

fn limit_text(limit: Limit, place: &str, found: u64, lang: Lang) -> String {
    let max = limit.value();
    match (limit, lang) {
        (Limit::PartBytes | Limit::SharedStringsBytes, Lang::Zh) => format!(
            "文件中的 {place} 解压后有 {} MB，超过 plantrack 的上限 {} MB",
            megabytes(found),
            megabytes(max)
        ),
        (Limit::PartBytes | Limit::SharedStringsBytes, Lang::En) => format!(
            "the part {place} inflates to {} MB, over plantrack's limit of {} MB",
            megabytes(found),
            megabytes(max)
        ),
        (Limit::InflateRatio, Lang::Zh) => format!(
            "文件中的 {place} 解压后是压缩大小的 {} 倍，超过 plantrack 的上限 {max} 倍（疑似压缩炸弹）",
            count(found)
        ),
        (Limit::InflateRatio, Lang::En) => format!(
            "the part {place} inflates to {} times its compressed size, over plantrack's limit of {max} times (a zip bomb?)",
            count(found)
        ),
        (Limit::Rows, Lang::Zh) => format!(
            "工作表 \"{place}\" 有第 {} 行，超过 Excel 的最后一行 {}：其后的行未读取",
            count(found),
            count(max)
        ),
        (Limit::Rows, Lang::En) => format!(
            "sheet \"{place}\" has a row {}, past Excel's last row {}: the rows from there on were not read",
            count(found),
            count(max)
        ),
        (Limit::LoadedCells, Lang::Zh) => format!(
            "工作簿的表格共占 {} 个单元格，超过 plantrack 对 .xls/.ods 的上限 {}：请另存为 .xlsx（可逐行读取）",
            count(found),
            count(max)
        ),
        (Limit::LoadedCells, Lang::En) => format!(
            "the workbook's sheets span {} cells, over plantrack's limit of {} for .xls and .ods: save it as .xlsx, which is read row by row",
            count(found),
            count(max)
        ),
        (Limit::XlsClaimedCells, Lang::Zh) => format!(
            "此 .xls 声称一个工作表有 {} 个单元格，超过该格式的上限 {}（65,536 行 × 256 列）：文件已损坏",
            count(found),
            count(max)
        ),
        (Limit::XlsClaimedCells, Lang::En) => format!(
            "this .xls claims a sheet of {} cells, more than the format's {} (65,536 rows by 256 columns): the file is damaged",
            count(found),
            count(max)
        ),
    }
}

fn quoted(names: &[String]) -> String {
    if names.is_empty() {
        return "-".into();
    }
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

const WORKBOOK_EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

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
        } else {
            files.push(input.clone());
        }
    }
    (files, errors)
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

/// Streams every recognised sheet of a workbook into `sink`. A panic inside the reader fails
/// this file alone (see [`ReadError::ReaderFailed`]); the records already passed to `sink`
/// stay there.
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
    let mut info = WorkbookInfo {
        team,
        ..WorkbookInfo::default()
    };
    let mut langs = (0usize, 0usize);
    let names = book.sheet_names();
    // Cost sheets are read last (see `RecordSink`): the first pass stops at their header.
    let mut deferred: Vec<SheetRead<'_>> = Vec::new();
    for name in &names {
        // The instructions and team list `init` writes hold no records and need no notice.
        if is_guide_sheet(name) {
            info.sheets.push((name.clone(), None));
            continue;
        }
        let mut sheet = SheetRead::new(name, kind_from_name(name), &info.team, as_of);
        let result = book.for_each_row(name, |row| sheet.row(row, sink));
        sheet.report_error(result);
        let kind = sheet.finish();
        if let Some(map) = &sheet.map {
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
        info.sheets.push((name.clone(), kind));
        if let Some(resumed) = sheet.resume() {
            deferred.push(resumed);
        }
    }
    if info.sheets.iter().all(|(_, k)| k.is_none()) {
        let missing: Vec<Problem> = info
            .problems
            .iter()
            .filter(|p| matches!(p.kind, ProblemKind::MissingColumn { .. }))
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
    for mut sheet in deferred {
        let result = book.for_each_row(sheet.name, |row| sheet.row(row, sink));
        sheet.report_error(result);
        info.problems.append(&mut sheet.problems);
        if info.currency.is_none() {
            info.currency = sheet.currency.take();
        }
    }
    Ok(info)
}

fn currency_of(map: &HeaderMap) -> Option<String> {
    [Field::Amount, Field::Budget]
        .iter()
        .filter_map(|f| map.column(*f))
        .find_map(|c| c.unit.as_ref().and_then(|u| u.currency.clone()))
}

/// One sheet being read: looking for its header row, then reading data rows.
struct SheetRead<'a> {
    name: &'a str,
    named_kind: Option<SheetKind>,
    team: &'a str,
    as_of: NaiveDate,
    map: Option<HeaderMap>,
    rows_seen: usize,
    problems: Vec<Problem>,
    state: SheetState,
    /// Set when the sheet was recognised but cannot be used (a required column missing).
    unusable: bool,
    /// The header row of a cost sheet whose data rows are left for a second pass.
    deferred_at: Option<u32>,
    /// Rows up to this one were read in the first pass (a resumed cost sheet).
    skip_through: Option<u32>,
    /// The first currency written in a money cell (see [`RowReader::currency`]).
    currency: Option<String>,
    /// A unit note ("单位：万元") seen above the header, for the table's money columns.
    unit_note: Option<(String, crate::values::UnitHint, CellRef)>,
}

impl<'a> SheetRead<'a> {
    fn new(name: &'a str, named_kind: Option<SheetKind>, team: &'a str, as_of: NaiveDate) -> Self {
        SheetRead {
            name,
            named_kind,
            team,
            as_of,
            map: None,
            rows_seen: 0,
            problems: Vec::new(),
            state: SheetState::default(),
            unusable: false,
            deferred_at: None,
            skip_through: None,
            currency: None,
            unit_note: None,
        }
    }

    /// The second pass over a cost sheet whose header the first pass found.
    fn resume(&self) -> Option<SheetRead<'a>> {
        let header = self.deferred_at?;
        let mut sheet = SheetRead::new(self.name, self.named_kind, self.team, self.as_of);
        sheet.map = self.map.clone();
        sheet.skip_through = Some(header);
        Some(sheet)
    }

    /// A sheet whose data could not be decoded is a problem at the sheet, not a failure.
    fn report_error(&mut self, result: Result<(), ReadError>) {
        if let Err(e) = result {
            self.problems.push(Problem {
                team: self.team.to_string(),
                at: CellRef::sheet_only(self.name),
                severity: Severity::Error,
                kind: ProblemKind::NotRead { reason: e },
            });
        }
    }

    /// Takes one row; returns false when the rest of the sheet need not be read.
    fn row(&mut self, row: &Row, sink: &mut dyn RecordSink) -> bool {
        if self.unusable {
            return false;
        }
        let Some(map) = &self.map else {
            self.rows_seen += 1;
            let header = self.try_header(row);
            if !header && self.unit_note.is_none() {
                self.unit_note = cells::unit_note_in(row, self.name);
            }
            let go_on = header || self.rows_seen < HEADER_SEARCH_ROWS;
            return match &self.map {
                Some(m) if !sink.wants(m.kind) => false,
                Some(m) if m.kind == SheetKind::Costs => {
                    self.deferred_at = Some(row.index);
                    false
                }
                _ => go_on,
            };
        };
        if self.skip_through.is_some_and(|last| row.index <= last) {
            return true;
        }
        let mut reader = RowReader {
            sheet: self.name,
            team: self.team,
            row,
            map,
            as_of: self.as_of,
            problems: &mut self.problems,
            currency: &mut self.currency,
        };
        if !reader.is_note_only() {
            read_row(map.kind, &mut reader, &mut self.state, sink);
        }
        true
    }

    /// Checks whether `row` is the header row; returns true when reading should go on.
    fn try_header(&mut self, row: &Row) -> bool {
        let headers: Vec<String> = row.cells.iter().map(display).collect();
        let named = self
            .named_kind
            .map(|k| HeaderMap::build(k, &headers))
            .filter(|m| m.columns.len() >= MIN_HEADER_MATCHES);
        let Some(map) = named.or_else(|| best_kind_for_headers(&headers)) else {
            return false;
        };
        let missing = map.missing_required();
        if !missing.is_empty() {
            let found: Vec<String> = headers.into_iter().filter(|h| !h.is_empty()).collect();
            for field in missing {
                self.problems.push(Problem {
                    team: self.team.to_string(),
                    at: CellRef::new(self.name, row.index, 0),
                    severity: Severity::Error,
                    kind: ProblemKind::MissingColumn {
                        field: field_names(map.kind, field),
                        found: found.clone(),
                    },
                });
            }
            self.unusable = true;
            self.map = None;
            return false;
        }
        let mut map = map;
        if let Some((note, hint, at)) = self.unit_note.take() {
            let columns = cells::apply_unit_note(&mut map, &hint);
            if !columns.is_empty() {
                self.problems.push(Problem {
                    team: self.team.to_string(),
                    at,
                    severity: Severity::Info,
                    kind: ProblemKind::UnitNote { note, columns },
                });
            }
        }
        self.map = Some(map);
        true
    }

    /// The kind the sheet was read as; reports a sheet that was not.
    fn finish(&mut self) -> Option<SheetKind> {
        if let Some(map) = &self.map {
            return Some(map.kind);
        }
        if !self.unusable {
            self.problems.push(Problem {
                team: self.team.to_string(),
                at: CellRef::sheet_only(self.name),
                severity: Severity::Info,
                kind: match self.named_kind {
                    Some(kind) => ProblemKind::NoHeaderRow { kind },
                    None => ProblemKind::IgnoredSheet,
                },
            });
        }
        None
    }
}

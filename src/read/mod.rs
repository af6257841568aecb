//! Workbook -> typed rows with their cell positions.
//!
//! For each sheet: recognise its kind by name or by its header row, find the header row among
//! the top rows, map columns to fields, then read each data row into a record. Cell problems
//! become [`Problem`]s and the row's other values still count; only a file that cannot be
//! read at all is a [`ReadError`].

mod cells;
pub mod previous;
pub mod records;
pub mod schema;
pub mod source;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::lang::Lang;
use crate::model::{
    BudgetLine, CellRef, Dataset, Expense, PlanRow, Problem, ProblemKind, Risk, Severity, WeeklyRow,
};
use cells::{RowReader, display};
use records::{RecordSink, SheetState, read_row};
use schema::{
    Field, HEADER_SEARCH_ROWS, HeaderMap, MIN_HEADER_MATCHES, SheetKind, best_kind_for_headers,
    field_names, is_guide_sheet, kind_from_name,
};
use source::Row;

/// Why a whole file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    Missing,
    NotAWorkbook,
    Password,
    Unreadable(String),
    NoRecognisedSheet {
        found: Vec<String>,
    },
    /// Sheets were recognised, but each lacks a required column.
    MissingColumns(Vec<Problem>),
    EmptyDirectory,
}

impl ReadError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ReadError::Missing, Lang::Zh) => "文件不存在".into(),
            (ReadError::Missing, Lang::En) => "no such file".into(),
            (ReadError::NotAWorkbook, Lang::Zh) => {
                "不是电子表格文件（支持 .xlsx .xlsm .xlsb .xls .ods）".into()
            }
            (ReadError::NotAWorkbook, Lang::En) => {
                "not a spreadsheet (plantrack reads .xlsx .xlsm .xlsb .xls .ods)".into()
            }
            (ReadError::Password, Lang::Zh) => "工作簿有密码保护：请另存一份不加密的副本".into(),
            (ReadError::Password, Lang::En) => {
                "the workbook is password-protected: save an unprotected copy".into()
            }
            (ReadError::Unreadable(e), Lang::Zh) => format!("无法读取工作簿（{e}）"),
            (ReadError::Unreadable(e), Lang::En) => format!("cannot read the workbook ({e})"),
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
            (ReadError::EmptyDirectory, Lang::Zh) => "目录中没有工作簿".into(),
            (ReadError::EmptyDirectory, Lang::En) => "no workbooks in this directory".into(),
        }
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

fn is_workbook_name(path: &Path) -> bool {
    let hidden_or_lock = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.starts_with("~$"));
    let ext_ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| WORKBOOK_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    ext_ok && !hidden_or_lock
}

/// Expands the command-line inputs: a directory means every workbook directly inside it
/// (sorted by name; lock files `~$*` and hidden files skipped). Inputs that cannot be used
/// come back as errors beside the usable paths.
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, ReadError)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)
                .map(|rd| {
                    rd.filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.is_file() && is_workbook_name(p))
                        .collect()
                })
                .unwrap_or_default();
            found.sort();
            if found.is_empty() {
                errors.push((input.clone(), ReadError::EmptyDirectory));
            }
            files.extend(found);
        } else if !input.exists() {
            errors.push((input.clone(), ReadError::Missing));
        } else {
            files.push(input.clone());
        }
    }
    (files, errors)
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
        self.expenses.push(row);
    }
    fn budget(&mut self, row: BudgetLine) {
        self.budget.push(row);
    }
    fn risk(&mut self, row: Risk) {
        self.risks.push(row);
    }
}

/// Reads a whole workbook into a [`Dataset`].
///
/// Errors: the file cannot be read at all (see [`ReadError`]).
pub fn read_dataset(path: &Path, as_of: NaiveDate) -> Result<Dataset, ReadError> {
    let mut data = Dataset::default();
    let info = read_workbook(path, as_of, &mut data)?;
    data.teams.push(info.team.clone());
    data.problems = info.problems;
    data.detected_lang = info.lang;
    data.currencies.push((info.team.clone(), info.currency));
    Ok(data)
}

/// Streams every recognised sheet of a workbook into `sink`.
///
/// Errors: the file cannot be opened, or no sheet is recognised.
pub fn read_workbook(
    path: &Path,
    as_of: NaiveDate,
    sink: &mut dyn RecordSink,
) -> Result<WorkbookInfo, ReadError> {
    if !path.exists() {
        return Err(ReadError::Missing);
    }
    let mut book = source::open(path).map_err(|e| match e {
        ReadError::Unreadable(_) if !is_workbook_name(path) => ReadError::NotAWorkbook,
        other => other,
    })?;
    let mut info = WorkbookInfo {
        team: team_name(path),
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
                info.currency = currency_of(map);
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
                kind: ProblemKind::Unreadable {
                    found: e.message(Lang::En),
                    expected: crate::model::Expected::Text,
                },
            });
        }
    }

    /// Takes one row; returns false when the rest of the sheet need not be read.
    fn row(&mut self, row: Row, sink: &mut dyn RecordSink) -> bool {
        if self.unusable {
            return false;
        }
        let Some(map) = &self.map else {
            self.rows_seen += 1;
            let go_on = self.try_header(&row) || self.rows_seen < HEADER_SEARCH_ROWS;
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
            row: &row,
            map,
            as_of: self.as_of,
            problems: &mut self.problems,
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

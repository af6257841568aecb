//! The one place calamine is used: opens a workbook of any format and hands its sheets to
//! the caller one row at a time, as plain [`CellValue`]s with their positions.
//!
//! Rows are streamed (calamine's cell readers for .xlsx and .xlsb), so a million-row ledger
//! is never held in memory; .xls and .ods have no streaming reader and are read per sheet.
//! Merged regions are resolved here: every cell of a merged block reads as its top-left value.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{Data, DataRef, Dimensions, Reader, Sheets, open_workbook_auto};
use chrono::NaiveDate;

use super::ReadError;

/// Columns beyond this are ignored: no team sheet is wider, and hostile files claim more.
pub const MAX_COLUMNS: u32 = 256;

/// A cell's value with calamine's types removed.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date (either date system, already converted).
    Date(NaiveDate),
    Bool(bool),
    /// A spreadsheet error value such as "#DIV/0!".
    Error(String),
}

impl CellValue {
    pub fn is_empty(&self) -> bool {
        match self {
            CellValue::Empty => true,
            CellValue::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// One sheet row: 0-based row index and its cells from column A (missing cells are Empty).
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub index: u32,
    pub cells: Vec<CellValue>,
}

impl Row {
    pub fn get(&self, col: usize) -> &CellValue {
        self.cells.get(col).unwrap_or(&CellValue::Empty)
    }

    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(CellValue::is_empty)
    }
}

/// An open workbook.
pub struct Book {
    sheets: Sheets<BufReader<File>>,
    /// Merged regions by sheet: finding them reads a whole .xlsx sheet, so a sheet read
    /// twice (a cost sheet: its header, later its rows) looks once.
    merged: std::collections::HashMap<String, Vec<Dimensions>>,
}

/// Opens a workbook by content, whatever its extension says.
///
/// Errors: the file is missing, not a spreadsheet, corrupt, or password-protected.
pub fn open(path: &Path) -> Result<Book, ReadError> {
    if !path.exists() {
        return Err(ReadError::Missing);
    }
    match open_workbook_auto(path) {
        Ok(sheets) => Ok(Book {
            sheets,
            merged: Default::default(),
        }),
        Err(e) => Err(classify_open_error(&e)),
    }
}

fn classify_open_error(e: &calamine::Error) -> ReadError {
    use calamine::Error as E;
    let password = matches!(
        e,
        E::Xlsx(calamine::XlsxError::Password)
            | E::Xls(calamine::XlsError::Password)
            | E::Ods(calamine::OdsError::Password)
    ) || e.to_string().to_lowercase().contains("password");
    if password {
        ReadError::Password
    } else {
        ReadError::Unreadable(e.to_string())
    }
}

impl Book {
    /// Worksheet names in workbook order (chart sheets and macro sheets left out).
    pub fn sheet_names(&self) -> Vec<String> {
        self.sheets
            .sheets_metadata()
            .iter()
            .filter(|s| s.typ == calamine::SheetType::WorkSheet)
            .map(|s| s.name.clone())
            .collect()
    }

    /// Calls `each` with every non-empty row of `sheet`, in order. Stops early when `each`
    /// returns false.
    ///
    /// Errors: the sheet's data cannot be decoded.
    pub fn for_each_row(
        &mut self,
        sheet: &str,
        mut each: impl FnMut(Row) -> bool,
    ) -> Result<(), ReadError> {
        let merged = self.merged_regions(sheet);
        let mut fill = MergeFill::new(merged);
        let mut emit = |mut row: Row| -> bool {
            fill.apply(&mut row);
            if row.is_empty() {
                return true;
            }
            each(row)
        };
        let bad = |e: &dyn std::fmt::Display| ReadError::Unreadable(format!("{sheet}: {e}"));
        match &mut self.sheets {
            Sheets::Xlsx(x) => {
                let mut reader = x.worksheet_cells_reader(sheet).map_err(|e| bad(&e))?;
                let mut rows = RowAssembler::default();
                while let Some(cell) = reader.next_cell().map_err(|e| bad(&e))? {
                    let (r, c) = cell.get_position();
                    if let Some(done) = rows.push(r, c, from_ref(cell.get_value()))
                        && !emit(done)
                    {
                        return Ok(());
                    }
                }
                if let Some(last) = rows.finish() {
                    emit(last);
                }
            }
            Sheets::Xlsb(x) => {
                let mut reader = x.worksheet_cells_reader(sheet).map_err(|e| bad(&e))?;
                let mut rows = RowAssembler::default();
                while let Some(cell) = reader.next_cell().map_err(|e| bad(&e))? {
                    let (r, c) = cell.get_position();
                    if let Some(done) = rows.push(r, c, from_ref(cell.get_value()))
                        && !emit(done)
                    {
                        return Ok(());
                    }
                }
                if let Some(last) = rows.finish() {
                    emit(last);
                }
            }
            other => {
                let range = other.worksheet_range(sheet).map_err(|e| bad(&e))?;
                let (top, left) = range.start().unwrap_or((0, 0));
                for (i, cells) in range.rows().enumerate() {
                    let mut row = Row {
                        index: top + i as u32,
                        cells: vec![CellValue::Empty; left.min(MAX_COLUMNS) as usize],
                    };
                    let room = (MAX_COLUMNS as usize).saturating_sub(row.cells.len());
                    row.cells.extend(cells.iter().take(room).map(from_data));
                    if !emit(row) {
                        return Ok(());
                    }
                }
            }
        }
        Ok(())
    }

    fn merged_regions(&mut self, sheet: &str) -> Vec<Dimensions> {
        if let Some(m) = self.merged.get(sheet) {
            return m.clone();
        }
        let found = match &mut self.sheets {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
            _ => Vec::new(),
        };
        self.merged.insert(sheet.to_string(), found.clone());
        found
    }
}

/// Groups a stream of cells (row-major order) into rows.
#[derive(Default)]
struct RowAssembler {
    current: Option<Row>,
}

impl RowAssembler {
    /// Adds a cell; returns the previous row when this cell starts a new one.
    fn push(&mut self, r: u32, c: u32, value: CellValue) -> Option<Row> {
        let mut finished = None;
        if self.current.as_ref().is_some_and(|row| row.index != r) {
            finished = self.current.take();
        }
        let row = self.current.get_or_insert_with(|| Row {
            index: r,
            cells: Vec::new(),
        });
        if c < MAX_COLUMNS && !value.is_empty() {
            let c = c as usize;
            if row.cells.len() <= c {
                row.cells.resize(c + 1, CellValue::Empty);
            }
            row.cells[c] = value;
        }
        finished
    }

    fn finish(&mut self) -> Option<Row> {
        self.current.take()
    }
}

/// Copies each merged block's top-left value into the block's other cells as rows pass.
struct MergeFill {
    regions: Vec<Dimensions>,
    /// Top-left values of regions already seen, by region index.
    values: Vec<Option<CellValue>>,
}

impl MergeFill {
    fn new(regions: Vec<Dimensions>) -> Self {
        let values = vec![None; regions.len()];
        MergeFill { regions, values }
    }

    fn apply(&mut self, row: &mut Row) {
        for (i, d) in self.regions.iter().enumerate() {
            let (r0, c0) = d.start;
            let (r1, c1) = d.end;
            if row.index < r0 || row.index > r1 || c0 >= MAX_COLUMNS {
                continue;
            }
            if row.index == r0 {
                self.values[i] = Some(row.get(c0 as usize).clone());
            }
            let Some(v) = &self.values[i] else { continue };
            for c in c0..=c1.min(MAX_COLUMNS - 1) {
                let c = c as usize;
                if row.get(c).is_empty() && !v.is_empty() {
                    if row.cells.len() <= c {
                        row.cells.resize(c + 1, CellValue::Empty);
                    }
                    row.cells[c] = v.clone();
                }
            }
        }
    }
}

fn from_ref(v: &DataRef<'_>) -> CellValue {
    match v {
        DataRef::Int(i) => CellValue::Number(*i as f64),
        DataRef::Float(f) => CellValue::Number(*f),
        DataRef::String(s) => text_value(s),
        DataRef::SharedString(s) => text_value(s),
        DataRef::Bool(b) => CellValue::Bool(*b),
        DataRef::DateTime(d) => date_cell(d),
        DataRef::DateTimeIso(s) => iso_date(s),
        DataRef::DurationIso(s) => CellValue::Text(s.clone()),
        DataRef::Error(e) => CellValue::Error(e.to_string()),
        DataRef::Empty => CellValue::Empty,
    }
}

fn from_data(v: &Data) -> CellValue {
    match v {
        Data::Int(i) => CellValue::Number(*i as f64),
        Data::Float(f) => CellValue::Number(*f),
        Data::String(s) => text_value(s),
        Data::Bool(b) => CellValue::Bool(*b),
        Data::DateTime(d) => date_cell(d),
        Data::DateTimeIso(s) => iso_date(s),
        Data::DurationIso(s) => CellValue::Text(s.clone()),
        Data::Error(e) => CellValue::Error(e.to_string()),
        Data::Empty => CellValue::Empty,
    }
}

/// Error values some writers store as text (LibreOffice's .ods keeps "#DIV/0!" as a string).
const ERROR_LITERALS: [&str; 8] = [
    "#DIV/0!",
    "#REF!",
    "#N/A",
    "#VALUE!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#GETTING_DATA",
];

fn text_value(s: &str) -> CellValue {
    if ERROR_LITERALS.contains(&s.trim()) {
        CellValue::Error(s.trim().to_string())
    } else {
        CellValue::Text(s.to_string())
    }
}

fn date_cell(d: &calamine::ExcelDateTime) -> CellValue {
    if d.is_duration() {
        return CellValue::Number(d.as_f64());
    }
    match d.as_datetime() {
        Some(dt) => CellValue::Date(dt.date()),
        None => CellValue::Number(d.as_f64()),
    }
}

fn iso_date(s: &str) -> CellValue {
    let day = s.get(..10).unwrap_or(s);
    match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        Ok(d) => CellValue::Date(d),
        Err(_) => CellValue::Text(s.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assembler_groups_cells_by_row_and_pads_gaps() {
        let mut a = RowAssembler::default();
        assert!(a.push(0, 0, CellValue::Text("a".into())).is_none());
        assert!(a.push(0, 2, CellValue::Number(1.0)).is_none());
        let first = a.push(3, 1, CellValue::Bool(true)).unwrap();
        assert_eq!(first.index, 0);
        assert_eq!(first.cells.len(), 3);
        assert_eq!(first.cells[1], CellValue::Empty);
        let last = a.finish().unwrap();
        assert_eq!(last.index, 3);
        assert_eq!(last.get(1), &CellValue::Bool(true));
    }

    #[test]
    fn merged_block_repeats_its_top_left_value() {
        let region = Dimensions {
            start: (1, 0),
            end: (3, 1),
        };
        let mut fill = MergeFill::new(vec![region]);
        let mut r1 = Row {
            index: 1,
            cells: vec![CellValue::Text("目标".into())],
        };
        fill.apply(&mut r1);
        assert_eq!(r1.get(1), &CellValue::Text("目标".into()));
        let mut r3 = Row {
            index: 3,
            cells: vec![],
        };
        fill.apply(&mut r3);
        assert_eq!(r3.get(0), &CellValue::Text("目标".into()));
        let mut r4 = Row {
            index: 4,
            cells: vec![],
        };
        fill.apply(&mut r4);
        assert!(r4.is_empty());
    }
}

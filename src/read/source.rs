//! The one place calamine is used: opens a workbook of any format and hands its sheets to
//! the caller one row at a time, as plain [`CellValue`]s with their positions.
//!
//! A file is recognised by its content, not its name: the first bytes say zip (.xlsx .xlsb
//! .ods, and also Apple Numbers, Word...), OLE (.xls, and also a password-protected .xlsx),
//! or something else (CSV, HTML, PDF), and each gets its own one-line error. Before calamine
//! reads a container, [`limits`](super::limits) holds it to plantrack's limits, so a hostile
//! file is refused instead of exhausting memory.
//!
//! Rows are streamed (calamine's cell readers for .xlsx and .xlsb), so a million-row ledger
//! is never held in memory; .xls and .ods have no streaming reader and are read per sheet.
//! Merged regions are resolved here: every cell of a merged block reads as its top-left value.
//! A big .xlsx sheet lists its merged regions after a long run of cells; a caller that can
//! read a workbook again has its rows before they are known (`ReadAhead`).

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;

use calamine::{Data, DataRef, Dimensions, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};
use chrono::NaiveDate;

use super::limits::{self, Limit, MAX_COLUMNS, MAX_ROWS, ZipPart};
use crate::lang::Lang;
use crate::model::{FileKind, ReadError};

pub use crate::model::{NotAFile, OwnOutput};

impl NotAFile {
    pub fn what(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NotAFile::Fifo, Lang::Zh) => "命名管道",
            (NotAFile::Fifo, Lang::En) => "a FIFO (named pipe)",
            (NotAFile::Device, Lang::Zh) => "设备",
            (NotAFile::Device, Lang::En) => "a device",
            (NotAFile::Socket, Lang::Zh) => "套接字",
            (NotAFile::Socket, Lang::En) => "a socket",
            (NotAFile::Folder, Lang::Zh) => "文件夹",
            (NotAFile::Folder, Lang::En) => "a folder",
            (NotAFile::BrokenLink, Lang::Zh) => "指向不存在文件的链接",
            (NotAFile::BrokenLink, Lang::En) => "a link to nothing",
            (NotAFile::LinkLoop, Lang::Zh) => "循环链接",
            (NotAFile::LinkLoop, Lang::En) => "a link loop",
        }
    }

    /// The one-line error for such a path given as an input.
    pub fn message(self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "这是{}，不是文件：plantrack 只读取文件（管道只能读一次，可能永远等不到结尾），请先保存为文件",
                self.what(lang)
            ),
            Lang::En => format!(
                "this is {}, not a file: plantrack reads files only (a pipe can be read once and may never end); save it to a file first",
                self.what(lang)
            ),
        }
    }
}

/// What `path` is, when it is neither a regular file nor missing altogether.
pub fn not_a_file(path: &Path) -> Option<NotAFile> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            std::fs::symlink_metadata(path).ok()?;
            // The link exists, what it leads to does not (or leads back to itself).
            return Some(if e.raw_os_error() == Some(40) {
                NotAFile::LinkLoop
            } else {
                NotAFile::BrokenLink
            });
        }
    };
    let t = meta.file_type();
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some(NotAFile::Folder)
    } else {
        Some(special_kind(&t))
    }
}

/// A path that is neither a file nor a folder: a FIFO, a socket or a device (Windows has
/// none of these in a folder listing; they count as devices there).
#[cfg(unix)]
fn special_kind(t: &std::fs::FileType) -> NotAFile {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        NotAFile::Fifo
    } else if t.is_socket() {
        NotAFile::Socket
    } else {
        NotAFile::Device
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> NotAFile {
    NotAFile::Device
}

/// The entries of a folder that carry a workbook's name but are not files (sorted).
pub fn not_files<'p>(entries: impl Iterator<Item = &'p PathBuf>) -> Vec<(String, NotAFile)> {
    let mut odd: Vec<(String, NotAFile)> = entries
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, not_a_file(p)?))
        })
        .collect();
    odd.sort_by(|a, b| a.0.cmp(&b.0));
    odd
}

/// The files in order, each once however it is reached (the same team linked twice, or
/// named twice, is one team).
pub fn once_each(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    files
        .into_iter()
        .filter(|f| seen.insert(f.canonicalize().unwrap_or_else(|_| f.clone())))
        .collect()
}

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
    /// Columns whose value was copied down from a merged block that starts in an earlier
    /// row: a merged amount is counted once, in the block's first row.
    pub merged_above: Vec<u32>,
}

impl Row {
    pub fn get(&self, col: usize) -> &CellValue {
        self.cells.get(col).unwrap_or(&CellValue::Empty)
    }

    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(CellValue::is_empty)
    }
}

/// An open workbook, over a file or over bytes in memory.
pub struct Book<RS> {
    /// calamine's reader; None when the sheets were read whole at opening ([`Book::memory`]).
    sheets: Option<Sheets<RS>>,
    /// Sheets already in memory: a CSV file (one sheet named after the file), or an .ods
    /// that calamine cannot open as it is (no mimetype entry).
    memory: Vec<(String, Vec<Row>)>,
    /// The file (not for bytes in memory) and, for an .xlsx, each sheet's zip part: merged
    /// regions are then found by scanning the part's bytes (see [`merges`](super::merges))
    /// rather than by calamine.
    origin: Origin,
    /// Merged regions by sheet: finding them reads a whole .xlsx sheet, so a sheet read
    /// twice (a cost sheet: its header, later its rows) looks once.
    merged: HashMap<String, Vec<Dimensions>>,
    /// Streamed sheets are parsed on a second thread (a big workbook).
    pipelined: bool,
    /// Big sheets read while their merged regions are still being searched for.
    read_ahead: ReadAhead,
    /// Set when the workbook is one plantrack wrote (see [`OwnOutput`]).
    own_output: Option<OwnOutput>,
}

/// Where a workbook's bytes can be read again, apart from calamine's reader.
#[derive(Default)]
struct Origin {
    path: Option<PathBuf>,
    /// Sheet name -> zip part (an .xlsx whose package says).
    parts: HashMap<String, String>,
    /// Sheets whose part is at least [`READ_AHEAD_FROM_BYTES`] inflated.
    big: HashSet<String>,
}

/// Opens a workbook file by its content, whatever its extension says.
///
/// Errors: the file is missing, not a spreadsheet, damaged, password-protected, or over one
/// of plantrack's limits.
pub fn open(path: &Path) -> Result<Book<BufReader<File>>, ReadError> {
    let file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::Missing,
        _ => ReadError::Unreadable(e.to_string()),
    })?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut book = open_reader(BufReader::new(file))?;
    book.pipelined = size >= PIPELINE_FROM_BYTES;
    if book.sheets.is_none()
        && let [(name, _)] = book.memory.as_mut_slice()
        && name == CSV_SHEET
    {
        // A CSV's one sheet is named after the file ("预算.csv": a budget).
        *name = super::team_name(path);
    }
    book.origin.path = Some(path.to_path_buf());
    Ok(book)
}

/// Opens a workbook from any seekable source (bytes in memory, for the fuzz targets).
///
/// Errors: as [`open`].
pub fn open_reader<RS: Read + Seek>(mut rs: RS) -> Result<Book<RS>, ReadError> {
    let Sniffed {
        format,
        parts,
        big,
        own_output,
    } = sniff(&mut rs)?;
    rewind(&mut rs)?;
    let mut memory = Vec::new();
    let sheets = match format {
        Format::Xlsx => Sheets::Xlsx(Xlsx::new(rs).map_err(|e| opening(calamine::Error::Xlsx(e)))?),
        Format::Xlsb => Sheets::Xlsb(Xlsb::new(rs).map_err(|e| opening(calamine::Error::Xlsb(e)))?),
        Format::Xls => Sheets::Xls(Xls::new(rs).map_err(|e| opening(calamine::Error::Xls(e)))?),
        Format::Ods => Sheets::Ods(Ods::new(rs).map_err(|e| opening(calamine::Error::Ods(e)))?),
        Format::OdsWithoutMimetype => {
            memory = ods_without_mimetype(rs)?;
            return Ok(Book::in_memory(memory, parts));
        }
        Format::Csv => {
            let rows = super::delimited::rows(&all_bytes(rs)?)?;
            if super::delimited::is_costs_export(&rows) {
                return Err(ReadError::OwnOutput(crate::model::OwnOutput::Costs));
            }
            memory.push((CSV_SHEET.to_string(), rows));
            return Ok(Book::in_memory(memory, parts));
        }
    };
    let snapshot_sheet = sheets
        .sheets_metadata()
        .iter()
        .any(|s| s.name == crate::model::SNAPSHOT_SHEET);
    Ok(Book {
        sheets: Some(sheets),
        memory,
        origin: Origin {
            path: None,
            parts,
            big,
        },
        pipelined: false,
        merged: Default::default(),
        read_ahead: ReadAhead::default(),
        own_output: own_output.or(snapshot_sheet.then_some(OwnOutput::Summary)),
    })
}

/// The name of a CSV's one sheet read from memory (a file's is its stem).
const CSV_SHEET: &str = "CSV";

/// The whole of a source, within the limit of one zip part.
fn all_bytes<RS: Read>(rs: RS) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    rs.take(limits::MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > limits::MAX_PART_BYTES {
        return Err(ReadError::OverLimit {
            limit: Limit::PartBytes,
            place: CSV_SHEET.into(),
            found: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// An .ods saved without its mimetype entry (LibreOffice opens it; calamine does not): the
/// package is copied in memory with the entry added, then read whole, as calamine reads
/// every .ods (its content was held to the limits already).
fn ods_without_mimetype<RS: Read + Seek>(rs: RS) -> Result<Vec<(String, Vec<Row>)>, ReadError> {
    let damaged = |e: &dyn std::fmt::Display| ReadError::Damaged(e.to_string());
    let mut zip = zip::ZipArchive::new(rs).map_err(|e| damaged(&e))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    out.start_file("mimetype", stored)
        .map_err(|e| damaged(&e))?;
    std::io::Write::write_all(&mut out, ODS_MIME.as_bytes()).map_err(|e| damaged(&e))?;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| damaged(&e))?;
        out.raw_copy_file(entry).map_err(|e| damaged(&e))?;
    }
    let bytes = out.finish().map_err(|e| damaged(&e))?.into_inner();
    let mut ods =
        Ods::new(std::io::Cursor::new(bytes)).map_err(|e| opening(calamine::Error::Ods(e)))?;
    let mut sheets = Vec::new();
    for name in ods.sheet_names() {
        let range = ods.worksheet_range(&name).map_err(|e| bad(&e))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (i, cells) in range.rows().enumerate() {
            let row = range_row((top, left), i, cells, &name)?;
            if !row.is_empty() {
                rows.push(row);
            }
        }
        sheets.push((name, rows));
    }
    Ok(sheets)
}

const ODS_MIME: &str = "application/vnd.oasis.opendocument.spreadsheet";

/// What [`sniff`] learns before calamine opens the file.
struct Sniffed {
    format: Format,
    /// An .xlsx's sheet parts, when its package says.
    parts: HashMap<String, String>,
    /// Sheets whose part is big enough to be read before its merged regions are known.
    big: HashSet<String>,
    own_output: Option<OwnOutput>,
}

impl From<Format> for Sniffed {
    fn from(format: Format) -> Self {
        Sniffed {
            format,
            parts: HashMap::new(),
            big: HashSet::new(),
            own_output: None,
        }
    }
}

/// The formats plantrack reads: calamine's, and two it reads whole into memory.
enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    OdsWithoutMimetype,
    Csv,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn rewind<RS: Seek>(rs: &mut RS) -> Result<(), ReadError> {
    rs.rewind()
        .map_err(|e| ReadError::Unreadable(e.to_string()))
}

/// Tells the format from the first bytes and the container's table of contents, and holds
/// the container to the limits.
fn sniff<RS: Read + Seek>(rs: &mut RS) -> Result<Sniffed, ReadError> {
    let mut head = Vec::with_capacity(1024);
    (&mut *rs)
        .take(1024)
        .read_to_end(&mut head)
        .map_err(|e| ReadError::Unreadable(e.to_string()))?;
    rewind(rs)?;
    if head.starts_with(ZIP_MAGIC) || head.starts_with(EMPTY_ZIP_MAGIC) {
        sniff_zip(rs)
    } else if head.starts_with(OLE_MAGIC) {
        Ok(sniff_ole(rs)?.into())
    } else {
        match other_kind(&head) {
            FileKind::Csv => Ok(Format::Csv.into()),
            kind => Err(ReadError::NotAWorkbook(kind)),
        }
    }
}

fn sniff_zip<RS: Read + Seek>(rs: &mut RS) -> Result<Sniffed, ReadError> {
    let mut zip = zip::ZipArchive::new(&mut *rs).map_err(|e| ReadError::Damaged(e.to_string()))?;
    let meta = zip.metadata();
    let mut names = Vec::with_capacity(meta.len());
    let mut sizes = HashMap::new();
    for i in 0..meta.len() {
        let entry = meta
            .entry(i)
            .map_err(|e| ReadError::Damaged(e.to_string()))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        if entry.encrypted() {
            return Err(ReadError::Password);
        }
        limits::check_zip_part(&ZipPart {
            name: &name,
            size: entry.size(),
            compressed: entry.compressed_size(),
        })?;
        sizes.insert(name.clone(), entry.size());
        names.push(name);
    }
    let has = |n: &str| names.iter().any(|x| x.eq_ignore_ascii_case(n));
    let has_prefix = |p: &str| names.iter().any(|x| x.starts_with(p));
    if has("mimetype") {
        let mut mime = Vec::new();
        if let Ok(f) = zip.by_name("mimetype") {
            let _ = f.take(200).read_to_end(&mut mime);
        }
        let mime = String::from_utf8_lossy(&mime).trim().to_string();
        if mime == ODS_MIME {
            check_ods(&mut zip)?;
            return Ok(Format::Ods.into());
        }
        if mime.contains("opendocument") {
            return Err(ReadError::NotAWorkbook(FileKind::Document("OpenDocument")));
        }
    }
    // LibreOffice opens an .ods whose mimetype entry is missing, by its manifest.
    if !has("mimetype") && has("content.xml") && manifest(&mut zip).contains(ODS_MIME) {
        check_ods(&mut zip)?;
        return Ok(Format::OdsWithoutMimetype.into());
    }
    if has("[Content_Types].xml") {
        if has_prefix("word/") {
            return Err(ReadError::NotAWorkbook(FileKind::Document("Word")));
        }
        if has_prefix("ppt/") {
            return Err(ReadError::NotAWorkbook(FileKind::Document("PowerPoint")));
        }
        let binary = names
            .iter()
            .any(|n| n.to_ascii_lowercase().ends_with("workbook.bin"));
        if binary {
            return Ok(Format::Xlsb.into());
        }
        let own_output = titled_output(&mut zip);
        let parts = super::merges::sheet_parts(&mut zip).unwrap_or_default();
        let big = parts
            .iter()
            .filter(|(_, part)| {
                sizes
                    .get(*part)
                    .is_some_and(|&n| n >= READ_AHEAD_FROM_BYTES)
            })
            .map(|(sheet, _)| sheet.clone())
            .collect();
        return Ok(Sniffed {
            format: Format::Xlsx,
            parts,
            big,
            own_output,
        });
    }
    if has_prefix("Index/") || has("Index.zip") {
        return Err(ReadError::NotAWorkbook(FileKind::Numbers));
    }
    Err(ReadError::NotAWorkbook(FileKind::Zip))
}

/// An .ods package's manifest (the start of it), or nothing.
fn manifest<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> String {
    let mut manifest = String::new();
    if let Ok(m) = zip.by_name("META-INF/manifest.xml") {
        let _ = m.take(64 << 10).read_to_string(&mut manifest);
    }
    manifest
}

/// An .ods: refused when encrypted (its content cannot be parsed), else its content held to
/// the limits.
fn check_ods<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Result<(), ReadError> {
    if manifest(zip).contains("encryption-data") {
        return Err(ReadError::Password);
    }
    if let Ok(content) = zip.by_name("content.xml") {
        limits::check_ods_content(content)?;
    }
    Ok(())
}

/// Our output by the title in its document properties (docProps/core.xml).
fn titled_output<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Option<OwnOutput> {
    let mut core = String::new();
    let part = zip.by_name("docProps/core.xml").ok()?;
    part.take(64 << 10).read_to_string(&mut core).ok()?;
    let title = core
        .split_once("<dc:title>")?
        .1
        .split_once("</dc:title>")?
        .0;
    // The team workbook `init` writes has another title: it is an input.
    let is = |(zh, en): (&str, &str)| title == zh || title == en;
    if is(crate::model::SUMMARY_TITLE) {
        Some(OwnOutput::Summary)
    } else if is(crate::model::COSTS_TITLE) {
        Some(OwnOutput::Costs)
    } else {
        None
    }
}

fn sniff_ole<RS: Read + Seek>(rs: &mut RS) -> Result<Format, ReadError> {
    let mut ole =
        cfb::CompoundFile::open(&mut *rs).map_err(|e| ReadError::Damaged(e.to_string()))?;
    let streams: Vec<String> = ole
        .read_root_storage()
        .filter(|e| e.is_stream())
        .map(|e| e.name().to_string())
        .collect();
    let find = |n: &str| streams.iter().find(|x| x.eq_ignore_ascii_case(n)).cloned();
    // An .xlsx saved with a password is an encrypted zip inside an OLE container.
    if find("EncryptionInfo").is_some() || find("EncryptedPackage").is_some() {
        return Err(ReadError::Password);
    }
    if let Some(name) = find("Workbook").or_else(|| find("Book")) {
        let stream = ole
            .open_stream(format!("/{name}"))
            .map_err(|e| ReadError::Damaged(e.to_string()))?;
        limits::check_xls_stream(stream)?;
        return Ok(Format::Xls);
    }
    if find("WordDocument").is_some() {
        return Err(ReadError::NotAWorkbook(FileKind::Document("Word")));
    }
    if find("PowerPoint Document").is_some() {
        return Err(ReadError::NotAWorkbook(FileKind::Document("PowerPoint")));
    }
    Err(ReadError::NotAWorkbook(FileKind::Unknown))
}

/// What a file that is neither zip nor OLE is, from its first bytes.
fn other_kind(head: &[u8]) -> FileKind {
    if head.is_empty() {
        return FileKind::Empty;
    }
    if head.starts_with(b"%PDF") {
        return FileKind::Pdf;
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let binary = text.iter().any(|&b| b == 0 || (b < 0x09));
    if binary {
        return FileKind::Unknown;
    }
    let lower = String::from_utf8_lossy(text).to_lowercase();
    let start = lower.trim_start();
    if start.starts_with("<!doctype html") || lower.contains("<html") || lower.contains("<table") {
        FileKind::Html
    } else if start.starts_with("<?xml") || start.starts_with('<') {
        FileKind::Xml
    } else if lower
        .lines()
        .next()
        .is_some_and(|l| l.contains(',') || l.contains('\t') || l.contains(';'))
    {
        FileKind::Csv
    } else {
        FileKind::Text
    }
}

/// A calamine error while opening a container already recognised.
fn opening(e: calamine::Error) -> ReadError {
    use calamine::Error as E;
    let password = matches!(
        e,
        E::Xlsx(calamine::XlsxError::Password)
            | E::Xls(calamine::XlsError::Password)
            | E::Xlsb(calamine::XlsbError::Password)
            | E::Ods(calamine::OdsError::Password)
    );
    if password {
        ReadError::Password
    } else {
        ReadError::Damaged(e.to_string())
    }
}

impl<RS> Book<RS> {
    fn in_memory(memory: Vec<(String, Vec<Row>)>, parts: HashMap<String, String>) -> Self {
        Book {
            sheets: None,
            memory,
            origin: Origin {
                path: None,
                parts,
                big: HashSet::new(),
            },
            pipelined: false,
            merged: Default::default(),
            read_ahead: ReadAhead::default(),
            own_output: None,
        }
    }
}

impl<RS: Read + Seek + Send> Book<RS> {
    /// Set when plantrack wrote this workbook (a summary or cost workbook).
    pub fn own_output(&self) -> Option<OwnOutput> {
        self.own_output
    }

    /// Worksheet names in workbook order (chart sheets and macro sheets left out).
    pub fn sheet_names(&self) -> Vec<String> {
        match &self.sheets {
            Some(sheets) => sheets
                .sheets_metadata()
                .iter()
                .filter(|s| s.typ == calamine::SheetType::WorkSheet)
                .map(|s| s.name.clone())
                .collect(),
            None => self.memory.iter().map(|(n, _)| n.clone()).collect(),
        }
    }

    /// Calls `each` with every non-empty row of `sheet`, in order. Stops early when `each`
    /// returns false.
    ///
    /// In a big workbook the cells of a streamed sheet are parsed on a second thread while
    /// `each` works through the rows already parsed (see [`PIPELINE_FROM_BYTES`]).
    ///
    /// Errors: the sheet's data cannot be decoded, or a row lies past Excel's last row (the
    /// rows before it have been passed to `each`).
    pub fn for_each_row(
        &mut self,
        sheet: &str,
        mut each: impl FnMut(&Row) -> bool,
    ) -> Result<(), ReadError> {
        if self.read_ahead.spoiled {
            // The caller reads the workbook again (see `settle`): no use reading on.
            return Ok(());
        }
        let Some(sheets) = &mut self.sheets else {
            let rows = self.memory.iter().find(|(n, _)| n == sheet).map(|(_, r)| r);
            for row in rows.into_iter().flatten() {
                if !each(row) {
                    break;
                }
            }
            return Ok(());
        };
        let streams = matches!(sheets, Sheets::Xlsx(_) | Sheets::Xlsb(_));
        if streams && self.pipelined {
            return self.stream_pipelined(sheet, &mut each);
        }
        let mut fill = MergeFill::new(self.merged_regions(sheet));
        // An empty row is skipped, not a reason to stop; each row is handed back for reuse.
        let mut emit = |mut row: Row| -> (bool, Option<Row>) {
            let go = !fill.pass(&mut row) || each(&row);
            (go, Some(row))
        };
        let Some(sheets) = &mut self.sheets else {
            return Ok(());
        };
        if streams {
            return stream(sheets, sheet, &mut emit);
        }
        let range = sheets.worksheet_range(sheet).map_err(|e| bad(&e))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        for (i, cells) in range.rows().enumerate() {
            let mut row = range_row((top, left), i, cells, sheet)?;
            if fill.pass(&mut row) && !each(&row) {
                return Ok(());
            }
        }
        Ok(())
    }

    /// [`stream`] on a second thread, handing rows over in batches: parsing the XML and
    /// typing the rows (and, for `costs`, writing the ledger) overlap, and so do the parsing
    /// and the search for merged regions. The queue is bounded, so memory stays flat
    /// whichever side is slower; when `each` stops, the parser stops at its next batch.
    ///
    /// With [`Book::read_ahead`] on, a big sheet's rows go on to `each` before its merged
    /// regions are known (they are listed after the data, so finding them means inflating
    /// the whole part first): the search runs on a thread of its own, and once it is done
    /// the rows already handed on are checked against what it found (see [`ReadAhead`]).
    fn stream_pipelined(
        &mut self,
        sheet: &str,
        each: &mut dyn FnMut(&Row) -> bool,
    ) -> Result<(), ReadError> {
        if !self.origin.can_scan(sheet) {
            // calamine finds them (or, for .xlsb, none) before the parser takes it over.
            self.merged_regions(sheet);
        }
        let ahead = self.read_ahead.on
            && self.origin.big.contains(sheet)
            && !self.merged.contains_key(sheet);
        if ahead
            && !self.read_ahead.scans.contains_key(sheet)
            && let Some(scan) = Scan::start(&self.origin, sheet)
        {
            self.read_ahead.scans.insert(sheet.to_string(), scan);
        }
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Row>>(QUEUE_BATCHES);
        // Batches read come back, so the parser refills their rows instead of allocating.
        let (back_tx, back_rx) = std::sync::mpsc::channel::<Vec<Row>>();
        let Book {
            sheets,
            origin,
            merged,
            read_ahead,
            ..
        } = self;
        let Some(sheets) = sheets.as_mut() else {
            return Ok(());
        };
        std::thread::scope(|scope| {
            let parser = scope.spawn(move || {
                super::guarded(|| {
                    let mut batch = Vec::with_capacity(BATCH_ROWS);
                    let mut empty_batches: Vec<Vec<Row>> = Vec::new();
                    let mut spare: Vec<Row> = Vec::new();
                    let mut send = |row: Row| -> (bool, Option<Row>) {
                        batch.push(row);
                        let mut go = true;
                        if batch.len() == BATCH_ROWS {
                            let next = empty_batches
                                .pop()
                                .unwrap_or_else(|| Vec::with_capacity(BATCH_ROWS));
                            go = tx.send(std::mem::replace(&mut batch, next)).is_ok();
                        }
                        if spare.is_empty()
                            && let Ok(mut back) = back_rx.try_recv()
                        {
                            spare.append(&mut back);
                            empty_batches.push(back);
                        }
                        (go, spare.pop())
                    };
                    let result = stream(sheets, sheet, &mut send);
                    if !batch.is_empty() {
                        let _ = tx.send(batch);
                    }
                    result
                })
            });
            // The merged regions: known, being searched for (rows go on unfilled meanwhile),
            // or searched for here while the parser starts (calamine is the parser's now: a
            // part that cannot be read again gives none, and the parser meets the same
            // trouble).
            let mut scan = read_ahead.scans.remove(sheet);
            let mut fill = match (merged.get(sheet), &scan) {
                (Some(m), _) => Some(MergeFill::new(m.clone())),
                (None, Some(_)) => None,
                (None, None) => {
                    let regions = origin.scan_merges(sheet).unwrap_or_default();
                    merged.insert(sheet.to_string(), regions.clone());
                    Some(MergeFill::new(regions))
                }
            };
            let mut stopped = false;
            'rows: for mut batch in &rx {
                if let Some(found) = scan.as_ref().and_then(|s| s.found.try_recv().ok()) {
                    let through = scan.take().and_then(|s| s.unfilled_through);
                    if covers(&found, through) {
                        read_ahead.spoiled = true;
                        stopped = true;
                        break 'rows;
                    }
                    merged.insert(sheet.to_string(), found.clone());
                    fill = Some(MergeFill::new(found));
                }
                for row in &mut batch {
                    let go = match (&mut fill, &mut scan) {
                        (Some(fill), _) => !fill.pass(row) || each(row),
                        (None, Some(scan)) => {
                            scan.unfilled_through = scan.unfilled_through.max(Some(row.index));
                            row.merged_above.clear();
                            row.is_empty() || each(row)
                        }
                        (None, None) => true,
                    };
                    if !go {
                        stopped = true;
                        break 'rows;
                    }
                }
                // The parser may have finished; then the batch is simply dropped.
                let _ = back_tx.send(batch);
            }
            // Dropping the receiver tells the parser to stop.
            drop(rx);
            let result = parser
                .join()
                .unwrap_or_else(|_| Err(ReadError::ReaderFailed("reader thread".into())));
            if let Some(scan) = scan {
                if stopped || result.is_err() {
                    // The sheet is read again (a cost sheet's rows after its header), or
                    // the rows handed on are checked by `settle`.
                    read_ahead.scans.insert(sheet.to_string(), scan);
                } else {
                    read_ahead.settle_one(sheet, scan, merged);
                }
            }
            result
        })
    }

    /// Turns reading ahead on or off (see `ReadAhead`). Off, every sheet's merged
    /// regions are known before its first row is handed on, and a workbook found spoiled
    /// can be read again.
    pub fn read_ahead(&mut self, on: bool) {
        self.read_ahead.on = on;
        if !on {
            self.settle();
            self.read_ahead.spoiled = false;
        }
    }

    /// Waits for the searches still running and checks the rows read ahead against the
    /// regions found. False when a merged region covers a row that was handed on without
    /// it: what was read from this workbook is then wrong, and the caller must read it
    /// again with reading ahead off (the regions found are kept for that).
    pub fn settle(&mut self) -> bool {
        for (sheet, scan) in std::mem::take(&mut self.read_ahead.scans) {
            self.read_ahead.settle_one(&sheet, scan, &mut self.merged);
        }
        !self.read_ahead.spoiled
    }

    fn merged_regions(&mut self, sheet: &str) -> Vec<Dimensions> {
        if let Some(m) = self.merged.get(sheet) {
            return m.clone();
        }
        let found = match (self.origin.scan_merges(sheet), self.sheets.as_mut()) {
            (Some(found), _) => found,
            (None, Some(Sheets::Xlsx(x))) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
            (None, Some(Sheets::Xls(x))) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
            (None, _) => Vec::new(),
        };
        self.merged.insert(sheet.to_string(), found.clone());
        found
    }
}

impl Origin {
    fn can_scan(&self, sheet: &str) -> bool {
        self.path.is_some() && self.parts.contains_key(sheet)
    }

    /// The merged regions of an .xlsx sheet by scanning its part (see
    /// [`merges`](super::merges)); None when its part is not known or cannot be read.
    fn scan_merges(&self, sheet: &str) -> Option<Vec<Dimensions>> {
        scan_part(self.path.as_ref()?, self.parts.get(sheet)?, None)
    }
}

/// The merged regions in a zip part of the file at `path`; None when it cannot be read, or
/// when `stop` is set part-way.
fn scan_part(path: &Path, part: &str, stop: Option<&AtomicBool>) -> Option<Vec<Dimensions>> {
    let file = BufReader::new(File::open(path).ok()?);
    let mut zip = zip::ZipArchive::new(file).ok()?;
    let entry = zip.by_name(part).ok()?;
    super::merges::scan_merges(Stoppable { inner: entry, stop }).ok()
}

/// A reader that fails once `stop` is set (a search nobody waits for any more).
struct Stoppable<'s, R> {
    inner: R,
    stop: Option<&'s AtomicBool>,
}

impl<R: Read> Read for Stoppable<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.stop.is_some_and(|s| s.load(Ordering::Relaxed)) {
            return Err(std::io::Error::other("no longer wanted"));
        }
        self.inner.read(buf)
    }
}

/// Inflated size from which a sheet is read ahead of its merged regions (see
/// `ReadAhead`): below it the search takes a few milliseconds.
pub const READ_AHEAD_FROM_BYTES: u64 = 4 << 20;

/// Reading a big sheet before its merged regions are known.
///
/// An .xlsx lists a sheet's merged regions after its cells, so knowing them before the first
/// row means inflating the whole part first: for a million-row ledger a second or so in
/// which the parser, its queue full, would wait. Instead the search runs on a thread of its
/// own while the rows go on unfilled; once it is done the rows after it are filled as
/// usual, and the rows handed on before are checked. A region that covers none of them
/// changes nothing they gave (a region fills only the rows it spans), so the read stands;
/// one that covers any of them spoils the read, and the caller reads the workbook again
/// with the regions known (`read_dataset`). A spoiled read (a merged title or header over a
/// big sheet) costs about what waiting would have; a big sheet without merged cells, or with
/// them only further down, is read at the parser's pace.
#[derive(Default)]
struct ReadAhead {
    /// Set by a caller that can read the workbook again.
    on: bool,
    /// Searches running, by sheet.
    scans: HashMap<String, Scan>,
    /// A region covers a row handed on without it.
    spoiled: bool,
}

impl ReadAhead {
    /// Waits for a sheet's search and checks the rows handed on before it was done.
    fn settle_one(
        &mut self,
        sheet: &str,
        scan: Scan,
        merged: &mut HashMap<String, Vec<Dimensions>>,
    ) {
        // A search that failed finds nothing, as the search on the consumer's thread does.
        let found = scan.found.recv().unwrap_or_default();
        if covers(&found, scan.unfilled_through) {
            self.spoiled = true;
        }
        merged.insert(sheet.to_string(), found);
    }
}

/// True when a region that [`MergeFill`] would apply starts at or above row `through`.
fn covers(regions: &[Dimensions], through: Option<u32>) -> bool {
    through.is_some_and(|last| {
        regions
            .iter()
            .any(|d| d.start.1 < MAX_COLUMNS && d.start.0 <= d.end.0 && d.start.0 <= last)
    })
}

/// A search for one sheet's merged regions, on its own thread.
struct Scan {
    found: Receiver<Vec<Dimensions>>,
    /// The last row handed on before the regions were known.
    unfilled_through: Option<u32>,
    stop: Arc<AtomicBool>,
}

impl Scan {
    /// None when the part cannot be named or the thread not started (the caller then
    /// searches on its own thread).
    fn start(origin: &Origin, sheet: &str) -> Option<Scan> {
        let path = origin.path.clone()?;
        let part = origin.parts.get(sheet)?.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let (tx, found) = std::sync::mpsc::sync_channel(1);
        let stopped = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("merged regions".into())
            .spawn(move || {
                let regions = std::panic::catch_unwind(|| scan_part(&path, &part, Some(&stopped)))
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                let _ = tx.send(regions);
            })
            .ok()?;
        Some(Scan {
            found,
            unfilled_through: None,
            stop,
        })
    }
}

impl Drop for Scan {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// What a row's consumer says when handed a row: go on reading, and a row to refill (the
/// one just handed over, or another one done with), so rows are allocated once.
type Emit<'e> = dyn FnMut(Row) -> (bool, Option<Row>) + 'e;

/// Streams the rows of an .xlsx or .xlsb sheet through calamine's cell reader.
fn stream<RS: Read + Seek>(
    sheets: &mut Sheets<RS>,
    sheet: &str,
    emit: &mut Emit<'_>,
) -> Result<(), ReadError> {
    // The two readers have the same methods but no common trait.
    macro_rules! assemble {
        ($reader:expr) => {{
            let mut reader = $reader.map_err(|e| bad(&e))?;
            let mut rows = RowAssembler::default();
            let mut last_row = 0;
            while let Some(cell) = reader.next_cell().map_err(|e| bad(&e))? {
                let (r, c) = cell.get_position();
                past_last_row(r, sheet)?;
                if r < last_row {
                    return Err(twice(sheet, r, c));
                }
                last_row = r;
                if let Some(done) = rows.start(r) {
                    let (go, spare) = emit(done);
                    rows.recycle(spare);
                    if !go {
                        return Ok(());
                    }
                }
                rows.put(c, cell.get_value())
                    .map_err(|()| twice(sheet, r, c))?;
            }
            if let Some(last) = rows.finish() {
                emit(last);
            }
            Ok(())
        }};
    }
    match sheets {
        Sheets::Xlsx(x) => assemble!(x.worksheet_cells_reader(sheet)),
        Sheets::Xlsb(x) => assemble!(x.worksheet_cells_reader(sheet)),
        _ => Ok(()),
    }
}

/// A cell met twice in one row: two rows with the same number (a writer's bug, or an edit
/// by hand). Which one a spreadsheet program shows is not defined, so neither is guessed.
fn twice(sheet: &str, r: u32, c: u32) -> ReadError {
    let cell = crate::model::CellRef::new(sheet, r, c);
    ReadError::Damaged(format!("{cell}: two rows numbered {}", r + 1))
}

fn bad(e: &dyn std::fmt::Display) -> ReadError {
    ReadError::Damaged(e.to_string())
}

/// Workbooks from this size up are parsed on a second thread ([`Book::for_each_row`]); a
/// team's workbook of a few hundred rows is read in a few milliseconds, less than the thread
/// and its hand-overs would cost, and many of them are already read in parallel.
pub const PIPELINE_FROM_BYTES: u64 = 1 << 20;
/// Rows per hand-over, and hand-overs queued: enough to keep both threads busy, little
/// enough to keep memory flat (at most about 16k rows in flight).
const BATCH_ROWS: usize = 512;
const QUEUE_BATCHES: usize = 32;

/// Row `i` of a sheet read whole, whose cells start at (`top`, `left`): the columns left of
/// the range are empty, and no more than [`MAX_COLUMNS`] are kept.
///
/// Errors: the row lies past Excel's last row.
fn range_row(
    (top, left): (u32, u32),
    i: usize,
    cells: &[Data],
    sheet: &str,
) -> Result<Row, ReadError> {
    let index = top.saturating_add(i as u32);
    past_last_row(index, sheet)?;
    let mut row = Row {
        index,
        cells: vec![CellValue::Empty; left.min(MAX_COLUMNS) as usize],
        merged_above: Vec::new(),
    };
    let room = (MAX_COLUMNS as usize).saturating_sub(row.cells.len());
    row.cells.extend(cells.iter().take(room).map(from_data));
    Ok(row)
}

/// Stops a sheet at Excel's last row ([`MAX_ROWS`]).
fn past_last_row(row: u32, sheet: &str) -> Result<(), ReadError> {
    if row >= MAX_ROWS {
        return Err(ReadError::OverLimit {
            limit: Limit::Rows,
            place: sheet.to_string(),
            found: u64::from(row) + 1,
        });
    }
    Ok(())
}

/// Groups a stream of cells (row-major order) into rows, refilling rows done with: a text
/// cell reuses the text buffer of the cell it replaces, so a ledger whose rows look alike is
/// read without allocating per cell.
#[derive(Default)]
struct RowAssembler {
    current: Option<Row>,
    /// Columns set in the current row; the others hold what a recycled row had, and are
    /// cleared when the row is done.
    set: Vec<bool>,
    spare: Vec<Row>,
    /// The last column met in the current row.
    last_col: Option<u32>,
}

impl RowAssembler {
    /// Moves to row `r`; returns the previous row when `r` starts a new one.
    fn start(&mut self, r: u32) -> Option<Row> {
        if self.current.as_ref().is_some_and(|row| row.index == r) {
            return None;
        }
        let done = self.finish();
        self.last_col = None;
        let mut row = self.spare.pop().unwrap_or_default();
        row.index = r;
        self.current = Some(row);
        done
    }

    /// Sets a cell of the current row (empty values and columns past the limit are left out).
    ///
    /// Errors: the cell comes at or before one already met in this row (a row numbered twice).
    fn put(&mut self, c: u32, value: &DataRef<'_>) -> Result<(), ()> {
        if self.last_col.is_some_and(|last| c <= last) {
            return Err(());
        }
        self.last_col = Some(c);
        if c >= MAX_COLUMNS || self.current.is_none() {
            return Ok(());
        }
        let c = c as usize;
        match value {
            DataRef::SharedString(t) => self.put_text(c, t),
            DataRef::String(t) => self.put_text(c, t),
            other => {
                let v = from_ref(other);
                if !v.is_empty()
                    && let Some(slot) = self.slot(c)
                {
                    *slot = v;
                }
            }
        }
        Ok(())
    }

    fn put_text(&mut self, c: usize, t: &str) {
        // Most text starts with a character that is neither blank nor '#': then it is not
        // blank and not an error literal, and is copied without trimming it (twice).
        let plain = t
            .chars()
            .next()
            .is_some_and(|ch| ch != '#' && !ch.is_whitespace());
        if plain {
            if let Some(slot) = self.slot(c) {
                copy_text(slot, t);
            }
            return;
        }
        if t.trim().is_empty() {
            return;
        }
        if let Some(slot) = self.slot(c) {
            set_text(slot, t);
        }
    }

    /// Column `c` of the current row, marked as set.
    fn slot(&mut self, c: usize) -> Option<&mut CellValue> {
        let row = self.current.as_mut()?;
        if row.cells.len() <= c {
            row.cells.resize(c + 1, CellValue::Empty);
        }
        if self.set.len() <= c {
            self.set.resize(c + 1, false);
        }
        self.set[c] = true;
        Some(&mut row.cells[c])
    }

    /// The current row, done: cells left over from its previous use are cleared.
    fn finish(&mut self) -> Option<Row> {
        let mut row = self.current.take()?;
        let last = self.set.iter().rposition(|s| *s).map_or(0, |i| i + 1);
        row.cells.truncate(last);
        for (cell, set) in row.cells.iter_mut().zip(&self.set) {
            if !set {
                *cell = CellValue::Empty;
            }
        }
        self.set.iter_mut().for_each(|s| *s = false);
        Some(row)
    }

    /// Takes back a row done with, to refill.
    fn recycle(&mut self, row: Option<Row>) {
        if let Some(row) = row {
            self.spare.push(row);
        }
    }
}

/// Puts text into a cell, reusing the cell's buffer when it held text; an error literal
/// (see [`text_value`]) becomes an error value.
fn set_text(slot: &mut CellValue, t: &str) {
    if t.trim_start().starts_with('#') {
        *slot = text_value(t);
        return;
    }
    copy_text(slot, t);
}

/// Puts text into a cell as it is, reusing the cell's buffer when it held text.
fn copy_text(slot: &mut CellValue, t: &str) {
    match slot {
        CellValue::Text(buf) => {
            buf.clear();
            buf.push_str(t);
        }
        _ => *slot = CellValue::Text(t.to_string()),
    }
}

/// Copies each merged block's top-left value into the block's other cells as rows pass.
///
/// Regions are taken in order of their first row and dropped after their last, so each row
/// costs only the regions that cover it (a sheet with a merge on every row stays linear).
struct MergeFill {
    /// Regions sorted by first row.
    regions: Vec<Dimensions>,
    /// Top-left values of regions already seen, by region index.
    values: Vec<Option<CellValue>>,
    /// Regions that may cover the next rows.
    active: Vec<usize>,
    /// The first region not yet active.
    next: usize,
    last_row: u32,
}

impl MergeFill {
    fn new(mut regions: Vec<Dimensions>) -> Self {
        regions.retain(|d| d.start.1 < MAX_COLUMNS && d.start.0 <= d.end.0);
        regions.sort_by_key(|d| d.start.0);
        let values = vec![None; regions.len()];
        MergeFill {
            regions,
            values,
            active: Vec::new(),
            next: 0,
            last_row: 0,
        }
    }

    /// Fills `row`; returns false when it is empty even so (a row to skip).
    fn pass(&mut self, row: &mut Row) -> bool {
        self.apply(row);
        !row.is_empty()
    }

    fn apply(&mut self, row: &mut Row) {
        if row.index < self.last_row {
            // Rows out of order (rare): start the sweep again.
            self.active.clear();
            self.next = 0;
        }
        self.last_row = row.index;
        row.merged_above.clear();
        while self.next < self.regions.len() && self.regions[self.next].start.0 <= row.index {
            self.active.push(self.next);
            self.next += 1;
        }
        let regions = &self.regions;
        self.active.retain(|&i| regions[i].end.0 >= row.index);
        for &i in &self.active {
            let (r0, c0) = self.regions[i].start;
            let c1 = self.regions[i].end.1;
            if row.index == r0 {
                self.values[i] = Some(row.get(c0 as usize).clone());
            }
            let Some(v) = &self.values[i] else { continue };
            if v.is_empty() {
                continue;
            }
            for c in c0..=c1.min(MAX_COLUMNS - 1) {
                let cu = c as usize;
                if row.get(cu).is_empty() {
                    if row.cells.len() <= cu {
                        row.cells.resize(cu + 1, CellValue::Empty);
                    }
                    row.cells[cu] = v.clone();
                    if row.index != r0 {
                        row.merged_above.push(c);
                    }
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
    // Every error literal starts with '#': most cells are told apart by one byte.
    let maybe_error = s.trim_start().starts_with('#');
    if maybe_error && ERROR_LITERALS.contains(&s.trim()) {
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
        assert!(a.start(0).is_none());
        a.put(0, &DataRef::SharedString("a")).unwrap();
        a.put(2, &DataRef::Float(1.0)).unwrap();
        a.put(3, &DataRef::SharedString("  ")).unwrap();
        let first = a.start(3).unwrap();
        assert_eq!(first.index, 0);
        assert_eq!(first.cells.len(), 3);
        assert_eq!(first.cells[1], CellValue::Empty);
        a.put(1, &DataRef::Bool(true)).unwrap();
        let last = a.finish().unwrap();
        assert_eq!(last.index, 3);
        assert_eq!(last.get(1), &CellValue::Bool(true));
    }

    #[test]
    fn a_recycled_row_keeps_nothing_of_its_last_use() {
        let mut a = RowAssembler::default();
        a.start(0);
        a.put(0, &DataRef::SharedString("a")).unwrap();
        a.put(2, &DataRef::SharedString("c")).unwrap();
        a.put(4, &DataRef::Float(5.0)).unwrap();
        let first = a.start(1).unwrap();
        a.recycle(Some(first));
        a.put(0, &DataRef::SharedString("#N/A")).unwrap();
        a.put(2, &DataRef::SharedString("again")).unwrap();
        let second = a.start(2).unwrap();
        assert_eq!(second.index, 1);
        assert_eq!(
            second.cells,
            vec![
                CellValue::Error("#N/A".into()),
                CellValue::Empty,
                CellValue::Text("again".into())
            ]
        );
        a.recycle(Some(second));
        // An empty cell over a recycled one's text leaves nothing behind.
        a.put(0, &DataRef::Empty).unwrap();
        a.put(1, &DataRef::Int(7)).unwrap();
        let third = a.finish().unwrap();
        assert_eq!(third.index, 2);
        assert_eq!(third.cells, vec![CellValue::Empty, CellValue::Number(7.0)]);
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
            merged_above: vec![],
        };
        fill.apply(&mut r1);
        assert_eq!(r1.get(1), &CellValue::Text("目标".into()));
        let mut r3 = Row {
            index: 3,
            cells: vec![],
            merged_above: vec![],
        };
        fill.apply(&mut r3);
        assert_eq!(r3.get(0), &CellValue::Text("目标".into()));
        let mut r4 = Row {
            index: 4,
            cells: vec![],
            merged_above: vec![],
        };
        fill.apply(&mut r4);
        assert!(r4.is_empty());
    }
}

//! What one input file may cost, in one place, and the checks that hold a file to it before
//! calamine reads it.
//!
//! Teams' workbooks are small, but plantrack reads whatever it is given, and a spreadsheet is
//! a container that can claim more than it holds: a zip part that inflates to gigabytes, an
//! .ods row repeated a million times, an .xls record that claims four billion rows. calamine
//! trusts such claims (it sizes buffers from them, and an allocation that fails aborts the
//! whole process, losing every other file of the run), so the claims are checked here first,
//! by streaming through the container, and a file over a limit is refused with a one-line
//! error that names the limit. Each limit sits far above any real workbook and far below what
//! would exhaust a 2-core, few-GiB machine; the figures behind them are in the README.

use std::io::{BufReader, Read};

use quick_xml::events::{BytesStart, Event};

use crate::model::ReadError;

/// Excel's last row. A row number past it cannot come from a spreadsheet program; reading
/// stops there, so a sheet claiming four billion rows costs nothing.
pub const MAX_ROWS: u32 = 1_048_576;

/// Columns read per row. No team sheet is wider (the widest template has 15 columns), and a
/// row of 16,384 cells would otherwise be held in memory as it passes. Cells further right are
/// in no recognised column, so nothing the contract reads is lost.
pub const MAX_COLUMNS: u32 = 256;

/// The largest uncompressed size of one part of an .xlsx, .xlsb or .ods (a zip). A
/// 1,048,576-row sheet of 8 columns is about 400 MB of XML; 1 GiB leaves room for 20 columns.
/// The XML reader holds the longest text run of a part in memory, so this also bounds memory.
pub const MAX_PART_BYTES: u64 = 1 << 30;

/// The largest shared-strings part (.xlsx, .xlsb). calamine holds every shared string in
/// memory, at about three times the part's size; a million distinct 30-character texts take
/// about 60 MB.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 256 << 20;

/// The most a zip part may inflate, as a multiple of its compressed size. Real sheets inflate
/// 5 to 20 times (measured on the corpus and the samples); a zip bomb of spaces, about 1,000.
/// (Apache POI refuses the same ratio.)
pub const MAX_INFLATE_RATIO: u64 = 100;

/// Parts smaller than this are not held to [`MAX_INFLATE_RATIO`]: a tiny, repetitive part can
/// compress very well and costs nothing.
pub const RATIO_EXEMPT_BYTES: u64 = 1 << 20;

/// The most cells an .xls or .ods workbook may span in all. These formats have no streaming
/// reader: calamine loads every sheet whole, as a grid from the first to the last filled cell,
/// at 56 bytes or more a cell, so 5,000,000 cells take about 300 MB. An .xlsx of any size is
/// streamed instead, and a bigger ledger can be saved as .xlsx.
pub const MAX_LOADED_CELLS: u64 = 5_000_000;

/// The largest grid an .xls record may claim: 65,536 rows by 256 columns, the most the format
/// can hold. calamine reserves room for the claim, so a bigger one would abort the process.
pub const MAX_XLS_CLAIMED_CELLS: u64 = 65_536 * 256;

pub use crate::model::Limit;

impl Limit {
    /// The limit's value.
    pub fn value(self) -> u64 {
        match self {
            Limit::PartBytes => MAX_PART_BYTES,
            Limit::SharedStringsBytes => MAX_SHARED_STRINGS_BYTES,
            Limit::InflateRatio => MAX_INFLATE_RATIO,
            Limit::Rows => u64::from(MAX_ROWS),
            Limit::LoadedCells => MAX_LOADED_CELLS,
            Limit::XlsClaimedCells => MAX_XLS_CLAIMED_CELLS,
        }
    }
}

fn over(limit: Limit, place: impl Into<String>, found: u64) -> ReadError {
    ReadError::OverLimit {
        limit,
        place: place.into(),
        found,
    }
}

/// One zip entry as its central directory declares it. The zip reader refuses to inflate an
/// entry past its declared size, so checking the declaration bounds the real cost.
pub struct ZipPart<'a> {
    pub name: &'a str,
    pub size: u64,
    pub compressed: u64,
}

/// Checks a zip part's declared size and inflation ratio.
///
/// Errors: [`ReadError::OverLimit`] naming the part and the limit.
pub fn check_zip_part(part: &ZipPart<'_>) -> Result<(), ReadError> {
    let lower = part.name.to_ascii_lowercase();
    let strings = lower.ends_with("sharedstrings.xml") || lower.ends_with("sharedstrings.bin");
    if strings && part.size > MAX_SHARED_STRINGS_BYTES {
        return Err(over(Limit::SharedStringsBytes, part.name, part.size));
    }
    if part.size > MAX_PART_BYTES {
        return Err(over(Limit::PartBytes, part.name, part.size));
    }
    let ratio = part.size / part.compressed.max(1);
    if part.size > RATIO_EXEMPT_BYTES && ratio > MAX_INFLATE_RATIO {
        return Err(over(Limit::InflateRatio, part.name, ratio));
    }
    Ok(())
}

/// Streams through an .ods `content.xml` and totals the cells calamine would hold for it:
/// for each table, the grid from the first to the last filled row and column with every
/// repeat expanded, plus each row as stored up to its last filled cell. Filled means a typed
/// value or a formula; the count is an upper bound of calamine's.
///
/// The document is parsed as calamine parses it (src/ods.rs of calamine 0.38): the same
/// reader settings (end tags not checked, empty elements expanded) and the same qualified
/// names (`table:table-row`, `table:number-rows-repeated`: the first attribute of that exact
/// name), so a decoy that one parser reads differently from the other cannot pass.
///
/// Errors: [`ReadError::OverLimit`] when the total passes [`MAX_LOADED_CELLS`];
/// [`ReadError::Damaged`] for XML this parse cannot read (calamine cannot either).
pub fn check_ods_content(content: impl Read) -> Result<(), ReadError> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::new();
    let mut total = OdsCount::default();
    let mut table = OdsTable::default();
    loop {
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| ReadError::Damaged(format!("content.xml: {e}")))?;
        match &event {
            Event::Eof => return Ok(()),
            Event::Start(e) => match e.name().as_ref() {
                "table:table" => table = OdsTable::default(),
                "table:table-row" => table.start_row(repeat(e, "table:number-rows-repeated")),
                "table:table-cell" | "table:covered-table-cell" => {
                    let filled = has_attr(e, "office:value-type") || has_attr(e, "table:formula");
                    table.cell(repeat(e, "table:number-columns-repeated"), filled)
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "table:table-row" => table.end_row(),
                "table:table" => {
                    total.add(&table);
                    table = OdsTable::default();
                    if total.cells() > MAX_LOADED_CELLS {
                        return Err(over(Limit::LoadedCells, "content.xml", total.cells()));
                    }
                }
                _ => {}
            },
            _ => {}
        }
        // A table still open can already be over the limit (the rest need not be read).
        let so_far = total.cells().saturating_add(table.cells_so_far());
        if so_far > MAX_LOADED_CELLS {
            return Err(over(Limit::LoadedCells, "content.xml", so_far));
        }
        buf.clear();
    }
}

/// The first attribute named exactly `key` (calamine's `raw_attr`), with duplicates and
/// malformed attributes passed over as calamine's raw iterator does.
fn attr<'a>(e: &'a BytesStart<'_>, key: &str) -> Option<std::borrow::Cow<'a, str>> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value)
}

fn has_attr(e: &BytesStart<'_>, key: &str) -> bool {
    attr(e, key).is_some()
}

fn repeat(e: &BytesStart<'_>, key: &str) -> u64 {
    attr(e, key)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

#[derive(Default)]
struct OdsCount {
    cells: u64,
}

impl OdsCount {
    fn add(&mut self, t: &OdsTable) {
        self.cells = self.cells.saturating_add(t.cells_so_far());
    }
    fn cells(&self) -> u64 {
        self.cells
    }
}

/// Running extents of one .ods table.
#[derive(Default)]
struct OdsTable {
    /// Row index of the current row, repeats expanded.
    row: u64,
    row_repeats: u64,
    /// Column of the next cell in the current row, repeats expanded.
    col: u64,
    /// End of the last filled cell in the current row.
    row_filled_end: u64,
    first_filled_row: Option<u64>,
    last_filled_row_end: u64,
    first_filled_col: Option<u64>,
    last_filled_col_end: u64,
    /// Cells stored row by row (before repeats are expanded).
    stored: u64,
}

impl OdsTable {
    fn start_row(&mut self, repeats: u64) {
        self.row_repeats = repeats;
        self.col = 0;
        self.row_filled_end = 0;
    }

    fn cell(&mut self, repeats: u64, filled: bool) {
        let start = self.col;
        self.col = self.col.saturating_add(repeats);
        if filled {
            self.first_filled_col = Some(self.first_filled_col.map_or(start, |c| c.min(start)));
            self.row_filled_end = self.col;
        }
    }

    fn end_row(&mut self) {
        if self.row_filled_end > 0 {
            self.first_filled_row.get_or_insert(self.row);
            self.last_filled_row_end = self.row.saturating_add(self.row_repeats);
            self.last_filled_col_end = self.last_filled_col_end.max(self.row_filled_end);
            self.stored = self.stored.saturating_add(self.row_filled_end);
        }
        self.row = self.row.saturating_add(self.row_repeats);
        self.row_repeats = 1;
        self.row_filled_end = 0;
        self.col = 0;
    }

    fn cells_so_far(&self) -> u64 {
        let Some(first) = self.first_filled_row else {
            return self.stored;
        };
        let rows = self.last_filled_row_end.saturating_sub(first);
        let cols = self
            .last_filled_col_end
            .saturating_sub(self.first_filled_col.unwrap_or(0));
        rows.saturating_mul(cols).saturating_add(self.stored)
    }
}

/// Streams through the BIFF records of an .xls workbook stream and checks, for each sheet,
/// the grid its Dimensions record claims (calamine reserves it) and the grid its cells span
/// (calamine allocates it), against [`MAX_XLS_CLAIMED_CELLS`] and, in all, [`MAX_LOADED_CELLS`].
///
/// Errors: [`ReadError::OverLimit`]; a truncated stream is left for calamine to report.
pub fn check_xls_stream(stream: impl Read) -> Result<(), ReadError> {
    let mut r = BufReader::new(stream);
    let mut depth = 0usize;
    let mut span = Span::default();
    let mut total: u64 = 0;
    let mut data = Vec::new();
    loop {
        let mut head = [0u8; 4];
        if r.read_exact(&mut head).is_err() {
            return Ok(());
        }
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = u16::from_le_bytes([head[2], head[3]]) as usize;
        data.clear();
        if (&mut r).take(len as u64).read_to_end(&mut data).is_err() || data.len() < len {
            return Ok(());
        }
        match typ {
            // BOF: a sheet begins, or a substream nested inside it (calamine skips those).
            0x0809 => {
                if depth == 0 {
                    span = Span::default();
                }
                depth += 1;
            }
            // EOF
            0x000A => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    total = total.saturating_add(span.cells());
                    if total > MAX_LOADED_CELLS {
                        return Err(over(Limit::LoadedCells, "Workbook", total));
                    }
                }
            }
            _ if depth != 1 => {}
            0x0200 => {
                let claimed = xls_claimed_cells(&data);
                if claimed > MAX_XLS_CLAIMED_CELLS {
                    return Err(over(Limit::XlsClaimedCells, "Workbook", claimed));
                }
            }
            // Number, Label, RString, BoolErr, Rk, LabelSst, Formula: row, column first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 if data.len() >= 4 => {
                let row = u16::from_le_bytes([data[0], data[1]]);
                let col = u16::from_le_bytes([data[2], data[3]]);
                span.add(row, col);
            }
            // MulRk: row, first column, ..., last column in the last two bytes.
            0x00BD if data.len() >= 6 => {
                let row = u16::from_le_bytes([data[0], data[1]]);
                let first = u16::from_le_bytes([data[2], data[3]]);
                let last = u16::from_le_bytes([data[len - 2], data[len - 1]]);
                span.add(row, first);
                span.add(row, last.max(first));
            }
            _ => {}
        }
        if total.saturating_add(span.cells()) > MAX_LOADED_CELLS {
            return Err(over(
                Limit::LoadedCells,
                "Workbook",
                total.saturating_add(span.cells()),
            ));
        }
    }
}

/// The cells calamine reserves for a Dimensions record, computed as calamine does (including
/// its wrap-around when the last row is before the first).
fn xls_claimed_cells(r: &[u8]) -> u64 {
    let u16_at = |i: usize| u32::from(u16::from_le_bytes([r[i], r[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]);
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
        _ => return 0,
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (end_r, end_c) = if rl >= 1 && cl >= 1 {
        (rl - 1, cl - 1)
    } else {
        (rf, cf)
    };
    let rows = u64::from(end_r.wrapping_sub(rf).wrapping_add(1));
    let cols = u64::from(end_c.wrapping_sub(cf).wrapping_add(1));
    rows.saturating_mul(cols)
}

/// The grid spanned by a sheet's cells.
#[derive(Default)]
struct Span {
    extent: Option<((u16, u16), (u16, u16))>,
}

impl Span {
    fn add(&mut self, row: u16, col: u16) {
        self.extent = Some(match self.extent {
            None => ((row, col), (row, col)),
            Some(((r0, c0), (r1, c1))) => ((r0.min(row), c0.min(col)), (r1.max(row), c1.max(col))),
        });
    }

    fn cells(&self) -> u64 {
        match self.extent {
            None => 0,
            Some(((r0, c0), (r1, c1))) => {
                let rows = u64::from(r1) - u64::from(r0) + 1;
                rows.saturating_mul(u64::from(c1) - u64::from(c0) + 1)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_inflating_a_thousand_times_is_refused() {
        let bomb = ZipPart {
            name: "xl/worksheets/sheet1.xml",
            size: 200 << 20,
            compressed: 200 << 10,
        };
        assert!(matches!(
            check_zip_part(&bomb),
            Err(ReadError::OverLimit {
                limit: Limit::InflateRatio,
                ..
            })
        ));
        let small = ZipPart {
            name: "xl/styles.xml",
            size: 100 << 10,
            compressed: 100,
        };
        assert!(check_zip_part(&small).is_ok());
    }

    #[test]
    fn a_span_over_the_whole_grid_does_not_wrap_around() {
        let mut span = Span::default();
        span.add(0, 0);
        span.add(u16::MAX, u16::MAX);
        assert_eq!(span.cells(), 1 << 32);
    }

    #[test]
    fn xls_dimensions_are_computed_as_calamine_does() {
        let mut rec = Vec::new();
        rec.extend_from_slice(&0u32.to_le_bytes());
        rec.extend_from_slice(&10u32.to_le_bytes());
        rec.extend_from_slice(&0u16.to_le_bytes());
        rec.extend_from_slice(&3u16.to_le_bytes());
        rec.extend_from_slice(&0u16.to_le_bytes());
        assert_eq!(xls_claimed_cells(&rec), 30);
        // Last row before the first wraps around to four billion rows.
        rec[0..4].copy_from_slice(&20u32.to_le_bytes());
        assert!(xls_claimed_cells(&rec) > MAX_XLS_CLAIMED_CELLS);
    }

    #[test]
    fn ods_repeats_are_expanded_between_filled_cells() {
        let content = r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><table:table>
            <table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell></table:table-row>
            <table:table-row table:number-rows-repeated="1000"><table:table-cell/></table:table-row>
            <table:table-row><table:table-cell table:number-columns-repeated="9"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row>
            </table:table></office:document-content>"#;
        // 1002 rows by 10 columns, plus the two stored rows (1 and 10 cells).
        assert!(check_ods_content(content.as_bytes()).is_ok());
        let big = content.replace("1000", "900000");
        assert!(matches!(
            check_ods_content(big.as_bytes()),
            Err(ReadError::OverLimit {
                limit: Limit::LoadedCells,
                found: 9_000_031,
                ..
            })
        ));
    }
}

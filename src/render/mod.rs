//! The summary workbook: one module per output sheet, styles built once. The one place
//! rust_xlsxwriter is used.
//!
//! Every amount, share and date is written as a number with a number format (so Excel can
//! sort, filter and sum), every formula with its cached result (so every reader sees the
//! value without recalculating), and the document properties are fixed so the same input
//! gives the same bytes. cmd/output.rs writes the files.

mod brief_png;
mod changes;
mod costs;
mod export;
mod gantt;
mod metrics;
mod overview;
mod owners;
mod print;
mod retro;
mod risks;
mod snapshot;
mod story;
mod styles;
mod tables;
mod template;
mod trend;

use anyhow::Result;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};

use crate::compute::Summary;
use crate::lang::Lang;
pub use brief_png::{BriefImage, ImageError, brief_png, font_database};
pub use costs::{CostView, CostsWorkbook, LedgerEntry};
pub use export::{NotRead, costs_csv, costs_json};
pub use styles::Styles;
pub use template::template_workbook;

/// How the workbook is labelled and formatted.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub lang: Lang,
    /// Currency mark for amount formats ("¥", "$"); empty for plain numbers.
    pub currency: String,
}

/// Builds the weekly summary workbook (its fingerprint is added by [`set_fingerprint`]).
///
/// Errors: a cell cannot be written (rust_xlsxwriter's limits, such as a sheet name).
pub fn summary_workbook(summary: &Summary, opts: &RenderOptions) -> Result<Workbook> {
    let mut wb = Workbook::new();
    let styles = Styles::new(opts);
    let lang = opts.lang;
    set_properties(
        &mut wb,
        lang.pick(crate::model::SUMMARY_TITLE.0, crate::model::SUMMARY_TITLE.1),
        summary.settings.as_of,
    );
    overview::write(wb.add_worksheet(), summary, &styles)?;
    if let Some(c) = &summary.changes {
        changes::write(wb.add_worksheet(), c, &styles)?;
    }
    tables::goals(wb.add_worksheet(), summary, &styles)?;
    tables::tasks(wb.add_worksheet(), summary, &styles)?;
    owners::write(wb.add_worksheet(), summary, &styles)?;
    tables::weekly(wb.add_worksheet(), summary, &styles)?;
    trend::write(wb.add_worksheet(), summary, &styles)?;
    costs::write(wb.add_worksheet(), summary, &styles)?;
    if !summary.metrics.metrics.is_empty() {
        metrics::write(wb.add_worksheet(), summary, &styles)?;
    }
    risks::sheet(wb.add_worksheet(), summary, &styles)?;
    gantt::write(wb.add_worksheet(), summary, &styles)?;
    retro::write(wb.add_worksheet(), summary, &styles)?;
    tables::problems(wb.add_worksheet(), summary, &styles)?;
    tables::how_read(wb.add_worksheet(), summary, &styles)?;
    snapshot::write(wb.add_worksheet(), &summary.snapshot)?;
    Ok(wb)
}

/// Writes the fingerprint (see read::notes) into a rendered summary's snapshot sheet.
///
/// Errors: the workbook has no snapshot sheet.
pub fn set_fingerprint(wb: &mut Workbook, fingerprint: &str) -> Result<()> {
    let ws = wb.worksheet_from_name(crate::model::SNAPSHOT_SHEET)?;
    snapshot::set_fingerprint(ws, fingerprint)?;
    Ok(())
}

/// Fixed document properties: the creation time is the as-of date, not the clock, so the
/// same input and as-of date give byte-identical files.
fn set_properties(wb: &mut Workbook, title: &str, as_of: NaiveDate) {
    let props = DocProperties::new()
        .set_title(title)
        .set_author("plantrack")
        .set_comment(concat!("plantrack ", env!("CARGO_PKG_VERSION")))
        .set_creation_datetime(&as_of);
    wb.set_properties(&props);
}

/// Ledger rows from which the `costs` workbook is saved at [`FAST_DEFLATE`].
const FAST_DEFLATE_FROM_ROWS: u32 = 50_000;
/// The deflate level of a big ledger: compressing the ledger's XML is most of the time spent
/// saving; level 2 does it about 1.6x faster than the default 6 for a file about 30% bigger
/// (level 1 is no faster and 80% bigger; figures in BENCHMARKS.md). Smaller workbooks keep
/// the default.
const FAST_DEFLATE: u8 = 2;

/// The deflate level for a workbook holding `ledger_rows` ledger rows.
pub fn compression_level(ledger_rows: u32) -> u8 {
    if ledger_rows >= FAST_DEFLATE_FROM_ROWS {
        FAST_DEFLATE
    } else {
        6
    }
}

/// A file plantrack writes, as cmd/output.rs needs it: written into a file it has opened
/// (the temporary file renamed into place), or as bytes for a target that cannot be renamed
/// over (a device, a FIFO, standard output).
pub trait Document {
    /// Errors: the file cannot be written (the system's reason).
    fn write_into(&mut self, file: &mut std::fs::File) -> std::io::Result<()>;
    /// Errors: the document cannot be serialised.
    fn to_bytes(&mut self) -> std::io::Result<Vec<u8>>;
}

impl Document for Workbook {
    fn write_into(&mut self, file: &mut std::fs::File) -> std::io::Result<()> {
        self.save_to_writer(file).map_err(io_error)
    }
    fn to_bytes(&mut self) -> std::io::Result<Vec<u8>> {
        self.save_to_buffer().map_err(io_error)
    }
}

/// rust_xlsxwriter's error as the I/O error under it (so the message is the system's, not
/// the library's debug text).
fn io_error(e: XlsxError) -> std::io::Error {
    match e {
        XlsxError::IoError(e) => e,
        other => std::io::Error::other(other.to_string()),
    }
}

/// Writes an amount as a number, or nothing when there is none.
pub(crate) fn money(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: Option<Decimal>,
    f: &Format,
) -> Result<(), XlsxError> {
    match v.and_then(|d| d.to_f64()) {
        Some(x) => ws.write_number_with_format(row, col, x, f).map(|_| ()),
        None => ws.write_blank(row, col, f).map(|_| ()),
    }
}

/// Writes an amount without a currency: whole numbers as "5,000,000", others with two
/// decimals.
pub(crate) fn amount(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: Option<Decimal>,
    st: &Styles,
) -> Result<(), XlsxError> {
    let f = match v {
        Some(d) if !d.fract().is_zero() => &st.number_dec,
        _ => &st.number,
    };
    money(ws, row, col, v, f)
}

pub(crate) fn share(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: Option<f64>,
    f: &Format,
) -> Result<(), XlsxError> {
    match v.filter(|x| x.is_finite()) {
        Some(x) => ws.write_number_with_format(row, col, x, f).map(|_| ()),
        None => ws.write_blank(row, col, f).map(|_| ()),
    }
}

pub(crate) fn date(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: Option<NaiveDate>,
    f: &Format,
) -> Result<(), XlsxError> {
    match v {
        Some(d) => ws.write_datetime_with_format(row, col, d, f).map(|_| ()),
        None => ws.write_blank(row, col, f).map(|_| ()),
    }
}

/// Writes a text, cut to fit a cell ([`fit`]), or a blank cell when there is none. Every
/// text plantrack writes goes through here or [`fit`], so no cell can fail the run.
pub(crate) fn text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: Option<&str>,
    f: &Format,
) -> Result<(), XlsxError> {
    match v {
        Some(s) if !s.is_empty() => ws
            .write_string_with_format(row, col, fit(s).as_ref(), f)
            .map(|_| ()),
        _ => ws.write_blank(row, col, f).map(|_| ()),
    }
}

/// The most a cell holds: Excel's limit, in UTF-16 units (rust_xlsxwriter refuses more,
/// and then the whole workbook is lost).
pub(crate) const MAX_CELL_TEXT: usize = 32_767;
/// The tallest row Excel allows, in points.
pub(crate) const MAX_ROW_HEIGHT: f64 = 409.0;
/// Items a list cell names before "… and 37 more": a row at most 409 points tall shows about
/// 30 wrapped lines, and a task name takes one or two.
pub(crate) const MAX_LIST_ITEMS: usize = 20;

/// A text cut to fit a cell, ending with a note at its place that says it was cut and how
/// long it was (in the text's own language).
pub(crate) fn fit(s: &str) -> std::borrow::Cow<'_, str> {
    // A UTF-8 length within the limit is a UTF-16 length within it too.
    if s.len() <= MAX_CELL_TEXT || s.encode_utf16().count() <= MAX_CELL_TEXT {
        return std::borrow::Cow::Borrowed(s);
    }
    let total = crate::messages::amount(Decimal::from(s.chars().count()));
    let note = match Lang::of_text(s) {
        Some(Lang::Zh) => format!("……［已截断：原文共 {total} 字］"),
        _ => format!("… [cut: {total} characters in all]"),
    };
    let room = MAX_CELL_TEXT - note.encode_utf16().count();
    let mut used = 0;
    let mut out: String = s
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= room
        })
        .collect();
    out.push_str(&note);
    std::borrow::Cow::Owned(out)
}

/// Names joined by `sep`, at most [`MAX_LIST_ITEMS`] of them, then "… and 37 more".
pub(crate) fn capped_list<S: AsRef<str>>(items: &[S], sep: &str, lang: Lang) -> String {
    let shown: Vec<&str> = items
        .iter()
        .take(MAX_LIST_ITEMS)
        .map(AsRef::as_ref)
        .collect();
    let mut out = shown.join(sep);
    let more = items.len().saturating_sub(MAX_LIST_ITEMS);
    if more > 0 {
        let n = crate::messages::amount(Decimal::from(more));
        out.push_str(&match lang {
            Lang::Zh => format!("……等另外 {n} 项"),
            Lang::En => format!("… and {n} more"),
        });
    }
    out
}

/// A quantity as a number with its unit in the number format, so "发布笔记10篇" is the
/// number 10 shown as 10篇; nothing when there is none.
pub(crate) fn quantity(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    q: Option<&crate::model::Quantity>,
    st: &Styles,
) -> Result<(), XlsxError> {
    let Some((q, x)) = q.and_then(|q| Some((q, q.value.to_f64()?))) else {
        return ws.write_blank(row, col, &st.text).map(|_| ());
    };
    // A share typed in text ("完成页面设计30%") is read as 0.3 with the unit "%": shown
    // as a percent, 30%, like every other share.
    if q.unit.as_deref() == Some("%") {
        let whole = (q.value * rust_decimal::Decimal::ONE_HUNDRED)
            .fract()
            .is_zero();
        let f = st
            .text
            .clone()
            .set_num_format(if whole { "0%" } else { "0.0#%" });
        return ws.write_number_with_format(row, col, x, &f).map(|_| ());
    }
    // Decimals only where there are some: "#,##0.##" would show 10 as "10.".
    let digits = if q.value.fract().is_zero() {
        "#,##0"
    } else {
        "#,##0.##"
    };
    // A word unit takes a space ("8 ad"), a measure word none ("10篇").
    let format = match q.unit.as_deref() {
        Some(unit) if unit.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            format!("{digits}\" {}\"", unit.replace('"', ""))
        }
        Some(unit) => format!("{digits}\"{}\"", unit.replace('"', "")),
        None => digits.to_string(),
    };
    let f = st.text.clone().set_num_format(format);
    ws.write_number_with_format(row, col, x, &f).map(|_| ())
}

/// The height of a row whose wrapped cells hold `cells` (text, column width), or None when
/// each fits on one line. Spreadsheet apps do not reliably grow a row for wrapped text when
/// they open a file (LibreOffice does not), so long texts would be cut. At the 10-point font
/// a CJK character takes about 1.8 column-width units and a Latin one 0.8 (Excel's measure).
pub(crate) fn wrapped_row_height(cells: &[(&str, f64)]) -> Option<f64> {
    let lines = cells
        .iter()
        .map(|(t, width)| {
            let units: f64 = t
                .chars()
                .map(|c| if c.is_ascii() { 0.8 } else { 1.8 })
                .sum();
            (units / width.max(1.0)).ceil()
        })
        .fold(1.0, f64::max);
    (lines > 1.0).then_some((lines * 13.5).min(MAX_ROW_HEIGHT))
}

/// A table's header row with widths, frozen below it, and an autofilter over `rows` data
/// rows.
pub(crate) fn table_header(
    ws: &mut Worksheet,
    row: u32,
    headers: &[(&str, f64)],
    rows: usize,
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (c, (h, width)) in headers.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &styles.header)?;
        ws.set_column_width(c as u16, *width)?;
    }
    ws.set_row_height(row, 30)?;
    ws.set_freeze_panes(row + 1, 0)?;
    let width = print::columns_width_pt(headers.iter().map(|h| h.1));
    print::setup(ws, Some((row, row)), width, Some((0, key_columns(headers))));
    let last = row + rows.max(1) as u32;
    ws.autofilter(row, 0, last, headers.len().saturating_sub(1) as u16)?;
    Ok(())
}

/// The columns repeated on each printed page width of a wide table: up to its first wide
/// text column (the task or line name), at most four.
fn key_columns(headers: &[(&str, f64)]) -> u16 {
    headers
        .iter()
        .take(4)
        .position(|h| h.1 >= 24.0)
        .unwrap_or(0) as u16
}

/// Prints landscape, one page wide, with the header row repeated on every page.
pub(crate) fn print_setup(ws: &mut Worksheet, header_row: u32) {
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    let _ = ws.set_repeat_rows(header_row, header_row);
    ws.set_footer("&L&A&R&P / &N");
}

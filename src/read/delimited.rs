//! A CSV file as a one-sheet workbook: Feishu and Google Sheets export CSV, and Excel on
//! Chinese Windows saves it in GBK.
//!
//! The encoding is decided from the bytes, never assumed: a UTF-8 byte-order mark, a UTF-16
//! one (Excel's "Unicode text"), valid UTF-8, or else GB18030 (GBK's superset). A guess that
//! could be wrong is refused rather than read: GB18030 decodes almost any byte sequence, so
//! text whose double-byte characters fall mostly outside the common GB2312 block (Latin-1,
//! Big5, Shift-JIS saved by other programs) is refused with a message, never shown as
//! garbled names and silently counted.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

use super::ReadError;
use super::limits::{MAX_COLUMNS, MAX_ROWS};
use super::source::{CellValue, Row};

/// True for the CSV `costs --csv` writes (its header ends "… Line #, Budget source"): last
/// week's output in the team folder, whose Budget and Spent columns must not count again.
pub fn is_costs_export(rows: &[Row]) -> bool {
    let Some(first) = rows.first() else {
        return false;
    };
    let text = |c: usize| match first.get(c) {
        CellValue::Text(t) => t.trim(),
        _ => "",
    };
    (0..first.cells.len()).any(|c| {
        matches!(
            (text(c), text(c + 1)),
            ("Line #", "Budget source") | ("行号", "预算来源")
        )
    })
}

/// The rows of a CSV file's bytes, with numbers typed as numbers.
///
/// Errors: the encoding cannot be told for sure, or the file is not well-formed CSV.
pub fn rows(bytes: &[u8]) -> Result<Vec<Row>, ReadError> {
    let text = decode(bytes)?;
    let delimiter = delimiter_of(text.lines().next().unwrap_or(""));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ReadError::Damaged(format!("CSV: {e}")))?;
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        if index >= MAX_ROWS {
            return Err(ReadError::OverLimit {
                limit: super::limits::Limit::Rows,
                place: "CSV".into(),
                found: i as u64 + 1,
            });
        }
        let cells: Vec<CellValue> = record.iter().take(MAX_COLUMNS as usize).map(cell).collect();
        let row = Row {
            index,
            cells,
            merged_above: Vec::new(),
        };
        if !row.is_empty() {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// A field as a cell: a plain number is a number (as a spreadsheet program opens it), an id
/// with leading zeros stays text, everything else is text for the value parsers.
fn cell(field: &str) -> CellValue {
    let t = field.trim();
    if t.is_empty() {
        return CellValue::Empty;
    }
    let plain = t
        .strip_prefix('-')
        .unwrap_or(t)
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.');
    let leading_zero = t.len() > 1 && t.starts_with('0') && !t.starts_with("0.");
    match t.parse::<f64>() {
        Ok(x) if plain && !leading_zero && x.is_finite() => CellValue::Number(x),
        _ => CellValue::Text(field.to_string()),
    }
}

/// Comma, unless the first line is clearly separated by tabs or semicolons.
fn delimiter_of(first: &str) -> u8 {
    let count = |c: char| first.matches(c).count();
    let (commas, tabs, semis) = (count(','), count('\t'), count(';'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

/// The text of the bytes, in the one encoding they can be.
///
/// Errors: [`ReadError::UnknownEncoding`].
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec()).map_err(|_| ReadError::UnknownEncoding);
    }
    for (bom, enc) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return enc
                .decode_without_bom_handling_and_without_replacement(rest)
                .map(|t| t.into_owned())
                .ok_or(ReadError::UnknownEncoding);
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    if !looks_like_gbk(bytes) {
        return Err(ReadError::UnknownEncoding);
    }
    GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
        .ok_or(ReadError::UnknownEncoding)
}

/// True when the double-byte characters are mostly in GB2312's common block (both bytes
/// 0xA1-0xFE), as Chinese text saved in GBK is; other encodings read as GBK are not.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let (mut common, mut other) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if (0x30..=0x39).contains(&next) {
            // A four-byte GB18030 sequence: rare in text a spreadsheet program saves.
            other += 1;
            i += 4;
        } else {
            if b >= 0xA1 && next >= 0xA1 {
                common += 1;
            } else {
                other += 1;
            }
            i += 2;
        }
    }
    common > 0 && other * 20 <= common
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom_and_gbk_give_the_same_rows() {
        let text = "日期,费用科目,金额\n2026-11-02,直播推广费,18000\n";
        let (gbk, _, _) = GB18030.encode(text);
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        for bytes in [text.as_bytes(), &bom, &gbk] {
            let rows = rows(bytes).unwrap();
            assert_eq!(rows.len(), 2);
            assert_eq!(rows[0].cells[1], CellValue::Text("费用科目".into()));
            assert_eq!(rows[1].cells[2], CellValue::Number(18000.0));
        }
    }

    #[test]
    fn latin1_is_refused_not_read_as_gbk() {
        // "Cafés crème", "Brasserie Amélie" in Latin-1: GB18030 decodes it, into nonsense.
        let latin1 = b"Item,Amount\nCaf\xe9s cr\xe8me,12\nBrasserie Am\xe9lie,30\n";
        assert!(
            GB18030
                .decode_without_bom_handling_and_without_replacement(latin1)
                .is_some()
        );
        assert!(matches!(rows(latin1), Err(ReadError::UnknownEncoding)));
    }

    #[test]
    fn ids_keep_leading_zeros_and_tabs_are_found() {
        let rows = rows(b"ID\tTask\n007\tPoster\n1.1\tPrint\n").unwrap();
        assert_eq!(rows[1].cells[0], CellValue::Text("007".into()));
        assert_eq!(rows[2].cells[0], CellValue::Number(1.1));
    }
}

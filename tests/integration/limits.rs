//! Hostile files end quickly, in bounded memory, with an error that names the limit (or read
//! normally, where the file is merely big). Each runs under `ulimit -v` (2 GiB of address
//! space): before the limits, these files took 2 to 6 GB or aborted the process. The files
//! are made here, at a modest size, so the suite stays fast.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use crate::common::*;
use crate::workbooks::{COSTS_ROWS_XML, hand_made_ods, hand_made_xlsx, ods_row};

/// Runs `check` on `file` with 2 GiB of address space and 30 s; returns the output and time.
fn bounded_check(dir: &Path, file: &str) -> (Output, Duration) {
    let start = Instant::now();
    let script = format!(
        "ulimit -v 2097152; exec \"{}\" check \"{file}\" --as-of {AS_OF} --lang en",
        env!("CARGO_BIN_EXE_plantrack")
    );
    let o = assert_cmd::Command::new("sh")
        .current_dir(dir)
        .args(["-c", &script])
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("memory allocation"),
        "{err}"
    );
    (o, start.elapsed())
}

/// The file is refused with exit 2 and one line naming the limit.
fn refused(dir: &Path, file: &str, limit_words: &[&str]) {
    let (o, took) = bounded_check(dir, file);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{file}: {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    for w in limit_words {
        assert!(err.contains(w), "{file}: {err:?} lacks {w:?}");
    }
    assert!(took < Duration::from_secs(5), "{file} took {took:?}");
}

fn rows(range: std::ops::Range<u32>, row: impl Fn(u32) -> String) -> impl Iterator<Item = Vec<u8>> {
    range
        .collect::<Vec<_>>()
        .chunks(10_000)
        .map(|c| c.iter().map(|r| row(*r)).collect::<String>().into_bytes())
        .collect::<Vec<_>>()
        .into_iter()
}

#[test]
fn a_zip_bomb_is_refused_by_its_inflation_ratio() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.xlsx");
    // 200 MB of spaces inside the sheet data compress to about 200 kB.
    let data = std::iter::once(COSTS_ROWS_XML.as_bytes().to_vec())
        .chain(std::iter::repeat_n(vec![b' '; 1 << 20], 200));
    hand_made_xlsx(&path, data, "").unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 2 << 20);
    refused(
        dir.path(),
        "bomb.xlsx",
        &[
            "xl/worksheets/sheet1.xml inflates to",
            "limit of 100 times",
            "zip bomb",
        ],
    );
}

#[test]
fn an_ods_claiming_a_hundred_million_cells_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let table = format!(
        "{}{}{}{}",
        ods_row(&["Date", "Category", "Amount"]),
        ods_row(&["2026-11-01", "Ads", "1200"]),
        r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>"#,
        r#"<table:table-row><table:table-cell table:number-columns-repeated="89"/><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#,
    );
    hand_made_ods(&dir.path().join("huge.ods"), &table).unwrap();
    refused(
        dir.path(),
        "huge.ods",
        &[
            "94,320,",
            "limit of 5,000,000 for .xls and .ods",
            "save it as .xlsx",
        ],
    );
    // The same table without the far cell is a normal file.
    let small = format!(
        "{}{}",
        ods_row(&["Date", "Category", "Amount"]),
        ods_row(&["2026-11-01", "Ads", "1200"])
    );
    hand_made_ods(&dir.path().join("small.ods"), &small).unwrap();
    let (o, _) = bounded_check(dir.path(), "small.ods");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// An .xls from the corpus with one record patched (the patch is found by its bytes).
fn patched_xls(dir: &Path, name: &str, pattern: &[u8], patch: &[u8]) {
    let mut bytes = std::fs::read(root().join("tests/corpus/calamine-tests/date.xls")).unwrap();
    let at = bytes
        .windows(pattern.len())
        .position(|w| w == pattern)
        .expect("record in date.xls")
        + pattern.len();
    bytes[at..at + patch.len()].copy_from_slice(patch);
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn an_xls_claiming_billions_of_cells_is_refused_not_aborted() {
    let dir = tempfile::tempdir().unwrap();
    // Dimensions: rows 0..4,294,967,295, columns 0..65,535 (calamine reserved it and aborted).
    let mut dims = Vec::new();
    dims.extend_from_slice(&0u32.to_le_bytes());
    dims.extend_from_slice(&u32::MAX.to_le_bytes());
    dims.extend_from_slice(&0u16.to_le_bytes());
    dims.extend_from_slice(&u16::MAX.to_le_bytes());
    patched_xls(dir.path(), "dims.xls", &[0x00, 0x02, 0x0E, 0x00], &dims);
    refused(
        dir.path(),
        "dims.xls",
        &["claims a sheet of", "the file is damaged"],
    );
    // A Number cell at row 65,535, column 65,535: the sheet's grid spans four billion cells.
    patched_xls(dir.path(), "far.xls", &[0x03, 0x02, 0x0E, 0x00], &[0xFF; 4]);
    refused(
        dir.path(),
        "far.xls",
        &["limit of 5,000,000 for .xls and .ods"],
    );
}

#[test]
fn a_row_past_excels_last_row_fails_the_file_not_part_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let far = r#"<row r="4000000000"><c r="C4000000000"><v>1</v></c></row>"#;
    let data = [COSTS_ROWS_XML.as_bytes().to_vec(), far.as_bytes().to_vec()];
    hand_made_xlsx(&dir.path().join("far.xlsx"), data.into_iter(), "").unwrap();
    let (o, took) = bounded_check(dir.path(), "far.xlsx");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("far.xlsx: sheet \"成本支出明细\" has a row 4,000,000,000, past Excel's last row 1,048,576: no spreadsheet program writes such a row, so the file is not read"),
        "{err}"
    );
    // The rows above it are not counted either: the file is read whole or not at all.
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains("物料制作"), "{out}");
    assert!(took < Duration::from_secs(5));
}

#[test]
fn a_huge_claimed_dimension_and_a_merge_over_the_whole_sheet_cost_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let corner = r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#;
    let data = [
        COSTS_ROWS_XML.as_bytes().to_vec(),
        corner.as_bytes().to_vec(),
    ];
    let after = r#"<mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells>"#;
    hand_made_xlsx(&dir.path().join("wide.xlsx"), data.into_iter(), after).unwrap();
    let (o, took) = bounded_check(dir.path(), "wide.xlsx");
    assert!(matches!(o.status.code(), Some(0 | 1)));
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

#[test]
fn many_empty_formatted_rows_thousands_of_columns_and_merges_stay_linear() {
    let dir = tempfile::tempdir().unwrap();
    // 200,000 empty formatted rows below the data (a million take about 2.5 s the same way).
    let empty = rows(4..200_004, |r| {
        format!(
            r#"<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/><c r="B{r}" s="1"/><c r="C{r}" s="1"/></row>"#
        )
    });
    let data = std::iter::once(COSTS_ROWS_XML.as_bytes().to_vec()).chain(empty);
    hand_made_xlsx(&dir.path().join("empty-rows.xlsx"), data, "").unwrap();
    // 16,384 columns on 20 rows.
    let wide_rows =
        std::iter::once(COSTS_ROWS_XML.as_bytes().to_vec()).chain((4..24u32).map(|r| {
            let cells: String = (0..16_384)
                .map(|c| format!(r#"<c r="{}{r}"><v>{c}</v></c>"#, column(c)))
                .collect();
            format!(r#"<row r="{r}">{cells}</row>"#).into_bytes()
        }));
    hand_made_xlsx(&dir.path().join("columns.xlsx"), wide_rows, "").unwrap();
    // 50,000 rows, each with its own merged block (this was quadratic: 18 s for 100,000).
    let merged = rows(4..50_004, |r| {
        format!(
            r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>2026-11-03</t></is></c><c r="B{r}" t="inlineStr"><is><t>物料制作</t></is></c><c r="C{r}"><v>1</v></c></row>"#
        )
    });
    let after = format!(
        "<mergeCells>{}</mergeCells>",
        (4..50_004)
            .map(|r| format!(r#"<mergeCell ref="D{r}:E{r}"/>"#))
            .collect::<String>()
    );
    let data = std::iter::once(COSTS_ROWS_XML.as_bytes().to_vec()).chain(merged);
    hand_made_xlsx(&dir.path().join("merges.xlsx"), data, &after).unwrap();
    for file in ["empty-rows.xlsx", "columns.xlsx", "merges.xlsx"] {
        let (o, took) = bounded_check(dir.path(), file);
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{file}: {out}");
        assert!(took < Duration::from_secs(10), "{file} took {took:?}");
    }
}

fn column(mut c: u32) -> String {
    let mut s = Vec::new();
    c += 1;
    while c > 0 {
        let r = (c - 1) % 26;
        s.push(b'A' + r as u8);
        c = (c - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

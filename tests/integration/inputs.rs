//! Bad input: each kind of file that cannot be read fails alone, with one line on stderr in
//! the output language that says what the file is and what to do; the other files still run.

use std::io::Write;
use std::path::Path;

use crate::common::*;
use crate::workbooks::one_sheet;

/// Runs `check` on one input; asserts exit 2 and exactly one stderr line for it, which it
/// returns.
fn one_line_failure(dir: &Path, input: &str, lang: &str) -> String {
    let o = plantrack(dir, &["check", input, "--as-of", AS_OF, "--lang", lang]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2), "{input}: {err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{input}: {err}");
    let prefix = format!("plantrack: {input}: ");
    assert!(lines[0].starts_with(&prefix), "{err}");
    lines[0][prefix.len()..].to_string()
}

/// Both languages: the English message contains `en`, the Chinese one `zh`.
fn fails_with(dir: &Path, input: &str, en: &[&str], zh: &[&str]) {
    let line = one_line_failure(dir, input, "en");
    for part in en {
        assert!(line.contains(part), "{input}: {line:?} lacks {part:?}");
    }
    let line = one_line_failure(dir, input, "zh");
    for part in zh {
        assert!(line.contains(part), "{input}: {line:?} lacks {part:?}");
    }
}

fn zip_with(path: &Path, names: &[&str]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for n in names {
        zip.start_file(*n, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"x").unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn a_missing_file_and_an_empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    fails_with(
        dir.path(),
        "missing.xlsx",
        &["no such file"],
        &["文件不存在"],
    );
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    fails_with(dir.path(), "empty", &["no workbooks"], &["没有工作簿"]);
    std::fs::create_dir(dir.path().join("notes")).unwrap();
    std::fs::write(dir.path().join("notes/notes.txt"), "a,b\n1,2\n").unwrap();
    fails_with(dir.path(), "notes", &["only \"notes.txt\""], &["notes.txt"]);
}

#[test]
fn formats_calamine_cannot_read_say_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("notes.txt"), "<?xml version=\"1.0\"?><a/>").unwrap();
    fails_with(
        d,
        "notes.txt",
        &[
            "XML",
            "plantrack reads .xlsx .xlsm .xlsb .xls .ods .csv",
            "save it as .xlsx",
        ],
        &["XML", "另存为 .xlsx"],
    );
    std::fs::write(d.join("notes.xlsx"), "just some text").unwrap();
    fails_with(d, "notes.xlsx", &["a text file"], &["文本文件"]);
    std::fs::write(
        d.join("export.xls"),
        "<html><body><table><tr><td>1</td></tr></table></body></html>",
    )
    .unwrap();
    fails_with(d, "export.xls", &["web page (HTML)"], &["网页"]);
    zip_with(
        &d.join("plan.numbers"),
        &["Index/Document.iwa", "Metadata/x"],
    );
    fails_with(
        d,
        "plan.numbers",
        &["Apple Numbers", "Export To > Excel"],
        &["Numbers"],
    );
    std::fs::write(d.join("empty.xlsx"), "").unwrap();
    fails_with(d, "empty.xlsx", &["empty (0 bytes)"], &["空的"]);
    std::fs::write(d.join("scan.xlsx"), b"%PDF-1.4 ...").unwrap();
    fails_with(d, "scan.xlsx", &["PDF"], &["PDF"]);
    zip_with(&d.join("photos.xlsx"), &["a.jpg"]);
    fails_with(d, "photos.xlsx", &["zip archive"], &["压缩包"]);
}

#[test]
fn a_corrupt_zip_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(samples().join(EN_SAMPLE)).unwrap();
    std::fs::write(dir.path().join("cut.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    fails_with(
        dir.path(),
        "cut.xlsx",
        &["damaged or cut short", "save a new copy"],
        &["已损坏"],
    );
    // A zip whose workbook part is garbage.
    zip_with(
        &dir.path().join("garbage.xlsx"),
        &["[Content_Types].xml", "xl/workbook.xml"],
    );
    fails_with(dir.path(), "garbage.xlsx", &["damaged"], &["已损坏"]);
}

#[test]
fn password_protected_workbooks_ask_for_an_unprotected_copy() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["xlsx", "xlsb", "ods"] {
        let name = format!("locked.{ext}");
        std::fs::copy(
            root().join(format!("tests/corpus/calamine-tests/pass_protected.{ext}")),
            dir.path().join(&name),
        )
        .unwrap();
        fails_with(
            dir.path(),
            &name,
            &["password-protected: save an unprotected copy"],
            &["密码保护", "不加密的副本"],
        );
    }
}

#[test]
fn no_recognised_sheet_names_the_sheets_found_and_expected() {
    let dir = tempfile::tempdir().unwrap();
    one_sheet(
        &dir.path().join("notes.xlsx"),
        "Notes",
        &[&["hello", "world"], &["a", "b"]],
    );
    fails_with(
        dir.path(),
        "notes.xlsx",
        &["found \"Notes\"", "Plan, Weekly, Costs, Budget, Risks"],
        &["\"Notes\"", "目标拆解"],
    );
}

#[test]
fn a_missing_required_column_is_named_in_both_languages_with_the_headers_found() {
    let dir = tempfile::tempdir().unwrap();
    one_sheet(
        &dir.path().join("costs.xlsx"),
        "成本支出明细",
        &[
            &["日期", "费用科目", "渠道", "事项"],
            &["2026-11-01", "物料", "线下", "海报"],
        ],
    );
    fails_with(
        dir.path(),
        "costs.xlsx",
        &["金额 / Amount", "headers found: 日期, 费用科目, 渠道, 事项"],
        &["金额 / Amount", "日期、费用科目、渠道、事项"],
    );
}

#[test]
fn a_lock_file_beside_the_input_warns_that_it_may_be_open() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(samples().join(EN_SAMPLE), dir.path().join("team.xlsx")).unwrap();
    std::fs::write(dir.path().join("~$team.xlsx"), [0u8; 165]).unwrap();
    for input in ["team.xlsx", "."] {
        let o = plantrack(dir.path(), &["check", input, "--as-of", AS_OF]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "the warning does not fail the run"
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("~$team.xlsx is beside it"), "{err}");
        assert!(err.contains("may be open"), "{err}");
    }
}

#[test]
fn a_lock_file_given_as_input_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("~$team.xlsx"), [0u8; 165]).unwrap();
    fails_with(
        dir.path(),
        "~$team.xlsx",
        &["lock file", "give plantrack the workbook itself"],
        &["锁文件"],
    );
}

#[test]
fn check_reads_the_other_files_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(samples().join(ZH_SAMPLE), dir.path().join("team.xlsx")).unwrap();
    std::fs::write(dir.path().join("costs.csv"), "a,b\n").unwrap();
    let o = plantrack(
        dir.path(),
        &[
            "check",
            "team.xlsx",
            "costs.csv",
            "missing.xlsx",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("周度进度跟踪!B9"), "{out}");
    assert!(out.contains("2 个文件无法读取"), "{out}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 2, "{err}");
}

/// `report` writes the summary of the files it could read, lists the others in it and on
/// stderr, and exits 0; with nothing readable it writes nothing and exits 2.
#[test]
fn report_summarises_the_readable_files_and_lists_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(samples().join(ZH_SAMPLE), dir.path().join("team.xlsx")).unwrap();
    std::fs::write(dir.path().join("other.xlsx"), "not a workbook").unwrap();
    let o = plantrack(
        dir.path(),
        &[
            "report",
            "team.xlsx",
            "other.xlsx",
            "--as-of",
            AS_OF,
            "-o",
            "out.xlsx",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.lines()
            .next()
            .unwrap()
            .starts_with("plantrack: other.xlsx: 这是文本文件")
    );
    let problems = sheet(&dir.path().join("out.xlsx"), "数据问题");
    let row = row_with(&problems, 1, "other.xlsx");
    assert!(text(&row[3]).starts_with("未读取：这是文本文件"), "{row:?}");
    assert_eq!(text(&row[2]), "错误");

    let o = plantrack(
        dir.path(),
        &["report", "other.xlsx", "--as-of", AS_OF, "-o", "none.xlsx"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.path().join("none.xlsx").exists());
}

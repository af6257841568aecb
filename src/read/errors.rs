//! The one-line text of a [`ReadError`], in either language: what was found and what to do.

use crate::lang::Lang;
use crate::messages::amount;
use crate::model::{FileKind, Limit, OwnOutput, ReadError};

const SUPPORTED: &str = ".xlsx .xlsm .xlsb .xls .ods .csv";

impl FileKind {
    pub(crate) fn what(self, lang: Lang) -> String {
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
        // A sheet's problems may end with the lines offered for a mapping file: those keep
        // their line breaks (they are to be pasted), every other line is folded.
        if let ReadError::MissingColumns(_) = self {
            return text
                .lines()
                .map(|l| {
                    if l.starts_with(['[', '#', '"']) || l.contains(" = ") {
                        l.trim_end().to_string()
                    } else {
                        l.split_whitespace().collect::<Vec<_>>().join(" ")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
        }
        let mut line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // The lines offered for a mapping file keep their line breaks: they are to be pasted.
        if let ReadError::NoRecognisedSheet { hints, .. } = self {
            for hint in hints {
                line.push('\n');
                line.push_str(&crate::messages::hint_text(hint, lang));
            }
        }
        line
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
            (ReadError::UnknownEncoding, Lang::Zh) => {
                "CSV 文本的编码无法确定（不是 UTF-8，也不是 GBK）：请另存为“CSV UTF-8”".into()
            }
            (ReadError::UnknownEncoding, Lang::En) => {
                "CSV text in an encoding plantrack cannot tell for sure (not UTF-8, not GBK); save it as CSV UTF-8".into()
            }
            (ReadError::Password, Lang::Zh) => "工作簿有密码保护：请另存一份不加密的副本".into(),
            (ReadError::Password, Lang::En) => {
                "the workbook is password-protected: save an unprotected copy".into()
            }
            // The reader's own words are English: the Chinese line says what to do without them.
            (ReadError::Damaged(_), Lang::Zh) => {
                "工作簿已损坏或不完整：请用 Excel、WPS 或 LibreOffice 打开并另存一份".into()
            }
            (ReadError::Damaged(e), Lang::En) => format!(
                "the workbook is damaged or cut short ({e}): open it in Excel, WPS or LibreOffice and save a new copy"
            ),
            (ReadError::Unreadable(e), Lang::Zh) => match os_error_code(e) {
                Some(code) => format!(
                    "无法读取文件：{}",
                    crate::messages::io_text(&std::io::Error::from_raw_os_error(code), lang)
                ),
                None => "无法读取文件".into(),
            },
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
            (ReadError::NoRecognisedSheet { found, .. }, Lang::Zh) => format!(
                "没有可识别的工作表：找到 {}；需要名称或表头像 目标拆解、周度跟踪、成本支出明细、预算、风险预案 的表",
                quoted(found)
            ),
            (ReadError::NoRecognisedSheet { found, .. }, Lang::En) => format!(
                "no recognised sheet: found {}; expected sheets named or headed like Plan, Weekly, Costs, Budget, Risks",
                quoted(found)
            ),
            (ReadError::MissingColumns(problems), lang) => problems
                .iter()
                .map(|p| format!("{}: {}", p.at, crate::messages::problem_text(&p.kind, lang)))
                .collect::<Vec<_>>()
                .join(if problems.iter().any(has_hint) {
                    "\n"
                } else {
                    "; "
                }),
            (ReadError::OwnOutput(OwnOutput::Summary), Lang::Zh) => {
                "这是 plantrack 生成的汇总，已跳过（不作为团队数据读取）".into()
            }
            (ReadError::OwnOutput(OwnOutput::Summary), Lang::En) => {
                "a summary plantrack wrote: skipped, not read as team data".into()
            }
            (ReadError::OwnOutput(OwnOutput::Costs), Lang::Zh) => {
                "这是 plantrack 生成的成本表，已跳过（不作为团队数据读取）".into()
            }
            (ReadError::OwnOutput(OwnOutput::Costs), Lang::En) => {
                "a cost workbook plantrack wrote: skipped, not read as team data".into()
            }
            (ReadError::NotAFile(what), lang) => what.message(lang),
            (ReadError::NotFiles(entries), Lang::Zh) => format!(
                "跳过了 {} 个不是文件的条目：{}",
                entries.len(),
                entries
                    .iter()
                    .map(|(n, w)| format!("\"{n}\"（{}）", w.what(Lang::Zh)))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            (ReadError::NotFiles(entries), Lang::En) => format!(
                "skipped {} entries that are not files: {}",
                entries.len(),
                entries
                    .iter()
                    .map(|(n, w)| format!("\"{n}\" ({})", w.what(Lang::En)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
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

fn has_hint(p: &crate::model::Problem) -> bool {
    use crate::model::ProblemKind as K;
    matches!(
        &p.kind,
        K::MissingColumn { hint: Some(_), .. }
            | K::MappedHeader { hint: Some(_), .. }
            | K::IgnoredSheet { hint: Some(_) }
            | K::NoHeaderRow { hint: Some(_), .. }
    )
}

/// The code of an OS error's text, "Permission denied (os error 13)" -> 13.
fn os_error_code(text: &str) -> Option<i32> {
    let (_, rest) = text.rsplit_once("(os error ")?;
    rest.strip_suffix(')')?.parse().ok()
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
            "工作表 \"{place}\" 有第 {} 行，超过 Excel 的最后一行 {}：电子表格软件不会写出这样的行，整个文件未读取",
            count(found),
            count(max)
        ),
        (Limit::Rows, Lang::En) => format!(
            "sheet \"{place}\" has a row {}, past Excel's last row {}: no spreadsheet program writes such a row, so the file is not read",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_reasons_leave_the_readers_english_out() {
        let denied = ReadError::Unreadable("Permission denied (os error 13)".into());
        assert_eq!(
            denied.message(Lang::Zh),
            "无法读取文件：没有权限（文件可能被其他程序占用，或文件夹为只读）（系统错误 13）"
        );
        assert_eq!(
            denied.message(Lang::En),
            "cannot read the file (Permission denied (os error 13))"
        );
        assert_eq!(
            ReadError::Unreadable("stream did not contain valid UTF-8".into()).message(Lang::Zh),
            "无法读取文件"
        );
        let cut = ReadError::Damaged("invalid Zip archive: Could not find EOCD".into());
        assert!(!cut.message(Lang::Zh).contains("Zip"));
        assert!(cut.message(Lang::En).contains("Could not find EOCD"));
    }
}

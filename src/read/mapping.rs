//! The mapping file: what a user tells plantrack about a sheet its inference misses.
//!
//! A `plantrack.toml` beside the workbooks (or a file given with `--mapping`) holds
//! `[[sheet]]` entries: which file and sheet, its kind, its header row and which header means
//! which field. It is input, so it is read here; its words (kinds, fields) are the contract's
//! (`contract::mapping`). An entry only overrides what it names, for its sheet: the table
//! finder still does the rest (other columns by their aliases, totals rows, sections, checks).
//!
//! TOML because it is the format people already meet for such files (Cargo, pyproject), it
//! takes comments and Chinese text as written, and the `toml` crate gives every key and value
//! its place, so a mistake is reported at its line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Deserialize;
use toml::Spanned;

use crate::contract::mapping::{
    ColumnWord, MappedKind, column_word, fields_of, kind_named, kind_words,
};
use crate::contract::{SheetKind, fold, header_key};
use crate::lang::Lang;
use crate::model::{CellRef, Problem, ProblemKind, Severity};

/// The name of the mapping file plantrack looks for beside the workbooks.
pub const FILE_NAME: &str = "plantrack.toml";

/// Every mapping entry that applies to the workbooks of a run.
#[derive(Debug, Default)]
pub struct Mapping {
    entries: Vec<Entry>,
    /// Remarks about the files themselves (a column still `"?"`), as problems.
    notes: Vec<Problem>,
}

/// One `[[sheet]]` entry.
#[derive(Debug)]
pub struct Entry {
    /// Where it is written: "plantrack.toml:3".
    pub source: String,
    /// The folder whose workbooks it applies to (None: every workbook, `--mapping`).
    dir: Option<PathBuf>,
    file: Option<String>,
    name: Option<String>,
    pub kind: Option<MappedKind>,
    /// 1-based, as Excel shows rows.
    pub header_row: Option<u32>,
    /// Header as written, its [`header_key`], and what the line says.
    columns: Vec<(String, String, String)>,
    used: AtomicBool,
}

impl Entry {
    /// The kind the entry names, if it names one (not `ignore`).
    pub fn sheet_kind(&self) -> Option<SheetKind> {
        match self.kind {
            Some(MappedKind::Kind(k)) => Some(k),
            _ => None,
        }
    }

    /// What the entry's line for a header says for a kind: a field, left out, or nothing
    /// said (None: the column is matched by its aliases). `header` is one of the texts of a
    /// header cell (the cell, or the parts of a merged group header).
    pub fn column(&self, kind: SheetKind, header: &str) -> Option<ColumnWord> {
        let key = header_key(header);
        if key.is_empty() {
            return None;
        }
        let (_, _, word) = self.columns.iter().find(|(_, k, _)| *k == key)?;
        match column_word(kind, word) {
            // A field of another kind (no kind named): the column is left out for this one.
            None => Some(ColumnWord::Ignore),
            w => w,
        }
    }

    /// The headers it names, as written.
    pub fn headers(&self) -> Vec<String> {
        self.columns.iter().map(|(h, _, _)| h.clone()).collect()
    }

    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(f) = &self.file {
            parts.push(format!("file = \"{f}\""));
        }
        if let Some(n) = &self.name {
            parts.push(format!("name = \"{n}\""));
        }
        parts.join(", ")
    }
}

/// The entries that may apply to one workbook.
#[derive(Debug, Default)]
pub struct FileMapping<'m> {
    entries: Vec<&'m Entry>,
}

impl<'m> FileMapping<'m> {
    /// No mapping (a workbook read from memory).
    pub fn none() -> FileMapping<'static> {
        FileMapping::default()
    }

    /// The entry for a sheet, if one names it (the first one wins); marks it used.
    pub fn sheet(&self, name: &str) -> Option<&'m Entry> {
        let e = self
            .entries
            .iter()
            .find(|e| e.name.as_deref().is_none_or(|n| name_matches(n, name)))?;
        e.used.store(true, Ordering::Relaxed);
        Some(e)
    }
}

impl Mapping {
    /// The mapping of a run: the file given with `--mapping` (for every workbook), then the
    /// `plantrack.toml` in each workbook's folder (for the workbooks there).
    ///
    /// Errors: a mapping file that cannot be read or says something plantrack cannot use,
    /// each with its file and line.
    pub fn for_inputs(files: &[PathBuf], explicit: Option<&Path>) -> Result<Mapping, MappingError> {
        let mut mapping = Mapping::default();
        let mut seen: Vec<PathBuf> = Vec::new();
        if let Some(path) = explicit {
            mapping.load(path, None)?;
            seen.push(canonical(path));
        }
        let mut dirs: Vec<PathBuf> = files.iter().map(|f| folder_of(f)).collect();
        dirs.sort();
        dirs.dedup();
        for dir in dirs {
            let path = dir.join(FILE_NAME);
            if path.is_file() && !seen.contains(&canonical(&path)) {
                seen.push(canonical(&path));
                mapping.load(&path, Some(dir))?;
            }
        }
        Ok(mapping)
    }

    /// A mapping read from text, for every workbook (tests, and `--mapping` once read).
    ///
    /// Errors: as [`Mapping::for_inputs`].
    pub fn from_text(text: &str, shown: &str) -> Result<Mapping, MappingError> {
        let mut mapping = Mapping::default();
        mapping.parse(text, shown, None)?;
        Ok(mapping)
    }

    /// True when no entry was read.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn load(&mut self, path: &Path, dir: Option<PathBuf>) -> Result<(), MappingError> {
        let shown = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let bytes = std::fs::read(path).map_err(|e| MappingError {
            faults: vec![(
                path.display().to_string(),
                Fault::Unreadable {
                    zh: crate::messages::io_text(&e, Lang::Zh),
                    en: crate::messages::io_text(&e, Lang::En),
                },
            )],
        })?;
        let text = decode(&bytes);
        self.parse(&text, &shown, dir)
    }

    fn parse(&mut self, text: &str, shown: &str, dir: Option<PathBuf>) -> Result<(), MappingError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let at = |span: std::ops::Range<usize>| format!("{shown}:{}", line_of(text, span.start));
        let raw: RawFile = toml::from_str(text).map_err(|e| MappingError {
            faults: vec![(
                e.span().map_or_else(|| shown.to_string(), &at),
                Fault::from_toml(e.message()),
            )],
        })?;
        let mut faults = Vec::new();
        for sheet in raw.sheet {
            let source = at(sheet.span());
            let sheet = sheet.into_inner();
            let text_of =
                |v: &Option<Spanned<toml::Value>>, key: &'static str, faults: &mut Vec<_>| {
                    let v = v.as_ref()?;
                    match v.get_ref() {
                        toml::Value::String(s) => Some(s.trim().to_string()),
                        other => {
                            faults.push((
                                at(v.span()),
                                Fault::NotText {
                                    key,
                                    found: value_text(other),
                                },
                            ));
                            None
                        }
                    }
                };
            let file = text_of(&sheet.file, "file", &mut faults);
            let name = text_of(&sheet.name, "name", &mut faults);
            if sheet.file.is_none() && sheet.name.is_none() {
                faults.push((source.clone(), Fault::NoSheetOrFile));
            }
            let kind = match (text_of(&sheet.kind, "kind", &mut faults), &sheet.kind) {
                (Some(word), Some(v)) => match kind_named(&word) {
                    Some(k) => Some(k),
                    None => {
                        faults.push((at(v.span()), Fault::UnknownKind { found: word }));
                        None
                    }
                },
                _ => None,
            };
            let header_row = sheet.header_row.as_ref().and_then(|v| match v.get_ref() {
                toml::Value::Integer(n) if (1..=1_048_576).contains(n) => Some(*n as u32),
                other => {
                    faults.push((
                        at(v.span()),
                        Fault::NotARow {
                            found: value_text(other),
                        },
                    ));
                    None
                }
            });
            let mut columns = Vec::new();
            for (header, value) in sheet.columns.map(Spanned::into_inner).unwrap_or_default() {
                let line = at(header.span());
                let header = header.into_inner();
                let word = match value.get_ref() {
                    toml::Value::String(s) => s.trim().to_string(),
                    other => {
                        faults.push((
                            line,
                            Fault::NotText {
                                key: "columns",
                                found: value_text(other),
                            },
                        ));
                        continue;
                    }
                };
                let kinds: Vec<SheetKind> = match kind {
                    Some(MappedKind::Kind(k)) => vec![k],
                    Some(MappedKind::Ignore) => Vec::new(),
                    None => SheetKind::ALL.to_vec(),
                };
                let said: Vec<ColumnWord> = kinds
                    .iter()
                    .filter_map(|k| column_word(*k, &word))
                    .collect();
                if said.is_empty() && !kinds.is_empty() {
                    faults.push((
                        line,
                        Fault::UnknownField {
                            header,
                            found: word,
                            kind: kind.and_then(|k| match k {
                                MappedKind::Kind(k) => Some(k),
                                MappedKind::Ignore => None,
                            }),
                        },
                    ));
                    continue;
                }
                if said.contains(&ColumnWord::Unfilled) {
                    self.notes.push(Problem {
                        team: shown.to_string(),
                        at: CellRef::sheet_only(line.clone()),
                        severity: Severity::Warning,
                        kind: ProblemKind::MappingUnfilled {
                            header: header.clone(),
                        },
                    });
                }
                columns.push((header.clone(), header_key(&header), word));
            }
            self.entries.push(Entry {
                source,
                dir: dir.clone(),
                file,
                name,
                kind,
                header_row,
                columns,
                used: AtomicBool::new(false),
            });
        }
        if faults.is_empty() {
            Ok(())
        } else {
            Err(MappingError { faults })
        }
    }

    /// The entries that may apply to the workbook at `path`.
    pub fn for_file(&self, path: &Path) -> FileMapping<'_> {
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let dir = (!self.entries.iter().all(|e| e.dir.is_none())).then(|| folder_of(path));
        let entries = self
            .entries
            .iter()
            .filter(|e| e.dir.is_none() || e.dir == dir)
            .filter(|e| match (&e.file, &file_name) {
                (None, _) => true,
                (Some(pattern), Some(name)) => file_matches(pattern, name),
                (Some(_), None) => false,
            })
            .collect();
        FileMapping { entries }
    }

    /// The warnings about the mapping files: columns still `"?"`, and entries that matched
    /// no sheet of the workbooks read.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = self.notes.clone();
        for e in self
            .entries
            .iter()
            .filter(|e| !e.used.load(Ordering::Relaxed))
        {
            out.push(Problem {
                team: e.source.split(':').next().unwrap_or_default().to_string(),
                at: CellRef::sheet_only(e.source.clone()),
                severity: Severity::Warning,
                kind: ProblemKind::MappingUnused {
                    entry: e.describe(),
                },
            });
        }
        out
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    sheet: Vec<Spanned<RawSheet>>,
}

/// Values stay [`toml::Value`] so that a wrong type is reported in both languages here.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSheet {
    file: Option<Spanned<toml::Value>>,
    name: Option<Spanned<toml::Value>>,
    kind: Option<Spanned<toml::Value>>,
    header_row: Option<Spanned<toml::Value>>,
    columns: Option<Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>>,
}

/// The text of a mapping file: UTF-8 (with or without a BOM), else GB18030 as Notepad on
/// Chinese Windows may save it.
fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

/// A TOML value as a message quotes it.
fn value_text(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("\"{s}\""),
        toml::Value::Integer(n) => n.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(_) => "[...]".into(),
        toml::Value::Table(_) => "{...}".into(),
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn folder_of(path: &Path) -> PathBuf {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    canonical(parent.unwrap_or(Path::new(".")))
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// A sheet name against an entry's `name`: alike when they fold alike (case, width, spaces),
/// or by the pattern's `*` and `?`.
fn name_matches(pattern: &str, name: &str) -> bool {
    if pattern.contains(['*', '?']) {
        glob(&pattern.to_lowercase(), &name.trim().to_lowercase())
    } else {
        fold(pattern) == fold(name)
    }
}

/// A workbook's file name against an entry's `file`: its whole name or its stem, alike as
/// [`name_matches`] says.
fn file_matches(pattern: &str, file_name: &str) -> bool {
    let stem = Path::new(file_name)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    name_matches(pattern, file_name)
        || (!pattern.contains(['*', '?']) && fold(pattern) == fold(&stem))
}

/// `*` any run of characters, `?` one character.
fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// A mapping file plantrack cannot use: each mistake with its file and line.
#[derive(Debug, Clone)]
pub struct MappingError {
    pub faults: Vec<(String, Fault)>,
}

/// One mistake in a mapping file.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    Unreadable {
        zh: String,
        en: String,
    },
    /// Not TOML, or not the shape plantrack reads (the parser's own words).
    Syntax(String),
    /// A key plantrack does not know; `top` when outside `[[sheet]]`.
    UnknownKey {
        key: String,
        top: bool,
    },
    NotText {
        key: &'static str,
        found: String,
    },
    NotARow {
        found: String,
    },
    NoSheetOrFile,
    UnknownKind {
        found: String,
    },
    UnknownField {
        header: String,
        found: String,
        kind: Option<SheetKind>,
    },
}

impl Fault {
    fn from_toml(message: &str) -> Fault {
        let message = message.trim();
        if let Some(rest) = message.strip_prefix("unknown field `")
            && let Some((key, expected)) = rest.split_once('`')
        {
            return Fault::UnknownKey {
                key: key.to_string(),
                top: expected.contains("`sheet`") && !expected.contains("`name`"),
            };
        }
        Fault::Syntax(message.to_string())
    }

    pub fn text(&self, lang: Lang) -> String {
        let sheet_keys = "file, name, kind, header_row, [sheet.columns]";
        match (self, lang) {
            (Fault::Unreadable { zh, .. }, Lang::Zh) => format!("无法读取映射文件（{zh}）"),
            (Fault::Unreadable { en, .. }, Lang::En) => {
                format!("cannot read the mapping file ({en})")
            }
            (Fault::Syntax(m), Lang::Zh) => format!("不是 plantrack 能读的 TOML（{m}）"),
            (Fault::Syntax(m), Lang::En) => format!("not TOML plantrack can read ({m})"),
            (Fault::UnknownKey { key, top: true }, Lang::Zh) => {
                format!("不认识的键 \"{key}\"：每张工作表写成一段 [[sheet]]")
            }
            (Fault::UnknownKey { key, top: true }, Lang::En) => {
                format!("unknown key \"{key}\": write one [[sheet]] section per sheet")
            }
            (Fault::UnknownKey { key, top: false }, Lang::Zh) => {
                format!("不认识的键 \"{key}\"：[[sheet]] 下可写 {sheet_keys}")
            }
            (Fault::UnknownKey { key, top: false }, Lang::En) => {
                format!("unknown key \"{key}\": a [[sheet]] takes {sheet_keys}")
            }
            (Fault::NotText { key, found }, Lang::Zh) => {
                format!("{key} 的值 {found} 应为加引号的文字，如 \"Sheet1\"")
            }
            (Fault::NotText { key, found }, Lang::En) => {
                format!("{key} is {found}, expected quoted text such as \"Sheet1\"")
            }
            (Fault::NotARow { found }, Lang::Zh) => {
                format!("header_row 为 {found}，应为表头所在的行号（1 起，如 4），不加引号")
            }
            (Fault::NotARow { found }, Lang::En) => format!(
                "header_row is {found}, expected the header's row number as Excel shows it (from 1, e.g. 4), without quotes"
            ),
            (Fault::NoSheetOrFile, Lang::Zh) => {
                "[[sheet]] 需要 name（工作表名）或 file（文件名）".into()
            }
            (Fault::NoSheetOrFile, Lang::En) => {
                "a [[sheet]] needs a name (the sheet's) or a file (the workbook's)".into()
            }
            (Fault::UnknownKind { found }, Lang::Zh) => {
                format!(
                    "kind \"{found}\" 无法识别，应为 {}",
                    crate::contract::mapping::kind_words_in(Lang::Zh)
                )
            }
            (Fault::UnknownKind { found }, Lang::En) => {
                format!("kind \"{found}\" is not one of {}", kind_words())
            }
            (
                Fault::UnknownField {
                    header,
                    found,
                    kind,
                },
                lang,
            ) => {
                let valid = match kind {
                    Some(k) => crate::contract::mapping::field_words_in(*k, lang),
                    None => all_field_words(lang),
                };
                match (lang, kind) {
                    (Lang::Zh, Some(k)) => format!(
                        "\"{header}\" = \"{found}\"：{}表没有字段 \"{found}\"；可用的字段：{valid}（或 \"忽略\" 表示不读此列）",
                        k.label(lang)
                    ),
                    (Lang::Zh, None) => format!(
                        "\"{header}\" = \"{found}\"：没有字段 \"{found}\"；可用的字段：{valid}（或 \"忽略\" 表示不读此列）"
                    ),
                    (Lang::En, Some(k)) => format!(
                        "\"{header}\" = \"{found}\": a {} sheet has no field \"{found}\"; its fields: {valid} (or \"ignore\" to leave the column out)",
                        k.label(lang).to_lowercase()
                    ),
                    (Lang::En, None) => format!(
                        "\"{header}\" = \"{found}\": no field is called \"{found}\"; fields: {valid} (or \"ignore\" to leave the column out)"
                    ),
                }
            }
        }
    }
}

fn all_field_words(lang: Lang) -> String {
    let mut words: Vec<&str> = Vec::new();
    for k in SheetKind::ALL {
        for f in fields_of(k) {
            let w = crate::contract::mapping::field_word_in(k, f, lang);
            if !words.contains(&w) {
                words.push(w);
            }
        }
    }
    words.join(lang.pick("、", ", "))
}

impl MappingError {
    /// Every mistake, one a line: "plantrack.toml:7: ...".
    pub fn text(&self, lang: Lang) -> String {
        self.faults
            .iter()
            .map(|(at, f)| format!("{at}: {}", f.text(lang)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl std::fmt::Display for MappingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for MappingError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn faults(text: &str) -> Vec<(String, Fault)> {
        Mapping::from_text(text, "plantrack.toml")
            .unwrap_err()
            .faults
    }

    #[test]
    fn an_entry_is_read_with_its_kind_row_and_columns() {
        let m = Mapping::from_text(
            "# team A\n[[sheet]]\nfile = \"618*.xlsx\"\nname = \"Sheet3\"\nkind = \"计划\"\nheader_row = 4\n[sheet.columns]\n\"跟进人\" = \"owner\"\n\"交付日\" = \"截止日期\"\n",
            "plantrack.toml",
        )
        .unwrap();
        let f = m.for_file(Path::new("x/618大促.xlsx"));
        let e = f.sheet(" sheet3 ").unwrap();
        assert_eq!(e.source, "plantrack.toml:2");
        assert_eq!(e.sheet_kind(), Some(SheetKind::Plan));
        assert_eq!(e.header_row, Some(4));
        assert_eq!(
            e.column(SheetKind::Plan, "跟 进 人"),
            Some(ColumnWord::Field(crate::contract::Field::Owner))
        );
        assert_eq!(
            e.column(SheetKind::Plan, "交付日"),
            Some(ColumnWord::Field(crate::contract::Field::Due))
        );
        assert!(m.for_file(Path::new("双11.xlsx")).sheet("Sheet3").is_none());
        assert!(m.problems().is_empty());
    }

    #[test]
    fn mistakes_are_reported_at_their_line() {
        let f = faults(
            "[[sheet]]\nname = \"Sheet1\"\nkind = \"plan\"\n[sheet.columns]\n\"跟进人\" = \"owne\"\n",
        );
        assert_eq!(f[0].0, "plantrack.toml:5");
        let en = f[0].1.text(Lang::En);
        assert!(
            en.contains("owne") && en.contains("owner, start, due"),
            "{en}"
        );
        assert!(f[0].1.text(Lang::Zh).contains("可用的字段"));

        let f = faults("[[sheet]]\nnme = \"Sheet1\"\n");
        assert_eq!(f[0].0, "plantrack.toml:2");
        assert!(matches!(&f[0].1, Fault::UnknownKey { key, top: false } if key == "nme"));

        let f = faults("[[sheet]]\nname = \"Sheet1\"\nheader_row = \"4\"\nkind = \"gantt\"\n");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, "plantrack.toml:4");
        assert_eq!(f[1].0, "plantrack.toml:3");

        let f = faults("[[sheet]]\nname = \"Sheet1\n");
        assert_eq!(f[0].0, "plantrack.toml:2");
        assert!(matches!(f[0].1, Fault::Syntax(_)));
    }

    #[test]
    fn an_unfilled_column_and_an_unused_entry_are_warnings() {
        let m = Mapping::from_text(
            "[[sheet]]\nname = \"Tasks\"\n[sheet.columns]\n\"Who\" = \"?\"\n\n[[sheet]]\nname = \"Nowhere\"\n",
            "plantrack.toml",
        )
        .unwrap();
        let f = m.for_file(Path::new("a.xlsx"));
        assert!(f.sheet("tasks").is_some());
        let problems = m.problems();
        let places: Vec<String> = problems.iter().map(|p| p.at.to_string()).collect();
        assert_eq!(places, ["plantrack.toml:4", "plantrack.toml:6"]);
    }

    #[test]
    fn globs_match_whole_names() {
        assert!(glob("618*.xlsx", "618大促.xlsx"));
        assert!(glob("sheet?", "sheet3"));
        assert!(!glob("sheet?", "sheet31"));
        assert!(file_matches("618大促", "618大促.xlsx"));
    }
}

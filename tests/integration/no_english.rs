//! A Chinese user never reads an English sentence from plantrack (issue 15 item 6): every
//! way a run can fail or speak that the suite knows of — clap's errors and help, files that
//! cannot be read, outputs that cannot be written, the lines around a weekly run — is driven
//! under a Chinese locale, and again with `--lang zh` under the C locale, and what it prints
//! must hold no run of three English words outside quoted input, file names, paths and
//! flags. An English workbook is among the inputs: its language must not leak either.

use std::io::Write;
use std::path::Path;

use crate::common::*;

/// The first run of three or more English words in `text` once quoted input ("…", “…”),
/// paths and file names (a token with `/`, `\` or `.`) and flags (`-x`, `<值>`, `[选项]`)
/// are taken out; None when there is none.
fn english_run(text: &str) -> Option<String> {
    text.lines().find_map(english_run_in_line)
}

fn english_run_in_line(text: &str) -> Option<String> {
    let mut unquoted = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (None, '"') => quote = Some('"'),
            (None, '“') => quote = Some('”'),
            (Some(q), c) if c == q => {
                quote = None;
                unquoted.push('。');
            }
            (Some(_), '\n') => quote = None,
            (Some(_), _) => {}
            (None, c) => unquoted.push(c),
        }
    }
    let kept: Vec<&str> = unquoted
        .split(char::is_whitespace)
        .map(|t| {
            let t = t.trim_end_matches([':', ',', ';', '：', '，', '。']);
            let named = t.contains(['/', '\\', '.'])
                || t.starts_with(['-', '<', '['])
                || t.chars().any(|c| c.is_ascii_digit());
            if named { "。" } else { t }
        })
        .collect();
    let line = kept.join(" ");
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut gap_ok = true;
    let flush = |words: &mut Vec<String>, word: &mut String| {
        if !word.is_empty() {
            words.push(std::mem::take(word));
        }
    };
    for c in line.chars() {
        if c.is_ascii_alphabetic() || (c == '\'' && !word.is_empty()) {
            if !gap_ok {
                words.clear();
            }
            gap_ok = true;
            word.push(c);
        } else if c == ' ' || matches!(c, ',' | ';' | ':' | '(' | ')' | '!' | '?') {
            flush(&mut words, &mut word);
        } else {
            flush(&mut words, &mut word);
            if words.len() >= 3 {
                return Some(words.join(" "));
            }
            words.clear();
            gap_ok = false;
        }
        if words.len() >= 3 {
            return Some(words.join(" "));
        }
    }
    flush(&mut words, &mut word);
    (words.len() >= 3).then(|| words.join(" "))
}

#[test]
fn the_checker_finds_english_sentences_and_spares_names() {
    assert_eq!(
        english_run("plantrack: a.xlsx: no such file").as_deref(),
        Some("no such file")
    );
    assert_eq!(
        english_run("错误：99 is not in 1..=52").as_deref(),
        Some("is not in")
    );
    assert!(english_run("工作簿已损坏（invalid Zip archive: Could not find EOCD）").is_some());
    for fine in [
        "plantrack: cut.xlsx: 工作簿已损坏或不完整：请用 Excel、WPS 或 LibreOffice 打开并另存一份",
        "错误：--lang <语言> 的值 \"not a language at all\" 无效，可选：zh、en",
        "用法：plantrack report <输入>... [选项]",
        "已写入 out/my weekly summary.xlsx",
        "填写后运行 plantrack check team.xlsx 检查",
    ] {
        assert_eq!(english_run(fine), None, "{fine}");
    }
}

/// The inputs every failing run below uses, in `dir`.
fn make_inputs(dir: &Path) {
    let en = std::fs::read(samples().join(EN_SAMPLE)).unwrap();
    std::fs::write(dir.join("team.xlsx"), &en).unwrap();
    std::fs::write(dir.join("cut.xlsx"), &en[..en.len() / 2]).unwrap();
    // An output that is not a summary plantrack can read: kept as a dated copy.
    std::fs::write(dir.join("old.xlsx"), &en[..en.len() / 2]).unwrap();
    std::fs::write(dir.join("empty.xlsx"), "").unwrap();
    std::fs::write(dir.join("notes.xlsx"), "just some text").unwrap();
    std::fs::write(
        dir.join("cafe.csv"),
        b"Date,Budget line,Item,Amount\n2026-11-02,Caf\xe9 cr\xe8me,Brasserie Am\xe9lie,12\n",
    )
    .unwrap();
    std::fs::copy(
        root().join("tests/corpus/calamine-tests/pass_protected.xlsx"),
        dir.join("locked.xlsx"),
    )
    .unwrap();
    let mut zip = zip::ZipWriter::new(std::fs::File::create(dir.join("plan.numbers")).unwrap());
    for n in ["Index/Document.iwa", "Metadata/x"] {
        zip.start_file(n, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"x").unwrap();
    }
    zip.finish().unwrap();
    crate::workbooks::one_sheet(
        &dir.join("odd.xlsx"),
        "Sheet1",
        &[&["Foo", "Bar"], &["1", "2"]],
    );
    std::fs::create_dir(dir.join("nothing")).unwrap();
    std::fs::create_dir(dir.join("texts")).unwrap();
    std::fs::write(dir.join("texts/readme.txt"), "hello").unwrap();
    std::fs::create_dir(dir.join("folder.xlsx")).unwrap();
}

/// Every run: its arguments. The ones after the help requests fail, each in its own way.
const RUNS: &[&[&str]] = &[
    &["--help"],
    &["help", "help"],
    &["report", "--help"],
    &["costs", "--help"],
    &["check", "--help"],
    &["init", "--help"],
    &["report", "-h"],
    &["--version"],
    &[],
    &["reprot", "team.xlsx"],
    &["report"],
    &["report", "team.xlsx", "--frobnicate"],
    &["report", "team.xlsx", "-o"],
    &["report", "team.xlsx", "--as-of", "soon"],
    &["report", "team.xlsx", "--calendar", "moon"],
    &[
        "report",
        "team.xlsx",
        "--previous",
        "a.xlsx",
        "--no-previous",
    ],
    &["costs", "team.xlsx", "--warn-at", "lots"],
    &["costs", "team.xlsx", "--warn-at", "0"],
    &["costs", "team.xlsx", "--period", "next month"],
    &["costs", "team.xlsx", "--json", "--csv", "a.csv"],
    &["init", "--weeks", "99"],
    &["init", "--weeks", "many"],
    &["init", "--start", "tomorrow"],
    &["init", "-o", "team.xlsx"],
    &["init", "-o", "plan.ods"],
    &["check", "missing.xlsx"],
    &["check", "nothing"],
    &["check", "texts"],
    &["check", "empty.xlsx"],
    &["check", "notes.xlsx"],
    &["check", "cut.xlsx"],
    &["check", "locked.xlsx"],
    &["check", "plan.numbers"],
    &["check", "cafe.csv"],
    &["check", "odd.xlsx"],
    &["check", "folder.xlsx"],
    &["report", "team.xlsx", "-o", "team.xlsx"],
    &["report", "team.xlsx", "-o", "out.txt"],
    &["report", "team.xlsx", "-o", "nothing"],
    &["report", "team.xlsx", "-o", "no such folder/out.xlsx"],
    &[
        "report",
        "team.xlsx",
        "--previous",
        "team.xlsx",
        "-o",
        "p.xlsx",
    ],
    &[
        "report",
        "team.xlsx",
        "--previous",
        "gone.xlsx",
        "-o",
        "p.xlsx",
    ],
    &[
        "report",
        "team.xlsx",
        "--previous",
        "cut.xlsx",
        "-o",
        "p.xlsx",
    ],
    &["costs", "team.xlsx", "-o", "team.xlsx"],
    &["costs", "cut.xlsx", "--json"],
    // A forgotten --as-of on an English workbook, and the summary replaced twice.
    &[
        "report",
        "team.xlsx",
        "--as-of",
        "2027-06-01",
        "-o",
        "late.xlsx",
    ],
    &[
        "report",
        "team.xlsx",
        "--as-of",
        "2027-06-01",
        "-o",
        "late.xlsx",
    ],
    &["report", "team.xlsx", "--as-of", AS_OF, "-o", "old.xlsx"],
    &["report", "cut.xlsx", "team.xlsx", "--as-of", AS_OF],
    &["costs", "cut.xlsx", "team.xlsx", "--as-of", AS_OF],
    &["check", "team.xlsx", "cafe.csv", "--as-of", AS_OF],
];

/// Runs every one of [`RUNS`] in a fresh folder with `env`, `extra` arguments appended;
/// returns what each printed, with the arguments.
fn drive(env: &[(&str, &str)], extra: &[&str]) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    make_inputs(dir.path());
    let mut said = Vec::new();
    for args in RUNS {
        let mut args = args.to_vec();
        args.extend_from_slice(extra);
        if args.first() == Some(&"report") {
            args.push("--no-png");
        }
        let o = plantrack_in(dir.path(), &args, env);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        said.push((args.join(" "), text));
    }
    // The weekly rhythm: `report .` twice on one day in the team's folder.
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    std::fs::copy(samples().join(EN_SAMPLE), team.join("west.xlsx")).unwrap();
    for _ in 0..2 {
        let mut args = vec![".", "--as-of", AS_OF, "--no-png"];
        args.extend_from_slice(extra);
        let o = plantrack_in(&team, &args, env);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        said.push((
            "report . (twice)".into(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        ));
    }
    said
}

/// The text of every cell of the English sample, longest first: what its team typed (task
/// names in a problem's list) is theirs to read as written.
fn typed_by_the_team() -> Vec<String> {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(samples().join(EN_SAMPLE)).unwrap();
    let mut texts: Vec<String> = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        texts.extend(range.used_cells().filter_map(|(_, _, c)| match c {
            calamine::Data::String(s) => Some(s.trim().to_string()),
            _ => None,
        }));
    }
    texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
    texts.dedup();
    texts
}

fn assert_no_english(said: &[(String, String)]) {
    let typed = typed_by_the_team();
    let leaks: Vec<String> = said
        .iter()
        .filter_map(|(args, text)| {
            let ours = typed
                .iter()
                .filter(|t| !t.is_empty())
                .fold(text.clone(), |acc, t| acc.replace(t.as_str(), "。"));
            english_run(&ours).map(|run| format!("plantrack {args}: \"{run}\" in\n{text}"))
        })
        .collect();
    assert!(leaks.is_empty(), "{}", leaks.join("\n---\n"));
    // Each run said something (help or an error), so the check had something to read.
    for (args, text) in said {
        assert!(!text.trim().is_empty(), "plantrack {args} said nothing");
    }
}

#[test]
fn a_chinese_locale_reads_no_english_on_any_failing_run() {
    let said = drive(&[("LANG", "zh_CN.UTF-8")], &[]);
    assert_no_english(&said);
    // The checks are of Chinese text, not of silence: a few of the lines, word for word.
    let all: String = said.iter().map(|(_, t)| t.as_str()).collect();
    for line in [
        "CSV 文本的编码无法确定",
        "\"99\" 不是 1 到 52 之间的整数周数",
        "工作簿已损坏或不完整：请用",
        "晚于所有任务的截止日期",
        "已另存一份",
    ] {
        assert!(all.contains(line), "{line}");
    }
}

#[test]
fn lang_zh_under_the_c_locale_reads_no_english_either() {
    let said = drive(&[("LANG", "C")], &["--lang", "zh"]);
    assert_no_english(&said);
}

//! `plantrack check`: one line per problem, a count, and exit codes 0/1/2.

use std::time::{Duration, Instant};

use crate::common::*;

#[test]
fn check_lists_problems_with_places_and_exits_1_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = zh_sample_with_errors(dir.path());
    let o = plantrack(
        dir.path(),
        &["check", input.to_str().unwrap(), "--as-of", AS_OF],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("2026新品首发 目标拆解表!G9: 错误: \"202X..\""),
        "{out}"
    );
    assert!(out.contains("成本支出明细!E15: 错误: \"待报销\""), "{out}");
    assert!(out.contains("周度进度跟踪!B9: 警告:"), "{out}");
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("2 个错误，"), "{last}");
}

/// Issue 13: the samples a new user tries first are clean. `check` exits 0, and each line it
/// prints is one a team would act on (a note is information, never counted).
#[test]
fn check_on_the_chinese_sample_gives_only_warnings_a_team_acts_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples().join(ZH_SAMPLE);
    let o = plantrack(
        dir.path(),
        &["check", input.to_str().unwrap(), "--as-of", AS_OF],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    let expected = [
        // Parallel work (1.5 starts before 1.1 is due; 2.5 before 2.2): one note.
        "2026新品首发 目标拆解表!F9: 提示: 2 项任务",
        "2026新品首发 目标拆解表!E13: 警告: \"张三/李四\" 有多个负责人",
        "周度进度跟踪!F5: 警告: 进度落后 -25.0%，但未填写偏差原因或解决措施",
        "周度进度跟踪!E6: 警告: 填写的偏差 -10.0% 与计算值 -25.0% 不符",
        "周度进度跟踪!B9: 警告: 任务 \"抖音短视频预热\" 在目标拆解表中找不到",
        "填写说明: 提示: 未识别的工作表，已忽略",
        "成本支出明细!A15: 警告: 费用科目 \"公关应急\" 有支出但没有预算",
        "风险预案!E4: 警告: 风险 \"舆情危机",
        "0 个错误，6 个警告",
    ];
    assert_eq!(lines.len(), expected.len(), "{out}");
    for (line, start) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(start),
            "{line:?} should start {start:?}\n{out}"
        );
    }
}

#[test]
fn check_on_the_example_workbook_is_clean_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, file, count) in [
        ("zh", "示例.xlsx", "0 个错误，0 个警告"),
        ("en", "example.xlsx", "0 errors, 0 warnings"),
    ] {
        let o = plantrack(
            dir.path(),
            &["init", "--example", "--lang", lang, "-o", file],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        // As of its own today: the example is in its third week.
        let o = plantrack(dir.path(), &["check", file]);
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(0), "{out}");
        assert_eq!(out.trim_end(), count, "{out}");
    }
}

#[test]
fn check_exits_0_when_there_are_only_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples().join(EN_SAMPLE);
    let o = plantrack(
        dir.path(),
        &["check", input.to_str().unwrap(), "--as-of", AS_OF],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.lines().last().unwrap().starts_with("0 errors"), "{out}");
}

#[test]
fn check_exits_2_when_a_file_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.xlsx"), "just text").unwrap();
    let o = plantrack(dir.path(), &["check", "notes.xlsx", "missing.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("missing.xlsx: no such file"), "{err}");
    assert!(err.contains("notes.xlsx: this is a text file"), "{err}");
}

/// Every file of the shared corpus (spreadsheets written by Excel, LibreOffice and others)
/// ends with a result or a clear error: never a panic, never a hang, and a file that cannot
/// be read says so in one line.
#[test]
fn check_ends_cleanly_on_every_corpus_file() {
    // A copy of shared/corpus, kept in the repository so a clean clone can run it.
    let corpus = root().join("tests/corpus");
    let dirs = std::fs::read_dir(&corpus).expect("tests/corpus");
    let mut files = Vec::new();
    for d in dirs.flatten() {
        if d.path().is_dir() {
            for f in std::fs::read_dir(d.path()).unwrap().flatten() {
                files.push(f.path());
            }
        }
    }
    assert!(files.len() > 100, "corpus has {} files", files.len());
    let dir = tempfile::tempdir().unwrap();
    for f in files {
        let start = Instant::now();
        let o = plantrack_with_timeout(
            dir.path(),
            &["check", f.to_str().unwrap(), "--as-of", AS_OF],
            Duration::from_secs(20),
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            matches!(o.status.code(), Some(0..=2)),
            "{}: exit {:?}\n{err}",
            f.display(),
            o.status.code()
        );
        assert!(!err.contains("panicked"), "{}: {err}", f.display());
        if o.status.code() == Some(2) {
            let lines: Vec<&str> = err.lines().collect();
            assert_eq!(lines.len(), 1, "{}: {err}", f.display());
            assert!(
                lines[0].starts_with("plantrack: "),
                "{}: {err}",
                f.display()
            );
        } else {
            let out = String::from_utf8_lossy(&o.stdout);
            assert!(
                out.lines()
                    .last()
                    .is_some_and(|l| l.contains("errors") || l.contains("个错误")),
                "{out}"
            );
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{} took {:?}",
            f.display(),
            start.elapsed()
        );
    }
}

//! Nothing silently wrong (issue 14): plantrack's own outputs in a team folder are skipped,
//! a file that breaks part-way is not counted in part, outputs are written safely to any
//! kind of target, and long texts are capped instead of failing the run.

use std::path::Path;

use crate::common::*;

/// `costs .` and `check .` output, stdout and stderr, as the weekly run's hook compares them.
fn figures(dir: &Path) -> (String, String) {
    let costs = plantrack(dir, &["costs", ".", "--json", "--as-of", AS_OF]);
    let check = plantrack(dir, &["check", ".", "--as-of", AS_OF]);
    let all = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    (all(&costs), all(&check))
}

#[test]
fn weekly_runs_in_the_team_folder_do_not_change_the_figures() {
    for sample in [EN_SAMPLE, ZH_SAMPLE] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(samples().join(sample), dir.path().join(sample)).unwrap();
        let before = figures(dir.path());
        for as_of in ["2026-11-19", "2026-11-26"] {
            let o = plantrack(dir.path(), &["report", ".", "--as-of", as_of]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        let o = plantrack(dir.path(), &["costs", ".", "--as-of", AS_OF]);
        assert!(o.status.success());
        assert_eq!(figures(dir.path()), before, "{sample}");
        // Three outputs lie beside the team's file; the summary lists the two read past.
        let summary = dir.path().join("plantrack-summary-2026-11-26.xlsx");
        let o = plantrack(dir.path(), &["report", ".", "--as-of", AS_OF, "-o", "again.xlsx"]);
        assert!(o.status.success());
        let problems = sheet_names(&dir.path().join("again.xlsx"))
            .into_iter()
            .find(|n| n == "Data problems" || n == "数据问题")
            .unwrap();
        let rows = sheet(&dir.path().join("again.xlsx"), &problems);
        let skipped: Vec<String> = rows
            .iter()
            .filter(|r| r.iter().any(|c| text(c).contains("plantrack")))
            .map(|r| r.iter().map(text).collect::<Vec<_>>().join("|"))
            .collect();
        assert_eq!(skipped.len(), 3, "{skipped:?}");
        assert!(summary.is_file());
    }
}

#[test]
fn a_summary_named_as_input_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(samples().join(EN_SAMPLE), dir.path().join("team.xlsx")).unwrap();
    let o = plantrack(dir.path(), &["report", "team.xlsx", "--as-of", AS_OF, "-o", "s.xlsx"]);
    assert!(o.status.success());
    let o = plantrack(dir.path(), &["check", "team.xlsx", "s.xlsx", "--as-of", AS_OF]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("s.xlsx: a summary plantrack wrote: skipped"), "{err}");
    assert_ne!(o.status.code(), Some(2), "{err}");
    // Only the summary: nothing to read.
    let o = plantrack(dir.path(), &["costs", "s.xlsx", "--json", "--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(2));
}

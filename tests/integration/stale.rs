//! A forgotten `--as-of` is caught (issue 15): a note when the as-of date is well past every
//! due date and the last spending, and the Changes sheet says how old the previous summary
//! is when it is not about a week.

use crate::common::*;

fn run(dir: &std::path::Path, as_of: &str, out: &str, extra: &[&str]) -> String {
    let input = samples().join(ZH_SAMPLE);
    let mut args = vec![
        "report",
        input.to_str().unwrap(),
        "--as-of",
        as_of,
        "-o",
        out,
    ];
    args.extend_from_slice(extra);
    let o = plantrack(dir, &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_as_of_date_months_after_the_campaign_is_called_out() {
    let dir = tempfile::tempdir().unwrap();
    // The sample's last due date is 2026-12-20.
    let said = run(dir.path(), "2027-03-01", "late.xlsx", &[]);
    assert!(
        said.contains("晚于所有任务的截止日期（最晚 2026-12-20）71 天"),
        "{said}"
    );
    let overview = sheet(&dir.path().join("late.xlsx"), "概览");
    assert!(text(&overview[1][2]).contains("请用 --as-of 指定当时的日期"));
    // On the sample's own as-of date, nothing.
    let said = run(dir.path(), AS_OF, "now.xlsx", &[]);
    assert!(!said.contains("统计日期"), "{said}");
    let overview = sheet(&dir.path().join("now.xlsx"), "概览");
    assert!(overview[1].get(2).is_none_or(|c| text(c).is_empty()));
}

#[test]
fn the_changes_sheet_says_how_old_a_previous_summary_is() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), "2026-11-19", "week1.xlsx", &[]);
    run(
        dir.path(),
        AS_OF,
        "week2.xlsx",
        &["--previous", "week1.xlsx"],
    );
    let changes = sheet(&dir.path().join("week2.xlsx"), "本周变化");
    assert!(
        changes[1].get(2).is_none_or(|c| text(c).is_empty()),
        "a week: no note"
    );
    run(
        dir.path(),
        "2026-12-18",
        "later.xlsx",
        &["--previous", "week1.xlsx"],
    );
    let changes = sheet(&dir.path().join("later.xlsx"), "本周变化");
    assert_eq!(
        text(&changes[1][2]),
        "注意：对比的汇总是 29 天前的（不是上周的），下列变化是这 29 天的累计"
    );
}

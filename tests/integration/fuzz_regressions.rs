//! Every input a fuzz target ever crashed on (tests/fuzz-regressions/, see its README) now
//! ends with a result or a one-line error, in the library and in the binary.

use std::time::Duration;

use chrono::NaiveDate;
use plantrack::read::read_bytes;

use crate::common::*;

fn regressions() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("tests/fuzz-regressions"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    files
}

#[test]
fn fuzz_crashes_stay_fixed() {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for f in regressions() {
        let bytes = std::fs::read(&f).unwrap();
        // In the library: the read ends (an error is fine).
        let _ = read_bytes(&bytes, "fuzz", as_of);
        // In the binary: exit 0-2, and a failure is one line.
        let o = plantrack_with_timeout(
            dir.path(),
            &["check", f.to_str().unwrap(), "--as-of", AS_OF],
            Duration::from_secs(20),
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            matches!(o.status.code(), Some(0..=2)),
            "{}: {err}",
            f.display()
        );
        if o.status.code() == Some(2) {
            assert_eq!(err.lines().count(), 1, "{}: {err}", f.display());
        }
    }
}

//! Shared helpers: run the built binary in a temp dir, read a written workbook back.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn samples() -> PathBuf {
    root().join("sample-workbooks")
}

pub fn fixtures() -> PathBuf {
    root().join("tests").join("fixtures")
}

pub fn plantrack(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run plantrack")
}

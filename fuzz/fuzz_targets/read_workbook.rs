//! The whole read path on arbitrary bytes: format recognition, plantrack's limits, calamine,
//! header detection, typed rows, and the computations over what was read. It must end with
//! data or an error; a panic, an abort, a timeout or running out of memory is a crash.
//!
//! Set PLANTRACK_FUZZ_GUARDED=1 to let panics inside the reader be handled as plantrack
//! handles them (the file fails with one line) and look only for what escapes that.
#![no_main]

use std::sync::Once;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use plantrack::compute::{Settings, summarize};
use plantrack::read::{quiet_reader_panics, read_bytes};

static INIT: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    INIT.call_once(|| {
        if std::env::var_os("PLANTRACK_FUZZ_GUARDED").is_some() {
            quiet_reader_panics();
        }
    });
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    if let Ok(data) = read_bytes(data, "fuzz", as_of) {
        let _ = summarize(data, &Settings::new(as_of));
    }
});

//! plantrack: reads team-filled marketing plan workbooks and writes the weekly summary.
//!
//! The crate is one pipeline, and the modules are its stages:
//! [`read`] (workbook -> typed rows with cell positions; calamine lives only there) ->
//! checks inside read and [`compute`] (data problems are results, not errors) ->
//! [`compute`] (pure functions, the as-of date passed in) ->
//! [`render`] (summary workbook; rust_xlsxwriter lives only there).
//!
//! `init` runs the pipeline's two ends the other way: [`template`] describes the fillable
//! team workbook with the reader's own headers, and [`render`] writes it.

/// `eprintln!` that never panics: a line on standard error, dropped when stderr is closed
/// or broken (see [`cmd::output::say`]).
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cmd::output::say(format_args!($($arg)*))
    };
}

pub mod cli;
pub mod cmd;
pub mod compute;
pub mod contract;
pub mod explain;
pub mod lang;
pub mod launch;
pub mod messages;
pub mod model;
pub mod read;
pub mod render;
pub mod template;
pub mod values;

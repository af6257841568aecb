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

pub mod cli;
pub mod cmd;
pub mod compute;
pub mod lang;
pub mod launch;
pub mod messages;
pub mod model;
pub mod read;
pub mod render;
pub mod template;
pub mod values;

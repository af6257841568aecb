//! One way to write an output file, for `report`, `costs` and `init`: the default name, the
//! guard that an output is never an input, a lock so two runs on one output cannot both say
//! "wrote", and the write itself.
//!
//! A regular file is written to a hidden temporary file beside its target and renamed into
//! place, so the target is either complete or untouched. The temporary file is removed on
//! every error path and, through the signal handler [`install_cleanup`] sets, on Ctrl-C,
//! SIGTERM and SIGHUP. A device, a FIFO or `/dev/stdout` cannot be renamed over (as root, the
//! rename would replace the device node with a regular file): such a target is written
//! directly. Errors name the target, never the temporary file, in the user's language.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use super::{is_an_input, shown};
use crate::lang::Lang;
use crate::messages::{Said, SaveStep, io_text, save_failed};
use crate::read::team_name;
use crate::render::Document;

/// `<first input stem>-<what>-<as-of>.xlsx` in the current directory.
pub fn default_name(inputs: &[PathBuf], what: &str, as_of: NaiveDate) -> PathBuf {
    PathBuf::from(format!(
        "{}-{what}-{}.xlsx",
        default_stem(inputs),
        as_of.format("%Y-%m-%d")
    ))
}

/// The stem of default output names: the first input's (a folder's name, for `.` the
/// word plantrack).
pub fn default_stem(inputs: &[PathBuf]) -> String {
    inputs
        .first()
        .map(|p| team_name(p))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "plantrack".into())
}

/// Files being written now (temporary files, lock files): removed by the signal handler.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Creates a file (with `open`) that an interrupting signal removes. It is made and listed
/// under the in-flight lock, which the signal handler keeps while the process exits: the
/// handler either removes the file or runs before it exists, never in between.
fn create_held(
    path: &Path,
    open: impl FnOnce(&Path) -> std::io::Result<std::fs::File>,
) -> std::io::Result<std::fs::File> {
    let mut paths = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
    let file = open(path)?;
    paths.push(path.to_path_buf());
    Ok(file)
}

fn release(path: &Path) {
    let _ = std::fs::remove_file(path);
    if let Ok(mut paths) = IN_FLIGHT.lock() {
        paths.retain(|p| p != path);
    }
}

/// Exit code after an interrupting signal (as shells report SIGINT).
const INTERRUPTED: i32 = 130;

/// On SIGINT, SIGTERM or SIGHUP: removes the temporary and lock files in flight, then exits.
/// ctrlc runs the handler on its own thread (not inside the signal), so it may take the lock
/// and remove files safely.
pub fn install_cleanup() {
    let _ = ctrlc::set_handler(|| {
        // The lock is kept until the process is gone, so no file is made after this.
        let paths = IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner());
        for p in paths.iter() {
            let _ = std::fs::remove_file(p);
        }
        std::process::exit(INTERRUPTED);
    });
}

/// An output path, checked before any input is read.
pub struct Target {
    path: PathBuf,
    /// A device, FIFO or socket (or a path under /dev): written directly, never renamed over.
    special: bool,
    lang: Lang,
    /// The lock beside a regular target, held from the check to the end of the run.
    lock: Option<PathBuf>,
}

impl Drop for Target {
    fn drop(&mut self) {
        if let Some(lock) = self.lock.take() {
            release(&lock);
        }
    }
}

impl Target {
    /// Checks an output path: it names no input, it is not a folder, its extension fits what
    /// is written (`extension`, as "xlsx"), and no other plantrack run is writing it (a lock
    /// file beside it is taken until this target is dropped).
    ///
    /// Errors: one line saying which of these failed.
    pub fn new(
        path: PathBuf,
        inputs: &[PathBuf],
        extension: Option<&str>,
        lang: Lang,
    ) -> Result<Target> {
        // Said in the user's language where it is known, else the workbooks'.
        let lang = crate::lang::console(lang);
        if is_an_input(inputs, &path) {
            bail!(
                "{}",
                Said::new(
                    format!("输出文件 {} 是输入之一：请用 -o 另选输出路径", shown(&path)),
                    format!(
                        "the output {} is one of the inputs; choose another -o path",
                        shown(&path)
                    )
                )
                .pick(lang)
            );
        }
        let special = is_special(&path);
        if !special && path.is_dir() {
            bail!(
                "{}",
                Said::new(
                    format!("输出 {} 是一个文件夹：请给出文件名", shown(&path)),
                    format!("the output {} is a folder: name a file", shown(&path))
                )
                .pick(lang)
            );
        }
        if let Some(ext) = extension
            && !special
            && !path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(ext))
        {
            bail!(
                "{}",
                Said::new(
                    format!(
                        "输出 {} 的扩展名不是 .{ext}：写入的是 .{ext} 工作簿，请将文件命名为 *.{ext}",
                        shown(&path)
                    ),
                    format!(
                        "the output {} does not end in .{ext}: plantrack writes an .{ext} workbook, so name it *.{ext}",
                        shown(&path)
                    ),
                )
                .pick(lang)
            );
        }
        let mut target = Target {
            path,
            special,
            lang,
            lock: None,
        };
        if !special {
            target.lock = Some(take_lock(&target.real_path(), lang)?);
        }
        Ok(target)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file a regular target's path leads to (through a symbolic link, so the link
    /// stays a link).
    fn real_path(&self) -> PathBuf {
        let mut path = self.path.clone();
        for _ in 0..40 {
            match std::fs::read_link(&path) {
                Ok(next) => {
                    path = match path.parent() {
                        Some(dir) => dir.join(next),
                        None => next,
                    }
                }
                Err(_) => break,
            }
        }
        path
    }

    /// Writes `doc` to the target: whole or not at all for a file, directly for a device.
    ///
    /// Errors: one line naming the target and the system's reason.
    pub fn save(&self, doc: &mut dyn Document) -> Result<()> {
        if self.special {
            doc.to_bytes()
                .and_then(|bytes| {
                    let mut f = std::fs::OpenOptions::new().write(true).open(&self.path)?;
                    f.write_all(&bytes)?;
                    f.flush()
                })
                .map_err(|e| self.write_error(&e))
        } else {
            // A rename refused because Excel or WPS holds the target open, or a folder that
            // cannot be written, is said plainly (messages::save_failed).
            self.save_atomic(doc)
                .map_err(|(step, e)| save_failed(e, step, &self.path))
        }
    }

    fn save_atomic(&self, doc: &mut dyn Document) -> Result<(), (SaveStep, std::io::Error)> {
        let real = self.real_path();
        let dir = match real.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = real
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "plantrack".into());
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let result = create_held(&tmp, |p| std::fs::File::create(p))
            .and_then(|mut file| doc.write_into(&mut file).and_then(|()| file.sync_all()))
            .map_err(|e| (SaveStep::Temporary, e))
            .and_then(|()| std::fs::rename(&tmp, &real).map_err(|e| (SaveStep::Rename, e)));
        release(&tmp);
        result
    }

    fn write_error(&self, e: &std::io::Error) -> anyhow::Error {
        let path = shown(&self.path);
        let why = io_text(e, self.lang);
        anyhow!(
            "{}",
            Said::new(
                format!("无法写入 {path}：{why}"),
                format!("cannot write {path}: {why}")
            )
            .pick(self.lang)
        )
    }
}

/// A path that must be written directly: an existing device, FIFO or socket, or anything
/// under /dev or /proc (`/dev/stdout` leads to whatever the shell redirected to).
fn is_special(path: &Path) -> bool {
    let system = path.starts_with("/dev") || path.starts_with("/proc");
    let not_a_file = std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
    system || not_a_file
}

/// Takes the lock beside `target`: `.<name>.plantrack-lock` holding this process's id.
/// A lock whose process is gone (a crash, a kill -9) is taken over.
///
/// Errors: another plantrack run holds it, or the folder cannot be written.
fn take_lock(target: &Path, lang: Lang) -> Result<PathBuf> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lock = target.with_file_name(format!(".{name}.plantrack-lock"));
    for _ in 0..2 {
        match create_held(&lock, |p| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(p)
        }) {
            Ok(mut f) => {
                let _ = write!(f, "{}", std::process::id());
                return Ok(lock);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let holder = std::fs::read_to_string(&lock)
                    .ok()
                    .and_then(|s| s.trim().parse::<u32>().ok());
                match holder {
                    Some(pid) if process_alive(pid) => bail!(
                        "{}",
                        Said::new(
                            format!(
                                "另一个 plantrack 进程（{pid}）正在写入 {}：请等它结束后再运行（若没有，请删除 {}）",
                                shown(target),
                                shown(&lock)
                            ),
                            format!(
                                "another plantrack run (process {pid}) is writing {}: run again when it has finished (if none is, remove {})",
                                shown(target),
                                shown(&lock)
                            ),
                        )
                        .pick(lang)
                    ),
                    _ => {
                        let _ = std::fs::remove_file(&lock);
                    }
                }
            }
            Err(e) => {
                // The folder is missing or read-only: the write will say so, with its reason.
                let said = if e.kind() == std::io::ErrorKind::NotFound {
                    Said::new(
                        format!("无法写入 {}：文件夹不存在", shown(target)),
                        format!("cannot write {}: no such folder", shown(target)),
                    )
                } else {
                    let why = io_text(&e, lang);
                    Said::new(
                        format!("无法写入 {}：{why}", shown(target)),
                        format!("cannot write {}: {why}", shown(target)),
                    )
                };
                bail!("{}", said.pick(lang));
            }
        }
    }
    bail!(
        "{}",
        Said::new(
            format!("无法锁定 {}", shown(&lock)),
            format!("cannot take the lock {}", shown(&lock))
        )
        .pick(lang)
    )
}

/// Whether a process id is running (Linux: /proc; elsewhere a lock is assumed live).
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

/// Bytes made in memory (the CSV export).
pub struct Bytes(pub Vec<u8>);

impl Document for Bytes {
    fn write_into(&mut self, file: &mut std::fs::File) -> std::io::Result<()> {
        file.write_all(&self.0)
    }
    fn to_bytes(&mut self) -> std::io::Result<Vec<u8>> {
        Ok(std::mem::take(&mut self.0))
    }
}

/// Writes a line to standard error: progress, what was written, files not read. A closed
/// or broken stderr (`2>&1 | head -1`, a log reader that went away) leaves nowhere to say
/// anything, so the line is dropped and the run goes on to its own exit code (`eprintln!`
/// would panic there). Used through [`crate::say!`].
pub fn say(line: std::fmt::Arguments) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(line).and_then(|()| err.write_all(b"\n"));
}

/// Writes text to standard output. A reader that has gone away (`| head`) is not an error:
/// returns false so the caller stops printing and ends with its own exit code.
///
/// Errors: any other write error (a full disk under `> file`), with the system's reason.
pub fn print(text: &str, lang: Lang) -> Result<bool> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(anyhow!(
            "{}",
            Said::new(
                format!("无法写入标准输出：{}", io_text(&e, lang)),
                format!("cannot write to standard output: {}", io_text(&e, lang))
            )
            .pick(lang)
        )),
    }
}

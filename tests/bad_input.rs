//! The bad-input corpus: every folder in `tests/bad_input/` is one case, run against the
//! small valid fixture site of `tests/common` (`Fixture::kommune()`). Adding a case is
//! adding a folder; see docs/robustness.md for the format of `case.yaml`.
//!
//! The valid fixture is built once. For every case the runner copies that output into the
//! output folder of a fresh fixture, records every output file (path and hash of its
//! bytes), applies the case (overlay files, deletions, generated files), builds into the
//! same folder and asserts:
//!
//! 1. no panic: stderr has no "panicked", the exit code is 0 or 1 (not 101, not a signal);
//! 2. the expected exit status (`exit: ok|error`);
//! 3. stderr names the file (`file:`), as `file:line:` when `line:` is given, and holds
//!    every `message:` substring;
//! 4. for errors: the previous output is byte for byte untouched, and no staging folder is
//!    left behind;
//! 5. the child finishes within [`TIME_LIMIT`] (it is killed after that);
//! 6. the child's peak resident memory stays under [`MEMORY_LIMIT_KB`].
//!
//! `BAD_INPUT=<part of a case name>` runs only the matching cases;
//! `BAD_INPUT_VERBOSE=1` prints every case's stderr.

#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Deserialize;

/// The corpus must not shrink below this many cases.
const MIN_CASES: usize = 40;
/// A build that takes longer than this is killed and the case fails.
const TIME_LIMIT: Duration = Duration::from_secs(60);
/// Peak resident memory of one build, in KiB (1 GB).
const MEMORY_LIMIT_KB: u64 = 1024 * 1024;
/// Output folder inside the fixture (the same as `Fixture::out`).
const OUT: &str = "public";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case is about, in one or two sentences.
    description: String,
    exit: Exit,
    /// Path (as shown to editors) that stderr must name.
    #[serde(default)]
    file: Option<String>,
    /// Line that stderr must give, as `file:line:`.
    #[serde(default)]
    line: Option<usize>,
    /// Column that stderr must give with the line, as `file:line:column:`.
    #[serde(default)]
    column: Option<usize>,
    /// How many errors stderr must report, exactly: a mistake is reported once, never
    /// followed by errors that only follow from it.
    #[serde(default)]
    errors: Option<usize>,
    /// Diagnostic code that stderr must show (on a line of its own, above the message).
    #[serde(default)]
    code: Option<String>,
    /// Substring(s) that must appear on stderr.
    #[serde(default)]
    message: Strings,
    /// Strings that must not appear on stderr (personal data, file contents).
    #[serde(default)]
    absent_in_stderr: Vec<String>,
    /// Strings that must not appear in any output text file.
    #[serde(default)]
    absent_in_output: Vec<String>,
    /// Strings that must each appear in some output text file (ok cases: the content was
    /// built).
    #[serde(default)]
    present_in_output: Vec<String>,
    /// Extra arguments to `veiviser build`; `{root}` is the fixture folder. When they hold
    /// `--out`, the runner does not pass its own.
    #[serde(default)]
    args: Vec<String>,
    /// Fixture files to delete (paths relative to the fixture root).
    #[serde(default)]
    delete: Vec<String>,
    /// Files made at run time (see [`Generate`]).
    #[serde(default)]
    generate: Vec<Generate>,
}

#[derive(Debug, Deserialize, PartialEq, Eq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Exit {
    Ok,
    Error,
}

#[derive(Debug, Default, Deserialize)]
#[serde(untagged)]
enum Strings {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl Strings {
    fn list(&self) -> Vec<&str> {
        match self {
            Strings::None => Vec::new(),
            Strings::One(s) => vec![s.as_str()],
            Strings::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// A file made at run time, for what cannot sensibly be committed: huge or deeply nested
/// files, exact bytes (BOM, CRLF, Latin-1, NUL, binary) that editors and git may rewrite,
/// symbolic links, and edits of fixture files that are not part of the corpus (the theme).
///
/// Exactly one of `write`, `symlink` or `edit` per entry:
///
/// - `write: <path>`: the bytes of `text` (UTF-8), `latin1` (each character one byte) or
///   `hex`, then `repeat` written `count` times, then `tail`. `crlf: true` writes every
///   `\n` of the text parts as `\r\n`; `bom: true` starts the file with a UTF-8 BOM;
///   `append: true` adds the bytes to the end of an existing file (for a second repeat).
/// - `symlink: <path>` with `target:` (absolute, or relative to the link's folder).
/// - `edit: <path>` of an existing fixture file: replace `find` (which must occur) with
///   `replace`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Generate {
    #[serde(default)]
    write: Option<String>,
    #[serde(default)]
    symlink: Option<String>,
    #[serde(default)]
    edit: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    latin1: Option<String>,
    #[serde(default)]
    hex: Option<String>,
    #[serde(default)]
    repeat: Option<String>,
    #[serde(default)]
    count: usize,
    #[serde(default)]
    tail: Option<String>,
    #[serde(default)]
    crlf: bool,
    #[serde(default)]
    bom: bool,
    #[serde(default)]
    append: bool,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    find: Option<String>,
    #[serde(default)]
    replace: Option<String>,
}

impl Generate {
    fn apply(&self, root: &Path) -> Result<(), String> {
        let targets = [&self.write, &self.symlink, &self.edit]
            .iter()
            .filter(|t| t.is_some())
            .count();
        if targets != 1 {
            return Err(format!(
                "generate: each entry needs exactly one of write, symlink, edit: {self:?}"
            ));
        }
        if let Some(rel) = &self.write {
            let path = safe_join(root, rel)?;
            let text = |s: &str| -> Vec<u8> {
                if self.crlf {
                    s.replace('\n', "\r\n").into_bytes()
                } else {
                    s.as_bytes().to_vec()
                }
            };
            let mut bytes = Vec::new();
            if self.bom {
                bytes.extend_from_slice("\u{feff}".as_bytes());
            }
            if let Some(t) = &self.text {
                bytes.extend(text(t));
            }
            if let Some(t) = &self.latin1 {
                let t = if self.crlf {
                    t.replace('\n', "\r\n")
                } else {
                    t.clone()
                };
                for c in t.chars() {
                    let b = u8::try_from(u32::from(c))
                        .map_err(|_| format!("generate: `{c}` is not a Latin-1 character"))?;
                    bytes.push(b);
                }
            }
            if let Some(h) = &self.hex {
                bytes.extend(decode_hex(h)?);
            }
            if let Some(r) = &self.repeat {
                let unit = text(r);
                bytes.reserve(unit.len() * self.count);
                for _ in 0..self.count {
                    bytes.extend_from_slice(&unit);
                }
            }
            if let Some(t) = &self.tail {
                bytes.extend(text(t));
            }
            if self.append {
                let mut file = std::fs::OpenOptions::new()
                    .append(true)
                    .open(&path)
                    .map_err(|e| format!("generate {rel}: {e}"))?;
                std::io::Write::write_all(&mut file, &bytes)
                    .map_err(|e| format!("generate {rel}: {e}"))?;
            } else {
                create_parent(&path)?;
                std::fs::write(&path, bytes).map_err(|e| format!("generate {rel}: {e}"))?;
            }
        } else if let Some(rel) = &self.symlink {
            let path = safe_join(root, rel)?;
            let target = self
                .target
                .as_deref()
                .ok_or_else(|| format!("generate: symlink {rel} needs target:"))?;
            create_parent(&path)?;
            symlink(Path::new(target), &path).map_err(|e| format!("generate {rel}: {e}"))?;
        } else if let Some(rel) = &self.edit {
            let path = safe_join(root, rel)?;
            let (Some(find), Some(replace)) = (&self.find, &self.replace) else {
                return Err(format!("generate: edit {rel} needs find: and replace:"));
            };
            let text = std::fs::read_to_string(&path).map_err(|e| format!("edit {rel}: {e}"))?;
            if !text.contains(find.as_str()) {
                return Err(format!("edit {rel}: `{find}` does not occur in the file"));
            }
            std::fs::write(&path, text.replacen(find.as_str(), replace, 1))
                .map_err(|e| format!("edit {rel}: {e}"))?;
        }
        Ok(())
    }
}

fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

fn decode_hex(hex: &str) -> Result<Vec<u8>, String> {
    let digits: Vec<u8> = hex.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if !digits.len().is_multiple_of(2) {
        return Err("generate: hex has an odd number of digits".into());
    }
    digits
        .chunks(2)
        .map(|pair| {
            let s = std::str::from_utf8(pair).map_err(|e| e.to_string())?;
            u8::from_str_radix(s, 16).map_err(|e| format!("generate: hex `{s}`: {e}"))
        })
        .collect()
}

/// `root/rel`, refusing paths that leave the fixture (a case must never touch the machine).
fn safe_join(root: &Path, rel: &str) -> Result<PathBuf, String> {
    let path = Path::new(rel);
    if path.is_absolute()
        || path
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        return Err(format!(
            "`{rel}` must be a relative path inside the fixture"
        ));
    }
    Ok(root.join(path))
}

fn create_parent(path: &Path) -> Result<(), String> {
    let parent = path.parent().expect("a file has a parent");
    std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))
}

/// Every case folder, sorted by name.
fn case_dirs() -> Vec<PathBuf> {
    let corpus = common::repo().join("tests/bad_input");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()))
        .map(|e| e.expect("read tests/bad_input").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// What one run of the binary gave.
struct Run {
    code: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
    stderr: String,
    elapsed: Duration,
    /// Peak resident set size of the child, in KiB.
    max_rss_kb: u64,
}

/// GNU time, which reports the peak memory of the one process it runs.
const GNU_TIME: &str = "/usr/bin/time";

/// Run `veiviser build` in `root` under the time limit and measure its peak memory.
///
/// With GNU time (`/usr/bin/time -f %M`), the peak is that of the build alone. Without
/// it, wait4(2) gives the rusage of the one child even while other cases run in
/// parallel, but Linux counts into it the memory of this test process at the moment of
/// the spawn (tens of MB): an over-estimate, never an under-estimate.
fn run_build(root: &Path, args: &[String], logs: &Path) -> Run {
    let bin = env!("CARGO_BIN_EXE_veiviser");
    let timed = Path::new(GNU_TIME).is_file();
    let rss_file = logs.join("time");
    let mut cmd = if timed {
        let mut c = Command::new(GNU_TIME);
        c.arg("-f").arg("%M").arg("-o").arg(&rss_file).arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.env("VEIVISER_LANG", "en");
    // Every warning in full: the cases assert on their messages, not on the summary.
    cmd.arg("build").arg("--verbose");
    if !args.iter().any(|a| a == "--out" || a.starts_with("--out=")) {
        cmd.arg("--out").arg(root.join(OUT));
    }
    let root_str = root.to_str().expect("UTF-8 temp path");
    cmd.args(args.iter().map(|a| a.replace("{root}", root_str)))
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .env("VEIVISER_TODAY", "2026-11-22")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(File::create(logs.join("stdout")).expect("stdout log"))
        .stderr(File::create(logs.join("stderr")).expect("stderr log"));
    // Its own process group, so a timeout kills the build and not only GNU time.
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let started = Instant::now();
    // Reaped below with wait4(2) (for its rusage), not with `Child::wait`.
    #[allow(clippy::zombie_processes)]
    let child = cmd.spawn().expect("spawn veiviser");
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain data; zeroed is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut timed_out = false;
    let mut pause = Duration::from_millis(2);
    loop {
        // SAFETY: pid is our own unreaped child; status and usage are valid pointers.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            break;
        }
        if r < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            panic!("wait4: {err}");
        }
        if !timed_out && started.elapsed() > TIME_LIMIT {
            // The group leader is not reaped yet, so the group is still ours.
            // SAFETY: kill(2) with a negative pid signals that process group.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
            timed_out = true;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    }
    let elapsed = started.elapsed();
    let (mut code, mut signal) = if libc::WIFEXITED(status) {
        (Some(libc::WEXITSTATUS(status)), None)
    } else if libc::WIFSIGNALED(status) {
        (None, Some(libc::WTERMSIG(status)))
    } else {
        (None, None)
    };
    // ru_maxrss is in KiB on Linux, in bytes on macOS.
    let mut max_rss_kb = if cfg!(target_os = "macos") {
        usage.ru_maxrss as u64 / 1024
    } else {
        usage.ru_maxrss as u64
    };
    if timed && signal.is_none() {
        // GNU time writes "Command terminated by signal N" (and exits with 128 + N) when
        // the build was killed, then the peak in KiB on the last line.
        let report = std::fs::read_to_string(&rss_file).unwrap_or_default();
        for line in report.lines() {
            if let Some(n) = line.strip_prefix("Command terminated by signal ") {
                signal = n.trim().parse().ok();
                code = None;
            }
        }
        if let Some(kb) = report.lines().last().and_then(|l| l.trim().parse().ok()) {
            max_rss_kb = kb;
        }
    }
    let stderr = String::from_utf8_lossy(&std::fs::read(logs.join("stderr")).unwrap_or_default())
        .into_owned();
    Run {
        code,
        signal,
        timed_out,
        stderr,
        elapsed,
        max_rss_kb,
    }
}

/// Every entry under `dir` (files, folders, links) with a hash of a file's bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return out;
    }
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.expect("walk output");
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let t = entry.file_type();
        let value = if t.is_symlink() {
            format!("link → {:?}", std::fs::read_link(entry.path()).ok())
        } else if t.is_dir() {
            "dir".to_string()
        } else {
            let bytes = std::fs::read(entry.path()).expect("read output file");
            format!(
                "{} bytes, xxh3 {:032x}",
                bytes.len(),
                xxhash_rust::xxh3::xxh3_128(&bytes)
            )
        };
        out.insert(rel, value);
    }
    out
}

/// Text files (valid UTF-8: pages, scripts, styles, the sitemap, calendars) under `dir`
/// that contain `needle`. Binary files (images, PDF) are skipped: their compressed bytes
/// hold any short string by chance.
fn files_containing(dir: &Path, needle: &str) -> Vec<String> {
    let mut hits = Vec::new();
    if !dir.exists() {
        return hits;
    }
    let needle = needle.as_bytes();
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.expect("walk output");
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).expect("read output file");
        if std::str::from_utf8(&bytes).is_err() {
            continue;
        }
        if !needle.is_empty() && bytes.windows(needle.len()).any(|w| w == needle) {
            hits.push(
                entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .display()
                    .to_string(),
            );
        }
    }
    hits
}

/// Staging folders a build left beside its output.
fn leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains(".staging-"))
                .collect()
        })
        .unwrap_or_default()
}

fn copy_overlay(from: &Path, to: &Path) -> Result<(), String> {
    if !from.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.map_err(|e| e.to_string())?;
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).map_err(|e| e.to_string())?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("overlay {}: {e}", rel.display()))?;
        }
    }
    Ok(())
}

struct Outcome {
    name: String,
    elapsed: Duration,
    max_rss_kb: u64,
    stderr: String,
    failures: Vec<String>,
}

/// The previous output every case starts from: the valid fixture, built once.
struct Baseline {
    fixture: common::Fixture,
}

impl Baseline {
    fn build() -> Baseline {
        let fixture = common::Fixture::kommune();
        let logs = tempfile::tempdir().expect("tempdir");
        let run = run_build(fixture.root(), &[], logs.path());
        assert_eq!(
            run.code,
            Some(0),
            "the valid fixture does not build:\n{}",
            run.stderr
        );
        Baseline { fixture }
    }

    fn out(&self) -> PathBuf {
        self.fixture.root().join(OUT)
    }
}

/// The errors in a rendered report: each starts a line with miette's `×`.
fn error_count(stderr: &str) -> usize {
    stderr
        .lines()
        .filter(|line| line.trim_start().starts_with('×'))
        .count()
}

/// Whether `stderr` holds `needle`. miette wraps long messages at 100 columns, continuing
/// them on lines that start with `│` (or with spaces, in a help text), so the lines are
/// also tried joined: with a space, and without one (after a hyphen).
fn stderr_has(stderr: &str, needle: &str) -> bool {
    let joined = |sep: &str| -> String {
        stderr
            .lines()
            .map(|line| {
                let line = line.trim();
                line.strip_prefix('│').map_or(line, str::trim_start)
            })
            .collect::<Vec<_>>()
            .join(sep)
    };
    stderr.contains(needle) || joined(" ").contains(needle) || joined("").contains(needle)
}

fn run_case(dir: &Path, baseline: &Baseline) -> Outcome {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let mut outcome = Outcome {
        name,
        elapsed: Duration::ZERO,
        max_rss_kb: 0,
        stderr: String::new(),
        failures: Vec::new(),
    };
    if let Err(e) = check_case(dir, baseline, &mut outcome) {
        outcome.failures.push(e);
    }
    outcome
}

fn check_case(dir: &Path, baseline: &Baseline, outcome: &mut Outcome) -> Result<(), String> {
    let yaml =
        std::fs::read_to_string(dir.join("case.yaml")).map_err(|e| format!("case.yaml: {e}"))?;
    let case: Case = veiviser::yaml::from_str(&yaml).map_err(|e| format!("case.yaml: {e}"))?;
    if case.description.trim().is_empty() {
        return Err("case.yaml: description is empty".into());
    }
    if case.exit == Exit::Error && case.file.is_none() && case.message.list().is_empty() {
        return Err("case.yaml: an error case needs `file:` or `message:`".into());
    }
    if case.column.is_some() && case.line.is_none() {
        return Err("case.yaml: `column:` needs `line:`".into());
    }
    if case.line.is_some() && case.file.is_none() {
        return Err("case.yaml: `line:` needs `file:`".into());
    }
    if case.column.is_some() && case.line.is_none() {
        return Err("case.yaml: `column:` needs `line:`".into());
    }
    let fixture = common::Fixture::kommune();
    let root = fixture.root().to_path_buf();
    let out = root.join(OUT);
    let logs = tempfile::tempdir().map_err(|e| e.to_string())?;

    // The previous output: a good build of the valid fixture (the same files in every
    // case, so built once and copied).
    common::copy_dir(&baseline.out(), &out);
    let before = snapshot(&out);
    if before.len() < 10 {
        return Err(format!(
            "the first build wrote only {} entries",
            before.len()
        ));
    }

    copy_overlay(&dir.join("overlay"), &root)?;
    for rel in &case.delete {
        let path = safe_join(&root, rel)?;
        let removed = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.map_err(|e| format!("delete {rel}: {e}"))?;
    }
    for generate in &case.generate {
        generate.apply(&root)?;
    }

    let run = run_build(&root, &case.args, logs.path());
    outcome.elapsed = run.elapsed;
    outcome.max_rss_kb = run.max_rss_kb;
    outcome.stderr = run.stderr.clone();
    let fail = &mut outcome.failures;
    let stderr = &run.stderr;

    // (5) Time.
    if run.timed_out {
        fail.push(format!(
            "did not finish within {} s and was killed",
            TIME_LIMIT.as_secs()
        ));
    }
    // (1) No panic, no crash.
    if let Some(signal) = run.signal.filter(|_| !run.timed_out) {
        fail.push(format!(
            "killed by signal {signal} (a crash, e.g. a stack overflow)"
        ));
    }
    if stderr.contains("panicked") || stderr.contains("has overflowed its stack") {
        fail.push("panicked".into());
    }
    if let Some(code) = run.code.filter(|c| ![0, 1].contains(c)) {
        fail.push(format!("exit code {code} (expected 0 or 1)"));
    }
    // (6) Memory.
    if run.max_rss_kb >= MEMORY_LIMIT_KB {
        fail.push(format!(
            "peak memory {} MB, the limit is {} MB",
            run.max_rss_kb / 1024,
            MEMORY_LIMIT_KB / 1024
        ));
    }
    // (2) Exit status.
    match (case.exit, run.code) {
        (Exit::Ok, Some(0)) | (Exit::Error, Some(1)) => {}
        (expected, code) => fail.push(format!(
            "expected exit `{}`, got {code:?}",
            match expected {
                Exit::Ok => "ok",
                Exit::Error => "error",
            }
        )),
    }
    // (3) A clear message.
    if let Some(file) = &case.file {
        match case.line {
            Some(line) => {
                let at = match case.column {
                    Some(column) => format!("{file}:{line}:{column}:"),
                    None => format!("{file}:{line}:"),
                };
                if !stderr_has(stderr, &at) {
                    fail.push(format!("stderr does not name `{at}`"));
                }
            }
            None if !stderr_has(stderr, file) => {
                fail.push(format!("stderr does not name `{file}`"));
            }
            None => {}
        }
    }
    if let Some(expected) = case.errors {
        let reported = error_count(stderr);
        if reported != expected {
            fail.push(format!(
                "{reported} errors reported, expected exactly {expected}"
            ));
        }
    }
    if let Some(code) = &case.code {
        let shown = stderr
            .lines()
            .any(|l| l.trim().trim_start_matches('│').trim() == code);
        if !shown {
            fail.push(format!("stderr does not show the code `{code}`"));
        }
    }
    for m in case.message.list() {
        if !stderr_has(stderr, m) {
            fail.push(format!("stderr does not contain `{m}`"));
        }
    }
    for m in &case.absent_in_stderr {
        if stderr_has(stderr, m) {
            fail.push(format!("stderr contains `{m}`, which it must not"));
        }
    }
    // (4) A failed build leaves the previous output as it was.
    let after = snapshot(&out);
    if case.exit == Exit::Error && after != before {
        let changed: Vec<&String> = before
            .keys()
            .chain(after.keys())
            .filter(|k| before.get(*k) != after.get(*k))
            .take(5)
            .collect();
        fail.push(format!("the previous output changed: {changed:?} …"));
    }
    let left = leftovers(&root);
    if !left.is_empty() {
        fail.push(format!("staging folders left behind: {left:?}"));
    }
    for needle in &case.absent_in_output {
        let hits = files_containing(&out, needle);
        if !hits.is_empty() {
            fail.push(format!("`{needle}` appears in the output: {hits:?}"));
        }
    }
    for needle in &case.present_in_output {
        if files_containing(&out, needle).is_empty() {
            fail.push(format!("`{needle}` appears in no output file"));
        }
    }
    Ok(())
}

#[test]
fn bad_input_corpus() {
    let dirs = case_dirs();
    assert!(
        dirs.len() >= MIN_CASES,
        "tests/bad_input/ has {} cases; the corpus needs at least {MIN_CASES}",
        dirs.len()
    );
    let filter = std::env::var("BAD_INPUT").ok();
    let verbose = std::env::var_os("BAD_INPUT_VERBOSE").is_some();
    let selected: Vec<&PathBuf> = dirs
        .iter()
        .filter(|d| {
            filter
                .as_deref()
                .is_none_or(|f| d.file_name().unwrap().to_string_lossy().contains(f))
        })
        .collect();
    assert!(!selected.is_empty(), "no case matches BAD_INPUT={filter:?}");

    // A few cases at a time: each runs the real binary, which is itself multi-threaded.
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4)
        .min(selected.len());
    let baseline = Baseline::build();
    let next = AtomicUsize::new(0);
    let outcomes = Mutex::new(Vec::new());
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(dir) = selected.get(i) else { break };
                let outcome = run_case(dir, &baseline);
                outcomes.lock().unwrap().push(outcome);
            });
        }
    });
    let mut outcomes = outcomes.into_inner().unwrap();
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));

    let mut report = String::new();
    let mut failed = 0;
    for o in &outcomes {
        let status = if o.failures.is_empty() {
            "ok  "
        } else {
            "FAIL"
        };
        let _ = writeln!(
            report,
            "{status} {:<40} {:>6.2} s {:>5} MB",
            o.name,
            o.elapsed.as_secs_f64(),
            o.max_rss_kb / 1024
        );
        if !o.failures.is_empty() {
            failed += 1;
            for f in &o.failures {
                let _ = writeln!(report, "       - {f}");
            }
        }
        if verbose || !o.failures.is_empty() {
            let _ = writeln!(report, "       stderr:");
            for line in o.stderr.lines().take(60) {
                let _ = writeln!(report, "       | {line}");
            }
        }
    }
    eprintln!(
        "{report}{} case(s), {failed} failed, {:.1} s",
        outcomes.len(),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(failed, 0, "{failed} bad-input case(s) failed (see above)");
}

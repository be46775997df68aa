//! The staging folder beside the target: a build writes everything there, and it replaces
//! the target only when the whole build succeeded.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{cannot_keep, cannot_write, check_rel, Sink};
use crate::diagnostics::Diagnostic;
use crate::msg;

pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
    /// The folders made so far: most files go into a folder made for an earlier one (a
    /// kommune's assets, its search index parts), and asking the file system to make it
    /// again took two system calls each time. By their bytes: every path here is the staging
    /// folder joined with a checked relative path, and a `Path` hashes by components, slowly.
    folders: std::sync::Mutex<rustc_hash::FxHashSet<std::ffi::OsString>>,
    /// The first file written with each content by [`Sink::write_same`], by the content's
    /// key: the copies are hard links to it (86 MB of fonts fewer at 357 kommuner). Kommuner
    /// are written at once: the others wait for the first to be written (`None`: it failed).
    same: std::sync::Mutex<rustc_hash::FxHashMap<crate::reuse::Key, FirstCopy>>,
    /// Folders of the target kept whole ([`Sink::keep_folder`]): moved into the staging
    /// folder when it is swapped in, not before, so that the target stays whole until then.
    kept: std::sync::Mutex<std::collections::BTreeSet<String>>,
}

/// See `Staging::same`.
type FirstCopy = Arc<std::sync::OnceLock<Option<PathBuf>>>;

impl Staging {
    /// Prepare a fresh staging folder next to `target`.
    pub fn new(target: &Path) -> Result<Staging, Diagnostic> {
        let parent = beside(target);
        create_folder(parent)?;
        let staging = parent.join(format!("{}{}", prefix(target), std::process::id()));
        if staging.exists() {
            let _ = std::fs::remove_dir_all(&staging);
        }
        create_folder(&staging)?;
        Ok(Staging {
            target: target.to_path_buf(),
            staging,
            folders: Default::default(),
            same: Default::default(),
            kept: Default::default(),
        })
    }

    /// Make the folder `path` goes into, unless it was made already.
    fn folder_for(&self, path: &Path) -> Result<(), Diagnostic> {
        let Some(parent) = path.parent() else {
            return Ok(());
        };
        let known = || self.folders.lock().unwrap_or_else(|e| e.into_inner());
        if known().contains(parent.as_os_str()) {
            return Ok(());
        }
        create_folder(parent)?;
        known().insert(parent.as_os_str().to_owned());
        Ok(())
    }

    pub fn dir(&self) -> &Path {
        &self.staging
    }

    /// Swap the staging folder in place of the target, with the folders kept whole moved
    /// into it first. If a step fails, what was moved is moved back: the target is whole.
    pub fn commit(self) -> Result<(), Diagnostic> {
        let kept: Vec<String> =
            std::mem::take(&mut *self.kept.lock().unwrap_or_else(|e| e.into_inner()))
                .into_iter()
                .collect();
        let moved = self.move_kept(&kept)?;
        self.swap().inspect_err(|_| self.move_back(moved))
    }

    /// Move the kept folders from the target into the staging folder; the names moved. On
    /// a failure, those moved so far are moved back.
    fn move_kept<'k>(&self, kept: &'k [String]) -> Result<&'k [String], Diagnostic> {
        for (i, folder) in kept.iter().enumerate() {
            let (from, to) = (self.target.join(folder), self.staging.join(folder));
            if let Err(e) = std::fs::rename(&from, &to) {
                self.move_back(&kept[..i]);
                return Err(cannot_keep(&from, &e));
            }
        }
        Ok(kept)
    }

    /// Put kept folders back into the target (a later step of the swap failed).
    fn move_back(&self, moved: &[String]) {
        for folder in moved {
            let _ = std::fs::rename(self.staging.join(folder), self.target.join(folder));
        }
    }

    /// The staging folder in place of the target, the target's old folder removed.
    fn swap(&self) -> Result<(), Diagnostic> {
        let old = self.staging.with_file_name(format!(
            "{}.old",
            self.staging
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let had_target = self.target.exists();
        if had_target {
            std::fs::rename(&self.target, &old).map_err(|e| {
                Diagnostic::error(
                    "io",
                    msg!(
                        "write-cannot-move-aside",
                        path = self.target.display(),
                        reason = e.to_string()
                    ),
                )
            })?;
        }
        if let Err(e) = std::fs::rename(&self.staging, &self.target) {
            if had_target {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(Diagnostic::error(
                "io",
                msg!(
                    "write-cannot-swap",
                    path = self.target.display(),
                    reason = e.to_string()
                ),
            ));
        }
        if had_target {
            remove_dir_all_parallel(&old);
        }
        Ok(())
    }

    /// Throw the staging folder away (the build failed).
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

impl Sink for Staging {
    /// Write `bytes` at `rel` (a `/`-separated path inside the output).
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.staging.join(check_rel(rel)?);
        self.folder_for(&path)?;
        // A file linked from the previous output is replaced, never written through: the
        // previous output stays as it was until the swap. Most files are new, so the file
        // is removed only when it is there.
        let create = || {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
        };
        let file = create().or_else(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                std::fs::remove_file(&path)?;
                create()
            }
            _ => Err(e),
        });
        file.and_then(|mut f| std::io::Write::write_all(&mut f, bytes))
            .map_err(|e| cannot_write(&path, &e))
    }

    fn write_same(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.staging.join(check_rel(rel)?);
        let first = {
            let mut same = self.same.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(same.entry(crate::reuse::key_of(bytes)).or_default())
        };
        let mut written = None;
        let first = first.get_or_init(|| {
            let result = self.write(rel, bytes);
            let first = result.is_ok().then(|| path.clone());
            written = Some(result);
            first
        });
        if let Some(result) = written {
            return result;
        }
        if let Some(first) = first {
            self.folder_for(&path)?;
            // A file already there (linked from the previous output) is written instead.
            if std::fs::hard_link(first, &path).is_ok() {
                return Ok(());
            }
        }
        self.write(rel, bytes)
    }

    fn link(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        let path = self.staging.join(check_rel(rel)?);
        self.folder_for(&path)?;
        // Linked first, and what is there removed only if the link finds it: an unchanged
        // kommune's every file is linked, into a staging folder that rarely has any.
        std::fs::hard_link(from, &path)
            .or_else(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    let _ = std::fs::remove_file(&path);
                    std::fs::hard_link(from, &path)
                } else {
                    Err(e)
                }
            })
            .or_else(|_| {
                // Never copied into a file linked from the previous output.
                let _ = std::fs::remove_file(&path);
                std::fs::copy(from, &path).map(|_| ())
            })
            .map_err(|e| {
                Diagnostic::error(
                    "io",
                    msg!(
                        "write-cannot-copy",
                        from = from.display(),
                        to = path.display(),
                        reason = e.to_string()
                    ),
                )
            })
    }

    fn read(&self, rel: &str) -> Option<Vec<u8>> {
        let rel_path = check_rel(rel).ok()?;
        // A kept folder is still in the target until the swap.
        let top = rel.split('/').next().unwrap_or_default();
        let kept = self
            .kept
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(top);
        let root = if kept { &self.target } else { &self.staging };
        std::fs::read(root.join(rel_path)).ok()
    }

    fn keep_folder(&self, folder: &str, from: &Path, _files: &[&str]) -> Result<bool, Diagnostic> {
        if !can_keep(&self.target, folder, from)? {
            return Ok(false);
        }
        self.kept
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(folder.to_string());
        Ok(true)
    }
}

/// Create `folder` and its parents, as an `io` error that names it.
fn create_folder(folder: &Path) -> Result<(), Diagnostic> {
    std::fs::create_dir_all(folder).map_err(|e| {
        Diagnostic::error(
            "io",
            msg!(
                "write-cannot-create",
                path = folder.display(),
                reason = e.to_string()
            ),
        )
    })
}

/// Remove a folder, its top-level entries (one per kommune) in parallel: on a disk,
/// deleting the previous output can take as long as building the new one.
fn remove_dir_all_parallel(dir: &Path) {
    use rayon::prelude::*;
    let entries: Vec<std::fs::DirEntry> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.flatten().collect(),
        Err(_) => return,
    };
    entries.par_iter().for_each(|entry| {
        let _ = match entry.file_type() {
            Ok(t) if t.is_dir() => std::fs::remove_dir_all(entry.path()),
            _ => std::fs::remove_file(entry.path()),
        };
    });
    let _ = std::fs::remove_dir_all(dir);
}

/// The start of the name of a staging folder for `target`, before the process id.
fn prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    format!(".{name}.staging-")
}

/// Remove what builds into `target` left beside it when they were stopped before they
/// ended (Ctrl-C, a crash): staging folders, and old outputs being deleted, named for a
/// process that no longer runs. A stopped national build leaves about 400 MB, and the next
/// build has another process id. Only where the running processes are known (`/proc`), and
/// only while the target exists: a build stopped between the two renames of its swap
/// leaves the output in those folders.
pub fn remove_stale(target: &Path) {
    if !target.is_dir() || !Path::new("/proc/self").is_dir() {
        return;
    }
    let prefix = prefix(target);
    let Ok(entries) = std::fs::read_dir(beside(target)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let pid = rest.strip_suffix(".old").unwrap_or(rest);
        let stale = !pid.is_empty()
            && pid.bytes().all(|b| b.is_ascii_digit())
            && !Path::new("/proc").join(pid).exists();
        if stale && entry.file_type().is_ok_and(|t| t.is_dir()) {
            remove_dir_all_parallel(&entry.path());
        }
    }
}

/// Whether the folder `folder` at `from` can be kept whole in an output into `target`
/// ([`Sink::keep_folder`]): it is the target's own folder of that name, a single name, and
/// on the staging folder's file system (a target that links to another cannot move its
/// folders there).
pub(super) fn can_keep(target: &Path, folder: &str, from: &Path) -> Result<bool, Diagnostic> {
    let one_name = check_rel(folder)?.components().count() == 1;
    Ok(one_name
        && from == target.join(folder)
        && from.is_dir()
        && same_file_system(from, beside(target)))
}

/// The folder the staging folder for `target` is made in.
fn beside(target: &Path) -> &Path {
    target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Whether `a` and `b` are on one file system, where a folder can be renamed from one to the
/// other.
fn same_file_system(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (a.metadata(), b.metadata()) {
            (Ok(a), Ok(b)) => a.dev() == b.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

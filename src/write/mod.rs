//! Write stage: everything goes into a staging folder beside the target, which replaces
//! the target only when the whole build succeeded. A failed build leaves the old output.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::Diagnostic;
use crate::msg;

mod if_changed;
pub use if_changed::{Output, StagingIfChanged};

/// Where a build's files go: a staging folder on disk, or memory (for the preview).
pub trait Sink: Sync {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic>;

    /// A minified page: [`Sink::write`] of its bytes, unless the sink can use what the page
    /// shares with others (the link proof reads each shared part once).
    fn write_page(&self, rel: &str, page: &MinifiedPage) -> Result<(), Diagnostic> {
        self.write(rel, &page.bytes)
    }

    /// [`Sink::write`] of bytes the build writes at several places (the theme's fonts,
    /// scripts and stylesheet in every kommune's folder): a sink on disk may make each
    /// copy after the first a hard link to it (a file is never written through: a write
    /// replaces it).
    fn write_same(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.write(rel, bytes)
    }

    fn copy(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        let bytes = std::fs::read(from).map_err(|e| cannot_read(from, &e))?;
        self.write(rel, &bytes)
    }

    /// Put the file at `from` (a file of the previous output, never changed afterwards) at
    /// `rel`: a hard link where the sink can make one, else a copy.
    fn link(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        self.copy(rel, from)
    }

    /// [`Sink::link`] for a file of a kommune taken over unchanged from the previous output
    /// (see `build::incremental`): its links were proven when it was made, so the link
    /// proof does not read it again.
    fn take_over(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        self.link(rel, from)
    }

    /// The bytes written at `rel`, if this sink can give them back: the output check
    /// (`crate::verify`) reads the pages it reports to show their links as written.
    fn read(&self, _rel: &str) -> Option<Vec<u8>> {
        None
    }
}

/// Paths inside the output only: no `..`, no absolute paths.
fn check_rel(rel: &str) -> Result<&Path, Diagnostic> {
    let rel_path = Path::new(rel);
    if rel.is_empty()
        || rel_path
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(Diagnostic::error(
            "unsafe-path",
            msg!("write-outside", path = rel),
        ));
    }
    Ok(rel_path)
}

/// A file or folder could not be written.
pub fn cannot_write(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        "io",
        msg!(
            "write-cannot-write",
            path = path.display(),
            reason = e.to_string()
        ),
    )
}

/// A file the build needs could not be read.
pub fn cannot_read(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        "io",
        msg!(
            "write-cannot-read",
            path = path.display(),
            reason = e.to_string()
        ),
    )
}

/// A minified page, and where in it are the parts that were minified on their own (see
/// `build::shared`).
#[derive(Default)]
pub struct MinifiedPage {
    pub bytes: Vec<u8>,
    /// Each part's place in `bytes`, in order (without the closing tag that ends the part
    /// where the page leaves it out); a part many pages share is the same `Arc`.
    pub parts: Vec<(std::ops::Range<usize>, std::sync::Arc<MinifiedPart>)>,
    /// The rest of the page, minified with a placeholder for each part: the same `Arc` on
    /// every page of its kind that shows it. `None` for a page minified whole.
    pub skeleton: Option<std::sync::Arc<MinifiedPart>>,
}

/// A minified part, and what the link proof read in it (once, however many pages show it).
pub struct MinifiedPart {
    pub bytes: Box<[u8]>,
    pub links: crate::verify::PartLinks,
}

impl MinifiedPart {
    pub fn new(bytes: Vec<u8>) -> MinifiedPart {
        MinifiedPart {
            bytes: bytes.into(),
            links: Default::default(),
        }
    }
}

/// An in-memory output, for the live preview.
#[derive(Default)]
pub struct MemorySink {
    files: std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>,
    /// Files taken over: they stay as the preview already has them.
    kept: std::sync::Mutex<std::collections::HashSet<String>>,
}

impl MemorySink {
    pub fn into_files(self) -> std::collections::HashMap<String, Vec<u8>> {
        self.into_files_and_kept().0
    }

    /// The files written, and those taken over (see [`Sink::take_over`]).
    pub fn into_files_and_kept(
        self,
    ) -> (
        std::collections::HashMap<String, Vec<u8>>,
        std::collections::HashSet<String>,
    ) {
        (
            self.files.into_inner().unwrap_or_else(|e| e.into_inner()),
            self.kept.into_inner().unwrap_or_else(|e| e.into_inner()),
        )
    }
}

impl Sink for MemorySink {
    /// The preview's previous build is in memory, not at `_from`: the file is noted as
    /// kept, and the preview keeps its bytes (`build::InMemory::apply`).
    fn take_over(&self, rel: &str, _from: &Path) -> Result<(), Diagnostic> {
        check_rel(rel)?;
        self.kept
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(rel.to_string());
        Ok(())
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        check_rel(rel)?;
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(rel.to_string(), bytes.to_vec());
        Ok(())
    }

    fn read(&self, rel: &str) -> Option<Vec<u8>> {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(rel)
            .cloned()
    }
}

/// A sink that keeps nothing: used to compute asset names without writing them again.
pub struct Discard;

impl Sink for Discard {
    fn write(&self, rel: &str, _bytes: &[u8]) -> Result<(), Diagnostic> {
        check_rel(rel).map(|_| ())
    }

    fn copy(&self, rel: &str, _from: &Path) -> Result<(), Diagnostic> {
        check_rel(rel).map(|_| ())
    }
}

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
}

/// See `Staging::same`.
type FirstCopy = Arc<std::sync::OnceLock<Option<PathBuf>>>;

impl Staging {
    /// Prepare a fresh staging folder next to `target`.
    pub fn new(target: &Path) -> Result<Staging, Diagnostic> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        create_folder(parent)?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if staging.exists() {
            let _ = std::fs::remove_dir_all(&staging);
        }
        create_folder(&staging)?;
        Ok(Staging {
            target: target.to_path_buf(),
            staging,
            folders: Default::default(),
            same: Default::default(),
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

    /// Swap the staging folder in place of the target.
    pub fn commit(self) -> Result<(), Diagnostic> {
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
        std::fs::read(self.staging.join(check_rel(rel).ok()?)).ok()
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

/// Refuse output folders that would destroy or pollute content.
pub fn check_output_dir(out: &Path, project_root: &Path) -> Result<(), Diagnostic> {
    let abs = absolute(out);
    let root = absolute(project_root);
    let content = root.join("content");
    let themes = root.join("themes");
    let bad = abs.parent().is_none()
        || abs == root
        || abs.starts_with(&content)
        || abs.starts_with(&themes)
        || root.starts_with(&abs)
        || abs.join(".git").exists();
    if bad {
        return Err(Diagnostic::error(
            "unsafe-output",
            msg!("write-unsafe-output", path = abs.display()),
        )
        .with_help(msg!("write-unsafe-output-help")));
    }
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_build_keeps_old_output() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("index.html"), "old").unwrap();
        let staging = Staging::new(&target).unwrap();
        staging.write("index.html", b"new").unwrap();
        staging.abandon();
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).unwrap(),
            "old"
        );

        let staging = Staging::new(&target).unwrap();
        staging.write("a/index.html", b"new").unwrap();
        staging.commit().unwrap();
        assert!(!target.join("index.html").exists());
        assert_eq!(
            std::fs::read_to_string(target.join("a/index.html")).unwrap(),
            "new"
        );
    }

    #[test]
    fn a_file_linked_from_the_previous_output_is_replaced_when_written_never_written_through() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        std::fs::create_dir_all(target.join("a")).unwrap();
        std::fs::write(target.join("a/index.html"), "old").unwrap();
        let staging = Staging::new(&target).unwrap();
        staging
            .link("a/index.html", &target.join("a/index.html"))
            .unwrap();
        staging.write("a/index.html", b"new, and longer").unwrap();
        // Written twice: the second write replaces the first, whole.
        staging.write("b.txt", b"first, long text").unwrap();
        staging.write("b.txt", b"second").unwrap();
        assert_eq!(
            std::fs::read_to_string(target.join("a/index.html")).unwrap(),
            "old"
        );
        staging.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(target.join("a/index.html")).unwrap(),
            "new, and longer"
        );
        assert_eq!(
            std::fs::read_to_string(target.join("b.txt")).unwrap(),
            "second"
        );
    }

    #[test]
    fn a_file_linked_over_one_already_in_staging_replaces_it() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        std::fs::create_dir_all(target.join("a")).unwrap();
        std::fs::write(target.join("a/index.html"), "linked").unwrap();
        let staging = Staging::new(&target).unwrap();
        staging.write("a/index.html", b"written first").unwrap();
        staging
            .link("a/index.html", &target.join("a/index.html"))
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(target.join("a/index.html")).unwrap(),
            "linked"
        );
    }

    #[test]
    fn refuses_paths_outside() {
        let tmp = tempfile::tempdir().unwrap();
        let staging = Staging::new(&tmp.path().join("out")).unwrap();
        assert!(staging.write("../x", b"").is_err());
        assert!(staging.write("/etc/x", b"").is_err());
    }

    #[test]
    fn refuses_dangerous_output_dirs() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        assert!(check_output_dir(&root.join("content/x"), root).is_err());
        assert!(check_output_dir(root, root).is_err());
        assert!(check_output_dir(Path::new("/"), root).is_err());
        assert!(check_output_dir(&root.join("public"), root).is_ok());
    }
}

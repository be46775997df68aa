//! Write stage: everything goes into a staging folder beside the target, which replaces
//! the target only when the whole build succeeded. A failed build leaves the old output.

use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::msg;

mod if_changed;
mod staging;
pub use if_changed::{Output, StagingIfChanged};
pub use staging::Staging;

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

    /// Keep the folder `folder` (one name, at the top of the output) of the previous output,
    /// at `from`, whole: the files of a kommune taken over unchanged (see
    /// `build::incremental`), which are exactly `files`. A sink on disk moves the folder into
    /// the new output when that is swapped in, instead of linking its files one by one into
    /// folders made again (at 357 kommuner that was most of a one-file rebuild). False where
    /// the sink cannot: the caller takes over each file then.
    fn keep_folder(
        &self,
        _folder: &str,
        _from: &Path,
        _files: &[&str],
    ) -> Result<bool, Diagnostic> {
        Ok(false)
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

/// A folder of the previous output could not be kept (see [`Sink::keep_folder`]).
pub fn cannot_keep(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        "io",
        msg!(
            "write-cannot-keep",
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

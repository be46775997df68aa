//! Where the editor may read and write: only inside the project's content/ folder, by a
//! relative path without `..`, with no symbolic link anywhere on the way, and by writing a
//! temporary file beside the target and renaming it over (a reader, such as the preview's
//! rebuild, never sees half a file).

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a path was refused; the text is shown in the editor.
#[derive(Debug)]
pub struct Refused(pub String);

/// The file a request names, checked: relative, inside content/, no `..`, no symlink.
pub fn resolve(root: &Path, requested: &str) -> Result<PathBuf, Refused> {
    let refuse = |why: &str| Err(Refused(format!("Stien «{requested}» er avvist: {why}.")));
    if requested.is_empty()
        || requested.contains('\0')
        || requested.contains('\\')
        || requested.starts_with('/')
    {
        return refuse("bare relative stier inne i content/ er tillatt");
    }
    let relative = Path::new(requested);
    let mut parts = Vec::new();
    for component in relative.components() {
        match component {
            Component::Normal(part) => parts.push(part),
            Component::CurDir => {}
            _ => return refuse("«..» og absolutte stier er ikke tillatt"),
        }
    }
    if parts.first().is_none_or(|p| *p != "content") || parts.len() < 2 {
        return refuse("redigering kan bare skrive i mappen content/");
    }
    let mut path = root.to_path_buf();
    for part in parts {
        path.push(part);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return refuse("stien går gjennom en symbolsk lenke");
        }
    }
    Ok(path)
}

/// Write `bytes` to `path` atomically: a hidden temporary file in the same folder (which
/// the preview's watcher ignores), flushed to disk, then renamed over the target.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().expect("a checked path has a folder");
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(
        ".{name}.staging-cms-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_content_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/a")).unwrap();
        assert!(resolve(root, "content/a/x.yaml").is_ok());
        for bad in [
            "",
            "/etc/passwd",
            "content/../veiviser.yaml",
            "content/a/../../x",
            "themes/standard/x.html",
            "veiviser.yaml",
            "content",
            "content\\a\\x.yaml",
        ] {
            assert!(resolve(root, bad).is_err(), "{bad} should be refused");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_on_the_path_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::create_dir_all(root.join("elsewhere")).unwrap();
        std::os::unix::fs::symlink(root.join("elsewhere"), root.join("content/lenke")).unwrap();
        let err = resolve(root, "content/lenke/x.yaml").unwrap_err();
        assert!(err.0.contains("symbolsk lenke"), "{}", err.0);
    }

    #[test]
    fn writes_replace_the_file_whole_and_leave_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("content/a/b.yaml");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}

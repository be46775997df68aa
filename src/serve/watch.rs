//! Watching the project for changes, debounced, so editors that save by writing a
//! temporary file and renaming it cause one rebuild, not three.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

pub type Watcher = Debouncer<RecommendedWatcher, RecommendedCache>;

pub fn start(root: &Path, tx: Sender<Vec<PathBuf>>) -> Result<Watcher, String> {
    let root = root.canonicalize().map_err(|e| e.to_string())?;
    let watched: Vec<PathBuf> = vec![
        root.join("content"),
        root.join("themes"),
        root.join("veiviser.yaml"),
    ];
    let filter = watched.clone();
    let mut debouncer = new_debouncer(
        Duration::from_millis(25),
        None,
        move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            let changed: Vec<PathBuf> = events
                .iter()
                .filter(|e| !matches!(e.event.kind, EventKind::Access(_)))
                .flat_map(|e| e.event.paths.iter())
                .filter(|p| filter.iter().any(|w| p.starts_with(w)) && !is_editor_temp(p))
                .cloned()
                .collect();
            if !changed.is_empty() {
                let _ = tx.send(changed);
            }
        },
    )
    .map_err(|e| e.to_string())?;
    for dir in &watched[..2] {
        if dir.is_dir() {
            debouncer
                .watch(dir, RecursiveMode::Recursive)
                .map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    // veiviser.yaml is watched through its folder, so replacing the file is seen too.
    debouncer
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| e.to_string())?;
    Ok(debouncer)
}

/// Swap, backup and lock files that editors write next to the real one.
fn is_editor_temp(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.starts_with(".#")
        || name == "4913"
        || (name.starts_with('.') && name.contains(".staging-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temp_files_are_ignored() {
        assert!(is_editor_temp(Path::new("content/a/.niva-1.md.swp")));
        assert!(is_editor_temp(Path::new("content/a/niva-1.md~")));
        assert!(!is_editor_temp(Path::new("content/a/niva-1.md")));
    }
}

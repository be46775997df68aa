//! Whether the previous output still holds what a kommune wrote, before it is taken over:
//! a kommune in a folder of its own is moved into the new output whole
//! ([`crate::write::Sink::keep_folder`]), so its folder must hold its files and nothing
//! else (a file or folder added by hand would come along).

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::incremental::Entry;

/// Whether every file of `entry` is in the folder `slug` at the top of the output (a
/// regional build; a kommune built alone writes at the top).
pub(super) fn own_folder(slug: &str, entry: &Entry) -> bool {
    !entry.files.is_empty()
        && entry.files.iter().all(|(rel, _)| {
            rel.strip_prefix(slug)
                .is_some_and(|rest| rest.starts_with('/'))
        })
}

/// Whether the folder `dir` holds `files` (paths in the output, each starting with
/// `prefix`, the folder's own path there) with their sizes, and nothing else: no other
/// file, folder or link.
pub(super) fn holds_exactly(dir: &Path, prefix: &str, files: &[(String, u64)]) -> bool {
    let sizes: HashMap<&str, u64> = files
        .iter()
        .filter_map(|(rel, size)| Some((rel.strip_prefix(prefix)?, *size)))
        .collect();
    let folders: BTreeSet<&str> = sizes
        .keys()
        .flat_map(|rel| rel.match_indices('/').map(move |(i, _)| &rel[..i]))
        .collect();
    let mut found = (0, 0);
    sizes.len() == files.len()
        && read_exactly(dir, "", &sizes, &mut found)
        && found == (sizes.len(), folders.len())
}

/// [`holds_exactly`] for `dir`, at `rel` in the kommune's folder: counts the files and
/// folders found, false at the first that is not as listed.
fn read_exactly(
    dir: &Path,
    rel: &str,
    sizes: &HashMap<&str, u64>,
    found: &mut (usize, usize),
) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    for entry in entries {
        let Ok(entry) = entry else { return false };
        let Ok(kind) = entry.file_type() else {
            return false;
        };
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            return false;
        };
        let path = if rel.is_empty() {
            name.to_string()
        } else {
            format!("{rel}/{name}")
        };
        if kind.is_dir() {
            found.1 += 1;
            if !read_exactly(&entry.path(), &path, sizes, found) {
                return false;
            }
        } else if kind.is_file() {
            let listed = sizes.get(path.as_str());
            if listed.is_none_or(|size| entry.metadata().map(|m| m.len()).ok() != Some(*size)) {
                return false;
            }
            found.0 += 1;
        } else {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(files: &[(&str, u64)]) -> Entry {
        Entry {
            key: String::new(),
            pages: 0,
            files: files.iter().map(|(f, n)| (f.to_string(), *n)).collect(),
            sitemap: Vec::new(),
            made_prints: false,
            name: String::new(),
            number: String::new(),
            langs: Vec::new(),
            clean: true,
            leaving: None,
        }
    }

    #[test]
    fn a_kommune_has_a_folder_of_its_own_when_every_file_is_in_it() {
        assert!(own_folder(
            "a",
            &entry(&[("a/index.html", 1), ("a/b/c.js", 2)])
        ));
        assert!(!own_folder(
            "a",
            &entry(&[("a/index.html", 1), ("index.html", 2)])
        ));
        assert!(!own_folder("a", &entry(&[("ab/index.html", 1)])));
        assert!(!own_folder("a", &entry(&[("a", 1)])));
        assert!(!own_folder("a", &entry(&[])), "nothing to keep");
    }

    #[test]
    fn a_folder_holds_exactly_its_files_with_their_sizes_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("a");
        std::fs::create_dir_all(folder.join("b/c")).unwrap();
        std::fs::write(folder.join("index.html"), "12345").unwrap();
        std::fs::write(folder.join("b/c/index.html"), "123").unwrap();
        let files = entry(&[("a/index.html", 5), ("a/b/c/index.html", 3)]).files;
        assert!(holds_exactly(&folder, "a/", &files));

        let mut other_size = files.clone();
        other_size[1].1 = 4;
        assert!(!holds_exactly(&folder, "a/", &other_size));
        assert!(
            !holds_exactly(&folder, "a/", &files[..1]),
            "a file not listed"
        );
        let outside = [files.clone(), entry(&[("x/index.html", 1)]).files].concat();
        assert!(!holds_exactly(&folder, "a/", &outside));

        std::fs::create_dir(folder.join("b/tom")).unwrap();
        assert!(!holds_exactly(&folder, "a/", &files), "an empty folder");
        std::fs::remove_dir(folder.join("b/tom")).unwrap();
        std::os::unix::fs::symlink("index.html", folder.join("lenke")).unwrap();
        assert!(!holds_exactly(&folder, "a/", &files), "a link");
        std::fs::remove_file(folder.join("lenke")).unwrap();
        std::fs::remove_file(folder.join("b/c/index.html")).unwrap();
        assert!(!holds_exactly(&folder, "a/", &files), "a file missing");
        assert!(!holds_exactly(
            &dir.path().join("finnes-ikke"),
            "a/",
            &files
        ));
    }
}

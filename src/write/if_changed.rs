//! A build into an output folder that already holds a site: the staging folder is made
//! only when the build writes something the folder does not hold. A rebuild that changes
//! nothing leaves the folder as it is: no file linked into a new folder, no swap, and no
//! old folder to delete (at 357 kommuner those were most of a no-op build's time).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::staging::can_keep;
use super::{check_rel, Sink, Staging};
use crate::diagnostics::Diagnostic;

/// Where a build writes: a staging folder swapped in at the end, or, into an output folder
/// that holds a site already (without `--clean`), one made only if something changed.
pub enum Output {
    Staging(Staging),
    IfChanged(StagingIfChanged),
}

impl Output {
    /// For the output folder `out`; `clean`: a staging folder whatever `out` holds.
    pub fn open(out: &Path, clean: bool) -> Result<Output, Diagnostic> {
        super::staging::remove_stale(out);
        if clean || !out.is_dir() {
            Staging::new(out).map(Output::Staging)
        } else {
            Ok(Output::IfChanged(StagingIfChanged::new(out)))
        }
    }

    pub fn sink(&self) -> &dyn Sink {
        match self {
            Output::Staging(s) => s,
            Output::IfChanged(s) => s,
        }
    }

    /// Put the output in place; whether the output folder was replaced.
    pub fn commit(self) -> Result<bool, Diagnostic> {
        match self {
            Output::Staging(s) => s.commit().map(|()| true),
            Output::IfChanged(s) => s.commit(),
        }
    }

    pub fn abandon(self) {
        match self {
            Output::Staging(s) => s.abandon(),
            Output::IfChanged(s) => s.abandon(),
        }
    }
}

/// [`Staging`] when something changed, else nothing.
pub struct StagingIfChanged {
    target: PathBuf,
    state: Mutex<State>,
}

enum State {
    /// Everything put in the output so far is in the target as it is: these paths, and the
    /// folders kept whole (name, place in the target; their files are not among the paths).
    Unchanged {
        paths: Vec<String>,
        kept: Vec<(String, PathBuf)>,
    },
    /// Something differs: a staging folder with what the unchanged files were, and what
    /// follows.
    Staged(Arc<Staging>),
}

impl StagingIfChanged {
    /// For the output folder `target`, which exists.
    pub fn new(target: &Path) -> StagingIfChanged {
        StagingIfChanged {
            target: target.to_path_buf(),
            state: Mutex::new(State::Unchanged {
                paths: Vec::new(),
                kept: Vec::new(),
            }),
        }
    }

    /// The staging folder, when something changed so far.
    fn staged(&self) -> Option<Arc<Staging>> {
        match &*self.state.lock().unwrap_or_else(|e| e.into_inner()) {
            State::Staged(staging) => Some(Arc::clone(staging)),
            State::Unchanged { .. } => None,
        }
    }

    /// Note `rel` as the target holds it; or, when `same` is false (or the output is
    /// staged already), the staging folder to put it in.
    fn note(&self, rel: &str, same: bool) -> Result<Option<Arc<Staging>>, Diagnostic> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *state {
            State::Staged(staging) => Ok(Some(Arc::clone(staging))),
            State::Unchanged { paths, .. } if same => {
                paths.push(rel.to_string());
                Ok(None)
            }
            State::Unchanged { paths, kept } => {
                let staging = Arc::new(stage(&self.target, paths, kept)?);
                *state = State::Staged(Arc::clone(&staging));
                Ok(Some(staging))
            }
        }
    }

    /// Finish the build: the staging folder swapped in when something changed, or when the
    /// target holds files the build did not put there (a kommune removed, an old
    /// stylesheet); else nothing to do. Whether the target was replaced.
    pub fn commit(self) -> Result<bool, Diagnostic> {
        let state = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        let staging = match state {
            State::Staged(staging) => staging,
            State::Unchanged { paths, kept } => {
                if holds_only(&self.target, &paths, &kept) {
                    return Ok(false);
                }
                Arc::new(stage(&self.target, &paths, &kept)?)
            }
        };
        let staging = Arc::into_inner(staging).expect("the build's last use of the staging");
        staging.commit().map(|()| true)
    }

    /// The build failed: the staging folder, if one was made, is thrown away.
    pub fn abandon(self) {
        if let State::Staged(staging) = self.state.into_inner().unwrap_or_else(|e| e.into_inner()) {
            if let Some(staging) = Arc::into_inner(staging) {
                staging.abandon();
            }
        }
    }
}

/// A staging folder for `target` with the folders `kept` kept whole and its other files at
/// `paths` linked into it. On threads of its own, not rayon's: it runs while the state's
/// lock is held, and a rayon thread waiting for its share would take up other work of the
/// build, which may wait for that lock.
fn stage(
    target: &Path,
    paths: &[String],
    kept: &[(String, PathBuf)],
) -> Result<Staging, Diagnostic> {
    let staging = Staging::new(target)?;
    for (folder, from) in kept {
        // It was there when it was noted (see `keep_folder`).
        if !staging.keep_folder(folder, from, &[])? {
            return Err(super::cannot_keep(
                from,
                &std::io::Error::from(std::io::ErrorKind::NotFound),
            ));
        }
    }
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = paths.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let linking: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                let staging = &staging;
                scope.spawn(move || {
                    part.iter()
                        .try_for_each(|rel| staging.link(rel, &target.join(rel)))
                })
            })
            .collect();
        linking
            .into_iter()
            .try_for_each(|t| t.join().expect("a linking thread"))
    })?;
    Ok(staging)
}

/// Whether every file and folder under `target` is one of `paths`, a folder of one, or one
/// of the folders `kept` (whose files were checked when they were taken over, see
/// `build::intact`, and are not read again). Each of `paths` is there (a file the build
/// found the same), so counting the entries is enough; reading folders in parallel, it took
/// a fraction of the time of comparing names.
fn holds_only(target: &Path, paths: &[String], kept: &[(String, PathBuf)]) -> bool {
    let files: HashSet<&str> = paths.iter().map(String::as_str).collect();
    let kept: HashSet<&str> = kept.iter().map(|(folder, _)| folder.as_str()).collect();
    let folders: HashSet<&str> = files
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .chain(kept.iter().copied())
        .collect();
    entries_under(target, &kept) == Some(files.len() + folders.len())
}

/// How many files and folders are under `dir`, at any depth, a folder of `opaque` at its
/// top counted without what it holds.
fn entries_under(dir: &Path, opaque: &HashSet<&str>) -> Option<usize> {
    use rayon::prelude::*;
    let entries = std::fs::read_dir(dir)
        .ok()?
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    let none = HashSet::new();
    entries
        .par_iter()
        .map(|entry| match entry.file_type().ok()? {
            t if t.is_dir() && opaque.contains(entry.file_name().to_str()?) => Some(1),
            t if t.is_dir() => entries_under(&entry.path(), &none).map(|n| n + 1),
            _ => Some(1),
        })
        .sum()
}

impl StagingIfChanged {
    /// `bytes` at `rel`: put in the staging folder by `put`, unless nothing is staged and
    /// the target holds them already.
    fn put(
        &self,
        rel: &str,
        bytes: &[u8],
        put: impl Fn(&Staging) -> Result<(), Diagnostic>,
    ) -> Result<(), Diagnostic> {
        check_rel(rel)?;
        if let Some(staging) = self.staged() {
            return put(&staging);
        }
        let same = std::fs::read(self.target.join(rel)).is_ok_and(|held| held == bytes);
        match self.note(rel, same)? {
            Some(staging) => put(&staging),
            None => Ok(()),
        }
    }
}

impl Sink for StagingIfChanged {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.put(rel, bytes, |staging| staging.write(rel, bytes))
    }

    fn write_same(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.put(rel, bytes, |staging| staging.write_same(rel, bytes))
    }

    /// What the output holds at `rel`: the staging folder's file, or the target's.
    fn read(&self, rel: &str) -> Option<Vec<u8>> {
        match self.staged() {
            Some(staging) => staging.read(rel),
            None => std::fs::read(self.target.join(check_rel(rel).ok()?)).ok(),
        }
    }

    /// A folder of the previous output at its own place is the target's as it is.
    fn keep_folder(&self, folder: &str, from: &Path, files: &[&str]) -> Result<bool, Diagnostic> {
        if !can_keep(&self.target, folder, from)? {
            return Ok(false);
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *state {
            State::Staged(staging) => {
                let staging = Arc::clone(staging);
                drop(state);
                staging.keep_folder(folder, from, files)
            }
            State::Unchanged { kept, .. } => {
                kept.push((folder.to_string(), from.to_path_buf()));
                Ok(true)
            }
        }
    }

    /// A file of the previous output at its own place is the target's as it is.
    fn link(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        check_rel(rel)?;
        let same = from == self.target.join(rel);
        match self.note(rel, same)? {
            Some(staging) => staging.link(rel, from),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path) -> PathBuf {
        let out = dir.join("public");
        for (rel, text) in [("index.html", "forside"), ("a/side/index.html", "side")] {
            let path = out.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        out
    }

    fn staging_folders(dir: &Path) -> usize {
        std::fs::read_dir(dir)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name() != "public")
            .count()
    }

    #[test]
    fn a_build_that_changes_nothing_leaves_the_output_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let out = site(dir.path());
        let inode =
            |rel: &str| std::os::unix::fs::MetadataExt::ino(&out.join(rel).metadata().unwrap());
        let before = (inode("index.html"), inode("a/side/index.html"));
        let sink = StagingIfChanged::new(&out);
        sink.write("index.html", b"forside").unwrap();
        sink.link("a/side/index.html", &out.join("a/side/index.html"))
            .unwrap();
        assert_eq!(sink.read("a/side/index.html").unwrap(), b"side");
        assert_eq!(staging_folders(dir.path()), 0, "no staging folder made");
        assert!(!sink.commit().unwrap(), "nothing swapped");
        assert_eq!((inode("index.html"), inode("a/side/index.html")), before);
    }

    #[test]
    fn one_changed_file_stages_the_unchanged_ones_with_it_and_swaps() {
        let dir = tempfile::tempdir().unwrap();
        let out = site(dir.path());
        let sink = StagingIfChanged::new(&out);
        sink.link("a/side/index.html", &out.join("a/side/index.html"))
            .unwrap();
        sink.write("index.html", b"ny forside").unwrap();
        sink.write("b/index.html", b"ny side").unwrap();
        assert_eq!(sink.read("index.html").unwrap(), b"ny forside");
        assert_eq!(sink.read("a/side/index.html").unwrap(), b"side");
        // The target stays as it was until the swap.
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "forside"
        );
        assert!(sink.commit().unwrap());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "ny forside"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("a/side/index.html")).unwrap(),
            "side"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("b/index.html")).unwrap(),
            "ny side"
        );
        assert_eq!(staging_folders(dir.path()), 0, "the old output removed");
    }

    fn folder_inode(path: &Path) -> u64 {
        std::os::unix::fs::MetadataExt::ino(&path.metadata().unwrap())
    }

    #[test]
    fn a_folder_kept_whole_stays_in_the_target_until_the_swap_then_moves_into_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = site(dir.path());
        let kept = folder_inode(&out.join("a"));
        let sink = StagingIfChanged::new(&out);
        assert!(sink
            .keep_folder("a", &out.join("a"), &["a/side/index.html"])
            .unwrap());
        sink.write("index.html", b"ny forside").unwrap();
        // Staged, but the kept folder is still the target's, and read from there.
        assert_eq!(staging_folders(dir.path()), 1);
        assert_eq!(folder_inode(&out.join("a")), kept);
        assert_eq!(sink.read("a/side/index.html").unwrap(), b"side");
        assert!(sink.commit().unwrap());
        assert_eq!(folder_inode(&out.join("a")), kept, "moved, not made again");
        assert_eq!(
            std::fs::read_to_string(out.join("a/side/index.html")).unwrap(),
            "side"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "ny forside"
        );
        assert_eq!(staging_folders(dir.path()), 0, "the old output removed");
    }

    #[test]
    fn a_kept_folder_and_nothing_changed_swaps_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = site(dir.path());
        let folder = folder_inode(&out);
        let sink = StagingIfChanged::new(&out);
        assert!(sink
            .keep_folder("a", &out.join("a"), &["a/side/index.html"])
            .unwrap());
        sink.write("index.html", b"forside").unwrap();
        assert!(!sink.commit().unwrap());
        assert_eq!(folder_inode(&out), folder);
    }

    #[test]
    fn only_a_folder_at_the_top_of_the_target_is_kept_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = site(dir.path());
        let sink = StagingIfChanged::new(&out);
        let files = ["a/side/index.html"];
        assert!(!sink
            .keep_folder("a/side", &out.join("a/side"), &files)
            .unwrap());
        assert!(!sink
            .keep_folder("a", &dir.path().join("a"), &files)
            .unwrap());
        assert!(
            !sink.keep_folder("b", &out.join("b"), &files).unwrap(),
            "not there"
        );
        assert!(sink.keep_folder("..", &out.join(".."), &files).is_err());
        let staging = Staging::new(&out).unwrap();
        assert!(!staging
            .keep_folder("a/side", &out.join("a/side"), &files)
            .unwrap());
        assert!(staging.keep_folder("a", &out.join("a"), &files).unwrap());
        staging.abandon();
    }

    #[test]
    fn a_folder_on_another_file_system_than_the_staging_folder_is_not_kept_whole() {
        // The output a link to a folder in /dev/shm (a RAM disk): its folders cannot be
        // renamed into the staging folder beside the link, so its files are linked or copied.
        let dir = tempfile::tempdir().unwrap();
        let Ok(elsewhere) = tempfile::tempdir_in("/dev/shm") else {
            return;
        };
        let device = |p: &Path| std::os::unix::fs::MetadataExt::dev(&p.metadata().unwrap());
        if device(dir.path()) == device(elsewhere.path()) {
            return;
        }
        let real = site(elsewhere.path());
        let out = dir.path().join("public");
        std::os::unix::fs::symlink(&real, &out).unwrap();
        let files = ["a/side/index.html"];
        let staging = Staging::new(&out).unwrap();
        assert!(!staging.keep_folder("a", &out.join("a"), &files).unwrap());
        staging.abandon();
        let sink = StagingIfChanged::new(&out);
        assert!(!sink.keep_folder("a", &out.join("a"), &files).unwrap());
        sink.write("index.html", b"ny forside").unwrap();
        assert!(!sink.keep_folder("a", &out.join("a"), &files).unwrap());
        sink.link("a/side/index.html", &out.join("a/side/index.html"))
            .unwrap();
        assert!(sink.commit().unwrap());
        assert_eq!(
            std::fs::read_to_string(out.join("a/side/index.html")).unwrap(),
            "side"
        );
    }

    #[test]
    fn a_kept_folder_that_cannot_be_moved_fails_the_swap_and_leaves_the_target_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = site(dir.path());
        std::fs::create_dir_all(out.join("c/d")).unwrap();
        std::fs::write(out.join("c/d/index.html"), "c").unwrap();
        let staging = Staging::new(&out).unwrap();
        for folder in ["a", "c"] {
            assert!(staging.keep_folder(folder, &out.join(folder), &[]).unwrap());
        }
        staging.write("index.html", b"ny forside").unwrap();
        // Something written where a kept folder goes: that one cannot be moved there.
        staging.write("c/annen.html", b"x").unwrap();
        let error = staging.commit().unwrap_err();
        assert_eq!(error.code, "io");
        for (rel, text) in [
            ("index.html", "forside"),
            ("a/side/index.html", "side"),
            ("c/d/index.html", "c"),
        ] {
            assert_eq!(std::fs::read_to_string(out.join(rel)).unwrap(), text);
        }
    }

    #[test]
    fn what_a_stopped_build_left_beside_the_output_is_removed_by_the_next() {
        if !Path::new("/proc/self").is_dir() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let out = site(dir.path());
        // No process has an id above 2^22 (Linux's highest `pid_max`); 1 is init.
        let left = [".public.staging-99999999", ".public.staging-99999999.old"];
        let kept = [
            ".public.staging-1",
            ".public.staging-cms-99999999-1",
            ".andre.staging-99999999",
            "public.staging-99999999",
        ];
        for name in left.iter().chain(&kept) {
            std::fs::create_dir_all(dir.path().join(name).join("a")).unwrap();
            std::fs::write(dir.path().join(name).join("a/index.html"), "x").unwrap();
        }
        // Without the output, the output may be in them: nothing is removed.
        std::fs::rename(&out, dir.path().join("borte")).unwrap();
        Output::open(&out, false).unwrap().abandon();
        assert!(left.iter().all(|n| dir.path().join(n).exists()));
        std::fs::rename(dir.path().join("borte"), &out).unwrap();
        let output = Output::open(&out, false).unwrap();
        assert!(left.iter().all(|n| !dir.path().join(n).exists()));
        assert!(kept.iter().all(|n| dir.path().join(n).exists()));
        output.abandon();
        assert_eq!(
            std::fs::read_to_string(out.join("a/side/index.html")).unwrap(),
            "side"
        );
    }

    #[test]
    fn entries_are_counted_at_every_depth() {
        let dir = tempfile::tempdir().unwrap();
        let out = site(dir.path());
        assert_eq!(entries_under(&out, &HashSet::new()), Some(4));
        assert_eq!(entries_under(&out, &HashSet::from(["a"])), Some(2));
        let built = ["index.html".to_string(), "a/side/index.html".to_string()];
        assert!(holds_only(&out, &built, &[]));
        assert!(!holds_only(&out, &built[..1], &[]));
        let kept = [("a".to_string(), out.join("a"))];
        assert!(
            holds_only(&out, &built[..1], &kept),
            "a kept folder is one entry"
        );
        assert!(!holds_only(&out, &[], &kept), "the top page not built");
        std::fs::create_dir(out.join("a/tom")).unwrap();
        assert!(
            !holds_only(&out, &built, &[]),
            "an empty folder nobody made"
        );
        std::fs::create_dir(out.join("b")).unwrap();
        assert!(
            !holds_only(&out, &built[..1], &kept),
            "a folder nobody made"
        );
    }

    #[test]
    fn a_file_the_build_no_longer_makes_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = site(dir.path());
        let sink = StagingIfChanged::new(&out);
        sink.write("index.html", b"forside").unwrap();
        assert!(sink.commit().unwrap());
        assert!(out.join("index.html").exists());
        assert!(
            !out.join("a").exists(),
            "the kommune no longer built is gone"
        );
    }

    #[test]
    fn a_failed_build_leaves_the_output_and_no_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = site(dir.path());
        let sink = StagingIfChanged::new(&out);
        sink.write("index.html", b"halvferdig").unwrap();
        sink.abandon();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "forside"
        );
        assert_eq!(staging_folders(dir.path()), 0);
    }
}

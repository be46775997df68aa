//! Rebuild only what changed: a kommune whose inputs are the same as in the last build
//! into the same output folder is not rendered again; its files are taken over from the
//! previous output (hard links, or copies where links cannot be made) into the staging
//! folder, which is swapped in as always.
//!
//! The unit of reuse is the kommune, the conservative choice: every page of a kommune
//! shows its shared chrome (kommune.yaml, contacts, glossary, the navigation that lists its
//! pages), and its search index and print products gather all of its pages, so any change
//! to a kommune's folder, or to a base it inherits, renders that kommune again. Everything
//! the output of one kommune depends on is in its key:
//! - every file under `content/<unit>/` of the kommune and each base it inherits (names
//!   and bytes);
//! - the build's global inputs: `veiviser.yaml`, every file of the theme (built in and
//!   the project's), the binary (version, size and modification time), and the options
//!   that change output (base URL, `--kommune`, `--relative-urls`, `--no-pdf`, the date).
//!
//! The manifest (`<cache>/builds/<hash of the output path>.json`) lists per kommune its
//! key, the files it wrote with their sizes, its sitemap entries and page count. It is
//! removed before the staging folder is swapped in and written after, so a manifest always
//! describes the output beside it; a kommune is reused only if each file it lists is still
//! there with its size. The files that span kommuner (landing page, sitemap, robots.txt)
//! are always written again, and the link proof reads every page of the result, reused or
//! not. `build --clean` reuses nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::diagnostics::Diagnostic;
use crate::site::Kommune;
use crate::write::Sink;

/// Bumped when what the manifest means changes.
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize, Default)]
pub struct Manifest {
    format: u32,
    kommuner: BTreeMap<String, Entry>,
}

/// What one kommune's build made.
#[derive(Serialize, Deserialize, Clone)]
pub struct Entry {
    pub key: String,
    pub pages: usize,
    /// Every file it wrote (path inside the output) with its size.
    pub files: Vec<(String, u64)>,
    /// Its URLs in the sitemap.
    pub sitemap: Vec<String>,
    /// It made print PDFs.
    pub made_prints: bool,
}

/// The incremental state of one build: the previous manifest, the keys, the next manifest.
pub struct Incremental {
    out: PathBuf,
    manifest_path: PathBuf,
    previous: Manifest,
    global: u128,
    root: PathBuf,
    /// Unit folder → the base it inherits.
    graph: BTreeMap<String, (bool, Option<String>)>,
    next: Mutex<Manifest>,
    pub reused: std::sync::atomic::AtomicUsize,
    pub rendered: std::sync::atomic::AtomicUsize,
}

/// The options of a build that change its output, as they go into the key.
pub struct Options<'a> {
    pub root: &'a Path,
    pub out: &'a Path,
    pub cache_dir: &'a Path,
    pub clean: bool,
    pub theme: &'a crate::theme_files::ThemeFiles,
    /// Everything else that changes every page: base URL, `--kommune`, flags, the date.
    pub settings: String,
}

impl Incremental {
    pub fn new(o: Options) -> Incremental {
        let out = absolute(o.out);
        let mut h = Xxh3::new();
        feed(&mut h, &FORMAT.to_le_bytes());
        feed(&mut h, env!("CARGO_PKG_VERSION").as_bytes());
        // The binary itself: a rebuilt veiviser may render differently at the same version.
        if let Some(meta) = std::env::current_exe()
            .ok()
            .and_then(|p| std::fs::metadata(p).ok())
        {
            feed(&mut h, &meta.len().to_le_bytes());
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            feed(&mut h, &mtime.to_le_bytes());
        }
        feed(&mut h, o.settings.as_bytes());
        feed(
            &mut h,
            &std::fs::read(o.root.join("veiviser.yaml")).unwrap_or_default(),
        );
        for (rel, file) in o.theme.under("") {
            feed(&mut h, rel.as_bytes());
            feed(&mut h, &file.bytes);
        }
        let manifest_path = o.cache_dir.join("builds").join(format!(
            "{:016x}.json",
            xxhash_rust::xxh3::xxh3_64(out.to_string_lossy().as_bytes())
        ));
        let previous = if o.clean || !out.is_dir() {
            Manifest::default()
        } else {
            std::fs::read(&manifest_path)
                .ok()
                .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
                .filter(|m| m.format == FORMAT)
                .unwrap_or_default()
        };
        Incremental {
            out,
            manifest_path,
            previous,
            global: h.digest128(),
            root: o.root.to_path_buf(),
            graph: crate::load::unit_graph(o.root),
            next: Mutex::new(Manifest {
                format: FORMAT,
                kommuner: BTreeMap::new(),
            }),
            reused: Default::default(),
            rendered: Default::default(),
        }
    }

    /// The key of `kommune`'s output: the global inputs and every file of its unit
    /// folder and of the bases it inherits.
    pub fn key(&self, kommune: &Kommune, pdf: bool) -> String {
        let mut units = vec![kommune.slug.clone()];
        let mut seen = BTreeSet::new();
        while let Some(base) = units
            .last()
            .and_then(|u| self.graph.get(u))
            .and_then(|(_, b)| b.clone())
        {
            if !seen.insert(base.clone()) {
                break;
            }
            units.push(base);
        }
        let mut h = Xxh3::new();
        h.update(&self.global.to_le_bytes());
        h.update(&[u8::from(pdf)]);
        for unit in &units {
            feed(&mut h, unit.as_bytes());
            let dir = self.root.join("content").join(unit);
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| !e.file_type().is_dir())
                .map(|e| e.into_path())
                .collect();
            files.sort();
            for path in files {
                feed(
                    &mut h,
                    path.strip_prefix(&dir)
                        .unwrap_or(&path)
                        .to_string_lossy()
                        .as_bytes(),
                );
                // A file that cannot be read gives a key that matches nothing.
                match std::fs::read(&path) {
                    Ok(bytes) => feed(&mut h, &bytes),
                    Err(_) => feed(&mut h, &rand_bytes()),
                }
            }
        }
        format!("{:032x}", h.digest128())
    }

    /// Take `kommune`'s files over from the previous output into `sink` if its key is
    /// unchanged and they are all still there; their pages are recorded in `links`.
    pub fn reuse(
        &self,
        kommune: &Kommune,
        key: &str,
        sink: &dyn Sink,
    ) -> Result<Option<Entry>, Diagnostic> {
        let Some(entry) = self.previous.kommuner.get(&kommune.slug) else {
            return Ok(None);
        };
        let intact = entry.key == key
            && entry.files.par_iter().all(|(rel, size)| {
                std::fs::symlink_metadata(self.out.join(rel))
                    .is_ok_and(|m| m.is_file() && m.len() == *size)
            });
        if !intact {
            return Ok(None);
        }
        // Through the sink: the link proof (`RecordingSink`) reads every reused page too.
        entry
            .files
            .par_iter()
            .try_for_each(|(rel, _)| sink.link(rel, &self.out.join(rel)))?;
        self.reused
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.keep(&kommune.slug, entry.clone());
        Ok(Some(entry.clone()))
    }

    /// Note what `kommune` made in this build, for the next one.
    pub fn made(&self, kommune: &Kommune, entry: Entry) {
        self.rendered
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.keep(&kommune.slug, entry);
    }

    fn keep(&self, slug: &str, entry: Entry) {
        self.next
            .lock()
            .expect("manifest lock")
            .kommuner
            .insert(slug.to_string(), entry);
    }

    /// The previous manifest no longer describes the output once it is replaced: remove it
    /// before the swap.
    pub fn forget(&self) {
        let _ = std::fs::remove_file(&self.manifest_path);
    }

    /// Write the manifest of this build (after the swap).
    pub fn save(&self) -> std::io::Result<()> {
        let next = self.next.lock().expect("manifest lock");
        let json = serde_json::to_vec(&*next).map_err(std::io::Error::other)?;
        if let Some(dir) = self.manifest_path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = self
            .manifest_path
            .with_extension(format!("tmp-{}", std::process::id()));
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, &self.manifest_path)
    }
}

/// A sink that notes every file written through it, with its size (one kommune's files).
pub struct Tracking<'a> {
    pub inner: &'a dyn Sink,
    pub files: Mutex<Vec<(String, u64)>>,
}

impl<'a> Tracking<'a> {
    pub fn new(inner: &'a dyn Sink) -> Self {
        Tracking {
            inner,
            files: Mutex::new(Vec::new()),
        }
    }

    pub fn into_files(self) -> Vec<(String, u64)> {
        let mut files = self.files.into_inner().expect("files lock");
        files.sort();
        files.dedup_by(|a, b| a.0 == b.0);
        files
    }

    fn note(&self, rel: &str, size: u64) {
        self.files
            .lock()
            .expect("files lock")
            .push((rel.to_string(), size));
    }
}

impl Sink for Tracking<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.inner.write(rel, bytes)?;
        self.note(rel, bytes.len() as u64);
        Ok(())
    }

    fn copy(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        self.inner.copy(rel, from)?;
        let size = std::fs::metadata(from).map(|m| m.len()).unwrap_or(u64::MAX);
        self.note(rel, size);
        Ok(())
    }

    fn link(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        self.inner.link(rel, from)?;
        let size = std::fs::metadata(from).map(|m| m.len()).unwrap_or(u64::MAX);
        self.note(rel, size);
        Ok(())
    }

    fn read(&self, rel: &str) -> Option<Vec<u8>> {
        self.inner.read(rel)
    }
}

fn feed(h: &mut Xxh3, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// Bytes that differ on every call (a file that could not be read must not match).
fn rand_bytes() -> [u8; 16] {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    t.to_le_bytes()
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

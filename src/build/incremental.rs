//! Rebuild only what changed: a kommune whose inputs are the same as in the last build
//! into the same output folder is not rendered again; its files are taken over from the
//! previous output: its folder moved whole into the staging folder as that is swapped in
//! (see `intact`), or else each file hard-linked (or copied where links cannot be made)
//! into the staging folder, which is swapped in as always.
//!
//! The unit of reuse is the kommune, the conservative choice: every page of a kommune
//! shows its shared chrome (kommune.yaml, contacts, glossary, the navigation that lists its
//! pages), and its search index and print products gather all of its pages, so any change
//! to a kommune's folder, or to a base it inherits, renders that kommune again. Everything
//! the output of one kommune depends on is in its key:
//! - every file under `content/<unit>/` of the kommune and each base it inherits (names
//!   and bytes);
//! - the build's global inputs: `veiviser.yaml`, every file under `themes/` (the built-in
//!   theme is inside the binary), the binary (version, size and modification time), and
//!   the options that change output (`--base-url`, `--kommune`, `--relative-urls`,
//!   `--no-pdf`, the date).
//!
//! A file is read and hashed only when its size or modification time differs from what the
//! manifest noted (or it was modified less than a second before that build started, when
//! an edit in the same instant could have gone unseen); else its noted hash is used.
//!
//! A whole build of every kommune ([`Incremental::reusable`]) decides before loading: a
//! kommune whose key is unchanged, whose files are intact and whose last build reported
//! nothing about it (no warning on its files or its bases') is neither loaded, checked nor
//! rendered; only the other kommuner and the bases they inherit are read. A kommune with
//! warnings is loaded and checked every time (so they are shown every time), and its pages
//! are taken over if its key is unchanged.
//!
//! The manifest (`<cache>/builds/<hash of the output path>.json`) lists per kommune its
//! key, the files it wrote with their sizes, its sitemap entries, page count, name, number
//! and languages (for the landing page and the theme's texts), and every input file's
//! size, modification time and hash. It is
//! removed before the staging folder is swapped in and written after, so a manifest always
//! describes the output beside it; a kommune is reused only if each file it lists is still
//! there with its size (and, when its folder is to be kept whole, nothing else is). The
//! files that span kommuner (landing page, sitemap, robots.txt) are always written again,
//! and the link proof reads every page of the result, reused or not. `build --clean` reuses
//! nothing.
//!
//! The preview (`serve`) keeps the same manifest in memory beside its in-memory output
//! ([`Previous::Memory`]): after an edit, only the kommuner whose key changed are rendered
//! again, and the others keep the pages the preview already serves.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::cache_file::{feed, feed_binary};
use crate::diagnostics::Diagnostic;
use crate::site::Kommune;
use crate::source::mtime;
use crate::write::Sink;

use super::intact::{holds_exactly, own_folder};

/// Bumped when what the manifest means changes.
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize, Default, Clone)]
pub struct Manifest {
    format: u32,
    /// When the build that wrote it started (nanoseconds since 1970).
    started: u128,
    kommuner: BTreeMap<String, Entry>,
    /// Input files (path under the project) as last seen.
    inputs: BTreeMap<String, Input>,
}

/// An input file's size, modification time and hash, to skip reading it when unchanged.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq)]
struct Input {
    size: u64,
    mtime: u128,
    hash: u128,
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
    /// Its name, number and languages: what the landing page and the theme need of a
    /// kommune that is not loaded.
    pub name: String,
    pub number: String,
    pub langs: Vec<String>,
    /// Nothing was reported about it (no warning on its files or its bases'): it can be
    /// taken over without loading and checking it.
    pub clean: bool,
    /// The internal links of its pages that lead out of its folder (site-absolute URLs),
    /// checked again when it is taken over (see `verify::LinkIndex::leaving`); `None` when
    /// not known (its pages are read by the link proof then).
    pub leaving: Option<Vec<String>>,
}

/// The output of the previous build, to take files over from.
enum Output {
    /// An output folder, with the manifest in the cache folder.
    Folder {
        out: PathBuf,
        manifest_path: PathBuf,
    },
    /// The preview's files, in memory.
    Memory(Arc<HashMap<String, Vec<u8>>>),
}

/// Where the previous build is, and its manifest.
pub enum Previous<'a> {
    /// `build`: the output folder and the cache folder beside it.
    Folder { out: &'a Path, cache_dir: &'a Path },
    /// The preview: its last build's files and manifest (`None` before the first).
    Memory {
        files: Arc<HashMap<String, Vec<u8>>>,
        manifest: Option<Manifest>,
    },
}

/// The incremental state of one build: the previous manifest, the keys, the next manifest.
pub struct Incremental {
    output: Output,
    previous: Manifest,
    global: u128,
    root: PathBuf,
    /// Unit folder → whether it is a kommune, and the base it inherits.
    graph: BTreeMap<String, (bool, Option<String>)>,
    keys: Mutex<HashMap<(String, bool), String>>,
    /// Each unit folder's hash, as computed in this build ([`Incremental::unit_hash`]).
    units: Mutex<HashMap<String, u128>>,
    /// Unit folders that something was reported about in this build's check; `None` for
    /// a report that names no file (nothing is clean then).
    reported: Mutex<Option<BTreeSet<String>>>,
    /// Kommuner taken over without being loaded (see [`Incremental::reusable`]).
    pub unloaded: BTreeMap<String, Entry>,
    next: Mutex<Manifest>,
    pub reused: std::sync::atomic::AtomicUsize,
    pub rendered: std::sync::atomic::AtomicUsize,
    /// The kommuner taken over (loaded or not).
    taken: Mutex<BTreeSet<String>>,
    /// The stamps of the files this build loaded, by path under the root: hashed as they
    /// were read, so a clean build reads each file once.
    loaded: HashMap<String, crate::source::Stamp>,
}

/// The options of a build that change its output, as they go into the key.
pub struct Options<'a> {
    pub root: &'a Path,
    pub previous: Previous<'a>,
    pub clean: bool,
    /// Everything else that changes every page: base URL, `--kommune`, flags, the date.
    pub settings: String,
}

impl Incremental {
    pub fn new(o: Options) -> Incremental {
        let started = now();
        let (output, previous) = match o.previous {
            Previous::Folder { out, cache_dir } => {
                let out = absolute(out);
                let manifest_path = cache_dir.join("builds").join(format!(
                    "{:016x}.json",
                    xxhash_rust::xxh3::xxh3_64(out.to_string_lossy().as_bytes())
                ));
                let previous = if o.clean || !out.is_dir() {
                    None
                } else {
                    std::fs::read(&manifest_path)
                        .ok()
                        .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
                };
                (Output::Folder { out, manifest_path }, previous)
            }
            Previous::Memory { files, manifest } => {
                (Output::Memory(files), manifest.filter(|_| !o.clean))
            }
        };
        let previous = previous.filter(|m| m.format == FORMAT).unwrap_or_default();
        let mut inc = Incremental {
            output,
            previous,
            global: 0,
            root: o.root.to_path_buf(),
            graph: crate::load::unit_graph(o.root),
            keys: Mutex::default(),
            units: Mutex::default(),
            reported: Mutex::new(Some(BTreeSet::new())),
            unloaded: BTreeMap::new(),
            next: Mutex::new(Manifest {
                format: FORMAT,
                started,
                ..Manifest::default()
            }),
            reused: Default::default(),
            rendered: Default::default(),
            taken: Default::default(),
            loaded: HashMap::new(),
        };
        let mut h = Xxh3::new();
        feed(&mut h, &FORMAT.to_le_bytes());
        // The binary itself (and the theme built into it): a rebuilt veiviser may render
        // differently at the same version.
        feed_binary(&mut h);
        feed(&mut h, o.settings.as_bytes());
        let config = o.root.join("veiviser.yaml");
        feed(&mut h, &inc.hash_file(&config).to_le_bytes());
        // The project's theme files override the built-in ones (any theme: the config names
        // which, and it is hashed above); not its fonts, which are never read.
        let themes = o.root.join("themes");
        let fonts = |path: &Path| {
            let mut inside = path
                .strip_prefix(&themes)
                .into_iter()
                .flat_map(Path::components);
            inside.nth(1).is_some_and(|folder| {
                folder.as_os_str() == crate::theme_files::NOT_READ_FROM_PROJECT
            })
        };
        for path in files_under(&themes).into_iter().filter(|p| !fonts(p)) {
            feed(&mut h, inc.rel(&path).as_bytes());
            feed(&mut h, &inc.hash_file(&path).to_le_bytes());
        }
        inc.global = h.digest128();
        inc
    }

    /// Note the files `project` loaded, with their stamps ([`crate::source::Stamp`]).
    pub fn note_loaded(&mut self, project: &crate::load::Project) {
        let texts = project.units.values().flat_map(|unit| {
            std::iter::once(&unit.config_file).chain(unit.files.values().filter_map(|f| match f {
                crate::load::FileEntry::Text(text) => Some(text),
                crate::load::FileEntry::Asset(_) => None,
            }))
        });
        for file in std::iter::once(&project.config_file).chain(texts) {
            if let Some(stamp) = file.stamp {
                self.loaded.insert(file.display.clone(), stamp);
            }
        }
    }

    /// The kommuner (all, or `only`) that can be taken over without loading them: same key,
    /// nothing reported last time, every file still there. They are kept in
    /// [`Incremental::unloaded`]; the result is the unit folders that must be loaded (the
    /// other kommuner, and the bases any of them inherits or that no kommune inherits).
    /// `None`: load everything.
    pub fn plan_unloaded(&mut self, pdf: bool) -> Option<BTreeSet<String>> {
        let kommuner: Vec<&String> = self
            .graph
            .iter()
            .filter(|(_, (is_kommune, _))| *is_kommune)
            .map(|(slug, _)| slug)
            .collect();
        let this = &*self;
        let unloaded: BTreeMap<String, Entry> = kommuner
            .par_iter()
            .filter_map(|slug| {
                let entry = this.previous.kommuner.get(*slug)?;
                (entry.clean && entry.key == this.key_of(slug, pdf) && this.intact(slug, entry))
                    .then(|| ((*slug).clone(), entry.clone()))
            })
            .collect();
        if unloaded.is_empty() {
            return None;
        }
        // Every folder of content/ is loaded (so a folder that is not a unit is still
        // reported), except the unloaded kommuner and the bases only they inherit.
        let dirs: Vec<String> = std::fs::read_dir(self.root.join("content"))
            .ok()?
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let mut needed_bases = BTreeSet::new();
        let mut inherited = BTreeSet::new();
        for (slug, (is_kommune, _)) in &self.graph {
            if !is_kommune {
                continue;
            }
            for base in self.chain(slug).into_iter().skip(1) {
                inherited.insert(base.clone());
                if !unloaded.contains_key(slug) {
                    needed_bases.insert(base);
                }
            }
        }
        let load = dirs
            .into_iter()
            .filter(|d| !unloaded.contains_key(d))
            .filter(|d| !inherited.contains(d) || needed_bases.contains(d))
            .collect();
        self.unloaded = unloaded;
        Some(load)
    }

    /// `slug` and the bases it inherits, nearest first.
    fn chain(&self, slug: &str) -> Vec<String> {
        crate::load::inheritance_chain(&self.graph, slug)
    }

    /// The key of `kommune`'s output: the global inputs and every file of its unit
    /// folder and of the bases it inherits.
    pub fn key(&self, kommune: &Kommune, pdf: bool) -> String {
        self.key_of(&kommune.slug, pdf)
    }

    fn key_of(&self, slug: &str, pdf: bool) -> String {
        let id = (slug.to_string(), pdf);
        if let Some(key) = self.keys.lock().expect("keys lock").get(&id) {
            return key.clone();
        }
        let mut h = Xxh3::new();
        h.update(&self.global.to_le_bytes());
        h.update(&[u8::from(pdf)]);
        for unit in self.chain(slug) {
            feed(&mut h, unit.as_bytes());
            h.update(&self.unit_hash(&unit).to_le_bytes());
        }
        let key = format!("{:032x}", h.digest128());
        self.keys.lock().expect("keys lock").insert(id, key.clone());
        key
    }

    /// The hash of every file under `content/<unit>/` (names and bytes), once per build:
    /// a base inherited by every kommune is walked once, not once per kommune.
    fn unit_hash(&self, unit: &str) -> u128 {
        if let Some(hash) = self.units.lock().expect("units lock").get(unit) {
            return *hash;
        }
        let mut h = Xxh3::new();
        let dir = self.root.join("content").join(unit);
        for path in files_under(&dir) {
            feed(
                &mut h,
                path.strip_prefix(&dir)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .as_bytes(),
            );
            feed(&mut h, &self.hash_file(&path).to_le_bytes());
        }
        let hash = h.digest128();
        self.units
            .lock()
            .expect("units lock")
            .insert(unit.to_string(), hash);
        hash
    }

    fn rel(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned()
    }

    /// The hash of a file's bytes: noted in the last manifest when its size and
    /// modification time are the same, else read. A file that cannot be read gets a hash
    /// that matches nothing.
    fn hash_file(&self, path: &Path) -> u128 {
        let rel = self.rel(path);
        if let Some(stamp) = self.loaded.get(&rel) {
            let (size, mtime, hash) = (stamp.size, stamp.mtime, stamp.hash);
            self.next
                .lock()
                .expect("manifest lock")
                .inputs
                .insert(rel, Input { size, mtime, hash });
            return hash;
        }
        let Ok(meta) = std::fs::metadata(path) else {
            return rand_hash();
        };
        let (size, mtime) = (meta.len(), mtime(&meta));
        // Modified less than a second before the last build began: an edit in the same
        // instant as that build's reading would have the same time; read it.
        let settled = mtime.saturating_add(1_000_000_000) < self.previous.started;
        let known = self
            .previous
            .inputs
            .get(&rel)
            .filter(|i| settled && i.size == size && i.mtime == mtime)
            .map(|i| i.hash);
        let hash = match known {
            Some(hash) => hash,
            None => match std::fs::read(path) {
                Ok(bytes) if bytes.len() as u64 == size => xxhash_rust::xxh3::xxh3_128(&bytes),
                _ => return rand_hash(),
            },
        };
        self.next
            .lock()
            .expect("manifest lock")
            .inputs
            .insert(rel, Input { size, mtime, hash });
        hash
    }

    /// Whether the previous output holds `entry`'s files as it wrote them; a kommune with a
    /// folder of its own (see [`own_folder`]) only them, so that the folder can be kept
    /// whole ([`Sink::keep_folder`]).
    fn intact(&self, slug: &str, entry: &Entry) -> bool {
        match &self.output {
            Output::Folder { out, .. } if own_folder(slug, entry) => {
                holds_exactly(&out.join(slug), &format!("{slug}/"), &entry.files)
            }
            Output::Folder { out, .. } => entry.files.par_iter().all(|(rel, size)| {
                std::fs::symlink_metadata(out.join(rel))
                    .is_ok_and(|m| m.is_file() && m.len() == *size)
            }),
            // The preview takes over only what the link proof need not read again.
            Output::Memory(files) => {
                entry.leaving.is_some()
                    && entry
                        .files
                        .iter()
                        .all(|(rel, size)| files.get(rel).is_some_and(|b| b.len() as u64 == *size))
            }
        }
    }

    /// Note what this build's check reported, so that kommuner with warnings are loaded
    /// and checked again next time.
    pub fn reported(&self, diagnostics: &[Diagnostic]) {
        let mut units = BTreeSet::new();
        for d in diagnostics {
            let unit = d.file.as_ref().and_then(|f| {
                let rest = f.display.strip_prefix("content/")?;
                Some(rest.split('/').next()?.to_string())
            });
            match unit {
                Some(unit) => {
                    units.insert(unit);
                }
                // veiviser.yaml or no file: nothing is known to be clean.
                None => {
                    *self.reported.lock().expect("reported lock") = None;
                    return;
                }
            }
        }
        *self.reported.lock().expect("reported lock") = Some(units);
    }

    /// Whether nothing was reported about `kommune` or its bases.
    pub fn is_clean(&self, kommune: &Kommune) -> bool {
        match &*self.reported.lock().expect("reported lock") {
            Some(units) => self.chain(&kommune.slug).iter().all(|u| !units.contains(u)),
            None => false,
        }
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
        if entry.key != key || !self.intact(&kommune.slug, entry) {
            return Ok(None);
        }
        let mut entry = entry.clone();
        entry.clean = self.is_clean(kommune);
        self.take_over(&kommune.slug, &entry, sink)?;
        Ok(Some(entry))
    }

    /// Take over the files of a kommune that was not loaded ([`Incremental::unloaded`]).
    pub fn take_over(&self, slug: &str, entry: &Entry, sink: &dyn Sink) -> Result<(), Diagnostic> {
        // Through the sink, which tells the link proof (`RecordingSink`); it reads the pages
        // unless their links out of the kommune's folder are known (checked by the caller).
        // A kommune in a folder of its own, whose pages need not be read, is kept whole.
        let whole = match &self.output {
            Output::Folder { out, .. } if entry.leaving.is_some() && own_folder(slug, entry) => {
                let files: Vec<&str> = entry.files.iter().map(|(rel, _)| rel.as_str()).collect();
                sink.keep_folder(slug, &out.join(slug), &files)?
            }
            _ => false,
        };
        let each = if whole { &[][..] } else { &entry.files[..] };
        each.par_iter().try_for_each(|(rel, _)| {
            let from = match &self.output {
                Output::Folder { out, .. } => out.join(rel),
                // The file stays in the preview's map (see `MemorySink::take_over`).
                Output::Memory(_) => PathBuf::from(rel),
            };
            match entry.leaving {
                Some(_) => sink.take_over(rel, &from),
                None => sink.link(rel, &from),
            }
        })?;
        self.reused
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.taken
            .lock()
            .expect("taken lock")
            .insert(slug.to_string());
        self.keep(slug, entry.clone());
        Ok(())
    }

    /// Something about `slug` was reported while taking it over: load it next time.
    pub fn unclean(&self, slug: &str) {
        if let Some(e) = self
            .next
            .lock()
            .expect("manifest lock")
            .kommuner
            .get_mut(slug)
        {
            e.clean = false;
        }
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
        if let Output::Folder { manifest_path, .. } = &self.output {
            let _ = std::fs::remove_file(manifest_path);
        }
    }

    /// Write the manifest of this build (after the swap).
    pub fn save(&self) -> std::io::Result<()> {
        let Output::Folder { manifest_path, .. } = &self.output else {
            return Ok(());
        };
        let next = self.next.lock().expect("manifest lock");
        let json = serde_json::to_vec(&*next).map_err(std::io::Error::other)?;
        if let Some(dir) = manifest_path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = manifest_path.with_extension(format!("tmp-{}", std::process::id()));
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, manifest_path)
    }

    /// The manifest of this build, for the preview's next update.
    pub fn into_manifest(self) -> Manifest {
        self.next.into_inner().expect("manifest lock")
    }

    /// The kommuner whose files were taken over, not rendered, in this build.
    pub fn taken_over(&self) -> BTreeSet<String> {
        self.taken.lock().expect("taken lock").clone()
    }
}

/// A hash that differs on every call (a file that could not be read must not match).
fn rand_hash() -> u128 {
    static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    xxhash_rust::xxh3::xxh3_128(&[now().to_le_bytes(), u128::from(n).to_le_bytes()].concat())
}

fn now() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Every file under `dir` (not folders), sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

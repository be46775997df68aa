//! Output verification: every internal link the build writes must lead to a file the same
//! build writes, and every `#fragment` to an `id` on the page it leads to.
//!
//! [`LinkIndex`] collects what a build writes ([`LinkIndex::file`], [`LinkIndex::page`]) and
//! the URLs that appear outside HTML ([`LinkIndex::url`], [`LinkIndex::url_in`]: sitemap
//! entries, search-index results, QR-code targets); [`LinkIndex::verify_reading`] (or
//! [`LinkIndex::verify`]) then reports every link that leads nowhere. [`RecordingSink`]
//! wraps a [`Sink`] so that everything written through it is recorded.
//!
//! HTML is read with html5ever's tokenizer, without building a tree: pages are minified, so
//! attribute values may be unquoted, and a real tokenizer gets entities, raw text
//! (`<script>`, `<style>`) and odd markup right.
//!
//! Memory: a national build writes about 54,000 pages with about 100 links each, most of
//! them the same header, navigation and footer links. A page keeps its distinct (target,
//! fragment) pairs, delta-coded in about 3 bytes each, and its `id`s, 4 bytes each; paths
//! and fragments are interned. How a link was written (its href and text) is not kept: the few pages a report
//! names are read again ([`Sink::read`]) to find it. Pages are recorded from many threads at
//! once: each thread of the rayon pool fills its own shard (behind a mutex that only it
//! takes), and verifying joins the shards.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use html5ever::local_name;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::config::BaseUrl;
use crate::diagnostics::Diagnostic;
use crate::write::Sink;

/// The code of every diagnostic verifying makes.
pub const CODE: &str = "broken-output-link";

/// No id: a link without fragment, a file that is not a page read here.
const NONE: u32 = u32::MAX;
/// Characters of a link's text shown in a message.
const TEXT_CHARS: usize = 60;
/// Broken links reported one by one; the rest are counted in one more diagnostic.
const MAX_DIAGNOSTICS: usize = 100;
/// Other pages named in a diagnostic about a link that is on many pages.
const PAGES_NAMED: usize = 3;

/// Collects what a build writes, and checks every internal link against it.
///
/// `Sync`: pages are recorded from the rayon threads that render them.
pub struct LinkIndex {
    resolver: Resolver,
    shards: Box<[Mutex<Shard>]>,
}

impl LinkIndex {
    /// `base` is the site's base URL (`https://x.example/bti/`, path `/bti/`): links that
    /// start with its path, and absolute URLs under it, are internal and checked.
    pub fn new(base: &BaseUrl) -> Self {
        // One shard per thread of the current rayon pool, and one for other threads.
        let shards = (0..=rayon::current_num_threads())
            .map(|_| Mutex::new(Shard::default()))
            .collect();
        LinkIndex {
            resolver: Resolver {
                origin: base.origin.clone(),
                path: base.path.clone(),
            },
            shards,
        }
    }

    /// A file was written at output path `rel` (`fjordvik/assets/main.abc.css`). An HTML
    /// file recorded here is not read: links into it are checked, their fragments are not.
    pub fn file(&self, rel: &str) {
        let mut shard = self.shard();
        let path = shard.paths.intern(rel);
        shard.files.push((path, NONE));
    }

    /// An HTML page was written at `rel` (`fjordvik/skjema/x/index.html`): record it as a
    /// file, its `id`s and its links (`href` of a, area, link and SVG use/image, `src` of
    /// img, script, source, video, audio, track, iframe and embed, `srcset`, `poster`,
    /// `action` of form). `source` names the content file that made the page, for the
    /// message (see also [`LinkIndex::page_source`]).
    pub fn page(&self, rel: &str, html: &[u8], source: Option<&str>) {
        let html = utf8(html);
        let found = collect(&html);
        let links = self.resolver.links(rel, &found);

        let mut guard = self.shard();
        let shard = &mut *guard;
        let path = shard.paths.intern(rel);
        let holder = u32::try_from(shard.holders.len()).expect("fewer than 2^32 pages");
        shard.files.push((path, holder));
        if let Some(source) = source {
            let source = shard.names.intern(source);
            shard.sources.push((path, source));
        }
        let mut ids: Vec<u32> = found.ids.iter().map(|id| shard.frags.intern(id)).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut kept = Vec::with_capacity(links.len());
        for (resolved, url, text) in links {
            match resolved {
                Resolved::Skip => {}
                Resolved::Broken(problem) => {
                    let label = shard.names.intern(&format!("{url}{LABEL_SEP}{text}"));
                    shard.problems.push((holder, problem, label));
                }
                Resolved::Internal { path, frag } => kept.push(shard.link(&path, frag)),
            }
        }
        shard.holders.push(Holder {
            name: path,
            form: Form::Page,
            ids: ids.into_boxed_slice(),
            links: encode(kept),
            more: Vec::new(),
        });
    }

    /// The content file that made the page at `rel`, for the message; before or after
    /// [`LinkIndex::page`] (which [`RecordingSink`] calls without one).
    pub fn page_source(&self, rel: &str, source: &str) {
        let mut shard = self.shard();
        let path = shard.paths.intern(rel);
        let source = shard.names.intern(source);
        shard.sources.push((path, source));
    }

    /// A URL that appears outside HTML: a sitemap entry, a QR-code target. `origin` says
    /// where (`sitemap.xml`, `fjordvik/trykk/plakat-a4.pdf (QR code)`). A relative URL
    /// resolves against the output root.
    pub fn url(&self, origin: &str, url: &str) {
        self.url_in(origin, "", url);
    }

    /// [`LinkIndex::url`] for URLs relative to a folder of the output, `dir` (ending in
    /// `/`, or empty for the root): a search index's result URLs are relative to the
    /// language root (`fjordvik/en/`).
    pub fn url_in(&self, origin: &str, dir: &str, url: &str) {
        let resolved = self.resolver.resolve(url, dir);
        if matches!(resolved, Resolved::Skip) {
            return;
        }
        let mut guard = self.shard();
        let shard = &mut *guard;
        let name = shard.names.intern(origin);
        // How the origin writes its URLs, to show them the same way in a message.
        let form = if has_scheme(url) {
            Form::Absolute
        } else if url.starts_with('/') {
            Form::SiteAbsolute
        } else {
            Form::Relative(shard.names.intern(dir))
        };
        let holder = *shard.origins.entry(name).or_insert_with(|| {
            shard.holders.push(Holder {
                name,
                form,
                ids: Box::new([]),
                links: Box::new([]),
                more: Vec::new(),
            });
            shard.holders.len() as u32 - 1
        });
        match resolved {
            Resolved::Skip => {}
            Resolved::Broken(problem) => {
                let label = shard.names.intern(&format!("{url}{LABEL_SEP}"));
                shard.problems.push((holder, problem, label));
            }
            Resolved::Internal { path, frag } => {
                let link = shard.link(&path, frag);
                let holder = &mut shard.holders[holder as usize];
                holder.form = form;
                holder.more.push(link);
            }
        }
    }

    /// Every internal link that does not resolve: one error ([`CODE`]) per broken link,
    /// naming the page (output path) or origin, the content file if known, the link and
    /// what is missing (the file, or the id on the page). A link that is broken on many
    /// pages is one diagnostic that names a few of them and counts the rest; after
    /// [`MAX_DIAGNOSTICS`] broken links the rest are counted in one more diagnostic.
    ///
    /// The link is shown as it resolved (`/bti/x/`); [`LinkIndex::verify_reading`] shows
    /// it as written, with its text.
    pub fn verify(self) -> Vec<Diagnostic> {
        self.verify_with(None)
    }

    /// [`LinkIndex::verify`], reading the pages it names from `output` (the sink the build
    /// wrote to; before the staging folder is committed) to show each broken link as it is
    /// written (`../x/`) and with its text.
    pub fn verify_reading(self, output: &dyn Sink) -> Vec<Diagnostic> {
        self.verify_with(Some(output))
    }

    fn verify_with(self, output: Option<&dyn Sink>) -> Vec<Diagnostic> {
        let shards: Vec<Shard> = self
            .shards
            .into_vec()
            .into_iter()
            .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
            .collect();
        let tables: Vec<Tables> = shards.iter().map(Tables::of).collect();

        // Every file written, by output path: (shard, page holder or NONE).
        let mut files: Map<&str, (usize, u32)> = Map::default();
        let mut sources: Map<&str, &str> = Map::default();
        for (si, (shard, t)) in shards.iter().zip(&tables).enumerate() {
            for &(path, holder) in &shard.files {
                let entry = files.entry(t.paths[path as usize]).or_insert((si, holder));
                if holder != NONE {
                    *entry = (si, holder);
                }
            }
            for &(path, source) in &shard.sources {
                sources.insert(t.paths[path as usize], t.names[source as usize]);
            }
        }

        let mut broken: Vec<Broken> = Vec::new();
        for (si, (shard, t)) in shards.iter().zip(&tables).enumerate() {
            // Targets are shared by many links: each is looked up once.
            let mut found: Vec<Option<Option<(usize, u32)>>> = vec![None; t.paths.len()];
            for (hi, holder) in shard.holders.iter().enumerate() {
                for link in holder.links() {
                    let target = t.paths[link.target as usize];
                    let file =
                        *found[link.target as usize].get_or_insert_with(|| lookup(&files, target));
                    let frag = match link.frag {
                        NONE => "",
                        frag => t.frags[frag as usize],
                    };
                    let what = match file {
                        None => What::Missing,
                        Some(_) if link.frag == NONE => continue,
                        Some((_, NONE)) => continue,
                        Some((ts, th)) => {
                            let same = (ts == si).then_some(link.frag);
                            if has_id(&shards[ts], th, frag, same) {
                                continue;
                            }
                            What::NoId {
                                shard: ts,
                                holder: th,
                            }
                        }
                    };
                    broken.push(Broken {
                        shard: si,
                        holder: hi as u32,
                        target,
                        frag,
                        label: None,
                        what,
                    });
                }
            }
            for &(holder, problem, label) in &shard.problems {
                let label = t.names[label as usize];
                broken.push(Broken {
                    shard: si,
                    holder,
                    target: "",
                    frag: "",
                    label: Some(label.split_once(LABEL_SEP).unwrap_or((label, ""))),
                    what: What::Problem(problem),
                });
            }
        }
        Report {
            shards: &shards,
            tables: &tables,
            sources: &sources,
            resolver: &self.resolver,
            output,
        }
        .diagnostics(broken)
    }

    fn shard(&self) -> MutexGuard<'_, Shard> {
        let i = rayon::current_thread_index().map_or(0, |i| i + 1) % self.shards.len();
        self.shards[i].lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Bytes held, roughly (for the memory measurement in the tests).
    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap().heap_bytes())
            .sum()
    }
}

/// A [`Sink`] that forwards to `inner` and records what is written in `index`: `.html`
/// files as pages ([`LinkIndex::page`], without content file: see
/// [`LinkIndex::page_source`]), everything else as files.
pub struct RecordingSink<'a> {
    pub inner: &'a dyn Sink,
    pub index: &'a LinkIndex,
}

impl<'a> RecordingSink<'a> {
    pub fn new(inner: &'a dyn Sink, index: &'a LinkIndex) -> Self {
        RecordingSink { inner, index }
    }
}

impl Sink for RecordingSink<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.inner.write(rel, bytes)?;
        if rel.ends_with(".html") {
            self.index.page(rel, bytes, None);
        } else {
            self.index.file(rel);
        }
        Ok(())
    }

    /// Copied files (the kommune's own images and files) are not read, HTML or not.
    fn copy(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        self.inner.copy(rel, from)?;
        self.index.file(rel);
        Ok(())
    }

    fn read(&self, rel: &str) -> Option<Vec<u8>> {
        self.inner.read(rel)
    }
}

fn utf8(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

// --- Storage ---------------------------------------------------------------------------

type Map<K, V> = HashMap<K, V, Hasher>;

/// Hashes for the interners' short strings: xxh3 in one shot per string (the streaming
/// `Xxh3Default` took a tenth of [`LinkIndex::page`]'s time).
#[derive(Clone, Copy, Default)]
struct Hasher;

impl std::hash::BuildHasher for Hasher {
    type Hasher = OneShot;
    fn build_hasher(&self) -> OneShot {
        OneShot(0)
    }
}

struct OneShot(u64);

impl std::hash::Hasher for OneShot {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(26) ^ i).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// Strings by number, each stored once, end to end in one buffer.
#[derive(Default)]
struct Interner {
    /// Number of each string by its hash. Two strings with the same 64-bit hash are
    /// possible, if unlikely: the second goes to `collided`.
    by_hash: HashMap<u64, u32, Identity>,
    collided: Map<Box<str>, u32>,
    text: String,
    /// Where each string ends in `text` (it starts where the previous one ends).
    ends: Vec<u32>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> u32 {
        let hash = xxhash_rust::xxh3::xxh3_64(s.as_bytes());
        let next = u32::try_from(self.ends.len()).expect("fewer than 2^32 strings");
        match self.by_hash.entry(hash) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let id = *e.get();
                if self.get_str(id) == s {
                    return id;
                }
                if let Some(&id) = self.collided.get(s) {
                    return id;
                }
                self.collided.insert(s.into(), next);
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(next);
            }
        }
        self.text.push_str(s);
        self.ends
            .push(u32::try_from(self.text.len()).expect("under 4 GB of strings"));
        next
    }

    fn get(&self, s: &str) -> Option<u32> {
        let id = *self
            .by_hash
            .get(&xxhash_rust::xxh3::xxh3_64(s.as_bytes()))?;
        if self.get_str(id) == s {
            return Some(id);
        }
        self.collided.get(s).copied()
    }

    fn get_str(&self, id: u32) -> &str {
        let end = self.ends[id as usize] as usize;
        let start = match id {
            0 => 0,
            id => self.ends[id as usize - 1] as usize,
        };
        &self.text[start..end]
    }

    /// The strings, indexed by their number.
    fn strings(&self) -> Vec<&str> {
        (0..self.ends.len() as u32)
            .map(|id| self.get_str(id))
            .collect()
    }

    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        // A table slot (hash and id) and a control byte per capacity.
        self.by_hash.capacity() * (16 + 1) + self.text.capacity() + self.ends.capacity() * 4
    }
}

/// The hash of `u64` keys that are hashes already.
#[derive(Clone, Copy, Default)]
struct Identity;

impl std::hash::BuildHasher for Identity {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// One distinct link of a page: where it leads.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Link {
    /// Output path of the file it leads to (in `paths`): `x/index.html` for `x/`; a path
    /// without extension (`x/y`) may also be the folder `x/y/`.
    target: u32,
    /// Fragment (in `frags`), or NONE.
    frag: u32,
}

/// How a page or an origin writes its links.
#[derive(Clone, Copy)]
enum Form {
    /// A page: links as written in its HTML (read again for a message).
    Page,
    /// `https://x.example/bti/x/`
    Absolute,
    /// `/bti/x/`
    SiteAbsolute,
    /// Relative to a folder (in `names`).
    Relative(u32),
}

/// A page, or an origin of URLs outside HTML, and its links.
struct Holder {
    /// Output path of a page (in `paths`), or name of an origin (in `names`).
    name: u32,
    form: Form,
    /// The page's `id`s (in `frags`), sorted.
    ids: Box<[u32]>,
    /// A page's distinct links, see [`encode`].
    links: Box<[u8]>,
    /// An origin's links, as they come.
    more: Vec<Link>,
}

impl Holder {
    fn links(&self) -> impl Iterator<Item = Link> + '_ {
        decode(&self.links).chain(self.more.iter().copied())
    }
}

/// A page's distinct links, sorted, in about 3 bytes each instead of 8: for each, the
/// difference to the previous target and the fragment + 1 (0: none), as LEB128 varints.
/// Most of a page's targets were interned close together (the same kommune's pages, one
/// thread), so the differences are small.
fn encode(mut links: Vec<Link>) -> Box<[u8]> {
    links.sort_unstable_by_key(|l| (l.target, l.frag));
    links.dedup();
    let mut out = Vec::with_capacity(links.len() * 4);
    let mut previous = 0;
    for link in links {
        put_varint(&mut out, link.target - previous);
        put_varint(&mut out, link.frag.wrapping_add(1));
        previous = link.target;
    }
    out.into_boxed_slice()
}

fn decode(mut bytes: &[u8]) -> impl Iterator<Item = Link> + '_ {
    let mut previous = 0;
    std::iter::from_fn(move || {
        if bytes.is_empty() {
            return None;
        }
        let target = previous + take_varint(&mut bytes);
        let frag = take_varint(&mut bytes).wrapping_sub(1);
        previous = target;
        Some(Link { target, frag })
    })
}

fn put_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn take_varint(bytes: &mut &[u8]) -> u32 {
    let mut n = 0u32;
    let mut shift = 0;
    while let Some((&b, rest)) = bytes.split_first() {
        *bytes = rest;
        n |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    n
}

/// What one thread recorded.
#[derive(Default)]
struct Shard {
    /// Output paths of files and link targets.
    paths: Interner,
    /// Ids and fragments.
    frags: Interner,
    /// Content file names, origin names and folders, labels of broken links.
    names: Interner,
    /// Files written: (path, page holder or NONE).
    files: Vec<(u32, u32)>,
    holders: Vec<Holder>,
    /// Holder of each origin of [`LinkIndex::url`] (by name).
    origins: Map<u32, u32>,
    /// Content file of a page: (path, name).
    sources: Vec<(u32, u32)>,
    /// Links found broken as they were read: (holder, problem, label: href and text).
    problems: Vec<(u32, Problem, u32)>,
}

/// Separates a broken link's href from its text in its label.
const LABEL_SEP: char = '\u{1}';

impl Shard {
    fn link(&mut self, path: &str, frag: &str) -> Link {
        Link {
            target: self.paths.intern(path),
            frag: match frag {
                "" => NONE,
                frag => self.frags.intern(frag),
            },
        }
    }

    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.paths.heap_bytes()
            + self.frags.heap_bytes()
            + self.names.heap_bytes()
            + self.files.capacity() * 8
            + self.sources.capacity() * 8
            + self.holders.capacity() * size_of::<Holder>()
            + self
                .holders
                .iter()
                .map(|h| h.ids.len() * 4 + h.links.len() + h.more.capacity() * size_of::<Link>())
                .sum::<usize>()
    }
}

/// A shard's strings by number, for verifying.
struct Tables<'a> {
    paths: Vec<&'a str>,
    frags: Vec<&'a str>,
    names: Vec<&'a str>,
}

impl<'a> Tables<'a> {
    fn of(shard: &'a Shard) -> Self {
        Tables {
            paths: shard.paths.strings(),
            frags: shard.frags.strings(),
            names: shard.names.strings(),
        }
    }
}

/// The file a link target leads to: (shard, page holder or NONE).
fn lookup(files: &Map<&str, (usize, u32)>, target: &str) -> Option<(usize, u32)> {
    if let Some(&file) = files.get(target) {
        return Some(file);
    }
    let last = target.rsplit('/').next().unwrap_or(target);
    if last.contains('.') {
        return None;
    }
    files.get(format!("{target}/index.html").as_str()).copied()
}

/// Whether the page `holder` of `shard` has the id `frag` (`same`: its number, when the
/// link was recorded in the same shard). `#top` needs no id (it scrolls to the top).
fn has_id(shard: &Shard, holder: u32, frag: &str, same: Option<u32>) -> bool {
    let ids = &shard.holders[holder as usize].ids;
    let has = |frag: &str| {
        shard
            .frags
            .get(frag)
            .is_some_and(|id| ids.binary_search(&id).is_ok())
    };
    if let Some(id) = same {
        if ids.binary_search(&id).is_ok() {
            return true;
        }
    } else if has(frag) {
        return true;
    }
    if frag.contains('%') && has(&percent_encoding::percent_decode_str(frag).decode_utf8_lossy()) {
        return true;
    }
    frag.eq_ignore_ascii_case("top")
}

// --- URLs --------------------------------------------------------------------------------

/// Why a link is broken before the output is looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Problem {
    /// `//host/…`: protocol-relative, so it leaves the site (often a doubled slash).
    OtherHost,
    /// A site-absolute path outside the base path.
    OutsideBase,
    /// A relative path that climbs above the output root.
    AboveRoot,
}

#[derive(Debug, PartialEq, Eq)]
enum Resolved<'u> {
    /// Not a link into the site (another website, mailto:, `#`).
    Skip,
    /// A link into the output: the decoded output path of the file (`x/y/index.html` for
    /// `x/y/`, `x/a.css`) and the fragment (empty when none).
    Internal {
        path: String,
        frag: &'u str,
    },
    Broken(Problem),
}

struct Resolver {
    /// `https://x.example`
    origin: String,
    /// `/bti/`
    path: String,
}

impl Resolver {
    /// Resolve `url` as written in the document at output path `doc` (`x/y/index.html`;
    /// a folder `x/` for URLs relative to a folder).
    fn resolve<'u>(&self, url: &'u str, doc: &str) -> Resolved<'u> {
        let url = url.trim_matches(|c: char| c.is_ascii_whitespace());
        if url == "#" {
            return Resolved::Skip;
        }
        if url.starts_with("//") {
            return Resolved::Broken(Problem::OtherHost);
        }
        let (rest, frag) = url.split_once('#').unwrap_or((url, ""));
        let path = rest.split_once('?').map_or(rest, |(p, _)| p);
        let joined = if has_scheme(url) {
            // An absolute URL is internal only under the site's own origin and path.
            let Some(after) = strip_prefix_ignore_case(path, &self.origin) else {
                return Resolved::Skip;
            };
            let after = if after.is_empty() { "/" } else { after };
            match self.under_base(after) {
                Some(rel) => rel.to_string(),
                None => return Resolved::Skip,
            }
        } else if path.starts_with('/') {
            match self.under_base(path) {
                Some(rel) => rel.to_string(),
                None => return Resolved::Broken(Problem::OutsideBase),
            }
        } else if path.is_empty() {
            doc.to_string()
        } else {
            let folder = doc.rfind('/').map_or("", |i| &doc[..=i]);
            format!("{folder}{path}")
        };
        let Some(normal) = normalize(&joined) else {
            let relative = !has_scheme(url) && !path.starts_with('/');
            return Resolved::Broken(if relative {
                Problem::AboveRoot
            } else {
                Problem::OutsideBase
            });
        };
        let mut path = if normal.contains('%') {
            percent_encoding::percent_decode_str(&normal)
                .decode_utf8_lossy()
                .into_owned()
        } else {
            normal
        };
        if path.is_empty() || path.ends_with('/') {
            path.push_str("index.html");
        }
        Resolved::Internal { path, frag }
    }

    /// The links of the page at `rel`, resolved: (resolved, url as written, text).
    fn links<'f>(&self, rel: &str, found: &'f Found) -> Vec<(Resolved<'f>, &'f str, &'f str)> {
        // The document relative links resolve against: the page, or its `<base href>`.
        let doc = match found.base.as_deref().map(|b| self.resolve(b, rel)) {
            None => Some(rel.to_string()),
            Some(Resolved::Internal { path, .. }) => Some(path),
            // A base outside the site: relative links lead elsewhere.
            Some(_) => None,
        };
        let mut links = Vec::with_capacity(found.links.len());
        let mut urls: Vec<&str> = Vec::new();
        for link in &found.links {
            urls.clear();
            if link.srcset {
                urls.extend(srcset_urls(&link.url));
            } else {
                urls.push(&link.url);
            }
            for &url in &urls {
                let resolved = match &doc {
                    Some(doc) => self.resolve(url, doc),
                    None if is_relative(url) => Resolved::Skip,
                    None => self.resolve(url, rel),
                };
                if !matches!(resolved, Resolved::Skip) {
                    links.push((resolved, url, link.text.as_str()));
                }
            }
        }
        links
    }

    /// A link to `target` (an output path) and `frag` as the site would write it:
    /// `/bti/x/#frag`, `https://x.example/bti/x/`, or relative to `dir`.
    fn display(&self, target: &str, frag: &str, form: Form, dir: &str) -> String {
        let path = if target == "index.html" {
            ""
        } else {
            target
                .strip_suffix("/index.html")
                .map_or(target, |folder| &target[..=folder.len()])
        };
        let mut url = match form {
            Form::Absolute => format!("{}{}{path}", self.origin, self.path),
            Form::Relative(_) if path.starts_with(dir) => path[dir.len()..].to_string(),
            Form::Page | Form::SiteAbsolute | Form::Relative(_) => format!("{}{path}", self.path),
        };
        if !frag.is_empty() {
            url.push('#');
            url.push_str(frag);
        }
        url
    }

    /// `path` (site-absolute) relative to the base path, if under it.
    fn under_base<'p>(&self, path: &'p str) -> Option<&'p str> {
        match path.strip_prefix(self.path.as_str()) {
            Some(rel) => Some(rel),
            None if path == self.path.trim_end_matches('/') => Some(""),
            None => None,
        }
    }
}

/// Remove `.` and `..` segments; None when `..` climbs above the root.
fn normalize(path: &str) -> Option<String> {
    if !path.contains("./") && !path.ends_with('.') {
        return Some(path.to_string());
    }
    let mut out: Vec<&str> = Vec::new();
    let mut folder = false;
    let count = path.split('/').count();
    for (i, segment) in path.split('/').enumerate() {
        let last = i + 1 == count;
        match segment {
            "." => folder = last,
            ".." => {
                out.pop()?;
                folder = last;
            }
            "" if last => folder = true,
            s => {
                out.push(s);
                folder = false;
            }
        }
    }
    let mut normal = out.join("/");
    if folder && !normal.is_empty() {
        normal.push('/');
    }
    Some(normal)
}

/// `mailto:`, `https:`, `data:` …: a scheme before any `/`, `?` or `#`.
fn has_scheme(url: &str) -> bool {
    let mut chars = url.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    for c in chars {
        match c {
            ':' => return true,
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => {}
            _ => return false,
        }
    }
    false
}

fn is_relative(url: &str) -> bool {
    let url = url.trim_matches(|c: char| c.is_ascii_whitespace());
    !url.starts_with('/') && !has_scheme(url)
}

fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// The URLs of a `srcset` (candidates separated by commas, each a URL and descriptors).
fn srcset_urls(srcset: &str) -> impl Iterator<Item = &str> {
    let mut rest = srcset;
    std::iter::from_fn(move || loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let (url, after) = rest.split_at(end);
        rest = after;
        let url = if url.ends_with(',') {
            // No descriptors: the comma ends the candidate.
            url.trim_end_matches(',')
        } else {
            // Skip the descriptors, up to a comma outside parentheses.
            let mut depth = 0usize;
            let mut cut = rest.len();
            for (i, c) in rest.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    ',' if depth == 0 => {
                        cut = i + 1;
                        break;
                    }
                    _ => {}
                }
            }
            rest = &rest[cut..];
            url
        };
        if !url.is_empty() {
            return Some(url);
        }
    })
}

// --- HTML --------------------------------------------------------------------------------

/// What a page holds: its links, ids and `<base href>`.
#[derive(Default)]
struct Found {
    links: Vec<FoundLink>,
    ids: Vec<StrTendril>,
    base: Option<StrTendril>,
}

struct FoundLink {
    url: StrTendril,
    srcset: bool,
    /// The text of an `<a>`, whitespace collapsed, cut at [`TEXT_CHARS`].
    text: String,
}

/// Read a page's links and ids with html5ever's tokenizer.
fn collect(html: &str) -> Found {
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Collector::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let mut state = std::mem::take(&mut *tokenizer.sink.state.borrow_mut());
    state.close_a();
    state.found
}

/// An element or attribute name as a pattern (atoms compare as numbers).
macro_rules! n {
    ($name:tt) => {
        &local_name!($name)
    };
}

#[derive(Default)]
struct Collector {
    state: RefCell<CollectorState>,
}

#[derive(Default)]
struct CollectorState {
    found: Found,
    /// The open `<a>` (its link in `found.links`), whose text is being read.
    open_a: Option<usize>,
    /// Characters of its text so far.
    text_chars: usize,
    /// Its `aria-label`, or the `alt` of an image in it: the text when it has none.
    fallback: Option<StrTendril>,
    /// Depth inside `<svg>` and `<math>`, where `<title>`, `<style>` and `<script>` are
    /// not raw text.
    foreign: usize,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(tag),
            Token::CharacterTokens(text) => state.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl CollectorState {
    fn tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name = &tag.name;
        if tag.kind == TagKind::EndTag {
            match name {
                n!("a") => self.close_a(),
                n!("svg") | n!("math") => self.foreign = self.foreign.saturating_sub(1),
                _ => {}
            }
            return TokenSinkResult::Continue;
        }
        if *name == local_name!("a") {
            self.close_a();
        }
        for attr in tag.attrs {
            let attr_name = &attr.name.local;
            let srcset = match (name, attr_name) {
                (_, n!("id")) => {
                    if !attr.value.is_empty() {
                        self.found.ids.push(attr.value);
                    }
                    continue;
                }
                (n!("a"), n!("name")) => {
                    if !attr.value.is_empty() {
                        self.found.ids.push(attr.value);
                    }
                    continue;
                }
                (n!("a"), n!("aria-label")) => {
                    self.fallback = Some(attr.value);
                    continue;
                }
                (n!("img"), n!("alt")) if self.open_a.is_some() => {
                    if self.fallback.is_none() && !attr.value.is_empty() {
                        self.fallback = Some(attr.value);
                    }
                    continue;
                }
                (n!("base"), n!("href")) => {
                    if self.found.base.is_none() {
                        self.found.base = Some(attr.value);
                    }
                    continue;
                }
                (n!("a") | n!("area") | n!("link"), n!("href"))
                | (n!("use") | n!("image"), n!("href") | n!("xlink:href"))
                | (
                    n!("img")
                    | n!("script")
                    | n!("source")
                    | n!("video")
                    | n!("audio")
                    | n!("track")
                    | n!("iframe")
                    | n!("embed"),
                    n!("src"),
                )
                | (n!("video"), n!("poster"))
                | (n!("form"), n!("action")) => false,
                (n!("img") | n!("source"), n!("srcset")) => true,
                _ => continue,
            };
            if *name == local_name!("a") && !srcset {
                self.open_a = Some(self.found.links.len());
                self.text_chars = 0;
            }
            self.found.links.push(FoundLink {
                url: attr.value,
                srcset,
                text: String::new(),
            });
        }
        if *name == local_name!("a") && self.open_a.is_none() {
            // An `<a>` without href: its aria-label is not a link's.
            self.fallback = None;
        }
        if tag.self_closing {
            return TokenSinkResult::Continue;
        }
        match name {
            n!("svg") | n!("math") => {
                self.foreign += 1;
                TokenSinkResult::Continue
            }
            _ if self.foreign > 0 => TokenSinkResult::Continue,
            n!("script") => TokenSinkResult::RawData(RawKind::ScriptData),
            n!("style") | n!("xmp") | n!("iframe") | n!("noembed") | n!("noframes") => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            n!("textarea") | n!("title") => TokenSinkResult::RawData(RawKind::Rcdata),
            n!("plaintext") => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }

    fn text(&mut self, text: &str) {
        let Some(i) = self.open_a else { return };
        let out = &mut self.found.links[i].text;
        for c in text.chars() {
            if self.text_chars >= TEXT_CHARS {
                if !out.ends_with('…') {
                    out.push('…');
                }
                return;
            }
            if c.is_whitespace() {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                    self.text_chars += 1;
                }
            } else {
                out.push(c);
                self.text_chars += 1;
            }
        }
    }

    fn close_a(&mut self) {
        let fallback = self.fallback.take();
        let Some(i) = self.open_a.take() else { return };
        let text = &mut self.found.links[i].text;
        while text.ends_with(' ') {
            text.pop();
        }
        if text.is_empty() {
            if let Some(fallback) = fallback {
                *text = fallback.chars().take(TEXT_CHARS).collect();
            }
        }
    }
}

// --- Report ------------------------------------------------------------------------------

/// A broken link: where it is, and what is wrong.
struct Broken<'a> {
    shard: usize,
    holder: u32,
    /// The output path it leads to, and its fragment (empty for a [`What::Problem`]).
    target: &'a str,
    frag: &'a str,
    /// Its href and text, when they were kept (for a [`What::Problem`]).
    label: Option<(&'a str, &'a str)>,
    what: What,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum What {
    /// The build wrote nothing at the target.
    Missing,
    /// The page (of the shard) at the target has no element with the id.
    NoId {
        shard: usize,
        holder: u32,
    },
    Problem(Problem),
}

struct Report<'a> {
    shards: &'a [Shard],
    tables: &'a [Tables<'a>],
    sources: &'a Map<&'a str, &'a str>,
    resolver: &'a Resolver,
    output: Option<&'a dyn Sink>,
}

/// Where a broken link is: the page's output path or the origin's name.
type Place<'a, 'b> = (&'a str, &'b Broken<'a>);

impl<'a> Report<'a> {
    fn holder(&self, b: &Broken) -> &'a Holder {
        &self.shards[b.shard].holders[b.holder as usize]
    }

    fn name(&self, b: &Broken) -> &'a str {
        let t = &self.tables[b.shard];
        let holder = self.holder(b);
        match holder.form {
            Form::Page => t.paths[holder.name as usize],
            _ => t.names[holder.name as usize],
        }
    }

    fn diagnostics(&self, broken: Vec<Broken<'a>>) -> Vec<Diagnostic> {
        // The same broken link on many pages (a template's) is one diagnostic. Problems are
        // grouped by how they are written, the rest by where they lead.
        type Key<'k> = (What, &'k str, &'k str, &'k str);
        let mut groups: Map<Key, Vec<Place>> = Map::default();
        for b in &broken {
            let href = b.label.map_or("", |(href, _)| href);
            groups
                .entry((b.what, b.target, b.frag, href))
                .or_default()
                .push((self.name(b), b));
        }
        fn order<'a>(p: &Place<'a, '_>) -> (&'a str, &'a str, &'a str, &'a str) {
            let href = p.1.label.map_or("", |(href, _)| href);
            (p.0, p.1.target, p.1.frag, href)
        }
        let mut groups: Vec<Vec<Place>> = groups.into_values().collect();
        for places in &mut groups {
            places.sort_by(|a, b| order(a).cmp(&order(b)));
        }
        groups.sort_by(|a, b| order(&a[0]).cmp(&order(&b[0])));
        let total = groups.len();
        let mut out: Vec<Diagnostic> = groups
            .iter()
            .take(MAX_DIAGNOSTICS)
            .map(|places| self.diagnostic(places))
            .collect();
        if total > MAX_DIAGNOSTICS {
            out.push(
                Diagnostic::error(
                    CODE,
                    format!(
                        "{} more broken links in the output are not shown",
                        total - MAX_DIAGNOSTICS
                    ),
                )
                .with_help(INTERNAL),
            );
        }
        out
    }

    /// The href and text of a broken link as written: kept for problems, found again in
    /// the page's HTML for the rest (when the output can be read).
    fn written(&self, name: &str, b: &Broken) -> Option<(String, String)> {
        if let Some((href, text)) = b.label {
            return Some((href.to_string(), text.to_string()));
        }
        if !matches!(self.holder(b).form, Form::Page) {
            return None;
        }
        let bytes = self.output?.read(name)?;
        let html = utf8(&bytes);
        let found = collect(&html);
        self.resolver
            .links(name, &found)
            .into_iter()
            .find_map(|(resolved, url, text)| match resolved {
                Resolved::Internal { path, frag } if path == b.target && frag == b.frag => {
                    Some((url.to_string(), text.to_string()))
                }
                _ => None,
            })
    }

    fn diagnostic(&self, places: &[Place]) -> Diagnostic {
        let (name, first) = places[0];
        let holder = self.holder(first);
        let mut message = match (self.written(name, first), holder.form) {
            (Some((href, text)), Form::Page) if !text.is_empty() => {
                format!("{name}: the link `{href}` (“{text}”)")
            }
            (Some((href, _)), Form::Page) => format!("{name}: the link `{href}`"),
            (Some((href, _)), _) => format!("{name}: the URL `{href}`"),
            (None, form) => {
                let dir = match form {
                    Form::Relative(dir) => self.tables[first.shard].names[dir as usize],
                    _ => "",
                };
                let url = self.resolver.display(first.target, first.frag, form, dir);
                match form {
                    Form::Page => format!("{name}: a link to `{url}`"),
                    _ => format!("{name}: the URL `{url}`"),
                }
            }
        };
        let mut hint = None;
        match first.what {
            What::Missing => {
                let target = first.target;
                let expected = if target.rsplit('/').next().is_some_and(|l| !l.contains('.')) {
                    format!("`{target}` or `{target}/index.html`")
                } else {
                    format!("`{target}`")
                };
                message.push_str(&format!(
                    " leads to {expected}, which this build did not write"
                ));
            }
            What::NoId { shard, holder } => {
                let t = &self.tables[shard];
                let page = &self.shards[shard].holders[holder as usize];
                message.push_str(&format!(
                    " leads to {}, which has no element with id=\"{}\"",
                    t.paths[page.name as usize], first.frag
                ));
                hint = crate::diagnostics::suggest(
                    first.frag,
                    page.ids.iter().map(|&id| t.frags[id as usize]),
                )
                .map(|near| format!(" Did you mean `#{near}`?"));
            }
            What::Problem(Problem::OtherHost) => message.push_str(
                " starts with `//`, so it leads to another host (a path joined with a doubled slash?)",
            ),
            What::Problem(Problem::OutsideBase) => message.push_str(&format!(
                " leads outside the site's folder `{}`",
                self.resolver.path
            )),
            What::Problem(Problem::AboveRoot) => {
                message.push_str(" climbs above the site's folder")
            }
        }
        let others = places.len() - 1;
        if others > 0 {
            let named: Vec<&str> = places[1..].iter().take(PAGES_NAMED).map(|p| p.0).collect();
            let more = if others > PAGES_NAMED { ", …" } else { "" };
            message.push_str(&format!(
                "; also in {others} more place{}: {}{more}",
                if others == 1 { "" } else { "s" },
                named.join(", ")
            ));
        }
        let mut help = INTERNAL.to_string();
        if let Some((page, source)) = places
            .iter()
            .find_map(|p| self.sources.get(p.0).map(|s| (p.0, s)))
        {
            let whose = if page == places[0].0 {
                "The page".to_string()
            } else {
                page.to_string()
            };
            help.push_str(&format!(
                " {whose} was made from {source}; if the link is written there, fix it there."
            ));
        }
        if let Some(hint) = hint {
            help.push_str(&hint);
        }
        Diagnostic::error(CODE, message).with_help(help)
    }
}

const INTERNAL: &str = "this is an internal error in veiviser or its theme: the build wrote a link that leads nowhere. Please report it with this message.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::MemorySink;

    fn base() -> BaseUrl {
        BaseUrl::parse("https://x.example/bti/").unwrap()
    }

    /// A page with the given body in the theme's usual frame (minified-looking).
    fn html(body: &str) -> String {
        format!(
            "<!doctype html><html lang=nb><head><meta charset=utf-8><title>T</title>\
             <link rel=stylesheet href=/bti/f/assets/main.abc.css>\
             <link rel=canonical href=https://x.example/bti/f/></head>\
             <body><a class=skip-link href=#hovedinnhold>Til innhold</a>\
             <main id=hovedinnhold>{body}</main></body></html>"
        )
    }

    /// An output in memory and its index: pages are written to both, and verifying reads
    /// the pages it reports back from the output.
    struct Site {
        out: MemorySink,
        index: LinkIndex,
    }

    impl Site {
        fn new(base: &BaseUrl) -> Site {
            Site {
                out: MemorySink::default(),
                index: LinkIndex::new(base),
            }
        }
        fn page(&self, rel: &str, html: &[u8], source: Option<&str>) {
            self.out.write(rel, html).unwrap();
            self.index.page(rel, html, source);
        }
        fn file(&self, rel: &str) {
            self.index.file(rel);
        }
        fn url(&self, origin: &str, url: &str) {
            self.index.url(origin, url);
        }
        fn url_in(&self, origin: &str, dir: &str, url: &str) {
            self.index.url_in(origin, dir, url);
        }
        fn verify(self) -> Vec<Diagnostic> {
            self.index.verify_reading(&self.out)
        }
    }

    /// A site with the frame's targets written.
    fn index() -> Site {
        let site = Site::new(&base());
        site.file("f/assets/main.abc.css");
        site.page("f/index.html", html("Hjem").as_bytes(), None);
        site
    }

    fn messages(diags: &[Diagnostic]) -> Vec<String> {
        diags.iter().map(|d| d.message.clone()).collect()
    }

    fn one_broken(site: Site) -> Diagnostic {
        let diags = site.verify();
        assert_eq!(diags.len(), 1, "{:#?}", messages(&diags));
        let d = diags.into_iter().next().unwrap();
        assert_eq!(d.code, CODE);
        assert!(d.is_error());
        d
    }

    #[test]
    fn a_good_site_has_no_broken_links() {
        let index = index();
        index.file("f/bilder/a.png");
        index.file("f/bilder/a-2x.png");
        index.file("f/sok/indeks.js");
        index.page(
            "f/skjema/samtykke/index.html",
            html(
                "<h2 id=steg-1>Steg</h2><a href=/bti/f/>Hjem</a>\
                 <a href=../../ordliste/#stafett>Stafett</a>\
                 <a href=#steg-1>Steg 1</a><a href=#>Topp</a>\
                 <img src=../../bilder/a.png srcset=\"../../bilder/a.png 1x, ../../bilder/a-2x.png 2x\" alt=A>\
                 <a href=https://www.nav.no/>NAV</a><a href=mailto:a@b.no>E-post</a>\
                 <script src=/bti/f/sok/indeks.js></script>",
            )
            .as_bytes(),
            Some("content/f/skjema/samtykke.yaml"),
        );
        index.page(
            "f/ordliste/index.html",
            html("<dl><dt id=stafett>Stafett</dt></dl>").as_bytes(),
            None,
        );
        index.url("sitemap.xml", "https://x.example/bti/f/ordliste/");
        index.url_in("f/sok/indeks.js", "f/", "skjema/samtykke/#steg-1");
        let diags = index.verify();
        assert!(diags.is_empty(), "{:#?}", messages(&diags));
    }

    #[test]
    fn a_link_to_a_page_that_was_not_written_is_reported() {
        let index = index();
        index.page(
            "f/a/index.html",
            html("<a href=/bti/f/mangler/>Mangler  her\n</a>").as_bytes(),
            Some("content/f/a.md"),
        );
        let d = one_broken(index);
        assert!(
            d.message
                .starts_with("f/a/index.html: the link `/bti/f/mangler/` (“Mangler her”)"),
            "{}",
            d.message
        );
        assert!(
            d.message.contains("`f/mangler/index.html`"),
            "{}",
            d.message
        );
        let help = d.help.unwrap();
        assert!(help.contains("internal error in veiviser"), "{help}");
        assert!(help.contains("content/f/a.md"), "{help}");
    }

    #[test]
    fn a_missing_anchor_is_reported_with_the_nearest_id() {
        let index = index();
        index.page(
            "f/ordliste/index.html",
            html("<dt id=stafettholder>S</dt>").as_bytes(),
            None,
        );
        index.page(
            "f/a/index.html",
            html("<a href=/bti/f/ordliste/#stafetholder>Stafett</a>").as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(
            d.message.contains(
                "leads to f/ordliste/index.html, which has no element with id=\"stafetholder\""
            ),
            "{}",
            d.message
        );
        assert!(d.help.unwrap().contains("`#stafettholder`"));
    }

    #[test]
    fn an_anchor_present_on_the_target_page_passes() {
        let index = index();
        // The target page is recorded after the page that links to it.
        index.page(
            "f/a/index.html",
            html("<a href=\"../ordliste/#stafett\">S</a><a href='/bti/f/ordliste/#Ordet'>O</a><a href=#top>Topp</a>").as_bytes(),
            None,
        );
        index.page(
            "f/ordliste/index.html",
            html("<dt id=stafett>S</dt><a name=Ordet></a>").as_bytes(),
            None,
        );
        assert!(index.verify().is_empty());
    }

    #[test]
    fn a_missing_anchor_on_the_same_page_is_reported() {
        let index = index();
        index.page(
            "f/a/index.html",
            html("<a href=#nei>Nei</a>").as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(d.message.contains("id=\"nei\""), "{}", d.message);
    }

    #[test]
    fn a_double_slash_link_is_reported_as_leading_to_another_host() {
        let index = Site::new(&BaseUrl::parse("https://x.example/").unwrap());
        index.page("index.html", b"<a href=//f/skjema/>Skjema</a>", None);
        let d = one_broken(index);
        assert!(d.message.contains("`//f/skjema/`"), "{}", d.message);
        assert!(d.message.contains("another host"), "{}", d.message);
    }

    #[test]
    fn a_site_absolute_link_outside_the_base_path_is_reported() {
        let index = index();
        index.page(
            "f/a/index.html",
            html("<a href=/f/skjema/>S</a>").as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(
            d.message.contains("outside the site's folder `/bti/`"),
            "{}",
            d.message
        );
    }

    #[test]
    fn relative_links_resolve_against_the_pages_folder() {
        let index = index();
        index.page("f/en/skjema/index.html", html("").as_bytes(), None);
        index.page(
            "f/en/skjema/x/index.html",
            html("<a href=../>Up</a><a href=../../../>Home</a><a href=./>Self</a><a href=../y/>Y</a>")
                .as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(d.message.contains("`../y/`"), "{}", d.message);
        assert!(
            d.message.contains("`f/en/skjema/y/index.html`"),
            "{}",
            d.message
        );
    }

    #[test]
    fn a_relative_link_that_climbs_above_the_output_is_reported() {
        let index = index();
        index.page(
            "f/a/index.html",
            html("<a href=../../../x/>X</a>").as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(d.message.contains("climbs above"), "{}", d.message);
    }

    #[test]
    fn srcset_candidates_are_all_checked() {
        let index = index();
        index.file("f/bilder/a.png");
        index.page(
            "f/a/index.html",
            html("<picture><source srcset=\"/bti/f/bilder/a.png 1x,/bti/f/bilder/b.png 2x\"><img src=/bti/f/bilder/a.png srcset=\"/bti/f/bilder/a.png 1x, /bti/f/bilder/c.png 2x\" alt=A></picture>")
                .as_bytes(),
            None,
        );
        let mut msgs = messages(&index.verify());
        msgs.sort();
        assert_eq!(msgs.len(), 2, "{msgs:#?}");
        assert!(msgs[0].contains("`/bti/f/bilder/b.png`"), "{msgs:#?}");
        assert!(msgs[1].contains("`/bti/f/bilder/c.png`"), "{msgs:#?}");
    }

    #[test]
    fn links_are_kept_sorted_distinct_and_compact() {
        let link = |target, frag| Link { target, frag };
        let links = vec![
            link(300, NONE),
            link(5, 2),
            link(300, NONE),
            link(5, NONE),
            link(70_000, 200),
            link(u32::MAX - 1, u32::MAX - 1),
        ];
        let bytes = encode(links);
        let back: Vec<(u32, u32)> = decode(&bytes).map(|l| (l.target, l.frag)).collect();
        assert_eq!(
            back,
            [
                (5, 2),
                (5, NONE),
                (300, NONE),
                (70_000, 200),
                (u32::MAX - 1, u32::MAX - 1)
            ]
        );
    }

    #[test]
    fn srcset_is_split_into_urls() {
        // As browsers do: a URL runs to whitespace (it may hold commas); a comma at its end
        // ends the candidate.
        let urls: Vec<&str> =
            srcset_urls(" a.png 1x, b,c.png 2x ,d.png, e.png 100w, f.png (x, y) , ,").collect();
        assert_eq!(urls, ["a.png", "b,c.png", "d.png", "e.png", "f.png"]);
    }

    #[test]
    fn unquoted_attributes_of_minified_html_are_read() {
        let index = index();
        index.page(
            "f/a/index.html",
            b"<a href=/bti/f/b/ class=x>B</a><img alt=x src=/bti/f/c.png><a href=/bti/f/ title=Hjem>H</a>",
            None,
        );
        let mut msgs = messages(&index.verify());
        msgs.sort();
        assert_eq!(msgs.len(), 2, "{msgs:#?}");
        assert!(msgs[0].contains("`/bti/f/b/` (“B”)"), "{msgs:#?}");
        assert!(msgs[1].contains("`/bti/f/c.png`"), "{msgs:#?}");
    }

    #[test]
    fn absolute_urls_under_the_base_url_are_checked_and_others_skipped() {
        let index = index();
        index.page(
            "f/a/index.html",
            b"<link rel=canonical href=https://x.example/bti/f/a/>\
              <link rel=alternate hreflang=en href=HTTPS://X.EXAMPLE/bti/f/en/a/>\
              <a href=https://x.example/other/>Other folder on the same host</a>\
              <a href=https://x.example.evil/bti/f/nei/>Another host</a>\
              <a href=https://www.nav.no/nei/>NAV</a>",
            None,
        );
        let d = one_broken(index);
        assert!(
            d.message.contains("`HTTPS://X.EXAMPLE/bti/f/en/a/`"),
            "{}",
            d.message
        );
        assert!(d.message.contains("`f/en/a/index.html`"), "{}", d.message);
    }

    #[test]
    fn mailto_tel_data_and_javascript_links_are_skipped() {
        let index = index();
        index.page(
            "f/a/index.html",
            b"<a href=mailto:post@f.kommune.no>E</a><a href=\"tel:+47 22 22 22 22\">T</a>\
              <img src=data:image/png;base64,AAAA alt=x><a href=javascript:void(0)>J</a><a href=#>Top</a>",
            None,
        );
        assert!(index.verify().is_empty());
    }

    #[test]
    fn sitemap_and_search_index_urls_are_checked() {
        let index = index();
        index.page(
            "f/skjema/index.html",
            html("<h2 id=a>A</h2>").as_bytes(),
            None,
        );
        index.url("sitemap.xml", "https://x.example/bti/f/skjema/");
        index.url("sitemap.xml", "https://x.example/bti/f/nei/");
        index.url_in("f/sok/indeks.js", "f/", "skjema/#a");
        index.url_in("f/sok/indeks.js", "f/", "skjema/#b");
        index.url(
            "f/trykk/plakat-a4.pdf (QR code)",
            "https://x.example/bti/f/",
        );
        let mut msgs = messages(&index.verify());
        msgs.sort();
        assert_eq!(msgs.len(), 2, "{msgs:#?}");
        assert!(
            msgs[0].starts_with("f/sok/indeks.js: the URL `skjema/#b`"),
            "{msgs:#?}"
        );
        assert!(
            msgs[1].starts_with("sitemap.xml: the URL `https://x.example/bti/f/nei/`"),
            "{msgs:#?}"
        );
    }

    #[test]
    fn percent_encoded_paths_and_fragments_are_decoded() {
        let index = index();
        index.file("f/filer/bål og brann.pdf");
        index.page(
            "f/på-norsk/index.html",
            html("<h2 id=steg-å>Å</h2>").as_bytes(),
            None,
        );
        index.page(
            "f/a/index.html",
            html("<a href=/bti/f/filer/b%C3%A5l%20og%20brann.pdf>PDF</a><a href=/bti/f/p%C3%A5-norsk/#steg-%C3%A5>Å</a><a href=/bti/f/på-norsk/>Å</a>")
                .as_bytes(),
            None,
        );
        assert!(index.verify().is_empty());
    }

    #[test]
    fn query_strings_are_ignored() {
        let index = index();
        index.page(
            "f/sok/index.html",
            html("<div id=res></div>").as_bytes(),
            None,
        );
        index.page(
            "f/a/index.html",
            html("<a href=/bti/f/sok/?q=barnevern>S</a><a href=?side=2>Neste</a><a href=../sok/?q=x#res>R</a><form action=/bti/f/sok/ method=get></form>")
                .as_bytes(),
            None,
        );
        index.page(
            "f/b/index.html",
            html("<a href=/bti/f/nei/?q=x>S</a>").as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(d.message.contains("`f/nei/index.html`"), "{}", d.message);
    }

    #[test]
    fn a_path_without_slash_or_extension_may_be_a_folder() {
        let index = index();
        index.page("f/skjema/index.html", html("").as_bytes(), None);
        index.file("f/LISENS");
        index.page(
            "f/a/index.html",
            html("<a href=/bti/f/skjema>S</a><a href=/bti/f/LISENS>L</a><a href=/bti/f>H</a><a href=/bti/f/nei>N</a>").as_bytes(),
            None,
        );
        let d = one_broken(index);
        assert!(
            d.message.contains("`f/nei` or `f/nei/index.html`"),
            "{}",
            d.message
        );
    }

    #[test]
    fn links_inside_scripts_and_styles_are_not_links() {
        let index = index();
        index.page(
            "f/a/index.html",
            html("<script>let s='<a href=/bti/nei/>x</a>';</script><style>a[href=\"/nei\"]{}</style><title><a href=/nei/></title>\
                  <svg><title/><a href=/bti/f/>Hjem</a></svg><textarea><img src=/nei.png></textarea>")
                .as_bytes(),
            None,
        );
        let diags = index.verify();
        assert!(diags.is_empty(), "{:#?}", messages(&diags));
    }

    #[test]
    fn a_link_broken_on_many_pages_is_one_diagnostic() {
        let index = index();
        for i in 0..10 {
            index.page(
                &format!("f/p{i}/index.html"),
                html("<a href=/bti/f/meny/>Meny</a>").as_bytes(),
                Some(&format!("content/f/p{i}.md")),
            );
        }
        let d = one_broken(index);
        assert!(
            d.message
                .starts_with("f/p0/index.html: the link `/bti/f/meny/`"),
            "{}",
            d.message
        );
        assert!(
            d.message.contains(
                "also in 9 more places: f/p1/index.html, f/p2/index.html, f/p3/index.html, …"
            ),
            "{}",
            d.message
        );
        assert!(d.help.unwrap().contains("content/f/p0.md"));
    }

    #[test]
    fn link_text_falls_back_to_aria_label_and_image_alt() {
        let index = index();
        index.page(
            "f/a/index.html",
            html("<a href=/bti/f/x/ aria-label=Lukk><svg></svg></a><a href=/bti/f/y/><img src=/bti/f/assets/main.abc.css alt=Logo></a>").as_bytes(),
            None,
        );
        let mut msgs = messages(&index.verify());
        msgs.sort();
        assert!(msgs[0].contains("`/bti/f/x/` (“Lukk”)"), "{msgs:#?}");
        assert!(msgs[1].contains("`/bti/f/y/` (“Logo”)"), "{msgs:#?}");
    }

    #[test]
    fn base_href_changes_what_relative_links_resolve_against() {
        let index = index();
        index.page("f/b/c/index.html", html("").as_bytes(), None);
        index.page(
            "f/a/index.html",
            b"<base href=/bti/f/b/><a href=c/>C</a>",
            None,
        );
        assert!(index.verify().is_empty());
    }

    #[test]
    fn recording_sink_records_pages_and_files_and_forwards_them() {
        let memory = MemorySink::default();
        let index = LinkIndex::new(&base());
        let sink = RecordingSink::new(&memory, &index);
        sink.write("f/assets/main.abc.css", b"body{}").unwrap();
        sink.write("f/index.html", html("<a href=nei/>Nei</a>").as_bytes())
            .unwrap();
        sink.write("../x", b"").unwrap_err();
        assert_eq!(sink.read("f/assets/main.abc.css").unwrap(), b"body{}");
        index.page_source("f/index.html", "content/f/forside.md");
        let diags = index.verify_reading(&memory);
        assert_eq!(diags.len(), 1, "{:#?}", messages(&diags));
        let d = &diags[0];
        assert!(
            d.message
                .starts_with("f/index.html: the link `nei/` (“Nei”) leads to `f/nei/index.html`"),
            "{}",
            d.message
        );
        assert!(d.help.as_ref().unwrap().contains("content/f/forside.md"));
        assert_eq!(memory.into_files().len(), 2);
    }

    #[test]
    fn without_the_output_a_broken_link_is_shown_as_it_resolved() {
        let index = LinkIndex::new(&base());
        index.file("f/assets/main.abc.css");
        index.page(
            "f/index.html",
            html("<a href=../f/nei/#x>Nei</a>").as_bytes(),
            None,
        );
        index.url("sitemap.xml", "https://x.example/bti/f/borte/");
        index.url_in("f/sok/indeks.js", "f/", "vekk/");
        let mut msgs = messages(&index.verify());
        msgs.sort();
        assert_eq!(
            msgs,
            [
                "f/index.html: a link to `/bti/f/nei/#x` leads to `f/nei/index.html`, which this build did not write",
                "f/sok/indeks.js: the URL `vekk/` leads to `f/vekk/index.html`, which this build did not write",
                "sitemap.xml: the URL `https://x.example/bti/f/borte/` leads to `f/borte/index.html`, which this build did not write",
            ]
        );
    }

    #[test]
    fn broken_links_are_read_back_from_the_staging_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let staging = crate::write::Staging::new(&tmp.path().join("public")).unwrap();
        let index = LinkIndex::new(&base());
        let sink = RecordingSink::new(&staging, &index);
        sink.write("f/assets/main.abc.css", b"").unwrap();
        sink.write("f/index.html", html("<a href=./nei/>Nei</a>").as_bytes())
            .unwrap();
        let diags = index.verify_reading(&staging);
        assert_eq!(diags.len(), 1, "{:#?}", messages(&diags));
        let d = &diags[0];
        assert!(
            d.message
                .starts_with("f/index.html: the link `./nei/` (“Nei”)"),
            "{}",
            d.message
        );
        staging.abandon();
    }

    #[test]
    fn pages_recorded_from_many_threads_are_all_seen() {
        use rayon::prelude::*;
        let index = index();
        (0..200).into_par_iter().for_each(|i| {
            let next = (i + 1) % 200;
            index.page(
                &format!("f/p{i}/index.html"),
                html(&format!(
                    "<h2 id=h{i}>H</h2><a href=../p{next}/#h{next}>Neste</a>"
                ))
                .as_bytes(),
                None,
            );
        });
        let diags = index.verify();
        assert!(diags.is_empty(), "{:#?}", messages(&diags));
    }

    #[test]
    fn the_number_of_diagnostics_is_capped() {
        let index = index();
        for i in 0..150 {
            index.page(
                &format!("f/p{i}/index.html"),
                html(&format!("<a href=/bti/f/nei-{i}/>N</a>")).as_bytes(),
                None,
            );
        }
        let diags = index.verify();
        assert_eq!(diags.len(), MAX_DIAGNOSTICS + 1);
        assert!(diags[MAX_DIAGNOSTICS]
            .message
            .starts_with("50 more broken links"));
    }

    const SECTIONS: [&str; 8] = [
        "veileder",
        "tjenester",
        "skjema",
        "arenaer",
        "kurs",
        "ordliste",
        "kontakt",
        "a-a",
    ];
    /// Language folders: the default language has none.
    const LANGUAGES: [&str; 5] = ["", "en/", "se/", "ar/", "uk/"];
    const FOOTER: [&str; 3] = ["personvern", "tilgjengelighet", "om"];

    /// Output path of page `i` of kommune `k` in language folder `l`.
    fn synthetic_path(k: &str, l: &str, i: usize) -> String {
        format!("{k}/{l}side-{i}/index.html")
    }

    /// Page `i` (of `pages` per language) of kommune `k` in language folder `l`, like the
    /// theme's, minified and unquoted: header, navigation, language switcher and footer (the
    /// same on every page), and `parts` sections with an id and four links each (two into
    /// the site, with and without a fragment, and two out of it). 20 parts: about 10 KB and
    /// 100 links; 40: about 18 KB.
    fn synthetic_page(k: &str, l: &str, i: usize, pages: usize, parts: usize) -> String {
        use std::fmt::Write as _;
        let mut p = String::with_capacity(20_000);
        let _ = write!(
            p,
            "<!doctype html><html lang=nb dir=ltr><head><meta charset=utf-8><meta name=viewport content=\"width=device-width, initial-scale=1\">\
             <title>Side {i} – {k}</title><link rel=canonical href=https://x.example/bti/{k}/{l}side-{i}/>"
        );
        for other in LANGUAGES {
            let _ = write!(
                p,
                "<link rel=alternate hreflang={other} href=https://x.example/bti/{k}/{other}side-{i}/>"
            );
        }
        let _ = write!(
            p,
            "<link rel=stylesheet href=/bti/{k}/assets/main.abc.css></head><body><a class=skip-link href=#hovedinnhold>Hopp til innholdet</a>\
             <header class=site-header><div class=header-inner><a class=brand href=/bti/{k}/><img class=brand-logo src=/bti/{k}/bilder/logo.png alt=\"{k} kommune\" width=48 height=48>\
             <span class=brand-title>Bedre tverrfaglig innsats</span></a><form class=header-search role=search action=/bti/{k}/sok/ method=get>\
             <label for=header-q>Søk</label><span class=search-row><input id=header-q name=q type=search autocomplete=off><button type=submit>Søk</button></span></form></div>\
             <nav class=main-nav aria-label=Hovedmeny><ul>"
        );
        for s in SECTIONS {
            let _ = write!(p, "<li><a href=/bti/{k}/{s}/>{s}</a></li>");
        }
        p.push_str("</ul></nav></header><nav class=language-nav aria-label=Språk><ul>");
        for other in LANGUAGES {
            let _ = write!(
                p,
                "<li><a href=/bti/{k}/{other}side-{i}/ lang={other} hreflang={other} dir=ltr>{other}</a></li>"
            );
        }
        let _ = write!(
            p,
            "</ul></nav><nav class=breadcrumbs aria-label=Brødsmuler><ol><li><a href=/bti/{k}/>Forside</a></li><li aria-current=page>Side {i}</li></ol></nav>\
             <main id=hovedinnhold tabindex=-1><div class=page-content><h1>Side {i}</h1>"
        );
        for j in 0..parts {
            let n = (i * 7 + j * 13) % pages;
            let _ = write!(
                p,
                "<h2 id=del-{j}>Del {j}: når du er bekymret</h2><p>Når en ansatt er bekymret for et barn, skal hen snakke med barnet og \
                 foreldrene, og dokumentere samtalen. Les mer i <a href=/bti/{k}/{l}side-{n}/#del-{j}>del {j} av side {n}</a> og på \
                 <a href=../side-{n}/>side {n}</a>. Se også <a href=https://www.bufdir.no/>Bufdir</a> eller ring \
                 <a href=tel:+4722222222>22 22 22 22</a> hele døgnet.</p>"
            );
        }
        let _ = write!(
            p,
            "</div></main><footer class=site-footer><div class=footer-inner><ul class=plain>"
        );
        for s in FOOTER {
            let _ = write!(p, "<li><a href=/bti/{k}/{s}/>{s}</a></li>");
        }
        let _ = write!(
            p,
            "<li><a href=mailto:post@{k}.kommune.no>post@{k}.kommune.no</a></li></ul></div></footer>\
             <script src=/bti/{k}/assets/search.abc.js></script></body></html>"
        );
        p
    }

    /// Record the files the synthetic pages of kommune `k` link to, other than the pages.
    fn synthetic_files(index: &LinkIndex, k: &str) {
        for s in SECTIONS.iter().chain(&FOOTER).chain(&["sok"]) {
            index.file(&format!("{k}/{s}/index.html"));
        }
        for f in [
            "index.html",
            "assets/main.abc.css",
            "assets/search.abc.js",
            "bilder/logo.png",
        ] {
            index.file(&format!("{k}/{f}"));
        }
    }

    #[test]
    fn the_synthetic_site_of_the_measurements_has_no_broken_links() {
        let index = LinkIndex::new(&base());
        synthetic_files(&index, "k");
        for l in LANGUAGES {
            for i in 0..20 {
                let page = synthetic_page("k", l, i, 20, 20);
                index.page(&synthetic_path("k", l, i), page.as_bytes(), None);
            }
        }
        let diags = index.verify();
        assert!(diags.is_empty(), "{:#?}", messages(&diags));
    }

    /// CPU time of this thread, in seconds: on a shared machine the wall clock also counts
    /// the time other processes had the CPU.
    fn thread_cpu_secs() -> f64 {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a valid timespec for the call to fill in.
        unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
        t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
    }

    /// Throughput of [`LinkIndex::page`] on one thread (CPU time) and on all (wall clock),
    /// on pages of about 18 KB: run with
    /// `cargo test --release --lib verify::tests::throughput -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn throughput() {
        use rayon::prelude::*;
        const PAGES: usize = 400;
        let pages: Vec<(String, String)> = LANGUAGES
            .iter()
            .flat_map(|l| {
                (0..PAGES).map(move |i| {
                    (
                        synthetic_path("k", l, i),
                        synthetic_page("k", l, i, PAGES, 40),
                    )
                })
            })
            .collect();
        let count = pages.len();
        let bytes: usize = pages.iter().map(|(_, p)| p.len()).sum();
        let mb_s = |secs: f64| bytes as f64 / secs / 1e6;
        for round in 0..3 {
            let started = thread_cpu_secs();
            let mut links = 0;
            for (_, page) in &pages {
                links += collect(page).links.len();
            }
            let secs = thread_cpu_secs() - started;
            println!(
                "round {round}: tokenizer alone, 1 thread (CPU time): {count} pages of {:.1} KB with {} links: {:.0} MB/s, {:.0} pages/s",
                bytes as f64 / count as f64 / 1e3,
                links / count,
                mb_s(secs),
                count as f64 / secs
            );
            let index = LinkIndex::new(&base());
            synthetic_files(&index, "k");
            let started = thread_cpu_secs();
            for (rel, page) in &pages {
                index.page(rel, page.as_bytes(), None);
            }
            let secs = thread_cpu_secs() - started;
            println!(
                "round {round}: page(), 1 thread (CPU time): {:.0} MB/s, {:.0} pages/s",
                mb_s(secs),
                count as f64 / secs
            );
            let started = thread_cpu_secs();
            let diags = index.verify();
            println!(
                "round {round}: verify(): {:.1} ms, {} diagnostics",
                (thread_cpu_secs() - started) * 1e3,
                diags.len()
            );
            assert!(diags.is_empty(), "{:#?}", messages(&diags));
            let index = LinkIndex::new(&base());
            let started = std::time::Instant::now();
            pages.par_iter().for_each(|(rel, page)| {
                index.page(rel, page.as_bytes(), None);
            });
            let secs = started.elapsed().as_secs_f64();
            println!(
                "round {round}: page(), {} threads (wall clock): {:.0} MB/s, {:.0} pages/s",
                rayon::current_num_threads(),
                mb_s(secs),
                count as f64 / secs
            );
        }
    }

    /// Memory and time for a national build's pages (357 kommuner of 30 pages in 5
    /// languages, about 10 KB and 100 links each): run with
    /// `cargo test --release --lib verify::tests::memory_of_a_national_build -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn memory_of_a_national_build() {
        use rayon::prelude::*;
        use std::sync::atomic::{AtomicUsize, Ordering};
        const KOMMUNER: usize = 357;
        const PAGES: usize = 30;
        let index = LinkIndex::new(&base());
        let (links, bytes, busy) = (
            AtomicUsize::new(0),
            AtomicUsize::new(0),
            AtomicUsize::new(0),
        );
        let started = std::time::Instant::now();
        (0..KOMMUNER).into_par_iter().for_each(|k| {
            let k = format!("k{k}");
            synthetic_files(&index, &k);
            (0..PAGES * LANGUAGES.len()).into_par_iter().for_each(|n| {
                let (l, i) = (LANGUAGES[n / PAGES], n % PAGES);
                let page = synthetic_page(&k, l, i, PAGES, 20);
                let recorded = thread_cpu_secs();
                index.page(&synthetic_path(&k, l, i), page.as_bytes(), None);
                let spent = (thread_cpu_secs() - recorded) * 1e6;
                busy.fetch_add(spent as usize, Ordering::Relaxed);
                links.fetch_add(collect(&page).links.len(), Ordering::Relaxed);
                bytes.fetch_add(page.len(), Ordering::Relaxed);
            });
        });
        let wall = started.elapsed().as_secs_f64();
        let pages = KOMMUNER * PAGES * LANGUAGES.len();
        let heap = index.heap_bytes();
        let links = links.load(Ordering::Relaxed);
        let bytes = bytes.load(Ordering::Relaxed);
        let busy = busy.load(Ordering::Relaxed) as f64 / 1e6;
        println!(
            "{pages} pages, {:.0} MB of HTML, {links} links ({} per page): page() {busy:.1} s of CPU ({:.0} MB/s per thread), \
             {wall:.1} s wall with making the pages; index ≈ {:.1} MB ({:.1} bytes per link)",
            bytes as f64 / 1e6,
            links / pages,
            bytes as f64 / busy / 1e6,
            heap as f64 / 1e6,
            heap as f64 / links as f64
        );
        let (mut paths, mut strings, mut encoded, mut ids) = (0, 0, 0, 0);
        for shard in index.shards.iter() {
            let shard = shard.lock().unwrap();
            paths += shard.paths.ends.len();
            strings +=
                shard.paths.heap_bytes() + shard.frags.heap_bytes() + shard.names.heap_bytes();
            encoded += shard.holders.iter().map(|h| h.links.len()).sum::<usize>();
            ids += shard.holders.iter().map(|h| h.ids.len() * 4).sum::<usize>();
        }
        println!(
            "of which: {paths} paths, interned strings {:.1} MB, links {:.1} MB, ids {:.1} MB",
            strings as f64 / 1e6,
            encoded as f64 / 1e6,
            ids as f64 / 1e6
        );
        let started = std::time::Instant::now();
        let diags = index.verify();
        println!(
            "verify(): {:.2} s, {} diagnostics",
            started.elapsed().as_secs_f64(),
            diags.len()
        );
        assert!(
            diags.is_empty(),
            "{:#?}",
            messages(&diags[..diags.len().min(5)])
        );
    }
}

//! Output verification: every internal link the build writes must lead to a file the same
//! build writes, and every `#fragment` to an `id` on the page it leads to.
//!
//! [`LinkIndex`] collects what a build writes ([`LinkIndex::file`], [`LinkIndex::page`]) and
//! the URLs that appear outside HTML ([`LinkIndex::url`], [`LinkIndex::url_in`]: sitemap
//! entries, search-index results, QR-code targets); [`LinkIndex::verify_reading`] (or
//! [`LinkIndex::verify`]) then reports every link that leads nowhere. [`RecordingSink`]
//! wraps a [`Sink`] so that everything written through it is recorded.
//!
//! HTML is read without building a tree. Pages are minified, so attribute values may be
//! unquoted, and entities, raw text (`<script>`, `<style>`) and odd markup must be read as
//! a browser reads them: html5gum's WHATWG tokenizer does, and its emitter copies only what
//! the proof records (URL attributes, ids, the text of an `<a>`); html5ever's tokenizer,
//! which hands over every attribute and character as its own string, took nearly three
//! times the CPU. The markup the build writes is read by a quicker reader (`scan`) that
//! finds tags with `memchr` and gives up, leaving the page to html5gum, on anything it
//! does not read exactly as html5gum does; a fuzz target holds the two to the same result.
//!
//! Memory: a national build writes about 54,000 pages with about 100 links each, most of
//! them the same header, navigation and footer links. A page keeps its distinct (target,
//! fragment) pairs, delta-coded in about 3 bytes each, and its `id`s, 4 bytes each; paths
//! and fragments are interned. How a link was written (its href and text) is not kept: the
//! few pages a report names are read again ([`Sink::read`]) to find it. Pages are recorded
//! from many threads at once: each thread of the rayon pool fills its own shard (behind a
//! mutex that only it takes), and verifying joins the shards.
//!
//! - `scan`: the quicker reader.
//! - `html`: the tokenizer's emitter (links, ids, `<base href>`, link texts) and
//!   [`url_attribute`], the one list of attributes that hold URLs.
//! - `resolve`: a URL as written to the output path it leads to, or why it is broken.
//! - `intern`, `shard`: what each thread records, and the compact forms it keeps.
//! - `parts`: pages written in parts, whose shared parts and skeletons are read once.
//! - `report`: the diagnostics, grouped by link and capped.

mod html;
pub(crate) use html::{
    quick_reader_agrees, url_attribute, UrlAttribute, READ_BY_HTML5GUM, READ_QUICKLY,
};
mod intern;
mod parts;
pub use parts::PartLinks;
mod report;
mod resolve;
mod scan;
mod shard;

#[cfg(test)]
mod bench;
#[cfg(test)]
mod tests;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use crate::config::BaseUrl;
use crate::diagnostics::Diagnostic;
use crate::write::{MinifiedPage, Sink};

use html::collect;
use intern::Map;
use report::{Broken, Report, What};
use resolve::{has_scheme, Resolved, Resolver};
use shard::{
    encode, has_id, leaves, leaving_target, lookup, note_leaving, Form, Holder, Shard, Tables,
    LABEL_SEP,
};

/// The code of every diagnostic verifying makes.
pub const CODE: &str = "broken-output-link";

/// No id: a link without fragment, a file that is not a page read here.
const NONE: u32 = u32::MAX;
/// A page taken over from the previous output ([`LinkIndex::taken_over`]): not read; its ids
/// are read only when a link with a fragment leads to it.
const TAKEN: u32 = u32::MAX - 1;

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

    /// A page of a kommune taken over unchanged from the previous output: its own links
    /// were proven when it was made (those that leave its kommune's folder are checked
    /// again through [`LinkIndex::url`]: see [`LinkIndex::leaving`]). Links into it are
    /// checked, and a fragment against its ids, read from the output then.
    pub fn taken_over(&self, rel: &str) {
        let mut shard = self.shard();
        let path = shard.paths.intern(rel);
        shard.files.push((path, TAKEN));
    }

    /// The internal links of the pages under `folder/` that lead out of it (output paths,
    /// with `#fragment`), as site-absolute URLs under the base path: what a kommune's
    /// pages need of the rest of the output, kept for when they are taken over.
    pub fn leaving(&self, folder: &str) -> Vec<String> {
        let mut all = std::collections::BTreeSet::new();
        for shard in self.shards.iter() {
            let shard = shard.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(targets) = shard.leaving.get(folder) {
                all.extend(targets.iter().cloned());
            }
        }
        let base = &self.resolver.path;
        all.into_iter()
            .map(|t| format!("{base}{}", t.replace('%', "%25")))
            .collect()
    }

    /// An HTML page was written at `rel` (`fjordvik/skjema/x/index.html`): record it as a
    /// file, its `id`s and its links (`href` of a, area, link and SVG use/image, `src` of
    /// img, script, source, video, audio, track, iframe and embed, `srcset`, `poster`,
    /// `action` of form). `source` names the content file that made the page, for the
    /// message (see also [`LinkIndex::page_source`]).
    pub fn page(&self, rel: &str, html: &[u8], source: Option<&str>) {
        let found = collect(html);
        let links = self
            .resolver
            .links(rel, found.base.as_deref(), found.link_refs());
        let ids = found.ids.iter().map(|id| &**id);
        self.record_page(rel, source, links, ids, &[]);
    }

    /// Records a page: its `links` resolved for it, its `ids`, and the fixed links of the
    /// kept parts it holds (`fixed`, see [`PartLinks`]).
    fn record_page<'a>(
        &self,
        rel: &str,
        source: Option<&str>,
        links: Vec<(Resolved<'_>, &str, &str)>,
        ids: impl Iterator<Item = &'a str>,
        fixed: &[&PartLinks],
    ) {
        let (mut guard, shard_index) = self.shard_and_index();
        let shard = &mut *guard;
        let path = shard.paths.intern(rel);
        let holder = u32::try_from(shard.holders.len()).expect("fewer than 2^32 pages");
        shard.files.push((path, holder));
        if let Some(source) = source {
            let source = shard.names.intern(source);
            shard.sources.push((path, source));
        }
        let mut ids: Vec<u32> = ids.map(|id| shard.frags.intern(id)).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut kept = Vec::with_capacity(links.len());
        let folder = rel.split_once('/').map(|(f, _)| f);
        for part in fixed {
            let recorded = part.fixed_in(shard_index, self.shards.len(), |found| {
                self.record_fixed(shard, found)
            });
            kept.extend_from_slice(&recorded.links);
            for &(problem, label) in &recorded.broken {
                shard.problems.push((holder, problem, label));
            }
            if let Some(folder) = folder {
                for link in &recorded.links {
                    let path = shard.paths.get_str(link.target);
                    if leaves(path, folder) {
                        let frag = match link.frag {
                            NONE => "",
                            frag => shard.frags.get_str(frag),
                        };
                        let target = leaving_target(path, frag);
                        note_leaving(shard, folder, target);
                    }
                }
            }
        }
        for (resolved, url, text) in links {
            if let (Some(folder), Resolved::Internal { path, frag }) = (folder, &resolved) {
                if leaves(path, folder) {
                    note_leaving(shard, folder, leaving_target(path, frag));
                }
            }
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
    /// [`MAX_DIAGNOSTICS`](report::MAX_DIAGNOSTICS) broken links the rest are counted in one
    /// more diagnostic.
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
                if holder != NONE && holder != TAKEN {
                    *entry = (si, holder);
                }
            }
            for &(path, source) in &shard.sources {
                sources.insert(t.paths[path as usize], t.names[source as usize]);
            }
        }

        let mut broken: Vec<Broken> = Vec::new();
        // The ids of taken-over pages that fragments lead to, read once each.
        let mut taken_ids: Map<&str, Vec<String>> = Map::default();
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
                        Some((_, TAKEN)) => {
                            let Some(output) = output else { continue };
                            let ids = taken_ids.entry(target).or_insert_with(|| {
                                let page = output.read(target).unwrap_or_default();
                                collect(&page).ids.iter().map(|id| id.to_string()).collect()
                            });
                            let decoded =
                                percent_encoding::percent_decode_str(frag).decode_utf8_lossy();
                            if frag.eq_ignore_ascii_case("top")
                                || ids.iter().any(|id| id == frag || *id == decoded)
                            {
                                continue;
                            }
                            What::NoIdTaken
                        }
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
        self.shard_and_index().0
    }

    /// The current thread's shard, and its number.
    fn shard_and_index(&self) -> (MutexGuard<'_, Shard>, usize) {
        let i = rayon::current_thread_index().map_or(0, |i| i + 1) % self.shards.len();
        (self.shards[i].lock().unwrap_or_else(|e| e.into_inner()), i)
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

impl RecordingSink<'_> {
    /// Records `bytes` written at `rel`: a page is read, any other file noted.
    fn written(&self, rel: &str, bytes: &[u8]) {
        if rel.ends_with(".html") {
            self.index.page(rel, bytes, None);
        } else {
            self.index.file(rel);
        }
    }

    /// Records a file taken over: a page as one whose links are known (see
    /// [`LinkIndex::taken_over`]), any other file noted.
    fn taken(&self, rel: &str) {
        if rel.ends_with(".html") {
            self.index.taken_over(rel);
        } else {
            self.index.file(rel);
        }
    }
}

impl Sink for RecordingSink<'_> {
    fn take_over(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        self.inner.take_over(rel, from)?;
        self.taken(rel);
        Ok(())
    }

    /// As [`Sink::take_over`] of each file, when the folder is kept.
    fn keep_folder(&self, folder: &str, from: &Path, files: &[&str]) -> Result<bool, Diagnostic> {
        if !self.inner.keep_folder(folder, from, files)? {
            return Ok(false);
        }
        for rel in files {
            self.taken(rel);
        }
        Ok(true)
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.inner.write(rel, bytes)?;
        self.written(rel, bytes);
        Ok(())
    }

    fn write_same(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.inner.write_same(rel, bytes)?;
        self.written(rel, bytes);
        Ok(())
    }

    fn write_page(&self, rel: &str, page: &MinifiedPage) -> Result<(), Diagnostic> {
        self.inner.write_page(rel, page)?;
        self.index.minified_page(rel, page);
        Ok(())
    }

    /// Copied files (the kommune's own images and files) are not read, HTML or not.
    fn copy(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        self.inner.copy(rel, from)?;
        self.index.file(rel);
        Ok(())
    }

    /// Files of the previous output taken over: pages are read and recorded like new ones.
    fn link(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        self.inner.link(rel, from)?;
        if rel.ends_with(".html") {
            let html = std::fs::read(from).map_err(|e| crate::write::cannot_read(from, &e))?;
            self.index.page(rel, &html, None);
        } else {
            self.index.file(rel);
        }
        Ok(())
    }

    fn read(&self, rel: &str) -> Option<Vec<u8>> {
        self.inner.read(rel)
    }
}

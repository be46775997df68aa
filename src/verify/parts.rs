//! Pages written in parts (see `build::shared`): a part many pages share, and the skeleton
//! a page's parts are set into, are read once, however many pages hold them.

use std::sync::{Arc, OnceLock};

use super::html::{collect, collect_chunks, collect_with, Found, OwnedFound, Texts};
use super::resolve::{is_relative, Problem, Resolved};
use super::shard::{Link, Shard, LABEL_SEP};
use super::LinkIndex;
use crate::write::{MinifiedPage, MinifiedPart};

/// What the link proof read in a part many pages share (see `build::shared`), read the
/// first time a page with it is written.
#[derive(Default)]
pub struct PartLinks {
    pub(super) found: OnceLock<OwnedFound>,
    /// Its links that lead to the same place from every page (all but relative ones and
    /// `srcset`s), resolved and interned once by each shard (by its number) instead of
    /// once for every page: most of a page's links are those of its header and footer.
    fixed: OnceLock<Box<[OnceLock<FixedLinks>]>>,
}

/// A part's links that lead to the same place from every page, as one shard recorded them.
#[derive(Default)]
pub(super) struct FixedLinks {
    pub(super) links: Box<[Link]>,
    /// Links broken before the output is looked at, and their labels (in `names`).
    pub(super) broken: Box<[(Problem, u32)]>,
}

impl PartLinks {
    /// Whether the part was read.
    #[cfg(test)]
    pub(super) fn read(&self) -> bool {
        self.found.get().is_some()
    }

    /// The part's fixed links as shard `shard` (of `shards`) recorded them, recorded by
    /// `record` the first time.
    pub(super) fn fixed_in(
        &self,
        shard: usize,
        shards: usize,
        record: impl FnOnce(&OwnedFound) -> FixedLinks,
    ) -> &FixedLinks {
        let slots = self
            .fixed
            .get_or_init(|| (0..shards).map(|_| OnceLock::new()).collect());
        let found = self
            .found
            .get()
            .expect("a kept part is read before its links are");
        slots[shard].get_or_init(|| record(found))
    }
}

/// Whether a link of a kept part is resolved for each page: a relative URL depends on the
/// page (and its `<base href>`), and a `srcset` may hold relative ones.
pub(super) fn depends_on_page(url: &str, srcset: bool) -> bool {
    srcset || is_relative(url)
}

/// What the proof read in a part: kept with a part other pages hold too, or read for this
/// page alone.
enum Read<'a> {
    Kept(&'a OwnedFound, &'a PartLinks),
    Fresh(Found),
}

impl Read<'_> {
    /// What the proof reads in `part` (whose bytes `text` gives): kept, read the first time
    /// it is asked, when other pages may hold the part; a part only this page holds (its
    /// own text, a part seen once) is read without a copy kept, and the texts of its links
    /// as `texts` says. A kept part's link texts are read: it is read once.
    fn of<'a>(
        part: &'a Arc<MinifiedPart>,
        text: impl FnOnce() -> &'a [u8],
        texts: Texts,
    ) -> Read<'a> {
        if Arc::strong_count(part) == 1 && part.links.found.get().is_none() {
            return Read::Fresh(collect_with(text(), texts));
        }
        let found = part.links.found.get_or_init(|| collect(text()).owned());
        Read::Kept(found, &part.links)
    }

    /// The part, when its fixed links are recorded once for every page (see [`PartLinks`]).
    fn kept(&self) -> Option<&PartLinks> {
        match self {
            Read::Kept(_, part) => Some(part),
            Read::Fresh(_) => None,
        }
    }

    /// The part's reading as the one of the two forms it has (no boxed iterators: this is
    /// asked for every part of every page).
    fn forms(&self) -> (Option<&OwnedFound>, Option<&Found>) {
        match self {
            Read::Kept(found, _) => (Some(found), None),
            Read::Fresh(found) => (None, Some(found)),
        }
    }

    fn base(&self) -> Option<&str> {
        match self {
            Read::Kept(found, _) => found.base.as_deref(),
            Read::Fresh(found) => found.base.as_deref(),
        }
    }

    /// The links resolved for this page: all of a fresh reading's, a kept part's that
    /// depend on the page.
    fn link_refs(&self) -> impl Iterator<Item = (&str, bool, &str)> {
        let (kept, fresh) = self.forms();
        let kept = kept
            .into_iter()
            .flat_map(OwnedFound::link_refs)
            .filter(|&(url, srcset, _)| depends_on_page(url, srcset));
        kept.chain(fresh.into_iter().flat_map(Found::link_refs))
    }

    fn ids(&self) -> impl Iterator<Item = &str> {
        let (kept, fresh) = self.forms();
        let kept = kept.into_iter().flat_map(|f| f.ids.iter().map(|id| &**id));
        kept.chain(
            fresh
                .into_iter()
                .flat_map(|f| f.ids.iter().map(String::as_str)),
        )
    }
}

impl LinkIndex {
    /// [`LinkIndex::page`] of a page whose shared parts (see `build::shared`) are read
    /// once, however many pages hold them: the rest of the page is read as one text.
    pub fn minified_page(&self, rel: &str, page: &MinifiedPage) {
        // Its own text without the texts of links, which only a message about a broken
        // link shows: read again with them if one is.
        if !self.read_minified_page(rel, page, Texts::Left) {
            self.read_minified_page(rel, page, Texts::Read);
        }
    }

    /// [`LinkIndex::minified_page`], the page's own text read with the texts of its links
    /// or not (`texts`); false, and nothing recorded, if they are not read and a link is
    /// broken, whose message shows its text.
    fn read_minified_page(&self, rel: &str, page: &MinifiedPage, texts: Texts) -> bool {
        let html = &page.bytes[..];
        // What lies between the parts: the skeleton, read once for all the pages that show
        // it (its placeholders hold nothing the proof reads), or the page's own text.
        let skeleton = match &page.skeleton {
            Some(skeleton) => Read::of(skeleton, || &skeleton.bytes, texts),
            None => {
                let mut own = Vec::with_capacity(page.parts.len() + 1);
                let mut at = 0;
                for (range, _) in &page.parts {
                    own.push(&html[at..range.start]);
                    at = range.end;
                }
                own.push(&html[at..]);
                Read::Fresh(collect_chunks(&own, texts))
            }
        };
        let parts: Vec<Read> = page
            .parts
            .iter()
            .map(|(range, part)| Read::of(part, || &html[range.clone()], texts))
            .collect();
        // The first `<base href>` in the page, wherever it is.
        let base = skeleton
            .base()
            .or_else(|| parts.iter().find_map(|p| p.base()));
        let refs = skeleton
            .link_refs()
            .chain(parts.iter().flat_map(|p| p.link_refs()));
        let links = self.resolver.links(rel, base, refs);
        if texts == Texts::Left && links.iter().any(|(r, ..)| matches!(r, Resolved::Broken(_))) {
            return false;
        }
        let ids = skeleton.ids().chain(parts.iter().flat_map(|p| p.ids()));
        let fixed: Vec<&PartLinks> = std::iter::once(&skeleton)
            .chain(&parts)
            .filter_map(Read::kept)
            .collect();
        self.record_page(rel, None, links, ids, &fixed);
        true
    }

    /// The fixed links of a kept part (see [`PartLinks`]) as `shard` records them.
    pub(super) fn record_fixed(&self, shard: &mut Shard, found: &OwnedFound) -> FixedLinks {
        let mut links = Vec::new();
        let mut broken = Vec::new();
        for (url, srcset, text) in found.link_refs() {
            if depends_on_page(url, srcset) {
                continue;
            }
            // Not relative: the page it is on does not count.
            match self.resolver.resolve(url, "") {
                Resolved::Skip => {}
                Resolved::Broken(problem) => {
                    let label = shard.names.intern(&format!("{url}{LABEL_SEP}{text}"));
                    broken.push((problem, label));
                }
                Resolved::Internal { path, frag } => links.push(shard.link(&path, frag)),
            }
        }
        FixedLinks {
            links: links.into(),
            broken: broken.into(),
        }
    }
}

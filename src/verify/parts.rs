//! Pages written in parts (see `build::shared`): a part many pages share, and the skeleton
//! a page's parts are set into, are read once, however many pages hold them.

use super::html::{collect, collect_chunks, OwnedFound};
use super::LinkIndex;
use crate::write::{MinifiedPage, MinifiedPart};

/// What the link proof read in a part many pages share (see `build::shared`), read the
/// first time a page with it is written.
#[derive(Default)]
pub struct PartLinks(pub(super) std::sync::OnceLock<OwnedFound>);

/// What the proof read in `part` (whose text `text` gives), read the first time it is asked.
fn part_links<'a>(part: &'a MinifiedPart, text: impl FnOnce() -> &'a str) -> &'a OwnedFound {
    part.links.0.get_or_init(|| collect(text()).owned())
}

impl LinkIndex {
    /// [`LinkIndex::page`] of a page whose shared parts (see `build::shared`) are read
    /// once, however many pages hold them: the rest of the page is read as one text.
    pub fn minified_page(&self, rel: &str, page: &MinifiedPage) {
        let Ok(html) = std::str::from_utf8(&page.bytes) else {
            return self.page(rel, &page.bytes, None);
        };
        // What lies between the parts: the skeleton, read once for all the pages that show
        // it (its placeholders hold nothing the proof reads), or the page's own text.
        let fresh;
        let skeleton: &OwnedFound = match &page.skeleton {
            Some(skeleton) => part_links(skeleton, || {
                std::str::from_utf8(&skeleton.bytes).unwrap_or_default()
            }),
            None => {
                let mut own = Vec::with_capacity(page.parts.len() + 1);
                let mut at = 0;
                for (range, _) in &page.parts {
                    own.push(&html[at..range.start]);
                    at = range.end;
                }
                own.push(&html[at..]);
                fresh = collect_chunks(&own).owned();
                &fresh
            }
        };
        let parts: Vec<&OwnedFound> = page
            .parts
            .iter()
            .map(|(range, part)| part_links(part, || &html[range.clone()]))
            .collect();
        // The first `<base href>` in the page, wherever it is.
        let base = skeleton
            .base
            .as_deref()
            .or_else(|| parts.iter().find_map(|p| p.base.as_deref()));
        let refs = skeleton
            .link_refs()
            .chain(parts.iter().flat_map(|p| p.link_refs()));
        let links = self.resolver.links(rel, base, refs);
        let ids = skeleton
            .ids
            .iter()
            .chain(parts.iter().flat_map(|p| p.ids.iter()))
            .map(|id| &**id);
        self.record_page(rel, None, links, ids);
    }
}

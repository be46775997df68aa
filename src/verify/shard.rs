//! What one thread records: interned strings, pages and origins with their links, delta-coded.

use super::intern::{Interner, Map};
use super::resolve::Problem;
use super::NONE;

/// One distinct link of a page: where it leads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Link {
    /// Output path of the file it leads to (in `paths`): `x/index.html` for `x/`; a path
    /// without extension (`x/y`) may also be the folder `x/y/`.
    pub(super) target: u32,
    /// Fragment (in `frags`), or NONE.
    pub(super) frag: u32,
}

/// How a page or an origin writes its links.
#[derive(Clone, Copy)]
pub(super) enum Form {
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
pub(super) struct Holder {
    /// Output path of a page (in `paths`), or name of an origin (in `names`).
    pub(super) name: u32,
    pub(super) form: Form,
    /// The page's `id`s (in `frags`), sorted.
    pub(super) ids: Box<[u32]>,
    /// A page's distinct links, see [`encode`].
    pub(super) links: Box<[u8]>,
    /// An origin's links, as they come.
    pub(super) more: Vec<Link>,
}

impl Holder {
    pub(super) fn links(&self) -> impl Iterator<Item = Link> + '_ {
        decode(&self.links).chain(self.more.iter().copied())
    }
}

/// A page's distinct links, sorted, in about 3 bytes each instead of 8: for each, the
/// difference to the previous target and the fragment + 1 (0: none), as LEB128 varints.
/// Most of a page's targets were interned close together (the same kommune's pages, one
/// thread), so the differences are small.
pub(super) fn encode(mut links: Vec<Link>) -> Box<[u8]> {
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
pub(super) struct Shard {
    /// Output paths of files and link targets.
    pub(super) paths: Interner,
    /// Ids and fragments.
    pub(super) frags: Interner,
    /// Content file names, origin names and folders, labels of broken links.
    pub(super) names: Interner,
    /// Files written: (path, page holder or NONE).
    pub(super) files: Vec<(u32, u32)>,
    pub(super) holders: Vec<Holder>,
    /// Holder of each origin of [`LinkIndex::url`](super::LinkIndex::url) (by name).
    pub(super) origins: Map<u32, u32>,
    /// Content file of a page: (path, name).
    pub(super) sources: Vec<(u32, u32)>,
    /// Links found broken as they were read: (holder, problem, label: href and text).
    pub(super) problems: Vec<(u32, Problem, u32)>,
    /// Internal links of pages that leave the page's top folder (a kommune's), by that
    /// folder: `path` or `path#frag`.
    pub(super) leaving: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
}

/// Separates a broken link's href from its text in its label.
pub(super) const LABEL_SEP: char = '\u{1}';

impl Shard {
    pub(super) fn link(&mut self, path: &str, frag: &str) -> Link {
        Link {
            target: self.paths.intern(path),
            frag: match frag {
                "" => NONE,
                frag => self.frags.intern(frag),
            },
        }
    }

    #[cfg(test)]
    pub(super) fn heap_bytes(&self) -> usize {
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
pub(super) struct Tables<'a> {
    pub(super) paths: Vec<&'a str>,
    pub(super) frags: Vec<&'a str>,
    pub(super) names: Vec<&'a str>,
}

impl<'a> Tables<'a> {
    pub(super) fn of(shard: &'a Shard) -> Self {
        Tables {
            paths: shard.paths.strings(),
            frags: shard.frags.strings(),
            names: shard.names.strings(),
        }
    }
}

/// The file a link target leads to: (shard, page holder or NONE).
pub(super) fn lookup(files: &Map<&str, (usize, u32)>, target: &str) -> Option<(usize, u32)> {
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
pub(super) fn has_id(shard: &Shard, holder: u32, frag: &str, same: Option<u32>) -> bool {
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

/// Whether a link to output path `path` leads out of the top folder `folder` (a kommune's).
pub(super) fn leaves(path: &str, folder: &str) -> bool {
    !path
        .strip_prefix(folder)
        .is_some_and(|p| p.starts_with('/'))
}

/// How a link that leaves its kommune's folder is kept: `path` or `path#frag`.
pub(super) fn leaving_target(path: &str, frag: &str) -> String {
    if frag.is_empty() {
        path.to_string()
    } else {
        format!("{path}#{frag}")
    }
}

/// Notes that a page in `folder` links to `target` outside it. Asked for every such link
/// of every page (the footer's link to the region's front page is on all of them): the
/// folder's name is copied only the first time.
pub(super) fn note_leaving(shard: &mut Shard, folder: &str, target: String) {
    match shard.leaving.get_mut(folder) {
        Some(leaving) => {
            leaving.insert(target);
        }
        None => {
            shard
                .leaving
                .insert(folder.to_string(), std::iter::once(target).collect());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

//! Minify what pages share once: the header, navigation and footer of a kommune's pages in
//! one language are the same text on most pages, and minifying them took more time than
//! minifying the pages' own parts; a form, a training module or a Markdown body that many
//! kommuner inherit is the same text in each of them.
//!
//! `base.html` and the page templates mark each such part with `<!--shared-->` …
//! `<!--/shared-->`. A page is minified as its own skeleton, with a placeholder element
//! where each shared part was; each shared part is minified on its own and put in place of
//! its placeholder. A part seen a second time in the build is kept, keyed by its rendered
//! text (so a part that differs, such as the navigation with another item marked current,
//! or a form with one kommune's own links, is simply another entry), and later pages take
//! it from there: minified and read by the link proof once, however many kommuner show it.
//! A part seen once is not kept, so unique pages cost no memory, and what is kept is
//! bounded ([`KEPT_BYTES`]).
//!
//! The result is byte for byte what minifying the whole page gives, as long as each shared
//! part is a run of whole elements whose parent is a layout element (`head`, `body`,
//! `header`, `footer`, `ul`, `section`, `div`, `form`…): there, whitespace between elements
//! is dropped whatever is beside it, as at the root of a fragment, and a closing tag at the
//! edge of a part is left out where the whole page leaves it out ([`settle_closing_tag`]).
//! `tests/incremental.rs` compares both on every page of the demo (`VEIVISER_MINIFY_WHOLE=1`
//! minifies every page whole).
//!
//! A page without markers (a project's own `base.html`) is minified whole.

use std::sync::Arc;

use minify_html_common::gen::codepoints::TAG_NAME_CHAR;

use crate::minify::tags::{can_omit_as_before, can_omit_as_last_node};
use crate::minify::{minify_html, minify_joined};
use crate::reuse::{key_of, Reuse};
use crate::write::{MinifiedPage, MinifiedPart};

/// A part many pages share: kept on its second sighting.
const SHARED: (&str, &str) = ("<!--shared-->", "<!--/shared-->");
/// A part of the page's own, minified on its own so that the rest of the page (its
/// skeleton) is the same text on the kommune's other pages of its kind, minified once.
const OWN: (&str, &str) = ("<!--own-->", "<!--/own-->");
/// Stands for a part while the skeleton is minified (a custom element: kept as it is, and
/// whitespace beside it is treated as beside any element).
const SLOT_TEXT: &str = "<veiviser-shared></veiviser-shared>";
const SLOT: &[u8] = SLOT_TEXT.as_bytes();

/// At most this many bytes of minified parts are kept in one build (the shared parts of
/// every kommune's chrome and of what kommuner inherit take far less); past it, parts are
/// minified for each page that shows them.
const KEPT_BYTES: usize = 64 << 20;
/// The same for skeletons (one per kommune, language and kind of page, about 1.5 KB each).
const KEPT_SKELETON_BYTES: usize = 32 << 20;

/// The minified shared parts and skeletons of one build's pages, by their text.
pub struct SharedMinifier {
    parts: Reuse<MinifiedPart>,
    skeletons: Reuse<MinifiedPart>,
    /// A part with nothing but whitespace (a page without a fallback note, say).
    empty: Arc<MinifiedPart>,
}

impl Default for SharedMinifier {
    fn default() -> Self {
        SharedMinifier {
            parts: Reuse::new(KEPT_BYTES),
            skeletons: Reuse::new(KEPT_SKELETON_BYTES),
            empty: Arc::new(MinifiedPart::new(Vec::new())),
        }
    }
}

/// Which kind of part.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Shared,
    Own,
}

impl SharedMinifier {
    /// `html` minified, as [`minify_html`] would, minifying each shared part and each
    /// skeleton once.
    pub fn minify(&self, html: &str) -> MinifiedPage {
        // `VEIVISER_MINIFY_WHOLE`: every page minified whole, for the test that compares.
        static WHOLE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        let whole = || MinifiedPage {
            bytes: minify_html(html),
            ..Default::default()
        };
        if *WHOLE.get_or_init(|| std::env::var_os("VEIVISER_MINIFY_WHOLE").is_some()) {
            return whole();
        }
        let Some((skeleton, parts)) = split(html) else {
            return whole();
        };
        let skeleton = minified(&self.skeletons, &skeleton, minify_html);
        let mut out = Vec::with_capacity(skeleton.bytes.len() + parts.len() * 4096);
        let mut placed = Vec::with_capacity(parts.len());
        let mut rest = &skeleton.bytes[..];
        for (kind, part) in parts {
            // The placeholder cannot come from content (the sanitizer removes unknown
            // tags); if it is missing anyway, minify the page whole.
            let Some(at) = find(rest, SLOT) else {
                return whole();
            };
            append(&mut out, &mut placed, &rest[..at]);
            let part = match kind {
                // Whitespace between elements of a layout element: dropped.
                _ if part.bytes().all(|b| b.is_ascii_whitespace()) => self.empty.clone(),
                Kind::Shared => minified(&self.parts, part, minify_part),
                Kind::Own => Arc::new(MinifiedPart::new(minify_part(part))),
            };
            append(&mut out, &mut placed, &part.bytes);
            let start = out.len() - part.bytes.len();
            placed.push((start..out.len(), part));
            rest = &rest[at + SLOT.len()..];
        }
        if find(rest, SLOT).is_some() {
            return whole();
        }
        append(&mut out, &mut placed, rest);
        if rest.is_empty() {
            // The page ends with a part.
            settle_closing_tag(&mut out, &mut placed, b"");
        }
        MinifiedPage {
            bytes: out,
            parts: placed,
            skeleton: Some(skeleton),
        }
    }

    /// How many shared parts were minified, and how many taken from those kept.
    pub fn counts(&self) -> (usize, usize) {
        self.parts.counts()
    }

    /// The same for skeletons.
    pub fn skeleton_counts(&self) -> (usize, usize) {
        self.skeletons.counts()
    }
}

/// `html` minified by `minify`, or taken from those kept.
fn minified(
    kept: &Reuse<MinifiedPart>,
    html: &str,
    minify: fn(&str) -> Vec<u8>,
) -> Arc<MinifiedPart> {
    kept.get_or_make(
        key_of(html.as_bytes()),
        || MinifiedPart::new(minify(html)),
        |done| done.bytes.len(),
    )
}

/// The page with a placeholder for each part, and the parts; `None` without (well-formed)
/// markers.
fn split(html: &str) -> Option<(String, Vec<(Kind, &str)>)> {
    // One pass over the comments: the parts are most of the page, and searching each again
    // for its end and for markers inside cost more than the rest of the split.
    static COMMENT: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("<!--"));
    let mut skeleton = String::with_capacity(html.len());
    let mut parts = Vec::new();
    // Where the text not yet in the skeleton or a part begins.
    let mut copied = 0;
    // The part being read: its kind, where it begins, and its closing marker.
    let mut open: Option<(Kind, usize, &str)> = None;
    for start in COMMENT.find_iter(html.as_bytes()) {
        let after = &html[start..];
        let opens = [(Kind::Shared, SHARED), (Kind::Own, OWN)]
            .into_iter()
            .find(|(_, (marker, _))| after.starts_with(marker));
        match (open, opens) {
            (None, Some((kind, (marker, close)))) => {
                skeleton.push_str(&html[copied..start]);
                open = Some((kind, start + marker.len(), close));
            }
            // Markers inside a part (nested or unclosed) are not kept apart: minify whole.
            (Some(_), Some(_)) => return None,
            (Some((kind, from, close)), None) if after.starts_with(close) => {
                parts.push((kind, &html[from..start]));
                skeleton.push_str(SLOT_TEXT);
                copied = start + close.len();
                open = None;
            }
            // Another comment: part of the skeleton or of the part it is in.
            _ => {}
        }
    }
    if open.is_some() || parts.is_empty() {
        return None;
    }
    skeleton.push_str(&html[copied..]);
    Some((skeleton, parts))
}

/// A part minified on its own, the closing tag of its last element kept: whether the page
/// leaves it out depends on what follows the part there ([`settle_closing_tag`]).
fn minify_part(part: &str) -> Vec<u8> {
    // Followed by a placeholder, as a part of the skeleton is (both minifiers keep it).
    let mut bytes = minify_joined(&[part.trim_end(), SLOT_TEXT]);
    if bytes.ends_with(SLOT) {
        bytes.truncate(bytes.len() - SLOT.len());
    }
    bytes
}

/// `chunk` (a part or a piece of the skeleton) appended to the page, after leaving out the
/// closing tag before it where the page minified whole leaves it out. An empty chunk
/// decides nothing: what comes after it does.
fn append(out: &mut Vec<u8>, placed: &mut [Placed], chunk: &[u8]) {
    if !chunk.is_empty() {
        settle_closing_tag(out, placed, chunk);
        out.extend_from_slice(chunk);
    }
}

/// A part's place in the page, and the part.
type Placed = (std::ops::Range<usize>, Arc<MinifiedPart>);

/// Each part and each piece of the skeleton is minified with the closing tag of its last
/// element kept (a placeholder follows it). The page minified whole leaves such a tag out
/// by HTML's rules for optional tags, which ask only what follows: the next sibling's tag,
/// or the end of the parent. Leave it out of `out` the same way, `next` being what follows
/// (empty at the end of the page).
fn settle_closing_tag(out: &mut Vec<u8>, placed: &mut [Placed], next: &[u8]) {
    let Some(at) = trailing_closing_tag(out) else {
        return;
    };
    let name = &out[at + 2..out.len() - 1];
    let leave_out = match next {
        [b'<', b'/', parent @ ..] => can_omit_as_last_node(tag_name(parent), name),
        [b'<', sibling @ ..] if sibling.first().is_some_and(|&c| TAG_NAME_CHAR[c]) => {
            can_omit_as_before(name, tag_name(sibling))
        }
        [] => can_omit_as_last_node(b"", name),
        // Text.
        _ => false,
    };
    if leave_out {
        out.truncate(at);
        // The tag ended the part before, if one ended there (and empty parts after it).
        for (range, _) in placed.iter_mut().rev().take_while(|(r, _)| r.end > at) {
            *range = range.start.min(at)..at;
        }
    }
}

/// Where the closing tag that ends `html` begins, if it ends with one.
fn trailing_closing_tag(html: &[u8]) -> Option<usize> {
    let [.., b'>'] = html else { return None };
    let at = html.iter().rposition(|&b| b == b'<')?;
    let name = html[at..].strip_prefix(b"</")?.strip_suffix(b">")?;
    (!name.is_empty() && name.iter().all(|&c| TAG_NAME_CHAR[c])).then_some(at)
}

/// The tag name `text` begins with (minified text has it in lower case).
fn tag_name(text: &[u8]) -> &[u8] {
    let end = text
        .iter()
        .position(|&c| !TAG_NAME_CHAR[c])
        .unwrap_or(text.len());
    &text[..end]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    // Each `<` is a candidate (the minified text has few of them).
    let mut from = 0;
    while let Some(at) = haystack[from..].iter().position(|&b| b == b'<') {
        let at = from + at;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each part is in the page where its range says, but for the closing tag that ends
    /// it, which the page may leave out.
    fn assert_parts_placed(page: &MinifiedPage) {
        for (range, part) in &page.parts {
            let placed = &page.bytes[range.clone()];
            assert!(part.bytes.starts_with(placed), "{range:?}");
            let left_out = &part.bytes[placed.len()..];
            assert!(left_out.is_empty() || trailing_closing_tag(left_out) == Some(0));
        }
    }

    const PAGE: &str = "<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<!--shared--><meta charset=\"utf-8\">\n<meta name=\"x\" content=\"a  b\">\n<!--/shared--><title>Side</title>\n</head>\n<body>\n<!--shared--><a class=\"skip\" href=\"#m\">Til innhold</a>\n<header class=\"h\">\n  <nav><ul>\n  <li><a href=\"/a/\">A</a></li>\n  <li><a href=\"/b/\" aria-current=\"true\">B</a></li>\n  </ul></nav>\n</header>\n<!--/shared--><main id=\"m\">\n<p>Tekst  her <em>og</em> der</p>\n</main>\n<footer>\n<ul>\n<!--shared--><li>Felles</li>\n<!--/shared--><li>Egen</li>\n</ul>\n</footer>\n</body>\n</html>\n";

    #[test]
    fn a_page_minified_by_its_shared_parts_is_the_page_minified_whole() {
        let shared = SharedMinifier::default();
        let whole = minify_html(PAGE);
        let first = shared.minify(PAGE);
        assert_eq!(
            String::from_utf8_lossy(&first.bytes),
            String::from_utf8_lossy(&whole)
        );
        // Each part's place is recorded.
        assert_eq!(first.parts.len(), 3);
        assert_parts_placed(&first);
        // A part seen once is not kept; seen again, it is kept, and the third time it
        // comes from there.
        assert_eq!(shared.parts.kept(), 0);
        let second = shared.minify(PAGE);
        assert_eq!(second.bytes, whole);
        assert_eq!(shared.parts.kept(), 3);
        assert_eq!(shared.counts(), (6, 0));
        let third = shared.minify(PAGE);
        assert_eq!(third.bytes, whole);
        assert!(Arc::ptr_eq(&second.parts[1].1, &third.parts[1].1));
        assert_eq!(shared.counts(), (6, 3));
    }

    #[test]
    fn a_closing_tag_at_the_edge_of_a_part_is_left_out_where_the_page_minified_whole_leaves_it_out()
    {
        let shared = SharedMinifier::default();
        for (html, minified) in [
            // Before the next item, and at the end of the list.
            (
                "<ul>\n<!--shared--><li>a</li>\n<!--/shared--><!--own--><li>b</li><!--/own-->\n</ul>",
                "<ul><li>a<li>b</ul>",
            ),
            // Before a paragraph, but not before an inline element or text, which would
            // move into it.
            (
                "<div><p>x</p><!--own--><p>a</p><!--/own--></div>",
                "<div><p>x<p>a</div>",
            ),
            (
                "<div><!--shared--><p>a</p><!--/shared--><span>b</span></div>",
                "<div><p>a</p><span>b</span></div>",
            ),
            (
                "<div><!--shared--><p>a</p><!--/shared-->text</div>",
                "<div><p>a</p>text</div>",
            ),
            // Not at the end of a parent that a paragraph's end may not be left out in.
            (
                "<div><a href=\"/x/\"><!--shared--><p>a</p><!--/shared--></a></div>",
                "<div><a href=/x/><p>a</p></a></div>",
            ),
            // Across an empty part, and at the end of the page.
            (
                "<div><!--own--><p>a</p><!--/own--><!--own--> <!--/own--><!--shared--><p>b</p>\n<!--/shared--></div>",
                "<div><p>a<p>b</div>",
            ),
            ("<p>x</p><!--shared--><p>a</p><!--/shared-->", "<p>x<p>a"),
            (
                "<dl><!--shared--><dt>a</dt><!--/shared--><dd>b</dd></dl>",
                "<dl><dt>a<dd>b</dl>",
            ),
            (
                "<table><tbody><!--shared--><tr><td>a</td></tr><!--/shared--><tr><td>b</td></tr></tbody></table>",
                "<table><tbody><tr><td>a<tr><td>b</table>",
            ),
        ] {
            let page = shared.minify(html);
            assert!(!page.parts.is_empty(), "{html}");
            assert_eq!(String::from_utf8_lossy(&page.bytes), minified, "{html}");
            assert_eq!(page.bytes, minify_html(html), "{html}");
            assert_parts_placed(&page);
        }
    }

    #[test]
    fn a_page_without_markers_or_with_an_unclosed_one_is_minified_whole() {
        let shared = SharedMinifier::default();
        let plain = "<p>a  b</p>";
        assert_eq!(shared.minify(plain).bytes, minify_html(plain));
        let unclosed = "<div><!--shared--><p>a</p></div>";
        assert_eq!(shared.minify(unclosed).bytes, minify_html(unclosed));
        assert!(shared.minify(unclosed).parts.is_empty());
    }

    /// A page whose own parts are marked: the title, the heading and a list item.
    fn own_page(title: &str) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<!--own--><title>{title}</title>\n<link rel=\"canonical\" href=\"/{title}/\">\n<!--/own--></head>\n<body>\n<main id=\"m\">\n  <!--own--><h1>{title}</h1>\n<p class=\"lead\">Om  {title}</p><!--/own-->\n  <!--own-->  \n<!--/own--><div class=\"prose\"><!--shared--><p>Felles   tekst</p>\n<!--/shared--></div>\n</main>\n<footer>\n<ul>\n<li>Felles</li>\n<!--own--><li><a href=\"/{title}/#m\">{title}</a></li>\n<!--/own--></ul>\n</footer>\n</body>\n</html>\n"
        )
    }

    #[test]
    fn pages_whose_own_parts_are_marked_share_one_minified_skeleton_and_equal_the_page_minified_whole(
    ) {
        let shared = SharedMinifier::default();
        let pages: Vec<MinifiedPage> = ["a", "b", "c"]
            .iter()
            .map(|title| {
                let html = own_page(title);
                let page = shared.minify(&html);
                assert_eq!(
                    String::from_utf8_lossy(&page.bytes),
                    String::from_utf8_lossy(&minify_html(&html))
                );
                assert_parts_placed(&page);
                page
            })
            .collect();
        // The skeleton is the same text on every page: minified for the first two (kept
        // the second time), taken from there for the third.
        assert_eq!(shared.skeleton_counts(), (2, 1));
        let skeleton = |p: &MinifiedPage| p.skeleton.clone().expect("a skeleton");
        assert!(Arc::ptr_eq(&skeleton(&pages[1]), &skeleton(&pages[2])));
        // Own parts are each page's; the whitespace-only one is nothing.
        assert_eq!(pages[2].parts.len(), 5);
        assert_eq!(
            &pages[2].parts[0].1.bytes[..],
            b"<title>c</title><link rel=canonical href=/c/>"
        );
        assert!(pages[2].parts[2].1.bytes.is_empty());
        assert_eq!(shared.counts(), (2, 1), "the shared part, as before");
    }

    #[test]
    fn a_part_inside_a_part_or_an_unclosed_own_part_makes_the_page_minified_whole() {
        let shared = SharedMinifier::default();
        for html in [
            "<div><!--own--><p>a</p><!--shared--><p>b</p><!--/shared--><!--/own--></div>",
            "<div><!--shared--><p>a</p><!--own--><p>b</p><!--/own--><!--/shared--></div>",
            "<div><!--own--><p>a</p></div>",
        ] {
            let page = shared.minify(html);
            assert_eq!(page.bytes, minify_html(html), "{html}");
            assert!(page.parts.is_empty() && page.skeleton.is_none(), "{html}");
        }
    }

    #[test]
    fn other_comments_and_stray_closing_markers_stay_where_they_are() {
        let html = "<div><!-- a --><!--/own--><!--shared--><p>a</p><!-- b --><!--/own--><!--/shared--><!--own--><p>c</p><!--/own--><!-- c --></div>";
        let (skeleton, parts) = split(html).expect("well-formed markers");
        let slot = SLOT_TEXT;
        assert_eq!(
            skeleton,
            format!("<div><!-- a --><!--/own-->{slot}{slot}<!-- c --></div>")
        );
        assert_eq!(
            parts,
            [
                (Kind::Shared, "<p>a</p><!-- b --><!--/own-->"),
                (Kind::Own, "<p>c</p>")
            ]
        );
        assert_eq!(
            SharedMinifier::default().minify(html).bytes,
            minify_html(html)
        );
    }
}

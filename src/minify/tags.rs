//! minify-html-common's rules for tags (which closing tags may be left out, how whitespace
//! in an element is minified, which elements are void), asked of a table for the tags the
//! theme and Markdown write. The minifier asks them at every tag of every page, and each
//! answer from minify-html-common is a lookup in a hash map or two (about a twentieth of
//! the quick minifier's time); the table holds minify-html-common's own answers, so the two
//! cannot differ, and any other tag is asked of minify-html-common.

use std::sync::OnceLock;

use minify_html_common::spec::tag::ns::Namespace;
use minify_html_common::spec::tag::omission;
use minify_html_common::spec::tag::void::VOID_TAGS;
use minify_html_common::spec::tag::whitespace::{
    get_whitespace_minification_for_tag, WhitespaceMinification,
};

/// The list of tags is written once: the table's rows in this order, and [`index`], a
/// `match` (which compares a few bytes at a time, where a search of the list would call
/// `memcmp` for each name it passes) whose every arm is the tag's place, found when
/// compiling.
macro_rules! tags {
    ($($tag:literal),* $(,)?) => {
        /// The tags in the table, and the root (no parent, no sibling) as the empty name.
        const TAGS: &[&[u8]] = &[$($tag),*];

        /// A tag's place in [`TAGS`].
        fn index(name: &[u8]) -> Option<usize> {
            match name {
                $($tag => Some(const { place($tag) }),)*
                _ => None,
            }
        }
    };
}

/// Where `tag` is in [`TAGS`] (when compiling; a tag not there does not compile).
const fn place(tag: &[u8]) -> usize {
    let mut i = 0;
    while i < TAGS.len() {
        let t = TAGS[i];
        if t.len() == tag.len() {
            let mut k = 0;
            while k < t.len() && t[k] == tag[k] {
                k += 1;
            }
            if k == t.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("a tag of the match is in TAGS")
}

tags! {
    b"", b"a", b"abbr", b"address", b"article", b"aside", b"b", b"blockquote", b"body",
    b"br", b"button", b"caption", b"code", b"dd", b"del", b"details", b"dfn", b"div",
    b"dl", b"dt", b"em", b"fieldset", b"figcaption", b"figure", b"footer", b"form", b"h1",
    b"h2", b"h3", b"h4", b"h5", b"h6", b"head", b"header", b"hr", b"html", b"i", b"img",
    b"input", b"label", b"legend", b"li", b"link", b"main", b"meta", b"nav", b"ol",
    b"option", b"p", b"pre", b"section", b"select", b"small", b"span", b"strong",
    b"summary", b"table", b"tbody", b"td", b"textarea", b"th", b"thead", b"title", b"tr",
}
const COUNT: usize = TAGS.len();

struct Table {
    omit_before: [[bool; COUNT]; COUNT],
    omit_as_last: [[bool; COUNT]; COUNT],
    whitespace: [&'static WhitespaceMinification; COUNT],
    void: [bool; COUNT],
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(Table::new)
}

impl Table {
    /// minify-html-common's answers for every tag and pair of tags (made once, out of the
    /// way of the lookups).
    #[cold]
    fn new() -> Table {
        let each = |f: &dyn Fn(&'static [u8]) -> bool| -> [bool; COUNT] {
            std::array::from_fn(|i| f(TAGS[i]))
        };
        Table {
            omit_before: std::array::from_fn(|b| {
                each(&|after| omission::can_omit_as_before(TAGS[b], after))
            }),
            omit_as_last: std::array::from_fn(|p| {
                each(&|child| omission::can_omit_as_last_node(TAGS[p], child))
            }),
            whitespace: std::array::from_fn(|i| {
                get_whitespace_minification_for_tag(Namespace::Html, TAGS[i], false)
            }),
            void: each(&|tag| VOID_TAGS.contains(tag)),
        }
    }
}

/// `omission::can_omit_as_before`: whether the closing tag of `before` may be left out
/// when an element `after` follows it (`b""`: nothing follows).
pub fn can_omit_as_before(before: &[u8], after: &[u8]) -> bool {
    match (index(before), index(after)) {
        (Some(b), Some(a)) => table().omit_before[b][a],
        _ => omission::can_omit_as_before(before, after),
    }
}

/// `omission::can_omit_as_last_node`: whether the closing tag of `child` may be left out
/// when it is the last in `parent` (`b""`: the root).
pub fn can_omit_as_last_node(parent: &[u8], child: &[u8]) -> bool {
    match (index(parent), index(child)) {
        (Some(p), Some(c)) => table().omit_as_last[p][c],
        _ => omission::can_omit_as_last_node(parent, child),
    }
}

/// `get_whitespace_minification_for_tag` for an HTML element (`b""`: the root).
pub fn whitespace(tag: &[u8], descendant_of_pre: bool) -> &'static WhitespaceMinification {
    match index(tag) {
        Some(t) if !descendant_of_pre => table().whitespace[t],
        _ => get_whitespace_minification_for_tag(Namespace::Html, tag, descendant_of_pre),
    }
}

/// Whether `tag` is a void element (no content, no closing tag).
pub fn is_void(tag: &[u8]) -> bool {
    match index(tag) {
        Some(t) => table().void[t],
        None => VOID_TAGS.contains(tag),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_answers_as_minify_html_common_for_its_tags_and_others() {
        for (i, tag) in TAGS.iter().enumerate() {
            assert_eq!(index(tag), Some(i), "{}", String::from_utf8_lossy(tag));
        }
        let others: [&[u8]; 6] = [
            b"rt",
            b"rp",
            b"tfoot",
            b"optgroup",
            b"veiviser-shared",
            b"svg",
        ];
        let names: Vec<&[u8]> = TAGS.iter().chain(&others).copied().collect();
        for &a in &names {
            for &b in &names {
                assert_eq!(can_omit_as_before(a, b), omission::can_omit_as_before(a, b));
                assert_eq!(
                    can_omit_as_last_node(a, b),
                    omission::can_omit_as_last_node(a, b)
                );
            }
            for pre in [false, true] {
                let ours = whitespace(a, pre);
                let theirs = get_whitespace_minification_for_tag(Namespace::Html, a, pre);
                assert!(std::ptr::eq(ours, theirs), "{}", String::from_utf8_lossy(a));
            }
            assert_eq!(is_void(a), VOID_TAGS.contains(a));
        }
        // A few answers the quick minifier depends on, spelled out.
        assert!(can_omit_as_before(b"p", b"ul") && !can_omit_as_before(b"p", b"a"));
        assert!(can_omit_as_last_node(b"ul", b"li") && is_void(b"br") && !is_void(b"p"));
    }
}

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

/// The tags in the table, and the root (no parent, no sibling) as the empty name.
const TAGS: [&[u8]; 64] = [
    b"",
    b"a",
    b"abbr",
    b"address",
    b"article",
    b"aside",
    b"b",
    b"blockquote",
    b"body",
    b"br",
    b"button",
    b"caption",
    b"code",
    b"dd",
    b"del",
    b"details",
    b"dfn",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"header",
    b"hr",
    b"html",
    b"i",
    b"img",
    b"input",
    b"label",
    b"legend",
    b"li",
    b"link",
    b"main",
    b"meta",
    b"nav",
    b"ol",
    b"option",
    b"p",
    b"pre",
    b"section",
    b"select",
    b"small",
    b"span",
    b"strong",
    b"summary",
    b"table",
    b"tbody",
    b"td",
    b"textarea",
    b"th",
    b"thead",
    b"title",
    b"tr",
];
const COUNT: usize = TAGS.len();

/// A tag's place in [`TAGS`] (a `match`, which compares a few bytes at a time, where a
/// search of the list would call `memcmp` for each name it passes).
fn index(name: &[u8]) -> Option<usize> {
    Some(match name {
        b"" => 0,
        b"a" => 1,
        b"abbr" => 2,
        b"address" => 3,
        b"article" => 4,
        b"aside" => 5,
        b"b" => 6,
        b"blockquote" => 7,
        b"body" => 8,
        b"br" => 9,
        b"button" => 10,
        b"caption" => 11,
        b"code" => 12,
        b"dd" => 13,
        b"del" => 14,
        b"details" => 15,
        b"dfn" => 16,
        b"div" => 17,
        b"dl" => 18,
        b"dt" => 19,
        b"em" => 20,
        b"fieldset" => 21,
        b"figcaption" => 22,
        b"figure" => 23,
        b"footer" => 24,
        b"form" => 25,
        b"h1" => 26,
        b"h2" => 27,
        b"h3" => 28,
        b"h4" => 29,
        b"h5" => 30,
        b"h6" => 31,
        b"head" => 32,
        b"header" => 33,
        b"hr" => 34,
        b"html" => 35,
        b"i" => 36,
        b"img" => 37,
        b"input" => 38,
        b"label" => 39,
        b"legend" => 40,
        b"li" => 41,
        b"link" => 42,
        b"main" => 43,
        b"meta" => 44,
        b"nav" => 45,
        b"ol" => 46,
        b"option" => 47,
        b"p" => 48,
        b"pre" => 49,
        b"section" => 50,
        b"select" => 51,
        b"small" => 52,
        b"span" => 53,
        b"strong" => 54,
        b"summary" => 55,
        b"table" => 56,
        b"tbody" => 57,
        b"td" => 58,
        b"textarea" => 59,
        b"th" => 60,
        b"thead" => 61,
        b"title" => 62,
        b"tr" => 63,
        _ => return None,
    })
}

struct Table {
    omit_before: [[bool; COUNT]; COUNT],
    omit_as_last: [[bool; COUNT]; COUNT],
    whitespace: [&'static WhitespaceMinification; COUNT],
    void: [bool; COUNT],
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table {
        omit_before: TAGS
            .map(|before| TAGS.map(|after| omission::can_omit_as_before(before, after))),
        omit_as_last: TAGS
            .map(|parent| TAGS.map(|child| omission::can_omit_as_last_node(parent, child))),
        whitespace: TAGS
            .map(|tag| get_whitespace_minification_for_tag(Namespace::Html, tag, false)),
        void: TAGS.map(|tag| VOID_TAGS.contains(tag)),
    })
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

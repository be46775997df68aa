//! A quicker minifier for the HTML the standard theme and Markdown make, giving byte for
//! byte what minify-html-onepass gives.
//!
//! The one-pass minifier reads text one character at a time, asking for each whether it
//! begins a tag, a comment or a character reference, and minifying a page's own part
//! (mostly text) was the largest single cost of a build. This one follows the same rules
//! (which whitespace to drop, which closing tags to leave out, how to quote an attribute
//! value) with the same tables from minify-html-common, but copies text a run at a time.
//!
//! It takes only what it can minify exactly as the one-pass minifier does, and returns
//! `None` for anything else, which [`super::minify_joined`] then gives to that minifier:
//! a character reference other than `&amp;` and those Tera writes (`values::REFERENCES`),
//! `<?`, a `<` that does not begin a tag, upper case in a name, `script`, `style` and
//! `svg` (minified or namespaced their own way), a start tag that ends its parent by
//! HTML's rules for optional tags, a closing tag that does not match, a page that ends
//! inside an element or a comment, an attribute right after the tag's name where the
//! one-pass minifier writes over it, and nesting deeper than [`MAX_DEPTH`]. The fuzz
//! target `minifier` (`crate::fuzzing::minifier`) and the tests in `quick_tests.rs`
//! compare both on whatever this one takes.

use minify_html_common::gen::attrs::ATTRS;
use minify_html_common::gen::codepoints::{
    Lookup, ATTR_QUOTE, NOT_UNQUOTED_ATTR_VAL_CHAR as NOT_UNQUOTED_VALUE, TAG_NAME_CHAR,
    WHATWG_ATTR_NAME_CHAR, WHITESPACE,
};
use minify_html_common::spec::tag::ns::Namespace;

use super::tags::{can_omit_as_before, can_omit_as_last_node, is_void, whitespace};

use super::values::{decode_references, reference, value};

/// Deeper nesting is left to the one-pass minifier (which recurses as this one does).
const MAX_DEPTH: usize = 64;

/// `html` minified as `minify_html_onepass::truncate` minifies it, with the attributes
/// made to conform as [`super::conform_attributes`] makes them (written so at once rather
/// than read again), or `None` where this minifier does not know it would give the same.
pub fn minify(html: &[u8]) -> Option<Vec<u8>> {
    let mut minifier = Minifier {
        html,
        at: 0,
        out: Vec::with_capacity(html.len()),
        depth: 0,
        conformed: 0,
        in_raw_text: false,
    };
    minifier.content(b"", false)?;
    // A closing tag at the top: the one-pass minifier refuses the text.
    (minifier.at == html.len()).then_some(minifier.out)
}

struct Minifier<'h> {
    html: &'h [u8],
    /// The next byte to read.
    at: usize,
    out: Vec<u8>,
    depth: usize,
    /// Bytes written to make the attributes conform (see [`super::conform_attributes`])
    /// that the one-pass minifier does not write.
    conformed: usize,
    /// Whether the minifier is inside a `title` or `textarea`: their text is not markup to
    /// a browser, and `conform_attributes` leaves what looks like a tag there, up to the
    /// first closing tag of the kind. Such a tag is left to the one-pass minifier.
    in_raw_text: bool,
}

/// What comes next in an element's content.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Next {
    Tag,
    /// A closing tag, or the end of the text.
    End,
    Text,
}

/// What was last written in an element's content.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Tag,
    Text,
}

/// How an attribute was written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Written {
    Quoted,
    Unquoted,
    NoValue,
}

impl<'h> Minifier<'h> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.html.get(at).copied()
    }

    /// How many bytes from `at` are in `lookup`.
    fn run(&self, at: usize, lookup: &Lookup) -> usize {
        self.html[at..].iter().take_while(|&&c| lookup[c]).count()
    }

    /// What the content goes on with; `None` for what this minifier leaves alone.
    fn next(&self) -> Option<Next> {
        match self.byte(self.at) {
            None => Some(Next::End),
            Some(b'<') => match self.byte(self.at + 1) {
                Some(b'/') => Some(Next::End),
                Some(c) if c.is_ascii_lowercase() => Some(Next::Tag),
                // A comment, `<!`, `<?`, upper case, or a `<` of the text.
                _ => None,
            },
            Some(b'&') => reference(self.html, self.at).map(|_| Next::Text),
            Some(_) => Some(Next::Text),
        }
    }

    /// A tag name (or an attribute's, by `lookup`) at `at`: `None` if it has upper case.
    fn name(&self, at: usize, lookup: &Lookup) -> Option<&'h [u8]> {
        let html: &'h [u8] = self.html;
        let name = &html[at..at + self.run(at, lookup)];
        (!name.iter().any(u8::is_ascii_uppercase)).then_some(name)
    }

    fn write_closing(&mut self, name: &[u8]) {
        self.out.extend_from_slice(b"</");
        self.out.extend_from_slice(name);
        self.out.push(b'>');
    }

    /// The content of the element `parent` (`b""` at the top), up to its closing tag (not
    /// read) or the end of the text.
    fn content(&mut self, parent: &'h [u8], descendant_of_pre: bool) -> Option<()> {
        let ws = whitespace(parent, descendant_of_pre);
        let handle_ws = ws.collapse || ws.destroy_whole || ws.trim;
        // Every table of minify-html-common collapses where it drops whitespace at all;
        // `text` relies on it.
        if handle_ws != ws.collapse {
            return None;
        }
        let mut last = Last::Start;
        let mut ws_skipped = false;
        // The closing tag of the element just before, written only if what follows needs it.
        let mut prev_closing: Option<&'h [u8]> = None;
        loop {
            // Comments are dropped and `<!…>` kept as it is, deciding nothing about what is
            // around them.
            if self.html[self.at..].starts_with(b"<!") {
                self.comment_or_bang()?;
                continue;
            }
            let next = self.next()?;
            if handle_ws {
                if next == Next::Text && WHITESPACE[self.html[self.at]] {
                    self.at += self.run(self.at, WHITESPACE);
                    ws_skipped = true;
                    continue;
                }
                if ws_skipped {
                    let between_tags = ws.destroy_whole && last == Last::Tag && next == Next::Tag;
                    let at_an_edge = ws.trim && (last == Last::Start || next == Next::End);
                    if !between_tags && !at_an_edge {
                        // Collapsed to one space.
                        if let Some(prev) = prev_closing.take() {
                            self.write_closing(prev);
                        }
                        self.out.push(b' ');
                    }
                    ws_skipped = false;
                }
            }
            match next {
                Next::Tag => {
                    let name = self.name(self.at + 1, TAG_NAME_CHAR)?;
                    // The tag ends `parent` (a `<p>` in a `<p>`).
                    if can_omit_as_before(parent, name) {
                        return None;
                    }
                    let pre = descendant_of_pre || parent == b"pre";
                    prev_closing = self.element(name, pre, prev_closing)?;
                }
                Next::End => {
                    if let Some(prev) = prev_closing {
                        if !can_omit_as_last_node(parent, prev) {
                            self.write_closing(prev);
                        }
                    }
                    return Some(());
                }
                Next::Text => {
                    if let Some(prev) = prev_closing.take() {
                        self.write_closing(prev);
                    }
                    self.text(handle_ws);
                }
            }
            last = match next {
                Next::Tag => Last::Tag,
                _ => Last::Text,
            };
        }
    }

    /// The comment (dropped) or `<!…>` (kept) at `self.at`, read past; `None` if it does
    /// not end.
    fn comment_or_bang(&mut self) -> Option<()> {
        let html = self.html;
        if html[self.at..].starts_with(b"<!--") {
            let end = memchr::memmem::find(&html[self.at + 4..], b"-->")?;
            self.at += 4 + end + 3;
        } else {
            let end = memchr::memchr(b'>', &html[self.at..])?;
            self.out.extend_from_slice(&html[self.at..=self.at + end]);
            self.at += end + 1;
        }
        Some(())
    }

    /// Text up to a `<`, a `&`, the end, or (when whitespace is handled) whitespace that
    /// is not between two words of it: whitespace between words is one space, as the
    /// one-pass minifier writes it, and leaves nothing else to decide.
    fn text(&mut self, handle_ws: bool) {
        let html = self.html;
        let mut at = self.at;
        loop {
            let start = at;
            at += if handle_ws {
                // Most of a text: what it keeps, and the single spaces between its words.
                crate::bytes::kept_len::<crate::bytes::HtmlText>(&html[at..])
            } else {
                memchr::memchr2(b'<', b'&', &html[at..]).unwrap_or(html.len() - at)
            };
            self.out.extend_from_slice(&html[start..at]);
            if let Some((character, len)) = reference(html, at) {
                self.out.extend_from_slice(character);
                at += len;
                continue;
            }
            if at < html.len() && handle_ws && WHITESPACE[html[at]] {
                let end = at + self.run(at, WHITESPACE);
                if html.get(end).is_some_and(|&c| c != b'<')
                    && (html[end] != b'&' || reference(html, end).is_some())
                {
                    self.out.push(b' ');
                    at = end;
                    continue;
                }
            }
            break;
        }
        self.at = at;
    }

    /// The element whose start tag is at `self.at`, named `name`; the closing tag it leaves
    /// to what follows (written only if that needs it). Its parent decides whether the
    /// closing tag may be left out only when the text ends or another closing tag comes
    /// first, which is left to the one-pass minifier.
    fn element(
        &mut self,
        name: &'h [u8],
        descendant_of_pre: bool,
        prev_closing: Option<&'h [u8]>,
    ) -> Option<Option<&'h [u8]>> {
        if matches!(name, b"script" | b"style" | b"svg") || self.in_raw_text {
            return None;
        }
        if let Some(prev) = prev_closing {
            if !can_omit_as_before(prev, name) {
                self.write_closing(prev);
            }
        }
        self.out.push(b'<');
        self.out.extend_from_slice(name);
        self.at += 1 + name.len();
        let self_closing = self.attributes(name)?;
        let raw_text = matches!(name, b"title" | b"textarea");
        if self_closing && raw_text {
            // `<title/>` still opens a title, whose text runs to its closing tag.
            return None;
        }
        if self_closing || is_void(name) {
            return Some(None);
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.in_raw_text = raw_text;
        self.content(name, descendant_of_pre)?;
        self.in_raw_text = false;
        self.depth -= 1;
        // The end of the text inside an element, or another closing tag.
        if !self.html[self.at..].starts_with(b"</") {
            return None;
        }
        let closing = self.name(self.at + 2, TAG_NAME_CHAR)?;
        if closing != name {
            return None;
        }
        self.at += 2 + name.len();
        self.at += self.run(self.at, WHITESPACE);
        if self.byte(self.at) != Some(b'>') {
            return None;
        }
        self.at += 1;
        Some(Some(name))
    }

    /// The attributes of a start tag whose name was just read, up to and with its `>`;
    /// whether it ended with `/>`.
    fn attributes(&mut self, tag: &'h [u8]) -> Option<bool> {
        let mut last: Option<Written> = None;
        loop {
            self.at += self.run(self.at, WHITESPACE);
            match &self.html[self.at..] {
                [b'>', ..] => {
                    self.out.push(b'>');
                    self.at += 1;
                    return Some(false);
                }
                [b'/', b'>', ..] => {
                    self.at += 2;
                    if is_void(tag) {
                        self.out.push(b'>');
                    } else {
                        if last == Some(Written::Unquoted) {
                            // Or the `/` would be part of the value.
                            self.out.push(b' ');
                        }
                        self.out.extend_from_slice(b"/>");
                    }
                    return Some(true);
                }
                [] => return None,
                _ => {}
            }
            let attribute_start = self.out.len();
            let conformed = self.conformed;
            if last != Some(Written::Quoted) {
                // The one-pass minifier writes this space in place: where it has written as
                // much as it has read (a name right after the tag's, nothing minified before
                // it), the space takes the place of the name's first byte, and it refuses
                // the text.
                if self.out.len() - self.conformed == self.at {
                    return None;
                }
            } else {
                // It leaves the space out after a quoted value; the standard wants one.
                self.conformed += 1;
            }
            self.out.push(b' ');
            let name = self.name(self.at, WHATWG_ATTR_NAME_CHAR)?;
            if name.is_empty() {
                return None;
            }
            self.out.extend_from_slice(name);
            self.at += name.len();
            let minification = ATTRS.get(Namespace::Html, tag, name);
            self.at += self.run(self.at, WHITESPACE);
            let (written, value) = if self.byte(self.at) == Some(b'=') {
                self.at += 1;
                self.at += self.run(self.at, WHITESPACE);
                let (raw, raw_at) = self.raw_value()?;
                let raw = decode_references(self.html, raw, raw_at)?;
                if minification.is_some_and(|m| m.boolean) {
                    (Written::NoValue, None)
                } else {
                    let collapse = minification.is_some_and(|m| m.collapse && m.trim);
                    match value(&raw, collapse)? {
                        None => (Written::NoValue, None),
                        Some((written, value)) => {
                            let start = self.out.len() + 1;
                            self.out.push(b'=');
                            self.out.extend_from_slice(&value);
                            (written, Some(start))
                        }
                    }
                }
            } else {
                (Written::NoValue, None)
            };
            let erase = match (value, minification) {
                (None, Some(m)) => m.redundant_if_empty,
                (Some(start), Some(m)) => m.default_value == Some(&self.out[start..]),
                _ => false,
            };
            if erase {
                self.out.truncate(attribute_start);
                self.conformed = conformed;
            } else {
                if let (Written::Unquoted, Some(start)) = (written, value) {
                    self.quote_if_not_allowed_unquoted(start);
                }
                last = Some(written);
            }
        }
    }

    /// The unquoted value written from `start` on, in double quotes if the standard does
    /// not allow it unquoted, as [`super::conform_attributes`] puts it.
    fn quote_if_not_allowed_unquoted(&mut self, start: usize) {
        let not_allowed = |c: &u8| matches!(c, b'"' | b'\'' | b'=' | b'<' | b'`');
        if !self.out[start..].iter().any(not_allowed) {
            return;
        }
        let value = self.out.split_off(start);
        let before = self.out.len();
        self.out.push(b'"');
        for &c in &value {
            if c == b'"' {
                self.out.extend_from_slice(b"&#34;");
            } else {
                self.out.push(c);
            }
        }
        self.out.push(b'"');
        self.conformed += self.out.len() - before - value.len();
    }

    /// The attribute value at `self.at` as written (without its quotes) and where it
    /// begins, read past.
    fn raw_value(&mut self) -> Option<(&'h [u8], usize)> {
        let html: &'h [u8] = self.html;
        let (start, len, quotes) = match self.byte(self.at) {
            Some(quote) if ATTR_QUOTE[quote] => {
                (self.at + 1, memchr::memchr(quote, &html[self.at + 1..])?, 2)
            }
            _ => {
                let len = html[self.at..]
                    .iter()
                    .take_while(|&&c| !NOT_UNQUOTED_VALUE[c])
                    .count();
                (self.at, len, 0)
            }
        };
        self.at = start + len + quotes / 2;
        Some((&html[start..start + len], start))
    }
}

/// Whether [`minify`] takes `html` (`Ok(true)`) and then gives what minify-html-onepass
/// gives; `Err` says how they differ. For the fuzz target and the tests.
pub fn agrees_with_one_pass(html: &[u8]) -> Result<bool, String> {
    let Some(quickly) = minify(html) else {
        return Ok(false);
    };
    let mut one_pass = html.to_vec();
    let cfg = minify_html_onepass::Cfg {
        minify_js: false,
        minify_css: true,
    };
    // It panics on some attribute values (`super::minify_in_one_pass`): there is nothing
    // to compare.
    let minified = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        minify_html_onepass::truncate(&mut one_pass, &cfg)
    }));
    let Ok(minified) = minified else {
        return Ok(true);
    };
    // The build makes the one-pass minifier's output conform; the quick one writes it so.
    let one_pass = match minified {
        Ok(()) => Ok(super::conform_attributes(one_pass)),
        Err(e) => Err(e),
    };
    match one_pass {
        Ok(one_pass) if one_pass == quickly => Ok(true),
        Ok(one_pass) => Err(format!(
            "quickly: {}\none pass: {}",
            String::from_utf8_lossy(&quickly),
            String::from_utf8_lossy(&one_pass)
        )),
        Err(e) => Err(format!(
            "the one-pass minifier refuses it ({e:?}), the quick one gave {}",
            String::from_utf8_lossy(&quickly)
        )),
    }
}

#[cfg(test)]
#[path = "quick_tests.rs"]
mod tests;

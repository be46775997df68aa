//! A quicker reader for the markup the build writes: minified, names in lower case, no
//! odd constructs. It finds tags with `memchr` instead of going through the WHATWG
//! tokenizer's states character by character, and hands what it finds to the same
//! [`CollectorState`] as html5gum's emitter, so both read a page into the same [`Found`].
//!
//! It reads only what it is sure to read as the tokenizer does, and gives up on anything
//! else (`None`): then html5gum reads the page. It gives up on a carriage return or NUL
//! anywhere, upper case in a name, a `/` or `=` where an attribute name starts, an end tag
//! with attributes, a comment that ends early (`<!-->`, `--!>`), `<!` other than a comment
//! or doctype, `<?`, `</` not followed by a letter, a character reference in the text of a
//! link, text an `<a>` reads inside raw text, `<!--` in a script, a page that ends inside
//! markup, and anything that is not UTF-8 where it is kept. A character reference in an
//! attribute value it keeps is decoded by html5gum itself. A `&` that cannot begin one is
//! text. `fuzzing::link_reader` (a fuzz target) and the tests hold
//! the two readers to the same result.

use html5gum::State;
use memchr::{memchr, memchr2, memmem};

use super::html::{tokenize, Attr, CollectorState, Found, Texts};

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b' ')
}

/// Whether `b` ends a tag's name (and an end tag's name after raw text).
fn ends_tag_name(b: u8) -> bool {
    is_space(b) || b == b'/' || b == b'>'
}

/// `html`'s links, ids and `<base href>`, or `None` if it holds markup this reader leaves
/// to html5gum.
pub(super) fn scan(html: &[u8], texts: Texts) -> Option<Found> {
    if memchr2(b'\r', b'\0', html).is_some() {
        return None;
    }
    let mut reader = Reader {
        html,
        state: CollectorState::reading(texts),
        names: Vec::new(),
        attrs: Vec::new(),
    };
    reader.read()?;
    reader.state.close_a();
    Some(reader.state.found)
}

struct Reader<'h> {
    html: &'h [u8],
    state: CollectorState,
    /// Attribute names of the tag being read, to leave out a repeated one.
    names: Vec<&'h [u8]>,
    attrs: Vec<(Attr, String)>,
}

impl<'h> Reader<'h> {
    fn read(&mut self) -> Option<()> {
        let html = self.html;
        // Where the text not yet handed over starts, and where to look for the next `<`.
        let (mut text, mut at) = (0, 0);
        loop {
            let Some(lt) = memchr(b'<', &html[at..]).map(|i| at + i) else {
                return self.text(&html[text..]);
            };
            let next = match html.get(lt + 1) {
                Some(&b) if b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?') => b,
                // A `<` that opens nothing is text.
                _ => {
                    at = lt + 1;
                    continue;
                }
            };
            self.text(&html[text..lt])?;
            at = match next {
                b'/' => self.end_tag(lt + 2)?,
                b'!' => self.markup_declaration(lt + 2)?,
                b'?' => return None,
                _ => self.start_tag(lt + 1)?,
            };
            text = at;
        }
    }

    /// Text between tags: only an open `<a>`'s is kept.
    fn text(&mut self, text: &[u8]) -> Option<()> {
        if self.state.open_a.is_some() && !text.is_empty() && self.state.texts == Texts::Read {
            if !ampersands_are_literal(text) {
                return None;
            }
            self.state.text(std::str::from_utf8(text).ok()?);
        }
        Some(())
    }

    /// The name of a tag or attribute starting at `at`, up to one of `ends` (a page that
    /// ends first, or upper case, is left to html5gum).
    fn name(&self, at: usize, ends: impl Fn(u8) -> bool) -> Option<(&'h [u8], usize)> {
        let html = self.html;
        let len = html[at..].iter().position(|&b| ends(b))?;
        let name = &html[at..at + len];
        if name.iter().any(u8::is_ascii_uppercase) {
            return None;
        }
        Some((name, at + len))
    }

    fn skip_space(&self, mut at: usize) -> usize {
        while self.html.get(at).is_some_and(|&b| is_space(b)) {
            at += 1;
        }
        at
    }

    /// `</name>` from just after `</`; where the text after it starts.
    fn end_tag(&mut self, at: usize) -> Option<usize> {
        if !self.html.get(at)?.is_ascii_alphabetic() {
            return None;
        }
        let (name, end) = self.name(at, ends_tag_name)?;
        let end = self.skip_space(end);
        if self.html.get(end) != Some(&b'>') {
            return None;
        }
        self.state.end_tag(name);
        Some(end + 1)
    }

    /// A comment or doctype, from just after `<!`; where the text after it starts.
    fn markup_declaration(&mut self, at: usize) -> Option<usize> {
        let html = self.html;
        let rest = &html[at..];
        if let Some(body) = rest.strip_prefix(b"--") {
            if body.starts_with(b">") || body.starts_with(b"->") {
                return None;
            }
            let end = memmem::find(body, b"-->")?;
            if memmem::find(&body[..end], b"--!").is_some() {
                return None;
            }
            return Some(at + 2 + end + 3);
        }
        if rest.get(..7)?.eq_ignore_ascii_case(b"doctype") {
            let end = memchr(b'>', rest)?;
            if rest[..end].iter().any(|&b| b == b'"' || b == b'\'') {
                return None;
            }
            return Some(at + end + 1);
        }
        None
    }

    /// A start tag from its name; where the text after it starts.
    fn start_tag(&mut self, at: usize) -> Option<usize> {
        let html = self.html;
        let (name, mut at) = self.name(at, ends_tag_name)?;
        self.names.clear();
        self.attrs.clear();
        let self_closing = loop {
            at = self.skip_space(at);
            match *html.get(at)? {
                b'>' => {
                    at += 1;
                    break false;
                }
                b'/' if html.get(at + 1) == Some(&b'>') => {
                    at += 2;
                    break true;
                }
                b'/' | b'=' => return None,
                _ => at = self.attribute(name, at)?,
            }
        };
        let next = self
            .state
            .start_tag(name, self.attrs.drain(..), self_closing);
        match next {
            None => Some(at),
            Some(State::ScriptData) => self.raw_text(name, at, true),
            Some(State::RawText | State::RcData) => self.raw_text(name, at, false),
            Some(_) => None,
        }
    }

    /// An attribute from its name; where what follows it starts.
    fn attribute(&mut self, element: &[u8], at: usize) -> Option<usize> {
        let html = self.html;
        let (name, at) = self.name(at, |b| ends_tag_name(b) || b == b'=')?;
        let mut at = self.skip_space(at);
        let mut value: &[u8] = b"";
        let mut quote = None;
        if html.get(at) == Some(&b'=') {
            at = self.skip_space(at + 1);
            match *html.get(at)? {
                q @ (b'"' | b'\'') => {
                    let len = memchr(q, &html[at + 1..])?;
                    value = &html[at + 1..at + 1 + len];
                    quote = Some(q);
                    at += len + 2;
                }
                b'>' => return None,
                _ => {
                    let len = html[at..].iter().position(|&b| is_space(b) || b == b'>')?;
                    // `"`, `'`, `<`, `=` and `` ` `` are errors that are kept as text.
                    value = &html[at..at + len];
                    at += len;
                }
            }
        }
        let repeated = self.names.contains(&name);
        self.names.push(name);
        if repeated {
            return Some(at);
        }
        if let Some(attr) = Attr::of(element, name) {
            let value = if !ampersands_are_literal(value) {
                decode_value(value, quote)
            } else {
                std::str::from_utf8(value).ok()?.to_owned()
            };
            self.attrs.push((attr, value));
        }
        Some(at)
    }

    /// The text of `<script>` (`script`), `<style>`, `<title>`, … up to its end tag, which
    /// is left to read as a tag.
    fn raw_text(&self, name: &[u8], at: usize, script: bool) -> Option<usize> {
        if self.state.open_a.is_some() {
            return None;
        }
        let html = self.html;
        let mut from = at;
        let end = loop {
            let lt = from + memmem::find(&html[from..], b"</")?;
            let after = lt + 2;
            let candidate = html.get(after..after + name.len())?;
            let delimited = html
                .get(after + name.len())
                .is_some_and(|&b| ends_tag_name(b));
            if candidate.eq_ignore_ascii_case(name) && delimited {
                break lt;
            }
            from = after;
        };
        if script && memmem::find(&html[at..end], b"<!--").is_some() {
            return None;
        }
        Some(end)
    }
}

/// Character references that may stand without a `;` (the WHATWG's legacy ones): only
/// these can be read in `&` followed by letters and digits that are not followed by `;`.
const LEGACY_REFERENCES: [&[u8]; 106] = [
    b"AElig", b"AMP", b"Aacute", b"Acirc", b"Agrave", b"Aring", b"Atilde", b"Auml", b"COPY",
    b"Ccedil", b"ETH", b"Eacute", b"Ecirc", b"Egrave", b"Euml", b"GT", b"Iacute", b"Icirc",
    b"Igrave", b"Iuml", b"LT", b"Ntilde", b"Oacute", b"Ocirc", b"Ograve", b"Oslash", b"Otilde",
    b"Ouml", b"QUOT", b"REG", b"THORN", b"Uacute", b"Ucirc", b"Ugrave", b"Uuml", b"Yacute",
    b"aacute", b"acirc", b"acute", b"aelig", b"agrave", b"amp", b"aring", b"atilde", b"auml",
    b"brvbar", b"ccedil", b"cedil", b"cent", b"copy", b"curren", b"deg", b"divide", b"eacute",
    b"ecirc", b"egrave", b"eth", b"euml", b"frac12", b"frac14", b"frac34", b"gt", b"iacute",
    b"icirc", b"iexcl", b"igrave", b"iquest", b"iuml", b"laquo", b"lt", b"macr", b"micro",
    b"middot", b"nbsp", b"not", b"ntilde", b"oacute", b"ocirc", b"ograve", b"ordf", b"ordm",
    b"oslash", b"otilde", b"ouml", b"para", b"plusmn", b"pound", b"quot", b"raquo", b"reg",
    b"sect", b"shy", b"sup1", b"sup2", b"sup3", b"szlig", b"thorn", b"times", b"uacute", b"ucirc",
    b"ugrave", b"uml", b"uuml", b"yacute", b"yen", b"yuml",
];

/// Whether every `&` in `text` (text or an attribute value, ended by what cannot continue
/// a reference) stands for itself: not followed by `#`, nor by letters and digits that end
/// in `;` or begin with a reference that needs no `;`. (`&body=` in a `mailto:` link.)
fn ampersands_are_literal(text: &[u8]) -> bool {
    let mut rest = text;
    while let Some(i) = memchr(b'&', rest) {
        rest = &rest[i + 1..];
        let word = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if rest.first() == Some(&b'#')
            || (word > 0 && rest.get(word) == Some(&b';'))
            || LEGACY_REFERENCES
                .iter()
                // The first byte first: the mailto links of every page have `&body=`.
                .any(|r| rest.first() == r.first() && rest[..word].starts_with(r))
        {
            return false;
        }
    }
    true
}

/// An attribute value with character references, decoded by html5gum as the value of an
/// `href` quoted the same way: references in values follow their own rules (`&amp` before
/// `=` stays as it is).
fn decode_value(value: &[u8], quote: Option<u8>) -> String {
    let q: &[u8] = quote.as_ref().map_or(b"", std::slice::from_ref);
    let page = [b"<a href=", q, value, q, b">"].concat();
    tokenize(&page, Texts::Left)
        .links
        .pop()
        .map(|link| link.url)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::html::{quick_reader_agrees, tokenize, Texts};
    use super::scan;

    #[test]
    fn minified_pages_are_read_quickly_and_as_html5gum_reads_them() {
        for parts in [0, 20, 40] {
            let page = super::super::bench::synthetic_page("k1", "en/", 3, 30, parts);
            assert!(quick_reader_agrees(page.as_bytes()), "{page}");
        }
    }

    #[test]
    fn tricky_markup_reads_the_same_with_both_readers() {
        for html in [
            "<a href=\"/s?a=1&amp;b=2\">A</a><a href='&#47;x&#x2F;'>B</a><img src=/c&amp;d.png>",
            "<a href=mailto:x@y.example?subject=Hei&body=Side%3A%20x>Skriv</a>",
            "<a href=/x>Barn & unge &x1 &= &&; &</a><a href=\"?a&b;c\">&x</a>",
            "<a href=\"?a=1&amp=2&copy=3&notit;&amp\">x</a>",
            "a < b <a href=/x>1 < 2 <3</a> <",
            "<a href=/x>x<!-- c -->y<!---->z<!-- a---> w</a><a href=/y>",
            "<!-- <!--> <a href=/etter-kommentar>",
            "<style>a</styles><a href=/nei></style><a href=/ja>",
            "<title>x</titles></title><a href=/t>T</a><textarea><a href=/nei></textarea>",
            "<svg><style><a href=/i-svg>s</a></style><title/></svg><math><title>",
            "<br/><a href=/x/>x</a><a href=/y/ />",
            "<a href=x id=a id=b href=y name=n>",
            "<a href=\"x\"id=y>t</a><a hidden href = z >u</a>",
            "<a aria-label=\"Lukk meny\" href=/m><svg></svg></a><a href=/l><img alt=Logo src=/l.png></a>",
            "<base href=/b/><base href=/c/><a href=d>",
            "<img srcset=\"/a.png 1x, /b.png 2x\" src=/a.png><source srcset=/c.png>",
            "<!DOCTYPE html><html lang=nb><a href=/æøå/ id=søk>Åpne søknad ✓ بحث</a>",
            "<p class=\"a>b\" data-x='c\"d'>tekst</p><a href=/q>q</a><a href=a\"b'c<d=e`f>",
            "<script>let a = '</scrip'; x</script ><a href=/s>",
            "<a href=/x>\u{a0}mellom\u{2003}rom\t\n\x0cher</a>",
        ] {
            assert!(quick_reader_agrees(html.as_bytes()), "left to html5gum: {html}");
        }
    }

    /// Every reference that needs no `;`, followed by what decides whether it is one, in
    /// a value and in a link's text (and a prefix of it, and a longer word).
    #[test]
    fn ampersands_read_as_html5gum_reads_them() {
        for name in super::LEGACY_REFERENCES {
            let name = std::str::from_utf8(name).unwrap();
            let short = &name[..name.len() - 1];
            for word in [name, short, &format!("{name}x")] {
                for after in ["", "=", "x", ";", " ", "#", "&"] {
                    for html in [
                        format!("<a href=\"?a=1&{word}{after}\">t</a>"),
                        format!("<a href=?a=1&{word}{after}>t</a>"),
                        format!("<a href=/x>&{word}{after}</a>"),
                    ] {
                        quick_reader_agrees(html.as_bytes());
                    }
                }
            }
        }
        // The feedback link of every page is read without html5gum.
        assert!(quick_reader_agrees(
            b"<a href=\"mailto:a@b.example?subject=Hei&body=Side\">Skriv</a>"
        ));
    }

    #[test]
    fn odd_markup_is_left_to_html5gum() {
        for html in [
            &b"<a href=/x>a\rb</a>"[..],
            b"<a href=/x>a\0b</a>",
            b"<A HREF=/x>",
            b"<a / href=/x>",
            b"<a =x href=/y>",
            b"</a x=y>",
            b"<title>x</TITLE>",
            b"<textarea>x</textarea x=y>",
            b"</ a>",
            b"</>",
            b"<!-->",
            b"<!--->",
            b"<!-- a --!> <a href=/x> -->",
            b"<![CDATA[<a href=/x>]]>",
            b"<!x>",
            b"<?xml version=1?>",
            b"<!doctype html system \"about:legacy-compat\">",
            b"<a href=/x>a &amp; b</a>",
            b"<a href=/x>a &copy b</a>",
            b"<a href=/x>a &#38; b</a>",
            b"<a href=/x>&notit;</a>",
            b"<a href=/x><script>s</script></a>",
            b"<script><!-- </script><a href=/x>",
            b"<a href=/x",
            b"<a href=\"/x",
            b"<a href=/x>x<!-- y",
            b"<style>x",
            b"<a href=>",
            b"<plaintext><a href=/x>",
            b"<a href=/\xff>",
            b"<a href=/x>\xff</a>",
        ] {
            assert!(
                scan(html, Texts::Read).is_none(),
                "read quickly: {}",
                String::from_utf8_lossy(html)
            );
            // html5gum still reads it.
            let _ = tokenize(html, Texts::Read);
        }
    }
}

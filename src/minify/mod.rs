//! Minifying a rendered page.
//!
//! By [`quick`] where it can (the theme's pages and Markdown's text, 1.6 to 1.8 times as
//! fast on the demo's parts), else in one pass, by minify-html-onepass: both take only
//! well-formed HTML (every element opened, closing tags that match), which the standard
//! theme and sanitized Markdown always are, and the one-pass one is about twice as fast as
//! minify-html, which builds a tree first. What it refuses, such as a project's own
//! template with a stray closing tag, is minified by minify-html, which takes any HTML the
//! way a browser does.
//!
//! The one-pass minifier writes two things that browsers read as meant but the HTML
//! standard calls parse errors (and the Nu checker reports): no space after a quoted
//! attribute value before the next attribute, and `=`, `'` or `` ` `` in an unquoted value
//! (a `mailto:` link's `?subject=…`). [`conform_attributes`] puts the space back and
//! quotes such values.

use std::sync::atomic::{AtomicUsize, Ordering};

pub mod quick;
pub(crate) mod tags;
mod values;

/// How many texts [`minify_html`] minified quickly, in one pass, and by the lenient
/// minifier (`VEIVISER_TIMINGS` shows them: the standard theme should need the lenient one
/// for none).
pub static MINIFIED_QUICKLY: AtomicUsize = AtomicUsize::new(0);
pub static MINIFIED_IN_ONE_PASS: AtomicUsize = AtomicUsize::new(0);
pub static MINIFIED_LENIENTLY: AtomicUsize = AtomicUsize::new(0);
/// How many bytes [`minify_html`] was given, and how many it wrote.
pub static MINIFIED_BYTES_IN: AtomicUsize = AtomicUsize::new(0);
pub static MINIFIED_BYTES_OUT: AtomicUsize = AtomicUsize::new(0);

/// Minify a rendered HTML page (or a run of whole elements of one).
pub fn minify_html(html: &str) -> Vec<u8> {
    minify_joined(&[html])
}

/// [`minify_html`] of the texts one after the other, copied once (the one-pass minifier
/// works in place, so it needs a copy anyway).
pub fn minify_joined(texts: &[&str]) -> Vec<u8> {
    let bytes = texts.concat().into_bytes();
    MINIFIED_BYTES_IN.fetch_add(bytes.len(), Ordering::Relaxed);
    let minified = match quick_enabled().then(|| quick::minify(&bytes)).flatten() {
        Some(quickly) => {
            MINIFIED_QUICKLY.fetch_add(1, Ordering::Relaxed);
            quickly
        }
        None => {
            MINIFIED_IN_ONE_PASS.fetch_add(1, Ordering::Relaxed);
            minify_in_one_pass(bytes, texts)
        }
    };
    MINIFIED_BYTES_OUT.fetch_add(minified.len(), Ordering::Relaxed);
    minified
}

/// Whether [`quick`] is used: not with `VEIVISER_MINIFY_ONE_PASS` set, for the test that
/// compares the output both ways.
fn quick_enabled() -> bool {
    static ENABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os("VEIVISER_MINIFY_ONE_PASS").is_none())
}

/// `bytes` (the texts joined) minified by minify-html-onepass, or the lenient minifier
/// where it refuses them.
pub(crate) fn minify_in_one_pass(mut bytes: Vec<u8>, texts: &[&str]) -> Vec<u8> {
    let onepass = minify_html_onepass::Cfg {
        minify_js: false,
        minify_css: true,
    };
    // It panics on some attribute values (one that it writes unquoted and that ends with a
    // character it writes as a reference, such as a link title `"'"'>`): those go to the
    // lenient minifier too. `quiet_one_pass_panics` keeps the panic's message out of the
    // terminal.
    let minified = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        minify_html_onepass::truncate(&mut bytes, &onepass)
    }));
    match minified {
        Ok(Ok(())) => conform_attributes(bytes),
        _ => {
            // The copy was written over in place: join the texts again.
            MINIFIED_LENIENTLY.fetch_add(1, Ordering::Relaxed);
            minify_html_lenient(&texts.concat())
        }
    }
}

/// Leave out of the terminal the message of a panic in minify-html-onepass, which
/// [`minify_in_one_pass`] catches; any other panic is shown as before. Installed once, by
/// the command line.
pub fn quiet_one_pass_panics() {
    let shown = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_one_pass = info
            .location()
            .is_some_and(|l| l.file().contains("minify-html-onepass"));
        if !in_one_pass {
            shown(info);
        }
    }));
}

/// [`minify_html`] for HTML that is not well-formed.
fn minify_html_lenient(html: &str) -> Vec<u8> {
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg.minify_css = true;
    cfg.minify_js = false;
    minify_html::minify(html.as_bytes(), &cfg)
}

/// Elements whose text is not markup: after their start tag, nothing is a tag until their
/// end tag.
const RAW_TEXT: [&[u8]; 4] = [b"script", b"style", b"textarea", b"title"];

/// Minified HTML with a space between every two attributes and every attribute value that
/// the standard does not allow unquoted put in double quotes. Everything else is left as
/// it is: in minified text every `<` followed by a letter starts a tag (the minifier
/// writes a `<` of the text as a character reference there).
fn conform_attributes(html: Vec<u8>) -> Vec<u8> {
    let mut fixed = Fixed::new(&html);
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &html[at..]).map(|i| at + i) {
        at = lt + 1;
        // The doctype, or markup the minifier kept as it was (`<![CDATA[…`): up to the next
        // `>` it is one piece of text to the browser, even where it looks like a tag.
        if html.get(at) == Some(&b'!') {
            at = memchr::memchr(b'>', &html[at..]).map_or(html.len(), |i| at + i + 1);
            continue;
        }
        // An end tag: nothing to change.
        if html.get(at).is_some_and(u8::is_ascii_alphabetic) {
            let name;
            (at, name) = start_tag(&html, at, &mut fixed);
            if RAW_TEXT.iter().any(|raw| raw.eq_ignore_ascii_case(name)) {
                at = end_tag(&html, at, name);
            }
        }
    }
    match fixed.out {
        None => html,
        Some(mut out) => {
            out.extend_from_slice(&html[fixed.copied..]);
            out
        }
    }
}

/// The text with what [`conform_attributes`] inserts: made on the first insertion.
struct Fixed<'h> {
    html: &'h [u8],
    out: Option<Vec<u8>>,
    /// How much of `html` is in `out`.
    copied: usize,
}

impl<'h> Fixed<'h> {
    fn new(html: &'h [u8]) -> Self {
        Fixed {
            html,
            out: None,
            copied: 0,
        }
    }

    /// `text` inserted before `html[at]`.
    fn insert(&mut self, at: usize, text: &[u8]) {
        let html = self.html;
        let out = self
            .out
            .get_or_insert_with(|| Vec::with_capacity(html.len() + html.len() / 16));
        out.extend_from_slice(&html[self.copied..at]);
        out.extend_from_slice(text);
        self.copied = at;
    }
}

/// Whether `c` ends an attribute's name (or the tag's name).
fn ends_name(c: u8) -> bool {
    matches!(c, b'>' | b'=' | b'/') || c.is_ascii_whitespace()
}

/// Whether `c` ends an unquoted attribute value.
fn ends_unquoted_value(c: u8) -> bool {
    c == b'>' || c.is_ascii_whitespace()
}

/// The start tag whose name begins at `at` (after its `<`), conformed into `fixed`; where
/// it ends, and its name.
fn start_tag<'h>(html: &'h [u8], mut at: usize, fixed: &mut Fixed) -> (usize, &'h [u8]) {
    let start = at;
    while at < html.len() && !ends_name(html[at]) {
        at += 1;
    }
    let name = &html[start..at];
    let mut after_quoted = false;
    loop {
        let spaces = at;
        while at < html.len() && html[at].is_ascii_whitespace() {
            at += 1;
        }
        match &html[at..] {
            [] => return (at, name),
            [b'>', ..] => return (at + 1, name),
            [b'/', b'>', ..] => return (at + 2, name),
            _ => {}
        }
        if at == spaces && after_quoted {
            fixed.insert(at, b" ");
        }
        // The attribute's name (a stray `/` or `=` taken as one, so it is passed).
        let start = at;
        at += 1;
        while at < html.len() && !ends_name(html[at]) {
            at += 1;
        }
        after_quoted = false;
        if html.get(at) != Some(&b'=') || at == start {
            continue;
        }
        at += 1;
        match html.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                at = memchr::memchr(quote, &html[at + 1..]).map_or(html.len(), |i| at + i + 2);
                after_quoted = true;
            }
            _ => {
                let value = at;
                while at < html.len() && !ends_unquoted_value(html[at]) {
                    at += 1;
                }
                if html[value..at]
                    .iter()
                    .any(|c| matches!(c, b'"' | b'\'' | b'=' | b'<' | b'`'))
                {
                    fixed.insert(value, b"\"");
                    for i in memchr::memchr_iter(b'"', &html[value..at]) {
                        fixed.insert(value + i, b"&#34;");
                        fixed.copied += 1;
                    }
                    fixed.insert(at, b"\"");
                    after_quoted = true;
                }
            }
        }
    }
}

/// Where the end tag of the raw-text element `name` begins at or after `from` (the end of
/// `html` without one).
fn end_tag(html: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(lt) = memchr::memchr(b'<', &html[at..]).map(|i| at + i) {
        let rest = &html[lt + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return lt;
        }
        at = lt + 1;
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minified(html: &str) -> String {
        String::from_utf8(minify_html(html)).unwrap()
    }

    #[test]
    fn well_formed_html_is_minified_in_one_pass_and_any_other_html_still_minified() {
        // One pass: optional closing tags are left out.
        assert_eq!(
            minified("<ul>\n  <li><a href=\"/a/\">A</a></li>\n  <li>B  og  C</li>\n</ul>\n"),
            "<ul><li><a href=/a/>A</a><li>B og C</ul>"
        );
        // A stray closing tag: the one-pass minifier refuses it; the page is still
        // minified, with nothing of it lost.
        let stray = "<div>\n  <p>Tekst  her</p></span>\n</div>\n";
        assert!(minify_html_onepass::truncate(
            &mut stray.as_bytes().to_vec(),
            &minify_html_onepass::Cfg::default()
        )
        .is_err());
        assert_eq!(minified(stray), "<div><p>Tekst her</p></div>");
    }

    #[test]
    fn a_value_the_one_pass_minifier_panics_on_is_still_minified() {
        // Taken by the quick minifier.
        assert_eq!(
            minified("<p>\n<a title=\"&quot;'&quot;'&gt;\">x</a></p>"),
            "<p><a title=\"&#34'&#34;'&gt\">x</a>"
        );
        // Left to the one-pass minifier (a reference the quick one does not decode), which
        // panics: minified by the lenient one.
        let before = MINIFIED_LENIENTLY.load(Ordering::Relaxed);
        assert_eq!(
            minified("<p>\n<a title=\"&quot;'&quot;'&gt;\">x &lt; y</a></p>"),
            "<p><a title=\"&#34;'&#34;'>\">x &lt; y</a></p>"
        );
        assert!(MINIFIED_LENIENTLY.load(Ordering::Relaxed) > before);
    }

    #[test]
    fn attributes_are_separated_and_values_the_standard_does_not_allow_unquoted_are_quoted() {
        assert_eq!(
            minified("<section class=\"events past\" aria-label=\"Tidligere\">x</section>"),
            "<section class=\"events past\" aria-label=Tidligere>x</section>"
        );
        assert_eq!(
            minified("<a href=\"mailto:a@b.example?subject=Hei&amp;body=Side\">Skriv</a>"),
            "<a href=\"mailto:a@b.example?subject=Hei&body=Side\">Skriv</a>"
        );
        assert_eq!(
            minified("<p data-required-text=\"обов'язково\" title=\"a`b\">x</p>"),
            "<p data-required-text=\"обов'язково\" title=\"a`b\">x"
        );
        assert_eq!(
            minified("<track kind=\"captions\" label=\"Norsk bokmål\" default>"),
            "<track kind=captions label=\"Norsk bokmål\" default>"
        );
    }

    #[test]
    fn conforming_leaves_text_end_tags_and_raw_text_as_they_are() {
        for html in [
            "<!DOCTYPE html><p>a=b 'c' \"d\" &LTe</p>",
            "<title>a<b c=d'e</title><p class=x>y",
            "<script type=application/json>{\"a\":\"<b x=1'>\"}</script><i>z</i>",
            "<svg><path d=\"M0 0\"/></svg>",
            "<p",
            // Kept by the minifiers as it was: a bogus comment up to the `>`.
            "<![CDATA[<source srcset=a=b/>6>",
            "<!x",
        ] {
            assert_eq!(
                String::from_utf8(conform_attributes(html.as_bytes().to_vec())).unwrap(),
                html
            );
        }
        for (html, conformed) in [
            ("<input value='a b'name=q>", "<input value='a b' name=q>"),
            ("<p title=a\"b=c>x", "<p title=\"a&#34;b=c\">x"),
            ("<p a=\"1\"b c=d>", "<p a=\"1\" b c=d>"),
            ("<p = x=1>", "<p = x=1>"),
        ] {
            let out = conform_attributes(html.as_bytes().to_vec());
            assert_eq!(String::from_utf8(out).unwrap(), conformed);
        }
    }
}

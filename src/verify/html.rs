//! Reading a page's links, ids and `<base href>` with html5ever's tokenizer.

use std::cell::RefCell;

use html5ever::local_name;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Characters of a link's text shown in a message.
const TEXT_CHARS: usize = 60;

/// What a page holds: its links, ids and `<base href>`.
#[derive(Default)]
pub(super) struct Found {
    pub(super) links: Vec<FoundLink>,
    pub(super) ids: Vec<StrTendril>,
    pub(super) base: Option<StrTendril>,
}

impl Found {
    /// What the link proof needs of it, in a form that can be kept and shared between
    /// threads (the tokenizer's strings cannot).
    pub(super) fn owned(&self) -> OwnedFound {
        OwnedFound {
            links: self
                .links
                .iter()
                .map(|l| (Box::from(&*l.url), l.srcset, Box::from(l.text.as_str())))
                .collect(),
            ids: self.ids.iter().map(|id| Box::from(&**id)).collect(),
            base: self.base.as_deref().map(Box::from),
        }
    }

    /// Its links as (URL, whether a srcset, text).
    pub(super) fn link_refs(&self) -> impl Iterator<Item = (&str, bool, &str)> {
        self.links
            .iter()
            .map(|l| (&*l.url, l.srcset, l.text.as_str()))
    }
}

/// [`Found`] of a part many pages share, read once and kept.
#[derive(Default)]
pub(super) struct OwnedFound {
    pub(super) links: Vec<(Box<str>, bool, Box<str>)>,
    pub(super) ids: Vec<Box<str>>,
    pub(super) base: Option<Box<str>>,
}

impl OwnedFound {
    pub(super) fn link_refs(&self) -> impl Iterator<Item = (&str, bool, &str)> {
        self.links.iter().map(|(u, s, t)| (&**u, *s, &**t))
    }
}

pub(super) struct FoundLink {
    pub(super) url: StrTendril,
    pub(super) srcset: bool,
    /// The text of an `<a>`, whitespace collapsed, cut at [`TEXT_CHARS`].
    pub(super) text: String,
}

/// Read a page's links and ids with html5ever's tokenizer.
pub(super) fn collect(html: &str) -> Found {
    collect_chunks(&[html])
}

/// [`collect`] of the text the chunks make one after the other.
pub(super) fn collect_chunks(chunks: &[&str]) -> Found {
    let queue = BufferQueue::default();
    for chunk in chunks.iter().filter(|c| !c.is_empty()) {
        queue.push_back(StrTendril::from_slice(chunk));
    }
    let tokenizer = Tokenizer::new(Collector::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let mut state = std::mem::take(&mut *tokenizer.sink.state.borrow_mut());
    state.close_a();
    state.found
}

/// An element or attribute name as a pattern (atoms compare as numbers).
macro_rules! n {
    ($name:tt) => {
        &local_name!($name)
    };
}

/// How an attribute holds a URL, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UrlAttribute {
    /// One URL (`href`, `src`, `poster`, `action`).
    Url,
    /// A list of candidates (`srcset`).
    Srcset,
}

/// Which attributes of which elements lead somewhere: the one list the link proof reads
/// and `--relative-urls` rewrites, so they cannot disagree.
pub(crate) fn url_attribute(
    element: &html5ever::LocalName,
    attribute: &html5ever::LocalName,
) -> Option<UrlAttribute> {
    match (element, attribute) {
        (n!("a") | n!("area") | n!("link") | n!("base"), n!("href"))
        | (n!("use") | n!("image"), n!("href") | n!("xlink:href"))
        | (
            n!("img")
            | n!("script")
            | n!("source")
            | n!("video")
            | n!("audio")
            | n!("track")
            | n!("iframe")
            | n!("embed"),
            n!("src"),
        )
        | (n!("video"), n!("poster"))
        | (n!("form"), n!("action")) => Some(UrlAttribute::Url),
        (n!("img") | n!("source"), n!("srcset")) => Some(UrlAttribute::Srcset),
        _ => None,
    }
}

#[derive(Default)]
struct Collector {
    state: RefCell<CollectorState>,
}

#[derive(Default)]
struct CollectorState {
    found: Found,
    /// The open `<a>` (its link in `found.links`), whose text is being read.
    open_a: Option<usize>,
    /// Characters of its text so far.
    text_chars: usize,
    /// Its `aria-label`, or the `alt` of an image in it: the text when it has none.
    fallback: Option<StrTendril>,
    /// Depth inside `<svg>` and `<math>`, where `<title>`, `<style>` and `<script>` are
    /// not raw text.
    foreign: usize,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(tag),
            Token::CharacterTokens(text) => state.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl CollectorState {
    fn tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name = &tag.name;
        if tag.kind == TagKind::EndTag {
            match name {
                n!("a") => self.close_a(),
                n!("svg") | n!("math") => self.foreign = self.foreign.saturating_sub(1),
                _ => {}
            }
            return TokenSinkResult::Continue;
        }
        if *name == local_name!("a") {
            self.close_a();
        }
        for attr in tag.attrs {
            let attr_name = &attr.name.local;
            let srcset = match (name, attr_name) {
                (_, n!("id")) => {
                    if !attr.value.is_empty() {
                        self.found.ids.push(attr.value);
                    }
                    continue;
                }
                (n!("a"), n!("name")) => {
                    if !attr.value.is_empty() {
                        self.found.ids.push(attr.value);
                    }
                    continue;
                }
                (n!("a"), n!("aria-label")) => {
                    self.fallback = Some(attr.value);
                    continue;
                }
                (n!("img"), n!("alt")) if self.open_a.is_some() => {
                    if self.fallback.is_none() && !attr.value.is_empty() {
                        self.fallback = Some(attr.value);
                    }
                    continue;
                }
                (n!("base"), n!("href")) => {
                    if self.found.base.is_none() {
                        self.found.base = Some(attr.value);
                    }
                    continue;
                }
                (element, attribute) => match url_attribute(element, attribute) {
                    Some(UrlAttribute::Url) => false,
                    Some(UrlAttribute::Srcset) => true,
                    None => continue,
                },
            };
            if *name == local_name!("a") && !srcset {
                self.open_a = Some(self.found.links.len());
                self.text_chars = 0;
            }
            self.found.links.push(FoundLink {
                url: attr.value,
                srcset,
                text: String::new(),
            });
        }
        if *name == local_name!("a") && self.open_a.is_none() {
            // An `<a>` without href: its aria-label is not a link's.
            self.fallback = None;
        }
        if tag.self_closing {
            return TokenSinkResult::Continue;
        }
        match name {
            n!("svg") | n!("math") => {
                self.foreign += 1;
                TokenSinkResult::Continue
            }
            _ if self.foreign > 0 => TokenSinkResult::Continue,
            n!("script") => TokenSinkResult::RawData(RawKind::ScriptData),
            n!("style") | n!("xmp") | n!("iframe") | n!("noembed") | n!("noframes") => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            n!("textarea") | n!("title") => TokenSinkResult::RawData(RawKind::Rcdata),
            n!("plaintext") => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }

    fn text(&mut self, text: &str) {
        let Some(i) = self.open_a else { return };
        let out = &mut self.found.links[i].text;
        for c in text.chars() {
            if self.text_chars >= TEXT_CHARS {
                if !out.ends_with('…') {
                    out.push('…');
                }
                return;
            }
            if c.is_whitespace() {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                    self.text_chars += 1;
                }
            } else {
                out.push(c);
                self.text_chars += 1;
            }
        }
    }

    fn close_a(&mut self) {
        let fallback = self.fallback.take();
        let Some(i) = self.open_a.take() else { return };
        let text = &mut self.found.links[i].text;
        while text.ends_with(' ') {
            text.pop();
        }
        if text.is_empty() {
            if let Some(fallback) = fallback {
                *text = fallback.chars().take(TEXT_CHARS).collect();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::verify::tests::{html, index, messages};

    #[test]
    fn srcset_candidates_are_all_checked() {
        let index = index();
        index.file("f/bilder/a.png");
        index.page(
            "f/a/index.html",
            html("<picture><source srcset=\"/bti/f/bilder/a.png 1x,/bti/f/bilder/b.png 2x\"><img src=/bti/f/bilder/a.png srcset=\"/bti/f/bilder/a.png 1x, /bti/f/bilder/c.png 2x\" alt=A></picture>")
                .as_bytes(),
            None,
        );
        let mut msgs = messages(&index.verify());
        msgs.sort();
        assert_eq!(msgs.len(), 2, "{msgs:#?}");
        assert!(msgs[0].contains("`/bti/f/bilder/b.png`"), "{msgs:#?}");
        assert!(msgs[1].contains("`/bti/f/bilder/c.png`"), "{msgs:#?}");
    }

    #[test]
    fn unquoted_attributes_of_minified_html_are_read() {
        let index = index();
        index.page(
            "f/a/index.html",
            b"<a href=/bti/f/b/ class=x>B</a><img alt=x src=/bti/f/c.png><a href=/bti/f/ title=Hjem>H</a>",
            None,
        );
        let mut msgs = messages(&index.verify());
        msgs.sort();
        assert_eq!(msgs.len(), 2, "{msgs:#?}");
        assert!(msgs[0].contains("`/bti/f/b/` (“B”)"), "{msgs:#?}");
        assert!(msgs[1].contains("`/bti/f/c.png`"), "{msgs:#?}");
    }

    #[test]
    fn links_inside_scripts_and_styles_are_not_links() {
        let index = index();
        index.page(
            "f/a/index.html",
            html("<script>let s='<a href=/bti/nei/>x</a>';</script><style>a[href=\"/nei\"]{}</style><title><a href=/nei/></title>\
                  <svg><title/><a href=/bti/f/>Hjem</a></svg><textarea><img src=/nei.png></textarea>")
                .as_bytes(),
            None,
        );
        let diags = index.verify();
        assert!(diags.is_empty(), "{:#?}", messages(&diags));
    }

    #[test]
    fn link_text_falls_back_to_aria_label_and_image_alt() {
        let index = index();
        index.page(
            "f/a/index.html",
            html("<a href=/bti/f/x/ aria-label=Lukk><svg></svg></a><a href=/bti/f/y/><img src=/bti/f/assets/main.abc.css alt=Logo></a>").as_bytes(),
            None,
        );
        let mut msgs = messages(&index.verify());
        msgs.sort();
        assert!(msgs[0].contains("`/bti/f/x/` (“Lukk”)"), "{msgs:#?}");
        assert!(msgs[1].contains("`/bti/f/y/` (“Logo”)"), "{msgs:#?}");
    }
}

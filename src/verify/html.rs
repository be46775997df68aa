//! Reading a page's links, ids and `<base href>`: with the quicker reader of `scan` where
//! it can, with html5gum's WHATWG tokenizer where it cannot.
//!
//! Its [`Emitter`] is told every piece of a tag as the tokenizer reads it; [`Collector`]
//! copies only the attributes it records and the text of an open `<a>`, and switches the
//! tokenizer into raw text after `<script>`, `<style>`, `<title>`, … as a tree builder
//! would (not inside `<svg>` and `<math>`).

use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};

use html5gum::{Emitter, Error, State, Tokenizer};

/// Characters of a link's text shown in a message.
const TEXT_CHARS: usize = 60;

/// What a page holds: its links, ids and `<base href>`.
#[derive(Default, Debug, PartialEq)]
pub(super) struct Found {
    pub(super) links: Vec<FoundLink>,
    pub(super) ids: Vec<String>,
    pub(super) base: Option<String>,
}

impl Found {
    /// What the link proof needs of it, in a form that can be kept and shared between
    /// threads.
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

#[derive(Debug, PartialEq)]
pub(super) struct FoundLink {
    pub(super) url: String,
    pub(super) srcset: bool,
    /// The text of an `<a>`, whitespace collapsed, cut at [`TEXT_CHARS`].
    pub(super) text: String,
}

/// Read a page's links and ids. Read as bytes, so a page is not checked for UTF-8 first:
/// what is kept of it is (lossily) converted.
pub(super) fn collect(html: &(impl AsRef<[u8]> + ?Sized)) -> Found {
    collect_with(html.as_ref(), Texts::Read)
}

/// Whether the texts of links are read. Only a message about a broken link shows one, so
/// a page's own text is read without them first (most of what it costs to read a link's
/// text) and read again, with them, if a link is broken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Texts {
    #[default]
    Read,
    Left,
}

/// [`collect`], with the texts of links or without them (each link's text left empty).
pub(super) fn collect_with(html: &[u8], texts: Texts) -> Found {
    if let Some(found) = super::scan::scan(html, texts) {
        READ_QUICKLY.fetch_add(1, Ordering::Relaxed);
        return found;
    }
    READ_BY_HTML5GUM.fetch_add(1, Ordering::Relaxed);
    tokenize(html, texts)
}

/// Texts (pages, parts of pages) the quicker reader read in this process, and texts it
/// left to html5gum: `VEIVISER_TIMINGS` prints them.
pub(crate) static READ_QUICKLY: AtomicUsize = AtomicUsize::new(0);
pub(crate) static READ_BY_HTML5GUM: AtomicUsize = AtomicUsize::new(0);

/// Whether the quicker reader of `scan` reads `html` (and not html5gum); it panics if
/// that reader finds anything other than what html5gum finds, or reads other links and
/// ids when it leaves their texts out.
pub(crate) fn quick_reader_agrees(html: &[u8]) -> bool {
    let Some(scanned) = super::scan::scan(html, Texts::Read) else {
        return false;
    };
    let tokenized = tokenize(html, Texts::Read);
    assert!(
        scanned == tokenized,
        "the quick reader read {scanned:#?}, html5gum {tokenized:#?}"
    );
    // Read without the texts of links: the same, with every text empty.
    let mut without_texts = scanned;
    without_texts.links.iter_mut().for_each(|l| l.text.clear());
    let left = super::scan::scan(html, Texts::Left);
    assert!(
        left.as_ref() == Some(&without_texts),
        "without texts the quick reader read {left:#?}, with them {without_texts:#?}"
    );
    true
}

/// [`collect_with`] by html5gum's tokenizer, whatever the page holds.
pub(super) fn tokenize(html: &[u8], texts: Texts) -> Found {
    let mut collector = Collector {
        state: CollectorState::reading(texts),
        ..Collector::default()
    };
    let Ok(()) = Tokenizer::new_with_emitter(html, &mut collector).finish();
    collector.state.close_a();
    collector.state.found
}

/// [`collect_with`] of the text the chunks make one after the other.
pub(super) fn collect_chunks(chunks: &[&[u8]], texts: Texts) -> Found {
    collect_with(&chunks.concat(), texts)
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
/// and `--relative-urls` rewrites, so they cannot disagree. Names in lower case, as
/// tokenizers give them.
pub(crate) fn url_attribute(element: &[u8], attribute: &[u8]) -> Option<UrlAttribute> {
    match (element, attribute) {
        (b"a" | b"area" | b"link" | b"base", b"href")
        | (b"use" | b"image", b"href" | b"xlink:href")
        | (
            b"img" | b"script" | b"source" | b"video" | b"audio" | b"track" | b"iframe" | b"embed",
            b"src",
        )
        | (b"video", b"poster")
        | (b"form", b"action") => Some(UrlAttribute::Url),
        (b"img" | b"source", b"srcset") => Some(UrlAttribute::Srcset),
        _ => None,
    }
}

/// What [`CollectorState`] does with an attribute of a start tag.
#[derive(Clone, Copy)]
pub(super) enum Attr {
    /// An `id`, or the `name` of an `<a>`: a fragment target.
    Id,
    /// The `aria-label` of an `<a>`.
    AriaLabel,
    /// The `alt` of an `<img>`.
    Alt,
    /// The `href` of `<base>`.
    Base,
    Url(UrlAttribute),
}

impl Attr {
    pub(super) fn of(element: &[u8], attribute: &[u8]) -> Option<Attr> {
        match (element, attribute) {
            (_, b"id") | (b"a", b"name") => Some(Attr::Id),
            (b"a", b"aria-label") => Some(Attr::AriaLabel),
            (b"img", b"alt") => Some(Attr::Alt),
            (b"base", b"href") => Some(Attr::Base),
            _ => url_attribute(element, attribute).map(Attr::Url),
        }
    }
}

/// The tokenizer's [`Emitter`]: keeps the tag being read, hands finished tags and the
/// text between them to [`CollectorState`].
#[derive(Default)]
struct Collector {
    state: CollectorState,
    /// Name of the tag being read.
    tag: Vec<u8>,
    end_tag: bool,
    self_closing: bool,
    /// Name of the last start tag, which ends its raw text.
    last_start_tag: Vec<u8>,
    /// Names of the tag's attributes so far, one after the other (a repeated attribute is
    /// ignored, as the spec says), and where each ends.
    names: Vec<u8>,
    name_ends: Vec<usize>,
    /// Whether an attribute is being read, and where its name starts in `names`.
    in_attribute: bool,
    name_start: usize,
    /// What the attribute being read is, once its name is known.
    current: Option<Option<Attr>>,
    value: Vec<u8>,
    /// The tag's attributes [`CollectorState`] records.
    attrs: Vec<(Attr, String)>,
    /// Text read while an `<a>` is open, not yet given to the state.
    text: Vec<u8>,
}

impl Collector {
    /// What the attribute whose name has been read is (nothing if repeated).
    fn attribute(&mut self) -> Option<Attr> {
        if let Some(attr) = self.current {
            return attr;
        }
        let name = &self.names[self.name_start..];
        let mut start = 0;
        let repeated = self.name_ends.iter().any(|&end| {
            let earlier = &self.names[start..end];
            start = end;
            earlier == name
        });
        let attr = if repeated {
            None
        } else {
            Attr::of(&self.tag, name)
        };
        self.current = Some(attr);
        attr
    }

    fn finish_attribute(&mut self) {
        if !std::mem::take(&mut self.in_attribute) || self.end_tag {
            return;
        }
        if let Some(attr) = self.attribute() {
            let value = String::from_utf8_lossy(&self.value).into_owned();
            self.attrs.push((attr, value));
        }
        self.name_ends.push(self.names.len());
    }

    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            self.state.text(&String::from_utf8_lossy(&self.text));
            self.text.clear();
        }
    }

    fn init_tag(&mut self, end_tag: bool) {
        self.flush_text();
        self.tag.clear();
        self.end_tag = end_tag;
        self.self_closing = false;
        self.names.clear();
        self.name_ends.clear();
        self.attrs.clear();
        self.in_attribute = false;
    }
}

// On a borrow, so that the state can be taken back from the tokenizer.
impl Emitter for &mut Collector {
    type Token = Infallible;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start_tag.clear();
        self.last_start_tag
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.flush_text();
    }

    fn emit_error(&mut self, _: Error) {}

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }

    fn emit_string(&mut self, c: &[u8]) {
        if self.state.open_a.is_some() && self.state.texts == Texts::Read {
            self.text.extend_from_slice(c);
        }
    }

    fn init_start_tag(&mut self) {
        self.init_tag(false);
    }

    fn init_end_tag(&mut self) {
        self.init_tag(true);
    }

    fn init_comment(&mut self) {
        self.flush_text();
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.finish_attribute();
        if self.end_tag {
            self.state.end_tag(&self.tag);
            return None;
        }
        self.last_start_tag.clear();
        self.last_start_tag.extend_from_slice(&self.tag);
        self.state
            .start_tag(&self.tag, self.attrs.drain(..), self.self_closing)
    }

    fn emit_current_comment(&mut self) {}

    fn emit_current_doctype(&mut self) {}

    fn set_self_closing(&mut self) {
        self.self_closing = true;
    }

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, s: &[u8]) {
        self.tag.extend_from_slice(s);
    }

    fn push_comment(&mut self, _: &[u8]) {}

    fn push_doctype_name(&mut self, _: &[u8]) {}

    fn init_doctype(&mut self) {
        self.flush_text();
    }

    fn init_attribute(&mut self) {
        self.finish_attribute();
        self.in_attribute = true;
        self.name_start = self.names.len();
        self.current = None;
        self.value.clear();
    }

    fn init_attribute_value(&mut self) {
        if !self.end_tag {
            self.attribute();
        }
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        self.names.extend_from_slice(s);
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        if matches!(self.current, Some(Some(_))) {
            self.value.extend_from_slice(s);
        }
    }

    fn set_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _: &[u8]) {}

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.end_tag && !self.last_start_tag.is_empty() && self.last_start_tag == self.tag
    }
}

/// What both readers do with the tags and text they read.
#[derive(Default)]
pub(super) struct CollectorState {
    pub(super) found: Found,
    /// The open `<a>` (its link in `found.links`), whose text is being read.
    pub(super) open_a: Option<usize>,
    /// Characters of its text so far.
    text_chars: usize,
    /// Its `aria-label`, or the `alt` of an image in it: the text when it has none.
    fallback: Option<String>,
    /// Depth inside `<svg>` and `<math>`, where `<title>`, `<style>` and `<script>` are
    /// not raw text.
    foreign: usize,
    /// Whether the texts of links are read.
    pub(super) texts: Texts,
}

impl CollectorState {
    pub(super) fn reading(texts: Texts) -> Self {
        CollectorState {
            texts,
            ..CollectorState::default()
        }
    }

    pub(super) fn end_tag(&mut self, name: &[u8]) {
        match name {
            b"a" => self.close_a(),
            b"svg" | b"math" => self.foreign = self.foreign.saturating_sub(1),
            _ => {}
        }
    }

    /// A start tag with the attributes [`Attr`] names; the state the tokenizer goes on in.
    pub(super) fn start_tag(
        &mut self,
        name: &[u8],
        attrs: impl Iterator<Item = (Attr, String)>,
        self_closing: bool,
    ) -> Option<State> {
        let is_a = name == b"a";
        if is_a {
            self.close_a();
        }
        for (attr, value) in attrs {
            let srcset = match attr {
                Attr::Id => {
                    if !value.is_empty() {
                        self.found.ids.push(value);
                    }
                    continue;
                }
                Attr::AriaLabel => {
                    self.fallback = Some(value);
                    continue;
                }
                Attr::Alt => {
                    if self.open_a.is_some() && self.fallback.is_none() && !value.is_empty() {
                        self.fallback = Some(value);
                    }
                    continue;
                }
                Attr::Base => {
                    if self.found.base.is_none() {
                        self.found.base = Some(value);
                    }
                    continue;
                }
                Attr::Url(kind) => kind == UrlAttribute::Srcset,
            };
            if is_a && !srcset {
                self.open_a = Some(self.found.links.len());
                self.text_chars = 0;
            }
            self.found.links.push(FoundLink {
                url: value,
                srcset,
                text: String::new(),
            });
        }
        if is_a && self.open_a.is_none() {
            // An `<a>` without href: its aria-label is not a link's.
            self.fallback = None;
        }
        if self_closing {
            return None;
        }
        match name {
            b"svg" | b"math" => {
                self.foreign += 1;
                None
            }
            _ if self.foreign > 0 => None,
            b"script" => Some(State::ScriptData),
            b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" => Some(State::RawText),
            b"textarea" | b"title" => Some(State::RcData),
            b"plaintext" => Some(State::PlainText),
            _ => None,
        }
    }

    pub(super) fn text(&mut self, text: &str) {
        let Some(i) = self.open_a.filter(|_| self.texts == Texts::Read) else {
            return;
        };
        let out = &mut self.found.links[i].text;
        // A NUL in text is a parse error html5ever's tokenizer leaves out of the text.
        for c in text.chars().filter(|&c| c != '\0') {
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

    pub(super) fn close_a(&mut self) {
        let fallback = self.fallback.take();
        let Some(i) = self.open_a.take() else { return };
        let text = &mut self.found.links[i].text;
        while text.ends_with(' ') {
            text.pop();
        }
        if text.is_empty() && self.texts == Texts::Read {
            if let Some(fallback) = fallback {
                *text = fallback.chars().take(TEXT_CHARS).collect();
            }
        }
    }
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;

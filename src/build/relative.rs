//! `build --relative-urls`: every internal link of a page written relative to the page,
//! so the output works from a folder (a file share, a USB stick, `file://`).
//!
//! Pages are rendered with site-absolute hrefs (`/bti/fjordvik/skjema/`, see
//! [`crate::render::urls::Urls`]); [`relativize`] rewrites them after rendering, before
//! the page is minified. The page is read with html5ever's tokenizer and written out again
//! token by token, with each URL attribute (`href`, `src`, `srcset`, `poster`, `action`,
//! SVG `xlink:href`: [`url_attribute`], the list the link proof in `verify/` reads) that
//! starts with the base path made relative to the page's folder. A link to a folder gets
//! `index.html` (a browser does not open a folder's `index.html` from disk). Absolute URLs
//! (canonical and alternate links, Open Graph, other sites) are left alone: they are not
//! navigation.

use crate::verify::{url_attribute, UrlAttribute};
use std::cell::RefCell;

use html5ever::local_name;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// `html` of the page at output path `page` (`fjordvik/skjema/x/index.html`) with every
/// link that starts with `base_path` (`/bti/`) relative to the page's folder.
pub fn relativize(html: &str, page: &str, base_path: &str) -> String {
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let writer = Writer {
        state: RefCell::new(State {
            out: String::with_capacity(html.len() + html.len() / 8),
            raw: false,
            foreign: 0,
            folder: page.rfind('/').map_or("", |i| &page[..=i]).to_string(),
            base: base_path.to_string(),
        }),
    };
    let tokenizer = Tokenizer::new(writer, TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let out = std::mem::take(&mut tokenizer.sink.state.borrow_mut().out);
    out
}

/// `url` (site-absolute, under `base`) relative to the output folder `folder`
/// (`fjordvik/skjema/x/`, or empty for the root), with `index.html` for a folder. `None`
/// when it is not under `base` (left as it is).
pub fn relative_url(url: &str, folder: &str, base: &str) -> Option<String> {
    if !url.starts_with('/') || url.starts_with("//") {
        return None;
    }
    let rest = url
        .strip_prefix(base)
        .or_else(|| (url == base.trim_end_matches('/')).then_some(""))?;
    let cut = rest.find(['?', '#']).unwrap_or(rest.len());
    let (path, tail) = rest.split_at(cut);
    let mut target = path.to_string();
    if target.is_empty() || target.ends_with('/') {
        target.push_str("index.html");
    }
    // Common folders of the page and the target, then `../` for the rest of the page's.
    let from: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = target.split('/').collect();
    let (to_folders, file) = to.split_at(to.len() - 1);
    let common = from
        .iter()
        .zip(to_folders)
        .take_while(|(a, b)| a == b)
        .count();
    let mut rel = "../".repeat(from.len() - common);
    for segment in &to_folders[common..] {
        rel.push_str(segment);
        rel.push('/');
    }
    rel.push_str(file[0]);
    rel.push_str(tail);
    Some(rel)
}

struct Writer {
    state: RefCell<State>,
}

struct State {
    out: String,
    /// Inside `<script>`, `<style>` …: text is written as it is.
    raw: bool,
    /// Depth inside `<svg>` and `<math>`, where `<style>` and `<script>` are not raw text.
    foreign: usize,
    folder: String,
    base: String,
}

impl TokenSink for Writer {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(tag),
            Token::CharacterTokens(text) => {
                if state.raw {
                    state.out.push_str(&text);
                } else {
                    escape_text(&mut state.out, &text);
                }
            }
            Token::CommentToken(text) => {
                state.out.push_str("<!--");
                state.out.push_str(&text);
                state.out.push_str("-->");
            }
            Token::DoctypeToken(doctype) => {
                state.out.push_str("<!DOCTYPE ");
                state
                    .out
                    .push_str(doctype.name.as_deref().unwrap_or("html"));
                state.out.push('>');
            }
            Token::NullCharacterToken => state.out.push('\u{FFFD}'),
            Token::EOFToken | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

macro_rules! n {
    ($name:tt) => {
        &local_name!($name)
    };
}

impl State {
    fn tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name = &tag.name;
        if tag.kind == TagKind::EndTag {
            self.raw = false;
            if matches!(name, n!("svg") | n!("math")) {
                self.foreign = self.foreign.saturating_sub(1);
            }
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
            return TokenSinkResult::Continue;
        }
        self.out.push('<');
        self.out.push_str(name);
        for attr in &tag.attrs {
            let attr_name = &attr.name.local;
            let value: std::borrow::Cow<str> =
                match url_attribute(name.as_bytes(), attr_name.as_bytes()) {
                    Some(UrlAttribute::Url) => {
                        match relative_url(attr.value.trim(), &self.folder, &self.base) {
                            Some(rel) => rel.into(),
                            None => (&*attr.value).into(),
                        }
                    }
                    Some(UrlAttribute::Srcset) => self.srcset(&attr.value).into(),
                    None => (&*attr.value).into(),
                };
            self.out.push(' ');
            self.out.push_str(attr_name);
            self.out.push_str("=\"");
            escape_attr(&mut self.out, &value);
            self.out.push('"');
        }
        if tag.self_closing {
            self.out.push_str("/>");
            return TokenSinkResult::Continue;
        }
        self.out.push('>');
        let raw = match name {
            n!("svg") | n!("math") => {
                self.foreign += 1;
                None
            }
            _ if self.foreign > 0 => None,
            n!("script") => Some(TokenSinkResult::RawData(RawKind::ScriptData)),
            n!("style") | n!("xmp") | n!("iframe") | n!("noembed") | n!("noframes") => {
                Some(TokenSinkResult::RawData(RawKind::Rawtext))
            }
            n!("textarea") | n!("title") => Some(TokenSinkResult::RawData(RawKind::Rcdata)),
            _ => None,
        };
        match raw {
            Some(raw) => {
                // RCDATA (`<title>`, `<textarea>`) decodes entities: it is escaped again.
                self.raw = !matches!(name, n!("textarea") | n!("title"));
                raw
            }
            None => TokenSinkResult::Continue,
        }
    }

    /// A `srcset` with each candidate's URL made relative (candidates are written back
    /// separated by `, `).
    fn srcset(&self, srcset: &str) -> String {
        srcset
            .split(',')
            .map(|candidate| {
                let candidate = candidate.trim();
                let (url, descriptor) = candidate
                    .split_once(char::is_whitespace)
                    .unwrap_or((candidate, ""));
                let url = relative_url(url, &self.folder, &self.base).unwrap_or(url.to_string());
                if descriptor.is_empty() {
                    url
                } else {
                    format!("{url} {}", descriptor.trim())
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn escape_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

fn escape_attr(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_absolute_url_becomes_relative_to_the_pages_folder() {
        let base = "/bti/";
        let page = "f/skjema/x/";
        assert_eq!(
            relative_url("/bti/f/skjema/", page, base).unwrap(),
            "../index.html"
        );
        assert_eq!(
            relative_url("/bti/f/veileder/niva-1/#steg-2", page, base).unwrap(),
            "../../veileder/niva-1/index.html#steg-2"
        );
        assert_eq!(
            relative_url("/bti/f/assets/main.abc.css", page, base).unwrap(),
            "../../assets/main.abc.css"
        );
        assert_eq!(
            relative_url("/bti/", page, base).unwrap(),
            "../../../index.html"
        );
        assert_eq!(relative_url("/bti", "", base).unwrap(), "index.html");
        assert_eq!(
            relative_url("/bti/f/sok/?q=x", "f/", base).unwrap(),
            "sok/index.html?q=x"
        );
        assert_eq!(
            relative_url("/bti/f/skjema/x/#a", page, base).unwrap(),
            "index.html#a"
        );
        assert_eq!(relative_url("/other/", page, base), None);
        assert_eq!(relative_url("//host/x", page, "/"), None);
        assert_eq!(relative_url("https://x.example/bti/", page, base), None);
        assert_eq!(relative_url("../x/", page, base), None);
    }

    #[test]
    fn links_are_rewritten_and_the_rest_of_the_page_is_kept() {
        let html = "<!DOCTYPE html><html lang=nb><head><title>A &amp; B</title>\
            <link rel=canonical href=https://x.example/bti/f/a/>\
            <link rel=stylesheet href=/bti/f/assets/main.css>\
            <script>if (a < b && c) { x = \"</p>\"; }</script></head>\
            <body><a href=/bti/f/b/#c title='x \"y\"'>B &lt;3</a>\
            <img src=/bti/f/bilder/a.png srcset=\"/bti/f/bilder/a.png 1x, /bti/f/bilder/b.png 2x\" alt=\"\">\
            <svg viewBox=\"0 0 1 1\"><use href=/bti/f/assets/i.svg#x /></svg>\
            <form action=/bti/f/sok/><input name=q></form><a href=mailto:a@b.no>M</a></body></html>";
        let out = relativize(html, "f/a/index.html", "/bti/");
        assert!(out.contains("href=\"https://x.example/bti/f/a/\""), "{out}");
        assert!(out.contains("href=\"../assets/main.css\""), "{out}");
        assert!(
            out.contains("<script>if (a < b && c) { x = \"</p>\"; }</script>"),
            "{out}"
        );
        assert!(out.contains("<title>A &amp; B</title>"), "{out}");
        assert!(out.contains("href=\"../b/index.html#c\""), "{out}");
        assert!(out.contains("title=\"x &quot;y&quot;\""), "{out}");
        assert!(out.contains(">B &lt;3</a>"), "{out}");
        assert!(
            out.contains("srcset=\"../bilder/a.png 1x, ../bilder/b.png 2x\""),
            "{out}"
        );
        assert!(out.contains("href=\"../assets/i.svg#x\"/>"), "{out}");
        assert!(out.contains("action=\"../sok/index.html\""), "{out}");
        assert!(out.contains("href=\"mailto:a@b.no\""), "{out}");
        assert!(
            out.starts_with("<!DOCTYPE html><html lang=\"nb\">"),
            "{out}"
        );
    }
}

//! Markdown with the kommune's own values: shortcode expansion and reference links.

use super::context::Link;
use super::KommuneRenderer;
use crate::markdown::{self, Expansion, MarkdownContext, Rendered};
use crate::route::Route;
use crate::shortcodes::{self, escape_link_text, Resolved, Shortcode};
use crate::terms::TermLinks;

impl KommuneRenderer<'_> {
    /// Render Markdown for `lang`, with shortcodes expanded and body headings starting at h2.
    pub fn md(&self, lang: &str, text: &str) -> Rendered {
        self.md_with(lang, text, None)
    }

    /// [`Self::md`] with the page's glossary links (see [`Self::term_links`]).
    pub fn md_with(&self, lang: &str, text: &str, glossary: Option<&TermLinks>) -> Rendered {
        self.with_markdown_context(lang, glossary, |ctx| markdown::render(text, ctx))
    }

    /// Markdown of a short YAML value, inline when it is one paragraph.
    pub fn md_inline(&self, lang: &str, text: &str) -> String {
        self.md_inline_with(lang, text, None)
    }

    /// [`Self::md_inline`] with the page's glossary links.
    pub fn md_inline_with(&self, lang: &str, text: &str, glossary: Option<&TermLinks>) -> String {
        self.with_markdown_context(lang, glossary, |ctx| markdown::render_inline(text, ctx))
    }

    /// Call `f` with the Markdown settings of a page in `lang`.
    fn with_markdown_context<R>(
        &self,
        lang: &str,
        glossary: Option<&TermLinks>,
        f: impl FnOnce(&MarkdownContext) -> R,
    ) -> R {
        let root = self.urls.lang_root(lang);
        let home = self.urls.home();
        let expand = |sc: &Shortcode| self.expand(lang, sc);
        let film = |dest: &str, title: &str| self.film(lang, dest, title);
        f(&MarkdownContext {
            root: &root,
            home: &home,
            heading_shift: 0,
            expand: &expand,
            glossary,
            raw_html: &self.config.raw_html,
            film: Some(&film),
        })
    }

    pub fn md_opt(&self, lang: &str, text: Option<&str>) -> Option<String> {
        text.map(|t| self.md(lang, t).html)
    }

    fn expand(&self, lang: &str, sc: &Shortcode) -> Expansion {
        match shortcodes::resolve(self.kommune, lang, sc) {
            Resolved::Text(text) => Expansion::Inline(escape_link_text(&text)),
            // `/path` is how Markdown names a page of the language: the renderer adds the
            // language root, as for links editors type.
            Resolved::Link {
                label,
                route,
                anchor,
                ..
            } => {
                let fragment = anchor.map(|a| format!("#{a}")).unwrap_or_default();
                Expansion::Inline(format!(
                    "[{}](/{}{fragment})",
                    escape_link_text(&label),
                    route.path()
                ))
            }
            Resolved::ServiceCard(id) => match self.service_card_html(lang, &id) {
                Some(html) => Expansion::Block(html),
                None => Expansion::Inline(String::new()),
            },
            Resolved::Contacts(kind) => {
                Expansion::Block(self.resource_persons_html(lang, &kind).unwrap_or_default())
            }
            Resolved::Film(film) if sc.block => {
                Expansion::Block(self.external_film_html(lang, &film))
            }
            Resolved::Film(film) => Expansion::Inline(format!(
                "[{}](<{}>)",
                escape_link_text(&film.title),
                film.url
            )),
            Resolved::External(url) => {
                Expansion::Inline(format!("[{}](<{url}>)", escape_link_text(&url)))
            }
            Resolved::Missing => {
                Expansion::Inline(escape_link_text(sc.arg.as_deref().unwrap_or("")))
            }
        }
    }

    pub fn form_link(&self, lang: &str, id: &str) -> Option<Link> {
        let form = self.kommune.forms.get(id)?;
        let (doc, _) = form.pick(lang, self.kommune.default_lang());
        Some(Link::to_doc(
            doc.data.title.clone(),
            self.urls.href(lang, &Route::Form(id.to_string())),
            &doc.lang,
        ))
    }

    pub fn service_link(&self, lang: &str, id: &str) -> Option<Link> {
        let service = self.kommune.services.get(id)?;
        let (doc, _) = service.pick(lang, self.kommune.default_lang());
        Some(Link::to_doc(
            doc.data.name.clone(),
            self.urls.href(lang, &Route::Service(id.to_string())),
            &doc.lang,
        ))
    }

    pub fn arena_link(&self, lang: &str, id: &str) -> Option<Link> {
        let arena = self.kommune.arenas.get(id)?;
        let (doc, _) = arena.pick(lang, self.kommune.default_lang());
        Some(Link::to_doc(
            doc.data.name.clone(),
            self.urls.href(lang, &Route::Arena(id.to_string())),
            &doc.lang,
        ))
    }

    pub fn level_link(&self, lang: &str, number: u8) -> Option<Link> {
        let level = self.kommune.level(number)?;
        let (doc, _) = level.pick(lang, self.kommune.default_lang());
        Some(Link::to_doc(
            doc.data.title.clone(),
            self.urls.href(lang, &Route::Level(level.id.clone())),
            &doc.lang,
        ))
    }
}

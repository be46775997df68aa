//! Markdown with the kommune's own values: shortcode expansion and reference links.

use super::context::Link;
use super::KommuneRenderer;
use crate::markdown::{self, Expansion, MarkdownContext, Rendered};
use crate::shortcodes::Shortcode;
use crate::terms::TermLinks;

impl KommuneRenderer<'_> {
    /// Render Markdown for `lang`, with shortcodes expanded and body headings starting at h2.
    pub fn md(&self, lang: &str, text: &str) -> Rendered {
        self.md_with(lang, text, None)
    }

    /// [`Self::md`] with the page's glossary links (see [`Self::term_links`]).
    pub fn md_with(&self, lang: &str, text: &str, glossary: Option<&TermLinks>) -> Rendered {
        let root = self.urls.lang_root(lang);
        let home = self.urls.home();
        let expand = |sc: &Shortcode| self.expand(lang, sc);
        markdown::render(
            text,
            &MarkdownContext {
                root: &root,
                home: &home,
                heading_shift: 0,
                expand: &expand,
                glossary,
                raw_html: &self.config.raw_html,
            },
        )
    }

    /// Markdown of a short YAML value, inline when it is one paragraph.
    pub fn md_inline(&self, lang: &str, text: &str) -> String {
        self.md_inline_with(lang, text, None)
    }

    /// [`Self::md_inline`] with the page's glossary links.
    pub fn md_inline_with(&self, lang: &str, text: &str, glossary: Option<&TermLinks>) -> String {
        let root = self.urls.lang_root(lang);
        let home = self.urls.home();
        let expand = |sc: &Shortcode| self.expand(lang, sc);
        markdown::render_inline(
            text,
            &MarkdownContext {
                root: &root,
                home: &home,
                heading_shift: 0,
                expand: &expand,
                glossary,
                raw_html: &self.config.raw_html,
            },
        )
    }

    pub fn md_opt(&self, lang: &str, text: Option<&str>) -> Option<String> {
        text.map(|t| self.md(lang, t).html)
    }

    fn expand(&self, lang: &str, sc: &Shortcode) -> Expansion {
        let arg = sc.arg.as_deref().unwrap_or("");
        let link = |l: Option<Link>| match l {
            Some(l) => Expansion::Inline(format!("[{}]({})", escape_link_text(&l.label), l.url)),
            None => Expansion::Inline(arg.to_string()),
        };
        match sc.name.as_str() {
            "kommune" => Expansion::Inline(escape_link_text(self.kommune.config.short())),
            "kommune_full" => Expansion::Inline(escape_link_text(&self.kommune.config.name)),
            "form" => link(self.form_link(lang, arg)),
            "level" => link(arg.parse().ok().and_then(|n| self.level_link(lang, n))),
            "service_link" => link(self.service_link(lang, arg)),
            "arena" => link(self.arena_link(lang, arg)),
            "term" => link(self.term_link(lang, arg)),
            "service" if sc.block => match self.service_card_html(lang, arg) {
                Some(html) => Expansion::Block(html),
                None => link(self.service_link(lang, arg)),
            },
            "service" => link(self.service_link(lang, arg)),
            "contacts" => {
                Expansion::Block(self.resource_persons_html(lang, arg).unwrap_or_default())
            }
            _ => Expansion::Inline(String::new()),
        }
    }

    pub fn form_link(&self, lang: &str, id: &str) -> Option<Link> {
        let form = self.kommune.forms.get(id)?;
        let (doc, _) = form.pick(lang, self.kommune.default_lang());
        Some(Link {
            label: doc.data.title.clone(),
            url: self.urls.href(lang, &format!("skjema/{id}/")),
        })
    }

    pub fn service_link(&self, lang: &str, id: &str) -> Option<Link> {
        let service = self.kommune.services.get(id)?;
        let (doc, _) = service.pick(lang, self.kommune.default_lang());
        Some(Link {
            label: doc.data.name.clone(),
            url: self.urls.href(lang, &format!("tjenester/{id}/")),
        })
    }

    pub fn arena_link(&self, lang: &str, id: &str) -> Option<Link> {
        let arena = self.kommune.arenas.get(id)?;
        let (doc, _) = arena.pick(lang, self.kommune.default_lang());
        Some(Link {
            label: doc.data.name.clone(),
            url: self.urls.href(lang, &format!("arenaer/{id}/")),
        })
    }

    pub fn level_link(&self, lang: &str, number: u8) -> Option<Link> {
        let level = self.kommune.level(number)?;
        let (doc, _) = level.pick(lang, self.kommune.default_lang());
        Some(Link {
            label: doc.data.title.clone(),
            url: self.urls.href(lang, &format!("veileder/{}/", level.id)),
        })
    }

    pub fn term_link(&self, lang: &str, id: &str) -> Option<Link> {
        let glossary = self.kommune.glossary.as_ref()?;
        let (doc, _) = glossary.pick(lang, self.kommune.default_lang());
        let wanted = crate::slug::slugify(id);
        let term = doc.data.terms.iter().find(|t| {
            t.anchor() == wanted || t.forms.iter().any(|f| crate::slug::slugify(f) == wanted)
        })?;
        Some(Link {
            label: term.term.clone(),
            url: format!("{}#{}", self.urls.href(lang, "ordliste/"), term.anchor()),
        })
    }
}

/// Text inside `[…]` of a Markdown link must not close the bracket or start markup.
fn escape_link_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '*' | '_' | '`' | '<' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

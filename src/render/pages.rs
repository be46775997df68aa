//! The front page and free pages.

use super::{KommuneRenderer, OutPage, SearchEntry};
use crate::diagnostics::Diagnostic;

impl KommuneRenderer<'_> {
    pub(super) fn front(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let default = self.kommune.default_lang();
        let front = self
            .kommune
            .front
            .as_ref()
            .expect("checked: every kommune has index.md");
        let (doc, _) = front.pick(lang, default);
        let links = self.term_links(lang, &doc.data);
        let body = self.md_with(lang, doc.body(), links.as_ref());
        let available: Vec<&str> = front.langs().collect();
        let page = self.page_ctx(lang, "", &doc.data.title, "", &available);
        let mut page = self.with_doc(page, lang, &doc.lang, &doc.data);
        page.breadcrumbs.clear();
        page.description = doc.data.intro.clone();
        let data = serde_json::json!({
            "intro": doc.data.intro,
            "body": body.html,
            "levels": self.levels_overview(lang),
        });
        let html = self.render_page("index.html", lang, &page, &data)?;
        let search = SearchEntry {
            path: String::new(),
            title: doc.data.title.clone(),
            kind: self.t(lang, "kind_page"),
            keywords: doc.data.keywords.clone(),
            text: body.text,
        };
        Ok(self.out(lang, "", html, Some(search)))
    }

    pub(super) fn page(&self, lang: &str, id: &str) -> Result<OutPage, Diagnostic> {
        let variants = &self.kommune.pages[id];
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let links = self.term_links(lang, &doc.data);
        let body = self.md_with(lang, doc.body(), links.as_ref());
        let path = format!("{id}/");
        let available: Vec<&str> = variants.langs().collect();
        let page = self.page_ctx(lang, &path, &doc.data.title, "", &available);
        let mut page = self.with_doc(page, lang, &doc.lang, &doc.data);
        page.description = doc.data.intro.clone();
        let data = serde_json::json!({ "intro": doc.data.intro, "body": body.html });
        let html = self.render_page("page.html", lang, &page, &data)?;
        let search = SearchEntry {
            path: path.clone(),
            title: doc.data.title.clone(),
            kind: self.t(lang, "kind_page"),
            keywords: doc.data.keywords.clone(),
            text: body.text,
        };
        Ok(self.out(lang, &path, html, Some(search)))
    }
}

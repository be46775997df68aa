//! The front page and free pages.

use super::{KommuneRenderer, OutPage, SearchEntry};
use crate::diagnostics::Diagnostic;
use crate::route::Route;

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
        let page = self.page_ctx(lang, &Route::Front, &doc.data.title, &available);
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
            route: Route::Front,
            anchor: None,
            title: doc.data.title.clone(),
            kind: self.t(lang, "kind_page"),
            keywords: doc.data.keywords.clone(),
            text: body.text,
        };
        Ok(self.out(lang, &Route::Front, html, Some(search)))
    }

    pub(super) fn page(&self, lang: &str, id: &str) -> Result<OutPage, Diagnostic> {
        let variants = &self.kommune.pages[id];
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let links = self.term_links(lang, &doc.data);
        let body = self.md_with(lang, doc.body(), links.as_ref());
        let route = Route::Page(id.to_string());
        let available: Vec<&str> = variants.langs().collect();
        let page = self.page_ctx(lang, &route, &doc.data.title, &available);
        let mut page = self.with_doc(page, lang, &doc.lang, &doc.data);
        page.description = doc.data.intro.clone();
        #[derive(serde::Serialize)]
        struct Data<'a> {
            intro: &'a Option<String>,
            body: &'a str,
        }
        let data = Data {
            intro: &doc.data.intro,
            body: &body.html,
        };
        let html = self.render_page("page.html", lang, &page, &data)?;
        let search = SearchEntry {
            route: route.clone(),
            anchor: None,
            title: doc.data.title.clone(),
            kind: self.t(lang, "kind_page"),
            keywords: doc.data.keywords.clone(),
            text: body.text,
        };
        Ok(self.out(lang, &route, html, Some(search)))
    }
}

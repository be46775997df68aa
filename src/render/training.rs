//! Training pages: the module overview and one page per module.

use super::{KommuneRenderer, OutPage, SearchEntry};
use crate::diagnostics::Diagnostic;
use crate::route::Route;

impl KommuneRenderer<'_> {
    pub(super) fn training_index(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let default = self.kommune.default_lang();
        let modules: Vec<_> = self
            .kommune
            .modules_ordered()
            .into_iter()
            .map(|v| {
                let (doc, _) = v.pick(lang, default);
                serde_json::json!({
                    "title": doc.data.title,
                    "url": self.urls.href(lang, &Route::Module(v.id.clone())),
                    "audience": doc.data.audience,
                    "duration": doc.data.duration,
                })
            })
            .collect();
        let title = self.t(lang, "nav_training");
        let page = self.page_ctx(lang, &Route::TrainingIndex, &title, &self.all_langs());
        let html = self.render_page(
            "training_index.html",
            lang,
            &page,
            &serde_json::json!({ "modules": modules, "calendar": self.calendar_ctx(lang) }),
        )?;
        Ok(self.out(lang, &Route::TrainingIndex, html, None))
    }

    pub(super) fn module(&self, lang: &str, id: &str) -> Result<OutPage, Diagnostic> {
        let variants = &self.kommune.modules[id];
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let m = &doc.data;
        // Glossary links in reading order: body, case, exercises.
        let links = self.term_links(lang, m);
        let body = self.md_with(lang, doc.body(), links.as_ref());
        let case = m
            .case
            .as_deref()
            .map(|c| self.md_with(lang, c, links.as_ref()).html);
        #[derive(serde::Serialize)]
        struct Exercise<'a> {
            title: &'a str,
            kind: String,
            text: String,
        }
        let exercises: Vec<_> = m
            .exercises
            .iter()
            .map(|e| Exercise {
                title: &e.title,
                kind: self.t(lang, e.kind.ui_key()),
                text: self.md_with(lang, &e.text, links.as_ref()).html,
            })
            .collect();
        #[derive(serde::Serialize)]
        struct Data<'a> {
            title: &'a str,
            audience: &'a str,
            duration: &'a str,
            goals: &'a [String],
            exercises: Vec<Exercise<'a>>,
            case: Option<String>,
            body: &'a str,
        }
        let data = Data {
            title: &m.title,
            audience: &m.audience,
            duration: &m.duration,
            goals: &m.goals,
            exercises,
            case,
            body: &body.html,
        };
        let route = Route::Module(id.to_string());
        let available: Vec<&str> = variants.langs().collect();
        let page = self.page_ctx(lang, &route, &m.title, &available);
        let page = self.with_doc(page, lang, &doc.lang, m);
        let html = self.render_page("module.html", lang, &page, &data)?;
        let search = SearchEntry {
            route: route.clone(),
            anchor: None,
            title: m.title.clone(),
            kind: self.t(lang, "kind_training"),
            keywords: m.keywords.clone(),
            text: [m.goals.join(" "), body.text, m.audience.clone()]
                .into_iter()
                .chain(
                    m.exercises
                        .iter()
                        .flat_map(|e| [e.title.clone(), self.md(lang, &e.text).text]),
                )
                .chain(m.case.iter().map(|c| self.md(lang, c).text))
                .collect::<Vec<_>>()
                .join(" "),
        };
        Ok(self.out(lang, &route, html, Some(search)))
    }
}

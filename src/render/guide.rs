//! Pages of the action guide: the overview with its level diagram, and one page per level.

use serde::Serialize;

use super::context::Link;
use super::{KommuneRenderer, OutPage, SearchEntry};
use crate::diagnostics::Diagnostic;
use crate::route::Route;

#[derive(Serialize)]
struct StepCtx {
    number: usize,
    id: String,
    title: String,
    how: String,
    who: String,
    tools: Option<String>,
    forms: Vec<Link>,
    services: Vec<Link>,
    arenas: Vec<Link>,
    deadline: Option<String>,
}

#[derive(Serialize)]
struct LevelCtx {
    number: u8,
    title: String,
    short_title: String,
    summary: String,
    purpose: String,
    lead: String,
    deadline: Option<String>,
    decision: String,
    steps: Vec<StepCtx>,
    forms: Vec<Link>,
    services: Vec<Link>,
    arenas: Vec<Link>,
    body: String,
    prev: Option<Link>,
    next: Option<Link>,
    url: String,
}

#[derive(Serialize)]
struct OverviewLevel {
    number: u8,
    title: String,
    short_title: String,
    summary: String,
    lead: String,
    deadline: Option<String>,
    url: String,
    steps: Vec<Link>,
}

impl KommuneRenderer<'_> {
    fn links(&self, ids: &[String], f: impl Fn(&str) -> Option<Link>) -> Vec<Link> {
        ids.iter().filter_map(|id| f(id)).collect()
    }

    pub(super) fn levels_overview(&self, lang: &str) -> Vec<impl Serialize> {
        let default = self.kommune.default_lang();
        self.kommune
            .levels
            .iter()
            .map(|v| {
                let (doc, _) = v.pick(lang, default);
                let url = self.urls.href(lang, &Route::Level(v.id.clone()));
                OverviewLevel {
                    number: doc.data.level,
                    title: doc.data.title.clone(),
                    short_title: doc.data.short().to_string(),
                    summary: doc.data.summary.clone(),
                    lead: doc.data.lead.clone(),
                    deadline: doc.data.deadline.clone(),
                    steps: doc
                        .data
                        .steps
                        .iter()
                        .map(|s| Link {
                            label: s.title.clone(),
                            url: format!("{url}#{}", s.anchor()),
                        })
                        .collect(),
                    url,
                }
            })
            .collect()
    }

    pub(super) fn guide_index(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let default = self.kommune.default_lang();
        let (title, intro, body, available, doc_lang, meta) = match &self.kommune.guide_intro {
            Some(v) => {
                let (doc, _) = v.pick(lang, default);
                (
                    doc.data.title.clone(),
                    doc.data.intro.clone(),
                    self.md_with(lang, doc.body(), self.term_links(lang, &doc.data).as_ref()),
                    v.langs().collect::<Vec<_>>(),
                    doc.lang.clone(),
                    Some(doc),
                )
            }
            None => (
                self.t(lang, "nav_guide"),
                None,
                Default::default(),
                self.all_langs(),
                lang.to_string(),
                None,
            ),
        };
        let mut page = self.page_ctx(lang, &Route::GuideIndex, &title, &available);
        if let Some(doc) = meta {
            page = self.with_doc(page, lang, &doc_lang, &doc.data);
        }
        let data = serde_json::json!({
            "intro": intro,
            "body": body.html,
            "levels": self.levels_overview(lang),
        });
        let html = self.render_page("guide_index.html", lang, &page, &data)?;
        let search = SearchEntry {
            route: Route::GuideIndex,
            anchor: None,
            title: title.clone(),
            kind: self.t(lang, "kind_guide"),
            keywords: meta.map(|d| d.data.keywords.clone()).unwrap_or_default(),
            text: body.text,
        };
        Ok(self.out(lang, &Route::GuideIndex, html, Some(search)))
    }

    pub(super) fn level(&self, lang: &str, index: usize) -> Result<OutPage, Diagnostic> {
        let default = self.kommune.default_lang();
        let levels = &self.kommune.levels;
        let variants = &levels[index];
        let (doc, _) = variants.pick(lang, default);
        let l = &doc.data;
        let route = Route::Level(variants.id.clone());
        let neighbour = |i: usize| {
            let v = &levels[i];
            let (d, _) = v.pick(lang, default);
            Link {
                label: d.data.title.clone(),
                url: self.urls.href(lang, &Route::Level(v.id.clone())),
            }
        };
        // The steps' own text is indexed with each step (see search_docs.rs).
        let mut text = vec![
            l.summary.clone(),
            self.md(lang, &l.purpose).text,
            self.md(lang, &l.lead).text,
            l.deadline.clone().unwrap_or_default(),
            self.md(lang, &l.decision).text,
        ];
        // Glossary links in reading order: purpose, lead, steps, decision, body.
        let links = self.term_links(lang, l);
        let links = links.as_ref();
        let purpose = self.md_with(lang, &l.purpose, links).html;
        let lead = self.md_inline_with(lang, &l.lead, links);
        let steps = l
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                text.push(s.title.clone());
                StepCtx {
                    number: i + 1,
                    id: s.anchor(),
                    title: s.title.clone(),
                    how: self.md_with(lang, &s.how, links).html,
                    who: self.md_inline_with(lang, &s.who, links),
                    tools: s
                        .tools
                        .as_deref()
                        .map(|t| self.md_inline_with(lang, t, links)),
                    forms: self.links(&s.forms, |id| self.form_link(lang, id)),
                    services: self.links(&s.services, |id| self.service_link(lang, id)),
                    arenas: self.links(&s.arenas, |id| self.arena_link(lang, id)),
                    deadline: s.deadline.clone(),
                }
            })
            .collect();
        let decision = self.md_with(lang, &l.decision, links).html;
        let body = self.md_with(lang, doc.body(), links);
        text.push(body.text.clone());
        let url = self.urls.href(lang, &route);
        let ctx = LevelCtx {
            number: l.level,
            title: l.title.clone(),
            short_title: l.short().to_string(),
            summary: l.summary.clone(),
            purpose,
            lead,
            deadline: l.deadline.clone(),
            decision,
            steps,
            forms: self.links(&l.forms, |id| self.form_link(lang, id)),
            services: self.links(&l.services, |id| self.service_link(lang, id)),
            arenas: self.links(&l.arenas, |id| self.arena_link(lang, id)),
            body: body.html,
            prev: index.checked_sub(1).map(neighbour),
            next: (index + 1 < levels.len()).then(|| neighbour(index + 1)),
            url,
        };
        let available: Vec<&str> = variants.langs().collect();
        let page = self.page_ctx(lang, &route, &l.title, &available);
        let mut page = self.with_doc(page, lang, &doc.lang, l);
        page.description = Some(l.summary.clone());
        let html = self.render_page("level.html", lang, &page, &ctx)?;
        let search = SearchEntry {
            route: route.clone(),
            anchor: None,
            title: l.title.clone(),
            kind: self.t(lang, "kind_level"),
            keywords: l.keywords.clone(),
            text: text.join(" "),
        };
        Ok(self.out(lang, &route, html, Some(search)))
    }
}

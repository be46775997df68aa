//! Meeting arenas (samhandlingsarenaer): the overview (`arenaer/`) and one page per arena
//! (`arenaer/<id>/`), which levels and steps link to.

use serde::Serialize;

use super::context::Link;
use super::{KommuneRenderer, OutPage, SearchEntry};
use crate::content::kommune::tel_href;
use crate::diagnostics::Diagnostic;
use crate::route::Route;

#[derive(Serialize)]
struct ContactCtx {
    name: Option<String>,
    phone: Option<String>,
    tel: Option<String>,
    email: Option<String>,
}

#[derive(Serialize)]
struct ArenaCtx {
    id: String,
    name: String,
    url: String,
    mandate: String,
    members: Vec<String>,
    frequency: Option<String>,
    levels: Vec<Link>,
    /// How a case is brought, in words ("Saken drøftes anonymt").
    case_mode: String,
    case_mode_key: &'static str,
    how_to_bring: String,
    contact: Option<ContactCtx>,
    /// Levels and steps of the guide that name this arena.
    used_in: Vec<Link>,
}

impl KommuneRenderer<'_> {
    fn arena_ctx(&self, lang: &str, id: &str) -> ArenaCtx {
        let variants = &self.kommune.arenas[id];
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let a = &doc.data;
        let contact = a.contact.as_ref().and_then(|c| {
            (c.name.is_some() || c.phone.is_some() || c.email.is_some()).then(|| ContactCtx {
                name: c.name.clone(),
                phone: c.phone.clone(),
                tel: c.phone.as_deref().map(tel_href),
                email: c.email.clone(),
            })
        });
        ArenaCtx {
            id: id.to_string(),
            name: a.name.clone(),
            url: self.urls.href(lang, &Route::Arena(id.to_string())),
            mandate: self.md(lang, &a.mandate).html,
            members: a.members.clone(),
            frequency: a.frequency.clone(),
            levels: a
                .levels
                .iter()
                .filter_map(|n| self.level_link(lang, *n))
                .collect(),
            case_mode: self.t(lang, a.case_mode.ui_key()),
            case_mode_key: a.case_mode.ui_key().trim_start_matches("case_mode_"),
            how_to_bring: self.md(lang, &a.how_to_bring).html,
            contact,
            used_in: self.arena_used_in(lang, id),
        }
    }

    /// Every level and step that names the arena `id`, in guide order.
    fn arena_used_in(&self, lang: &str, id: &str) -> Vec<Link> {
        let default = self.kommune.default_lang();
        let mut links = Vec::new();
        for v in &self.kommune.levels {
            let (doc, _) = v.pick(lang, default);
            let l = &doc.data;
            let url = self.urls.href(lang, &Route::Level(v.id.clone()));
            if l.arenas.iter().any(|a| a == id) {
                links.push(Link {
                    label: l.title.clone(),
                    url: url.clone(),
                    ..Default::default()
                });
            }
            for s in l.steps.iter().filter(|s| s.arenas.iter().any(|a| a == id)) {
                links.push(Link {
                    label: format!("{}: {}", l.title, s.title),
                    url: format!("{url}#{}", s.anchor()),
                    ..Default::default()
                });
            }
        }
        links
    }

    pub(super) fn arenas_index(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let default = self.kommune.default_lang();
        let mut arenas: Vec<ArenaCtx> = self
            .kommune
            .arenas
            .keys()
            .map(|id| self.arena_ctx(lang, id))
            .collect();
        arenas.sort_by(|a, b| {
            let name = |x: &ArenaCtx| {
                self.kommune.arenas[&x.id]
                    .primary(default)
                    .data
                    .name
                    .to_lowercase()
            };
            super::glossary::norwegian_cmp(&name(a), &name(b))
        });
        let title = self.t(lang, "nav_arenas");
        let page = self.page_ctx(lang, &Route::ArenasIndex, &title, &self.all_langs());
        let html = self.render_page(
            "arenas_index.html",
            lang,
            &page,
            &serde_json::json!({ "arenas": arenas }),
        )?;
        Ok(self.out(lang, &Route::ArenasIndex, html, None))
    }

    pub(super) fn arena(&self, lang: &str, id: &str) -> Result<OutPage, Diagnostic> {
        let variants = &self.kommune.arenas[id];
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let a = &doc.data;
        let ctx = self.arena_ctx(lang, id);
        let route = Route::Arena(id.to_string());
        let available: Vec<&str> = variants.langs().collect();
        let page = self.page_ctx(lang, &route, &a.name, &available);
        let mut page = self.with_doc(page, lang, &doc.lang, a);
        page.description = Some(self.md(lang, &a.mandate).text);
        let search = SearchEntry {
            route: route.clone(),
            anchor: None,
            title: a.name.clone(),
            kind: self.t(lang, "kind_arena"),
            keywords: a.keywords.clone(),
            text: [
                self.md(lang, &a.mandate).text,
                a.members.join(" "),
                a.frequency.clone().unwrap_or_default(),
                ctx.case_mode.clone(),
                self.md(lang, &a.how_to_bring).text,
            ]
            .join(" "),
        };
        let html = self.render_page(
            "arena.html",
            lang,
            &page,
            &serde_json::json!({ "arena": ctx }),
        )?;
        Ok(self.out(lang, &route, html, Some(search)))
    }
}

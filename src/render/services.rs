//! Service pages: the overview grouped by category, one page per service, and the
//! contact card used by the `{{ service id }}` shortcode.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{KommuneRenderer, OutPage, SearchEntry};
use crate::content::contacts::UnitKind;
use crate::content::kommune::tel_href;
use crate::diagnostics::Diagnostic;
use crate::route::Route;

#[derive(Serialize)]
pub struct ServiceCtx {
    id: String,
    name: String,
    url: String,
    category: String,
    description: String,
    ages_from: u8,
    ages_to: u8,
    levels: Vec<u8>,
    phone: Option<String>,
    tel: Option<String>,
    email: Option<String>,
    address: Option<String>,
    opening_hours: Option<String>,
    web: Option<String>,
    referral: String,
}

impl KommuneRenderer<'_> {
    pub fn service_ctx(&self, lang: &str, id: &str) -> Option<ServiceCtx> {
        self.service_ctx_texts(lang, id).map(|(ctx, _, _)| ctx)
    }

    /// [`Self::service_ctx`] with the plain text of the description and the referral (for
    /// search), so the service page renders each Markdown text once.
    fn service_ctx_texts(&self, lang: &str, id: &str) -> Option<(ServiceCtx, String, String)> {
        let variants = self.kommune.services.get(id)?;
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let s = &doc.data;
        let description = self.md(lang, &s.description);
        let referral = self.md(lang, &s.referral);
        let ctx = ServiceCtx {
            id: id.to_string(),
            name: s.name.clone(),
            url: self.urls.href(lang, &Route::Service(id.to_string())),
            category: s.category.clone(),
            description: description.html,
            ages_from: s.ages.from,
            ages_to: s.ages.to,
            levels: s.levels.clone(),
            phone: s.contact.phone.clone(),
            tel: s.contact.phone.as_deref().map(tel_href),
            email: s.contact.email.clone(),
            address: s.contact.address.clone(),
            opening_hours: s.contact.opening_hours.clone(),
            web: s.contact.web.clone(),
            referral: referral.html,
        };
        Some((ctx, description.text, referral.text))
    }

    pub fn service_card_html(&self, lang: &str, id: &str) -> Option<String> {
        let service = self.service_ctx(lang, id)?;
        // A block shortcode may sit in content shown in a fallback language: its labels
        // always say theirs.
        let mut ctx = self.theme.texts(lang, true);
        ctx.insert("service", &service);
        self.theme.render("partials/service_card.html", &ctx).ok()
    }

    pub fn resource_persons_html(&self, lang: &str, kind: &str) -> Option<String> {
        let kind = UnitKind::parse(kind)?;
        let contacts = self.kommune.contacts.as_ref()?;
        let (doc, _) = contacts.pick(lang, self.kommune.default_lang());
        let units: Vec<_> = doc
            .data
            .units
            .iter()
            .filter(|u| u.kind == kind)
            .map(|u| {
                serde_json::json!({
                    "name": u.name,
                    "contacts": u.contacts.iter().map(|p| serde_json::json!({
                        "name": p.name, "role": p.role, "phone": p.phone,
                        "tel": p.phone.as_deref().map(tel_href), "email": p.email,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        // A block shortcode may sit in content shown in a fallback language: its labels
        // always say theirs.
        let mut ctx = self.theme.texts(lang, true);
        ctx.insert("units", &units);
        self.theme
            .render("partials/resource_persons.html", &ctx)
            .ok()
    }

    pub(super) fn services_index(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let mut by_category: BTreeMap<String, Vec<ServiceCtx>> = BTreeMap::new();
        for id in self.kommune.services.keys() {
            if let Some(s) = self.service_ctx(lang, id) {
                by_category.entry(s.category.clone()).or_default().push(s);
            }
        }
        #[derive(Serialize)]
        struct Category {
            id: String,
            name: String,
            services: Vec<ServiceCtx>,
        }
        #[derive(Serialize)]
        struct Data {
            categories: Vec<Category>,
        }
        let categories: Vec<_> = by_category
            .into_iter()
            .map(|(name, mut services)| {
                services.sort_by(|a, b| a.name.cmp(&b.name));
                Category {
                    id: crate::slug::slugify(&name),
                    name,
                    services,
                }
            })
            .collect();
        let title = self.t(lang, "nav_services");
        let page = self.page_ctx(lang, &Route::ServicesIndex, &title, &self.all_langs());
        let html = self.render_page("services_index.html", lang, &page, &Data { categories })?;
        Ok(self.out(lang, &Route::ServicesIndex, html, None))
    }

    pub(super) fn service(&self, lang: &str, id: &str) -> Result<OutPage, Diagnostic> {
        let variants = &self.kommune.services[id];
        let (doc, _) = variants.pick(lang, self.kommune.default_lang());
        let s = &doc.data;
        let (ctx, description_text, referral_text) =
            self.service_ctx_texts(lang, id).expect("service exists");
        let levels: Vec<_> = s
            .levels
            .iter()
            .filter_map(|n| self.level_link(lang, *n))
            .collect();
        let route = Route::Service(id.to_string());
        let available: Vec<&str> = variants.langs().collect();
        let page = self.page_ctx(lang, &route, &s.name, &available);
        let mut page = self.with_doc(page, lang, &doc.lang, s);
        page.description = Some(s.category.clone());
        #[derive(serde::Serialize)]
        struct Data<T, L> {
            service: T,
            levels: Vec<L>,
        }
        let html = self.render_page(
            "service.html",
            lang,
            &page,
            &Data {
                service: ctx,
                levels,
            },
        )?;
        let search = SearchEntry {
            route: route.clone(),
            anchor: None,
            title: s.name.clone(),
            kind: self.t(lang, "kind_service"),
            keywords: s
                .keywords
                .iter()
                .cloned()
                .chain([s.category.clone()])
                .collect(),
            text: [description_text, referral_text]
                .into_iter()
                .chain(
                    [
                        &s.contact.phone,
                        &s.contact.email,
                        &s.contact.address,
                        &s.contact.opening_hours,
                    ]
                    .into_iter()
                    .flatten()
                    .cloned(),
                )
                .collect::<Vec<_>>()
                .join(" "),
        };
        Ok(self.out(lang, &route, html, Some(search)))
    }
}

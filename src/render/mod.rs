//! Render stage: turns a resolved kommune into HTML pages using the theme's templates.
//! Each content type has its own module that builds its template context.

mod arenas;
mod calendar;
mod chrome;
mod contacts;
pub mod context;
mod film;
mod forms;
mod glossary;
mod guide;
mod keywords;
mod pages;
pub mod parts;
pub mod prints;
mod search_docs;
mod services;
pub mod shortcode;
pub mod theme;
mod training;
pub mod urls;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::kommune::tel_href;
use crate::diagnostics::Diagnostic;
use crate::route::Route;
use crate::site::Kommune;
use context::{t_get, ContactCtx, EmergencyCtx, Link, NavItem, PageCtx, SiteCtx};
pub use theme::Theme;
use urls::Urls;

/// One rendered page, ready to be minified and written.
pub struct OutPage {
    /// Path inside the output: a folder (`…/skjema/x/`, gets index.html) or a file name.
    pub path: String,
    pub route: Route,
    pub html: String,
    pub lang: String,
    pub in_sitemap: bool,
    pub search: Option<SearchEntry>,
}

/// The template contexts of one language, ready but for the page's own values: `site`,
/// `t` and `tt` serialized once per kommune. A page's context is a copy, which is cheap:
/// Tera 2 keeps maps and lists behind reference counts. With them, the chrome rendered
/// once per navigation state.
struct LanguageContexts {
    plain: tera::Context,
    marked: tera::Context,
    chrome: chrome::ChromeCache,
}

impl LanguageContexts {
    /// The base context, with `tt` marked or not.
    fn base(&self, marked: bool) -> &tera::Context {
        if marked {
            &self.marked
        } else {
            &self.plain
        }
    }
}

/// What the search index needs to know about a page.
#[derive(Debug, Clone)]
pub struct SearchEntry {
    /// The page the result leads to, and the element on it.
    pub route: Route,
    pub anchor: Option<String>,
    pub title: String,
    pub kind: String,
    pub keywords: Vec<String>,
    pub text: String,
}

/// Renders the pages of one kommune.
pub struct KommuneRenderer<'a> {
    pub theme: &'a Theme,
    pub kommune: &'a Kommune,
    pub config: &'a SiteConfig,
    pub urls: Urls,
    pub today: chrono::NaiveDate,
    sites: BTreeMap<String, SiteCtx>,
    /// Per language, template contexts with `site`, `t` and `tt` already in them: serialized
    /// once per kommune and copied for each page (see [`LanguageContexts`]).
    contexts: BTreeMap<String, LanguageContexts>,
    /// The glossary prepared for automatic links, per language.
    terms: BTreeMap<String, crate::terms::TermMatcher>,
    /// Sizes of the PDFs made in `trykk/` by file name; `None` when none are made (the
    /// preview, or a binary without the `print` feature).
    pub print_sizes: Option<BTreeMap<String, u64>>,
    /// Parts rendered once for every kommune that shows them alike (a build shares one).
    pub parts: std::sync::Arc<parts::RenderedParts>,
}

pub struct Assets {
    pub css_href: String,
    pub search_script_href: Option<String>,
    pub forms_script_href: Option<String>,
}

impl<'a> KommuneRenderer<'a> {
    pub fn new(
        theme: &'a Theme,
        kommune: &'a Kommune,
        config: &'a SiteConfig,
        urls: Urls,
        today: chrono::NaiveDate,
        assets: &Assets,
        regional_home: Option<String>,
    ) -> Self {
        let mut renderer = KommuneRenderer {
            theme,
            kommune,
            config,
            urls,
            today,
            sites: BTreeMap::new(),
            contexts: BTreeMap::new(),
            terms: BTreeMap::new(),
            print_sizes: None,
            parts: Default::default(),
        };
        for lang in &kommune.languages {
            let site = renderer.site_ctx(lang, assets, regional_home.clone());
            let contexts = LanguageContexts {
                plain: renderer.base_context(&site, lang, false),
                marked: renderer.base_context(&site, lang, true),
                chrome: Default::default(),
            };
            renderer.sites.insert(lang.clone(), site);
            renderer.contexts.insert(lang.clone(), contexts);
            let terms = renderer.term_matcher(lang);
            renderer.terms.insert(lang.clone(), terms);
        }
        renderer
    }

    fn site_ctx(&self, lang: &str, assets: &Assets, regional_home: Option<String>) -> SiteCtx {
        let k = &self.kommune.config;
        let t = self.theme.strings.for_lang(lang);
        let nav = [
            (Route::GuideIndex, "nav_guide"),
            (Route::FormsIndex, "nav_forms"),
            (Route::ServicesIndex, "nav_services"),
            (Route::TrainingIndex, "nav_training"),
        ]
        .iter()
        .map(|(route, key)| NavItem {
            label: t_get(t, key),
            url: self.urls.href(lang, route),
            section: route.section(),
            current: false,
        })
        .chain(self.kommune.parents_page().map(|id| NavItem {
            label: t_get(t, "nav_parents"),
            url: self.urls.href(lang, &Route::Page(id.to_string())),
            section: "",
            current: false,
        }))
        .collect();
        let footer_links = self
            .kommune
            .pages_ordered()
            .into_iter()
            .filter(|p| p.primary(self.kommune.default_lang()).data.menu)
            .map(|p| {
                let (doc, _) = p.pick(lang, self.kommune.default_lang());
                Link {
                    label: doc.data.title.clone(),
                    url: self.urls.href(lang, &Route::Page(p.id.clone())),
                    ..Default::default()
                }
            })
            .collect();
        let contacts = k
            .contacts
            .iter()
            .map(|c| ContactCtx {
                name: c.name.clone(),
                role: c.role.clone(),
                phone: c.phone.clone(),
                tel: c.phone.as_deref().map(tel_href),
                email: c.email.clone(),
            })
            .collect();
        let police = k
            .emergency
            .police_phone
            .clone()
            .unwrap_or_else(|| "112".into());
        let emergency = EmergencyCtx {
            child_welfare_tel: k.emergency.child_welfare_phone.as_deref().map(tel_href),
            child_welfare_phone: k.emergency.child_welfare_phone.clone(),
            after_hours_tel: k
                .emergency
                .child_welfare_after_hours
                .as_deref()
                .map(tel_href),
            after_hours_phone: k.emergency.child_welfare_after_hours.clone(),
            police_tel: tel_href(&police),
            police_phone: police,
            report_url: k.emergency.report_url.clone(),
            child_helpline_tel: k.emergency.child_helpline().as_deref().map(tel_href),
            child_helpline_phone: k.emergency.child_helpline(),
        };
        SiteCtx {
            title: self.config.title.clone(),
            name: k.name.clone(),
            short_name: k.short().to_string(),
            number: k.number.clone(),
            lang: lang.to_string(),
            dir: crate::i18n::dir(lang),
            root: self.urls.lang_root(lang),
            css_url: self.urls.file(&assets.css_href),
            search_url: self.urls.href(lang, &Route::Search),
            keywords_url: self.urls.href(lang, &Route::Keywords),
            search_index_url: assets
                .search_script_href
                .as_ref()
                .map(|_| self.urls.href(lang, &Route::SearchIndex)),
            search_script_url: assets
                .search_script_href
                .as_ref()
                .map(|s| self.urls.file(s)),
            forms_script_url: assets.forms_script_href.as_ref().map(|s| self.urls.file(s)),
            logo_url: k.branding.logo.as_ref().map(|l| self.urls.file(l)),
            logo_alt: k.branding.logo_alt.clone(),
            nav,
            footer_links,
            section_links: self.section_links(lang),
            contacts,
            feedback_email: k.feedback.as_ref().and_then(|f| f.email.clone()),
            feedback_url: k.feedback.as_ref().and_then(|f| f.url.clone()),
            accessibility_statement: k.accessibility_statement.clone(),
            emergency,
            regional_home,
            parents_url: self
                .kommune
                .parents_page()
                .map(|id| self.urls.href(lang, &Route::Page(id.to_string()))),
            parents_links: self.parents_links(),
        }
    }

    /// The parents' page in each of the kommune's languages, labelled in that language.
    fn parents_links(&self) -> Vec<context::ParentsLink> {
        let Some(id) = self.kommune.parents_page() else {
            return Vec::new();
        };
        let route = Route::Page(id.to_string());
        self.kommune
            .languages
            .iter()
            .map(|l| context::ParentsLink {
                code: l.clone(),
                dir: crate::i18n::dir(l),
                language: crate::i18n::language(l)
                    .map_or(l.as_str(), |x| x.name)
                    .to_string(),
                label: t_get(self.theme.strings.for_lang(l), "nav_parents"),
                url: self.urls.href(l, &route),
            })
            .collect()
    }

    /// Every page of the kommune, in every language.
    pub fn routes(&self) -> Vec<(Route, String)> {
        Self::routes_of(self.kommune)
    }

    /// The pages [`Self::routes`] renders for `k`, without a renderer: the one list of what
    /// the site contains, which the build, the preview and the checks share.
    pub fn routes_of(k: &Kommune) -> Vec<(Route, String)> {
        let mut routes = Vec::new();
        let has_prints = !prints::print_files(k).is_empty();
        for lang in &k.languages {
            let mut push = |route: Route| routes.push((route, lang.clone()));
            push(Route::Front);
            push(Route::GuideIndex);
            k.levels
                .iter()
                .for_each(|v| push(Route::Level(v.id.clone())));
            push(Route::FormsIndex);
            k.forms.keys().for_each(|id| push(Route::Form(id.clone())));
            push(Route::ServicesIndex);
            k.services
                .keys()
                .for_each(|id| push(Route::Service(id.clone())));
            push(Route::TrainingIndex);
            k.modules
                .keys()
                .for_each(|id| push(Route::Module(id.clone())));
            k.pages.keys().for_each(|id| push(Route::Page(id.clone())));
            push(Route::Search);
            push(Route::Keywords);
            k.glossary.iter().for_each(|_| push(Route::Glossary));
            if !k.arenas.is_empty() {
                push(Route::ArenasIndex);
            }
            k.arenas
                .keys()
                .for_each(|id| push(Route::Arena(id.clone())));
            k.contacts.iter().for_each(|_| push(Route::Contacts));
            if has_prints {
                push(Route::Prints);
            }
        }
        routes.push((Route::NotFound, k.default_lang().to_string()));
        routes
    }

    /// Render every page in parallel and hand each to `write` as soon as it is made; the
    /// returned pages have their HTML dropped, so a large site is never held in memory.
    /// Errors are collected like [`Self::render_all`].
    pub fn render_each(
        &self,
        selected: &(dyn Fn(&Route, &str) -> bool + Sync),
        write: &(dyn Fn(&OutPage) -> Result<(), Diagnostic> + Sync),
    ) -> Result<Vec<OutPage>, Vec<Diagnostic>> {
        let results: Vec<Result<OutPage, Diagnostic>> = self
            .routes()
            .into_iter()
            .filter(|(route, lang)| selected(route, lang))
            .collect::<Vec<_>>()
            .par_iter()
            .map(|(route, lang)| {
                let mut page = self.render_route(route, lang)?;
                write(&page)?;
                page.html = String::new();
                Ok(page)
            })
            .collect();
        let mut pages = Vec::with_capacity(results.len());
        let mut errors = Vec::new();
        for r in results {
            match r {
                Ok(p) => pages.push(p),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(pages)
        } else {
            // A template error fails every page that uses the template, with the same
            // message: say it once.
            crate::check::dedupe(&mut errors);
            errors.truncate(5);
            Err(errors)
        }
    }

    /// The content file whose Markdown body a page shows, if the page comes from one
    /// file. The preview re-renders only these pages when just a body changed.
    pub fn route_source(&self, route: &Route, lang: &str) -> Option<&str> {
        let k = self.kommune;
        let default = k.default_lang();
        let file = match route {
            Route::Front => &k.front.as_ref()?.pick(lang, default).0.file,
            Route::GuideIndex => &k.guide_intro.as_ref()?.pick(lang, default).0.file,
            Route::Level(id) => {
                &k.levels
                    .iter()
                    .find(|v| &v.id == id)?
                    .pick(lang, default)
                    .0
                    .file
            }
            Route::Module(id) => &k.modules.get(id)?.pick(lang, default).0.file,
            Route::Page(id) => &k.pages.get(id)?.pick(lang, default).0.file,
            _ => return None,
        };
        Some(file.display.as_str())
    }

    /// The content file a page is made from, for messages about the page (any page made
    /// from one file, whether Markdown or YAML).
    pub fn route_file(&self, route: &Route, lang: &str) -> Option<&str> {
        let k = self.kommune;
        let default = k.default_lang();
        let file = match route {
            Route::Form(id) => &k.forms.get(id)?.pick(lang, default).0.file,
            Route::Service(id) => &k.services.get(id)?.pick(lang, default).0.file,
            Route::Arena(id) => &k.arenas.get(id)?.pick(lang, default).0.file,
            Route::Glossary => &k.glossary.as_ref()?.pick(lang, default).0.file,
            Route::Contacts => &k.contacts.as_ref()?.pick(lang, default).0.file,
            _ => return self.route_source(route, lang),
        };
        Some(file.display.as_str())
    }

    pub fn render_route(&self, route: &Route, lang: &str) -> Result<OutPage, Diagnostic> {
        match route {
            Route::Front => self.front(lang),
            Route::GuideIndex => self.guide_index(lang),
            Route::Level(id) => {
                let index = self.kommune.levels.iter().position(|v| &v.id == id);
                match index {
                    Some(i) => self.level(lang, i),
                    None => Err(Diagnostic::error(
                        "no-such-page",
                        crate::msg!("render-no-level", id = id.as_str()),
                    )),
                }
            }
            Route::FormsIndex => self.forms_index(lang),
            Route::Form(id) => self.form(lang, id),
            Route::ServicesIndex => self.services_index(lang),
            Route::Service(id) => self.service(lang, id),
            Route::TrainingIndex => self.training_index(lang),
            Route::Module(id) => self.module(lang, id),
            Route::Page(id) => self.page(lang, id),
            Route::Search => self.search_page(lang),
            Route::Keywords => self.keywords_page(lang),
            Route::Glossary => self.glossary_page(lang),
            Route::ArenasIndex => self.arenas_index(lang),
            Route::Arena(id) => self.arena(lang, id),
            Route::Contacts => self.contacts_page(lang),
            Route::Prints => self.prints_page(lang),
            Route::NotFound => self.not_found(lang),
            Route::Calendar | Route::SearchIndex | Route::PrintFile(_) => Err(Diagnostic::error(
                "no-such-page",
                crate::msg!("render-not-a-page", route = route.to_string()),
            )),
        }
    }

    /// Render `template` with the chrome and `extra` (a serializable value under `data`).
    pub fn render_page<T: Serialize>(
        &self,
        template: &str,
        lang: &str,
        page: &PageCtx,
        data: &T,
    ) -> Result<String, Diagnostic> {
        self.render_page_with(&self.sites[lang], template, lang, page, data)
    }

    /// [`Self::render_page`] with `data` made into the templates' value already.
    pub fn render_page_value(
        &self,
        template: &str,
        lang: &str,
        page: &PageCtx,
        data: tera::Value,
    ) -> Result<String, Diagnostic> {
        self.render_page_with(&self.sites[lang], template, lang, page, &Prebuilt(data))
    }

    /// [`Self::render_page`] with another site chrome (the search page's relative asset URLs).
    fn render_page_with<T: PageData + ?Sized>(
        &self,
        site: &SiteCtx,
        template: &str,
        lang: &str,
        page: &PageCtx,
        data: &T,
    ) -> Result<String, Diagnostic> {
        // Labels inside the fallback container restate the page's language.
        let marked = page.content_lang.is_some();
        let contexts = match self.sites.get(lang) {
            Some(own) if std::ptr::eq(own, site) => Some(&self.contexts[lang]),
            _ => None,
        };
        let mut ctx = match contexts {
            Some(contexts) => contexts.base(marked).clone(),
            None => self.base_context(site, lang, marked),
        };
        let mut site_nav = site.nav.clone();
        for item in &mut site_nav {
            // "For foreldre" is one page, not a section.
            item.current = if item.section.is_empty() {
                item.url == page.url
            } else {
                item.section == page.section
            };
        }
        match contexts {
            Some(contexts) => {
                let chrome =
                    contexts
                        .chrome
                        .get(self.theme, contexts.base(marked), marked, &site_nav)?;
                ctx.insert_value("chrome", chrome.parts);
                ctx.insert_value("nav", chrome.nav);
            }
            None => ctx.insert("nav", &site_nav),
        }
        ctx.insert("page", page);
        data.insert_into(&mut ctx);
        self.theme.render(template, &ctx)
    }

    /// The part of a page's template context that is the same on every page: the site
    /// chrome and the UI strings (`tt` with each label marked with its language when
    /// `marked`).
    fn base_context(&self, site: &SiteCtx, lang: &str, marked: bool) -> tera::Context {
        let mut ctx = self.theme.texts(lang, marked);
        ctx.insert("site", site);
        ctx
    }

    pub fn t(&self, lang: &str, key: &str) -> String {
        t_get(self.theme.strings.for_lang(lang), key)
    }

    /// Languages in which a page generated from UI strings alone exists: all of them.
    pub fn all_langs(&self) -> Vec<&str> {
        self.kommune.languages.iter().map(String::as_str).collect()
    }

    fn out(&self, lang: &str, route: &Route, html: String, search: Option<SearchEntry>) -> OutPage {
        OutPage {
            path: self.urls.out_path(lang, route),
            route: route.clone(),
            html,
            lang: lang.to_string(),
            in_sitemap: true,
            search,
        }
    }

    fn search_page(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let title = self.t(lang, "search_title");
        let mut page = self.page_ctx(lang, &Route::Search, &title, &self.all_langs());
        page.breadcrumbs.truncate(1);
        // Stylesheet, logo and scripts by relative URLs, so that the page and its search work
        // when the built site is opened from disk (file://), where `/…` does not resolve.
        // Results link relative to the page too (search.js, `data-root`).
        let mut site = self.sites[lang].clone();
        let home = self.urls.home();
        let up = self.urls.up_to_home(lang, &Route::Search);
        let relative = |href: &mut String| {
            if let Some(rest) = href.strip_prefix(&home) {
                *href = format!("{up}{rest}");
            }
        };
        relative(&mut site.css_url);
        site.logo_url.iter_mut().for_each(relative);
        site.search_script_url.iter_mut().for_each(relative);
        if site.search_index_url.is_some() {
            site.search_index_url = Some("indeks.js".into());
        }
        let data = serde_json::json!({
            "az_url": self.urls.href(lang, &Route::Keywords),
            "root": "../",
        });
        let html = self.render_page_with(&site, "search.html", lang, &page, &data)?;
        let mut out = self.out(lang, &Route::Search, html, None);
        out.in_sitemap = false;
        Ok(out)
    }

    fn not_found(&self, lang: &str) -> Result<OutPage, Diagnostic> {
        let title = self.t(lang, "not_found_title");
        let mut page = self.page_ctx(lang, &Route::NotFound, &title, &[lang]);
        page.languages.clear();
        let html = self.render_page("404.html", lang, &page, &())?;
        Ok(OutPage {
            path: self.urls.out_path(lang, &Route::NotFound),
            route: Route::NotFound,
            html,
            lang: lang.to_string(),
            in_sitemap: false,
            search: None,
        })
    }
}

/// What a page's template has as `data`: any serializable value, or one made already.
trait PageData {
    fn insert_into(&self, ctx: &mut tera::Context);
}

impl<T: Serialize> PageData for T {
    fn insert_into(&self, ctx: &mut tera::Context) {
        ctx.insert("data", self);
    }
}

/// A page's data made into the templates' value already (a clone is a reference count).
struct Prebuilt(tera::Value);

impl PageData for Prebuilt {
    fn insert_into(&self, ctx: &mut tera::Context) {
        ctx.insert_value("data", self.0.clone());
    }
}

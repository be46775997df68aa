//! Rendering a checked site into a sink: pages in parallel, then search indexes, sitemap,
//! landing page, and the proof that every internal link resolves.

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::Instant;

use rayon::prelude::*;

use super::files::{write_assets, write_landing, write_page, write_prints, write_search_indexes};
use super::{page_file, BuildOptions, Plan, SearchCache, Select};
use crate::config::BaseUrl;
use crate::diagnostics::Diagnostic;
use crate::load::Project;
use crate::render::theme::CompiledTheme;
use crate::render::urls::Urls;
use crate::render::{KommuneRenderer, Theme};
use crate::route::Route;
use crate::search::SearchDocument;
use crate::site::Kommune;
use crate::verify::{LinkIndex, RecordingSink};
use crate::write::Sink;

/// What rendering needs that is the same for every kommune: the theme, the base URL.
pub struct Prepared<'a> {
    pub config: &'a crate::config::SiteConfig,
    pub project: Option<&'a Project>,
    pub theme: std::sync::Arc<Theme>,
    pub base: BaseUrl,
    /// Every kommune under its own folder, with a landing page (no `--kommune`).
    pub regional: bool,
    /// `--base-url` was given: it wins over a kommune's own `base_url`.
    pub base_from_command_line: bool,
    /// Every internal link relative to its page (`build --relative-urls`).
    pub relative: bool,
    pub today: chrono::NaiveDate,
    /// The print PDFs kept between builds (see [`crate::print::PdfCache`]).
    #[cfg(feature = "print")]
    pub pdf_cache: Option<crate::print::PdfCache>,
    /// What the last build into the same output made, to take over what did not change.
    pub incremental: Option<super::incremental::Incremental>,
}

impl<'a> Prepared<'a> {
    pub(super) fn new(
        project: &'a Project,
        kommuner: &[Kommune],
        opts: &BuildOptions,
        incremental: Option<super::incremental::Incremental>,
        compiled: Option<super::CompilingTheme>,
        pdf: bool,
    ) -> Result<Prepared<'a>, Vec<Diagnostic>> {
        let base_url = site_base_url(project, kommuner, opts.kommune.is_some(), &opts.base_url);
        let base = BaseUrl::parse(&base_url).map_err(|e| {
            let d = Diagnostic::error("invalid-base-url", e);
            vec![match opts.base_url {
                Some(_) => d.with_help(crate::msg!("build-base-url-flag-help")),
                None => d
                    .in_file(&project.config_file)
                    .with_help(crate::msg!("build-base-url-help")),
            }]
        })?;
        let langs = super::theme_languages(
            project,
            kommuner,
            incremental
                .iter()
                .flat_map(|inc| inc.unloaded.values().flat_map(|e| e.langs.clone())),
        );
        // Compiled while the content was checked, unless veiviser.yaml named another theme
        // by then; its warnings (missing interface texts) are the check stage's
        // (check/settings.rs).
        let theme = &project.config.theme;
        let compiled = match compiled {
            Some((name, compiled)) if name == *theme => compiled,
            _ => CompiledTheme::compile_with(&project.root, theme, super::css_cache(opts).as_ref()),
        };
        // The texts the check read, when for the same languages (not when kommuner taken
        // over without loading add some).
        let checked_texts = project
            .ui_texts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .filter(|(read_for, _)| *read_for == langs);
        let (theme, _) = compiled
            .and_then(|compiled| match checked_texts {
                Some((_, strings)) => Ok((compiled.with_loaded_strings(strings), Vec::new())),
                None => compiled.with_strings(&langs),
            })
            .map_err(|d| vec![d])?;
        // Without PDFs the cache's key (every print file and font hashed) is not needed.
        #[cfg(not(feature = "print"))]
        let _ = pdf;
        #[cfg(feature = "print")]
        let pdf_cache = opts
            .cache_dir
            .as_deref()
            .filter(|_| pdf)
            .map(|dir| crate::print::PdfCache::new(dir, &theme.files, !opts.clean));
        let prepared = Prepared {
            #[cfg(feature = "print")]
            pdf_cache,
            incremental,
            config: &project.config,
            project: Some(project),
            theme: std::sync::Arc::new(theme),
            base,
            regional: opts.kommune.is_none(),
            base_from_command_line: opts.base_url.is_some(),
            relative: opts.relative_urls,
            today: opts.today,
        };
        Ok(prepared)
    }

    /// The URLs of a kommune's print products: its own published address when kommune.yaml
    /// has `base_url` (and `--base-url` did not say otherwise), else its pages' URLs.
    pub fn print_urls(&self, kommune: &Kommune) -> Urls {
        print_urls(
            kommune,
            &self.base,
            self.regional,
            self.base_from_command_line,
        )
    }

    /// The URLs of one kommune's pages.
    pub fn urls(&self, kommune: &Kommune) -> Urls {
        page_urls(kommune, &self.base, self.regional)
    }
}

/// The site's base URL: `--base-url`, else the own `base_url` of a kommune built alone,
/// else veiviser.yaml's.
pub(crate) fn site_base_url(
    project: &Project,
    kommuner: &[Kommune],
    alone: bool,
    command_line: &Option<String>,
) -> String {
    let own = match kommuner {
        [kommune] if alone => kommune.config.base_url.clone(),
        _ => None,
    };
    command_line
        .clone()
        .or(own)
        .unwrap_or_else(|| project.config.base_url.clone())
}

/// See [`Prepared::print_urls`].
pub(crate) fn print_urls(
    kommune: &Kommune,
    site: &BaseUrl,
    regional: bool,
    base_from_command_line: bool,
) -> Urls {
    let own = kommune
        .config
        .base_url
        .as_deref()
        .filter(|_| regional || !base_from_command_line)
        .and_then(|b| BaseUrl::parse(b).ok());
    match own {
        Some(base) => Urls {
            base,
            prefix: String::new(),
            default_lang: kommune.default_lang().to_string(),
        },
        None => page_urls(kommune, site, regional),
    }
}

fn page_urls(kommune: &Kommune, site: &BaseUrl, regional: bool) -> Urls {
    Urls {
        base: site.clone(),
        prefix: if regional {
            format!("{}/", kommune.slug)
        } else {
            String::new()
        },
        default_lang: kommune.default_lang().to_string(),
    }
}

/// What [`render`] made.
pub struct Rendered {
    pub pages: usize,
    pub warnings: Vec<Diagnostic>,
    /// The search documents, when every page was rendered.
    pub search: Option<SearchCache>,
}

/// Render the checked kommuner into `sink`: every page that `plan` selects, minified and
/// written as soon as it is made, then (for a whole site) the search indexes, the sitemap,
/// the landing page, and the proof that every internal link resolves.
pub fn render(
    prep: &Prepared,
    kommuner: &[Kommune],
    plan: Plan,
    sink: &dyn Sink,
) -> Result<Rendered, Vec<Diagnostic>> {
    let Plan {
        pdf,
        select,
        progress,
        keep_search,
        previous: _,
    } = plan;
    let keep_search = keep_search && matches!(select, Select::All);
    let whole = matches!(select, Select::All);
    let (changed, routes, cache) = match select {
        Select::All => (None, None, None),
        Select::Sources { changed, search } => (Some(changed), None, Some(search)),
        Select::Routes(routes) => (None, Some(routes), None),
    };
    let base = &prep.base;
    let theme: &Theme = &prep.theme;
    // A whole site proves its own links: everything written is recorded and checked.
    // (`VEIVISER_SKIP_LINK_CHECK` is for scripts/bench-build.sh, to measure what it costs.)
    let check_links = whole && std::env::var_os("VEIVISER_SKIP_LINK_CHECK").is_none();
    let links = check_links.then(|| LinkIndex::new(base));
    let output = sink;
    let recording;
    let sink: &dyn Sink = match &links {
        Some(index) => {
            recording = RecordingSink::new(sink, index);
            &recording
        }
        None => sink,
    };
    let sitemap = Mutex::new(Vec::new());
    let print_warnings = Mutex::new(Vec::new());
    let all_print_warnings = &print_warnings;
    // The search documents are kept only for the preview, which updates indexes from them;
    // a disk build writes each kommune's indexes as soon as it is rendered.
    let searches = Mutex::new(SearchCache::default());
    let cache = cache.map(Mutex::new);
    // Kommuner taken over without being loaded (a whole build; see `incremental`).
    let unloaded = prep
        .incremental
        .as_ref()
        .filter(|_| whole)
        .map(|inc| (inc, &inc.unloaded));
    let total = kommuner
        .iter()
        .map(|k| KommuneRenderer::routes_of(k).len())
        .chain(
            unloaded
                .iter()
                .flat_map(|(_, u)| u.values().map(|e| e.pages)),
        )
        .sum();
    progress.pages(total, &crate::msg!("progress-rendering"));
    // One for the build: what kommuner inherit is minified once (see `shared`).
    let shared = &super::shared::SharedMinifier::default();
    // And what kommuner show alike is rendered once (see `render::parts`).
    let parts = std::sync::Arc::new(crate::render::parts::RenderedParts::default());
    // Kommuner in parallel, and each kommune's pages in parallel: one kommune's search
    // index is built while others render. On errors, those of the first failing kommune
    // (by name) are reported, as when kommuner were built one after the other.
    let done: Vec<Result<usize, Vec<Diagnostic>>> = kommuners_sorted(kommuner)
        .into_par_iter()
        .map(|kommune| {
            let urls = prep.urls(kommune);
            // A whole build takes over a kommune whose inputs did not change.
            let incremental = prep.incremental.as_ref().filter(|_| whole);
            let key = incremental.map(|inc| inc.key(kommune, pdf));
            if let (Some(inc), Some(key)) = (incremental, &key) {
                if let Some(entry) = inc.reuse(kommune, key, sink).map_err(|d| vec![d])? {
                    check_leaving(links.as_ref(), &kommune.slug, &entry);
                    (0..entry.pages).for_each(|_| progress.inc());
                    sitemap.lock().expect("sitemap lock").extend(entry.sitemap);
                    return Ok(entry.pages);
                }
            }
            let tracking = super::tracking::Tracking::new(sink);
            let sink: &dyn Sink = if incremental.is_some() {
                &tracking
            } else {
                sink
            };
            let kommune_warnings = Mutex::new(Vec::new());
            let print_warnings = &kommune_warnings;
            let assets = write_assets(sink, theme, kommune, &urls).map_err(|d| vec![d])?;
            let regional_home = prep.regional.then(|| base.path.clone());
            let mut renderer = KommuneRenderer::new(
                theme,
                kommune,
                prep.config,
                urls.clone(),
                prep.today,
                &assets,
                regional_home,
            );
            renderer.parts = parts.clone();
            let mut made_prints = false;
            if pdf {
                let print_urls = prep.print_urls(kommune);
                renderer.print_sizes = write_prints(
                    sink,
                    prep,
                    kommune,
                    (&urls, &print_urls),
                    prep.today,
                    print_warnings,
                )?;
                made_prints = renderer.print_sizes.as_ref().is_some_and(|s| !s.is_empty());
                if let Some(index) = &links {
                    // The QR codes lead to the guide's front page in each language (checked
                    // when that is this site; a kommune's own address is another site).
                    for lang in &kommune.languages {
                        let origin = format!("{}{} (QR)", urls.prefix, crate::route::PRINTS);
                        index.url(&origin, &print_urls.absolute(lang, &Route::Front));
                    }
                }
            }
            let selected = |route: &Route, lang: &str| match (changed, routes) {
                (Some(changed), _) => renderer
                    .route_source(route, lang)
                    .is_some_and(|f| changed.contains(f)),
                (None, Some(routes)) => routes.contains(route),
                (None, None) => true,
            };
            let out = renderer.render_each(&selected, &|page| {
                write_page(
                    sink,
                    page,
                    prep.relative.then_some(base.path.as_str()),
                    shared,
                )?;
                if let Some(index) = &links {
                    if let Some(source) = renderer.route_file(&page.route, &page.lang) {
                        index.page_source(&page_file(&page.path), source);
                    }
                }
                progress.inc();
                Ok(())
            })?;
            let mut own_sitemap = Vec::new();
            if whole {
                if let Some((path, ics)) = renderer.calendar_file() {
                    sink.write(&path, ics.as_bytes()).map_err(|d| vec![d])?;
                }
                own_sitemap.extend(
                    out.iter()
                        .filter(|p| p.in_sitemap)
                        .map(|p| base.absolute(&format!("{}{}", base.path, p.path))),
                );
                sitemap
                    .lock()
                    .expect("sitemap lock")
                    .extend(own_sitemap.iter().cloned());
            }
            let mut indexes = SearchCache::default();
            for (lang, docs) in renderer.search_documents(&out) {
                let dir = urls.out_path(&lang, &Route::Search);
                indexes.0.insert(dir, (lang, docs));
            }
            if let Some(cache) = &cache {
                // The re-rendered pages' entries replace theirs in the last full run's.
                let mut cache = cache.lock().expect("search cache lock");
                for (dir, (lang, docs)) in indexes.0.iter_mut() {
                    *docs = cache.merge(dir, lang, std::mem::take(docs));
                }
            }
            write_search_indexes(sink, &indexes).map_err(|d| vec![d])?;
            if let Some(index) = &links {
                for (dir, (_, docs)) in &indexes.0 {
                    // Results link relative to the language root, where `sok/` is.
                    let root = dir.strip_suffix(&Route::Search.path()).unwrap_or(dir);
                    let origin = format!("{dir}indeks.js");
                    for doc in docs {
                        index.url_in(&origin, root, &doc.url);
                    }
                }
            }
            if keep_search {
                let mut kept = searches.lock().expect("search lock");
                kept.0.append(&mut indexes.0);
            }
            let kommune_warnings = kommune_warnings.into_inner().expect("warnings lock");
            if let (Some(inc), Some(key)) = (incremental, key) {
                // A kommune whose prints warned is rendered again next time, so the
                // warning is shown again.
                let print_warned = kommune_warnings.iter().any(|d| d.code == "print-warning");
                if !print_warned {
                    inc.made(
                        kommune,
                        super::incremental::Entry {
                            key,
                            pages: out.len(),
                            files: tracking.into_files(),
                            sitemap: own_sitemap,
                            made_prints,
                            name: kommune.config.name.clone(),
                            number: kommune.config.number.clone(),
                            langs: kommune.languages.clone(),
                            clean: inc.is_clean(kommune),
                            leaving: links
                                .as_ref()
                                .filter(|_| prep.regional)
                                .map(|index| index.leaving(&kommune.slug)),
                        },
                    );
                }
            }
            all_print_warnings
                .lock()
                .expect("warnings lock")
                .extend(kommune_warnings);
            Ok(out.len())
        })
        .collect();
    let mut pages = 0;
    for kommune in done {
        pages += kommune?;
    }
    if let Some((inc, unloaded)) = unloaded {
        unloaded
            .par_iter()
            .try_for_each(|(slug, entry)| {
                check_leaving(links.as_ref(), slug, entry);
                inc.take_over(slug, entry, sink)
            })
            .map_err(|d| vec![d])?;
        for entry in unloaded.values() {
            pages += entry.pages;
            (0..entry.pages).for_each(|_| progress.inc());
            sitemap
                .lock()
                .expect("sitemap lock")
                .extend(entry.sitemap.iter().cloned());
        }
    }
    if whole {
        if prep.regional {
            if let Some(project) = prep.project {
                // Every kommune by name: those rendered and those taken over.
                let mut listed: Vec<(&str, &str, &str)> = kommuner
                    .iter()
                    .map(|k| {
                        (
                            k.slug.as_str(),
                            k.config.name.as_str(),
                            k.config.number.as_str(),
                        )
                    })
                    .chain(unloaded.iter().flat_map(|(_, u)| {
                        u.iter()
                            .map(|(slug, e)| (slug.as_str(), e.name.as_str(), e.number.as_str()))
                    }))
                    .collect();
                listed.sort_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(b.0)));
                pages += write_landing(sink, theme, project, &listed, base, prep.relative)
                    .map_err(|d| vec![d])?;
            }
            sitemap
                .lock()
                .expect("sitemap lock")
                .push(base.absolute(&base.path));
        }
        let mut entries = sitemap.into_inner().expect("sitemap lock");
        entries.sort();
        if let Some(index) = &links {
            entries.iter().for_each(|url| index.url("sitemap.xml", url));
        }
        sink.write(
            "sitemap.xml",
            crate::sitemap::sitemap_xml(&entries).as_bytes(),
        )
        .map_err(|d| vec![d])?;
        sink.write(
            "robots.txt",
            format!(
                "User-agent: *\nAllow: /\nSitemap: {}\n",
                base.absolute(&format!("{}sitemap.xml", base.path))
            )
            .as_bytes(),
        )
        .map_err(|d| vec![d])?;
    }
    if std::env::var_os("VEIVISER_TIMINGS").is_some() {
        let (minified, reused) = shared.counts();
        eprintln!("shared-parts: {minified} minified, {reused} reused");
        let (minified, reused) = shared.skeleton_counts();
        eprintln!("page-skeletons: {minified} minified, {reused} reused");
        let (rendered, reused) = parts.counts();
        eprintln!("rendered-parts: {rendered} rendered, {reused} reused");
        use crate::minify::{MINIFIED_BYTES_IN, MINIFIED_BYTES_OUT};
        use crate::minify::{MINIFIED_IN_ONE_PASS, MINIFIED_LENIENTLY, MINIFIED_QUICKLY};
        use std::sync::atomic::Ordering::Relaxed;
        let quickly = MINIFIED_QUICKLY.load(Relaxed);
        let one_pass = MINIFIED_IN_ONE_PASS.load(Relaxed);
        let (bytes_in, bytes_out) = (
            MINIFIED_BYTES_IN.load(Relaxed),
            MINIFIED_BYTES_OUT.load(Relaxed),
        );
        eprintln!("minifier: {quickly} quickly, {one_pass} in one pass, {bytes_in} bytes in, {bytes_out} out");
        let lenient = MINIFIED_LENIENTLY.load(Relaxed);
        eprintln!("minified-leniently: {lenient}");
    }
    if let Some(index) = links {
        let started = Instant::now();
        let broken = index.verify_reading(output);
        // For scripts/bench-build.sh: what proving the links costs, apart from the build.
        if std::env::var_os("VEIVISER_TIMINGS").is_some() {
            eprintln!(
                "verify-links: {:.1} ms ({} broken)",
                started.elapsed().as_secs_f64() * 1e3,
                broken.len()
            );
            let quick = crate::verify::READ_QUICKLY.load(std::sync::atomic::Ordering::Relaxed);
            let slow = crate::verify::READ_BY_HTML5GUM.load(std::sync::atomic::Ordering::Relaxed);
            eprintln!("link-reader: {quick} read quickly, {slow} by html5gum");
        }
        if !broken.is_empty() {
            return Err(broken);
        }
    }
    Ok(Rendered {
        pages,
        warnings: print_warnings.into_inner().expect("warnings lock"),
        search: keep_search.then(|| searches.into_inner().expect("search lock")),
    })
}

impl SearchCache {
    /// The documents of index `dir` with those of the re-rendered pages in `fresh` in place
    /// of their old entries (a level's steps go with their level).
    fn merge(&mut self, dir: &str, lang: &str, fresh: Vec<SearchDocument>) -> Vec<SearchDocument> {
        let page = |url: &str| url.split('#').next().unwrap_or("").to_string();
        let replaced: BTreeSet<String> = fresh.iter().map(|d| page(&d.url)).collect();
        let (_, docs) = self
            .0
            .entry(dir.to_string())
            .or_insert_with(|| (lang.to_string(), Vec::new()));
        let at = docs
            .iter()
            .position(|d| replaced.contains(&page(&d.url)))
            .unwrap_or(docs.len());
        docs.retain(|d| !replaced.contains(&page(&d.url)));
        let at = at.min(docs.len());
        docs.splice(at..at, fresh);
        docs.clone()
    }
}

/// The links of a kommune taken over that lead out of its folder, checked against this
/// build's output (the rest were proven when its pages were made).
fn check_leaving(links: Option<&LinkIndex>, slug: &str, entry: &super::incremental::Entry) {
    if let (Some(index), Some(leaving)) = (links, &entry.leaving) {
        let origin = format!("{slug}/ (taken over from the last build)");
        leaving.iter().for_each(|url| index.url(&origin, url));
    }
}

pub(super) fn kommuners_sorted(kommuner: &[Kommune]) -> Vec<&Kommune> {
    let mut sorted: Vec<&Kommune> = kommuner.iter().collect();
    sorted.sort_by(|a, b| a.config.name.cmp(&b.config.name));
    sorted
}

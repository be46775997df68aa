//! The pipeline, in one direction: load → resolve → check → render → write.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::BaseUrl;
use crate::diagnostics::{self, Diagnostic};
use crate::load::Project;
use crate::progress::Progress;
use crate::render::urls::Urls;
use crate::render::{Assets, KommuneRenderer, OutPage, Theme};
use crate::route::Route;
use crate::search::SearchDocument;
use crate::site::Kommune;
use crate::verify::{LinkIndex, RecordingSink};
use crate::write::{minify_html, MemorySink, Sink, Staging};

pub struct BuildOptions {
    pub root: PathBuf,
    pub kommune: Option<String>,
    pub out: PathBuf,
    pub base_url: Option<String>,
    pub today: chrono::NaiveDate,
}

/// What a run found and made.
#[derive(Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub kommuner: usize,
    pub pages: usize,
    pub elapsed: Duration,
}

impl Report {
    pub fn failed(&self) -> bool {
        diagnostics::has_errors(&self.diagnostics)
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| !d.is_error()).count()
    }
}

/// Today's date, or `VEIVISER_TODAY` (YYYY-MM-DD) so tests and reproducible builds can fix it.
pub fn today() -> chrono::NaiveDate {
    std::env::var("VEIVISER_TODAY")
        .ok()
        .and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Load, resolve and check. Returns the project and kommuner when there is something to
/// render (there may still be errors in the report).
pub fn check(
    root: &Path,
    only: Option<&str>,
    today: chrono::NaiveDate,
    report: &mut Report,
) -> Option<(Project, Vec<Kommune>)> {
    check_units(root, only, None, today, report)
}

/// [`check`] over the unit folders in `units` only (all when `None`).
fn check_units(
    root: &Path,
    only: Option<&str>,
    units: Option<&BTreeSet<String>>,
    today: chrono::NaiveDate,
    report: &mut Report,
) -> Option<(Project, Vec<Kommune>)> {
    let project = match Project::load_units(root, units) {
        Ok(p) => p,
        Err(diags) => {
            report.diagnostics.extend(diags);
            return None;
        }
    };
    report.diagnostics.extend(project.warnings.iter().cloned());
    let (kommuner, diags) = crate::resolve::resolve(&project, only);
    report.diagnostics.extend(diags);
    let checked: Vec<Vec<Diagnostic>> = kommuner
        .par_iter()
        .map(|k| {
            crate::check::check_kommune_with(
                k,
                today,
                &project.config.raw_html,
                project.config.film_max_mb,
            )
        })
        .collect();
    report.diagnostics.extend(checked.into_iter().flatten());
    report
        .diagnostics
        .extend(crate::check::check_kommuner(&kommuner));
    crate::check::dedupe(&mut report.diagnostics);
    diagnostics::sort(&mut report.diagnostics);
    report.kommuner = kommuner.len();
    Some((project, kommuner))
}

/// Build the site into `opts.out`, with the print PDFs (`trykk/`).
pub fn build(opts: &BuildOptions) -> Report {
    build_with_progress(opts, &Progress::hidden())
}

/// [`build`], reporting to a progress bar (the command line's, see [`Progress`]).
pub fn build_with_progress(opts: &BuildOptions, progress: &Progress) -> Report {
    build_with(opts, progress, true)
}

/// [`build_with_progress`]; `pdf: false` skips the print PDFs (`veiviser build --no-pdf`).
/// The *Trykksaker* page then lists the files without links.
pub fn build_with(opts: &BuildOptions, progress: &Progress, pdf: bool) -> Report {
    let report = build_reporting(opts, progress, pdf);
    progress.finish();
    report
}

fn build_reporting(opts: &BuildOptions, progress: &Progress, pdf: bool) -> Report {
    if let Err(d) = crate::write::check_output_dir(&opts.out, &opts.root) {
        return Report {
            diagnostics: vec![d],
            ..Report::default()
        };
    }
    progress.step("Reading and checking the content");
    let plan = Plan {
        pdf,
        select: Select::All,
        progress,
    };
    let mut staging = None;
    let (report, _) = run(opts, None, plan, |report| match Staging::new(&opts.out) {
        Ok(s) => Some(&*staging.insert(s)),
        Err(d) => {
            report.diagnostics.push(d);
            None
        }
    });
    if let Some(staging) = staging {
        if report.failed() {
            staging.abandon();
        } else {
            progress.step("Writing");
            if let Err(d) = staging.commit() {
                let mut report = report;
                report.diagnostics.push(d);
                return report;
            }
        }
    }
    report
}

/// Output files by path inside the output folder, with their bytes.
pub type PageFiles = Vec<(String, Vec<u8>)>;

/// Which pages a run renders.
pub enum Select<'a> {
    /// Every page and file of the site.
    All,
    /// Only the pages whose Markdown body comes from one of these files (paths as shown to
    /// editors, `content/…`): the preview's update after a body-only save. Their search
    /// entries are merged into `search`, the index of the last full run.
    Sources {
        changed: &'a std::collections::HashSet<String>,
        search: &'a mut SearchCache,
    },
    /// Only these pages of each kommune, in each language (the fuzz targets).
    Routes(&'a [Route]),
}

/// How a run renders what it checked.
pub struct Plan<'a> {
    /// Make the print PDFs.
    pub pdf: bool,
    pub select: Select<'a>,
    pub progress: &'a Progress,
}

/// The search documents of the last full run, by index folder (`fjordvik/en/sok/`): the
/// preview keeps them, so a body-only update can rebuild an index without rendering every
/// page again.
#[derive(Default, Clone)]
pub struct SearchCache(BTreeMap<String, (String, Vec<SearchDocument>)>);

/// The one orchestration of `build`, `serve` and the fuzz targets: load and check (only
/// the unit folders in `units`, when given), then render what `plan` selects into the sink
/// that `sink` opens, verify every link the run wrote, and report. Nothing is rendered when
/// the check finds an error, or when `sink` returns `None` (it reports why).
pub fn run<'s>(
    opts: &BuildOptions,
    units: Option<&BTreeSet<String>>,
    plan: Plan,
    sink: impl FnOnce(&mut Report) -> Option<&'s dyn Sink>,
) -> (Report, Option<SearchCache>) {
    let started = Instant::now();
    let mut report = Report::default();
    let checked = check_units(
        &opts.root,
        opts.kommune.as_deref(),
        units,
        opts.today,
        &mut report,
    );
    let Some((project, kommuner)) = checked.filter(|_| !report.failed()) else {
        return (report, None);
    };
    let Some(sink) = sink(&mut report) else {
        return (report, None);
    };
    let prepared = match Prepared::new(&project, &kommuner, opts) {
        Ok((prepared, warnings)) => {
            report.diagnostics.extend(warnings);
            prepared
        }
        Err(diags) => {
            report.diagnostics.extend(diags);
            return (report, None);
        }
    };
    let search = match render(&prepared, &kommuner, plan, sink) {
        Ok(done) => {
            report.pages = done.pages;
            report.diagnostics.extend(done.warnings);
            done.search
        }
        Err(diags) => {
            report.diagnostics.extend(diags);
            None
        }
    };
    report.elapsed = started.elapsed();
    (report, search)
}

/// Re-render only the pages whose Markdown body comes from one of `changed` (file paths as
/// shown to editors, `content/…`), and the search indexes that list them. For the preview,
/// when a save changed a body but not the front matter: every other page is the same as in
/// the last full build.
///
/// Only the unit folders in `units` are read and checked: the kommuner whose pages show
/// the changed files, and their bases (see [`crate::load::unit_graph`]).
pub fn render_pages_from(
    opts: &BuildOptions,
    changed: &std::collections::HashSet<String>,
    units: &BTreeSet<String>,
    search: &mut SearchCache,
) -> (Report, Option<PageFiles>) {
    let memory = MemorySink::default();
    let plan = Plan {
        pdf: false,
        select: Select::Sources { changed, search },
        progress: &Progress::hidden(),
    };
    let (report, _) = run(opts, Some(units), plan, |_| Some(&memory));
    let files = memory.into_files();
    let pages = (!report.failed()).then(|| files.into_iter().collect());
    (report, pages)
}

/// Output file of a page path (`x/` → `x/index.html`).
fn page_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// What the preview serves: every file, and the search documents for later updates.
pub struct InMemory {
    pub files: std::collections::HashMap<String, Vec<u8>>,
    pub search: SearchCache,
}

/// Build into memory (the live preview). `opts.out` is ignored. No print PDFs are made
/// (they take seconds); the *Trykksaker* page says they are made by `veiviser build`.
pub fn build_in_memory(opts: &BuildOptions) -> (Report, Option<InMemory>) {
    let memory = MemorySink::default();
    let plan = Plan {
        pdf: false,
        select: Select::All,
        progress: &Progress::hidden(),
    };
    let (report, search) = run(opts, None, plan, |_| Some(&memory));
    let files = memory.into_files();
    match search {
        Some(search) if !report.failed() => (report, Some(InMemory { files, search })),
        _ => (report, None),
    }
}

/// What rendering needs that is the same for every kommune: the theme, the base URL.
pub struct Prepared<'a> {
    pub config: &'a crate::config::SiteConfig,
    pub project: Option<&'a Project>,
    pub theme: std::sync::Arc<Theme>,
    pub base: BaseUrl,
    /// Every kommune under its own folder, with a landing page (no `--kommune`).
    pub regional: bool,
    pub today: chrono::NaiveDate,
}

impl<'a> Prepared<'a> {
    fn new(
        project: &'a Project,
        kommuner: &[Kommune],
        opts: &BuildOptions,
    ) -> Result<(Prepared<'a>, Vec<Diagnostic>), Vec<Diagnostic>> {
        let base_url = opts
            .base_url
            .clone()
            .unwrap_or_else(|| project.config.base_url.clone());
        let base = BaseUrl::parse(&base_url).map_err(|e| {
            let d = Diagnostic::error("invalid-base-url", e);
            vec![match opts.base_url {
                Some(_) => d.with_help("pass --base-url like https://www.example.no/bti/"),
                None => d
                    .in_file(&project.config_file)
                    .with_help("set base_url in veiviser.yaml like https://www.example.no/bti/"),
            }]
        })?;
        let mut langs: Vec<String> = kommuner
            .iter()
            .flat_map(|k| k.languages.iter().cloned())
            .collect();
        langs.push(project.config.default_language.clone());
        langs.sort();
        langs.dedup();
        let (theme, warnings) =
            Theme::load(&project.root, &project.config.theme, &langs).map_err(|d| vec![d])?;
        let prepared = Prepared {
            config: &project.config,
            project: Some(project),
            theme: std::sync::Arc::new(theme),
            base,
            regional: opts.kommune.is_none(),
            today: opts.today,
        };
        Ok((prepared, warnings))
    }

    /// The URLs of one kommune's pages.
    pub fn urls(&self, kommune: &Kommune) -> Urls {
        Urls {
            base: self.base.clone(),
            prefix: if self.regional {
                format!("{}/", kommune.slug)
            } else {
                String::new()
            },
            default_lang: kommune.default_lang().to_string(),
        }
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
    } = plan;
    let whole = matches!(select, Select::All);
    let (changed, routes, mut cache) = match select {
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
    let searches = Mutex::new(SearchCache::default());
    let total = kommuner
        .iter()
        .map(|k| KommuneRenderer::routes_of(k).len())
        .sum();
    progress.pages(total, "Rendering");
    // Kommuner in parallel, and each kommune's pages in parallel: one kommune's search
    // index is built while others render. On errors, those of the first failing kommune
    // (by name) are reported, as when kommuner were built one after the other.
    let done: Vec<Result<usize, Vec<Diagnostic>>> = kommuners_sorted(kommuner)
        .into_par_iter()
        .map(|kommune| {
            let urls = prep.urls(kommune);
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
            if pdf {
                renderer.print_sizes =
                    write_prints(sink, theme, kommune, &urls, prep.today, &print_warnings)?;
                if let Some(index) = &links {
                    // The QR codes lead to the guide's front page in each language.
                    for lang in &kommune.languages {
                        let origin = format!("{}{} (QR)", urls.prefix, crate::route::PRINTS);
                        index.url(&origin, &urls.absolute(lang, &Route::Front));
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
                write_page(sink, page)?;
                if let Some(index) = &links {
                    if let Some(source) = renderer.route_file(&page.route, &page.lang) {
                        index.page_source(&page_file(&page.path), source);
                    }
                }
                progress.inc();
                Ok(())
            })?;
            if whole {
                if let Some((path, ics)) = renderer.calendar_file() {
                    sink.write(&path, ics.as_bytes()).map_err(|d| vec![d])?;
                }
                let mut entries = sitemap.lock().expect("sitemap lock");
                entries.extend(
                    out.iter()
                        .filter(|p| p.in_sitemap)
                        .map(|p| base.absolute(&format!("{}{}", base.path, p.path))),
                );
            }
            let docs = renderer.search_documents(&out);
            let mut found = searches.lock().expect("search lock");
            for (lang, docs) in docs {
                let dir = urls.out_path(&lang, &Route::Search);
                found.0.insert(dir, (lang, docs));
            }
            Ok(out.len())
        })
        .collect();
    let mut pages = 0;
    for kommune in done {
        pages += kommune?;
    }
    let mut searches = searches.into_inner().expect("search lock");
    if let Some(cache) = cache.as_mut() {
        // The re-rendered pages' entries replace theirs in the last full run's documents.
        for (dir, (lang, docs)) in std::mem::take(&mut searches.0) {
            let merged = cache.merge(&dir, &lang, docs);
            searches.0.insert(dir, (lang, merged));
        }
    }
    write_search_indexes(sink, &searches).map_err(|d| vec![d])?;
    if let Some(index) = &links {
        for (dir, (_, docs)) in &searches.0 {
            // Results link relative to the language root, where `sok/` is.
            let root = dir.strip_suffix(&Route::Search.path()).unwrap_or(dir);
            let origin = format!("{dir}indeks.js");
            for doc in docs {
                index.url_in(&origin, root, &doc.url);
            }
        }
    }
    if whole {
        if prep.regional {
            if let Some(project) = prep.project {
                pages += write_landing(sink, theme, project, kommuners_sorted(kommuner), base)
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
        }
        if !broken.is_empty() {
            return Err(broken);
        }
    }
    Ok(Rendered {
        pages,
        warnings: print_warnings.into_inner().expect("warnings lock"),
        search: whole.then_some(searches),
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

/// Make the kommune's print PDFs into `<prefix>trykk/`; their sizes by file name.
#[cfg(feature = "print")]
fn write_prints(
    staging: &dyn Sink,
    theme: &Theme,
    kommune: &Kommune,
    urls: &Urls,
    today: chrono::NaiveDate,
    warnings: &Mutex<Vec<Diagnostic>>,
) -> Result<Option<std::collections::BTreeMap<String, u64>>, Vec<Diagnostic>> {
    let made = crate::print::build::make_all(&theme.dir, kommune, urls, today)?;
    warnings
        .lock()
        .expect("warnings lock")
        .extend(made.warnings);
    let mut sizes = std::collections::BTreeMap::new();
    for (name, bytes) in made.files {
        let path = urls.out_path(
            &urls.default_lang,
            &crate::route::Route::PrintFile(name.clone()),
        );
        staging.write(&path, &bytes).map_err(|d| vec![d])?;
        sizes.insert(name, bytes.len() as u64);
    }
    Ok(Some(sizes))
}

/// Without the `print` feature no PDFs are made.
#[cfg(not(feature = "print"))]
fn write_prints(
    _staging: &dyn Sink,
    _theme: &Theme,
    _kommune: &Kommune,
    _urls: &Urls,
    _today: chrono::NaiveDate,
    _warnings: &Mutex<Vec<Diagnostic>>,
) -> Result<Option<std::collections::BTreeMap<String, u64>>, Vec<Diagnostic>> {
    Ok(None)
}

fn kommuners_sorted(kommuner: &[Kommune]) -> Vec<&Kommune> {
    let mut sorted: Vec<&Kommune> = kommuner.iter().collect();
    sorted.sort_by(|a, b| a.config.name.cmp(&b.config.name));
    sorted
}

/// Stylesheet with the kommune's brand colours, scripts and images.
fn write_assets(
    staging: &dyn Sink,
    theme: &Theme,
    kommune: &Kommune,
    urls: &Urls,
) -> Result<Assets, Diagnostic> {
    let prefix = &urls.prefix;
    let b = &kommune.config.branding;
    let css = format!(
        "{}:root{{--brand:{};--brand-text:{}}}",
        theme.css,
        b.primary(),
        b.text()
    );
    let css_name = crate::assets::fingerprinted("main.css", css.as_bytes());
    let css_href = format!("assets/{css_name}");
    staging.write(&format!("{prefix}{css_href}"), css.as_bytes())?;
    let mut search_script_href = None;
    let mut forms_script_href = None;
    for (name, bytes) in &theme.scripts {
        let fp = crate::assets::fingerprinted(name, bytes);
        staging.write(&format!("{prefix}assets/{fp}"), bytes)?;
        match name.as_str() {
            "search.js" => search_script_href = Some(format!("assets/{fp}")),
            "forms.js" => forms_script_href = Some(format!("assets/{fp}")),
            _ => {}
        }
    }
    for (rel, path) in &kommune.assets {
        staging.copy(&format!("{prefix}{rel}"), path)?;
    }
    Ok(Assets {
        css_href,
        search_script_href,
        forms_script_href,
    })
}

fn write_page(staging: &dyn Sink, page: &OutPage) -> Result<(), Diagnostic> {
    staging.write(&page_file(&page.path), &minify_html(&page.html))
}

/// One search index per language, loaded with a script tag so it works from file:// too.
fn write_search_indexes(staging: &dyn Sink, searches: &SearchCache) -> Result<(), Diagnostic> {
    searches.0.par_iter().try_for_each(|(dir, (lang, docs))| {
        let started = Instant::now();
        let files = crate::search::build(docs, lang, crate::search::Layout::DEFAULT);
        // For scripts/bench-search.mjs: how long indexing takes, apart from the build.
        if std::env::var_os("VEIVISER_TIMINGS").is_some() {
            eprintln!(
                "search-index {dir}: {} documents, {} files, {:.2} ms",
                docs.len(),
                files.parts.len() + 1,
                started.elapsed().as_secs_f64() * 1e3
            );
        }
        staging.write(&format!("{dir}indeks.js"), files.main.as_bytes())?;
        files
            .parts
            .iter()
            .try_for_each(|(path, js)| staging.write(&format!("{dir}{path}"), js.as_bytes()))
    })
}

fn write_landing(
    staging: &dyn Sink,
    theme: &Theme,
    project: &Project,
    kommuner: Vec<&Kommune>,
    base: &BaseUrl,
) -> Result<usize, Diagnostic> {
    let lang = project.config.default_language.clone();
    let css = format!(
        "{}:root{{--brand:{};--brand-text:{}}}",
        theme.css,
        crate::content::kommune::DEFAULT_PRIMARY,
        crate::content::kommune::DEFAULT_TEXT_ON_PRIMARY
    );
    let css_name = crate::assets::fingerprinted("main.css", css.as_bytes());
    staging.write(&format!("assets/{css_name}"), css.as_bytes())?;
    let list: Vec<_> = kommuner
        .iter()
        .map(|k| serde_json::json!({ "name": k.config.name, "number": k.config.number, "url": format!("{}{}/", base.path, k.slug) }))
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("t", theme.strings.for_lang(&lang));
    ctx.insert("lang", &lang);
    ctx.insert("title", &project.config.title);
    ctx.insert("description", &project.config.description);
    ctx.insert("kommuner", &list);
    ctx.insert("css_url", &format!("{}assets/{css_name}", base.path));
    ctx.insert("canonical", &base.absolute(&base.path));
    ctx.insert("root", &base.path);
    let html = theme.render("landing.html", &ctx)?;
    staging.write("index.html", &minify_html(&html))?;
    ctx.insert("not_found", &true);
    let html = theme.render("landing.html", &ctx)?;
    staging.write("404.html", &minify_html(&html))?;
    Ok(2)
}

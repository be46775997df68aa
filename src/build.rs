//! The pipeline, in one direction: load → resolve → check → render → write.

use std::collections::BTreeSet;
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
use crate::search::SearchDocument;
use crate::site::Kommune;
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
        .map(|k| crate::check::check_kommune_with(k, today, &project.config.raw_html))
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
    let started = Instant::now();
    let mut report = Report::default();
    if let Err(d) = crate::write::check_output_dir(&opts.out, &opts.root) {
        report.diagnostics.push(d);
        return report;
    }
    progress.step("Reading and checking the content");
    let Some((project, kommuner)) =
        check(&opts.root, opts.kommune.as_deref(), opts.today, &mut report)
    else {
        return report;
    };
    if report.failed() {
        return report;
    }
    let staging = match Staging::new(&opts.out) {
        Ok(s) => s,
        Err(d) => {
            report.diagnostics.push(d);
            return report;
        }
    };
    let result = match render_site(&project, &kommuner, opts, &staging, progress, pdf) {
        Ok(done) => {
            progress.step("Writing");
            staging.commit().map(|()| done).map_err(|d| vec![d])
        }
        Err(diags) => {
            staging.abandon();
            Err(diags)
        }
    };
    match result {
        Ok((pages, warnings)) => {
            report.pages = pages;
            report.diagnostics.extend(warnings);
        }
        Err(diags) => report.diagnostics.extend(diags),
    }
    report.elapsed = started.elapsed();
    report
}

/// Output files by path inside the output folder, with their bytes.
pub type PageFiles = Vec<(String, Vec<u8>)>;

/// Re-render only the pages whose Markdown body comes from one of `changed` (file paths as
/// shown to editors, `content/…`). For the preview, when a save changed a body but not the
/// front matter: every other page is the same as in the last full build.
///
/// Only the unit folders in `units` are read and checked: the kommuner whose pages show
/// the changed files, and their bases (see [`crate::load::unit_graph`]).
pub fn render_pages_from(
    opts: &BuildOptions,
    changed: &std::collections::HashSet<String>,
    units: &BTreeSet<String>,
) -> (Report, Option<PageFiles>) {
    let started = Instant::now();
    let mut report = Report::default();
    let Some((project, kommuner)) = check_units(
        &opts.root,
        opts.kommune.as_deref(),
        Some(units),
        opts.today,
        &mut report,
    ) else {
        return (report, None);
    };
    if report.failed() {
        return (report, None);
    }
    let result = (|| -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
        let base_url = opts
            .base_url
            .clone()
            .unwrap_or_else(|| project.config.base_url.clone());
        let base = BaseUrl::parse(&base_url)
            .map_err(|e| vec![Diagnostic::error("invalid-base-url", e)])?;
        let langs: Vec<String> = kommuner
            .iter()
            .flat_map(|k| k.languages.iter().cloned())
            .collect();
        let (theme, _) =
            Theme::load(&project.root, &project.config.theme, &langs).map_err(|d| vec![d])?;
        let regional = opts.kommune.is_none();
        let mut out = Vec::new();
        for kommune in &kommuner {
            let prefix = if regional {
                format!("{}/", kommune.slug)
            } else {
                String::new()
            };
            let urls = Urls {
                base: base.clone(),
                prefix,
                default_lang: kommune.default_lang().to_string(),
            };
            let assets = write_assets(&crate::write::Discard, &theme, kommune, &urls.prefix)
                .map_err(|d| vec![d])?;
            let regional_home = regional.then(|| base.path.clone());
            let renderer = KommuneRenderer::new(
                &theme,
                kommune,
                &project.config,
                urls,
                opts.today,
                &assets,
                regional_home,
            );
            let jobs: Vec<_> = renderer
                .jobs()
                .into_iter()
                .filter(|(job, lang)| {
                    renderer
                        .job_source(job, lang)
                        .is_some_and(|f| changed.contains(f))
                })
                .collect();
            let pages: Vec<Result<(String, Vec<u8>), Diagnostic>> = jobs
                .par_iter()
                .map(|(job, lang)| {
                    let page = renderer.render_job(job, lang)?;
                    Ok((page_file(&page.path), minify_html(&page.html)))
                })
                .collect();
            for page in pages {
                out.push(page.map_err(|d| vec![d])?);
            }
        }
        Ok(out)
    })();
    report.elapsed = started.elapsed();
    match result {
        Ok(pages) => {
            report.pages = pages.len();
            (report, Some(pages))
        }
        Err(diags) => {
            report.diagnostics.extend(diags);
            (report, None)
        }
    }
}

/// Output file of a page path (`x/` → `x/index.html`).
fn page_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// Build into memory (the live preview). `opts.out` is ignored. No print PDFs are made
/// (they take seconds); the *Trykksaker* page says they are made by `veiviser build`.
pub fn build_in_memory(
    opts: &BuildOptions,
) -> (Report, Option<std::collections::HashMap<String, Vec<u8>>>) {
    let started = Instant::now();
    let mut report = Report::default();
    let Some((project, kommuner)) =
        check(&opts.root, opts.kommune.as_deref(), opts.today, &mut report)
    else {
        return (report, None);
    };
    if report.failed() {
        return (report, None);
    }
    let sink = MemorySink::default();
    let files = match render_site(&project, &kommuner, opts, &sink, &Progress::hidden(), false) {
        Ok((pages, warnings)) => {
            report.pages = pages;
            report.diagnostics.extend(warnings);
            Some(sink.into_files())
        }
        Err(diags) => {
            report.diagnostics.extend(diags);
            None
        }
    };
    report.elapsed = started.elapsed();
    (report, files)
}

/// Render every kommune and the shared files into `staging` (a disk folder or memory).
fn render_site(
    project: &Project,
    kommuner: &[Kommune],
    opts: &BuildOptions,
    staging: &dyn Sink,
    progress: &Progress,
    pdf: bool,
) -> Result<(usize, Vec<Diagnostic>), Vec<Diagnostic>> {
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
    let (theme, mut warnings) =
        Theme::load(&project.root, &project.config.theme, &langs).map_err(|d| vec![d])?;

    let regional = opts.kommune.is_none();
    let sitemap = Mutex::new(Vec::new());
    let print_warnings = Mutex::new(Vec::new());
    let result = (|| -> Result<usize, Vec<Diagnostic>> {
        // Kommuner in parallel, and each kommune's pages in parallel: one kommune's search
        // index is built while others render. Every page is minified and written as soon
        // as it is rendered. On errors, those of the first failing kommune (by name) are
        // reported, as when kommuner were built one after the other.
        let total = kommuner
            .iter()
            .map(|k| KommuneRenderer::jobs_of(k).len())
            .sum();
        progress.pages(total, "Rendering");
        let done: Vec<Result<usize, Vec<Diagnostic>>> = kommuners_sorted(kommuner)
            .into_par_iter()
            .map(|kommune| {
                let prefix = if regional {
                    format!("{}/", kommune.slug)
                } else {
                    String::new()
                };
                let urls = Urls {
                    base: base.clone(),
                    prefix,
                    default_lang: kommune.default_lang().to_string(),
                };
                let assets =
                    write_assets(staging, &theme, kommune, &urls.prefix).map_err(|d| vec![d])?;
                let regional_home = regional.then(|| base.path.clone());
                let mut renderer = KommuneRenderer::new(
                    &theme,
                    kommune,
                    &project.config,
                    urls.clone(),
                    opts.today,
                    &assets,
                    regional_home,
                );
                if pdf {
                    renderer.print_sizes =
                        write_prints(staging, &theme, kommune, &urls, opts.today, &print_warnings)?;
                }
                let out = renderer.render_each(&|page| {
                    write_page(staging, page)?;
                    progress.inc();
                    Ok(())
                })?;
                if let Some((path, ics)) = renderer.calendar_file() {
                    staging.write(&path, ics.as_bytes()).map_err(|d| vec![d])?;
                }
                write_search_indexes(staging, &urls, renderer.search_documents(&out))
                    .map_err(|d| vec![d])?;
                let mut entries = sitemap.lock().expect("sitemap lock");
                entries.extend(
                    out.iter()
                        .filter(|p| p.in_sitemap)
                        .map(|p| base.absolute(&format!("{}{}", base.path, p.path))),
                );
                Ok(out.len())
            })
            .collect();
        let mut pages = 0;
        for kommune in done {
            pages += kommune?;
        }
        if regional {
            pages += write_landing(staging, &theme, project, kommuners_sorted(kommuner), &base)
                .map_err(|d| vec![d])?;
            sitemap
                .lock()
                .expect("sitemap lock")
                .push(base.absolute(&base.path));
        }
        let mut entries = sitemap.into_inner().expect("sitemap lock");
        entries.sort();
        staging
            .write(
                "sitemap.xml",
                crate::sitemap::sitemap_xml(&entries).as_bytes(),
            )
            .map_err(|d| vec![d])?;
        staging
            .write(
                "robots.txt",
                format!(
                    "User-agent: *\nAllow: /\nSitemap: {}\n",
                    base.absolute(&format!("{}sitemap.xml", base.path))
                )
                .as_bytes(),
            )
            .map_err(|d| vec![d])?;
        Ok(pages)
    })();
    warnings.extend(print_warnings.into_inner().expect("warnings lock"));
    result.map(|pages| (pages, std::mem::take(&mut warnings)))
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
        let path = format!("{}{}{name}", urls.prefix, crate::render::prints::PRINT_DIR);
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
    prefix: &str,
) -> Result<Assets, Diagnostic> {
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
fn write_search_indexes(
    staging: &dyn Sink,
    urls: &Urls,
    docs: std::collections::BTreeMap<String, Vec<SearchDocument>>,
) -> Result<(), Diagnostic> {
    docs.into_par_iter().try_for_each(|(lang, docs)| {
        let dir = urls.out_path(&lang, "sok/");
        let started = Instant::now();
        let files = crate::search::build(&docs, &lang, crate::search::Layout::DEFAULT);
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

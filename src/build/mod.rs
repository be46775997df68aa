//! The pipeline, in one direction: load → resolve → check → render → write → verify.
//! This module holds the one orchestration ([`run`]) and its entry points for `build` and
//! `serve`; [`render`] renders a checked site into a sink, and `files` writes the files
//! that are not pages.

mod files;
pub mod incremental;
mod intact;
mod preview;
pub mod relative;
mod render;
pub mod shared;
mod tracking;

pub use preview::{build_in_memory, InMemory, Preview};
pub(crate) use render::{print_urls, site_base_url};
pub use render::{render, Prepared, Rendered};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostics::{self, Diagnostic};
use crate::load::Project;
use crate::progress::Progress;
use crate::render::theme::CompiledTheme;
use crate::route::Route;
use crate::search::SearchDocument;
use crate::site::Kommune;
use crate::write::{MemorySink, Output, Sink};

pub struct BuildOptions {
    pub root: PathBuf,
    pub kommune: Option<String>,
    pub out: PathBuf,
    pub base_url: Option<String>,
    /// Write every internal link relative to its page, so the output works from a folder
    /// or `file://` (`build --relative-urls`).
    pub relative_urls: bool,
    pub today: chrono::NaiveDate,
    /// Placeholders from `veiviser new` are warnings instead of errors (the preview, and
    /// `build --allow-placeholders` for trying a site out).
    pub allow_placeholders: bool,
    /// Where PDFs (and what else a build can reuse) are kept between builds; `None` keeps
    /// nothing. `build` puts it beside the output (`.veiviser-cache/`), outside what is
    /// published.
    pub cache_dir: Option<PathBuf>,
    /// Use nothing from the cache: make everything again (`build --clean`).
    pub clean: bool,
    /// The live preview (`serve`): `base_url` is the preview's own address, not where the
    /// site is published, so the check judges print addresses by the settings instead.
    pub preview: bool,
}

/// What a run found and made.
#[derive(Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub kommuner: usize,
    pub pages: usize,
    pub elapsed: Duration,
    /// Print PDFs compiled in this run, and those taken from the cache.
    pub pdfs_made: usize,
    pub pdfs_reused: usize,
    /// Kommuner whose files were taken over from the previous output unchanged.
    pub kommuner_reused: usize,
    /// What this build made, for the next one (written once the output is in place).
    incremental: Option<incremental::Incremental>,
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
    check_units(root, only, None, today, &None, report)
}

/// [`check`] over the unit folders in `units` only (all when `None`).
fn check_units(
    root: &Path,
    only: Option<&str>,
    units: Option<&BTreeSet<String>>,
    today: chrono::NaiveDate,
    base_url: &Option<String>,
    report: &mut Report,
) -> Option<(Project, Vec<Kommune>)> {
    let project = match Project::load_units(root, units) {
        Ok(p) => p,
        Err(diags) => {
            report.diagnostics.extend(diags);
            // The summary counts the kommuner looked at, also when one could not be read.
            report.kommuner = match only {
                Some(_) => 1,
                None => kommune_folders(root),
            };
            return None;
        }
    };
    report.diagnostics.extend(project.warnings.iter().cloned());
    let (kommuner, diags) = crate::resolve::resolve(&project, only);
    report.diagnostics.extend(diags);
    // The checks across kommuner and of the settings run beside each kommune's own: with one
    // kommune, those would otherwise leave a core idle.
    let reads = crate::check::TextReads::default();
    let (checked, across): (Vec<Vec<Diagnostic>>, Vec<Diagnostic>) = rayon::join(
        || {
            kommuner
                .par_iter()
                .map(|k| {
                    crate::check::check_kommune_with(
                        k,
                        today,
                        &project.config.raw_html,
                        project.config.film_max_mb,
                        &reads,
                    )
                })
                .collect()
        },
        || {
            let mut across = crate::check::check_kommuner(&kommuner);
            // What the settings mean for the output (interface texts, print addresses):
            // here, not while rendering, so check, build (with or without PDFs) and serve
            // agree.
            across.extend(crate::check::settings::check(
                &project,
                &kommuner,
                only.is_some(),
                base_url,
            ));
            across
        },
    );
    report.diagnostics.extend(checked.into_iter().flatten());
    report.diagnostics.extend(across);
    crate::check::dedupe(&mut report.diagnostics);
    diagnostics::sort(&mut report.diagnostics);
    report.kommuner = kommuner.len();
    Some((project, kommuner))
}

/// How many folders of `content/` hold a `kommune.yaml`.
fn kommune_folders(root: &Path) -> usize {
    std::fs::read_dir(root.join("content")).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.path().join("kommune.yaml").is_file())
            .count()
    })
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
    progress.step(&crate::msg!("progress-reading"));
    let plan = Plan {
        pdf,
        select: Select::All,
        progress,
        keep_search: false,
        previous: None,
    };
    let mut output = None;
    let (mut report, _) = run(opts, None, plan, |report| {
        match Output::open(&opts.out, opts.clean) {
            Ok(s) => Some(output.insert(s).sink()),
            Err(d) => {
                report.diagnostics.push(d);
                None
            }
        }
    });
    if let Some(output) = output {
        if report.failed() {
            output.abandon();
        } else {
            progress.step(&crate::msg!("progress-writing"));
            let incremental = report.incremental.take();
            // The old manifest describes the old output: gone before the swap, and the new
            // one written after, so a manifest never describes files that are not there.
            incremental.iter().for_each(|inc| inc.forget());
            let swapping = Instant::now();
            match output.commit() {
                Ok(swapped) => {
                    if !swapped && std::env::var_os("VEIVISER_TIMINGS").is_some() {
                        eprintln!("output-unchanged: left as it was");
                    }
                }
                Err(d) => {
                    report.diagnostics.push(d);
                    return report;
                }
            }
            timing("swap", swapping);
            let saving = Instant::now();
            if let Some(inc) = incremental {
                if let Err(e) = inc.save() {
                    // Only costs time: the next build renders everything.
                    eprintln!(
                        "{}",
                        crate::msg!("build-no-manifest", reason = e.to_string())
                    );
                }
            }
            timing("manifest", saving);
        }
    }
    report
}

/// The theme veiviser.yaml names, by name, compiled (see [`CompiledTheme`]).
type CompilingTheme = (String, Result<CompiledTheme, Diagnostic>);

/// [`CompilingTheme`] for the project at `opts.root`; `None` when veiviser.yaml cannot be
/// read (loading the project reports that).
fn compile_theme(opts: &BuildOptions) -> Option<CompilingTheme> {
    let started = Instant::now();
    let (config, _) = crate::config::SiteConfig::load(&opts.root).ok()?;
    let compiled = CompiledTheme::compile_with(&opts.root, &config.theme, css_cache(opts).as_ref());
    timing("theme", started);
    Some((config.theme, compiled))
}

/// The languages a build loads the theme's interface texts for: every kommune's (`more`:
/// those of kommuner taken over without loading) and the site's default, each once.
pub(crate) fn theme_languages(
    project: &Project,
    kommuner: &[Kommune],
    more: impl Iterator<Item = String>,
) -> Vec<String> {
    let mut langs: Vec<String> = kommuner
        .iter()
        .flat_map(|k| k.languages.iter().cloned())
        .chain(more)
        .collect();
    langs.push(project.config.default_language.clone());
    langs.sort();
    langs.dedup();
    langs
}

/// The cache of minified stylesheets, in the cache folder when the run has one.
pub(crate) fn css_cache(opts: &BuildOptions) -> Option<crate::assets::CssCache> {
    let dir = opts.cache_dir.as_deref()?;
    Some(crate::assets::CssCache::new(dir, !opts.clean))
}

/// A developer timing line (`VEIVISER_TIMINGS`): how long a stage took since `since`.
pub(crate) fn timing(stage: &str, since: Instant) {
    if std::env::var_os("VEIVISER_TIMINGS").is_some() {
        eprintln!("{stage}: {:.1} ms", since.elapsed().as_secs_f64() * 1000.0);
    }
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
    /// Return the search documents of a whole run (the preview keeps them for updates).
    pub keep_search: bool,
    /// The preview's last build: kommuner whose inputs did not change keep its files.
    pub previous: Option<Preview>,
}

/// The search documents of the last full run, by index folder (`fjordvik/en/sok/`): the
/// preview keeps them, so a body-only update can rebuild an index without rendering every
/// page again.
#[derive(Default, Clone)]
pub struct SearchCache(pub(crate) BTreeMap<String, (String, Vec<SearchDocument>)>);

impl SearchCache {
    /// The index folders it holds documents for, sorted.
    pub fn folders(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// The one orchestration of `build`, `serve` and the fuzz targets: load and check (only
/// the unit folders in `units`, when given), then render what `plan` selects into the sink
/// that `sink` opens, verify every link the run wrote, and report. Nothing is rendered when
/// the check finds an error, or when `sink` returns `None` (it reports why).
pub fn run<'s>(
    opts: &BuildOptions,
    units: Option<&BTreeSet<String>>,
    mut plan: Plan,
    sink: impl FnOnce(&mut Report) -> Option<&'s dyn Sink>,
) -> (Report, Option<SearchCache>) {
    let started = Instant::now();
    let mut report = Report::default();
    // A whole build rebuilds only what changed since the last one into the same output
    // folder, or since the preview's last build (see `incremental`).
    let previous = match (plan.previous.take(), opts.cache_dir.as_deref()) {
        (Some(preview), _) => Some(incremental::Previous::Memory {
            files: preview.files,
            manifest: preview.manifest,
        }),
        (None, Some(cache_dir)) => Some(incremental::Previous::Folder {
            out: &opts.out,
            cache_dir,
        }),
        (None, None) => None,
    };
    // The pool's threads started first: started while the theme's thread ran, they waited
    // milliseconds for a core.
    rayon::broadcast(|_| ());
    // The theme compiles on a thread of its own from the start, while the last build's
    // manifest is read and the content loaded and checked: with one kommune, checking
    // waited for it.
    let (mut incremental, checked, compiled) = std::thread::scope(|scope| {
        let compiling = scope.spawn(|| compile_theme(opts));
        let (incremental, to_load) = plan_loading(opts, previous, units, &plan);
        let checking = Instant::now();
        let checked = check_units(
            &opts.root,
            opts.kommune.as_deref(),
            to_load.as_ref(),
            opts.today,
            if opts.preview { &None } else { &opts.base_url },
            &mut report,
        );
        timing("check", checking);
        (incremental, checked, compiling.join().ok().flatten())
    });
    if opts.allow_placeholders {
        crate::check::placeholders::allow(&mut report.diagnostics);
    }
    timing("load-and-check", started);
    if let Some(inc) = &incremental {
        inc.reported(&report.diagnostics);
        report.kommuner += inc.unloaded.len();
    }
    let Some((project, kommuner)) = checked.filter(|_| !report.failed()) else {
        return (report, None);
    };
    if let Some(inc) = &mut incremental {
        inc.note_loaded(&project);
    }
    let Some(sink) = sink(&mut report) else {
        return (report, None);
    };
    let preparing = Instant::now();
    let mut prepared =
        match Prepared::new(&project, &kommuner, opts, incremental, compiled, plan.pdf) {
            Ok(prepared) => prepared,
            Err(diags) => {
                report.diagnostics.extend(diags);
                return (report, None);
            }
        };
    timing("prepare", preparing);
    let rendering = Instant::now();
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
    timing("render", rendering);
    #[cfg(feature = "print")]
    if let Some(cache) = &prepared.pdf_cache {
        report.pdfs_made = cache.made();
        report.pdfs_reused = cache.reused();
        if std::env::var_os("VEIVISER_TIMINGS").is_some() {
            eprintln!(
                "pdf-cache: {} made, {} reused",
                report.pdfs_made, report.pdfs_reused
            );
        }
        if !report.failed() {
            cache.prune();
        }
    }
    if let Some(inc) = prepared.incremental.take() {
        report.kommuner_reused = inc.reused.load(std::sync::atomic::Ordering::Relaxed);
        if std::env::var_os("VEIVISER_TIMINGS").is_some() {
            eprintln!(
                "incremental: {} kommuner reused, {} rendered",
                report.kommuner_reused,
                inc.rendered.load(std::sync::atomic::Ordering::Relaxed)
            );
            eprintln!(
                "incremental-unloaded: {} kommuner taken over without loading",
                inc.unloaded.len()
            );
        }
        report.incremental = Some(inc);
    }
    report.elapsed = started.elapsed();
    (report, search)
}

/// The last build's manifest read (a whole build), and the unit folders to load: `units`
/// when given, else those of the kommuner whose inputs changed since the last build of
/// every kommune, or the kommune built alone and the bases it inherits. `None`: all.
fn plan_loading<'p>(
    opts: &'p BuildOptions,
    previous: Option<incremental::Previous<'p>>,
    units: Option<&BTreeSet<String>>,
    plan: &Plan,
) -> (Option<incremental::Incremental>, Option<BTreeSet<String>>) {
    let mut incremental = previous
        .filter(|_| matches!(plan.select, Select::All))
        .map(|previous| {
            incremental::Incremental::new(incremental::Options {
                root: &opts.root,
                previous,
                clean: opts.clean,
                settings: format!(
                    "{:?}\n{:?}\n{}\n{}",
                    opts.base_url, opts.kommune, opts.relative_urls, opts.today
                ),
            })
        });
    if let Some(units) = units {
        return (incremental, Some(units.clone()));
    }
    // Kommuner whose inputs did not change are not even loaded (a build of every kommune).
    if let (Some(inc), None) = (&mut incremental, &opts.kommune) {
        let planned = inc.plan_unloaded(plan.pdf);
        return (incremental, planned);
    }
    // A kommune built alone needs only its own folder and the bases it inherits.
    let alone = opts.kommune.as_ref().and_then(|slug| {
        let graph = crate::load::unit_graph(&opts.root);
        let chain = crate::load::inheritance_chain(&graph, slug);
        // When a base is missing or unreadable, or the chain loops, everything is read, so
        // the error can name the bases there are.
        let complete = chain
            .last()
            .and_then(|unit| graph.get(unit))
            .is_some_and(|(_, base)| base.is_none());
        let is_kommune = graph.get(slug).is_some_and(|(k, _)| *k);
        (is_kommune && complete).then(|| chain.into_iter().collect())
    });
    (incremental, alone)
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
        keep_search: false,
        previous: None,
    };
    let (report, _) = run(opts, Some(units), plan, |_| Some(&memory));
    let files = memory.into_files();
    let pages = (!report.failed()).then(|| files.into_iter().collect());
    (report, pages)
}

/// Output file of a page path (`x/` → `x/index.html`).
pub(crate) fn page_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

//! `veiviser serve`: a live preview. Builds into memory, serves it over HTTP on loopback,
//! rebuilds when content, theme or settings change, and tells the open browser tabs to
//! reload (or to show the error) over server-sent events. A save that changed only Markdown
//! bodies re-renders the pages made from them; any other change rebuilds with the manifest
//! of the served build, so only the kommuner whose inputs changed are rendered again. The
//! reload script is added to pages only here, never to `build` output.

mod http;
mod watch;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use tokio::sync::broadcast;

use crate::build::{self, BuildOptions};
use crate::msg;

pub struct ServeOptions {
    pub root: PathBuf,
    pub kommune: Option<String>,
    pub port: u16,
    pub bind: IpAddr,
    pub open: bool,
    /// Show each warning in full after a build (`--verbose`), else one line per kind.
    pub verbose: bool,
    pub color: bool,
}

/// What the browser is told.
#[derive(Clone, Debug)]
pub enum LiveEvent {
    /// A new build is ready (its generation number).
    Reload(u64),
    /// The content has errors; the last good build is still served.
    Error(String),
}

/// State shared by the HTTP handlers and the rebuild thread.
pub struct Shared {
    pub site: RwLock<Arc<HashMap<String, Vec<u8>>>>,
    pub error: RwLock<Option<String>>,
    /// What the preview shows in a banner on every page: the placeholders still to fill in.
    pub notice: RwLock<Option<String>>,
    pub events: broadcast::Sender<LiveEvent>,
    pub generation: AtomicU64,
    /// The search documents of the last full build, for body-only updates.
    pub search: std::sync::Mutex<build::SearchCache>,
    /// What each kommune of the served build was made from: a rebuild renders only the
    /// kommuner whose inputs changed (the manifest `build` keeps on disk).
    pub manifest: std::sync::Mutex<Option<build::incremental::Manifest>>,
}

pub fn run(opts: ServeOptions) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("{}", msg!("serve-cannot-start", reason = e.to_string()));
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(opts))
}

async fn serve(opts: ServeOptions) -> ExitCode {
    let listener = match tokio::net::TcpListener::bind(SocketAddr::new(opts.bind, opts.port)).await
    {
        Ok(l) => l,
        Err(e) => {
            let address = format!("{}:{}", opts.bind, opts.port);
            eprintln!(
                "{}",
                msg!(
                    "serve-cannot-listen",
                    address = address,
                    reason = e.to_string()
                )
            );
            eprintln!(
                "  {}",
                msg!(
                    "serve-cannot-listen-help",
                    port = opts.port.wrapping_add(1).max(1024)
                )
            );
            return ExitCode::FAILURE;
        }
    };
    let addr = listener.local_addr().expect("bound address");
    if !opts.bind.is_loopback() {
        eprintln!("{}", msg!("serve-reachable", address = addr.to_string()));
    }
    let host = if opts.bind.is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        addr.ip().to_string()
    };
    let url = format!("http://{host}:{}/", addr.port());

    let (events, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        site: RwLock::new(Arc::new(HashMap::new())),
        error: RwLock::new(None),
        notice: RwLock::new(None),
        events,
        generation: AtomicU64::new(0),
        search: Default::default(),
        manifest: Default::default(),
    });
    let build_opts = BuildOptions {
        root: opts.root.clone(),
        kommune: opts.kommune.clone(),
        out: opts.root.join("public"),
        base_url: Some(url.clone()),
        relative_urls: false,
        today: build::today(),
        allow_placeholders: true,
        // The preview makes no PDFs and keeps its output in memory.
        cache_dir: None,
        clean: false,
        preview: true,
    };
    let show = Show {
        verbose: opts.verbose,
        color: opts.color,
    };
    let root = opts
        .root
        .canonicalize()
        .unwrap_or_else(|_| opts.root.clone());
    let mut front_matter = FrontMatterCache::default();
    rebuild(&shared, &build_opts, show);
    front_matter.refresh(&root);

    let (tx, rx) = std::sync::mpsc::channel::<Vec<PathBuf>>();
    let _watcher = match watch::start(&opts.root, tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!(
                "{}",
                msg!(
                    "serve-cannot-watch",
                    root = opts.root.display(),
                    reason = e.to_string()
                )
            );
            return ExitCode::FAILURE;
        }
    };
    {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            while let Ok(mut changed) = rx.recv() {
                // Coalesce a burst of saves into one rebuild.
                while let Ok(more) = rx.try_recv() {
                    changed.extend(more);
                }
                changed.sort();
                changed.dedup();
                if !update_bodies(&shared, &build_opts, &root, &mut front_matter, &changed) {
                    rebuild(&shared, &build_opts, show);
                    front_matter.refresh(&root);
                }
            }
        });
    }

    match opts.kommune.as_deref() {
        Some(kommune) => println!(
            "{}",
            msg!("serve-preview-of", kommune = kommune, url = &url)
        ),
        None => println!("{}", msg!("serve-preview-of-all", url = &url)),
    }
    println!("{}", msg!("serve-watching"));
    if opts.bind.is_loopback() {
        println!("{}", msg!("serve-edit-at", url = format!("{url}admin/")));
    }
    if opts.open {
        if let Err(e) = open::that(&url) {
            eprintln!("{}", msg!("serve-no-browser", reason = e.to_string()));
        }
    }
    // The browser editor at /admin/ (src/cms/), only in the preview.
    let app = http::router(Arc::clone(&shared)).merge(crate::cms::router(crate::cms::CmsOptions {
        root: opts.root.clone(),
        kommune: opts.kommune.clone(),
        bind: opts.bind,
        port: addr.port(),
    }));
    tokio::select! {
        result = axum::serve(listener, app) => {
            if let Err(e) = result {
                eprintln!("{}", msg!("serve-stopped-error", reason = e.to_string()));
                return ExitCode::FAILURE;
            }
        }
        _ = tokio::signal::ctrl_c() => {
            println!("\n{}", msg!("serve-stopped"));
        }
    }
    ExitCode::SUCCESS
}

/// Front matter of every Markdown file at the last full build, to tell a body-only save
/// (only the pages made from that file change) from one that can change other pages.
#[derive(Default)]
struct FrontMatterCache {
    by_path: HashMap<PathBuf, String>,
    /// Unit folders: kommune or base, and what each inherits (see [`unit_graph`]).
    units: BTreeMap<String, (bool, Option<String>)>,
}

impl FrontMatterCache {
    fn refresh(&mut self, root: &std::path::Path) {
        self.units = crate::load::unit_graph(root);
        self.by_path.clear();
        for entry in walkdir::WalkDir::new(root.join("content"))
            .into_iter()
            .flatten()
        {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "md") {
                if let Some(fm) = std::fs::read_to_string(path)
                    .ok()
                    .and_then(|t| front_matter_of(&t))
                {
                    self.by_path.insert(path.to_path_buf(), fm);
                }
            }
        }
    }
}

/// The front matter text of a Markdown file (normalised), if it has one.
fn front_matter_of(text: &str) -> Option<String> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---")?;
    Some(rest[..end].to_string())
}

/// When every changed file is a Markdown file whose front matter did not change, re-render
/// only the pages made from those files. Returns false when a full rebuild is needed.
fn update_bodies(
    shared: &Shared,
    opts: &BuildOptions,
    root: &std::path::Path,
    cache: &mut FrontMatterCache,
    changed: &[PathBuf],
) -> bool {
    let started = Instant::now();
    if changed.is_empty()
        || shared
            .error
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    {
        return false;
    }
    let mut files = std::collections::HashSet::new();
    for path in changed {
        let is_md =
            path.extension().is_some_and(|e| e == "md") && path.starts_with(root.join("content"));
        let Some(text) = is_md.then(|| std::fs::read_to_string(path).ok()).flatten() else {
            return false;
        };
        if front_matter_of(&text).is_none()
            || cache.by_path.get(path) != front_matter_of(&text).as_ref()
        {
            return false;
        }
        files.insert(crate::source::relative_display(path, root));
    }
    let Some(units) = affected_units(&cache.units, root, changed, opts.kommune.as_deref()) else {
        return false;
    };
    if units.is_empty() {
        // The saved files are not shown in this preview (another kommune's pages).
        return true;
    }
    let mut search = shared.search.lock().unwrap_or_else(|e| e.into_inner());
    let (report, pages) = build::render_pages_from(opts, &files, &units, &mut search);
    let Some(pages) = pages.filter(|_| !report.failed()) else {
        return false;
    };
    let count = pages.len();
    {
        // In place unless a request still holds the previous map (then it is copied).
        let mut site = shared.site.write().unwrap_or_else(|e| e.into_inner());
        Arc::make_mut(&mut site).extend(pages);
    }
    let generation = shared.generation.fetch_add(1, Ordering::SeqCst) + 1;
    let _ = shared.events.send(LiveEvent::Reload(generation));
    println!(
        "{}",
        msg!(
            "serve-updated",
            pages = count,
            ms = started.elapsed().as_millis() as u64
        )
    );
    true
}

/// The unit folders an incremental update must read: every kommune whose pages can show
/// one of the `changed` files (the file's own kommune, or every kommune inheriting the base
/// it is in), and the bases those kommuner inherit. `None` when a file is outside every
/// known unit (a full rebuild then finds out what it is).
fn affected_units(
    graph: &BTreeMap<String, (bool, Option<String>)>,
    root: &std::path::Path,
    changed: &[PathBuf],
    only: Option<&str>,
) -> Option<BTreeSet<String>> {
    let content = root.join("content");
    let mut changed_units = BTreeSet::new();
    for path in changed {
        let unit = path.strip_prefix(&content).ok()?.components().next()?;
        let unit = unit.as_os_str().to_string_lossy().into_owned();
        graph.contains_key(&unit).then_some(())?;
        changed_units.insert(unit);
    }
    // The chain of a unit, itself first; cut at the first repeat (cycles are reported by
    // the full build, which ran before).
    let chain = |start: &str| {
        let mut chain = vec![start.to_string()];
        while let Some((_, Some(base))) = graph.get(chain.last().expect("not empty")) {
            if chain.contains(base) {
                break;
            }
            chain.push(base.clone());
        }
        chain
    };
    let mut units = BTreeSet::new();
    for (slug, (is_kommune, _)) in graph {
        if !is_kommune || only.is_some_and(|only| only != slug) {
            continue;
        }
        let chain = chain(slug);
        if chain.iter().any(|u| changed_units.contains(u)) {
            units.extend(chain);
        }
    }
    Some(units)
}

/// How the preview shows a build's warnings on the terminal.
#[derive(Clone, Copy, Default)]
pub struct Show {
    pub verbose: bool,
    pub color: bool,
}

/// Build into memory; swap it in on success, or keep the last good build and report.
/// The warnings are shown as `check` and `build` show them.
pub fn rebuild(shared: &Shared, opts: &BuildOptions, show: Show) {
    let started = Instant::now();
    let previous = build::Preview {
        files: Arc::clone(&shared.site.read().unwrap_or_else(|e| e.into_inner())),
        manifest: shared
            .manifest
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone(),
    };
    let (report, files) = build::build_in_memory(opts, previous);
    let warnings = report.warnings();
    match files {
        Some(built) if !report.failed() => {
            crate::cli::print_warnings(&report, show.color, show.verbose);
            {
                // In place unless a request still holds the previous map (then it is copied).
                let mut site = shared.site.write().unwrap_or_else(|e| e.into_inner());
                let mut search = shared.search.lock().unwrap_or_else(|e| e.into_inner());
                let manifest = built.apply(Arc::make_mut(&mut site), &mut search);
                *shared.manifest.lock().unwrap_or_else(|e| e.into_inner()) = manifest;
            }
            *shared.error.write().unwrap_or_else(|e| e.into_inner()) = None;
            *shared.notice.write().unwrap_or_else(|e| e.into_inner()) = placeholder_notice(&report);
            let generation = shared.generation.fetch_add(1, Ordering::SeqCst) + 1;
            let _ = shared.events.send(LiveEvent::Reload(generation));
            let ms = started.elapsed().as_millis() as u64;
            if warnings > 0 {
                println!(
                    "{}",
                    msg!(
                        "serve-built-warnings",
                        pages = report.pages,
                        ms = ms,
                        warnings = warnings
                    )
                );
            } else {
                println!("{}", msg!("serve-built", pages = report.pages, ms = ms));
            }
        }
        _ => {
            let text: Vec<String> = report
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.render(false))
                .collect();
            let text = text.join("\n");
            eprintln!("{text}");
            eprintln!("{}", msg!("serve-keeps-last-good"));
            *shared.error.write().unwrap_or_else(|e| e.into_inner()) = Some(text.clone());
            let _ = shared.events.send(LiveEvent::Error(text));
        }
    }
}

/// One line per placeholder still in the content, for the preview's banner.
fn placeholder_notice(report: &build::Report) -> Option<String> {
    let lines: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == crate::check::placeholders::CODE)
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph() -> BTreeMap<String, (bool, Option<String>)> {
        [
            ("nasjonal", false, None),
            ("felles", false, Some("nasjonal")),
            ("fjordvik", true, Some("felles")),
            ("solvberg", true, Some("felles")),
            ("enslig", true, None),
        ]
        .into_iter()
        .map(|(s, k, b)| (s.to_string(), (k, b.map(String::from))))
        .collect()
    }

    fn units(changed: &str, only: Option<&str>) -> Option<Vec<String>> {
        let root = std::path::Path::new("/p");
        affected_units(&graph(), root, &[root.join(changed)], only).map(|u| u.into_iter().collect())
    }

    #[test]
    fn a_kommune_file_reads_that_kommune_and_its_bases() {
        assert_eq!(
            units("content/fjordvik/sider/om.md", None).unwrap(),
            ["felles", "fjordvik", "nasjonal"]
        );
        assert_eq!(units("content/enslig/a.md", None).unwrap(), ["enslig"]);
    }

    #[test]
    fn a_base_file_reads_every_kommune_inheriting_it() {
        assert_eq!(
            units("content/nasjonal/veileder/niva-1.md", None).unwrap(),
            ["felles", "fjordvik", "nasjonal", "solvberg"]
        );
        assert_eq!(
            units("content/felles/a.md", Some("solvberg")).unwrap(),
            ["felles", "nasjonal", "solvberg"]
        );
        assert!(units("content/fjordvik/a.md", Some("solvberg"))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn unknown_folders_need_a_full_rebuild() {
        assert_eq!(units("content/ny/a.md", None), None);
        assert_eq!(units("themes/standard/x.md", None), None);
    }
}

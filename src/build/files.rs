//! The files of a build that are not pages: stylesheets and scripts, images, print PDFs,
//! search indexes and the regional landing page.

use std::sync::Mutex;
use std::time::Instant;

use rayon::prelude::*;

use super::{page_file, SearchCache};
use crate::config::BaseUrl;
use crate::diagnostics::Diagnostic;
use crate::load::Project;
use crate::minify::minify_html;
use crate::render::urls::Urls;
use crate::render::{Assets, OutPage, Theme};
use crate::site::Kommune;
use crate::write::Sink;

/// Make the kommune's print PDFs into `<prefix>trykk/`; their sizes by file name.
#[cfg(feature = "print")]
/// `urls` are the kommune's pages' (where the PDFs are written); `print_urls` the address
/// printed on them and in their QR codes (see [`super::Prepared::print_urls`]).
pub(super) fn write_prints(
    staging: &dyn Sink,
    prep: &super::Prepared,
    kommune: &Kommune,
    (urls, print_urls): (&Urls, &Urls),
    today: chrono::NaiveDate,
    warnings: &Mutex<Vec<Diagnostic>>,
) -> Result<Option<std::collections::BTreeMap<String, u64>>, Vec<Diagnostic>> {
    let made = crate::print::build::make_all(
        &prep.theme.files,
        kommune,
        print_urls,
        today,
        prep.pdf_cache.as_ref(),
    )?;
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
pub(super) fn write_prints(
    _staging: &dyn Sink,
    _prep: &super::Prepared,
    _kommune: &Kommune,
    _urls: (&Urls, &Urls),
    _today: chrono::NaiveDate,
    _warnings: &Mutex<Vec<Diagnostic>>,
) -> Result<Option<std::collections::BTreeMap<String, u64>>, Vec<Diagnostic>> {
    Ok(None)
}

/// Stylesheet with the kommune's brand colours, scripts and images.
pub(super) fn write_assets(
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
    // The same in many kommuner: copies after the first may be links to it.
    staging.write_same(&format!("{prefix}{css_href}"), css.as_bytes())?;
    let mut search_script_href = None;
    let mut forms_script_href = None;
    for (name, bytes) in &theme.scripts {
        let fp = crate::assets::fingerprinted(name, bytes);
        staging.write_same(&format!("{prefix}assets/{fp}"), bytes)?;
        match name.as_str() {
            "search.js" => search_script_href = Some(format!("assets/{fp}")),
            "forms.js" => forms_script_href = Some(format!("assets/{fp}")),
            _ => {}
        }
    }
    for (name, bytes) in &theme.fonts {
        staging.write_same(&format!("{prefix}assets/fonts/{name}"), bytes)?;
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

/// Minify and write a page (its parts shared with the kommune's other pages minified once,
/// by `shared`); with `relative` (the base path, `build --relative-urls`) its links are made
/// relative to it first.
pub(super) fn write_page(
    staging: &dyn Sink,
    page: &OutPage,
    relative: Option<&str>,
    shared: &super::shared::SharedMinifier,
) -> Result<(), Diagnostic> {
    let file = page_file(&page.path);
    match relative {
        Some(base) => {
            let html = super::relative::relativize(&page.html, &file, base);
            staging.write_page(&file, &shared.minify(&html))
        }
        None => staging.write_page(&file, &shared.minify(&page.html)),
    }
}

/// One search index per language, loaded with a script tag so it works from file:// too.
pub(super) fn write_search_indexes(
    staging: &dyn Sink,
    searches: &SearchCache,
) -> Result<(), Diagnostic> {
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

/// The regional landing page and 404 page; `kommuner` by name: (folder, name, number).
pub(super) fn write_landing(
    staging: &dyn Sink,
    theme: &Theme,
    project: &Project,
    kommuner: &[(&str, &str, &str)],
    base: &BaseUrl,
    relative: bool,
) -> Result<usize, Diagnostic> {
    let relative = |html: String, file: &str| {
        if relative {
            super::relative::relativize(&html, file, &base.path)
        } else {
            html
        }
    };
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
        .map(|(slug, name, number)| serde_json::json!({ "name": name, "number": number, "url": format!("{}{slug}/", base.path) }))
        .collect();
    let mut ctx = theme.texts(&lang, false);
    ctx.insert("lang", &lang);
    ctx.insert("title", &project.config.title);
    ctx.insert("description", &project.config.description);
    ctx.insert("kommuner", &list);
    ctx.insert("css_url", &format!("{}assets/{css_name}", base.path));
    ctx.insert("canonical", &base.absolute(&base.path));
    ctx.insert("root", &base.path);
    let html = theme.render("landing.html", &ctx)?;
    staging.write("index.html", &minify_html(&relative(html, "index.html")))?;
    ctx.insert("not_found", &true);
    let html = theme.render("landing.html", &ctx)?;
    staging.write("404.html", &minify_html(&relative(html, "404.html")))?;
    Ok(2)
}

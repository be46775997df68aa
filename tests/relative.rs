//! `build --relative-urls`: a site that works from a folder (a file share, a USB stick,
//! file://). Read back from the output by this test's own checker, on disk: every internal
//! link of every page is relative, names a file (a folder link ends in `index.html`, since
//! nothing serves a folder's index from disk), and that file exists, with the id a fragment
//! names. Canonical and alternate links and the sitemap stay absolute.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use common::*;

fn has_scheme(url: &str) -> bool {
    url.find(':').is_some_and(|i| {
        url[..i]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+')
    })
}

/// Every page of `public` by path, parsed.
fn pages(public: &Path) -> HashMap<PathBuf, scraper::Html> {
    walkdir::WalkDir::new(public)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.path().to_path_buf(), scraper::Html::parse_document(&text))
        })
        .collect()
}

/// The file a relative `path` leads to from the page `page`, `..` resolved as a browser
/// does (never above the output: that is an error here).
fn resolve(public: &Path, page: &Path, path: &str) -> Result<PathBuf, String> {
    let mut parts: Vec<String> = page
        .parent()
        .unwrap()
        .strip_prefix(public)
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop().ok_or("climbs above the output")?;
            }
            s => parts.push(percent_decode(s)),
        }
    }
    Ok(parts.iter().fold(public.to_path_buf(), |p, s| p.join(s)))
}

/// (links checked, problems: page, link, why).
fn check_relative(public: &Path) -> (usize, Vec<String>) {
    let pages = pages(public);
    let id_sel = scraper::Selector::parse("[id]").unwrap();
    let ids: HashMap<&PathBuf, HashSet<String>> = pages
        .iter()
        .map(|(p, html)| {
            let ids = html
                .select(&id_sel)
                .filter_map(|e| e.value().attr("id").map(String::from))
                .collect();
            (p, ids)
        })
        .collect();
    let sel = scraper::Selector::parse("[href], [src], [srcset], [poster], form[action]").unwrap();
    let mut checked = 0;
    let mut problems = Vec::new();
    for (page, html) in &pages {
        let name = page.strip_prefix(public).unwrap().display().to_string();
        for el in html.select(&sel) {
            let v = el.value();
            let mut urls: Vec<&str> = ["href", "src", "poster", "action"]
                .iter()
                .filter_map(|a| v.attr(a))
                .collect();
            if let Some(srcset) = v.attr("srcset") {
                urls.extend(
                    srcset
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next()),
                );
            }
            for url in urls {
                let url = url.trim();
                if url == "#" || url.starts_with('#') && v.name() == "a" {
                    continue;
                }
                if url.starts_with('/') {
                    problems.push(format!("{name}: `{url}` is not relative"));
                    continue;
                }
                if has_scheme(url) {
                    // Canonical, alternate and other sites' links stay absolute.
                    continue;
                }
                checked += 1;
                let (rest, frag) = url.split_once('#').unwrap_or((url, ""));
                let path = rest.split('?').next().unwrap();
                if path.is_empty() {
                    continue;
                }
                if path.ends_with('/') || path == "." || path == ".." {
                    problems.push(format!(
                        "{name}: `{url}` links a folder, not its index.html"
                    ));
                    continue;
                }
                let file = match resolve(public, page, path) {
                    Ok(f) => f,
                    Err(why) => {
                        problems.push(format!("{name}: `{url}` {why}"));
                        continue;
                    }
                };
                if !file.is_file() {
                    problems.push(format!("{name}: `{url}`: no file {}", file.display()));
                    continue;
                }
                let frag = percent_decode(frag);
                if !frag.is_empty() {
                    if let Some(ids) = ids.get(&file) {
                        if !ids.contains(&frag) {
                            problems.push(format!("{name}: `{url}`: no id `{frag}`"));
                        }
                    }
                }
            }
        }
    }
    problems.sort();
    (checked, problems)
}

fn assert_works_from_a_folder(public: &Path) {
    let (checked, problems) = check_relative(public);
    assert!(checked > 1000, "only {checked} links checked");
    assert!(
        problems.is_empty(),
        "{} problems of {checked} links, e.g. {:#?}",
        problems.len(),
        problems.iter().take(10).collect::<Vec<_>>()
    );
}

#[test]
fn relative_demo_under_a_sub_path_links_every_page_relative_to_existing_files() {
    let out = build_demo(&[
        "--relative-urls",
        "--base-url",
        "https://www.example.no/bti/",
    ]);
    assert_works_from_a_folder(&out.path().join("public"));
}

#[test]
fn relative_demo_at_the_root_links_every_page_relative_to_existing_files() {
    let out = build_demo(&[
        "--relative-urls",
        "--base-url",
        "https://veileder.example.no/",
    ]);
    assert_works_from_a_folder(&out.path().join("public"));
}

#[test]
fn relative_kommune_build_links_every_page_relative_to_existing_files() {
    let out = build_demo(&[
        "--relative-urls",
        "--kommune",
        "fjordvik",
        "--base-url",
        "https://www.example.no/bti/",
    ]);
    assert_works_from_a_folder(&out.path().join("public"));
}

#[test]
fn relative_build_keeps_canonical_links_and_the_sitemap_absolute() {
    let out = build_demo(&[
        "--relative-urls",
        "--base-url",
        "https://www.example.no/bti/",
    ]);
    let public = out.path().join("public");
    let page = std::fs::read_to_string(public.join("fjordvik/skjema/index.html")).unwrap();
    let html = scraper::Html::parse_document(&page);
    let canonical = select(&html, "link[rel=canonical]");
    assert_eq!(
        canonical[0].value().attr("href"),
        Some("https://www.example.no/bti/fjordvik/skjema/")
    );
    // The other languages of the page are navigation: relative, by file.
    let alternates: Vec<&str> = select(&html, "link[rel=alternate][hreflang]")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert!(
        alternates.contains(&"../en/skjema/index.html"),
        "{alternates:?}"
    );
    // The stylesheet and the menu lead from the page's folder.
    let css = select(&html, "link[rel=stylesheet]");
    assert!(
        css[0]
            .value()
            .attr("href")
            .unwrap()
            .starts_with("../assets/main."),
        "{page}"
    );
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://www.example.no/bti/fjordvik/skjema/</loc>"));
    // The landing page links each kommune's front page by file.
    let landing = std::fs::read_to_string(public.join("index.html")).unwrap();
    assert!(landing.contains("href=fjordvik/index.html"), "{landing}");
}

#[test]
fn relative_search_page_finds_its_index_and_roots_results_at_the_language() {
    let out = build_demo(&[
        "--relative-urls",
        "--base-url",
        "https://www.example.no/bti/",
    ]);
    let public = out.path().join("public");
    let html = scraper::Html::parse_document(
        &std::fs::read_to_string(public.join("fjordvik/en/sok/index.html")).unwrap(),
    );
    let list = select(&html, "#search-results");
    // search.js links a result as root + url, with index.html when opened from file://.
    assert_eq!(list[0].value().attr("data-root"), Some("../"));
    let scripts: Vec<&str> = select(&html, "script[src]")
        .iter()
        .map(|s| s.value().attr("src").unwrap())
        .collect();
    assert!(scripts.contains(&"indeks.js"), "{scripts:?}");
    assert!(public.join("fjordvik/en/sok/indeks.js").is_file());
}

#[test]
fn a_broken_link_fails_a_relative_build_too() {
    // The project's own copy of the theme links to a page or anchor that is never made.
    let f = Fixture::kommune().with_footer_link("{{ site.root }}finnes-ikke/");
    let err = assert_fails(&f.build(&["--no-pdf", "--relative-urls"]));
    assert!(err.contains("broken-output-link"), "{err}");
    assert!(err.contains("finnes-ikke/index.html"), "{err}");
}

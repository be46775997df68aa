//! The built site's links, read back from the output by a checker of the test's own (not
//! the build's `verify` module): every internal `href`, `src` and `srcset` of every page,
//! anchors included, leads to a file the build wrote, in every kommune and language, under
//! a sub-path base URL, at the root, and with `--kommune`. And a link the build writes
//! that leads nowhere fails the build.

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use common::*;

/// Every HTML file of `public` with its ids, and every file's path.
fn read_site(public: &Path) -> (HashSet<String>, HashMap<String, scraper::Html>) {
    let mut files = HashSet::new();
    let mut pages = HashMap::new();
    for entry in walkdir::WalkDir::new(public) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(public)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.ends_with(".html") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            pages.insert(rel.clone(), scraper::Html::parse_document(&text));
        }
        files.insert(rel);
    }
    (files, pages)
}

/// The output file a site-absolute path leads to, if it is inside the site.
fn target_file(path: &str, base_path: &str, files: &HashSet<String>) -> Option<String> {
    let rel = path.strip_prefix(base_path)?;
    let rel = percent_decode(rel);
    if rel.is_empty() || rel.ends_with('/') {
        return Some(format!("{rel}index.html"));
    }
    if files.contains(&rel) {
        return Some(rel);
    }
    Some(format!("{rel}/index.html"))
}

/// Resolve `url`, found on page `page` (an output path), to a site-absolute path, or
/// `None` for a link that leaves the site on purpose (another scheme, another host).
fn absolute(url: &str, page: &str, base_path: &str, origin: &str) -> Option<String> {
    let url = url.trim();
    if url.starts_with("//") {
        // Never meant: a browser reads it as another host.
        return Some(format!("//{}", url.trim_start_matches('/')));
    }
    if let Some(rest) = url.strip_prefix(origin) {
        return Some(rest.to_string());
    }
    let scheme = url
        .find(':')
        .is_some_and(|i| url.find('/').is_none_or(|s| i < s));
    if scheme {
        return None;
    }
    if url.starts_with('/') {
        return Some(url.to_string());
    }
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (url, None),
    };
    let rest = rest.split('?').next().unwrap_or("");
    // Relative: against the page's folder (a query or fragment alone: the page itself).
    let folder = &page[..page.rfind('/').map_or(0, |i| i + 1)];
    let path = if rest.is_empty() {
        format!("{base_path}{}", page.trim_end_matches("index.html"))
    } else {
        let joined = format!("{base_path}{folder}{rest}");
        let mut parts: Vec<&str> = Vec::new();
        for part in joined.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                p => parts.push(p),
            }
        }
        let mut path = format!("/{}", parts.join("/"));
        if joined.ends_with('/') && !path.ends_with('/') {
            path.push('/');
        }
        path
    };
    Some(match fragment {
        Some(f) => format!("{path}#{f}"),
        None => path,
    })
}

/// Every internal link of the site that does not resolve: (page, link, what is missing).
fn broken_links(public: &Path, base_url: &str) -> (usize, Vec<(String, String, String)>) {
    let (files, pages) = read_site(public);
    let base_path = {
        let after = base_url.split_once("://").map_or(base_url, |(_, r)| r);
        match after.find('/') {
            Some(i) => after[i..].to_string(),
            None => "/".to_string(),
        }
    };
    let origin = base_url[..base_url.len() - base_path.len()].to_string();
    let ids: HashMap<&String, HashSet<String>> = pages
        .iter()
        .map(|(path, html)| {
            let sel = scraper::Selector::parse("[id]").unwrap();
            let ids = html
                .select(&sel)
                .filter_map(|e| e.value().attr("id").map(String::from))
                .collect();
            (path, ids)
        })
        .collect();
    let sel = scraper::Selector::parse("[href], [src], [srcset]").unwrap();
    let mut checked = 0;
    let mut broken = Vec::new();
    for (page, html) in &pages {
        for el in html.select(&sel) {
            let mut urls: Vec<String> = Vec::new();
            for attr in ["href", "src"] {
                if let Some(v) = el.value().attr(attr) {
                    urls.push(v.to_string());
                }
            }
            if let Some(srcset) = el.value().attr("srcset") {
                urls.extend(
                    srcset
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .map(String::from),
                );
            }
            for url in urls {
                if url == "#" {
                    continue;
                }
                let Some(abs) = absolute(&url, page, &base_path, &origin) else {
                    continue;
                };
                checked += 1;
                let (path, fragment) = match abs.split_once('#') {
                    Some((p, f)) => (p.to_string(), Some(f.to_string())),
                    None => (abs.clone(), None),
                };
                let path = path.split('?').next().unwrap_or("").to_string();
                let Some(file) = target_file(&path, &base_path, &files) else {
                    broken.push((page.clone(), url.clone(), "outside the site".into()));
                    continue;
                };
                if !files.contains(&file) {
                    broken.push((page.clone(), url.clone(), format!("no file {file}")));
                    continue;
                }
                if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                    let fragment = percent_decode(&fragment);
                    if let Some(target_ids) = ids.get(&file) {
                        if !target_ids.contains(&fragment) {
                            broken.push((
                                page.clone(),
                                url.clone(),
                                format!("no id `{fragment}` on {file}"),
                            ));
                        }
                    }
                }
            }
        }
    }
    broken.sort();
    (checked, broken)
}

fn assert_no_broken_links(out: &tempfile::TempDir, base_url: &str) {
    let (checked, broken) = broken_links(&out.path().join("public"), base_url);
    assert!(checked > 1000, "only {checked} links checked");
    let mut by_page: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (page, url, why) in &broken {
        by_page
            .entry(page)
            .or_default()
            .push(format!("{url} ({why})"));
    }
    assert!(
        broken.is_empty(),
        "{} broken links of {checked} on {} pages, e.g. {:#?}",
        broken.len(),
        by_page.len(),
        by_page.iter().take(5).collect::<Vec<_>>()
    );
}

#[test]
fn demo_under_a_sub_path_has_no_broken_links() {
    let base = "https://www.example.no/bti/";
    let out = build_demo(&["--base-url", base]);
    assert_no_broken_links(&out, base);
}

#[test]
fn demo_at_the_root_has_no_broken_links() {
    let base = "https://veileder.example.no/";
    let out = build_demo(&["--base-url", base]);
    assert_no_broken_links(&out, base);
}

#[test]
fn each_demo_kommune_alone_has_no_broken_links() {
    for kommune in ["fjordvik", "solvberg", "bjorkedal"] {
        for base in [
            "https://veileder.example.no/",
            "https://www.example.no/bti/",
        ] {
            let out = build_demo(&["--kommune", kommune, "--base-url", base]);
            assert_no_broken_links(&out, base);
        }
    }
}

#[test]
fn shortcode_links_in_yaml_fields_carry_the_kommune_path_once() {
    let base = "https://www.example.no/bti/";
    let out = build_demo(&["--base-url", base]);
    let public = out.path().join("public");
    let (_, pages) = read_site(&public);
    let sel = scraper::Selector::parse("a[href]").unwrap();
    let mut seen = 0;
    for (page, html) in &pages {
        for a in html.select(&sel) {
            let href = a.value().attr("href").unwrap();
            for kommune in ["fjordvik", "solvberg", "bjorkedal"] {
                let twice = format!("/{kommune}/bti/");
                assert!(!href.contains(&twice), "{page}: {href}");
                let twice = format!("/bti/{kommune}/bti/{kommune}/");
                assert!(!href.contains(&twice), "{page}: {href}");
            }
            assert!(!href.starts_with("//"), "{page}: {href}");
            seen += 1;
        }
    }
    assert!(seen > 1000);
}

#[test]
fn a_link_the_theme_writes_to_a_missing_page_fails_the_build() {
    // The project's own copy of the theme links to a page or anchor that is never made.
    let f = Fixture::kommune().with_footer_link("{{ site.root }}finnes-ikke/");
    std::fs::create_dir_all(f.out()).unwrap();
    std::fs::write(f.out().join("gammel.html"), "forrige bygg").unwrap();
    let err = assert_fails(&f.build(&["--no-pdf"]));
    // miette wraps long messages, at spaces (which it drops) or after a `/`.
    let lines: Vec<&str> = err
        .lines()
        .map(|l| l.trim_start().trim_start_matches("│ "))
        .collect();
    let (spaced, joined) = (lines.join(" "), lines.concat());
    let says = |s: &str| spaced.contains(s) || joined.contains(s);
    assert!(says("finnes-ikke/"), "{err}");
    assert!(says("broken-output-link"), "{err}");
    // The pages and the content file a page was made from are named.
    assert!(says("testvik/index.html"), "{err}");
    assert!(says("made from content/testvik/"), "{err}");
    // Nothing of the failed build is published.
    assert_eq!(
        std::fs::read_to_string(f.out().join("gammel.html")).unwrap(),
        "forrige bygg"
    );
}

#[test]
fn a_missing_anchor_the_theme_writes_fails_the_build() {
    // The project's own copy of the theme links to a page or anchor that is never made.
    let f = Fixture::kommune().with_footer_link("{{ site.root }}veileder/#ingen-slik-overskrift");
    let err = assert_fails(&f.build(&["--no-pdf"]));
    assert!(err.contains("ingen-slik-overskrift"), "{err}");
}

#[test]
fn the_relative_resolver_of_this_test_follows_the_browser() {
    assert_eq!(
        absolute(
            "../skjema/",
            "a/sok/index.html",
            "/bti/",
            "https://x.example"
        )
        .as_deref(),
        Some("/bti/a/skjema/")
    );
    assert_eq!(
        absolute(
            "indeks.js",
            "a/sok/index.html",
            "/bti/",
            "https://x.example"
        )
        .as_deref(),
        Some("/bti/a/sok/indeks.js")
    );
    assert_eq!(
        absolute(
            "https://x.example/bti/a/",
            "a/index.html",
            "/bti/",
            "https://x.example"
        )
        .as_deref(),
        Some("/bti/a/")
    );
    assert_eq!(
        absolute(
            "mailto:a@b.example",
            "a/index.html",
            "/bti/",
            "https://x.example"
        ),
        None
    );
    assert_eq!(
        absolute("#x", "a/b/index.html", "/bti/", "https://x.example").as_deref(),
        Some("/bti/a/b/#x")
    );
}

/// The link proof reads the pages the build writes with a quicker reader than html5gum's
/// tokenizer, which gives a page it cannot read exactly as html5gum does back to html5gum.
/// Every demo page must be read by it (or the build loses its speed) and give the same.
#[test]
fn the_quick_link_reader_reads_every_demo_page_as_html5gum_does() {
    let out = tempfile::tempdir().unwrap();
    let build = std::process::Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .args([
            "build",
            "--no-pdf",
            "--base-url",
            "https://veiviser.example/bti/",
        ])
        .arg("--root")
        .arg(repo())
        .arg("--out")
        .arg(out.path())
        .env("VEIVISER_TIMINGS", "1")
        .output()
        .unwrap();
    assert_ok(&build);
    // What the build itself read: pages, and the parts many pages share.
    let said = stderr(&build);
    let counts = said.lines().find(|l| l.starts_with("link-reader:"));
    assert!(
        counts.is_some_and(|l| l.ends_with(" 0 by html5gum")),
        "{counts:?}"
    );
    let mut left = Vec::new();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(out.path()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            pages += 1;
            let html = std::fs::read(entry.path()).unwrap();
            if !veiviser::fuzzing::link_reader(&html) {
                left.push(entry.path().display().to_string());
            }
        }
    }
    assert!(pages > 500, "{pages} pages");
    assert!(left.is_empty(), "left to html5gum: {left:#?}");
}

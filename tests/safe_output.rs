//! Issue 7, safe output: the whole built site is scanned for anything that loads another
//! website's resources, runs inline code or reacts to events; every page must carry a
//! Content-Security-Policy that allows only the site's own resources. Both the demo in
//! `content/` and a kommune whose editors wrote hostile content are built and scanned.

mod common;

use std::path::Path;

use common::*;

const CSP_NEEDS: &[&str] = &[
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
];

/// Every problem found in one HTML file, as "path: what".
fn scan_page(rel: &str, html: &str, origin: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut problems = Vec::new();
    let mut bad = |what: String| problems.push(format!("{rel}: {what}"));

    let csp: Vec<String> = select(&doc, r#"meta[http-equiv="Content-Security-Policy"]"#)
        .iter()
        .filter_map(|m| m.value().attr("content").map(String::from))
        .collect();
    match csp.as_slice() {
        [policy] => {
            for need in CSP_NEEDS {
                if !policy.contains(need) {
                    bad(format!("CSP lacks {need}: {policy}"));
                }
            }
            if policy.contains("unsafe-inline") || policy.contains("unsafe-eval") {
                bad(format!("CSP allows unsafe code: {policy}"));
            }
            if policy.contains("http:") || policy.contains("https:") || policy.contains('*') {
                bad(format!("CSP allows other origins: {policy}"));
            }
        }
        _ => bad(format!("{} CSP meta tags, want 1", csp.len())),
    }

    // A resource is third-party when it is absolute (or protocol-relative) and not ours.
    let foreign = |url: &str| {
        let url = url.trim();
        (url.starts_with("//") || url.contains("://")) && !url.starts_with(origin)
    };
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let name = el.value().name();
        for (attr, value) in el.value().attrs() {
            if attr.starts_with("on") {
                bad(format!("<{name} {attr}=…> event handler"));
            }
            if attr == "style" {
                bad(format!("<{name} style=…> inline style"));
            }
            let lowered: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_lowercase();
            if matches!(attr, "href" | "src" | "action" | "formaction" | "srcset")
                && (lowered.starts_with("javascript:") || lowered.starts_with("vbscript:"))
            {
                bad(format!("<{name} {attr}=\"{value}\"> script URL"));
            }
            if matches!(attr, "src" | "srcset" | "poster" | "data") && foreign(value) {
                bad(format!(
                    "<{name} {attr}=\"{value}\"> loads from another website"
                ));
            }
        }
        match name {
            "script" => match el.value().attr("src") {
                None => bad("inline <script>".into()),
                Some(src) if foreign(src) => {
                    bad(format!("<script src=\"{src}\"> from another website"))
                }
                Some(_) => {}
            },
            "link" => {
                let rel_attr = el.value().attr("rel").unwrap_or("");
                let href = el.value().attr("href").unwrap_or("");
                let loads = [
                    "stylesheet",
                    "icon",
                    "preload",
                    "modulepreload",
                    "prefetch",
                    "manifest",
                ]
                .iter()
                .any(|r| rel_attr.split_whitespace().any(|x| x == *r));
                if loads && foreign(href) {
                    bad(format!(
                        "<link rel=\"{rel_attr}\" href=\"{href}\"> from another website"
                    ));
                }
            }
            "iframe" | "object" | "embed" | "frame" | "style" | "base" => {
                bad(format!("<{name}> element"))
            }
            _ => {}
        }
    }
    problems
}

/// Scan every HTML and CSS file of a built site; returns the problems and the page count.
fn scan_site(out: &Path, origin: &str) -> (Vec<String>, usize) {
    let mut problems = Vec::new();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        let rel = path.strip_prefix(out).unwrap().display().to_string();
        match path.extension().and_then(|e| e.to_str()) {
            Some("html") => {
                pages += 1;
                let html = std::fs::read_to_string(path).unwrap();
                problems.extend(scan_page(&rel, &html, origin));
            }
            Some("css") => {
                let css = std::fs::read_to_string(path).unwrap();
                for needle in ["@import", "url(http", "url(//", "url(\"http", "url('http"] {
                    if css.contains(needle) {
                        problems.push(format!("{rel}: CSS loads from another website ({needle})"));
                    }
                }
            }
            Some("js") => {
                let js = std::fs::read_to_string(path).unwrap();
                for needle in ["http://", "https://", "eval(", "new Function"] {
                    if js.contains(needle) {
                        problems.push(format!("{rel}: script contains {needle}"));
                    }
                }
            }
            _ => {}
        }
    }
    (problems, pages)
}

#[test]
fn demo_site_loads_nothing_from_elsewhere_and_runs_no_inline_code() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["build", "--no-pdf", "--root"])
        .arg(repo())
        .arg("--out")
        .arg(&out)
        .env("NO_COLOR", "1")
        .env("VEIVISER_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert_ok(&status);
    let (problems, pages) = scan_site(&out, "https://www.midtfjord-regionen.example/");
    assert!(pages > 300, "the whole demo was scanned ({pages} pages)");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn hostile_content_is_cleaned_everywhere() {
    let site = Fixture::kommune()
        .file(
            "content/testvik/sider/farlig.md",
            r#"---
title: "<script>alert('tittel')</script> Farlig side"
intro: "\"><img src=x onerror=alert(1)> Innledning"
---
Vanlig tekst med <b onclick="alert(1)">fet skrift</b> og <a href="javascript:alert(1)">lenke</a>.

<script>alert('kropp')</script>
<iframe src="https://ondsinnet.example/"></iframe>
<img src="https://sporing.example/piksel.gif" alt="">
<style>body { display: none }</style>
<div style="position: fixed" onmouseover="alert(1)">Boks</div>
<a href="JaVaScRiPt:alert(2)">en til</a> <a href="https://trygg.example/">trygg lenke</a>
<object data="https://ondsinnet.example/x.swf"></object>
<form action="https://ondsinnet.example/"><input name="fnr"></form>
<svg onload="alert(1)"><circle r="1"/></svg>
<details><summary>Mer</summary>Dette <kbd>skal</kbd> vises.</details>
"#,
        )
        .file(
            "content/testvik/tjenester/ondsinnet.yaml",
            r#"name: "Tjeneste <script>alert('navn')</script>"
description: "<img src=x onerror=alert(1)> Beskrivelse"
category: "Helse"
ages: { from: 0, to: 18 }
levels: [0]
contact:
  phone: "11 22 33 44"
  email: "post@testvik.kommune.example"
  address: "Testveien 1"
referral: "\"><script>alert(3)</script>"
"#,
        );
    let out = site.build(&["--verbose"]);
    assert_ok(&out);
    let err = stderr(&out);
    for tag in ["script", "iframe", "style", "object", "form", "svg"] {
        assert!(
            err.contains(&format!("<{tag}> is not allowed")),
            "editors are told <{tag}> was removed: {err}"
        );
    }
    let (problems, _) = scan_site(&site.out(), "https://test.example/");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let page = site.read("testvik/farlig/index.html");
    let doc = site.html("testvik/farlig/index.html");
    let prose = text(&select(&doc, ".prose")[0]);
    assert_eq!(
        select(&doc, ".prose b").len(),
        1,
        "allowed tags stay: {page}"
    );
    assert_eq!(
        select(&doc, ".prose kbd").len(),
        1,
        "allowed tags stay: {page}"
    );
    assert_eq!(
        select(&doc, r#".prose a[href="https://trygg.example/"]"#).len(),
        1,
        "safe links stay: {page}"
    );
    assert!(
        !prose.contains("alert('kropp')"),
        "script bodies are removed: {prose}"
    );
    assert!(
        !page.contains("ondsinnet.example"),
        "foreign resources are removed"
    );
    assert_eq!(
        text(&select(&doc, "h1")[0]),
        "<script>alert('tittel')</script> Farlig side",
        "YAML values are escaped and shown as text"
    );
}

#[test]
fn escape_mode_shows_raw_html_as_text() {
    let site = Fixture::kommune()
        .file(
            "veiviser.yaml",
            "title: \"Test\"\nbase_url: \"https://test.example/\"\ndemo: true\nraw_html:\n  mode: escape\n",
        )
        .file(
            "content/testvik/sider/ra.md",
            "---\ntitle: \"Rå\"\n---\nSkriv <b>fet</b> slik.\n",
        );
    assert_ok(&site.build(&[]));
    let doc = site.html("testvik/ra/index.html");
    assert_eq!(text(&select(&doc, ".prose")[0]), "Skriv <b>fet</b> slik.");
    assert!(select(&doc, ".prose b").is_empty(), "not an element");
}

#[test]
fn forbidden_tags_cannot_be_allowed_in_veiviser_yaml() {
    let site = Fixture::kommune().file(
        "veiviser.yaml",
        "title: \"Test\"\nbase_url: \"https://test.example/\"\nraw_html:\n  extra_tags: [kbd, script]\ndemo: true\n",
    );
    let err = assert_fails(&site.build(&[]));
    assert!(err.contains("veiviser.yaml:4:"), "{err}");
    assert!(err.contains("<script> cannot be allowed"), "{err}");
}

#[test]
fn javascript_links_in_markdown_are_errors() {
    let site = Fixture::kommune().file(
        "content/testvik/sider/lenke.md",
        "---\ntitle: \"Lenke\"\n---\nKlikk [her](javascript:alert(1)).\n",
    );
    let err = assert_fails(&site.build(&[]));
    assert!(err.contains("content/testvik/sider/lenke.md:4:"), "{err}");
    assert!(err.contains("unsafe-link"), "{err}");
}

//! The parents' entrance, on the built demo: "For foreldre" in the main menu of every page,
//! the front page's box that leads to the parents' page in every language (each named in
//! its own language), and the language picker on every page.

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const BASE: &str = "/bti";

fn demo() -> &'static Path {
    static DEMO: OnceLock<tempfile::TempDir> = OnceLock::new();
    DEMO.get_or_init(|| build_demo(&[])).path()
}

fn page(rel: &str) -> scraper::Html {
    let path = demo().join("public").join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    scraper::Html::parse_document(&text)
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(html_files(&path));
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    out
}

/// Pages of Fjordvik in one language (its folder, without the other languages' folders).
fn pages_of(lang_dir: &str) -> Vec<PathBuf> {
    let root = demo().join("public/fjordvik");
    let dir = if lang_dir.is_empty() {
        root.clone()
    } else {
        root.join(lang_dir)
    };
    html_files(&dir)
        .into_iter()
        .filter(|p| {
            let rel = p.strip_prefix(&root).unwrap().to_string_lossy().to_string();
            let in_other_language = ["en/", "ar/", "ti/", "uk/"]
                .iter()
                .any(|l| rel.starts_with(l));
            lang_dir.is_empty() != in_other_language && !rel.ends_with("404.html")
        })
        .collect()
}

#[test]
fn every_page_has_for_foreldre_in_the_main_menu() {
    for (dir, label, href) in [
        ("", "For foreldre", format!("{BASE}/fjordvik/foreldre/")),
        ("ar", "للوالدين", format!("{BASE}/fjordvik/ar/foreldre/")),
        ("en", "For parents", format!("{BASE}/fjordvik/en/foreldre/")),
    ] {
        let pages = pages_of(dir);
        assert!(pages.len() > 40, "{dir}: {} pages", pages.len());
        for path in pages {
            let html = scraper::Html::parse_document(&std::fs::read_to_string(&path).unwrap());
            let links: Vec<String> = select(&html, ".main-nav a")
                .iter()
                .filter(|a| a.value().attr("href") == Some(href.as_str()))
                .map(text)
                .collect();
            assert_eq!(links, [label], "{}", path.display());
        }
    }
    // Marked as the current item on the parents' page only.
    let parents = page("fjordvik/foreldre/index.html");
    let current: Vec<String> = select(&parents, ".main-nav a[aria-current]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(current, ["For foreldre"]);
    let front = page("fjordvik/index.html");
    assert!(select(&front, ".main-nav a[aria-current]").is_empty());
}

#[test]
fn every_page_has_the_language_picker_with_each_languages_own_name() {
    let expected = [
        ("nb", "Norsk bokmål"),
        ("en", "English"),
        ("ar", "العربية"),
        ("ti", "ትግርኛ"),
        ("uk", "Українська"),
    ];
    for dir in ["", "ar"] {
        for path in pages_of(dir) {
            let html = scraper::Html::parse_document(&std::fs::read_to_string(&path).unwrap());
            let picker: Vec<(String, String)> = select(&html, ".language-nav a")
                .iter()
                .map(|a| (a.value().attr("lang").unwrap_or("").to_string(), text(a)))
                .collect();
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(c, n)| (c.to_string(), n.to_string()))
                .collect();
            assert_eq!(picker, expected, "{}", path.display());
        }
    }
    // Each entry leads to the same page in that language, which exists.
    let forms = page("fjordvik/skjema/index.html");
    let ar = select(&forms, ".language-nav a[lang=ar]");
    assert_eq!(ar[0].value().attr("href"), Some("/bti/fjordvik/ar/skjema/"));
    assert_eq!(ar[0].value().attr("dir"), Some("rtl"));
    assert!(demo()
        .join("public/fjordvik/ar/skjema/index.html")
        .is_file());
}

#[test]
fn hreflang_alternates_name_only_real_translations() {
    // The parents' page is translated into every language; a service page is not.
    let parents = page("fjordvik/foreldre/index.html");
    assert_eq!(select(&parents, "link[rel=alternate][hreflang]").len(), 5);
    let service = page("fjordvik/tjenester/ppt/index.html");
    let alternates: Vec<&str> = select(&service, "link[rel=alternate][hreflang]")
        .iter()
        .filter_map(|l| l.value().attr("hreflang"))
        .collect();
    assert!(!alternates.contains(&"ar"), "{alternates:?}");
    assert_eq!(select(&service, ".language-nav a").len(), 5);
}

#[test]
fn the_front_page_leads_parents_to_their_page_in_every_language() {
    let front = page("fjordvik/index.html");
    let entry = select(&front, ".parents-entry");
    assert_eq!(entry.len(), 1);
    let title = select(&front, ".parents-entry h2 a");
    assert_eq!(text(&title[0]), "For foreldre");
    assert_eq!(
        title[0].value().attr("href"),
        Some("/bti/fjordvik/foreldre/")
    );
    let links: Vec<(String, String, String, String)> = select(&front, ".parents-languages a")
        .iter()
        .map(|a| {
            let v = a.value();
            (
                v.attr("lang").unwrap().to_string(),
                v.attr("dir").unwrap().to_string(),
                v.attr("href").unwrap().to_string(),
                text(a),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            (
                "en",
                "ltr",
                "/bti/fjordvik/en/foreldre/",
                "For parents English"
            ),
            (
                "ar",
                "rtl",
                "/bti/fjordvik/ar/foreldre/",
                "للوالدين العربية"
            ),
            ("ti", "ltr", "/bti/fjordvik/ti/foreldre/", "ንወለዲ ትግርኛ"),
            (
                "uk",
                "ltr",
                "/bti/fjordvik/uk/foreldre/",
                "Для батьків Українська"
            ),
        ]
        .map(|(a, b, c, d)| (a.into(), b.into(), c.into(), d.into()))
    );
    // On the Arabic front page, whose text falls back to Norwegian, the box is Arabic.
    let ar = page("fjordvik/ar/index.html");
    let entry = select(&ar, ".parents-entry");
    assert_eq!(entry[0].value().attr("lang"), Some("ar"));
    assert_eq!(entry[0].value().attr("dir"), Some("rtl"));
    assert!(select(&ar, ".parents-languages a[lang=nb]")
        .iter()
        .any(|a| text(a).contains("For foreldre")));
}

#[test]
fn a_kommune_without_a_parents_page_has_no_entrance() {
    let site = Fixture::kommune();
    assert_ok(&site.build(&["--no-pdf"]));
    let front = site.html("index.html");
    assert!(select(&front, ".parents-entry").is_empty());
    assert!(select(&front, ".main-nav a")
        .iter()
        .all(|a| text(a) != "For foreldre"));
}

#[test]
fn interface_labels_inside_fallback_content_carry_the_pages_language() {
    // Fjordvik's levels exist only in bokmål: on the Arabic site their content sits in a
    // `lang="nb"` container, but the headings, "how/who/deadline" and step-list labels
    // around it are Arabic interface texts and must say so.
    let labels: std::collections::HashSet<String> =
        std::fs::read_to_string(repo().join("themes/standard/i18n/ar.yaml"))
            .unwrap()
            .lines()
            .filter_map(|l| l.split_once(": \""))
            .map(|(_, v)| v.trim_end_matches('"').replace("\\\"", "\""))
            .collect();
    let is_label = |s: &str| labels.contains(s.trim().trim_end_matches(':'));
    for rel in [
        "fjordvik/ar/veileder/niva-2/index.html",
        "fjordvik/ar/tjenester/tolketjeneste/index.html",
    ] {
        let html = page(rel);
        let container = select(&html, ".page-content");
        assert_eq!(
            container[0].value().attr("lang"),
            Some("nb"),
            "{rel} is no fallback"
        );
        let mut inside = 0;
        for node in container[0].descendants() {
            let Some(text) = node.value().as_text() else {
                continue;
            };
            if !is_label(text) {
                continue;
            }
            inside += 1;
            let mut lang = None;
            for anc in node.ancestors() {
                if let Some(l) = scraper::ElementRef::wrap(anc).and_then(|e| e.value().attr("lang"))
                {
                    lang = Some(l);
                    break;
                }
            }
            assert_eq!(
                lang,
                Some("ar"),
                "{rel}: Arabic label {:?} is marked {lang:?}",
                &**text
            );
        }
        assert!(
            inside >= 3,
            "{rel}: only {inside} Arabic labels in the content"
        );
    }
}

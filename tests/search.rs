//! Integration tests for issue 8: the search index files, the search page (which must work
//! from disk) and the A–Å keyword index.

mod common;
use common::*;

fn select_in<'a>(el: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    el.select(&scraper::Selector::parse(css).unwrap()).collect()
}

/// The JSON of `window.VEIVISER_SEARCH=…;`.
fn main_index(js: &str) -> serde_json::Value {
    let json = js
        .strip_prefix("window.VEIVISER_SEARCH=")
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .expect("one assignment");
    serde_json::from_str(json).unwrap()
}

fn with_keywords() -> Fixture {
    Fixture::kommune()
        .file(
            "content/testvik/skjema/bekymringsmelding.yaml",
            "title: \"Bekymringsmelding\"\ndescription: \"Til barneverntjenesten.\"\n\
             keywords: [\"Øyeblikkelig hjelp\", \"akutt\", \"ærlig\", \"åpenhet\", \"zebra\", \"14 dager\"]\n\
             sections:\n  - title: \"Om barnet\"\n    fields:\n      - type: text\n        label: \"Navn\"\n",
        )
        .file(
            "content/testvik/sider/om.md",
            "---\ntitle: \"Om veilederen\"\nkeywords: [\"akutt\", \"Ærlig\"]\n---\nTekst.\n",
        )
}

#[test]
fn search_index_has_every_kind_of_page_and_each_step() {
    let f = with_keywords();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let ix = main_index(&f.read("sok/indeks.js"));
    assert_eq!(ix["v"], 2);
    assert_eq!(ix["lang"], "nb");
    let chunks =
        (ix["n"].as_u64().unwrap() as usize).div_ceil(ix["chunk"].as_u64().unwrap() as usize);
    let docs: Vec<serde_json::Value> = (0..chunks)
        .flat_map(|k| ix["parts"][format!("d{k}")].as_array().unwrap().clone())
        .collect();
    let urls: Vec<&str> = docs.iter().map(|d| d[0].as_str().unwrap()).collect();
    for url in [
        "",
        "veileder/",
        "veileder/niva-0/",
        "veileder/niva-1/",
        "veileder/niva-1/#andre",
        "skjema/samtykke/",
        "tjenester/helsestasjon/",
        "om/",
    ] {
        assert!(urls.contains(&url), "{url} in {urls:?}");
    }
    // Each level is followed by its steps, labelled with level and step number.
    let at = urls.iter().position(|u| *u == "veileder/niva-1/").unwrap();
    assert_eq!(urls[at + 1], "veileder/niva-1/#forste-steg-pa-niva-1");
    let kinds = ix["kinds"].as_array().unwrap();
    let step = &docs[at + 2];
    assert_eq!(step[1], "Andre steg");
    assert_eq!(kinds[step[2].as_u64().unwrap() as usize], "Nivå 1 · Steg 2");
    // Translations have their own index; the search page and A–Å page are not indexed.
    assert!(f.out().join("en/sok/indeks.js").is_file());
    assert!(!urls.contains(&"sok/") && !urls.contains(&"a-a/"));
}

#[test]
fn search_page_loads_its_scripts_by_relative_urls() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&[
        "--kommune",
        "testvik",
        "--base-url",
        "https://x.example/bti/",
    ]));
    for (page, up) in [("sok/index.html", "../"), ("en/sok/index.html", "../../")] {
        let html = f.html(page);
        let scripts: Vec<String> = select(&html, "script[src]")
            .iter()
            .map(|s| s.value().attr("src").unwrap().to_string())
            .collect();
        assert_eq!(scripts[0], "indeks.js", "{page}");
        assert!(
            scripts[1].starts_with(&format!("{up}assets/search.")),
            "{page}: {scripts:?}"
        );
        let css = select(&html, "link[rel=stylesheet]")[0]
            .value()
            .attr("href")
            .unwrap()
            .to_string();
        assert!(
            css.starts_with(&format!("{up}assets/main.")),
            "{page}: {css}"
        );
        let results = &select(&html, "#search-results")[0];
        assert_eq!(results.value().attr("data-root"), Some("../"));
        let raw = f.read(page);
        let noscript = &raw[raw.find("<noscript>").expect("noscript")..];
        assert!(
            noscript[..noscript.find("</noscript>").unwrap()].contains("/bti/"),
            "{page}: A–Å link without JavaScript"
        );
    }
    // Other pages keep site-absolute links under the base path.
    let front = f.html("index.html");
    let css = select(&front, "link[rel=stylesheet]")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert!(css.starts_with("/bti/assets/main."), "{css}");
    let action = select(&front, "form.header-search")[0]
        .value()
        .attr("action")
        .unwrap()
        .to_string();
    assert_eq!(action, "/bti/sok/");
}

#[test]
fn a_to_aa_page_groups_in_norwegian_order() {
    let f = with_keywords();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let html = f.html("a-a/index.html");
    let letters: Vec<(String, bool)> = select(&html, ".az-letters li")
        .iter()
        .map(|li| (text(li).trim().to_string(), !select_in(li, "a").is_empty()))
        .collect();
    let shown: String = letters
        .iter()
        .map(|(l, _)| l.as_str())
        .filter(|l| l.chars().count() == 1)
        .collect();
    assert_eq!(shown, "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ");
    let linked: Vec<&str> = letters
        .iter()
        .filter(|(_, a)| *a)
        .map(|(l, _)| l.as_str())
        .collect();
    assert_eq!(
        linked,
        ["0–9", "A", "B", "H", "N", "O", "S", "V", "Z", "Æ", "Ø", "Å"]
    );
    let headings: Vec<String> = select(&html, ".az-group h2").iter().map(text).collect();
    assert_eq!(headings, linked);
    // Entries: the same word from two pages is one entry linking to both, whatever its case.
    let a = select(&html, "#az-a + .az-list > li");
    assert_eq!(text(&a[0]).split_whitespace().next(), Some("akutt"));
    let targets: Vec<String> = select_in(&a[0], ".az-targets a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(targets, ["/skjema/bekymringsmelding/", "/om/"]);
    let ae: Vec<String> = select(&html, "#az-æ + .az-list > li")
        .iter()
        .map(text)
        .collect();
    assert_eq!(ae.len(), 1, "ærlig and Ærlig are one entry: {ae:?}");
    assert!(ae[0].starts_with("Ærlig"));
    // A title is its own link.
    let s: Vec<String> = select(&html, "#az-s + .az-list > li > a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(s, ["Samtykke"]);
    // In every language, and linked from the footer of every page and from the search page.
    assert!(f.out().join("en/a-a/index.html").is_file());
    for page in ["index.html", "skjema/samtykke/index.html", "en/index.html"] {
        let footer = f.html(page);
        let hrefs: Vec<&str> = select(&footer, "footer a")
            .iter()
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(
            hrefs.iter().any(|h| h.ends_with("a-a/")),
            "{page}: {hrefs:?}"
        );
    }
    let search = f.html("sok/index.html");
    assert_eq!(
        select(&search, ".search-az a")[0].value().attr("href"),
        Some("/a-a/")
    );
}

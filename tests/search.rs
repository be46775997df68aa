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

/// Every document of a built index: (url, title, kind, text).
fn documents(ix: &serde_json::Value) -> Vec<(String, String, String, String)> {
    let chunks =
        (ix["n"].as_u64().unwrap() as usize).div_ceil(ix["chunk"].as_u64().unwrap() as usize);
    let kinds = ix["kinds"].as_array().unwrap();
    (0..chunks)
        .flat_map(|k| ix["parts"][format!("d{k}")].as_array().unwrap().clone())
        .map(|d| {
            (
                d[0].as_str().unwrap().to_string(),
                d[1].as_str().unwrap().to_string(),
                kinds[d[2].as_u64().unwrap() as usize]
                    .as_str()
                    .unwrap()
                    .to_string(),
                d[3].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn glossary_terms_are_found_at_their_anchor_and_list_items_stay_apart() {
    let f = Fixture::kommune()
        .file(
            "content/testvik/ordliste.yaml",
            "terms:\n  - term: \"Stafettholder\"\n    forms: [\"stafettholderen\"]\n    explanation: \"Den som følger opp barnet.\"\n  - term: \"Samtykke\"\n    explanation: \"Et ja fra foreldrene.\"\n",
        )
        .file(
            "content/testvik/sider/om.md",
            "---\ntitle: \"Om veilederen\"\n---\n- Skriv ned det du ser\n- Snakk med leder\n\nEtter lista.\n",
        );
    assert_ok(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    let docs = documents(&main_index(&f.read("sok/indeks.js")));
    let term = docs
        .iter()
        .find(|d| d.1 == "Stafettholder")
        .expect("a document for the term");
    assert_eq!(term.0, "ordliste/#stafettholder");
    assert_eq!(term.2, "Ordliste");
    assert!(term.3.contains("følger opp barnet"), "{term:?}");
    assert!(docs.iter().any(|d| d.0 == "ordliste/#samtykke"));
    assert!(
        !docs.iter().any(|d| d.0 == "ordliste/"),
        "no document for the whole glossary besides its terms"
    );
    // The anchor exists on the glossary page.
    let glossary = f.html("ordliste/index.html");
    assert_eq!(select(&glossary, "#stafettholder").len(), 1);
    // The text of a list keeps its items apart, for the snippet.
    let om = docs.iter().find(|d| d.0 == "om/").unwrap();
    assert!(
        om.3.contains("Skriv ned det du ser · Snakk med leder · Etter lista."),
        "{om:?}"
    );
}

#[test]
fn the_search_page_has_one_search_landmark() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    for page in ["sok/index.html", "index.html"] {
        let html = f.html(page);
        assert_eq!(select(&html, "[role=search], search").len(), 1, "{page}");
    }
}

#[test]
fn the_arabic_index_holds_words_without_article_alef_forms_or_taa_marbuta() {
    let f = Fixture::kommune()
        .file(
            "content/testvik/sider/om.md",
            "---\ntitle: \"Om veilederen\"\n---\nTekst.\n",
        )
        .file(
            "content/testvik/sider/om.ar.md",
            "---\ntitle: \"عن الدليل\"\n---\nاتصلوا بخدمة الطوارئ. الأسرة مهمة.\n",
        );
    assert_ok(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    let ix = main_index(&f.read("ar/sok/indeks.js"));
    // The term dictionary (front coded: 'A'+n UTF-16 units shared with the previous term).
    let mut terms: Vec<String> = Vec::new();
    for (name, part) in ix["parts"].as_object().unwrap() {
        if !name.starts_with('t') {
            continue;
        }
        // One string: each term starts with its upper-case count letter.
        let coded = part["terms"].as_str().unwrap();
        let mut prev: Vec<u16> = Vec::new();
        let mut rest = coded;
        while let Some(c) = rest.chars().next() {
            let end = rest[1..]
                .find(|c: char| c.is_ascii_uppercase())
                .map_or(rest.len(), |i| i + 1);
            prev.truncate(usize::from(c as u8 - b'A'));
            prev.extend(rest[1..end].encode_utf16());
            terms.push(String::from_utf16(&prev).unwrap());
            rest = &rest[end..];
        }
    }
    // search.js normalises a query the same way before looking it up.
    for stem in ["طوارئ", "اسره", "مهمه", "دليل"] {
        assert!(terms.iter().any(|t| t == stem), "{stem} in {terms:?}");
    }
    for raw in ["الطوارئ", "الأسرة", "الاسره"] {
        assert!(!terms.iter().any(|t| t == raw), "{raw} in {terms:?}");
    }
}

//! The glossary adds up: a kommune's `ordliste.yaml` adds terms to the glossary of its
//! base, replaces the base's terms by id and drops them with `exclude:`, in every language;
//! `check --origins` tells where each term comes from.

mod common;
use common::*;

const BASE: &str = r#"terms:
  - term: "Stafettholder"
    forms: ["stafettholderen"]
    explanation: "Felles: den som følger opp barnet."
  - term: "Samtykke"
    explanation: "Felles: et ja fra foreldrene."
  - term: "Taushetsplikt"
    explanation: "Felles: plikten til å tie."
"#;

const BASE_NN: &str = r#"terms:
  - term: "Stafetthaldar"
    forms: ["stafetthaldaren", "stafettholder"]
    explanation: "Felles nynorsk: den som følgjer opp barnet."
  - term: "Samtykke"
    explanation: "Felles nynorsk: eit ja frå foreldra."
  - term: "Teieplikt"
    forms: ["taushetsplikt"]
    explanation: "Felles nynorsk: plikta til å teie."
"#;

/// A base `felles` with a glossary in bokmål and nynorsk, inherited by `testvik` (nb, nn),
/// whose own glossary is `own` (none when empty).
fn site(own: &str) -> Fixture {
    let kommune_yaml = format!(
        "{}inherits: felles\n",
        KOMMUNE_YAML.replace("[nb, en, ar]", "[nb, nn]")
    );
    let f = Fixture::kommune()
        .file("content/testvik/kommune.yaml", &kommune_yaml)
        .file(
            "content/felles/region.yaml",
            "name: \"Felles modell\"\nlanguages: [nb]\n",
        )
        .file("content/felles/ordliste.yaml", BASE)
        .file("content/felles/ordliste.nn.yaml", BASE_NN)
        .file(
            "content/testvik/sider/om.md",
            "---\ntitle: \"Om veilederen\"\n---\nSnakk med familieveilederen og stafettholderen om samtykke.\n",
        );
    if own.is_empty() {
        f
    } else {
        f.file("content/testvik/ordliste.yaml", own)
    }
}

const OWN: &str = r#"terms:
  - term: "Familieveileder"
    forms: ["familieveilederen"]
    explanation: "Testvik: en egen veileder for familier."
  - term: "Samtykke"
    explanation: "Testvik: foreldrene sier ja skriftlig."
"#;

/// The text of the explanation of the term with `id` on a built glossary page.
fn explanation(f: &Fixture, page: &str, id: &str) -> Option<String> {
    let html = f.html(page);
    let term = select(&html, &format!("[id=\"{id}\"]"))
        .into_iter()
        .next()?;
    let parent = scraper::ElementRef::wrap(term.parent()?)?;
    Some(text(&parent))
}

fn links(f: &Fixture, page: &str) -> Vec<String> {
    let html = f.html(page);
    select(&html, "main a.term")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

/// The JSON of `window.VEIVISER_SEARCH=…;`: the url of every document.
fn search_urls(f: &Fixture, rel: &str) -> Vec<String> {
    let js = f.read(rel);
    let json = js
        .strip_prefix("window.VEIVISER_SEARCH=")
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .expect("one assignment");
    let ix: serde_json::Value = serde_json::from_str(json).unwrap();
    let chunks =
        (ix["n"].as_u64().unwrap() as usize).div_ceil(ix["chunk"].as_u64().unwrap() as usize);
    (0..chunks)
        .flat_map(|k| ix["parts"][format!("d{k}")].as_array().unwrap().clone())
        .map(|d| d[0].as_str().unwrap().to_string())
        .collect()
}

/// The diagnostics of `check --format json`: (code, file, line, message, help).
fn diagnostics(f: &Fixture) -> Vec<(String, String, u64, String, String)> {
    let out = f.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    json.as_array()
        .expect("a list of diagnostics")
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or("").to_string();
            (
                s("code"),
                s("file"),
                d["line"].as_u64().unwrap_or(0),
                s("message"),
                s("help"),
            )
        })
        .collect()
}

#[test]
fn an_added_term_and_an_inherited_term_are_both_on_the_page_and_linked_from_content() {
    let f = site(OWN);
    assert_ok(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    let page = "ordliste/index.html";
    let added = explanation(&f, page, "familieveileder").expect("the kommune's own term");
    assert!(added.contains("Testvik: en egen veileder"), "{added}");
    let inherited = explanation(&f, page, "stafettholder").expect("the base's term");
    assert!(
        inherited.contains("Felles: den som følger opp"),
        "{inherited}"
    );
    let hrefs = links(&f, "om/index.html");
    for id in ["familieveileder", "stafettholder", "samtykke"] {
        assert!(
            hrefs
                .iter()
                .any(|h| h.ends_with(&format!("ordliste/#{id}"))),
            "{id} in {hrefs:?}"
        );
    }
    // The base's file is not overridden by the kommune's: no reference breaks.
    let diags = diagnostics(&f);
    assert!(
        !diags.iter().any(|d| d.0 == "missing-reference"),
        "{diags:?}"
    );
}

#[test]
fn a_term_with_the_same_id_replaces_the_base_explanation() {
    let f = site(OWN);
    assert_ok(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    let page = "ordliste/index.html";
    let samtykke = explanation(&f, page, "samtykke").unwrap();
    assert!(
        samtykke.contains("Testvik: foreldrene sier ja"),
        "{samtykke}"
    );
    assert!(!samtykke.contains("Felles"), "{samtykke}");
    let html = f.html(page);
    assert_eq!(select(&html, "dt").len(), 4, "one Samtykke among the terms");
    // An `id:` names the base's term under another headword.
    let f = site(
        "terms:\n  - id: stafettholder\n    term: \"Kontaktperson\"\n    explanation: \"Testvik: kontaktpersonen følger opp.\"\n",
    );
    assert_ok(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    let text = explanation(&f, page, "stafettholder").unwrap();
    assert!(text.contains("Kontaktperson"), "{text}");
    assert!(!f.read(page).contains("Felles: den som følger opp"));
}

#[test]
fn translations_of_the_glossary_merge_per_language() {
    let f = site(&format!("{OWN}exclude: [taushetsplikt]\n"));
    assert_ok(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    let page = "nn/ordliste/index.html";
    // The base's nynorsk terms, the kommune's replacement (matched through the nynorsk
    // term's forms) and its added term in bokmål until it is translated.
    let nn = explanation(&f, page, "stafetthaldar").expect("the base's nynorsk term");
    assert!(nn.contains("Felles nynorsk"), "{nn}");
    let samtykke = explanation(&f, page, "samtykke").unwrap();
    assert!(samtykke.contains("Testvik: foreldrene"), "{samtykke}");
    assert!(explanation(&f, page, "familieveileder").is_some());
    // The excluded term is dropped in nynorsk too (`taushetsplikt` is a form of Teieplikt).
    assert!(explanation(&f, page, "teieplikt").is_none());
    assert!(explanation(&f, "ordliste/index.html", "taushetsplikt").is_none());
}

#[test]
fn exclude_drops_a_term_from_the_page_and_the_search_index() {
    let f = site("exclude:\n  - taushetsplikt\n");
    assert_ok(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    let page = "ordliste/index.html";
    assert!(explanation(&f, page, "taushetsplikt").is_none());
    assert!(
        explanation(&f, page, "samtykke").is_some(),
        "the rest stays"
    );
    let urls = search_urls(&f, "sok/indeks.js");
    assert!(urls.iter().any(|u| u == "ordliste/#samtykke"), "{urls:?}");
    assert!(
        !urls.iter().any(|u| u.contains("taushetsplikt")),
        "{urls:?}"
    );
    let urls = search_urls(&f, "nn/sok/indeks.js");
    assert!(!urls.iter().any(|u| u.contains("teieplikt")), "{urls:?}");
}

#[test]
fn exclude_of_an_unknown_id_is_an_error_at_its_line() {
    let f = site("terms: []\nexclude:\n  - taushetsplikk\n");
    let diags = diagnostics(&f);
    let d = diags
        .iter()
        .find(|d| d.0 == "unknown-exclude")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!((d.1.as_str(), d.2), ("content/testvik/ordliste.yaml", 3));
    assert_eq!(
        d.3,
        "`exclude: taushetsplikk` names no term the glossary inherits"
    );
    assert_eq!(d.4, "did you mean `taushetsplikt`?");
    assert_fails(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    assert!(!f.out().join("index.html").exists(), "nothing is written");
}

#[test]
fn a_reference_to_an_excluded_term_is_an_error_at_the_reference() {
    let f = site("exclude: [taushetsplikt]\n").file(
        "content/testvik/sider/plikt.md",
        "---\ntitle: \"Plikter\"\n---\nFørst litt tekst.\n\nLes om {{ term taushetsplikt }}.\n",
    );
    let diags = diagnostics(&f);
    let errors: Vec<_> = diags
        .iter()
        .filter(|d| d.0 == "missing-reference")
        .collect();
    assert_eq!(errors.len(), 1, "{diags:?}");
    let d = errors[0];
    assert_eq!((d.1.as_str(), d.2), ("content/testvik/sider/plikt.md", 6));
    assert_eq!(
        d.3,
        "the term `taushetsplikt` is dropped by `exclude:` in content/testvik/ordliste.yaml"
    );
    assert!(
        d.4.contains("remove `taushetsplikt` from `exclude:`"),
        "{}",
        d.4
    );
}

#[test]
fn check_origins_shows_where_each_term_comes_from() {
    let f = site(&format!("{OWN}exclude: [taushetsplikt]\n"));
    let out = f.run(&["check", "--origins"]);
    assert_ok(&out);
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    // The kommune's file is its own: it adds to the base's rather than replacing it.
    assert!(
        report
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["local", "ordliste.yaml"]),
        "{report}"
    );
    let terms = report
        .split("Glossary terms (ordliste.yaml):")
        .nth(1)
        .unwrap_or_else(|| panic!("a glossary section in:\n{report}"));
    let line = |id: &str| {
        terms
            .lines()
            .find(|l| l.split_whitespace().nth(1) == Some(id))
            .unwrap_or_else(|| panic!("{id} in:\n{report}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(line("familieveileder"), "local familieveileder");
    assert_eq!(line("samtykke"), "overridden samtykke replaces felles");
    assert_eq!(line("stafettholder"), "inherited stafettholder from felles");
    assert_eq!(line("taushetsplikt"), "excluded taushetsplikt from felles");
    assert!(
        terms.contains("1 local, 1 overridden, 1 inherited, 1 excluded"),
        "{report}"
    );

    let out = f.run(&["check", "--origins", "--format", "json"]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let testvik = &json["kommuner"][0];
    let origin = |id: &str| {
        let t = testvik["terms"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap_or_else(|| panic!("{id} in {testvik}"));
        (t["origin"].clone(), t["base"].clone())
    };
    assert_eq!(
        origin("familieveileder"),
        ("local".into(), serde_json::Value::Null)
    );
    assert_eq!(origin("samtykke"), ("overridden".into(), "felles".into()));
    assert_eq!(
        origin("stafettholder"),
        ("inherited".into(), "felles".into())
    );
    assert_eq!(
        origin("taushetsplikt"),
        ("excluded".into(), "felles".into())
    );
    assert_eq!(
        testvik["terms_summary"],
        serde_json::json!({"local": 1, "overridden": 1, "inherited": 1, "excluded": 1})
    );
}

#[test]
fn a_glossary_translation_without_any_original_is_an_error() {
    let kommune_yaml = KOMMUNE_YAML.replace("[nb, en, ar]", "[nb, nn]");
    let f = Fixture::kommune()
        .file("content/testvik/kommune.yaml", &kommune_yaml)
        .file("content/testvik/ordliste.nn.yaml", BASE_NN);
    let diags = diagnostics(&f);
    let d = diags
        .iter()
        .find(|d| d.0 == "translation-without-original")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!((d.1.as_str(), d.2), ("content/testvik/ordliste.nn.yaml", 1));
    assert!(d.4.contains("ordliste.yaml"), "{}", d.4);
    // With the base's original it is a translation of the merged glossary.
    let f = site("").file("content/testvik/ordliste.nn.yaml", BASE_NN);
    assert!(!diagnostics(&f)
        .iter()
        .any(|d| d.0 == "translation-without-original"),);
}

//! `veiviser check`: one small fixture per problem, asserting the exact file, line, column
//! and code reported (through `check --format json`, the stable interface for CI).

mod common;
use common::*;

use serde_json::Value;

const PAGE: &str = "content/testvik/sider/om.md";

/// Run `check --format json` and return the diagnostics.
fn check(f: &Fixture) -> (bool, Vec<Value>) {
    let out = f.run(&["check", "--format", "json"]);
    let json = String::from_utf8_lossy(&out.stdout);
    let list: Vec<Value> = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{json}\n{}", stderr(&out)));
    (out.status.success(), list)
}

/// The diagnostics with `code`.
fn with_code(list: &[Value], code: &str) -> Vec<Value> {
    list.iter().filter(|d| d["code"] == code).cloned().collect()
}

/// Exactly one diagnostic with `code`, at `file:line:column`; returned for more asserts.
fn one(list: &[Value], code: &str, file: &str, line: u64, column: u64) -> Value {
    let found = with_code(list, code);
    assert_eq!(
        found.len(),
        1,
        "one `{code}` expected, got: {found:#?}\nall: {list:#?}"
    );
    let d = found[0].clone();
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some(file), Some(line), Some(column)),
        "{d:#?}"
    );
    d
}

fn page(body: &str) -> String {
    format!("---\ntitle: \"Om\"\n---\n{body}")
}

/// A kommune in bokmål only, so no translation warnings get in the way.
fn kommune() -> Fixture {
    Fixture::kommune().file(
        "content/testvik/kommune.yaml",
        &KOMMUNE_YAML.replace("languages: [nb, en, ar]", "languages: [nb]"),
    )
}

#[test]
fn broken_internal_link() {
    let f = kommune().file(
        PAGE,
        &page(
            "Les [samtykkeskjemaet](/skjema/samtyke/) først.\n\n\
             Fine: [skjema](/skjema/samtykke/), [uten skråstrek](/skjema/samtykke), \
             [nivå](/veileder/niva-1/#andre), [relativ](../veileder/niva-0/), [forsiden](/), \
             [søk](/sok/), [ekstern](https://example.org/finnes-ikke/), [e-post](mailto:a@b.example).\n",
        ),
    );
    let (ok, list) = check(&f);
    assert!(!ok, "a broken link is an error");
    let d = one(&list, "broken-link", PAGE, 4, 5);
    assert_eq!(d["severity"], "error");
    assert!(
        d["help"].as_str().unwrap().contains("/skjema/samtykke/"),
        "suggests the nearest page: {d:#?}"
    );
}

#[test]
fn broken_anchor_to_a_step() {
    let f = kommune().file(
        PAGE,
        &page("Se [steg 2](/veileder/niva-1/#andre-steg) og [steg 1](/veileder/niva-1/#forste-steg-pa-niva-1).\n"),
    );
    let (ok, list) = check(&f);
    assert!(!ok);
    let d = one(&list, "broken-anchor", PAGE, 4, 4);
    assert!(
        d["message"].as_str().unwrap().contains("/veileder/niva-1/"),
        "{d:#?}"
    );
    assert!(d["help"].as_str().unwrap().contains("#andre"), "{d:#?}");
    assert!(with_code(&list, "broken-link").is_empty(), "{list:#?}");
}

#[test]
fn broken_anchor_in_a_yaml_value_points_at_the_yaml_line() {
    let level = level(1, "samtykke").replace(
        "how: \"Gjør slik.\"",
        "how: \"Se [nivå 0](/veileder/niva-0/#finnes-ikke).\"",
    );
    let f = kommune().file("content/testvik/veileder/niva-1.md", &level);
    let (_, list) = check(&f);
    one(
        &list,
        "broken-anchor",
        "content/testvik/veileder/niva-1.md",
        11,
        14,
    );
}

#[test]
fn anchors_to_headings_follow_the_renderer() {
    let f = kommune()
        .file(
            "content/testvik/sider/rutiner.md",
            "---\ntitle: \"Rutiner\"\n---\n## Når barnet forteller\n\n## Eget {#mitt-anker}\n",
        )
        .file(
            PAGE,
            &page("[a](/rutiner/#nar-barnet-forteller) [b](/rutiner/#mitt-anker) [c](/rutiner/#hovedinnhold) [d](/rutiner/#nar-barnet-fortel)\n"),
        );
    let (_, list) = check(&f);
    let d = one(&list, "broken-anchor", PAGE, 4, 91);
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .contains("#nar-barnet-forteller"),
        "{d:#?}"
    );
}

#[test]
fn image_without_alt_text() {
    let f = kommune()
        .bytes("content/testvik/bilder/kart.png", b"\x89PNG")
        .file(PAGE, &page("![](bilder/kart.png)\n"));
    let (ok, list) = check(&f);
    assert!(!ok);
    one(&list, "missing-alt", PAGE, 4, 1);
    assert!(with_code(&list, "missing-image").is_empty(), "{list:#?}");
}

#[test]
fn missing_image() {
    let f = kommune()
        .bytes("content/testvik/bilder/kart.png", b"\x89PNG")
        .file(
            PAGE,
            &page("Tekst.\n\n![Kart over kommunen](bilder/kart2.png)\n"),
        );
    let (ok, list) = check(&f);
    assert!(!ok);
    let d = one(&list, "missing-image", PAGE, 6, 1);
    assert!(
        d["help"].as_str().unwrap().contains("bilder/kart.png"),
        "{d:#?}"
    );
}

#[test]
fn image_from_another_website() {
    let f = kommune().file(PAGE, &page("![Logo](https://cdn.example/logo.png)\n"));
    let (ok, list) = check(&f);
    assert!(!ok, "the site makes no third-party requests");
    one(&list, "external-image", PAGE, 4, 1);
}

#[test]
fn empty_link_text() {
    let f = kommune().file(PAGE, &page("Se [](/skjema/samtykke/).\n"));
    let (ok, list) = check(&f);
    assert!(!ok);
    one(&list, "empty-link-text", PAGE, 4, 4);
    assert!(with_code(&list, "broken-link").is_empty(), "{list:#?}");
}

#[test]
fn skipped_heading_level() {
    let f = kommune().file(
        PAGE,
        &page("## Om\n\nTekst.\n\n#### Detaljer\n\n### Greit\n"),
    );
    let (ok, list) = check(&f);
    assert!(!ok, "a skipped heading level is an error");
    let d = one(&list, "skipped-heading", PAGE, 8, 1);
    assert!(d["help"].as_str().unwrap().contains("`###`"), "{d:#?}");

    // A body starting at ### skips h2 (the page title is the h1).
    let f = kommune().file(PAGE, &page("### Om\n"));
    one(&check(&f).1, "skipped-heading", PAGE, 4, 1);
}

#[test]
fn h1_in_body() {
    let f = kommune().file(PAGE, &page("Innledning.\n\n# Tittel\n\n## Under\n"));
    let (ok, list) = check(&f);
    assert!(!ok);
    one(&list, "h1-in-body", PAGE, 6, 1);
    assert!(with_code(&list, "skipped-heading").is_empty(), "{list:#?}");
}

#[test]
fn duplicate_step_id() {
    let level = level(1, "samtykke").replace(
        "  - title: \"Første steg på nivå 1\"\n",
        "  - title: \"Første steg på nivå 1\"\n    id: andre\n",
    );
    let file = "content/testvik/veileder/niva-1.md";
    let f = kommune().file(file, &level);
    let (ok, list) = check(&f);
    assert!(!ok);
    let d = one(&list, "duplicate-id", file, 14, 13);
    assert!(d["message"].as_str().unwrap().contains("`andre`"), "{d:#?}");
}

#[test]
fn heading_id_colliding_with_a_step_id() {
    let level = level(1, "samtykke").replace("Mer tekst om nivå 1.\n", "## Andre\n\nMer.\n");
    let file = "content/testvik/veileder/niva-1.md";
    let f = kommune().file(file, &level);
    let (ok, list) = check(&f);
    assert!(!ok);
    let d = one(&list, "duplicate-id", file, 20, 1);
    assert!(
        d["message"].as_str().unwrap().contains("Andre steg"),
        "{d:#?}"
    );
}

#[test]
fn missing_translation_is_one_warning_per_file() {
    let file = "content/testvik/sider/foreldre.md";
    let f = Fixture::kommune()
        .file(file, "---\ntitle: \"Til foreldre\"\n---\nHei.\n")
        .file(
            "content/testvik/sider/foreldre.en.md",
            "---\ntitle: \"To parents\"\n---\nHello.\n",
        );
    let (ok, list) = check(&f);
    assert!(ok, "missing translations are warnings: {list:#?}");
    let found: Vec<Value> = with_code(&list, "missing-translation")
        .into_iter()
        .filter(|d| d["file"] == file)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(d["severity"], "warning");
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("into ar;"),
        "lists only the missing language: {message}"
    );
    assert!(
        d["help"].as_str().unwrap().contains("foreldre.ar.md"),
        "{d:#?}"
    );
    // A page without any translation lists both languages in one warning.
    let front = with_code(&list, "missing-translation")
        .into_iter()
        .find(|d| d["file"] == "content/testvik/index.md")
        .expect("front page lacks en and ar");
    assert!(
        front["message"].as_str().unwrap().contains("en, ar"),
        "{front:#?}"
    );

    // The human output sums them up in one line per kind …
    let out = f.run(&["check"]);
    let err = stderr(&out);
    let kinds = err.lines().filter(|l| l.contains(" × ")).count();
    assert!(
        err.contains("warnings, by kind; `veiviser check --verbose`"),
        "{err}"
    );
    let line = err
        .lines()
        .find(|l| l.contains("× missing-translation"))
        .unwrap_or_else(|| panic!("{err}"));
    let count = with_code(&list, "missing-translation").len();
    assert!(
        line.trim_start().starts_with(&format!("{count} ×")),
        "{line}"
    );
    assert_eq!(
        kinds,
        list.iter()
            .map(|d| d["code"].as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        "{err}"
    );
    // … and --verbose shows each one.
    let err = stderr(&f.run(&["check", "--verbose"]));
    assert!(
        err.contains("content/testvik/sider/foreldre.md:1:1: this page has no translation into ar"),
        "{err}"
    );
}

#[test]
fn partial_languages_are_not_warned_about_and_must_be_published() {
    let yaml = KOMMUNE_YAML.replace(
        "languages: [nb, en, ar]",
        "languages: [nb, en, ar]\npartial_languages: [ar]",
    );
    assert_ne!(yaml, KOMMUNE_YAML);
    let f = Fixture::kommune().file("content/testvik/kommune.yaml", &yaml);
    let (ok, list) = check(&f);
    assert!(ok, "{list:#?}");
    let missing = with_code(&list, "missing-translation");
    assert!(!missing.is_empty());
    for d in &missing {
        let message = d["message"].as_str().unwrap();
        assert!(
            message.contains("into en;"),
            "only en is expected everywhere: {message}"
        );
    }

    // A partial language must be one the kommune publishes.
    let yaml = KOMMUNE_YAML.replace(
        "languages: [nb, en, ar]",
        "languages: [nb, en, ar]\npartial_languages: [ti]",
    );
    let f = Fixture::kommune().file("content/testvik/kommune.yaml", &yaml);
    let (ok, list) = check(&f);
    assert!(!ok);
    let d = one(
        &list,
        "unknown-language",
        "content/testvik/kommune.yaml",
        4,
        21,
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .contains("add ti to `languages:`"),
        "{d:#?}"
    );
}

#[test]
fn json_output_has_stable_keys() {
    let f = kommune().file(PAGE, &page("[x](/finnes-ikke/)\n"));
    let out = f.run(&["check", "--format", "json"]);
    assert!(!out.status.success());
    let json = String::from_utf8_lossy(&out.stdout).into_owned();
    let list: Vec<serde_json::Map<String, Value>> = serde_json::from_str(&json).unwrap();
    assert!(!list.is_empty());
    let keys = [
        "file", "line", "column", "severity", "code", "message", "help",
    ];
    for d in &list {
        let mut got: Vec<&str> = d.keys().map(String::as_str).collect();
        got.sort_unstable();
        let mut want = keys.to_vec();
        want.sort_unstable();
        assert_eq!(got, want, "{d:?}");
    }
    // And in this order in the text, for people reading it.
    let first = &json[..json.find('}').unwrap()];
    let positions: Vec<usize> = keys
        .iter()
        .map(|k| first.find(&format!("\"{k}\"")).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{first}");
    let d = &list[0];
    assert_eq!(d["file"], PAGE);
    assert_eq!(d["line"], 4);
    assert_eq!(d["column"], 1);
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "broken-link");
}

#[test]
fn review_overdue_warns_with_owner() {
    let f = kommune().file(
        PAGE,
        "---\ntitle: \"Om\"\nowner: \"Oppvekstkontoret\"\nreviewed: 2024-01-15\n---\nTekst.\n",
    );
    let (ok, list) = check(&f);
    assert!(ok, "an overdue review is a warning");
    let d = one(&list, "review-overdue", PAGE, 4, 1);
    assert_eq!(d["severity"], "warning");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("owner: Oppvekstkontoret"),
        "{d:#?}"
    );
}

/// A synthetic test number (month + 80) with valid check digits: no real person has it.
fn synthetic() -> String {
    let date = "158570";
    (100..200)
        .find_map(|i| {
            let digits: Vec<u32> = format!("{date}{i}")
                .chars()
                .map(|c| c.to_digit(10).unwrap())
                .collect();
            let k1w = [3, 7, 6, 1, 8, 9, 4, 5, 2];
            let k1 = (11 - digits.iter().zip(k1w).map(|(d, w)| d * w).sum::<u32>() % 11) % 11;
            let mut all = digits.clone();
            all.push(k1);
            let k2w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
            let k2 = (11 - all.iter().zip(k2w).map(|(d, w)| d * w).sum::<u32>() % 11) % 11;
            (k1 < 10 && k2 < 10).then(|| format!("{date}{i}{k1}{k2}"))
        })
        .unwrap()
}

fn assert_masked(list: &[Value], number: &str) {
    let all = serde_json::to_string(list).unwrap();
    assert!(
        !all.contains(number),
        "the number is never printed in full: {all}"
    );
}

#[test]
fn identity_number_in_yaml() {
    let number = synthetic();
    let service = SERVICE.replace(
        "referral: \"Ring oss.\"",
        &format!("referral: \"Ring oss. Eksempel: {number}\""),
    );
    let file = "content/testvik/tjenester/helsestasjon.yaml";
    let f = kommune().file(file, &service);
    let (ok, list) = check(&f);
    assert!(!ok, "the build refuses identity numbers");
    let d = one(&list, "identity-number", file, 10, 32);
    assert!(
        d["message"].as_str().unwrap().contains("15*********"),
        "{d:#?}"
    );
    assert_masked(&list, &number);
}

#[test]
fn identity_number_in_alt_text() {
    let number = synthetic();
    let f = kommune()
        .bytes("content/testvik/bilder/klasse.png", b"\x89PNG")
        .file(
            PAGE,
            &page(&format!("![Elev {number}](bilder/klasse.png)\n")),
        );
    let (ok, list) = check(&f);
    assert!(!ok);
    one(&list, "identity-number", PAGE, 4, 8);
    assert_masked(&list, &number);
}

#[test]
fn identity_number_in_a_file_name() {
    let number = synthetic();
    let f = kommune().bytes(
        &format!("content/testvik/bilder/elev-{number}.png"),
        b"\x89PNG",
    );
    let (ok, list) = check(&f);
    assert!(!ok);
    // A file name has no line: the kommune's settings file is named, the name masked.
    let d = one(
        &list,
        "identity-number",
        "content/testvik/kommune.yaml",
        0,
        0,
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("bilder/elev-15*********.png"),
        "{d:#?}"
    );
    assert_masked(&list, &number);
}

#[test]
fn identity_number_with_a_space_after_the_date() {
    let number = synthetic();
    let spaced = format!("{} {}", &number[..6], &number[6..]);
    let f = kommune().file(PAGE, &page(&format!("Nummer: {spaced}.\n")));
    let (ok, list) = check(&f);
    assert!(!ok);
    let d = one(&list, "identity-number", PAGE, 4, 9);
    assert!(
        d["message"].as_str().unwrap().contains("15**** *****"),
        "{d:#?}"
    );
    assert_masked(&list, &spaced);
}

#[test]
fn number_with_a_wrong_check_digit_is_not_flagged() {
    let number = synthetic();
    let last = number.as_bytes()[10] - b'0';
    let wrong = format!("{}{}", &number[..10], (last + 1) % 10);
    let f = kommune().file(PAGE, &page(&format!("Ikke et nummer: {wrong}.\n")));
    let (ok, list) = check(&f);
    assert!(ok, "{list:#?}");
    assert!(with_code(&list, "identity-number").is_empty(), "{list:#?}");
}

/// The demo has neither errors nor warnings: what is untranslated is marked, and its
/// invented `.example` addresses are declared (`demo: true`), so its prints do not warn.
#[test]
fn demo_content_has_no_errors_and_no_warnings() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["check", "--format", "json", "--root"])
        .arg(repo())
        .env("VEIVISER_TODAY", "2026-11-22")
        .output()
        .unwrap();
    let list: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(list.is_empty(), "{list:#?}");
    assert!(out.status.success());
}

/// A kommune whose default language is not its base's: a page without a translation into
/// it is shown in the base's original, never in one of the base's other translations.
#[test]
fn fallback_is_the_original_not_another_translation() {
    let form = FORM.replace("levels: [1]\n", "");
    let f = Fixture::empty()
        .file(
            "content/felles/region.yaml",
            "name: \"Felles\"\nlanguages: [nb, ar]\n",
        )
        .file("content/felles/skjema/samtykke.yaml", &form)
        .file(
            "content/felles/skjema/samtykke.ar.yaml",
            &form.replace("title: \"Samtykke\"", "title: \"الموافقة\""),
        )
        .file(
            "content/nyvik/kommune.yaml",
            &KOMMUNE_YAML
                .replace(
                    "languages: [nb, en, ar]",
                    "languages: [nn]\ninherits: felles",
                )
                .replace("9911", "9912"),
        )
        .file(
            "content/nyvik/index.md",
            "---\ntitle: \"Velkomen\"\n---\nHei.\n",
        );
    assert_ok(&f.build(&["--kommune", "nyvik"]));
    let html = f.read("skjema/samtykke/index.html");
    assert!(html.contains("Samtykke"), "{html}");
    assert!(!html.contains("الموافقة"), "{html}");
}

#[test]
fn links_are_checked_in_every_language_the_text_is_shown_in() {
    // sider/om.md has no English version, so the English site shows it, and its link
    // then leads to the English page, whose heading has another id.
    let f = Fixture::kommune()
        .file(
            "content/testvik/sider/rutiner.md",
            "---\ntitle: \"Rutiner\"\n---\n## Når barnet forteller\n",
        )
        .file(
            "content/testvik/sider/rutiner.en.md",
            "---\ntitle: \"Routines\"\n---\n## When the child tells\n",
        )
        .file(
            PAGE,
            &page("Se [rutinen](/rutiner/#nar-barnet-forteller), [engelsk](/en/rutiner/), <post@testvik.kommune.example>.\n"),
        );
    let (_, list) = check(&f);
    let d = one(&list, "broken-anchor", PAGE, 4, 4);
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("on the pages in en, where"),
        "the Arabic site shows the original, so only English is broken: {message}"
    );
    // `/en/…` leads to the English page from the bokmål site only: the English and Arabic
    // sites show this text too, and there the link leads to /en/en/… and /ar/en/….
    let d = one(&list, "broken-link", PAGE, 4, 47);
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("on the pages in en, ar, where"),
        "{message}"
    );
    // The e-mail autolink is not a page.
    assert_eq!(
        list.iter().filter(|d| d["severity"] == "error").count(),
        2,
        "{list:#?}"
    );
}

#[test]
fn heading_id_taking_a_template_id_is_an_error() {
    // arena.html has <h2 id="arena-mandat">: a heading in the mandate may not take it.
    let file = "content/testvik/arenaer/drofteteam.yaml";
    let f = kommune().file(
        file,
        "name: \"Drøftingsteam\"\nmandate: |\n  Råd.\n\n  ## Mandatet {#arena-mandat}\n\n  Mer.\nlevels: [1]\ncase_mode: anonymous\nhow_to_bring: \"Meld saken.\"\n",
    );
    let (ok, list) = check(&f);
    assert!(!ok);
    let d = one(&list, "duplicate-id", file, 5, 3);
    assert!(
        d["message"].as_str().unwrap().contains("`arena-mandat`"),
        "{d:#?}"
    );
}

#[test]
fn glossary_heading_taking_a_term_anchor_is_an_error() {
    // The glossary page gives each term the id of its slug (<dt id="tverrfaglig">).
    let file = "content/testvik/ordliste.yaml";
    let f = kommune().file(
        file,
        "terms:\n  - term: \"BTI\"\n    explanation: |\n      Bedre tverrfaglig innsats.\n\n      ### Tverrfaglig\n\n      Mer.\n  - term: \"Tverrfaglig\"\n    explanation: \"Flere fag.\"\n",
    );
    let (ok, list) = check(&f);
    assert!(!ok);
    let d = one(&list, "duplicate-id", file, 6, 7);
    assert!(
        d["message"].as_str().unwrap().contains("`tverrfaglig`"),
        "{d:#?}"
    );
    assert!(
        d["help"].as_str().unwrap().contains("{#om-tverrfaglig}"),
        "{d:#?}"
    );
}

/// The errors (not warnings) of a check, as (file, line, column, code).
fn errors(list: &[Value]) -> Vec<(String, u64, u64, String)> {
    list.iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["file"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["code"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn at(file: &str, line: u64, column: u64, code: &str) -> (String, u64, u64, String) {
    (file.to_string(), line, column, code.to_string())
}

const SERVICE_FILE: &str = "content/testvik/tjenester/helsestasjon.yaml";

#[test]
fn yaml_missing_colon_is_reported_at_its_line() {
    let f = kommune().file(
        SERVICE_FILE,
        &SERVICE.replace("category: \"Helse\"", "category \"Fritid\""),
    );
    let (ok, list) = check(&f);
    assert!(!ok);
    assert_eq!(errors(&list), [at(SERVICE_FILE, 3, 1, "invalid-yaml")]);
    let d = one(&list, "invalid-yaml", SERVICE_FILE, 3, 1);
    assert!(d["help"]
        .as_str()
        .unwrap()
        .ends_with("category: \"Fritid\""));
}

#[test]
fn yaml_typographic_quotes_warn_at_the_value_and_explain_a_broken_line() {
    let f = kommune().file(PAGE, "---\ntitle: “Helsestasjonen”\n---\nTekst.\n");
    let (ok, list) = check(&f);
    assert!(ok, "{list:#?}");
    let d = one(&list, "typographic-quotes", PAGE, 2, 8);
    assert_eq!(d["severity"], "warning");
    assert!(d["message"].as_str().unwrap().contains("Word"));

    let f = kommune().file(PAGE, "---\ntitle: “Helse: stasjon”\n---\nTekst.\n");
    let (ok, list) = check(&f);
    assert!(!ok);
    assert_eq!(errors(&list), [at(PAGE, 2, 8, "invalid-yaml")]);
    let d = one(&list, "invalid-yaml", PAGE, 2, 8);
    assert!(d["message"]
        .as_str()
        .unwrap()
        .contains("typographic quote “"));
    assert!(d["help"]
        .as_str()
        .unwrap()
        .ends_with("title: \"Helse: stasjon\""));
}

#[test]
fn yaml_every_unknown_key_is_reported_with_all_known_keys() {
    let f = kommune().file(
        SERVICE_FILE,
        &SERVICE
            .replace("description:", "descripton:")
            .replace("levels:", "level:")
            .replace("referral:", "referal:"),
    );
    let (ok, list) = check(&f);
    assert!(!ok);
    assert_eq!(
        errors(&list),
        [
            at(SERVICE_FILE, 2, 1, "unknown-key"),
            at(SERVICE_FILE, 5, 1, "unknown-key"),
            at(SERVICE_FILE, 10, 1, "unknown-key"),
        ]
    );
    for d in with_code(&list, "unknown-key") {
        let help = d["help"].as_str().unwrap();
        // Keys already used (name, category) are listed as well.
        assert!(
            help.contains("Known keys here: name, description, category,"),
            "{help}"
        );
    }
}

#[test]
fn yaml_unknown_key_in_the_front_page_is_one_error() {
    let f = kommune().file(
        "content/testvik/index.md",
        "---\ntitle: \"Velkommen\"\ninrto: \"Kort\"\n---\nHei.\n",
    );
    let (ok, list) = check(&f);
    assert!(!ok);
    assert_eq!(
        errors(&list),
        [at("content/testvik/index.md", 3, 1, "unknown-key")]
    );
}

#[test]
fn yaml_error_in_an_original_is_not_repeated_for_its_translation() {
    let f = kommune()
        .file(PAGE, "---\ntitle \"Om oss\"\n---\nTekst.\n")
        .file(
            "content/testvik/sider/om.en.md",
            "---\ntitle: \"About us\"\n---\nText.\n",
        );
    let (ok, list) = check(&f);
    assert!(!ok);
    assert_eq!(errors(&list), [at(PAGE, 2, 1, "invalid-yaml")]);

    // Published in English too: the translation is not missing its Norwegian either.
    let f = f.file(
        "content/testvik/kommune.yaml",
        &KOMMUNE_YAML.replace("languages: [nb, en, ar]", "languages: [nb, en]"),
    );
    let (ok, list) = check(&f);
    assert!(!ok);
    assert_eq!(errors(&list), [at(PAGE, 2, 1, "invalid-yaml")]);
    let about_om: Vec<_> = list
        .iter()
        .filter(|d| d["file"].as_str().is_some_and(|f| f.contains("sider/om")))
        .collect();
    assert_eq!(about_om.len(), 1, "{about_om:#?}");
}

#[test]
fn yaml_wrong_type_is_located_at_the_value() {
    let f = kommune().file(
        SERVICE_FILE,
        &SERVICE.replace("category: \"Helse\"", "category:\n  - Helse\n  - Familie"),
    );
    let (ok, list) = check(&f);
    assert!(!ok);
    assert_eq!(errors(&list), [at(SERVICE_FILE, 4, 3, "wrong-type")]);
}

//! Integration tests for a regional base shared by several kommuner: inheritance, overrides,
//! exclusions, shortcodes resolved per kommune, the origins report, the errors of
//! inheritance and translations, and `veiviser new`.

mod common;
use common::*;

/// A kommune.yaml inheriting `felles`, with its own name, phones and brand colour.
fn kommune_yaml(name: &str, phone: &str, colour: &str, extra: &str) -> String {
    let slug = name.to_lowercase().replace('ø', "o");
    format!(
        "{}inherits: felles\n{extra}",
        KOMMUNE_YAML
            .replace("Testvik", name)
            .replace("testvik", &slug)
            .replace("10 00 00 01", phone)
            .replace("#1d4f73", colour)
    )
}

/// Lines in the shared kommune.yaml before `inherits:` (for expected error lines).
fn yaml_lines() -> usize {
    KOMMUNE_YAML.lines().count()
}

fn service(phone: &str) -> String {
    SERVICE.replace("10 00 00 03", phone)
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\n---\n{body}\n")
}

/// A base `felles` with a guide, a form and free pages (some translated), inherited by
/// `nordby` and `sorby`, which differ only in their own values.
fn region() -> Fixture {
    Fixture::empty()
        .file(
            "content/felles/region.yaml",
            "name: \"Felles modell\"\nlanguages: [nb]\n",
        )
        .file(
            "content/felles/veileder/index.md",
            &page("Veilederen", "Felles veileder for {{ kommune }}."),
        )
        .file("content/felles/veileder/niva-0.md", &level(0, ""))
        .file("content/felles/veileder/niva-1.md", &level(1, "samtykke"))
        .file("content/felles/skjema/samtykke.yaml", FORM)
        .file(
            "content/felles/sider/foreldre.md",
            &page(
                "Til foreldre",
                "I {{ kommune }} hjelper helsestasjonen deg.\n\n{{ service helsestasjon }}",
            ),
        )
        .file(
            "content/felles/sider/foreldre.en.md",
            &page(
                "To parents",
                "In {{ kommune }} the health centre helps you.",
            ),
        )
        .file(
            "content/felles/sider/foreldre.ar.md",
            &page("إلى الوالدين", "مرحبا من {{ kommune }}."),
        )
        .file(
            "content/felles/sider/om.md",
            &page("Om veilederen", "Felles tekst."),
        )
        .file(
            "content/felles/sider/om.en.md",
            &page("About the guide", "Shared text."),
        )
        .file(
            "content/nordby/kommune.yaml",
            &kommune_yaml("Nordby", "10 00 10 01", "#1d4f73", ""),
        )
        .file("content/nordby/index.md", &page("Velkommen", "Hei."))
        .file(
            "content/nordby/tjenester/helsestasjon.yaml",
            &service("10 00 10 03"),
        )
        .file(
            "content/sorby/kommune.yaml",
            &kommune_yaml("Sørby", "10 00 20 01", "#0b6e63", ""),
        )
        .file("content/sorby/index.md", &page("Velkommen", "Hei."))
        .file(
            "content/sorby/tjenester/helsestasjon.yaml",
            &service("10 00 20 03"),
        )
}

/// The error output of a failed run.
fn fails(out: &std::process::Output) -> String {
    assert_fails(out)
}

/// Whether the output holds `text`, ignoring the line wrapping of long messages.
fn has(output: &str, text: &str) -> bool {
    let squash = |s: &str| -> String {
        s.replace("\n  │ ", "\n")
            .split_whitespace()
            .collect::<String>()
    };
    squash(output).contains(&squash(text))
}

fn exists(f: &Fixture, rel: &str) -> bool {
    f.out().join(rel).is_file()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

// ---------------------------------------------------------------------------------------
// Inheritance in the output

#[test]
fn inherited_files_appear_in_every_kommunes_output() {
    let f = region();
    assert_ok(&f.build(&[]));
    for kommune in ["nordby", "sorby"] {
        for page in [
            "veileder/index.html",
            "veileder/niva-0/index.html",
            "veileder/niva-1/index.html",
            "skjema/samtykke/index.html",
            "foreldre/index.html",
            "en/foreldre/index.html",
            "om/index.html",
        ] {
            assert!(exists(&f, &format!("{kommune}/{page}")), "{kommune}/{page}");
        }
    }
    // The same base file builds alone for one kommune too.
    let f = region();
    assert_ok(&f.build(&["--kommune", "sorby"]));
    assert!(exists(&f, "skjema/samtykke/index.html"));
}

#[test]
fn a_file_at_the_same_path_replaces_the_base_file_and_its_translations() {
    let f = region().file(
        "content/nordby/sider/foreldre.md",
        &page("Foreldre i Nordby", "Vår egen tekst."),
    );
    assert_ok(&f.build(&[]));
    let own = f.html("nordby/foreldre/index.html");
    assert_eq!(text(&select(&own, "h1")[0]), "Foreldre i Nordby");
    assert!(!f
        .read("nordby/foreldre/index.html")
        .contains("hjelper helsestasjonen"));
    // The base's English text translated the replaced original: it is dropped, and the
    // English page falls back to the kommune's own text with a note.
    let en = f.html("nordby/en/foreldre/index.html");
    assert_eq!(text(&select(&en, "h1")[0]), "Foreldre i Nordby");
    assert_eq!(select(&en, ".fallback-note").len(), 1);
    assert!(!f
        .read("nordby/en/foreldre/index.html")
        .contains("To parents"));
    // The other kommune still has the base's page and its translation.
    let sorby = f.html("sorby/en/foreldre/index.html");
    assert_eq!(text(&select(&sorby, "h1")[0]), "To parents");
    assert!(select(&sorby, ".fallback-note").is_empty());
}

#[test]
fn exclude_removes_a_file_and_its_translations() {
    let f = region().file(
        "content/nordby/kommune.yaml",
        &kommune_yaml(
            "Nordby",
            "10 00 10 01",
            "#1d4f73",
            "exclude:\n  - sider/om.md\n",
        ),
    );
    assert_ok(&f.build(&[]));
    assert!(!exists(&f, "nordby/om/index.html"));
    assert!(!exists(&f, "nordby/en/om/index.html"));
    assert!(!f.read("nordby/index.html").contains("Om veilederen"));
    assert!(exists(&f, "sorby/om/index.html"));
    assert!(exists(&f, "sorby/en/om/index.html"));
}

#[test]
fn base_text_uses_the_values_of_the_kommune_that_builds_it() {
    let f = region();
    assert_ok(&f.build(&[]));
    for (kommune, name, service_tel, acute_tel) in [
        ("nordby", "Nordby", "tel:+4710001003", "tel:+4710001001"),
        ("sorby", "Sørby", "tel:+4710002003", "tel:+4710002001"),
    ] {
        let html = f.html(&format!("{kommune}/foreldre/index.html"));
        let body = text(&select(&html, ".prose")[0]);
        assert!(
            body.contains(&format!("I {name} hjelper helsestasjonen deg.")),
            "{kommune}: {body}"
        );
        assert_eq!(
            select(
                &html,
                &format!(".prose .service-card a[href='{service_tel}']")
            )
            .len(),
            1,
            "{kommune}: its own health centre's phone"
        );
        let level = f.html(&format!("{kommune}/veileder/niva-0/index.html"));
        assert_eq!(
            select(&level, &format!("aside.acute-strip a[href='{acute_tel}']")).len(),
            1,
            "{kommune}: its own child welfare phone in the inherited level"
        );
        let guide = f.html(&format!("{kommune}/veileder/index.html"));
        assert!(
            text(&select(&guide, "main")[0]).contains(&format!("Felles veileder for {name}.")),
            "{kommune}"
        );
    }
}

#[test]
fn each_kommune_uses_its_own_brand_colour() {
    let f = region();
    assert_ok(&f.build(&[]));
    for (kommune, colour) in [("nordby", "#1d4f73"), ("sorby", "#0b6e63")] {
        let html = f.html(&format!("{kommune}/index.html"));
        let href = select(&html, "link[rel=stylesheet]")[0]
            .value()
            .attr("href")
            .unwrap()
            .to_string();
        let css = f.read(href.trim_start_matches('/'));
        assert!(
            css.contains(&format!("--brand:{colour}")),
            "{kommune}: {href} has its colour"
        );
    }
}

#[test]
fn a_base_can_inherit_another_base() {
    let f = region()
        .file(
            "content/nasjonal/region.yaml",
            "name: \"Nasjonal modell\"\n",
        )
        .file(
            "content/nasjonal/sider/personvern.md",
            &page(
                "Personvern",
                "Nasjonal tekst om personvern i {{ kommune }}.",
            ),
        )
        .file(
            "content/nasjonal/sider/om.md",
            &page("Om (nasjonal)", "Erstattes av felles."),
        )
        .file(
            "content/nasjonal/sider/kilder.md",
            &page("Kilder", "Nasjonale kilder."),
        )
        .file(
            "content/felles/region.yaml",
            "name: \"Felles modell\"\ninherits: nasjonal\n",
        )
        .file(
            "content/nordby/sider/kilder.md",
            &page("Kilder i Nordby", "Lokale kilder."),
        );
    assert_ok(&f.build(&[]));
    let html = f.html("sorby/personvern/index.html");
    assert!(text(&select(&html, ".prose")[0]).contains("personvern i Sørby"));
    assert_eq!(
        text(&select(&f.html("sorby/om/index.html"), "h1")[0]),
        "Om veilederen",
        "the nearer base wins"
    );
    assert_eq!(
        text(&select(&f.html("nordby/kilder/index.html"), "h1")[0]),
        "Kilder i Nordby"
    );

    let out = f.run(&[
        "check",
        "--kommune",
        "nordby",
        "--origins",
        "--format",
        "json",
    ]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let k = &json["kommuner"][0];
    assert_eq!(k["inherits"], serde_json::json!(["felles", "nasjonal"]));
    let origin = |path: &str| {
        k["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == path)
            .map(|f| (f["origin"].as_str().unwrap().to_string(), f["base"].clone()))
            .unwrap_or_else(|| panic!("{path} in the report"))
    };
    assert_eq!(
        origin("sider/personvern.md"),
        ("inherited".into(), "nasjonal".into()),
        "names the base it came from, through two bases"
    );
    assert_eq!(origin("sider/om.md"), ("inherited".into(), "felles".into()));
    assert_eq!(
        origin("sider/kilder.md"),
        ("overridden".into(), "nasjonal".into())
    );
    assert_eq!(
        origin("index.md"),
        ("local".into(), serde_json::Value::Null)
    );
}

// ---------------------------------------------------------------------------------------
// The origins report

#[test]
fn origins_report_lists_local_overridden_inherited_and_excluded_files() {
    let f = region()
        .file(
            "content/nordby/kommune.yaml",
            &kommune_yaml(
                "Nordby",
                "10 00 10 01",
                "#1d4f73",
                "exclude:\n  - sider/om.md\n",
            ),
        )
        .file(
            "content/nordby/sider/foreldre.md",
            &page("Foreldre i Nordby", "Vår egen tekst."),
        )
        // A translation sorted after its original (`uk` > `md`) overrides the base's too.
        .file(
            "content/felles/sider/foreldre.uk.md",
            &page("Батькам", "Текст."),
        )
        .file(
            "content/nordby/sider/foreldre.uk.md",
            &page("Батькам у Нордбі", "Наш текст."),
        );
    let out = f.run(&["check", "--kommune", "nordby", "--origins"]);
    assert_ok(&out);
    let report = stdout(&out);
    let line = |path: &str| {
        report
            .lines()
            .find(|l| l.split_whitespace().nth(1) == Some(path))
            .unwrap_or_else(|| panic!("{path} in:\n{report}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        report.starts_with("nordby (Nordby kommune), inherits felles"),
        "{report}"
    );
    assert_eq!(line("index.md"), "local index.md");
    assert_eq!(
        line("tjenester/helsestasjon.yaml"),
        "local tjenester/helsestasjon.yaml"
    );
    assert_eq!(
        line("sider/foreldre.md"),
        "overridden sider/foreldre.md replaces felles"
    );
    assert_eq!(
        line("sider/foreldre.uk.md"),
        "overridden sider/foreldre.uk.md replaces felles",
        "an overridden translation is not local"
    );
    assert_eq!(line("sider/om.md"), "excluded sider/om.md from felles");
    assert_eq!(
        line("sider/om.en.md"),
        "excluded sider/om.en.md from felles"
    );
    assert!(
        line("sider/foreldre.en.md").starts_with(
            "excluded sider/foreldre.en.md from felles; translation of sider/foreldre.md"
        ),
        "{report}"
    );
    assert_eq!(
        line("skjema/samtykke.yaml"),
        "inherited skjema/samtykke.yaml from felles"
    );
    assert!(
        report.contains("  2 local, 2 overridden, 4 inherited, 4 excluded\n"),
        "{report}"
    );

    // The same as JSON, with the diagnostics beside it.
    let out = f.run(&["check", "--origins", "--format", "json"]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(json["diagnostics"].is_array());
    let kommuner = json["kommuner"].as_array().unwrap();
    assert_eq!(kommuner.len(), 2);
    assert_eq!(kommuner[0]["kommune"], "nordby");
    assert_eq!(
        kommuner[0]["summary"],
        serde_json::json!({"local": 2, "overridden": 2, "inherited": 4, "excluded": 4})
    );
    assert_eq!(
        kommuner[1]["summary"],
        serde_json::json!({"local": 2, "overridden": 0, "inherited": 10, "excluded": 0})
    );
    // Without --origins the JSON stays the plain list of diagnostics.
    let out = f.run(&["check", "--format", "json"]);
    assert!(serde_json::from_str::<serde_json::Value>(&stdout(&out))
        .unwrap()
        .is_array());
}

// ---------------------------------------------------------------------------------------
// Errors, each with its file and line

#[test]
fn inheritance_cycle_names_the_chain() {
    let f = region()
        .file(
            "content/felles/region.yaml",
            "name: \"Felles modell\"\ninherits: nasjonal\n",
        )
        .file(
            "content/nasjonal/region.yaml",
            "# Arver fra felles (en feil)\nname: \"Nasjonal\"\ninherits: felles\n",
        );
    let err = fails(&f.build(&[]));
    assert!(has(&err, "content/nasjonal/region.yaml:3:11"), "{err}");
    assert!(
        has(
            &err,
            "inheritance goes round in a circle: felles → nasjonal → felles"
        ),
        "{err}"
    );
    assert_eq!(
        err.matches("goes round in a circle").count(),
        1,
        "reported once, not once per kommune:\n{err}"
    );
}

#[test]
fn unknown_base_is_located_and_lists_the_bases() {
    let yaml = kommune_yaml("Nordby", "10 00 10 01", "#1d4f73", "")
        .replace("inherits: felles", "inherits: fellse");
    let f = region().file("content/nordby/kommune.yaml", &yaml);
    let err = fails(&f.build(&["--kommune", "nordby"]));
    let at = format!("content/nordby/kommune.yaml:{}:11", yaml_lines() + 1);
    assert!(has(&err, &at), "{at} in:\n{err}");
    assert!(
        has(&err, "`inherits: fellse` names a base that does not exist"),
        "{err}"
    );
    assert!(has(&err, "did you mean `felles`?"), "{err}");
    assert!(has(&err, "Bases in content/: felles"), "{err}");
}

#[test]
fn translation_without_an_original_is_an_error() {
    let f = region().file(
        "content/nordby/sider/hjelp.en.md",
        &page("Help", "No original."),
    );
    let err = fails(&f.build(&[]));
    assert!(has(&err, "content/nordby/sider/hjelp.en.md:1:1"), "{err}");
    assert!(
        has(
            &err,
            "`sider/hjelp.en.md` is a translation (en) of sider/hjelp.md, which does not exist"
        ),
        "{err}"
    );

    // A misspelt original name gets a suggestion.
    let f = region().file(
        "content/nordby/sider/foreldr.en.md",
        &page("Parents", "Typo."),
    );
    let err = fails(&f.build(&[]));
    assert!(has(&err, "content/nordby/sider/foreldr.en.md:1:1"), "{err}");
    assert!(has(&err, "name this file sider/foreldre.en.md"), "{err}");

    // A local translation of an excluded original has no original either.
    let f = region()
        .file(
            "content/nordby/kommune.yaml",
            &kommune_yaml(
                "Nordby",
                "10 00 10 01",
                "#1d4f73",
                "exclude:\n  - sider/om.md\n",
            ),
        )
        .file("content/nordby/sider/om.ar.md", &page("عن", "نص."));
    let err = fails(&f.build(&[]));
    assert!(has(&err, "content/nordby/sider/om.ar.md:1:1"), "{err}");
    assert!(has(&err, "`exclude: sider/om.md`"), "{err}");
}

#[test]
fn unknown_language_in_a_file_name_is_located() {
    let f = region().file(
        "content/nordby/sider/foreldre.fr.md",
        &page("Aux parents", "Bonjour."),
    );
    let err = fails(&f.build(&[]));
    assert!(
        has(&err, "content/nordby/sider/foreldre.fr.md:1:1"),
        "{err}"
    );
    assert!(
        has(
            &err,
            "`fr` in the file name is not a language veiviser knows"
        ),
        "{err}"
    );
}

#[test]
fn unknown_language_in_languages_is_located() {
    let yaml = kommune_yaml("Nordby", "10 00 10 01", "#1d4f73", "").replace(
        "languages: [nb, en, ar]",
        "# Språk: nb, en, fr\nlanguages: [nb, en, fr]",
    );
    let f = region().file("content/nordby/kommune.yaml", &yaml);
    let err = fails(&f.build(&[]));
    assert!(has(&err, "content/nordby/kommune.yaml:4:21"), "{err}");
    assert!(
        has(
            &err,
            "`fr` in `languages:` is not a language veiviser knows"
        ),
        "{err}"
    );
}

#[test]
fn exclude_of_a_missing_file_is_located() {
    let f = region().file(
        "content/nordby/kommune.yaml",
        &kommune_yaml(
            "Nordby",
            "10 00 10 01",
            "#1d4f73",
            "exclude:\n  - sider/omm.md\n",
        ),
    );
    let err = fails(&f.build(&[]));
    let at = format!("content/nordby/kommune.yaml:{}:5", yaml_lines() + 3);
    assert!(has(&err, &at), "{at} in:\n{err}");
    assert!(
        has(&err, "`exclude: sider/omm.md` matches no inherited file"),
        "{err}"
    );
    assert!(has(&err, "did you mean `sider/om.md`?"), "{err}");
}

// ---------------------------------------------------------------------------------------
// Languages

#[test]
fn inherited_arabic_page_is_right_to_left_and_a_missing_one_falls_back() {
    let f = region().file(
        "content/nordby/sider/foreldre.md",
        &page("Foreldre i Nordby", "Vår egen tekst."),
    );
    assert_ok(&f.build(&[]));
    // Sørby inherits the Arabic translation.
    let ar = f.html("sorby/ar/foreldre/index.html");
    let root = select(&ar, "html")[0];
    assert_eq!(root.value().attr("lang"), Some("ar"));
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    assert!(select(&ar, ".fallback-note").is_empty());
    assert!(text(&select(&ar, ".prose")[0]).contains("مرحبا من Sørby"));
    // Nordby replaced the original, so its Arabic page shows the bokmål text, marked
    // left-to-right inside the right-to-left page, with a note.
    let ar = f.html("nordby/ar/foreldre/index.html");
    assert_eq!(select(&ar, "html")[0].value().attr("dir"), Some("rtl"));
    assert_eq!(select(&ar, ".fallback-note").len(), 1);
    let content = select(&ar, ".page-content")[0];
    assert_eq!(content.value().attr("lang"), Some("nb"));
    assert_eq!(content.value().attr("dir"), Some("ltr"));
    // The language picker is on every page, in every language the kommune publishes; only
    // real translations are announced as alternates (hreflang): Sørby's page in three,
    // Nordby's in bokmål alone.
    let langs = |html: &scraper::Html| -> Vec<String> {
        select(html, ".language-nav a")
            .iter()
            .map(|a| a.value().attr("lang").unwrap().to_string())
            .collect()
    };
    let alternates = |html: &scraper::Html| -> Vec<String> {
        select(html, "link[rel=alternate][hreflang]")
            .iter()
            .map(|l| l.value().attr("hreflang").unwrap().to_string())
            .filter(|l| l != "x-default")
            .collect()
    };
    let sorby = f.html("sorby/ar/foreldre/index.html");
    assert_eq!(langs(&sorby), ["nb", "en", "ar"]);
    assert_eq!(alternates(&sorby), ["nb", "en", "ar"]);
    assert_eq!(langs(&ar), ["nb", "en", "ar"]);
    assert_eq!(
        alternates(&ar),
        ["nb"],
        "Nordby's page exists in bokmål only"
    );
}

// ---------------------------------------------------------------------------------------
// veiviser new

#[test]
fn new_kommune_builds_at_once() {
    let f = Fixture::empty();
    let out = f.run(&["new", "nordvik"]);
    assert_ok(&out);
    let said = stdout(&out);
    for file in [
        "content/nordvik/kommune.yaml",
        "content/nordvik/index.md",
        "content/nordvik/veileder/index.md",
        "content/nordvik/veileder/niva-0.md",
    ] {
        assert!(f.root().join(file).is_file(), "{file}");
        assert!(said.contains(file), "{said}");
    }
    assert!(said.contains("Next steps:"), "{said}");
    assert!(said.contains("veiviser build --kommune nordvik"), "{said}");
    let yaml = std::fs::read_to_string(f.root().join("content/nordvik/kommune.yaml")).unwrap();
    assert!(yaml.contains("# Kommunenummeret"), "commented in Norwegian");
    assert!(yaml.contains("name: \"Nordvik kommune\""));
    assert!(!yaml.contains("inherits:"));

    assert!(
        said.contains(
            "kommune.yaml:16:10: `number` (the kommunenummer) still has the placeholder `9999`"
        ),
        "{said}"
    );

    // The placeholders are not published: build refuses them, at their file and line …
    let out = f.build(&["--kommune", "nordvik"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    for at in [
        "content/nordvik/kommune.yaml:16:10",
        "content/nordvik/kommune.yaml:39:25",
        "content/nordvik/index.md:7:62",
        "content/nordvik/veileder/niva-0.md:18:1",
    ] {
        assert!(err.contains(at), "{at}: {err}");
    }
    assert!(
        err.contains("[placeholder]") || err.contains("placeholder"),
        "{err}"
    );
    assert!(!exists(&f, "index.html"), "nothing written");
    // … and the site can still be tried out.
    let out = f.build(&["--kommune", "nordvik", "--allow-placeholders"]);
    assert_ok(&out);
    assert!(stderr(&out).contains("(6 warnings)"), "{}", stderr(&out));
    let front = f.html("index.html");
    assert_eq!(
        text(&select(&front, "h1")[0]),
        "Er du bekymret for et barn eller en ungdom?"
    );
    assert!(text(&select(&front, ".prose")[0]).contains("handlingsveilederen for Nordvik"));
    assert!(exists(&f, "veileder/niva-0/index.html"));
    assert_eq!(
        select(
            &f.html("veileder/niva-0/index.html"),
            "aside.acute-strip a[href='tel:+4710000040']"
        )
        .len(),
        1,
        "the placeholder child welfare number"
    );
}

#[test]
fn new_writes_a_nynorsk_kommune_with_the_name_and_number_given() {
    let f = Fixture::empty();
    let out = f.run(&[
        "new",
        "eidsdal",
        "--language",
        "nn",
        "--name",
        "Eidsdal kommune",
        "--number",
        "4650",
    ]);
    assert_ok(&out);
    let said = stdout(&out);
    assert!(!said.contains("`number`"), "the number was given: {said}");
    assert!(said.contains("Skriv her kva ein tilsett"), "{said}");
    let yaml = std::fs::read_to_string(f.root().join("content/eidsdal/kommune.yaml")).unwrap();
    assert!(
        yaml.contains("# Kommunenummeret: fire siffer, i hermeteikn."),
        "{yaml}"
    );
    assert!(yaml.contains("\nlanguages: [nn]\n"), "{yaml}");
    assert!(yaml.contains("\nnumber: \"4650\"\n"), "{yaml}");
    assert!(yaml.contains("\nname: \"Eidsdal kommune\"\n"), "{yaml}");

    assert_ok(&f.build(&["--kommune", "eidsdal", "--allow-placeholders"]));
    let front = f.html("index.html");
    assert_eq!(
        select(&front, "html")[0].value().attr("lang"),
        Some("nn"),
        "the site is in nynorsk"
    );
    assert_eq!(
        text(&select(&front, "h1")[0]),
        "Er du uroa for eit barn eller ein ungdom?"
    );
    let level = f.html("veileder/niva-0/index.html");
    assert!(text(&select(&level, "h1")[0]).contains("Er det grunn til uro?"));

    let refused = fails(&f.run(&["new", "vestby", "--language", "se"]));
    assert!(refused.contains("nb (bokmål) or nn (nynorsk)"), "{refused}");
    let refused = fails(&f.run(&["new", "vestby", "--number", "12"]));
    assert!(refused.contains("is not a kommunenummer"), "{refused}");
    assert!(!f.root().join("content/vestby").exists());
}

#[test]
fn new_kommune_inheriting_a_base_builds_at_once() {
    let f = region();
    let out = f.run(&["new", "vestby", "--inherits", "felles"]);
    assert_ok(&out);
    let said = stdout(&out);
    assert!(said.contains("which inherits felles"), "{said}");
    // The base refers to the service `helsestasjon`, which is local: a placeholder is made.
    assert!(
        said.contains("content/vestby/tjenester/helsestasjon.yaml"),
        "{said}"
    );
    assert!(!f.root().join("content/vestby/veileder").exists());
    let yaml = std::fs::read_to_string(f.root().join("content/vestby/kommune.yaml")).unwrap();
    assert!(yaml.contains("\ninherits: felles\n"), "{yaml}");
    assert!(yaml.contains("# exclude:"), "{yaml}");
    let service =
        std::fs::read_to_string(f.root().join("content/vestby/tjenester/helsestasjon.yaml"))
            .unwrap();
    assert!(
        service.contains("name: \"Helsestasjon\""),
        "named like the other kommuner' service: {service}"
    );
    assert_ok(&f.build(&["--kommune", "vestby", "--allow-placeholders"]));
    assert!(exists(&f, "skjema/samtykke/index.html"), "inherited form");
    assert!(text(&select(&f.html("foreldre/index.html"), ".prose")[0]).contains("I Vestby"));
}

#[test]
fn new_kommune_inheriting_the_demo_base_builds_at_once() {
    let f = Fixture::empty();
    copy_dir(&repo().join("content"), &f.root().join("content"));
    let out = f.run(&["new", "nordvik", "--inherits", "felles"]);
    assert_ok(&out);
    assert_ok(&f.build(&["--kommune", "nordvik", "--allow-placeholders"]));
    assert!(exists(&f, "veileder/niva-3/index.html"));
}

#[test]
fn new_refuses_an_existing_slug_an_invalid_one_and_an_unknown_base() {
    let f = region();
    let before = std::fs::read_to_string(f.root().join("content/nordby/kommune.yaml")).unwrap();
    let err = fails(&f.run(&["new", "nordby"]));
    assert!(has(&err, "content/nordby/ already exists"), "{err}");
    assert_eq!(
        std::fs::read_to_string(f.root().join("content/nordby/kommune.yaml")).unwrap(),
        before,
        "nothing overwritten"
    );

    let err = fails(&f.run(&["new", "Sølvberg"]));
    assert!(
        has(&err, "`Sølvberg` cannot be a kommune's folder name"),
        "{err}"
    );
    assert!(has(&err, "veiviser new solvberg"), "{err}");
    assert!(!f.root().join("content/Sølvberg").exists());

    let err = fails(&f.run(&["new", "vestby", "--inherits", "fellse"]));
    assert!(has(&err, "there is no base `fellse`"), "{err}");
    assert!(has(&err, "did you mean `felles`?"), "{err}");
    let err = fails(&f.run(&["new", "vestby", "--inherits", "nordby"]));
    assert!(has(&err, "`nordby` is a kommune"), "{err}");
    assert!(has(&err, "bases in content/: felles"), "{err}");
    assert!(!f.root().join("content/vestby").exists());
}

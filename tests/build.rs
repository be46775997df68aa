//! Integration tests: build small fixture sites and assert on the output.

mod common;
use common::*;

#[test]
fn levels_are_ordered_and_linked() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let guide = f.html("veileder/index.html");
    let titles: Vec<String> = select(&guide, ".level-diagram .level-title")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        titles,
        ["Nivå 0: Testnivå", "Nivå 1: Testnivå"],
        "levels sorted by `level:`, not file name"
    );
    let level = f.html("veileder/niva-1/index.html");
    assert_eq!(select(&level, "h1").len(), 1, "one h1 per page");
    assert!(select(&level, "a[rel=prev]")[0]
        .value()
        .attr("href")
        .unwrap()
        .ends_with("/veileder/niva-0/"));
    let steps = select(&level, ".steps > li");
    assert_eq!(steps.len(), 2);
    assert_eq!(
        steps[1].value().attr("id"),
        Some("andre"),
        "explicit step id becomes the anchor"
    );
    assert_eq!(steps[0].value().attr("id"), Some("forste-steg-pa-niva-1"));
    // A one-paragraph "how" is the step's lead; who and the tools are behind the toggle
    // and beside it.
    assert_eq!(text(&select_in(&steps[1], ".step-now")[0]), "Så slik.");
    for answer in ["Hvem?", "Verktøy"] {
        assert!(text(&steps[1]).contains(answer), "step answers {answer}");
    }
    // References resolve to titles and links.
    let links: Vec<String> = select(&level, ".tool-links a").iter().map(text).collect();
    assert_eq!(links, ["Samtykke", "Helsestasjon"]);
}

#[test]
fn level_page_has_a_stepper_a_step_list_and_each_steps_details_behind_a_toggle() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let level = f.html("veileder/niva-1/index.html");
    let stepper = select(&level, "nav.level-stepper a");
    assert_eq!(stepper.len(), 2, "one entry per level");
    let current: Vec<String> = select(&level, "nav.level-stepper a[aria-current=page]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(current.len(), 1);
    assert!(current[0].starts_with('1'), "{current:?}");
    let list: Vec<_> = select(&level, "nav.step-list li a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(list, ["#forste-steg-pa-niva-1", "#andre"]);
    for step in select(&level, ".steps > li") {
        assert_eq!(
            select_in(&step, ".step-now").len(),
            1,
            "a lead above the details"
        );
        assert_eq!(select_in(&step, "details.step-details > summary").len(), 1);
    }
    assert_eq!(select(&level, "aside.acute").len(), 0, "no large acute box");
}

#[test]
fn compact_emergency_strip_on_every_level_page() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    for page in [
        "veileder/niva-0/index.html",
        "veileder/niva-1/index.html",
        "en/veileder/niva-1/index.html",
    ] {
        let html = f.html(page);
        let acute = select(&html, "aside.acute-strip");
        assert_eq!(acute.len(), 1, "{page}");
        let body = text(&acute[0]);
        assert_eq!(
            select(&html, "aside.acute-strip a[href='tel:+4710000001']").len(),
            1,
            "{page}: child welfare phone"
        );
        assert_eq!(
            select(&html, "aside.acute-strip a[href='tel:112']").len(),
            1,
            "{page}: police"
        );
        assert_eq!(
            select(&html, "aside.acute-strip a[href='tel:116111']").len(),
            1,
            "{page}: Alarmtelefonen for barn og unge"
        );
        assert!(!body.is_empty());
    }
}

#[test]
fn every_form_control_is_labelled_and_nothing_is_sent() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let html = f.html("skjema/samtykke/index.html");
    let controls = select(&html, "form input, form textarea, form select");
    assert!(controls.len() >= 9, "all field types rendered");
    for control in controls {
        let id = control.value().attr("id").expect("every control has an id");
        let labels = select(&html, &format!("label[for='{id}']"));
        assert_eq!(
            labels.len(),
            1,
            "control #{id} has exactly one visible label"
        );
        assert!(!text(&labels[0]).is_empty());
    }
    let form = &select(&html, "form.fill-form")[0];
    assert_eq!(form.value().attr("action"), None, "no action attribute");
    assert_eq!(
        form.value().attr("method"),
        Some("dialog"),
        "implicit submission goes nowhere"
    );
    // Groups are fieldsets with legends; required is stated in text.
    assert!(select(&html, "fieldset.choices > legend").len() == 2);
    assert!(text(&select(&html, "label[for='samtykke-barnets-navn']")[0]).contains("må fylles ut"));
    assert_eq!(
        select(&html, "#samtykke-barnets-navn")[0]
            .value()
            .attr("autocomplete"),
        Some("off")
    );
    // No script other than the theme's own files, no inline handlers.
    for script in select(&html, "script") {
        assert!(
            script
                .value()
                .attr("src")
                .is_some_and(|s| s.contains("/assets/")),
            "only own scripts"
        );
    }
    assert!(!f.read("skjema/samtykke/index.html").contains("onclick"));
}

#[test]
fn service_contact_links() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let html = f.html("tjenester/helsestasjon/index.html");
    assert_eq!(select(&html, "a[href='tel:+4710000003']").len(), 1);
    assert_eq!(
        select(
            &html,
            "a[href='mailto:helsestasjon@testvik.kommune.example']"
        )
        .len(),
        1
    );
    let index = f.html("tjenester/index.html");
    assert_eq!(
        text(&select(&index, "main h2#helse")[0]),
        "Helse",
        "grouped by category"
    );
}

#[test]
fn broken_reference_fails_with_location_and_suggestion() {
    let f = Fixture::kommune().file("content/testvik/veileder/niva-1.md", &level(1, "samtykk"));
    let err = assert_fails(&f.build(&["--kommune", "testvik"]));
    assert!(
        err.contains("content/testvik/veileder/niva-1.md:8:9"),
        "{err}"
    );
    assert!(err.contains("no form with the id `samtykk`"), "{err}");
    assert!(err.contains("did you mean `samtykke`?"), "{err}");
}

#[test]
fn unknown_key_suggests_the_nearest_known_key() {
    let text = level(0, "").replace("lead:", "leder:");
    let f = Fixture::kommune().file("content/testvik/veileder/niva-0.md", &text);
    let err = assert_fails(&f.build(&[]));
    assert!(
        err.contains("content/testvik/veileder/niva-0.md:6:1"),
        "{err}"
    );
    assert!(err.contains("unknown key `leder`"), "{err}");
    assert!(err.contains("did you mean `lead`?"), "{err}");
}

#[test]
fn every_error_of_a_run_is_reported() {
    let f = Fixture::kommune()
        .file("content/testvik/tjenester/bad.yaml", "name: x\n")
        .file("content/testvik/skjema/bad.yaml", "title: [\n");
    let err = assert_fails(&f.build(&[]));
    assert!(err.contains("content/testvik/tjenester/bad.yaml"), "{err}");
    assert!(
        err.contains("the required key `description` is missing"),
        "{err}"
    );
    assert!(err.contains("content/testvik/skjema/bad.yaml:"), "{err}");
}

#[test]
fn failed_build_keeps_previous_output() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let before = f.read("index.html");
    let f = f.file("content/testvik/index.md", "---\ntitle: [\n---\n");
    assert_fails(&f.build(&["--kommune", "testvik"]));
    assert_eq!(f.read("index.html"), before, "old output untouched");
    let leftovers: Vec<_> = std::fs::read_dir(f.root())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "no staging folders left behind");
}

#[test]
fn sub_path_base_url_prefixes_every_link() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&[
        "--kommune",
        "testvik",
        "--base-url",
        "https://www.testvik.kommune.example/bti",
    ]));
    for page in [
        "index.html",
        "veileder/niva-1/index.html",
        "en/skjema/samtykke/index.html",
        "404.html",
    ] {
        let html = f.html(page);
        for el in select(&html, "[href], [src]") {
            let url = el.value().attr("href").or(el.value().attr("src")).unwrap();
            if url.starts_with('/') {
                assert!(
                    url.starts_with("/bti/"),
                    "{page}: {url} is outside the base path"
                );
            }
        }
        let canonical = select(&html, "link[rel=canonical]")[0]
            .value()
            .attr("href")
            .unwrap()
            .to_string();
        assert!(
            canonical.starts_with("https://www.testvik.kommune.example/bti/"),
            "{canonical}"
        );
    }
    let sitemap = f.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://www.testvik.kommune.example/bti/veileder/niva-1/</loc>"),
        "{sitemap}"
    );
    assert!(
        !f.read("index.html").contains(f.root().to_str().unwrap()),
        "no build-machine paths"
    );
}

#[test]
fn regional_build_has_landing_page_and_kommune_folders() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&[]));
    let landing = f.html("index.html");
    let links: Vec<_> = select(&landing, "main a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links, ["/testvik/"]);
    assert!(f.out().join("testvik/veileder/niva-1/index.html").is_file());
    assert!(f.out().join("404.html").is_file());
    assert!(f.out().join("testvik/404.html").is_file());
}

#[test]
fn brand_colour_with_low_contrast_is_an_error_with_the_ratio() {
    let yaml = KOMMUNE_YAML.replace("#1d4f73", "#7fb3d5");
    let f = Fixture::kommune().file("content/testvik/kommune.yaml", &yaml);
    let err = assert_fails(&f.build(&[]));
    assert!(err.contains("contrast of 2.2"), "{err}");
    assert!(err.contains("content/testvik/kommune.yaml:5:19"), "{err}");
}

#[test]
fn invalid_utf8_names_the_file_and_line() {
    let f = Fixture::kommune().bytes(
        "content/testvik/sider/om.md",
        b"---\ntitle: Om\n---\nHei \xff\xfe der\n",
    );
    let err = assert_fails(&f.build(&[]));
    assert!(err.contains("content/testvik/sider/om.md:4:5"), "{err}");
    assert!(err.contains("not valid UTF-8"), "{err}");
}

#[test]
fn bom_and_crlf_are_accepted() {
    let f = Fixture::kommune().bytes(
        "content/testvik/sider/om.md",
        b"\xef\xbb\xbf---\r\ntitle: Om oss\r\n---\r\n## Hei\r\n\r\nTekst.\r\n",
    );
    assert_ok(&f.build(&["--kommune", "testvik"]));
    assert!(f.read("om/index.html").contains("Om oss"));
}

#[test]
fn identity_number_is_refused_and_masked() {
    // 01017012345 is not valid; compute a valid synthetic number with correct check digits.
    let number = valid_fnr("010170", "800");
    let f = Fixture::kommune().file(
        "content/testvik/sider/om.md",
        &format!("---\ntitle: Om\n---\nEksempel: {number}\n"),
    );
    let err = assert_fails(&f.build(&[]));
    assert!(err.contains("content/testvik/sider/om.md:4:11"), "{err}");
    assert!(err.contains("01*********"), "{err}");
    assert!(
        !err.contains(&number),
        "the number is never printed in full:\n{err}"
    );
}

fn valid_fnr(date: &str, individual: &str) -> String {
    let digits: Vec<u32> = format!("{date}{individual}")
        .chars()
        .map(|c| c.to_digit(10).unwrap())
        .collect();
    let k1w = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    let k1 = (11 - digits.iter().zip(k1w).map(|(d, w)| d * w).sum::<u32>() % 11) % 11;
    let mut all = digits.clone();
    all.push(k1);
    let k2w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let k2 = (11 - all.iter().zip(k2w).map(|(d, w)| d * w).sum::<u32>() % 11) % 11;
    if k1 == 10 || k2 == 10 {
        return valid_fnr(
            date,
            &format!("{:03}", individual.parse::<u32>().unwrap() + 1),
        );
    }
    format!("{date}{individual}{k1}{k2}")
}

#[test]
fn translations_fallback_and_right_to_left() {
    let f = Fixture::kommune()
        .file(
            "content/testvik/sider/foreldre.md",
            "---\ntitle: \"Til foreldre\"\n---\nHei.\n",
        )
        .file(
            "content/testvik/sider/foreldre.ar.md",
            "---\ntitle: \"إلى الوالدين\"\n---\nمرحبا.\n",
        );
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let ar = f.html("ar/foreldre/index.html");
    let root = select(&ar, "html")[0];
    assert_eq!(root.value().attr("lang"), Some("ar"));
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    assert!(select(&ar, ".fallback-note").is_empty());
    let langs: Vec<_> = select(&ar, ".language-nav a")
        .iter()
        .map(|a| a.value().attr("lang").unwrap().to_string())
        .collect();
    assert_eq!(
        langs,
        ["nb", "en", "ar"],
        "the switcher lists every language of the site (English shows the bokmål text)"
    );
    assert_eq!(select(&ar, "link[rel=alternate][hreflang=nb]").len(), 1);
    assert!(
        select(&ar, "link[rel=alternate][hreflang=en]").is_empty(),
        "only translations are hreflang alternates"
    );
    // English does not exist: the bokmål text is shown with a note, marked as bokmål.
    let en = f.html("en/foreldre/index.html");
    assert_eq!(select(&en, "html")[0].value().attr("lang"), Some("en"));
    assert_eq!(select(&en, ".fallback-note").len(), 1);
    assert_eq!(
        select(&en, ".page-content")[0].value().attr("lang"),
        Some("nb")
    );
}

#[test]
fn sitemap_and_404_exist() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let sitemap = f.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://test.example/skjema/samtykke/</loc>"));
    assert!(sitemap.contains("<loc>https://test.example/en/</loc>"));
    assert!(!sitemap.contains("404"));
    let not_found = f.html("404.html");
    assert_eq!(select(&not_found, "h1").len(), 1);
}

#[test]
fn assets_are_fingerprinted_and_html_minified() {
    let f = Fixture::kommune();
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let html = f.html("index.html");
    let css = select(&html, "link[rel=stylesheet]")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert!(
        css.starts_with("/assets/main.")
            && css.ends_with(".css")
            && css.len() > "/assets/main..css".len() + 8,
        "{css}"
    );
    assert!(f.out().join(css.trim_start_matches('/')).is_file());
    assert!(!f.read("index.html").contains("\n\n"), "minified");
}

#[test]
fn shortcodes_use_the_kommunes_values() {
    let f = Fixture::kommune().file(
        "content/testvik/sider/om.md",
        "---\ntitle: Om\n---\nI {{ kommune }} bruker vi {{ form samtykke }} på {{ level 1 }}.\n\n{{ service helsestasjon }}\n",
    );
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let html = f.html("om/index.html");
    let body = text(&select(&html, ".prose")[0]);
    assert!(
        body.contains("I Testvik bruker vi Samtykke på Nivå 1: Testnivå."),
        "{body}"
    );
    assert_eq!(
        select(&html, ".prose .service-card a[href='tel:+4710000003']").len(),
        1
    );
}

#[test]
fn unknown_shortcode_is_located() {
    let f = Fixture::kommune().file(
        "content/testvik/sider/om.md",
        "---\ntitle: Om\n---\nHei\n\nSe {{ skjema samtykke }}.\n",
    );
    let err = assert_fails(&f.build(&[]));
    assert!(err.contains("content/testvik/sider/om.md:6:4"), "{err}");
    assert!(err.contains("unknown shortcode `skjema`"), "{err}");
}

#[test]
fn raw_html_is_never_passed_through() {
    let f = Fixture::kommune().file(
        "content/testvik/sider/om.md",
        "---\ntitle: Om\n---\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n",
    );
    assert_ok(&f.build(&["--kommune", "testvik"]));
    let page = f.read("om/index.html");
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(!page.contains("<img src=x"), "{page}");
}

#[test]
fn output_inside_content_is_refused() {
    let f = Fixture::kommune();
    let out = f.root().join("content/public");
    let err = assert_fails(&f.run(&["build", "--out", out.to_str().unwrap()]));
    assert!(err.contains("refusing to build into"), "{err}");
}

#[test]
fn the_demo_content_builds_without_errors() {
    let out = tempfile::tempdir().unwrap();
    // PDFs take minutes in a debug build; tests/print.rs builds them.
    let result = std::process::Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args([
            "build",
            "--no-pdf",
            "--root",
            repo().to_str().unwrap(),
            "--out",
        ])
        .arg(out.path().join("public"))
        .env("VEIVISER_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert_ok(&result);
    let public = out.path().join("public");
    for kommune in ["fjordvik", "solvberg", "bjorkedal"] {
        assert!(
            public.join(kommune).join("veileder/index.html").is_file(),
            "{kommune}"
        );
    }
    let forms = std::fs::read_dir(public.join("fjordvik/skjema"))
        .unwrap()
        .count();
    assert!(forms >= 9, "at least 8 forms (+ index): {forms}");
    let services = std::fs::read_dir(public.join("fjordvik/tjenester"))
        .unwrap()
        .count();
    assert!(services >= 16, "at least 15 services (+ index): {services}");
}

#[test]
fn images_resolve_from_every_language() {
    let f = Fixture::kommune()
        .bytes(
            "content/testvik/bilder/kart.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .file(
            "content/testvik/sider/om.md",
            "---\ntitle: Om\n---\n![Kart over kommunen](bilder/kart.svg)\n",
        );
    assert_ok(&f.build(&["--kommune", "testvik"]));
    for page in ["om/index.html", "en/om/index.html"] {
        let html = f.html(page);
        let src = select(&html, "main img")[0]
            .value()
            .attr("src")
            .unwrap()
            .to_string();
        assert_eq!(src, "/bilder/kart.svg", "{page}");
    }
    assert!(f.out().join("bilder/kart.svg").is_file());
}

/// Outside a terminal (pipes, CI, editors' build tasks) the build prints no progress bar,
/// only its one-line summary: kommuner, pages, time and warnings.
#[test]
fn build_summary_line_without_progress_bar_when_piped() {
    let site = Fixture::kommune();
    let out = site.build(&[]);
    assert_ok(&out);
    let err = stderr(&out);
    assert!(
        !err.contains('\u{1b}'),
        "no terminal control codes: {err:?}"
    );
    let summary: Vec<&str> = err.lines().filter(|l| l.starts_with("Built ")).collect();
    assert_eq!(summary.len(), 1, "one summary line: {err}");
    let line = summary[0];
    assert!(
        line.contains(" pages for 1 kommune in ")
            && line.contains(" s (")
            && line.contains("warning"),
        "summary names pages, kommuner, time and warnings: {line}"
    );
    let pages: usize = line["Built ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let html = walkdir::WalkDir::new(site.out())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert!(
        pages > 0 && pages <= html,
        "{pages} pages reported, {html} HTML files written"
    );
}

/// Every page under `public`: no id twice, and every `#id` a link or an `aria-labelledby`
/// on the page points to exists there. Returns how many pages were read.
fn assert_unique_ids_and_in_page_references(public: &std::path::Path) -> usize {
    let mut pages = 0;
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(public) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let html = scraper::Html::parse_document(&std::fs::read_to_string(entry.path()).unwrap());
        let mut ids = std::collections::HashMap::<&str, usize>::new();
        for el in select(&html, "[id]") {
            *ids.entry(el.value().attr("id").unwrap()).or_default() += 1;
        }
        let page = entry.path().strip_prefix(public).unwrap().display();
        for (id, n) in &ids {
            if *n > 1 {
                problems.push(format!("{page}: id `{id}` {n} times"));
            }
        }
        let mut refs: Vec<&str> = select(&html, "a[href^='#']")
            .iter()
            .filter_map(|a| a.value().attr("href"))
            .map(|h| &h[1..])
            .filter(|h| !h.is_empty())
            .collect();
        for attr in ["aria-labelledby", "aria-describedby", "for"] {
            for el in select(&html, &format!("[{attr}]")) {
                refs.extend(el.value().attr(attr).unwrap().split_whitespace());
            }
        }
        for r in refs {
            if !ids.contains_key(r) {
                problems.push(format!("{page}: #{r} is not on the page"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    pages
}

#[test]
fn demo_pages_have_unique_ids_and_in_page_references_resolve() {
    let out = tempfile::tempdir().unwrap();
    let result = std::process::Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args([
            "build",
            "--no-pdf",
            "--root",
            repo().to_str().unwrap(),
            "--out",
        ])
        .arg(out.path().join("public"))
        .env("VEIVISER_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert_ok(&result);
    let pages = assert_unique_ids_and_in_page_references(&out.path().join("public"));
    assert!(pages > 400, "{pages}");
}

#[test]
fn headings_and_footnotes_of_every_text_on_a_page_get_ids_of_their_own() {
    let level = level(1, "samtykke")
        .replace(
            "purpose: \"Formålet med nivå 1.\"",
            "purpose: |\n  Formålet[^1] med nivå 1.\n\n  [^1]: Se forskriften.",
        )
        .replace(
            "how: \"Gjør slik.\"",
            "how: |\n      Gjør slik[^1], og slik[^1].\n\n      [^1]: Første steg sin note.",
        )
        .replace(
            "decision: \"Avslutt eller gå videre.\"",
            "decision: |\n  Avslutt[^a].\n\n  [^a]: Beslutningens note.",
        )
        .replace(
            "Mer tekst om nivå 1.\n",
            "## Niva steg\n\nMer tekst[^1] om nivå 1.\n\n[^1]: Tekstens note.\n",
        );
    let arena = "name: \"Drøftingsteam\"\n\
        mandate: |\n  ## Arena-mandat\n\n  Teamet gir råd[^1].\n\n  [^1]: Anonymt.\n\n  ## Kurs kommende\n\n  Mer.\n\
        members: [\"Helsesykepleier\"]\n\
        levels: [1]\n\
        case_mode: anonymous\n\
        how_to_bring: |\n  Meld saken[^1].\n\n  [^1]: Tre dager før.\n";
    let f = Fixture::kommune()
        .file("content/testvik/veileder/niva-1.md", &level)
        .file("content/testvik/arenaer/drofteteam.yaml", arena);
    assert_ok(&f.build(&["--kommune", "testvik", "--no-pdf"]));
    assert_unique_ids_and_in_page_references(&f.out());

    let page = f.html("veileder/niva-1/index.html");
    // Four texts with a note each, numbered from 1 in each: every id differs, and each
    // note links back to its references.
    assert_eq!(
        select(&page, ".footnote-definition").len(),
        4,
        "purpose, how, decision, body"
    );
    assert_eq!(select(&page, ".footnote-reference a").len(), 5);
    assert_eq!(select(&page, ".footnote-backref").len(), 5);
    for back in select(&page, ".footnote-backref") {
        assert_eq!(
            back.value().attr("aria-labelledby"),
            Some("fotnote-tilbake")
        );
    }
    let label = &select(&page, "#fotnote-tilbake")[0];
    assert_eq!(text(label), "Tilbake til teksten");
    assert!(label.value().attr("hidden").is_some());
    // A heading whose slug is a template id takes another.
    assert_eq!(select(&page, "h2#niva-steg").len(), 1);
    assert_eq!(select(&page, ".prose h2#niva-steg-2").len(), 1);

    let arena = f.html("arenaer/drofteteam/index.html");
    assert_eq!(text(&select(&arena, "h2#arena-mandat")[0]), "Mandat");
    assert_eq!(select(&arena, ".prose h2#arena-mandat-2").len(), 1);
    assert_eq!(select(&arena, ".prose h2#kurs-kommende-2").len(), 1);
    assert_eq!(select(&arena, ".footnote-definition").len(), 2);
}

#[test]
fn front_page_shows_each_emergency_number_once_in_a_compact_strip() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let result = std::process::Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["build", "--no-pdf", "--kommune", "fjordvik", "--root"])
        .arg(repo())
        .arg("--out")
        .arg(&public)
        .env("VEIVISER_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert_ok(&result);
    let html =
        scraper::Html::parse_document(&std::fs::read_to_string(public.join("index.html")).unwrap());
    let main = select(&html, "main");
    assert_eq!(main.len(), 1);
    let main_text = text(&main[0]);
    assert_eq!(select_in(&main[0], "aside.acute").len(), 0, "no large box");
    assert_eq!(select_in(&main[0], "aside.acute-strip").len(), 1);
    // Each number is shown (as a phone link) exactly once in the main content.
    for (number, tel) in [
        ("112", "tel:112"),
        ("10 20 30 40", "tel:+4710203040"),
        ("10 20 30 99", "tel:+4710203099"),
        ("116 111", "tel:116111"),
    ] {
        let links = select_in(&main[0], &format!("a[href='{tel}']"));
        assert_eq!(links.len(), 1, "{number}: one phone link in <main>");
        assert_eq!(text(&links[0]), number);
        if number != "112" {
            // "Ring 112" in the guidance text is fine; the kommune's numbers are not repeated.
            assert_eq!(
                main_text.matches(number).count(),
                1,
                "{number} shown once in <main>: {main_text}"
            );
        }
    }
    assert_eq!(
        select_in(&main[0], "a[href='https://bekymringsmelding.example/']").len(),
        1,
        "the report link"
    );
}

#[test]
fn a_kommune_built_alone_reads_only_its_own_folder_and_the_bases_it_inherits() {
    // Another kommune's broken file does not stop it; a base's does; a build of every
    // kommune reports both.
    let f = Fixture::kommune().file("content/annenvik/kommune.yaml", "name: [\n");
    assert_ok(&f.build(&["--kommune", "testvik"]));
    assert!(f.read("index.html").contains("<h1"), "testvik was built");
    let err = assert_fails(&f.build(&[]));
    assert!(err.contains("content/annenvik/kommune.yaml"), "{err}");

    let f = f
        .file("content/felles/region.yaml", "name: Felles\n")
        .file("content/felles/sider/feil.md", "---\ntitle: [\n---\n")
        .file(
            "content/testvik/kommune.yaml",
            &std::fs::read_to_string(
                Fixture::kommune()
                    .root()
                    .join("content/testvik/kommune.yaml"),
            )
            .unwrap()
            .replacen("name:", "inherits: felles\nname:", 1),
        );
    let err = assert_fails(&f.build(&["--kommune", "testvik"]));
    assert!(err.contains("content/felles/sider/feil.md"), "{err}");
    assert!(!err.contains("annenvik"), "{err}");
}

/// The header and footer are rendered once per language and navigation state
/// (src/render/chrome.rs): every page still marks its own section, in every language, and
/// the search page, which renders them with the page, shows the same navigation, contacts
/// and emergency numbers as the front page, which takes them from those rendered once.
#[test]
fn each_page_marks_its_own_section_in_the_header_rendered_once_per_navigation_state() {
    let out = build_demo(&[]);
    let site = out.path().join("public/fjordvik");
    let sections = [
        ("veileder", 0),
        ("skjema", 1),
        ("tjenester", 2),
        ("opplaering", 3),
    ];
    let mut checked = 0;
    for lang in ["", "en/", "ar/"] {
        for (folder, item) in sections {
            let dir = site.join(format!("{lang}{folder}"));
            for entry in walkdir::WalkDir::new(&dir) {
                let entry = entry.unwrap();
                if entry.file_name() != "index.html" {
                    continue;
                }
                let page =
                    scraper::Html::parse_document(&std::fs::read_to_string(entry.path()).unwrap());
                let links = select(&page, ".main-nav a");
                let current: Vec<usize> = (0..links.len())
                    .filter(|&n| links[n].value().attr("aria-current").is_some())
                    .collect();
                assert_eq!(current, [item], "{}", entry.path().display());
                checked += 1;
            }
        }
        if !lang.is_empty() {
            // A page shown in the main language marks the interface texts of the others.
            continue;
        }
        let html = |rel: &str| {
            scraper::Html::parse_document(
                &std::fs::read_to_string(site.join(format!("{lang}{rel}"))).unwrap(),
            )
        };
        let (search, front) = (html("sok/index.html"), html("index.html"));
        for part in [
            ".main-nav",
            "section[aria-labelledby=footer-contacts]",
            "section[aria-labelledby=footer-acute]",
        ] {
            assert_eq!(
                select(&search, part)[0].html(),
                select(&front, part)[0].html(),
                "{lang}: {part}"
            );
        }
        assert!(select(&front, ".main-nav a[aria-current]").is_empty());
    }
    assert!(checked > 60, "{checked} pages checked");
}

#[test]
fn a_template_with_a_stray_closing_tag_still_gives_minified_pages_with_all_their_text() {
    let base = std::fs::read_to_string(repo().join("themes/standard/templates/base.html"))
        .unwrap()
        .replace(
            "<footer class=\"site-footer\">",
            "</span>\n<footer class=\"site-footer\">",
        );
    let f = Fixture::kommune().file("themes/standard/templates/base.html", &base);
    let out = f.out();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .args(["build", "--no-pdf", "--root"])
        .arg(f.root())
        .arg("--out")
        .arg(&out)
        .env("VEIVISER_TIMINGS", "1")
        .env("VEIVISER_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert_ok(&run);
    // The one-pass minifier refuses the pages' skeletons; the lenient one minifies them.
    let lenient: usize = stderr(&run)
        .lines()
        .find_map(|l| l.strip_prefix("minified-leniently: "))
        .expect("the count of texts minified leniently")
        .parse()
        .unwrap();
    assert!(lenient > 0, "{}", stderr(&run));
    for (page, text) in [
        ("testvik/veileder/index.html", "Veilederen"),
        ("testvik/veileder/niva-1/index.html", "Mer tekst om nivå 1."),
    ] {
        let html = f.read(page);
        assert!(
            !html.contains("<!--") && !html.contains(">\n"),
            "minified: {html}"
        );
        assert!(html.contains(text) && html.contains("<footer"), "{html}");
        assert!(!html.contains("</span><footer"), "the stray tag is dropped");
    }
}

#[test]
fn a_link_title_the_one_pass_minifier_panics_on_is_built_without_a_panic_shown() {
    // minify-html-onepass panics on the attribute value that this link title makes
    // (`&quot;'&quot;'&gt;`, which it would write unquoted). Alone in its page, the quick
    // minifier takes it; beside `1 < 2` (a reference only the one-pass minifier decodes)
    // the one-pass minifier gets it, panics, and the lenient one minifies the page.
    let link = "[her](https://example.org/ \"\\\"'\\\"'>\")";
    let f = Fixture::kommune()
        .file(
            "content/testvik/sider/rask.md",
            &format!("---\ntitle: Rask\n---\nSe {link}.\n"),
        )
        .file(
            "content/testvik/sider/treg.md",
            &format!("---\ntitle: Treg\n---\nSe {link}, 1 < 2.\n"),
        );
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .args(["build", "--no-pdf", "--root"])
        .arg(f.root())
        .arg("--out")
        .arg(f.out())
        .env("VEIVISER_TIMINGS", "1")
        .env("VEIVISER_TODAY", "2026-11-22")
        .output()
        .unwrap();
    assert_ok(&run);
    let said = stderr(&run);
    assert!(!said.contains("panicked"), "{said}");
    assert!(!said.contains("minified-leniently: 0"), "{said}");
    for page in ["testvik/rask/index.html", "testvik/treg/index.html"] {
        let html = f.read(page);
        assert!(html.contains("title=\"&#34"), "{html}");
    }
}

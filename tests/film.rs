//! Films: the kommune's own films with captions and transcript, films hosted elsewhere as
//! link cards, and the checks (captions, cues, size).

mod common;

use common::*;

const MODULE: &str = "---\ntitle: \"Introduksjon\"\naudience: \"Nyansatte\"\nduration: \"30 minutter\"\ngoals: [\"Kjenne veilederen\"]\n---\nTekst før filmen.\n\n![Informasjonsfilm om BTI](bilder/bti.mp4)\n\nTekst etter filmen.\n";

const MODULE_EN: &str = "---\ntitle: \"Introduction\"\naudience: \"New employees\"\nduration: \"30 minutes\"\ngoals: [\"Know the guide\"]\n---\nText before the film.\n\n![Information film about BTI](bilder/bti.mp4)\n";

const NB_VTT: &str = "WEBVTT\n\n00:00.000 --> 00:02.000\nHei og velkommen.\n\n00:02.000 --> 00:04.000\nDette er <i>BTI</i>.\n";
const EN_VTT: &str = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello and welcome.\n\n00:02.000 --> 00:04.000\nThis is BTI.\n";
const AR_VTT: &str = "WEBVTT\n\n00:00.000 --> 00:04.000\nمرحبا بكم.\n";

/// Messages as one line of words (the terminal output wraps them).
fn flat(err: &str) -> String {
    err.replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A kommune (nb, en, ar) with a training module that shows a film.
fn with_film() -> Fixture {
    Fixture::kommune()
        .file("content/testvik/opplaering/intro.md", MODULE)
        .bytes(
            "content/testvik/bilder/bti.mp4",
            b"not really a film, but a file",
        )
        .bytes("content/testvik/bilder/bti.jpg", b"\xff\xd8\xff poster")
}

#[test]
fn a_film_with_captions_renders_with_track_and_transcript_in_every_language_it_is_shown_in() {
    let fx = with_film()
        .file("content/testvik/opplaering/intro.en.md", MODULE_EN)
        .file("content/testvik/bilder/bti.nb.vtt", NB_VTT)
        .file("content/testvik/bilder/bti.en.vtt", EN_VTT)
        .file("content/testvik/bilder/bti.ar.vtt", AR_VTT);
    assert_ok(&fx.build(&["--no-pdf"]));
    for (page, lang, words) in [
        (
            "testvik/opplaering/intro/index.html",
            "nb",
            "Hei og velkommen. Dette er BTI.",
        ),
        (
            "testvik/en/opplaering/intro/index.html",
            "en",
            "Hello and welcome. This is BTI.",
        ),
        // No Arabic module: the page shows the Norwegian text, with Arabic captions.
        ("testvik/ar/opplaering/intro/index.html", "ar", "مرحبا بكم."),
    ] {
        let html = fx.html(page);
        let video = select(&html, "figure video[controls][preload=none]");
        assert_eq!(video.len(), 1, "{page}");
        assert_eq!(
            video[0].value().attr("poster"),
            Some("/testvik/bilder/bti.jpg"),
            "{page}"
        );
        let source = select(&html, "video source[type=\"video/mp4\"]");
        assert_eq!(
            source[0].value().attr("src"),
            Some("/testvik/bilder/bti.mp4")
        );
        let tracks = select(&html, "video track[kind=captions]");
        assert_eq!(tracks.len(), 3, "{page}");
        let default = select(&html, "video track[default]");
        assert_eq!(default.len(), 1, "{page}");
        assert_eq!(default[0].value().attr("srclang"), Some(lang), "{page}");
        assert_eq!(
            default[0].value().attr("src"),
            Some(format!("/testvik/bilder/bti.{lang}.vtt").as_str())
        );
        assert!(default[0]
            .value()
            .attr("label")
            .is_some_and(|l| !l.is_empty()));
        let transcript = select(&html, "details.film-transcript");
        assert_eq!(transcript.len(), 1, "{page}");
        assert_eq!(transcript[0].value().attr("lang"), Some(lang), "{page}");
        let paragraphs: Vec<String> = select(&html, "details.film-transcript p")
            .iter()
            .map(text)
            .collect();
        assert_eq!(paragraphs, [words], "{page}");
        // No <figure> inside a paragraph; the print line names the film's full address.
        assert!(select(&html, "p figure, p video").is_empty(), "{page}");
        let print = select(&html, ".film-print");
        assert!(
            text(&print[0]).contains("https://test.example/testvik/bilder/bti.mp4"),
            "{}",
            text(&print[0])
        );
        // Paper gets the transcript too (a closed <details> prints closed).
        assert_eq!(print[1].value().attr("lang"), Some(lang), "{page}");
        assert_eq!(text(&print[1]), words, "{page}");
    }
    // The files the page names exist in the output (the build verified them too).
    for f in [
        "bilder/bti.mp4",
        "bilder/bti.jpg",
        "bilder/bti.nb.vtt",
        "bilder/bti.ar.vtt",
    ] {
        assert!(fx.out().join("testvik").join(f).is_file(), "{f}");
    }
}

#[test]
fn a_missing_captions_file_is_an_error_at_the_line_that_places_the_film() {
    let fx = with_film().file("content/testvik/bilder/bti.en.vtt", EN_VTT);
    let err = flat(&assert_fails(&fx.build(&["--no-pdf"])));
    assert!(
        err.contains("content/testvik/opplaering/intro.md:9:1"),
        "{err}"
    );
    assert!(err.contains("no captions in Norsk bokmål"), "{err}");
    assert!(err.contains("bilder/bti.nb.vtt"), "{err}");
    assert!(!fx.out().exists(), "nothing is published");
}

#[test]
fn a_broken_cue_is_an_error_at_its_line_in_the_captions_file() {
    let broken = "WEBVTT\n\n00:00.000 --> 00:02.000\nHei.\n\n00:02,000 --> 00:04.000\nKomma i tiden.\n\n00:05.000 --> 00:04.000\nBaklengs.\n";
    let fx = with_film().file("content/testvik/bilder/bti.nb.vtt", broken);
    let err = flat(&assert_fails(&fx.run(&["check"])));
    assert!(
        err.contains("content/testvik/bilder/bti.nb.vtt:6:1"),
        "{err}"
    );
    assert!(err.contains("`00:02,000` is not a time"), "{err}");
    assert!(
        err.contains("content/testvik/bilder/bti.nb.vtt:9:1"),
        "{err}"
    );
    assert!(err.contains("the cue ends"), "{err}");
}

#[test]
fn an_external_film_is_a_link_card_with_no_player_and_no_request_to_the_host() {
    let fx = Fixture::kommune().file(
        "content/testvik/sider/film.md",
        "---\ntitle: \"Film om stafettloggen\"\n---\nSe filmen:\n\n{{ film https://video.example/v/123 \"Slik brukes stafettloggen\" 3:20 }}\n",
    );
    assert_ok(&fx.build(&["--no-pdf"]));
    let page = fx.read("testvik/film/index.html");
    let html = fx.html("testvik/film/index.html");
    let card = select(&html, ".film-card");
    assert_eq!(card.len(), 1, "{page}");
    let link = select(&html, ".film-card a[href=\"https://video.example/v/123\"]");
    assert_eq!(text(&link[0]), "Slik brukes stafettloggen");
    assert!(text(&card[0]).contains("3:20"), "{}", text(&card[0]));
    assert!(
        text(&card[0]).contains("video.example"),
        "{}",
        text(&card[0])
    );
    for tag in ["<video", "<iframe", "<object", "<embed", "<audio"] {
        assert!(!page.contains(tag), "{tag} in the page");
    }
    // The host is only ever the target of a link: no element loads anything from it.
    for (css, attr) in [
        ("[src]", "src"),
        ("[poster]", "poster"),
        ("[srcset]", "srcset"),
        ("link[href]", "href"),
    ] {
        for el in select(&html, css) {
            let url = el.value().attr(attr).unwrap_or("");
            assert!(!url.contains("video.example"), "{css}: {url}");
        }
    }
    // A malformed film shortcode says how to write it.
    let fx = Fixture::kommune().file(
        "content/testvik/sider/film.md",
        "---\ntitle: \"Film\"\n---\n{{ film http://video.example/v/1 Tittel }}\n",
    );
    let err = flat(&assert_fails(&fx.run(&["check"])));
    assert!(err.contains("sider/film.md:4:1"), "{err}");
    assert!(err.contains("is not an https:// address"), "{err}");
}

#[test]
fn a_film_over_the_size_limit_is_a_warning_suggesting_a_smaller_encoding() {
    let fx = with_film()
        .file("content/testvik/bilder/bti.nb.vtt", NB_VTT)
        .file(
            "veiviser.yaml",
            "title: \"Test\"\nbase_url: \"https://test.example/\"\ndemo: true\nfilm_max_mb: 1\n",
        )
        .bytes(
            "content/testvik/bilder/bti.mp4",
            &vec![0u8; 1024 * 1024 + 1],
        );
    let out = fx.run(&["check", "--verbose"]);
    assert_ok(&out);
    let err = flat(&stderr(&out));
    assert!(
        err.contains("film-too-large") || err.contains("is 2 MB"),
        "{err}"
    );
    assert!(err.contains("opplaering/intro.md:9:1"), "{err}");
    assert!(err.contains("ffmpeg"), "{err}");
    // Under the default limit (50 MB), nothing is said.
    let fx = with_film().file("content/testvik/bilder/bti.nb.vtt", NB_VTT);
    let out = fx.run(&["check"]);
    assert_ok(&out);
    assert!(!stderr(&out).contains("MB"), "{}", stderr(&out));
}

#[test]
fn a_film_inside_a_sentence_or_without_a_title_is_an_error() {
    let fx = with_film()
        .file("content/testvik/bilder/bti.nb.vtt", NB_VTT)
        .file(
            "content/testvik/opplaering/intro.md",
            "---\ntitle: \"Introduksjon\"\naudience: \"Alle\"\nduration: \"5 minutter\"\ngoals: [\"Se\"]\n---\nSe ![Film](bilder/bti.mp4) her.\n\n![](bilder/bti.mp4)\n\n![Borte](bilder/borte.mp4)\n",
        );
    let err = flat(&assert_fails(&fx.run(&["check"])));
    assert!(err.contains("intro.md:7:4"), "{err}");
    assert!(err.contains("stands inside a sentence"), "{err}");
    assert!(err.contains("intro.md:9:1"), "{err}");
    assert!(err.contains("the film has no title"), "{err}");
    assert!(err.contains("intro.md:11:1"), "{err}");
    assert!(err.contains("`bilder/borte.mp4` does not exist"), "{err}");
}

#[test]
fn the_demo_film_builds_with_its_captions() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_veiviser"))
        .env("VEIVISER_LANG", "en")
        .args(["build", "--no-pdf", "--kommune", "fjordvik", "--out"])
        .arg(dir.path().join("public"))
        .arg("--root")
        .arg(repo())
        .output()
        .unwrap();
    assert_ok(&out);
    let film = repo().join("content/felles/bilder/bti-intro.mp4");
    let size = std::fs::metadata(&film).unwrap().len();
    assert!(size < 100 * 1024, "the demo film is {size} bytes");
    assert_eq!(
        veiviser::film::duration_ms(&film).map(|ms| ms / 1000),
        Some(7)
    );
    for lang in ["nb", "en"] {
        let vtt = std::fs::read_to_string(
            repo().join(format!("content/felles/bilder/bti-intro.{lang}.vtt")),
        )
        .unwrap();
        assert_eq!(veiviser::vtt::parse(&vtt).unwrap().len(), 2, "{lang}");
    }
}

#[test]
fn print_shows_a_films_title_duration_and_address_with_a_qr_code() {
    let have = |tool: &str| std::process::Command::new(tool).arg("-v").output().is_ok();
    if !have("pdftotext") || !have("zbarimg") || !have("pdftoppm") {
        eprintln!("SKIPPED: pdftotext, pdftoppm or zbarimg not installed");
        return;
    }
    let fx = with_film()
        .file("content/testvik/bilder/bti.nb.vtt", NB_VTT)
        .file(
            "content/testvik/trykk/brosjyre.md",
            "---\ntitle: \"Til foreldre\"\nkind: brochure\nformat: A5\n---\n## Se filmen\n\n![Informasjonsfilm om BTI](bilder/bti.mp4)\n\n{{ film https://video.example/v/9 \"Slik brukes stafettloggen\" 3:20 }}\n",
        );
    assert_ok(&fx.build(&["--kommune", "testvik"]));
    let pdf = std::fs::read_dir(fx.out().join("trykk"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("brosjyre") && name.ends_with(".pdf") && !name.contains("hefte")
        })
        .expect("the brochure's PDF");
    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let words = flat(&String::from_utf8_lossy(&out.stdout));
    assert!(
        words.contains("Film: Informasjonsfilm om BTI (0:04)"),
        "{words}"
    );
    assert!(
        words.contains("https://test.example/bilder/bti.mp4"),
        "{words}"
    );
    assert!(
        words.contains("Film: Slik brukes stafettloggen (3:20)"),
        "{words}"
    );
    assert!(words.contains("https://video.example/v/9"), "{words}");
    let dir = tempfile::tempdir().unwrap();
    let ok = std::process::Command::new("pdftoppm")
        .args(["-r", "150", "-png"])
        .arg(&pdf)
        .arg(dir.path().join("page"))
        .status()
        .unwrap();
    assert!(ok.success());
    let mut codes = Vec::new();
    for png in std::fs::read_dir(dir.path()).unwrap() {
        let out = std::process::Command::new("zbarimg")
            .args(["--raw", "-q"])
            .arg(png.unwrap().path())
            .output()
            .unwrap();
        codes.extend(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_string),
        );
    }
    assert!(
        codes
            .iter()
            .any(|c| c == "https://test.example/bilder/bti.mp4"),
        "{codes:?}"
    );
    assert!(
        codes.iter().any(|c| c == "https://video.example/v/9"),
        "{codes:?}"
    );
}

#[test]
fn a_film_in_a_yaml_field_is_placed_and_checked_like_one_in_a_body() {
    let level = level(1, "samtykke").replace(
        "how: \"Gjør slik.\"",
        "how: \"![Film om samtykke](bilder/samtykke.mp4)\"",
    );
    let fx = Fixture::kommune()
        .file("content/testvik/veileder/niva-1.md", &level)
        .bytes("content/testvik/bilder/samtykke.mp4", b"film");
    let err = flat(&assert_fails(&fx.run(&["check"])));
    let line = level
        .lines()
        .position(|l| l.contains("samtykke.mp4"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("content/testvik/veileder/niva-1.md:{line}:")),
        "{err}"
    );
    assert!(err.contains("missing-captions"), "{err}");
    let fx = fx.file("content/testvik/bilder/samtykke.nb.vtt", NB_VTT);
    assert_ok(&fx.build(&["--no-pdf", "--kommune", "testvik"]));
    let html = fx.html("veileder/niva-1/index.html");
    assert_eq!(
        select(&html, ".step .film video track[srclang=nb]").len(),
        1
    );
    assert_eq!(
        select(&html, ".step .film details.film-transcript").len(),
        1
    );
}
